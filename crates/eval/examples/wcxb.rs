//! Per-page WCXB scores, worst first per page type, for studying failures.
//!
//! `cargo run --release -p crosswire-eval --example wcxb -- ../shared/bench/wcxb [N] [dump-dir] [scores.tsv]`
//!
//! Prints the N worst pages of each type, then the metrics of
//! `crosswire eval wcxb`; with a dump folder, writes each listed page's
//! prediction and truth there; with a TSV path, writes every page's
//! id, type, F1, precision and recall so that two runs can be compared.
use crosswire_eval::wcxb;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().unwrap_or_else(|| "../shared/bench/wcxb".into()));
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(8);
    let dump = args
        .next()
        .map(PathBuf::from)
        .filter(|p| p.as_os_str() != "-");
    let tsv = args.next().map(PathBuf::from);
    let results = wcxb::run_pages(&path)?;
    let mut by_type: BTreeMap<&str, Vec<&wcxb::PageResult>> = BTreeMap::new();
    for r in &results {
        by_type.entry(&r.page_type).or_default().push(r);
    }
    for (t, pages) in by_type.iter_mut() {
        pages.sort_by(|a, b| a.score.f1.total_cmp(&b.score.f1));
        println!("== {t}");
        for r in pages.iter().take(n) {
            println!(
                "{:.3} p={:.3} r={:.3} {} pred={}w truth={}w",
                r.score.f1,
                r.score.precision,
                r.score.recall,
                r.id,
                r.prediction.split_whitespace().count(),
                r.truth.split_whitespace().count()
            );
            if let Some(d) = &dump {
                std::fs::create_dir_all(d)?;
                std::fs::write(d.join(format!("{}.pred.txt", r.id)), &r.prediction)?;
                std::fs::write(d.join(format!("{}.truth.txt", r.id)), &r.truth)?;
            }
        }
    }
    if let Some(tsv) = tsv {
        let mut out = String::new();
        for r in &results {
            let _ = writeln!(
                out,
                "{}\t{}\t{:.4}\t{:.4}\t{:.4}",
                r.id, r.page_type, r.score.f1, r.score.precision, r.score.recall
            );
        }
        std::fs::write(tsv, out)?;
    }
    for m in wcxb::metrics(&results) {
        println!("{} {:.4}", m.name, m.value);
    }
    Ok(())
}
