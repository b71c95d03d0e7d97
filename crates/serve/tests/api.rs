//! The API against a real server on 127.0.0.1, over a store built from
//! the example corpus and the test fixtures.

mod common;

use common::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use utoipa::OpenApi;

const TOKEN: &str = "test-token-0123456789";

#[test]
fn every_route_is_in_the_openapi_document_and_answers() {
    let doc = serde_json::to_value(crosswire_serve::ApiDoc::openapi()).expect("doc");
    let paths = doc["paths"].as_object().expect("paths");
    let routes = crosswire_serve::route_table();
    let api: BTreeSet<(String, String)> = routes
        .iter()
        .filter(|(_, p)| p.starts_with("/api/") || *p == "/openapi.json")
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert!(api.len() >= 13, "{api:?}");
    for (method, path) in &api {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is routed but not in /openapi.json"
        );
    }
    // And the other way: nothing documented that is not routed.
    for (path, ops) in paths {
        for method in ops.as_object().expect("ops").keys() {
            assert!(
                api.contains(&(method.clone(), path.clone())),
                "{method} {path} is documented but not routed"
            );
        }
    }

    let tmp = store(&[]);
    let server = start(config(&tmp.path().join("db")));
    let served = get_json(&format!("{}/openapi.json", server.base));
    assert_eq!(served, doc, "the server serves the same document");
    // Every documented GET answers something other than "no such route".
    for (method, path) in &api {
        if method != "get" {
            continue;
        }
        let url = format!("{}{}", server.base, path.replace("{id}", "1"));
        let (status, _, _) = if path.ends_with("/stream") {
            (200, String::new(), String::new())
        } else {
            get(&url)
        };
        assert!(status != 405, "{url}: {status}");
        assert!(status != 404 || path.contains("{id}"), "{url}: {status}");
    }
}

#[test]
fn events_filter_and_page_with_a_cursor() {
    let tmp = store(&[fixture("ferry.txt"), fixture("followup-ridgeway.txt")]);
    let server = start(config(&tmp.path().join("db")));
    let all = get_json(&format!("{}/api/v1/events?limit=100", server.base));
    assert_eq!(all["schema"], "crosswire-api/1");
    let ids: Vec<i64> = all["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["id"].as_i64().expect("id"))
        .collect();
    assert!(ids.len() >= 2, "{all}");
    assert!(all["next"].is_null());

    // One event a page: the cursor walks the same list.
    let mut paged = Vec::new();
    let mut url = format!("{}/api/v1/events?limit=1", server.base);
    for _ in 0..10 {
        let page = get_json(&url);
        let events = page["events"].as_array().expect("events");
        assert!(events.len() <= 1);
        paged.extend(events.iter().map(|e| e["id"].as_i64().expect("id")));
        match page["next"].as_str() {
            Some(next) => url = format!("{}/api/v1/events?limit=1&cursor={next}", server.base),
            None => break,
        }
    }
    assert_eq!(paged, ids);

    // The fire has conflicts and a Spanish report; the ferry neither.
    let fire = all["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["title"].as_str().is_some_and(|t| t.contains("Velmora")))
        .expect("the fire")["id"]
        .as_i64()
        .expect("id");
    let only = |q: &str| -> Vec<i64> {
        get_json(&format!("{}/api/v1/events?{q}", server.base))["events"]
            .as_array()
            .expect("events")
            .iter()
            .map(|e| e["id"].as_i64().expect("id"))
            .collect()
    };
    assert_eq!(only("has_conflicts=true"), [fire]);
    assert_eq!(only("lang=es"), [fire]);
    assert_eq!(only("q=ferry").len(), 1);
    assert!(!only("q=ferry").contains(&fire));
    assert_eq!(only("from=2031-01-01").len(), 1);
    assert!(only("outlet=the%20arkenvale%20courier").contains(&fire));
    let (status, _, body) = get(&format!("{}/api/v1/events?from=yesterday", server.base));
    assert_eq!(status, 400, "{body}");
    let (status, _, _) = get(&format!("{}/api/v1/events?cursor=nonsense", server.base));
    assert_eq!(status, 400);
}

#[test]
fn a_dossier_comes_in_four_formats_and_articles_carry_their_spans() {
    let tmp = store(&[]);
    let server = start(config(&tmp.path().join("db")));
    let base = &server.base;
    let d = get_json(&format!("{base}/api/v1/events/e1/dossier"));
    assert_eq!(d["schema"], "crosswire-dossier/1");
    assert_eq!(d["articles"].as_array().expect("articles").len(), 5);

    let (status, ct, html) = get(&format!("{base}/api/v1/events/1/dossier?format=html"));
    assert_eq!((status, ct.as_str()), (200, "text/html"));
    assert!(html.starts_with("<!DOCTYPE html>"));
    let (_, ct, md) = get(&format!("{base}/api/v1/events/1/dossier?format=md"));
    assert_eq!(ct, "text/markdown");
    assert!(md.contains("# "), "{md}");
    let (_, ct, csv) = get(&format!("{base}/api/v1/events/1/dossier?format=csv"));
    assert_eq!(ct, "text/csv");
    assert!(csv.starts_with("kind,label,verdict"), "{csv}");
    let (status, _, _) = get(&format!("{base}/api/v1/events/1/dossier?format=pdf"));
    assert_eq!(status, 400);
    let (status, _, _) = get(&format!("{base}/api/v1/events/999/dossier"));
    assert_eq!(status, 404);

    // Every figure mention of the dossier is a figure span of its
    // article, and its bytes are the value's wording.
    let mut checked = 0;
    for slot in d["figures"].as_array().expect("figures") {
        for value in slot["values"].as_array().expect("values") {
            for m in value["mentions"].as_array().expect("mentions") {
                let art = &d["articles"][m["article"].as_u64().expect("index") as usize];
                let id = art["id"].as_str().expect("id");
                let a = get_json(&format!("{base}/api/v1/articles/{id}"));
                assert_eq!(a["event"], 1);
                let text = a["article"]["text"].as_str().expect("text");
                assert_eq!(text, art["text"].as_str().expect("text"));
                let (s, e) = (
                    m["span"]["start"].as_u64().expect("start"),
                    m["span"]["end"].as_u64().expect("end"),
                );
                let span = a["article"]["spans"]
                    .as_array()
                    .expect("spans")
                    .iter()
                    .find(|sp| sp["type"] == "figure" && sp["start"] == s && sp["end"] == e);
                assert!(span.is_some(), "no figure span {s}..{e} in {id}");
                let (ss, se) = (
                    m["sentence"]["start"].as_u64().expect("start"),
                    m["sentence"]["end"].as_u64().expect("end"),
                );
                assert!(ss <= s && e <= se, "the sentence holds the figure");
                // A value groups wordings (and translations): the first
                // mention of a value is mostly its own wording.
                if text[s as usize..e as usize] == *value["text"].as_str().expect("text") {
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= 5, "{checked} mentions checked");
    let (status, _, _) = get(&format!(
        "{base}/api/v1/articles/0123456789abcdef0123456789abcdef"
    ));
    assert_eq!(status, 404);
    let (status, _, _) = get(&format!("{base}/api/v1/articles/..%2F..%2Fetc"));
    assert_eq!(status, 404);
}

#[test]
fn search_stats_and_health() {
    let tmp = store(&[fixture("ferry.txt")]);
    let server = start(config(&tmp.path().join("db")));
    let base = &server.base;
    let hits = get_json(&format!("{base}/api/v1/search?q=fire"));
    let hits = hits["hits"].as_array().expect("hits");
    assert!(hits.len() >= 4, "{hits:?}");
    let es = get_json(&format!("{base}/api/v1/search?q=*&lang=es"));
    let es = es["hits"].as_array().expect("hits");
    assert_eq!(es.len(), 1);
    let outlet = get_json(&format!(
        "{base}/api/v1/search?q=fire&outlet=The%20Arkenvale%20Courier"
    ));
    for h in outlet["hits"].as_array().expect("hits") {
        assert_eq!(h["outlet"], "The Arkenvale Courier");
    }
    let ferry = get_json(&format!("{base}/api/v1/search?q=ferry&event=e1"));
    assert_eq!(
        ferry["hits"].as_array().expect("hits").len(),
        0,
        "the ferry is not in e1"
    );
    let stats = get_json(&format!("{base}/api/v1/stats"));
    assert_eq!(stats["articles"], 6);
    assert_eq!(stats["events"], 2);
    let health = get_json(&format!("{base}/api/v1/health"));
    assert_eq!(health["status"], "ok");
    assert_eq!(health["last_seq"], 6);
}

#[test]
fn ingestion_needs_the_token_refuses_private_addresses_and_is_searchable_at_once() {
    let tmp = store(&[]);
    let db = tmp.path().join("db");
    // Without a token the server refuses ingestion outright.
    {
        let server = start(config(&db));
        let (status, body) = send(
            "POST",
            &format!("{}/api/v1/ingest", server.base),
            None,
            &json!({"urls": []}),
        );
        assert_eq!(status, 403, "{body}");
    }
    let mut c = config(&db);
    c.token = Some(TOKEN.into());
    c.max_body = 64 * 1024;
    let server = start(c);
    let url = format!("{}/api/v1/ingest", server.base);
    let doc = json!({"documents": [{"name": "ferry.txt", "content": std::fs::read_to_string(fixture("ferry.txt")).expect("fixture")}]});
    assert_eq!(send("POST", &url, None, &doc).0, 401);
    assert_eq!(
        send("POST", &url, Some("wrong-token-0123456789"), &doc).0,
        401
    );
    let (status, summary) = send("POST", &url, Some(TOKEN), &doc);
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["added"], 1, "{summary}");
    // The server's readers see the new article (the index is reloaded).
    let hits = get_json(&format!("{}/api/v1/search?q=Quellport", server.base));
    assert_eq!(hits["hits"].as_array().expect("hits").len(), 1, "{hits}");
    // Posting it again stores nothing new.
    let (_, again) = send("POST", &url, Some(TOKEN), &doc);
    assert_eq!(
        (again["added"].clone(), again["duplicates"].clone()),
        (json!(0), json!(1))
    );

    // Loopback, private and metadata addresses are refused; so is
    // anything that is not an http(s) URL.
    let (status, summary) = send(
        "POST",
        &url,
        Some(TOKEN),
        &json!({"urls": [server.base.clone(), "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "file:///etc/passwd", "/etc/passwd"]}),
    );
    assert_eq!(status, 200, "{summary}");
    assert_eq!(summary["added"], 0);
    assert_eq!(summary["failed"], 5, "{summary}");
    for e in summary["errors"].as_array().expect("errors") {
        assert!(e.as_str().expect("error").contains("refused"), "{e}");
    }
    // A body announced over the limit is refused before any of it is
    // read: the answer comes with only the headers sent.
    {
        use std::io::{Read, Write};
        let addr = server.base.trim_start_matches("http://");
        let mut s = std::net::TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .expect("timeout");
        write!(
            s,
            "POST /api/v1/ingest HTTP/1.1\r\nhost: {addr}\r\nauthorization: Bearer {TOKEN}\r\n\
             content-type: application/json\r\ncontent-length: 100000\r\n\r\n"
        )
        .expect("write");
        let mut head = [0u8; 12];
        s.read_exact(&mut head).expect("an answer");
        assert_eq!(&head, b"HTTP/1.1 413");
    }
    // With a token, watches need it too.
    assert_eq!(
        send(
            "POST",
            &format!("{}/api/v1/watches", server.base),
            None,
            &json!({"event": "1"})
        )
        .0,
        401
    );
    let (status, _, _) = get(&format!("{}/api/v1/alerts", server.base));
    assert_eq!(status, 401);
}

#[test]
fn a_public_address_without_a_token_is_refused() {
    let tmp = store(&[]);
    let mut c = config(&tmp.path().join("db"));
    c.addr = "0.0.0.0:0".parse().expect("addr");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("rt");
    let err = rt
        .block_on(crosswire_serve::Server::bind(c))
        .err()
        .expect("refused");
    assert!(err.to_string().contains("requires --token"), "{err}");
}

#[test]
fn pages_escape_text_and_forbid_inline_script() {
    let tmp = store(&[]);
    let server = start(config(&tmp.path().join("db")));
    for path in ["/", "/events/1", "/search?q=fire", "/watches"] {
        let r = agent()
            .get(&format!("{}{path}", server.base))
            .call()
            .expect(path);
        let csp = r
            .header("content-security-policy")
            .expect("csp")
            .to_string();
        assert!(csp.contains("default-src 'none'"), "{csp}");
        assert!(!csp.contains("script-src 'self' 'unsafe-inline'"), "{csp}");
        let body = r.into_string().expect("body");
        assert!(
            !body.contains("http://") || path == "/events/1",
            "{path} links out"
        );
        assert!(body.contains("/assets/app.js"), "{path}");
    }
    let (status, ct, _) = get(&format!("{}/assets/app.js", server.base));
    assert_eq!((status, ct.as_str()), (200, "text/javascript"));
    let (status, _, _) = get(&format!("{}/assets/..%2FCargo.toml", server.base));
    assert_eq!(status, 404);
}

/// Reads server-sent events until `want` alerts arrived or time is up.
fn read_alerts(url: &str, want: usize, within: std::time::Duration) -> Vec<Value> {
    use std::io::BufRead;
    let r = ureq::AgentBuilder::new()
        .timeout_read(within)
        .build()
        .get(url)
        .call()
        .expect("stream");
    let mut lines = std::io::BufReader::new(r.into_reader()).lines();
    let mut out = Vec::new();
    let mut kind = String::new();
    let end = std::time::Instant::now() + within;
    while out.len() < want && std::time::Instant::now() < end {
        let Some(Ok(line)) = lines.next() else { break };
        if let Some(k) = line.strip_prefix("event: ") {
            kind = k.to_string();
        } else if let Some(data) = line.strip_prefix("data: ") {
            if kind == "alert" {
                out.push(serde_json::from_str(data).expect("alert json"));
            }
        }
    }
    out
}

/// A tiny webhook receiver: answers 500 to the first delivery and 200
/// after, and reports each request's headers and body.
/// One request the receiver got: its headers (lowercase names) and body.
type Received = (Vec<(String, String)>, Vec<u8>);

fn receiver() -> (String, std::sync::mpsc::Receiver<Received>) {
    use std::io::{BufRead, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for (n, stream) in listener.incoming().enumerate().take(20) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = std::io::BufReader::new(stream.try_clone().expect("clone"));
            let mut headers = Vec::new();
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            loop {
                line.clear();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                    break;
                }
                if let Some((k, v)) = line.trim().split_once(':') {
                    headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                }
            }
            let len = headers
                .iter()
                .find(|(k, _)| k == "content-length")
                .and_then(|(_, v)| v.parse().ok())
                .unwrap_or(0);
            let mut body = vec![0; len];
            let _ = reader.read_exact(&mut body);
            let status = if n == 0 {
                "500 Internal Server Error"
            } else {
                "200 OK"
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
            );
            let _ = tx.send((headers, body));
        }
    });
    (format!("http://{addr}/hook"), rx)
}

#[test]
fn a_watched_event_alerts_over_sse_atom_and_a_signed_retried_webhook() {
    let tmp = store(&[]);
    let mut c = config(&tmp.path().join("db"));
    c.token = Some(TOKEN.into());
    // The webhook receiver is on loopback.
    c.allow_private_addresses = true;
    let server = start(c);
    let base = server.base.clone();
    let (hook, deliveries) = receiver();
    let (status, watch) = send(
        "POST",
        &format!("{base}/api/v1/watches"),
        Some(TOKEN),
        &json!({"event": "e1", "webhook": hook}),
    );
    assert_eq!(status, 201, "{watch}");
    let secret = watch["secret"]
        .as_str()
        .expect("a generated secret")
        .to_string();
    let id = watch["id"].as_i64().expect("id");
    // Let the watcher record the baseline (what the dossier already says
    // raises nothing).
    std::thread::sleep(std::time::Duration::from_millis(600));
    let none = get_json(&format!("{base}/api/v1/alerts?access_token={TOKEN}"));
    assert_eq!(
        none["alerts"].as_array().expect("alerts").len(),
        0,
        "{none}"
    );

    let stream_url = format!("{base}/api/v1/alerts/stream?access_token={TOKEN}");
    let reader = std::thread::spawn(move || {
        let alerts = read_alerts(&stream_url, 3, std::time::Duration::from_secs(20));
        (alerts, std::time::Instant::now())
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    let posted = std::time::Instant::now();
    let doc = json!({"documents": [{"name": "ridgeway.txt", "content": std::fs::read_to_string(fixture("followup-ridgeway.txt")).expect("fixture")}]});
    let (status, summary) = send("POST", &format!("{base}/api/v1/ingest"), Some(TOKEN), &doc);
    assert_eq!(
        (status, summary["added"].clone()),
        (200, json!(1)),
        "{summary}"
    );
    let (alerts, arrived) = reader.join().expect("reader");
    let kinds: BTreeSet<&str> = alerts.iter().filter_map(|a| a["kind"].as_str()).collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["new_conflict", "figure_revised", "new_origin"]),
        "{alerts:?}"
    );
    // The commit happens inside the post (after extraction and
    // analysis), so this bounds the delay after it from above.
    println!(
        "all three alerts on the stream {} ms after the post was sent",
        arrived.duration_since(posted).as_millis()
    );
    assert!(alerts.iter().all(|a| a["event"] == 1 && a["watch"] == id));
    let conflict = alerts
        .iter()
        .find(|a| a["kind"] == "new_conflict")
        .expect("conflict");
    assert!(
        conflict["summary"]
            .as_str()
            .expect("summary")
            .contains("31 people"),
        "{conflict}"
    );

    // The Atom feed lists them.
    let (status, ct, atom) = get(&format!(
        "{base}/api/v1/watches/{id}/feed.atom?access_token={TOKEN}"
    ));
    assert_eq!((status, ct.as_str()), (200, "application/atom+xml"));
    assert_eq!(atom.matches("<entry>").count(), 3, "{atom}");

    // The webhook: the first attempt fails (500) and is retried with the
    // same idempotency key; every body is signed.
    let mut by_key: std::collections::BTreeMap<String, usize> = Default::default();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while by_key.len() < 3 || by_key.values().sum::<usize>() < 4 {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let Ok((headers, body)) = deliveries.recv_timeout(left) else {
            break;
        };
        let h = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        let sig = h("x-crosswire-signature").expect("signed");
        assert_eq!(
            sig,
            format!("sha256={}", crosswire_serve::sign(&secret, &body))
        );
        let key = h("idempotency-key").expect("key");
        let parsed: Value = serde_json::from_slice(&body).expect("json body");
        assert_eq!(parsed["key"], key.as_str());
        *by_key.entry(key).or_default() += 1;
    }
    assert_eq!(by_key.len(), 3, "{by_key:?}");
    assert_eq!(by_key.values().sum::<usize>(), 4, "one retry: {by_key:?}");
    assert!(by_key.values().any(|&n| n == 2));
}
