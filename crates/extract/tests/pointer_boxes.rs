//! A "Related" heading takes the list of its box with it, and no more.

use crosswire_extract::html::extract_html;

const ITEMS: [(&str, &str); 4] = [
    ("Harbour Lantern", "A small wooden boat with a quiet electric motor, built for calm days on the estuary and easy to launch from a trailer."),
    ("North Ridge Tent", "A tent for two that stands up in strong winds, packs into a bag the size of a loaf and takes five minutes to pitch."),
    ("Bracken Stove", "A camping stove that burns twigs and pine cones, boils a litre of water in six minutes and folds flat for the rucksack."),
    ("Tidewater Kayak", "A sit-on-top kayak for beginners, stable enough for children, with a dry hatch for a phone and a packed lunch."),
];

#[test]
fn teasers_closing_one_item_of_a_list_do_not_take_the_next_items() {
    let items: String = ITEMS
        .iter()
        .map(|(name, text)| {
            format!(
                r#"<li><h2>{name}</h2><p>{text}</p><p>{text}</p>
                <div><p>You might like</p><ul>
                <li><a href="/a">Ten quiet places to camp by the sea this summer</a></li>
                <li><a href="/b">Every boat that gets the new harbour discount</a></li></ul></div></li>"#
            )
        })
        .collect();
    let page = format!(
        r#"<html><head><title>Gear for the coast</title></head><body><main>
        <h1>Gear for the coast: four things we loved this year</h1>
        <ol class="list">{items}</ol></main></body></html>"#
    );
    let a = extract_html(&page, "t", None);
    let body = a.body_text();
    for (name, text) in ITEMS {
        assert!(body.contains(name), "lost {name:?}: {body}");
        assert!(body.contains(text), "lost the text of {name:?}: {body}");
    }
    assert!(!body.contains("Ten quiet places"), "kept a teaser: {body}");
}

#[test]
fn a_heading_in_a_title_box_still_takes_the_list_beside_it() {
    let story: String = ITEMS.iter().map(|(_, t)| format!("<p>{t}</p>")).collect();
    let page = format!(
        r#"<html><head><title>Gear for the coast</title></head><body><article>
        <h1>Gear for the coast</h1><div class="story">{story}
        <div class="section-title"><h2>Related news</h2><a href="/all">View all</a></div>
        <ul><li><h3><a href="/a">Ten quiet places to camp by the sea this summer</a></h3></li>
        <li><h3><a href="/b">Every boat that gets the new harbour discount</a></h3></li></ul>
        <p class="info">Filed under: <a href="/c">Camping</a> |</p></div></article></body></html>"#
    );
    let a = extract_html(&page, "t", None);
    let body = a.body_text();
    assert!(body.contains(ITEMS[3].1), "{body}");
    for junk in ["Ten quiet places", "harbour discount", "Filed under"] {
        assert!(!body.contains(junk), "kept {junk:?}: {body}");
    }
}
