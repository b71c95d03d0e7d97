//! Runs ingest → extract (→ analyze) over a stream of inputs in parallel,
//! handing results to the printer in input order.

use anyhow::Result;
use crosswire_ingest::{Item, Link};
use crosswire_model::Article;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How far down the pipeline to go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Main text and metadata.
    Extract,
    /// Plus entity, figure, quote and date spans.
    Analyze,
}

/// What a run needs to know.
#[derive(Debug, Clone)]
pub struct Config {
    pub stage: Stage,
    pub ingest: crosswire_ingest::Options,
    /// Stands in for a missing publish date when resolving relative dates.
    pub reference_date: Option<String>,
    pub follow_links: bool,
}

/// The result for one document.
#[derive(Debug)]
pub enum Outcome {
    Article(Box<Article>),
    Link(Link),
    Error { source: String, message: String },
}

/// Counts for the exit code and the closing line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub ok: usize,
    pub failed: usize,
    pub links: usize,
}

/// Documents handed to the workers at once: large enough to keep every
/// core busy, small enough that memory stays bounded whatever the input size.
const CHUNK: usize = 128;

/// Runs the stages over every input, handing each outcome to `sink` in
/// input order. Links from feeds come last (fetched first when
/// `follow_links` is set).
pub fn run(
    inputs: &[String],
    config: &Config,
    sink: &mut dyn FnMut(Outcome) -> Result<()>,
) -> Result<Summary> {
    let progress = Progress::new();
    let mut summary = Summary::default();
    let mut links = Vec::new();
    process_stream(
        crosswire_ingest::open(inputs, &config.ingest),
        config,
        sink,
        &progress,
        &mut summary,
        &mut links,
    )?;
    if config.follow_links && !links.is_empty() {
        let urls: Vec<String> = links.into_iter().map(|l| l.url).collect();
        // Links found while following are listed, not followed again: one
        // level is what a feed needs, and it bounds the crawl.
        let mut nested = Vec::new();
        process_stream(
            crosswire_ingest::open(&urls, &config.ingest),
            config,
            sink,
            &progress,
            &mut summary,
            &mut nested,
        )?;
        for link in nested {
            sink(Outcome::Link(link))?;
        }
    } else {
        for link in links {
            sink(Outcome::Link(link))?;
        }
    }
    progress.finish();
    Ok(summary)
}

fn process_stream(
    mut items: impl Iterator<Item = Item>,
    config: &Config,
    sink: &mut dyn FnMut(Outcome) -> Result<()>,
    progress: &Progress,
    summary: &mut Summary,
    links: &mut Vec<Link>,
) -> Result<()> {
    loop {
        let chunk: Vec<Item> = items.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            return Ok(());
        }
        let outcomes: Vec<Outcome> = chunk
            .into_par_iter()
            .map(|item| process(item, config))
            .collect();
        for outcome in outcomes {
            match outcome {
                Outcome::Link(link) => {
                    summary.links += 1;
                    links.push(link);
                    continue;
                }
                Outcome::Article(_) => summary.ok += 1,
                Outcome::Error { .. } => summary.failed += 1,
            }
            sink(outcome)?;
            progress.tick(summary);
        }
    }
}

/// Extracts (and analyzes) one item.
pub fn process(item: Item, config: &Config) -> Outcome {
    let doc = match item {
        Item::Doc(doc) => doc,
        Item::Link(link) => return Outcome::Link(link),
        Item::Error(e) => {
            return Outcome::Error {
                source: e.source_name.clone(),
                message: e.kind.to_string(),
            }
        }
    };
    let source = doc.source.clone();
    // Stages are written not to panic on any input; this guard keeps a bug
    // in one document from taking the rest of the batch down with it.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut article = crosswire_extract::extract(&doc)?;
        if config.stage == Stage::Analyze {
            article.assume_published(config.reference_date.as_deref());
            crosswire_analyze::analyze(&mut article);
        }
        Ok::<_, crosswire_extract::ExtractError>(article)
    }));
    match result {
        Ok(Ok(article)) => Outcome::Article(Box::new(article)),
        Ok(Err(e)) => Outcome::Error {
            source,
            message: e.reason().to_string(),
        },
        Err(_) => Outcome::Error {
            source,
            message: "internal error while extracting (please report this input)".into(),
        },
    }
}

/// A progress line on stderr, shown only on a terminal and only once the
/// run has lasted a second, so short runs and pipelines stay quiet.
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Progress {
    fn new() -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            if let Ok(style) =
                ProgressStyle::with_template("{spinner} {pos} documents  {per_sec}  {msg}")
            {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    fn tick(&self, summary: &Summary) {
        if let Some(bar) = &self.bar {
            if bar.is_hidden() && self.started.elapsed() > Duration::from_secs(1) {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
            bar.inc(1);
            if summary.failed > 0 {
                bar.set_message(format!("{} failed", summary.failed));
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
