//! Inline SVG pictures for the HTML dossier: a revised figure's trajectory,
//! a conflict's values as intervals, and the origin graph.
//!
//! Written by hand rather than with a charting crate: each picture is a few
//! dozen shapes whose coordinates are one linear scale, and hand-written
//! markup lets every piece of dossier text go through the report's own
//! escaping ([`esc`]) and every point link to its sentence, which a
//! plotting backend's text and element model would not. The output is
//! deterministic (fixed sizes, numbers rounded to one decimal), needs no
//! script, and requests nothing.

use crate::common::{by_time, fmt_num, num, qualifier_label};
use crate::html::esc;
use crate::keypoints::cut;
use crosswire_model::dossier::{Dossier, FigureSlot, Mention, SlotValue};
use crosswire_model::Qualifier;

/// Width of every chart, in SVG user units (the page scales it down).
const W: f64 = 560.0;

/// Where a point links: the href of a mention's highlighted sentence.
pub type LinkOf<'a> = &'a dyn Fn(&Mention) -> String;

/// One decimal is plenty on screen and keeps the output byte-stable.
fn px(v: f64) -> String {
    if v.is_finite() {
        format!("{:.1}", v)
    } else {
        "0".into()
    }
}

/// A linear map from a data domain onto a pixel range; a degenerate domain
/// maps to the range's middle.
#[derive(Clone, Copy)]
struct Scale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Scale {
    fn at(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        if !span.is_finite() || span.abs() < f64::EPSILON || !v.is_finite() {
            return (self.r0 + self.r1) / 2.0;
        }
        let t = ((v - self.d0) / span).clamp(0.0, 1.0);
        self.r0 + t * (self.r1 - self.r0)
    }
}

/// The smallest "round" number (1, 2, 2.5 or 5 times a power of ten) at
/// or above `v`, so axis ticks read 0, 10, 20 rather than 0, 9.775, 19.55.
fn nice_ceil(v: f64) -> f64 {
    if !v.is_finite() || v <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * p >= v {
            return m * p;
        }
    }
    10.0 * p
}

/// Days since 1970-01-01 of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a coarser
/// date counts from its first day); `None` when it does not parse.
fn day_number(s: &str) -> Option<i64> {
    let mut it = s.get(..s.len().min(10))?.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next().map(|m| m.parse().ok()).unwrap_or(Some(1))?;
    let d: i64 = it.next().map(|d| d.parse().ok()).unwrap_or(Some(1))?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (H. Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The top of a value's interval for scaling: its high end, else (a ray)
/// its low end or nominal value.
fn top_of(v: &SlotValue) -> f64 {
    let t = v.high.unwrap_or(v.low).max(v.value).max(v.low);
    if t.is_finite() {
        t
    } else {
        0.0
    }
}

/// A scale from zero (or the lowest value, if negative) to a round number
/// a tenth above the highest interval end, onto `r0..r1`.
fn value_scale<'a>(values: impl Iterator<Item = &'a SlotValue> + Clone, r0: f64, r1: f64) -> Scale {
    let max = values.clone().map(top_of).fold(0.0_f64, f64::max) * 1.1;
    let min = values
        .map(|v| v.low.min(v.value))
        .filter(|x| x.is_finite())
        .fold(0.0_f64, f64::min);
    Scale {
        d0: min,
        d1: min + 2.0 * nice_ceil((max - min) / 2.0),
        r0,
        r1,
    }
}

/// The value's hover text: wording, hedge, time, and who reports it.
fn tip(labels: &[String], v: &SlotValue) -> String {
    let mut arts: Vec<usize> = v.mentions.iter().map(|m| m.article).collect();
    arts.sort_unstable();
    arts.dedup();
    let names: Vec<String> = arts
        .iter()
        .take(6)
        .map(|&a| {
            format!(
                "[{}] {}",
                num(a),
                labels.get(a).map(String::as_str).unwrap_or("?")
            )
        })
        .collect();
    let more = arts.len().saturating_sub(6);
    format!(
        "“{}” ({}){}: {}{}",
        crate::common::fold_ws(&v.text),
        qualifier_label(v.qualifier),
        v.as_of
            .as_deref()
            .map(|t| format!(", as of {t}"))
            .unwrap_or_default(),
        names.join(", "),
        if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        },
    )
}

fn link(v: &SlotValue, link_of: LinkOf<'_>) -> String {
    v.mentions.first().map(link_of).unwrap_or_default()
}

/// A revised figure: each value against the time it refers to, joined in
/// time order; hedged values get their interval as a vertical bar (a ray
/// for "at least"). Every point links to its sentence. Values with no
/// usable date are spaced evenly instead, so each value is one point.
pub fn trajectory(labels: &[String], f: &FigureSlot, link_of: LinkOf<'_>) -> String {
    let vals = by_time(f);
    if vals.is_empty() {
        return String::new();
    }
    let h = 190.0;
    let (left, right, top, bottom) = (64.0, W - 24.0, 14.0, h - 40.0);
    let days: Vec<Option<i64>> = vals
        .iter()
        .map(|v| v.as_of.as_deref().and_then(day_number))
        .collect();
    let dated = days.iter().all(Option::is_some);
    let xs: Vec<f64> = if dated {
        let ds: Vec<i64> = days.iter().flatten().copied().collect();
        let lo = ds.iter().min().copied().unwrap_or(0) as f64;
        let hi = ds.iter().max().copied().unwrap_or(0) as f64;
        let sx = Scale {
            d0: lo,
            d1: hi,
            r0: left + 40.0,
            r1: right - 56.0,
        };
        ds.iter().map(|&x| sx.at(x as f64)).collect()
    } else {
        let sx = Scale {
            d0: 0.0,
            d1: (vals.len().saturating_sub(1)) as f64,
            r0: left + 40.0,
            r1: right - 56.0,
        };
        (0..vals.len()).map(|i| sx.at(i as f64)).collect()
    };
    // Values that refer to one day would sit on one spot: spread each run
    // of them a little, in order, so every point stays visible.
    let mut xs = xs;
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < xs.len() {
        let mut j = i;
        while j + 1 < xs.len() && (xs[j + 1] - xs[i]).abs() < 0.5 {
            j += 1;
        }
        let n = (j - i + 1) as f64;
        for (k, x) in xs[i..=j].iter_mut().enumerate() {
            *x += (k as f64 - (n - 1.0) / 2.0) * 22.0;
        }
        runs.push((i, j));
        i = j + 1;
    }
    let sy = value_scale(vals.iter().copied(), bottom, top);
    let mut s = format!(
        "<svg class=\"chart trajectory\" viewBox=\"0 0 {} {}\" role=\"group\" aria-label=\"{}\">\n",
        px(W),
        px(h),
        esc(&format!(
            "{}: {} values over time",
            crate::common::fold_ws(&f.label),
            vals.len()
        ))
    );
    axes(&mut s, &sy, left, right, top, bottom);
    let pts: Vec<String> = xs
        .iter()
        .zip(&vals)
        .map(|(x, v)| format!("{},{}", px(*x), px(sy.at(v.value))))
        .collect();
    s.push_str(&format!(
        "<polyline class=\"line\" points=\"{}\"/>\n",
        pts.join(" ")
    ));
    let mut last_label_x = f64::NEG_INFINITY;
    for (k, (x, v)) in xs.iter().zip(&vals).enumerate() {
        s.push_str(&format!("<a href=\"{}\">", esc(&link(v, link_of))));
        s.push_str(&format!("<title>{}</title>", esc(&tip(labels, v))));
        interval_v(&mut s, *x, v, &sy, top);
        s.push_str(&format!(
            "<circle class=\"pt{}\" cx=\"{}\" cy=\"{}\" r=\"5\"/>",
            if v.qualifier == Qualifier::Exact {
                ""
            } else {
                " hedged"
            },
            px(*x),
            px(sy.at(v.value))
        ));
        s.push_str("</a>\n");
        // Time labels under the axis, skipped where they would overlap.
        let when = match v.as_of.as_deref() {
            Some(t) if dated => cut(t, 10),
            _ => format!("#{}", k + 1),
        };
        if *x - last_label_x >= 74.0 {
            s.push_str(&format!(
                "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                px(*x),
                px(bottom + 16.0),
                esc(&when)
            ));
            last_label_x = *x;
        }
    }
    // One label per run of same-time values ("more than 10, 14"), above
    // its highest point: separate labels would print over each other.
    for &(i, j) in &runs {
        let text = vals[i..=j]
            .iter()
            .map(|v| value_short(v))
            .collect::<Vec<_>>()
            .join(", ");
        let y = vals[i..=j]
            .iter()
            .map(|v| sy.at(v.value))
            .fold(f64::INFINITY, f64::min);
        let anchor = if xs[i] > right - 120.0 {
            "end"
        } else {
            "start"
        };
        s.push_str(&format!(
            "<text class=\"vl\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>\n",
            px(if anchor == "end" {
                xs[j] + 6.0
            } else {
                xs[i] - 6.0
            }),
            px((y - 10.0).max(top + 10.0)),
            esc(&cut(&text, 40))
        ));
    }
    s.push_str(&format!(
        "<text class=\"axis-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
        px((left + right) / 2.0),
        px(h - 6.0),
        if dated {
            "the time each value refers to"
        } else {
            "values in reported order (no date for some)"
        }
    ));
    s.push_str("</svg>\n");
    s
}

/// "at least 5", "7": a value as a chart label.
fn value_short(v: &SlotValue) -> String {
    match v.qualifier {
        Qualifier::Exact => fmt_num(v.value),
        Qualifier::Range => match v.high {
            Some(h) => format!("{}–{}", fmt_num(v.low), fmt_num(h)),
            None => fmt_num(v.value),
        },
        q => format!("{} {}", qualifier_label(q), fmt_num(v.value)),
    }
}

/// A value's interval drawn vertically at `x`: nothing for an exact value,
/// a bar for a bounded one, a bar with an arrow to the top for a ray.
fn interval_v(s: &mut String, x: f64, v: &SlotValue, sy: &Scale, top: f64) {
    match v.high {
        Some(hi) if hi > v.low => {
            s.push_str(&format!(
                "<line class=\"iv\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>",
                px(sy.at(v.low)),
                px(sy.at(hi)),
                x = px(x)
            ));
        }
        None => {
            s.push_str(&format!(
                "<line class=\"iv ray\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/><path class=\"arrow\" d=\"M{} {}l5 8h-10z\"/>",
                px(sy.at(v.low)),
                px(top + 6.0),
                px(x),
                px(top - 2.0),
                x = px(x)
            ));
        }
        _ => {}
    }
}

/// Three ticks on the value axis and the axis lines.
fn axes(s: &mut String, sy: &Scale, left: f64, right: f64, top: f64, bottom: f64) {
    s.push_str(&format!(
        "<line class=\"ax\" x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\"/><line class=\"ax\" x1=\"{l}\" y1=\"{t}\" x2=\"{l}\" y2=\"{b}\"/>\n",
        l = px(left),
        r = px(right),
        t = px(top),
        b = px(bottom)
    ));
    for k in 0..3 {
        let v = sy.d0 + (sy.d1 - sy.d0) * k as f64 / 2.0;
        let y = sy.at(v);
        s.push_str(&format!(
            "<line class=\"grid\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/><text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
            px(left),
            px(right),
            px(left - 6.0),
            px(y + 4.0),
            esc(&fmt_num(v)),
            y = px(y)
        ));
    }
}

/// Most values a conflict chart draws; the rest are in the card below it.
const MAX_ROWS: usize = 12;

/// A conflict's values on one number line, one row each: a dot for an
/// exact value, a band for "about 300" or a range, a ray for "more than
/// 200", so what can and cannot both be true shows at a glance.
pub fn intervals(labels: &[String], f: &FigureSlot, link_of: LinkOf<'_>) -> String {
    if f.values.is_empty() {
        return String::new();
    }
    let rows: Vec<&SlotValue> = f.values.iter().take(MAX_ROWS).collect();
    let row_h = 24.0;
    let (left, right, top) = (190.0, W - 80.0, 10.0);
    let bottom = top + row_h * rows.len() as f64;
    let h = bottom + 28.0;
    let sx = value_scale(rows.iter().copied(), left, right);
    let mut s = format!(
        "<svg class=\"chart intervals\" viewBox=\"0 0 {} {}\" role=\"group\" aria-label=\"{}\">\n",
        px(W),
        px(h),
        esc(&format!(
            "{}: {} values that cannot all be true",
            crate::common::fold_ws(&f.label),
            f.values.len()
        ))
    );
    s.push_str(&format!(
        "<line class=\"ax\" x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\"/>\n",
        l = px(left),
        r = px(right),
        b = px(bottom)
    ));
    for k in 0..3 {
        let v = sx.d0 + (sx.d1 - sx.d0) * k as f64 / 2.0;
        let x = sx.at(v);
        s.push_str(&format!(
            "<line class=\"grid\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/><text class=\"tick\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
            px(top),
            px(bottom),
            px(bottom + 16.0),
            esc(&fmt_num(v)),
            x = px(x)
        ));
    }
    for (k, v) in rows.iter().enumerate() {
        let y = top + row_h * (k as f64 + 0.5);
        s.push_str(&format!("<a href=\"{}\">", esc(&link(v, link_of))));
        s.push_str(&format!("<title>{}</title>", esc(&tip(labels, v))));
        s.push_str(&format!(
            "<text class=\"rl\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            px(left - 10.0),
            px(y + 4.0),
            esc(&cut(&crate::common::fold_ws(&v.text), 26))
        ));
        let (x0, x1) = (sx.at(v.low), sx.at(v.high.unwrap_or(v.low)));
        match v.high {
            None => s.push_str(&format!(
                "<line class=\"iv ray\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/><path class=\"arrow\" d=\"M{} {}l8 5l-8 5z\"/>",
                px(x0),
                px(right + 4.0),
                px(right + 4.0),
                px(y - 5.0),
                y = px(y)
            )),
            Some(hi) if hi > v.low => s.push_str(&format!(
                "<rect class=\"band\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"10\" rx=\"3\"/>",
                px(x0),
                px(y - 5.0),
                px((x1 - x0).max(2.0))
            )),
            _ => {}
        }
        // An open dot marks a bound the value itself is not ("more than 200").
        let open = matches!(v.qualifier, Qualifier::MoreThan | Qualifier::LessThan);
        s.push_str(&format!(
            "<circle class=\"pt{}\" cx=\"{}\" cy=\"{}\" r=\"5\"/>",
            if open { " open" } else { "" },
            px(sx.at(v.value)),
            px(y)
        ));
        let n = {
            let mut o = v.origins.clone();
            o.sort_unstable();
            o.dedup();
            o.len()
        };
        s.push_str(&format!(
            "<text class=\"rn\" x=\"{}\" y=\"{}\">{} origin{}</text>",
            px(right + 16.0),
            px(y + 4.0),
            n,
            crate::common::plural(n)
        ));
        s.push_str("</a>\n");
    }
    s.push_str("</svg>\n");
    s
}

/// Most articles the origin graph draws for one origin.
const MAX_GRAPH_MEMBERS: usize = 12;

/// The origin graph: each origin with more than one article (an agency's
/// copy, an original story) on the left, its articles on the right, joined
/// by an edge; a dashed edge marks an article in another language than the
/// origin's first (a translation). Single-article origins are counted, not
/// drawn: they have no edges to show.
pub fn origin_graph(d: &Dossier, labels: &[String], names: &[String]) -> String {
    let groups: Vec<(usize, Vec<usize>, usize)> = d
        .origins
        .iter()
        .enumerate()
        .filter_map(|(i, o)| {
            let mut a: Vec<usize> = o
                .articles
                .iter()
                .copied()
                .filter(|&x| x < d.articles.len())
                .collect();
            a.sort_unstable();
            a.dedup();
            if a.len() < 2 {
                return None;
            }
            // A wire story copied 400 times would make the graph a page
            // tall: draw the first article, then the ones in another
            // language (translations), then the rest, up to a cap, and
            // count what is left.
            let lang = |x: usize| d.articles.get(x).and_then(|y| y.language.as_deref());
            let first = lang(a[0]);
            let total = a.len();
            let (other, same): (Vec<usize>, Vec<usize>) = a[1..]
                .iter()
                .partition(|&&x| lang(x).is_some() && lang(x) != first);
            let mut shown = vec![a[0]];
            shown.extend(other.into_iter().chain(same).take(MAX_GRAPH_MEMBERS - 1));
            Some((i, shown, total))
        })
        .collect();
    if groups.is_empty() {
        return String::new();
    }
    let row_h = 22.0;
    let gap = 12.0;
    let rows: usize = groups
        .iter()
        .map(|(_, a, total)| a.len() + usize::from(*total > a.len()))
        .sum();
    let h = 8.0 + rows as f64 * row_h + groups.len() as f64 * gap;
    let (node_x, node_w, art_x) = (8.0, 190.0, 300.0);
    let mut s = format!(
        "<svg class=\"chart origin-graph\" viewBox=\"0 0 {} {}\" role=\"group\" aria-label=\"{}\">\n",
        px(W),
        px(h),
        esc(&format!(
            "{} origin{} with copies, rewrites or translations",
            groups.len(),
            crate::common::plural(groups.len())
        ))
    );
    let mut y = 8.0;
    for (o, arts, total) in &groups {
        let hidden = total - arts.len();
        let block = (arts.len() + usize::from(hidden > 0)) as f64 * row_h;
        let cy = y + block / 2.0;
        let letter = crate::common::origin_letter(*o);
        let name = names.get(*o).map(String::as_str).unwrap_or("");
        let agency = d.origins.get(*o).and_then(|x| x.agency.as_ref()).is_some();
        s.push_str(&format!(
            "<a href=\"#origin-{}\"><title>{}</title><rect class=\"node{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"20\" rx=\"4\"/><text class=\"nl\" x=\"{}\" y=\"{}\">{}</text></a>\n",
            esc(&letter),
            esc(&format!(
                "Origin {letter}: {name}{}, {} articles",
                if agency { " (agency)" } else { "" },
                total
            )),
            if agency { " agency" } else { "" },
            px(node_x),
            px(cy - 10.0),
            px(node_w),
            px(node_x + 8.0),
            px(cy + 4.0),
            esc(&format!("{letter} · {}", cut(name, 22)))
        ));
        let first_lang = arts
            .first()
            .and_then(|&a| d.articles.get(a))
            .and_then(|a| a.language.as_deref());
        for (k, &a) in arts.iter().enumerate() {
            let ay = y + row_h * (k as f64 + 0.5);
            let art = d.articles.get(a);
            let lang = art.and_then(|x| x.language.as_deref());
            let translated = k > 0 && lang.is_some() && first_lang.is_some() && lang != first_lang;
            let (x0, x1) = (node_x + node_w, art_x);
            s.push_str(&format!(
                "<path class=\"edge{}\" d=\"M{} {}C{} {} {} {} {} {}\"><title>{}</title></path>\n",
                if translated { " translation" } else { "" },
                px(x0),
                px(cy),
                px((x0 + x1) / 2.0),
                px(cy),
                px((x0 + x1) / 2.0),
                px(ay),
                px(x1),
                px(ay),
                if translated {
                    "translation"
                } else {
                    "copy or rewrite"
                }
            ));
            let label = labels.get(a).map(String::as_str).unwrap_or("?");
            s.push_str(&format!(
                "<a href=\"#a{}\"><circle class=\"an\" cx=\"{}\" cy=\"{}\" r=\"3.5\"/><text class=\"al\" x=\"{}\" y=\"{}\">{}</text></a>\n",
                num(a),
                px(art_x + 4.0),
                px(ay),
                px(art_x + 12.0),
                px(ay + 4.0),
                esc(&format!(
                    "[{}] {}{}",
                    num(a),
                    cut(label, 26),
                    lang.map(|l| format!(" · {l}")).unwrap_or_default()
                ))
            ));
        }
        if hidden > 0 {
            s.push_str(&format!(
                "<a href=\"#origin-{}\"><text class=\"al more\" x=\"{}\" y=\"{}\">and {hidden} more article{}</text></a>\n",
                esc(&letter),
                px(art_x + 12.0),
                px(y + row_h * (arts.len() as f64 + 0.5) + 4.0),
                crate::common::plural(hidden)
            ));
        }
        y += block + gap;
    }
    s.push_str("</svg>\n");
    s
}

/// Most timeline entries the strip draws; the list below has them all.
const MAX_STRIP: usize = 60;

/// The timeline as a strip: each dated happening a dot at its date, its
/// label on one of three staggered rows, a disputed date in the conflict
/// colour with a faint mark at each other date sources give. Entries whose
/// date does not parse are left to the list below.
pub fn timeline_strip(d: &Dossier, link_of: LinkOf<'_>) -> String {
    let entries: Vec<(i64, &crosswire_model::dossier::TimelineEntry)> = d
        .timeline
        .iter()
        .filter_map(|t| day_number(&t.date).map(|n| (n, t)))
        .take(MAX_STRIP)
        .collect();
    if entries.len() < 2 {
        return String::new();
    }
    let lo = entries.iter().map(|e| e.0).min().unwrap_or(0) as f64;
    let hi = entries.iter().map(|e| e.0).max().unwrap_or(0) as f64;
    let (left, right) = (24.0, W - 24.0);
    let sx = Scale {
        d0: lo,
        d1: hi,
        r0: left,
        r1: right,
    };
    let axis_y = 12.0;
    let h = axis_y + 3.0 * 16.0 + 12.0;
    let mut s = format!(
        "<svg class=\"chart strip\" viewBox=\"0 0 {} {}\" role=\"group\" aria-label=\"{}\">\n",
        px(W),
        px(h),
        esc(&format!("timeline of {} dated happenings", entries.len()))
    );
    s.push_str(&format!(
        "<line class=\"ax\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>\n",
        px(left),
        px(right),
        y = px(axis_y)
    ));
    // One dot per date: happenings of one day would print over each other.
    let mut groups: Vec<(i64, Vec<&crosswire_model::dossier::TimelineEntry>)> = Vec::new();
    for (n, t) in &entries {
        match groups.iter_mut().find(|g| g.0 == *n) {
            Some(g) => g.1.push(t),
            None => groups.push((*n, vec![t])),
        }
    }
    groups.sort_by_key(|g| g.0);
    let mut row_end = [f64::NEG_INFINITY; 3];
    for (n, ts) in &groups {
        let x = sx.at(*n as f64);
        let disputed = ts.iter().any(|t| !t.disputed.is_empty());
        for other in ts
            .iter()
            .flat_map(|t| t.disputed.iter())
            .filter_map(|o| day_number(o))
        {
            s.push_str(&format!(
                "<line class=\"alt\" x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\"/>",
                px(x),
                px(sx.at(other as f64)),
                y = px(axis_y)
            ));
        }
        let href = ts
            .iter()
            .find_map(|t| t.mentions.first())
            .map(link_of)
            .unwrap_or_default();
        let tip: Vec<String> = ts
            .iter()
            .take(8)
            .map(|t| {
                format!(
                    "{}: {}{}",
                    t.date,
                    cut(&crate::common::fold_ws(&t.what), 90),
                    if t.disputed.is_empty() {
                        String::new()
                    } else {
                        format!(" (other sources say {})", t.disputed.join(", "))
                    }
                )
            })
            .collect();
        let more = ts.len().saturating_sub(8);
        let label = match ts.as_slice() {
            [one] => one.date.clone(),
            many => format!("{} · {}", many[0].date, many.len()),
        };
        // Greedy placement on three rows; a label that fits nowhere is left
        // to the hover text (estimated width: 6.5 units a character).
        let w = label.chars().count() as f64 * 6.5;
        let (x0, anchor) = if x + w > right + 20.0 {
            (x - w, "end")
        } else {
            (x - 3.0, "start")
        };
        let row = row_end.iter().position(|&end| end + 6.0 <= x0);
        if let Some(r) = row {
            row_end[r] = x0 + w;
        }
        let ly = axis_y + 16.0 + row.unwrap_or(0) as f64 * 16.0;
        let text = match row {
            Some(_) => format!(
                "<text class=\"sl\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\">{}</text>",
                px(if anchor == "end" { x + 3.0 } else { x - 3.0 }),
                px(ly),
                esc(&label)
            ),
            None => String::new(),
        };
        s.push_str(&format!(
            "<a href=\"{}\"><title>{}{}</title><line class=\"stem\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/><circle class=\"pt{}\" cx=\"{x}\" cy=\"{}\" r=\"4\"/>{text}</a>\n",
            esc(&href),
            esc(&tip.join("\n")),
            if more > 0 { format!("\nand {more} more") } else { String::new() },
            px(axis_y),
            px(ly - 10.0),
            if disputed { " disputed" } else { "" },
            px(axis_y),
            x = px(x)
        ));
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(day_number("2024-02"), day_number("2024-02-01"));
        assert_eq!(day_number("2024"), day_number("2024-01-01"));
        assert_eq!(day_number("2024-13-01"), None);
        assert_eq!(day_number("soon"), None);
    }

    #[test]
    fn axis_ends_are_round() {
        assert_eq!(nice_ceil(9.775), 10.0);
        assert_eq!(nice_ceil(11.0), 20.0);
        assert_eq!(nice_ceil(0.3), 0.5);
        assert_eq!(nice_ceil(2100.0), 2500.0);
        assert_eq!(nice_ceil(-1.0), 1.0);
    }

    #[test]
    fn scales_clamp_and_survive_degenerate_domains() {
        let s = Scale {
            d0: 0.0,
            d1: 10.0,
            r0: 100.0,
            r1: 0.0,
        };
        assert_eq!(s.at(5.0), 50.0);
        assert_eq!(s.at(20.0), 0.0);
        let flat = Scale {
            d0: 3.0,
            d1: 3.0,
            ..s
        };
        assert_eq!(flat.at(3.0), 50.0);
        assert_eq!(s.at(f64::NAN), 50.0);
    }
}
