//! The README's "serve it" command: `crosswire serve --ingest` makes the
//! store, ingests the example corpus and serves it.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn get(port: u16, path: &str) -> Option<String> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n\r\n"
    )
    .ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    out.starts_with("HTTP/1.1 200").then_some(out)
}

struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_ingests_and_serves_the_example_corpus() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");
    let _server = Killed(
        Command::new(env!("CARGO_BIN_EXE_crosswire"))
            .args(["serve", "--db"])
            .arg(tmp.path().join("db"))
            .args(["--addr", &format!("127.0.0.1:{port}"), "--ingest", corpus])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("crosswire serve starts"),
    );
    let end = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(body) = get(port, "/api/v1/events") {
            if body.contains("\"size\":5") {
                break;
            }
        }
        assert!(Instant::now() < end, "the example event is served");
        std::thread::sleep(Duration::from_millis(200));
    }
    let page = get(port, "/").expect("the event list");
    assert!(page.contains("Velmora"), "{page}");

    // Off loopback, a token is required.
    let out = Command::new(env!("CARGO_BIN_EXE_crosswire"))
        .args(["serve", "--db"])
        .arg(tmp.path().join("db"))
        .args(["--addr", "0.0.0.0:0"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("requires --token"));
}
