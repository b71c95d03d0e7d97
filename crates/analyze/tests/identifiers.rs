//! Numbers that name a product or a model rather than count anything.

mod common;
use common::{article, figures};
use crosswire_model::FigureRole;

fn role_of(paras: &[&str], needle: &str) -> FigureRole {
    let a = article("en", paras);
    let fs = figures(&a);
    fs.iter()
        .find(|(t, _)| t.contains(needle))
        .map(|(_, f)| f.role)
        .unwrap_or_else(|| panic!("no figure {needle:?} in {fs:?}"))
}

#[test]
fn a_version_after_a_product_name_is_an_identifier() {
    let p = &["The company unveiled the zPhone 4 and the new zOS 5 on Monday."];
    assert_eq!(role_of(p, "4"), FigureRole::Identifier);
    assert_eq!(role_of(p, "5"), FigureRole::Identifier);
    // A count after the same name is still a count.
    let p = &["The zPhone 4 sold 300 units in its first hour."];
    assert_eq!(role_of(p, "300"), FigureRole::Claim);
    // The version still names the product before a plural noun: these
    // are users of the zPhone 4, not four users.
    let p = &["Fewer zPhone 4 owners bought a case this year."];
    assert_eq!(role_of(p, "4"), FigureRole::Identifier);
}

#[test]
fn codes_glued_to_a_number_are_identifiers_but_units_are_not() {
    let p = &["The 3G model and the 4K screen came out, with a 16GB and a 32GB version."];
    assert_eq!(role_of(p, "3"), FigureRole::Identifier);
    assert_eq!(role_of(p, "4"), FigureRole::Identifier);
    assert_eq!(role_of(p, "16"), FigureRole::Claim);
    assert_eq!(role_of(p, "32"), FigureRole::Claim);
}

fn roles(lang: &str, paras: &[&str]) -> Vec<(String, FigureRole)> {
    let a = article(lang, paras);
    figures(&a).into_iter().map(|(t, f)| (t, f.role)).collect()
}

#[test]
fn a_model_written_as_a_name_names_every_bare_mention() {
    // A variant code glued after it ("640-2") is no range: its end is
    // below its start; the other bare mentions name the same model.
    let p = &[
        "Skyward Works delivered the first 640-2 to a small carrier. \
         The carrier plans to use the 640 on short routes, and the 640 \
         will seat 180 passengers.",
    ];
    let rs = roles("en", p);
    let of = |n: &str| {
        rs.iter()
            .filter(|(t, _)| t == n)
            .map(|(_, r)| *r)
            .collect::<Vec<_>>()
    };
    assert_eq!(of("640"), vec![FigureRole::Identifier; 3], "{rs:?}");
    assert_eq!(of("2"), vec![FigureRole::Identifier], "{rs:?}");
    assert!(
        rs.iter()
            .any(|(t, r)| t.contains("180") && *r == FigureRole::Claim),
        "{rs:?}"
    );
    // A singular name after a determiner: "their new 640 Skyliner".
    let p = &["The airline showed their new 640 Skyliner at a fair. The 640 flew on Monday."];
    let rs = roles("en", p);
    assert_eq!(rs, vec![("640".to_string(), FigureRole::Identifier); 2]);
    // A singular article before it names one thing: "el 640".
    // A unit after another mention measures with it ("640 personas").
    let p = &["La aerolínea usará el 640 en rutas cortas. El avión llevó 640 personas."];
    let rs = roles("es", p);
    let want = vec![
        ("640".to_string(), FigureRole::Identifier),
        ("640 personas".to_string(), FigureRole::Claim),
    ];
    assert_eq!(rs, want);
    // A count stays a count: a plural noun, or no sign of a name.
    let p = &["The 300 Marines left. Some 640 workers joined the 640 strikers."];
    let rs = roles("en", p);
    assert!(rs.iter().all(|(_, r)| *r == FigureRole::Claim), "{rs:?}");
}

#[test]
fn a_decimal_after_a_name_is_its_version() {
    let p = &["The team shipped Brolla 4.12 to users overnight, and Brolla 5.0 is due next year."];
    assert_eq!(role_of(p, "4.12"), FigureRole::Identifier);
    assert_eq!(role_of(p, "5.0"), FigureRole::Identifier);
    // A standard in capitals keeps its version before a plural noun.
    let p = &["The laptops tout two NORLINK 4.0 ports."];
    assert_eq!(role_of(p, "4.0"), FigureRole::Identifier);
    // A player's average before the noun it counts is a figure; so is a
    // measurement with its unit or scale word.
    let p = &["This season Ann Vellar 17.4 points a game, and shares rose Monday."];
    assert_eq!(role_of(p, "17.4"), FigureRole::Claim);
    let p = &["Shares of Brolla 2.5% higher after the results, and Brolla 1.5 billion in sales."];
    assert_eq!(role_of(p, "2.5"), FigureRole::Claim);
    assert_eq!(role_of(p, "1.5"), FigureRole::Claim);
}

#[test]
fn a_score_written_with_spaced_hyphens_is_an_identifier() {
    // Tokenised text spaces the hyphen of a score: "24 - 17" still runs
    // downwards, which no range does.
    let p = &["The visitors were up 24 - 17 with a minute left to play."];
    assert_eq!(role_of(p, "24"), FigureRole::Identifier);
    let p = &["Between 12 - 20 people were hurt in the crush."];
    assert_ne!(role_of(p, "12"), FigureRole::Identifier);
}
