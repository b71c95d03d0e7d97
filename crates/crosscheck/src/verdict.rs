//! The verdict on a figure slot: agree, compatible, conflict, revised or
//! single source, and which pairs of values cannot both be true.
//!
//! Each value is read as the interval its wording allows ("more than 200"
//! is 200 to infinity, a round "200" covers its rounding), in the base unit
//! of its dimension ("13 nautical miles" and "about 24km" meet). Two values
//! whose intervals do not meet are either a **revision** (the count changed
//! over time: a clause says so, "rose to", "originally"; two versions of
//! one story; an age one year apart) or a **conflict** (two reports of the
//! same time that cannot both be true). Corroboration is counted in
//! independent origins: values that all come from one origin are a single
//! source, or a revision when its versions differ.

use crate::measure::{moment_day, moment_phase, Dim};
use crosswire_link::Origins;
use crosswire_model::dossier::Verdict;
use crosswire_model::{Figure, FigureRole, Qualifier};
use std::collections::BTreeSet;

/// One claim a slot compares: a figure, or the parts of a total listed in
/// one sentence, read as their sum.
pub struct Claim {
    /// The value as worded (for parts: their sum, exact).
    pub figure: Figure,
    /// The wording, quoted, for notes.
    pub text: String,
    /// Article index.
    pub article: usize,
    /// The dimension and the factor to its base unit.
    pub dim: Dim,
    /// Factor to the dimension's base unit.
    pub factor: f64,
    /// The clause reports a change over time.
    pub updated: bool,
    /// Inside a direct quotation (a speaker's claim, which may contradict
    /// the article that quotes it).
    pub in_quote: bool,
    /// The date the value refers to: the clause's, else the publish date.
    pub as_of: Option<String>,
    /// The quantity is a running count that grows as news comes in (the
    /// dead, the injured, the missing, the arrested, the evacuated).
    pub running: bool,
    /// The claim's article reports an earlier state of the story: another
    /// of its running counts is below a value the coverage says the count
    /// rose to. Its running counts lower than a later report's are that
    /// earlier state, not a contradiction.
    pub early: bool,
    /// Members of the slot (indexes into its figure list) behind the claim.
    pub members: Vec<usize>,
    /// The language of the claim's article, when known.
    pub language: Option<String>,
}

/// The interval a figure's wording allows, in its own unit, and whether
/// its ends are open. A round unhedged number is read as precise only to
/// its rounding ("200" covers 150–250), as readers and editors read
/// headline figures.
pub fn interval(f: &Figure) -> (f64, f64, bool) {
    let high = f.high.unwrap_or(f64::INFINITY);
    // A year is never rounded: "a 2000 law" is not "a 1998 law".
    if f.role == FigureRole::Year {
        return (f.value, f.value, false);
    }
    match f.qualifier {
        Qualifier::Exact => {
            let v = f.value;
            let tol = rounding_tolerance(v);
            // A conversion's rounding, when the cross-check widened it.
            let (lo, hi) = (f.low.min(v - tol), high.max(v + tol));
            (lo, hi, false)
        }
        Qualifier::About => {
            if f.low < f.value || high > f.value {
                (f.low, high, false)
            } else {
                let t = about_tolerance(f.value);
                (f.value - t, f.value + t, false)
            }
        }
        // "more than 200" excludes 200 itself.
        Qualifier::MoreThan => (f.value, f64::INFINITY, true),
        Qualifier::AtLeast => (f.value, f64::INFINITY, false),
        // "nearly 300" is just under 300; "fewer than 300" anything below.
        Qualifier::LessThan => {
            let low = if f.low > 0.0 && f.low < f.value {
                f.low
            } else {
                0.0
            };
            (low, f.value, true)
        }
        Qualifier::UpTo => (0.0, f.value, false),
        Qualifier::Range => (f.low, high, false),
        // A vague plural's floor is firm ("tens of thousands" is never
        // 15,000) but its ceiling is not: writers say "thousands" of 15,000
        // and "hundreds" of 1,200, since the next wording up ("tens of
        // thousands") starts well above. The ceiling stretches to twice
        // its nominal top.
        // Below a hundred the floor gives too ("several" of two, "dozens"
        // of 20): small vague words are loose at both ends.
        Qualifier::Vague => {
            let low = if f.low < 100.0 { f.low * 0.5 } else { f.low };
            (low, high * 2.0, false)
        }
    }
}

/// How far a round number may be from what it rounds: half its last
/// significant digit's place, for numbers of one significant digit from
/// 100 up ("200", "6,000,000").
pub fn rounding_tolerance(v: f64) -> f64 {
    if !(v.is_finite() && v >= 100.0 && v.fract() == 0.0) {
        return 0.0;
    }
    let mag = 10f64.powi(v.log10().floor() as i32);
    if (v / mag).fract() == 0.0 {
        mag / 2.0
    } else {
        0.0
    }
}

/// The rounding a number written with a scale word carries: "$48 billion"
/// is about 47.5 to 48.5 billion, "110 millones" 109.5 to 110.5 million,
/// since a writer who scales a number rounds it to the digits shown. `None` when
/// the wording gives the number in full ("48,300,000") or scales it by less
/// than a million.
///
/// ```
/// use crosswire_crosscheck::verdict::scale_rounding;
/// assert_eq!(scale_rounding("$ 48 billion", 48e9), Some(0.49e9));
/// assert_eq!(scale_rounding("110 millones", 110e6), Some(0.49e6));
/// assert_eq!(scale_rounding("2,6 millones", 2.6e6), None);
/// assert_eq!(scale_rounding("$2 million", 2e6), None);
/// assert_eq!(scale_rounding("48,300,000", 48.3e6), None);
/// ```
pub fn scale_rounding(wording: &str, value: f64) -> Option<f64> {
    let start = wording.find(|c: char| c.is_ascii_digit())?;
    let digits: String = wording[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let digits = digits.trim_end_matches(['.', ',']);
    // Groups of exactly three digits after a separator are thousands
    // ("1.500", "48,300"); a last group of another length is decimals
    // ("48.3", "1,5").
    let parts: Vec<&str> = digits.split(['.', ',']).collect();
    let (whole, decimals) = match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() && last.len() != 3 => (rest.concat(), *last),
        _ => (parts.concat(), ""),
    };
    let mantissa = format!("{whole}.{decimals}0");
    let decimals = decimals.len() as i32;
    let m: f64 = mantissa.parse().ok()?;
    if !(m > 0.0 && value.is_finite() && value > 0.0) {
        return None;
    }
    let ratio = value / m;
    let power = ratio.log10();
    if ratio < 1e6 || (power - power.round()).abs() > 1e-6 {
        return None;
    }
    // Only a whole mantissa of two digits or more: "$2 million" may round
    // anything from 1.5 to 2.5 million, too wide to say two reports
    // agree, and one with decimals ("$2.6 million") was already rounded
    // finely, so that "$2.5 million" against it is a real difference.
    // Just under half the last digit's place, so that two neighbours
    // ("$48 billion" / "$49 billion") still differ.
    let place = 10f64.powi(power.round() as i32);
    (decimals == 0 && value >= 10.0 * place).then_some(0.49 * place)
}

/// How far a hedged "about N" reaches: half the place of N's last
/// significant digit, as a writer rounds ("about 300" is 250 to 350,
/// "about 230" is 225 to 235), and never less than 3% of N ("about 238"
/// still allows a few either way).
pub fn about_tolerance(v: f64) -> f64 {
    if !v.is_finite() || v <= 0.0 {
        return 0.0;
    }
    let mut place = 1.0;
    if v.fract() == 0.0 {
        while place < 1e15 && (v / (place * 10.0)).fract() == 0.0 {
            place *= 10.0;
        }
    } else {
        place = 0.1;
    }
    (place / 2.0).max(0.03 * v)
}

/// Whether two figures can both be true, each read in its unit times its
/// factor to the dimension's base unit. Converted values allow for the
/// rounding a conversion brings, and for exchange rates the texts imply
/// that differ a little from one report to the next (6% of the value).
pub fn fits(a: &Figure, fa: f64, b: &Figure, fb: f64) -> bool {
    let (alo, ahi, aopen) = interval(a);
    let (blo, bhi, bopen) = interval(b);
    let (alo, ahi, blo, bhi) = (alo * fa, ahi * fa, blo * fb, bhi * fb);
    let slack = if (fa - fb).abs() > 1e-12 {
        0.02 * ahi.min(bhi).abs().max(alo.max(blo).abs()).min(1e300)
    } else {
        0.0
    };
    if aopen || bopen {
        alo < bhi + slack && blo < ahi + slack
    } else {
        alo <= bhi + slack && blo <= ahi + slack
    }
}

/// Two values of one quantity that differ: why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Difference {
    /// They can both be true.
    None,
    /// The quantity changed over time.
    Revision,
    /// They cannot both be true of the same time.
    Conflict,
}

/// Why two claims of one slot differ, if they do.
pub fn difference(a: &Claim, b: &Claim, origins: &Origins) -> Difference {
    if fits(&a.figure, a.factor, &b.figure, b.factor) {
        return Difference::None;
    }
    let same_origin = origins.of_article.get(a.article).is_some()
        && origins.of_article.get(a.article) == origins.of_article.get(b.article);
    // A translation keeps its original's number and may render the unit
    // loosely ("9,420 nautical miles" / "9.420 millas"): one story's
    // versions in two languages with one number say the same.
    if same_origin
        && a.language.is_some()
        && b.language.is_some()
        && a.language != b.language
        && a.figure.value == b.figure.value
        && a.figure.qualifier == b.figure.qualifier
    {
        return Difference::None;
    }
    let one_year_apart =
        matches!(a.dim, Dim::Age) && (a.figure.value - b.figure.value).abs() <= 1.0;
    // A running count reported on two dates, the later one higher: the
    // count grew. (A fixed quantity, a prison's capacity, does not change
    // with the date of the report.)
    let grew = a.running
        && b.running
        && match (&a.as_of, &b.as_of) {
            (Some(x), Some(y)) if x != y && is_date(x) && is_date(y) => {
                let (early, late) = if x < y { (a, b) } else { (b, a) };
                interval(&late.figure).1 * late.factor >= interval(&early.figure).0 * early.factor
            }
            _ => false,
        };
    // Each report says, in words, when its value held, and they name two
    // moments ("early Friday" / "Friday evening", "at one point" / "so
    // far"): two times, not two accounts of one.
    let two_moments = match (&a.as_of, &b.as_of) {
        (Some(x), Some(y)) if !is_date(x) && !is_date(y) => moments_differ(x, y),
        _ => false,
    };
    // An early report's lower count, against a report not early.
    let earlier_state = a.running && b.running && a.early != b.early && {
        let (early, late) = if a.early { (a, b) } else { (b, a) };
        interval(&early.figure).1 * early.factor < interval(&late.figure).0 * late.factor
    };
    if (a.updated || b.updated || earlier_state) && !denial(a, b)
        || (same_origin && a.article != b.article)
        || one_year_apart
        || grew
        || two_moments
    {
        Difference::Revision
    } else {
        Difference::Conflict
    }
}

/// "No one was killed" against a toll: a denial, not an earlier state of
/// a growing count, so words about change never explain it away (dates
/// still may).
fn denial(a: &Claim, b: &Claim) -> bool {
    (a.figure.value == 0.0) != (b.figure.value == 0.0)
}

/// An `as_of` that is a resolved date ("2024-03-08"), not a moment in the
/// text's words ("early friday"), which has no order to compare.
fn is_date(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Two moments said in words are two times when they name two days, or
/// two phases of one ("early friday" / "friday evening", "at one point" /
/// "so far"). A day against a part of it ("friday" / "early friday") may
/// be one time: no revision is read into it.
fn moments_differ(x: &str, y: &str) -> bool {
    let (dx, dy) = (moment_day(x), moment_day(y));
    if !dx.is_empty() && !dy.is_empty() && dx != dy {
        return true;
    }
    matches!((moment_phase(x), moment_phase(y)), (Some(p), Some(q)) if p != q)
}

/// Where a value falls in a trajectory, by the time it refers to:
/// resolved dates first, in date order; then moments said in words, by
/// their phase ("at one point" before "early friday" before "friday
/// evening" before "so far"); then moments words do not order (a bare
/// day); then values with no time at all.
pub fn trajectory_key(as_of: Option<&str>) -> (u8, u8, String) {
    match as_of {
        Some(d) if is_date(d) => (0, 0, d.to_string()),
        Some(m) => match moment_phase(m) {
            Some(p) => (1, p, m.to_string()),
            None => (2, 0, m.to_string()),
        },
        None => (3, 0, String::new()),
    }
}

fn describe(f: &Figure, text: &str) -> String {
    let q = match f.qualifier {
        Qualifier::MoreThan | Qualifier::AtLeast => " (a lower bound)",
        Qualifier::LessThan => " (an upper bound)",
        Qualifier::UpTo => " (a ceiling)",
        Qualifier::About => " (approximate)",
        Qualifier::Vague => " (vague)",
        Qualifier::Range => " (a range)",
        Qualifier::Exact => "",
    };
    format!("{text}{q}")
}

/// The same value once both are in the base unit: to half a percent in
/// one unit, to the rounding a conversion brings (2%) across two.
fn same_in_base(a: &Claim, b: &Claim) -> bool {
    let (x, y) = (a.figure.value * a.factor, b.figure.value * b.factor);
    let tolerance = if (a.factor - b.factor).abs() > 1e-12 {
        0.02
    } else {
        0.005
    };
    x > 0.0 && y > 0.0 && ((x - y).abs() / x.max(y)) < tolerance
}

/// The verdict on a slot's claims, its note, and the pairs of claims
/// (indexes into `claims`) that conflict.
pub fn decide(claims: &[Claim], origins: &Origins) -> (Verdict, Option<String>, Vec<[usize; 2]>) {
    // A report that the count changed ("the toll rose to 10") explains the
    // other differences of a running count in the slot too: the lower,
    // earlier values were true when they were reported.
    let running = claims.iter().any(|c| c.updated && c.running);
    let origin_set: BTreeSet<usize> = claims
        .iter()
        .filter_map(|c| origins.of_article.get(c.article).copied())
        .collect();
    let single_origin = origin_set.len() <= 1;
    let mut conflicts = Vec::new();
    let mut conflict_lines: Vec<String> = Vec::new();
    let mut revisions: Vec<String> = Vec::new();
    let mut soft: Vec<String> = Vec::new();
    let mut within_one_article = Vec::new();
    for (i, a) in claims.iter().enumerate() {
        for (j, b) in claims.iter().enumerate().skip(i + 1) {
            let mut d = difference(a, b, origins);
            if d == Difference::Conflict && running && !denial(a, b) {
                d = Difference::Revision;
            }
            if d == Difference::None {
                continue;
            }
            let (x, y) = (describe(&a.figure, &a.text), describe(&b.figure, &b.text));
            let (x, y) = if x <= y { (x, y) } else { (y, x) };
            let line = format!("{x} vs {y}");
            // A small vague word ("several", "dozens"), against another or
            // against a number, is a loose word, not a second account: it
            // pulls apart, it does not contradict. "Thousands" against "tens
            // of thousands" is an order of magnitude.
            let small_vague = |c: &Claim| {
                c.figure.qualifier == Qualifier::Vague && c.figure.low * c.factor < 100.0
            };
            let lines = if small_vague(a) || small_vague(b) {
                &mut soft
            } else if a.article == b.article
                && (single_origin || (a.in_quote == b.in_quote && !a.updated && !b.updated))
            {
                &mut within_one_article
            } else if d == Difference::Revision {
                &mut revisions
            } else {
                conflicts.push([i, j]);
                &mut conflict_lines
            };
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
    }
    if origin_set.len() <= 1 {
        // One origin: its versions may have been updated; otherwise
        // nothing is corroborated.
        if !revisions.is_empty() || !conflict_lines.is_empty() {
            let mut all = revisions;
            all.extend(conflict_lines);
            return (
                Verdict::Revised,
                Some(format!(
                    "versions of one story give different values, the later replacing the earlier: {}",
                    all.join("; ")
                )),
                Vec::new(),
            );
        }
        let note = (!within_one_article.is_empty()).then(|| {
            format!(
                "only one origin reports this, and it is not consistent: {}",
                within_one_article.join("; ")
            )
        });
        return (Verdict::SingleSource, note, Vec::new());
    }
    if !conflict_lines.is_empty() {
        let mut note = format!("cannot all be true: {}", conflict_lines.join("; "));
        if !revisions.is_empty() {
            note.push_str(&format!("; updated over time: {}", revisions.join("; ")));
        }
        return (Verdict::Conflict, Some(note), conflicts);
    }
    if !revisions.is_empty() {
        return (
            Verdict::Revised,
            Some(format!(
                "the count changed over time: {}",
                revisions.join("; ")
            )),
            Vec::new(),
        );
    }
    let sums: Vec<&str> = claims
        .iter()
        .filter(|c| c.text.contains(" + "))
        .map(|c| c.text.as_str())
        .collect();
    // "As many as 55 percent" beside "55 percent" states the same value.
    let point = |f: &Figure| {
        matches!(
            f.qualifier,
            Qualifier::Exact | Qualifier::About | Qualifier::UpTo
        )
    };
    // The stated values agree; a small vague word beside them ("several",
    // "a few"), which fits them, neither adds to nor takes from that.
    let stated: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.figure.qualifier != Qualifier::Vague || c.figure.low >= 100.0)
        .collect();
    // Every report states the same value, hedged alike ("at least seven
    // days" twice is as much an agreement as "seven days" twice).
    let all_same = !stated.is_empty()
        && stated.iter().all(|c| {
            stated.first().is_some_and(|first| {
                same_in_base(c, first)
                    && (point(&c.figure) && point(&first.figure)
                        || c.figure.qualifier == first.figure.qualifier)
            })
        })
        && stated
            .iter()
            .filter_map(|c| origins.of_article.get(c.article))
            .collect::<BTreeSet<_>>()
            .len()
            > 1;
    if all_same {
        let note = (!sums.is_empty()).then(|| {
            format!(
                "parts listed in one report add up to the total: {}",
                sums.join("; ")
            )
        });
        return (Verdict::Agree, note, Vec::new());
    }
    let mut note = String::from("the wordings differ but the values are compatible");
    let mut distinct: Vec<String> = Vec::new();
    for c in claims {
        let d = describe(&c.figure, &c.text);
        if !distinct.contains(&d) {
            distinct.push(d);
        }
    }
    if distinct.len() > 1 {
        note = format!("{}: {}", note, distinct.join(", "));
    }
    if !soft.is_empty() {
        note.push_str(&format!("; vague wordings pull apart: {}", soft.join("; ")));
    }
    (Verdict::Compatible, Some(note), Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(value: f64, q: Qualifier, low: f64, high: Option<f64>) -> Figure {
        Figure {
            value,
            low,
            high,
            unit: Some("people".into()),
            qualifier: q,
            counts: None,
            attributed_to: None,
            role: FigureRole::Claim,
        }
    }

    fn overlaps(a: &Figure, b: &Figure) -> bool {
        fits(a, 1.0, b, 1.0)
    }

    #[test]
    fn qualifiers_read_as_intervals() {
        let exact = |v| fig(v, Qualifier::Exact, v, Some(v));
        assert!(overlaps(
            &fig(200.0, Qualifier::MoreThan, 200.0, None),
            &exact(238.0)
        ));
        assert!(!overlaps(
            &fig(250.0, Qualifier::MoreThan, 250.0, None),
            &exact(238.0)
        ));
        assert!(!overlaps(&exact(14.0), &exact(17.0)));
        // A round headline number covers its rounding.
        assert!(overlaps(&exact(200.0), &exact(238.0)));
        assert!(!overlaps(&exact(300.0), &exact(380.0)));
        let several_thousand = fig(0.0, Qualifier::Vague, 2000.0, Some(9999.0));
        assert!(overlaps(
            &several_thousand,
            &fig(8000.0, Qualifier::About, 8000.0, Some(8000.0))
        ));
        assert!(!overlaps(
            &fig(0.0, Qualifier::Vague, 20000.0, Some(99999.0)),
            &fig(15000.0, Qualifier::About, 15000.0, Some(15000.0))
        ));
        assert!(!overlaps(
            &fig(0.0, Qualifier::Vague, 3.0, Some(9.0)),
            &exact(40.0)
        ));
        // "nearly 300" against "more than 300".
        assert!(!overlaps(
            &fig(300.0, Qualifier::LessThan, 270.0, Some(300.0)),
            &fig(300.0, Qualifier::MoreThan, 300.0, None)
        ));
        // "as many as 80" allows 70.
        assert!(overlaps(
            &fig(80.0, Qualifier::UpTo, 0.0, Some(80.0)),
            &exact(70.0)
        ));
    }

    #[test]
    fn converted_units_compare_in_the_base_unit() {
        let nm = fig(13.0, Qualifier::Exact, 13.0, Some(13.0));
        let km = fig(24.0, Qualifier::About, 24.0, Some(24.0));
        assert!(fits(&nm, 1852.0, &km, 1000.0));
        let metres = fig(10.0, Qualifier::Exact, 10.0, Some(10.0));
        let feet = fig(24.0, Qualifier::Range, 24.0, Some(30.0));
        assert!(!fits(&metres, 1.0, &feet, 0.3048));
    }

    #[test]
    fn about_reaches_as_far_as_its_rounding() {
        assert_eq!(about_tolerance(300.0), 50.0);
        assert!((about_tolerance(230.0) - 6.9).abs() < 1e-9);
        let about = |v| fig(v, Qualifier::About, v, Some(v));
        let exact = |v| fig(v, Qualifier::Exact, v, Some(v));
        assert!(!overlaps(&about(230.0), &exact(238.0)));
        assert!(overlaps(&about(240.0), &exact(238.0)));
        assert!(overlaps(&about(300.0), &exact(261.0)));
        assert!(!overlaps(&about(50.0), &exact(80.0)));
    }

    #[test]
    fn rounding_tolerance_only_for_round_numbers() {
        assert_eq!(rounding_tolerance(200.0), 50.0);
        assert_eq!(rounding_tolerance(238.0), 0.0);
        assert_eq!(rounding_tolerance(6_000_000.0), 500_000.0);
        assert_eq!(rounding_tolerance(40.0), 0.0);
    }

    fn claim_at(article: usize, value: f64, as_of: Option<&str>, running: bool) -> Claim {
        Claim {
            figure: fig(value, Qualifier::Exact, value, Some(value)),
            text: format!("{value}"),
            article,
            dim: Dim::Count,
            factor: 1.0,
            updated: false,
            in_quote: false,
            as_of: as_of.map(str::to_string),
            running,
            early: false,
            members: vec![article],
            language: Some("en".into()),
        }
    }

    #[test]
    fn two_moments_said_in_words_are_a_revision_one_moment_a_conflict() {
        let origins = Origins {
            clusters: Vec::new(),
            kinds: vec![None; 2],
            of_article: vec![0, 1],
        };
        let early = claim_at(0, 82.0, Some("early friday"), false);
        let evening = claim_at(1, 65.0, Some("friday evening"), false);
        assert_eq!(difference(&early, &evening, &origins), Difference::Revision);
        let same = claim_at(1, 65.0, Some("early friday"), false);
        assert_eq!(difference(&early, &same, &origins), Difference::Conflict);
        // A day against a part of it may be one time.
        let day = claim_at(1, 65.0, Some("friday"), false);
        assert_eq!(difference(&early, &day, &origins), Difference::Conflict);
        // Two days are two times, though words do not order them.
        let saturday = claim_at(1, 65.0, Some("saturday"), false);
        let friday = claim_at(0, 82.0, Some("friday"), false);
        assert_eq!(
            difference(&friday, &saturday, &origins),
            Difference::Revision
        );
        // Two phases in Spanish.
        let madrugada = claim_at(0, 82.0, Some("viernes de madrugada"), false);
        let noche = claim_at(1, 65.0, Some("viernes por la noche"), false);
        assert_eq!(
            difference(&madrugada, &noche, &origins),
            Difference::Revision
        );
        // One side without a moment says nothing of when.
        let undated = claim_at(1, 65.0, None, false);
        assert_eq!(difference(&early, &undated, &origins), Difference::Conflict);
        let (v, _, pairs) = decide(&[early, evening], &origins);
        assert_eq!(v, Verdict::Revised);
        assert!(pairs.is_empty());
    }

    #[test]
    fn a_trajectory_orders_dates_then_moments_by_phase() {
        let mut keys = vec![
            trajectory_key(None),
            trajectory_key(Some("so far")),
            trajectory_key(Some("friday evening")),
            trajectory_key(Some("2024-03-05")),
            trajectory_key(Some("saturday")),
            trajectory_key(Some("early friday")),
            trajectory_key(Some("at one point")),
            trajectory_key(Some("2024-03-04")),
            trajectory_key(Some("viernes por la noche")),
            trajectory_key(Some("inicialmente")),
        ];
        keys.sort();
        let order: Vec<&str> = keys.iter().map(|k| k.2.as_str()).collect();
        assert_eq!(
            order,
            [
                "2024-03-04",
                "2024-03-05",
                "at one point",
                "inicialmente",
                "early friday",
                "friday evening",
                "viernes por la noche",
                "so far",
                "saturday",
                "",
            ]
        );
    }

    #[test]
    fn only_resolved_dates_order_a_running_count() {
        let origins = Origins {
            clusters: Vec::new(),
            kinds: vec![None; 2],
            of_article: vec![0, 1],
        };
        let monday = claim_at(0, 14.0, Some("2024-03-04"), true);
        let tuesday = claim_at(1, 17.0, Some("2024-03-05"), true);
        assert_eq!(
            difference(&monday, &tuesday, &origins),
            Difference::Revision
        );
        // A later date with a lower count is not growth.
        let lower = claim_at(1, 9.0, Some("2024-03-05"), true);
        assert_eq!(difference(&monday, &lower, &origins), Difference::Conflict);
        // A date against a moment in words has no order.
        let words = claim_at(1, 17.0, Some("so far"), true);
        assert_eq!(difference(&monday, &words, &origins), Difference::Conflict);
    }

    #[test]
    fn one_storys_versions_in_two_languages_with_one_number_say_the_same() {
        let origins = Origins {
            clusters: Vec::new(),
            kinds: vec![None; 3],
            of_article: vec![0, 0, 0],
        };
        let claim = |article: usize, value: f64, unit: &str, factor: f64, lang: &str| Claim {
            figure: Figure {
                unit: Some(unit.into()),
                ..fig(value, Qualifier::Exact, value, Some(value))
            },
            text: format!("{value} {unit}"),
            article,
            dim: Dim::Length,
            factor,
            updated: false,
            in_quote: false,
            as_of: None,
            running: false,
            early: false,
            members: vec![article],
            language: Some(lang.into()),
        };
        let nautical = claim(0, 9420.0, "nautical miles", 1852.0, "en");
        let millas = claim(1, 9420.0, "millas", 1609.344, "es");
        assert_eq!(difference(&nautical, &millas, &origins), Difference::None);
        // Two versions in one language that change the number are a
        // revision.
        let later = claim(2, 9650.0, "nautical miles", 1852.0, "en");
        assert_eq!(
            difference(&nautical, &later, &origins),
            Difference::Revision
        );
    }
}
