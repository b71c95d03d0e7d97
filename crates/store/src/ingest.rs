//! The ingest loop: a producer thread extracts and analyzes documents in
//! parallel, chunk by chunk; the calling thread is the one writer. It
//! commits batches to SQLite (articles, event assignments, merges), then
//! recomputes the dossiers of the events the batch changed, then feeds
//! the text index.

use crate::assign::{known, write_checkpoint, AssignStage, EventState, Op, Plan};
use crate::db::{self, article_doc, article_from, day_number};
use crate::grouper::{EventGrouper, Prepared, Preparer};
use crate::index::IndexDoc;
use crate::{Store, StoreError};
use crosswire_ingest::guard::{map_guarded, Guarded};
use crosswire_ingest::Item;
use crosswire_model::dossier::{Dossier, Verdict};
use crosswire_model::Article;
use rayon::prelude::*;
use rusqlite::{params, OptionalExtension};
use rustc_hash::FxHashMap as HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Settings of an ingest run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Articles per database transaction, at most.
    pub batch_size: usize,
    /// A batch is committed at least this often while articles arrive.
    pub batch_interval: Duration,
    /// How often the text index commits (it trails the database; it is
    /// always committed at the end of a run).
    pub index_interval: Duration,
    /// Worker threads for extraction, analysis and cross-checking;
    /// default: all cores.
    pub jobs: Option<usize>,
    /// Reference date (`YYYY-MM-DD`) for articles without a publish date.
    pub reference_date: Option<String>,
    /// Makes the event grouper (see [`crate::EventGrouper`]).
    pub grouper: fn() -> Box<dyn EventGrouper>,
    /// Articles of an event given to the cross-check, earliest first:
    /// bounds the cost of refreshing a very large event, whose dossier
    /// then covers its first reports (where copies and conflicts start).
    pub dossier_max_articles: usize,
    /// Cross-check settings.
    pub crosscheck: crosswire_crosscheck::Options,
    /// Events smaller than this get their dossier when the writer is idle
    /// or at the end of the run, not while articles stream in: most
    /// events of a stream stay small, and cross-checking each as it grew
    /// from three articles to five was a third of the ingest's work.
    /// (`show` cross-checks an event without a current dossier on the
    /// spot.)
    pub dossier_min_size: usize,
    /// A larger event is recomputed once it grew by this share since its
    /// last dossier; every changed event is recomputed at the end of a
    /// run. Growth by a constant factor makes the refreshes of one event a
    /// geometric series, so their total cost is a constant times that of
    /// its final dossier, however many batches it was spread over.
    pub dossier_growth: f32,
    /// While the writer is idle (no input for a batch interval), a dossier
    /// older than this is also recomputed when its event grew by at least a
    /// quarter of [`IngestOptions::dossier_growth`], so a slow story does
    /// not wait for the end of the run. (Age alone is no reason, and a busy
    /// stream spends no time on it: there it recomputed every growing event
    /// every few minutes.)
    pub dossier_max_age: Duration,
    /// New articles between checkpoints of the event grouper during a
    /// long run (one is always written at the end): a restart replays
    /// only the articles stored after the last one. Once the grouper is
    /// large, checkpoints are spaced further, so that each costs at most
    /// 512 bytes per article since the previous one.
    pub checkpoint_every: usize,
    /// Fetch the pages that feed and sitemap items point to, with these
    /// network settings; `None` lists them as links instead. A link is
    /// fetched once: when its page was stored, the link is remembered and
    /// later polls of the same feed skip it without a request.
    pub fetch: Option<crosswire_ingest::Options>,
    /// Sentences and mentions one document may bring; a larger one is
    /// recorded as failed.
    pub budget: crosswire_model::DocBudget,
    /// Time one document may take in each of extraction (fetch included)
    /// and analysis; a slower one is recorded as failed and the stream
    /// goes on (`None`: no limit).
    pub doc_timeout: Option<Duration>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch_size: 500,
            batch_interval: Duration::from_secs(1),
            index_interval: Duration::from_secs(2),
            jobs: None,
            reference_date: None,
            grouper: crate::grouper::default_grouper,
            dossier_max_articles: 80,
            crosscheck: Default::default(),
            dossier_min_size: 6,
            dossier_growth: 2.0,
            dossier_max_age: Duration::from_secs(120),
            checkpoint_every: 50_000,
            fetch: None,
            budget: Default::default(),
            doc_timeout: Some(Duration::from_secs(30)),
        }
    }
}

/// Counts of an ingest run.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct IngestReport {
    /// Documents read (articles, failures, and duplicates).
    pub read: usize,
    /// New articles stored.
    pub added: usize,
    /// Articles already in the store (or seen earlier in the same run).
    pub duplicates: usize,
    /// Inputs that failed to read or extract.
    pub failed: usize,
    /// Feed items without text that were not fetched (fetching is off,
    /// or the page was itself a feed).
    pub links: usize,
    /// Events created.
    pub new_events: usize,
    /// Events merged into others.
    pub merged_events: usize,
    /// Events split in two as they grew (each also counts one new event).
    pub split_events: usize,
    /// Dossiers recomputed.
    pub dossiers: usize,
    /// Time spent recomputing them, in milliseconds of wall time.
    pub dossier_ms: u64,
    /// Batches committed.
    pub batches: usize,
}

impl IngestReport {
    /// Adds another report's counts to these.
    pub fn absorb(&mut self, o: &IngestReport) {
        self.read += o.read;
        self.added += o.added;
        self.duplicates += o.duplicates;
        self.failed += o.failed;
        self.links += o.links;
        self.new_events += o.new_events;
        self.merged_events += o.merged_events;
        self.split_events += o.split_events;
        self.dossiers += o.dossiers;
        self.dossier_ms += o.dossier_ms;
        self.batches += o.batches;
    }
}

/// Progress reported while ingesting.
#[derive(Debug)]
pub enum Note<'a> {
    /// An input could not be read or extracted; the run goes on.
    Failed {
        /// The input.
        source: &'a str,
        /// Why.
        message: &'a str,
    },
    /// An entry was left out on purpose (a FIFO or device met in a
    /// directory); not a failure.
    Skipped {
        /// The entry.
        source: &'a str,
        /// Why.
        message: &'a str,
    },
    /// A batch was committed; the counts so far.
    Committed(&'a IngestReport),
}

/// A new article on its way to the store, with what the worker threads
/// prepared for the writer so that it does not: its stored form and the
/// event grouper's preparation.
pub(crate) struct Incoming {
    pub article: Article,
    /// Its raw document's key.
    pub key: Option<RawKey>,
    pub doc: Option<Vec<u8>>,
    pub prepared: Option<Prepared>,
}

/// What the producer hands the writer for one document.
pub(crate) enum Outcome {
    Article(Box<Incoming>),
    /// Already stored; carries the raw document's key when that key is
    /// not recorded yet.
    Known(Option<RawKey>),
    Link,
    Failed {
        source: String,
        message: String,
    },
    /// Left out on purpose (a FIFO in a directory): a note, not a failure.
    Skipped(String, String),
}

/// A hash of a raw document (bytes, format and container hints): the
/// same document read again is skipped before extraction.
pub(crate) type RawKey = [u8; 16];

fn raw_key(item: &Item) -> Option<RawKey> {
    let Item::Doc(doc) = item else {
        return None;
    };
    let mut h = blake3::Hasher::new();
    h.update(b"crosswire-raw/1\0");
    h.update(&[doc.format as u8]);
    h.update(&serde_json::to_vec(&doc.hints).ok()?);
    h.update(&doc.bytes);
    let mut key = [0u8; 16];
    key.copy_from_slice(&h.finalize().as_bytes()[..16]);
    Some(key)
}

/// The key of a link to fetch: the same URL met again (the next poll of a
/// feed, another feed listing it) is skipped once its page is stored.
fn link_key(url: &str) -> RawKey {
    let mut h = blake3::Hasher::new();
    h.update(b"crosswire-link/1\0");
    h.update(url.trim().as_bytes());
    let mut key = [0u8; 16];
    key.copy_from_slice(&h.finalize().as_bytes()[..16]);
    key
}

/// Batch intervals without a plan after which the writer counts as idle.
const IDLE_INTERVALS: u32 = 5;

/// Documents extracted in parallel at once.
const CHUNK: usize = 256;

/// Events changed during this run whose dossiers are not due yet.
struct Schedule {
    dirty: HashMap<i64, Due>,
    /// When aged dossiers were last looked for.
    aged_scan: Instant,
}

/// What decides when an event's dossier is due.
#[derive(Debug, Clone, Copy)]
struct Due {
    size: i64,
    /// Articles its last dossier covered (0: none yet).
    /// Negative after a merge or split reshaped the event (see
    /// [`merge_events`]): the growth rule then goes by its magnitude.
    computed: i64,
    /// Unix time of that dossier (0: none yet).
    computed_at: i64,
}

impl Store {
    /// Ingests a stream of documents (see [`crosswire_ingest::open`]):
    /// extracts and analyzes them in parallel, stores new articles in
    /// batches, assigns them to events, refreshes the dossiers of the
    /// events that changed, and indexes the text. `notes` hears about
    /// failed inputs and committed batches.
    pub fn ingest<I>(
        &mut self,
        items: I,
        opts: &IngestOptions,
        notes: &mut dyn FnMut(Note<'_>),
    ) -> Result<IngestReport, StoreError>
    where
        I: Iterator<Item = Item> + Send,
    {
        self.require_writable()?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(
                opts.jobs
                    .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
                    .max(1),
            )
            .build()
            .map_err(|e| StoreError::Data(format!("starting worker threads: {e}")))?;
        // Dossiers left dirty by a crash are brought up to date first.
        let mut report = IngestReport::default();
        self.refresh_dossiers(opts, &mut report, Some(&pool))?;
        let reader = db::open_reader(&self.dir)?;
        // The grouper's preparation runs with the extraction; a grouper
        // restored from this store may be the one to ask.
        let preparer = match self.events.as_ref() {
            Some(state) => state.preparer(),
            None => (opts.grouper)().preparer(),
        };
        let committed = AtomicU64::new(0);
        let mut assign = AssignStage {
            state: self.events.take(),
            reader: db::open_reader(&self.dir)?,
            committed: &committed,
            opts,
        };
        // Room for a few chunks, so extraction goes on while the writer
        // commits a batch and refreshes dossiers; and for one plan, so
        // assignment goes on while the previous plan commits.
        let (tx, rx) = mpsc::sync_channel::<Vec<Outcome>>(4);
        let (plan_tx, plan_rx) = mpsc::sync_channel::<Plan>(2);
        // Checkpoints move to their own thread for the run (see
        // `db::checkpoint_loop`).
        let checkpointer = db::open_checkpointer(&self.dir)?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let wal_frames = AtomicU64::new(0);
        let result = std::thread::scope(|s| {
            let frames = &wal_frames;
            s.spawn(move || {
                db::checkpoint_loop(checkpointer, stop_rx, Duration::from_secs(1), frames)
            });
            let _stop = stop_tx;
            let pool = &pool;
            s.spawn(move || produce(items, tx, reader, pool, opts, preparer));
            let assigner = s.spawn(|| assign.run(rx, plan_tx));
            // On error the plan receiver is dropped here, which stops the
            // assignment stage, which stops the producer.
            let commits = self.commit_loop(
                plan_rx,
                pool,
                opts,
                &mut report,
                notes,
                (&committed, frames),
            );
            let assigned = assigner.join().unwrap_or_else(|_| {
                Err(StoreError::Data(
                    "internal error while assigning events".into(),
                ))
            });
            commits.and(assigned)
        });
        self.conn
            .pragma_update(None, "wal_autocheckpoint", db::WAL_AUTOCHECKPOINT)?;
        // The event state is kept only when it holds exactly what was
        // committed; otherwise the next run rebuilds it from the store.
        if result.is_ok() {
            self.events = assign.state.take();
        }
        result?;
        // The index first: every stored article is searchable before the
        // dossier refresh, which can take a while on a large run.
        if let Some(t) = self.text.as_mut() {
            t.commit()?;
        }
        self.refresh_dossiers(opts, &mut report, Some(&pool))?;
        if let Some(t) = self.text.as_mut() {
            t.commit()?;
        }
        Ok(report)
    }

    /// Stores articles that are already extracted and analyzed, as one
    /// batch: events, dossiers and index included. For callers that build
    /// articles themselves.
    pub fn add_articles(
        &mut self,
        articles: Vec<Article>,
        opts: &IngestOptions,
    ) -> Result<IngestReport, StoreError> {
        self.require_writable()?;
        let mut report = IngestReport {
            read: articles.len(),
            ..Default::default()
        };
        let batch = articles
            .into_iter()
            .map(|article| Incoming {
                article,
                key: None,
                doc: None,
                prepared: None,
            })
            .collect();
        let mut state = match self.events.take() {
            Some(s) => s,
            None => EventState::load(&self.conn, opts.grouper)?,
        };
        let mut plan = Plan::new(1);
        let conn = &self.conn;
        plan.ops = state.assign(batch, &mut |id| known(conn, id), &mut plan.counts)?;
        plan.checkpoint = state.checkpoint();
        // On error the state is dropped: it holds uncommitted articles.
        let docs = self.commit_plan(plan, &mut report)?;
        self.events = Some(state);
        self.refresh_dossiers(opts, &mut report, None)?;
        if let Some(t) = self.text.as_mut() {
            t.add(&docs, false)?;
            t.commit()?;
        }
        Ok(report)
    }

    fn require_writable(&self) -> Result<(), StoreError> {
        if self.writable {
            Ok(())
        } else {
            Err(StoreError::Busy {
                path: self.dir.clone(),
            })
        }
    }

    /// The commit stage of [`Store::ingest`]: commits each plan, then
    /// refreshes the dossiers due and feeds the text index; while no plan
    /// comes, refreshes dossiers that fell behind.
    fn commit_loop(
        &mut self,
        rx: mpsc::Receiver<Plan>,
        pool: &rayon::ThreadPool,
        opts: &IngestOptions,
        report: &mut IngestReport,
        notes: &mut dyn FnMut(Note<'_>),
        (committed, wal_frames): (&AtomicU64, &AtomicU64),
    ) -> Result<(), StoreError> {
        let mut schedule = Schedule {
            dirty: HashMap::default(),
            aged_scan: Instant::now(),
        };
        let mut last_index_commit = Instant::now();
        let mut last_plan = Instant::now();
        let wait = opts.batch_interval.max(Duration::from_millis(1));
        loop {
            let mut plan = match rx.recv_timeout(wait) {
                Ok(plan) => {
                    last_plan = Instant::now();
                    plan
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    // Idle (a watched feed between polls, a slow stream):
                    // spare time freshens dossiers that fell behind. A busy
                    // stream refreshes by growth only. Idle means no plan
                    // for a few batch intervals: a busy assignment stage
                    // can take longer than one to send its next plan, and
                    // taking that for idleness recomputed every pending
                    // small event twice a minute on a long run.
                    if last_plan.elapsed() >= wait.saturating_mul(IDLE_INTERVALS) {
                        let none = std::iter::empty();
                        self.refresh_due(none, &mut schedule, opts, report, true, pool)?;
                    }
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(()),
            };
            let no = plan.no;
            let failures = std::mem::take(&mut plan.failures);
            let skipped = std::mem::take(&mut plan.skipped);
            let docs = self.commit_plan(plan, report)?;
            committed.store(no, Ordering::Release);
            db::finish_checkpoint(&self.conn, wal_frames);
            for (source, message) in &failures {
                notes(Note::Failed { source, message });
            }
            for (source, message) in &skipped {
                notes(Note::Skipped { source, message });
            }
            let touched: std::collections::BTreeSet<i64> =
                docs.iter().map(|d| d.event as i64).collect();
            self.refresh_due(touched, &mut schedule, opts, report, false, pool)?;
            if let Some(t) = self.text.as_mut() {
                t.add(&docs, false)?;
                if last_index_commit.elapsed() >= opts.index_interval {
                    t.commit()?;
                    last_index_commit = Instant::now();
                }
            }
            notes(Note::Committed(report));
        }
    }

    /// Commits one plan in one transaction: seen raw keys, new events,
    /// merges, new articles and the grouper checkpoint that covers them.
    /// Returns the documents to index.
    fn commit_plan(
        &mut self,
        plan: Plan,
        report: &mut IngestReport,
    ) -> Result<Vec<IndexDoc>, StoreError> {
        report.absorb(&plan.counts);
        let tx = db::write_transaction(&mut self.conn)?;
        let mut docs = Vec::with_capacity(plan.ops.len());
        {
            let mut see = tx.prepare_cached("INSERT OR IGNORE INTO seen (raw) VALUES (?1)")?;
            for key in &plan.keys {
                see.execute([&key[..]])?;
            }
            // OR IGNORE: the assignment stage already skipped stored ids,
            // so this only guards the store's uniqueness.
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO articles (id, event, first_event, source, url, outlet, \
                 title, published, day, language, text, doc) \
                 VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            let mut new_event =
                tx.prepare_cached("INSERT INTO events (id, dirty) VALUES (?1, 1)")?;
            // Size, span and title kept current in the same transaction, so
            // the event list is right even before the dossier is recomputed.
            let mut touch = tx.prepare_cached(
                "UPDATE events SET dirty = 1, size = size + 1, \
                 first_day = CASE WHEN ?2 IS NULL THEN first_day \
                     WHEN first_day IS NULL OR ?2 < first_day THEN ?2 ELSE first_day END, \
                 last_day = CASE WHEN ?2 IS NULL THEN last_day \
                     WHEN last_day IS NULL OR ?2 > last_day THEN ?2 ELSE last_day END, \
                 title = coalesce(title, ?3) WHERE id = ?1",
            )?;
            for op in plan.ops {
                match op {
                    Op::NewEvent(id) => {
                        new_event.execute([id])?;
                    }
                    Op::Merge { from, into } => merge_events(&tx, from, into)?,
                    Op::Split { from, to, ids } => split_event(&tx, from, to, &ids)?,
                    Op::Insert {
                        article,
                        event,
                        doc,
                    } => {
                        let article = *article;
                        let day = day_number(&article);
                        let added = insert.execute(params![
                            article.id.0,
                            event,
                            article.source,
                            article.url,
                            article.outlet,
                            article.title,
                            article.published.as_ref().map(|p| p.value.clone()),
                            day,
                            article.language,
                            article.text,
                            doc,
                        ])?;
                        if added == 0 {
                            report.duplicates += 1;
                            continue;
                        }
                        let seq = tx.last_insert_rowid();
                        touch.execute(params![event, day, article.title])?;
                        report.added += 1;
                        docs.push(IndexDoc {
                            seq: seq as u64,
                            event: event as u64,
                            day,
                            outlet: article.outlet,
                            language: article.language,
                            title: article.title.unwrap_or_default(),
                            body: article.text,
                        });
                    }
                }
            }
        }
        if let Some(cp) = &plan.checkpoint {
            write_checkpoint(&tx, cp)?;
        }
        tx.commit()?;
        report.batches += 1;
        Ok(docs)
    }

    /// Recomputes the dossier of every event marked dirty, a bounded number
    /// at a time so memory stays flat: at the start of a run (what a crash
    /// left) and at its end. Counts them, and the time they took, in
    /// `report`.
    fn refresh_dossiers(
        &mut self,
        opts: &IngestOptions,
        report: &mut IngestReport,
        pool: Option<&rayon::ThreadPool>,
    ) -> Result<(), StoreError> {
        let started = Instant::now();
        let due: Vec<(i64, i64)> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, computed_size FROM events \
                 WHERE dirty = 1 AND merged_into IS NULL ORDER BY id",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        self.refresh_events(&due, opts, pool)?;
        report.dossiers += due.len();
        report.dossier_ms += started.elapsed().as_millis() as u64;
        Ok(())
    }

    /// During a run: recomputes the dossiers that are due among the events
    /// this batch touched, following [`IngestOptions::dossier_growth`], and
    /// with `aged` (the writer is idle) those that fell behind. The schedule lives in memory, so
    /// deciding costs a lookup per touched event, not a scan of every
    /// dirty one; a restart loses nothing, since every dirty event is
    /// recomputed when a run starts.
    fn refresh_due(
        &mut self,
        touched: impl IntoIterator<Item = i64>,
        schedule: &mut Schedule,
        opts: &IngestOptions,
        report: &mut IngestReport,
        aged: bool,
        pool: &rayon::ThreadPool,
    ) -> Result<(), StoreError> {
        let started = Instant::now();
        let now = unix_now();
        let stale_before = now - opts.dossier_max_age.as_secs().min(i64::MAX as u64) as i64;
        let growth = (1000.0 * (1.0 + opts.dossier_growth.max(0.0))) as i64;
        let aged_growth = (1000.0 * (1.0 + opts.dossier_growth.max(0.0) / 4.0)) as i64;
        let min_size = opts.dossier_min_size as i64;
        let mut due: Vec<(i64, i64)> = Vec::new();
        {
            let mut row = self.conn.prepare_cached(
                "SELECT size, computed_size, coalesce(computed_at, 0) FROM events \
                 WHERE id = ?1 AND merged_into IS NULL AND dirty = 1",
            )?;
            let mut look = |id: i64| -> Result<Option<Due>, StoreError> {
                Ok(row
                    .query_row([id], |r| {
                        Ok(Due {
                            size: r.get(0)?,
                            computed: r.get(1)?,
                            computed_at: r.get(2)?,
                        })
                    })
                    .optional()?)
            };
            for id in touched {
                match look(id)? {
                    Some(d) if d.size >= min_size && d.size * 1000 >= d.computed.abs() * growth => {
                        schedule.dirty.remove(&id);
                        due.push((id, d.computed));
                    }
                    Some(d) => {
                        schedule.dirty.insert(id, d);
                    }
                    None => {
                        schedule.dirty.remove(&id);
                    }
                }
            }
            let scan_every = (opts.dossier_max_age / 4).max(Duration::from_secs(1));
            if aged && schedule.aged_scan.elapsed() >= scan_every {
                schedule.aged_scan = Instant::now();
                let aged: Vec<i64> = schedule
                    .dirty
                    .iter()
                    .filter(|(_, d)| {
                        d.computed < 0
                            || (d.computed_at <= stale_before
                                && d.size * 1000 >= d.computed * aged_growth)
                    })
                    .map(|(&id, _)| id)
                    .collect();
                for id in aged {
                    schedule.dirty.remove(&id);
                    if let Some(d) = look(id)? {
                        due.push((id, d.computed));
                    }
                }
            }
        }
        due.sort_unstable();
        due.dedup_by_key(|d| d.0);
        self.refresh_events(&due, opts, Some(pool))?;
        report.dossiers += due.len();
        report.dossier_ms += started.elapsed().as_millis() as u64;
        Ok(())
    }

    /// Recomputes and stores the dossiers of some events (id, size of its
    /// last dossier), in chunks of at most `CHUNK_EVENTS`, in parallel: the
    /// worker threads cross-check one chunk while this thread writes the
    /// previous one and reads the next (the reads and writes were a third
    /// of a refresh, with the workers idle).
    fn refresh_events(
        &mut self,
        due: &[(i64, i64)],
        opts: &IngestOptions,
        pool: Option<&rayon::ThreadPool>,
    ) -> Result<(), StoreError> {
        let mut chunks = due.chunks(CHUNK_EVENTS);
        let Some(first) = chunks.next() else {
            return Ok(());
        };
        let mut loaded = load_dossier_inputs(&self.conn, first, opts)?;
        let mut done: Option<Computed> = None;
        loop {
            let next = chunks.next();
            let conn = &mut self.conn;
            let inputs = std::mem::take(&mut loaded.inputs);
            let prev = done.take();
            let work = || {
                rayon::join(
                    || compute_dossiers(inputs, opts),
                    || -> Result<Option<Loaded>, StoreError> {
                        if let Some(prev) = prev {
                            write_dossiers(conn, prev)?;
                        }
                        next.map(|n| load_dossier_inputs(conn, n, opts)).transpose()
                    },
                )
            };
            let (computed, io) = match pool {
                Some(p) => p.install(work),
                None => work(),
            };
            let next_loaded = io?;
            done = Some(Computed {
                dossiers: computed,
                single: std::mem::take(&mut loaded.single),
                unchanged: std::mem::take(&mut loaded.unchanged),
            });
            match next_loaded {
                Some(l) => loaded = l,
                None => break,
            }
        }
        if let Some(last) = done {
            write_dossiers(&mut self.conn, last)?;
        }
        Ok(())
    }
}

/// Events whose dossiers are cross-checked together.
const CHUNK_EVENTS: usize = 128;

/// An article as stored: its text and packed document.
type StoredRow = (String, Vec<u8>);

/// What a dossier refresh reads before cross-checking.
struct Loaded {
    /// Events to cross-check, with their stored rows.
    inputs: Vec<(i64, Vec<StoredRow>)>,
    /// One-article events: counts only.
    single: Vec<i64>,
    /// Events past the cap whose dossier covers the same articles.
    unchanged: Vec<i64>,
}

/// What a dossier refresh writes.
struct Computed {
    dossiers: Vec<(i64, Option<Summary>)>,
    single: Vec<i64>,
    unchanged: Vec<i64>,
}

fn load_dossier_inputs(
    conn: &rusqlite::Connection,
    due: &[(i64, i64)],
    opts: &IngestOptions,
) -> Result<Loaded, StoreError> {
    let cap = opts.dossier_max_articles.max(1);
    let mut out = Loaded {
        inputs: Vec::with_capacity(due.len()),
        single: Vec::new(),
        unchanged: Vec::new(),
    };
    let mut size_of = conn.prepare_cached("SELECT size FROM events WHERE id = ?1")?;
    for &(id, computed) in due {
        // A one-article event has nothing to cross-check: its counts are
        // known, and `show` builds its dossier when asked.
        if size_of.query_row([id], |r| r.get::<_, i64>(0)).optional()? == Some(1) {
            out.single.push(id);
            continue;
        }
        // The dossier covers the earliest `cap` articles; an event already
        // past the cap that only grew has the same ones. (A merge or split
        // makes computed_size negative, so it is recomputed.)
        if usize::try_from(computed).is_ok_and(|c| c >= cap) {
            out.unchanged.push(id);
            continue;
        }
        out.inputs.push((id, load_event_articles(conn, id, cap)?));
    }
    Ok(out)
}

/// Decodes the stored articles, cross-checks and packs each dossier, on
/// the worker threads.
fn compute_dossiers(
    inputs: Vec<(i64, Vec<StoredRow>)>,
    opts: &IngestOptions,
) -> Vec<(i64, Option<Summary>)> {
    inputs
        .into_par_iter()
        .map(|(id, rows)| {
            let articles: Vec<Article> = rows
                .into_iter()
                .filter_map(|(text, doc)| article_from(text, &doc).ok())
                .collect();
            if articles.is_empty() {
                return (id, None);
            }
            // A bug in one event's cross-check must not stop the ingest;
            // the event keeps no dossier until it changes.
            let d = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                crosswire_crosscheck::crosscheck(articles, &opts.crosscheck)
            }))
            .ok();
            (id, d.and_then(summarize))
        })
        .collect()
}

/// Stores computed dossiers with their events' counts, span and title.
fn write_dossiers(conn: &mut rusqlite::Connection, c: Computed) -> Result<(), StoreError> {
    let now = unix_now();
    let tx = db::write_transaction(conn)?;
    {
        let mut keep = tx.prepare_cached(
            "UPDATE events SET dirty = 0, \
             size = (SELECT count(*) FROM articles WHERE event = ?1) WHERE id = ?1",
        )?;
        for id in c.unchanged {
            keep.execute([id])?;
        }
        let mut agg = tx
            .prepare_cached("SELECT count(*), min(day), max(day) FROM articles WHERE event = ?1")?;
        let mut first_title = tx.prepare_cached(
            "SELECT title FROM articles WHERE event = ?1 AND title IS NOT NULL \
             ORDER BY seq LIMIT 1",
        )?;
        let mut update = tx.prepare_cached(
            "UPDATE events SET size = ?2, first_day = ?3, last_day = ?4, title = ?5, \
             origins = ?6, conflicts = ?7, dirty = 0, \
             computed_size = ?2, computed_at = ?8 WHERE id = ?1",
        )?;
        let mut store =
            tx.prepare_cached("INSERT OR REPLACE INTO dossiers (event, packed) VALUES (?1, ?2)")?;
        let mut unstore = tx.prepare_cached("DELETE FROM dossiers WHERE event = ?1")?;
        let singles = c.single.into_iter().map(|id| (id, None));
        for (id, dossier) in c.dossiers.into_iter().chain(singles) {
            let (size, first, last): (i64, Option<i64>, Option<i64>) =
                agg.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            let title: Option<String> = first_title.query_row([id], |r| r.get(0)).optional()?;
            let (origins, conflicts, packed) = match dossier {
                Some(d) => (d.origins, d.conflicts, Some(d.packed)),
                None if size == 1 => (1, 0, None),
                None => (0, 0, None),
            };
            update.execute(params![
                id, size, first, last, title, origins, conflicts, now
            ])?;
            match packed {
                Some(p) => store.execute(params![id, p])?,
                None => unstore.execute([id])?,
            };
        }
    }
    tx.commit()?;
    Ok(())
}

/// The stored rows (text, packed document) of an event's earliest
/// articles, decoded later on a worker thread.
fn load_event_articles(
    conn: &rusqlite::Connection,
    event: i64,
    cap: usize,
) -> Result<Vec<StoredRow>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT text, doc FROM articles WHERE event = ?1 ORDER BY seq LIMIT ?2")?;
    let mut rows = stmt.query(params![event, cap.max(1) as i64])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push((r.get(0)?, r.get(1)?));
    }
    Ok(out)
}

/// What the events table keeps of a dossier.
struct Summary {
    origins: i64,
    conflicts: i64,
    packed: Vec<u8>,
}

/// Counts a dossier's origins and open conflicts and packs it for
/// storage; `None` when it cannot be encoded (the event then keeps no
/// dossier until it changes, and `show` computes one).
fn summarize(mut d: Dossier) -> Option<Summary> {
    let conflicts = d
        .figures
        .iter()
        .filter(|f| f.verdict == Verdict::Conflict)
        .count()
        + d.quotes
            .iter()
            .filter(|q| q.verdict == Verdict::Conflict)
            .count();
    // Texts live in the articles table; a dossier gets them back when read.
    for a in &mut d.articles {
        a.text = String::new();
    }
    let json = serde_json::to_string(&d).ok()?;
    Some(Summary {
        origins: d.origins.len() as i64,
        conflicts: conflicts as i64,
        packed: db::pack(&json),
    })
}

/// Moves event `from` into `into`: its articles go to the surviving event,
/// and it stays as an alias so its id still resolves.
fn merge_events(tx: &rusqlite::Transaction<'_>, from: i64, into: i64) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE articles SET event = ?2 WHERE event = ?1",
        params![from, into],
    )?;
    tx.execute(
        "UPDATE events SET merged_into = ?2 WHERE merged_into = ?1",
        params![from, into],
    )?;
    tx.execute(
        "UPDATE events SET dirty = 1, \
         size = size + (SELECT size FROM events WHERE id = ?1), \
         first_day = min(coalesce(first_day, (SELECT first_day FROM events WHERE id = ?1)), \
             coalesce((SELECT first_day FROM events WHERE id = ?1), first_day)), \
         last_day = max(coalesce(last_day, (SELECT last_day FROM events WHERE id = ?1)), \
             coalesce((SELECT last_day FROM events WHERE id = ?1), last_day)) \
         WHERE id = ?2",
        params![from, into],
    )?;
    // The merged-in articles may precede the surviving event's, so its
    // dossier is recomputed from scratch; but not at once. Marked as
    // reshaped (negative), it is recomputed when it grew by the usual
    // factor, when the writer is idle, or at the end of the run: a large
    // event that keeps absorbing small ones would otherwise be
    // cross-checked again on every merge, which made a long stream spend
    // most of its time on the dossiers of a few large events.
    tx.execute(
        "UPDATE events SET computed_size = -max(abs(computed_size), \
         abs((SELECT computed_size FROM events WHERE id = ?2))) WHERE id = ?1",
        params![into, from],
    )?;
    tx.execute(
        "UPDATE events SET merged_into = ?2, dirty = 0 WHERE id = ?1",
        params![from, into],
    )?;
    tx.execute("DELETE FROM dossiers WHERE event = ?1", [from])?;
    Ok(())
}

/// Moves articles from event `from` to the new event `to`, and sets both
/// events' counts and span from their articles.
fn split_event(
    tx: &rusqlite::Transaction<'_>,
    from: i64,
    to: i64,
    ids: &[String],
) -> Result<(), StoreError> {
    let mut mv =
        tx.prepare_cached("UPDATE articles SET event = ?2 WHERE id = ?1 AND event = ?3")?;
    for id in ids {
        mv.execute(params![id, to, from])?;
    }
    let mut recount = tx.prepare_cached(
        "UPDATE events SET dirty = 1, computed_size = -abs(computed_size), \
         size = (SELECT count(*) FROM articles WHERE event = ?1), \
         first_day = (SELECT min(day) FROM articles WHERE event = ?1), \
         last_day = (SELECT max(day) FROM articles WHERE event = ?1), \
         title = (SELECT title FROM articles WHERE event = ?1 AND title IS NOT NULL \
             ORDER BY seq LIMIT 1) \
         WHERE id = ?1",
    )?;
    recount.execute([from])?;
    recount.execute([to])?;
    Ok(())
}

/// The producer: reads items, extracts and analyzes them in parallel in
/// chunks, skipping the analysis of articles the store already has.
fn produce(
    mut items: impl Iterator<Item = Item>,
    tx: mpsc::SyncSender<Vec<Outcome>>,
    reader: rusqlite::Connection,
    pool: &rayon::ThreadPool,
    opts: &IngestOptions,
    preparer: Option<Preparer>,
) {
    loop {
        let chunk: Vec<Item> = items.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            return;
        }
        let keyed: Vec<(Option<RawKey>, Item)> = pool.install(|| {
            chunk
                .into_par_iter()
                .map(|i| {
                    let key = match &i {
                        Item::Link(l) if opts.fetch.is_some() => Some(link_key(&l.url)),
                        _ => raw_key(&i),
                    };
                    (key, i)
                })
                .collect()
        });
        let mut slots: Vec<Option<Outcome>> = Vec::with_capacity(keyed.len());
        let mut todo = Vec::new();
        for (i, (key, item)) in keyed.into_iter().enumerate() {
            if key.is_some_and(|k| seen(&reader, &k)) {
                slots.push(Some(Outcome::Known(None)));
            } else {
                slots.push(None);
                todo.push((i, key, item));
            }
        }
        let threads = pool.current_num_threads();
        let sources: Vec<String> = todo.iter().map(|(_, _, item)| item_source(item)).collect();
        let fetch = opts.fetch.clone();
        let budget = opts.budget;
        let jobs: Vec<(usize, Option<RawKey>, Item)> = todo;
        let indexes: Vec<usize> = jobs.iter().map(|(i, _, _)| *i).collect();
        let extracted = map_guarded(jobs, threads, opts.doc_timeout, move |(_, key, item)| {
            extract_one(item, key, fetch.as_ref(), budget)
        });
        for ((i, o), source) in indexes.into_iter().zip(extracted).zip(sources) {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(unguard(o, source, "extracting", opts.doc_timeout));
            }
        }
        let mut outcomes: Vec<Outcome> = slots.into_iter().flatten().collect();
        for o in outcomes.iter_mut() {
            if let Outcome::Article(inc) = o {
                if known(&reader, &inc.article.id.0) {
                    *o = Outcome::Known(inc.key);
                }
            }
        }
        // Analysis, under the same guard; the outcomes travel to the
        // workers and back.
        let sources: Vec<String> = outcomes
            .iter()
            .map(|o| match o {
                Outcome::Article(inc) => inc.article.source.clone(),
                _ => String::new(),
            })
            .collect();
        let reference_date = opts.reference_date.clone();
        let prep = preparer.clone();
        let analyzed = map_guarded(outcomes, threads, opts.doc_timeout, move |mut o| {
            if let Outcome::Article(inc) = &mut o {
                match analyze_one(&mut inc.article, reference_date.as_deref(), budget) {
                    Some(failed) => o = failed,
                    None => {
                        inc.doc = article_doc(&inc.article).ok();
                        inc.prepared = prep.as_ref().map(|p| p(&inc.article));
                    }
                }
            }
            o
        });
        let outcomes: Vec<Outcome> = analyzed
            .into_iter()
            .zip(sources)
            .map(|(o, source)| unguard(o, source, "analyzing", opts.doc_timeout))
            .collect();
        if tx.send(outcomes).is_err() {
            // The writer stopped (an error it reports itself).
            return;
        }
    }
}

fn seen(reader: &rusqlite::Connection, key: &RawKey) -> bool {
    // A failed lookup only costs a redundant extraction.
    reader
        .prepare_cached("SELECT 1 FROM seen WHERE raw = ?1")
        .and_then(|mut s| s.exists([&key[..]]))
        .unwrap_or(false)
}

/// A guarded outcome as an outcome: a panic or a timeout is a failure of
/// that document.
fn unguard(o: Guarded<Outcome>, source: String, stage: &str, budget: Option<Duration>) -> Outcome {
    match o {
        Guarded::Done(o) => o,
        Guarded::Panicked => Outcome::Failed {
            source,
            message: format!("internal error while {stage} (please report this input)"),
        },
        Guarded::TimedOut => Outcome::Failed {
            source,
            message: format!(
                "over budget: took more than {} s {stage}",
                budget.map_or(0, |d| d.as_secs())
            ),
        },
    }
}

fn item_source(item: &Item) -> String {
    match item {
        Item::Doc(d) => d.source.clone(),
        Item::Link(l) => l.url.clone(),
        Item::Error(e) | Item::Skipped(e) => e.source_name.clone(),
    }
}

fn extract_one(
    item: Item,
    key: Option<RawKey>,
    fetch: Option<&crosswire_ingest::Options>,
    budget: crosswire_model::DocBudget,
) -> Outcome {
    let doc = match item {
        Item::Doc(doc) => doc,
        Item::Link(link) => match fetch {
            // A link found in content is only fetched as an http(s) URL,
            // never opened as a path. One level only: what a fetched page
            // links to is listed, not fetched, which bounds the crawl a
            // feed can cause.
            Some(net) => {
                match crosswire_ingest::open_links(std::slice::from_ref(&link.url), net).next() {
                    Some(Item::Doc(doc)) => doc,
                    Some(Item::Link(_)) => return Outcome::Link,
                    Some(Item::Error(e)) | Some(Item::Skipped(e)) => {
                        return Outcome::Failed {
                            source: e.source_name.clone(),
                            message: e.kind.to_string(),
                        }
                    }
                    None => {
                        return Outcome::Failed {
                            source: link.url,
                            message: "the page holds no document".into(),
                        }
                    }
                }
            }
            None => return Outcome::Link,
        },
        Item::Error(e) => {
            return Outcome::Failed {
                source: e.source_name.clone(),
                message: e.kind.to_string(),
            }
        }
        Item::Skipped(e) => return Outcome::Skipped(e.source_name, e.kind.to_string()),
    };
    // Stages are written not to panic; this keeps a bug on one document
    // from ending the whole ingest.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crosswire_extract::extract(&doc)
    })) {
        Ok(Ok(article)) => match budget.check_extracted(&article) {
            Ok(()) => Outcome::Article(Box::new(Incoming {
                article,
                key,
                doc: None,
                prepared: None,
            })),
            Err(message) => Outcome::Failed {
                source: doc.source.clone(),
                message,
            },
        },
        Ok(Err(e)) => Outcome::Failed {
            source: doc.source.clone(),
            message: e.reason().to_string(),
        },
        Err(_) => Outcome::Failed {
            source: doc.source.clone(),
            message: "internal error while extracting (please report this input)".into(),
        },
    }
}

fn analyze_one(
    a: &mut Article,
    reference_date: Option<&str>,
    budget: crosswire_model::DocBudget,
) -> Option<Outcome> {
    a.assume_published(reference_date);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crosswire_analyze::analyze(a)
    }));
    if r.is_err() {
        return Some(Outcome::Failed {
            source: a.source.clone(),
            message: "internal error while analyzing (please report this input)".into(),
        });
    }
    budget
        .check_analyzed(a)
        .err()
        .map(|message| Outcome::Failed {
            source: a.source.clone(),
            message,
        })
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
