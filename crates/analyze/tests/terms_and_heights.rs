//! Measures written in two parts or in words: a life sentence, a height in
//! feet and inches.

mod common;
use common::{article, figures};
use crosswire_model::{Figure, Qualifier};

fn found(lang: &str, text: &str) -> Vec<(String, Figure)> {
    figures(&article(lang, &[text]))
}

#[test]
fn a_life_sentence_is_one_term_of_life() {
    let fs = found(
        "en",
        "The judge sentenced Marlow to life in prison; his partner faces up to life, and a third man was sentenced to life on Friday.",
    );
    let life: Vec<&(String, Figure)> = fs
        .iter()
        .filter(|(_, f)| f.unit.as_deref() == Some("life"))
        .collect();
    assert_eq!(life.len(), 3, "{fs:?}");
    assert_eq!(life[0].0, "life in prison");
    assert_eq!(life[0].1.qualifier, Qualifier::Exact);
    assert_eq!(life[1].1.qualifier, Qualifier::UpTo);
    // Life itself, outside a sentence, is no figure.
    let fs = found("en", "Life in the village returned to normal on Monday.");
    assert!(
        fs.iter().all(|(_, f)| f.unit.as_deref() != Some("life")),
        "{fs:?}"
    );
    let fs = found("es", "El tribunal lo condenó a cadena perpetua el lunes.");
    assert!(
        fs.iter()
            .any(|(t, f)| t == "cadena perpetua" && f.unit.as_deref() == Some("life")),
        "{fs:?}"
    );
}

#[test]
fn a_height_in_feet_and_inches_is_one_length() {
    let fs = found(
        "en",
        "The suspect is 6 foot, 1 inch tall; his brother is 6 feet 2 inches and a third man is 5-foot-10.",
    );
    let heights: Vec<(&str, f64, Option<&str>)> = fs
        .iter()
        .map(|(t, f)| (t.as_str(), f.value, f.unit.as_deref()))
        .collect();
    assert!(
        heights.contains(&("6 foot, 1 inch", 73.0, Some("in"))),
        "{heights:?}"
    );
    assert!(
        heights.contains(&("6 feet 2 inches", 74.0, Some("in"))),
        "{heights:?}"
    );
    assert!(
        heights.contains(&("5-foot-10", 70.0, Some("in"))),
        "{heights:?}"
    );
    // Two lengths of two things stay two.
    let fs = found("en", "The wall is 10 feet high, and 3 inches of rain fell.");
    assert_eq!(fs.len(), 2, "{fs:?}");
}

/// The hedge of the first figure read in `text`.
fn first_hedge(lang: &str, text: &str) -> Option<Qualifier> {
    found(lang, text)
        .into_iter()
        .map(|(_, f)| f.qualifier)
        .next()
}

#[test]
fn spanish_hedges_before_an_article_or_a_comparative() {
    let hedge = |text: &str| first_hedge("es", text);
    assert_eq!(
        hedge("La eficiencia sube hasta un 3% con las alas nuevas."),
        Some(Qualifier::UpTo)
    );
    assert_eq!(
        hedge("Las acciones cayeron una cifra superior al 5% ayer."),
        Some(Qualifier::MoreThan)
    );
    assert_eq!(
        hedge("Los empleados tienen más del 15% de las acciones."),
        Some(Qualifier::MoreThan)
    );
    assert_eq!(
        hedge("La caída fue inferior al 2% en marzo."),
        Some(Qualifier::LessThan)
    );
}

#[test]
fn italian_hedges_before_a_glued_article() {
    let hedge = |text: &str| first_hedge("it", text);
    assert_eq!(
        hedge("L'efficienza cresce fino al 3% con le nuove ali."),
        Some(Qualifier::UpTo)
    );
    assert_eq!(
        hedge("I dipendenti hanno più del 15% delle azioni."),
        Some(Qualifier::MoreThan)
    );
    assert_eq!(
        hedge("Le azioni sono scese oltre il 5% ieri."),
        Some(Qualifier::MoreThan)
    );
}

#[test]
fn a_life_lived_or_counted_is_no_life_term() {
    // A possessive makes it a life lived; a number before the term counts
    // the terms, and that number is the figure.
    for text in [
        "Ferro has found his life behind bars hard, his lawyer said.",
        "The charges could bring at least one life sentence.",
        "He was given two ten-years-to-life terms in the first case.",
    ] {
        let fs = found("en", text);
        assert!(
            fs.iter().all(|(_, f)| f.unit.as_deref() != Some("life")),
            "{text}: {fs:?}"
        );
    }
}

#[test]
fn a_range_of_sentences_gives_the_lightest_and_the_heaviest() {
    let fs = found(
        "en",
        "The nine men received sentences ranging from four to 30 years, and the others got sentences of between two and 12 years.",
    );
    let years: Vec<(f64, Qualifier)> = fs
        .iter()
        .filter(|(_, f)| f.unit.as_deref() == Some("years"))
        .map(|(_, f)| (f.value, f.qualifier))
        .collect();
    assert_eq!(
        years,
        vec![
            (4.0, Qualifier::Exact),
            (30.0, Qualifier::Exact),
            (2.0, Qualifier::Exact),
            (12.0, Qualifier::Exact)
        ],
        "{fs:?}"
    );
    // An estimate stays one range.
    let fs = found(
        "en",
        "The storm destroyed between 40 and 60 percent of the homes.",
    );
    assert!(
        fs.iter().any(|(_, f)| f.qualifier == Qualifier::Range),
        "{fs:?}"
    );
}

#[test]
fn an_ordinal_in_a_series_counts_the_happenings_so_far() {
    let counted = |lang: &str, text: &str| -> Vec<(String, f64)> {
        found(lang, text)
            .into_iter()
            .filter(|(_, f)| f.unit.is_none() && f.counts.is_some())
            .map(|(t, f)| (t, f.value))
            .collect()
    };
    let fs = counted(
        "en",
        "For the third time in a month, the coast guard stopped a smuggling boat; it was its fourth successful raid this year.",
    );
    assert!(fs.contains(&("third time".to_string(), 3.0)), "{fs:?}");
    assert!(
        fs.contains(&("fourth successful raid".to_string(), 4.0)),
        "{fs:?}"
    );
    let fs = counted("en", "The crew made a fifth consecutive attempt at dawn.");
    assert!(
        fs.contains(&("fifth consecutive attempt".to_string(), 5.0)),
        "{fs:?}"
    );
    // "a second" is another one; "first" counts nothing; a demonstrative
    // points back; other nouns are ranks.
    for text in [
        "A second raid followed on Friday.",
        "It was the first time the port had closed.",
        "Officials condemned this second raid.",
        "The third victim died in hospital.",
    ] {
        let fs = counted("en", text);
        assert!(fs.is_empty(), "{text}: {fs:?}");
    }
    let fs = counted("es", "Es la tercera vez que el puerto cierra este año.");
    assert!(fs.contains(&("tercera vez".to_string(), 3.0)), "{fs:?}");
}
