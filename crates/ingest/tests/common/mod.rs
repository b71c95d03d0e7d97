//! Helpers shared by the ingest tests: fixtures are written to temporary
//! directories at test time; every text in them is made up for the tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;

use crosswire_ingest::{ErrorKind, IngestError, Item, Link, Options, RawDoc};

pub fn run(inputs: &[&str], opts: &Options) -> Vec<Item> {
    let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
    crosswire_ingest::open(&inputs, opts).collect()
}

pub fn run_path(path: &Path) -> Vec<Item> {
    run(&[path.to_str().unwrap()], &Options::default())
}

pub fn doc(item: &Item) -> &RawDoc {
    match item {
        Item::Doc(d) => d,
        other => panic!("expected a document, got {other:?}"),
    }
}

pub fn err(item: &Item) -> &IngestError {
    match item {
        Item::Error(e) => e,
        other => panic!("expected an error, got {other:?}"),
    }
}

pub fn link(item: &Item) -> &Link {
    match item {
        Item::Link(l) => l,
        other => panic!("expected a link, got {other:?}"),
    }
}

/// The single item an input yields.
pub fn only(items: &[Item]) -> &Item {
    assert_eq!(items.len(), 1, "expected one item, got {items:?}");
    &items[0]
}

/// Asserts the error names its input in its message.
pub fn assert_names(e: &IngestError, name: &str) {
    let shown = e.to_string();
    assert!(shown.contains(name), "{shown:?} does not name {name:?}");
}

pub fn is_malformed(kind: &ErrorKind, format: &str) -> bool {
    matches!(kind, ErrorKind::Malformed { what, .. } if *what == format)
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// An HTML page whose body is long enough to look like an article.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head><title>{title}</title></head>\n\
         <body><article><h1>{title}</h1><p>{body}</p></article></body></html>\n"
    )
}

/// One WARC record with the given type, target and block.
pub fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2024-05-01T10:00:00Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response record holding an HTML page.
pub fn warc_response(uri: &str, content_type: &str, html: &[u8]) -> Vec<u8> {
    let mut block = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        html.len()
    )
    .into_bytes();
    block.extend_from_slice(html);
    warc_record(
        "response",
        uri,
        "application/http; msgtype=response",
        &block,
    )
}
