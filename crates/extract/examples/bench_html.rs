//! Single-threaded extraction speed over a directory of pages
//! (`*.html` or `*.html.gz`): pages are read and gunzipped first, then
//! only decoding and extraction are timed.
//!
//! `cargo run --release -p crosswire-extract --example bench_html -- ../shared/bench/aeb/html [rounds]`
use std::io::Read;
use std::time::Instant;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/bench/aeb/html".into());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut pages = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        let raw = std::fs::read(&p)?;
        if raw.starts_with(&[0x1f, 0x8b]) {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
            pages.push(out);
        } else if p.extension().is_some_and(|e| e == "html" || e == "htm") {
            pages.push(raw);
        }
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let mut best = f64::MAX;
    let mut words = 0usize;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        words = 0;
        for (i, p) in pages.iter().enumerate() {
            let page = crosswire_ingest::charset::decode_html(p, None);
            let a = crosswire_extract::html::extract_html(&page, &i.to_string(), None);
            words += a.text.split_whitespace().count();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "pages {} MB {:.1} secs {:.3} pages_per_sec {:.1} MB_per_sec {:.1} words {}",
        pages.len(),
        bytes as f64 / 1e6,
        best,
        pages.len() as f64 / best,
        bytes as f64 / 1e6 / best,
        words
    );
    Ok(())
}
