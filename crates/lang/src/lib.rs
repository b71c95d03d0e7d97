//! Word lists that more than one pipeline stage needs, one module per
//! language, so a language is added in one place: the extractor reads
//! calendar words to find datelines and publish dates, the analyzer to
//! resolve "on Monday" and "mid-March".
//!
//! Stage-specific tables (cue verbs, boilerplate phrases) stay with their
//! stage; only what is shared lives here.
//!
//! ```
//! let cal = crosswire_lang::calendar("es").unwrap();
//! assert!(cal.months.contains(&("marzo", 3)));
//! assert_eq!(crosswire_lang::month_number("Sept."), Some(9));
//! ```
#![deny(missing_docs)]

pub mod de;
pub mod en;
pub mod es;
pub mod fr;
pub mod it;
pub mod nl;
pub mod pt;

/// Calendar words of one language, lower case.
#[derive(Debug)]
pub struct Calendar {
    /// Month names, 1-based.
    pub months: &'static [(&'static str, u32)],
    /// Month abbreviations as written with their dot ("sept.").
    pub month_abbreviations: &'static [(&'static str, u32)],
    /// Weekday names (with and without accents), Monday = 0.
    pub weekdays: &'static [(&'static str, u32)],
    /// Weekday abbreviations ("tue"), Monday = 0. Only safe where a date is
    /// expected (a dateline), since several are ordinary words ("sat", "sun").
    pub weekday_abbreviations: &'static [(&'static str, u32)],
}

/// Every language with its ISO 639-1 code.
/// English and Spanish come first: a word that names a month in two
/// languages takes the first one's number (they agree wherever they meet).
pub const CALENDARS: &[(&str, &Calendar)] = &[
    ("en", &en::CALENDAR),
    ("es", &es::CALENDAR),
    ("pt", &pt::CALENDAR),
    ("fr", &fr::CALENDAR),
    ("it", &it::CALENDAR),
    ("de", &de::CALENDAR),
    ("nl", &nl::CALENDAR),
];

/// The calendar of a language, by ISO 639-1 code.
pub fn calendar(code: &str) -> Option<&'static Calendar> {
    CALENDARS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, cal)| *cal)
}

/// The month number of a month name or abbreviation in any language (case
/// and a final dot ignored).
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    CALENDARS.iter().find_map(|(_, cal)| {
        cal.months
            .iter()
            .chain(cal.month_abbreviations)
            .find(|(m, _)| m.trim_end_matches('.') == w)
            .map(|(_, n)| *n)
    })
}

/// True when `word` names a month or a weekday in any language (case and
/// a final dot ignored): capitalised like a name in many languages, yet
/// shared by every report of one day.
pub fn is_calendar_word(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        CALENDARS
            .iter()
            .flat_map(|(_, cal)| {
                cal.months
                    .iter()
                    .chain(cal.month_abbreviations)
                    .chain(cal.weekdays)
                    .map(|(w, _)| w.trim_end_matches('.'))
            })
            .collect()
    });
    let w = word.trim_end_matches('.');
    // Most words are not calendar words: a cheap length test first, and no
    // allocation for the lower-case form of a short ASCII word.
    if w.len() < 3 || w.len() > 16 {
        return false;
    }
    if w.is_ascii() {
        let mut buf = [0u8; 16];
        let part = &mut buf[..w.len()];
        part.copy_from_slice(w.as_bytes());
        part.make_ascii_lowercase();
        std::str::from_utf8(part).is_ok_and(|l| words.contains(l))
    } else {
        words.contains(w.to_lowercase().as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_calendar_is_complete() {
        for (code, cal) in CALENDARS {
            for m in 1..=12 {
                assert!(cal.months.iter().any(|(_, n)| *n == m), "{code} month {m}");
            }
            for d in 0..7 {
                assert!(
                    cal.weekdays.iter().any(|(_, n)| *n == d),
                    "{code} weekday {d}"
                );
            }
        }
        assert_eq!(month_number("DIC."), Some(12));
        assert_eq!(month_number("maggio"), Some(5));
        assert_eq!(month_number("Maart"), Some(3));
        assert_eq!(calendar("de").map(|c| c.weekdays.len()), Some(8));
        assert_eq!(month_number("sunday"), None);
        assert!(is_calendar_word("Friday"));
        assert!(is_calendar_word("Mittwoch"));
        assert!(!is_calendar_word("Fencor"));
    }
}
