//! Corpus mode: `ingest` a stream of news into a store, then list its
//! `events`, `show` one event's dossier, `search` it, and print `stats`.
//! The store itself (and the ingest loop) is `crosswire-store`.

use crate::output::printable;
use anyhow::{Context, Result};
use clap::Args;
use crosswire_store::{IngestOptions, Note, SearchQuery, Store};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Where the store lives, shared by every corpus command.
#[derive(Args, Debug)]
pub struct DbArg {
    /// The store directory (created by `ingest` when new or empty).
    #[arg(long, default_value = "./crosswire-db")]
    pub db: PathBuf,
}

/// `crosswire ingest`.
#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Files, directories (recursive), globs, `-` for stdin, or http(s) URLs.
    #[arg(required = true)]
    pub sources: Vec<String>,
    #[command(flatten)]
    pub db: DbArg,
    /// Worker threads; default: all cores.
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Reference date (YYYY-MM-DD) for articles that carry no publish date.
    #[arg(long, value_parser = parse_day)]
    pub date: Option<chrono::NaiveDate>,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Network timeout per request, in seconds; also how long a pipe or
    /// device named as an input may go without delivering data.
    #[arg(long, default_value_t = 20)]
    pub timeout: u64,
    /// Articles per transaction, at most (a batch also commits every second).
    #[arg(long, default_value_t = 500)]
    pub batch_size: usize,
    /// List the items of feeds and sitemaps instead of fetching their pages.
    #[arg(long)]
    pub no_follow_links: bool,
    /// Keep polling the sources (feeds, directories, URLs) for new articles
    /// until interrupted; what is already stored is skipped cheaply.
    #[arg(long)]
    pub watch: bool,
    /// Seconds between two polls with `--watch`.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..))]
    pub interval: u64,
    #[command(flatten)]
    pub limits: crate::LimitArgs,
}

/// `crosswire events`.
#[derive(Args, Debug)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Events listed, at most.
    #[arg(long, short = 'n', default_value_t = 50)]
    pub limit: usize,
    /// Largest first (`size`) or latest first (`recent`).
    #[arg(long, value_enum, default_value = "size")]
    pub sort: EventSort,
    /// Print JSON Lines instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also list each event's articles (date, language, outlet, source,
    /// title), in arrival order; with `--json`, as a `members` array.
    #[arg(long)]
    pub members: bool,
}

/// The order of `crosswire events`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum EventSort {
    /// Largest first.
    Size,
    /// Latest publish day first.
    Recent,
}

/// `crosswire show`.
#[derive(Args, Debug)]
pub struct ShowArgs {
    /// The event, as listed by `crosswire events` (`e12` or `12`).
    pub event: String,
    #[command(flatten)]
    pub db: DbArg,
    /// Cross-check up to this many of the event's articles now, instead of
    /// showing the stored dossier (which covers the first 80 of a large
    /// event).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_articles: Option<u64>,
    /// List the event's articles (date, language, outlet, source, title)
    /// instead of the dossier; with `--format json`, as JSON Lines.
    #[arg(long)]
    pub articles: bool,
    #[command(flatten)]
    pub out: crate::output::DossierOutput,
}

/// `crosswire search`.
#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Words (all must occur), "a phrase", title:word; `*` for any.
    pub query: String,
    #[command(flatten)]
    pub db: DbArg,
    /// Published on or after this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    pub from: Option<chrono::NaiveDate>,
    /// Published on or before this day (YYYY-MM-DD).
    #[arg(long, value_parser = parse_day)]
    pub to: Option<chrono::NaiveDate>,
    /// Only this outlet (case ignored).
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only this language (ISO 639-1 code).
    #[arg(long)]
    pub lang: Option<String>,
    /// Only this event (`e12` or `12`).
    #[arg(long)]
    pub event: Option<String>,
    /// Hits shown, at most.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Print JSON Lines instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `crosswire stats`.
#[derive(Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("expected YYYY-MM-DD, got {s:?}"))
}

/// Ingests sources into the store; exit code 1 when any input failed.
/// With `--watch` it polls the sources again every `--interval` seconds
/// and only stops when interrupted (an interrupted run loses nothing that
/// was committed: see the store's kill -9 test).
pub fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let mut store = Store::open(&args.db.db)?;
    let net = crosswire_ingest::Options {
        max_bytes: args.max_bytes,
        timeout_secs: args.timeout,
        special_file_timeout_secs: args.timeout,
        address_policy: args.limits.address_policy(),
        ..Default::default()
    };
    let opts = IngestOptions {
        batch_size: args.batch_size.max(1),
        jobs: args.jobs,
        reference_date: args.date.map(|d| d.format("%Y-%m-%d").to_string()),
        fetch: (!args.no_follow_links).then(|| net.clone()),
        budget: args.limits.budget(),
        doc_timeout: args.limits.doc_timeout(),
        ..Default::default()
    };
    let progress = std::io::stderr().is_terminal();
    let mut any_failed = false;
    loop {
        let items = crosswire_ingest::open(&args.sources, &net);
        let report = store.ingest(items, &opts, &mut |note| match note {
            Note::Failed { source, message } | Note::Skipped { source, message } => {
                if progress {
                    eprint!("\r\x1b[K");
                }
                crate::output::error_line(source, message);
            }
            Note::Committed(r) if progress => {
                eprint!(
                    "\r\x1b[K{} read, {} added, {} duplicates, {} events",
                    r.read, r.added, r.duplicates, r.new_events
                );
            }
            Note::Committed(_) => {}
        })?;
        if progress {
            eprint!("\r\x1b[K");
        }
        any_failed |= report.failed > 0;
        // A quiet poll says nothing: a watch prints one line per change.
        if !args.watch || report.added > 0 || report.failed > 0 {
            summarize(&store, &args, &report)?;
        }
        if !args.watch {
            break;
        }
        std::thread::sleep(std::time::Duration::from_secs(args.interval));
    }
    Ok(if any_failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn summarize(
    store: &Store,
    args: &IngestArgs,
    report: &crosswire_store::IngestReport,
) -> Result<()> {
    let stats = store.stats()?;
    let plural = |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    eprintln!(
        "crosswire: {} added, {} duplicates, {} failed; the store at {} holds {} in {}",
        report.added,
        report.duplicates,
        report.failed,
        args.db.db.display(),
        plural(stats.articles, "article", "articles"),
        plural(stats.events, "event", "events")
    );
    if report.dossiers > 0 {
        eprintln!(
            "crosswire: {} dossiers recomputed in {:.1} s",
            report.dossiers,
            report.dossier_ms as f64 / 1000.0
        );
    }
    if report.links > 0 {
        let why = if args.no_follow_links {
            "--no-follow-links is set"
        } else {
            "they point to feeds, which are not followed further"
        };
        eprintln!(
            "crosswire: {} feed items were not fetched ({why})",
            report.links
        );
    }
    Ok(())
}

fn span(first: Option<chrono::NaiveDate>, last: Option<chrono::NaiveDate>) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}..{b}"),
        _ => "-".into(),
    }
}

/// Lists the events of the store, largest first.
pub fn events(args: EventsArgs) -> Result<ExitCode> {
    let store = Store::open_read_only(&args.db.db)?;
    let order = match args.sort {
        EventSort::Size => crosswire_store::EventOrder::Size,
        EventSort::Recent => crosswire_store::EventOrder::Recent,
    };
    let events = store.events_by(order, args.limit)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let members = |id: i64| -> Result<Vec<crosswire_store::EventArticle>> {
        Ok(store.event_articles(id, usize::MAX)?.1)
    };
    if args.json {
        #[derive(serde::Serialize)]
        struct WithMembers<'a> {
            #[serde(flatten)]
            event: &'a crosswire_store::EventSummary,
            members: Vec<crosswire_store::EventArticle>,
        }
        for e in &events {
            if args.members {
                let event = WithMembers {
                    event: e,
                    members: members(e.id)?,
                };
                serde_json::to_writer(&mut out, &event)?;
            } else {
                serde_json::to_writer(&mut out, e)?;
            }
            writeln!(out)?;
        }
    } else {
        writeln!(
            out,
            "{:<8} {:>5} {:>7} {:<22} {:>9}  title",
            "event", "size", "origins", "time span", "conflicts"
        )?;
        for e in &events {
            writeln!(
                out,
                "{:<8} {:>5} {:>7} {:<22} {:>9}  {}{}",
                format!("e{}", e.id),
                e.size,
                e.origins,
                span(e.first, e.last),
                e.conflicts,
                printable(e.title.as_deref().unwrap_or("(untitled)"), false),
                if e.stale { "  (dossier pending)" } else { "" }
            )?;
            if args.members {
                for a in members(e.id)? {
                    write_member(&mut out, &a)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The day of a stored publish time ("2031-05-04T09:30:00Z"), or "-".
fn day_of(published: Option<&str>) -> &str {
    published.and_then(|d| d.get(..10)).unwrap_or("-")
}

/// One article of an event on one indented line: date, language, outlet,
/// source, title.
fn write_member(out: &mut impl Write, a: &crosswire_store::EventArticle) -> Result<()> {
    let date = day_of(a.published.as_deref());
    writeln!(
        out,
        "    {:<10}  {:<2}  {}  {}  {}",
        printable(date, false),
        printable(a.language.as_deref().unwrap_or("-"), false),
        printable(a.outlet.as_deref().unwrap_or("-"), false),
        printable(&a.source, false),
        printable(a.title.as_deref().unwrap_or("(untitled)"), false)
    )?;
    Ok(())
}

/// Renders the stored dossier of one event.
pub fn show(args: ShowArgs) -> Result<ExitCode> {
    let id = crosswire_store::parse_event_id(&args.event)
        .with_context(|| format!("not an event id: {:?} (expected e12 or 12)", args.event))?;
    let store = Store::open_read_only(&args.db.db)?;
    if args.articles {
        let cap = args
            .max_articles
            .map_or(usize::MAX, |n| n.min(usize::MAX as u64) as usize);
        let (resolved, articles) = store.event_articles(id, cap)?;
        if resolved != id {
            eprintln!("crosswire: e{id} was merged into e{resolved}");
        }
        let json = args.out.format == Some(crosswire_report::Format::Json);
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for a in &articles {
            if json {
                serde_json::to_writer(&mut out, a)?;
                writeln!(out)?;
            } else {
                write_member(&mut out, a)?;
            }
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let cap = args.max_articles.map(|n| n.min(usize::MAX as u64) as usize);
    let (resolved, dossier) = store.dossier_with(id, cap)?;
    if resolved != id {
        eprintln!("crosswire: e{id} was merged into e{resolved}");
    }
    args.out.write(&dossier)?;
    Ok(ExitCode::SUCCESS)
}

/// Full-text search with filters.
pub fn search(args: SearchArgs) -> Result<ExitCode> {
    let event = match &args.event {
        Some(e) => Some(
            crosswire_store::parse_event_id(e)
                .with_context(|| format!("not an event id: {e:?} (expected e12 or 12)"))?,
        ),
        None => None,
    };
    let store = Store::open_for_search(&args.db.db)?;
    let lag = store.index_lag()?;
    if lag > 0 {
        eprintln!(
            "crosswire: the text index is {lag} article{} behind the store (an ingest is \
             running or was interrupted); results may miss {}",
            if lag == 1 { "" } else { "s" },
            if lag == 1 { "it" } else { "them" }
        );
    }
    let hits = store.search(&SearchQuery {
        text: args.query.clone(),
        from: args.from,
        to: args.to,
        outlet: args.outlet.clone(),
        language: args.lang.clone(),
        event,
        limit: args.limit.max(1),
    })?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        for h in &hits {
            serde_json::to_writer(&mut out, h)?;
            writeln!(out)?;
        }
    } else {
        for h in &hits {
            let date = day_of(h.published.as_deref());
            writeln!(
                out,
                "{}  {}  {}  e{}  {}",
                &h.id,
                printable(date, false),
                printable(h.outlet.as_deref().unwrap_or("-"), false),
                h.event,
                printable(h.title.as_deref().unwrap_or("(untitled)"), false)
            )?;
            writeln!(out, "    {}", printable(&h.source, false))?;
            writeln!(
                out,
                "    {}",
                printable(&mark(&h.snippet, &h.highlights), false)
            )?;
        }
        if hits.is_empty() {
            eprintln!("crosswire: no match");
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The snippet with matched words in `**`, on one line.
fn mark(snippet: &str, highlights: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(snippet.len() + 8);
    let mut at = 0;
    for r in highlights {
        let (Some(before), Some(word)) = (snippet.get(at..r.start), snippet.get(r.clone())) else {
            continue;
        };
        out.push_str(before);
        out.push_str("**");
        out.push_str(word);
        out.push_str("**");
        at = r.end;
    }
    out.push_str(snippet.get(at..).unwrap_or(""));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Counts over the store.
pub fn stats(args: StatsArgs) -> Result<ExitCode> {
    let store = Store::open_read_only(&args.db.db)?;
    let s = store.stats()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer(&mut out, &s)?;
        writeln!(out)?;
    } else {
        writeln!(out, "articles   {}", s.articles)?;
        match s.indexed {
            Some(n) => writeln!(out, "indexed    {n}")?,
            None => writeln!(out, "indexed    - (no text index)")?,
        }
        writeln!(out, "events     {}", s.events)?;
        writeln!(out, "merged     {}", s.merged_events)?;
        if s.stale_dossiers > 0 {
            writeln!(out, "pending    {} dossiers", s.stale_dossiers)?;
        }
        writeln!(out, "outlets    {}", s.outlets)?;
        let langs: Vec<String> = s
            .languages
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        writeln!(out, "languages  {}", langs.join(", "))?;
        writeln!(out, "size       {}", human_bytes(s.bytes))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut v = n as f64;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}
