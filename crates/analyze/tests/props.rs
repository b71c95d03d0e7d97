//! Property tests: arbitrary text never panics, and every span is in
//! bounds, on char boundaries, with start <= end, sorted by start.

use crosswire_analyze::{analyze_with, Options};
use crosswire_model::{Article, ArticleBuilder, BlockKind, SpanKind};
use proptest::prelude::*;

fn check(a: &Article) -> Result<(), TestCaseError> {
    let n = a.text.len();
    let mut last = 0u32;
    for s in &a.spans {
        let r = s.range;
        prop_assert!(
            r.start <= r.end && (r.end as usize) <= n,
            "range {:?} of {}",
            r,
            n
        );
        prop_assert!(a.text.is_char_boundary(r.start as usize));
        prop_assert!(a.text.is_char_boundary(r.end as usize));
        prop_assert!(r.start >= last, "not sorted");
        last = r.start;
        let mut inner = Vec::new();
        match &s.kind {
            SpanKind::Quote(q) => {
                inner.push(q.content);
                inner.extend(q.speaker_mention);
            }
            SpanKind::Figure(f) => {
                prop_assert!(!f.value.is_nan());
            }
            _ => {}
        }
        for r in inner {
            prop_assert!(r.start <= r.end && (r.end as usize) <= n);
            prop_assert!(a.text.is_char_boundary(r.start as usize));
            prop_assert!(a.text.is_char_boundary(r.end as usize));
        }
    }
    Ok(())
}

fn run(paras: &[String], lang: &str, published: bool) -> Result<(), TestCaseError> {
    let mut b = ArticleBuilder::new("p");
    b.push_block(
        BlockKind::Title,
        paras.first().map(String::as_str).unwrap_or(""),
    );
    for p in paras.iter().skip(1) {
        b.push_block(BlockKind::Paragraph, p);
    }
    b.language = Some(lang.to_string());
    let mut a = b.finish();
    let opts = Options {
        reference_date: if published {
            chrono::NaiveDate::from_ymd_opt(2025, 3, 27)
        } else {
            None
        },
        language: None,
    };
    analyze_with(&mut a, &opts);
    check(&a)
}

/// Words that exercise every analyzer, mixed with arbitrary characters.
fn newsy() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("said".to_string()),
        Just("dijo".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\u{ab}".to_string()),
        Just("\u{bb}".to_string()),
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("the".to_string()),
        Just("President".to_string()),
        Just("Ana Ruiz".to_string()),
        Just("Ruiz".to_string()),
        Just("she".to_string()),
        Just("more than".to_string()),
        Just("6 million".to_string()),
        Just("$8,479.7".to_string()),
        Just("1.200".to_string()),
        Just("23%".to_string()),
        Just("dozens of".to_string()),
        Just("two and a half".to_string()),
        Just("between 3 and".to_string()),
        Just("on Wednesday".to_string()),
        Just("mid-March".to_string()),
        Just("26 de marzo de".to_string()),
        Just("2025-03-".to_string()),
        Just("last year".to_string()),
        Just("according to".to_string()),
        Just("’s".to_string()),
        Just("(ABC)".to_string()),
        Just("-".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        "[a-zA-Z\u{e1}\u{f1}]{1,8}",
        "[0-9.,%$-]{1,6}",
        any::<String>(),
    ];
    prop::collection::vec(word, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(paras in prop::collection::vec(any::<String>(), 0..5), es in any::<bool>(), p in any::<bool>()) {
        run(&paras, if es { "es" } else { "en" }, p)?;
    }

    #[test]
    fn newsy_text_keeps_spans_in_bounds(paras in prop::collection::vec(newsy(), 1..6), es in any::<bool>(), p in any::<bool>()) {
        run(&paras, if es { "es" } else { "en" }, p)?;
    }
}
