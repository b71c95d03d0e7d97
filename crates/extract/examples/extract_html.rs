//! Prints the blocks and metadata extracted from one HTML file (gzip ok).
use std::io::Read;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract_html FILE");
        return;
    };
    let mut bytes = std::fs::read(&path).unwrap_or_default();
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        if flate2_decode(&bytes, &mut out) {
            bytes = out;
        }
    }
    let page = crosswire_ingest::charset::decode_html(&bytes, None);
    let a = crosswire_extract::html::extract_html(&page, &path, None);
    println!(
        "title: {:?}\nbyline: {:?}\npublished: {:?}\noutlet: {:?}\nurl: {:?}",
        a.title, a.byline, a.published, a.outlet, a.url
    );
    for b in &a.blocks {
        println!("[{:?}] {}", b.kind, &a.text[b.range()]);
    }
}

fn flate2_decode(bytes: &[u8], out: &mut Vec<u8>) -> bool {
    let mut child = match std::process::Command::new("gzip")
        .arg("-dc")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(_) => return false,
    };
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        let data = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = stdin.write_all(&data);
        });
    }
    if let Some(mut so) = child.stdout.take() {
        let _ = so.read_to_end(out);
    }
    child.wait().map(|s| s.success()).unwrap_or(false)
}
