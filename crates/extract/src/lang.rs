//! Language identification with whatlang.

/// ISO 639-1 code of the text's language, when whatlang is confident
/// enough. Short texts are accepted on whatlang's best guess, since a
/// headline-sized article is still better labelled than not.
pub fn detect(text: &str) -> Option<String> {
    let sample = match text.char_indices().nth(4000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && sample.len() > 400 {
        return None;
    }
    Some(iso639_1(info.lang().code()).to_string())
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
