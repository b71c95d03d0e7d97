//! Event grouping on ECB+: do articles on one real-world event end up in
//! one event, and articles on another event of the same kind (another
//! earthquake, another rehab stay) in another?
//!
//! Two inputs, both JSON Lines with one document per line:
//!
//! - ECB+ (`--data`): `{id, event, topic?, title?, text, date?}`; the gold
//!   is `event`.
//! - MEANTIME (`--meantime`): `{id, story, lang, topic?, title?, text}`;
//!   the gold is `story` (one story told in four languages). Scored in
//!   English alone (where every story is one article, so BCubed is the
//!   measure), English with Spanish, and all languages together.
//!
//! `date` (any common format) stands for a record's publish date, as a
//! JSON Lines record gives it to `ingest`; without it the date comes from
//! the text, as it would for a plain-text file.
//!
//! The headline, `events.store.*` (and `events.meantime.*`), is the path
//! `ingest` runs: each document is extracted from plain text, analyzed and
//! added to a fresh store in a fixed pseudo-random order (a real stream
//! interleaves events). The link stage's other groupings are scored too,
//! for comparison: the batch path (`events.*`, `events.file_order.*`) and
//! the incremental path without splits (`events.stream.*`).

use crate::Metric;
use anyhow::{Context, Result};
use crosswire_link::events::{group_batch, EventDoc, EventId, EventOptions};
use serde::Deserialize;
use std::collections::HashMap;
use std::hash::Hash;
use std::path::Path;
use std::time::Instant;

#[derive(Deserialize, Clone)]
struct GoldDoc {
    id: String,
    #[serde(default)]
    topic: String,
    /// The gold event; MEANTIME's `story` stands in when it is absent.
    #[serde(default, alias = "story")]
    event: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
    /// A record's publish date, when the set gives one.
    #[serde(default, alias = "published")]
    date: Option<String>,
    /// A publish date that replaces whatever the text says (the one-week
    /// run of MEANTIME).
    #[serde(skip)]
    forced_date: Option<String>,
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
    let mut docs: Vec<GoldDoc> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).with_context(|| format!("{}:{}", data.display(), i + 1))
        })
        .collect::<Result<_>>()?;
    for d in &mut docs {
        // A document without gold event is an event of its own.
        if d.event.is_empty() {
            d.event.clone_from(&d.id);
        }
    }
    Ok(docs)
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

/// Where the store put one document.
struct Placed {
    event: EventId,
    title: Option<String>,
    published: Option<String>,
    language: Option<String>,
}

/// Corpus mode end to end: the documents are extracted from plain text
/// and analyzed like ingested ones and added to a fresh store in stream
/// order, a batch at a time; each one's event is read back from the
/// store. Returns where each document went (indexed like `docs`) and the
/// seconds taken.
fn group_in_store(docs: &[GoldDoc], order: &[usize]) -> Result<(Vec<Placed>, f64)> {
    use rayon::prelude::*;
    let tmp = tempfile::tempdir().context("temporary store directory")?;
    let mut store = crosswire_store::Store::open(tmp.path().join("db"))?;
    let opts = crosswire_store::IngestOptions::default();
    let start = Instant::now();
    // Each document's stored id, and what it was read as.
    let mut seen: Vec<Option<(String, Placed)>> = (0..docs.len()).map(|_| None).collect();
    for chunk in order.chunks(100) {
        let articles: Vec<(usize, crosswire_model::Article)> = chunk
            .par_iter()
            .filter_map(|&i| Some((i, docs.get(i)?)))
            .filter_map(|(i, d)| {
                let mut a = crosswire_extract::extract(&as_plain_text(d)).ok()?;
                if let Some(day) = &d.forced_date {
                    a.published = Some(crosswire_model::Published {
                        value: day.clone(),
                        precision: crosswire_model::Precision::Day,
                        origin: crosswire_model::DateOrigin::Record,
                    });
                }
                crosswire_analyze::analyze(&mut a);
                Some((i, a))
            })
            .collect();
        for (i, a) in &articles {
            if let Some(slot) = seen.get_mut(*i) {
                *slot = Some((
                    a.id.0.clone(),
                    Placed {
                        event: EventId(u32::MAX),
                        title: a.title.clone(),
                        published: a.published.as_ref().map(|p| p.value.clone()),
                        language: a.language.clone(),
                    },
                ));
            }
        }
        store.add_articles(articles.into_iter().map(|(_, a)| a).collect(), &opts)?;
    }
    let secs = start.elapsed().as_secs_f64();
    let mut out = Vec::with_capacity(docs.len());
    for (n, s) in seen.into_iter().enumerate() {
        // A document the store lacks gets an event of its own.
        let own = EventId(u32::MAX - n as u32);
        let placed = match s {
            Some((id, read)) => Placed {
                event: store
                    .article_event(&id)?
                    .and_then(|e| u32::try_from(e).ok())
                    .map_or(own, EventId),
                ..read
            },
            None => Placed {
                event: own,
                title: None,
                published: None,
                language: None,
            },
        };
        out.push(placed);
    }
    Ok((out, secs))
}

/// A document as `ingest` reads a plain-text file: the headline on the
/// first line, a blank line, then the text; a `date` comes as a record's
/// publish date would.
fn as_plain_text(d: &GoldDoc) -> crosswire_ingest::RawDoc {
    let mut bytes = String::with_capacity(d.title.len() + d.text.len() + 2);
    if !d.title.trim().is_empty() {
        bytes.push_str(d.title.trim());
        bytes.push_str("\n\n");
    }
    bytes.push_str(&d.text);
    crosswire_ingest::RawDoc {
        source: format!("{}.txt", d.id),
        format: crosswire_ingest::Format::Text,
        bytes: bytes.into_bytes(),
        hints: crosswire_ingest::Hints {
            published: d.date.clone(),
            ..Default::default()
        },
    }
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

/// What `crosswire eval events` reads and writes.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// ECB+ documents (`{id, event, ...}` per line), when scored.
    pub ecbplus: Option<std::path::PathBuf>,
    /// MEANTIME documents (`{id, story, lang, ...}` per line), when scored.
    pub meantime: Option<std::path::PathBuf>,
    /// Where to write each document's event of the headline runs, one JSON
    /// object per line, so that errors can be read.
    pub assignments: Option<std::path::PathBuf>,
}

/// One document's event in an `--assignments` file.
#[derive(serde::Serialize)]
struct AssignmentLine<'a> {
    set: &'a str,
    id: &'a str,
    gold: &'a str,
    event: String,
    language: Option<&'a str>,
    published: Option<&'a str>,
    title: Option<&'a str>,
}

/// Scores ECB+ alone: see [`run_inputs`].
pub fn run(data: &Path) -> Result<Vec<Metric>> {
    run_inputs(&Inputs {
        ecbplus: Some(data.to_path_buf()),
        ..Default::default()
    })
}

/// Scores event grouping. On ECB+: the store path that `ingest` runs
/// (the headline) under `events.store.*`; for comparison, the link
/// stage's batch path ([`EventOptions::batch`]: stream, split, rejoin)
/// under `events.*` and `events.file_order.*`, and the incremental path
/// without splits ([`EventOptions::default`]) under `events.stream.*`.
/// On MEANTIME, the store path under `events.meantime.<set>.*` for the
/// sets `en`, `en_es` and `all`, and `week`: all languages with every
/// story of a topic moved into one week.
pub fn run_inputs(inputs: &Inputs) -> Result<Vec<Metric>> {
    let mut out = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    if let Some(data) = &inputs.ecbplus {
        let docs = read_docs(data)?;
        let shuffled = shuffled_order(docs.len(), SHUFFLE_SEED);
        let (placed, secs) = group_in_store(&docs, &shuffled)?;
        let pred: Vec<EventId> = placed.iter().map(|p| p.event).collect();
        score(&mut out, "events.store", &pred, &docs);
        out.push(Metric::new(
            "events.store.docs_per_sec",
            (docs.len() as f64 / secs.max(1e-9)).round(),
        ));
        assignment_lines(&mut lines, "ecbplus", &docs, &placed)?;
        let dated = dated_in_one_week(&docs);
        let (placed, _) = group_in_store(&dated, &shuffled)?;
        let pred: Vec<EventId> = placed.iter().map(|p| p.event).collect();
        let gold: Vec<&str> = dated.iter().map(|d| d.event.as_str()).collect();
        pairwise(&pred, &gold).push(&mut out, "events.store.dated.pairwise");
        bcubed(&pred, &gold).push(&mut out, "events.store.dated.bcubed");
        let all: Vec<usize> = (0..docs.len()).collect();
        compare(&mut out, &docs, &all);
    }
    if let Some(data) = &inputs.meantime {
        let docs = read_docs(data)?;
        let week = one_week(&docs);
        for (set, langs, docs) in [
            ("en", &["en"][..], &docs),
            ("en_es", &["en", "es"][..], &docs),
            ("all", &[][..], &docs),
            ("week", &[][..], &week),
        ] {
            let owned: Vec<GoldDoc> = docs
                .iter()
                .filter(|d| langs.is_empty() || langs.contains(&d.lang.as_str()))
                .cloned()
                .collect();
            let order = shuffled_order(owned.len(), SHUFFLE_SEED);
            let (placed, _) = group_in_store(&owned, &order)?;
            let pred: Vec<EventId> = placed.iter().map(|p| p.event).collect();
            let prefix = format!("events.meantime.{set}");
            out.push(Metric::new(format!("{prefix}.docs"), owned.len() as f64));
            out.push(Metric::new(
                format!("{prefix}.predicted_events"),
                distinct(&pred) as f64,
            ));
            let gold: Vec<&str> = owned.iter().map(|d| d.event.as_str()).collect();
            pairwise(&pred, &gold).push(&mut out, &format!("{prefix}.pairwise"));
            bcubed(&pred, &gold).push(&mut out, &format!("{prefix}.bcubed"));
            let undated = placed.iter().filter(|p| p.published.is_none()).count();
            out.push(Metric::new(format!("{prefix}.undated"), undated as f64));
            let unlabelled = placed.iter().filter(|p| p.language.is_none()).count();
            out.push(Metric::new(
                format!("{prefix}.no_language"),
                unlabelled as f64,
            ));
            assignment_lines(&mut lines, &format!("meantime.{set}"), &owned, &placed)?;
        }
    }
    if let Some(path) = &inputs.assignments {
        let mut text = lines.join("\n");
        text.push('\n');
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(out)
}

/// The documents with every story of a topic moved into one week: story
/// k of a topic (in order of first appearance) on day k mod 7, all its
/// languages on that day. Several stories of one topic then share a day,
/// and only what happened can keep them apart: the measure of grouping by
/// topic words that the real dates, months apart, would hide.
fn one_week(docs: &[GoldDoc]) -> Vec<GoldDoc> {
    let mut day: HashMap<(&str, &str), usize> = HashMap::new();
    let mut per_topic: HashMap<&str, usize> = HashMap::new();
    for d in docs {
        if let std::collections::hash_map::Entry::Vacant(slot) =
            day.entry((d.topic.as_str(), d.event.as_str()))
        {
            let n = per_topic.entry(d.topic.as_str()).or_insert(0);
            slot.insert(*n % 7);
            *n += 1;
        }
    }
    docs.iter()
        .map(|d| {
            let k = day
                .get(&(d.topic.as_str(), d.event.as_str()))
                .copied()
                .unwrap_or(0);
            GoldDoc {
                forced_date: Some(format!("2031-03-{:02}", 3 + k)),
                ..d.clone()
            }
        })
        .collect()
}

/// ECB+ with publish dates as a stream would have them: every event
/// starts within one week (the two events of a topic, one kind of
/// happening each, three or four days apart), and its reports are dated
/// up to three days after its first day. A grouping that weighs dates must
/// still hold the reports of one event together across days.
fn dated_in_one_week(docs: &[GoldDoc]) -> Vec<GoldDoc> {
    let mut first_day: HashMap<&str, u64> = HashMap::new();
    for d in docs {
        let n = first_day.len() as u64;
        // Spread over a week by the event's rank (a topic's events are
        // neighbours in the file).
        first_day.entry(d.event.as_str()).or_insert(n * 3 % 7);
    }
    docs.iter()
        .enumerate()
        .map(|(i, d)| {
            let start = first_day.get(d.event.as_str()).copied().unwrap_or(0);
            // A fixed spread of report days: 0, 0, 1, 0, 2, 1, 3, ...
            let lag = [0, 0, 1, 0, 2, 1, 3][i % 7];
            GoldDoc {
                forced_date: Some(format!("2031-03-{:02}", 3 + start + lag)),
                ..d.clone()
            }
        })
        .collect()
}

fn distinct<T: Ord + Clone>(xs: &[T]) -> usize {
    let mut v = xs.to_vec();
    v.sort_unstable();
    v.dedup();
    v.len()
}

fn assignment_lines(
    lines: &mut Vec<String>,
    set: &str,
    docs: &[GoldDoc],
    placed: &[Placed],
) -> Result<()> {
    for (d, p) in docs.iter().zip(placed) {
        lines.push(serde_json::to_string(&AssignmentLine {
            set,
            id: &d.id,
            gold: &d.event,
            event: p.event.to_string(),
            language: p.language.as_deref(),
            published: p.published.as_deref(),
            title: p.title.as_deref(),
        })?);
    }
    Ok(())
}

/// The link stage's other groupings on the same documents, F1 only: the
/// batch path shuffled (`events.*`) and in file order
/// (`events.file_order.*`), and the incremental path without splits
/// (`events.stream.*`).
fn compare(out: &mut Vec<Metric>, docs: &[GoldDoc], file_order: &[usize]) {
    let shuffled = shuffled_order(docs.len(), SHUFFLE_SEED);
    let gold: Vec<&str> = docs.iter().map(|d| d.event.as_str()).collect();
    for (name, opts, order) in [
        ("events", EventOptions::batch(), &shuffled),
        (
            "events.file_order",
            EventOptions::batch(),
            &file_order.to_vec(),
        ),
        ("events.stream", EventOptions::default(), &shuffled),
    ] {
        let (pred, _) = group(docs, order, &opts);
        out.push(Metric::new(
            format!("{name}.pairwise.f1"),
            pairwise(&pred, &gold).f1,
        ));
        out.push(Metric::new(
            format!("{name}.bcubed.f1"),
            bcubed(&pred, &gold).f1,
        ));
    }
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
        let path = std::env::var("ECBPLUS").expect("ECBPLUS names the ECB+ folder");
        for x in run(Path::new(&path)).expect("ECB+ scores") {
            println!("{x}");
        }
    }

    /// Parameter sweep on ECB+: `ECBPLUS=path cargo test -p crosswire-eval
    /// sweep -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn sweep() {
        let path = std::env::var("ECBPLUS").expect("ECBPLUS names the ECB+ folder");
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
