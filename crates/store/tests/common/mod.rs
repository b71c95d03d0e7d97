//! A tiny generator of fictional news articles for the store's tests (and
//! the CLI's corpus tests, which include this file). Every town, person
//! and outlet is invented; nothing is copied from real reporting.
#![allow(dead_code)]

use std::path::Path;

const SYL_A: &[&str] = &[
    "Var", "Orv", "Dun", "Kes", "Hal", "Mir", "Tol", "Bre", "Ask", "Lund", "Fen", "Gal", "Hob",
    "Ith", "Jor", "Kal", "Lor", "Mab", "Nor", "Oss",
];
const SYL_B: &[&str] = &[
    "nholt", "ikby", "mere", "wick", "stead", "brook", "haven", "ford", "dale", "mouth", "field",
    "gate", "moor", "ness", "ridge", "vale", "wold", "by", "ton", "well",
];
const FIRST: &[&str] = &[
    "Oskar", "Mara", "Ilse", "Tomas", "Renata", "Yusuf", "Agnes", "Pavel", "Lior", "Wenna", "Bram",
    "Sabine", "Idris", "Noor", "Caspian", "Elin",
];
const LAST: &[&str] = &[
    "Brede",
    "Tull",
    "Varga",
    "Okafor",
    "Lindqvist",
    "Marsh",
    "Quell",
    "Dorran",
    "Haske",
    "Pellew",
    "Strand",
    "Iversen",
    "Calloway",
    "Amberg",
    "Rusk",
    "Teague",
];
const KINDS: &[(&str, &str, &str)] = &[
    ("fire", "A fire destroyed the old {place}", "firefighters"),
    ("flood", "Floodwater swept through the {place}", "rescuers"),
    ("collapse", "The roof of the {place} collapsed", "engineers"),
    (
        "strike",
        "Workers walked out of the {place}",
        "union delegates",
    ),
    (
        "blackout",
        "A power cut left the {place} dark",
        "technicians",
    ),
];
const PLACES: &[&str] = &[
    "grain mill",
    "ferry terminal",
    "textile works",
    "harbour market",
    "rail depot",
    "paper factory",
    "sports hall",
    "cannery",
];
pub const OUTLETS: &[&str] = &[
    "The Valley Courier",
    "Northline News",
    "Harbour Post",
    "Evening Lantern",
];

/// The fictional town of an event.
pub fn town(event: usize) -> String {
    format!(
        "{}{}",
        SYL_A[event % SYL_A.len()],
        SYL_B[(event / SYL_A.len()) % SYL_B.len()]
    )
}

/// One article of an event: a title and paragraphs. `n` distinguishes
/// the articles of one event (different wording, same facts).
pub fn article(event: usize, n: usize) -> (String, String) {
    let town = town(event);
    let (kind, lead, crew) = KINDS[event % KINDS.len()];
    let place = PLACES[(event / 3) % PLACES.len()];
    let person = format!(
        "{} {}",
        FIRST[(event * 7) % FIRST.len()],
        LAST[(event * 11 + 3) % LAST.len()]
    );
    let count = 12 + (event * 37) % 180;
    let lead = lead.replace("{place}", place);
    let title = match n % 3 {
        0 => format!("{} in {town}: {count} people evacuated", capital(kind)),
        1 => format!("{town} {kind} forces {count} from their homes"),
        _ => format!("{person} says {town} {place} will reopen"),
    };
    let paras = [
        format!("{lead} in {town} on Tuesday, and {count} people were evacuated, officials said."),
        format!("\"We will rebuild the {place},\" said {person}, who leads the {crew} in {town}."),
        format!(
            "Residents of {town} gathered near the {place} as {crew} worked through the night. \
             Report number {n} on the {kind} was filed by the desk."
        ),
    ];
    let body = match n % 2 {
        0 => paras.join("\n\n"),
        _ => [paras[1].clone(), paras[0].clone(), paras[2].clone()].join("\n\n"),
    };
    (title, body)
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Writes `events * per_event` articles as text files under `dir`, plus
/// `copies` exact copies of the first files under other names. Returns
/// the number of distinct articles.
pub fn write_text_corpus(dir: &Path, events: usize, per_event: usize, copies: usize) -> usize {
    std::fs::create_dir_all(dir).expect("corpus dir");
    let mut first = Vec::new();
    for e in 0..events {
        for n in 0..per_event {
            let (title, body) = article(e, n);
            let text = format!("{title}\n\n{body}\n");
            let path = dir.join(format!("e{e:04}-a{n:02}.txt"));
            std::fs::write(&path, &text).expect("write article");
            if first.len() < copies {
                first.push(text);
            }
        }
    }
    for (i, text) in first.iter().enumerate() {
        std::fs::write(dir.join(format!("copy-{i:04}.txt")), text).expect("write copy");
    }
    events * per_event
}

/// One JSON Lines record (news-please fields) with outlet, date and
/// language hints.
pub fn jsonl_record(event: usize, n: usize, outlet: &str, date: &str, lang: &str) -> String {
    let (title, body) = article(event, n);
    serde_json::json!({
        "title": title,
        "maintext": body,
        "date_publish": date,
        "language": lang,
        "source_domain": outlet,
        "url": format!("https://news.invalid/{event}/{n}"),
    })
    .to_string()
}
