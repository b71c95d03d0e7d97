//! The words the cross-check relies on, one file per language: `en.rs`,
//! `es.rs`, and so on, each a [`Words`] value. Adding a language is adding
//! a file and a row of [`LANGUAGES`]; nothing else in the crate names a
//! word.
//!
//! What is not a word of any language lives here: the names of the
//! happenings, measures and things the tables fill ([`CONCEPT_NAMES`],
//! [`MEASURE_NAMES`], [`THING_NAMES`]), how happenings relate, and unit
//! symbols. The tables the rest of the crate reads ([`CONCEPTS`],
//! [`STOP_WORDS`]...) are the union of every language's, built once:
//! an article's language is often unknown or wrong, and a stem of one
//! language rarely means something else in another.

use std::sync::LazyLock;

mod de;
mod en;
mod es;
mod fr;
mod it;
mod nl;
mod pt;

/// One language's words. Lower case; stems are matched as word prefixes
/// (their first six letters), phrases as whole words.
pub struct Words {
    /// Function words skipped when comparing contexts. Words of two
    /// letters or fewer are skipped anyway; words of three count unless
    /// listed, since many counted nouns are that short ("law", "war").
    pub stop_words: &'static [&'static str],
    /// Per [`MEASURE_NAMES`] row: cues that say which measure a number is
    /// ("capacity for 40,000", "a yearly payment").
    pub measures: &'static [(&'static str, &'static [&'static str])],
    /// Unit words that express a share ("percent").
    pub percent_units: &'static [&'static str],
    /// Per [`CONCEPT_NAMES`] row: stems that express that happening
    /// ("killed", "dead" and "muerto" are one happening).
    pub concepts: &'static [(&'static str, &'static [&'static str])],
    /// Pronouns that stand for one person ("he", "her", "ella"): a count
    /// beside one is that person's ("she had six saves").
    pub person_pronouns: &'static [&'static str],
    /// Words that join the items of a list ("and", "plus").
    pub list_connectors: &'static [&'static str],
    /// Words before a year that make it date a happening ("in 2019").
    pub time_prepositions: &'static [&'static str],
    /// Words that report a figure changing over time ("rose to").
    pub update_cues: &'static [&'static str],
    /// Words that say when, within the story, a figure held, where no
    /// date can be resolved ("early", "evening", "at one point", "so
    /// far"): a value's place in a trajectory, in the text's own words.
    /// Each with its phase, which orders the trajectory: 0 an earlier
    /// report ("initially", "at one point"), 1 to 3 early, middle and late
    /// in the day, 4 the latest ("so far", "at present").
    pub moment_cues: &'static [(&'static str, u8)],
    /// Phrases naming a happening next to a number ("death toll").
    pub concept_phrases: &'static [(&'static str, &'static str)],
    /// Nouns that name the measure itself ("toll", "population").
    pub measure_nouns: &'static [(&'static str, &'static str)],
    /// Unit words with their dimension and factor to the base unit
    /// (seconds, metres, square metres, kilograms, km/h).
    pub units: &'static [(&'static str, &'static str, f64)],
    /// Per [`THING_NAMES`] row: the words for that counted thing.
    pub things: &'static [(&'static str, &'static [&'static str])],
    /// Words that make a figure an addition to a count given elsewhere
    /// ("another 2,000", "two other victims").
    pub increment_words: &'static [&'static str],
    /// Words that make a figure a part of a group ("30 of the 80").
    pub part_cues: &'static [&'static str],
    /// Words that make a small number near them a quake's magnitude
    /// ("a 6.1-magnitude quake", "5.9 on the Richter scale").
    pub magnitude_words: &'static [&'static str],
    /// Words that open a phrase attached to the clause before it ("...
    /// four aftershocks, with magnitudes from 3.9 to 4.6"): what that
    /// clause names is what the phrase describes.
    pub attached_words: &'static [&'static str],
    /// Words right after a sum that make it the price of one of many
    /// ("$2.49 per episode", "2 euros each"): a unit price, not a total.
    pub unit_price_words: &'static [&'static str],
    /// Prepositions after a sum that make it a unit price when a bare noun
    /// follows ("$2.49 per episode", "2,49 dólares por episodio"), not
    /// when an article or a possessive does ("por su rendimiento").
    pub per_words: &'static [&'static str],
    /// Words right before a number (maybe with one word between) that
    /// make it a change of a value, not the value ("a drop of 3.10
    /// dollars", "rose by 3%").
    pub change_words: &'static [&'static str],
    /// Words for an earthquake: a number written with a decimal beside
    /// one ("a 5.9 quake") is its magnitude.
    pub quake_words: &'static [&'static str],
    /// Nouns for the harmed, killed and hurt alike ("casualties",
    /// "víctimas"): none of them is nobody killed and nobody hurt.
    pub harm_nouns: &'static [&'static str],
    /// Words that make a magnitude an aftershock's.
    pub aftershock_words: &'static [&'static str],
    /// Words that make a count cover a whole country ("nationwide").
    pub wide_scope_cues: &'static [&'static str],
    /// Words that place a figure before the event ("last year").
    pub background_cues: &'static [&'static str],
    /// Words before a date that make it the start of a period running to
    /// now ("since October", "beginning last October"): a count over it
    /// is a running tally, not another happening.
    pub period_starts: &'static [&'static str],
    /// Counted nouns that name no group in particular ("people").
    pub generic_persons: &'static [&'static str],
    /// Words that deny the verb they go with ("not", "never"): a number
    /// inside a denied predicate ("has not sent three observers") is no
    /// claim that the count happened.
    pub negations: &'static [&'static str],
    /// Words right after a negation that make it deny a limit rather than
    /// the verb ("not only three", "not less than 40"): the number still
    /// stands.
    pub negation_limits: &'static [&'static str],
    /// Words after a rate's words ("a day") that make them say when, not
    /// how often ("a day after").
    pub time_relations: &'static [&'static str],
    /// Words that open a relative clause, whose count is of what the clause
    /// before it names ("..., which killed seven").
    pub relative_words: &'static [&'static str],
    /// Phrases right after a distance that name the place it is measured
    /// from ("south of", "off"): "1,500 km south of the capital" is a
    /// distance between two places, not a length.
    pub bearings: &'static [&'static str],
    /// Words that may stand between a place and the distance given for it
    /// ("the port, located some 30 km ..."), so that the place is the one
    /// the distance is of.
    pub distance_gap_words: &'static [&'static str],
    /// Words right after a bare number that make it the size of a thing
    /// named before it ("bunks stacked three high", "cuatro metros de
    /// alto" has a unit and needs none).
    pub size_words: &'static [&'static str],
}

/// Every language with tables, by ISO 639-1 code.
pub const LANGUAGES: &[(&str, &Words)] = &[
    ("en", &en::WORDS),
    ("es", &es::WORDS),
    ("pt", &pt::WORDS),
    ("fr", &fr::WORDS),
    ("it", &it::WORDS),
    ("de", &de::WORDS),
    ("nl", &nl::WORDS),
];

/// What happens to the people or things news counts, in the order of the
/// bits of a figure's happening. Figures that share one count alike
/// whatever the words; figures whose happenings differ ("killed" /
/// "injured") are different quantities.
///
/// - "held" is not "arrested": how many are in a prison now is a different
///   quantity from how many were ever arrested.
/// - "sent" takes in deporting, expelling, sending and flying people out,
///   and the converse ("the prison received 238"): one act as outlets word
///   it.
/// - "population": how many live somewhere is not a count of anything that
///   happened.
/// - "damaged": harmed but maybe standing; the destroyed are among the
///   damaged, so the two counts are related, never contradictory ("barns
///   on five farms damaged" / "seven farms destroyed").
/// - "shot": the dead and the wounded together, as a shooting's reports
///   count them ("shot three people, killing one").
pub const CONCEPT_NAMES: &[&str] = &[
    "dead",
    "injured",
    "missing",
    "evacuated",
    "arrested",
    "held",
    "released",
    "sent",
    "rescued",
    "employed",
    "paid",
    "cost",
    "population",
    "seized",
    "destroyed",
    "stolen",
    "convicted",
    "charged",
    "attacks",
    "shot",
    "affected",
    "votes",
    "protesters",
    "damaged",
];

/// Which measure a number is: two figures whose measures differ are
/// different quantities however alike their contexts ("capacity for
/// 40,000" vs "houses 15,000").
pub const MEASURE_NAMES: &[&str] = &[
    "capacity",
    "per year",
    "per month",
    "per day",
    "per person",
    "share",
    "total",
];

/// The counted things two heads meet on when they name one ("people",
/// "personas").
pub const THING_NAMES: &[&str] = &[
    "person",
    "child",
    "woman",
    "man",
    "house",
    "village",
    "building",
    "vehicle",
    "boat",
    "ship",
    "soldier",
    "firefighter",
    "rescuer",
    "doctor",
    "nurse",
    "journalist",
    "protester",
    "resident",
    "passenger",
    "tourist",
    "official",
    "police",
    "worker",
    "student",
    "prisoner",
    "refugee",
    "migrant",
    "lawyer",
    "member",
    "fighter",
    "victim",
    "school",
    "country",
    "gun",
    "bomb",
    "cable",
    "crew",
    "family",
    "order",
    "customer",
    "camera",
    "colour",
    "size",
    "model",
    "seat",
    "song",
    "store",
    "engine",
    "airline",
    "incident",
    "factory",
    "city",
];

/// Pairs of [`CONCEPT_NAMES`] that name one quantity when the two clauses
/// also name the same place or body: people sent to a prison (a shelter, a
/// camp) are the people held there.
pub const RELATED_CONCEPTS: &[(&str, &str)] = &[
    ("sent", "held"),
    ("arrested", "held"),
    ("damaged", "destroyed"),
];

/// Pairs of [`CONCEPT_NAMES`] that never count one population: the dead are
/// not the injured, those released are not those still held. Two figures
/// whose clauses name one of each (and nothing in common) are never one
/// slot, however alike the rest of their wording.
pub const OPPOSED_CONCEPTS: &[(&str, &str)] = &[
    ("dead", "injured"),
    ("dead", "missing"),
    ("dead", "rescued"),
    ("dead", "evacuated"),
    ("arrested", "released"),
    ("held", "released"),
    ("sent", "released"),
];

/// Unit symbols and the analyzer's own unit names, the same in every
/// language.
const COMMON_UNITS: &[(&str, &str, f64)] = &[
    ("hrs", "duration", 3_600.0),
    ("m", "length", 1.0),
    ("cm", "length", 0.01),
    ("mm", "length", 0.001),
    ("km", "length", 1_000.0),
    ("nm", "length", 1_852.0),
    ("nmi", "length", 1_852.0),
    ("ft", "length", 0.3048),
    ("in", "length", 0.0254),
    ("km2", "area", 1e6),
    ("km²", "area", 1e6),
    ("m2", "area", 1.0),
    ("m²", "area", 1.0),
    ("ha", "area", 10_000.0),
    ("sq ft", "area", 0.092_903_04),
    ("sq mi", "area", 2_589_988.11),
    ("acres", "area", 4_046.856_42),
    ("kg", "mass", 1.0),
    ("t", "mass", 1_000.0),
    ("lb", "mass", 0.453_592_37),
    ("mph", "speed", 1.609_344),
    ("km/h", "speed", 1.0),
    ("kph", "speed", 1.0),
    ("knots", "speed", 1.852),
    ("magnitude", "magnitude", 1.0),
    ("richter", "magnitude", 1.0),
    ("times", "count", 1.0),
    ("floor", "floor", 1.0),
    ("people", "count", 1.0),
    // Sizes of data, frequencies, power and energy, in bytes, hertz, watts
    // and watt-hours: "2 GB" and "2048 MB" are one size.
    ("kb", "data", 1e3),
    ("mb", "data", 1e6),
    ("gb", "data", 1e9),
    ("khz", "frequency", 1e3),
    ("mhz", "frequency", 1e6),
    ("ghz", "frequency", 1e9),
    ("kw", "power", 1e3),
    ("mw", "power", 1e6),
    ("gw", "power", 1e9),
    ("kwh", "energy", 1e3),
    ("mwh", "energy", 1e6),
    ("gwh", "energy", 1e9),
];

/// One table of every language, in [`LANGUAGES`] order, without repeats.
fn union(table: impl Fn(&Words) -> &'static [&'static str]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (_, w) in LANGUAGES {
        for x in table(w) {
            if !out.contains(x) {
                out.push(x);
            }
        }
    }
    out
}

/// One table of named rows, in the order of `names`: each row the union of
/// every language's words for it.
fn rows(
    names: &[&'static str],
    table: impl Fn(&Words) -> &'static [(&'static str, &'static [&'static str])],
) -> Vec<(&'static str, Vec<&'static str>)> {
    names
        .iter()
        .map(|name| {
            let mut words: Vec<&'static str> = Vec::new();
            for (_, w) in LANGUAGES {
                for (row, xs) in table(w) {
                    if row == name {
                        for x in *xs {
                            if !words.contains(x) {
                                words.push(x);
                            }
                        }
                    }
                }
            }
            (*name, words)
        })
        .collect()
}

/// One table of pairs, in [`LANGUAGES`] order.
fn pairs(
    table: impl Fn(&Words) -> &'static [(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    LANGUAGES
        .iter()
        .flat_map(|(_, w)| table(w).iter().copied())
        .collect()
}

/// See [`Words::stop_words`].
pub static STOP_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| union(|w| w.stop_words));
/// See [`Words::measures`] and [`MEASURE_NAMES`].
pub static MEASURES: LazyLock<Vec<(&'static str, Vec<&'static str>)>> =
    LazyLock::new(|| rows(MEASURE_NAMES, |w| w.measures));
/// See [`Words::percent_units`].
pub static PERCENT_UNITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.percent_units));
/// See [`Words::concepts`] and [`CONCEPT_NAMES`]: row `i` is bit `i` of a
/// happening.
pub static CONCEPTS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> =
    LazyLock::new(|| rows(CONCEPT_NAMES, |w| w.concepts));
/// See [`Words::person_pronouns`].
pub static PERSON_PRONOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.person_pronouns));
/// See [`Words::list_connectors`].
pub static LIST_CONNECTORS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.list_connectors));
/// See [`Words::time_prepositions`].
pub static TIME_PREPOSITIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.time_prepositions));
/// See [`Words::update_cues`].
pub static UPDATE_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| union(|w| w.update_cues));
/// See [`Words::moment_cues`].
pub static MOMENT_CUES: LazyLock<Vec<(&'static str, u8)>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .flat_map(|(_, w)| w.moment_cues.iter().copied())
        .collect()
});
/// See [`Words::concept_phrases`].
pub static CONCEPT_PHRASES: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| pairs(|w| w.concept_phrases));
/// See [`Words::measure_nouns`].
pub static MEASURE_NOUNS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| pairs(|w| w.measure_nouns));
/// Unit names and symbols with their dimension and factor (see
/// [`Words::units`]).
pub static UNIT_DIMENSIONS: LazyLock<Vec<(&'static str, &'static str, f64)>> =
    LazyLock::new(|| {
        let mut out: Vec<(&'static str, &'static str, f64)> = COMMON_UNITS.to_vec();
        for (_, w) in LANGUAGES {
            for u in w.units {
                if !out.iter().any(|x| x.0 == u.0) {
                    out.push(*u);
                }
            }
        }
        out
    });
/// See [`Words::things`] and [`THING_NAMES`].
pub static THINGS: LazyLock<Vec<(&'static str, Vec<&'static str>)>> =
    LazyLock::new(|| rows(THING_NAMES, |w| w.things));
/// See [`Words::increment_words`].
pub static INCREMENT_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.increment_words));
/// See [`Words::part_cues`].
pub static PART_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| union(|w| w.part_cues));
/// See [`Words::magnitude_words`].
pub static MAGNITUDE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.magnitude_words));
/// See [`Words::attached_words`].
pub static ATTACHED_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.attached_words));
/// See [`Words::unit_price_words`].
pub static UNIT_PRICE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.unit_price_words));
/// See [`Words::per_words`].
pub static PER_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| union(|w| w.per_words));
/// See [`Words::change_words`].
pub static CHANGE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| union(|w| w.change_words));
/// See [`Words::quake_words`].
pub static QUAKE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| union(|w| w.quake_words));
/// See [`Words::harm_nouns`].
pub static HARM_NOUNS: LazyLock<Vec<&'static str>> = LazyLock::new(|| union(|w| w.harm_nouns));
/// See [`Words::aftershock_words`].
pub static AFTERSHOCK_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.aftershock_words));
/// See [`Words::wide_scope_cues`].
pub static WIDE_SCOPE_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.wide_scope_cues));
/// See [`Words::background_cues`].
pub static BACKGROUND_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.background_cues));
/// See [`Words::period_starts`].
pub static PERIOD_STARTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.period_starts));
/// See [`Words::bearings`].
pub static BEARINGS: LazyLock<Vec<&'static str>> = LazyLock::new(|| union(|w| w.bearings));
/// See [`Words::distance_gap_words`].
pub static DISTANCE_GAP_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.distance_gap_words));
/// See [`Words::size_words`].
pub static SIZE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| union(|w| w.size_words));
/// See [`Words::relative_words`].
pub static RELATIVE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.relative_words));
/// See [`Words::time_relations`].
pub static TIME_RELATIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.time_relations));
/// See [`Words::generic_persons`].
pub static GENERIC_PERSONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.generic_persons));
/// See [`Words::negations`].
pub static NEGATIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| union(|w| w.negations));
/// See [`Words::negation_limits`].
pub static NEGATION_LIMITS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| union(|w| w.negation_limits));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_names_a_known_concept_measure_or_thing() {
        for (lang, w) in LANGUAGES {
            for (row, _) in w.concepts {
                assert!(
                    CONCEPT_NAMES.contains(row),
                    "{lang}: unknown concept {row:?}"
                );
            }
            for (row, _) in w.measures {
                assert!(
                    MEASURE_NAMES.contains(row),
                    "{lang}: unknown measure {row:?}"
                );
            }
            for (row, _) in w.things {
                assert!(THING_NAMES.contains(row), "{lang}: unknown thing {row:?}");
            }
            for (_, concept) in w.concept_phrases.iter().chain(w.measure_nouns) {
                assert!(
                    CONCEPT_NAMES.contains(concept),
                    "{lang}: unknown concept {concept:?}"
                );
            }
        }
    }

    #[test]
    fn every_language_names_its_happenings() {
        // A language without a word for the dead or the injured cannot
        // tell the two tolls of one disaster apart.
        for (lang, w) in LANGUAGES {
            for needed in ["dead", "injured", "arrested"] {
                assert!(
                    w.concepts
                        .iter()
                        .any(|(row, xs)| *row == needed && !xs.is_empty()),
                    "{lang} has no words for {needed}"
                );
            }
        }
    }

    #[test]
    fn no_stem_of_one_language_means_another_happening_in_another() {
        // Stems are matched on a word's first six letters, in one table
        // for every language: one key must name one happening.
        let mut seen: std::collections::HashMap<String, (&str, &str)> = Default::default();
        for (lang, w) in LANGUAGES {
            for (concept, stems) in w.concepts {
                for s in *stems {
                    let key: String = s.chars().take(6).collect();
                    if let Some((other_lang, other)) = seen.insert(key.clone(), (lang, concept)) {
                        assert_eq!(
                            other, *concept,
                            "{key:?} is {other} in {other_lang} and {concept} in {lang}"
                        );
                    }
                }
            }
        }
        // Nor is a function word of one language a happening of another.
        for (lang, w) in LANGUAGES {
            for s in w.stop_words {
                let key: String = s.chars().take(6).collect();
                assert!(
                    !seen.contains_key(&key),
                    "{lang} stop word {s:?} is a happening"
                );
            }
        }
    }

    #[test]
    fn the_union_keeps_the_concept_order() {
        assert_eq!(CONCEPTS.len(), CONCEPT_NAMES.len());
        for (i, (name, _)) in CONCEPTS.iter().enumerate() {
            assert_eq!(*name, CONCEPT_NAMES[i]);
        }
        let dead = &CONCEPTS[0].1;
        assert!(
            dead.contains(&"killed") && dead.contains(&"muerto"),
            "{dead:?}"
        );
    }
}
