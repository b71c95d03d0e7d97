//! The dossier: what the cross-check stage finds across the articles of one
//! event. Renderers (terminal, Markdown, HTML, JSON, CSV) only read it.
//!
//! Every finding points back to [`Mention`]s: an article (by index into
//! [`Dossier::articles`]), a byte range of its text, and the sentence around
//! it, so any line of a report can be traced to the bytes it came from.
//! Corroboration is counted in independent *origins* (clusters of copies and
//! rewrites of one story), never in articles.

use crate::{ByteRange, Published, Qualifier};
use serde::{Deserialize, Serialize};

/// Version of the dossier's JSON shape.
pub const DOSSIER_SCHEMA: &str = "crosswire-dossier/1";

/// A cross-checked event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    /// Always [`DOSSIER_SCHEMA`].
    pub schema: String,
    /// The articles, with their texts (renderers quote and highlight them).
    pub articles: Vec<DossierArticle>,
    /// Independent origins: clusters of copies, rewrites and one agency's copy.
    pub origins: Vec<Origin>,
    /// Quantities reported, grouped into slots, each with a verdict.
    pub figures: Vec<FigureSlot>,
    /// Utterances, grouped across outlets, with their wordings.
    pub quotes: Vec<QuoteGroup>,
    /// Entities merged across articles.
    pub entities: Vec<EntityGroup>,
    /// Dated events, earliest first.
    pub timeline: Vec<TimelineEntry>,
}

/// One article as the dossier shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DossierArticle {
    /// The article's stable id.
    pub id: String,
    /// Where it was read from.
    pub source: String,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publish date.
    pub published: Option<Published>,
    /// Language code.
    pub language: Option<String>,
    /// Index of its origin in [`Dossier::origins`].
    pub origin: usize,
    /// How the article relates to its origin (a translation, a copy...),
    /// when its origin has other members. Absent in older dossiers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_kind: Option<OriginKind>,
    /// The article's full text (the offsets of every mention point into it).
    pub text: String,
}

/// How an article relates to the story of its origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OriginKind {
    /// The member the others were matched against (the first one read;
    /// not a claim about who published first).
    Original,
    /// Most of the wording is shared, or both carry one agency's copy.
    Copy,
    /// Reworded, with the facts and their order kept.
    Rewrite,
    /// The same story in another language.
    Translation,
}

/// An independent origin: articles that are copies or rewrites of one
/// another, or the same agency's copy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Origin {
    /// A readable name: the agency, else the first article's outlet or source.
    pub label: String,
    /// The credited agency, when there is one.
    pub agency: Option<String>,
    /// Member articles (indexes into [`Dossier::articles`]).
    pub articles: Vec<usize>,
    /// Why the members are grouped, one line per link ("b copies a (92% of shingles)").
    pub evidence: Vec<String>,
}

/// Where something was said: an article, the exact span, and its sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Index into [`Dossier::articles`].
    pub article: usize,
    /// The span itself.
    pub span: ByteRange,
    /// The sentence (or block) around it, for context and highlighting.
    pub sentence: ByteRange,
}

/// The cross-article judgement on a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Independent origins give the same value.
    Agree,
    /// Values differ in wording or hedging but can all be true ("more than 200" and 238).
    Compatible,
    /// Values that cannot all be true.
    Conflict,
    /// The values differ because the quantity changed over time (a toll
    /// that rises, a tally updated): a trajectory, not a contradiction.
    Revised,
    /// Only one origin reports it.
    SingleSource,
}

/// One value of a slot as reported, with who reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlotValue {
    /// The wording, e.g. "more than 200".
    pub text: String,
    /// Nominal value.
    pub value: f64,
    /// Implied interval, low end.
    pub low: f64,
    /// Implied interval, high end (`None` = unbounded).
    pub high: Option<f64>,
    /// Unit or currency.
    pub unit: Option<String>,
    /// Hedge.
    pub qualifier: Qualifier,
    /// Who the figure is attributed to, when the text says.
    pub attributed_to: Option<String>,
    /// The time the value refers to, when known: `YYYY-MM-DD` (or a
    /// coarser date), from the text ("by Saturday") or else the publish
    /// date. Set for the values of a revised quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Where it is reported.
    pub mentions: Vec<Mention>,
    /// Independent origins behind this value (indexes into [`Dossier::origins`]).
    pub origins: Vec<usize>,
}

/// A quantity reported by one or more articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureSlot {
    /// What is counted, in words ("people deported", "capacity of the prison").
    pub label: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The values reported, most-reported first.
    pub values: Vec<SlotValue>,
    /// Independent origins reporting the quantity at all.
    pub origin_count: usize,
    /// Why the verdict: which values conflict, or what only looks different.
    pub note: Option<String>,
    /// The pairs of values (indexes into [`FigureSlot::values`]) that
    /// cannot both be true; empty unless the verdict is a conflict.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<[usize; 2]>,
}

/// One wording of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteVariant {
    /// The quoted words.
    pub text: String,
    /// Word-level differences from the group's reference wording (the
    /// first variant); empty for the reference itself.
    pub diff: Vec<WordDiff>,
    /// Where this wording appears.
    pub mentions: Vec<Mention>,
    /// Origins behind this wording.
    pub origins: Vec<usize>,
    /// The language of this wording (ISO 639-1), when its articles say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// A word-level edit between two wordings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", content = "words", rename_all = "snake_case")]
pub enum WordDiff {
    /// Words in both.
    Same(String),
    /// Words only in the reference.
    Removed(String),
    /// Words only in this variant.
    Added(String),
}

/// The same utterance across outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroup {
    /// The speaker, resolved across articles.
    pub speaker: Option<String>,
    /// The wordings, most-reported first.
    pub variants: Vec<QuoteVariant>,
    /// Independent origins carrying the quote.
    pub origin_count: usize,
    /// True when the wordings differ beyond punctuation and case.
    pub wording_differs: bool,
    /// Agree (same words), compatible (partial or lightly edited
    /// renderings), conflict (renderings that say different things), or
    /// single source.
    pub verdict: Verdict,
    /// Why the verdict, when the wordings differ.
    pub note: Option<String>,
    /// True when the group holds a quote and its translation: wordings in
    /// more than one language (see [`QuoteVariant::language`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub translated: bool,
    /// True when one outlet puts in quotation marks what others report as
    /// indirect speech (the words of a reported-speech sentence of another
    /// article): a paraphrase turned into a quote.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub indirect_made_direct: bool,
}

/// An entity merged across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityGroup {
    /// Canonical name.
    pub name: String,
    /// Kind (`PERSON`, `ORG`, `GPE`, ...).
    pub kind: String,
    /// Every surface form used for it.
    pub aliases: Vec<String>,
    /// Roles and titles given to it.
    pub roles: Vec<String>,
    /// Articles mentioning it (indexes).
    pub articles: Vec<usize>,
    /// Independent origins mentioning it.
    pub origin_count: usize,
}

/// A dated happening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// Resolved date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// What happened, in the words of the first source.
    pub what: String,
    /// Where each source says so.
    pub mentions: Vec<Mention>,
    /// Independent origins.
    pub origin_count: usize,
    /// Other dates that sources give for the same happening, when they disagree.
    pub disputed: Vec<String>,
}
