//! Reading the store: the event list, one event's dossier, full-text
//! search with filters, and counts.

use crate::db::{self, date_of, day_of};
use crate::index::IndexQuery;
use crate::{Store, StoreError};
use chrono::NaiveDate;
use crosswire_model::dossier::Dossier;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use std::ops::Range;

/// One line of the event list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventSummary {
    /// The event's id (shown as `e<id>`).
    pub id: i64,
    /// Articles in the event.
    pub size: u64,
    /// Independent origins among them (from the last dossier).
    pub origins: u64,
    /// Earliest publish day.
    pub first: Option<NaiveDate>,
    /// Latest publish day.
    pub last: Option<NaiveDate>,
    /// Figure and quote slots whose sources conflict.
    pub conflicts: u64,
    /// The headline of the event's first article.
    pub title: Option<String>,
    /// True while the dossier waits for recomputation (after a crash, or
    /// while an ingest runs).
    pub stale: bool,
}

/// One article of an event, as [`Store::event_articles`] lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventArticle {
    /// The article id (content hash).
    pub id: String,
    /// Where it was read from.
    pub source: String,
    /// The outlet.
    pub outlet: Option<String>,
    /// The publish date as stored.
    pub published: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// The headline.
    pub title: Option<String>,
}

/// How [`Store::events_by`] orders events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventOrder {
    /// Largest first.
    Size,
    /// Latest publish day first (undated events last).
    Recent,
}

/// A search: words plus optional filters.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchQuery {
    /// Words (all must occur), `"a phrase"`, `title:word`; empty or `*`
    /// matches everything the filters let through.
    pub text: String,
    /// Published on or after this day.
    pub from: Option<NaiveDate>,
    /// Published on or before this day.
    pub to: Option<NaiveDate>,
    /// Outlet, exactly as stored (case ignored).
    pub outlet: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// Only articles of this event (merged events included).
    pub event: Option<i64>,
    /// Hits returned, at most.
    pub limit: usize,
}

impl SearchQuery {
    /// A query for words, no filters, 20 hits.
    pub fn new(text: impl Into<String>) -> Self {
        SearchQuery {
            text: text.into(),
            from: None,
            to: None,
            outlet: None,
            language: None,
            event: None,
            limit: 20,
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    /// The article id (content hash).
    pub id: String,
    /// Relevance; higher is better.
    pub score: f32,
    /// The publish date as stored.
    pub published: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Where it was read from.
    pub source: String,
    /// The event it belongs to now.
    pub event: i64,
    /// A passage of the body around the matched words.
    pub snippet: String,
    /// Byte ranges of `snippet` that matched.
    pub highlights: Vec<Range<usize>>,
}

/// Counts over the whole store.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Articles stored.
    pub articles: u64,
    /// Live events (merged ones not counted).
    pub events: u64,
    /// Events merged into others.
    pub merged_events: u64,
    /// Events whose dossier waits for recomputation.
    pub stale_dossiers: u64,
    /// Distinct outlets.
    pub outlets: u64,
    /// Articles per language, most first (`?` for unknown).
    pub languages: Vec<(String, u64)>,
    /// Documents in the full-text index (equals `articles` once an
    /// ingest has finished).
    pub indexed: Option<u64>,
    /// Bytes on disk, database and index.
    pub bytes: u64,
}

/// Reads an event id as printed (`e12`) or bare (`12`).
pub fn parse_event_id(s: &str) -> Option<i64> {
    let s = s.trim();
    let digits = s
        .strip_prefix('e')
        .or_else(|| s.strip_prefix('E'))
        .unwrap_or(s);
    digits.parse().ok().filter(|&n: &i64| n > 0)
}

impl Store {
    /// The live events, largest first, at most `limit`.
    pub fn events(&self, limit: usize) -> Result<Vec<EventSummary>, StoreError> {
        self.events_by(EventOrder::Size, limit)
    }

    /// The live events in an order, at most `limit`.
    pub fn events_by(
        &self,
        order: EventOrder,
        limit: usize,
    ) -> Result<Vec<EventSummary>, StoreError> {
        let order_by = match order {
            EventOrder::Size => "size DESC, id",
            EventOrder::Recent => "last_day IS NULL, last_day DESC, id DESC",
        };
        let mut stmt = self.conn.prepare(&format!(
            "SELECT id, size, origins, first_day, last_day, conflicts, title, dirty \
             FROM events WHERE merged_into IS NULL AND size > 0 \
             ORDER BY {order_by} LIMIT ?1"
        ))?;
        let rows = stmt.query_map([limit.min(i64::MAX as usize) as i64], |r| {
            Ok(EventSummary {
                id: r.get(0)?,
                size: r.get::<_, i64>(1)?.max(0) as u64,
                origins: r.get::<_, i64>(2)?.max(0) as u64,
                first: r.get::<_, Option<i64>>(3)?.and_then(date_of),
                last: r.get::<_, Option<i64>>(4)?.and_then(date_of),
                conflicts: r.get::<_, i64>(5)?.max(0) as u64,
                title: r.get(6)?,
                stale: r.get::<_, i64>(7)? != 0,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The articles of an event (a merged id resolves to its event) in
    /// arrival order, at most `limit`; with the event's resolved id.
    pub fn event_articles(
        &self,
        id: i64,
        limit: usize,
    ) -> Result<(i64, Vec<EventArticle>), StoreError> {
        let id = self.resolve_event(id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, source, outlet, published, language, title FROM articles \
             WHERE event = ?1 ORDER BY seq LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![id, limit.min(i64::MAX as usize) as i64], |r| {
            Ok(EventArticle {
                id: r.get(0)?,
                source: r.get(1)?,
                outlet: r.get(2)?,
                published: r.get(3)?,
                language: r.get(4)?,
                title: r.get(5)?,
            })
        })?;
        Ok((id, rows.collect::<Result<_, _>>()?))
    }

    /// The event an article is in now, by article id; `None` when the
    /// store has no such article.
    pub fn article_event(&self, id: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT event FROM articles WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    /// The live event an id stands for (itself, or the event it was merged
    /// into).
    pub fn resolve_event(&self, id: i64) -> Result<i64, StoreError> {
        let merged: Option<Option<i64>> = self
            .conn
            .query_row("SELECT merged_into FROM events WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        match merged {
            None => Err(StoreError::NoEvent(format!("e{id}"))),
            Some(None) => Ok(id),
            Some(Some(into)) => Ok(into),
        }
    }

    /// The dossier of an event (merged ids resolve to their event). A
    /// dossier not stored yet (an ingest is under way, or it was
    /// interrupted) is computed on the spot from the stored articles.
    pub fn dossier(&self, id: i64) -> Result<(i64, Dossier), StoreError> {
        self.dossier_with(id, None)
    }

    /// [`Store::dossier`], or with `max_articles` set, a dossier computed
    /// now over up to that many of the event's articles (earliest first):
    /// a stored dossier covers at most
    /// [`crate::IngestOptions::dossier_max_articles`] of a large event.
    pub fn dossier_with(
        &self,
        id: i64,
        max_articles: Option<usize>,
    ) -> Result<(i64, Dossier), StoreError> {
        let id = self.resolve_event(id)?;
        let packed: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT d.packed FROM events e JOIN dossiers d ON d.event = e.id \
                 WHERE e.id = ?1 AND e.dirty = 0",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .flatten()
            .filter(|_| max_articles.is_none());
        let Some(packed) = packed else {
            let opts = crate::IngestOptions::default();
            let cap = max_articles.unwrap_or(opts.dossier_max_articles).max(1);
            let mut stmt = self
                .conn
                .prepare("SELECT text, doc FROM articles WHERE event = ?1 ORDER BY seq LIMIT ?2")?;
            let mut rows = stmt.query(params![id, cap.min(i64::MAX as usize) as i64])?;
            let mut articles = Vec::new();
            while let Some(r) = rows.next()? {
                articles.push(db::article_from(r.get(0)?, &r.get::<_, Vec<u8>>(1)?)?);
            }
            if articles.is_empty() {
                return Err(StoreError::NoEvent(format!("e{id}")));
            }
            return Ok((
                id,
                crosswire_crosscheck::crosscheck(articles, &opts.crosscheck),
            ));
        };
        let mut dossier: Dossier = serde_json::from_str(&db::unpack(&packed)?)
            .map_err(|e| StoreError::Data(e.to_string()))?;
        let mut text = self
            .conn
            .prepare_cached("SELECT text FROM articles WHERE id = ?1")?;
        for a in &mut dossier.articles {
            a.text = text
                .query_row([&a.id], |r| r.get(0))
                .optional()?
                .unwrap_or_default();
        }
        Ok((id, dossier))
    }

    /// Full-text search with filters, best match first.
    pub fn search(&self, q: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        let Some(text) = self.text.as_ref() else {
            return Err(StoreError::Index {
                path: self.dir.join(db::INDEX_DIR),
                detail: "the text index is missing; `crosswire ingest` rebuilds it".into(),
            });
        };
        // The index keeps the event an article joined first. Merges and
        // splits move articles since, so the filter asks for every first
        // event of the event's articles, and hits are checked against
        // where each article is now.
        let root = q.event.map(|e| self.resolve_event(e)).transpose()?;
        let events: Option<Vec<u64>> = match root {
            None => None,
            Some(root) => {
                let mut stmt = self
                    .conn
                    .prepare("SELECT DISTINCT first_event FROM articles WHERE event = ?1")?;
                let ids = stmt.query_map([root], |r| r.get::<_, i64>(0))?;
                Some(
                    ids.collect::<Result<Vec<_>, _>>()?
                        .into_iter()
                        .map(|i| i as u64)
                        .collect(),
                )
            }
        };
        let iq = IndexQuery {
            text: &q.text,
            from: q.from.map(day_of),
            to: q.to.map(day_of),
            outlet: q.outlet.as_deref(),
            language: q.language.as_deref(),
            events: events.as_deref(),
            limit: q.limit,
        };
        let found = text.search(&iq)?;
        let snippets = text.snippets(&iq);
        let mut row = self.conn.prepare_cached(
            "SELECT id, published, outlet, title, source, event, text FROM articles WHERE seq = ?1",
        )?;
        let mut hits = Vec::with_capacity(found.len());
        for (score, seq) in found {
            let Some((id, published, outlet, title, source, event, body)) = row
                .query_row([seq as i64], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, Option<String>>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, i64>(5)?,
                        r.get::<_, String>(6)?,
                    ))
                })
                .optional()?
            else {
                continue;
            };
            if root.is_some_and(|r| r != event) {
                continue;
            }
            let (snippet, highlights) = match &snippets {
                Some(g) => {
                    let s = g.snippet(&body);
                    if s.fragment().is_empty() {
                        (lead(&body), Vec::new())
                    } else {
                        (s.fragment().to_string(), s.highlighted().to_vec())
                    }
                }
                None => (lead(&body), Vec::new()),
            };
            hits.push(SearchHit {
                id,
                score,
                published,
                outlet,
                title,
                source,
                event,
                snippet,
                highlights,
            });
        }
        Ok(hits)
    }

    /// Counts over the store.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let one = |sql: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))?.max(0) as u64)
        };
        let mut stmt = self.conn.prepare(
            "SELECT coalesce(language, '?'), count(*) FROM articles \
             GROUP BY 1 ORDER BY 2 DESC, 1",
        )?;
        let languages = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?.max(0) as u64)))?
            .collect::<Result<_, _>>()?;
        Ok(Stats {
            articles: one("SELECT count(*) FROM articles")?,
            events: one("SELECT count(*) FROM events WHERE merged_into IS NULL AND size > 0")?,
            merged_events: one("SELECT count(*) FROM events WHERE merged_into IS NOT NULL")?,
            stale_dossiers: one(
                "SELECT count(*) FROM events WHERE dirty = 1 AND merged_into IS NULL",
            )?,
            outlets: one("SELECT count(DISTINCT outlet) FROM articles")?,
            languages,
            indexed: self.text.as_ref().map(|t| t.num_docs()),
            bytes: db::dir_size(&self.dir),
        })
    }
}

/// The opening of a body, when no words matched (a filter-only search).
fn lead(body: &str) -> String {
    let mut end = body.len().min(160);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    body[..end].replace('\n', " ")
}
