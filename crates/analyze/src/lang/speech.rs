//! Speech tables kept apart from the main language tables: per language,
//! the words that shape who speaks around a speech cue. A language without
//! a table here has no such words (its quotes still get speakers from the
//! main tables).

/// Speech words of one language.
#[derive(Debug)]
pub struct Speech {
    /// Cues whose object is the one spoken to, never the speaker: "told"
    /// in "Doe told Radio Norte", "dijo a" is written with its "a".
    pub addressee_cues: &'static [&'static str],
    /// Prefixes of ship names, as written ("MV", "HMS"): a ship never
    /// speaks, its crew or owner does.
    pub vessel_prefixes: &'static [&'static str],
    /// Relative pronouns that open a clause set off by commas between a
    /// speaker and the cue ("the source, who asked not to be named, said").
    pub relative_pronouns: &'static [&'static str],
    /// Pronouns and words (roles, honorifics, kin) that mark a woman.
    pub female: &'static [&'static str],
    /// Pronouns and words that mark a man.
    pub male: &'static [&'static str],
}

const EN: Speech = Speech {
    addressee_cues: &[
        "told", "tell", "tells", "telling", "informed", "informs", "assured",
    ],
    vessel_prefixes: &[
        "MV", "M/V", "MS", "MT", "SS", "RV", "HMS", "HMAS", "HMCS", "USS", "USNS", "INS", "FV",
    ],
    relative_pronouns: &["who", "whose", "whom", "which"],
    female: &[
        "she",
        "her",
        "hers",
        "herself",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "madam",
        "dame",
        "lady",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "policewoman",
        "councilwoman",
        "anchorwoman",
        "queen",
        "princess",
        "duchess",
        "empress",
        "actress",
        "woman",
        "mother",
        "wife",
        "daughter",
        "sister",
        "grandmother",
        "aunt",
        "niece",
        "girl",
        "widow",
    ],
    male: &[
        "he",
        "him",
        "his",
        "himself",
        "mr",
        "mr.",
        "sir",
        "lord",
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "policeman",
        "councilman",
        "anchorman",
        "king",
        "prince",
        "duke",
        "emperor",
        "actor",
        "man",
        "father",
        "husband",
        "son",
        "brother",
        "grandfather",
        "uncle",
        "nephew",
        "boy",
        "widower",
    ],
};

// Spanish marks the one spoken to with "a" ("dijo a la radio"), and a name
// right after a cue is the inverted speaker ("aseguró Pérez").
const ES: Speech = Speech {
    addressee_cues: &[],
    vessel_prefixes: &[
        "MV", "M/V", "MS", "MT", "SS", "HMS", "USS", "BAP", "ARA", "BIP",
    ],
    relative_pronouns: &["que", "quien", "quienes", "cuyo", "cuya", "cuyos", "cuyas"],
    female: &[
        "ella",
        "sra",
        "sra.",
        "señora",
        "doña",
        "la",
        "ministra",
        "presidenta",
        "diputada",
        "senadora",
        "alcaldesa",
        "gobernadora",
        "jueza",
        "directora",
        "secretaria",
        "reina",
        "princesa",
        "madre",
        "esposa",
        "hija",
        "hermana",
        "abuela",
        "mujer",
        "niña",
        "viuda",
    ],
    male: &[
        "él",
        "sr",
        "sr.",
        "señor",
        "don",
        "el",
        "ministro",
        "presidente",
        "diputado",
        "senador",
        "alcalde",
        "gobernador",
        "juez",
        "director",
        "secretario",
        "rey",
        "príncipe",
        "padre",
        "esposo",
        "marido",
        "hijo",
        "hermano",
        "abuelo",
        "hombre",
        "niño",
        "viudo",
    ],
};

const NONE: Speech = Speech {
    addressee_cues: &[],
    vessel_prefixes: &[],
    relative_pronouns: &[],
    female: &[],
    male: &[],
};

/// The speech table of a language code ("en", "es"), empty when none.
pub fn speech(code: &str) -> &'static Speech {
    match code {
        "en" => &EN,
        "es" => &ES,
        _ => &NONE,
    }
}
