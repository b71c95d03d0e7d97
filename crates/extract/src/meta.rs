//! Metadata shared by every format: merging what the container knew
//! ([`Hints`]) into the extracted article.

use crosswire_ingest::Hints;
use crosswire_model::Article;

/// Fills fields the extractor left empty from the container's hints.
/// The page's own metadata wins where both exist, except the URL: a
/// record's URL is where the page was really found.
pub fn apply_hints(article: &mut Article, hints: &Hints) {
    if article.url.is_none() {
        article.url = hints.url.clone();
    }
    if article.title.is_none() {
        article.title = hints.title.clone();
    }
    if article.outlet.is_none() {
        article.outlet = hints.outlet.clone();
    }
    if article.byline.is_empty() {
        article.byline = hints.byline.clone();
    }
    if article.language.is_none() {
        article.language = hints.language.clone();
    }
}
