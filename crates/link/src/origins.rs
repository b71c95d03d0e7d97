//! Origin clusters: articles that are copies or rewrites of one another, or
//! that carry the same agency's copy, share an origin. Corroboration counts
//! origins, never articles.

use crate::fingerprint::{aligned_pairs, containment, Fingerprint, NUM_HASHES};
use crosswire_model::dossier::OriginKind;
use crosswire_model::Article;
use gaoya::minhash::{MinHashIndex, MinHasher32};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Thresholds of the origin decision.
#[derive(Debug, Clone)]
pub struct OriginOptions {
    /// Shingle containment at or above which one text copies the other.
    pub copy_containment: f32,
    /// Word-set Jaccard at or above which two sentences align.
    pub sentence_jaccard: f32,
    /// Share of the shorter article's own sentences (outside quotation)
    /// that must align for a rewrite...
    pub rewrite_share: f32,
    /// ...and at least this many of them.
    pub rewrite_min_sentences: usize,
    /// A rewrite is also this many aligned own sentences...
    pub rewrite_pair_sentences: usize,
    /// ...together with at least this containment of own shingles (a
    /// condensed rewrite keeps a few sentences and some wording around
    /// them; two reports of one event share a sentence at most). A copy
    /// (`copy_containment`) needs this much own wording too.
    pub rewrite_pair_containment: f32,
    /// A condensed rewrite may keep a single sentence of the other (the
    /// lead) when this much of its own wording is shared: independent
    /// reports of one event share a tenth of their five-word runs at most.
    pub rewrite_condensed_containment: f32,
    /// A copy or rewrite shares at least this much of its names (Dice over
    /// the distinct capitalised words, see [`Fingerprint::names`]).
    pub rewrite_min_anchors: f32,
    /// Merge articles that credit the same agency as the source of their
    /// copy, when their texts also meet (see `wire_min_containment`).
    pub merge_same_wire: bool,
    /// A shared agency credit joins two articles only when at least this
    /// share of the shorter one's own shingles (outside quotation) is
    /// shared, or `rewrite_pair_sentences` of their own sentences align:
    /// one agency files many different stories (another
    /// desk, language or day), and a credit alone does not say which.
    pub wire_min_containment: f32,
    /// Two articles in different languages are one story translated when
    /// their anchors (numbers and names, see [`Fingerprint::anchors`])
    /// overlap at least this much (Dice: shared over the mean count)...
    pub translation_share: f32,
    /// ...and at least this many distinct anchors are shared...
    pub translation_min_anchors: usize,
    /// ...and at least this share of the shared anchors come in the same
    /// order (a translation keeps the order of the facts)...
    pub translation_order: f32,
    /// ...and at least this share of their sentences pair off in order by
    /// their anchors (see [`sentence_pairing`]): two independent reports
    /// of one event share its names and numbers, but not sentence by
    /// sentence.
    pub translation_sentences: f32,
}

impl Default for OriginOptions {
    fn default() -> Self {
        OriginOptions {
            copy_containment: 0.5,
            sentence_jaccard: 0.5,
            rewrite_share: 0.4,
            rewrite_min_sentences: 3,
            rewrite_pair_sentences: 2,
            rewrite_pair_containment: 0.05,
            rewrite_condensed_containment: 0.2,
            rewrite_min_anchors: 0.25,
            merge_same_wire: true,
            wire_min_containment: 0.05,
            translation_share: 0.4,
            translation_min_anchors: 5,
            translation_order: 0.6,
            translation_sentences: 0.7,
        }
    }
}

/// Why two articles share an origin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum LinkReason {
    /// One text contains most of the other word for word.
    Copy {
        /// Shingle containment, 0..1.
        containment: f32,
    },
    /// Many sentences align after rewording.
    Rewrite {
        /// Aligned sentences.
        aligned: usize,
        /// Sentences in the shorter article.
        of: usize,
    },
    /// The same story in two languages: names and numbers shared, in order.
    Translation {
        /// Distinct anchors shared.
        shared: usize,
        /// Distinct anchors of the article with fewer.
        of: usize,
    },
    /// Both credit the same agency as the source of their copy.
    SameWire {
        /// The agency.
        agency: String,
    },
}

/// A pair of articles (indexes into the input) and why they are linked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OriginLink {
    /// First article.
    pub a: usize,
    /// Second article.
    pub b: usize,
    /// The evidence.
    #[serde(flatten)]
    pub reason: LinkReason,
}

/// Articles that share one origin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OriginCluster {
    /// Indexes of the member articles, ascending.
    pub members: Vec<usize>,
    /// The agency whose copy this is, when credited.
    pub agency: Option<String>,
    /// A name for the origin: the agency, else the first member's outlet or source.
    pub label: String,
    /// The links that joined the members.
    pub links: Vec<OriginLink>,
}

/// The origin clusters of a set of articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Origins {
    /// The clusters, ordered by their first member.
    pub clusters: Vec<OriginCluster>,
    /// For each input article, the index of its cluster.
    pub of_article: Vec<usize>,
    /// For each input article, how it relates to its cluster's story
    /// (`None` for an article alone in its cluster).
    pub kinds: Vec<Option<OriginKind>>,
}

impl Origins {
    /// Number of independent origins among some articles.
    pub fn count_origins(&self, articles: impl IntoIterator<Item = usize>) -> usize {
        articles
            .into_iter()
            .filter_map(|a| self.of_article.get(a))
            .collect::<BTreeSet<_>>()
            .len()
    }
}

/// A minimal union-find; small enough not to warrant a dependency.
struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Groups articles into origin clusters.
///
/// ```
/// use crosswire_link::find_origins;
/// use crosswire_model::{ArticleBuilder, BlockKind};
///
/// let story = "The river burst its banks on Monday night, flooding two hundred homes \
///              in the lower town. Rescue teams worked through the night to reach \
///              families trapped on upper floors, the fire service said.";
/// let make = |src: &str, text: &str| {
///     let mut b = ArticleBuilder::new(src);
///     b.push_block(BlockKind::Paragraph, text);
///     b.finish()
/// };
/// let articles = vec![
///     make("a", story),
///     make("b", &format!("{story} More rain is expected.")),
///     make("c", "Parliament passed the budget after a long debate on taxes and spending."),
/// ];
/// let origins = find_origins(&articles, &Default::default());
/// assert_eq!(origins.of_article[0], origins.of_article[1]);
/// assert_ne!(origins.of_article[0], origins.of_article[2]);
/// assert_eq!(origins.count_origins(0..3), 2);
/// ```
pub fn find_origins(articles: &[Article], opts: &OriginOptions) -> Origins {
    let prints: Vec<Fingerprint> = articles.iter().map(Fingerprint::of).collect();
    let languages: Vec<Option<&str>> = articles.iter().map(|a| a.language.as_deref()).collect();
    let links = link_pairs(&prints, &languages, opts);
    cluster(articles, &prints, &languages, links)
}

/// Up to this many articles every pair is compared (what `check` sees);
/// above it, pairs come from the sentence join, a MinHash LSH index and
/// shared wire credits, and only links that join two clusters are kept,
/// so a large event in corpus mode stays near-linear.
const ALL_PAIRS_UP_TO: usize = 40;

/// Candidates one article takes from the MinHash index, at most (see
/// `candidate_pairs`).
const MAX_LSH_CANDIDATES: usize = 64;

/// Candidate pairs: every pair for a small set; otherwise those with an
/// aligned sentence (rewrites, and copies, which align all of theirs),
/// those the LSH index finds (copies with too few sentences), and
/// consecutive articles crediting one agency (a chain joins them all).
fn candidate_pairs(
    prints: &[Fingerprint],
    languages: &[Option<&str>],
    aligned: &HashMap<(usize, usize), (usize, usize)>,
    wires: &[BTreeSet<&str>],
    duplicate: &[bool],
    min_anchors: usize,
) -> BTreeSet<(usize, usize)> {
    let mut pairs = BTreeSet::new();
    if prints.len() <= ALL_PAIRS_UP_TO {
        for i in 0..prints.len() {
            for j in i + 1..prints.len() {
                pairs.insert((i, j));
            }
        }
        return pairs;
    }
    pairs.extend(aligned.keys().copied());
    let hasher = MinHasher32::new(NUM_HASHES);
    // Exact copies are already linked (see `link_pairs`): only the first
    // of each goes into the index.
    let signatures: Vec<Option<Vec<u32>>> = prints
        .iter()
        .zip(duplicate)
        .map(|(p, &dup)| (!p.shingles.is_empty() && !dup).then(|| p.signature(&hasher)))
        .collect();
    let mut index: MinHashIndex<u32, usize> = MinHashIndex::new(32, 4, 0.3);
    for (i, sig) in signatures.iter().enumerate() {
        if let Some(sig) = sig {
            if !duplicate[i] {
                index.insert(i, sig.clone());
            }
        }
    }
    let mut found: Vec<usize> = Vec::new();
    for (i, sig) in signatures.iter().enumerate() {
        let Some(sig) = sig else { continue };
        // The nearest later articles, by position, up to a cap: in a
        // flood of near-copies each links to the next ones, and the
        // union-find chains them all, without a pair per two copies.
        found.clear();
        found.extend(index.query(sig).into_iter().copied().filter(|&j| j > i));
        found.sort_unstable();
        for &j in found.iter().take(MAX_LSH_CANDIDATES) {
            pairs.insert((i, j));
        }
    }
    pairs.extend(translation_candidates(prints, languages, min_anchors));
    let mut last: HashMap<&str, usize> = HashMap::default();
    for (i, w) in wires.iter().enumerate() {
        for &agency in w {
            if let Some(prev) = last.insert(agency, i) {
                pairs.insert((prev, i));
            }
        }
    }
    pairs
}

/// An anchor in more articles than this says nothing about which two
/// are one story (a company's name in every report on it); it is left out
/// of the candidate index, which keeps the index linear.
const MAX_ANCHOR_ARTICLES: usize = 64;

/// Pairs of articles in two known, different languages that share at least
/// `min_anchors` distinct anchors (through an inverted index, so a large
/// set is not compared pair by pair).
fn translation_candidates(
    prints: &[Fingerprint],
    languages: &[Option<&str>],
    min_anchors: usize,
) -> Vec<(usize, usize)> {
    // Most sets are in one language: nothing to translate.
    let mut known = languages.iter().flatten();
    let first = known.next();
    if known.all(|l| Some(l) == first) {
        return Vec::new();
    }
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::default();
    for (i, p) in prints.iter().enumerate() {
        if languages.get(i).copied().flatten().is_none() {
            continue;
        }
        let mut distinct = p.anchors.clone();
        distinct.sort_unstable();
        distinct.dedup();
        for a in distinct {
            postings.entry(a).or_default().push(i as u32);
        }
    }
    let mut counts: HashMap<(u32, u32), usize> = HashMap::default();
    for list in postings.values() {
        if list.len() > MAX_ANCHOR_ARTICLES {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if languages[i as usize] != languages[j as usize] {
                    *counts.entry((i, j)).or_insert(0) += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= min_anchors.max(1))
        .map(|((i, j), _)| (i as usize, j as usize))
        .collect()
}

/// Each article's names (see [`Fingerprint::names`]) that can tell one
/// story from another. Among many articles, a name that a large share of
/// them carry (an agency on every dateline, the country of every report)
/// is left out: two templated reports of different events share it.
fn story_names(prints: &[Fingerprint], spanning: bool) -> Vec<Vec<u64>> {
    if !spanning {
        return prints.iter().map(|p| p.names.clone()).collect();
    }
    let mut df: HashMap<u64, usize> = HashMap::default();
    for p in prints {
        let mut distinct = p.names.clone();
        distinct.sort_unstable();
        distinct.dedup();
        for n in distinct {
            *df.entry(n).or_insert(0) += 1;
        }
    }
    let common = (prints.len() / 50).max(ALL_PAIRS_UP_TO / 4);
    prints
        .iter()
        .map(|p| {
            p.names
                .iter()
                .copied()
                .filter(|n| df.get(n).is_none_or(|&d| d <= common))
                .collect()
        })
        .collect()
}

/// How two anchor sequences agree (see [`anchor_agreement`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnchorAgreement {
    /// Distinct anchors in both.
    pub shared: usize,
    /// Distinct anchors of the side with fewer.
    pub smaller: usize,
    /// Distinct anchors of the side with more.
    pub larger: usize,
    /// Share of the shared anchors that come in the same order in both.
    pub in_order: f32,
}

impl AnchorAgreement {
    /// Shared anchors over the mean size of the two sets (Dice): a short
    /// text whose few names all occur in a long one is not its translation.
    pub fn dice(&self) -> f32 {
        let total = self.smaller + self.larger;
        if total == 0 {
            0.0
        } else {
            2.0 * self.shared as f32 / total as f32
        }
    }
}

/// Sentences of two articles that pair off in order by their anchors (see
/// [`Fingerprint::anchor_sentences`]), over the mean sentence count of the
/// two (so a short report does not pair off wholly into a long one): the longest in-order pairing where two sentences
/// pair when at least half the anchors of the one with fewer are in the
/// other. A translation pairs most of its sentences; two reports of one
/// event name the same people and numbers in sentences of their own.
pub fn sentence_pairing(a: &[Vec<u64>], b: &[Vec<u64>]) -> f32 {
    // Long articles are judged on their opening sentences; the pairing is
    // quadratic in the length.
    const MAX: usize = 200;
    let (a, b) = (&a[..a.len().min(MAX)], &b[..b.len().min(MAX)]);
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    let pairs = |x: &[u64], y: &[u64]| {
        let shared = crate::fingerprint::intersection(x, y);
        shared > 0 && 2 * shared >= x.len().min(y.len())
    };
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if pairs(x, y) {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    2.0 * prev[b.len()] as f32 / (a.len() + b.len()) as f32
}

/// How two anchor sequences agree: distinct anchors shared, the sizes of
/// both sets, and the share of the shared ones that come in the same order
/// in both (longest common subsequence of their first occurrences).
pub fn anchor_agreement(a: &[u64], b: &[u64]) -> AnchorAgreement {
    // Long articles are judged on their first anchors: a translation keeps
    // its opening, and the subsequence is quadratic in the length.
    const MAX: usize = 300;
    let first = |s: &[u64]| {
        let mut seen = rustc_hash::FxHashSet::default();
        s.iter()
            .copied()
            .filter(|x| seen.insert(*x))
            .take(MAX)
            .collect::<Vec<u64>>()
    };
    let (fa, fb) = (first(a), first(b));
    let sb: rustc_hash::FxHashSet<u64> = fb.iter().copied().collect();
    let sa: rustc_hash::FxHashSet<u64> = fa.iter().copied().collect();
    let ca: Vec<u64> = fa.iter().copied().filter(|x| sb.contains(x)).collect();
    let cb: Vec<u64> = fb.iter().copied().filter(|x| sa.contains(x)).collect();
    let shared = ca.len();
    let (smaller, larger) = (fa.len().min(fb.len()), fa.len().max(fb.len()));
    if shared == 0 {
        return AnchorAgreement {
            shared,
            smaller,
            larger,
            in_order: 0.0,
        };
    }
    let mut prev = vec![0usize; cb.len() + 1];
    let mut cur = vec![0usize; cb.len() + 1];
    for x in &ca {
        for (j, y) in cb.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    AnchorAgreement {
        shared,
        smaller,
        larger,
        in_order: prev[cb.len()] as f32 / shared as f32,
    }
}

fn link_pairs(
    prints: &[Fingerprint],
    languages: &[Option<&str>],
    opts: &OriginOptions,
) -> Vec<OriginLink> {
    // Sentences are aligned on the outlets' own words: reports that quote
    // one speech share its sentences without sharing a story.
    let sentences: Vec<&[Vec<u64>]> = prints.iter().map(|p| p.own_sentences.as_slice()).collect();
    let aligned = aligned_pairs(&sentences, opts.sentence_jaccard);
    let wires: Vec<BTreeSet<&str>> = prints
        .iter()
        .map(|p| p.wire_agencies().into_iter().collect())
        .collect();
    let spanning = prints.len() > ALL_PAIRS_UP_TO;
    let names = story_names(prints, spanning);
    let mut dsu = Dsu((0..prints.len()).collect());
    let mut links = Vec::new();
    // Many articles: exact copies (the same shingles) are linked to the
    // first of them at once, in linear time; comparing a thousand copies
    // of one page pairwise is what made large sets quadratic.
    let mut duplicate = vec![false; prints.len()];
    if spanning {
        let mut first: HashMap<&[u64], usize> = HashMap::default();
        for (i, p) in prints.iter().enumerate() {
            if p.shingles.is_empty() {
                continue;
            }
            match first.get(p.shingles.as_slice()) {
                Some(&r) => {
                    duplicate[i] = true;
                    dsu.union(r, i);
                    links.push(OriginLink {
                        a: r,
                        b: i,
                        reason: LinkReason::Copy { containment: 1.0 },
                    });
                }
                None => {
                    first.insert(p.shingles.as_slice(), i);
                }
            }
        }
    }
    let candidates = candidate_pairs(
        prints,
        languages,
        &aligned,
        &wires,
        &duplicate,
        opts.translation_min_anchors,
    );
    let mut translations = translation_links(prints, languages, &candidates, opts);
    for (a, b) in candidates {
        if spanning && dsu.find(a) == dsu.find(b) {
            continue;
        }
        let (pa, pb) = (&prints[a], &prints[b]);
        let c = containment(&pa.shingles, &pb.shingles);
        let own = containment(&pa.own_shingles, &pb.own_shingles);
        // A copy or a rewrite keeps the facts: texts built on one template
        // (automated reports, a style guide's stock phrases) share wording
        // but not their names. Without names on one side there is no
        // evidence either way.
        let same_names = names[a].is_empty()
            || names[b].is_empty()
            || anchor_agreement(&names[a], &names[b]).dice() >= opts.rewrite_min_anchors;
        // A copy shares some of its own wording too: two texts made mostly
        // of one speech share the speech, not a story.
        let reason =
            if c >= opts.copy_containment && own >= opts.rewrite_pair_containment && same_names {
                Some(LinkReason::Copy { containment: c })
            } else {
                let (n, of) = aligned.get(&(a, b)).copied().unwrap_or((0, 0));
                let rewords = of > 0
                    && ((n >= opts.rewrite_min_sentences
                        && n as f32 / of as f32 >= opts.rewrite_share)
                        || (n >= opts.rewrite_pair_sentences
                            && own >= opts.rewrite_pair_containment)
                        || (n >= 1 && own >= opts.rewrite_condensed_containment));
                if rewords && same_names {
                    Some(LinkReason::Rewrite { aligned: n, of })
                } else if let Some(t) = translations.remove(&(a, b)) {
                    Some(t)
                } else if opts.merge_same_wire
                    && (own >= opts.wire_min_containment || n >= opts.rewrite_pair_sentences)
                {
                    wires[a]
                        .intersection(&wires[b])
                        .next()
                        .map(|agency| LinkReason::SameWire {
                            agency: agency.to_string(),
                        })
                } else {
                    None
                }
            };
        if let Some(reason) = reason {
            dsu.union(a, b);
            links.push(OriginLink { a, b, reason });
        }
    }
    links
}

/// Translation links among candidate pairs: two articles in known,
/// different languages whose anchors agree (see
/// [`OriginOptions::translation_share`]), and each of which is the other's
/// best match in its language. One story has one version per language in
/// a set; without the mutual choice, a follow-up story that repeats the
/// names and numbers of an earlier one would chain the two stories.
fn translation_links(
    prints: &[Fingerprint],
    languages: &[Option<&str>],
    pairs: &BTreeSet<(usize, usize)>,
    opts: &OriginOptions,
) -> HashMap<(usize, usize), LinkReason> {
    let mut found: Vec<((usize, usize), AnchorAgreement)> = Vec::new();
    for &(a, b) in pairs {
        let (Some(la), Some(lb)) = (
            languages.get(a).copied().flatten(),
            languages.get(b).copied().flatten(),
        ) else {
            continue;
        };
        if la == lb {
            continue;
        }
        let m = anchor_agreement(&prints[a].anchors, &prints[b].anchors);
        if m.shared >= opts.translation_min_anchors
            && m.dice() >= opts.translation_share
            && m.in_order >= opts.translation_order
            && sentence_pairing(&prints[a].anchor_sentences, &prints[b].anchor_sentences)
                >= opts.translation_sentences
        {
            found.push(((a, b), m));
        }
    }
    // The best score of each article towards each other language.
    let mut best: HashMap<(usize, &str), f32> = HashMap::default();
    for &((a, b), m) in &found {
        for (x, y) in [(a, b), (b, a)] {
            if let Some(l) = languages[y] {
                let e = best.entry((x, l)).or_insert(0.0);
                *e = e.max(m.dice());
            }
        }
    }
    let is_best = |x: usize, y: usize, d: f32| {
        languages[y].is_some_and(|l| best.get(&(x, l)).is_some_and(|&b| d >= b))
    };
    found
        .into_iter()
        .filter(|&((a, b), m)| is_best(a, b, m.dice()) && is_best(b, a, m.dice()))
        .map(|((a, b), m)| {
            (
                (a, b),
                LinkReason::Translation {
                    shared: m.shared,
                    of: m.larger,
                },
            )
        })
        .collect()
}

fn cluster(
    articles: &[Article],
    prints: &[Fingerprint],
    languages: &[Option<&str>],
    links: Vec<OriginLink>,
) -> Origins {
    let mut dsu = Dsu((0..articles.len()).collect());
    for l in &links {
        dsu.union(l.a, l.b);
    }
    let mut clusters: Vec<OriginCluster> = Vec::new();
    let mut root_to_cluster = rustc_hash::FxHashMap::default();
    let mut of_article = Vec::with_capacity(articles.len());
    for i in 0..articles.len() {
        let root = dsu.find(i);
        let c = *root_to_cluster.entry(root).or_insert_with(|| {
            clusters.push(OriginCluster {
                members: Vec::new(),
                agency: None,
                label: String::new(),
                links: Vec::new(),
            });
            clusters.len() - 1
        });
        clusters[c].members.push(i);
        of_article.push(c);
    }
    for l in links {
        let c = of_article[l.a];
        clusters[c].links.push(l);
    }
    for c in &mut clusters {
        // The agency most members credit names the origin.
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for &m in &c.members {
            for agency in prints[m].wire_agencies() {
                match counts.iter_mut().find(|(a, _)| *a == agency) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((agency, 1)),
                }
            }
        }
        counts.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(y.0)));
        c.agency = counts.first().map(|(a, _)| a.to_string());
        let first = &articles[c.members[0]];
        c.label = c
            .agency
            .clone()
            .or_else(|| first.outlet.clone())
            .unwrap_or_else(|| first.source.clone());
    }
    let kinds = member_kinds(&clusters, articles.len(), languages);
    Origins {
        clusters,
        of_article,
        kinds,
    }
}

/// Each member's relation to its cluster's story: a member in another
/// language than most of the cluster is a translation; the others take the
/// kind of the link that first reached them from the cluster's first
/// member (a shared agency credit counts as a copy of that agency's text).
fn member_kinds(
    clusters: &[OriginCluster],
    n: usize,
    languages: &[Option<&str>],
) -> Vec<Option<OriginKind>> {
    let mut kinds = vec![None; n];
    for c in clusters {
        let Some(&lead) = c.members.first() else {
            continue;
        };
        if c.members.len() < 2 {
            continue;
        }
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for &m in &c.members {
            if let Some(l) = languages.get(m).copied().flatten() {
                match counts.iter_mut().find(|(x, _)| *x == l) {
                    Some((_, k)) => *k += 1,
                    None => counts.push((l, 1)),
                }
            }
        }
        let main = counts
            .iter()
            .max_by_key(|(l, k)| (*k, languages.get(lead).copied().flatten() == Some(*l)))
            .map(|(l, _)| *l);
        let mut queue = std::collections::VecDeque::from([lead]);
        if let Some(k) = kinds.get_mut(lead) {
            *k = Some(OriginKind::Original);
        }
        while let Some(x) = queue.pop_front() {
            for l in &c.links {
                let y = if l.a == x {
                    l.b
                } else if l.b == x {
                    l.a
                } else {
                    continue;
                };
                if y >= n || kinds[y].is_some() {
                    continue;
                }
                kinds[y] = Some(match l.reason {
                    LinkReason::Copy { .. } | LinkReason::SameWire { .. } => OriginKind::Copy,
                    LinkReason::Rewrite { .. } => OriginKind::Rewrite,
                    LinkReason::Translation { .. } => OriginKind::Translation,
                });
                queue.push_back(y);
            }
        }
        for &m in &c.members {
            let lang = languages.get(m).copied().flatten();
            if m != lead && lang.is_some() && main.is_some() && lang != main {
                kinds[m] = Some(OriginKind::Translation);
            }
        }
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosswire_model::{ArticleBuilder, BlockKind};

    fn make(src: &str, paras: &[&str]) -> Article {
        let mut b = ArticleBuilder::new(src);
        for p in paras {
            b.push_block(BlockKind::Paragraph, p);
        }
        b.finish()
    }

    const S1: &str = "The ferry ran aground near the northern cape late on Saturday evening.";
    const S2: &str = "Coastguard crews rescued forty passengers from the damaged vessel overnight.";
    const S3: &str =
        "Investigators will examine the navigation equipment next week, officials said.";
    const S4: &str =
        "The operator suspended all crossings until further notice after the accident.";

    #[test]
    fn reworded_rewrite_is_one_origin() {
        let a = make("a", &[S1, S2, S3, S4]);
        let b = make(
            "b",
            &[
                "Late on Saturday evening the ferry ran aground near the northern cape.",
                "Overnight, coastguard crews rescued forty passengers from the damaged vessel.",
                "Next week investigators will examine the navigation equipment.",
                "Local fishermen said the fog had been unusually thick all day.",
            ],
        );
        let c = make(
            "c",
            &["Shares in the shipping group fell sharply as markets opened on Monday morning."],
        );
        let o = find_origins(&[a, b, c], &OriginOptions::default());
        assert_eq!(o.of_article[0], o.of_article[1]);
        assert_ne!(o.of_article[0], o.of_article[2]);
        assert!(matches!(
            o.clusters[0].links[0].reason,
            LinkReason::Rewrite { aligned: 3, of: 4 }
        ));
    }

    #[test]
    fn same_wire_credit_merges_with_shared_text_but_citation_does_not() {
        let a = make(
            "a",
            &[
                "LISBON (Reuters) - Talks on the ferry accident began.",
                S1,
                S2,
            ],
        );
        let b = make(
            "b",
            &[
                "The harbour master spoke to Reuters reporters on Sunday.",
                "The ferry ran aground near the northern cape late on Saturday.",
                "Coastguard crews rescued forty passengers from the vessel overnight.",
            ],
        );
        let c = make(
            "c",
            &["Forty people were rescued, according to Reuters.", S4],
        );
        let o = find_origins(&[a, b, c], &OriginOptions::default());
        assert_eq!(o.of_article[0], o.of_article[1]);
        assert_ne!(o.of_article[0], o.of_article[2]);
        assert_eq!(
            o.clusters[o.of_article[0]].agency.as_deref(),
            Some("Reuters")
        );
        assert_eq!(o.count_origins([0, 1, 2]), 2);
    }

    #[test]
    fn an_agency_credit_alone_does_not_join_two_stories() {
        let a = make(
            "a",
            &[
                "LISBON (Reuters) - Talks on the ferry accident began.",
                S1,
                S2,
            ],
        );
        let b = make(
            "b",
            &[
                "MADRID (Reuters) - Parliament passed the budget after a long debate.",
                "Opposition deputies walked out before the final vote on Thursday.",
            ],
        );
        let o = find_origins(&[a, b], &OriginOptions::default());
        assert_ne!(o.of_article[0], o.of_article[1]);
    }

    /// An article whose sentences are marked, and whose direct quotations
    /// (the text between the marks) are marked as the analyzer would.
    fn analyzed(src: &str, text: &str) -> Article {
        let mut a = make(src, &[text]);
        let mut spans = Vec::new();
        let mut start = 0;
        for (i, _) in a.text.match_indices(". ") {
            spans.push((start, i + 1));
            start = i + 2;
        }
        spans.push((start, a.text.len()));
        for (s, e) in spans {
            a.spans.push(crosswire_model::Span {
                range: crosswire_model::ByteRange::new(s, e),
                kind: crosswire_model::SpanKind::Sentence,
            });
        }
        let marks: Vec<usize> = a.text.match_indices('"').map(|(i, _)| i).collect();
        for pair in marks.chunks(2) {
            if let [open, close] = pair {
                a.spans.push(crosswire_model::Span {
                    range: crosswire_model::ByteRange::new(*open, close + 1),
                    kind: crosswire_model::SpanKind::Quote(crosswire_model::QuoteSpan {
                        content: crosswire_model::ByteRange::new(open + 1, *close),
                        speaker_mention: None,
                        speaker: None,
                        speaker_cluster: None,
                        cue: Some("said".into()),
                        direct: true,
                    }),
                });
            }
        }
        a
    }

    #[test]
    fn sharing_a_quotation_is_not_sharing_a_story() {
        const SPEECH: &str = "\"We will rebuild every school and every bridge that the \
            river destroyed, and we will start this very week with the northern \
            districts where the damage was worst, whatever it costs the treasury,\" \
            the governor said.";
        let a = analyzed(
            "a",
            &format!(
                "Residents cheered outside the town hall as officials arrived. {SPEECH} \
                 Engineers began surveying the collapsed crossings on Tuesday."
            ),
        );
        let b = analyzed(
            "b",
            &format!(
                "Opposition leaders questioned where the money would come from. {SPEECH} \
                 A parliamentary committee meets next month to review the plan."
            ),
        );
        let c = analyzed(
            "c",
            &format!(
                "Residents cheered outside the town hall as the officials arrived. {SPEECH} \
                 Engineers began surveying the collapsed crossings early on Tuesday."
            ),
        );
        let o = find_origins(&[a, b, c], &OriginOptions::default());
        // The quotation is most of a's and b's wording, yet they only quote
        // one speech; c also rewords a's own sentences, so it is a's story.
        assert_ne!(o.of_article[0], o.of_article[1]);
        assert_eq!(o.of_article[0], o.of_article[2]);
    }

    fn in_language(src: &str, lang: &str, paras: &[&str]) -> Article {
        let mut a = make(src, paras);
        a.language = Some(lang.to_string());
        a
    }

    #[test]
    fn a_translation_is_the_same_origin_and_marked_as_such() {
        let en = in_language(
            "en",
            "en",
            &[
                "Velmora Aerospace won a contract worth 38 billion dollars from the Tarsian air force on Friday.",
                "The deal covers 142 refuelling aircraft, delivered at 12 a year from 2013.",
                "Chief executive Ines Kolbrand said the company had expected to lose.",
                "Rival bidder Ostrava Dynamics said it would appeal within 10 days.",
            ],
        );
        let es = in_language(
            "es",
            "es",
            &[
                "Velmora Aerospace ganó el viernes un contrato de 38.000 millones de dólares de la fuerza aérea de Tarsia.",
                "El acuerdo abarca 142 aviones cisterna, entregados a razón de 12 al año desde 2013.",
                "La consejera delegada Ines Kolbrand dijo que la empresa esperaba perder.",
                "La rival Ostrava Dynamics dijo que recurrirá en un plazo de 10 días.",
            ],
        );
        // Another story about the same company, in Spanish: its name is
        // shared, little else.
        let other = in_language(
            "other",
            "es",
            &[
                "Velmora Aerospace presentó el martes sus resultados de 2011.",
                "Las ventas subieron un 14 por ciento, a 51 millones de euros, según Dana Aulic.",
                "La empresa abrirá una planta en Corvel en 2014.",
            ],
        );
        let o = find_origins(&[en, es, other], &OriginOptions::default());
        assert_eq!(o.of_article[0], o.of_article[1]);
        assert_ne!(o.of_article[0], o.of_article[2]);
        assert!(o.clusters[o.of_article[0]]
            .links
            .iter()
            .any(|l| matches!(l.reason, LinkReason::Translation { .. })));
        assert_eq!(o.kinds[0], Some(OriginKind::Original));
        assert_eq!(o.kinds[1], Some(OriginKind::Translation));
        assert_eq!(o.kinds[2], None);
    }

    #[test]
    fn the_same_language_is_never_a_translation() {
        let one = &[
            "Velmora Aerospace won a contract worth 38 billion dollars on Friday.",
            "The deal covers 142 aircraft, delivered at 12 a year from 2013, Ines Kolbrand said.",
        ];
        let two = &[
            "Ines Kolbrand of Velmora Aerospace hailed the 38 billion dollar award on Friday.",
            "Analysts expect 142 aircraft at 12 a year from 2013 under the programme.",
        ];
        let o = find_origins(
            &[in_language("a", "en", one), in_language("b", "en", two)],
            &OriginOptions::default(),
        );
        assert_ne!(o.of_article[0], o.of_article[1]);
    }

    #[test]
    fn two_reports_of_one_event_in_two_languages_stay_apart() {
        // The same names and numbers, told in sentences of their own.
        let en = in_language(
            "en",
            "en",
            &[
                "Fire swept through the Korvel Textiles plant in Dunmarsh late on Monday.",
                "Fourteen workers died and 19 were taken to hospital, the fire service said.",
                "About 60 firefighters worked through the night under chief Lena Ostrom.",
                "Some 300 residents of the Brightwater estate were moved to a sports hall.",
                "The company said it would cooperate with investigators.",
            ],
        );
        let es = in_language(
            "es",
            "es",
            &[
                "Lena Ostrom, jefa de bomberos, dirigió a 60 efectivos en Dunmarsh.",
                "Los vecinos de Brightwater, unos 300, pasaron la noche fuera de casa.",
                "El sindicato acusa a Korvel Textiles de ignorar una inspección.",
                "Catorce personas murieron y 19 resultaron heridas en el incendio del lunes.",
                "La fábrica de Korvel Textiles permanecerá cerrada.",
            ],
        );
        let o = find_origins(&[en, es], &OriginOptions::default());
        assert_ne!(o.of_article[0], o.of_article[1]);
    }

    #[test]
    fn templated_reports_of_different_events_stay_apart() {
        // One template, two events: wording shared, names not.
        let report = |src: &str, town: &str, person: &str, n: u32| {
            make(
                src,
                &[
                    &format!("An explosion shook the station in {town} on Friday, and more than {n} people were injured, the mayor said."),
                    &format!("Residents of {town} gathered near the station as crews worked through the night."),
                    &format!("About {} volunteers helped, according to the mayor of {town}.", n / 3),
                    &format!("{person} has led the response since Friday 30 May, officials in {town} said."),
                    "Crews will inspect the damaged buildings again in the morning, the fire service said.",
                ],
            )
        };
        let o = find_origins(
            &[
                report("a", "Velkarra", "Ona Brisk", 120),
                report("b", "Tessindor", "Ilse Marrow", 87),
            ],
            &OriginOptions::default(),
        );
        assert_ne!(o.of_article[0], o.of_article[1]);
    }

    #[test]
    fn anchor_agreement_counts_order() {
        let m = anchor_agreement(&[1, 2, 3, 4], &[1, 2, 4, 3, 9]);
        assert_eq!((m.shared, m.smaller, m.larger), (4, 4, 5));
        assert!((m.in_order - 0.75).abs() < 1e-6);
        assert!((m.dice() - 8.0 / 9.0).abs() < 1e-6);
        assert_eq!(anchor_agreement(&[], &[1]).dice(), 0.0);
    }

    #[test]
    fn a_condensed_rewrite_keeping_its_lead_joins_its_story() {
        // The rewrite keeps one sentence of the original whole (the lead)
        // and much of its wording in reordered, shortened sentences; a
        // report of its own on the same event shares the facts and a
        // background sentence only.
        let original = analyzed(
            "original",
            "Ferry services between the northern islands and the mainland were badly disrupted on Friday after two of the harbour cranes collapsed in high winds, the port authority said. \
             The cause of the collapse was still unclear, a statement said. \
             Most passenger traffic between the islands was being diverted through the southern terminal, the authority said. \
             Sixty per cent of freight to Kelvar was halted, while services to Ostra, Mirren and Tolby were also badly affected. \
             A repair barge would leave on Saturday and normal service might not return until the end of the month. \
             The cranes are jointly owned by four shipping groups. \
             One crane is forty metres tall and lifts containers for twelve lines. \
             In March, a storm closed the port for two days.",
        );
        let condensed = analyzed(
            "condensed",
            "Ferry services between the northern islands and the mainland were badly disrupted on Friday after two harbour cranes collapsed in high winds. \
             Nobody yet knows why they fell. \
             Passenger traffic goes through the southern terminal now, and services to Ostra and Mirren are badly affected. \
             Repairs could take the rest of the month, with a barge on its way.",
        );
        let own = analyzed(
            "own",
            "Two cranes fell at the northern harbour of Kelvar on Friday as gales swept the islands. \
             Islanders waited for hours at the quay for ferry services to the mainland. \
             Travellers said they had been given no information. \
             Dock workers said the storm was the worst in years. \
             The cranes are jointly owned by four shipping groups. \
             Fishing boats stayed in port and the schools on the islands closed early. \
             The weather service expects the gales to ease by Sunday night.",
        );
        let o = find_origins(&[original, condensed, own], &OriginOptions::default());
        assert_eq!(o.of_article[0], o.of_article[1]);
        assert_ne!(o.of_article[0], o.of_article[2]);
    }

    #[test]
    fn independent_reports_stay_apart() {
        let a = make("a", &[S1, S2]);
        let b = make("b", &[S3, S4]);
        let o = find_origins(&[a, b], &OriginOptions::default());
        assert_eq!(o.clusters.len(), 2);
        assert_eq!(o.clusters[1].label, "b");
    }

    /// Past the all-pairs size, the join and the index must still find
    /// every copy and rewrite: 25 stories, each as an original, a trimmed
    /// copy and a reworded rewrite, shuffled together.
    #[test]
    fn a_large_set_finds_copies_and_rewrites() {
        let word = |story: usize, k: usize| {
            // Invented words, distinct per story, so stories share nothing.
            const SYL: &[&str] = &["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo"];
            format!(
                "{}{}{}{}",
                SYL[story % 8],
                SYL[(story / 8) % 8],
                SYL[k % 8],
                SYL[(k / 8) % 8]
            )
        };
        let sentence = |story: usize, n: usize, swap: bool| {
            let mut w: Vec<String> = (0..8).map(|k| word(story, n * 8 + k)).collect();
            if swap {
                w[7] = "changed".into();
            }
            format!("{}.", w.join(" "))
        };
        let mut articles = Vec::new();
        let mut truth = Vec::new();
        for story in 0..25 {
            let all: Vec<String> = (0..6).map(|n| sentence(story, n, false)).collect();
            let refs: Vec<&str> = all.iter().map(String::as_str).collect();
            articles.push(make(&format!("{story}-original"), &refs));
            articles.push(make(&format!("{story}-copy"), &refs[..4]));
            let mut rewritten: Vec<String> =
                (0..6).rev().map(|n| sentence(story, n, true)).collect();
            rewritten.push("An unrelated closing line about the weather today.".into());
            let refs: Vec<&str> = rewritten.iter().map(String::as_str).collect();
            articles.push(make(&format!("{story}-rewrite"), &refs));
            truth.extend([story; 3]);
        }
        // Interleave so members of a story are far apart.
        let order: Vec<usize> = (0..articles.len())
            .map(|i| (i * 7) % articles.len())
            .collect();
        let shuffled: Vec<Article> = order.iter().map(|&i| articles[i].clone()).collect();
        let o = find_origins(&shuffled, &OriginOptions::default());
        assert!(shuffled.len() > ALL_PAIRS_UP_TO);
        assert_eq!(o.clusters.len(), 25);
        for (x, &i) in order.iter().enumerate() {
            for (y, &j) in order.iter().enumerate() {
                assert_eq!(
                    o.of_article[x] == o.of_article[y],
                    truth[i] == truth[j],
                    "{} / {}",
                    shuffled[x].source,
                    shuffled[y].source
                );
            }
        }
        // Only the links that join clusters are kept: two per story.
        let links: usize = o.clusters.iter().map(|c| c.links.len()).sum();
        assert_eq!(links, 50);
    }

    #[test]
    fn empty_articles_do_not_panic() {
        let a = make("a", &[]);
        let b = make("b", &[]);
        let o = find_origins(&[a, b], &OriginOptions::default());
        assert_eq!(o.of_article.len(), 2);
    }
}
