//! Reads a long-lived reader needs (the server's): one article with its
//! spans, a filtered and paged event list, and cheap change markers that
//! say when a cached answer is out of date.

use crate::db::{self, date_of, day_of};
use crate::query::EventSummary;
use crate::{SearchQuery, Store, StoreError};
use chrono::NaiveDate;
use crosswire_model::dossier::Dossier;
use crosswire_model::Article;
use rusqlite::{params_from_iter, OptionalExtension};

/// One stored article and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    /// The article, with its text, blocks and spans.
    pub article: Article,
    /// The (live) event it belongs to now.
    pub event: i64,
    /// Its sequence number in the store (the order it was added in).
    pub seq: i64,
}

/// What an event's dossier depends on: two equal versions of one event
/// give the same dossier, so a cached rendering keyed by it stays valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventVersion {
    /// The live event (merged ids resolved).
    pub id: i64,
    /// Articles in it.
    pub size: i64,
    /// Whether its stored dossier waits for recomputation.
    pub dirty: bool,
    /// When the stored dossier was computed (unix seconds).
    pub computed_at: i64,
    /// The size the stored dossier was computed at.
    pub computed_size: i64,
}

/// Which events [`Store::events_filtered`] lists, and from where.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// Events with an article published on or after this day.
    pub from: Option<NaiveDate>,
    /// Events with an article published on or before this day.
    pub to: Option<NaiveDate>,
    /// Events with an article of this outlet (case ignored).
    pub outlet: Option<String>,
    /// Events with an article in this language (ISO 639-1).
    pub language: Option<String>,
    /// Only events with (`true`) or without (`false`) open conflicts.
    pub has_conflicts: Option<bool>,
    /// Events with an article matching these words (the search syntax);
    /// the events of the best 2,000 matches are considered.
    pub text: Option<String>,
    /// Latest first instead of largest first.
    pub recent: bool,
    /// Continue after this (sort key, id), from the last row of the
    /// previous page ([`Store::event_sort_key`]).
    pub after: Option<(i64, i64)>,
    /// Events returned, at most.
    pub limit: usize,
}

/// Search hits a text filter of the event list looks at, at most.
const TEXT_FILTER_HITS: usize = 2000;

impl Store {
    /// Makes the text index show what other processes committed since it
    /// was opened or last refreshed (it is reloaded by hand), opening it
    /// if it did not exist then.
    pub fn refresh(&mut self) -> Result<(), StoreError> {
        match &self.text {
            Some(t) => t.reload(),
            None => {
                self.text =
                    crate::index::TextIndex::open(&self.dir.join(db::INDEX_DIR), false).ok();
                Ok(())
            }
        }
    }

    /// A number that changes whenever another connection commits to the
    /// database (SQLite's `data_version`): a cheap "anything new?" poll.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The highest article sequence number stored (0 when empty).
    pub fn last_seq(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(seq), 0) FROM articles", [], |r| {
                r.get(0)
            })?)
    }

    /// The version of an event's dossier (merged ids resolve).
    pub fn event_version(&self, id: i64) -> Result<EventVersion, StoreError> {
        let id = self.resolve_event(id)?;
        let row = self
            .conn
            .prepare_cached(
                "SELECT size, dirty, computed_at, computed_size FROM events WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok(EventVersion {
                    id,
                    size: r.get(0)?,
                    dirty: r.get::<_, i64>(1)? != 0,
                    computed_at: r.get(2)?,
                    computed_size: r.get(3)?,
                })
            })
            .optional()?;
        row.ok_or_else(|| StoreError::NoEvent(format!("e{id}")))
    }

    /// The last dossier stored for an event even while it waits for
    /// recomputation (`None` when none was ever stored). [`Store::dossier`]
    /// recomputes a pending one on the spot instead: a server under load
    /// answers with this one while an ingest runs.
    pub fn stored_dossier(&self, id: i64) -> Result<Option<Dossier>, StoreError> {
        let id = self.resolve_event(id)?;
        let packed: Option<Vec<u8>> = self
            .conn
            .prepare_cached("SELECT packed FROM dossiers WHERE event = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        let Some(packed) = packed else {
            return Ok(None);
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
        Ok(Some(dossier))
    }

    /// One article by id (its content hash), with its spans; `None` when
    /// the store has no such article.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>, StoreError> {
        let row = self
            .conn
            .prepare_cached("SELECT text, doc, event, seq FROM articles WHERE id = ?1")?
            .query_row([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Vec<u8>>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })
            .optional()?;
        let Some((text, doc, event, seq)) = row else {
            return Ok(None);
        };
        Ok(Some(StoredArticle {
            article: db::article_from(text, &doc)?,
            event,
            seq,
        }))
    }

    /// The sort key of an event in [`Store::events_filtered`]'s order,
    /// for the `after` of the next page.
    pub fn event_sort_key(e: &EventSummary, recent: bool) -> (i64, i64) {
        if recent {
            (e.last.map_or(i64::MIN, day_of), e.id)
        } else {
            (e.size.min(i64::MAX as u64) as i64, e.id)
        }
    }

    /// The live events that pass a filter: largest first (ties by id), or
    /// latest publish day first (undated last, ties by id, newest first).
    pub fn events_filtered(&self, f: &EventFilter) -> Result<Vec<EventSummary>, StoreError> {
        let mut wheres = vec!["merged_into IS NULL".to_string(), "size > 0".to_string()];
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let arg = |v: rusqlite::types::Value, args: &mut Vec<rusqlite::types::Value>| {
            args.push(v);
            format!("?{}", args.len())
        };
        if let Some(d) = f.from {
            let p = arg(day_of(d).into(), &mut args);
            wheres.push(format!("last_day >= {p}"));
        }
        if let Some(d) = f.to {
            let p = arg(day_of(d).into(), &mut args);
            wheres.push(format!("first_day <= {p}"));
        }
        if let Some(o) = &f.outlet {
            let p = arg(o.clone().into(), &mut args);
            wheres.push(format!(
                "EXISTS (SELECT 1 FROM articles a WHERE a.event = e.id \
                 AND a.outlet = {p} COLLATE NOCASE)"
            ));
        }
        if let Some(l) = &f.language {
            let p = arg(l.clone().into(), &mut args);
            wheres.push(format!(
                "EXISTS (SELECT 1 FROM articles a WHERE a.event = e.id \
                 AND a.language = {p} COLLATE NOCASE)"
            ));
        }
        match f.has_conflicts {
            Some(true) => wheres.push("conflicts > 0".into()),
            Some(false) => wheres.push("conflicts = 0".into()),
            None => {}
        }
        if let Some(text) = f.text.as_deref().filter(|t| !t.trim().is_empty()) {
            let mut q = SearchQuery::new(text);
            q.limit = TEXT_FILTER_HITS;
            let mut ids: Vec<i64> = self.search(&q)?.into_iter().map(|h| h.event).collect();
            ids.sort_unstable();
            ids.dedup();
            let json = serde_json::to_string(&ids).map_err(|e| StoreError::Data(e.to_string()))?;
            let p = arg(json.into(), &mut args);
            wheres.push(format!("id IN (SELECT value FROM json_each({p}))"));
        }
        let (key, order) = if f.recent {
            (
                format!("coalesce(last_day, {})", i64::MIN),
                "k DESC, id DESC",
            )
        } else {
            ("size".to_string(), "k DESC, id ASC")
        };
        if let Some((k, id)) = f.after {
            let pk = arg(k.into(), &mut args);
            let pi = arg(id.into(), &mut args);
            let tie = if f.recent { "<" } else { ">" };
            wheres.push(format!(
                "({key} < {pk} OR ({key} = {pk} AND id {tie} {pi}))"
            ));
        }
        let limit = arg((f.limit.min(10_000) as i64).into(), &mut args);
        let sql = format!(
            "SELECT id, size, origins, first_day, last_day, conflicts, title, dirty, {key} AS k \
             FROM events e WHERE {} ORDER BY {order} LIMIT {limit}",
            wheres.join(" AND ")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
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
}
