//! Countries whose names another language writes as a demonym, and clock
//! times given as a span or in a spelled-out universal zone.

mod common;
use common::{article, figure_with, figures};
use crosswire_model::{Article, EntityKind, Qualifier, SpanKind};

fn kind_of(a: &Article, text: &str) -> Option<EntityKind> {
    a.spans.iter().find_map(|s| match &s.kind {
        SpanKind::Entity { entity, .. } if a.slice(s.range) == text => Some(*entity),
        _ => None,
    })
}

#[test]
fn a_capitalized_country_name_is_the_country_though_a_demonym_elsewhere() {
    // Spanish writes "china" for a Chinese woman; capitalized, in either
    // language, "China" is the country.
    let en = article(
        "en",
        &["On Saturday, more than a dozen people were killed by a quake in eastern China."],
    );
    assert_eq!(kind_of(&en, "China"), Some(EntityKind::Gpe));
    let es = article(
        "es",
        &["El sábado, un terremoto en el este de China mató a más de una docena de personas."],
    );
    assert_eq!(kind_of(&es, "China"), Some(EntityKind::Gpe));
}

#[test]
fn a_span_of_clock_times_is_one_range_in_the_zone_written_after_it() {
    let a = article(
        "en",
        &["The pipeline was shut between 14:10 and 14:45 Coordinated Universal Time (UTC), and repairs began from 9 a.m. to 11 a.m. on Monday."],
    );
    let (text, cut) = figure_with(&a, "14:10");
    assert!(text.contains("14:45") && text.contains("(UTC)"), "{text:?}");
    assert_eq!(cut.qualifier, Qualifier::Range);
    assert_eq!((cut.low, cut.high), (850.0, Some(885.0)));
    assert_eq!(cut.unit.as_deref(), Some("time_of_day_UTC"));
    let (_, repair) = figure_with(&a, "9 a.m.");
    assert_eq!((repair.low, repair.high), (540.0, Some(660.0)));
    // The end of a span is no time of its own.
    let fs = figures(&a);
    assert!(!fs.iter().any(|(t, _)| t.starts_with("14:45")), "{fs:?}");
}

#[test]
fn a_spelled_out_universal_zone_reads_as_utc() {
    let a = article(
        "en",
        &["The quake struck at 10:20 Greenwich Mean Time on Friday."],
    );
    let (_, f) = figure_with(&a, "10:20");
    assert_eq!(f.unit.as_deref(), Some("time_of_day_UTC"));
}

#[test]
fn a_division_after_a_name_or_a_strike_before_it_makes_a_place() {
    let a = article(
        "en",
        &["Officials in Morrow county said the bombing of Kesh, in Tallin state, killed four."],
    );
    assert_eq!(kind_of(&a, "Morrow"), Some(EntityKind::Gpe));
    assert_eq!(kind_of(&a, "Tallin"), Some(EntityKind::Gpe));
    assert_eq!(kind_of(&a, "Kesh"), Some(EntityKind::Gpe));
    // A strike on a named body is no place: "an attack on NATO".
    let a = article("en", &["The minister condemned the attack on NATO forces."]);
    assert_ne!(kind_of(&a, "NATO"), Some(EntityKind::Gpe));
}

fn entity_texts(a: &Article) -> Vec<String> {
    a.spans
        .iter()
        .filter(|s| matches!(s.kind, SpanKind::Entity { .. }))
        .map(|s| a.slice(s.range).to_string())
        .collect()
}

#[test]
fn german_common_nouns_are_not_names() {
    // German capitalises every noun: after an article, a number or a
    // quantifier the word is a noun, and a lone word with a noun's ending
    // is one too; names and known places stay.
    let de = article(
        "de",
        &["Die Polizei nahm am Montag 40 Personen fest, nachdem viele Demonstranten die Straße blockiert hatten. Die Regierung in Berlin kritisierte die Festnahmen, sagte Innenministerin Greta Lindqvist."],
    );
    let names = entity_texts(&de);
    for noun in [
        "Polizei",
        "Personen",
        "Demonstranten",
        "Straße",
        "Regierung",
        "Festnahmen",
    ] {
        assert!(
            !names.iter().any(|n| n.contains(noun)),
            "{noun} is a common noun: {names:?}"
        );
    }
    assert_eq!(kind_of(&de, "Berlin"), Some(EntityKind::Gpe));
    assert!(
        names.iter().any(|n| n.ends_with("Greta Lindqvist")),
        "{names:?}"
    );
}

#[test]
fn a_name_after_a_place_preposition_is_a_place_and_organisations_are_named_by_their_head() {
    let pt = article(
        "pt",
        &["O voo com os repatriados aterrou em Vila Nova Serrana na quarta-feira, segundo a Polícia Federal."],
    );
    assert_eq!(kind_of(&pt, "Vila Nova Serrana"), Some(EntityKind::Gpe));
    let fr = article(
        "fr",
        &["Le rapport de la Commission Nationale Consultative a été publié jeudi par Marie Lenoir."],
    );
    assert_eq!(
        kind_of(&fr, "Commission Nationale Consultative"),
        Some(EntityKind::Org)
    );
}
