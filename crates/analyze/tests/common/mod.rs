//! Helpers shared by the analyzer's fixture tests.
// Each test binary compiles this module and uses only some of it.
#![allow(dead_code)]

use crosswire_analyze::analyze;
use crosswire_model::{
    Article, ArticleBuilder, BlockKind, DateOrigin, Figure, Precision, Published, QuoteSpan,
    SpanKind,
};

/// An analyzed article of these paragraphs in `lang`, published on the
/// day `published` gives (resolving relative dates) when there is one.
pub fn article_at(lang: &str, published: Option<&str>, paras: &[&str]) -> Article {
    let mut b = ArticleBuilder::new("fixture");
    for p in paras {
        b.push_block(BlockKind::Paragraph, p);
    }
    b.language = Some(lang.to_string());
    b.published = published.map(|p| Published {
        value: p.to_string(),
        precision: Precision::Day,
        origin: DateOrigin::Record,
    });
    let mut a = b.finish();
    analyze(&mut a);
    a
}

/// An analyzed, undated article of these paragraphs in `lang`.
pub fn article(lang: &str, paras: &[&str]) -> Article {
    article_at(lang, None, paras)
}

/// Every figure with the text of its span.
pub fn figures(a: &Article) -> Vec<(String, Figure)> {
    a.spans
        .iter()
        .filter_map(|s| match &s.kind {
            SpanKind::Figure(f) => Some((a.slice(s.range).to_string(), f.clone())),
            _ => None,
        })
        .collect()
}

/// Every quote with the text of its content.
pub fn quotes(a: &Article) -> Vec<(String, QuoteSpan)> {
    a.spans
        .iter()
        .filter_map(|s| match &s.kind {
            SpanKind::Quote(q) => Some((a.slice(q.content).to_string(), q.clone())),
            _ => None,
        })
        .collect()
}

/// The first figure whose text holds `needle`, with its text.
pub fn figure_with(a: &Article, needle: &str) -> (String, Figure) {
    let fs = figures(a);
    fs.iter()
        .find(|(t, _)| t.contains(needle))
        .cloned()
        .unwrap_or_else(|| panic!("no figure {needle:?} in {fs:?}"))
}
