//! The key points: at most [`MAX_KEY_POINTS`] lines a fact-checker reads
//! first, ranked the same way in every printer.
//!
//! Order: conflicts between independent origins (strongest evidence first:
//! the weaker side of the best-supported conflicting pair decides, so "3
//! origins vs 2" outranks "5 vs 1"), then revisions, then agreement among
//! many origins, then single-source claims that matter (attributed, carried
//! by more articles). Each tier has a quota so that 27 conflicts cannot
//! hide the one revision; quota left unused by a tier goes to the others.
//! The summary text is plain: each printer escapes it for its medium.

use crate::common::{fmt_num, origin_letter, plural};
use crosswire_model::dossier::{Dossier, FigureSlot, SlotValue, Verdict};

/// The most lines the key points ever hold.
pub const MAX_KEY_POINTS: usize = 10;

/// Longest wording of one value in a key point, in characters: a key
/// point must fit one or two lines of a laptop screen.
const MAX_WORDING: usize = 36;

/// How many values a key point names before "+N more".
const MAX_VALUES: usize = 3;

/// What a key point is about, in ranking order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Values (or quote wordings, or dates) that cannot all be true.
    Conflict,
    /// A count that changed over time.
    Revised,
    /// Independent origins give the same value.
    Agree,
    /// Only one origin reports it.
    SingleSource,
}

impl Tier {
    /// Every tier with its quota, in order.
    const QUOTAS: [(Tier, usize); 4] = [
        (Tier::Conflict, 4),
        (Tier::Revised, 2),
        (Tier::Agree, 2),
        (Tier::SingleSource, 2),
    ];

    /// The badge text.
    pub fn label(self) -> &'static str {
        match self {
            Tier::Conflict => "Conflict",
            Tier::Revised => "Revised",
            Tier::Agree => "Agree",
            Tier::SingleSource => "Single source",
        }
    }

    /// The verdict key its style follows (as in [`crate::common::verdict_key`]).
    pub fn key(self) -> &'static str {
        match self {
            Tier::Conflict => "conflict",
            Tier::Revised => "revised",
            Tier::Agree => "agree",
            Tier::SingleSource => "single_source",
        }
    }
}

/// What a key point links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Index into [`Dossier::figures`].
    Figure(usize),
    /// Index into [`Dossier::quotes`].
    Quote(usize),
    /// Index into [`Dossier::timeline`].
    Date(usize),
}

/// One ranked line.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyPoint {
    /// Its tier.
    pub tier: Tier,
    /// What it is about.
    pub target: Target,
    /// The slot label, speaker or date (plain text).
    pub title: String,
    /// The values in short (plain text, one line).
    pub summary: String,
}

/// The ranked key points and how many candidates of each tier did not fit.
#[derive(Debug, Clone, Default)]
pub struct KeyPoints {
    /// At most [`MAX_KEY_POINTS`], in tier order, strongest first.
    pub points: Vec<KeyPoint>,
    /// Candidates left out, per tier, in tier order (tiers with none omitted).
    pub left_out: Vec<(Tier, usize)>,
}

/// Ranks the dossier's findings into key points.
pub fn key_points(d: &Dossier, labels: &[String]) -> KeyPoints {
    // (tier, strength key, target): higher strength first, dossier order on ties.
    let mut cands: Vec<(Tier, (usize, usize), KeyPoint)> = Vec::new();
    for (i, f) in d.figures.iter().enumerate() {
        let tier = match f.verdict {
            Verdict::Conflict => Tier::Conflict,
            Verdict::Revised => Tier::Revised,
            Verdict::Agree if f.origin_count >= 2 => Tier::Agree,
            Verdict::SingleSource => Tier::SingleSource,
            _ => continue,
        };
        let strength = match tier {
            Tier::Conflict => (conflict_strength(f), f.origin_count),
            Tier::SingleSource => (
                usize::from(f.values.iter().any(|v| v.attributed_to.is_some())),
                f.values.iter().map(article_count).sum(),
            ),
            _ => (f.origin_count, f.values.len()),
        };
        cands.push((
            tier,
            strength,
            KeyPoint {
                tier,
                target: Target::Figure(i),
                title: f.label.clone(),
                summary: figure_summary(d, labels, f, tier),
            },
        ));
    }
    for (i, q) in d.quotes.iter().enumerate() {
        if q.verdict != Verdict::Conflict {
            continue;
        }
        let mut sides: Vec<usize> = q.variants.iter().map(|v| distinct(&v.origins)).collect();
        sides.sort_unstable_by(|a, b| b.cmp(a));
        let strength = sides.get(1).copied().unwrap_or(0);
        cands.push((
            Tier::Conflict,
            (strength, q.origin_count),
            KeyPoint {
                tier: Tier::Conflict,
                target: Target::Quote(i),
                title: format!(
                    "quote of {}",
                    q.speaker.as_deref().unwrap_or("an unnamed speaker")
                ),
                summary: format!("{} wordings that say different things", q.variants.len()),
            },
        ));
    }
    for (i, t) in d.timeline.iter().enumerate() {
        if t.disputed.is_empty() {
            continue;
        }
        cands.push((
            Tier::Conflict,
            (1, t.origin_count),
            KeyPoint {
                tier: Tier::Conflict,
                target: Target::Date(i),
                title: format!("date of “{}”", cut(&crate::common::fold_ws(&t.what), 48)),
                summary: format!("{} vs {}", t.date, t.disputed.join(", ")),
            },
        ));
    }
    // Stable: equal strength keeps dossier order, so output is deterministic.
    cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut chosen = vec![false; cands.len()];
    let mut room = MAX_KEY_POINTS;
    for (tier, quota) in Tier::QUOTAS {
        let mut n = 0;
        for (k, c) in cands.iter().enumerate() {
            if c.0 == tier && n < quota && room > 0 {
                chosen[k] = true;
                n += 1;
                room -= 1;
            }
        }
    }
    // Room left goes to the stronger tiers; single-source claims are many
    // and each is weak, so they never take more than their quota.
    for (k, c) in chosen.iter_mut().enumerate() {
        if room == 0 {
            break;
        }
        if !*c && cands[k].0 != Tier::SingleSource {
            *c = true;
            room -= 1;
        }
    }
    let mut out = KeyPoints::default();
    for (k, (tier, _, p)) in cands.into_iter().enumerate() {
        if chosen[k] {
            out.points.push(p);
        } else {
            match out.left_out.last_mut() {
                Some((t, n)) if *t == tier => *n += 1,
                _ => out.left_out.push((tier, 1)),
            }
        }
    }
    out
}

/// The weaker side of the best-supported conflicting pair, in independent
/// origins: a conflict is only as strong as its thinner side.
fn conflict_strength(f: &FigureSlot) -> usize {
    let side = |i: usize| f.values.get(i).map(|v| distinct(&v.origins)).unwrap_or(0);
    if f.conflicts.is_empty() {
        let mut sides: Vec<usize> = f.values.iter().map(|v| distinct(&v.origins)).collect();
        sides.sort_unstable_by(|a, b| b.cmp(a));
        return sides.get(1).copied().unwrap_or(0);
    }
    f.conflicts
        .iter()
        .map(|[a, b]| side(*a).min(side(*b)))
        .max()
        .unwrap_or(0)
}

fn distinct(v: &[usize]) -> usize {
    let mut v = v.to_vec();
    v.sort_unstable();
    v.dedup();
    v.len()
}

fn article_count(v: &SlotValue) -> usize {
    distinct(&v.mentions.iter().map(|m| m.article).collect::<Vec<_>>())
}

/// "“23 people” (2 origins) vs “19” (1) +2 more".
fn figure_summary(d: &Dossier, labels: &[String], f: &FigureSlot, tier: Tier) -> String {
    let wording =
        |v: &SlotValue| format!("“{}”", cut(&crate::common::fold_ws(&v.text), MAX_WORDING));
    match tier {
        Tier::Conflict => {
            let mut parts: Vec<String> = Vec::new();
            for (k, v) in f.values.iter().take(MAX_VALUES).enumerate() {
                let n = distinct(&v.origins);
                parts.push(if k == 0 {
                    format!("{} ({n} origin{})", wording(v), plural(n))
                } else {
                    format!("{} ({n})", wording(v))
                });
            }
            let mut s = parts.join(" vs ");
            more(&mut s, f.values.len());
            s
        }
        Tier::Revised => {
            let vals = crate::common::by_time(f);
            // A time is named where it changes, so values of one day
            // read as one step.
            let mut last_time: Option<&str> = None;
            let mut parts: Vec<String> = Vec::new();
            for v in vals.iter().take(MAX_VALUES) {
                let t = v.as_of.as_deref();
                parts.push(match t {
                    Some(t) if last_time != Some(t) => format!("{} ({})", fmt_value(v), cut(t, 10)),
                    _ => fmt_value(v),
                });
                last_time = t.or(last_time);
            }
            if vals.len() > MAX_VALUES {
                if let Some(last) = vals.last() {
                    parts.push(format!(
                        "… {}{}",
                        fmt_value(last),
                        last.as_of
                            .as_deref()
                            .map(|t| format!(" ({})", cut(t, 10)))
                            .unwrap_or_default()
                    ));
                }
            }
            format!(
                "{}; {} value{}",
                parts.join(" → "),
                f.values.len(),
                plural(f.values.len())
            )
        }
        Tier::Agree => {
            let v = f.values.first().map(wording).unwrap_or_default();
            format!("{v} from {} independent origins", f.origin_count)
        }
        Tier::SingleSource => {
            let Some(v) = f.values.first() else {
                return String::new();
            };
            let who = v
                .origins
                .first()
                .map(|&o| {
                    let name = crate::common::origin_name(d, labels, o);
                    format!("{} {}", origin_letter(o), name)
                })
                .unwrap_or_else(|| "one origin".into());
            let mut s = format!("{} only from {who}", wording(v));
            if let Some(a) = &v.attributed_to {
                s.push_str(&format!(", according to {}", cut(a, MAX_WORDING)));
            }
            s
        }
    }
}

fn fmt_value(v: &SlotValue) -> String {
    match v.qualifier {
        crosswire_model::Qualifier::Exact => fmt_num(v.value),
        q => format!("{} {}", crate::common::qualifier_label(q), fmt_num(v.value)),
    }
}

fn more(s: &mut String, total: usize) {
    if total > MAX_VALUES {
        s.push_str(&format!(" +{} more", total - MAX_VALUES));
    }
}

/// At most `max` characters, the last one an ellipsis when cut.
pub fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}
