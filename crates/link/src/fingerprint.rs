//! What the link stage compares: word shingles (for copies), sentence word
//! sets (for rewrites), a MinHash signature (for finding candidates among
//! many articles), and agency credits.

use crate::credits::{find_credits, Credit};
use crosswire_model::{Article, SpanKind};
use gaoya::minhash::{MinHasher, MinHasher32};

/// Combines word hashes into one shingle hash (FNV-1a over the words'
/// hashes): no string is built per shingle.
fn combine(words: &[u64]) -> u64 {
    words.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &w| {
        (h ^ w).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
use rustc_hash::FxHashSet as HashSet;
use std::hash::Hasher;

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
    /// Sorted, deduplicated hashes of the shingles of the body without its
    /// direct quotations (see `own_sentences`).
    pub own_shingles: Vec<u64>,
    /// The same sentences without their words in direct quotation (a
    /// sentence that is mostly quotation is left out): what an outlet
    /// wrote itself. Two outlets quoting one speech share the quotation,
    /// not a story.
    pub own_sentences: Vec<Vec<u64>>,
    /// Agency credits.
    pub credits: Vec<Credit>,
    /// Language-independent anchors of the body, in text order: numbers
    /// of two digits or more and capitalised words inside sentences, as
    /// hashes of their lower-cased form. A translation keeps most of them,
    /// in much the same order, while sharing few words.
    pub anchors: Vec<u64>,
    /// The anchors of each body sentence that has any, sorted and
    /// deduplicated, in sentence order: a translation renders sentence
    /// by sentence, so its sentences' anchors pair off in order.
    pub anchor_sentences: Vec<Vec<u64>>,
    /// The capitalised words among the anchors, in text order: the names a
    /// rewrite keeps. Numbers are left out: two reports built on one
    /// template share small numbers by chance.
    pub names: Vec<u64>,
}

/// Hashes of the lower-cased words (letters and digits) of a text, with
/// their length in characters. Fingerprints are compared within one run
/// and never stored, so the hash only has to be fast and deterministic:
/// FxHash over the lower-cased bytes, lower-casing ASCII words in place
/// (most words) instead of allocating a string for each. Fingerprinting
/// was a seventh of a dossier refresh with a `String` and SipHash a word.
fn word_hashes(text: &str) -> impl Iterator<Item = (u64, usize)> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h = rustc_hash::FxHasher::default();
            if w.is_ascii() {
                let mut buf = [0u8; 32];
                for chunk in w.as_bytes().chunks(buf.len()) {
                    let part = &mut buf[..chunk.len()];
                    part.copy_from_slice(chunk);
                    part.make_ascii_lowercase();
                    h.write(part);
                }
                h.write_u8(0xff);
                (h.finish(), w.len())
            } else {
                let lower = w.to_lowercase();
                h.write(lower.as_bytes());
                h.write_u8(0xff);
                (h.finish(), lower.chars().count())
            }
        })
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

/// Sorted, deduplicated shingle hashes of a token sequence (one shingle
/// of all of them when there are fewer than [`SHINGLE`]).
fn shingles_of(tokens: &[u64]) -> Vec<u64> {
    let mut shingles: Vec<u64> = if tokens.len() >= SHINGLE {
        tokens.windows(SHINGLE).map(combine).collect()
    } else if tokens.is_empty() {
        Vec::new()
    } else {
        vec![combine(tokens)]
    };
    shingles.sort_unstable();
    shingles.dedup();
    shingles
}

/// The sorted hashes of a sentence's content words (four letters or
/// more), when it has at least four.
fn word_set(sentence: &str) -> Option<Vec<u64>> {
    let mut set: Vec<u64> = word_hashes(sentence)
        .filter(|&(_, chars)| chars >= 4)
        .map(|(h, _)| h)
        .collect();
    set.sort_unstable();
    set.dedup();
    (set.len() >= 4).then_some(set)
}

/// The text of a sentence (`range` in `text`) without its quoted parts
/// (`quoted`: sorted content ranges), the parts joined by a space.
fn unquoted(text: &str, range: (usize, usize), quoted: &[(usize, usize)]) -> String {
    let mut out = String::new();
    let mut at = range.0;
    for &(qs, qe) in quoted {
        if qe <= at || qs >= range.1 {
            continue;
        }
        if qs > at {
            out.push_str(text.get(at..qs).unwrap_or(""));
            out.push(' ');
        }
        at = at.max(qe);
    }
    if at < range.1 {
        out.push_str(text.get(at..range.1).unwrap_or(""));
    }
    out
}

/// The anchors of one sentence (see [`Fingerprint::anchors`]), each with
/// whether it is a name. A number is its digits only, split at any
/// separator, so "20.1", "20,1" and "20 . 1" read alike whatever the
/// language's decimal mark; single digits and runs of zeros ("000" of
/// "40.000") are too common to tell stories apart. The sentence's first
/// word is capitalised in every language, so it does not count, nor do
/// month and weekday names (every report of one day has them).
fn sentence_anchors(sentence: &str) -> Vec<(u64, bool)> {
    let mut out = Vec::new();
    for (i, w) in sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        let digits = w.bytes().all(|c| c.is_ascii_digit());
        let keep = if digits {
            w.len() >= 2 && w.bytes().any(|c| c != b'0')
        } else {
            i > 0
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().count() >= 3
                && !crosswire_lang::is_calendar_word(w)
        };
        if keep {
            if let Some((h, _)) = word_hashes(w).next() {
                out.push((h, !digits));
            }
        }
    }
    out
}

impl Fingerprint {
    /// Fingerprints the body of an article (title, standfirst and captions
    /// are left out: headlines are rewritten even on verbatim copies).
    pub fn of(article: &Article) -> Self {
        let body: Vec<&str> = article
            .blocks
            .iter()
            .filter(|b| b.kind.is_body())
            .map(|b| article.slice(b.span))
            .collect();
        let tokens: Vec<u64> = body
            .iter()
            .flat_map(|p| word_hashes(p))
            .map(|(h, _)| h)
            .collect();
        let shingles = shingles_of(&tokens);

        let body_sentences: Vec<crosswire_model::ByteRange> = article
            .spans
            .iter()
            .filter(|s| matches!(s.kind, SpanKind::Sentence))
            .filter(|s| {
                article
                    .block_at(s.range.start as usize)
                    .is_some_and(|b| b.kind.is_body())
            })
            .map(|s| s.range)
            .collect();
        // Words someone is quoted as saying are left out of the own
        // sentences: two outlets quoting one speech share those words
        // without sharing a story; only their own sentences say they are
        // one. So is a quotation set inside the outlet's own sentence ("the
        // reporter saw \"a crater...\""). A quotation nobody is said to
        // speak that opens its sentence (a blog quoting an article's
        // paragraphs) is copied text, and stays.
        let opens_sentence = |at: usize| {
            body_sentences
                .iter()
                .find(|r| (r.start as usize) <= at && at < r.end as usize)
                .and_then(|r| article.text.get(r.start as usize..at))
                .is_none_or(|before| {
                    before
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .count()
                        < 2
                })
        };
        let mut quoted: Vec<(usize, usize)> = article
            .spans
            .iter()
            .filter_map(|s| match &s.kind {
                SpanKind::Quote(q)
                    if q.direct
                        && (q.speaker_mention.is_some()
                            || q.cue.is_some()
                            || !opens_sentence(q.content.start as usize)) =>
                {
                    Some((q.content.start as usize, q.content.end as usize))
                }
                _ => None,
            })
            .collect();
        quoted.sort_unstable();
        let sentence_texts: Vec<&str> = if body_sentences.is_empty() {
            body.iter().flat_map(|p| fallback_sentences(p)).collect()
        } else {
            body_sentences
                .iter()
                .filter_map(|r| article.text.get(r.start as usize..r.end as usize))
                .collect()
        };
        // Per sentence, its word set and its own word set (without what is
        // quoted): the same set unless a quotation overlaps the sentence,
        // and then the sentence is read again without it.
        let mut sentences: Vec<Vec<u64>> = Vec::with_capacity(sentence_texts.len());
        let mut own_sentences: Vec<Vec<u64>> = Vec::with_capacity(sentence_texts.len());
        let mut own_texts: Vec<Option<String>> = Vec::new();
        for (k, text) in sentence_texts.iter().enumerate() {
            let full = word_set(text);
            let range = body_sentences
                .get(k)
                .map(|r| (r.start as usize, r.end as usize))
                .filter(|&(st, en)| quoted.iter().any(|&(qs, qe)| qs < en && qe > st));
            match range {
                Some(r) => {
                    let own = unquoted(&article.text, r, &quoted);
                    own_sentences.extend(word_set(&own));
                    own_texts.push(Some(own));
                }
                None => {
                    own_sentences.extend(full.clone());
                    own_texts.push(None);
                }
            }
            sentences.extend(full);
        }
        // Without quotations (or without analysis) the own wording is all of
        // it; with them, the shingles of the sentences as read without.
        let own_shingles = if body_sentences.is_empty() || quoted.is_empty() {
            shingles.clone()
        } else {
            let own_tokens: Vec<u64> = sentence_texts
                .iter()
                .zip(&own_texts)
                .flat_map(|(full, own)| word_hashes(own.as_deref().unwrap_or(full)).map(|(h, _)| h))
                .collect();
            shingles_of(&own_tokens)
        };
        let per_sentence: Vec<Vec<(u64, bool)>> = sentence_texts
            .iter()
            .copied()
            .map(sentence_anchors)
            .filter(|a| !a.is_empty())
            .collect();
        let anchors = per_sentence.iter().flatten().map(|&(h, _)| h).collect();
        let names = per_sentence
            .iter()
            .flatten()
            .filter(|&&(_, name)| name)
            .map(|&(h, _)| h)
            .collect();
        let anchor_sentences = per_sentence
            .into_iter()
            .map(|a| {
                let mut a: Vec<u64> = a.into_iter().map(|(h, _)| h).collect();
                a.sort_unstable();
                a.dedup();
                a
            })
            .collect();
        Fingerprint {
            shingles,
            own_shingles,
            sentences,
            own_sentences,
            credits: find_credits(article),
            anchors,
            anchor_sentences,
            names,
        }
    }

    /// MinHash signature over the shingles, for finding candidates among
    /// many articles (computed on demand: a small set compares every pair).
    pub fn signature(&self, hasher: &MinHasher32<impl std::hash::BuildHasher>) -> Vec<u32> {
        if self.shingles.is_empty() {
            vec![u32::MAX; NUM_HASHES]
        } else {
            hasher.create_signature(self.shingles.iter())
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
    let mut postings: rustc_hash::FxHashMap<u64, Vec<u32>> = rustc_hash::FxHashMap::default();
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

/// A sentence whose word set (or a close match of it) occurs in more
/// articles than this is shared text (a boilerplate line, a widely carried
/// wire sentence), not evidence that two particular articles are rewrites
/// of each other; it is left out of the join. Copies are still found by
/// their shingles. Sets of up to this many articles are joined exactly.
pub const MAX_SHARED_ARTICLES: usize = 64;

/// Sentences indexed under one prefix word, at most: a word in more
/// sentences than this is too common to narrow anything down, and probing
/// its list is what made the join quadratic. Far above what one event's
/// articles hold, so small sets are joined exactly.
const MAX_POSTINGS: usize = 4096;

/// Article pairs the join reports, at most: a bound on its memory whatever
/// the input (past it, only pairs already seen are counted further).
const MAX_PAIRS: usize = 2_000_000;

/// [`aligned_sentences`] for every pair of articles at once, as a
/// set-similarity join: `docs[i]` are article `i`'s sentence word sets.
/// Returns, for each pair `(i, j)` with `i < j` that has at least one
/// aligned sentence, what `aligned_sentences(docs[i], docs[j], ..)` would.
///
/// Comparing every pair costs O(n²) sentence comparisons, which a large
/// event in corpus mode cannot afford. Prefix filtering (Chaudhuri et al.
/// 2006; Bayardo et al. 2007, "All-Pairs") finds the same pairs: order
/// each set's words rarest first; two sets with Jaccard ≥ t must share a
/// word among the first `|x| − ⌈t·|x|⌉ + 1` of each, so only those
/// prefixes are indexed. No crate offers an exact join over our own
/// hashed word sets, hence this one.
///
/// Repeated text costs nothing extra: identical sentences (within an
/// article or across articles) are joined once, as one distinct set with
/// its occurrences. What would still grow quadratically is bounded: a
/// set shared by more than [`MAX_SHARED_ARTICLES`] articles is left out,
/// a prefix word's list is capped, and so is the number of pairs. Up to
/// [`MAX_SHARED_ARTICLES`] articles, the result is exact.
///
/// ```
/// use crosswire_link::fingerprint::{aligned_pairs, aligned_sentences};
/// let a = vec![vec![1, 2, 3, 4], vec![5, 6, 7, 8]];
/// let b = vec![vec![1, 2, 3, 9], vec![10, 11, 12, 13]];
/// let c = vec![vec![20, 21, 22, 23]];
/// let pairs = aligned_pairs(&[&a, &b, &c], 0.5);
/// assert_eq!(pairs.get(&(0, 1)), Some(&aligned_sentences(&a, &b, 0.5)));
/// assert_eq!(pairs.get(&(0, 2)), None);
/// ```
pub fn aligned_pairs(
    docs: &[&[Vec<u64>]],
    min_jaccard: f32,
) -> rustc_hash::FxHashMap<(usize, usize), (usize, usize)> {
    use rustc_hash::FxHashMap as HashMap;
    let t = if min_jaccard.is_nan() {
        0.0
    } else {
        min_jaccard.clamp(0.0, 1.0)
    };
    // Distinct word sets, each with the articles it occurs in and how
    // often: (article, occurrences), sorted by article.
    let mut ids: HashMap<&[u64], u32> = HashMap::default();
    let mut sets: Vec<&[u64]> = Vec::new();
    let mut occurs: Vec<Vec<(u32, u32)>> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for s in doc.iter() {
            if s.is_empty() {
                continue;
            }
            let id = *ids.entry(s.as_slice()).or_insert_with(|| {
                sets.push(s.as_slice());
                occurs.push(Vec::new());
                (sets.len() - 1) as u32
            });
            let occ = &mut occurs[id as usize];
            match occ.last_mut() {
                Some((last, n)) if *last == d as u32 => *n += 1,
                _ => occ.push((d as u32, 1)),
            }
        }
    }
    drop(ids);
    let mut freq: HashMap<u64, u32> = HashMap::default();
    for s in &sets {
        for &w in *s {
            *freq.entry(w).or_insert(0) += 1;
        }
    }
    let prefixes: Vec<Vec<u64>> = sets
        .iter()
        .map(|s| {
            let mut order = s.to_vec();
            order.sort_unstable_by_key(|w| (freq.get(w).copied().unwrap_or(0), *w));
            // floor rather than ceil: a longer prefix is always safe, and
            // it absorbs float rounding at the boundary.
            let keep = ((t * s.len() as f32).floor() as usize).min(s.len());
            order.truncate((s.len() - keep + 1).min(s.len()));
            order
        })
        .collect();
    drop(freq);
    // Each distinct set's matches among the others (both directions).
    let mut matches: Vec<Vec<u32>> = vec![Vec::new(); sets.len()];
    let mut index: HashMap<u64, Vec<u32>> = HashMap::default();
    let mut mark = vec![u32::MAX; sets.len()];
    for (x, prefix) in prefixes.iter().enumerate() {
        let wx = sets[x];
        for w in prefix {
            let Some(list) = index.get(w) else { continue };
            for &y in list {
                let yi = y as usize;
                if mark[yi] == x as u32 {
                    continue;
                }
                mark[yi] = x as u32;
                let wy = sets[yi];
                let (lo, hi) = (wx.len().min(wy.len()), wx.len().max(wy.len()));
                if (lo as f32) < t * hi as f32 - 1e-6 {
                    continue;
                }
                let inter = intersection(wx, wy);
                let union = wx.len() + wy.len() - inter;
                if inter == 0 || union == 0 || (inter as f32 / union as f32) < t {
                    continue;
                }
                matches[x].push(y);
                matches[yi].push(x as u32);
            }
        }
        for &w in prefix {
            let list = index.entry(w).or_default();
            if list.len() < MAX_POSTINGS {
                list.push(x as u32);
            }
        }
    }
    drop(index);
    // Per pair of articles, the aligned sentence occurrences on each side.
    let mut counts: HashMap<(usize, usize), [usize; 2]> = HashMap::default();
    let mut partners: Vec<u32> = Vec::new();
    let mut seen_doc = vec![u32::MAX; docs.len()];
    'sets: for x in 0..sets.len() {
        // Articles holding X or a close match of it, given up on as soon
        // as there are too many.
        partners.clear();
        let ys = std::iter::once(x as u32).chain(matches[x].iter().copied());
        for y in ys {
            for &(d, _) in &occurs[y as usize] {
                if seen_doc[d as usize] != x as u32 {
                    seen_doc[d as usize] = x as u32;
                    partners.push(d);
                    if partners.len() > MAX_SHARED_ARTICLES {
                        continue 'sets;
                    }
                }
            }
        }
        for &(a, n) in &occurs[x] {
            for &b in &partners {
                if a == b {
                    continue;
                }
                let (key, side) = if a < b {
                    ((a as usize, b as usize), 0)
                } else {
                    ((b as usize, a as usize), 1)
                };
                if counts.len() >= MAX_PAIRS && !counts.contains_key(&key) {
                    continue;
                }
                counts.entry(key).or_insert([0, 0])[side] += n as usize;
            }
        }
    }
    counts
        .into_iter()
        .map(|((a, b), [in_a, in_b])| {
            let (la, lb) = (docs[a].len(), docs[b].len());
            // The shorter article's sentences are counted, as in
            // `aligned_sentences` (ties count the first).
            let v = if la <= lb { (in_a, la) } else { (in_b, lb) };
            ((a, b), v)
        })
        .collect()
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

    /// The join must agree with the pairwise count on every pair, for any
    /// threshold: random documents over a small vocabulary give many
    /// near-matches, boundary cases included.
    #[test]
    fn the_join_agrees_with_pairwise_alignment() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for round in 0..40 {
            let docs: Vec<Vec<Vec<u64>>> = (0..2 + next(12))
                .map(|_| {
                    (0..next(8))
                        .map(|_| {
                            let mut s: Vec<u64> = (0..1 + next(9)).map(|_| next(30)).collect();
                            s.sort_unstable();
                            s.dedup();
                            s
                        })
                        .collect()
                })
                .collect();
            let refs: Vec<&[Vec<u64>]> = docs.iter().map(Vec::as_slice).collect();
            for t in [0.3f32, 0.5, 0.6, 2.0 / 3.0, 1.0] {
                let join = aligned_pairs(&refs, t);
                for i in 0..docs.len() {
                    for j in i + 1..docs.len() {
                        let want = aligned_sentences(&docs[i], &docs[j], t);
                        let got = join.get(&(i, j)).copied().unwrap_or((0, want.1));
                        assert_eq!(got, want, "round {round}, t {t}, pair {i} {j}");
                    }
                }
            }
        }
    }

    #[test]
    fn sentences_split_without_analysis() {
        assert_eq!(
            fallback_sentences("One two. Three 3.5 four!\nFive"),
            vec!["One two.", "Three 3.5 four!", "Five"]
        );
    }
}

#[cfg(test)]
mod repeat_tests {
    use super::*;

    /// Repro 6: ten thousand copies of one sentence, in one article or
    /// shared by two, are joined as one distinct sentence, and every copy
    /// still counts as aligned.
    #[test]
    fn repeated_sentences_are_joined_once() {
        let s = vec![1u64, 2, 3, 4, 5];
        let a: Vec<Vec<u64>> = vec![s.clone(); 10_000];
        let mut b: Vec<Vec<u64>> = vec![s.clone(); 10_000];
        b.push(vec![7, 8, 9, 10]);
        let alone = aligned_pairs(&[&a], 0.5);
        assert!(alone.is_empty());
        let pairs = aligned_pairs(&[&a, &b], 0.5);
        assert_eq!(pairs.get(&(0, 1)), Some(&(10_000, 10_000)));
        assert_eq!(aligned_sentences(&a, &b, 0.5), (10_000, 10_000));
    }

    /// Repro 6: a sentence carried by more articles than
    /// `MAX_SHARED_ARTICLES` is shared text, not evidence; the join does
    /// not make a pair of every two of them.
    #[test]
    fn widely_shared_sentences_make_no_pairs() {
        let shared = vec![1u64, 2, 3, 4];
        let docs: Vec<Vec<Vec<u64>>> = (0..MAX_SHARED_ARTICLES as u64 + 10)
            .map(|i| vec![shared.clone(), vec![100 + i, 200 + i, 300 + i, 400 + i]])
            .collect();
        let refs: Vec<&[Vec<u64>]> = docs.iter().map(Vec::as_slice).collect();
        assert!(aligned_pairs(&refs, 0.5).is_empty());
        let few: Vec<&[Vec<u64>]> = refs[..3].to_vec();
        assert_eq!(aligned_pairs(&few, 0.5).len(), 3);
    }
}
