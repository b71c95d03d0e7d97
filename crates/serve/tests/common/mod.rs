//! A real server on 127.0.0.1 over a store built from the repo's own
//! fixtures, and a blocking HTTP client.
#![allow(dead_code)]

use crosswire_serve::{Config, Server};
use crosswire_store::{IngestOptions, Store};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A store holding the example corpus (one event of five reports) and
/// these further inputs.
pub fn store(extra: &[PathBuf]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(tmp.path().join("db")).expect("store");
    let mut inputs = vec![repo().join("examples/corpus").display().to_string()];
    inputs.extend(extra.iter().map(|p| p.display().to_string()));
    let items = crosswire_ingest::open(&inputs, &Default::default());
    let report = store
        .ingest(items, &IngestOptions::default(), &mut |_| {})
        .expect("ingest");
    assert_eq!(report.failed, 0, "the fixtures ingest cleanly");
    tmp
}

pub struct Running {
    pub base: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The configuration of a test server on a free loopback port.
pub fn config(db: &Path) -> Config {
    let mut c = Config::new(db);
    c.addr = "127.0.0.1:0".parse().expect("addr");
    c.alert_poll = Duration::from_millis(100);
    c
}

pub fn start(config: Config) -> Running {
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let server = match Server::bind(config).await {
                Ok(s) => s,
                Err(e) => {
                    let _ = addr_tx.send(Err(e.to_string()));
                    return;
                }
            };
            let _ = addr_tx.send(server.local_addr().map_err(|e| e.to_string()));
            let _ = server
                .run(async {
                    let _ = stop_rx.await;
                })
                .await;
        });
    });
    let addr = addr_rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the server starts")
        .expect("the server binds");
    Running {
        base: format!("http://{addr}"),
        stop: Some(stop_tx),
        thread: Some(thread),
    }
}

pub fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(20))
        .build()
}

/// GET, whatever the status: (status, content type, body).
pub fn get(url: &str) -> (u16, String, String) {
    match agent().get(url).call() {
        Ok(r) => {
            let ct = r.content_type().to_string();
            (r.status(), ct, r.into_string().expect("body"))
        }
        Err(ureq::Error::Status(code, r)) => {
            let ct = r.content_type().to_string();
            (code, ct, r.into_string().unwrap_or_default())
        }
        Err(e) => panic!("{url}: {e}"),
    }
}

pub fn get_json(url: &str) -> serde_json::Value {
    let (status, _, body) = get(url);
    assert_eq!(status, 200, "{url}: {body}");
    serde_json::from_str(&body).expect("json")
}

/// A request with a JSON body and an optional token: (status, body).
pub fn send(
    method: &str,
    url: &str,
    token: Option<&str>,
    body: &serde_json::Value,
) -> (u16, serde_json::Value) {
    let mut req = agent().request(method, url);
    if let Some(t) = token {
        req = req.set("Authorization", &format!("Bearer {t}"));
    }
    let (status, text) = match req
        .set("Content-Type", "application/json")
        .send_string(&body.to_string())
    {
        Ok(r) => (r.status(), r.into_string().unwrap_or_default()),
        Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap_or_default()),
        Err(e) => panic!("{url}: {e}"),
    };
    (
        status,
        serde_json::from_str(&text).unwrap_or(serde_json::Value::Null),
    )
}
