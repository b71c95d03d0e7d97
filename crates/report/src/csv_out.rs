//! The CSV printer: one row per (figure slot, value) and per quote wording,
//! for spreadsheets and newsroom trackers.

use crate::common::{
    article_name, fmt_csv_num, labels, mention_articles, mention_sentence, num, origin_letters,
    qualifier_key, verdict_key,
};
use crate::ReportError;
use crosswire_model::dossier::{Dossier, Mention};
use std::io::Write;

/// The header row, documented in `docs/dossier.md`.
pub const COLUMNS: [&str; 18] = [
    "kind",
    "label",
    "verdict",
    "value_text",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "attributed_to",
    "origins",
    "origin_count",
    "total_origin_count",
    "articles",
    "sources",
    "first_sentence",
    "note",
    "wording_differs",
];

pub fn render(d: &Dossier, out: &mut dyn Write) -> Result<(), ReportError> {
    let l = labels(d);
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for f in &d.figures {
        for v in &f.values {
            let (articles, sources, sentence) = provenance(d, &l, &v.mentions);
            w.write_record([
                "figure".to_string(),
                cell(&f.label),
                verdict_key(f.verdict).to_string(),
                cell(&v.text),
                fmt_csv_num(v.value),
                fmt_csv_num(v.low),
                v.high.map(fmt_csv_num).unwrap_or_default(),
                cell(v.unit.as_deref().unwrap_or("")),
                qualifier_key(v.qualifier).to_string(),
                cell(v.attributed_to.as_deref().unwrap_or("")),
                origin_letters(&v.origins),
                count_origins(&v.origins).to_string(),
                f.origin_count.to_string(),
                articles,
                sources,
                sentence,
                cell(f.note.as_deref().unwrap_or("")),
                String::new(),
            ])?;
        }
    }
    for q in &d.quotes {
        for v in &q.variants {
            let (articles, sources, sentence) = provenance(d, &l, &v.mentions);
            w.write_record([
                "quote".to_string(),
                cell(q.speaker.as_deref().unwrap_or("")),
                verdict_key(q.verdict).to_string(),
                cell(&v.text),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                origin_letters(&v.origins),
                count_origins(&v.origins).to_string(),
                q.origin_count.to_string(),
                articles,
                sources,
                sentence,
                cell(q.note.as_deref().unwrap_or("")),
                q.wording_differs.to_string(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

fn count_origins(origins: &[usize]) -> usize {
    let mut v = origins.to_vec();
    v.sort_unstable();
    v.dedup();
    v.len()
}

/// Articles (1-based, `;`-separated), their source names, and the first
/// readable sentence.
fn provenance(d: &Dossier, l: &[String], mentions: &[Mention]) -> (String, String, String) {
    let arts = mention_articles(mentions);
    let articles = arts
        .iter()
        .map(|a| num(*a).to_string())
        .collect::<Vec<_>>()
        .join(";");
    // Labels, not paths: the full sources are in the JSON, and a path in
    // every row only costs width (see docs/output.md).
    let sources = arts
        .iter()
        .map(|&a| article_name(l, a))
        .collect::<Vec<_>>()
        .join(";");
    let sentence = mentions
        .iter()
        .find_map(|m| mention_sentence(d, m))
        .unwrap_or_default();
    (articles, cell(&sources), cell(&sentence))
}

/// Free text from articles goes into spreadsheets: a cell starting with
/// `=`, `+`, `-`, `@`, tab or CR would be run as a formula by Excel and
/// LibreOffice, so such cells get a leading apostrophe (the OWASP advice).
/// Numeric columns are written by us and never need it.
fn cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("300 inmates"), "300 inmates");
    }
}
