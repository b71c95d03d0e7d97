//! The store end to end, on fictional articles generated at test time.

mod common;

use crosswire_store::{IngestOptions, SearchQuery, Store, StoreError};
use std::path::Path;

fn ingest_dir(store: &mut Store, dir: &Path) -> crosswire_store::IngestReport {
    let items = crosswire_ingest::open(&[dir.display().to_string()], &Default::default());
    let opts = IngestOptions {
        batch_size: 40,
        jobs: Some(2),
        ..Default::default()
    };
    store
        .ingest(items, &opts, &mut |_| {})
        .expect("ingest succeeds")
}

#[test]
fn same_input_twice_is_stored_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    let distinct = common::write_text_corpus(&input, 12, 5, 7);
    let db = tmp.path().join("db");

    let mut store = Store::open(&db).expect("new store");
    let first = ingest_dir(&mut store, &input);
    assert_eq!(first.added, distinct);
    assert_eq!(first.duplicates, 7, "the copies are duplicates");
    let stats = store.stats().expect("stats");
    assert_eq!(stats.articles as usize, distinct);
    assert_eq!(stats.indexed, Some(distinct as u64));
    let events = store.events(1000).expect("events");
    drop(store);

    let mut store = Store::open(&db).expect("reopen");
    let second = ingest_dir(&mut store, &input);
    assert_eq!(second.added, 0);
    assert_eq!(second.duplicates, distinct + 7);
    let again = store.stats().expect("stats");
    assert_eq!(again.articles, stats.articles);
    assert_eq!(again.events, stats.events);
    assert_eq!(again.indexed, Some(distinct as u64));
    assert_eq!(store.events(1000).expect("events"), events);
}

#[test]
fn articles_group_into_events_with_dossiers() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    common::write_text_corpus(&input, 6, 4, 0);
    let mut store = Store::open(tmp.path().join("db")).expect("store");
    let report = ingest_dir(&mut store, &input);
    assert_eq!(report.added, 24);
    let events = store.events(100).expect("events");
    let total: u64 = events.iter().map(|e| e.size).sum();
    assert_eq!(total, 24, "every article is in exactly one listed event");
    // Six generated events, each with its own town: the grouper need not
    // be perfect, but it must not lump them all together or split all.
    assert!(
        (4..=12).contains(&events.len()),
        "{} events: {events:?}",
        events.len()
    );
    for e in &events {
        assert!(!e.stale, "dossiers are current after an ingest");
        assert!(e.origins >= 1);
        let (id, dossier) = store.dossier(e.id).expect("dossier");
        assert_eq!(id, e.id);
        assert_eq!(dossier.articles.len() as u64, e.size);
        assert!(dossier.articles.iter().all(|a| !a.text.is_empty()));
    }
    assert!(matches!(store.dossier(9999), Err(StoreError::NoEvent(_))));
}

#[test]
fn search_filters_by_date_outlet_language_and_event() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).expect("dir");
    let mut lines = Vec::new();
    for e in 0..4 {
        for n in 0..3 {
            let outlet = common::OUTLETS[(e + n) % common::OUTLETS.len()];
            let date = format!("2031-03-{:02}", 10 + e * 2 + n % 2);
            let lang = if n == 2 { "es" } else { "en" };
            lines.push(common::jsonl_record(e, n, outlet, &date, lang));
        }
    }
    std::fs::write(input.join("feed.jsonl"), lines.join("\n")).expect("write");
    let mut store = Store::open(tmp.path().join("db")).expect("store");
    let report = ingest_dir(&mut store, &input);
    assert_eq!(report.added, 12);

    let town = common::town(1);
    let hits = store.search(&SearchQuery::new(&town)).expect("search");
    assert_eq!(hits.len(), 3, "{hits:?}");
    assert!(hits.iter().all(|h| h.snippet.contains(&town)));
    assert!(hits.iter().all(|h| !h.highlights.is_empty()));
    let event = hits[0].event;
    assert!(hits.iter().all(|h| h.event == event), "{hits:?}");

    let mut q = SearchQuery::new("*");
    q.limit = 100;
    assert_eq!(store.search(&q).expect("all").len(), 12);

    let mut q = SearchQuery::new("evacuated");
    q.limit = 100;
    q.from = chrono::NaiveDate::from_ymd_opt(2031, 3, 12);
    q.to = chrono::NaiveDate::from_ymd_opt(2031, 3, 14);
    let dated = store.search(&q).expect("dated");
    assert!(!dated.is_empty());
    assert!(dated.iter().all(|h| {
        let d = h.published.as_deref().unwrap_or("");
        ("2031-03-12".."2031-03-15").contains(&d)
    }));

    let mut q = SearchQuery::new("*");
    q.limit = 100;
    q.outlet = Some("harbour post".into());
    let by_outlet = store.search(&q).expect("outlet");
    assert!(!by_outlet.is_empty());
    assert!(by_outlet
        .iter()
        .all(|h| h.outlet.as_deref() == Some("Harbour Post")));

    let mut q = SearchQuery::new("*");
    q.limit = 100;
    q.language = Some("es".into());
    assert_eq!(store.search(&q).expect("lang").len(), 4);

    let mut q = SearchQuery::new("*");
    q.limit = 100;
    q.event = Some(event);
    let in_event = store.search(&q).expect("event");
    let size = store
        .events(100)
        .expect("events")
        .into_iter()
        .find(|e| e.id == event)
        .map(|e| e.size)
        .expect("listed");
    assert_eq!(in_event.len() as u64, size);
    assert!(in_event.iter().all(|h| h.event == event));
}

#[test]
fn the_index_is_rebuilt_from_the_database() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    let distinct = common::write_text_corpus(&input, 5, 3, 0);
    let db = tmp.path().join("db");
    let mut store = Store::open(&db).expect("store");
    ingest_dir(&mut store, &input);
    drop(store);
    // What a crash between the database commit and the index commit
    // amounts to, at its worst: an index that knows nothing.
    std::fs::remove_dir_all(db.join("index")).expect("remove index");
    let store = Store::open(&db).expect("reopen");
    assert_eq!(store.stats().expect("stats").indexed, Some(distinct as u64));
    let hits = store
        .search(&SearchQuery::new(common::town(2)))
        .expect("search");
    assert_eq!(hits.len(), 3);
}

#[test]
fn a_second_writer_is_refused_and_readers_are_not() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("db");
    let _writer = Store::open(&db).expect("first writer");
    let err = Store::open(&db).expect_err("second writer");
    assert!(matches!(err, StoreError::Busy { .. }), "{err}");
    assert!(err.to_string().contains("another crosswire process"));
    let reader = Store::open_read_only(&db).expect("reader");
    assert_eq!(reader.stats().expect("stats").articles, 0);
}

fn expect_refused(path: &Path) -> String {
    let before = std::fs::read(path).ok();
    let err = Store::open(path).expect_err("refused");
    // Never overwritten, whatever it was.
    assert_eq!(std::fs::read(path).ok(), before);
    err.to_string()
}

#[test]
fn foreign_files_are_refused_with_a_clear_error() {
    let tmp = tempfile::tempdir().expect("tempdir");

    let png = tmp.path().join("photo.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("png");
    let msg = expect_refused(&png);
    assert!(msg.contains("not a crosswire store"), "{msg}");
    assert!(msg.contains("PNG image"), "{msg}");

    let other = tmp.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&other).expect("sqlite");
        conn.execute_batch("CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('hi');")
            .expect("schema");
    }
    let msg = expect_refused(&other);
    assert!(
        msg.contains("SQLite database of another application"),
        "{msg}"
    );

    // The same database inside a directory, where a store's would be.
    let dir = tmp.path().join("looks-like-a-store");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::copy(&other, dir.join("crosswire.sqlite")).expect("copy");
    let before = std::fs::read(dir.join("crosswire.sqlite")).expect("read");
    let err = Store::open(&dir).expect_err("foreign db refused");
    assert!(matches!(err, StoreError::NotAStore { .. }), "{err}");
    assert_eq!(
        std::fs::read(dir.join("crosswire.sqlite")).expect("read"),
        before
    );

    let full = tmp.path().join("someone-elses-folder");
    std::fs::create_dir_all(&full).expect("dir");
    std::fs::write(full.join("notes.txt"), "keep me").expect("write");
    let err = Store::open(&full).expect_err("non-empty dir refused");
    assert!(err.to_string().contains("not empty"), "{err}");
    assert_eq!(
        std::fs::read_dir(&full).expect("list").count(),
        1,
        "nothing was added"
    );

    let missing = tmp.path().join("nowhere");
    let err = Store::open_read_only(&missing).expect_err("missing");
    assert!(matches!(err, StoreError::Missing { .. }), "{err}");
    assert!(!missing.exists(), "reading never creates a store");
}

#[test]
fn a_corrupted_database_is_an_error_not_a_panic() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    common::write_text_corpus(&input, 3, 2, 0);
    let db = tmp.path().join("db");
    let mut store = Store::open(&db).expect("store");
    ingest_dir(&mut store, &input);
    drop(store);
    let file = db.join("crosswire.sqlite");

    // Garbage over the header.
    let mut bytes = std::fs::read(&file).expect("read");
    bytes[..32].copy_from_slice(&[0xAB; 32]);
    std::fs::write(&file, &bytes).expect("write");
    let err = Store::open(&db).expect_err("garbage header");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("damaged store database"), "{err}");
    let err = Store::open_read_only(&db).expect_err("garbage header, read-only");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");

    // A valid header over a file cut short: whatever SQLite notices,
    // the answer is an error.
    bytes[..16].copy_from_slice(b"SQLite format 3\0");
    bytes.truncate(3000);
    std::fs::write(&file, &bytes).expect("write");
    let _ = std::fs::remove_file(db.join("crosswire.sqlite-wal"));
    let _ = std::fs::remove_file(db.join("crosswire.sqlite-shm"));
    let outcome = Store::open_read_only(&db).and_then(|s| s.stats().map(|_| ()));
    assert!(outcome.is_err(), "a truncated database is reported");
}

/// A grouper driven by the headline: "join K" puts the article in event
/// K, "join K merge M" also merges event M into K, "join K move" marks
/// the article, and "join K split M" moves the marked articles of K to a
/// new event M.
#[derive(Default)]
struct Scripted {
    parent: std::collections::HashMap<u64, u64>,
    marked: std::collections::HashMap<u64, Vec<String>>,
}

impl Scripted {
    fn root(&self, mut k: u64) -> u64 {
        while let Some(&p) = self.parent.get(&k) {
            if p == k {
                break;
            }
            k = p;
        }
        k
    }
}

impl crosswire_store::EventGrouper for Scripted {
    fn insert(&mut self, a: &crosswire_model::Article) -> crosswire_store::Grouped {
        let title = a.title.clone().unwrap_or_default();
        let words: Vec<&str> = title.split_whitespace().collect();
        let num = |i: usize| words.get(i).and_then(|w| w.parse::<u64>().ok());
        let raw = num(1).unwrap_or(0);
        let new_event = !self.parent.contains_key(&raw);
        self.parent.entry(raw).or_insert(raw);
        let event = self.root(raw);
        let mut merged = Vec::new();
        let mut split = None;
        match (words.get(2).copied(), num(3)) {
            (Some("merge"), Some(m)) => {
                let m = self.root(m);
                if m != event {
                    self.parent.insert(m, event);
                    merged.push(m);
                }
            }
            (Some("move"), _) => self.marked.entry(event).or_default().push(a.id.0.clone()),
            (Some("split"), Some(to)) => {
                self.parent.insert(to, to);
                split = Some(crosswire_store::Split {
                    from: event,
                    to,
                    ids: self.marked.remove(&event).unwrap_or_default(),
                });
            }
            _ => {}
        }
        crosswire_store::Grouped {
            event,
            new_event,
            merged,
            split,
        }
    }
}

fn scripted() -> Box<dyn crosswire_store::EventGrouper> {
    Box::new(Scripted::default())
}

fn scripted_article(title: &str, body: &str) -> crosswire_model::Article {
    let mut b = crosswire_model::ArticleBuilder::new(format!("{title}.txt"));
    b.push_block(crosswire_model::BlockKind::Title, title);
    b.push_block(crosswire_model::BlockKind::Paragraph, body);
    b.finish()
}

#[test]
fn merges_are_stored_and_survive_a_restart() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("db");
    let opts = IngestOptions {
        grouper: scripted,
        ..Default::default()
    };
    let mut store = Store::open(&db).expect("store");
    let r = store
        .add_articles(
            vec![
                scripted_article("join 1", "The ferry to Orvikby ran aground on Monday."),
                scripted_article("join 2", "Passengers of the Orvikby ferry were rescued."),
                scripted_article("join 2", "A tug freed the Orvikby ferry at high tide."),
            ],
            &opts,
        )
        .expect("first batch");
    assert_eq!((r.added, r.new_events), (3, 2));
    let events = store.events(10).expect("events");
    assert_eq!(events.len(), 2);
    let (first, second) = (events[1].id, events[0].id);
    assert_eq!(events[0].size, 2);

    let r = store
        .add_articles(
            vec![scripted_article(
                "join 1 merge 2",
                "Inspectors blamed the Orvikby ferry's captain for the grounding.",
            )],
            &opts,
        )
        .expect("merging batch");
    assert_eq!(r.merged_events, 1);
    let events = store.events(10).expect("events");
    assert_eq!(events.len(), 1, "{events:?}");
    // The larger event survives, though the bridging article joined the
    // smaller one.
    assert_eq!(events[0].id, second);
    assert_eq!(events[0].size, 4);
    assert!(!events[0].stale);
    assert_eq!(store.resolve_event(first).expect("alias"), second);
    let (id, dossier) = store.dossier(first).expect("dossier through the alias");
    assert_eq!(id, second);
    assert_eq!(dossier.articles.len(), 4);
    let mut q = SearchQuery::new("orvikby");
    q.event = Some(first);
    let hits = store.search(&q).expect("search");
    assert_eq!(hits.len(), 4, "the index finds the merged event's articles");
    assert!(hits.iter().all(|h| h.event == second));
    drop(store);

    // A restart replays the grouper; an article for the merged event's
    // old id lands in the surviving event.
    let mut store = Store::open(&db).expect("reopen");
    let r = store
        .add_articles(
            vec![scripted_article("join 2", "The Orvikby ferry sails again.")],
            &opts,
        )
        .expect("after restart");
    assert_eq!((r.added, r.new_events), (1, 0));
    let events = store.events(10).expect("events");
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].size, 5);
    let stats = store.stats().expect("stats");
    assert_eq!((stats.events, stats.merged_events), (1, 1));
}

#[test]
fn splits_move_articles_to_a_new_event() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let opts = IngestOptions {
        grouper: scripted,
        ..Default::default()
    };
    let mut store = Store::open(tmp.path().join("db")).expect("store");
    store
        .add_articles(
            vec![
                scripted_article("join 1", "A storm closed the port of Vellisk on Friday."),
                scripted_article("join 1 move", "Miners at Dunharrow voted to strike."),
                scripted_article(
                    "join 1",
                    "Ships waited outside Vellisk as the storm passed.",
                ),
            ],
            &opts,
        )
        .expect("first batch");
    let r = store
        .add_articles(
            vec![
                scripted_article(
                    "join 1 move",
                    "The Dunharrow strike entered its second day.",
                ),
                scripted_article("join 1 split 9", "Vellisk reopened its port on Sunday."),
            ],
            &opts,
        )
        .expect("splitting batch");
    assert_eq!((r.split_events, r.new_events), (1, 1));
    let events = store.events(10).expect("events");
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(events.iter().map(|e| e.size).sum::<u64>(), 5);
    let port = events
        .iter()
        .find(|e| e.size == 3)
        .expect("the port event keeps three articles");
    let strike = events
        .iter()
        .find(|e| e.size == 2)
        .expect("the strike event has two");
    let (_, dossier) = store.dossier(strike.id).expect("dossier");
    assert!(dossier
        .articles
        .iter()
        .all(|a| a.title.as_deref() == Some("join 1 move")));
    // Search by event follows the move, though the index keeps where each
    // article first went.
    let mut q = SearchQuery::new("dunharrow");
    q.event = Some(port.id);
    assert!(store.search(&q).expect("search").is_empty());
    q.event = Some(strike.id);
    assert_eq!(store.search(&q).expect("search").len(), 2);
}

#[test]
fn a_damaged_index_is_rebuilt_from_the_database() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    let distinct = common::write_text_corpus(&input, 4, 3, 0);
    let db = tmp.path().join("db");
    let mut store = Store::open(&db).expect("store");
    ingest_dir(&mut store, &input);
    drop(store);
    std::fs::write(db.join("index/meta.json"), b"{ not json").expect("damage");
    let store = Store::open(&db).expect("reopen rebuilds the index");
    assert_eq!(store.stats().expect("stats").indexed, Some(distinct as u64));
    assert_eq!(
        store
            .search(&SearchQuery::new(common::town(3)))
            .expect("search")
            .len(),
        3
    );
}

#[test]
fn large_events_are_refreshed_by_growth_and_capped() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    common::write_text_corpus(&input, 1, 7, 0);
    let mut store = Store::open(tmp.path().join("db")).expect("store");
    let items = crosswire_ingest::open(&[input.display().to_string()], &Default::default());
    let opts = IngestOptions {
        batch_size: 1,
        jobs: Some(1),
        dossier_min_size: 1,
        dossier_growth: 1.0,
        dossier_max_articles: 3,
        ..Default::default()
    };
    let report = store.ingest(items, &opts, &mut |_| {}).expect("ingest");
    assert_eq!(report.added, 7);
    assert!(
        report.dossiers < 7,
        "not every batch recomputes: {report:?}"
    );
    let events = store.events(10).expect("events");
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].size, 7);
    assert!(
        !events[0].stale,
        "every changed event is current at the end"
    );
    let (_, dossier) = store.dossier(events[0].id).expect("dossier");
    assert_eq!(dossier.articles.len(), 3, "the earliest articles, capped");
    let (_, full) = store
        .dossier_with(events[0].id, Some(100))
        .expect("a fuller dossier on demand");
    assert_eq!(full.articles.len(), 7);
    let (_, two) = store.dossier_with(events[0].id, Some(2)).expect("dossier");
    assert_eq!(two.articles.len(), 2);
}

#[test]
fn filter_only_searches_list_the_latest_first() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    common::write_text_corpus(&input, 3, 3, 0);
    let mut store = Store::open(tmp.path().join("db")).expect("store");
    ingest_dir(&mut store, &input);
    let mut q = SearchQuery::new("*");
    q.limit = 4;
    let hits = store.search(&q).expect("search");
    assert_eq!(hits.len(), 4);
    // Files are read in name order: the last event's articles come last.
    let town = common::town(2);
    assert!(hits[0].snippet.contains(&town), "{hits:?}");
}

#[test]
fn raw_documents_of_known_articles_are_remembered() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).expect("dir");
    let (title, body) = common::article(4, 1);
    std::fs::write(input.join("a.txt"), format!("{title}\n\n{body}\n")).expect("a");
    let db = tmp.path().join("db");
    let mut store = Store::open(&db).expect("store");
    assert_eq!(ingest_dir(&mut store, &input).added, 1);
    // The same text laid out differently: another raw document, the
    // same article.
    std::fs::write(input.join("b.txt"), format!("{title}\n\n\n{body}   \n\n")).expect("b");
    let again = ingest_dir(&mut store, &input);
    assert_eq!((again.added, again.duplicates), (0, 2));
    drop(store);
    let conn = rusqlite::Connection::open(db.join("crosswire.sqlite")).expect("sqlite");
    let seen: i64 = conn
        .query_row("SELECT count(*) FROM seen", [], |r| r.get(0))
        .expect("count");
    assert_eq!(seen, 2, "both raw documents are skipped from now on");
}

#[test]
fn a_restart_resumes_grouping_from_the_checkpoint() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let first = tmp.path().join("first");
    let second = tmp.path().join("second");
    common::write_text_corpus(&first, 6, 3, 0);
    // The rest of the same events, plus new ones, in a later run.
    std::fs::create_dir_all(&second).expect("dir");
    for e in 0..9 {
        for n in 3..5 {
            let (title, body) = common::article(e, n);
            std::fs::write(
                second.join(format!("late-{e}-{n}.txt")),
                format!("{title}\n\n{body}\n"),
            )
            .expect("write");
        }
    }
    let sizes = |store: &Store| {
        let mut s: Vec<u64> = store
            .events(100)
            .expect("events")
            .iter()
            .map(|e| e.size)
            .collect();
        s.sort_unstable();
        s
    };

    let db = tmp.path().join("db");
    let mut store = Store::open(&db).expect("store");
    ingest_dir(&mut store, &first);
    drop(store);
    let conn = rusqlite::Connection::open(db.join("crosswire.sqlite")).expect("sqlite");
    let seq: i64 = conn
        .query_row("SELECT seq FROM grouper_checkpoint", [], |r| r.get(0))
        .expect("a checkpoint");
    assert_eq!(seq, 18);
    drop(conn);
    let mut store = Store::open(&db).expect("reopen");
    ingest_dir(&mut store, &second);
    let resumed = sizes(&store);

    let mut once = Store::open(tmp.path().join("once")).expect("store");
    ingest_dir(&mut once, &first);
    ingest_dir(&mut once, &second);
    assert_eq!(resumed, sizes(&once));
    assert_eq!(resumed.iter().sum::<u64>(), 36);
}

#[test]
fn a_version_1_store_is_migrated_and_keeps_its_dossiers() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    common::write_text_corpus(&input, 3, 7, 0);
    let db = tmp.path().join("db");
    let mut store = Store::open(&db).expect("store");
    ingest_dir(&mut store, &input);
    let events = store.events(100).expect("events");
    let big = events
        .iter()
        .find(|e| e.size >= 6)
        .expect("an event of six or more");
    let (_, before) = store.dossier(big.id).expect("stored dossier");
    drop(store);

    // Back to the version-1 layout: the packed dossier inside the event row.
    let conn = rusqlite::Connection::open(db.join("crosswire.sqlite")).expect("sqlite");
    conn.execute_batch(
        "ALTER TABLE events ADD COLUMN dossier BLOB;
         UPDATE events SET dossier = (SELECT packed FROM dossiers WHERE event = events.id);
         DROP TABLE dossiers;
         UPDATE crosswire_meta SET value = '1' WHERE key = 'version';",
    )
    .expect("downgrade");
    drop(conn);

    let store = Store::open(&db).expect("a version-1 store opens");
    assert_eq!(store.events(100).expect("events"), events);
    let (_, after) = store.dossier(big.id).expect("dossier after migration");
    assert_eq!(
        serde_json::to_string(&after).expect("json"),
        serde_json::to_string(&before).expect("json")
    );
    let conn = rusqlite::Connection::open(db.join("crosswire.sqlite")).expect("sqlite");
    let version: String = conn
        .query_row(
            "SELECT value FROM crosswire_meta WHERE key = 'version'",
            [],
            |r| r.get(0),
        )
        .expect("version");
    assert_eq!(version, "3", "migrated through version 2 to 3 (watches)");
    let inline: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'dossier'",
            [],
            |r| r.get(0),
        )
        .expect("columns");
    assert_eq!(inline, 0, "the inline column is gone");
}

#[test]
fn checkpoints_are_written_during_long_runs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    common::write_text_corpus(&input, 4, 5, 0);
    let db = tmp.path().join("db");
    let mut store = Store::open(&db).expect("store");
    let items = crosswire_ingest::open(&[input.display().to_string()], &Default::default());
    let opts = IngestOptions {
        batch_size: 5,
        checkpoint_every: 5,
        ..Default::default()
    };
    let mut checkpoints = Vec::new();
    let conn = rusqlite::Connection::open(db.join("crosswire.sqlite")).expect("sqlite");
    store
        .ingest(items, &opts, &mut |note| {
            if let crosswire_store::Note::Committed(_) = note {
                let seq: Option<i64> = conn
                    .query_row("SELECT seq FROM grouper_checkpoint", [], |r| r.get(0))
                    .ok();
                checkpoints.push(seq);
            }
        })
        .expect("ingest");
    assert!(checkpoints.len() >= 2, "{checkpoints:?}");
    assert!(checkpoints.iter().all(Option::is_some), "{checkpoints:?}");
}

#[test]
fn one_article_events_skip_the_cross_check_but_still_show() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    common::write_text_corpus(&input, 5, 1, 0);
    let mut store = Store::open(tmp.path().join("db")).expect("store");
    let report = ingest_dir(&mut store, &input);
    assert_eq!(report.added, 5);
    let events = store.events(100).expect("events");
    let singles: Vec<_> = events.iter().filter(|e| e.size == 1).collect();
    assert!(!singles.is_empty(), "{events:?}");
    for e in singles {
        assert!(!e.stale, "{e:?}");
        assert_eq!(e.origins, 1, "{e:?}");
        assert_eq!(e.conflicts, 0, "{e:?}");
        let (_, dossier) = store.dossier(e.id).expect("built on demand");
        assert_eq!(dossier.articles.len(), 1);
        assert_eq!(dossier.origins.len(), 1);
        assert!(!dossier.articles[0].text.is_empty());
    }
}

#[test]
fn a_pending_dossier_is_recomputed_but_the_stored_one_stays_readable() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    common::write_text_corpus(&input, 2, 4, 0);
    let db = tmp.path().join("db");
    let mut store = Store::open(&db).expect("store");
    ingest_dir(&mut store, &input);
    let big = store.events(10).expect("events")[0].id;
    let (_, stored) = store.dossier(big).expect("dossier");
    let before = store.event_version(big).expect("version");
    assert!(!before.dirty);
    assert_eq!(before.size, before.computed_size);
    drop(store);

    // What an ingest in progress leaves: the event marked pending.
    let conn = rusqlite::Connection::open(db.join("crosswire.sqlite")).expect("sqlite");
    conn.execute("UPDATE events SET dirty = 1 WHERE id = ?1", [big])
        .expect("mark pending");
    drop(conn);
    let store = Store::open_read_only(&db).expect("reader");
    let pending = store.event_version(big).expect("version");
    assert!(pending.dirty);
    assert_ne!(pending, before, "a pending event has another version");
    assert_eq!(
        store.stored_dossier(big).expect("read"),
        Some(stored.clone()),
        "the last stored dossier, texts included"
    );
    let (_, recomputed) = store.dossier(big).expect("recomputed");
    assert_eq!(recomputed.articles.len(), stored.articles.len());
}
