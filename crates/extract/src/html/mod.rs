//! Main-content extraction from HTML pages, and the page's metadata.
//!
//! [`extract_html`] parses the page with a light arena parser
//! ([`dom`]), reads the metadata ([`pagemeta`]: title, byline, date,
//! outlet, canonical URL, standfirst, JSON-LD `articleBody`), finds the
//! main text ([`content`]) and builds the [`Article`]: title and
//! standfirst blocks first, then the body's subheads, paragraphs and
//! captions in reading order.

mod content;
mod dom;
mod lexicon;
mod pagemeta;

use crosswire_model::{Article, ArticleBuilder, BlockKind};
use once_cell::sync::Lazy;
use regex::Regex;

/// Extracts the main article of an HTML page.
///
/// `url` is where the page was found, when known; the page's canonical
/// URL, if it declares one, takes precedence in [`Article::url`].
pub fn extract_html(page: &str, source: &str, url: Option<&str>) -> Article {
    let dom = dom::Dom::parse(page);
    let meta = pagemeta::read(&dom, url);
    let mut body = content::extract(&dom, meta.article_body.as_deref(), meta.declares_article);
    // Pages that render with scripts may carry their whole text in
    // `<noscript>` (forum software, some blogs): when the visible body is
    // tiny, read the page again with those elements shown.
    let body_words = |body: &[content::OutBlock]| -> usize {
        body.iter()
            .filter(|b| b.kind.is_body())
            .map(|b| b.text.split_whitespace().count())
            .sum()
    };
    if body_words(&body) < 50 && NOSCRIPT_TAG.is_match(page) {
        let shown = NOSCRIPT_TAG.replace_all(page, "<${1}div");
        let dom = dom::Dom::parse(&shown);
        let again = content::extract(&dom, meta.article_body.as_deref(), meta.declares_article);
        if body_words(&again) > body_words(&body) * 2 {
            body = again;
        }
    }
    // Class words are guesses: when they removed all the text (a forum
    // thread is all "comments"), judge the blocks without them. A page
    // that is not one story and kept little may have lost its replies or
    // sections to them too: without them it must find far more.
    let short = body_words(&body);
    if short < 50 || (!meta.declares_article && short < 250) {
        let again = content::extract_with(
            &dom,
            meta.article_body.as_deref(),
            meta.declares_article,
            true,
            false,
        );
        let need = if short < 50 { short * 2 } else { short * 3 };
        if body_words(&again) >= 50 && body_words(&again) > need {
            body = again;
        }
    }
    // A page that is not one story and yields little text may be a
    // listing whose entries are all links (search results, job boards,
    // topic pages): read their title links as text and keep that reading
    // when it finds clearly more. So may one whose text is all short
    // lines (an entry's rank, price or byline without its title): prose
    // runs to far more words a block.
    let body_blocks = body.iter().filter(|b| b.kind.is_body()).count();
    let short_lines = body_words(&body) <= body_blocks * 10;
    if !meta.declares_article && (body_words(&body) < 250 || short_lines) {
        let again = content::extract_with(
            &dom,
            meta.article_body.as_deref(),
            meta.declares_article,
            false,
            true,
        );
        if body_words(&again) * 10 > body_words(&body) * 13 {
            body = again;
        }
    }
    if let Some(ld_body) = meta.article_body.as_deref() {
        // Pages that render their text with scripts still carry it in
        // JSON-LD: when the DOM gave much less, the JSON-LD text is the body.
        let words = |t: &str| t.split_whitespace().count();
        let dom_words: usize = body
            .iter()
            .filter(|b| b.kind.is_body())
            .map(|b| words(&b.text))
            .sum();
        let ld_words = words(ld_body);
        if ld_words >= 50 && dom_words * 10 < ld_words * 3 {
            body = ld_body
                .split('\n')
                .filter(|p| !p.trim().is_empty())
                .map(|p| content::OutBlock {
                    kind: BlockKind::Paragraph,
                    text: p.to_string(),
                    list_item: false,
                    quoted: false,
                    at: 0,
                    box_end: u32::MAX,
                })
                .collect();
        }
    }
    let mut b = ArticleBuilder::new(source);
    b.url = meta.canonical.clone().or_else(|| url.map(str::to_string));
    b.outlet = meta.outlet.clone();
    b.byline = meta.byline.clone();
    b.published = meta.published.clone();
    if let Some(t) = &meta.title {
        b.push_block(BlockKind::Title, t);
    }
    let title_norm = meta.title.as_deref().map(norm_key);
    // `standfirst` points at the lead wherever it is in the text. A deck
    // beside the headline that the content also holds is typed as the
    // standfirst and kept out of the body: benchmarks of article bodies
    // leave decks out more often than in (AEB precision fell when it
    // stayed). The paragraph a page's description repeats is the lead
    // and stays body text; a summary the content does not hold is a
    // standfirst block of its own.
    let mut lead = None;
    if let Some(d) = &meta.standfirst {
        let key = norm_key(d.trim_end_matches(['.', '…', ' ']));
        let repeated = body.iter().take(4).position(|x| {
            let t = norm_key(&x.text);
            t.contains(&key) && t.len() <= key.len() + key.len() / 5 + 8
        });
        match repeated {
            Some(i) if !meta.deck_element => lead = Some(i),
            _ => {
                if let Some(i) = repeated {
                    body.remove(i);
                }
                b.push_block(BlockKind::Standfirst, d);
                b.mark_standfirst();
            }
        }
    }
    for (i, blk) in body.iter().enumerate() {
        // A story's byline and dateline head it; further down, a line
        // opening with "By" or a date is an entry's author or a post's
        // date, part of the text.
        let header = i < HEADER_BLOCKS && is_header_line(&blk.text);
        if title_norm.as_deref() == Some(&norm_key(&blk.text)) || header {
            continue;
        }
        let pushed = b.blocks().len();
        b.push_block(blk.kind, &blk.text);
        if lead == Some(i) && b.blocks().len() > pushed {
            b.mark_standfirst();
        }
    }
    let mut article = b.finish();
    // The text's own language beats the declared one: templates often
    // keep `lang="en"` on pages written in other languages.
    // A sample is enough, and whatlang's cost grows with the text.
    let body = article.body_text();
    let sample = match body.char_indices().nth(500) {
        Some((i, _)) => &body[..i],
        None => &body,
    };
    article.language = crate::lang::detect(sample).or(meta.language);
    article
}

/// Blocks at the top of the content where its header lines may sit.
const HEADER_BLOCKS: usize = 12;

/// A `<noscript>` start or end tag.
static NOSCRIPT_TAG: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?i)<(/?)noscript\b").expect("static regex"));

/// Byline and date lines of the article header that sit inside the
/// content container ("Posted by Jane Doe on March 26, 2025").
fn is_header_line(text: &str) -> bool {
    static BYLINE_LINE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(
            r"(?i)^(?:by|posted by|written by|published|updated|last updated|posted|por|von|par)\b",
        )
        .expect("static regex")
    });
    let len = text.chars().count();
    // A line that is a date and little else ("Monday, 22 January 2018 at
    // 0:13", "2018-08-16"). Embedded posts sign off with a date ("— Jane (@jane) May 1, 2019"):
    // those are quotes, not the header.
    let date_line = len < 60
        && text.split_whitespace().count() <= 8
        && !text.contains('@')
        && !text.starts_with(['—', '–', '-'])
        && (crate::meta::parse_text_date(text).is_some()
            || crate::meta::parse_date(text, crosswire_model::DateOrigin::Text).is_some());
    // "By Monday, the storm had passed." and "Por su parte, ..." are
    // sentences: a byline line is short and does not end like one.
    let byline_line = len < 100
        && BYLINE_LINE.is_match(text)
        && !text.ends_with(['.', '!', '?', ':'])
        && !text.contains(". ");
    byline_line || date_line
}

fn norm_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests;
