//! Prints the spans of a text given in `CW_TEXT` (a debugging aid).
use crosswire_analyze::{analyze_with, Options};
use crosswire_model::{ArticleBuilder, BlockKind};

#[test]
#[ignore]
fn dump() {
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
