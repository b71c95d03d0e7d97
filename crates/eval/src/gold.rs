//! Cross-check evaluation on any gold file of the `crosswire-gold/1`
//! schema: the seeds, the example corpus and every dev event. Each file is
//! one *set*: its articles are read, extracted and analyzed as `crosswire
//! check` would, cross-checked together, and the dossier is scored against
//! the annotation.
//!
//! # Matching
//!
//! A gold figure is located at the n-th occurrence of its `text` in the
//! extracted article (the n-th gold figure with that text in the article;
//! gold texts not found are counted in `figures.gold_not_found` and left
//! out). A dossier *mention* is one span of one value of one figure slot.
//! A mention *matches* a gold figure when they overlap, the value is right
//! (a number within 1e-6 relative; a `[low, high]` range by both ends; an
//! `"HH:MM"` time of day as minutes since midnight; a vague figure, with no
//! value, by its class alone) and the qualifier class is right. Qualifier
//! classes: `exact`; `lower` (more_than, at_least); `upper` (less_than,
//! up_to); `about`; `range`; `vague`. Matching is one to one, gold figures
//! in text order, each taking the first unmatched mention that fits.
//!
//! Each mention carries the *label* of the gold figure it matches, else the
//! labels of the gold figures it overlaps: their slot names, or
//! `incidental` for a gold figure with `slot: null`; a mention that
//! overlaps no gold figure is `unannotated`.
//!
//! # Metrics (per set, as `<set>.<metric>`)
//!
//! - `figures.precision/recall/f1`: precision is matched mentions over all
//!   mentions of the dossier's figure slots (a mention of an incidental or
//!   unannotated number counts against it); recall is matched gold figures
//!   over the located gold figures that have a slot. `figures.span_f1`
//!   asks only that the spans overlap, whatever the value and qualifier.
//! - `slots.pairwise.precision/recall/f1`: over pairs of located gold
//!   figures (incidental ones included). A pair is predicted together when
//!   both sit in one dossier slot (a gold figure sits where its matched
//!   mention does, else where the mention overlapping it most does); gold
//!   together when both have the same non-null slot. Every incidental gold
//!   figure the dossier puts in any slot adds one more false pair.
//! - `conflicts.reported`, `conflicts.pairs`: dossier figure slots with the
//!   verdict conflict, and the pairs of their values the dossier says
//!   cannot both be true ([`crosswire_model::dossier::FigureSlot::conflicts`]).
//! - `conflicts.slot_precision`: a reported conflict slot is true when the
//!   labels of all its values' mentions are one and the same gold slot, and
//!   that slot's verdict is `conflict`. 1 when nothing is reported.
//! - `conflicts.pair_precision`: the same test on each conflicting pair of
//!   values (the labels of the two values' mentions). 1 when nothing is
//!   reported.
//! - `conflicts.recall`: gold figure slots with the verdict `conflict` for
//!   which the dossier reports at least one true pair. Printed only when
//!   the set has such slots.
//! - `verdicts.accuracy`: over gold figure slots whose figures come from
//!   two or more gold origins, the verdict of the dossier slot holding most
//!   of the slot's located figures (none found counts as wrong).
//! - `revised.recall`: gold figure slots with the verdict `revised` whose
//!   dossier slot (as for verdicts) says `revised`. Printed only when the
//!   set has such slots.
//! - `quotes.speaker_accuracy`: over gold quotes located by their first
//!   words (`starts`, direct and reported speech alike), the share whose
//!   speaker the engine names. The engine's speaker is that of the dossier
//!   quote group carrying the words, else (reported speech forms no group)
//!   that of the article's own quote span there, the innermost direct one
//!   first; a gold quote the engine did not find counts as wrong. The
//!   speaker is named when it matches the gold speaker or one of its gold
//!   mentions in any article of the set, as `names_speaker` says (titles,
//!   initials and spelling of one article aside).
//! - `quotes.found`: the share of located gold quotes that the engine
//!   found at all (a group or a quote span overlapping them).
//! - `quotes.false_conflicts`: dossier quote groups with the verdict
//!   conflict whose mentions are not all of one gold quote slot with the
//!   verdict conflict.
//! - `origins.pairwise.precision/recall/f1`: pairs of articles, the gold
//!   `origin` (else the first wire credit, else the file) against the
//!   dossier's origin clusters. `macro.origins.pairwise.f1` is the mean of
//!   the sets' F1, which is lower than the F1 of the mean precision and
//!   mean recall when one is high and the other low (0.52 against 0.59 on
//!   the dev events before issue 13).
//!
//! With several sets, `macro.<metric>` is the plain mean over the sets
//! that print the metric, and `macro.sets` their number.

use crate::analysis::locate;
use crate::{prf, Metric};
use anyhow::{Context, Result};
use crosswire_model::dossier::{Dossier, SlotValue, Verdict};
use crosswire_model::{Article, Qualifier, SpanKind};
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

#[derive(Deserialize)]
struct Gold {
    articles: Vec<GoldArticle>,
    #[serde(default)]
    slots: BTreeMap<String, GoldSlot>,
}

#[derive(Deserialize)]
struct GoldArticle {
    file: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    origin: Option<String>,
    #[serde(default)]
    wire_credit: Vec<String>,
    #[serde(default)]
    figures: Vec<GoldFigure>,
    #[serde(default)]
    quotes: Vec<GoldQuote>,
    #[serde(default)]
    entities: Vec<GoldEntity>,
}

#[derive(Deserialize)]
struct GoldFigure {
    text: String,
    #[serde(default)]
    value: Value,
    qualifier: String,
    #[serde(default)]
    slot: Option<String>,
}

#[derive(Deserialize)]
struct GoldQuote {
    speaker: String,
    starts: String,
    #[serde(default)]
    slot: Option<String>,
}

#[derive(Deserialize)]
struct GoldEntity {
    name: String,
    #[serde(default)]
    mentions: Vec<String>,
}

#[derive(Deserialize)]
struct GoldSlot {
    kind: String,
    verdict: String,
    #[serde(default)]
    description: Option<String>,
}

/// The scores of one gold set, and the lines that explain its errors.
pub struct SetReport {
    /// The set's name: the gold file's stem without `.gold`.
    pub name: String,
    /// Metrics, without the set prefix.
    pub metrics: Vec<Metric>,
    /// False conflicts, missed conflicts, mixed slots and wrong verdicts,
    /// in words.
    pub explain: Vec<String>,
}

/// The name of a set: its file stem, without a `.gold` suffix.
pub fn set_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("gold")
        .to_string();
    stem.strip_suffix(".gold").unwrap_or(&stem).to_string()
}

/// Scores every gold file, then the macro averages (when there are two or
/// more sets). Returns the printed lines: `name value`, and `# ...` lines
/// of explanation when `explain` is set.
pub fn run(paths: &[std::path::PathBuf], explain: bool) -> Result<Vec<String>> {
    let mut lines = Vec::new();
    let mut all: Vec<SetReport> = Vec::new();
    for p in paths {
        let report = score_file(p).with_context(|| format!("scoring {}", p.display()))?;
        for m in &report.metrics {
            lines.push(format!(
                "{}",
                Metric::new(format!("{}.{}", report.name, m.name), m.value)
            ));
        }
        if explain {
            lines.extend(
                report
                    .explain
                    .iter()
                    .map(|l| format!("# {}: {l}", report.name)),
            );
        }
        all.push(report);
    }
    if all.len() > 1 {
        lines.push(format!("{}", Metric::new("macro.sets", all.len() as f64)));
        for m in macro_average(&all) {
            lines.push(format!("{m}"));
        }
    }
    Ok(lines)
}

/// The mean of each metric over the sets that print it, in first-seen order.
fn macro_average(sets: &[SetReport]) -> Vec<Metric> {
    let mut order: Vec<&str> = Vec::new();
    let mut sums: HashMap<&str, (f64, usize)> = HashMap::new();
    for s in sets {
        for m in &s.metrics {
            let e = sums.entry(m.name.as_str()).or_insert_with(|| {
                order.push(m.name.as_str());
                (0.0, 0)
            });
            e.0 += m.value;
            e.1 += 1;
        }
    }
    order
        .into_iter()
        .filter_map(|n| {
            sums.get(n)
                .map(|(s, c)| Metric::new(format!("macro.{n}"), s / *c as f64))
        })
        .collect()
}

/// Reads, analyzes, cross-checks and scores one gold file.
pub fn score_file(path: &Path) -> Result<SetReport> {
    let gold: Gold = serde_json::from_slice(
        &std::fs::read(path).with_context(|| format!("reading {}", path.display()))?,
    )
    .with_context(|| format!("parsing {}", path.display()))?;
    let files: Vec<(String, Option<String>)> = gold
        .articles
        .iter()
        .map(|a| (a.file.clone(), a.published.clone()))
        .collect();
    let articles = crate::crosscheck::load_articles_of(path, &files)?;
    let dossier = crosswire_crosscheck::crosscheck(articles.clone(), &Default::default());
    let (metrics, explain) = score(&gold, &articles, &dossier);
    Ok(SetReport {
        name: set_name(path),
        metrics,
        explain,
    })
}

/// What a dossier mention stands for in the gold.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Label {
    /// A gold slot.
    Slot(String),
    /// A gold figure with `slot: null`.
    Incidental,
    /// No gold figure there.
    Unannotated,
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Label::Slot(s) => f.write_str(s),
            Label::Incidental => f.write_str("(incidental)"),
            Label::Unannotated => f.write_str("(not a gold figure)"),
        }
    }
}

/// A located gold figure.
struct GoldLoc<'g> {
    article: usize,
    range: (usize, usize),
    fig: &'g GoldFigure,
}

/// A mention of the dossier: slot, value, article and span.
struct PredMention<'d> {
    slot: usize,
    value: usize,
    article: usize,
    range: (usize, usize),
    sv: &'d SlotValue,
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn qualifier_class(q: &str) -> &str {
    match q {
        "more_than" | "at_least" => "lower",
        "less_than" | "up_to" => "upper",
        other => other,
    }
}

fn predicted_class(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::MoreThan | Qualifier::AtLeast => "lower",
        Qualifier::LessThan | Qualifier::UpTo => "upper",
        Qualifier::About => "about",
        Qualifier::Range => "range",
        Qualifier::Vague => "vague",
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

/// Minutes since midnight of an `"HH:MM"` string.
fn clock_minutes(s: &str) -> Option<f64> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u32, u32) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
    (h < 24 && m < 60).then_some(f64::from(h * 60 + m))
}

fn value_ok(g: &GoldFigure, v: &SlotValue) -> bool {
    match &g.value {
        Value::Null => true,
        Value::Number(n) => n.as_f64().is_some_and(|n| {
            close(v.value, n) || (v.qualifier == Qualifier::Range && close(v.low, n))
        }),
        Value::Array(ends) => {
            let lo = ends.first().and_then(Value::as_f64);
            let hi = ends.get(1).and_then(Value::as_f64);
            match (lo, hi) {
                (Some(lo), Some(hi)) => {
                    (close(v.low, lo) || close(v.value, lo)) && v.high.is_some_and(|h| close(h, hi))
                }
                _ => false,
            }
        }
        Value::String(s) => match clock_minutes(s) {
            Some(min) => {
                v.unit.as_deref().is_some_and(|u| u.starts_with("time")) && close(v.value, min)
            }
            // A value in words ("life"): the unit says it.
            None => v.unit.as_deref().is_some_and(|u| u.eq_ignore_ascii_case(s)),
        },
        _ => false,
    }
}

fn fits(g: &GoldFigure, v: &SlotValue) -> bool {
    qualifier_class(&g.qualifier) == predicted_class(v.qualifier) && value_ok(g, v)
}

fn norm(s: &str) -> String {
    let s = s.trim().replace('’', "'").to_lowercase();
    s.strip_prefix("the ").unwrap_or(&s).to_string()
}

/// Name words that say nothing about who the person is: honorifics,
/// titles and ranks ("Sgt.", "Undersheriff"), and single-letter initials.
fn name_words(s: &str) -> Vec<String> {
    const TITLES: &[&str] = &[
        "the",
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "prof",
        "professor",
        "sgt",
        "sergeant",
        "lt",
        "capt",
        "captain",
        "gen",
        "general",
        "col",
        "president",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "sheriff",
        "undersheriff",
        "chief",
        "judge",
        "senator",
        "sen",
        "rep",
        "gov",
        "governor",
        "officer",
        "detective",
        "admiral",
        "adm",
    ];
    s.to_lowercase()
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| w.chars().count() > 1 && !TITLES.contains(w))
        .map(str::to_string)
        .collect()
}

/// A proper name, not a phrase: every word capitalized, but for name
/// particles ("al-Hassan", "van", "de") and the joints of an organisation's
/// name ("Ministry of Defence").
fn is_name(s: &str) -> bool {
    s.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| !c.is_alphabetic() || c.is_uppercase())
            || w.split('-')
                .nth(1)
                .is_some_and(|r| r.starts_with(char::is_uppercase))
            || matches!(
                w,
                "van"
                    | "von"
                    | "de"
                    | "da"
                    | "del"
                    | "der"
                    | "bin"
                    | "ibn"
                    | "al"
                    | "of"
                    | "for"
                    | "and"
            )
    })
}

/// Whether a predicted speaker names the gold one. `gold` is the gold
/// speaker or one of its gold mentions in any article of the set (the
/// gold gives one canonical name per event, while each article spells the
/// name its own way, and its mentions are often phrases: "Port governor
/// Ann Lee", "the head of the union, Ann Lee"). Case, a leading "the",
/// titles, initials and hyphens aside, the predicted speaker names the gold
/// one when it is the same words; when it holds every word of the gold
/// name in order ("County Undersheriff Ann Lee" names "Ann Lee"); when two
/// words or more of it are all in the gold name, in order; when it is the
/// name that ends one comma-separated part of a gold mention (a capitalized
/// last word, so that "the union" in "Ann Lee, head of the union" names
/// nobody); or when it is a surname alone that no other entity of the
/// article (`others`) bears.
fn names_speaker(predicted: &str, gold: &str, others: &[&str]) -> bool {
    if norm(predicted) == norm(gold) {
        return true;
    }
    let (p, g) = (name_words(predicted), name_words(gold));
    if p.is_empty() || g.is_empty() {
        return false;
    }
    let in_order = |short: &[String], long: &[String]| {
        let mut it = long.iter();
        short.iter().all(|w| it.any(|x| x == w))
    };
    // Every word of the gold name in the prediction, or a prediction of
    // two words or more inside the gold name ("Ann Lee" for "Ann Lee-Ortiz").
    if in_order(&g, &p) || p.len() >= 2 && is_name(gold) && in_order(&p, &g) {
        return true;
    }
    if p.len() == 1 {
        let surname = p.first();
        return g.len() >= 2
            && g.last() == surname
            && !others.iter().any(|o| name_words(o).last() == surname);
    }
    gold.split(',').any(|part| {
        let words = name_words(part);
        let capitalized = part
            .split_whitespace()
            .last()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        capitalized && words.last() == p.last() && in_order(&p, &words)
    })
}

fn verdict_name(v: Verdict) -> &'static str {
    crate::crosscheck::verdict_name(v)
}

fn score(gold: &Gold, articles: &[Article], dossier: &Dossier) -> (Vec<Metric>, Vec<String>) {
    let mut out = Vec::new();
    let mut explain = Vec::new();
    let file_of = |a: usize| {
        gold.articles
            .get(a)
            .map(|g| g.file.trim_end_matches(".txt").to_string())
            .unwrap_or_default()
    };

    // Gold figures, located.
    let mut locs: Vec<GoldLoc> = Vec::new();
    let mut not_found = 0usize;
    for (ai, ga) in gold.articles.iter().enumerate() {
        let Some(article) = articles.get(ai) else {
            continue;
        };
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for gf in &ga.figures {
            let k = seen.entry(gf.text.as_str()).or_insert(0);
            let nth = *k;
            *k += 1;
            match locate(&article.text, &gf.text, nth) {
                Some(range) => locs.push(GoldLoc {
                    article: ai,
                    range,
                    fig: gf,
                }),
                None => not_found += 1,
            }
        }
    }

    // Dossier mentions.
    let mut preds: Vec<PredMention> = Vec::new();
    for (si, slot) in dossier.figures.iter().enumerate() {
        for (vi, v) in slot.values.iter().enumerate() {
            for m in &v.mentions {
                preds.push(PredMention {
                    slot: si,
                    value: vi,
                    article: m.article,
                    range: (m.span.start as usize, m.span.end as usize),
                    sv: v,
                });
            }
        }
    }

    // One-to-one matching, gold in text order.
    let mut matched_pred: Vec<Option<usize>> = vec![None; preds.len()];
    let mut gold_pred: Vec<Option<usize>> = vec![None; locs.len()];
    for (gi, g) in locs.iter().enumerate() {
        let hit = preds.iter().enumerate().find(|(pi, p)| {
            matched_pred[*pi].is_none()
                && p.article == g.article
                && overlap(p.range, g.range) > 0
                && fits(g.fig, p.sv)
        });
        if let Some((pi, _)) = hit {
            matched_pred[pi] = Some(gi);
            gold_pred[gi] = Some(pi);
        }
    }
    let claim_golds = locs.iter().filter(|g| g.fig.slot.is_some()).count();
    let tp = locs
        .iter()
        .zip(&gold_pred)
        .filter(|(g, p)| g.fig.slot.is_some() && p.is_some())
        .count();
    let tp_pred = matched_pred
        .iter()
        .filter(|m| m.is_some_and(|gi| locs[gi].fig.slot.is_some()))
        .count();
    // Precision and recall have different numerators (matched mentions,
    // matched gold figures), equal under one-to-one matching but for gold
    // figures without a slot, which only precision sees.
    let precision = prf(tp_pred, preds.len() - tp_pred, 0).0;
    let recall = prf(tp, 0, claim_golds - tp).1;
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    out.push(Metric::new("figures.precision", precision));
    out.push(Metric::new("figures.recall", recall));
    out.push(Metric::new("figures.f1", f1));
    out.push(Metric::new("figures.gold_not_found", not_found as f64));
    // The spans alone, whatever the value: how far off the full metric is
    // from value and qualifier errors rather than missed numbers.
    let span_tp_pred = preds
        .iter()
        .filter(|p| {
            locs.iter().any(|g| {
                g.fig.slot.is_some() && g.article == p.article && overlap(g.range, p.range) > 0
            })
        })
        .count();
    let span_tp = locs
        .iter()
        .filter(|g| {
            g.fig.slot.is_some()
                && preds
                    .iter()
                    .any(|p| g.article == p.article && overlap(g.range, p.range) > 0)
        })
        .count();
    let sp = prf(span_tp_pred, preds.len() - span_tp_pred, 0).0;
    let sr = prf(span_tp, 0, claim_golds - span_tp).1;
    out.push(Metric::new(
        "figures.span_f1",
        if sp + sr == 0.0 {
            0.0
        } else {
            2.0 * sp * sr / (sp + sr)
        },
    ));
    let gold_value = |g: &GoldFigure| format!("{} {}", g.value, g.qualifier);
    let pred_value = |p: &PredMention| {
        format!(
            "{}{} {}",
            p.sv.value,
            p.sv.high
                .filter(|h| (h - p.sv.value).abs() > 1e-9)
                .map(|h| format!("..{h}"))
                .unwrap_or_default(),
            crate::analysis::qualifier_name(p.sv.qualifier)
        )
    };
    for (gi, g) in locs.iter().enumerate() {
        if g.fig.slot.is_none() || gold_pred[gi].is_some() {
            continue;
        }
        let near: Vec<String> = preds
            .iter()
            .filter(|p| p.article == g.article && overlap(p.range, g.range) > 0)
            .map(|p| {
                let text = articles
                    .get(p.article)
                    .and_then(|a| a.text.get(p.range.0..p.range.1))
                    .unwrap_or("");
                format!("“{text}” = {}", pred_value(p))
            })
            .collect();
        explain.push(format!(
            "figure missed [{}] “{}” = {}{}",
            file_of(g.article),
            g.fig.text,
            gold_value(g.fig),
            if near.is_empty() {
                String::new()
            } else {
                format!(", got {}", near.join(", "))
            }
        ));
    }
    for (pi, p) in preds.iter().enumerate() {
        if matched_pred[pi].is_some_and(|gi| locs[gi].fig.slot.is_some()) {
            continue;
        }
        let text = articles
            .get(p.article)
            .and_then(|a| a.text.get(p.range.0..p.range.1))
            .unwrap_or("");
        let why = match matched_pred[pi] {
            Some(_) => "an incidental number",
            None if locs
                .iter()
                .any(|g| g.article == p.article && overlap(g.range, p.range) > 0) =>
            {
                "wrong value or qualifier"
            }
            None => "not a gold figure",
        };
        explain.push(format!(
            "figure extra [{}] “{text}” = {} ({why})",
            file_of(p.article),
            pred_value(p)
        ));
    }

    // Labels of each mention.
    let label_of = |g: &GoldLoc| match &g.fig.slot {
        Some(s) => Label::Slot(s.clone()),
        None => Label::Incidental,
    };
    let labels: Vec<BTreeSet<Label>> = preds
        .iter()
        .enumerate()
        .map(|(pi, p)| {
            // A mention that matches a gold figure is that figure, not
            // the others its span touches ("80" in "30 of the 80 wounded"
            // is the 80, not the 30).
            if let Some(g) = matched_pred[pi].and_then(|gi| locs.get(gi)) {
                return BTreeSet::from([label_of(g)]);
            }
            let set: BTreeSet<Label> = locs
                .iter()
                .filter(|g| g.article == p.article && overlap(g.range, p.range) > 0)
                .map(label_of)
                .collect();
            if set.is_empty() {
                BTreeSet::from([Label::Unannotated])
            } else {
                set
            }
        })
        .collect();

    // Where each located gold figure sits in the dossier.
    let gold_slot: Vec<Option<usize>> = locs
        .iter()
        .enumerate()
        .map(|(gi, g)| match gold_pred[gi] {
            Some(pi) => Some(preds[pi].slot),
            None => preds
                .iter()
                .filter(|p| p.article == g.article)
                .map(|p| (overlap(p.range, g.range), p.slot))
                .filter(|(o, _)| *o > 0)
                .max_by_key(|(o, _)| *o)
                .map(|(_, s)| s),
        })
        .collect();

    // Slot alignment, pairwise.
    let (mut stp, mut sfp, mut sfn) = (0usize, 0usize, 0usize);
    for i in 0..locs.len() {
        for j in i + 1..locs.len() {
            let g = matches!((&locs[i].fig.slot, &locs[j].fig.slot), (Some(a), Some(b)) if a == b);
            let p = matches!((gold_slot[i], gold_slot[j]), (Some(a), Some(b)) if a == b);
            match (g, p) {
                (true, true) => stp += 1,
                (false, true) => sfp += 1,
                (true, false) => sfn += 1,
                _ => {}
            }
        }
    }
    sfp += locs
        .iter()
        .zip(&gold_slot)
        .filter(|(g, s)| g.fig.slot.is_none() && s.is_some())
        .count();
    let (p, r, f) = prf(stp, sfp, sfn);
    out.push(Metric::new("slots.pairwise.precision", p));
    out.push(Metric::new("slots.pairwise.recall", r));
    out.push(Metric::new("slots.pairwise.f1", f));

    // Conflicts.
    let value_labels = |si: usize, vi: usize| -> BTreeSet<Label> {
        preds
            .iter()
            .zip(&labels)
            .filter(|(p, _)| p.slot == si && p.value == vi)
            .flat_map(|(_, l)| l.iter().cloned())
            .collect()
    };
    let is_gold_conflict = |l: &BTreeSet<Label>| -> Option<String> {
        match l.iter().collect::<Vec<_>>().as_slice() {
            [Label::Slot(s)] => gold
                .slots
                .get(s)
                .filter(|g| g.kind == "figure" && g.verdict == "conflict")
                .map(|_| s.clone()),
            _ => None,
        }
    };
    let (mut reported, mut true_slots, mut pairs, mut true_pairs) = (0, 0, 0, 0);
    let mut found: BTreeSet<String> = BTreeSet::new();
    for (si, slot) in dossier.figures.iter().enumerate() {
        if slot.verdict != Verdict::Conflict {
            continue;
        }
        reported += 1;
        let all: BTreeSet<Label> = (0..slot.values.len())
            .flat_map(|vi| value_labels(si, vi))
            .collect();
        let slot_true = is_gold_conflict(&all).is_some();
        if slot_true {
            true_slots += 1;
        }
        let slot_pairs: Vec<[usize; 2]> = if slot.conflicts.is_empty() {
            (0..slot.values.len())
                .flat_map(|i| (i + 1..slot.values.len()).map(move |j| [i, j]))
                .collect()
        } else {
            slot.conflicts.clone()
        };
        let mut wrong = Vec::new();
        for [a, b] in slot_pairs {
            pairs += 1;
            let mut l = value_labels(si, a);
            l.extend(value_labels(si, b));
            match is_gold_conflict(&l) {
                Some(g) => {
                    true_pairs += 1;
                    found.insert(g);
                }
                None => {
                    let words = |vi: usize| {
                        slot.values
                            .get(vi)
                            .map(|v| {
                                let files: BTreeSet<String> =
                                    v.mentions.iter().map(|m| file_of(m.article)).collect();
                                let ls: Vec<String> =
                                    value_labels(si, vi).iter().map(|l| l.to_string()).collect();
                                format!(
                                    "“{}” [{}] = {}",
                                    v.text,
                                    files.into_iter().collect::<Vec<_>>().join(", "),
                                    ls.join("+")
                                )
                            })
                            .unwrap_or_default()
                    };
                    wrong.push(format!("{} vs {}", words(a), words(b)));
                }
            }
        }
        if !slot_true || !wrong.is_empty() {
            explain.push(format!(
                "false conflict “{}”: {}",
                slot.label,
                if wrong.is_empty() {
                    "its pairs are right but the slot holds other quantities".to_string()
                } else {
                    wrong.join("; ")
                }
            ));
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    out.push(Metric::new("conflicts.reported", reported as f64));
    out.push(Metric::new("conflicts.pairs", pairs as f64));
    out.push(Metric::new(
        "conflicts.slot_precision",
        ratio(true_slots, reported),
    ));
    out.push(Metric::new(
        "conflicts.pair_precision",
        ratio(true_pairs, pairs),
    ));
    let gold_conflicts: Vec<&String> = gold
        .slots
        .iter()
        .filter(|(_, s)| s.kind == "figure" && s.verdict == "conflict")
        .map(|(n, _)| n)
        .collect();
    if !gold_conflicts.is_empty() {
        let hit = gold_conflicts
            .iter()
            .filter(|g| found.contains(**g))
            .count();
        out.push(Metric::new(
            "conflicts.recall",
            hit as f64 / gold_conflicts.len() as f64,
        ));
    }

    // Verdicts: the dossier slot holding most of a gold slot's figures.
    let mut majority: BTreeMap<&str, Option<usize>> = BTreeMap::new();
    {
        let mut counts: BTreeMap<&str, BTreeMap<usize, usize>> = BTreeMap::new();
        for (g, s) in locs.iter().zip(&gold_slot) {
            let Some(name) = g.fig.slot.as_deref() else {
                continue;
            };
            let e = counts.entry(name).or_default();
            if let Some(s) = s {
                *e.entry(*s).or_insert(0) += 1;
            }
        }
        for (name, c) in counts {
            let best = c
                .into_iter()
                .max_by_key(|(s, n)| (*n, std::cmp::Reverse(*s)))
                .map(|(s, _)| s);
            majority.insert(name, best);
        }
    }
    let origin_of = |a: &GoldArticle| {
        a.origin
            .clone()
            .or_else(|| a.wire_credit.first().cloned())
            .unwrap_or_else(|| a.file.clone())
    };
    let mut slot_origins: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for a in &gold.articles {
        for f in &a.figures {
            if let Some(s) = &f.slot {
                slot_origins.entry(s).or_default().insert(origin_of(a));
            }
        }
    }
    let (mut judged, mut right, mut revised, mut revised_hit) = (0, 0, 0, 0);
    for (name, slot) in &gold.slots {
        if slot.kind != "figure" {
            continue;
        }
        let predicted = majority
            .get(name.as_str())
            .copied()
            .flatten()
            .and_then(|s| dossier.figures.get(s));
        let got = predicted.map_or("(not found)", |p| verdict_name(p.verdict));
        if slot.verdict == "revised" {
            revised += 1;
            revised_hit += usize::from(got == "revised");
        }
        if slot_origins.get(name.as_str()).map_or(0, BTreeSet::len) < 2 {
            continue;
        }
        judged += 1;
        if got == slot.verdict {
            right += 1;
        } else {
            explain.push(format!(
                "verdict of {name} ({}): gold {}, got {got}{}",
                slot.description.as_deref().unwrap_or(""),
                slot.verdict,
                predicted
                    .map(|p| format!(" in “{}”", p.label))
                    .unwrap_or_default()
            ));
        }
    }
    if judged > 0 {
        out.push(Metric::new(
            "verdicts.accuracy",
            right as f64 / judged as f64,
        ));
    }
    if revised > 0 {
        out.push(Metric::new(
            "revised.recall",
            revised_hit as f64 / revised as f64,
        ));
    }
    for g in &gold_conflicts {
        if found.contains(*g) {
            continue;
        }
        let whereto: Vec<String> = locs
            .iter()
            .zip(&gold_slot)
            .filter(|(l, _)| l.fig.slot.as_deref() == Some(g.as_str()))
            .map(|(l, s)| {
                let at = match s.and_then(|s| dossier.figures.get(s)) {
                    Some(p) => format!("“{}” ({})", p.label, verdict_name(p.verdict)),
                    None => "nowhere".to_string(),
                };
                format!("“{}” [{}] → {at}", l.fig.text, file_of(l.article))
            })
            .collect();
        explain.push(format!(
            "missed conflict {g} ({}): {}",
            gold.slots
                .get(g.as_str())
                .and_then(|s| s.description.as_deref())
                .unwrap_or(""),
            whereto.join("; ")
        ));
    }
    // Gold slots the dossier splits.
    {
        let mut spread: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        let mut homes: BTreeMap<&str, BTreeSet<Option<usize>>> = BTreeMap::new();
        for (l, s) in locs.iter().zip(&gold_slot) {
            let Some(name) = l.fig.slot.as_deref() else {
                continue;
            };
            homes.entry(name).or_default().insert(*s);
            let at = match s.and_then(|s| dossier.figures.get(s)) {
                Some(p) => format!("#{} “{}”", s.unwrap_or(0), p.label),
                None => "nowhere".to_string(),
            };
            spread.entry(name).or_default().push(format!(
                "“{}” [{}] → {at}",
                l.fig.text,
                file_of(l.article)
            ));
        }
        for (name, h) in homes {
            if h.len() > 1 {
                explain.push(format!(
                    "split slot {name}: {}",
                    spread.get(name).map(|v| v.join("; ")).unwrap_or_default()
                ));
            }
        }
    }
    // Dossier slots that mix gold slots or hold incidental numbers.
    for (si, slot) in dossier.figures.iter().enumerate() {
        let ls: BTreeSet<Label> = preds
            .iter()
            .zip(&labels)
            .filter(|(p, _)| p.slot == si)
            .flat_map(|(_, l)| l.iter().cloned())
            .collect();
        let slots = ls.iter().filter(|l| matches!(l, Label::Slot(_))).count();
        if slots > 1 || (slots == 1 && ls.len() > 1) {
            let values: Vec<String> = slot
                .values
                .iter()
                .enumerate()
                .map(|(vi, v)| {
                    let l: Vec<String> =
                        value_labels(si, vi).iter().map(|l| l.to_string()).collect();
                    format!("“{}” = {}", v.text, l.join("+"))
                })
                .collect();
            explain.push(format!(
                "mixed slot “{}” ({}): {}",
                slot.label,
                verdict_name(slot.verdict),
                values.join("; ")
            ));
        }
    }

    // Quotes.
    let mut quote_labels: Vec<(usize, (usize, usize), Option<&str>)> = Vec::new();
    let (mut q_total, mut q_right, mut q_found) = (0usize, 0usize, 0usize);
    for (ai, ga) in gold.articles.iter().enumerate() {
        let Some(article) = articles.get(ai) else {
            continue;
        };
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for gq in &ga.quotes {
            let k = seen.entry(gq.starts.as_str()).or_insert(0);
            let nth = *k;
            *k += 1;
            let Some(range) = locate(&article.text, &gq.starts, nth) else {
                explain.push(format!("quote not located in {}: “{}”", ga.file, gq.starts));
                continue;
            };
            quote_labels.push((ai, range, gq.slot.as_deref()));
            q_total += 1;
            let mut names = vec![gq.speaker.as_str()];
            names.extend(
                gold.articles
                    .iter()
                    .flat_map(|a| &a.entities)
                    .filter(|e| e.name == gq.speaker)
                    .flat_map(|e| e.mentions.iter().map(String::as_str)),
            );
            // Other people of the article: a surname alone they share with
            // the speaker names nobody in particular.
            let others: Vec<&str> = ga
                .entities
                .iter()
                .filter(|e| e.name != gq.speaker)
                .map(|e| e.name.as_str())
                .collect();
            // The dossier's group when one carries the words, else the
            // article's own quote there (reported speech has no group).
            let group = dossier.quotes.iter().find(|g| {
                g.variants.iter().any(|v| {
                    v.mentions.iter().any(|m| {
                        m.article == ai
                            && overlap((m.span.start as usize, m.span.end as usize), range) > 0
                    })
                })
            });
            let own = article
                .spans
                .iter()
                .filter_map(|s| match &s.kind {
                    SpanKind::Quote(q) => Some((s.range.start as usize, s.range.end as usize, q)),
                    _ => None,
                })
                .filter(|(s, e, _)| overlap((*s, *e), range) > 0)
                .min_by_key(|(s, e, q)| (!q.direct as usize, e - s));
            let got: Option<Option<&str>> = match (group, own) {
                (Some(g), _) => Some(g.speaker.as_deref()),
                (None, Some((_, _, q))) => Some(q.speaker.as_deref()),
                (None, None) => None,
            };
            if got.is_some() {
                q_found += 1;
            }
            if got
                .flatten()
                .is_some_and(|s| names.iter().any(|n| names_speaker(s, n, &others)))
            {
                q_right += 1;
            } else {
                let own_speaker = own
                    .and_then(|(_, _, q)| q.speaker.as_deref())
                    .filter(|o| group.is_some() && Some(Some(*o)) != got);
                explain.push(format!(
                    "quote speaker in {}: “{}” gold {} got {}{}",
                    ga.file,
                    gq.starts,
                    gq.speaker,
                    match got {
                        None => "(no quote)",
                        Some(None) => "(none)",
                        Some(Some(s)) => s,
                    },
                    own_speaker
                        .map(|o| format!(" (the article says {o})"))
                        .unwrap_or_default()
                ));
            }
        }
    }
    if q_total > 0 {
        out.push(Metric::new(
            "quotes.speaker_accuracy",
            q_right as f64 / q_total as f64,
        ));
        out.push(Metric::new("quotes.found", q_found as f64 / q_total as f64));
    }
    let mut false_quote_conflicts = 0usize;
    for g in &dossier.quotes {
        if g.verdict != Verdict::Conflict {
            continue;
        }
        let ls: BTreeSet<Option<&str>> = g
            .variants
            .iter()
            .flat_map(|v| &v.mentions)
            .map(|m| {
                quote_labels
                    .iter()
                    .find(|(a, r, _)| {
                        *a == m.article
                            && overlap(*r, (m.span.start as usize, m.span.end as usize)) > 0
                    })
                    .and_then(|(_, _, s)| *s)
            })
            .collect();
        let ok = match ls.iter().collect::<Vec<_>>().as_slice() {
            [Some(s)] => gold
                .slots
                .get(*s)
                .is_some_and(|gs| gs.kind == "quote" && gs.verdict == "conflict"),
            _ => false,
        };
        if !ok {
            false_quote_conflicts += 1;
            explain.push(format!(
                "false quote conflict of {}: {}",
                g.speaker.as_deref().unwrap_or("(unknown)"),
                g.variants
                    .iter()
                    .map(|v| format!("“{}”", v.text.chars().take(60).collect::<String>()))
                    .collect::<Vec<_>>()
                    .join(" vs ")
            ));
        }
    }
    out.push(Metric::new(
        "quotes.false_conflicts",
        false_quote_conflicts as f64,
    ));

    // Origins, pairwise over articles.
    let gold_origin: Vec<String> = gold.articles.iter().map(origin_of).collect();
    let (mut otp, mut ofp, mut ofn) = (0, 0, 0);
    for i in 0..gold_origin.len() {
        for j in i + 1..gold_origin.len() {
            let g = gold_origin[i] == gold_origin[j];
            let p = match (dossier.articles.get(i), dossier.articles.get(j)) {
                (Some(a), Some(b)) => a.origin == b.origin,
                _ => false,
            };
            match (g, p) {
                (true, true) => otp += 1,
                (false, true) => ofp += 1,
                (true, false) => ofn += 1,
                _ => {}
            }
            if g != p {
                explain.push(format!(
                    "origin pair {} {} and {}: gold {} / {}",
                    if g { "missed" } else { "false" },
                    file_of(i),
                    file_of(j),
                    gold_origin[i],
                    gold_origin[j]
                ));
            }
        }
    }
    let (p, r, f) = prf(otp, ofp, ofn);
    out.push(Metric::new("origins.pairwise.precision", p));
    out.push(Metric::new("origins.pairwise.recall", r));
    out.push(Metric::new("origins.pairwise.f1", f));
    (out, explain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_is_named_by_its_article_spelling_and_its_title_aside() {
        assert!(names_speaker("County Undersheriff Ann Lee", "Ann Lee", &[]));
        assert!(names_speaker("Sgt. Ann B. Lee", "Ann Lee", &[]));
        assert!(names_speaker("Ana Lee", "Port governor Ana Lee", &[]));
        assert!(names_speaker(
            "Ana Lee",
            "the head of the dockers' union, Ana Lee",
            &[]
        ));
        assert!(!names_speaker(
            "dockers' union",
            "the head of the dockers' union, Ana Lee",
            &[]
        ));
        assert!(names_speaker("Ann Lee", "Ann Lee-Ortiz", &[]));
        assert!(names_speaker("Lee", "Ann Lee", &[]));
        // A surname shared with someone else of the article names nobody.
        assert!(!names_speaker("Lee", "Ann Lee", &["Tom Lee"]));
        assert!(!names_speaker("Tom Lee", "Ann Lee", &[]));
        assert!(!names_speaker("Radio Norte", "Ann Lee", &[]));
    }

    fn value(v: f64, q: Qualifier, high: Option<f64>, unit: Option<&str>) -> SlotValue {
        SlotValue {
            text: String::new(),
            value: v,
            low: v,
            high,
            unit: unit.map(str::to_string),
            qualifier: q,
            attributed_to: None,
            as_of: None,
            mentions: vec![],
            origins: vec![],
        }
    }

    fn gold(v: Value, q: &str) -> GoldFigure {
        GoldFigure {
            text: String::new(),
            value: v,
            qualifier: q.into(),
            slot: None,
        }
    }

    #[test]
    fn values_match_by_kind_and_qualifier_class() {
        let exact = value(238.0, Qualifier::Exact, Some(238.0), None);
        assert!(fits(&gold(serde_json::json!(238), "exact"), &exact));
        assert!(!fits(&gold(serde_json::json!(261), "exact"), &exact));
        assert!(!fits(&gold(serde_json::json!(238), "about"), &exact));
        let up_to = value(80.0, Qualifier::UpTo, Some(80.0), None);
        assert!(fits(&gold(serde_json::json!(80), "less_than"), &up_to));
        let range = value(10.0, Qualifier::Range, Some(20.0), Some("years"));
        assert!(fits(&gold(serde_json::json!([10, 20]), "range"), &range));
        assert!(!fits(&gold(serde_json::json!([10, 30]), "range"), &range));
        let clock = value(
            13.0 * 60.0 + 53.0,
            Qualifier::Exact,
            None,
            Some("time_of_day"),
        );
        assert!(fits(&gold(serde_json::json!("13:53"), "exact"), &clock));
        assert!(!fits(&gold(serde_json::json!("13:54"), "exact"), &clock));
        let vague = value(24.0, Qualifier::Vague, Some(99.0), None);
        assert!(fits(&gold(Value::Null, "vague"), &vague));
    }

    #[test]
    fn set_names_drop_the_gold_suffix() {
        assert_eq!(set_name(Path::new("/x/20abc.gold.json")), "20abc");
        assert_eq!(set_name(Path::new("expected.json")), "expected");
    }

    #[test]
    fn macro_averages_only_where_printed() {
        let set = |m: Vec<(&str, f64)>| SetReport {
            name: String::new(),
            metrics: m.into_iter().map(|(n, v)| Metric::new(n, v)).collect(),
            explain: vec![],
        };
        let avg = macro_average(&[set(vec![("a", 1.0), ("b", 0.5)]), set(vec![("a", 0.0)])]);
        assert_eq!(
            avg,
            vec![Metric::new("macro.a", 0.5), Metric::new("macro.b", 0.5)]
        );
    }
}

#[cfg(test)]
mod scoring_tests {
    use super::*;
    use crosswire_model::dossier::{DossierArticle, FigureSlot, Mention};
    use crosswire_model::{ArticleBuilder, BlockKind, ByteRange};

    /// Two invented reports: one says 14 died, the other 17; both say 60
    /// firefighters; the first also says "three days" of mourning.
    fn fixture() -> (Gold, Vec<Article>) {
        let texts = [
            "Fourteen workers died in the fire. About 60 firefighters came. Three days of mourning.",
            "The fire killed 17 workers. Some 60 firefighters fought it.",
        ];
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut b = ArticleBuilder::new(format!("a{i}.txt"));
                b.push_block(BlockKind::Paragraph, t);
                b.finish()
            })
            .collect();
        let gold: Gold = serde_json::from_value(serde_json::json!({
            "articles": [
                {"file": "a0.txt", "origin": "A", "figures": [
                    {"text": "Fourteen workers", "value": 14, "qualifier": "exact", "slot": "deaths"},
                    {"text": "About 60 firefighters", "value": 60, "qualifier": "about", "slot": "crews"},
                    {"text": "Three days", "value": 3, "qualifier": "exact", "slot": null}
                ]},
                {"file": "a1.txt", "origin": "B", "figures": [
                    {"text": "17 workers", "value": 17, "qualifier": "exact", "slot": "deaths"},
                    {"text": "Some 60 firefighters", "value": 60, "qualifier": "about", "slot": "crews"}
                ]}
            ],
            "slots": {
                "deaths": {"kind": "figure", "verdict": "conflict"},
                "crews": {"kind": "figure", "verdict": "agree"}
            }
        }))
        .unwrap_or_else(|e| panic!("fixture gold: {e}"));
        (gold, articles)
    }

    fn value(a: &Article, article: usize, text: &str, v: f64, q: Qualifier) -> SlotValue {
        let start = a
            .text
            .find(text)
            .unwrap_or_else(|| panic!("{text} in fixture"));
        SlotValue {
            text: text.into(),
            value: v,
            low: v,
            high: Some(v),
            unit: None,
            qualifier: q,
            attributed_to: None,
            as_of: None,
            mentions: vec![Mention {
                article,
                span: ByteRange::new(start, start + text.len()),
                sentence: ByteRange::new(0, a.text.len()),
            }],
            origins: vec![article],
        }
    }

    fn dossier(articles: &[Article], figures: Vec<FigureSlot>) -> Dossier {
        Dossier {
            schema: String::new(),
            articles: articles
                .iter()
                .enumerate()
                .map(|(i, a)| DossierArticle {
                    id: a.id.0.clone(),
                    source: a.source.clone(),
                    outlet: None,
                    title: None,
                    url: None,
                    published: None,
                    language: None,
                    origin: i,
                    origin_kind: None,
                    text: a.text.clone(),
                })
                .collect(),
            origins: vec![],
            figures,
            quotes: vec![],
            entities: vec![],
            timeline: vec![],
        }
    }

    fn slot(verdict: Verdict, values: Vec<SlotValue>, conflicts: Vec<[usize; 2]>) -> FigureSlot {
        FigureSlot {
            label: String::new(),
            verdict,
            values,
            origin_count: 2,
            note: None,
            conflicts,
        }
    }

    fn metric(ms: &[Metric], name: &str) -> Option<f64> {
        ms.iter().find(|m| m.name == name).map(|m| m.value)
    }

    #[test]
    fn a_true_conflict_and_an_agreement_score_full_marks() {
        let (gold, arts) = fixture();
        let d = dossier(
            &arts,
            vec![
                slot(
                    Verdict::Conflict,
                    vec![
                        value(&arts[0], 0, "Fourteen", 14.0, Qualifier::Exact),
                        value(&arts[1], 1, "17", 17.0, Qualifier::Exact),
                    ],
                    vec![[0, 1]],
                ),
                slot(
                    Verdict::Agree,
                    vec![
                        value(&arts[0], 0, "About 60", 60.0, Qualifier::About),
                        value(&arts[1], 1, "Some 60", 60.0, Qualifier::About),
                    ],
                    vec![],
                ),
            ],
        );
        let (ms, explain) = score(&gold, &arts, &d);
        assert_eq!(
            metric(&ms, "conflicts.slot_precision"),
            Some(1.0),
            "{explain:?}"
        );
        assert_eq!(metric(&ms, "conflicts.pair_precision"), Some(1.0));
        assert_eq!(metric(&ms, "conflicts.recall"), Some(1.0));
        assert_eq!(metric(&ms, "verdicts.accuracy"), Some(1.0));
        assert_eq!(metric(&ms, "slots.pairwise.f1"), Some(1.0));
        assert_eq!(metric(&ms, "figures.f1"), Some(1.0));
    }

    #[test]
    fn a_conflict_that_mixes_quantities_or_takes_an_incidental_number_is_false() {
        let (gold, arts) = fixture();
        let d = dossier(
            &arts,
            vec![slot(
                Verdict::Conflict,
                vec![
                    value(&arts[0], 0, "Three", 3.0, Qualifier::Exact),
                    value(&arts[1], 1, "17", 17.0, Qualifier::Exact),
                    value(&arts[1], 1, "Some 60", 60.0, Qualifier::About),
                ],
                vec![[0, 1], [1, 2]],
            )],
        );
        let (ms, explain) = score(&gold, &arts, &d);
        assert_eq!(metric(&ms, "conflicts.reported"), Some(1.0));
        assert_eq!(metric(&ms, "conflicts.slot_precision"), Some(0.0));
        assert_eq!(metric(&ms, "conflicts.pair_precision"), Some(0.0));
        assert_eq!(metric(&ms, "conflicts.recall"), Some(0.0));
        assert!(
            explain.iter().any(|l| l.starts_with("false conflict")),
            "{explain:?}"
        );
        assert!(
            explain
                .iter()
                .any(|l| l.starts_with("missed conflict deaths")),
            "{explain:?}"
        );
        // The incidental "Three" in a slot counts against slot precision.
        assert!(metric(&ms, "slots.pairwise.precision").is_some_and(|p| p < 1.0));
    }
}
