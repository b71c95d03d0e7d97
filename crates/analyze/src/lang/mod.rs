//! Language data: everything the analyzers know about a language lives in
//! one [`Lang`] table per language (`en.rs`, `es.rs`, `pt.rs`, `fr.rs`,
//! `it.rs`, `de.rs`, `nl.rs`), plus the shared world gazetteer (`world.rs`:
//! countries, demonyms, capitals). The algorithms in the other modules only
//! ever read a compiled [`Lexicon`], so adding a language means writing one
//! more table (starting from [`BASE`], which knows nothing) and naming it
//! in [`LANGS`], not touching the algorithms.

use crosswire_model::Qualifier;
use once_cell::sync::Lazy;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast, non-cryptographic hasher (the FxHash mixing step) for
/// the word tables: table lookups dominate the analyzers, and the keys
/// are not attacker-chosen in a way that matters for a per-article run.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.hash = (self.hash.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // Words are short: fold them in 8-byte chunks with shifts, no copies.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = 0u64;
            for (k, &b) in c.iter().enumerate() {
                w |= u64::from(b) << (8 * k);
            }
            self.add(w);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = 0u64;
            for (k, &b) in rest.iter().enumerate() {
                w |= u64::from(b) << (8 * k);
            }
            self.add(w);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Hash builder for [`FxHasher`].
pub type FxBuild = BuildHasherDefault<FxHasher>;
/// A map with the fast hasher.
pub type HashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
/// A set with the fast hasher.
pub type HashSet<K> = std::collections::HashSet<K, FxBuild>;

pub mod de;
pub mod en;
pub mod es;
pub mod fr;
pub mod it;
pub mod nl;
pub mod pt;
pub mod speech;
pub mod world;

/// Every language with a table; the first is the fallback for a language
/// without one.
pub static LANGS: &[&Lang] = &[
    &en::LANG,
    &es::LANG,
    &pt::LANG,
    &fr::LANG,
    &it::LANG,
    &de::LANG,
    &nl::LANG,
];

/// A calendar without words, for [`BASE`].
const NO_CALENDAR: crosswire_lang::Calendar = crosswire_lang::Calendar {
    months: &[],
    month_abbreviations: &[],
    weekdays: &[],
    weekday_abbreviations: &[],
};

/// Unit symbols every language writes alike ("16 GB", "2.4GHz", "300 kW"),
/// with the unit they normalize to. Kept apart from the word tables so a
/// translation's "2 GB" and its original's read as one unit whatever the
/// language; only symbols that are no word of any language are listed.
const SYMBOL_UNITS: &[(&str, &str)] = &[
    ("kb", "KB"),
    ("mb", "MB"),
    ("gb", "GB"),
    ("khz", "kHz"),
    ("mhz", "MHz"),
    ("ghz", "GHz"),
    ("kw", "kW"),
    ("gw", "GW"),
    ("kwh", "kWh"),
    ("mwh", "MWh"),
    ("gwh", "GWh"),
];

/// A language that knows no words: new tables start from it
/// (`Lang { code: "xx", number_words: &[..], ..BASE }`) and fill in what
/// they know, so a language can begin with numbers and dates alone.
pub const BASE: Lang = Lang {
    code: "",
    function_words: &[],
    abbreviations: &[],
    title_abbreviations: &[],
    number_words: &[],
    multipliers: &[],
    and_words: &[],
    half_words: &[],
    indefinite: &[],
    qualifiers: &[],
    post_qualifiers: &[],
    vague: &[],
    vague_scalers: &[],
    range_words: &[],
    between_words: &[],
    from_words: &[],
    percent_words: &["%"],
    currency_words: &[],
    units: &[],
    age_words: &[],
    age_links: &[],
    calendar: &NO_CALENDAR,
    month_parts: &[],
    relative: &[],
    future_markers: &[],
    ago_after: &[],
    ago_before: &[],
    date_of: &[],
    cue_verbs: &[],
    figure: &NO_FIGURE_WORDS,
    according: &[],
    pronouns: &[],
    possessives: &[],
    determiners: &[],
    honorifics: &[],
    roles: &[],
    portfolios: &[],
    org_words: &[],
    org_nominals: &[],
    facility_words: &[],
    facility_nominals: &[],
    law_words: &[],
    law_nominals: &[],
    group_words: &[],
    country_nominals: &[],
    name_connectors: &[],
    locative: &[],
    place_prepositions: &[],
    strike_on: &[],
    place_kinds_after: &[],
    person_nouns: &[],
    saxon_genitive: false,
    adjectives_follow_noun: true,
    noun_markers: &[],
    common_noun_endings: &[],
};

/// Figure words of a language that knows none (see [`BASE`]).
pub const NO_FIGURE_WORDS: FigureWords = FigureWords {
    near_below: &[],
    time_qualifiers: &[],
    clock_words: &[],
    clock_before: &[],
    clock_before_bare: false,
    clock_after_ok: &[],
    clock_hours: &[],
    meridiem_phrases: &[],
    local_time: &[],
    universal_time: &[],
    zone_time_word: "",
    nobody: &[],
    no_words: &[],
    harm_nouns: &[],
    harm_verbs: &[],
    passive_aux: &[],
    one_phrases: &[],
    one_pronoun_after: &[],
    month_abbreviations: &[],
    relative_after: &[],
    one_pronoun_before: &[],
    both_words: &[],
    life_terms: &[],
    life_word: "",
    life_verbs: &[],
    times_words: &[],
    comparison_after: &[],
    ordinals: &[],
    ordinal_suffixes: &[],
    level_nouns: &[],
    series_nouns: &[],
    series_determiners: &[],
    series_modifiers: &[],
    spread_nouns: &[],
    measure_words: &[],
    identifier_before: &[],
    identifier_after: &[],
    singular_verbs: &[],
    singular_articles: &[],
    furniture_before: &[],
    furniture_after: &[],
    furniture_after_short: &[],
    photo_words: &[],
    over_more_than_after: &[],
    approx_phrases: &[],
    currency_prefixes: &[],
    per_hour: &[],
    square_before: &[],
    square_after: &[],
    age_before: &[],
    age_verbs: &[],
    currency_links: &[],
};

/// How a relative date expression moves from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// The reference day itself ("today", "hoy").
    Today,
    /// The day before ("yesterday", "ayer").
    Yesterday,
    /// The day after ("tomorrow").
    Tomorrow,
    /// The current week ("this week", "esta semana").
    ThisWeek,
    /// The week before.
    LastWeek,
    /// The current month.
    ThisMonth,
    /// The month before.
    LastMonth,
    /// The current year.
    ThisYear,
    /// The year before.
    LastYear,
    /// The year after.
    NextYear,
}

/// The static data of one language. Every field is plain data; multi-word
/// entries are written with single spaces and matched token by token.
#[derive(Debug)]
pub struct Lang {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Words that, sentence-initially capitalized, are not names.
    pub function_words: &'static [&'static str],
    /// Abbreviations that keep their final period ("mr", "gen", "inc").
    /// Titles among them never end a sentence.
    pub abbreviations: &'static [&'static str],
    /// Abbreviations that are titles and never end a sentence.
    pub title_abbreviations: &'static [&'static str],
    /// Cardinal number words with their value.
    pub number_words: &'static [(&'static str, f64)],
    /// Multipliers ("million", "millones") with their value.
    pub multipliers: &'static [(&'static str, f64)],
    /// Words for "and" inside number words and ranges.
    pub and_words: &'static [&'static str],
    /// "half" words ("two and a half million").
    pub half_words: &'static [&'static str],
    /// Indefinite articles that can stand for "one" before a multiplier.
    pub indefinite: &'static [&'static str],
    /// Qualifier phrases before a number.
    pub qualifiers: &'static [(&'static str, Qualifier)],
    /// Qualifier phrases after a number ("or more", "o más", "-plus").
    pub post_qualifiers: &'static [(&'static str, Qualifier)],
    /// Vague quantities with their implied interval ("dozens" = 24..=99).
    pub vague: &'static [(&'static str, f64, f64)],
    /// Words that scale a following vague or exact count ("several thousand").
    pub vague_scalers: &'static [&'static str],
    /// Range connectors ("to", "and" after "between").
    pub range_words: &'static [&'static str],
    /// Words opening a two-sided range ("between", "entre").
    pub between_words: &'static [&'static str],
    /// The words of [`Lang::between_words`] that open a range only "to"
    /// closes ("from", "de"): "from 1.5 and 2 GHz models" lists two values.
    pub from_words: &'static [&'static str],
    /// Percent words ("percent", "por ciento").
    pub percent_words: &'static [&'static str],
    /// Currency words with ISO code.
    pub currency_words: &'static [(&'static str, &'static str)],
    /// Time and measure units (singular and plural) with a normalized unit.
    pub units: &'static [(&'static str, &'static str)],
    /// Words after which a number is an age ("aged").
    pub age_words: &'static [&'static str],
    /// The preposition between an age word and the age ("the age of 71",
    /// "la edad de 71 años").
    pub age_links: &'static [&'static str],
    /// Month and weekday names, shared with the other stages.
    pub calendar: &'static crosswire_lang::Calendar,
    /// Part-of-month words that keep month precision ("mid", "early").
    pub month_parts: &'static [&'static str],
    /// Relative date phrases.
    pub relative: &'static [(&'static str, Rel)],
    /// Words marking the future ("will", "next").
    pub future_markers: &'static [&'static str],
    /// "ago" words (after the amount) and "hace" words (before).
    pub ago_after: &'static [&'static str],
    /// "hace" style words before an amount of time.
    pub ago_before: &'static [&'static str],
    /// Prepositions that link a day to a month and year ("de" in "26 de marzo de 2025").
    pub date_of: &'static [&'static str],
    /// Speech cue verbs (all inflections written out).
    pub cue_verbs: &'static [&'static str],
    /// Figure data beyond plain numbers: clock times, zero and one in
    /// words, ordinals of levels, page furniture and identifiers.
    pub figure: &'static FigureWords,
    /// Attribution phrases before the source ("according to", "según").
    pub according: &'static [&'static str],
    /// Personal pronouns that can stand for a speaker.
    pub pronouns: &'static [&'static str],
    /// Possessive determiners ("his", "its", "su").
    pub possessives: &'static [&'static str],
    /// Definite and demonstrative determiners ("the", "this", "el", "esta").
    pub determiners: &'static [&'static str],
    /// Honorifics before a name ("Mr", "Dr", "señora").
    pub honorifics: &'static [&'static str],
    /// Role and title nouns ("president", "minister", "judge").
    pub roles: &'static [&'static str],
    /// Portfolio and department words inside titles ("Transport", "Justice").
    pub portfolios: &'static [&'static str],
    /// Organization suffixes and heads ("Ministry", "Institute", "Court").
    pub org_words: &'static [&'static str],
    /// Lower-case heads of nominal organization mentions ("government", "embassy").
    pub org_nominals: &'static [&'static str],
    /// Facility heads ("Prison", "Airport").
    pub facility_words: &'static [&'static str],
    /// Lower-case facility heads for nominal mentions ("the prison").
    pub facility_nominals: &'static [&'static str],
    /// Law heads ("Act", "Ley").
    pub law_words: &'static [&'static str],
    /// Lower-case law heads for nominal mentions ("the law", "la ley").
    pub law_nominals: &'static [&'static str],
    /// Group heads ("gang", "cartel") whose name follows or precedes.
    pub group_words: &'static [&'static str],
    /// Lower-case heads of nominal country mentions ("country").
    pub country_nominals: &'static [&'static str],
    /// Name connectors inside proper names ("of", "de", "del").
    pub name_connectors: &'static [&'static str],
    /// Prepositions after which an unknown capitalized word is a place.
    pub locative: &'static [&'static str],
    /// The prepositions of [`Lang::locative`] that only ever take a place,
    /// never a person ("in", "en", "em"): a name of several words after one
    /// is a place, unless something says it is a person.
    pub place_prepositions: &'static [&'static str],
    /// An attack and its preposition before a name ("bombing of", "ataque
    /// contra"): the name is the place struck.
    pub strike_on: &'static [&'static str],
    /// Lower-case administrative divisions written right after a name
    /// ("Harlow county", "Mendre state"): the name is a place.
    pub place_kinds_after: &'static [&'static str],
    /// Lower-case descriptions of people that precede a name ("analyst").
    pub person_nouns: &'static [&'static str],
    /// Possessive suffix handling: true when "'s" marks possession.
    pub saxon_genitive: bool,
    /// Adjectives follow the noun ("la agencia nacional"), so a head
    /// followed by a lower-case word is still a head.
    pub adjectives_follow_noun: bool,
    /// In a language that capitalises every noun (German), the words after
    /// which a capitalised word is a common noun, not a name: articles,
    /// a preposition fused with an article, quantifiers ("die Polizei",
    /// "im Krankenhaus", "viele Menschen"). Empty where capitals mark names.
    pub noun_markers: &'static [&'static str],
    /// In such a language, endings that make a lone capitalised word a
    /// common noun wherever it stands ("Regierung", "Behörden").
    pub common_noun_endings: &'static [&'static str],
}

/// The words the figure reader needs beyond plain numbers and qualifiers.
/// Multi-word entries are written with single spaces.
#[derive(Debug)]
pub struct FigureWords {
    /// Qualifiers that approach the number from below ("nearly", "casi"):
    /// their interval is the top tenth under the number, not zero to it.
    /// Each must also be in [`Lang::qualifiers`].
    pub near_below: &'static [&'static str],
    /// Qualifiers that only make sense before a clock time ("shortly
    /// before", "after", "pasadas las").
    pub time_qualifiers: &'static [(&'static str, Qualifier)],
    /// Named clock times with minutes since midnight ("noon" = 720).
    pub clock_words: &'static [(&'static str, f64)],
    /// Words right before an hour that make it a clock time when no noun
    /// follows ("at 10.30", "a las 10").
    pub clock_before: &'static [&'static str],
    /// Whether [`FigureWords::clock_before`] also makes a whole hour a
    /// time ("a las 10"), or only an hour with minutes ("at 10.30").
    pub clock_before_bare: bool,
    /// Words that may follow such a clock time ("y", "de", "local").
    pub clock_after_ok: &'static [&'static str],
    /// Words after a clock time that say it is one ("hours", "hrs", "horas").
    pub clock_hours: &'static [&'static str],
    /// Phrases after an hour that give morning (false) or afternoon and
    /// evening (true): "in the afternoon", "de la tarde".
    pub meridiem_phrases: &'static [(&'static str, bool)],
    /// Phrases after a clock time that say it is the local one ("local time").
    pub local_time: &'static [&'static str],
    /// The universal time zone spelled out ("Coordinated Universal Time",
    /// "Greenwich Mean Time"), read as UTC.
    pub universal_time: &'static [&'static str],
    /// The word that makes a demonym a time zone ("Greek time", "hora peruana").
    pub zone_time_word: &'static str,
    /// Words for nobody, as the subject of a harm verb ("no one", "nadie").
    pub nobody: &'static [&'static str],
    /// Negating determiners before a counted noun ("no", "ningún").
    pub no_words: &'static [&'static str],
    /// Nouns of people harmed or of harm done ("casualties", "heridos").
    pub harm_nouns: &'static [&'static str],
    /// Verbs of harm, every inflection written out ("killed", "herido").
    pub harm_verbs: &'static [&'static str],
    /// Auxiliaries of a passive harm ("were injured", "resultó herido").
    pub passive_aux: &'static [&'static str],
    /// Phrases that count exactly one of the noun after them ("a lone").
    pub one_phrases: &'static [&'static str],
    /// Words after "one" that make it a pronoun or an idiom ("one of
    /// them", "at one point", "one another").
    pub one_pronoun_after: &'static [&'static str],
    /// Short month names of datelines not in the calendar ("26 mar (EFE)").
    pub month_abbreviations: &'static [&'static str],
    /// Words after "one day" that make it a duration ("one day after").
    pub relative_after: &'static [&'static str],
    /// Words before "one" that make it a pronoun ("the one", "each one").
    pub one_pronoun_before: &'static [&'static str],
    /// Words that count exactly two of a noun already known ("both", "ambos").
    pub both_words: &'static [&'static str],
    /// Phrases that are a life sentence ("life in prison", "cadena
    /// perpetua"), read as one term of the unit `life`.
    pub life_terms: &'static [&'static str],
    /// The word that is a life sentence after a sentencing verb and "to"
    /// ("sentenced to life"), with those verbs ("sentenced", "up").
    pub life_word: &'static str,
    /// See [`FigureWords::life_word`].
    pub life_verbs: &'static [&'static str],
    /// Words counting repetitions ("twice" = 2), read with the unit `times`.
    pub times_words: &'static [(&'static str, f64)],
    /// Words after "twice" that make it a comparison, not a count ("as").
    pub comparison_after: &'static [&'static str],
    /// Ordinal words with their rank ("third" = 3).
    pub ordinals: &'static [(&'static str, f64)],
    /// Glued ordinal suffixes after digits ("th", "º").
    pub ordinal_suffixes: &'static [&'static str],
    /// Nouns of a level in a building: an ordinal before one says where,
    /// a position worth comparing ("the second floor", "el tercer piso").
    pub level_nouns: &'static [&'static str],
    /// Nouns of a happening that recurs: an ordinal before one numbers
    /// the happenings so far, a count worth comparing ("for the fourth
    /// time", "its second complaint", "el tercer ataque").
    pub series_nouns: &'static [&'static str],
    /// Words that may stand before such an ordinal: the definite article,
    /// possessives, a genitive "'s", a preposition that takes the ordinal
    /// bare ("por segunda vez"). Demonstratives are left out: "this second
    /// attack" points back at one already told.
    pub series_determiners: &'static [&'static str],
    /// Modifiers that make "a second" a rank in a series rather than
    /// "another" ("a second straight defeat", "a third successive strike").
    pub series_modifiers: &'static [&'static str],
    /// Plural nouns of things each given its own value, a prison sentence
    /// above all: a range over them states the lowest and the highest, two
    /// exact figures, not one uncertain value ("sentences ranging from six
    /// to 75 years").
    pub spread_nouns: &'static [&'static str],
    /// Nouns of measurement that may stand between a qualifier and its
    /// number ("at least magnitude 5.9").
    pub measure_words: &'static [&'static str],
    /// Words before a number that make it a number to call or a name
    /// ("dial 911", "flight 370").
    pub identifier_before: &'static [&'static str],
    /// Words after a number that make it a number to call ("911 call").
    pub identifier_after: &'static [&'static str],
    /// Verbs that agree with one subject only ("was", "has"): after a
    /// number in apposition to a person ("Ann Lee, 30 was charged") they
    /// make the person the subject and the number an age, since a count
    /// of thirty would take the plural verb.
    pub singular_verbs: &'static [&'static str],
    /// Articles that only ever name one thing ("el", "il"): before a
    /// bare number they make it the name of a model ("el 460"), since
    /// one thing is no count of many.
    pub singular_articles: &'static [&'static str],
    /// Words that make a number in the same short line page furniture
    /// ("updated", "posted").
    pub furniture_before: &'static [&'static str],
    /// Phrases after a number that are page furniture anywhere ("min read").
    pub furniture_after: &'static [&'static str],
    /// Phrases after a number that are page furniture in a short line of
    /// their own ("hours ago", "comments").
    pub furniture_after_short: &'static [&'static str],
    /// Words that open a photo counter ("photo 1 of 3").
    pub photo_words: &'static [&'static str],
    /// Words before "over" after which it still means "more than" ("for
    /// over two hours"); elsewhere, before a duration, it means "during".
    pub over_more_than_after: &'static [&'static str],
    /// Phrases that are a number by convention only approximate, with
    /// value, low and high ("a couple of" = 2, 2..3).
    pub approx_phrases: &'static [(&'static str, f64, f64, f64)],
    /// Phrases right before a bare number at the end of a clause, or a
    /// number of years, that make it an age ("when she was 14").
    pub age_before: &'static [&'static str],
    /// Verbs of having an age, before a number of years ("tenía 14 años",
    /// "il avait 14 ans").
    pub age_verbs: &'static [&'static str],
    /// Words before a length unit that make it an area ("square",
    /// "sq"; "vierkante").
    pub square_before: &'static [&'static str],
    /// Words after a length unit that make it an area ("cuadrados").
    pub square_after: &'static [&'static str],
    /// Phrases after a distance unit that make it a speed ("miles per
    /// hour", "km / h", "kilómetros por hora").
    pub per_hour: &'static [&'static str],
    /// Currency codes or names glued before the digits ("euro110", "Dh4"),
    /// with the ISO code. Entries of one or two letters count only with a
    /// multiplier or a digit group, since "R26" may be a road.
    pub currency_prefixes: &'static [(&'static str, &'static str)],
    /// The preposition that may stand between an amount and its currency
    /// ("millones de dólares", "miliardi di dollari", "millions of
    /// dollars").
    pub currency_links: &'static [&'static str],
}

/// A multi-word table compiled for lookup by first token.
#[derive(Debug)]
pub struct PhraseTable<T> {
    map: HashMap<&'static str, Vec<(Vec<&'static str>, T)>>,
}

impl<T: Copy> PhraseTable<T> {
    fn new(entries: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut map: HashMap<&'static str, Vec<(Vec<&'static str>, T)>> = HashMap::default();
        for (phrase, v) in entries {
            let words: Vec<&'static str> = phrase.split(' ').collect();
            if let Some(first) = words.first() {
                map.entry(*first).or_default().push((words, v));
            }
        }
        // Longest phrases first, so the first match is the longest one.
        for v in map.values_mut() {
            v.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
        }
        PhraseTable { map }
    }

    /// The longest phrase starting at token `i`, compared on lower-case
    /// forms without allocating: its length in tokens and value.
    pub fn longest_at(&self, toks: &[crate::token::Tok], i: usize) -> Option<(usize, T)> {
        let first = toks.get(i)?;
        let cands = self.map.get(first.lower.as_str())?;
        for (ph, v) in cands {
            let ok = ph.len() + i <= toks.len()
                && ph
                    .iter()
                    .zip(&toks[i..])
                    .all(|(a, b)| *a == b.lower.as_str());
            if ok {
                return Some((ph.len(), *v));
            }
        }
        None
    }

    /// The longest phrase starting at `words[0]`: its length in words and value.
    pub fn longest(&self, words: &[&str]) -> Option<(usize, T)> {
        let first = words.first()?;
        let cands = self.map.get(first)?;
        for (ph, v) in cands {
            if ph.len() <= words.len() && ph.iter().zip(words).all(|(a, b)| a == b) {
                return Some((ph.len(), *v));
            }
        }
        None
    }
}

/// A word set.
pub type WordSet = HashSet<&'static str>;

/// The compiled tables of one language, with the shared world gazetteer.
#[derive(Debug)]
pub struct Lexicon {
    /// The source data.
    pub lang: &'static Lang,
    /// See [`Lang::function_words`].
    pub function_words: WordSet,
    /// See [`Lang::abbreviations`].
    pub abbreviations: WordSet,
    /// See [`Lang::title_abbreviations`].
    pub title_abbreviations: WordSet,
    /// See [`Lang::number_words`].
    pub number_words: HashMap<&'static str, f64>,
    /// See [`Lang::multipliers`].
    pub multipliers: HashMap<&'static str, f64>,
    /// See [`Lang::qualifiers`].
    pub qualifiers: PhraseTable<Qualifier>,
    /// See [`Lang::post_qualifiers`].
    pub post_qualifiers: PhraseTable<Qualifier>,
    /// See [`Lang::vague`].
    pub vague: PhraseTable<(f64, f64)>,
    /// See [`Lang::currency_words`].
    pub currency_words: PhraseTable<&'static str>,
    /// See [`Lang::units`].
    pub units: HashMap<&'static str, &'static str>,
    /// Month names and abbreviations (see [`Lang::calendar`]).
    pub months: HashMap<&'static str, u32>,
    /// Weekday names (see [`Lang::calendar`]).
    pub weekdays: HashMap<&'static str, u32>,
    /// See [`Lang::relative`].
    pub relative: PhraseTable<Rel>,
    /// See [`Lang::cue_verbs`].
    pub cue_verbs: WordSet,
    /// See [`Lang::according`].
    pub according: PhraseTable<()>,
    /// See [`Lang::percent_words`].
    pub percent: PhraseTable<()>,
    /// See [`Lang::pronouns`].
    pub pronouns: WordSet,
    /// See [`Lang::possessives`].
    pub possessives: WordSet,
    /// See [`Lang::determiners`].
    pub determiners: WordSet,
    /// See [`Lang::honorifics`].
    pub honorifics: WordSet,
    /// See [`Lang::roles`] (lower case).
    pub roles: WordSet,
    /// See [`Lang::portfolios`] (lower case).
    pub portfolios: WordSet,
    /// See [`Lang::org_words`] (lower case).
    pub org_words: WordSet,
    /// See [`Lang::org_nominals`].
    pub org_nominals: WordSet,
    /// See [`Lang::facility_words`] (lower case).
    pub facility_words: WordSet,
    /// See [`Lang::facility_nominals`].
    pub facility_nominals: WordSet,
    /// See [`Lang::law_words`] (lower case).
    pub law_words: WordSet,
    /// See [`Lang::law_nominals`].
    pub law_nominals: WordSet,
    /// See [`Lang::group_words`].
    pub group_words: WordSet,
    /// See [`Lang::country_nominals`].
    pub country_nominals: WordSet,
    /// See [`Lang::name_connectors`].
    pub name_connectors: WordSet,
    /// See [`Lang::locative`].
    pub locative: WordSet,
    /// See [`Lang::strike_on`].
    pub strike_on: WordSet,
    /// See [`Lang::place_kinds_after`].
    pub place_kinds_after: WordSet,
    /// See [`Lang::person_nouns`].
    pub person_nouns: WordSet,
    /// See [`Lang::future_markers`].
    pub future_markers: WordSet,
    /// Every small word set not worth its own field, by name.
    pub misc: HashMap<&'static str, WordSet>,
    /// Country names (all languages, lower case, multi-word) to country index.
    pub countries: PhraseTable<u16>,
    /// Demonyms (lower case) to country index.
    pub demonyms: HashMap<&'static str, u16>,
    /// Capitals (lower case) to country index.
    pub capitals: PhraseTable<u16>,
    /// Words that can open a figure (number words, vague quantities,
    /// indefinite articles): a one-lookup filter before the figure parser.
    pub figure_start: WordSet,
    /// Every head word of a descriptive mention (roles, org, facility,
    /// law, country and group heads): a one-lookup filter.
    pub nominal_heads: WordSet,
    /// Words that can open a date expression (months, weekdays, relative).
    pub date_start: WordSet,
    /// Case-sensitive country codes ("US", "EE.UU.") to country index.
    pub country_codes: HashMap<&'static str, u16>,
    /// Well-known organizations (lower case phrase) to canonical name.
    pub known_orgs: PhraseTable<&'static str>,
    /// See [`FigureWords::time_qualifiers`].
    pub time_qualifiers: PhraseTable<Qualifier>,
    /// See [`FigureWords::clock_words`].
    pub clock_words: HashMap<&'static str, f64>,
    /// See [`FigureWords::meridiem_phrases`].
    pub meridiem: PhraseTable<bool>,
    /// The multi-word tables of [`FigureWords`] that only need a yes, by
    /// name: "nobody", "one", "local_time", "universal_time", "furniture", "furniture_short".
    pub figure_phrases: HashMap<&'static str, PhraseTable<()>>,
    /// See [`FigureWords::approx_phrases`].
    pub approx: PhraseTable<(f64, f64, f64)>,
    /// See [`FigureWords::times_words`].
    pub times_words: HashMap<&'static str, f64>,
    /// See [`FigureWords::ordinals`].
    pub ordinals: HashMap<&'static str, f64>,
    /// See [`FigureWords::currency_prefixes`].
    pub currency_prefixes: HashMap<&'static str, &'static str>,
    /// First words of the counts written without digits ("no", "both",
    /// "twice", "second", "a couple of"): a one-lookup filter.
    pub special_start: WordSet,
}

fn set(words: &'static [&'static str]) -> WordSet {
    words.iter().copied().collect()
}

fn compile(lang: &'static Lang) -> Lexicon {
    let mut misc = HashMap::default();
    misc.insert("and", set(lang.and_words));
    misc.insert("half", set(lang.half_words));
    misc.insert("indefinite", set(lang.indefinite));
    misc.insert("scalers", set(lang.vague_scalers));
    misc.insert("range", set(lang.range_words));
    misc.insert("between", set(lang.between_words));
    misc.insert("from", set(lang.from_words));
    misc.insert("age", set(lang.age_words));
    misc.insert("age_links", set(lang.age_links));
    misc.insert("month_parts", set(lang.month_parts));
    misc.insert("ago_after", set(lang.ago_after));
    misc.insert("ago_before", set(lang.ago_before));
    misc.insert("date_of", set(lang.date_of));
    let fw = lang.figure;
    misc.insert("near_below", set(fw.near_below));
    misc.insert("clock_hours", set(fw.clock_hours));
    misc.insert("clock_before", set(fw.clock_before));
    misc.insert("clock_after_ok", set(fw.clock_after_ok));
    misc.insert("no", set(fw.no_words));
    misc.insert("harm_nouns", set(fw.harm_nouns));
    misc.insert("harm_verbs", set(fw.harm_verbs));
    misc.insert("passive_aux", set(fw.passive_aux));
    misc.insert("both", set(fw.both_words));
    misc.insert("life_verbs", set(fw.life_verbs));
    misc.insert("one_pronoun_after", set(fw.one_pronoun_after));
    misc.insert("one_pronoun_before", set(fw.one_pronoun_before));
    misc.insert("relative_after", set(fw.relative_after));
    misc.insert("month_abbreviations", set(fw.month_abbreviations));
    misc.insert("comparison_after", set(fw.comparison_after));
    misc.insert("ordinal_suffixes", set(fw.ordinal_suffixes));
    misc.insert("level_nouns", set(fw.level_nouns));
    misc.insert("series_nouns", set(fw.series_nouns));
    misc.insert("series_determiners", set(fw.series_determiners));
    misc.insert("series_modifiers", set(fw.series_modifiers));
    misc.insert("spread_nouns", set(fw.spread_nouns));
    misc.insert("measure_words", set(fw.measure_words));
    misc.insert("identifier_before", set(fw.identifier_before));
    misc.insert("identifier_after", set(fw.identifier_after));
    misc.insert("singular_verbs", set(fw.singular_verbs));
    misc.insert("singular_articles", set(fw.singular_articles));
    misc.insert("furniture_before", set(fw.furniture_before));
    misc.insert("photo_words", set(fw.photo_words));
    misc.insert("over_more_than_after", set(fw.over_more_than_after));
    misc.insert("currency_links", set(fw.currency_links));
    let mut figure_phrases = HashMap::default();
    let yes = |l: &'static [&'static str]| PhraseTable::new(l.iter().map(|w| (*w, ())));
    figure_phrases.insert("nobody", yes(fw.nobody));
    figure_phrases.insert("one", yes(fw.one_phrases));
    figure_phrases.insert("life", yes(fw.life_terms));
    figure_phrases.insert("local_time", yes(fw.local_time));
    figure_phrases.insert("universal_time", yes(fw.universal_time));
    figure_phrases.insert("per_hour", yes(fw.per_hour));
    figure_phrases.insert("age_before", yes(fw.age_before));
    figure_phrases.insert("age_verbs", yes(fw.age_verbs));
    figure_phrases.insert("furniture", yes(fw.furniture_after));
    figure_phrases.insert("furniture_short", yes(fw.furniture_after_short));
    let mut countries = Vec::new();
    let mut demonyms = HashMap::default();
    let mut capitals = Vec::new();
    let mut codes = HashMap::default();
    for (i, c) in world::countries().iter().enumerate() {
        let i = i as u16;
        for n in &c.names {
            countries.push((n.as_str(), i));
        }
        // A word two countries share ("Nigerian" for Niger as for
        // Nigeria) belongs to the one listed first, the better known.
        for d in &c.demonyms {
            demonyms.entry(d.as_str()).or_insert(i);
        }
        for code in &c.codes {
            codes.entry(code.as_str()).or_insert(i);
        }
        for cap in &c.capitals {
            capitals.push((cap.as_str(), i));
        }
    }
    let mut figure_start: WordSet = lang.number_words.iter().map(|x| x.0).collect();
    figure_start.extend(lang.multipliers.iter().map(|x| x.0).filter(|w| w.len() > 2));
    figure_start.extend(lang.vague.iter().filter_map(|x| x.0.split(' ').next()));
    figure_start.extend(lang.indefinite.iter().copied());
    figure_start.extend(lang.half_words.iter().copied());
    figure_start.extend(fw.clock_words.iter().map(|x| x.0));
    figure_start.extend(fw.nobody.iter().filter_map(|x| x.split(' ').next()));
    figure_start.extend(fw.no_words.iter().copied());
    figure_start.extend(fw.one_phrases.iter().filter_map(|x| x.split(' ').next()));
    figure_start.extend(fw.both_words.iter().copied());
    figure_start.extend(fw.life_terms.iter().filter_map(|x| x.split(' ').next()));
    figure_start.extend(Some(fw.life_word).filter(|w| !w.is_empty()));
    figure_start.extend(fw.times_words.iter().map(|x| x.0));
    figure_start.extend(fw.ordinals.iter().map(|x| x.0));
    figure_start.extend(
        fw.approx_phrases
            .iter()
            .filter_map(|x| x.0.split(' ').next()),
    );
    let first = |x: &&'static str| x.split(' ').next();
    let mut special_start: WordSet = fw.nobody.iter().filter_map(first).collect();
    special_start.extend(fw.no_words.iter().copied());
    special_start.extend(fw.one_phrases.iter().filter_map(first));
    special_start.extend(fw.both_words.iter().copied());
    special_start.extend(fw.life_terms.iter().filter_map(first));
    special_start.extend(Some(fw.life_word).filter(|w| !w.is_empty()));
    special_start.extend(fw.times_words.iter().map(|x| x.0));
    special_start.extend(fw.ordinals.iter().map(|x| x.0));
    special_start.extend(
        fw.approx_phrases
            .iter()
            .filter_map(|x| x.0.split(' ').next()),
    );
    let cal = lang.calendar;
    let mut date_start: WordSet = cal
        .months
        .iter()
        .chain(cal.month_abbreviations)
        .map(|x| x.0)
        .collect();
    date_start.extend(cal.weekdays.iter().map(|x| x.0));
    date_start.extend(lang.month_parts.iter().copied());
    date_start.extend(lang.relative.iter().filter_map(|x| x.0.split(' ').next()));
    let mut nominal_heads: WordSet = lang.roles.iter().copied().collect();
    for l in [
        lang.org_nominals,
        lang.facility_nominals,
        lang.law_nominals,
        lang.country_nominals,
    ] {
        nominal_heads.extend(l.iter().copied());
    }
    nominal_heads.extend([
        "legislation",
        "legislación",
        "organization",
        "gang",
        "organización",
        "pandilla",
    ]);
    Lexicon {
        nominal_heads,
        figure_start,
        date_start,
        lang,
        function_words: set(lang.function_words),
        abbreviations: set(lang.abbreviations),
        title_abbreviations: set(lang.title_abbreviations),
        number_words: lang.number_words.iter().copied().collect(),
        multipliers: lang.multipliers.iter().copied().collect(),
        qualifiers: PhraseTable::new(lang.qualifiers.iter().copied()),
        post_qualifiers: PhraseTable::new(lang.post_qualifiers.iter().copied()),
        vague: PhraseTable::new(lang.vague.iter().map(|(w, l, h)| (*w, (*l, *h)))),
        currency_words: PhraseTable::new(lang.currency_words.iter().copied()),
        units: lang.units.iter().chain(SYMBOL_UNITS).copied().collect(),
        months: cal
            .months
            .iter()
            .chain(cal.month_abbreviations)
            .copied()
            .collect(),
        weekdays: cal.weekdays.iter().copied().collect(),
        relative: PhraseTable::new(lang.relative.iter().copied()),
        cue_verbs: set(lang.cue_verbs),
        according: PhraseTable::new(lang.according.iter().map(|w| (*w, ()))),
        percent: PhraseTable::new(lang.percent_words.iter().map(|w| (*w, ()))),
        pronouns: set(lang.pronouns),
        possessives: set(lang.possessives),
        determiners: set(lang.determiners),
        honorifics: set(lang.honorifics),
        roles: set(lang.roles),
        portfolios: set(lang.portfolios),
        org_words: set(lang.org_words),
        org_nominals: set(lang.org_nominals),
        facility_words: set(lang.facility_words),
        facility_nominals: set(lang.facility_nominals),
        law_words: set(lang.law_words),
        law_nominals: set(lang.law_nominals),
        group_words: set(lang.group_words),
        country_nominals: set(lang.country_nominals),
        name_connectors: set(lang.name_connectors),
        locative: set(lang.locative),
        strike_on: set(lang.strike_on),
        place_kinds_after: set(lang.place_kinds_after),
        person_nouns: set(lang.person_nouns),
        future_markers: set(lang.future_markers),
        misc,
        countries: PhraseTable::new(countries),
        demonyms,
        capitals: PhraseTable::new(capitals),
        country_codes: codes,
        known_orgs: PhraseTable::new(world::KNOWN_ORGS.iter().copied()),
        time_qualifiers: PhraseTable::new(fw.time_qualifiers.iter().copied()),
        clock_words: fw.clock_words.iter().copied().collect(),
        meridiem: PhraseTable::new(fw.meridiem_phrases.iter().copied()),
        figure_phrases,
        times_words: fw.times_words.iter().copied().collect(),
        approx: PhraseTable::new(
            fw.approx_phrases
                .iter()
                .map(|(w, v, l, h)| (*w, (*v, *l, *h))),
        ),
        ordinals: fw.ordinals.iter().copied().collect(),
        currency_prefixes: fw.currency_prefixes.iter().copied().collect(),
        special_start,
    }
}

/// One lexicon per table of [`LANGS`], compiled on first use.
static COMPILED: Lazy<Vec<once_cell::sync::OnceCell<Lexicon>>> = Lazy::new(|| {
    LANGS
        .iter()
        .map(|_| once_cell::sync::OnceCell::new())
        .collect()
});

impl Lexicon {
    /// The lexicon for an ISO 639-1 code; English when unknown.
    pub fn for_code(code: &str) -> &'static Lexicon {
        let i = LANGS.iter().position(|l| l.code == code).unwrap_or(0);
        COMPILED[i].get_or_init(|| compile(LANGS[i]))
    }

    /// A named misc set (see [`Lexicon::misc`]); empty when absent.
    pub fn misc(&self, name: &str) -> Option<&WordSet> {
        self.misc.get(name)
    }

    /// True when `w` (lower case) is in the misc set `name`.
    pub fn is(&self, name: &str, w: &str) -> bool {
        self.misc.get(name).is_some_and(|s| s.contains(w))
    }
}

/// Guesses the language of a text from function-word counts, for articles
/// whose extractor left `language` empty. Only the languages with tables count.
pub fn guess(text: &str) -> &'static str {
    let mut en = 0u32;
    let mut es = 0u32;
    for w in text.split(|c: char| !c.is_alphabetic()).take(400) {
        match w {
            "the" | "and" | "of" | "to" | "is" | "was" | "that" | "with" => en += 1,
            "el" | "la" | "los" | "las" | "del" | "que" | "y" | "en" | "por" | "una" => es += 1,
            _ => {}
        }
    }
    if es > en {
        "es"
    } else {
        "en"
    }
}
