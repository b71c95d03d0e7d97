//! Replays every seed and every past finding of the fuzz targets through
//! the same oracles the fuzzer uses, on stable: each file under
//! `fuzz/seeds/<target>/`, `fuzz/regressions/<target>/` and (for the
//! one-document targets) `examples/corpus/` must pass
//! without a panic, even one that the code under test catches itself (the
//! ingest and pipeline guards do), since libFuzzer counts those too.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

static PANICS: AtomicUsize = AtomicUsize::new(0);

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn seeds_and_findings_pass_every_oracle() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        PANICS.fetch_add(1, Ordering::SeqCst);
        default_hook(info);
    }));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut failures = Vec::new();
    for (name, target) in crosswire_fuzz::TARGETS {
        let seeds = inputs(&root.join("seeds").join(name));
        assert!(!seeds.is_empty(), "no seeds for the {name} target");
        let findings = inputs(&root.join("regressions").join(name));
        // The example corpus seeds the one-document targets in place.
        let examples = if name == "check" {
            Vec::new()
        } else {
            inputs(&root.join("../examples/corpus"))
        };
        for path in seeds.iter().chain(&findings).chain(&examples) {
            let data = std::fs::read(path).expect("reading a seed");
            let before = PANICS.load(Ordering::SeqCst);
            let result = std::panic::catch_unwind(|| target(&data));
            if result.is_err() || PANICS.load(Ordering::SeqCst) != before {
                failures.push(format!("{name}: {}", path.display()));
            }
        }
    }
    let _ = std::panic::take_hook();
    assert!(
        failures.is_empty(),
        "oracle failures:\n{}",
        failures.join("\n")
    );
}
