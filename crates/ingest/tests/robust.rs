//! No input makes ingest panic: valid fixtures of every format, cut short
//! and with bytes flipped, and random bytes, all go through `open_reader`.
//! A fixed-seed generator keeps the test deterministic.

mod common;

use common::*;
use crosswire_ingest::charset::{decode_html, decode_text};
use crosswire_ingest::{open_reader, Item, Options};

/// xorshift64*: enough randomness for mutations, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn fixtures() -> Vec<Vec<u8>> {
    let html = page("Storm", &"Rain and wind along the coast. ".repeat(30));
    let warc = [
        warc_response(
            "https://a.example/1",
            "text/html; charset=utf-8",
            html.as_bytes(),
        ),
        warc_response("https://a.example/2", "text/html", html.as_bytes()),
    ]
    .concat();
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"title": "A", "maintext": "Text one.", "authors": ["X"]}),
        serde_json::json!({"title": "B", "html": html, "url": "https://a.example/b"}),
    );
    let rss = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>T</title>\
         <item><title>I</title><link>https://a.example/i</link>\
         <content:encoded><![CDATA[{html}]]></content:encoded></item></channel></rss>"
    );
    vec![
        html.clone().into_bytes(),
        gzip(html.as_bytes()),
        warc.clone(),
        gzip(&warc),
        jsonl.into_bytes(),
        rss.into_bytes(),
    ]
}

fn ingest(bytes: Vec<u8>, max_bytes: u64) -> Vec<Item> {
    let opts = Options {
        max_bytes,
        ..Options::default()
    };
    let items: Vec<Item> = open_reader("fuzz", std::io::Cursor::new(bytes), &opts).collect();
    for item in &items {
        match item {
            Item::Doc(d) => {
                assert!(d.bytes.len() as u64 <= max_bytes);
                let _ = decode_html(&d.bytes, d.hints.charset.as_deref());
                let _ = decode_text(&d.bytes);
            }
            Item::Error(e) | Item::Skipped(e) => assert!(e.to_string().starts_with("fuzz")),
            Item::Link(_) => {}
        }
    }
    items
}

#[test]
fn mutated_fixtures_never_panic() {
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for fixture in fixtures() {
        for round in 0..150 {
            let mut bytes = fixture.clone();
            match round % 3 {
                0 => bytes.truncate(rng.below(bytes.len())),
                1 => {
                    for _ in 0..1 + rng.below(8) {
                        let at = rng.below(bytes.len());
                        if let Some(b) = bytes.get_mut(at) {
                            *b = rng.next() as u8;
                        }
                    }
                }
                _ => {
                    let at = rng.below(bytes.len());
                    let junk: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
                    bytes.splice(at..at, junk);
                }
            }
            let max = if round % 5 == 0 { 300 } else { 1 << 20 };
            ingest(bytes, max);
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0xFACE_FEED_0000_0042);
    for _ in 0..300 {
        let len = rng.below(4096);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        ingest(bytes, 1 << 20);
    }
}
