//! Event grouping on ECB+: do articles on one real-world event end up in
//! one event, and articles on another event of the same kind (another
//! earthquake, another rehab stay) in another?
//!
//! `docs.jsonl` holds one `{id, topic, event, title, text}` per line. The
//! documents are streamed through [`crosswire_link::events::EventIndex`] in
//! a fixed pseudo-random order (a real stream interleaves events) and in
//! file order, and scored with pairwise and BCubed precision, recall and F1
//! against the gold events and, coarser, against the gold topics.

use crate::Metric;
use anyhow::{Context, Result};
use crosswire_link::events::{group_batch, EventDoc, EventId, EventOptions};
use serde::Deserialize;
use std::collections::HashMap;
use std::hash::Hash;
use std::path::Path;
use std::time::Instant;

#[derive(Deserialize)]
struct GoldDoc {
    id: String,
    topic: String,
    event: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
}

/// Seed of the fixed shuffle.
const SHUFFLE_SEED: u64 = 0x5eed_ecb0;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }

    fn push(&self, out: &mut Vec<Metric>, prefix: &str) {
        out.push(Metric::new(format!("{prefix}.precision"), self.precision));
        out.push(Metric::new(format!("{prefix}.recall"), self.recall));
        out.push(Metric::new(format!("{prefix}.f1"), self.f1));
    }
}

fn pairs(n: usize) -> f64 {
    (n as f64) * (n as f64 - 1.0) / 2.0
}

fn ratio(num: f64, den: f64) -> f64 {
    // No pairs to get wrong: vacuously perfect.
    if den > 0.0 {
        num / den
    } else {
        1.0
    }
}

/// Pairwise scores: of the document pairs put in one predicted group, how
/// many share a gold group, and of the gold pairs, how many were put
/// together.
pub fn pairwise<P: Eq + Hash, G: Eq + Hash>(pred: &[P], gold: &[G]) -> Prf {
    let mut cells: HashMap<(&P, &G), usize> = HashMap::new();
    let mut ps: HashMap<&P, usize> = HashMap::new();
    let mut gs: HashMap<&G, usize> = HashMap::new();
    for (p, g) in pred.iter().zip(gold) {
        *cells.entry((p, g)).or_insert(0) += 1;
        *ps.entry(p).or_insert(0) += 1;
        *gs.entry(g).or_insert(0) += 1;
    }
    let tp: f64 = cells.values().map(|&n| pairs(n)).sum();
    let pp: f64 = ps.values().map(|&n| pairs(n)).sum();
    let gp: f64 = gs.values().map(|&n| pairs(n)).sum();
    Prf::new(ratio(tp, pp), ratio(tp, gp))
}

/// BCubed scores: per document, the share of its predicted group in its
/// gold group (precision) and of its gold group in its predicted group
/// (recall), averaged over documents.
pub fn bcubed<P: Eq + Hash, G: Eq + Hash>(pred: &[P], gold: &[G]) -> Prf {
    let n = pred.len().min(gold.len());
    if n == 0 {
        return Prf::new(1.0, 1.0);
    }
    let mut cells: HashMap<(&P, &G), usize> = HashMap::new();
    let mut ps: HashMap<&P, usize> = HashMap::new();
    let mut gs: HashMap<&G, usize> = HashMap::new();
    for (p, g) in pred.iter().zip(gold) {
        *cells.entry((p, g)).or_insert(0) += 1;
        *ps.entry(p).or_insert(0) += 1;
        *gs.entry(g).or_insert(0) += 1;
    }
    let (mut sp, mut sr) = (0.0, 0.0);
    for (p, g) in pred.iter().zip(gold) {
        let both = cells.get(&(p, g)).copied().unwrap_or(0) as f64;
        sp += both / ps.get(p).copied().unwrap_or(1).max(1) as f64;
        sr += both / gs.get(g).copied().unwrap_or(1).max(1) as f64;
    }
    Prf::new(sp / n as f64, sr / n as f64)
}

/// A fixed permutation of `0..n` (splitmix64-driven Fisher-Yates), so the
/// shuffled run is the same on every machine.
pub fn shuffled_order(n: usize, seed: u64) -> Vec<usize> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

fn read_docs(data: &Path) -> Result<Vec<GoldDoc>> {
    let text =
        std::fs::read_to_string(data).with_context(|| format!("reading {}", data.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).with_context(|| format!("{}:{}", data.display(), i + 1))
        })
        .collect()
}

/// Groups the documents in the given order; returns each document's event
/// (indexed like `docs`) and the seconds spent grouping.
fn group(docs: &[GoldDoc], order: &[usize], opts: &EventOptions) -> (Vec<EventId>, f64) {
    let batch: Vec<EventDoc> = order
        .iter()
        .filter_map(|&i| docs.get(i))
        .map(|d| EventDoc {
            id: d.id.clone(),
            title: d.title.clone(),
            text: d.text.clone(),
            ..Default::default()
        })
        .collect();
    let start = Instant::now();
    let got = group_batch(batch, opts);
    let secs = start.elapsed().as_secs_f64();
    let mut out = vec![EventId(u32::MAX); docs.len()];
    for (&i, e) in order.iter().zip(got) {
        if let Some(slot) = out.get_mut(i) {
            *slot = e;
        }
    }
    (out, secs)
}

/// Corpus mode end to end: the documents are analyzed like ingested ones
/// (so the grouper gets the analyzer's entities) and added to a fresh
/// store in stream order, a batch at a time; each one's event is read
/// back from the store. Returns the events (indexed like `docs`) and the
/// seconds taken.
fn group_in_store(docs: &[GoldDoc], order: &[usize]) -> Result<(Vec<EventId>, f64)> {
    use crosswire_model::{ArticleBuilder, BlockKind};
    use rayon::prelude::*;
    let tmp = tempfile::tempdir().context("temporary store directory")?;
    let mut store = crosswire_store::Store::open(tmp.path().join("db"))?;
    let opts = crosswire_store::IngestOptions::default();
    let start = Instant::now();
    let mut ids = vec![String::new(); docs.len()];
    for chunk in order.chunks(100) {
        let articles: Vec<(usize, crosswire_model::Article)> = chunk
            .par_iter()
            .filter_map(|&i| Some((i, docs.get(i)?)))
            .map(|(i, d)| {
                let mut b = ArticleBuilder::new(format!("{}.txt", d.id));
                b.push_block(BlockKind::Title, &d.title);
                for p in d.text.split('\n').filter(|p| !p.trim().is_empty()) {
                    b.push_block(BlockKind::Paragraph, p);
                }
                let mut a = b.finish();
                crosswire_analyze::analyze(&mut a);
                (i, a)
            })
            .collect();
        for (i, a) in &articles {
            if let Some(slot) = ids.get_mut(*i) {
                slot.clone_from(&a.id.0);
            }
        }
        store.add_articles(articles.into_iter().map(|(_, a)| a).collect(), &opts)?;
    }
    let secs = start.elapsed().as_secs_f64();
    let mut out = Vec::with_capacity(docs.len());
    for id in &ids {
        // A document the store lacks gets an event of its own.
        let e = store.article_event(id)?.unwrap_or(-1 - out.len() as i64);
        out.push(EventId(e as u32));
    }
    Ok((out, secs))
}

fn score(out: &mut Vec<Metric>, prefix: &str, pred: &[EventId], docs: &[GoldDoc]) {
    let events: Vec<&str> = docs.iter().map(|d| d.event.as_str()).collect();
    let topics: Vec<&str> = docs.iter().map(|d| d.topic.as_str()).collect();
    pairwise(pred, &events).push(out, &format!("{prefix}.pairwise"));
    bcubed(pred, &events).push(out, &format!("{prefix}.bcubed"));
    pairwise(pred, &topics).push(out, &format!("{prefix}.topic.pairwise"));
    bcubed(pred, &topics).push(out, &format!("{prefix}.topic.bcubed"));
}

/// Scores event grouping with the given options: the shuffled stream under
/// `events.*`, file order under `events.file_order.*`.
pub fn run_with(data: &Path, opts: &EventOptions) -> Result<Vec<Metric>> {
    run_seeded(data, opts, SHUFFLE_SEED)
}

fn run_seeded(data: &Path, opts: &EventOptions, seed: u64) -> Result<Vec<Metric>> {
    let docs = read_docs(data)?;
    let mut out = Vec::new();
    let order = shuffled_order(docs.len(), seed);
    let (pred, secs) = group(&docs, &order, opts);
    out.push(Metric::new("events.docs", docs.len() as f64));
    let predicted = {
        let mut p = pred.clone();
        p.sort_unstable();
        p.dedup();
        p.len()
    };
    out.push(Metric::new("events.predicted_events", predicted as f64));
    let gold_events = {
        let mut g: Vec<&str> = docs.iter().map(|d| d.event.as_str()).collect();
        g.sort_unstable();
        g.dedup();
        g.len()
    };
    out.push(Metric::new("events.gold_events", gold_events as f64));
    out.push(Metric::new(
        "events.docs_per_sec",
        if secs > 0.0 {
            (docs.len() as f64 / secs).round()
        } else {
            0.0
        },
    ));
    score(&mut out, "events", &pred, &docs);
    let file_order: Vec<usize> = (0..docs.len()).collect();
    let (pred, _) = group(&docs, &file_order, opts);
    score(&mut out, "events.file_order", &pred, &docs);
    Ok(out)
}

/// Scores event grouping on an ECB+-style `docs.jsonl`: the batch path
/// ([`EventOptions::batch`]: stream, split, rejoin) under `events.*` and
/// `events.file_order.*`; the incremental path alone
/// ([`EventOptions::default`], what corpus mode runs per article) under
/// `events.stream.*`; and the incremental path splitting as it goes
/// ([`EventOptions::incremental_split`]) under `events.stream_split.*`.
pub fn run(data: &Path) -> Result<Vec<Metric>> {
    let mut out = run_with(data, &EventOptions::batch())?;
    let docs = read_docs(data)?;
    let shuffled = shuffled_order(docs.len(), SHUFFLE_SEED);
    let file_order: Vec<usize> = (0..docs.len()).collect();
    let (pred, secs) = group_in_store(&docs, &shuffled)?;
    out.push(Metric::new(
        "events.store.docs_per_sec",
        (docs.len() as f64 / secs.max(1e-9)).round(),
    ));
    score(&mut out, "events.store", &pred, &docs);
    for (name, opts) in [
        ("events.stream", EventOptions::default()),
        ("events.stream_split", EventOptions::incremental_split()),
    ] {
        let (pred, secs) = group(&docs, &shuffled, &opts);
        out.push(Metric::new(
            format!("{name}.docs_per_sec"),
            if secs > 0.0 {
                (docs.len() as f64 / secs).round()
            } else {
                0.0
            },
        ));
        score(&mut out, name, &pred, &docs);
        let (pred, _) = group(&docs, &file_order, &opts);
        score(&mut out, &format!("{name}.file_order"), &pred, &docs);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn pairwise_on_hand_made_groups() {
        // Gold: {0,1,2} {3,4}. Predicted: {0,1} {2,3,4}.
        let gold = ["a", "a", "a", "b", "b"];
        let pred = [1, 1, 2, 2, 2];
        let s = pairwise(&pred, &gold);
        // Predicted pairs: 01, 23, 24, 34 -> true: 01, 34.
        assert!(close(s.precision, 2.0 / 4.0));
        // Gold pairs: 01, 02, 12, 34 -> found: 01, 34.
        assert!(close(s.recall, 2.0 / 4.0));
        assert!(close(s.f1, 0.5));
    }

    #[test]
    fn perfect_and_all_singletons() {
        let gold = ["a", "a", "b"];
        let s = pairwise(&[7, 7, 9], &gold);
        assert!(close(s.f1, 1.0));
        let s = pairwise(&[1, 2, 3], &gold);
        assert!(close(s.precision, 1.0));
        assert!(close(s.recall, 0.0));
        let b = bcubed(&[1, 2, 3], &gold);
        assert!(close(b.precision, 1.0));
        assert!(close(b.recall, (0.5 + 0.5 + 1.0) / 3.0));
    }

    #[test]
    fn bcubed_on_hand_made_groups() {
        let gold = ["a", "a", "a", "b", "b"];
        let pred = [1, 1, 2, 2, 2];
        let b = bcubed(&pred, &gold);
        // Precision per doc: 1, 1, 1/3, 2/3, 2/3.
        assert!(close(
            b.precision,
            (1.0 + 1.0 + 1.0 / 3.0 + 2.0 / 3.0 + 2.0 / 3.0) / 5.0
        ));
        // Recall per doc: 2/3, 2/3, 1/3, 1, 1.
        assert!(close(
            b.recall,
            (2.0 / 3.0 + 2.0 / 3.0 + 1.0 / 3.0 + 1.0 + 1.0) / 5.0
        ));
    }

    #[test]
    fn shuffle_is_a_fixed_permutation() {
        let a = shuffled_order(50, 1);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_eq!(a, shuffled_order(50, 1));
        assert_ne!(a, (0..50).collect::<Vec<_>>());
    }

    /// All metrics of [`run`] on ECB+: `ECBPLUS=path cargo test -p
    /// crosswire-eval events_metrics -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn events_metrics() {
        let Ok(path) = std::env::var("ECBPLUS") else {
            return;
        };
        if let Ok(m) = run(Path::new(&path)) {
            for x in m {
                println!("{x}");
            }
        }
    }

    /// Parameter sweep on ECB+: `ECBPLUS=path cargo test -p crosswire-eval
    /// sweep -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn sweep() {
        let Ok(path) = std::env::var("ECBPLUS") else {
            return;
        };
        let grid = std::env::var("SWEEP").unwrap_or_default();
        let mut configs = vec![EventOptions::batch(), EventOptions::default()];
        for spec in grid.split(';').filter(|s| !s.is_empty()) {
            let mut o = EventOptions::batch();
            for kv in spec.split(',') {
                let mut it = kv.split('=');
                let (Some(k), Some(v)) = (it.next(), it.next()) else {
                    continue;
                };
                let Ok(v) = v.parse::<f32>() else { continue };
                match k {
                    "join" => o.join = v,
                    "merge" => o.merge = v,
                    "title" => o.title_weight = v,
                    "name" => o.name_weight = v,
                    "number" => o.number_weight = v,
                    "year" => o.year_weight = v,
                    "split" => o.split_below = v,
                    "local" => o.split_local_below = v,
                    "rejoin" => o.rejoin_above = v,
                    "ss" => o.stream_split = v > 0.0,
                    "ssmax" => o.stream_split_max = v as usize,
                    "side" => o.split_min_side = v as usize,
                    "depth" => o.split_depth = v as usize,
                    "terms" => o.event_terms = v as usize,
                    "index" => o.index_terms = v as usize,
                    "query" => o.query_terms = v as usize,
                    _ => {}
                }
            }
            configs.push(o);
        }
        for o in configs.iter().skip(if grid.is_empty() { 0 } else { 2 }) {
            let seed = std::env::var("EVENTS_SEED")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(SHUFFLE_SEED);
            let Ok(m) = run_seeded(Path::new(&path), o, seed) else {
                return;
            };
            let get = |n: &str| m.iter().find(|x| x.name == n).map_or(0.0, |x| x.value);
            println!(
                "{o:?}\n  F1 {:.3} (P {:.3} R {:.3}) b3 {:.3} | file {:.3} b3 {:.3} | topic {:.3} | n {} | {} docs/s",
                get("events.pairwise.f1"),
                get("events.pairwise.precision"),
                get("events.pairwise.recall"),
                get("events.bcubed.f1"),
                get("events.file_order.pairwise.f1"),
                get("events.file_order.bcubed.f1"),
                get("events.topic.pairwise.f1"),
                get("events.predicted_events"),
                get("events.docs_per_sec"),
            );
        }
    }
}
