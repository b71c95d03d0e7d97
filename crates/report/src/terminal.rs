//! The terminal printer: sections of wrapped, aligned text, coloured when
//! asked, never wider than [`RenderOptions::width`] columns.
//!
//! Layout is done on *styled words* (a word may change style mid-way, as in
//! a word diff "safety{+,+}"), so wrapping measures only visible text and the
//! colour codes can never push a line over the width. Widths are display
//! columns (`unicode-width`), so accents and wide characters count right.

use crate::common::{
    article_name, by_time, count_verdict, diff_pieces, distinct_sentences, figures_with, fold_ws,
    labels, mention_articles, mention_sentence, normalized, origin_letter, origin_letters,
    origin_name, origins_phrase, outlet_list, outlets, plural, published_day, qualifier_label,
    refs, short_source, verdict_label, verdict_section, DiffKind, VERDICT_ORDER,
};
use crate::keypoints::{key_points, Target, Tier};
use crate::{RenderOptions, ReportError};
use anstyle::{AnsiColor, Effects, Style};
use crosswire_model::dossier::{Dossier, FigureSlot, Mention, QuoteGroup, SlotValue, Verdict};
use std::io::Write;
use unicode_width::UnicodeWidthStr;

pub fn render(d: &Dossier, out: &mut dyn Write, opts: &RenderOptions) -> Result<(), ReportError> {
    let mut p = Printer {
        width: opts.width.max(RenderOptions::MIN_WIDTH),
        color: opts.color,
        lines: Vec::new(),
        labels: labels(d),
    };
    header(d, &mut p);
    key_points_text(d, &mut p);
    articles(d, &mut p);
    origins(d, &mut p);
    for v in VERDICT_ORDER {
        verdict_section_text(d, v, &mut p);
    }
    quotes(d, &mut p);
    entities(d, &mut p);
    timeline(d, &mut p);
    for line in &p.lines {
        out.write_all(line.trim_end().as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

// Styles. Kept few and semantic so the no-colour output reads the same.
const BOLD: Style = Style::new().effects(Effects::BOLD);
const DIM: Style = Style::new().effects(Effects::DIMMED);
const PLAIN: Style = Style::new();
const HEAD: Style = Style::new()
    .effects(Effects::BOLD)
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
const RED: Style = Style::new()
    .effects(Effects::BOLD)
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const YELLOW: Style = Style::new()
    .effects(Effects::BOLD)
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const GREEN: Style = Style::new()
    .effects(Effects::BOLD)
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
const MAGENTA: Style = Style::new()
    .effects(Effects::BOLD)
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Magenta)));
const REFS: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Blue)));
const REMOVED: Style = Style::new()
    .effects(Effects::STRIKETHROUGH)
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const ADDED: Style = Style::new()
    .effects(Effects::UNDERLINE)
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));

fn verdict_style(v: Verdict) -> (Style, &'static str) {
    match v {
        Verdict::Conflict => (RED, "✗"),
        Verdict::Revised => (YELLOW, "↗"),
        Verdict::Compatible => (YELLOW, "≈"),
        Verdict::Agree => (GREEN, "✓"),
        Verdict::SingleSource => (MAGENTA, "•"),
    }
}

/// Text from the dossier is untrusted: control characters (escape
/// sequences could recolour or rewrite the terminal) and bidi overrides
/// (which reorder what is shown) become spaces or vanish.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A run of styled text; words are found across pieces when laid out.
#[derive(Default, Clone)]
struct Para(Vec<(String, Style)>);

impl Para {
    fn new() -> Para {
        Para::default()
    }
    fn s(mut self, text: impl AsRef<str>, style: Style) -> Para {
        self.0.push((clean(text.as_ref()), style));
        self
    }
    fn t(self, text: impl AsRef<str>) -> Para {
        self.s(text, PLAIN)
    }
    /// A forced line break.
    fn br(mut self) -> Para {
        self.0.push(("\n".into(), PLAIN));
        self
    }
    fn is_empty(&self) -> bool {
        self.0.iter().all(|(t, _)| t.trim().is_empty())
    }
}

/// A word made of styled segments, and whether a space precedes it.
struct Word {
    segs: Vec<(String, Style)>,
    space_before: bool,
}

impl Word {
    fn width(&self) -> usize {
        self.segs.iter().map(|(t, _)| t.width()).sum()
    }
}

fn words(p: &Para) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut cur: Option<Word> = None;
    let mut pending_space = false;
    for (text, style) in &p.0 {
        for c in text.chars() {
            if c == '\n' {
                // Only `Para::br` can put a newline here: `clean` removed
                // the ones in dossier text. An empty word marks the break.
                out.extend(cur.take());
                out.push(Word {
                    segs: Vec::new(),
                    space_before: false,
                });
                pending_space = false;
                continue;
            }
            if c.is_whitespace() {
                if let Some(w) = cur.take() {
                    out.push(w);
                }
                pending_space = true;
                continue;
            }
            let w = cur.get_or_insert_with(|| Word {
                segs: Vec::new(),
                space_before: pending_space && !out.is_empty(),
            });
            pending_space = false;
            match w.segs.last_mut() {
                Some((t, s)) if s == style => t.push(c),
                _ => w.segs.push((c.to_string(), *style)),
            }
        }
    }
    out.extend(cur);
    out
}

/// Splits a word wider than `max` into pieces that fit (by characters).
fn split_long(w: Word, max: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = Word {
        segs: Vec::new(),
        space_before: w.space_before,
    };
    let mut cur_w = 0;
    for (text, style) in w.segs {
        for c in text.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if cur_w + cw > max && cur_w > 0 {
                out.push(std::mem::replace(
                    &mut cur,
                    Word {
                        segs: Vec::new(),
                        space_before: false,
                    },
                ));
                cur_w = 0;
            }
            match cur.segs.last_mut() {
                Some((t, s)) if *s == style => t.push(c),
                _ => cur.segs.push((c.to_string(), style)),
            }
            cur_w += cw;
        }
    }
    if !cur.segs.is_empty() {
        out.push(cur);
    }
    out
}

/// A laid-out line: its segments and visible width.
#[derive(Default, Clone)]
struct Line {
    segs: Vec<(String, Style)>,
    width: usize,
}

impl Line {
    fn push(&mut self, text: &str, style: Style) {
        self.width += text.width();
        match self.segs.last_mut() {
            Some((t, s)) if *s == style => t.push_str(text),
            _ => self.segs.push((text.to_string(), style)),
        }
    }
}

/// Greedy first-fit wrapping of a paragraph into lines of at most `max`
/// columns (`max >= 1`).
fn wrap(p: &Para, max: usize) -> Vec<Line> {
    let max = max.max(1);
    let mut lines: Vec<Line> = Vec::new();
    let mut cur = Line::default();
    for word in words(p) {
        if word.segs.is_empty() {
            lines.push(std::mem::take(&mut cur));
            continue;
        }
        let pieces = if word.width() > max {
            split_long(word, max)
        } else {
            vec![word]
        };
        for w in pieces {
            let ww = w.width();
            let gap = usize::from(w.space_before && cur.width > 0);
            if cur.width > 0 && cur.width + gap + ww > max {
                lines.push(std::mem::take(&mut cur));
            } else if gap == 1 {
                // A space between two words of one style takes that style, so
                // a styled phrase is one escape sequence, not one per word.
                let style = match (cur.segs.last(), w.segs.first()) {
                    (Some((_, a)), Some((_, b))) if a == b => *a,
                    _ => PLAIN,
                };
                cur.push(" ", style);
            }
            for (t, s) in &w.segs {
                cur.push(t, *s);
            }
        }
    }
    if cur.width > 0 || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

struct Printer {
    width: usize,
    color: bool,
    lines: Vec<String>,
    /// Every article's display label, by index.
    labels: Vec<String>,
}

impl Printer {
    fn paint(&self, line: &Line) -> String {
        let mut s = String::new();
        for (t, st) in &line.segs {
            if self.color && *st != PLAIN {
                s.push_str(&format!("{}{}{}", st.render(), t, st.render_reset()));
            } else {
                s.push_str(t);
            }
        }
        s
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    /// A wrapped paragraph: the first line after `first`, the rest after
    /// `rest` (both plain indents).
    fn para(&mut self, p: &Para, first: &str, rest: &str) {
        let fw = first.width();
        let rw = rest.width();
        // Lay out at the narrower of the two indents, so no line overflows.
        let avail = self.width.saturating_sub(fw.max(rw)).max(1);
        for (i, line) in wrap(p, avail).iter().enumerate() {
            let ind = if i == 0 { first } else { rest };
            let painted = self.paint(line);
            self.lines.push(format!("{ind}{painted}"));
        }
    }

    fn heading(&mut self, title: &str, count: Option<usize>) {
        self.blank();
        let mut text = format!("━━ {}", title.to_uppercase());
        if let Some(c) = count {
            text.push_str(&format!(" ({c})"));
        }
        text.push(' ');
        let fill = self.width.saturating_sub(text.width());
        text.push_str(&"━".repeat(fill));
        let mut line = Line::default();
        line.push(&text, HEAD);
        let painted = self.paint(&line);
        self.lines.push(painted);
    }

    /// An aligned table. `cols` gives each column's header and cap; the
    /// last column takes the remaining width and wraps. Cells wrap inside
    /// their column.
    fn table(&mut self, indent: usize, cols: &[(&str, usize)], rows: &[Vec<Para>]) {
        const GAP: usize = 2;
        let n = cols.len();
        if n == 0 {
            return;
        }
        // Natural widths of the fixed columns, capped.
        let mut widths: Vec<usize> = (0..n)
            .map(|c| {
                let head = cols[c].0.width();
                let content = rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|p| {
                        words(p)
                            .iter()
                            .map(Word::width)
                            .max()
                            .unwrap_or(0)
                            .max(para_width(p))
                    })
                    .max()
                    .unwrap_or(0);
                head.max(content).min(cols[c].1).max(1)
            })
            .collect();
        // The longest word of each column: shrinking below it breaks words.
        let longest: Vec<usize> = (0..n)
            .map(|c| {
                rows.iter()
                    .filter_map(|r| r.get(c))
                    .flat_map(|p| words(p).into_iter().map(|w| w.width()))
                    .chain(std::iter::once(cols[c].0.width().min(8)))
                    .max()
                    .unwrap_or(1)
            })
            .collect();
        let min_last = 16.min(self.width / 3);
        let total = |w: &[usize]| indent + w[..n - 1].iter().sum::<usize>() + GAP * (n - 1);
        // Shrink the widest fixed column until the last one has room: first
        // only down to each column's longest word, then further if needed.
        for floor_at_words in [true, false] {
            while total(&widths) + min_last > self.width {
                let Some((i, _)) = widths[..n - 1]
                    .iter()
                    .enumerate()
                    .filter(|(i, w)| **w > if floor_at_words { longest[*i] } else { 4 })
                    .max_by_key(|(_, w)| **w)
                else {
                    break;
                };
                widths[i] -= 1;
            }
        }
        widths[n - 1] = self.width.saturating_sub(total(&widths)).max(1);
        let head: Vec<Para> = cols.iter().map(|(h, _)| Para::new().s(*h, DIM)).collect();
        for row in std::iter::once(&head).chain(rows.iter()) {
            let cells: Vec<Vec<Line>> = (0..n)
                .map(|c| row.get(c).map(|p| wrap(p, widths[c])).unwrap_or_default())
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            for k in 0..height {
                let mut s = " ".repeat(indent);
                for c in 0..n {
                    let (painted, w) = match cells[c].get(k) {
                        Some(line) => (self.paint(line), line.width),
                        None => (String::new(), 0),
                    };
                    s.push_str(&painted);
                    if c + 1 < n {
                        s.push_str(&" ".repeat(widths[c].saturating_sub(w) + GAP));
                    }
                }
                self.lines.push(s);
            }
        }
    }
}

/// Unwrapped width of a paragraph (one line).
fn para_width(p: &Para) -> usize {
    let ws = words(p);
    ws.iter().map(Word::width).sum::<usize>() + ws.iter().filter(|w| w.space_before).count()
}

fn header(d: &Dossier, p: &mut Printer) {
    p.para(&Para::new().s("CROSSWIRE DOSSIER", HEAD), "", "");
    let n = d.articles.len();
    let o = d.origins.len();
    let outs = outlets(d);
    p.para(
        &Para::new()
            .s(
                format!(
                    "{n} article{} from {o} independent origin{}",
                    plural(n),
                    plural(o)
                ),
                BOLD,
            )
            .t(format!(
                " · {} outlet{}: {}",
                outs.len(),
                plural(outs.len()),
                outlet_list(&outs)
            )),
        "",
        "  ",
    );
    let mut v = Para::new();
    for (i, verdict) in VERDICT_ORDER.iter().enumerate() {
        let (st, sym) = verdict_style(*verdict);
        let c = count_verdict(d, *verdict);
        let name = match verdict {
            Verdict::Conflict => format!("conflict{}", plural(c)),
            Verdict::Revised => "revised".into(),
            Verdict::Compatible => "compatible".into(),
            Verdict::Agree => "agree".into(),
            Verdict::SingleSource => "single-source".into(),
        };
        if i > 0 {
            v = v.t("  ");
        }
        v = v.s(format!("{sym} {c} {name}"), st);
    }
    let q = d.quotes.len();
    let t = d.timeline.len();
    v = v.t(format!(
        "  · {q} quote{} · {t} date{}",
        plural(q),
        plural(t)
    ));
    p.para(&v, "", "  ");
}

/// Block characters of a sparkline, lowest first.
const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A revised figure in one line: its values in time order as block
/// characters, scaled from the smallest to the largest.
fn sparkline(f: &FigureSlot) -> String {
    let vals: Vec<f64> = by_time(f)
        .iter()
        .map(|v| v.value)
        .filter(|v| v.is_finite())
        .collect();
    let lo = vals.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = vals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    vals.iter()
        .map(|&v| {
            let t = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
            let k = (t * (SPARKS.len() - 1) as f64).round() as usize;
            SPARKS[k.min(SPARKS.len() - 1)]
        })
        .collect()
}

/// The sparkline with the first and last value and their times.
fn sparkline_para(f: &FigureSlot) -> Para {
    let vals = by_time(f);
    let end = |v: Option<&&SlotValue>| {
        v.map(|v| {
            format!(
                "{}{}",
                normalized(v),
                v.as_of
                    .as_deref()
                    .map(|t| format!(" ({t})"))
                    .unwrap_or_default()
            )
        })
        .unwrap_or_default()
    };
    Para::new().s(sparkline(f), MAGENTA).t(format!(
        "  {} → {}",
        end(vals.first()),
        end(vals.last())
    ))
}

/// The ranked key points ([`key_points`]), one short numbered line each;
/// the details follow in the sections below.
fn key_points_text(d: &Dossier, p: &mut Printer) {
    let kp = key_points(d, &p.labels);
    p.heading("Key points", Some(kp.points.len()));
    if kp.points.is_empty() {
        p.para(
            &Para::new().s("No cross-checked figures in these articles.", DIM),
            "",
            "",
        );
        return;
    }
    for (k, pt) in kp.points.iter().enumerate() {
        let st = match pt.tier {
            Tier::Conflict => RED,
            Tier::Revised => MAGENTA,
            Tier::Agree => GREEN,
            Tier::SingleSource => YELLOW,
        };
        let mut line = Para::new()
            .s(pt.tier.label(), st)
            .t(" · ")
            .s(&pt.title, BOLD)
            .t(": ");
        if let (Tier::Revised, Target::Figure(i)) = (pt.tier, pt.target) {
            if let Some(f) = d.figures.get(i) {
                line = line.s(format!("{} ", sparkline(f)), MAGENTA);
            }
        }
        line = line.t(&pt.summary);
        p.para(&line, &format!("{:>2}. ", k + 1), "    ");
    }
    if !kp.left_out.is_empty() {
        let more: Vec<String> = kp
            .left_out
            .iter()
            .map(|(t, n)| format!("{n} {}", t.label().to_lowercase()))
            .collect();
        p.para(
            &Para::new().s(
                format!("Not in the key points, see below: {}.", more.join(", ")),
                DIM,
            ),
            "",
            "",
        );
    }
}

fn articles(d: &Dossier, p: &mut Printer) {
    p.heading("Articles", Some(d.articles.len()));
    // Below this width a four-column table leaves the title a dozen columns
    // and breaks every source path; a stacked list reads better.
    if p.width < 64 {
        for (i, a) in d.articles.iter().enumerate() {
            let mut head = Para::new()
                .s(format!("[{}] ", i + 1), BOLD)
                .t(article_name(&p.labels, i));
            if let Some(day) = published_day(a) {
                head = head.s(format!(" · {day}"), DIM);
            }
            if let Some(l) = &a.language {
                head = head.s(format!(" · {l}"), DIM);
            }
            head = head.t(" · origin ").s(origin_letter(a.origin), BOLD);
            p.para(&head, "", "    ");
            p.para(
                &Para::new()
                    .t(a.title.as_deref().unwrap_or("(no title)"))
                    .br()
                    .s(short_source(&a.source), DIM),
                "    ",
                "    ",
            );
        }
        return;
    }
    let rows: Vec<Vec<Para>> = d
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut when = published_day(a).unwrap_or_else(|| "no date".into());
            if let Some(l) = &a.language {
                when.push_str(&format!(" · {l}"));
            }
            vec![
                Para::new().s(format!("[{}]", i + 1), BOLD),
                Para::new().t(article_name(&p.labels, i)).br().s(when, DIM),
                Para::new().s(origin_letter(a.origin), BOLD),
                Para::new()
                    .t(a.title.as_deref().unwrap_or("(no title)"))
                    .br()
                    .s(short_source(&a.source), DIM),
            ]
        })
        .collect();
    p.table(
        0,
        &[
            ("#", 5),
            ("Outlet / date", 20),
            ("Origin", 6),
            ("Title / source", 0),
        ],
        &rows,
    );
}

fn origins(d: &Dossier, p: &mut Printer) {
    p.heading("Origins", Some(d.origins.len()));
    p.para(
        &Para::new().s(
            "Articles that copy or rewrite one story form one origin and count once.",
            DIM,
        ),
        "",
        "",
    );
    for (i, o) in d.origins.iter().enumerate() {
        let mut arts = o.articles.clone();
        arts.sort_unstable();
        arts.dedup();
        let mut line = Para::new()
            .s(format!("{:<2}", origin_letter(i)), BOLD)
            .t(" ")
            .s(origin_name(d, &p.labels, i), BOLD);
        if let Some(ag) = &o.agency {
            line = line.t(format!(" · agency: {ag}"));
        }
        if arts.len() > 1 {
            line = line.t(format!(" · {} copies, counted once", arts.len()));
        }
        line = line.t(" ").s(refs(&arts), REFS);
        p.para(&line, "", "   ");
        for e in &o.evidence {
            p.para(&Para::new().s(e, DIM), "   · ", "     ");
        }
    }
}

fn verdict_section_text(d: &Dossier, v: Verdict, p: &mut Printer) {
    let figs: Vec<&FigureSlot> = figures_with(d, v).collect();
    p.heading(verdict_section(v), Some(figs.len()));
    if figs.is_empty() {
        p.para(&Para::new().s("None.", DIM), "", "");
    }
    for f in figs {
        slot(d, f, p);
    }
}

fn slot(d: &Dossier, f: &FigureSlot, p: &mut Printer) {
    let (st, sym) = verdict_style(f.verdict);
    let detailed = matches!(f.verdict, Verdict::Conflict | Verdict::Compatible);
    if detailed {
        p.blank();
    }
    let mut all: Vec<usize> = f
        .values
        .iter()
        .flat_map(|v| mention_articles(&v.mentions))
        .collect();
    all.sort_unstable();
    all.dedup();
    let support = match f.verdict {
        Verdict::SingleSource => "only 1 independent origin".to_string(),
        _ => origins_phrase(f.origin_count, all.len()),
    };
    // A short verdict with one value reads best as one line.
    if let ([v], false) = (f.values.as_slice(), detailed) {
        let mut line = Para::new()
            .s(format!("{sym} "), st)
            .s(&f.label, BOLD)
            .t(": ")
            .s(normalized(v), st)
            .t(format!(" \"{}\"", v.text))
            .s(format!(" ({})", qualifier_label(v.qualifier)), DIM);
        if let Some(w) = &v.attributed_to {
            line = line.t(format!(" · according to {w}"));
        }
        line = line
            .t(format!(" — {support}: {}", origin_letters(&v.origins)))
            .t(" ")
            .s(refs(&mention_articles(&v.mentions)), REFS);
        p.para(&line, "", "  ");
        return;
    }
    let mut head = Para::new()
        .s(format!("{sym} "), st)
        .s(&f.label, BOLD)
        .t(format!(" — {support}"));
    if !detailed {
        head = head.t(" ").s(refs(&all), REFS);
    }
    p.para(&head, "", "  ");
    if f.verdict == Verdict::Revised {
        p.para(&sparkline_para(f), "  ", "  ");
    }
    if let Some(n) = &f.note {
        let label = if f.verdict == Verdict::Compatible {
            "Why compatible: "
        } else {
            "Why: "
        };
        p.para(&Para::new().s(label, st).t(n), "  ", "  ");
    }
    for v in &f.values {
        value_line(d, f.verdict, v, p);
    }
}

fn value_line(d: &Dossier, verdict: Verdict, v: &SlotValue, p: &mut Printer) {
    let (st, _) = verdict_style(verdict);
    let arts = mention_articles(&v.mentions);
    let mut line = Para::new()
        .s(normalized(v), st)
        .t(format!("  \"{}\"", v.text))
        .s(format!(" ({})", qualifier_label(v.qualifier)), DIM);
    if let Some(w) = &v.attributed_to {
        line = line.t(format!(" · according to {w}"));
    }
    if let Some(d) = &v.as_of {
        line = line.t(format!(" · as of {d}"));
    }
    line = line.t(" ").s(refs(&arts), REFS);
    p.para(&line, "  ● ", "    ");
    let names = {
        let mut o = v.origins.clone();
        o.sort_unstable();
        o.dedup();
        o.iter()
            .map(|&i| match d.origins.get(i) {
                Some(_) => format!("{} {}", origin_letter(i), origin_name(d, &p.labels, i)),
                None => origin_letter(i),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    p.para(
        &Para::new().s(
            format!(
                "{}: {names}",
                origins_phrase(dedup_len(&v.origins), arts.len())
            ),
            DIM,
        ),
        "    ",
        "      ",
    );
    if matches!(verdict, Verdict::Conflict | Verdict::Compatible) {
        sentences(d, &v.mentions, p);
    }
}

/// The cited sentences, one per distinct wording: wire copies repeat the
/// same sentence, which then shows once with all its article refs.
fn sentences(d: &Dossier, mentions: &[Mention], p: &mut Printer) {
    for (s, arts) in distinct_sentences(d, mentions, mention_sentence) {
        p.para(
            &Para::new()
                .s(format!("“{}”", fold_ws(&s)), DIM)
                .t(" ")
                .s(refs(&arts), REFS),
            "      ",
            "       ",
        );
    }
}

fn dedup_len(v: &[usize]) -> usize {
    let mut v = v.to_vec();
    v.sort_unstable();
    v.dedup();
    v.len()
}

fn quotes(d: &Dossier, p: &mut Printer) {
    p.heading("Quotes", Some(d.quotes.len()));
    if d.quotes.is_empty() {
        p.para(&Para::new().s("None.", DIM), "", "");
        return;
    }
    p.para(
        &Para::new()
            .s("Wording changes against the first wording: ", DIM)
            .s("[-removed-]", REMOVED)
            .s(" ", DIM)
            .s("{+added+}", ADDED),
        "",
        "",
    );
    for q in &d.quotes {
        quote(q, p);
    }
}

fn quote(q: &QuoteGroup, p: &mut Printer) {
    p.blank();
    let (st, sym) = verdict_style(q.verdict);
    let mut head = Para::new()
        .s(format!("{sym} "), st)
        .s(q.speaker.as_deref().unwrap_or("Unattributed"), BOLD)
        .t(format!(
            " — {} independent origin{}, {} wording{}",
            q.origin_count,
            plural(q.origin_count),
            q.variants.len(),
            plural(q.variants.len())
        ));
    if q.wording_differs {
        head = head.t(" · ").s("wording differs", YELLOW);
    }
    if q.origin_count <= 1 {
        head = head.t(" · ").s("! single origin", MAGENTA);
    }
    p.para(&head, "", "  ");
    // A single-source quote is already flagged in its head line.
    if q.note.is_some() || q.verdict != Verdict::SingleSource {
        p.para(
            &Para::new()
                .s(format!("{}: ", verdict_label(q.verdict)), st)
                .t(q.note.as_deref().unwrap_or(match q.verdict {
                    Verdict::Agree => "same words in every source.",
                    Verdict::Compatible => "the wordings differ but say the same thing.",
                    Verdict::Conflict => "the wordings say different things.",
                    Verdict::Revised => "the wording changed between versions.",
                    Verdict::SingleSource => "only one independent origin carries it.",
                })),
            "  ",
            "  ",
        );
    }
    for (k, v) in q.variants.iter().enumerate() {
        let mut line = Para::new().t("“");
        if k == 0 || v.diff.is_empty() {
            line = line.t(&v.text);
        } else {
            for (kind, w, space) in diff_pieces(&v.diff) {
                if space {
                    line = line.t(" ");
                }
                line = match kind {
                    DiffKind::Same => line.t(w),
                    DiffKind::Removed => line.s(format!("[-{w}-]"), REMOVED),
                    DiffKind::Added => line.s(format!("{{+{w}+}}"), ADDED),
                };
            }
        }
        let arts = mention_articles(&v.mentions);
        line = line
            .t("”")
            .s(
                format!(" {}", origins_phrase(dedup_len(&v.origins), arts.len())),
                DIM,
            )
            .t(format!(" {}", origin_letters(&v.origins)))
            .t(" ")
            .s(refs(&arts), REFS);
        p.para(&line, &format!("  {}. ", k + 1), "     ");
    }
}

fn entities(d: &Dossier, p: &mut Printer) {
    p.heading("Entities", Some(d.entities.len()));
    if d.entities.is_empty() {
        p.para(&Para::new().s("None.", DIM), "", "");
        return;
    }
    if p.width < 64 {
        for e in &d.entities {
            let mut arts = e.articles.clone();
            arts.sort_unstable();
            arts.dedup();
            p.para(
                &Para::new()
                    .s(&e.name, BOLD)
                    .s(format!(" {}", e.kind), DIM)
                    .t(format!(
                        " · {} origin{} ",
                        e.origin_count,
                        plural(e.origin_count)
                    ))
                    .s(refs(&arts), REFS),
                "",
                "    ",
            );
            let aliases: Vec<&str> = e
                .aliases
                .iter()
                .map(String::as_str)
                .filter(|a| *a != e.name)
                .collect();
            if !aliases.is_empty() {
                p.para(
                    &Para::new().t(format!("also: {}", aliases.join(", "))),
                    "    ",
                    "    ",
                );
            }
            if !e.roles.is_empty() {
                p.para(
                    &Para::new().s(format!("roles: {}", e.roles.join(", ")), DIM),
                    "    ",
                    "    ",
                );
            }
        }
        return;
    }
    let rows: Vec<Vec<Para>> = d
        .entities
        .iter()
        .map(|e| {
            let aliases: Vec<&str> = e
                .aliases
                .iter()
                .map(String::as_str)
                .filter(|a| *a != e.name)
                .collect();
            let mut also = Para::new().t(aliases.join(", "));
            if !e.roles.is_empty() {
                if !aliases.is_empty() {
                    also = also.t("; ");
                }
                also = also.s(e.roles.join(", "), DIM);
            }
            let mut arts = e.articles.clone();
            arts.sort_unstable();
            arts.dedup();
            vec![
                Para::new().s(&e.name, BOLD),
                Para::new().t(&e.kind),
                Para::new().t(e.origin_count.to_string()),
                Para::new().s(refs(&arts), REFS),
                if also.is_empty() {
                    Para::new().s("-", DIM)
                } else {
                    also
                },
            ]
        })
        .collect();
    p.table(
        0,
        &[
            ("Name", 22),
            ("Kind", 8),
            ("Orig.", 5),
            ("Articles", 10),
            ("Also called; roles", 0),
        ],
        &rows,
    );
}

fn timeline(d: &Dossier, p: &mut Printer) {
    p.heading("Timeline", Some(d.timeline.len()));
    if d.timeline.is_empty() {
        p.para(&Para::new().s("None.", DIM), "", "");
        return;
    }
    let rows: Vec<Vec<Para>> = d
        .timeline
        .iter()
        .map(|t| {
            let arts = mention_articles(&t.mentions);
            let mut what = Para::new()
                .t(&t.what)
                .s(
                    format!(
                        " · {} independent origin{}",
                        t.origin_count,
                        plural(t.origin_count)
                    ),
                    DIM,
                )
                .t(" ")
                .s(refs(&arts), REFS);
            if !t.disputed.is_empty() {
                what = what.br().s(
                    format!("! disputed: sources also give {}", t.disputed.join(", ")),
                    RED,
                );
            }
            let date_style = if t.disputed.is_empty() { BOLD } else { RED };
            vec![Para::new().s(&t.date, date_style), what]
        })
        .collect();
    p.table(0, &[("Date", 10), ("What", 0)], &rows);
}
