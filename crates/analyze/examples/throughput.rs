//! Prints analyze throughput in articles per second on one core.
//!
//! Run with `cargo run --release -p crosswire-analyze --example throughput`.
//! The articles are synthetic ~800-word news texts built from fixed
//! sentences, English and Spanish, so the number is reproducible. With a
//! path to the AEB `ground-truth.json` as argument
//! (`../shared/bench/aeb/ground-truth.json`), the real article bodies in it
//! are analyzed instead.

use crosswire_analyze::analyze;
use crosswire_model::{ArticleBuilder, BlockKind};
use std::time::Instant;

const EN: &[&str] = &[
    "Transport Secretary Jane Doe visited the Harbor Bridge on Tuesday, where more than 1,200 workers are repairing the deck.",
    "\u{201c}We will finish this before the winter,\u{201d} Doe told reporters, adding that the project would cost about $48.5 million.",
    "The Ministry of Public Works said in a statement that dozens of inspectors had joined the effort since mid-March.",
    "According to the city council, some 86,000 residents cross the bridge every day, up 23% from last year.",
    "The transport chief said she would meet Mayor Tom Reyes next week to discuss two and a half million dollars in extra funds.",
    "Critics argue the plan, first announced in 2019, has already been delayed three times.",
    "Reyes, 54, said the city \u{201c}cannot wait another decade\u{201d} for a decision from the Federal Highway Agency.",
    "Hundreds of commuters gathered at Central Station on Monday as trains were halted for several hours.",
];
const ES: &[&str] = &[
    "La ministra de Transporte, Ana Ruiz, visitó el martes el puente del puerto, donde trabajan más de 1.200 obreros.",
    "\u{ab}Terminaremos antes del invierno\u{bb}, dijo Ruiz a los periodistas, y añadió que la obra costará unos 48,5 millones de dólares.",
    "Según el Ayuntamiento, unas 86.000 personas cruzan el puente cada día, un 23% más que el año pasado.",
    "Decenas de inspectores se sumaron a los trabajos a mediados de marzo, afirmó el Ministerio de Obras Públicas.",
];

fn article(i: usize) -> crosswire_model::Article {
    let pool = if i % 4 == 3 { ES } else { EN };
    let mut b = ArticleBuilder::new(format!("a{i}"));
    b.push_block(
        BlockKind::Title,
        "Bridge repairs to finish before winter, officials say",
    );
    let mut words = 0;
    let mut k = i;
    let mut para = String::new();
    while words < 800 {
        let s = pool[k % pool.len()];
        words += s.split_whitespace().count();
        para.push_str(s);
        para.push(' ');
        if k % 3 == 2 {
            b.push_block(BlockKind::Paragraph, &para);
            para.clear();
        }
        k += 1;
    }
    b.push_block(BlockKind::Paragraph, &para);
    let mut a = b.finish();
    a.language = Some(if i % 4 == 3 { "es" } else { "en" }.to_string());
    a
}

fn real(path: &str) -> Vec<crosswire_model::Article> {
    let Ok(raw) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return Vec::new();
    };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&raw) else {
        eprintln!("cannot parse {path}");
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(map) = json.as_object() {
        for (id, v) in map {
            let body = v.get("articleBody").and_then(|b| b.as_str()).unwrap_or("");
            let mut b = ArticleBuilder::new(id.clone());
            for p in body.split('\n') {
                b.push_block(BlockKind::Paragraph, p);
            }
            out.push(b.finish());
        }
    }
    out
}

/// Nanoseconds this thread spent on a CPU (Linux `/proc/self/schedstat`).
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn main() {
    let articles: Vec<_> = match std::env::args().nth(1) {
        Some(path) => real(&path),
        None => (0..400).map(article).collect(),
    };
    if articles.is_empty() {
        return;
    }
    let words: usize = articles
        .iter()
        .map(|a| a.text.split_whitespace().count())
        .sum();
    println!(
        "articles {} mean words {}",
        articles.len(),
        words / articles.len()
    );
    // Warm up the lazily built tables.
    let mut w = articles[0].clone();
    analyze(&mut w);
    let rounds = 5;
    let cpu0 = cpu_ns();
    let start = Instant::now();
    let mut spans = 0usize;
    for _ in 0..rounds {
        for a in &articles {
            let mut a = a.clone();
            analyze(&mut a);
            spans += a.spans.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_ns().zip(cpu0).map(|(b, a)| (b - a) as f64 / 1e9);
    let n = (articles.len() * rounds) as f64;
    println!("articles/s {:.0}", n / secs);
    // On a shared machine wall time includes waiting for a core; the time
    // actually spent on the CPU gives the per-core rate.
    if let Some(c) = cpu {
        println!("articles/s per core (cpu time) {:.0}", n / c);
    }
    println!("spans/article {:.1}", spans as f64 / n);
}
