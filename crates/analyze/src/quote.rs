//! Quotations and their speakers.
//!
//! Marks are paired on the token stream: curly, straight, angle and single
//! quotes, and the two-apostrophe / two-backtick marks of tokenised text;
//! a quote left open at the end of a paragraph continues when the next
//! paragraph opens with a mark (the newspaper convention for
//! multi-paragraph quotes) and is closed there otherwise; inside an open
//! quote, a straight mark after a cue opens a new quote, and one after
//! sentence punctuation opens the next part of a run-on quote unless a cue
//! follows it (then it closes).
//!
//! A speaker is a person or an organisation that speaks, or an unnamed
//! group ("demonstrators"); never a medium spoken to ("told Radio Norte"),
//! a ship, a numbered thing, a place or a building. It is looked for in
//! this order: a cue before a colon that opens the quote ("Lee told the
//! radio: “…”"); a cue right after the quote (", she said" / ", said the
//! official"; after a quote ending in "?", "!" or ".", the short sentence
//! that follows: "“No!” Lee said."); a cue before it in the sentence
//! ("Doe wrote on X:"); "according to"; a cue later in the sentence, unless
//! the quote closed its sentence; the Spanish inciso; the same words quoted
//! elsewhere (pull quotes); the previous quote when nobody else is named in
//! between; the sentence's subject. Around a cue: an inverted speaker only
//! after a quote or clause (not after an apposition's comma), a clause or an
//! age between subject and cue stepped over, the named person beside a
//! description in apposition, a participle's clause subject. Pronouns
//! resolve to the nearest person of compatible gender, role nouns to the
//! nearest person introduced with that role. Sentences with a cue and no
//! marks become indirect quotes, a contrasting clause (", but Lee said
//! that") one of its own.
//!
//! A document speaks for whoever issued it ("the statement said", "read the
//! press release", "the paper said", "Doe's journals, which said"); a
//! relative clause for its antecedent; a part of a company for the company.
//! Nobody named, a description is the speaker ("one woman in Kelvar", "the
//! union of dock workers", "Norvex officials"). A quote opening a sentence
//! after reported speech goes on with that speaker; a heading (a quote
//! with no punctuation run into the next clause) takes the speaker of the
//! quote it shortens. The words that shape all this (documents, ages,
//! auxiliaries, conjunctions, genders) are per-language speech data.

use crate::entity::Entities;
use crate::token::{Kind, Tok};
use crate::Doc;
use crosswire_model::EntityKind;

/// A found quotation.
#[derive(Debug, Clone)]
pub struct Found {
    /// First token of the span (opening mark, or the sentence for indirect).
    pub ts: usize,
    /// End token (exclusive).
    pub te: usize,
    /// Content tokens.
    pub cs: usize,
    /// Content end (exclusive).
    pub ce: usize,
    /// Direct quotation.
    pub direct: bool,
    /// Speaker mention tokens.
    pub speaker_tok: Option<(usize, usize)>,
    /// Speaker cluster.
    pub cluster: Option<usize>,
    /// Cue token.
    pub cue: Option<(usize, usize)>,
    /// For a speaker known only by a description, the description with the
    /// organisation it speaks for ("a spokesperson for Norvex"), as
    /// tokens.
    pub described: Option<(usize, usize)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

fn mark(toks: &[Tok], i: usize) -> Option<(bool, Mark)> {
    let t = &toks[i];
    if t.kind != Kind::Punct {
        return None;
    }
    let next_glued = toks.get(i + 1).is_some_and(|n| !n.sp && !n.nl);
    let prev_glued = i > 0 && !t.sp && !t.nl;
    // Tokenised text writes double marks as two apostrophes ('') closing
    // (sometimes opening too) and two backticks (``) opening: the pair is
    // one mark, on its first character.
    let twin = |j: usize| {
        toks.get(j)
            .is_some_and(|n| n.kind == Kind::Punct && n.lower == t.lower && !n.sp && !n.nl)
    };
    if t.lower == "'" || t.lower == "`" {
        if i > 0
            && !t.sp
            && !t.nl
            && toks[i - 1].kind == Kind::Punct
            && toks[i - 1].lower == t.lower
        {
            return None;
        }
        if twin(i + 1) {
            // '' glued to the word after it, not before, opens all the same.
            let opens_word = !prev_glued && toks.get(i + 2).is_some_and(|n| !n.sp && !n.nl);
            let m = if t.lower == "`" || opens_word {
                Mark::Open
            } else {
                Mark::Close
            };
            return Some((true, m));
        }
    }
    // German prints guillemets the other way round ("»Wir kommen«,
    // sagte er"): a mark glued to the word after it and not to the one
    // before opens, and one glued to the word before it closes, whichever
    // way it points; spaced on both sides (French), it points the way.
    let word_after = toks.get(i + 1).is_some_and(|n| n.kind != Kind::Punct);
    let glued_closer = prev_glued && (!next_glued || !word_after);
    let glued_opener = !prev_glued && next_glued && word_after;
    let double = match t.lower.as_str() {
        "«" if glued_closer && i > 0 && toks[i - 1].kind != Kind::Punct => {
            return Some((true, Mark::Close))
        }
        "»" if glued_opener => return Some((true, Mark::Open)),
        "“" | "«" | "„" => return Some((true, Mark::Open)),
        "”" | "»" => return Some((true, Mark::Close)),
        "\"" => true,
        "‘" | "‹" | "‚" => return Some((false, Mark::Open)),
        "›" => return Some((false, Mark::Close)),
        "’" | "'" => false,
        _ => return None,
    };
    let m = if !prev_glued && next_glued {
        Mark::Open
    } else if prev_glued && !next_glued {
        Mark::Close
    } else {
        Mark::Either
    };
    if !double && m == Mark::Either {
        // An apostrophe sits between letters ("don't"); a single mark
        // between a word and punctuation closes ("the 'big prize', as")
        // or, after an opening bracket or dash, opens.
        let word = |k: usize| toks.get(k).is_some_and(|n| n.kind != Kind::Punct);
        let closing = i > 0
            && word(i - 1)
            && toks.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Punct
                    && matches!(n.lower.as_str(), "," | "." | ";" | ":" | "!" | "?" | ")")
            });
        let opening =
            i > 0 && matches!(toks[i - 1].lower.as_str(), "(" | "[" | "—" | "–") && word(i + 1);
        return if closing {
            Some((false, Mark::Close))
        } else if opening {
            Some((false, Mark::Open))
        } else {
            None
        };
    }
    Some((double, m))
}

/// Pairs quotation marks: `(open, close)` token indices; `close` may be a
/// paragraph end (then it is the index of the last content token + 1 and
/// no mark).
fn pair(doc: &Doc) -> Vec<(usize, usize, bool)> {
    let toks = &doc.toks;
    let mut out = Vec::new();
    let mut open_d: Option<usize> = None;
    let mut open_s: Option<usize> = None;
    let dashes = crate::lang::speech::speech(doc.lex.lang.code).dash_dialogue;
    // A dash quote open since this token, closed by a spaced dash or the
    // paragraph's end.
    let mut open_dash: Option<usize> = None;
    for i in 0..toks.len() {
        let t = &toks[i];
        let dash = t.kind == Kind::Punct && matches!(t.lower.as_str(), "—" | "―");
        if t.nl {
            if let Some(o) = open_dash.take() {
                out.push((o, i, false));
            }
        }
        if dashes && dash {
            let glued_next = toks.get(i + 1).is_some_and(|n| !n.sp && !n.nl);
            if t.nl && glued_next && open_d.is_none() {
                open_dash = Some(i);
                continue;
            }
            if let Some(o) = open_dash.filter(|_| t.sp) {
                if i > o + 1 {
                    out.push((o, i, true));
                }
                open_dash = None;
                continue;
            }
        }
        if t.nl {
            if let Some(o) = open_d {
                // Continues when the new paragraph opens with a mark.
                let cont = matches!(
                    mark(toks, i),
                    Some((true, Mark::Open)) | Some((true, Mark::Either))
                );
                if cont {
                    continue;
                }
                out.push((o, i, false));
                open_d = None;
            }
            open_s = None;
        }
        let Some((double, m)) = mark(toks, i) else {
            continue;
        };
        if double {
            match (open_d, m) {
                (None, Mark::Open) | (None, Mark::Either) => open_d = Some(i),
                (Some(o), Mark::Close) | (Some(o), Mark::Either) => {
                    out.push((o, i, true));
                    open_d = None;
                }
                (Some(o), Mark::Open) => {
                    let prev = |k: usize| i.checked_sub(k).map(|j| &toks[j]);
                    let is_cue = |t: Option<&Tok>| {
                        t.is_some_and(|t| {
                            t.kind == Kind::Word && doc.lex.cue_verbs.contains(t.lower.as_str())
                        })
                    };
                    let sentence_end = prev(1).is_some_and(|t| {
                        t.kind == Kind::Punct && matches!(t.lower.as_str(), "." | "!" | "?" | "…")
                    });
                    let comma = prev(1).is_some_and(|t| t.is_p(","));
                    // "the man says, "Take it": an opening mark after a cue,
                    // the quote before it left unclosed by the writer.
                    let cue_before = is_cue(prev(1))
                        || prev(1).is_some_and(|t| t.is_p(",") || t.is_p(":")) && is_cue(prev(2));
                    // "…people. "Nichols said": a closing mark written
                    // against the next word, which a cue soon follows.
                    // The speaker's name may be long and carry initials or
                    // an apposition ("Ann B. Lee, the port's lawyer, told"):
                    // a full stop after a one-letter initial and the commas
                    // of an apposition do not end the search.
                    // That long a reach only from a name, and with no
                    // pronoun on the way ("To those who mourn, we say" is
                    // the quote going on).
                    let cue_in = |t: &Tok| {
                        t.kind == Kind::Word && doc.lex.cue_verbs.contains(t.lower.as_str())
                    };
                    let near = toks[i + 1..]
                        .iter()
                        .take(5)
                        .take_while(|t| t.kind != Kind::Punct || t.lower == "'")
                        .any(cue_in);
                    let named = toks.get(i + 1).is_some_and(|t| {
                        t.kind == Kind::Word
                            && t.upper
                            && !doc.lex.function_words.contains(t.lower.as_str())
                            && !doc.lex.pronouns.contains(t.lower.as_str())
                    });
                    let window = &toks[i + 1..toks.len().min(i + 13)];
                    let far = named
                        && window
                            .iter()
                            .enumerate()
                            .take_while(|&(k, t)| {
                                !doc.lex.pronouns.contains(t.lower.as_str())
                                    && (t.kind != Kind::Punct
                                        || matches!(t.lower.as_str(), "'" | "’" | ",")
                                        || t.lower == "."
                                            && k > 0
                                            && window[k - 1].kind == Kind::Word
                                            && window[k - 1].lower.chars().count() == 1)
                            })
                            .any(|(_, t)| cue_in(t));
                    let cue_after = near || far;
                    let straight = t.lower == "\"";
                    if cue_before && !cue_after {
                        out.push((o, i, true));
                        open_d = Some(i);
                    } else if sentence_end || comma || i > o + 1 {
                        out.push((o, i, true));
                        open_d = None;
                        // A quote running on into a new paragraph of speech
                        // without its closing mark ("…situation. “This is
                        // rare,” he said.", paragraphs run together): the
                        // mark opens the next part when a closing mark,
                        // not another opening one, comes next, or (straight
                        // marks, which carry no side) when no cue follows it.
                        let next = (i + 1..toks.len())
                            .take_while(|&j| !toks[j].nl)
                            .find_map(|j| mark(toks, j).filter(|(d, _)| *d));
                        // A caption or a line of the story run into the
                        // quote ("…the Gulf. Lee urged owners to act "As
                        // with fraud, … ''"): a mark opening a word, with
                        // a closing mark next, opens a quote of its own.
                        let close_next = matches!(next, Some((_, Mark::Close)));
                        let opens_word = toks
                            .get(i + 1)
                            .is_some_and(|t| t.kind == Kind::Word && t.upper);
                        if sentence_end && (close_next || straight && !cue_after)
                            || !sentence_end && !comma && !cue_after && close_next && opens_word
                        {
                            open_d = Some(i);
                        }
                    }
                }
                (None, Mark::Close) => {}
            }
        } else if open_d.is_none() {
            match (open_s, m) {
                (None, Mark::Open) => open_s = Some(i),
                (Some(o), Mark::Close) => {
                    if i > o + 1 {
                        out.push((o, i, true));
                    }
                    open_s = None;
                }
                // "‚Wir kommen‘": German closes a low mark with a high
                // one that elsewhere opens.
                (Some(o), Mark::Open) if toks[o].lower == "‚" && i > o + 1 => {
                    out.push((o, i, true));
                    open_s = None;
                }
                _ => {}
            }
        }
    }
    if let Some(o) = open_d {
        out.push((o, toks.len(), false));
    }
    if let Some(o) = open_dash {
        out.push((o, toks.len(), false));
    }
    out.sort();
    out
}

/// Prepositions before a noun phrase that is not a subject.
pub fn is_prep(w: &str) -> bool {
    matches!(
        w,
        "with"
            | "by"
            | "for"
            | "of"
            | "about"
            | "at"
            | "on"
            | "against"
            | "after"
            | "before"
            | "like"
            | "to"
            | "from"
            | "in"
            | "into"
            | "toward"
            | "towards"
            | "than"
            | "between"
            | "among"
            | "under"
            | "including"
            | "outside"
            | "inside"
            | "near"
            | "behind"
            | "across"
            | "around"
            | "beside"
            | "during"
            | "con"
            | "por"
            | "para"
            | "de"
            | "del"
            | "sobre"
            | "a"
            | "al"
            | "en"
            | "ante"
            | "tras"
            | "entre"
            | "da"
            | "do"
            | "das"
            | "dos"
            | "na"
            | "no"
            | "nas"
            | "nos"
            | "em"
            | "com"
            | "pelo"
            | "pela"
            | "ao"
            | "à"
    )
}

/// Whether a mention can speak: a person or an organisation, never a
/// vessel ("MV Aldan": its prefix says so) or a thing with a number in its
/// name (a weapon or a model: "AK-47").
fn speaks(doc: &Doc, m: &crate::entity::Mention) -> bool {
    if !(m.kind == EntityKind::Person || m.kind == EntityKind::Org) {
        return false;
    }
    let toks = &doc.toks[m.ts..m.te.min(doc.toks.len())];
    let first = toks
        .iter()
        .find(|t| t.kind != Kind::Punct)
        .and_then(|t| doc.text.get(t.s..t.e))
        .unwrap_or("");
    let sp = crate::lang::speech::speech(doc.lex.lang.code);
    let vessel = sp.vessel_prefixes.contains(&first);
    // "Ha aggiunto che …": an auxiliary or a cue capitalised at the start
    // of a sentence is no name.
    let lower = toks.first().map_or("", |t| t.lower.as_str());
    let verb =
        toks.len() == 1 && (sp.auxiliaries.contains(&lower) || doc.lex.cue_verbs.contains(lower));
    // "(0300 GMT)", "(AP)", "the Harbour Authority (HA)": an aside in
    // brackets (a time zone, a credit, an acronym) is never who speaks.
    let opens = (0..m.ts)
        .rev()
        .take(2)
        .find(|&k| doc.toks[k].kind != Kind::Num)
        .is_some_and(|k| doc.toks[k].is_p("("));
    let bracketed = opens && doc.toks.get(m.te).is_some_and(|t| t.is_p(")"));
    !vessel
        && !verb
        && !bracketed
        && !toks
            .iter()
            .any(|t| t.kind == Kind::Num || t.lower.bytes().any(|b| b.is_ascii_digit()))
}

/// Speaker tokens, speaker cluster and cue tokens.
type Attribution = ((usize, usize), Option<usize>, (usize, usize));

struct Ctx<'a> {
    doc: &'a Doc<'a>,
    ents: &'a Entities,
    inside: Vec<bool>,
    subjects: Vec<Option<usize>>,
}

impl Ctx<'_> {
    /// The speech table of the document's language.
    fn speech(&self) -> &'static crate::lang::speech::Speech {
        crate::lang::speech::speech(self.doc.lex.lang.code)
    }

    fn pronoun(&self, i: usize) -> bool {
        let t = &self.doc.toks[i];
        t.kind == Kind::Word
            && (self.doc.lex.pronouns.contains(t.lower.as_str())
                || self.doc.lex.possessives.contains(t.lower.as_str()))
    }

    /// The gender a word marks, per the language's speech table.
    fn gender_of_word(&self, w: &str) -> Option<bool> {
        let sp = self.speech();
        if sp.female.contains(&w) {
            Some(true)
        } else if sp.male.contains(&w) {
            Some(false)
        } else {
            None
        }
    }

    /// A person's gender when its mentions say it (a role such as
    /// "spokeswoman", an honorific, a kin word), `Some(true)` for a woman;
    /// `None` when unknown or mixed.
    fn cluster_gender(&self, c: usize) -> Option<bool> {
        let toks = &self.doc.toks;
        let mut seen: Option<bool> = None;
        for m in self.ents.mentions.iter().filter(|m| m.cluster == c) {
            for t in &toks[m.ts.saturating_sub(1)..m.te.min(toks.len())] {
                if let Some(g) = self.gender_of_word(&t.lower) {
                    if seen.is_some_and(|s| s != g) {
                        return None;
                    }
                    seen = Some(g);
                }
            }
        }
        seen
    }

    /// Resolves a pronoun at token `i` to the nearest compatible person (a
    /// known gender must match the pronoun's): a named person earlier in
    /// the same sentence outside quotes, else the subject of a recent
    /// sentence, else (three sentences back at most) a person named there
    /// in any position ("according to Lee. … he said"), else the subject
    /// of the latest sentence that has one.
    fn resolve_pronoun(&self, i: usize) -> Option<usize> {
        let toks = &self.doc.toks;
        let sent = toks[i].sent;
        let want_person = !matches!(
            toks[i].lower.as_str(),
            "it" | "they" | "its" | "their" | "ellos" | "ellas"
        );
        // "it" is never a person: "The United States issued a statement
        // ... what it called" is the country's word, not the president's
        // named a sentence before.
        let neuter = matches!(toks[i].lower.as_str(), "it" | "its");
        let gender = self.gender_of_word(&toks[i].lower);
        let fits = |c: usize| {
            let person = self.ents.clusters.get(c).and_then(|x| x.kind) == Some(EntityKind::Person);
            !(neuter && person)
                && match (gender, self.cluster_gender(c)) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        };
        for m in self.ents.mentions.iter().rev() {
            if m.te > i || toks[m.ts].sent != sent {
                continue;
            }
            if self.inside[m.ts] || m.cluster == usize::MAX || m.nominal && want_person {
                continue;
            }
            // A country that "it" stands for speaks through its
            // government ("The United States ... what it called").
            let ok = if want_person {
                m.kind == EntityKind::Person
            } else {
                speaks(self.doc, m) || neuter && m.kind == EntityKind::Gpe
            };
            if ok && !self.after_prep(m.ts) && fits(m.cluster) {
                return Some(m.cluster);
            }
        }
        let mut s = sent as usize;
        let mut back = 0;
        while s > 0 {
            s -= 1;
            // Sentences of a quotation are the speaker's, not the story's:
            // they put no one further away.
            let quoted = self
                .doc
                .sents
                .get(s)
                .is_some_and(|r| r.clone().all(|k| self.inside[k]));
            if !quoted {
                back += 1;
            }
            if let Some(c) = self.subjects[s] {
                let k = self.ents.clusters.get(c).and_then(|x| x.kind);
                if (!want_person || k == Some(EntityKind::Person)) && fits(c) {
                    return Some(c);
                }
            }
            if want_person && gender.is_some() && back <= 3 {
                let r = self.doc.sents.get(s).cloned().unwrap_or(0..0);
                // The first one named: the sentence's own referent before
                // those attached to it ("Lee, an officer with Arbor Inc").
                let named = self.ents.mentions.iter().find(|m| {
                    r.contains(&m.ts)
                        && !self.inside[m.ts]
                        && !m.nominal
                        && m.kind == EntityKind::Person
                        && m.cluster != usize::MAX
                        && fits(m.cluster)
                });
                if let Some(m) = named {
                    return Some(m.cluster);
                }
                // Nobody named there: a description that says the same
                // gender ("a company spokeswoman who asked not to be
                // named … she said").
                let described = self.ents.mentions.iter().find(|m| {
                    r.contains(&m.ts)
                        && !self.inside[m.ts]
                        && m.nominal
                        && m.kind == EntityKind::Person
                        && m.cluster != usize::MAX
                        && self.cluster_gender(m.cluster) == gender
                });
                if let Some(m) = described {
                    return Some(m.cluster);
                }
            }
        }
        None
    }

    /// Tokens of an age written before a name at `i` ("81-year-old",
    /// "81 - year - old"), 0 when there is none.
    fn age_at(&self, i: usize) -> usize {
        let toks = &self.doc.toks;
        let words = self.speech().age_words;
        if words.is_empty() || !toks.get(i).is_some_and(|t| t.kind == Kind::Num) {
            return 0;
        }
        let mut n = 0;
        let mut last_word = false;
        for t in toks.iter().skip(i).take(6) {
            let hyphen = t.kind == Kind::Punct && matches!(t.lower.as_str(), "-" | "‐" | "–");
            // "year", or a glued "81-year-old".
            let word = words.iter().any(|w| {
                t.lower == *w || t.lower.strip_suffix(w).is_some_and(|r| r.ends_with('-'))
            });
            if !(hyphen || word || n == 0) {
                break;
            }
            n += 1;
            last_word = word;
        }
        if last_word {
            n
        } else {
            0
        }
    }

    fn is_document(&self, i: usize) -> bool {
        let t = &self.doc.toks[i];
        t.kind == Kind::Word && !t.upper && self.speech().documents.contains(&t.lower.as_str())
    }

    fn attribution(&self, m: &crate::entity::Mention) -> ((usize, usize), Option<usize>) {
        ((m.ts, m.te), (m.cluster != usize::MAX).then_some(m.cluster))
    }

    /// Who issued the document named at token `n` ("the statement said"):
    /// the name it is written with ("a Port Authority statement", "the
    /// agency's statement", "a statement from the agency", "the daily
    /// El Norte"), else the one that issued a document in the three
    /// sentences before ("Norvex issued a statement on Monday."), else, for
    /// a document nobody introduced, the organisation quoted in the
    /// sentence before ("…, Norvex said. “…,” a statement said").
    fn issuer(&self, n: usize) -> Option<((usize, usize), Option<usize>)> {
        self.issuer_within(n, 3)
    }

    /// [`Ctx::issuer`], following "the statement" back to the statement
    /// introduced before at most `depth` times.
    fn issuer_within(&self, n: usize, depth: usize) -> Option<((usize, usize), Option<usize>)> {
        let toks = &self.doc.toks;
        let own = |k: usize| -> Option<((usize, usize), Option<usize>)> {
            let ms = &self.ents.mentions;
            let speaking = |m: &&crate::entity::Mention| speaks(self.doc, m) && !self.inside[m.ts];
            // "a Port Authority statement", "the agency's statement".
            let before = k.checked_sub(1).and_then(|b| {
                let b = if matches!(toks[b].lower.as_str(), "'s" | "’s" | "'" | "’") {
                    b
                } else {
                    b + 1
                };
                ms.iter()
                    .filter(|m| m.te == b)
                    .filter(speaking)
                    .max_by_key(|m| m.te - m.ts)
            });
            // "a statement from the agency", "the daily El Norte".
            let after = || {
                let mut j = k + 1;
                if toks.get(j).is_some_and(|t| {
                    matches!(t.lower.as_str(), "from" | "by" | "of" | "de" | "del")
                }) {
                    j += 1;
                }
                let from = j;
                while toks
                    .get(j)
                    .is_some_and(|t| self.doc.lex.determiners.contains(t.lower.as_str()))
                {
                    j += 1;
                }
                ms.iter()
                    .filter(|m| (from..=j).contains(&m.ts))
                    .filter(speaking)
                    .max_by_key(|m| m.te - m.ts)
            };
            before.or_else(after).map(|m| self.attribution(m))
        };
        if let Some(found) = own(n) {
            return Some(found);
        }
        let sent = toks[n].sent as usize;
        for s in (sent.saturating_sub(3)..sent).rev() {
            let r = self.doc.sents.get(s).cloned().unwrap_or(0..0);
            let documents: Vec<usize> = r
                .clone()
                .filter(|&k| !self.inside[k] && self.is_document(k))
                .collect();
            if documents.is_empty() {
                continue;
            }
            if let Some(found) = documents.iter().find_map(|&k| own(k)) {
                return Some(found);
            }
            // "…, the statement said." there too: the one introduced
            // before that ("a statement" is a new one, its subject's).
            let definite = |k: usize| {
                k > 0 && {
                    let w = toks[k - 1].lower.as_str();
                    self.doc.lex.determiners.contains(w) && !self.doc.lex.is("indefinite", w)
                }
            };
            if depth > 0 {
                if let Some(found) = documents
                    .iter()
                    .filter(|&&k| definite(k))
                    .find_map(|&k| self.issuer_within(k, depth - 1))
                {
                    return Some(found);
                }
            }
            let subject = self.subjects.get(s).copied().flatten()?;
            let m = self
                .ents
                .mentions
                .iter()
                .find(|m| r.contains(&m.ts) && m.cluster == subject)?;
            return Some(self.attribution(m));
        }
        let prev = self.doc.sents.get(sent.checked_sub(1)?)?.clone();
        let k = prev.clone().rev().find(|&k| self.is_cue(k))?;
        let (sp, cl) = self.speaker_for_cue(k, prev.start, prev.end)?;
        let org = cl
            .and_then(|c| self.ents.clusters.get(c))
            .is_some_and(|c| c.kind == Some(EntityKind::Org));
        org.then_some((sp, cl))
    }

    fn after_prep(&self, ts: usize) -> bool {
        self.prep_before(ts)
            .is_some_and(|p| !self.opens_clause(p, ts))
    }

    /// Whether the word at `p` opens a clause whose subject is the mention
    /// at `ts` ("days before Lee was to ask"): the mention, followed by a
    /// finite verb, is no object of a preposition.
    fn opens_clause(&self, p: usize, ts: usize) -> bool {
        let toks = &self.doc.toks;
        let sp = self.speech();
        sp.clause_preps.contains(&toks[p].lower.as_str())
            && self
                .ents
                .mentions
                .iter()
                .filter(|m| m.ts == ts)
                .max_by_key(|m| m.te)
                .and_then(|m| toks.get(m.te))
                .is_some_and(|t| sp.finite_verbs.contains(&t.lower.as_str()))
    }

    /// "in Kelvar County, Ks. said": an abbreviated region written after a
    /// place, which names where the place is, not someone who speaks.
    fn region_after_place(&self, m: &crate::entity::Mention) -> bool {
        let toks = &self.doc.toks;
        // "Ks." glued to its full stop, or a region set off by commas ("in
        // Vardo, Kelvaria, said"), which a person never is.
        let abbreviated = m.te == m.ts + 1
            && toks
                .get(m.te)
                .is_some_and(|t| t.is_p(".") && !t.sp && !t.nl);
        let set_off = m.kind != EntityKind::Person && toks.get(m.te).is_some_and(|t| t.is_p(","));
        (abbreviated || set_off)
            && m.ts >= 2
            && toks[m.ts - 1].is_p(",")
            && self.ents.mentions.iter().any(|p| {
                p.te == m.ts - 1
                    && matches!(p.kind, EntityKind::Gpe | EntityKind::Loc | EntityKind::Org)
                    && self.after_prep(p.ts)
            })
    }

    /// "a spokesman said …" in an article that names one spokesman only
    /// ("said Norvex spokesman Ivo Marten"): that person, the role noun
    /// matching their title. `None` for a description that says whom it
    /// speaks for ("a spokesman for the port"), or when two people or
    /// none bear the title.
    fn the_one_with_role(&self, a: usize, b: usize) -> Option<usize> {
        let toks = &self.doc.toks;
        let lex = self.doc.lex;
        if b != a + 2 || !lex.is("indefinite", &toks[a].lower) {
            return None;
        }
        let role = toks[a + 1].lower.as_str();
        if !lex.roles.contains(role)
            || toks
                .get(b)
                .is_some_and(|t| t.kind == Kind::Word && is_prep(&t.lower))
        {
            return None;
        }
        // The title as the cluster keeps it, or written right before a
        // name ("port spokesman Tom Vell").
        let titled = |(i, c): &(usize, &crate::entity::Cluster)| {
            c.named
                && c.kind == Some(EntityKind::Person)
                && (c.role_words.iter().any(|w| w == role)
                    || self.ents.mentions.iter().any(|m| {
                        m.cluster == *i && m.ts > 0 && !m.nominal && toks[m.ts - 1].lower == role
                    }))
        };
        let mut named = self.ents.clusters.iter().enumerate().filter(titled);
        let (one, _) = named.next()?;
        named.next().is_none().then_some(one)
    }

    /// The sign whose words a quote opening at `o` gives ("banners
    /// reading “…”"): its token.
    fn sign_before(&self, o: usize, lo: usize) -> Option<usize> {
        let toks = &self.doc.toks;
        let sp = self.speech();
        let cue = o.checked_sub(1).filter(|&c| c > lo)?;
        if !sp.sign_cues.contains(&toks[cue].lower.as_str()) {
            return None;
        }
        (cue.saturating_sub(3).max(lo)..cue)
            .rev()
            .find(|&k| toks[k].kind == Kind::Word && sp.signs.contains(&toks[k].lower.as_str()))
    }

    /// The words of a sign ("unfurling banners reading “…”", "carried
    /// signs saying “…”") opening at `o`: whoever carries the sign speaks,
    /// the subject of the clause that carries it.
    fn sign_holder(&self, o: usize, lo: usize) -> Option<((usize, usize), Option<usize>)> {
        let toks = &self.doc.toks;
        let sp = self.speech();
        let sign = self.sign_before(o, lo)?;
        let mut v = sign.checked_sub(1)?;
        while v > lo && self.doc.lex.determiners.contains(toks[v].lower.as_str()) {
            v -= 1;
        }
        if v <= lo || toks[v].kind != Kind::Word || self.inside[v] {
            return None;
        }
        // A participle after a comma shares the sentence's subject; a
        // finite verb has its own in its clause ("fans, some of whom held
        // signs reading …" names no holder, not the name before the comma),
        // and a relative pronoun is no one resolved here.
        let participle = toks[v - 1].is_p(",") && toks[v].lower.ends_with("ing");
        let clause = if participle {
            lo
        } else {
            (lo..v)
                .rev()
                .find(|&k| toks[k].kind == Kind::Punct && !self.inside[k])
                .map_or(lo, |k| k + 1)
        };
        self.speaker_for_cue(v, clause, sign)
            .filter(|&((a, b), _)| {
                !(b == a + 1 && sp.relative_pronouns.contains(&toks[a].lower.as_str()))
            })
    }

    /// The preposition that a mention at `ts` depends on, past determiners,
    /// a possessor ("with Chile’s Justice Minister") and a common noun for
    /// what the name is ("of the company Norvex", "de la empresa Aldana").
    fn prep_before(&self, ts: usize) -> Option<usize> {
        let toks = &self.doc.toks;
        let lex = self.doc.lex;
        let mut j = ts;
        let mut noun = false;
        loop {
            if j == 0 {
                return None;
            }
            let p = &toks[j - 1];
            if p.kind == Kind::Word && (p.lower == "’s" || p.lower == "'s") {
                match self.ents.mentions.iter().find(|m| m.te == j - 1) {
                    Some(m) => j = m.ts,
                    None => return None,
                }
                continue;
            }
            if p.kind == Kind::Word && lex.determiners.contains(p.lower.as_str()) {
                j -= 1;
                continue;
            }
            if !noun
                && p.kind == Kind::Word
                && !p.upper
                && lex.org_nominals.contains(p.lower.as_str())
            {
                noun = true;
                j -= 1;
                continue;
            }
            return (p.kind == Kind::Word && is_prep(&p.lower)).then_some(j - 1);
        }
    }

    /// The nearest cue before token `from` (back to `lo`) that names a
    /// speaker for a quote opening at `quote`: the cue, the speaker and
    /// its cluster.
    fn cue_back(
        &self,
        from: usize,
        lo: usize,
        quote: usize,
    ) -> Option<(usize, (usize, usize), Option<usize>)> {
        (lo..from).rev().filter(|&k| self.is_cue(k)).find_map(|k| {
            self.speaker_for_cue(k, lo, quote)
                .map(|(sp, cl)| (k, sp, cl))
        })
    }

    /// The speaker around a cue at `c`: inverted (", said X") or not.
    fn speaker_for_cue(
        &self,
        c: usize,
        lo: usize,
        hi: usize,
    ) -> Option<((usize, usize), Option<usize>)> {
        let toks = &self.doc.toks;
        let sent = toks[c].sent;
        // "a notamment déclaré", "ha poi detto": the auxiliary and what
        // stands between it and the participle belong to the cue.
        let head = self.verb_start(c, lo);
        // "Lee was quoted by the radio as saying …": the one quoted.
        let sp = self.speech();
        if c > lo + 1 && sp.quoted_as.contains(&toks[c - 1].lower.as_str()) {
            let quoted = (lo.max(c.saturating_sub(10))..c - 1)
                .rev()
                .take_while(|&k| toks[k].sent == sent && !self.inside[k])
                .find(|&k| sp.quoted.contains(&toks[k].lower.as_str()));
            if let Some(q) = quoted {
                return self.speaker_for_cue(q, lo, q);
            }
        }
        // "the ministry, which said …", "a man, who wept and shouted …":
        // a relative clause's cue is its antecedent's.
        let relative = (head.saturating_sub(6).max(lo + 1)..head)
            .rev()
            .take_while(|&k| toks[k].kind == Kind::Word && !self.inside[k])
            .find(|&k| sp.relative_pronouns.contains(&toks[k].lower.as_str()));
        if let Some(r) = relative.filter(|&r| r >= lo + 2 && toks[r - 1].is_p(",")) {
            if let Some(found) = self.antecedent(r - 1, lo) {
                return Some(found);
            }
        }
        // "She thanked X and described Y as “...”": a coordinated verb
        // shares the sentence's subject.
        if head > lo && matches!(toks[head - 1].lower.as_str(), "and" | "y") {
            let r = self.doc.sents.get(sent as usize).cloned().unwrap_or(lo..c);
            #[allow(clippy::needless_range_loop)] // j indexes tokens and flags alike
            for j in r.start.max(lo)..head {
                if self.inside[j] {
                    continue;
                }
                if self.pronoun(j)
                    && (sp.subject_pronouns.contains(&toks[j].lower.as_str())
                        || matches!(toks[j].lower.as_str(), "they" | "it"))
                {
                    return Some(((j, j + 1), self.resolve_pronoun(j)));
                }
                if let Some(m) = self.ents.mentions.iter().find(|m| m.ts == j) {
                    if speaks(self.doc, m) && !self.after_prep(m.ts) {
                        return Some((
                            (m.ts, m.te),
                            (m.cluster != usize::MAX).then_some(m.cluster),
                        ));
                    }
                }
            }
        }
        // "Lee defended the plan on Sunday, saying …": the participle
        // shares the clause's subject, not the nearest noun before it.
        let participle = toks[c].lower.ends_with("ing") || toks[c].lower.ends_with("ndo");
        let clause_follows = self.is_that(c + 1);
        if participle && c > lo + 1 && (toks[c - 1].is_p(",") || clause_follows) {
            let r = self.doc.sents.get(sent as usize).cloned().unwrap_or(lo..c);
            // "…, Lee said, describing him as …": the nearest clause with
            // its own cue lends its speaker.
            let finite = (r.start.max(lo)..c.saturating_sub(1)).rev().find(|&k| {
                self.is_cue(k)
                    && !(toks[k].lower.ends_with("ing") || toks[k].lower.ends_with("ndo"))
            });
            if let Some(k) = finite {
                if let Some(found) = self.speaker_for_cue(k, r.start.max(lo), c - 1) {
                    return Some(found);
                }
            }
            // A name right after a verb ("pelting the police") is its
            // object, not the subject.
            let opens = |ts: usize| {
                let mut k = ts;
                while k > r.start.max(lo)
                    && self
                        .doc
                        .lex
                        .determiners
                        .contains(toks[k - 1].lower.as_str())
                {
                    k -= 1;
                }
                let lex = self.doc.lex;
                k == r.start.max(lo) || {
                    let p = &toks[k - 1];
                    p.kind != Kind::Word
                        || p.upper
                        || lex.roles.contains(p.lower.as_str())
                        || lex.person_nouns.contains(p.lower.as_str())
                        || lex.function_words.contains(p.lower.as_str())
                }
            };
            let subject = self.ents.mentions.iter().find(|m| {
                m.ts >= r.start.max(lo)
                    && m.te < c
                    && !self.inside[m.ts]
                    && speaks(self.doc, m)
                    && !self.after_prep(m.ts)
                    && opens(m.ts)
            });
            if let Some(m) = subject {
                return Some(self.group_of(m));
            }
            // "…, other protesters joined them in pelting the police,
            // shouting": a group nobody names that opens a clause.
            let start = r.start.max(lo);
            let group = (start..c.saturating_sub(1))
                .filter(|&j| !self.inside[j] && toks[j].kind == Kind::Word)
                .filter_map(|j| self.group_before(j, start))
                .map(|(a, b)| {
                    // "other protesters", "some residents".
                    let mut a = a;
                    while a > start
                        && a + 2 > b
                        && toks[a - 1].kind == Kind::Word
                        && !toks[a - 1].upper
                        && self
                            .doc
                            .lex
                            .function_words
                            .contains(toks[a - 1].lower.as_str())
                    {
                        a -= 1;
                    }
                    (a, b)
                })
                .find(|&(a, _)| a == start || toks[a - 1].is_p(","));
            if let Some(g) = group {
                return Some((g, None));
            }
        }
        // Inversion follows a quote or a clause: '“…,” said Lee', '…, said
        // the official'. The comma closing an apposition ("Rice, the envoy,
        // said the government …") is neither, and what follows is no
        // speaker.
        let apposition_ends = head > 1 && toks[head - 1].is_p(",") && {
            let open = (lo..head - 1)
                .rev()
                .take(15)
                .find(|&k| toks[k].is_p(",") || toks[k].sent != sent || self.inside[k]);
            open.is_some_and(|k| {
                toks[k].is_p(",")
                    && self
                        .ents
                        .mentions
                        .iter()
                        .any(|m| m.te == k && !m.nominal && m.kind == EntityKind::Person)
            })
        };
        // "“…”, ha detto il ministro", "a déclaré le ministre": an
        // auxiliary before the participle belongs to the cue.
        let before = if head > lo { head } else { c };
        let prev_punct = before > 0
            && (toks[before - 1].kind == Kind::Punct && !apposition_ends
                || self.inside[before - 1] && before - 1 < lo);
        // Right side: "said Omar Castell", "said the official".
        // Right after the cue, or after a determiner or title ("said the
        // official", "dijo el ministro"), never across "that".
        // "said 81-year-old Ann Lee": an age before the name is stepped
        // over.
        let age = self.age_at(c + 1);
        let between_ok = |m: &crate::entity::Mention| {
            toks[(c + 1 + age).min(m.ts)..m.ts].iter().all(|t| {
                t.kind == Kind::Word
                    && (self.doc.lex.determiners.contains(t.lower.as_str())
                        || self.doc.lex.is("indefinite", &t.lower)
                        || !self.doc.lex.function_words.contains(t.lower.as_str())
                            && !sp.is_complementizer(&t.lower))
            })
        };
        // "Doe told Radio Norte": who is told never speaks.
        let addressee = self
            .speech()
            .addressee_cues
            .contains(&toks[c].lower.as_str());
        let right = self.ents.mentions.iter().find(|m| {
            !addressee
                && m.ts > c
                && m.ts <= c + 3 + age
                && between_ok(m)
                && m.te <= hi.max(c + 1) + 8
                && toks[m.ts].sent == sent
                && !self.inside[m.ts]
        });
        // "says the BBC's Ann Lee": the possessor introduces the speaker.
        let right = right.map(|m| {
            let possessive = toks
                .get(m.te)
                .is_some_and(|t| t.kind == Kind::Word && matches!(t.lower.as_str(), "’s" | "'s"));
            possessive
                .then(|| {
                    self.ents
                        .mentions
                        .iter()
                        .find(|n| n.ts == m.te + 1 && n.kind == EntityKind::Person)
                })
                .flatten()
                .unwrap_or(m)
        });
        // '“…,” read the press release': its issuer.
        let right_document = (c + 1..toks.len().min(c + 4))
            .take_while(|&k| toks[k].sent == sent && toks[k].kind == Kind::Word)
            .find(|&k| self.is_document(k))
            .filter(|&k| {
                toks[c + 1..k].iter().all(|t| {
                    self.doc.lex.determiners.contains(t.lower.as_str())
                        || !self.doc.lex.function_words.contains(t.lower.as_str())
                })
            });
        // "said a government spokesman, Ivo Marten", "declaró la jefa de
        // bomberos, Orla Brennick": the name in apposition to the
        // description (and what it is head of).
        let right = right.map(|m| {
            let comma = (m.te..toks.len().min(m.te + 6))
                .take_while(|&k| toks[k].kind == Kind::Word || toks[k].is_p(","))
                .find(|&k| toks[k].is_p(","));
            let named = comma.filter(|_| m.nominal).and_then(|k| {
                self.ents.mentions.iter().find(|n| {
                    n.ts == k + 1
                        && !n.nominal
                        && n.kind == EntityKind::Person
                        && n.cluster != usize::MAX
                })
            });
            named.unwrap_or(m)
        });
        // "affirme-t-il": the pronoun glued to the cue by hyphens.
        let mut p = c + 1;
        while toks
            .get(p)
            .is_some_and(|t| !t.sp && (t.is_p("-") || sp.clitic_links.contains(&t.lower.as_str())))
        {
            p += 1;
        }
        let right_pron = (p < toks.len() && self.pronoun(p)).then_some(p);
        // Inversion (", said X") needs a finite verb: ", saying her ..." is
        // the subject's own participle.
        if (prev_punct || c == lo) && !participle {
            if let Some(m) = right {
                if speaks(self.doc, m) {
                    // "said Norvex analyst Ann Lee": the person named after
                    // the title.
                    let titled = self.ents.mentions.iter().find(|n| {
                        n.ts > m.te
                            && n.ts <= m.te + 3
                            && n.kind == EntityKind::Person
                            && !n.nominal
                            && toks[m.te..n.ts].iter().all(|t| {
                                // A title, not "and" ("said Lee and Vell").
                                t.kind == Kind::Word
                                    && !t.upper
                                    && !self.doc.lex.name_connectors.contains(t.lower.as_str())
                                    && !is_prep(&t.lower)
                            })
                    });
                    if let Some(n) = titled {
                        return Some(self.attribution(n));
                    }
                    // "said a Western diplomat", "said Norvex officials":
                    // the people the name qualifies.
                    return Some(self.group_of(m));
                }
            }
            if let Some(p) = right_pron {
                return Some(((p, p + 1), self.resolve_pronoun(p)));
            }
            if let Some(found) = right_document.and_then(|k| self.issuer(k)) {
                return Some(found);
            }
            // "escribió en su cuenta de X el ministro", "dijo a la prensa
            // la alcaldesa": an adjunct between the cue and the speaker,
            // who closes the clause.
            let adjunct = toks
                .get(c + 1)
                .is_some_and(|t| t.kind == Kind::Word && is_prep(&t.lower));
            let far = self.ents.mentions.iter().find(|m| {
                adjunct
                    && m.ts > c + 2
                    && m.ts <= c + 10
                    && toks[m.ts].sent == sent
                    && !self.inside[m.ts]
                    && toks[c + 1..m.ts].iter().all(|t| t.kind == Kind::Word)
                    && speaks(self.doc, m)
                    && !self.after_prep(m.ts)
                    && toks
                        .get(m.te)
                        .is_none_or(|t| t.kind == Kind::Punct && !t.is_p("'"))
            });
            if let Some(m) = far {
                return Some(self.attribution(m));
            }
        }
        // Left side: the nearest subject-like mention or pronoun. When the
        // word right before the cue is an unnamed noun ("officials said",
        // "analysts warn"), the speaker is that noun: nobody to resolve.
        let mut j = head;
        // "The source, who asked not to be named, said": "Doe, 70, told":
        // a clause or an age set off by commas between the subject and the
        // cue is stepped over.
        if head > lo + 2 && toks[head - 1].is_p(",") && !self.inside[head - 1] {
            // A relative clause may run long ("X, che proviene dallo
            // stesso stato in cui …, ha osservato"); anything else is
            // short.
            let open = (lo..head - 1)
                .rev()
                .take(30)
                .find(|&k| toks[k].is_p(",") || toks[k].sent != sent || self.inside[k])
                .filter(|&k| {
                    head - 1 - k <= 16
                        || toks.get(k + 1).is_some_and(|t| {
                            self.speech().relative_pronouns.contains(&t.lower.as_str())
                        })
                });
            if let Some(k) = open {
                let clause = &toks[k + 1..head - 1];
                // A relative clause or an age, not an apposition that
                // names the speaker ("the agency, Ria, said").
                let relative_or_age = clause.first().is_some_and(|t| {
                    t.kind == Kind::Num && clause.len() == 1
                        || self.speech().relative_pronouns.contains(&t.lower.as_str())
                });
                // "Ann Lee, president of the dockers' union, said": a title
                // in apposition to a person named before it.
                let title =
                    clause.iter().take(4).any(|t| {
                        t.kind == Kind::Word && self.doc.lex.roles.contains(t.lower.as_str())
                    }) && self.ents.mentions.iter().any(|m| {
                        m.te == k
                            && !m.nominal
                            && m.kind == EntityKind::Person
                            && speaks(self.doc, m)
                    });
                // "Rep. Ann Lee, D-Ks., said": a party's initial and a
                // state, set off after a person's name (a name in
                // apposition, "the head of it, Ann B. Lee, said", is the
                // speaker itself).
                let party = clause.first().is_some_and(|t| {
                    t.kind == Kind::Word && t.upper && t.lower.chars().count() == 1
                }) && clause.get(1).is_some_and(|t| t.is_p("-"))
                    || clause
                        .first()
                        .is_some_and(|t| t.upper && t.lower.chars().nth(1) == Some('-'));
                // "Sister Ann Lee, OP, said": the initials of an order or
                // an honour after a name.
                let postnominal =
                    clause.len() == 1 && clause[0].caps && clause[0].lower.chars().count() <= 4;
                let tag = clause.len() <= 8
                    && (party || postnominal)
                    && clause.iter().all(|t| t.kind == Kind::Punct || t.upper)
                    && self
                        .ents
                        .mentions
                        .iter()
                        .any(|m| m.te == k && !m.nominal && m.kind == EntityKind::Person);
                // "police in Vardo, Kelvaria, said": the region of a place
                // (the place's preposition then leads to the speaker).
                let region = self
                    .ents
                    .mentions
                    .iter()
                    .any(|m| m.ts == k + 1 && m.te == head - 1 && self.region_after_place(m));
                let plain = toks[k].is_p(",")
                    && toks[k].sent == sent
                    && !self.inside[k]
                    && (relative_or_age || title || tag || region)
                    && !clause
                        .iter()
                        .any(|t| self.doc.lex.cue_verbs.contains(t.lower.as_str()));
                let subject_before = self
                    .ents
                    .mentions
                    .iter()
                    .any(|m| m.te == k && speaks(self.doc, m));
                // "The two jurors, who did not give their names, said": an
                // unnamed group before the relative clause.
                let group_before = relative_or_age
                    && k > lo
                    && toks[k - 1].kind == Kind::Word
                    && self.group_before(k - 1, lo).is_some();
                if plain && (subject_before || region || group_before) {
                    j = k;
                }
            }
        }
        let mut first = true;
        let mut pp_end: Option<usize> = None;
        while j > lo {
            j -= 1;
            if toks[j].sent != sent || self.inside[j] {
                if self.inside[j] {
                    continue;
                }
                break;
            }
            // A possessive that resolves to nobody ("cast their ballots")
            // names no speaker; one that does stands for the subject a
            // language may leave out ("Durante su discurso, afirmó").
            if self.pronoun(j) && toks[j].lower != "her" {
                let cl = self.resolve_pronoun(j);
                if cl.is_some() || !self.doc.lex.possessives.contains(toks[j].lower.as_str()) {
                    return Some(((j, j + 1), cl));
                }
            }
            if let Some(m) = self
                .ents
                .mentions
                .iter()
                .filter(|m| m.ts <= j && j < m.te)
                .max_by_key(|m| m.te - m.ts)
            {
                // "…, Norway said": a country right before the cue is its
                // subject and speaks through its government.
                let country = m.kind == EntityKind::Gpe
                    && m.te == head
                    && self
                        .ents
                        .clusters
                        .get(m.cluster)
                        .is_some_and(|x| x.is_country);
                if (speaks(self.doc, m) || country)
                    && !self.after_prep(m.ts)
                    && !self.region_after_place(m)
                {
                    // "Ann Lee, a spokeswoman for the port, said": the name
                    // the description stands beside speaks.
                    let named = (m.nominal && m.ts >= lo + 2 && toks[m.ts - 1].is_p(","))
                        .then(|| {
                            self.ents.mentions.iter().find(|n| {
                                n.te == m.ts - 1
                                    && !n.nominal
                                    && n.kind == EntityKind::Person
                                    && speaks(self.doc, n)
                                    && !self.after_prep(n.ts)
                            })
                        })
                        .flatten();
                    let m = named.unwrap_or(m);
                    return Some(((m.ts, m.te), (m.cluster != usize::MAX).then_some(m.cluster)));
                }
                // "one woman in Kelvar told Radio Norte", "a resident of Ostra
                // said": a place after the described speaker.
                let prep = self.prep_before(m.ts).filter(|&p| {
                    !matches!(
                        toks[p].lower.as_str(),
                        "to" | "by" | "than" | "with" | "a" | "al"
                    )
                });
                if let Some(p) = prep.filter(|&p| first && pp_end.is_none() && p > lo) {
                    pp_end = Some(m.te);
                    j = p;
                    continue;
                }
                j = m.ts;
                first = false;
                continue;
            }
            let t = &toks[j];
            if first && t.kind == Kind::Word {
                let w = t.lower.as_str();
                // "analysts" is a function word to names ("Analysts warn"
                // is no name), not to speakers.
                let skippable = self.doc.lex.function_words.contains(w) && !self.people_noun(w)
                    || w.ends_with("ly")
                    || self.doc.lex.determiners.contains(w)
                    || self.doc.lex.cue_verbs.contains(w);
                if !skippable {
                    // "His message read:", "Doe’s statement said": the
                    // possessor speaks.
                    if j > lo
                        && self.pronoun(j - 1)
                        && self
                            .doc
                            .lex
                            .possessives
                            .contains(toks[j - 1].lower.as_str())
                    {
                        return Some(((j - 1, j), self.resolve_pronoun(j - 1)));
                    }
                    // "a man's voice says": on a recording, the voice of
                    // someone met before, found as a pronoun of that
                    // gender would be.
                    let voices = self.speech().voices;
                    if voices.contains(&w)
                        && j >= lo + 3
                        && matches!(toks[j - 1].lower.as_str(), "’s" | "'s")
                        && (self
                            .doc
                            .lex
                            .determiners
                            .contains(toks[j - 3].lower.as_str())
                            || self.doc.lex.is("indefinite", &toks[j - 3].lower))
                    {
                        let owner = j - 2;
                        let word = toks[owner].lower.as_str();
                        if self.gender_of_word(word).is_some()
                            && !self.doc.lex.pronouns.contains(word)
                            && !self.doc.lex.roles.contains(word)
                        {
                            if let Some(cl) = self.resolve_pronoun(owner) {
                                return Some(((j - 3, j + 1), Some(cl)));
                            }
                        }
                    }
                    if j > lo + 1 && matches!(toks[j - 1].lower.as_str(), "’s" | "'s") {
                        if let Some(m) = self
                            .ents
                            .mentions
                            .iter()
                            .filter(|m| m.te == j - 1)
                            .max_by_key(|m| m.te - m.ts)
                        {
                            return Some((
                                (m.ts, m.te),
                                (m.cluster != usize::MAX).then_some(m.cluster),
                            ));
                        }
                    }
                    // "the statement said": whoever issued it.
                    if self.is_document(j) {
                        return self.issuer(j);
                    }
                    // "the man says", "la mujer dijo": a gendered noun with
                    // a definite article is someone met before, found as a
                    // pronoun of that gender would be.
                    let sp = self.speech();
                    let definite = j > lo && {
                        let d = toks[j - 1].lower.as_str();
                        self.doc.lex.determiners.contains(d) && !self.doc.lex.is("indefinite", d)
                    };
                    let gendered = (sp.female.contains(&w) || sp.male.contains(&w))
                        && !self.doc.lex.pronouns.contains(w)
                        && !self.doc.lex.determiners.contains(w)
                        && !self.doc.lex.roles.contains(w);
                    if definite && gendered {
                        if let Some(cl) = self.resolve_pronoun(j) {
                            return Some(((j - 1, j + 1), Some(cl)));
                        }
                    }
                    // "Norvex Airlines … the airline said": the organisation
                    // whose name ends in that noun.
                    let stem = |x: &str| x.strip_suffix('s').unwrap_or(x).to_string();
                    let named_so = definite
                        .then(|| {
                            self.ents
                                .mentions
                                .iter()
                                .rev()
                                .filter(|m| {
                                    m.te <= j.saturating_sub(1)
                                        && !m.nominal
                                        && m.kind == EntityKind::Org
                                        && m.cluster != usize::MAX
                                        && toks[m.ts].sent + 5 >= toks[j].sent
                                })
                                .find(|m| {
                                    toks.get(m.te - 1)
                                        .is_some_and(|t| t.upper && stem(&t.lower) == stem(w))
                                })
                        })
                        .flatten();
                    if let Some(m) = named_so {
                        return Some(((j - 1, j + 1), Some(m.cluster)));
                    }
                    // "Norvex's broadband unit said": a part of the
                    // company speaks as the company (its people do not:
                    // "Norvex chief executive" is someone).
                    let lex = self.doc.lex;
                    let part = !lex.roles.contains(w)
                        && !lex.person_nouns.contains(w)
                        && !self.people_noun(w);
                    let owner = (j.saturating_sub(5).max(lo)..j)
                        .rev()
                        .take_while(|&k| {
                            !toks[k].upper && (toks[k].kind == Kind::Word || toks[k].is_p("-"))
                        })
                        .last()
                        .unwrap_or(j);
                    let org = self
                        .ents
                        .mentions
                        .iter()
                        .filter(|m| {
                            m.te == owner
                                && m.kind == EntityKind::Org
                                && speaks(self.doc, m)
                                && !self.after_prep(m.ts)
                        })
                        .max_by_key(|m| m.te - m.ts);
                    if let Some(m) = org.filter(|_| part) {
                        return Some(self.attribution(m));
                    }
                    // "the union of chemical workers said", "el sindicato
                    // de trabajadores químicos aseguró": an organisation
                    // nobody names, its description all there is.
                    if let Some(a) = self.unnamed_org_before(j, lo) {
                        return Some(((a, pp_end.unwrap_or(j + 1)), None));
                    }
                    // "demonstrators chanted", "the families of the two
                    // wounded men requested": a group nobody names speaks,
                    // and its description is all there is to say who.
                    let group = self
                        .group_before(j, lo)
                        .map(|(a, b)| ((a, pp_end.unwrap_or(b)), None));
                    // "Am Dienstag sagte Weber": with the verb second, what
                    // opens the clause may be no subject; it follows.
                    if group.is_some() || !sp.verb_second {
                        return group;
                    }
                    break;
                }
            }
            if t.kind == Kind::Punct {
                first = false;
            }
        }
        if let Some(m) = right {
            if speaks(self.doc, m) {
                return Some(((m.ts, m.te), (m.cluster != usize::MAX).then_some(m.cluster)));
            }
        }
        // "«…», añadió.", "Ha aggiunto che …": nobody before the verb in
        // its clause, nobody after it, and a language whose verb says the
        // person: the one the story is about speaks.
        let bare = (lo..head).all(|k| self.inside[k] || toks[k].kind == Kind::Punct);
        if sp.drops_subject && bare && right_pron.is_none() && right_document.is_none() {
            return self.zero_subject(c);
        }
        None
    }

    /// The speaker of a cue at `c` written without a subject: the subject
    /// of the nearest sentence before it that has one (five at most), as
    /// its latest mention before the cue.
    fn zero_subject(&self, c: usize) -> Option<((usize, usize), Option<usize>)> {
        let sent = self.doc.toks[c].sent as usize;
        let cl = (sent.saturating_sub(5)..sent)
            .rev()
            .find_map(|s| self.subjects.get(s).copied().flatten())?;
        let m = self
            .ents
            .mentions
            .iter()
            .rev()
            .find(|m| m.cluster == cl && m.te <= c && !self.inside[m.ts])?;
        Some(((m.ts, m.te), Some(cl)))
    }

    /// Where the verb of a cue at `c` begins: at its auxiliary when one
    /// comes a few lower-case words before it ("a notamment déclaré",
    /// "ha poi detto", "hat gesagt"), else at the cue.
    fn verb_start(&self, c: usize, lo: usize) -> usize {
        let toks = &self.doc.toks;
        let sp = self.speech();
        for k in (lo.max(c.saturating_sub(5))..c).rev() {
            let t = &toks[k];
            if t.kind != Kind::Word
                || t.upper && !self.doc.initial(k)
                || self.inside[k]
                || self.doc.lex.pronouns.contains(t.lower.as_str())
                || sp.is_complementizer(&t.lower)
            {
                break;
            }
            if sp.auxiliaries.contains(&t.lower.as_str()) {
                return k;
            }
        }
        c
    }

    /// Whether token `i` opens a clause of reported speech ("that", "que",
    /// "dass").
    fn is_that(&self, i: usize) -> bool {
        self.doc
            .toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && self.speech().is_complementizer(&t.lower))
    }

    /// The speaker a relative clause opening after the comma at `comma`
    /// refers to: the mention ending there, or the description of a person
    /// or group ending there, a place after it included ("a woman outside
    /// the bank, who …").
    fn antecedent(&self, comma: usize, lo: usize) -> Option<((usize, usize), Option<usize>)> {
        let toks = &self.doc.toks;
        let m = self
            .ents
            .mentions
            .iter()
            .filter(|m| m.te == comma && speaks(self.doc, m))
            .max_by_key(|m| m.te - m.ts);
        if let Some(m) = m {
            return Some(self.attribution(m));
        }
        let end = comma.checked_sub(1)?;
        // "Doe's journals, which said …".
        if self.is_document(end) {
            return self.issuer(end);
        }
        if let Some(r) = self.group_before(end, lo) {
            return Some((r, None));
        }
        // Past a place: "outside the depot".
        let prep = (end.saturating_sub(4).max(lo + 1)..end)
            .rev()
            .take_while(|&k| toks[k].kind == Kind::Word)
            .find(|&k| {
                is_prep(&toks[k].lower)
                    && !self.doc.lex.determiners.contains(toks[k].lower.as_str())
            })?;
        let (a, _) = self.group_before(prep.checked_sub(1)?, lo)?;
        Some(((a, comma), None))
    }

    /// The start of a description ending at token `j` that a common noun
    /// for an organisation heads right after its determiner ("the union of
    /// chemical workers", "el sindicato de trabajadores"), lower-case words
    /// and connectors only between.
    fn unnamed_org_before(&self, j: usize, lo: usize) -> Option<usize> {
        let toks = &self.doc.toks;
        let lex = self.doc.lex;
        let mut k = j;
        while k >= lo && j - k < 8 {
            let t = &toks[k];
            if t.kind != Kind::Word || t.upper && !self.doc.initial(k) || self.inside[k] {
                return None;
            }
            let w = t.lower.as_str();
            if k < j && lex.determiners.contains(w) {
                let head = toks.get(k + 1)?;
                let org = !head.upper
                    && (lex.org_nominals.contains(head.lower.as_str())
                        || lex
                            .org_words
                            .iter()
                            .any(|o| o.eq_ignore_ascii_case(&head.lower)));
                return org.then_some(k);
            }
            if lex.function_words.contains(w) && !lex.name_connectors.contains(w) || k == 0 {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// Whether `w` names people as a group: a collective noun ("police"),
    /// or the plural of a role or of a noun for people ("officials").
    fn people_noun(&self, w: &str) -> bool {
        let lex = self.doc.lex;
        let sp = crate::lang::speech::speech(lex.lang.code);
        let singular = w.strip_suffix('s').unwrap_or(w);
        // "-men" plurals ("men", "fishermen", "women") are people too.
        sp.collective.contains(&w)
            || lex.lang.code == "en" && w.ends_with("men")
            || w.ends_with('s') && sp.collective.contains(&singular)
            || w.ends_with('s')
                && (lex.roles.contains(singular) || lex.person_nouns.contains(singular))
    }

    /// A speaking mention, or the people it qualifies when a noun for
    /// people follows it ("Norvex employees", "Union officials"): those
    /// speak, and nobody names them.
    fn group_of(&self, m: &crate::entity::Mention) -> ((usize, usize), Option<usize>) {
        let next = self.doc.toks.get(m.te);
        if next.is_some_and(|t| {
            t.kind == Kind::Word && !t.upper && !self.inside[m.te] && self.people_noun(&t.lower)
        }) && m.kind != EntityKind::Person
        {
            return ((m.ts, m.te + 1), None);
        }
        self.attribution(m)
    }

    /// The description of an unnamed group ending at token `j` ("the
    /// families of the two wounded men", "demonstrators"): lower-case words
    /// and "of" phrases back to a determiner, headed by a plural or a
    /// collective noun. `None` when the word at `j` is no such head.
    fn group_before(&self, j: usize, lo: usize) -> Option<(usize, usize)> {
        let toks = &self.doc.toks;
        let lex = self.doc.lex;
        let sp = crate::lang::speech::speech(lex.lang.code);
        let head = &toks[j];
        // A hyphenated head is one word ("porta-voz").
        let glued = |k: usize| !toks[k].sp && !toks[k].nl;
        let compound = (j >= lo + 2 && toks[j - 1].is_p("-") && glued(j - 1) && glued(j))
            .then(|| format!("{}-{}", toks[j - 2].lower, head.lower));
        let w = compound.as_deref().unwrap_or(head.lower.as_str());
        let people = |w: &str| self.people_noun(w);
        // One person nobody names: "one woman", "a distraught resident".
        let one = (lex.person_nouns.contains(w)
            || lex.roles.contains(w)
            || sp.female.contains(&w)
            || sp.male.contains(&w)
            || sp.collective.contains(&w))
            && !lex.pronouns.contains(w)
            && !lex.possessives.contains(w);
        if head.upper && !self.doc.initial(j) || !(people(w) || one) {
            return None;
        }
        // The head of "families of the men" is "families": step back over
        // "of" phrases to it.
        let mut s = if compound.is_some() { j - 2 } else { j };
        let mut steps = 0;
        while s > lo && steps < 8 {
            let p = &toks[s - 1];
            if !matches!(p.kind, Kind::Word | Kind::Num)
                || p.upper && !self.doc.initial(s - 1)
                || self.inside[s - 1]
            {
                break;
            }
            let pw = p.lower.as_str();
            if lex.determiners.contains(pw) || lex.is("indefinite", pw) {
                s -= 1;
                // "the families of the men": past "of the" to the head.
                let of = s >= lo + 2
                    && toks[s - 1].kind == Kind::Word
                    && !toks[s - 1].upper
                    && lex.name_connectors.contains(toks[s - 1].lower.as_str())
                    && !lex.determiners.contains(toks[s - 1].lower.as_str());
                if of {
                    s -= 1;
                    steps += 1;
                    continue;
                }
                break;
            }
            let number = p.kind == Kind::Num || lex.number_words.contains_key(pw);
            // "of about 300 anarchists": a qualifier of the number.
            let qualifier = matches!(toks[s].kind, Kind::Num)
                && lex.lang.qualifiers.iter().any(|(q, _)| *q == pw);
            if lex.function_words.contains(pw)
                && !lex.name_connectors.contains(pw)
                && !number
                && !qualifier
                && !people(pw)
                || lex.cue_verbs.contains(pw)
            {
                break;
            }
            s -= 1;
            steps += 1;
        }
        // A phrase that starts at "of" lost its head: not a description.
        let first = toks[s].lower.as_str();
        if toks[s].kind != Kind::Word
            || lex.name_connectors.contains(first) && !lex.determiners.contains(first)
        {
            return None;
        }
        // "Harbour Union officials": the organisation they speak for
        // belongs to their description.
        let org = (s == j)
            .then(|| {
                self.ents.mentions.iter().find(|m| {
                    m.te == s && m.ts >= lo && matches!(m.kind, EntityKind::Org | EntityKind::Gpe)
                })
            })
            .flatten();
        Some((org.map_or(s, |m| m.ts), j + 1))
    }

    fn is_cue(&self, i: usize) -> bool {
        let t = &self.doc.toks[i];
        // "States" is a name, "states" a verb.
        t.kind == Kind::Word
            && (!t.upper || self.doc.initial(i))
            && !self.inside[i]
            && self.doc.lex.cue_verbs.contains(t.lower.as_str())
            && !self.modifies_noun(i)
            && (!self.doc.lex.determiners.contains(t.lower.as_str()) || self.after_aux(i))
    }

    /// Whether an auxiliary comes right before token `i` ("ha dicho"): a
    /// participle that is also a determiner ("dicho acuerdo") is a cue only
    /// then.
    fn after_aux(&self, i: usize) -> bool {
        i > 0
            && self
                .speech()
                .auxiliaries
                .contains(&self.doc.toks[i - 1].lower.as_str())
    }

    /// "his alleged victims", "the claimed record": a cue word after an
    /// article or a possessive qualifies a noun; no verb follows them
    /// ("a report that said" is a relative clause's verb).
    fn modifies_noun(&self, i: usize) -> bool {
        let lex = self.doc.lex;
        i > 0 && {
            let p = &self.doc.toks[i - 1];
            let w = p.lower.as_str();
            p.kind == Kind::Word
                && (lex.possessives.contains(w)
                    || lex.is("indefinite", w)
                    || lex.determiners.contains(w) && w != "that" && w != "que")
        }
    }

    fn according(&self, lo: usize, hi: usize) -> Option<Attribution> {
        let doc = self.doc;
        for i in lo..hi {
            if self.inside[i] {
                continue;
            }
            if let Some((len, ())) = doc.lex.according.longest_at(&doc.toks, i) {
                // "selon lui", "según él": the one the pronoun stands for.
                let p = i + len;
                let stressed = crate::lang::speech::speech(doc.lex.lang.code).stressed_pronouns;
                let pronoun = doc.toks.get(p).is_some_and(|t| {
                    t.kind == Kind::Word
                        && !self.inside[p]
                        && (doc.lex.pronouns.contains(t.lower.as_str())
                            || stressed.contains(&t.lower.as_str()))
                });
                if pronoun {
                    return Some(((p, p + 1), self.resolve_pronoun(p), (i, p)));
                }
                // The first person or organization after the phrase, or
                // before it for a word written after its source ("Weber
                // zufolge").
                let sent = doc.toks[i].sent;
                let after = crate::lang::speech::speech(doc.lex.lang.code)
                    .according_after
                    .contains(&doc.toks[i].lower.as_str());
                let m = self.ents.mentions.iter().find(|m| {
                    (if after { m.te == i } else { m.ts >= i + len })
                        && doc.toks[m.ts].sent == sent
                        && speaks(doc, m)
                });
                // "según la portavoz de bomberos Ana Ruiz": the person named
                // after the description, lower-case words between.
                let m = m.map(|m| {
                    let named = m.nominal.then(|| {
                        self.ents.mentions.iter().find(|n| {
                            n.ts >= m.te
                                && n.ts <= m.te + 4
                                && !n.nominal
                                && n.kind == EntityKind::Person
                                && doc.toks[m.te..n.ts]
                                    .iter()
                                    .all(|t| t.kind == Kind::Word && !t.upper)
                        })
                    });
                    named.flatten().unwrap_or(m)
                });
                if let Some(m) = m {
                    return Some((
                        (m.ts, m.te),
                        (m.cluster != usize::MAX).then_some(m.cluster),
                        (i, i + len),
                    ));
                }
            }
        }
        None
    }
}

/// Finds quotes and resolves their speakers.
pub fn find(doc: &Doc, ents: &Entities) -> Vec<Found> {
    let toks = &doc.toks;
    let pairs = pair(doc);
    let mut inside = vec![false; toks.len()];
    for &(o, c, _) in &pairs {
        for x in inside.iter_mut().take(c.min(toks.len())).skip(o) {
            *x = true;
        }
    }
    // Sentence subjects, carried over pronoun subjects.
    let mut subjects: Vec<Option<usize>> = vec![None; doc.sents.len()];
    let mut ctx = Ctx {
        doc,
        ents,
        inside,
        subjects: Vec::new(),
    };
    {
        let mut mi = 0;
        let ms = &ents.mentions;
        for (si, r) in doc.sents.iter().enumerate() {
            while mi < ms.len() && ms[mi].ts < r.start {
                mi += 1;
            }
            let mut subj = None;
            // A pronoun before any mention carries the last subject.
            let subject_pronouns = crate::lang::speech::speech(doc.lex.lang.code).subject_pronouns;
            let first_pron = (r.start..r.end).find(|&i| {
                !ctx.inside[i]
                    && ctx.pronoun(i)
                    && subject_pronouns.contains(&toks[i].lower.as_str())
            });
            let mut k = mi;
            while k < ms.len() && ms[k].ts < r.end {
                let m = &ms[k];
                k += 1;
                if ctx.inside[m.ts] || m.cluster == usize::MAX || !speaks(doc, m) {
                    continue;
                }
                if ctx.after_prep(m.ts) {
                    continue;
                }
                // "… told the Kelvar Courier": the one told.
                let addressees = crate::lang::speech::speech(doc.lex.lang.code).addressee_cues;
                let told = (m.ts.saturating_sub(3).max(r.start)..m.ts).any(|k| {
                    addressees.contains(&toks[k].lower.as_str())
                        && toks[k + 1..m.ts]
                            .iter()
                            .all(|t| doc.lex.determiners.contains(t.lower.as_str()))
                });
                if told {
                    continue;
                }
                if first_pron.is_some_and(|p| p < m.ts) {
                    break;
                }
                subj = Some(m.cluster);
                break;
            }
            if subj.is_none() && first_pron.is_some() {
                subj = (0..si).rev().find_map(|s| subjects[s]);
            }
            subjects[si] = subj;
        }
    }
    ctx.subjects = subjects;
    let mut out: Vec<Found> = Vec::new();
    // Quotes followed in their sentence by a cue that introduces another
    // quote: that sentence's subject speaks the other one.
    let mut before_colon_cue: Vec<bool> = Vec::new();
    let mut headings: Vec<bool> = Vec::new();
    for &(o, c, marked) in &pairs {
        let cs = o + 1;
        let ce = c;
        if ce <= cs {
            continue;
        }
        let te = if marked { c + 1 } else { c };
        let mut f = Found {
            ts: o,
            te,
            cs,
            ce,
            direct: true,
            speaker_tok: None,
            cluster: None,
            cue: None,
            described: None,
        };
        let s_open = toks[o].sent as usize;
        let s_close = toks
            .get(te.saturating_sub(1))
            .map(|t| t.sent as usize)
            .unwrap_or(s_open);
        let close_range = doc.sents.get(s_close).cloned().unwrap_or(0..0);
        let open_range = doc.sents.get(s_open).cloned().unwrap_or(0..0);
        // "…” Ann Lee said: “…": a cue before a colon introduces the next
        // quote, not the one before it.
        let introduces = |k: usize| {
            toks.get(k + 1).is_some_and(|t| t.is_p(":"))
                || (k + 1..close_range.end.min(k + 4))
                    .any(|j| toks[j].is_p(":") && ctx.inside.get(j + 1) == Some(&true))
        };
        // "“… a fight.” Lee warned that …": after a quote closed by a full
        // stop, a cue opening a clause of its own starts a new sentence
        // about something else.
        let new_clause = |k: usize| ce > cs && toks[ce - 1].is_p(".") && ctx.is_that(k + 1);
        // 0. "Lee told the radio: “…”": a cue before a colon that opens the
        // quote is its own, whatever follows the quote.
        // "‘Entirely untrue’ Several residents told him …": a quote that
        // opens a sentence with no punctuation of its own, run into a
        // capitalised clause, is a heading, not the words of the clause's
        // subject.
        // Only words quoted elsewhere can say whose it is (a pull quote).
        let heading = marked
            && (toks[o].nl
                || o == open_range.start
                || o > 0 && matches!(toks[o - 1].lower.as_str(), "." | "!" | "?"))
            && ce > cs
            && toks[ce - 1].kind == Kind::Word
            && toks.get(te).is_some_and(|t| {
                t.kind == Kind::Word && t.upper && !doc.lex.cue_verbs.contains(t.lower.as_str())
            });
        let mut done = heading;
        if o > open_range.start && toks[o - 1].is_p(":") {
            if let Some((k, sp, cl)) = ctx.cue_back(o - 1, open_range.start, o) {
                (f.speaker_tok, f.cluster, f.cue) = (Some(sp), cl, Some((k, k + 1)));
                done = true;
            }
        }
        // 0b. "unfurling banners reading “…”": the words of a sign are its
        // carriers', whatever cue follows.
        if !done {
            if let Some((sp, cl)) = ctx.sign_holder(o, open_range.start) {
                (f.speaker_tok, f.cluster) = (Some(sp), cl);
                done = true;
            }
        }
        // 1. A cue right after the quote. After a full stop, a cue in the
        // next sentence counts only when that sentence ends right after it
        // ("“We won.” Lee said."): "Other leaders have called the cuts …"
        // is about something else.
        let full_stop_at = |k: usize| {
            ce > cs
                && toks[ce - 1].is_p(".")
                && toks[k].sent != toks[ce - 1].sent
                && doc
                    .sents
                    .get(toks[k].sent as usize)
                    .is_some_and(|r| r.end.saturating_sub(k) > 5)
        };
        let after_end = close_range.end.min(te + 10);
        // A question or an exclamation followed by a capitalised word of
        // the language's grammar ("“Who will help us?” Although Lee
        // said …", not "“Why?” Lee asked") ended its sentence: what
        // follows is another one.
        let question_ends = ce > cs
            && (toks[ce - 1].is_p("?") || toks[ce - 1].is_p("!"))
            && toks[te.min(toks.len())..]
                .iter()
                .take(2)
                .find(|t| !(t.kind == Kind::Punct && matches!(t.lower.as_str(), "'" | "`")))
                .is_some_and(|t| {
                    t.kind == Kind::Word
                        && t.upper
                        && doc.lex.function_words.contains(t.lower.as_str())
                });
        for k in te..after_end {
            if done || question_ends || ctx.inside[k] && k >= te {
                break;
            }
            if ctx.is_cue(k) {
                if introduces(k) || new_clause(k) || full_stop_at(k) {
                    break;
                }
                if let Some((sp, cl)) = ctx.speaker_for_cue(k, te, after_end) {
                    f.speaker_tok = Some(sp);
                    f.cluster = cl;
                    f.cue = Some((k, k + 1));
                    done = true;
                }
                break;
            }
        }
        // 1b. A quote that ends its sentence ("Is it over?" / "No!" / "We
        // won.") followed by a short sentence that only says who spoke
        // ("Mr. Lee said." / "said Ann Vell, 70."): that sentence's cue. A
        // full stop needs the cue sentence to end right after its cue.
        let last = toks.get(ce.wrapping_sub(1)).filter(|_| ce > cs);
        let ends = last
            .map(|t| t.lower.as_str())
            .filter(|w| matches!(*w, "?" | "!" | "."));
        if !done && close_range.end <= te {
            if let (Some(end_mark), Some(next)) = (ends, doc.sents.get(s_close + 1)) {
                let k = (next.start..next.end.min(next.start + 6))
                    .find(|&k| !ctx.inside[k] && ctx.is_cue(k));
                let short = |k: usize| end_mark != "." || next.end.saturating_sub(k) <= 5;
                if let Some(k) = k.filter(|&k| {
                    next.start <= te + 1
                        && !toks[next.start].nl
                        && short(k)
                        && !introduces(k)
                        && !new_clause(k)
                }) {
                    if let Some((sp, cl)) = ctx.speaker_for_cue(k, te.max(next.start), next.end) {
                        f.speaker_tok = Some(sp);
                        f.cluster = cl;
                        f.cue = Some((k, k + 1));
                        done = true;
                    }
                }
            }
        }
        // 2. A cue before it in the sentence.
        if !done {
            if let Some((k, sp, cl)) = ctx.cue_back(o, open_range.start, o) {
                (f.speaker_tok, f.cluster, f.cue) = (Some(sp), cl, Some((k, k + 1)));
                done = true;
            }
        }
        // 3. "according to".
        if !done {
            if let Some((sp, cl, cue)) = ctx.according(open_range.start, close_range.end) {
                f.speaker_tok = Some(sp);
                f.cluster = cl;
                f.cue = Some(cue);
                done = true;
            }
        }
        // 4. A cue later in the sentence (", he told AFP"); a quote closed
        // by a full stop ended its sentence, and a cue further on is about
        // something else.
        let full_stop = ce > cs && toks[ce - 1].is_p(".") || question_ends;
        if !done && !full_stop {
            for k in te..close_range.end {
                if ctx.is_cue(k) {
                    if introduces(k) || new_clause(k) {
                        break;
                    }
                    if let Some((sp, cl)) = ctx.speaker_for_cue(k, te, close_range.end) {
                        f.speaker_tok = Some(sp);
                        f.cluster = cl;
                        f.cue = Some((k, k + 1));
                        done = true;
                    }
                    break;
                }
            }
        }
        // 5. A cue set off by dashes inside the marks, the Spanish inciso:
        // «Terminaremos pronto —dijo Ruiz—, no hay duda».
        if !done {
            for d in cs..ce.saturating_sub(2) {
                let dash = toks[d].is_p("—") || toks[d].is_p("–");
                let c = d + 1;
                if !dash || !doc.lex.cue_verbs.contains(toks[c].lower.as_str()) {
                    continue;
                }
                let m = ents
                    .mentions
                    .iter()
                    .find(|m| m.ts > c && m.ts <= c + 3 && m.te <= ce && speaks(doc, m));
                if let Some(m) = m {
                    f.speaker_tok = Some((m.ts, m.te));
                    f.cluster = (m.cluster != usize::MAX).then_some(m.cluster);
                } else if ctx.pronoun(c + 1) {
                    f.speaker_tok = Some((c + 1, c + 2));
                    f.cluster = ctx.resolve_pronoun(c + 1);
                }
                f.cue = Some((c, c + 1));
                break;
            }
        }
        before_colon_cue.push((te..close_range.end).any(|k| ctx.is_cue(k) && introduces(k)));
        headings.push(heading);
        out.push(f);
    }
    // 5. Unattributed quotes: pull quotes repeating words quoted elsewhere,
    // then a quote opening its paragraph after a quote, then the subject.
    let contents: Vec<String> = out.iter().map(|f| slice_lower(doc, f.cs, f.ce)).collect();
    for qi in 0..out.len() {
        if out[qi].cluster.is_some() || out[qi].speaker_tok.is_some() {
            continue;
        }
        let me = &contents[qi];
        if me.len() >= 6 {
            let hit = (0..out.len()).find(|&k| {
                k != qi && out[k].cluster.is_some() && contents[k].contains(me.as_str())
            });
            if let Some(k) = hit {
                out[qi].cluster = out[k].cluster;
                out[qi].speaker_tok = out[k].speaker_tok;
                continue;
            }
        }
        // A heading shortens what it quotes ("We all ran" for "We all ran
        // outside. The roof …"): its words, in order, in a quote of the
        // article; nothing else says whose it is.
        if headings.get(qi).copied().unwrap_or(false) {
            let words = |s: &str| -> Vec<String> {
                s.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            let mine = words(me);
            let hit = (0..out.len()).find(|&k| {
                k != qi
                    && (out[k].cluster.is_some() || out[k].speaker_tok.is_some())
                    && !headings.get(k).copied().unwrap_or(false)
                    && {
                        let theirs = words(&contents[k]);
                        let mut it = theirs.iter();
                        mine.len() >= 2 && mine.iter().all(|w| it.any(|t| t == w))
                    }
            });
            if let Some(k) = hit {
                out[qi].cluster = out[k].cluster;
                out[qi].speaker_tok = out[k].speaker_tok;
            }
            continue;
        }
        let f = &out[qi];
        let opens_para = toks[f.ts].nl || f.ts == 0;
        if qi > 0 {
            let prev = &out[qi - 1];
            // The same speaker goes on when nobody else is named between
            // the two quotes ("...," Varga told reporters. "Every ...").
            let (a, b) = (prev.te.min(f.ts), f.ts);
            // Someone else between them: not a description in apposition
            // ("Lee, a navy spokesman, said"), which is the same speaker.
            // Nor the one told ("Lee told Radio Norte.") or the possessor
            // of the speaker's title ("Doe's lawyer Ann Lee said."): the
            // attribution names them, and they did not speak.
            let addressees = crate::lang::speech::speech(doc.lex.lang.code).addressee_cues;
            let told = |m: &crate::entity::Mention| {
                (m.ts.saturating_sub(8).max(a)..m.ts).any(|k| {
                    addressees.contains(&toks[k].lower.as_str())
                        && toks[k + 1..m.ts].iter().all(|t| {
                            t.kind == Kind::Word || matches!(t.lower.as_str(), "(" | ")" | "-")
                        })
                        && toks[k].sent == toks[m.ts].sent
                })
            };
            let possessor = |m: &crate::entity::Mention| {
                toks.get(m.te)
                    .is_some_and(|t| matches!(t.lower.as_str(), "'s" | "’s" | "'" | "’"))
            };
            // "said a port spokesman, Ivo Marten": the description the
            // speaker's name stands beside.
            let beside = |m: &crate::entity::Mention| {
                m.nominal
                    && toks.get(m.te).is_some_and(|t| t.is_p(","))
                    && ents
                        .mentions
                        .iter()
                        .any(|n| n.ts == m.te + 1 && Some(n.cluster) == prev.cluster)
            };
            let other = ents.mentions.iter().any(|m| {
                m.ts >= a
                    && m.ts < b
                    && !ctx.inside[m.ts]
                    && m.kind == EntityKind::Person
                    && !(m.nominal && m.ts > 0 && toks[m.ts - 1].is_p(","))
                    && Some(m.cluster) != prev.cluster
                    && !told(m)
                    && !possessor(m)
                    && !beside(m)
                    && !ctx.after_prep(m.ts)
            });
            let near = b - a < 60
                && toks[f.ts].sent <= toks[prev.te.saturating_sub(1).min(toks.len() - 1)].sent + 2;
            // A quote set inside a sentence of the story ("patrols since
            // May to “keep the lanes open”") is the sentence's, not a
            // continuation.
            let opens_sentence = f.ts == 0
                || toks[f.ts - 1].sent != toks[f.ts].sent
                || toks[f.ts - 1].kind == Kind::Punct && !toks[f.ts - 1].is_p(",")
                || ctx.inside[f.ts - 1];
            if prev.cluster.is_some() && (opens_para || near && !other && opens_sentence) {
                let (c, sp) = (prev.cluster, prev.speaker_tok);
                out[qi].cluster = c;
                out[qi].speaker_tok = sp;
                continue;
            }
        }
        // A short title-case quote ("Star Wars", "Mary Poppins") is a title,
        // not speech: nobody said it.
        let words: Vec<&Tok> = toks[out[qi].cs..out[qi].ce]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .collect();
        if words.len() <= 5 && words.iter().all(|t| t.upper) {
            continue;
        }
        let s = toks[out[qi].ts].sent as usize;
        if before_colon_cue.get(qi).copied().unwrap_or(false) {
            continue;
        }
        // A sign whose carriers went unnamed: nobody in the sentence
        // wrote it.
        let lo = doc.sents.get(s).map_or(0, |r| r.start);
        if ctx.sign_before(out[qi].ts, lo).is_some() {
            continue;
        }
        // "…, a ministry statement said. “On sighting …”": a quote that
        // opens a sentence right after reported speech ending in its
        // attribution goes on with that speaker, unless a cue of its own
        // follows it ("“…,” he was quoted as saying").
        let ts = out[qi].ts;
        let own_cue = doc
            .sents
            .get(toks[out[qi].te.saturating_sub(1)].sent as usize)
            .is_some_and(|r| (out[qi].te..r.end.min(out[qi].te + 6)).any(|k| ctx.is_cue(k)));
        let after_reported = (ts > 0 && !own_cue && !ctx.inside[ts - 1] && toks[ts - 1].is_p("."))
            .then(|| doc.sents.get(toks[ts - 1].sent as usize).cloned())
            .flatten()
            .filter(|r| r.end == ts || r.end == ts + 1 && toks[ts].sent != toks[ts - 1].sent)
            .and_then(|r| {
                let k = (r.end.saturating_sub(8).max(r.start)..r.end)
                    .rev()
                    .find(|&k| ctx.is_cue(k) && is_reporting(&toks[k].lower))?;
                ctx.speaker_for_cue(k, r.start, r.end)
            });
        if let Some((sp, cl)) = after_reported {
            out[qi].speaker_tok = Some(sp);
            out[qi].cluster = cl;
            continue;
        }
        if let Some(c) = ctx.subjects.get(s).copied().flatten() {
            out[qi].cluster = Some(c);
        }
    }
    // "…, but Lee said that 12 people died": a clause of its own, after a
    // comma and a contrasting conjunction, reports its own speaker's words.
    let contrast = crate::lang::speech::speech(doc.lex.lang.code).contrast;
    let second_clause = |from: usize, r: &std::ops::Range<usize>| -> Option<(usize, Found)> {
        let p = (from..r.end.saturating_sub(3)).find(|&p| {
            toks[p].is_p(",") && !ctx.inside[p] && contrast.contains(&toks[p + 1].lower.as_str())
        })?;
        // The speaker may carry an apposition: "but Lee, the mayor, said".
        let k = (p + 2..r.end.min(p + 18))
            .take_while(|&k| !ctx.inside[k])
            .find(|&k| ctx.is_cue(k) && is_reporting(&toks[k].lower))?;
        let (sp, cl) = ctx.speaker_for_cue(k, p + 2, r.end)?;
        let mut cs = k + 1;
        if ctx.is_that(cs) {
            cs += 1;
        }
        (r.end > cs + 1).then_some((
            p,
            Found {
                ts: p + 2,
                te: r.end,
                cs,
                ce: r.end,
                direct: false,
                speaker_tok: Some(sp),
                cluster: cl,
                cue: Some((k, k + 1)),
                described: None,
            },
        ))
    };
    // "…, which said the “reckless” raids raise the risk of war":
    // a clause of reported speech that quotes a few of its words; the
    // clause is the speaker's as much as the words marked in it.
    let fragment_clause = |r: &std::ops::Range<usize>, last_inside: usize| -> Option<Found> {
        let first_inside = (r.start..r.end).find(|&i| ctx.inside[i])?;
        // The cue right before the first mark: "said the “…”", "said
        // that “…”".
        let k = (first_inside.saturating_sub(4).max(r.start)..first_inside)
            .rev()
            .find(|&k| ctx.is_cue(k) && is_reporting(&toks[k].lower))?;
        // "were accused of acting “…”": a passive reports nothing.
        if k > r.start && doc.lex.is("passive_aux", &toks[k - 1].lower) {
            return None;
        }
        if !toks
            .get(k + 1..first_inside)
            .is_some_and(|between| between.iter().all(|t| t.kind == Kind::Word))
        {
            return None;
        }
        // Every quote of the sentence a fragment, the clause going on
        // after the last one.
        let fragments = pairs
            .iter()
            .filter(|(o, _, _)| (r.start..r.end).contains(o))
            .all(|&(o, c, _)| {
                toks[o + 1..c.min(toks.len())]
                    .iter()
                    .filter(|t| t.kind == Kind::Word)
                    .count()
                    <= 6
            });
        let after = toks[(last_inside + 2).min(r.end)..r.end]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .count();
        if !fragments || after < 3 {
            return None;
        }
        let (sp, cl) = ctx.speaker_for_cue(k, r.start, r.end)?;
        let mut cs = k + 1;
        if ctx.is_that(cs) {
            cs += 1;
        }
        Some(Found {
            ts: k,
            te: r.end,
            cs,
            ce: r.end,
            direct: false,
            speaker_tok: Some(sp),
            cluster: cl,
            cue: Some((k, k + 1)),
            described: None,
        })
    };
    // Indirect speech: a cue in a sentence without marks.
    for r in doc.sents.iter() {
        // In a sentence with quotation marks, only a cue after the last
        // quote that introduces a clause (", warning that ...") counts.
        let last_inside = (r.start..r.end).rev().find(|&i| ctx.inside[i]);
        let mut cue = None;
        for k in last_inside.map_or(r.start, |x| x + 1)..r.end {
            let clause = ctx.is_that(k + 1);
            // "After the envoy was announced, Lee accused …": a passive
            // cue reports nothing its subject said.
            // ("is claiming" is the subject's own words).
            let progressive = toks[k].lower.ends_with("ing") || toks[k].lower.ends_with("ndo");
            let passive =
                k > r.start && !progressive && doc.lex.is("passive_aux", &toks[k - 1].lower);
            if ctx.is_cue(k)
                && is_reporting(&toks[k].lower)
                && !passive
                && (last_inside.is_none() || clause)
            {
                cue = Some(k);
                break;
            }
        }
        if last_inside.is_some() && cue.is_none() {
            if let Some((_, f)) = last_inside.and_then(|x| second_clause(x + 1, r)) {
                out.push(f);
            } else if let Some(f) = last_inside.and_then(|x| fragment_clause(r, x)) {
                out.push(f);
            }
            continue;
        }
        let (sp, cl, cue_r) = match cue {
            // "officials said": reported speech by nobody in particular.
            Some(k) => match ctx.speaker_for_cue(k, r.start, r.end) {
                Some((sp, cl)) => (Some(sp), cl, (k, k + 1)),
                None => (None, None, (k, k + 1)),
            },
            None => match ctx.according(r.start, r.end) {
                Some((sp, cl, cue)) => (Some(sp), cl, cue),
                None => continue,
            },
        };
        let mut cs = cue_r.1;
        let mut ce = r.end;
        // "a déclaré mardi que", "sagte, dass", "ha spiegato all'agenzia
        // che": what was said begins after the conjunction a few words on.
        let that = (cs..r.end.min(cs + 6))
            .take_while(|&k| toks[k].kind != Kind::Punct || k == cs && toks[k].is_p(","))
            .find(|&k| ctx.is_that(k));
        if let Some(k) = that {
            cs = k + 1;
        } else if let Some(comma) = (r.start..cue_r.0).rev().find(|&i| toks[i].is_p(",")) {
            // "Rescuers found 14 bodies, officials said on Monday": what
            // was said comes before the comma.
            // The cue and its speaker close the sentence (", says the
            // Courier's Ivo Marten."), however long the speaker's name.
            let speaker_at_end =
                sp.is_some_and(|(a, b)| a >= cue_r.1 && r.end.saturating_sub(b) <= 2);
            let cue_at_end =
                (r.end.saturating_sub(cue_r.1) <= 5 || speaker_at_end) && cue_r.0 - comma <= 5;
            if last_inside.is_none() && comma > r.start && cue_at_end {
                cs = r.start;
                ce = comma;
            }
        }
        // "sagte, die Lage sei …": the comma after the cue opens what
        // was said.
        if toks.get(cs).is_some_and(|t| t.is_p(",")) && cs + 1 < ce {
            cs += 1;
        }
        // "“No!” Ann Vell, 70, told the radio.": a sentence that only says
        // who spoke reports nothing of its own.
        let said = (cs.min(ce)..ce)
            .filter(|&i| toks[i].kind == Kind::Word && !sp.is_some_and(|(a, b)| a <= i && i < b))
            .count();
        if said < 2 {
            continue;
        }
        // What the first speaker said ends where the second one's clause
        // begins.
        let second = second_clause(cue_r.1, r).filter(|(p, _)| *p > cs);
        out.push(Found {
            ts: if last_inside.is_some() {
                cue_r.0
            } else {
                r.start
            },
            te: r.end,
            cs: cs.min(ce),
            ce: second.as_ref().map_or(ce, |(p, _)| ce.min(*p)),
            direct: false,
            speaker_tok: sp,
            cluster: cl,
            cue: Some(cue_r),
            described: None,
        });
        if let Some((_, f)) = second {
            out.push(f);
        }
    }
    for f in out.iter_mut() {
        if let Some(c) = f.speaker_tok.and_then(|(a, b)| ctx.the_one_with_role(a, b)) {
            f.cluster = Some(c);
        }
    }
    for f in out.iter_mut() {
        f.described = f
            .speaker_tok
            .and_then(|sp| described(doc, ents, sp, f.cluster));
    }
    out.sort_by_key(|f| f.ts);
    out
}

/// A speaker known only by a description ("a spokesperson") followed by
/// the organisation it speaks for ("for Norvex", "of the ministry",
/// "de la empresa Aldana"): the tokens of both, which name the speaker
/// better than the description alone.
fn described(
    doc: &Doc,
    ents: &Entities,
    (a, b): (usize, usize),
    cluster: Option<usize>,
) -> Option<(usize, usize)> {
    let toks = &doc.toks;
    // An unnamed group ("demonstrators"): its description, as written.
    if cluster.is_none()
        && !toks[a..b]
            .iter()
            .any(|t| doc.lex.pronouns.contains(t.lower.as_str()))
        && toks[a..b]
            .iter()
            .all(|t| matches!(t.kind, Kind::Word | Kind::Num) || t.is_p("-"))
        && (toks[a..b].iter().all(|t| !t.upper || doc.initial(a))
            || toks.get(b.wrapping_sub(1)).is_some_and(|t| !t.upper) && b > a
            // "the spokesman of the company Aldana": a common noun heads it.
            || toks[a..b]
                .iter()
                .find(|t| !doc.lex.determiners.contains(t.lower.as_str()))
                .is_some_and(|t| !t.upper))
    {
        return Some((a, b));
    }
    let unnamed = cluster
        .and_then(|c| ents.clusters.get(c))
        .is_none_or(|c| !c.named);
    let nominal = ents
        .mentions
        .iter()
        .any(|m| m.ts == a && m.te == b && m.nominal && m.kind == EntityKind::Person);
    if !unnamed || !nominal {
        return None;
    }
    let prep = toks.get(b)?;
    if !matches!(
        prep.lower.as_str(),
        "for" | "of" | "at" | "with" | "from" | "de" | "del"
    ) {
        return None;
    }
    // "for Norvex", "of the ministry", "de la empresa Aldana".
    let mut k = b + 1;
    while toks
        .get(k)
        .is_some_and(|t| doc.lex.determiners.contains(t.lower.as_str()))
    {
        k += 1;
    }
    // After "the company", whatever the name was taken for is its name.
    let common = toks
        .get(k)
        .is_some_and(|t| !t.upper && doc.lex.org_nominals.contains(t.lower.as_str()));
    if common {
        k += 1;
    }
    // A name after an article is no one's own name ("for the Kelvar
    // Project", however it was typed): a body someone speaks for.
    let article = |m: &crate::entity::Mention| {
        m.ts > b + 1 && doc.lex.determiners.contains(toks[m.ts - 1].lower.as_str())
    };
    let org = ents
        .mentions
        .iter()
        .filter(|m| {
            m.ts > b
                && m.ts <= k
                && (matches!(m.kind, EntityKind::Org | EntityKind::Gpe)
                    || common && m.ts == k
                    || m.kind == EntityKind::Person && !m.nominal && article(m))
        })
        .max_by_key(|m| m.te)?;
    Some((a, org.te))
}

/// Verbs that report speech without marks (a subset of the cues: "read"
/// or "called" need quotation marks to be speech).
fn is_reporting(w: &str) -> bool {
    !matches!(
        w,
        "read"
            | "reads"
            | "called"
            | "calling"
            | "described"
            | "describing"
            | "posted"
            | "labeled"
            | "labelled"
            | "welcomed"
            | "thanked"
            | "continued"
            | "estimated"
            | "estimates"
            | "observed"
            | "pointed"
            | "calificó"
            | "describió"
            | "publicó"
            | "agradeció"
            | "estimó"
            | "shouted"
            | "shouting"
            | "chanted"
            | "chanting"
            | "screamed"
            | "screaming"
            | "yelled"
            | "cried"
            | "demand"
            | "demands"
            | "chant"
            | "chants"
            | "shout"
            | "shouts"
    )
}

fn slice_lower(doc: &Doc, a: usize, b: usize) -> String {
    match (doc.toks.get(a), doc.toks.get(b.saturating_sub(1))) {
        (Some(x), Some(y)) if x.s <= y.e => {
            crate::entity::fold(doc.text.get(x.s..y.e).unwrap_or(""))
                .trim_end_matches(['.', ',', '!', '?'])
                .to_string()
        }
        _ => String::new(),
    }
}
