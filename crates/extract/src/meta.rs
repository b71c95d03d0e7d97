//! Metadata shared by every format: date parsing into [`Published`], and
//! merging what the container knew ([`Hints`]) into the extracted article.

use crosswire_ingest::Hints;
use crosswire_model::{Article, DateOrigin, Precision, Published};
use once_cell::sync::Lazy;
use regex::Regex;

/// Fills fields the extractor left empty from the container's hints.
/// The page's own metadata wins where both exist, except the URL: a
/// record's URL is where the page was really found. A record's publish
/// date is parsed into a [`Published`] with [`DateOrigin::Record`].
pub fn apply_hints(article: &mut Article, hints: &Hints) {
    if article.url.is_none() {
        article.url = hints.url.clone();
    }
    if article.title.is_none() {
        article.title = hints.title.clone();
    }
    if article.outlet.is_none() {
        article.outlet = hints.outlet.clone();
    }
    if article.byline.is_empty() {
        article.byline = hints.byline.clone();
    }
    if article.language.is_none() {
        article.language = hints.language.clone();
    }
    if article.published.is_none() {
        if let Some(p) = hints.published.as_deref() {
            article.published = parse_date(p, DateOrigin::Record);
        }
    }
}

static ISO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}:?\d{2})?)?)?)?",
    )
    .expect("static regex")
});

static COMPACT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|[T\s]|\D)").expect("static regex"));

static DMY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?([a-zéûä]{3,10})\.?,?\s+(?:de\s+)?(\d{4})\b")
        .expect("static regex")
});

static MDY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b([a-z]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .expect("static regex")
});

static NUMERIC_DMY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b").expect("static regex"));

/// Month number of an English, Spanish, French, German, Portuguese or
/// Italian month name or its abbreviation.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    const MONTHS: &[(&[&str], u32)] = &[
        (
            &[
                "jan", "january", "enero", "ene", "janvier", "janv", "januar", "jän", "janeiro",
                "gennaio", "gen",
            ],
            1,
        ),
        (
            &[
                "feb",
                "february",
                "febrero",
                "février",
                "févr",
                "fevrier",
                "februar",
                "fevereiro",
                "fev",
                "febbraio",
            ],
            2,
        ),
        (
            &[
                "mar", "march", "marzo", "mars", "märz", "marz", "março", "marco",
            ],
            3,
        ),
        (
            &["apr", "april", "abril", "abr", "avril", "avr", "aprile"],
            4,
        ),
        (&["may", "mayo", "mai", "maio", "maggio", "mag"], 5),
        (
            &[
                "jun", "june", "junio", "juin", "juni", "junho", "giugno", "giu",
            ],
            6,
        ),
        (
            &[
                "jul", "july", "julio", "juillet", "juil", "juli", "julho", "luglio", "lug",
            ],
            7,
        ),
        (&["aug", "august", "agosto", "ago", "août", "aout"], 8),
        (
            &[
                "sep",
                "sept",
                "september",
                "septiembre",
                "septembre",
                "setembro",
                "set",
                "settembre",
            ],
            9,
        ),
        (
            &[
                "oct", "october", "octubre", "octobre", "oktober", "okt", "outubro", "out",
                "ottobre", "ott",
            ],
            10,
        ),
        (
            &["nov", "november", "noviembre", "novembre", "novembro"],
            11,
        ),
        (
            &[
                "dec",
                "december",
                "diciembre",
                "dic",
                "décembre",
                "dezember",
                "dez",
                "dezembro",
                "dicembre",
            ],
            12,
        ),
    ];
    let lower = name.to_lowercase();
    let key = lower.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(names, _)| names.contains(&key))
        .map(|(_, m)| *m)
        // The shared calendar data knows more languages (Dutch among them).
        .or_else(|| crosswire_lang::month_number(key))
}

fn valid_ymd(y: i32, m: u32, d: u32) -> bool {
    (1900..=2100).contains(&y) && chrono::NaiveDate::from_ymd_opt(y, m, d).is_some()
}

/// Parses a publish date in any common form: ISO 8601 / RFC 3339
/// (`2025-03-26`, `2025-03-26T10:00:00+01:00`), `2025/03/26`, RFC 2822
/// (`Wed, 26 Mar 2025 10:00:00 GMT`), `20250326`, `March 26, 2025`,
/// `26 March 2025` (several languages) and `26.03.2025`.
pub fn parse_date(raw: &str, origin: DateOrigin) -> Option<Published> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    let make = |value: String, precision| {
        Some(Published {
            value,
            precision,
            origin,
        })
    };
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return make(dt.to_rfc3339(), Precision::Time);
    }
    if let Some(c) = ISO.captures(s) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let y = num(1)? as i32;
        if !(1900..=2100).contains(&y) {
            return None;
        }
        match (num(2), num(3)) {
            (Some(m), Some(d)) if valid_ymd(y, m, d) => {
                if let (Some(h), Some(mi)) = (num(4), num(5)) {
                    let sec = num(6).unwrap_or(0);
                    if h < 24 && mi < 60 && sec < 61 {
                        let tz = match c.get(7).map(|m| m.as_str()) {
                            None => String::new(),
                            Some("Z" | "z" | "UTC" | "GMT") => "Z".to_string(),
                            Some(off) => {
                                let digits: String = off.chars().filter(|c| *c != ':').collect();
                                format!("{}:{}", &digits[..3], &digits[3..])
                            }
                        };
                        return make(
                            format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{sec:02}{tz}"),
                            Precision::Time,
                        );
                    }
                }
                return make(format!("{y:04}-{m:02}-{d:02}"), Precision::Day);
            }
            (Some(m), None) if (1..=12).contains(&m) && s.len() <= 8 => {
                return make(format!("{y:04}-{m:02}"), Precision::Month);
            }
            (None, None) if s.len() == 4 => return make(format!("{y:04}"), Precision::Year),
            _ => {}
        }
    }
    if let Some(c) = COMPACT.captures(s) {
        let y: i32 = c[1].parse().ok()?;
        let m: u32 = c[2].parse().ok()?;
        let d: u32 = c[3].parse().ok()?;
        if valid_ymd(y, m, d) {
            return make(format!("{y:04}-{m:02}-{d:02}"), Precision::Day);
        }
    }
    parse_text_date(s).and_then(|(y, m, d)| make(format!("{y:04}-{m:02}-{d:02}"), Precision::Day))
}

/// Finds a written date ("March 26, 2025", "26 de marzo de 2025",
/// "26.03.2025") anywhere in a short text.
pub(crate) fn parse_text_date(s: &str) -> Option<(i32, u32, u32)> {
    if let Some(c) = MDY.captures(s) {
        if let (Some(m), Ok(d), Ok(y)) = (month_number(&c[1]), c[2].parse(), c[3].parse()) {
            if valid_ymd(y, m, d) {
                return Some((y, m, d));
            }
        }
    }
    if let Some(c) = DMY.captures(s) {
        if let (Ok(d), Some(m), Ok(y)) = (c[1].parse(), month_number(&c[2]), c[3].parse()) {
            if valid_ymd(y, m, d) {
                return Some((y, m, d));
            }
        }
    }
    if let Some(c) = NUMERIC_DMY.captures(s) {
        if let (Ok(d), Ok(m), Ok(y)) = (c[1].parse(), c[2].parse(), c[3].parse()) {
            if valid_ymd(y, m, d) {
                return Some((y, m, d));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_dates_with_dutch_months() {
        let p = parse_date("7 maart 2031", DateOrigin::Record).expect("date");
        assert_eq!(p.value, "2031-03-07");
        let p = parse_date("zondag 12 oktober 2031", DateOrigin::Record).expect("date");
        assert_eq!(p.value, "2031-10-12");
    }

    fn v(s: &str) -> Option<(String, Precision)> {
        parse_date(s, DateOrigin::Meta).map(|p| (p.value, p.precision))
    }

    #[test]
    fn iso_forms() {
        assert_eq!(v("2025-03-26"), Some(("2025-03-26".into(), Precision::Day)));
        assert_eq!(
            v("2025-03-26T10:05:00.000+0100"),
            Some(("2025-03-26T10:05:00+01:00".into(), Precision::Time))
        );
        assert_eq!(
            v("2025-03-26T10:05Z"),
            Some(("2025-03-26T10:05:00Z".into(), Precision::Time))
        );
        assert_eq!(v("2025/03/26"), Some(("2025-03-26".into(), Precision::Day)));
        assert_eq!(v("2025-03"), Some(("2025-03".into(), Precision::Month)));
        assert_eq!(v("20250326"), Some(("2025-03-26".into(), Precision::Day)));
        assert_eq!(v("2025-02-30"), None);
    }

    #[test]
    fn written_forms() {
        assert_eq!(
            v("Wed, 26 Mar 2025 10:00:00 GMT").map(|x| x.1),
            Some(Precision::Time)
        );
        assert_eq!(v("March 26, 2025").map(|x| x.0), Some("2025-03-26".into()));
        assert_eq!(
            v("Nov. 19, 2019 8:03 am ET").map(|x| x.0),
            Some("2019-11-19".into())
        );
        assert_eq!(
            v("26 de marzo de 2025").map(|x| x.0),
            Some("2025-03-26".into())
        );
        assert_eq!(v("26.03.2025").map(|x| x.0), Some("2025-03-26".into()));
        assert_eq!(v("yesterday"), None);
    }

    #[test]
    fn hints_fill_published() {
        let mut b = crosswire_model::ArticleBuilder::new("x");
        b.push_block(crosswire_model::BlockKind::Paragraph, "Body.");
        let mut a = b.finish();
        let hints = Hints {
            published: Some("2025-03-26T08:00:00Z".into()),
            ..Hints::default()
        };
        apply_hints(&mut a, &hints);
        let p = a.published.expect("published");
        assert_eq!(p.origin, DateOrigin::Record);
        assert_eq!(p.precision, Precision::Time);
    }
}
