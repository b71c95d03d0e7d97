//! Evaluation of crosswire against gold data. Every evaluation returns
//! [`Metric`]s, printed by the CLI as `name value` lines so CI can compare
//! them against the floors in `eval-floors.txt`.
//!
//! - [`aeb`]: main-text extraction on the Article Extraction Benchmark;
//! - [`seeds`]: extraction of the annotated seed reports (body bounds,
//!   boilerplate, title, outlet, date);
//! - [`analysis`]: figures, quotes, dates and entities on the seeds;
//! - [`crosscheck`]: slot alignment, verdicts, conflicts and origins on the seeds.
//! - [`events`]: event grouping (corpus mode) on ECB+;
//! - [`gold`]: the cross-check scored on any gold file (seeds, examples, dev events);
//! - [`meantime`]: origins, figures and quotes across languages on MEANTIME.
//! - [`unseen`]: conflicts reported on unannotated ECB+ events (a guard).
//! - [`wcxb`]: main-content extraction on seven kinds of page (WCXB).
#![deny(missing_docs)]

pub mod aeb;
pub mod analysis;
pub mod crosscheck;
pub mod events;
pub mod gold;
pub mod meantime;
pub mod seeds;
pub mod unseen;
pub mod wcxb;

/// One measured number.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    /// Dotted name, e.g. `aeb.f1`.
    pub name: String,
    /// The value.
    pub value: f64,
}

impl Metric {
    /// A metric.
    pub fn new(name: impl Into<String>, value: f64) -> Self {
        Metric {
            name: name.into(),
            value,
        }
    }
}

/// A benchmark record (an id, a headline and a body) read as the pipeline
/// reads a plain-text file whose headline is known, then analyzed.
pub(crate) fn read_record(
    id: &str,
    title: &str,
    text: &str,
) -> anyhow::Result<crosswire_model::Article> {
    use anyhow::Context;
    let doc = crosswire_ingest::RawDoc {
        source: id.to_string(),
        format: crosswire_ingest::Format::Text,
        bytes: format!("{title}\n\n{text}").into_bytes(),
        hints: crosswire_ingest::Hints {
            title: Some(title.to_string()),
            ..crosswire_ingest::Hints::default()
        },
    };
    let mut a = crosswire_extract::extract(&doc).with_context(|| format!("extracting {id}"))?;
    crosswire_analyze::analyze(&mut a);
    Ok(a)
}

/// Precision, recall and F1 from true positives, false positives and false
/// negatives; an empty side scores 1 (nothing claimed, nothing missed).
pub(crate) fn prf(tp: usize, fp: usize, fnn: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fnn));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl std::fmt::Display for Metric {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.value.fract() == 0.0 && self.value.abs() < 1e15 {
            write!(f, "{} {}", self.name, self.value as i64)
        } else {
            write!(f, "{} {:.4}", self.name, self.value)
        }
    }
}
