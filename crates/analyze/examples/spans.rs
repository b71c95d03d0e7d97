//! Prints the spans the analyzer finds in a text, one per line (a
//! debugging aid): `CW_FILE=path cargo run -p crosswire-analyze --example
//! spans`, or the text itself in `CW_TEXT`. Paragraphs are separated by a
//! blank line; relative dates resolve against 2025-03-27.
use crosswire_analyze::{analyze_with, Options};
use crosswire_model::{ArticleBuilder, BlockKind};

fn main() {
    let text = match std::env::var("CW_FILE") {
        Ok(path) => std::fs::read_to_string(path).unwrap_or_default(),
        Err(_) => std::env::var("CW_TEXT").unwrap_or_default(),
    };
    let mut b = ArticleBuilder::new("x");
    for p in text.split("\n\n") {
        b.push_block(BlockKind::Paragraph, p);
    }
    let mut a = b.finish();
    let r = chrono::NaiveDate::from_ymd_opt(2025, 3, 27);
    analyze_with(
        &mut a,
        &Options {
            reference_date: r,
            language: None,
        },
    );
    for s in &a.spans {
        println!("{:?} {:?}", a.slice(s.range), s.kind);
    }
}
