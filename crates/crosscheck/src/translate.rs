//! Quotes across languages: a quote and its translation share the names,
//! the numbers and, through a per-language-pair lexicon, the content words.
//!
//! Every quote is read into *pivot* terms, in English: an English quote's
//! content-word stems; another language's words through its lexicon to
//! English (`data/translate/<lang>-en.tsv`, one lemma a line, matched on
//! its first six folded letters so that one entry covers the inflections);
//! names (capitalized words) and numbers as written, folded. A language
//! without a lexicon keeps only its names and numbers. Adding a language is
//! adding its file to [`LEXICONS`].

use crate::context::{stem, words_with_offsets};
use crate::names::fold;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// The lexicons to English, by source language code.
const LEXICONS: &[(&str, &str)] = &[
    ("es", include_str!("../data/translate/es-en.tsv")),
    ("it", include_str!("../data/translate/it-en.tsv")),
    ("nl", include_str!("../data/translate/nl-en.tsv")),
    ("pt", include_str!("../data/translate/pt-en.tsv")),
    ("fr", include_str!("../data/translate/fr-en.tsv")),
    ("de", include_str!("../data/translate/de-en.tsv")),
];

/// Letters of a folded word that key a lexicon entry.
const KEY_LETTERS: usize = 6;

fn key(word: &str) -> String {
    fold(&word.to_lowercase())
        .chars()
        .take(KEY_LETTERS)
        .collect()
}

type Lexicon = HashMap<String, Vec<String>>;

fn parse(data: &str) -> Lexicon {
    let mut map: Lexicon = HashMap::default();
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((from, to)) = line.split_once('\t') else {
            continue;
        };
        let stems = to.split('|').filter_map(stem);
        map.entry(key(from)).or_default().extend(stems);
    }
    map
}

fn lexicon(lang: &str) -> Option<&'static Lexicon> {
    static ALL: OnceLock<HashMap<&'static str, Lexicon>> = OnceLock::new();
    ALL.get_or_init(|| LEXICONS.iter().map(|(l, d)| (*l, parse(d))).collect())
        .get(lang)
}

/// Whether quotes in `lang` can be read into pivot terms beyond their names
/// and numbers.
pub fn has_lexicon(lang: &str) -> bool {
    lang == "en" || lexicon(lang).is_some()
}

/// A number as written, separators removed ("1,000" and "1.000" meet).
fn number_term(w: &str) -> Option<String> {
    w.chars()
        .all(|c| c.is_ascii_digit())
        .then(|| format!("#{}", w.trim_start_matches('0')))
}

/// The pivot terms of a quoted text in `lang` (see the module doc).
pub fn pivot_terms(text: &str, lang: &str) -> HashSet<String> {
    let lex = lexicon(lang);
    let mut out = HashSet::default();
    // Digits split by separators ("1,000") are joined first.
    let joined: String = text
        .char_indices()
        .filter(|&(i, c)| {
            !((c == ',' || c == '.')
                && text[..i].ends_with(|p: char| p.is_ascii_digit())
                && text[i + c.len_utf8()..].starts_with(|n: char| n.is_ascii_digit()))
        })
        .map(|(_, c)| c)
        .collect();
    for (i, w) in words_with_offsets(&joined) {
        if let Some(n) = number_term(w) {
            out.insert(n);
            continue;
        }
        // A capitalized word inside the text is a name; the first word of
        // a sentence is not known to be one.
        let sentence_start = joined[..i].trim_end().is_empty()
            || joined[..i]
                .trim_end()
                .ends_with(['.', '!', '?', '¿', '¡', ':']);
        // A capitalized word the lexicon knows is a word, not a name:
        // German capitalizes every noun ("Flugzeuge"), other languages
        // some titles and bodies ("el Gobierno").
        let known = (lang != "en")
            .then(|| lex.and_then(|l| l.get(&key(w))))
            .flatten();
        if w.starts_with(char::is_uppercase) && !sentence_start && known.is_none() {
            out.insert(format!("@{}", fold(&w.to_lowercase())));
            continue;
        }
        if lang == "en" {
            out.extend(stem(w));
        } else if let Some(stems) = lex.and_then(|l| l.get(&key(w))) {
            out.extend(stems.iter().cloned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_shares_its_pivot_terms() {
        let en = pivot_terms(
            "We will rebuild every house in Orvenna before the winter, 1,200 of them.",
            "en",
        );
        let es = pivot_terms(
            "Reconstruiremos cada casa de Orvenna antes del invierno, 1.200 en total.",
            "es",
        );
        assert!(en.contains("@orvenna") && es.contains("@orvenna"));
        assert!(en.contains("#1200") && es.contains("#1200"));
        assert!(es.contains("house"), "{es:?}");
        assert!(en.contains("house"));
        // A language without a lexicon keeps its names and numbers only.
        let sv = pivot_terms("Vi bygger upp varje hus i Orvenna igen, 1200 totalt.", "sv");
        assert!(sv.contains("@orvenna") && sv.contains("#1200"));
        assert!(!sv.contains("house"));
        assert!(has_lexicon("es") && !has_lexicon("sv"));
    }

    /// Pivot terms two wordings share, and the size of the smaller set:
    /// what grouping a quote with its translation weighs.
    fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> (usize, usize) {
        (a.intersection(b).count(), a.len().min(b.len()))
    }

    /// An invented English quote, for each lexicon's translation of it.
    const ORDER_EN: &str =
        "This year Kettrin Air ordered 12 new planes because our customers want more flights to Zelmora.";

    /// A translation shares most of the English quote's pivot terms, and
    /// more than its names and numbers; a quote on something else in the
    /// same language shares almost none.
    fn check_lexicon(lang: &str, translation: &str, unrelated: &str, words: &[&str]) {
        check_lexicon_of(ORDER_EN, lang, translation, unrelated, words);
    }

    fn check_lexicon_of(
        english: &str,
        lang: &str,
        translation: &str,
        unrelated: &str,
        words: &[&str],
    ) {
        assert!(has_lexicon(lang));
        let en = pivot_terms(english, "en");
        let tr = pivot_terms(translation, lang);
        for w in words {
            assert!(tr.contains(*w) && en.contains(*w), "{lang}: {w} in {tr:?}");
        }
        let (shared, small) = overlap(&en, &tr);
        let anchors = tr
            .iter()
            .filter(|t| t.starts_with(['@', '#']) && en.contains(*t))
            .count();
        assert!(shared >= anchors + 3, "{lang}: {tr:?} / {en:?}");
        assert!(shared * 3 >= small * 2, "{lang}: {shared}/{small}");
        let other = pivot_terms(unrelated, lang);
        let (shared, small) = overlap(&en, &other);
        assert!(shared * 4 < small && shared < 2, "{lang}: {other:?}");
    }

    #[test]
    fn italian_quotes_meet_their_english_original() {
        check_lexicon(
            "it",
            "Quest'anno Kettrin Air ha ordinato 12 nuovi aerei perché i nostri clienti vogliono più voli per Zelmora.",
            "La polizia ha arrestato due uomini dopo l'incendio nel porto di Varnholt.",
            &["ordere", "plane", "custom", "want", "flight", "year"],
        );
    }

    #[test]
    fn dutch_quotes_meet_their_english_original() {
        check_lexicon(
            "nl",
            "Dit jaar heeft Kettrin Air 12 nieuwe vliegtuigen besteld omdat onze klanten meer vluchten naar Zelmora willen.",
            "De politie heeft twee mannen gearresteerd na de brand in de haven van Varnholt.",
            &["ordere", "plane", "custom", "want", "flight", "year"],
        );
    }

    #[test]
    fn portuguese_quotes_meet_their_english_original() {
        check_lexicon(
            "pt",
            "Este ano a Kettrin Air encomendou 12 novos aviões porque os nossos clientes querem mais voos para Zelmora.",
            "A polícia prendeu dois homens depois do incêndio no porto de Varnholt.",
            &["ordere", "plane", "custom", "want", "flight", "year"],
        );
    }

    #[test]
    fn french_quotes_meet_their_english_original() {
        check_lexicon(
            "fr",
            "Cette année Kettrin Air a commandé 12 nouveaux avions parce que nos clients veulent plus de vols vers Zelmora.",
            "La police a arrêté deux hommes après l'incendie dans le port de Varnholt.",
            &["ordere", "plane", "custom", "want", "flight", "year"],
        );
    }

    #[test]
    fn german_quotes_meet_their_english_original() {
        // Inside a sentence a German noun is capitalized: the lexicon, not
        // the capital, says whether it is a name.
        check_lexicon_of(
            "This year Kettrin Air ordered 12 new planes because we want to fly to Zelmora more often, and we hope to grow fast.",
            "de",
            "Dieses Jahr hat Kettrin Air 12 neue Flugzeuge bestellt, weil wir öfter nach Zelmora fliegen wollen, und wir hoffen, schnell zu wachsen.",
            "Die Polizei hat nach dem Brand im Hafen von Varnholt zwei Männer festgenommen.",
            &["ordere", "plane", "want", "fly", "hope", "grow", "fast", "often"],
        );
    }
}
