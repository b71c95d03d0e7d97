//! The one thread of this process that writes articles: `--ingest`
//! sources (polled again with `--watch`) and `POST /api/v1/ingest`.
//!
//! A store has one writer at a time (the text index's lock). This thread
//! holds it only while it ingests, unless `--ingest` is set, so a
//! separate `crosswire ingest` can write to the store between two posts;
//! while one does, a post is answered 503 and may be retried.

use crate::Config;
use crosswire_ingest::{AddressPolicy, Item};
use crosswire_store::{IngestOptions, Note, Store, StoreError};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tokio::sync::oneshot;

/// What an ingestion did.
#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub(crate) struct IngestSummary {
    /// Documents read.
    pub read: usize,
    /// New articles stored.
    pub added: usize,
    /// Articles the store already had.
    pub duplicates: usize,
    /// Inputs that could not be read, fetched or extracted.
    pub failed: usize,
    /// Why, for the first few of them (`source: message`).
    pub errors: Vec<String>,
}

/// A batch of items to ingest, built on the writer thread (fetching
/// happens there, not on the async runtime).
pub(crate) type Items = Box<
    dyn FnOnce(&crosswire_ingest::Options) -> Vec<Box<dyn Iterator<Item = Item> + Send>> + Send,
>;

enum Job {
    Ingest(Items, oneshot::Sender<Result<IngestSummary, StoreError>>),
    Stop,
}

/// The handle of the writer thread.
pub(crate) struct Writer {
    jobs: Mutex<mpsc::Sender<Job>>,
}

/// Errors listed in a summary, at most.
const ERRORS_LISTED: usize = 20;

impl Writer {
    /// Starts the thread; with `--ingest` sources it ingests them at once.
    pub fn start(config: &Config) -> Writer {
        let (tx, rx) = mpsc::channel();
        let db = config.db.clone();
        let sources = config.ingest.clone();
        let watch = config.watch;
        let interval = config.interval;
        let policy = if config.allow_private_addresses {
            AddressPolicy::Any
        } else {
            AddressPolicy::PublicOnly
        };
        std::thread::Builder::new()
            .name("crosswire-writer".into())
            .spawn(move || run(db, sources, watch, interval, policy, rx))
            .ok();
        Writer {
            jobs: Mutex::new(tx),
        }
    }

    /// Ingests items; the answer comes when they are committed.
    pub async fn ingest(&self, items: Items) -> Result<IngestSummary, StoreError> {
        let (tx, rx) = oneshot::channel();
        let sent = self
            .jobs
            .lock()
            .ok()
            .map(|j| j.send(Job::Ingest(items, tx)).is_ok());
        if sent != Some(true) {
            return Err(StoreError::Data("the writer has stopped".into()));
        }
        rx.await
            .unwrap_or_else(|_| Err(StoreError::Data("the writer has stopped".into())))
    }

    /// Asks the thread to stop after what it is doing.
    pub fn stop(&self) {
        if let Ok(j) = self.jobs.lock() {
            let _ = j.send(Job::Stop);
        }
    }
}

fn run(
    db: PathBuf,
    sources: Vec<String>,
    watch: bool,
    interval: Duration,
    policy: AddressPolicy,
    rx: mpsc::Receiver<Job>,
) {
    let net = crosswire_ingest::Options {
        address_policy: policy,
        ..Default::default()
    };
    let opts = IngestOptions {
        fetch: Some(net.clone()),
        ..Default::default()
    };
    // Held for good with --ingest (the event index is rebuilt on each
    // open); otherwise only for one job.
    let mut held: Option<Store> = None;
    let mut next_poll = (!sources.is_empty()).then(Instant::now);
    loop {
        let job = match next_poll {
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(job) => Some(job),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            },
            None => match rx.recv() {
                Ok(job) => Some(job),
                Err(_) => return,
            },
        };
        match job {
            Some(Job::Stop) => return,
            Some(Job::Ingest(items, reply)) => {
                let result = with_store(&db, &mut held, |store| ingest(store, items(&net), &opts));
                if next_poll.is_none() {
                    held = None;
                }
                let _ = reply.send(result);
            }
            None => {
                let result = with_store(&db, &mut held, |store| {
                    let items = crosswire_ingest::open(&sources, &net);
                    ingest(store, vec![Box::new(items)], &opts)
                });
                match result {
                    Ok(s) if s.added > 0 || s.failed > 0 => eprintln!(
                        "crosswire: ingested {} new articles ({} duplicates, {} failed)",
                        s.added, s.duplicates, s.failed
                    ),
                    Ok(_) => {}
                    Err(e) => eprintln!("crosswire: ingest: {e}"),
                }
                next_poll = watch.then(|| Instant::now() + interval);
                if next_poll.is_none() {
                    held = None;
                }
            }
        }
    }
}

fn with_store<T>(
    db: &PathBuf,
    held: &mut Option<Store>,
    f: impl FnOnce(&mut Store) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    if held.is_none() {
        *held = Some(Store::open(db)?);
    }
    match held.as_mut() {
        Some(store) => f(store),
        None => Err(StoreError::Data("the store is not open".into())),
    }
}

fn ingest(
    store: &mut Store,
    items: Vec<Box<dyn Iterator<Item = Item> + Send>>,
    opts: &IngestOptions,
) -> Result<IngestSummary, StoreError> {
    let mut errors = Vec::new();
    let items = items.into_iter().flatten();
    let report = store.ingest(items, opts, &mut |note| {
        if let Note::Failed { source, message } = note {
            if errors.len() < ERRORS_LISTED {
                errors.push(format!("{source}: {message}"));
            }
        }
    })?;
    Ok(IngestSummary {
        read: report.read,
        added: report.added,
        duplicates: report.duplicates,
        failed: report.failed,
        errors,
    })
}
