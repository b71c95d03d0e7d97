//! Runs ingest → extract (→ analyze) over a stream of inputs in parallel,
//! handing results to the printer in input order.

use anyhow::Result;
use crosswire_ingest::guard::{map_guarded, Guarded};
use crosswire_ingest::{Item, Link};
use crosswire_model::{Article, DocBudget};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::{mpsc, Arc};
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
    /// Sentences and mentions one document may bring.
    pub budget: DocBudget,
    /// Time one document may take to extract and analyze.
    pub doc_timeout: Option<Duration>,
    /// Worker threads.
    pub jobs: usize,
}

/// The result for one document.
#[derive(Debug)]
pub enum Outcome {
    Article(Box<Article>),
    Link(Link),
    Error {
        source: String,
        message: String,
    },
    /// Left out on purpose (a FIFO met in a directory): a note, no failure.
    Skipped {
        source: String,
        message: String,
    },
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

/// How long a chunk waits for more documents once it has some: results
/// are printed as soon as inputs stop coming, so one input that blocks
/// (a slow server, a pipe) does not hide the ones read before it.
const GATHER: Duration = Duration::from_millis(50);

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
    let config = Arc::new(config.clone());
    process_stream(
        crosswire_ingest::open(inputs, &config.ingest),
        &config,
        sink,
        &progress,
        &mut summary,
        &mut links,
    )?;
    if config.follow_links && !links.is_empty() {
        let urls: Vec<String> = links.into_iter().map(|l| l.url).collect();
        // Links found in content are only ever fetched as http(s) URLs,
        // never opened as paths; links found while following are listed,
        // not followed again: one level is what a feed needs, and it
        // bounds the crawl.
        let mut nested = Vec::new();
        process_stream(
            crosswire_ingest::open_links(&urls, &config.ingest),
            &config,
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
    items: impl Iterator<Item = Item> + Send + 'static,
    config: &Arc<Config>,
    sink: &mut dyn FnMut(Outcome) -> Result<()>,
    progress: &Progress,
    summary: &mut Summary,
    links: &mut Vec<Link>,
) -> Result<()> {
    // Inputs are read on their own thread, so that reading (a slow URL, a
    // pipe) and extracting overlap, and a chunk is handed on as soon as
    // reading pauses.
    let (tx, rx) = mpsc::sync_channel::<Item>(CHUNK);
    std::thread::Builder::new()
        .name("crosswire-reader".into())
        .spawn(move || {
            for item in items {
                if tx.send(item).is_err() {
                    return;
                }
            }
        })?;
    loop {
        let Ok(first) = rx.recv() else {
            return Ok(());
        };
        let mut chunk = vec![first];
        while chunk.len() < CHUNK {
            match rx.recv_timeout(GATHER) {
                Ok(item) => chunk.push(item),
                Err(_) => break,
            }
        }
        let sources: Vec<String> = chunk.iter().map(item_source).collect();
        let worker_config = config.clone();
        let outcomes = map_guarded(chunk, config.jobs, config.doc_timeout, move |item| {
            process(item, &worker_config)
        });
        for (outcome, source) in outcomes.into_iter().zip(sources) {
            let outcome = match outcome {
                Guarded::Done(o) => o,
                Guarded::Panicked => Outcome::Error {
                    source,
                    message: "internal error while extracting (please report this input)".into(),
                },
                Guarded::TimedOut => Outcome::Error {
                    source,
                    message: format!(
                        "over budget: took more than {} s to extract and analyze",
                        config.doc_timeout.map_or(0, |d| d.as_secs())
                    ),
                },
            };
            match outcome {
                Outcome::Link(link) => {
                    summary.links += 1;
                    links.push(link);
                    continue;
                }
                Outcome::Article(_) => summary.ok += 1,
                Outcome::Error { .. } => summary.failed += 1,
                Outcome::Skipped { .. } => {}
            }
            sink(outcome)?;
            progress.tick(summary);
        }
    }
}

/// The name of what an item came from, for an error about it.
fn item_source(item: &Item) -> String {
    match item {
        Item::Doc(d) => d.source.clone(),
        Item::Link(l) => l.source.clone(),
        Item::Error(e) | Item::Skipped(e) => e.source_name.clone(),
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
        Item::Skipped(e) => {
            return Outcome::Skipped {
                source: e.source_name.clone(),
                message: e.kind.to_string(),
            }
        }
    };
    let source = doc.source.clone();
    // Stages are written not to panic on any input; this guard keeps a bug
    // in one document from taking the rest of the batch down with it.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut article = crosswire_extract::extract(&doc).map_err(|e| e.reason().to_string())?;
        if config.stage == Stage::Analyze {
            config.budget.check_extracted(&article)?;
            article.assume_published(config.reference_date.as_deref());
            crosswire_analyze::analyze(&mut article);
            config.budget.check_analyzed(&article)?;
        }
        Ok::<_, String>(article)
    }));
    match result {
        Ok(Ok(article)) => Outcome::Article(Box::new(article)),
        Ok(Err(message)) => Outcome::Error { source, message },
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
