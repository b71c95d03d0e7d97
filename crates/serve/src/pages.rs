//! The web pages. Rendered on the server from the same data as the API,
//! with every piece of article-derived text escaped (titles, bylines,
//! outlets, URLs, quotes, bodies): an untrusted page never becomes
//! markup. Scripts and styles are embedded in the binary and served from
//! `/assets/`; the Content-Security-Policy allows nothing else, so the
//! pages make no third-party request and run no injected script.

use crate::api::{self, EventsQuery, SearchParams};
use crate::error::ApiError;
use crate::security;
use crate::State;
use axum::extract::{Path, Query, State as St};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use crosswire_model::SpanKind;
use crosswire_report::Format;
use serde::Deserialize;
use sha2::Digest;
use std::fmt::Write;

/// The dossier's own stylesheet, so the pages speak its visual language.
const REPORT_CSS: &str = include_str!("../../report/src/report.css");
const APP_CSS: &str = include_str!("assets/app.css");
const APP_JS: &str = include_str!("assets/app.js");

/// HTML-escapes untrusted text, quotes included (safe in attributes).
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A query-string value.
fn qv(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The hashes (base64 SHA-256) of the bare `<script>` blocks of a page,
/// for its Content-Security-Policy.
pub(crate) fn inline_script_hashes(html: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(html);
    let mut out = Vec::new();
    let mut rest = text.as_ref();
    while let Some(i) = rest.find("<script>") {
        let after = &rest[i + "<script>".len()..];
        let Some(j) = after.find("</script>") else {
            break;
        };
        let digest = sha2::Sha256::digest(&after.as_bytes()[..j]);
        out.push(base64::engine::general_purpose::STANDARD.encode(digest));
        rest = &after[j..];
    }
    out
}

fn html_response(body: String, hashes: &[String]) -> Response {
    let mut r = Response::new(axum::body::Body::from(body));
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CONTENT_SECURITY_POLICY, security::csp(hashes));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

fn nav(active: &str) -> String {
    let item = |href: &str, label: &str| {
        let cls = if label == active { " class=\"on\"" } else { "" };
        format!("<a href=\"{href}\"{cls}>{label}</a>")
    };
    format!(
        "<nav class=\"cw-nav\"><a class=\"cw-brand\" href=\"/\">crosswire</a>{}{}{}<span id=\"cw-live\" class=\"cw-live\" hidden></span></nav>\n",
        item("/", "Events"),
        item("/search", "Search"),
        item("/watches", "Watches")
    )
}

/// A page of this server: the dossier's stylesheet plus the app's, the
/// app's script, no inline script.
fn page(state: &State, title: &str, active: &str, body: &str) -> Response {
    let auth = if state.config.token.is_some() {
        "1"
    } else {
        "0"
    };
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} · crosswire</title>\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/assets/report.css\">\n\
         <link rel=\"stylesheet\" href=\"/assets/app.css\">\n<script src=\"/assets/app.js\" defer></script>\n\
         </head>\n<body data-auth=\"{auth}\">\n{}<main>\n{body}\n</main>\n</body>\n</html>\n",
        esc(title),
        nav(active)
    );
    html_response(html, &[])
}

fn error_page(state: &State, e: ApiError) -> Response {
    let status = e.status;
    let mut r = page(
        state,
        "Error",
        "",
        &format!("<h1>{}</h1><p>{}</p>", status.as_u16(), esc(&e.message)),
    );
    *r.status_mut() = status;
    r
}

fn span_of(first: &Option<String>, last: &Option<String>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => "–".into(),
    }
}

fn field(name: &str, label: &str, value: &Option<String>, kind: &str) -> String {
    format!(
        "<label>{label}<input type=\"{kind}\" name=\"{name}\" value=\"{}\"></label>",
        esc(value.as_deref().unwrap_or(""))
    )
}

/// The event list with its filters.
pub(crate) async fn index(St(state): St<State>, Query(q): Query<EventsQuery>) -> Response {
    let mut form = String::from("<form class=\"cw-filters\" method=\"get\" action=\"/\">");
    form.push_str(&field("q", "Words", &q.q, "search"));
    form.push_str(&field("from", "From", &q.from, "date"));
    form.push_str(&field("to", "To", &q.to, "date"));
    form.push_str(&field("outlet", "Outlet", &q.outlet, "text"));
    form.push_str(&field("lang", "Language", &q.lang, "text"));
    let _ = write!(
        form,
        "<label>Conflicts<select name=\"has_conflicts\"><option value=\"\">any</option>\
         <option value=\"true\"{}>with conflicts</option><option value=\"false\"{}>without</option></select></label>\
         <label>Order<select name=\"sort\"><option value=\"size\">largest first</option>\
         <option value=\"recent\"{}>latest first</option></select></label><button>Filter</button></form>",
        if q.has_conflicts == Some(true) { " selected" } else { "" },
        if q.has_conflicts == Some(false) { " selected" } else { "" },
        if q.sort.as_deref() == Some("recent") { " selected" } else { "" },
    );
    let keep: Vec<(&str, Option<String>)> = vec![
        ("q", q.q.clone()),
        ("from", q.from.clone()),
        ("to", q.to.clone()),
        ("outlet", q.outlet.clone()),
        ("lang", q.lang.clone()),
        ("has_conflicts", q.has_conflicts.map(|b| b.to_string())),
        ("sort", q.sort.clone()),
    ];
    let listing = match api::event_page(&state, q).await {
        Ok(p) => p,
        Err(e) => return error_page(&state, e),
    };
    let mut body = String::from("<header class=\"top\"><div class=\"brand\">crosswire · events</div><h1>Events</h1></header>\n");
    body.push_str(&form);
    if listing.events.is_empty() {
        body.push_str("<p class=\"muted\">No event matches.</p>");
    } else {
        body.push_str("<div class=\"cw-table\"><table class=\"cw-events\"><thead><tr><th>Event</th><th>Title</th><th class=\"n\">Articles</th><th class=\"n\">Origins</th><th>Dates</th><th class=\"n\">Open conflicts</th></tr></thead><tbody>\n");
        for e in &listing.events {
            let conflicts = if e.conflicts > 0 {
                format!("<span class=\"badge v-conflict\">{}</span>", e.conflicts)
            } else {
                "0".into()
            };
            let _ = writeln!(
                body,
                "<tr><td><a href=\"/events/{id}\">e{id}</a></td><td><a href=\"/events/{id}\">{}</a>{}</td><td class=\"n\" data-label=\"articles\">{}</td><td class=\"n\" data-label=\"origins\">{}</td><td class=\"d\">{}</td><td class=\"n\" data-label=\"open conflicts\">{conflicts}</td></tr>",
                esc(e.title.as_deref().unwrap_or("(untitled)")),
                if e.stale { " <span class=\"muted small\">(dossier pending)</span>" } else { "" },
                e.size,
                e.origins,
                esc(&span_of(&e.first, &e.last)),
                id = e.id,
            );
        }
        body.push_str("</tbody></table></div>\n");
    }
    if let Some(next) = &listing.next {
        let mut href = String::from("/?");
        for (k, v) in keep.iter().filter_map(|(k, v)| v.as_ref().map(|v| (k, v))) {
            let _ = write!(href, "{k}={}&", qv(v));
        }
        let _ = write!(href, "cursor={}", qv(next));
        let _ = write!(
            body,
            "<p><a class=\"cw-next\" href=\"{}\">Next page →</a></p>",
            esc(&href)
        );
    }
    page(&state, "Events", "Events", &body)
}

/// One event: the dossier's own HTML page, with the site's navigation
/// and live updates added. Clicking a value or a quote goes to its
/// sentence, highlighted, in the article's text below.
pub(crate) async fn event(St(state): St<State>, Path(id): Path<String>) -> Response {
    let id = match api::event_id(&id) {
        Ok(id) => id,
        Err(e) => return error_page(&state, e),
    };
    let body = match api::rendered(&state, id, Format::Html).await {
        Ok(b) => b,
        Err(e) => return error_page(&state, e),
    };
    let html = String::from_utf8_lossy(&body);
    let auth = if state.config.token.is_some() {
        "1"
    } else {
        "0"
    };
    let html = html
        .replacen(
            "</head>",
            "<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/assets/app.css\">\n<script src=\"/assets/app.js\" defer></script>\n</head>",
            1,
        )
        .replacen(
            "<body>\n",
            &format!("<body data-auth=\"{auth}\" data-event=\"{id}\">\n{}", nav("")),
            1,
        );
    let hashes = inline_script_hashes(html.as_bytes());
    html_response(html, &hashes)
}

/// Where in an article to point.
#[derive(Debug, Deserialize)]
pub(crate) struct ArticleParams {
    /// `START-END`: a byte range of the text to highlight (a figure, a
    /// quote); its sentence is scrolled to.
    pub hl: Option<String>,
}

/// One article, its text with sentences, figures and quotes marked; with
/// `?hl=START-END`, that range highlighted and scrolled to.
pub(crate) async fn article(
    St(state): St<State>,
    Path(id): Path<String>,
    Query(p): Query<ArticleParams>,
) -> Response {
    let found = match api::fetch_article(&state, id).await {
        Ok(f) => f,
        Err(e) => return error_page(&state, e),
    };
    let a = &found.article;
    let hl = p.hl.as_deref().and_then(|s| {
        let (x, y) = s.split_once('-')?;
        let (x, y) = (x.parse::<usize>().ok()?, y.parse::<usize>().ok()?);
        (x < y && y <= a.text.len()).then_some((x, y))
    });
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<header class=\"top\"><div class=\"brand\">crosswire · article in <a href=\"/events/{ev}\">e{ev}</a></div><h1>{}</h1><p class=\"sub\">{}</p></header>",
        esc(a.title.as_deref().unwrap_or("(untitled)")),
        esc(&[
            a.outlet.clone(),
            (!a.byline.is_empty()).then(|| a.byline.join(", ")),
            a.published.as_ref().map(|p| p.value.clone()),
            a.language.clone(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")),
        ev = found.event,
    );
    if let Some(url) = &a.url {
        // Only http(s) becomes a link: a `javascript:` URL stays text.
        let link = url::Url::parse(url)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"));
        match link {
            Some(u) => {
                let _ = write!(
                    body,
                    "<p class=\"small\"><a href=\"{}\" rel=\"noopener noreferrer nofollow\">{}</a></p>",
                    esc(u.as_str()),
                    esc(url)
                );
            }
            None => {
                let _ = write!(body, "<p class=\"small muted\">{}</p>", esc(url));
            }
        }
    }
    body.push_str("<article class=\"card cw-text\">");
    body.push_str(&marked_text(a, hl));
    body.push_str("</article>");
    page(&state, a.title.as_deref().unwrap_or("Article"), "", &body)
}

/// The text with its sentences as anchors (`s<START>`), figures and quotes
/// marked with a link to themselves, and `hl` highlighted (`id="hit"`).
fn marked_text(a: &crosswire_model::Article, hl: Option<(usize, usize)>) -> String {
    let text = a.text.as_str();
    // (position, closes first, tag) boundaries; only well-nested marks
    // are kept, so the output is always balanced.
    let mut sentences: Vec<(usize, usize)> = a
        .spans
        .iter()
        .filter(|s| matches!(s.kind, SpanKind::Sentence))
        .map(|s| (s.range.start as usize, s.range.end as usize))
        .filter(|&(s, e)| {
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        })
        .collect();
    sentences.sort_unstable();
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for s in sentences {
        if kept.last().is_none_or(|l| s.0 >= l.1) {
            kept.push(s);
        }
    }
    let sentence_of = |x: usize, y: usize| kept.iter().position(|&(s, e)| s <= x && y <= e);
    let mut marks: Vec<(usize, usize, &'static str)> = Vec::new();
    for s in &a.spans {
        let kind = match &s.kind {
            SpanKind::Figure(_) => "fig",
            SpanKind::Quote(_) => "quote",
            _ => continue,
        };
        marks.push((s.range.start as usize, s.range.end as usize, kind));
    }
    if let Some((x, y)) = hl {
        marks.push((x, y, "hit"));
    }
    marks.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
    let mut inner: Vec<(usize, usize, &'static str)> = Vec::new();
    for m in marks {
        let ok = m.0 < m.1
            && text.is_char_boundary(m.0)
            && m.1 <= text.len()
            && text.is_char_boundary(m.1)
            && sentence_of(m.0, m.1).is_some()
            && inner.last().is_none_or(|l| m.0 >= l.1);
        if ok {
            inner.push(m);
        } else if m.2 == "hit" {
            // The highlight wins over a mark it overlaps.
            inner.retain(|l| l.1 <= m.0 || l.0 >= m.1);
            if m.0 < m.1
                && m.1 <= text.len()
                && text.is_char_boundary(m.0)
                && text.is_char_boundary(m.1)
                && sentence_of(m.0, m.1).is_some()
            {
                inner.push(m);
                inner.sort_by_key(|l| l.0);
            }
        }
    }
    let target = hl.and_then(|(x, y)| sentence_of(x, y));
    let mut events: Vec<(usize, u8, String)> = Vec::new();
    for (i, &(s, e)) in kept.iter().enumerate() {
        let cls = if Some(i) == target { "s target" } else { "s" };
        // At one position: marks close (0), then sentences (1), then
        // sentences open (2), then marks (3), so tags always nest.
        events.push((s, 2, format!("<span class=\"{cls}\" id=\"s{s}\">")));
        events.push((e, 1, "</span>".into()));
    }
    for &(s, e, kind) in &inner {
        let open = match kind {
            "hit" => "<mark class=\"hit\" id=\"hit\">".to_string(),
            k => format!("<a class=\"{k}\" href=\"?hl={s}-{e}#hit\">"),
        };
        events.push((s, 3, open));
        events.push((e, 0, if kind == "hit" { "</mark>" } else { "</a>" }.into()));
    }
    events.sort_by_key(|ev| (ev.0, ev.1));
    let mut out = String::with_capacity(text.len() * 2);
    let mut at = 0;
    for (pos, _, tag) in events {
        if pos > at {
            out.push_str(&esc(&text[at..pos]));
            at = pos;
        }
        out.push_str(&tag);
    }
    out.push_str(&esc(&text[at..]));
    out
}

/// Search with the CLI's filters.
pub(crate) async fn search(St(state): St<State>, Query(p): Query<SearchParams>) -> Response {
    let mut form = String::from("<form class=\"cw-filters\" method=\"get\" action=\"/search\">");
    form.push_str(&field("q", "Words", &p.q, "search"));
    form.push_str(&field("from", "From", &p.from, "date"));
    form.push_str(&field("to", "To", &p.to, "date"));
    form.push_str(&field("outlet", "Outlet", &p.outlet, "text"));
    form.push_str(&field("lang", "Language", &p.lang, "text"));
    form.push_str(&field("event", "Event", &p.event, "text"));
    form.push_str("<button>Search</button></form>");
    let mut body = String::from("<header class=\"top\"><div class=\"brand\">crosswire · search</div><h1>Search</h1></header>\n");
    body.push_str(&form);
    if p.q.as_deref().is_some_and(|q| !q.trim().is_empty()) {
        match api::run_search(&state, p).await {
            Err(e) => {
                let _ = write!(body, "<p class=\"cw-error\">{}</p>", esc(&e.message));
            }
            Ok(answer) if answer.hits.is_empty() => {
                body.push_str("<p class=\"muted\">No match.</p>")
            }
            Ok(answer) => {
                body.push_str("<ol class=\"cw-hits\">");
                for h in &answer.hits {
                    let mut snippet = String::new();
                    let mut at = 0;
                    for [s, e] in &h.highlights {
                        if let (Some(before), Some(word)) =
                            (h.snippet.get(at..*s), h.snippet.get(*s..*e))
                        {
                            snippet.push_str(&esc(before));
                            let _ = write!(snippet, "<b>{}</b>", esc(word));
                            at = *e;
                        }
                    }
                    snippet.push_str(&esc(h.snippet.get(at..).unwrap_or("")));
                    let _ = write!(
                        body,
                        "<li><a href=\"/articles/{id}\">{}</a> <span class=\"muted small\">{} · {} · in <a href=\"/events/{ev}\">e{ev}</a></span><p>{snippet}</p></li>",
                        esc(h.title.as_deref().unwrap_or("(untitled)")),
                        esc(h.outlet.as_deref().unwrap_or("–")),
                        esc(h.published.as_deref().and_then(|d| d.get(..10)).unwrap_or("–")),
                        id = esc(&h.id),
                        ev = h.event,
                    );
                }
                body.push_str("</ol>");
            }
        }
    }
    page(&state, "Search", "Search", &body)
}

/// Watches and their alerts, live. The list is filled by the script from
/// the API (with the token, when the server has one).
pub(crate) async fn watches(St(state): St<State>) -> Response {
    let token = if state.config.token.is_some() {
        "<label>Token<input type=\"password\" id=\"cw-token\" autocomplete=\"off\"></label>"
    } else {
        ""
    };
    let body = format!(
        "<header class=\"top\"><div class=\"brand\">crosswire · watches</div><h1>Watches</h1>\
         <p class=\"sub\">Be told when a watched event gains a conflict, a figure is revised, or a new independent origin reports it.</p></header>\n\
         <form id=\"cw-watch-form\" class=\"cw-filters\">{token}\
         <label>Event<input type=\"text\" name=\"event\" placeholder=\"e12\"></label>\
         <label>or words<input type=\"search\" name=\"q\"></label>\
         <label>Webhook<input type=\"url\" name=\"webhook\" placeholder=\"https://…\"></label>\
         <button>Watch</button></form>\n<p id=\"cw-watch-msg\" class=\"muted\"></p>\
         <h2>Watching</h2><ul id=\"cw-watch-list\" class=\"cw-list\"></ul>\
         <h2>Alerts</h2><ul id=\"cw-alert-list\" class=\"cw-list\"></ul>"
    );
    page(&state, "Watches", "Watches", &body)
}

/// The embedded assets.
pub(crate) async fn asset(Path(name): Path<String>) -> Response {
    let (body, kind) = match name.as_str() {
        "app.css" => (APP_CSS, "text/css; charset=utf-8"),
        "report.css" => (REPORT_CSS, "text/css; charset=utf-8"),
        "app.js" => (APP_JS, "text/javascript; charset=utf-8"),
        _ => return (StatusCode::NOT_FOUND, "no such asset").into_response(),
    };
    let mut r = Response::new(axum::body::Body::from(body));
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed() {
        let page = b"<p>x</p><script>alert(1)</script><script src=a.js></script><script></script>";
        let h = inline_script_hashes(page);
        assert_eq!(h.len(), 2);
        // sha256("alert(1)"), base64.
        assert_eq!(h[0], "bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=");
        assert_eq!(h[1], "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }

    #[test]
    fn marks_nest_inside_their_sentence() {
        let text = "Nine <b>boats</b> sank. Two crews swam ashore.";
        let mut a = crosswire_model::ArticleBuilder::new("t.txt").finish();
        a.text = text.to_string();
        let span = |s: u32, e: u32, kind: SpanKind| crosswire_model::Span {
            range: crosswire_model::ByteRange { start: s, end: e },
            kind,
        };
        a.spans = vec![
            span(0, 23, SpanKind::Sentence),
            span(24, 46, SpanKind::Sentence),
        ];
        // A highlight that ends where its sentence ends.
        let html = marked_text(&a, Some((18, 23)));
        assert_eq!(
            html,
            "<span class=\"s target\" id=\"s0\">Nine &lt;b&gt;boats&lt;/b&gt; <mark class=\"hit\" id=\"hit\">sank.</mark></span> \
             <span class=\"s\" id=\"s24\">Two crews swam ashore.</span>"
        );
    }

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(
            esc("<img src=x onerror=\"a('b')\">&"),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;"
        );
    }
}
