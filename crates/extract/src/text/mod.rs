//! Cleaning scraped plain text into an article.
//!
//! Text scraped from a news page keeps the page's boilerplate: navigation
//! residue, photo captions and credits, newsletter and paywall prompts
//! (sometimes in another language than the story), "Filed under" lines and
//! author blurbs, links to related stories, and recap blocks (FAQ, "more
//! information") that re-tell the story. [`extract_text`] finds the title,
//! standfirst, body paragraphs, subheads and captions among it.
//!
//! How it works, in passes over the text's lines ("units"):
//!
//! 1. split into units, remembering the blank lines between them (some
//!    scrapes separate paragraphs by blank lines, some by single newlines);
//! 2. classify each unit by its shape and by the cues of the language
//!    tables (`lang_*.rs`): navigation, prompt, end marker, related link,
//!    caption, prose or short line; tell each line's language by its
//!    stopwords;
//! 3. read leading metadata (a `date ...` line, a byline), then the title
//!    and standfirst from the head;
//! 4. the body runs from the first to the last prose unit in the article's
//!    language, stopped by the first end marker; a trailing recap block is
//!    cut when its words repeat the body (see `repeat.rs`);
//! 5. short lines inside the body become subheads.
//!
//! Nothing here names a phrase: every cue lives in a per-language table.

mod credits;
mod date;
mod lang_en;
mod lang_es;
mod repeat;
mod tables;
#[cfg(test)]
mod tests;

use crosswire_model::{Article, ArticleBuilder, BlockKind, Published};
use once_cell::sync::Lazy;
use regex::Regex;
use tables::{LangTable, TABLES};

/// Extracts the article from scraped plain text.
///
/// ```
/// let raw = "Skip to content\n\nFlood closes bridge\n\n\
///            The river burst its banks on Monday and the old bridge was closed.\n\n\
///            Engineers said repairs would take a month.\n\n\
///            Sign up for our newsletter to get the news first";
/// let a = crosswire_extract::text::extract_text(raw, "flood.txt");
/// assert_eq!(a.title.as_deref(), Some("Flood closes bridge"));
/// assert_eq!(
///     a.body_text(),
///     "The river burst its banks on Monday and the old bridge was closed.\n\n\
///      Engineers said repairs would take a month."
/// );
/// ```
pub fn extract_text(raw: &str, source: &str) -> Article {
    let (mut units, blank_mode) = split_units(raw);
    let mut meta = Meta::default();
    classify(&mut units, blank_mode);
    read_head_metadata(&mut units, &mut meta);
    let main_lang = main_language(&units);
    mark_foreign(&mut units, main_lang);
    let layout = lay_out(&mut units, blank_mode);
    meta.outlet = credits::find_outlet(&units);
    build(units, layout, meta, source)
}

/// One line (or joined hard-wrapped block) of the input.
#[derive(Debug, Clone)]
struct Unit {
    text: String,
    /// Blank lines before this unit.
    gap_before: usize,
    /// Number of whitespace-separated words.
    words: usize,
    /// Language whose stopwords dominate the line, when clear.
    lang: Option<&'static str>,
    role: Role,
}

/// What a unit is. Classification refines it in passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Menus, share buttons, lone punctuation.
    Nav,
    /// Newsletter, subscription and login prompts.
    Prompt,
    /// A line after which nothing belongs to the article.
    End,
    /// A link to another story.
    Related,
    /// A photo caption or credit.
    Caption,
    /// A header announcing a recap block ("Frequently asked questions").
    RecapHeader,
    /// A metadata line already read (date, byline).
    Meta,
    /// Prose in another language than the article.
    Foreign,
    /// A sentence-like line.
    Prose,
    /// A short line without final punctuation: title, subhead, menu item.
    Short,
    /// The headline.
    Title,
    /// The deck under the headline.
    Standfirst,
    /// An in-body subhead.
    Subhead,
    /// A body paragraph.
    Paragraph,
    /// Boilerplate found by position (after the body, in a recap block).
    Dropped,
}

/// Metadata read from the text.
#[derive(Debug, Default)]
struct Meta {
    published: Option<Published>,
    byline: Vec<String>,
    outlet: Option<String>,
}

/// Where the body is, as unit indices.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// First body unit, if any body was found.
    start: Option<usize>,
    /// Last body unit (inclusive).
    end: usize,
}

// ---------------------------------------------------------------- units

/// Splits the text into units. Returns them and whether paragraphs are
/// separated by blank lines (`true`) or by single newlines.
fn split_units(raw: &str) -> (Vec<Unit>, bool) {
    let text = raw.replace("\r\n", "\n").replace('\r', "\n");
    // Blocks: runs of non-blank lines, with the blank lines before them.
    let mut blocks: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut gap = 0usize;
    for line in text.split('\n') {
        let t =
            line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}');
        if t.is_empty() {
            gap += 1;
            continue;
        }
        match blocks.last_mut() {
            Some((_, lines)) if gap == 0 => lines.push(t),
            _ => blocks.push((gap, vec![t])),
        }
        gap = 0;
    }
    let wrapped = looks_hard_wrapped(&blocks);
    let mut units = Vec::new();
    for (gap, lines) in blocks {
        if wrapped {
            units.push(Unit::new(lines.join(" "), gap));
        } else {
            for (i, l) in lines.into_iter().enumerate() {
                units.push(Unit::new(l.to_string(), if i == 0 { gap } else { 0 }));
            }
        }
    }
    let transitions = units.len().saturating_sub(1);
    let blank = units.iter().skip(1).filter(|u| u.gap_before > 0).count();
    let blank_mode = transitions > 0 && blank * 10 >= transitions * 3;
    (units, blank_mode)
}

/// True when the text was wrapped at a fixed width (each paragraph spread
/// over several lines of similar length), so lines of a block must be
/// joined rather than read as paragraphs of their own.
fn looks_hard_wrapped(blocks: &[(usize, Vec<&str>)]) -> bool {
    let max = blocks
        .iter()
        .flat_map(|(_, l)| l.iter())
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    if max > 110 {
        return false;
    }
    let inner: Vec<usize> = blocks
        .iter()
        .filter(|(_, l)| l.len() >= 2)
        .flat_map(|(_, l)| l[..l.len() - 1].iter().map(|x| x.chars().count()))
        .collect();
    let open_ends = blocks
        .iter()
        .filter(|(_, l)| l.len() >= 2)
        .flat_map(|(_, l)| l[..l.len() - 1].iter())
        .filter(|x| !ends_terminal(x))
        .count();
    // Wrapping cuts sentences anywhere, so most inner lines end mid-sentence;
    // one-paragraph-per-line text ends its lines with punctuation.
    inner.len() >= 3
        && inner.iter().filter(|n| (40..=110).contains(*n)).count() * 10 >= inner.len() * 8
        && open_ends * 10 >= inner.len() * 6
}

impl Unit {
    fn new(text: String, gap_before: usize) -> Self {
        let words = text.split_whitespace().count();
        let lang = line_language(&text);
        Unit {
            text,
            gap_before,
            words,
            lang,
            role: Role::Short,
        }
    }

    fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// Lowercase word tokens of a line.
fn tokens(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’').to_lowercase())
}

/// Stopword hits per table for a text.
fn stopword_hits(s: &str) -> Vec<usize> {
    let mut hits = vec![0usize; TABLES.len()];
    for w in tokens(s) {
        for (i, t) in TABLES.iter().enumerate() {
            if t.stopwords.contains(&w.as_str()) {
                hits[i] += 1;
            }
        }
    }
    hits
}

/// The language whose stopwords clearly dominate `hits`.
fn dominant(hits: &[usize], min: usize) -> Option<&'static str> {
    let (best, &n) = hits.iter().enumerate().max_by_key(|(_, n)| **n)?;
    let second = hits
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0);
    (n >= min && n > 2 * second).then(|| TABLES[best].code)
}

fn line_language(s: &str) -> Option<&'static str> {
    dominant(&stopword_hits(s), 2)
}

/// Final punctuation, looking through closing quotes and brackets.
fn ends_terminal(s: &str) -> bool {
    // An agency sign-off after the last sentence ("... determined. – Agency
    // (AG)") does not make the paragraph unfinished.
    // Unbounded repetitions with the length checked in code: a bounded
    // repetition of a Unicode class ({0,40} of \p{L}) compiles to an
    // automaton dozens of times larger, which cost every run ~10 ms.
    static SIGN_OFF: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r#"[.!?…]["”’»]?\s*(?:[-–—]\s*)?[\p{L}\p{M} .&']*\(\p{Lu}\p{L}+\)\s*$"#)
            .expect("static regex")
    });
    if s.ends_with(')') {
        let tail_start = s.len().saturating_sub(80);
        let tail_start = (tail_start..s.len())
            .find(|&i| s.is_char_boundary(i))
            .unwrap_or(s.len());
        if SIGN_OFF.is_match(&s[tail_start..]) {
            return true;
        }
    }
    let core = s.trim_end_matches(|c: char| "\"'”’»)]*".contains(c) || c.is_whitespace());
    let quoted = core.len() < s.trim_end().len();
    match core.chars().last() {
        Some('.' | '!' | '?' | '…' | ':' | ';') => true,
        // A closing quote after a word ends a sentence in many scrapes that
        // lost the period inside the quote.
        Some(_) => quoted && s.trim_end().ends_with(['"', '”', '»']),
        None => false,
    }
}

/// Ends with a full stop (not a question or exclamation).
fn ends_with_period(s: &str) -> bool {
    let core = s.trim_end_matches(|c: char| "\"'”’»)]".contains(c) || c.is_whitespace());
    core.ends_with('.') || core.ends_with('…')
}

fn is_question(s: &str) -> bool {
    let core = s.trim_end_matches(|c: char| "\"'”’»)]".contains(c) || c.is_whitespace());
    core.ends_with('?')
}

/// Trims the line to a comparable key: lowercase, no trailing punctuation.
fn key(s: &str) -> String {
    s.to_lowercase()
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || c == '…')
        .trim()
        .to_string()
}

fn starts_with_any(lower: &str, list: impl Iterator<Item = &'static str>) -> Option<&'static str> {
    list.into_iter().find(|p| {
        lower.starts_with(p)
            && lower[p.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn contains_any(lower: &str, list: impl Iterator<Item = &'static str>) -> bool {
    list.into_iter().any(|p| lower.contains(p))
}

/// A lone name line: a photographer or author credit ("Jane Q. Doe",
/// "Ana de la Cruz / Agency"). Words start uppercase or are name particles.
fn is_name_like(s: &str) -> bool {
    let parts: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '/' || c == '(' || c == ')' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if parts.is_empty() || parts.len() > 6 || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if ends_with_period(s) && !s.trim_end().ends_with(|c: char| c.is_uppercase()) {
        // "J." as a last initial is fine; a sentence is not.
        let last = parts.last().copied().unwrap_or("");
        if last.chars().count() > 2 {
            return false;
        }
    }
    parts.iter().all(|w| {
        let lw = w.to_lowercase();
        if tables::all(|t| t.name_particles).any(|p| p == lw) {
            return true;
        }
        w.chars().next().is_some_and(char::is_uppercase) && !tables::is_stopword(&lw)
    }) && parts
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

// ----------------------------------------------------------- classify

fn classify(units: &mut [Unit], blank_mode: bool) {
    for u in units.iter_mut() {
        u.role = shape_role(u);
    }
    // A caption followed, in the same block, by a lone name is a caption
    // with its photo credit. Requiring the same block keeps subheads like
    // "Rescue Teams" apart from credits in single-newline scrapes.
    for i in 1..units.len() {
        let same_block = blank_mode && units[i].gap_before == 0;
        let prev_caption_like = units[i - 1].role == Role::Caption
            || (same_block
                && units[i - 1].words <= 40
                && ends_terminal(&units[i - 1].text)
                && matches!(units[i - 1].role, Role::Prose | Role::Short));
        // "Photo: ..." credit under a caption line in the same block.
        if same_block
            && units[i].role == Role::Caption
            && units[i - 1].words <= 40
            && matches!(units[i - 1].role, Role::Prose | Role::Short)
        {
            units[i - 1].role = Role::Caption;
        }
        if prev_caption_like
            && is_name_like(&units[i].text)
            && units[i].role == Role::Short
            && (units[i - 1].role == Role::Caption || same_block)
        {
            units[i - 1].role = Role::Caption;
            units[i].role = Role::Caption;
        }
    }
    mark_menus(units);
    mark_related_runs(units);
}

/// The role a unit has on its own, from its shape and the table cues.
fn shape_role(u: &Unit) -> Role {
    let lower = u.lower();
    let k = key(&u.text);
    if !u.text.chars().any(char::is_alphanumeric) {
        return Role::Nav;
    }
    // Whole nav lines, or a short line opening with a multi-word one
    // ("Skip to main contentSkip to navigation", glued by the scraper).
    if tables::all(|t| t.nav_lines).any(|n| {
        n == k || (u.words <= 8 && n.contains(' ') && k.starts_with(n) && !ends_terminal(&u.text))
    }) {
        return Role::Nav;
    }
    // Cue phrases at the start of a long sentence ("Related to the fire,
    // police ...") are prose; the guards keep them so.
    let sentence = ends_with_period(&u.text);
    if starts_with_any(&lower, tables::all(|t| t.end_markers)).is_some()
        && (u.words <= 12 || !sentence)
    {
        return Role::End;
    }
    if contains_any(&lower, tables::all(|t| t.prompt_phrases)) {
        return Role::Prompt;
    }
    if let Some(m) = starts_with_any(&lower, tables::all(|t| t.related_markers)) {
        let colon = lower[m.len()..].trim_start().starts_with(':');
        if u.words <= 20 && (colon || !sentence) {
            return Role::Related;
        }
    }
    if starts_with_any(&lower, tables::all(|t| t.recap_headers)).is_some()
        && !ends_with_period(&u.text)
        && u.words <= 20
    {
        return Role::RecapHeader;
    }
    // A caption is short; an agency name in brackets at the start of a
    // paragraph is a dateline ("CITY (Agency) - ..."), not a photo credit.
    if u.words <= 30
        && !is_dateline(&u.text)
        && contains_any(&lower, tables::all(|t| t.caption_cues))
    {
        return Role::Caption;
    }
    if is_prose(u) {
        Role::Prose
    } else {
        Role::Short
    }
}

/// "CITY, Region, Date (Agency) –" opening a wire story.
/// The repetitions are unbounded and the length is checked by
/// [`is_dateline`]: bounded repetitions of Unicode classes compile to
/// automata large enough to dominate a short run's start-up.
static DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu}\p{M} .'’-]+(?:,\s*[\p{L}\p{N} .'’-]+){0,3}\s*\([^)]+\)\s*[-–—:.]")
        .expect("static regex")
});

/// A wire dateline opening the line, at most a couple of hundred bytes long.
fn is_dateline(line: &str) -> bool {
    DATELINE.find(line).is_some_and(|m| m.end() <= 200)
}

/// Sentence-like: final punctuation and a few words, or simply long.
/// A bulleted line of a few words is a list item, and list items are body.
fn is_prose(u: &Unit) -> bool {
    (is_bullet(&u.text) && u.words >= 4) || is_prose_shape(u)
}

fn is_bullet(s: &str) -> bool {
    ["• ", "· ", "- ", "* ", "– ", "▪ "]
        .iter()
        .any(|b| s.starts_with(b))
}

/// Sentence-like: final punctuation and a few words, or simply long.
fn is_prose_shape(u: &Unit) -> bool {
    (ends_terminal(&u.text) && u.words >= 3 && !u.text.trim_end().ends_with(':')) || u.words >= 25
}

/// Three or more short lines in a row are a menu or a tag list.
fn mark_menus(units: &mut [Unit]) {
    let menu_item = |u: &Unit| {
        // Lines with figures ("14 dead", "23 injured") are facts, not menu
        // entries.
        matches!(u.role, Role::Short | Role::Nav)
            && u.words <= 4
            && !u.text.chars().any(|c| c.is_ascii_digit())
            && !ends_terminal(&u.text)
            && u.text.chars().count() <= 40
    };
    let mut i = 0;
    while i < units.len() {
        let mut j = i;
        while j < units.len() && menu_item(&units[j]) {
            j += 1;
        }
        if j - i >= 3 {
            for u in &mut units[i..j] {
                u.role = Role::Nav;
            }
        }
        i = j.max(i + 1);
    }
}

/// A bare "Related" / "Read more" header drops the headline-like lines
/// listed under it (story titles, their dates).
fn mark_related_runs(units: &mut [Unit]) {
    let mut i = 0;
    while i < units.len() {
        if units[i].role == Role::Related && units[i].words <= 3 {
            let mut j = i + 1;
            while j < units.len()
                && (matches!(units[j].role, Role::Short | Role::Nav | Role::Caption)
                    || date::whole_line(&units[j].text).is_some())
            {
                units[j].role = Role::Related;
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

// ------------------------------------------------------------ metadata

/// Reads a `date ...` line, a lone date line and a byline from the head
/// (before the first prose paragraph).
fn read_head_metadata(units: &mut [Unit], meta: &mut Meta) {
    // The head ends after two prose units: the standfirst may be prose-like
    // and a date line may sit between it and the first paragraph.
    let mut prose_seen = 0;
    for u in units.iter_mut() {
        if !matches!(u.role, Role::Short | Role::Prose | Role::Nav) {
            continue;
        }
        if meta.published.is_none() {
            if let Some((p, rest)) = date::metadata_line(&u.text) {
                meta.published = Some(p);
                let rest = rest.to_string();
                // "Published ... Updated ...": the second date is metadata too.
                let more_meta =
                    date::metadata_line(&rest).is_some() || date::whole_line(&rest).is_some();
                if rest.is_empty() || more_meta {
                    u.role = Role::Meta;
                } else {
                    *u = Unit::new(rest, u.gap_before);
                    u.role = shape_role(u);
                }
                if u.role == Role::Prose {
                    prose_seen += 1;
                }
                continue;
            }
            if let Some(v) = date::whole_line(&u.text) {
                meta.published = Some(Published {
                    value: v,
                    precision: crosswire_model::Precision::Day,
                    origin: crosswire_model::DateOrigin::Text,
                });
                u.role = Role::Meta;
                continue;
            }
        }
        if meta.byline.is_empty() && u.words <= 10 {
            if let Some(names) = credits::byline(&u.text) {
                meta.byline = names;
                u.role = Role::Meta;
                continue;
            }
        }
        if u.role == Role::Prose {
            prose_seen += 1;
            if prose_seen >= 2 {
                break;
            }
        }
    }
}

// ------------------------------------------------------------ language

/// The article's language: the table whose stopwords dominate its prose.
/// Boilerplate in another language gathers at the end of a page, so the
/// first half of the prose counts double.
fn main_language(units: &[Unit]) -> Option<&'static str> {
    let mut hits = vec![0usize; TABLES.len()];
    let prose: Vec<&Unit> = units.iter().filter(|u| u.role == Role::Prose).collect();
    let half = prose.len().div_ceil(2);
    for (i, u) in prose.iter().enumerate() {
        let weight = if i < half { 2 } else { 1 };
        for (h, n) in hits.iter_mut().zip(stopword_hits(&u.text)) {
            *h += n * weight;
        }
    }
    dominant(&hits, 5)
}

/// A prose line in another language than the article is not body: short
/// ones are captions (an edition's caption left untranslated), long ones
/// boilerplate such as a paywall notice.
fn mark_foreign(units: &mut [Unit], main: Option<&'static str>) {
    let Some(main) = main else { return };
    for u in units.iter_mut() {
        let foreign = u.lang.is_some_and(|l| l != main);
        if !foreign {
            continue;
        }
        match u.role {
            Role::Prose if u.words <= 25 && ends_with_period(&u.text) => u.role = Role::Caption,
            Role::Prose | Role::Short => u.role = Role::Foreign,
            _ => {}
        }
    }
}

// -------------------------------------------------------------- layout

/// Content that may start an article's head: everything but chrome.
fn is_content(r: Role) -> bool {
    matches!(r, Role::Prose | Role::Short)
}

/// Finds title, standfirst and body and assigns their roles.
fn lay_out(units: &mut [Unit], blank_mode: bool) -> Layout {
    // The body ends at the first end marker after some prose, provided
    // less prose follows it than precedes it: a "jump to comments" link
    // under the lead must not cut the story. Other end markers are chrome.
    let prose_words: Vec<usize> = units
        .iter()
        .map(|u| if u.role == Role::Prose { u.words } else { 0 })
        .collect();
    let total: usize = prose_words.iter().sum();
    let mut before = 0;
    let mut limit = units.len();
    for i in 0..units.len() {
        if units[i].role == Role::End && before > 0 {
            if total - before <= before {
                limit = i;
                break;
            }
            units[i].role = Role::Nav;
        }
        before += prose_words[i];
    }
    for u in &mut units[limit..] {
        u.role = Role::Dropped;
    }

    // Title: the first content unit of three words or more (a one-word
    // section label may sit above the headline), when it reads like a
    // headline. A headline repeated right below (breadcrumb, then heading)
    // is dropped.
    let mut cursor = 0;
    let head_end = units[..limit]
        .iter()
        .position(|u| u.role == Role::Prose)
        .unwrap_or(limit);
    // Prefer a headline-like line that echoes the lead: page furniture
    // above the headline ("Back to home", a site slogan) shares no words
    // with the story.
    let lead: rustc_hash::FxHashSet<String> = units[head_end..limit]
        .iter()
        .filter(|u| u.role == Role::Prose)
        .take(2)
        .flat_map(|u| repeat::content_words(&u.text).collect::<Vec<_>>())
        .collect();
    let echoes = |u: &Unit| {
        let words: Vec<String> = repeat::content_words(&u.text).collect();
        let shared = words.iter().filter(|w| lead.contains(*w)).count();
        !words.is_empty() && shared * 10 >= words.len() * 3
    };
    let echoing = (0..head_end.min(limit)).find(|&i| {
        let u = &units[i];
        is_content(u.role) && headline_like(u) && echoes(u)
    });
    let first = echoing.or_else(|| {
        units[..limit]
            .iter()
            .enumerate()
            .filter(|(i, u)| is_content(u.role) && *i <= head_end)
            .find(|(_, u)| u.words >= 3)
            .map(|(i, _)| i)
            .or_else(|| units[..limit].iter().position(|u| is_content(u.role)))
    });
    if let Some(t) = first {
        let u = &units[t];
        let later_prose = units[t + 1..limit].iter().any(|x| x.role == Role::Prose);
        if later_prose
            && u.words <= 30
            && u.text.chars().count() <= 250
            && (!ends_with_period(&u.text) || period_headline(units, t, limit))
        {
            units[t].role = Role::Title;
            cursor = t + 1;
            let title_key = key(&units[t].text);
            for u in &mut units[cursor..limit] {
                if u.role == Role::Prose {
                    break;
                }
                if is_content(u.role) && key(&u.text) == title_key {
                    u.role = Role::Dropped;
                }
            }
        }
    }

    // Standfirst: the next content unit after a title, when it is one
    // sentence set apart: no final period, or a wider gap than paragraphs
    // have. (A photo right after it is no cue: photos follow first
    // paragraphs just as often.)
    if cursor > 0 {
        let typical_gap = typical_gap(units);
        if let Some(off) = units[cursor..limit].iter().position(|u| is_content(u.role)) {
            let s = cursor + off;
            let u = &units[s];
            let gap_after = units.get(s + 1).map(|x| x.gap_before).unwrap_or(0);
            let one_sentence = sentence_count(&u.text) <= 1;
            let set_apart = !ends_with_period(&u.text) || (blank_mode && gap_after > typical_gap);
            let more_prose = units[s + 1..limit].iter().any(|x| x.role == Role::Prose);
            if one_sentence && u.words >= 4 && u.words <= 60 && set_apart && more_prose {
                units[s].role = Role::Standfirst;
                cursor = s + 1;
            }
        }
    }

    // Body: first to last prose unit before the limit.
    let start = units[cursor..limit]
        .iter()
        .position(|u| u.role == Role::Prose)
        .map(|p| p + cursor);
    let Some(start) = start else {
        return Layout {
            start: None,
            end: 0,
        };
    };
    let mut end = units[..limit]
        .iter()
        .rposition(|u| u.role == Role::Prose)
        .unwrap_or(start);

    // Trailing recap (FAQ) blocks and author blurbs.
    if let Some(cut) = repeat::recap_start(units, start, end) {
        for u in &mut units[cut..=end] {
            if u.role != Role::Caption {
                u.role = Role::Dropped;
            }
        }
        end = units[..cut]
            .iter()
            .rposition(|u| u.role == Role::Prose)
            .unwrap_or(start);
    }
    while end > start && is_blurb(&units[end]) {
        units[end].role = Role::Dropped;
        end = units[..end]
            .iter()
            .rposition(|u| u.role == Role::Prose)
            .unwrap_or(start);
    }

    // Roles inside the body. Short lines set in a block together are a
    // list (facts such as "14 dead"), not subheads.
    let short: Vec<bool> = units.iter().map(|u| u.role == Role::Short).collect();
    for i in start..=end {
        let in_list = (i > 0 && short[i - 1] && units[i].gap_before == 0)
            || (i + 1 < units.len() && short[i + 1] && units[i + 1].gap_before == 0);
        units[i].role = match units[i].role {
            Role::Prose if is_question_subhead(units, i, end) => Role::Subhead,
            Role::Prose => Role::Paragraph,
            Role::Short => {
                let next = units[i + 1..=end]
                    .iter()
                    .find(|x| !matches!(x.role, Role::Nav | Role::Caption | Role::Related));
                let before_prose = next.is_some_and(|x| x.role == Role::Prose);
                let t = &units[i].text;
                let has_digit = t.chars().any(|c| c.is_ascii_digit());
                if units[i].words <= 15
                    && (!ends_terminal(t) || is_question(t))
                    && before_prose
                    && !in_list
                {
                    Role::Subhead
                } else if units[i].words > 15 || ends_terminal(t) || has_digit || in_list {
                    Role::Paragraph
                } else {
                    // An isolated short line that heads nothing: page chrome.
                    Role::Dropped
                }
            }
            Role::RecapHeader if units[i].words > 3 => Role::Subhead,
            r @ Role::Caption => r,
            _ => Role::Dropped,
        };
    }
    Layout {
        start: Some(start),
        end,
    }
}

/// A short question heading a section ("What happens next?"): a few words,
/// prose after it, and no question right before it (that would be a Q&A).
fn is_question_subhead(units: &[Unit], i: usize, end: usize) -> bool {
    let u = &units[i];
    if u.words > 6 || !is_question(&u.text) || i >= end {
        return false;
    }
    let prev_question = units[..i]
        .iter()
        .rev()
        .find(|x| matches!(x.role, Role::Prose | Role::Paragraph | Role::Subhead))
        .is_some_and(|x| is_question(&x.text));
    let next_prose = units[i + 1..=end]
        .iter()
        .find(|x| matches!(x.role, Role::Prose | Role::Short))
        .is_some_and(|x| x.role == Role::Prose && !is_question(&x.text));
    !prev_question && next_prose
}

/// A first line that ends in a period yet is the headline: some sources
/// end every headline with one. It must open the text, be one short
/// sentence, and be much shorter than the paragraphs below it: a one-line
/// lead is about as long as the paragraphs that follow it, a headline
/// about half as long or less.
fn period_headline(units: &[Unit], t: usize, limit: usize) -> bool {
    let Some(u) = units.get(t) else {
        return false;
    };
    if u.words > 20 || sentence_count(&u.text) > 1 {
        return false;
    }
    if units[..t].iter().any(|x| is_content(x.role)) {
        return false;
    }
    let mut later: Vec<usize> = units
        .get(t + 1..limit)
        .unwrap_or(&[])
        .iter()
        .filter(|x| x.role == Role::Prose)
        .map(|x| x.words)
        .collect();
    later.sort_unstable();
    later
        .get(later.len() / 2)
        .is_some_and(|&median| u.words * 2 <= median)
}

/// Shaped like a headline: a few words to a long line, no final period.
fn headline_like(u: &Unit) -> bool {
    (3..=30).contains(&u.words) && u.text.chars().count() <= 250 && !ends_with_period(&u.text)
}

/// The usual number of blank lines between paragraphs.
fn typical_gap(units: &[Unit]) -> usize {
    let mut gaps: Vec<usize> = units.iter().skip(1).map(|u| u.gap_before).collect();
    gaps.sort_unstable();
    gaps.get(gaps.len() / 2).copied().unwrap_or(0)
}

/// Sentence ends inside a line: a period, question or exclamation mark
/// followed by a space and an uppercase letter.
fn sentence_count(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    let mut n = 1;
    for w in chars.windows(3) {
        if matches!(w[0], '.' | '!' | '?') && w[1] == ' ' && w[2].is_uppercase() {
            n += 1;
        }
    }
    n
}

fn is_blurb(u: &Unit) -> bool {
    u.words <= 80 && contains_any(&u.lower(), tables::all(|t| t.blurb_cues))
}

// --------------------------------------------------------------- build

fn build(units: Vec<Unit>, layout: Layout, meta: Meta, source: &str) -> Article {
    let mut b = ArticleBuilder::new(source);
    let body_end = layout.start.map(|_| layout.end);
    for (i, u) in units.iter().enumerate() {
        let kind = match u.role {
            Role::Title => BlockKind::Title,
            Role::Standfirst => BlockKind::Standfirst,
            Role::Subhead => BlockKind::Subhead,
            Role::Paragraph => BlockKind::Paragraph,
            // Captions are kept (they carry dates and figures) when they
            // sit inside the article rather than in the page's tail.
            Role::Caption if body_end.is_none_or(|e| i <= e + 1) => BlockKind::Caption,
            _ => continue,
        };
        let pushed = b.blocks().len();
        b.push_block(kind, &u.text);
        if kind == BlockKind::Standfirst && b.blocks().len() > pushed {
            b.mark_standfirst();
        }
    }
    b.published = meta.published;
    b.byline = meta.byline;
    b.outlet = meta.outlet;
    b.finish()
}

/// The language codes of the built-in tables (for documentation and tests).
pub fn languages() -> impl Iterator<Item = &'static str> {
    TABLES.iter().map(|t: &&LangTable| t.code)
}
