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
}

const EN: Speech = Speech {
    addressee_cues: &[
        "told", "tell", "tells", "telling", "informed", "informs", "assured",
    ],
    vessel_prefixes: &[
        "MV", "M/V", "MS", "MT", "SS", "RV", "HMS", "HMAS", "HMCS", "USS", "USNS", "INS", "FV",
    ],
    relative_pronouns: &["who", "whose", "whom", "which"],
};

// Spanish marks the one spoken to with "a" ("dijo a la radio"), and a name
// right after a cue is the inverted speaker ("aseguró Pérez").
const ES: Speech = Speech {
    addressee_cues: &[],
    vessel_prefixes: &[
        "MV", "M/V", "MS", "MT", "SS", "HMS", "USS", "BAP", "ARA", "BIP",
    ],
    relative_pronouns: &["que", "quien", "quienes", "cuyo", "cuya", "cuyos", "cuyas"],
};

const NONE: Speech = Speech {
    addressee_cues: &[],
    vessel_prefixes: &[],
    relative_pronouns: &[],
};

/// The speech table of a language code ("en", "es"), empty when none.
pub fn speech(code: &str) -> &'static Speech {
    match code {
        "en" => &EN,
        "es" => &ES,
        _ => &NONE,
    }
}
