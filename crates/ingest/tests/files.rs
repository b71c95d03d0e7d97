//! One test per kind of input, good or bad, read from files.

mod common;

use std::fs;

use common::*;
use crosswire_ingest::charset::{decode_html, decode_text};
use crosswire_ingest::{ErrorKind, Format, Item, Options};

/// Made-up Spanish prose with the accents that go wrong when a legacy
/// encoding is misread.
const SPANISH: &str = "El ayuntamiento aprobó el presupuesto del año próximo, según \
    fuentes municipales. ¿Cuánto costará la obra? La portavoz explicó que la \
    inversión en educación crecerá y que el número de plazas en guarderías \
    aumentará. Los vecinos señalaron que la situación económica es difícil \
    y pidieron más información sobre las cuentas públicas de la región.";

fn latin1(s: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(s);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn empty_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.html");
    fs::write(&path, "").unwrap();
    let items = run_path(&path);
    let e = err(only(&items));
    assert!(matches!(e.kind, ErrorKind::Empty));
    assert_names(e, "empty.html");
}

#[test]
fn whitespace_only_file_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.txt");
    fs::write(&path, " \n\n\t  \r\n").unwrap();
    let items = run_path(&path);
    assert!(matches!(err(only(&items)).kind, ErrorKind::Empty));
}

#[test]
fn binary_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("photo.html");
    fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let items = run_path(&png);
    let e = err(only(&items));
    assert!(matches!(&e.kind, ErrorKind::Binary(what) if what.contains("PNG")));
    assert_names(e, "photo.html");

    let blob = dir.path().join("blob.txt");
    let bytes: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 256) as u8).collect();
    fs::write(&blob, bytes).unwrap();
    let items = run_path(&blob);
    assert!(matches!(err(only(&items)).kind, ErrorKind::Binary(_)));

    let pdf = dir.path().join("report");
    fs::write(&pdf, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").unwrap();
    let items = run_path(&pdf);
    assert!(matches!(&err(only(&items)).kind, ErrorKind::Binary(what) if what == "PDF"));
}

#[test]
fn invalid_utf8_text_decodes_lossily() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.txt");
    fs::write(
        &path,
        b"Flood warning issued\n\nRivers rose \xff\xfe\xc3 overnight.\n",
    )
    .unwrap();
    let items = run_path(&path);
    let d = doc(only(&items));
    assert_eq!(d.format, Format::Text);
    let text = decode_text(&d.bytes);
    assert!(text.contains("Flood warning issued"));
    assert!(text.contains("overnight."));
}

#[test]
fn windows_1252_html_with_meta_charset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("es.html");
    let html = format!(
        "<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>Presupuesto</title>\
         </head><body><p>{SPANISH}</p></body></html>"
    );
    fs::write(&path, latin1(&html)).unwrap();
    let items = run_path(&path);
    let d = doc(only(&items));
    assert_eq!(d.format, Format::Html);
    let page = decode_html(&d.bytes, d.hints.charset.as_deref());
    assert!(page.contains("año") && page.contains("según") && page.contains("¿Cuánto"));
}

#[test]
fn iso_8859_1_html_with_http_equiv() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("es-equiv.html");
    let html = format!(
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\
         </head><body><p>{SPANISH}</p></body></html>"
    );
    fs::write(&path, latin1(&html)).unwrap();
    let items = run_path(&path);
    let page = decode_html(&doc(only(&items)).bytes, None);
    assert!(page.contains("año") && page.contains("según") && page.contains("¿"));
}

#[test]
fn windows_1252_html_without_meta_is_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("es-nometa.html");
    let html = format!("<html><body><h1>Presupuesto</h1><p>{SPANISH}</p></body></html>");
    fs::write(&path, latin1(&html)).unwrap();
    let items = run_path(&path);
    let d = doc(only(&items));
    assert_eq!(d.format, Format::Html);
    let page = decode_html(&d.bytes, None);
    assert!(page.contains("año") && page.contains("según") && page.contains("¿Cuánto"));
}

#[test]
fn latin1_text_is_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("es.txt");
    fs::write(
        &path,
        latin1(&format!("Presupuesto municipal\n\n{SPANISH}\n")),
    )
    .unwrap();
    let items = run_path(&path);
    let d = doc(only(&items));
    assert_eq!(d.format, Format::Text);
    let text = decode_text(&d.bytes);
    assert!(text.contains("año") && text.contains("según") && text.contains("¿Cuánto"));
}

#[test]
fn gzipped_html_is_decompressed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.html.gz");
    let html = page(
        "Bridge reopens",
        "The bridge reopened on Friday after repairs.",
    );
    fs::write(&path, gzip(html.as_bytes())).unwrap();
    let items = run_path(&path);
    let d = doc(only(&items));
    assert_eq!(d.format, Format::Html);
    assert_eq!(d.bytes, html.as_bytes());
    assert!(d.source.ends_with("page.html.gz"));
}

#[test]
fn truncated_gzip_is_malformed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.html.gz");
    let body = "The council met on Tuesday. ".repeat(400);
    let full = gzip(page("Council", &body).as_bytes());
    fs::write(&path, &full[..full.len() / 2]).unwrap();
    let items = run_path(&path);
    let e = err(only(&items));
    assert!(is_malformed(&e.kind, "gzip"), "{e}");
    assert_names(e, "cut.html.gz");

    // Cut inside the gzip header itself.
    let tiny = dir.path().join("tiny.gz");
    fs::write(&tiny, &full[..5]).unwrap();
    let items = run_path(&tiny);
    assert!(is_malformed(&err(only(&items)).kind, "gzip"));
}

fn three_record_warc() -> Vec<u8> {
    let mut warc = Vec::new();
    let first = page("Dam opens", "The new dam opened on Monday, officials said.");
    warc.extend(warc_response(
        "https://news.example/dam",
        "text/html; charset=utf-8",
        first.as_bytes(),
    ));
    // No Content-Length: the parser cannot know where this record ends and
    // must find the next one.
    warc.extend_from_slice(
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/broken\r\n\
          Content-Type: application/http; msgtype=response\r\n\r\n\
          HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>lost</p></html>\r\n\r\n",
    );
    let third = latin1(&page("Presupuesto", SPANISH));
    warc.extend(warc_response(
        "https://noticias.example/presupuesto",
        "text/html; charset=ISO-8859-1",
        &third,
    ));
    warc
}

#[test]
fn warc_with_broken_middle_record_keeps_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc");
    fs::write(&path, three_record_warc()).unwrap();
    let items = run_path(&path);
    assert_eq!(items.len(), 3, "{items:?}");

    let first = doc(&items[0]);
    assert!(first.source.ends_with("crawl.warc#0"));
    assert_eq!(first.format, Format::Html);
    assert_eq!(first.hints.url.as_deref(), Some("https://news.example/dam"));
    assert_eq!(first.hints.charset.as_deref(), Some("utf-8"));
    assert_eq!(first.hints.crawled.as_deref(), Some("2024-05-01T10:00:00Z"));
    assert!(first.bytes.starts_with(b"<!DOCTYPE html>"));

    let e = err(&items[1]);
    assert!(is_malformed(&e.kind, "WARC record"), "{e}");
    assert_names(e, "crawl.warc#1");

    let third = doc(&items[2]);
    assert!(third.source.ends_with("crawl.warc#2"));
    assert_eq!(third.hints.charset.as_deref(), Some("ISO-8859-1"));
    let text = decode_html(&third.bytes, third.hints.charset.as_deref());
    assert!(text.contains("según"));
}

#[test]
fn warc_gz_with_one_member_per_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("CC-NEWS-00001.warc.gz");
    let mut bytes = Vec::new();
    bytes.extend(gzip(&warc_record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    )));
    for i in 0..3 {
        let html = page(
            &format!("Story {i}"),
            "Rain fell across the valley on Sunday.",
        );
        bytes.extend(gzip(&warc_response(
            &format!("https://news.example/{i}"),
            "text/html",
            html.as_bytes(),
        )));
    }
    fs::write(&path, bytes).unwrap();
    let items = run_path(&path);
    assert_eq!(items.len(), 3, "{items:?}");
    for (i, item) in items.iter().enumerate() {
        let d = doc(item);
        // Record 0 is the warcinfo, skipped but counted.
        assert!(d
            .source
            .ends_with(&format!("CC-NEWS-00001.warc.gz#{}", i + 1)));
        let url = format!("https://news.example/{i}");
        assert_eq!(d.hints.url.as_deref(), Some(url.as_str()));
    }
}

#[test]
fn warc_skips_non_articles() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.warc");
    let mut bytes = Vec::new();
    bytes.extend(warc_record(
        "request",
        "https://news.example/a",
        "application/http; msgtype=request",
        b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
    ));
    let mut image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n".to_vec();
    image.extend_from_slice(b"\x89PNG\r\n\x1a\n\0\0");
    bytes.extend(warc_record(
        "response",
        "https://news.example/a.png",
        "application/http; msgtype=response",
        &image,
    ));
    bytes.extend(warc_record(
        "response",
        "https://news.example/old",
        "application/http; msgtype=response",
        b"HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\n\r\n",
    ));
    let chunked =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n\
        f\r\n<html><p>Chunk \r\n8\r\none.</p>\r\n0\r\n\r\n";
    bytes.extend(warc_record(
        "response",
        "https://news.example/new",
        "application/http; msgtype=response",
        chunked,
    ));
    fs::write(&path, bytes).unwrap();
    let items = run_path(&path);
    let d = doc(only(&items));
    assert!(d.source.ends_with("mixed.warc#3"));
    assert_eq!(d.bytes, b"<html><p>Chunk one.</p>");
}

#[test]
fn warc_truncated_body_ends_with_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.warc");
    let mut bytes = warc_response(
        "https://news.example/1",
        "text/html",
        page("A", "B").as_bytes(),
    );
    let second = warc_response(
        "https://news.example/2",
        "text/html",
        page("C", "D").as_bytes(),
    );
    bytes.extend_from_slice(&second[..second.len() - 40]);
    fs::write(&path, bytes).unwrap();
    let items = run_path(&path);
    assert_eq!(items.len(), 2);
    doc(&items[0]);
    let e = err(&items[1]);
    assert_names(e, "cut.warc#1");
}

#[test]
fn jsonl_with_a_bad_line_in_the_middle() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("articles.jsonl");
    let lines = [
        serde_json::json!({
            "title": "Port strike ends",
            "maintext": "Dock workers returned to work on Thursday after a deal.",
            "url": "https://news.example/port",
            "date_publish": "2024-05-02 08:00:00",
            "language": "en",
            "source_domain": "news.example",
            "authors": ["A. Writer", "B. Reporter"],
            "description": "A deal was reached."
        })
        .to_string(),
        "{\"title\": \"cut off".to_string(),
        serde_json::json!({
            "title": "Página",
            "html": "<html><body><p>Texto del artículo.</p></body></html>",
            "url": "https://noticias.example/pagina"
        })
        .to_string(),
        serde_json::json!({"title": "Only a link", "url": "https://news.example/later"})
            .to_string(),
    ];
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    let items = run_path(&path);
    assert_eq!(items.len(), 4, "{items:?}");

    let first = doc(&items[0]);
    assert!(first.source.ends_with("articles.jsonl#0"));
    assert_eq!(first.format, Format::Text);
    assert_eq!(
        first.bytes,
        b"Dock workers returned to work on Thursday after a deal."
    );
    assert_eq!(first.hints.title.as_deref(), Some("Port strike ends"));
    assert_eq!(
        first.hints.url.as_deref(),
        Some("https://news.example/port")
    );
    assert_eq!(
        first.hints.published.as_deref(),
        Some("2024-05-02 08:00:00")
    );
    assert_eq!(first.hints.language.as_deref(), Some("en"));
    assert_eq!(first.hints.outlet.as_deref(), Some("news.example"));
    assert_eq!(first.hints.byline, vec!["A. Writer", "B. Reporter"]);
    assert_eq!(
        first.hints.description.as_deref(),
        Some("A deal was reached.")
    );

    let e = err(&items[1]);
    assert!(is_malformed(&e.kind, "JSON line"));
    assert_names(e, "articles.jsonl#1");

    let third = doc(&items[2]);
    assert_eq!(third.format, Format::Html);
    assert!(third.source.ends_with("articles.jsonl#2"));

    let l = link(&items[3]);
    assert_eq!(l.url, "https://news.example/later");
}

#[test]
fn news_please_pretty_json_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("article.json");
    let record = serde_json::json!({
        "title": "Market opens higher",
        "maintext": "Shares rose in early trading on Monday.",
        "authors": [],
        "date_publish": "2024-05-06 09:30:00",
    });
    fs::write(&path, serde_json::to_string_pretty(&record).unwrap()).unwrap();
    let items = run_path(&path);
    let d = doc(only(&items));
    assert_eq!(d.format, Format::Text);
    assert_eq!(d.hints.title.as_deref(), Some("Market opens higher"));
    assert!(d.hints.byline.is_empty());
}

fn long_html() -> String {
    "<p>The harbour authority confirmed that the ferry service will resume next week \
     after inspectors cleared the vessel, and passengers were told to check times.</p>"
        .repeat(6)
}

#[test]
fn rss_full_text_item_and_link_only_item() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.xml");
    let rss = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour News</title>
  <link>https://harbour.example/</link>
  <description>Local news</description>
  <language>en-gb</language>
  <item>
    <title>Ferry service to resume</title>
    <link>https://harbour.example/ferry</link>
    <pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate>
    <dc:creator>Sam Quay</dc:creator>
    <description>Ferries are back next week.</description>
    <content:encoded><![CDATA[{}]]></content:encoded>
  </item>
  <item>
    <title>Tide tables published</title>
    <link>https://harbour.example/tides</link>
    <description>Short teaser only.</description>
  </item>
</channel>
</rss>"#,
        long_html()
    );
    fs::write(&path, rss).unwrap();
    let items = run_path(&path);
    assert_eq!(items.len(), 2, "{items:?}");
    let d = doc(&items[0]);
    assert_eq!(d.format, Format::Html);
    assert!(d.source.ends_with("feed.xml#0"));
    assert_eq!(d.hints.title.as_deref(), Some("Ferry service to resume"));
    assert_eq!(
        d.hints.url.as_deref(),
        Some("https://harbour.example/ferry")
    );
    assert!(d
        .hints
        .published
        .as_deref()
        .unwrap()
        .starts_with("2024-05-07T10:00:00"));
    assert_eq!(d.hints.byline, vec!["Sam Quay"]);
    assert_eq!(d.hints.outlet.as_deref(), Some("Harbour News"));
    assert_eq!(d.hints.language.as_deref(), Some("en"));
    assert_eq!(
        d.hints.description.as_deref(),
        Some("Ferries are back next week.")
    );
    let page = decode_html(&d.bytes, d.hints.charset.as_deref());
    assert!(page.contains("harbour authority confirmed"));

    let l = link(&items[1]);
    assert_eq!(l.url, "https://harbour.example/tides");
    assert_eq!(l.title.as_deref(), Some("Tide tables published"));
}

#[test]
fn atom_feed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("atom.xml");
    let atom = format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Times</title>
  <id>urn:example:valley</id>
  <updated>2024-05-08T12:00:00Z</updated>
  <entry>
    <title>Orchard harvest early</title>
    <id>urn:example:valley:1</id>
    <link rel="alternate" href="https://valley.example/harvest"/>
    <published>2024-05-08T09:00:00Z</published>
    <updated>2024-05-08T12:00:00Z</updated>
    <author><name>Robin Field</name></author>
    <content type="html">{}</content>
  </entry>
  <entry>
    <title>Market day moved</title>
    <id>urn:example:valley:2</id>
    <link href="https://valley.example/market"/>
    <updated>2024-05-08T12:00:00Z</updated>
    <summary>Short.</summary>
  </entry>
</feed>"#,
        long_html().replace('<', "&lt;").replace('>', "&gt;")
    );
    fs::write(&path, atom).unwrap();
    let items = run_path(&path);
    assert_eq!(items.len(), 2, "{items:?}");
    let d = doc(&items[0]);
    assert_eq!(d.hints.title.as_deref(), Some("Orchard harvest early"));
    assert_eq!(
        d.hints.url.as_deref(),
        Some("https://valley.example/harvest")
    );
    assert_eq!(d.hints.byline, vec!["Robin Field"]);
    assert!(d
        .hints
        .published
        .as_deref()
        .unwrap()
        .starts_with("2024-05-08T09:00:00"));
    assert!(String::from_utf8_lossy(&d.bytes).contains("<p>The harbour authority"));
    assert_eq!(link(&items[1]).url, "https://valley.example/market");
}

#[test]
fn broken_feed_is_malformed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.rss");
    fs::write(
        &path,
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>x",
    )
    .unwrap();
    let items = run_path(&path);
    let e = err(only(&items));
    assert!(is_malformed(&e.kind, "feed"), "{e}");
    assert_names(e, "bad.rss");
}

#[test]
fn sitemap_yields_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sitemap.xml");
    fs::write(
        &path,
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\
         <url><loc>https://news.example/a?x=1&amp;y=2</loc></url>\
         <url><loc>https://news.example/b</loc></url></urlset>",
    )
    .unwrap();
    let items = run_path(&path);
    assert_eq!(items.len(), 2);
    assert_eq!(link(&items[0]).url, "https://news.example/a?x=1&y=2");
    assert_eq!(link(&items[1]).url, "https://news.example/b");
}

#[test]
fn directory_is_walked_sorted_skipping_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("b/inner")).unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::write(root.join("c.txt"), "Third story text.").unwrap();
    fs::write(root.join("a.txt"), "First story text.").unwrap();
    fs::write(root.join("b/inner/z.txt"), "Second story text.").unwrap();
    fs::write(root.join(".hidden.txt"), "Never read.").unwrap();
    fs::write(root.join(".git/config"), "Never read.").unwrap();
    let items = run_path(root);
    let sources: Vec<String> = items.iter().map(|i| doc(i).source.clone()).collect();
    assert_eq!(sources.len(), 3, "{sources:?}");
    assert!(sources[0].ends_with("a.txt"));
    assert!(sources[1].ends_with("z.txt"));
    assert!(sources[2].ends_with("c.txt"));
}

#[test]
fn glob_and_missing_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("one.html"), page("One", "First.")).unwrap();
    fs::write(root.join("two.html"), page("Two", "Second.")).unwrap();
    fs::write(root.join("notes.txt"), "Not matched.").unwrap();
    let pattern = format!("{}/*.html", root.display());
    let nothing = format!("{}/*.warc", root.display());
    let missing = format!("{}/missing.html", root.display());
    let items = run(&[&pattern, &nothing, &missing], &Options::default());
    assert_eq!(items.len(), 4, "{items:?}");
    assert!(doc(&items[0]).source.ends_with("one.html"));
    assert!(doc(&items[1]).source.ends_with("two.html"));
    let e = err(&items[2]);
    assert!(matches!(e.kind, ErrorKind::NotFound));
    assert_names(e, "*.warc");
    let e = err(&items[3]);
    assert!(matches!(e.kind, ErrorKind::NotFound));
    assert_names(e, "missing.html");
}

#[test]
fn inputs_are_opened_lazily() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("later.txt");
    let inputs = vec![path.display().to_string()];
    let opts = Options::default();
    let mut stream = crosswire_ingest::open(&inputs, &opts);
    // Created after open(): found, because nothing was read up front.
    fs::write(&path, "Written after the stream was opened.").unwrap();
    assert!(matches!(stream.next(), Some(Item::Doc(_))));
    assert!(stream.next().is_none());
}

#[test]
fn size_cap_applies_to_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let opts = Options {
        max_bytes: 1000,
        ..Options::default()
    };
    let big = root.join("big.html");
    fs::write(&big, page("Big", &"word ".repeat(400))).unwrap();
    let big_gz = root.join("big.html.gz");
    fs::write(&big_gz, gzip(page("Big", &"word ".repeat(400)).as_bytes())).unwrap();
    let small = root.join("small.html");
    fs::write(&small, page("Small", "Fits.")).unwrap();
    let lines = root.join("mixed.jsonl");
    let long = serde_json::json!({"title": "Long", "text": "x".repeat(2000)}).to_string();
    let short = serde_json::json!({"title": "Short", "text": "Fits."}).to_string();
    fs::write(&lines, format!("{long}\n{short}\n")).unwrap();
    let warc = root.join("big.warc");
    let mut warc_bytes = warc_response(
        "https://news.example/big",
        "text/html",
        page("Big", &"word ".repeat(400)).as_bytes(),
    );
    warc_bytes.extend(warc_response(
        "https://news.example/small",
        "text/html",
        b"<p>ok</p>",
    ));
    fs::write(&warc, warc_bytes).unwrap();

    let inputs: Vec<String> = [&big, &big_gz, &small, &lines, &warc]
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let items: Vec<Item> = crosswire_ingest::open(&inputs, &opts).collect();
    assert_eq!(items.len(), 7, "{items:?}");
    for (i, name) in [
        (0, "big.html"),
        (1, "big.html.gz"),
        (3, "mixed.jsonl#0"),
        (5, "big.warc#0"),
    ] {
        let e = err(&items[i]);
        assert!(matches!(e.kind, ErrorKind::TooLarge(1000)), "{e}");
        assert_names(e, name);
    }
    assert!(doc(&items[2]).source.ends_with("small.html"));
    assert!(doc(&items[4]).source.ends_with("mixed.jsonl#1"));
    assert!(doc(&items[6]).source.ends_with("big.warc#1"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("sub")).unwrap();
    fs::write(root.join("sub/story.txt"), "A story told once.").unwrap();
    std::os::unix::fs::symlink(root, root.join("sub/up")).unwrap();
    std::os::unix::fs::symlink(root, root.join("sub/up2")).unwrap();
    let items = run_path(root);
    assert_eq!(items.len(), 1, "{items:?}");
}

#[test]
fn open_reader_sniffs_a_stream() {
    let body = gzip(page("Piped", "Read from a pipe.").as_bytes());
    let items: Vec<Item> =
        crosswire_ingest::open_reader("-", std::io::Cursor::new(body), &Options::default())
            .collect();
    let d = doc(only(&items));
    assert_eq!(d.source, "-");
    assert_eq!(d.format, Format::Html);

    let items: Vec<Item> =
        crosswire_ingest::open_reader("-", std::io::empty(), &Options::default()).collect();
    let e = err(only(&items));
    assert!(matches!(e.kind, ErrorKind::Empty));
    assert_names(e, "-");
}

#[test]
fn truncated_warc_gz_keeps_the_records_before_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.warc.gz");
    let mut bytes = Vec::new();
    for i in 0..2 {
        let body = format!("Wind reached {i}0 km/h on the coast. ").repeat(200);
        let html = page(&format!("Story {i}"), &body);
        bytes.extend(gzip(&warc_response(
            &format!("https://news.example/{i}"),
            "text/html",
            html.as_bytes(),
        )));
    }
    let keep = bytes.len() - 300;
    fs::write(&path, &bytes[..keep]).unwrap();
    let items = run_path(&path);
    assert_eq!(items.len(), 2, "{items:?}");
    doc(&items[0]);
    let e = err(&items[1]);
    assert!(is_malformed(&e.kind, "gzip"), "{e}");
    assert_names(e, "cut.warc.gz#1");
}

#[test]
fn rss_with_full_html_in_description() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desc.rss");
    let escaped = long_html().replace('<', "&lt;").replace('>', "&gt;");
    let rss = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title>\
         <item><title>Long one</title><link>https://desk.example/long</link>\
         <description>{escaped}</description></item></channel></rss>"
    );
    fs::write(&path, rss).unwrap();
    let items = run_path(&path);
    let d = doc(only(&items));
    assert_eq!(d.hints.description, None);
    assert!(String::from_utf8_lossy(&d.bytes).contains("<p>The harbour authority"));
}
