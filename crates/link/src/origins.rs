//! Origin clusters: articles that are copies or rewrites of one another, or
//! that carry the same agency's copy, share an origin. Corroboration counts
//! origins, never articles.

use crate::fingerprint::{aligned_sentences, containment, Fingerprint, NUM_HASHES};
use crosswire_model::Article;
use gaoya::minhash::{MinHashIndex, MinHasher32};
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
    let hasher = MinHasher32::new(NUM_HASHES);
    let prints: Vec<Fingerprint> = articles
        .iter()
        .map(|a| Fingerprint::of(a, &hasher))
        .collect();
    let links = link_pairs(&prints, opts);
    cluster(articles, &prints, links)
}

/// Candidate pairs come from a MinHash LSH index (copies) plus, for small
/// sets, every pair (rewrites and shared credits do not share shingles).
fn candidate_pairs(prints: &[Fingerprint]) -> BTreeSet<(usize, usize)> {
    let mut pairs = BTreeSet::new();
    // Every pair is affordable for the handful of articles `check` sees; in
    // corpus mode candidates come from the event index instead.
    const ALL_PAIRS_UP_TO: usize = 400;
    if prints.len() <= ALL_PAIRS_UP_TO {
        for i in 0..prints.len() {
            for j in i + 1..prints.len() {
                pairs.insert((i, j));
            }
        }
        return pairs;
    }
    let mut index: MinHashIndex<u32, usize> = MinHashIndex::new(32, 4, 0.3);
    for (i, p) in prints.iter().enumerate() {
        if !p.shingles.is_empty() {
            index.insert(i, p.signature.clone());
        }
    }
    for (i, p) in prints.iter().enumerate() {
        if p.shingles.is_empty() {
            continue;
        }
        for &j in index.query(&p.signature) {
            if j != i {
                pairs.insert((i.min(j), i.max(j)));
            }
        }
    }
    pairs
}

fn link_pairs(prints: &[Fingerprint], opts: &OriginOptions) -> Vec<OriginLink> {
    let mut links = Vec::new();
    for (a, b) in candidate_pairs(prints) {
        let (pa, pb) = (&prints[a], &prints[b]);
        let c = containment(&pa.shingles, &pb.shingles);
        if c >= opts.copy_containment {
            links.push(OriginLink {
                a,
                b,
                reason: LinkReason::Copy { containment: c },
            });
            continue;
        }
        let (aligned, of) = aligned_sentences(&pa.sentences, &pb.sentences, opts.sentence_jaccard);
        if of > 0
            && aligned >= opts.rewrite_min_sentences
            && aligned as f32 / of as f32 >= opts.rewrite_share
        {
            links.push(OriginLink {
                a,
                b,
                reason: LinkReason::Rewrite { aligned, of },
            });
            continue;
        }
        if opts.merge_same_wire {
            let shared: BTreeSet<&str> = pa
                .wire_agencies()
                .intersection(&pb.wire_agencies())
                .copied()
                .collect();
            if let Some(agency) = shared.into_iter().next() {
                links.push(OriginLink {
                    a,
                    b,
                    reason: LinkReason::SameWire {
                        agency: agency.to_string(),
                    },
                });
            }
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
    let mut root_to_cluster = std::collections::HashMap::new();
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

    #[test]
    fn empty_articles_do_not_panic() {
        let a = make("a", &[]);
        let b = make("b", &[]);
        let o = find_origins(&[a, b], &OriginOptions::default());
        assert_eq!(o.of_article.len(), 2);
    }
}
