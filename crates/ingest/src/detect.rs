//! Content sniffing: what a stream holds, judged from its first bytes.

/// How many leading bytes [`sniff`] wants to see.
pub(crate) const HEAD_LEN: usize = 8 * 1024;

/// What a stream's first bytes say it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Nothing, or only whitespace.
    Empty,
    /// gzip: to be undone and sniffed again.
    Gzip,
    /// A WARC archive.
    Warc,
    /// One JSON object per line (news-please, scraper exports).
    JsonLines,
    /// A JSON document that is not line-delimited: a pretty-printed
    /// object or an array of objects.
    JsonDocument,
    /// RSS or Atom.
    Feed,
    /// A sitemap (`<urlset>` / `<sitemapindex>`): links only.
    Sitemap,
    /// An HTML page.
    Html,
    /// Plain text.
    Text,
    /// Not text; the reason names what it looks like.
    Binary(String),
}

/// Magic numbers of formats that are common in a folder of downloads and
/// are certainly not articles.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"GIF8", "GIF image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"BZh", "bzip2"),
    (b"\xFD7zXZ\x00", "xz"),
    (b"\x28\xB5\x2F\xFD", "zstd"),
    (b"7z\xBC\xAF\x27\x1C", "7-Zip archive"),
    (b"\x7FELF", "ELF executable"),
    (b"\xD0\xCF\x11\xE0", "OLE document"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
    (b"{\\rtf", "RTF document"),
];

/// Tags that mark an HTML page (or fragment) when found near the start.
const HTML_MARKERS: &[&[u8]] = &[
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<meta ",
    b"<title",
    b"<article",
    b"<div",
    b"<p>",
    b"<p ",
    b"<br",
    b"<h1",
    b"<h2",
    b"<a href",
    b"<script",
    b"<link ",
    b"<section",
];

/// Judges a stream from its first bytes. `head` holds up to [`HEAD_LEN`]
/// bytes; `complete` says whether it is the whole stream.
pub(crate) fn sniff(head: &[u8], complete: bool) -> Kind {
    if head.starts_with(b"\x1F\x8B") {
        return Kind::Gzip;
    }
    for (magic, name) in MAGIC {
        if head.starts_with(magic) {
            return Kind::Binary((*name).to_string());
        }
    }
    // UTF-16 is full of NUL bytes; look at it through a UTF-8 lens.
    let decoded;
    let text: &[u8] = match encoding_rs::Encoding::for_bom(head) {
        Some((enc, bom)) if enc != encoding_rs::UTF_8 => {
            decoded = enc
                .decode_without_bom_handling(head.get(bom..).unwrap_or_default())
                .0
                .into_owned();
            decoded.as_bytes()
        }
        Some((_, bom)) => head.get(bom..).unwrap_or_default(),
        None => head,
    };
    let start = text.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else {
        // Whitespace only so far: empty if that is all there is; a longer
        // run is judged once read whole, as text.
        return if complete { Kind::Empty } else { Kind::Text };
    };
    let body = &text[start..];
    if body.starts_with(b"WARC/1.") {
        return Kind::Warc;
    }
    // JSON Lines before the binary test: one bad byte (a NUL) in one line
    // must cost that line, not the file, and the line reader rejects it.
    let json = match body.first() {
        Some(b'{') => Some(json_kind(body)),
        _ => None,
    };
    if let Some(kind @ (Kind::JsonLines | Kind::JsonDocument)) = json {
        return kind;
    }
    if let Some(reason) = binary_reason(body) {
        return Kind::Binary(reason);
    }
    match body.first() {
        Some(b'{') => return Kind::Text,
        Some(b'[') if body[1..].iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') => {
            return Kind::JsonDocument;
        }
        _ => {}
    }
    let lower = body.to_ascii_lowercase();
    if body.starts_with(b"<") {
        let (prolog, root) = split_prolog(&lower);
        match root_name(root) {
            Some(b"rss" | b"feed" | b"rdf:rdf") => return Kind::Feed,
            Some(b"urlset" | b"sitemapindex") => return Kind::Sitemap,
            Some(b"html" | b"head" | b"body") => return Kind::Html,
            _ => {}
        }
        // Licence comments can push the first tag past the first KiB.
        if memchr::memmem::find(prolog, b"<!doctype html").is_some() {
            return Kind::Html;
        }
    }
    let html_zone = &lower[..lower.len().min(1024)];
    if HTML_MARKERS
        .iter()
        .any(|m| memchr::memmem::find(html_zone, m).is_some())
    {
        return Kind::Html;
    }
    Kind::Text
}

/// Line-delimited JSON when the first line is a whole value; a
/// pretty-printed document when it opens one; text that merely starts
/// with a brace otherwise.
fn json_kind(body: &[u8]) -> Kind {
    let first_line = match memchr::memchr(b'\n', body) {
        Some(end) => &body[..end],
        // The first line may simply be longer than the head.
        None => body,
    };
    if serde_json::from_slice::<serde_json::Value>(first_line).is_ok() {
        return Kind::JsonLines;
    }
    let after_brace = body[1..].iter().find(|b| !b.is_ascii_whitespace());
    if !matches!(after_brace, Some(b'"' | b'}')) {
        return Kind::Text;
    }
    if first_line.trim_ascii() == b"{" {
        Kind::JsonDocument
    } else {
        // A bad first line in a line-delimited file (or one longer than
        // the head): the line reader reports it and goes on.
        Kind::JsonLines
    }
}

/// Text has next to no control bytes; a file that has many, or any NUL,
/// is binary. Tab, newlines, form feed and escape are allowed.
fn binary_reason(body: &[u8]) -> Option<String> {
    if memchr::memchr(0, body).is_some() {
        return Some("NUL bytes".into());
    }
    let controls = body
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    // 10%: generous for text with stray control characters, and still
    // catches every binary format we have seen.
    if controls * 10 > body.len() {
        return Some("control bytes".into());
    }
    None
}

/// Splits markup into its prolog (XML declaration, comments, processing
/// instructions, doctype) and the rest, which starts at the first element.
fn split_prolog(lower: &[u8]) -> (&[u8], &[u8]) {
    let mut rest = lower;
    loop {
        rest = rest.trim_ascii_start();
        let skip = if rest.starts_with(b"<!--") {
            memchr::memmem::find(rest, b"-->").map(|end| end + 3)
        } else if rest.starts_with(b"<?") || rest.starts_with(b"<!") {
            memchr::memchr(b'>', rest).map(|end| end + 1)
        } else {
            Some(0)
        };
        match skip {
            Some(0) => break,
            Some(n) => rest = &rest[n..],
            // Unclosed within the head: all prolog, no element seen.
            None => {
                rest = &[];
                break;
            }
        }
    }
    let prolog_len = lower.len() - rest.len();
    (&lower[..prolog_len], rest)
}

/// The name of the element `rest` starts with.
fn root_name(rest: &[u8]) -> Option<&[u8]> {
    let tag = rest.strip_prefix(b"<")?;
    let end = tag
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
        .unwrap_or(tag.len());
    Some(&tag[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(sniff(b"", true), Kind::Empty);
        assert_eq!(sniff(b" \n\t ", true), Kind::Empty);
        assert_eq!(sniff(b"\x1f\x8b\x08", true), Kind::Gzip);
        assert_eq!(sniff(b"WARC/1.0\r\n", true), Kind::Warc);
        assert_eq!(sniff(b"{\"a\":1}\n{\"a\":2}\n", true), Kind::JsonLines);
        assert_eq!(sniff(b"{\n  \"a\": 1\n}\n", true), Kind::JsonDocument);
        assert_eq!(sniff(b"[{\"a\":1}]", true), Kind::JsonDocument);
        assert_eq!(sniff(b"{\"a\": broken\n{\"a\":2}\n", true), Kind::JsonLines);
        assert_eq!(sniff(b"{Editor's note} A story.\n", true), Kind::Text);
        assert_eq!(
            sniff(b"{\"a\": \"x\0y\"}\n{\"a\":2}\n", true),
            Kind::JsonLines
        );
        assert_eq!(
            sniff(b"{\"a\":1}\n{\"a\": \"\0\"}\n", true),
            Kind::JsonLines
        );
        assert_eq!(
            sniff(
                b"<?xml version=\"1.0\"?>\n<!-- x -->\n<rss version=\"2.0\">",
                true
            ),
            Kind::Feed
        );
        assert_eq!(
            sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">", true),
            Kind::Feed
        );
        assert_eq!(sniff(b"<urlset>", true), Kind::Sitemap);
        assert_eq!(
            sniff(b"\xEF\xBB\xBF<!DOCTYPE html><html>", true),
            Kind::Html
        );
        assert_eq!(sniff(b"Some text\n<p>then a paragraph", true), Kind::Html);
        assert_eq!(sniff(b"Just words.", true), Kind::Text);
        let licence = format!("<!-- {} -->\n<html>", "licence text ".repeat(200));
        assert_eq!(sniff(licence.as_bytes(), true), Kind::Html);
        let licence = format!("<!DOCTYPE html>\n<!-- {} -->\n<x>", "licence ".repeat(200));
        assert_eq!(sniff(licence.as_bytes(), true), Kind::Html);
        assert_eq!(sniff(b"<!-- never closed", true), Kind::Text);
        assert_eq!(
            sniff(b"\x89PNG\r\n", true),
            Kind::Binary("PNG image".into())
        );
        assert_eq!(sniff(b"ab\0cd", true), Kind::Binary("NUL bytes".into()));
        assert_eq!(
            sniff(b"\x01\x02\x03\x04abc", true),
            Kind::Binary("control bytes".into())
        );
        let utf16: Vec<u8> = b"\xFF\xFE<\0p\0>\0h\0i\0".to_vec();
        assert_eq!(sniff(&utf16, true), Kind::Html);
    }
}
