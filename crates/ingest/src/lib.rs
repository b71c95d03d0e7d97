//! The ingest stage: turns what the user names (paths, directories, globs,
//! `-` for stdin, http(s) URLs) into a stream of [`RawDoc`]s, one per
//! article-sized document, ready for extraction.
//!
//! Containers are opened here: a WARC archive yields one document per
//! HTML response record, a JSON Lines file one per line, a feed one per
//! item. Formats are detected by content, not only by extension, and gzip
//! is undone transparently. Bytes are decoded to text later, by
//! [`charset::decode_html`] or [`charset::decode_text`], so a document keeps
//! its original bytes until the extractor knows what it needs.
//!
//! Every failure is an [`IngestError`] naming the input; the stream goes on.
//!
//! # What is recognized
//!
//! | first bytes (after BOM and whitespace) | read as |
//! | --- | --- |
//! | `1f 8b` | gzip: decompressed (multi-member), then sniffed again |
//! | `WARC/1.` | WARC: one [`Format::Html`] document per 2xx HTML `response` record |
//! | `{` with a JSON first line | JSON Lines: one document per line (news-please fields) |
//! | `{` alone on a line, or `[{` | one JSON record, or an array of them |
//! | `<rss`, `<feed`, `<rdf:RDF` | a feed: full-text items are documents, the rest [`Link`]s |
//! | `<urlset`, `<sitemapindex` | a sitemap: [`Link`]s |
//! | doctype, `<html`, common tags in the first KiB | [`Format::Html`] |
//! | PNG, PDF, ZIP… magic, NUL or many control bytes | a [`ErrorKind::Binary`] error |
//! | nothing, or whitespace only | an [`ErrorKind::Empty`] error |
//! | anything else | [`Format::Text`] |
//!
//! Members of a container are named `input#N`, N counting from 0 every
//! record or line, broken ones included, so `crawl.warc.gz#3` is the
//! fourth record. [`Options::max_bytes`] caps every document (after
//! decompression), not a container: a WARC of any size is streamed record
//! by record in constant memory.
//!
//! # Modules
//!
//! - `source`: expands paths, directories, globs, `-` and URLs, lazily;
//! - `detect`: sniffs a stream's kind from its first bytes;
//! - `dispatch`: hands a stream to the reader for its kind;
//! - `warc`, `jsonl`, `feed`: the container readers;
//! - `fetch`: http(s) with timeout, redirect limit and size cap;
//! - [`charset`]: bytes to text, used by the extractor.
#![deny(missing_docs)]

pub mod charset;
mod detect;
mod dispatch;
mod feed;
mod fetch;
pub mod guard;
mod jsonl;
mod policy;
mod read;
mod source;
mod warc;

pub use policy::{is_public, AddressPolicy};

use std::io::{BufReader, Read};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// What kind of content a document holds, as detected from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// An HTML page.
    Html,
    /// Plain text, such as a scraped article.
    Text,
}

/// Fields already known from the container: a JSON Lines record, a feed
/// item, a WARC or HTTP header. All optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Hints {
    /// Headline.
    pub title: Option<String>,
    /// URL of the article (canonical when the record says so).
    pub url: Option<String>,
    /// Publish date as the record gives it (any common format).
    pub published: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// Outlet or source domain.
    pub outlet: Option<String>,
    /// Authors.
    pub byline: Vec<String>,
    /// Standfirst / description.
    pub description: Option<String>,
    /// Charset named by an HTTP `Content-Type` header.
    pub charset: Option<String>,
    /// When the page was fetched (a WARC record's `WARC-Date`, news-please's
    /// `date_download`): not the publish date, but an upper bound on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crawled: Option<String>,
}

/// One document to extract.
#[derive(Debug, Clone, PartialEq)]
pub struct RawDoc {
    /// Names the input for the user: a path, a URL, `-`, or
    /// `archive.warc.gz#3` for the fourth record of a container.
    pub source: String,
    /// The content format.
    pub format: Format,
    /// The content, undecoded (gzip already undone).
    pub bytes: Vec<u8>,
    /// What the container already told us.
    pub hints: Hints,
}

/// A feed item without full text: its link is listed for fetching.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The feed it came from.
    pub source: String,
    /// The item's URL.
    pub url: String,
    /// The item's title, when given.
    pub title: Option<String>,
}

/// What the ingest stream yields.
#[derive(Debug)]
pub enum Item {
    /// A document to extract.
    Doc(RawDoc),
    /// A link to fetch (feed items without text, sitemap entries).
    Link(Link),
    /// An input, or one record of it, that could not be read.
    Error(IngestError),
    /// An entry of a directory walk that was left out on purpose (a FIFO,
    /// a socket, a device): worth a note, not a failure.
    Skipped(IngestError),
}

/// A failure to read one input or one record of it.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}: {kind}")]
pub struct IngestError {
    /// The input, as in [`RawDoc::source`].
    pub source_name: String,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    /// The file or directory could not be read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// Nothing in it.
    #[error("empty input")]
    Empty,
    /// Not text, HTML or a known container.
    #[error("binary or unrecognized content ({0})")]
    Binary(String),
    /// Over the size cap.
    #[error("too large: over {0} bytes")]
    TooLarge(u64),
    /// Broken gzip, WARC, JSON or feed.
    #[error("malformed {what}: {detail}")]
    Malformed {
        /// The format that failed ("gzip", "WARC record", "JSON line").
        what: &'static str,
        /// The parser's message.
        detail: String,
    },
    /// A network failure.
    #[error("fetch failed: {0}")]
    Fetch(String),
    /// A glob matched nothing or a path does not exist.
    #[error("no such input")]
    NotFound,
    /// Not fetched by the security rules: a link or redirect that is not
    /// http(s), or an address the [`AddressPolicy`] refuses.
    #[error("refused: {0}")]
    Refused(String),
    /// Not a regular file (a FIFO, socket or device).
    #[error("skipped: {0}")]
    NotRegular(String),
    /// Over a time budget.
    #[error("timed out: {0}")]
    TimedOut(String),
}

impl IngestError {
    /// A new error for an input.
    pub fn new(source_name: impl Into<String>, kind: ErrorKind) -> Self {
        IngestError {
            source_name: source_name.into(),
            kind,
        }
    }
}

/// Limits and network settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// Largest document accepted, after decompression.
    pub max_bytes: u64,
    /// Network timeout per request, in seconds.
    pub timeout_secs: u64,
    /// Redirects followed per request.
    pub max_redirects: u32,
    /// Sent as `User-Agent`.
    pub user_agent: String,
    /// Which addresses fetches may connect to.
    pub address_policy: AddressPolicy,
    /// How long a file that is not a regular one (a FIFO, a device) named
    /// directly may take to deliver its content.
    pub special_file_timeout_secs: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: 64 * 1024 * 1024,
            timeout_secs: 20,
            max_redirects: 5,
            user_agent: concat!(
                "crosswire/",
                env!("CARGO_PKG_VERSION"),
                " (news cross-checking; +https://example.invalid/crosswire)"
            )
            .to_string(),
            address_policy: AddressPolicy::Any,
            special_file_timeout_secs: 10,
        }
    }
}

/// Opens every input the user named and yields their documents lazily,
/// in order. Containers are streamed: memory does not grow with their size.
///
/// `inputs` are paths, directories (read recursively, sorted, hidden
/// entries skipped), globs, `-` for stdin, or http(s) URLs. Each input is
/// opened only when the iterator reaches it.
///
/// ```
/// use crosswire_ingest::{open, ErrorKind, Item, Options};
///
/// let dir = std::env::temp_dir().join(format!("crosswire-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("a.html"), "<!DOCTYPE html><p>Hello</p>").unwrap();
/// std::fs::write(dir.join("b.txt"), "").unwrap();
///
/// let items: Vec<Item> = open(&[dir.display().to_string()], &Options::default()).collect();
/// assert!(matches!(&items[0], Item::Doc(doc) if doc.source.ends_with("a.html")));
/// assert!(matches!(&items[1], Item::Error(e) if matches!(e.kind, ErrorKind::Empty)));
/// std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn open(inputs: &[String], opts: &Options) -> impl Iterator<Item = Item> + Send {
    let opts = Arc::new(opts.clone());
    // Owned, so the iterator outlives the caller's slice.
    let inputs: Vec<String> = inputs.to_vec();
    inputs.into_iter().flat_map(move |input| {
        let items = source::open_input(input.clone(), opts.clone());
        Guarded::new(input, items)
    })
}

/// Fetches links found inside content (feed items, sitemap entries, JSON
/// records that only carry a URL): each is fetched only when it is an
/// http(s) URL, and never opened as a path, a glob or `-`. Redirects and
/// addresses are checked as for any fetch (see [`AddressPolicy`]).
///
/// ```
/// use crosswire_ingest::{open_links, ErrorKind, Item, Options};
///
/// let links = ["/etc/passwd".to_string(), "file:///etc/passwd".to_string()];
/// for item in open_links(&links, &Options::default()) {
///     assert!(matches!(item, Item::Error(e) if matches!(e.kind, ErrorKind::Refused(_))));
/// }
/// ```
pub fn open_links(urls: &[String], opts: &Options) -> impl Iterator<Item = Item> + Send {
    let opts = Arc::new(opts.clone());
    let urls: Vec<String> = urls.to_vec();
    urls.into_iter().flat_map(move |url| {
        let items: dispatch::Items = match policy::checked_url(&url) {
            Ok(_) => {
                let opts = opts.clone();
                let name = url.clone();
                Box::new(std::iter::once_with(move || fetch::open_url(&name, &opts)).flatten())
            }
            Err(refusal) => dispatch::error_items(
                url.clone(),
                ErrorKind::Refused(format!(
                    "a link found in content is only fetched as an http(s) URL, \
                     never opened as a file ({refusal})"
                )),
            ),
        };
        Guarded::new(url, items)
    })
}

/// The items of one input, read under a guard: a panic in a parser (ours
/// or a dependency's) ends that input with an error instead of the batch.
struct Guarded {
    name: String,
    inner: Option<dispatch::Items>,
}

impl Guarded {
    fn new(name: String, inner: dispatch::Items) -> Self {
        Guarded {
            name,
            inner: Some(inner),
        }
    }
}

impl Iterator for Guarded {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let inner = self.inner.as_mut()?;
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| inner.next())) {
            Ok(Some(item)) => Some(item),
            Ok(None) => {
                self.inner = None;
                None
            }
            Err(_) => {
                // The reader's state is unknown after a panic: stop here.
                self.inner = None;
                Some(Item::Error(IngestError::new(
                    std::mem::take(&mut self.name),
                    ErrorKind::Malformed {
                        what: "input",
                        detail: "internal error while reading (please report this input)".into(),
                    },
                )))
            }
        }
    }
}

/// Reads one stream that is already open (a pipe, an upload, a member of
/// some other archive) as if it were a file named `name`: its format is
/// sniffed, containers are streamed, and sources are `name` or `name#N`.
/// Nothing is read until the iterator is first advanced.
///
/// ```
/// use crosswire_ingest::{open_reader, Item, Options};
///
/// let lines = b"{\"title\": \"A\", \"text\": \"First.\"}\n{\"title\": \"B\", \"text\": \"Second.\"}\n";
/// let sources: Vec<String> = open_reader("upload.jsonl", &lines[..], &Options::default())
///     .map(|item| match item {
///         Item::Doc(doc) => doc.source,
///         other => panic!("{other:?}"),
///     })
///     .collect();
/// assert_eq!(sources, ["upload.jsonl#0", "upload.jsonl#1"]);
/// ```
pub fn open_reader(
    name: impl Into<String>,
    reader: impl Read + Send + 'static,
    opts: &Options,
) -> impl Iterator<Item = Item> + Send {
    let name = name.into();
    let opts = Arc::new(opts.clone());
    std::iter::once_with(move || {
        let reader = Box::new(BufReader::with_capacity(64 * 1024, reader));
        dispatch::open_stream(name, reader, None, Hints::default(), &opts, 0)
    })
    .flatten()
}
