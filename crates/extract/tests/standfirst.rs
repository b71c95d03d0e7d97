//! Where the lead of a story goes: `Article::standfirst` always points
//! into the article's text, at a body paragraph when the story's own text
//! is the lead, else at a standfirst block.

use crosswire_extract::html::extract_html;
use crosswire_model::BlockKind;

const BODY: &str = "<p>The council voted on Tuesday to approve the new budget, which raises \
    spending on schools, roads and the harbour, after a debate of four hours.</p>\
    <p>Opposition members said the plan relied on a tax rise that voters had rejected \
    twice, and promised to bring the matter back before the spring.</p>\
    <p>The mayor said work on the harbour wall would begin in March and last a year.</p>";

fn standfirst(a: &crosswire_model::Article) -> Option<(&str, BlockKind)> {
    let r = a.standfirst?;
    let kind = a.block_at(r.start as usize)?.kind;
    Some((a.slice(r), kind))
}

#[test]
fn a_deck_beside_the_headline_is_a_standfirst_block_out_of_the_body() {
    let page = format!(
        r#"<html><head><title>Budget approved</title></head><body><article>
        <h1>Budget approved after a long debate</h1>
        <p class="dek">Schools, roads and the harbour get more money next year.</p>
        <div class="article-body">{BODY}</div></article></body></html>"#
    );
    let a = extract_html(&page, "t", None);
    assert_eq!(
        standfirst(&a),
        Some((
            "Schools, roads and the harbour get more money next year.",
            BlockKind::Standfirst
        ))
    );
    assert!(
        !a.body_text().contains("get more money"),
        "{}",
        a.body_text()
    );
}

#[test]
fn the_paragraph_the_description_repeats_is_the_lead_and_stays_in_the_body() {
    let lead = "The council voted on Tuesday to approve the new budget, which raises \
        spending on schools, roads and the harbour, after a debate of four hours.";
    let page = format!(
        r#"<html><head><title>Budget approved</title>
        <meta name="description" content="{lead}"></head><body><article>
        <h1>Budget approved after a long debate</h1>
        <div class="article-body">{BODY}</div></article></body></html>"#
    );
    let a = extract_html(&page, "t", None);
    let (text, kind) = standfirst(&a).expect("a standfirst");
    assert_eq!(kind, BlockKind::Paragraph);
    assert!(text.starts_with("The council voted on Tuesday"), "{text}");
    assert!(a.body_text().starts_with("The council voted on Tuesday"));
    assert_eq!(a.blocks_of(BlockKind::Standfirst).count(), 0);
}

#[test]
fn a_description_the_page_does_not_show_is_a_standfirst_block() {
    let page = format!(
        r#"<html><head><title>Budget approved</title>
        <meta name="description" content="What the new budget means for your street."></head>
        <body><article><h1>Budget approved after a long debate</h1>
        <div class="article-body">{BODY}</div></article></body></html>"#
    );
    let a = extract_html(&page, "t", None);
    assert_eq!(
        standfirst(&a),
        Some((
            "What the new budget means for your street.",
            BlockKind::Standfirst
        ))
    );
    assert!(!a.body_text().contains("your street"));
}

#[test]
fn a_page_without_a_lead_has_no_standfirst() {
    let page = format!(
        "<html><body><article><h1>Budget approved after a long debate</h1>\
         <div class=\"article-body\">{BODY}</div></article></body></html>"
    );
    let a = extract_html(&page, "t", None);
    assert_eq!(a.standfirst, None);
}

#[test]
fn scraped_text_points_at_its_standfirst_line() {
    let raw = "Bakery fire closes high street\n\n\
               A blaze gutted a family bakery in Norrow on Sunday night\n\n\
               Fire crews were called to the bakery shortly after 11pm and fought the flames for four hours.\n\n\
               No one was hurt, the fire service said, but the high street stayed closed on Monday.";
    let a = crosswire_extract::text::extract_text(raw, "bakery.txt");
    assert_eq!(
        standfirst(&a),
        Some((
            "A blaze gutted a family bakery in Norrow on Sunday night",
            BlockKind::Standfirst
        ))
    );
}
