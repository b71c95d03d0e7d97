//! Evaluation on the Web Content eXtraction Benchmark (WCXB), dev split.
//!
//! The benchmark's own metric: lowercase both texts, split them into `\w+`
//! tokens, count the tokens as multisets; per page, precision is the
//! overlap over the predicted tokens, recall the overlap over the truth
//! tokens, F1 their harmonic mean. A page whose truth is empty scores 1
//! only when the prediction is empty too; an empty prediction scores 0.
//! The reported numbers are plain means over pages, overall and per page
//! type. The prediction is what `crosswire extract` outputs as `text`: the
//! body of [`crosswire_extract::extract`], empty when it finds no text.

use crate::Metric;
use anyhow::Context;
use once_cell::sync::Lazy;
use rayon::prelude::*;
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

static WORD: Lazy<Regex> = Lazy::new(|| Regex::new(r"\w+").expect("static regex"));

/// Precision, recall and F1 of one page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// Overlap over predicted tokens.
    pub precision: f64,
    /// Overlap over truth tokens.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

fn tokens(text: &str) -> HashMap<String, u32> {
    let lower = text.to_lowercase();
    let mut out = HashMap::new();
    for m in WORD.find_iter(&lower) {
        *out.entry(m.as_str().to_string()).or_insert(0) += 1;
    }
    out
}

/// Scores one prediction against its truth with the benchmark's rules.
pub fn score_page(prediction: &str, truth: &str) -> PageScore {
    let p = tokens(prediction);
    let t = tokens(truth);
    let np: u32 = p.values().sum();
    let nt: u32 = t.values().sum();
    if nt == 0 {
        let v = if np == 0 { 1.0 } else { 0.0 };
        return PageScore {
            precision: v,
            recall: v,
            f1: v,
        };
    }
    if np == 0 {
        return PageScore {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        };
    }
    let overlap: u32 = p
        .iter()
        .map(|(w, &c)| c.min(t.get(w).copied().unwrap_or(0)))
        .sum();
    let precision = overlap as f64 / np as f64;
    let recall = overlap as f64 / nt as f64;
    let f1 = if overlap == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    PageScore {
        precision,
        recall,
        f1,
    }
}

/// One page's result.
#[derive(Debug, Clone)]
pub struct PageResult {
    /// Page id (four digits).
    pub id: String,
    /// Page type (`article`, `forum`, ...).
    pub page_type: String,
    /// Its score.
    pub score: PageScore,
    /// The extracted body (empty when extraction found none).
    pub prediction: String,
    /// The truth's main content.
    pub truth: String,
}

/// The benchmark's page type from a ground-truth file: `category` means
/// `collection`, a missing value means `article`.
fn page_type(v: &serde_json::Value) -> String {
    let t = v
        .pointer("/_internal/page_type/primary")
        .and_then(|t| t.as_str())
        .unwrap_or("article");
    match t {
        "category" => "collection".to_string(),
        "" => "article".to_string(),
        t => t.to_string(),
    }
}

fn gunzip(path: &Path) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?,
    )
    .read_to_end(&mut bytes)
    .with_context(|| format!("cannot gunzip {}", path.display()))?;
    Ok(bytes)
}

fn run_one(dev: &Path, id: &str) -> anyhow::Result<PageResult> {
    let gt_path = dev.join("ground-truth").join(format!("{id}.json.gz"));
    let gt: serde_json::Value = serde_json::from_slice(&gunzip(&gt_path)?)
        .with_context(|| format!("cannot parse {}", gt_path.display()))?;
    let truth = gt
        .pointer("/ground_truth/main_content")
        .and_then(|v| v.as_str())
        .unwrap_or("")
        .to_string();
    let url = gt.get("url").and_then(|v| v.as_str()).map(str::to_string);
    let name = format!("{id}.html.gz");
    let doc = crosswire_ingest::RawDoc {
        source: name,
        format: crosswire_ingest::Format::Html,
        bytes: gunzip(&dev.join("html").join(format!("{id}.html.gz")))?,
        hints: crosswire_ingest::Hints {
            url,
            ..Default::default()
        },
    };
    let prediction = crosswire_extract::extract(&doc)
        .map(|a| a.body_text())
        .unwrap_or_default();
    Ok(PageResult {
        id: id.to_string(),
        page_type: page_type(&gt),
        score: score_page(&prediction, &truth),
        prediction,
        truth,
    })
}

/// Extracts and scores every page of the split at `path` (a folder holding
/// `html/` and `ground-truth/`, or the benchmark folder holding `dev/`).
pub fn run_pages(path: &Path) -> anyhow::Result<Vec<PageResult>> {
    let dev = if path.join("dev").join("html").is_dir() {
        path.join("dev")
    } else {
        path.to_path_buf()
    };
    let dir = dev.join("ground-truth");
    let mut ids: Vec<String> = std::fs::read_dir(&dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".json.gz"))
                .map(str::to_string)
        })
        .collect();
    ids.sort();
    if ids.is_empty() {
        anyhow::bail!("no ground truth in {}", dir.display());
    }
    ids.par_iter().map(|id| run_one(&dev, id)).collect()
}

/// Mean F1, precision and recall per group of pages, overall first, and the
/// pages with no output whose truth is not empty.
pub fn metrics(results: &[PageResult]) -> Vec<Metric> {
    let mut groups: BTreeMap<&str, Vec<&PageResult>> = BTreeMap::new();
    for r in results {
        groups.entry(&r.page_type).or_default().push(r);
    }
    let mean = |pages: &[&PageResult], f: fn(&PageScore) -> f64| {
        pages.iter().map(|r| f(&r.score)).sum::<f64>() / pages.len().max(1) as f64
    };
    let all: Vec<&PageResult> = results.iter().collect();
    let mut out = vec![
        Metric::new("wcxb.f1", mean(&all, |s| s.f1)),
        Metric::new("wcxb.precision", mean(&all, |s| s.precision)),
        Metric::new("wcxb.recall", mean(&all, |s| s.recall)),
    ];
    for (t, pages) in &groups {
        out.push(Metric::new(format!("wcxb.{t}.f1"), mean(pages, |s| s.f1)));
        out.push(Metric::new(format!("wcxb.{t}.pages"), pages.len() as f64));
    }
    let empty = results
        .iter()
        .filter(|r| !WORD.is_match(&r.prediction) && WORD.is_match(&r.truth))
        .count();
    out.push(Metric::new("wcxb.empty_output", empty as f64));
    out.push(Metric::new("wcxb.pages", results.len() as f64));
    out
}

/// Runs the evaluation on the WCXB folder at `path`.
pub fn run(path: &Path) -> anyhow::Result<Vec<Metric>> {
    Ok(metrics(&run_pages(path)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiset_overlap_counts_each_token_at_most_as_often_as_both() {
        // prediction: the×2 cat sat; truth: the cat sat on mat → overlap 3.
        let s = score_page("The the cat sat", "the cat sat on mat");
        assert!((s.precision - 0.75).abs() < 1e-9);
        assert!((s.recall - 0.6).abs() < 1e-9);
        assert!((s.f1 - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-9);
    }

    #[test]
    fn case_punctuation_and_order_do_not_count() {
        let s = score_page("Größe, ÜBER — alles: gut!", "gut alles über größe");
        assert_eq!(s.f1, 1.0);
    }

    #[test]
    fn empty_truth_rewards_only_empty_prediction() {
        assert_eq!(score_page("", "").f1, 1.0);
        assert_eq!(score_page("  ... ", "").f1, 1.0);
        assert_eq!(score_page("menu", "").f1, 0.0);
        assert_eq!(score_page("", "some text").f1, 0.0);
    }

    #[test]
    fn category_means_collection_and_missing_means_article() {
        let v: serde_json::Value =
            serde_json::from_str(r#"{"_internal":{"page_type":{"primary":"category"}}}"#)
                .expect("json");
        assert_eq!(page_type(&v), "collection");
        assert_eq!(page_type(&serde_json::json!({})), "article");
    }

    #[test]
    fn metrics_are_plain_means_per_type_and_count_empty_outputs() {
        let page = |t: &str, pred: &str, truth: &str| PageResult {
            id: String::new(),
            page_type: t.to_string(),
            score: score_page(pred, truth),
            prediction: pred.to_string(),
            truth: truth.to_string(),
        };
        let results = vec![
            page("article", "a b", "a b"),
            page("article", "", "a b"),
            page("forum", "", ""),
        ];
        let m: HashMap<String, f64> = metrics(&results)
            .into_iter()
            .map(|m| (m.name, m.value))
            .collect();
        assert!((m["wcxb.f1"] - 2.0 / 3.0).abs() < 1e-9);
        assert!((m["wcxb.article.f1"] - 0.5).abs() < 1e-9);
        assert_eq!(m["wcxb.forum.f1"], 1.0);
        assert_eq!(m["wcxb.empty_output"], 1.0);
    }
}
