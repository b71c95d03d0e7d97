//! Language identification with whatlang.

/// ISO 639-1 code of the text's language, when whatlang is confident
/// enough. Short texts are accepted on whatlang's best guess, since a
/// headline-sized article is still better labelled than not.
///
/// A longer text on which whatlang is unsure (names, quotes or a title
/// in another language mixed in) is decided sentence by sentence: each
/// sentence votes for its language with its length times whatlang's
/// confidence, and a language holding half the votes wins. Only a text
/// with no such majority gets no language.
pub fn detect(text: &str) -> Option<String> {
    let sample = match text.char_indices().nth(4000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let info = whatlang::detect(sample)?;
    if info.is_reliable() || sample.len() <= 400 {
        return Some(iso639_1(info.lang().code()).to_string());
    }
    by_sentences(sample).map(|lang| iso639_1(lang.code()).to_string())
}

/// The language most of the text's sentences are in, weighted by length
/// and confidence, when it holds at least half of the weight.
fn by_sentences(text: &str) -> Option<whatlang::Lang> {
    let mut votes: Vec<(whatlang::Lang, f64)> = Vec::new();
    let mut total = 0.0;
    for sentence in text.split(['.', '!', '?', '\n', ';']) {
        let sentence = sentence.trim();
        // Fragments ("U.S", "Inc") say nothing.
        if sentence.split_whitespace().count() < 4 {
            continue;
        }
        let Some(info) = whatlang::detect(sentence) else {
            continue;
        };
        let weight = sentence.len() as f64 * info.confidence();
        total += weight;
        match votes.iter_mut().find(|(l, _)| *l == info.lang()) {
            Some((_, w)) => *w += weight,
            None => votes.push((info.lang(), weight)),
        }
    }
    let (lang, weight) = votes.into_iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    (total > 0.0 && weight * 2.0 >= total).then_some(lang)
}

/// Maps whatlang's ISO 639-3 codes to the two-letter codes news metadata
/// uses; codes without a two-letter form pass through.
pub fn iso639_1(code3: &str) -> &str {
    const MAP: &[(&str, &str)] = &[
        ("eng", "en"),
        ("spa", "es"),
        ("por", "pt"),
        ("fra", "fr"),
        ("deu", "de"),
        ("ita", "it"),
        ("nld", "nl"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("pol", "pl"),
        ("ces", "cs"),
        ("slk", "sk"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "nb"),
        ("fin", "fi"),
        ("est", "et"),
        ("lav", "lv"),
        ("lit", "lt"),
        ("hun", "hu"),
        ("ron", "ro"),
        ("bul", "bg"),
        ("srp", "sr"),
        ("hrv", "hr"),
        ("slv", "sl"),
        ("ell", "el"),
        ("tur", "tr"),
        ("ara", "ar"),
        ("heb", "he"),
        ("pes", "fa"),
        ("urd", "ur"),
        ("hin", "hi"),
        ("ben", "bn"),
        ("tha", "th"),
        ("vie", "vi"),
        ("ind", "id"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("cat", "ca"),
        ("afr", "af"),
        ("bel", "be"),
        ("mkd", "mk"),
        ("kat", "ka"),
        ("hye", "hy"),
        ("aze", "az"),
        ("epo", "eo"),
        ("lat", "la"),
        ("tgl", "tl"),
        ("jav", "jv"),
    ];
    MAP.iter()
        .find(|(c3, _)| *c3 == code3)
        .map(|(_, c2)| *c2)
        .unwrap_or(code3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_with_foreign_names_and_quotes_gets_its_language() {
        // Dutch, with English product names and quoted English sentences:
        // whatlang is unsure of the whole.
        let text = "Orvel Systems presenteerde vandaag de Skylark Pro Max tijdens de Orvel \
            Developers Summit in Port Amsel. The Skylark Pro Max is a truly magical device for \
            the whole family, the company said in a statement on its website. Het apparaat \
            draait op Skylark OS. Volgens analisten van Vell Capital Markets komt het toestel \
            in juni in de winkels. We think this is the best phone we have ever made, said the \
            chief executive of the company. \
            Het bedrijf wil dit jaar tien miljoen toestellen verkopen en opent nieuwe winkels \
            in drie landen, waaronder een grote winkel in het centrum van de hoofdstad. De \
            concurrenten van het bedrijf hebben nog niet gereageerd op de aankondiging.";
        assert!(text.len() > 400);
        assert!(!whatlang::detect(text).is_some_and(|i| i.is_reliable()));
        assert_eq!(detect(text).as_deref(), Some("nl"));
    }

    #[test]
    fn detects_english_and_spanish() {
        assert_eq!(
            detect("The minister said on Monday that the government would publish the figures next week.").as_deref(),
            Some("en")
        );
        assert_eq!(
            detect(
                "El ministro dijo el lunes que el gobierno publicará las cifras la próxima semana."
            )
            .as_deref(),
            Some("es")
        );
    }
}
