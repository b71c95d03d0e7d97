//! The analyze stage: adds typed spans to an [`Article`].
//!
//! One tokenizer pass ([`token`]) feeds every analyzer; each reads the same
//! token stream and the language tables ([`lang`]) and adds [`Span`]s, byte
//! ranges into the immutable [`Article::text`], sorted by start:
//!
//! - sentences, split around abbreviations ("U.S.", "Gen.", "p.m."),
//!   initials and closing quotes;
//! - dates ([`date`]), resolved against the publish date, else
//!   [`Options::reference_date`], else the latest full date the article
//!   writes (a dateline or caption);
//! - figures ([`figure`]): value in either decimal convention or in words,
//!   implied interval, unit or currency, qualifier, counted noun phrase,
//!   attribution and role (claim, year, age);
//! - entities ([`entity`]) with within-article alias clusters (name,
//!   surname, title, description, acronym), behind the
//!   [`entity::Recognizer`] seam where a model-based recognizer can be
//!   added later (the `model` cargo feature is reserved for it);
//! - quotes ([`quote`]) direct and indirect, with cue and speaker cluster.
//!
//! Everything language-specific (number words, qualifiers, months and
//! weekdays, cue verbs, honorifics, role nouns, org and facility heads) is
//! data in `lang/en.rs` and `lang/es.rs`; countries, demonyms, capitals and
//! regions are data in `data/world.tsv` (read by `lang/world.rs`). A third language is one more table.
//!
//! # Example
//!
//! ```
//! use crosswire_analyze::analyze;
//! use crosswire_model::{ArticleBuilder, BlockKind, SpanKind, Qualifier};
//!
//! let mut b = ArticleBuilder::new("x");
//! b.push_block(BlockKind::Paragraph, "More than 300 people were evacuated, Mayor Ana Ruiz said.");
//! let mut a = b.finish();
//! analyze(&mut a);
//! let fig = a.spans.iter().find_map(|s| match &s.kind {
//!     SpanKind::Figure(f) => Some(f.clone()),
//!     _ => None,
//! }).unwrap();
//! assert_eq!(fig.value, 300.0);
//! assert_eq!(fig.qualifier, Qualifier::MoreThan);
//! ```
#![deny(missing_docs)]

pub mod date;
pub mod entity;
pub mod figure;
pub mod lang;
pub mod quote;
pub mod token;

use chrono::NaiveDate;
use crosswire_model::{Article, BlockKind, ByteRange, QuoteSpan, Span, SpanKind};
use entity::{Recognizer, RuleRecognizer};
use lang::HashSet;
use lang::Lexicon;
use std::ops::Range;
use token::{Kind, Tok};

/// Generational suffixes written after a name ("Jr.", "III").
pub(crate) const GENERATIONS: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Analysis options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The date relative expressions resolve against when the article has
    /// no publish date (for example the date of the other reports of the
    /// same event, or the crawl date).
    pub reference_date: Option<NaiveDate>,
    /// Language override (ISO 639-1); otherwise the article's, else guessed.
    pub language: Option<String>,
}

/// The shared view every analyzer reads: tokens, sentences, tables.
pub struct Doc<'a> {
    /// The article text.
    pub text: &'a str,
    /// Tokens.
    pub toks: Vec<Tok>,
    /// Sentences as token ranges.
    pub sents: Vec<Range<usize>>,
    /// The language tables.
    pub lex: &'static Lexicon,
    /// Reference date for relative expressions.
    pub reference: Option<NaiveDate>,
    /// Per token: inside a title, standfirst or subhead block, where
    /// capitals may be headline style.
    pub head: Vec<bool>,
    lower_seen: HashSet<&'a str>,
    upper_mid_seen: HashSet<String>,
}

impl<'a> Doc<'a> {
    /// Tokenizes and splits `text`.
    pub fn new(
        text: &'a str,
        lex: &'static Lexicon,
        reference: Option<NaiveDate>,
        head_ranges: &[Range<usize>],
    ) -> Self {
        let mut toks = token::tokenize(text, lex);
        let sents = token::sentences(&mut toks, lex);
        let head = toks
            .iter()
            .map(|t| head_ranges.iter().any(|r| r.start <= t.s && t.s < r.end))
            .collect();
        let mut lower_seen = HashSet::default();
        for t in &toks {
            if t.kind == Kind::Word
                && !t.upper
                && t.lower.chars().next().is_some_and(|c| c.is_alphabetic())
            {
                if let Some(s) = text.get(t.s..t.e) {
                    lower_seen.insert(s);
                }
            }
        }
        let mut doc = Doc {
            text,
            toks,
            sents,
            lex,
            reference,
            head,
            lower_seen,
            upper_mid_seen: HashSet::default(),
        };
        let mut mid = HashSet::default();
        for i in 0..doc.toks.len() {
            let t = &doc.toks[i];
            if t.kind == Kind::Word && t.upper && !doc.head[i] && !doc.initial(i) {
                mid.insert(t.lower.clone());
            }
        }
        doc.upper_mid_seen = mid;
        doc
    }

    /// True when the word (lower case) is written in lower case somewhere.
    pub fn seen_lower(&self, lower: &str) -> bool {
        self.lower_seen.contains(lower)
    }

    /// True when the word is capitalized somewhere mid-sentence in the body.
    pub fn seen_upper_mid(&self, lower: &str) -> bool {
        self.upper_mid_seen.contains(lower)
    }

    /// True when the sentence speaks of the future before token `before`
    /// ("will meet on Friday").
    pub fn future_sentence(&self, sent: usize, before: usize) -> bool {
        let Some(r) = self.sents.get(sent) else {
            return false;
        };
        let spanish = self.lex.lang.code == "es";
        self.toks[r.start..before.min(r.end).max(r.start)]
            .iter()
            .any(|t| {
                t.kind == Kind::Word
                    && (self.lex.future_markers.contains(t.lower.as_str())
                    // Spanish future tense: "viajará", "llegarán".
                    || spanish && (t.lower.ends_with("rá") || t.lower.ends_with("rán")))
            })
    }

    /// The text of sentence `s`.
    pub fn sentence_text(&self, s: usize) -> Option<&str> {
        let r = self.sents.get(s)?;
        let a = self.toks.get(r.start)?.s;
        let b = self.toks.get(r.end.checked_sub(1)?)?.e;
        self.text.get(a..b)
    }

    fn range(&self, ts: usize, te: usize) -> Option<ByteRange> {
        let a = self.toks.get(ts)?.s;
        let b = self.toks.get(te.checked_sub(1)?)?.e;
        (a <= b).then(|| ByteRange::new(a, b))
    }
}

/// Analyzes an article with its own publish date as the reference.
pub fn analyze(article: &mut Article) {
    analyze_with(article, &Options::default());
}

/// Analyzes an article; `opts.reference_date` is used when the article has
/// no publish date. When neither exists, the latest full date written in
/// the article (a dateline or caption) serves as the reference.
pub fn analyze_with(article: &mut Article, opts: &Options) {
    analyze_with_recognizer(article, opts, &RuleRecognizer)
}

/// As [`analyze_with`], with another entity recognizer.
pub fn analyze_with_recognizer(article: &mut Article, opts: &Options, recognizer: &dyn Recognizer) {
    let code = opts
        .language
        .clone()
        .or_else(|| article.language.clone())
        .unwrap_or_else(|| lang::guess(&article.text).to_string());
    let lex = Lexicon::for_code(code.get(..2).unwrap_or("en"));
    let heads: Vec<Range<usize>> = article
        .blocks
        .iter()
        .filter(|b| {
            matches!(
                b.kind,
                BlockKind::Title | BlockKind::Subhead | BlockKind::Standfirst
            )
        })
        .map(|b| b.range())
        .collect();
    let reference = article
        .published
        .as_ref()
        .and_then(|p| p.date())
        .or(opts.reference_date);
    let spans = {
        let mut doc = Doc::new(&article.text, lex, reference, &heads);
        let mut dates = date::find(&doc);
        if doc.reference.is_none() {
            // Absolute dates do not depend on the reference: take the
            // latest written one as reference and redo only the relative ones.
            doc.reference = latest_full_date(&dates);
            if doc.reference.is_some() {
                date::refresh(&doc, &mut dates);
            }
        }
        run(&doc, recognizer, dates)
    };
    let mut spans = spans;
    // Analysing again replaces the earlier analysis instead of doubling it.
    article.spans.retain(|s| {
        !matches!(
            s.kind,
            SpanKind::Sentence
                | SpanKind::Entity { .. }
                | SpanKind::Figure(_)
                | SpanKind::Quote(_)
                | SpanKind::Date(_)
        )
    });
    article.spans.append(&mut spans);
    article
        .spans
        .sort_by_key(|s| (s.range.start, std::cmp::Reverse(s.range.end)));
}

/// Extends a cue over its addressee or medium: "told AFP", "wrote on X",
/// "dijo a EFE". Returns the new end token.
fn cue_object(doc: &Doc, ents: &entity::Entities, end: usize) -> usize {
    let mut k = end;
    if doc
        .toks
        .get(k)
        .is_some_and(|t| matches!(t.lower.as_str(), "on" | "to" | "a" | "en"))
    {
        k += 1;
    }
    // An organization right there ("AFP", "social network X").
    let mut j = k;
    while j < doc.toks.len()
        && j < k + 3
        && doc.toks[j].kind == token::Kind::Word
        && !doc.toks[j].upper
    {
        j += 1;
    }
    match ents
        .mentions
        .iter()
        .find(|m| m.ts == j && m.kind == crosswire_model::EntityKind::Org)
    {
        Some(m) => m.te,
        None => end,
    }
}

fn latest_full_date(found: &[date::Found]) -> Option<NaiveDate> {
    found
        .iter()
        .filter(|f| f.value.precision == crosswire_model::Precision::Day && !f.value.relative)
        .filter_map(|f| {
            f.value
                .resolved
                .as_deref()
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        })
        .max()
}

fn run(doc: &Doc, recognizer: &dyn Recognizer, dates: Vec<date::Found>) -> Vec<Span> {
    let mut out = Vec::with_capacity(doc.toks.len() / 4);
    for r in &doc.sents {
        if let Some(br) = doc.range(r.start, r.end) {
            out.push(Span {
                range: br,
                kind: SpanKind::Sentence,
            });
        }
    }
    // Dates first: their numbers are not figures (except bare years).
    let mut used = vec![figure::Used::No; doc.toks.len()];
    for d in &dates {
        for u in used.iter_mut().take(d.te.min(doc.toks.len())).skip(d.ts) {
            *u = if d.bare_year {
                figure::Used::Year
            } else {
                figure::Used::Date
            };
        }
    }
    date::spans(doc, &dates, &mut out);
    let mut figures = figure::find(doc, &used);
    let ents = entity::resolve(doc, recognizer);
    let quotes = quote::find(doc, &ents);
    let canonical = |cl: usize| ents.clusters.get(cl).map(|c| c.canonical.clone());
    // Attribution: the speaker of a quote covering the figure, else
    // "according to" in its sentence.
    for f in figures.iter_mut() {
        // "Anja Berg, 62, lost her house": an age in apposition to a person.
        let age_like = f.te == f.ts + 1
            && f.fig.qualifier == crosswire_model::Qualifier::Exact
            && f.fig.value.fract() == 0.0
            && (1.0..=120.0).contains(&f.fig.value)
            && f.ts >= 2
            && doc.toks[f.ts - 1].is_p(",")
            && doc.toks.get(f.te).is_none_or(|t| {
                t.is_p(",")
                    || t.is_p(".")
                    || t.is_p(")")
                    // The closing comma left out ("Ann Lee, 30 was
                    // charged"): a singular verb has the person for its
                    // subject, so the number between is no count of it.
                    || (f.fig.unit.is_none()
                        && f.fig.counts.is_none()
                        && doc.lex.is("singular_verbs", &t.lower))
            })
            && ents.mentions.iter().any(|m| {
                // "Ann Lee Jr., 62" and "Tom Reyes III, 38": a generation
                // after the name still leaves the age in apposition to it.
                let between = doc.toks.get(m.te..f.ts - 1).unwrap_or(&[]);
                m.kind == crosswire_model::EntityKind::Person
                    && m.te < f.ts
                    && between.len() <= 2
                    && between
                        .iter()
                        .all(|t| t.is_p(".") || GENERATIONS.contains(&t.lower.as_str()))
            });
        if age_like {
            f.fig.role = crosswire_model::FigureRole::Age;
            f.fig.unit = Some("years".into());
            f.fig.counts = None;
        }
        let q = quotes
            .iter()
            .filter(|q| q.ts <= f.ts && f.te <= q.te)
            .min_by_key(|q| q.te - q.ts);
        if let Some(q) = q {
            f.fig.attributed_to = q.cluster.and_then(canonical).or_else(|| {
                q.speaker_tok
                    .and_then(|(a, b)| doc.range(a, b))
                    .map(|r| doc.text[r.range()].to_string())
            });
        }
    }
    for f in figures {
        if let Some(r) = doc.range(f.ts, f.te) {
            out.push(Span {
                range: r,
                kind: SpanKind::Figure(f.fig),
            });
        }
    }
    for m in &ents.mentions {
        let Some(r) = doc.range(m.ts, m.te) else {
            continue;
        };
        let Some(c) = ents.clusters.get(m.cluster) else {
            continue;
        };
        out.push(Span {
            range: r,
            kind: SpanKind::Entity {
                entity: m.kind,
                cluster: m.cluster as u32,
                canonical: c.canonical.clone(),
                role: m.role.clone().or_else(|| c.role.clone()),
                nominal: m.nominal,
            },
        });
    }
    for q in &quotes {
        let (Some(r), Some(content)) = (doc.range(q.ts, q.te), doc.range(q.cs, q.ce)) else {
            continue;
        };
        out.push(Span {
            range: r,
            kind: SpanKind::Quote(QuoteSpan {
                content,
                speaker_mention: q.speaker_tok.and_then(|(a, b)| doc.range(a, b)),
                speaker: q
                    .described
                    .and_then(|(a, b)| doc.range(a, b))
                    .map(|r| doc.text[r.range()].to_string())
                    .or_else(|| q.cluster.and_then(canonical)),
                speaker_cluster: q.cluster.map(|c| c as u32),
                cue: q
                    .cue
                    .map(|(a, b)| (a, cue_object(doc, &ents, b)))
                    .and_then(|(a, b)| doc.range(a, b))
                    .map(|r| doc.text[r.range()].to_string()),
                direct: q.direct,
            }),
        });
    }
    out
}
