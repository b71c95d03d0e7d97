//! Per-document budgets: how much text structure one document may bring
//! into the analysis and the cross-check. A document over a budget is
//! recorded as failed, with the reason, and the batch goes on.
//!
//! The limits are far above what a news article holds (a long feature has
//! a few hundred sentences and under a thousand mentions), and low enough
//! that no single document can make the later stages slow: their cost
//! grows with the number of sentences and mentions, in places faster than
//! linearly.

use crate::{Article, SpanKind};

/// Limits on one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocBudget {
    /// Sentences in the extracted text, at most.
    pub max_sentences: usize,
    /// Analyzed mentions (entities, figures, quotes, dates), at most.
    pub max_mentions: usize,
}

impl Default for DocBudget {
    fn default() -> Self {
        DocBudget {
            max_sentences: 2_000,
            max_mentions: 4_000,
        }
    }
}

impl DocBudget {
    /// Checks an extracted article before analysis, on a cheap count of
    /// its sentences (ends of sentences and of lines), so that an
    /// oversized document costs no analysis. `Err` says why it is refused.
    pub fn check_extracted(&self, article: &Article) -> Result<(), String> {
        let n = estimate_sentences(&article.text);
        if n > self.max_sentences {
            return Err(format!(
                "over budget: about {n} sentences (limit {})",
                self.max_sentences
            ));
        }
        Ok(())
    }

    /// Checks an analyzed article: sentences and mentions as the analysis
    /// found them.
    pub fn check_analyzed(&self, article: &Article) -> Result<(), String> {
        let (mut sentences, mut mentions) = (0usize, 0usize);
        for s in &article.spans {
            match s.kind {
                SpanKind::Sentence => sentences += 1,
                _ => mentions += 1,
            }
        }
        if sentences > self.max_sentences {
            return Err(format!(
                "over budget: {sentences} sentences (limit {})",
                self.max_sentences
            ));
        }
        if mentions > self.max_mentions {
            return Err(format!(
                "over budget: {mentions} mentions (limit {})",
                self.max_mentions
            ));
        }
        Ok(())
    }
}

/// Sentence ends in a text: `.`, `!` or `?` before white space or the end,
/// and line breaks that end a non-empty line. An overestimate at worst
/// (abbreviations count), which only matters near the limit.
fn estimate_sentences(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut n = 0;
    let mut open = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\n' => {
                if open {
                    n += 1;
                }
                open = false;
            }
            b'.' | b'!' | b'?'
                if open && bytes.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()) =>
            {
                n += 1;
                open = false;
            }
            c if !c.is_ascii_whitespace() => open = true,
            _ => {}
        }
    }
    n + usize::from(open)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleBuilder, BlockKind};

    #[test]
    fn repeated_sentences_are_over_the_budget() {
        let mut b = ArticleBuilder::new("t.txt");
        b.push_block(BlockKind::Paragraph, &"Four dead. ".repeat(50));
        let a = b.finish();
        let tight = DocBudget {
            max_sentences: 40,
            max_mentions: 10,
        };
        let e = tight.check_extracted(&a).unwrap_err();
        assert!(e.contains("50 sentences") && e.contains("limit 40"), "{e}");
        assert!(DocBudget::default().check_extracted(&a).is_ok());
    }

    #[test]
    fn sentence_estimate() {
        assert_eq!(estimate_sentences(""), 0);
        assert_eq!(
            estimate_sentences("One. Two! Three?\nFour\n\nFive 3.5 six."),
            5
        );
    }
}
