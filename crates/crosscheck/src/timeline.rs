//! The timeline: resolved dates from every article, one entry per dated
//! happening, with its sources; happenings the sources date differently
//! are flagged.

use crate::context::{idf, sentence_of, Bag, Sparse};
use crosswire_link::Origins;
use crosswire_model::dossier::{Mention, TimelineEntry};
use crosswire_model::{Article, SpanKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;

struct D {
    article: usize,
    mention: Mention,
    date: String,
    what: String,
    bag: Bag,
}

/// How alike two descriptions must be to be one happening.
const SAME_HAPPENING: f32 = 0.35;

/// How many members of a timeline entry a new mention is compared with.
const ENTRY_SAMPLE: usize = 16;

/// Mentions a feature may be shared by and still pair them for disputes.
const POSTING_CAP: usize = 200;

/// Builds the timeline of a set of analyzed articles.
pub fn timeline(articles: &[Article], origins: &Origins) -> Vec<TimelineEntry> {
    let mut ds = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        for s in &a.spans {
            let SpanKind::Date(dv) = &s.kind else {
                continue;
            };
            let Some(date) = dv.resolved.clone() else {
                continue;
            };
            let sentence = sentence_of(a, s.range);
            let what = dv
                .refers_to
                .clone()
                .unwrap_or_else(|| a.slice(sentence).trim().to_string());
            let mut bag = Bag::default();
            bag.add_text(&what, 1.0);
            ds.push(D {
                article: ai,
                mention: Mention {
                    article: ai,
                    span: s.range,
                    sentence,
                },
                date,
                what,
                bag,
            });
        }
    }
    let idf = idf(&ds.iter().map(|d| &d.bag).collect::<Vec<_>>());
    // Interned and weighed once: a large event has hundreds of dated
    // mentions, and comparing string-keyed bags pairwise dominated.
    let mut ids = HashMap::default();
    let vecs: Vec<Sparse> = ds
        .iter()
        .map(|d| Sparse::new(&d.bag, &idf, &mut ids))
        .collect();
    // Group same-date mentions of one happening.
    let mut entries: Vec<(Vec<usize>, TimelineEntry)> = Vec::new();
    let mut by_date: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut entry_of = Vec::with_capacity(ds.len());
    for (i, d) in ds.iter().enumerate() {
        let same_date = by_date.entry(d.date.as_str()).or_default();
        // An entry's first members stand for it: comparing a newcomer
        // with every member made a date thousands of articles share
        // quadratic.
        let found = same_date.iter().copied().find(|&e| {
            entries[e]
                .0
                .iter()
                .take(ENTRY_SAMPLE)
                .any(|&m| vecs[m].cosine(&vecs[i]) >= SAME_HAPPENING)
        });
        match found {
            Some(e) => {
                entries[e].0.push(i);
                entries[e].1.mentions.push(d.mention.clone());
                entry_of.push(e);
            }
            None => {
                same_date.push(entries.len());
                entry_of.push(entries.len());
                entries.push((
                    vec![i],
                    TimelineEntry {
                        date: d.date.clone(),
                        what: d.what.clone(),
                        mentions: vec![d.mention.clone()],
                        origin_count: 0,
                        disputed: Vec::new(),
                    },
                ));
            }
        }
    }
    // One happening given different dates of the same precision by different
    // origins is disputed. Only mentions sharing a feature can be alike, so
    // pairs come from an inverted index.
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::default();
    for (m, v) in vecs.iter().enumerate() {
        for id in v.ids() {
            postings.entry(id).or_default().push(m);
        }
    }
    let mut disputes: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut checked: HashSet<(usize, usize)> = HashSet::default();
    // A feature nearly every mention shares (the event's place, a common
    // verb) weighs next to nothing in a cosine, and pairing its mentions
    // is quadratic: it generates no pairs.
    for list in postings.values().filter(|l| l.len() <= POSTING_CAP) {
        for (x, &a) in list.iter().enumerate() {
            for &b in &list[x + 1..] {
                let (ea, eb) = (entry_of[a], entry_of[b]);
                let (da, db) = (&entries[ea].1.date, &entries[eb].1.date);
                if ea == eb || da == db || da.len() != db.len() || !checked.insert((a, b)) {
                    continue;
                }
                if ds[a].article != ds[b].article
                    && origins.of_article.get(ds[a].article)
                        != origins.of_article.get(ds[b].article)
                    && vecs[a].cosine(&vecs[b]) >= 0.6
                {
                    disputes.insert((ea, eb));
                    disputes.insert((eb, ea));
                }
            }
        }
    }
    for (i, j) in disputes {
        let other = entries[j].1.date.clone();
        if !entries[i].1.disputed.contains(&other) {
            entries[i].1.disputed.push(other);
        }
    }
    let mut out: Vec<TimelineEntry> = entries
        .into_iter()
        .map(|(members, mut e)| {
            e.origin_count = members
                .iter()
                .filter_map(|&m| origins.of_article.get(ds[m].article))
                .collect::<BTreeSet<_>>()
                .len();
            e
        })
        .collect();
    out.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(b.origin_count.cmp(&a.origin_count))
    });
    out
}
