//! End-to-end tests of the `crosswire` binary on fixtures written at test time.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn crosswire(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosswire"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("crosswire starts");
    {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        if let Some(bytes) = stdin {
            // A command that fails on its arguments exits without reading
            // stdin; the broken pipe that leaves is not this test's concern.
            if let Err(e) = pipe.write_all(bytes) {
                assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
            }
        }
    }
    child.wait_with_output().expect("crosswire finishes")
}

/// Runs crosswire and asserts it succeeded, showing its stderr if not.
fn crosswire_ok(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let out = crosswire(args, stdin);
    assert!(
        out.status.success(),
        "crosswire {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every stdout line is JSON"))
        .collect()
}

const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Bridge reopens after repairs | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2031-05-14T09:30:00Z">
<meta name="author" content="Ada Lindqvist">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The Harlow river bridge reopened to traffic on Tuesday after eight months of repairs, the county roads office said.</p>
<p>Engineers replaced 140 metres of deck and two of the four support cables, at a cost the office put at 3.2 million euros.</p>
<p>"We are glad to give the town its bridge back," said Mara Quill, who leads the roads office, adding that cyclists would get a new lane.</p>
</article>
<footer>Copyright The Valley Courier. All rights reserved. Privacy policy. Contact us.</footer>
</body></html>"#;

const TEXT: &str = "Harbour cranes idle as dock workers strike\n\n\
Dock workers at the port of Selmet walked out on Monday, leaving about 40 ships waiting \
at anchor, the port authority said in a statement.\n\n\
The union said the strike would last until a new wage offer was made. Talks are set to \
resume on Thursday, according to the labour ministry.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("fixture written");
}

#[test]
fn bad_inputs_do_not_stop_the_batch() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a_page.html", PAGE.as_bytes());
    write(dir.path(), "b_empty.txt", b"");
    write(
        dir.path(),
        "c_binary.bin",
        &[0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0],
    );
    write(dir.path(), "d_story.txt", TEXT.as_bytes());
    let missing = dir.path().join("no_such_file.html");
    let out = crosswire(
        &[
            "extract",
            "--format",
            "jsonl",
            dir.path().to_str().expect("utf-8 path"),
            missing.to_str().expect("utf-8 path"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "some inputs failed: exit 1");
    let rows = jsonl(&out);
    assert_eq!(rows.len(), 5, "one line per input: {rows:?}");
    let by_name = |name: &str| {
        rows.iter()
            .find(|r| r["source"].as_str().is_some_and(|s| s.ends_with(name)))
            .unwrap_or_else(|| panic!("a row for {name}"))
    };
    assert!(by_name("b_empty.txt")["error"].is_string());
    assert!(by_name("c_binary.bin")["error"].is_string());
    assert!(by_name("no_such_file.html")["error"].is_string());
    let page = by_name("a_page.html");
    assert_eq!(page["title"], "Bridge reopens after repairs");
    assert_eq!(page["outlet"], "The Valley Courier");
    assert_eq!(page["language"], "en");
    let text = page["text"].as_str().expect("text");
    assert!(
        text.starts_with("The Harlow river bridge reopened"),
        "{text}"
    );
    assert!(!text.contains("Privacy policy"), "{text}");
    let story = by_name("d_story.txt");
    assert_eq!(story["title"], "Harbour cranes idle as dock workers strike");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("b_empty.txt"),
        "errors name the input: {stderr}"
    );
    assert!(
        stderr.contains("c_binary.bin"),
        "errors name the input: {stderr}"
    );
}

#[test]
fn reads_stdin_and_prints_a_json_array() {
    let out = crosswire_ok(&["extract", "--format", "json", "-"], Some(PAGE.as_bytes()));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON document");
    let rows = v.as_array().expect("an array");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["source"], "-");
    assert_eq!(rows[0]["published"], "2031-05-14T09:30:00Z");
}

#[test]
fn text_output_shows_title_and_body() {
    let out = crosswire(&["extract", "--format", "text", "-"], Some(TEXT.as_bytes()));
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("# Harbour cranes idle as dock workers strike"),
        "{s}"
    );
    assert!(
        s.contains("Dock workers at the port of Selmet walked out"),
        "{s}"
    );
}

#[test]
fn analyze_emits_the_article_model_with_spans() {
    let out = crosswire_ok(
        &["analyze", "--format", "jsonl", "--date", "2031-05-14", "-"],
        Some(TEXT.as_bytes()),
    );
    let rows = jsonl(&out);
    assert_eq!(rows.len(), 1);
    let a = &rows[0];
    assert_eq!(a["schema"], "crosswire/1");
    let text = a["text"].as_str().expect("text");
    let blocks = a["blocks"].as_array().expect("blocks");
    assert!(!blocks.is_empty());
    for b in blocks {
        let (s, e) = (
            b["start"].as_u64().expect("start") as usize,
            b["end"].as_u64().expect("end") as usize,
        );
        assert!(text.get(s..e).is_some(), "block range inside the text");
    }
}

#[test]
fn rejects_a_malformed_date() {
    let out = crosswire(&["analyze", "--date", "14/05/2031", "-"], Some(b"x"));
    assert_eq!(out.status.code(), Some(2));
}

/// The example corpus of the README: the dossier shows a wire copy, every
/// verdict and a quote carried in several wordings.
#[test]
fn check_on_the_example_corpus() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
    let out = crosswire_ok(&["check", "--format", "json", corpus], None);
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON dossier");
    assert_eq!(d["schema"], "crosswire-dossier/1");
    let articles = d["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 5);
    let origin_of = |name: &str| {
        articles
            .iter()
            .find(|a| a["source"].as_str().is_some_and(|s| s.ends_with(name)))
            .map(|a| a["origin"].clone())
            .unwrap_or_else(|| panic!("{name} is in the dossier"))
    };
    // The agency story and its republication are one origin; the rest are not.
    assert_eq!(
        origin_of("northline-news-mp.html"),
        origin_of("harbour-post-mp.txt")
    );
    assert_ne!(
        origin_of("arkenvale-courier.html"),
        origin_of("harbour-post-mp.txt")
    );
    assert_eq!(d["origins"].as_array().map(Vec::len), Some(4));
    let verdicts: Vec<&str> = d["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .filter_map(|s| s["verdict"].as_str())
        .collect();
    for v in [
        "conflict",
        "revised",
        "compatible",
        "agree",
        "single_source",
    ] {
        assert!(verdicts.contains(&v), "a {v} slot: {verdicts:?}");
    }
    let quotes = d["quotes"].as_array().expect("quotes");
    assert!(
        quotes
            .iter()
            .any(|q| q["variants"].as_array().is_some_and(|v| v.len() >= 2)),
        "a quote in several wordings"
    );
}

#[test]
fn check_writes_html_named_by_extension() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dossier.html");
    crosswire_ok(
        &[
            "check",
            corpus,
            "--output",
            path.to_str().expect("utf-8 path"),
        ],
        None,
    );
    let html = std::fs::read_to_string(&path).expect("the report was written");
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"));
    assert!(html.contains("Northline News"));
    assert!(!html.contains("<script src="), "self-contained");
}

#[test]
fn generate_writes_a_warc_that_extract_reads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let warc = dir.path().join("synth.warc");
    crosswire_ok(
        &[
            "generate",
            "-n",
            "20",
            "-o",
            warc.to_str().expect("utf-8 path"),
        ],
        None,
    );
    let out = crosswire_ok(
        &[
            "extract",
            "--format",
            "jsonl",
            warc.to_str().expect("utf-8 path"),
        ],
        None,
    );
    let rows = jsonl(&out);
    assert_eq!(rows.len(), 20);
    for r in &rows {
        assert!(r["title"].is_string(), "{r}");
        assert!(r["outlet"].is_string(), "{r}");
        let text = r["text"].as_str().expect("text");
        assert!(
            !text.contains("All rights reserved"),
            "furniture left out: {text}"
        );
        assert!(
            !text.contains("Markets close higher"),
            "related box left out: {text}"
        );
    }
}
