//! Inputs that used to break, stall or silently lose data (the findings
//! of the hostile-input review), each on a fixture written at test time.

mod common;

use std::io::Write;
use std::time::{Duration, Instant};

use common::*;
use crosswire_ingest::{ErrorKind, Item, Options};

/// Repro 9: one NUL byte costs its line, not the JSON Lines file.
#[test]
fn a_nul_byte_costs_one_json_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.jsonl");
    let lines = b"{\"title\": \"A\", \"maintext\": \"The ferry left at noon.\"}\n\
{\"title\": \"B\", \"maintext\": \"Bad \x00 byte.\"}\n\
{\"title\": \"C\", \"maintext\": \"The ferry came back at six.\"}\n";
    std::fs::write(&path, lines).unwrap();
    let items = run_path(&path);
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(doc(&items[0]).source.ends_with("#0"));
    assert!(is_malformed(&err(&items[1]).kind, "JSON line"));
    assert!(doc(&items[2]).source.ends_with("#2"));
}

/// Repro 10: a corrupt member of a WARC.gz costs its record; the parser
/// resynchronizes at the next member.
#[test]
fn a_corrupt_warc_gz_member_costs_one_record() {
    let mut members: Vec<Vec<u8>> = (0..4)
        .map(|i| {
            let html = page(&format!("Story {i}"), "Snow closed the pass on Saturday.");
            gzip(&warc_response(
                &format!("https://news.example/{i}"),
                "text/html",
                html.as_bytes(),
            ))
        })
        .collect();
    // Damage the compressed data of the second member.
    let m = &mut members[1];
    let mid = m.len() / 2;
    for b in &mut m[mid..mid + 8] {
        *b ^= 0x5a;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, members.concat()).unwrap();
    let items = run_path(&path);
    let docs: Vec<&str> = items
        .iter()
        .filter_map(|i| match i {
            Item::Doc(d) => d.hints.url.as_deref(),
            _ => None,
        })
        .collect();
    assert_eq!(
        docs,
        [
            "https://news.example/0",
            "https://news.example/2",
            "https://news.example/3"
        ],
        "{items:?}"
    );
    let errors: Vec<_> = items
        .iter()
        .filter_map(|i| match i {
            Item::Error(e) => Some(e),
            _ => None,
        })
        .collect();
    assert!(!errors.is_empty());
    assert!(errors
        .iter()
        .all(|e| e.source_name.contains("crawl.warc.gz#")));
}

/// Repro 10: a corrupt first member does not cost the rest either.
#[test]
fn a_corrupt_first_gzip_member_costs_only_itself() {
    let mut first = gzip(&warc_response(
        "https://news.example/0",
        "text/html",
        page("Zero", "A short story about rain.").as_bytes(),
    ));
    let mid = first.len() / 2;
    for b in &mut first[mid..mid + 6] {
        *b ^= 0xff;
    }
    let second = gzip(&warc_response(
        "https://news.example/1",
        "text/html",
        page("One", "A short story about snow.").as_bytes(),
    ));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, [first, second].concat()).unwrap();
    let items = run_path(&path);
    let urls: Vec<&str> = items
        .iter()
        .filter_map(|i| match i {
            Item::Doc(d) => d.hints.url.as_deref(),
            _ => None,
        })
        .collect();
    assert_eq!(urls, ["https://news.example/1"], "{items:?}");
}

/// Repro 11: a feed item with neither text nor a link is reported.
#[test]
fn feed_items_without_a_link_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.rss");
    std::fs::write(
        &path,
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
         <item><title>Linked</title><link>https://news.example/1</link></item>\
         <item><title>Lost</title><description>Short.</description></item>\
         </channel></rss>",
    )
    .unwrap();
    let items = run_path(&path);
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(link(&items[0]).url, "https://news.example/1");
    let e = err(&items[1]);
    assert!(is_malformed(&e.kind, "feed item"), "{e}");
    assert!(e.source_name.ends_with("feed.rss#1"));
}

fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// Repro 8: a FIFO met in a directory walk is skipped with a note; the
/// files around it are read.
#[test]
fn a_fifo_in_a_directory_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), page("A", "First story.")).unwrap();
    mkfifo(&dir.path().join("b.pipe"));
    std::fs::write(dir.path().join("c.txt"), "Second story, as text.\n").unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let root = dir.path().display().to_string();
    std::thread::spawn(move || {
        let items: Vec<Item> = crosswire_ingest::open(&[root], &Options::default()).collect();
        let _ = tx.send(items);
    });
    let items = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("the walk does not hang on the FIFO");
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(doc(&items[0]).source.ends_with("a.html"));
    match &items[1] {
        Item::Skipped(e) => {
            assert!(matches!(&e.kind, ErrorKind::NotRegular(m) if m.contains("FIFO")));
            assert!(e.source_name.ends_with("b.pipe"));
        }
        other => panic!("expected a skipped entry, got {other:?}"),
    }
    assert!(doc(&items[2]).source.ends_with("c.txt"));
}

/// Repro 8: a FIFO named directly is read, with a timeout when nobody
/// writes to it.
#[test]
fn a_fifo_named_directly_is_read_with_a_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let silent = dir.path().join("silent.pipe");
    mkfifo(&silent);
    let opts = Options {
        special_file_timeout_secs: 1,
        ..Options::default()
    };
    let start = Instant::now();
    let items = run(&[silent.to_str().unwrap()], &opts);
    let e = err(only(&items));
    assert!(e.to_string().contains("no data within 1 s"), "{e}");
    assert!(start.elapsed() < Duration::from_secs(15));

    let talking = dir.path().join("talking.pipe");
    mkfifo(&talking);
    let writer_path = talking.clone();
    let writer = std::thread::spawn(move || {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(&writer_path)
            .unwrap();
        f.write_all(page("Piped", "A story through a pipe.").as_bytes())
            .unwrap();
    });
    let items = run(&[talking.to_str().unwrap()], &opts);
    writer.join().unwrap();
    assert!(doc(only(&items)).source.ends_with("talking.pipe"));
}
