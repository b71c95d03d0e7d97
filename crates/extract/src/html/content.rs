//! Finding the main text of a page.
//!
//! The method combines three families of ideas, plus page-level signals:
//!
//! 1. **Cleaning** (trafilatura, jusText): drop subtrees that are never
//!    article text by tag (`nav`, `aside`, `header`, `footer`, form
//!    controls, media), by ARIA role, by `hidden`/`display:none`, and by
//!    class/id words (comments, share bars, related stories, newsletter
//!    boxes, ads). Class words and hiding are fuzzy (stories hide their
//!    second half behind "Read more"), so they never remove the
//!    ancestors of the strongest text region found before cleaning, nor a
//!    content-like wrapper holding a large share of the page's paragraph
//!    text (`<body class="one-sidebar">`).
//! 2. **Candidate scoring** (readability): every text block of 25+
//!    characters scores by its length and comma count and passes the score
//!    up to three ancestor levels (stopping at an `article`: a post's text
//!    does not make a list of posts a candidate); tag and class weights
//!    tilt the score, link density discounts it. The best candidate climbs
//!    to wrappers that add more paragraph text, and sibling blocks that look
//!    like more of the same are merged in, as are same-class sections of a
//!    body split by ads or embeds.
//! 3. **Block filtering** (jusText): inside the container, every block is
//!    judged on its own: link-heavy blocks, furniture lines ("Advertisement",
//!    "Read more", per-language tables in [`super::lexicon`]), "Related"
//!    headings with the lists under them, and author contact lines go;
//!    credit lines become captions.
//!
//! Page-level signals: JSON-LD `articleBody`, when present, weighs every
//! block by how many of its words it shares and vetoes merges that bring
//! foreign text; `itemprop="articleBody"` marks the whole body; the
//! containers right above the headline win ties against teaser posts.
//! When the chosen containers hold only a small share of the link-poor
//! text of the page's `main` landmark (else its body), the page is made
//! of many short sections and the whole region is its content; a page
//! that declares itself an article (`og:type`, JSON-LD) is one story and
//! widens only on a tiny share.
//!
//! Every pass is a loop over the flat node array (see [`super::dom`]).

use super::dom::{Dom, Tag};
use super::lexicon::{FURNITURE, LEGAL, POINTER_HEADING};
use crosswire_model::BlockKind;
use once_cell::sync::Lazy;
use regex::Regex;

/// Class/id words of subtrees that are not article text.
static BOILERPLATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)
        comment|disqus|share|sharing|social|related|recommend|newsletter|subscri|signup|sign-up|
        promo|advert|sponsor|banner|breadcrumb|sidebar|side-bar|footer|masthead|navbar|navigation|
        (?:^|[\s_-])nav(?:$|[\s_-])|menu|(?:^|[\s_-])tags?(?:$|[\s_-])|tag-?list|keywords|
        author-?bio|author-?info|about-?(?:the-)?author|byline|
        popular|trending|most-?read|more-?stories|read-?more|read-?next|also-?read|
        cookie|consent|gdpr|modal|popup|overlay|paywall|
        toolbar|widget|pagination|pager|
        sr-only|visually-hidden|screen-?reader|skip-?link|
        outbrain|taboola|ad-?slot|(?:^|[\s_-])ads?(?:$|[\s_-])|ad-?container|ad-?wrapper|dfp|gpt-|
        rating|reactions|(?:^|[\s_-])follow|
        post-?meta|entry-?meta|article-?meta|meta-?data|print-?only|
        (?:^|[\s_-])(?:top|bottom)bar|inline-?link|
        jump-?link|table-?of-?contents|(?:^|[\s_-])toc(?:$|[\s_-])|
        (?:^|[\s_-])hide(?:$|[\s_-])|(?:^|[\s_-])hidden(?:$|[\s_-])|display-?none|
        rodape|werbung|anzeige|kommentar|publicidad|publicite|compartir|partage|relacionad|
        comentario|commentaire|noticias-?relacionadas|mehr-?zum-?thema|leia-?tambem|voir-?aussi|
        tooltip|popover|hover-?card|(?:rollover|hover)-?(?:\w+-)?(?:block|content|card|box|panel|inner)
        ",
    )
    .expect("static regex")
});

/// Class/id words of containers that are the article body.
static ARTICLE_BODY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)
        article-?body|article__body|story-?body|post-?body|post-?content|entry-?content|
        article-?content|main-?content|story-?content|content-?body|body-?text|article-?text|
        story-?text|text-?body|rich-?text|articlebody|blog-?post|single-?post|post-?entry|
        article-?main|article__content|story__body|c-entry|field-?body|node-?content
        ",
    )
    .expect("static regex")
});

/// Class words of embedded posts (tweets, Instagram, TikTok, Facebook).
static EMBED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?:^|[\s_-])embed(?:ded)?(?:$|[\s_-])|media-embed|twitter-tweet|instagram-media|tiktok-embed|fb-post")
        .expect("static regex")
});

/// Words of wrappers that may hold the article despite a boilerplate word.
static CONTAINER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"article|body|content|main|column|story|post|entry|text|page|wrap|container|layout")
        .expect("static regex")
});

/// Boilerplate words no content-like word can outweigh.
static STRONG_BOILERPLATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"comment|disqus|related|recommend|newsletter|outbrain|taboola|footer|cookie|consent|modal|popup",
    )
    .expect("static regex")
});

/// readability's weights: words that suggest content.
static POSITIVE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story")
        .expect("static regex")
});

/// readability's weights: words that suggest boilerplate.
static NEGATIVE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:^|\s)hid(?:$|\s)|-ad-|banner|combx|comment|com-|contact|foot|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|card|teaser|promo",
    )
    .expect("static regex")
});

/// Caption-like class/id words.
static CAPTION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"caption|credit|photo-?desc|image-?desc|img-?desc|wp-caption-text")
        .expect("static regex")
});

/// A block of output.
#[derive(Debug, Clone)]
pub(crate) struct OutBlock {
    pub kind: BlockKind,
    pub text: String,
    /// Inside a list item: lists after a "Related" heading are link lists.
    pub list_item: bool,
    /// Inside a `blockquote`: a reply's quote of an earlier post.
    pub quoted: bool,
    /// The node where the block ended, and the end of the element around
    /// the block's own element: a "Related" heading's box ends there.
    pub at: u32,
    pub box_end: u32,
}

/// The class and id words of a node, lower-cased, without utility-CSS
/// tokens: `overflow-hidden`, `md:flex`, `group/tooltip` or `bg-[#fff]`
/// style a box and say nothing of what it holds, yet carry words
/// ("hidden", "tooltip", "banner") that name boilerplate elsewhere.
fn class_id(dom: &Dom, i: usize) -> String {
    let mut s = String::new();
    for a in dom.attrs_of(i) {
        if !matches!(&*a.name, "class" | "id") {
            continue;
        }
        let v = a.value.to_ascii_lowercase();
        // `hidden md:block`: hidden on small screens only, shown on a
        // desktop.
        let shown_wider = v.split_ascii_whitespace().any(|t| {
            t.split_once(':').is_some_and(|(_, d)| {
                matches!(
                    d,
                    "block"
                        | "flex"
                        | "grid"
                        | "inline"
                        | "inline-block"
                        | "inline-flex"
                        | "table"
                        | "contents"
                )
            })
        });
        for t in v.split_ascii_whitespace() {
            let utility = t.contains([':', '[', '/', '('])
                || t.starts_with("overflow-")
                || (shown_wider && t == "hidden");
            if !utility {
                s.push_str(t);
                s.push(' ');
            }
        }
    }
    s
}

/// Tags whose subtrees never hold article text.
fn never_text(tag: Tag) -> bool {
    use Tag::*;
    matches!(
        tag,
        Script
            | Style
            | Noscript
            | Template
            | Svg
            | Iframe
            | Button
            | Select
            | Input
            | Textarea
            | Head
            | Title
            | Meta
            | Link
            | Canvas
            | Audio
            | Video
            | Embed
            | Object
            | Map
            | Math
            | Dialog
            | Option
            | Optgroup
            | Base
            | Area
            | Param
            | Track
    )
}

/// Tags that start a new block of text.
pub(crate) fn is_block(tag: Tag) -> bool {
    use Tag::*;
    !matches!(
        tag,
        Text | A
            | Abbr
            | B
            | Br
            | Cite
            | Code
            | Del
            | Em
            | Font
            | I
            | Img
            | Label
            | Mark
            | Q
            | S
            | Small
            | Span
            | Strong
            | Sub
            | Sup
            | Time
            | U
            | Wbr
            | Picture
            | Source
    )
}

fn role_is_boilerplate(role: &str) -> bool {
    matches!(
        role.trim(),
        "navigation"
            | "complementary"
            | "banner"
            | "contentinfo"
            | "menu"
            | "menubar"
            | "dialog"
            | "alert"
            | "alertdialog"
            | "search"
            | "toolbar"
            | "tablist"
    )
}

fn hidden_by_style(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Per-node statistics over the nodes still alive.
struct Stats {
    /// Non-white-space characters under the node.
    chars: Vec<u32>,
    /// Of which inside links.
    link_chars: Vec<u32>,
    /// Characters in text blocks of 25+ characters (paragraph-like text).
    para_chars: Vec<u32>,
}

fn count_chars(s: &str) -> u32 {
    s.chars().filter(|c| !c.is_whitespace()).count() as u32
}

/// Nearest block-level ancestor-or-self of every node.
fn block_owner(dom: &Dom) -> Vec<u32> {
    let mut owner = vec![0u32; dom.nodes.len()];
    for (i, n) in dom.nodes.iter().enumerate().skip(1) {
        owner[i] = if n.tag != Tag::Text && is_block(n.tag) {
            i as u32
        } else {
            owner[n.parent as usize]
        };
    }
    owner
}

fn compute_stats(dom: &Dom, alive: &[bool], in_link: &[bool], owner: &[u32]) -> Stats {
    let n = dom.nodes.len();
    let mut chars = vec![0u32; n];
    let mut link_chars = vec![0u32; n];
    let mut own = vec![0u32; n];
    for i in 1..n {
        if alive[i] && dom.nodes[i].tag == Tag::Text {
            let c = count_chars(dom.node_text(i));
            chars[i] = c;
            if in_link[i] {
                link_chars[i] = c;
            }
            own[owner[i] as usize] += c;
        }
    }
    let mut para_chars = vec![0u32; n];
    for i in 1..n {
        if alive[i] && own[i] >= 25 {
            para_chars[i] = own[i];
        }
    }
    for i in (1..n).rev() {
        if !alive[i] {
            continue;
        }
        let p = dom.nodes[i].parent as usize;
        chars[p] += chars[i];
        link_chars[p] += link_chars[i];
        para_chars[p] += para_chars[i];
    }
    Stats {
        chars,
        link_chars,
        para_chars,
    }
}

/// Extracts the body blocks of a page. `hint` is the JSON-LD
/// `articleBody`, when the page has one: a strong signal of which
/// container holds the text.
pub(crate) fn extract(dom: &Dom, hint: Option<&str>, article: bool) -> Vec<OutBlock> {
    extract_with(dom, hint, article, false, false)
}

/// [`extract`], with class/id words ignored when `relaxed`: the second try
/// on pages where they removed all the text (a forum thread is all
/// "comments"); with the title links of repeated entries read as text
/// when `listing` (see [`unlink_listing_items`]).
pub(crate) fn extract_with(
    dom: &Dom,
    hint: Option<&str>,
    article: bool,
    relaxed: bool,
    listing: bool,
) -> Vec<OutBlock> {
    let n = dom.nodes.len();
    if n <= 1 {
        return Vec::new();
    }
    // Pass 1: tag-level drops, links, block owners.
    let mut alive = vec![true; n];
    let mut in_link = vec![false; n];
    let mut in_main = vec![false; n];
    // Inside code, classes name the tokens a highlighter colours
    // ("hljs-comment", "token tag"), not boxes of the page.
    let mut in_code = vec![false; n];
    let mut class_drop = vec![false; n];
    // Dropped by a class/id word alone, not by tag, role or hiding.
    let mut word_drop = vec![false; n];
    let mut protected = vec![false; n];
    // The close wrappers of an embedded post ("article-tweet widget")
    // are not boilerplate either.
    for i in 1..n {
        if dom.nodes[i].tag == Tag::Blockquote && EMBED.is_match(&class_id(dom, i)) {
            let mut a = dom.nodes[i].parent as usize;
            for _ in 0..4 {
                if a == 0 {
                    break;
                }
                protected[a] = true;
                a = dom.nodes[a].parent as usize;
            }
        }
    }
    let panels = toggled_panels(dom);
    for i in 1..n {
        let node = &dom.nodes[i];
        let p = node.parent as usize;
        if !alive[p] {
            alive[i] = false;
            continue;
        }
        in_link[i] = in_link[p] || node.tag == Tag::A;
        in_code[i] = in_code[p] || matches!(dom.nodes[p].tag, Tag::Pre | Tag::Code);
        in_main[i] = in_main[p]
            || node.tag == Tag::Main
            || dom.attr(i, "role").is_some_and(|r| r.trim() == "main");
        if node.tag == Tag::Text {
            continue;
        }
        if never_text(node.tag) {
            alive[i] = false;
            continue;
        }
        let attrs = dom.attrs_of(i);
        // `aria-hidden` keeps a box from screen readers, not from the
        // screen: a carousel's slides out of view, a card read out once
        // through its link; what it holds is shown.
        let hidden = attrs
            .iter()
            .any(|a| (&*a.name == "hidden") || (&*a.name == "style" && hidden_by_style(&a.value)));
        if hidden && !toggled(dom, i, &panels) {
            // Soft: sites collapse the rest of the story behind a "Read
            // more" toggle, so hidden text that is the article stays.
            class_drop[i] = true;
            continue;
        }
        let ci = class_id(dom, i);
        let itemprop = dom.attr(i, "itemprop").unwrap_or("");
        // Embedded posts are quoted statements, whatever their wrapper's
        // class says ("social-media-embed").
        if itemprop.contains("articleBody") || ARTICLE_BODY.is_match(&ci) || EMBED.is_match(&ci) {
            protected[i] = true;
            continue;
        }
        // Microdata a template prints for machines (an image's address
        // and size, dates): values, never sentences. A link may carry
        // `itemprop="url"` around an entry's title and a listing shows
        // its dates, so only a value without white space counts.
        if machine_value(dom, i, itemprop) {
            class_drop[i] = true;
            continue;
        }
        // A `header` inside the content landmark of a page that is not
        // one story heads a section of that content (a hero, a
        // feature's title and blurb), not the site.
        let section_header = node.tag == Tag::Header && in_main[p] && !article;
        let structural = !section_header
            && matches!(
                node.tag,
                Tag::Nav | Tag::Aside | Tag::Footer | Tag::Menu | Tag::Header
            );
        let by_role = dom.attr(i, "role").is_some_and(role_is_boilerplate);
        if structural || by_role {
            class_drop[i] = true;
        } else if !relaxed
            && !protected[i]
            && !in_code[i]
            && !ci.is_empty()
            && BOILERPLATE.is_match(&ci)
        {
            class_drop[i] = true;
            word_drop[i] = true;
        }
    }
    if listing {
        unlink_listing_items(dom, &alive, &mut in_link);
    }
    let owner = block_owner(dom);
    let before = compute_stats(dom, &alive, &in_link, &owner);
    let total_para = before.para_chars[0].max(1);
    let hint_words = hint.map(word_set);
    // The strongest text region before class-based cleaning: its
    // ancestors are wrappers of the article, whatever words their classes
    // hold ("page-container with-sidebar"), unless the word is a strong one
    // (the region may be a long comment thread).
    let pre = score_candidates(dom, &alive, &before, &owner, hint_words.as_ref());
    let mut a = dom.nodes[pre.best].parent as usize;
    while a != 0 {
        if !STRONG_BOILERPLATE.is_match(&class_id(dom, a)) {
            protected[a] = true;
        }
        a = dom.nodes[a].parent as usize;
    }
    let wide = page_wide_words(dom, &alive, &before, &word_drop, pre.best);
    // Pass 2: apply class drops unless the subtree holds most of the text.
    for i in 1..n {
        let p = dom.nodes[i].parent as usize;
        if !alive[p] {
            alive[i] = false;
            continue;
        }
        if alive[i] && class_drop[i] && !protected[i] {
            let para = before.para_chars[i];
            // A big wrapper that also names itself content-like is the
            // article's container carrying a stray word ("one-sidebar").
            let big = para * 10 >= total_para * 3;
            let ci = class_id(dom, i);
            let wrapper = matches!(
                dom.nodes[i].tag,
                Tag::Body | Tag::Html | Tag::Main | Tag::Article
            ) || CONTAINER.is_match(&ci);
            let strong = STRONG_BOILERPLATE.is_match(&ci);
            let keep = (big && (wrapper || !strong))
                || (word_drop[i]
                    && !strong
                    && (dense_prose(dom, &alive, &before, i) || only_page_wide(&ci, &wide)));
            if !keep {
                alive[i] = false;
            }
        }
    }
    let stats = compute_stats(dom, &alive, &in_link, &owner);

    let scores = score_candidates(dom, &alive, &stats, &owner, hint_words.as_ref());
    let mut container = choose_container(dom, &alive, &stats, &scores);
    if let Some(region) = widen_to_region(dom, &alive, &stats, &container, article) {
        container = vec![region];
    }
    // An `article` nested in the chosen text, other than the one holding
    // the best candidate, is another post (teasers, comments), unless such
    // tiles are most of the chosen text: then they are the content (the
    // items of a listicle or a listing page).
    let best = scores.best;
    for &c in &container {
        let end = dom.nodes[c].end as usize;
        let mut tiles = Vec::new();
        let mut j = c + 1;
        while j < end {
            let node = &dom.nodes[j];
            if alive[j] && node.tag == Tag::Article && !(j <= best && best < node.end as usize) {
                tiles.push(j);
                j = (node.end as usize).max(j + 1);
            } else {
                j += 1;
            }
        }
        let tile_para: u32 = tiles.iter().map(|&t| stats.para_chars[t]).sum();
        if tiles.len() >= 3 && tile_para * 2 >= stats.para_chars[c] {
            continue;
        }
        for t in tiles {
            alive[t] = false;
        }
    }
    let mut out = Vec::new();
    for c in container {
        emit(dom, c, &alive, &in_link, &stats.chars, &mut out);
    }
    drop_printed_twice(drop_quoted_repeats(filter_blocks(out)))
}

/// Drops the second copy of a text the page prints twice (a layout for
/// small screens beside the one for large ones, a tab's panel beside the
/// same panel in an accordion, a carousel's cloned slides): when repeated
/// paragraphs make up a large share of the text, they are copies, not
/// writing. A text that reuses lines (a meal plan's "one cup of rice"
/// every day, an API's parameters on each call) repeats far less of itself.
fn drop_printed_twice(blocks: Vec<OutBlock>) -> Vec<OutBlock> {
    let key = |b: &OutBlock| (b.text.chars().count() >= REPEAT_MIN_CHARS).then(|| folded(&b.text));
    let mut seen = rustc_hash::FxHashSet::default();
    let (mut repeated, mut total) = (0usize, 0usize);
    for b in &blocks {
        let len = b.text.chars().count();
        total += len;
        if let Some(k) = key(b) {
            if !seen.insert(k) {
                repeated += len;
            }
        }
    }
    if repeated * 10 < total * 4 {
        return blocks;
    }
    seen.clear();
    blocks
        .into_iter()
        .filter(|b| key(b).is_none_or(|k| seen.insert(k)))
        .collect()
}

/// A paragraph's text as compared for repeats: spacing and case aside.
fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Paragraphs shorter than this ("Yes", "Add to cart") repeat by design.
const REPEAT_MIN_CHARS: usize = 40;

/// Drops quotations of text the page already shows: a reply in a thread
/// quoting the post above it, a pull quote lifting a sentence of the
/// story. Only a paragraph long enough to be sure it is the same one.
fn drop_quoted_repeats(blocks: Vec<OutBlock>) -> Vec<OutBlock> {
    if !blocks.iter().any(|b| b.quoted) {
        return blocks;
    }
    let key = |b: &OutBlock| {
        (b.kind == BlockKind::Paragraph && b.text.chars().count() >= QUOTE_MIN_CHARS)
            .then(|| folded(&b.text))
    };
    let mut seen = rustc_hash::FxHashSet::default();
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        if let Some(k) = key(&b) {
            if !seen.insert(k) && b.quoted {
                continue;
            }
        }
        out.push(b);
    }
    out
}

/// Quoted paragraphs shorter than this stay even when the page shows
/// them already.
const QUOTE_MIN_CHARS: usize = 60;

/// The ids that a control says it shows and hides (`aria-controls`): the
/// panels of an accordion or of tabs, collapsed until a reader opens them.
fn toggled_panels(dom: &Dom) -> rustc_hash::FxHashSet<&str> {
    let mut ids = rustc_hash::FxHashSet::default();
    for i in 1..dom.nodes.len() {
        if let Some(v) = dom.attr(i, "aria-controls") {
            ids.extend(v.split_ascii_whitespace());
        }
    }
    ids
}

/// True when node `i` is a panel a control toggles, or a tab's panel:
/// hidden only until opened, it is text of the page like any other.
fn toggled(dom: &Dom, i: usize, panels: &rustc_hash::FxHashSet<&str>) -> bool {
    dom.attr(i, "role").is_some_and(|r| r.trim() == "tabpanel")
        || (!panels.is_empty()
            && dom
                .attr(i, "id")
                .is_some_and(|id| panels.contains(id.trim())))
}

/// Links that title the entries of a listing (a search result, a job
/// ad, a story teaser, a product tile) are what such a page is about, not
/// navigation away from it: the page is made of them. An entry is told
/// from a menu item by its link reading like a name or a title (two
/// words or more, 10 characters or more, where "Home" and "About us" are
/// shorter; a shop names its goods in two words), and a listing from a
/// lone teaser by repetition: at least
/// four siblings with the same tag and class, most of them with such a
/// link. Their text then counts as plain text for link density.
fn unlink_listing_items(dom: &Dom, alive: &[bool], in_link: &mut [bool]) {
    let n = dom.nodes.len();
    // Per link: its non-white-space characters and words; per node, the
    // longest title-like link below it.
    let mut anchor = vec![0u32; n];
    let mut link_chars = vec![0u32; n];
    let mut link_words = vec![0u32; n];
    for i in 1..n {
        let node = &dom.nodes[i];
        let p = node.parent as usize;
        anchor[i] = if node.tag == Tag::A {
            i as u32
        } else {
            anchor[p]
        };
        if node.tag == Tag::Text && alive[i] && anchor[i] != 0 {
            let a = anchor[i] as usize;
            let t = dom.node_text(i);
            link_chars[a] += count_chars(t);
            link_words[a] += t.split_whitespace().count() as u32;
        }
    }
    let mut titled = vec![false; n];
    let mut chars = vec![0u32; n];
    for i in (1..n).rev() {
        if !alive[i] {
            continue;
        }
        let p = dom.nodes[i].parent as usize;
        if dom.nodes[i].tag == Tag::Text {
            chars[i] = count_chars(dom.node_text(i));
        }
        chars[p] += chars[i];
        if dom.nodes[i].tag == Tag::A && link_chars[i] >= 10 && link_words[i] >= 2 {
            titled[i] = true;
        }
        if titled[i] {
            titled[p] = true;
        }
    }
    // A listing is the page's content only when it is a fair part of the
    // page: a strip of three headlines is not. The share is small because
    // the page's text here still counts its menus, footers and hidden
    // drawers, which on a shop's shelf outweigh the shelf many times; the
    // link density and the second reading's gain judge the rest.
    let min_chars = chars[0] / 16;
    // Siblings grouped by parent and signature; a parent's children are
    // contiguous in a walk that skips each child's subtree.
    let mut groups: rustc_hash::FxHashMap<(Tag, &str), (u32, u32, u32)> = Default::default();
    let mut marked: Vec<usize> = Vec::new();
    for p in 0..n {
        if !alive[p] || dom.nodes[p].tag == Tag::Text {
            continue;
        }
        let end = dom.nodes[p].end as usize;
        let mut j = p + 1;
        let mut children = 0u32;
        groups.clear();
        while j < end {
            let next = (dom.nodes[j].end as usize).max(j + 1);
            if alive[j] && dom.nodes[j].tag != Tag::Text {
                children += 1;
                let class = dom.attr(j, "class").unwrap_or("").trim();
                let g = groups.entry((dom.nodes[j].tag, class)).or_insert((0, 0, 0));
                g.0 += 1;
                if titled[j] {
                    g.1 += 1;
                    g.2 += chars[j];
                }
            }
            j = next;
            // Wide parents are rare; cap the walk all the same.
            if children > 10_000 {
                break;
            }
        }
        if children < 4 {
            continue;
        }
        let listing: Vec<(Tag, &str)> = groups
            .iter()
            .filter(|(_, &(all, with_title, size))| {
                with_title >= 4 && with_title * 10 >= all * 6 && size >= min_chars
            })
            .map(|(&k, _)| k)
            .collect();
        if listing.is_empty() {
            continue;
        }
        let mut j = p + 1;
        while j < end {
            let next = (dom.nodes[j].end as usize).max(j + 1);
            if alive[j] && titled[j] && dom.nodes[j].tag != Tag::Text {
                let class = dom.attr(j, "class").unwrap_or("").trim();
                if listing.contains(&(dom.nodes[j].tag, class)) {
                    marked.push(j);
                }
            }
            j = next;
        }
    }
    // Entries of nested listings overlap: each node is cleared once.
    marked.sort_unstable();
    let mut done = 0usize;
    for m in marked {
        let end = dom.nodes[m].end as usize;
        for flag in in_link.iter_mut().take(end).skip(m.max(done)) {
            *flag = false;
        }
        done = done.max(end);
    }
}

/// The page's content region: the publisher's `main` landmark holding the
/// chosen text, else the body. When the chosen containers hold only a
/// small share of the region's link-poor text, the page's content is made
/// of many short sections (a service page's feature blurbs, a listing's
/// entries) and no single one of them is "the article": the whole region
/// is, minus what cleaning and block filtering drop.
fn widen_to_region(
    dom: &Dom,
    alive: &[bool],
    stats: &Stats,
    container: &[usize],
    article: bool,
) -> Option<usize> {
    let first = *container.first()?;
    let last = *container.last()?;
    let end = dom.nodes.get(last)?.end as usize;
    let encloses = |r: usize| r < first && dom.nodes[r].end as usize >= end;
    let landmark = (1..first).find(|&i| {
        alive[i]
            && encloses(i)
            && (dom.nodes[i].tag == Tag::Main
                || dom.attr(i, "role").is_some_and(|r| r.trim() == "main"))
    });
    let region = match landmark {
        Some(m) => m,
        None => (1..first).find(|&i| dom.nodes[i].tag == Tag::Body && alive[i] && encloses(i))?,
    };
    let plain = |i: usize| stats.chars[i].saturating_sub(stats.link_chars[i]);
    let chosen: u32 = container.iter().map(|&c| plain(c)).sum();
    // A page that calls itself an article is one story: related teasers
    // and comments around it in `main` are not its text, so only a tiny
    // share (a misplaced pick) widens. A landmark is the publisher's own
    // bound of the content and may be taken more readily than the body.
    let frac = if article {
        0.2
    } else if landmark.is_some() {
        0.6
    } else {
        0.45
    };
    ((chosen as f32) < plain(region) as f32 * frac).then_some(region)
}

/// Boilerplate class words that, on this page, mark the text itself: the
/// subtrees dropped by such a word alone together hold a good share of
/// the page's paragraph text as running prose (under a fifth of it in
/// links, as prose with inline links has), in several
/// boxes (one box of prose in a sidebar is still a sidebar). A page builder
/// may put "widget" on every box of a story, a template "contextmenu" on
/// every paragraph; a menu or a sidebar is not several paragraphs of
/// sentences. Strong words (comments, related stories) never qualify: a
/// long thread of comments is prose too.
fn page_wide_words(
    dom: &Dom,
    alive: &[bool],
    stats: &Stats,
    word_drop: &[bool],
    best: usize,
) -> rustc_hash::FxHashSet<String> {
    let total_para = stats.para_chars[0].max(1);
    // No word can hold more than all word drops together: most pages stop
    // here, before reading any class.
    let mut dropped = 0u32;
    let mut i = 1;
    while i < dom.nodes.len() {
        if alive[i] && word_drop[i] {
            dropped += stats.para_chars[i];
            i = (dom.nodes[i].end as usize).max(i + 1);
        } else {
            i += 1;
        }
    }
    if dropped * 10 < total_para * 3 {
        return Default::default();
    }
    // Sentence ends are counted only on pages where some word passes
    // the other tests: most pages have none, and the count reads all text.
    let wide = gather_words(dom, alive, stats, word_drop, best, total_para, None);
    if wide.is_empty() {
        return wide;
    }
    let stops = sentence_stops(dom, alive);
    gather_words(dom, alive, stats, word_drop, best, total_para, Some(&stops))
}

/// The pass of [`page_wide_words`]: with `stops`, the words that pass
/// every test; without, those that pass all but the count of sentences.
fn gather_words(
    dom: &Dom,
    alive: &[bool],
    stats: &Stats,
    word_drop: &[bool],
    best: usize,
    total_para: u32,
    stops: Option<&[u32]>,
) -> rustc_hash::FxHashSet<String> {
    // Per word: paragraph characters, characters, link characters,
    // sentence ends and number of the outermost subtrees it drops, whether
    // one holds the strongest region, and where the last of them ends (a
    // nested drop by the same word is inside it).
    let mut acc: rustc_hash::FxHashMap<String, ([u32; 6], usize)> = Default::default();
    for i in 1..dom.nodes.len() {
        if !(alive[i] && word_drop[i]) {
            continue;
        }
        let ci = class_id(dom, i);
        for t in ci.split_ascii_whitespace() {
            if STRONG_BOILERPLATE.is_match(t) {
                continue;
            }
            let Some(w) = boilerplate_word(t) else {
                continue;
            };
            // Counted as the whole token and, marked by a leading '=', as
            // its word; except words of visibility ("quick-add-hidden",
            // "no-js-hidden"): they say how a box shows, not what it is.
            let visibility = matches!(w, "hidden" | "hide") || w.contains("only");
            let word = (!visibility).then(|| format!("={w}"));
            for key in std::iter::once(t.to_string()).chain(word) {
                let (a, covered) = acc.entry(key).or_default();
                if i < *covered {
                    continue;
                }
                *covered = dom.nodes[i].end as usize;
                a[0] += stats.para_chars[i];
                a[1] += stats.chars[i];
                a[2] += stats.link_chars[i];
                a[3] += stops.and_then(|s| s.get(i)).copied().unwrap_or(0);
                a[4] += 1;
                a[5] |= u32::from(i <= best && best < dom.nodes[i].end as usize);
            }
        }
    }
    acc.into_iter()
        .filter(
            |(key, ([para, chars, links, stops_in, boxes, holds_best], _))| {
                // A word gathers the variants of many boxes (a builder's
                // "widget", "widget-wrap", "widget__width-initial"): it must
                // hold half the text even where it holds the strongest region.
                let share = if *holds_best == 1 && !key.starts_with('=') {
                    3
                } else {
                    5
                };
                *boxes >= 3
                    && *para * 10 >= total_para * share
                    && *links * 5 < *chars
                    && *para * 10 >= *chars * 7
                    && (stops.is_none() || *stops_in * 200 >= *chars)
            },
        )
        .map(|(t, _)| t)
        .collect()
}

/// True when every boilerplate word of a class is one of the page's
/// `wide` words (see [`page_wide_words`]), and there is one.
fn only_page_wide(ci: &str, wide: &rustc_hash::FxHashSet<String>) -> bool {
    if wide.is_empty() {
        return false;
    }
    let mut words = ci
        .split_ascii_whitespace()
        .filter_map(|t| Some((t, boilerplate_word(t)?)))
        .peekable();
    words.peek().is_some()
        && words.all(|(t, w)| wide.contains(t) || wide.contains(&format!("={w}")))
}

/// The boilerplate word in one class token ("widget" in
/// "elementor-widget__width-initial"): the variants a builder derives
/// from one word count as that word.
fn boilerplate_word(token: &str) -> Option<&str> {
    let m = BOILERPLATE.find(token)?;
    Some(
        m.as_str()
            .trim_matches(|c: char| c.is_whitespace() || c == '_' || c == '-'),
    )
}

/// True when node `i`, with microdata property `itemprop`, holds a value
/// for machines rather than text for readers (see its use in
/// [`extract_with`]).
fn machine_value(dom: &Dom, i: usize, itemprop: &str) -> bool {
    let machine = itemprop.split_ascii_whitespace().any(|p| {
        matches!(
            p,
            "url"
                | "width"
                | "height"
                | "datePublished"
                | "dateCreated"
                | "dateModified"
                | "mainEntityOfPage"
                | "logo"
                | "thumbnailUrl"
                | "contentUrl"
                | "embedUrl"
                | "uploadDate"
        )
    });
    if !machine || dom.nodes[i].tag == Tag::A {
        return false;
    }
    let text = dom.text_of(i);
    let text = text.trim();
    !text.is_empty() && !text.contains(char::is_whitespace)
}

/// Sentence ends in the live text under every node, in one pass over the
/// node array (nested boxes would otherwise be walked once per level).
fn sentence_stops(dom: &Dom, alive: &[bool]) -> Vec<u32> {
    let n = dom.nodes.len();
    let mut stops = vec![0u32; n];
    for i in (1..n).rev() {
        if !alive[i] {
            continue;
        }
        if dom.nodes[i].tag == Tag::Text {
            let t = dom.node_text(i).as_bytes();
            stops[i] += t
                .windows(2)
                .filter(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1].is_ascii_whitespace())
                .count() as u32;
            if t.last().is_some_and(|c| matches!(c, b'.' | b'!' | b'?')) {
                stops[i] += 1;
            }
        }
        let p = dom.nodes[i].parent as usize;
        stops[p] += stops[i];
    }
    stops
}

/// A long, dense, link-poor block of prose: what a class word alone
/// ("widget", "hidden", "promo") must not drop, since page builders put
/// such words on the wrappers of the main text. Prose is told from forms
/// and tables of labels by its sentence ends.
fn dense_prose(dom: &Dom, alive: &[bool], stats: &Stats, i: usize) -> bool {
    let (chars, para, links) = (stats.chars[i], stats.para_chars[i], stats.link_chars[i]);
    if para < 500 || links * 7 >= chars || para * 10 < chars * 7 {
        return false;
    }
    let end = dom.nodes[i].end as usize;
    let mut stops = 0u32;
    for (j, node) in dom.nodes.iter().enumerate().take(end).skip(i) {
        match node.tag {
            Tag::Form | Tag::Input | Tag::Select | Tag::Textarea => return false,
            Tag::Text if alive[j] => {
                let t = dom.node_text(j).as_bytes();
                stops += t
                    .windows(2)
                    .filter(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1].is_ascii_whitespace())
                    .count() as u32;
                if t.last().is_some_and(|c| matches!(c, b'.' | b'!' | b'?')) {
                    stops += 1;
                }
            }
            _ => {}
        }
    }
    // About one sentence per 200 characters of running text.
    stops * 200 >= chars
}

fn word_set(s: &str) -> rustc_hash::FxHashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

fn tag_weight(tag: Tag) -> f32 {
    use Tag::*;
    match tag {
        Div | Article | Main | Section => 5.0,
        Pre | Td | Blockquote => 3.0,
        Address | Ol | Ul | Dl | Dd | Dt | Li | Form => -3.0,
        H1 | H2 | H3 | H4 | H5 | H6 | Th => -5.0,
        _ => 0.0,
    }
}

fn class_weight(dom: &Dom, i: usize) -> f32 {
    let ci = class_id(dom, i);
    let mut w = 0.0;
    if dom
        .attr(i, "itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        w += 50.0;
    }
    if NEGATIVE.is_match(&ci) {
        w -= 25.0;
    }
    if POSITIVE.is_match(&ci) {
        w += 25.0;
    }
    if ARTICLE_BODY.is_match(&ci) {
        w += 25.0;
    }
    w
}

/// Candidate scores: `final_score` is the content score with tag/class
/// weights and link density applied (0 for nodes that got none).
struct Scores {
    final_score: Vec<f32>,
    best: usize,
    best_score: f32,
    /// Per subtree, words in JSON-LD `articleBody` and all words; empty
    /// without a hint.
    cover: Vec<(u32, u32)>,
}

impl Scores {
    /// False when the page has an `articleBody` and the subtree's words
    /// are mostly not in it.
    fn agrees_with_hint(&self, i: usize) -> bool {
        match self.cover.get(i) {
            Some(&(hits, words)) if words >= 10 => hits * 2 >= words,
            _ => true,
        }
    }

    /// Like [`Scores::agrees_with_hint`], for what `outer` adds to `inner`.
    fn extra_agrees(&self, outer: usize, inner: usize) -> bool {
        match (self.cover.get(outer), self.cover.get(inner)) {
            (Some(&(ho, wo)), Some(&(hi, wi))) => {
                let (h, w) = (ho.saturating_sub(hi), wo.saturating_sub(wi));
                w < 10 || h * 2 >= w
            }
            _ => true,
        }
    }
}

/// Scores every candidate container, after readability.
fn score_candidates(
    dom: &Dom,
    alive: &[bool],
    stats: &Stats,
    owner: &[u32],
    hint: Option<&rustc_hash::FxHashSet<String>>,
) -> Scores {
    let n = dom.nodes.len();
    let mut own_chars = vec![0u32; n];
    let mut commas = vec![0u32; n];
    let mut hint_hits = vec![0u32; n];
    let mut own_words = vec![0u32; n];
    for i in 1..n {
        if alive[i] && dom.nodes[i].tag == Tag::Text {
            let t = dom.node_text(i);
            let o = owner[i] as usize;
            own_chars[o] += count_chars(t);
            commas[o] += t
                .chars()
                .filter(|c| matches!(c, ',' | '،' | '、' | '，' | '؛'))
                .count() as u32;
            if let Some(h) = hint {
                for w in t
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                {
                    own_words[o] += 1;
                    if h.contains(&w.to_lowercase()) {
                        hint_hits[o] += 1;
                    }
                }
            }
        }
    }
    let mut score = vec![f32::NAN; n];
    let init = |i: usize, score: &mut Vec<f32>| {
        if score[i].is_nan() {
            score[i] = 0.0;
        }
    };
    for i in 1..n {
        if !alive[i] || own_chars[i] < 25 {
            continue;
        }
        let tag = dom.nodes[i].tag;
        if matches!(tag, Tag::Text) {
            continue;
        }
        let len = own_chars[i] as f32;
        let mut s = 1.0 + commas[i] as f32 + (len / 100.0).floor().min(3.0);
        if hint.is_some() && own_words[i] > 0 {
            let cover = hint_hits[i] as f32 / own_words[i] as f32;
            // Blocks whose words are all in articleBody weigh more; blocks
            // foreign to it weigh less.
            s *= 0.5 + cover * cover * 1.5;
        }
        // Text directly in a container counts as a paragraph of that
        // container (readability wraps such text in `p` first).
        let mut anc = if matches!(
            tag,
            Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Other
                | Tag::Td
                | Tag::Body
                | Tag::Center
                | Tag::Form
        ) {
            i
        } else {
            dom.nodes[i].parent as usize
        };
        for level in 0..3 {
            if anc == 0 {
                break;
            }
            init(anc, &mut score);
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                _ => 6.0,
            };
            score[anc] += s / div;
            // An `article` is a self-contained post: its text does not
            // make its container (a list of posts) a candidate.
            if dom.nodes[anc].tag == Tag::Article {
                break;
            }
            anc = dom.nodes[anc].parent as usize;
        }
    }
    // Containers close above the headline hold the story it heads: a
    // tie-breaker between the article and look-alike teaser posts.
    let mut near_headline = [0usize; 4];
    if let Some(h) =
        (1..n).find(|&i| alive[i] && dom.nodes[i].tag == Tag::H1 && stats.chars[i] >= 10)
    {
        let mut a = dom.nodes[h].parent as usize;
        for slot in near_headline.iter_mut() {
            if a == 0 {
                break;
            }
            *slot = a;
            a = dom.nodes[a].parent as usize;
        }
    }
    let mut best = 0usize;
    let mut best_score = f32::MIN;
    let mut final_score = vec![0f32; n];
    for i in 1..n {
        if score[i].is_nan() || !alive[i] {
            continue;
        }
        let ld = stats.link_chars[i] as f32 / stats.chars[i].max(1) as f32;
        // Tag and class weights tilt the content score but cannot make a
        // candidate out of little text: at most they double it.
        let c = score[i];
        let w = (tag_weight(dom.nodes[i].tag) + class_weight(dom, i)).clamp(-c * 0.5, c);
        let mut f = (c + w) * (1.0 - ld);
        if near_headline.contains(&i) && stats.para_chars[i] >= 400 {
            f *= 1.5;
        }
        final_score[i] = f;
        if f > best_score {
            best_score = f;
            best = i;
        }
    }
    let mut cover = Vec::new();
    if hint.is_some() {
        cover = hint_hits.into_iter().zip(own_words).collect::<Vec<_>>();
        for i in (1..n).rev() {
            if alive[i] {
                let p = dom.nodes[i].parent as usize;
                let (h, w) = cover[i];
                cover[p].0 += h;
                cover[p].1 += w;
            }
        }
    }
    Scores {
        final_score,
        best,
        best_score,
        cover,
    }
}

/// The signature of a node for finding the other parts of a split
/// article body: its tag and class attribute.
fn signature(dom: &Dom, i: usize) -> Option<(Tag, &str)> {
    let class = dom.attr(i, "class")?.trim();
    (!class.is_empty()).then_some((dom.nodes[i].tag, class))
}

/// Picks the containers holding the article, in document order.
fn choose_container(dom: &Dom, alive: &[bool], stats: &Stats, sc: &Scores) -> Vec<usize> {
    let n = dom.nodes.len();
    let (final_score, best, best_score) = (&sc.final_score, sc.best, sc.best_score);
    if best == 0 {
        return vec![0];
    }
    // Climb while the parent holds clearly more paragraph text with a
    // comparable score: the scored node was one section of the article.
    let mut top = best;
    loop {
        let p = dom.nodes[top].parent as usize;
        if p == 0 || !alive[p] {
            break;
        }
        let gain = stats.para_chars[p] as f32 / stats.para_chars[top].max(1) as f32;
        let ld = stats.link_chars[p] as f32 / stats.chars[p].max(1) as f32;
        if gain > 1.25 && ld < 0.3 && final_score[p] >= best_score * 0.33 && sc.extra_agrees(p, top)
        {
            top = p;
        } else if stats.para_chars[p] == stats.para_chars[top]
            && matches!(dom.nodes[top].tag, Tag::Div | Tag::Section | Tag::Other)
        {
            // Single-child wrappers: same text, and the wrapper may carry
            // the caption or subhead siblings that the child lacks.
            if stats.chars[p] * 2 > stats.chars[top] * 3 {
                break;
            }
            top = p;
        } else {
            break;
        }
    }
    // Content in several sections (service pages, job lists, a guide's
    // chapters): wrappers that add much more paragraph text with few
    // links are the page's content, even when no single section scored.
    loop {
        let p = dom.nodes[top].parent as usize;
        if p == 0 || !alive[p] || matches!(dom.nodes[p].tag, Tag::Body | Tag::Html) {
            break;
        }
        let added = stats.chars[p].saturating_sub(stats.chars[top]);
        let added_links = stats.link_chars[p].saturating_sub(stats.link_chars[top]);
        let added_para = stats.para_chars[p].saturating_sub(stats.para_chars[top]);
        // A wrapper that adds nothing is climbed through too. An
        // `article` is self-contained: what its wrapper adds is other posts.
        let more_content = dom.nodes[top].tag != Tag::Article
            && added_para * 10 >= stats.para_chars[top]
            && added_links * 3 < added
            && added_para * 10 >= added * 3
            && sc.extra_agrees(p, top);
        if more_content || added == 0 {
            top = p;
        } else {
            break;
        }
    }
    // A container the publisher marked as the article body, a few levels
    // up, is the whole body; the scored node was one of its sections.
    let mut a = dom.nodes[top].parent as usize;
    for _ in 0..6 {
        if a == 0 || !alive[a] {
            break;
        }
        let marked = dom
            .attr(a, "itemprop")
            .is_some_and(|p| p.contains("articleBody"));
        let ld = stats.link_chars[a] as f32 / stats.chars[a].max(1) as f32;
        if marked && ld < 0.35 && sc.extra_agrees(a, top) {
            top = a;
            break;
        }
        a = dom.nodes[a].parent as usize;
    }
    // Sibling merging, after readability.
    let parent = dom.nodes[top].parent as usize;
    let threshold = (best_score * 0.2).max(10.0);
    let mut out = Vec::new();
    let end = dom.nodes[parent].end as usize;
    let mut j = parent + 1;
    while j < end {
        let node = &dom.nodes[j];
        let next = node.end as usize;
        if j == top {
            out.push(j);
        } else if alive[j]
            && node.tag != Tag::Text
            && node.tag != Tag::Article
            && dom.nodes[top].tag != Tag::Article
        {
            // A sibling `article` is another self-contained post (a blog
            // index, "more stories"), never the rest of this one; and an
            // `article` is whole, so what sits beside it is something else.
            let ld = stats.link_chars[j] as f32 / stats.chars[j].max(1) as f32;
            let keep = if !final_score[j].is_nan() && final_score[j] >= threshold && ld < 0.3 {
                true
            } else if matches!(node.tag, Tag::P) {
                let len = stats.chars[j];
                (len > 80 && ld < 0.25)
                    || (len > 0 && ld == 0.0 && {
                        let t = dom.text_of(j);
                        t.contains(". ") || t.contains('。')
                    })
            } else {
                false
            };
            if keep && sc.agrees_with_hint(j) {
                out.push(j);
            }
        }
        j = next.max(j + 1);
    }
    // Articles split into several same-class sections by ads or embeds:
    // collect the other sections that score well too.
    let sigs: Vec<_> = [best, top]
        .iter()
        .filter_map(|&i| signature(dom, i))
        .collect();
    if !sigs.is_empty() {
        // `out` holds disjoint subtrees in document order: one cursor
        // skips them in a single pass.
        let chosen = out.clone();
        let mut k = 0;
        let mut j = 1;
        while j < n {
            while k < chosen.len() && (dom.nodes[chosen[k]].end as usize) <= j {
                k += 1;
            }
            if let Some(&o) = chosen.get(k) {
                if o <= j {
                    j = (dom.nodes[o].end as usize).max(j + 1);
                    continue;
                }
            }
            if !alive[j] {
                j = (dom.nodes[j].end as usize).max(j + 1);
                continue;
            }
            let same = signature(dom, j).is_some_and(|s| sigs.contains(&s));
            let ld = stats.link_chars[j] as f32 / stats.chars[j].max(1) as f32;
            if same
                && final_score[j] >= best_score * 0.2
                && ld < 0.4
                && stats.para_chars[j] > 0
                && sc.agrees_with_hint(j)
            {
                out.push(j);
                j = (dom.nodes[j].end as usize).max(j + 1);
                continue;
            }
            j += 1;
        }
        out.sort_unstable();
    }
    out
}

/// Walks the subtree of `root`, collecting text blocks.
fn emit(
    dom: &Dom,
    root: usize,
    alive: &[bool],
    in_link: &[bool],
    chars: &[u32],
    out: &mut Vec<OutBlock>,
) {
    struct Open {
        node: usize,
        end: usize,
        tag: Tag,
        caption: bool,
        quote_fig: bool,
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut buf = String::new();
    let mut link = 0usize;
    let mut total = 0usize;
    let mut caption_depth = 0usize;
    let end = dom.nodes.get(root).map_or(root, |n| n.end as usize);
    let mut i = root;
    let flush = |buf: &mut String,
                 link: &mut usize,
                 total: &mut usize,
                 stack: &[Open],
                 caption_depth: usize,
                 at: usize,
                 out: &mut Vec<OutBlock>| {
        let text = buf.trim();
        if !text.is_empty() {
            let mut blocks = stack.iter().rev().filter(|o| is_block(o.tag));
            let own = blocks.next();
            let heading = own.map(|o| o.tag);
            // A box that holds only the heading and perhaps a short line
            // ("View all") is a title bar, not the box yet: the one
            // around it holds the list.
            let own_chars = own.map_or(0, |o| chars.get(o.node).copied().unwrap_or(0));
            let box_end = blocks
                .find(|o| chars.get(o.node).copied().unwrap_or(0) > own_chars + 30)
                .map_or(u32::MAX, |o| o.end as u32);
            let list_item = stack.iter().any(|o| o.tag == Tag::Li);
            let quoted = stack.iter().any(|o| o.tag == Tag::Blockquote);
            let kind = if caption_depth > 0 {
                BlockKind::Caption
            } else {
                match heading {
                    Some(t) if t.is_heading() => BlockKind::Subhead,
                    _ => BlockKind::Paragraph,
                }
            };
            let heading_tag = heading.unwrap_or(Tag::Other);
            // Link lists go; prose with many inline links stays. A heading
            // that is a link is the title of an entry (a listing's item,
            // a guide's chapter) and stays with the entry's text.
            let ratio = *link as f32 / (*total).max(1) as f32;
            let prose = text.contains(". ") || text.ends_with(['.', '!', '?', '。']);
            let dense = ratio > 0.75 || (ratio > 0.5 && !prose);
            let keep = !(dense && kind == BlockKind::Paragraph) && heading_tag != Tag::H1;
            if keep {
                out.push(OutBlock {
                    kind,
                    text: text.to_string(),
                    list_item,
                    quoted,
                    at: at as u32,
                    box_end,
                });
            }
        }
        buf.clear();
        *link = 0;
        *total = 0;
    };
    while i < end {
        while let Some(top) = stack.last() {
            if top.end > i {
                break;
            }
            // Flush before popping, so the block is typed by its own tag.
            if is_block(top.tag) {
                flush(
                    &mut buf,
                    &mut link,
                    &mut total,
                    &stack,
                    caption_depth,
                    i,
                    out,
                );
            }
            if let Some(c) = stack.pop() {
                if c.caption {
                    caption_depth = caption_depth.saturating_sub(1);
                }
            }
        }
        let node = &dom.nodes[i];
        if !alive[i] {
            i = (node.end as usize).max(i + 1);
            continue;
        }
        match node.tag {
            Tag::Text => {
                let t = dom.node_text(i);
                let c = count_chars(t);
                total += c as usize;
                if in_link[i] {
                    link += c as usize;
                }
                push_collapsed(&mut buf, t);
            }
            Tag::Br => buf.push('\n'),
            Tag::Img => {}
            tag => {
                if is_block(tag) {
                    flush(
                        &mut buf,
                        &mut link,
                        &mut total,
                        &stack,
                        caption_depth,
                        i,
                        out,
                    );
                }
                // Size-guarded: a wrapper that happens to be called
                // "caption-wrap" around the whole story is not a caption.
                let size = chars.get(i).copied().unwrap_or(0);
                // A "caption" box holding a heading is the text of a card
                // (a product tile's name, maker and price), not a line
                // under a picture.
                // A figure that holds a quotation (a testimonial, a pull
                // quote) is that quote and its attribution, not a picture.
                let quote_figure = || {
                    (i..(node.end as usize).min(dom.nodes.len()))
                        .any(|j| dom.nodes[j].tag == Tag::Blockquote)
                };
                let quote_fig = tag == Tag::Figure && quote_figure();
                let in_quote_figure = stack.iter().any(|o| o.quote_fig);
                let caption = (tag == Tag::Figcaption && size < 1500 && !in_quote_figure)
                    || (tag == Tag::Figure && size < 1500 && !quote_fig)
                    || (size < 500
                        && CAPTION.is_match(&class_id(dom, i))
                        && !(i..(node.end as usize).min(dom.nodes.len()))
                            .any(|j| dom.nodes[j].tag.is_heading()));
                if caption {
                    caption_depth += 1;
                }
                stack.push(Open {
                    node: i,
                    end: node.end as usize,
                    tag,
                    caption,
                    quote_fig,
                });
            }
        }
        i += 1;
    }
    flush(
        &mut buf,
        &mut link,
        &mut total,
        &stack,
        caption_depth,
        i,
        out,
    );
}

fn push_collapsed(buf: &mut String, t: &str) {
    let mut ws = buf.ends_with(|c: char| c.is_whitespace()) || buf.is_empty();
    for c in t.chars() {
        if c.is_whitespace() {
            if !ws {
                buf.push(' ');
                ws = true;
            }
        } else {
            buf.push(c);
            ws = false;
        }
    }
}

/// Credits at the end of a caption-like line: "(Image: GETTY)".
static CREDIT_TAIL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)[(\[](?:image|photo|picture|pic|foto|fotos|credit|crédit|bild|imagen|imagem|source)s?(?:\s+credit)?\s*:[^)\]]{1,80}[)\]]$")
        .expect("static regex")
});

/// Author contact lines: "Email Jane at jane@x.com or follow her @jane".
/// Sentences that merely mention a handle ("shared on the Senate's
/// Twitter handle, @NGRSenate") are not contact lines.
static CONTACT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)\b(?:follow (?:him|her|me|us|them|the|our)|our e-?mail|e-?mail us|(?:e-?mail|reach|contact|write to) (?:him|her|me|us|them|the (?:author|writer|reporter))|(?:may|can) be (?:reached|contacted)|have a tip)\b",
    )
    .expect("static regex")
});

fn is_contact_line(t: &str) -> bool {
    t.chars().count() < 300 && t.contains('@') && CONTACT.is_match(t)
}

/// Drops furniture lines and link lists left in the container, and types
/// stray credit lines as captions.
fn filter_blocks(blocks: Vec<OutBlock>) -> Vec<OutBlock> {
    let mut out: Vec<OutBlock> = Vec::with_capacity(blocks.len());
    let mut skipping_list = false;
    let mut box_end = u32::MAX;
    for mut b in blocks {
        let t = b.text.trim();
        let short = t.chars().count() < 120;
        if short && POINTER_HEADING.is_match(t) {
            skipping_list = true;
            box_end = b.box_end;
            continue;
        }
        // The box under a pointer heading: its list and its link lines.
        // Sentences end the box: stories written one sentence per
        // paragraph go on right after an inline "READ MORE". So does the
        // end of the heading's own box, when it sits in one: a list
        // item of a listicle may close with "You might like" teasers,
        // and the next items are the story again.
        if skipping_list && b.at > box_end {
            skipping_list = false;
        }
        if skipping_list {
            let link_line = b.kind == BlockKind::Paragraph
                && short
                && !t.ends_with(['.', '!', '?', '"', '”', '。']);
            if b.list_item || link_line {
                continue;
            }
            skipping_list = false;
        }
        if b.kind == BlockKind::Paragraph && t.chars().count() < 800 && LEGAL.is_match(t) {
            continue;
        }
        if short && FURNITURE.is_match(t) {
            continue;
        }
        if b.kind == BlockKind::Paragraph && is_contact_line(t) {
            continue;
        }
        if b.kind == BlockKind::Paragraph && t.chars().count() < 300 && CREDIT_TAIL.is_match(t) {
            b.kind = BlockKind::Caption;
        }
        out.push(b);
    }
    // A subhead with nothing after it is the title of a trailing box.
    while out.last().is_some_and(|b| b.kind == BlockKind::Subhead) {
        out.pop();
    }
    out
}
