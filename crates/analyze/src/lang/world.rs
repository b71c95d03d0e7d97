//! The world gazetteer shared by all languages: countries and regions with
//! their names in every supported language, demonyms and capitals, plus a
//! short list of well-known organizations whose names carry no suffix.
//! Names are lower case; `codes` are matched case-sensitively because
//! "US" and "us" are different words.
//!
//! Country names and English nationality adjectives come from the ISO 3166
//! registry in the `keshvar` crate. `data/world.tsv`, compiled in and read
//! once, picks the countries (by alpha-2 code), fixes their order and adds
//! what the registry lacks: Spanish demonyms, capitals, press codes such as
//! "EE.UU.", and which countries make up regions such as Latin America.

use std::sync::OnceLock;

/// One country or region.
#[derive(Debug)]
pub struct Country {
    /// Canonical English name.
    pub canonical: String,
    /// Names in every language, lower case, multi-word with single spaces.
    pub names: Vec<String>,
    /// Case-sensitive codes ("US", "U.S.", "EE.UU.").
    pub codes: Vec<String>,
    /// Demonyms, lower case, singular and plural, every language.
    pub demonyms: Vec<String>,
    /// Capitals (lower case), used for metonymy ("Washington said"); none
    /// for a region.
    pub capitals: Vec<String>,
    /// Canonical names of the regions the country lies in, so that "the
    /// Central American country" looks only at Central American countries.
    pub regions: Vec<String>,
}

static WORLD_TSV: &str = include_str!("../../data/world.tsv");

/// Countries and regions, in the order of `data/world.tsv` (their indices
/// are the `u16` country ids of entity spans).
pub fn countries() -> &'static [Country] {
    static TABLE: OnceLock<Vec<Country>> = OnceLock::new();
    TABLE.get_or_init(|| parse(WORLD_TSV))
}

/// Reads the gazetteer: one entry a line, tab-separated fields, lists
/// separated by `|`; `#` lines are comments. Missing trailing fields are
/// empty, so an editor that trims trailing tabs does no harm. A row keyed
/// by a code the registry does not know is skipped (the unit tests check
/// that none is).
fn parse(tsv: &str) -> Vec<Country> {
    let list = |f: Option<&str>| -> Vec<String> {
        f.map(|f| {
            f.split('|')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
    };
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut f = line.split('\t');
            let key = f.next()?.trim();
            let canonical = f.next().map(str::trim).unwrap_or_default();
            let names = list(f.next());
            let row = Country {
                canonical: canonical.to_string(),
                names,
                codes: list(f.next()),
                demonyms: list(f.next()),
                capitals: list(f.next()),
                regions: list(f.next()),
            };
            if is_code(key) {
                from_registry(key, row)
            } else {
                (!key.is_empty()).then(|| Country {
                    canonical: key.to_string(),
                    ..row
                })
            }
        })
        .collect()
}

fn is_code(key: &str) -> bool {
    key.len() == 2 && key.bytes().all(|b| b.is_ascii_uppercase())
}

/// Completes a row keyed by an ISO code with the registry's names and
/// nationality. `row.names` holds the table's additions and `!` drops;
/// `row.canonical` an override of the registry's first name.
fn from_registry(code: &str, row: Country) -> Option<Country> {
    let country = keshvar::Alpha2::try_from(code).ok()?.to_country();
    let translations = country.translations();
    let spanish = translations.get("es").map(|n| n.to_lowercase());
    // The registry lists names in many languages and scripts, some with
    // qualifiers ("Congo (Kinshasa)"): only plain Latin-script ones can
    // occur in running English or Spanish text.
    let plain = |n: &&&str| {
        n.chars()
            .all(|c| (c.is_alphabetic() && (c as u32) < 0x250) || " -'.".contains(c))
    };
    let dropped: Vec<&str> = row
        .names
        .iter()
        .filter_map(|n| n.strip_prefix('!'))
        .collect();
    let mut names: Vec<String> = Vec::new();
    let registry = country
        .unofficial_name_list()
        .iter()
        .chain(translations.get("en"))
        .chain(translations.get("es"))
        .filter(plain)
        .map(|n| n.to_lowercase());
    let added = row.names.iter().filter(|n| !n.starts_with('!')).cloned();
    for n in registry.chain(added) {
        if !dropped.contains(&n.as_str()) && !names.contains(&n) {
            names.push(n);
        }
    }
    let mut demonyms: Vec<String> = Vec::new();
    if let Some(nationality) = country.maybe_nationality() {
        let n = nationality.to_lowercase();
        // English plurals: "Canadian"/"Canadians", but "Swiss",
        // "French", "Chinese" are their own plural.
        if !["sh", "ch", "ss", "ese"].iter().any(|e| n.ends_with(e)) {
            demonyms.push(format!("{n}s"));
        }
        demonyms.push(n);
    }
    for d in row.demonyms {
        let d = match (d.strip_prefix('+'), &spanish) {
            (Some(ending), Some(es)) => format!("{es}{ending}"),
            _ => d,
        };
        if !demonyms.contains(&d) {
            demonyms.push(d);
        }
    }
    let canonical = if row.canonical.is_empty() {
        country.unofficial_name_list().first()?.to_string()
    } else {
        row.canonical
    };
    // A name that is also a demonym ("Argentine") or a code ("USA") is
    // read as that, as before the registry supplied names; but never the
    // country's own name: capitalized "China" is the country, though
    // Spanish writes "china" for a Chinese woman (a lower-case demonym
    // still reads as one, since only capitalized words name countries).
    let own = canonical.to_lowercase();
    names.retain(|n| {
        *n == own || !demonyms.contains(n) && !row.codes.iter().any(|c| c.eq_ignore_ascii_case(n))
    });
    Some(Country {
        canonical,
        names,
        demonyms,
        ..row
    })
}

/// Organizations known by a bare name, lower case, with a canonical name.
pub static KNOWN_ORGS: &[(&str, &str)] = &[
    ("white house", "White House"),
    ("casa blanca", "White House"),
    ("kremlin", "Kremlin"),
    ("pentagon", "Pentagon"),
    ("pentágono", "Pentagon"),
    ("united nations", "United Nations"),
    ("naciones unidas", "United Nations"),
    ("european union", "European Union"),
    ("unión europea", "European Union"),
    ("nato", "NATO"),
    ("otan", "NATO"),
    ("world bank", "World Bank"),
    ("banco mundial", "World Bank"),
    ("downing street", "Downing Street"),
    ("élysée", "Élysée"),
    ("vatican", "Vatican"),
    ("vaticano", "Vatican"),
    ("capitol hill", "Congress"),
    ("amnesty", "Amnesty International"),
    ("interpol", "Interpol"),
    ("hamas", "Hamas"),
    ("hezbollah", "Hezbollah"),
    ("taliban", "Taliban"),
];

/// True when country `c` lies in region `r` (indices into [`countries`]).
pub fn in_region(c: u16, r: u16) -> bool {
    let all = countries();
    let (Some(c), Some(r)) = (all.get(c as usize), all.get(r as usize)) else {
        return false;
    };
    c.regions.contains(&r.canonical)
}

/// True when the entry is a region rather than a country.
pub fn is_region(r: u16) -> bool {
    countries()
        .get(r as usize)
        .is_some_and(|x| x.capitals.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(name: &str) -> u16 {
        countries()
            .iter()
            .position(|c| c.canonical == name)
            .unwrap_or_else(|| panic!("{name} is in the gazetteer")) as u16
    }

    #[test]
    fn the_gazetteer_reads_whole() {
        let all = countries();
        let rows = WORLD_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(all.len(), rows, "every row's code is in the registry");
        assert!(all.len() > 90, "{} entries", all.len());
        assert!(all.iter().all(|c| !c.names.is_empty()));
        // Every region a country names is an entry of its own, and a region.
        for c in all {
            for r in &c.regions {
                assert!(is_region(index_of(r)), "{} lies in {r}", c.canonical);
            }
        }
        let france = &all[index_of("France") as usize];
        assert!(france.names.iter().any(|n| n == "francia"));
        assert!(france.demonyms.iter().any(|d| d == "franceses"));
        assert_eq!(france.capitals, ["paris", "parís"]);
        assert!(in_region(index_of("France"), index_of("Europe")));
        assert!(!in_region(index_of("France"), index_of("Asia")));
        assert!(!is_region(index_of("France")));
    }

    #[test]
    fn the_registry_fills_in_names_and_nationalities() {
        let all = countries();
        let get = |name: &str| &all[index_of(name) as usize];
        let has = |v: &[String], x: &str| v.iter().any(|n| n == x);
        // Canonical names are the everyday ones, not ISO's long forms.
        for name in ["United States", "United Kingdom", "Russia", "Syria", "Iran"] {
            get(name);
        }
        let germany = get("Germany");
        assert!(has(&germany.names, "alemania"), "{:?}", germany.names);
        assert!(has(&germany.demonyms, "german") && has(&germany.demonyms, "germans"));
        // "French" and "Swiss" are their own plurals.
        assert!(!has(&get("France").demonyms, "frenchs"));
        // "+o": the Spanish name plus an ending.
        assert!(has(&get("Uruguay").demonyms, "uruguayo"));
        // Dropped ("!chili") and shadowed (a demonym, a code) names.
        assert!(!has(&get("Chile").names, "chili"));
        assert!(!has(&get("Argentina").names, "argentine"));
        assert!(has(&get("Argentina").demonyms, "argentine"));
        assert!(!has(&get("United States").names, "usa"));
        // Names in other scripts or with qualifiers are left out.
        assert!(all
            .iter()
            .flat_map(|c| &c.names)
            .all(|n| !n.contains('(') && !n.contains(',')));
    }

    #[test]
    fn trailing_fields_may_be_missing() {
        let t = parse(
            "# comment\nAtlantis\t\tatlantis\n\nLemuria\t\tlemuria\t\tlemurian\tkumari\tOcean\nXQ\t\tnowhere\n",
        );
        assert_eq!(t.len(), 2, "the unknown code XQ is skipped");
        assert_eq!(t[0].canonical, "Atlantis");
        assert!(t[0].capitals.is_empty() && t[0].regions.is_empty());
        assert_eq!(t[1].demonyms, ["lemurian"]);
        assert_eq!(t[1].regions, ["Ocean"]);
    }
}
