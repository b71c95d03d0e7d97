//! The Markdown printer: GitHub-flavoured Markdown with tables, for pasting
//! into an issue, a wiki or a newsroom doc.
//!
//! Dossier text is escaped with [`md`] so an article cannot inject links,
//! images, HTML or table cells into the report.

use crate::common::{
    article_name, count_verdict, diff_pieces, distinct_sentences, figures_with, labels,
    mention_articles, normalized, origin_letter, origin_letters, origin_name, origins_phrase,
    outlet_list, outlets, plural, published_day, qualifier_label, refs, short_source, slice,
    verdict_label, verdict_section, DiffKind, VERDICT_ORDER,
};
use crate::keypoints::key_points;
use crate::ReportError;
use crosswire_model::dossier::{Dossier, FigureSlot, Mention, SlotValue, Verdict};
use std::fmt::Write as _;
use std::io::Write;

pub fn render(d: &Dossier, out: &mut dyn Write) -> Result<(), ReportError> {
    let mut s = String::new();
    let l = labels(d);
    header(d, &mut s);
    key_points_md(d, &l, &mut s);
    articles(d, &l, &mut s);
    origins(d, &l, &mut s);
    for v in VERDICT_ORDER {
        verdict(d, &l, v, &mut s);
    }
    quotes(d, &l, &mut s);
    entities(d, &mut s);
    timeline(d, &mut s);
    out.write_all(s.as_bytes())?;
    Ok(())
}

/// Article references such as `[1-3,5]` are written unescaped: they hold
/// only digits, commas and dashes, and no link reference definition can
/// exist in the report (all dossier text is escaped), so they never become
/// links.
///
/// Escapes inline Markdown: punctuation that could start emphasis, links,
/// code, tables or headings gets a backslash; `<`, `>` and `&` become
/// entities so no raw HTML survives; line breaks fold to spaces (a newline
/// would end a table row). Words that a renderer would turn into links on
/// its own (`https://…`, `www.…`, `name@host.tld`) are written as code
/// spans, which no renderer links: an article cannot plant a clickable
/// link in the report.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while !rest.is_empty() {
        // Words and the white space between them, in turn.
        let ws = rest.len() - rest.trim_start_matches(is_space).len();
        if ws > 0 {
            out.extend(rest[..ws].chars().map(|_| ' '));
            rest = &rest[ws..];
            continue;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        let word = &rest[..end];
        if links_itself(word) {
            code_span(word, &mut out);
        } else {
            escape_text(word, &mut out);
        }
        rest = &rest[end..];
    }
    out
}

/// White space and the control characters, which fold to spaces.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
}

/// Whether a renderer may turn this word into a link by itself (GFM's
/// extended autolinks, linkify): a scheme, `www.`, or an e-mail address.
fn links_itself(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let bare = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    lower.contains("://")
        || bare.starts_with("www.")
        || bare.starts_with("mailto:")
        || bare.starts_with("javascript:")
        || bare.starts_with("data:")
        || word
            .split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
}

/// Writes a word as a code span: fenced with more backticks than it holds
/// in a row, padded when it starts or ends with one, and with `|` escaped
/// (a GFM table splits cells at a bare `|` even inside code).
fn code_span(word: &str, out: &mut String) {
    let mut longest = 0;
    let mut run = 0;
    for c in word.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if word.starts_with('`') || word.ends_with('`') {
        " "
    } else {
        ""
    };
    out.push_str(&fence);
    out.push_str(pad);
    out.push_str(&word.replace('|', "\\|"));
    out.push_str(pad);
    out.push_str(&fence);
}

/// A URL as a Markdown link target: only http(s), and every character that
/// could end the target or the table cell, or start Markdown of its own
/// (`<`, `>`, parentheses, brackets, `|`, quotes, white space, controls,
/// non-ASCII), percent-encoded. `None` for any other scheme.
fn link_target(url: &str) -> Option<String> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        let safe = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b':'
                    | b'/'
                    | b'?'
                    | b'#'
                    | b'@'
                    | b'$'
                    | b'&'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b'%'
            );
        if safe {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    Some(out)
}

fn header(d: &Dossier, s: &mut String) {
    let lead = d
        .articles
        .iter()
        .find_map(|a| a.title.as_deref())
        .unwrap_or("Coverage dossier");
    let n = d.articles.len();
    let o = d.origins.len();
    let outs = outlets(d);
    let _ = writeln!(s, "# Dossier: {}\n", md(lead));
    let _ = writeln!(
        s,
        "**{n} article{} from {o} independent origin{}** · {} outlet{}: {}\n",
        plural(n),
        plural(o),
        outs.len(),
        plural(outs.len()),
        md(&outlet_list(&outs))
    );
    let counts: Vec<String> = VERDICT_ORDER
        .iter()
        .map(|v| {
            format!(
                "{} {}",
                count_verdict(d, *v),
                verdict_label(*v).to_lowercase()
            )
        })
        .collect();
    let _ = writeln!(
        s,
        "**Summary:** {} · {} quote{} · {} date{}\n",
        counts.join(" · "),
        d.quotes.len(),
        plural(d.quotes.len()),
        d.timeline.len(),
        plural(d.timeline.len())
    );
    let _ = writeln!(
        s,
        "Article numbers in brackets, like [2,4], refer to the list under *Articles*; letters (A, B, ...) name independent origins.\n"
    );
}

/// The ranked key points ([`key_points`]), one list item each; the
/// details are in the sections further down.
fn key_points_md(d: &Dossier, l: &[String], s: &mut String) {
    let kp = key_points(d, l);
    let _ = writeln!(s, "## Key points\n");
    if kp.points.is_empty() {
        let _ = writeln!(s, "No cross-checked figures in these articles.\n");
        return;
    }
    for (k, p) in kp.points.iter().enumerate() {
        let _ = writeln!(
            s,
            "{}. **{}** · {}: {}",
            k + 1,
            md(p.tier.label()),
            md(&p.title),
            md(&p.summary)
        );
    }
    s.push('\n');
    if !kp.left_out.is_empty() {
        let more: Vec<String> = kp
            .left_out
            .iter()
            .map(|(t, n)| format!("{n} {}", t.label().to_lowercase()))
            .collect();
        let _ = writeln!(
            s,
            "Not in the key points, see below: {}.\n",
            md(&more.join(", "))
        );
    }
}

fn articles(d: &Dossier, l: &[String], s: &mut String) {
    let _ = writeln!(s, "## Articles\n");
    if d.articles.is_empty() {
        let _ = writeln!(s, "None.\n");
        return;
    }
    let _ = writeln!(s, "| # | Outlet | Title | Date | Lang | Origin | Source |");
    let _ = writeln!(s, "|---:|---|---|---|---|---|---|");
    for (i, a) in d.articles.iter().enumerate() {
        let title = md(a.title.as_deref().unwrap_or("(no title)"));
        let title = match a.url.as_deref().and_then(link_target) {
            Some(u) => format!("[{title}](<{u}>)"),
            None => title,
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} |",
            i + 1,
            md(&article_name(l, i)),
            title,
            md(&published_day(a).unwrap_or_default()),
            md(a.language.as_deref().unwrap_or("")),
            origin_letter(a.origin),
            md(short_source(&a.source))
        );
    }
    s.push('\n');
}

fn origins(d: &Dossier, l: &[String], s: &mut String) {
    let _ = writeln!(s, "## Origins\n");
    let _ = writeln!(
        s,
        "Articles that copy or rewrite one story form one origin and count once.\n"
    );
    for (i, o) in d.origins.iter().enumerate() {
        let mut arts = o.articles.clone();
        arts.sort_unstable();
        arts.dedup();
        let mut line = format!("- **{} · {}**", origin_letter(i), md(&origin_name(d, l, i)));
        if let Some(a) = &o.agency {
            let _ = write!(line, " (agency: {})", md(a));
        }
        if arts.len() > 1 {
            let _ = write!(line, " — {} copies, counted once", arts.len());
        }
        let _ = writeln!(s, "{line} {}", refs(&arts));
        for e in &o.evidence {
            let _ = writeln!(s, "  - {}", md(e));
        }
    }
    s.push('\n');
}

fn verdict(d: &Dossier, l: &[String], v: Verdict, s: &mut String) {
    let figs: Vec<&FigureSlot> = figures_with(d, v).collect();
    let _ = writeln!(s, "## {}\n", verdict_section(v));
    if figs.is_empty() {
        let _ = writeln!(s, "None.\n");
        return;
    }
    match v {
        Verdict::Conflict | Verdict::Revised | Verdict::Compatible => {
            for f in figs {
                slot(d, l, f, s);
            }
        }
        Verdict::Agree | Verdict::SingleSource => {
            let _ = writeln!(
                s,
                "| What | Value | Wording | According to | Corroboration | Origins | Articles |"
            );
            let _ = writeln!(s, "|---|---|---|---|---|---|---|");
            for f in figs {
                for val in &f.values {
                    let arts = mention_articles(&val.mentions);
                    let _ = writeln!(
                        s,
                        "| **{}** | {} | “{}” | {} | {} | {} | {} |",
                        md(&f.label),
                        md(&normalized(val)),
                        md(&val.text),
                        md(val.attributed_to.as_deref().unwrap_or("")),
                        origins_phrase(dedup_len(&val.origins), arts.len()),
                        origin_letters(&val.origins),
                        refs(&arts)
                    );
                }
            }
            s.push('\n');
        }
    }
}

fn slot(d: &Dossier, l: &[String], f: &FigureSlot, s: &mut String) {
    let mut all: Vec<usize> = f
        .values
        .iter()
        .flat_map(|v| mention_articles(&v.mentions))
        .collect();
    all.sort_unstable();
    all.dedup();
    let _ = writeln!(s, "### {}: {}\n", verdict_label(f.verdict), md(&f.label));
    let _ = write!(
        s,
        "Reported by {}.",
        origins_phrase(f.origin_count, all.len())
    );
    if let Some(n) = &f.note {
        let why = if f.verdict == Verdict::Compatible {
            "Why compatible:"
        } else {
            "Why:"
        };
        let _ = write!(s, " **{why}** {}", md(n));
    }
    s.push_str("\n\n");
    let _ = writeln!(
        s,
        "| Value | Wording | Hedge | According to | Corroboration | Origins | Articles |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|---|");
    for v in &f.values {
        let arts = mention_articles(&v.mentions);
        let _ = writeln!(
            s,
            "| **{}** | “{}” | {} | {}{} | {} | {} | {} |",
            md(&normalized(v)),
            md(&v.text),
            qualifier_label(v.qualifier),
            md(v.attributed_to.as_deref().unwrap_or("")),
            v.as_of
                .as_deref()
                .map(|d| format!(" (as of {})", md(d)))
                .unwrap_or_default(),
            origins_phrase(dedup_len(&v.origins), arts.len()),
            origin_letters(&v.origins),
            refs(&arts)
        );
    }
    s.push('\n');
    for v in &f.values {
        value_sources(d, l, v, s);
    }
}

fn value_sources(d: &Dossier, l: &[String], v: &SlotValue, s: &mut String) {
    let _ = writeln!(s, "**{}** — “{}”:\n", md(&normalized(v)), md(&v.text));
    sentences(d, l, &v.mentions, s);
}

/// Quotes each cited sentence once (wire copies repeat it), with the span in
/// bold and the outlets and article numbers that carry it.
fn sentences(d: &Dossier, l: &[String], mentions: &[Mention], s: &mut String) {
    for (text, arts) in distinct_sentences(d, mentions, sentence_md) {
        let names: Vec<String> = arts.iter().map(|&a| article_name(l, a)).collect();
        let _ = writeln!(
            s,
            "> “{text}”<br>— {} {}\n",
            md(&names.join(", ")),
            refs(&arts)
        );
    }
}

/// The mention's sentence in Markdown with the span in bold.
fn sentence_md(d: &Dossier, m: &Mention) -> Option<String> {
    let text = &d.articles.get(m.article)?.text;
    let flat = |x: &str| md(&x.split_whitespace().collect::<Vec<_>>().join(" "));
    let sentence = slice(text, m.sentence).filter(|x| !x.trim().is_empty());
    let (ss, se) = (m.sentence.start as usize, m.sentence.end as usize);
    let (ps, pe) = (m.span.start as usize, m.span.end as usize);
    if sentence.is_some() && ss <= ps && pe <= se && ps < pe {
        if let (Some(a), Some(b), Some(c)) = (text.get(ss..ps), text.get(ps..pe), text.get(pe..se))
        {
            let (a, b, c) = (flat(a), flat(b), flat(c));
            // Keep the spaces around the bold part outside the asterisks,
            // or GitHub does not render the emphasis.
            let pre_space = text
                .get(..ps)
                .is_some_and(|x| x.ends_with(char::is_whitespace));
            let post_space = text
                .get(pe..)
                .is_some_and(|x| x.starts_with(char::is_whitespace));
            return Some(format!(
                "{a}{}**{b}**{}{c}",
                if pre_space && !a.is_empty() { " " } else { "" },
                if post_space && !c.is_empty() { " " } else { "" },
            ));
        }
    }
    let t = sentence.or_else(|| slice(text, m.span).filter(|x| !x.trim().is_empty()))?;
    Some(flat(t))
}

fn dedup_len(v: &[usize]) -> usize {
    let mut v = v.to_vec();
    v.sort_unstable();
    v.dedup();
    v.len()
}

fn quotes(d: &Dossier, l: &[String], s: &mut String) {
    let _ = writeln!(s, "## Quotes\n");
    if d.quotes.is_empty() {
        let _ = writeln!(s, "None.\n");
        return;
    }
    let _ = writeln!(
        s,
        "Wordings after the first show what changed: ~~removed~~ and **added** words.\n"
    );
    for q in &d.quotes {
        let _ = writeln!(
            s,
            "### {}\n",
            md(q.speaker.as_deref().unwrap_or("Unattributed"))
        );
        let mut meta = format!(
            "**{}** · {} independent origin{} · {} wording{}",
            verdict_label(q.verdict),
            q.origin_count,
            plural(q.origin_count),
            q.variants.len(),
            plural(q.variants.len())
        );
        if q.wording_differs {
            meta.push_str(" · wording differs");
        }
        if q.origin_count <= 1 {
            meta.push_str(" · ⚠ **single origin**");
        }
        if let Some(n) = &q.note {
            let _ = write!(meta, " — {}", md(n));
        }
        let _ = writeln!(s, "{meta}\n");
        for (k, v) in q.variants.iter().enumerate() {
            let mut words = String::new();
            if k == 0 || v.diff.is_empty() {
                words.push_str(&md(&v.text));
            } else {
                for (kind, w, space) in diff_pieces(&v.diff) {
                    if space {
                        words.push(' ');
                    }
                    match kind {
                        DiffKind::Same => words.push_str(&md(w)),
                        DiffKind::Removed => {
                            let _ = write!(words, "~~{}~~", md(w));
                        }
                        DiffKind::Added => {
                            let _ = write!(words, "**{}**", md(w));
                        }
                    }
                }
            }
            let arts = mention_articles(&v.mentions);
            let _ = writeln!(
                s,
                "{}. “{words}” — {} {} {}\n",
                k + 1,
                origins_phrase(dedup_len(&v.origins), arts.len()),
                origin_letters(&v.origins),
                refs(&arts)
            );
            // Indented to stay inside the numbered item.
            let mut quoted = String::new();
            sentences(d, l, &v.mentions, &mut quoted);
            for line in quoted.lines() {
                if line.is_empty() {
                    s.push('\n');
                } else {
                    let _ = writeln!(s, "   {line}");
                }
            }
        }
    }
}

fn entities(d: &Dossier, s: &mut String) {
    let _ = writeln!(s, "## Entities\n");
    if d.entities.is_empty() {
        let _ = writeln!(s, "None.\n");
        return;
    }
    let _ = writeln!(
        s,
        "| Name | Kind | Also called | Roles | Origins | Articles |"
    );
    let _ = writeln!(s, "|---|---|---|---|---:|---|");
    for e in &d.entities {
        let aliases: Vec<&str> = e
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|a| *a != e.name)
            .collect();
        let _ = writeln!(
            s,
            "| **{}** | {} | {} | {} | {} | {} |",
            md(&e.name),
            md(&e.kind),
            md(&aliases.join(", ")),
            md(&e.roles.join(", ")),
            e.origin_count,
            refs(&e.articles)
        );
    }
    s.push('\n');
}

fn timeline(d: &Dossier, s: &mut String) {
    let _ = writeln!(s, "## Timeline\n");
    if d.timeline.is_empty() {
        let _ = writeln!(s, "None.\n");
        return;
    }
    let _ = writeln!(s, "| Date | What | Origins | Articles |");
    let _ = writeln!(s, "|---|---|---:|---|");
    for t in &d.timeline {
        let mut what = md(&t.what);
        if !t.disputed.is_empty() {
            let _ = write!(
                what,
                " ⚠ **disputed**: also given as {}",
                md(&t.disputed.join(", "))
            );
        }
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            md(&t.date),
            what,
            t.origin_count,
            refs(&mention_articles(&t.mentions))
        );
    }
    s.push('\n');
}
