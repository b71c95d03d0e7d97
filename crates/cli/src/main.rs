//! The `crosswire` command: a thin layer over the pipeline crates.
//!
//! Each subcommand wires stages together and chooses a printer; no stage
//! logic lives here.

mod corpus;
mod output;
mod pipeline;
mod serve;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use crosswire_model::DocBudget;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

// The pipeline allocates many short-lived strings and vectors on several
// threads; glibc's allocator spent a fifth of the dossier refresh in
// malloc and free, and fragments over a long ingest.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Cross-checks the news: reads the coverage of an event and reports what
/// independent sources agree on, where they conflict, and who copied whom.
#[derive(Parser, Debug)]
#[command(name = "crosswire", version, about, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract articles (main text and metadata) from pages, text files,
    /// JSON Lines, WARC archives, feeds and URLs.
    Extract(RunArgs),
    /// Extract, then annotate entities, figures, quotes and dates as spans.
    Analyze(RunArgs),
    /// Cross-check the coverage of one event: agreements, conflicts,
    /// single-source claims, quotes, timeline and wire copies.
    Check(CheckArgs),
    /// Corpus mode: ingest a stream of news into a store (--db), grouping
    /// it into events whose dossiers stay current.
    Ingest(corpus::IngestArgs),
    /// List the events of a store: size, origins, time span, conflicts.
    Events(corpus::EventsArgs),
    /// Show the dossier of one stored event.
    Show(corpus::ShowArgs),
    /// Full-text search of a store, with date, outlet, language and event filters.
    Search(corpus::SearchArgs),
    /// Counts of a store: articles, events, outlets, languages, size.
    Stats(corpus::StatsArgs),
    /// Serve a store over HTTP: JSON API (/openapi.json), web pages,
    /// watches and alerts (SSE, Atom, webhooks). See docs/serve.md.
    Serve(serve::ServeArgs),
    /// Write synthetic news (HTML pages in a WARC) for throughput benchmarks.
    Generate {
        /// How many articles.
        #[arg(long, short = 'n', default_value_t = 10_000)]
        count: u64,
        /// Seed: the same seed gives the same corpus.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Optional JSON file of real texts to recombine as filler
        /// paragraphs: an object of `{"articleBody": ...}` values (as AEB's
        /// ground truth) or an array of strings.
        #[arg(long)]
        pool: Option<PathBuf>,
        /// The WARC file to write.
        #[arg(long, short = 'o')]
        output: PathBuf,
    },
    /// Score crosswire against gold data; prints `name value` lines.
    Eval {
        #[command(subcommand)]
        which: EvalCommand,
    },
}

#[derive(Subcommand, Debug)]
enum EvalCommand {
    /// Main-text extraction on the Article Extraction Benchmark.
    Aeb {
        /// The benchmark folder (holding html/ and ground-truth.json).
        #[arg(long, default_value = "../shared/bench/aeb")]
        data: PathBuf,
    },
    /// Main-content extraction on WCXB: word F1 overall and per page
    /// type, and the pages with no output whose truth is not empty.
    Wcxb {
        /// The benchmark folder (holding dev/html and dev/ground-truth).
        #[arg(long, default_value = "../shared/bench/wcxb")]
        data: PathBuf,
    },
    /// Event grouping on ECB+ and MEANTIME, pairwise and BCubed.
    ///
    /// Input: JSON Lines, one document per line: `id`, `text`, `title`
    /// (optional), the gold event as `event` (ECB+) or `story` (MEANTIME),
    /// `lang` (MEANTIME's sets are cut by it), `topic` (optional) and
    /// `date` (optional: a record's publish date, any common format; without
    /// it the date is read from the text, as for a plain-text file).
    ///
    /// The headline, `events.store.*` and `events.meantime.{en,en_es,all}.*`,
    /// is the path `ingest` runs: each document read as a plain-text file,
    /// extracted, analyzed and added to a fresh store. Two stress runs of
    /// that path: `events.store.dated.*` (ECB+ with its reports dated over
    /// a week: dates must not split an event) and `events.meantime.week.*`
    /// (every story of a topic moved into one week: topic words must not
    /// merge stories). `events.*`, `events.file_order.*` and
    /// `events.stream.*` are the link stage's batch and split-free
    /// incremental groupings, for comparison.
    Events {
        /// The ECB+ documents (`docs.jsonl`).
        #[arg(long, default_value = "../shared/bench/ecbplus/docs.jsonl")]
        data: PathBuf,
        /// The MEANTIME documents (`docs.jsonl`), scored too when given.
        #[arg(long)]
        meantime: Option<PathBuf>,
        /// Write each document's event of the headline runs to this file,
        /// one JSON object per line (set, id, gold, event, title, date).
        #[arg(long)]
        assignments: Option<PathBuf>,
    },
    /// The cross-check across languages on MEANTIME (the same stories in
    /// English, Spanish, Italian and Dutch): translation origins, figure
    /// alignment and quote grouping across languages, pairwise.
    Meantime {
        /// The MEANTIME documents (`docs.jsonl`).
        #[arg(long, default_value = "../shared/bench/meantime/docs.jsonl")]
        data: PathBuf,
    },
    /// Conflicts the cross-check reports on ECB+ events that no gold file
    /// annotates: `unseen.*` counts, a guard against new kinds of false
    /// conflict (see the eval crate's `unseen` module).
    Unseen {
        /// The ECB+ documents (`docs.jsonl`).
        #[arg(long, default_value = "../shared/bench/ecbplus/docs.jsonl")]
        data: PathBuf,
        /// A folder of `<event>.gold.json` files: those events are skipped.
        #[arg(long, default_value = "../shared/corpus/dev/ecbplus")]
        skip: PathBuf,
    },
    /// The cross-check scored on gold files of the `crosswire-gold/1`
    /// schema (the seeds, the example corpus, the dev events): figures,
    /// slot alignment, conflicts, verdicts, revisions, quote speakers and
    /// origins, one `SET.metric value` line each, then `macro.metric`
    /// averages over the sets. The metrics are defined in the eval crate's
    /// `gold` module.
    Gold {
        /// Gold files; each is one set, named after its file stem.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also print, as `# ` lines, every false conflict, missed
        /// conflict, slot mixing gold quantities and wrong verdict.
        #[arg(long)]
        explain: bool,
    },
    /// Extraction and analysis of the annotated seed reports.
    Seeds {
        /// The gold annotation file.
        #[arg(long, default_value = "../shared/gold/seeds.gold.json")]
        gold: PathBuf,
    },
}

#[derive(Args, Debug)]
struct RunArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format; default: text on a terminal, jsonl when piped.
    #[arg(long, short = 'f', value_enum)]
    format: Option<Format>,
}

#[derive(Args, Debug)]
struct CheckArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Articles one check cross-checks, at most; the ones past it are
    /// recorded as failed.
    #[arg(long, default_value_t = 10_000)]
    max_articles: usize,
    #[command(flatten)]
    out: output::DossierOutput,
}

#[derive(Args, Debug)]
struct InputArgs {
    /// Files, directories (recursive), globs, `-` for stdin, or http(s) URLs.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Worker threads; default: all cores.
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Reference date (YYYY-MM-DD) for articles that carry no publish date.
    #[arg(long, value_parser = parse_date)]
    date: Option<String>,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    max_bytes: u64,
    /// Network timeout per request, in seconds; also how long a pipe or
    /// device named as an input may go without delivering data.
    #[arg(long, default_value_t = 20)]
    timeout: u64,
    /// Fetch the links of feed items that carry no full text (only ever
    /// as http(s) URLs).
    #[arg(long)]
    follow_links: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

/// Budgets and the network policy, shared by `extract`, `analyze`, `check`
/// and `ingest` (see docs/security.md).
#[derive(Args, Debug, Clone)]
pub struct LimitArgs {
    /// Sentences one document may hold; a longer one is recorded as failed.
    #[arg(long, default_value_t = DocBudget::default().max_sentences)]
    pub max_sentences: usize,
    /// Analyzed mentions (entities, figures, quotes, dates) one document
    /// may hold; more and it is recorded as failed.
    #[arg(long, default_value_t = DocBudget::default().max_mentions)]
    pub max_mentions: usize,
    /// Seconds one document may take to extract and analyze (0: no limit);
    /// a slower one is recorded as failed and the batch goes on.
    #[arg(long, default_value_t = 30)]
    pub max_seconds: u64,
    /// Fetch only from public addresses: refuse loopback, private,
    /// link-local (cloud metadata) and other reserved addresses, checked
    /// after DNS resolution and at every redirect.
    #[arg(long)]
    pub block_private_addresses: bool,
}

impl LimitArgs {
    /// The per-document budget.
    pub fn budget(&self) -> DocBudget {
        DocBudget {
            max_sentences: self.max_sentences,
            max_mentions: self.max_mentions,
        }
    }

    /// The per-document time budget.
    pub fn doc_timeout(&self) -> Option<std::time::Duration> {
        (self.max_seconds > 0).then(|| std::time::Duration::from_secs(self.max_seconds))
    }

    /// The network address policy.
    pub fn address_policy(&self) -> crosswire_ingest::AddressPolicy {
        if self.block_private_addresses {
            crosswire_ingest::AddressPolicy::PublicOnly
        } else {
            crosswire_ingest::AddressPolicy::Any
        }
    }
}

/// Output formats of `extract` and `analyze`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text.
    Text,
    /// One JSON array of full articles (blocks and spans included).
    Json,
    /// One JSON object per input, one per line.
    Jsonl,
}

fn parse_date(s: &str) -> Result<String, String> {
    let ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!("expected YYYY-MM-DD, got {s:?}"))
    }
}

fn main() -> ExitCode {
    // A panic inside one document is caught and reported as that input's
    // error; the default hook's backtrace would only bury that line.
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("crosswire: internal error{location} (please report it with the input)");
    }));
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "crosswire: error: {}",
                output::printable(&format!("{e:#}"), false)
            );
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => run_pipeline(args, pipeline::Stage::Extract),
        Command::Analyze(args) => run_pipeline(args, pipeline::Stage::Analyze),
        Command::Check(args) => run_check(args),
        Command::Generate {
            count,
            seed,
            pool,
            output,
        } => generate(count, seed, pool, &output),
        Command::Ingest(args) => corpus::ingest(args),
        Command::Events(args) => corpus::events(args),
        Command::Show(args) => corpus::show(args),
        Command::Search(args) => corpus::search(args),
        Command::Stats(args) => corpus::stats(args),
        Command::Serve(args) => serve::run(args),
        Command::Eval { which } => {
            type Eval = fn(&std::path::Path) -> Result<Vec<crosswire_eval::Metric>>;
            let (path, parts): (PathBuf, Vec<(&str, Eval)>) = match which {
                EvalCommand::Aeb { data } => (data, vec![("aeb", crosswire_eval::aeb::run)]),
                EvalCommand::Wcxb { data } => (data, vec![("wcxb", crosswire_eval::wcxb::run)]),
                EvalCommand::Events {
                    data,
                    meantime,
                    assignments,
                } => {
                    let inputs = crosswire_eval::events::Inputs {
                        ecbplus: Some(data),
                        meantime,
                        assignments,
                    };
                    for m in crosswire_eval::events::run_inputs(&inputs)? {
                        println!("{m}");
                    }
                    return Ok(ExitCode::SUCCESS);
                }
                EvalCommand::Meantime { data } => {
                    (data, vec![("meantime", crosswire_eval::meantime::run)])
                }
                EvalCommand::Unseen { data, skip } => {
                    for m in crosswire_eval::unseen::run(&data, Some(&skip))? {
                        println!("{m}");
                    }
                    return Ok(ExitCode::SUCCESS);
                }
                EvalCommand::Gold { paths, explain } => {
                    for line in crosswire_eval::gold::run(&paths, explain)? {
                        println!("{line}");
                    }
                    return Ok(ExitCode::SUCCESS);
                }
                EvalCommand::Seeds { gold } => (
                    gold,
                    vec![
                        ("extraction", crosswire_eval::seeds::run),
                        ("analysis", crosswire_eval::analysis::run),
                        ("cross-check", |p| {
                            let (metrics, notes) = crosswire_eval::crosscheck::run_with_notes(p)?;
                            for line in notes {
                                println!("# {line}");
                            }
                            Ok(metrics)
                        }),
                    ],
                ),
            };
            // Each part reports on its own, so one failing part still lets
            // the others print their numbers (and CI name the culprit).
            let mut failed = false;
            for (name, eval) in parts {
                match eval(&path) {
                    Ok(metrics) => {
                        for m in metrics {
                            println!("{m}");
                        }
                    }
                    Err(e) => {
                        failed = true;
                        eprintln!(
                            "crosswire: {name} evaluation of {} failed: {e:#}",
                            path.display()
                        );
                    }
                }
            }
            Ok(if failed {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// Worker pool and pipeline settings from the shared input flags.
fn setup(
    input: &InputArgs,
    stage: pipeline::Stage,
) -> Result<(rayon::ThreadPool, pipeline::Config)> {
    let jobs = input
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .context("starting worker threads")?;
    let config = pipeline::Config {
        stage,
        ingest: crosswire_ingest::Options {
            max_bytes: input.max_bytes,
            timeout_secs: input.timeout,
            special_file_timeout_secs: input.timeout,
            address_policy: input.limits.address_policy(),
            ..Default::default()
        },
        reference_date: input.date.clone(),
        follow_links: input.follow_links,
        budget: input.limits.budget(),
        doc_timeout: input.limits.doc_timeout(),
        jobs,
    };
    Ok((pool, config))
}

fn exit_code(summary: &pipeline::Summary) -> ExitCode {
    if summary.failed > 0 {
        eprintln!(
            "crosswire: {} of {} inputs failed",
            summary.failed,
            summary.failed + summary.ok
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn run_pipeline(args: RunArgs, stage: pipeline::Stage) -> Result<ExitCode> {
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Text
    } else {
        Format::Jsonl
    });
    let (pool, config) = setup(&args.input, stage)?;
    let mut printer = output::Printer::new(std::io::BufWriter::new(std::io::stdout()), format)
        .full_articles(stage == pipeline::Stage::Analyze);
    let summary = pool.install(|| {
        pipeline::run(&args.input.inputs, &config, &mut |outcome| {
            printer.print(&outcome)
        })
    })?;
    drop(pool);
    printer.finish()?;
    Ok(exit_code(&summary))
}

fn run_check(args: CheckArgs) -> Result<ExitCode> {
    let (pool, config) = setup(&args.input, pipeline::Stage::Analyze)?;
    let mut articles = Vec::new();
    let mut links = 0usize;
    let max_articles = args.max_articles;
    let mut over = 0usize;
    let mut summary = pool.install(|| {
        pipeline::run(&args.input.inputs, &config, &mut |outcome| {
            match outcome {
                pipeline::Outcome::Article(a) if articles.len() >= max_articles => {
                    over += 1;
                    output::error_line(
                        &a.source,
                        &format!("over budget: more than {max_articles} articles (--max-articles)"),
                    );
                }
                pipeline::Outcome::Article(a) => articles.push(*a),
                pipeline::Outcome::Error { source, message } => {
                    output::error_line(&source, &message)
                }
                pipeline::Outcome::Skipped { source, message } => {
                    output::error_line(&source, &message)
                }
                pipeline::Outcome::Link(_) => links += 1,
            }
            Ok(())
        })
    })?;
    summary.ok -= over;
    summary.failed += over;
    if links > 0 {
        eprintln!("crosswire: {links} feed items carry no text; --follow-links fetches them");
    }
    if articles.is_empty() {
        anyhow::bail!("no article could be read from the inputs");
    }
    let dossier = pool.install(|| crosswire_crosscheck::crosscheck(articles, &Default::default()));
    args.out.write(&dossier)?;
    Ok(exit_code(&summary))
}

fn generate(
    count: u64,
    seed: u64,
    pool: Option<PathBuf>,
    output: &std::path::Path,
) -> Result<ExitCode> {
    let mut g = crosswire_synth::Generator::new(seed);
    if let Some(path) = pool {
        let v: serde_json::Value = serde_json::from_slice(
            &std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?,
        )
        .with_context(|| format!("parsing {}", path.display()))?;
        let texts: Vec<String> = match &v {
            serde_json::Value::Object(m) => m
                .values()
                .filter_map(|x| x.get("articleBody").and_then(|b| b.as_str()))
                .map(str::to_string)
                .collect(),
            serde_json::Value::Array(a) => a
                .iter()
                .filter_map(|x| x.as_str())
                .map(str::to_string)
                .collect(),
            _ => Vec::new(),
        };
        g = g.with_pool(
            texts
                .iter()
                .flat_map(|t| t.split("\n").map(str::to_string).collect::<Vec<_>>()),
        );
    }
    let file =
        std::fs::File::create(output).with_context(|| format!("creating {}", output.display()))?;
    let mut out = std::io::BufWriter::new(file);
    g.write_warc(&mut out, count)?;
    std::io::Write::flush(&mut out).with_context(|| format!("writing {}", output.display()))?;
    eprintln!("crosswire: wrote {count} articles to {}", output.display());
    Ok(ExitCode::SUCCESS)
}
