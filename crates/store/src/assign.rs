//! Event assignment, the first of the writer's two stages: each new
//! article is offered to the event grouper and its stored event decided
//! (a new one, an existing one, merges it bridges), with no database
//! write. The result is a [`Plan`] that the commit stage
//! ([`crate::ingest`]) applies in one transaction while this stage
//! already assigns the next batch. The grouper is the writer's costliest
//! part on a long stream and SQLite the second: on two cores they are
//! worth two threads.
//!
//! Stored event ids are allocated here, not by SQLite, so that a plan is
//! complete before it is committed.

use crate::db::{self, article_doc, article_from};
use crate::grouper::EventGrouper;
use crate::ingest::{Incoming, IngestOptions, IngestReport, Outcome, RawKey};
use crate::StoreError;
use crosswire_model::Article;
use rusqlite::{params, Connection, OptionalExtension};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The event index and how its ids map to stored events.
pub(crate) struct EventState {
    index: Box<dyn EventGrouper>,
    /// Index event id → stored event id. Several index ids may map to one
    /// stored event: a replay after restart need not group exactly as the
    /// first run did, and the stored grouping wins.
    map: HashMap<u64, i64>,
    /// Stored event → the event it was merged into.
    merged: HashMap<i64, i64>,
    /// Live event → the events merged into it, so that a merge re-points
    /// only those instead of scanning every merge ever made.
    absorbed: HashMap<i64, Vec<i64>>,
    /// The next stored event id to hand out.
    next_event: i64,
    /// Articles in each live stored event, to merge the smaller event into
    /// the larger.
    sizes: HashMap<i64, u32>,
}

/// One step of a [`Plan`], applied in order: a merge moves the articles
/// stored before it, including earlier ones of the same plan.
pub(crate) enum Op {
    /// A new stored event with this id.
    NewEvent(i64),
    /// Event `from` joins `into` (both roots when planned).
    Merge { from: i64, into: i64 },
    /// These articles leave event `from` for the new event `to`.
    Split {
        from: i64,
        to: i64,
        ids: Vec<String>,
    },
    /// A new article, its stored event and its packed document.
    Insert {
        article: Box<Article>,
        event: i64,
        doc: Vec<u8>,
    },
}

/// The grouper's saved state and its id map, as of a plan's last article.
pub(crate) struct Checkpoint {
    map: Vec<u8>,
    state: Vec<u8>,
}

/// One batch, assigned and ready to commit.
pub(crate) struct Plan {
    /// Sequence number of the plan in this run (from 1).
    pub no: u64,
    pub ops: Vec<Op>,
    /// Raw document keys to remember as seen.
    pub keys: Vec<RawKey>,
    /// What assignment counted: read, duplicates, links, failed, new and
    /// merged events.
    pub counts: IngestReport,
    /// Inputs that failed (source, reason), for the caller's notes.
    pub failures: Vec<(String, String)>,
    /// Entries left out on purpose (a FIFO in a directory), to note.
    pub skipped: Vec<(String, String)>,
    /// Saved with the batch, in the same transaction.
    pub checkpoint: Option<Checkpoint>,
}

impl EventState {
    fn root(&self, mut id: i64) -> i64 {
        // Merge chains are flattened when written; the bound only guards
        // against a damaged table that loops.
        for _ in 0..64 {
            match self.merged.get(&id) {
                Some(&next) if next != id => id = next,
                _ => break,
            }
        }
        id
    }

    /// Rebuilds the event index from the store: the merges, the last
    /// checkpoint, then a replay of the articles stored after it.
    pub(crate) fn load(
        conn: &Connection,
        grouper: fn() -> Box<dyn EventGrouper>,
    ) -> Result<EventState, StoreError> {
        let next_event: i64 =
            conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM events", [], |r| {
                r.get(0)
            })?;
        let mut state = EventState {
            index: grouper(),
            map: HashMap::default(),
            merged: HashMap::default(),
            absorbed: HashMap::default(),
            next_event,
            sizes: HashMap::default(),
        };
        {
            let mut stmt =
                conn.prepare("SELECT id, size FROM events WHERE merged_into IS NULL AND size > 0")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (id, size): (i64, i64) = (r.get(0)?, r.get(1)?);
                state
                    .sizes
                    .insert(id, u32::try_from(size).unwrap_or(u32::MAX));
            }
        }
        {
            let mut stmt =
                conn.prepare("SELECT id, merged_into FROM events WHERE merged_into IS NOT NULL")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (from, into): (i64, i64) = (r.get(0)?, r.get(1)?);
                state.merged.insert(from, into);
                state.absorbed.entry(into).or_default().push(from);
            }
        }
        let from = state.restore_checkpoint(conn)?;
        // Replayed in arrival order, so the grouper sees what it saw live.
        let mut stmt =
            conn.prepare("SELECT event, text, doc FROM articles WHERE seq > ?1 ORDER BY seq")?;
        let mut rows = stmt.query([from])?;
        while let Some(r) = rows.next()? {
            let event: i64 = r.get(0)?;
            let article = article_from(r.get(1)?, &r.get::<_, Vec<u8>>(2)?)?;
            let a = state.index.insert(&article);
            let stored = state.root(event);
            state.map.entry(a.event).or_insert(stored);
        }
        Ok(state)
    }

    /// Loads the grouper checkpoint; returns the last article it covers
    /// (0 when there is none or it does not fit the grouper, and
    /// everything is replayed).
    fn restore_checkpoint(&mut self, conn: &Connection) -> Result<i64, StoreError> {
        let row: Option<(i64, Vec<u8>, Vec<u8>)> = conn
            .query_row(
                "SELECT seq, map, state FROM grouper_checkpoint WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((seq, map, packed)) = row else {
            return Ok(0);
        };
        // A damaged checkpoint is not fatal: replaying rebuilds it all.
        let Ok(bytes) = db::unpack_bytes(&packed) else {
            return Ok(0);
        };
        if !map.chunks_exact(16).remainder().is_empty() || !self.index.restore(&bytes) {
            return Ok(0);
        }
        for pair in map.chunks_exact(16) {
            let (g, s) = pair.split_at(8);
            let (Ok(g), Ok(s)) = (<[u8; 8]>::try_from(g), <[u8; 8]>::try_from(s)) else {
                continue;
            };
            self.map
                .insert(u64::from_le_bytes(g), i64::from_le_bytes(s));
        }
        Ok(seq)
    }

    /// The grouper's preparer (see [`EventGrouper::preparer`]).
    pub(crate) fn preparer(&self) -> Option<crate::grouper::Preparer> {
        self.index.preparer()
    }

    /// The grouper's state now, when it can save it.
    pub(crate) fn checkpoint(&self) -> Option<Checkpoint> {
        let bytes = self.index.snapshot()?;
        let mut map = Vec::with_capacity(self.map.len() * 16);
        for (&g, &s) in &self.map {
            map.extend_from_slice(&g.to_le_bytes());
            map.extend_from_slice(&s.to_le_bytes());
        }
        Some(Checkpoint {
            map,
            state: db::pack_bytes(&bytes),
        })
    }

    fn size(&self, id: i64) -> u32 {
        self.sizes.get(&id).copied().unwrap_or(0)
    }

    fn new_event(&mut self, ops: &mut Vec<Op>, counts: &mut IngestReport) -> i64 {
        let id = self.next_event;
        self.next_event += 1;
        ops.push(Op::NewEvent(id));
        counts.new_events += 1;
        id
    }

    /// Assigns a batch of new articles to events. `stored` says whether
    /// an article id is already in the store (or in a plan on its way);
    /// copies within the batch are caught here too. Counts new and merged
    /// events and duplicates in `counts`.
    pub(crate) fn assign(
        &mut self,
        batch: Vec<Incoming>,
        stored: &mut dyn FnMut(&str) -> bool,
        counts: &mut IngestReport,
    ) -> Result<Vec<Op>, StoreError> {
        let mut ops = Vec::with_capacity(batch.len() + batch.len() / 2);
        let mut here: HashSet<String> = HashSet::default();
        for inc in batch {
            let article = inc.article;
            if here.contains(&article.id.0) || stored(&article.id.0) {
                counts.duplicates += 1;
                continue;
            }
            let a = match inc.prepared {
                Some(p) => self.index.insert_prepared(&article, p),
                None => self.index.insert(&article),
            };
            // An article the split moved is stored in the event it joined
            // first, then moved with the others.
            let joined = match &a.split {
                Some(sp) if sp.to == a.event => sp.from,
                _ => a.event,
            };
            let mut target = match self.map.get(&joined) {
                Some(&s) if !a.new_event => self.root(s),
                _ => {
                    let id = self.new_event(&mut ops, counts);
                    self.map.insert(joined, id);
                    id
                }
            };
            for m in &a.merged {
                let Some(&from) = self.map.get(m) else {
                    continue;
                };
                let mut from = self.root(from);
                if from == target {
                    continue;
                }
                // The larger event survives: the smaller one's articles are
                // the ones moved. (A new article that bridges a large
                // event starts from a small one; keeping that one moved a
                // large event's articles on every merge.)
                if self.size(from) > self.size(target) {
                    std::mem::swap(&mut from, &mut target);
                }
                ops.push(Op::Merge { from, into: target });
                let mut moved = self.absorbed.remove(&from).unwrap_or_default();
                for &m in &moved {
                    self.merged.insert(m, target);
                }
                self.merged.insert(from, target);
                moved.push(from);
                self.absorbed.entry(target).or_default().extend(moved);
                let gone = self.sizes.remove(&from).unwrap_or(0);
                *self.sizes.entry(target).or_insert(0) += gone;
                counts.merged_events += 1;
            }
            *self.sizes.entry(target).or_insert(0) += 1;
            let doc = match inc.doc {
                Some(d) => d,
                None => article_doc(&article)?,
            };
            here.insert(article.id.0.clone());
            ops.push(Op::Insert {
                article: Box::new(article),
                event: target,
                doc,
            });
            if let Some(sp) = a.split {
                let from = self.map.get(&sp.from).map(|&s| self.root(s));
                if let Some(from) = from {
                    let to = self.new_event(&mut ops, counts);
                    self.map.insert(sp.to, to);
                    let n = sp.ids.len() as u32;
                    if let Some(s) = self.sizes.get_mut(&from) {
                        *s = s.saturating_sub(n);
                    }
                    self.sizes.insert(to, n);
                    ops.push(Op::Split {
                        from,
                        to,
                        ids: sp.ids,
                    });
                    counts.split_events += 1;
                }
            }
        }
        Ok(ops)
    }
}

/// Writes a checkpoint as of the last article stored (call it in the
/// transaction that stored the checkpoint's articles).
pub(crate) fn write_checkpoint(conn: &Connection, cp: &Checkpoint) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR REPLACE INTO grouper_checkpoint (id, seq, map, state) \
         VALUES (1, (SELECT coalesce(max(seq), 0) FROM articles), ?1, ?2)",
        params![cp.map, cp.state],
    )?;
    Ok(())
}

/// Whether the store has an article, by id.
pub(crate) fn known(reader: &Connection, id: &str) -> bool {
    // A failed lookup only costs a redundant analysis, or here a phantom
    // article in the grouper; the commit stage inserts each id once.
    reader
        .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")
        .and_then(|mut s| s.exists([id]))
        .unwrap_or(false)
}

/// The assignment stage of [`crate::Store::ingest`]: gathers the
/// producer's outcomes into batches (by size, or by time while articles
/// trickle in), assigns them and sends the plans to the commit stage.
/// Returns the event state, to keep for the next run when every plan was
/// committed.
pub(crate) struct AssignStage<'a> {
    pub state: Option<EventState>,
    pub reader: Connection,
    /// Plans the commit stage has committed, by number.
    pub committed: &'a AtomicU64,
    pub opts: &'a IngestOptions,
}

/// What the assignment stage holds between plans.
struct Pending {
    batch: Vec<Incoming>,
    plan: Plan,
    /// Ids sent in plans not committed yet, by plan: the reader cannot
    /// see them.
    inflight: VecDeque<(u64, Vec<String>)>,
    inflight_ids: HashSet<String>,
    since_checkpoint: usize,
    /// New articles after which the next checkpoint is due.
    checkpoint_due: usize,
}

/// Bytes of grouper checkpoint a long run may write per new article (an
/// article itself writes several KiB). A checkpoint holds the whole
/// grouper, which grows with the stream: at a fixed interval, the
/// checkpoints of a million-article run wrote about a gigabyte. Spacing
/// them by their size keeps that cost linear in the stream, at the price
/// of a longer replay after a crash (about an eighth of the stream, at
/// most, on a stream that never retires events).
const CHECKPOINT_BYTES_PER_ARTICLE: usize = 512;

impl AssignStage<'_> {
    pub(crate) fn run(
        &mut self,
        rx: mpsc::Receiver<Vec<Outcome>>,
        tx: mpsc::SyncSender<Plan>,
    ) -> Result<(), StoreError> {
        let opts = self.opts;
        let mut p = Pending {
            batch: Vec::new(),
            plan: Plan::new(1),
            inflight: VecDeque::new(),
            inflight_ids: HashSet::default(),
            since_checkpoint: 0,
            checkpoint_due: opts.checkpoint_every.max(1),
        };
        let mut started = Instant::now();
        let mut done = false;
        while !done {
            let wait = opts.batch_interval.saturating_sub(started.elapsed());
            match rx.recv_timeout(wait.max(Duration::from_millis(1))) {
                Ok(outcomes) => {
                    for o in outcomes {
                        let c = &mut p.plan.counts;
                        c.read += 1;
                        match o {
                            Outcome::Article(inc) => p.batch.push(*inc),
                            Outcome::Known(key) => {
                                c.duplicates += 1;
                                p.plan.keys.extend(key);
                            }
                            Outcome::Link => {
                                c.read -= 1;
                                c.links += 1
                            }
                            Outcome::Failed { source, message } => {
                                c.failed += 1;
                                p.plan.failures.push((source, message));
                            }
                            Outcome::Skipped(source, message) => {
                                c.read -= 1;
                                p.plan.skipped.push((source, message));
                            }
                        }
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => done = true,
            }
            loop {
                let pending = !p.batch.is_empty()
                    || !p.plan.keys.is_empty()
                    || p.plan.counts != IngestReport::default();
                let due = p.batch.len() >= opts.batch_size.max(1)
                    || p.plan.keys.len() >= opts.batch_size.saturating_mul(8)
                    || (started.elapsed() >= opts.batch_interval && pending);
                if !(due || (done && (pending || p.since_checkpoint > 0))) {
                    if !pending {
                        started = Instant::now();
                    }
                    break;
                }
                if !self.send_plan(&mut p, &tx, done)? {
                    // The commit stage stopped, with an error it reports.
                    self.state = None;
                    return Ok(());
                }
                started = Instant::now();
                if p.batch.is_empty() {
                    break;
                }
            }
        }
        Ok(())
    }

    /// Assigns up to a batch and sends it as a plan; false when the commit
    /// stage is gone.
    fn send_plan(
        &mut self,
        p: &mut Pending,
        tx: &mpsc::SyncSender<Plan>,
        done: bool,
    ) -> Result<bool, StoreError> {
        let opts = self.opts;
        let committed = self.committed.load(Ordering::Acquire);
        while p.inflight.front().is_some_and(|(no, _)| *no <= committed) {
            if let Some((_, ids)) = p.inflight.pop_front() {
                for id in ids {
                    p.inflight_ids.remove(&id);
                }
            }
        }
        // A batch is cut at the batch size, so a transaction never exceeds
        // it; the rest goes in the next plan.
        let rest = p.batch.split_off(p.batch.len().min(opts.batch_size.max(1)));
        let take = std::mem::replace(&mut p.batch, rest);
        let plan = &mut p.plan;
        for inc in &take {
            plan.keys.extend(inc.key);
        }
        if !take.is_empty() && self.state.is_none() {
            // Replaying the store costs a pass over it: a run that only
            // meets known articles never pays it.
            let reader = &self.reader;
            if take.iter().any(|inc| !known(reader, &inc.article.id.0)) {
                self.state = Some(EventState::load(reader, opts.grouper)?);
            }
        }
        if let Some(state) = self.state.as_mut() {
            let reader = &self.reader;
            let inflight = &p.inflight_ids;
            let mut stored = |id: &str| inflight.contains(id) || known(reader, id);
            plan.ops = state.assign(take, &mut stored, &mut plan.counts)?;
        } else {
            // Only known articles: nothing to assign.
            plan.counts.duplicates += take.len();
        }
        let ids: Vec<String> = plan
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::Insert { article, .. } => Some(article.id.0.clone()),
                _ => None,
            })
            .collect();
        p.since_checkpoint += ids.len();
        let last = done && p.batch.is_empty();
        if p.since_checkpoint > 0 && (p.since_checkpoint >= p.checkpoint_due || last) {
            plan.checkpoint = self.state.as_ref().and_then(EventState::checkpoint);
            p.since_checkpoint = 0;
            let bytes = plan
                .checkpoint
                .as_ref()
                .map_or(0, |cp| cp.map.len() + cp.state.len());
            p.checkpoint_due = opts
                .checkpoint_every
                .max(bytes / CHECKPOINT_BYTES_PER_ARTICLE)
                .max(1);
        }
        let no = plan.no;
        p.inflight_ids.extend(ids.iter().cloned());
        p.inflight.push_back((no, ids));
        Ok(tx
            .send(std::mem::replace(&mut p.plan, Plan::new(no + 1)))
            .is_ok())
    }
}

impl Plan {
    pub(crate) fn new(no: u64) -> Plan {
        Plan {
            no,
            ops: Vec::new(),
            keys: Vec::new(),
            counts: IngestReport::default(),
            failures: Vec::new(),
            skipped: Vec::new(),
            checkpoint: None,
        }
    }
}
