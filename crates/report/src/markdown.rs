//! The Markdown printer: GitHub-flavoured Markdown with tables, for pasting
//! into an issue, a wiki or a newsroom doc.
//!
//! Dossier text is escaped with [`md`] so an article cannot inject links,
//! images, HTML or table cells into the report.

use crate::common::{
    article_name, count_verdict, diff_pieces, distinct_sentences, figures_with, mention_articles,
    normalized, origin_letter, origin_letters, origins_phrase, outlets, plural, published_day,
    qualifier_label, refs, slice, verdict_label, verdict_section, DiffKind, VERDICT_ORDER,
};
use crate::ReportError;
use crosswire_model::dossier::{Dossier, FigureSlot, Mention, SlotValue, Verdict};
use std::fmt::Write as _;
use std::io::Write;

pub fn render(d: &Dossier, out: &mut dyn Write) -> Result<(), ReportError> {
    let mut s = String::new();
    header(d, &mut s);
    articles(d, &mut s);
    origins(d, &mut s);
    for v in VERDICT_ORDER {
        verdict(d, v, &mut s);
    }
    quotes(d, &mut s);
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
/// would end a table row).
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
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
        md(&outs.join(", "))
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

fn articles(d: &Dossier, s: &mut String) {
    let _ = writeln!(s, "## Articles\n");
    if d.articles.is_empty() {
        let _ = writeln!(s, "None.\n");
        return;
    }
    let _ = writeln!(s, "| # | Outlet | Title | Date | Lang | Origin | Source |");
    let _ = writeln!(s, "|---:|---|---|---|---|---|---|");
    for (i, a) in d.articles.iter().enumerate() {
        let title = md(a.title.as_deref().unwrap_or("(no title)"));
        let title = match a
            .url
            .as_deref()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        {
            // Parentheses and spaces would end the link target early.
            Some(u) => format!("[{title}](<{}>)", u.replace(['<', '>', ' '], "")),
            None => title,
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} |",
            i + 1,
            md(&article_name(d, i)),
            title,
            md(&published_day(a).unwrap_or_default()),
            md(a.language.as_deref().unwrap_or("")),
            origin_letter(a.origin),
            md(&a.source)
        );
    }
    s.push('\n');
}

fn origins(d: &Dossier, s: &mut String) {
    let _ = writeln!(s, "## Origins\n");
    let _ = writeln!(
        s,
        "Articles that copy or rewrite one story form one origin and count once.\n"
    );
    for (i, o) in d.origins.iter().enumerate() {
        let mut arts = o.articles.clone();
        arts.sort_unstable();
        arts.dedup();
        let mut line = format!("- **{} · {}**", origin_letter(i), md(&o.label));
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

fn verdict(d: &Dossier, v: Verdict, s: &mut String) {
    let figs: Vec<&FigureSlot> = figures_with(d, v).collect();
    let _ = writeln!(s, "## {}\n", verdict_section(v));
    if figs.is_empty() {
        let _ = writeln!(s, "None.\n");
        return;
    }
    match v {
        Verdict::Conflict | Verdict::Revised | Verdict::Compatible => {
            for f in figs {
                slot(d, f, s);
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

fn slot(d: &Dossier, f: &FigureSlot, s: &mut String) {
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
            "| **{}** | “{}” | {} | {} | {} | {} | {} |",
            md(&normalized(v)),
            md(&v.text),
            qualifier_label(v.qualifier),
            md(v.attributed_to.as_deref().unwrap_or("")),
            origins_phrase(dedup_len(&v.origins), arts.len()),
            origin_letters(&v.origins),
            refs(&arts)
        );
    }
    s.push('\n');
    for v in &f.values {
        value_sources(d, v, s);
    }
}

fn value_sources(d: &Dossier, v: &SlotValue, s: &mut String) {
    let _ = writeln!(s, "**{}** — “{}”:\n", md(&normalized(v)), md(&v.text));
    sentences(d, &v.mentions, s);
}

/// Quotes each cited sentence once (wire copies repeat it), with the span in
/// bold and the outlets and article numbers that carry it.
fn sentences(d: &Dossier, mentions: &[Mention], s: &mut String) {
    for (text, arts) in distinct_sentences(d, mentions, sentence_md) {
        let names: Vec<String> = arts.iter().map(|&a| article_name(d, a)).collect();
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

fn quotes(d: &Dossier, s: &mut String) {
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
            sentences(d, &v.mentions, &mut quoted);
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
