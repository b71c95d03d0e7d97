//! What the link stage compares: word shingles (for copies), sentence word
//! sets (for rewrites), a MinHash signature (for finding candidates among
//! many articles), and agency credits.

use crate::credits::{find_credits, Credit};
use crosswire_model::{Article, SpanKind};
use gaoya::minhash::{MinHasher, MinHasher32};
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

/// Words per shingle. Five words is long enough that two independent
/// reports rarely share a shingle beyond names and set phrases, short
/// enough that light edits leave most shingles intact.
pub const SHINGLE: usize = 5;

/// Hashes in a MinHash signature.
pub const NUM_HASHES: usize = 128;

/// Everything the link stage needs from one article.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    /// Sorted, deduplicated hashes of the body's word shingles.
    pub shingles: Vec<u64>,
    /// Per body sentence, the sorted hashes of its content words (four
    /// letters or more, a language-neutral stand-in for a stop list).
    pub sentences: Vec<Vec<u64>>,
    /// MinHash signature over the shingles.
    pub signature: Vec<u32>,
    /// Agency credits.
    pub credits: Vec<Credit>,
}

fn hash_str(s: &str) -> u64 {
    // DefaultHasher::new() uses fixed keys, so hashes are stable across runs.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// Lower-cased words of a text (letters and digits).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
}

/// Splits body text into sentences when the analyzer has not: at `.`, `!`
/// or `?` followed by white space, and at line breaks.
fn fallback_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end_here = match b {
            b'\n' => true,
            b'.' | b'!' | b'?' => bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()),
            _ => false,
        };
        if end_here {
            let s = text[start..=i].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = i + 1;
        }
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

impl Fingerprint {
    /// Fingerprints the body of an article (title, standfirst and captions
    /// are left out: headlines are rewritten even on verbatim copies).
    pub fn of(article: &Article, hasher: &MinHasher32<impl std::hash::BuildHasher>) -> Self {
        let body: Vec<&str> = article
            .blocks
            .iter()
            .filter(|b| b.kind.is_body())
            .map(|b| article.slice(b.span))
            .collect();
        let tokens: Vec<String> = body.iter().flat_map(|p| words(p)).collect();
        let mut shingles: Vec<u64> = if tokens.len() >= SHINGLE {
            tokens
                .windows(SHINGLE)
                .map(|w| hash_str(&w.join(" ")))
                .collect()
        } else if tokens.is_empty() {
            Vec::new()
        } else {
            vec![hash_str(&tokens.join(" "))]
        };
        shingles.sort_unstable();
        shingles.dedup();

        let analyzed: Vec<&str> = article
            .spans
            .iter()
            .filter(|s| matches!(s.kind, SpanKind::Sentence))
            .filter(|s| {
                article
                    .block_at(s.range.start as usize)
                    .is_some_and(|b| b.kind.is_body())
            })
            .map(|s| article.slice(s.range))
            .collect();
        let sentence_texts = if analyzed.is_empty() {
            body.iter().flat_map(|p| fallback_sentences(p)).collect()
        } else {
            analyzed
        };
        let sentences = sentence_texts
            .iter()
            .map(|s| {
                let mut set: Vec<u64> = words(s)
                    .filter(|w| w.chars().count() >= 4)
                    .map(|w| hash_str(&w))
                    .collect();
                set.sort_unstable();
                set.dedup();
                set
            })
            .filter(|s| s.len() >= 4)
            .collect();
        let signature = if shingles.is_empty() {
            vec![u32::MAX; NUM_HASHES]
        } else {
            hasher.create_signature(shingles.iter())
        };
        Fingerprint {
            shingles,
            sentences,
            signature,
            credits: find_credits(article),
        }
    }

    /// Agencies credited as the source of the copy (not mere citations).
    pub fn wire_agencies(&self) -> HashSet<&str> {
        self.credits
            .iter()
            .filter(|c| c.is_wire())
            .map(|c| c.agency.as_str())
            .collect()
    }
}

/// Size of the intersection of two sorted, deduplicated slices.
pub fn intersection(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Share of the smaller set found in the larger: 1.0 when one text holds
/// the other whole, as a trimmed republication does.
pub fn containment(a: &[u64], b: &[u64]) -> f32 {
    let small = a.len().min(b.len());
    if small == 0 {
        return 0.0;
    }
    intersection(a, b) as f32 / small as f32
}

/// Sentences of the article with fewer sentences that have a close match
/// (word-set Jaccard ≥ `min_jaccard`) in the other: the signature of a
/// rewrite, which reorders and rewords but keeps sentences.
pub fn aligned_sentences(a: &[Vec<u64>], b: &[Vec<u64>], min_jaccard: f32) -> (usize, usize) {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // Word -> sentences of the longer article holding it, so each sentence
    // is compared only with those it shares words with, and the shared
    // count comes for free.
    let mut postings: std::collections::HashMap<u64, Vec<u32>> = std::collections::HashMap::new();
    for (i, t) in long.iter().enumerate() {
        for &w in t {
            postings.entry(w).or_default().push(i as u32);
        }
    }
    let mut counts = vec![0u32; long.len()];
    let mut touched = Vec::new();
    let mut aligned = 0;
    for s in short {
        for w in s {
            for &i in postings.get(w).map(Vec::as_slice).unwrap_or(&[]) {
                if counts[i as usize] == 0 {
                    touched.push(i);
                }
                counts[i as usize] += 1;
            }
        }
        let hit = touched.iter().any(|&i| {
            let inter = counts[i as usize] as usize;
            let union = s.len() + long[i as usize].len() - inter;
            union > 0 && inter as f32 / union as f32 >= min_jaccard
        });
        for &i in &touched {
            counts[i as usize] = 0;
        }
        touched.clear();
        if hit {
            aligned += 1;
        }
    }
    (aligned, short.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_and_intersection() {
        assert_eq!(intersection(&[1, 3, 5, 7], &[3, 4, 5]), 2);
        assert!((containment(&[1, 2], &[1, 2, 3, 4]) - 1.0).abs() < 1e-6);
        assert_eq!(containment(&[], &[1]), 0.0);
    }

    #[test]
    fn aligned_sentences_counts_close_matches() {
        let a = vec![vec![1, 2, 3, 4], vec![5, 6, 7, 8], vec![9, 10, 11, 12]];
        let b = vec![vec![1, 2, 3, 40], vec![50, 60, 70, 80]];
        // Only b's first sentence aligns (3 of 5 words shared with a's first).
        assert_eq!(aligned_sentences(&a, &b, 0.5), (1, 2));
        assert_eq!(aligned_sentences(&a, &b, 0.7), (0, 2));
        assert_eq!(aligned_sentences(&[], &b, 0.5), (0, 0));
    }

    #[test]
    fn sentences_split_without_analysis() {
        assert_eq!(
            fallback_sentences("One two. Three 3.5 four!\nFive"),
            vec!["One two.", "Three 3.5 four!", "Five"]
        );
    }
}
