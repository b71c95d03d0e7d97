//! Fetching http(s) URLs. The body is sniffed like a file, so a URL may
//! name a page, a feed, a JSON Lines dump or a WARC archive.

use std::io::{BufReader, Read};
use std::sync::Arc;
use std::time::Duration;

use crate::charset::charset_from_content_type;
use crate::dispatch::{error_items, open_stream, Items};
use crate::read::FetchFailure;
use crate::{ErrorKind, Hints, Options};

/// Fetches `url` and opens its body.
pub(crate) fn open_url(url: &str, opts: &Arc<Options>) -> Items {
    // ureq counts the request that would exceed the limit as one of the
    // `redirects`; ours counts redirects actually followed. Zero stays
    // zero: ureq then hands back the 3xx response, refused below.
    let redirects = match opts.max_redirects {
        0 => 0,
        n => n.saturating_add(1),
    };
    // A zero timeout would fail every request; take it as the shortest.
    let timeout = Duration::from_secs(opts.timeout_secs.max(1));
    let agent = ureq::AgentBuilder::new()
        .timeout(timeout)
        .redirects(redirects)
        .user_agent(&opts.user_agent)
        .build();
    let response = match agent.get(url).call() {
        Ok(r) => r,
        Err(ureq::Error::Status(code, r)) => {
            let reason = r.status_text().to_string();
            return error_items(url, ErrorKind::Fetch(format!("HTTP {code} {reason}")));
        }
        Err(ureq::Error::Transport(t)) => {
            let message = match t.kind() {
                ureq::ErrorKind::TooManyRedirects => {
                    format!("more than {} redirects", opts.max_redirects)
                }
                // ureq's own Display repeats the URL, which the error
                // already names.
                kind => {
                    let mut message = kind.to_string();
                    if let Some(detail) = t.message() {
                        message = format!("{message}: {detail}");
                    }
                    if let Some(cause) = std::error::Error::source(&t) {
                        message = format!("{message}: {cause}");
                    }
                    message
                }
            };
            return error_items(url, ErrorKind::Fetch(message));
        }
    };
    // With redirects off, ureq hands back the 3xx response itself.
    if (300..400).contains(&response.status()) {
        let message = format!("redirect not followed (HTTP {})", response.status());
        return error_items(url, ErrorKind::Fetch(message));
    }
    let len = response
        .header("Content-Length")
        .and_then(|v| v.trim().parse::<u64>().ok());
    let hints = Hints {
        url: Some(response.get_url().to_string()),
        charset: response
            .header("Content-Type")
            .and_then(charset_from_content_type),
        ..Hints::default()
    };
    // The body of a container is streamed and capped per record; a single
    // document is capped when read. `len` lets an announced oversize body
    // be refused before any of it is read.
    let body = BufReader::with_capacity(64 * 1024, FetchBody(response.into_reader()));
    open_stream(url.to_string(), Box::new(body), len, hints, opts, 0)
}

/// A response body whose read errors say they happened while fetching (a
/// timeout mid-body, a reset connection).
struct FetchBody(Box<dyn Read + Send + Sync + 'static>);

impl Read for FetchBody {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.read(buf).map_err(|e| {
            let kind = e.kind();
            std::io::Error::new(kind, FetchFailure(e.to_string()))
        })
    }
}
