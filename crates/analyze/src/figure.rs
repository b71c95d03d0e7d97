//! Figures: numbers that count or measure something.
//!
//! A figure is read left to right from its first number token: digits in
//! either decimal convention or number words ("two and a half million",
//! "seis millones"), a multiplier, a currency or percent sign, a unit, and
//! the counted noun phrase after it; the qualifier ("more than", "unos")
//! and a currency symbol are looked for just before it. Vague quantities
//! ("dozens", "tens of thousands", "varios miles") carry their implied
//! interval from the language table.

use crate::token::{Kind, Tok};
use crate::Doc;
use crosswire_model::{Figure, FigureRole, Qualifier};
use std::collections::BTreeSet;

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
            // "twenty-five", or "twenty - five" in tokenised text: a
            // hyphen between tens and units.
            let units = |n: &Tok| {
                lex.number_words
                    .get(n.lower.as_str())
                    .is_some_and(|v| (1.0..10.0).contains(v))
            };
            let tens = (20.0..100.0).contains(&cur) && cur % 10.0 == 0.0;
            if any
                && t.is_p("-")
                && doc.toks.get(j + 1).is_some_and(|n| {
                    n.sp == t.sp
                        && (!t.sp && lex.number_words.contains_key(n.lower.as_str())
                            || tens && units(n))
                })
            {
                j += 1;
                continue;
            }
            break;
        }
        let w = t.lower.as_str();
        if !any && lex.is("half", w) {
            // "half a million", "medio millón".
            let k = if lex.is("indefinite", word_at(doc, j + 1)) {
                j + 2
            } else {
                j + 1
            };
            let nx = word_at(doc, k);
            match lex.multipliers.get(nx).filter(|_| nx.len() > 2) {
                Some(&m) => {
                    total = 0.5 * m;
                    last_mult = m;
                    any = true;
                    j = k + 1;
                    continue;
                }
                None => return None,
            }
        }
        if any && t.upper && !t.caps && j > i {
            // "Two Face" in a name or headline: stop at capitals mid-number.
            break;
        }
        if w == "hundred" {
            cur = if cur == 0.0 { 100.0 } else { cur * 100.0 };
            any = true;
        } else if w == "dozen" || w == "docena" {
            if !any && matches!(word_at(doc, j + 1), "of" | "de") {
                // "Dozen of warships": a slip for "dozens of", read as
                // the vague quantity, not as twelve.
                return None;
            }
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

/// What the figure reader knows about the whole article before it starts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ctx {
    /// The text was tokenised before it reached us ("120, 000 people",
    /// "10 : 30 a. m.", "do n't"): only then is "120, 000" one number,
    /// since in ordinary prose "On March 5, 200 people" is two.
    pub tokenised: bool,
}

fn plain_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Tells tokenised text from prose by what no editor writes: a space
/// before a comma or period, a split "n't" or "'s", a spaced "a. m.", a
/// bracket or quote standing alone. Weaker hints (a spaced hyphen after a
/// number or inside a compound, a spaced clock colon, "120, 000") only
/// count when two kinds of them meet, as a dash between words is common
/// in prose.
pub fn is_tokenised(doc: &Doc) -> bool {
    let t = &doc.toks;
    let mut weak = [false; 4];
    for k in 1..t.len() {
        let x = &t[k];
        let prev = &t[k - 1];
        let next = t.get(k + 1);
        let next_apart = next.is_none_or(|n| n.sp);
        if x.kind == Kind::Punct {
            let inline = x.sp && !x.nl;
            match x.lower.as_str() {
                "," | "." | ";" if inline && prev.kind != Kind::Punct && next_apart => return true,
                "\"" if inline && next.is_some_and(|n| n.sp) => return true,
                "(" if next.is_some_and(|n| n.sp && !n.nl) => return true,
                ")" if inline && prev.kind != Kind::Punct => return true,
                "-" if inline && next.is_some_and(|n| n.sp && n.kind == Kind::Word && !n.upper) => {
                    if prev.kind == Kind::Num {
                        weak[0] = true;
                    } else if prev.kind == Kind::Word && !prev.upper {
                        weak[1] = true;
                    }
                }
                ":" if inline
                    && prev.kind == Kind::Num
                    && next.is_some_and(|n| n.sp && n.kind == Kind::Num) =>
                {
                    weak[2] = true;
                }
                "," if !x.sp
                    && prev.kind == Kind::Num
                    && next
                        .is_some_and(|n| n.sp && n.lower.len() == 3 && plain_digits(&n.lower)) =>
                {
                    weak[3] = true;
                }
                _ => {}
            }
        } else if x.kind == Kind::Word {
            if x.sp && (x.lower == "n't" || x.lower == "n’t") {
                return true;
            }
            // "Iran 's": the possessive split off with its apostrophe.
            if x.lower == "s"
                && !x.sp
                && (prev.is_p("'") || prev.is_p("’"))
                && prev.sp
                && next_apart
            {
                return true;
            }
            // "a. m.", "p. m."
            if x.lower == "m"
                && x.sp
                && prev.is_p(".")
                && k >= 2
                && matches!(t[k - 2].lower.as_str(), "a" | "p")
            {
                return true;
            }
        }
    }
    weak.iter().filter(|w| **w).count() >= 2
}

/// A tokenised thousands group at `j`: `,` glued to the digits before,
/// then three digits after a space.
fn group_follows(toks: &[Tok], j: usize) -> bool {
    toks.get(j).is_some_and(|c| c.is_p(",") && !c.sp)
        && toks.get(j + 1).is_some_and(|g| {
            g.kind == Kind::Num && g.sp && !g.nl && g.lower.len() == 3 && plain_digits(&g.lower)
        })
}

/// Joins tokenised thousands groups after the digits `first` ("120" then
/// ", 000"): the joined value and the end token, or None when no group
/// follows.
fn join_groups(toks: &[Tok], first: &str, j: usize) -> Option<(f64, usize)> {
    if !plain_digits(first) || first.len() > 3 || !group_follows(toks, j) {
        return None;
    }
    let mut s = first.to_string();
    let mut j = j;
    while group_follows(toks, j) {
        s.push_str(&toks[j + 1].lower);
        j += 2;
    }
    s.parse::<f64>().ok().map(|v| (v, j))
}

/// The digits at token `i`: value and end token. Tokenised thousands
/// groups are joined; "4 1/2" and "4 1 / 2" are four and a half anywhere.
fn digits(doc: &Doc, i: usize, ctx: &Ctx) -> Option<(f64, usize)> {
    let toks = &doc.toks;
    let t = toks.get(i)?;
    if t.kind != Kind::Num {
        return None;
    }
    let grouped = if ctx.tokenised {
        join_groups(toks, &t.lower, i + 1)
    } else {
        None
    };
    let (mut v, mut j) = match grouped {
        Some(g) => g,
        None => (parse_digits(&t.lower, doc.lex.lang.code)?, i + 1),
    };
    if plain_digits(&t.lower) && grouped.is_none() {
        if let (Some(a), Some(sl), Some(b)) = (toks.get(j), toks.get(j + 1), toks.get(j + 2)) {
            if a.kind == Kind::Num
                && a.sp
                && a.sent == t.sent
                && plain_digits(&a.lower)
                && sl.is_p("/")
                && b.kind == Kind::Num
                && plain_digits(&b.lower)
            {
                let (n, d) = (
                    a.lower.parse::<f64>().unwrap_or(0.0),
                    b.lower.parse::<f64>().unwrap_or(0.0),
                );
                if n > 0.0 && n < d && d <= 16.0 {
                    v += n / d;
                    j += 3;
                }
            }
        }
    }
    Some((v, j))
}

/// A currency word ("euros", "US dollars") at token `k`: its length in
/// tokens and ISO code.
fn currency_word_at(doc: &Doc, k: usize) -> Option<(usize, &'static str)> {
    let toks = &doc.toks;
    let words: Vec<&str> = toks[k.min(toks.len())..(k + 2).min(toks.len())]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    doc.lex.currency_words.longest(&words)
}

/// Multipliers after the digits that end at `j`: glued ("5m", "2bn"),
/// spaced ("6 million", "2 mn") or across a hyphen ("$2.6-million",
/// "110 - billion"). A glued single letter multiplies only money, since
/// "1.5m" alone is metres and "10k" may be a race. Returns the factor and
/// the new end.
fn multiplier_after(doc: &Doc, j: usize, money: bool) -> (f64, usize) {
    let toks = &doc.toks;
    let lex = doc.lex;
    let mut f = 1.0;
    let mut j = j;
    if let Some(x) = toks.get(j) {
        if !x.sp && x.kind == Kind::Word {
            if let Some(&m) = lex.multipliers.get(x.lower.as_str()) {
                let long = x.lower.len() > 1 && x.lower != "mn";
                let money_after = currency_word_at(doc, j + 1).is_some()
                    || toks.get(j + 1).is_some_and(|h| h.is_p("-"))
                        && currency_word_at(doc, j + 2).is_some();
                if long || money || money_after {
                    f *= m;
                    j += 1;
                }
            }
        }
    }
    loop {
        let hyphen = toks.get(j).is_some_and(|x| x.is_p("-") || x.is_p("–"));
        let k = if hyphen { j + 1 } else { j };
        let Some(x) = toks.get(k) else { break };
        if x.kind != Kind::Word || !(x.sp || hyphen) {
            break;
        }
        let Some(&m) = lex.multipliers.get(x.lower.as_str()) else {
            break;
        };
        if !(x.lower.len() > 2 || matches!(x.lower.as_str(), "mn" | "bn")) {
            break;
        }
        f *= m;
        j = k + 1;
    }
    (f, j)
}

/// "euro110", "Dh4", "e75m", "R26": a currency glued before the digits,
/// with an optional glued multiplier. Returns the ISO code, the value
/// (multiplier included), the end token and whether the reading is sure
/// (a long prefix, or a multiplier or digit group after a short one).
fn prefixed_money(doc: &Doc, i: usize, ctx: &Ctx) -> Option<(&'static str, f64, usize)> {
    let toks = &doc.toks;
    let lex = doc.lex;
    let t = toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.lower.as_str();
    let cut = w.find(|c: char| c.is_ascii_digit())?;
    let code = *lex.currency_prefixes.get(&w[..cut])?;
    let rest = &w[cut..];
    let numlen = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (num, suffix) = rest.split_at(numlen);
    let mut v = parse_digits(num, lex.lang.code)?;
    let mut sure = cut > 2;
    if !suffix.is_empty() {
        v *= *lex.multipliers.get(suffix)?;
        sure = true;
    }
    let mut j = i + 1;
    if suffix.is_empty() && ctx.tokenised {
        if let Some((g, e)) = join_groups(toks, num, j) {
            v = g;
            j = e;
            sure = true;
        }
    }
    let (m, e) = multiplier_after(doc, j, true);
    if e > j {
        v *= m;
        j = e;
        sure = true;
    }
    sure.then_some((code, v, j))
}

fn qualifier_before(doc: &Doc, i: usize) -> Option<(usize, Qualifier)> {
    let lex = doc.lex;
    let sent = doc.toks.get(i)?.sent;
    // "at least magnitude 5.9": a measure noun between qualifier and number.
    let mut i = i;
    if i >= 1 && lex.is("measure_words", &doc.toks[i - 1].lower) {
        i -= 1;
    } else if i >= 2 && doc.toks[i - 1].is_p("-") && lex.is("measure_words", &doc.toks[i - 2].lower)
    {
        i -= 2;
    }
    phrase_before(doc, i, sent, &lex.qualifiers)
}

/// The longest phrase of `table` that ends right before token `i` in
/// sentence `sent`: its first token and value.
fn phrase_before<T: Copy>(
    doc: &Doc,
    i: usize,
    sent: u32,
    table: &crate::lang::PhraseTable<T>,
) -> Option<(usize, T)> {
    for back in (1..=4).rev() {
        if back > i {
            continue;
        }
        let k = i - back;
        if doc.toks[k].sent != sent {
            continue;
        }
        if let Some((len, q)) = table.longest_at(&doc.toks[..i], k) {
            if len == back {
                return Some((k, q));
            }
        }
    }
    None
}

/// True when the qualifier phrase at `k..i` approaches from below.
fn near_below(doc: &Doc, k: usize, i: usize) -> bool {
    let words: Vec<&str> = doc.toks[k..i].iter().map(|t| t.lower.as_str()).collect();
    doc.lex.is("near_below", &words.join(" "))
}

fn currency_symbol(s: &str) -> Option<&'static str> {
    match s {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        "₹" => Some("INR"),
        "₦" => Some("NGN"),
        "₽" => Some("RUB"),
        "₩" => Some("KRW"),
        "₺" => Some("TRY"),
        _ => None,
    }
}

/// A currency symbol written after the amount ("199 $", "millones de
/// US$") at token `k`: its length in tokens and ISO
/// code. A number right after the symbol is the amount it belongs to
/// ("5 $ 160 million" in tokenised text), so then there is none.
fn symbol_after(doc: &Doc, k: usize) -> Option<(usize, &'static str)> {
    let toks = &doc.toks;
    let first = toks.get(k)?;
    // Capitals before the symbol ("US$") count when the language's table
    // knows them as that very currency: "GB" is as often gigabytes.
    let prefix = (first.kind == Kind::Word && first.caps)
        .then(|| doc.lex.currency_prefixes.get(first.lower.as_str()).copied())
        .flatten();
    let at = k + usize::from(prefix.is_some());
    let code = toks
        .get(at)
        .filter(|t| t.kind == Kind::Punct && t.sent == first.sent)
        .and_then(|t| currency_symbol(&t.lower))
        .filter(|c| prefix.is_none_or(|p| p == *c))?;
    let next_is_amount = toks.get(at + 1).is_some_and(|n| {
        n.sent == first.sent
            && (n.kind == Kind::Num || doc.lex.number_words.contains_key(n.lower.as_str()))
    });
    (!next_is_amount).then_some((at + 1 - k, code))
}

/// ISO codes written as a word before the amount ("EUR 5 million").
const ISO_BEFORE: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "AED", "ZAR", "CHF", "MXN", "BRL", "KES", "NGN",
    "SAR", "RUB", "ARS", "COP", "CLP", "PEN",
];

/// Time zones written as capitals after a clock time.
const ZONES: &[&str] = &[
    "GMT", "UTC", "IST", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST",
    "PDT", "BST", "CET", "CEST", "EET", "EEST", "WET", "WEST", "JST", "KST", "AEST", "AEDT", "MSK",
    "HKT", "SGT", "PKT", "WIB", "SAST", "EAT", "WAT", "CAT", "AST", "ADT", "HST", "IRST", "GST",
];

/// Units written in capitals glued to a number ("16GB", "500MW"): a
/// size, not a model code like "3G" or "4K".
const CAPITAL_UNITS: &[&str] = &[
    "kb", "mb", "gb", "tb", "pb", "kbps", "mbps", "gbps", "hz", "khz", "mhz", "ghz", "w", "kw",
    "mw", "gw", "kwh", "mwh", "gwh", "twh", "v", "kv", "mph", "kph", "hp", "cc", "db",
];

/// Finds every figure.
pub fn find(doc: &Doc, used: &[Used]) -> Vec<Found> {
    let ctx = Ctx {
        tokenised: is_tokenised(doc),
    };
    let mut out: Vec<Found> = Vec::new();
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        // One set lookup rules out most words before the three readers.
        let t = &doc.toks[i];
        let candidate = match t.kind {
            Kind::Num => true,
            Kind::Punct => false,
            Kind::Word => {
                doc.lex.figure_start.contains(t.lower.as_str())
                    || t.lower.bytes().any(|b| b.is_ascii_digit())
            }
        };
        if !candidate {
            i += 1;
            continue;
        }
        let f = time_span_at(doc, i, used)
            .or_else(|| special_at(doc, i, used))
            .or_else(|| at(doc, i, used, &ctx));
        match f {
            Some(f) => {
                i = f.te.max(i + 1);
                out.push(f);
            }
            None => i += 1,
        }
    }
    inherit_qualifiers(doc, &mut out);
    join_feet_and_inches(doc, &mut out);
    split_spreads(doc, &mut out);
    mark_model_numbers(doc, &mut out);
    // "aged 15 and 12": the ages listed after an age are ages too.
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let linked = b.ts == a.te + 1
            && doc
                .toks
                .get(a.te)
                .is_some_and(|t| t.is_p(",") || doc.lex.is("and", &t.lower));
        if a.fig.role == FigureRole::Age
            && linked
            && b.fig.role == FigureRole::Claim
            && b.fig.qualifier == Qualifier::Exact
            && b.fig.value.fract() == 0.0
            && (1.0..=120.0).contains(&b.fig.value)
            && b.fig.unit.as_deref().is_none_or(|u| u == "years")
        {
            out[k].fig.role = FigureRole::Age;
            out[k].fig.unit = Some("years".into());
        }
    }
    out
}

/// Marks the numbers that name a model rather than count ("the 460-8",
/// "its new 460 Skyliner", "el 460", "Vantor 460"): once a text writes
/// a number as a name, its other bare mentions ("the 460 will seat 330")
/// name the same thing, and a translation, which words each mention its
/// own way, must not turn some of them into counts.
fn mark_model_numbers(doc: &Doc, out: &mut [Found]) {
    let toks = &doc.toks;
    let lex = doc.lex;
    // A bare number of three or more digits: the only kind a model gets.
    let bare = |f: &Found| {
        f.te == f.ts + 1
            && f.fig.role == FigureRole::Claim
            && f.fig.qualifier == Qualifier::Exact
            && f.fig.unit.is_none()
            && toks.get(f.ts).is_some_and(|t| {
                t.kind == Kind::Num && t.lower.len() >= 3 && plain_digits(&t.lower)
            })
    };
    let glued = |k: usize| toks.get(k).is_some_and(|t| !t.sp);
    let mut models: Vec<&str> = Vec::new();
    let mut codes: Vec<usize> = Vec::new();
    let mut signals: Vec<usize> = Vec::new();
    for (k, f) in out.iter().enumerate() {
        if !bare(f) {
            continue;
        }
        let (i, e) = (f.ts, f.te);
        let t = &toks[i];
        let same_sentence = |x: &Tok| x.sent == t.sent;
        // "460-8", "460-300ER": a variant code glued after it, which no
        // range can be (its end below its start).
        let code = toks.get(e).is_some_and(|h| h.is_p("-"))
            && glued(e)
            && glued(e + 1)
            && toks.get(e + 1).is_some_and(|c| {
                c.lower.bytes().any(|b| b.is_ascii_digit())
                    && (c.kind == Kind::Word
                        || c.lower.parse::<f64>().is_ok_and(|v| v < f.fig.value))
            });
        // "the new 460 Skyliner at": a singular name after it, where a
        // count would have its plural noun ("the 300 Marines").
        let after = toks.get(e);
        let named = i > 0
            && after.is_some_and(|n| {
                n.kind == Kind::Word
                    && n.upper
                    && !n.caps
                    && n.sp
                    && same_sentence(n)
                    && !n.lower.ends_with('s')
                    && !lex.months.contains_key(n.lower.as_str())
                    && !lex.demonyms.contains_key(n.lower.as_str())
                    && !lex.units.contains_key(n.lower.as_str())
            })
            && toks.get(e + 1).is_none_or(|x| {
                x.kind == Kind::Punct
                    || !same_sentence(x)
                    || lex.function_words.contains(x.lower.as_str())
                    || lex.cue_verbs.contains(x.lower.as_str())
            })
            && {
                // A determiner before it, maybe past one adjective ("their
                // new 460"): a verb before it would make it a count.
                let det = |x: &Tok| {
                    same_sentence(x)
                        && (lex.determiners.contains(x.lower.as_str())
                            || lex.possessives.contains(x.lower.as_str()))
                };
                let p1 = toks.get(i - 1);
                let p2 = i.checked_sub(2).and_then(|k| toks.get(k));
                p1.is_some_and(det)
                    || p1.is_some_and(|x| x.kind == Kind::Word && !x.upper) && p2.is_some_and(det)
            }
            && !title_case(doc, i);
        // "el 460": an article that names one thing.
        let article =
            i > 0 && same_sentence(&toks[i - 1]) && lex.is("singular_articles", &toks[i - 1].lower);
        if code || named || article {
            models.push(t.lower.as_str());
            signals.push(k);
        }
        if code {
            codes.push(e + 1);
        }
    }
    // "Vantor 460": a number inside a name is no figure at all, but names
    // the model as well.
    for (i, t) in toks.iter().enumerate() {
        if i == 0 || t.kind != Kind::Num || t.lower.len() < 3 || !plain_digits(&t.lower) || !t.sp {
            continue;
        }
        let p = &toks[i - 1];
        if p.kind == Kind::Word
            && p.upper
            && p.sent == t.sent
            && !is_sentence_first(doc, i - 1)
            && !title_case(doc, i)
            && name_word(doc, i - 1)
            && !lex.months.contains_key(p.lower.as_str())
            && !lex.demonyms.contains_key(p.lower.as_str())
            && !out.iter().any(|f| f.ts <= i && i < f.te)
        {
            models.push(t.lower.as_str());
        }
    }
    if models.is_empty() {
        return;
    }
    let models: BTreeSet<String> = models.into_iter().map(str::to_string).collect();
    // A unit after the number measures with it ("640 people"), whatever
    // else the text calls 640. (Any other word may be a verb: "the 640
    // flies", "de 640 heeft".)
    let counts_a_noun = |f: &Found| {
        toks.get(f.te).is_some_and(|x| {
            x.kind == Kind::Word
                && x.sent == toks[f.ts].sent
                && lex.units.contains_key(x.lower.as_str())
        })
    };
    for (k, f) in out.iter_mut().enumerate() {
        let model = bare(f)
            && models.contains(toks[f.ts].lower.as_str())
            && (signals.contains(&k) || !counts_a_noun(f));
        if model || codes.contains(&f.ts) && f.fig.role == FigureRole::Claim {
            f.fig.role = FigureRole::Identifier;
        }
    }
}

/// True when the sentence of token `i` is written in title case, as a
/// headline is, even outside a title block.
fn title_case(doc: &Doc, i: usize) -> bool {
    let Some(r) = doc.toks.get(i).and_then(|t| doc.sents.get(t.sent as usize)) else {
        return false;
    };
    let words = doc.toks[r.clone()]
        .iter()
        .filter(|t| t.kind == Kind::Word && t.lower.chars().count() > 3);
    let (mut all, mut up) = (0, 0);
    for w in words {
        all += 1;
        up += usize::from(w.upper);
    }
    all >= 3 && up * 5 >= all * 4
}

/// A hedge said once covers the figures that restate or continue it:
/// the conversion in brackets right after ("an estimated two million
/// euros ($2.6 million)"), and the percentages listed after a hedged one
/// in the same sentence ("as much as 55 percent in one place, 52 percent
/// in another").
fn inherit_qualifiers(doc: &Doc, out: &mut [Found]) {
    let toks = &doc.toks;
    for k in 1..out.len() {
        let b = &out[k];
        // The figure hedged: the one just before, or for a listed
        // percentage the nearest percentage before it.
        let mut p = k - 1;
        if b.fig.unit.as_deref() == Some("%") {
            while p > 0 && out[p].fig.unit.as_deref() != Some("%") && k - p < 3 {
                p -= 1;
            }
        }
        let a = &out[p];
        let hedged = matches!(
            a.fig.qualifier,
            Qualifier::About
                | Qualifier::MoreThan
                | Qualifier::AtLeast
                | Qualifier::LessThan
                | Qualifier::UpTo
        );
        if !hedged || b.fig.qualifier != Qualifier::Exact || b.fig.role != a.fig.role {
            continue;
        }
        // Only a bracket that holds the conversion alone restates it;
        // "(20,000 of them children)" says something else.
        // The hedged figure's unit may stand outside its span ("less
        // than 2 lbs (0.91 kg)").
        let open = if toks
            .get(a.te)
            .is_some_and(|t| a.fig.unit.is_some() && doc.lex.units.contains_key(t.lower.as_str()))
        {
            a.te + 1
        } else {
            a.te
        };
        let bracket = p + 1 == k
            && toks.get(open).is_some_and(|t| t.is_p("("))
            && b.ts == open + 1
            && toks.get(b.te).is_some_and(|t| t.is_p(")"));
        let percent = a.fig.unit.as_deref() == Some("%") && b.fig.unit.as_deref() == Some("%");
        let listed = percent
            && b.ts > a.te
            && b.ts - a.te <= 10
            && toks[a.te..b.ts].iter().all(|t| t.sent == toks[a.ts].sent)
            && toks[a.te..b.ts]
                .iter()
                .any(|t| t.is_p(",") || doc.lex.is("and", &t.lower));
        if !(bracket || listed) {
            continue;
        }
        let (q, av, al, ah) = (a.fig.qualifier, a.fig.value, a.fig.low, a.fig.high);
        let bv = b.fig.value;
        let clock = b.fig.unit.as_deref().is_some_and(|u| u.starts_with("time"));
        let f = &mut out[k].fig;
        f.qualifier = q;
        if clock {
            f.low = bv - (av - al);
            f.high = ah.map(|h| bv + (h - av));
        } else if av != 0.0 {
            f.low = bv * al / av;
            f.high = ah.map(|h| bv * h / av);
        }
    }
}

fn sentence_len(doc: &Doc, i: usize) -> usize {
    doc.toks
        .get(i)
        .and_then(|t| doc.sents.get(t.sent as usize))
        .map_or(0, |r| r.len())
}

/// True when a furniture word ("updated", "©") stands before token `i`
/// in its sentence, and the sentence is a short line of its own (or the
/// word is a copyright mark, which is furniture anywhere).
fn furniture_line(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    let Some(r) = doc.sents.get(t.sent as usize) else {
        return false;
    };
    let before = doc.toks.get(r.start..i).unwrap_or(&[]);
    if r.len() > 10 {
        // Only a copyright mark makes furniture of a long line; a plain
        // comparison keeps this off the hot path of long sentences.
        return before
            .iter()
            .any(|x| matches!(x.lower.as_str(), "©" | "copyright"));
    }
    let Some(words) = doc.lex.misc("furniture_before") else {
        return false;
    };
    before.iter().any(|x| words.contains(x.lower.as_str()))
}

/// True when the line of token `i` reads as a dateline or byline rather
/// than prose: short, and without a lower-case content word ("By Ana
/// Ruiz | 12:45 PM EST, Wed March 26", "27/03/2025 - 18h00 GMT").
fn dateline(doc: &Doc, i: usize) -> bool {
    let lex = doc.lex;
    let Some(r) = doc.toks.get(i).and_then(|t| doc.sents.get(t.sent as usize)) else {
        return false;
    };
    r.len() <= 16
        && !doc.toks[r.clone()].iter().any(|t| {
            t.kind == Kind::Word
                && !t.upper
                && t.lower.chars().count() >= 4
                && !lex.function_words.contains(t.lower.as_str())
                && !lex.months.contains_key(t.lower.as_str())
                && !lex.weekdays.contains_key(t.lower.as_str())
                && !lex.clock_words.contains_key(t.lower.as_str())
                && !lex.is("clock_hours", &t.lower)
        })
}

/// "am", "a.m.", "a. m.", "P.M.", "de la tarde" at `j`: afternoon or not,
/// and the end token.
fn meridiem_at(doc: &Doc, j: usize) -> Option<(bool, usize)> {
    let toks = &doc.toks;
    let mut acc = String::new();
    let mut k = j;
    while let Some(x) = toks.get(k) {
        if k >= j + 4 || x.nl {
            break;
        }
        if x.is_p(".") {
            if acc.is_empty() || x.sp {
                break;
            }
            k += 1;
            if acc.len() == 2 {
                break;
            }
            continue;
        }
        if x.kind != Kind::Word || (k > j && acc.is_empty()) {
            break;
        }
        let w: String = x.lower.chars().filter(|c| *c != '.').collect();
        if w.is_empty()
            || !w.chars().all(|c| matches!(c, 'a' | 'p' | 'm'))
            || acc.len() + w.len() > 2
        {
            break;
        }
        acc.push_str(&w);
        k += 1;
        if acc.len() == 2 && !toks.get(k).is_some_and(|n| n.is_p(".") && !n.sp) {
            break;
        }
    }
    match acc.as_str() {
        "am" => Some((false, k)),
        "pm" => Some((true, k)),
        _ => doc
            .lex
            .meridiem
            .longest_at(toks, j)
            .map(|(len, pm)| (pm, j + len)),
    }
}

/// A time zone after a clock time at `j`, bracketed or not ("GMT",
/// "(IST)", "local time", "Greek time"): the unit suffix and end token.
fn zone_at(doc: &Doc, j: usize) -> Option<(String, usize)> {
    let toks = &doc.toks;
    let lex = doc.lex;
    let paren = toks.get(j).is_some_and(|t| t.is_p("("));
    let k = if paren { j + 1 } else { j };
    let x = toks.get(k)?;
    let orig = doc.text.get(x.s..x.e)?;
    let tw = lex.lang.figure.zone_time_word;
    let (zone, end) = if ZONES.contains(&orig) {
        (orig.to_string(), k + 1)
    } else if let Some((len, ())) = lex
        .figure_phrases
        .get("universal_time")
        .and_then(|p| p.longest_at(toks, k))
    {
        // "Coordinated Universal Time (UTC)": the bracketed code repeats it.
        let end = k + len;
        let coded = toks.get(end).is_some_and(|t| t.is_p("("))
            && toks
                .get(end + 1)
                .and_then(|t| doc.text.get(t.s..t.e))
                .is_some_and(|c| ZONES.contains(&c))
            && toks.get(end + 2).is_some_and(|t| t.is_p(")"));
        ("UTC".to_string(), if coded { end + 3 } else { end })
    } else if let Some((len, ())) = lex
        .figure_phrases
        .get("local_time")
        .and_then(|p| p.longest_at(toks, k))
    {
        ("local".to_string(), k + len)
    } else if x.upper
        && lex.demonyms.contains_key(x.lower.as_str())
        && toks.get(k + 1).is_some_and(|y| y.lower == tw)
    {
        // "Greek time"
        ("local".to_string(), k + 2)
    } else if x.lower == tw
        && toks
            .get(k + 1)
            .is_some_and(|y| lex.demonyms.contains_key(y.lower.as_str()))
    {
        // "hora peruana"
        ("local".to_string(), k + 2)
    } else {
        return None;
    };
    if paren {
        return toks
            .get(end)
            .filter(|t| t.is_p(")"))
            .map(|_| (zone, end + 1));
    }
    Some((zone, end))
}

/// A clock time at `i`, or a span of two ("between 14:10 and 14:45 UTC",
/// "from 9 a.m. to 11 a.m."): a range, whose zone is the one written
/// after either end.
fn time_span_at(doc: &Doc, i: usize, used: &[Used]) -> Option<Found> {
    let first = time_at(doc, i, used)?;
    let toks = &doc.toks;
    let lex = doc.lex;
    let (Some(link), Some(t)) = (toks.get(first.te), toks.get(i)) else {
        return Some(first);
    };
    let opened = first.ts > 0 && lex.is("between", &toks[first.ts - 1].lower);
    let linked = link.sent == t.sent
        && lex.is("range", &link.lower)
        && !matches!(link.lower.as_str(), "or" | "o")
        && (opened || !lex.is("and", &link.lower));
    if !linked || first.fig.qualifier != Qualifier::Exact {
        return Some(first);
    }
    let Some(second) = time_at(doc, first.te + 1, used) else {
        return Some(first);
    };
    let zone = |f: &Found| f.fig.unit.clone().filter(|u| u != "time_of_day");
    let unit = match (zone(&first), zone(&second)) {
        (Some(a), Some(b)) if a != b => return Some(first),
        (a, b) => a.or(b).or_else(|| first.fig.unit.clone()),
    };
    if second.fig.qualifier != Qualifier::Exact || second.fig.value <= first.fig.value {
        return Some(first);
    }
    let mut fig = first.fig;
    fig.high = Some(second.fig.value);
    fig.qualifier = Qualifier::Range;
    fig.unit = unit;
    Some(Found {
        ts: if opened { first.ts - 1 } else { first.ts },
        te: second.te,
        fig,
    })
}

/// A clock time at `i`, as minutes since midnight with the unit
/// `time_of_day` (`time_of_day_GMT`, `time_of_day_local`... when a zone
/// is written): "11 a.m.", "10 : 30 a. m.", "4.30am", "1100 hours",
/// "1023 GMT", "14:00 Greek time", "noon", "18h00". A number reads as a
/// time only with proof (a colon, a meridiem, an hours word or a zone),
/// so a time never becomes a count and a count never becomes a time.
fn time_at(doc: &Doc, i: usize, used: &[Used]) -> Option<Found> {
    let toks = &doc.toks;
    let lex = doc.lex;
    let t = toks.get(i)?;
    if used.get(i).copied().unwrap_or(Used::No) == Used::Date {
        return None;
    }
    let (mut h, mm, mut j, mut proof, military, dotted) = if t.kind == Kind::Word {
        let m = *lex.clock_words.get(t.lower.as_str())?;
        (
            (m / 60.0) as u32,
            (m % 60.0) as u32,
            i + 1,
            true,
            false,
            false,
        )
    } else if t.kind == Kind::Num {
        let s = t.lower.as_str();
        let plain = plain_digits(s);
        let colon = toks.get(i + 1).filter(|c| c.is_p(":"));
        let after = toks.get(i + 2);
        if let (true, Some(c), Some(m)) = (plain && s.len() <= 2, colon, after) {
            if m.kind != Kind::Num || m.lower.len() != 2 || !plain_digits(&m.lower) || c.sp != m.sp
            {
                return None;
            }
            (
                s.parse().ok()?,
                m.lower.parse().ok()?,
                i + 3,
                true,
                false,
                false,
            )
        } else if let Some((a, b)) = s
            .split_once('.')
            .filter(|(a, b)| b.len() == 2 && a.len() <= 2 && plain_digits(a) && plain_digits(b))
        {
            (a.parse().ok()?, b.parse().ok()?, i + 1, false, false, true)
        } else if plain && s.len() <= 2 {
            // "18h00"
            let hm = toks.get(i + 1).filter(|x| {
                !x.sp
                    && x.kind == Kind::Word
                    && x.lower.len() == 3
                    && x.lower.starts_with('h')
                    && plain_digits(&x.lower[1..])
            });
            match hm {
                Some(x) => (
                    s.parse().ok()?,
                    x.lower[1..].parse().ok()?,
                    i + 2,
                    true,
                    false,
                    false,
                ),
                None => (s.parse().ok()?, 0, i + 1, false, false, false),
            }
        } else if plain && s.len() == 4 {
            (
                s[..2].parse().ok()?,
                s[2..].parse().ok()?,
                i + 1,
                false,
                true,
                false,
            )
        } else {
            return None;
        }
    } else {
        return None;
    };
    if h > 24 || mm >= 60 {
        return None;
    }
    if let Some((pm, e)) = meridiem_at(doc, j) {
        if h == 0 || h > 12 || military {
            return None;
        }
        h = h % 12 + if pm { 12 } else { 0 };
        j = e;
        proof = true;
    }
    if (military || dotted || proof && t.kind == Kind::Num)
        && toks
            .get(j)
            .is_some_and(|x| lex.is("clock_hours", &x.lower) && x.sent == t.sent)
    {
        j += 1;
        proof = true;
    }
    let mut zone = None;
    if let Some((z, e)) = zone_at(doc, j) {
        if t.kind == Kind::Num && !proof && !military {
            // "10 GMT" alone is too thin.
            return None;
        }
        zone = Some(z);
        j = e;
        proof = true;
    }
    // "a las 10.30", "at 10.30", "desde las 9": the clock's own
    // preposition or article, unless a noun follows ("las 10 víctimas").
    if !proof && !military && t.kind == Kind::Num {
        let before = i
            .checked_sub(1)
            .is_some_and(|k| lex.is("clock_before", &toks[k].lower));
        let bare_ok = lex.lang.figure.clock_before_bare;
        let next_ok = toks.get(j).is_none_or(|x| {
            x.kind == Kind::Punct || x.sent != t.sent || lex.is("clock_after_ok", &x.lower)
        });
        if before && next_ok && (dotted || bare_ok) {
            proof = true;
        }
    }
    // "struck at 1353 (1023 GMT)": a bare four-digit time followed by
    // its equivalent in a named zone is the local time.
    if !proof && military && i > 0 {
        let bracket = toks.get(j).is_some_and(|x| x.is_p("("))
            && toks.get(j + 1).is_some_and(|x| {
                x.kind == Kind::Num && x.lower.len() == 4 && plain_digits(&x.lower)
            })
            && zone_at(doc, j + 2).is_some();
        if bracket {
            proof = true;
            zone = Some("local".into());
        }
    }
    if !proof {
        return None;
    }
    let minutes = f64::from(h * 60 + mm);
    let sent = t.sent;
    let mut start = i;
    let mut qualifier = Qualifier::Exact;
    if let Some((k, q)) = phrase_before(doc, i, sent, &lex.time_qualifiers)
        .or_else(|| phrase_before(doc, i, sent, &lex.qualifiers))
    {
        qualifier = q;
        start = k;
    }
    let (low, high) = match qualifier {
        Qualifier::About => ((minutes - 30.0).max(0.0), Some(minutes + 30.0)),
        Qualifier::MoreThan | Qualifier::AtLeast => (minutes, Some(minutes + 120.0)),
        Qualifier::LessThan | Qualifier::UpTo => ((minutes - 120.0).max(0.0), Some(minutes)),
        _ => (minutes, Some(minutes)),
    };
    let role = if furniture_line(doc, i) || dateline(doc, i) {
        FigureRole::Furniture
    } else {
        FigureRole::Claim
    };
    Some(Found {
        ts: start,
        te: j,
        fig: Figure {
            value: minutes,
            low,
            high,
            unit: Some(match zone {
                Some(z) => format!("time_of_day_{z}"),
                None => "time_of_day".into(),
            }),
            qualifier,
            counts: None,
            attributed_to: None,
            role,
        },
    })
}

fn exact(ts: usize, te: usize, value: f64, unit: Option<&str>, counts: Option<String>) -> Found {
    Found {
        ts,
        te,
        fig: Figure {
            value,
            low: value,
            high: Some(value),
            unit: unit.map(str::to_string),
            qualifier: Qualifier::Exact,
            counts,
            attributed_to: None,
            role: FigureRole::Claim,
        },
    }
}

/// True for the amount of a relative date ("four months ago", "hace dos
/// años"): the date keeps its span, and the amount is also a duration
/// reports can disagree on.
fn ago_amount(doc: &Doc, i: usize, ctx: &Ctx) -> bool {
    let toks = &doc.toks;
    let lex = doc.lex;
    let Some(t) = toks.get(i) else {
        return false;
    };
    let end = if t.kind == Kind::Num {
        digits(doc, i, ctx).map(|x| x.1)
    } else if lex.number_words.contains_key(t.lower.as_str()) {
        words_number(doc, i).map(|x| x.1)
    } else {
        None
    };
    let Some(e) = end else {
        return false;
    };
    let time_unit = toks
        .get(e)
        .and_then(|x| lex.units.get(x.lower.as_str()))
        .is_some_and(|u| {
            matches!(
                *u,
                "days" | "weeks" | "months" | "years" | "hours" | "minutes" | "decades"
            )
        });
    time_unit
        && (toks
            .get(e + 1)
            .is_some_and(|x| lex.is("ago_after", &x.lower))
            || i > 0 && lex.is("ago_before", &toks[i - 1].lower))
}

/// A harm verb ("killed", "herido") within `within` tokens from `from`,
/// in the same clause.
fn harm_within(doc: &Doc, from: usize, within: usize) -> Option<usize> {
    let toks = &doc.toks;
    let sent = toks.get(from.checked_sub(1)?)?.sent;
    (from..(from + within).min(toks.len()))
        .take_while(|&k| toks[k].sent == sent && toks[k].kind == Kind::Word)
        .find(|&k| doc.lex.is("harm_verbs", &toks[k].lower))
}

/// Counts written without digits that the number reader does not see:
/// zero ("no one was killed", "no casualties"), one ("a lone gunman"),
/// two ("wounding both", "both cables"), repetitions ("twice"), levels
/// ("the second floor") and conventional approximations ("a couple of").
fn special_at(doc: &Doc, i: usize, used: &[Used]) -> Option<Found> {
    let toks = &doc.toks;
    let lex = doc.lex;
    let t = toks.get(i)?;
    if t.kind != Kind::Word || !lex.special_start.contains(t.lower.as_str()) {
        return None;
    }
    if used.get(i).copied().unwrap_or(Used::No) == Used::Date {
        return None;
    }
    let w = t.lower.as_str();
    let phrases = |name: &str, at: usize| {
        lex.figure_phrases
            .get(name)
            .and_then(|p| p.longest_at(toks, at))
            .map(|(len, ())| len)
    };
    let prev = i
        .checked_sub(1)
        .map(|k| toks[k].lower.as_str())
        .unwrap_or("");
    let next = toks.get(i + 1);
    // "no one was killed": zero people, only with the harm verb.
    if let Some(len) = phrases("nobody", i) {
        let e = i + len;
        return harm_within(doc, e, 5).map(|_| exact(i, e, 0.0, None, Some("people".into())));
    }
    // "no casualties", "no reported injuries", "no children or staff were
    // injured".
    if lex.is("no", w) {
        let noun = |k: usize| {
            toks.get(k)
                .is_some_and(|x| x.sent == t.sent && lex.is("harm_nouns", &x.lower))
        };
        let word = |k: usize| {
            toks.get(k)
                .is_some_and(|x| x.sent == t.sent && x.kind == Kind::Word && !x.upper)
        };
        for k in [i + 1, i + 2] {
            if noun(k) && (k == i + 1 || word(i + 1)) {
                let c = toks[k].lower.clone();
                return Some(exact(i, k + 1, 0.0, None, Some(c)));
            }
        }
        // A short noun phrase, then a passive harm: "were injured".
        let mut k = i + 1;
        while k < i + 5 && word(k) && !lex.is("harm_verbs", &toks[k].lower) {
            k += 1;
        }
        if k > i + 2
            && lex.is("harm_verbs", word_at(doc, k))
            && lex.is("passive_aux", word_at(doc, k - 1))
        {
            let c = doc
                .text
                .get(toks[i + 1].s..toks[k - 2].e)
                .map(str::to_string);
            return Some(exact(i, k - 1, 0.0, None, c));
        }
        return None;
    }
    // "a lone robber", "un solo disparo"; never "not a single".
    if let Some(len) = phrases("one", i) {
        if matches!(prev, "not" | "no" | "ni") {
            return None;
        }
        let e = i + len;
        let c = counted(doc, e)?;
        return Some(exact(i, e, 1.0, None, Some(c)));
    }
    // "wounding both". Before a noun ("both countries") it points back at
    // a pair already named rather than reporting a count.
    if lex.is("both", w) {
        let harm_before = lex.is("harm_verbs", prev)
            && next.is_none_or(|x| {
                x.kind == Kind::Punct || x.sent != t.sent || lex.is("and", &x.lower)
            });
        if harm_before {
            return Some(exact(i, i + 1, 2.0, None, None));
        }
        return None;
    }
    // "life in prison", "cadena perpetua", "sentenced to life": one life
    // term, its unit saying what it is; "up to life" keeps its hedge.
    let life = phrases("life", i).or_else(|| {
        let w_ok = !lex.lang.figure.life_word.is_empty() && w == lex.lang.figure.life_word;
        let after_to = i >= 2 && prev == "to" && lex.is("life_verbs", &toks[i - 2].lower);
        (w_ok && after_to).then_some(1)
    });
    // "his life behind bars" is a life lived, not a term; in "one life
    // sentence" and "five-years-to-life terms" the term is what the number
    // before it counts, and that number is the figure.
    let bound = i.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|p| {
        p.sent == t.sent
            && (lex.possessives.contains(p.lower.as_str())
                || p.is_p("-")
                || p.kind == Kind::Num
                || words_number(doc, i - 1).is_some_and(|(_, e)| e == i))
    });
    if let Some(len) = life.filter(|_| !bound) {
        let e = i + len;
        let (start, qualifier) = match qualifier_before(doc, i) {
            Some((k, q @ (Qualifier::UpTo | Qualifier::LessThan))) => (k, q),
            _ => (i, Qualifier::Exact),
        };
        return Some(Found {
            ts: start,
            te: e,
            fig: Figure {
                value: 1.0,
                low: 1.0,
                high: Some(1.0),
                unit: Some("life".into()),
                qualifier,
                counts: None,
                attributed_to: None,
                role: FigureRole::Claim,
            },
        });
    }
    // "twice", but not "twice as many".
    if let Some(&v) = lex.times_words.get(w) {
        if next.is_some_and(|x| lex.is("comparison_after", &x.lower)) {
            return None;
        }
        return Some(exact(i, i + 1, v, Some("times"), None));
    }
    // "the second floor", "the second - floor office", "el tercer piso".
    if let Some(&v) = lex.ordinals.get(w) {
        let k = if next.is_some_and(|x| x.is_p("-")) {
            i + 2
        } else {
            i + 1
        };
        if lex.is("level_nouns", word_at(doc, k)) {
            return Some(exact(i, k + 1, v, Some("floor"), Some("floor".into())));
        }
        return series_at(doc, i, v);
    }
    // "a couple of", "a dozen": a number by convention only approximate.
    if let Some((len, (v, lo, hi))) = lex.approx.longest_at(toks, i) {
        let e = i + len;
        let mut start = i;
        let mut qualifier = Qualifier::About;
        let (mut low, mut high) = (lo, Some(hi));
        if let Some((k, q)) = qualifier_before(doc, i) {
            start = k;
            qualifier = q;
            (low, high) = match q {
                Qualifier::MoreThan | Qualifier::AtLeast => (v, None),
                Qualifier::LessThan | Qualifier::UpTo => (0.0, Some(v)),
                _ => (lo, Some(hi)),
            };
        }
        let unit = toks
            .get(e)
            .and_then(|x| lex.units.get(x.lower.as_str()))
            .copied();
        let te = if unit.is_some() { e + 1 } else { e };
        return Some(Found {
            ts: start,
            te,
            fig: Figure {
                value: v,
                low,
                high,
                unit: unit.map(str::to_string),
                qualifier,
                counts: counted(doc, e),
                attributed_to: None,
                role: FigureRole::Claim,
            },
        });
    }
    None
}

/// An ordinal that numbers a happening in a series ("for the fourth time",
/// "its second complaint", "a third successive strike") says how many there
/// have been so far: a count outlets can disagree on. "First" only says
/// nothing came before; "a second" alone means "another" ("a second car");
/// a demonstrative ("this second attack") points back at one already told.
fn series_at(doc: &Doc, i: usize, v: f64) -> Option<Found> {
    let toks = &doc.toks;
    let lex = doc.lex;
    let t = toks.get(i)?;
    if v < 2.0 {
        return None;
    }
    let det = toks.get(i.checked_sub(1)?).filter(|p| p.sent == t.sent)?;
    let indefinite = lex.is("indefinite", &det.lower);
    if !indefinite && !lex.is("series_determiners", &det.lower) {
        return None;
    }
    // The noun, after at most three modifiers ("second large-scale
    // Internet outage").
    let mut modified = false;
    let mut words = 0;
    let mut k = i + 1;
    loop {
        let x = toks.get(k).filter(|x| x.sent == t.sent)?;
        if x.kind == Kind::Word && lex.is("series_nouns", &x.lower) {
            break;
        }
        if x.kind == Kind::Punct && !x.is_p("-") {
            return None;
        }
        if x.kind != Kind::Punct {
            words += 1;
            modified |= lex.is("series_modifiers", &x.lower);
        }
        if words > 3 {
            return None;
        }
        k += 1;
    }
    if indefinite && v == 2.0 && !modified {
        return None;
    }
    let noun = toks[k].lower.clone();
    Some(exact(i, k + 1, v, None, Some(noun)))
}

/// "sentences ranging from six to 75 years": a range over several
/// sentences states the lightest and the heaviest, two exact figures each
/// report may give on its own, not one uncertain value.
fn split_spreads(doc: &Doc, out: &mut Vec<Found>) {
    let toks = &doc.toks;
    let lex = doc.lex;
    let mut k = 0;
    while k < out.len() {
        let f = &out[k];
        let high = f.fig.high.filter(|_| f.fig.qualifier == Qualifier::Range);
        let sent = toks.get(f.ts).map(|t| t.sent);
        let spread = (f.ts.saturating_sub(3)..f.ts).any(|j| {
            toks.get(j)
                .is_some_and(|t| Some(t.sent) == sent && lex.is("spread_nouns", &t.lower))
        });
        // The word that joins the two ends ("and", "to", a dash).
        let join = (f.ts + 1..f.te).find(|&j| {
            toks.get(j)
                .is_some_and(|t| lex.is("range", &t.lower) || lex.is("and", &t.lower))
        });
        let (Some(high), true, Some(j)) = (high, spread, join) else {
            k += 1;
            continue;
        };
        if j + 1 >= f.te {
            k += 1;
            continue;
        }
        let end = |ts: usize, te: usize, value: f64| {
            let mut e = exact(ts, te, value, None, None);
            e.fig.unit.clone_from(&f.fig.unit);
            e.fig.counts.clone_from(&f.fig.counts);
            e.fig.attributed_to.clone_from(&f.fig.attributed_to);
            e.fig.role = f.fig.role;
            e
        };
        let pair = [end(f.ts, j, f.fig.value), end(j + 1, f.te, high)];
        out.splice(k..=k, pair);
        k += 2;
    }
}

/// "6 foot, 1 inch", "5 feet 4 inches", "a 5-foot-10 man": one length in
/// inches, as heights are given, not a length and a stray number.
fn join_feet_and_inches(doc: &Doc, out: &mut Vec<Found>) {
    let whole = |f: &Found| {
        f.fig.qualifier == Qualifier::Exact && f.fig.value.fract() == 0.0 && f.fig.value >= 0.0
    };
    let mut k = 1;
    while k < out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let gap: Vec<&str> = doc
            .toks
            .get(a.te..b.ts)
            .unwrap_or(&[])
            .iter()
            .map(|t| t.lower.as_str())
            .collect();
        let same_sentence =
            doc.toks.get(a.ts).map(|t| t.sent) == doc.toks.get(b.ts).map(|t| t.sent);
        let feet = a.fig.unit.as_deref() == Some("ft") && whole(a);
        let inches = whole(b)
            && b.fig.value < 12.0
            && match b.fig.unit.as_deref() {
                Some("in") => {
                    gap.is_empty() || gap == [","] || doc.lex.is("and", gap[0]) && gap.len() == 1
                }
                None => gap == ["-"],
                _ => false,
            };
        if feet && inches && same_sentence {
            let value = a.fig.value * 12.0 + b.fig.value;
            let mut fig = a.fig.clone();
            fig.value = value;
            fig.low = value;
            fig.high = Some(value);
            fig.unit = Some("in".into());
            fig.counts = b.fig.counts.clone();
            let merged = Found {
                ts: a.ts,
                te: b.te,
                fig,
            };
            out[k - 1] = merged;
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// The number at `k` as the high end of a range: digits, a glued
/// currency, or number words, with their multipliers.
fn range_end(doc: &Doc, k: usize, money: bool, ctx: &Ctx) -> Option<(f64, usize)> {
    let toks = &doc.toks;
    let y = toks.get(k)?;
    let (v, e) = if y.kind == Kind::Num {
        digits(doc, k, ctx)?
    } else if let Some((_, v, e)) = prefixed_money(doc, k, ctx) {
        return Some((v, e));
    } else if y.kind == Kind::Word && doc.lex.number_words.contains_key(y.lower.as_str()) {
        words_number(doc, k)?
    } else {
        return None;
    };
    let (m, e2) = multiplier_after(doc, e, money);
    Some((v * m, e2))
}

fn at(doc: &Doc, i: usize, used: &[Used], ctx: &Ctx) -> Option<Found> {
    let toks = &doc.toks;
    let lex = doc.lex;
    let t = &toks[i];
    if t.kind == Kind::Punct {
        return None;
    }
    let glued_money = t.kind == Kind::Word && t.lower.bytes().any(|b| b.is_ascii_digit());
    if t.kind == Kind::Word && !glued_money && !lex.figure_start.contains(t.lower.as_str()) {
        return None;
    }
    if used.get(i).copied().unwrap_or(Used::No) == Used::Date && !ago_amount(doc, i, ctx) {
        return None;
    }
    let mut qualifier = Qualifier::Exact;
    let mut low_high: Option<(f64, Option<f64>)> = None;
    let value;
    let mut j; // end of the number itself
    let mut vague = false;
    let mut unit: Option<String> = None;
    let mut role = FigureRole::Claim;
    if glued_money {
        let (code, v, e) = prefixed_money(doc, i, ctx)?;
        unit = Some(code.to_string());
        value = v;
        j = e;
    } else if t.kind == Kind::Num {
        let nx = toks.get(i + 1);
        // "the 3rd floor" is a position worth comparing; other ordinals
        // ("15th", "5th Fleet") rank rather than count.
        if nx.is_some_and(|x| !x.sp && lex.is("ordinal_suffixes", &x.lower)) {
            let k = if toks.get(i + 2).is_some_and(|x| x.is_p("-")) {
                i + 3
            } else {
                i + 2
            };
            if plain_digits(&t.lower) && lex.is("level_nouns", word_at(doc, k)) {
                let v = t.lower.parse::<f64>().ok()?;
                return Some(exact(i, k + 1, v, Some("floor"), Some("floor".into())));
            }
            return None;
        }
        // Times, codes: not figures.
        if nx.is_some_and(|x| {
            !x.sp && (x.is_p(":") || matches!(x.lower.as_str(), "º" | "ª" | "s" | "h"))
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
            ) || x.is_p(":")
        }) {
            return None;
        }
        if t.lower.len() > 12 {
            return None;
        }
        // "Barrio 18", "Chapter 11", "Apollo 13": a number inside a name.
        // In a headline every word is capitalized, so there the word must
        // also be capitalized mid-sentence in the body ("Iran Quake Kills
        // 10" is a count).
        if i > 0 {
            let p = &toks[i - 1];
            let plain = plain_digits(&t.lower) && t.lower.len() <= 3;
            let initial = toks[i - 1].sent != t.sent || is_sentence_first(doc, i - 1);
            let in_head = doc.head.get(i).copied().unwrap_or(false);
            if plain
                && p.kind == Kind::Word
                && p.upper
                && !initial
                && t.sp
                && (!in_head || doc.seen_upper_mid(&p.lower))
                && name_word(doc, i - 1)
                && !lex.months.contains_key(p.lower.as_str())
                && !lex.demonyms.contains_key(p.lower.as_str())
                && doc.country_at(i - 1).is_none()
                && !title_case(doc, i)
            {
                return None;
            }
        }
        // "[3]": a footnote mark.
        if i > 0 && toks[i - 1].is_p("[") && !t.sp && nx.is_some_and(|x| x.is_p("]") && !x.sp) {
            let mut f = exact(i, i + 1, parse_digits(&t.lower, lex.lang.code)?, None, None);
            f.fig.role = FigureRole::Identifier;
            return Some(f);
        }
        // "26 mar (EFE)", "26 March": the day of a date the date reader
        // left alone.
        if nx.is_some_and(|x| {
            x.kind == Kind::Word
                && (lex.months.contains_key(x.lower.as_str())
                    || lex.is("month_abbreviations", x.lower.trim_end_matches('.')))
                && (x.upper
                    || toks
                        .get(i + 2)
                        .is_none_or(|y| y.kind == Kind::Punct || y.sent != t.sent))
        }) && plain_digits(&t.lower)
            && t.lower.len() <= 2
        {
            return None;
        }
        // "27/03/2025", "3/4": a date or a ratio, not a count.
        if nx.is_some_and(|x| x.is_p("/") && !x.sp)
            && toks
                .get(i + 2)
                .is_some_and(|y| y.kind == Kind::Num && !y.sp)
        {
            return None;
        }
        // "4x4", "four-by-four": a kind of car, not a count.
        if nx.is_some_and(|x| !x.sp && x.lower.starts_with('x') && plain_digits(&x.lower[1..])) {
            let mut f = exact(i, i + 2, parse_digits(&t.lower, lex.lang.code)?, None, None);
            f.fig.role = FigureRole::Identifier;
            return Some(f);
        }
        // "2–1": a score or a vote tally names an outcome, it counts
        // nothing that another report could contradict.
        if let (Some(h), Some(b)) = (nx, toks.get(i + 2)) {
            // Spaced alike on both sides ("20 - 13", as tokenised text
            // writes it) is a score too: a range runs upwards.
            if (h.is_p("-") || h.is_p("–"))
                && h.sp == b.sp
                && b.kind == Kind::Num
                && plain_digits(&t.lower)
                && plain_digits(&b.lower)
            {
                let (x, y) = (
                    t.lower.parse::<f64>().unwrap_or(0.0),
                    b.lower.parse::<f64>().unwrap_or(0.0),
                );
                if x >= y && x <= 30.0 {
                    let mut f = exact(i, i + 3, x, None, None);
                    f.fig.role = FigureRole::Identifier;
                    return Some(f);
                }
            }
        }
        let (mut v, e) = digits(doc, i, ctx)?;
        let money_before = i > 0 && currency_symbol(&toks[i - 1].lower).is_some();
        let (m, e) = multiplier_after(doc, e, money_before);
        v *= m;
        j = e;
        // 8479.7 * 1e6 is not exactly 8479700000 in binary; round away
        // the noise the multiplication adds.
        if v.abs() >= 1000.0 {
            v = (v * 1000.0).round() / 1000.0;
        }
        value = v;
        // A number with a leading zero names (a plate, a code); it counts
        // nothing.
        if t.lower.len() >= 2 && t.lower.starts_with('0') && plain_digits(&t.lower) {
            role = FigureRole::Identifier;
        }
    } else if let Some((len, (lo, hi))) = lex.vague.longest_at(toks, i) {
        if t.kind != Kind::Word {
            return None;
        }
        // A bare "several" at the end of a clause counts nothing written.
        if toks
            .get(i + len)
            .is_none_or(|x| x.kind == Kind::Punct || x.sent != t.sent)
        {
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
            && (matches!(prev_w, "for" | "within" | "durante" | "por")
                || qualifier_before(doc, i).is_some())
            && unit_next.is_some_and(|u| {
                matches!(
                    *u,
                    "days" | "weeks" | "months" | "years" | "hours" | "minutes" | "decades"
                )
            });
        // "Top Ten", "Ocean's Eleven": a capitalized number word after a
        // capitalized word mid-sentence is part of a name.
        if t.upper && !t.caps && i > 0 && !title_case(doc, i) {
            let p = &toks[i - 1];
            if p.kind == Kind::Word
                && p.upper
                && p.sent == t.sent
                && !is_sentence_first(doc, i - 1)
                && !lex.months.contains_key(p.lower.as_str())
            {
                return None;
            }
        }
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
            // "one day after the raid" is a duration; "one day he left" is not.
            let span_of_time =
                lex.units.contains_key(nx) && lex.is("relative_after", word_at(doc, e + 1));
            if !span_of_time && lex.is("one_pronoun_after", nx)
                || lex.is("one_pronoun_before", prev)
            {
                return None;
            }
            // "killing one" counts; a clause-final "one" elsewhere is a
            // pronoun. "a one-day ration" counts days.
            let compound = toks.get(e).is_some_and(|x| x.is_p("-"))
                && lex.units.contains_key(word_at(doc, e + 1));
            let at_end =
                nx.is_empty() || toks.get(e).is_some_and(|x| x.kind == Kind::Punct) && !compound;
            if at_end && !lex.is("harm_verbs", prev) {
                return None;
            }
        }
        // "four-by-four": a kind of car.
        if word_at(doc, e) == "-"
            && word_at(doc, e + 1) == "by"
            && word_at(doc, e + 2) == "-"
            && lex.number_words.contains_key(word_at(doc, e + 3))
        {
            let mut f = exact(i, e + 4, v, None, None);
            f.fig.role = FigureRole::Identifier;
            return Some(f);
        }
        // English "a" is handled as an indefinite; Spanish "un"/"una" only
        // count before a multiplier (handled in words_number).
        if (w == "un" || w == "una") && e == i + 1 && !duration {
            return None;
        }
        let (m, e) = multiplier_after(doc, e, false);
        value = v * m;
        j = e;
    } else {
        return None;
    }
    let mut start = i;
    let mut qual_start = None;
    // Qualifier before.
    if !vague {
        if let Some((k, q)) = qualifier_before(doc, i) {
            qualifier = q;
            start = k;
            qual_start = Some(k);
        }
    }
    // Currency symbol or code before ("$6 million", "US$ 5", "EUR 5").
    if i > 0 && unit.is_none() {
        let p = &toks[i - 1];
        let code = currency_symbol(&p.lower).or_else(|| {
            doc.text
                .get(p.s..p.e)
                .and_then(|o| ISO_BEFORE.iter().find(|c| **c == o).copied())
        });
        if let Some(c) = code {
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
                    qual_start = Some(k);
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
    // Ranges: "between 10 and 20", "10 to 20", "10-20", "two or three",
    // "a 24- to 30-foot dhow", "40 percent to 70 percent".
    let mut high = None;
    if !vague {
        let mut k = j;
        // The unit after the first number, when the range word follows it
        // ("40 percent to 70 percent").
        let mut unit_between: Option<&str> = None;
        let hang = toks.get(k).is_some_and(|x| x.is_p("-"))
            && toks
                .get(k + 1)
                .is_some_and(|y| y.kind == Kind::Word && lex.is("range", &y.lower));
        if hang {
            k += 1;
        } else {
            let words: Vec<&str> = toks[k.min(toks.len())..(k + 3).min(toks.len())]
                .iter()
                .map(|t| t.lower.as_str())
                .collect();
            let ulen = lex.percent.longest(&words).map(|(l, ())| l).or_else(|| {
                toks.get(k)
                    .and_then(|x| lex.units.get(x.lower.as_str()))
                    .map(|_| 1)
            });
            if let Some(l) = ulen {
                let after = toks.get(k + l);
                if after.is_some_and(|y| {
                    y.kind == Kind::Word && lex.is("range", &y.lower) && !lex.is("and", &y.lower)
                }) && toks.get(k + l + 1).is_some_and(|y| y.kind == Kind::Num)
                {
                    unit_between = toks
                        .get(k)
                        .and_then(|x| lex.units.get(x.lower.as_str()).copied());
                    k += l;
                }
            }
        }
        if let Some(x) = toks.get(k) {
            let rw = lex.is("range", &x.lower) && x.kind == Kind::Word;
            let opener = if start > 0 && lex.is("between", word_at(doc, start - 1)) {
                Some(word_at(doc, start - 1))
            } else if start == i && i > 0 && lex.is("between", &toks[i - 1].lower) {
                Some(toks[i - 1].lower.as_str())
            } else {
                None
            };
            let between = opener.is_some();
            // "and" closes "between 10 and 20", not "from 10 and 20".
            let and_closes = opener.is_some_and(|w| !lex.is("from", w));
            let or_word = matches!(x.lower.as_str(), "or" | "o");
            let and_word = lex.is("and", &x.lower);
            let dash = x.is_p("-") || x.is_p("–");
            let hyphen = dash && (!x.sp || ctx.tokenised && toks.get(k + 1).is_some_and(|y| y.sp));
            if or_word || hyphen || rw && !and_word || and_word && and_closes {
                let mut k2 = k + 1;
                if unit.is_some()
                    && toks
                        .get(k2)
                        .is_some_and(|y| currency_symbol(&y.lower).is_some())
                {
                    k2 += 1;
                }
                if let Some((hv, e)) = range_end(doc, k2, unit.is_some(), ctx) {
                    let ratio_ok = !or_word || value > 0.0 && hv <= 4.0 * value;
                    // "150 tons to 5,600 miles": a second number in
                    // another unit is another measure, not the range's end.
                    let other_unit = unit_between.is_some_and(|u| {
                        toks.get(e)
                            .and_then(|x| lex.units.get(x.lower.as_str()))
                            .is_some_and(|v| *v != u)
                    });
                    if hv > value && ratio_ok && !other_unit {
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
    let mut end = j;
    let mut unit_tok: Option<usize> = None;
    // Percent.
    let after: Vec<&str> = toks[end.min(toks.len())..(end + 3).min(toks.len())]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    if let Some((len, ())) = lex.percent.longest(&after) {
        unit = Some("%".into());
        end += len;
    } else {
        // Currency words, possibly after "de"/"of" or a hyphen:
        // "millones de dólares", "2 mn - euro".
        let skip = usize::from(
            after
                .first()
                .is_some_and(|w| lex.is("currency_links", w) && j > i + 1 || *w == "-"),
        );
        // A link word also before a symbol: "millones de $" is written
        // where English puts the symbol first.
        let linked = usize::from(after.first().is_some_and(|w| lex.is("currency_links", w)));
        if let Some((len, code)) = currency_word_at(doc, end + skip) {
            unit = Some(code.to_string());
            end += skip + len;
        } else if let Some((len, code)) = symbol_after(doc, end + linked) {
            unit = Some(code.to_string());
            end += linked + len;
        } else {
            // "10 days", and "a 10-metre boat" through its hyphen, but not
            // "a 38-year-old", which is an age.
            let hy = usize::from(toks.get(end).is_some_and(|x| x.is_p("-")));
            let mut k = end + hy;
            let age = hy == 1 && word_at(doc, k + 2) == "old";
            // "20,000 square feet", "a 170,000-square-foot building".
            let fw = lex.lang.figure;
            let square_first = toks
                .get(k)
                .is_some_and(|x| fw.square_before.contains(&x.lower.as_str()));
            if square_first {
                k += 1 + usize::from(toks.get(k + 1).is_some_and(|x| x.is_p("-")));
            }
            if let Some(u) = toks
                .get(k)
                .and_then(|x| lex.units.get(x.lower.as_str()))
                .filter(|_| !age && (hy == 0 || toks[k].sent == t.sent))
            {
                if unit.is_none() {
                    unit = Some(u.to_string());
                    // The unit word belongs to the figure's span ("10
                    // days"); the counted phrase is then the unit itself.
                    unit_tok = Some(k);
                    // "nautical miles", "millas náuticas": two words, one unit.
                    let nx = toks
                        .get(k + 1)
                        .and_then(|x| lex.units.get(x.lower.as_str()));
                    if matches!(
                        (*u, nx.copied()),
                        ("nmi", Some("miles")) | ("miles", Some("nmi"))
                    ) {
                        unit = Some("nmi".into());
                        unit_tok = Some(k + 1);
                    }
                    // "20,000 square feet", "15 metros cuadrados": an area.
                    let square_last = toks
                        .get(unit_tok.unwrap_or(k) + 1)
                        .is_some_and(|x| fw.square_after.contains(&x.lower.as_str()));
                    if square_first || square_last {
                        let area = match unit.as_deref() {
                            Some("m") => Some("m2"),
                            Some("km") => Some("km2"),
                            Some("ft") => Some("sq ft"),
                            Some("miles") => Some("sq mi"),
                            _ => None,
                        };
                        if let Some(area) = area {
                            unit = Some(area.into());
                            if square_last {
                                unit_tok = unit_tok.map(|u| u + 1);
                            }
                        }
                    }
                    // "120 miles per hour", "193 km / h": a speed.
                    if let Some(last) = unit_tok {
                        let speed = match unit.as_deref() {
                            Some("miles") => Some("mph"),
                            Some("km") => Some("km/h"),
                            Some("nmi") => Some("knots"),
                            _ => None,
                        };
                        let per_hour = lex
                            .figure_phrases
                            .get("per_hour")
                            .and_then(|p| p.longest_at(toks, last + 1))
                            .map(|(len, ())| len);
                        if let (Some(speed), Some(len)) = (speed, per_hour) {
                            unit = Some(speed.into());
                            unit_tok = Some(last + len);
                        }
                    }
                }
            }
        }
    }
    // "over three years" after a noun or verb is "during": only "for over
    // two hours" and the like say more than.
    if qualifier == Qualifier::MoreThan {
        if let Some(k) = qual_start.filter(|&k| k + 1 == i && toks[k].lower == "over") {
            let duration = unit.as_deref().is_some_and(|u| {
                matches!(
                    u,
                    "days" | "weeks" | "months" | "years" | "hours" | "minutes" | "decades"
                )
            });
            let before = k
                .checked_sub(1)
                .map(|b| toks[b].lower.as_str())
                .unwrap_or("");
            if duration && k > 0 && !lex.is("over_more_than_after", before) {
                qualifier = Qualifier::Exact;
                start = i;
            }
        }
    }
    // Role.
    if used.get(i).copied() == Some(Used::Year) {
        role = FigureRole::Year;
    }
    // "42-year-old", "a 38 - year - old", "aged 42".
    if toks.get(end).is_some_and(|x| x.is_p("-"))
        && word_at(doc, end + 1) == "year"
        && word_at(doc, end + 3) == "old"
    {
        role = FigureRole::Age;
        unit = Some("years".into());
    }
    if i > 0 && lex.is("age", &toks[i - 1].lower) {
        role = FigureRole::Age;
        unit = Some("years".into());
    }
    // "at the age of 71", "a la edad de 71 años": the age word, then its
    // preposition.
    if i > 1 && lex.is("age", &toks[i - 2].lower) && lex.is("age_links", &toks[i - 1].lower) {
        role = FigureRole::Age;
        unit = Some("years".into());
    }
    // "when she was 14", "tenía 14 años": a phrase of having an age,
    // then a bare number or one of years.
    let said_before = |table: &str| {
        (1..=3).any(|len| {
            i >= len
                && lex
                    .figure_phrases
                    .get(table)
                    .and_then(|p| p.longest_at(toks, i - len))
                    .is_some_and(|(l, ())| l == len)
        })
    };
    let years = unit.as_deref() == Some("years");
    let clause_ends = toks
        .get(end)
        .is_none_or(|x| x.kind == Kind::Punct || x.sent != t.sent);
    if role == FigureRole::Claim
        && (said_before("age_before") && (years || unit.is_none() && clause_ends)
            || said_before("age_verbs") && years)
    {
        role = FigureRole::Age;
        unit = Some("years".into());
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
    // Identifiers and page furniture keep their span but say why they
    // are not compared.
    if role == FigureRole::Claim && t.kind == Kind::Num && qualifier == Qualifier::Exact {
        let plain = plain_digits(&t.lower);
        let prev = start
            .checked_sub(1)
            .filter(|&p| toks[p].sent == t.sent)
            .map(|p| toks[p].lower.as_str())
            .unwrap_or("");
        let plural_next = toks.get(end).is_some_and(|x| {
            x.kind == Kind::Word
                && x.lower.len() > 3
                && x.lower.ends_with('s')
                && !x.upper
                && !lex.function_words.contains(x.lower.as_str())
        });
        if plain && unit.is_none() && lex.is("identifier_before", prev) && !plural_next {
            role = FigureRole::Identifier;
        }
        if plain
            && unit.is_none()
            && t.lower.len() >= 3
            && lex.is("identifier_after", word_at(doc, j))
        {
            role = FigureRole::Identifier;
        }
        // A product's name and its version: "iPhone 4", "iOS 4" (a name
        // with a capital inside it), and a code in capitals glued to the
        // number: "3G", "4K", "200LR".
        let prev_tok = start.checked_sub(1).and_then(|p| toks.get(p));
        let product = prev_tok.is_some_and(|p| {
            p.sent == t.sent
                && p.kind == Kind::Word
                && doc.text.get(p.s..p.e).is_some_and(|w| {
                    let mut cs = w.chars();
                    cs.next().is_some_and(char::is_lowercase) && cs.any(char::is_uppercase)
                })
        });
        // Only a glued word the number did not take as its multiplier or
        // unit ("10M", "5km").
        let glued = toks
            .get(i + 1)
            .filter(|x| j == i + 1 && !x.sp && x.kind == Kind::Word);
        let glued_code = glued.is_some_and(|x| {
            x.caps && !CAPITAL_UNITS.contains(&x.lower.as_str())
                || doc
                    .text
                    .get(x.s..x.e)
                    .is_some_and(|w| w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()))
        });
        if plain && unit.is_none() && (product || glued_code) {
            role = FigureRole::Identifier;
        }
        // "Vantor 2.5", "NORLINK 4.0 ports": a number written with one or
        // two decimals right after a name, mid-sentence, with no unit or
        // scale word, is the name's version. A count has no decimals, and
        // a measurement of the name ("Vantor 2.5%", "Vantor 1.5 billion")
        // carries its unit.
        let decimals = t
            .lower
            .rsplit_once(['.', ','])
            .is_some_and(|(whole, frac)| {
                plain_digits(whole) && (1..=2).contains(&frac.len()) && plain_digits(frac)
            });
        // Before a plural noun it is a count of it ("Ann Lee 14.5 points"),
        // but after a name in capitals, a standard's version ("NORLINK 4.0
        // ports").
        let version = decimals
            && unit.is_none()
            && (!plural_next || prev_tok.is_some_and(|p| p.caps))
            && j == i + 1
            && t.sp
            && prev_tok.is_some_and(|p| {
                p.sent == t.sent
                    && p.kind == Kind::Word
                    && p.upper
                    && start == i
                    && !is_sentence_first(doc, i - 1)
                    && name_word(doc, i - 1)
                    && !lex.months.contains_key(p.lower.as_str())
                    && !lex.demonyms.contains_key(p.lower.as_str())
                    && !lex.is("measure_words", &p.lower)
                    && doc.country_at(i - 1).is_none()
            })
            && !title_case(doc, i);
        if version {
            role = FigureRole::Identifier;
        }
    }
    let furniture_after = |name: &str| {
        lex.figure_phrases
            .get(name)
            .and_then(|p| p.longest_at(toks, j))
            .map(|(len, ())| len)
    };
    let furniture = furniture_after("furniture")
        .or_else(|| furniture_after("furniture_short").filter(|_| sentence_len(doc, i) <= 6));
    if let Some(len) = furniture {
        role = FigureRole::Furniture;
        end = end.max(j + len);
    } else if furniture_line(doc, i) {
        role = FigureRole::Furniture;
    }
    // "1 of 3" under a photo.
    if t.kind == Kind::Num
        && word_at(doc, j) == "of"
        && toks.get(j + 1).is_some_and(|x| x.kind == Kind::Num)
    {
        let photo = (i.saturating_sub(2)..i).any(|k| lex.is("photo_words", &toks[k].lower));
        if photo || sentence_len(doc, i) <= 5 {
            role = FigureRole::Furniture;
            end = end.max(j + 2);
        }
    }
    let (low, hi) = match (low_high, qualifier) {
        (Some((l, h)), _) => (l, h),
        (None, Qualifier::MoreThan) | (None, Qualifier::AtLeast) => (value, None),
        (None, Qualifier::About) => (value * 0.9, Some(value * 1.1)),
        (None, Qualifier::LessThan) if qual_start.is_some_and(|k| near_below(doc, k, i)) => {
            (value * 0.9, Some(value))
        }
        (None, Qualifier::LessThan) | (None, Qualifier::UpTo) => (0.0, Some(value)),
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

/// True when the capitalized word at `k` can be part of a name: not a
/// function word or qualifier ("Some 40", "Unas 238" after a missed
/// sentence break), unless it continues a run of capitals ("Sea Me We")
/// or is written in capitals.
fn name_word(doc: &Doc, k: usize) -> bool {
    let toks = &doc.toks;
    let lex = doc.lex;
    let p = &toks[k];
    let in_run = k >= 1 && {
        let q = &toks[k - 1];
        q.kind == Kind::Word && q.upper && q.sent == p.sent && !is_sentence_first(doc, k - 1)
    };
    let plain_word = !lex.function_words.contains(p.lower.as_str())
        && lex
            .qualifiers
            .longest_at(toks, k)
            .is_none_or(|(l, _)| l != 1);
    // An all-capitals "WE" is a code ("SEA-ME-WE 4"), not a pronoun.
    plain_word || in_run || p.caps
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
            // "9 AK 47 rifles": a number after a capitalised code is the
            // designation of what is counted, not a second figure.
            let designation =
                j > first && toks.get(j - 1).is_some_and(|p| p.caps && p.e - p.s <= 4) && t.sp;
            if designation {
                j += 1;
                continue;
            }
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
