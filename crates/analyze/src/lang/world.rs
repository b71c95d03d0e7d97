//! The world gazetteer shared by all languages: countries and regions with
//! their names in every supported language, demonyms and capitals, plus a
//! short list of well-known organizations whose names carry no suffix.
//! Names are lower case; `codes` are matched case-sensitively because
//! "US" and "us" are different words.
//!
//! The countries are data, not code: `data/world.tsv`, compiled in and
//! read once. Adding a country or a language's names is an edit there.

use std::sync::OnceLock;

/// One country or region.
#[derive(Debug)]
pub struct Country {
    /// Canonical English name.
    pub canonical: &'static str,
    /// Names in every language, lower case, multi-word with single spaces.
    pub names: Vec<&'static str>,
    /// Case-sensitive codes ("US", "U.S.", "EE.UU.").
    pub codes: Vec<&'static str>,
    /// Demonyms, lower case, singular and plural, every language.
    pub demonyms: Vec<&'static str>,
    /// Capitals (lower case), used for metonymy ("Washington said"); none
    /// for a region.
    pub capitals: Vec<&'static str>,
    /// Canonical names of the regions the country lies in, so that "the
    /// Central American country" looks only at Central American countries.
    pub regions: Vec<&'static str>,
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
/// empty, so an editor that trims trailing tabs does no harm.
fn parse(tsv: &'static str) -> Vec<Country> {
    let list = |f: Option<&'static str>| -> Vec<&'static str> {
        f.map(|f| {
            f.split('|')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .collect()
        })
        .unwrap_or_default()
    };
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut f = line.split('\t');
            let canonical = f.next()?.trim();
            (!canonical.is_empty()).then(|| Country {
                canonical,
                names: list(f.next()),
                codes: list(f.next()),
                demonyms: list(f.next()),
                capitals: list(f.next()),
                regions: list(f.next()),
            })
        })
        .collect()
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
        assert!(all.len() > 90, "{} entries", all.len());
        assert!(all.iter().all(|c| !c.names.is_empty()));
        // Every region a country names is an entry of its own, and a region.
        for c in all {
            for r in &c.regions {
                assert!(is_region(index_of(r)), "{} lies in {r}", c.canonical);
            }
        }
        let france = &all[index_of("France") as usize];
        assert!(france.names.contains(&"francia"));
        assert!(france.demonyms.contains(&"franceses"));
        assert_eq!(france.capitals, ["paris", "parís"]);
        assert!(in_region(index_of("France"), index_of("Europe")));
        assert!(!in_region(index_of("France"), index_of("Asia")));
        assert!(!is_region(index_of("France")));
    }

    #[test]
    fn trailing_fields_may_be_missing() {
        let t =
            parse("# comment\nAtlantis\tatlantis\n\nLemuria\tlemuria\t\tlemurian\tkumari\tOcean\n");
        assert_eq!(t.len(), 2);
        assert!(t[0].capitals.is_empty() && t[0].regions.is_empty());
        assert_eq!(t[1].demonyms, ["lemurian"]);
        assert_eq!(t[1].regions, ["Ocean"]);
    }
}
