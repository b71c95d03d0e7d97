//! Printers for `extract` and `analyze` results. They only read articles.
//!
//! Two JSON shapes exist, both documented in `docs/output.md`:
//! - the *record* (`extract`): flat, one per input, `text` is the body;
//! - the *article* (`analyze`): the full data model, `text` is every kept
//!   block and `blocks`/`spans` are byte ranges into it.

use crate::pipeline::Outcome;
use crate::Format;
use anyhow::Result;
use crosswire_model::{Article, BlockKind, SpanKind};
use serde::Serialize;
use std::io::Write;

/// Text from inputs (file names, article text, URLs) made safe for a
/// terminal: control characters (escape sequences could retitle, clear or
/// rewrite the screen, or plant a hyperlink) and bidi overrides (which
/// reorder what is shown) are written as visible escapes such as `\u{1b}`.
/// Tabs and, when `keep_newlines` is set, line breaks stay.
pub fn printable(s: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !(c == '\t' || (keep_newlines && c == '\n')))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Prints one `crosswire: SOURCE: MESSAGE` error line on stderr, both
/// parts made [`printable`] (a file name may hold escape sequences too).
pub fn error_line(source: &str, message: &str) {
    eprintln!(
        "crosswire: {}: {}",
        printable(source, false),
        printable(message, false)
    );
}

/// Version of the record and article JSON shapes.
pub const SCHEMA: &str = "crosswire/1";

/// The flat per-input record of `crosswire extract`.
#[derive(Serialize)]
pub struct Record<'a> {
    pub source: &'a str,
    pub id: &'a str,
    pub url: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub title: Option<&'a str>,
    pub standfirst: Option<&'a str>,
    pub byline: &'a [String],
    pub published: Option<&'a str>,
    pub published_precision: Option<crosswire_model::Precision>,
    pub published_from: Option<crosswire_model::DateOrigin>,
    pub language: Option<&'a str>,
    pub text: String,
}

impl<'a> Record<'a> {
    pub fn of(a: &'a Article) -> Self {
        Record {
            source: &a.source,
            id: &a.id.0,
            url: a.url.as_deref(),
            outlet: a.outlet.as_deref(),
            title: a.title.as_deref(),
            standfirst: a
                .blocks_of(BlockKind::Standfirst)
                .next()
                .map(|b| a.slice(b.span)),
            byline: &a.byline,
            published: a.published.as_ref().map(|p| p.value.as_str()),
            published_precision: a.published.as_ref().map(|p| p.precision),
            published_from: a.published.as_ref().map(|p| p.origin),
            language: a.language.as_deref(),
            text: a.body_text(),
        }
    }
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    source: &'a str,
    error: &'a str,
}

#[derive(Serialize)]
struct LinkRecord<'a> {
    source: &'a str,
    link: &'a str,
    title: Option<&'a str>,
}

/// Writes outcomes in the chosen format as they arrive.
pub struct Printer<W: Write> {
    out: W,
    format: Format,
    /// `json` prints one array; this says whether an element was written.
    wrote_any: bool,
    /// Whether to print the full article model (analyze) or the record.
    full: bool,
}

impl<W: Write> Printer<W> {
    pub fn new(out: W, format: Format) -> Self {
        Printer {
            out,
            format,
            wrote_any: false,
            full: false,
        }
    }

    /// Print the full article model (with spans) instead of the record.
    pub fn full_articles(mut self, full: bool) -> Self {
        self.full = full;
        self
    }

    /// Prints one outcome and flushes it, so results show as they come.
    pub fn print(&mut self, outcome: &Outcome) -> Result<()> {
        if let Outcome::Skipped { source, message } = outcome {
            error_line(source, message);
            return Ok(());
        }
        self.print_outcome(outcome)?;
        self.out.flush()?;
        Ok(())
    }

    fn print_outcome(&mut self, outcome: &Outcome) -> Result<()> {
        match self.format {
            Format::Text => self.print_text(outcome),
            Format::Jsonl | Format::Json => match outcome {
                Outcome::Article(a) if self.full => self.emit(&FullArticle {
                    schema: SCHEMA,
                    article: a,
                }),
                Outcome::Article(a) => self.emit(&Record::of(a)),
                Outcome::Error { source, message } => {
                    error_line(source, message);
                    self.emit(&ErrorRecord {
                        source,
                        error: message,
                    })
                }
                Outcome::Link(l) => self.emit(&LinkRecord {
                    source: &l.source,
                    link: &l.url,
                    title: l.title.as_deref(),
                }),
                Outcome::Skipped { .. } => Ok(()),
            },
        }
    }

    fn emit<T: Serialize>(&mut self, value: &T) -> Result<()> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.wrote_any { b",\n" } else { b"[\n" })?;
            serde_json::to_writer_pretty(&mut self.out, value)?;
        } else {
            serde_json::to_writer(&mut self.out, value)?;
            self.out.write_all(b"\n")?;
        }
        self.wrote_any = true;
        Ok(())
    }

    pub fn finish(&mut self) -> Result<()> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.wrote_any { b"\n]\n" } else { b"[]\n" })?;
        }
        self.out.flush()?;
        Ok(())
    }

    fn print_text(&mut self, outcome: &Outcome) -> Result<()> {
        let out = &mut self.out;
        // Everything printed here comes from the input: see `printable`.
        let p = |s: &str| printable(s, false).into_owned();
        match outcome {
            Outcome::Error { source, message } | Outcome::Skipped { source, message } => {
                error_line(source, message);
            }
            Outcome::Link(l) => {
                writeln!(out, "link  {}  (from {})", p(&l.url), p(&l.source))?;
            }
            Outcome::Article(a) => {
                let source = p(&a.source);
                let rule = "─".repeat(72usize.saturating_sub(source.chars().count() + 4));
                writeln!(out, "── {source} {rule}")?;
                let mut meta = Vec::new();
                if let Some(o) = &a.outlet {
                    meta.push(p(o));
                }
                if !a.byline.is_empty() {
                    meta.push(format!("by {}", p(&a.byline.join(", "))));
                }
                if let Some(pd) = &a.published {
                    meta.push(p(&pd.value));
                }
                if let Some(l) = &a.language {
                    meta.push(p(l));
                }
                if !meta.is_empty() {
                    writeln!(out, "{}", meta.join(" · "))?;
                }
                if let Some(u) = &a.url {
                    writeln!(out, "{}", p(u))?;
                }
                writeln!(out)?;
                for b in &a.blocks {
                    let t = printable(a.slice(b.span), true);
                    match b.kind {
                        BlockKind::Title => writeln!(out, "# {t}")?,
                        BlockKind::Standfirst => writeln!(out, "> {t}")?,
                        BlockKind::Subhead => writeln!(out, "## {t}")?,
                        BlockKind::Caption => writeln!(out, "[caption] {t}")?,
                        BlockKind::Paragraph => writeln!(out, "{t}")?,
                    }
                    writeln!(out)?;
                }
                if self.full {
                    print_spans(out, a)?;
                }
            }
        }
        Ok(())
    }
}

#[derive(Serialize)]
struct FullArticle<'a> {
    schema: &'static str,
    #[serde(flatten)]
    article: &'a Article,
}

/// Lists an analyzed article's spans, grouped by kind, for reading.
fn print_spans<W: Write>(out: &mut W, a: &Article) -> Result<()> {
    let quoted = |s: &str| printable(&s.replace('\n', " "), false).into_owned();
    let mut entities: Vec<(String, Vec<String>)> = Vec::new();
    for s in &a.spans {
        if let SpanKind::Entity { canonical, .. } = &s.kind {
            let m = quoted(a.slice(s.range));
            let canonical = quoted(canonical);
            match entities.iter_mut().find(|(c, _)| *c == canonical) {
                Some((_, ms)) => {
                    if !ms.contains(&m) {
                        ms.push(m)
                    }
                }
                None => entities.push((canonical, vec![m])),
            }
        }
    }
    if !entities.is_empty() {
        writeln!(out, "Entities")?;
        for (c, ms) in &entities {
            writeln!(out, "  {c}: {}", ms.join(" / "))?;
        }
    }
    let header = |out: &mut W, done: &mut bool, title: &str| -> Result<()> {
        if !*done {
            writeln!(out, "{title}")?;
            *done = true;
        }
        Ok(())
    };
    let (mut f, mut q, mut d) = (false, false, false);
    for s in &a.spans {
        match &s.kind {
            SpanKind::Figure(fig) => {
                header(out, &mut f, "Figures")?;
                writeln!(
                    out,
                    "  {:<32} {} {:?}{}{}",
                    quoted(a.slice(s.range)),
                    fig.value,
                    fig.qualifier,
                    fig.counts
                        .as_deref()
                        .map(|c| format!(" of {}", quoted(c)))
                        .unwrap_or_default(),
                    fig.attributed_to
                        .as_deref()
                        .map(|c| format!(" (per {})", quoted(c)))
                        .unwrap_or_default(),
                )?;
            }
            _ => continue,
        }
    }
    for s in &a.spans {
        if let SpanKind::Quote(qs) = &s.kind {
            header(out, &mut q, "Quotes")?;
            writeln!(
                out,
                "  {}: “{}”{}",
                quoted(qs.speaker.as_deref().unwrap_or("(unknown)")),
                quoted(a.slice(qs.content)),
                if qs.direct { "" } else { " (reported)" }
            )?;
        }
    }
    for s in &a.spans {
        if let SpanKind::Date(dv) = &s.kind {
            header(out, &mut d, "Dates")?;
            writeln!(
                out,
                "  {:<24} {}",
                quoted(a.slice(s.range)),
                quoted(dv.resolved.as_deref().unwrap_or("?"))
            )?;
        }
    }
    writeln!(out)?;
    Ok(())
}

/// How a dossier is written: the flags `check` and `show` share.
#[derive(clap::Args, Debug, Clone)]
pub struct DossierOutput {
    /// terminal, markdown, html, json or csv; default: from the --output
    /// file's extension, else terminal.
    #[arg(long, short = 'f')]
    pub format: Option<crosswire_report::Format>,
    /// Write the dossier to this file instead of stdout.
    #[arg(long, short = 'o')]
    pub output: Option<std::path::PathBuf>,
    /// Never colour terminal output (colour is on only on a terminal, and
    /// off when NO_COLOR is set).
    #[arg(long)]
    pub no_color: bool,
    /// Terminal width in columns.
    #[arg(long, default_value_t = 80)]
    pub width: usize,
}

impl DossierOutput {
    /// Renders the dossier to the file or to stdout.
    pub fn write(&self, dossier: &crosswire_model::dossier::Dossier) -> Result<()> {
        use anyhow::Context;
        use std::io::IsTerminal;
        let format = self.format.unwrap_or_else(|| {
            self.output
                .as_ref()
                .and_then(|p| p.extension())
                .and_then(|e| e.to_str())
                .and_then(|e| e.parse().ok())
                .unwrap_or(crosswire_report::Format::Terminal)
        });
        let to_terminal = self.output.is_none() && std::io::stdout().is_terminal();
        let opts = crosswire_report::RenderOptions {
            color: to_terminal && !self.no_color && std::env::var_os("NO_COLOR").is_none(),
            width: self.width,
        };
        match &self.output {
            Some(path) => {
                let file = std::fs::File::create(path)
                    .with_context(|| format!("creating {}", path.display()))?;
                let mut out = std::io::BufWriter::new(file);
                crosswire_report::render(dossier, format, &mut out, &opts)?;
                out.flush()
                    .with_context(|| format!("writing {}", path.display()))?;
                eprintln!("crosswire: wrote {}", path.display());
            }
            None => {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                crosswire_report::render(dossier, format, &mut out, &opts)?;
                out.flush()?;
            }
        }
        Ok(())
    }
}
