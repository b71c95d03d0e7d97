//! What a figure measures. Two figures can only report one quantity when
//! their measures agree, and only such figures are ever compared, so this
//! module decides what the slots and verdicts rest on:
//!
//! - the **dimension** of its unit, with the factor to the dimension's base
//!   unit ([`Dim`]: a count, money in one currency, a share, a length, a
//!   duration, a magnitude, a time of day, an age, a calendar year...), so
//!   that "13 nautical miles" and "about 24km" compare and "6.1" never
//!   meets "35 miles";
//! - what is **counted**: the head noun after the number and its
//!   modifiers, nationalities and roles among them ("12 Norlandic", "seven
//!   AK-47 rifles"), folded across languages by [`THINGS`];
//! - the **happening**: what the clause says happened to it, near the
//!   number ("killing 10", "80 wounded", "a population of 120,000"), one
//!   bit per row of [`CONCEPTS`];
//! - the **scope**: the places and bodies its clause names, an absolute date
//!   in the clause, and flags for an increment ("another 2,000", "two more")
//!   and a part ("30 of the 80 wounded");
//! - the **kind** of measure ([`MEASURES`]): a capacity, a rate per year, a
//!   total.
//!
//! A measure is *clear* when it says what is counted (a happening or a head
//! noun), or when its dimension alone says it (a magnitude, an age). Only
//! clear measures are ever set against each other as a conflict.

use crate::context::{concept_of_word, stem, words_with_offsets, EntityNames};
use crate::lexicon::{
    AFTERSHOCK_WORDS, ATTACHED_WORDS, BACKGROUND_CUES, BEARINGS, CHANGE_WORDS, CONCEPTS,
    CONCEPT_PHRASES, DISTANCE_GAP_WORDS, GENERIC_PERSONS, HARM_NOUNS, INCREMENT_WORDS,
    MAGNITUDE_WORDS, MEASURES, MEASURE_NOUNS, MOMENT_CUES, NEGATIONS, NEGATION_LIMITS, PART_CUES,
    PERCENT_UNITS, PERIOD_STARTS, PER_WORDS, QUAKE_WORDS, RELATIVE_WORDS, SIZE_WORDS, STOP_WORDS,
    THINGS, TIME_RELATIONS, UNIT_DIMENSIONS, UNIT_PRICE_WORDS, UPDATE_CUES, WIDE_SCOPE_CUES,
};
use crosswire_model::{Article, ByteRange, EntityKind, Figure, FigureRole, Precision, SpanKind};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The dimension of a figure's unit: values of one dimension compare after
/// conversion to its base unit; values of two never do.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    /// A count of people or things (no unit, or the counted noun as unit).
    Count,
    /// Money in one currency (ISO code): currencies are not converted.
    Money(String),
    /// A percentage or share.
    Share,
    /// A duration, in seconds.
    Duration,
    /// A length or distance, in metres.
    Length,
    /// An area, in square metres.
    Area,
    /// A mass, in kilograms.
    Mass,
    /// A speed, in km/h.
    Speed,
    /// An earthquake magnitude.
    Magnitude,
    /// A temperature, in degrees (as written: Celsius and Fahrenheit are
    /// told apart by the unit string, else not converted).
    Temperature(String),
    /// A time of day, in minutes since midnight, by time zone class
    /// (`local` when none is written).
    Clock(String),
    /// Someone's age, in years.
    Age,
    /// A calendar year that dates a thing ("a 1911 law").
    Year,
    /// Any other unit, compared only with itself.
    Other(String),
}

/// A figure's dimension and the factor from its unit to the dimension's base.
pub fn dimension(unit: Option<&str>, role: FigureRole) -> (Dim, f64) {
    match role {
        FigureRole::Age => return (Dim::Age, 1.0),
        FigureRole::Year => return (Dim::Year, 1.0),
        _ => {}
    }
    let Some(u) = unit.map(str::trim).filter(|u| !u.is_empty()) else {
        return (Dim::Count, 1.0);
    };
    if u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()) {
        return (Dim::Money(u.to_string()), 1.0);
    }
    let lower = u.to_lowercase().replace('_', " ");
    if PERCENT_UNITS.contains(&lower.as_str()) {
        return (Dim::Share, 1.0);
    }
    if let Some(zone) = lower.strip_prefix("time of day") {
        let zone = zone.trim();
        let zone = match zone {
            "" | "local" => "local",
            "gmt" | "utc" | "z" => "utc",
            other => other,
        };
        return (Dim::Clock(zone.to_string()), 1.0);
    }
    if lower.starts_with("degree") || lower == "°c" || lower == "°f" {
        return (Dim::Temperature(lower), 1.0);
    }
    for (name, dim, factor) in UNIT_DIMENSIONS.iter() {
        if *name == lower {
            let d = match *dim {
                "duration" => Dim::Duration,
                "length" => Dim::Length,
                "area" => Dim::Area,
                "mass" => Dim::Mass,
                "speed" => Dim::Speed,
                "magnitude" => Dim::Magnitude,
                "count" => Dim::Count,
                other => Dim::Other(other.to_string()),
            };
            return (d, *factor);
        }
    }
    // A counted noun given as the unit ("people", "villages").
    (Dim::Count, 1.0)
}

/// What a figure measures (see the module doc).
#[derive(Debug, Clone, Default)]
pub struct Measure {
    /// The unit's dimension.
    pub dim: Option<Dim>,
    /// Factor from the figure's unit to the dimension's base unit.
    pub factor: f64,
    /// What is counted: a stem, folded across languages and synonyms.
    pub head: Option<String>,
    /// The head names people in general ("people", "personas").
    pub generic_head: bool,
    /// The head is the unit as the figure writes it ("dólares" in "7,49
    /// dólares"): it alikens figures, but says nothing of what is measured.
    pub unit_head: bool,
    /// Modifiers that tell one group from another: nationalities, names,
    /// codes ("norlandic", "ak").
    pub marks: BTreeSet<String>,
    /// Model designations its sentence names ("A380-800", "F-16",
    /// "777-200LR"): figures of two models are figures of two things.
    pub models: BTreeSet<String>,
    /// Other words between the number and the head ("assault", "sea").
    pub words: BTreeSet<String>,
    /// What happened to it, one bit per row of [`CONCEPTS`].
    pub happening: u32,
    /// "another 2,000", "two more", "other rifles": an addition to a count
    /// given elsewhere, not the count itself.
    pub increment: bool,
    /// "30 of the 80 wounded", "of whom", "including": a part of a group.
    pub part: bool,
    /// "two other victims", "three more bombs": the rest of a group, or an
    /// addition to one, named beside it. It may be the same quantity as
    /// another report's count ("three other bombs fell outside" / "three
    /// fell outside"), but never contradicts a whole.
    pub complement: bool,
    /// For an item of a list whose verb lies outside its clause, that
    /// verb's happening. It only keeps a conflict from being called: two
    /// lists of different happenings may still count one thing.
    pub list_happening: u32,
    /// Places and bodies the clause names (entity features).
    pub places: BTreeSet<String>,
    /// The places alone (countries, cities, regions), without bodies.
    pub locations: BTreeSet<String>,
    /// For a count in a relative clause that places nothing ("..., which
    /// he said killed seven"), the places of the clause before it, which
    /// names what the count is of ("the bombing of a town on Tuesday").
    pub antecedent_locations: BTreeSet<String>,
    /// The places the whole sentence names.
    pub sentence_locations: BTreeSet<String>,
    /// An absolute date or a past-time cue in the clause ("in 2003", "last
    /// month"): the figure may describe another, earlier happening.
    pub background: Option<String>,
    /// A magnitude whose clause names an aftershock.
    pub aftershock: bool,
    /// The clause says the count covers a whole country or the world and
    /// names no place ([`WIDE_SCOPE_CUES`]).
    pub wide: bool,
    /// Kinds of measure ([`MEASURES`]): capacity, per year, total...
    pub kinds: BTreeSet<&'static str>,
    /// The clause reports a change over time ([`UPDATE_CUES`]).
    pub updated: bool,
    /// For an age given to a named person, the name as written, for the
    /// slot's label (the mark keeps only a folded key).
    pub aged: Option<String>,
    /// The verb the number goes with is denied ("has not sent three
    /// observers", "three were not hurt"): the text does not claim the
    /// count, so it contradicts no other.
    pub negated: bool,
}

impl Measure {
    /// True when the measure says what it measures: a happening, a head
    /// noun, or a dimension that needs neither (a magnitude, an age, a
    /// calendar year, a time of day names its happening in the clause).
    pub fn is_clear(&self) -> bool {
        match self.dim {
            Some(Dim::Magnitude | Dim::Age | Dim::Year) => true,
            // A duration or a distance says how long or how far, not of
            // what: only a happening or a counted thing says that.
            _ => {
                self.happening != 0
                    || (self.head.is_some() && !self.generic_head && !self.unit_head)
            }
        }
    }

    /// A short name of what is measured, for slot labels.
    pub fn describe(&self) -> Option<String> {
        let happening = CONCEPTS
            .iter()
            .enumerate()
            .find(|(i, _)| self.happening & (1 << i) != 0)
            .map(|(_, (n, _))| *n);
        let dim = match &self.dim {
            Some(Dim::Magnitude) => Some("magnitude"),
            Some(Dim::Age) => Some("age"),
            Some(Dim::Clock(_)) => Some("time"),
            Some(Dim::Length) => Some("distance"),
            Some(Dim::Duration) => Some("duration"),
            Some(Dim::Share) => Some("share"),
            Some(Dim::Money(_)) => Some("amount"),
            _ => None,
        };
        if let (Some(Dim::Age), Some(name)) = (&self.dim, &self.aged) {
            return Some(format!("age of {name}"));
        }
        let mut parts: Vec<String> = Vec::new();
        // Marks are keys ("person:ent:ann lee", "code:ak47"); a label
        // shows what they name.
        parts.extend(self.marks.iter().map(|m| {
            let m = m.strip_prefix("person:").unwrap_or(m);
            let m = m.strip_prefix(CODE_MARK).unwrap_or(m);
            m.strip_prefix("ent:").unwrap_or(m).to_string()
        }));
        if let Some(h) = &self.head {
            parts.push(h.clone());
        }
        if let Some(h) = happening {
            parts.push(h.to_string());
        }
        if parts.is_empty() {
            dim.map(str::to_string)
        } else {
            Some(parts.join(" "))
        }
    }
}

/// The stop words, as a set.
fn stop_words() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
}

/// Thing words to their canonical thing, lower case.
fn things() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::default();
        for (canonical, words) in THINGS.iter() {
            for w in words.iter() {
                m.insert(*w, *canonical);
            }
        }
        m
    })
}

/// Words that never head or modify a counted noun: function words, the
/// words of numbers and hedges, and connectives.
fn is_stop(lower: &str) -> bool {
    stop_words().contains(lower)
        || matches!(
            lower,
            "a" | "an"
                | "of"
                | "de"
                | "in"
                | "en"
                | "to"
                | "at"
                | "on"
                | "by"
                | "is"
                | "or"
                | "o"
                | "y"
                | "and"
                | "the"
                | "el"
                | "la"
                | "los"
                | "las"
                | "as"
                | "it"
                | "he"
                | "we"
        )
}

/// True for a plural noun or a collective head ("people", "police").
fn is_plural(lower: &str) -> bool {
    if things().contains_key(lower) {
        return true;
    }
    let n = lower.chars().count();
    n > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us")
        || GENERIC_PERSONS.contains(&lower)
}

/// The canonical key of a head word: its thing, else its stem.
fn head_key(lower: &str) -> Option<String> {
    if let Some(t) = things().get(lower) {
        return Some((*t).to_string());
    }
    stem(lower)
}

/// Bits of [`CONCEPTS`] a word expresses.
fn concept_bit(word: &str) -> u32 {
    concept_of_word(word)
        .and_then(|c| CONCEPTS.iter().position(|(n, _)| *n == c))
        .map_or(0, |i| 1 << i)
}

/// The clause of `text` around `range`: back to the last comma, semicolon,
/// colon, bracket or dash before it, on to the first of those (but a
/// comma) after it.
pub fn clause_of(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let head = text.get(..range.start).unwrap_or("");
    // A comma between digits groups thousands ("40,000"); it ends nothing.
    let digit_at = |i: usize| {
        text.get(i..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_ascii_digit())
    };
    let start = head
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            [',', ';', ':', '(', '—', '–'].contains(&c)
                && !(c == ','
                    && i > 0
                    && digit_at(i + 1)
                    && head[..i].ends_with(|p: char| p.is_ascii_digit()))
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let from = range.end.min(text.len());
    let tail = text.get(from..).unwrap_or("");
    // A comma and a space end it too, unless three digits follow (a
    // tokenised "120, 000").
    let comma = tail.match_indices(", ").map(|(i, _)| i).find(|&i| {
        let after = tail.get(i + 2..).unwrap_or("");
        !(after.len() >= 3 && after.as_bytes()[..3].iter().all(u8::is_ascii_digit))
    });
    let stop = tail.find([';', ':', '(', ')', '—', '–']);
    let end = match (comma, stop) {
        (Some(a), Some(b)) => from + a.min(b),
        (Some(a), None) | (None, Some(a)) => from + a,
        (None, None) => text.len(),
    };
    start..end
}

/// True when `phrase` occurs in `lower` (lower case) as whole words.
pub fn has_phrase(lower: &str, phrase: &str) -> bool {
    lower
        .match_indices(phrase)
        .any(|(i, m)| whole_words(lower, i, i + m.len()))
}

/// When a clause says its figure held, in the text's own words, for
/// coverage whose dates cannot be resolved (no publish date to place
/// "Friday"): the day it names and the part of the day or of the story
/// ("early friday", "friday evening", "at one point"), in text order.
/// Two values of one count with different moments are a trajectory, not
/// a contradiction; without a moment in the text, nothing is guessed.
pub fn said_moment(a: &Article, clause: ByteRange) -> Option<String> {
    let text = a.text.get(clause.start as usize..clause.end as usize)?;
    let lower = text.to_lowercase();
    let mut parts: Vec<(usize, String)> = Vec::new();
    for s in &a.spans {
        if s.range.start < clause.start || s.range.end > clause.end {
            continue;
        }
        if let SpanKind::Date(_) = s.kind {
            let day = a.slice(s.range).trim().to_lowercase();
            if let Some(at) = lower.find(&day) {
                parts.push((at, day));
            }
        }
    }
    for (cue, _) in MOMENT_CUES.iter() {
        let found = lower
            .match_indices(cue)
            .find(|(i, m)| whole_words(&lower, *i, i + m.len()));
        if let Some((at, _)) = found {
            // A cue inside a date's own words ("Friday evening" as one
            // span) is said already.
            let inside = parts
                .iter()
                .any(|(p, d)| *p <= at && at + cue.len() <= p + d.len());
            if !inside {
                parts.push((at, cue.to_string()));
            }
        }
    }
    if parts.is_empty() {
        return None;
    }
    parts.sort();
    Some(
        parts
            .into_iter()
            .map(|(_, p)| p)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Where a moment said in words ([`said_moment`]) falls in a
/// trajectory: the phase of its first cue (see `Words::moment_cues`), or
/// none for a bare day, which words alone do not order.
pub fn moment_phase(moment: &str) -> Option<u8> {
    MOMENT_CUES
        .iter()
        .filter_map(|(cue, phase)| {
            moment
                .match_indices(cue)
                .find(|(i, m)| whole_words(moment, *i, i + m.len()))
                .map(|(i, _)| (i, *phase))
        })
        .min()
        .map(|(_, phase)| phase)
}

/// What a moment said in words names besides its cues: the day ("friday"
/// of "early friday"), empty when it names none.
pub fn moment_day(moment: &str) -> String {
    let mut rest = format!(" {moment} ");
    for (cue, _) in MOMENT_CUES.iter() {
        rest = rest.replace(&format!(" {cue} "), " ");
    }
    rest.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text[start..end]` starts and ends at word boundaries.
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    let mut after = text.get(end..).unwrap_or("").chars();
    // A hyphen glued between two words joins them: "in all" is not in
    // "in all-economy class".
    let edge = |c: Option<char>, next: Option<char>| match c {
        None => true,
        Some('-') => next.is_none_or(|n| !n.is_alphanumeric()),
        Some(c) => !c.is_alphanumeric(),
    };
    let (b1, b2) = (before.next(), before.next());
    let (a1, a2) = (after.next(), after.next());
    edge(b1, b2) && edge(a1, a2)
}

/// Whether any phrase of a fixed list occurs in a lower-cased text as
/// whole words, with one automaton built on first use (this runs for every
/// figure on every refresh).
pub fn any_phrase(
    lower: &str,
    list: &'static [&'static str],
    cell: &'static OnceLock<Option<aho_corasick::AhoCorasick>>,
) -> bool {
    let Some(ac) = cell.get_or_init(|| aho_corasick::AhoCorasick::new(list).ok()) else {
        return list.iter().any(|p| has_phrase(lower, p));
    };
    ac.find_overlapping_iter(lower)
        .any(|m| whole_words(lower, m.start(), m.end()))
}

/// Which kinds of measure ([`MEASURES`]) a text names, as whole words.
pub fn measures_in(text: &str) -> BTreeSet<&'static str> {
    static CUES: OnceLock<Option<(aho_corasick::AhoCorasick, Vec<&'static str>)>> = OnceLock::new();
    let lower = text.to_lowercase();
    let built = CUES.get_or_init(|| {
        let (names, cues): (Vec<&'static str>, Vec<&'static str>) = MEASURES
            .iter()
            .flat_map(|(name, cues)| cues.iter().map(move |c| (*name, *c)))
            .unzip();
        aho_corasick::AhoCorasick::new(&cues)
            .ok()
            .map(|ac| (ac, names))
    });
    let Some((ac, names)) = built else {
        // Building from a constant table cannot fail; searched cue by cue
        // if it ever did.
        return MEASURES
            .iter()
            .filter(|(_, cues)| cues.iter().any(|cue| has_phrase(&lower, cue)))
            .map(|(name, _)| *name)
            .collect();
    };
    let mut out = BTreeSet::new();
    for m in ac.find_overlapping_iter(&lower) {
        if whole_words(&lower, m.start(), m.end()) {
            if let Some(name) = names.get(m.pattern().as_usize()) {
                out.insert(*name);
            }
        }
    }
    out
}

/// True for a number written as a hyphenated modifier of what follows: "a
/// 40,000-seat stadium", "a 500-bed hospital". Such a number gives the size
/// or capacity of the thing, not a count of people present.
pub fn is_size_modifier(from_number: &str) -> bool {
    let mut chars = from_number.char_indices().peekable();
    let mut end = 0;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_ascii_digit() || ((c == ',' || c == '.') && end > 0) {
            end = i + c.len_utf8();
            chars.next();
        } else {
            break;
        }
    }
    if end == 0 {
        return false;
    }
    let rest = &from_number[end..];
    let Some(word) = rest.strip_prefix('-') else {
        return false;
    };
    word.chars().next().is_some_and(|c| c.is_alphabetic())
        && !word.starts_with("year")
        && !word.starts_with("old")
}

/// Where a figure sits: its article, its sentence, and its place in it.
pub struct Site<'a> {
    /// The article.
    pub article: &'a Article,
    /// The figure's span.
    pub span: ByteRange,
    /// The figure's sentence.
    pub sentence: ByteRange,
    /// The figure.
    pub figure: &'a Figure,
}

/// The words of an age that may stand between it and the person it is
/// given to ("38-year-old Ann Smith", "Ana Ruiz, de 38 años").
const AGE_GAP_WORDS: &[&str] = &["year", "years", "old", "aged", "age", "de", "años", "edad"];

/// How many words back a list item looks for its list's verb.
const LIST_REACH: usize = 20;

/// The prefix of a [`Measure::background`] taken from a month or year
/// that could not be resolved to a calendar date.
pub const UNPLACED_MONTH: &str = "unplaced:";

/// A rate's words followed by a relation of time ("a day after"), which
/// say when, not how often: the "a"/"an" cues of the rate measures with
/// each of [`TIME_RELATIONS`], built once.
fn rates_said_as_times() -> &'static [String] {
    static PHRASES: OnceLock<Vec<String>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        MEASURES
            .iter()
            .filter(|(name, _)| name.starts_with("per "))
            .flat_map(|(_, cues)| cues.iter())
            .filter(|c| c.starts_with("a ") || c.starts_with("an "))
            .flat_map(|cue| TIME_RELATIONS.iter().map(move |r| format!("{cue} {r}")))
            .collect()
    })
}

/// The prefix of a mark that holds a code named right after a number
/// ([`code_after`]).
pub const CODE_MARK: &str = "code:";

/// The code that opens the counted phrase, written with a hyphen, a space
/// or nothing between its letters and its number, and maybe a plural "s":
/// "AK-47s", "AK 47 guns", "M16 rifles" all give their code in lower case
/// ("ak47", "m16"). Up to three capitals then two to four digits: longer
/// runs of capitals are names, and one digit is too short to tell.
pub fn code_after(after: &str) -> Option<String> {
    let mut words = after.split_whitespace();
    let first = words.next()?;
    let letters = first.chars().take_while(|c| c.is_ascii_uppercase()).count();
    if !(1..=3).contains(&letters) {
        return None;
    }
    let mut rest: String = first[letters..].chars().filter(|c| *c != '-').collect();
    if rest.is_empty() {
        rest = words.next()?.to_string();
    }
    let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
    let tail = rest[digits..].trim_end_matches(|c: char| !c.is_alphanumeric());
    if !(2..=4).contains(&digits) || !(tail.is_empty() || tail == "s") {
        return None;
    }
    Some(format!("{}{}", &first[..letters], &rest[..digits]).to_lowercase())
}

/// The head of a distance between two named places (see
/// [`distance_between`]); its mark names the two.
pub const DISTANCE_HEAD: &str = "distance";

/// The two places of a distance: `None` when no bearing follows the
/// number, `Some(None)` when one does but the place the distance is of is
/// not named, else `Some(Some("place>from"))`: "Port Ellis, located 1,150
/// kilometres (700 miles) southeast of Carmody". The place is the one in
/// apposition right before the number, else the one that opens the
/// sentence before a comma: a subject further away may be another place's.
fn distance_between(site: &Site) -> Option<Option<String>> {
    let a = site.article;
    let (span_end, sent_start, sent_end) = (
        site.span.end as usize,
        site.sentence.start as usize,
        site.sentence.end as usize,
    );
    let rest = a.text.get(span_end..sent_end)?;
    let mut at = span_end + (rest.len() - rest.trim_start().len());
    // A conversion in brackets restates the number: "1,150 km (700 miles)",
    // and the conversion is of what the number measures.
    if a.text.get(at..)?.starts_with(')') {
        at += 1;
        let r = a.text.get(at..sent_end)?;
        at += r.len() - r.trim_start().len();
    } else if a.text.get(at..)?.starts_with('(') {
        let close = a.text.get(at..sent_end)?.find(')')?;
        at += close + 1;
        let r = a.text.get(at..sent_end)?;
        at += r.len() - r.trim_start().len();
    }
    let tail = a.text.get(at..sent_end)?;
    let bearing = BEARINGS
        .iter()
        .filter(|b| {
            tail.get(..b.len()).is_some_and(|t| t.to_lowercase() == **b)
                && tail[b.len()..].starts_with(char::is_whitespace)
        })
        .map(|b| b.len())
        .max()?;
    let from_at = at + bearing;
    // Place names are often not typed as places (an island the gazetteer
    // does not know reads as an organisation), so any named thing but a
    // person counts, and a capitalised name with no entity span too.
    // A person or a nationality ("the Norlandic warship") is no place, and
    // a short acronym is more often a time zone or a body than the place a
    // distance is of.
    let named = |s: &&crosswire_model::Span| {
        let short_acronym = a
            .text
            .get(s.range.start as usize..s.range.end as usize)
            .is_some_and(|t| t.len() <= 4 && t.chars().all(|c| c.is_ascii_uppercase()));
        matches!(&s.kind, SpanKind::Entity { entity, .. }
            if !matches!(entity, EntityKind::Person | EntityKind::Group))
            && !short_acronym
    };
    let name_of = |s: &crosswire_model::Span| match &s.kind {
        SpanKind::Entity { canonical, .. } => canonical.to_lowercase(),
        _ => String::new(),
    };
    // The place measured from, right after the bearing ("of the capital"
    // allows one short article word).
    let after = a.text.get(from_at..sent_end)?;
    let lead = after.len() - after.trim_start().len();
    let mut from_start = from_at + lead;
    if let Some((w, _)) = after.trim_start().split_once(char::is_whitespace) {
        if w.len() <= 3 && w.chars().all(|c| c.is_lowercase()) {
            let r = a.text.get(from_start + w.len()..sent_end)?;
            from_start += w.len() + (r.len() - r.trim_start().len());
        }
    }
    let (from, from_end) = match a
        .spans
        .iter()
        .filter(named)
        .find(|s| s.range.start as usize == from_start)
    {
        Some(s) => (name_of(s), s.range.end as usize),
        None => {
            let run = capitalised_run(a.text.get(from_start..sent_end)?);
            (run.clone(), from_start + run.len())
        }
    };
    // "from the Norlandic warship": a name that modifies a noun is not the
    // place.
    let modifies = a
        .text
        .get(from_end..sent_end)
        .and_then(|t| t.split_whitespace().next())
        .is_some_and(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && !STOP_WORDS.contains(&w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        });
    if from.is_empty() || modifies {
        return Some(None);
    }
    let in_sentence_before: Vec<&crosswire_model::Span> = a
        .spans
        .iter()
        .filter(named)
        .filter(|s| s.range.start as usize >= sent_start && s.range.end <= site.span.start)
        .collect();
    let gap_ok = |gap: &str| {
        gap.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| DISTANCE_GAP_WORDS.contains(&w.to_lowercase().as_str()))
    };
    let apposition = in_sentence_before.last().filter(|s| {
        a.text
            .get(s.range.end as usize..site.span.start as usize)
            .is_some_and(gap_ok)
    });
    let opener = in_sentence_before.first().filter(|s| {
        a.text
            .get(sent_start..s.range.start as usize)
            .is_some_and(|lead| lead.trim().is_empty() || lead.trim().eq_ignore_ascii_case("the"))
            && a.text
                .get(s.range.end as usize..)
                .is_some_and(|t| t.starts_with(','))
    });
    let Some(of) = apposition.or(opener) else {
        return Some(None);
    };
    let of = name_of(of);
    if of.is_empty() || of == from {
        return Some(None);
    }
    Some(Some(format!("{of}>{from}")))
}

/// The model designations of a text: a short run of capitals glued to a
/// number ("A380", "F-16", "MH17"), or a number, a hyphen and a variant
/// ("777-200LR", "737-800"). Hand-written: a regular expression would
/// need the regex crate's Unicode tables for a check this small.
fn models_in(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for raw in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"')) {
        let w = raw.trim_end_matches(['.', ':', '!', '?', '\'', '’']);
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        if w.len() < 3 || w.len() > 12 || !w.is_ascii() {
            continue;
        }
        let letters = w.chars().take_while(|c| c.is_ascii_uppercase()).count();
        let rest = w[letters..].trim_start_matches('-');
        let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        let tail = &rest[digits..];
        let tail_ok = |t: &str| {
            t.is_empty()
                || t.strip_prefix('-').is_some_and(|v| {
                    !v.is_empty()
                        && v.chars()
                            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
                })
                || (t.len() <= 3 && t.chars().all(|c| c.is_ascii_uppercase()))
        };
        let prefixed = (1..=3).contains(&letters) && (1..=4).contains(&digits) && tail_ok(tail);
        let variant = letters == 0
            && (2..=4).contains(&digits)
            && tail.strip_prefix('-').is_some_and(|v| {
                v.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && v.chars()
                        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
            });
        if prefixed || variant {
            out.insert(w.replace('-', "").to_ascii_uppercase());
        }
    }
    out
}

/// The capitalised words that open `text`, lower-cased ("Port Ellis, the
/// ..." gives "port ellis"); empty when it opens with a lower-case word.
fn capitalised_run(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .take(4)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Decides a figure's measure.
pub fn measure_of(site: &Site, names: &EntityNames) -> Measure {
    let a = site.article;
    let f = site.figure;
    let sent_text = a.slice(site.sentence);
    let s0 = site.sentence.start as usize;
    let rel =
        (site.span.start as usize).saturating_sub(s0)..(site.span.end as usize).saturating_sub(s0);
    let clause = clause_of(sent_text, rel.clone());
    let (mut dim, mut factor) = dimension(f.unit.as_deref(), f.role);
    if dim == Dim::Count {
        // "a 6.1-magnitude quake", "5.9 on the Richter scale": the unit is
        // in the words around the number.
        let around = window(sent_text, rel.clone(), 3, &(0..sent_text.len())).to_lowercase();
        // "aftershocks of about 4.2", "6.2 Earthquake": a number written
        // with a decimal beside a quake is its magnitude; a count of them
        // ("four aftershocks") is a whole number.
        let decimal = sent_text.get(rel.clone()).is_some_and(|t| {
            t.as_bytes()
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
        });
        let aftershock = decimal
            && (AFTERSHOCK_WORDS.iter().chain(QUAKE_WORDS.iter())).any(|w| has_phrase(&around, w));
        if (aftershock || MAGNITUDE_WORDS.iter().any(|w| has_phrase(&around, w))) && f.value < 10.0
        {
            (dim, factor) = (Dim::Magnitude, 1.0);
        }
    }
    let mut m = Measure {
        dim: Some(dim),
        factor,
        ..Measure::default()
    };
    let words = words_with_offsets(sent_text);
    // The words after the number: inside the span past the number itself,
    // then after it, within the clause.
    let number_end = {
        let span_text = sent_text.get(rel.clone()).unwrap_or("");
        let last_digit = span_text
            .char_indices()
            .filter(|(_, c)| c.is_ascii_digit())
            .map(|(i, c)| i + c.len_utf8())
            .next_back();
        match last_digit {
            Some(e) => rel.start + e,
            // A number in words: the span's first word is the number.
            None => words
                .iter()
                .find(|(o, _)| *o >= rel.start)
                .map_or(rel.end, |(o, w)| o + w.len()),
        }
    };
    // A number in words glued by hyphens ("Twenty-three") is one number.
    let glued_to_number =
        |o: usize| o < rel.end && o > 0 && sent_text.get(..o).is_some_and(|t| t.ends_with('-'));
    let after: Vec<(usize, &str)> = words
        .iter()
        .copied()
        .filter(|(o, _)| *o >= number_end && *o < clause.end && !glued_to_number(*o))
        .collect();
    let before: Vec<(usize, &str)> = words
        .iter()
        .copied()
        .filter(|(o, w)| o + w.len() <= rel.start && *o >= clause.start)
        .collect();

    // The counted head and its modifiers.
    let mut head_at: Option<usize> = None;
    // "two other victims", "three more rifles": the count adds to one given
    // elsewhere; the head still follows.
    let mut added = false;
    for (k, &(o, w)) in after.iter().enumerate().take(7) {
        // A clock's zone ("14:45 Coordinated Universal Time") is its unit,
        // already in the dimension: no mark of what is timed.
        if matches!(m.dim, Some(Dim::Clock(_))) && o < rel.end {
            continue;
        }
        let lower = w.to_lowercase();
        if k == 0 && INCREMENT_WORDS.contains(&lower.as_str()) {
            added = true;
            continue;
        }
        if w.chars().all(|c| c.is_ascii_digit()) {
            // "AK-47", "AK 47": a code inside the counted phrase (digits
            // glued to it, or after a word in capitals), else another
            // number.
            let glued = o > 0 && sent_text.get(..o).is_some_and(|t| t.ends_with('-'));
            let after_code = k > 0
                && after[k - 1].1.chars().count() <= 4
                && after[k - 1].1.chars().all(|c| c.is_ascii_uppercase());
            if (glued || after_code) && k > 0 {
                m.marks.insert(lower);
                continue;
            }
            break;
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if is_stop(&lower) {
            // "Norlandic and Vesperan sailors": a list of modifiers goes on.
            let next_capital = after
                .get(k + 1)
                .is_some_and(|(_, n)| n.chars().next().is_some_and(char::is_uppercase));
            if matches!(lower.as_str(), "and" | "y" | "or" | "o")
                && next_capital
                && capital_run(&after[..k])
            {
                continue;
            }
            break;
        }
        let bit = concept_bit(&lower);
        let thing = things().contains_key(lower.as_str());
        if !thing && (bit != 0 && !is_plural(&lower) || bit != 0 && k == 0 && m.marks.is_empty()) {
            // "80 wounded", "10 dead", "10 killed": the happening is the head.
            m.happening |= bit;
            head_at = Some(k);
            break;
        }
        if is_unit_name(&lower) {
            // "three years", "10 days": the unit, not what is counted.
            continue;
        }
        // "400 UNHCR children": an acronym names the group, it is no plural.
        let acronym = w.chars().count() > 1 && w.chars().all(|c| c.is_uppercase());
        if !acronym && (is_plural(&lower) || things().contains_key(lower.as_str())) {
            m.generic_head = GENERIC_PERSONS.contains(&lower.as_str())
                || things().get(lower.as_str()) == Some(&"person");
            m.head = head_key(&lower);
            // A named group ("protesters") says who, not what happened.
            if !thing {
                m.happening |= bit;
            }
            head_at = Some(k);
            break;
        }
        if UNIT_WORDS.contains(&lower.as_str()) {
            continue;
        }
        if capital {
            m.marks.insert(lower);
        } else if SUPERLATIVES.contains(&lower.as_str()) {
            // "the six worst-hit towns": a subset, named as such; the
            // "hardest-hit" ones are the same subset.
            m.marks.insert(WORST_MARK.to_string());
        } else {
            m.words.insert(lower);
        }
        if m.marks.len() + m.words.len() >= 4 {
            break;
        }
    }
    if m.head.is_none() && head_at.is_none() && (f.value == 1.0 || m.dim != Some(Dim::Count)) {
        // "one person", "a 10-metre dhow": a singular head is the last word
        // read, when it is lower case (a count above one has a plural head,
        // so a singular word after it is something else: "three die").
        if let Some(w) = m.words.iter().next().cloned() {
            if m.words.len() == 1 {
                m.words.clear();
                m.generic_head = GENERIC_PERSONS.contains(&w.as_str());
                m.head = head_key(&w);
            }
        }
    }
    if let Some(c) = &f.counts {
        // The analyzer's counted phrase fills in what the text walk missed.
        if m.head.is_none() && m.happening == 0 {
            for w in c.split_whitespace().rev() {
                let lower = w.to_lowercase();
                if is_stop(&lower) {
                    continue;
                }
                m.happening |= concept_bit(&lower);
                if is_plural(&lower) && !is_unit_name(&lower) {
                    m.generic_head = GENERIC_PERSONS.contains(&lower.as_str());
                    m.head = head_key(&lower);
                    break;
                }
            }
        }
    }

    // A head that is the unit written inside the figure ("7,49 dólares",
    // "0,52 pollici") repeats the dimension: two sums in one currency, or
    // two lengths in inches, are not one thing for that.
    if !matches!(m.dim, None | Some(Dim::Count)) {
        let own = sent_text.get(rel.clone()).unwrap_or("").to_lowercase();
        let own: Vec<String> = own
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(head_key)
            .collect();
        m.unit_head = m.head.as_ref().is_some_and(|h| own.contains(h));
    }
    // "seven AK-47s", "seven AK-47 assault rifles", "9 AK 47 rifles": one
    // code names the thing however it is written; its pieces are no marks
    // of their own.
    if let Some(code) = code_after(sent_text.get(number_end..clause.end).unwrap_or("")) {
        m.marks.retain(|x| !code.contains(x.as_str()));
        m.words.retain(|x| {
            let compact: String = x.chars().filter(|c| c.is_alphanumeric()).collect();
            !compact.starts_with(code.as_str())
        });
        m.marks.insert(format!("{CODE_MARK}{code}"));
    }
    // "1,500 km south of the capital": the distance between two places.
    // It says what it measures only when both are named; a bearing word
    // is never what is measured.
    if m.dim == Some(Dim::Length) {
        match distance_between(site) {
            Some(Some(between)) => {
                m.head = Some(DISTANCE_HEAD.to_string());
                m.generic_head = false;
                m.words.clear();
                m.marks = BTreeSet::from([between]);
            }
            Some(None) => {
                m.head = None;
                m.words.clear();
            }
            None => {}
        }
    }

    // The happening: the words right around the number, else the clause
    // when it names exactly one.
    // Another number or a conjunction ends the stretch: in "killing 612
    // people and injuring 1,400" the injuring is the other number's.
    let ends_stretch = |w: &&str| {
        w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || matches!(
                w.to_lowercase().as_str(),
                "and"
                    | "y"
                    | "but"
                    | "pero"
                    | "while"
                    | "whereas"
                    | "as"
                    | "after"
                    | "when"
                    | "because"
                    | "since"
                    | "tras"
                    | "cuando"
                    | "mientras"
                    | "porque"
            )
    };
    let near_before: Vec<&str> = before
        .iter()
        .rev()
        .map(|(_, w)| *w)
        .take_while(|w| !ends_stretch(w))
        .take(4)
        .collect();
    let near_after: Vec<&str> = after
        .iter()
        .map(|(_, w)| *w)
        .take_while(|w| !ends_stretch(w))
        .take(5)
        .collect();
    if m.happening == 0 {
        m.happening = happening_near(&before, &after, &near_before, &near_after);
    }
    m.negated = denied(
        &near_before,
        &near_after,
        sent_text.get(rel.clone()).unwrap_or(""),
    );
    if m.happening == 0 {
        // "at least four people, two guards and two clerks, died": an
        // apposition between the counted group and its verb. A stretch
        // that opens with a conjunction ("while services to...") is a
        // clause of its own, whose verb is not the count's.
        let opener = sent_text
            .get(clause.end..)
            .and_then(|t| t.trim_start().strip_prefix(','))
            .and_then(|t| t.split_whitespace().next());
        if let Some(resume) = after_apposition(sent_text, clause.end)
            .filter(|_| !opener.is_some_and(|w| ends_stretch(&w)))
        {
            let rest: Vec<(usize, &str)> = words
                .iter()
                .filter(|(o, _)| *o >= resume)
                .copied()
                .collect();
            let near: Vec<&str> = rest
                .iter()
                .map(|(_, w)| *w)
                .take_while(|w| !ends_stretch(w))
                .take(5)
                .collect();
            m.happening = happening_near(&[], &rest, &[], &near);
        }
    }
    if m.happening == 0 && clause.start > 0 {
        // An item of a list ("recovered seven rifles, RPG launchers, three
        // speedboats"): the list's verb comes before its first comma, out
        // of the item's own clause.
        let lead_in = sent_text.get(..clause.start).unwrap_or("");
        let bare_item = before.iter().all(|(_, w)| is_stop(&w.to_lowercase()));
        if bare_item && lead_in.trim_end().ends_with(',') {
            m.list_happening = words
                .iter()
                .rev()
                .filter(|(o, _)| *o < clause.start)
                .take(LIST_REACH)
                .map(|(_, w)| concept_bit(&w.to_lowercase()))
                .find(|b| *b != 0)
                .unwrap_or(0);
        }
    }
    if matches!(m.dim, Some(Dim::Money(_)))
        && m.happening & MONEY_HAPPENINGS.iter().fold(0, |b, c| b | bit_of(c)) == 0
    {
        // Money is paid, costs, is stolen or seized; what the clause says
        // of people around it ("sent", "arrested") is not what the sum is.
        m.happening = 0;
    }

    // Scope and flags, from the clause.
    let clause_text = sent_text.get(clause.clone()).unwrap_or("").to_lowercase();
    let lead: String = before
        .iter()
        .rev()
        .take(3)
        .rev()
        .map(|(_, w)| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let follow: String = after
        .iter()
        .take(3)
        .map(|(_, w)| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    // "another 2,000", "two more victims", "three other rifles".
    let first_after = follow.split(' ').next().unwrap_or("");
    m.complement = added;
    m.increment = INCREMENT_WORDS.iter().any(|w| {
        lead.split(' ').next_back() == Some(*w)
            || (*w == first_after && *w != "other")
            || (*w != "more" && m.words.contains(*w))
    });
    // "30 of the 80 wounded", "two of whom": a part of a group the clause
    // counts. "23 of the raiders" is the whole group, so a partitive "of
    // the" needs a number after it.
    let number_follows = after
        .iter()
        .take(4)
        .any(|(_, w)| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
    // "a cache including seven rifles": the rifles are a part of the cache
    // but a whole count of rifles, which a specific head says.
    let whole_of_its_kind = m.head.is_some() && !m.generic_head;
    m.part = PART_CUES.iter().any(|c| {
        let partitive = matches!(*c, "of the" | "de los" | "de las");
        (has_phrase(&follow, c) && (!partitive || number_follows))
            || (!partitive && has_phrase(&lead, c) && !c.starts_with("of") && !whole_of_its_kind)
    });
    {
        static CUES: OnceLock<Option<aho_corasick::AhoCorasick>> = OnceLock::new();
        m.updated = any_phrase(&clause_text, &UPDATE_CUES, &CUES);
        // An item of a list ("at one point 55% in one country, 52% in
        // another and 82% in a third") is dated by what leads the list,
        // as it is counted by the list's verb.
        let lead_in = sent_text.get(..clause.start).unwrap_or("");
        let bare_item = before.iter().all(|(_, w)| is_stop(&w.to_lowercase()));
        if !m.updated && bare_item && lead_in.trim_end().ends_with(',') {
            m.updated = any_phrase(&lead_in.to_lowercase(), &UPDATE_CUES, &CUES);
        }
    }
    {
        static CUES: OnceLock<Option<aho_corasick::AhoCorasick>> = OnceLock::new();
        if any_phrase(&clause_text, &BACKGROUND_CUES, &CUES) {
            m.background = Some("past".into());
        }
    }
    let clause_range = ByteRange::new(s0 + clause.start, s0 + clause.end);
    // "In February, a quake measuring 6.4 hit...", "... hit Tarsk in
    // February": a month or a year in the sentence dates all of it. News style names the weekday for
    // the days around the story and the month for anything further off,
    // so a date no finer than a month points to another happening.
    for s in &a.spans {
        if s.range.start < site.sentence.start || s.range.end > site.sentence.end {
            continue;
        }
        if let SpanKind::Date(d) = &s.kind {
            // "Beginning last October, five have been convicted": the count
            // runs over the period to now, and may have grown since.
            let lead: Vec<String> = words_with_offsets(
                a.text
                    .get(site.sentence.start as usize..s.range.start as usize)
                    .unwrap_or(""),
            )
            .iter()
            .rev()
            .take(2)
            .map(|(_, w)| w.to_lowercase())
            .collect();
            if lead.iter().any(|w| PERIOD_STARTS.contains(&w.as_str())) {
                m.updated = true;
                continue;
            }
            if matches!(d.precision, Precision::Month | Precision::Year) {
                // Unresolved (no publish date to place it), the month is
                // kept by its words, marked so that the caller can drop it
                // when the coverage's own dates could have placed it.
                m.background = Some(d.resolved.clone().unwrap_or_else(|| {
                    format!("{UNPLACED_MONTH}{}", a.slice(s.range).to_lowercase())
                }));
            }
        }
    }
    let relative = clause_text
        .split_whitespace()
        .next()
        .is_some_and(|w| RELATIVE_WORDS.contains(&w));
    for s in &a.spans {
        if let SpanKind::Entity {
            entity: EntityKind::Gpe | EntityKind::Loc,
            canonical,
            ..
        } = &s.kind
        {
            if s.range.start >= site.sentence.start && s.range.end <= site.sentence.end {
                let feature = names.feature(canonical);
                if relative && s.range.end <= clause_range.start {
                    m.antecedent_locations.insert(feature.clone());
                }
                m.sentence_locations.insert(feature);
            }
        }
        if s.range.start < clause_range.start || s.range.end > clause_range.end {
            continue;
        }
        match &s.kind {
            SpanKind::Entity {
                entity, canonical, ..
            } => match entity {
                // The code's letters read as a name ("AK" in "9 AK 47
                // guns") are the thing counted, not where it was.
                EntityKind::Org | EntityKind::Facility
                    if m.marks.iter().any(|x| {
                        x.strip_prefix(CODE_MARK).is_some_and(|code| {
                            let compact: String = a
                                .slice(s.range)
                                .chars()
                                .filter(|c| c.is_alphanumeric())
                                .collect::<String>()
                                .to_lowercase();
                            !compact.is_empty()
                                && (code.starts_with(&compact) || compact.starts_with(code))
                        })
                    }) => {}
                EntityKind::Gpe | EntityKind::Loc | EntityKind::Facility | EntityKind::Org => {
                    let feature = names.feature(canonical);
                    if matches!(entity, EntityKind::Gpe | EntityKind::Loc) {
                        m.locations.insert(feature.clone());
                    }
                    m.places.insert(feature);
                }
                // A nationality right after the number is a mark ("12
                // Norlandic"); elsewhere it is scope.
                EntityKind::Group
                    if s.range.start >= site.span.end
                        && (s.range.start as usize)
                            < s0 + after.get(3).map_or(clause.end, |x| x.0) =>
                {
                    m.marks.insert(a.slice(s.range).to_lowercase());
                }
                _ => {}
            },
            // An absolute year in the clause dates the figure.
            SpanKind::Date(d) if !d.relative => {
                if let Some(r) = &d.resolved {
                    m.background = Some(r.chars().take(4).collect());
                }
            }
            SpanKind::Figure(g) if g.role == FigureRole::Year && s.range != site.span => {
                m.background = Some(format!("{}", g.value));
            }
            _ => {}
        }
    }
    {
        static CUES: OnceLock<Option<aho_corasick::AhoCorasick>> = OnceLock::new();
        m.wide = m.locations.is_empty() && any_phrase(&clause_text, &WIDE_SCOPE_CUES, &CUES);
    }
    if m.dim == Some(Dim::Magnitude) {
        static CUES: OnceLock<Option<aho_corasick::AhoCorasick>> = OnceLock::new();
        // "...four aftershocks, with magnitudes from 3.9 to 4.6": an
        // attached phrase describes what the clause before it names.
        let attached = clause_text
            .split_whitespace()
            .next()
            .is_some_and(|w| ATTACHED_WORDS.contains(&w));
        let scope = if attached {
            sent_text.get(..clause.end).unwrap_or("").to_lowercase()
        } else {
            clause_text.clone()
        };
        m.aftershock = any_phrase(&scope, &AFTERSHOCK_WORDS, &CUES);
    }
    // A nationality that is itself the head ("238 Norlanders") is what is
    // counted, not a mark on it.
    if let Some(h) = &m.head {
        m.marks.retain(|x| stem(x).as_deref() != Some(h.as_str()));
    }
    if m.dim == Some(Dim::Age) {
        // Whose age: the person named next to it ("Ann Smith, 38", "the
        // 38-year-old Ann Smith"), within a few characters.
        // Only an apposition ("Ann Smith, 38") or the words of the age
        // ("38-year-old Ann Smith") may stand between: in "Smith's
        // 16-year-old daughter" or "his 14-year-old wife" the age is
        // someone else's.
        let near = |r: ByteRange| {
            let (s, e) = (site.span.start as usize, site.span.end as usize);
            let (rs, re) = (r.start as usize, r.end as usize);
            let (gap, d) = if re <= s {
                (a.text.get(re..s).unwrap_or("x"), s - re)
            } else {
                (a.text.get(e..rs).unwrap_or("x"), rs.saturating_sub(e))
            };
            let only_age_words = gap
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .all(|w| AGE_GAP_WORDS.contains(&w.to_lowercase().as_str()));
            let apposition = re <= s && gap.trim() == ",";
            if only_age_words && (apposition || rs >= e) {
                d
            } else {
                usize::MAX
            }
        };
        let person = a
            .spans
            .iter()
            .filter(|s| s.range.start >= site.sentence.start && s.range.end <= site.sentence.end)
            .filter_map(|s| match &s.kind {
                // "the 61-year-old mayor", which the analyzer took
                // for a named person: the age is that person's.
                SpanKind::Entity {
                    entity: EntityKind::Person,
                    canonical,
                    nominal: true,
                    ..
                } if s.range.start <= site.span.start
                    && site.span.end <= s.range.end
                    && !a.slice(s.range).eq_ignore_ascii_case(canonical) =>
                {
                    Some((0, canonical))
                }
                SpanKind::Entity {
                    entity: EntityKind::Person,
                    canonical,
                    ..
                } => Some((near(s.range), canonical)),
                _ => None,
            })
            .filter(|(d, _)| *d <= 24)
            .min_by_key(|(d, _)| *d);
        if let Some((_, name)) = person {
            // The person is the age's mark; the capitalised words of the
            // name itself ("38-year-old Ann Lee") are no more marks of it.
            m.marks.retain(|x| x.starts_with(CODE_MARK));
            m.marks.insert(format!("person:{}", names.feature(name)));
            m.aged = Some(name.to_string());
        }
    }
    // A magnitude counts nothing: the capitalised words after it ("6.1
    // quake struck Norland island", "6.2 earthquake early Monday") name
    // where and when, never a subgroup.
    // Nor does the word for the quake say anything ("6.4 temblor", "6.2
    // quake", "a magnitude 6.2 shook"), or what it did: the quake is
    // told apart by when it struck and whether it was an aftershock.
    if m.dim == Some(Dim::Magnitude) {
        m.marks.retain(|x| x.starts_with(CODE_MARK));
        m.head = None;
        m.generic_head = false;
        m.happening = 0;
    }
    m.models = models_in(sent_text);
    // A rate's words say when, not how often, when a relation of time
    // follows them ("a day after two miners drowned").
    let mut around = window(sent_text, rel.clone(), 4, &clause).to_lowercase();
    for phrase in rates_said_as_times() {
        around = around.replace(phrase.as_str(), " ");
    }
    let measure_text = format!("{} {}", a.slice(site.span), around);
    m.kinds = measures_in(&measure_text);
    // "65 %" and "65 percent" are one kind of measure: the unit says it
    // whether or not a word does.
    if m.dim == Some(Dim::Share) {
        m.kinds.insert("share");
    }
    // "$2.49 per episode" (or "0,85 dólares USA por acción") is the price
    // of one of many; "a drop of 3.10 dollars" changes a price. Neither
    // is the sum a plain report states.
    if matches!(m.dim, Some(Dim::Money(_))) {
        // The sentence's words after the sum and before it, lower-cased.
        let follow: Vec<String> = words
            .iter()
            .filter(|(o, _)| *o >= rel.end)
            .map(|(_, w)| w.to_lowercase())
            .collect();
        let lead: Vec<String> = words
            .iter()
            .filter(|(o, w)| o + w.len() <= rel.start)
            .map(|(_, w)| w.to_lowercase())
            .collect();
        // A phrase's words, read as the sentence's are ("l'unité").
        let pieces = |phrase: &'static str| -> Vec<&'static str> {
            phrase
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect()
        };
        let same = |got: &[String], want: &[&str]| {
            got.len() == want.len() && got.iter().zip(want).all(|(g, w)| g == w)
        };
        // A phrase at `skip` words after the sum, or before it.
        let after = |phrase: &'static str, skip: usize| {
            let p = pieces(phrase);
            follow
                .get(skip..skip + p.len())
                .is_some_and(|got| same(got, &p))
        };
        let before = |phrase: &'static str, skip: usize| {
            let p = pieces(phrase);
            lead.len() >= p.len() + skip
                && same(&lead[lead.len() - skip - p.len()..lead.len() - skip], &p)
        };
        // A preposition of price before a bare noun, not an article or a
        // possessive ("por su").
        let per = |skip: usize| {
            follow
                .get(skip)
                .is_some_and(|w| PER_WORDS.contains(&w.as_str()))
                && follow.get(skip + 1).is_some_and(|n| {
                    n.chars().all(char::is_alphabetic) && n.chars().count() > 3 && !is_stop(n)
                })
        };
        if UNIT_PRICE_WORDS.iter().any(|w| after(w, 0) || after(w, 1)) || per(0) || per(1) {
            m.kinds.insert("unit price");
        }
        if CHANGE_WORDS.iter().any(|w| before(w, 0) || before(w, 1)) {
            m.kinds.insert("change");
        }
    }
    // "bunks stacked three high": the size of the thing named before the
    // number, whatever happened around it.
    if m.dim == Some(Dim::Count) && m.head.is_none() {
        let follow = sent_text
            .get(number_end..clause.end)
            .unwrap_or("")
            .trim_start()
            .to_lowercase();
        let sized = SIZE_WORDS.iter().any(|w| {
            follow.starts_with(w)
                && follow[w.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        let thing: Option<String> = before
            .iter()
            .rev()
            .map(|(_, w)| w.to_lowercase())
            .find(|w| is_plural(w) && !is_stop(w));
        if let (true, Some(thing)) = (sized, thing) {
            m.head = head_key(&thing);
            m.happening = 0;
            m.kinds.insert("size");
        }
    }
    // "a 500-bed hospital" gives a size; "a 10-metre boat" gives a length,
    // which its unit already says.
    if matches!(m.dim, None | Some(Dim::Count) | Some(Dim::Other(_)))
        && is_size_modifier(a.text.get(site.span.start as usize..).unwrap_or(""))
    {
        m.kinds.insert("capacity");
    }
    // "no casualties", "no hubo víctimas": nobody killed and nobody hurt,
    // so the zero counts the dead and the injured alike. (A number of
    // casualties above zero adds the two, and is neither.)
    if f.value == 0.0 && m.dim == Some(Dim::Count) {
        let harmed = bit_of("dead") | bit_of("injured");
        let said = sent_text
            .get(rel.start..clause.end)
            .unwrap_or("")
            .to_lowercase();
        let named = said
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(4)
            .any(|w| HARM_NOUNS.contains(&w));
        if named && m.happening & !harmed == 0 {
            m.happening |= harmed;
            // The casualties are people, whoever they were.
            m.generic_head = true;
        }
    }
    // "the nine worst-hit towns": what happened to them is being hit, the
    // subset's own measure, whatever else the clause says happened.
    if m.marks.contains(WORST_MARK) {
        m.happening = bit_of("affected");
    }
    m
}

/// The happenings money can have.
const MONEY_HAPPENINGS: &[&str] = &["paid", "cost", "stolen", "seized", "destroyed"];

/// One bit of [`CONCEPTS`] by name.
fn bit_of(concept: &str) -> u32 {
    CONCEPTS
        .iter()
        .position(|(n, _)| *n == concept)
        .map_or(0, |i| 1 << i)
}

/// The one happening the words around a number name, by how surely they
/// name it: a phrase just before it ("home to", "death toll"); a noun of
/// the clause before it that names the measure ("the toll ... has risen
/// to 17"); the concept word nearest to it on either side ("killing 10",
/// "10 people were killed"); a measure noun after it; else the clause's,
/// when it names one only. One happening, not all a clause names: "the
/// mine collapse killed 14" counts the dead.
/// Where the sentence resumes after an apposition that closes the clause
/// ending at `clause_end` (", two guards and two clerks,"): the offset after its
/// closing comma. `None` when the clause is not followed by a short
/// stretch between two commas.
fn after_apposition(sent_text: &str, clause_end: usize) -> Option<usize> {
    /// Longer stretches are clauses of their own, not appositions.
    const MAX_WORDS: usize = 6;
    let tail = sent_text.get(clause_end..)?;
    let open = tail.len() - tail.trim_start().len();
    let rest = tail.get(open..)?.strip_prefix(',')?;
    let close = rest.find(',')?;
    let inside = rest.get(..close)?;
    let n = inside.split_whitespace().count();
    if n == 0 || n > MAX_WORDS || inside.contains([';', ':', '(', ')', '.']) {
        return None;
    }
    Some(clause_end + open + 1 + close + 1)
}

fn happening_near(
    before: &[(usize, &str)],
    after: &[(usize, &str)],
    near_before: &[&str],
    near_after: &[&str],
) -> u32 {
    let lead4: String = before
        .iter()
        .rev()
        .take(4)
        .rev()
        .map(|(_, w)| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let follow5: String = after
        .iter()
        .take(5)
        .map(|(_, w)| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    for (phrase, concept) in CONCEPT_PHRASES.iter() {
        if has_phrase(&lead4, phrase) || has_phrase(&follow5, phrase) {
            return bit_of(concept);
        }
    }
    let measure_noun = |w: &str| {
        let lower = w.to_lowercase();
        MEASURE_NOUNS
            .iter()
            .find(|(n, _)| *n == lower)
            .map(|(_, c)| bit_of(c))
    };
    if let Some(b) = before
        .iter()
        .enumerate()
        .rev()
        .filter(|(k, _)| !counted_by_another(before, *k))
        .find_map(|(_, (_, w))| measure_noun(w))
    {
        return b;
    }
    let first = |words: &[&str]| {
        words
            .iter()
            .enumerate()
            .find_map(|(d, w)| Some((d, concept_bit(w))).filter(|(_, b)| *b != 0))
    };
    match (first(near_before), first(near_after)) {
        (Some((db, b)), Some((da, a))) => return if da < db { a } else { b },
        (Some((_, b)), None) | (None, Some((_, b))) => return b,
        (None, None) => {}
    }
    if let Some(b) = after.iter().find_map(|(_, w)| measure_noun(w)) {
        return b;
    }
    // A measure noun another number counts is that number's measure; any
    // other word of the clause may still tell what happened.
    let own = |words: &[(usize, &str)]| {
        words
            .iter()
            .enumerate()
            .filter(|(k, (_, w))| measure_noun(w).is_none() || !counted_by_another(words, *k))
            .fold(0u32, |b, (_, (_, w))| b | concept_bit(w))
    };
    let clause_bits = own(before) | own(after);
    if clause_bits.count_ones() == 1 {
        clause_bits
    } else {
        0
    }
}

/// Whether the word at `k` of a clause's words is what another number
/// of the clause counts or measures ("a 52 million population and 4,100
/// reefs": the population is the 52 million's): the nearest word before
/// it but for stop words ("million", "of") is a number.
fn counted_by_another(words: &[(usize, &str)], k: usize) -> bool {
    words[..k.min(words.len())]
        .iter()
        .rev()
        .map(|(_, w)| *w)
        .take(3)
        .find(|w| !is_stop(&w.to_lowercase()))
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether the words right around a number deny its verb: a negation
/// before it ("has not sent three", `near_before` runs from the number
/// backwards) unless it denies a limit ("not only three", "not less than
/// 40", where the word after it, or the figure's own first word, says
/// so); or one right after the counted words and before a happening
/// ("three were not hurt").
fn denied(near_before: &[&str], near_after: &[&str], figure_text: &str) -> bool {
    let is = |list: &[&str], w: &str| list.contains(&w.to_lowercase().as_str());
    let figure_first = words_with_offsets(figure_text)
        .first()
        .map_or("", |(_, w)| *w);
    let before = near_before.iter().enumerate().any(|(k, w)| {
        let next = if k == 0 {
            figure_first
        } else {
            near_before[k - 1]
        };
        is(&NEGATIONS, w) && !is(&NEGATION_LIMITS, next)
    });
    let after = near_after
        .windows(2)
        .any(|pair| is(&NEGATIONS, pair[0]) && concept_bit(&pair[1].to_lowercase()) != 0);
    before || after
}

/// True for a unit name ("days", "km", "años"), never the counted noun:
/// the names of [`UNIT_DIMENSIONS`] but counted nouns ("people").
fn is_unit_name(lower: &str) -> bool {
    UNIT_DIMENSIONS
        .iter()
        .any(|(name, dim, _)| *name == lower && *dim != "count")
        || PERCENT_UNITS.contains(&lower)
}

/// Words that pick out the worst-affected part of a group ("the worst-hit
/// villages", "los más afectados"): a subset, not the whole.
const SUPERLATIVES: &[&str] = &[
    "worst", "hardest", "badly", "most", "severely", "heavily", "más",
];

/// The mark of the worst-affected subset, whichever of
/// [`SUPERLATIVES`] names it.
const WORST_MARK: &str = "subset:worst";

/// Unit words read past when looking for the counted noun ("6.1-magnitude
/// quake", "10-metre dhow").
const UNIT_WORDS: &[&str] = &[
    "magnitude",
    "metre",
    "meter",
    "metres",
    "meters",
    "foot",
    "feet",
    "mile",
    "miles",
    "km",
    "kilometre",
    "kilometer",
    "long",
    "tall",
    "wide",
    "high",
    "deep",
    "year",
    "old",
    "per",
    "cent",
    "percent",
];

/// True when every word of `words` (the modifiers read so far) is
/// capitalized: a run of names or nationalities.
fn capital_run(words: &[(usize, &str)]) -> bool {
    !words.is_empty()
        && words
            .iter()
            .all(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
}

/// The words of `text` within `n` words of `range`, inside `clause`.
fn window(
    text: &str,
    range: std::ops::Range<usize>,
    n: usize,
    clause: &std::ops::Range<usize>,
) -> String {
    let head = text
        .get(clause.start.min(range.start)..range.start)
        .unwrap_or("");
    let tail = text
        .get(range.end.min(clause.end)..clause.end.max(range.end))
        .unwrap_or("");
    let before: Vec<&str> = head.split_whitespace().collect();
    let after: Vec<&str> = tail.split_whitespace().collect();
    format!(
        "{} {}",
        before[before.len().saturating_sub(n)..].join(" "),
        after[..after.len().min(n)].join(" ")
    )
}
#[cfg(test)]
mod tests {
    use super::*;
    use crosswire_model::{ArticleBuilder, BlockKind, Qualifier, Span};

    /// A one-sentence article with `day` marked as a date no publish
    /// date resolves, and the moment its clause names.
    fn moment(sentence: &str, day: Option<&str>) -> Option<String> {
        let mut b = ArticleBuilder::new("t");
        b.push_block(BlockKind::Paragraph, sentence);
        let mut a = b.finish();
        if let Some(day) = day {
            let start = a.text.find(day).unwrap_or(0);
            a.spans.push(Span {
                range: ByteRange::new(start, start + day.len()),
                kind: SpanKind::Date(crosswire_model::DateValue {
                    resolved: None,
                    precision: Precision::Day,
                    relative: true,
                    refers_to: None,
                }),
            });
        }
        let clause = ByteRange::new(0, a.text.len());
        said_moment(&a, clause)
    }

    #[test]
    fn data_sizes_and_frequencies_convert_within_their_dimension() {
        let (gb, f_gb) = dimension(Some("GB"), FigureRole::Claim);
        let (mb, f_mb) = dimension(Some("MB"), FigureRole::Claim);
        assert_eq!(gb, mb);
        assert!((2.0 * f_gb - 2_000.0 * f_mb).abs() < 1.0);
        let (ghz, _) = dimension(Some("GHz"), FigureRole::Claim);
        assert_ne!(gb, ghz);
        assert_ne!(gb, Dim::Count);
    }

    #[test]
    fn an_item_of_a_list_is_dated_by_what_leads_the_list() {
        let listed = "At one point 55 percent of traffic in Norland was out, 52 percent in Tarsk, 82 percent in Vell.";
        assert!(measure(listed, "82 percent", Some("percent")).updated);
        let plain = "Officials said 55 percent of traffic in Norland was out, 52 percent in Tarsk, 82 percent in Vell.";
        assert!(!measure(plain, "82 percent", Some("percent")).updated);
        // A clause of its own, with words before the number, is not an item.
        let own = "At one point traffic in Norland was out, and officials said 82 percent in Vell.";
        assert!(!measure(own, "82 percent", Some("percent")).updated);
        let es = "Hasta ahora han muerto 12 personas en Norland, 30 en Tarsk.";
        assert!(measure(es, "30", None).updated);
    }

    #[test]
    fn a_moment_is_said_in_the_texts_own_words() {
        assert_eq!(
            moment(
                "82 percent of traffic was out of service early Friday.",
                Some("Friday")
            )
            .as_deref(),
            Some("early friday")
        );
        assert_eq!(
            moment(
                "65 percent of traffic was down on Friday evening.",
                Some("Friday")
            )
            .as_deref(),
            Some("friday evening")
        );
        assert_eq!(
            moment(
                "At one point 82 percent of traffic was out of service.",
                None
            )
            .as_deref(),
            Some("at one point")
        );
        assert_eq!(
            moment(
                "El viernes por la noche, el 65 por ciento del tráfico seguía caído.",
                Some("viernes")
            )
            .as_deref(),
            Some("viernes por la noche")
        );
        assert_eq!(
            moment("Hasta ahora han muerto 12 personas.", None).as_deref(),
            Some("hasta ahora")
        );
        // No word for a time: nothing is guessed ("lately" is not "late").
        assert_eq!(moment("Lately 65 percent of traffic was down.", None), None);
    }

    /// The measure of `figure` at the first occurrence of its wording in
    /// a one-paragraph article, beside entities at their wordings (text,
    /// kind, canonical name, nominal); its sentence runs from `sentence`
    /// (else the start) to the end.
    fn measure_with_entities(
        text: &str,
        (number, figure): (&str, &Figure),
        entities: &[(&str, EntityKind, &str, bool)],
        sentence: Option<&str>,
    ) -> Measure {
        let mut b = ArticleBuilder::new("t");
        b.push_block(BlockKind::Paragraph, text);
        let mut a = b.finish();
        let at = |a: &Article, s: &str| {
            let start = a.text.find(s).unwrap_or(0);
            ByteRange::new(start, start + s.len())
        };
        let span = at(&a, number);
        a.spans.push(Span {
            range: span,
            kind: SpanKind::Figure(figure.clone()),
        });
        for (wording, entity, canonical, nominal) in entities {
            a.spans.push(Span {
                range: at(&a, wording),
                kind: SpanKind::Entity {
                    entity: *entity,
                    cluster: 0,
                    canonical: (*canonical).into(),
                    role: nominal.then(|| (*wording).into()),
                    nominal: *nominal,
                },
            });
        }
        a.spans.sort_by_key(|s| s.range.start);
        let names = EntityNames::new(std::slice::from_ref(&a));
        let from = sentence.map_or(0, |s| at(&a, s).start as usize);
        measure_of(
            &Site {
                article: &a,
                span,
                sentence: ByteRange::new(from, a.text.len()),
                figure,
            },
            &names,
        )
    }

    fn measure(sentence: &str, number: &str, unit: Option<&str>) -> Measure {
        let mut b = ArticleBuilder::new("t");
        b.push_block(BlockKind::Paragraph, sentence);
        let mut a = b.finish();
        let start = a.text.find(number).unwrap_or(0);
        let span = ByteRange::new(start, start + number.len());
        let figure = Figure {
            value: 1.0,
            low: 1.0,
            high: Some(1.0),
            unit: unit.map(str::to_string),
            qualifier: Qualifier::Exact,
            counts: None,
            attributed_to: None,
            role: FigureRole::Claim,
        };
        a.spans.push(Span {
            range: span,
            kind: SpanKind::Figure(figure.clone()),
        });
        let sentence = ByteRange::new(0, a.text.len());
        let names = EntityNames::new(std::slice::from_ref(&a));
        measure_of(
            &Site {
                article: &a,
                span,
                sentence,
                figure: &figure,
            },
            &names,
        )
    }

    fn bit(name: &str) -> u32 {
        CONCEPTS
            .iter()
            .position(|(n, _)| *n == name)
            .map_or(0, |i| 1 << i)
    }

    #[test]
    fn units_fall_into_dimensions_with_factors() {
        assert_eq!(
            dimension(Some("km"), FigureRole::Claim),
            (Dim::Length, 1000.0)
        );
        assert_eq!(dimension(Some("miles"), FigureRole::Claim).0, Dim::Length);
        assert_eq!(
            dimension(Some("EUR"), FigureRole::Claim).0,
            Dim::Money("EUR".into())
        );
        assert_eq!(dimension(Some("%"), FigureRole::Claim).0, Dim::Share);
        assert_eq!(dimension(Some("people"), FigureRole::Claim).0, Dim::Count);
        assert_eq!(dimension(None, FigureRole::Age).0, Dim::Age);
        assert_eq!(
            dimension(Some("time_of_day_GMT"), FigureRole::Claim).0,
            Dim::Clock("utc".into())
        );
        assert_eq!(
            dimension(Some("days"), FigureRole::Claim),
            (Dim::Duration, 86_400.0)
        );
    }

    #[test]
    fn model_designations_are_read_and_other_codes_are_not() {
        let got = models_in("The A380-800 and the 777-200LR, unlike the F-16 (MH17's).");
        let want: BTreeSet<String> = ["A380800", "777200LR", "F16", "MH17"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(got, want);
        // Times, sums, decades, distances and plain numbers name no model.
        assert!(
            models_in("At 0800 GMT, 10km away, $2.5m, in the 1990s, 3pm, 2-1, 24-hour.").is_empty()
        );
    }

    #[test]
    fn a_magnitude_names_no_thing_counted() {
        for (text, number) in [
            (
                "The survey said a magnitude 6.4 temblor shook the island.",
                "6.4",
            ),
            ("A 6.2 Earthquake Jolts Tarsk Island", "6.2"),
            ("Aftershocks of around 4.2 followed the quake.", "4.2"),
        ] {
            let m = measure(text, number, None);
            assert_eq!(m.dim, Some(Dim::Magnitude), "{text}: {m:?}");
            assert!(m.head.is_none() && m.marks.is_empty(), "{text}: {m:?}");
            assert_eq!(m.happening, 0, "{text}: {m:?}");
        }
        // A count of quakes is a whole number.
        let m = measure("Four aftershocks followed the quake.", "Four", None);
        assert_eq!(m.dim, Some(Dim::Count), "{m:?}");
    }

    #[test]
    fn a_unit_price_and_a_change_are_not_the_sum_itself() {
        // Each sum with the kind of money measure its words give, if any.
        for (text, number, kind) in [
            (
                "Each film will sell for $9.99, the studio said.",
                "$9.99",
                None,
            ),
            (
                "Episodes will be sold for $2.49 per episode.",
                "$2.49",
                Some("unit price"),
            ),
            (
                "The shares paid out $0.85 a share last year.",
                "$0.85",
                Some("unit price"),
            ),
            (
                "Videos will sell for $2.49 each.",
                "$2.49",
                Some("unit price"),
            ),
            (
                "Las ganancias llegaron a 0,85 dólares USA por acción.",
                "0,85 dólares",
                Some("unit price"),
            ),
            (
                "The stock closed at $210, a drop of $3.10 on the day.",
                "$3.10",
                Some("change"),
            ),
            (
                "Las acciones cerraron con una caída de solo 3,10 dólares.",
                "3,10 dólares",
                Some("change"),
            ),
            // A sum "for" something is no price of one ("por su ..."),
            // and "hit by" is no change of a price.
            (
                "He received 12 millones de dólares por su trabajo.",
                "12 millones de dólares",
                None,
            ),
            (
                "The store was hit by a $2 million heist.",
                "$2 million",
                None,
            ),
        ] {
            let m = measure(text, number, Some("USD"));
            let want: BTreeSet<&str> = kind.into_iter().collect();
            assert_eq!(m.kinds, want, "{text}: {m:?}");
        }
    }

    #[test]
    fn an_age_inside_a_role_the_analyzer_resolved_is_that_persons() {
        let age = Figure {
            value: 61.0,
            low: 61.0,
            high: Some(61.0),
            unit: Some("years".into()),
            qualifier: Qualifier::Exact,
            counts: None,
            attributed_to: None,
            role: FigureRole::Age,
        };
        let age_in = |canonical: &str| {
            let role = "The 61-year-old mayor";
            measure_with_entities(
                &format!("Ann Lee spoke. {role} said nothing."),
                ("61", &age),
                &[(role, EntityKind::Person, canonical, true)],
                Some(role),
            )
        };
        let m = age_in("Ann Lee");
        assert!(m.marks.contains("person:ent:ann lee"), "{m:?}");
        // The slot is labelled with the name as written, not the mark's key.
        assert_eq!(m.describe().as_deref(), Some("age of Ann Lee"));
        // A role the analyzer did not resolve names nobody.
        let m = age_in("The 61-year-old mayor");
        assert!(!m.marks.iter().any(|x| x.starts_with("person:")), "{m:?}");
    }

    #[test]
    fn a_codes_letters_read_as_a_name_are_no_place() {
        let count = Figure {
            value: 9.0,
            low: 9.0,
            high: Some(9.0),
            unit: None,
            qualifier: Qualifier::Exact,
            counts: None,
            attributed_to: None,
            role: FigureRole::Claim,
        };
        let m = measure_with_entities(
            "The commandos recovered 9 AK 47 rifles near the Varn Works.",
            ("9", &count),
            &[
                ("AK", EntityKind::Org, "AK", false),
                ("Varn Works", EntityKind::Org, "Varn Works", false),
            ],
            None,
        );
        assert!(m.marks.contains("code:ak47"), "{m:?}");
        assert!(!m.places.contains("ent:ak"), "{m:?}");
        assert!(m.places.contains("ent:varn works"), "{m:?}");
    }

    #[test]
    fn a_code_is_one_mark_however_it_is_written() {
        for (text, number) in [
            ("Guards seized seven AK-47s at the port.", "seven"),
            (
                "Guards seized seven AK-47 assault rifles at the port.",
                "seven",
            ),
            ("The commandos recovered 9 AK 47 rifles.", "9"),
        ] {
            let m = measure(text, number, None);
            assert!(m.marks.contains("code:ak47"), "{text}: {m:?}");
            assert!(
                !m.marks.contains("ak") && !m.marks.contains("47"),
                "{text}: {m:?}"
            );
        }
        assert_eq!(code_after(" NATO troops"), None);
        assert_eq!(code_after(" M16s"), Some("m16".into()));
        assert_eq!(code_after(" A4 pages"), None);
    }

    #[test]
    fn a_number_before_a_size_word_sizes_the_thing_named_before_it() {
        let m = measure(
            "Inmates said the bunks were stacked three high.",
            "three",
            None,
        );
        assert_eq!(m.head.as_deref(), stem("bunks").as_deref(), "{m:?}");
        assert!(m.kinds.contains("size"), "{m:?}");
        assert_eq!(m.happening, 0, "{m:?}");
        assert!(m.is_clear());
        // "three highest" is no size.
        let m = measure("The bunks of the three highest tiers broke.", "three", None);
        assert!(!m.kinds.contains("size"), "{m:?}");
    }

    #[test]
    fn a_hyphenated_unit_is_a_length_and_a_hyphenated_count_a_size() {
        let m = measure(
            "The larger boat, a 10-metre dhow, was towed to port.",
            "10-metre",
            Some("metres"),
        );
        assert_eq!(m.dim, Some(Dim::Length), "{m:?}");
        assert!(!m.kinds.contains("capacity"), "{m:?}");
        let m = measure("They built a 500-bed hospital.", "500-bed", None);
        assert!(m.kinds.contains("capacity"), "{m:?}");
    }

    #[test]
    fn the_head_and_the_happening_say_what_is_counted() {
        let m = measure("The blast killed 14 workers at the mill.", "14", None);
        assert_eq!(m.happening, bit("dead"));
        assert_eq!(m.head.as_deref(), stem("workers").as_deref());
        let m = measure(
            "Officials said 80 wounded were taken to hospital.",
            "80",
            None,
        );
        assert_eq!(m.happening & bit("injured"), bit("injured"));
        let m = measure(
            "Guards seized seven AK-47 rifles and ammunition.",
            "seven",
            None,
        );
        assert!(m.marks.contains("code:ak47"), "{m:?}");
        assert!(m.is_clear());
        // The code written with a space is the same code.
        let m = measure("The commandos recovered 9 AK 47 rifles.", "9", None);
        assert!(m.marks.contains("code:ak47"), "{m:?}");
        assert_eq!(m.head.as_deref(), Some("rifle"), "{m:?}");
        let m = measure(
            "The island is home to 120,000 people.",
            "120,000",
            Some("people"),
        );
        assert_eq!(m.happening, bit("population"), "{m:?}");
        // The population another number counts is not this one's
        // ("a 52 million population and 4,100 reefs").
        let m = measure(
            "Its coast counts a 52 million population and 4,100 reefs, surveyors noted.",
            "4,100",
            None,
        );
        assert_eq!(m.happening, 0, "{m:?}");
        let m = measure(
            "In all, 12 Norwegian and 11 Danish sailors were freed.",
            "12",
            None,
        );
        assert!(m.marks.contains("norwegian"), "{m:?}");
    }

    #[test]
    fn increments_and_parts_are_flagged() {
        assert!(measure("Another 2,000 are waiting for tents.", "2,000", None).increment);
        assert!(measure("Police found two more victims on Monday.", "two", None).increment);
        assert!(measure("Some 30 of the 80 wounded remain in hospital.", "30", None).part);
        assert!(!measure("Some 30 people remain in hospital.", "30", None).part);
        // The rest of a group still says what is counted.
        let m = measure(
            "The two other victims were treated at a hospital.",
            "two",
            None,
        );
        assert!(m.complement, "{m:?}");
        assert_eq!(m.head.as_deref(), stem("victims").as_deref());
        assert!(!measure("The two victims were treated at a hospital.", "two", None).complement);
    }

    #[test]
    fn an_item_of_a_list_takes_the_lists_verb_for_conflicts_only() {
        let m = measure(
            "The navy recovered seven rifles, two launchers, three speedboats and ammunition.",
            "three",
            None,
        );
        assert_eq!(m.list_happening, bit("seized"), "{m:?}");
        // A clause of its own after a comma is no list item.
        let m = measure(
            "According to the press release, planes dropped four bombs.",
            "four",
            None,
        );
        assert_eq!(m.list_happening, 0, "{m:?}");
    }

    #[test]
    fn an_acronym_marks_the_group_and_the_noun_after_it_is_the_head() {
        let m = measure(
            "Officials registered more than 400 UNHCR children.",
            "400",
            None,
        );
        assert_eq!(m.head.as_deref(), Some("child"), "{m:?}");
        assert!(m.marks.contains("unhcr"), "{m:?}");
    }

    #[test]
    fn each_language_names_the_dead_and_the_injured() {
        let cases = [
            ("A explosão deixou 12 mortos no porto.", "dead"),
            ("Outras 30 pessoas ficaram feridas.", "injured"),
            ("L'explosion a fait 12 morts au port.", "dead"),
            ("On compte 30 blessés graves.", "injured"),
            ("L'esplosione ha causato 12 morti al porto.", "dead"),
            ("Ci sono 30 feriti in ospedale.", "injured"),
            ("Bei der Explosion gab es 12 Tote im Hafen.", "dead"),
            ("Es gab 30 Verletzte.", "injured"),
            ("Bij de explosie vielen 12 doden in de haven.", "dead"),
            ("Er raakten 30 mensen gewond.", "injured"),
        ];
        for (sentence, concept) in cases {
            let number = if sentence.contains("12") { "12" } else { "30" };
            let m = measure(sentence, number, None);
            assert_eq!(
                m.happening & bit(concept),
                bit(concept),
                "{sentence}: {m:?}"
            );
        }
    }

    #[test]
    fn a_share_is_a_share_with_or_without_the_word() {
        let sign = measure(
            "Some 65 % of traffic to the island is down.",
            "65",
            Some("%"),
        );
        let word = measure(
            "Some 65 percent of traffic to the island is down.",
            "65",
            Some("%"),
        );
        assert!(sign.kinds.contains("share"), "{sign:?}");
        assert_eq!(sign.kinds, word.kinds);
    }

    #[test]
    fn a_country_wide_count_is_marked() {
        assert!(measure("Some 90,000 people marched nationwide.", "90,000", None).wide);
        assert!(!measure("Some 20,000 people marched in the capital.", "20,000", None).wide);
    }

    #[test]
    fn a_figure_with_nothing_to_say_what_it_counts_is_not_clear() {
        assert!(!measure("It was 12 in the end.", "12", None).is_clear());
        assert!(measure("The 6.1 quake struck at dawn.", "6.1", Some("magnitude")).is_clear());
    }

    #[test]
    fn hyphenated_numbers_give_a_size() {
        assert!(is_size_modifier("40,000-seat stadium"));
        assert!(is_size_modifier("500-bed hospital"));
        assert!(!is_size_modifier("12-year-old boy"));
        assert!(!is_size_modifier("40,000 inmates"));
        assert!(!is_size_modifier("more than 200"));
    }

    #[test]
    fn clauses_end_at_punctuation_but_not_inside_numbers() {
        let t = "Built for 40,000 inmates, the prison now holds about 15,000 people";
        let at = t.find("about").unwrap_or(0);
        let c = clause_of(t, at..at + 12);
        assert_eq!(&t[c], " the prison now holds about 15,000 people");
        let t = "SIP was built for 40,000 inmates and holds about 15,000";
        let at = t.find("about").unwrap_or(0);
        assert_eq!(clause_of(t, at..t.len()), 0..t.len());
    }

    #[test]
    fn a_cue_inside_a_hyphenated_word_is_no_cue() {
        // "in all-standard cabins" says nothing of a total; "in all, 615"
        // and a spaced dash ("in all - 615") do.
        assert!(measures_in("up to 615 people in all-standard cabins").is_empty());
        assert!(measures_in("a non-annual grant").is_empty());
        assert!(measures_in("615 people in all, the operator said").contains("total"));
        assert!(measures_in("615 people in all - the operator said").contains("total"));
        assert!(has_phrase("the toll, in all-", "in all"));
    }

    /// The automaton finds exactly what searching cue by cue finds,
    /// whole words only, overlapping cues included.
    #[test]
    fn measure_cues_match_as_when_searched_one_by_one() {
        let cues: Vec<&str> = MEASURES
            .iter()
            .flat_map(|(_, c)| c.iter().copied())
            .collect();
        let mut texts: Vec<String> = cues.iter().map(|c| format!("the {c} of it")).collect();
        texts.extend(cues.iter().map(|c| format!("x{c}y")));
        texts.extend(cues.windows(3).map(|w| w.join(" ")));
        for t in &texts {
            let lower = t.to_lowercase();
            let want: BTreeSet<&str> = MEASURES
                .iter()
                .filter(|(_, cues)| cues.iter().any(|cue| has_phrase(&lower, cue)))
                .map(|(name, _)| *name)
                .collect();
            assert_eq!(measures_in(t), want, "{t}");
        }
    }
}
