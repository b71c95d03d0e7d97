//! Per-page AEB scores, worst first, for studying failures.
//!
//! `cargo run --release -p crosswire-eval --example aeb -- ../shared/bench/aeb [N] [dump-dir]`
use crosswire_eval::aeb;
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().unwrap_or_else(|| "../shared/bench/aeb".into()));
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(25);
    let dump = args.next().map(PathBuf::from);
    let (mut results, spent) = aeb::run_pages(&path)?;
    results.sort_by(|a, b| a.score.f1().total_cmp(&b.score.f1()));
    for r in results.iter().take(n) {
        let short = r.id.get(..12).unwrap_or(&r.id);
        println!(
            "{:.3} p={:.3} r={:.3} {} pred={}w truth={}w",
            r.score.f1(),
            r.score.precision(),
            r.score.recall(),
            short,
            r.prediction.split_whitespace().count(),
            r.truth.split_whitespace().count()
        );
        if let Some(d) = &dump {
            std::fs::create_dir_all(d)?;
            std::fs::write(d.join(format!("{short}.pred.txt")), &r.prediction)?;
            std::fs::write(d.join(format!("{short}.truth.txt")), &r.truth)?;
        }
    }
    let scored: Vec<_> = results
        .iter()
        .map(|r| {
            (
                r.score,
                !r.prediction.trim().is_empty(),
                !r.truth.trim().is_empty(),
            )
        })
        .collect();
    let (p, r, f) = aeb::aggregate(&scored);
    println!(
        "precision {:.4} recall {:.4} f1 {:.4} pages {} pages/s {:.1}",
        p,
        r,
        f,
        results.len(),
        results.len() as f64 / spent.as_secs_f64()
    );
    Ok(())
}
