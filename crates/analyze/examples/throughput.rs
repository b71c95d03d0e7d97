//! Prints analyze throughput in articles per second on one core.
//!
//! Run with `cargo run --release -p crosswire-analyze --example throughput`.
//! The articles are synthetic ~800-word news texts built from fixed
//! sentences, English and Spanish, so the number is reproducible.

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

fn main() {
    let articles: Vec<_> = (0..400).map(article).collect();
    // Warm up the lazily built tables.
    let mut w = articles[0].clone();
    analyze(&mut w);
    let rounds = 5;
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
    let n = (articles.len() * rounds) as f64;
    println!("articles/s {:.0}", n / secs);
    println!("spans/article {:.1}", spans as f64 / n);
}
