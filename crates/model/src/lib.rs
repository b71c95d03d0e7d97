//! The crosswire data model: one place for the types every pipeline stage
//! reads and writes.
//!
//! crosswire follows the spaCy document model. An [`Article`] owns its text,
//! which is immutable once extracted; everything else is a view into it:
//! [`Block`]s (title, standfirst, paragraphs, subheads, captions) and typed
//! [`Span`]s (entities, figures, quotes, dates, claims) are byte ranges into
//! [`Article::text`]. Provenance, highlighting and "show me the sentence"
//! therefore come for free: any finding points back to bytes of an article.
//!
//! The pipeline, one crate per stage:
//!
//! ```text
//! ingest  ->  extract  ->  analyze  ->  link (dedup, events)  ->  crosscheck  ->  report / store / serve
//! RawDoc      Article      + Spans      origin clusters            Dossier
//! ```
//!
//! # Example
//!
//! ```
//! use crosswire_model::{ArticleBuilder, BlockKind};
//!
//! let mut b = ArticleBuilder::new("example.html");
//! b.push_block(BlockKind::Title, "Storm hits the coast");
//! b.push_block(BlockKind::Paragraph, "The storm made landfall on Monday.");
//! b.push_block(BlockKind::Paragraph, "Officials said 12 people were hurt.");
//! let article = b.finish();
//! assert_eq!(article.title.as_deref(), Some("Storm hits the coast"));
//! assert_eq!(
//!     article.body_text(),
//!     "The storm made landfall on Monday.\n\nOfficials said 12 people were hurt."
//! );
//! let second = &article.blocks[2];
//! assert_eq!(&article.text[second.range()], "Officials said 12 people were hurt.");
//! ```
#![deny(missing_docs)]

use serde::{Deserialize, Serialize};
use std::ops::Range;

mod budget;
pub mod dossier;
pub mod label;
mod span;
pub use budget::DocBudget;
pub use span::{DateValue, EntityKind, Figure, FigureRole, Qualifier, QuoteSpan, Span, SpanKind};

/// A byte range into [`Article::text`]. `u32` keeps spans small; articles
/// larger than 4 GiB are rejected long before this point by the ingest size cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ByteRange {
    /// Inclusive start offset, on a UTF-8 char boundary.
    pub start: u32,
    /// Exclusive end offset, on a UTF-8 char boundary.
    pub end: u32,
}

impl ByteRange {
    /// A new range. Callers guarantee `start <= end`.
    pub fn new(start: usize, end: usize) -> Self {
        ByteRange {
            start: start as u32,
            end: end as u32,
        }
    }
    /// As a `usize` range for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    /// True when the range is empty.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }
    /// True when the two ranges share at least one byte.
    pub fn overlaps(&self, other: &ByteRange) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What role a block of text plays in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The headline.
    Title,
    /// The standfirst / deck / dek / subtitle under the headline.
    Standfirst,
    /// An in-body subheading.
    Subhead,
    /// A body paragraph (including list items and block quotes).
    Paragraph,
    /// A photo caption or credit. Kept out of the body, but kept in the
    /// text, because captions carry dates and figures worth checking.
    Caption,
}

impl BlockKind {
    /// True for blocks that belong to the main body (paragraphs and subheads).
    pub fn is_body(self) -> bool {
        matches!(self, BlockKind::Paragraph | BlockKind::Subhead)
    }
}

/// A typed block of the article: a range of [`Article::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Where it is in [`Article::text`].
    #[serde(flatten)]
    pub span: ByteRange,
}

impl Block {
    /// The block's byte range for slicing [`Article::text`].
    pub fn range(&self) -> Range<usize> {
        self.span.range()
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// A calendar day.
    Day,
    /// Down to the minute or second.
    Time,
}

/// Where a publish date was found, strongest evidence first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// Given by the input record itself (JSON Lines field, feed item, WARC header).
    Record,
    /// schema.org JSON-LD `datePublished`.
    JsonLd,
    /// A `<meta>` tag (`article:published_time`, `date`, ...).
    Meta,
    /// A `<time datetime>` element in the article header.
    TimeElement,
    /// A date in the URL path (`/2025/03/26/`).
    Url,
    /// A dateline or "date ..." line in the text.
    Text,
    /// Supplied by the user on the command line.
    User,
}

/// A publish date with its precision and provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// ISO 8601: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339 timestamp.
    pub value: String,
    /// How precise `value` is.
    pub precision: Precision,
    /// Where it was found.
    pub origin: DateOrigin,
}

impl Published {
    /// The calendar day, when known.
    pub fn date(&self) -> Option<chrono::NaiveDate> {
        let day = self.value.get(..10)?;
        chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
    }
}

/// Stable identifier of an article: a hash of its extracted text, so the
/// same story fetched twice (or from a WARC and a file) gets the same id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl ArticleId {
    /// The id of a text: the first 16 bytes of its BLAKE3 hash, in hex.
    ///
    /// Whitespace runs are folded first so that re-wrapped copies of one
    /// extraction hash alike.
    pub fn of_text(text: &str) -> Self {
        let mut hasher = blake3::Hasher::new();
        let mut first = true;
        for word in text.split_whitespace() {
            if !first {
                hasher.update(b" ");
            }
            first = false;
            hasher.update(word.as_bytes());
        }
        let hash = hasher.finalize();
        let hex = hash.to_hex();
        ArticleId(hex.as_str()[..32].to_string())
    }
}

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One news article: its text, the typed blocks and spans over that text,
/// and its metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Content hash of the text; see [`ArticleId::of_text`].
    pub id: ArticleId,
    /// The input as the user named it: a path, a URL, `-`, or
    /// `archive.warc.gz#record-7` for a record inside a container.
    pub source: String,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// Outlet or site name ("The Daily Planet"), else the domain.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Author names, without "By", job titles or "Email the author".
    pub byline: Vec<String>,
    /// Publish date, with precision and provenance.
    pub published: Option<Published>,
    /// ISO 639-1 code of the text's language (`en`, `es`, ...).
    pub language: Option<String>,
    /// The whole kept text: blocks joined by a blank line. Immutable once
    /// extracted; every range in this struct points into it.
    pub text: String,
    /// The typed blocks, in reading order, covering the text.
    pub blocks: Vec<Block>,
    /// The standfirst (deck, lead) when the page marks one: a range of
    /// [`Article::text`]. A lead paragraph of the story (the one a page's
    /// description repeats) is body text and this points at it; a deck
    /// beside the headline or a summary the body does not carry is a
    /// [`BlockKind::Standfirst`] block, out of the body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standfirst: Option<ByteRange>,
    /// Typed annotations added by analysis, sorted by start offset.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<Span>,
}

impl Article {
    /// Gives an article that carries no publish date the reference day the
    /// user supplied (`YYYY-MM-DD`), so its relative dates ("on Monday")
    /// can still be resolved. A date the article carries is kept.
    ///
    /// ```
    /// let mut a = crosswire_model::ArticleBuilder::new("a.txt").finish();
    /// a.assume_published(Some("2031-04-02"));
    /// assert_eq!(a.published.as_ref().map(|p| p.value.as_str()), Some("2031-04-02"));
    /// a.assume_published(Some("1999-01-01"));
    /// assert_eq!(a.published.as_ref().map(|p| p.value.as_str()), Some("2031-04-02"));
    /// ```
    pub fn assume_published(&mut self, day: Option<&str>) {
        if self.published.is_none() {
            self.published = day.map(|d| Published {
                value: d.to_string(),
                precision: Precision::Day,
                origin: DateOrigin::User,
            });
        }
    }

    /// The main body only (paragraphs and subheads), blank-line separated:
    /// what an extraction benchmark scores and what the jsonl `text` field holds.
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        for b in self.blocks.iter().filter(|b| b.kind.is_body()) {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&self.text[b.range()]);
        }
        out
    }

    /// The text of a byte range.
    pub fn slice(&self, r: ByteRange) -> &str {
        self.text.get(r.range()).unwrap_or("")
    }

    /// Blocks of one kind.
    pub fn blocks_of(&self, kind: BlockKind) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }

    /// The block that contains a byte offset.
    pub fn block_at(&self, offset: usize) -> Option<&Block> {
        let i = self
            .blocks
            .partition_point(|b| (b.span.end as usize) <= offset);
        self.blocks
            .get(i)
            .filter(|b| (b.span.start as usize) <= offset)
    }
}

/// Builds an [`Article`] block by block, keeping the byte ranges right.
#[derive(Debug, Clone)]
pub struct ArticleBuilder {
    source: String,
    text: String,
    blocks: Vec<Block>,
    standfirst: Option<ByteRange>,
    /// Metadata set by the extractor before [`ArticleBuilder::finish`].
    pub url: Option<String>,
    /// See [`Article::outlet`].
    pub outlet: Option<String>,
    /// See [`Article::title`]. Set automatically by the first title block.
    pub title: Option<String>,
    /// See [`Article::byline`].
    pub byline: Vec<String>,
    /// See [`Article::published`].
    pub published: Option<Published>,
    /// See [`Article::language`].
    pub language: Option<String>,
}

impl ArticleBuilder {
    /// Starts an article read from `source`.
    pub fn new(source: impl Into<String>) -> Self {
        ArticleBuilder {
            source: source.into(),
            text: String::new(),
            blocks: Vec::new(),
            standfirst: None,
            url: None,
            outlet: None,
            title: None,
            byline: Vec::new(),
            published: None,
            language: None,
        }
    }

    /// Appends a block. Whitespace is trimmed and inner runs of white space
    /// collapse to one space (newlines inside a block are kept as single
    /// newlines). Empty blocks are ignored.
    pub fn push_block(&mut self, kind: BlockKind, raw: &str) {
        let cleaned = normalize_block(raw);
        if cleaned.is_empty() {
            return;
        }
        if kind == BlockKind::Title && self.title.is_none() {
            self.title = Some(cleaned.clone());
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(&cleaned);
        self.blocks.push(Block {
            kind,
            span: ByteRange::new(start, self.text.len()),
        });
    }

    /// Marks the last pushed block as the article's standfirst (see
    /// [`Article::standfirst`]); without blocks, nothing is marked.
    pub fn mark_standfirst(&mut self) {
        self.standfirst = self.blocks.last().map(|b| b.span);
    }

    /// True when no body block was pushed yet.
    pub fn has_body(&self) -> bool {
        self.blocks.iter().any(|b| b.kind.is_body())
    }

    /// The blocks pushed so far.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// The text built so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Finishes the article, hashing its text for the id.
    pub fn finish(self) -> Article {
        Article {
            id: ArticleId::of_text(&self.text),
            source: self.source,
            url: self.url,
            outlet: self.outlet,
            title: self.title,
            byline: self.byline,
            published: self.published,
            language: self.language,
            text: self.text,
            blocks: self.blocks,
            standfirst: self.standfirst,
            spans: Vec::new(),
        }
    }
}

/// Trims a block and collapses white space: spaces and tabs fold to one
/// space, line breaks to one newline, non-breaking and zero-width spaces
/// are treated as white space.
pub fn normalize_block(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending: Option<char> = None;
    for c in raw.chars() {
        let ws = match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => Some('\n'),
            '\u{200B}' | '\u{FEFF}' | '\u{00AD}' => {
                continue;
            }
            c if c.is_whitespace() => Some(' '),
            _ => None,
        };
        match ws {
            Some(w) => {
                if !out.is_empty() {
                    pending = match pending {
                        Some('\n') => Some('\n'),
                        _ => Some(w),
                    };
                }
            }
            None => {
                if let Some(p) = pending.take() {
                    out.push(p);
                }
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_keeps_ranges_and_kinds() {
        let mut b = ArticleBuilder::new("x");
        b.push_block(BlockKind::Title, "  A  title ");
        b.push_block(BlockKind::Standfirst, "Deck");
        b.push_block(BlockKind::Paragraph, "One\u{a0}two\n\n three");
        b.push_block(BlockKind::Caption, "Photo: someone");
        b.push_block(BlockKind::Subhead, "Sub");
        b.push_block(BlockKind::Paragraph, "   ");
        let a = b.finish();
        assert_eq!(a.title.as_deref(), Some("A title"));
        assert_eq!(a.blocks.len(), 5);
        assert_eq!(a.slice(a.blocks[2].span), "One two\nthree");
        assert_eq!(a.body_text(), "One two\nthree\n\nSub");
        assert_eq!(
            a.block_at(a.blocks[3].span.start as usize + 1)
                .map(|b| b.kind),
            Some(BlockKind::Caption)
        );
        assert_eq!(a.block_at(a.blocks[0].span.end as usize), None);
    }

    #[test]
    fn id_ignores_whitespace_layout() {
        assert_eq!(
            ArticleId::of_text("a b\n\nc"),
            ArticleId::of_text(" a  b c ")
        );
        assert_ne!(ArticleId::of_text("a b"), ArticleId::of_text("a c"));
        assert_eq!(ArticleId::of_text("x").0.len(), 32);
    }

    #[test]
    fn published_date_parses_day() {
        let p = Published {
            value: "2024-02-29T10:00:00Z".into(),
            precision: Precision::Time,
            origin: DateOrigin::Meta,
        };
        assert_eq!(p.date(), chrono::NaiveDate::from_ymd_opt(2024, 2, 29));
    }
}
