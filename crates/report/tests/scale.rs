//! The dossier at scale: names instead of paths, ranked key points, and the
//! pictures of the HTML dossier, on synthetic dossiers of invented outlets.

use crosswire_model::dossier::{
    Dossier, DossierArticle, FigureSlot, Mention, Origin, SlotValue, Verdict, DOSSIER_SCHEMA,
};
use crosswire_model::{ByteRange, Qualifier};
use crosswire_report::{render_to_string, Format, RenderOptions};

/// A deep directory no printer may show (it stands for the reader's home).
fn deep_dir() -> String {
    let d = std::env::temp_dir().join("cw-home/someone/coverage/2031/texts");
    d.to_string_lossy().into_owned()
}

fn article(i: usize, outlet: Option<&str>, lang: &str, origin: usize) -> DossierArticle {
    let text = format!("Story {i}\n\nOfficials said {} people were hurt.", 10 + i);
    DossierArticle {
        id: format!("id{i}"),
        source: format!("{}/{:03}_story-number-{i}.txt", deep_dir(), i),
        outlet: outlet.map(str::to_string),
        title: Some(format!("Story {i}")),
        url: None,
        published: None,
        language: Some(lang.into()),
        origin,
        origin_kind: None,
        text,
    }
}

/// The mention of the figure sentence of article `a`.
fn mention(d: &[DossierArticle], a: usize) -> Mention {
    let text = &d[a].text;
    let s = text.find("Officials").unwrap_or(0);
    Mention {
        article: a,
        span: ByteRange::new(s, s + 9),
        sentence: ByteRange::new(s, text.len()),
    }
}

fn value(
    arts: &[DossierArticle],
    text: &str,
    v: f64,
    q: Qualifier,
    origins: &[usize],
    as_of: Option<&str>,
) -> SlotValue {
    let (low, high) = match q {
        Qualifier::MoreThan | Qualifier::AtLeast => (v, None),
        Qualifier::About => (v * 0.9, Some(v * 1.1)),
        _ => (v, Some(v)),
    };
    SlotValue {
        text: text.into(),
        value: v,
        low,
        high,
        unit: None,
        qualifier: q,
        attributed_to: None,
        as_of: as_of.map(str::to_string),
        mentions: origins
            .iter()
            .map(|&o| mention(arts, o % arts.len()))
            .collect(),
        origins: origins.to_vec(),
    }
}

fn slot(label: &str, verdict: Verdict, values: Vec<SlotValue>) -> FigureSlot {
    let mut o: Vec<usize> = values.iter().flat_map(|v| v.origins.clone()).collect();
    o.sort_unstable();
    o.dedup();
    FigureSlot {
        label: label.into(),
        verdict,
        conflicts: if verdict == Verdict::Conflict {
            vec![[0, 1]]
        } else {
            vec![]
        },
        values,
        origin_count: o.len(),
        note: None,
    }
}

/// Twelve articles: eight with an outlet (two of one outlet, so labels
/// need numbering), four bare text files; origin 0 is a copy cluster of
/// three articles, one of them in another language.
fn dossier() -> Dossier {
    let outlets = [
        Some("Harbour Post"),
        Some("Harbour Post"),
        Some("Valley Times"),
        None,
        Some("<b>Evil</b> \"Outlet\" & Co"),
        Some("Ridge Ledger"),
        None,
        Some("Coast Wire"),
        Some("Plain Courier"),
        None,
        Some("Delta Daily"),
        None,
    ];
    let mut articles = Vec::new();
    let mut origins: Vec<Origin> = Vec::new();
    for (i, o) in outlets.iter().enumerate() {
        // Articles 0, 4 and 6 are one origin (index 0); every other
        // article is its own origin.
        let origin = if [0, 4, 6].contains(&i) {
            0
        } else {
            origins.len().max(1)
        };
        if origin != 0 || origins.is_empty() {
            origins.push(Origin {
                label: format!("{}/{:03}_story-number-{i}.txt", deep_dir(), i),
                agency: None,
                articles: if origin == 0 { vec![0, 4, 6] } else { vec![i] },
                evidence: vec![],
            });
        }
        let lang = if i == 6 { "es" } else { "en" };
        articles.push(article(i, *o, lang, origin));
    }
    let a = &articles;
    let mut figures = Vec::new();
    // Weak conflicts first in dossier order (one origin each side) ...
    for k in 0..8 {
        figures.push(slot(
            &format!("weak conflict {k}"),
            Verdict::Conflict,
            vec![
                value(a, "12", 12.0, Qualifier::Exact, &[k + 1], None),
                value(a, "15", 15.0, Qualifier::Exact, &[k + 2], None),
            ],
        ));
    }
    // ... a strong one last: three origins against two.
    figures.push(slot(
        "strong conflict",
        Verdict::Conflict,
        vec![
            value(
                a,
                "more than 200",
                200.0,
                Qualifier::MoreThan,
                &[1, 2, 3],
                None,
            ),
            value(a, "about 150", 150.0, Qualifier::About, &[4, 5], None),
            value(a, "120", 120.0, Qualifier::Exact, &[6], None),
        ],
    ));
    figures.push(slot(
        "toll",
        Verdict::Revised,
        vec![
            value(a, "three", 3.0, Qualifier::Exact, &[1], Some("2031-04-12")),
            value(a, "ten", 10.0, Qualifier::Exact, &[2], Some("2031-04-15")),
            value(
                a,
                "at least five",
                5.0,
                Qualifier::AtLeast,
                &[3],
                Some("2031-04-13"),
            ),
            value(a, "seven", 7.0, Qualifier::Exact, &[4], Some("2031-04-14")),
        ],
    ));
    for k in 0..4 {
        figures.push(slot(
            &format!("agreed {k}"),
            Verdict::Agree,
            vec![value(a, "40", 40.0, Qualifier::Exact, &[1, 2, 3], None)],
        ));
        figures.push(slot(
            &format!("lonely {k}"),
            Verdict::SingleSource,
            vec![value(a, "9", 9.0, Qualifier::Exact, &[5], None)],
        ));
    }
    Dossier {
        schema: DOSSIER_SCHEMA.into(),
        articles,
        origins,
        figures,
        quotes: vec![],
        entities: vec![],
        timeline: vec![],
    }
}

fn render(d: &Dossier, f: Format) -> String {
    let opts = RenderOptions {
        color: false,
        width: 100,
    };
    render_to_string(d, f, &opts).expect("render")
}

/// The text of an HTML page with tags (and so attributes) removed: what a
/// reader sees.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn no_path_is_shown_where_a_label_exists() {
    let d = dossier();
    let dir = deep_dir();
    for f in [Format::Terminal, Format::Markdown, Format::Csv] {
        let out = render(&d, f);
        assert!(!out.contains(&dir), "{f} shows the directory");
        assert!(!out.contains("cw-home"), "{f} shows part of the path");
    }
    let html = render(&d, Format::Html);
    assert!(!visible(&html).contains("cw-home"));
    // The full source stays one hover away, and in the JSON.
    let hover = html
        .split("title=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .find(|t| t.contains("003_story-number-3.txt"))
        .expect("a hover text with the source");
    assert!(hover.contains("cw-home"), "{hover}");
    assert!(render(&d, Format::Json).contains("003_story-number-3.txt"));
}

#[test]
fn labels_are_unique_and_the_same_in_every_format() {
    let d = dossier();
    let term = render(&d, Format::Terminal);
    let md = render(&d, Format::Markdown);
    let html = render(&d, Format::Html);
    for label in [
        "Harbour Post (1)",
        "Harbour Post (2)",
        "Valley Times",
        "003_story-number-3",
        "011_story-number-11",
    ] {
        assert!(term.contains(label), "terminal lacks {label}");
        // Markdown escapes the underscore.
        assert!(
            md.contains(&label.replace('_', "\\_")),
            "markdown lacks {label}"
        );
        assert!(html.contains(label), "html lacks {label}");
    }
    // Unique: each label is its article's only name in the HTML article list.
    let heads: Vec<&str> = html
        .split("<div class=\"outlet\">")
        .skip(1)
        .filter_map(|s| s.split("</div>").next())
        .collect();
    assert_eq!(heads.len(), d.articles.len());
    let mut sorted = heads.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), heads.len(), "{heads:?}");
}

/// The badges of the HTML key points, in order.
fn key_point_badges(html: &str) -> Vec<String> {
    let kp = html
        .split("<ol class=\"kp\">")
        .nth(1)
        .and_then(|s| s.split("</ol>").next())
        .unwrap_or("");
    kp.split("<li><details><summary><span class=\"badge v-")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn key_points_are_ranked_and_capped() {
    let d = dossier();
    let html = render(&d, Format::Html);
    let badges = key_point_badges(&html);
    assert_eq!(badges.len(), 10, "{badges:?}");
    // Conflicts first, then the revision, then agreement, then single source.
    let rank = |b: &str| match b {
        "conflict" => 0,
        "revised" => 1,
        "agree" => 2,
        _ => 3,
    };
    assert!(
        badges.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])),
        "{badges:?}"
    );
    assert!(badges.iter().any(|b| b == "revised"), "{badges:?}");
    assert!(badges.iter().any(|b| b == "single_source"), "{badges:?}");
    // The strongest conflict (3 origins vs 2) leads, though it comes last.
    let first = html.split("<ol class=\"kp\">").nth(1).unwrap_or("");
    let first = first.split("</summary>").next().unwrap_or("");
    assert!(first.contains("strong conflict"), "{first}");
    assert!(html.contains("Not in the key points"));
    // The same order in the terminal and in Markdown.
    let term = render(&d, Format::Terminal);
    let kp = term.split("━━ ARTICLES").next().unwrap_or("");
    assert!(kp.contains(" 1. Conflict · strong conflict"), "{kp}");
    assert!(!kp.contains("11. "));
    let md = render(&d, Format::Markdown);
    assert!(md.contains("1. **Conflict** · strong conflict"));
    assert!(!md.contains("\n11. "));
}

/// The SVG element of a class, whole.
fn svg_of<'a>(html: &'a str, class: &str) -> Vec<&'a str> {
    html.split(&format!("<svg class=\"chart {class}\""))
        .skip(1)
        .filter_map(|s| s.split("</svg>").next())
        .collect()
}

#[test]
fn a_revised_figure_is_drawn_one_point_per_value_in_time_order() {
    let d = dossier();
    let html = render(&d, Format::Html);
    let charts = svg_of(&html, "trajectory");
    assert!(!charts.is_empty());
    for c in &charts {
        assert_eq!(c.matches("<circle class=\"pt").count(), 4, "{c}");
        // Each point links to a highlighted sentence.
        assert_eq!(c.matches("<a href=\"#m").count(), 4, "{c}");
        // The ray of "at least five" and time order on the x axis.
        assert!(c.contains("iv ray"));
        // The x of the point whose hover text quotes `wording`.
        let x = |wording: &str| {
            let i = c.find(&format!("<title>“{wording}”")).unwrap_or(0);
            let tail = &c[i..];
            let at = tail.find("cx=\"").unwrap_or(0);
            tail[at + 4..]
                .split('"')
                .next()
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN)
        };
        assert!(
            x("three") < x("at least five")
                && x("at least five") < x("seven")
                && x("seven") < x("ten"),
            "{c}"
        );
    }
    let term = render(&d, Format::Terminal);
    assert!(term.contains("▁▃▅█"), "{term}");
}

#[test]
fn a_conflict_shows_hedges_as_intervals() {
    let d = dossier();
    let html = render(&d, Format::Html);
    let strong = svg_of(&html, "intervals")
        .into_iter()
        .find(|c| c.contains("strong conflict"))
        .expect("chart of the strong conflict");
    assert_eq!(strong.matches("<circle").count(), 3);
    assert_eq!(
        strong.matches("iv ray").count(),
        1,
        "more than 200 is a ray"
    );
    assert_eq!(
        strong.matches("class=\"band\"").count(),
        1,
        "about 150 is a band"
    );
    assert!(
        strong.contains("pt open"),
        "more than: the bound is not the value"
    );
}

#[test]
fn outlet_markup_stays_escaped_in_svg() {
    let d = dossier();
    let html = render(&d, Format::Html);
    let graph = svg_of(&html, "origin-graph");
    assert_eq!(graph.len(), 1);
    let g = graph[0];
    assert!(g.contains("&lt;b&gt;Evil&lt;"), "{g}");
    assert!(!g.contains("<b>"));
    // One origin with three articles, one of them a translation.
    assert_eq!(g.matches("<path class=\"edge").count(), 3);
    assert_eq!(g.matches("edge translation").count(), 1);
    // In titles (hover text) too: quotes cannot end an attribute or element.
    for c in svg_of(&html, "intervals") {
        assert!(!c.contains("<b>Evil"));
    }
    assert!(!html.contains("\"Outlet\""));
}

#[test]
fn html_is_deterministic() {
    let d = dossier();
    assert_eq!(render(&d, Format::Html), render(&d, Format::Html));
}

#[test]
fn the_timeline_strip_groups_a_day_and_escapes_its_text() {
    use crosswire_model::dossier::TimelineEntry;
    let mut d = dossier();
    let m = mention(&d.articles, 2);
    let entry = |date: &str, what: &str, disputed: Vec<String>| TimelineEntry {
        date: date.into(),
        what: what.into(),
        mentions: vec![m.clone()],
        origin_count: 1,
        disputed,
    };
    d.timeline = vec![
        entry("2031-04-12", "the <i>ferry</i> left", vec![]),
        entry("2031-04-12", "the storm began", vec![]),
        entry(
            "2031-04-14",
            "the inquiry opened",
            vec!["2031-04-15".into()],
        ),
    ];
    let html = render(&d, Format::Html);
    let strip = svg_of(&html, "strip");
    assert_eq!(strip.len(), 1);
    let s = strip[0];
    // Two dates, two dots; the disputed one marked, with its other date.
    assert_eq!(s.matches("<circle").count(), 2, "{s}");
    assert_eq!(s.matches("pt disputed").count(), 1, "{s}");
    assert_eq!(s.matches("class=\"alt\"").count(), 1, "{s}");
    assert!(s.contains("2031-04-12 · 2"), "{s}");
    assert!(s.contains("&lt;i&gt;ferry"), "{s}");
    assert!(!s.contains("<i>"));
}

#[test]
fn a_large_origin_is_drawn_capped_with_its_translations() {
    let mut d = dossier();
    for i in 12..30 {
        let lang = if i == 29 { "de" } else { "en" };
        d.articles.push(article(i, Some("Copy Desk"), lang, 0));
    }
    if let Some(o) = d.origins.first_mut() {
        o.articles.extend(12..30);
    }
    let html = render(&d, Format::Html);
    let graph = svg_of(&html, "origin-graph");
    assert_eq!(graph.len(), 1);
    let g = graph[0];
    // 21 articles in the origin: 12 drawn, the last (a translation) among them.
    assert_eq!(g.matches("<path class=\"edge").count(), 12, "{g}");
    assert!(g.contains("[30] Copy Desk (18) · de"), "{g}");
    assert!(g.contains("and 9 more articles"), "{g}");
    assert!(g.contains("21 articles"), "{g}");
}

#[test]
fn charts_of_odd_values_stay_finite() {
    let mut d = dossier();
    let a = d.articles.clone();
    let mut odd = value(
        &a,
        "a lot",
        f64::NAN,
        Qualifier::Vague,
        &[1],
        Some("not a date"),
    );
    odd.low = f64::NEG_INFINITY;
    let mut huge = value(
        &a,
        "countless",
        f64::INFINITY,
        Qualifier::MoreThan,
        &[2],
        None,
    );
    huge.high = Some(f64::NAN);
    let tiny = value(&a, "none", 0.0, Qualifier::Exact, &[3], Some("99999-99-99"));
    d.figures = vec![
        slot(
            "odd toll",
            Verdict::Revised,
            vec![odd.clone(), huge.clone(), tiny.clone()],
        ),
        slot("odd clash", Verdict::Conflict, vec![odd, huge, tiny]),
        slot("no values", Verdict::Revised, vec![]),
    ];
    let html = render(&d, Format::Html);
    let charts: Vec<&str> = svg_of(&html, "trajectory")
        .into_iter()
        .chain(svg_of(&html, "intervals"))
        .collect();
    assert!(charts.len() >= 2);
    for c in charts {
        assert!(!c.contains("NaN") && !c.contains("inf"), "{c}");
        assert_eq!(c.matches("<circle").count(), 3, "{c}");
    }
}
