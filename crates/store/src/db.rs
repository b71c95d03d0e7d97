//! The SQLite side of the store: opening (and refusing what is not a
//! store), the schema, and the row conversions shared by the writer and
//! the queries.

use crate::StoreError;
use crosswire_model::Article;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The database file inside the store directory.
pub(crate) const DB_FILE: &str = "crosswire.sqlite";
/// The full-text index folder inside the store directory.
pub(crate) const INDEX_DIR: &str = "index";
/// `PRAGMA application_id` of a store database ("CWST"): lets a store be
/// told from another application's SQLite file from its header alone.
const APPLICATION_ID: i32 = 0x4357_5354;
/// The marker row that says "this is a crosswire store".
const FORMAT: &str = "crosswire-store";
/// Version of the schema below. Bump on any change and add a migration.
pub(crate) const SCHEMA_VERSION: i64 = 3;

const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

const SCHEMA: &str = "
CREATE TABLE crosswire_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE articles (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    event       INTEGER NOT NULL,
    first_event INTEGER NOT NULL,
    source      TEXT NOT NULL,
    url         TEXT,
    outlet      TEXT,
    title       TEXT,
    published   TEXT,
    day         INTEGER,
    language    TEXT,
    text        TEXT NOT NULL,
    doc         BLOB NOT NULL
);
CREATE INDEX articles_event ON articles(event, seq);
-- Hashes of raw documents already turned into a stored article (new or
-- duplicate): a re-run skips them before extraction.
CREATE TABLE seen (raw BLOB PRIMARY KEY) WITHOUT ROWID;
-- The event grouper's state as of article `seq`, with its event ids'
-- map to stored events: a restart replays only the articles after it.
CREATE TABLE grouper_checkpoint (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   INTEGER NOT NULL,
    map   BLOB NOT NULL,
    state BLOB NOT NULL
);
CREATE TABLE events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    merged_into INTEGER,
    size        INTEGER NOT NULL DEFAULT 0,
    first_day   INTEGER,
    last_day    INTEGER,
    title       TEXT,
    origins     INTEGER NOT NULL DEFAULT 0,
    conflicts   INTEGER NOT NULL DEFAULT 0,
    dirty       INTEGER NOT NULL DEFAULT 1,
    -- Size and unix time of the last dossier computation: a growing event
    -- is recomputed when it grew enough or its dossier got old.
    computed_size INTEGER NOT NULL DEFAULT 0,
    computed_at   INTEGER NOT NULL DEFAULT 0
);
-- Each event's last dossier, packed. Apart from the events: every new
-- article updates its event's row, and with the dossier inline each such
-- update read the dossier's overflow pages back.
CREATE TABLE dossiers (
    event  INTEGER PRIMARY KEY,
    packed BLOB NOT NULL
);
CREATE INDEX events_dirty ON events(dirty) WHERE dirty = 1;
CREATE INDEX events_merged ON events(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX events_size ON events(size) WHERE merged_into IS NULL;
";

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 64;

/// Whether opening may create a new store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Create the directory and database when the path is new or empty.
    Create,
    /// The store must exist.
    Existing,
}

/// Checks the path, then opens (or creates) the database.
pub(crate) fn open(dir: &Path, mode: Mode) -> Result<Connection, StoreError> {
    let db_path = dir.join(DB_FILE);
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if mode == Mode::Existing {
                return Err(StoreError::Missing {
                    path: dir.to_path_buf(),
                });
            }
            std::fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
        }
        Err(e) => return Err(io_err(dir, e)),
        Ok(m) if !m.is_dir() => {
            return Err(StoreError::NotAStore {
                path: dir.to_path_buf(),
                reason: format!(
                    "it is a file ({}), while a store is a directory",
                    describe_file(dir)
                ),
            })
        }
        Ok(_) => {
            if !db_path.exists() {
                let empty = std::fs::read_dir(dir)
                    .map_err(|e| io_err(dir, e))?
                    .next()
                    .is_none();
                // A directory holding something else is someone's data:
                // refuse rather than scatter a store among it.
                if !empty {
                    return Err(StoreError::NotAStore {
                        path: dir.to_path_buf(),
                        reason: format!("the directory is not empty and holds no {DB_FILE}"),
                    });
                }
                if mode == Mode::Existing {
                    return Err(StoreError::Missing {
                        path: dir.to_path_buf(),
                    });
                }
            }
        }
    }
    check_header(&db_path)?;
    let flags = match mode {
        Mode::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        Mode::Existing => OpenFlags::SQLITE_OPEN_READ_WRITE,
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(&db_path, flags).map_err(|e| corrupt(&db_path, e))?;
    // The writer runs more distinct statements than rusqlite's default
    // cache of 16 holds; past it, statements were parsed again on every
    // batch.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // Readers and the one writer wait for each other instead of failing.
    conn.busy_timeout(Duration::from_secs(30))
        .map_err(|e| corrupt(&db_path, e))?;
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| corrupt(&db_path, e))?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(|e| corrupt(&db_path, e))?;
    if app == 0 && tables == 0 {
        // A fresh file, or one left by a crash before the schema commit:
        // nothing in it to lose.
        if mode == Mode::Existing {
            return Err(StoreError::Missing {
                path: dir.to_path_buf(),
            });
        }
        // WAL: readers never block the writer, and a commit is one append,
        // so a kill at any moment leaves the last committed batch intact.
        // The mode is stored in the file, so it is set once, here, before
        // the schema exists: no reader ever sees a store in the old mode,
        // and readers never switch it (two connections switching the mode
        // at once can fail one at once, whatever the busy timeout).
        conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
            .map_err(|e| corrupt(&db_path, e))?;
        init(&conn).map_err(|e| corrupt(&db_path, e))?;
    } else if app != APPLICATION_ID {
        return Err(StoreError::NotAStore {
            path: db_path,
            reason: "it is an SQLite database of another application".into(),
        });
    }
    check_marker(&conn, &db_path)?;
    migrate(&conn).map_err(|e| StoreError::Corrupt {
        path: db_path.clone(),
        detail: format!("upgrading the store to schema version {SCHEMA_VERSION} failed: {e}"),
    })?;
    // synchronous=NORMAL is durable across process crashes; only a power
    // loss can drop the last few batches (never corrupt the file).
    // A 64 MiB page cache: the article-id index is probed for every new
    // article, and once the store outgrows SQLite's 2 MiB default those
    // probes went to the OS on every batch of a long run. (256 MiB, and
    // 64 MiB for the readers, made a 1M-article run no faster.) Checkpoints every
    // 32 MiB of WAL rather than 4: pages rewritten by consecutive batches
    // are then copied back once.
    conn.execute_batch(
        "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; \
         PRAGMA wal_autocheckpoint = 8192;",
    )
    .map_err(|e| corrupt(&db_path, e))?;
    Ok(conn)
}

/// Opens a second connection to a store already opened by [`open`], for
/// reading (the ingest workers' duplicate checks).
pub(crate) fn open_reader(dir: &Path) -> Result<Connection, StoreError> {
    open_extra(dir, OpenFlags::SQLITE_OPEN_READ_ONLY, "")
}

/// A further connection to a store already opened by [`open`], with
/// these flags and settings.
fn open_extra(dir: &Path, flags: OpenFlags, pragmas: &str) -> Result<Connection, StoreError> {
    let conn =
        Connection::open_with_flags(dir.join(DB_FILE), flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    conn.busy_timeout(Duration::from_secs(30))?;
    conn.execute_batch(pragmas)?;
    Ok(conn)
}

/// Starts a write transaction that takes the write lock at once. A
/// deferred one that read first and then wrote could not wait for the
/// lock while the checkpointer held it (SQLite reports "busy" at once to
/// avoid a deadlock); an immediate one waits like any writer.
pub(crate) fn write_transaction(
    conn: &mut Connection,
) -> rusqlite::Result<rusqlite::Transaction<'_>> {
    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
}

/// Opens the connection that copies the write-ahead log back into the
/// database during a long ingest ([`checkpoint_loop`]).
pub(crate) fn open_checkpointer(dir: &Path) -> Result<Connection, StoreError> {
    open_extra(
        dir,
        OpenFlags::SQLITE_OPEN_READ_WRITE,
        "PRAGMA synchronous = NORMAL;",
    )
}

/// Pages of WAL after which a commit checkpoints, outside an ingest.
pub(crate) const WAL_AUTOCHECKPOINT: i64 = 8192;

/// Frames in the write-ahead log (64 MiB of 4 KiB pages) past which the
/// writer finishes a checkpoint itself between two transactions
/// ([`finish_checkpoint`]).
const WAL_FINISH_FRAMES: u64 = 16 * 1024;

/// `PRAGMA wal_checkpoint` as (frames in the log, frames copied back);
/// `None` when busy or not in WAL mode.
fn passive_checkpoint(conn: &Connection) -> Option<(u64, u64)> {
    let (log, done): (i64, i64) = conn
        .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
            Ok((r.get(1)?, r.get(2)?))
        })
        .ok()?;
    Some((u64::try_from(log).ok()?, u64::try_from(done).ok()?))
}

/// Checkpoints the write-ahead log every `every` until `stop` says so or
/// hangs up. A checkpoint ends in an fsync of the database file, which on
/// a long ingest took most of the writer's time when SQLite ran it inside
/// the writer's commits; here it runs beside them ("passive": it copies
/// what it can without taking the writer's lock).
///
/// Each round publishes the frames in the log to `frames`, for
/// [`finish_checkpoint`].
pub(crate) fn checkpoint_loop(
    conn: Connection,
    stop: std::sync::mpsc::Receiver<()>,
    every: Duration,
    frames: &AtomicU64,
) {
    loop {
        match stop.recv_timeout(every) {
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            _ => return,
        }
        // A failed checkpoint is retried on the next round, and the writer
        // checkpoints itself at the end of the run.
        if let Some((log, _)) = passive_checkpoint(&conn) {
            frames.store(log, Ordering::Relaxed);
        }
    }
}

/// Called by the writer between transactions while [`checkpoint_loop`]
/// runs. A passive checkpoint beside a writer that keeps appending never
/// catches up with the end of the log, so the log is never rewound and
/// grows; once it passes [`WAL_FINISH_BYTES`], the writer checkpoints the
/// few frames left itself (the background has copied and synced the
/// rest, so this is short), and its next transaction rewinds the log.
/// Waiting for the background checkpoint instead (SQLite's "restart")
/// stalled the whole pipeline for seconds.
///
/// The size of the log comes from the background's last round
/// (`frames`), not from the file: a rewound log keeps its file length, so
/// going by the file made the writer checkpoint after every transaction
/// once the file had grown, a third of its time on a long run.
pub(crate) fn finish_checkpoint(conn: &Connection, frames: &AtomicU64) {
    if frames.load(Ordering::Relaxed) <= WAL_FINISH_FRAMES {
        return;
    }
    // Busy (the background holds the checkpoint lock): next time.
    if let Some((log, done)) = passive_checkpoint(conn) {
        // All copied: the next transaction rewinds the log.
        frames.store(if done >= log { 0 } else { log }, Ordering::Relaxed);
    }
}

fn init(conn: &Connection) -> rusqlite::Result<()> {
    use crate::watch::WATCH_SCHEMA;
    conn.execute_batch(&format!(
        "BEGIN;
         {SCHEMA}
         {WATCH_SCHEMA}
         INSERT INTO crosswire_meta(key, value) VALUES ('format', '{FORMAT}');
         INSERT INTO crosswire_meta(key, value) VALUES ('version', '{SCHEMA_VERSION}');
         PRAGMA application_id = {APPLICATION_ID};
         COMMIT;"
    ))
}

/// Brings a store of an older schema version to the current one, in one
/// transaction (a kill leaves the old version whole).
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let version: i64 = conn.query_row(
        "SELECT CAST(value AS INTEGER) FROM crosswire_meta WHERE key = 'version'",
        [],
        |r| r.get(0),
    )?;
    if version == 1 {
        // Version 2 keeps dossiers in their own table.
        conn.execute_batch(
            "BEGIN IMMEDIATE;
             CREATE TABLE dossiers (event INTEGER PRIMARY KEY, packed BLOB NOT NULL);
             INSERT INTO dossiers (event, packed)
                 SELECT id, dossier FROM events WHERE dossier IS NOT NULL;
             ALTER TABLE events DROP COLUMN dossier;
             UPDATE crosswire_meta SET value = '2' WHERE key = 'version';
             COMMIT;",
        )?;
    }
    if version <= 2 {
        // Version 3 adds the server's watches, alerts and webhook
        // deliveries. Written with IF NOT EXISTS: a server and an ingest
        // opening an old store at once both run this, one after the other.
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE;
             {}
             UPDATE crosswire_meta SET value = '3' WHERE key = 'version';
             COMMIT;",
            crate::watch::WATCH_SCHEMA
        ))?;
    }
    Ok(())
}

fn check_marker(conn: &Connection, db_path: &Path) -> Result<(), StoreError> {
    let has_meta: bool = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'crosswire_meta'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(|e| corrupt(db_path, e))?
        > 0;
    let get = |key: &str| -> Result<Option<String>, StoreError> {
        conn.query_row(
            "SELECT value FROM crosswire_meta WHERE key = ?1",
            [key],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| corrupt(db_path, e))
    };
    if !has_meta || get("format")?.as_deref() != Some(FORMAT) {
        return Err(StoreError::NotAStore {
            path: db_path.to_path_buf(),
            reason: "it has no crosswire schema marker".into(),
        });
    }
    let version = get("version")?.and_then(|v| v.parse::<i64>().ok());
    match version {
        Some(v) if (1..=SCHEMA_VERSION).contains(&v) => Ok(()),
        Some(found) => Err(StoreError::Version {
            path: db_path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        }),
        None => Err(StoreError::Corrupt {
            path: db_path.to_path_buf(),
            detail: "the schema version marker is unreadable".into(),
        }),
    }
}

/// Refuses a database file that is not SQLite before SQLite sees it:
/// SQLite's own message ("file is not a database") does not say what the
/// file is, and this one does.
fn check_header(db_path: &Path) -> Result<(), StoreError> {
    let mut head = Vec::with_capacity(100);
    match std::fs::File::open(db_path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_err(db_path, e)),
        Ok(f) => {
            f.take(100)
                .read_to_end(&mut head)
                .map_err(|e| io_err(db_path, e))?;
        }
    }
    // An empty file is what a crash right after creating it leaves.
    if head.is_empty() || head.starts_with(SQLITE_MAGIC) {
        return Ok(());
    }
    Err(StoreError::Corrupt {
        path: db_path.to_path_buf(),
        detail: format!("not an SQLite database ({})", sniff(&head)),
    })
}

/// What a file looks like, for error messages.
fn describe_file(path: &Path) -> String {
    let mut head = Vec::with_capacity(100);
    if let Ok(f) = std::fs::File::open(path) {
        let _ = f.take(100).read_to_end(&mut head);
    }
    if head.starts_with(SQLITE_MAGIC) {
        let app = head
            .get(68..72)
            .and_then(|b| b.try_into().ok())
            .map(i32::from_be_bytes);
        if app == Some(APPLICATION_ID) {
            return format!("a crosswire store database: pass its directory, not {DB_FILE}");
        }
        return "an SQLite database of another application".into();
    }
    sniff(&head)
}

fn sniff(head: &[u8]) -> String {
    let kinds: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1F\x8B", "gzip data"),
    ];
    for (magic, name) in kinds {
        if head.starts_with(magic) {
            return (*name).to_string();
        }
    }
    if head.is_empty() {
        return "an empty file".into();
    }
    if std::str::from_utf8(head).is_ok() {
        return "a text file".into();
    }
    "unrecognized binary content".into()
}

pub(crate) fn io_err(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn corrupt(path: &Path, e: rusqlite::Error) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

/// Days since 1970-01-01: what the `day` columns and the index hold.
pub(crate) fn day_number(article: &Article) -> Option<i64> {
    article
        .published
        .as_ref()
        .and_then(|p| p.date())
        .map(day_of)
}

/// Days since 1970-01-01 of a date.
pub(crate) fn day_of(d: chrono::NaiveDate) -> i64 {
    (d - chrono::NaiveDate::default()).num_days()
}

/// The date of a day number.
pub(crate) fn date_of(day: i64) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::default().checked_add_signed(chrono::TimeDelta::try_days(day)?)
}

/// An article as stored: its text in one column, everything else as
/// compressed JSON in another, so replays and snippets read the text
/// without decoding the rest.
pub(crate) fn article_doc(article: &Article) -> Result<Vec<u8>, StoreError> {
    let mut bare = article.clone();
    bare.text = String::new();
    let json = serde_json::to_string(&bare).map_err(|e| StoreError::Data(e.to_string()))?;
    Ok(pack(&json))
}

/// The inverse of [`article_doc`].
pub(crate) fn article_from(text: String, doc: &[u8]) -> Result<Article, StoreError> {
    let json = unpack(doc)?;
    let mut a: Article =
        serde_json::from_str(&json).map_err(|e| StoreError::Data(e.to_string()))?;
    a.text = text;
    Ok(a)
}

/// Compresses stored JSON: spans and dossiers are several times the size
/// of the text they annotate, and compress well.
pub(crate) fn pack(json: &str) -> Vec<u8> {
    lz4_flex::compress_prepend_size(json.as_bytes())
}

/// Compresses binary state (the grouper checkpoint).
pub(crate) fn pack_bytes(bytes: &[u8]) -> Vec<u8> {
    lz4_flex::compress_prepend_size(bytes)
}

/// LZ4 expands a compressed byte into at most this many: a length prefix
/// claiming more than the blob can hold is damage, and must not make
/// decompression allocate gigabytes. (A fixed cap of 512 MiB would have
/// refused the grouper checkpoint of a stream of a few million articles.)
const LZ4_MAX_RATIO: usize = 255;

/// The inverse of [`pack`].
pub(crate) fn unpack(blob: &[u8]) -> Result<String, StoreError> {
    String::from_utf8(unpack_bytes(blob)?)
        .map_err(|e| StoreError::Data(format!("stored JSON: {e}")))
}

/// The inverse of [`pack_bytes`].
pub(crate) fn unpack_bytes(blob: &[u8]) -> Result<Vec<u8>, StoreError> {
    let size = blob
        .get(..4)
        .and_then(|b| b.try_into().ok())
        .map(u32::from_le_bytes)
        .ok_or_else(|| StoreError::Data("stored JSON truncated".into()))?;
    if size as usize > blob.len().saturating_mul(LZ4_MAX_RATIO) {
        return Err(StoreError::Data(
            "stored data claims more than it holds (damaged row)".into(),
        ));
    }
    lz4_flex::decompress_size_prepended(blob)
        .map_err(|e| StoreError::Data(format!("stored JSON: {e}")))
}

/// The total size of the files under a directory.
pub(crate) fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            match e.metadata() {
                Ok(m) if m.is_dir() => stack.push(e.path()),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}

#[cfg(test)]
mod pack_tests {
    use super::*;

    #[test]
    fn a_damaged_length_prefix_is_refused_before_allocating() {
        let text = "the same sentence again and again. ".repeat(2000);
        let packed = pack(&text);
        assert_eq!(unpack(&packed).expect("round trip"), text);
        let mut damaged = packed.clone();
        damaged[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        let err = unpack(&damaged).expect_err("a 4 GiB claim from a small blob");
        assert!(err.to_string().contains("damaged"), "{err}");
        assert!(unpack(&packed[..3]).is_err());
    }
}
