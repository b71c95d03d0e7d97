//! The report stage: printers of a finished [`Dossier`].
//!
//! A dossier is what the cross-check stage knows about one event: which
//! articles are copies of which (origins), which figures independent
//! origins agree on, which conflict, which only look different, what rests
//! on a single origin, who is quoted and how the wording differs, and a
//! timeline. This crate only *shows* it; it never analyzes anything. Every
//! line it prints ends with references to the articles it came from, and the
//! HTML report links each reference to the highlighted sentence in the
//! article's full text.
//!
//! # Brief overview
//!
//! - [`render`] writes a dossier in one [`Format`] to any [`std::io::Write`].
//! - [`Format`] picks the printer: [`Format::Terminal`] (aligned, wrapped,
//!   optionally coloured text), [`Format::Markdown`] (GitHub-flavoured),
//!   [`Format::Html`] (one self-contained page), [`Format::Json`] (the
//!   dossier itself, schema `crosswire-dossier/1`, documented in
//!   `docs/dossier.md`) and [`Format::Csv`] (one row per figure value and
//!   per quote wording).
//! - [`RenderOptions`] holds the terminal settings (colour, width).
//!
//! Every human-facing format opens with at most ten ranked key points
//! (conflicts between independent origins first, strongest evidence
//! first; then revisions, agreement, single-source claims) and names
//! articles by a short unique label (outlet, URL host or file stem; see
//! [`crosswire_model::label`]), never by a full path.
//!
//! Articles are numbered from 1 in every human-facing format (`[2,4]` means
//! the second and fourth article of the list at the top) and independent
//! origins are lettered (`A`, `B`, ...), so numbers and letters never mix.
//!
//! # Example
//!
//! ```
//! use crosswire_model::dossier::{Dossier, DossierArticle, Origin, DOSSIER_SCHEMA};
//! use crosswire_report::{render, Format, RenderOptions};
//!
//! let dossier = Dossier {
//!     schema: DOSSIER_SCHEMA.to_string(),
//!     articles: vec![DossierArticle {
//!         id: "a1".into(),
//!         source: "storm.html".into(),
//!         outlet: Some("The Daily Planet".into()),
//!         title: Some("Storm hits the coast".into()),
//!         url: None,
//!         published: None,
//!         language: Some("en".into()),
//!         origin: 0,
//!         origin_kind: None,
//!         text: "Storm hits the coast\n\nThe storm made landfall on Monday.".into(),
//!     }],
//!     origins: vec![Origin {
//!         label: "The Daily Planet".into(),
//!         agency: None,
//!         articles: vec![0],
//!         evidence: vec![],
//!     }],
//!     figures: vec![],
//!     quotes: vec![],
//!     entities: vec![],
//!     timeline: vec![],
//! };
//!
//! let mut out = Vec::new();
//! render(&dossier, Format::Terminal, &mut out, &RenderOptions::default())?;
//! let text = String::from_utf8(out).unwrap();
//! assert!(text.contains("1 article from 1 independent origin"));
//! assert!(text.contains("Storm hits the coast"));
//!
//! // Every format is one call away, and the JSON is the dossier itself.
//! let mut json = Vec::new();
//! render(&dossier, Format::Json, &mut json, &RenderOptions::default())?;
//! let back: Dossier = serde_json::from_slice(&json).unwrap();
//! assert_eq!(back, dossier);
//! # Ok::<(), crosswire_report::ReportError>(())
//! ```
#![deny(missing_docs)]

use crosswire_model::dossier::Dossier;
use std::fmt;
use std::io::Write;
use std::str::FromStr;

mod common;
mod csv_out;
mod html;
mod json;
mod keypoints;
mod markdown;
mod svg;
mod terminal;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Human-readable text for a terminal: wrapped to [`RenderOptions::width`],
    /// coloured when [`RenderOptions::color`] is set.
    Terminal,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// One self-contained HTML page (inline CSS, inline SVG pictures and a
    /// few lines of optional inline JavaScript; no external assets) with every article's text and the
    /// cited sentences highlighted.
    Html,
    /// The dossier as JSON (schema `crosswire-dossier/1`).
    Json,
    /// The claims as CSV: one row per figure value and per quote wording.
    Csv,
}

impl Format {
    /// Every format, in the order of the docs.
    pub const ALL: [Format; 5] = [
        Format::Terminal,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Csv,
    ];

    /// The name accepted by [`Format::from_str`] and printed by `Display`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Terminal => "terminal",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Terminal => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = ReportError;

    /// Accepts the names and the usual short forms (`text`, `md`, `htm`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "terminal" | "text" | "txt" | "term" => Ok(Format::Terminal),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            _ => Err(ReportError::UnknownFormat(s.to_string())),
        }
    }
}

/// Settings for the printers. Only [`Format::Terminal`] reads them today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Emit ANSI colours and styles. The caller decides (tty, `NO_COLOR`).
    pub color: bool,
    /// Maximum display width of a line, in terminal columns. Widths below
    /// [`RenderOptions::MIN_WIDTH`] are treated as that minimum.
    pub width: usize,
}

impl RenderOptions {
    /// The narrowest layout the terminal printer supports.
    pub const MIN_WIDTH: usize = 40;
}

impl Default for RenderOptions {
    /// No colour, 80 columns.
    fn default() -> Self {
        RenderOptions {
            color: false,
            width: 80,
        }
    }
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// Writing to the output failed.
    #[error("cannot write the report: {0}")]
    Io(#[from] std::io::Error),
    /// Serializing the dossier as JSON failed.
    #[error("cannot write the dossier as JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Writing CSV failed.
    #[error("cannot write the CSV: {0}")]
    Csv(#[from] csv::Error),
    /// [`Format::from_str`] got a name it does not know.
    #[error("unknown report format {0:?} (expected terminal, markdown, html, json or csv)")]
    UnknownFormat(String),
}

/// Writes `dossier` in `format` to `out`.
///
/// The printers never panic on a malformed dossier: article indexes and
/// byte ranges that point nowhere are skipped or shown as unknown, so a
/// report can always be written.
pub fn render(
    dossier: &Dossier,
    format: Format,
    out: &mut dyn Write,
    opts: &RenderOptions,
) -> Result<(), ReportError> {
    match format {
        Format::Terminal => terminal::render(dossier, out, opts),
        Format::Markdown => markdown::render(dossier, out),
        Format::Html => html::render(dossier, out),
        Format::Json => json::render(dossier, out),
        Format::Csv => csv_out::render(dossier, out),
    }
}

/// Renders into a `String` (handy for tests and for the HTML of a web view).
pub fn render_to_string(
    dossier: &Dossier,
    format: Format,
    opts: &RenderOptions,
) -> Result<String, ReportError> {
    let mut buf = Vec::new();
    render(dossier, format, &mut buf, opts)?;
    // Every printer writes only UTF-8 (`&str` pieces of the dossier), so this
    // conversion cannot lose anything; lossy keeps it panic-free regardless.
    Ok(String::from_utf8_lossy(&buf).into_owned())
}
