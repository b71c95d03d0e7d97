//! Evaluation of the analyze stage on the annotated seed reports.
//!
//! Each seed is extracted as plain text, given the gold publish date when
//! the extractor found none, analyzed, and scored against the gold:
//!
//! - `figures.*`: a predicted figure matches a gold one when its span
//!   overlaps the gold text's location and value and qualifier agree
//!   (vague gold figures have no value: the qualifier decides). Gold
//!   figures whose text is not in the extracted text are counted apart
//!   (`figures.gold_not_found`) and not held against recall. Date parts are
//!   dates, not figures, and are left out of precision.
//! - `quotes.speaker_accuracy`: at each gold quote's `starts`, the
//!   innermost predicted quote must have a speaker whose cluster has a
//!   mention equal to the gold speaker or one of its gold mentions.
//! - `dates.resolved_accuracy`: a predicted date overlapping the gold text
//!   with the same resolved value.
//! - `entities.bcubed_*`: BCubed over gold mentions found in the text, each
//!   assigned the predicted cluster of the entity span overlapping it most.
//!
//! Seeds without any publish date (in the article or the gold) are analyzed
//! with the latest gold publish date of the set as reference date: the
//! date the other reports of the same event give, as `crosswire check`
//! would use for a cluster of reports.

use crate::Metric;
use anyhow::Context;
use crosswire_model::{Article, Qualifier, SpanKind};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize)]
struct Gold {
    articles: Vec<GoldArticle>,
}

#[derive(Deserialize)]
struct GoldArticle {
    file: String,
    published: Option<String>,
    #[serde(default)]
    figures: Vec<GoldFigure>,
    #[serde(default)]
    quotes: Vec<GoldQuote>,
    #[serde(default)]
    dates: Vec<GoldDate>,
    #[serde(default)]
    entities: Vec<GoldEntity>,
}

#[derive(Deserialize)]
struct GoldFigure {
    text: String,
    value: Option<f64>,
    qualifier: String,
}

#[derive(Deserialize)]
struct GoldQuote {
    speaker: String,
    starts: String,
}

#[derive(Deserialize)]
struct GoldDate {
    text: String,
    resolved: Option<String>,
}

#[derive(Deserialize)]
struct GoldEntity {
    name: String,
    mentions: Vec<String>,
}

pub(crate) fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::MoreThan => "more_than",
        Qualifier::AtLeast => "at_least",
        Qualifier::About => "about",
        Qualifier::LessThan => "less_than",
        Qualifier::UpTo => "up_to",
        Qualifier::Range => "range",
        Qualifier::Vague => "vague",
    }
}

/// Finds the `nth` occurrence (0-based) of `needle`, falling back to the
/// first when there are fewer.
pub(crate) fn locate(text: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let all: Vec<usize> = text.match_indices(needle).map(|(i, _)| i).collect();
    let i = *all.get(nth).or_else(|| all.first())?;
    Some((i, i + needle.len()))
}

/// Occurrence counter: the k-th gold item with the same text maps to the
/// k-th occurrence in the article.
#[derive(Default)]
struct Seen(HashMap<String, usize>);
impl Seen {
    fn next(&mut self, s: &str) -> usize {
        let e = self.0.entry(s.to_string()).or_insert(0);
        *e += 1;
        *e - 1
    }
}

fn overlaps(a: (usize, usize), s: usize, e: usize) -> bool {
    a.0 < e && s < a.1
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// All whole-word occurrences of `needle` (case-sensitive).
fn word_occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    text.match_indices(needle)
        .map(|(i, _)| (i, i + needle.len()))
        .filter(|&(s, e)| {
            let before_ok = s == 0 || !is_word_byte(bytes[s - 1]) || !is_word_byte(bytes[s]);
            let after_ok =
                e >= bytes.len() || !is_word_byte(bytes[e]) || !is_word_byte(bytes[e - 1]);
            before_ok && after_ok
        })
        .collect()
}

/// Totals over all seeds.
#[derive(Default)]
struct Tally {
    fig_tp_gold: usize,
    fig_gold: usize,
    fig_gold_missing: usize,
    fig_tp_pred: usize,
    fig_pred: usize,
    q_ok: usize,
    q_total: usize,
    q_missing: usize,
    d_ok: usize,
    d_total: usize,
    d_missing: usize,
    b_p: f64,
    b_r: f64,
    b_n: usize,
}

/// Runs the evaluation on the gold file at `gold_path`.
pub fn run(gold_path: &Path) -> anyhow::Result<Vec<Metric>> {
    run_verbose(gold_path, false)
}

/// As [`run`], printing every miss to stderr when `verbose`.
pub fn run_verbose(gold_path: &Path, verbose: bool) -> anyhow::Result<Vec<Metric>> {
    let raw = std::fs::read_to_string(gold_path)
        .with_context(|| format!("reading {}", gold_path.display()))?;
    let gold: Gold = serde_json::from_str(&raw).context("parsing gold")?;
    let fallback = gold
        .articles
        .iter()
        .filter_map(|a| a.published.as_deref())
        .filter_map(|p| {
            crosswire_model::Published {
                value: p.to_string(),
                precision: crosswire_model::Precision::Day,
                origin: crosswire_model::DateOrigin::User,
            }
            .date()
        })
        .max();
    let mut t = Tally::default();
    for ga in &gold.articles {
        let path = crate::seeds::locate(gold_path, &ga.file);
        let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let doc = crosswire_ingest::RawDoc {
            source: ga.file.clone(),
            format: crate::seeds::format_of(&path),
            bytes,
            hints: Default::default(),
        };
        let mut article =
            crosswire_extract::extract(&doc).map_err(|e| anyhow::anyhow!("{}: {e}", ga.file))?;
        if article.published.is_none() {
            if let Some(p) = &ga.published {
                article.published = Some(crosswire_model::Published {
                    value: p.clone(),
                    precision: crosswire_model::Precision::Day,
                    origin: crosswire_model::DateOrigin::User,
                });
            }
        }
        let reference = article
            .published
            .as_ref()
            .and_then(|p| p.date())
            .or(fallback);
        crosswire_analyze::analyze_with(
            &mut article,
            &crosswire_analyze::Options {
                reference_date: reference,
                language: None,
            },
        );
        score(&article, ga, &mut t, verbose);
    }
    let fp = if t.fig_pred > 0 {
        t.fig_tp_pred as f64 / t.fig_pred as f64
    } else {
        0.0
    };
    let fr = if t.fig_gold > 0 {
        t.fig_tp_gold as f64 / t.fig_gold as f64
    } else {
        0.0
    };
    let ff = if fp + fr > 0.0 {
        2.0 * fp * fr / (fp + fr)
    } else {
        0.0
    };
    let bp = if t.b_n > 0 { t.b_p / t.b_n as f64 } else { 0.0 };
    let br = if t.b_n > 0 { t.b_r / t.b_n as f64 } else { 0.0 };
    let bf = if bp + br > 0.0 {
        2.0 * bp * br / (bp + br)
    } else {
        0.0
    };
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    Ok(vec![
        Metric::new("figures.precision", fp),
        Metric::new("figures.recall", fr),
        Metric::new("figures.f1", ff),
        Metric::new("figures.gold_not_found", t.fig_gold_missing as f64),
        Metric::new("quotes.speaker_accuracy", ratio(t.q_ok, t.q_total)),
        Metric::new("quotes.gold_not_found", t.q_missing as f64),
        Metric::new("dates.resolved_accuracy", ratio(t.d_ok, t.d_total)),
        Metric::new("dates.gold_not_found", t.d_missing as f64),
        Metric::new("entities.bcubed_precision", bp),
        Metric::new("entities.bcubed_recall", br),
        Metric::new("entities.bcubed_f1", bf),
    ])
}

fn score(a: &Article, ga: &GoldArticle, t: &mut Tally, verbose: bool) {
    let text = &a.text;
    let file = &ga.file;
    // Figures.
    let figs: Vec<(usize, usize, &crosswire_model::Figure)> = a
        .spans
        .iter()
        .filter_map(|s| match &s.kind {
            SpanKind::Figure(f) if f.role != crosswire_model::FigureRole::Date => {
                Some((s.range.start as usize, s.range.end as usize, f))
            }
            _ => None,
        })
        .collect();
    let mut seen = Seen::default();
    let mut gold_locs = Vec::new();
    let fig_ok = |g: &GoldFigure, f: &crosswire_model::Figure| {
        let q_ok = qualifier_name(f.qualifier) == g.qualifier;
        let v_ok = match g.value {
            Some(v) => (f.value - v).abs() <= 1e-6 * v.abs().max(1.0),
            None => true,
        };
        q_ok && v_ok
    };
    for g in &ga.figures {
        let k = seen.next(&g.text);
        match locate(text, &g.text, k) {
            None => {
                t.fig_gold_missing += 1;
                if verbose {
                    eprintln!("{file} figure not in text: {:?}", g.text);
                }
            }
            Some(loc) => {
                t.fig_gold += 1;
                gold_locs.push((loc, g));
                let hit = figs
                    .iter()
                    .any(|(s, e, f)| overlaps(loc, *s, *e) && fig_ok(g, f));
                if hit {
                    t.fig_tp_gold += 1;
                } else if verbose {
                    let near: Vec<String> = figs
                        .iter()
                        .filter(|(s, e, _)| overlaps(loc, *s, *e))
                        .map(|(s, e, f)| {
                            format!(
                                "{:?}={} {}",
                                &text[*s..*e],
                                f.value,
                                qualifier_name(f.qualifier)
                            )
                        })
                        .collect();
                    eprintln!(
                        "{file} figure missed: {:?} {:?} {} got {:?}",
                        g.text, g.value, g.qualifier, near
                    );
                }
            }
        }
    }
    for (s, e, f) in &figs {
        t.fig_pred += 1;
        if gold_locs
            .iter()
            .any(|(loc, g)| overlaps(*loc, *s, *e) && fig_ok(g, f))
        {
            t.fig_tp_pred += 1;
        } else if verbose {
            eprintln!(
                "{file} figure extra: {:?} = {} {}",
                &text[*s..*e],
                f.value,
                qualifier_name(f.qualifier)
            );
        }
    }
    // Entities: cluster surface forms.
    let mut cluster_forms: HashMap<u32, Vec<String>> = HashMap::new();
    let mut ent_spans = Vec::new();
    for s in &a.spans {
        if let SpanKind::Entity {
            cluster, canonical, ..
        } = &s.kind
        {
            let f = cluster_forms.entry(*cluster).or_default();
            f.push(norm(a.slice(s.range)));
            f.push(norm(canonical));
            ent_spans.push((s.range.start as usize, s.range.end as usize, *cluster));
        }
    }
    // Quotes.
    let quotes: Vec<(usize, usize, &crosswire_model::QuoteSpan)> = a
        .spans
        .iter()
        .filter_map(|s| match &s.kind {
            SpanKind::Quote(q) => Some((s.range.start as usize, s.range.end as usize, q)),
            _ => None,
        })
        .collect();
    let mut seen = Seen::default();
    for g in &ga.quotes {
        let k = seen.next(&g.starts);
        let Some(loc) = locate(text, &g.starts, k) else {
            t.q_missing += 1;
            continue;
        };
        t.q_total += 1;
        let mut names: Vec<String> = vec![norm(&g.speaker)];
        if let Some(ge) = ga.entities.iter().find(|e| e.name == g.speaker) {
            names.extend(ge.mentions.iter().map(|m| norm(m)));
        }
        let q = quotes
            .iter()
            .filter(|(s, e, _)| overlaps(loc, *s, *e))
            .min_by_key(|(s, e, q)| (!q.direct as usize, e - s));
        let ok = q.is_some_and(|(_, _, q)| {
            q.speaker_cluster
                .and_then(|c| cluster_forms.get(&c))
                .is_some_and(|forms| forms.iter().any(|f| names.contains(f)))
        });
        if ok {
            t.q_ok += 1;
        } else if verbose {
            let got = q.map(|(_, _, q)| {
                (
                    q.speaker.clone(),
                    q.speaker_mention.map(|r| a.slice(r).to_string()),
                )
            });
            eprintln!(
                "{file} quote wrong: {} {:?} got {:?}",
                g.speaker, g.starts, got
            );
        }
    }
    // Dates.
    let dates: Vec<(usize, usize, Option<&str>)> = a
        .spans
        .iter()
        .filter_map(|s| match &s.kind {
            SpanKind::Date(d) => Some((
                s.range.start as usize,
                s.range.end as usize,
                d.resolved.as_deref(),
            )),
            _ => None,
        })
        .collect();
    let mut seen = Seen::default();
    for g in &ga.dates {
        let k = seen.next(&g.text);
        let Some(loc) = locate(text, &g.text, k) else {
            t.d_missing += 1;
            continue;
        };
        t.d_total += 1;
        let ok = dates
            .iter()
            .any(|(s, e, r)| overlaps(loc, *s, *e) && *r == g.resolved.as_deref());
        if ok {
            t.d_ok += 1;
        } else if verbose {
            let got: Vec<_> = dates
                .iter()
                .filter(|(s, e, _)| overlaps(loc, *s, *e))
                .collect();
            eprintln!(
                "{file} date wrong: {:?} {:?} got {:?}",
                g.text, g.resolved, got
            );
        }
    }
    // Entities: gold mentions located (longest first, no overlaps).
    let mut occ: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, ge) in ga.entities.iter().enumerate() {
        for m in &ge.mentions {
            for (s, e) in word_occurrences(text, m) {
                occ.push((s, e, gi));
            }
        }
    }
    occ.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for o in occ {
        if !kept.iter().any(|k| k.0 < o.1 && o.0 < k.1) {
            kept.push(o);
        }
    }
    let pred: Vec<i64> = kept
        .iter()
        .enumerate()
        .map(|(i, &(s, e, _))| {
            ent_spans
                .iter()
                .filter(|(ps, pe, _)| *ps < e && s < *pe)
                .max_by_key(|(ps, pe, _)| (e.min(*pe) - s.max(*ps), std::cmp::Reverse(pe - ps)))
                .map(|x| x.2 as i64)
                .unwrap_or(-1 - i as i64)
        })
        .collect();
    for i in 0..kept.len() {
        let g = kept[i].2;
        let p = pred[i];
        let same_p = (0..kept.len()).filter(|&j| pred[j] == p).count() as f64;
        let same_g = (0..kept.len()).filter(|&j| kept[j].2 == g).count() as f64;
        let both = (0..kept.len())
            .filter(|&j| pred[j] == p && kept[j].2 == g)
            .count() as f64;
        t.b_p += both / same_p;
        t.b_r += both / same_g;
        t.b_n += 1;
    }
    if verbose {
        for (gi, ge) in ga.entities.iter().enumerate() {
            let items: Vec<String> = (0..kept.len())
                .filter(|&j| kept[j].2 == gi)
                .map(|j| format!("{}={}", &text[kept[j].0..kept[j].1], pred[j]))
                .collect();
            let mut ps: Vec<i64> = (0..kept.len())
                .filter(|&j| kept[j].2 == gi)
                .map(|j| pred[j])
                .collect();
            ps.sort();
            ps.dedup();
            let impure = (0..kept.len()).any(|j| {
                kept[j].2 == gi && (0..kept.len()).any(|k| pred[k] == pred[j] && kept[k].2 != gi)
            });
            if ps.len() > 1 || impure {
                eprintln!("{file} entity {}: {}", ge.name, items.join(" | "));
            }
        }
    }
}

fn norm(s: &str) -> String {
    s.trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .replace('’', "'")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    /// Prints every miss on the seeds: `cargo test -p crosswire-eval seeds_verbose -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn seeds_verbose() {
        let gold = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/gold/seeds.gold.json");
        match super::run_verbose(&gold, true) {
            Ok(ms) => {
                for m in ms {
                    println!("{m}");
                }
            }
            Err(e) => println!("error: {e:#}"),
        }
    }
}
