//! A pool of read-only store connections. A `Store` holds one SQLite
//! connection (not shareable between threads at once), so each request
//! borrows one, runs on the blocking pool, and gives it back. The number
//! of connections bounds the reads running at once; further requests
//! wait for a free one instead of opening more.

use crate::error::ApiError;
use crosswire_store::{Store, StoreError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// A reader reloads the text index at most this often: a reload costs a
/// look at the index's meta file, and another process may commit any time.
const REFRESH_EVERY: Duration = Duration::from_millis(250);

/// Rendered dossiers kept, at most. Entries are keyed by the event's
/// version, so an entry is never stale: a changed event gets a new key.
const CACHE_ENTRIES: usize = 512;

/// A rendering's key: the event's version and the format.
type CacheKey = (crosswire_store::EventVersion, &'static str);

struct Reader {
    store: Store,
    refreshed: Instant,
    /// SQLite's `data_version` at the last refresh.
    seen: i64,
}

/// The pool, with a cache of rendered dossiers.
pub(crate) struct Pool {
    dir: PathBuf,
    idle: Mutex<Vec<Reader>>,
    permits: Arc<Semaphore>,
    // Bytes: an answer shares the cached buffer instead of copying it.
    cache: Mutex<HashMap<CacheKey, axum::body::Bytes>>,
}

impl Pool {
    /// Opens one reader now (so a missing store is an error at start-up)
    /// and up to `size` on demand.
    pub fn open(dir: &Path, size: usize) -> Result<Pool, StoreError> {
        let first = Store::open_read_only(dir)?;
        Ok(Pool {
            dir: dir.to_path_buf(),
            idle: Mutex::new(vec![Reader {
                store: first,
                refreshed: Instant::now(),
                seen: i64::MIN,
            }]),
            permits: Arc::new(Semaphore::new(size)),
            cache: Mutex::new(HashMap::new()),
        })
    }

    /// Runs `f` with a store on the blocking pool.
    pub async fn with<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self.permits.clone().acquire_owned().await.map_err(|_| {
            ApiError::new(axum::http::StatusCode::SERVICE_UNAVAILABLE, "shutting down")
        })?;
        let pool = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut reader = match pool.take() {
                Some(r) => r,
                None => Reader {
                    store: Store::open_read_only(&pool.dir)?,
                    refreshed: Instant::now(),
                    seen: i64::MIN,
                },
            };
            // A commit since the last look (an ingest that just answered)
            // is seen at once; the timer catches an index committed a
            // moment after its database batch.
            let version = reader.store.data_version().unwrap_or(reader.seen);
            if version != reader.seen || reader.refreshed.elapsed() >= REFRESH_EVERY {
                reader.seen = version;
                // A failed reload keeps the older view: still correct, a
                // little behind.
                let _ = reader.store.refresh();
                reader.refreshed = Instant::now();
            }
            let out = f(&mut reader.store);
            pool.give_back(reader);
            out
        })
        .await
        .map_err(|e| ApiError::new(axum::http::StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
    }

    fn take(&self) -> Option<Reader> {
        self.idle.lock().ok()?.pop()
    }

    fn give_back(&self, r: Reader) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(r);
        }
    }

    /// A cached rendering.
    pub fn cached(&self, key: &CacheKey) -> Option<axum::body::Bytes> {
        self.cache.lock().ok()?.get(key).cloned()
    }

    /// Keeps a rendering.
    pub fn keep(&self, key: CacheKey, body: axum::body::Bytes) {
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= CACHE_ENTRIES {
                // Cheaper than tracking recency, and the cache refills
                // from the stored dossiers in milliseconds.
                cache.clear();
            }
            cache.insert(key, body);
        }
    }
}
