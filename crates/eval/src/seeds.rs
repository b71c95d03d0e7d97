//! Extraction of the annotated seed reports: does the extracted body start
//! and end where the annotation says, is the boilerplate gone, are title,
//! outlet and publish date right?
//!
//! The gold file (`crosswire-gold/1`) lists one entry per seed file; the
//! files themselves sit in `<gold dir>/../corpus/seeds/`. Each file is read
//! as bytes and run through [`crosswire_extract::extract`] as plain text,
//! exactly as `crosswire check` would read it.
//!
//! The same scoring runs on the invented example corpus
//! (`examples/expected.json`, files in `examples/corpus/`, `.html` files
//! read as pages).

use crate::Metric;
use anyhow::Context;
use crosswire_ingest::{Format, Hints, RawDoc};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The part of a gold article this evaluation reads.
#[derive(Debug, Clone, Deserialize)]
struct GoldArticle {
    file: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
    body_first_words: String,
    body_last_words: String,
    #[serde(default)]
    not_body: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Gold {
    articles: Vec<GoldArticle>,
}

/// How one seed fared.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedResult {
    /// The seed's file name.
    pub file: String,
    /// The body starts with the gold first words.
    pub body_start: bool,
    /// The body ends with the gold last words.
    pub body_end: bool,
    /// Gold `not_body` lines still found in the body.
    pub leaked: Vec<String>,
    /// Number of gold `not_body` lines.
    pub not_body: usize,
    /// Title matches, or `None` when the gold has no title.
    pub title: Option<bool>,
    /// Outlet matches the gold (both absent counts as a match).
    pub outlet: bool,
    /// Publish day matches the gold (both absent counts as a match).
    pub date: bool,
    /// What was extracted, for diagnostics: title, outlet, date, body.
    pub extracted: (Option<String>, Option<String>, Option<String>, String),
}

/// Folds typographic variants so that a straight and a curly apostrophe,
/// or a line break and a space, compare equal.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            out.push(match c {
                '’' | '‘' => '\'',
                '“' | '”' => '"',
                c => c,
            });
        }
    }
    out
}

/// Extracts every seed and compares it with the gold annotation.
pub fn evaluate(gold_path: &Path) -> anyhow::Result<Vec<SeedResult>> {
    let raw = std::fs::read_to_string(gold_path)
        .with_context(|| format!("reading {}", gold_path.display()))?;
    let gold: Gold =
        serde_json::from_str(&raw).with_context(|| format!("parsing {}", gold_path.display()))?;
    let mut out = Vec::new();
    for g in &gold.articles {
        let path = locate(gold_path, &g.file);
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let doc = RawDoc {
            source: path.display().to_string(),
            format: format_of(&path),
            bytes,
            hints: Hints::default(),
        };
        // An article without body text is scored as all-wrong rather than
        // aborting the whole evaluation.
        let article = crosswire_extract::extract(&doc).ok();
        let body = article.as_ref().map(|a| a.body_text()).unwrap_or_default();
        let fbody = fold(&body);
        let leaked: Vec<String> = g
            .not_body
            .iter()
            .filter(|l| contains_line(&body, l))
            .cloned()
            .collect();
        let title = article.as_ref().and_then(|a| a.title.clone());
        let outlet = article.as_ref().and_then(|a| a.outlet.clone());
        let date = article
            .as_ref()
            .and_then(|a| a.published.as_ref())
            .map(|p| p.value.get(..10).unwrap_or(&p.value).to_string());
        out.push(SeedResult {
            file: g.file.clone(),
            body_start: fbody.starts_with(&fold(&g.body_first_words)),
            body_end: fbody.ends_with(&fold(&g.body_last_words)),
            not_body: g.not_body.len(),
            leaked,
            title: g
                .title
                .as_ref()
                .map(|t| title.as_deref().map(fold) == Some(fold(t))),
            outlet: outlet.as_deref().map(fold) == g.outlet.as_deref().map(fold),
            date: same_day(date.as_deref(), g.published.as_deref()),
            extracted: (title, outlet, date, body),
        });
    }
    Ok(out)
}

/// `<gold dir>/../corpus/seeds/`.
fn seeds_dir(gold_path: &Path) -> PathBuf {
    let dir = gold_path.parent().unwrap_or_else(|| Path::new("."));
    dir.join("..").join("corpus").join("seeds")
}

/// Where a gold entry's file is: in the shared layout
/// (`<gold dir>/../corpus/seeds/`), else in `<gold dir>/corpus/` (the
/// example corpus's layout), else in `<gold dir>/texts/` (the dev sets'
/// layout), else next to the gold file.
pub(crate) fn locate(gold_path: &Path, file: &str) -> PathBuf {
    let dir = gold_path.parent().unwrap_or_else(|| Path::new("."));
    let candidates = [
        seeds_dir(gold_path).join(file),
        dir.join("corpus").join(file),
        dir.join("texts").join(file),
        dir.join(file),
    ];
    candidates
        .iter()
        .find(|p| p.is_file())
        .unwrap_or(&candidates[0])
        .clone()
}

/// The seeds are scraped text; an `.html` entry (as in the example corpus)
/// is read as a page.
pub(crate) fn format_of(path: &Path) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm") => Format::Html,
        _ => Format::Text,
    }
}

/// True when `line` survives in `body`. A lone punctuation line ("_") is
/// looked for as a line of its own, since the character may occur in prose.
fn contains_line(body: &str, line: &str) -> bool {
    let line = line.trim();
    if line.chars().any(char::is_alphanumeric) {
        fold(body).contains(&fold(line))
    } else {
        body.lines().any(|l| l.trim() == line)
    }
}

fn same_day(got: Option<&str>, want: Option<&str>) -> bool {
    match (got, want) {
        (None, None) => true,
        (Some(g), Some(w)) => g.get(..w.len()) == Some(w),
        _ => false,
    }
}

/// Runs the evaluation on the gold file at `gold_path`.
///
/// Metrics: `extract.articles`, `extract.body_start.accuracy`,
/// `extract.body_end.accuracy`, `extract.not_body.clean` (share of gold
/// not-body lines absent from the body), `extract.title.accuracy` (over
/// gold articles with a title), `extract.outlet.accuracy` and
/// `extract.date.accuracy` (over all articles: guessing an outlet or date
/// the gold lacks counts as wrong).
pub fn run(gold_path: &Path) -> anyhow::Result<Vec<Metric>> {
    let results = evaluate(gold_path)?;
    let n = results.len();
    let share = |k: usize, of: usize| if of == 0 { 0.0 } else { k as f64 / of as f64 };
    let not_body: usize = results.iter().map(|r| r.not_body).sum();
    let leaked: usize = results.iter().map(|r| r.leaked.len()).sum();
    let titled: Vec<bool> = results.iter().filter_map(|r| r.title).collect();
    Ok(vec![
        Metric::new("extract.articles", n as f64),
        Metric::new(
            "extract.body_start.accuracy",
            share(results.iter().filter(|r| r.body_start).count(), n),
        ),
        Metric::new(
            "extract.body_end.accuracy",
            share(results.iter().filter(|r| r.body_end).count(), n),
        ),
        Metric::new(
            "extract.not_body.clean",
            if not_body == 0 {
                1.0
            } else {
                1.0 - share(leaked, not_body)
            },
        ),
        Metric::new(
            "extract.title.accuracy",
            share(titled.iter().filter(|t| **t).count(), titled.len()),
        ),
        Metric::new(
            "extract.outlet.accuracy",
            share(results.iter().filter(|r| r.outlet).count(), n),
        ),
        Metric::new(
            "extract.date.accuracy",
            share(results.iter().filter(|r| r.date).count(), n),
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_and_lines() {
        assert_eq!(fold("It’s  “here”\n now"), "It's \"here\" now");
        assert!(contains_line("a\n_\nb", "_"));
        assert!(!contains_line("a_b", "_"));
        assert!(contains_line("x It’s here y", "It's here"));
        assert!(same_day(Some("2024-05-01"), Some("2024-05-01")));
        assert!(same_day(None, None));
        assert!(!same_day(Some("2024-05-01"), None));
    }

    #[test]
    fn scores_a_tiny_gold_set() -> anyhow::Result<()> {
        let root = std::env::temp_dir().join(format!("cw-seeds-{}", std::process::id()));
        let gold_dir = root.join("gold");
        let seeds = root.join("corpus").join("seeds");
        std::fs::create_dir_all(&gold_dir)?;
        std::fs::create_dir_all(&seeds)?;
        std::fs::write(
            seeds.join("a.txt"),
            "Skip to content\n\nLibrary reopens after repairs\n\n\
             The town library reopened on Friday after two months of repairs to its roof.\n\n\
             Volunteers moved 4,000 books back onto the shelves, the librarian said.\n\n\
             Filed under:\n\nHarbour Gazette Editorial Team",
        )?;
        let gold = serde_json::json!({
            "schema": "crosswire-gold/1",
            "articles": [{
                "file": "a.txt",
                "title": "Library reopens after repairs",
                "outlet": "Harbour Gazette",
                "published": null,
                "body_first_words": "The town library reopened",
                "body_last_words": "the librarian said.",
                "not_body": ["Skip to content", "Filed under:"]
            }]
        });
        let gold_path = gold_dir.join("g.json");
        std::fs::write(&gold_path, gold.to_string())?;
        let m = run(&gold_path)?;
        std::fs::remove_dir_all(&root).ok();
        for name in [
            "extract.body_start.accuracy",
            "extract.body_end.accuracy",
            "extract.not_body.clean",
            "extract.title.accuracy",
            "extract.outlet.accuracy",
            "extract.date.accuracy",
            "extract.articles",
        ] {
            let v = m.iter().find(|x| x.name == name).map(|x| x.value);
            assert_eq!(v, Some(1.0), "{name}");
        }
        Ok(())
    }

    /// The example corpus's scraped text files are extracted cleanly (its
    /// HTML pages are left to the HTML extractor's own tests).
    #[test]
    fn example_corpus_text_files() -> anyhow::Result<()> {
        let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/expected.json");
        let results = evaluate(&gold)?;
        let text: Vec<&SeedResult> = results
            .iter()
            .filter(|r| r.file.ends_with(".txt"))
            .collect();
        assert_eq!(text.len(), 3);
        for r in text {
            assert!(r.body_start && r.body_end, "{}: body bounds", r.file);
            assert!(r.leaked.is_empty(), "{}: leaked {:?}", r.file, r.leaked);
            assert!(r.title != Some(false), "{}: title", r.file);
            assert!(r.outlet && r.date, "{}: outlet/date", r.file);
        }
        Ok(())
    }

    /// Prints what was extracted from the shared seeds; run with
    /// `cargo test -p crosswire-eval seeds_report -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn seeds_report() -> anyhow::Result<()> {
        // CROSSWIRE_GOLD=examples/expected.json reports on the example corpus.
        let gold = std::env::var_os("CROSSWIRE_GOLD")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/gold/seeds.gold.json")
            });
        for r in evaluate(&gold)? {
            println!(
                "== {} start={} end={} title={:?} outlet={} date={} leaked={:?}\n   extracted title={:?} outlet={:?} date={:?}\n{}\n",
                r.file, r.body_start, r.body_end, r.title, r.outlet, r.date, r.leaked,
                r.extracted.0, r.extracted.1, r.extracted.2, r.extracted.3
            );
        }
        let raw: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&gold)?)?;
        let files = raw["articles"].as_array().cloned().unwrap_or_default();
        for f in files.iter().filter_map(|a| a["file"].as_str()) {
            let path = locate(&gold, f);
            let doc = RawDoc {
                source: path.display().to_string(),
                format: format_of(&path),
                bytes: std::fs::read(&path)?,
                hints: Hints::default(),
            };
            if let Ok(a) = crosswire_extract::extract(&doc) {
                println!("-- {} lang={:?}", path.display(), a.language);
                for b in a.blocks.iter().filter(|b| !b.kind.is_body()) {
                    println!("   {:?}: {}", b.kind, &a.text[b.range()]);
                }
            }
        }
        for m in run(&gold)? {
            println!("{m}");
        }
        Ok(())
    }
}
