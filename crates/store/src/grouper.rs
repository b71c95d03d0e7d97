//! The seam between the store and event grouping.
//!
//! The store only needs "which event does this article join, and which
//! events did it bridge"; [`EventGrouper`] says exactly that. The link
//! stage's `EventIndex` is the real grouper (the `link-events` feature,
//! on by default); [`SimpleGrouper`] is a small fallback that groups by
//! shared names, title words and numbers.

use crosswire_model::{Article, SpanKind};
use rustc_hash::FxHashMap as HashMap;
use std::hash::{Hash, Hasher};

/// Where a grouper put an article. Ids are the grouper's own; the store
/// maps them to stored event ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grouped {
    /// The event the article joined (or started).
    pub event: u64,
    /// The article started this event.
    pub new_event: bool,
    /// Events the article bridged, merged into `event` from now on.
    pub merged: Vec<u64>,
    /// An event the grouper split in two as it grew: these articles left
    /// it for a new event (the inserted article may be among them; then
    /// `event` is already the new one).
    pub split: Option<Split>,
}

/// Articles that left an event for a new one, in [`Grouped::split`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The event they left.
    pub from: u64,
    /// The new event.
    pub to: u64,
    /// Their article ids.
    pub ids: Vec<String>,
}

/// What a grouper computed from an article ahead of
/// [`EventGrouper::insert_prepared`], opaque to the store.
pub type Prepared = Box<dyn std::any::Any + Send>;

/// Prepares articles for a grouper on the store's worker threads: work
/// that needs no grouper state (tokenizing, counting terms), taken off
/// the one thread that inserts.
pub type Preparer = std::sync::Arc<dyn Fn(&Article) -> Prepared + Send + Sync>;

/// Incremental event grouping, one article at a time. After a restart
/// the store replays every stored article in arrival order, so a grouper
/// needs no persistence of its own.
pub trait EventGrouper: Send {
    /// Offers an analyzed article.
    fn insert(&mut self, article: &Article) -> Grouped;

    /// The grouper's [`Preparer`], when it has work that can run ahead
    /// on worker threads; `None` (the default) when it has none.
    fn preparer(&self) -> Option<Preparer> {
        None
    }

    /// [`EventGrouper::insert`] of an article that its [`Preparer`]
    /// already saw. The default ignores the preparation.
    fn insert_prepared(&mut self, article: &Article, prepared: Prepared) -> Grouped {
        let _ = prepared;
        self.insert(article)
    }

    /// The grouper's state as bytes, when it can save it: the store keeps
    /// it as a checkpoint at the end of each run and replays only the
    /// articles stored after it. `None` (the default) means a restart
    /// replays every stored article.
    fn snapshot(&self) -> Option<Vec<u8>> {
        None
    }

    /// Restores a [`EventGrouper::snapshot`] into a fresh grouper; false,
    /// with the grouper left untouched, when the bytes are not this
    /// grouper's (the store then replays every article).
    fn restore(&mut self, _state: &[u8]) -> bool {
        false
    }
}

/// The grouper used when [`crate::IngestOptions::grouper`] is left alone:
/// the link stage's event index when built with `link-events`, else
/// [`SimpleGrouper`].
pub fn default_grouper() -> Box<dyn EventGrouper> {
    #[cfg(feature = "link-events")]
    {
        Box::new(link::LinkGrouper::default())
    }
    #[cfg(not(feature = "link-events"))]
    {
        Box::new(SimpleGrouper::default())
    }
}

#[cfg(feature = "link-events")]
mod link {
    use super::{EventGrouper, Grouped, Prepared, Preparer, Split};
    use crosswire_link::{Assignment, Counted, EventDoc, EventIndex, EventOptions};
    use crosswire_model::Article;
    use std::sync::Arc;

    /// The link stage's [`EventIndex`] behind the seam, splitting events
    /// as they grow ([`EventOptions::incremental_split`]): on ECB+ that
    /// path reaches pairwise F1 0.90 where joining alone reaches 0.83.
    pub struct LinkGrouper(pub EventIndex);

    impl Default for LinkGrouper {
        fn default() -> Self {
            LinkGrouper(EventIndex::new(EventOptions::incremental_split()))
        }
    }

    /// The article as the event index sees it. The analyzer's entities
    /// are left out: the index then takes capitalized words and runs of
    /// them, counted each time they occur, and on ECB+ that groups better
    /// (pairwise F1 0.897 through the store against 0.867 with the
    /// entities, which come once per name; measured when the store joined
    /// at 0.1).
    fn event_doc(a: &Article) -> EventDoc {
        EventDoc {
            id: a.id.0.clone(),
            title: a.title.clone().unwrap_or_default(),
            text: a.body_text(),
            published: a.published.as_ref().and_then(|p| p.date()),
            entities: Vec::new(),
        }
    }

    fn grouped(got: Assignment) -> Grouped {
        Grouped {
            event: u64::from(got.event.0),
            new_event: got.new_event,
            merged: got.merged.iter().map(|e| u64::from(e.0)).collect(),
            split: got.split.map(|s| Split {
                from: u64::from(s.from.0),
                to: u64::from(s.to.0),
                ids: s.ids,
            }),
        }
    }

    impl EventGrouper for LinkGrouper {
        fn insert(&mut self, a: &Article) -> Grouped {
            grouped(self.0.insert(event_doc(a)))
        }

        fn preparer(&self) -> Option<Preparer> {
            let opts: EventOptions = self.0.options().clone();
            Some(Arc::new(move |a: &Article| -> Prepared {
                Box::new(opts.count(&event_doc(a)))
            }))
        }

        fn insert_prepared(&mut self, a: &Article, prepared: Prepared) -> Grouped {
            match prepared.downcast::<Counted>() {
                Ok(counted) => {
                    let doc = EventDoc {
                        id: a.id.0.clone(),
                        published: a.published.as_ref().and_then(|p| p.date()),
                        ..Default::default()
                    };
                    grouped(self.0.insert_counted(doc, *counted))
                }
                // Another grouper's preparation: count here.
                Err(_) => self.insert(a),
            }
        }

        fn snapshot(&self) -> Option<Vec<u8>> {
            // A compact binary form: the index of a long stream holds
            // hundreds of thousands of centroids, and as JSON a checkpoint
            // of a million-article stream took seconds to write and came
            // near the size a restore accepts.
            let mut out = MAGIC.to_vec();
            postcard::to_io(&self.0, &mut out).ok()?;
            Some(out)
        }

        fn restore(&mut self, state: &[u8]) -> bool {
            let Some(bytes) = state.strip_prefix(MAGIC) else {
                return false;
            };
            match postcard::from_bytes::<EventIndex>(bytes) {
                Ok(index) => {
                    self.0 = index;
                    true
                }
                Err(_) => false,
            }
        }
    }

    // Version 4: date-weighted matches (an older checkpoint is replayed).
    const MAGIC: &[u8] = b"crosswire-link-events/4\n";
}

/// A small grouper: an article joins the event whose articles share most
/// of its rare names, title words and numbers, within a date window. It
/// never merges events.
#[derive(Debug, Clone)]
pub struct SimpleGrouper {
    /// Cosine similarity at or above which an article joins an event.
    pub join: f32,
    /// Days beyond an event's dates after which it is not considered.
    pub window_days: i64,
    df: HashMap<u64, u32>,
    docs: u32,
    events: Vec<SimpleEvent>,
    postings: HashMap<u64, Vec<u32>>,
    /// The latest publish day seen: events far older are retired.
    newest: Option<chrono::NaiveDate>,
    since_sweep: u32,
}

#[derive(Debug, Clone)]
struct SimpleEvent {
    /// Term → number of member articles carrying it.
    terms: HashMap<u64, u32>,
    docs: u32,
    first: Option<chrono::NaiveDate>,
    last: Option<chrono::NaiveDate>,
}

/// Terms kept per event, and events kept per term: both bound the work
/// per article whatever the corpus size.
const EVENT_TERMS: usize = 300;
const POSTING_CAP: usize = 200;
const PRIOR_DOCS: f32 = 20.0;
/// Inserts between sweeps for cold events.
const SWEEP_EVERY: u32 = 4096;

impl Default for SimpleGrouper {
    fn default() -> Self {
        SimpleGrouper {
            join: 0.25,
            window_days: 14,
            df: HashMap::default(),
            docs: 0,
            events: Vec::new(),
            postings: HashMap::default(),
            newest: None,
            since_sweep: 0,
        }
    }
}

fn key(kind: u8, term: &str) -> u64 {
    // DefaultHasher::new() has fixed keys: the same term hashes alike in
    // every run, which replays rely on.
    // The kind rides in the top two bits, so a key alone tells its weight.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    term.hash(&mut h);
    (h.finish() >> 2) | (u64::from(kind & 3) << 62)
}

/// Weight of a term by kind: names above numbers above title words.
fn kind_weight(key: u64) -> f32 {
    match key >> 62 {
        1 => 2.0,
        2 => 1.5,
        _ => 1.0,
    }
}

/// The article's terms with their kind weight.
fn terms(a: &Article) -> HashMap<u64, f32> {
    let mut out: HashMap<u64, f32> = HashMap::default();
    let mut names = 0;
    for s in &a.spans {
        if let SpanKind::Entity {
            canonical, nominal, ..
        } = &s.kind
        {
            if !nominal {
                out.insert(key(1, &canonical.to_lowercase()), kind_weight(1 << 62));
                names += 1;
            }
        }
    }
    let words = |text: &str| {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    if let Some(t) = &a.title {
        for w in words(t) {
            if w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()) {
                out.entry(key(0, &w.to_lowercase()))
                    .or_insert(kind_weight(0));
            }
        }
    }
    let body = a.body_text();
    let mut prev_end = true;
    for raw in body.split_whitespace() {
        let w: String = raw.chars().filter(|c| c.is_alphanumeric()).collect();
        let starts_sentence = prev_end;
        prev_end = raw.ends_with(['.', '!', '?', ':']);
        if w.len() >= 2 && w.chars().all(|c| c.is_ascii_digit()) {
            out.entry(key(2, &w)).or_insert(kind_weight(2 << 62));
        } else if names == 0
            && !starts_sentence
            && w.chars().count() >= 3
            && w.chars().next().is_some_and(char::is_uppercase)
        {
            // Without analysis, capitals mid-sentence stand in for names.
            out.entry(key(1, &w.to_lowercase()))
                .or_insert(kind_weight(1 << 62));
        }
    }
    out
}

impl SimpleGrouper {
    fn idf(&self, k: u64) -> f32 {
        let df = self.df.get(&k).copied().unwrap_or(0) as f32;
        // A prior of PRIOR_DOCS unseen documents: at the start of a stream
        // every shared term looks common, and unshared ones would swamp
        // the score.
        ((self.docs as f32 + PRIOR_DOCS) / (df + 0.5)).ln().max(0.0)
    }

    fn in_window(&self, d: Option<chrono::NaiveDate>, e: &SimpleEvent) -> bool {
        match (d, e.first, e.last) {
            (Some(d), Some(f), Some(l)) => {
                (d - l).num_days() <= self.window_days && (f - d).num_days() <= self.window_days
            }
            _ => true,
        }
    }
}

impl SimpleGrouper {
    /// Forgets the terms of events whose last day lies well outside the
    /// date window of the newest article: no dated article can join them
    /// any more, and a stream would otherwise keep every event it ever saw.
    fn retire_cold(&mut self) {
        let Some(newest) = self.newest else {
            return;
        };
        let horizon = 3 * self.window_days;
        for (id, ev) in self.events.iter_mut().enumerate() {
            let cold = ev.last.is_some_and(|l| (newest - l).num_days() > horizon);
            if !cold || ev.terms.is_empty() {
                continue;
            }
            for k in ev.terms.keys() {
                if let Some(list) = self.postings.get_mut(k) {
                    list.retain(|&x| x as usize != id);
                    if list.is_empty() {
                        self.postings.remove(k);
                    }
                }
            }
            ev.terms = HashMap::default();
        }
    }

    /// Events whose terms are still held (not retired).
    pub fn live_events(&self) -> usize {
        self.events.iter().filter(|e| !e.terms.is_empty()).count()
    }
}

impl EventGrouper for SimpleGrouper {
    fn snapshot(&self) -> Option<Vec<u8>> {
        let mut w = Writer(Vec::new());
        w.0.extend_from_slice(SNAPSHOT_MAGIC);
        w.u32(self.docs);
        w.u32(self.since_sweep);
        w.date(self.newest);
        w.u32(u32::try_from(self.df.len()).ok()?);
        for (&k, &n) in &self.df {
            w.u64(k);
            w.u32(n);
        }
        w.u32(u32::try_from(self.events.len()).ok()?);
        for e in &self.events {
            w.u32(e.docs);
            w.date(e.first);
            w.date(e.last);
            w.u32(u32::try_from(e.terms.len()).ok()?);
            for (&k, &n) in &e.terms {
                w.u64(k);
                w.u32(n);
            }
        }
        w.u32(u32::try_from(self.postings.len()).ok()?);
        for (&k, ids) in &self.postings {
            w.u64(k);
            w.u32(u32::try_from(ids.len()).ok()?);
            for &id in ids {
                w.u32(id);
            }
        }
        Some(w.0)
    }

    fn restore(&mut self, state: &[u8]) -> bool {
        match read_snapshot(state) {
            Some(parts) => {
                (
                    self.docs,
                    self.since_sweep,
                    self.newest,
                    self.df,
                    self.events,
                    self.postings,
                ) = parts;
                true
            }
            None => false,
        }
    }

    fn insert(&mut self, a: &Article) -> Grouped {
        let t = terms(a);
        self.docs += 1;
        self.since_sweep += 1;
        if self.since_sweep >= SWEEP_EVERY {
            self.since_sweep = 0;
            self.retire_cold();
        }
        for k in t.keys() {
            *self.df.entry(*k).or_insert(0) += 1;
        }
        // Cosine between the article's idf-weighted terms and each
        // candidate event's centroid (share of members carrying a term,
        // same weights): rare shared names count, shared stock words little.
        let weighted: Vec<(u64, f32)> = t.iter().map(|(&k, &w)| (k, w * self.idf(k))).collect();
        let norm: f32 = weighted.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
        let date = a.published.as_ref().and_then(|p| p.date());
        let mut candidates: Vec<u32> = weighted
            .iter()
            .flat_map(|(k, _)| self.postings.get(k).map(Vec::as_slice).unwrap_or(&[]))
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut scores: HashMap<u32, f32> = HashMap::default();
        if norm > 0.0 {
            for e in candidates {
                let Some(ev) = self.events.get(e as usize) else {
                    continue;
                };
                let docs = ev.docs.max(1) as f32;
                let mut dot = 0.0;
                let mut enorm = 0.0;
                for (k, &n) in &ev.terms {
                    let y = (n as f32 / docs) * kind_weight(*k) * self.idf(*k);
                    enorm += y * y;
                    if let Some(x) = t.get(k) {
                        dot += x * self.idf(*k) * y;
                    }
                }
                if enorm > 0.0 {
                    scores.insert(e, dot / (norm * enorm.sqrt()));
                }
            }
        }
        let best = scores
            .into_iter()
            .filter(|&(e, s)| {
                s >= self.join
                    && self
                        .events
                        .get(e as usize)
                        .is_some_and(|ev| self.in_window(date, ev))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let (id, new_event) = match best {
            Some((e, _)) => (e, false),
            None => {
                self.events.push(SimpleEvent {
                    terms: HashMap::default(),
                    docs: 0,
                    first: None,
                    last: None,
                });
                ((self.events.len() - 1) as u32, true)
            }
        };
        self.newest = self.newest.max(date);
        if let Some(ev) = self.events.get_mut(id as usize) {
            ev.docs += 1;
            ev.first = match (ev.first, date) {
                (Some(x), Some(y)) => Some(x.min(y)),
                (x, y) => x.or(y),
            };
            ev.last = match (ev.last, date) {
                (Some(x), Some(y)) => Some(x.max(y)),
                (x, y) => x.or(y),
            };
            for &k in t.keys() {
                let n = ev.terms.entry(k).or_insert(0);
                *n += 1;
                if *n == 1 {
                    let list = self.postings.entry(k).or_default();
                    list.push(id);
                    if list.len() > POSTING_CAP {
                        // Recent events matter; old ones go cold.
                        list.remove(0);
                    }
                }
            }
            if ev.terms.len() > EVENT_TERMS * 2 {
                // Keeps the most shared terms; the rest were one-offs.
                let mut all: Vec<(u64, u32)> = ev.terms.drain().collect();
                all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let dropped: Vec<u64> = all
                    .split_off(EVENT_TERMS)
                    .into_iter()
                    .map(|(k, _)| k)
                    .collect();
                ev.terms = all.into_iter().collect();
                for k in dropped {
                    if let Some(list) = self.postings.get_mut(&k) {
                        list.retain(|&x| x != id);
                    }
                }
            }
        }
        Grouped {
            event: u64::from(id),
            new_event,
            merged: Vec::new(),
            split: None,
        }
    }
}

const SNAPSHOT_MAGIC: &[u8] = b"crosswire-simple-grouper/1";

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, x: u32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn u64(&mut self, x: u64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn date(&mut self, d: Option<chrono::NaiveDate>) {
        use chrono::Datelike;
        let v = d.map_or(i32::MIN, |d| d.num_days_from_ce());
        self.0.extend_from_slice(&v.to_le_bytes());
    }
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.0.split_at_checked(N)?;
        self.0 = rest;
        head.try_into().ok()
    }
    fn u32(&mut self) -> Option<u32> {
        self.take().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }
    fn date(&mut self) -> Option<Option<chrono::NaiveDate>> {
        let v = self.take().map(i32::from_le_bytes)?;
        if v == i32::MIN {
            return Some(None);
        }
        chrono::NaiveDate::from_num_days_from_ce_opt(v).map(Some)
    }
    /// A count of items of `size` bytes each, checked against what is
    /// left, so a damaged count cannot make us allocate wildly.
    fn count(&mut self, size: usize) -> Option<usize> {
        let n = self.u32()? as usize;
        (n.checked_mul(size)? <= self.0.len()).then_some(n)
    }
}

type SnapshotParts = (
    u32,
    u32,
    Option<chrono::NaiveDate>,
    HashMap<u64, u32>,
    Vec<SimpleEvent>,
    HashMap<u64, Vec<u32>>,
);

fn read_snapshot(bytes: &[u8]) -> Option<SnapshotParts> {
    let mut r = Reader(bytes.strip_prefix(SNAPSHOT_MAGIC)?);
    let docs = r.u32()?;
    let since_sweep = r.u32()?;
    let newest = r.date()?;
    let n = r.count(12)?;
    let mut df = HashMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        df.insert(r.u64()?, r.u32()?);
    }
    let n = r.count(16)?;
    let mut events = Vec::with_capacity(n);
    for _ in 0..n {
        let docs = r.u32()?;
        let first = r.date()?;
        let last = r.date()?;
        let m = r.count(12)?;
        let mut terms = HashMap::with_capacity_and_hasher(m, Default::default());
        for _ in 0..m {
            terms.insert(r.u64()?, r.u32()?);
        }
        events.push(SimpleEvent {
            terms,
            docs,
            first,
            last,
        });
    }
    let n = r.count(12)?;
    let mut postings = HashMap::with_capacity_and_hasher(n, Default::default());
    for _ in 0..n {
        let k = r.u64()?;
        let m = r.count(4)?;
        let mut ids = Vec::with_capacity(m);
        for _ in 0..m {
            ids.push(r.u32()?);
        }
        postings.insert(k, ids);
    }
    r.0.is_empty()
        .then_some((docs, since_sweep, newest, df, events, postings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosswire_model::{ArticleBuilder, BlockKind, DateOrigin, Precision, Published};

    fn article(title: &str, body: &str, day: &str) -> Article {
        let mut b = ArticleBuilder::new("t");
        b.push_block(BlockKind::Title, title);
        b.push_block(BlockKind::Paragraph, body);
        b.published = Some(Published {
            value: day.into(),
            precision: Precision::Day,
            origin: DateOrigin::Record,
        });
        b.finish()
    }

    #[test]
    fn groups_by_shared_names_and_keeps_apart_other_events() {
        let mut g = SimpleGrouper::default();
        let a = g.insert(&article(
            "Fire at the Varnholt mill",
            "The mill in town burned, said chief Oskar Brede of Varnholt on Tuesday night.",
            "2031-05-01",
        ));
        let b = g.insert(&article(
            "Varnholt mill destroyed",
            "Firefighters led by Oskar Brede fought the blaze in Varnholt until dawn.",
            "2031-05-01",
        ));
        let c = g.insert(&article(
            "Election in Lessing Bay",
            "Voters in the port elected Mara Tull of Lessing Bay after a recount.",
            "2031-05-02",
        ));
        assert!(a.new_event && !b.new_event && c.new_event);
        assert_eq!(a.event, b.event);
        assert_ne!(a.event, c.event);
    }

    #[test]
    fn cold_events_are_retired() {
        let mut g = SimpleGrouper::default();
        g.insert(&article(
            "Fire at the Varnholt mill",
            "Oskar Brede spoke in Varnholt.",
            "2031-01-01",
        ));
        g.insert(&article(
            "Vote in Lessing Bay",
            "Mara Tull won in Lessing Bay.",
            "2031-06-01",
        ));
        assert_eq!(g.live_events(), 2);
        g.retire_cold();
        assert_eq!(g.live_events(), 1);
        // A late article about the old event starts a new one.
        let late = g.insert(&article(
            "Varnholt mill rebuilt",
            "Oskar Brede reopened the Varnholt mill.",
            "2031-06-02",
        ));
        assert!(late.new_event);
    }

    #[test]
    fn a_snapshot_restores_the_same_grouping() {
        let mut g = SimpleGrouper::default();
        let a = g.insert(&article(
            "Fire at the Varnholt mill",
            "The mill burned, said chief Oskar Brede of Varnholt.",
            "2031-05-01",
        ));
        let bytes = g.snapshot().expect("snapshot");
        let mut h = SimpleGrouper::default();
        assert!(h.restore(&bytes));
        let next = article(
            "Varnholt mill destroyed",
            "Oskar Brede fought the blaze in Varnholt.",
            "2031-05-01",
        );
        assert_eq!(h.insert(&next), g.insert(&next));
        assert_eq!(h.insert(&next).event, a.event);
        assert!(!SimpleGrouper::default().restore(b"something else"));
        assert!(!SimpleGrouper::default().restore(&bytes[..bytes.len() - 3]));
    }

    #[cfg(feature = "link-events")]
    #[test]
    fn the_event_index_snapshot_restores_the_same_grouping() {
        let mut g = link::LinkGrouper::default();
        let first = [
            (
                "Fire at the Varnholt mill",
                "The mill burned, said chief Oskar Brede of Varnholt.",
            ),
            (
                "Vote in Lessing Bay",
                "Mara Tull won the mayoral vote in Lessing Bay.",
            ),
        ];
        let mut events = Vec::new();
        for (t, b) in first {
            events.push(g.insert(&article(t, b, "2031-05-01")).event);
        }
        let bytes = g.snapshot().expect("snapshot");
        let mut h = link::LinkGrouper::default();
        assert!(h.restore(&bytes));
        let next = article(
            "Varnholt mill destroyed",
            "Oskar Brede fought the blaze at the Varnholt mill.",
            "2031-05-01",
        );
        let (a, b) = (g.insert(&next), h.insert(&next));
        assert_eq!(a, b);
        assert_eq!(a.event, events[0]);
        assert!(!link::LinkGrouper::default().restore(&bytes[..bytes.len() / 2]));
        assert!(!link::LinkGrouper::default().restore(b"crosswire-link-events/2\n{}"));
    }

    #[cfg(feature = "link-events")]
    #[test]
    fn the_link_grouper_restores_from_its_snapshot() {
        let mut g = link::LinkGrouper::default();
        let a = g.insert(&article(
            "Fire at the Varnholt mill",
            "The mill burned, said chief Oskar Brede of Varnholt.",
            "2031-05-01",
        ));
        let bytes = g.snapshot().expect("snapshot");
        let mut h = link::LinkGrouper::default();
        assert!(h.restore(&bytes));
        assert!(!SimpleGrouper::default().restore(&bytes), "not its bytes");
        assert!(!link::LinkGrouper::default().restore(b"junk"));
        let next = article(
            "Varnholt mill destroyed",
            "Oskar Brede fought the blaze at the Varnholt mill.",
            "2031-05-01",
        );
        // Whatever the index decides, the restored copy decides the same.
        assert_eq!(g.insert(&next), h.insert(&next));
        assert_eq!(g.insert(&next), h.insert(&next));
        assert!(a.new_event);
    }
}
