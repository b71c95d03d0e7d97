//! Name matching across articles: accents folded ("Nicolás" = "Nicolas"),
//! leading articles dropped, a surname alone matching the full name.

use unicode_normalization::UnicodeNormalization;

/// Lower-level form of a name for comparison: accents removed (NFD, then
/// combining marks dropped).
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

/// The comparable tokens of a name: folded, lower-cased, without leading
/// articles, honorifics or punctuation.
pub fn name_tokens(name: &str) -> Vec<String> {
    const DROP: &[&str] = &[
        "the", "el", "la", "los", "las", "mr", "mrs", "ms", "dr", "sr", "sra", "don", "doña",
    ];
    fold(name)
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|t| !t.is_empty() && !DROP.contains(t))
        .map(str::to_string)
        .collect()
}

/// [`name_tokens`], remembered per thread: grouping compares every pair
/// of quotes' speakers, and a large event has the same few names thousands
/// of times. The cache is dropped when it grows past a bound.
fn cached_tokens(name: &str) -> std::rc::Rc<[String]> {
    use rustc_hash::FxHashMap as HashMap;
    use std::cell::RefCell;
    thread_local! {
        static TOKENS: RefCell<HashMap<String, std::rc::Rc<[String]>>> =
            RefCell::new(HashMap::default());
    }
    TOKENS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(t) = cache.get(name) {
            return t.clone();
        }
        if cache.len() >= 4096 {
            cache.clear();
        }
        let t: std::rc::Rc<[String]> = name_tokens(name).into();
        cache.insert(name.to_string(), t.clone());
        t
    })
}

/// The key two spellings of one name share.
pub fn name_key(name: &str) -> String {
    name_tokens(name).join(" ")
}

/// Generational suffixes after a surname: "Jr." is another person.
const SUFFIXES: &[&str] = &["jr", "junior", "ii", "iii", "iv"];

/// A name's comparable tokens without its generational suffix, and the
/// suffix. "Sr." is one too here, though [`name_tokens`] drops "sr" (it is
/// also the Spanish "señor"): a father named beside his son must not pass
/// for a name given without its suffix.
pub fn generation(name: &str) -> (Vec<String>, Option<String>) {
    let mut tokens = name_tokens(name);
    let last = name
        .trim_end_matches(|c: char| c == '.' || c == ',' || c.is_whitespace())
        .rsplit(|c: char| c.is_whitespace() || c == ',')
        .next()
        .map(str::to_lowercase);
    if matches!(last.as_deref(), Some("sr") | Some("senior")) {
        return (tokens, Some("sr".to_string()));
    }
    let found = suffix(&tokens).map(str::to_string);
    if found.is_some() {
        tokens.pop();
    }
    (tokens, found)
}

/// The generational suffix a name ends with, if any.
fn suffix(tokens: &[String]) -> Option<&str> {
    tokens
        .last()
        .map(String::as_str)
        .filter(|t| tokens.len() >= 2 && SUFFIXES.contains(t))
}

/// True when two names can be the same person or body: equal after
/// folding, or one is the other's surname, or first names agree by initial
/// and surnames match, or, middle initials aside, every word of the shorter
/// name is in the longer ("Donald J. Trump" and "Republican Donald Trump").
/// A generational suffix keeps a father and his son apart: "Ann Lee Jr."
/// is not "Ann Lee".
pub fn same_person(a: &str, b: &str) -> bool {
    let (ta, tb) = (cached_tokens(a), cached_tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    if ta == tb {
        return true;
    }
    if ta.len() >= 2 && tb.len() >= 2 && suffix(&ta) != suffix(&tb) {
        return false;
    }
    let no_initials = |t: &[String]| -> Vec<String> {
        t.iter()
            .filter(|w| w.chars().count() > 1)
            .cloned()
            .collect()
    };
    let (na, nb) = (no_initials(&ta), no_initials(&tb));
    if na.len() >= 2 && nb.len() >= 2 {
        let (short, long) = if na.len() <= nb.len() {
            (&na, &nb)
        } else {
            (&nb, &na)
        };
        let mut it = long.iter();
        if short.iter().all(|t| it.any(|l| l == t)) {
            return true;
        }
    }
    let (short, long) = if ta.len() <= tb.len() {
        (&ta, &tb)
    } else {
        (&tb, &ta)
    };
    // "US Embassy" and "US Embassy in San Marco": every word of the shorter
    // name in the longer, in order.
    if short.len() >= 2 {
        let mut it = long.iter();
        if short.iter().all(|t| it.any(|l| l == t)) {
            return true;
        }
    }
    if short.len() == 1 {
        // A lone surname matches the full name's last token.
        return long.last() == short.first();
    }
    // Same surname, and the first names agree (or one is an initial, or
    // one spells it with a letter more: "Philip" and "Phillip").
    short.last() == long.last()
        && match (short.first(), long.first()) {
            (Some(x), Some(y)) => {
                x == y || x.starts_with(y.as_str()) || y.starts_with(x.as_str()) || one_more(x, y)
            }
            _ => false,
        }
}

/// Whether one word is the other with one letter added (not changed: "Mark"
/// and "Mary" are two people), both of four letters or more and with the
/// same first letter.
fn one_more(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if short.len() < 4 || long.len() != short.len() + 1 || short.first() != long.first() {
        return false;
    }
    (0..long.len()).any(|i| long[..i] == short[..i] && long[i + 1..] == short[i..])
}

/// The name to show for several spellings of one person: the longest,
/// unless it is another spelling with a word put before it ("Republican
/// Ann Lee" beside "Ann B. Lee"): a descriptor, not a name.
pub fn canonical<'a>(forms: &[&'a str]) -> &'a str {
    let core = |f: &str| -> Vec<String> {
        cached_tokens(f)
            .iter()
            .filter(|w| w.chars().count() > 1)
            .cloned()
            .collect()
    };
    let prefixed = |f: &str| {
        let c = core(f);
        c.len() >= 3
            && forms.iter().any(|g| {
                let d = core(g);
                d.len() >= 2 && d.as_slice() == &c[1..]
            })
    };
    forms
        .iter()
        .copied()
        .filter(|f| !prefixed(f))
        .max_by_key(|f| f.len())
        .or_else(|| forms.iter().copied().max_by_key(|f| f.len()))
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_across_spellings() {
        assert!(same_person("Nicolás Ortega", "Nicolas Ortega"));
        assert!(same_person("Ortega", "Nicolás Ortega"));
        assert!(same_person("the Harbour Authority", "Harbour Authority"));
        assert!(same_person("J. Ortega", "Juan Ortega"));
        assert!(!same_person("Juan Ortega", "Marta Ortega"));
        assert!(!same_person("Ortega", "Lucía Pérez"));
        assert!(same_person("the US embassy", "US Embassy in San Marco"));
        assert!(!same_person("US Embassy", "UK Embassy"));
        assert_eq!(name_key("Dr. María  Núñez"), "maria nunez");
    }

    #[test]
    fn a_descriptor_or_an_initial_is_the_same_person_a_suffix_is_not() {
        assert!(same_person("Republican Ann B. Lee", "Ann B. Lee"));
        assert!(same_person("Senator Ann Lee", "Ann B. Lee"));
        assert!(!same_person("Ann Lee Jr.", "Ann Lee"));
        assert!(!same_person("Ann Lee Jr.", "Ann B. Lee"));
        assert!(same_person("Ann Lee Jr.", "Ann Lee, Jr."));
        assert!(!same_person("Tom Lee", "Ann Lee"));
        // A letter more is a spelling; a letter changed is someone else.
        assert!(same_person("Phillip Marten", "Philip Marten"));
        assert!(!same_person("Mark Marten", "Mary Marten"));
        assert_eq!(
            canonical(&["Republican Ann Lee", "Ann B. Lee", "Lee"]),
            "Ann B. Lee"
        );
        assert_eq!(canonical(&["Lee", "Ann Lee"]), "Ann Lee");
    }
}
