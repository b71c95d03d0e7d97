//! URL inputs, against a small HTTP server on 127.0.0.1 that each test
//! starts for itself. The server answers a bounded number of connections
//! and stops on its own after a few seconds.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use common::*;
use crosswire_ingest::charset::decode_html;
use crosswire_ingest::{ErrorKind, Format, Options};

/// What the server does for one request.
struct Reply {
    /// Sent at once.
    bytes: Vec<u8>,
    /// Then a pause.
    delay: Duration,
    /// Then the rest.
    rest: Vec<u8>,
}

fn reply(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    Reply {
        bytes,
        delay: Duration::ZERO,
        rest: Vec::new(),
    }
}

fn with_length(status: &str, content_type: &str, body: &[u8]) -> Reply {
    let len = body.len().to_string();
    reply(
        status,
        &[("Content-Type", content_type), ("Content-Length", &len)],
        body,
    )
}

/// Serves up to `max_conns` requests for at most five seconds. Returns the
/// base URL and a channel of the request heads received.
fn serve(
    max_conns: usize,
    handler: impl Fn(&str) -> Reply + Send + 'static,
) -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut served = 0;
        while served < max_conns && Instant::now() < deadline {
            match listener.accept() {
                Ok((stream, _)) => {
                    served += 1;
                    if let Some(head) = answer(stream, &handler) {
                        let _ = tx.send(head);
                    }
                }
                Err(_) => thread::sleep(Duration::from_millis(5)),
            }
        }
    });
    (base, rx)
}

fn answer(mut stream: TcpStream, handler: &impl Fn(&str) -> Reply) -> Option<String> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
    let reply = handler(&path);
    let _ = stream.write_all(&reply.bytes);
    let _ = stream.flush();
    thread::sleep(reply.delay);
    let _ = stream.write_all(&reply.rest);
    Some(head)
}

fn opts() -> Options {
    Options {
        timeout_secs: 1,
        max_redirects: 3,
        user_agent: "crosswire-test/1".into(),
        ..Options::default()
    }
}

#[test]
fn ok_page_after_a_redirect() {
    let body = encoding_rs::WINDOWS_1252
        .encode(&page("Presupuesto", "El año próximo, según el pleno."))
        .0
        .into_owned();
    let (base, heads) = serve(2, move |path| match path {
        "/start" => reply(
            "302 Found",
            &[("Location", "/page"), ("Content-Length", "0")],
            b"",
        ),
        _ => with_length("200 OK", "text/html; charset=ISO-8859-1", &body),
    });
    let url = format!("{base}/start");
    let items = run(&[&url], &opts());
    let d = doc(only(&items));
    assert_eq!(d.source, url);
    assert_eq!(d.format, Format::Html);
    assert_eq!(
        d.hints.url.as_deref(),
        Some(format!("{base}/page").as_str())
    );
    assert_eq!(d.hints.charset.as_deref(), Some("ISO-8859-1"));
    let page = decode_html(&d.bytes, d.hints.charset.as_deref());
    assert!(page.contains("año") && page.contains("según"));
    let first = heads.recv_timeout(Duration::from_secs(2)).unwrap();
    assert!(first
        .to_ascii_lowercase()
        .contains("user-agent: crosswire-test/1"));
}

/// `/chain{k}/{n}` redirects to `/chain{k}/{n+1}` until `n == k`.
fn chain_server(conns: usize) -> String {
    let (base, _heads) = serve(conns, |path| {
        let mut parts = path.trim_start_matches("/chain").split('/');
        let k: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        let n: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        if n >= k {
            return with_length("200 OK", "text/html", page("End", "Arrived.").as_bytes());
        }
        let next = format!("/chain{k}/{}", n + 1);
        reply(
            "302 Found",
            &[("Location", next.as_str()), ("Content-Length", "0")],
            b"",
        )
    });
    base
}

#[test]
fn redirect_chain_over_the_limit() {
    let base = chain_server(4);
    let url = format!("{base}/chain4/0");
    let items = run(&[&url], &opts());
    let e = err(only(&items));
    assert!(
        matches!(&e.kind, ErrorKind::Fetch(m) if m.contains("redirect")),
        "{e}"
    );
    assert_names(e, &url);
}

#[test]
fn redirect_chain_at_the_limit_is_followed() {
    let base = chain_server(4);
    let url = format!("{base}/chain3/0");
    let items = run(&[&url], &opts());
    let d = doc(only(&items));
    assert_eq!(
        d.hints.url.as_deref(),
        Some(format!("{base}/chain3/3").as_str())
    );
}

#[test]
fn redirects_off_refuses_a_redirect() {
    let base = chain_server(1);
    let url = format!("{base}/chain1/0");
    let options = Options {
        max_redirects: 0,
        ..opts()
    };
    let items = run(&[&url], &options);
    let e = err(only(&items));
    assert!(
        matches!(&e.kind, ErrorKind::Fetch(m) if m.contains("redirect")),
        "{e}"
    );
}

#[test]
fn slow_server_times_out() {
    let (base, _heads) = serve(1, |_| {
        let whole = with_length("200 OK", "text/html", b"<p>late</p>");
        Reply {
            bytes: Vec::new(),
            delay: Duration::from_secs(3),
            rest: whole.bytes,
        }
    });
    let url = format!("{base}/slow");
    let started = Instant::now();
    let items = run(&[&url], &opts());
    assert!(started.elapsed() < Duration::from_millis(2900));
    let e = err(only(&items));
    assert!(matches!(e.kind, ErrorKind::Fetch(_)), "{e}");
    assert_names(e, &url);
}

#[test]
fn stalled_body_times_out() {
    let (base, _heads) = serve(1, |_| {
        let mut whole = with_length("200 OK", "text/html", page("Half", "Sent.").as_bytes());
        let rest = whole.bytes.split_off(whole.bytes.len() - 20);
        Reply {
            delay: Duration::from_secs(3),
            rest,
            ..whole
        }
    });
    let url = format!("{base}/stall");
    let items = run(&[&url], &opts());
    let e = err(only(&items));
    assert!(matches!(e.kind, ErrorKind::Fetch(_)), "{e}");
    assert_names(e, &url);
}

#[test]
fn oversize_body_is_refused() {
    let big = page("Big", &"word ".repeat(2000));
    let (base, _heads) = serve(2, move |path| match path {
        "/announced" => with_length("200 OK", "text/html", big.as_bytes()),
        // No Content-Length: the cap is found while reading.
        _ => reply("200 OK", &[("Content-Type", "text/html")], big.as_bytes()),
    });
    let options = Options {
        max_bytes: 1000,
        ..opts()
    };
    let announced = format!("{base}/announced");
    let streamed = format!("{base}/streamed");
    let items = run(&[&announced, &streamed], &options);
    assert_eq!(items.len(), 2, "{items:?}");
    for (item, url) in items.iter().zip([&announced, &streamed]) {
        let e = err(item);
        assert!(matches!(e.kind, ErrorKind::TooLarge(1000)), "{e}");
        assert_names(e, url);
    }
}

#[test]
fn not_found_is_a_fetch_error() {
    let (base, _heads) = serve(1, |_| {
        with_length("404 Not Found", "text/html", b"<p>no</p>")
    });
    let url = format!("{base}/gone");
    let items = run(&[&url], &opts());
    let e = err(only(&items));
    assert!(
        matches!(&e.kind, ErrorKind::Fetch(m) if m.contains("404")),
        "{e}"
    );
    assert_names(e, &url);
}

#[test]
fn unreachable_port_is_a_fetch_error() {
    // Bind to learn a free port, then close it: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/");
    let items = run(&[&url], &opts());
    let e = err(only(&items));
    assert!(matches!(e.kind, ErrorKind::Fetch(_)), "{e}");
    assert_names(e, &url);
}

#[test]
fn url_to_a_feed_is_read_as_a_feed() {
    let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
               <item><title>One</title><link>https://news.example/1</link></item>\
               </channel></rss>";
    let (base, _heads) = serve(1, move |_| {
        with_length("200 OK", "application/rss+xml", rss.as_bytes())
    });
    let url = format!("{base}/feed");
    let items = run(&[&url], &opts());
    let l = link(only(&items));
    assert_eq!(l.url, "https://news.example/1");
    assert_eq!(l.source, format!("{url}#0"));
}

#[test]
fn url_to_a_gzipped_warc_is_streamed() {
    let mut warc = Vec::new();
    for i in 0..2 {
        let html = page(&format!("Story {i}"), "Snow closed the pass on Saturday.");
        warc.extend(gzip(&warc_response(
            &format!("https://news.example/{i}"),
            "text/html",
            html.as_bytes(),
        )));
    }
    let (base, _heads) = serve(1, move |_| with_length("200 OK", "application/warc", &warc));
    let url = format!("{base}/crawl.warc.gz");
    let items = run(&[&url], &opts());
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(doc(&items[0]).source, format!("{url}#0"));
    assert_eq!(
        doc(&items[1]).hints.url.as_deref(),
        Some("https://news.example/1")
    );
}

/// Repro 2: a redirect to a host-less URL (`file:`, `data:`) used to panic
/// inside the HTTP client and end the batch; it is refused, alone.
#[test]
fn redirects_to_file_and_data_urls_are_refused_and_the_batch_goes_on() {
    let (base, _heads) = serve(3, |path| match path {
        "/to-file" => reply(
            "302 Found",
            &[("Location", "file:///etc/passwd"), ("Content-Length", "0")],
            b"",
        ),
        "/to-data" => reply(
            "301 Moved Permanently",
            &[("Location", "data:text/html,x"), ("Content-Length", "0")],
            b"",
        ),
        _ => with_length(
            "200 OK",
            "text/html",
            page("Dam", "Cracks were found.").as_bytes(),
        ),
    });
    let urls: Vec<String> = ["/to-file", "/ok", "/to-data"]
        .iter()
        .map(|p| format!("{base}{p}"))
        .collect();
    let refs: Vec<&str> = urls.iter().map(String::as_str).collect();
    let items = run(&refs, &opts());
    assert_eq!(items.len(), 3, "{items:?}");
    for (i, what) in [(0, "file:"), (2, "data:")] {
        let e = err(&items[i]);
        assert!(
            matches!(&e.kind, ErrorKind::Refused(m) if m.contains(what)),
            "{e}"
        );
        assert_names(e, &urls[i]);
    }
    assert_eq!(doc(&items[1]).source, urls[1]);
}

/// Repro 1: links found inside content are fetched only as http(s) URLs,
/// never opened as paths or globs, even when they name a real file.
#[test]
fn links_are_never_opened_as_paths_or_globs() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.html");
    std::fs::write(&secret, page("Secret", "Only for this machine.")).unwrap();
    let links = vec![
        secret.display().to_string(),
        format!("{}/sec*", dir.path().display()),
        format!("file://{}", secret.display()),
        "-".to_string(),
    ];
    let items: Vec<_> = crosswire_ingest::open_links(&links, &opts()).collect();
    assert_eq!(items.len(), 4, "{items:?}");
    for item in &items {
        let e = err(item);
        assert!(matches!(e.kind, ErrorKind::Refused(_)), "{e}");
    }
}

/// Repro 1, over HTTP: a fetched feed's relative links are resolved
/// against the feed's URL, so they stay on the network.
#[test]
fn a_fetched_feeds_relative_links_stay_http() {
    let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
               <item><title>One</title><link>/etc/passwd</link></item>\
               </channel></rss>";
    let (base, _heads) = serve(1, move |_| {
        with_length("200 OK", "application/rss+xml", rss.as_bytes())
    });
    let url = format!("{base}/news/feed");
    let items = run(&[&url], &opts());
    assert_eq!(link(only(&items)).url, format!("{base}/etc/passwd"));
}

/// Repro 3: with the public-only policy, loopback is refused after
/// resolution, for a name as for an address literal.
#[test]
fn the_public_only_policy_refuses_loopback() {
    let (base, heads) = serve(2, |_| {
        with_length(
            "200 OK",
            "text/html",
            page("Internal", "Not for the outside.").as_bytes(),
        )
    });
    let options = Options {
        address_policy: crosswire_ingest::AddressPolicy::PublicOnly,
        ..opts()
    };
    let port = base.rsplit(':').next().unwrap();
    for url in [
        format!("{base}/admin"),
        format!("http://localhost:{port}/admin"),
    ] {
        let items = run(&[&url], &options);
        let e = err(only(&items));
        assert!(
            matches!(&e.kind, ErrorKind::Refused(m) if m.contains("not public")),
            "{e}"
        );
    }
    assert!(heads.recv_timeout(Duration::from_millis(300)).is_err());
}
