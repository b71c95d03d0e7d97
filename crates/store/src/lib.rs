//! crosswire corpus mode: an embedded store that ingests a stream of news,
//! groups it into events, keeps each event's dossier current, and makes
//! everything searchable.
//!
//! A store is one directory:
//!
//! - `crosswire.sqlite`: the source of truth (SQLite in WAL mode): articles
//!   (deduplicated by content hash, [`crosswire_model::Article::id`]),
//!   events with their merges, and each event's dossier as JSON;
//! - `index/`: a tantivy full-text index over titles and bodies, derived
//!   from the database and rebuilt from it after a crash.
//!
//! # Guarantees
//!
//! - **Idempotent**: an article already stored is skipped, so ingesting
//!   the same input twice stores it once. A raw document already seen
//!   (same bytes, format and container hints) is skipped before
//!   extraction; an extracted article whose content hash is stored is
//!   skipped before analysis.
//! - **Transactional**: articles are committed in batches (500 articles or
//!   one second by default, [`IngestOptions`]); a batch, its event
//!   assignments and merges commit together. A process killed at any
//!   moment loses at most the batch in flight, which a re-run adds. The
//!   index records the last database sequence number it holds in its own
//!   commit, and opening the store for writing indexes whatever lies
//!   beyond it.
//! - **Streaming**: memory is bounded by the batch size, not the input.
//! - **Pipelined**: worker threads extract, analyze and prepare each
//!   article for the grouper; one thread assigns events; the calling
//!   thread commits, refreshes dossiers (cross-checked on the workers)
//!   and feeds the index; another copies the write-ahead log back into
//!   the database, so no stage waits on the disk's syncs.
//! - **Incremental**: only events that changed get their dossier
//!   recomputed, and not on every change: while articles stream in, an
//!   event of at least [`IngestOptions::dossier_min_size`] articles is
//!   redone when it grew by a factor ([`IngestOptions::dossier_growth`];
//!   the refreshes of one event then cost a constant times its final
//!   dossier); a merge or split marks it reshaped, to be redone at its
//!   next growth step. While the writer is idle, small, reshaped and aged
//!   dossiers catch up, and every changed event is redone at the end of a
//!   run. One-article events need no cross-check.
//!   A large event's dossier covers its first
//!   [`IngestOptions::dossier_max_articles`] reports. Origins use a
//!   set-similarity join, not every pair, so a large event stays cheap.
//!   An event is marked in the same transaction that changes it, so a
//!   crash before its dossier is stored only delays the recomputation to
//!   the next ingest; `show` computes a missing dossier on the spot.
//! - **Events**: each new article goes through an [`EventGrouper`] (the
//!   link stage's event index with the default `link-events` feature,
//!   else [`SimpleGrouper`]); assignments, merges (the larger event
//!   survives, and the smaller keeps its id as an alias) and splits are
//!   stored, and a restart
//!   rebuilds the grouper from its last checkpoint (when the grouper can
//!   save one) and a replay of the articles stored after it.
//! - **Refusals**: a path that is a file, a non-empty directory without a
//!   store, a damaged database or another application's SQLite file is an
//!   error ([`StoreError`]), never overwritten.
//!
//! # Example
//!
//! ```
//! use crosswire_store::{IngestOptions, SearchQuery, Store};
//!
//! let dir = std::env::temp_dir().join(format!("crosswire-store-doc-{}", std::process::id()));
//! let _ = std::fs::remove_dir_all(&dir);
//! std::fs::create_dir_all(dir.join("in"))?;
//! std::fs::write(
//!     dir.join("in/a.txt"),
//!     "Mill burns in Varnholt\n\nA fire destroyed the old mill in Varnholt on Tuesday, \
//!      firefighter Oskar Brede said. Nobody was hurt, the fire brigade said.",
//! )?;
//!
//! let mut store = Store::open(dir.join("db"))?;
//! let items = crosswire_ingest::open(&[dir.join("in").display().to_string()], &Default::default());
//! let report = store.ingest(items, &IngestOptions::default(), &mut |_| {})?;
//! assert_eq!(report.added, 1);
//!
//! let events = store.events(10)?;
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].size, 1);
//! let hits = store.search(&SearchQuery::new("varnholt mill"))?;
//! assert_eq!(hits.len(), 1);
//! assert_eq!(hits[0].event, events[0].id);
//! # drop(store);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod assign;
mod db;
mod grouper;
mod index;
mod ingest;
mod query;
mod read;
mod watch;

pub use grouper::{
    default_grouper, EventGrouper, Grouped, Prepared, Preparer, SimpleGrouper, Split,
};
pub use ingest::{IngestOptions, IngestReport, Note};
pub use query::{
    parse_event_id, EventArticle, EventOrder, EventSummary, SearchHit, SearchQuery, Stats,
};
pub use read::{EventFilter, EventVersion, StoredArticle};
pub use watch::{Alert, AlertKind, Delivery, NewAlert, SavedQuery, Watch, WatchTarget};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Why the store could not do something.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The path exists but is not a crosswire store.
    #[error("{}: not a crosswire store: {reason}", path.display())]
    NotAStore {
        /// The path given.
        path: PathBuf,
        /// What it is instead.
        reason: String,
    },
    /// No store at the path (commands that only read never create one).
    #[error("{}: no crosswire store here (`crosswire ingest` creates one)", path.display())]
    Missing {
        /// The path given.
        path: PathBuf,
    },
    /// The store was written by another version of crosswire.
    #[error(
        "{}: store schema version {found}, this crosswire reads version {supported}",
        path.display()
    )]
    Version {
        /// The database file.
        path: PathBuf,
        /// The version found in the store.
        found: i64,
        /// The version this build reads.
        supported: i64,
    },
    /// The database file is damaged or not a database.
    #[error("{}: damaged store database: {detail}", path.display())]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// Another process is ingesting into the store (or the store was
    /// opened read-only and asked to write).
    #[error("{}: another crosswire process is writing to this store", path.display())]
    Busy {
        /// The store directory.
        path: PathBuf,
    },
    /// A database operation failed.
    #[error("store database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The full-text index failed.
    #[error("{}: text index: {detail}", path.display())]
    Index {
        /// The index folder.
        path: PathBuf,
        /// The index's message.
        detail: String,
    },
    /// A file operation failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// Stored JSON could not be read back (a damaged row).
    #[error("stored data unreadable: {0}")]
    Data(String),
    /// No such event.
    #[error("no event {0} in the store")]
    NoEvent(String),
}

/// An open store. See the [crate documentation](crate).
pub struct Store {
    dir: PathBuf,
    conn: Connection,
    text: Option<index::TextIndex>,
    writable: bool,
    /// The in-memory event index, rebuilt from the database on the first
    /// ingest after opening; dropped whenever a batch fails, so it never
    /// disagrees with what was committed.
    events: Option<assign::EventState>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.dir)
            .field("writable", &self.writable)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the store in directory `path` for writing, creating it when
    /// the path does not exist or is an empty directory. Takes the
    /// store's writer lock ([`StoreError::Busy`] when another process
    /// holds it) and brings the text index up to date with the database;
    /// a damaged text index is rebuilt from the database.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let dir = path.as_ref().to_path_buf();
        let conn = db::open(&dir, db::Mode::Create)?;
        let index_dir = dir.join(db::INDEX_DIR);
        let text = match index::TextIndex::open(&index_dir, true) {
            Ok(t) => t,
            Err(StoreError::Busy { .. }) => return Err(StoreError::Busy { path: dir }),
            Err(_) => {
                // The index is derived data: a damaged one is dropped and
                // rebuilt from the database below, rather than refusing a
                // store whose source of truth is intact.
                std::fs::remove_dir_all(&index_dir).map_err(|e| db::io_err(&index_dir, e))?;
                index::TextIndex::open(&index_dir, true)?
            }
        };
        let mut store = Store {
            dir,
            conn,
            text: Some(text),
            writable: true,
            events: None,
        };
        store.catch_up_index()?;
        Ok(store)
    }

    /// Opens an existing store for reading; never creates or changes
    /// anything, and works while another process ingests.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let dir = path.as_ref().to_path_buf();
        let conn = db::open(&dir, db::Mode::Existing)?;
        // Search needs the index; listing events does not, so a missing
        // index is reported only when searched.
        let text = index::TextIndex::open(&dir.join(db::INDEX_DIR), false).ok();
        Ok(Store {
            dir,
            conn,
            text,
            writable: false,
            events: None,
        })
    }

    /// Opens an existing store to search it. When no other process is
    /// writing to it, the text index first catches up with the database
    /// (it trails it after a crash or a full disk); otherwise the store is
    /// opened read-only and [`Store::index_lag`] says how far behind the
    /// index is.
    pub fn open_for_search(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let dir = path.as_ref().to_path_buf();
        // Never creates a store: a mistyped path is an error.
        drop(db::open(&dir, db::Mode::Existing)?);
        match Store::open(&dir) {
            Ok(store) => Ok(store),
            // Busy (an ingest runs), or a read-only medium: read as is.
            Err(_) => Store::open_read_only(&dir),
        }
    }

    /// Articles the database holds that the text index does not have yet
    /// (0 when it is current; all of them when there is no index).
    pub fn index_lag(&self) -> Result<u64, StoreError> {
        let from = self.text.as_ref().map_or(0, |t| t.committed_seq);
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM articles WHERE seq > ?1",
            [from as i64],
            |r| r.get(0),
        )?;
        Ok(n.max(0) as u64)
    }

    /// The store directory.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Indexes the articles the database holds beyond the index's last
    /// commit (after a crash between the two commits, or a deleted index).
    fn catch_up_index(&mut self) -> Result<(), StoreError> {
        let Some(text) = self.text.as_mut() else {
            return Ok(());
        };
        let from = text.committed_seq;
        let mut stmt = self.conn.prepare(
            "SELECT seq, first_event, day, outlet, language, coalesce(title, ''), text
             FROM articles WHERE seq > ?1 ORDER BY seq",
        )?;
        let mut rows = stmt.query([from as i64])?;
        let mut chunk = Vec::new();
        while let Some(r) = rows.next()? {
            chunk.push(index::IndexDoc {
                seq: r.get::<_, i64>(0)? as u64,
                event: r.get::<_, i64>(1)? as u64,
                day: r.get(2)?,
                outlet: r.get(3)?,
                language: r.get(4)?,
                title: r.get(5)?,
                body: r.get(6)?,
            });
            if chunk.len() >= 1000 {
                text.add(&chunk, true)?;
                chunk.clear();
            }
        }
        text.add(&chunk, true)?;
        text.commit()
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // Best effort: an ingest commits its own work; this only finishes
        // background merges so the next open starts from fewer segments.
        if let Some(t) = self.text.take() {
            let _ = t.close();
        }
    }
}
