//! Typed annotations over an article's text, added by the analyze stage.

use crate::{ByteRange, Precision};
use serde::{Deserialize, Serialize};

/// One typed annotation: a byte range of [`crate::Article::text`] and what it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// Where it is.
    #[serde(flatten)]
    pub range: ByteRange,
    /// What it is, with its normalized value.
    #[serde(flatten)]
    pub kind: SpanKind,
}

/// The kinds of span, each carrying its normalized value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SpanKind {
    /// A sentence.
    Sentence,
    /// A mention of a named entity. Mentions of one real-world entity
    /// within an article share a `cluster` number (the alias chain).
    Entity {
        /// Person, organization, place...
        entity: EntityKind,
        /// Within-article alias cluster id.
        cluster: u32,
        /// The canonical (longest proper) name of the cluster.
        canonical: String,
        /// A role or title attached to the person in this mention or its
        /// cluster ("Secretary of Homeland Security"), when one is known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        role: Option<String>,
        /// True for a descriptive mention without a name ("the official",
        /// "the prison", "its president").
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        nominal: bool,
    },
    /// A number that counts or measures something.
    Figure(Figure),
    /// A quotation, direct or indirect.
    Quote(QuoteSpan),
    /// A date or time expression, resolved.
    Date(DateValue),
}

/// Entity categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency, party, court, gang...
    Org,
    /// A country, city or region (geo-political entity).
    Gpe,
    /// A place that is not a GPE (river, region without government).
    Loc,
    /// A building, prison, airport, road.
    Facility,
    /// A law, act or treaty.
    Law,
    /// A nationality, religious or political group (NORP).
    Group,
}

/// Hedge or precision attached to a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// A plain number.
    Exact,
    /// "more than", "over".
    MoreThan,
    /// "at least".
    AtLeast,
    /// "about", "some", "approximately".
    About,
    /// "less than", "under", "fewer than".
    LessThan,
    /// "up to", "as many as": a ceiling the count may reach.
    UpTo,
    /// "between 10 and 20", "10-20".
    Range,
    /// "dozens", "hundreds", "several thousand".
    Vague,
}

/// Why a figure needs no cross-article comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureRole {
    /// A count or measure worth comparing.
    Claim,
    /// A year in passing ("a law from 1911").
    Year,
    /// Part of a date.
    Date,
    /// Someone's age.
    Age,
    /// An incidental count ("three emojis").
    Incidental,
    /// An ordinal ("the third victim", "the 15th arrondissement"): a rank,
    /// not a count.
    Ordinal,
    /// A number that names rather than counts: a model, flight, road,
    /// route, phone or licence number, a ticker, a footnote mark ("DC-3",
    /// "Interstate 75", "call 911").
    Identifier,
    /// Page furniture: a reading time ("3 min read"), a photo counter ("1
    /// of 3"), "updated 2 hours ago", a share count, a copyright line.
    Furniture,
}

/// A normalized figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The value (the lower end for ranges, the nominal value otherwise).
    pub value: f64,
    /// The interval the wording implies, inclusive: `[low, high]`.
    pub low: f64,
    /// Upper end of the implied interval (`f64::INFINITY` is serialized as null).
    pub high: Option<f64>,
    /// Unit or currency ("people", "USD", "%").
    pub unit: Option<String>,
    /// The hedge.
    pub qualifier: Qualifier,
    /// The noun phrase that is counted.
    pub counts: Option<String>,
    /// Who the number is attributed to.
    pub attributed_to: Option<String>,
    /// Whether it needs comparison.
    pub role: FigureRole,
}

/// A quotation and its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteSpan {
    /// The quoted words only, without the marks.
    pub content: ByteRange,
    /// The speaker as written near the quote ("she", "the official", "Smith").
    pub speaker_mention: Option<ByteRange>,
    /// The speaker resolved to an entity's canonical name.
    pub speaker: Option<String>,
    /// The entity cluster of the speaker (see [`SpanKind::Entity`]), when resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_cluster: Option<u32>,
    /// The cue ("said", "told AFP", "según").
    pub cue: Option<String>,
    /// Direct quotation (in marks) or reported speech.
    pub direct: bool,
}

/// A resolved date expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateValue {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (or a timestamp).
    pub resolved: Option<String>,
    /// How precise.
    pub precision: Precision,
    /// True when resolved against the publish date ("on Monday").
    pub relative: bool,
    /// What happened then, when the sentence says.
    pub refers_to: Option<String>,
}
