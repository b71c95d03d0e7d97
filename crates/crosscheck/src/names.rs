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

/// True when two names can be the same person or body: equal after
/// folding, or one is the other's surname, or first names agree by initial
/// and surnames match.
pub fn same_person(a: &str, b: &str) -> bool {
    let (ta, tb) = (cached_tokens(a), cached_tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    if ta == tb {
        return true;
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
    // Same surname, and the first names agree (or one is an initial).
    short.last() == long.last()
        && match (short.first(), long.first()) {
            (Some(x), Some(y)) => x == y || x.starts_with(y.as_str()) || y.starts_with(x.as_str()),
            _ => false,
        }
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
}
