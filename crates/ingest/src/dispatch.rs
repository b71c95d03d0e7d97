//! Sniffs a stream and hands it to the reader for its format.

use std::io::{BufRead, BufReader, Cursor, Read};
use std::sync::Arc;

use crate::detect::{sniff, Kind, HEAD_LEN};
use crate::read::{from_io, is_recoverable, read_capped, read_head, Failing, Gunzip, Stream};
use crate::{feed, jsonl, warc, ErrorKind, Format, Hints, IngestError, Item, Options, RawDoc};

/// A lazily produced run of items.
pub(crate) type Items = Box<dyn Iterator<Item = Item> + Send>;

/// gzip inside gzip happens (a `.gz` of a `.warc.gz`); deeper is a bomb.
const MAX_GZIP_DEPTH: u8 = 2;

/// One error as a run of items.
pub(crate) fn error_items(name: impl Into<String>, kind: ErrorKind) -> Items {
    Box::new(std::iter::once(Item::Error(IngestError::new(name, kind))))
}

/// Opens one stream named `name`: sniffs its first bytes and reads it as
/// what it is. `len` is its length when known (a file), so that an
/// oversized document is refused without reading it. `hints` apply to a
/// single document, not to the members of a container.
pub(crate) fn open_stream(
    name: String,
    mut reader: Stream,
    len: Option<u64>,
    hints: Hints,
    opts: &Arc<Options>,
    gzip_depth: u8,
) -> Items {
    let (head, failure) = read_head(&mut reader, HEAD_LEN);
    let complete = head.len() < HEAD_LEN && failure.is_none();
    let rest: Stream = match failure {
        None => reader,
        // A corrupt first gzip member: reported, and the rest is read.
        Some(e) if head.is_empty() && is_recoverable(&e) => {
            let first = Item::Error(IngestError::new(name.clone(), from_io(e)));
            let rest = open_stream(name, reader, None, hints, opts, gzip_depth);
            return Box::new(std::iter::once(first).chain(rest));
        }
        Some(e) if head.is_empty() => return error_items(name, from_io(e)),
        // Whatever reads past the head meets the error where it happened;
        // after a corrupt gzip member, the stream goes on behind it.
        Some(e) if is_recoverable(&e) => Box::new(BufReader::new(Failing(Some(e)).chain(reader))),
        Some(e) => Box::new(BufReader::new(Failing(Some(e)))),
    };
    let kind = sniff(&head, complete);
    let mut reader: Stream = Box::new(Cursor::new(head).chain(rest));
    let max = opts.max_bytes;
    match kind {
        Kind::Empty => error_items(name, ErrorKind::Empty),
        Kind::Binary(what) => error_items(name, ErrorKind::Binary(what)),
        Kind::Gzip if gzip_depth >= MAX_GZIP_DEPTH => error_items(
            name,
            ErrorKind::Malformed {
                what: "gzip",
                detail: "gzip nested too deep".into(),
            },
        ),
        Kind::Gzip => {
            let inner = Box::new(BufReader::with_capacity(64 * 1024, Gunzip::new(reader)));
            open_stream(name, inner, None, hints, opts, gzip_depth + 1)
        }
        Kind::Warc => Box::new(warc::Records::new(name, reader, opts.clone())),
        Kind::JsonLines => Box::new(jsonl::Lines::new(name, reader, opts.clone())),
        Kind::JsonDocument => whole(name, &mut reader, len, max, jsonl::document),
        Kind::Feed => whole(name, &mut reader, len, max, feed::feed_items),
        Kind::Sitemap => whole(name, &mut reader, len, max, feed::sitemap_links),
        Kind::Html | Kind::Text => {
            let format = if kind == Kind::Html {
                Format::Html
            } else {
                Format::Text
            };
            let doc = read_doc(&mut reader, len, max).map(|bytes| RawDoc {
                source: name.clone(),
                format,
                bytes,
                hints,
            });
            Box::new(std::iter::once(match doc {
                Ok(doc) => Item::Doc(doc),
                Err(kind) => Item::Error(IngestError::new(name, kind)),
            }))
        }
    }
}

/// Reads a container that must be parsed whole (a feed, a JSON document)
/// within the size cap, then lists its items.
fn whole(
    name: String,
    reader: &mut dyn BufRead,
    len: Option<u64>,
    max: u64,
    parse: fn(&str, &[u8]) -> Vec<Item>,
) -> Items {
    match read_doc(reader, len, max) {
        Ok(bytes) => Box::new(parse(&name, &bytes).into_iter()),
        Err(kind) => error_items(name, kind),
    }
}

/// Reads one document: refused up front when its known length is over the
/// cap, otherwise read up to the cap. Whitespace only counts as empty.
fn read_doc<R: Read + ?Sized>(
    reader: &mut R,
    len: Option<u64>,
    max: u64,
) -> Result<Vec<u8>, ErrorKind> {
    if len.is_some_and(|len| len > max) {
        return Err(ErrorKind::TooLarge(max));
    }
    let bytes = read_capped(reader, max)?;
    if bytes.trim_ascii().is_empty() {
        return Err(ErrorKind::Empty);
    }
    Ok(bytes)
}
