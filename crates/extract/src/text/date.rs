//! Publish dates written in scraped text: ISO dates and written-out dates
//! in any language of [`super::tables::TABLES`].

use super::tables;
use crosswire_model::{DateOrigin, Precision, Published};
use once_cell::sync::Lazy;
use regex::Regex;

/// A regex alternation of every month name and abbreviation, longest
/// first so that "sept" wins over "sep".
fn alternation(words: impl Iterator<Item = &'static str>) -> String {
    let mut v: Vec<&str> = words.collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.len()));
    v.dedup();
    v.iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

static ISO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?")
        .expect("static regex")
});

static WRITTEN: Lazy<(Regex, Regex, Regex)> = Lazy::new(|| {
    let months = alternation(tables::month_words());
    let days = alternation(tables::weekday_words());
    let weekday = format!(r"(?:(?:{days})\.?,?\s+)?");
    // "March 27, 2025", "Mar. 27 2025"
    let month_first =
        format!(r"(?i)^{weekday}({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b");
    // "27 March 2025", "27 de marzo de 2025"
    let day_first = format!(
        r"(?i)^{weekday}(\d{{1,2}})(?:st|nd|rd|th|º|er)?\.?\s+(?:de\s+)?({months})\.?,?\s+(?:de\s+|del\s+)?(\d{{4}})\b"
    );
    // "01-Mar-08", "1/mar/2008": a day, a month word and a year joined
    // by dashes or slashes, as agency feeds and spreadsheets write them.
    let joined = format!(r"(?i)^(\d{{1,2}})([-/])({months})\.?([-/])(\d{{4}}|\d{{2}})\b");
    (
        Regex::new(&month_first).expect("built regex"),
        Regex::new(&day_first).expect("built regex"),
        Regex::new(&joined).expect("built regex"),
    )
});

/// Whatever may follow a date on a date-only line: a time, a zone.
static TIME_TAIL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^[\s,|·•\-–—]*(?:(?:at|a las)\s+)?(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h|hrs)?\s*(?:[a-z]{2,5}|[+-]\d{2}:?\d{2})?)?[\s.]*$")
        .expect("static regex")
});

fn day(y: &str, m: u32, d: &str) -> Option<String> {
    let y: i32 = y.parse().ok()?;
    let d: u32 = d.parse().ok()?;
    let date = chrono::NaiveDate::from_ymd_opt(y, m, d)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// Parses a date at the start of `s`; returns the ISO day and the number
/// of bytes it took.
pub(crate) fn parse_prefix(s: &str) -> Option<(String, usize)> {
    if let Some(c) = ISO.captures(s) {
        let m: u32 = c[2].parse().ok()?;
        let v = day(&c[1], m, &c[3])?;
        return Some((v, c.get(0)?.end()));
    }
    let (month_first, day_first, joined) = &*WRITTEN;
    if let Some(c) = month_first.captures(s) {
        let m = tables::month_number(&c[1].to_lowercase())?;
        let v = day(&c[3], m, &c[2])?;
        return Some((v, c.get(0)?.end()));
    }
    if let Some(c) = day_first.captures(s) {
        let m = tables::month_number(&c[2].to_lowercase())?;
        let v = day(&c[3], m, &c[1])?;
        return Some((v, c.get(0)?.end()));
    }
    if let Some(c) = joined.captures(s) {
        // One separator throughout: "1-mar/08" is not a date line.
        if c[2] != c[4] {
            return None;
        }
        let m = tables::month_number(&c[3].to_lowercase())?;
        let year = full_year(&c[5])?;
        let v = day(&year, m, &c[1])?;
        return Some((v, c.get(0)?.end()));
    }
    None
}

/// A four-digit year from a two- or four-digit one. Two digits are read
/// in the window of news archives: 00-69 as 2000-2069, 70-99 as 1970-1999.
fn full_year(y: &str) -> Option<String> {
    match y.len() {
        4 => Some(y.to_string()),
        2 => {
            let n: u32 = y.parse().ok()?;
            Some(format!("{}", if n < 70 { 2000 + n } else { 1900 + n }))
        }
        _ => None,
    }
}

/// A line that is nothing but a date (and maybe a time).
pub(crate) fn whole_line(s: &str) -> Option<String> {
    let (v, n) = parse_prefix(s.trim())?;
    let rest = s.trim().get(n..)?;
    TIME_TAIL.is_match(rest).then_some(v)
}

static KEYWORD: Lazy<Regex> = Lazy::new(|| {
    let kws = alternation(tables::all(|t| t.date_keywords));
    Regex::new(&format!(r"(?i)^\s*(?:{kws})\b\s*(?:on|el|:|-|–)?\s*:?\s*")).expect("built regex")
});

/// A metadata line such as `date 2025-03-27 The storm...` or
/// `Published: March 3, 2025`: the date, and the text left after it
/// (which belongs to the body when a scraper glued the two together).
pub(crate) fn metadata_line(line: &str) -> Option<(Published, &str)> {
    let m = KEYWORD.find(line)?;
    let rest = line.get(m.end()..)?;
    let (value, n) = parse_prefix(rest)?;
    let after = rest.get(n..)?;
    let after = after.trim_start_matches(|c: char| c.is_whitespace() || "|·•-–—,".contains(c));
    Some((
        Published {
            value,
            precision: Precision::Day,
            origin: DateOrigin::Text,
        },
        after,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_forms() {
        assert_eq!(
            parse_prefix("2024-11-05 rest").map(|x| x.0).as_deref(),
            Some("2024-11-05")
        );
        assert_eq!(
            parse_prefix("Nov. 5, 2024").map(|x| x.0).as_deref(),
            Some("2024-11-05")
        );
        assert_eq!(
            parse_prefix("Tuesday, 5 November 2024")
                .map(|x| x.0)
                .as_deref(),
            Some("2024-11-05")
        );
        assert_eq!(
            parse_prefix("5 de noviembre de 2024")
                .map(|x| x.0)
                .as_deref(),
            Some("2024-11-05")
        );
        assert_eq!(
            parse_prefix("martes 5 de noviembre de 2024")
                .map(|x| x.0)
                .as_deref(),
            Some("2024-11-05")
        );
        assert_eq!(
            parse_prefix("7 settembre 2031").map(|x| x.0).as_deref(),
            Some("2031-09-07")
        );
        assert_eq!(
            parse_prefix("zondag 7 september 2031")
                .map(|x| x.0)
                .as_deref(),
            Some("2031-09-07")
        );
        assert_eq!(
            parse_prefix("07-Sep-31").map(|x| x.0).as_deref(),
            Some("2031-09-07")
        );
        assert_eq!(
            parse_prefix("7/okt/1998").map(|x| x.0).as_deref(),
            Some("1998-10-07")
        );
        for (line, day) in [
            ("5 de março de 2031", "2031-03-05"),
            ("quarta-feira, 5 de março de 2031", "2031-03-05"),
            ("1er mars 2031", "2031-03-01"),
            ("mercredi 5 mars 2031", "2031-03-05"),
            ("Mittwoch, 5. März 2031", "2031-03-05"),
            ("5 maart 2031", "2031-03-05"),
            ("mercoledì 5 marzo 2031", "2031-03-05"),
        ] {
            assert_eq!(
                parse_prefix(line).map(|x| x.0).as_deref(),
                Some(day),
                "{line}"
            );
        }
        assert_eq!(parse_prefix("7-okt/98"), None);
        assert_eq!(parse_prefix("31-Feb-31"), None);
        assert_eq!(parse_prefix("2024-02-30"), None);
        assert_eq!(parse_prefix("The 5 November 2024"), None);
    }

    #[test]
    fn whole_line_allows_a_time() {
        assert_eq!(
            whole_line("November 5, 2024 10:32 am ET").as_deref(),
            Some("2024-11-05")
        );
        assert_eq!(whole_line("November 5, 2024, the day"), None);
    }

    #[test]
    fn metadata_line_splits_the_rest() {
        let (p, rest) = metadata_line(" date 2024-11-05 The river rose overnight.").expect("date");
        assert_eq!(p.value, "2024-11-05");
        assert_eq!(p.origin, DateOrigin::Text);
        assert_eq!(rest, "The river rose overnight.");
        let (p, rest) = metadata_line("Publicado el 5 de noviembre de 2024").expect("fecha");
        assert_eq!(p.value, "2024-11-05");
        assert_eq!(rest, "");
        assert!(metadata_line("Dated buildings were hit").is_none());
    }
}
