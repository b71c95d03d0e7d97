//! Recap blocks: a FAQ or "more information" block after the story that
//! re-tells it. Found by how much of its wording the body already holds,
//! not by its header alone, so an interview's genuine questions stay.

use super::{is_question, tables, tokens, Role, Unit};
use std::collections::HashSet;

/// Share of a block's content words that must already occur before it.
const OVERLAP: f64 = 0.6;
/// A single question and answer must repeat even more to be cut.
const OVERLAP_SINGLE: f64 = 0.75;
/// Below this many content words there is too little to judge.
const MIN_WORDS: usize = 12;
/// How many of the last question lines are tried as the start of a recap.
const MAX_CANDIDATES: usize = 40;

/// Content words: lowercase tokens that are not stopwords of any table,
/// cut to a short stem so that "deported" and "deportation" meet.
pub(crate) fn content_words(s: &str) -> impl Iterator<Item = String> + '_ {
    tokens(s)
        .filter(|w| w.chars().count() >= 3 && !tables::is_stopword(w))
        .map(|w| w.chars().take(6).collect())
}

fn is_text(r: Role) -> bool {
    matches!(
        r,
        Role::Prose | Role::Short | Role::Title | Role::Standfirst | Role::RecapHeader
    )
}

/// Where a trailing recap block starts inside the body `start..=end`, if
/// there is one: a question line (or a header right before one, or a recap
/// header) after which every answer mostly repeats what came before.
pub(crate) fn recap_start(units: &[Unit], start: usize, end: usize) -> Option<usize> {
    let candidates: Vec<(usize, bool, bool)> = (start + 1..=end)
        .filter_map(|i| {
            let u = &units[i];
            let header = u.role == Role::RecapHeader;
            let question = matches!(u.role, Role::Prose | Role::Short) && is_question(&u.text);
            let next_is_question = units[i + 1..=end]
                .iter()
                .find(|x| is_text(x.role))
                .is_some_and(|x| is_question(&x.text));
            let lead_in = u.role == Role::Short && next_is_question;
            (header || question || lead_in).then_some((i, header, lead_in))
        })
        .collect();
    // A recap closes the page, so only the last candidates can start one;
    // the cap keeps long Q&A pages linear.
    let skip = candidates.len().saturating_sub(MAX_CANDIDATES);
    let mut prior: HashSet<String> = HashSet::new();
    let mut filled = 0;
    for &(i, header, lead_in) in &candidates[skip..] {
        // The words before the candidate, added incrementally.
        for x in &units[filled..i] {
            if is_text(x.role) {
                prior.extend(content_words(&x.text));
            }
        }
        filled = i;
        let mut questions = 0;
        let mut total = 0usize;
        let mut seen = 0usize;
        for x in &units[i..=end] {
            if !matches!(x.role, Role::Prose | Role::Short) {
                continue;
            }
            if is_question(&x.text) {
                questions += 1;
                continue;
            }
            if x.role != Role::Prose {
                continue;
            }
            for w in content_words(&x.text) {
                total += 1;
                if prior.contains(&w) {
                    seen += 1;
                }
            }
        }
        if total < MIN_WORDS {
            continue;
        }
        let overlap = seen as f64 / total as f64;
        let cut = (overlap >= OVERLAP && (questions >= 2 || header || lead_in))
            || (overlap >= OVERLAP_SINGLE && questions >= 1);
        if cut {
            return Some(i);
        }
    }
    None
}
