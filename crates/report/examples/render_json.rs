//! Re-renders a dossier saved as JSON (`crosswire check -f json -o d.json`)
//! in every format, to look at real output without re-running the pipeline:
//! `cargo run -p crosswire-report --example render_json -- d.json /tmp/out`.

use crosswire_model::dossier::Dossier;
use crosswire_report::{render, Format, RenderOptions};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let input = args
        .next()
        .ok_or("usage: render_json DOSSIER.json [OUT_DIR]")?;
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "target/report-json".into()));
    let dossier: Dossier =
        serde_json::from_reader(std::io::BufReader::new(std::fs::File::open(&input)?))?;
    std::fs::create_dir_all(&dir)?;
    for format in Format::ALL {
        let path = dir.join(format!("dossier.{}", format.extension()));
        let mut file = std::io::BufWriter::new(std::fs::File::create(&path)?);
        render(&dossier, format, &mut file, &RenderOptions::default())?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}
