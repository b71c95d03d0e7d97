//! Watches and alerts.
//!
//! A thread polls the store (SQLite's `data_version`, so a commit by any
//! process is seen at the next poll) and, for every watched event whose
//! dossier changed, compares a digest of the new dossier with the last
//! one recorded: a conflict that was not there, a new value of a revised
//! figure, an independent origin that was not there. Each is recorded as
//! an alert and published to the event stream; webhooks are delivered by
//! another thread from the database, so a restart resumes them.

use crate::api::{event_id, API_SCHEMA};
use crate::error::ApiError;
use crate::security;
use crate::State;
use axum::extract::{Path, Query, RawQuery, State as St};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use crosswire_model::dossier::{Dossier, Verdict};
use crosswire_store::{Alert, AlertKind, NewAlert, SavedQuery, SearchQuery, Store, WatchTarget};
use futures_util::stream::{self, Stream, StreamExt};
use hmac::Mac;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::convert::Infallible;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;
use utoipa::{IntoParams, ToSchema};

/// What the live stream carries.
#[derive(Debug, Clone)]
pub(crate) enum Live {
    /// A new alert.
    Alert(Alert),
    /// The store changed (new articles, new dossiers): pages may reload.
    Store {
        /// The highest article sequence number now.
        last_seq: i64,
    },
}

/// The alert computation's shared side: the broadcast of live news, and
/// flags between the handlers and the threads.
pub(crate) struct Hub {
    pub tx: broadcast::Sender<Live>,
    /// Set when a watch is added: the next poll looks even if the store
    /// did not change.
    pub watches_changed: AtomicBool,
    stop: Arc<AtomicBool>,
}

impl Hub {
    pub fn new() -> Hub {
        Hub {
            tx: broadcast::channel(1024).0,
            watches_changed: AtomicBool::new(true),
            stop: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Stops the threads at their next round.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Starts the watcher and the webhook thread.
pub(crate) fn spawn(state: State) {
    let s = state.clone();
    std::thread::Builder::new()
        .name("crosswire-alerts".into())
        .spawn(move || watcher(s))
        .ok();
    std::thread::Builder::new()
        .name("crosswire-webhooks".into())
        .spawn(move || deliverer(state))
        .ok();
}

/// What a dossier says that an alert may be about.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Digest {
    /// Conflicting slots (`figure: LABEL`, `quote: SPEAKER`) with their
    /// values.
    pub conflicts: BTreeMap<String, BTreeSet<String>>,
    /// Revised figures with their values (and the day each refers to).
    pub revised: BTreeMap<String, BTreeSet<String>>,
    /// Independent origins by label.
    pub origins: BTreeSet<String>,
}

impl Digest {
    pub fn of(d: &Dossier) -> Digest {
        let mut g = Digest::default();
        for slot in &d.figures {
            let values = || -> BTreeSet<String> {
                slot.values
                    .iter()
                    .map(|v| match &v.as_of {
                        Some(day) => format!("{} (as of {day})", v.text),
                        None => v.text.clone(),
                    })
                    .collect()
            };
            match slot.verdict {
                Verdict::Conflict => {
                    g.conflicts
                        .insert(format!("figure: {}", slot.label), values());
                }
                Verdict::Revised => {
                    g.revised.insert(slot.label.clone(), values());
                }
                _ => {}
            }
        }
        for q in &d.quotes {
            if q.verdict == Verdict::Conflict {
                let who = q.speaker.as_deref().unwrap_or("unattributed");
                g.conflicts.insert(
                    format!("quote: {who}"),
                    q.variants.iter().map(|v| v.text.clone()).collect(),
                );
            }
        }
        g.origins = d.origins.iter().map(|o| o.label.clone()).collect();
        g
    }

    /// The alerts for what `self` adds to `before`.
    pub fn changes(&self, before: &Digest, watch: i64, event: i64) -> Vec<NewAlert> {
        let mut out = Vec::new();
        let key = |kind: AlertKind, what: &str, values: &BTreeSet<String>| {
            let mut h = blake3::Hasher::new();
            for part in [&watch.to_string(), &event.to_string(), kind.name(), what] {
                h.update(part.as_bytes());
                h.update(b"\x1f");
            }
            for v in values {
                h.update(v.as_bytes());
                h.update(b"\x1f");
            }
            h.finalize().to_hex()[..32].to_string()
        };
        for (what, values) in &self.conflicts {
            let old = before.conflicts.get(what);
            let added: BTreeSet<String> = values
                .iter()
                .filter(|v| old.is_none_or(|o| !o.contains(*v)))
                .cloned()
                .collect();
            if added.is_empty() {
                continue;
            }
            let summary = match old {
                None => format!("e{event}: new conflict on {what}: {}", join(values)),
                Some(_) => format!("e{event}: the conflict on {what} gained {}", join(&added)),
            };
            out.push(NewAlert {
                event,
                kind: AlertKind::NewConflict,
                summary,
                detail: serde_json::json!({ "slot": what, "values": values, "added": added }),
                key: key(AlertKind::NewConflict, what, values),
            });
        }
        for (label, values) in &self.revised {
            let old = before.revised.get(label);
            let added: BTreeSet<String> = values
                .iter()
                .filter(|v| old.is_none_or(|o| !o.contains(*v)))
                .cloned()
                .collect();
            if added.is_empty() {
                continue;
            }
            out.push(NewAlert {
                event,
                kind: AlertKind::FigureRevised,
                summary: format!("e{event}: {label} revised: {}", join(values)),
                detail: serde_json::json!({ "figure": label, "values": values, "added": added }),
                key: key(AlertKind::FigureRevised, label, values),
            });
        }
        let new_origins: BTreeSet<String> =
            self.origins.difference(&before.origins).cloned().collect();
        if !new_origins.is_empty() {
            out.push(NewAlert {
                event,
                kind: AlertKind::NewOrigin,
                summary: format!(
                    "e{event}: reported by a new independent origin: {}",
                    join(&new_origins)
                ),
                detail: serde_json::json!({ "origins": new_origins, "count": self.origins.len() }),
                key: key(AlertKind::NewOrigin, "origins", &new_origins),
            });
        }
        out
    }
}

fn join(values: &BTreeSet<String>) -> String {
    values
        .iter()
        .map(|v| format!("\u{201c}{v}\u{201d}"))
        .collect::<Vec<_>>()
        .join(" vs ")
}

/// Events a saved query follows, at most.
const QUERY_EVENTS: usize = 50;

/// The alert computation's loop.
fn watcher(state: State) {
    let hub = &state.alerts;
    let mut store = match Store::open_read_only(&state.config.db) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("crosswire: alerts are off: {e}");
            return;
        }
    };
    let mut seen_version = i64::MIN;
    // (watch, event) -> the event version last looked at: an unchanged
    // event is not cross-checked again.
    let mut looked: HashMap<(i64, i64), crosswire_store::EventVersion> = HashMap::new();
    while !hub.stop.load(Ordering::Relaxed) {
        std::thread::sleep(state.config.alert_poll);
        let version = store.data_version().unwrap_or(seen_version);
        let watches_changed = hub.watches_changed.swap(false, Ordering::Relaxed);
        if version == seen_version && !watches_changed {
            continue;
        }
        seen_version = version;
        let _ = store.refresh();
        if let Ok(last_seq) = store.last_seq() {
            let _ = hub.tx.send(Live::Store { last_seq });
        }
        if let Err(e) = round(&mut store, hub, &mut looked) {
            eprintln!("crosswire: computing alerts: {e}");
        }
    }
}

fn round(
    store: &mut Store,
    hub: &Hub,
    looked: &mut HashMap<(i64, i64), crosswire_store::EventVersion>,
) -> Result<(), crosswire_store::StoreError> {
    for w in store.watches()? {
        let events: Vec<i64> = match &w.target {
            WatchTarget::Event { event } => match store.resolve_event(*event) {
                Ok(e) => vec![e],
                Err(_) => continue,
            },
            WatchTarget::Query { query } => {
                // One watch's unusable query must not stop the others.
                let Ok(hits) = store.search(&search_of(query)) else {
                    continue;
                };
                let mut ids = Vec::new();
                for h in hits {
                    if !ids.contains(&h.event) {
                        ids.push(h.event);
                    }
                    if ids.len() >= QUERY_EVENTS {
                        break;
                    }
                }
                ids
            }
        };
        for event in events {
            let Ok(version) = store.event_version(event) else {
                continue;
            };
            if looked.get(&(w.id, event)) == Some(&version) {
                continue;
            }
            let (id, dossier) = store.dossier(event)?;
            let digest = Digest::of(&dossier);
            let json = serde_json::to_string(&digest)
                .map_err(|e| crosswire_store::StoreError::Data(e.to_string()))?;
            let before = store.watch_digest(w.id, id)?;
            looked.insert((w.id, event), version);
            if before.as_deref() == Some(json.as_str()) {
                continue;
            }
            // The first look at an event sets its baseline: what it
            // already says is not news.
            let alerts = match before.and_then(|b| serde_json::from_str::<Digest>(&b).ok()) {
                Some(b) => digest.changes(&b, w.id, id),
                None => Vec::new(),
            };
            for a in store.record_alerts(w.id, id, &json, &alerts)? {
                let _ = hub.tx.send(Live::Alert(a));
            }
        }
    }
    Ok(())
}

fn search_of(q: &SavedQuery) -> SearchQuery {
    SearchQuery {
        text: if q.text.trim().is_empty() {
            "*".into()
        } else {
            q.text.clone()
        },
        from: q.from,
        to: q.to,
        outlet: q.outlet.clone(),
        language: q.language.clone(),
        event: None,
        limit: 200,
    }
}

/// Attempts per webhook delivery before it is given up.
const MAX_ATTEMPTS: u32 = 10;

/// Seconds before the next attempt after `attempts` failed ones: 1, 2, 4,
/// ... up to an hour.
pub(crate) fn backoff(attempts: u32) -> i64 {
    1i64 << attempts.min(12).saturating_sub(1).min(11)
}

/// The webhook loop: delivers due alerts, at least once each.
fn deliverer(state: State) {
    let hub = &state.alerts;
    let store = match Store::open_read_only(&state.config.db) {
        Ok(s) => s,
        Err(_) => return,
    };
    let policy = if state.config.allow_private_addresses {
        crosswire_ingest::AddressPolicy::Any
    } else {
        crosswire_ingest::AddressPolicy::PublicOnly
    };
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .redirects(0)
        .resolver(GuardedResolver(policy))
        .build();
    while !hub.stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(250));
        let now = chrono::Utc::now().timestamp();
        let Ok(due) = store.due_deliveries(now, 16) else {
            continue;
        };
        for d in due {
            let body = alert_body(&d.alert);
            let mut req = agent
                .post(&d.url)
                .set("Content-Type", "application/json")
                .set("Idempotency-Key", &d.alert.key)
                .set("X-Crosswire-Attempt", &(d.attempts + 1).to_string());
            if let Some(secret) = &d.secret {
                req = req.set(
                    "X-Crosswire-Signature",
                    &format!("sha256={}", sign(secret, &body)),
                );
            }
            let outcome = match req.send_bytes(&body) {
                Ok(r) if (200..300).contains(&r.status()) => Ok(()),
                Ok(r) => Err(format!("HTTP {}", r.status())),
                Err(ureq::Error::Status(code, _)) => Err(format!("HTTP {code}")),
                Err(e) => Err(e.to_string()),
            };
            let attempts = d.attempts + 1;
            let retry = (attempts < MAX_ATTEMPTS).then(|| now + backoff(attempts));
            let _ = store.delivery_attempted(
                d.alert.id,
                outcome.as_ref().map(|_| ()).map_err(String::as_str),
                retry,
            );
        }
    }
}

/// Resolves like the system, then keeps only the addresses the policy
/// allows: the address checked is the address connected to.
struct GuardedResolver(crosswire_ingest::AddressPolicy);

impl ureq::Resolver for GuardedResolver {
    fn resolve(&self, netloc: &str) -> std::io::Result<Vec<std::net::SocketAddr>> {
        use std::net::ToSocketAddrs;
        let allowed: Vec<_> = netloc
            .to_socket_addrs()?
            .filter(|a| self.0.allows(a.ip()))
            .collect();
        if allowed.is_empty() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                format!("{netloc}: refused: not a public address (--allow-private-addresses)"),
            ));
        }
        Ok(allowed)
    }
}

/// The HMAC-SHA256 of a body, in hex.
pub fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = match hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(m) => m,
        // HMAC takes keys of any length; this arm is never taken.
        Err(_) => return String::new(),
    };
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// The JSON body of a webhook delivery.
fn alert_body(a: &Alert) -> Vec<u8> {
    serde_json::to_vec(&AlertAnswer::from(a)).unwrap_or_default()
}

/// An alert as the API shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub(crate) struct AlertAnswer {
    /// `crosswire-alert/1`.
    pub schema: &'static str,
    /// Increasing id (the SSE event id).
    pub id: i64,
    /// The watch.
    pub watch: i64,
    /// The event.
    pub event: i64,
    /// `new_conflict`, `figure_revised` or `new_origin`.
    pub kind: String,
    /// One line.
    pub summary: String,
    /// The change: slot, values, values added, origins.
    #[schema(value_type = Object)]
    pub detail: serde_json::Value,
    /// Idempotency key: the same on every delivery of this alert.
    pub key: String,
    /// When it was raised (RFC 3339).
    pub created: String,
}

impl From<&Alert> for AlertAnswer {
    fn from(a: &Alert) -> AlertAnswer {
        AlertAnswer {
            schema: "crosswire-alert/1",
            id: a.id,
            watch: a.watch,
            event: a.event,
            kind: a.kind.name().to_string(),
            summary: a.summary.clone(),
            detail: a.detail.clone(),
            key: a.key.clone(),
            created: rfc3339(a.created),
        }
    }
}

fn rfc3339(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A new watch: an event, or a saved query.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct WatchRequest {
    /// A name for people (default: the event or the words).
    pub name: Option<String>,
    /// The event to watch (`12` or `e12`).
    pub event: Option<String>,
    /// Or: the words of a saved query (search syntax).
    pub q: Option<String>,
    /// The query's filters.
    pub from: Option<chrono::NaiveDate>,
    /// Published on or before.
    pub to: Option<chrono::NaiveDate>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Language.
    pub lang: Option<String>,
    /// An http(s) URL alerts are POSTed to.
    pub webhook: Option<String>,
    /// The HMAC key for the webhook's signature (generated when absent,
    /// and shown once).
    pub secret: Option<String>,
}

/// A watch.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct WatchAnswer {
    /// `crosswire-api/1`.
    pub schema: &'static str,
    /// Its id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// `{"kind": "event", "event": 12}` or `{"kind": "query", "query": {...}}`.
    #[schema(value_type = Object)]
    pub target: WatchTarget,
    /// The webhook, if any.
    pub webhook: Option<String>,
    /// The webhook's signing key: only in the answer that created it.
    pub secret: Option<String>,
    /// Its Atom feed.
    pub feed: String,
    /// When it was made (RFC 3339).
    pub created: String,
}

fn watch_answer(w: &crosswire_store::Watch, with_secret: bool) -> WatchAnswer {
    WatchAnswer {
        schema: API_SCHEMA,
        id: w.id,
        name: w.name.clone(),
        target: w.target.clone(),
        webhook: w.webhook.clone(),
        secret: if with_secret { w.secret.clone() } else { None },
        feed: format!("/api/v1/watches/{}/feed.atom", w.id),
        created: rfc3339(w.created),
    }
}

/// A secret nobody can guess: 256 bits from the OS's randomness (which
/// seeds the standard library's hasher keys).
fn new_secret() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = blake3::Hasher::new();
    for i in 0..4u64 {
        let mut s = std::collections::hash_map::RandomState::new().build_hasher();
        s.write_u64(i);
        h.update(&s.finish().to_le_bytes());
    }
    h.update(
        &chrono::Utc::now()
            .timestamp_nanos_opt()
            .unwrap_or(0)
            .to_le_bytes(),
    );
    h.finalize().to_hex()[..48].to_string()
}

/// Every watch.
#[utoipa::path(get, path = "/api/v1/watches", security(("bearer" = [])), responses(
    (status = 200, description = "The watches", body = Vec<WatchAnswer>),
    (status = 401, description = "The server has a token and it was not given")
))]
pub(crate) async fn list_watches(
    St(state): St<State>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Json<Vec<WatchAnswer>>, ApiError> {
    security::require_watch(&state.config, &headers, query.as_deref())?;
    let watches = state.pool.with(|s| Ok(s.watches()?)).await?;
    Ok(Json(
        watches.iter().map(|w| watch_answer(w, false)).collect(),
    ))
}

/// Adds a watch on an event or a saved query.
#[utoipa::path(post, path = "/api/v1/watches", request_body = WatchRequest, security(("bearer" = [])), responses(
    (status = 201, description = "Made", body = WatchAnswer),
    (status = 400, description = "Neither or both of event and q, or a bad webhook URL"),
    (status = 401, description = "The server has a token and it was not given")
))]
pub(crate) async fn create_watch(
    St(state): St<State>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Json(req): Json<WatchRequest>,
) -> Result<Response, ApiError> {
    security::require_watch(&state.config, &headers, query.as_deref())?;
    let target = match (&req.event, &req.q) {
        (Some(e), None) => WatchTarget::Event {
            event: event_id(e).map_err(|e| ApiError::bad_request(e.message))?,
        },
        (None, Some(q)) => WatchTarget::Query {
            query: SavedQuery {
                text: q.clone(),
                from: req.from,
                to: req.to,
                outlet: req.outlet.clone(),
                language: req.lang.clone(),
            },
        },
        _ => return Err(ApiError::bad_request("give either event or q")),
    };
    if let Some(hook) = &req.webhook {
        let ok = url::Url::parse(hook)
            .map(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .unwrap_or(false);
        if !ok {
            return Err(ApiError::bad_request("webhook: expected an http(s) URL"));
        }
    }
    let name = req.name.clone().unwrap_or_else(|| match &target {
        WatchTarget::Event { event } => format!("e{event}"),
        WatchTarget::Query { query } => query.text.clone(),
    });
    let secret = req
        .webhook
        .as_ref()
        .map(|_| req.secret.clone().unwrap_or_else(new_secret));
    let webhook = req.webhook.clone();
    let w = state
        .pool
        .with(move |s| {
            if let WatchTarget::Event { event } = &target {
                s.resolve_event(*event)?;
            }
            Ok(s.add_watch(&name, &target, webhook.as_deref(), secret.as_deref())?)
        })
        .await?;
    state.alerts.watches_changed.store(true, Ordering::Relaxed);
    Ok((StatusCode::CREATED, Json(watch_answer(&w, true))).into_response())
}

/// One watch.
#[utoipa::path(get, path = "/api/v1/watches/{id}", params(("id" = i64, Path, description = "Watch id")),
    security(("bearer" = [])), responses(
    (status = 200, description = "The watch", body = WatchAnswer),
    (status = 404, description = "No such watch")
))]
pub(crate) async fn get_watch(
    St(state): St<State>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<i64>,
) -> Result<Json<WatchAnswer>, ApiError> {
    security::require_watch(&state.config, &headers, query.as_deref())?;
    let w = state.pool.with(move |s| Ok(s.watch(id)?)).await?;
    let w = w.ok_or_else(|| ApiError::not_found(format!("no watch {id}")))?;
    Ok(Json(watch_answer(&w, false)))
}

/// Deletes a watch and its alerts.
#[utoipa::path(delete, path = "/api/v1/watches/{id}", params(("id" = i64, Path, description = "Watch id")),
    security(("bearer" = [])), responses(
    (status = 204, description = "Deleted"),
    (status = 404, description = "No such watch")
))]
pub(crate) async fn delete_watch(
    St(state): St<State>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    security::require_watch(&state.config, &headers, query.as_deref())?;
    let gone = state.pool.with(move |s| Ok(s.delete_watch(id)?)).await?;
    if gone {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found(format!("no watch {id}")))
    }
}

/// Which alerts.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct AlertParams {
    /// Only this watch's.
    pub watch: Option<i64>,
    /// Only alerts with a higher id (the stream also reads Last-Event-ID).
    pub after: Option<i64>,
    /// At most this many (default 100, at most 1000).
    pub limit: Option<usize>,
    /// The token, for clients that cannot send a header (EventSource).
    // Read from the raw query by `security`; declared here for the
    // OpenAPI document.
    #[allow(dead_code)]
    pub access_token: Option<String>,
}

/// A list of alerts.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct AlertList {
    /// `crosswire-api/1`.
    pub schema: &'static str,
    /// Oldest first.
    pub alerts: Vec<AlertAnswer>,
}

/// Alerts after an id, oldest first.
#[utoipa::path(get, path = "/api/v1/alerts", params(AlertParams), security(("bearer" = [])), responses(
    (status = 200, description = "Alerts", body = AlertList)
))]
pub(crate) async fn list_alerts(
    St(state): St<State>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Query(p): Query<AlertParams>,
) -> Result<Json<AlertList>, ApiError> {
    security::require_watch(&state.config, &headers, query.as_deref())?;
    let limit = p.limit.unwrap_or(100).clamp(1, 1000);
    let after = p.after.unwrap_or(0);
    let alerts = state
        .pool
        .with(move |s| Ok(s.alerts_after(p.watch, after, limit)?))
        .await?;
    Ok(Json(AlertList {
        schema: API_SCHEMA,
        alerts: alerts.iter().map(AlertAnswer::from).collect(),
    }))
}

fn sse_alert(a: &Alert) -> Event {
    Event::default()
        .id(a.id.to_string())
        .event("alert")
        .data(serde_json::to_string(&AlertAnswer::from(a)).unwrap_or_default())
}

/// Live alerts (and store changes) as Server-Sent Events: `alert` events
/// (id = alert id; a reconnecting client's Last-Event-ID resumes after
/// it) and `store` events (`{"last_seq": N}`) when articles arrive.
#[utoipa::path(get, path = "/api/v1/alerts/stream", params(AlertParams), security(("bearer" = [])), responses(
    (status = 200, description = "An event stream", content_type = "text/event-stream", body = String)
))]
pub(crate) async fn stream(
    St(state): St<State>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Query(p): Query<AlertParams>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    security::require_watch(&state.config, &headers, query.as_deref())?;
    let resume = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok());
    let after = p.after.or(resume);
    // Subscribed before the replay is read, so nothing falls in between.
    let rx = state.alerts.tx.subscribe();
    let watch = p.watch;
    let replay = match after {
        Some(after) => {
            state
                .pool
                .with(move |s| Ok(s.alerts_after(watch, after, 1000)?))
                .await?
        }
        None => Vec::new(),
    };
    let last = replay.last().map_or(after.unwrap_or(0), |a| a.id);
    let replayed = stream::iter(replay.iter().map(sse_alert).map(Ok).collect::<Vec<_>>());
    let live = tokio_stream::wrappers::BroadcastStream::new(rx).filter_map(move |m| async move {
        match m {
            Ok(Live::Alert(a)) if a.id > last && watch.is_none_or(|w| w == a.watch) => {
                Some(Ok(sse_alert(&a)))
            }
            Ok(Live::Store { last_seq }) => Some(Ok(Event::default()
                .event("store")
                .data(format!("{{\"last_seq\":{last_seq}}}")))),
            _ => None,
        }
    });
    Ok(Sse::new(replayed.chain(live))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

/// Escapes text for XML (element content and attribute values).
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// One watch's alerts as an Atom feed (newest first, 50).
#[utoipa::path(get, path = "/api/v1/watches/{id}/feed.atom",
    params(("id" = i64, Path, description = "Watch id"), ("access_token" = Option<String>, Query, description = "The token, for feed readers that cannot send a header")),
    security(("bearer" = [])), responses(
    (status = 200, description = "An Atom feed", content_type = "application/atom+xml", body = String),
    (status = 404, description = "No such watch")
))]
pub(crate) async fn feed(
    St(state): St<State>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    Path(id): Path<i64>,
) -> Result<Response, ApiError> {
    security::require_watch(&state.config, &headers, query.as_deref())?;
    let (w, alerts) = state
        .pool
        .with(move |s| Ok((s.watch(id)?, s.latest_alerts(id, 50)?)))
        .await?;
    let w = w.ok_or_else(|| ApiError::not_found(format!("no watch {id}")))?;
    let updated = alerts.first().map_or(w.created, |a| a.created);
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    x.push_str(&format!(
        "<id>urn:crosswire:watch:{id}</id>\n<title>crosswire watch: {}</title>\n<updated>{}</updated>\n<link rel=\"alternate\" href=\"/watches\"/>\n",
        xml(&w.name),
        rfc3339(updated)
    ));
    for a in &alerts {
        x.push_str(&format!(
            "<entry>\n<id>urn:crosswire:alert:{}</id>\n<title>{}</title>\n<updated>{}</updated>\n<link rel=\"alternate\" href=\"/events/{}\"/>\n<category term=\"{}\"/>\n<content type=\"text\">{}</content>\n</entry>\n",
            xml(&a.key),
            xml(&a.summary),
            rfc3339(a.created),
            a.event,
            a.kind.name(),
            xml(&serde_json::to_string(&a.detail).unwrap_or_default())
        ));
    }
    x.push_str("</feed>\n");
    let mut r = Response::new(axum::body::Body::from(x));
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[&str]) -> BTreeSet<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn changes_name_what_the_new_digest_adds() {
        let mut before = Digest {
            origins: set(&["Quarry Gazette"]),
            ..Default::default()
        };
        before
            .revised
            .insert("people hurt".into(), set(&["4 (as of 2031-03-02)"]));
        let mut after = before.clone();
        assert!(
            after.changes(&before, 1, 7).is_empty(),
            "no change, no alert"
        );
        after.origins.insert("Fenwick Wire".into());
        after
            .revised
            .get_mut("people hurt")
            .expect("slot")
            .insert("6 (as of 2031-03-03)".into());
        after
            .conflicts
            .insert("figure: barns burned".into(), set(&["3", "5"]));
        let alerts = after.changes(&before, 1, 7);
        let kinds: Vec<AlertKind> = alerts.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            [
                AlertKind::NewConflict,
                AlertKind::FigureRevised,
                AlertKind::NewOrigin
            ]
        );
        assert!(
            alerts[2].summary.contains("Fenwick Wire"),
            "{}",
            alerts[2].summary
        );
        // The same change gives the same key (idempotent recording);
        // another watch, another key.
        assert_eq!(alerts[0].key, after.changes(&before, 1, 7)[0].key);
        assert_ne!(alerts[0].key, after.changes(&before, 2, 7)[0].key);
        // A conflict that gains a value is news again.
        let mut later = after.clone();
        later
            .conflicts
            .get_mut("figure: barns burned")
            .expect("slot")
            .insert("9".into());
        let again = later.changes(&after, 1, 7);
        assert_eq!(again.len(), 1);
        assert!(again[0].summary.contains("gained"), "{}", again[0].summary);
    }

    #[test]
    fn signatures_are_hmac_sha256() {
        // RFC 4231, test case 2.
        assert_eq!(
            sign("Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn backoff_doubles_up_to_a_cap() {
        assert_eq!((1..=4).map(backoff).collect::<Vec<_>>(), [1, 2, 4, 8]);
        assert!(backoff(40) <= 3600);
    }

    #[test]
    fn xml_text_is_escaped() {
        assert_eq!(
            xml("<a href='x'>&\u{1}"),
            "&lt;a href=&apos;x&apos;&gt;&amp;"
        );
    }
}
