//! RSS, Atom and sitemaps. A feed item that carries the full article
//! (`content:encoded`, Atom `content`, or a long description) becomes a
//! document; one that only points to it becomes a [`Link`] to fetch.

use crate::{ErrorKind, Format, Hints, IngestError, Item, Link, RawDoc};

/// Below this much text (tags left out), an item's content is a teaser,
/// not the article.
const FULL_TEXT_CHARS: usize = 500;

/// The items of an RSS or Atom feed.
pub(crate) fn feed_items(name: &str, bytes: &[u8]) -> Vec<Item> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            return vec![Item::Error(IngestError::new(
                name,
                ErrorKind::Malformed {
                    what: "feed",
                    detail: e.to_string(),
                },
            ))]
        }
    };
    let outlet = feed.title.as_ref().map(|t| t.content.trim().to_string());
    let language = feed
        .language
        .as_deref()
        .and_then(|l| l.split(['-', '_']).next())
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| l.len() == 2);
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let source = format!("{name}#{i}");
            let title = entry
                .title
                .as_ref()
                .map(|t| t.content.trim().to_string())
                .filter(|t| !t.is_empty());
            let url = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.trim().to_string())
                .filter(|u| !u.is_empty());
            let summary = entry.summary.as_ref().map(|s| s.content.clone());
            let content = entry.content.as_ref().and_then(|c| c.body.clone());
            let full = [content.as_deref(), summary.as_deref()]
                .into_iter()
                .flatten()
                .find(|body| text_len(body) > FULL_TEXT_CHARS)
                .map(str::to_string);
            let url = url.map(|u| resolve(name, u));
            let Some(body) = full else {
                return match url {
                    Some(url) => Item::Link(Link { source, url, title }),
                    // Dropping it silently would lose an item unnoticed.
                    None => Item::Error(IngestError::new(
                        source,
                        ErrorKind::Malformed {
                            what: "feed item",
                            detail: "no link and no full text".into(),
                        },
                    )),
                };
            };
            // A description is a standfirst only when it is not the body.
            let description = summary
                .filter(|s| *s != body && text_len(s) <= FULL_TEXT_CHARS)
                .map(|s| strip_tags(&s).trim().to_string())
                .filter(|s| !s.is_empty());
            let hints = Hints {
                title: title.clone(),
                url,
                published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
                language: language.clone(),
                outlet: outlet.clone(),
                byline: entry
                    .authors
                    .iter()
                    .map(|p| p.name.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect(),
                description,
                charset: Some("utf-8".into()),
                crawled: None,
            };
            Item::Doc(RawDoc {
                source,
                format: Format::Html,
                bytes: wrap_fragment(title.as_deref(), &body).into_bytes(),
                hints,
            })
        })
        .collect()
}

/// A relative item link is relative to the feed's own URL when the feed
/// was fetched; otherwise it stays as written (and is refused when
/// followed: a link is only fetched as an http(s) URL).
fn resolve(feed: &str, link: String) -> String {
    let lower = feed.get(..8).unwrap_or(feed).to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return link;
    }
    match url::Url::parse(feed).and_then(|base| base.join(&link)) {
        Ok(u) => u.to_string(),
        Err(_) => link,
    }
}

/// A feed's content is a fragment; the extractor reads pages, so it gets
/// one, declared UTF-8 (feed-rs already decoded it).
fn wrap_fragment(title: Option<&str>, body: &str) -> String {
    let title = title.map(escape).unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
         <body><article>\n{body}\n</article></body></html>\n"
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Characters of text in an HTML fragment, tags left out.
fn text_len(html: &str) -> usize {
    strip_tags(html).trim().chars().count()
}

/// Drops tags from a fragment. Crude, but only used to measure and to
/// make a one-line description.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The `<loc>` entries of a sitemap, as links.
pub(crate) fn sitemap_links(name: &str, bytes: &[u8]) -> Vec<Item> {
    let text = String::from_utf8_lossy(bytes);
    let mut links = Vec::new();
    let mut rest: &str = &text;
    while let Some(start) = rest.find("<loc>") {
        rest = &rest[start + 5..];
        let Some(end) = rest.find("</loc>") else {
            break;
        };
        let url = rest[..end]
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .replace("&amp;", "&");
        rest = &rest[end..];
        if !url.is_empty() {
            links.push(Item::Link(Link {
                source: format!("{name}#{}", links.len()),
                url: resolve(name, url),
                title: None,
            }));
        }
    }
    if links.is_empty() {
        links.push(Item::Error(IngestError::new(name, ErrorKind::Empty)));
    }
    links
}
