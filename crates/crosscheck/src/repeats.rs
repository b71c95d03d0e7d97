//! Repeated sentences are read once.
//!
//! A sentence that an article repeats word for word (a pull quote, a
//! template, a page padded with one line ten thousand times) says nothing
//! its first occurrence did not. The cross-check's cost grows with the
//! mentions it is given, the figure slots faster than linearly, so the
//! mentions inside every repeat are dropped before any stage sees them:
//! a page of one sentence repeated costs what the sentence costs once.
//!
//! Only the mentions go (figures, quotes, dates, entities); the sentences
//! stay, so the link stage still sees the text as written, and the text
//! in the dossier is untouched.

use crosswire_model::{Article, BlockKind, ByteRange, SpanKind};
use rustc_hash::FxHashSet;

/// Drops every mention that starts inside a sentence repeating, word for
/// word, an earlier sentence of the same article in the same kind of
/// block (a headline that a paragraph repeats is not the same claim).
/// Returns how many mentions were dropped.
pub fn drop_repeated_mentions(article: &mut Article) -> usize {
    let mut seen: FxHashSet<(BlockKind, &str)> = FxHashSet::default();
    let mut repeats: Vec<ByteRange> = Vec::new();
    for span in &article.spans {
        if !matches!(span.kind, SpanKind::Sentence) {
            continue;
        }
        let Some(text) = article.text.get(span.range.range()) else {
            continue;
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let Some(block) = article.block_at(span.range.start as usize) else {
            continue;
        };
        if !seen.insert((block.kind, text)) {
            repeats.push(span.range);
        }
    }
    if repeats.is_empty() {
        return 0;
    }
    // Sentences do not overlap, so sorting by start sorts by end too, and
    // the one that could hold an offset is found by binary search.
    repeats.sort_unstable_by_key(|r| r.start);
    let in_repeat = |offset: u32| {
        let i = repeats.partition_point(|r| r.end <= offset);
        repeats.get(i).is_some_and(|r| r.start <= offset)
    };
    let before = article.spans.len();
    article
        .spans
        .retain(|s| matches!(s.kind, SpanKind::Sentence) || !in_repeat(s.range.start));
    before - article.spans.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosswire_model::ArticleBuilder;

    fn analyzed(paragraphs: &[&str]) -> Article {
        let mut b = ArticleBuilder::new("t.txt");
        for p in paragraphs {
            b.push_block(BlockKind::Paragraph, p);
        }
        let mut a = b.finish();
        crosswire_analyze::analyze(&mut a);
        a
    }

    fn figures(a: &Article) -> Vec<&str> {
        a.spans
            .iter()
            .filter(|s| matches!(s.kind, SpanKind::Figure(_)))
            .map(|s| a.slice(s.range))
            .collect()
    }

    #[test]
    fn a_repeated_sentence_keeps_the_mentions_of_its_first_occurrence() {
        let line = "Twelve people died in the fire, officials said.";
        let mut a = analyzed(&[line, "Nine were hurt.", line, line]);
        let sentences = a
            .spans
            .iter()
            .filter(|s| matches!(s.kind, SpanKind::Sentence))
            .count();
        assert_eq!(figures(&a).len(), 4);
        let second = a.text.match_indices(line).nth(1).map_or(0, |(i, _)| i);
        assert!(drop_repeated_mentions(&mut a) >= 2);
        assert_eq!(figures(&a), ["Twelve people", "Nine"]);
        assert!(a
            .spans
            .iter()
            .all(|s| matches!(s.kind, SpanKind::Sentence) || (s.range.start as usize) < second));
        // The sentences themselves stay, for the link stage.
        let after = a
            .spans
            .iter()
            .filter(|s| matches!(s.kind, SpanKind::Sentence))
            .count();
        assert_eq!(after, sentences);
    }

    #[test]
    fn distinct_sentences_lose_nothing() {
        let mut a = analyzed(&["Twelve people died.", "Twelve people died on Sunday."]);
        let spans = a.spans.len();
        assert_eq!(drop_repeated_mentions(&mut a), 0);
        assert_eq!(a.spans.len(), spans);
    }

    #[test]
    fn a_headline_repeated_in_the_body_is_kept_in_both() {
        let mut b = ArticleBuilder::new("t.txt");
        b.push_block(BlockKind::Title, "Twelve dead in fire");
        b.push_block(BlockKind::Paragraph, "Twelve dead in fire");
        let mut a = b.finish();
        crosswire_analyze::analyze(&mut a);
        let before = figures(&a).len();
        assert_eq!(drop_repeated_mentions(&mut a), 0);
        assert_eq!(figures(&a).len(), before);
    }
}
