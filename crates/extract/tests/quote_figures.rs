//! A figure is a picture and its caption, unless it holds a quotation.

use crosswire_extract::html::extract_html;
use crosswire_model::BlockKind;

const QUOTES: [(&str, &str); 3] = [
    ("I came for one class and stayed for three years; the teaching is patient, clear and kind to beginners.", "Maria P."),
    ("The evening sessions fit around my shifts, and I sleep better than I have in a decade.", "Tom R."),
    ("Every teacher knew my name by the second week, and the studio always felt calm and warm.", "Aisha K."),
];

#[test]
fn testimonials_in_quote_figures_are_text_and_photo_captions_stay_captions() {
    let quotes: String = QUOTES
        .iter()
        .map(|(q, who)| {
            format!("<figure class=\"block\"><blockquote><p>{q}</p></blockquote><figcaption>— {who}</figcaption></figure>")
        })
        .collect();
    let page = format!(
        r#"<html><head><title>What our students say</title></head><body><main>
        <h1>What our students say</h1>
        <p>We asked the people who come to our classes what they think of them, and here is what they wrote.</p>
        <figure><img src="studio.jpg"><figcaption>The studio on a winter morning.</figcaption></figure>
        {quotes}</main></body></html>"#
    );
    let a = extract_html(&page, "t", None);
    let body = a.body_text();
    for (q, who) in QUOTES {
        assert!(body.contains(q), "lost {q:?}: {body}");
        assert!(body.contains(who), "lost {who:?}: {body}");
    }
    let captions: Vec<&str> = a
        .blocks_of(BlockKind::Caption)
        .map(|b| a.slice(b.span))
        .collect();
    assert_eq!(captions, vec!["The studio on a winter morning."]);
}
