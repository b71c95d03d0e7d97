//! Quote groups: the same utterance across outlets, found by the words it
//! shares (not by exact wording) and a compatible speaker, with each
//! wording diffed word by word against the most-carried one.

use crate::context::{sentence_of, stem, words_with_offsets};
use crate::names::{canonical, fold, same_person};
use crate::translate::{has_lexicon, pivot_terms};
use crosswire_link::Origins;
use crosswire_model::dossier::{Mention, QuoteGroup, QuoteVariant, Verdict, WordDiff};
use crosswire_model::{Article, ByteRange, SpanKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;

/// The words of one wording, in the forms quotes are compared by.
struct Words {
    /// Content-word stems, as a set.
    stems: HashSet<String>,
    /// Every word, lower-cased and folded.
    words: Vec<String>,
    /// Every word as its stem when it has one, else as itself: what an
    /// in-order alignment compares ("consequences" meets "consequence").
    keys: Vec<String>,
    /// Terms in the pivot language, what a translation shares (see
    /// [`crate::translate`]).
    pivot: HashSet<String>,
    /// The language of the text, when known.
    lang: Option<String>,
}

impl Words {
    fn new(text: &str) -> Self {
        Self::in_lang(text, None)
    }

    fn in_lang(text: &str, lang: Option<&str>) -> Self {
        let words = norm_words(text);
        Words {
            pivot: lang.map(|l| pivot_terms(text, l)).unwrap_or_default(),
            lang: lang.map(str::to_string),
            stems: words_with_offsets(text)
                .into_iter()
                .filter_map(|(_, w)| stem(w))
                .collect(),
            keys: words
                .iter()
                .map(|w| stem(w).unwrap_or_else(|| w.clone()))
                .collect(),
            words,
        }
    }
}

/// One quoted unit: a whole quote, or one sentence of a long one.
struct Q {
    article: usize,
    content: ByteRange,
    sentence: ByteRange,
    text: String,
    speaker: Option<String>,
    unit: Words,
    /// The whole quote this unit belongs to (an index into the wholes).
    whole: usize,
}

/// Words of a sentence unit below which it stays with its neighbour: a
/// short exclamation ("Too late.") is not an utterance of its own.
const MIN_UNIT_WORDS: usize = 5;

/// Sentence units of a quoted text, as byte ranges into it. Outlets quote
/// one remark at different lengths: one carries a whole statement in one
/// quoted span, another quotes each of its sentences separately, in
/// different paragraphs. Aligning sentence by sentence lets each shorter
/// quote meet the sentence it renders, instead of one group merging two
/// remarks.
pub fn sentence_units(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut cuts = vec![0];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(_, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        // An abbreviation or initial ("Dr.", "U.S.", "J.") ends no
        // sentence: a capitalized word of up to three letters before a dot.
        if c == '.' {
            let word: Vec<char> = chars[..k]
                .iter()
                .rev()
                .map(|&(_, c)| c)
                .take_while(|c| c.is_alphabetic())
                .collect();
            if (1..=3).contains(&word.len()) && word.last().is_some_and(|c| c.is_uppercase()) {
                continue;
            }
        }
        // A sentence ends at the mark when whitespace and then an
        // upper-case letter (or an opening quote or bracket) follow.
        let mut rest = chars[k + 1..].iter().skip_while(|(_, c)| c.is_whitespace());
        let spaced = chars.get(k + 1).is_some_and(|(_, c)| c.is_whitespace());
        if spaced {
            if let Some(&(j, next)) = rest.next() {
                if next.is_uppercase() || matches!(next, '“' | '"' | '¿' | '¡' | '«' | '(') {
                    cuts.push(j);
                }
            }
        }
    }
    cuts.push(text.len());
    let mut units: Vec<std::ops::Range<usize>> = Vec::new();
    for w in cuts.windows(2) {
        let r = w[0]..w[1];
        let short = words_with_offsets(&text[r.clone()]).len() < MIN_UNIT_WORDS;
        match units.last_mut() {
            Some(prev)
                if short || words_with_offsets(&text[prev.clone()]).len() < MIN_UNIT_WORDS =>
            {
                prev.end = r.end;
            }
            _ => units.push(r),
        }
    }
    units
}

/// Words compared for wording, lower-cased and without punctuation.
fn norm_words(text: &str) -> Vec<String> {
    words_with_offsets(text)
        .into_iter()
        .map(|(_, w)| fold(&w.to_lowercase()))
        .collect()
}

/// Longest run of consecutive words the two quotes share.
fn longest_common_run(a: &[String], b: &[String]) -> usize {
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

/// Words the two sequences share in order (longest common subsequence).
fn common_in_order(a: &[String], b: &[String]) -> usize {
    // Two rows, swapped: the table is only ever read one row back, and a
    // fresh row per word made this the hottest allocation of a check.
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

/// An upper bound on [`common_in_order`]: the words of `b` found among
/// `a`'s, in any order. Cheap enough to rule out most pairs first.
fn common_any_order(a: &HashSet<&str>, b: &[String]) -> usize {
    b.iter().filter(|w| a.contains(w.as_str())).count()
}

/// Whether two wordings in two languages say the same thing: most pivot
/// terms shared (names, numbers and lexicon words), at least
/// [`MIN_PIVOT_SHARED`] of them, and no number of one missing from the
/// other. Without a lexicon for both languages, only names and numbers
/// count, which is seldom enough: such quotes stay apart.
fn same_across_languages(a: &Words, b: &Words, both_named: bool) -> bool {
    let (pa, pb) = (&a.pivot, &b.pivot);
    let small = pa.len().min(pb.len());
    if small == 0 {
        return false;
    }
    let shared = pa.intersection(pb).count();
    let numbers_differ = |x: &HashSet<String>, y: &HashSet<String>| {
        x.iter().any(|t| t.starts_with('#') && !y.contains(t))
    };
    if numbers_differ(pa, pb) && numbers_differ(pb, pa) {
        return false;
    }
    let lexicons =
        a.lang.as_deref().is_some_and(has_lexicon) && b.lang.as_deref().is_some_and(has_lexicon);
    if !lexicons {
        return false;
    }
    // A short fragment translated: all of it, by the same named speaker.
    if small < MIN_PIVOT_SHARED {
        return both_named && shared == small && small >= 2;
    }
    shared >= MIN_PIVOT_SHARED && shared as f32 / small as f32 >= PIVOT_SHARE
}

/// Share of the smaller pivot set two wordings share: how close a
/// translation is.
fn pivot_score(a: &Words, b: &Words) -> f32 {
    let small = a.pivot.len().min(b.pivot.len());
    if small == 0 {
        return 0.0;
    }
    a.pivot.intersection(&b.pivot).count() as f32 / small as f32
}

/// Pivot terms a quote and its translation share at least.
const MIN_PIVOT_SHARED: usize = 3;

/// Share of the smaller pivot set a translation keeps.
const PIVOT_SHARE: f32 = 0.5;

/// Whether the two wordings are in different known languages.
fn across_languages(a: &Words, b: &Words) -> bool {
    matches!((&a.lang, &b.lang), (Some(x), Some(y)) if x != y)
}

/// Whether two wordings say the same words (see [`same_utterance`]).
fn same_words(a: &Words, b: &Words, both_named: bool) -> bool {
    if across_languages(a, b) {
        return same_across_languages(a, b, both_named);
    }
    // Short fragments ("kidnapped") match only a quote that contains them.
    let run = longest_common_run(&a.words, &b.words);
    let shorter = a.words.len().min(b.words.len());
    if shorter > 0 && shorter <= 3 && run == shorter {
        return both_named;
    }
    if run >= 4 {
        return true;
    }
    let shared = a.stems.intersection(&b.stems).count();
    let small = a.stems.len().min(b.stems.len());
    if small == 0 {
        return false;
    }
    let ratio = shared as f32 / small as f32;
    shared >= 3 && ratio >= 0.6
}

/// Whether two quoted units render the same utterance: a compatible
/// speaker and shared words. A unit of a long quote also meets a quote
/// whose words match the long quote as a whole (`wholes_match`) when each
/// is the other's closest unit in word order: "If you commit a crime, this
/// is a consequence you may face" renders one sentence of a two-sentence
/// quote even though its words are spread over both.
fn same_utterance(a: &Q, b: &Q, wholes_match: bool, units_of: &[Vec<usize>], qs: &[Q]) -> bool {
    let both_named = match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) => {
            if !same_person(x, y) {
                return false;
            }
            true
        }
        _ => false,
    };
    if same_words(&a.unit, &b.unit, both_named) {
        return true;
    }
    let (Some(ua), Some(ub)) = (units_of.get(a.whole), units_of.get(b.whole)) else {
        return false;
    };
    if (ua.len() == 1 && ub.len() == 1) || !wholes_match {
        return false;
    }
    // The unit of `among` that shares most words in order with `q`
    // (the first on a tie).
    let closest = |q: &Q, among: &[usize]| {
        among
            .iter()
            .copied()
            .map(|i| (common_in_order(&q.unit.keys, &qs[i].unit.keys), i))
            .fold(None, |best: Option<(usize, usize)>, (n, i)| match best {
                Some((m, _)) if m >= n => best,
                _ => Some((n, i)),
            })
    };
    let is = |q: &Q, i: usize| std::ptr::eq(q, &qs[i]);
    matches!(closest(a, ub), Some((n, i)) if n > 0 && is(b, i))
        && matches!(closest(b, ua), Some((n, i)) if n > 0 && is(a, i))
}

/// Pairs of quotes (indexes into the wholes, first < second) that share a
/// content word: the only pairs whose units can match, found through an
/// index on the words so that a large event does not compare every quote
/// with every other.
fn candidate_wholes(wholes: &[Words]) -> Vec<(usize, usize)> {
    let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::default();
    for (w, words) in wholes.iter().enumerate() {
        for s in &words.stems {
            by_stem.entry(s.as_str()).or_default().push(w);
        }
    }
    // Translations share pivot terms, not stems: a second index, whose
    // pairs are kept only across languages.
    let mut by_pivot: HashMap<&str, Vec<usize>> = HashMap::default();
    for (w, words) in wholes.iter().enumerate() {
        for s in &words.pivot {
            by_pivot.entry(s.as_str()).or_default().push(w);
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for list in by_stem.values() {
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                pairs.push((a.min(b), a.max(b)));
            }
        }
    }
    for list in by_pivot.values() {
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                if across_languages(&wholes[a], &wholes[b]) {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Word-level diff of `variant` against `reference` (longest common
/// subsequence over normalized words, reported in the variant's own words).
pub fn diff_words(reference: &str, variant: &str) -> Vec<WordDiff> {
    let rw: Vec<&str> = reference.split_whitespace().collect();
    let vw: Vec<&str> = variant.split_whitespace().collect();
    let key = |w: &str| {
        fold(&w.to_lowercase())
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let rk: Vec<String> = rw.iter().map(|w| key(w)).collect();
    let vk: Vec<String> = vw.iter().map(|w| key(w)).collect();
    let (n, m) = (rk.len(), vk.len());
    // Quotes are short; a quadratic table is fine, but cap it so a
    // pathological "quote" cannot take memory without bound.
    if n * m > 4_000_000 {
        return vec![
            WordDiff::Removed(reference.into()),
            WordDiff::Added(variant.into()),
        ];
    }
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if rk[i] == vk[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let mut out: Vec<WordDiff> = Vec::new();
    let mut push = |d: WordDiff| match (out.last_mut(), &d) {
        (Some(WordDiff::Same(s)), WordDiff::Same(w))
        | (Some(WordDiff::Removed(s)), WordDiff::Removed(w))
        | (Some(WordDiff::Added(s)), WordDiff::Added(w)) => {
            s.push(' ');
            s.push_str(w);
        }
        _ => out.push(d),
    };
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if rk[i] == vk[j] {
            push(WordDiff::Same(vw[j].to_string()));
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            push(WordDiff::Removed(rw[i].to_string()));
            i += 1;
        } else {
            push(WordDiff::Added(vw[j].to_string()));
            j += 1;
        }
    }
    for w in &rw[i..] {
        push(WordDiff::Removed(w.to_string()));
    }
    for w in &vw[j..] {
        push(WordDiff::Added(w.to_string()));
    }
    out
}

/// Groups the quotes of a set of analyzed articles.
pub fn quote_groups(articles: &[Article], origins: &Origins) -> Vec<QuoteGroup> {
    let mut qs: Vec<Q> = Vec::new();
    let mut wholes: Vec<Words> = Vec::new();
    let mut units_of: Vec<Vec<usize>> = Vec::new();
    // Reported speech, by article: what a direct quote elsewhere may have
    // been made from.
    let mut reported: Vec<(usize, Words)> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        let lang = a.language.as_deref();
        for s in &a.spans {
            let SpanKind::Quote(q) = &s.kind else {
                continue;
            };
            if !q.direct {
                let raw = a.slice(q.content);
                if !raw.trim().is_empty() {
                    reported.push((ai, Words::in_lang(raw, lang)));
                }
                continue;
            }
            let raw = a.slice(q.content);
            if raw.trim().is_empty() {
                continue;
            }
            let whole = wholes.len();
            wholes.push(Words::in_lang(raw, lang));
            let mut units = Vec::new();
            for r in sentence_units(raw) {
                let Some(part) = raw.get(r.clone()) else {
                    continue;
                };
                let text = part.trim();
                if text.is_empty() {
                    continue;
                }
                let lead = part.len() - part.trim_start().len();
                let start = q.content.start as usize + r.start + lead;
                let content = ByteRange::new(start, start + text.len());
                units.push(qs.len());
                qs.push(Q {
                    article: ai,
                    content,
                    sentence: sentence_of(a, q.content),
                    unit: Words::in_lang(text, lang),
                    text: text.to_string(),
                    speaker: q.speaker.clone(),
                    whole,
                });
            }
            units_of.push(units);
        }
    }
    let mut parent: Vec<usize> = (0..qs.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    // Speakers named in each group: a chain of matches through quotes with
    // no resolved speaker must not join two different people's words.
    let mut speakers: Vec<Vec<String>> = qs
        .iter()
        .map(|q| q.speaker.iter().cloned().collect())
        .collect();
    // The quotes each group's units come from: two sentences of one quote
    // are two remarks, however alike their phrasing, so no group holds two.
    let mut sources: Vec<Vec<usize>> = qs.iter().map(|q| vec![q.whole]).collect();
    // Unit pairs of quotes that share a word, in index order (merges are
    // greedy, so the order is kept fixed).
    let mut pairs: Vec<(usize, usize, bool)> = Vec::new();
    for (wa, wb) in candidate_wholes(&wholes) {
        let (Some(ua), Some(ub)) = (units_of.get(wa), units_of.get(wb)) else {
            continue;
        };
        // Units carry their quote's speaker.
        let named = |u: &[usize]| u.first().is_some_and(|&i| qs[i].speaker.is_some());
        let whole_match = (ua.len() > 1 || ub.len() > 1)
            && same_words(&wholes[wa], &wholes[wb], named(ua) && named(ub));
        for &i in ua {
            for &j in ub {
                pairs.push((i.min(j), i.max(j), whole_match));
            }
        }
    }
    pairs.sort_unstable();
    // Across languages a unit meets only its best match in the other
    // language, and that one's best must be it: one remark, one
    // translation, however many words two remarks of one speaker share.
    let mut best_across: HashMap<(usize, &str), (f32, usize)> = HashMap::default();
    for &(i, j, _) in &pairs {
        let (a, b) = (&qs[i].unit, &qs[j].unit);
        if !across_languages(a, b) {
            continue;
        }
        let score = pivot_score(a, b);
        for (x, y) in [(i, j), (j, i)] {
            let lang = qs[y].unit.lang.as_deref().unwrap_or("");
            let e = best_across.entry((x, lang)).or_insert((score, y));
            if score > e.0 {
                *e = (score, y);
            }
        }
    }
    let mutual = |i: usize, j: usize| {
        let li = qs[i].unit.lang.as_deref().unwrap_or("");
        let lj = qs[j].unit.lang.as_deref().unwrap_or("");
        best_across.get(&(i, lj)).is_some_and(|&(_, y)| y == j)
            && best_across.get(&(j, li)).is_some_and(|&(_, y)| y == i)
    };
    for (i, j, whole_match) in pairs {
        if across_languages(&qs[i].unit, &qs[j].unit) && !mutual(i, j) {
            continue;
        }
        if !same_utterance(&qs[i], &qs[j], whole_match, &units_of, &qs) {
            continue;
        }
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        if a == b {
            continue;
        }
        let compatible = speakers[a]
            .iter()
            .all(|x| speakers[b].iter().all(|y| same_person(x, y)))
            && sources[a].iter().all(|w| !sources[b].contains(w));
        if compatible {
            let (keep, gone) = (a.min(b), a.max(b));
            parent[gone] = keep;
            let moved = std::mem::take(&mut speakers[gone]);
            speakers[keep].extend(moved);
            let moved = std::mem::take(&mut sources[gone]);
            sources[keep].extend(moved);
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut root_index = rustc_hash::FxHashMap::default();
    for i in 0..qs.len() {
        let r = find(&mut parent, i);
        let g = *root_index.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let mut out: Vec<QuoteGroup> = groups
        .into_iter()
        .map(|g| {
            let members = g.iter().map(|&i| &qs[i]).collect::<Vec<_>>();
            let mut group = build_group(&members, origins);
            group.indirect_made_direct = made_direct(&members, &reported, origins);
            if group.indirect_made_direct {
                let flag = "one outlet quotes in marks what others report as indirect speech";
                group.note = Some(match group.note.take() {
                    Some(n) => format!("{n}; {flag}"),
                    None => flag.to_string(),
                });
            }
            group
        })
        .collect();
    out.sort_by(|a, b| {
        b.origin_count
            .cmp(&a.origin_count)
            .then(b.variants.len().cmp(&a.variants.len()))
    });
    out
}

fn build_group(members: &[&Q], origins: &Origins) -> QuoteGroup {
    let mut variants: Vec<(Vec<String>, QuoteVariant)> = Vec::new();
    for q in members {
        let origin = origins.of_article.get(q.article).copied();
        let mention = Mention {
            article: q.article,
            span: q.content,
            sentence: q.sentence,
        };
        match variants
            .iter_mut()
            .find(|(w, v)| *w == q.unit.words && v.language == q.unit.lang)
        {
            Some((_, v)) => {
                v.mentions.push(mention);
                if let Some(o) = origin {
                    if !v.origins.contains(&o) {
                        v.origins.push(o);
                    }
                }
            }
            None => variants.push((
                q.unit.words.clone(),
                QuoteVariant {
                    text: q.text.clone(),
                    diff: Vec::new(),
                    mentions: vec![mention],
                    origins: origin.into_iter().collect(),
                    language: q.unit.lang.clone(),
                },
            )),
        }
    }
    let mut variants: Vec<QuoteVariant> = variants.into_iter().map(|(_, v)| v).collect();
    variants.sort_by(|a, b| {
        b.origins
            .len()
            .cmp(&a.origins.len())
            .then(b.text.len().cmp(&a.text.len()))
    });
    // Each wording is diffed against the reference of its own language: a
    // translation differs in every word and says nothing by its diff.
    for i in 1..variants.len() {
        let reference = variants[..i]
            .iter()
            .find(|r| r.language == variants[i].language)
            .map(|r| r.text.clone());
        if let Some(reference) = reference {
            variants[i].diff = diff_words(&reference, &variants[i].text);
        }
    }
    let languages: BTreeSet<&str> = variants
        .iter()
        .filter_map(|v| v.language.as_deref())
        .collect();
    let translated = languages.len() > 1;
    // Spellings of each person, and how many members name them; one
    // canonical name per person (see [`canonical`]).
    let mut people: Vec<(Vec<&str>, usize)> = Vec::new();
    for q in members {
        if let Some(s) = q.speaker.as_deref() {
            match people
                .iter_mut()
                .find(|(forms, _)| forms.iter().all(|x| same_person(x, s)))
            {
                Some((forms, n)) => {
                    *n += 1;
                    forms.push(s);
                }
                None => people.push((vec![s], 1)),
            }
        }
    }
    people.sort_by_key(|p| std::cmp::Reverse(p.1));
    let speakers: Vec<(&str, usize)> = people.iter().map(|(f, n)| (canonical(f), *n)).collect();
    let origin_count = members
        .iter()
        .filter_map(|q| origins.of_article.get(q.article))
        .collect::<BTreeSet<_>>()
        .len();
    let articles = members
        .iter()
        .map(|q| q.article)
        .collect::<BTreeSet<_>>()
        .len();
    let (mut verdict, mut note) = if translated {
        translated_verdict(&variants, &languages, articles, origin_count)
    } else {
        quote_verdict(&variants, articles, origin_count)
    };
    // Words nobody is named for may be two people's: a conflict needs a
    // speaker, or it is not claimed.
    if verdict == Verdict::Conflict && speakers.is_empty() {
        verdict = Verdict::Compatible;
        note = Some("the wordings differ, but no speaker is named: not judged a conflict".into());
    }
    QuoteGroup {
        speaker: speakers.first().map(|(s, _)| s.to_string()),
        wording_differs: variants.len() > 1,
        variants,
        origin_count,
        verdict,
        note,
        translated,
        indirect_made_direct: false,
    }
}

/// The verdict of a quote carried in several languages: each language's
/// wordings are judged among themselves (a conflict in one of them is a
/// conflict); across languages, a translation that matched on its names,
/// numbers and lexicon words is compatible, never a conflict by wording.
fn translated_verdict(
    variants: &[QuoteVariant],
    languages: &BTreeSet<&str>,
    articles: usize,
    origins: usize,
) -> (Verdict, Option<String>) {
    if articles <= 1 || origins <= 1 {
        return (
            Verdict::SingleSource,
            Some("one story in several languages: a quote and its translation".into()),
        );
    }
    for lang in languages {
        let own: Vec<QuoteVariant> = variants
            .iter()
            .filter(|v| v.language.as_deref() == Some(*lang))
            .cloned()
            .collect();
        let arts = own
            .iter()
            .flat_map(|v| v.mentions.iter().map(|m| m.article))
            .collect::<BTreeSet<_>>()
            .len();
        if let (Verdict::Conflict, note) = quote_verdict(&own, arts, origins) {
            return (Verdict::Conflict, note);
        }
    }
    let list: Vec<&str> = languages.iter().copied().collect();
    (
        Verdict::Compatible,
        Some(format!("a quote and its translation ({})", list.join(", "))),
    )
}

/// Whether one origin alone quotes in marks what articles of other origins
/// report as indirect speech in the same words: a paraphrase made a quote.
fn made_direct(members: &[&Q], reported: &[(usize, Words)], origins: &Origins) -> bool {
    let origin = |a: usize| origins.of_article.get(a).copied();
    let direct: BTreeSet<Option<usize>> = members.iter().map(|q| origin(q.article)).collect();
    if direct.len() != 1 {
        return false;
    }
    // The quoted words stand, nearly all and in order, in the reported
    // speech of two other origins or more: the one outlet that puts them in
    // marks is the odd one out. (One quote against one paraphrase says
    // nothing of which came first: not flagged.)
    members.iter().any(|q| {
        let n = q.unit.keys.len();
        if n < FRAGMENT_WORDS {
            return false;
        }
        let need = MADE_DIRECT_SHARE * n as f32;
        let keys: HashSet<&str> = q.unit.keys.iter().map(String::as_str).collect();
        let others: BTreeSet<Option<usize>> = reported
            .iter()
            .filter(|(a, w)| {
                !direct.contains(&origin(*a))
                    && common_any_order(&keys, &w.keys) as f32 >= need
                    && !across_languages(&q.unit, w)
                    && common_in_order(&q.unit.keys, &w.keys) as f32 >= need
            })
            .map(|(a, _)| origin(*a))
            .collect();
        n >= FRAGMENT_WORDS && others.len() >= 2
    })
}

/// Share of a quote's words, in order, that another origin's reported
/// speech must hold for the quote to be a paraphrase put in marks.
const MADE_DIRECT_SHARE: f32 = 0.85;

/// Share of the shorter wording's content words (stems) that the other
/// wording also uses. Stems, not exact words, so that a rendering that
/// changes word forms ("criminalization" / "criminalizing") still counts
/// as saying the same.
fn kept_share(a: &str, b: &str) -> f32 {
    let stems = |t: &str| -> HashSet<String> {
        words_with_offsets(t)
            .into_iter()
            .filter_map(|(_, w)| stem(w))
            .collect()
    };
    let (sa, sb) = (stems(a), stems(b));
    let (short, long) = if sa.len() <= sb.len() {
        (&sa, &sb)
    } else {
        (&sb, &sa)
    };
    if short.is_empty() {
        return 1.0;
    }
    short.intersection(long).count() as f32 / short.len() as f32
}

/// Words up to which a quote is a fragment, judged by its words in order.
const FRAGMENT_WORDS: usize = 8;

/// For a fragment (the shorter wording has at most [`FRAGMENT_WORDS`]
/// words), the share of its words the other has in the same order; zero
/// otherwise. A partial quote that swaps one word ("measures in our playbook"
/// for "measures in our rulebook") keeps the speaker's phrase even when the
/// swapped word is half its content words; in a longer rendering, shared
/// function words ("if you", "this is") would hide a changed meaning, so
/// those are judged by content words alone.
fn kept_in_order(a: &str, b: &str) -> f32 {
    let (wa, wb) = (Words::new(a), Words::new(b));
    let shorter = wa.keys.len().min(wb.keys.len());
    if shorter == 0 {
        return 1.0;
    }
    if shorter > FRAGMENT_WORDS {
        return 0.0;
    }
    common_in_order(&wa.keys, &wb.keys) as f32 / shorter as f32
}

/// Share of the shorter wording's words, function words included, that the
/// other has in the same order, below which two wordings are not one
/// sentence frame.
const FRAME_SHARE: f32 = 0.5;

/// Words two wordings must share in order to be one frame: two fragments
/// that share one word ("spiritual wives", "spiritual marriages") are two
/// phrases, not one phrase changed.
const FRAME_MIN_WORDS: usize = 3;

/// Whether two wordings are one sentence in two renderings: most of the
/// shorter one's words, function words included, appear in the other in
/// order ("if you …, this is a consequence you … face"). Only then can a
/// changed clause be told from two different remarks that a group joined
/// through a shared phrase: those are not set against each other.
fn same_frame(a: &str, b: &str) -> bool {
    let (wa, wb) = (Words::new(a), Words::new(b));
    let shorter = wa.keys.len().min(wb.keys.len());
    let common = common_in_order(&wa.keys, &wb.keys);
    common >= FRAME_MIN_WORDS && common as f32 / shorter as f32 >= FRAME_SHARE
}

/// The words each wording has that the other lacks, as shown in a
/// conflict's note: "−removed / +added".
fn changed_words(a: &str, b: &str) -> String {
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for d in diff_words(a, b) {
        match d {
            WordDiff::Removed(w) => removed.push(w),
            WordDiff::Added(w) => added.push(w),
            WordDiff::Same(_) => {}
        }
    }
    format!("−“{}” / +“{}”", removed.join(" … "), added.join(" … "))
}

/// How far the renderings of one utterance agree across the articles that
/// carry it. A quote is judged on its wording, even across rewrites of one
/// story; only one wording carried by one origin rests on that origin alone
/// (the group's origin count says how independent the rest are). Wordings that
/// are all part of the longest one agree; a partial quote or a light edit
/// keeps most of the shorter wording's content words (or, for a fragment,
/// most of its words in order) and is compatible; a rendering that keeps
/// under 60% puts other words in the speaker's mouth.
fn quote_verdict(
    variants: &[QuoteVariant],
    articles: usize,
    origins: usize,
) -> (Verdict, Option<String>) {
    if articles <= 1 {
        return (Verdict::SingleSource, None);
    }
    // Copies of one story carrying one wording corroborate nothing: the
    // quote rests on that one origin. (Rewrites of one agency story that
    // word it differently are still judged on their wording.)
    if origins <= 1 && variants.len() <= 1 {
        return (
            Verdict::SingleSource,
            Some("carried word for word by copies of one story".into()),
        );
    }
    if variants.len() <= 1 {
        return (Verdict::Agree, None);
    }
    let longest = variants
        .iter()
        .map(|v| norm_words(&v.text))
        .max_by_key(Vec::len)
        .unwrap_or_default();
    let contained = variants.iter().all(|v| {
        let w = norm_words(&v.text);
        w.is_empty() || longest.windows(w.len()).any(|win| win == w.as_slice())
    });
    if contained {
        return (
            Verdict::Agree,
            Some("the shorter wordings are exact parts of the longest".into()),
        );
    }
    let mut worst: Option<(f32, usize, usize)> = None;
    for i in 0..variants.len() {
        for j in i + 1..variants.len() {
            let (a, b) = (&variants[i].text, &variants[j].text);
            let share = kept_share(a, b).max(kept_in_order(a, b));
            if worst.is_none_or(|(w, _, _)| share < w) {
                worst = Some((share, i, j));
            }
        }
    }
    match worst {
        Some((share, i, j)) if share < 0.6 && same_frame(&variants[i].text, &variants[j].text) => (
            Verdict::Conflict,
            Some(format!(
                "renderings differ materially: “{}” vs “{}” (changed: {})",
                variants[i].text,
                variants[j].text,
                changed_words(&variants[i].text, &variants[j].text)
            )),
        ),
        Some((share, _, _)) if share < 0.6 => (
            Verdict::Compatible,
            Some(
                "the wordings share too little to be set against each other: not judged a conflict"
                    .into(),
            ),
        ),
        _ => (
            Verdict::Compatible,
            Some("the wordings differ (partial quotes or light edits) but say the same".into()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_marks_changed_words() {
        let d = diff_words(
            "We will rebuild every home",
            "We will rebuild each home, soon",
        );
        assert_eq!(
            d,
            vec![
                WordDiff::Same("We will rebuild".into()),
                WordDiff::Removed("every".into()),
                WordDiff::Added("each".into()),
                WordDiff::Same("home,".into()),
                WordDiff::Added("soon".into()),
            ]
        );
    }

    #[test]
    fn long_quotes_split_into_sentences_short_ones_stay_whole() {
        let t =
            "We rebuilt the dam in two years. Nobody in Orvenna will be flooded again. Too late.";
        let units: Vec<&str> = sentence_units(t).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(
            units,
            [
                "We rebuilt the dam in two years.",
                "Nobody in Orvenna will be flooded again. Too late."
            ]
        );
        let t = "No lo vamos a permitir. ¿Quién pagará los daños de la riada?";
        assert_eq!(sentence_units(t).len(), 2);
        // Abbreviations and short exclamations do not cut a quote.
        assert_eq!(sentence_units("Oops... Too late.").len(), 1);
        assert_eq!(sentence_units("the U.S. will pay for it").len(), 1);
        assert_eq!(
            sentence_units("We have asked the U.S. Government and Dr. Olsson to pay for the dam")
                .len(),
            1
        );
    }

    #[test]
    fn a_swapped_word_in_a_partial_quote_keeps_the_sentence() {
        let whole =
            "Understand that this dam is one of the measures in our rulebook that we will apply.";
        assert!(kept_in_order(whole, "one of the measures in our playbook.") >= 0.6);
        assert!(
            kept_in_order(
                "If you build here, this is a risk you could face.",
                "If you stay, you lose everything"
            ) < 0.6
        );
    }

    fn variant(text: &str) -> QuoteVariant {
        QuoteVariant {
            text: text.into(),
            diff: Vec::new(),
            mentions: Vec::new(),
            origins: Vec::new(),
            language: None,
        }
    }

    #[test]
    fn a_changed_clause_conflicts_but_two_remarks_do_not() {
        // One sentence frame, its condition changed: a conflict, with the
        // changed words shown.
        let (v, note) = quote_verdict(
            &[
                variant("If you cross the dam at night, this is a fine you could pay."),
                variant("If you steal a boat, this is a fine you may pay,"),
            ],
            2,
            2,
        );
        assert_eq!(v, Verdict::Conflict);
        assert!(note.is_some_and(|n| n.contains("steal")));
        // Two different remarks that a shared phrase joined: not set
        // against each other.
        let (v, _) = quote_verdict(
            &[
                variant("A protest is one thing and arson is quite another!"),
                variant("Nobody has the right to arson, least of all in a protest."),
            ],
            2,
            2,
        );
        assert_ne!(v, Verdict::Conflict);
        // Fragments sharing one word are two phrases.
        let (v, _) = quote_verdict(
            &[variant("harbour wives."), variant("harbour marriages.")],
            2,
            2,
        );
        assert_ne!(v, Verdict::Conflict);
    }

    /// An article in `lang` whose quotes (`(words, direct)`, all by
    /// `speaker`) are set as spans.
    fn quoting(lang: &str, text: &str, speaker: &str, quotes: &[(&str, bool)]) -> Article {
        use crosswire_model::{ArticleBuilder, BlockKind, QuoteSpan, Span};
        let mut b = ArticleBuilder::new(lang);
        b.push_block(BlockKind::Paragraph, text);
        b.language = Some(lang.into());
        let mut a = b.finish();
        for (words, direct) in quotes {
            let start = a.text.find(words).expect("fixture quote in text");
            let r = ByteRange::new(start, start + words.len());
            a.spans.push(Span {
                range: r,
                kind: SpanKind::Quote(QuoteSpan {
                    content: r,
                    speaker_mention: None,
                    speaker: Some(speaker.into()),
                    speaker_cluster: None,
                    cue: Some("said".into()),
                    direct: *direct,
                }),
            });
        }
        a
    }

    fn origins(of_article: Vec<usize>) -> Origins {
        Origins {
            clusters: Vec::new(),
            kinds: vec![None; of_article.len()],
            of_article,
        }
    }

    #[test]
    fn a_quote_and_its_translation_form_one_group_marked_translated() {
        let en = quoting(
            "en",
            "\"We will rebuild every house in Orvenna before the winter, all 1,200 of them,\" Ana Ruiz said. \"The river will not flood the town again.\"",
            "Ana Ruiz",
            &[
                ("We will rebuild every house in Orvenna before the winter, all 1,200 of them,", true),
                ("The river will not flood the town again.", true),
            ],
        );
        let es = quoting(
            "es",
            "«Reconstruiremos todas las casas de Orvenna antes del invierno, las 1.200», dijo Ana Ruiz. «Nadie volverá a perder su casa por una riada».",
            "Ana Ruiz",
            &[
                ("Reconstruiremos todas las casas de Orvenna antes del invierno, las 1.200", true),
                ("Nadie volverá a perder su casa por una riada", true),
            ],
        );
        let groups = quote_groups(&[en, es], &origins(vec![0, 1]));
        let rebuild = groups
            .iter()
            .find(|g| {
                g.variants
                    .iter()
                    .any(|v| v.text.contains("Reconstruiremos"))
            })
            .expect("a group for the remark");
        assert!(rebuild.translated, "{groups:#?}");
        assert_eq!(rebuild.variants.len(), 2);
        assert_ne!(rebuild.verdict, Verdict::Conflict);
        assert!(rebuild.variants.iter().all(|v| v.diff.is_empty()));
        // The other remark is not its neighbour's translation.
        let river = groups
            .iter()
            .find(|g| g.variants.iter().any(|v| v.text.contains("river")))
            .expect("a group for the river remark");
        assert_eq!(river.variants.len(), 1);
    }

    #[test]
    fn a_paraphrase_put_in_marks_by_one_outlet_is_flagged() {
        let words = "the dam had been inspected twice and no crack had been found in the wall";
        let quoted = quoting(
            "en",
            &format!("\"{words}\", the port authority said."),
            "port authority",
            &[(words, true)],
        );
        let reported = |t: &str| {
            quoting(
                "en",
                &format!("The port authority said {words}."),
                "port authority",
                &[(t, false)],
            )
        };
        let articles = [quoted, reported(words), reported(words)];
        let groups = quote_groups(&articles, &origins(vec![0, 1, 2]));
        assert!(groups.iter().any(|g| g.indirect_made_direct), "{groups:#?}");
        // One paraphrase against one quote says nothing of which came first.
        let groups = quote_groups(&articles[..2], &origins(vec![0, 1]));
        assert!(!groups.iter().any(|g| g.indirect_made_direct));
    }

    #[test]
    fn common_run() {
        let a = norm_words("the water came in very fast");
        let b = norm_words("Water came in very fast, she said");
        assert_eq!(longest_common_run(&a, &b), 5);
    }
}
