//! Evaluation on the Article Extraction Benchmark (AEB).
//!
//! Each page is scored on 4-token shingles of `\w+` tokens, counted as
//! multisets: per page, true positives are the shingles the prediction
//! shares with the truth, and TP/FP/FN are scaled to sum to one. Precision
//! is the mean over pages with a non-empty prediction, recall the mean
//! over pages with a non-empty truth, and F1 the harmonic mean of the two
//! means — the benchmark's published definition.

use crate::Metric;
use anyhow::Context;
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

static WORD: Lazy<Regex> = Lazy::new(|| Regex::new(r"\w+").expect("static regex"));

/// TP/FP/FN of one page, scaled to sum to one (all zero when both texts
/// are empty).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PageScore {
    /// Shared shingles.
    pub tp: f64,
    /// Predicted shingles not in the truth.
    pub fp: f64,
    /// Truth shingles not predicted.
    pub fn_: f64,
}

impl PageScore {
    /// Precision of this page (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0.0 {
            1.0
        } else {
            self.tp / (self.tp + self.fp)
        }
    }
    /// Recall of this page (1 when the truth is empty).
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0.0 {
            1.0
        } else {
            self.tp / (self.tp + self.fn_)
        }
    }
    /// F1 of this page.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    let tokens: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    // Texts shorter than a shingle count as one shingle of all their tokens.
    let k = 4.min(tokens.len());
    for w in tokens.windows(k) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Scores one prediction against its truth.
pub fn score_page(prediction: &str, truth: &str) -> PageScore {
    let p = shingles(prediction);
    let t = shingles(truth);
    let mut tp = 0u64;
    let mut fp = 0u64;
    for (s, &c) in &p {
        let tc = t.get(s).copied().unwrap_or(0);
        tp += c.min(tc) as u64;
        fp += c.saturating_sub(tc) as u64;
    }
    let fn_: u64 = t
        .iter()
        .map(|(s, &c)| c.saturating_sub(p.get(s).copied().unwrap_or(0)) as u64)
        .sum();
    let total = (tp + fp + fn_) as f64;
    if total == 0.0 {
        return PageScore::default();
    }
    PageScore {
        tp: tp as f64 / total,
        fp: fp as f64 / total,
        fn_: fn_ as f64 / total,
    }
}

/// One page's result.
#[derive(Debug, Clone)]
pub struct PageResult {
    /// File id (name without `.html.gz`).
    pub id: String,
    /// Its score.
    pub score: PageScore,
    /// The extracted body.
    pub prediction: String,
    /// The ground truth.
    pub truth: String,
}

/// Precision, recall and F1 over pages, as the benchmark defines them.
pub fn aggregate(pages: &[(PageScore, bool, bool)]) -> (f64, f64, f64) {
    let mut p_sum = 0.0;
    let mut p_n = 0usize;
    let mut r_sum = 0.0;
    let mut r_n = 0usize;
    for (s, has_pred, has_truth) in pages {
        if *has_pred {
            p_sum += s.precision();
            p_n += 1;
        }
        if *has_truth {
            r_sum += s.recall();
            r_n += 1;
        }
    }
    let p = if p_n == 0 { 0.0 } else { p_sum / p_n as f64 };
    let r = if r_n == 0 { 0.0 } else { r_sum / r_n as f64 };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Extracts every page and scores it; also returns the time spent in
/// decoding and extraction alone (single thread).
pub fn run_pages(path: &Path) -> anyhow::Result<(Vec<PageResult>, Duration)> {
    let truth_path = path.join("ground-truth.json");
    let truth: HashMap<String, serde_json::Value> = serde_json::from_reader(
        std::fs::File::open(&truth_path)
            .with_context(|| format!("cannot open {}", truth_path.display()))?,
    )
    .with_context(|| format!("cannot parse {}", truth_path.display()))?;
    let mut files: Vec<_> = std::fs::read_dir(path.join("html"))
        .with_context(|| format!("cannot list {}/html", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".html.gz"))
        .collect();
    files.sort();
    let mut results = Vec::with_capacity(files.len());
    let mut spent = Duration::ZERO;
    for f in files {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let id = name.trim_end_matches(".html.gz").to_string();
        let Some(entry) = truth.get(&id) else {
            continue;
        };
        let truth_text = entry
            .get("articleBody")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        let url = entry.get("url").and_then(|v| v.as_str());
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&f)?)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot gunzip {}", f.display()))?;
        let start = Instant::now();
        let page = crosswire_ingest::charset::decode_html(&bytes, None);
        let article = crosswire_extract::html::extract_html(&page, &name, url);
        let prediction = article.body_text();
        spent += start.elapsed();
        let score = score_page(&prediction, &truth_text);
        results.push(PageResult {
            id,
            score,
            prediction,
            truth: truth_text,
        });
    }
    Ok((results, spent))
}

/// Runs the evaluation on the benchmark at `path` (holding `html/` and
/// `ground-truth.json`).
pub fn run(path: &Path) -> anyhow::Result<Vec<Metric>> {
    let (results, spent) = run_pages(path)?;
    let scored: Vec<_> = results
        .iter()
        .map(|r| {
            (
                r.score,
                WORD.is_match(&r.prediction),
                WORD.is_match(&r.truth),
            )
        })
        .collect();
    let (p, r, f) = aggregate(&scored);
    let secs = spent.as_secs_f64().max(1e-9);
    Ok(vec![
        Metric::new("aeb.precision", p),
        Metric::new("aeb.recall", r),
        Metric::new("aeb.f1", f),
        Metric::new("aeb.pages", results.len() as f64),
        Metric::new("aeb.pages_per_sec_single_core", results.len() as f64 / secs),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let s = score_page("one two three four five", "one two three four five");
        assert_eq!(s.tp, 1.0);
        assert_eq!(s.f1(), 1.0);
    }

    #[test]
    fn partial_overlap() {
        // truth shingles: [a b c d], [b c d e]; prediction: [a b c d], [b c d x]
        let s = score_page("a b c d x", "a b c d e");
        assert!((s.tp - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.fp - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.fn_ - 1.0 / 3.0).abs() < 1e-9);
        assert!((s.precision() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn multiset_counts_repeats() {
        let s = score_page("a b c d a b c d", "a b c d");
        // prediction has [a b c d] twice, truth once.
        assert!(s.fp > 0.0);
        assert_eq!(s.recall(), 1.0);
    }

    #[test]
    fn punctuation_and_unicode_tokens() {
        let s = score_page("Größe, über — alles: gut!", "Größe über alles gut");
        assert_eq!(s.f1(), 1.0);
    }

    #[test]
    fn aggregate_means_over_nonempty() {
        let pages = vec![
            (score_page("a b c d", "a b c d"), true, true),
            (score_page("", "a b c d"), false, true),
        ];
        let (p, r, f) = aggregate(&pages);
        assert_eq!(p, 1.0);
        assert_eq!(r, 0.5);
        assert!((f - 2.0 / 3.0).abs() < 1e-9);
    }
}
