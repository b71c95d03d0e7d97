//! Shared helpers: where a span sits (its sentence), and the weighted word
//! bags used to compare contexts across articles.

use crate::lexicon::{CONCEPTS, STOP_WORDS};
use crosswire_model::{Article, ByteRange, SpanKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// The sentence containing a range: an analyzed sentence span when there is
/// one, else the block, else the range itself.
pub fn sentence_of(article: &Article, range: ByteRange) -> ByteRange {
    let found = article.spans.iter().find(|s| {
        matches!(s.kind, SpanKind::Sentence)
            && s.range.start <= range.start
            && range.end <= s.range.end
    });
    if let Some(s) = found {
        return s.range;
    }
    article
        .block_at(range.start as usize)
        .map(|b| b.span)
        .unwrap_or(range)
}

fn stop_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect())
}

/// A crude, language-neutral stem: the first six letters of a lower-cased
/// word. It folds plurals and derivations ("deported", "deportation",
/// "deportees") in English and Spanish alike, which is what matching
/// contexts across outlets needs; a real stemmer per language would be
/// better and is a drop-in replacement here.
pub fn stem(word: &str) -> Option<String> {
    stem_lower(&word.to_lowercase())
}

/// [`stem`] of a word already lower-cased.
fn stem_lower(lower: &str) -> Option<String> {
    if lower.chars().count() <= 2 || stop_words().contains(lower) {
        return None;
    }
    if lower.chars().all(|c| c.is_numeric()) {
        return None;
    }
    // A final plural "s" goes first, so that short words meet their
    // plurals ("cell" / "cells", "gang" / "gangs", "muerto" / "muertos").
    let base = match lower.strip_suffix('s') {
        Some(b) if b.chars().count() >= 3 && !b.ends_with('s') => b,
        _ => lower,
    };
    Some(base.chars().take(6).collect())
}

/// The concept a word expresses, if any: its first six letters as the
/// [`CONCEPTS`] table writes them, else its stem.
pub fn concept_of_word(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    concept_of_lower(&lower, stem_lower(&lower).as_deref())
}

/// [`concept_of_word`] of a lower-cased word whose stem is known.
fn concept_of_lower(lower: &str, stem: Option<&str>) -> Option<&'static str> {
    let prefix = match lower.char_indices().nth(6) {
        Some((i, _)) => &lower[..i],
        None => lower,
    };
    concept_of(prefix).or_else(|| stem.and_then(concept_of))
}

/// The concept a stem (or a word's first six letters) expresses, if any.
pub fn concept_of(stem: &str) -> Option<&'static str> {
    static MAP: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m = HashMap::default();
        for (concept, stems) in CONCEPTS.iter() {
            for s in stems.iter() {
                // Table entries may be longer than a stem; key them as one.
                let k: String = s.chars().take(6).collect();
                m.insert(k, *concept);
            }
        }
        m
    });
    map.get(stem).copied()
}

/// Words of a text, as (byte offset, word).
pub fn words_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push((s, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// A bag of weighted features (word stems, entity names).
#[derive(Debug, Clone, Default)]
pub struct Bag(pub HashMap<String, f32>);

impl Bag {
    /// Adds weight to a feature.
    pub fn add(&mut self, key: String, w: f32) {
        *self.0.entry(key).or_insert(0.0) += w;
    }

    /// Adds the stems of a text's words.
    pub fn add_text(&mut self, text: &str, w: f32) {
        self.add_text_prefixed("", text, w);
    }

    /// Adds the stems of a text's words, each key starting with `prefix`
    /// (a namespace, so one word can be several features). A word that
    /// expresses one of the [`CONCEPTS`] adds that concept too, so that
    /// "killed", "dead" and "muertos" meet.
    pub fn add_text_prefixed(&mut self, prefix: &str, text: &str, w: f32) {
        // Each word is lower-cased once and stemmed once: bags are built
        // for every figure of every article on every refresh.
        for (_, word) in words_with_offsets(text) {
            let lower = word.to_lowercase();
            if let Some(s) = stem_lower(&lower) {
                if let Some(c) = concept_of_lower(&lower, Some(&s)) {
                    self.add(format!("{prefix}k:{c}"), w);
                }
                if prefix.is_empty() {
                    self.add(s, w);
                } else {
                    self.add(format!("{prefix}{s}"), w);
                }
            }
        }
    }

    /// True when the bag has no features.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Cosine similarity, each feature weighted by `idf` (features absent
    /// from `idf` weigh nothing).
    pub fn cosine(&self, other: &Bag, idf: &HashMap<String, f32>) -> f32 {
        let w = |k: &str| idf.get(k).copied().unwrap_or(0.0);
        let mut dot = 0.0;
        for (k, a) in &self.0 {
            if let Some(b) = other.0.get(k) {
                let x = w(k);
                dot += a * b * x * x;
            }
        }
        let norm = |bag: &Bag| {
            bag.0
                .iter()
                .map(|(k, v)| {
                    let x = v * w(k);
                    x * x
                })
                .sum::<f32>()
                .sqrt()
        };
        let n = norm(self) * norm(other);
        if n == 0.0 {
            0.0
        } else {
            dot / n
        }
    }
}

/// A bag weighted by idf, with features interned to integers and sorted,
/// so that comparing two is a merge of short arrays instead of string
/// hashing: slot alignment compares every pair of figures.
#[derive(Debug, Clone, Default)]
pub struct Sparse {
    ids: Vec<u32>,
    weights: Vec<f32>,
    norm: f32,
}

impl Sparse {
    /// Weighs a bag; features missing from `idf` (seen once) are dropped.
    pub fn new(bag: &Bag, idf: &HashMap<String, f32>, ids: &mut HashMap<String, u32>) -> Self {
        let mut pairs: Vec<(u32, f32)> = bag
            .0
            .iter()
            .filter_map(|(k, v)| {
                let w = idf.get(k)?;
                let next = ids.len() as u32;
                let id = *ids.entry(k.clone()).or_insert(next);
                Some((id, v * w))
            })
            .collect();
        pairs.sort_unstable_by_key(|p| p.0);
        let norm = pairs.iter().map(|p| p.1 * p.1).sum::<f32>().sqrt();
        Sparse {
            ids: pairs.iter().map(|p| p.0).collect(),
            weights: pairs.iter().map(|p| p.1).collect(),
            norm,
        }
    }

    /// The interned features present.
    pub fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.ids.iter().copied()
    }

    /// How many features survived weighting.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when no feature survived weighting.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Cosine similarity; the same as [`Bag::cosine`] with the same idf.
    pub fn cosine(&self, other: &Sparse) -> f32 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < self.ids.len() && j < other.ids.len() {
            match self.ids[i].cmp(&other.ids[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += self.weights[i] * other.weights[j];
                    i += 1;
                    j += 1;
                }
            }
        }
        dot / (self.norm * other.norm)
    }
}

/// Inverse document frequency of each feature over a set of bags, so that
/// words every mention shares (the event's main place, say) weigh little.
///
/// Features found in one bag only are left out: they can never make two
/// mentions alike, and with their high idf they would only swamp the
/// features that can (two reports rarely share their incidental wording).
pub fn idf(bags: &[&Bag]) -> HashMap<String, f32> {
    let mut df: HashMap<String, usize> = HashMap::default();
    for bag in bags {
        for k in bag.0.keys() {
            *df.entry(k.clone()).or_insert(0) += 1;
        }
    }
    let n = bags.len().max(1) as f32;
    df.into_iter()
        .filter(|(_, d)| *d >= 2)
        .map(|(k, d)| (k, (1.0 + n / d as f32).ln()))
        .collect()
}

/// One name per entity across articles. Each article resolves its own
/// aliases to a canonical name, and two articles may pick different ones
/// for one body ("the Korvald Detention Centre" in one, its acronym in
/// another). A proper-name mention joins its surface form to its article's
/// canonical name, so that canonical names one article treats as aliases
/// meet everywhere.
#[derive(Debug, Default)]
pub struct EntityNames {
    ids: HashMap<String, usize>,
    parent: Vec<usize>,
    names: Vec<String>,
}

impl EntityNames {
    /// Joins the names of all articles' entity mentions.
    pub fn new(articles: &[Article]) -> Self {
        let mut n = EntityNames::default();
        for a in articles {
            for s in &a.spans {
                let SpanKind::Entity {
                    canonical, nominal, ..
                } = &s.kind
                else {
                    continue;
                };
                let surface = a.slice(s.range);
                let c = n.id(&canonical.to_lowercase());
                // Descriptions ("the prison") would chain different bodies
                // of different articles; only names join.
                if !*nominal && surface.chars().next().is_some_and(char::is_uppercase) {
                    let x = n.id(&surface.to_lowercase());
                    n.union(c, x);
                }
            }
        }
        n.join_generations();
        n
    }

    /// Joins a name given with a generational suffix ("Ann Lee III") to the
    /// same name without it, when the run has that one suffix for it: later
    /// references and other outlets drop the suffix, and only a second
    /// suffixed form ("Ann Lee Sr.") says a father and a son are both in the
    /// news.
    fn join_generations(&mut self) {
        let mut suffixed: HashMap<String, (Vec<usize>, HashSet<String>)> = HashMap::default();
        let mut plain: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, name) in self.names.iter().enumerate() {
            let (base, generation) = crate::names::generation(name);
            if base.len() < 2 {
                continue;
            }
            match generation {
                Some(g) => {
                    let e = suffixed.entry(base.join(" ")).or_default();
                    e.0.push(i);
                    e.1.insert(g);
                }
                None => {
                    plain.entry(base.join(" ")).or_default().push(i);
                }
            }
        }
        for (base, (ids, forms)) in suffixed {
            if forms.len() != 1 {
                continue;
            }
            let Some(same) = plain.get(&base) else {
                continue;
            };
            for &p in same {
                for &i in &ids {
                    self.union(p, i);
                }
            }
        }
    }

    fn id(&mut self, name: &str) -> usize {
        if let Some(&i) = self.ids.get(name) {
            return i;
        }
        let i = self.parent.len();
        self.ids.insert(name.to_string(), i);
        self.parent.push(i);
        self.names.push(name.to_string());
        i
    }

    fn root(&self, mut i: usize) -> usize {
        while let Some(&p) = self.parent.get(i) {
            if p == i {
                break;
            }
            i = p;
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            // The smaller id stays root, so a name's key is stable.
            let (keep, gone) = (ra.min(rb), ra.max(rb));
            self.parent[gone] = keep;
        }
    }

    /// The bag feature of an entity with this canonical name.
    pub fn feature(&self, canonical: &str) -> String {
        let lower = canonical.to_lowercase();
        match self.ids.get(&lower) {
            Some(&i) => format!("ent:{}", self.names[self.root(i)]),
            None => format!("ent:{lower}"),
        }
    }
}

/// Entity names mentioned inside a range, as bag features.
pub fn entities_in(article: &Article, range: ByteRange, names: &EntityNames) -> Vec<String> {
    article
        .spans
        .iter()
        .filter(|s| s.range.start >= range.start && s.range.end <= range.end)
        .filter_map(|s| match &s.kind {
            SpanKind::Entity { canonical, .. } => Some(names.feature(canonical)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_fold_derivations_and_skip_function_words() {
        assert_eq!(stem("Deported"), stem("deportation"));
        assert_eq!(stem("with"), None);
        assert_eq!(stem("1911"), None);
        assert_eq!(stem("año").as_deref(), None);
    }

    #[test]
    fn short_nouns_and_plurals_count() {
        assert_eq!(stem("law").as_deref(), Some("law"));
        assert_eq!(stem("cells"), stem("cell"));
        assert_eq!(stem("muertos"), stem("muerto"));
        assert_eq!(stem("the"), None);
        assert_eq!(stem("los"), None);
        assert_eq!(concept_of_word("expulsados"), Some("sent"));
        assert_eq!(concept_of_word("bodies"), Some("dead"));
        assert_eq!(concept_of_word("enviados"), concept_of_word("deported"));
    }

    /// An article of one paragraph with entity mentions: (surface as in
    /// the text, canonical name, kind).
    fn with_entities(
        id: &str,
        text: &str,
        mentions: &[(&str, &str, crosswire_model::EntityKind)],
    ) -> Article {
        use crosswire_model::{ArticleBuilder, BlockKind, Span};
        let mut b = ArticleBuilder::new(id);
        b.push_block(BlockKind::Paragraph, text);
        let mut a = b.finish();
        for (surface, canonical, kind) in mentions {
            let start = a.text.find(surface).unwrap_or(0);
            a.spans.push(Span {
                range: ByteRange::new(start, start + surface.len()),
                kind: SpanKind::Entity {
                    entity: *kind,
                    cluster: 0,
                    canonical: (*canonical).into(),
                    role: None,
                    nominal: false,
                },
            });
        }
        a
    }

    #[test]
    fn names_one_article_treats_as_aliases_meet_everywhere() {
        use crosswire_model::EntityKind::Facility;
        let a = with_entities(
            "a",
            "KDC, the Korvald Detention Centre, opened.",
            &[("KDC", "Korvald Detention Centre", Facility)],
        );
        let c = with_entities("b", "The KDC is full.", &[("KDC", "KDC", Facility)]);
        let names = EntityNames::new(&[a, c]);
        assert_eq!(
            names.feature("KDC"),
            names.feature("Korvald Detention Centre")
        );
        assert_ne!(names.feature("KDC"), names.feature("Sarn Island prison"));
    }

    #[test]
    fn a_name_without_its_one_generational_suffix_is_the_same_person() {
        let person = |id: &str, text: &str, names: &[&str]| {
            let mentions: Vec<_> = names
                .iter()
                .map(|n| (*n, *n, crosswire_model::EntityKind::Person))
                .collect();
            with_entities(id, text, &mentions)
        };
        let names = EntityNames::new(&[
            person(
                "a",
                "Teodor Brask III, 41, was held.",
                &["Teodor Brask III"],
            ),
            person("b", "Teodor Brask, 41, was held.", &["Teodor Brask"]),
        ]);
        assert_eq!(
            names.feature("Teodor Brask"),
            names.feature("Teodor Brask III")
        );
        // A father named with his own suffix: the bare name could be either.
        let names = EntityNames::new(&[
            person(
                "a",
                "Teodor Brask Jr. met Teodor Brask Sr. today.",
                &["Teodor Brask Jr.", "Teodor Brask Sr."],
            ),
            person("b", "Teodor Brask spoke.", &["Teodor Brask"]),
        ]);
        assert_ne!(
            names.feature("Teodor Brask"),
            names.feature("Teodor Brask Jr.")
        );
        assert_ne!(
            names.feature("Teodor Brask Sr."),
            names.feature("Teodor Brask Jr.")
        );
    }

    #[test]
    fn cosine_of_similar_contexts_is_high() {
        let mut a = Bag::default();
        a.add_text("workers evacuated from the flooded mine", 1.0);
        let mut b = Bag::default();
        b.add_text("miners evacuated after the mine flooded", 1.0);
        let mut c = Bag::default();
        c.add_text("budget approved by parliament", 1.0);
        let idf = idf(&[&a, &b, &c]);
        assert!(a.cosine(&b, &idf) > 0.5);
        assert_eq!(a.cosine(&c, &idf), 0.0);
        let mut ids = HashMap::default();
        let (sa, sb) = (
            Sparse::new(&a, &idf, &mut ids),
            Sparse::new(&b, &idf, &mut ids),
        );
        assert!((sa.cosine(&sb) - a.cosine(&b, &idf)).abs() < 1e-6);
    }
}
