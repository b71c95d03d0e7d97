//! Cleaning scraped plain text into an article.

use crosswire_model::{Article, ArticleBuilder, BlockKind};

/// Extracts the article from scraped plain text.
pub fn extract_text(raw: &str, source: &str) -> Article {
    let mut b = ArticleBuilder::new(source);
    let mut first = true;
    for para in raw.split("\n\n") {
        b.push_block(
            if first {
                BlockKind::Title
            } else {
                BlockKind::Paragraph
            },
            para,
        );
        first = false;
    }
    b.finish()
}
