//! `crosswire serve`: the flags, then `crosswire-serve` does the rest.

use anyhow::{Context, Result};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// `crosswire serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: crate::corpus::DbArg,
    /// Address to listen on. Anything but loopback requires --token.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Bearer token for ingestion and watches (at least 16 characters).
    #[arg(long)]
    pub token: Option<String>,
    /// Read the token from this file (its first line).
    #[arg(long, conflicts_with = "token")]
    pub token_file: Option<PathBuf>,
    /// Ingest these sources in this process (files, directories, globs,
    /// URLs), as `crosswire ingest` would.
    #[arg(long, num_args = 1..)]
    pub ingest: Vec<String>,
    /// With --ingest: poll the sources again every --interval seconds.
    #[arg(long, requires = "ingest")]
    pub watch: bool,
    /// Seconds between two polls with --watch.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..))]
    pub interval: u64,
    /// Let URL ingestion and webhooks reach loopback, private, link-local
    /// and metadata addresses (refused by default).
    #[arg(long)]
    pub allow_private_addresses: bool,
    /// Allow cross-origin requests from this origin (none by default).
    #[arg(long)]
    pub cors_origin: Option<String>,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 8 * 1024 * 1024)]
    pub max_body: usize,
    /// Seconds a request may take (the event stream excepted).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
}

/// Serves until interrupted.
pub fn run(args: ServeArgs) -> Result<ExitCode> {
    let token = match &args.token_file {
        Some(path) => Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string(),
        ),
        None => args.token.clone(),
    };
    let mut config = crosswire_serve::Config::new(&args.db.db);
    config.addr = args.addr;
    config.token = token.filter(|t| !t.is_empty());
    config.ingest = args.ingest;
    config.watch = args.watch;
    config.interval = std::time::Duration::from_secs(args.interval);
    config.allow_private_addresses = args.allow_private_addresses;
    config.cors_origin = args.cors_origin;
    config.max_body = args.max_body;
    config.timeout = std::time::Duration::from_secs(args.timeout);
    if !config.ingest.is_empty() {
        // Serving what is about to be ingested: the store is made first
        // (when another process is writing to it, it exists already).
        match crosswire_store::Store::open(&args.db.db) {
            Ok(store) => drop(store),
            Err(crosswire_store::StoreError::Busy { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    crosswire_serve::serve(config)?;
    Ok(ExitCode::SUCCESS)
}
