//! WARC archives (ISO 28500, WARC/1.0 and 1.1), as Common Crawl's CC-NEWS
//! ships them: one document per HTML `response` record.
//!
//! A small streaming parser rather than the `warc` crate: that crate reads
//! each record body into memory with no cap (an absurd `Content-Length`
//! exhausts memory), its streaming API borrows the reader and so cannot
//! live inside our `'static` iterator, and after a broken record it cannot
//! find the next one. Here a broken record is reported and the parser
//! resynchronizes on the next `WARC/1.` line.
//!
//! Records that are not responses (`warcinfo`, `request`, `metadata`),
//! responses that are not 2xx, and payloads that are not HTML are skipped
//! without a word: a crawl is full of them, and they are not articles.

use std::io::{self, Read};
use std::sync::Arc;

use crate::charset::charset_from_content_type;
use crate::detect::{sniff, Kind};
use crate::read::{
    from_io, is_recoverable, read_capped, read_line_capped, skip, Gunzip, Line, Stream,
};
use crate::{ErrorKind, Format, Hints, IngestError, Item, Options, RawDoc};

/// Longest header line accepted; real ones are under a few KiB.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// Largest header block accepted.
const MAX_HEADER_BLOCK: usize = 512 * 1024;

/// The documents of a WARC stream, one record at a time.
pub(crate) struct Records {
    name: String,
    reader: Stream,
    opts: Arc<Options>,
    /// Index of the next record, counting broken ones.
    index: usize,
    /// Looking for the next version line after a broken record.
    resync: bool,
    done: bool,
    line: Vec<u8>,
}

/// What one step of the parser produced.
enum Step {
    Item(Box<Item>),
    Skip,
    End,
}

impl Records {
    pub(crate) fn new(name: String, reader: Stream, opts: Arc<Options>) -> Self {
        Records {
            name,
            reader,
            opts,
            index: 0,
            resync: false,
            done: false,
            line: Vec::new(),
        }
    }

    fn member(&self, index: usize) -> String {
        format!("{}#{}", self.name, index)
    }

    fn malformed(&self, index: usize, detail: impl Into<String>) -> Step {
        Step::Item(Box::new(Item::Error(IngestError::new(
            self.member(index),
            ErrorKind::Malformed {
                what: "WARC record",
                detail: detail.into(),
            },
        ))))
    }

    /// An I/O failure ends the stream: the position in it is lost. Unless
    /// the gzip decoder skipped a corrupt member: then the parser looks
    /// for the next record's version line.
    fn fatal(&mut self, index: usize, e: io::Error) -> Step {
        if is_recoverable(&e) {
            self.resync = true;
            if index == self.index {
                self.index += 1;
            }
        } else {
            self.done = true;
        }
        Step::Item(Box::new(Item::Error(IngestError::new(
            self.member(index),
            from_io(e),
        ))))
    }

    fn step(&mut self) -> Step {
        // Find the version line that opens a record.
        loop {
            match read_line_capped(&mut self.reader, &mut self.line, MAX_HEADER_LINE) {
                Err(e) => return self.fatal(self.index, e),
                Ok(Line::Eof) => return Step::End,
                Ok(Line::Read) if self.line.trim_ascii().is_empty() => continue,
                Ok(Line::Read) if self.line.starts_with(b"WARC/1.") => break,
                Ok(_) if self.resync => continue,
                Ok(_) => {
                    self.resync = true;
                    let index = self.index;
                    self.index += 1;
                    return self.malformed(index, "expected a WARC/1.x version line");
                }
            }
        }
        self.resync = false;
        let index = self.index;
        self.index += 1;

        let headers = match self.read_headers() {
            Ok(Ok(h)) => h,
            Ok(Err(detail)) => {
                self.resync = true;
                return self.malformed(index, detail);
            }
            Err(e) => return self.fatal(index, e),
        };
        let Some(length) =
            header(&headers, "content-length").and_then(|v| v.trim().parse::<u64>().ok())
        else {
            self.resync = true;
            return self.malformed(index, "missing or invalid Content-Length");
        };
        let record_type = header(&headers, "warc-type").unwrap_or_default();
        let record_type = record_type.trim().to_ascii_lowercase();
        let content_type = header(&headers, "content-type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let wanted = match record_type.as_str() {
            "response" => true,
            // Some tools store fetched pages as resource records.
            "resource" => content_type.contains("html"),
            _ => false,
        };
        if !wanted {
            return match skip(&mut self.reader, length) {
                Ok(n) if n == length => Step::Skip,
                Ok(_) => {
                    self.done = true;
                    self.malformed(index, "truncated record body")
                }
                Err(e) => self.fatal(index, e),
            };
        }
        // The HTTP headers come on top of the document; allow for them.
        let max = self.opts.max_bytes;
        if length > max.saturating_add(MAX_HEADER_BLOCK as u64) {
            return match skip(&mut self.reader, length) {
                Ok(n) if n == length => self.error(index, ErrorKind::TooLarge(max)),
                Ok(_) => {
                    self.done = true;
                    self.malformed(index, "truncated record body")
                }
                Err(e) => self.fatal(index, e),
            };
        }
        let mut block = Vec::new();
        match (&mut self.reader).take(length).read_to_end(&mut block) {
            Ok(n) if n as u64 == length => {}
            Ok(_) => {
                self.done = true;
                return self.malformed(index, "truncated record body");
            }
            Err(e) => return self.fatal(index, e),
        }
        let mut hints = Hints {
            url: header(&headers, "warc-target-uri")
                .map(|u| {
                    u.trim()
                        .trim_start_matches('<')
                        .trim_end_matches('>')
                        .to_string()
                })
                .filter(|u| !u.is_empty()),
            crawled: header(&headers, "warc-date").map(|d| d.trim().to_string()),
            ..Hints::default()
        };
        let is_http = content_type.contains("application/http") || block.starts_with(b"HTTP/");
        let payload = if record_type == "response" && is_http {
            match http_payload(&block, max, &mut hints) {
                Ok(Some(p)) => p,
                Ok(None) => return Step::Skip,
                Err(kind) => return self.error(index, kind),
            }
        } else {
            hints.charset = charset_from_content_type(&content_type);
            block
        };
        if payload.len() as u64 > max {
            return self.error(index, ErrorKind::TooLarge(max));
        }
        match sniff(&payload, true) {
            Kind::Html => Step::Item(Box::new(Item::Doc(RawDoc {
                source: self.member(index),
                format: Format::Html,
                bytes: payload,
                hints,
            }))),
            Kind::Empty => self.error(index, ErrorKind::Empty),
            _ => Step::Skip,
        }
    }

    fn error(&self, index: usize, kind: ErrorKind) -> Step {
        Step::Item(Box::new(Item::Error(IngestError::new(
            self.member(index),
            kind,
        ))))
    }

    /// Reads `Name: value` lines up to the blank line. The outer error is
    /// an I/O failure, the inner one a malformed header block.
    fn read_headers(&mut self) -> io::Result<Result<Vec<(String, String)>, String>> {
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut total = 0;
        loop {
            match read_line_capped(&mut self.reader, &mut self.line, MAX_HEADER_LINE)? {
                Line::Eof => return Ok(Err("truncated header".into())),
                Line::TooLong => return Ok(Err("header line too long".into())),
                Line::Read => {}
            }
            total += self.line.len();
            if total > MAX_HEADER_BLOCK {
                return Ok(Err("header block too long".into()));
            }
            let line = String::from_utf8_lossy(&self.line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                return Ok(Ok(headers));
            }
            if line.starts_with([' ', '\t']) {
                // A folded continuation of the previous header.
                match headers.last_mut() {
                    Some((_, value)) => {
                        value.push(' ');
                        value.push_str(line.trim());
                        continue;
                    }
                    None => return Ok(Err("header starts with a continuation line".into())),
                }
            }
            if line.starts_with("WARC/1.") {
                return Ok(Err("header block not terminated".into()));
            }
            let Some((name, value)) = line.split_once(':') else {
                return Ok(Err(format!("bad header line {:?}", truncate(line, 60))));
            };
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
}

impl Iterator for Records {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            match self.step() {
                Step::Item(item) => return Some(*item),
                Step::Skip => continue,
                Step::End => self.done = true,
            }
        }
        None
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Splits an HTTP response into headers and body. `Ok(None)` means a
/// response that is no article (not 2xx, not HTML).
fn http_payload(block: &[u8], max: u64, hints: &mut Hints) -> Result<Option<Vec<u8>>, ErrorKind> {
    let malformed = |detail: &str| ErrorKind::Malformed {
        what: "WARC record",
        detail: detail.to_string(),
    };
    let (head_end, body_start) = match memchr::memmem::find(block, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => match memchr::memmem::find(block, b"\n\n") {
            Some(i) => (i, i + 2),
            None => return Err(malformed("HTTP headers not terminated")),
        },
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    if !status_line.starts_with("HTTP/") {
        return Err(malformed("payload is not an HTTP response"));
    }
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| malformed("bad HTTP status line"))?;
    if !(200..300).contains(&status) {
        return Ok(None);
    }
    let mut content_type = None;
    let mut chunked = false;
    let mut encoding = None;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.to_string()),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            "content-encoding" => encoding = Some(value.to_ascii_lowercase()),
            _ => {}
        }
    }
    if let Some(ct) = &content_type {
        let lower = ct.to_ascii_lowercase();
        if !lower.contains("html") {
            return Ok(None);
        }
        hints.charset = charset_from_content_type(ct);
    }
    let mut body = block.get(body_start..).unwrap_or_default().to_vec();
    if chunked {
        body = dechunk(&body).ok_or_else(|| malformed("bad chunked transfer encoding"))?;
    }
    match encoding.as_deref() {
        Some("gzip") | Some("x-gzip") => {
            body = read_capped(&mut Gunzip::new(&body[..]), max)?;
        }
        Some("deflate") => {
            body = read_capped(&mut flate2::read::ZlibDecoder::new(&body[..]), max)?;
        }
        _ => {}
    }
    Ok(Some(body))
}

/// Undoes HTTP/1.1 chunked transfer encoding, as some crawlers store the
/// payload as it came off the wire.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let eol = memchr::memmem::find(data, b"\r\n")?;
        let size_field = std::str::from_utf8(&data[..eol]).ok()?;
        let size_field = size_field.split(';').next()?.trim();
        let size = usize::from_str_radix(size_field, 16).ok()?;
        data = &data[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n").as_deref(),
            Some(&b"Wikipedia"[..])
        );
        assert_eq!(dechunk(b"ff\r\nshort"), None);
    }

    #[test]
    fn non_html_response_skipped() {
        let mut hints = Hints::default();
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert!(matches!(http_payload(block, 100, &mut hints), Ok(None)));
        let block = b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n";
        assert!(matches!(http_payload(block, 100, &mut hints), Ok(None)));
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>x";
        assert!(matches!(http_payload(block, 100, &mut hints), Ok(Some(_))));
        assert_eq!(hints.charset.as_deref(), Some("ISO-8859-1"));
    }
}
