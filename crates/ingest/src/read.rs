//! Bounded reading: every read here stops at a cap, so memory never grows
//! with the size of an input.

use std::io::{self, BufRead, Read};

use crate::ErrorKind;

/// A readable byte stream that can cross threads.
pub(crate) type Stream = Box<dyn BufRead + Send>;

/// How a capped line read ended.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// End of stream, nothing read.
    Eof,
    /// A line (with its newline, unless it was the last) is in the buffer.
    Read,
    /// The line was longer than the cap; it was consumed, not kept.
    TooLong,
}

/// Reads one line into `buf` (cleared first), keeping at most `cap` bytes.
/// A longer line is consumed through its newline and reported, so the
/// caller can go on with the next one.
pub(crate) fn read_line_capped<R: BufRead + ?Sized>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut any = false;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let (len, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        if !too_long {
            if buf.len() + len > cap {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&available[..len]);
            }
        }
        reader.consume(len);
        if done {
            break;
        }
    }
    Ok(match (any, too_long) {
        (false, _) => Line::Eof,
        (true, true) => Line::TooLong,
        (true, false) => Line::Read,
    })
}

/// Reads a whole document, refusing more than `max` bytes.
pub(crate) fn read_capped<R: Read + ?Sized>(
    reader: &mut R,
    max: u64,
) -> Result<Vec<u8>, ErrorKind> {
    let mut buf = Vec::new();
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(from_io)?;
    if buf.len() as u64 > max {
        return Err(ErrorKind::TooLarge(max));
    }
    Ok(buf)
}

/// Reads up to `len` bytes, fewer only at end of stream or on an error.
/// An error after some bytes is handed back for later, so that what came
/// before a corrupt spot (the first records of a cut-off archive) is
/// still read.
pub(crate) fn read_head<R: Read + ?Sized>(
    reader: &mut R,
    len: usize,
) -> (Vec<u8>, Option<io::Error>) {
    let mut buf = vec![0; len];
    let mut filled = 0;
    while filled < len {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                buf.truncate(filled);
                return (buf, Some(e));
            }
        }
    }
    buf.truncate(filled);
    (buf, None)
}

/// A stream that fails once with a given error, then ends.
pub(crate) struct Failing(pub(crate) Option<io::Error>);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

/// Skips `len` bytes; returns how many were there.
pub(crate) fn skip<R: Read + ?Sized>(reader: &mut R, len: u64) -> io::Result<u64> {
    io::copy(&mut reader.take(len), &mut io::sink())
}

/// Marks an I/O error as coming from the gzip decoder, so that it is
/// reported as a malformed gzip stream rather than a failure to read.
#[derive(Debug, thiserror::Error)]
#[error("{detail}")]
pub(crate) struct GzipFailure {
    detail: String,
    /// The decoder skipped to the next member: reading may go on.
    recoverable: bool,
}

/// Whether reading may go on after this error: the gzip decoder skipped
/// a corrupt member and found the start of another.
pub(crate) fn is_recoverable(e: &io::Error) -> bool {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<GzipFailure>())
        .is_some_and(|g| g.recoverable)
}

/// Marks an I/O error as a network failure while reading a response body.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct FetchFailure(pub(crate) String);

/// The gzip magic and deflate method byte that open every member.
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// A multi-member gzip decoder (WARC.gz files compress each record as its
/// own member) that survives a corrupt member: it reports the corruption
/// once, skips to the next gzip header, and goes on, so one damaged record
/// does not cost every record after it. Its errors say they are gzip
/// errors. flate2's `MultiGzDecoder` stops at the first bad member, hence
/// this wrapper around its single-member decoder.
pub(crate) struct Gunzip<R: BufRead> {
    decoder: Option<flate2::bufread::GzDecoder<R>>,
    /// Bytes produced since the last error: a resynchronization that fails
    /// again at once (a false header inside compressed data) is not
    /// reported twice.
    produced: bool,
    /// Corrupt members met so far.
    corrupt: u64,
}

impl<R: BufRead> Gunzip<R> {
    pub(crate) fn new(inner: R) -> Self {
        Gunzip {
            decoder: Some(flate2::bufread::GzDecoder::new(inner)),
            produced: true,
            corrupt: 0,
        }
    }

    /// Moves past the current member to the next gzip header, if any.
    /// Returns false at the end of the stream.
    fn next_member(&mut self, skip_first: bool) -> io::Result<bool> {
        let Some(decoder) = self.decoder.take() else {
            return Ok(false);
        };
        let mut inner = decoder.into_inner();
        let mut skip = skip_first;
        let found = loop {
            let buf = match inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                break false;
            }
            let from = usize::from(skip);
            skip = false;
            match memchr::memmem::find(&buf[from..], &GZIP_MAGIC) {
                Some(i) => {
                    inner.consume(from + i);
                    break true;
                }
                None if buf.len() >= GZIP_MAGIC.len() => {
                    // Keep a possible header cut by the buffer's end.
                    let n = (buf.len() + 1 - GZIP_MAGIC.len()).max(from);
                    inner.consume(n);
                }
                None => {
                    let n = buf.len();
                    inner.consume(n);
                }
            }
        };
        // At the end, nothing is left to decode: later reads return 0.
        if found {
            self.decoder = Some(flate2::bufread::GzDecoder::new(inner));
        }
        Ok(found)
    }
}

impl<R: BufRead> Read for Gunzip<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            let Some(decoder) = self.decoder.as_mut() else {
                return Ok(0);
            };
            match decoder.read(buf) {
                Ok(0) => {
                    // End of a member: another may follow.
                    if !self.next_member(false)? {
                        return Ok(0);
                    }
                }
                Ok(n) => {
                    self.produced = true;
                    return Ok(n);
                }
                Err(e) => {
                    if e.get_ref().is_some_and(|inner| inner.is::<FetchFailure>()) {
                        return Err(e);
                    }
                    let detail = match e.kind() {
                        io::ErrorKind::UnexpectedEof => {
                            "truncated stream (unexpected end of data)".to_string()
                        }
                        _ => e.to_string(),
                    };
                    // A bad checksum fails at the member's very end, where
                    // the next member starts: the scan begins right here.
                    // After a failure that produced nothing, it moves on by
                    // at least a byte, so it always advances.
                    let report = std::mem::replace(&mut self.produced, false);
                    let more = self.next_member(!report)?;
                    if !report && more {
                        continue;
                    }
                    self.corrupt += 1;
                    let detail = if more {
                        format!("{detail}; skipped to the next gzip member")
                    } else {
                        detail
                    };
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        GzipFailure {
                            detail,
                            recoverable: more,
                        },
                    ));
                }
            }
        }
    }
}

/// Maps an I/O error to an [`ErrorKind`], telling broken gzip apart.
pub(crate) fn from_io(e: io::Error) -> ErrorKind {
    if let Some(gz) = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<GzipFailure>())
    {
        return ErrorKind::Malformed {
            what: "gzip",
            detail: gz.detail.clone(),
        };
    }
    if let Some(fetch) = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<FetchFailure>())
    {
        return ErrorKind::Fetch(fetch.0.clone());
    }
    ErrorKind::Io(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_lines() {
        let mut r = io::Cursor::new(b"short\nthis one is long\nend".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_line_capped(&mut r, &mut buf, 8).ok(), Some(Line::Read));
        assert_eq!(buf, b"short\n");
        assert_eq!(
            read_line_capped(&mut r, &mut buf, 8).ok(),
            Some(Line::TooLong)
        );
        assert_eq!(read_line_capped(&mut r, &mut buf, 8).ok(), Some(Line::Read));
        assert_eq!(buf, b"end");
        assert_eq!(read_line_capped(&mut r, &mut buf, 8).ok(), Some(Line::Eof));
    }

    #[test]
    fn capped_read() {
        let mut r = io::Cursor::new(vec![b'a'; 10]);
        assert!(matches!(
            read_capped(&mut r, 9),
            Err(ErrorKind::TooLarge(9))
        ));
        let mut r = io::Cursor::new(vec![b'a'; 10]);
        assert_eq!(read_capped(&mut r, 10).ok().map(|v| v.len()), Some(10));
    }
}

#[cfg(test)]
mod gunzip_tests {
    use super::*;
    use std::io::Write;

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn a_corrupt_member_is_skipped() {
        let mut a = gz(&b"first member text, long enough to matter ".repeat(20));
        let mid = a.len() / 2;
        for b in &mut a[mid..mid + 8] {
            *b ^= 0x5a;
        }
        let data = [gz(b"zero\n"), a, gz(b"second\n"), gz(b"third\n")].concat();
        let mut r = Gunzip::new(&data[..]);
        let mut out = Vec::new();
        let mut buf = [0u8; 64];
        let mut errors = 0;
        loop {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => {
                    assert!(is_recoverable(&e), "{e}");
                    errors += 1;
                }
            }
        }
        assert_eq!(String::from_utf8_lossy(&out), "zero\nsecond\nthird\n");
        assert_eq!(errors, 1);
    }
}
