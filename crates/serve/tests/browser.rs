//! The web pages in headless Chromium, driven over the DevTools protocol:
//! every page opens with no console error and no request off the server,
//! a figure leads to its highlighted sentence, pages fit a phone, and a
//! corpus whose titles, bylines, quotes, URLs and outlet names carry
//! script payloads executes nothing.
//!
//! Chromium is found at `$CROSSWIRE_CHROMIUM`, else `chromium` or
//! `chromium-browser` on the PATH (`scripts/install-chromium.sh` installs
//! Debian's). Without it the test says so and passes, unless
//! `CROSSWIRE_REQUIRE_BROWSER=1` (as in CI), where absence fails it.
//!
//! The protocol client is the few messages this test needs, over
//! `tungstenite`: a full client crate (chromiumoxide) compiles a
//! generated binding of the whole protocol, minutes on this project's
//! two-core machines.

mod common;

use common::*;
use serde_json::{json, Value};
use std::io::BufRead;
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

fn chromium() -> Option<String> {
    if let Ok(p) = std::env::var("CROSSWIRE_CHROMIUM") {
        return Some(p);
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p.display().to_string());
            }
        }
    }
    None
}

struct Browser {
    child: Child,
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    session: String,
    next: u64,
    /// Events received while waiting for answers.
    events: Vec<Value>,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    fn launch(exe: &str) -> Browser {
        let profile = tempfile::tempdir().expect("profile");
        let mut child = Command::new(exe)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                if let Some(i) = line.find("ws://") {
                    let _ = tx.send(line[i..].trim().to_string());
                }
            }
        });
        let url = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("chromium prints its DevTools address");
        let (ws, _) = tungstenite::connect(url.as_str()).expect("devtools connects");
        if let MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_read_timeout(Some(Duration::from_secs(30)))
                .expect("timeout");
        }
        let mut b = Browser {
            child,
            ws,
            session: String::new(),
            next: 0,
            events: Vec::new(),
            _profile: profile,
        };
        let target = b.call(None, "Target.createTarget", json!({"url": "about:blank"}));
        let id = target["targetId"].as_str().expect("target").to_string();
        let attached = b.call(
            None,
            "Target.attachToTarget",
            json!({"targetId": id, "flatten": true}),
        );
        b.session = attached["sessionId"].as_str().expect("session").to_string();
        for domain in [
            "Page.enable",
            "Runtime.enable",
            "Log.enable",
            "Network.enable",
        ] {
            b.page(domain, json!({}));
        }
        b
    }

    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = self.next;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        self.ws.send(Message::text(msg.to_string())).expect("send");
        loop {
            let m = self.ws.read().expect("devtools answers");
            let Message::Text(t) = m else { continue };
            let v: Value = serde_json::from_str(t.as_str()).expect("json");
            if v["id"] == id {
                assert!(v.get("error").is_none(), "{method}: {v}");
                return v["result"].clone();
            }
            if v.get("method").is_some() {
                self.events.push(v);
            }
        }
    }

    fn page(&mut self, method: &str, params: Value) -> Value {
        let s = self.session.clone();
        self.call(Some(&s), method, params)
    }

    /// Reads events until one named `method` arrives, or `within` passes.
    fn wait_for(&mut self, method: &str, within: Duration) -> bool {
        let end = Instant::now() + within;
        if self.events.iter().any(|e| e["method"] == method) {
            return true;
        }
        while Instant::now() < end {
            let Ok(m) = self.ws.read() else { return false };
            let Message::Text(t) = m else { continue };
            let v: Value = serde_json::from_str(t.as_str()).expect("json");
            let hit = v["method"] == method;
            self.events.push(v);
            if hit {
                return true;
            }
        }
        false
    }

    fn goto(&mut self, url: &str) {
        self.events.clear();
        self.page("Page.navigate", json!({"url": url}));
        assert!(
            self.wait_for("Page.loadEventFired", Duration::from_secs(20)),
            "{url} loads"
        );
        // Deferred scripts and the event stream's first message.
        self.settle(Duration::from_millis(400));
    }

    /// Collects events for a while (answers to a no-op keep it going).
    fn settle(&mut self, d: Duration) {
        let end = Instant::now() + d;
        while Instant::now() < end {
            self.eval("1");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn eval(&mut self, js: &str) -> Value {
        let r = self.page(
            "Runtime.evaluate",
            json!({"expression": js, "returnByValue": true, "awaitPromise": true}),
        );
        assert!(r.get("exceptionDetails").is_none(), "{js}: {r}");
        r["result"]["value"].clone()
    }

    /// Console errors, uncaught exceptions and errors the browser logged
    /// (a Content-Security-Policy violation is one) since the last `goto`.
    fn errors(&self) -> Vec<String> {
        self.events
            .iter()
            .filter_map(|e| match e["method"].as_str()? {
                "Runtime.consoleAPICalled" if e["params"]["type"] == "error" => {
                    Some(e["params"]["args"].to_string())
                }
                "Runtime.exceptionThrown" => Some(e["params"]["exceptionDetails"].to_string()),
                "Log.entryAdded" if e["params"]["entry"]["level"] == "error" => {
                    Some(e["params"]["entry"]["text"].to_string())
                }
                _ => None,
            })
            .collect()
    }

    /// URLs the page requested since the last `goto`.
    fn requests(&self) -> Vec<String> {
        self.events
            .iter()
            .filter(|e| e["method"] == "Network.requestWillBeSent")
            .filter_map(|e| e["params"]["request"]["url"].as_str().map(str::to_string))
            .collect()
    }
}

#[test]
fn pages_in_headless_chromium() {
    let Some(exe) = chromium() else {
        if std::env::var("CROSSWIRE_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
            panic!(
                "CROSSWIRE_REQUIRE_BROWSER=1 but no chromium found (scripts/install-chromium.sh)"
            );
        }
        println!("browser test skipped: no chromium on the PATH (scripts/install-chromium.sh installs it)");
        return;
    };
    let tmp = store(&[fixture("payloads")]);
    let server = start(config(&tmp.path().join("db")));
    let base = server.base.clone();
    let mut b = Browser::launch(&exe);

    let events = get_json(&format!("{base}/api/v1/events?limit=100"));
    let ids: Vec<i64> = events["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["id"].as_i64().expect("id"))
        .collect();
    assert!(ids.len() >= 3, "the example fire and the payload events");
    let fire = events["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["title"].as_str().is_some_and(|t| t.contains("Velmora")))
        .expect("the fire")["id"]
        .as_i64()
        .expect("id");
    let hits = get_json(&format!("{base}/api/v1/search?q=*&limit=100"));
    let articles: Vec<String> = hits["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_string())
        .collect();

    let mut pages = vec![
        "/".to_string(),
        "/?has_conflicts=true&sort=recent".into(),
        "/search?q=bridge".into(),
        "/search?q=script".into(),
        "/watches".into(),
    ];
    pages.extend(ids.iter().map(|id| format!("/events/{id}")));
    pages.extend(articles.iter().map(|id| format!("/articles/{id}")));
    for width in [1200, 390] {
        b.page(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600}),
        );
        for p in &pages {
            b.goto(&format!("{base}{p}"));
            assert_eq!(b.errors(), Vec::<String>::new(), "console errors on {p}");
            for r in b.requests() {
                assert!(
                    r.starts_with(&base) || r.starts_with("data:"),
                    "{p} requested {r}"
                );
            }
            assert_eq!(
                b.eval("window.__pwned === undefined"),
                json!(true),
                "a payload ran on {p}"
            );
            if width < 600 {
                // Nothing wider than the phone's screen.
                let overflow = b.eval("document.documentElement.scrollWidth - window.innerWidth");
                assert!(
                    overflow.as_i64().unwrap_or(0) <= 1,
                    "{p} is wider than a phone: {overflow}"
                );
            }
        }
    }
    // The payloads are on the pages, as text.
    b.goto(&format!("{base}/"));
    let text = b.eval("document.body.innerText");
    assert!(
        text.as_str()
            .expect("text")
            .contains("<script>window.__pwned"),
        "{text}"
    );

    // Follow a figure of the fire's dossier to its sentence.
    b.goto(&format!("{base}/events/{fire}"));
    let followed = b.eval(
        "(() => { const a = [...document.querySelectorAll('a.src')].find(x => x.getAttribute('href').startsWith('#')); \
         if (!a) return null; a.click(); const t = document.querySelector(':target'); \
         if (!t) return null; return {tag: t.tagName, inArticle: !!t.closest('article.text'), \
         text: t.textContent, bg: getComputedStyle(t).backgroundColor}; })()",
    );
    assert_eq!(followed["tag"], "MARK", "{followed}");
    assert_eq!(followed["inArticle"], true, "{followed}");
    assert!(!followed["text"].as_str().unwrap_or("").is_empty());
    assert_ne!(
        followed["bg"], "rgba(0, 0, 0, 0)",
        "the sentence is highlighted"
    );

    // And on the article's own page, a figure's range is highlighted.
    let d = get_json(&format!("{base}/api/v1/events/{fire}/dossier"));
    let m = &d["figures"][0]["values"][0]["mentions"][0];
    let art = d["articles"][m["article"].as_u64().expect("index") as usize]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let (s, e) = (
        m["span"]["start"].as_u64().expect("s"),
        m["span"]["end"].as_u64().expect("e"),
    );
    b.goto(&format!("{base}/articles/{art}?hl={s}-{e}#hit"));
    let hit = b.eval("(() => { const h = document.getElementById('hit'); return h && {text: h.textContent, sentence: h.closest('.s.target') !== null}; })()");
    let full = get_json(&format!("{base}/api/v1/articles/{art}"));
    let want = &full["article"]["text"].as_str().expect("text")[s as usize..e as usize];
    assert_eq!(hit["text"], want, "{hit}");
    assert_eq!(hit["sentence"], true, "its sentence is marked");
    assert_eq!(b.errors(), Vec::<String>::new());
}
