//! The JSON API (`/api/v1`), its OpenAPI document, and the router that
//! puts it together with the pages.
//!
//! Every answer carries `"schema": "crosswire-api/1"`; a change that
//! breaks a client gets a new path prefix and schema name.

use crate::alerts;
use crate::error::ApiError;
use crate::pages;
use crate::security;
use crate::writer::IngestSummary;
use crate::State;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Path, Query, RawQuery, State as St};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::{Json, Router};
use chrono::NaiveDate;
use crosswire_report::{Format, RenderOptions};
use crosswire_store::{EventFilter, SearchQuery, Store};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

/// The name of the API's shapes, in every answer.
pub(crate) const API_SCHEMA: &str = "crosswire-api/1";

/// Events per page, at most.
const MAX_PAGE: usize = 500;

/// The OpenAPI document of the API.
#[derive(OpenApi)]
#[openapi(
    info(title = "crosswire", description = "Cross-checked news coverage: events, dossiers, articles with the provenance of every figure and quote, search, watches and alerts."),
    paths(
        events, dossier, article, search, stats, health, ingest,
        alerts::list_watches, alerts::create_watch, alerts::get_watch, alerts::delete_watch,
        alerts::list_alerts, alerts::stream, alerts::feed, openapi
    ),
    components(schemas(
        EventPage, EventRow, ArticleAnswer, SearchAnswer, Hit, StatsAnswer, Health,
        IngestRequest, Document, IngestSummary, alerts::WatchRequest, alerts::WatchAnswer,
        alerts::AlertAnswer, alerts::AlertList
    )),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Every route, as (method, path): the router is built from this list,
/// and a test checks each `/api` one against the OpenAPI document.
pub struct Routes {
    router: Router<State>,
    /// Long-lived answers (the event stream): no request timeout.
    streams: Router<State>,
    /// (method, path) of every route added.
    pub list: Vec<(&'static str, &'static str)>,
}

impl Routes {
    fn add(mut self, methods: &[&'static str], path: &'static str, r: MethodRouter<State>) -> Self {
        for m in methods {
            self.list.push((m, path));
        }
        self.router = self.router.route(path, r);
        self
    }

    fn add_stream(mut self, path: &'static str, r: MethodRouter<State>) -> Self {
        self.list.push(("get", path));
        self.streams = self.streams.route(path, r);
        self
    }
}

/// The routes of the server, pages included.
pub(crate) fn routes() -> Routes {
    let r = Routes {
        router: Router::new(),
        streams: Router::new(),
        list: Vec::new(),
    };
    r.add(&["get"], "/api/v1/events", get(events))
        .add(&["get"], "/api/v1/events/{id}/dossier", get(dossier))
        .add(&["get"], "/api/v1/articles/{id}", get(article))
        .add(&["get"], "/api/v1/search", get(search))
        .add(&["get"], "/api/v1/stats", get(stats))
        .add(&["get"], "/api/v1/health", get(health))
        .add(&["post"], "/api/v1/ingest", axum::routing::post(ingest))
        .add(
            &["get", "post"],
            "/api/v1/watches",
            get(alerts::list_watches).post(alerts::create_watch),
        )
        .add(
            &["get", "delete"],
            "/api/v1/watches/{id}",
            get(alerts::get_watch).delete(alerts::delete_watch),
        )
        .add(
            &["get"],
            "/api/v1/watches/{id}/feed.atom",
            get(alerts::feed),
        )
        .add(&["get"], "/api/v1/alerts", get(alerts::list_alerts))
        .add_stream("/api/v1/alerts/stream", get(alerts::stream))
        .add(&["get"], "/openapi.json", get(openapi))
        .add(&["get"], "/", get(pages::index))
        .add(&["get"], "/events/{id}", get(pages::event))
        .add(&["get"], "/articles/{id}", get(pages::article))
        .add(&["get"], "/search", get(pages::search))
        .add(&["get"], "/watches", get(pages::watches))
        .add(&["get"], "/assets/{name}", get(pages::asset))
}

/// The router with its layers: body limit, timeout (not on the stream),
/// compression, tracing, and CORS only when configured.
pub(crate) fn router(state: State) -> Router {
    use tower_http::compression::CompressionLayer;
    use tower_http::timeout::TimeoutLayer;
    let config = &state.config;
    let routes = routes();
    let timeout = TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, config.timeout);
    // The event stream lives as long as its client: it gets no timeout.
    let mut app = routes
        .router
        .layer(timeout)
        .merge(routes.streams)
        .layer(DefaultBodyLimit::max(config.max_body))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            config.max_body,
        ))
        .layer(CompressionLayer::new())
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .layer(
            tower_http::set_header::SetResponseHeaderLayer::if_not_present(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        )
        .layer(
            tower_http::set_header::SetResponseHeaderLayer::if_not_present(
                header::REFERRER_POLICY,
                HeaderValue::from_static("no-referrer"),
            ),
        );
    if let Some(origin) = &config.cors_origin {
        if let Ok(origin) = HeaderValue::from_str(origin) {
            app = app.layer(
                tower_http::cors::CorsLayer::new()
                    .allow_origin(origin)
                    .allow_methods([
                        axum::http::Method::GET,
                        axum::http::Method::POST,
                        axum::http::Method::DELETE,
                    ])
                    .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE]),
            );
        }
    }
    app.fallback(|| async { ApiError::not_found("no such page") })
        .with_state(state)
}

/// A day as `YYYY-MM-DD`.
fn day(s: &Option<String>, what: &str) -> Result<Option<NaiveDate>, ApiError> {
    s.as_deref()
        .filter(|s| !s.is_empty())
        .map(|s| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
                ApiError::bad_request(format!("{what}: expected YYYY-MM-DD, got {s:?}"))
            })
        })
        .transpose()
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Filters and the page of the event list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct EventsQuery {
    /// Events with an article published on or after this day (YYYY-MM-DD).
    pub from: Option<String>,
    /// Events with an article published on or before this day.
    pub to: Option<String>,
    /// Events with an article from this outlet (case ignored).
    pub outlet: Option<String>,
    /// Events with an article in this language (ISO 639-1).
    pub lang: Option<String>,
    /// Only events with (`true`) or without (`false`) open conflicts.
    pub has_conflicts: Option<bool>,
    /// Events with an article matching these words (search syntax).
    pub q: Option<String>,
    /// `size` (largest first, the default) or `recent`.
    pub sort: Option<String>,
    /// The `next` of the previous page.
    pub cursor: Option<String>,
    /// Events per page (default 50, at most 500).
    pub limit: Option<usize>,
}

/// A page of events.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct EventPage {
    /// `crosswire-api/1`.
    pub schema: &'static str,
    /// The events.
    pub events: Vec<EventRow>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next: Option<String>,
}

/// One event of the list.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct EventRow {
    /// Its id (`e` + number in the CLI).
    pub id: i64,
    /// Articles.
    pub size: u64,
    /// Independent origins (from the last dossier).
    pub origins: u64,
    /// Earliest publish day.
    pub first: Option<String>,
    /// Latest publish day.
    pub last: Option<String>,
    /// Open conflicts (figure and quote slots).
    pub conflicts: u64,
    /// The headline of its first article.
    pub title: Option<String>,
    /// True while its dossier waits for recomputation.
    pub stale: bool,
}

impl From<&crosswire_store::EventSummary> for EventRow {
    fn from(e: &crosswire_store::EventSummary) -> EventRow {
        EventRow {
            id: e.id,
            size: e.size,
            origins: e.origins,
            first: e.first.map(|d| d.to_string()),
            last: e.last.map(|d| d.to_string()),
            conflicts: e.conflicts,
            title: e.title.clone(),
            stale: e.stale,
        }
    }
}

/// Reads a cursor: `KEY.ID`, both integers.
fn cursor(s: &str) -> Option<(i64, i64)> {
    let (k, id) = s.split_once('.')?;
    Some((k.parse().ok()?, id.parse().ok()?))
}

/// The event list as the API and the index page share it.
pub(crate) async fn event_page(state: &State, q: EventsQuery) -> Result<EventPage, ApiError> {
    let recent = match q.sort.as_deref() {
        None | Some("") | Some("size") => false,
        Some("recent") => true,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "sort: expected size or recent, got {other:?}"
            )))
        }
    };
    let after = match nonempty(&q.cursor) {
        None => None,
        Some(c) => Some(
            cursor(&c).ok_or_else(|| ApiError::bad_request("cursor: not a cursor of this list"))?,
        ),
    };
    let limit = q.limit.unwrap_or(50).clamp(1, MAX_PAGE);
    let filter = EventFilter {
        from: day(&q.from, "from")?,
        to: day(&q.to, "to")?,
        outlet: nonempty(&q.outlet),
        language: nonempty(&q.lang),
        has_conflicts: q.has_conflicts,
        text: nonempty(&q.q),
        recent,
        after,
        // One more than shown says whether there is a next page.
        limit: limit + 1,
    };
    state
        .pool
        .with(move |store| {
            let mut rows = store.events_filtered(&filter)?;
            let more = rows.len() > limit;
            rows.truncate(limit);
            let next = rows.last().filter(|_| more).map(|e| {
                let (k, id) = Store::event_sort_key(e, recent);
                format!("{k}.{id}")
            });
            Ok(EventPage {
                schema: API_SCHEMA,
                events: rows.iter().map(EventRow::from).collect(),
                next,
            })
        })
        .await
}

/// The live events, filtered, largest (or latest) first, a page at a time.
#[utoipa::path(get, path = "/api/v1/events", params(EventsQuery), responses(
    (status = 200, description = "A page of events", body = EventPage),
    (status = 400, description = "A malformed filter or cursor")
))]
async fn events(
    St(state): St<State>,
    Query(q): Query<EventsQuery>,
) -> Result<Json<EventPage>, ApiError> {
    Ok(Json(event_page(&state, q).await?))
}

/// The format of a dossier.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct DossierQuery {
    /// `json` (default), `html`, `markdown` (`md`) or `csv`.
    pub format: Option<String>,
}

/// Reads an event id: `12` or `e12`.
pub(crate) fn event_id(s: &str) -> Result<i64, ApiError> {
    crosswire_store::parse_event_id(s)
        .ok_or_else(|| ApiError::not_found(format!("not an event id: {s:?} (expected e12 or 12)")))
}

/// A dossier rendered in a format, from the cache when the event has not
/// changed since.
pub(crate) async fn rendered(
    state: &State,
    id: i64,
    format: Format,
) -> Result<axum::body::Bytes, ApiError> {
    let pool = state.pool.clone();
    state
        .pool
        .with(move |store| {
            let version = store.event_version(id)?;
            // While an ingest has the dossier pending, the last stored one
            // is served (keyed by when it was computed, so the event's
            // growth does not invalidate it): recomputing it per request
            // would put a cross-check in the path of every reader.
            let stale = version.dirty && version.computed_at > 0;
            let key_version = if stale {
                crosswire_store::EventVersion {
                    size: version.computed_size,
                    ..version
                }
            } else {
                version
            };
            let key = (key_version, format.name());
            if let Some(hit) = pool.cached(&key) {
                return Ok(hit);
            }
            let stored = if stale {
                store.stored_dossier(version.id)?
            } else {
                None
            };
            let d = match stored {
                Some(d) => d,
                None => store.dossier(version.id)?.1,
            };
            let body = crosswire_report::render_to_string(&d, format, &RenderOptions::default())
                .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
            let body = axum::body::Bytes::from(body.into_bytes());
            pool.keep(key, body.clone());
            Ok(body)
        })
        .await
}

/// One event's dossier: JSON (schema `crosswire-dossier/1`, see
/// docs/dossier.md), HTML (one page), Markdown or CSV.
#[utoipa::path(get, path = "/api/v1/events/{id}/dossier",
    params(("id" = String, Path, description = "Event id: 12 or e12 (a merged id resolves)"), DossierQuery),
    responses(
        (status = 200, description = "The dossier", content(
            (Object = "application/json"),
            (String = "text/html"),
            (String = "text/markdown"),
            (String = "text/csv")
        )),
        (status = 404, description = "No such event")
    ))]
async fn dossier(
    St(state): St<State>,
    Path(id): Path<String>,
    Query(q): Query<DossierQuery>,
) -> Result<Response, ApiError> {
    let id = event_id(&id)?;
    let format = match q.format.as_deref().unwrap_or("json") {
        "json" => Format::Json,
        "html" | "htm" => Format::Html,
        "markdown" | "md" => Format::Markdown,
        "csv" => Format::Csv,
        other => {
            return Err(ApiError::bad_request(format!(
                "format: expected json, html, markdown or csv, got {other:?}"
            )))
        }
    };
    let body = rendered(&state, id, format).await?;
    let content_type = match format {
        Format::Json => "application/json",
        Format::Html => "text/html; charset=utf-8",
        Format::Markdown => "text/markdown; charset=utf-8",
        _ => "text/csv; charset=utf-8",
    };
    let mut response = Response::new(Body::from(body.clone()));
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if format == Format::Html {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            security::csp(&pages::inline_script_hashes(&body)),
        );
    }
    Ok(response)
}

/// One article with its text and spans.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ArticleAnswer {
    /// `crosswire-api/1`.
    pub schema: &'static str,
    /// The event it belongs to now.
    pub event: i64,
    /// The article (docs/output.md): text, blocks, and spans whose byte
    /// ranges point into the text: the provenance of every figure and
    /// quote.
    #[schema(value_type = Object)]
    pub article: crosswire_model::Article,
}

/// One article by id (its content hash), with its text and spans.
#[utoipa::path(get, path = "/api/v1/articles/{id}",
    params(("id" = String, Path, description = "Article id (32 hex digits)")),
    responses(
        (status = 200, description = "The article", body = ArticleAnswer),
        (status = 404, description = "No such article")
    ))]
async fn article(
    St(state): St<State>,
    Path(id): Path<String>,
) -> Result<Json<ArticleAnswer>, ApiError> {
    let found = fetch_article(&state, id).await?;
    Ok(Json(ArticleAnswer {
        schema: API_SCHEMA,
        event: found.event,
        article: found.article,
    }))
}

pub(crate) async fn fetch_article(
    state: &State,
    id: String,
) -> Result<crosswire_store::StoredArticle, ApiError> {
    if id.len() > 64 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::not_found("not an article id"));
    }
    state
        .pool
        .with(move |store| {
            store
                .article(&id)?
                .ok_or_else(|| ApiError::not_found(format!("no article {id}")))
        })
        .await
}

/// A search: the CLI's filters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct SearchParams {
    /// Words (all must occur), "a phrase", title:word; `*` for any.
    pub q: Option<String>,
    /// Published on or after this day (YYYY-MM-DD).
    pub from: Option<String>,
    /// Published on or before this day.
    pub to: Option<String>,
    /// Only this outlet (case ignored).
    pub outlet: Option<String>,
    /// Only this language (ISO 639-1).
    pub lang: Option<String>,
    /// Only this event (`12` or `e12`).
    pub event: Option<String>,
    /// Hits, at most (default 20, at most 500).
    pub limit: Option<usize>,
}

/// Search results.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SearchAnswer {
    /// `crosswire-api/1`.
    pub schema: &'static str,
    /// Articles the text index does not hold yet (an ingest is running).
    pub index_lag: u64,
    /// Best first.
    pub hits: Vec<Hit>,
}

/// One hit.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Hit {
    /// Article id.
    pub id: String,
    /// Relevance.
    pub score: f32,
    /// Publish date as stored.
    pub published: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// The event it belongs to.
    pub event: i64,
    /// A passage around the matched words.
    pub snippet: String,
    /// Byte ranges of `snippet` that matched, as [start, end].
    pub highlights: Vec<[usize; 2]>,
}

pub(crate) async fn run_search(state: &State, p: SearchParams) -> Result<SearchAnswer, ApiError> {
    let event = match nonempty(&p.event) {
        Some(e) => Some(event_id(&e)?),
        None => None,
    };
    let query = SearchQuery {
        text: nonempty(&p.q).unwrap_or_else(|| "*".into()),
        from: day(&p.from, "from")?,
        to: day(&p.to, "to")?,
        outlet: nonempty(&p.outlet),
        language: nonempty(&p.lang),
        event,
        limit: p.limit.unwrap_or(20).clamp(1, MAX_PAGE),
    };
    state
        .pool
        .with(move |store| {
            let hits = store.search(&query)?;
            Ok(SearchAnswer {
                schema: API_SCHEMA,
                index_lag: store.index_lag().unwrap_or(0),
                hits: hits
                    .into_iter()
                    .map(|h| Hit {
                        id: h.id,
                        score: h.score,
                        published: h.published,
                        outlet: h.outlet,
                        title: h.title,
                        event: h.event,
                        highlights: h.highlights.iter().map(|r| [r.start, r.end]).collect(),
                        snippet: h.snippet,
                    })
                    .collect(),
            })
        })
        .await
}

/// Full-text search with the CLI's filters.
#[utoipa::path(get, path = "/api/v1/search", params(SearchParams), responses(
    (status = 200, description = "Hits, best first", body = SearchAnswer),
    (status = 400, description = "A malformed filter")
))]
async fn search(
    St(state): St<State>,
    Query(p): Query<SearchParams>,
) -> Result<Json<SearchAnswer>, ApiError> {
    Ok(Json(run_search(&state, p).await?))
}

/// Counts over the store.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct StatsAnswer {
    /// `crosswire-api/1`.
    pub schema: &'static str,
    /// Articles stored.
    pub articles: u64,
    /// Live events.
    pub events: u64,
    /// Events merged into others.
    pub merged_events: u64,
    /// Dossiers waiting for recomputation.
    pub stale_dossiers: u64,
    /// Distinct outlets.
    pub outlets: u64,
    /// Articles per language, most first.
    pub languages: Vec<(String, u64)>,
    /// Documents in the text index.
    pub indexed: Option<u64>,
    /// Bytes on disk.
    pub bytes: u64,
}

/// Counts over the store: articles, events, outlets, languages, size.
#[utoipa::path(get, path = "/api/v1/stats", responses((status = 200, description = "Counts", body = StatsAnswer)))]
async fn stats(St(state): St<State>) -> Result<Json<StatsAnswer>, ApiError> {
    let s = state.pool.with(|store| Ok(store.stats()?)).await?;
    Ok(Json(StatsAnswer {
        schema: API_SCHEMA,
        articles: s.articles,
        events: s.events,
        merged_events: s.merged_events,
        stale_dossiers: s.stale_dossiers,
        outlets: s.outlets,
        languages: s.languages,
        indexed: s.indexed,
        bytes: s.bytes,
    }))
}

/// Whether the server can read its store.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Health {
    /// `crosswire-api/1`.
    pub schema: &'static str,
    /// `ok`.
    pub status: &'static str,
    /// The highest article sequence number: grows with every ingest.
    pub last_seq: i64,
    /// crosswire's version.
    pub version: &'static str,
}

/// Health: answers 200 when the store can be read.
#[utoipa::path(get, path = "/api/v1/health", responses(
    (status = 200, description = "Healthy", body = Health),
    (status = 500, description = "The store cannot be read")
))]
async fn health(St(state): St<State>) -> Result<Json<Health>, ApiError> {
    let last_seq = state.pool.with(|store| Ok(store.last_seq()?)).await?;
    Ok(Json(Health {
        schema: API_SCHEMA,
        status: "ok",
        last_seq,
        version: env!("CARGO_PKG_VERSION"),
    }))
}

/// Documents to ingest.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub(crate) struct IngestRequest {
    /// http(s) URLs of pages, feeds (their items are fetched), sitemaps,
    /// JSON Lines or WARC files. Loopback, private, link-local and
    /// metadata addresses are refused (after DNS resolution and at every
    /// redirect) unless the server runs with --allow-private-addresses.
    #[serde(default)]
    pub urls: Vec<String>,
    /// Raw documents: HTML, text, JSON Lines, a feed, WARC (detected by
    /// content, as for files).
    #[serde(default)]
    pub documents: Vec<Document>,
}

/// One raw document.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct Document {
    /// A name for it (shown as its source).
    pub name: String,
    /// Its content.
    pub content: String,
}

/// Ingests URLs, feeds or raw documents into the store (bearer token).
#[utoipa::path(post, path = "/api/v1/ingest", request_body = IngestRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Committed", body = IngestSummary),
        (status = 401, description = "No or a wrong token"),
        (status = 403, description = "The server has no token: ingestion is off"),
        (status = 413, description = "Body over the limit"),
        (status = 503, description = "Another process is writing to the store; retry")
    ))]
async fn ingest(
    St(state): St<State>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: axum::body::Bytes,
) -> Result<Json<IngestSummary>, ApiError> {
    security::require_write(&state.config, &headers, query.as_deref())?;
    let req: IngestRequest =
        serde_json::from_slice(&body).map_err(|e| ApiError::bad_request(format!("body: {e}")))?;
    if req.urls.is_empty() && req.documents.is_empty() {
        return Err(ApiError::bad_request(
            "nothing to ingest: give urls or documents",
        ));
    }
    let urls = req.urls;
    let docs = req.documents;
    let items: crate::writer::Items = Box::new(move |net| {
        let mut out: Vec<Box<dyn Iterator<Item = crosswire_ingest::Item> + Send>> = Vec::new();
        for d in docs {
            let name = format!("upload:{}", d.name);
            out.push(Box::new(crosswire_ingest::open_reader(
                name,
                std::io::Cursor::new(d.content.into_bytes()),
                net,
            )));
        }
        // Links, never paths: a URL list cannot name a file of the server.
        out.push(Box::new(crosswire_ingest::open_links(&urls, net)));
        out
    });
    match state.writer.ingest(items).await {
        Ok(summary) => Ok(Json(summary)),
        Err(e @ crosswire_store::StoreError::Busy { .. }) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            e.to_string(),
        )),
        Err(e) => Err(e.into()),
    }
}

/// This document.
#[utoipa::path(get, path = "/openapi.json", responses((status = 200, description = "The OpenAPI document", body = Object)))]
async fn openapi() -> impl IntoResponse {
    Json(ApiDoc::openapi())
}
