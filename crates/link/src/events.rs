//! Event grouping for corpus mode: which articles report the same
//! real-world event. Articles arrive one by one; each joins the most
//! similar stored event or starts a new one, and an article similar enough
//! to two events merges them.
//!
//! An event is kept as a capped centroid of its top-weighted terms, so its
//! state stays the same size however many articles join it. Document
//! frequencies are maintained as articles arrive, and term weights are
//! recomputed from them at comparison time, so early articles are judged
//! again with better statistics. Candidates come from an inverted index
//! over each event's rarest, heaviest terms (names, places, numbers), with
//! capped posting lists, so the work per article does not grow with the
//! number of stored events.
//!
//! Similarity weights names, numbers and years above common words: two
//! earthquakes share "magnitude" and "aftershock" but not the town, the
//! toll or the date.
//!
//! An event is a happening on a day, so dates weigh when both sides have
//! one: a dated article is not compared with events outside the date
//! window, and within it its similarity shrinks with the days between it
//! and the event's span ([`EventOptions::date_scale_days`]): two falls of
//! one market in one week are told in the same words, and only the dates
//! keep them apart. A missing date weighs nothing, and an article may
//! merge two events only when they are near in time themselves, so an
//! undated report never chains stories months apart.
//!
//! Over a batch ([`group_batch`] with [`EventOptions::batch`]) the stream
//! joins loosely, grouping events of one kind; a second pass then splits
//! each group in two halves (k-means on weights of rarity within the
//! group, so the shared vocabulary of the kind drops out) when the halves'
//! centroids have little in common, and rejoins fragments with close
//! centroids. On ECB+ (two events of one kind per topic) the batch path
//! reaches pairwise F1 0.91; the incremental path alone about 0.83, and
//! about 0.90 when it splits small events as they grow
//! ([`EventOptions::incremental_split`], which keeps a 32-term sketch per
//! member of events up to 256 articles and reports moved articles in
//! [`Assignment::split`]). Corpus mode can also run the split pass over a
//! stored event's articles with [`split_events`].

mod features;
mod split;

use chrono::NaiveDate;
use features::{count_terms, Kind, KindWeights};
use serde::{Deserialize, Serialize};
// Keys are already hashes; std's SipHash was a visible part of grouping.
use rustc_hash::FxHashMap as HashMap;

/// One article offered to the [`EventIndex`].
#[derive(Debug, Clone, Default)]
pub struct EventDoc {
    /// The caller's id of the article (not stored by the index).
    pub id: String,
    /// Headline.
    pub title: String,
    /// Body text.
    pub text: String,
    /// Publish date, when known: events further apart in time than
    /// [`EventOptions::date_window_days`] are not compared, and nearer
    /// ones weigh less the further apart they are
    /// ([`EventOptions::date_scale_days`]).
    pub published: Option<NaiveDate>,
    /// Entity names from the analyzer, when the caller has them. Without
    /// them, capitalized words that do not open a sentence stand in.
    pub entities: Vec<String>,
}

/// An article's term counts, from [`EventOptions::count`].
#[derive(Debug, Clone, Default)]
pub struct Counted(HashMap<u64, f32>);

impl Counted {
    /// The article has no term to compare (an empty text).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The id of an event. Ids are never reused; an event merged into another
/// keeps its id as an alias ([`EventIndex::resolve`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EventId(pub u32);

impl std::fmt::Display for EventId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "e{}", self.0)
    }
}

/// Where an inserted article went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// The event the article now belongs to.
    pub event: EventId,
    /// The article started this event.
    pub new_event: bool,
    /// Events the article bridged, now merged into `event`: their articles
    /// belong to `event` from now on.
    pub merged: Vec<EventId>,
    /// With [`EventOptions::stream_split`]: articles that the split of
    /// `event` moved to a new event (the inserted article may be among
    /// them, then `event` is already the new one).
    pub split: Option<SplitOff>,
}

/// Thresholds and weights of event grouping.
///
/// Two presets, both tuned on ECB+ (`crosswire eval events`):
/// [`EventOptions::default`] for the incremental path alone
/// ([`EventIndex::insert`]), and [`EventOptions::batch`] for
/// [`group_batch`], whose stream joins loosely (by kind of event) because
/// its split pass then separates the events.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EventOptions {
    /// Similarity at or above which an article joins an event.
    pub join: f32,
    /// Similarity at or above which an article also merges a second event
    /// into the one it joins. Higher than `join`: a merge is a stronger
    /// claim than a join.
    pub merge: f32,
    /// How often the title counts, relative to one word of the body
    /// (headlines repeat the lead, so once is enough).
    pub title_weight: f32,
    /// Weight of a name relative to a common word.
    pub name_weight: f32,
    /// Weight of a number.
    pub number_weight: f32,
    /// Weight of a year.
    pub year_weight: f32,
    /// Batch only ([`group_batch`]): an event whose two halves, weighted
    /// by rarity within the event, have a cosine below this is split in
    /// two. 0 turns the split pass off.
    pub split_below: f32,
    /// And whose halves, weighted by rarity within the event (what is left
    /// once the event's shared terms are discounted), have a cosine below
    /// this. 1 leaves the split to `split_below` alone.
    pub split_local_below: f32,
    /// Batch only: after the split, events whose centroids have a cosine
    /// of at least this are joined (fragments the stream left). Above 1
    /// turns this off.
    pub rejoin_above: f32,
    /// Each half of a split needs at least this many articles: smaller
    /// halves are too few to tell a second event from one article's angle.
    pub split_min_side: usize,
    /// How many times a half may be split again.
    pub split_depth: usize,
    /// Run the split pass inside the stream, on events of up to
    /// `stream_split_max` articles, every fourth article they gain.
    pub stream_split: bool,
    /// Largest event the in-stream split looks at (its members' sketches
    /// are kept until then).
    pub stream_split_max: usize,
    /// Terms kept in an event's centroid.
    pub event_terms: usize,
    /// Of those, how many are entered in the inverted index.
    pub index_terms: usize,
    /// Terms of an article looked up in the inverted index.
    pub query_terms: usize,
    /// Events kept per term in the inverted index, most recent first: a
    /// term in more events than this no longer tells them apart.
    pub posting_cap: usize,
    /// Events scored per article, those sharing most looked-up terms.
    pub max_candidates: usize,
    /// Days outside an event's first and last dates beyond which a dated
    /// article is not compared with it.
    pub date_window_days: i64,
    /// How fast a date gap weakens a match: a dated article's similarity
    /// to a dated event is divided by `1 + gap / date_scale_days`, the gap
    /// being the days between the article's date and the event's span. An
    /// event is a happening on a day; the next report of one market crash
    /// two days on is as near in words as a report of a second crash, and
    /// only the date tells them apart. A story that goes on keeps its span
    /// growing, so its reports stay near. At 3 a report three days off
    /// keeps half its similarity: at 2, ECB+ with its reports dated up to
    /// three days after their event (`eval events`, `events.store.dated`)
    /// lost a tenth of its recall. 0 turns this off; an undated article or
    /// event is not weakened (a missing date says nothing).
    #[serde(default)]
    pub date_scale_days: f32,
    /// Terms whose document frequency is kept; beyond it, terms seen once
    /// are forgotten.
    pub max_vocabulary: usize,
}

impl Default for EventOptions {
    /// For the incremental path alone: joins only on close matches, merges
    /// only on strong bridges, no split pass.
    fn default() -> Self {
        EventOptions {
            join: 0.2,
            merge: 0.4,
            title_weight: 1.0,
            name_weight: 2.0,
            number_weight: 2.0,
            year_weight: 2.0,
            split_below: 0.0,
            split_local_below: 1.0,
            rejoin_above: 2.0,
            split_min_side: 5,
            split_depth: 1,
            stream_split: false,
            stream_split_max: 256,
            event_terms: 200,
            index_terms: 40,
            query_terms: 30,
            posting_cap: 64,
            max_candidates: 32,
            date_window_days: 14,
            date_scale_days: 3.0,
            max_vocabulary: 4_000_000,
        }
    }
}

impl EventOptions {
    /// For the incremental path with the split inside the stream: joins
    /// a little more loosely than [`EventOptions::default`] (at 0.2, and
    /// merges at 0.3) and splits small events as they grow. The caller
    /// must apply [`Assignment::split`] (articles that moved to a new
    /// event). On ECB+ this scores pairwise F1 0.904 shuffled; joining at
    /// 0.1 like the batch path scored 0.897 there, but on a long stream of
    /// look-alike stories it grew a few events of thousands of unrelated
    /// articles. Only events of up to 32 articles are split: on ECB+ that
    /// scores the same as 256, and on a long stream the splits of large
    /// mixed events and the merges that rejoined their halves kept
    /// reshaping the same events.
    pub fn incremental_split() -> Self {
        EventOptions {
            join: 0.2,
            merge: 0.3,
            stream_split: true,
            stream_split_max: 32,
            rejoin_above: 2.0,
            ..EventOptions::batch()
        }
    }

    /// For [`group_batch`]: a loose stream that groups events of one kind,
    /// then the split pass (halves whose centroids have a cosine below
    /// 0.55) and the rejoin of fragments (centroids at 0.6 or more).
    pub fn batch() -> Self {
        EventOptions {
            join: 0.1,
            merge: 0.25,
            split_below: 0.55,
            rejoin_above: 0.6,
            ..EventOptions::default()
        }
    }

    /// Counts an article's terms for [`EventIndex::insert_counted`]. It
    /// reads no index state, so a caller may count on worker threads while
    /// one thread inserts: tokenizing was a third of the insert's time.
    ///
    /// ```
    /// use crosswire_link::events::{EventDoc, EventIndex, EventOptions};
    ///
    /// let opts = EventOptions::default();
    /// let doc = EventDoc {
    ///     id: "a".into(),
    ///     text: "Floods closed the Marrow Bridge in Quillan on Sunday.".into(),
    ///     ..Default::default()
    /// };
    /// let counted = opts.count(&doc);
    /// assert!(!counted.is_empty());
    /// let mut index = EventIndex::new(opts);
    /// assert!(index.insert_counted(doc, counted).new_event);
    /// ```
    pub fn count(&self, doc: &EventDoc) -> Counted {
        let w = self.kind_weights();
        Counted(count_terms(&doc.title, &doc.text, &doc.entities, w.title))
    }

    fn kind_weights(&self) -> KindWeights {
        KindWeights {
            title: self.title_weight,
            name: self.name_weight,
            number: self.number_weight,
            year: self.year_weight,
        }
    }
}

/// One stored event.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Event {
    /// Term key and mass: the sum over member articles of the term's share
    /// of the article's unit vector, without the idf (applied when
    /// compared, with current document frequencies).
    terms: Vec<(u64, f32)>,
    /// Keys entered in the inverted index for this event.
    indexed: Vec<u64>,
    docs: u32,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    /// With [`EventOptions::stream_split`], a sketch of each member while
    /// the event is small enough to be split.
    #[serde(default)]
    members: Vec<Member>,
    /// `terms` weighted with the idf of the event's last change, unit
    /// length, sorted by key: what an article is scored against. Document
    /// frequencies drift slowly once an index holds thousands of articles,
    /// and recomputing every candidate's weights on every insert (a
    /// logarithm and a hash lookup per term) was most of the writer's time.
    #[serde(default)]
    weighted: Vec<(u64, f32)>,
}

/// A member article as the in-stream split sees it.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Member {
    id: String,
    /// Its heaviest terms with their idf-free centroid mass.
    sketch: Vec<(u64, f32)>,
}

/// The in-stream split looks at a small event every this many articles,
/// and at a larger one every `size / SPLIT_STEP_DIVISOR`: checks at
/// geometrically spaced sizes keep its cost near-linear in the event size
/// (checking every other article made the split quadratic, and the slowest
/// part of grouping).
const SPLIT_EVERY: usize = 2;
/// See [`SPLIT_EVERY`].
const SPLIT_STEP_DIVISOR: usize = 16;

/// Terms kept in a member sketch.
const SKETCH_TERMS: usize = 32;

/// Articles that left an event when the stream split it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SplitOff {
    /// The event they left.
    pub from: EventId,
    /// The new event they form.
    pub to: EventId,
    /// Their ids ([`EventDoc::id`]).
    pub ids: Vec<String>,
}

/// An article's weighted terms, ready to compare.
struct DocVec {
    /// Key, idf-free weight (log tf times kind weight).
    raw: Vec<(u64, f32)>,
    /// The idf of each `raw` term at insert time, looked up once: the
    /// document-frequency table is large, and each lookup a cache miss.
    raw_idf: Vec<f32>,
    /// Key, tf-idf weight, unit length, heaviest first.
    unit: Vec<(u64, f32)>,
}

/// Incremental event grouping.
///
/// ```
/// use crosswire_link::events::{EventDoc, EventIndex};
///
/// let doc = |id: &str, text: &str| EventDoc {
///     id: id.into(),
///     text: text.into(),
///     ..Default::default()
/// };
/// let mut index = EventIndex::default();
/// let a = index.insert(doc("a", "A fire in the town of Varnholt destroyed the old mill on Tuesday, firefighter Oskar Brede said."));
/// let b = index.insert(doc("b", "The old mill in Varnholt burned down on Tuesday, said Oskar Brede of the fire brigade."));
/// let c = index.insert(doc("c", "Voters in Lessing Bay elected Mara Tull as mayor after a close count of ballots."));
/// assert!(a.new_event);
/// assert_eq!(b.event, a.event);
/// assert!(c.new_event);
/// assert_eq!(index.events(), 2);
/// ```
///
/// The index is `Serialize`/`Deserialize`, so corpus mode can checkpoint it
/// instead of replaying every stored article after a restart.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EventIndex {
    opts: EventOptions,
    df: HashMap<u64, u32>,
    docs: u64,
    events: Vec<Option<Event>>,
    /// Union-find parent of every event id: merged events point to the
    /// event that absorbed them.
    parent: Vec<u32>,
    postings: HashMap<u64, Vec<u32>>,
    live: usize,
    /// The latest publish date seen, for retiring old events.
    #[serde(default)]
    newest: Option<NaiveDate>,
    /// Each event's first and last publish day ([`Span`]), by event id, in
    /// one compact array: the date window is checked for every candidate
    /// of every insert, and reading the dates from the events themselves
    /// was a cache miss each once the index held a few hundred thousand.
    #[serde(default)]
    spans: Vec<Span>,
    /// During an insert, the idf of the new article's terms, looked up
    /// once: the centroid updates of that insert need them again, and on a
    /// large index each lookup in `df` is a cache miss.
    #[serde(skip)]
    fresh: HashMap<u64, f32>,
    /// During an insert, shared looked-up terms per event id, and the ids
    /// counted: a dense counter, reset after use. A hash map of the hits
    /// (up to `query_terms` × `posting_cap` entries per insert) grew and
    /// rehashed on every insert of a large index.
    #[serde(skip)]
    hits: Vec<u16>,
    #[serde(skip)]
    hit_ids: Vec<u32>,
}

/// First and last publish day of an event as days from the common era;
/// `UNDATED` when none of its articles has a date, `GONE` when merged or
/// retired.
type Span = (i32, i32);
const UNDATED: Span = (i32::MIN, i32::MAX);
const GONE: Span = (i32::MAX, i32::MIN);

fn day_number(d: NaiveDate) -> i32 {
    use chrono::Datelike;
    d.num_days_from_ce()
}

/// Inserts between two upkeep rounds (retiring old events, trimming the
/// vocabulary).
const UPKEEP_EVERY: u64 = 1024;

impl Default for EventIndex {
    fn default() -> Self {
        EventIndex::new(EventOptions::default())
    }
}

impl EventIndex {
    /// An empty index.
    pub fn new(opts: EventOptions) -> Self {
        EventIndex {
            opts,
            df: HashMap::default(),
            docs: 0,
            events: Vec::new(),
            parent: Vec::new(),
            postings: HashMap::default(),
            live: 0,
            newest: None,
            spans: Vec::new(),
            fresh: HashMap::default(),
            hits: Vec::new(),
            hit_ids: Vec::new(),
        }
    }

    /// The options in use.
    pub fn options(&self) -> &EventOptions {
        &self.opts
    }

    /// Articles inserted so far.
    pub fn docs(&self) -> u64 {
        self.docs
    }

    /// Events currently live (merged ones not counted).
    pub fn events(&self) -> usize {
        self.live
    }

    /// The live event an id stands for now (itself, or the event it was
    /// merged into).
    pub fn resolve(&self, id: EventId) -> EventId {
        let mut x = id.0;
        // Chains only grow by merges of merged events, so they stay short.
        while let Some(&p) = self.parent.get(x as usize) {
            if p == x {
                break;
            }
            x = p;
        }
        EventId(x)
    }

    /// Articles in an event (0 for an unknown or merged id).
    pub fn event_size(&self, id: EventId) -> u32 {
        self.events
            .get(id.0 as usize)
            .and_then(|e| e.as_ref())
            .map_or(0, |e| e.docs)
    }

    fn idf(&self, key: u64) -> f32 {
        self.idf_of(key, self.df.get(&key).copied().unwrap_or(0))
    }

    /// [`EventIndex::idf`], from the inserting article's terms when it
    /// has the key (the same value: frequencies do not move within an
    /// insert).
    fn idf_now(&self, key: u64) -> f32 {
        match self.fresh.get(&key) {
            Some(&x) => x,
            None => self.idf(key),
        }
    }

    /// The idf of a term seen in `df` documents.
    fn idf_of(&self, key: u64, df: u32) -> f32 {
        let df = df as f32;
        // A young index cannot weigh names: with five articles on one fire,
        // the town and the people in them are in every document and would
        // weigh nothing, so the five would never meet. Names are counted as
        // if `IDF_PRIOR_DOCS` documents had been seen, until that many have:
        // a name that every early article shares is what they are about. Common
        // words get no such prior: sharing them says nothing.
        let n = match Kind::of(key) {
            Kind::Name => (self.docs as f32).max(Self::IDF_PRIOR_DOCS),
            _ => self.docs as f32,
        };
        ((n + 1.0) / (df + 0.5)).ln().max(0.0)
    }

    /// See [`EventIndex::idf`].
    const IDF_PRIOR_DOCS: f32 = 200.0;

    fn vectorize(&self, doc: &EventDoc) -> DocVec {
        let w = self.opts.kind_weights();
        self.vectorize_counts(count_terms(&doc.title, &doc.text, &doc.entities, w.title))
    }

    /// [`EventIndex::vectorize`] of terms already counted.
    fn vectorize_counts(&self, counts: HashMap<u64, f32>) -> DocVec {
        let raw_idf: Vec<f32> = counts.keys().map(|&k| self.idf_now(k)).collect();
        self.vectorize_with(counts, raw_idf)
    }

    /// [`EventIndex::vectorize`] of terms already counted, with the idf of
    /// each (in the map's order).
    fn vectorize_with(&self, counts: HashMap<u64, f32>, raw_idf: Vec<f32>) -> DocVec {
        let w = self.opts.kind_weights();
        let raw: Vec<(u64, f32)> = counts
            .into_iter()
            .map(|(k, c)| (k, (1.0 + c.max(1.0).ln()) * w.of(Kind::of(k))))
            .collect();
        let mut unit: Vec<(u64, f32)> = raw
            .iter()
            .zip(&raw_idf)
            .map(|(&(k, x), &idf)| (k, x * idf))
            .collect();
        normalize(&mut unit);
        unit.sort_by(|a, b| b.1.total_cmp(&a.1));
        DocVec { raw, raw_idf, unit }
    }

    /// Cosine of an article (its unit vector sorted by key) and an event's
    /// centroid weighted with current idf, in one pass over the centroid.
    fn score(&self, doc: &[(u64, f32)], e: &Event) -> f32 {
        if !e.weighted.is_empty() {
            return sorted_dot(doc, &e.weighted);
        }
        let (mut dot, mut norm) = (0.0f32, 0.0f32);
        let mut j = 0;
        for &(k, m) in &e.terms {
            let w = m * self.idf(k);
            norm += w * w;
            while j < doc.len() && doc[j].0 < k {
                j += 1;
            }
            if let Some(&(dk, x)) = doc.get(j) {
                if dk == k {
                    dot += x * w;
                }
            }
        }
        if norm > 0.0 {
            dot / norm.sqrt()
        } else {
            0.0
        }
    }

    /// Days between day `day` and the span of event `id`: 0 inside it, and
    /// `None` when either is undated (or the event is gone).
    fn day_gap(&self, day: Option<i32>, id: u32) -> Option<i64> {
        let (d, &(first, last)) = (day?, self.spans.get(id as usize)?);
        if (first, last) == UNDATED || (first, last) == GONE {
            return None;
        }
        Some(
            (i64::from(first) - i64::from(d))
                .max(i64::from(d) - i64::from(last))
                .max(0),
        )
    }

    /// Days between the spans of two events, `None` when either is undated.
    fn span_gap(&self, a: u32, b: u32) -> Option<i64> {
        let &(f1, l1) = self.spans.get(a as usize)?;
        let &(f2, l2) = self.spans.get(b as usize)?;
        let dated = |s: (i32, i32)| s != UNDATED && s != GONE;
        if !dated((f1, l1)) || !dated((f2, l2)) {
            return None;
        }
        Some(
            (i64::from(f2) - i64::from(l1))
                .max(i64::from(f1) - i64::from(l2))
                .max(0),
        )
    }

    /// What a gap of `gap` days leaves of a similarity
    /// ([`EventOptions::date_scale_days`]).
    fn date_factor(&self, gap: Option<i64>) -> f32 {
        match gap {
            Some(g) if self.opts.date_scale_days > 0.0 => {
                1.0 / (1.0 + g as f32 / self.opts.date_scale_days)
            }
            _ => 1.0,
        }
    }

    /// Whether an article of day `day` may be compared with event `id`: an
    /// undated article or event always may; a merged or retired event
    /// never, when the article is dated.
    fn in_window(&self, day: Option<i32>, id: u32) -> bool {
        let (Some(d), Some(&(first, last))) = (day, self.spans.get(id as usize)) else {
            return true;
        };
        let w = self.opts.date_window_days;
        i64::from(d) - i64::from(last) <= w && i64::from(first) - i64::from(d) <= w
    }

    /// The events sharing most of the article's heaviest terms (ties to
    /// the newer event), within the date window.
    fn candidates(&mut self, doc: &DocVec, date: Option<NaiveDate>) -> Vec<u32> {
        // Posting lists hold live events only (a merge or retirement
        // unindexes the event), so ids need no resolving: that lookup per
        // posting was a quarter of the insert on a large index.
        let mut hits = std::mem::take(&mut self.hits);
        let mut ids = std::mem::take(&mut self.hit_ids);
        hits.resize(self.events.len(), 0);
        for &(k, _) in doc.unit.iter().take(self.opts.query_terms) {
            if let Some(list) = self.postings.get(&k) {
                for &id in list {
                    if let Some(n) = hits.get_mut(id as usize) {
                        if *n == 0 {
                            ids.push(id);
                        }
                        *n = n.saturating_add(1);
                    }
                }
            }
        }
        let day = date.map(day_number);
        let mut ranked: Vec<(u32, u16)> = Vec::with_capacity(ids.len());
        for &id in &ids {
            if let Some(n) = hits.get_mut(id as usize) {
                if self.in_window(day, id) {
                    ranked.push((id, *n));
                }
                *n = 0;
            }
        }
        ids.clear();
        self.hits = hits;
        self.hit_ids = ids;
        top_k(&mut ranked, self.opts.max_candidates, |a, b| {
            b.1.cmp(&a.1).then(b.0.cmp(&a.0))
        });
        ranked.into_iter().map(|(id, _)| id).collect()
    }

    /// Adds an article: it joins the most similar event, starts a new one,
    /// and merges any other event it is very similar to.
    pub fn insert(&mut self, doc: EventDoc) -> Assignment {
        let counted = self.opts.count(&doc);
        self.insert_counted(doc, counted)
    }

    /// [`EventIndex::insert`] of an article whose terms were counted ahead
    /// with [`EventOptions::count`] (the text of `doc` is then not read).
    /// Counted with other options, the terms are the article's all the
    /// same, only weighted as those options say.
    pub fn insert_counted(&mut self, doc: EventDoc, counted: Counted) -> Assignment {
        // Document frequencies first, so the article's own terms count as
        // seen once and a term no other article has is not infinitely rare.
        let counts = counted.0;
        self.docs += 1;
        let mut fresh = std::mem::take(&mut self.fresh);
        fresh.clear();
        let mut raw_idf = Vec::with_capacity(counts.len());
        for k in counts.keys() {
            let n = self.df.entry(*k).or_insert(0);
            *n += 1;
            let n = *n;
            let idf = self.idf_of(*k, n);
            fresh.insert(*k, idf);
            raw_idf.push(idf);
        }
        self.fresh = fresh;
        let vec = self.vectorize_with(counts, raw_idf);
        // Sorted by key, to meet each candidate's (key-sorted) centroid in
        // one merge instead of a hash lookup per term.
        let mut unit: Vec<(u64, f32)> = vec.unit.clone();
        unit.sort_unstable_by_key(|&(k, _)| k);
        let day = doc.published.map(day_number);
        let mut scored: Vec<(f32, u32)> = self
            .candidates(&vec, doc.published)
            .into_iter()
            .filter_map(|id| {
                let e = self.events.get(id as usize)?.as_ref()?;
                let near = self.date_factor(self.day_gap(day, id));
                Some((self.score(&unit, e) * near, id))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));

        let (target, new_event) = match scored.first() {
            Some(&(s, id)) if s >= self.opts.join => (id, false),
            _ => (self.new_event(), true),
        };
        // A bridge must hold between the two events too, not only between
        // the article and each: an undated article near two stories months
        // apart would otherwise chain them. Merged one by one, each against
        // the target as it has grown.
        let mut merged: Vec<u32> = Vec::new();
        if !new_event {
            for &(s, id) in scored.iter().skip(1) {
                if s < self.opts.merge {
                    break;
                }
                let gap = self.span_gap(target, id);
                if gap.is_some_and(|g| g > self.opts.date_window_days)
                    || s * self.date_factor(gap) < self.opts.merge
                {
                    continue;
                }
                self.absorb(target, id);
                merged.push(id);
            }
        }
        self.add_doc(target, &doc.id, &vec, doc.published);
        let split = if self.opts.stream_split {
            self.split_in_stream(target)
        } else {
            None
        };
        let target = match &split {
            Some(sp) if sp.ids.contains(&doc.id) => sp.to.0,
            _ => target,
        };
        if doc.published > self.newest {
            self.newest = doc.published;
        }
        // Upkeep may forget terms; and the next insert has its own.
        self.fresh.clear();
        if self.docs.is_multiple_of(UPKEEP_EVERY) {
            self.upkeep();
        }
        Assignment {
            event: EventId(target),
            new_event,
            merged: merged.into_iter().map(EventId).collect(),
            split,
        }
    }

    /// Splits a small event in two when its members' sketches fall into
    /// two halves with little in common (see [`EventOptions::split_below`]).
    fn split_in_stream(&mut self, id: u32) -> Option<SplitOff> {
        let min_side = self.opts.split_min_side.max(1);
        let e = self.events.get(id as usize)?.as_ref()?;
        let n = e.members.len();
        if n != e.docs as usize
            || n < 2 * min_side
            || n % (n / SPLIT_STEP_DIVISOR).max(SPLIT_EVERY) != 0
            || self.opts.split_below <= 0.0
        {
            return None;
        }
        let vecs: Vec<Vec<(u64, f32)>> = e
            .members
            .iter()
            .map(|m| {
                let mut v: Vec<(u64, f32)> = m
                    .sketch
                    .iter()
                    .map(|&(k, x)| (k, x * self.idf_now(k)))
                    .collect();
                normalize(&mut v);
                v
            })
            .collect();
        let rule = split::SplitRule {
            max_similarity: self.opts.split_below,
            max_local: self.opts.split_local_below,
            min_side,
            max_size: self.opts.stream_split_max,
            depth: 1,
        };
        let parts = split::split_group((0..n).collect(), &vecs, &rule, 0);
        if parts.len() != 2 {
            return None;
        }
        // The half without the oldest member leaves.
        let (stay, go) = if parts[0].contains(&0) {
            (&parts[0], &parts[1])
        } else {
            (&parts[1], &parts[0])
        };
        let mut src = self.events.get_mut(id as usize)?.take()?;
        let members = std::mem::take(&mut src.members);
        let pick = |idx: &[usize]| -> Vec<Member> {
            idx.iter()
                .filter_map(|&i| members.get(i).cloned())
                .collect()
        };
        let (stay, go) = (pick(stay), pick(go));
        let rebuild = |ms: &[Member]| {
            let mut terms = Vec::new();
            for m in ms {
                merge_terms(&mut terms, &m.sketch);
            }
            terms
        };
        let ids: Vec<String> = go.iter().map(|m| m.id.clone()).collect();
        src.terms = rebuild(&stay);
        src.docs = stay.len() as u32;
        src.members = stay;
        let new_terms = rebuild(&go);
        let (first, last) = (src.first, src.last);
        if let Some(slot) = self.events.get_mut(id as usize) {
            *slot = Some(src);
        }
        self.update_event(id, |_| {});
        let to = self.new_event();
        self.update_event(to, |e| {
            e.terms = new_terms;
            e.docs = go.len() as u32;
            e.members = go;
            e.first = first;
            e.last = last;
        });
        Some(SplitOff {
            from: EventId(id),
            to: EventId(to),
            ids,
        })
    }

    /// Keeps memory bounded on an endless stream: events that dated
    /// articles can no longer reach are retired, and when the vocabulary
    /// outgrows its cap the terms seen only once are forgotten (they are
    /// most of it, and a term seen again is only a little too rare).
    fn upkeep(&mut self) {
        // Checked arithmetic: a caller may set a window of centuries.
        let span = chrono::TimeDelta::try_days(self.opts.date_window_days.max(0).saturating_mul(2));
        if let Some(cutoff) = self
            .newest
            .zip(span)
            .and_then(|(newest, span)| newest.checked_sub_signed(span))
        {
            self.retire_before(cutoff);
        }
        if self.df.len() > self.opts.max_vocabulary {
            self.df.retain(|_, n| *n > 1);
        }
    }

    /// Retires events whose last dated article is older than `date`: their
    /// centroid and index entries are freed, and no article joins them
    /// again. Events without dates are kept. Returns how many were retired.
    /// [`EventIndex::insert`] calls this itself with twice the date window
    /// before the newest date seen.
    pub fn retire_before(&mut self, date: NaiveDate) -> usize {
        // From the compact spans, not the events: this scan runs every
        // `UPKEEP_EVERY` inserts over every event ever made.
        let cutoff = day_number(date);
        let old: Vec<u32> = self
            .spans
            .iter()
            .enumerate()
            .filter(|&(_, &(first, last))| (first, last) != GONE && last < cutoff)
            .map(|(i, _)| i as u32)
            .collect();
        for &id in &old {
            if let Some(e) = self.events.get_mut(id as usize).and_then(|e| e.take()) {
                self.unindex(id, &e.indexed);
                self.live = self.live.saturating_sub(1);
                self.set_span(id, GONE);
            }
        }
        old.len()
    }

    fn new_event(&mut self) -> u32 {
        let id = self.events.len() as u32;
        self.events.push(Some(Event {
            terms: Vec::new(),
            indexed: Vec::new(),
            docs: 0,
            first: None,
            last: None,
            members: Vec::new(),
            weighted: Vec::new(),
        }));
        self.parent.push(id);
        self.live += 1;
        self.set_span(id, UNDATED);
        id
    }

    fn set_span(&mut self, id: u32, span: Span) {
        let i = id as usize;
        if self.spans.len() <= i {
            self.spans.resize(i + 1, UNDATED);
        }
        if let Some(s) = self.spans.get_mut(i) {
            *s = span;
        }
    }

    /// Adds one article's terms to an event's centroid.
    fn add_doc(&mut self, id: u32, doc_id: &str, doc: &DocVec, date: Option<NaiveDate>) {
        // The article's share of its unit vector, idf removed again: the
        // centroid stores idf-free masses so that idf can move.
        let norm = doc
            .raw
            .iter()
            .zip(&doc.raw_idf)
            .map(|(&(_, x), &idf)| {
                let y = x * idf;
                y * y
            })
            .sum::<f32>()
            .sqrt();
        if norm <= 0.0 {
            // Nothing to compare (an empty text): the event only counts it.
            if let Some(Some(e)) = self.events.get_mut(id as usize) {
                e.docs += 1;
            }
            return;
        }
        let add: Vec<(u64, f32)> = doc.raw.iter().map(|&(k, x)| (k, x / norm)).collect();
        let member = self.opts.stream_split.then(|| {
            // The heaviest terms by tf-idf, heaviest first.
            let mut ranked: Vec<(f32, u64, f32)> = add
                .iter()
                .zip(&doc.raw_idf)
                .map(|(&(k, x), &idf)| (x * idf, k, x))
                .collect();
            let by_weight =
                |a: &(f32, u64, f32), b: &(f32, u64, f32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
            top_k(&mut ranked, SKETCH_TERMS, by_weight);
            Member {
                id: doc_id.to_string(),
                sketch: ranked.into_iter().map(|(_, k, x)| (k, x)).collect(),
            }
        });
        let max = self.opts.stream_split_max;
        self.update_event(id, |e| {
            merge_terms(&mut e.terms, &add);
            if let Some(m) = member {
                if e.members.len() == e.docs as usize && e.members.len() < max {
                    e.members.push(m);
                } else {
                    // Too large to split, or members were lost: stop
                    // sketching this event.
                    e.members = Vec::new();
                }
            }
            e.docs += 1;
            e.first = min_date(e.first, date);
            e.last = max_date(e.last, date);
        });
    }

    /// Merges event `from` into `into`.
    fn absorb(&mut self, into: u32, from: u32) {
        let Some(src) = self.events.get_mut(from as usize).and_then(|e| e.take()) else {
            return;
        };
        self.unindex(from, &src.indexed);
        self.set_span(from, GONE);
        if let Some(p) = self.parent.get_mut(from as usize) {
            *p = into;
        }
        self.live = self.live.saturating_sub(1);
        let max = self.opts.stream_split_max;
        self.update_event(into, |e| {
            merge_terms(&mut e.terms, &src.terms);
            let complete = e.members.len() == e.docs as usize
                && src.members.len() == src.docs as usize
                && e.members.len() + src.members.len() <= max;
            if complete {
                e.members.extend(src.members);
            } else {
                e.members = Vec::new();
            }
            e.docs += src.docs;
            e.first = min_date(e.first, src.first);
            e.last = max_date(e.last, src.last);
        });
    }

    /// Applies a change to an event, then re-caps its centroid and
    /// refreshes its inverted-index entries.
    fn update_event(&mut self, id: u32, change: impl FnOnce(&mut Event)) {
        let Some(Some(mut e)) = self.events.get_mut(id as usize).map(|e| e.take()) else {
            return;
        };
        change(&mut e);
        let mut weighted: Vec<(f32, u64, f32)> = e
            .terms
            .iter()
            .map(|&(k, m)| (m * self.idf_now(k), k, m))
            .collect();
        let by_weight =
            |a: &(f32, u64, f32), b: &(f32, u64, f32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        top_k(&mut weighted, self.opts.event_terms, by_weight);
        let mut new_indexed: Vec<u64> = weighted
            .iter()
            .take(self.opts.index_terms)
            .map(|&(_, k, _)| k)
            .collect();
        let mut scoring: Vec<(u64, f32)> = weighted.iter().map(|&(w, k, _)| (k, w)).collect();
        scoring.sort_unstable_by_key(|&(k, _)| k);
        normalize(&mut scoring);
        e.weighted = scoring;
        e.terms = weighted.into_iter().map(|(_, k, m)| (k, m)).collect();
        e.terms.sort_unstable_by_key(|&(k, _)| k);
        new_indexed.sort_unstable();
        let old = std::mem::take(&mut e.indexed);
        let gone: Vec<u64> = old
            .iter()
            .copied()
            .filter(|k| new_indexed.binary_search(k).is_err())
            .collect();
        let added: Vec<u64> = new_indexed
            .iter()
            .copied()
            .filter(|k| old.binary_search(k).is_err())
            .collect();
        self.unindex(id, &gone);
        for k in added {
            let list = self.postings.entry(k).or_default();
            list.push(id);
            if list.len() > self.opts.posting_cap {
                // Drop the oldest: news events go cold, recent ones matter.
                list.remove(0);
            }
        }
        e.indexed = new_indexed;
        let span = match (e.first, e.last) {
            (Some(first), Some(last)) => (day_number(first), day_number(last)),
            _ => UNDATED,
        };
        self.set_span(id, span);
        if let Some(slot) = self.events.get_mut(id as usize) {
            *slot = Some(e);
        }
    }

    fn unindex(&mut self, id: u32, keys: &[u64]) {
        for k in keys {
            if let Some(list) = self.postings.get_mut(k) {
                list.retain(|&x| x != id);
                if list.is_empty() {
                    self.postings.remove(k);
                }
            }
        }
    }
}

/// Groups a batch of articles in order, through the incremental path, and
/// returns each article's final event (merges applied). Use it with
/// [`EventOptions::batch`]. With
/// [`EventOptions::split_below`] set, a second pass then splits events
/// whose members fall into two groups with little in common; split-off
/// parts get fresh ids.
pub fn group_batch(docs: impl IntoIterator<Item = EventDoc>, opts: &EventOptions) -> Vec<EventId> {
    let docs: Vec<EventDoc> = docs.into_iter().collect();
    let mut index = EventIndex::new(opts.clone());
    let mut assigned: Vec<EventId> = Vec::with_capacity(docs.len());
    // Where each id was, for articles an in-stream split moves.
    let mut at: HashMap<&str, usize> = HashMap::default();
    for (i, d) in docs.iter().enumerate() {
        at.entry(d.id.as_str()).or_insert(i);
        let got = index.insert(d.clone());
        assigned.push(got.event);
        if let Some(sp) = got.split {
            for id in &sp.ids {
                if let Some(slot) = at.get(id.as_str()).and_then(|&j| assigned.get_mut(j)) {
                    *slot = sp.to;
                }
            }
        }
    }
    let mut out: Vec<EventId> = assigned.into_iter().map(|e| index.resolve(e)).collect();
    let batch_split = opts.split_below > 0.0 && !opts.stream_split;
    if batch_split || opts.rejoin_above <= 1.0 {
        // Final document frequencies judge every article alike, early or
        // late.
        let vecs: Vec<Vec<(u64, f32)>> = docs.iter().map(|d| index.vectorize(d).unit).collect();
        let opts = EventOptions {
            split_below: if batch_split { opts.split_below } else { 0.0 },
            ..opts.clone()
        };
        out = split_with(&vecs, out, &opts);
    }
    out
}

/// The split pass alone: splits each group of `labels` (one label per
/// article of `docs`) whose members fall into two groups with little in
/// common. Document frequencies come from `docs`. Split-off parts get ids
/// above every id in `labels`.
pub fn split_events(docs: &[EventDoc], labels: Vec<EventId>, opts: &EventOptions) -> Vec<EventId> {
    let mut index = EventIndex::new(opts.clone());
    let w = opts.kind_weights();
    for d in docs {
        let counts = count_terms(&d.title, &d.text, &d.entities, w.title);
        index.docs += 1;
        for k in counts.keys() {
            *index.df.entry(*k).or_insert(0) += 1;
        }
    }
    let vecs: Vec<Vec<(u64, f32)>> = docs.iter().map(|d| index.vectorize(d).unit).collect();
    split_with(&vecs, labels, opts)
}

fn split_with(vecs: &[Vec<(u64, f32)>], out: Vec<EventId>, opts: &EventOptions) -> Vec<EventId> {
    let rule = split::SplitRule {
        max_similarity: opts.split_below,
        max_local: opts.split_local_below,
        min_side: opts.split_min_side.max(1),
        max_size: 2000,
        depth: opts.split_depth,
    };
    let mut groups: std::collections::BTreeMap<EventId, Vec<usize>> = Default::default();
    for (i, e) in out.iter().enumerate() {
        groups.entry(*e).or_default().push(i);
    }
    let mut parts: Vec<Vec<usize>> = Vec::new();
    for (_, members) in groups {
        if opts.split_below > 0.0 {
            parts.extend(split::split_group(members, vecs, &rule, 0));
        } else {
            parts.push(members);
        }
    }
    if opts.rejoin_above <= 1.0 {
        parts = split::merge_groups(parts, vecs, opts.rejoin_above);
    }
    relabel(out, parts)
}

/// New labels for `parts`: each part keeps the old label most of its
/// members had when no larger part claimed it, else takes a fresh id.
fn relabel(mut out: Vec<EventId>, mut parts: Vec<Vec<usize>>) -> Vec<EventId> {
    let mut fresh = out.iter().map(|e| e.0.saturating_add(1)).max().unwrap_or(0);
    parts.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let mut taken: std::collections::HashSet<EventId> = Default::default();
    let mut next = Vec::with_capacity(out.len());
    next.resize(out.len(), EventId(0));
    for part in &parts {
        let mut votes: HashMap<EventId, usize> = HashMap::default();
        for &m in part {
            if let Some(&e) = out.get(m) {
                *votes.entry(e).or_insert(0) += 1;
            }
        }
        let mut ranked: Vec<(EventId, usize)> = votes.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let id = match ranked
            .into_iter()
            .map(|(e, _)| e)
            .find(|e| !taken.contains(e))
        {
            Some(e) => e,
            None => {
                fresh += 1;
                EventId(fresh - 1)
            }
        };
        taken.insert(id);
        for &m in part {
            if let Some(slot) = next.get_mut(m) {
                *slot = id;
            }
        }
    }
    out.copy_from_slice(&next);
    out
}

/// Dot product of two key-sorted sparse vectors.
///
/// The steps are computed without branching on the keys: which list
/// advances is unpredictable, and this merge (every candidate of every
/// insert) ran at a mispredicted branch per step.
fn sorted_dot(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while let (Some(&(x, u)), Some(&(y, v))) = (a.get(i), b.get(j)) {
        if x == y {
            dot += u * v;
        }
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    dot
}

fn normalize(v: &mut [(u64, f32)]) {
    let n = v.iter().map(|&(_, x)| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        for (_, x) in v.iter_mut() {
            *x /= n;
        }
    }
}

/// Adds `add` (distinct keys, any order) into `terms` (sorted by key)
/// keeping it sorted, in one merge.
fn merge_terms(terms: &mut Vec<(u64, f32)>, add: &[(u64, f32)]) {
    let mut add = add.to_vec();
    add.sort_unstable_by_key(|&(k, _)| k);
    let old = std::mem::take(terms);
    terms.reserve(old.len() + add.len());
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < add.len() {
        match (old.get(i), add.get(j)) {
            (Some(&(a, x)), Some(&(b, y))) if a == b => {
                terms.push((a, x + y));
                i += 1;
                j += 1;
            }
            (Some(&(a, x)), Some(&(b, _))) if a < b => {
                terms.push((a, x));
                i += 1;
            }
            (Some(&(a, x)), None) => {
                terms.push((a, x));
                i += 1;
            }
            (_, Some(&(b, y))) => {
                terms.push((b, y));
                j += 1;
            }
            (None, None) => break,
        }
    }
}

/// Keeps the first `k` items of `v` in the order `cmp` gives, sorted: a
/// selection first, so only the kept ones are sorted.
fn top_k<T>(v: &mut Vec<T>, k: usize, cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if k == 0 {
        v.clear();
        return;
    }
    if v.len() > k {
        v.select_nth_unstable_by(k - 1, &cmp);
        v.truncate(k);
    }
    v.sort_unstable_by(cmp);
}

fn min_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn max_date(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, y) => x.or(y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, title: &str, text: &str) -> EventDoc {
        EventDoc {
            id: id.into(),
            title: title.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_young_index_joins_the_first_reports_of_one_event() {
        // Five reports of one flood, and nothing else yet: the names they
        // share are in every document, which must not make them worthless.
        let mut index = EventIndex::default();
        let texts = [
            ("Floods cut off Marrow Bay", "The river Esk burst its banks at Marrow Bay on Friday, cutting off 300 homes, the harbour office said."),
            ("Marrow Bay evacuates 300 homes", "Rescue boats took families from 300 homes in Marrow Bay after the Esk flooded the lower town on Friday."),
            ("Esk flood: Marrow Bay counts the damage", "Residents of Marrow Bay returned to flooded homes on Saturday as the river Esk fell back, the harbour office said."),
            ("Inundaciones en Marrow Bay", "El río Esk se desbordó el viernes en Marrow Bay y dejó aisladas 300 viviendas, según la oficina del puerto."),
            ("Marrow Bay flood victims get aid", "The council promised aid to the 300 households of Marrow Bay hit by Friday's Esk flood."),
        ];
        let events: std::collections::HashSet<EventId> = texts
            .iter()
            .enumerate()
            .map(|(i, (t, x))| index.insert(doc(&i.to_string(), t, x)).event)
            .collect();
        assert_eq!(events.len(), 1, "one flood, one event");
    }

    fn dated(id: &str, title: &str, text: &str, day: &str) -> EventDoc {
        EventDoc {
            published: NaiveDate::parse_from_str(day, "%Y-%m-%d").ok(),
            ..doc(id, title, text)
        }
    }

    /// Two falls of one (invented) exchange, reported in much the same
    /// words: the dates tell the happenings apart.
    fn two_falls(first: &str, second: &str) -> (Assignment, Assignment, Assignment) {
        let mut index = EventIndex::new(EventOptions::incremental_split());
        let a = index.insert(dated(
            "a",
            "Shares tumble on the Quarrow exchange",
            "Shares on the Quarrow exchange fell sharply on Monday, with the Quarrow index losing ground as banks and miners led the fall, traders at Vell Capital said.",
            first,
        ));
        let b = index.insert(dated(
            "b",
            "Quarrow exchange shares tumble again",
            "Shares fell sharply as oil producers dragged the Quarrow index down 6 percent by the close, the steepest drop since spring, brokers at Ostmark Bank said.",
            second,
        ));
        let c = index.insert(dated(
            "c",
            "Quarrow shares fall as banks slide",
            "Shares on the Quarrow exchange fell, the Quarrow index losing ground as banks led the fall, Vell Capital traders said.",
            first,
        ));
        (a, b, c)
    }

    #[test]
    fn reports_of_one_day_join_and_a_like_story_days_later_does_not() {
        let (a, b, c) = two_falls("2031-03-03", "2031-03-07");
        assert_eq!(c.event, a.event, "the same fall, the same day");
        assert!(b.new_event, "a second fall four days on: {b:?}");
        // The same words on the same day are one happening.
        let (a, b, _) = two_falls("2031-03-03", "2031-03-03");
        assert_eq!(b.event, a.event);
    }

    #[test]
    fn an_undated_report_does_not_chain_stories_months_apart() {
        let mut index = EventIndex::new(EventOptions::incremental_split());
        let text = "The Quarrow exchange suspended trading after the Quarrow index fell by a fifth, Vell Capital traders said.";
        let a = index.insert(dated(
            "a",
            "Quarrow exchange halts trading",
            text,
            "2031-03-03",
        ));
        let b = index.insert(dated(
            "b",
            "Quarrow exchange halts trading",
            text,
            "2031-11-20",
        ));
        assert!(b.new_event, "eight months apart");
        let c = index.insert(doc("c", "Quarrow exchange halts trading", text));
        assert!(!c.new_event, "an undated report joins one of them");
        assert!(c.merged.is_empty(), "but bridges neither: {c:?}");
        assert_ne!(index.resolve(a.event), index.resolve(b.event));
        assert_eq!(index.events(), 2);
    }

    fn fires() -> Vec<EventDoc> {
        vec![
            doc("a1", "Fire destroys the old mill in Varnholt.",
                "A fire destroyed the old mill in Varnholt on Tuesday night. Fire chief Oskar Brede said 40 firefighters fought the blaze on Kettle Lane until dawn. No one was hurt, Brede said."),
            doc("b1", "Blaze guts school in Orrin Falls.",
                "A blaze gutted the primary school in Orrin Falls early on Sunday. Fire chief Dana Pell said 12 firefighters could not save the roof of the school on Linden Road. Pell said no pupils were inside."),
            doc("a2", "Varnholt mill fire: firefighters battle all night.",
                "Firefighters battled all night to contain the fire at the Varnholt mill. Oskar Brede, the fire chief, said the mill on Kettle Lane was a total loss after the fire."),
            doc("b2", "Orrin Falls school fire leaves pupils without classrooms.",
                "Pupils in Orrin Falls will be taught in the town hall after Sunday's fire at the school on Linden Road. Dana Pell said the cause of the fire was under investigation."),
            doc("a3", "Cause of Varnholt mill fire unknown.",
                "Investigators have not found the cause of the fire that destroyed the Varnholt mill. Oskar Brede said the fire began near the Kettle Lane loading bay."),
            doc("a4", "Varnholt mill owner vows to rebuild.",
                "Greta Sand, owner of the Varnholt mill destroyed by fire on Tuesday, said she would rebuild on Kettle Lane. Fire chief Oskar Brede said the mill fire had spread through the grain loft."),
            doc("b4", "Orrin Falls parents meet after school fire.",
                "Parents met in Orrin Falls on Monday to discuss the school destroyed by fire on Linden Road. Dana Pell told them the alarm had worked."),
            doc("b3", "Orrin Falls school blaze: Pell praises crews.",
                "Fire chief Dana Pell praised the crews who fought the school fire in Orrin Falls. The building on Linden Road will be demolished, Pell said."),
        ]
    }

    #[test]
    fn two_fires_in_two_towns_stay_apart() {
        for opts in [EventOptions::default(), EventOptions::batch()] {
            let got = group_batch(fires(), &opts);
            assert_eq!(got[0], got[2]);
            assert_eq!(got[0], got[4]);
            assert_eq!(got[1], got[3]);
            assert_eq!(got[1], got[7]);
            assert_eq!(got[0], got[5]);
            assert_eq!(got[1], got[6]);
            assert_ne!(got[0], got[1]);
        }
    }

    #[test]
    fn the_split_pass_separates_two_fires_grouped_as_one() {
        let docs = fires();
        // Four articles a side: fewer than the default minimum half.
        let opts = EventOptions {
            split_min_side: 3,
            ..EventOptions::batch()
        };
        let got = split_events(&docs, vec![EventId(7); docs.len()], &opts);
        let a: Vec<EventId> = [0, 2, 4, 5].iter().map(|&i| got[i]).collect();
        let b: Vec<EventId> = [1, 3, 6, 7].iter().map(|&i| got[i]).collect();
        assert!(a.iter().all(|&e| e == a[0]));
        assert!(b.iter().all(|&e| e == b[0]));
        assert_ne!(a[0], b[0]);
        // The larger or first part keeps the old id.
        assert!(a[0] == EventId(7) || b[0] == EventId(7));
    }

    #[test]
    fn a_bridging_article_merges_split_halves() {
        let mut index = EventIndex::default();
        // Unrelated news, so that document frequencies mean something.
        for (i, text) in [
            "The Pellam Rovers beat Astry Town 3-1 in the cup final on Saturday, coach Ivo Marten said.",
            "Heavy snow closed the Durran Pass for a second day, the Wessick road agency said.",
            "Voters in Lessing Bay elected Mara Tull as mayor after a close count of ballots.",
            "The Norvale central bank left its main rate at 4 percent, governor Elin Fask said.",
        ]
        .iter()
        .enumerate()
        {
            index.insert(doc(&format!("bg{i}"), "", text));
        }
        let a = index.insert(doc("p1", "Hallam Bridge collapses into the Sorrel River.",
            "The Hallam Bridge collapsed into the Sorrel River on Friday. Engineer Tomas Reyl said the 1931 span had failed. Reyl said cracks had been seen."));
        let b = index.insert(doc("p2", "Ferry service starts after Quenby crossing lost.",
            "Quenby council started a ferry service for commuters on Monday. Councillor Ada Voss said 3000 commuters used the crossing each day. Voss said the ferry was free."));
        assert!(a.new_event && b.new_event);
        assert_ne!(a.event, b.event);
        let c = index.insert(doc("p3", "Hallam Bridge collapse: Quenby ferry for commuters.",
            "After the Hallam Bridge collapsed into the Sorrel River, Quenby council started a free ferry. Engineer Tomas Reyl said the 1931 span failed; councillor Ada Voss said 3000 commuters used the crossing each day."));
        assert!(!c.new_event);
        assert_eq!(c.merged.len(), 1);
        assert_eq!(index.resolve(a.event), index.resolve(b.event));
        assert_eq!(index.events(), 5);
        assert_eq!(index.event_size(index.resolve(a.event)), 3);
    }

    #[test]
    fn dates_far_apart_are_not_compared() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2031, 3, d);
        let mut index = EventIndex::default();
        let mut a = fires().remove(0);
        a.published = day(1);
        let mut b = fires().remove(2);
        b.published = day(28);
        let first = index.insert(a);
        let second = index.insert(b);
        assert!(second.new_event);
        assert_ne!(first.event, second.event);
    }

    #[test]
    fn the_stream_splits_two_fires_it_had_joined() {
        // Join everything at first, so that only the split can separate.
        let opts = EventOptions {
            join: 0.0,
            split_min_side: 3,
            ..EventOptions::incremental_split()
        };
        let mut index = EventIndex::new(opts.clone());
        let mut splits = 0;
        for d in fires() {
            splits += usize::from(index.insert(d).split.is_some());
        }
        assert!(splits >= 1);
        let got = group_batch(fires(), &opts);
        assert_eq!(got[0], got[2]);
        assert_eq!(got[0], got[4]);
        assert_eq!(got[0], got[5]);
        assert_eq!(got[1], got[3]);
        assert_eq!(got[1], got[6]);
        assert_eq!(got[1], got[7]);
        assert_ne!(got[0], got[1]);
    }

    /// Throughput should not fall as events pile up:
    /// `cargo test --release -p crosswire-link scale -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn scale_smoke() {
        let mut state = 7u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        let syll = [
            "ka", "ro", "mi", "tel", "vos", "an", "dur", "pe", "sil", "or",
        ];
        let word = |n: usize| -> String {
            (0..2 + n % 3)
                .map(|i| syll[(n / (i + 1) + i * 7) % syll.len()])
                .collect()
        };
        let total = 50_000;
        let mut index = EventIndex::default();
        let mut times = Vec::new();
        let start = std::time::Instant::now();
        for i in 0..total {
            // Each story has its own place and person; words are Zipf-ish.
            let story = next() % (i / 5 + 1);
            let place = word(1000 + story);
            let person = word(500_000 + story * 3);
            let body: Vec<String> = (0..120)
                .map(|j| {
                    let r = next() % 1000;
                    if j % 2 == 0 {
                        word(r * r / 100)
                    } else {
                        // Story words: unique to the story.
                        format!("{}{}", word(r % 40), story)
                    }
                })
                .collect();
            let text = format!(
                "Reports from {} say {} met officials. {}",
                capitalize(&place),
                capitalize(&person),
                body.join(" ")
            );
            index.insert(doc(&i.to_string(), &place, &text));
            if (i + 1) % 10_000 == 0 {
                times.push(start.elapsed().as_secs_f64());
            }
        }
        println!("events {} checkpoints {times:?}", index.events());
    }

    fn capitalize(s: &str) -> String {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    #[test]
    fn old_events_are_retired() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2031, 3, d);
        let mut index = EventIndex::default();
        let mut a = fires().remove(0);
        a.published = day(1);
        let mut b = fires().remove(1);
        b.published = day(20);
        let first = index.insert(a);
        index.insert(b);
        assert_eq!(index.events(), 2);
        assert_eq!(index.retire_before(day(10).unwrap_or_default()), 1);
        assert_eq!(index.events(), 1);
        assert_eq!(index.event_size(first.event), 0);
        // A later article on the retired fire starts a new event.
        let mut c = fires().remove(2);
        c.published = day(2);
        assert!(index.insert(c).new_event);
    }

    #[test]
    fn merging_terms_adds_shared_keys_and_keeps_order() {
        let mut terms = vec![(1, 1.0), (4, 2.0), (9, 0.5)];
        merge_terms(&mut terms, &[(9, 0.25), (2, 3.0), (12, 1.0), (1, 1.0)]);
        assert_eq!(terms, [(1, 2.0), (2, 3.0), (4, 2.0), (9, 0.75), (12, 1.0)]);
        let mut v = vec![5, 1, 9, 3, 7];
        top_k(&mut v, 3, |a: &i32, b: &i32| b.cmp(a));
        assert_eq!(v, [9, 7, 5]);
        top_k(&mut v, 10, |a: &i32, b: &i32| a.cmp(b));
        assert_eq!(v, [5, 7, 9]);
        top_k(&mut v, 0, |a: &i32, b: &i32| a.cmp(b));
        assert!(v.is_empty());
    }

    #[test]
    fn empty_and_odd_input_does_not_panic() {
        let mut index = EventIndex::default();
        index.insert(doc("x", "", ""));
        index.insert(doc("y", "!!!", "... 0 , ''"));
        index.insert(doc("z", "Ünïcödé Tëst", "Ça va? Ő és Ű. 1.000.000 — 2031"));
        assert_eq!(index.docs(), 3);
        assert_eq!(
            group_batch(Vec::new(), &EventOptions::default()),
            Vec::new()
        );
    }
}
