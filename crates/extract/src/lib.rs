//! The extract stage: turns a [`RawDoc`] into an [`Article`]: the main
//! text split into typed blocks (title, standfirst, subheads, paragraphs,
//! captions) with boilerplate dropped, plus metadata (title, byline,
//! publish date, outlet, canonical URL, language).
//!
//! - [`html`] finds the main content of a web page and reads its metadata;
//! - [`text`] cleans scraped plain text (navigation residue, captions,
//!   newsletter prompts, author blurbs, FAQ blocks that repeat the story);
//! - [`lang`] identifies the language.
//!
//! One entry point, [`extract`], dispatches on the document's format and
//! fills what the container already knew ([`crosswire_ingest::Hints`]).
//!
//! ```
//! use crosswire_ingest::{Format, Hints, RawDoc};
//!
//! let doc = RawDoc {
//!     source: "note.txt".into(),
//!     format: Format::Text,
//!     bytes: b"Storm hits the coast\n\nThe storm made landfall on Monday, officials said, \
//!              and twelve people were hurt in the town of Porthaven.".to_vec(),
//!     hints: Hints::default(),
//! };
//! let article = crosswire_extract::extract(&doc).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Storm hits the coast"));
//! assert!(article.body_text().starts_with("The storm made landfall"));
//! ```
#![deny(missing_docs)]

pub mod html;
pub mod lang;
pub mod meta;
pub mod text;

use crosswire_ingest::{charset, Format, RawDoc};
use crosswire_model::Article;

/// Why a document produced no article.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// No main text could be found.
    #[error("{0}: no article text found")]
    NoText(String),
}

impl ExtractError {
    /// The message without the input's name, for callers that print the
    /// name themselves.
    pub fn reason(&self) -> &'static str {
        match self {
            ExtractError::NoText(_) => "no article text found",
        }
    }
}

/// Extracts one article from a raw document.
pub fn extract(doc: &RawDoc) -> Result<Article, ExtractError> {
    let mut article = match doc.format {
        Format::Html => {
            let page = charset::decode_html(&doc.bytes, doc.hints.charset.as_deref());
            html::extract_html(&page, &doc.source, doc.hints.url.as_deref())
        }
        Format::Text => {
            let raw = charset::decode_text(&doc.bytes);
            text::extract_text(&raw, &doc.source)
        }
    };
    meta::apply_hints(&mut article, &doc.hints);
    if !article.blocks.iter().any(|b| b.kind.is_body()) {
        return Err(ExtractError::NoText(doc.source.clone()));
    }
    if article.language.is_none() {
        article.language = lang::detect(&article.body_text());
    }
    Ok(article)
}
