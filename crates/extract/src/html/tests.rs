//! Tests of HTML extraction on small hand-written pages.

use super::extract_html;
use crosswire_model::{BlockKind, DateOrigin, Precision};

const LOREM: &str = "The council voted on Tuesday to approve the new budget, which \
    raises spending on schools, roads and the harbour, after a debate that lasted \
    more than four hours.";

fn para(i: usize) -> String {
    format!("<p>Paragraph {i}: {LOREM}</p>\n")
}

fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en-GB\"><head>{head}</head><body>{body}</body></html>")
}

fn kinds(a: &crosswire_model::Article, kind: BlockKind) -> Vec<String> {
    a.blocks_of(kind)
        .map(|b| a.text[b.range()].to_string())
        .collect()
}

#[test]
fn drops_navigation_sidebars_and_share_bars() {
    let body = format!(
        r##"<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
        <div class="page"><article><h1>Budget approved</h1>
        <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet this story</a></div>
        <div class="article-body">{}{}{}
        <div class="newsletter-signup"><p>Sign up for our morning newsletter and get the news first, every day of the week.</p></div>
        {}</div>
        <div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Another long story headline that is not this one</a></li></ul></div>
        </article>
        <aside><p>Most read: a different story with a long teaser text that goes on and on.</p></aside>
        <div id="comments"><p>Great article, thanks for writing it, I agree with every word of it.</p></div></div>
        <footer><p>Copyright 2025 The Daily Planet. All rights reserved. Contact us.</p></footer>"##,
        para(1),
        para(2),
        para(3),
        para(4)
    );
    let a = extract_html(
        &page("<title>Budget approved | The Daily Planet</title>", &body),
        "t",
        None,
    );
    let text = a.body_text();
    for i in 1..=4 {
        assert!(
            text.contains(&format!("Paragraph {i}:")),
            "missing paragraph {i}: {text}"
        );
    }
    for junk in [
        "Home",
        "Share on Facebook",
        "newsletter",
        "Another long story",
        "Most read",
        "Great article",
        "Copyright",
        "Budget approved",
    ] {
        assert!(!text.contains(junk), "kept {junk:?}: {text}");
    }
    assert_eq!(a.title.as_deref(), Some("Budget approved"));
}

#[test]
fn subheads_captions_and_standfirst_are_typed() {
    let body = format!(
        r#"<article><h1>Storm hits the coast</h1>
        <p class="article-dek">Twelve people were hurt as the storm made landfall near Porthaven.</p>
        <div class="story-body">{}
        <figure><img src="a.jpg"><figcaption>Waves break over the harbour wall. Photo: J. Smith</figcaption></figure>
        {}<h2>What happens next</h2>{}
        <blockquote><p>We have never seen anything like it, said the harbour master on Monday.</p></blockquote>
        <ul><li>Schools are closed until Thursday in the whole district.</li><li>Trains are running a reduced service.</li></ul>
        </div></article>"#,
        para(1),
        para(2),
        para(3)
    );
    let a = extract_html(&page("", &body), "t", None);
    assert_eq!(kinds(&a, BlockKind::Title), vec!["Storm hits the coast"]);
    assert_eq!(
        kinds(&a, BlockKind::Standfirst),
        vec!["Twelve people were hurt as the storm made landfall near Porthaven."]
    );
    assert_eq!(kinds(&a, BlockKind::Subhead), vec!["What happens next"]);
    assert_eq!(
        kinds(&a, BlockKind::Caption),
        vec!["Waves break over the harbour wall. Photo: J. Smith"]
    );
    let body = a.body_text();
    assert!(!body.contains("Waves break"), "caption leaked: {body}");
    assert!(!body.contains("Twelve people"), "standfirst leaked: {body}");
    assert!(!body.contains("Storm hits"), "title leaked: {body}");
    assert!(body.contains("We have never seen anything like it"));
    assert!(body.contains("Schools are closed until Thursday"));
    assert!(body.contains("Trains are running"));
    let paras = kinds(&a, BlockKind::Paragraph);
    assert!(paras.iter().any(|p| p.starts_with("Paragraph 3")));
}

#[test]
fn title_sources_and_suffixes() {
    let a = extract_html(
        &page(
            r#"<meta property="og:title" content="Storm hits the coast - The Daily Planet"><meta property="og:site_name" content="The Daily Planet">"#,
            &para(1),
        ),
        "t",
        None,
    );
    assert_eq!(a.title.as_deref(), Some("Storm hits the coast"));
    assert_eq!(a.outlet.as_deref(), Some("The Daily Planet"));
    let a = extract_html(
        &page("<title>Storm hits the coast | Planet</title>", &para(1)),
        "t",
        None,
    );
    assert_eq!(a.title.as_deref(), Some("Storm hits the coast"));
    let a = extract_html(
        &page(
            "<title>Site</title>",
            &format!("<h1>Real headline here</h1>{}", para(1)),
        ),
        "t",
        None,
    );
    assert_eq!(a.title.as_deref(), Some("Real headline here"));
}

#[test]
fn byline_sources_are_cleaned() {
    let a = extract_html(
        &page(
            r#"<meta name="author" content="By Jane Doe and John Roe">"#,
            &para(1),
        ),
        "t",
        None,
    );
    assert_eq!(a.byline, vec!["Jane Doe", "John Roe"]);
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"Ana García"},{"@type":"Person","name":"Luis Pérez"}]}</script>"#;
    let a = extract_html(&page(ld, &para(1)), "t", None);
    assert_eq!(a.byline, vec!["Ana García", "Luis Pérez"]);
    let body = format!(
        r#"<div class="byline">By <a rel="author" href="/a/jd">Jane Doe</a>, Staff Writer</div>{}"#,
        para(1)
    );
    let a = extract_html(&page("", &body), "t", None);
    assert_eq!(a.byline, vec!["Jane Doe"]);
    let body = format!(
        r#"<p class="byline">By Sam Lee, Senior Correspondent | Email the author</p>{}"#,
        para(1)
    );
    let a = extract_html(&page("", &body), "t", None);
    assert_eq!(a.byline, vec!["Sam Lee"]);
}

#[test]
fn publish_date_sources() {
    let ld = r#"<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","datePublished":"2025-03-26T10:00:00Z"}]}</script>"#;
    let a = extract_html(&page(ld, &para(1)), "t", None);
    let p = a.published.expect("json-ld date");
    assert_eq!(
        (p.value.as_str(), p.origin, p.precision),
        ("2025-03-26T10:00:00Z", DateOrigin::JsonLd, Precision::Time)
    );

    let meta = r#"<meta property="article:published_time" content="2025-03-26T10:00:00+01:00">"#;
    let p = extract_html(&page(meta, &para(1)), "t", None)
        .published
        .expect("meta date");
    assert_eq!(
        (p.value.as_str(), p.origin),
        ("2025-03-26T10:00:00+01:00", DateOrigin::Meta)
    );

    let body = format!(
        r#"<aside class="related"><time datetime="2020-01-01">Jan 1</time></aside><article><h1>H</h1><time datetime="2025-03-26">26 March</time>{}</article>"#,
        para(1)
    );
    let p = extract_html(&page("", &body), "t", None)
        .published
        .expect("time date");
    assert_eq!(
        (p.value.as_str(), p.origin),
        ("2025-03-26", DateOrigin::TimeElement)
    );

    let p = extract_html(
        &page("", &para(1)),
        "t",
        Some("https://example.com/2025/03/26/storm"),
    )
    .published
    .expect("url date");
    assert_eq!(
        (p.value.as_str(), p.origin),
        ("2025-03-26", DateOrigin::Url)
    );

    let body = format!(
        "<h1>Storm</h1><p class=\"date\">Updated March 26, 2025</p>{}",
        para(1)
    );
    let p = extract_html(&page("", &body), "t", None)
        .published
        .expect("text date");
    assert_eq!(
        (p.value.as_str(), p.origin),
        ("2025-03-26", DateOrigin::Text)
    );
}

#[test]
fn outlet_and_canonical() {
    let head = r#"<link rel="canonical" href="/news/storm"><meta property="og:url" content="https://other.example/x">"#;
    let a = extract_html(
        &page(head, &para(1)),
        "t",
        Some("https://www.planet.example/news/storm?utm=1"),
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.planet.example/news/storm")
    );
    assert_eq!(a.outlet.as_deref(), Some("planet.example"));
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Planet News"}}</script><meta property="og:url" content="https://planet.example/s">"#;
    let a = extract_html(&page(ld, &para(1)), "t", None);
    assert_eq!(a.outlet.as_deref(), Some("Planet News"));
    assert_eq!(a.url.as_deref(), Some("https://planet.example/s"));
}

#[test]
fn json_ld_body_guides_the_choice() {
    let story = "The harbour reopened on Friday after repairs that took three months, the port authority said in a statement.";
    let ld = format!(
        r#"<script type="application/ld+json">{{"@type":"NewsArticle","articleBody":"{story} {story} {story}"}}</script>"#
    );
    let body = format!(
        r#"<div class="x1"><p>{story}</p><p>{story}, it said.</p><p>{story}, again.</p></div>
        <div class="x2"><p>An unrelated promotional text, with commas, many, many, many, commas, about holidays, cruises, hotels.</p>
        <p>Another unrelated promotional text, with commas, many, many, many, commas, about cars, bikes, boats.</p></div>"#
    );
    let a = extract_html(&page(&ld, &body), "t", None);
    let text = a.body_text();
    assert!(text.contains("harbour reopened"), "{text}");
    assert!(!text.contains("promotional"), "{text}");
}

#[test]
fn deep_nesting_does_not_overflow() {
    let depth = 100_000;
    let mut html = String::with_capacity(depth * 12);
    for i in 0..depth {
        html.push_str(if i % 2 == 0 { "<div>" } else { "<span>" });
    }
    html.push_str(LOREM);
    for i in (0..depth).rev() {
        html.push_str(if i % 2 == 0 { "</div>" } else { "</span>" });
    }
    let a = extract_html(&html, "deep", None);
    assert!(a.body_text().contains("council voted"));
    // Unclosed nesting, and stray end tags on a deep stack.
    let html = "<div><b><i>".repeat(50_000) + LOREM + &"</p></td></x>".repeat(50_000);
    let a = extract_html(&html, "deep2", None);
    assert!(a.body_text().contains("council voted"));
}

#[test]
fn huge_page_finishes() {
    let mut html = String::from("<html><body><div class=\"article-body\">");
    let mut i = 0;
    while html.len() < 50 * 1024 * 1024 {
        html.push_str(&para(i));
        if i % 10 == 0 {
            html.push_str("<div class=\"ad\"><a href=\"/x\">Advertisement link</a></div>");
        }
        i += 1;
    }
    html.push_str("</div></body></html>");
    let start = std::time::Instant::now();
    let a = extract_html(&html, "huge", None);
    assert!(a.blocks.len() > 100_000);
    // Generous bound for unoptimized test builds; release runs in about a second.
    assert!(start.elapsed().as_secs() < 120);
}

#[test]
fn garbage_input_does_not_panic() {
    for s in [
        "",
        "<",
        "<<<>>>",
        "&#xFFFFFFFF;&#0;&#55296;&bogus;",
        "<p>unterminated <a href=\"x",
        "<script>never closed",
        "<!-- never closed",
        "\u{0}\u{feff}<p>\u{200b}</p>",
        "<table><td><p>x<tr><li>y</table></p></li>",
        "<script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>",
    ] {
        let _ = extract_html(s, "g", Some("not a url"));
    }
}

#[test]
fn json_ld_body_is_the_fallback_for_script_rendered_pages() {
    let story = "The harbour reopened on Friday after repairs that took three months, the port authority said.";
    let ld = format!(
        r#"<script type="application/ld+json">{{"@type":"NewsArticle","articleBody":"{story}\n{story}\n{story}\n{story}"}}</script>"#
    );
    let a = extract_html(
        &page(&ld, r#"<div id="root"><a href="/">Home</a></div>"#),
        "t",
        None,
    );
    assert_eq!(a.blocks_of(BlockKind::Paragraph).count(), 4);
    assert!(a.body_text().starts_with("The harbour reopened"));
}

#[test]
fn flat_huge_page_and_many_teasers_stay_linear() {
    let mut html = String::from("<html><body><h1>Headline of the story</h1>");
    let mut i = 0;
    while html.len() < 20 * 1024 * 1024 {
        html.push_str(&para(i));
        html.push_str(r#"<div class="related card"><span class="author">By Someone Else</span><time datetime="2001-01-01">x</time></div>"#);
        i += 1;
    }
    let start = std::time::Instant::now();
    let a = extract_html(&html, "flat", None);
    assert!(a.blocks.len() > 50_000);
    assert!(a.published.is_none());
    assert!(start.elapsed().as_secs() < 120);
}

mod fuzz {
    use super::extract_html;
    use proptest::prelude::*;

    /// Pieces that exercise the tokenizer's and tree builder's corners.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "<p>",
            "</p>",
            "<div class=\"article-body\">",
            "</div>",
            "<li>",
            "<ul>",
            "</ul>",
            "<table>",
            "<td>",
            "<tr>",
            "</table>",
            "<h2>",
            "</h2>",
            "<figure>",
            "<figcaption>",
            "</figure>",
            "<a href='x'>",
            "</a>",
            "<br>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "<![CDATA[",
            "&amp;",
            "&#x1F600;",
            "&#99999999;",
            "&nbsp",
            "<",
            ">",
            "\"",
            "'",
            "<article>",
            "</article>",
            "<nav>",
            "</nav>",
            "<h1>",
            "</h1>",
            "<time datetime=\"2025-03-26\">",
            "<meta property=\"og:title\" content=\"T | S\">",
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"",
            "Word, word and more words in a sentence. ",
            "Ünïcödé 文字 ١٢٣ ",
            "\u{0}",
            "\u{feff}",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn never_panics(pieces in prop::collection::vec(piece(), 0..200)) {
            let html: String = pieces.concat();
            let a = extract_html(&html, "fuzz", Some("https://example.com/2025/03/26/x"));
            for b in &a.blocks {
                prop_assert!(a.text.get(b.range()).is_some());
            }
        }
    }
}

#[test]
fn byline_rejects_non_names_and_outlet() {
    let head = r#"<meta property="og:site_name" content="Futurism"><meta name="author" content="Victor Tangermann, Futurism">"#;
    let a = extract_html(&page(head, &para(1)), "t", None);
    assert_eq!(a.byline, vec!["Victor Tangermann"]);
    let head = r#"<meta name="author" content="The Russian and Syrian defense ministries">"#;
    let a = extract_html(&page(head, &para(1)), "t", None);
    assert!(a.byline.is_empty(), "{:?}", a.byline);
    let head = r#"<meta name="author" content="Ludwig van Beethoven and 王小明">"#;
    let a = extract_html(&page(head, &para(1)), "t", None);
    assert_eq!(a.byline, vec!["Ludwig van Beethoven", "王小明"]);
}

#[test]
fn title_section_prefix_is_dropped() {
    let head =
        r#"<meta property="og:title" content="Opinion | Republicans are following the leader">"#;
    let a = extract_html(&page(head, &para(1)), "t", None);
    assert_eq!(
        a.title.as_deref(),
        Some("Republicans are following the leader")
    );
}

#[test]
fn header_lines_leave_the_body_but_sentences_stay() {
    let body = format!(
        "<div class=\"story-body\"><p>Posted by Jane Doe on March 26, 2025</p><p>2025-03-26</p>{}<p>By Monday, the storm had passed.</p><p>Por su parte, el ministro dijo que no.</p>{}</div>",
        para(1),
        para(2)
    );
    let a = extract_html(&page("", &body), "t", None);
    let text = a.body_text();
    assert!(!text.contains("Posted by"), "{text}");
    assert!(!text.contains("2025-03-26"), "{text}");
    assert!(text.contains("By Monday, the storm had passed."), "{text}");
    assert!(text.contains("Por su parte"), "{text}");
}

#[test]
fn contact_lines_go_but_handles_in_sentences_stay() {
    let body = format!(
        "<div class=\"story-body\">{}<p>The session was shared on the Twitter handle of the Senate, @NGRSenate.</p>{}<p>Email Jane Doe at jane@example.com or follow her on Twitter @janedoe.</p></div>",
        para(1),
        para(2)
    );
    let a = extract_html(&page("", &body), "t", None);
    let text = a.body_text();
    assert!(text.contains("@NGRSenate"), "{text}");
    assert!(!text.contains("jane@example.com"), "{text}");
}

#[test]
fn embedded_posts_are_kept() {
    let body = format!(
        r#"<div class="story-body">{}<div class="social-media-embed"><blockquote class="twitter-tweet"><p>We will reopen the harbour on Friday, the mayor wrote.</p>— Mayor (@mayor) March 26, 2025</blockquote></div>{}
        <div class="article-widget article-tweet"><blockquote class="twitter-tweet"><p>Schools stay closed until Thursday, the council wrote.</p></blockquote></div></div>
        <div class="social-share"><a href="/s">Share on Facebook</a></div>"#,
        para(1),
        para(2)
    );
    let a = extract_html(&page("", &body), "t", None);
    let text = a.body_text();
    assert!(text.contains("We will reopen the harbour"), "{text}");
    assert!(text.contains("Schools stay closed"), "{text}");
    assert!(!text.contains("Share on Facebook"), "{text}");
}

#[test]
fn json_ld_related_articles_do_not_override_the_page() {
    let ld = r#"<script type="application/ld+json">[{"@type":"WebPage","headline":"Site home"},
        {"@type":"NewsArticle","headline":"Storm hits the coast","datePublished":"2025-03-26","author":{"name":"Jane Doe"}},
        {"@type":"NewsArticle","headline":"Older story","datePublished":"2020-01-01","author":{"name":"Sam Lee"}}]</script>
        <script type="application/ld+json">{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle","headline":"Other","datePublished":"2019-01-01"}]}</script>"#;
    let a = extract_html(&page(ld, &para(1)), "t", None);
    assert_eq!(a.title.as_deref(), Some("Storm hits the coast"));
    assert_eq!(a.published.map(|p| p.value), Some("2025-03-26".to_string()));
    assert_eq!(a.byline, vec!["Jane Doe"]);
}

#[test]
fn reads_noscript_when_the_visible_body_is_empty() {
    let body = format!(
        "<div id=\"app\"></div><noscript><div class=\"post\"><p>Posted text follows.</p>{}{}{}</div></noscript>",
        para(1),
        para(2),
        para(3)
    );
    let a = extract_html(&page("<title>Thread</title>", &body), "t.html", None);
    let text = a.body_text();
    assert!(text.contains("Paragraph 1: The council voted"), "{text}");
    assert!(text.contains("Paragraph 3:"), "{text}");
}

#[test]
fn ignores_noscript_when_the_visible_body_has_the_text() {
    let body = format!(
        "<noscript><p>Please enable JavaScript to view the comments and the other parts of this site.</p></noscript><div class=\"article-body\">{}{}{}</div>",
        para(1),
        para(2),
        para(3)
    );
    let a = extract_html(&page("<title>Story</title>", &body), "s.html", None);
    assert!(!a.body_text().contains("enable JavaScript"));
}

#[test]
fn content_after_an_unclosed_head_is_the_body() {
    // No `</head>`, no `<body>`: browsers end the head at the first
    // element that does not belong there.
    let html = format!(
        "<html><head><title>Budget approved</title><meta charset=\"utf-8\"><div class=\"story\">{}{}{}</div></html>",
        para(1),
        para(2),
        para(3)
    );
    let a = extract_html(&html, "h.html", None);
    assert!(a.body_text().contains("Paragraph 2: The council voted"));
    assert_eq!(a.title.as_deref(), Some("Budget approved"));
}

#[test]
fn a_page_that_is_all_comments_keeps_them() {
    // A forum thread: every post sits in a "comment" wrapper, and there is
    // nothing else to read.
    let posts: String = (1..=4)
        .map(|i| {
            format!(
                "<li class=\"comment\"><div class=\"comment-body\">{}</div></li>",
                para(i)
            )
        })
        .collect();
    let body = format!("<h1>Thread title here</h1><ol class=\"comments\">{posts}</ol>");
    let a = extract_html(&page("<title>Thread</title>", &body), "f.html", None);
    let text = a.body_text();
    assert!(text.contains("Paragraph 1: The council"), "{text}");
    assert!(text.contains("Paragraph 4: The council"), "{text}");
}

#[test]
fn nested_article_tiles_that_are_the_content_are_kept() {
    let tiles: String = (1..=4)
        .map(|i| {
            format!(
                "<article class=\"item\"><h2>Item {i}</h2>{}{}</article>",
                para(i),
                para(i + 10)
            )
        })
        .collect();
    let body = format!(
        "<main><article><h1>Ten things to know</h1><div class=\"entry\">{}{tiles}</div></article></main>",
        para(0)
    );
    let a = extract_html(&page("<title>List</title>", &body), "l.html", None);
    let text = a.body_text();
    for i in [0, 1, 4, 14] {
        assert!(text.contains(&format!("Paragraph {i}: ")), "{i}: {text}");
    }
}

#[test]
fn a_single_teaser_article_inside_the_story_stays_out() {
    let body = format!(
        "<article><h1>Budget approved</h1><div class=\"story\">{}{}{}<article class=\"card\"><p>Another story: a teaser of a different story with its own long summary line.</p></article>{}</div></article>",
        para(1),
        para(2),
        para(3),
        para(4)
    );
    let a = extract_html(&page("<title>Budget</title>", &body), "t.html", None);
    let text = a.body_text();
    assert!(text.contains("Paragraph 4:"), "{text}");
    assert!(!text.contains("Another story"), "{text}");
}

/// A service page: one long section and several short ones of labels
/// inside `main`. All of them are the content.
fn service_page(head: &str) -> String {
    let sections: String = [
        (
            "Harbour cleaning",
            ["Silt removal", "Net clearing", "Grate checks"],
        ),
        (
            "Hull inspection",
            ["Keel survey", "Rudder check", "Photo report"],
        ),
        (
            "Mooring repair",
            ["Chain gauging", "New shackles", "Swivel swaps"],
        ),
        ("Engine care", ["Impellers", "Filters", "Belts and anodes"]),
    ]
    .iter()
    .map(|(h, items)| {
        let li: String = items.iter().map(|t| format!("<li>{t}</li>")).collect();
        format!("<section><h3>{h}</h3><ul>{li}</ul></section>")
    })
    .collect();
    let body = format!(
        r#"<nav><a href="/">Home</a> <a href="/services">Services</a></nav>
        <main><h1>Marine services</h1>
        <div class="intro"><p>From a single mooring to a whole marina.</p></div>
        <div class="row"><div class="long"><p>{LOREM} {LOREM}</p></div></div>
        <div class="row">{sections}</div>
        </main><footer><p>Copyright 2025 Harbour Works Ltd.</p></footer>"#
    );
    page(head, &body)
}

#[test]
fn sectioned_pages_keep_every_section_of_their_main() {
    let a = extract_html(&service_page("<title>Marine services</title>"), "t", None);
    let text = a.body_text();
    // The intro right under the headline is the standfirst.
    let lead = kinds(&a, BlockKind::Standfirst).join(" ") + &text;
    assert!(lead.contains("From a single mooring"), "{lead}");
    for want in [
        "Harbour cleaning",
        "Net clearing",
        "Belts and anodes",
        "The council voted",
    ] {
        assert!(text.contains(want), "missing {want:?}: {text}");
    }
    for junk in ["Home", "Copyright"] {
        assert!(!text.contains(junk), "kept {junk:?}: {text}");
    }
}

#[test]
fn a_declared_article_does_not_take_the_teasers_around_it() {
    // The story is under half of `main`'s text; the rest is teasers.
    let teasers: String = (0..8)
        .map(|i| {
            format!(
                "<div class=\"card\"><a href=\"/s{i}\">Other story {i}</a><p>Teaser {i}: the \
                 ferry timetable changes next month with fewer crossings on Sundays and a \
                 late boat on Fridays</p></div>"
            )
        })
        .collect();
    let body = format!(
        "<main><article><h1>Budget approved</h1><div class=\"story\">{}{}{}</div></article>\
         <div class=\"more\">{teasers}</div></main>",
        para(1),
        para(2),
        para(3)
    );
    let a = extract_html(
        &page(r#"<meta property="og:type" content="article">"#, &body),
        "t",
        None,
    );
    let text = a.body_text();
    assert!(text.contains("Paragraph 3:"), "{text}");
    assert!(!text.contains("Teaser"), "took the teasers: {text}");
}

#[test]
fn linked_entry_headings_stay_and_link_lines_go() {
    let entries: String = (1..=4)
        .map(|i| {
            format!(
                "<div class=\"entry\"><h2><a href=\"/boat-{i}\">Ferry route {i} timetable</a></h2>\
                 <p>Entry {i}: {LOREM}</p><p><a href=\"/boat-{i}/more\">Continue to route {i}</a></p></div>"
            )
        })
        .collect();
    let a = extract_html(
        &page("<title>Routes</title>", &format!("<main>{entries}</main>")),
        "t",
        None,
    );
    let text = a.body_text();
    for i in 1..=4 {
        assert!(
            text.contains(&format!("Ferry route {i} timetable")),
            "{text}"
        );
        assert!(text.contains(&format!("Entry {i}:")), "{text}");
    }
    assert!(!text.contains("Continue to route"), "{text}");
}

#[test]
fn a_lead_paragraph_among_the_story_stays_in_the_body() {
    let body = format!(
        "<article><h1>Storm hits the coast</h1><div class=\"story-body\">\
         <p class=\"intro\">Twelve people were hurt as the storm made landfall near Porthaven.</p>{}{}</div></article>",
        para(1),
        para(2)
    );
    let a = extract_html(&page("", &body), "t", None);
    let text = a.body_text();
    assert!(text.starts_with("Twelve people were hurt"), "{text}");
    assert!(kinds(&a, BlockKind::Standfirst).is_empty());
}

#[test]
fn utility_css_classes_are_not_boilerplate_words() {
    let body = format!(
        r#"<main><h1>Boat care</h1>
        <div class="relative overflow-hidden rounded-lg">{}{}</div>
        <div class="hidden md:block"><p>Anodes are replaced every spring, before the boats go back in the water, at no extra cost.</p></div>
        <div class="group/tooltip p-4"><p>Winter storage comes with a monthly battery charge and a wash before launch.</p></div>
        </main>"#,
        para(1),
        para(2)
    );
    let a = extract_html(&page("<title>Boat care</title>", &body), "t", None);
    let text = a.body_text();
    for want in [
        "Paragraph 2:",
        "Anodes are replaced",
        "Winter storage comes",
    ] {
        assert!(text.contains(want), "missing {want:?}: {text}");
    }
}

#[test]
fn section_headers_inside_main_are_content_unless_the_page_is_a_story() {
    let body = format!(
        r#"<header class="site"><p>Harbour Works Ltd, marine services since 1962, call us any day of the week.</p></header>
        <main><section><header><h2>Haul-out</h2><p>Boats up to twenty metres are lifted out with our travel hoist in under an hour.</p></header>{}</section>
        <section><header><h2>Rigging</h2><p>Standing rigging is checked strand by strand and replaced every ten years.</p></header>{}</section></main>"#,
        para(1),
        para(2)
    );
    let a = extract_html(&page("<title>Services</title>", &body), "t", None);
    let text = a.body_text();
    assert!(text.contains("Boats up to twenty metres"), "{text}");
    assert!(text.contains("Standing rigging is checked"), "{text}");
    assert!(!text.contains("marine services since 1962"), "{text}");
    let story = extract_html(
        &page(r#"<meta property="og:type" content="article">"#, &body),
        "t",
        None,
    );
    assert!(
        !story.body_text().contains("Standing rigging is checked"),
        "{}",
        story.body_text()
    );
}

/// A topic page: an intro line and teasers whose heading and blurb both
/// sit inside the teaser's link. The teasers are the page's content.
fn listing_page(head: &str) -> String {
    let mut tiles = String::new();
    for (i, name) in ["harbour", "schools", "roads", "parks", "library"]
        .iter()
        .enumerate()
    {
        tiles.push_str(&format!(
            r#"<div class="tile"><a href="/story/{i}"><h2>Council plans new spending on the {name}</h2>
            <p>The plan for the {name} was debated for hours on Tuesday, and the vote is set for next month.</p></a></div>"#
        ));
    }
    page(
        head,
        &format!(
            r#"<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
            <main><h1>City budget coverage</h1><p>All our reporting on the city budget.</p>
            <div class="tiles">{tiles}</div></main>
            <footer><p>Copyright 2025 The Daily Planet.</p></footer>"#
        ),
    )
}

#[test]
fn linked_teasers_of_a_listing_are_its_content() {
    let a = extract_html(&listing_page("<title>City budget</title>"), "t", None);
    let body = a.body_text();
    for name in ["harbour", "schools", "roads", "parks", "library"] {
        assert!(
            body.contains(&format!("The plan for the {name} was debated")),
            "{name} missing from {body:?}"
        );
    }
    assert!(!body.contains("Copyright"), "{body:?}");
}

#[test]
fn a_declared_article_keeps_linked_teasers_out() {
    let head = r#"<title>Budget</title><meta property="og:type" content="article">"#;
    let body = format!(
        r#"<main><h1>Budget approved</h1><div class="story">{}{}{}</div>
        <div class="more">{}</div></main>"#,
        para(1),
        para(2),
        para(3),
        (0..5)
            .map(|i| format!(
                r#"<div class="tile"><a href="/s/{i}"><h2>Another story about the town number {i}</h2>
                <p>A teaser line for another story, which is not part of this one at all.</p></a></div>"#
            ))
            .collect::<String>()
    );
    let a = extract_html(&page(head, &body), "t", None);
    assert!(a.body_text().contains("Paragraph 3"));
    assert!(
        !a.body_text().contains("teaser line"),
        "{:?}",
        a.body_text()
    );
}

/// A thread page: the opening post, then the replies in blocks whose
/// class names them comments. On a page that is not one story, the
/// replies are the thread.
#[test]
fn replies_of_a_thread_page_are_kept() {
    let replies: String = (0..6)
        .map(|i| {
            format!(
                r#"<div class="comment"><span class="user">member{i}</span><p>Reply {i}: I had the same trouble with my first telescope, and a smaller refractor on a sturdy mount was the answer. Dark skies matter more than aperture, so drive out of town when you can, and start with the moon and the bright planets before anything else.</p></div>"#
            )
        })
        .collect();
    let body = format!(
        r#"<main><h1>Which first telescope?</h1><div class="topic"><p>I am new to this and would like advice on a first telescope for the planets, with a modest budget, and something easy to carry.</p><p>I live in a small flat in the middle of a city, so it has to fit in a cupboard, and I would rather not spend the whole budget on the first try. What would you buy again, and what would you avoid?</p></div>
        <div class="comments">{replies}</div></main>"#
    );
    let a = extract_html(&page("<title>Forum</title>", &body), "t", None);
    let text = a.body_text();
    assert!(text.contains("new to this"), "{text:?}");
    assert!(text.contains("Reply 5: I had the same trouble"), "{text:?}");

    // The same replies under a page that declares itself an article are
    // its comments, not its text.
    let head = r#"<title>Story</title><meta property="og:type" content="article">"#;
    let a = extract_html(&page(head, &body), "t", None);
    assert!(!a.body_text().contains("Reply 5"), "{:?}", a.body_text());
}

#[test]
fn a_caption_box_with_a_heading_is_card_text() {
    let cards: String = (0..4)
        .map(|i| {
            format!(
                r#"<div class="card"><img src="/p{i}.jpg" alt=""><div class="caption"><h3>Folding camp stool model {i}</h3><p>Weighs under a kilo, folds flat, and carries up to one hundred kilograms.</p></div></div>"#
            )
        })
        .collect();
    let body = format!(
        r#"<main><h1>Camp furniture</h1><p>Stools, chairs and tables for the campsite, chosen for weight and strength.</p>{cards}
        <figure><img src="/x.jpg" alt=""><div class="caption">A stool at the lake, last summer.</div></figure></main>"#
    );
    let a = extract_html(&page("<title>Camp furniture</title>", &body), "t", None);
    let text = a.body_text();
    assert!(text.contains("Folding camp stool model 3"), "{text:?}");
    assert!(text.contains("carries up to one hundred"), "{text:?}");
    // A plain caption under a picture is still a caption.
    assert!(!text.contains("at the lake"), "{text:?}");
}

#[test]
fn a_grid_of_short_linked_product_names_is_the_content() {
    let names = [
        "Cedar bookshelves",
        "Walnut sideboards",
        "Bamboo stepstools",
        "Rattan lounge chairs",
        "Marble coffeetables",
    ];
    let tiles: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(r#"<li class="tile"><a href="/p/{i}">{n}</a> <span>{i}9 euros</span></li>"#)
        })
        .collect();
    let body = format!(
        r#"<header><nav><a href="/">Home</a> <a href="/about">About us</a></nav></header>
        <main><h1>Furniture</h1><ul class="grid">{tiles}</ul></main>"#
    );
    let a = extract_html(&page("<title>Furniture</title>", &body), "t", None);
    let text = a.body_text();
    for n in names {
        assert!(text.contains(n), "{n} missing from {text:?}");
    }
    assert!(!text.contains("About us"), "{text:?}");
}

#[test]
fn highlighted_code_keeps_its_comments_and_tags() {
    // A highlighter wraps each token of a code sample in a span named
    // after its kind: a comment or a markup tag is part of the sample.
    let body = format!(
        r#"<article><h1>Setting up the garden sensor</h1>{}{}
        <pre><code class="language-shell"><span class="hljs-comment"># water the beds at dawn</span>
sensor schedule --at 05:30
<span class="token tag">&lt;relay pin="4"&gt;</span></code></pre>{}</article>"#,
        para(1),
        para(2),
        para(3)
    );
    let a = extract_html(&page("<title>Sensor</title>", &body), "t", None);
    let text = a.body_text();
    assert!(text.contains("sensor schedule --at 05:30"), "{text}");
    assert!(text.contains("# water the beds at dawn"), "{text}");
    assert!(text.contains("<relay pin=\"4\">"), "{text}");
}

#[test]
fn a_reply_quoting_a_post_above_does_not_repeat_it() {
    let first = "Our allotment floods every spring and the onions rot before June, \
        so I am thinking of raised beds this year.";
    let body = format!(
        r#"<main><h1>Raised beds on wet ground?</h1>
        <div class="post"><p>{first}</p></div>
        <div class="post"><blockquote><p>{first}</p></blockquote>
        <p>Raised beds saved my leeks on clay that stays wet until May, and they are cheap to build from old planks.</p></div>
        <div class="post"><p>Add grit to the bottom layer and the water drains away far quicker than you would expect it to.</p></div></main>"#
    );
    let a = extract_html(&page("<title>Beds</title>", &body), "t", None);
    let text = a.body_text();
    assert_eq!(text.matches("Our allotment floods").count(), 1, "{text}");
    assert!(text.contains("Raised beds saved my leeks"), "{text}");
    assert!(text.contains("Add grit"), "{text}");
}

#[test]
fn a_text_printed_twice_is_read_once() {
    // The same copy for wide and narrow screens, one after the other.
    let copy = format!(
        "<h2>Why the ferry runs late</h2>{}{}{}",
        para(1),
        para(2),
        para(3)
    );
    let body = format!(
        r#"<main><h1>Ferry timetable</h1><div class="wide">{copy}</div><div class="narrow">{copy}</div>
        <p>Tickets are sold at the harbour office from six in the morning until the last crossing.</p></main>"#
    );
    let a = extract_html(&page("<title>Ferry</title>", &body), "t", None);
    let text = a.body_text();
    assert_eq!(text.matches("Paragraph 2:").count(), 1, "{text}");
    assert!(text.contains("Paragraph 3:"), "{text}");
    assert!(text.contains("Tickets are sold"), "{text}");
}

#[test]
fn lines_a_text_reuses_stay() {
    // A plan that repeats some of its lines is still one text.
    let day = |d: usize| {
        format!(
            "<h3>Day {d}</h3><p>Breakfast: oats soaked overnight with a handful of berries and seeds.</p>\
             <p>Dinner on day {d}: {LOREM}</p><p>Walk for forty minutes after dinner, day {d} of the plan, at an easy pace.</p>"
        )
    };
    let body = format!(
        "<article><h1>A week of meals</h1>{}{}{}</article>",
        day(1),
        day(2),
        day(3)
    );
    let a = extract_html(&page("<title>Meals</title>", &body), "t", None);
    let text = a.body_text();
    assert_eq!(text.matches("Breakfast: oats").count(), 3, "{text}");
}

#[test]
fn a_ranked_list_keeps_its_titles_when_its_lines_are_short() {
    // Ranks, authors and ratings are plain text; what each entry is, its
    // title, is a link.
    let rows: String = (1..=40)
        .map(|n| {
            format!(
                r#"<tr><td class="rank">{n}</td><td><a class="title" href="/novel/{n}">The Lighthouse Keeper's Almanac volume {n}</a>
                <div class="by">by Maren Oakley</div><div class="score">4.{n} average from {n}00 readers</div></td></tr>"#
            )
        })
        .collect();
    let body = format!(
        r#"<nav><a href="/">Home</a> <a href="/lists">Lists</a></nav><main><h1>Best sea novels</h1>
        <table class="ranking">{rows}</table></main>"#
    );
    let a = extract_html(&page("<title>Best sea novels</title>", &body), "t", None);
    let text = a.body_text();
    assert!(
        text.contains("The Lighthouse Keeper's Almanac volume 7"),
        "{text}"
    );
    assert!(text.contains("4.7 average from 700 readers"), "{text}");
    assert!(!text.contains("Home"), "{text}");
}

#[test]
fn a_shop_shelf_keeps_its_short_product_names() {
    let names = [
        "Tide Lantern",
        "Harbour Mug",
        "Kelp Candle",
        "Quay Blanket",
        "Gull Teapot",
        "Reef Basket",
        "Dune Cushion",
        "Cove Platter",
        "Pier Planter",
        "Brine Saucer",
    ];
    let tiles: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(
                r#"<li class="tile"><a href="/p/{i}">{n}</a><span class="price">${i}4.00</span></li>"#
            )
        })
        .collect();
    let body = format!(
        r#"<main><h1>Homeware</h1><p>Things for a house by the sea, made in small batches.</p>
        <ul class="grid">{tiles}</ul></main>"#
    );
    let a = extract_html(&page("<title>Homeware</title>", &body), "t", None);
    let text = a.body_text();
    assert!(text.contains("Harbour Mug"), "{text}");
    assert!(text.contains("Brine Saucer"), "{text}");
}

#[test]
fn collapsed_accordion_panels_are_text() {
    let items: String = (1..=5)
        .map(|i| {
            format!(
                r#"<div class="acc"><button aria-controls="step-{i}" aria-expanded="false">Step {i}</button>
                <div id="step-{i}" style="display:none" role="region">{}</div></div>"#,
                para(i)
            )
        })
        .collect();
    let body = format!(
        r#"<main><h1>Planting a hedge</h1><p>A hedge takes a weekend to plant and a few years to fill out, so the order of the work matters more than the speed.</p>
        {items}<div id="menu" style="display:none"><a href="/">Home</a></div></main>"#
    );
    let a = extract_html(&page("<title>Hedge</title>", &body), "t", None);
    let text = a.body_text();
    for i in 1..=5 {
        assert!(text.contains(&format!("Paragraph {i}:")), "{text}");
    }
    assert!(!text.contains("Home"), "{text}");
}

#[test]
fn hidden_tab_panels_are_text() {
    let panels: String = (1..=4)
        .map(|i| {
            format!(
                r#"<div role="tabpanel" aria-labelledby="tab-{i}" hidden>{}</div>"#,
                para(i)
            )
        })
        .collect();
    let body = format!(
        r#"<main><h1>Bread in four flours</h1><p>The same loaf, four ways: pick the flour you have and follow its tab from the first mix to the bake.</p>
        <div role="tablist"><span id="tab-1">Rye</span><span id="tab-2">Spelt</span></div>{panels}</main>"#
    );
    let a = extract_html(&page("<title>Bread</title>", &body), "t", None);
    let text = a.body_text();
    for i in 1..=4 {
        assert!(text.contains(&format!("Paragraph {i}:")), "{text}");
    }
}

#[test]
fn boxes_hidden_from_screen_readers_are_still_shown() {
    let slides: String = (1..=4)
        .map(|i| format!(r#"<li class="slide" aria-hidden="true">{}</li>"#, para(i)))
        .collect();
    let body = format!(
        r#"<main><h1>Council notes</h1><p>Four decisions from this week's meeting, one a slide, in the order they were taken by the members.</p>
        <ul class="slides">{slides}</ul></main>"#
    );
    let a = extract_html(&page("<title>Notes</title>", &body), "t", None);
    let text = a.body_text();
    for i in 1..=4 {
        assert!(text.contains(&format!("Paragraph {i}:")), "{text}");
    }
}

#[test]
fn a_table_of_contents_is_not_text() {
    let body = format!(
        r##"<article><h1>Building a pond</h1><h2>Table of contents</h2>
        <ol><li>Step one: the hole</li><li>Step two: the liner</li><li>Step three: the plants</li></ol>
        {}{}{}</article>"##,
        para(1),
        para(2),
        para(3)
    );
    let a = extract_html(&page("<title>Pond</title>", &body), "t", None);
    let text = a.body_text();
    assert!(!text.contains("Table of contents"), "{text}");
    assert!(!text.contains("Step two: the liner"), "{text}");
    assert!(text.contains("Paragraph 3:"), "{text}");
}

#[test]
fn a_byline_far_down_the_text_is_an_entrys_not_the_header() {
    let entries: String = (1..=14)
        .map(|i| {
            format!(
                "<h3>Almanac volume {i}</h3><p>By Maren Oakley</p>{}",
                para(i)
            )
        })
        .collect();
    let body = format!(
        r#"<main><h1>Sea novels</h1><div class="content"><p>By Ada Quill</p>{entries}</div></main>"#
    );
    let a = extract_html(&page("<title>Sea novels</title>", &body), "t", None);
    let text = a.body_text();
    assert!(!text.contains("By Ada Quill"), "{text}");
    assert!(text.contains("Paragraph 14:"), "{text}");
    assert!(text.contains("By Maren Oakley"), "{text}");
}

#[test]
fn a_small_shelf_beside_a_big_menu_is_the_content() {
    let menu: String = (1..=60)
        .map(|i| format!(r#"<li><a href="/c/{i}">Department number {i}</a></li>"#))
        .collect();
    let names = [
        "Tide Lantern",
        "Harbour Mug",
        "Kelp Candle",
        "Quay Blanket",
        "Gull Teapot",
        "Reef Basket",
    ];
    let tiles: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(r#"<li class="tile"><a href="/p/{i}">{n}</a> <span>${i}9</span></li>"#)
        })
        .collect();
    let body = format!(
        r#"<nav><ul>{menu}</ul></nav><main><h1>Lamps and mugs</h1><p>Made in small batches.</p>
        <ul class="grid">{tiles}</ul></main>"#
    );
    let a = extract_html(&page("<title>Lamps and mugs</title>", &body), "t", None);
    let text = a.body_text();
    assert!(text.contains("Quay Blanket"), "{text}");
    assert!(!text.contains("Department number"), "{text}");
}
