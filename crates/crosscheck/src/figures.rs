//! Figure slots: figures from different articles that count the same
//! quantity, grouped by *what* they count (the counted noun phrase, the
//! words and entities around them), never by the number itself; then a
//! verdict from the values read as intervals.

use crate::context::{
    concept_of_word, entities_in, idf, sentence_of, words_with_offsets, Bag, EntityNames, Sparse,
};
use crate::lexicon::{
    CONCEPTS, GENERIC_PERSONS, LIST_CONNECTORS, MEASURES, OPPOSED_CONCEPTS, PERCENT_UNITS,
    RELATED_CONCEPTS, TIME_PREPOSITIONS, TIME_UNITS, UPDATE_CUES,
};
use crosswire_link::Origins;
use crosswire_model::dossier::{FigureSlot, Mention, SlotValue, Verdict};
use crosswire_model::{Article, ByteRange, Figure, FigureRole, Qualifier, SpanKind};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// Tuning of slot alignment.
#[derive(Debug, Clone)]
pub struct SlotOptions {
    /// Average-linkage similarity at or above which two groups of figures
    /// are one slot.
    pub min_similarity: f32,
    /// Words either side of a figure that count as its context.
    pub window: usize,
    /// Weight of the best pair in the linkage of two groups (the rest is
    /// the average pair).
    pub best_pair_weight: f32,
}

impl Default for SlotOptions {
    fn default() -> Self {
        SlotOptions {
            min_similarity: 0.10,
            window: 5,
            best_pair_weight: 0.4,
        }
    }
}

/// One figure mention with what slotting needs.
struct Fig<'a> {
    article: usize,
    span: ByteRange,
    sentence: ByteRange,
    /// The sentence's text, and the figure's place in it.
    sent_text: &'a str,
    rel: std::ops::Range<usize>,
    figure: &'a Figure,
    text: String,
    /// What is counted: the counted phrase and the unit.
    head: Bag,
    /// What happened to it: the words of its clause near the number.
    near: Bag,
    /// The scene: the rest of the sentence and its entities.
    far: Bag,
    /// Inside a direct quotation.
    in_quote: bool,
    /// The article's language, when known.
    language: Option<&'a str>,
    /// Its clause reports the quantity changing over time ([`UPDATE_CUES`]).
    updated: bool,
    /// The happenings its clause names, one bit per row of [`CONCEPTS`].
    concepts: u32,
    measures: BTreeSet<&'static str>,
    unit_key: String,
}

/// Unit classes that can never be one quantity: money in one currency,
/// shares, durations, and counts.
fn unit_key(unit: Option<&str>) -> String {
    let Some(u) = unit.map(str::trim).filter(|u| !u.is_empty()) else {
        return "count".into();
    };
    let lower = u.to_lowercase();
    if u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()) {
        return format!("cur:{u}");
    }
    if PERCENT_UNITS.contains(&lower.as_str()) {
        return "pct".into();
    }
    if TIME_UNITS.contains(&lower.as_str()) {
        // Days and years are different quantities, not one in two units.
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        return format!("time:{singular}");
    }
    "count".into()
}

/// True when `phrase` occurs in `lower` (lower case) as whole words.
fn has_phrase(lower: &str, phrase: &str) -> bool {
    lower
        .match_indices(phrase)
        .any(|(i, m)| whole_words(lower, i, i + m.len()))
}

/// Whether `text[start..end]` starts and ends at word boundaries.
fn whole_words(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|t| t.chars().next_back());
    let after = text.get(end..).and_then(|t| t.chars().next());
    before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Whether any phrase of a fixed list occurs in a lower-cased text as
/// whole words, like [`has_phrase`] over the list, with one automaton
/// built on first use: the update cues are looked for in every figure's
/// clause on every refresh, and a substring search per cue (a searcher
/// built for each) was a fifth of the figure pass.
fn any_phrase(
    lower: &str,
    list: &'static [&'static str],
    cell: &'static std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
) -> bool {
    let Some(ac) = cell.get_or_init(|| aho_corasick::AhoCorasick::new(list).ok()) else {
        return list.iter().any(|p| has_phrase(lower, p));
    };
    ac.find_overlapping_iter(lower)
        .any(|m| whole_words(lower, m.start(), m.end()))
}

/// The unit class of years that date a thing ("a 1911 law"): compared
/// only with other such years, and read exactly.
const YEAR_KEY: &str = "year:calendar";

/// Whether a year that follows `before` (its sentence up to the year)
/// qualifies a thing ("a 1911 law", "a law dating back to 1911", "la ley
/// de 1911"), which makes it a fact outlets may disagree on, rather than
/// date a happening ("in 2019", "desde 2019"), which the timeline orders.
fn qualifies_a_thing(before: &str) -> bool {
    let last = words_with_offsets(before)
        .last()
        .map(|(_, w)| w.to_lowercase());
    !last.is_some_and(|w| TIME_PREPOSITIONS.contains(&w.as_str()))
}

/// Which measure words occur in a text (as whole words, like
/// [`has_phrase`]). One automaton over every cue of [`MEASURES`]: this runs
/// for every figure on every refresh, and searching cue by cue dominated.
fn measures_in(text: &str) -> BTreeSet<&'static str> {
    static CUES: std::sync::OnceLock<Option<(aho_corasick::AhoCorasick, Vec<&'static str>)>> =
        std::sync::OnceLock::new();
    let lower = text.to_lowercase();
    let built = CUES.get_or_init(|| {
        let (names, cues): (Vec<&'static str>, Vec<&'static str>) = MEASURES
            .iter()
            .flat_map(|(name, cues)| cues.iter().map(move |c| (*name, *c)))
            .unzip();
        aho_corasick::AhoCorasick::new(&cues)
            .ok()
            .map(|ac| (ac, names))
    });
    let Some((ac, names)) = built else {
        // Building from a constant table cannot fail; searched cue by cue
        // if it ever did.
        return MEASURES
            .iter()
            .filter(|(_, cues)| cues.iter().any(|cue| has_phrase(&lower, cue)))
            .map(|(name, _)| *name)
            .collect();
    };
    let mut out = BTreeSet::new();
    for m in ac.find_overlapping_iter(&lower) {
        if whole_words(&lower, m.start(), m.end()) {
            if let Some(name) = names.get(m.pattern().as_usize()) {
                out.insert(*name);
            }
        }
    }
    out
}

/// True for a number written as a hyphenated modifier of what follows: "a
/// 40,000-seat stadium", "a 500-bed hospital". Such a number gives the size
/// or capacity of the thing, not a count of people present.
fn is_size_modifier(from_number: &str) -> bool {
    let mut chars = from_number.char_indices().peekable();
    let mut end = 0;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_ascii_digit() || ((c == ',' || c == '.') && end > 0) {
            end = i + c.len_utf8();
            chars.next();
        } else {
            break;
        }
    }
    if end == 0 {
        return false;
    }
    let rest = &from_number[end..];
    let Some(word) = rest.strip_prefix('-') else {
        return false;
    };
    word.chars().next().is_some_and(|c| c.is_alphabetic())
        && !word.starts_with("year")
        && !word.starts_with("old")
}

/// The clause of `text` around `range`: back to the last comma, semicolon,
/// colon, bracket or dash before it, on to the first of those (but a
/// comma) after it.
fn clause_of(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let head = text.get(..range.start).unwrap_or("");
    // A comma between digits groups thousands ("40,000"); it ends nothing.
    let digit_at = |i: usize| {
        text.get(i..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_ascii_digit())
    };
    let start = head
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            [',', ';', ':', '(', '—', '–'].contains(&c)
                && !(c == ','
                    && i > 0
                    && digit_at(i + 1)
                    && head[..i].ends_with(|p: char| p.is_ascii_digit()))
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    let from = range.end.min(text.len());
    let end = text
        .get(from..)
        .and_then(|tail| tail.find([';', ':', '(', '—', '–']))
        .map_or(text.len(), |i| from + i);
    start..end
}

/// The words of `text` within `window` words of `range` (which is relative
/// to the same text), excluding the range itself. With `clause` set, the
/// words before stop at the clause's start (a comma, semicolon, colon or
/// bracket), since words of the previous clause describe something else
/// ("…lasted three years, although about 8,000 were released").
fn window_text(text: &str, range: std::ops::Range<usize>, window: usize, clause: bool) -> String {
    let (mut head, mut tail) = (
        text.get(..range.start).unwrap_or(""),
        text.get(range.end.min(text.len())..).unwrap_or(""),
    );
    if clause {
        let c = clause_of(text, range.clone());
        head = text.get(c.start..range.start).unwrap_or("");
        tail = text.get(range.end.min(c.end)..c.end).unwrap_or("");
    }
    let before: Vec<&str> = head.split_whitespace().collect();
    let after: Vec<&str> = tail.split_whitespace().collect();
    let b = &before[before.len().saturating_sub(window)..];
    let a = &after[..after.len().min(window)];
    format!("{} {}", b.join(" "), a.join(" "))
}

fn collect<'a>(articles: &'a [Article], opts: &SlotOptions) -> Vec<Fig<'a>> {
    let mut figs = Vec::new();
    let names = EntityNames::new(articles);
    for (ai, article) in articles.iter().enumerate() {
        for span in &article.spans {
            let SpanKind::Figure(figure) = &span.kind else {
                continue;
            };
            if !matches!(figure.role, FigureRole::Claim | FigureRole::Year) {
                continue;
            }
            let sentence = sentence_of(article, span.range);
            let year = figure.role == FigureRole::Year
                && qualifies_a_thing(article.slice(ByteRange::new(
                    sentence.start as usize,
                    span.range.start as usize,
                )));
            if figure.role != FigureRole::Claim && !year {
                continue;
            }
            let sent_text = article.slice(sentence);
            let rel = span.range.start.saturating_sub(sentence.start) as usize
                ..span.range.end.saturating_sub(sentence.start) as usize;
            let mut head = Bag::default();
            let unit = if year {
                YEAR_KEY.to_string()
            } else {
                unit_key(figure.unit.as_deref())
            };
            if let Some(counts) = &figure.counts {
                // A counted "noun" that is only the unit ("three days") says
                // nothing the unit does not.
                let is_unit = figure
                    .unit
                    .as_deref()
                    .is_some_and(|u| u.eq_ignore_ascii_case(counts.trim()));
                let generic = GENERIC_PERSONS
                    .iter()
                    .any(|g| counts.trim().eq_ignore_ascii_case(g));
                if !is_unit && !generic {
                    head.add_text(counts, 1.0);
                }
            }
            // The unit is a hard constraint already (see `can_merge`); as a
            // feature it would make every two durations in days look alike.
            // It only adds to a counted noun.
            if unit != "count" && !head.is_empty() {
                head.add(format!("u:{unit}"), 1.0);
            }
            let mut near = Bag::default();
            near.add_text(&window_text(sent_text, rel.clone(), opts.window, true), 1.0);
            let mut far = Bag::default();
            far.add_text(
                &window_text(sent_text, rel.clone(), 3 * opts.window, false),
                1.0,
            );
            for e in entities_in(article, sentence, &names) {
                far.add(e, 1.0);
            }
            // The places and bodies named in the figure's own clause say
            // which quantity it is ("sent to the Korvald prison" / "the
            // Korvald prison houses"), wherever in the clause they sit.
            let clause_rel = clause_of(sent_text, rel.clone());
            let clause_text = sent_text.get(clause_rel.clone()).unwrap_or("");
            let clause = ByteRange::new(
                sentence.start as usize + clause_rel.start,
                sentence.start as usize + clause_rel.end,
            );
            for e in entities_in(article, clause, &names) {
                near.add(e, 1.0);
            }
            let in_quote = article.spans.iter().any(|q| match &q.kind {
                SpanKind::Quote(qs) => {
                    qs.direct
                        && qs.content.start <= span.range.start
                        && span.range.end <= qs.content.end
                }
                _ => false,
            });
            let own = article.slice(span.range);
            let measure_text = format!(
                "{own} {} {}",
                figure.counts.as_deref().unwrap_or(""),
                window_text(sent_text, rel.clone(), 4, true)
            );
            let mut measures = measures_in(&measure_text);

            if is_size_modifier(article.text.get(span.range.start as usize..).unwrap_or("")) {
                measures.insert("capacity");
            }
            // What happened to the counted: named anywhere in the clause
            // ("the death toll ... has risen to 17"), not only next to it.
            let updated = {
                static CUES: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
                    std::sync::OnceLock::new();
                any_phrase(&clause_text.to_lowercase(), UPDATE_CUES, &CUES)
            };
            let concepts = concept_bits_of(clause_text) | concept_bits(&near);
            figs.push(Fig {
                article: ai,
                span: span.range,
                sentence,
                sent_text,
                rel,
                figure,
                text: own.to_string(),
                head,
                near,
                far,
                in_quote,
                language: article.language.as_deref(),
                updated,
                concepts,
                measures,
                unit_key: unit.clone(),
            });
        }
    }
    figs
}

/// The nominal size of a figure, for magnitude checks.
fn magnitude(f: &Figure) -> f64 {
    if f.value > 0.0 {
        f.value
    } else {
        match f.high {
            Some(h) if h.is_finite() => (f.low + h) / 2.0,
            _ => f.low,
        }
    }
}

/// Whether two figures may share a slot at all.
fn can_merge(a: &Fig, b: &Fig) -> bool {
    if a.unit_key != b.unit_key || a.measures != b.measures {
        return false;
    }
    if opposed(a.concepts, b.concepts) {
        return false;
    }
    // Two figures of one sentence are two quantities ("86,000 arrested,
    // 8,000 released").
    if a.article == b.article && a.sentence == b.sentence {
        return false;
    }
    // An article does not contradict itself in its own voice: two figures
    // of one article that cannot both be true count different things. (A
    // direct quote contradicting the article is kept apart from this rule:
    // that is exactly a conflict worth showing.)
    // Nor is a figure it reports as changed ("the toll has risen to 17",
    // "had put it at 14") a contradiction of the other, when the change is
    // a revision (within a factor of two), not a different count.
    let revision = (a.updated || b.updated) && {
        let (ma, mb) = (magnitude(a.figure), magnitude(b.figure));
        ma > 0.0 && mb > 0.0 && ma.max(mb) <= 2.0 * ma.min(mb)
    };
    if a.article == b.article
        && a.in_quote == b.in_quote
        && !revision
        && !(a.figure.qualifier == Qualifier::Vague && b.figure.qualifier == Qualifier::Vague)
        && !overlaps(a.figure, b.figure)
    {
        return false;
    }
    let (ma, mb) = (magnitude(a.figure), magnitude(b.figure));
    if ma > 0.0 && mb > 0.0 {
        let ratio = ma.max(mb) / ma.min(mb);
        if ratio > 10.0 {
            return false;
        }
    }
    true
}

/// A figure's three context bags, weighed.
struct Weighed {
    /// Whether the figure names what it counts at all (before weighing,
    /// which drops words no other figure uses).
    has_head: bool,
    value_key: Option<(u64, String)>,
    article: usize,
    in_quote: bool,
    language: Option<String>,
    /// The happenings its clause names, one bit per row of [`CONCEPTS`].
    concepts: u32,
    /// The entities its clause names (bag features).
    places: BTreeSet<String>,
    head: Sparse,
    near: Sparse,
    far: Sparse,
}

/// How alike two figures' contexts are. Two mentions of one quantity count
/// the same thing and say the same happened to it, so the counted noun and
/// the clause around the number weigh equally; the wider scene adds a little.
fn similarity(a: &Weighed, b: &Weighed) -> f32 {
    let mut bonus = if a.value_key.is_some() && a.value_key == b.value_key {
        // Across languages the words of two contexts cannot meet (only
        // names and concepts do), so the same stated number weighs more.
        match (&a.language, &b.language) {
            (Some(x), Some(y)) if x != y => 2.0 * VALUE_BONUS,
            _ => VALUE_BONUS,
        }
    } else {
        0.0
    };
    // People sent to a place and people held in that same place are one
    // quantity: the shared place tells as much as a shared counted noun.
    let same_place_stages = related(a.concepts, b.concepts) && !a.places.is_disjoint(&b.places);
    if same_place_stages {
        bonus += SAME_PLACE_BONUS;
    }
    let shared_happening = a.concepts & b.concepts != 0 || same_place_stages;
    // An article that quotes a speaker's figure next to its own figure for
    // the same happening sets the claim against its count ("we sent over
    // 250", says the minister; 238 were deported, says the report): within
    // one article, a quoted and a narrative figure whose clauses name the
    // same happening are one quantity.
    if a.article == b.article && a.in_quote != b.in_quote && shared_happening {
        bonus += QUOTE_CLAIM_BONUS;
    }
    let near = a.near.cosine(&b.near);
    let far = a.far.cosine(&b.far);
    // Linear rather than a product: measured on the example corpus and the
    // seeds, a product or minimum lets one weak side veto too many true
    // pairs (a terse counted noun, a clause cut short).
    let core = if !a.has_head || !b.has_head {
        near
    } else {
        0.5 * a.head.cosine(&b.head) + 0.5 * near
    };
    let sim = 0.8 * core + 0.2 * far + bonus;
    // Clauses that name different happenings ("killed" / "injured", "sent"
    // / "arrested") count different quantities, however alike the rest.
    if a.concepts != 0 && b.concepts != 0 && !shared_happening {
        sim * DIFFERENT_HAPPENING
    } else {
        sim
    }
}

/// What a quoted and a narrative figure of one article naming the same
/// happening add to their similarity (see [`similarity`]).
const QUOTE_CLAIM_BONUS: f32 = 0.15;

/// What naming related stages of one happening at one place adds to the
/// similarity of two figures (see [`similarity`]).
const SAME_PLACE_BONUS: f32 = 0.15;

/// The factor on the similarity of figures whose clauses name different
/// happenings.
const DIFFERENT_HAPPENING: f32 = 0.4;

/// A table of concept pairs as bit masks.
fn concept_pairs(table: &[(&str, &str)]) -> Vec<(u32, u32)> {
    let bit = |name: &str| {
        CONCEPTS
            .iter()
            .position(|(n, _)| *n == name)
            .map_or(0, |i| 1u32 << i)
    };
    table
        .iter()
        .map(|(x, y)| (bit(x), bit(y)))
        .filter(|(x, y)| *x != 0 && *y != 0)
        .collect()
}

fn holds_pair(pairs: &[(u32, u32)], a: u32, b: u32) -> bool {
    pairs
        .iter()
        .any(|&(x, y)| (a & x != 0 && b & y != 0) || (a & y != 0 && b & x != 0))
}

/// True when the two sets of happenings hold a pair of
/// [`RELATED_CONCEPTS`].
fn related(a: u32, b: u32) -> bool {
    static PAIRS: OnceLock<Vec<(u32, u32)>> = OnceLock::new();
    a != 0 && b != 0 && holds_pair(PAIRS.get_or_init(|| concept_pairs(RELATED_CONCEPTS)), a, b)
}

/// True when each clause names one happening of [`OPPOSED_CONCEPTS`] and
/// the two are a pair of it. A clause naming several ("demanding the release
/// of the 238 deported") is left to the softer [`DIFFERENT_HAPPENING`].
fn opposed(a: u32, b: u32) -> bool {
    static PAIRS: OnceLock<(Vec<(u32, u32)>, u32)> = OnceLock::new();
    let (pairs, mask) = PAIRS.get_or_init(|| {
        let pairs = concept_pairs(OPPOSED_CONCEPTS);
        let mask = pairs.iter().fold(0, |m, (x, y)| m | x | y);
        (pairs, mask)
    });
    // Only happenings that have an opposite count: "protesters" next to
    // "arrested" names who, not a second happening.
    let (a, b) = (a & mask, b & mask);
    a.count_ones() == 1 && b.count_ones() == 1 && holds_pair(pairs, a, b)
}

/// The happenings a text names, one bit per row of [`CONCEPTS`].
fn concept_bits_of(text: &str) -> u32 {
    words_with_offsets(text)
        .into_iter()
        .filter_map(|(_, w)| concept_of_word(w))
        .filter_map(|c| CONCEPTS.iter().position(|(n, _)| *n == c))
        .fold(0, |bits, i| bits | (1 << i))
}

/// The happenings a bag names, one bit per row of [`CONCEPTS`].
fn concept_bits(bag: &Bag) -> u32 {
    CONCEPTS
        .iter()
        .enumerate()
        .filter(|(_, (name, _))| bag.0.contains_key(&format!("k:{name}")))
        .fold(0, |bits, (i, _)| bits | (1 << i))
}

/// What the same number adds to two contexts: a little. Two reports of
/// one quantity usually give the same number, but the number must never be
/// what groups figures, or the conflicts crosswire exists to show would be
/// split apart.
const VALUE_BONUS: f32 = 0.1;

/// The value and unit of a figure, for [`VALUE_BONUS`]: only stated,
/// non-trivial numbers (not vague wordings, not small counts like "two").
fn value_key(f: &Figure) -> Option<(u64, String)> {
    (f.qualifier != Qualifier::Vague && f.value >= 10.0 && f.value.is_finite())
        .then(|| (f.value.to_bits(), unit_key(f.unit.as_deref())))
}

/// Groups figures into slots by average-linkage agglomeration over context
/// similarity, under the hard constraints of [`can_merge`].
///
/// Only pairs at or above the threshold are kept (a sparse graph), and the
/// best merge comes off a heap, so a hundred articles with thousands of
/// figures cluster in milliseconds. A pair missing from the graph counts as
/// similarity 0 in the averages, which is what the dense version would use.
fn cluster(figs: &[Fig], opts: &SlotOptions) -> Vec<Vec<usize>> {
    use std::cmp::Ordering;
    use std::collections::BinaryHeap;

    #[derive(PartialEq)]
    struct Cand(f32, usize, usize);
    impl Eq for Cand {}
    impl PartialOrd for Cand {
        fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for Cand {
        fn cmp(&self, other: &Self) -> Ordering {
            self.0
                .total_cmp(&other.0)
                .then_with(|| other.1.cmp(&self.1))
                .then_with(|| other.2.cmp(&self.2))
        }
    }

    let bags: Vec<&Bag> = figs
        .iter()
        .flat_map(|f| [&f.head, &f.near, &f.far])
        .collect();
    let idf = idf(&bags);
    let mut ids = HashMap::default();
    let weighed: Vec<Weighed> = figs
        .iter()
        .map(|f| Weighed {
            // A speaker names what they count in their own terms ("alien
            // enemies", "terrorists"), not the report's: a quoted figure's
            // counted noun says little about which quantity it is.
            has_head: !f.head.is_empty() && !f.in_quote,
            value_key: value_key(f.figure),
            article: f.article,
            in_quote: f.in_quote,
            language: f.language.map(str::to_string),
            concepts: f.concepts,
            places: f
                .near
                .0
                .keys()
                .filter(|k| k.starts_with("ent:"))
                .cloned()
                .collect(),
            head: Sparse::new(&f.head, &idf, &mut ids),
            near: Sparse::new(&f.near, &idf, &mut ids),
            far: Sparse::new(&f.far, &idf, &mut ids),
        })
        .collect();
    let n = figs.len();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    // Per group: neighbour -> sum of pairwise similarities, for pairs that
    // may merge. Pairs that may not merge are checked again when a merge
    // comes off the heap, rather than stored: storing them is quadratic in
    // memory, and few candidates ever reach the top.
    let mut sums: Vec<HashMap<usize, (f32, f32)>> = vec![HashMap::default(); n];
    let mut heap = BinaryHeap::new();
    for i in 0..n {
        for j in i + 1..n {
            if !can_merge(&figs[i], &figs[j]) {
                continue;
            }
            let s = similarity(&weighed[i], &weighed[j]);
            if s > 0.0 {
                sums[i].insert(j, (s, s));
                sums[j].insert(i, (s, s));
                if s >= opts.min_similarity {
                    heap.push(Cand(s, i, j));
                }
            }
        }
    }
    // The linkage: mostly the average pairwise similarity, plus a share of
    // the best pair. Pure average linkage keeps a newcomer out of a big
    // slot whose members word the quantity in many ways (a quote's own
    // wording meets one or two of them, not all); the average part still
    // keeps chains of loosely related figures apart.
    let lambda = opts.best_pair_weight;
    let avg = |sums: &[HashMap<usize, (f32, f32)>], members: &[Vec<usize>], a: usize, b: usize| {
        let (sum, best) = sums[a].get(&b).copied().unwrap_or((0.0, 0.0));
        let mean = sum / (members[a].len() * members[b].len()) as f32;
        (1.0 - lambda) * mean + lambda * best
    };
    while let Some(Cand(s, a, b)) = heap.pop() {
        if !alive[a] || !alive[b] {
            continue;
        }
        // Stale entry: the groups changed since it was pushed.
        if (avg(&sums, &members, a, b) - s).abs() > 1e-6 {
            continue;
        }
        let compatible = members[a]
            .iter()
            .all(|&i| members[b].iter().all(|&j| can_merge(&figs[i], &figs[j])));
        if !compatible {
            continue;
        }
        // Merge b into a.
        alive[b] = false;
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        let b_sums = std::mem::take(&mut sums[b]);
        for (c, (v, m)) in b_sums {
            if c == a {
                continue;
            }
            let e = sums[a].entry(c).or_insert((0.0, 0.0));
            e.0 += v;
            e.1 = e.1.max(m);
            if let Some((x, y)) = sums[c].remove(&b) {
                let e = sums[c].entry(a).or_insert((0.0, 0.0));
                e.0 += x;
                e.1 = e.1.max(y);
            }
        }
        sums[a].remove(&b);
        for (&c, _) in sums[a].iter() {
            if alive[c] {
                let v = avg(&sums, &members, a, c);
                if v >= opts.min_similarity {
                    heap.push(Cand(v, a.min(c), a.max(c)));
                }
            }
        }
    }
    members
        .into_iter()
        .zip(alive)
        .filter(|(_, alive)| *alive)
        .map(|(m, _)| m)
        .collect()
}

/// The interval a figure's wording allows, for compatibility checks.
/// A round unhedged number is read as precise only to its rounding ("200"
/// covers 150–250), as readers and editors read headline figures.
pub fn interval(f: &Figure) -> (f64, f64, bool) {
    let high = f.high.unwrap_or(f64::INFINITY);
    // A year is never rounded: "a 2000 law" is not "a 1998 law".
    if f.role == FigureRole::Year {
        return (f.value, f.value, false);
    }
    match f.qualifier {
        Qualifier::Exact => {
            let v = f.value;
            let tol = rounding_tolerance(v);
            (v - tol, v + tol, false)
        }
        Qualifier::About => {
            if f.low < f.value || high > f.value {
                (f.low, high, false)
            } else {
                (f.value * 0.85, f.value * 1.15, false)
            }
        }
        // "more than 200" excludes 200 itself.
        Qualifier::MoreThan => (f.value, f64::INFINITY, true),
        Qualifier::AtLeast => (f.value, f64::INFINITY, false),
        Qualifier::LessThan => (0.0, f.value, true),
        Qualifier::UpTo => (0.0, f.value, false),
        Qualifier::Range => (f.low, high, false),
        // A vague plural's floor is firm ("tens of thousands" is never
        // 15,000) but its ceiling is not: writers say "thousands" of 15,000
        // and "hundreds" of 1,200, since the next wording up ("tens of
        // thousands") starts well above. The ceiling stretches to twice
        // its nominal top.
        Qualifier::Vague => (f.low, high * 2.0, false),
    }
}

fn rounding_tolerance(v: f64) -> f64 {
    if !(v.is_finite() && v >= 100.0 && v.fract() == 0.0) {
        return 0.0;
    }
    // Only one significant digit counts as "round": 200, 6,000,000.
    let mag = 10f64.powi(v.log10().floor() as i32);
    if (v / mag).fract() == 0.0 {
        mag / 2.0
    } else {
        0.0
    }
}

fn overlaps(a: &Figure, b: &Figure) -> bool {
    let (alo, ahi, aopen) = interval(a);
    let (blo, bhi, bopen) = interval(b);
    let open = aopen || bopen;
    if open {
        alo < bhi && blo < ahi
    } else {
        alo <= bhi && blo <= ahi
    }
}

fn same_value(a: &Figure, b: &Figure) -> bool {
    let (x, y) = (a.value, b.value);
    x > 0.0 && y > 0.0 && ((x - y).abs() / x.max(y)) < 0.005
}

fn describe(f: &Figure, text: &str) -> String {
    let q = match f.qualifier {
        Qualifier::MoreThan => " (a lower bound)",
        Qualifier::AtLeast => " (a lower bound)",
        Qualifier::LessThan => " (an upper bound)",
        Qualifier::UpTo => " (a ceiling)",
        Qualifier::About => " (approximate)",
        Qualifier::Vague => " (vague)",
        Qualifier::Range => " (a range)",
        Qualifier::Exact => "",
    };
    format!("{text}{q}")
}

/// One claim a slot compares: a figure, or the parts of a total listed in
/// one sentence, read as their sum.
struct Claim {
    figure: Figure,
    text: String,
    article: usize,
}

/// The slot's claims: each member figure, except that parts of a total
/// (see [`part_runs`]) count once, as their sum, since the article's claim
/// is the total ("2 leaders plus 21 others" claims 23).
fn claims(group: &[usize], figs: &[Fig], runs: &[Vec<usize>]) -> Vec<Claim> {
    let mut consumed = BTreeSet::new();
    let mut out = Vec::new();
    for run in runs {
        if !run.iter().all(|i| group.contains(i)) {
            continue;
        }
        let Some(&first) = run.first() else {
            continue;
        };
        let sum: f64 = run.iter().map(|&i| figs[i].figure.value).sum();
        let mut figure = figs[first].figure.clone();
        figure.value = sum;
        figure.low = sum;
        figure.high = Some(sum);
        let text = run
            .iter()
            .map(|&i| format!("“{}”", figs[i].text))
            .collect::<Vec<_>>()
            .join(" + ");
        out.push(Claim {
            figure,
            text: format!("{text} = {sum}"),
            article: figs[first].article,
        });
        consumed.extend(run.iter().copied());
    }
    for &i in group {
        if !consumed.contains(&i) {
            out.push(Claim {
                figure: figs[i].figure.clone(),
                text: format!("“{}”", figs[i].text),
                article: figs[i].article,
            });
        }
    }
    out
}

/// Decides a slot's verdict and explains it.
fn verdict(figs: &[&Fig], claims: &[Claim], origins: &Origins) -> (Verdict, Option<String>) {
    let origin_set: BTreeSet<usize> = figs
        .iter()
        .filter_map(|f| origins.of_article.get(f.article).copied())
        .collect();
    let mut conflicts = Vec::new();
    let mut soft = Vec::new();
    // Whether two different articles disagree (not one article with itself).
    let mut across_articles = false;
    for (i, a) in claims.iter().enumerate() {
        for b in &claims[i + 1..] {
            if overlaps(&a.figure, &b.figure) {
                continue;
            }
            let both_vague =
                a.figure.qualifier == Qualifier::Vague && b.figure.qualifier == Qualifier::Vague;
            across_articles |= !both_vague && a.article != b.article;
            // One line per pair of wordings, whichever came first.
            let (x, y) = (describe(&a.figure, &a.text), describe(&b.figure, &b.text));
            let (x, y) = if x <= y { (x, y) } else { (y, x) };
            let line = format!("{x} vs {y}");
            let lines = if both_vague {
                &mut soft
            } else {
                &mut conflicts
            };
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
    }
    // Rewrites of one story that give different values are a conflict
    // worth showing, though one origin stands behind both.
    if origin_set.len() <= 1 && across_articles {
        return (
            Verdict::Conflict,
            Some(format!(
                "versions of one story disagree: {}",
                conflicts.join("; ")
            )),
        );
    }
    if origin_set.len() <= 1 {
        let note = (!conflicts.is_empty()).then(|| {
            format!(
                "only one origin reports this, and it is not consistent: {}",
                conflicts.join("; ")
            )
        });
        return (Verdict::SingleSource, note);
    }
    if !conflicts.is_empty() {
        return (
            Verdict::Conflict,
            Some(format!("cannot all be true: {}", conflicts.join("; "))),
        );
    }
    let sums: Vec<&str> = claims
        .iter()
        .filter(|c| c.text.contains(" + "))
        .map(|c| c.text.as_str())
        .collect();
    let point = |f: &Figure| matches!(f.qualifier, Qualifier::Exact | Qualifier::About);
    let all_same = claims
        .iter()
        .all(|c| point(&c.figure) && same_value(&c.figure, &claims[0].figure));
    if all_same {
        let note = (!sums.is_empty()).then(|| {
            format!(
                "parts listed in one report add up to the total: {}",
                sums.join("; ")
            )
        });
        return (Verdict::Agree, note);
    }
    let mut note = String::from("the wordings differ but the values are compatible");
    let distinct: Vec<String> = {
        let mut seen = Vec::new();
        for c in claims {
            let d = describe(&c.figure, &c.text);
            if !seen.contains(&d) {
                seen.push(d);
            }
        }
        seen
    };
    if distinct.len() > 1 {
        note = format!("{}: {}", note, distinct.join(", "));
    }
    if !soft.is_empty() {
        note.push_str(&format!("; vague wordings pull apart: {}", soft.join("; ")));
    }
    (Verdict::Compatible, Some(note))
}

/// The concepts ("dead", "arrested", ...) a figure's clause expresses.
fn concepts(f: &Fig) -> BTreeSet<String> {
    f.near
        .0
        .keys()
        .filter_map(|k| k.strip_prefix("k:").map(str::to_string))
        .collect()
}

/// Runs of two or three exact counts of one sentence listed side by side
/// ("2 leaders plus 21 others", "tres muertos y cinco heridos"): the only
/// figures that may be the parts of a total another sentence gives. Indices
/// into `figs`, in text order.
fn part_runs(figs: &[Fig]) -> Vec<Vec<usize>> {
    let mut by_sentence: HashMap<(usize, u32), Vec<usize>> = HashMap::default();
    for (i, f) in figs.iter().enumerate() {
        if f.figure.qualifier == Qualifier::Exact
            && f.figure.value > 0.0
            && f.figure.value.is_finite()
            && f.unit_key == "count"
        {
            by_sentence
                .entry((f.article, f.sentence.start))
                .or_default()
                .push(i);
        }
    }
    let mut runs = Vec::new();
    let mut keys: Vec<_> = by_sentence.keys().copied().collect();
    keys.sort_unstable();
    for k in keys {
        let Some(list) = by_sentence.get(&k) else {
            continue;
        };
        let mut list = list.clone();
        list.sort_by_key(|&i| figs[i].rel.start);
        // The text between neighbours: a list connector joins them; a
        // comma may separate earlier items of a longer list.
        let gap = |a: usize, b: usize| -> String {
            let (fa, fb) = (&figs[a], &figs[b]);
            fa.sent_text
                .get(fa.rel.end..fb.rel.start)
                .unwrap_or("")
                .to_lowercase()
        };
        let joined = |g: &str| LIST_CONNECTORS.iter().any(|c| has_phrase(g, c));
        for w in 0..list.len() {
            if w + 1 < list.len() && joined(&gap(list[w], list[w + 1])) {
                runs.push(vec![list[w], list[w + 1]]);
            }
            if w + 2 < list.len() {
                let first = gap(list[w], list[w + 1]);
                if (first.contains(',') || joined(&first)) && joined(&gap(list[w + 1], list[w + 2]))
                {
                    runs.push(vec![list[w], list[w + 1], list[w + 2]]);
                }
            }
        }
    }
    runs
}

/// Moves the parts of a total into the total's slot. Two figures of one
/// sentence are never one quantity, so clustering keeps parts apart; but
/// when figures listed together add up to a figure another sentence gives
/// (exactly or as "about"),
/// and one of them already sits in that figure's slot (its context says it
/// counts the same), they are the breakdown of that total and belong with
/// it. Parts whose clause names a different happening than the total's
/// ("3 dead and 5 injured" against "8 dead") are left alone. Returns the
/// runs that were read as parts.
fn attach_parts(figs: &[Fig], groups: &mut [Vec<usize>]) -> Vec<Vec<usize>> {
    let mut group_of: Vec<usize> = vec![usize::MAX; figs.len()];
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            group_of[i] = g;
        }
    }
    let mut used = BTreeSet::new();
    let mut taken = Vec::new();
    for run in part_runs(figs) {
        if run.iter().any(|i| used.contains(i)) {
            continue;
        }
        let sum: f64 = run.iter().map(|&i| figs[i].figure.value).sum();
        let first = &figs[run[0]];
        // What each part's own words say happened to it: from the part to
        // the next one (or to the clause's end), since the shared window
        // around a part also holds its neighbours' words.
        let own: Vec<BTreeSet<String>> = run
            .iter()
            .enumerate()
            .map(|(k, &p)| {
                let f = &figs[p];
                let end = match run.get(k + 1) {
                    Some(&next) => figs[next].rel.start,
                    None => f
                        .sent_text
                        .get(f.rel.end..)
                        .unwrap_or("")
                        .find([',', ';', ':', '(', '—', '–'])
                        .map_or(f.sent_text.len(), |i| f.rel.end + i),
                };
                let mut bag = Bag::default();
                bag.add_text(f.sent_text.get(f.rel.end..end).unwrap_or(""), 1.0);
                bag.0
                    .into_keys()
                    .filter_map(|k| k.strip_prefix("k:").map(str::to_string))
                    .collect()
            })
            .collect();
        // Parts that name different happenings ("3 dead and 5 injured")
        // are different quantities, not the breakdown of one.
        let named: Vec<&BTreeSet<String>> = own.iter().filter(|c| !c.is_empty()).collect();
        if named.windows(2).any(|w| w[0].is_disjoint(w[1])) {
            continue;
        }
        let total_group = run.iter().map(|&p| group_of[p]).find(|&g| {
            groups.get(g).is_some_and(|members| {
                members.iter().any(|&m| {
                    let t = &figs[m];
                    (t.article != first.article || t.sentence != first.sentence)
                        && matches!(t.figure.qualifier, Qualifier::Exact | Qualifier::About)
                        && t.unit_key == first.unit_key
                        && (t.figure.value - sum).abs() < 1e-9
                        && own.iter().all(|cp| {
                            let ct = concepts(t);
                            cp.is_empty() || ct.is_empty() || !cp.is_disjoint(&ct)
                        })
                })
            })
        });
        let Some(g) = total_group else {
            continue;
        };
        for &p in &run {
            let from = group_of[p];
            if from == g {
                continue;
            }
            if let Some(members) = groups.get_mut(from) {
                members.retain(|&x| x != p);
            }
            if let Some(members) = groups.get_mut(g) {
                members.push(p);
            }
            group_of[p] = g;
        }
        used.extend(run.iter().copied());
        taken.push(run);
    }
    taken
}

/// Builds the figure slots of a set of analyzed articles.
pub fn figure_slots(
    articles: &[Article],
    origins: &Origins,
    opts: &SlotOptions,
) -> Vec<FigureSlot> {
    let figs = collect(articles, opts);
    let mut groups = cluster(&figs, opts);
    let runs = attach_parts(&figs, &mut groups);
    let mut slots: Vec<FigureSlot> = groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|g| {
            let members: Vec<&Fig> = g.iter().map(|&i| &figs[i]).collect();
            let claims = claims(&g, &figs, &runs);
            let mut slot = build_slot(&members, &claims, origins);
            // Name the slot after what the total counts, not its parts.
            let whole: Vec<&Fig> = g
                .iter()
                .filter(|&&i| !runs.iter().any(|r| r.contains(&i)))
                .map(|&i| &figs[i])
                .collect();
            if !whole.is_empty() {
                slot.label = label(&whole);
            }
            slot
        })
        .collect();
    // Conflicts first, then by how many origins report the quantity.
    let rank = |v: Verdict| match v {
        Verdict::Conflict => 0,
        Verdict::Revised => 1,
        Verdict::Compatible => 2,
        Verdict::Agree => 3,
        Verdict::SingleSource => 4,
    };
    slots.sort_by(|a, b| {
        rank(a.verdict)
            .cmp(&rank(b.verdict))
            .then(b.origin_count.cmp(&a.origin_count))
            .then(a.label.cmp(&b.label))
    });
    slots
}

fn build_slot(members: &[&Fig], claims: &[Claim], origins: &Origins) -> FigureSlot {
    let (verdict, note) = verdict(members, claims, origins);
    // One value per distinct wording of the number (value + qualifier).
    let mut values: Vec<SlotValue> = Vec::new();
    for f in members {
        let mention = Mention {
            article: f.article,
            span: f.span,
            sentence: f.sentence,
        };
        let origin = origins.of_article.get(f.article).copied();
        let existing = values.iter_mut().find(|v| {
            v.qualifier == f.figure.qualifier
                && (v.value - f.figure.value).abs() < 1e-9
                && v.unit == f.figure.unit
        });
        match existing {
            Some(v) => {
                v.mentions.push(mention);
                if let Some(o) = origin {
                    if !v.origins.contains(&o) {
                        v.origins.push(o);
                    }
                }
            }
            None => values.push(SlotValue {
                text: f.text.clone(),
                value: f.figure.value,
                low: f.figure.low,
                high: f.figure.high,
                unit: f.figure.unit.clone(),
                qualifier: f.figure.qualifier,
                attributed_to: f.figure.attributed_to.clone(),
                as_of: None,
                mentions: vec![mention],
                origins: origin.into_iter().collect(),
            }),
        }
    }
    values.sort_by(|a, b| {
        b.origins
            .len()
            .cmp(&a.origins.len())
            .then(b.mentions.len().cmp(&a.mentions.len()))
    });
    let origin_count = members
        .iter()
        .filter_map(|f| origins.of_article.get(f.article))
        .collect::<BTreeSet<_>>()
        .len();
    let mut conflicts = Vec::new();
    if verdict == Verdict::Conflict {
        for i in 0..values.len() {
            for j in i + 1..values.len() {
                let (a, b) = (&values[i], &values[j]);
                let fig = |v: &SlotValue| Figure {
                    value: v.value,
                    low: v.low,
                    high: v.high,
                    unit: v.unit.clone(),
                    qualifier: v.qualifier,
                    counts: None,
                    attributed_to: None,
                    role: FigureRole::Claim,
                };
                if !overlaps(&fig(a), &fig(b)) {
                    conflicts.push([i, j]);
                }
            }
        }
    }
    FigureSlot {
        label: label(members),
        verdict,
        values,
        origin_count,
        note,
        conflicts,
    }
}

/// The slot's name: the counted phrase most members share, else the
/// first figure's wording.
fn label(members: &[&Fig]) -> String {
    let mut counts: HashMap<String, usize> = HashMap::default();
    for f in members {
        if let Some(c) = &f.figure.counts {
            *counts.entry(c.trim().to_string()).or_insert(0) += 1;
        }
    }
    let mut best: Vec<(String, usize)> = counts.into_iter().collect();
    best.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.0.len().cmp(&b.0.len()))
            .then(a.0.cmp(&b.0))
    });
    best.into_iter()
        .next()
        .map(|(c, _)| c)
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| members.first().map(|f| f.text.clone()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(value: f64, q: Qualifier, low: f64, high: Option<f64>) -> Figure {
        Figure {
            value,
            low,
            high,
            unit: Some("people".into()),
            qualifier: q,
            counts: None,
            attributed_to: None,
            role: FigureRole::Claim,
        }
    }

    #[test]
    fn qualifiers_read_as_intervals() {
        let exact = |v| fig(v, Qualifier::Exact, v, Some(v));
        assert!(overlaps(
            &fig(200.0, Qualifier::MoreThan, 200.0, None),
            &exact(238.0)
        ));
        assert!(!overlaps(
            &fig(250.0, Qualifier::MoreThan, 250.0, None),
            &exact(238.0)
        ));
        assert!(!overlaps(&exact(14.0), &exact(17.0)));
        // A round headline number covers its rounding.
        assert!(overlaps(&exact(200.0), &exact(238.0)));
        assert!(!overlaps(&exact(300.0), &exact(380.0)));
        let several_thousand = fig(0.0, Qualifier::Vague, 2000.0, Some(9999.0));
        assert!(overlaps(
            &several_thousand,
            &fig(8000.0, Qualifier::About, 8000.0, Some(8000.0))
        ));
        assert!(!overlaps(
            &fig(0.0, Qualifier::Vague, 20000.0, Some(99999.0)),
            &fig(15000.0, Qualifier::About, 15000.0, Some(15000.0))
        ));
        // "thousands" of 15,000 is loose, not wrong; "several" of 40 is.
        assert!(overlaps(
            &fig(0.0, Qualifier::Vague, 2000.0, Some(9999.0)),
            &fig(15000.0, Qualifier::About, 15000.0, Some(15000.0))
        ));
        assert!(!overlaps(
            &fig(0.0, Qualifier::Vague, 3.0, Some(9.0)),
            &exact(40.0)
        ));
    }

    /// The automaton finds exactly what searching cue by cue finds,
    /// whole words only, overlapping cues included.
    #[test]
    fn measure_cues_match_as_when_searched_one_by_one() {
        let cues: Vec<&str> = MEASURES
            .iter()
            .flat_map(|(_, c)| c.iter().copied())
            .collect();
        let mut texts: Vec<String> = cues.iter().map(|c| format!("the {c} of it")).collect();
        texts.extend(cues.iter().map(|c| format!("x{c}y")));
        texts.extend(cues.windows(3).map(|w| w.join(" ")));
        texts.extend(cues.windows(2).map(|w| w.concat()));
        for t in &texts {
            let lower = t.to_lowercase();
            let want: BTreeSet<&str> = MEASURES
                .iter()
                .filter(|(_, cues)| cues.iter().any(|cue| has_phrase(&lower, cue)))
                .map(|(name, _)| *name)
                .collect();
            assert_eq!(measures_in(t), want, "{t}");
        }
    }

    #[test]
    fn update_cues_match_as_when_searched_one_by_one() {
        static CUES: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
            std::sync::OnceLock::new();
        let mut texts: Vec<String> = UPDATE_CUES.iter().map(|c| format!("it {c} to 9")).collect();
        texts.extend(UPDATE_CUES.iter().map(|c| format!("x{c}")));
        texts.extend(UPDATE_CUES.iter().map(|c| format!("{c}s")));
        texts.push("the toll, now 17, was reported".into());
        let mut hits = 0;
        for t in &texts {
            let want = UPDATE_CUES.iter().any(|c| has_phrase(t, c));
            assert_eq!(any_phrase(t, UPDATE_CUES, &CUES), want, "{t}");
            hits += usize::from(want);
        }
        assert!(hits >= UPDATE_CUES.len(), "every cue alone is found");
    }

    #[test]
    fn measures_and_units_keep_quantities_apart() {
        assert_eq!(
            measures_in("a capacity for 40,000 inmates")
                .into_iter()
                .collect::<Vec<_>>(),
            vec!["capacity"]
        );
        assert!(measures_in("houses about 15,000 inmates").is_empty());
        assert_eq!(
            measures_in("paga 5 millones al año")
                .into_iter()
                .collect::<Vec<_>>(),
            vec!["per year"]
        );
        assert_ne!(unit_key(Some("USD")), unit_key(Some("EUR")));
        assert_eq!(unit_key(Some("people")), unit_key(None));
        assert_eq!(unit_key(Some("%")), "pct");
    }

    #[test]
    fn windows_stop_at_clauses_and_respect_char_boundaries() {
        let t = "It lasted three years — although 8,000 were released; others stayed";
        let start = t.find("8,000").unwrap_or(0);
        let w = window_text(t, start..start + 5, 5, true);
        assert_eq!(
            w.split_whitespace().collect::<Vec<_>>(),
            ["although", "were", "released"]
        );
        let w = window_text(t, start..start + 5, 3, false);
        assert_eq!(
            w.split_whitespace().collect::<Vec<_>>(),
            ["years", "—", "although", "were", "released;", "others"]
        );
    }

    #[test]
    fn clauses_end_at_punctuation_but_not_inside_numbers() {
        let t = "Built for 40,000 inmates, the prison now holds about 15,000 people";
        let at = t.find("about").unwrap_or(0);
        let c = clause_of(t, at..at + 12);
        assert_eq!(&t[c], " the prison now holds about 15,000 people");
        let t = "SIP was built for 40,000 inmates and holds about 15,000";
        let at = t.find("about").unwrap_or(0);
        assert_eq!(clause_of(t, at..t.len()), 0..t.len());
    }

    #[test]
    fn years_after_a_time_preposition_date_an_event() {
        assert!(qualifies_a_thing("invoked a"));
        assert!(qualifies_a_thing("a law dating back to"));
        assert!(qualifies_a_thing("una ley de"));
        assert!(!qualifies_a_thing("the river flooded in"));
        assert!(!qualifies_a_thing("cerrado desde"));
    }

    #[test]
    fn hyphenated_numbers_give_a_size() {
        assert!(is_size_modifier("40,000-seat stadium"));
        assert!(is_size_modifier("500-bed hospital"));
        assert!(!is_size_modifier("12-year-old boy"));
        assert!(!is_size_modifier("40,000 inmates"));
        assert!(!is_size_modifier("more than 200"));
    }

    #[test]
    fn rounding_tolerance_only_for_round_numbers() {
        assert_eq!(rounding_tolerance(200.0), 50.0);
        assert_eq!(rounding_tolerance(238.0), 0.0);
        assert_eq!(rounding_tolerance(6_000_000.0), 500_000.0);
        assert_eq!(rounding_tolerance(40.0), 0.0);
    }
}
