//! Cross-article evaluation on the annotated seeds: does the dossier group
//! the mentions the gold puts in one slot, give each slot the gold verdict,
//! report the gold conflicts (and no false ones), and put articles that
//! carry the same wire copy in one origin?

use crate::Metric;
use anyhow::{Context, Result};
use crosswire_ingest::{Hints, RawDoc};
use crosswire_model::dossier::{Dossier, Verdict};
use crosswire_model::{Article, ByteRange, DateOrigin, Precision, Published};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

#[derive(Deserialize)]
struct Gold {
    articles: Vec<GoldArticle>,
    slots: BTreeMap<String, GoldSlot>,
}

#[derive(Deserialize)]
struct GoldArticle {
    file: String,
    published: Option<String>,
    #[serde(default)]
    wire_credit: Vec<String>,
    #[serde(default)]
    figures: Vec<GoldFigure>,
    #[serde(default)]
    quotes: Vec<GoldQuote>,
}

#[derive(Deserialize)]
struct GoldFigure {
    text: String,
    slot: Option<String>,
}

#[derive(Deserialize)]
struct GoldQuote {
    starts: String,
    slot: Option<String>,
}

#[derive(Deserialize)]
struct GoldSlot {
    kind: String,
    verdict: String,
}

/// Reads, extracts and analyzes the seed files the gold describes, in gold
/// order. Articles without a publish date get the gold's, as a user would
/// give it with `--date`.
pub fn load_seeds(gold_path: &Path) -> Result<Vec<Article>> {
    let gold: Gold = serde_json::from_slice(
        &std::fs::read(gold_path).with_context(|| format!("reading {}", gold_path.display()))?,
    )
    .with_context(|| format!("parsing {}", gold_path.display()))?;
    load_articles_of(gold_path, &files_of(&gold))
}

fn files_of(gold: &Gold) -> Vec<(String, Option<String>)> {
    gold.articles
        .iter()
        .map(|a| (a.file.clone(), a.published.clone()))
        .collect()
}

/// Reads, extracts and analyzes the files a gold lists (name and gold
/// publish date), in order, as `crosswire check` would: an article without
/// a publish date gets the gold's, as a user would give it with `--date`.
pub(crate) fn load_articles_of(
    gold_path: &Path,
    files: &[(String, Option<String>)],
) -> Result<Vec<Article>> {
    files
        .iter()
        .map(|(file, published)| {
            let path = crate::seeds::locate(gold_path, file);
            let bytes =
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            let doc = RawDoc {
                source: file.clone(),
                format: crate::seeds::format_of(&path),
                bytes,
                hints: Hints::default(),
            };
            let mut a = crosswire_extract::extract(&doc)
                .with_context(|| format!("extracting {}", path.display()))?;
            if a.published.is_none() {
                a.published = published.as_ref().map(|d| Published {
                    value: d.clone(),
                    precision: Precision::Day,
                    origin: DateOrigin::User,
                });
            }
            crosswire_analyze::analyze(&mut a);
            Ok(a)
        })
        .collect()
}

/// Pairwise precision, recall and F1 of a predicted grouping against a gold
/// one, over items that both place (an item the prediction misses is in a
/// group of its own).
fn pairwise(gold: &[String], pred: &[Option<usize>]) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fnn) = (0usize, 0usize, 0usize);
    for i in 0..gold.len() {
        for j in i + 1..gold.len() {
            let g = gold[i] == gold[j];
            let p = matches!((pred[i], pred[j]), (Some(a), Some(b)) if a == b);
            match (g, p) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fnn += 1,
                _ => {}
            }
        }
    }
    crate::prf(tp, fp, fnn)
}

fn locate(article: &Article, needle: &str) -> Option<ByteRange> {
    article
        .text
        .find(needle)
        .map(|i| ByteRange::new(i, i + needle.len()))
}

/// The predicted group holding most of a gold slot's mentions.
fn majority(preds: Option<&Vec<usize>>) -> Option<usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for p in preds? {
        *counts.entry(*p).or_insert(0) += 1;
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(p, _)| p)
}

pub(crate) fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Agree => "agree",
        Verdict::Compatible => "compatible",
        Verdict::Conflict => "conflict",
        Verdict::Revised => "revised",
        Verdict::SingleSource => "single_source",
    }
}

/// Runs the cross-check on the seeds and scores it against the gold.
pub fn run(gold_path: &Path) -> Result<Vec<Metric>> {
    run_with_notes(gold_path).map(|(metrics, _)| metrics)
}

/// [`run`], plus lines for people reading the result: the slots reported
/// as conflicts and the origin clusters found.
pub fn run_with_notes(gold_path: &Path) -> Result<(Vec<Metric>, Vec<String>)> {
    let gold: Gold = serde_json::from_slice(
        &std::fs::read(gold_path).with_context(|| format!("reading {}", gold_path.display()))?,
    )
    .with_context(|| format!("parsing {}", gold_path.display()))?;
    let articles = load_articles_of(gold_path, &files_of(&gold))?;
    let dossier = crosswire_crosscheck::crosscheck(articles.clone(), &Default::default());
    Ok((score(&gold, &articles, &dossier), notes(&dossier)))
}

fn score(gold: &Gold, articles: &[Article], dossier: &Dossier) -> Vec<Metric> {
    let mut out = Vec::new();

    // Figures: gold mention -> predicted slot.
    let mut fig_gold = Vec::new();
    let mut fig_pred = Vec::new();
    let mut located = 0usize;
    let mut total = 0usize;
    for (ai, ga) in gold.articles.iter().enumerate() {
        for gf in &ga.figures {
            let Some(slot) = &gf.slot else { continue };
            total += 1;
            let Some(range) = articles.get(ai).and_then(|a| locate(a, &gf.text)) else {
                continue;
            };
            located += 1;
            let pred = dossier.figures.iter().position(|s| {
                s.values.iter().any(|v| {
                    v.mentions
                        .iter()
                        .any(|m| m.article == ai && m.span.overlaps(&range))
                })
            });
            fig_gold.push(slot.clone());
            fig_pred.push(pred);
        }
    }
    if std::env::var_os("CROSSWIRE_EVAL_VERBOSE").is_some() {
        let mut seen = BTreeMap::new();
        for (g, p) in fig_gold.iter().zip(&fig_pred) {
            seen.entry(g.clone()).or_insert_with(Vec::new).push(*p);
        }
        for (g, ps) in seen {
            eprintln!("gold slot {g}: predicted {ps:?}");
        }
        for (i, s) in dossier.figures.iter().enumerate() {
            let vals: Vec<String> = s
                .values
                .iter()
                .map(|v| {
                    format!(
                        "{}x{:?}",
                        v.text,
                        v.mentions.iter().map(|m| m.article).collect::<Vec<_>>()
                    )
                })
                .collect();
            eprintln!(
                "pred {i} [{:?}] {}: {}",
                s.verdict,
                s.label,
                vals.join(" | ")
            );
        }
    }
    let (p, r, f) = pairwise(&fig_gold, &fig_pred);
    out.push(Metric::new("crosscheck.slots.precision", p));
    out.push(Metric::new("crosscheck.slots.recall", r));
    out.push(Metric::new("crosscheck.slots.f1", f));
    out.push(Metric::new("crosscheck.slots.gold_mentions", total as f64));
    out.push(Metric::new(
        "crosscheck.slots.gold_mentions_located",
        located as f64,
    ));
    out.push(Metric::new(
        "crosscheck.slots.gold_mentions_found",
        fig_pred.iter().filter(|p| p.is_some()).count() as f64,
    ));

    // Verdicts: each gold figure slot takes the verdict of the predicted
    // slot holding most of its mentions.
    let mut by_slot: HashMap<&str, Vec<usize>> = HashMap::new();
    for (g, p) in fig_gold.iter().zip(&fig_pred) {
        if let Some(p) = p {
            by_slot.entry(g.as_str()).or_default().push(*p);
        }
    }
    let mut right = 0usize;
    let mut judged = 0usize;
    let mut gold_conflicts_found = 0usize;
    let mut gold_conflicts = 0usize;
    let mut false_conflicts = BTreeSet::new();
    for (name, slot) in &gold.slots {
        if slot.kind != "figure" {
            continue;
        }
        if slot.verdict == "conflict" {
            gold_conflicts += 1;
        }
        let Some(preds) = by_slot.get(name.as_str()) else {
            continue;
        };
        let Some(best) = majority(Some(preds)) else {
            continue;
        };
        let counts: BTreeSet<usize> = preds.iter().copied().collect();
        judged += 1;
        let predicted = verdict_name(dossier.figures[best].verdict);
        if predicted == slot.verdict {
            right += 1;
        }
        if slot.verdict == "conflict" && predicted == "conflict" {
            gold_conflicts_found += 1;
        }
        // A gold agree/compatible slot any of whose mentions lands in a
        // predicted conflict is reported as a conflict.
        if matches!(slot.verdict.as_str(), "agree" | "compatible")
            && counts
                .iter()
                .any(|&p| dossier.figures[p].verdict == Verdict::Conflict)
        {
            false_conflicts.insert(name.clone());
        }
    }
    out.push(Metric::new(
        "crosscheck.slots.verdict_accuracy",
        if judged == 0 {
            0.0
        } else {
            right as f64 / judged as f64
        },
    ));
    out.push(Metric::new("crosscheck.slots.judged", judged as f64));
    out.push(Metric::new(
        "crosscheck.conflicts.reported",
        dossier
            .figures
            .iter()
            .filter(|s| s.verdict == Verdict::Conflict)
            .count() as f64,
    ));

    // Quotes.
    let mut q_gold = Vec::new();
    let mut q_pred = Vec::new();
    for (ai, ga) in gold.articles.iter().enumerate() {
        for gq in &ga.quotes {
            let Some(slot) = &gq.slot else { continue };
            let Some(range) = articles.get(ai).and_then(|a| locate(a, &gq.starts)) else {
                continue;
            };
            let pred = dossier.quotes.iter().position(|g| {
                g.variants.iter().any(|v| {
                    v.mentions
                        .iter()
                        .any(|m| m.article == ai && m.span.overlaps(&range))
                })
            });
            q_gold.push(slot.clone());
            q_pred.push(pred);
        }
    }
    if std::env::var_os("CROSSWIRE_EVAL_VERBOSE").is_some() {
        let mut seen = BTreeMap::new();
        for (g, p) in q_gold.iter().zip(&q_pred) {
            seen.entry(g.clone()).or_insert_with(Vec::new).push(*p);
        }
        for (g, ps) in seen {
            eprintln!("gold quote {g}: predicted {ps:?}");
        }
        for (i, q) in dossier.quotes.iter().enumerate() {
            let vals: Vec<String> = q
                .variants
                .iter()
                .map(|v| {
                    format!(
                        "{:?}x{:?}",
                        v.text,
                        v.mentions.iter().map(|m| m.article).collect::<Vec<_>>()
                    )
                })
                .collect();
            eprintln!(
                "quote {i} [{:?}] {:?}: {}",
                q.verdict,
                q.speaker,
                vals.join(" | ")
            );
        }
    }
    let (p, r, f) = pairwise(&q_gold, &q_pred);
    out.push(Metric::new("crosscheck.quotes.precision", p));
    out.push(Metric::new("crosscheck.quotes.recall", r));
    out.push(Metric::new("crosscheck.quotes.f1", f));
    let mut q_by_slot: HashMap<&str, Vec<usize>> = HashMap::new();
    for (g, p) in q_gold.iter().zip(&q_pred) {
        if let Some(p) = p {
            q_by_slot.entry(g.as_str()).or_default().push(*p);
        }
    }
    let (mut q_right, mut q_judged) = (0usize, 0usize);
    for (name, slot) in &gold.slots {
        if slot.kind != "quote" {
            continue;
        }
        if slot.verdict == "conflict" {
            gold_conflicts += 1;
        }
        let Some(best) = majority(q_by_slot.get(name.as_str())) else {
            continue;
        };
        q_judged += 1;
        let predicted = verdict_name(dossier.quotes[best].verdict);
        if predicted == slot.verdict {
            q_right += 1;
        }
        if slot.verdict == "conflict" && predicted == "conflict" {
            gold_conflicts_found += 1;
        }
        if matches!(slot.verdict.as_str(), "agree" | "compatible") && predicted == "conflict" {
            false_conflicts.insert(name.clone());
        }
    }
    out.push(Metric::new(
        "crosscheck.quotes.verdict_accuracy",
        if q_judged == 0 {
            0.0
        } else {
            q_right as f64 / q_judged as f64
        },
    ));
    out.push(Metric::new(
        "crosscheck.conflicts.gold",
        gold_conflicts as f64,
    ));
    out.push(Metric::new(
        "crosscheck.conflicts.gold_found",
        gold_conflicts_found as f64,
    ));
    out.push(Metric::new(
        "crosscheck.conflicts.false_on_agree_or_compatible",
        false_conflicts.len() as f64,
    ));

    // Origins: gold articles sharing a wire credit should share an origin.
    let mut pairs = 0usize;
    let mut together = 0usize;
    for i in 0..gold.articles.len() {
        for j in i + 1..gold.articles.len() {
            let shared = gold.articles[i]
                .wire_credit
                .iter()
                .any(|c| gold.articles[j].wire_credit.contains(c));
            if shared {
                pairs += 1;
                if dossier.articles.get(i).map(|a| a.origin)
                    == dossier.articles.get(j).map(|a| a.origin)
                {
                    together += 1;
                }
            }
        }
    }
    out.push(Metric::new(
        "crosscheck.origins.wire_pairs_together",
        if pairs == 0 {
            1.0
        } else {
            together as f64 / pairs as f64
        },
    ));
    out.push(Metric::new(
        "crosscheck.origins.clusters",
        dossier.origins.len() as f64,
    ));
    out
}

/// Lines describing what the cross-check found: the conflict slots and the
/// origin clusters.
fn notes(dossier: &Dossier) -> Vec<String> {
    let mut lines = Vec::new();
    for s in &dossier.figures {
        if s.verdict == Verdict::Conflict {
            let values: Vec<&str> = s.values.iter().map(|v| v.text.as_str()).collect();
            lines.push(format!("conflict: {} — {}", s.label, values.join(" | ")));
        }
    }
    for q in &dossier.quotes {
        if q.verdict == Verdict::Conflict {
            lines.push(format!(
                "conflict: quote of {} — {} wordings",
                q.speaker.as_deref().unwrap_or("(unknown)"),
                q.variants.len()
            ));
        }
    }
    for o in &dossier.origins {
        let members: Vec<&str> = o
            .articles
            .iter()
            .filter_map(|&a| dossier.articles.get(a).map(|x| x.source.as_str()))
            .collect();
        lines.push(format!("origin: {} — {}", o.label, members.join(", ")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairwise_scores() {
        let gold: Vec<String> = ["a", "a", "b", "b"].iter().map(|s| s.to_string()).collect();
        let (p, r, f) = pairwise(&gold, &[Some(0), Some(0), Some(1), Some(1)]);
        assert_eq!((p, r, f), (1.0, 1.0, 1.0));
        let (p, r, _) = pairwise(&gold, &[Some(0), Some(0), Some(0), None]);
        assert!((p - 1.0 / 3.0).abs() < 1e-9);
        assert!((r - 0.5).abs() < 1e-9);
    }
}
