//! Lists what the ingest stage makes of its arguments, one line per item:
//! `cargo run -p crosswire-ingest --example scan -- crawl.warc.gz feeds/ https://…`

use crosswire_ingest::{open, Format, Item, Options};

fn main() {
    let inputs: Vec<String> = std::env::args().skip(1).collect();
    let (mut docs, mut links, mut errors) = (0usize, 0usize, 0usize);
    for item in open(&inputs, &Options::default()) {
        match item {
            Item::Doc(doc) => {
                docs += 1;
                let format = match doc.format {
                    Format::Html => "html",
                    Format::Text => "text",
                };
                let title = doc.hints.title.as_deref().unwrap_or("");
                println!(
                    "doc   {} {format} {} bytes {title}",
                    doc.source,
                    doc.bytes.len()
                );
            }
            Item::Link(link) => {
                links += 1;
                println!("link  {} {}", link.source, link.url);
            }
            Item::Error(e) => {
                errors += 1;
                println!("error {e}");
            }
            Item::Skipped(e) => println!("skip  {e}"),
        }
    }
    eprintln!("{docs} documents, {links} links, {errors} errors");
}
