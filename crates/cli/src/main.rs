//! The `crosswire` command: a thin layer over the pipeline crates.
//!
//! Each subcommand wires stages together and chooses a printer; no stage
//! logic lives here.

mod output;
mod pipeline;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

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
    /// Extraction and analysis of the annotated seed reports.
    Seeds {
        /// The gold annotation file.
        #[arg(long, default_value = "../shared/gold/seeds.gold.json")]
        gold: PathBuf,
    },
}

#[derive(Args, Debug)]
struct RunArgs {
    /// Files, directories (recursive), globs, `-` for stdin, or http(s) URLs.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Output format; default: text on a terminal, jsonl when piped.
    #[arg(long, short = 'f', value_enum)]
    format: Option<Format>,
    /// Worker threads; default: all cores.
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Reference date (YYYY-MM-DD) for articles that carry no publish date.
    #[arg(long, value_parser = parse_date)]
    date: Option<String>,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    max_bytes: u64,
    /// Network timeout per request, in seconds.
    #[arg(long, default_value_t = 20)]
    timeout: u64,
    /// Fetch the links of feed items that carry no full text.
    #[arg(long)]
    follow_links: bool,
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
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("crosswire: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => run_pipeline(args, pipeline::Stage::Extract),
        Command::Analyze(args) => run_pipeline(args, pipeline::Stage::Analyze),
        Command::Eval { which } => {
            let metrics = match which {
                EvalCommand::Aeb { data } => crosswire_eval::aeb::run(&data)
                    .with_context(|| format!("evaluating {}", data.display()))?,
                EvalCommand::Seeds { gold } => {
                    let mut m = crosswire_eval::seeds::run(&gold)
                        .with_context(|| format!("evaluating {}", gold.display()))?;
                    m.extend(
                        crosswire_eval::analysis::run(&gold)
                            .with_context(|| format!("evaluating {}", gold.display()))?,
                    );
                    m.extend(
                        crosswire_eval::crosscheck::run(&gold)
                            .with_context(|| format!("evaluating {}", gold.display()))?,
                    );
                    for line in crosswire_eval::crosscheck::describe(&gold)? {
                        println!("# {line}");
                    }
                    m
                }
            };
            for m in metrics {
                println!("{m}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn run_pipeline(args: RunArgs, stage: pipeline::Stage) -> Result<ExitCode> {
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Text
    } else {
        Format::Jsonl
    });
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .context("starting worker threads")?;
    let opts = crosswire_ingest::Options {
        max_bytes: args.max_bytes,
        timeout_secs: args.timeout,
        ..Default::default()
    };
    let config = pipeline::Config {
        stage,
        ingest: opts,
        reference_date: args.date,
        follow_links: args.follow_links,
    };
    let mut printer = output::Printer::new(std::io::BufWriter::new(std::io::stdout()), format)
        .full_articles(stage == pipeline::Stage::Analyze);
    let summary = pool.install(|| pipeline::run(&args.inputs, &config, &mut printer))?;
    printer.finish()?;
    if summary.failed > 0 {
        eprintln!(
            "crosswire: {} of {} inputs failed",
            summary.failed,
            summary.failed + summary.ok
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
