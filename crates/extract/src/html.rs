//! Main-content extraction from HTML pages, and the page's metadata.

use crosswire_model::{Article, ArticleBuilder, BlockKind};

/// Extracts the main article of an HTML page.
pub fn extract_html(page: &str, source: &str, url: Option<&str>) -> Article {
    let mut b = ArticleBuilder::new(source);
    b.url = url.map(str::to_string);
    b.push_block(BlockKind::Paragraph, page);
    b.finish()
}
