//! Figure slots: figures from different articles that report one quantity.
//!
//! Figures are grouped by *what* they measure ([`crate::measure`]: the
//! dimension of the unit, the counted noun, the happening, the scope),
//! never by the number itself; the wording around them breaks the ties.
//! Two figures whose values cannot both be true are only ever put together
//! when both say clearly, and alike, what they count: otherwise the
//! alignment abstains, and each stays one outlet's report. The verdict on a
//! slot is [`crate::verdict`]'s.

use crate::context::stem;
use crate::context::{entities_in, idf, sentence_of, Bag, EntityNames, Sparse};
use crate::lexicon::{
    CONCEPTS, GENERIC_PERSONS, LIST_CONNECTORS, OPPOSED_CONCEPTS, PERSON_PRONOUNS,
    RELATED_CONCEPTS, THING_NAMES,
};
use crate::measure::{
    clause_of, has_phrase, measure_of, said_moment, Dim, Measure, Site, CODE_MARK, DISTANCE_HEAD,
    UNPLACED_MONTH,
};
use crate::verdict::{decide, fits, interval, scale_rounding, trajectory_key, Claim};
use crosswire_link::Origins;
use crosswire_model::dossier::{FigureSlot, Mention, SlotValue, Verdict};
use crosswire_model::{
    Article, BlockKind, ByteRange, EntityKind, Figure, FigureRole, Qualifier, SpanKind,
};
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};
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
            min_similarity: 0.06,
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
    /// The figure (owned when a restatement takes its original's hedge).
    figure: std::borrow::Cow<'a, Figure>,
    text: String,
    measure: Measure,
    /// What is counted: the counted phrase.
    head: Bag,
    /// The words of its clause near the number.
    near: Bag,
    /// The rest of the sentence and its entities.
    far: Bag,
    /// Inside a direct quotation.
    in_quote: bool,
    /// The article's language, when known.
    language: Option<&'a str>,
    /// The date the figure refers to, when its clause gives one, else the
    /// article's publish date.
    as_of: Option<String>,
    /// The figure this one restates in another unit or currency, right
    /// before it ("2 million euros ($2.6 million)"): one quantity, though
    /// one sentence gives both.
    restates: Option<ByteRange>,
    /// Listed with other counts of its sentence ("4 smugglers and 19
    /// couriers"): possibly the part of a total, never set against one.
    listed: bool,
    /// Places its clause names that only one origin of the dossier
    /// mentions at all: the figure likely counts a side story ("in eastern
    /// China, 12 died") rather than the event the coverage shares.
    side: BTreeSet<String>,
    /// Places its clause names that fewer than half of the origins mention:
    /// a district, a town, where the coverage as a whole is of a region.
    minor: BTreeSet<String>,
    /// The figure's origin cluster, when its story has versions in other
    /// languages: a translation repeats its original's numbers, whatever
    /// words count them.
    translated_origin: Option<usize>,
    /// The names its sentence gives (people, bodies, places): what ties a
    /// figure to one story when no happening does.
    anchors: BTreeSet<String>,
    /// The people its sentence names, but for the speaker it quotes.
    persons: BTreeSet<String>,
    /// The day its article was published, when known (for an undated
    /// version of a story, the day of its dated versions).
    published: Option<chrono::NaiveDate>,
}

impl Fig<'_> {
    fn dim(&self) -> &Dim {
        self.measure.dim.as_ref().unwrap_or(&Dim::Count)
    }
}

/// Whether a year that follows `before` (its sentence up to the year)
/// qualifies a thing ("a 1911 law", "a law dating back to 1911", "la ley
/// de 1911"), which makes it a fact outlets may disagree on, rather than
/// date a happening ("in 2019", "desde 2019"), which the timeline orders.
fn qualifies_a_thing(before: &str) -> bool {
    let last = crate::context::words_with_offsets(before)
        .last()
        .map(|(_, w)| w.to_lowercase());
    !last.is_some_and(|w| crate::lexicon::TIME_PREPOSITIONS.contains(&w.as_str()))
}

/// The words of `text` within `window` words of `range` (which is relative
/// to the same text), excluding the range itself. With `clause` set, the
/// words stop at the clause's bounds (a comma, semicolon, colon or
/// bracket), since words of the next clause describe something else.
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

/// Whether a figure enters slotting at all: claims, ages, and years that
/// date a thing. Ordinals, identifiers, page furniture, dates and years
/// that date a happening never do.
fn compared(article: &Article, span: ByteRange, sentence: ByteRange, f: &Figure) -> bool {
    match f.role {
        FigureRole::Claim | FigureRole::Age => true,
        FigureRole::Year => qualifies_a_thing(
            article.slice(ByteRange::new(sentence.start as usize, span.start as usize)),
        ),
        _ => false,
    }
}

/// Whether the number at `range` of `text` sits inside a markup tag left
/// in the text (`<g id="12">`): an attribute of the page, not a claim.
fn in_markup(text: &str, range: std::ops::Range<usize>) -> bool {
    let (Some(before), Some(after)) = (text.get(..range.start), text.get(range.end..)) else {
        return false;
    };
    let Some(open) = before.rfind('<') else {
        return false;
    };
    // A tag opens with its name or a slash right after the bracket, and
    // closes before any other bracket opens.
    let tag_name = before[open + 1..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
    let closes = after
        .find(['<', '>'])
        .is_some_and(|i| after[i..].starts_with('>'));
    tag_name && !before[open..].contains('>') && closes
}

fn collect<'a>(articles: &'a [Article], names: &EntityNames, opts: &SlotOptions) -> Vec<Fig<'a>> {
    let mut figs = Vec::new();
    // The months the coverage was published in: a month named in a
    // sentence ("In March, 238 were deported") dates another happening
    // only when it is not one of them.
    let event_months: BTreeSet<String> = articles
        .iter()
        .filter_map(|a| a.published.as_ref().and_then(|p| p.date()))
        .map(|d| d.format("%Y-%m").to_string())
        .collect();
    for (ai, article) in articles.iter().enumerate() {
        let published = article
            .published
            .as_ref()
            .and_then(|p| p.date())
            .map(|d| d.format("%Y-%m-%d").to_string());
        for span in &article.spans {
            let SpanKind::Figure(figure) = &span.kind else {
                continue;
            };
            let sentence = sentence_of(article, span.range);
            if !compared(article, span.range, sentence, figure) {
                continue;
            }
            let sent_text = article.slice(sentence);
            let rel = span.range.start.saturating_sub(sentence.start) as usize
                ..span.range.end.saturating_sub(sentence.start) as usize;
            if in_markup(sent_text, rel.clone()) {
                continue;
            }
            let mut measure = measure_of(
                &Site {
                    article,
                    span: span.range,
                    sentence,
                    figure,
                },
                names,
            );
            // A month the coverage was published in is the story's own; an
            // unplaced one ("In March", in an undated article) may be too,
            // when the other articles carry dates that could tell.
            if measure.background.as_ref().is_some_and(|b| {
                event_months.contains(b)
                    || (b.starts_with(UNPLACED_MONTH) && !event_months.is_empty())
            }) {
                measure.background = None;
            }
            // What is counted, in words: the analyzer's counted phrase (but
            // people in general, which says nothing), and the head the
            // measure found.
            let mut head = Bag::default();
            if let Some(counts) = &figure.counts {
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
            if let Some(h) = measure.head.as_ref().filter(|_| !measure.generic_head) {
                head.add(format!("h:{h}"), 1.0);
            }
            let mut near = Bag::default();
            near.add_text(&window_text(sent_text, rel.clone(), opts.window, true), 1.0);
            let mut far = Bag::default();
            far.add_text(
                &window_text(sent_text, rel.clone(), 3 * opts.window, false),
                1.0,
            );
            let mut anchors: BTreeSet<String> = measure.places.clone();
            for e in entities_in(article, sentence, names) {
                anchors.insert(e.clone());
                far.add(e, 1.0);
            }
            // The people the sentence names by name, but for those who
            // speak in it ("..., Ann Lee said"): whose count it may be.
            // A role ("a police spokesman") is a source, not a subject.
            let in_sentence = |r: ByteRange| r.start >= sentence.start && r.end <= sentence.end;
            // Who speaks in the sentence: where it names them, and as whom.
            let quoted: Vec<(ByteRange, Option<&str>)> = article
                .spans
                .iter()
                .filter_map(|s| match &s.kind {
                    SpanKind::Quote(q) => q
                        .speaker_mention
                        .filter(|m| in_sentence(*m))
                        .map(|m| (m, q.speaker.as_deref())),
                    _ => None,
                })
                .collect();
            let speakers: Vec<&str> = quoted
                .iter()
                .filter_map(|(_, who)| *who)
                .chain(figure.attributed_to.as_deref())
                .collect();
            // Only a name a few words from the number says whose it is;
            // one across a long sentence is as likely a tagger's slip
            // ("the Naval commandos") as the count's owner.
            let close = |r: ByteRange| {
                let (lo, hi) = if r.end <= span.range.start {
                    (r.end, span.range.start)
                } else {
                    (span.range.end, r.start.max(span.range.end))
                };
                article
                    .text
                    .get(lo as usize..hi as usize)
                    .is_some_and(|gap| gap.split_whitespace().count() <= PERSON_REACH)
            };
            let mut persons: BTreeSet<String> = article
                .spans
                .iter()
                .filter(|s| in_sentence(s.range) && close(s.range))
                .filter_map(|s| match &s.kind {
                    SpanKind::Entity {
                        entity: EntityKind::Person,
                        canonical,
                        nominal: false,
                        ..
                    } => {
                        let lower = canonical.to_lowercase();
                        let speaks = speakers.iter().any(|sp| {
                            let sp = sp.to_lowercase();
                            sp.contains(&lower) || lower.contains(&sp)
                        });
                        (!speaks).then(|| names.feature(canonical))
                    }
                    _ => None,
                })
                .collect();
            // "She had six saves": a pronoun near the number stands for
            // someone, though no name says who; unlike any other's.
            if persons.is_empty() {
                let base = sentence.start as usize;
                let pronoun_near = words_at(sent_text).any(|(at, w)| {
                    let r = ByteRange::new(base + at, base + at + w.len());
                    PERSON_PRONOUNS.contains(&w.to_lowercase().as_str())
                        && close(r)
                        && !quoted
                            .iter()
                            .any(|(m, _)| m.start <= r.start && r.end <= m.end)
                });
                if pronoun_near {
                    persons.insert(format!("someone:{ai}:{}", sentence.start));
                }
            }
            for e in &measure.places {
                near.add(e.clone(), 1.0);
            }
            let in_quote = article.spans.iter().any(|q| match &q.kind {
                SpanKind::Quote(qs) => {
                    qs.direct
                        && qs.content.start <= span.range.start
                        && span.range.end <= qs.content.end
                }
                _ => false,
            });
            // The date the clause gives (a day or a month), else the
            // publish date, else the moment the clause names in words:
            // what a revision's values are ordered by.
            let clause = {
                let c = clause_of(sent_text, rel.clone());
                ByteRange::new(
                    sentence.start as usize + c.start,
                    sentence.start as usize + c.end,
                )
            };
            let as_of = article
                .spans
                .iter()
                .filter(|s| s.range.start >= clause.start && s.range.end <= clause.end)
                .find_map(|s| match &s.kind {
                    SpanKind::Date(d) => d.resolved.clone().filter(|r| r.len() >= 7),
                    _ => None,
                })
                .or_else(|| published.clone())
                .or_else(|| said_moment(article, clause));
            if std::env::var_os("CROSSWIRE_DEBUG_MEASURES").is_some() {
                eprintln!(
                    "MEASURE {} [{}] {:?} dim={:?} head={:?} gen={} marks={:?} words={:?} hap={:?} inc={} part={} places={:?} bg={:?} kinds={:?} upd={} clear={} models={:?}",
                    article.source,
                    article.slice(span.range),
                    figure.value,
                    measure.dim,
                    measure.head,
                    measure.generic_head,
                    measure.marks,
                    measure.words,
                    CONCEPTS
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| measure.happening & (1 << i) != 0)
                        .map(|(_, c)| c.0)
                        .collect::<Vec<_>>(),
                    measure.increment,
                    measure.part,
                    measure.places,
                    measure.background,
                    measure.kinds,
                    measure.updated,
                    measure.is_clear(),
                    measure.models
                );
            }
            figs.push(Fig {
                article: ai,
                span: span.range,
                sentence,
                sent_text,
                rel,
                figure: scaled(figure, article.slice(span.range)),
                text: article.slice(span.range).to_string(),
                measure,
                head,
                near,
                far,
                in_quote,
                language: article.language.as_deref(),
                as_of,
                restates: None,
                listed: false,
                translated_origin: None,
                side: BTreeSet::new(),
                minor: BTreeSet::new(),
                anchors,
                persons,
                published: article.published.as_ref().and_then(|p| p.date()),
            });
        }
    }
    figs
}

/// The words of a text with their byte offsets: runs of letters.
fn words_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// A plain number written with a scale word ("$48 billion") as the range
/// its rounding allows (see [`scale_rounding`]): "$48.3 billion" fits it.
fn scaled<'a>(figure: &'a Figure, wording: &str) -> std::borrow::Cow<'a, Figure> {
    match scale_rounding(wording, figure.value) {
        Some(tol) if figure.qualifier == Qualifier::Exact => {
            let mut f = figure.clone();
            f.low = f.low.min(f.value - tol);
            f.high = Some(f.high.unwrap_or(f.value).max(f.value + tol));
            std::borrow::Cow::Owned(f)
        }
        _ => std::borrow::Cow::Borrowed(figure),
    }
}

/// The nominal size of a figure in its dimension's base unit, for
/// magnitude checks.
fn magnitude(f: &Fig) -> f64 {
    let v = if f.figure.value > 0.0 {
        f.figure.value
    } else {
        match f.figure.high {
            Some(h) if h.is_finite() => (f.figure.low + h) / 2.0,
            _ => f.figure.low,
        }
    };
    v * f.measure.factor
}

/// The happenings whose counts grow as news comes in.
fn running_bits() -> u32 {
    static BITS: OnceLock<u32> = OnceLock::new();
    *BITS.get_or_init(|| {
        [
            "dead",
            "injured",
            "missing",
            "arrested",
            "evacuated",
            "affected",
            "shot",
            "destroyed",
            "damaged",
        ]
        .iter()
        .filter_map(|c| CONCEPTS.iter().position(|(n, _)| n == c))
        .fold(0, |b, i| b | (1 << i))
    })
}

/// "one" written as a word with nothing counted after it ("one of them",
/// "killing one"): too loose to contradict anything.
fn loose_one(f: &Fig) -> bool {
    f.figure.value == 1.0 && f.measure.head.is_none() && f.text.chars().all(char::is_alphabetic)
}

/// Two head stems name one thing: equal, or sharing their first five
/// letters once accents are set aside ("pirate" / "pirata", "víctim" /
/// "victim"), which is how the two languages write most nouns news counts.
fn same_head(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let fold = |s: &str| -> String {
        use unicode_normalization::UnicodeNormalization;
        s.nfd()
            .filter(|c| c.is_ascii_alphanumeric())
            .take(5)
            .collect()
    };
    let (x, y) = (fold(a), fold(b));
    x.len() == 5 && x == y
}

/// A value given only as a bound ("over 20", "at least 14").
fn open(f: &Fig) -> bool {
    matches!(
        f.figure.qualifier,
        Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan | Qualifier::UpTo
    )
}

/// Whether two figures may be linked directly (see [`merge_blocker`]).
fn can_merge(a: &Fig, b: &Fig) -> bool {
    merge_blocker(a, b).is_none()
}

/// Whether two figures may sit in one slot, linked through others: only
/// the different words for what is counted are forgiven, and only when
/// the values fit ("more than 200 Norlanders" and a speaker's "over 250
/// members" both meet "238 Norlanders").
fn can_share(a: &Fig, b: &Fig) -> bool {
    match merge_blocker(a, b) {
        None => true,
        // Two plain reports that count different things ("23 pirates",
        // "over 20 warships") fit by chance; a speaker's own words for the
        // group, or a point value against a point value, are what this
        // forgives.
        Some("heads") => {
            fits(&a.figure, a.measure.factor, &b.figure, b.measure.factor)
                && (a.in_quote
                    || b.in_quote
                    || a.measure.generic_head
                    || b.measure.generic_head
                    || !(open(a) ^ open(b)))
        }
        Some(_) => false,
    }
}

/// Why two figures may not share a slot, if they may not. Figures whose
/// values fit together need one clear sign in common; figures whose values
/// cannot both be true need every sign to agree, since together they make
/// a conflict, and a false conflict costs more than a missed one.
fn merge_blocker(a: &Fig, b: &Fig) -> Option<&'static str> {
    let (ma, mb) = (&a.measure, &b.measure);
    if a.dim() != b.dim() {
        return Some("dimension");
    }
    // A translation names the kind of measure in its own words, or not
    // at all ("capacidad para 480 pasajeros" / "able to carry 480
    // passengers"): one number of one story in two languages differs in
    // kind only when each names a kind the other lacks.
    let kinds_nested = ma.kinds.is_subset(&mb.kinds) || mb.kinds.is_subset(&ma.kinds);
    if ma.kinds != mb.kinds && !(kinds_nested && translated_pair(a, b)) {
        return Some("kind of measure");
    }
    // A magnitude dated to another time ("the February quake measured
    // 6.4") is another quake's, whatever it fits.
    if *a.dim() == Dim::Magnitude && ma.background != mb.background {
        return Some("magnitude of another time");
    }
    // Two figures of one sentence are two quantities ("86,000 arrested,
    // 8,000 released"), but for a sum and its conversion.
    if a.article == b.article
        && a.sentence == b.sentence
        && a.restates != Some(b.span)
        && b.restates != Some(a.span)
        && (a.restates.is_none() || a.restates != b.restates)
    {
        return Some("one sentence");
    }
    // One report gives one range for one quantity: two different ranges
    // it states ("between 315 and 560 passengers", later "between 210 and
    // 340") measure two things, however much they overlap.
    if a.article == b.article
        && a.figure.qualifier == Qualifier::Range
        && b.figure.qualifier == Qualifier::Range
        && (a.figure.low != b.figure.low || a.figure.high != b.figure.high)
    {
        return Some("two ranges of one report");
    }
    // A translation renders "25,000 others" as "otros 25.000": one number
    // of one story in two languages is one quantity, however each words
    // what it adds to.
    if (ma.increment != mb.increment || ma.part != mb.part) && !translated_pair(a, b) {
        return Some("increment or part");
    }
    let (ha, hb) = (ma.happening, mb.happening);
    let shared_happening = ha & hb != 0 || related(ha, hb);
    if opposed(ha, hb) {
        return Some("opposed happenings");
    }
    // "238 Norlanders" and "238 Norlander detainees" count one group:
    // a head may meet the other's mark.
    let meets = |h: &str, m: &Measure| {
        m.marks
            .iter()
            .chain(&m.words)
            .flat_map(|x| x.split_whitespace())
            .any(|x| {
                stem(x).is_some_and(|s| {
                    same_head(&s, h)
                        || (s.chars().count() >= 4 && h.starts_with(s.as_str()))
                        || (h.chars().count() >= 4 && s.starts_with(h))
                })
            })
    };
    // One code names one thing: "AK-47s", "AK-47 rifles", "AK 47 guns".
    let same_code = ma
        .marks
        .iter()
        .any(|x| x.starts_with(CODE_MARK) && mb.marks.contains(x));
    let heads = match (&ma.head, &mb.head) {
        (Some(x), Some(y)) => Some(same_head(x, y) || meets(x, mb) || meets(y, ma) || same_code),
        _ => None,
    };
    // Different things counted ("rifles" / "boats"), unless one of them
    // is people in general and the happening is shared, or two words for
    // one group give one distinctive number for one happening ("captured
    // 23 pirates" / "captured 23 suspects").
    let same_number = a.figure.value >= 10.0
        && a.figure.qualifier == b.figure.qualifier
        && (a.figure.value - b.figure.value).abs() < 1e-9;
    // A speaker names what they count in their own terms ("alien
    // enemies"), not the report's; but two things the tables tell apart
    // ("refugees", "fighters") are two things in anyone's words.
    let two_things = match (&ma.head, &mb.head) {
        (Some(x), Some(y)) => {
            x != y && THING_NAMES.contains(&x.as_str()) && THING_NAMES.contains(&y.as_str())
        }
        _ => false,
    };
    let quoted = (a.in_quote || b.in_quote) && ha & hb != 0 && !two_things;
    // Two words for one group held at, or sent to, one named place
    // ("gangsters sent to the prison" / "gang members it holds").
    let one_place = shared_happening && !ma.places.is_disjoint(&mb.places);
    if heads == Some(false)
        && !((ma.generic_head || mb.generic_head) && (shared_happening || ha == 0 || hb == 0))
        && !(same_number && ha & hb != 0)
        && !translated_pair(a, b)
        && !quoted
        && !one_place
    {
        return Some("heads");
    }
    // Ages of two people, or of someone and an unnamed "12-year-old girl".
    // An age named to nobody ("the 55-year-old leader") may join the same
    // age named to someone, never a different one.
    if *a.dim() == Dim::Age
        && ma.marks != mb.marks
        && (!ma.marks.is_empty() && !mb.marks.is_empty()
            || !fits(&a.figure, ma.factor, &b.figure, mb.factor))
    {
        return Some("whose age");
    }
    // Distances between other places measure other things, whatever the
    // values ("Dunmore, 1,000 km from the capital" / "the port, 1,500 km
    // from it").
    if ma.head.as_deref() == Some(DISTANCE_HEAD)
        && mb.head.as_deref() == Some(DISTANCE_HEAD)
        && ma.marks != mb.marks
    {
        return Some("distance between other places");
    }
    let (xa, xb) = (magnitude(a), magnitude(b));
    if xa > 0.0 && xb > 0.0 && xa.max(xb) / xa.min(xb) > 10.0 {
        return Some("order of magnitude");
    }
    // A share is of something somewhere: "65% of traffic to Norland" and
    // "100% of traffic to the Maldives" are two measures, even if they fit.
    if *a.dim() == Dim::Share
        && !ma.locations.is_empty()
        && !mb.locations.is_empty()
        && ma.locations.is_disjoint(&mb.locations)
    {
        return Some("share of another place");
    }
    let specific_head = heads == Some(true) && !(ma.generic_head && mb.generic_head);
    let dim_says = matches!(a.dim(), Dim::Magnitude | Dim::Age | Dim::Year) || !ma.kinds.is_empty();
    if fits(&a.figure, ma.factor, &b.figure, mb.factor) {
        // Values that fit: what else they share only weighs in the
        // similarity (see `similarity`).
        return None;
    }
    // From here on the two would conflict: every sign must agree.
    // The coverage of one happening runs over days, a few weeks at most:
    // two reports published further apart tell of other moments, often of
    // other stories about the same company or place, and a value that
    // differs between them is no contradiction. Checked first, as no
    // other pair may stand in for this one.
    if let (Some(x), Some(y)) = (a.published, b.published) {
        if (x - y).num_days().abs() > STORY_SPAN_DAYS {
            return Some("conflict: published far apart");
        }
    }
    if !ma.is_clear() || !mb.is_clear() || loose_one(a) || loose_one(b) {
        return Some("conflict: measure unclear");
    }
    if ma.negated || mb.negated {
        return Some("conflict: denied");
    }
    // The rest of a group against a whole ("two other victims" / "three
    // victims") measures two things; two rests compare like for like.
    if a.listed || b.listed || ma.complement != mb.complement {
        return Some("conflict: listed part");
    }
    // One person's age, said twice, a year or two apart is a revision; far
    // apart, one of the two is someone else's.
    if *a.dim() == Dim::Age && (a.figure.value - b.figure.value).abs() > 3.0 {
        return Some("conflict: ages far apart");
    }
    // Agencies' readings of one quake differ by a few tenths; a whole
    // unit apart is another quake (an aftershock, an earlier one).
    // Aftershocks are many: two readings that allow no common value are
    // of two of them.
    let apart = |x: &Fig, y: &Fig| x.figure.high.unwrap_or(x.figure.low) < y.figure.low;
    if *a.dim() == Dim::Magnitude
        && ((a.figure.value - b.figure.value).abs() > 1.0
            || ma.aftershock != mb.aftershock
            || (ma.aftershock && (apart(a, b) || apart(b, a))))
    {
        return Some("conflict: magnitudes of two quakes");
    }
    // How long, how far, at what time: the unit says only that; the thing
    // measured must be named, and be the same, on both sides.
    if matches!(
        a.dim(),
        Dim::Duration | Dim::Length | Dim::Area | Dim::Clock(_)
    ) && (heads != Some(true) || ma.generic_head || ma.unit_head || mb.unit_head)
    {
        return Some("conflict: what is measured");
    }
    if !ma.marks.is_empty() && !mb.marks.is_empty() && ma.marks != mb.marks {
        return Some("conflict: marks");
    }
    if !ma.models.is_empty() && !mb.models.is_empty() && ma.models.is_disjoint(&mb.models) {
        return Some("conflict: other models");
    }
    // A measurement given of a named model ("the 460-8 flies 7,650
    // miles") and one of no named model may be of another variant. Not a
    // count: a sentence that lists seized "AK-47s" beside "two boats"
    // counts the boats of no model.
    if *a.dim() != Dim::Count && ma.models.is_empty() != mb.models.is_empty() {
        return Some("conflict: model named on one side");
    }
    // A capacity given as a range spans configurations or variants ("seats
    // 200 to 300 passengers"): two of them bound what a thing can hold,
    // not what happened, and different ranges describe different things.
    let range = |f: &Fig| f.figure.qualifier == Qualifier::Range;
    if ma.kinds.contains("capacity") && mb.kinds.contains("capacity") && (range(a) || range(b)) {
        return Some("conflict: capacity ranges");
    }
    // The same happening named by both (or related ones at one place:
    // sent to a prison / held in it), or by neither with the same thing
    // counted ("seven AK-47s" / "12 AK-47 guns").
    let same_happening = ha & hb != 0;
    let related_here = related(ha, hb)
        && holds_pair(&concept_pairs(&[("sent", "held")]), ha, hb)
        && (ma.places.is_empty() || mb.places.is_empty() || !ma.places.is_disjoint(&mb.places));
    let neither =
        ha == 0 && hb == 0 && ma.list_happening == mb.list_happening && (specific_head || dim_says);
    // A magnitude is the quake's, whatever verb the clause uses ("hit",
    // "shook", "struck"): the dimension says what is measured.
    let quake = *a.dim() == Dim::Magnitude;
    if !(same_happening || related_here || neither || quake) {
        return Some("conflict: happening");
    }
    if a.side != b.side {
        return Some("conflict: side story");
    }
    // A count given for a district or town that few reports name ("in
    // the hill district, 70 were hurt") against one that names no such
    // place may be a part against the whole: abstain.
    let scoped = |x: &Fig, y: &Fig| {
        x.minor
            .iter()
            .any(|p| !y.measure.sentence_locations.contains(p) && !y.minor.contains(p))
    };
    if scoped(a, b) || scoped(b, a) {
        return Some("conflict: one scoped to a minor place");
    }
    if !ma.locations.is_empty()
        && !mb.locations.is_empty()
        && ma.locations.is_disjoint(&mb.locations)
    {
        return Some("conflict: places");
    }
    // A relative clause counts what the clause before it names ("the
    // bombing of one town, which killed seven"): not what a sentence
    // naming only other places counts.
    let elsewhere = |x: &Measure, y: &Measure| {
        let theirs = if y.locations.is_empty() {
            &y.sentence_locations
        } else {
            &y.locations
        };
        x.locations.is_empty()
            && !x.antecedent_locations.is_empty()
            && !theirs.is_empty()
            && x.antecedent_locations.is_disjoint(theirs)
    };
    if elsewhere(ma, mb) || elsewhere(mb, ma) {
        return Some("conflict: places of the antecedent");
    }
    if ma.wide != mb.wide {
        return Some("conflict: country against place");
    }
    if ma.background != mb.background {
        return Some("conflict: background");
    }
    // A past happening the story recalls ("in 2009 the flood killed
    // ...") is background, which outlets give for different scopes (a
    // province, a whole region) and from different tallies: two such
    // figures contradict each other only when both name the same places.
    let recalled = |f: &Fig| {
        use chrono::Datelike;
        let year = f
            .measure
            .background
            .as_deref()
            .and_then(|b| b.get(..4))
            .and_then(|y| y.parse::<i32>().ok());
        // Undated, a year written out is as likely another happening's.
        match (year, f.published) {
            (Some(y), Some(p)) => y < p.year(),
            (Some(_), None) => true,
            _ => false,
        }
    };
    if recalled(a) && recalled(b) && (ma.locations.is_empty() || ma.locations != mb.locations) {
        return Some("conflict: recalled happening of other scopes");
    }
    if matches!(a.dim(), Dim::Clock(_)) && ha == 0 {
        return Some("conflict: time of what");
    }
    // An article does not contradict itself in its own voice, unless it
    // says the count changed ("has risen to 17", "had put it at 14").
    // Two sources an article sets side by side ("the survey put it at
    // 6.1; the institute at 5.9") are two claims, not the article's own.
    let two_sources = matches!(
        (&a.figure.attributed_to, &b.figure.attributed_to),
        (Some(x), Some(y)) if !x.eq_ignore_ascii_case(y)
    );
    if a.article == b.article
        && a.in_quote == b.in_quote
        && !(ma.updated || mb.updated)
        && !two_sources
    {
        return Some("conflict: one article");
    }
    // "No one was killed" and a count in one article: the zero is said of
    // one place or moment, the count of another, whoever speaks.
    // Unless it says the count was an earlier one ("first put the toll at
    // nine ... later said no one had died").
    if a.article == b.article
        && (a.figure.value == 0.0 || b.figure.value == 0.0)
        && !(ma.updated || mb.updated)
    {
        return Some("conflict: one article");
    }
    // A count a sentence gives beside a person it names may be that
    // person's ("Lee missed eleven games", "Ruiz landed 41 of 190 punches"):
    // against another person's it shares only a noun. Only a named
    // happening ("killed", "arrested") or a name both sentences give
    // makes the two one quantity; without either, abstain.
    let someones = !a.persons.is_empty() || !b.persons.is_empty();
    // An age is its own person's, which the age rules above settle.
    let tied = ha & hb != 0
        || !a.anchors.is_disjoint(&b.anchors)
        || quake
        || *a.dim() == Dim::Age
        || translated_pair(a, b);
    if someones && !tied {
        return Some("conflict: someone else's count");
    }
    None
}

/// A figure's context bags, weighed, with what similarity reads.
struct Weighed {
    /// Whether the figure names what it counts (a quoted figure's counted
    /// noun is the speaker's, and says little).
    has_head: bool,
    /// A time, a length or a duration: what it times or measures is often
    /// named outside its clause ("at 3 p.m.", "10 miles from the border").
    measured: bool,
    value_key: Option<(u64, u64)>,
    article: usize,
    in_quote: bool,
    language: Option<String>,
    happening: u32,
    head_key: Option<String>,
    places: BTreeSet<String>,
    /// For an age, the person it is given to, when named.
    aged: Option<String>,
    /// A magnitude of the main quake (not an aftershock's), and not dated
    /// to another time.
    main_quake: bool,
    /// For an aftershock's magnitude, the values it allows.
    aftershock: Option<(f64, f64)>,
    /// A count of none ("no one was killed", "no casualties").
    none: bool,
    /// For a share, the places its clause names: a share is of something
    /// somewhere ("65% of traffic to Norland").
    share_of: Option<BTreeSet<String>>,
    /// See [`Fig::translated_origin`].
    translated_origin: Option<usize>,
    /// The value in the base unit with its hedge, small and round values
    /// included: within one translated story even "three" is telling.
    stated: Option<(u64, Qualifier)>,
    head: Sparse,
    near: Sparse,
    far: Sparse,
}

/// How alike two figures' contexts are: the counted phrase, the words of
/// the clause, the wider sentence, and what their measures share.
fn similarity(a: &Weighed, b: &Weighed) -> f32 {
    let mut bonus = 0.0;
    // The same thing counted and the same happening: the measure itself
    // says they are one quantity, whatever the other words.
    if a.happening & b.happening != 0
        && matches!((&a.head_key, &b.head_key), (Some(x), Some(y)) if same_head(x, y))
    {
        bonus += HAPPENING_BONUS;
    }
    // The same stated number: a little, and more for a number nobody
    // rounds to (238, not 200), which two reports rarely share by chance,
    // or across languages, where the words of two contexts cannot meet
    // (only names and concepts do). Never scaled down by the happenings.
    let mut same_number = 0.0;
    if let (Some((v, _)), true) = (a.value_key, a.value_key == b.value_key) {
        let distinctive = f64::from_bits(v).fract() == 0.0 && f64::from_bits(v) % 10.0 != 0.0;
        same_number = match (&a.language, &b.language) {
            (Some(x), Some(y)) if x != y => 2.0 * VALUE_BONUS,
            _ if distinctive => 2.0 * VALUE_BONUS,
            _ => VALUE_BONUS,
        };
    }
    // People sent to a place and people held in that same place are one
    // quantity: the shared place tells as much as a shared counted noun.
    if related(a.happening, b.happening) && !a.places.is_disjoint(&b.places) {
        bonus += SAME_PLACE_BONUS;
    }
    // An article that quotes a speaker's figure next to its own figure for
    // the same happening sets the claim against its count.
    if a.article == b.article && a.in_quote != b.in_quote && a.happening & b.happening != 0 {
        bonus += QUOTE_CLAIM_BONUS;
    }
    // Two ages given to one named person are that person's age, however
    // the sentences around them differ ("Bexley, 54, will be moved" /
    // "Bexley, 55, will serve").
    if a.aged.is_some() && a.aged == b.aged {
        bonus += SAME_PERSON_BONUS;
    }
    // The coverage of a quake gives the main shock's magnitude in words
    // too varied to meet ("a 6.1-magnitude temblor", "measured 5.9").
    if a.main_quake && b.main_quake {
        bonus += SAME_PERSON_BONUS;
    }
    // "No one was killed" and "there were no casualties" say one thing in
    // words that share nothing: nobody came to that harm.
    if a.none && b.none && a.happening & b.happening != 0 {
        bonus += SAME_PLACE_BONUS;
    }
    // Aftershocks are many quakes: only magnitudes that allow one value
    // ("around 4.2" / "from 3.9 to 4.6") are told as one report of them.
    if let (Some((la, ha)), Some((lb, hb))) = (a.aftershock, b.aftershock) {
        if la <= hb && lb <= ha {
            bonus += SAME_PERSON_BONUS;
        }
    }
    if a.share_of.is_some() && a.share_of == b.share_of {
        bonus += SAME_PLACE_BONUS;
    }
    // A translation repeats its original's numbers: one stated value in
    // two languages of one story is one quantity, whatever the words.
    if a.translated_origin.is_some()
        && a.translated_origin == b.translated_origin
        && a.language != b.language
        && a.value_key.is_some()
        && a.value_key == b.value_key
    {
        bonus += TRANSLATION_BONUS;
    } else if a.translated_origin.is_some()
        && a.translated_origin == b.translated_origin
        && a.language != b.language
        && a.stated.is_some()
        && a.stated == b.stated
    {
        // A small number ("3 plants" / "3 plantas") is telling with the
        // thing it counts; half as telling when one side or both leave it
        // unnamed ("a crew of six" / "seis personas"); not at all when the
        // two name different things.
        match (&a.head_key, &b.head_key) {
            (Some(x), Some(y)) if same_head(x, y) => bonus += TRANSLATION_BONUS,
            (Some(_), Some(_)) => {}
            _ => bonus += TRANSLATION_BONUS / 2.0,
        }
    }
    let far = a.far.cosine(&b.far);
    // A time or a length in a clause of a word or two ("at 3 p.m.", "10
    // miles from the border") meets any clause with that word: its
    // likeness says little, and the sentence, which says what is timed or
    // measured, weighs in.
    let thin = |w: &Weighed| !w.has_head && w.measured && w.near.len() <= THIN_CLAUSE;
    let near = if thin(a) || thin(b) {
        0.5 * (a.near.cosine(&b.near) + far)
    } else {
        a.near.cosine(&b.near)
    };
    // Linear rather than a product: a product or minimum lets one weak
    // side veto too many true pairs (a terse counted noun, a clause cut
    // short).
    let core = if !a.has_head || !b.has_head {
        near
    } else {
        0.5 * a.head.cosine(&b.head) + 0.5 * near
    };
    let sim = 0.8 * core + 0.2 * far + bonus;
    // Clauses that name different happenings ("killed" / "injured") most
    // likely count different quantities, however alike the rest.
    if a.happening != 0
        && b.happening != 0
        && a.happening & b.happening == 0
        && !related(a.happening, b.happening)
    {
        sim * DIFFERENT_HAPPENING + same_number
    } else {
        sim + same_number
    }
}

/// The most weighed words a clause may have for its likeness to another
/// to count for little.
const THIN_CLAUSE: usize = 2;

/// The bonus for one stated value in two language versions of one story.
const TRANSLATION_BONUS: f32 = 0.6;

/// The bonus for two ages of one named person, or two magnitudes of the
/// main quake.
const SAME_PERSON_BONUS: f32 = 0.5;

/// The factor on the similarity of figures whose clauses name different
/// happenings.
const DIFFERENT_HAPPENING: f32 = 0.4;

/// The similarity two figures whose values cannot both be true need to
/// share a slot.
const CONFLICT_SIMILARITY: f32 = 0.2;

/// How many words from a number a person's name may stand and still be
/// whose count it is ("Lee, who joined in May, missed eleven games").
const PERSON_REACH: usize = 8;

/// What the same stated number adds: a little. The number must never be
/// what groups figures, or the conflicts crosswire exists to show would be
/// split apart.
const VALUE_BONUS: f32 = 0.1;

/// What a shared happening adds, and again a shared counted noun with it.
const HAPPENING_BONUS: f32 = 0.1;

/// What naming related stages of one happening at one place adds.
const SAME_PLACE_BONUS: f32 = 0.2;

/// What a quoted and a narrative figure of one article naming the same
/// happening add.
const QUOTE_CLAIM_BONUS: f32 = 0.25;

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

/// True when each names one happening of [`OPPOSED_CONCEPTS`] and the two
/// are a pair of it.
fn opposed(a: u32, b: u32) -> bool {
    static PAIRS: OnceLock<(Vec<(u32, u32)>, u32)> = OnceLock::new();
    let (pairs, mask) = PAIRS.get_or_init(|| {
        let pairs = concept_pairs(OPPOSED_CONCEPTS);
        let mask = pairs.iter().fold(0, |m, (x, y)| m | x | y);
        (pairs, mask)
    });
    let (a, b) = (a & mask, b & mask);
    a.count_ones() == 1 && b.count_ones() == 1 && holds_pair(pairs, a, b)
}

/// The value and dimension of a figure, for [`VALUE_BONUS`]: only stated,
/// non-trivial numbers (not vague wordings, not small counts like "two").
fn value_key(f: &Fig) -> Option<(u64, u64)> {
    let v = f.figure.value * f.measure.factor;
    (f.figure.qualifier != Qualifier::Vague && f.figure.value >= 10.0 && v.is_finite()).then(|| {
        let dim = {
            use std::hash::{Hash, Hasher};
            let mut h = rustc_hash::FxHasher::default();
            f.dim().hash(&mut h);
            h.finish()
        };
        (v.to_bits(), dim)
    })
}

/// Below this, a count's value is too common to tell two quantities apart
/// by itself.
const SMALL_COUNT: f64 = 3.0;

/// Groups figures into slots by average-linkage agglomeration over context
/// similarity, under the hard constraints of [`can_merge`].
///
/// Only pairs at or above the threshold are kept (a sparse graph), and the
/// best merge comes off a heap, so a hundred articles with thousands of
/// figures cluster in milliseconds. Figures are compared only within their
/// dimension (a block): figures of two dimensions never merge.
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
            has_head: !f.head.is_empty() && !f.in_quote,
            measured: matches!(f.dim(), Dim::Length | Dim::Duration | Dim::Clock(_)),
            value_key: value_key(f),
            stated: (f.figure.qualifier != Qualifier::Vague).then(|| {
                (
                    (f.figure.value * f.measure.factor).to_bits(),
                    f.figure.qualifier,
                )
            }),
            article: f.article,
            in_quote: f.in_quote,
            language: f.language.map(str::to_string),
            happening: f.measure.happening,
            head_key: f.measure.head.clone(),
            places: f.measure.places.clone(),
            aged: (*f.dim() == Dim::Age)
                .then(|| {
                    f.measure
                        .marks
                        .iter()
                        .find(|m| m.starts_with("person:"))
                        .cloned()
                })
                .flatten(),
            translated_origin: f.translated_origin,
            share_of: (*f.dim() == Dim::Share && !f.measure.locations.is_empty())
                .then(|| f.measure.locations.clone()),
            main_quake: *f.dim() == Dim::Magnitude
                && !f.measure.aftershock
                && f.measure.background.is_none(),
            aftershock: (*f.dim() == Dim::Magnitude && f.measure.aftershock)
                .then(|| (f.figure.low, f.figure.high.unwrap_or(f.figure.low))),
            none: *f.dim() == Dim::Count
                && f.figure.value == 0.0
                && f.figure.qualifier == Qualifier::Exact,
            head: Sparse::new(&f.head, &idf, &mut ids),
            near: Sparse::new(&f.near, &idf, &mut ids),
            far: Sparse::new(&f.far, &idf, &mut ids),
        })
        .collect();
    let n = figs.len();
    let mut blocks: HashMap<&Dim, Vec<usize>> = HashMap::default();
    for (i, f) in figs.iter().enumerate() {
        blocks.entry(f.dim()).or_default().push(i);
    }
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    // Pairs whose values cannot both be true may only share a slot when
    // their own contexts are alike, not merely through the group: a
    // conflict must be one a reader sees at a glance.
    let mut conflict_sim: HashMap<(usize, usize), f32> = HashMap::default();
    // Per group: neighbour -> (sum of pairwise similarities, best pair),
    // for pairs that may merge.
    let mut sums: Vec<HashMap<usize, (f32, f32)>> = vec![HashMap::default(); n];
    let mut heap = BinaryHeap::new();
    // CROSSWIRE_DEBUG_PAIR="wording one|wording two" prints why two figures
    // may or may not share a slot; several pairs may be separated by "||".
    let debug: Option<Vec<Vec<String>>> = std::env::var("CROSSWIRE_DEBUG_PAIR").ok().map(|v| {
        v.split("||")
            .map(|p| p.split('|').map(str::to_string).collect())
            .collect()
    });
    if let Some(wants) = &debug {
        for (i, a) in figs.iter().enumerate() {
            for (j, b) in figs.iter().enumerate().skip(i + 1) {
                let hit = |f: &Fig, w: &str| f.sent_text.contains(w) && w.contains(f.text.as_str());
                if wants.iter().any(|want| {
                    want.len() == 2
                        && ((hit(a, &want[0]) && hit(b, &want[1]))
                            || (hit(a, &want[1]) && hit(b, &want[0])))
                }) {
                    eprintln!(
                        "PAIR [{}] [{}]: {:?} sim {:.3} quote {}/{} art {}/{} upd {}/{} kinds {:?}/{:?}",
                        a.text,
                        b.text,
                        merge_blocker(a, b),
                        similarity(&weighed[i], &weighed[j]),
                        a.in_quote,
                        b.in_quote,
                        a.article,
                        b.article,
                        a.measure.updated,
                        b.measure.updated,
                        a.measure.kinds,
                        b.measure.kinds
                    );
                }
            }
        }
    }
    for block in blocks.values() {
        for (i, j) in candidate_pairs(block, &weighed) {
            {
                if !can_merge(&figs[i], &figs[j]) {
                    continue;
                }
                let s = similarity(&weighed[i], &weighed[j]);
                if !fits(
                    &figs[i].figure,
                    figs[i].measure.factor,
                    &figs[j].figure,
                    figs[j].measure.factor,
                ) {
                    conflict_sim.insert((i.min(j), i.max(j)), s);
                }
                if s > 0.0 {
                    sums[i].insert(j, (s, s));
                    sums[j].insert(i, (s, s));
                    if s >= opts.min_similarity {
                        heap.push(Cand(s, i.min(j), i.max(j)));
                    }
                }
            }
        }
    }
    // CROSSWIRE_DEBUG_MERGE="wording" prints each merge tried of a group
    // holding a figure so worded, and the pairs that keep it from being.
    let debug_merge = std::env::var("CROSSWIRE_DEBUG_MERGE").ok();
    // The linkage: mostly the average pairwise similarity, plus a share of
    // the best pair. Pure average linkage keeps a newcomer out of a big
    // slot whose members word the quantity in many ways; the average part
    // still keeps chains of loosely related figures apart.
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
        // Every pair must be able to share the slot. A pair kept apart only
        // by its words (a speaker's own name for the group, a happening
        // worded differently) may, when the two values it sets against
        // each other already meet elsewhere in the union, in a pair that
        // passes every test: the conflict is between values, and one
        // clean pair of reports backs it.
        let mut compatible = true;
        let mut needs: Vec<((u64, Qualifier), (u64, Qualifier))> = Vec::new();
        let mut unclear: Vec<(usize, usize)> = Vec::new();
        'pairs: for &i in &members[a] {
            for &j in &members[b] {
                if can_share(&figs[i], &figs[j]) {
                    continue;
                }
                match merge_blocker(&figs[i], &figs[j]) {
                    // A small number meets its like everywhere ("one
                    // crewman", "one boat"), and a vague one ("dozens")
                    // names no value: they back nothing.
                    Some("heads")
                        if figs[i].figure.value.min(figs[j].figure.value) >= SMALL_COUNT
                            && figs[i].figure.qualifier != Qualifier::Vague
                            && figs[j].figure.qualifier != Qualifier::Vague =>
                    {
                        needs.push((value_of(&figs[i]), value_of(&figs[j])));
                    }
                    // Likewise a count beside a person's name: it may
                    // join values that already meet in a clean pair.
                    Some("conflict: someone else's count")
                        if figs[i].figure.qualifier != Qualifier::Vague
                            && figs[j].figure.qualifier != Qualifier::Vague =>
                    {
                        needs.push((value_of(&figs[i]), value_of(&figs[j])));
                    }
                    // A figure that does not say what it measures sets
                    // nothing against anything, but it may come along
                    // when its value meets one of its own side that sets
                    // the other against it in a clear pair: the conflict
                    // is that pair's.
                    Some("conflict: measure unclear") => unclear.push((i, j)),
                    _ => {
                        compatible = false;
                        break 'pairs;
                    }
                }
            }
        }
        if compatible && !unclear.is_empty() {
            let clean = |x: usize, y: usize| conflict_sim.contains_key(&(x.min(y), x.max(y)));
            let stands_in = |x: usize, side: &[usize], y: usize| {
                side.iter().any(|&x2| {
                    x2 != x
                        && fits(
                            &figs[x].figure,
                            figs[x].measure.factor,
                            &figs[x2].figure,
                            figs[x2].measure.factor,
                        )
                        && clean(x2, y)
                })
            };
            compatible = unclear
                .iter()
                .all(|&(i, j)| stands_in(i, &members[a], j) || stands_in(j, &members[b], i));
        }
        if compatible && !needs.is_empty() {
            let union: Vec<usize> = members[a].iter().chain(&members[b]).copied().collect();
            compatible = needs.iter().all(|(vx, vy)| {
                union.iter().any(|&x| {
                    value_of(&figs[x]) == *vx
                        && union.iter().any(|&y| {
                            value_of(&figs[y]) == *vy
                                && conflict_sim.contains_key(&(x.min(y), x.max(y)))
                        })
                })
            });
        }
        // Each value the merge sets against another must meet it, in one
        // pair at least, in a context that is alike. Two values that
        // already stand in one of the two slots are no new conflict: the
        // merge only adds reports of them ("rose to 10" joining a slot
        // where 3 and 10 already met).
        let values = |g: usize| -> BTreeSet<u64> {
            members[g]
                .iter()
                .map(|&k| figs[k].figure.value.to_bits())
                .collect()
        };
        let (in_a, in_b) = (values(a), values(b));
        let holds = |set: &BTreeSet<u64>, x: u64, y: u64| set.contains(&x) && set.contains(&y);
        let conflicts_backed = {
            let mut best: HashMap<(u64, u64), f32> = HashMap::default();
            let mut any = false;
            for &i in &members[a] {
                for &j in &members[b] {
                    let (x, y) = (
                        figs[i].figure.value.to_bits(),
                        figs[j].figure.value.to_bits(),
                    );
                    if holds(&in_a, x, y) || holds(&in_b, x, y) {
                        continue;
                    }
                    if let Some(s) = conflict_sim.get(&(i.min(j), i.max(j))) {
                        any = true;
                        let key = (
                            figs[i].figure.value.to_bits(),
                            figs[j].figure.value.to_bits(),
                        );
                        let e = best.entry(key).or_insert(0.0);
                        *e = e.max(*s);
                    }
                }
            }
            !any || best.values().any(|s| *s >= CONFLICT_SIMILARITY)
        };
        if let Some(want) = &debug_merge {
            debug_merge_attempt(
                want,
                figs,
                &members[a],
                &members[b],
                s,
                compatible,
                conflicts_backed,
            );
        }
        if !compatible || !conflicts_backed {
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

/// Prints a merge of two groups tried, when either holds a figure worded
/// `want`, with the pairs that may not share a slot (see
/// `CROSSWIRE_DEBUG_MERGE`).
fn debug_merge_attempt(
    want: &str,
    figs: &[Fig],
    a: &[usize],
    b: &[usize],
    s: f32,
    compatible: bool,
    backed: bool,
) {
    let names = |g: &[usize]| {
        g.iter()
            .map(|&k| format!("{}@{}", figs[k].text, figs[k].article))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (na, nb) = (names(a), names(b));
    if !na.contains(want) && !nb.contains(want) {
        return;
    }
    eprintln!("MERGE {s:.3} compatible={compatible} backed={backed} [{na}] + [{nb}]");
    for &i in a {
        for &j in b {
            if !can_share(&figs[i], &figs[j]) {
                eprintln!(
                    "  {}@{} x {}@{}: {:?}",
                    figs[i].text,
                    figs[i].article,
                    figs[j].text,
                    figs[j].article,
                    merge_blocker(&figs[i], &figs[j])
                );
            }
        }
    }
}

/// A figure's value as a slot lists it: the number and its hedge.
fn value_of(f: &Fig) -> (u64, Qualifier) {
    (f.figure.value.to_bits(), f.figure.qualifier)
}

/// The pairs of a block worth comparing: those that share a feature (a
/// word of their contexts, an entity, the stated number, a happening), as
/// all others have similarity 0. Found through an inverted index, so that
/// a dossier of thousands of articles is not compared pair by pair; a
/// feature shared by more than [`POSTING_CAP`] figures (a word every
/// report uses) weighs next to nothing and generates no pairs of its own.
fn candidate_pairs(block: &[usize], weighed: &[Weighed]) -> Vec<(usize, usize)> {
    if block.len() <= POSTING_CAP {
        // Small enough to compare every pair, which is exact.
        let mut out = Vec::with_capacity(block.len() * block.len().saturating_sub(1) / 2);
        for (x, &i) in block.iter().enumerate() {
            for &j in &block[x + 1..] {
                out.push((i, j));
            }
        }
        return out;
    }
    let keys = |w: &Weighed| -> Vec<u64> {
        // What is counted and the words of the clause: the wider sentence
        // only ever adds a fifth to a similarity, never enough alone.
        let mut k: Vec<u64> = w.head.ids().chain(w.near.ids()).map(u64::from).collect();
        if let Some((v, d)) = w.value_key {
            k.push((1 << 40) ^ v.rotate_left(7) ^ d);
        }
        k.sort_unstable();
        k.dedup();
        k
    };
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::default();
    let per_fig: Vec<(usize, Vec<u64>)> = block.iter().map(|&i| (i, keys(&weighed[i]))).collect();
    for (i, ks) in &per_fig {
        for k in ks {
            postings.entry(*k).or_default().push(*i);
        }
    }
    let mut out = Vec::new();
    for (i, ks) in &per_fig {
        // A figure's rarest features: they say most about which quantity
        // it is, and bound the pairs each figure brings.
        let mut lists: Vec<&Vec<usize>> = ks
            .iter()
            .filter_map(|k| postings.get(k))
            .filter(|l| l.len() > 1 && l.len() <= LARGE_POSTING_CAP)
            .collect();
        lists.sort_by_key(|l| l.len());
        for list in lists.into_iter().take(RAREST_FEATURES) {
            out.extend(list.iter().filter(|&&j| j > *i).map(|&j| (*i, j)));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Blocks up to this size are compared pair by pair (see
/// [`candidate_pairs`]).
const POSTING_CAP: usize = 400;

/// In larger blocks, the figures a feature may be shared by and still
/// generate candidate pairs: rarer features are what tell two reports of
/// one quantity from the rest.
const LARGE_POSTING_CAP: usize = 64;

/// In larger blocks, how many of a figure's rarest features generate its
/// candidate pairs.
const RAREST_FEATURES: usize = 12;

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
            && *f.dim() == Dim::Count
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
        // "18 injured and 12 arrested" lists two happenings, not parts of
        // one whole: the parts of a whole share what happened to them
        // ("three Britons and two Germans were killed").
        let apart = |a: usize, b: usize| {
            let (ha, hb) = (figs[a].measure.happening, figs[b].measure.happening);
            ha != 0 && hb != 0 && ha & hb == 0
        };
        for w in 0..list.len() {
            // The last two items of a longer list ("four indictments, nine
            // charges and six complaints") are not a whole's parts by
            // themselves.
            let tail_of_longer = w >= 1 && gap(list[w - 1], list[w]).contains(',');
            if w + 1 < list.len()
                && joined(&gap(list[w], list[w + 1]))
                && !apart(list[w], list[w + 1])
                && !tail_of_longer
            {
                runs.push(vec![list[w], list[w + 1]]);
            }
            if w + 2 < list.len() {
                let first = gap(list[w], list[w + 1]);
                if (first.contains(',') || joined(&first))
                    && joined(&gap(list[w + 1], list[w + 2]))
                    && !apart(list[w], list[w + 1])
                    && !apart(list[w + 1], list[w + 2])
                    && !apart(list[w], list[w + 2])
                {
                    runs.push(vec![list[w], list[w + 1], list[w + 2]]);
                }
            }
        }
    }
    runs
}

/// Sets [`Fig::translated_origin`] for the figures of origins whose
/// articles are in more than one language.
fn mark_translations(figs: &mut [Fig], origins: &Origins) {
    let mut languages: HashMap<usize, BTreeSet<&str>> = HashMap::default();
    for f in figs.iter() {
        if let (Some(o), Some(l)) = (origins.of_article.get(f.article), f.language) {
            languages.entry(*o).or_default().insert(l);
        }
    }
    for f in figs.iter_mut() {
        let origin = origins.of_article.get(f.article).copied();
        if origin.is_some_and(|o| languages.get(&o).is_some_and(|l| l.len() > 1)) {
            f.translated_origin = origin;
        }
    }
}

/// Gives the figures of an undated article the publish day of its
/// origin's dated versions (a translation or copy is published with its
/// original, give or take a day), so that the story's time is known for
/// all of them. The earliest day, when the versions differ.
fn date_undated_versions(figs: &mut [Fig], articles: &[Article], origins: &Origins) {
    let mut day: HashMap<usize, chrono::NaiveDate> = HashMap::default();
    for (i, a) in articles.iter().enumerate() {
        let published = a.published.as_ref().and_then(|p| p.date());
        if let (Some(&o), Some(d)) = (origins.of_article.get(i), published) {
            let e = day.entry(o).or_insert(d);
            *e = (*e).min(d);
        }
    }
    for f in figs.iter_mut() {
        if f.published.is_none() {
            f.published = origins
                .of_article
                .get(f.article)
                .and_then(|o| day.get(o))
                .copied();
        }
    }
}

/// Two figures of one story told in two languages, with one value: the
/// same number translated.
fn translated_pair(a: &Fig, b: &Fig) -> bool {
    a.translated_origin.is_some()
        && a.translated_origin == b.translated_origin
        && a.language != b.language
        && a.figure.qualifier == b.figure.qualifier
        && (magnitude(a) - magnitude(b)).abs() <= 1e-9 * magnitude(a).abs().max(1.0)
}

/// Moves the parts of a total into the total's slot. Two figures of one
/// sentence are never one quantity, so clustering keeps parts apart; but
/// when figures listed together add up to a figure another sentence gives
/// (exactly or as "about"), they are the breakdown of that total and belong
/// with it. Parts that other reports give too ("12 Norlandic" in several
/// outlets) are quantities in their own right and keep their slots; parts
/// whose own words name a different happening than the total's ("3 dead
/// and 5 injured" against "8 dead") are left alone. Returns the runs that
/// were read as parts.
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
        if run
            .iter()
            .any(|&p| groups.get(group_of[p]).is_some_and(|g| g.len() > 1))
        {
            continue;
        }
        let sum: f64 = run.iter().map(|&i| figs[i].figure.value).sum();
        let first = &figs[run[0]];
        let named: Vec<u32> = run
            .iter()
            .map(|&p| figs[p].measure.happening)
            .filter(|h| *h != 0)
            .collect();
        if named.windows(2).any(|w| w[0] & w[1] == 0) {
            continue;
        }
        let total_group = groups.iter().position(|members| {
            members.iter().any(|&m| {
                let t = &figs[m];
                (t.article != first.article || t.sentence != first.sentence)
                    && matches!(t.figure.qualifier, Qualifier::Exact | Qualifier::About)
                    && t.dim() == first.dim()
                    && (t.figure.value - sum).abs() < 1e-9
                    && !t.measure.part
                    && named
                        .iter()
                        .all(|h| t.measure.happening == 0 || h & t.measure.happening != 0)
                    // Parts that say what they count must count what the
                    // total counts ("one crewman ... and one dead" are
                    // not the parts of "two boats"), unless the sum is
                    // distinctive enough to tell by itself ("2 leaders
                    // plus 21 others" and "23 Salvadorans").
                    && (sum >= 10.0
                        || run.iter().all(|&p| figs[p].measure.head.is_none())
                        || run.iter().any(|&p| match (&figs[p].measure.head, &t.measure.head) {
                            (Some(x), Some(y)) => same_head(x, y) || figs[p].measure.generic_head || t.measure.generic_head,
                            _ => false,
                        }))
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

/// Puts money in one currency where the texts themselves say what one is
/// worth in another: a sum followed by its conversion in brackets ("2
/// million euros ($2.6 million)") gives a rate; the median rate of each
/// pair of currencies converts every sum of one into the currency most
/// figures use. Currencies no text converts stay apart: crosswire never
/// brings in an exchange rate of its own.
fn convert_currencies(figs: &mut [Fig]) {
    let money = |f: &Fig| match f.dim() {
        Dim::Money(c) => Some(c.clone()),
        _ => None,
    };
    let mut rates: HashMap<(String, String), Vec<f64>> = HashMap::default();
    let mut order: Vec<usize> = (0..figs.len()).collect();
    order.sort_by_key(|&i| (figs[i].article, figs[i].span.start));
    for w in order.windows(2) {
        let (a, b) = (&figs[w[0]], &figs[w[1]]);
        if a.article != b.article
            || a.sentence != b.sentence
            || a.dim() == b.dim() && a.measure.factor == b.measure.factor
        {
            continue;
        }
        // A sum and its conversion, or a distance, an area, a speed in
        // another unit: the second restates the first (only sums give
        // rates, below; the other units meet through their factors).
        let same_kind = matches!((a.dim(), b.dim()), (Dim::Money(_), Dim::Money(_)))
            || a.dim() == b.dim()
                && matches!(
                    a.dim(),
                    Dim::Length | Dim::Area | Dim::Speed | Dim::Mass | Dim::Duration
                );
        let gap = a.sent_text.get(a.rel.end..b.rel.start).unwrap_or("");
        let bracketed = gap
            .trim_start_matches(|c: char| c.is_whitespace())
            .starts_with('(')
            && gap.chars().filter(|c| c.is_alphanumeric()).count() <= 8;
        // "2m euros (£1.7m, $2.6m)": a second conversion in the same
        // brackets restates the original too.
        let chained = a.restates.is_some() && matches!(gap.trim(), "," | ";" | "/" | "or" | "o");
        if !same_kind || !(bracketed || chained) {
            continue;
        }
        let restated = if chained {
            a.restates.unwrap_or(a.span)
        } else {
            a.span
        };
        // A conversion in brackets says what its original says, hedge
        // and all: "about 58 km (36 miles)" is about 36 miles.
        let (qualifier, low, high, value) = (
            a.figure.qualifier,
            a.figure.low,
            a.figure.high,
            a.figure.value,
        );
        let is_money = matches!(figs[w[0]].dim(), Dim::Money(_));
        let b = &mut figs[w[1]];
        b.restates = Some(restated);
        if b.figure.qualifier == Qualifier::Exact && qualifier != Qualifier::Exact && value > 0.0 {
            let scale = b.figure.value / value;
            let f = b.figure.to_mut();
            f.qualifier = qualifier;
            f.low = low * scale;
            f.high = high.map(|h| h * scale);
        } else if b.figure.qualifier == Qualifier::Exact && !is_money {
            // "10 miles (15 kilometers)": a unit converted in brackets is
            // rounded, often to the nearest five; it states the original,
            // within a tenth.
            let v = b.figure.value;
            let f = b.figure.to_mut();
            f.low = v * 0.9;
            f.high = Some(v * 1.1);
        }
        let (a, b) = (&figs[w[0]], &figs[w[1]]);
        let (Some(ca), Some(cb)) = (money(a), money(b)) else {
            continue;
        };
        let (va, vb) = (a.figure.value, b.figure.value);
        if ca != cb && va > 0.0 && vb > 0.0 {
            rates
                .entry((ca.clone(), cb.clone()))
                .or_default()
                .push(vb / va);
            rates.entry((cb, ca)).or_default().push(va / vb);
        }
    }
    if rates.is_empty() {
        return;
    }
    let mut count: HashMap<String, usize> = HashMap::default();
    for f in figs.iter() {
        if let Some(c) = money(f) {
            *count.entry(c).or_insert(0) += 1;
        }
    }
    let Some(base) = count
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c.clone())
    else {
        return;
    };
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied()
    };
    let mut pair_rates: Vec<(String, String, f64)> = Vec::new();
    for ((from, to), mut v) in rates {
        if let Some(r) = median(&mut v) {
            pair_rates.push((from, to, r));
        }
    }
    // A currency no text converts into the base straight may be converted
    // through another ("2m euros ($2.6m)" and "2m euros (£1.7m)" say what a
    // pound is in dollars): each currency takes the chain through the
    // fewest conversions, all of them the texts' own.
    pair_rates.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let mut to_base: HashMap<String, f64> = HashMap::default();
    to_base.insert(base.clone(), 1.0);
    let mut frontier = vec![base.clone()];
    while !frontier.is_empty() {
        let mut next = Vec::new();
        for reached in &frontier {
            let Some(&f) = to_base.get(reached) else {
                continue;
            };
            for (from, to, r) in &pair_rates {
                if to == reached && !to_base.contains_key(from) {
                    to_base.insert(from.clone(), r * f);
                    next.push(from.clone());
                }
            }
        }
        frontier = next;
    }
    to_base.remove(&base);
    for f in figs.iter_mut() {
        if let Some(c) = money(f) {
            if let Some(r) = to_base.get(&c) {
                f.measure.dim = Some(Dim::Money(base.clone()));
                f.measure.factor *= r;
            }
        }
    }
}

/// Sets each figure's [`Fig::side`]: the places of its clause that only one
/// origin mentions, when three or more origins cover the event (with fewer,
/// every place is mentioned by few); and its [`Fig::minor`] places, which
/// fewer than half of the origins mention.
fn mark_side_places(
    figs: &mut [Fig],
    articles: &[Article],
    names: &EntityNames,
    origins: &Origins,
) {
    let total: BTreeSet<usize> = origins.of_article.iter().copied().collect();
    if total.len() < 3 {
        return;
    }
    let mut seen: HashMap<String, BTreeSet<usize>> = HashMap::default();
    for (ai, a) in articles.iter().enumerate() {
        let Some(&o) = origins.of_article.get(ai) else {
            continue;
        };
        for s in &a.spans {
            if let SpanKind::Entity { canonical, .. } = &s.kind {
                seen.entry(names.feature(canonical)).or_default().insert(o);
            }
        }
    }
    for f in figs.iter_mut() {
        f.side = f
            .measure
            .locations
            .iter()
            .filter(|p| seen.get(*p).is_none_or(|o| o.len() <= 1))
            .cloned()
            .collect();
        f.minor = f
            .measure
            .locations
            .iter()
            .filter(|p| seen.get(*p).is_none_or(|o| 2 * o.len() < total.len()))
            .cloned()
            .collect();
    }
}

/// Two counts of one happening in one sentence are a total and a part of
/// it, or a total and what was added to it ("the toll has risen to 17
/// after the bodies of three more workers were found", "killing 10,
/// including three children"): the smaller is marked a part, so that it
/// is never compared with totals.
fn mark_smaller_counts_of_one_sentence(figs: &mut [Fig]) {
    let mut by_sentence: HashMap<(usize, u32), Vec<usize>> = HashMap::default();
    for (i, f) in figs.iter().enumerate() {
        // A zero is no part of anything ("four bombs fell but caused no
        // casualties").
        if *f.dim() == Dim::Count && f.measure.happening != 0 && !f.listed && f.figure.value > 0.0 {
            by_sentence
                .entry((f.article, f.sentence.start))
                .or_default()
                .push(i);
        }
    }
    let mut parts = Vec::new();
    for list in by_sentence.values() {
        for &i in list {
            let smaller = list.iter().any(|&j| {
                let (first, second) = if figs[j].rel.start < figs[i].rel.start {
                    (&figs[j], &figs[i])
                } else {
                    (&figs[i], &figs[j])
                };
                let gap = first
                    .sent_text
                    .get(first.rel.end..second.rel.start)
                    .unwrap_or("")
                    .to_lowercase();
                j != i
                    && figs[j].measure.happening & figs[i].measure.happening != 0
                    && magnitude(&figs[i]) < magnitude(&figs[j])
                    && PART_LINKS.iter().any(|w| has_phrase(&gap, w))
            });
            if smaller {
                parts.push(i);
            }
        }
    }
    for i in parts {
        if let Some(f) = figs.get_mut(i) {
            f.measure.part = true;
        }
    }
}

/// Words between two counts of one sentence that make one a part of, or
/// an addition to, the other.
const PART_LINKS: &[&str] = &[
    "after",
    "including",
    "among them",
    "of whom",
    "of which",
    "tras",
    "después",
    "incluidos",
    "incluidas",
    "entre ellos",
];

/// A headline squeezes its story into a few words ("9 Farms Damaged");
/// the body that repeats the number says what happened to them ("nine
/// farms were burned down"). A headline figure whose happening no body
/// figure of the same value and thing confirms takes the body's, when the
/// body's related happenings (damaged / destroyed) agree on one.
fn headlines_take_the_body_s_happening(figs: &mut [Fig], articles: &[Article]) {
    let in_title = |f: &Fig| {
        articles
            .get(f.article)
            .and_then(|a| a.block_at(f.span.start as usize))
            .is_some_and(|b| matches!(b.kind, BlockKind::Title))
    };
    let titled: Vec<bool> = figs.iter().map(in_title).collect();
    let mut changes = Vec::new();
    for (i, t) in figs.iter().enumerate() {
        if !titled[i] {
            continue;
        }
        let same_thing = |b: &Fig| match (&t.measure.head, &b.measure.head) {
            (Some(x), Some(y)) => same_head(x, y),
            (None, _) => true,
            (Some(_), None) => false,
        };
        let body: Vec<u32> = figs
            .iter()
            .enumerate()
            .filter(|&(j, b)| {
                !titled[j]
                    && b.article == t.article
                    && b.dim() == t.dim()
                    && b.figure.value == t.figure.value
                    && b.measure.happening != 0
                    && same_thing(b)
            })
            .map(|(_, b)| b.measure.happening)
            .collect();
        let h = t.measure.happening;
        if h == 0 || body.is_empty() || body.iter().any(|&b| b & h != 0) {
            continue;
        }
        // The body's happenings the headline's may stand for: its related
        // ones, and they must agree. A headline that names no happening
        // keeps none: across the versions of a translated story its
        // figures must stay worded alike.
        let fitting: Vec<u32> = body.iter().copied().filter(|&b| related(b, h)).collect();
        if let Some(&pick) = fitting.first() {
            if fitting.iter().all(|&b| b == pick) {
                changes.push((i, pick));
            }
        }
    }
    for (i, h) in changes {
        if let Some(f) = figs.get_mut(i) {
            f.measure.happening = h;
        }
    }
}

/// The articles that report an earlier state of the story: one of their
/// running counts sits in a slot where another report says the count rose
/// ("the toll rose to 10"), and is below the value it rose to. Their other
/// running counts, lower than the rest of the coverage's, are earlier
/// states too (see [`Claim::early`]).
fn early_reports(figs: &[Fig], groups: &[Vec<usize>], runs: &[Vec<usize>]) -> BTreeSet<usize> {
    let mut early = BTreeSet::new();
    for g in groups {
        let cs = claims(g, figs, runs, &BTreeSet::new());
        let risen: Vec<f64> = cs
            .iter()
            .filter(|c| c.updated && c.running)
            .map(|c| interval(&c.figure).0 * c.factor)
            .collect();
        for c in &cs {
            // The stated number, not the interval: "at least three" in a
            // story the coverage says rose to 10 is the early count, though
            // it fits.
            // A zero denies the count; it is no early state of it.
            if c.running
                && !c.updated
                && c.figure.value > 0.0
                && c.figure.qualifier != Qualifier::Vague
                && risen.iter().any(|&r| c.figure.value * c.factor < r)
            {
                early.insert(c.article);
            }
        }
    }
    early
}

/// Builds the figure slots of a set of analyzed articles.
pub fn figure_slots(
    articles: &[Article],
    origins: &Origins,
    opts: &SlotOptions,
) -> Vec<FigureSlot> {
    let names = EntityNames::new(articles);
    let mut figs = collect(articles, &names, opts);
    mark_side_places(&mut figs, articles, &names, origins);
    headlines_take_the_body_s_happening(&mut figs, articles);
    convert_currencies(&mut figs);
    mark_translations(&mut figs, origins);
    date_undated_versions(&mut figs, articles, origins);
    for run in part_runs(&figs) {
        for i in run {
            if let Some(f) = figs.get_mut(i) {
                f.listed = true;
            }
        }
    }
    mark_smaller_counts_of_one_sentence(&mut figs);
    let mut groups = cluster(&figs, opts);
    join_equal_sums(&figs, &mut groups);
    join_translations(&figs, &mut groups);
    join_versions(&figs, &mut groups, origins);
    let runs = attach_parts(&figs, &mut groups);
    set_bystanders_apart(&figs, &mut groups, &runs, origins);
    let early = early_reports(&figs, &groups, &runs);
    // "Several", "a few", "numerous" from one origin in one language: no
    // value to check and no one to check it against, so no line of the
    // dossier. Beside other reports of its quantity (or its translation)
    // such a word stays, as one more wording of it.
    let lone_vague = |g: &Vec<usize>| {
        let small_vague = |&i: &usize| {
            figs[i].figure.qualifier == Qualifier::Vague && figs[i].figure.low < SMALL_VAGUE
        };
        let origins_of: BTreeSet<Option<&usize>> = g
            .iter()
            .map(|&i| origins.of_article.get(figs[i].article))
            .collect();
        let languages: BTreeSet<Option<&str>> = g.iter().map(|&i| figs[i].language).collect();
        g.iter().all(small_vague) && origins_of.len() <= 1 && languages.len() <= 1
    };
    let mut slots: Vec<FigureSlot> = groups
        .into_iter()
        .filter(|g| !g.is_empty() && !lone_vague(g))
        .map(|g| {
            let members: Vec<&Fig> = g.iter().map(|&i| &figs[i]).collect();
            let claims = claims(&g, &figs, &runs, &early);
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
    // Conflicts first, then revisions, then by how many origins report it.
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

/// Below this low end, a vague count ("several", "a few") says too little
/// to stand alone in a dossier ("dozens" may).
const SMALL_VAGUE: f64 = 10.0;

/// Joins the slots of one number told in two languages of one story. A
/// translation keeps its original's numbers while its words differ more
/// than any two reports in one language ("two years later" / "dos años
/// después"), so the similarity alone leaves many such pairs apart. Where
/// each language version's mentions of one value, hedge and kind of
/// measure already sit in one slot, the two slots are one quantity,
/// provided every pair across them may share a slot. A value a version
/// gives for two different things (two slots in one language) joins
/// nothing: which of them the other language's is, is unknown.
fn join_translations(figs: &[Fig], groups: &mut [Vec<usize>]) {
    let mut group_of: Vec<usize> = vec![usize::MAX; figs.len()];
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            group_of[i] = g;
        }
    }
    // (origin, value in base units, hedge, kind) -> language -> figures.
    type Key<'k> = (usize, u64, String, &'k Dim);
    let mut by_key: BTreeMap<Key, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for (i, f) in figs.iter().enumerate() {
        let (Some(origin), Some(lang)) = (f.translated_origin, f.language) else {
            continue;
        };
        let m = magnitude(f);
        if !m.is_finite() || f.figure.qualifier == Qualifier::Vague || group_of[i] == usize::MAX {
            continue;
        }
        let key = (
            origin,
            m.to_bits(),
            format!("{:?}", f.figure.qualifier),
            f.dim(),
        );
        by_key
            .entry(key)
            .or_default()
            .entry(lang)
            .or_default()
            .push(i);
    }
    for langs in by_key.values() {
        let sides: Vec<&Vec<usize>> = langs.values().collect();
        for w in 0..sides.len() {
            for v in w + 1..sides.len() {
                let one_slot = |side: &[usize]| {
                    let g = side.first().map(|&i| group_of[i])?;
                    side.iter().all(|&i| group_of[i] == g).then_some(g)
                };
                let (Some(a), Some(b)) = (one_slot(sides[w]), one_slot(sides[v])) else {
                    continue;
                };
                if a == b || groups[a].is_empty() || groups[b].is_empty() {
                    continue;
                }
                let shareable = groups[a]
                    .iter()
                    .all(|&i| groups[b].iter().all(|&j| can_share(&figs[i], &figs[j])));
                if shareable {
                    let moved = std::mem::take(&mut groups[b]);
                    for &i in &moved {
                        group_of[i] = a;
                    }
                    groups[a].extend(moved);
                }
            }
        }
        // A version that gives the number once, in one slot, while
        // another version's mentions of it fall into two: a translation
        // keeps its original's numbers, so the stray slot, when it holds
        // nothing but that number, is the same quantity worded apart
        // ("five new 460 aircraft" / "otros cinco aviones").
        let slots_of = |side: &[usize], group_of: &[usize]| -> BTreeSet<usize> {
            side.iter().map(|&i| group_of[i]).collect()
        };
        let anchors: BTreeSet<usize> = langs
            .values()
            .map(|side| slots_of(side, &group_of))
            .filter(|s| s.len() == 1)
            .flatten()
            .collect();
        let [anchor] = anchors.into_iter().collect::<Vec<_>>()[..] else {
            continue;
        };
        let Some(&first) = langs.values().flatten().next() else {
            continue;
        };
        let strays: BTreeSet<usize> = langs
            .values()
            .flat_map(|side| slots_of(side, &group_of))
            .filter(|&g| g != anchor)
            .collect();
        for h in strays {
            let pure = groups[h].iter().all(|&j| {
                figs[j].figure.qualifier == figs[first].figure.qualifier
                    && magnitude(&figs[j]).to_bits() == magnitude(&figs[first]).to_bits()
            });
            let shareable = groups[anchor]
                .iter()
                .all(|&i| groups[h].iter().all(|&j| can_share(&figs[i], &figs[j])));
            if pure && shareable && !groups[h].is_empty() {
                let moved = std::mem::take(&mut groups[h]);
                for &i in &moved {
                    group_of[i] = anchor;
                }
                groups[anchor].extend(moved);
            }
        }
    }
}

/// Takes out of a conflicting slot the small vague counts, and the hedged ones
/// that name none of its happening, that are no side of the conflict: "a
/// dozen members stood" or "several men" in a slot where "eleven men were
/// charged" meets "12 defendants charged". Such a figure fits either side,
/// so it adds nothing to the conflict, and what it measures is unclear: a
/// slot called a conflict should hold one measure, so the figure is
/// listed on its own rather than forced in.
fn set_bystanders_apart(
    figs: &[Fig],
    groups: &mut Vec<Vec<usize>>,
    runs: &[Vec<usize>],
    origins: &Origins,
) {
    let mut apart = Vec::new();
    for group in groups.iter_mut() {
        if group.len() < 3 {
            continue;
        }
        let claims = claims(group, figs, runs, &BTreeSet::new());
        let (verdict, _, pairs) = decide(&claims, origins);
        if verdict != Verdict::Conflict {
            continue;
        }
        let sides: BTreeSet<usize> = pairs.iter().flatten().copied().collect();
        let side_figs: BTreeSet<usize> = sides
            .iter()
            .filter_map(|&c| claims.get(c))
            .flat_map(|c| c.members.iter().filter_map(|&pos| group.get(pos).copied()))
            .collect();
        let side_happening = side_figs
            .iter()
            .fold(0u32, |acc, &i| acc | figs[i].measure.happening);
        if side_happening == 0 {
            continue;
        }
        let bystander = |i: usize| {
            let f = &figs[i];
            let Some(pos) = group.iter().position(|&g| g == i) else {
                return false;
            };
            let Some(own) = claims.iter().find(|c| c.members == [pos]) else {
                return false;
            };
            // A vague word ("several men") sets no value against the
            // sides whatever it counts; a hedged number only when it names
            // none of their happening.
            // "hundreds" beside 238 and 261 is a rough size of the same
            // group, and stays.
            let hedge = f.figure.qualifier == Qualifier::Vague && f.figure.low < 100.0
                || f.figure.qualifier == Qualifier::About && f.measure.happening == 0;
            *f.dim() == Dim::Count
                && hedge
                && !side_figs.contains(&i)
                && sides.iter().filter_map(|&c| claims.get(c)).all(|c| {
                    crate::verdict::difference(own, c, origins) == crate::verdict::Difference::None
                })
        };
        let (out, keep): (Vec<usize>, Vec<usize>) = group.iter().partition(|&&i| bystander(i));
        if out.is_empty() {
            continue;
        }
        *group = keep;
        apart.extend(out.into_iter().map(|i| vec![i]));
    }
    groups.extend(apart);
}

/// Joins slots of money that give one sum. A sum of money, with its
/// conversions, is rarely given twice in one coverage for two different
/// things, while the words around it vary more than a count's ("a €2
/// million booty", "worth an estimated two million euros"): so two money
/// slots with a sum in common (within 2%, after conversion) are one,
/// provided every pair across them may share a slot and one pair with that
/// sum may be linked directly.
///
/// Candidates come from a table keyed by the sum rounded to two
/// significant digits, so the pass stays linear in the number of money
/// figures.
fn join_equal_sums(figs: &[Fig], groups: &mut [Vec<usize>]) {
    let key = |f: &Fig| -> Option<(String, i64)> {
        let Dim::Money(c) = f.dim() else {
            return None;
        };
        let m = magnitude(f);
        if !(m.is_finite() && m > 0.0) || f.figure.qualifier == Qualifier::Vague {
            return None;
        }
        let scale = 10f64.powf(m.log10().floor() - 1.0);
        Some((
            c.clone(),
            (m / scale).round() as i64 * 1000 + m.log10().floor() as i64,
        ))
    };
    let mut by_key: HashMap<(String, i64), BTreeSet<usize>> = HashMap::default();
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            if let Some(k) = key(&figs[i]) {
                by_key.entry(k).or_default().insert(g);
            }
        }
    }
    let close = |a: &Fig, b: &Fig| {
        let (x, y) = (magnitude(a), magnitude(b));
        (x - y).abs() <= 0.02 * x.max(y)
    };
    let mut keys: Vec<_> = by_key.into_iter().collect();
    keys.sort();
    for (_, gs) in keys {
        let gs: Vec<usize> = gs.into_iter().collect();
        for w in 0..gs.len() {
            for v in w + 1..gs.len() {
                let (a, b) = (gs[w], gs[v]);
                if groups[a].is_empty() || groups[b].is_empty() {
                    continue;
                }
                let linked = groups[a].iter().any(|&i| {
                    groups[b]
                        .iter()
                        .any(|&j| close(&figs[i], &figs[j]) && can_merge(&figs[i], &figs[j]))
                });
                // A hedge on the sum itself ("over $2.6 million" against
                // "$2.6 million") stops only a conflict being called, not
                // the join: the verdict still weighs the two.
                let shareable = linked
                    && groups[a].iter().all(|&i| {
                        groups[b].iter().all(|&j| {
                            let (x, y) = (&figs[i], &figs[j]);
                            can_share(x, y)
                                || close(x, y)
                                    && merge_blocker(x, y)
                                        .is_some_and(|r| r.starts_with("conflict:"))
                        })
                    });
                if shareable {
                    let moved = std::mem::take(&mut groups[b]);
                    groups[a].extend(moved);
                }
            }
        }
    }
}

/// Joins the slots of one number in two versions of one story. An
/// updated version keeps its sentence and changes the number ("stocks
/// plunged 5.4%" / "stocks closed down 3.9%"), so the words around it may
/// no longer say enough to slot it (no counted noun, no happening), yet
/// the rewritten sentence says it is the same quantity, later. The join
/// needs: two articles of one origin; sentences that share most of their
/// words and hold one figure of that dimension each; and no pair across
/// the two slots that could read as a conflict (see
/// [`crate::verdict::difference`]: versions of one origin differ as a
/// revision).
fn join_versions(figs: &[Fig], groups: &mut [Vec<usize>], origins: &Origins) {
    let origin = |f: &Fig| origins.of_article.get(f.article).copied();
    let mut group_of: Vec<Option<usize>> = vec![None; figs.len()];
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            if let Some(x) = group_of.get_mut(i) {
                *x = Some(g);
            }
        }
    }
    // Computed once per figure: an origin with many copies pairs many
    // figures, and each pair must cost little.
    let words: Vec<BTreeSet<String>> = figs
        .iter()
        .map(|f| {
            crate::context::words_with_offsets(f.sent_text)
                .into_iter()
                .map(|(_, w)| w.to_lowercase())
                .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
                .collect()
        })
        .collect();
    let mut per_sentence: HashMap<(usize, u32, &Dim), usize> = HashMap::default();
    for f in figs {
        *per_sentence
            .entry((f.article, f.sentence.start, f.dim()))
            .or_default() += 1;
    }
    let alone_in_sentence = |i: usize| {
        let f = &figs[i];
        per_sentence.get(&(f.article, f.sentence.start, f.dim())) == Some(&1)
    };
    // The measure is read from the rewritten sentence, so only an unclear
    // measure is forgiven, never a sign that the two measure other things.
    let same_measure = |a: &Fig, b: &Fig| match merge_blocker(a, b) {
        None => true,
        Some(r) => r == "conflict: measure unclear",
    };
    let revision = |a: &Fig, b: &Fig| {
        a.article != b.article
            && (a.measure.updated
                || b.measure.updated
                || origin(a).is_some() && origin(a) == origin(b))
    };
    let mut by_origin: HashMap<(usize, &Dim), Vec<usize>> = HashMap::default();
    for (i, f) in figs.iter().enumerate() {
        if let Some(o) = origin(f) {
            by_origin.entry((o, f.dim())).or_default().push(i);
        }
    }
    let mut origin_keys: Vec<(usize, &Dim)> = by_origin.keys().copied().collect();
    origin_keys.sort_unstable();
    for o in origin_keys {
        let Some(members) = by_origin.get(&o) else {
            continue;
        };
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (a, b) = (&figs[i], &figs[j]);
                let (Some(ga), Some(gb)) = (group_of[i], group_of[j]) else {
                    continue;
                };
                if ga == gb || a.article == b.article || a.dim() != b.dim() {
                    continue;
                }
                if !alone_in_sentence(i) || !alone_in_sentence(j) {
                    continue;
                }
                let (wa, wb) = (&words[i], &words[j]);
                let smaller = wa.len().min(wb.len());
                if smaller < VERSION_MIN_WORDS
                    || (wa.intersection(wb).count() as f32) < VERSION_SHARED_WORDS * smaller as f32
                {
                    continue;
                }
                if !same_measure(a, b) {
                    continue;
                }
                let joinable = groups[ga].iter().all(|&p| {
                    groups[gb].iter().all(|&q| {
                        let (p, q) = (&figs[p], &figs[q]);
                        can_share(p, q) || (same_measure(p, q) && revision(p, q))
                    })
                });
                if !joinable {
                    continue;
                }
                let moved = std::mem::take(&mut groups[gb]);
                for &m in &moved {
                    group_of[m] = Some(ga);
                }
                groups[ga].extend(moved);
            }
        }
    }
}

/// The longest time, in days, between the publish dates of two reports
/// whose differing figures may be set against each other (see
/// [`merge_blocker`]).
const STORY_SPAN_DAYS: i64 = 30;

/// Words a sentence needs for its rewrite to be recognised.
const VERSION_MIN_WORDS: usize = 6;

/// The share of the shorter sentence's words a rewrite keeps.
const VERSION_SHARED_WORDS: f32 = 0.6;

/// The slot's claims: each member figure, except that parts of a total
/// (see [`part_runs`]) count once, as their sum, since the article's claim
/// is the total ("2 leaders plus 21 others" claims 23). `members` of each
/// claim index into `group`.
fn claims(
    group: &[usize],
    figs: &[Fig],
    runs: &[Vec<usize>],
    early: &BTreeSet<usize>,
) -> Vec<Claim> {
    let mut consumed = BTreeSet::new();
    let mut out = Vec::new();
    let pos = |i: usize| group.iter().position(|&g| g == i).unwrap_or(0);
    for run in runs {
        if !run.iter().all(|i| group.contains(i)) {
            continue;
        }
        let Some(&first) = run.first() else {
            continue;
        };
        let sum: f64 = run.iter().map(|&i| figs[i].figure.value).sum();
        let mut figure = figs[first].figure.clone().into_owned();
        figure.value = sum;
        figure.low = sum;
        figure.high = Some(sum);
        let text = run
            .iter()
            .map(|&i| format!("“{}”", figs[i].text))
            .collect::<Vec<_>>()
            .join(" + ");
        let f = &figs[first];
        out.push(Claim {
            figure,
            text: format!("{text} = {sum}"),
            article: f.article,
            dim: f.dim().clone(),
            factor: f.measure.factor,
            updated: f.measure.updated,
            in_quote: f.in_quote,
            as_of: f.as_of.clone(),
            running: f.measure.happening & running_bits() != 0,
            early: early.contains(&f.article),
            members: run.iter().map(|&i| pos(i)).collect(),
            language: f.language.map(str::to_string),
        });
        consumed.extend(run.iter().copied());
    }
    for &i in group {
        if !consumed.contains(&i) {
            let f = &figs[i];
            out.push(Claim {
                figure: f.figure.clone().into_owned(),
                text: format!("“{}”", f.text),
                article: f.article,
                dim: f.dim().clone(),
                factor: f.measure.factor,
                updated: f.measure.updated,
                in_quote: f.in_quote,
                as_of: f.as_of.clone(),
                running: f.measure.happening & running_bits() != 0,
                early: early.contains(&f.article),
                members: vec![pos(i)],
                language: f.language.map(str::to_string),
            });
        }
    }
    out
}

fn build_slot(members: &[&Fig], claims: &[Claim], origins: &Origins) -> FigureSlot {
    let (verdict, note, conflict_claims) = decide(claims, origins);
    // One value per distinct wording of the number (value + qualifier).
    let mut values: Vec<SlotValue> = Vec::new();
    let mut value_of: Vec<usize> = Vec::with_capacity(members.len());
    for f in members {
        let mention = Mention {
            article: f.article,
            span: f.span,
            sentence: f.sentence,
        };
        let origin = origins.of_article.get(f.article).copied();
        let existing = values.iter().position(|v| {
            v.qualifier == f.figure.qualifier
                && (v.value - f.figure.value).abs() < 1e-9
                && v.unit == f.figure.unit
        });
        match existing {
            Some(i) => {
                let v = &mut values[i];
                v.mentions.push(mention);
                if let Some(o) = origin {
                    if !v.origins.contains(&o) {
                        v.origins.push(o);
                    }
                }
                value_of.push(i);
            }
            None => {
                value_of.push(values.len());
                values.push(SlotValue {
                    text: f.text.clone(),
                    value: f.figure.value,
                    low: f.figure.low,
                    high: f.figure.high,
                    unit: f.figure.unit.clone(),
                    qualifier: f.figure.qualifier,
                    attributed_to: f.figure.attributed_to.clone(),
                    as_of: (verdict == Verdict::Revised)
                        .then(|| f.as_of.clone())
                        .flatten(),
                    mentions: vec![mention],
                    origins: origin.into_iter().collect(),
                })
            }
        }
    }
    // Most-reported first; the conflicting pairs follow the values.
    let mut order: Vec<usize> = (0..values.len()).collect();
    if verdict == Verdict::Revised {
        // A trajectory: in the order of the times the values refer to,
        // then (for a rising count) smallest first.
        order.sort_by(|&a, &b| {
            let key = |v: &SlotValue| trajectory_key(v.as_of.as_deref());
            key(&values[a])
                .cmp(&key(&values[b]))
                .then(values[a].value.total_cmp(&values[b].value))
        });
    } else {
        order.sort_by(|&a, &b| {
            values[b]
                .origins
                .len()
                .cmp(&values[a].origins.len())
                .then(values[b].mentions.len().cmp(&values[a].mentions.len()))
        });
    }
    let mut new_index = vec![0; values.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut pairs: BTreeSet<[usize; 2]> = BTreeSet::new();
    for [x, y] in conflict_claims {
        let (Some(cx), Some(cy)) = (claims.get(x), claims.get(y)) else {
            continue;
        };
        for &mx in &cx.members {
            for &my in &cy.members {
                let (Some(&vx), Some(&vy)) = (value_of.get(mx), value_of.get(my)) else {
                    continue;
                };
                let (a, b) = (new_index[vx], new_index[vy]);
                if a != b {
                    pairs.insert([a.min(b), a.max(b)]);
                }
            }
        }
    }
    let mut slot_values: Vec<Option<SlotValue>> = values.into_iter().map(Some).collect();
    let values: Vec<SlotValue> = order
        .iter()
        .filter_map(|&i| slot_values.get_mut(i).and_then(Option::take))
        .collect();
    let origin_count = members
        .iter()
        .filter_map(|f| origins.of_article.get(f.article))
        .collect::<BTreeSet<_>>()
        .len();
    FigureSlot {
        label: label(members),
        verdict,
        values,
        origin_count,
        note,
        conflicts: pairs.into_iter().collect(),
    }
}

/// The slot's name: what its members' measures say they count, most
/// often; else the counted phrase most members share; else the first
/// figure's wording.
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
        .or_else(|| members.iter().find_map(|f| f.measure.describe()))
        .unwrap_or_else(|| members.first().map(|f| f.text.clone()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn years_after_a_time_preposition_date_an_event() {
        assert!(qualifies_a_thing("invoked a"));
        assert!(qualifies_a_thing("a law dating back to"));
        assert!(qualifies_a_thing("una ley de"));
        assert!(!qualifies_a_thing("the river flooded in"));
        assert!(!qualifies_a_thing("cerrado desde"));
    }

    /// Headless figures whose clauses and sentences hold these words, one
    /// per `(near, far, measured)`, weighed alike.
    fn weighed(figures: &[(&[&str], &[&str], bool)]) -> Vec<Weighed> {
        let bag = |words: &[&str]| {
            let mut b = Bag::default();
            for w in words {
                b.add((*w).to_string(), 1.0);
            }
            b
        };
        let idf: HashMap<String, f32> = figures
            .iter()
            .flat_map(|(near, far, _)| near.iter().chain(far.iter()))
            .map(|w| ((*w).to_string(), 1.0))
            .collect();
        let mut ids = HashMap::default();
        figures
            .iter()
            .enumerate()
            .map(|(article, (near, far, measured))| Weighed {
                has_head: false,
                measured: *measured,
                value_key: None,
                article,
                in_quote: false,
                language: None,
                happening: 0,
                head_key: None,
                places: BTreeSet::new(),
                aged: None,
                main_quake: false,
                aftershock: None,
                none: false,
                share_of: None,
                translated_origin: None,
                stated: None,
                head: Sparse::new(&Bag::default(), &idf, &mut ids),
                near: Sparse::new(&bag(near), &idf, &mut ids),
                far: Sparse::new(&bag(far), &idf, &mut ids),
            })
            .collect()
    }

    #[test]
    fn a_one_word_clause_of_a_time_or_length_leans_on_its_sentence() {
        // "at 3 p.m." in two sentences about different things: the clause
        // words meet, the sentences do not.
        let talks: &[&str] = &["at", "talks", "resumed", "capital"];
        let bombs: &[&str] = &["at", "bombs", "fell", "camp"];
        let w = weighed(&[
            (&["at"], talks, true),
            (&["at"], bombs, true),
            (&["at"], talks, false),
            (&["at"], bombs, false),
            (&["at"], talks, true),
        ]);
        let time = similarity(&w[0], &w[1]);
        assert!(time < 0.6, "{time}");
        // A count's one-word clause still says what it says.
        let count = similarity(&w[2], &w[3]);
        assert!(count > time, "{count} vs {time}");
        // Sentences that meet as well keep the two together.
        let same = similarity(&w[0], &w[4]);
        assert!(same > 0.9, "{same}");
    }

    #[test]
    fn heads_meet_across_languages_by_their_first_letters() {
        assert!(same_head("pirate", "pirata"));
        assert!(same_head("víctim", "victim"));
        assert!(!same_head("rifle", "boat"));
        assert!(!same_head("cat", "cab"));
    }
}
