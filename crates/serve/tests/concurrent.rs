//! The server beside another writer of its store, and ingesting in its own
//! process (`serve --ingest DIR --watch`).

mod common;

use common::*;
use serde_json::json;
use std::time::{Duration, Instant};

const TOKEN: &str = "test-token-0123456789";

fn titles(base: &str) -> Vec<String> {
    get_json(&format!("{base}/api/v1/events?limit=100"))["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["title"].as_str().map(str::to_string))
        .collect()
}

/// What the README says happens when `crosswire ingest` runs beside a
/// server: the server keeps serving and shows what the other writer
/// commits; its own ingestion answers 503 until the other one is done.
#[test]
fn another_writer_beside_the_server() {
    let tmp = store(&[]);
    let db = tmp.path().join("db");
    let mut c = config(&db);
    c.token = Some(TOKEN.into());
    let server = start(c);
    let base = server.base.clone();
    let doc = json!({"documents": [{"name": "ferry.txt", "content": std::fs::read_to_string(fixture("ferry.txt")).expect("fixture")}]});

    // The other writer (what `crosswire ingest` opens) holds the store.
    let mut other = crosswire_store::Store::open(&db).expect("the other writer opens the store");
    let (status, body) = send("POST", &format!("{base}/api/v1/ingest"), Some(TOKEN), &doc);
    assert_eq!(status, 503, "{body}");
    assert!(
        body["error"]
            .as_str()
            .expect("error")
            .contains("another crosswire process"),
        "{body}"
    );

    // What it commits shows up in the server's answers.
    let items = crosswire_ingest::open(
        &[fixture("ferry.txt").display().to_string()],
        &Default::default(),
    );
    let report = other
        .ingest(items, &Default::default(), &mut |_| {})
        .expect("the other writer ingests");
    assert_eq!(report.added, 1);
    assert!(
        titles(&base).iter().any(|t| t.contains("ferry")),
        "{:?}",
        titles(&base)
    );
    let hits = get_json(&format!("{base}/api/v1/search?q=Quellport"));
    assert_eq!(hits["hits"].as_array().expect("hits").len(), 1, "{hits}");

    // Once it is done, the server writes again.
    drop(other);
    let (status, body) = send("POST", &format!("{base}/api/v1/ingest"), Some(TOKEN), &doc);
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["duplicates"], 1, "{body}");
}

#[test]
fn serve_ingests_and_watches_a_folder_in_process() {
    let tmp = store(&[]);
    let db = tmp.path().join("db");
    let inbox = tmp.path().join("inbox");
    std::fs::create_dir_all(&inbox).expect("inbox");
    std::fs::copy(fixture("ferry.txt"), inbox.join("ferry.txt")).expect("copy");
    let mut c = config(&db);
    c.ingest = vec![inbox.display().to_string()];
    c.watch = true;
    c.interval = Duration::from_millis(500);
    let server = start(c);
    let base = server.base.clone();
    let end = Instant::now() + Duration::from_secs(30);
    while !titles(&base).iter().any(|t| t.contains("ferry")) {
        assert!(Instant::now() < end, "the first poll ingests the folder");
        std::thread::sleep(Duration::from_millis(100));
    }
    // A watch on the fire; a later report dropped in the folder raises
    // its alerts.
    let (status, watch) = send(
        "POST",
        &format!("{base}/api/v1/watches"),
        None,
        &json!({"event": "1"}),
    );
    assert_eq!(status, 201, "{watch}");
    std::thread::sleep(Duration::from_millis(500));
    std::fs::copy(fixture("followup-ridgeway.txt"), inbox.join("ridgeway.txt")).expect("copy");
    let mut kinds = Vec::new();
    while kinds.len() < 3 {
        assert!(Instant::now() < end, "alerts arrive: {kinds:?}");
        std::thread::sleep(Duration::from_millis(200));
        let alerts = get_json(&format!("{base}/api/v1/alerts"));
        kinds = alerts["alerts"]
            .as_array()
            .expect("alerts")
            .iter()
            .filter_map(|a| a["kind"].as_str().map(str::to_string))
            .collect();
    }
    kinds.sort();
    assert_eq!(kinds, ["figure_revised", "new_conflict", "new_origin"]);
}
