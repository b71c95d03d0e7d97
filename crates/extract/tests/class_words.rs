//! Class words are guesses: a boilerplate word that a page puts on every
//! box of its text says nothing about that text.

use crosswire_extract::html::extract_html;

const SENTENCES: [&str; 6] = [
    "The ferry between the island and the mainland ran again on Friday after three days of storms kept it in port.",
    "Islanders had queued at the harbour since dawn, some with cars full of shopping, others with cattle to sell.",
    "The operator said the first crossing carried more than two hundred passengers and forty vehicles.",
    "A second boat will join the route next week, the council said, to clear the backlog of freight.",
    "Shops on the island had run low on milk and bread by Thursday, according to the local grocer.",
    "Forecasters expect calmer weather for the rest of the month, though high winds may return in March.",
];

const LEAD: &str = "After three days in which no boat could leave the harbour, the island's \
    only link to the mainland is open again, and the people who depend on it for food, \
    post, medicine and work are counting what the storms cost them and asking the \
    operator and the council what will be done before the next one comes.";

#[test]
fn a_boilerplate_word_on_every_paragraph_of_the_story_does_not_drop_it() {
    // A template that names each paragraph "contextmenu" (it opens a menu
    // on right click) and each box of the story a "widget".
    let paras: String = SENTENCES
        .iter()
        .map(|s| {
            // Prose with a link, as stories have: about a sixth of the text.
            format!(
                "<div class=\"box widget text-widget\"><p class=\"contextmenu body\">{s} \
                 <a href=\"/more\">The full statement.</a></p></div>"
            )
        })
        .collect();
    // The page calls itself an article and its lead is a plain paragraph:
    // nothing else would make the extractor look again without class words.
    let page = format!(
        r#"<html><head><title>Ferry runs again</title>
        <meta property="og:type" content="article"></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <h1>Ferry runs again after the storms</h1>
        <div class="columns"><p>{LEAD}</p>{paras}</div>
        <footer><p>About us. Contact. Terms.</p></footer></body></html>"#
    );
    let a = extract_html(&page, "t", None);
    let body = a.body_text();
    for s in SENTENCES.iter().chain([&LEAD]) {
        assert!(body.contains(s), "lost {s:?} from {body}");
    }
    assert!(!body.contains("Home"), "{body}");
}

#[test]
fn a_sidebar_of_text_widgets_beside_a_story_stays_out() {
    let story: String = SENTENCES.iter().map(|s| format!("<p>{s}</p>")).collect();
    let widget = |t: &str| {
        format!(
            "<div class=\"widget\"><div class=\"textwidget\"><p>{t} We are a small team of \
             volunteers who write about the island. Send us your news.</p></div></div>"
        )
    };
    let page = format!(
        r#"<html><head><title>Ferry runs again</title></head><body>
        <div class="main"><h1>Ferry runs again after the storms</h1><div class="story">{story}</div></div>
        <div class="sidebar-column">{}{}{}</div></body></html>"#,
        widget("About us."),
        widget("Our mission."),
        widget("Write to us.")
    );
    let a = extract_html(&page, "t", None);
    let body = a.body_text();
    assert!(body.contains(SENTENCES[5]), "{body}");
    assert!(!body.contains("volunteers"), "kept the sidebar: {body}");
}

#[test]
fn microdata_values_for_machines_are_not_text() {
    let story: String = SENTENCES.iter().map(|s| format!("<p>{s}</p>")).collect();
    let page = format!(
        r#"<html><head><title>Ferry runs again</title></head><body><article>
        <h1>Ferry runs again after the storms</h1>
        <div itemprop="image" itemscope itemtype="https://schema.org/ImageObject">
          <div itemprop="url">https://img.example.org/ferry-800-400.jpg</div>
          <div itemprop="width">800</div><div itemprop="height">400</div>
        </div>
        <div itemprop="dateModified">2031-03-02T10:00:00Z</div>
        <div class="story">{story}</div>
        <ul><li><a itemprop="url" href="/ferries">Ferry timetables for the spring</a></li></ul>
        </article></body></html>"#
    );
    let a = extract_html(&page, "t", None);
    let body = a.body_text();
    assert!(body.contains(SENTENCES[0]), "{body}");
    for junk in ["ferry-800-400", "800", "400", "2031-03-02"] {
        assert!(!body.contains(junk), "kept {junk:?}: {body}");
    }
}

#[test]
fn variants_of_one_boilerplate_word_count_as_that_word() {
    // A page builder names each box by its own variant of "widget".
    let paras: String = SENTENCES
        .iter()
        .enumerate()
        .map(|(i, s)| format!("<div class=\"builder-widget-{i}x\"><p>{s}</p></div>"))
        .collect();
    let page = format!(
        r#"<html><head><title>Ferry runs again</title>
        <meta property="og:type" content="article"></head><body>
        <h1>Ferry runs again after the storms</h1>
        <div class="columns"><p>{LEAD}</p>{paras}</div></body></html>"#
    );
    let a = extract_html(&page, "t", None);
    let body = a.body_text();
    for s in SENTENCES {
        assert!(body.contains(s), "lost {s:?} from {body}");
    }
}
