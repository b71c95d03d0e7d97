//! Synthetic news for throughput benchmarks.
//!
//! The articles need not make sense, only look like news to the pipeline:
//! a headline, a dateline, paragraphs with names, places, figures, quotes
//! and dates, page furniture around them, and events that several outlets
//! cover (with some wire copies). Paragraphs can be recombined from a pool
//! of real texts (`with_pool`), so the word statistics are those of news;
//! names and numbers are always invented.
//!
//! The output is a WARC stream of HTML responses, as a crawl (CC-NEWS)
//! delivers them, so a benchmark exercises the same path as real input.
//!
//! ```
//! let mut g = crosswire_synth::Generator::new(7);
//! let mut warc = Vec::new();
//! g.write_warc(&mut warc, 3).unwrap();
//! let text = String::from_utf8_lossy(&warc);
//! assert_eq!(text.matches("WARC/1.0\r\n").count(), 3);
//! assert!(text.contains("<article>"));
//! ```
#![deny(missing_docs)]

use chrono::Datelike;
use std::io::Write;

/// A small, fast, seedable generator (SplitMix64): a benchmark's corpus must
/// be the same on every run, and a crate for this alone is not worth it.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const SYL: &[&str] = &[
    "var", "kel", "dun", "mor", "ash", "bel", "cor", "fen", "gal", "hol", "ist", "jor", "lin",
    "mar", "nor", "ost", "pel", "quin", "ros", "sel", "tor", "ul", "ven", "wes",
];
const TOWN_END: &[&str] = &[
    "holt", "by", "ford", "mere", "wick", "stead", "haven", "dale",
];
const FIRST: &[&str] = &[
    "Anna", "Bruno", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas",
    "Kemal", "Lucia", "Marek", "Nadia", "Oskar", "Petra", "Rafael", "Sofia", "Tomas", "Ulla",
];
const ROLES: &[&str] = &[
    "the mayor",
    "the police chief",
    "a spokesperson for the ministry",
    "the fire chief",
    "a union representative",
    "the regional governor",
    "a hospital director",
];
const KINDS: &[(&str, &str, &str)] = &[
    ("fire", "A fire broke out at", "people were evacuated"),
    ("flood", "Floodwater swept through", "homes were damaged"),
    (
        "strike",
        "Workers walked out at",
        "workers joined the strike",
    ),
    ("explosion", "An explosion shook", "people were injured"),
    ("protest", "Protesters marched on", "people took part"),
    (
        "collapse",
        "A building collapsed near",
        "people were rescued",
    ),
];
const PLACES: &[&str] = &[
    "the port",
    "the steelworks",
    "the old market",
    "the station",
    "the university",
    "the harbour",
];
const OUTLETS: &[&str] = &[
    "The Daily Ledger",
    "Northern Courier",
    "Evening Standard Post",
    "Coastline News",
    "The Valley Times",
    "Metro Observer",
    "Capital Herald",
    "Riverside Gazette",
    "The Morning Bulletin",
    "Plains Tribune",
];
const WIRE: &[&str] = &["Meridian Press", "Atlas Wire"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Why writing failed.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    /// The writer failed.
    #[error("writing the corpus: {0}")]
    Io(#[from] std::io::Error),
}

/// The facts of one synthetic event, shared by every article about it.
#[derive(Debug, Clone)]
struct Event {
    town: String,
    kind: usize,
    place: &'static str,
    person: String,
    role: &'static str,
    count: u32,
    /// The day it happened.
    date: chrono::NaiveDate,
}

/// The first day of the year the events fall in.
fn first_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2031, 1, 1).unwrap_or_default()
}

/// Makes articles, grouped into events, as HTML pages.
#[derive(Debug, Clone)]
pub struct Generator {
    rng: Rng,
    pool: Vec<String>,
    events: Vec<Event>,
    serial: u64,
}

impl Generator {
    /// A generator with built-in filler; the same seed gives the same corpus.
    pub fn new(seed: u64) -> Self {
        Generator {
            rng: Rng(seed),
            pool: Vec::new(),
            events: Vec::new(),
            serial: 0,
        }
    }

    /// Adds paragraphs of real text to recombine as filler (one paragraph
    /// per item; empty ones are ignored).
    pub fn with_pool(mut self, paragraphs: impl IntoIterator<Item = String>) -> Self {
        self.pool.extend(
            paragraphs
                .into_iter()
                .filter(|p| p.split_whitespace().count() >= 8),
        );
        self
    }

    fn new_event(&mut self) -> Event {
        let r = &mut self.rng;
        // Events fall anywhere in one year. (Dates that advance with the
        // stream would be truer, but then the filler paragraphs, drawn
        // from a few hundred real pages, become what unrelated articles
        // share most, and the grouper chains them into one event.)
        let date = first_day() + chrono::Days::new(r.below(364) as u64);
        // Four syllables: a million articles hold a quarter of a million
        // events, and with two syllables (4,608 towns) distinct events
        // kept meeting in the same town, which real place names do not.
        let town = format!(
            "{}{}",
            capitalize(&format!(
                "{}{}{}{}",
                r.pick(SYL),
                r.pick(SYL),
                r.pick(SYL),
                r.pick(SYL)
            )),
            r.pick(TOWN_END)
        );
        Event {
            town,
            kind: r.below(KINDS.len()),
            place: PLACES[r.below(PLACES.len())],
            person: format!(
                "{} {}",
                r.pick(FIRST),
                capitalize(&format!("{}{}", r.pick(SYL), r.pick(SYL)))
            ),
            role: ROLES[r.below(ROLES.len())],
            count: 5 + (r.next() % 900) as u32,
            date,
        }
    }

    /// The next article, as `(url, html)`. About one article in four
    /// starts an event; the rest cover a recent one, some as wire copies.
    pub fn next_article(&mut self) -> (String, String) {
        self.serial += 1;
        let fresh = self.events.is_empty() || self.rng.below(4) == 0;
        if fresh {
            let e = self.new_event();
            self.events.push(e);
            // Older events stop getting coverage, as in a real stream.
            if self.events.len() > 5_000 {
                self.events.drain(..1_000);
            }
        }
        let recent = self.events.len().min(200);
        let idx = self.events.len() - 1 - self.rng.below(recent);
        let e = self.events[idx].clone();
        let outlet = *self.rng.pick(OUTLETS);
        let wire = (self.rng.below(5) == 0).then(|| *self.rng.pick(WIRE));
        let (kind, lead, outcome) = KINDS[e.kind];
        // Reports of one event disagree a little about the figure.
        let count = if self.rng.below(6) == 0 {
            e.count + 1 + self.rng.below(20) as u32
        } else {
            e.count
        };
        let weekday = WEEKDAYS[e.date.weekday().num_days_from_monday() as usize];
        let title = match self.rng.below(3) {
            0 => format!("{} in {}: {count} {outcome}", capitalize(kind), e.town),
            1 => format!("{} {kind} near {} leaves {count} affected", e.town, e.place),
            _ => format!("{} says {} will recover after {kind}", e.person, e.town),
        };
        let mut paras = vec![
            format!(
                "{}{lead} {} in {} on {weekday}, and more than {count} {outcome}, {} said.",
                wire.map(|w| format!("{} ({w}) – ", e.town.to_uppercase())).unwrap_or_default(),
                e.place,
                e.town,
                e.role
            ),
            format!(
                "“We will not leave anyone behind,” said {}, who has led the response since {weekday} {} {}.",
                e.person,
                e.date.day(),
                MONTHS[e.date.month0() as usize]
            ),
        ];
        for _ in 0..(3 + self.rng.below(5)) {
            let p = if self.pool.is_empty() {
                format!(
                    "Residents of {} gathered near {} as crews worked through the night. About {} volunteers helped, according to {}.",
                    e.town,
                    e.place,
                    10 + self.rng.below(90),
                    e.role
                )
            } else {
                self.pool[self.rng.below(self.pool.len())].clone()
            };
            paras.push(p);
        }
        let url = format!(
            "https://{}.example/news/{}/{}-{}",
            outlet.to_lowercase().replace(' ', "-"),
            e.date.format("%Y/%m/%d"),
            kind,
            self.serial
        );
        (url.clone(), page(&url, outlet, &title, &paras, &e, wire))
    }

    /// Writes `n` articles as a WARC/1.0 stream of HTTP responses.
    pub fn write_warc(&mut self, out: &mut dyn Write, n: u64) -> Result<(), SynthError> {
        for i in 0..n {
            let (url, html) = self.next_article();
            let http = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
                html.len()
            );
            write!(
                out,
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:synth:{i}>\r\n\
                 WARC-Target-URI: {url}\r\nWARC-Date: 2031-01-01T00:00:00Z\r\n\
                 Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
                http.len()
            )?;
            out.write_all(http.as_bytes())?;
            out.write_all(b"\r\n\r\n")?;
        }
        Ok(())
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Escapes text for HTML (generated text holds no markup, but a paragraph
/// pool may).
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn page(
    url: &str,
    outlet: &str,
    title: &str,
    paras: &[String],
    e: &Event,
    wire: Option<&str>,
) -> String {
    let date = e.date.format("%Y-%m-%d").to_string();
    let ld = serde_json::json!({
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": date,
        "publisher": {"name": outlet},
        "author": {"name": wire.unwrap_or("Staff reporter")},
    });
    let body: String = paras
        .iter()
        .map(|p| format!("<p>{}</p>\n", esc(p)))
        .collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{t} | {o}</title><meta property=\"og:site_name\" content=\"{o}\">\
         <link rel=\"canonical\" href=\"{url}\">\
         <script type=\"application/ld+json\">{ld}</script></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a> <a href=\"/opinion\">Opinion</a></nav>\
         <main><article><h1>{t}</h1><p class=\"byline\">By {a}</p><time datetime=\"{date}\">{date}</time>\n{body}</article>\
         <aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/a\">Markets close higher</a></li><li><a href=\"/b\">Weather: rain expected</a></li></ul></aside></main>\
         <footer>© {o}. All rights reserved. <a href=\"/privacy\">Privacy</a></footer></body></html>",
        t = esc(title),
        o = esc(outlet),
        a = esc(wire.unwrap_or("Staff reporter")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_corpus_and_events_recur() {
        let a: Vec<_> = {
            let mut g = Generator::new(1);
            (0..50).map(|_| g.next_article()).collect()
        };
        let b: Vec<_> = {
            let mut g = Generator::new(1);
            (0..50).map(|_| g.next_article()).collect()
        };
        assert_eq!(a, b);
        let g = {
            let mut g = Generator::new(1);
            for _ in 0..50 {
                g.next_article();
            }
            g
        };
        // Several articles per event on average.
        assert!(
            g.events.len() < 30,
            "{} events for 50 articles",
            g.events.len()
        );
    }

    #[test]
    fn pool_paragraphs_are_used_and_escaped() {
        let mut g = Generator::new(3)
            .with_pool(["One two three four five six seven <b>eight</b> nine.".to_string()]);
        let (_, html) = g.next_article();
        assert!(html.contains("&lt;b&gt;eight&lt;/b&gt;"));
    }
}
