//! Quote groups: the same utterance across outlets, found by the words it
//! shares (not by exact wording) and a compatible speaker, with each
//! wording diffed word by word against the most-carried one.

use crate::context::{sentence_of, stem, words_with_offsets};
use crate::names::{fold, same_person};
use crosswire_link::Origins;
use crosswire_model::dossier::{Mention, QuoteGroup, QuoteVariant, Verdict, WordDiff};
use crosswire_model::{Article, ByteRange, SpanKind};
use std::collections::{BTreeSet, HashSet};

struct Q {
    article: usize,
    content: ByteRange,
    sentence: ByteRange,
    text: String,
    speaker: Option<String>,
    stems: HashSet<String>,
    words: Vec<String>,
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

fn same_utterance(a: &Q, b: &Q) -> bool {
    if let (Some(x), Some(y)) = (&a.speaker, &b.speaker) {
        if !same_person(x, y) {
            return false;
        }
    }
    // Short fragments ("kidnapped") match only a quote that contains them.
    let run = longest_common_run(&a.words, &b.words);
    let shorter = a.words.len().min(b.words.len());
    if shorter > 0 && shorter <= 3 && run == shorter {
        return a.speaker.is_some() && b.speaker.is_some();
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
    let mut qs = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        for s in &a.spans {
            let SpanKind::Quote(q) = &s.kind else {
                continue;
            };
            if !q.direct {
                continue;
            }
            let text = a.slice(q.content).trim().to_string();
            if text.is_empty() {
                continue;
            }
            qs.push(Q {
                article: ai,
                content: q.content,
                sentence: sentence_of(a, q.content),
                stems: words_with_offsets(&text)
                    .into_iter()
                    .filter_map(|(_, w)| stem(w))
                    .collect(),
                words: norm_words(&text),
                text,
                speaker: q.speaker.clone(),
            });
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
    for i in 0..qs.len() {
        for j in i + 1..qs.len() {
            if same_utterance(&qs[i], &qs[j]) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                if a == b {
                    continue;
                }
                let compatible = speakers[a]
                    .iter()
                    .all(|x| speakers[b].iter().all(|y| same_person(x, y)));
                if compatible {
                    let (keep, gone) = (a.min(b), a.max(b));
                    parent[gone] = keep;
                    let moved = std::mem::take(&mut speakers[gone]);
                    speakers[keep].extend(moved);
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut root_index = std::collections::HashMap::new();
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
        .map(|g| build_group(&g.iter().map(|&i| &qs[i]).collect::<Vec<_>>(), origins))
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
        match variants.iter_mut().find(|(w, _)| *w == q.words) {
            Some((_, v)) => {
                v.mentions.push(mention);
                if let Some(o) = origin {
                    if !v.origins.contains(&o) {
                        v.origins.push(o);
                    }
                }
            }
            None => variants.push((
                q.words.clone(),
                QuoteVariant {
                    text: q.text.clone(),
                    diff: Vec::new(),
                    mentions: vec![mention],
                    origins: origin.into_iter().collect(),
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
    if let Some(reference) = variants.first().map(|v| v.text.clone()) {
        for v in variants.iter_mut().skip(1) {
            v.diff = diff_words(&reference, &v.text);
        }
    }
    let mut speakers: Vec<(&str, usize)> = Vec::new();
    for q in members {
        if let Some(s) = q.speaker.as_deref() {
            match speakers.iter_mut().find(|(x, _)| same_person(x, s)) {
                Some((x, n)) => {
                    *n += 1;
                    if s.len() > x.len() {
                        *x = s;
                    }
                }
                None => speakers.push((s, 1)),
            }
        }
    }
    speakers.sort_by_key(|s| std::cmp::Reverse(s.1));
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
    let (verdict, note) = quote_verdict(&variants, articles);
    QuoteGroup {
        speaker: speakers.first().map(|(s, _)| s.to_string()),
        wording_differs: variants.len() > 1,
        variants,
        origin_count,
        verdict,
        note,
    }
}

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

/// How far the renderings of one utterance agree across the articles that
/// carry it. (Whether those articles are independent is told apart by the
/// group's origin count: a quote is judged on its wording.) Wordings that
/// are all part of the longest one agree; a partial quote or a light edit
/// keeps most of the shorter wording's content words and is compatible; a
/// rendering that keeps under 60% of them puts other words in the
/// speaker's mouth.
fn quote_verdict(variants: &[QuoteVariant], articles: usize) -> (Verdict, Option<String>) {
    if articles <= 1 {
        return (Verdict::SingleSource, None);
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
            let share = kept_share(&variants[i].text, &variants[j].text);
            if worst.is_none_or(|(w, _, _)| share < w) {
                worst = Some((share, i, j));
            }
        }
    }
    match worst {
        Some((share, i, j)) if share < 0.6 => (
            Verdict::Conflict,
            Some(format!(
                "renderings differ materially: “{}” vs “{}”",
                variants[i].text, variants[j].text
            )),
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
    fn common_run() {
        let a = norm_words("the water came in very fast");
        let b = norm_words("Water came in very fast, she said");
        assert_eq!(longest_common_run(&a, &b), 5);
    }
}
