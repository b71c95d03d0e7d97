//! Who may do what, and the headers that keep untrusted text inert.
//!
//! Reads are open. Writes (ingestion) always need the bearer token, and
//! are refused outright when the server has none. Watches and alerts need
//! the token when the server has one, which it must when it listens on
//! anything but loopback (`check_config`).

use crate::error::{ApiError, ServeError};
use crate::Config;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use subtle::ConstantTimeEq;

/// Refuses a configuration that would open writes to a network.
pub(crate) fn check_config(config: &Config) -> Result<(), ServeError> {
    if let Some(t) = &config.token {
        if t.trim().len() < 16 {
            return Err(ServeError::Config(
                "the token must be at least 16 characters".into(),
            ));
        }
    }
    if !config.addr.ip().is_loopback() && config.token.is_none() {
        return Err(ServeError::Config(format!(
            "binding to {} (not loopback) requires --token or --token-file: writes and \
             watches would otherwise be open to the network",
            config.addr
        )));
    }
    Ok(())
}

/// The token a request carries: `Authorization: Bearer ...`, or for the
/// browser's `EventSource` and feed readers (which cannot set headers) an
/// `access_token` query parameter.
fn presented(headers: &HeaderMap, query: Option<&str>) -> Option<String> {
    if let Some(h) = headers.get(axum::http::header::AUTHORIZATION) {
        return h
            .to_str()
            .ok()?
            .strip_prefix("Bearer ")
            .map(|t| t.trim().to_string());
    }
    url::form_urlencoded::parse(query?.as_bytes())
        .find(|(k, _)| k == "access_token")
        .map(|(_, v)| v.into_owned())
}

fn matches(expected: &str, got: Option<String>) -> bool {
    got.is_some_and(|g| bool::from(g.as_bytes().ct_eq(expected.as_bytes())))
}

/// For ingestion: the token must be configured and presented.
pub(crate) fn require_write(
    config: &Config,
    headers: &HeaderMap,
    query: Option<&str>,
) -> Result<(), ApiError> {
    let Some(token) = &config.token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingestion over HTTP is off: start the server with --token (or --token-file)",
        ));
    };
    if matches(token, presented(headers, query)) {
        Ok(())
    } else {
        Err(unauthorized())
    }
}

/// For watches and alerts: the token, when the server has one.
pub(crate) fn require_watch(
    config: &Config,
    headers: &HeaderMap,
    query: Option<&str>,
) -> Result<(), ApiError> {
    match &config.token {
        None => Ok(()),
        Some(token) if matches(token, presented(headers, query)) => Ok(()),
        Some(_) => Err(unauthorized()),
    }
}

fn unauthorized() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "a bearer token is required (Authorization: Bearer TOKEN)",
    )
}

/// The Content-Security-Policy of every page: only this server's own
/// scripts (plus the inline scripts whose hashes are given), no plugin,
/// no frame, no third-party request of any kind. A payload that slipped
/// through escaping still could not run.
pub(crate) fn csp(inline_script_hashes: &[String]) -> HeaderValue {
    let hashes: String = inline_script_hashes
        .iter()
        .map(|h| format!(" 'sha256-{h}'"))
        .collect();
    let policy = format!(
        "default-src 'none'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    );
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_public_address_needs_a_token() {
        let mut c = Config::new("db");
        c.addr = "0.0.0.0:8080".parse().expect("addr");
        assert!(check_config(&c).is_err());
        c.token = Some("short".into());
        assert!(check_config(&c).is_err(), "a short token is refused");
        c.token = Some("0123456789abcdef0123".into());
        assert!(check_config(&c).is_ok());
        let loopback = Config::new("db");
        assert!(check_config(&loopback).is_ok());
    }

    #[test]
    fn tokens_come_from_the_header_or_the_query() {
        let mut c = Config::new("db");
        let mut h = HeaderMap::new();
        assert!(require_write(&c, &h, None).is_err(), "no token configured");
        assert!(require_watch(&c, &h, None).is_ok());
        c.token = Some("0123456789abcdef0123".into());
        assert!(require_watch(&c, &h, None).is_err());
        assert!(require_watch(&c, &h, Some("access_token=0123456789abcdef0123")).is_ok());
        assert!(require_watch(&c, &h, Some("access_token=0123456789abcdef012")).is_err());
        c.token = Some("token with spaces & marks".into());
        assert!(require_watch(
            &c,
            &h,
            Some("x=1&access_token=token+with%20spaces+%26+marks")
        )
        .is_ok());
        c.token = Some("0123456789abcdef0123".into());
        h.insert(
            axum::http::header::AUTHORIZATION,
            HeaderValue::from_static("Bearer 0123456789abcdef0123"),
        );
        assert!(require_write(&c, &h, None).is_ok());
    }
}
