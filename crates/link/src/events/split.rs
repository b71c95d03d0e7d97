//! The second pass: splits an event that holds two events of one kind.
//!
//! The stream joins an article to the nearest event, and the first report
//! of a second earthquake is nearer to the first earthquake than to
//! nothing. Inside such a mixed event the shared vocabulary (magnitude,
//! aftershock, the agency that reports both) is in every member, so it is
//! weighted down by a document frequency taken within the event; what is
//! left are the terms that only some members have: the two towns, the two
//! tolls. A two-way k-means on those weights finds the halves, and the
//! event is split when the halves share little.

use super::features::Kind;
use rustc_hash::FxHashMap as HashMap;
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashSet};

/// Thresholds of the split pass.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SplitRule {
    /// Split when the halves' centroids, in global tf-idf weights, have a
    /// cosine below this.
    pub max_similarity: f32,
    /// Each half needs at least this many articles.
    pub min_side: usize,
    /// Events larger than this are not split (the pass is quadratic in
    /// the worst case and large stories are rarely two events).
    pub max_size: usize,
    /// And split only when the halves, in within-event weights, have a
    /// cosine below this.
    pub max_local: f32,
    /// Split depth: 1 splits in two, 2 may split a half again.
    pub depth: usize,
}

type Vector = Vec<(u64, f32)>;

fn dot(a: &HashMap<u64, f32>, b: &[(u64, f32)]) -> f32 {
    b.iter()
        .map(|(k, x)| a.get(k).copied().unwrap_or(0.0) * x)
        .sum()
}

fn unit_map(v: &HashMap<u64, f32>) -> HashMap<u64, f32> {
    let n = v.values().map(|x| x * x).sum::<f32>().sqrt();
    if n <= 0.0 {
        return HashMap::default();
    }
    v.iter().map(|(&k, &x)| (k, x / n)).collect()
}

fn centroid(members: &[usize], vecs: &[Vector]) -> HashMap<u64, f32> {
    let mut c: HashMap<u64, f32> = HashMap::default();
    for &m in members {
        if let Some(v) = vecs.get(m) {
            for &(k, x) in v {
                *c.entry(k).or_insert(0.0) += x;
            }
        }
    }
    unit_map(&c)
}

/// Re-weights members' vectors by within-event rarity and unit-normalizes
/// them. `docs` are the members' global tf-idf vectors.
fn local_vectors(docs: &[&[(u64, f32)]]) -> Vec<Vector> {
    let n = docs.len() as f32;
    let mut df: HashMap<u64, u32> = HashMap::default();
    for d in docs {
        for &(k, _) in d.iter() {
            *df.entry(k).or_insert(0) += 1;
        }
    }
    docs.iter()
        .map(|d| {
            let mut v: Vector = d
                .iter()
                .filter_map(|&(k, x)| {
                    let f = df.get(&k).copied().unwrap_or(0);
                    // A term in one member cannot tell halves apart.
                    if f < 2 {
                        return None;
                    }
                    let local = (n / f as f32).ln();
                    // Names carry the split; words only help.
                    let kind = if Kind::of(k) == Kind::Word { 0.5 } else { 1.0 };
                    (local > 0.0).then_some((k, x * local * kind))
                })
                .collect();
            let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (_, x) in v.iter_mut() {
                    *x /= norm;
                }
            }
            v
        })
        .collect()
}

/// Two-way k-means over local vectors from several farthest-first seeds,
/// keeping the tightest result. Returns the side (false/true) of each
/// member and the cosine of the two centroids.
fn two_means(vecs: &[Vector], restarts: usize) -> Option<(Vec<bool>, f32)> {
    let n = vecs.len();
    if n < 2 {
        return None;
    }
    let as_map = |v: &Vector| v.iter().copied().collect::<HashMap<u64, f32>>();
    let far = |from: &HashMap<u64, f32>| {
        (0..n)
            .map(|i| (dot(from, &vecs[i]), i))
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .map(|(_, i)| i)
    };
    // Seeds spread over the members, deterministic.
    let step = (n / restarts.max(1)).max(1);
    let mut best: Option<(f32, Vec<bool>, f32)> = None;
    for a in (0..n).step_by(step).take(restarts.max(1)) {
        let Some(b) = far(&as_map(&vecs[a])) else {
            continue;
        };
        if a == b {
            continue;
        }
        let Some((side, ca, cb)) = kmeans(vecs, as_map(&vecs[a]), as_map(&vecs[b])) else {
            continue;
        };
        // Tightness: how close members sit to their own centroid.
        let fit: f32 = vecs
            .iter()
            .zip(&side)
            .map(|(v, &s)| if s { dot(&cb, v) } else { dot(&ca, v) })
            .sum();
        let sim: f32 = ca
            .iter()
            .map(|(k, x)| x * cb.get(k).copied().unwrap_or(0.0))
            .sum();
        if best.as_ref().is_none_or(|(f, _, _)| fit > *f) {
            best = Some((fit, side, sim));
        }
    }
    best.map(|(_, side, sim)| (side, sim))
}

type Halves = (Vec<bool>, HashMap<u64, f32>, HashMap<u64, f32>);

fn kmeans(vecs: &[Vector], mut ca: HashMap<u64, f32>, mut cb: HashMap<u64, f32>) -> Option<Halves> {
    let n = vecs.len();
    let mut side = vec![false; n];
    for round in 0..10 {
        let next: Vec<bool> = vecs.iter().map(|v| dot(&cb, v) > dot(&ca, v)).collect();
        let changed = next != side;
        side = next;
        let (left, right): (Vec<usize>, Vec<usize>) = (0..n).partition(|&i| !side[i]);
        if left.is_empty() || right.is_empty() {
            return None;
        }
        ca = centroid(&left, vecs);
        cb = centroid(&right, vecs);
        if !changed && round > 0 {
            break;
        }
    }
    Some((side, ca, cb))
}

/// Splits a group of members (indexes into `docs`) recursively; returns
/// the final parts.
pub(crate) fn split_group(
    members: Vec<usize>,
    docs: &[Vector],
    rule: &SplitRule,
    depth: usize,
) -> Vec<Vec<usize>> {
    if depth >= rule.depth || members.len() < 2 * rule.min_side || members.len() > rule.max_size {
        return vec![members];
    }
    let views: Vec<&[(u64, f32)]> = members
        .iter()
        .filter_map(|&m| docs.get(m).map(|v| v.as_slice()))
        .collect();
    let local = local_vectors(&views);
    let Some((side, sim)) = two_means(&local, 12) else {
        return vec![members];
    };
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (&m, &s) in members.iter().zip(&side) {
        if s {
            right.push(m);
        } else {
            left.push(m);
        }
    }
    // Judged in global weights too: halves of one event still share its
    // names, halves of two events share only the kind of event.
    let right_centroid = centroid(&right, docs);
    let global = centroid(&left, docs)
        .iter()
        .map(|(k, x)| x * right_centroid.get(k).copied().unwrap_or(0.0))
        .sum::<f32>();
    if global >= rule.max_similarity
        || sim >= rule.max_local
        || left.len() < rule.min_side
        || right.len() < rule.min_side
    {
        return vec![members];
    }
    let mut out = split_group(left, docs, rule, depth + 1);
    out.extend(split_group(right, docs, rule, depth + 1));
    out
}

/// Joins groups whose centroids, in global weights, have a cosine of at
/// least `min_similarity`, most similar first (average linkage over
/// centroids): the stream leaves fragments of one event when its first
/// reports had little in common.
pub(crate) fn merge_groups(
    mut groups: Vec<Vec<usize>>,
    docs: &[Vector],
    min_similarity: f32,
) -> Vec<Vec<usize>> {
    // Groups are compared when they share one of their heaviest terms; a
    // term heading more groups than TERM_CAP tells none of them apart and
    // would make the candidate pairs quadratic.
    const PROBE: usize = 12;
    const TERM_CAP: usize = 64;
    let top_terms = |c: &HashMap<u64, f32>| {
        let mut top: Vec<(u64, f32)> = c.iter().map(|(&k, &x)| (k, x)).collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        top.into_iter()
            .take(PROBE)
            .map(|(k, _)| k)
            .collect::<Vec<u64>>()
    };
    let sim = |a: &HashMap<u64, f32>, b: &HashMap<u64, f32>| -> f32 {
        a.iter()
            .map(|(k, x)| x * b.get(k).copied().unwrap_or(0.0))
            .sum()
    };
    let mut cents: Vec<HashMap<u64, f32>> = groups.iter().map(|g| centroid(g, docs)).collect();
    let mut version = vec![0u32; groups.len()];
    let mut by_term: HashMap<u64, Vec<usize>> = HashMap::default();
    for (i, c) in cents.iter().enumerate() {
        for k in top_terms(c) {
            by_term.entry(k).or_default().push(i);
        }
    }
    // Best pair first; entries made stale by a merge are re-scored when
    // they come up (lazy deletion).
    let mut heap: BinaryHeap<Pair> = BinaryHeap::new();
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for list in by_term.values().filter(|l| l.len() <= TERM_CAP) {
        for (x, &i) in list.iter().enumerate() {
            for &j in list.iter().skip(x + 1) {
                let (a, b) = if i < j { (i, j) } else { (j, i) };
                if a == b || !seen.insert((a, b)) {
                    continue;
                }
                let s = sim(&cents[a], &cents[b]);
                if s >= min_similarity {
                    heap.push(Pair {
                        sim: s,
                        a,
                        b,
                        va: 0,
                        vb: 0,
                    });
                }
            }
        }
    }
    while let Some(p) = heap.pop() {
        if groups[p.a].is_empty() || groups[p.b].is_empty() {
            continue;
        }
        if p.va != version[p.a] || p.vb != version[p.b] {
            let s = sim(&cents[p.a], &cents[p.b]);
            if s >= min_similarity {
                heap.push(Pair {
                    sim: s,
                    va: version[p.a],
                    vb: version[p.b],
                    ..p
                });
            }
            continue;
        }
        let moved = std::mem::take(&mut groups[p.b]);
        groups[p.a].extend(moved);
        cents[p.a] = centroid(&groups[p.a], docs);
        cents[p.b] = HashMap::default();
        version[p.a] += 1;
        // The merged group may now share heavy terms with new groups.
        let mut fresh: HashSet<usize> = HashSet::new();
        for k in top_terms(&cents[p.a]) {
            let list = by_term.entry(k).or_default();
            if !list.contains(&p.a) {
                list.push(p.a);
            }
            if list.len() <= TERM_CAP {
                fresh.extend(list.iter().copied().filter(|&j| j != p.a));
            }
        }
        for j in fresh {
            if groups[j].is_empty() {
                continue;
            }
            let s = sim(&cents[p.a], &cents[j]);
            if s >= min_similarity {
                let (a, b) = if p.a < j { (p.a, j) } else { (j, p.a) };
                heap.push(Pair {
                    sim: s,
                    a,
                    b,
                    va: version[a],
                    vb: version[b],
                });
            }
        }
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// A candidate pair of groups, ordered by similarity (ties: lower ids
/// first, so the result does not depend on hash order).
struct Pair {
    sim: f32,
    a: usize,
    b: usize,
    va: u32,
    vb: u32,
}

impl PartialEq for Pair {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Pair {}

impl PartialOrd for Pair {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pair {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sim
            .total_cmp(&other.sim)
            .then(other.a.cmp(&self.a))
            .then(other.b.cmp(&self.b))
    }
}
