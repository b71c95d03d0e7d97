//! Every format renders the fixture dossier with its real content.

mod fixture;

use crosswire_model::dossier::{Dossier, Mention, Verdict};
use crosswire_model::ByteRange;
use crosswire_report::{render, render_to_string, Format, RenderOptions};
use unicode_width::UnicodeWidthStr;

fn plain() -> RenderOptions {
    RenderOptions::default()
}

fn out(d: &Dossier, f: Format) -> String {
    render_to_string(d, f, &plain()).expect("render")
}

#[test]
fn formats_parse_and_print_their_names() {
    for f in Format::ALL {
        assert_eq!(f.name().parse::<Format>().ok(), Some(f));
    }
    assert_eq!("md".parse::<Format>().ok(), Some(Format::Markdown));
    assert!("pdf".parse::<Format>().is_err());
}

#[test]
fn terminal_has_every_section_and_the_conflict_with_sources() {
    let d = fixture::dossier();
    let t = out(&d, Format::Terminal);
    for needle in [
        "4 articles from 3 independent origins",
        "ORIGINS",
        "CONFLICTS",
        "COMPATIBLE",
        "AGREE",
        "SINGLE-SOURCE",
        "QUOTES",
        "ENTITIES",
        "TIMELINE",
        "inmates transferred",
        "\"300 inmates\"",
        "\"180 presos\"",
        "Ministry of Justice",
        "sindicato de guardias",
        "3 independent origins (4 articles)",
        "[1,2,4]",
        "[3]",
        "The Valley Courier copies Harbor Times",
        "more than 2 million\" includes 2.4 million",
        "Marta Olivares",
        "single origin",
        "2026-03-13",
        // The file name, not the path: labels and the JSON carry the rest.
        "diario-del-puerto.html",
        "Northern Ledger drops",
    ] {
        assert!(t.contains(needle), "terminal output lacks {needle:?}:\n{t}");
    }
    // Conflicts come before agreement: what needs attention first.
    let conflict = t.find("CONFLICTS").unwrap_or(usize::MAX);
    let agree = t.find("AGREE").unwrap_or(0);
    assert!(conflict < agree);
    // Without colour there are no escape sequences, and the word diff is
    // still visible as text markers.
    assert!(!t.contains('\u{1b}'));
    assert!(t.contains("[-own-]"), "{t}");
    assert!(t.contains("{+no one+}"), "{t}");
}

#[test]
fn terminal_fits_the_width_without_colour() {
    let d = fixture::dossier();
    for width in [80, 60, 40, 120] {
        let opts = RenderOptions {
            color: false,
            width,
        };
        let t = render_to_string(&d, Format::Terminal, &opts).expect("render");
        for line in t.lines() {
            assert!(
                line.width() <= width,
                "line wider than {width}: {:?} ({})",
                line,
                line.width()
            );
        }
    }
}

#[test]
fn terminal_colour_adds_styles_but_not_width() {
    let d = fixture::dossier();
    let opts = RenderOptions {
        color: true,
        width: 80,
    };
    let t = render_to_string(&d, Format::Terminal, &opts).expect("render");
    assert!(t.contains('\u{1b}'));
    let plain_text = out(&d, Format::Terminal);
    assert_eq!(strip_ansi(&t).lines().count(), plain_text.lines().count());
    for line in strip_ansi(&t).lines() {
        assert!(line.width() <= 80, "{line:?}");
    }
}

fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn terminal_neutralizes_control_characters() {
    let mut d = fixture::dossier();
    d.articles[0].title = Some("Evil \u{1b}[31mred\u{1b}[0m title".into());
    let t = out(&d, Format::Terminal);
    assert!(!t.contains('\u{1b}'));
    assert!(t.contains("Evil"));
}

#[test]
fn markdown_has_tables_sources_and_quotes() {
    let d = fixture::dossier();
    let m = out(&d, Format::Markdown);
    for needle in [
        "# ",
        "## Conflicts",
        "## Compatible",
        "## Agree",
        "## Single-source claims",
        "## Quotes",
        "## Entities",
        "## Timeline",
        "## Origins",
        "| # |",
        "inmates transferred",
        "300 inmates",
        "180 presos",
        "> ",
        "Las autoridades trasladaron",
        "~~own~~",
        "**no one**",
        "2026-03-13",
        "3 independent origins (4 articles)",
    ] {
        assert!(m.contains(needle), "markdown lacks {needle:?}:\n{m}");
    }
}

#[test]
fn markdown_escapes_table_breaking_text() {
    let mut d = fixture::dossier();
    d.figures[0].label = "a | b <img src=x>".into();
    let m = out(&d, Format::Markdown);
    assert!(m.contains("a \\| b"));
    assert!(!m.contains("<img"));
}

#[test]
fn html_is_self_contained_and_links_every_source() {
    let d = fixture::dossier();
    let h = out(&d, Format::Html);
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(!h.contains("<link"), "no external stylesheets");
    assert!(!h.contains("src=\""), "no external scripts or images");
    for needle in [
        "inmates transferred",
        "300 inmates",
        "180 presos",
        "Ministry of Justice",
        "Coastal Press Agency",
        "Why compatible",
        "<del",
        "<ins",
        "Disputed",
        "2026-03-13",
        "<mark id=\"m1-1\"",
    ] {
        assert!(h.contains(needle), "html lacks {needle:?}");
    }
    let ids = attr_values(&h, "id=\"");
    let mut hrefs = attr_values(&h, "href=\"#");
    assert!(hrefs.iter().any(|x| x.starts_with('m')));
    hrefs.retain(|x| !x.is_empty());
    for href in &hrefs {
        assert!(ids.contains(href), "href=#{href} has no matching id");
    }
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "ids are unique");
    assert_balanced(&h, "mark");
    assert_balanced(&h, "b");
}

fn attr_values(h: &str, prefix: &str) -> Vec<String> {
    h.match_indices(prefix)
        .filter_map(|(i, _)| {
            let rest = &h[i + prefix.len()..];
            rest.find('"').map(|e| rest[..e].to_string())
        })
        .collect()
}

/// Open and close tags of `tag` alternate and balance (marks never nest or
/// cross each other).
fn assert_balanced(h: &str, tag: &str) {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut depth = 0i32;
    let mut i = 0;
    while i < h.len() {
        let rest = &h[i..];
        if rest.starts_with(&close) {
            depth -= 1;
            assert!(depth >= 0, "stray {close}");
            i += close.len();
        } else if rest.starts_with(&open) && rest[open.len()..].starts_with(['>', ' ']) {
            depth += 1;
            assert!(depth <= 1, "nested <{tag}>");
            i += open.len();
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    assert_eq!(depth, 0, "unclosed <{tag}>");
}

#[test]
fn html_escapes_untrusted_text() {
    let mut d = fixture::dossier();
    d.articles[1].title = Some("<script>alert('title')</script>".into());
    d.articles[1].text = format!(
        "{}\n\n<script>alert(\"text\")</script> & more",
        d.articles[1].text
    );
    d.articles[1].outlet = Some("\"><img onerror=x>".into());
    d.articles[1].url = Some("javascript:alert(1)".into());
    d.figures[0].label = "<b>bold</b>".into();
    d.quotes[0].speaker = Some("<i>x</i>".into());
    let h = out(&d, Format::Html);
    assert!(!h.contains("<script>alert"));
    assert!(h.contains("&lt;script&gt;alert(&#x27;title&#x27;)&lt;&#x2F;script&gt;"));
    assert!(h.contains("&lt;script&gt;alert(&quot;text&quot;)"));
    assert!(!h.contains("<img onerror"));
    assert!(!h.contains("javascript:alert"));
    assert!(!h.contains("<b>bold</b>"));
    assert!(!h.contains("<i>x</i>"));
    // Exactly one real script element: ours.
    assert_eq!(h.matches("<script>").count(), 1);
}

#[test]
fn bad_offsets_do_not_panic() {
    let mut d = fixture::dossier();
    let bad = [
        // Out of range.
        Mention {
            article: 0,
            span: ByteRange {
                start: 5000,
                end: 6000,
            },
            sentence: ByteRange {
                start: 4000,
                end: 7000,
            },
        },
        // Inside "ó" of "operación" / "Ferrán": not char boundaries.
        Mention {
            article: 2,
            span: ByteRange::new(
                d.articles[2].text.find('ó').unwrap_or(0) + 1,
                d.articles[2].text.find('ó').unwrap_or(0) + 3,
            ),
            sentence: ByteRange::new(0, d.articles[2].text.find('á').unwrap_or(0) + 1),
        },
        // Reversed.
        Mention {
            article: 1,
            span: ByteRange { start: 40, end: 10 },
            sentence: ByteRange { start: 50, end: 3 },
        },
        // No such article, and one whose number would overflow.
        Mention {
            article: usize::MAX,
            span: ByteRange { start: 0, end: 3 },
            sentence: ByteRange { start: 0, end: 3 },
        },
        Mention {
            article: 99,
            span: ByteRange { start: 0, end: 3 },
            sentence: ByteRange { start: 0, end: 3 },
        },
        // Valid span, overlapping a cited sentence only partly.
        Mention {
            article: 0,
            span: ByteRange { start: 60, end: 70 },
            sentence: ByteRange {
                start: 30,
                end: 200,
            },
        },
    ];
    d.figures[0].values[1].mentions.extend(bad.iter().cloned());
    d.quotes[1].variants[0].mentions.extend(bad.iter().cloned());
    d.timeline[0].mentions.extend(bad.iter().cloned());
    d.articles[3].origin = 42;
    d.figures[2].values[0].origins.push(77);
    d.figures[2].values[0].origins.push(usize::MAX);
    d.entities[0].articles.push(usize::MAX);
    d.origins[0].articles.push(usize::MAX - 1);
    d.origins[0].articles.push(usize::MAX);
    for f in Format::ALL {
        let r = render_to_string(&d, f, &plain());
        assert!(r.is_ok(), "{f} failed: {r:?}");
    }
    let h = out(&d, Format::Html);
    assert_balanced(&h, "mark");
    assert_balanced(&h, "b");
    let ids = attr_values(&h, "id=\"");
    for href in attr_values(&h, "href=\"#") {
        assert!(ids.contains(&href), "href=#{href} has no matching id");
    }
}

#[test]
fn csv_has_a_row_per_value_and_quote_wording() {
    let d = fixture::dossier();
    let c = out(&d, Format::Csv);
    let mut r = csv::Reader::from_reader(c.as_bytes());
    let headers = r.headers().expect("headers").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = r.records().collect::<Result<_, _>>().expect("rows");
    let values: usize = d.figures.iter().map(|f| f.values.len()).sum();
    let wordings: usize = d.quotes.iter().map(|q| q.variants.len()).sum();
    assert_eq!(rows.len(), values + wordings);
    let conflict: Vec<_> = rows
        .iter()
        .filter(|r| &r[col("verdict")] == "conflict")
        .collect();
    assert_eq!(conflict.len(), 2);
    assert_eq!(&conflict[0][col("value_text")], "300 inmates");
    assert_eq!(&conflict[0][col("articles")], "1;2;4");
    assert_eq!(&conflict[0][col("origin_count")], "2");
    assert_eq!(
        &conflict[0][col("sources")],
        "Harbor Times;The Valley Courier;Northern Ledger"
    );
    assert_eq!(&conflict[1][col("value")], "180");
    assert!(conflict[1][col("first_sentence")].starts_with("Las autoridades"));
    let open_ended = rows
        .iter()
        .find(|r| &r[col("qualifier")] == "more_than")
        .expect("more than row");
    assert_eq!(&open_ended[col("high")], "");
    let quotes: Vec<_> = rows.iter().filter(|r| &r[col("kind")] == "quote").collect();
    assert_eq!(quotes.len(), 3);
    assert_eq!(&quotes[0][col("label")], "Marta Olivares");
    assert_eq!(&quotes[0][col("wording_differs")], "true");
    assert_eq!(&quotes[0][col("verdict")], "compatible");
    assert_eq!(&quotes[2][col("verdict")], "single_source");
}

#[test]
fn json_round_trips() {
    let d = fixture::dossier();
    let j = out(&d, Format::Json);
    assert!(j.contains("\"schema\": \"crosswire-dossier/1\""));
    let back: Dossier = serde_json::from_str(&j).expect("parse");
    assert_eq!(back, d);
}

#[test]
fn empty_dossier_renders_in_every_format() {
    let d = Dossier {
        schema: crosswire_model::dossier::DOSSIER_SCHEMA.into(),
        articles: vec![],
        origins: vec![],
        figures: vec![],
        quotes: vec![],
        entities: vec![],
        timeline: vec![],
    };
    for f in Format::ALL {
        let mut buf = Vec::new();
        render(&d, f, &mut buf, &plain()).expect("render");
        assert!(!buf.is_empty() || f == Format::Csv);
    }
}

/// docs/dossier.md documents every JSON field: a field added to the model
/// without docs fails here.
#[test]
fn every_json_field_is_documented() {
    let docs = include_str!("../../../docs/dossier.md");
    let d = fixture::dossier();
    let v = serde_json::to_value(&d).expect("json");
    let mut keys = std::collections::BTreeSet::new();
    collect_keys(&v, &mut keys);
    for k in keys {
        assert!(
            docs.contains(&format!("`{k}`")),
            "docs/dossier.md does not document the field `{k}`"
        );
    }
}

fn collect_keys(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                out.insert(k.clone());
                collect_keys(x, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_keys(x, out)),
        _ => {}
    }
}

/// Repro 4: a canonical URL with line breaks, brackets and pipes cannot
/// add links, images or table rows, and URLs in article text do not
/// become autolinks.
#[test]
fn markdown_cannot_be_injected_through_urls_or_text() {
    let mut d = fixture::dossier();
    let rows_before = out(&d, Format::Markdown)
        .lines()
        .filter(|l| l.starts_with("| ") && l.ends_with(" |"))
        .count();
    d.articles[0].url = Some(
        "https://x.example/news\n\n[Read the full story](javascript:alert(1))\n\
         ![](https://evil.example/pixel.png)\n\n|x|"
            .into(),
    );
    d.articles[1].url = Some("javascript:alert(document.domain)".into());
    d.figures[0].label =
        "see www.evil.example/login or https://evil.example/pay, mail a@evil.example".into();
    let m = out(&d, Format::Markdown);
    assert!(!m.contains("](javascript:"), "{m}");
    assert!(!m.contains("![]("), "{m}");
    assert!(!m.contains("(<javascript"), "{m}");
    let rows_after = m
        .lines()
        .filter(|l| l.starts_with("| ") && l.ends_with(" |"))
        .count();
    assert_eq!(rows_before, rows_after, "{m}");
    // Every URL-like word of the text sits in a code span.
    for word in [
        "`www.evil.example/login`",
        "`https://evil.example/pay,`",
        "`a@evil.example`",
    ] {
        assert!(m.contains(word), "{word} not in a code span:\n{m}");
    }
    // The link target has nothing left that could end it.
    let target = m
        .split("(<https://x.example/news")
        .nth(1)
        .and_then(|rest| rest.split(">)").next())
        .expect("the title still links to the page");
    assert!(
        !target.contains(['\n', ' ', '|', '(', ')', '[', ']', '<']),
        "{target}"
    );
}

#[test]
fn html_filter_by_outlet_and_language_needs_a_script_and_covers_every_article() {
    let d = fixture::dossier();
    let h = out(&d, Format::Html);
    // Hidden until the script shows it: without a script the page is whole.
    assert!(
        h.contains("<form class=\"filter\" id=\"filter\" hidden"),
        "no hidden filter form"
    );
    for label in [
        "> en <",
        "> es <",
        "> Harbor Times <",
        "> Northern Ledger <",
    ] {
        assert!(h.contains(label), "no checkbox for {label}");
    }
    // The script's table gives each article its outlet and language: the
    // two English wire copies of different outlets, the Spanish paper.
    let table = h
        .split("var CW_ART={")
        .nth(1)
        .and_then(|t| t.split('}').next())
        .expect("no article table");
    let rows: Vec<&str> = table.split(',').collect();
    assert_eq!(rows.len(), d.articles.len(), "{table}");
    let lang_of = |i: usize| {
        rows[i]
            .split(':')
            .nth(1)
            .and_then(|v| v.trim_matches('"').split(' ').nth(1))
            .map(str::to_string)
    };
    assert_eq!(lang_of(0), lang_of(1));
    assert_ne!(lang_of(0), lang_of(2));
    // Every article text and every value row can be hidden by the filter.
    for i in 0..d.articles.len() {
        assert!(h.contains(&format!("data-a=\"{i}\"")), "article {i}");
    }
    let cards: usize = d
        .figures
        .iter()
        .filter(|f| {
            matches!(
                f.verdict,
                Verdict::Conflict | Verdict::Revised | Verdict::Compatible
            )
        })
        .map(|f| f.values.len())
        .sum();
    let rows = d.figures.len()
        - d.figures
            .iter()
            .filter(|f| {
                matches!(
                    f.verdict,
                    Verdict::Conflict | Verdict::Revised | Verdict::Compatible
                )
            })
            .count();
    assert_eq!(h.matches("class=\"value\" data-as=").count(), cards);
    assert_eq!(h.matches("<tbody data-as=").count(), rows);
}
