//! The cross-check across languages on MEANTIME: the same Wikinews stories
//! in English, Spanish, Italian and Dutch (`docs.jsonl`: `id`, `lang`,
//! `story`, `topic`, `title`, `text`). The versions of one story are
//! translations of it, so they are one origin and report the same figures.
//!
//! Origins are found over each topic at once (its stories are different
//! events of one kind, so they share names and must stay apart); figures
//! and quotes are cross-checked per story, its versions as one event. Each
//! runs once with the English and Spanish versions only and once with all
//! four languages.
//! The language of each article is detected, not taken from the data.
//!
//! Metrics (`<langs>` is `en_es` or `all`):
//! - `meantime.<langs>.origins.pairwise.precision/recall/f1`: pairs of
//!   articles of one topic, gold = same story, predicted = same origin;
//! - `meantime.<langs>.figures.pairwise.precision/recall/f1`: pairs of
//!   figure mentions of one story in two languages. A gold pair is two
//!   compared figures (claims, not years or ordinals) with the same value
//!   and unit class; a length, area, speed, mass or duration pairs only
//!   with one of its own dimension, equal within 2% once converted ("9,420
//!   nautical miles" and the other version's "17.446 kilómetros", which
//!   restates it; never "30 minutes" and "30 hours", or "four years" and
//!   "four sites", which the analyzer tells apart by unit); a predicted
//!   pair is two mentions in one dossier slot. A predicted pair is right
//!   when it is a gold pair;
//! - `meantime.<langs>.quotes.pairwise.precision/recall`: pairs of direct
//!   quotes in two languages. Gold: two quotes of one story whose digits
//!   and capitalised words (names) agree, with at least one such anchor;
//!   predicted: one dossier quote group. A pair in which either quote has
//!   no anchor is not scored: nothing says whether it is a translation;
//! - `CROSSWIRE_MEANTIME_DEBUG` set lists on stderr, for the run with all
//!   four languages, every compared figure (`FIG` rows) and every missed
//!   (`MISS`) or false (`FALSE`) figure pair with its slots and words;
//! - `meantime.figures.per_article.<lang>`: numbers read per article in
//!   each language, whatever role they are given (a language without
//!   number words reads few; whether a number is compared, an identifier
//!   or a year is the figure metrics' business, not this one's).

use crate::{prf, Metric};
use anyhow::{Context, Result};
use crosswire_crosscheck::measure::{dimension, Dim};
use crosswire_model::{Article, FigureRole, SpanKind};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

#[derive(Deserialize)]
struct Doc {
    id: String,
    lang: String,
    story: String,
    topic: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
}

/// A read article with its gold labels.
struct Read {
    lang: String,
    story: String,
    article: Article,
}

/// Runs the MEANTIME evaluation on `docs.jsonl`.
pub fn run(path: &Path) -> Result<Vec<Metric>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs: Vec<Doc> = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        docs.push(
            serde_json::from_str(line)
                .with_context(|| format!("{}: line {}", path.display(), n + 1))?,
        );
    }
    use rayon::prelude::*;
    let read: Vec<(String, Read)> = docs
        .into_par_iter()
        .map(|d| {
            let a = crate::read_record(&d.id, &d.title, &d.text)?;
            Ok((
                d.topic,
                Read {
                    lang: d.lang,
                    story: d.story,
                    article: a,
                },
            ))
        })
        .collect::<Result<_>>()?;
    let mut topics: BTreeMap<String, Vec<Read>> = BTreeMap::new();
    for (topic, r) in read {
        topics.entry(topic).or_default().push(r);
    }

    let mut out = Vec::new();
    let mut per_lang: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for docs in topics.values() {
        for r in docs {
            let e = per_lang.entry(r.lang.clone()).or_default();
            e.0 += r
                .article
                .spans
                .iter()
                .filter(|s| matches!(s.kind, SpanKind::Figure(_)))
                .count();
            e.1 += 1;
        }
    }
    for (name, langs) in [("en_es", &["en", "es"][..]), ("all", &[][..])] {
        let mut totals = Totals::default();
        for docs in topics.values() {
            let chosen: Vec<&Read> = docs
                .iter()
                .filter(|r| langs.is_empty() || langs.contains(&r.lang.as_str()))
                .collect();
            totals.add(&score_origins(&chosen));
            let mut stories: BTreeMap<&str, Vec<&Read>> = BTreeMap::new();
            for r in &chosen {
                stories.entry(r.story.as_str()).or_default().push(r);
            }
            for versions in stories.values() {
                totals.add(&score_story(versions));
            }
        }
        for (what, (tp, fp, fnn)) in [
            ("origins", totals.origins),
            ("figures", totals.figures),
            ("quotes", totals.quotes),
        ] {
            let (p, r, f) = prf(tp, fp, fnn);
            out.push(Metric::new(
                format!("meantime.{name}.{what}.pairwise.precision"),
                p,
            ));
            out.push(Metric::new(
                format!("meantime.{name}.{what}.pairwise.recall"),
                r,
            ));
            out.push(Metric::new(
                format!("meantime.{name}.{what}.pairwise.f1"),
                f,
            ));
        }
        out.push(Metric::new(
            format!("meantime.{name}.origins.count"),
            totals.origin_count as f64,
        ));
    }
    for (lang, (figures, articles)) in per_lang {
        out.push(Metric::new(
            format!("meantime.figures.per_article.{lang}"),
            figures as f64 / articles.max(1) as f64,
        ));
    }
    Ok(out)
}

/// True, false and missed pairs of each kind.
#[derive(Default)]
struct Totals {
    origins: (usize, usize, usize),
    figures: (usize, usize, usize),
    quotes: (usize, usize, usize),
    origin_count: usize,
}

impl Totals {
    fn add(&mut self, o: &Totals) {
        for (a, b) in [
            (&mut self.origins, o.origins),
            (&mut self.figures, o.figures),
            (&mut self.quotes, o.quotes),
        ] {
            a.0 += b.0;
            a.1 += b.1;
            a.2 += b.2;
        }
        self.origin_count += o.origin_count;
    }
}

/// A direct quote of an article: its content range and anchors.
type QuoteKey = ((u32, u32), Vec<String>);

/// A compared figure of an article: its byte range, value and unit class.
/// A figure's span, value (to a millionth), unit class, and for a
/// measure with convertible units its dimension and value in the base
/// unit.
type FigureKey = ((u32, u32), i64, String, Option<(Dim, f64)>);

/// The figures worth comparing, with their value (to a millionth, so equal
/// values written differently meet) and unit class.
fn compared_figures(a: &Article) -> Vec<FigureKey> {
    a.spans
        .iter()
        .filter_map(|s| match &s.kind {
            SpanKind::Figure(f) if f.role == FigureRole::Claim => {
                let (dim, factor) = dimension(f.unit.as_deref(), f.role);
                let convertible = matches!(
                    dim,
                    Dim::Length | Dim::Area | Dim::Speed | Dim::Mass | Dim::Duration
                );
                Some((
                    (s.range.start, s.range.end),
                    (f.value * 1e6).round() as i64,
                    unit_class(f.unit.as_deref()),
                    convertible.then_some((dim, f.value * factor)),
                ))
            }
            _ => None,
        })
        .collect()
}

/// The unit a translation must keep: a currency code, a symbol or an
/// abbreviated measure ("USD", "%", "km") as written; any counted noun
/// ("people", "aviones") is one class, since it is translated.
fn unit_class(unit: Option<&str>) -> String {
    match unit {
        Some(u)
            if u.chars().count() <= 3
                || u.chars().all(|c| c.is_ascii_uppercase())
                || !u.chars().all(char::is_alphabetic) =>
        {
            u.to_string()
        }
        _ => "count".to_string(),
    }
}

/// Whether two figures of one story are one figure told twice: the same
/// value and unit class, or, for a measure in a convertible unit, the same
/// size once converted (within 2%). A convertible measure never pairs by
/// value alone: "30 minutes" is not "30 hours", nor "four years" "four
/// sites", though a translated counted noun and a duration share a class.
fn same_figure(fa: &FigureKey, fb: &FigureKey) -> bool {
    match (&fa.3, &fb.3) {
        (Some((da, va)), Some((db, vb))) => {
            da == db && (va - vb).abs() <= 0.02 * va.abs().max(vb.abs())
        }
        (None, None) => fa.1 == fb.1 && fa.2 == fb.2,
        _ => false,
    }
}

/// Pairs of items in two different languages, as (i, j) with i < j over a
/// flat list of (article, item key).
fn cross_pairs<K>(items: &[(usize, K)], lang: &[&str]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            if lang[items[i].0] != lang[items[j].0] {
                out.push((i, j));
            }
        }
    }
    out
}

/// Origins over the articles of one topic, cross-checked together.
fn score_origins(docs: &[&Read]) -> Totals {
    let articles: Vec<Article> = docs.iter().map(|r| r.article.clone()).collect();
    let origins = crosswire_link::find_origins(&articles, &Default::default());
    let mut t = Totals {
        origin_count: origins.clusters.len(),
        ..Totals::default()
    };
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let g = docs[i].story == docs[j].story;
            let p = origins.of_article.get(i).is_some()
                && origins.of_article.get(i) == origins.of_article.get(j);
            tally(&mut t.origins, g, p);
        }
    }
    t
}

/// Figures and quotes across the versions of one story, cross-checked as
/// one event (what a user who gathers one story's coverage would run).
fn score_story(docs: &[&Read]) -> Totals {
    let articles: Vec<Article> = docs.iter().map(|r| r.article.clone()).collect();
    let dossier = crosswire_crosscheck::crosscheck(articles, &Default::default());
    let mut t = Totals::default();
    let lang: Vec<&str> = docs.iter().map(|r| r.lang.as_str()).collect();
    // The listing is of the run with every language (more than two
    // versions), which holds the English and Spanish pairs too.
    let debug = std::env::var_os("CROSSWIRE_MEANTIME_DEBUG").is_some() && docs.len() > 2;

    // Figures: every compared figure, and the dossier slot holding it.
    let mut slot_of: HashMap<(usize, (u32, u32)), usize> = HashMap::new();
    for (s, slot) in dossier.figures.iter().enumerate() {
        for v in &slot.values {
            for m in &v.mentions {
                slot_of.insert((m.article, (m.span.start, m.span.end)), s);
            }
        }
    }
    let figures: Vec<(usize, FigureKey)> = docs
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            compared_figures(&r.article)
                .into_iter()
                .map(move |f| (i, f))
        })
        .collect();
    if debug {
        for (i, f) in &figures {
            eprintln!(
                "FIG\t{}",
                describe_figure(docs, &dossier, &slot_of, *i, f, true)
            );
        }
    }
    for (x, y) in cross_pairs(&figures, &lang) {
        let ((a, fa), (b, fb)) = (&figures[x], &figures[y]);
        let g = docs[*a].story == docs[*b].story && same_figure(fa, fb);
        let sa = slot_of.get(&(*a, fa.0));
        let p = sa.is_some() && sa == slot_of.get(&(*b, fb.0));
        if g != p && debug {
            eprintln!(
                "{} {} v={}\n  {}\n  {}",
                if g { "MISS" } else { "FALSE" },
                docs[*a].story,
                fa.1 as f64 / 1e6,
                describe_figure(docs, &dossier, &slot_of, *a, fa, false),
                describe_figure(docs, &dossier, &slot_of, *b, fb, false)
            );
        }
        tally(&mut t.figures, g, p);
    }

    // Quotes: direct quotes, their anchors, and the dossier group of each.
    let mut group_of: HashMap<(usize, (u32, u32)), usize> = HashMap::new();
    for (g, group) in dossier.quotes.iter().enumerate() {
        for v in &group.variants {
            for m in &v.mentions {
                group_of.insert((m.article, (m.span.start, m.span.end)), g);
            }
        }
    }
    let quotes: Vec<(usize, QuoteKey)> = docs
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            r.article.spans.iter().filter_map(move |s| match &s.kind {
                SpanKind::Quote(q) if q.direct => Some((
                    i,
                    (
                        (q.content.start, q.content.end),
                        quote_anchors(r.article.slice(q.content)),
                    ),
                )),
                _ => None,
            })
        })
        .collect();
    for (x, y) in cross_pairs(&quotes, &lang) {
        let ((a, qa), (b, qb)) = (&quotes[x], &quotes[y]);
        // Anchors are all the gold there is: a quote without any ("an
        // easy option for everyone") may well be the other's translation,
        // so the pair is left out rather than counted false.
        if qa.1.is_empty() || qb.1.is_empty() {
            continue;
        }
        let g = docs[*a].story == docs[*b].story && qa.1 == qb.1;
        let ga = group_of.get(&(*a, qa.0));
        let p = ga.is_some() && ga == group_of.get(&(*b, qb.0));
        tally(&mut t.quotes, g, p);
    }
    t
}

/// One compared figure for the `CROSSWIRE_MEANTIME_DEBUG` listing: as a
/// tab-separated row (story, language, slot, value, unit class, text,
/// converted size) when `row`, else as its language, slot, reading and
/// the words around it, the figure in `[[ ]]`.
fn describe_figure(
    docs: &[&Read],
    dossier: &crosswire_model::dossier::Dossier,
    slot_of: &HashMap<(usize, (u32, u32)), usize>,
    i: usize,
    f: &FigureKey,
    row: bool,
) -> String {
    let Some(r) = docs.get(i) else {
        return String::new();
    };
    let text = r.article.text.as_str();
    let (s, e) = (f.0 .0 as usize, f.0 .1 as usize);
    let said = |a: usize, b: usize| text.get(a..b).unwrap_or("").replace(['\n', '\t'], " ");
    let slot = slot_of.get(&(i, f.0)).copied();
    if row {
        return format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{:?}",
            r.story,
            r.lang,
            slot.map_or(-1, |s| s as i64),
            f.1,
            f.2,
            said(s, e),
            f.3
        );
    }
    let slot = slot
        .and_then(|s| dossier.figures.get(s).map(|x| format!("#{s} {}", x.label)))
        .unwrap_or_else(|| "-".into());
    let reading = r
        .article
        .spans
        .iter()
        .find(|x| (x.range.start, x.range.end) == f.0)
        .and_then(|x| match &x.kind {
            SpanKind::Figure(x) => Some(format!(
                "{:?} q={:?} counts={:?}",
                x.unit, x.qualifier, x.counts
            )),
            _ => None,
        })
        .unwrap_or_default();
    let lo = text.floor_char_boundary(s.saturating_sub(60));
    let hi = text.ceil_char_boundary((e + 50).min(text.len()));
    format!(
        "{} slot {slot} | {reading}\n     {}[[{}]]{}",
        r.lang,
        said(lo, s),
        said(s, e),
        said(e, hi)
    )
}

/// The names and numbers of a quotation, sorted: what a translation keeps.
fn quote_anchors(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .enumerate()
        .filter(|(i, w)| {
            (w.len() >= 2 && w.chars().all(|c| c.is_ascii_digit()))
                || (*i > 0
                    && w.chars().count() >= 3
                    && w.chars().next().is_some_and(char::is_uppercase))
        })
        .map(|(_, w)| w.to_lowercase())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    out.sort();
    out
}

fn tally(c: &mut (usize, usize, usize), gold: bool, predicted: bool) {
    match (gold, predicted) {
        (true, true) => c.0 += 1,
        (false, true) => c.1 += 1,
        (true, false) => c.2 += 1,
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_classes_keep_currencies_and_merge_nouns() {
        assert_eq!(unit_class(Some("USD")), "USD");
        assert_eq!(unit_class(Some("%")), "%");
        assert_eq!(unit_class(Some("km")), "km");
        assert_eq!(unit_class(Some("aircraft")), "count");
        assert_eq!(unit_class(Some("aviones")), "count");
        assert_eq!(unit_class(None), "count");
    }

    #[test]
    fn convertible_measures_pair_by_size_only() {
        let fig = |value: f64, class: &str, size: Option<(Dim, f64)>| -> FigureKey {
            (
                (0, 1),
                (value * 1e6).round() as i64,
                class.to_string(),
                size,
            )
        };
        let minutes = fig(30.0, "count", Some((Dim::Duration, 1_800.0)));
        let hours = fig(30.0, "count", Some((Dim::Duration, 108_000.0)));
        let half_day = fig(0.5, "count", Some((Dim::Duration, 43_200.0)));
        let twelve_hours = fig(12.0, "count", Some((Dim::Duration, 43_200.0)));
        let sites = fig(30.0, "count", None);
        assert!(!same_figure(&minutes, &hours));
        assert!(!same_figure(&minutes, &sites));
        assert!(same_figure(&half_day, &twelve_hours));
        assert!(same_figure(&sites, &fig(30.0, "count", None)));
        assert!(!same_figure(&sites, &fig(30.0, "USD", None)));
    }

    #[test]
    fn quote_anchors_are_names_and_numbers() {
        assert_eq!(
            quote_anchors("we sold 40 planes to Vantor in 2008"),
            vec!["2008", "40", "vantor"]
        );
        assert!(quote_anchors("we will win").is_empty());
    }
}
