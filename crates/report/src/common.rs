//! Presentation helpers every printer shares: numbering, references,
//! number formatting and safe access to article text.
//!
//! The dossier is untrusted in one sense: a producer bug can leave an index
//! or a byte range pointing nowhere. Everything here degrades to "unknown"
//! or an empty string instead of panicking.

use crosswire_model::dossier::{Dossier, DossierArticle, FigureSlot, Mention, SlotValue, Verdict};
use crosswire_model::label::{article_labels, base_label, LabelSource};
use crosswire_model::{ByteRange, Qualifier};

/// The order in which verdict sections are shown: what needs attention first.
pub const VERDICT_ORDER: [Verdict; 5] = [
    Verdict::Conflict,
    Verdict::Revised,
    Verdict::Compatible,
    Verdict::Agree,
    Verdict::SingleSource,
];

/// Machine name of a verdict (as in the JSON).
pub fn verdict_key(v: Verdict) -> &'static str {
    match v {
        Verdict::Agree => "agree",
        Verdict::Compatible => "compatible",
        Verdict::Conflict => "conflict",
        Verdict::Revised => "revised",
        Verdict::SingleSource => "single_source",
    }
}

/// Display name of a verdict.
pub fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Agree => "Agree",
        Verdict::Compatible => "Compatible",
        Verdict::Conflict => "Conflict",
        Verdict::Revised => "Revised",
        Verdict::SingleSource => "Single source",
    }
}

/// Section title of a verdict.
pub fn verdict_section(v: Verdict) -> &'static str {
    match v {
        Verdict::Agree => "Agree",
        Verdict::Compatible => "Compatible (only look different)",
        Verdict::Conflict => "Conflicts",
        Verdict::Revised => "Revised over time",
        Verdict::SingleSource => "Single-source claims",
    }
}

/// Figures with one verdict, in dossier order.
pub fn figures_with(d: &Dossier, v: Verdict) -> impl Iterator<Item = &FigureSlot> {
    d.figures.iter().filter(move |f| f.verdict == v)
}

/// Count of figures with one verdict.
pub fn count_verdict(d: &Dossier, v: Verdict) -> usize {
    figures_with(d, v).count()
}

/// Origin letter: 0 → A, 25 → Z, 26 → AA, like spreadsheet columns. Letters
/// keep origins apart from article numbers in compact references.
pub fn origin_letter(i: usize) -> String {
    let mut n = i.saturating_add(1);
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// Origin letters of a list of origin indexes, sorted and deduplicated.
pub fn origin_letters(origins: &[usize]) -> String {
    let mut v = origins.to_vec();
    v.sort_unstable();
    v.dedup();
    v.iter()
        .map(|&o| origin_letter(o))
        .collect::<Vec<_>>()
        .join(",")
}

/// Sorted, deduplicated article indexes of some mentions.
pub fn mention_articles(mentions: &[Mention]) -> Vec<usize> {
    let mut v: Vec<usize> = mentions.iter().map(|m| m.article).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Compact 1-based article references: `[1-3,5]`. Runs of three or more
/// collapse to a range so a widely reported claim stays one short token.
pub fn refs(articles: &[usize]) -> String {
    let mut v = articles.to_vec();
    v.sort_unstable();
    v.dedup();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let mut j = i;
        while j + 1 < v.len() && v[j].checked_add(1) == Some(v[j + 1]) {
            j += 1;
        }
        if j >= i + 2 {
            parts.push(format!("{}-{}", num(v[i]), num(v[j])));
        } else {
            for k in &v[i..=j] {
                parts.push(format!("{}", num(*k)));
            }
        }
        i = j + 1;
    }
    format!("[{}]", parts.join(","))
}

/// The 1-based number people see for a 0-based index. Saturating: an index
/// from a malformed dossier must not overflow.
pub fn num(i: usize) -> usize {
    i.saturating_add(1)
}

/// "3 independent origins (5 articles)".
pub fn origins_phrase(origins: usize, articles: usize) -> String {
    format!(
        "{} independent origin{} ({} article{})",
        origins,
        plural(origins),
        articles,
        plural(articles)
    )
}

/// `"s"` unless `n == 1`.
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Every article's display label (see [`crosswire_model::label`]): the
/// outlet, URL host or file stem, unique within the dossier. Computed once
/// per render and passed around, so every printer shows the same names.
pub fn labels(d: &Dossier) -> Vec<String> {
    article_labels(&label_sources(d))
}

fn label_sources(d: &Dossier) -> Vec<LabelSource<'_>> {
    d.articles
        .iter()
        .map(|a| LabelSource {
            outlet: a.outlet.as_deref(),
            url: a.url.as_deref(),
            source: &a.source,
        })
        .collect()
}

/// The label of article `i`, or a placeholder for a bad index.
pub fn article_name(labels: &[String], i: usize) -> String {
    match labels.get(i) {
        Some(l) => l.clone(),
        None => format!("unknown article {}", num(i)),
    }
}

/// An origin's display name: its agency, else its first article's label.
/// The stored [`Origin::label`](crosswire_model::dossier::Origin) is the
/// last resort only, since older dossiers stored a file path there.
pub fn origin_name(d: &Dossier, labels: &[String], o: usize) -> String {
    let Some(origin) = d.origins.get(o) else {
        return "unknown origin".into();
    };
    if let Some(a) = origin.agency.as_deref().filter(|a| !a.trim().is_empty()) {
        return fold_ws(a);
    }
    let first = origin.articles.iter().min().copied();
    match first.and_then(|i| labels.get(i)) {
        Some(l) => l.clone(),
        None => short_source(&origin.label).to_string(),
    }
}

/// `dir/story.html` → `story.html`; `a.warc.gz#record-7` and URLs keep
/// their last segment too. Falls back to the whole name when that is empty.
pub fn short_source(source: &str) -> &str {
    let s = source.trim_end_matches(['/', '\\']);
    match s.rsplit(['/', '\\']).next() {
        Some(last) if !last.is_empty() => last,
        _ => source,
    }
}

/// Distinct outlets (labels before numbering) in article order.
pub fn outlets(d: &Dossier) -> Vec<String> {
    let mut seen = Vec::new();
    for s in label_sources(d) {
        let n = base_label(&s);
        if !seen.contains(&n) {
            seen.push(n);
        }
    }
    seen
}

/// How many outlet names a header lists before "and N more".
pub const MAX_HEADER_OUTLETS: usize = 12;

/// "A, B, C and 9 more": the header's outlet list, short at any scale.
pub fn outlet_list(outs: &[String]) -> String {
    let shown = outs
        .iter()
        .take(MAX_HEADER_OUTLETS)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if outs.len() > MAX_HEADER_OUTLETS {
        format!("{shown} and {} more", outs.len() - MAX_HEADER_OUTLETS)
    } else {
        shown
    }
}

/// A slot's values ordered by the time they refer to (`as_of`), undated
/// values last, dossier order on ties: the order of a trajectory.
pub fn by_time(f: &FigureSlot) -> Vec<&SlotValue> {
    let mut v: Vec<&SlotValue> = f.values.iter().collect();
    v.sort_by(|a, b| match (a.as_of.as_deref(), b.as_of.as_deref()) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    v
}

/// The article's publish date as written (day precision at most, since the
/// time of day rarely matters to a reader and costs width).
pub fn published_day(a: &DossierArticle) -> Option<String> {
    let p = a.published.as_ref()?;
    let v = p.value.trim();
    Some(v.get(..10).unwrap_or(v).to_string())
}

/// The text of a byte range, or `None` when it is out of bounds or not on
/// char boundaries.
pub fn slice(text: &str, r: ByteRange) -> Option<&str> {
    if r.start > r.end {
        return None;
    }
    text.get(r.range())
}

/// The sentence of a mention, whitespace-folded; the span when the sentence
/// range is bad; `None` when neither can be read.
pub fn mention_sentence(d: &Dossier, m: &Mention) -> Option<String> {
    let a = d.articles.get(m.article)?;
    let s = slice(&a.text, m.sentence)
        .filter(|s| !s.trim().is_empty())
        .or_else(|| slice(&a.text, m.span).filter(|s| !s.trim().is_empty()))?;
    Some(fold_ws(s))
}

/// Collapses every run of white space (including newlines) to one space.
pub fn fold_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A number for people: thousands grouped, no trailing zeros.
pub fn fmt_num(v: f64) -> String {
    if v.is_nan() {
        return "?".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let neg = v < 0.0;
    let a = v.abs();
    let s = if a.fract() == 0.0 && a < 1e15 {
        group(&format!("{a:.0}"))
    } else {
        let s = format!("{a:.3}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        match s.split_once('.') {
            Some((int, frac)) => format!("{}.{}", group(int), frac),
            None => group(s),
        }
    };
    if neg {
        format!("-{s}")
    } else {
        s
    }
}

fn group(int: &str) -> String {
    let mut out = Vec::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.bytes().rev().enumerate() {
        if i > 0 && i % 3 == 0 {
            out.push(b',');
        }
        out.push(c);
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// Display name of a hedge.
pub fn qualifier_label(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::MoreThan => "more than",
        Qualifier::AtLeast => "at least",
        Qualifier::About => "about",
        Qualifier::LessThan => "less than",
        Qualifier::UpTo => "up to",
        Qualifier::Range => "range",
        Qualifier::Vague => "vague",
    }
}

/// Machine name of a hedge (as in the JSON).
pub fn qualifier_key(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::MoreThan => "more_than",
        Qualifier::AtLeast => "at_least",
        Qualifier::About => "about",
        Qualifier::LessThan => "less_than",
        Qualifier::UpTo => "up_to",
        Qualifier::Range => "range",
        Qualifier::Vague => "vague",
    }
}

/// The normalized value with its implied interval: `300 people`,
/// `≥ 2,000,000 EUR`, `180–220`, `≈ 300`.
pub fn normalized(v: &SlotValue) -> String {
    let unit = v
        .unit
        .as_deref()
        .filter(|u| !u.trim().is_empty())
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    // A four-digit number the source wrote ungrouped ("a 1911 law", a
    // year) stays ungrouped: "1,798" would misread it.
    let plain = format!("{:.0}", v.value);
    let as_written =
        v.value.fract() == 0.0 && (1000.0..10000.0).contains(&v.value) && v.text.contains(&plain);
    let body = match (v.qualifier, v.high) {
        (Qualifier::Exact, _) if as_written => plain,
        (Qualifier::Exact, _) => fmt_num(v.value),
        (_, Some(h)) if h == v.low => fmt_num(v.low),
        (Qualifier::About, Some(h)) => {
            format!("≈ {} ({}–{})", fmt_num(v.value), fmt_num(v.low), fmt_num(h))
        }
        (_, Some(h)) => format!("{}–{}", fmt_num(v.low), fmt_num(h)),
        (_, None) => format!("≥ {}", fmt_num(v.low)),
    };
    format!("{body}{unit}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_roll_over_like_columns() {
        assert_eq!(origin_letter(0), "A");
        assert_eq!(origin_letter(25), "Z");
        assert_eq!(origin_letter(26), "AA");
        assert_eq!(origin_letter(27), "AB");
    }

    #[test]
    fn refs_are_one_based_and_compact() {
        assert_eq!(refs(&[1, 3]), "[2,4]");
        assert_eq!(refs(&[0, 1, 2, 4]), "[1-3,5]");
        assert_eq!(refs(&[4, 0, 1, 1]), "[1,2,5]");
        assert_eq!(refs(&[]), "[]");
    }

    #[test]
    fn short_sources_keep_the_file_name() {
        assert_eq!(short_source("examples/corpus/a.txt"), "a.txt");
        assert_eq!(short_source("https://x.example/news/story/"), "story");
        assert_eq!(short_source("a.warc.gz#record-7"), "a.warc.gz#record-7");
        assert_eq!(short_source("/"), "/");
    }

    #[test]
    fn four_digit_numbers_keep_the_source_grouping() {
        let value = |text: &str, v: f64| SlotValue {
            text: text.into(),
            value: v,
            low: v,
            high: Some(v),
            unit: None,
            qualifier: Qualifier::Exact,
            attributed_to: None,
            as_of: None,
            mentions: Vec::new(),
            origins: Vec::new(),
        };
        assert_eq!(normalized(&value("a 1911 charter", 1911.0)), "1911");
        assert_eq!(normalized(&value("1,911 voters", 1911.0)), "1,911");
        assert_eq!(normalized(&value("12000 homes", 12000.0)), "12,000");
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(fmt_num(2_400_000.0), "2,400,000");
        assert_eq!(fmt_num(300.0), "300");
        assert_eq!(fmt_num(2.5), "2.5");
        assert_eq!(fmt_num(-1234.25), "-1,234.25");
        assert_eq!(fmt_num(f64::INFINITY), "∞");
    }

    #[test]
    fn bad_ranges_read_as_none() {
        let t = "añb";
        assert_eq!(slice(t, ByteRange { start: 0, end: 2 }), None);
        assert_eq!(slice(t, ByteRange { start: 3, end: 1 }), None);
        assert_eq!(slice(t, ByteRange { start: 0, end: 99 }), None);
        assert_eq!(slice(t, ByteRange { start: 1, end: 3 }), Some("ñ"));
    }
}

/// A number for machines: plain decimal, empty when not finite (CSV has no
/// infinity, and an empty `high` already means "unbounded").
pub fn fmt_csv_num(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        String::new()
    }
}

/// A piece of a quote wording, for printers that highlight word changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffKind {
    /// In both wordings.
    Same,
    /// Only in the reference wording.
    Removed,
    /// Only in this wording.
    Added,
}

/// The diff as (kind, words, space before) triples. No space goes before
/// closing punctuation so an added comma reads "safety, and", not "safety , and".
pub fn diff_pieces(diff: &[crosswire_model::dossier::WordDiff]) -> Vec<(DiffKind, &str, bool)> {
    use crosswire_model::dossier::WordDiff;
    let mut out = Vec::new();
    for (i, d) in diff.iter().enumerate() {
        let (k, w) = match d {
            WordDiff::Same(w) => (DiffKind::Same, w.as_str()),
            WordDiff::Removed(w) => (DiffKind::Removed, w.as_str()),
            WordDiff::Added(w) => (DiffKind::Added, w.as_str()),
        };
        let w = w.trim();
        if w.is_empty() {
            continue;
        }
        let closing = w.starts_with([',', '.', ';', ':', '!', '?', ')', '»', '”']);
        out.push((k, w, i > 0 && !out.is_empty() && !closing));
    }
    out
}

/// The cited sentences of some mentions, one per distinct rendering (wire
/// copies repeat a sentence word for word), each with the sorted, distinct
/// articles that carry it. `render` turns a mention into the text to show.
pub fn distinct_sentences(
    d: &Dossier,
    mentions: &[Mention],
    render: impl Fn(&Dossier, &Mention) -> Option<String>,
) -> Vec<(String, Vec<usize>)> {
    let mut seen: Vec<(String, Vec<usize>)> = Vec::new();
    for m in mentions {
        let Some(text) = render(d, m) else {
            continue;
        };
        match seen.iter_mut().find(|(t, _)| *t == text) {
            Some((_, a)) => a.push(m.article),
            None => seen.push((text, vec![m.article])),
        }
    }
    for (_, arts) in &mut seen {
        arts.sort_unstable();
        arts.dedup();
    }
    seen
}
