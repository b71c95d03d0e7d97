//! crosswire as a newsroom server: one binary serves a store to several
//! people at once.
//!
//! - a JSON API under `/api/v1` (events with filters and cursor pages, a
//!   dossier as JSON, HTML, Markdown or CSV, one article with its spans,
//!   search, stats, health, ingestion), described by the OpenAPI document
//!   at `/openapi.json`;
//! - web pages with embedded assets (event list, event page in the
//!   dossier's own HTML, article page with the cited sentence highlighted,
//!   search, watches) that make no third-party request;
//! - watches (an event or a saved query, stored in the database) whose
//!   alerts (a new conflict, a revised figure, a new independent origin)
//!   are computed from what changed in the dossier and go out as a
//!   Server-Sent Events stream, an Atom feed per watch and signed webhooks.
//!
//! The store may be written at the same time by a `crosswire ingest`
//! process, or by this one (`--ingest SOURCES`): readers never block the
//! writer (SQLite WAL), and each reader reloads the text index before use.
//! See `docs/serve.md`.
#![deny(missing_docs)]

mod alerts;
mod api;
mod error;
mod pages;
mod pool;
mod security;
mod writer;

pub use alerts::sign;
pub use api::ApiDoc;
pub use error::ServeError;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store directory.
    pub db: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// The bearer token for write endpoints and watches. Required to bind
    /// to an address other than loopback.
    pub token: Option<String>,
    /// Let URL ingestion and webhooks reach loopback, private, link-local
    /// and metadata addresses (refused by default).
    pub allow_private_addresses: bool,
    /// Send CORS headers allowing this origin (none by default).
    pub cors_origin: Option<String>,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Longest a request may take (streams excepted).
    pub timeout: Duration,
    /// Sources to ingest in this process, as `crosswire ingest` would.
    pub ingest: Vec<String>,
    /// Poll `ingest` again every `interval` until stopped.
    pub watch: bool,
    /// Seconds between two polls of `ingest`.
    pub interval: Duration,
    /// How often the alert computation looks for changes in the store.
    pub alert_poll: Duration,
    /// Reader connections to the store (and blocking reads at once).
    pub readers: usize,
}

impl Config {
    /// Defaults for a store at `db`, on 127.0.0.1:8080.
    pub fn new(db: impl Into<PathBuf>) -> Config {
        Config {
            db: db.into(),
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            allow_private_addresses: false,
            cors_origin: None,
            max_body: 8 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            ingest: Vec::new(),
            watch: false,
            interval: Duration::from_secs(300),
            alert_poll: Duration::from_millis(300),
            readers: 8,
        }
    }
}

/// Every route of the server as (method, path), pages included: what
/// the router is built from.
pub fn route_table() -> Vec<(&'static str, &'static str)> {
    api::routes().list
}

/// What every handler shares.
pub(crate) struct AppState {
    pub config: Config,
    pub pool: Arc<pool::Pool>,
    pub alerts: alerts::Hub,
    pub writer: writer::Writer,
}

pub(crate) type State = Arc<AppState>;

/// A server bound to its address, not yet serving.
pub struct Server {
    listener: tokio::net::TcpListener,
    router: axum::Router,
    state: State,
}

impl Server {
    /// Checks the configuration (a token for a non-loopback address, an
    /// existing store), opens the store and binds the address.
    pub async fn bind(config: Config) -> Result<Server, ServeError> {
        security::check_config(&config)?;
        let pool = pool::Pool::open(&config.db, config.readers.max(1))?;
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|e| ServeError::Bind(config.addr, e))?;
        let writer = writer::Writer::start(&config);
        let state = Arc::new(AppState {
            alerts: alerts::Hub::new(),
            pool: Arc::new(pool),
            writer,
            config,
        });
        let router = api::router(state.clone());
        Ok(Server {
            listener,
            router,
            state,
        })
    }

    /// The address actually bound (with port 0, the port picked).
    pub fn local_addr(&self) -> Result<SocketAddr, ServeError> {
        self.listener
            .local_addr()
            .map_err(|e| ServeError::Bind(self.state.config.addr, e))
    }

    /// Serves until `shutdown` resolves; the alert computation and the
    /// webhook deliveries run beside it.
    pub async fn run(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> Result<(), ServeError> {
        let addr = self.local_addr()?;
        alerts::spawn(self.state.clone());
        let result = axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|e| ServeError::Bind(addr, e));
        self.state.alerts.stop();
        self.state.writer.stop();
        result
    }
}

/// Serves a store until interrupted (Ctrl-C).
///
/// With `RUST_LOG` set (e.g. `RUST_LOG=tower_http=debug`), requests are
/// logged to standard error.
pub fn serve(config: Config) -> Result<(), ServeError> {
    if std::env::var_os("RUST_LOG").is_some() {
        // Already set up by an embedding program: keep its.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_writer(std::io::stderr)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .try_init();
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    runtime.block_on(async move {
        let server = Server::bind(config).await?;
        let addr = server.local_addr()?;
        eprintln!("crosswire: serving http://{addr}/ (Ctrl-C stops)");
        server
            .run(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}
