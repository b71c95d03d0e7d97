//! Corpus mode end to end: `crosswire ingest` into a store, killed and
//! restarted, and the commands that read it. Every article is fictional,
//! generated at test time (or the repo's invented example corpus).

#[path = "../../store/tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn crosswire(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosswire"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("crosswire runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ok(args: &[&str]) -> String {
    let out = crosswire(args);
    assert!(
        out.status.success(),
        "crosswire {args:?} failed: {}",
        stderr(&out)
    );
    stdout(&out)
}

fn stats(db: &str) -> serde_json::Value {
    serde_json::from_str(&ok(&["stats", "--db", db, "--json"])).expect("stats JSON")
}

fn count(v: &serde_json::Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or(u64::MAX)
}

/// A small PRNG: the test needs random kill moments, not a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The database and the text index agree: every stored article is found
/// exactly once by a search for anything.
fn assert_db_and_index_agree(db: &str, expected: u64) {
    let s = stats(db);
    assert_eq!(count(&s, "articles"), expected, "{s}");
    assert_eq!(count(&s, "indexed"), expected, "{s}");
    assert_eq!(count(&s, "stale_dossiers"), 0, "{s}");
    let limit = (expected + 10).to_string();
    let hits = ok(&["search", "*", "--db", db, "--limit", &limit, "--json"]);
    let ids: std::collections::HashSet<String> = hits
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("hit JSON");
            v["id"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(hits.lines().count() as u64, expected, "no duplicate hits");
    assert_eq!(ids.len() as u64, expected);
    let events = ok(&["events", "--db", db, "--limit", &limit, "--json"]);
    let total: u64 = events
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("event JSON");
            v["size"].as_u64().unwrap_or(0)
        })
        .sum();
    assert_eq!(total, expected, "every article is in one event");
}

#[cfg(unix)]
#[test]
fn kill_9_mid_ingest_loses_and_duplicates_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    // 1,900 distinct articles and 100 byte-identical copies.
    let distinct = common::write_text_corpus(&input, 190, 10, 100) as u64;
    let db = tmp.path().join("db");
    let (input, db) = (input.display().to_string(), db.display().to_string());
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0x9E37_79B9, |d| d.as_nanos() as u64)
        | 1;
    eprintln!("kill moments seeded with {seed}");
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut killed = 0;
    let stored = |db: &str| {
        crosswire_store::Store::open_read_only(db)
            .and_then(|s| s.stats())
            .map_or(0, |s| s.articles)
    };
    for round in 0..4u64 {
        // The child's messages are kept: when a round goes wrong they say
        // whether the ingest failed or was killed.
        let log_path = tmp.path().join(format!("ingest-{round}.log"));
        let log = std::fs::File::create(&log_path).expect("log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_crosswire"))
            .args(["ingest", &input, "--db", &db, "--batch-size", "50"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("ingest starts");
        // Each round is killed further into the input, at a random point
        // once the store holds a random number of articles, then after a
        // random pause, so kills land mid-batch, mid-dossier and between
        // the database and the index commits.
        let sixth = distinct / 6;
        let target = sixth * (round + 1) + rng.next() % sixth;
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut seen = 0;
        while Instant::now() < deadline && child.try_wait().expect("poll").is_none() {
            seen = stored(&db);
            if seen >= target {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(rng.next() % 150));
        if child.try_wait().expect("poll").is_none() {
            // std's kill is SIGKILL on Unix: no destructor, no flush.
            child.kill().expect("SIGKILL");
            killed += 1;
        }
        let status = child.wait().expect("reaped");
        let log = std::fs::read_to_string(&log_path).unwrap_or_default();
        let s = stats(&db);
        let after = count(&s, "articles");
        assert!(
            after >= seen,
            "committed articles survive: {seen} seen, {after} after"
        );
        assert!(after <= distinct, "{s}");
        assert!(
            count(&s, "indexed") <= after,
            "{s}\ningest ended with {status}:\n{log}"
        );
        eprintln!("round {round}: killed at >= {seen} articles (target {target}); {s}");
    }
    let out = crosswire(&["ingest", &input, "--db", &db]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_db_and_index_agree(&db, distinct);

    // And once more: nothing new.
    let out = crosswire(&["ingest", &input, "--db", &db]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("0 added"), "{}", stderr(&out));
    assert_db_and_index_agree(&db, distinct);
    eprintln!(
        "{killed} kills, {:.1} s in all",
        started.elapsed().as_secs_f32()
    );
    assert!(started.elapsed() < Duration::from_secs(300));
}

#[test]
fn ingesting_twice_stores_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    let distinct = common::write_text_corpus(&input, 8, 3, 5) as u64;
    let db = tmp.path().join("db").display().to_string();
    let input = input.display().to_string();
    let first = crosswire(&["ingest", &input, "--db", &db]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains(&format!("{distinct} added, 5 duplicates")),
        "{}",
        stderr(&first)
    );
    let before = stats(&db);
    let second = crosswire(&["ingest", &input, "--db", &db]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(stderr(&second).contains("0 added"), "{}", stderr(&second));
    let after = stats(&db);
    for key in ["articles", "events", "indexed", "outlets"] {
        assert_eq!(before[key], after[key], "{key}");
    }
    assert_db_and_index_agree(&db, distinct);
}

fn assert_refused(db: &Path, what: &str) {
    let before = std::fs::read(db).ok();
    let db = db.display().to_string();
    for args in [
        vec!["ingest", "-", "--db", &db],
        vec!["stats", "--db", &db],
        vec!["events", "--db", &db],
    ] {
        let out = crosswire(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(what), "{args:?}: {err}");
        assert!(!err.contains("internal error"), "{err}");
    }
    assert_eq!(std::fs::read(&db).ok(), before, "left untouched");
}

#[test]
fn foreign_and_corrupted_stores_are_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let png = tmp.path().join("photo.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").expect("png");
    assert_refused(&png, "not a crosswire store");
    assert_refused(&png, "PNG image");

    let other = tmp.path().join("app.db");
    {
        let conn = rusqlite::Connection::open(&other).expect("sqlite");
        conn.execute_batch(
            "CREATE TABLE prefs(k TEXT, v TEXT); INSERT INTO prefs VALUES ('a','b');",
        )
        .expect("schema");
    }
    assert_refused(&other, "SQLite database of another application");
    let dir = tmp.path().join("dir-with-foreign-db");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::copy(&other, dir.join("crosswire.sqlite")).expect("copy");
    assert_refused(&dir.join("crosswire.sqlite"), "not a crosswire store");
    let out = crosswire(&["stats", "--db", &dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("SQLite database of another application"),
        "{}",
        stderr(&out)
    );

    // A real store, then garbage over its database header.
    let input = tmp.path().join("in");
    common::write_text_corpus(&input, 2, 2, 0);
    let store = tmp.path().join("store");
    let s = store.display().to_string();
    ok(&["ingest", &input.display().to_string(), "--db", &s]);
    let file = store.join("crosswire.sqlite");
    let mut bytes = std::fs::read(&file).expect("read");
    bytes[..16].copy_from_slice(b"GARBAGEGARBAGE!!");
    std::fs::write(&file, &bytes).expect("write");
    for args in [vec!["stats", "--db", &s], vec!["ingest", "-", "--db", &s]] {
        let out = crosswire(&args);
        assert_eq!(out.status.code(), Some(2));
        let err = stderr(&out);
        assert!(err.contains("damaged store database"), "{err}");
        assert!(!err.contains("internal error"), "{err}");
    }
    assert_eq!(
        std::fs::read(&file).expect("read"),
        bytes,
        "not overwritten"
    );

    // Reading commands never create a store.
    let none = tmp.path().join("none");
    let out = crosswire(&["events", "--db", &none.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no crosswire store here"));
    assert!(!none.exists());
}

#[test]
fn events_show_search_and_stats_read_the_store() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).expect("dir");
    let mut lines = Vec::new();
    for e in 0..5 {
        for n in 0..3 {
            let outlet = common::OUTLETS[(e + n) % common::OUTLETS.len()];
            let date = format!("2031-06-{:02}", 1 + e * 3 + n % 2);
            let lang = if n == 2 { "es" } else { "en" };
            lines.push(common::jsonl_record(e, n, outlet, &date, lang));
        }
    }
    std::fs::write(input.join("wire.jsonl"), lines.join("\n")).expect("write");
    let db = tmp.path().join("db").display().to_string();
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
    ok(&[
        "ingest",
        &input.display().to_string(),
        examples,
        "--db",
        &db,
    ]);

    let s = stats(&db);
    assert_eq!(count(&s, "articles"), 20);
    assert_eq!(count(&s, "indexed"), 20);
    let text = ok(&["stats", "--db", &db]);
    assert!(text.contains("articles   20"), "{text}");
    assert!(text.contains("languages  en"), "{text}");

    let listing = ok(&["events", "--db", &db]);
    let mut rows = listing.lines();
    let header = rows.next().unwrap_or_default();
    for col in [
        "event",
        "size",
        "origins",
        "time span",
        "conflicts",
        "title",
    ] {
        assert!(header.contains(col), "{header}");
    }
    let town = common::town(2);
    let row = rows
        .find(|l| l.contains(&town))
        .unwrap_or_else(|| panic!("an event about {town}: {listing}"));
    let id = row
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(id.starts_with('e'), "{row}");
    assert!(row.contains("2031-06-07"), "time span: {row}");

    let recent = ok(&["events", "--db", &db, "--sort", "recent", "--json"]);
    let last: Vec<String> = recent
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("event");
            v["last"].as_str().unwrap_or("").to_string()
        })
        .collect();
    assert!(last.windows(2).all(|w| w[0] >= w[1]), "{last:?}");
    let size: usize = row
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_default();
    let listed = ok(&["show", &id, "--db", &db, "--articles"]);
    assert_eq!(
        listed.lines().count(),
        size,
        "one line per article: {listed}"
    );
    assert!(listed.contains("2031-06-07"), "{listed}");
    let members = ok(&["events", "--db", &db, "--members"]);
    let indented = members.lines().filter(|l| l.starts_with("    ")).count();
    assert_eq!(indented, 20, "every article under its event: {members}");
    let members = ok(&["events", "--db", &db, "--members", "--json"]);
    let total: usize = members
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("event");
            let n = v["members"].as_array().map_or(0, |a| a.len());
            assert_eq!(Some(n as u64), v["size"].as_u64(), "{l}");
            n
        })
        .sum();
    assert_eq!(total, 20);
    let md = ok(&["show", &id, "--db", &db, "--format", "markdown"]);
    assert!(md.contains(&town), "{md}");
    let json = ok(&["show", &id, "--db", &db, "--format", "json"]);
    let dossier: serde_json::Value = serde_json::from_str(&json).expect("dossier JSON");
    assert_eq!(dossier["schema"], "crosswire-dossier/1");
    let articles = dossier["articles"].as_array().map_or(0, |a| a.len());
    assert!(articles >= 1);
    assert!(dossier["articles"][0]["text"]
        .as_str()
        .is_some_and(|t| t.contains(&town)));
    let html = ok(&["show", &id, "--db", &db, "--format", "html"]);
    assert!(html.contains("<html"), "html");
    ok(&["show", &id, "--db", &db, "--format", "csv"]);
    ok(&["show", &id, "--db", &db, "--format", "terminal"]);
    let bare = id.trim_start_matches('e');
    assert_eq!(
        ok(&["show", bare, "--db", &db, "--format", "json"]),
        json,
        "ids with or without the e"
    );
    let missing = crosswire(&["show", "e9999", "--db", &db]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no event e9999"));

    let found = ok(&["search", &town, "--db", &db]);
    assert_eq!(found.lines().count(), 9, "3 hits, 3 lines each: {found}");
    assert!(
        found
            .lines()
            .skip(1)
            .step_by(3)
            .all(|l| l.trim_start().starts_with(&input.display().to_string())),
        "the second line of a hit is its source: {found}"
    );
    assert!(found.contains(&format!("**{town}**")), "{found}");
    assert!(found.contains(&format!(" {id} ")), "event column: {found}");

    let es = ok(&[
        "search", "*", "--db", &db, "--lang", "es", "--json", "-n", "100",
    ]);
    // Five generated Spanish-tagged records plus the example's Spanish article.
    assert_eq!(es.lines().count(), 6, "{es}");
    let dated = ok(&[
        "search",
        "evacuated",
        "--db",
        &db,
        "--from",
        "2031-06-04",
        "--to",
        "2031-06-05",
        "--json",
    ]);
    assert!(dated.lines().count() >= 2, "{dated}");
    for l in dated.lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("hit");
        let d = v["published"].as_str().unwrap_or_default();
        assert!(("2031-06-04".."2031-06-06").contains(&d), "{d}");
    }
    let outlet = ok(&[
        "search",
        "*",
        "--db",
        &db,
        "--outlet",
        "evening lantern",
        "--json",
        "-n",
        "100",
    ]);
    assert!(outlet.lines().count() >= 1);
    assert!(
        outlet.lines().all(|l| l.contains("\"Evening Lantern\"")),
        "{outlet}"
    );
    let in_event = ok(&[
        "search", "*", "--db", &db, "--event", &id, "--json", "-n", "100",
    ]);
    assert!(in_event.lines().count() >= 1);
    assert!(in_event
        .lines()
        .all(|l| l.contains(&format!("\"event\":{bare}"))));
    // The example corpus carries one agency story twice: the copy joins
    // the event of its original.
    let all = ok(&["search", "*", "--db", &db, "--json", "-n", "100"]);
    let event_of = |file: &str| {
        all.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("hit"))
            .find(|v| v["source"].as_str().is_some_and(|s| s.ends_with(file)))
            .map(|v| v["event"].clone())
            .unwrap_or_else(|| panic!("{file} stored: {all}"))
    };
    assert_eq!(
        event_of("harbour-post-mp.txt"),
        event_of("northline-news-mp.html")
    );
    let bad = crosswire(&["search", "x", "--db", &db, "--from", "June"]);
    assert_eq!(bad.status.code(), Some(2), "clap rejects a bad date");
}

/// Serves an RSS feed at `/feed.xml` whose items point to pages
/// `/a/0` … `/a/{pages-1}` (fictional articles) and records every path
/// requested. Stops after `max_conns` requests or ten seconds.
fn serve_feed(pages: usize, max_conns: usize) -> (String, std::sync::mpsc::Receiver<String>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    listener.set_nonblocking(true).expect("nonblocking");
    let (tx, rx) = std::sync::mpsc::channel();
    let feed_base = base.clone();
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut served = 0;
        while served < max_conns && Instant::now() < deadline {
            let Ok((mut stream, _)) = listener.accept() else {
                std::thread::sleep(Duration::from_millis(5));
                continue;
            };
            served += 1;
            let _ = stream.set_nonblocking(false);
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let mut head = Vec::new();
            let mut buf = [0u8; 1024];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(n) if n > 0 => head.extend_from_slice(&buf[..n]),
                    _ => break,
                }
            }
            let head = String::from_utf8_lossy(&head).into_owned();
            let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (ctype, body) = if path == "/feed.xml" {
                let items: String = (0..pages)
                    .map(|i| {
                        format!(
                            "<item><title>Item {i}</title><link>{feed_base}/a/{i}</link></item>"
                        )
                    })
                    .collect();
                (
                    "application/rss+xml",
                    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Valley wire</title>{items}</channel></rss>"),
                )
            } else if let Some(i) = path
                .strip_prefix("/a/")
                .and_then(|i| i.parse::<usize>().ok())
            {
                let (title, body) = common::article(i, 0);
                let paras: String = body.split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
                (
                    "text/html; charset=utf-8",
                    format!("<!DOCTYPE html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paras}</article></body></html>"),
                )
            } else {
                ("text/plain", String::new())
            };
            let status = if body.is_empty() {
                "404 Not Found"
            } else {
                "200 OK"
            };
            let reply = format!(
                "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(reply.as_bytes());
            let _ = tx.send(path);
        }
    });
    (base, rx)
}

#[test]
fn feed_items_are_fetched_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = tmp.path().join("db").display().to_string();
    let (base, requests) = serve_feed(3, 32);
    let feed = format!("{base}/feed.xml");

    let listed = crosswire(&["ingest", &feed, "--db", &db, "--no-follow-links"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert!(
        stderr(&listed).contains("3 feed items were not fetched"),
        "{}",
        stderr(&listed)
    );
    assert_eq!(count(&stats(&db), "articles"), 0);

    let first = crosswire(&["ingest", &feed, "--db", &db]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("3 added"), "{}", stderr(&first));
    assert_db_and_index_agree(&db, 3);

    // The next poll reads the feed again but requests none of its pages.
    let seen: Vec<String> = requests.try_iter().collect();
    let second = crosswire(&["ingest", &feed, "--db", &db]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(stderr(&second).contains("0 added"), "{}", stderr(&second));
    let again: Vec<String> = requests.try_iter().collect();
    assert_eq!(
        seen.iter().filter(|p| p.starts_with("/a/")).count(),
        3,
        "{seen:?}"
    );
    assert_eq!(again, ["/feed.xml"], "only the feed is read again");
    assert_db_and_index_agree(&db, 3);
}

#[cfg(unix)]
#[test]
fn watch_picks_up_new_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    let write = |i: usize| {
        let (title, body) = common::article(i, 0);
        std::fs::write(
            input.join(format!("{i}.txt")),
            format!("{title}\n\n{body}\n"),
        )
        .expect("write article");
    };
    write(0);
    let db = tmp.path().join("db").display().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosswire"))
        .args(["ingest", &input.display().to_string(), "--db", &db])
        .args(["--watch", "--interval", "1"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("crosswire runs");
    let wait_for = |n: u64| {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            let out = crosswire(&["stats", "--db", &db, "--json"]);
            if out.status.success() {
                let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
                if count(&v, "articles") == n && count(&v, "indexed") == n {
                    return true;
                }
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        false
    };
    let first = wait_for(1);
    write(1);
    write(2);
    let later = wait_for(3);
    let still_running = child.try_wait().ok().flatten().is_none();
    let _ = child.kill();
    let out = child.wait_with_output().expect("wait");
    assert!(first && later, "{}", String::from_utf8_lossy(&out.stderr));
    assert!(still_running, "--watch keeps running");
    assert_db_and_index_agree(&db, 3);
}
