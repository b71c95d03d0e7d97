//! The bodies of crosswire's fuzz targets and the oracles they check.
//!
//! Each target takes arbitrary bytes, runs them through the same library
//! calls the CLI makes, and checks invariants that must hold on any input.
//! A broken invariant is a panic, which libFuzzer reports as a crash. The
//! cargo-fuzz crate in `fuzz/` (nightly) wraps these functions one-to-one,
//! and `tests/replay.rs` (stable) runs every seed and past finding through
//! them, so each reproducer stays a regression test without nightly.
//!
//! Time and memory are watched from outside: libFuzzer's `-timeout` and
//! `-rss_limit_mb` (see `scripts/fuzz.sh`).
//!
//! The oracles panic on purpose: that is how a fuzzer learns of a finding.

use crosswire_ingest::{Format, Hints, Item, Options, RawDoc};
use crosswire_model::dossier::Mention;
use crosswire_model::{Article, ByteRange, DocBudget, SpanKind};
use crosswire_report::{Format as ReportFormat, RenderOptions};

/// A target's body: takes any bytes, panics on a broken invariant.
pub type Target = fn(&[u8]);

/// The targets, by the names `cargo fuzz` and the seed directories use.
pub const TARGETS: [(&str, Target); 4] = [
    ("ingest", ingest),
    ("extract", extract),
    ("analyze", analyze),
    ("check", check),
];

/// Separates the documents of one `check` input.
pub const DOC_SEPARATOR: &[u8] = b"\n-----\n";

/// Documents one `check` input may bring: enough for origins, conflicts
/// and quote variants to meet, few enough that a case stays fast.
pub const MAX_CHECK_DOCS: usize = 8;

/// The document cap used by the ingest target: far below the default, so
/// that small fuzz inputs (a gzip bomb, a long JSON line) reach it.
pub const INGEST_MAX_BYTES: u64 = 64 * 1024;

/// Bytes → documents: format sniffing and the container readers (gzip,
/// WARC, JSON Lines, feeds, sitemaps, HTML, text), then charset decoding.
pub fn ingest(data: &[u8]) {
    let opts = Options {
        max_bytes: INGEST_MAX_BYTES,
        ..Options::default()
    };
    for item in crosswire_ingest::open_reader("fuzz", std::io::Cursor::new(data.to_vec()), &opts) {
        let source = match &item {
            Item::Doc(doc) => {
                assert!(
                    doc.bytes.len() as u64 <= INGEST_MAX_BYTES,
                    "a document of {} bytes passed the {INGEST_MAX_BYTES}-byte cap",
                    doc.bytes.len()
                );
                // Decoding is the other half of reading: it must take any bytes.
                let html = crosswire_ingest::charset::decode_html(
                    &doc.bytes,
                    doc.hints.charset.as_deref(),
                );
                let text = crosswire_ingest::charset::decode_text(&doc.bytes);
                assert!(
                    html.len() <= doc.bytes.len() * 3 + 3 && text.len() <= doc.bytes.len() * 3 + 3
                );
                &doc.source
            }
            Item::Link(link) => &link.source,
            Item::Error(e) | Item::Skipped(e) => &e.source_name,
        };
        assert!(
            source == "fuzz" || source.starts_with("fuzz#"),
            "an item names an input that was never given: {source:?}"
        );
    }
}

/// HTML → article: the extractor on a page, with the page's own bytes.
pub fn extract(data: &[u8]) {
    let doc = raw_doc("fuzz.html", Format::Html, data);
    if let Ok(article) = crosswire_extract::extract(&doc) {
        check_article(&article);
    }
}

/// Text → spans: extraction of plain text, then the analysis, as `crosswire
/// analyze` runs them on a `.txt` file.
pub fn analyze(data: &[u8]) {
    let doc = raw_doc("fuzz.txt", Format::Text, data);
    if let Some(article) = analyzed(doc) {
        check_article(&article);
    }
}

/// A few documents → dossier: each part (split at [`DOC_SEPARATOR`]) is
/// read, extracted and analyzed as `crosswire check` does, the articles are
/// cross-checked, and the dossier is printed in every format.
pub fn check(data: &[u8]) {
    let opts = Options::default();
    let mut articles = Vec::new();
    for (i, part) in split(data, DOC_SEPARATOR).take(MAX_CHECK_DOCS).enumerate() {
        let name = format!("doc{i}");
        for item in crosswire_ingest::open_reader(name, std::io::Cursor::new(part.to_vec()), &opts)
        {
            if articles.len() >= MAX_CHECK_DOCS {
                break;
            }
            if let Item::Doc(doc) = item {
                if let Some(article) = analyzed(doc) {
                    check_article(&article);
                    articles.push(article);
                }
            }
        }
    }
    if articles.is_empty() {
        return;
    }
    let dossier = crosswire_crosscheck::crosscheck(articles.clone(), &Default::default());
    check_dossier(&articles, &dossier);
    for format in ReportFormat::ALL {
        for opts in [
            RenderOptions::default(),
            RenderOptions {
                color: true,
                width: 0,
            },
        ] {
            let out = crosswire_report::render_to_string(&dossier, format, &opts);
            let out = out.unwrap_or_else(|e| panic!("the {format} printer failed: {e}"));
            if format == ReportFormat::Json {
                let parsed: Result<serde_json::Value, _> = serde_json::from_str(&out);
                assert!(parsed.is_ok(), "the JSON dossier does not parse back");
            }
        }
    }
}

/// Extracts and analyzes one document under the default budgets, as the
/// CLI's pipeline does; `None` when the document is refused.
fn analyzed(doc: RawDoc) -> Option<Article> {
    let budget = DocBudget::default();
    let mut article = crosswire_extract::extract(&doc).ok()?;
    budget.check_extracted(&article).ok()?;
    article.assume_published(None);
    crosswire_analyze::analyze(&mut article);
    budget.check_analyzed(&article).ok()?;
    Some(article)
}

fn raw_doc(source: &str, format: Format, data: &[u8]) -> RawDoc {
    RawDoc {
        source: source.into(),
        format,
        bytes: data.to_vec(),
        hints: Hints::default(),
    }
}

/// Every block and span of an article lies inside its text, on character
/// boundaries.
pub fn check_article(article: &Article) {
    let text = &article.text;
    for block in &article.blocks {
        assert_in(text, block.span, "block");
    }
    for span in &article.spans {
        assert_in(text, span.range, "span");
        if let SpanKind::Quote(q) = &span.kind {
            assert_in(text, q.content, "quote content");
            if let Some(m) = q.speaker_mention {
                assert_in(text, m, "quote speaker");
            }
        }
    }
}

/// Every article index, origin index and byte range in the dossier points
/// at something that exists; figure and quote mentions lie inside spans
/// the analysis found (a quote is cited one sentence at a time).
pub fn check_dossier(articles: &[Article], d: &crosswire_model::dossier::Dossier) {
    let n = articles.len();
    assert_eq!(d.articles.len(), n, "the dossier lost or invented articles");
    for (a, da) in articles.iter().zip(&d.articles) {
        assert_eq!(a.text, da.text, "the dossier changed an article's text");
        assert!(
            da.origin < d.origins.len(),
            "an article's origin does not exist"
        );
    }
    for o in &d.origins {
        assert!(
            o.articles.iter().all(|&i| i < n),
            "an origin names a missing article"
        );
    }
    let mention = |m: &Mention, kind: &str, is_kind: fn(&SpanKind) -> bool| {
        let article = articles
            .get(m.article)
            .unwrap_or_else(|| panic!("a {kind} mention names article {} of {n}", m.article));
        assert_in(&article.text, m.span, kind);
        assert_in(&article.text, m.sentence, "mention sentence");
        assert!(
            article.spans.iter().any(|s| is_kind(&s.kind)
                && (within(m.span, s.range)
                    || quote_content(&s.kind).is_some_and(|c| within(m.span, c)))),
            "a {kind} mention at {:?} lies in no {kind} span of article {}",
            m.span,
            m.article
        );
    };
    for slot in &d.figures {
        for v in &slot.values {
            for m in &v.mentions {
                mention(m, "figure", |k| matches!(k, SpanKind::Figure(_)));
            }
            assert!(
                v.origins.iter().all(|&o| o < d.origins.len()),
                "a figure value names a missing origin"
            );
        }
        for [a, b] in &slot.conflicts {
            assert!(
                *a < slot.values.len() && *b < slot.values.len(),
                "a conflict names a missing value"
            );
        }
    }
    for group in &d.quotes {
        for v in &group.variants {
            for m in &v.mentions {
                mention(m, "quote", |k| matches!(k, SpanKind::Quote(_)));
            }
            assert!(
                v.origins.iter().all(|&o| o < d.origins.len()),
                "a quote names a missing origin"
            );
        }
    }
    for g in &d.entities {
        assert!(
            g.articles.iter().all(|&i| i < n),
            "an entity names a missing article"
        );
    }
    for t in &d.timeline {
        for m in &t.mentions {
            let article = articles
                .get(m.article)
                .unwrap_or_else(|| panic!("a timeline mention names article {} of {n}", m.article));
            assert_in(&article.text, m.span, "timeline");
            assert_in(&article.text, m.sentence, "timeline sentence");
        }
    }
}

fn quote_content(kind: &SpanKind) -> Option<ByteRange> {
    match kind {
        SpanKind::Quote(q) => Some(q.content),
        _ => None,
    }
}

fn within(inner: ByteRange, outer: ByteRange) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn assert_in(text: &str, r: ByteRange, what: &str) {
    let (start, end) = (r.start as usize, r.end as usize);
    assert!(
        start <= end && end <= text.len(),
        "{what} {start}..{end} lies outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {start}..{end} cuts a character"
    );
}

/// Splits at every occurrence of `sep`.
fn split<'a>(data: &'a [u8], sep: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut rest = Some(data);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.windows(sep.len()).position(|w| w == sep) {
            Some(i) => {
                rest = Some(&r[i + sep.len()..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}
