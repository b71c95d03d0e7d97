//! Reading a page's metadata: `<meta>` tags, `<link>`s, JSON-LD, and the
//! article header.
use super::dom::{Dom, Tag};
use crosswire_model::Published;

/// What the page says about itself.
#[derive(Debug, Default, Clone)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    pub byline: Vec<String>,
    pub published: Option<Published>,
    pub outlet: Option<String>,
    pub canonical: Option<String>,
    pub standfirst: Option<String>,
    pub language: Option<String>,
    pub article_body: Option<String>,
}

pub(crate) fn read(dom: &Dom, url: Option<&str>) -> PageMeta {
    let _ = (dom, url, Tag::Text);
    PageMeta::default()
}
