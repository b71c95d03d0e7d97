//! Credits named in the text: bylines ("By Jane Doe") and the outlet (a
//! team credit such as "X Editorial Team", or the site named by its own
//! subscription prompt).

use super::{is_name_like, key, starts_with_any, tables, Role, Unit, TABLES};

/// "By Jane Doe and John Roe" → the names; `None` when the rest is not
/// made of names.
pub(super) fn byline(line: &str) -> Option<Vec<String>> {
    let lower = line.to_lowercase();
    let p = starts_with_any(&lower, tables::all(|t| t.byline_prefixes))?;
    let rest = line.get(p.len()..)?.trim_start_matches([':', ' ']);
    let rest = rest.split(['|', '•', '·']).next().unwrap_or("");
    let mut names = Vec::new();
    for part in rest.split([',', '&']) {
        for name in part.split(" and ").flat_map(|x| x.split(" y ")) {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            let lower = name.to_lowercase();
            if tables::all(|t| t.job_titles).any(|j| lower.contains(j)) {
                continue;
            }
            if !is_name_like(name) {
                return None;
            }
            names.push(name.to_string());
        }
    }
    (!names.is_empty()).then_some(names)
}

/// The outlet, when the text names it: a team credit ("X Editorial Team",
/// "Redacción X") or the site named by its own subscription prompt. When
/// several prompts name it, the shortest name that starts the others wins
/// ("X" over "X US Edition").
pub(super) fn find_outlet(units: &[Unit]) -> Option<String> {
    // Team credits are looked for outside the article only, so that a
    // subhead such as "Hospital Staff" is never read as one.
    for u in units.iter().rev() {
        let outside = !matches!(
            u.role,
            Role::Title | Role::Standfirst | Role::Subhead | Role::Paragraph | Role::Caption
        );
        if u.words > 8 || !outside {
            continue;
        }
        let lower = u.lower();
        let k = key(&u.text);
        for t in TABLES {
            if let Some(sfx) = t.team_suffixes.iter().find(|s| k.ends_with(*s)) {
                let name = u.text.get(..k.len() - sfx.len()).unwrap_or("").trim();
                if !name.is_empty() && is_name_like(name) {
                    return Some(name.to_string());
                }
            }
            if let Some(p) = starts_with_any(&lower, t.team_prefixes.iter().copied()) {
                let name = u.text.get(p.len()..).unwrap_or("").trim();
                if !name.is_empty() && is_name_like(name) {
                    return Some(name.to_string());
                }
            }
        }
    }
    let mut names: Vec<String> = Vec::new();
    for u in units.iter().filter(|u| u.role == Role::Prompt) {
        for t in TABLES {
            names.extend(
                t.outlet_after
                    .iter()
                    .filter_map(|cue| name_after(&u.text, cue)),
            );
        }
    }
    let shortest_prefix = names
        .iter()
        .filter(|n| names.iter().any(|m| m != *n && m.starts_with(n.as_str())))
        .min_by_key(|n| n.len());
    shortest_prefix.or_else(|| names.first()).cloned()
}

/// The run of capitalised words right after `cue` (whole words) in
/// `line`. Word-based, so that no byte offset of a lowercased copy is ever
/// used to slice the original.
fn name_after(line: &str, cue: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let cue_words: Vec<&str> = cue.split_whitespace().collect();
    let n = cue_words.len();
    for i in 0..words.len().saturating_sub(n) {
        let matches = words[i..i + n]
            .iter()
            .zip(&cue_words)
            .all(|(w, c)| w.to_lowercase() == *c);
        if matches {
            if let Some(name) = capitalised_run(&words[i + n..].join(" ")) {
                return Some(name);
            }
        }
    }
    None
}

fn capitalised_run(s: &str) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for w in s.split_whitespace() {
        let clean = w.trim_end_matches(|c: char| c.is_ascii_punctuation());
        let cap = clean.chars().next().is_some_and(char::is_uppercase);
        let particle =
            !out.is_empty() && tables::all(|t| t.name_particles).any(|p| p == clean.to_lowercase());
        if !(cap || particle) || clean.is_empty() {
            break;
        }
        out.push(clean);
        if clean.len() != w.len() || out.len() >= 6 {
            break;
        }
    }
    while out
        .last()
        .is_some_and(|w| !w.chars().next().is_some_and(char::is_uppercase))
    {
        out.pop();
    }
    // "from Monday", "from March": a day or month is no outlet.
    let first = out.first()?.to_lowercase();
    let calendar =
        tables::month_number(&first).is_some() || tables::weekday_words().any(|d| d == first);
    if calendar || first.chars().count() < 2 {
        return None;
    }
    Some(out.join(" "))
}
