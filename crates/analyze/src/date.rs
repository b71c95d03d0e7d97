//! Date expressions, resolved against the reference (publish) date.
//!
//! Absolute dates ("March 26, 2025", "26 de marzo de 2025", "2025-03-27"),
//! months ("in March", "mid-March"), years ("in 2019"), weekdays ("on
//! Wednesday", "el martes") and relative phrases ("last year", "this week").
//! A weekday in past-tense news is the most recent such day on or before the
//! reference date; with a future marker in the sentence it is the next one.

use crate::token::Kind;
use crate::Doc;
use chrono::{Datelike, Duration, NaiveDate};
use crosswire_model::{ByteRange, DateValue, Precision, Span, SpanKind};

/// A found date: token range, value, and whether the figure pass should
/// still see the year as a figure.
pub struct Found {
    /// First token.
    pub ts: usize,
    /// End token (exclusive).
    pub te: usize,
    /// The value.
    pub value: DateValue,
    /// A bare year ("in 2019"): also a year figure.
    pub bare_year: bool,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn fmt(d: NaiveDate, p: Precision) -> String {
    match p {
        Precision::Year => format!("{:04}", d.year()),
        Precision::Month => format!("{:04}-{:02}", d.year(), d.month()),
        _ => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
    }
}

fn int(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A plausible year token: four digits between 1000 and 2100.
pub fn year_of(doc: &Doc, i: usize) -> Option<i32> {
    let t = doc.toks.get(i)?;
    if t.kind != Kind::Num || t.e - t.s != 4 {
        return None;
    }
    let y = int(&t.lower)?;
    (1000..=2100).contains(&y).then_some(y as i32)
}

fn day_of(doc: &Doc, i: usize) -> Option<u32> {
    let t = doc.toks.get(i)?;
    if t.kind != Kind::Num {
        return None;
    }
    let d = int(&t.lower)?;
    // "26th" / "1st": the ordinal suffix is a glued word.
    (1..=31).contains(&d).then_some(d)
}

fn month_of(doc: &Doc, i: usize) -> Option<u32> {
    let t = doc.toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let m = *doc.lex.months.get(t.lower.as_str())?;
    // English month names are capitalized; "may" and "march" are also verbs.
    if doc.lex.lang.code == "en" && !t.upper {
        return None;
    }
    Some(m)
}

/// Year for a month/day without one: the reference year, moved back when
/// that lands far after the reference (past-tense news), forward when far
/// before it and the sentence speaks of the future.
fn infer_year(reference: NaiveDate, m: u32, d: u32, future: bool) -> i32 {
    let y = reference.year();
    let Some(cand) = ymd(y, m, d.min(28)) else {
        return y;
    };
    let diff = (cand - reference).num_days();
    if diff > 180 && !future {
        y - 1
    } else if diff < -180 && future {
        y + 1
    } else {
        y
    }
}

/// Finds every date in the document.
pub fn find(doc: &Doc) -> Vec<Found> {
    let mut out = Vec::new();
    let toks = &doc.toks;
    let n = toks.len();
    let r = doc.reference;
    let mut i = 0;
    while i < n {
        if let Some(f) = at(doc, i, r) {
            i = f.te.max(i + 1);
            out.push(f);
        } else {
            i += 1;
        }
    }
    out
}

fn glued(doc: &Doc, i: usize, p: &str) -> bool {
    doc.toks.get(i).is_some_and(|t| !t.sp && t.is_p(p))
}

fn value(resolved: Option<String>, precision: Precision, relative: bool) -> DateValue {
    DateValue {
        resolved,
        precision,
        relative,
        refers_to: None,
    }
}

fn at(doc: &Doc, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    let toks = &doc.toks;
    let t = &toks[i];
    let lex = doc.lex;
    let may_be_amount = t.kind == Kind::Num
        || lex.figure_start.contains(t.lower.as_str())
        || lex.is("ago_before", &t.lower);
    if may_be_amount {
        if let Some(f) = ago(doc, i, r) {
            return Some(f);
        }
    }
    match t.kind {
        Kind::Punct => return None,
        Kind::Word if !lex.date_start.contains(t.lower.as_str()) => return None,
        _ => {}
    }
    // Only month, day and weekday readings need the tense; computed lazily.
    let future_of = || doc.future_sentence(t.sent as usize, i);
    // ISO 2025-03-27.
    if let Some(y) = year_of(doc, i) {
        if glued(doc, i + 1, "-") && glued(doc, i + 3, "-") {
            let m = toks.get(i + 2).and_then(|t| int(&t.lower));
            let d = toks.get(i + 4).and_then(|t| int(&t.lower));
            if let (Some(m), Some(d)) = (m, d) {
                if let Some(date) = ymd(y, m, d) {
                    return Some(Found {
                        ts: i,
                        te: i + 5,
                        value: value(Some(fmt(date, Precision::Day)), Precision::Day, false),
                        bare_year: false,
                    });
                }
            }
        }
        // "March 2025" is handled from the month; a bare year here.
        let prev_month = i > 0 && month_of(doc, i - 1).is_some();
        let currency = i > 0 && matches!(toks[i - 1].lower.as_str(), "$" | "€" | "£");
        let next_people = toks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Word && doc.lex.units.get(n.lower.as_str()) == Some(&"people")
        });
        if !prev_month && !currency && !next_people {
            // "1990s" is a decade, "1900R" a model number: glued letters
            // make it no year.
            let glued_word = toks
                .get(i + 1)
                .is_some_and(|n| !n.sp && n.kind == Kind::Word);
            if !glued_word {
                return Some(Found {
                    ts: i,
                    te: i + 1,
                    value: value(Some(format!("{y:04}")), Precision::Year, false),
                    bare_year: true,
                });
            }
        }
    }
    // Numeric d/m/y or m/d/y.
    if t.kind == Kind::Num && glued(doc, i + 1, "/") && glued(doc, i + 3, "/") {
        let a = int(&t.lower);
        let b = toks.get(i + 2).and_then(|t| int(&t.lower));
        let c = toks.get(i + 4).and_then(|t| int(&t.lower));
        if let (Some(a), Some(b), Some(c)) = (a, b, c) {
            let y = if c < 100 { 2000 + c as i32 } else { c as i32 };
            let (m, d) = if lex.lang.code == "en" {
                (a, b)
            } else {
                (b, a)
            };
            if let Some(date) = ymd(y, m, d) {
                return Some(Found {
                    ts: i,
                    te: i + 5,
                    value: value(Some(fmt(date, Precision::Day)), Precision::Day, false),
                    bare_year: false,
                });
            }
        }
    }
    // Part of month: "mid-March", "early March", "a mediados de marzo".
    if lex.is("month_parts", &t.lower) {
        let mut j = i + 1;
        if glued(doc, j, "-") {
            j += 1;
        }
        if toks
            .get(j)
            .is_some_and(|x| lex.lang.date_of.contains(&x.lower.as_str()))
        {
            j += 1;
        }
        if let Some(m) = month_of(doc, j) {
            if let Some(mut f) = month_expr(doc, j, m, r, future_of()) {
                f.ts = i;
                return Some(f);
            }
        }
    }
    // Day Month [Year]: "26 March 2025", "26 de marzo de 2025".
    if let Some(d) = day_of(doc, i) {
        let mut j = i + 1;
        if toks
            .get(j)
            .is_some_and(|x| !x.sp && matches!(x.lower.as_str(), "th" | "st" | "nd" | "rd"))
        {
            j += 1;
        }
        if toks
            .get(j)
            .is_some_and(|x| lex.lang.date_of.contains(&x.lower.as_str()))
        {
            j += 1;
        }
        if let Some(m) = month_of(doc, j) {
            let mut k = j + 1;
            if toks
                .get(k)
                .is_some_and(|x| lex.lang.date_of.contains(&x.lower.as_str()))
                || glued(doc, k, ",")
            {
                k += 1;
            }
            let (y, te, known) = match year_of(doc, k) {
                Some(y) => (y, k + 1, true),
                None => match r {
                    Some(r) => (infer_year(r, m, d, future_of()), j + 1, false),
                    None => {
                        return Some(Found {
                            ts: i,
                            te: j + 1,
                            value: value(None, Precision::Day, true),
                            bare_year: false,
                        })
                    }
                },
            };
            if let Some(date) = ymd(y, m, d) {
                return Some(Found {
                    ts: i,
                    te,
                    value: value(Some(fmt(date, Precision::Day)), Precision::Day, !known),
                    bare_year: false,
                });
            }
        }
    }
    if let Some(m) = month_of(doc, i) {
        return month_expr(doc, i, m, r, future_of());
    }
    // Weekdays.
    if let Some(&wd) = lex.weekdays.get(t.lower.as_str()) {
        if lex.lang.code == "en" && !t.upper {
            return None;
        }
        let prev = if i > 0 {
            toks[i - 1].lower.as_str()
        } else {
            ""
        };
        let fut = future_of() || matches!(prev, "next" | "próximo");
        let last = matches!(prev, "last" | "pasado");
        let next_last = toks
            .get(i + 1)
            .is_some_and(|x| matches!(x.lower.as_str(), "pasado" | "próximo"));
        let resolved = r.map(|r| {
            let cur = r.weekday().num_days_from_monday() as i64;
            let wd = wd as i64;
            let next_after = next_last && toks.get(i + 1).is_some_and(|x| x.lower == "próximo");
            let date = if fut || next_after {
                let mut d = (wd - cur).rem_euclid(7);
                if d == 0 {
                    d = 7;
                }
                r + Duration::days(d)
            } else {
                let mut d = (cur - wd).rem_euclid(7);
                if last && d == 0 {
                    d = 7;
                }
                r - Duration::days(d)
            };
            fmt(date, Precision::Day)
        });
        return Some(Found {
            ts: i,
            te: i + 1,
            value: value(resolved, Precision::Day, true),
            bare_year: false,
        });
    }
    // Relative phrases.
    if let Some((len, rel)) = lex.relative.longest_at(toks, i) {
        use crate::lang::Rel::*;
        let (res, p) = match r {
            None => (None, Precision::Day),
            Some(r) => {
                let (d, p) = match rel {
                    Today => (Some(r), Precision::Day),
                    Yesterday => (r.pred_opt(), Precision::Day),
                    Tomorrow => (r.succ_opt(), Precision::Day),
                    ThisWeek | LastWeek => {
                        let back = r.weekday().num_days_from_monday() as i64
                            + if rel == LastWeek { 7 } else { 0 };
                        let mon = r - Duration::days(back);
                        let sun = mon + Duration::days(6);
                        // A week has no precision of its own: the month
                        // when it lies within one, else the Monday.
                        if mon.month() == sun.month() {
                            (Some(mon), Precision::Month)
                        } else {
                            (Some(mon), Precision::Day)
                        }
                    }
                    ThisMonth => (Some(r), Precision::Month),
                    LastMonth => (r.with_day(1).and_then(|d| d.pred_opt()), Precision::Month),
                    ThisYear => (Some(r), Precision::Year),
                    LastYear => (ymd(r.year() - 1, 1, 1), Precision::Year),
                    NextYear => (ymd(r.year() + 1, 1, 1), Precision::Year),
                };
                (d.map(|d| fmt(d, p)), p)
            }
        };
        return Some(Found {
            ts: i,
            te: i + len,
            value: value(res, p, true),
            bare_year: false,
        });
    }
    // "three days ago", "hace tres años".
    None
}

fn month_expr(doc: &Doc, i: usize, m: u32, r: Option<NaiveDate>, future: bool) -> Option<Found> {
    let toks = &doc.toks;
    let lex = doc.lex;
    // Month Day[, Year]
    let mut j = i + 1;
    if let Some(d) = day_of(doc, j) {
        if !toks[j].sp {
            return None;
        }
        let mut k = j + 1;
        if toks
            .get(k)
            .is_some_and(|x| !x.sp && matches!(x.lower.as_str(), "th" | "st" | "nd" | "rd"))
        {
            k += 1;
        }
        let mut kk = k;
        if glued(doc, kk, ",") {
            kk += 1;
        }
        let (y, te, known) = match year_of(doc, kk) {
            Some(y) => (y, kk + 1, true),
            None => match r {
                Some(r) => (infer_year(r, m, d, future), k, false),
                None => {
                    return Some(Found {
                        ts: i,
                        te: k,
                        value: value(None, Precision::Day, true),
                        bare_year: false,
                    })
                }
            },
        };
        let date = ymd(y, m, d)?;
        return Some(Found {
            ts: i,
            te,
            value: value(Some(fmt(date, Precision::Day)), Precision::Day, !known),
            bare_year: false,
        });
    }
    // Month [de|,] Year
    if toks
        .get(j)
        .is_some_and(|x| lex.lang.date_of.contains(&x.lower.as_str()))
        || glued(doc, j, ",")
    {
        j += 1;
    }
    if let Some(y) = year_of(doc, j) {
        let date = ymd(y, m, 1)?;
        return Some(Found {
            ts: i,
            te: j + 1,
            value: value(Some(fmt(date, Precision::Month)), Precision::Month, false),
            bare_year: false,
        });
    }
    // Month alone.
    let res = r.and_then(|r| {
        let y = infer_year(r, m, 15, future);
        ymd(y, m, 1).map(|d| fmt(d, Precision::Month))
    });
    Some(Found {
        ts: i,
        te: i + 1,
        value: value(res, Precision::Month, true),
        bare_year: false,
    })
}

/// An amount of time: value and unit ("days", "months"...) at token `i`.
fn amount(doc: &Doc, i: usize) -> Option<(i64, &'static str, usize)> {
    let t = doc.toks.get(i)?;
    let n = if t.kind == Kind::Num {
        int(&t.lower)? as i64
    } else if doc.lex.is("indefinite", &t.lower) {
        1
    } else {
        *doc.lex.number_words.get(t.lower.as_str())? as i64
    };
    let u = doc.lex.units.get(doc.toks.get(i + 1)?.lower.as_str())?;
    matches!(*u, "days" | "weeks" | "months" | "years").then_some((n, *u, i + 2))
}

/// "three days ago", "hace tres años".
fn ago(doc: &Doc, i: usize, r: Option<NaiveDate>) -> Option<Found> {
    let lex = doc.lex;
    let t = doc.toks.get(i)?;
    let (n, unit, te) = if lex.is("ago_before", &t.lower) {
        let (n, u, e) = amount(doc, i + 1)?;
        (n, u, e)
    } else {
        let (n, u, e) = amount(doc, i)?;
        if !doc
            .toks
            .get(e)
            .is_some_and(|x| lex.is("ago_after", &x.lower))
        {
            return None;
        }
        (n, u, e + 1)
    };
    let (date, p) = match (r, unit) {
        (Some(r), "days") => (Some(r - Duration::days(n)), Precision::Day),
        (Some(r), "weeks") => (Some(r - Duration::days(7 * n)), Precision::Day),
        (Some(r), "months") => (
            r.checked_sub_months(chrono::Months::new(n.max(0) as u32)),
            Precision::Month,
        ),
        (Some(r), _) => (ymd(r.year() - n as i32, 1, 1), Precision::Year),
        (None, _) => (None, Precision::Day),
    };
    Some(Found {
        ts: i,
        te,
        value: value(date.map(|d| fmt(d, p)), p, true),
        bare_year: false,
    })
}

/// Resolves again, against `doc.reference`, the dates that are relative.
pub fn refresh(doc: &Doc, found: &mut [Found]) {
    for f in found.iter_mut() {
        if f.value.relative {
            if let Some(g) = at(doc, f.ts, doc.reference) {
                if g.te == f.te {
                    f.value = g.value;
                }
            }
        }
    }
}

/// What happened then: the clause holding the date, or, for a date in a
/// leading phrase ("On Monday, a law firm filed..."), the clause after it.
fn refers_to(doc: &Doc, f: &Found) -> Option<String> {
    let toks = &doc.toks;
    let r = doc.sents.get(toks.get(f.ts)?.sent as usize)?.clone();
    let is_break = |t: &crate::token::Tok| {
        t.kind == Kind::Punct && matches!(t.lower.as_str(), ";" | "—" | "–" | "(" | ")")
    };
    let mut a = (r.start..f.ts)
        .rev()
        .find(|&i| is_break(&toks[i]))
        .map_or(r.start, |i| i + 1);
    let mut b = (f.te..r.end).find(|&i| is_break(&toks[i])).unwrap_or(r.end);
    // A leading phrase: "On Monday, ..." / "El martes, ...".
    let lead = f.ts.saturating_sub(a) <= 2 && toks.get(f.te).is_some_and(|t| t.is_p(","));
    if lead {
        a = f.te + 1;
        b = (a..r.end).find(|&i| is_break(&toks[i])).unwrap_or(r.end);
    }
    // Drop the final full stop.
    while b > a
        && toks[b - 1].kind == Kind::Punct
        && matches!(toks[b - 1].lower.as_str(), "." | "," | "!" | "?")
    {
        b -= 1;
    }
    let (sa, sb) = (toks.get(a)?.s, toks.get(b.checked_sub(1)?)?.e);
    (sa < sb)
        .then(|| doc.text.get(sa..sb).map(str::to_string))
        .flatten()
}

/// Turns found dates into spans, filling `refers_to` with the sentence.
pub fn spans(doc: &Doc, found: &[Found], out: &mut Vec<Span>) {
    for f in found {
        let Some(first) = doc.toks.get(f.ts) else {
            continue;
        };
        let Some(last) = doc.toks.get(f.te.saturating_sub(1)) else {
            continue;
        };
        let mut v = f.value.clone();
        v.refers_to = refers_to(doc, f);
        out.push(Span {
            range: ByteRange::new(first.s, last.e),
            kind: SpanKind::Date(v),
        });
    }
}
