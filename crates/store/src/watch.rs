//! Watches and alerts, kept in the store's database so that every server
//! over one store (and every restart) sees the same ones.
//!
//! A watch names an event or a saved query. The server computes, for each
//! watched event, a digest of its dossier (conflicts, revised figures,
//! origins), keeps the last one here, and records an alert for whatever
//! the next digest adds. Alerts have increasing ids, which the server's
//! event stream and Atom feeds page by; a watch with a webhook gets a
//! delivery row per alert, retried until the receiver accepts it.

use crate::{Store, StoreError};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

/// Tables of schema version 3 (see `db::migrate`).
pub(crate) const WATCH_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS watches (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    name     TEXT NOT NULL,
    target   TEXT NOT NULL,
    webhook  TEXT,
    secret   TEXT,
    created  INTEGER NOT NULL
);
-- The last dossier digest the server saw for each watched event.
CREATE TABLE IF NOT EXISTS watch_state (
    watch   INTEGER NOT NULL,
    event   INTEGER NOT NULL,
    digest  TEXT NOT NULL,
    PRIMARY KEY (watch, event)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS alerts (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    watch    INTEGER NOT NULL,
    event    INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    summary  TEXT NOT NULL,
    detail   TEXT NOT NULL,
    key      TEXT NOT NULL UNIQUE,
    created  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS alerts_watch ON alerts(watch, id);
-- Webhook deliveries: one per alert of a watch with a webhook, until the
-- receiver answers 2xx (done) or the attempts run out (failed).
CREATE TABLE IF NOT EXISTS deliveries (
    alert      INTEGER PRIMARY KEY,
    attempts   INTEGER NOT NULL DEFAULT 0,
    next_at    INTEGER NOT NULL,
    done_at    INTEGER,
    failed     INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries(next_at)
    WHERE done_at IS NULL AND failed = 0;
";

/// A query saved in a watch: the search syntax and its filters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedQuery {
    /// Words, as for search.
    pub text: String,
    /// Published on or after this day (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<chrono::NaiveDate>,
    /// Published on or before this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<chrono::NaiveDate>,
    /// Outlet (case ignored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Language (ISO 639-1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// What a watch follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WatchTarget {
    /// One event (a merged id follows the event it was merged into).
    Event {
        /// The event id.
        event: i64,
    },
    /// Every event with an article matching a query.
    Query {
        /// The query.
        query: SavedQuery,
    },
}

/// A stored watch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Watch {
    /// Its id.
    pub id: i64,
    /// A name for people.
    pub name: String,
    /// What it follows.
    pub target: WatchTarget,
    /// Where alerts are POSTed, if anywhere.
    pub webhook: Option<String>,
    /// The key the webhook bodies are signed with (HMAC-SHA256); never
    /// serialized.
    #[serde(skip)]
    pub secret: Option<String>,
    /// When it was made (unix seconds).
    pub created: i64,
}

/// What changed in a watched event's dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    /// A figure slot or a quote group became a conflict, or a conflict
    /// gained a value.
    NewConflict,
    /// A figure changed over time: a revised slot gained a value.
    FigureRevised,
    /// An independent origin the dossier did not have reports the event.
    NewOrigin,
}

impl AlertKind {
    /// The name stored and shown.
    pub fn name(self) -> &'static str {
        match self {
            AlertKind::NewConflict => "new_conflict",
            AlertKind::FigureRevised => "figure_revised",
            AlertKind::NewOrigin => "new_origin",
        }
    }

    fn parse(s: &str) -> Option<AlertKind> {
        Some(match s {
            "new_conflict" => AlertKind::NewConflict,
            "figure_revised" => AlertKind::FigureRevised,
            "new_origin" => AlertKind::NewOrigin,
            _ => return None,
        })
    }
}

/// An alert to record.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAlert {
    /// The event it is about.
    pub event: i64,
    /// What changed.
    pub kind: AlertKind,
    /// One line for people.
    pub summary: String,
    /// The change as JSON (values, origins).
    pub detail: serde_json::Value,
    /// Identifies the change itself: recording the same change twice (two
    /// servers over one store) keeps one alert.
    pub key: String,
}

/// A recorded alert.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alert {
    /// Increasing id.
    pub id: i64,
    /// The watch it was raised for.
    pub watch: i64,
    /// The event it is about.
    pub event: i64,
    /// What changed.
    pub kind: AlertKind,
    /// One line for people.
    pub summary: String,
    /// The change as JSON.
    pub detail: serde_json::Value,
    /// The idempotency key: the same for every delivery of this alert.
    pub key: String,
    /// When it was recorded (unix seconds).
    pub created: i64,
}

/// A webhook delivery waiting to be (re)tried.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    /// The alert to deliver.
    pub alert: Alert,
    /// Where to.
    pub url: String,
    /// The signing key.
    pub secret: Option<String>,
    /// Attempts made so far.
    pub attempts: u32,
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn data_err(e: serde_json::Error) -> StoreError {
    StoreError::Data(e.to_string())
}

fn watch_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Watch, String)> {
    Ok((
        Watch {
            id: r.get(0)?,
            name: r.get(1)?,
            target: WatchTarget::Event { event: 0 },
            webhook: r.get(3)?,
            secret: r.get(4)?,
            created: r.get(5)?,
        },
        r.get(2)?,
    ))
}

fn finish_watch((mut w, target): (Watch, String)) -> Result<Watch, StoreError> {
    w.target = serde_json::from_str(&target).map_err(data_err)?;
    Ok(w)
}

fn alert_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Alert, String, String)> {
    Ok((
        Alert {
            id: r.get(0)?,
            watch: r.get(1)?,
            event: r.get(2)?,
            kind: AlertKind::NewConflict,
            summary: r.get(4)?,
            detail: serde_json::Value::Null,
            key: r.get(6)?,
            created: r.get(7)?,
        },
        r.get(3)?,
        r.get(5)?,
    ))
}

fn finish_alert((mut a, kind, detail): (Alert, String, String)) -> Result<Alert, StoreError> {
    a.kind = AlertKind::parse(&kind)
        .ok_or_else(|| StoreError::Data(format!("unknown alert kind {kind:?}")))?;
    a.detail = serde_json::from_str(&detail).map_err(data_err)?;
    Ok(a)
}

const ALERT_COLUMNS: &str = "a.id, a.watch, a.event, a.kind, a.summary, a.detail, a.key, a.created";

impl Store {
    /// Stores a new watch.
    pub fn add_watch(
        &self,
        name: &str,
        target: &WatchTarget,
        webhook: Option<&str>,
        secret: Option<&str>,
    ) -> Result<Watch, StoreError> {
        let created = now();
        let json = serde_json::to_string(target).map_err(data_err)?;
        self.conn.execute(
            "INSERT INTO watches (name, target, webhook, secret, created) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![name, json, webhook, secret, created],
        )?;
        Ok(Watch {
            id: self.conn.last_insert_rowid(),
            name: name.to_string(),
            target: target.clone(),
            webhook: webhook.map(str::to_string),
            secret: secret.map(str::to_string),
            created,
        })
    }

    /// Every watch, oldest first.
    pub fn watches(&self) -> Result<Vec<Watch>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, target, webhook, secret, created FROM watches ORDER BY id",
        )?;
        let rows = stmt.query_map([], watch_from)?;
        rows.map(|r| finish_watch(r?)).collect()
    }

    /// One watch.
    pub fn watch(&self, id: i64) -> Result<Option<Watch>, StoreError> {
        self.conn
            .prepare_cached(
                "SELECT id, name, target, webhook, secret, created FROM watches WHERE id = ?1",
            )?
            .query_row([id], watch_from)
            .optional()?
            .map(finish_watch)
            .transpose()
    }

    /// Deletes a watch with its state, alerts and deliveries; false when
    /// there was none.
    pub fn delete_watch(&mut self, id: i64) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM deliveries WHERE alert IN (SELECT id FROM alerts WHERE watch = ?1)",
            [id],
        )?;
        tx.execute("DELETE FROM alerts WHERE watch = ?1", [id])?;
        tx.execute("DELETE FROM watch_state WHERE watch = ?1", [id])?;
        let n = tx.execute("DELETE FROM watches WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(n > 0)
    }

    /// The last digest recorded for a watched event.
    pub fn watch_digest(&self, watch: i64, event: i64) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT digest FROM watch_state WHERE watch = ?1 AND event = ?2")?
            .query_row([watch, event], |r| r.get(0))
            .optional()?)
    }

    /// Records a watched event's new digest and the alerts its change
    /// raised, in one transaction (with a delivery for each when the watch
    /// has a webhook). Returns the alerts recorded; one whose key is
    /// already stored is not recorded again.
    pub fn record_alerts(
        &mut self,
        watch: i64,
        event: i64,
        digest: &str,
        alerts: &[NewAlert],
    ) -> Result<Vec<Alert>, StoreError> {
        let created = now();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO watch_state (watch, event, digest) VALUES (?1, ?2, ?3) \
             ON CONFLICT (watch, event) DO UPDATE SET digest = excluded.digest",
            params![watch, event, digest],
        )?;
        let hook: bool = tx
            .query_row(
                "SELECT webhook IS NOT NULL FROM watches WHERE id = ?1",
                [watch],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(false);
        let mut out = Vec::new();
        for a in alerts {
            let detail = serde_json::to_string(&a.detail).map_err(data_err)?;
            let n = tx.execute(
                "INSERT OR IGNORE INTO alerts (watch, event, kind, summary, detail, key, created) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    watch,
                    a.event,
                    a.kind.name(),
                    a.summary,
                    detail,
                    a.key,
                    created
                ],
            )?;
            if n == 0 {
                continue;
            }
            let id = tx.last_insert_rowid();
            if hook {
                tx.execute(
                    "INSERT INTO deliveries (alert, next_at) VALUES (?1, ?2)",
                    params![id, created],
                )?;
            }
            out.push(Alert {
                id,
                watch,
                event: a.event,
                kind: a.kind,
                summary: a.summary.clone(),
                detail: a.detail.clone(),
                key: a.key.clone(),
                created,
            });
        }
        tx.commit()?;
        Ok(out)
    }

    /// Alerts with an id above `after`, oldest first, at most `limit`;
    /// only one watch's when `watch` is set.
    pub fn alerts_after(
        &self,
        watch: Option<i64>,
        after: i64,
        limit: usize,
    ) -> Result<Vec<Alert>, StoreError> {
        let limit = limit.min(10_000) as i64;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ALERT_COLUMNS} FROM alerts a \
             WHERE a.id > ?1 AND (?2 IS NULL OR a.watch = ?2) ORDER BY a.id LIMIT ?3"
        ))?;
        let rows = stmt.query_map(params![after, watch, limit], alert_from)?;
        rows.map(|r| finish_alert(r?)).collect()
    }

    /// The latest alerts of one watch, newest first (for its feed).
    pub fn latest_alerts(&self, watch: i64, limit: usize) -> Result<Vec<Alert>, StoreError> {
        let limit = limit.min(10_000) as i64;
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ALERT_COLUMNS} FROM alerts a WHERE a.watch = ?1 ORDER BY a.id DESC LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![watch, limit], alert_from)?;
        rows.map(|r| finish_alert(r?)).collect()
    }

    /// Webhook deliveries due by `now` (unix seconds), at most `limit`.
    pub fn due_deliveries(&self, now: i64, limit: usize) -> Result<Vec<Delivery>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ALERT_COLUMNS}, w.webhook, w.secret, d.attempts FROM deliveries d \
             JOIN alerts a ON a.id = d.alert JOIN watches w ON w.id = a.watch \
             WHERE d.done_at IS NULL AND d.failed = 0 AND d.next_at <= ?1 \
             AND w.webhook IS NOT NULL ORDER BY d.next_at, d.alert LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![now, limit.min(10_000) as i64], |r| {
            Ok((
                alert_from(r)?,
                r.get::<_, String>(8)?,
                r.get::<_, Option<String>>(9)?,
                r.get::<_, i64>(10)?,
            ))
        })?;
        rows.map(|r| {
            let (a, url, secret, attempts) = r?;
            Ok(Delivery {
                alert: finish_alert(a)?,
                url,
                secret,
                attempts: attempts.clamp(0, u32::MAX as i64) as u32,
            })
        })
        .collect()
    }

    /// Records the outcome of a delivery attempt: done, or to be retried
    /// at `retry_at` (unix seconds), or given up (`retry_at` = `None`).
    pub fn delivery_attempted(
        &self,
        alert: i64,
        outcome: Result<(), &str>,
        retry_at: Option<i64>,
    ) -> Result<(), StoreError> {
        match outcome {
            Ok(()) => self.conn.execute(
                "UPDATE deliveries SET attempts = attempts + 1, done_at = ?2, last_error = NULL \
                 WHERE alert = ?1",
                params![alert, now()],
            )?,
            Err(e) => self.conn.execute(
                "UPDATE deliveries SET attempts = attempts + 1, last_error = ?2, \
                 next_at = coalesce(?3, next_at), failed = (?3 IS NULL) WHERE alert = ?1",
                params![alert, e, retry_at],
            )?,
        };
        Ok(())
    }

    /// (attempts, done) of an alert's delivery, if it has one.
    pub fn delivery_status(&self, alert: i64) -> Result<Option<(u32, bool)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT attempts, done_at IS NOT NULL FROM deliveries WHERE alert = ?1",
                [alert],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?.clamp(0, u32::MAX as i64) as u32,
                        r.get(1)?,
                    ))
                },
            )
            .optional()?)
    }
}
