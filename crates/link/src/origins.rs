//! Origin clusters: articles that are copies or rewrites of one another, or
//! that carry the same agency's copy, share an origin. Corroboration counts
//! origins, never articles.

use crate::fingerprint::{aligned_pairs, containment, Fingerprint, NUM_HASHES};
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
    /// Share of the shorter article's sentences that must align for a rewrite.
    pub rewrite_share: f32,
    /// And at least this many sentences.
    pub rewrite_min_sentences: usize,
    /// Merge articles that credit the same agency as the source of their copy.
    pub merge_same_wire: bool,
}

impl Default for OriginOptions {
    fn default() -> Self {
        OriginOptions {
            copy_containment: 0.5,
            sentence_jaccard: 0.5,
            rewrite_share: 0.4,
            rewrite_min_sentences: 3,
            merge_same_wire: true,
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
    let links = link_pairs(&prints, opts);
    cluster(articles, &prints, links)
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
    aligned: &HashMap<(usize, usize), (usize, usize)>,
    wires: &[BTreeSet<&str>],
    duplicate: &[bool],
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

fn link_pairs(prints: &[Fingerprint], opts: &OriginOptions) -> Vec<OriginLink> {
    let sentences: Vec<&[Vec<u64>]> = prints.iter().map(|p| p.sentences.as_slice()).collect();
    let aligned = aligned_pairs(&sentences, opts.sentence_jaccard);
    let wires: Vec<BTreeSet<&str>> = prints
        .iter()
        .map(|p| p.wire_agencies().into_iter().collect())
        .collect();
    let spanning = prints.len() > ALL_PAIRS_UP_TO;
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
    for (a, b) in candidate_pairs(prints, &aligned, &wires, &duplicate) {
        if spanning && dsu.find(a) == dsu.find(b) {
            continue;
        }
        let (pa, pb) = (&prints[a], &prints[b]);
        let c = containment(&pa.shingles, &pb.shingles);
        let reason = if c >= opts.copy_containment {
            Some(LinkReason::Copy { containment: c })
        } else {
            let (n, of) = aligned.get(&(a, b)).copied().unwrap_or((0, 0));
            if of > 0
                && n >= opts.rewrite_min_sentences
                && n as f32 / of as f32 >= opts.rewrite_share
            {
                Some(LinkReason::Rewrite { aligned: n, of })
            } else if opts.merge_same_wire {
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

fn cluster(articles: &[Article], prints: &[Fingerprint], links: Vec<OriginLink>) -> Origins {
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
    Origins {
        clusters,
        of_article,
    }
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
    fn same_wire_credit_merges_but_citation_does_not() {
        let a = make(
            "a",
            &[
                "\"We were lucky,\" a passenger told Reuters at the port.",
                S1,
            ],
        );
        let b = make(
            "b",
            &[
                "The harbour master spoke to Reuters reporters on Sunday.",
                "LISBON (Reuters) - Talks stalled again.",
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
