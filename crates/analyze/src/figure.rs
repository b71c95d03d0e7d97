//! Figures: numbers that count or measure something.
//!
//! A figure is read left to right from its first number token: digits in
//! either decimal convention or number words ("two and a half million",
//! "seis millones"), a multiplier, a currency or percent sign, a unit, and
//! the counted noun phrase after it; the qualifier ("more than", "unos")
//! and a currency symbol are looked for just before it. Vague quantities
//! ("dozens", "tens of thousands", "varios miles") carry their implied
//! interval from the language table.

use crate::token::Kind;
use crate::Doc;
use crosswire_model::{Figure, FigureRole, Qualifier};

/// A found figure: token range and value.
pub struct Found {
    /// First token.
    pub ts: usize,
    /// End token (exclusive).
    pub te: usize,
    /// The value.
    pub fig: Figure,
}

/// Token use flags set by the date pass.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Used {
    /// Free.
    No,
    /// Part of a date: never a figure.
    Date,
    /// A bare year: a figure with the year role.
    Year,
}

/// Parses digits with `,`/`.` separators in either convention.
pub fn parse_digits(s: &str, lang: &str) -> Option<f64> {
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let clean: String = if commas > 0 && dots > 0 {
        // The last separator is the decimal one.
        let last_comma = s.rfind(',').unwrap_or(0);
        let last_dot = s.rfind('.').unwrap_or(0);
        if last_dot > last_comma {
            s.replace(',', "")
        } else {
            s.replace('.', "").replace(',', ".")
        }
    } else if commas > 1 {
        s.replace(',', "")
    } else if dots > 1 {
        s.replace('.', "")
    } else if commas == 1 || dots == 1 {
        let sep = if commas == 1 { ',' } else { '.' };
        let pos = s.find(sep).unwrap_or(0);
        let after = s.len() - pos - 1;
        let thousands = after == 3 && !(lang == "en" && sep == '.');
        if thousands {
            s.replace(sep, "")
        } else {
            s.replace(sep, ".")
        }
    } else {
        s.to_string()
    };
    clean.parse::<f64>().ok()
}

fn word_at<'d>(doc: &'d Doc, i: usize) -> &'d str {
    doc.toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
}

/// Number words from `i`: value and end token.
fn words_number(doc: &Doc, i: usize) -> Option<(f64, usize)> {
    let lex = doc.lex;
    let mut total = 0.0;
    let mut cur = 0.0;
    let mut last_mult = 1.0;
    let mut any = false;
    let mut j = i;
    let is_num_word = |w: &str| {
        lex.number_words.contains_key(w) || lex.multipliers.contains_key(w) && w.len() > 2
    };
    while let Some(t) = doc.toks.get(j) {
        if t.kind != Kind::Word {
            // "twenty-five": a glued hyphen between number words.
            if any
                && t.is_p("-")
                && !t.sp
                && doc
                    .toks
                    .get(j + 1)
                    .is_some_and(|n| !n.sp && lex.number_words.contains_key(n.lower.as_str()))
            {
                j += 1;
                continue;
            }
            break;
        }
        let w = t.lower.as_str();
        if any && t.upper && !t.caps && j > i {
            // "Two Face" in a name or headline: stop at capitals mid-number.
            break;
        }
        if w == "hundred" {
            cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
            any = true;
        } else if w == "dozen" || w == "docena" {
            cur = if cur == 0.0 { 12.0 } else { cur * 12.0 };
            any = true;
        } else if let Some(&m) = lex.multipliers.get(w).filter(|_| w.len() > 2) {
            total += if cur == 0.0 { 1.0 } else { cur } * m;
            cur = 0.0;
            last_mult = m;
            any = true;
        } else if let Some(&v) = lex.number_words.get(w) {
            if any && cur != 0.0 && cur < 20.0 && v < 100.0 {
                // "three two": two separate numbers.
                break;
            }
            cur += v;
            any = true;
        } else if !any && lex.is("indefinite", w) {
            // "a dozen", "a million", "un millón".
            let nx = word_at(doc, j + 1);
            if nx == "hundred"
                || nx == "dozen"
                || nx == "docena"
                || lex.multipliers.contains_key(nx) && nx.len() > 2
            {
                cur = 1.0;
                any = true;
            } else {
                return None;
            }
        } else if any && lex.is("and", w) {
            let nx = word_at(doc, j + 1);
            let nx2 = word_at(doc, j + 2);
            if lex.is("half", nx) {
                // "dos millones y medio"
                if cur == 0.0 && total > 0.0 {
                    total += 0.5 * last_mult;
                } else {
                    cur += 0.5;
                }
                j += 2;
                continue;
            } else if lex.is("indefinite", nx) && lex.is("half", nx2) {
                // "two and a half million"
                cur += 0.5;
                j += 3;
                continue;
            } else if is_num_word(nx) {
                j += 1;
                continue;
            }
            break;
        } else {
            break;
        }
        j += 1;
    }
    if !any {
        return None;
    }
    Some((total + cur, j))
}

fn qualifier_before(doc: &Doc, i: usize) -> Option<(usize, Qualifier)> {
    let lex = doc.lex;
    let sent = doc.toks.get(i)?.sent;
    for back in (1..=4).rev() {
        if back > i {
            continue;
        }
        let k = i - back;
        if doc.toks[k].sent != sent {
            continue;
        }
        if let Some((len, q)) = lex.qualifiers.longest_at(&doc.toks[..i], k) {
            if len == back {
                return Some((k, q));
            }
        }
    }
    None
}

fn currency_symbol(s: &str) -> Option<&'static str> {
    match s {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        _ => None,
    }
}

/// Finds every figure.
pub fn find(doc: &Doc, used: &[Used]) -> Vec<Found> {
    let mut out = Vec::new();
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        match at(doc, i, used) {
            Some(f) => {
                i = f.te.max(i + 1);
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

fn at(doc: &Doc, i: usize, used: &[Used]) -> Option<Found> {
    let toks = &doc.toks;
    let lex = doc.lex;
    let t = &toks[i];
    if t.kind == Kind::Word && !lex.figure_start.contains(t.lower.as_str()) {
        return None;
    }
    if t.kind == Kind::Punct {
        return None;
    }
    if used.get(i).copied().unwrap_or(Used::No) == Used::Date {
        return None;
    }
    let lang = lex.lang.code;
    let mut qualifier = Qualifier::Exact;
    let mut low_high: Option<(f64, Option<f64>)> = None;
    let value;
    let mut j; // end of the number itself
    let mut vague = false;
    if t.kind == Kind::Num {
        // Times, ordinals, codes: not figures.
        let nx = toks.get(i + 1);
        if nx.is_some_and(|x| {
            !x.sp
                && (x.is_p(":")
                    || matches!(
                        x.lower.as_str(),
                        "th" | "st" | "nd" | "rd" | "º" | "ª" | "s" | "h"
                    ))
        }) {
            return None;
        }
        if i > 0
            && !t.sp
            && (toks[i - 1].is_p(":") || toks[i - 1].is_p("#") || toks[i - 1].is_p("/"))
        {
            return None;
        }
        if nx.is_some_and(|x| {
            matches!(
                x.lower.as_str(),
                "a.m." | "p.m." | "am" | "pm" | "hrs" | "gmt" | "utc"
            )
        }) {
            return None;
        }
        if t.lower.len() > 12 {
            return None;
        }
        // "Barrio 18", "Chapter 11", "Apollo 13": a number inside a name.
        if i > 0 {
            let p = &toks[i - 1];
            let plain = t.lower.bytes().all(|b| b.is_ascii_digit()) && t.lower.len() <= 3;
            let initial = i == 0 || toks[i - 1].sent != t.sent || is_sentence_first(doc, i - 1);
            if plain
                && p.kind == Kind::Word
                && p.upper
                && !initial
                && t.sp
                && !lex.function_words.contains(p.lower.as_str())
                && !lex.months.contains_key(p.lower.as_str())
                && !lex.demonyms.contains_key(p.lower.as_str())
                && doc.country_at(i - 1).is_none()
            {
                return None;
            }
        }
        let mut v = parse_digits(&t.lower, lang)?;
        j = i + 1;
        // Glued multiplier suffix: "$5m", "2bn". A bare "1.5m" is metres
        // and "10k" may be a race: one letter counts only after money.
        let money_before = i > 0 && currency_symbol(&toks[i - 1].lower).is_some();
        if let Some(x) = toks.get(j) {
            if !x.sp
                && x.kind == Kind::Word
                && (x.lower.len() > 1 && x.lower != "mn" || money_before)
            {
                if let Some(&m) = lex.multipliers.get(x.lower.as_str()) {
                    v *= m;
                    j += 1;
                }
            }
        }
        // Spaced multiplier: "6 million", "seis mil".
        while let Some(x) = toks.get(j) {
            match lex.multipliers.get(x.lower.as_str()) {
                Some(&m) if x.lower.len() > 2 && x.sp => {
                    v *= m;
                    j += 1;
                }
                _ => break,
            }
        }
        // 8479.7 * 1e6 is not exactly 8479700000 in binary; round away
        // the noise the multiplication adds.
        if v.abs() >= 1000.0 {
            v = (v * 1000.0).round() / 1000.0;
        }
        value = v;
    } else if let Some((len, (lo, hi))) = lex.vague.longest_at(toks, i) {
        // "several" alone must precede a plural noun or "of"; a bare
        // "several" elsewhere is no count.
        if t.kind != Kind::Word {
            return None;
        }
        vague = true;
        qualifier = Qualifier::Vague;
        low_high = Some((lo, Some(hi)));
        value = lo;
        j = i + len;
    } else if t.kind == Kind::Word {
        // "for a year", "durante un mes": a duration of one unit.
        let prev_w = if i > 0 {
            toks[i - 1].lower.as_str()
        } else {
            ""
        };
        let unit_next = toks
            .get(i + 1)
            .and_then(|x| lex.units.get(x.lower.as_str()));
        let duration = lex.is("indefinite", &t.lower)
            && matches!(prev_w, "for" | "within" | "durante" | "por")
            && unit_next.is_some_and(|u| {
                matches!(
                    *u,
                    "days" | "weeks" | "months" | "years" | "hours" | "decades"
                )
            });
        let (v, e) = if duration {
            (1.0, i + 1)
        } else {
            words_number(doc, i)?
        };
        let w = t.lower.as_str();
        let nx = word_at(doc, e);
        let prev = if i > 0 {
            toks[i - 1].lower.as_str()
        } else {
            ""
        };
        // "one of them", "no one", "the one": pronoun uses of "one".
        if e == i + 1 && !duration && (w == "one" || w == "uno" || w == "una") {
            if matches!(nx, "of" | "de" | "another" | "day" | "more" | "time")
                || matches!(
                    prev,
                    "the"
                        | "this"
                        | "that"
                        | "no"
                        | "any"
                        | "each"
                        | "every"
                        | "someone"
                        | "el"
                        | "la"
                        | "cada"
                        | "ninguno"
                )
            {
                return None;
            }
            if nx.is_empty() || toks.get(e).is_some_and(|x| x.kind == Kind::Punct) {
                return None;
            }
        }
        // English "a" is handled as an indefinite; Spanish "un"/"una" only
        // count before a multiplier (handled in words_number).
        if (w == "un" || w == "una") && e == i + 1 && !duration {
            return None;
        }
        value = v;
        j = e;
    } else {
        return None;
    }
    let mut start = i;
    // Qualifier before.
    if !vague {
        if let Some((k, q)) = qualifier_before(doc, i) {
            qualifier = q;
            start = k;
        }
    }
    // Currency symbol before ("$6 million", "US$ 5").
    let mut unit: Option<String> = None;
    if i > 0 {
        if let Some(c) = currency_symbol(&toks[i - 1].lower) {
            unit = Some(c.to_string());
            if start == i || toks[i - 1].s < toks[start].s {
                start = i - 1;
            }
            if i > 1 && !toks[i - 1].sp && toks[i - 2].caps {
                start = start.min(i - 2);
            }
            if start == i - 1 {
                if let Some((k, q)) = qualifier_before(doc, i - 1) {
                    qualifier = q;
                    start = k;
                }
            }
        }
    }
    // After the number: "200 or more", "200-plus", "unos 40 y pico".
    if !vague && qualifier == Qualifier::Exact {
        if let Some((len, q)) = lex.post_qualifiers.longest_at(toks, j) {
            qualifier = q;
            j += len;
        }
    }
    // Ranges: "between 10 and 20", "10 to 20", "10-20".
    let mut high = None;
    if !vague {
        if let Some(x) = toks.get(j) {
            let rw = lex.is("range", &x.lower);
            let between = start > 0 && lex.is("between", word_at(doc, start.saturating_sub(1)))
                || start == i && i > 0 && lex.is("between", &toks[i - 1].lower);
            let hyphen = (x.is_p("-") || x.is_p("–")) && !x.sp;
            if (rw
                && (between
                    || x.lower != "and" && x.lower != "y" && x.lower != "o" && x.lower != "or"))
                || hyphen
            {
                let k = j + 1;
                let mut k2 = k;
                if unit.is_some()
                    && toks
                        .get(k)
                        .is_some_and(|y| currency_symbol(&y.lower).is_some())
                {
                    k2 += 1;
                }
                if let Some(y) = toks.get(k2).filter(|y| y.kind == Kind::Num) {
                    if let Some(mut hv) = parse_digits(&y.lower, lang) {
                        let mut e = k2 + 1;
                        while let Some(&m) = toks
                            .get(e)
                            .and_then(|z| lex.multipliers.get(z.lower.as_str()))
                            .filter(|_| toks[e].lower.len() > 2)
                        {
                            hv *= m;
                            e += 1;
                        }
                        if hv > value {
                            high = Some(hv);
                            qualifier = Qualifier::Range;
                            if between && start == i {
                                start = i - 1;
                            }
                            j = e;
                        }
                    }
                }
            }
        }
    }
    let mut end = j;
    let mut unit_tok: Option<usize> = None;
    // Percent.
    let after: Vec<&str> = toks[end..(end + 3).min(toks.len())]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    if let Some((len, ())) = lex.percent.longest(&after) {
        unit = Some("%".into());
        end += len;
    } else {
        // Currency words, possibly after "de"/"of": "millones de dólares".
        let skip =
            usize::from(after.first().is_some_and(|w| *w == "de" || *w == "of") && j > i + 1);
        let words: Vec<&str> = toks[(end + skip).min(toks.len())..(end + skip + 2).min(toks.len())]
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        if let Some((len, code)) = lex.currency_words.longest(&words) {
            unit = Some(code.to_string());
            end += skip + len;
        } else if let Some(u) = toks.get(end).and_then(|x| lex.units.get(x.lower.as_str())) {
            if unit.is_none() {
                unit = Some(u.to_string());
                // The unit word belongs to the figure's span ("10 days");
                // the counted phrase is then the unit itself.
                unit_tok = Some(end);
            }
        }
    }
    // Role.
    let mut role = FigureRole::Claim;
    if used.get(i).copied() == Some(Used::Year) {
        role = FigureRole::Year;
    }
    // "42-year-old", "aged 42".
    if toks.get(end).is_some_and(|x| x.is_p("-") && !x.sp)
        && word_at(doc, end + 1) == "year"
        && word_at(doc, end + 3) == "old"
    {
        role = FigureRole::Age;
    }
    if i > 0 && lex.is("age", &toks[i - 1].lower) {
        role = FigureRole::Age;
    }
    // "62 years old"; ", de 62 años,".
    let unit_years = unit.as_deref() == Some("years");
    if unit_years && word_at(doc, end + 1) == "old" {
        role = FigureRole::Age;
    }
    if unit_years && start == i && i >= 2 && toks[i - 1].lower == "de" && toks[i - 2].is_p(",") {
        role = FigureRole::Age;
    }
    // Counted noun phrase.
    let counts = counted(doc, end);
    if let Some(u) = unit_tok {
        end = u + 1;
    }
    let (low, hi) = match (low_high, qualifier) {
        (Some((l, h)), _) => (l, h),
        (None, Qualifier::MoreThan) | (None, Qualifier::AtLeast) => (value, None),
        (None, Qualifier::About) => (value * 0.9, Some(value * 1.1)),
        (None, Qualifier::LessThan) => (0.0, Some(value)),
        (None, Qualifier::Range) => (value, high),
        _ => (value, Some(value)),
    };
    Some(Found {
        ts: start,
        te: end,
        fig: Figure {
            value,
            low,
            high: hi,
            unit,
            qualifier,
            counts,
            attributed_to: None,
            role,
        },
    })
}

fn is_sentence_first(doc: &Doc, i: usize) -> bool {
    let s = doc.toks[i].sent as usize;
    doc.sents.get(s).is_some_and(|r| {
        // The first word of the sentence, past opening quotes.
        doc.toks[r.start..i].iter().all(|t| t.kind == Kind::Punct)
    })
}

/// The noun phrase after a number: up to the first plural noun, stopping
/// at punctuation, function words and verbs of saying.
fn counted(doc: &Doc, from: usize) -> Option<String> {
    let lex = doc.lex;
    let toks = &doc.toks;
    let mut j = from;
    let sent = toks.get(from.saturating_sub(1))?.sent;
    // "40,000-inmate prison": the hyphen glues the noun to the number.
    if toks.get(j).is_some_and(|t| t.is_p("-") && !t.sp) {
        j += 1;
    }
    if toks
        .get(j)
        .is_some_and(|t| matches!(t.lower.as_str(), "of" | "de" | "in" | "en"))
    {
        j += 1;
    }
    let first = j;
    let mut last = None;
    while j < toks.len() && j < first + 5 {
        let t = &toks[j];
        if t.sent != sent {
            break;
        }
        if t.kind == Kind::Punct {
            if t.is_p("-") && !t.sp {
                j += 1;
                continue;
            }
            break;
        }
        if t.kind == Kind::Num {
            break;
        }
        let w = t.lower.as_str();
        if lex.function_words.contains(w) && !(j == first && lex.units.contains_key(w))
            || lex.cue_verbs.contains(w)
            || lex.determiners.contains(w)
        {
            break;
        }
        last = Some(j);
        // Stop after a plural head ("members", "Norwegians").
        if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
            break;
        }
        j += 1;
    }
    let last = last?;
    let s = toks.get(first)?.s;
    let e = toks.get(last)?.e;
    doc.text.get(s..e).map(|x| x.to_string())
}
