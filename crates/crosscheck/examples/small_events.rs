//! Cross-check cost for many small events, as corpus mode refreshes them:
//! reads text files from a folder, analyzes them, then cross-checks every
//! window of `k` consecutive articles and prints dossiers per second.
//!
//! `cargo run --release -p crosswire-crosscheck --example small_events -- DIR [K]`

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: small_events DIR [K]");
        std::process::exit(2);
    };
    let k: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(3);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    let mut articles = Vec::new();
    for p in paths {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let mut b = crosswire_model::ArticleBuilder::new(p.display().to_string());
        for para in text.split("\n\n").filter(|s| !s.trim().is_empty()) {
            b.push_block(crosswire_model::BlockKind::Paragraph, para.trim());
        }
        let mut a = b.finish();
        crosswire_analyze::analyze(&mut a);
        articles.push(a);
    }
    let opts = crosswire_crosscheck::Options::default();
    let started = Instant::now();
    let mut n = 0;
    for w in articles.windows(k.max(1)) {
        let d = crosswire_crosscheck::crosscheck(w.to_vec(), &opts);
        n += usize::from(!d.articles.is_empty());
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "crosscheck.k{k}.dossiers_per_sec {:.0}",
        n as f64 / secs.max(1e-9)
    );
}
