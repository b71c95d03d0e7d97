//! The findings of the hostile-input review, end to end through the
//! binary, each on fixtures written at test time (every name, place and
//! number in them is invented).

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn crosswire(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosswire"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("crosswire runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title></head><body><article>\
         <h1>{title}</h1><p>{body}</p><p>Officials said the work on the quay would \
         take several more weeks to finish, and that traffic would be diverted.</p>\
         </article></body></html>"
    )
}

/// A tiny HTTP server on loopback: `/ok` is a page, `/to-file` and
/// `/to-data` redirect to host-less URLs, `/feed` lists them. Stops after
/// `conns` connections or ten seconds.
fn serve(conns: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let feed_base = base.clone();
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut served = 0;
        while served < conns && Instant::now() < deadline {
            let Ok((mut stream, _)) = listener.accept() else {
                std::thread::sleep(Duration::from_millis(5));
                continue;
            };
            served += 1;
            let _ = stream.set_nonblocking(false);
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let mut head = Vec::new();
            let mut buf = [0u8; 1024];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            let head = String::from_utf8_lossy(&head);
            let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
            let feed = format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Quay news</title>\
                 <item><title>A</title><link>{feed_base}/to-file</link></item>\
                 <item><title>B</title><link>{feed_base}/ok</link></item>\
                 <item><title>C</title><link>{feed_base}/to-data</link></item>\
                 </channel></rss>"
            );
            let reply = match path.as_str() {
                "/to-file" => "HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\n\
                               Content-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_string(),
                "/to-data" => "HTTP/1.1 302 Found\r\nLocation: data:text/html,x\r\n\
                               Content-Length: 0\r\nConnection: close\r\n\r\n"
                    .to_string(),
                "/feed" => format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n\
                     Content-Length: {}\r\nConnection: close\r\n\r\n{feed}",
                    feed.len()
                ),
                _ => {
                    let body = page("Quay repairs begin", "Workers began repairs to the quay at Velmora on Monday, the harbour office said.");
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\
                         Connection: close\r\n\r\n{body}",
                        body.len()
                    )
                }
            };
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    base
}

/// Repro 1: a feed's item links are never opened as local paths or globs,
/// in `extract --follow-links` as in `ingest`.
#[test]
fn feed_links_to_local_files_are_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(
        &secret,
        "zanthoxyl marker words that must stay on this machine\n",
    )
    .unwrap();
    let feed = dir.path().join("feed.rss");
    std::fs::write(
        &feed,
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Innocent</title>\
             <item><title>One</title><link>{}</link></item>\
             <item><title>Two</title><link>{}/sec*</link></item>\
             </channel></rss>",
            secret.display(),
            dir.path().display()
        ),
    )
    .unwrap();
    let feed = feed.to_str().unwrap();
    let out = crosswire(&["extract", feed, "--follow-links", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!text(&out.stdout).contains("zanthoxyl"));
    assert_eq!(text(&stderr_lines(&out)).matches("refused").count(), 2);

    let db = dir.path().join("db");
    let db = db.to_str().unwrap();
    let out = crosswire(&["ingest", feed, "--db", db]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let out = crosswire(&["search", "zanthoxyl", "--db", db, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).trim().is_empty());
}

fn stderr_lines(out: &Output) -> Vec<u8> {
    out.stderr.clone()
}

/// Repro 2: a redirect to `file:` or `data:` fails that URL alone: no
/// panic, the other results printed, exit 1; through a feed in `ingest`,
/// the good item is stored.
#[test]
fn redirects_to_host_less_urls_fail_alone() {
    let base = serve(8);
    let urls = [
        format!("{base}/ok"),
        format!("{base}/to-file"),
        format!("{base}/to-data"),
    ];
    let out = crosswire(&["extract", &urls[0], &urls[1], &urls[2], "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Quay repairs begin"), "{stdout}");
    assert_eq!(text(&out.stderr).matches("redirect refused").count(), 2);

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db");
    let db = db.to_str().unwrap();
    let out = crosswire(&["ingest", &format!("{base}/feed"), "--db", db]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stats = crosswire(&["stats", "--db", db, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(v["articles"], 1, "{v}");
}

/// Repro 3: `--block-private-addresses` keeps fetches off loopback.
#[test]
fn private_addresses_are_refused_with_the_flag() {
    let base = serve(2);
    let url = format!("{base}/ok");
    let out = crosswire(&[
        "extract",
        &url,
        "--block-private-addresses",
        "--format",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("not public"),
        "{}",
        text(&out.stderr)
    );
    assert!(!text(&out.stdout).contains("Quay repairs"));
}

/// Repro 4: a canonical URL and a JSON record's URL cannot inject links,
/// images or table rows into the Markdown dossier; URLs in article text
/// are not autolinked.
#[test]
fn markdown_dossiers_cannot_be_injected() {
    let dir = tempfile::tempdir().unwrap();
    let body = "At least 12 workers were hurt when a crane fell at the Velmora quay on \
                Monday, see www.evil.example/login or https://evil.example/pay, the \
                harbour office said.\\n\\nHarbour master Ilsa Varn said 40 people were \
                moved from the quay.";
    std::fs::write(
        dir.path().join("a.jsonl"),
        format!(
            "{{\"title\": \"Crane falls at quay\", \"maintext\": \"{body}\", \
             \"url\": \"https://x.example/news\\n\\n[Read the full story](javascript:alert(1))\
             \\n![](https://evil.example/pixel.png)\\n\\n|x|\", \"source_domain\": \
             \"ledger.example\", \"date_publish\": \"2031-03-03 11:00:00\"}}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.html"),
        "<html><head><title>Crane collapse</title><link rel=\"canonical\" \
         href=\"https://x.example/a\n\n[Click](javascript:alert(1))\n\"></head><body><article>\
         <p>At least 12 workers were hurt when a crane fell at the Velmora quay on Monday, \
         the harbour office said.</p><p>Harbour master Ilsa Varn said 40 people were moved \
         from the quay after the crane fell.</p></article></body></html>",
    )
    .unwrap();
    let md = dir.path().join("d.md");
    let out = crosswire(&[
        "check",
        dir.path().join("a.jsonl").to_str().unwrap(),
        dir.path().join("b.html").to_str().unwrap(),
        "--format",
        "markdown",
        "--output",
        md.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let m = std::fs::read_to_string(&md).unwrap();
    assert!(!m.contains("](javascript:"), "{m}");
    assert!(!m.contains("![]("), "{m}");
    let articles = m.split("## Articles").nth(1).unwrap();
    let articles = articles.split("## ").next().unwrap();
    let rows = articles.lines().filter(|l| l.starts_with('|')).count();
    assert_eq!(rows, 4, "header, rule and two articles:\n{articles}");
    assert!(!m.contains(" https://evil.example/pay"), "{m}");
}

/// Repro 5: escape sequences in article text and in file names reach the
/// terminal as visible escapes, never as control characters.
#[test]
fn terminal_escapes_are_shown_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html><head><title>T &#x1b;]0;PWNED&#7;</title></head><body><article><p>The council \
         said 12 workers were hurt on Monday in the town of Brell &#x1b;[2J&#x1b;]8;;\
         http://evil.example/&#x1b;\\click&#x1b;]8;;&#x1b;\\ after the storm hit.</p><p>A second \
         paragraph with enough words to be kept as the main text of the article.</p>\
         </article></body></html>",
    )
    .unwrap();
    let out = crosswire(&["extract", page.to_str().unwrap(), "--format", "text"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for c in [0x1b, 0x07, 0x9b] {
        assert!(!out.stdout.contains(&c), "{}", text(&out.stdout));
    }
    assert!(text(&out.stdout).contains("after the storm hit"));

    let evil = dir.path().join("name\u{1b}]0;PWNED\u{7}.txt");
    std::fs::write(&evil, "").unwrap();
    let out = crosswire(&["extract", evil.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!out.stderr.contains(&0x1b), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("\\u{1b}]0;PWNED"));
}

/// Repro 6 and 7: a document that repeats one sentence thousands of times
/// is over the sentence budget: recorded as failed with its reason, while
/// the documents around it are cross-checked and, in `ingest`, committed.
#[test]
fn oversized_documents_fail_alone() {
    let dir = tempfile::tempdir().unwrap();
    let good1 = dir.path().join("good1.html");
    std::fs::write(
        &good1,
        page("Quay repairs begin", "Workers began repairs to the quay at Velmora on Monday, the harbour office said 14 divers would help."),
    )
    .unwrap();
    let big = dir.path().join("big.txt");
    std::fs::write(&big, format!("Quay news\n\n{}\n", "12 dead. ".repeat(3000))).unwrap();
    let good2 = dir.path().join("good2.txt");
    std::fs::write(
        &good2,
        "Quay repairs\n\nRepairs to the Velmora quay began on Monday, and the harbour office \
         said 14 divers were helping the crews.\n",
    )
    .unwrap();
    let paths = [
        good1.to_str().unwrap(),
        big.to_str().unwrap(),
        good2.to_str().unwrap(),
    ];
    let out = crosswire(&["check", paths[0], paths[1], paths[2], "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("over budget"),
        "{}",
        text(&out.stderr)
    );
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["articles"].as_array().map(Vec::len), Some(2));

    let db = dir.path().join("db");
    let db = db.to_str().unwrap();
    let out = crosswire(&["ingest", paths[0], paths[1], paths[2], "--db", db]);
    assert_eq!(out.status.code(), Some(1));
    let stats = crosswire(&["stats", "--db", db, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(v["articles"], 2, "{v}");
    assert_eq!(v["indexed"], 2, "{v}");
}

/// Repro 8: a FIFO in a directory is skipped with a note and the files
/// around it are printed; the run does not hang.
#[test]
fn a_fifo_in_a_directory_does_not_hang_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.html"),
        page("One", "The first story of the folder."),
    )
    .unwrap();
    let fifo = dir.path().join("b.pipe");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::fs::write(
        dir.path().join("c.txt"),
        "Two\n\nThe second story of the folder, written as plain text for the test.\n",
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosswire"))
        .args(["extract", dir.path().to_str().unwrap(), "--format", "jsonl"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("extract hung on a FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 2);
    assert!(text(&out.stderr).contains("FIFO"));
}

/// Repro 9, 11: a NUL byte costs one JSON line; a feed item without a
/// link is reported.
#[test]
fn bad_lines_and_linkless_items_are_reported_alone() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("d.jsonl");
    std::fs::write(
        &jsonl,
        b"{\"title\": \"One\", \"maintext\": \"The quay at Velmora reopened on Monday after repairs.\"}\n\
{\"title\": \"Two\", \"maintext\": \"Bad \x00 byte.\"}\n\
{\"title\": \"Three\", \"maintext\": \"The harbour office said 14 divers helped the repair crews.\"}\n",
    )
    .unwrap();
    let out = crosswire(&["extract", jsonl.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["title"], "Three");

    let feed = dir.path().join("f.rss");
    std::fs::write(
        &feed,
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\
         <item><title>Lost</title><description>Short.</description></item>\
         </channel></rss>",
    )
    .unwrap();
    let out = crosswire(&["extract", feed.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no link"),
        "{}",
        text(&out.stderr)
    );
}

/// Repro 12: a text index that lags the database (here: lost) catches up
/// when the store is searched.
#[test]
fn search_catches_up_with_a_lagging_index() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.html");
    std::fs::write(
        &a,
        page(
            "Quay repairs begin",
            "Workers began repairs to the quay at Velmora on Monday.",
        ),
    )
    .unwrap();
    let db = dir.path().join("db");
    let out = crosswire(&["ingest", a.to_str().unwrap(), "--db", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    remove_index(&db);
    let out = crosswire(&["search", "Velmora", "--db", db.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).lines().count(),
        1,
        "{}",
        text(&out.stderr)
    );
}

fn remove_index(db: &Path) {
    for entry in std::fs::read_dir(db).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            std::fs::remove_dir_all(&path).unwrap();
        }
    }
}
