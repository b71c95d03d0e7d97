//! Reading a page's metadata: `<meta>` tags, `<link>`s, JSON-LD, and the
//! article header (headline, deck, byline elements, `<time>`).
//!
//! Each field is taken from the strongest source that has it: JSON-LD and
//! `<meta>` tags first (publishers fill them for search engines and social
//! cards, so they are usually right), page elements next, the URL last.

use super::dom::{Dom, Tag};
use crate::meta::{parse_date, parse_text_date};
use crosswire_model::{DateOrigin, Precision, Published};
use once_cell::sync::Lazy;
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;
use serde_json::Value;

/// What the page says about itself.
#[derive(Debug, Default, Clone)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    pub byline: Vec<String>,
    pub published: Option<Published>,
    pub outlet: Option<String>,
    pub canonical: Option<String>,
    pub standfirst: Option<String>,
    /// True when the standfirst is a deck element beside the headline, not
    /// a description from `<meta>` nor the story's lead paragraph (which
    /// stays in the body when the body repeats it).
    pub deck_element: bool,
    pub language: Option<String>,
    pub article_body: Option<String>,
    /// The page calls itself an article (`og:type`, a JSON-LD article
    /// type): its main text is one story, not many sections.
    pub declares_article: bool,
}

/// What JSON-LD said about the article.
#[derive(Debug, Default)]
struct LdArticle {
    headline: Option<String>,
    body: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    description: Option<String>,
    /// A full article object (not a bare WebPage) was read already.
    strong_seen: bool,
}

static DECK_CLASS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)(?:^|[\s_-])(?:dek|deck|standfirst|subtitle|sub-?title|sub-?head(?:line)?|summary|lede|strapline|excerpt|intro|teaser-text|article-?description|description)(?:$|[\s_-])")
        .expect("static regex")
});

static BYLINE_CLASS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)byline|author-?name|article-?author|story-?author|(?:^|\s)author(?:$|\s)|contributor",
    )
    .expect("static regex")
});

static RELATED_CLASS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)related|recommend|more-?stories|teaser|card|sidebar|popular|trending|most-?read|comment|footer|promo|also")
        .expect("static regex")
});

static URL_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})(?:[/-](\d{1,2}))?(?:/|-|$)").expect("static regex")
});

static JOB_WORDS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(?:staff|writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|analyst|associated press|reuters|afp|news|desk|bureau|team|redacci[oó]n|agency|photographer|senior|chief|contributing)\b")
        .expect("static regex")
});

/// Reads the page's metadata. `url` is where the page was found.
pub(crate) fn read(dom: &Dom, url: Option<&str>) -> PageMeta {
    let mut metas: HashMap<String, String> = HashMap::default();
    let mut title_el: Option<String> = None;
    let mut canonical: Option<String> = None;
    let mut ld = LdArticle::default();
    let mut h1: Option<(usize, String)> = None;
    let mut language = None;
    let mut rel_author: Vec<String> = Vec::new();
    let mut byline_el: Vec<String> = Vec::new();
    let mut time_el: Option<String> = None;
    let mut first_p: Option<usize> = None;
    // Each check walks up to the root; a page of a million teaser cards
    // must not make that quadratic.
    const MAX_ANCESTOR_CHECKS: usize = 256;
    let mut ancestor_checks = 0;

    let n = dom.nodes.len();
    let mut i = 1;
    while i < n {
        let node = &dom.nodes[i];
        match node.tag {
            Tag::Html if language.is_none() => {
                language = dom.attr(i, "lang").and_then(lang_code);
            }
            Tag::Title if title_el.is_none() => {
                title_el = Some(clean(&dom.text_of(i))).filter(|t| !t.is_empty());
            }
            Tag::Meta => {
                let key = dom
                    .attr(i, "property")
                    .or_else(|| dom.attr(i, "name"))
                    .or_else(|| dom.attr(i, "itemprop"))
                    .map(|k| k.trim().to_ascii_lowercase());
                let val = dom.attr(i, "content").map(clean);
                if let (Some(k), Some(v)) = (key, val) {
                    if !v.is_empty() {
                        metas.entry(k).or_insert(v);
                    }
                }
            }
            Tag::Link => {
                let rel = dom.attr(i, "rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && canonical.is_none() {
                    canonical = dom.attr(i, "href").map(|h| h.trim().to_string());
                }
            }
            Tag::Script if dom.attr(i, "type").is_some_and(|t| t.contains("ld+json")) => {
                read_json_ld(&dom.text_of(i), &mut ld);
            }
            Tag::H1 if h1.is_none() => {
                let t = clean(&dom.text_of(i));
                if !t.is_empty() {
                    h1 = Some((i, t));
                }
            }
            Tag::P if first_p.is_none() && !dom.text_of(i).trim().is_empty() => first_p = Some(i),
            Tag::A => {
                let rel = dom.attr(i, "rel").unwrap_or("");
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("author"))
                {
                    let t = clean(&dom.text_of(i));
                    if !t.is_empty() && rel_author.len() < 8 {
                        rel_author.push(t);
                    }
                }
            }
            Tag::Time if time_el.is_none() && ancestor_checks < MAX_ANCESTOR_CHECKS => {
                if let Some(dt) = dom.attr(i, "datetime") {
                    ancestor_checks += 1;
                    if !in_related_box(dom, i) {
                        time_el = Some(dt.to_string());
                    }
                }
            }
            _ => {}
        }
        // The first byline element is the article's; later ones belong to
        // teasers and quoted posts.
        if node.tag != Tag::Text && byline_el.is_empty() {
            let is_author_prop = dom.attr(i, "itemprop").is_some_and(|p| p == "author");
            let class = dom.attr(i, "class").unwrap_or("");
            if (is_author_prop || (!class.is_empty() && BYLINE_CLASS.is_match(class)))
                && ancestor_checks < MAX_ANCESTOR_CHECKS
                && {
                    ancestor_checks += 1;
                    !in_related_box(dom, i)
                }
            {
                let t = clean(&dom.text_of(i));
                if !t.is_empty() && t.len() < 200 {
                    byline_el.push(t);
                    // The element's own text is its byline; skip inner
                    // author elements so names are not read twice.
                    i = (node.end as usize).max(i + 1);
                    continue;
                }
            }
        }
        i += 1;
    }

    let meta = |k: &str| metas.get(k).map(String::as_str);
    let site_name = meta("og:site_name")
        .map(str::to_string)
        .or_else(|| ld.publisher.clone())
        .or_else(|| meta("application-name").map(str::to_string));

    let canonical = canonical
        .or_else(|| meta("og:url").map(str::to_string))
        .or_else(|| ld.url.clone())
        .and_then(|c| absolutize(&c, url))
        .filter(|c| c.starts_with("http"));
    let page_url = canonical.as_deref().or(url);
    let outlet = site_name.or_else(|| page_url.and_then(domain));

    let title_raw = meta("og:title")
        .map(str::to_string)
        .or_else(|| meta("twitter:title").map(str::to_string))
        .or_else(|| ld.headline.clone())
        .or_else(|| h1.as_ref().map(|(_, t)| t.clone()))
        .or(title_el);
    let title = title_raw.map(|t| strip_site_suffix(&t, outlet.as_deref()));

    let mut byline: Vec<String> = Vec::new();
    let sources: Vec<Vec<String>> = vec![
        ld.authors.clone(),
        meta("author")
            .map(|a| vec![a.to_string()])
            .unwrap_or_default(),
        meta("article:author")
            .map(|a| vec![a.to_string()])
            .unwrap_or_default(),
        meta("parsely-author")
            .map(|a| vec![a.to_string()])
            .unwrap_or_default(),
        meta("sailthru.author")
            .map(|a| vec![a.to_string()])
            .unwrap_or_default(),
        meta("dc.creator")
            .map(|a| vec![a.to_string()])
            .unwrap_or_default(),
        rel_author,
        byline_el,
    ];
    for src in sources {
        for raw in src {
            for name in split_byline(&raw) {
                let key = |s: &str| s.to_lowercase().replace(|c: char| !c.is_alphanumeric(), "");
                let is_outlet = outlet.as_deref().is_some_and(|o| {
                    let (o, n) = (key(o), key(&name));
                    n.len() >= 3 && (o.contains(&n) || n.contains(&o))
                });
                if !is_outlet && !byline.iter().any(|b| b.eq_ignore_ascii_case(&name)) {
                    byline.push(name);
                }
            }
        }
        if !byline.is_empty() {
            break;
        }
    }

    let published = ld
        .published
        .as_deref()
        .and_then(|d| parse_date(d, DateOrigin::JsonLd))
        .or_else(|| {
            [
                "article:published_time",
                "og:published_time",
                "published_time",
                "datepublished",
                "article:published",
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "date",
                "dc.date",
                "dc.date.issued",
                "dc.date.created",
                "dcterms.created",
                "dcterms.date",
                "sailthru.date",
                "parsely-pub-date",
                "article.published",
                "cxenseparse:recs:publishtime",
                "citation_publication_date",
            ]
            .iter()
            .find_map(|k| meta(k).and_then(|d| parse_date(d, DateOrigin::Meta)))
        })
        .or_else(|| {
            time_el
                .as_deref()
                .and_then(|d| parse_date(d, DateOrigin::TimeElement))
        })
        .or_else(|| page_url.and_then(url_date))
        .or_else(|| dateline_date(dom, h1.as_ref().map(|(i, _)| *i), first_p));

    let deck = h1.as_ref().and_then(|(i, _)| deck_after(dom, *i));
    let deck_element = deck.as_ref().is_some_and(|(_, beside)| *beside);
    let standfirst = deck
        .map(|(t, _)| t)
        .or_else(|| meta("og:description").map(str::to_string))
        .or_else(|| meta("description").map(str::to_string))
        .or_else(|| ld.description.clone())
        .filter(|d| d.chars().count() >= 20);

    PageMeta {
        title: title.filter(|t| !t.is_empty()),
        byline,
        published,
        outlet,
        canonical,
        standfirst,
        deck_element,
        language,
        declares_article: ld.strong_seen
            || meta("og:type").is_some_and(|t| t.eq_ignore_ascii_case("article")),
        article_body: ld.body.filter(|b| b.len() > 200),
    }
}

/// Collapses white space.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn lang_code(lang: &str) -> Option<String> {
    let code: String = lang
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    (code.len() == 2 || code.len() == 3).then_some(code)
}

/// True when element `i` sits in a related-stories box, sidebar, footer or
/// teaser card: dates and names there belong to other articles.
fn in_related_box(dom: &Dom, i: usize) -> bool {
    let mut j = i;
    let mut steps = 0;
    while j != 0 && steps < 600 {
        let t = dom.nodes[j].tag;
        if matches!(t, Tag::Aside | Tag::Footer | Tag::Nav) {
            return true;
        }
        if let Some(c) = dom.attr(j, "class") {
            if RELATED_CLASS.is_match(c) {
                return true;
            }
        }
        j = dom.nodes[j].parent as usize;
        steps += 1;
    }
    false
}

fn absolutize(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.starts_with("http://") || href.starts_with("https://") {
        return Some(href.to_string());
    }
    let base = base?;
    let scheme_end = base.find("://")? + 3;
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |e| scheme_end + e);
    if let Some(rest) = href.strip_prefix("//") {
        return Some(format!("{}{}", &base[..scheme_end], rest));
    }
    if href.starts_with('/') {
        return Some(format!("{}{}", &base[..host_end], href));
    }
    None
}

/// The host of a URL without `www.`.
pub(crate) fn domain(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && host.contains('.')).then(|| host.to_ascii_lowercase())
}

/// Drops a " | Site name" / " - Site" / " — Site" suffix (or prefix).
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    const SEPS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];
    let norm = |s: &str| s.to_lowercase().replace(|c: char| !c.is_alphanumeric(), "");
    let site_norm = site.map(norm).unwrap_or_default();
    for sep in SEPS {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            let tail_n = norm(tail);
            let is_site = !site_norm.is_empty()
                && !tail_n.is_empty()
                && (site_norm.contains(&tail_n) || tail_n.contains(&site_norm));
            let short_tail = tail.split_whitespace().count() <= 3
                && head.split_whitespace().count() >= 3
                && (sep == " | " || sep == " :: ");
            if is_site || short_tail {
                return strip_site_suffix(head.trim(), site);
            }
        }
        if let Some(pos) = title.find(sep) {
            let (head, tail) = (&title[..pos], &title[pos + sep.len()..]);
            let head_n = norm(head);
            if !site_norm.is_empty() && !head_n.is_empty() && site_norm == head_n {
                return tail.trim().to_string();
            }
            // A section label in front: "Opinion | The headline itself".
            if sep == " | "
                && head.split_whitespace().count() <= 2
                && tail.split_whitespace().count() >= 4
            {
                return strip_site_suffix(tail.trim(), site);
            }
        }
    }
    title.trim().to_string()
}

/// Splits a byline into names: drops "By", job titles, e-mail prompts.
pub(crate) fn split_byline(raw: &str) -> Vec<String> {
    static BY: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"(?i)^(?:by|por|par|von|di|door|av|af|texto|text|written by|posted by|reporting by)[:\s]+")
            .expect("static regex")
    });
    static SPLIT: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r"\s*(?:,|;|&|\||\b[Aa][Nn][Dd]\b|\by\b|\bet\b|\bund\b|\be\b|/)\s*")
            .expect("static regex")
    });
    let s = clean(raw);
    if s.starts_with("http") || s.contains('@') && !s.contains(' ') {
        return Vec::new();
    }
    let s = BY.replace(&s, "");
    let mut out = Vec::new();
    for (k, part) in SPLIT.split(&s).enumerate() {
        let mut p = BY.replace(part.trim(), "").trim().to_string();
        // "Jane Doe Staff Writer" keeps the name; "Jane Doe, AP Auto
        // Writer" arrives split, and a later part with a job word is the
        // title, not a second name.
        if let Some(m) = JOB_WORDS.find(&p) {
            if m.start() == 0 || k > 0 {
                continue;
            }
            p = p[..m.start()].trim().to_string();
        }
        // "Jane Doe Monday" (a dateline run into the byline).
        for day in [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ] {
            if let Some(head) = p.strip_suffix(day) {
                p = head.trim().to_string();
            }
        }
        // A credential or agency after a comma: "Jane Doe, RDN".
        if k > 0 && p.len() <= 4 && p.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        let lower = p.to_lowercase();
        if p.is_empty()
            || lower.contains("email")
            || lower.contains("e-mail")
            || lower.contains("follow")
            || lower.contains("updated")
            || lower.contains("published")
            || p.contains('@')
            || p.starts_with("http")
            || p.chars().any(|c| c.is_ascii_digit())
            || p.split_whitespace().count() > 5
            || p.chars().count() < 3
            || !looks_like_name(&p)
        {
            continue;
        }
        out.push(p);
    }
    out
}

/// Every word capitalized except name particles ("Ludwig van Beethoven",
/// "María de la Cruz"), no leading article, no bare domain.
fn looks_like_name(p: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "da", "do", "dos", "das", "del", "della", "di", "la", "le", "van", "von", "der",
        "den", "ter", "bin", "bint", "al", "el", "y", "e", "du", "st.",
    ];
    let words: Vec<&str> = p.split_whitespace().collect();
    if words.is_empty() || (matches!(words[0], "The" | "A" | "An") && words.len() > 1) {
        return false;
    }
    if words.len() == 1 && p.contains('.') {
        return false;
    }
    words.iter().enumerate().all(|(k, w)| {
        let first = w.chars().next().unwrap_or(' ');
        // Scripts without case (Chinese, Arabic, Hindi) pass as they are.
        let caseless = first.is_alphabetic() && !first.is_uppercase() && !first.is_lowercase();
        first.is_uppercase()
            || caseless
            || (k > 0 && PARTICLES.contains(&w.to_lowercase().as_str()))
    })
}

fn url_date(url: &str) -> Option<Published> {
    let c = URL_DATE.captures(url)?;
    let y: i32 = c[1].parse().ok()?;
    let m: u32 = c[2].parse().ok()?;
    if !(1..=12).contains(&m) {
        return None;
    }
    match c.get(3).and_then(|d| d.as_str().parse::<u32>().ok()) {
        Some(d) if chrono::NaiveDate::from_ymd_opt(y, m, d).is_some() => Some(Published {
            value: format!("{y:04}-{m:02}-{d:02}"),
            precision: Precision::Day,
            origin: DateOrigin::Url,
        }),
        _ => Some(Published {
            value: format!("{y:04}-{m:02}"),
            precision: Precision::Month,
            origin: DateOrigin::Url,
        }),
    }
}

/// A written date between the headline and the first paragraph's end
/// (the article header, or a dateline opening the text).
fn dateline_date(dom: &Dom, h1: Option<usize>, first_p: Option<usize>) -> Option<Published> {
    let start = h1.unwrap_or(0);
    // Bounded: the header is near the headline, and each step may walk
    // up the ancestors.
    let end = first_p
        .and_then(|p| dom.nodes.get(p).map(|n| n.end as usize))
        .unwrap_or(start + 200)
        .min(start + 2000)
        .min(dom.nodes.len());
    if end <= start {
        return None;
    }
    let mut text = String::new();
    for j in start..end {
        if text.len() > 4000 {
            break;
        }
        let t = dom.node_text(j);
        if !t.trim().is_empty() && dom.nodes[j].tag == Tag::Text {
            let parent = dom.nodes[j].parent as usize;
            if matches!(dom.nodes[parent].tag, Tag::Script | Tag::Style) || in_related_box(dom, j) {
                continue;
            }
            text.push_str(t);
            text.push(' ');
        }
    }
    let (y, m, d) = parse_text_date(&text)?;
    Some(Published {
        value: format!("{y:04}-{m:02}-{d:02}"),
        precision: Precision::Day,
        origin: DateOrigin::Text,
    })
}

/// A deck element right under the headline: the first text element after
/// the `h1` whose class names it a deck, or an `h2` directly following.
/// A deck in the headline's own block (its sibling, or inside a `header`
/// or `hgroup` holding the headline) is the standfirst; one further in,
/// among the story's paragraphs, is the story's lead paragraph.
fn beside_headline(dom: &Dom, h1: usize, deck: usize) -> bool {
    let (hp, dp) = (dom.nodes[h1].parent, dom.nodes[deck].parent);
    if hp == dp {
        return true;
    }
    let mut a = dp as usize;
    for _ in 0..3 {
        if a == 0 {
            break;
        }
        if matches!(dom.nodes[a].tag, Tag::Header | Tag::Hgroup) {
            let end = dom.nodes[a].end as usize;
            return a < h1 && h1 < end;
        }
        a = dom.nodes[a].parent as usize;
    }
    false
}

/// The deck under the headline, and whether it sits beside the headline
/// (see [`beside_headline`]).
fn deck_after(dom: &Dom, h1: usize) -> Option<(String, bool)> {
    let start = dom.nodes.get(h1)?.end as usize;
    let stop = (start + 40).min(dom.nodes.len());
    for j in start..stop {
        let node = &dom.nodes[j];
        if matches!(
            node.tag,
            Tag::P | Tag::Div | Tag::H2 | Tag::Span | Tag::Other | Tag::Section
        ) {
            let class = dom.attr(j, "class").unwrap_or("");
            let itemprop = dom.attr(j, "itemprop").unwrap_or("");
            if DECK_CLASS.is_match(class)
                || itemprop == "description"
                || itemprop == "alternativeHeadline"
            {
                let t = clean(&dom.text_of(j));
                let len = t.chars().count();
                if (20..=600).contains(&len) {
                    return Some((t, beside_headline(dom, h1, j)));
                }
            }
        }
        if node.tag == Tag::P && dom.text_of(j).trim().len() > 150 {
            break;
        }
    }
    None
}

fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)),
        Value::Array(a) => a.iter().find_map(as_text),
        Value::Object(o) => o.get("name").and_then(as_text),
        _ => None,
    }
}

fn names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(clean(s)),
        Value::Array(a) => a.iter().take(16).for_each(|x| {
            if let Some(n) = as_text(x) {
                out.push(n);
            }
        }),
        Value::Object(o) => {
            if let Some(n) = o.get("name").and_then(as_text) {
                out.push(n);
            }
        }
        _ => {}
    }
}

fn is_article_type(v: Option<&Value>) -> bool {
    let check = |s: &str| {
        s.ends_with("Article")
            || matches!(
                s,
                "BlogPosting"
                    | "Report"
                    | "LiveBlogPosting"
                    | "SocialMediaPosting"
                    | "WebPage"
                    | "Blog"
            )
    };
    match v {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(check)),
        _ => false,
    }
}

/// Reads article fields from one JSON-LD script. Objects are visited with
/// an explicit stack (never recursion): JSON-LD nests `@graph`s and
/// `mainEntity`s to any depth.
fn read_json_ld(raw: &str, ld: &mut LdArticle) {
    let raw = raw
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim();
    // serde_json has its own recursion limit (128), so hostile nesting
    // fails to parse instead of overflowing the stack.
    let Ok(root) = serde_json::from_str::<Value>(raw) else {
        return;
    };
    let mut stack = vec![&root];
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > 10_000 {
            break;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                let article = is_article_type(o.get("@type"));
                let strong = article
                    && !matches!(o.get("@type"), Some(Value::String(s)) if s == "WebPage" || s == "Blog");
                if article {
                    // The first full article object is the page's own;
                    // later ones are other stories (related lists), and a
                    // bare WebPage only fills gaps.
                    let primary = strong && !ld.strong_seen;
                    let fill = |field: &mut Option<String>, key: &str| {
                        if field.is_none() || primary {
                            if let Some(x) = o.get(key).and_then(as_text).filter(|x| !x.is_empty())
                            {
                                *field = Some(x);
                            }
                        }
                    };
                    fill(&mut ld.headline, "headline");
                    fill(&mut ld.published, "datePublished");
                    fill(&mut ld.description, "description");
                    fill(&mut ld.publisher, "publisher");
                    if primary {
                        if let Some(u) = o.get("url").and_then(Value::as_str) {
                            ld.url = Some(u.to_string());
                        }
                    }
                    if ld.body.is_none() || primary {
                        if let Some(b) = o.get("articleBody").and_then(Value::as_str) {
                            ld.body = Some(b.to_string());
                        }
                    }
                    if ld.authors.is_empty() || primary {
                        if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
                            let mut found = Vec::new();
                            names(a, &mut found);
                            if !found.is_empty() {
                                ld.authors = found;
                            }
                        }
                    }
                    if strong {
                        ld.strong_seen = true;
                    }
                }
                // Not `itemListElement`: lists hold other stories.
                for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
                    if let Some(x) = o.get(key) {
                        if x.is_object() || x.is_array() {
                            stack.push(x);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}
