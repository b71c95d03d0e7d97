//! What event grouping compares: weighted terms of one document. Words,
//! names, numbers and years are kept apart because two events of the same
//! kind (two earthquakes, two rehab stays) share their words but rarely
//! their names, places, tolls and dates.

// Keys are already hashes; std's SipHash was a visible part of grouping.
use rustc_hash::FxHashMap as HashMap;

/// The kind of a term, kept in the top bits of its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    /// A lower-cased content word.
    Word = 0,
    /// A name: a capitalized word not opening a sentence, a run of them, or
    /// an entity the caller supplied.
    Name = 1,
    /// A number of two digits or more (tolls, magnitudes, sums).
    Number = 2,
    /// A year, 1900 to 2099.
    Year = 3,
}

impl Kind {
    pub(crate) fn of(key: u64) -> Kind {
        match key >> 62 {
            0 => Kind::Word,
            1 => Kind::Name,
            2 => Kind::Number,
            _ => Kind::Year,
        }
    }
}

/// A term key: a stable hash of the term with its kind in the top two bits.
pub(crate) fn key(kind: Kind, term: &str) -> u64 {
    // FNV-1a rather than std's DefaultHasher, whose algorithm may change
    // between Rust releases: a saved index must find its terms again.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in term.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h >> 2) | ((kind as u64) << 62)
}

/// English function words and reporting verbs. Document frequency would
/// discount them anyway, but only once many documents have been seen; the
/// list keeps the first documents of a stream from matching on "said".
const STOP: &[&str] = &[
    "about", "after", "again", "all", "also", "and", "any", "are", "been", "before", "being",
    "but", "can", "could", "did", "does", "for", "from", "had", "has", "have", "her", "here",
    "him", "his", "how", "into", "its", "just", "last", "may", "might", "more", "most", "must",
    "new", "not", "now", "one", "only", "other", "our", "out", "over", "said", "says", "she",
    "should", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "told", "two", "under", "was", "were", "what", "when", "where",
    "which", "while", "who", "whom", "why", "will", "with", "would", "year", "years", "you",
    "your", "week", "day", "days", "time", "people",
];

static STOP_SET: once_cell::sync::Lazy<std::collections::HashSet<&'static str>> =
    once_cell::sync::Lazy::new(|| STOP.iter().copied().collect());

fn is_stop(w: &str) -> bool {
    STOP_SET.contains(w)
}

/// Weights of the term kinds and of the title.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KindWeights {
    pub title: f32,
    pub name: f32,
    pub number: f32,
    pub year: f32,
}

impl KindWeights {
    pub(crate) fn of(&self, kind: Kind) -> f32 {
        match kind {
            Kind::Word => 1.0,
            Kind::Name => self.name,
            Kind::Number => self.number,
            Kind::Year => self.year,
        }
    }
}

/// Raw term counts of one document (title counts `title` times).
pub(crate) fn count_terms(
    title: &str,
    text: &str,
    entities: &[String],
    title_weight: f32,
) -> HashMap<u64, f32> {
    let mut counts: HashMap<u64, f32> = HashMap::default();
    let mut add = |k: u64, w: f32| *counts.entry(k).or_insert(0.0) += w;
    // A headline in title case capitalizes every word, so its capitals say
    // nothing about names.
    let title_names = !is_title_case(title);
    scan(title, title_names, &mut |k| add(k, title_weight));
    let supplied = !entities.is_empty();
    // With the caller's entities the capitals proxy is left out: entities
    // are the better evidence and both would count each name twice.
    scan(text, !supplied, &mut |k| add(k, 1.0));
    for e in entities {
        let lower = e.trim().to_lowercase();
        if !lower.is_empty() {
            add(key(Kind::Name, &lower), 1.0);
        }
    }
    counts
}

fn is_title_case(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_alphabetic()))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    words.len() >= 3 && caps * 10 >= words.len() * 7
}

fn trim_token(tok: &str) -> &str {
    tok.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Emits the term keys of a text: content words, names (with runs of
/// names as phrases), numbers and years.
fn scan(text: &str, names: bool, emit: &mut dyn FnMut(u64)) {
    let mut sentence_start = true;
    let mut run: Vec<String> = Vec::new();
    let flush = |run: &mut Vec<String>, emit: &mut dyn FnMut(u64)| {
        if run.len() >= 2 {
            emit(key(Kind::Name, &run.join(" ")));
        }
        run.clear();
    };
    for raw in text.split_whitespace() {
        let w = trim_token(raw);
        let ends = raw.ends_with(['.', '!', '?', ':', ';']) || is_quote(raw);
        if w.is_empty() {
            flush(&mut run, emit);
            sentence_start |= ends;
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        if first.is_ascii_digit() {
            flush(&mut run, emit);
            let digits: String = w.chars().filter(|c| c.is_ascii_digit()).collect();
            let year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
            if year {
                emit(key(Kind::Year, &digits));
            } else if digits.len() >= 2 {
                emit(key(Kind::Number, digits.trim_start_matches('0')));
            }
        } else if first.is_alphabetic() {
            let lower = w.to_lowercase();
            if lower.chars().count() >= 3 && !is_stop(&lower) {
                emit(key(Kind::Word, &lower));
            }
            if names && first.is_uppercase() && !sentence_start && !is_stop(&lower) {
                emit(key(Kind::Name, &lower));
                run.push(lower);
            } else {
                flush(&mut run, emit);
            }
        }
        if ends || raw.ends_with(',') {
            flush(&mut run, emit);
        }
        sentence_start = ends;
    }
    flush(&mut run, emit);
}

fn is_quote(raw: &str) -> bool {
    // Tokenised corpora write quotes as separate tokens; after an opening
    // quote a capital opens the quoted sentence.
    matches!(raw, "``" | "\"" | "''" | "“" | "”" | "«" | "»" | "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_numbers_years() {
        let c = count_terms(
            "",
            "Fire crews in Marrowby fought the blaze. Mayor Ida Quell said 45 homes burned in 2031.",
            &[],
            2.0,
        );
        assert!(c.contains_key(&key(Kind::Name, "marrowby")));
        assert!(c.contains_key(&key(Kind::Name, "ida quell")));
        // "Fire" and "Mayor" open sentences: words, not names.
        assert!(!c.contains_key(&key(Kind::Name, "fire")));
        assert!(!c.contains_key(&key(Kind::Name, "mayor")));
        assert!(c.contains_key(&key(Kind::Number, "45")));
        assert!(c.contains_key(&key(Kind::Year, "2031")));
        assert!(c.contains_key(&key(Kind::Word, "blaze")));
        assert!(!c.contains_key(&key(Kind::Word, "said")));
    }

    #[test]
    fn kind_round_trips() {
        for k in [Kind::Word, Kind::Name, Kind::Number, Kind::Year] {
            assert_eq!(Kind::of(key(k, "x")), k);
        }
    }
}
