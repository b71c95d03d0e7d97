//! Fetching http(s) URLs. The body is sniffed like a file, so a URL may
//! name a page, a feed, a JSON Lines dump or a WARC archive.
//!
//! Redirects are followed here, not by the HTTP client, so that each
//! target passes the scheme rule before any request is made for it (the
//! client panics on a redirect to a host-less URL such as `file:` or
//! `data:`); every connection goes through the address policy's resolver
//! (see `policy`).

use std::io::{BufReader, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use std::time::Duration;

use crate::charset::charset_from_content_type;
use crate::dispatch::{error_items, open_stream, Items};
use crate::policy::{check_scheme, checked_url, PolicyResolver, Refusal};
use crate::read::FetchFailure;
use crate::{ErrorKind, Hints, Options};

/// Fetches `url` and opens its body.
pub(crate) fn open_url(url: &str, opts: &Arc<Options>) -> Items {
    match fetch(url, opts) {
        Ok((response, final_url)) => {
            let len = response
                .header("Content-Length")
                .and_then(|v| v.trim().parse::<u64>().ok());
            let hints = Hints {
                url: Some(final_url),
                charset: response
                    .header("Content-Type")
                    .and_then(charset_from_content_type),
                ..Hints::default()
            };
            // The body of a container is streamed and capped per record; a
            // single document is capped when read. `len` lets an announced
            // oversize body be refused before any of it is read.
            let body = BufReader::with_capacity(64 * 1024, FetchBody(response.into_reader()));
            open_stream(url.to_string(), Box::new(body), len, hints, opts, 0)
        }
        Err(kind) => error_items(url, kind),
    }
}

/// Requests `raw`, following redirects by hand; returns the final
/// response and its URL.
fn fetch(raw: &str, opts: &Options) -> Result<(ureq::Response, String), ErrorKind> {
    let mut url = checked_url(raw).map_err(|r| ErrorKind::Refused(r.0))?;
    // A zero timeout would fail every request; take it as the shortest.
    let timeout = Duration::from_secs(opts.timeout_secs.max(1));
    let agent = ureq::AgentBuilder::new()
        .timeout(timeout)
        .redirects(0)
        .resolver(PolicyResolver(opts.address_policy))
        .user_agent(&opts.user_agent)
        .build();
    let mut followed = 0u32;
    loop {
        // The client is never handed a URL that failed the scheme rule;
        // the guard is for whatever else it may trip over.
        let result = catch_unwind(AssertUnwindSafe(|| {
            agent.request_url("GET", &url).call().map_err(Box::new)
        }))
        .map_err(|_| ErrorKind::Fetch("internal error in the HTTP client".into()))?
        .map_err(|e| *e);
        let response = match result {
            Ok(r) => r,
            Err(ureq::Error::Status(code, r)) => {
                let reason = r.status_text().to_string();
                return Err(ErrorKind::Fetch(format!("HTTP {code} {reason}")));
            }
            Err(ureq::Error::Transport(t)) => return Err(transport_error(&t)),
        };
        if !(300..400).contains(&response.status()) {
            return Ok((response, url.to_string()));
        }
        let status = response.status();
        if opts.max_redirects == 0 {
            return Err(ErrorKind::Fetch(format!(
                "redirect not followed (HTTP {status})"
            )));
        }
        if followed >= opts.max_redirects {
            return Err(ErrorKind::Fetch(format!(
                "more than {} redirects",
                opts.max_redirects
            )));
        }
        let Some(location) = response.header("Location") else {
            return Err(ErrorKind::Fetch(format!(
                "HTTP {status} redirect without a Location"
            )));
        };
        let next = url
            .join(location.trim())
            .map_err(|e| ErrorKind::Refused(format!("redirect to an invalid URL ({e})")))?;
        check_scheme(&next).map_err(|r| ErrorKind::Refused(format!("redirect refused: {r}")))?;
        url = next;
        followed += 1;
    }
}

/// A transport failure as one line; ureq's own Display repeats the URL,
/// which the error already names.
fn transport_error(t: &ureq::Transport) -> ErrorKind {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(t);
    while let Some(c) = cause {
        if let Some(refusal) = c.downcast_ref::<Refusal>() {
            return ErrorKind::Refused(refusal.0.clone());
        }
        if let Some(io) = c.downcast_ref::<std::io::Error>() {
            if let Some(refusal) = io.get_ref().and_then(|i| i.downcast_ref::<Refusal>()) {
                return ErrorKind::Refused(refusal.0.clone());
            }
        }
        cause = c.source();
    }
    let mut message = t.kind().to_string();
    if let Some(detail) = t.message() {
        message = format!("{message}: {detail}");
    }
    if let Some(cause) = std::error::Error::source(t) {
        message = format!("{message}: {cause}");
    }
    ErrorKind::Fetch(message)
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
