//! Conflicts reported on events nobody annotated for the cross-check.
//!
//! The dev gold covers eight events; the cross-check is judged on others.
//! ECB+ holds dozens more events, with several reports each but no figure
//! annotation, so nothing there says which conflicts are real. What can be
//! measured is how many crosswire reports: most unseen coverage holds few
//! real conflicts, and a rise in the count is nearly always a new kind of
//! false one (a player's statistics set against another's, a product's
//! specification against another model's). It is a guard, not a score:
//! `eval-floors.txt` holds it to a ceiling, and a person reads the
//! conflicts behind a rise.
//!
//! - `unseen.events`: events scored (those with four reports or more and
//!   no gold file in the skipped folder);
//! - `unseen.conflicts.reported`: figure slots whose verdict is a conflict,
//!   summed over the events;
//! - `unseen.conflicts.events`: events with at least one;
//! - `unseen.conflicts.per_event`: the mean per event.

use crate::Metric;
use anyhow::{Context, Result};
use crosswire_model::dossier::Verdict;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One ECB+ document: the event it reports and its text.
#[derive(Deserialize)]
struct Doc {
    id: String,
    event: String,
    #[serde(default)]
    title: String,
    text: String,
}

/// Events with fewer reports say little about alignment across outlets.
const MIN_REPORTS: usize = 4;

/// Cross-checks each event of `data` (ECB+ `docs.jsonl`) that has no
/// `<event>.gold.json` in `skip` and counts the conflicts reported.
pub fn run(data: &Path, skip: Option<&Path>) -> Result<Vec<Metric>> {
    let raw =
        std::fs::read_to_string(data).with_context(|| format!("reading {}", data.display()))?;
    let mut events: BTreeMap<String, Vec<Doc>> = BTreeMap::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: Doc = serde_json::from_str(line)
            .with_context(|| format!("{}: line {}", data.display(), n + 1))?;
        // A record whose body was withheld has nothing to cross-check.
        if !d.text.trim().is_empty() {
            events.entry(d.event.clone()).or_default().push(d);
        }
    }
    let annotated =
        |event: &str| skip.is_some_and(|dir| dir.join(format!("{event}.gold.json")).exists());
    use rayon::prelude::*;
    let counts: Vec<usize> = events
        .par_iter()
        .filter(|(event, docs)| docs.len() >= MIN_REPORTS && !annotated(event))
        .map(|(_, docs)| {
            let articles = docs
                .iter()
                .map(|d| crate::read_record(&d.id, &d.title, &d.text))
                .collect::<Result<Vec<_>>>()?;
            let dossier = crosswire_crosscheck::crosscheck(articles, &Default::default());
            Ok(dossier
                .figures
                .iter()
                .filter(|s| s.verdict == Verdict::Conflict)
                .count())
        })
        .collect::<Result<_>>()?;
    let total: usize = counts.iter().sum();
    let n = counts.len();
    Ok(vec![
        Metric::new("unseen.events", n as f64),
        Metric::new("unseen.conflicts.reported", total as f64),
        Metric::new(
            "unseen.conflicts.events",
            counts.iter().filter(|c| **c > 0).count() as f64,
        ),
        Metric::new(
            "unseen.conflicts.per_event",
            if n == 0 { 0.0 } else { total as f64 / n as f64 },
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Four reports of one invented fire, two of which give rival tolls,
    /// and a fifth event too small to score.
    fn corpus(dir: &Path) -> std::path::PathBuf {
        let report = |id: &str, event: &str, text: &str| {
            serde_json::json!({"id": id, "event": event, "title": "Fire at the mill", "text": text})
                .to_string()
        };
        let lines = [
            report("f1", "fire", "A fire at the Varn mill killed 14 workers on Monday night, the fire brigade said."),
            report("f2", "fire", "Seventeen workers were killed when fire swept the Varn mill on Monday night, police said."),
            report("f3", "fire", "Crews fought the blaze at the mill for six hours before it was under control."),
            report("f4", "fire", "The mill's owner said production would stop while inspectors examine the site."),
            report("s1", "storm", "A storm brought down trees across the valley."),
        ];
        let path = dir.join("docs.jsonl");
        std::fs::write(&path, lines.join("\n")).expect("write the fixture");
        path
    }

    fn metric(ms: &[Metric], name: &str) -> f64 {
        ms.iter()
            .find(|m| m.name == name)
            .map(|m| m.value)
            .unwrap_or_else(|| panic!("no {name} in {ms:?}"))
    }

    #[test]
    fn counts_the_conflicts_of_each_event_with_enough_reports() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = corpus(dir.path());
        let ms = run(&data, None).expect("scored");
        assert_eq!(metric(&ms, "unseen.events"), 1.0, "{ms:?}");
        assert_eq!(metric(&ms, "unseen.conflicts.reported"), 1.0, "{ms:?}");
        assert_eq!(metric(&ms, "unseen.conflicts.events"), 1.0, "{ms:?}");
    }

    #[test]
    fn skips_the_events_a_gold_file_annotates() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = corpus(dir.path());
        std::fs::write(dir.path().join("fire.gold.json"), "{}").expect("write gold");
        let ms = run(&data, Some(dir.path())).expect("scored");
        assert_eq!(metric(&ms, "unseen.events"), 0.0, "{ms:?}");
        assert_eq!(metric(&ms, "unseen.conflicts.reported"), 0.0, "{ms:?}");
    }
}
