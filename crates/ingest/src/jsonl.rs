//! JSON records of scraped articles, as news-please and most scrapers
//! write them: one object per line (JSON Lines), or a pretty-printed object
//! or array in a file of its own.
//!
//! Field names follow news-please (`title`, `maintext`, `url`,
//! `date_publish`, `language`, `source_domain`, `authors`, `description`),
//! with common alternatives. A record with raw HTML (`html`, `raw_html`)
//! becomes an HTML document; one with text a text document; one with only
//! a URL a link to fetch.

use serde_json::{Map, Value};
use std::sync::Arc;

use crate::read::{from_io, is_recoverable, read_line_capped, Line, Stream};
use crate::{ErrorKind, Format, Hints, IngestError, Item, Link, Options, RawDoc};

const TEXT_FIELDS: &[&str] = &["maintext", "text", "content", "body", "article"];
const HTML_FIELDS: &[&str] = &["html", "raw_html", "rawHtml", "content_html"];
const TITLE_FIELDS: &[&str] = &["title", "headline", "title_page", "title_rss"];
const URL_FIELDS: &[&str] = &["url", "link", "canonical_url"];
const DATE_FIELDS: &[&str] = &[
    "date_publish",
    "published",
    "date",
    "pubDate",
    "datePublished",
];
const OUTLET_FIELDS: &[&str] = &["source_domain", "outlet", "source", "site_name", "domain"];
const AUTHOR_FIELDS: &[&str] = &["authors", "author", "byline"];
const DESCRIPTION_FIELDS: &[&str] = &["description", "summary", "standfirst"];
const LANGUAGE_FIELDS: &[&str] = &["language", "lang"];

/// The records of a JSON Lines stream, one line at a time.
pub(crate) struct Lines {
    name: String,
    reader: Stream,
    opts: Arc<Options>,
    index: usize,
    done: bool,
    line: Vec<u8>,
}

impl Lines {
    pub(crate) fn new(name: String, reader: Stream, opts: Arc<Options>) -> Self {
        Lines {
            name,
            reader,
            opts,
            index: 0,
            done: false,
            line: Vec::new(),
        }
    }
}

impl Iterator for Lines {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        // A line is one document, so the document cap is the line cap.
        let cap = usize::try_from(self.opts.max_bytes.saturating_add(2)).unwrap_or(usize::MAX);
        while !self.done {
            let index = self.index;
            let source = format!("{}#{}", self.name, index);
            let read = read_line_capped(&mut self.reader, &mut self.line, cap);
            self.index += 1;
            match read {
                Err(e) => {
                    // A corrupt gzip member costs its lines; the decoder
                    // goes on with the next member.
                    self.done = !is_recoverable(&e);
                    return Some(Item::Error(IngestError::new(source, from_io(e))));
                }
                Ok(Line::Eof) => self.done = true,
                Ok(Line::TooLong) => {
                    let kind = ErrorKind::TooLarge(self.opts.max_bytes);
                    return Some(Item::Error(IngestError::new(source, kind)));
                }
                Ok(Line::Read) => {
                    let line = self.line.trim_ascii();
                    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
                    if line.is_empty() {
                        continue;
                    }
                    return Some(match serde_json::from_slice::<Value>(line) {
                        Ok(value) => record_item(source, value),
                        Err(e) => Item::Error(IngestError::new(
                            source,
                            ErrorKind::Malformed {
                                what: "JSON line",
                                detail: e.to_string(),
                            },
                        )),
                    });
                }
            }
        }
        None
    }
}

/// The records of a whole JSON document: one object, or an array of them.
pub(crate) fn document(name: &str, bytes: &[u8]) -> Vec<Item> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Array(records)) => records
            .into_iter()
            .enumerate()
            .map(|(i, v)| record_item(format!("{name}#{i}"), v))
            .collect(),
        Ok(value) => vec![record_item(name.to_string(), value)],
        Err(e) => vec![Item::Error(IngestError::new(
            name,
            ErrorKind::Malformed {
                what: "JSON document",
                detail: e.to_string(),
            },
        ))],
    }
}

/// One record as a document, a link, or an error.
fn record_item(source: String, value: Value) -> Item {
    let Value::Object(record) = value else {
        return Item::Error(IngestError::new(
            source,
            ErrorKind::Malformed {
                what: "JSON line",
                detail: "not an object".into(),
            },
        ));
    };
    let hints = Hints {
        title: string_field(&record, TITLE_FIELDS),
        url: string_field(&record, URL_FIELDS),
        published: string_field(&record, DATE_FIELDS),
        language: string_field(&record, LANGUAGE_FIELDS),
        outlet: string_field(&record, OUTLET_FIELDS),
        byline: list_field(&record, AUTHOR_FIELDS),
        description: string_field(&record, DESCRIPTION_FIELDS),
        charset: None,
        crawled: string_field(&record, &["date_download", "crawled", "fetched"]),
    };
    let (format, bytes) = if let Some(html) = string_field(&record, HTML_FIELDS) {
        (Format::Html, html.into_bytes())
    } else if let Some(text) = string_field(&record, TEXT_FIELDS) {
        (Format::Text, text.into_bytes())
    } else if let Some(url) = hints.url.clone() {
        return Item::Link(Link {
            source,
            url,
            title: hints.title,
        });
    } else {
        return Item::Error(IngestError::new(source, ErrorKind::Empty));
    };
    // JSON strings are UTF-8: say so, and no guessing happens later.
    let hints = Hints {
        charset: (format == Format::Html).then(|| "utf-8".to_string()),
        ..hints
    };
    Item::Doc(RawDoc {
        source,
        format,
        bytes,
        hints,
    })
}

/// The first non-empty string among `names`.
fn string_field(record: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| match record.get(*name)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// Authors as a list, whether given as an array, a string, or objects
/// with a `name`.
fn list_field(record: &Map<String, Value>, names: &[&str]) -> Vec<String> {
    let name_of = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Object(o) => o.get("name")?.as_str().map(|s| s.trim().to_string()),
            _ => None,
        }
    };
    for name in names {
        let found: Vec<String> = match record.get(*name) {
            Some(Value::Array(items)) => items.iter().filter_map(name_of).collect(),
            Some(v) => name_of(v).into_iter().collect(),
            None => continue,
        };
        let found: Vec<String> = found.into_iter().filter(|s| !s.is_empty()).collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}
