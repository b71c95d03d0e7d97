//! Prints the metadata and blocks extracted from one HTML file (`.gz` ok).
//!
//! `cargo run -p crosswire-extract --example extract_html -- page.html.gz [URL]`
use std::io::Read;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract_html FILE");
        std::process::exit(2);
    };
    let bytes = match read_maybe_gz(std::path::Path::new(&path)) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let page = crosswire_ingest::charset::decode_html(&bytes, None);
    let url = std::env::args().nth(2);
    let a = crosswire_extract::html::extract_html(&page, &path, url.as_deref());
    println!(
        "title: {:?}\nbyline: {:?}\npublished: {:?}\noutlet: {:?}\nurl: {:?}\nlanguage: {:?}",
        a.title, a.byline, a.published, a.outlet, a.url, a.language
    );
    for b in &a.blocks {
        println!("[{:?}] {}", b.kind, &a.text[b.range()]);
    }
}

fn read_maybe_gz(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    let raw = std::fs::read(path)?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
        Ok(out)
    } else {
        Ok(raw)
    }
}
