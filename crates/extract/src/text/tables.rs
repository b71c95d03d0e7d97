//! The shape of a per-language table of cues for cleaning scraped text.
//!
//! Every phrase the cleaner looks for lives in one table per language
//! (`lang_en.rs`, `lang_es.rs`, ...). The algorithm in `mod.rs` never names
//! a phrase itself, so adding a language is adding a table to [`TABLES`].
//! Phrases are lowercase; lines are lowercased before matching.

use super::{lang_en, lang_es};

/// Cues of one language.
pub(crate) struct LangTable {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Frequent function words: used to tell the language of a single line
    /// and to ignore function words when measuring how much a block repeats
    /// the story. Pick words that are rare in the other tables' languages.
    pub stopwords: &'static [&'static str],
    /// Whole lines that are navigation or page chrome ("skip to content").
    /// Matched after trimming trailing punctuation.
    pub nav_lines: &'static [&'static str],
    /// Substrings marking a newsletter, subscription, login or paywall
    /// prompt addressed to the reader.
    pub prompt_phrases: &'static [&'static str],
    /// Line prefixes after which nothing belongs to the article
    /// ("filed under", tag lists, "about the author").
    pub end_markers: &'static [&'static str],
    /// Line prefixes of links to other stories ("read more", "related").
    /// A bare marker also drops the headline-like lines that follow it.
    pub related_markers: &'static [&'static str],
    /// Line prefixes of blocks that re-tell the story ("frequently asked
    /// questions", "more information"); dropped only when what follows
    /// them overlaps the body heavily.
    pub recap_headers: &'static [&'static str],
    /// Substrings marking a photo caption or credit.
    pub caption_cues: &'static [&'static str],
    /// Substrings of an author or team blurb at the end of a page.
    pub blurb_cues: &'static [&'static str],
    /// A credit line ending with one of these names its outlet before it
    /// ("Daily Planet Editorial Team").
    pub team_suffixes: &'static [&'static str],
    /// A credit line starting with one of these names its outlet after it
    /// ("Redacción Diario Sur").
    pub team_prefixes: &'static [&'static str],
    /// Inside a prompt line, the outlet's name follows one of these words
    /// ("news coverage from The Daily Planet").
    pub outlet_after: &'static [&'static str],
    /// Words introducing a byline ("by").
    pub byline_prefixes: &'static [&'static str],
    /// Job titles that follow a name in a byline ("staff writer"); dropped
    /// from the names.
    pub job_titles: &'static [&'static str],
    /// Words introducing a publish date in a metadata line ("published").
    pub date_keywords: &'static [&'static str],
    /// Lowercase particles allowed inside a person's or outlet's name.
    pub name_particles: &'static [&'static str],
}

/// All languages the cleaner knows.
pub(crate) static TABLES: &[&LangTable] = &[&lang_en::TABLE, &lang_es::TABLE];

/// Iterates over every phrase of one field across all tables.
pub(crate) fn all<'a>(
    field: impl Fn(&'static LangTable) -> &'static [&'static str] + 'a,
) -> impl Iterator<Item = &'static str> + 'a {
    TABLES.iter().flat_map(move |t| field(t).iter().copied())
}

/// True when `word` (lowercase) is a stopword of any table.
pub(crate) fn is_stopword(word: &str) -> bool {
    TABLES.iter().any(|t| t.stopwords.contains(&word))
}

/// The month number of a (lowercase) month name or abbreviation.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    crosswire_lang::month_number(name)
}

/// Month names and abbreviations of every language the shared calendar
/// data knows (not only the tables'): a date line is read whatever the
/// language of the cleaning cues.
pub(crate) fn month_words() -> impl Iterator<Item = &'static str> {
    crosswire_lang::CALENDARS.iter().flat_map(|(_, cal)| {
        cal.months
            .iter()
            .chain(cal.month_abbreviations)
            .map(|(m, _)| m.trim_end_matches('.'))
    })
}

/// Weekday names and abbreviations of every language (a weekday may
/// precede a date).
pub(crate) fn weekday_words() -> impl Iterator<Item = &'static str> {
    crosswire_lang::CALENDARS.iter().flat_map(|(_, cal)| {
        cal.weekdays
            .iter()
            .chain(cal.weekday_abbreviations)
            .map(|(d, _)| *d)
    })
}
