//! The dossier of a 42-article event read from a deep directory, end to
//! end: labels instead of paths in every format, at most ten key points
//! with the conflict first, and a trajectory for the rising toll.
//!
//! The corpus is invented and written at test time: one agency story
//! copied by 24 outlets over three days while its toll rises (three,
//! seven, ten), six Spanish renderings, six independent stories that
//! disagree on the number injured (40 against 25), and six bare text files
//! with no outlet.

use std::path::{Path, PathBuf};
use std::process::Command;

const OUTLETS: [&str; 14] = [
    "Northwind Herald",
    "Calder Gazette",
    "Lowmoor Echo",
    "Saltmarsh Tribune",
    "Ferrow Daily",
    "Kestrel Post",
    "Amberly Courier",
    "Dunhollow News",
    "Westreach Journal",
    "Pike County Ledger",
    "Marrow Bay Times",
    "Hollin Sentinel",
    "Crestfield Record",
    "Eastbrook Observer",
];
const SPANISH: [&str; 6] = [
    "Diario de Brannoch",
    "La Voz del Estrecho",
    "El Faro Costero",
    "Noticias del Puerto",
    "Gaceta Marítima",
    "El Correo Insular",
];

fn slug(s: &str) -> String {
    s.to_lowercase().replace(' ', "-")
}

fn page(dir: &Path, name: &str, site: &str, date: &str, lang: &str, title: &str, paras: &[String]) {
    let body: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <meta property=\"og:site_name\" content=\"{site}\">\
         <meta property=\"article:published_time\" content=\"{date}T09:00:00Z\"></head>\
         <body><article><h1>{title}</h1>{body}</article></body></html>"
    );
    std::fs::write(dir.join(name), html).expect("write fixture");
}

/// Writes the corpus; returns the number of articles.
fn corpus(dir: &Path) -> usize {
    let days = [
        (
            "2031-05-03",
            "At least three people died",
            "three",
            "Saturday",
        ),
        (
            "2031-05-04",
            "The death toll rose to seven",
            "seven",
            "Sunday",
        ),
        ("2031-05-05", "The death toll rose to ten", "ten", "Monday"),
    ];
    let mut n = 0;
    for (k, (date, lead, word, weekday)) in days.iter().enumerate() {
        for j in 0..8 {
            let site = OUTLETS[n % OUTLETS.len()];
            n += 1;
            let last = if j % 2 == 0 {
                "The cause of the accident is not yet known. An inquiry has been opened by the maritime authority."
            } else {
                "The maritime authority has opened an inquiry into the accident, whose cause is not yet known."
            };
            let paras = [
                format!("BRANNOCH SOUND (CPA) — {lead} after the ferry Gull Wing capsized in a storm off Brannoch Sound, the coast guard said on {weekday}."),
                "The ferry carried 212 passengers and crew when it overturned about two miles from the harbour, the operator said.".into(),
                "Rescue boats searched the water through the night. Divers reached the hull at dawn, a coast guard spokesman told the Coastline Press Agency.".into(),
                last.into(),
            ];
            let title = if j % 2 == 0 {
                format!("Ferry capsizes off Brannoch Sound: {word} dead")
            } else {
                format!("Toll of {word} as ferry overturns in storm")
            };
            page(
                dir,
                &format!("{n:03}_{}-{k}.html", slug(site)),
                site,
                date,
                "en",
                &title,
                &paras,
            );
        }
    }
    for (k, (date, word)) in [("2031-05-03", "tres"), ("2031-05-04", "siete")]
        .iter()
        .enumerate()
    {
        for j in 0..3 {
            let site = SPANISH[k * 3 + j];
            n += 1;
            let lead = if k == 0 {
                format!("Al menos {word} personas murieron tras el vuelco del ferry Gull Wing durante una tormenta frente a Brannoch Sound, según la guardia costera.")
            } else {
                format!("El número de muertos aumentó a {word} tras el vuelco del ferry Gull Wing frente a Brannoch Sound, según la guardia costera.")
            };
            let paras = [
                format!("BRANNOCH SOUND (CPA) — {lead}"),
                "El ferry transportaba 212 pasajeros y tripulantes cuando volcó a unas dos millas del puerto, según el operador.".into(),
                "Las lanchas de rescate buscaron durante toda la noche. Los buzos llegaron al casco al amanecer.".into(),
            ];
            page(
                dir,
                &format!("{n:03}_{}-es{k}.html", slug(site)),
                site,
                date,
                "es",
                &format!("Vuelca un ferry frente a Brannoch Sound: {word} muertos"),
                &paras,
            );
        }
    }
    let independent = [
        ("Brannoch Weekly", "Survivors recount the ferry's last minutes", "Survivors of the Gull Wing described a sudden list before the ferry rolled over.", "Forty people were injured, six of them seriously, a spokeswoman for St Ninian's hospital said.", "Many of the passengers were day-trippers returning from the islands."),
        ("Harbourside Voice", "A town waits at the harbour", "Residents of Brannoch Sound gathered at the harbour as the first survivors came ashore.", "The hospital said 40 people were being treated for injuries, six of them in a serious condition.", "The harbour master said the crossing should not have left port."),
        ("Tidewater Mail", "Storm warning was issued days before ferry sank", "The storm that overturned the Gull Wing had been forecast two days earlier, fishermen said.", "St Ninian's hospital said it had treated 40 injured passengers.", "Fishermen joined the search before the coast guard arrived."),
        ("Glenmere Standard", "Night of waiting on Brannoch quay", "Families waited through the night on the quay for news of the missing.", "Mayor Elspeth Carrow said 25 people had been injured.", "A vigil is planned for Tuesday evening."),
        ("Orchard Valley Times", "Church hall opens to ferry survivors", "Local volunteers opened the church hall to survivors and their families.", "Twenty-five people were hurt, according to the town's mayor.", "The local school was closed on Monday."),
        ("Redcliff Bulletin", "Ferry passed safety check in March", "The Gull Wing had passed its last safety check in March, its owner said.", "The mayor put the number of injured at 25.", "The operator suspended all crossings until further notice."),
    ];
    for (site, title, a, b, c) in independent {
        n += 1;
        let paras = [a.to_string(), b.to_string(), c.to_string()];
        page(
            dir,
            &format!("{n:03}_{}.html", slug(site)),
            site,
            "2031-05-04",
            "en",
            title,
            &paras,
        );
    }
    for (j, (topic, raised)) in [
        ("harbour", 12),
        ("storm", 15),
        ("rescue", 9),
        ("inquiry", 20),
        ("vigil", 7),
        ("schools", 11),
    ]
    .iter()
    .enumerate()
    {
        n += 1;
        let text = format!(
            "Ferry disaster: local reaction {j}\n\nThe ferry Gull Wing capsized off Brannoch Sound on Saturday. \
             Councillors met on Monday to discuss the {topic}.\n\nA fund for the families had raised {raised},000 pounds by Monday, its organisers said.\n"
        );
        std::fs::write(dir.join(format!("{n:03}_notes-{j}.txt")), text).expect("write fixture");
    }
    n
}

fn deep_dir() -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("crosswire-scale-{}", std::process::id()))
        .join("home/someone/coverage/2031/texts");
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn check(dir: &Path, format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_crosswire"))
        .args(["check", &dir.to_string_lossy(), "--format", format])
        .output()
        .expect("crosswire runs");
    assert!(
        out.status.success(),
        "check --format {format} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What a reader sees of an HTML page: the text outside tags.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn a_large_event_reads_by_outlet_with_ranked_key_points() {
    let dir = deep_dir();
    assert!(corpus(&dir) >= 40);
    let root = dir.to_string_lossy().into_owned();

    // No path in any human-facing format: the outlets (or, for the text
    // files, their stems) name the articles.
    let term = check(&dir, "terminal");
    let md = check(&dir, "markdown");
    let csv = check(&dir, "csv");
    let html = check(&dir, "html");
    for (name, out) in [("terminal", &term), ("markdown", &md), ("csv", &csv)] {
        assert!(!out.contains(&root), "{name} shows the directory");
        assert!(
            !out.contains("home/someone"),
            "{name} shows part of the path"
        );
    }
    let seen = visible(&html);
    assert!(!seen.contains("home/someone") && !seen.contains("home&#x2F;someone"));
    for label in [
        "Northwind Herald (1)",
        "Northwind Herald (2)",
        "Diario de Brannoch",
        "037_notes-0",
    ] {
        assert!(term.contains(label), "terminal lacks {label}");
        assert!(seen.contains(label), "html lacks {label}");
    }
    // The JSON keeps the full source.
    assert!(check(&dir, "json").contains("home/someone/coverage"));

    // At most ten key points, the conflict on the number injured first.
    let kp = term.split("━━ ARTICLES").next().unwrap_or("");
    let lines: Vec<&str> = kp
        .lines()
        .filter(|l| {
            l.get(..2)
                .is_some_and(|n| n.trim().parse::<usize>().is_ok())
                && l.get(2..4) == Some(". ")
        })
        .collect();
    assert!(!lines.is_empty() && lines.len() <= 10, "{kp}");
    assert!(lines[0].contains("Conflict"), "{kp}");
    assert!(
        lines[0].contains("40") || lines[0].contains("Forty"),
        "{kp}"
    );
    assert!(kp.contains("Revised"), "{kp}");
    let html_points = html
        .split("<ol class=\"kp\">")
        .nth(1)
        .and_then(|s| s.split("</ol>").next())
        .unwrap_or("");
    let n = html_points.matches("<li><details>").count();
    assert!((1..=10).contains(&n), "{n} key points");

    // The rising toll is drawn: a trajectory with one point per value.
    let traj = html
        .split("<svg class=\"chart trajectory\"")
        .nth(1)
        .and_then(|s| s.split("</svg>").next())
        .expect("a trajectory chart");
    assert!(traj.matches("<circle class=\"pt").count() >= 3, "{traj}");

    let _ = std::fs::remove_dir_all(dir.ancestors().nth(5).unwrap_or(&dir));
}
