//! The timeline: resolved dates from every article, one entry per dated
//! happening, with its sources; happenings the sources date differently
//! are flagged.

use crate::context::{idf, sentence_of, Bag};
use crosswire_link::Origins;
use crosswire_model::dossier::{Mention, TimelineEntry};
use crosswire_model::{Article, SpanKind};
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
    // Group same-date mentions of one happening.
    let mut entries: Vec<(Vec<usize>, TimelineEntry)> = Vec::new();
    for (i, d) in ds.iter().enumerate() {
        let found = entries.iter_mut().find(|(members, e)| {
            e.date == d.date
                && members
                    .iter()
                    .any(|&m| ds[m].bag.cosine(&d.bag, &idf) >= SAME_HAPPENING)
        });
        match found {
            Some((members, e)) => {
                members.push(i);
                e.mentions.push(d.mention.clone());
            }
            None => entries.push((
                vec![i],
                TimelineEntry {
                    date: d.date.clone(),
                    what: d.what.clone(),
                    mentions: vec![d.mention.clone()],
                    origin_count: 0,
                    disputed: Vec::new(),
                },
            )),
        }
    }
    // One happening given different dates of the same precision by different
    // origins is disputed.
    let n = entries.len();
    for i in 0..n {
        for j in 0..n {
            if i == j || entries[i].1.date.len() != entries[j].1.date.len() {
                continue;
            }
            if entries[i].1.date == entries[j].1.date {
                continue;
            }
            let alike = entries[i].0.iter().any(|&a| {
                entries[j].0.iter().any(|&b| {
                    ds[a].article != ds[b].article
                        && origins.of_article.get(ds[a].article)
                            != origins.of_article.get(ds[b].article)
                        && ds[a].bag.cosine(&ds[b].bag, &idf) >= 0.6
                })
            });
            if alike {
                let other = entries[j].1.date.clone();
                if !entries[i].1.disputed.contains(&other) {
                    entries[i].1.disputed.push(other);
                }
            }
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
