//! Agency credits in an article's text: the marks that say a story is wire
//! copy ("(AFP)", "told Reuters", "con información de EFE") as opposed to a
//! mere citation ("according to Reuters").
//!
//! The agency table is data: adding an agency is adding a row. Cue phrases
//! are per language, also as data.

use crosswire_model::{Article, ByteRange};
use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

/// News agencies whose copy is republished, with the names they go by.
/// The first name is the canonical one.
pub const AGENCIES: &[&[&str]] = &[
    &[
        "AFP",
        "Agence France-Presse",
        "Agence France Presse",
        "France-Presse",
    ],
    &["AP", "Associated Press", "The Associated Press"],
    &["Reuters", "Thomson Reuters"],
    &["EFE", "Agencia EFE"],
    &["dpa", "DPA", "Deutsche Presse-Agentur"],
    &["ANSA"],
    &["Xinhua", "Xinhua News Agency"],
    &["Europa Press"],
    &["UPI", "United Press International"],
    &["Bloomberg", "Bloomberg News"],
    &["PA Media", "Press Association"],
    &["Kyodo", "Kyodo News"],
    &["Yonhap", "Yonhap News Agency"],
    &["TASS"],
    &["Interfax"],
    &["Anadolu", "Anadolu Agency"],
    &["PTI", "Press Trust of India"],
    &["IANS"],
    &["Notimex"],
    &["Télam", "Telam"],
    &["Prensa Latina"],
    &["Agência Brasil", "Agencia Brasil"],
    &["Lusa"],
    &["AAP", "Australian Associated Press"],
    &["The Canadian Press"],
    &["APA"],
    &["Sputnik"],
];

/// Words just before an agency name that make it a wire credit: the agency
/// interviewed someone or supplied the story. English and Spanish.
const CREDIT_BEFORE: &[&str] = &[
    // en
    "told",
    "said to",
    "told news agency",
    "told the news agency",
    "in an interview with",
    "speaking to",
    "with",
    "source:",
    "via",
    "by",
    "reporting by",
    "copyright",
    "©",
    // es
    "dijo a",
    "declaró a",
    "explicó a",
    "aseguró a",
    "afirmó a",
    "indicó a",
    "contó a",
    "señaló a",
    "comentó a",
    "detalló a",
    "manifestó a",
    "a la agencia",
    "consultado por",
    "consultada por",
    "con información de",
    "fuente:",
    "con",
];

/// Words just after an agency name that make it a credit.
const CREDIT_AFTER: &[&str] = &[
    "reported",
    "contributed",
    "learned",
    "has learned",
    "reporter",
    "correspondent",
    "informó",
    "pudo saber",
    "pudo constatar",
    "constató",
];

/// Words before an agency name that make it a citation only.
const CITATION_BEFORE: &[&str] = &["according to", "según", "de acuerdo con", "citado por"];

/// How an agency is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CreditKind {
    /// "(AFP)" dateline, a line holding only the agency, a byline or outlet
    /// that is the agency.
    Dateline,
    /// The agency did the reporting: "told AFP", "AFP reported", "with EFE".
    Reporting,
    /// The agency is cited for one fact: "according to Reuters".
    Citation,
}

/// One mention of an agency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credit {
    /// Canonical agency name.
    pub agency: String,
    /// How it is named.
    pub kind: CreditKind,
    /// Where, in [`Article::text`]; `None` when it comes from the byline or
    /// outlet field.
    pub range: Option<ByteRange>,
}

impl Credit {
    /// True when this mention says the article is (partly) the agency's copy.
    pub fn is_wire(&self) -> bool {
        self.kind != CreditKind::Citation
    }
}

static AGENCY_RE: Lazy<Option<Regex>> = Lazy::new(|| {
    let mut names: Vec<&str> = AGENCIES.iter().flat_map(|a| a.iter().copied()).collect();
    // Longest first, so "Agence France-Presse" wins over "France-Presse".
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alt = names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}\p{{N}}])({alt})(?:$|[^\p{{L}}\p{{N}}])"
    ))
    .ok()
});

/// The canonical name of an agency, given any of its names.
pub fn canonical_agency(name: &str) -> Option<&'static str> {
    let name = name.trim();
    AGENCIES
        .iter()
        .find(|names| names.iter().any(|n| n.eq_ignore_ascii_case(name)))
        .map(|names| names[0])
}

/// Finds the agency credits of an article, in text order; byline and outlet
/// credits first.
pub fn find_credits(article: &Article) -> Vec<Credit> {
    let mut out = Vec::new();
    for field in article.byline.iter().chain(article.outlet.iter()) {
        if let Some(agency) = canonical_agency(field) {
            if !out.iter().any(|c: &Credit| c.agency == agency) {
                out.push(Credit {
                    agency: agency.to_string(),
                    kind: CreditKind::Dateline,
                    range: None,
                });
            }
        }
    }
    let Some(re) = AGENCY_RE.as_ref() else {
        return out;
    };
    let text = &article.text;
    for caps in re.captures_iter(text) {
        let Some(m) = caps.get(1) else { continue };
        let Some(agency) = canonical_agency(m.as_str()) else {
            continue;
        };
        if let Some(kind) = classify(text, m.start(), m.end()) {
            out.push(Credit {
                agency: agency.to_string(),
                kind,
                range: Some(ByteRange::new(m.start(), m.end())),
            });
        }
    }
    out
}

/// Decides from the words around a mention whether it is a credit, a
/// citation, or neither (a story *about* an agency is neither).
fn classify(text: &str, start: usize, end: usize) -> Option<CreditKind> {
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    let after = text[end..].trim_start_matches([' ', '\u{a0}']);
    // "(AFP)" and "(AFP) —" datelines.
    if before.ends_with('(') && after.starts_with(')') {
        return Some(CreditKind::Dateline);
    }
    // The agency alone on a line, or closing the article after a dash.
    let line_before = before.rsplit('\n').next().unwrap_or("");
    let line_after = after.split('\n').next().unwrap_or("");
    let bare = |s: &str| {
        s.chars()
            .all(|c| c.is_whitespace() || "—–-/|.,:".contains(c))
    };
    if bare(line_before) && bare(line_after) {
        return Some(CreditKind::Dateline);
    }
    let tail = lower_tail(before, 32);
    // "the" may stand between a cue and the name: "told the Associated Press".
    let tail_no_the = tail
        .strip_suffix(" the")
        .or_else(|| tail.strip_suffix(" la"))
        .unwrap_or(&tail);
    let cue_ends = |cues: &[&str]| {
        cues.iter().any(|cue| {
            [tail.as_str(), tail_no_the].iter().any(|t| {
                t.strip_suffix(cue).is_some_and(|rest| {
                    rest.chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric())
                })
            })
        })
    };
    if cue_ends(CITATION_BEFORE) {
        return Some(CreditKind::Citation);
    }
    if cue_ends(CREDIT_BEFORE) {
        return Some(CreditKind::Reporting);
    }
    let head = after.chars().take(24).collect::<String>().to_lowercase();
    if CREDIT_AFTER.iter().any(|cue| head.starts_with(cue)) {
        return Some(CreditKind::Reporting);
    }
    None
}

/// The last `n` characters before a position, lower-cased.
fn lower_tail(s: &str, n: usize) -> String {
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    s[start..].to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosswire_model::{ArticleBuilder, BlockKind};

    fn article(paras: &[&str]) -> Article {
        let mut b = ArticleBuilder::new("t");
        for p in paras {
            b.push_block(BlockKind::Paragraph, p);
        }
        b.finish()
    }

    fn kinds(a: &Article) -> Vec<(String, CreditKind)> {
        find_credits(a)
            .into_iter()
            .map(|c| (c.agency, c.kind))
            .collect()
    }

    #[test]
    fn datelines_reporting_and_citations() {
        let a = article(&[
            "PORTHAVEN (Reuters) - The mayor resigned on Monday.",
            "\"It was time,\" she told AFP by phone.",
            "The figure was confirmed, according to the Associated Press.",
            "El ministro dijo a EFE que no habrá cambios.",
        ]);
        assert_eq!(
            kinds(&a),
            vec![
                ("Reuters".to_string(), CreditKind::Dateline),
                ("AFP".to_string(), CreditKind::Reporting),
                ("AP".to_string(), CreditKind::Citation),
                ("EFE".to_string(), CreditKind::Reporting),
            ]
        );
    }

    #[test]
    fn a_story_about_an_agency_is_no_credit() {
        let a = article(&["Reuters shares fell after the results were published."]);
        assert!(kinds(&a).is_empty());
        let a = article(&["The APA scale was updated.", "Rapid growth was seen."]);
        assert!(kinds(&a).is_empty());
    }

    #[test]
    fn agency_alone_on_a_line_and_outlet_field() {
        let mut a = article(&["The talks ended without a deal.", "— AFP"]);
        assert_eq!(kinds(&a), vec![("AFP".to_string(), CreditKind::Dateline)]);
        a.outlet = Some("Agencia EFE".into());
        assert_eq!(find_credits(&a)[0].agency, "EFE");
        assert!(find_credits(&a)[0].range.is_none());
    }

    #[test]
    fn reporting_cues_after_the_name() {
        let a = article(&["Officials met late into the night, Reuters reported."]);
        assert_eq!(
            kinds(&a),
            vec![("Reuters".to_string(), CreditKind::Reporting)]
        );
        let a = article(&["Con información de Europa Press."]);
        assert_eq!(
            kinds(&a),
            vec![("Europa Press".to_string(), CreditKind::Reporting)]
        );
    }
}
