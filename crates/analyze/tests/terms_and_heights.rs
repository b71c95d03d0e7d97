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
