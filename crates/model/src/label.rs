//! Short display labels for articles: the outlet, never a full path.
//!
//! A dossier of 50 articles read from `/home/user/coverage/texts/` is
//! unreadable when every reference carries the file's path. People know
//! articles by outlet ("Harbour Post"), so that is the label; the URL's
//! host stands in for an outlet the page did not name, and the file's stem
//! for a bare text file. Labels are unique within one list (two stories of
//! one outlet become "Harbour Post (1)" and "Harbour Post (2)") so a label
//! alone can name an article, and they are computed from the article's
//! metadata only, so every printer shows the same label.

use std::collections::{HashMap, HashSet};

/// Longest label, in characters, before it is cut with an ellipsis: a
/// label sits next to values in one-line key points.
pub const MAX_LABEL_CHARS: usize = 32;

/// The metadata a label is computed from.
#[derive(Debug, Clone, Copy, Default)]
pub struct LabelSource<'a> {
    /// Outlet or site name (`og:site_name`, a JSON Lines `source` field, a
    /// feed title), when known.
    pub outlet: Option<&'a str>,
    /// Canonical URL, when known.
    pub url: Option<&'a str>,
    /// The input as the user named it: a path, a URL, `a.warc.gz#record-7`.
    pub source: &'a str,
}

/// The label of one article before it is made unique: the outlet, else the
/// URL's host, else the source's host when the source is a URL, else the
/// file's stem, cut to [`MAX_LABEL_CHARS`].
///
/// ```
/// use crosswire_model::label::{base_label, LabelSource};
/// let s = LabelSource { outlet: None, url: None, source: "/home/u/texts/031_story.txt" };
/// assert_eq!(base_label(&s), "031_story");
/// let s = LabelSource { outlet: None, url: Some("https://www.example.org/a/b"), source: "x.html" };
/// assert_eq!(base_label(&s), "example.org");
/// ```
pub fn base_label(s: &LabelSource<'_>) -> String {
    let outlet = s.outlet.map(clean).filter(|o| !o.is_empty()).map(|o| {
        // An outlet field that holds a URL ("https://example.org/") reads
        // better as its host.
        host(&o).unwrap_or(o)
    });
    let label = outlet
        .or_else(|| s.url.and_then(host))
        .or_else(|| host(s.source))
        .unwrap_or_else(|| stem(s.source));
    let label = if label.is_empty() {
        "article".to_string()
    } else {
        label
    };
    cut(&label, MAX_LABEL_CHARS)
}

/// Labels of a list of articles, unique within the list and in the same
/// order. Articles sharing a base label are numbered in list order.
///
/// ```
/// use crosswire_model::label::{article_labels, LabelSource};
/// let a = LabelSource { outlet: Some("Harbour Post"), url: None, source: "/t/1.txt" };
/// let b = LabelSource { outlet: None, url: None, source: "/t/2.txt" };
/// assert_eq!(article_labels(&[a, b, a]), ["Harbour Post (1)", "2", "Harbour Post (2)"]);
/// ```
pub fn article_labels(items: &[LabelSource<'_>]) -> Vec<String> {
    let bases: Vec<String> = items.iter().map(base_label).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for b in &bases {
        *counts.entry(b.as_str()).or_default() += 1;
    }
    // Numbered labels must not collide with a base label another article
    // carries as is ("Post (2)" may be a real outlet name).
    let mut taken: HashSet<String> = bases
        .iter()
        .filter(|b| counts.get(b.as_str()) == Some(&1))
        .cloned()
        .collect();
    let mut next: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(bases.len());
    for b in &bases {
        if counts.get(b.as_str()) == Some(&1) {
            out.push(b.clone());
            continue;
        }
        let n = next.entry(b.as_str()).or_insert(0);
        let label = loop {
            *n += 1;
            let candidate = format!("{b} ({n})");
            if !taken.contains(&candidate) {
                break candidate;
            }
        };
        taken.insert(label.clone());
        out.push(label);
    }
    out
}

/// White space folded, control characters dropped: a label is one line.
fn clean(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The host of an `http(s)` URL, without `www.`, port or user info.
fn host(url: &str) -> Option<String> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        u.get(8..)?
    } else if lower.starts_with("http://") {
        u.get(7..)?
    } else {
        return None;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let hostport = authority.rsplit('@').next().unwrap_or("");
    let h = hostport.split(':').next().unwrap_or("").to_lowercase();
    let h = h.strip_prefix("www.").unwrap_or(&h);
    let h = clean(h);
    (!h.is_empty()).then_some(h)
}

/// File extensions dropped from a stem, repeatedly (`a.warc.gz` → `a`).
const EXTENSIONS: &[&str] = &[
    "gz", "bz2", "zst", "xz", "warc", "html", "htm", "xhtml", "txt", "text", "md", "json", "jsonl",
    "ndjson", "xml", "rss", "atom",
];

/// The last path segment without its extensions; a record marker after `#`
/// (`a.warc.gz#record-7`) is kept, since it tells records of one file apart.
fn stem(source: &str) -> String {
    let s = source.trim().trim_end_matches(['/', '\\']);
    let last = s.rsplit(['/', '\\']).next().unwrap_or(s);
    let (file, record) = match last.split_once('#') {
        Some((f, r)) => (f, Some(r)),
        None => (last, None),
    };
    let mut file = file;
    while let Some((head, ext)) = file.rsplit_once('.') {
        if head.is_empty() || !EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
            break;
        }
        file = head;
    }
    let mut out = clean(file);
    if let Some(r) = record.map(clean).filter(|r| !r.is_empty()) {
        out.push('#');
        out.push_str(&r);
    }
    out
}

/// At most `max` characters, the last one an ellipsis when cut.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(
        outlet: Option<&'static str>,
        url: Option<&'static str>,
        source: &'static str,
    ) -> LabelSource<'static> {
        LabelSource {
            outlet,
            url,
            source,
        }
    }

    #[test]
    fn outlet_then_url_host_then_source_host_then_stem() {
        assert_eq!(
            base_label(&src(
                Some(" The  Daily\nPlanet "),
                Some("https://dp.example/x"),
                "/a/b.html"
            )),
            "The Daily Planet"
        );
        assert_eq!(
            base_label(&src(
                None,
                Some("HTTP://user@WWW.Example.org:8080/p?q"),
                "/a/b.html"
            )),
            "example.org"
        );
        assert_eq!(
            base_label(&src(None, None, "https://news.example.net/2026/story")),
            "news.example.net"
        );
        assert_eq!(
            base_label(&src(None, None, "C:\\texts\\story.TXT")),
            "story"
        );
        assert_eq!(
            base_label(&src(None, None, "/x/crawl.warc.gz#record-7")),
            "crawl#record-7"
        );
        assert_eq!(
            base_label(&src(Some("https://www.x.example/"), None, "a")),
            "x.example"
        );
        assert_eq!(base_label(&src(Some("  "), None, "/")), "article");
        assert_eq!(base_label(&src(None, None, "-")), "-");
    }

    #[test]
    fn long_labels_are_cut_and_control_characters_dropped() {
        let long = "An outlet with a very long name indeed, longer than any label";
        let l = base_label(&src(Some(long), None, "a"));
        assert_eq!(l.chars().count(), MAX_LABEL_CHARS);
        assert!(l.ends_with('…'));
        assert_eq!(
            base_label(&src(Some("Evil\u{1b}[31m Post"), None, "a")),
            "Evil[31m Post"
        );
    }

    #[test]
    fn labels_are_unique_and_numbered_in_order() {
        let a = src(Some("Post"), None, "/1.txt");
        let b = src(Some("Post (2)"), None, "/2.txt");
        let labels = article_labels(&[a, b, a, a]);
        assert_eq!(labels, ["Post (1)", "Post (2)", "Post (3)", "Post (4)"]);
        let mut set = labels.clone();
        set.sort();
        set.dedup();
        assert_eq!(set.len(), labels.len());
        assert!(article_labels(&[]).is_empty());
    }
}
