//! Renders the test fixture (a fictional prison transfer covered by four
//! outlets in English and Spanish) in every format, for looking at the
//! output: `cargo run -p crosswire-report --example render_fixture -- /tmp/out`
//! writes `/tmp/out/dossier.{txt,md,html,json,csv}` and prints the terminal
//! report in colour; a second argument sets its width (`-- /tmp/out 60`).

#[path = "../tests/fixture/mod.rs"]
mod fixture;

use crosswire_report::{render, Format, RenderOptions};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/report-fixture".into()),
    );
    std::fs::create_dir_all(&dir)?;
    let dossier = fixture::dossier();
    let plain = RenderOptions::default();
    for format in Format::ALL {
        let path = dir.join(format!("dossier.{}", format.extension()));
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        render(&dossier, format, &mut file, &plain)?;
        eprintln!("wrote {}", path.display());
    }
    let width = std::env::args()
        .nth(2)
        .and_then(|w| w.parse().ok())
        .unwrap_or(80);
    let colour = RenderOptions { color: true, width };
    render(
        &dossier,
        Format::Terminal,
        &mut std::io::stdout().lock(),
        &colour,
    )?;
    Ok(())
}
