//! Decoding bytes to text: BOM, HTTP charset, `<meta charset>`, then
//! statistical sniffing with chardetng.
//!
//! The order follows the HTML standard's encoding sniffing, simplified:
//! a byte order mark wins, then what the transport said, then what the
//! page says about itself, then a guess. Decoding never fails: bytes that
//! are invalid in the chosen encoding become U+FFFD.
//!
//! ```
//! use crosswire_ingest::charset::decode_html;
//!
//! // "año" in windows-1252, declared by the page itself.
//! let page = b"<meta charset=\"windows-1252\"><p>a\xf1o</p>";
//! assert_eq!(decode_html(page, None), "<meta charset=\"windows-1252\"><p>año</p>");
//! ```

use encoding_rs::Encoding;

/// How far into a page a `<meta charset>` is looked for. The standard says
/// 1024 bytes; pages with long `<head>` scripts often put it later, so a
/// little more is read.
const META_PRESCAN: usize = 2048;

/// Decodes an HTML page: BOM first, then the HTTP charset, then a
/// `<meta charset>` in the first KiB, then chardetng.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> String {
    if let Some(text) = decode_bom(bytes) {
        return text;
    }
    if let Some(enc) = http_charset.and_then(encoding_for_label) {
        return decode_with(enc, bytes);
    }
    let head = &bytes[..bytes.len().min(META_PRESCAN)];
    if let Some(enc) = meta_charset(head) {
        // A page cannot really be UTF-16 if its ASCII `<meta>` was readable;
        // the standard maps such declarations to UTF-8.
        return decode_with(enc.output_encoding(), bytes);
    }
    decode_undeclared(bytes)
}

/// Decodes plain text: BOM, then UTF-8 if valid, else chardetng.
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(text) = decode_bom(bytes) {
        return text;
    }
    decode_undeclared(bytes)
}

/// The encoding a charset label names (`"ISO-8859-1"`, `"utf8"`,
/// `"\"windows-1252\""`), per the WHATWG label table.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    Encoding::for_label(label.as_bytes())
}

/// The `charset` parameter of a `Content-Type` value, if any.
pub fn charset_from_content_type(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then(|| value.to_string())
    })
}

fn decode_bom(bytes: &[u8]) -> Option<String> {
    let (enc, bom_len) = Encoding::for_bom(bytes)?;
    let rest = bytes.get(bom_len..).unwrap_or_default();
    Some(decode_with(enc, rest))
}

fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> String {
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// No declaration: valid UTF-8 is taken as UTF-8 (a legacy encoding almost
/// never produces valid multi-byte UTF-8 by accident), the rest is guessed.
fn decode_undeclared(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let enc = detector.guess(None, false);
    decode_with(enc, bytes)
}

/// Finds a charset declared by `<meta charset=…>`, by
/// `<meta http-equiv="Content-Type" content="…; charset=…">`, or by an
/// XML declaration. A prescan, not a parse: enough for the first KiB.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    if lower.starts_with(b"<?xml") {
        let end = memchr::memchr(b'>', &lower).unwrap_or(lower.len());
        if let Some(enc) = attr_value(&lower[..end], b"encoding=").and_then(encoding_for_bytes) {
            return Some(enc);
        }
    }
    let finder = memchr::memmem::Finder::new(b"<meta");
    for start in finder.find_iter(&lower) {
        let tag = &lower[start..];
        let end = memchr::memchr(b'>', tag).unwrap_or(tag.len());
        let tag = &tag[..end];
        if let Some(enc) = attr_value(tag, b"charset=").and_then(encoding_for_bytes) {
            return Some(enc);
        }
    }
    None
}

/// The value after `key` in a tag, unquoted, up to a delimiter.
fn attr_value<'a>(tag: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let at = memchr::memmem::find(tag, key)? + key.len();
    let rest = tag.get(at..)?;
    let rest = match rest.iter().position(|b| !b.is_ascii_whitespace()) {
        Some(i) => &rest[i..],
        None => return None,
    };
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let value = &rest[..end];
    (!value.is_empty()).then_some(value)
}

fn encoding_for_bytes(label: &[u8]) -> Option<&'static Encoding> {
    Encoding::for_label(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_type_charset() {
        assert_eq!(
            charset_from_content_type("text/html; charset=\"ISO-8859-1\""),
            Some("ISO-8859-1".into())
        );
        assert_eq!(charset_from_content_type("text/html"), None);
    }

    #[test]
    fn http_equiv_meta() {
        let page = b"<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-1\"></head><body>seg\xfan</body></html>";
        assert!(decode_html(page, None).contains("según"));
    }

    #[test]
    fn http_charset_beats_meta() {
        let page = b"<meta charset=utf-8><p>\xbfqu\xe9?</p>";
        assert!(decode_html(page, Some("windows-1252")).contains("¿qué?"));
    }

    #[test]
    fn bom_wins() {
        let page = b"\xEF\xBB\xBF<meta charset=windows-1252><p>a\xc3\xb1o</p>";
        assert!(decode_html(page, Some("latin1")).contains("año"));
    }

    #[test]
    fn utf16_text() {
        let text: Vec<u8> = [0xFF, 0xFE, b'h', 0, b'i', 0].to_vec();
        assert_eq!(decode_text(&text), "hi");
    }

    #[test]
    fn garbage_never_panics() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
        let _ = decode_html(&bytes, Some("nonsense"));
        let _ = decode_text(&bytes);
        let _ = decode_html(b"<meta charset=", None);
        let _ = decode_html(b"<?xml encoding=", None);
    }
}
