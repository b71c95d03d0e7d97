//! Ages given beside a name that carries a generation ("Jr.", "III").

mod common;
use common::{article, figures};
use crosswire_model::{EntityKind, FigureRole, SpanKind};

#[test]
fn an_age_after_a_generation_is_the_persons_age() {
    let a = article(
        "en",
        &["Tomas Vellar III, 38, said nothing after officers surrounded him. Ann Lee Jr., 62, was not there."],
    );
    let person = a.spans.iter().find_map(|s| match &s.kind {
        SpanKind::Entity { entity, .. } if a.slice(s.range) == "Tomas Vellar III" => Some(*entity),
        _ => None,
    });
    assert_eq!(person, Some(EntityKind::Person));
    let fs = figures(&a);
    for age in ["38", "62"] {
        let role = fs.iter().find(|(t, _)| t == age).map(|(_, f)| f.role);
        assert_eq!(role, Some(FigureRole::Age), "{age}: {fs:?}");
    }
}

#[test]
fn an_age_after_the_word_for_age_and_its_preposition() {
    for (lang, text, needle) in [
        (
            "en",
            "Marlo Vey died on Tuesday at the age of 71, the company said.",
            "71",
        ),
        (
            "es",
            "Marlo Vey falleció el martes a la edad de 71 años, según la empresa.",
            "71",
        ),
    ] {
        let fs = figures(&article(lang, &[text]));
        let role = fs
            .iter()
            .find(|(t, _)| t.starts_with(needle))
            .map(|(_, f)| f.role);
        assert_eq!(role, Some(FigureRole::Age), "{lang}: {fs:?}");
    }
}

#[test]
fn an_age_before_a_singular_verb_needs_no_closing_comma() {
    // "Ann Lee, 30 was ...": the singular verb has the person for its
    // subject, so the number between is her age, not a count.
    for (lang, text) in [
        (
            "en",
            "A jury said Tomas Vellar, 27 was guilty of the robbery.",
        ),
        (
            "es",
            "El tribunal dijo que Tomas Vellar, 27 fue detenido ayer.",
        ),
    ] {
        let fs = figures(&article(lang, &[text]));
        let role = fs.iter().find(|(t, _)| t == "27").map(|(_, f)| f.role);
        assert_eq!(role, Some(FigureRole::Age), "{lang}: {fs:?}");
    }
    // A plural verb after it makes it a count again.
    let fs = figures(&article(
        "en",
        &["Police questioned Tomas Vellar, 27 were detained on Friday."],
    ));
    let role = fs.iter().find(|(t, _)| t == "27").map(|(_, f)| f.role);
    assert_eq!(role, Some(FigureRole::Claim), "{fs:?}");
}
