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
#[error("{0}")]
pub(crate) struct GzipFailure(String);

/// Marks an I/O error as a network failure while reading a response body.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct FetchFailure(pub(crate) String);

/// A gzip decoder whose errors say they are gzip errors. Multi-member, as
/// WARC.gz files compress each record as its own member.
pub(crate) struct Gunzip<R: BufRead>(flate2::bufread::MultiGzDecoder<R>);

impl<R: BufRead> Gunzip<R> {
    pub(crate) fn new(inner: R) -> Self {
        Gunzip(flate2::bufread::MultiGzDecoder::new(inner))
    }
}

impl<R: BufRead> Read for Gunzip<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| {
            if e.get_ref().is_some_and(|inner| inner.is::<FetchFailure>()) {
                return e;
            }
            let detail = match e.kind() {
                io::ErrorKind::UnexpectedEof => "truncated stream (unexpected end of data)".into(),
                _ => e.to_string(),
            };
            io::Error::new(io::ErrorKind::InvalidData, GzipFailure(detail))
        })
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
            detail: gz.0.clone(),
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
