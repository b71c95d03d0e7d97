//! The cross-check stage: from the analyzed articles of one event to a
//! [`Dossier`].
//!
//! - origins come from the link stage ([`crosswire_link::find_origins`]):
//!   every corroboration count here counts independent origins, not articles;
//! - [`measure`] decides what each figure measures (the unit's dimension,
//!   the counted noun, the happening, the scope); [`figures`] groups the
//!   figures of one measure into slots, and abstains when the measure is
//!   unclear; [`verdict`] decides agree / compatible / conflict / revised /
//!   single source, reading each wording as an interval in the base unit
//!   ("more than 200" is compatible with 238, "13 nautical miles" with
//!   "about 24 km") and telling a count that changed over time from two
//!   reports that cannot both be true;
//! - [`quotes`] groups one utterance across outlets and diffs its wordings;
//! - [`entities`] merges alias chains across articles;
//! - [`timeline`] orders dated happenings and flags disputed dates;
//! - first of all, [`repeats`] drops the mentions inside sentences an
//!   article repeats word for word, which would only cost time.
//!
//! Entry point: [`crosscheck`]. Word lists live in [`lexicon`], per language.
//!
//! ```
//! use crosswire_crosscheck::{crosscheck, Options};
//! use crosswire_model::{ArticleBuilder, BlockKind};
//!
//! let mut b = ArticleBuilder::new("a.txt");
//! b.push_block(BlockKind::Paragraph, "The bridge reopened on Tuesday.");
//! let dossier = crosscheck(vec![b.finish()], &Options::default());
//! assert_eq!(dossier.articles.len(), 1);
//! assert_eq!(dossier.origins.len(), 1);
//! ```
#![deny(missing_docs)]

pub mod context;
pub mod entities;
pub mod figures;
pub mod lexicon;
pub mod measure;
pub mod names;
pub mod quotes;
pub mod repeats;
pub mod timeline;
pub mod translate;
pub mod verdict;

#[cfg(test)]
mod tests;

use crosswire_link::{find_origins, LinkReason, OriginOptions};
use crosswire_model::dossier::{Dossier, DossierArticle, Origin, DOSSIER_SCHEMA};
use crosswire_model::label::{article_labels, LabelSource};
use crosswire_model::Article;

/// Settings of the cross-check.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Origin detection.
    pub origins: OriginOptions,
    /// Figure slot alignment.
    pub slots: figures::SlotOptions,
}

/// Cross-checks the analyzed articles of one event.
pub fn crosscheck(mut articles: Vec<Article>, opts: &Options) -> Dossier {
    for a in &mut articles {
        repeats::drop_repeated_mentions(a);
    }
    let origins = find_origins(&articles, &opts.origins);
    let figures = figures::figure_slots(&articles, &origins, &opts.slots);
    let quotes = quotes::quote_groups(&articles, &origins);
    let entities = entities::entity_groups(&articles, &origins);
    let timeline = timeline::timeline(&articles, &origins);
    // Origins and their evidence name articles by the short labels every
    // printer shows (outlet, host or file stem), never by a full path.
    let labels = article_labels(
        &articles
            .iter()
            .map(|a| LabelSource {
                outlet: a.outlet.as_deref(),
                url: a.url.as_deref(),
                source: &a.source,
            })
            .collect::<Vec<_>>(),
    );
    let name = |i: usize| labels.get(i).cloned().unwrap_or_default();
    let dossier_origins = origins
        .clusters
        .iter()
        .map(|c| Origin {
            label: c
                .agency
                .clone()
                .or_else(|| c.members.first().map(|&m| name(m)))
                .unwrap_or_else(|| c.label.clone()),
            agency: c.agency.clone(),
            articles: c.members.clone(),
            evidence: c
                .links
                .iter()
                .map(|l| {
                    // Numbered from 1, as every report numbers articles.
                    let (a, b) = (name(l.a), name(l.b));
                    let (na, nb) = (l.a + 1, l.b + 1);
                    match &l.reason {
                        LinkReason::Copy { containment } => format!(
                            "[{na}] {a} and [{nb}] {b} share {:.0}% of their wording (copy)",
                            containment * 100.0
                        ),
                        LinkReason::Rewrite { aligned, of } => format!(
                            "[{na}] {a} and [{nb}] {b} are rewrites of one story: \
                             {aligned} of {of} sentences align"
                        ),
                        LinkReason::Translation { shared, of } => format!(
                            "[{na}] {a} and [{nb}] {b} are one story in two languages \
                             (translation): {shared} of {of} names and numbers shared, in order"
                        ),
                        LinkReason::SameWire { agency } => {
                            format!("[{na}] {a} and [{nb}] {b} both carry {agency} copy")
                        }
                    }
                })
                .collect(),
        })
        .collect();
    let articles = articles
        .into_iter()
        .enumerate()
        .map(|(i, a)| DossierArticle {
            id: a.id.0,
            source: a.source,
            outlet: a.outlet,
            title: a.title,
            url: a.url,
            published: a.published,
            language: a.language,
            origin: origins.of_article.get(i).copied().unwrap_or(0),
            origin_kind: origins.kinds.get(i).copied().flatten(),
            text: a.text,
        })
        .collect();
    Dossier {
        schema: DOSSIER_SCHEMA.to_string(),
        articles,
        origins: dossier_origins,
        figures,
        quotes,
        entities,
        timeline,
    }
}
