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
