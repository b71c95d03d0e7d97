//! The JSON printer: the dossier itself, schema `crosswire-dossier/1`
//! (documented field by field in `docs/dossier.md`).

use crate::ReportError;
use crosswire_model::dossier::Dossier;
use std::io::Write;

pub fn render(d: &Dossier, out: &mut dyn Write) -> Result<(), ReportError> {
    // Pretty-printed: dossiers are read by people diffing runs as often as by
    // programs, and the size cost is small next to the article texts.
    serde_json::to_writer_pretty(&mut *out, d)?;
    out.write_all(b"\n")?;
    Ok(())
}
