//! Entities and their within-article alias chains.
//!
//! Two steps meet through the [`Recognizer`] trait:
//!
//! 1. *Recognition* finds proper-name mentions and guesses their kind. The
//!    built-in [`RuleRecognizer`] reads capitalization (with sentence-start
//!    and headline handling), honorifics and role nouns, org / facility /
//!    law heads, and the country, demonym and capital tables. A statistical
//!    recognizer can replace it behind a cargo feature without touching the
//!    rest.
//! 2. *Resolution* ([`resolve`]) adds descriptive mentions ("the official",
//!    "its president", "the prison", "the Chilean government") and walks
//!    the article in reading order, joining every mention to a cluster: full
//!    name, surname alone, role attached to the person, appositives,
//!    acronyms in parentheses, and the most recent compatible antecedent for
//!    descriptions. Capitals used as actors ("Washington said") are kept
//!    apart from the place as government metonyms.

use crate::lang::HashMap;
use crate::token::Kind;
use crate::Doc;
use crosswire_model::EntityKind;

/// A proper-name candidate produced by a recognizer.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// First token.
    pub ts: usize,
    /// End token (exclusive).
    pub te: usize,
    /// First token of the name itself, after any role or title prefix.
    pub name_ts: usize,
    /// The kind, when the recognizer knows it; `None` leaves the decision
    /// to document-level consistency in [`resolve`].
    pub kind: Option<EntityKind>,
    /// Country index (see `lang::world`) named or implied in the mention.
    pub country: Option<u16>,
    /// Role words before the name ("Transport Secretary").
    pub role: Option<(usize, usize)>,
    /// True when the mention is a role without a name.
    pub role_only: bool,
}

/// A recognizer of proper-name mentions: the seam where a model-based
/// recognizer can be plugged in later.
pub trait Recognizer {
    /// Proper-name candidates in token order.
    fn recognize(&self, doc: &Doc) -> Vec<Candidate>;
}

/// The built-in rule-based recognizer.
#[derive(Debug, Default, Clone, Copy)]
pub struct RuleRecognizer;

/// One resolved mention.
#[derive(Debug, Clone)]
pub struct Mention {
    /// First token.
    pub ts: usize,
    /// End token (exclusive).
    pub te: usize,
    /// Kind.
    pub kind: EntityKind,
    /// Cluster index.
    pub cluster: usize,
    /// A description rather than a name.
    pub nominal: bool,
    /// The title written with this mention ("Transport Secretary",
    /// "the official"), when there is one.
    pub role: Option<String>,
}

/// One alias chain.
#[derive(Debug, Clone, Default)]
pub struct Cluster {
    /// Kind.
    pub kind: Option<EntityKind>,
    /// Longest proper name, or the first description for unnamed ones.
    pub canonical: String,
    /// True once a proper name was seen.
    pub named: bool,
    /// Folded name tokens of every proper name.
    pub names: Vec<Vec<String>>,
    /// Folded role words.
    pub role_words: Vec<String>,
    /// The role text as written.
    pub role: Option<String>,
    /// Country.
    pub country: Option<u16>,
    /// Head word of organizations and facilities ("embassy", "government").
    pub head: Option<String>,
    /// Person anchor of a government ("Varga administration").
    pub anchor_person: Option<usize>,
    /// True for countries (not regions or cities).
    pub is_country: bool,
}

/// The result of entity analysis.
#[derive(Debug, Default)]
pub struct Entities {
    /// Mentions in token order.
    pub mentions: Vec<Mention>,
    /// Clusters.
    pub clusters: Vec<Cluster>,
}

impl Entities {
    /// The mention covering token `i`, preferring the longest.
    pub fn at(&self, i: usize) -> Option<&Mention> {
        self.mentions
            .iter()
            .filter(|m| m.ts <= i && i < m.te)
            .max_by_key(|m| m.te - m.ts)
    }
    /// The most recent person mention ending before token `i`.
    pub fn last_person_before(&self, i: usize, min: usize) -> Option<&Mention> {
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.te <= i && m.ts >= min)
            .find(|m| self.clusters.get(m.cluster).and_then(|c| c.kind) == Some(EntityKind::Person))
    }
}

/// Lower case without accents, for matching names written either way.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for l in c.to_lowercase() {
            out.push(match l {
                'á' | 'à' | 'ä' | 'â' | 'ã' => 'a',
                'é' | 'è' | 'ë' | 'ê' => 'e',
                'í' | 'ì' | 'ï' | 'î' => 'i',
                'ó' | 'ò' | 'ö' | 'ô' | 'õ' => 'o',
                'ú' | 'ù' | 'ü' | 'û' => 'u',
                'ñ' => 'n',
                'ç' => 'c',
                '’' => '\'',
                x => x,
            });
        }
    }
    out
}

fn is_possessive(t: &crate::token::Tok) -> bool {
    t.kind == Kind::Word && (t.lower == "’s" || t.lower == "'s")
}

fn is_open_quote(t: &crate::token::Tok) -> bool {
    t.kind == Kind::Punct && (t.lower == "-" && t.sp)
        || t.kind == Kind::Punct
            && matches!(
                t.lower.as_str(),
                "“" | "\"" | "«" | "‘" | "'" | "„" | "(" | "[" | ":" | "—" | "–"
            )
}

impl Doc<'_> {
    /// True for the first word of a sentence, or the first word after an
    /// opening quote, bracket, colon or dash: capitals there say nothing.
    pub fn initial(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.nl {
            return true;
        }
        if i == 0 {
            return true;
        }
        let p = &self.toks[i - 1];
        if p.sent != t.sent {
            return true;
        }
        if is_open_quote(p) {
            return true;
        }
        let Some(r) = self.sents.get(t.sent as usize) else {
            return true;
        };
        self.toks[r.start..i].iter().all(|x| x.kind == Kind::Punct)
    }

    /// Country matched at token `i`: country index and length in tokens.
    pub fn country_at(&self, i: usize) -> Option<(u16, usize)> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Word {
            return None;
        }
        // Codes are case-sensitive: "US" is a country, "us" a pronoun.
        if !t.upper {
            return None;
        }
        let raw = self.text.get(t.s..t.e)?;
        if let Some(&ci) = self.lex.country_codes.get(raw) {
            return Some((ci, 1));
        }
        self.lex
            .countries
            .longest_at(&self.toks, i)
            .map(|(len, ci)| (ci, len))
    }

    /// Lower-case words from `i`, at most `n`.
    pub fn words(&self, i: usize, n: usize) -> Vec<&str> {
        self.toks[i.min(self.toks.len())..(i + n).min(self.toks.len())]
            .iter()
            .map(|t| t.lower.as_str())
            .collect()
    }
}

impl Recognizer for RuleRecognizer {
    fn recognize(&self, doc: &Doc) -> Vec<Candidate> {
        let toks = &doc.toks;
        let lex = doc.lex;
        let n = toks.len();
        // Initials of the article's multi-word names ("World Health
        // Organization" -> "who"): an acronym equal to a common word
        // ("WHO", "IT") is still a name when the article spells it out.
        let mut initials_seen: crate::lang::HashSet<String> = Default::default();
        {
            let mut run = String::new();
            for t in toks.iter() {
                if t.kind == Kind::Word && t.upper && !t.caps {
                    run.extend(t.lower.chars().next());
                } else if !(t.kind == Kind::Word && lex.name_connectors.contains(t.lower.as_str()))
                {
                    if run.chars().count() >= 2 {
                        initials_seen.insert(std::mem::take(&mut run));
                    }
                    run.clear();
                }
            }
        }
        let common_noun = |i: usize| common_noun_at(doc, i);
        let cap = |i: usize| -> bool {
            let Some(t) = toks.get(i) else { return false };
            if t.kind != Kind::Word || !t.upper || is_possessive(t) || common_noun(i) {
                return false;
            }
            // "I", "I’m", "It’s": pronouns and contractions are never names.
            if lex.function_words.contains(t.lower.as_str())
                && (t.lower.chars().count() == 1 || t.lower.contains(['’', '\'']))
            {
                return false;
            }
            // Weekdays and month names are dates, not names.
            if lex.weekdays.contains_key(t.lower.as_str())
                || lex.months.contains_key(t.lower.as_str())
            {
                return false;
            }
            // Shouted words ("LEAVE NOW") and headline capitals are names
            // only when the article never writes them in lower case.
            if t.caps && (doc.seen_lower(&t.lower) || lex.function_words.contains(t.lower.as_str()))
            {
                return doc.country_at(i).is_some() || initials_seen.contains(t.lower.as_str());
            }
            // Headlines may capitalize every word: there a word is a name
            // when the body capitalizes it mid-sentence too.
            if doc.head[i] && !t.caps {
                return doc.seen_upper_mid(&t.lower)
                    || doc.country_at(i).is_some()
                    || lex.demonyms.contains_key(t.lower.as_str());
            }
            true
        };
        let connector_ok = |j: usize| -> usize {
            // Returns how many connector tokens can be crossed at j.
            let Some(t) = toks.get(j) else { return 0 };
            if t.kind != Kind::Word || t.upper || !lex.name_connectors.contains(t.lower.as_str()) {
                return 0;
            }
            let prev = &toks[j - 1];
            if t.lower == "and" || t.lower == "y" {
                // "Justice and Security" but not "Varga and I".
                let ok = lex.portfolios.contains(prev.lower.as_str())
                    && toks
                        .get(j + 1)
                        .is_some_and(|x| lex.portfolios.contains(x.lower.as_str()) && x.upper);
                return usize::from(ok);
            }
            if t.lower == "the" {
                return 0;
            }
            // "of the Vice President", "de la Cruz"
            let mut k = j + 1;
            if toks.get(k).is_some_and(|x| {
                !x.upper && matches!(x.lower.as_str(), "the" | "la" | "el" | "los" | "las")
            }) {
                k += 1;
            }
            if cap(k) && toks[k].sent == t.sent {
                k - j
            } else {
                0
            }
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            if !cap(i) {
                i += 1;
                continue;
            }
            let start = i;
            let mut j = i + 1;
            loop {
                if j >= n || toks[j].sent != toks[start].sent {
                    break;
                }
                let t = &toks[j];
                if cap(j) && t.sp {
                    j += 1;
                } else if t.is_p("-")
                    && !t.sp
                    && toks.get(j + 1).is_some_and(|x| !x.sp)
                    && cap(j + 1)
                {
                    j += 2;
                } else if t.kind == Kind::Word
                    && t.sp
                    && !t.upper
                    && (t.lower == "in" || t.lower == "en")
                    && lex.org_words.contains(toks[j - 1].lower.as_str())
                    && doc.country_at(j + 1).is_some()
                {
                    // "Embassy in Norway"
                    let len = doc.country_at(j + 1).map(|x| x.1).unwrap_or(1);
                    j += 1 + len;
                } else {
                    let c = connector_ok(j);
                    if c > 0 {
                        j += c;
                    } else {
                        break;
                    }
                }
            }
            // "Hollywood-style": a capitalized word glued to a lower-case
            // one is an adjective, not a name.
            if toks.get(j).is_some_and(|t| t.is_p("-") && !t.sp)
                && toks.get(j + 1).is_some_and(|x| !x.upper && !x.sp)
            {
                i = j + 2;
                continue;
            }
            let mut s = start;
            // Sentence-initial common words ("After", "The") are not names.
            while s < j && doc.initial(s) {
                let t = &toks[s];
                if doc.country_at(s).is_some() || lex.known_orgs.longest_at(toks, s).is_some() {
                    break;
                }
                // "Transport Secretary Jane Doe": a title word opening a
                // longer name stays.
                let title = (j - s > 1 || lex.demonyms.contains_key(t.lower.as_str()))
                    && (lex.demonyms.contains_key(t.lower.as_str())
                        || lex.portfolios.contains(t.lower.as_str())
                        || lex.roles.contains(t.lower.as_str())
                        || lex.honorifics.contains(t.lower.as_str()))
                    && !lex.function_words.contains(t.lower.as_str());
                if title {
                    break;
                }
                let common = lex.function_words.contains(t.lower.as_str())
                    || doc.seen_lower(&t.lower)
                    || lex.determiners.contains(t.lower.as_str());
                let next_cue = toks
                    .get(j)
                    .is_some_and(|x| lex.cue_verbs.contains(x.lower.as_str()));
                let lone_unknown = j - s == 1
                    && !next_cue
                    && !doc.seen_upper_mid(&t.lower)
                    && !t.caps
                    && !lex.honorifics.contains(t.lower.as_str());
                // "Getting Disney to...": an opening gerund is no name.
                let gerund = lex.lang.code == "en"
                    && t.lower.ends_with("ing")
                    && !doc.seen_upper_mid(&t.lower);
                if common || lone_unknown || gerund {
                    s += 1;
                    // Skip connectors left dangling at the front.
                    while s < j && !toks[s].upper {
                        s += 1;
                    }
                } else {
                    break;
                }
            }
            if s < j {
                let before = out.len();
                classify(doc, s, j, &mut out);
                // A country leading a longer name ("US President Donald
                // Varga", "US Embassy") is also a mention of the country.
                if out.len() == before + 1 {
                    if let Some((ci, len)) = doc.country_at(s) {
                        let outer = &out[before];
                        if len < j - s && outer.kind != Some(EntityKind::Gpe) {
                            out.push(Candidate {
                                ts: s,
                                te: s + len,
                                name_ts: s,
                                kind: Some(EntityKind::Gpe),
                                country: Some(ci),
                                role: None,
                                role_only: false,
                            });
                        }
                    }
                }
            }
            i = j.max(i + 1);
        }
        out
    }
}

/// In a language that capitalises every noun, whether the capitalised word
/// at `i` is a common noun: one after an article or a quantifier ("die
/// Polizei", "viele Menschen"), after a number ("150 Migranten"), after an
/// inflected adjective that follows either ("die deutschen Behörden"), or
/// a lone word with a common noun's ending ("Regierung"). A place or body
/// the gazetteer knows stays a name ("die Schweiz"), and so does a
/// capitalised adjective opening a longer name ("die Vereinten Nationen").
fn common_noun_at(doc: &Doc, i: usize) -> bool {
    let lex = doc.lex;
    let (markers, endings) = (lex.lang.noun_markers, lex.lang.common_noun_endings);
    let toks = &doc.toks;
    let Some(t) = toks.get(i) else { return false };
    if markers.is_empty()
        || doc.country_at(i).is_some()
        || lex.known_orgs.longest_at(toks, i).is_some()
        || lex.capitals.longest_at(toks, i).is_some()
        || lex.demonyms.contains_key(t.lower.as_str())
    {
        return false;
    }
    let at = |k: Option<usize>| k.and_then(|k| toks.get(k)).filter(|x| x.sent == t.sent);
    let marks = |x: &crate::token::Tok| {
        x.kind == Kind::Num
            || markers.contains(&x.lower.as_str())
            || lex.number_words.contains_key(x.lower.as_str())
    };
    let word_upper = |x: &crate::token::Tok| x.kind == Kind::Word && x.upper;
    let prev = at(i.checked_sub(1));
    let next = at(Some(i + 1));
    let after_marker = prev.is_some_and(marks);
    let after_adjective = prev.is_some_and(|p| p.kind == Kind::Word && !p.upper)
        && at(i.checked_sub(2)).is_some_and(marks);
    if after_marker || after_adjective {
        let adjective = ["e", "en", "er", "es", "em"]
            .iter()
            .any(|e| t.lower.ends_with(e));
        return !(adjective && next.is_some_and(word_upper));
    }
    let lone = !prev.is_some_and(word_upper) && !next.is_some_and(word_upper);
    lone && endings
        .iter()
        .any(|e| t.lower.len() > e.len() + 2 && t.lower.ends_with(e))
}

fn classify(doc: &Doc, s: usize, e: usize, out: &mut Vec<Candidate>) {
    let toks = &doc.toks;
    let lex = doc.lex;
    let words: Vec<&str> = toks[s..e].iter().map(|t| t.lower.as_str()).collect();
    let cand = |kind: Option<EntityKind>| Candidate {
        ts: s,
        te: e,
        name_ts: s,
        kind,
        country: None,
        role: None,
        role_only: false,
    };
    // Whole run is a country or region.
    if let Some((ci, len)) = doc.country_at(s) {
        if len == e - s {
            let mut c = cand(Some(EntityKind::Gpe));
            c.country = Some(ci);
            out.push(c);
            return;
        }
    }
    if let Some((len, _)) = lex.known_orgs.longest(&words) {
        if len == e - s {
            out.push(cand(Some(EntityKind::Org)));
            return;
        }
    }
    if let Some((len, ci)) = lex.capitals.longest(&words) {
        if len == e - s {
            let mut c = cand(Some(EntityKind::Gpe));
            c.country = Some(ci);
            out.push(c);
            return;
        }
    }
    // Leading country or demonym: "US Embassy", "Chilean President".
    let mut country = None;
    let mut k = s;
    if let Some((ci, len)) = doc.country_at(s) {
        country = Some(ci);
        // A country name may run past the capitalized run ("the United
        // States" cut after "United" by a line break).
        k = (s + len).min(e);
    } else if let Some(&ci) = lex.demonyms.get(words[0]) {
        country = Some(ci);
        k = s + 1;
    }
    // Multi-word demonyms: "Central American", "South African".
    if e - s == 2 {
        let joined = format!("{} {}", words[0], words[1]);
        if let Some(&ci) = lex.demonyms.get(joined.as_str()) {
            let mut c = cand(Some(EntityKind::Group));
            c.country = Some(ci);
            out.push(c);
            return;
        }
    }
    if e - s == 1 {
        if let Some(&ci) = lex.demonyms.get(words[0]) {
            let mut c = cand(Some(EntityKind::Group));
            c.country = Some(ci);
            out.push(c);
            return;
        }
    }
    let is_role = |w: &str| lex.roles.contains(w) || lex.honorifics.contains(w);
    let is_title_word = |i: usize| {
        let w = toks[i].lower.as_str();
        is_role(w)
            || lex.portfolios.contains(w)
            || lex.name_connectors.contains(w)
            || doc.country_at(i).is_some()
            || lex.demonyms.contains_key(w)
            || (w == "-")
    };
    let first_head = words[k - s..].first().copied().unwrap_or("");
    let last = *words.last().unwrap_or(&"");
    let has_role = (k..e).any(|i| is_role(toks[i].lower.as_str()));
    let org_first = lex.org_words.contains(first_head) && !is_role(first_head);
    // Organizations named by their head ("Office of the Vice President").
    if org_first && (!has_role || lex.org_words.contains(words[0])) {
        let mut c = cand(Some(EntityKind::Org));
        c.country = country;
        out.push(c);
        return;
    }
    if has_role {
        // Name = the tail after the last title word.
        let mut t = e;
        while t > k && !is_title_word(t - 1) {
            t -= 1;
        }
        let tail = e - t;
        if tail > 0
            && tail <= 4
            && !lex.org_words.contains(last)
            && !lex.facility_words.contains(last)
        {
            let mut c = cand(Some(EntityKind::Person));
            c.name_ts = t;
            c.country = country;
            if t > s {
                c.role = Some((s, t));
            }
            out.push(c);
            return;
        }
        if tail == 0 && !lex.org_words.contains(last) {
            let mut c = cand(Some(EntityKind::Person));
            c.role_only = true;
            c.role = Some((s, e));
            c.country = country;
            out.push(c);
            return;
        }
    }
    if lex.facility_words.contains(last) && e - s > 1 {
        let mut c = cand(Some(EntityKind::Facility));
        c.country = country;
        out.push(c);
        return;
    }
    if lex.law_words.contains(last) && e - s > 1 {
        out.push(cand(Some(EntityKind::Law)));
        return;
    }
    if words.iter().any(|w| lex.org_words.contains(w)) {
        let mut c = cand(Some(EntityKind::Org));
        c.country = country;
        out.push(c);
        return;
    }
    // Group by context: "the gang Red Hand", "the Red Hand gang".
    let prev = if s > 0 {
        toks[s - 1].lower.as_str()
    } else {
        ""
    };
    let next = toks.get(e).map(|t| t.lower.as_str()).unwrap_or("");
    // "the Red Hand criminal gang": one adjective may come between.
    let next2 = toks
        .get(e + 1)
        .filter(|_| {
            toks.get(e)
                .is_some_and(|t| t.kind == Kind::Word && !t.upper)
        })
        .map(|t| t.lower.as_str())
        .unwrap_or("");
    if lex.group_words.contains(prev)
        || lex.group_words.contains(next)
        || lex.group_words.contains(next2)
    {
        out.push(cand(Some(EntityKind::Group)));
        return;
    }
    // "Harlow county", "Mendre state": the division written after the name
    // says it is a place.
    if lex.place_kinds_after.contains(next) {
        out.push(cand(Some(EntityKind::Gpe)));
        return;
    }
    // "the shelling of Varno", "el ataque contra Orlin": the place struck.
    let struck = s >= 2
        && lex
            .strike_on
            .contains(format!("{} {}", toks[s - 2].lower, prev).as_str());
    if struck && !toks[s..e].iter().any(|t| t.caps) {
        out.push(cand(Some(EntityKind::Gpe)));
        return;
    }
    if e - s == 1 {
        let t = &toks[s];
        // "in northern Valdoria": a compass adjective between.
        let compass = matches!(
            prev,
            "northern" | "southern" | "eastern" | "western" | "central"
        ) && s >= 2
            && lex.locative.contains(toks[s - 2].lower.as_str());
        let kind = if (lex.locative.contains(prev) || compass) && !t.caps {
            Some(EntityKind::Gpe)
        } else if t.caps || t.e - t.s == 1 {
            Some(EntityKind::Org)
        } else if lex.person_nouns.contains(prev) || lex.honorifics.contains(prev) {
            Some(EntityKind::Person)
        } else {
            None
        };
        out.push(cand(kind));
        return;
    }
    // Multi-word names: people unless connectors or acronyms say otherwise.
    let has_conn = words.iter().any(|w| lex.name_connectors.contains(w));
    // A generation after a name ("Tom Reyes III") is no acronym.
    let has_caps = toks[s..e]
        .iter()
        .any(|t| t.caps && !crate::GENERATIONS.contains(&t.lower.as_str()));
    // "María del Carmen Rivas dijo": a speaker is a person, connectors or not.
    let speaks = toks
        .get(e)
        .is_some_and(|t| lex.cue_verbs.contains(t.lower.as_str()))
        || lex.person_nouns.contains(prev)
        || lex.honorifics.contains(prev);
    // "landed in San Pedro Sula": what a place preposition takes is a place.
    let placed = lex.lang.place_prepositions.contains(&prev)
        && !toks.get(e).is_some_and(is_possessive)
        && !has_caps;
    let kind = if speaks && !has_caps {
        EntityKind::Person
    } else if placed
        || lex.locative.contains(prev)
            && doc.lex.lang.code == "en"
            && !lex.person_nouns.contains(prev)
            && has_conn
    {
        EntityKind::Gpe
    } else if has_conn || has_caps {
        EntityKind::Org
    } else if toks[s + 1..e].iter().any(|t| {
        t.kind == Kind::Word
            && (doc.seen_lower(&t.lower) || lex.function_words.contains(t.lower.as_str()))
    }) && !lex.person_nouns.contains(prev)
        && !lex.honorifics.contains(prev)
        && !toks
            .get(e)
            .is_some_and(|t| lex.cue_verbs.contains(t.lower.as_str()))
    {
        // "Vox Media", "Pixar Animation": a common word of the article in
        // the name makes it a company or a title, not a person.
        EntityKind::Org
    } else {
        EntityKind::Person
    };
    let mut c = cand(Some(kind));
    c.country = country;
    out.push(c);
}

/// Kinds of descriptive mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nom {
    Role,
    Org,
    Facility,
    Law,
    Country,
    Group,
}

#[derive(Debug, Clone)]
struct NomCand {
    ts: usize,
    te: usize,
    head: usize,
    nom: Nom,
    /// Possessor or modifier proper-name token range.
    possessor: Option<(usize, usize)>,
    pronoun_possessive: bool,
    country: Option<u16>,
    /// A proper name among the modifiers ("the Kolvik prison").
    inner: Option<(usize, usize)>,
    /// A proper name right after the head ("the gang Red Hand").
    next_name: bool,
    /// Introduced by "a"/"un": a new referent unless in apposition.
    indefinite: bool,
}

const GOV_HEADS: &[&str] = &[
    "government",
    "administration",
    "regime",
    "authorities",
    "cabinet",
    "gobierno",
    "administración",
    "autoridades",
    "régimen",
];

/// Heads that name any organization ("the agency", "la empresa").
const GENERIC_ORG_HEADS: &[&str] = &[
    "agency",
    "company",
    "organization",
    "organisation",
    "group",
    "firm",
    "institute",
    "agencia",
    "empresa",
    "organización",
    "compañía",
    "grupo",
];

fn head_class(w: &str) -> String {
    if GOV_HEADS.contains(&w) {
        "gov".to_string()
    } else {
        w.to_string()
    }
}

fn nominals(doc: &Doc, proper: &[Candidate]) -> Vec<NomCand> {
    let toks = &doc.toks;
    let lex = doc.lex;
    let mut out = Vec::new();
    let mut in_proper = vec![false; toks.len()];
    for c in proper {
        for x in in_proper.iter_mut().take(c.te).skip(c.ts) {
            *x = true;
        }
    }
    for h in 0..toks.len() {
        let t = &toks[h];
        if t.kind != Kind::Word || in_proper[h] {
            continue;
        }
        let mut w = t.lower.as_str();
        if !lex.nominal_heads.contains(w) {
            // Compounds keep their head's meaning: "superjail", "megacomplejo".
            let compound = (w.len() > 6)
                .then(|| {
                    lex.facility_nominals.iter().copied().find(|h| {
                        h.len() >= 4
                            && w.len() >= h.len() + 3
                            && w.ends_with(h)
                            && w.is_char_boundary(w.len() - h.len())
                    })
                })
                .flatten();
            match compound {
                Some(h) => w = h,
                None => continue,
            }
        }
        let nom = if lex.roles.contains(w) && !t.upper {
            Nom::Role
        } else if lex.org_nominals.contains(w) && (!t.upper || doc.initial(h)) {
            Nom::Org
        } else if lex.facility_nominals.contains(w) && !t.upper {
            Nom::Facility
        } else if lex.law_nominals.contains(w) && !t.upper {
            Nom::Law
        } else if lex.country_nominals.contains(w) && !t.upper {
            Nom::Country
        } else if (w == "organization" || w == "gang" || w == "organización" || w == "pandilla")
            && !t.upper
        {
            Nom::Group
        } else {
            continue;
        };
        // A head followed by a noun is a modifier ("government house",
        // "official figures"). Role nouns are seldom modifiers unless a
        // plural noun or another head follows ("the chief met" is a verb).
        if let Some(nx) = toks.get(h + 1).filter(|_| !lex.lang.adjectives_follow_noun) {
            let nw = nx.lower.as_str();
            let role_keeps = nom == Nom::Role
                && (!nw.ends_with('s') || nw.ends_with("ss"))
                && !lex.nominal_heads.contains(nw);
            if nx.kind == Kind::Word
                && !role_keeps
                && !nx.upper
                && nx.sp
                && !lex.function_words.contains(nw)
                && !lex.cue_verbs.contains(nw)
                && !lex.determiners.contains(nw)
                && !(nom == Nom::Role && lex.portfolios.contains(nw))
                && !(nw.ends_with("ed")
                    || nw.ends_with("ly")
                    || nw.ends_with("ing")
                    || nw.ends_with("s") && nom != Nom::Facility)
            {
                continue;
            }
            if nx.is_p("-") && !nx.sp {
                continue;
            }
        }
        // Walk left over modifiers to a determiner, possessive or name.
        let mut s = h;
        let mut possessor = None;
        let mut pron = false;
        let mut country = None;
        let mut anchored = false;
        let mut indefinite = false;
        let mut steps = 0;
        while s > 0 && steps < 8 {
            let p = &toks[s - 1];
            if p.sent != t.sent {
                break;
            }
            let pw = p.lower.as_str();
            if p.kind == Kind::Word
                && (lex.determiners.contains(pw)
                    || pw == "our"
                    || pw == "nuestro"
                    || pw == "nuestra")
            {
                s -= 1;
                anchored = !matches!(pw, "our" | "nuestro" | "nuestra");
                break;
            }
            if p.kind == Kind::Word
                && lex.is("indefinite", pw)
                && matches!(nom, Nom::Law | Nom::Role)
            {
                // "a 1931 war law": a law introduced, referred to later.
                s -= 1;
                anchored = true;
                indefinite = true;
                break;
            }
            if p.kind == Kind::Word && lex.possessives.contains(pw) {
                s -= 1;
                anchored = true;
                pron = true;
                break;
            }
            if is_possessive(p) && !p.sp {
                // "Varga’s government": the possessor is the name before.
                if let Some(c) = proper.iter().find(|c| c.te == s - 1) {
                    possessor = Some((c.ts, c.te));
                    if c.country.is_some() {
                        country = c.country;
                    }
                    s = c.ts;
                    anchored = true;
                    // Include a determiner before "the U.S.'s".
                    if s > 0 && lex.determiners.contains(toks[s - 1].lower.as_str()) {
                        s -= 1;
                    }
                }
                break;
            }
            if p.kind == Kind::Word
                && (lex.function_words.contains(pw) && !lex.determiners.contains(pw)
                    || lex.cue_verbs.contains(pw)
                    || lex.is("indefinite", pw))
            {
                break;
            }
            if p.kind == Kind::Punct && (p.sp || !p.is_p("-")) {
                break;
            }
            if p.kind == Kind::Punct {
                // A glued hyphen inside "maximum-security" is no step.
                s -= 1;
                continue;
            }
            if p.kind == Kind::Num {
                s -= 1;
                steps += 1;
                continue;
            }
            if let Some(c) = proper.iter().find(|c| c.te == s && c.ts < s) {
                if c.country.is_some() {
                    country = c.country;
                } else if c.kind == Some(EntityKind::Person) || c.kind.is_none() {
                    possessor = Some((c.ts, c.te));
                }
                if c.country.is_none() {
                    if let Some(&ci) = lex.demonyms.get(pw) {
                        country = Some(ci);
                    }
                }
                s = c.ts;
                steps += 1;
                anchored = true;
                continue;
            }
            if let Some(&ci) = lex.demonyms.get(pw) {
                country = Some(ci);
                anchored = true;
            }
            s -= 1;
            steps += 1;
        }
        // Descriptions need an anchor: "the", "its", "Varga’s", "Chilean".
        let bare_ok = matches!(nom, Nom::Org) && (country.is_some() || possessor.is_some())
            || nom == Nom::Role
                && steps > 0
                && (s..h).any(|i| lex.portfolios.contains(toks[i].lower.as_str()));
        if !anchored && !bare_ok {
            continue;
        }
        let mut te = h + 1;
        // "la ministra de Transporte", "the minister of Foreign Affairs".
        if nom == Nom::Role
            && toks
                .get(te)
                .is_some_and(|x| matches!(x.lower.as_str(), "of" | "de" | "del"))
        {
            let mut k = te + 1;
            let mut last = None;
            while let Some(x) = toks.get(k) {
                let w = x.lower.as_str();
                if lex.portfolios.contains(w)
                    && x.kind == Kind::Word
                    && !matches!(w, "of" | "de" | "del" | "the" | "la" | "el")
                {
                    last = Some(k);
                } else if !matches!(w, "and" | "y" | "the" | "la" | "el") {
                    break;
                }
                k += 1;
            }
            if let Some(l) = last {
                te = l + 1;
            }
        }
        // "the government of Elena Varga"
        if nom == Nom::Org
            && toks
                .get(h + 1)
                .is_some_and(|x| x.lower == "of" || x.lower == "de")
        {
            if let Some(c) = proper.iter().find(|c| c.ts == h + 2) {
                possessor = Some((c.ts, c.te));
                if c.country.is_some() {
                    country = c.country;
                }
                te = c.te;
            }
        }
        // "the embassy in Santiago".
        if nom == Nom::Org
            && toks
                .get(te)
                .is_some_and(|x| x.lower == "in" || x.lower == "en")
        {
            if let Some(c) = proper
                .iter()
                .find(|c| c.ts == te + 1 && c.kind == Some(EntityKind::Gpe))
            {
                te = c.te;
            }
        }
        let inner = proper
            .iter()
            .rev()
            .find(|c| {
                // Only a name of the described kind: "the Kolvik prison",
                // not "Varga's prison" or "the Chilean prison".
                let compatible = match nom {
                    Nom::Facility => {
                        matches!(c.kind, Some(EntityKind::Facility) | Some(EntityKind::Org))
                    }
                    Nom::Group => matches!(
                        c.kind,
                        Some(EntityKind::Group) | Some(EntityKind::Org) | None
                    ),
                    Nom::Law => matches!(c.kind, Some(EntityKind::Law)),
                    _ => false,
                };
                c.ts >= s
                    && c.te <= h
                    && compatible
                    && c.country.is_none()
                    && possessor != Some((c.ts, c.te))
            })
            .map(|c| (c.ts, c.te));
        let next_name = proper.iter().any(|c| {
            c.ts == h + 1
                && toks[h + 1].sp
                && c.kind.is_some()
                && c.kind != Some(EntityKind::Person)
                && c.kind != Some(EntityKind::Gpe)
        });
        out.push(NomCand {
            ts: s,
            te,
            head: h,
            nom,
            possessor,
            pronoun_possessive: pron,
            country,
            inner,
            next_name,
            indefinite,
        });
    }
    out
}

/// Finds and clusters the article's entity mentions.
pub fn resolve(doc: &Doc, recognizer: &dyn Recognizer) -> Entities {
    let proper = recognizer.recognize(doc);
    let noms = nominals(doc, &proper);
    let toks = &doc.toks;
    let lex = doc.lex;
    let text = doc.text;
    let slice = |a: usize, b: usize| -> &str {
        match (toks.get(a), toks.get(b.saturating_sub(1))) {
            (Some(x), Some(y)) if x.s <= y.e => text.get(x.s..y.e).unwrap_or(""),
            _ => "",
        }
    };
    // Person names seen anywhere, for surnames used before or without a
    // full name in the same sentence.
    let mut person_tokens: HashMap<String, usize> = HashMap::default();
    for (ci, c) in proper.iter().enumerate() {
        if c.kind == Some(EntityKind::Person) && !c.role_only && c.te - c.name_ts >= 2 {
            for t in &toks[c.name_ts..c.te] {
                if t.kind == Kind::Word && t.lower.chars().count() > 2 {
                    person_tokens.entry(fold(&t.lower)).or_insert(ci);
                }
            }
        }
    }
    let mut ents = Entities::default();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    // Acronyms defined in parentheses: "Human Rights Watch (HRW)".
    let mut acronyms: HashMap<String, usize> = HashMap::default();

    #[derive(Clone)]
    enum Item<'c> {
        P(&'c Candidate),
        N(&'c NomCand),
    }
    let mut items: Vec<(usize, usize, Item)> =
        proper.iter().map(|c| (c.ts, c.te, Item::P(c))).collect();
    // Descriptions are placed at their head word, so names among their
    // modifiers ("the Varga administration") are resolved first.
    // Those with a name after the head ("the government of Elena Varga")
    // are placed at their end.
    items.extend(
        noms.iter()
            .map(|n| (n.head.max(n.te.saturating_sub(1)), n.te, Item::N(n))),
    );
    items.sort_by_key(|x| (x.0, std::cmp::Reverse(x.1)));

    let new_cluster =
        |ents: &mut Entities, kind: EntityKind, canonical: &str, named: bool| -> usize {
            ents.clusters.push(Cluster {
                kind: Some(kind),
                canonical: canonical.to_string(),
                named,
                ..Default::default()
            });
            ents.clusters.len() - 1
        };
    let mut deferred: Vec<usize> = Vec::new();

    for (ts, te, item) in &items {
        let (ts, te) = (*ts, *te);
        match item {
            Item::P(c) => {
                let name_text = slice(c.name_ts, c.te).to_string();
                let folded: Vec<String> = toks[c.name_ts..c.te]
                    .iter()
                    .filter(|t| t.kind == Kind::Word)
                    .map(|t| fold(&t.lower))
                    .collect();
                let key_name = folded.join(" ");
                let role_text = c
                    .role
                    .map(|(a, b)| slice(a, b).trim_end_matches(',').to_string());
                let role_words: Vec<String> = c
                    .role
                    .map(|(a, b)| {
                        toks[a..b]
                            .iter()
                            .filter(|t| {
                                t.kind == Kind::Word
                                    && !lex.name_connectors.contains(t.lower.as_str())
                            })
                            .map(|t| fold(&t.lower))
                            .collect()
                    })
                    .unwrap_or_default();
                if c.role_only {
                    let m = Mention {
                        ts,
                        te,
                        kind: EntityKind::Person,
                        cluster: usize::MAX,
                        nominal: true,
                        role: role_text,
                    };
                    ents.mentions.push(m);
                    deferred.push(ents.mentions.len() - 1);
                    continue;
                }
                let mut kind = c.kind;
                // Acronym defined or used.
                if let Some(&cl) = acronyms.get(&key_name) {
                    let k = ents.clusters[cl].kind.unwrap_or(EntityKind::Org);
                    ents.mentions.push(Mention {
                        ts,
                        te,
                        kind: k,
                        cluster: cl,
                        nominal: false,
                        role: None,
                    });
                    continue;
                }
                // Capitals as actors are the government, not the place.
                if kind == Some(EntityKind::Gpe) && c.te - c.ts <= 2 {
                    let words = doc.words(c.ts, c.te - c.ts);
                    if let Some((len, ci)) = lex.capitals.longest(&words) {
                        let prev = if c.ts > 0 {
                            toks[c.ts - 1].lower.as_str()
                        } else {
                            ""
                        };
                        if len == c.te - c.ts
                            && !lex.locative.contains(prev)
                            && prev != "at"
                            && prev != "of"
                        {
                            let key = format!("org:gov:c{ci}");
                            let cl = match by_key.get(&key) {
                                Some(&cl) => cl,
                                None => {
                                    let cl =
                                        new_cluster(&mut ents, EntityKind::Org, &name_text, true);
                                    ents.clusters[cl].country = Some(ci);
                                    ents.clusters[cl].head = Some("gov".into());
                                    by_key.insert(key, cl);
                                    cl
                                }
                            };
                            ents.mentions.push(Mention {
                                ts,
                                te,
                                kind: EntityKind::Org,
                                cluster: cl,
                                nominal: false,
                                role: None,
                            });
                            continue;
                        }
                    }
                }
                // Document-level: a single word that is part of a person's name.
                if c.te - c.name_ts == 1
                    && (kind.is_none()
                        || kind == Some(EntityKind::Org) && !toks[c.ts].caps
                        || kind == Some(EntityKind::Gpe) && c.country.is_none())
                    && person_tokens.contains_key(&key_name)
                {
                    kind = Some(EntityKind::Person);
                }
                let kind = kind.unwrap_or_else(|| {
                    let nx = toks.get(c.te).map(|t| t.lower.as_str()).unwrap_or("");
                    if lex.cue_verbs.contains(nx) {
                        EntityKind::Person
                    } else {
                        EntityKind::Org
                    }
                });
                let cl = match kind {
                    EntityKind::Person => {
                        // Same full name, or surname / first name of a known person.
                        // Two full names with other first names are two
                        // people however often the surname alone was used
                        // ("Ann Lee" and her son "Tom Lee"); a surname alone
                        // that fits several goes to the one named most.
                        let candidates: Vec<usize> = ents
                            .clusters
                            .iter()
                            .enumerate()
                            .rev()
                            .filter(|(_, cl)| {
                                cl.kind == Some(EntityKind::Person)
                                    && cl.named
                                    && cl.names.iter().any(|n| name_match(n, &folded))
                                    && !cl.names.iter().any(|n| full_names_differ(n, &folded))
                            })
                            .map(|(ci, _)| ci)
                            .collect();
                        let found = if candidates.len() > 1 {
                            candidates.iter().copied().max_by_key(|&ci| {
                                let n = ents.mentions.iter().filter(|m| m.cluster == ci).count();
                                (n, std::cmp::Reverse(ci))
                            })
                        } else {
                            candidates.first().copied()
                        };
                        match found {
                            Some(ci) => ci,
                            None => new_cluster(&mut ents, kind, &name_text, true),
                        }
                    }
                    EntityKind::Gpe => {
                        let key = match c.country {
                            Some(ci) => format!("gpe:c{ci}"),
                            // A place guessed from context shares the name key, so the
                            // same name keeps one cluster whatever the guess.
                            None => format!("name:{key_name}"),
                        };
                        let cl = *by_key.entry(key).or_insert_with(|| {
                            ents.clusters.push(Cluster {
                                kind: Some(kind),
                                canonical: name_text.clone(),
                                named: true,
                                ..Default::default()
                            });
                            ents.clusters.len() - 1
                        });
                        if let Some(ci) = c.country {
                            ents.clusters[cl].country = Some(ci);
                            ents.clusters[cl].is_country = crate::lang::world::countries()
                                .get(ci as usize)
                                .is_some_and(|x| !x.capitals.is_empty());
                            ents.clusters[cl].canonical = crate::lang::world::countries()
                                .get(ci as usize)
                                .map(|x| x.canonical.to_string())
                                .unwrap_or(name_text.clone());
                        }
                        cl
                    }
                    _ => {
                        let head = toks[c.ts..c.te]
                            .iter()
                            .rev()
                            .find(|t| {
                                lex.org_words.contains(t.lower.as_str())
                                    || lex.facility_words.contains(t.lower.as_str())
                            })
                            .map(|t| head_class(&t.lower));
                        let key = match (&head, c.country) {
                            (Some(h), Some(ci)) => format!("org:{h}:c{ci}"),
                            // By name, whatever kind the context suggested.
                            _ => format!("name:{key_name}"),
                        };
                        // An acronym matching the initials of a known name.
                        let acr = if toks[c.ts].caps && c.te - c.ts == 1 {
                            ents.clusters.iter().position(|cl| {
                                cl.named
                                    && cl
                                        .names
                                        .iter()
                                        .any(|n| initials(n) == key_name && n.len() > 1)
                            })
                        } else {
                            None
                        };
                        let cl = match acr.or_else(|| by_key.get(&key).copied()) {
                            Some(cl) => cl,
                            None => {
                                let cl = new_cluster(&mut ents, kind, &name_text, true);
                                ents.clusters[cl].head = head.clone();
                                ents.clusters[cl].country = c.country;
                                by_key.insert(key, cl);
                                cl
                            }
                        };
                        cl
                    }
                };
                if matches!(
                    kind,
                    EntityKind::Group | EntityKind::Facility | EntityKind::Law
                ) && ents.clusters[cl].kind == Some(EntityKind::Org)
                {
                    // Context named it better ("the Red Hand gang").
                    ents.clusters[cl].kind = Some(kind);
                }
                let kind = ents.clusters[cl].kind.unwrap_or(kind);
                {
                    let clr = &mut ents.clusters[cl];
                    if !clr.names.contains(&folded) {
                        clr.names.push(folded.clone());
                    }
                    if name_text.len() > clr.canonical.len() && kind != EntityKind::Gpe
                        || !clr.named
                    {
                        clr.canonical = name_text.clone();
                    }
                    clr.named = true;
                    for w in &role_words {
                        if !clr.role_words.contains(w) {
                            clr.role_words.push(w.clone());
                        }
                    }
                    if role_text.is_some() {
                        clr.role = role_text.clone();
                    }
                    if clr.country.is_none() {
                        clr.country = c.country;
                    }
                }
                // "(HRW)" right after the name defines an acronym.
                if toks.get(c.te).is_some_and(|t| t.is_p("("))
                    && toks.get(c.te + 2).is_some_and(|t| t.is_p(")"))
                {
                    if let Some(a) = toks
                        .get(c.te + 1)
                        .filter(|t| t.kind == Kind::Word && t.upper)
                    {
                        // A one-word name followed by "(EFE)" is a dateline
                        // or credit, not a definition, unless initials agree.
                        let acr = fold(&a.lower);
                        if folded.len() > 1 || initials(&folded) == acr {
                            acronyms.insert(acr, cl);
                        }
                    }
                }
                ents.mentions.push(Mention {
                    ts,
                    te,
                    kind,
                    cluster: cl,
                    nominal: false,
                    role: role_text,
                });
            }
            Item::N(n) => {
                let head_w = toks[n.head].lower.as_str();
                let text_here = slice(n.ts, n.te).to_string();
                // Appositive: "NAME, the Secretary of ..." / "the dam, Kolvik".
                let appos_before = if n.ts >= 2
                    && (toks[n.ts - 1].is_p(",")
                        || toks[n.ts - 1].is_p("—")
                        || toks[n.ts - 1].is_p("–"))
                {
                    ents.mentions
                        .iter()
                        .rev()
                        .find(|m| m.te == n.ts - 1 && !m.nominal)
                        .map(|m| m.cluster)
                } else {
                    None
                };
                let want = match n.nom {
                    Nom::Role => EntityKind::Person,
                    Nom::Org => EntityKind::Org,
                    Nom::Facility => EntityKind::Facility,
                    Nom::Law => EntityKind::Law,
                    Nom::Country => EntityKind::Gpe,
                    Nom::Group => EntityKind::Group,
                };
                let appos = appos_before.filter(|&cl| ents.clusters[cl].kind == Some(want));
                let possessor_cluster = n.possessor.and_then(|(a, b)| {
                    ents.mentions
                        .iter()
                        .rev()
                        .find(|m| m.ts == a && m.te == b)
                        .map(|m| m.cluster)
                });
                let cl = match n.nom {
                    Nom::Role if n.indefinite => {
                        // "a federal judge": someone new, not an antecedent.
                        let cl = new_cluster(&mut ents, EntityKind::Person, &text_here, false);
                        ents.mentions.push(Mention {
                            ts: n.ts,
                            te: n.te,
                            kind: EntityKind::Person,
                            cluster: cl,
                            nominal: true,
                            role: Some(text_here.clone()),
                        });
                        continue;
                    }
                    Nom::Role => {
                        let m = Mention {
                            ts: n.ts,
                            te: n.te,
                            kind: EntityKind::Person,
                            cluster: appos.unwrap_or(usize::MAX),
                            nominal: true,
                            role: Some(text_here.clone()),
                        };
                        ents.mentions.push(m);
                        if appos.is_none() {
                            deferred.push(ents.mentions.len() - 1);
                        }
                        continue;
                    }
                    Nom::Org => {
                        let hc = head_class(head_w);
                        let mut country = n.country;
                        let mut person = possessor_cluster
                            .filter(|&c| ents.clusters[c].kind == Some(EntityKind::Person));
                        if n.pronoun_possessive && person.is_none() {
                            person = ents.last_person_before(n.ts, 0).map(|m| m.cluster);
                        }
                        if let Some(p) = person {
                            if country.is_none() {
                                country = ents.clusters[p].country;
                            }
                        }
                        let key = match (country, person) {
                            (Some(ci), _) => Some(format!("org:{hc}:c{ci}")),
                            (None, Some(p)) => Some(format!("org:{hc}:p{p}")),
                            _ => None,
                        };
                        // A person-keyed government joins the country-keyed one
                        // once the person's country is known.
                        let pkey = person.map(|p| format!("org:{hc}:p{p}"));
                        let found = key
                            .as_ref()
                            .and_then(|k| by_key.get(k).copied())
                            .or_else(|| pkey.as_ref().and_then(|k| by_key.get(k).copied()))
                            .or_else(|| {
                                if key.is_none() {
                                    ents.mentions
                                        .iter()
                                        .rev()
                                        .find(|m| {
                                            ents.clusters
                                                .get(m.cluster)
                                                .and_then(|c| c.head.as_deref())
                                                == Some(hc.as_str())
                                                && m.kind == EntityKind::Org
                                        })
                                        .map(|m| m.cluster)
                                        .or_else(|| {
                                            // "the agency", "the company": the
                                            // organization named last, nearby.
                                            if !GENERIC_ORG_HEADS.contains(&head_w) {
                                                return None;
                                            }
                                            let sent = toks[n.head].sent;
                                            ents.mentions
                                                .iter()
                                                .rev()
                                                .find(|m| {
                                                    m.kind == EntityKind::Org
                                                        && !m.nominal
                                                        && m.cluster != usize::MAX
                                                        && toks[m.ts].sent + 3 >= sent
                                                        && ents.clusters.get(m.cluster).is_some_and(
                                                            |c| c.head.as_deref() != Some("gov"),
                                                        )
                                                })
                                                .map(|m| m.cluster)
                                        })
                                } else {
                                    None
                                }
                            });
                        match found {
                            Some(cl) => {
                                if let Some(k) = key {
                                    by_key.entry(k).or_insert(cl);
                                }
                                if let Some(k) = pkey {
                                    by_key.entry(k).or_insert(cl);
                                }
                                cl
                            }
                            None => {
                                let cl = new_cluster(&mut ents, EntityKind::Org, &text_here, false);
                                ents.clusters[cl].head = Some(hc);
                                ents.clusters[cl].country = country;
                                ents.clusters[cl].anchor_person = person;
                                if let Some(k) = key {
                                    by_key.insert(k, cl);
                                }
                                if let Some(k) = pkey {
                                    by_key.insert(k, cl);
                                }
                                cl
                            }
                        }
                    }
                    Nom::Facility | Nom::Law | Nom::Group | Nom::Country => {
                        // A name among the modifiers decides: "the Kolvik prison".
                        let inner = n.inner.and_then(|(a, b)| {
                            ents.mentions
                                .iter()
                                .rev()
                                .find(|m| m.ts == a && m.te == b && m.cluster != usize::MAX)
                                .map(|m| m.cluster)
                        });
                        let inner = inner.filter(|_| want != EntityKind::Gpe);
                        let next_name = n.next_name && want != EntityKind::Gpe;
                        if inner.is_none() && next_name {
                            // "the criminal gang Red Hand": the name
                            // right after the head joins it (see the deferred pass).
                            let cl = new_cluster(&mut ents, want, &text_here, false);
                            ents.mentions.push(Mention {
                                ts: n.ts,
                                te: n.te,
                                kind: want,
                                cluster: cl,
                                nominal: true,
                                role: None,
                            });
                            deferred.push(ents.mentions.len() - 1);
                            continue;
                        }
                        if n.indefinite && inner.is_none() && appos.is_none() {
                            let cl = new_cluster(&mut ents, want, &text_here, false);
                            ents.mentions.push(Mention {
                                ts: n.ts,
                                te: n.te,
                                kind: want,
                                cluster: cl,
                                nominal: true,
                                role: None,
                            });
                            continue;
                        }
                        // "the country": the country the article names most
                        // so far (its main country), the latest on a tie.
                        let salient_country = if want == EntityKind::Gpe {
                            let mut counts: HashMap<usize, (usize, usize)> = HashMap::default();
                            for (k, m) in ents.mentions.iter().enumerate() {
                                let region_ok = |c: &Cluster| match (n.country, c.country) {
                                    (Some(r), Some(cc)) if crate::lang::world::is_region(r) => {
                                        crate::lang::world::in_region(cc, r)
                                    }
                                    _ => true,
                                };
                                if m.kind == EntityKind::Gpe
                                    && m.ts < n.ts
                                    && ents
                                        .clusters
                                        .get(m.cluster)
                                        .is_some_and(|c| c.is_country && region_ok(c))
                                {
                                    let e = counts.entry(m.cluster).or_insert((0, 0));
                                    e.0 += 1;
                                    e.1 = k;
                                }
                            }
                            counts.into_iter().max_by_key(|(_, v)| *v).map(|(c, _)| c)
                        } else {
                            None
                        };
                        let recent = inner.or(appos).or(salient_country).or_else(|| {
                            ents.mentions
                                .iter()
                                .rev()
                                .find(|m| {
                                    m.kind == want
                                        && m.cluster != usize::MAX
                                        && (want != EntityKind::Gpe
                                            || ents
                                                .clusters
                                                .get(m.cluster)
                                                .is_some_and(|c| c.is_country))
                                })
                                .map(|m| m.cluster)
                        });
                        match recent {
                            Some(cl) => cl,
                            None => {
                                // Cataphora: a description before the name
                                // ("a dam ... Kolvik Dam") joins the first
                                // name of that kind after it.
                                let ahead = proper.iter().find(|c| {
                                    c.ts > n.te && c.kind == Some(want) && c.te - c.ts >= 1
                                });
                                match (ahead, n.nom) {
                                    (Some(_), Nom::Facility) | (Some(_), Nom::Law) => {
                                        let cl = new_cluster(&mut ents, want, &text_here, false);
                                        let m = Mention {
                                            ts: n.ts,
                                            te: n.te,
                                            kind: want,
                                            cluster: cl,
                                            nominal: true,
                                            role: None,
                                        };
                                        ents.mentions.push(m);
                                        deferred.push(ents.mentions.len() - 1);
                                        continue;
                                    }
                                    _ => {
                                        if n.nom == Nom::Country {
                                            continue;
                                        }
                                        new_cluster(&mut ents, want, &text_here, false)
                                    }
                                }
                            }
                        }
                    }
                };
                ents.mentions.push(Mention {
                    ts: n.ts,
                    te: n.te,
                    kind: want,
                    cluster: cl,
                    nominal: true,
                    role: None,
                });
            }
        }
    }
    // Deferred, first the appositives ("Jane Doe, the Secretary of
    // ..."), whose titles then help link the other role mentions.
    for &mi in &deferred {
        let m = ents.mentions[mi].clone();
        if m.kind == EntityKind::Person {
            if let Some(cl) = link_appositive(doc, &ents, &m) {
                add_role_words(doc, &mut ents, cl, m.ts, m.te);
                ents.mentions[mi].cluster = cl;
            }
        }
    }
    // Then role mentions and forward-looking descriptions.
    for &mi in &deferred {
        let m = ents.mentions[mi].clone();
        if m.kind != EntityKind::Person {
            // Join the next named mention of the kind; merge clusters.
            let next = ents
                .mentions
                .iter()
                .find(|x| {
                    x.ts >= m.te
                        && x.kind == m.kind
                        && ents.clusters.get(x.cluster).is_some_and(|c| c.named)
                })
                .map(|x| x.cluster);
            if let Some(target) = next {
                let old = m.cluster;
                for x in ents.mentions.iter_mut() {
                    if x.cluster == old {
                        x.cluster = target;
                    }
                }
            }
            continue;
        }
        if ents.mentions[mi].cluster != usize::MAX {
            continue;
        }
        let cl = link_role(doc, &ents, &m);
        let cl = match cl {
            Some(c) => c,
            None => {
                let t = m.role.clone().unwrap_or_default();
                new_cluster(&mut ents, EntityKind::Person, &t, false)
            }
        };
        add_role_words(doc, &mut ents, cl, m.ts, m.te);
        ents.mentions[mi].cluster = cl;
    }
    // Acronyms used before their definition ("WFO" in a caption before
    // "World Fisheries Organization (WFO)") join the defined cluster.
    for (acr, &target) in &acronyms {
        let lone: Vec<usize> = (0..ents.clusters.len())
            .filter(|&c| {
                c != target
                    && ents.clusters[c].names.len() == 1
                    && ents.clusters[c].names[0].len() == 1
                    && &ents.clusters[c].names[0][0] == acr
            })
            .collect();
        let kind = ents.clusters[target].kind.unwrap_or(EntityKind::Org);
        for m in ents.mentions.iter_mut() {
            if lone.contains(&m.cluster) {
                m.cluster = target;
                m.kind = kind;
            }
        }
    }
    for m in ents.mentions.iter_mut() {
        if let Some(k) = ents.clusters.get(m.cluster).and_then(|c| c.kind) {
            m.kind = k;
        }
    }
    ents.mentions
        .sort_by_key(|m| (m.ts, std::cmp::Reverse(m.te)));
    ents
}

fn initials(n: &[String]) -> String {
    n.iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .collect()
}

/// Two full names of one person written with or without a middle initial
/// or a word put before the name ("Donald J. Trump", "Republican Donald
/// Trump"): the same words once initials go, or one is the other with one
/// word more in front.
fn same_core(a: &[String], b: &[String]) -> bool {
    let core = |v: &[String]| -> Vec<String> {
        v.iter()
            .filter(|w| w.trim_end_matches('.').chars().count() > 1)
            .cloned()
            .collect()
    };
    let (a, b) = (core(a), core(b));
    if a.len() < 2 || b.len() < 2 {
        return false;
    }
    a == b || a.len() == b.len() + 1 && a[1..] == b[..] || b.len() == a.len() + 1 && b[1..] == a[..]
}

fn name_match(known: &[String], new: &[String]) -> bool {
    if known == new || same_core(known, new) {
        return true;
    }
    let significant = |v: &[String]| -> Vec<String> {
        v.iter()
            .filter(|w| w.trim_end_matches('.').chars().count() > 1)
            .cloned()
            .collect()
    };
    let k = significant(known);
    let n = significant(new);
    if k.is_empty() || n.is_empty() {
        return false;
    }
    // "Doe" ~ "Jane Doe"; "Tomas Rell" ~ "Tomás Rell" (folded).
    if n.len() == 1 {
        return k.last() == n.last() || k.first() == n.first() && k.len() > 1;
    }
    if k.len() == 1 {
        return n.last() == k.last();
    }
    k.last() == n.last() && k.first() == n.first()
}

/// Two full names (two significant words or more each) whose first or
/// last names differ: "Ann Lee" and "Tom Lee" are two people.
fn full_names_differ(a: &[String], b: &[String]) -> bool {
    let significant = |v: &[String]| -> Vec<String> {
        v.iter()
            .filter(|w| w.trim_end_matches('.').chars().count() > 1)
            .cloned()
            .collect()
    };
    if same_core(a, b) {
        return false;
    }
    let (a, b) = (significant(a), significant(b));
    a.len() >= 2 && b.len() >= 2 && (a.first() != b.first() || a.last() != b.last())
}

fn role_words_of(doc: &Doc, a: usize, b: usize) -> Vec<String> {
    let lex = doc.lex;
    doc.toks[a..b]
        .iter()
        .filter(|t| {
            t.kind == Kind::Word
                && !lex.name_connectors.contains(t.lower.as_str())
                && !lex.determiners.contains(t.lower.as_str())
                && !lex.possessives.contains(t.lower.as_str())
                && !is_possessive(t)
        })
        .map(|t| fold(&t.lower))
        .collect()
}

/// Links a role-only mention to a person: appositive first, then the
/// person whose title shares the most words, then the most recent person
/// holding that role, then (for generic "the official") the most recent
/// person with any title.
fn add_role_words(doc: &Doc, ents: &mut Entities, cl: usize, a: usize, b: usize) {
    let words = role_words_of(doc, a, b);
    if let Some(c) = ents.clusters.get_mut(cl) {
        for w in words {
            if !c.role_words.contains(&w) {
                c.role_words.push(w);
            }
        }
    }
}

/// "US Secretary of Transport, Jane Doe," or "Jane Doe, the
/// Secretary of Transport".
fn link_appositive(doc: &Doc, ents: &Entities, m: &Mention) -> Option<usize> {
    let toks = &doc.toks;
    let person_at = |f: &dyn Fn(&Mention) -> bool| {
        ents.mentions
            .iter()
            .find(|x| f(x) && !x.nominal && x.kind == EntityKind::Person && x.cluster != usize::MAX)
            .map(|x| x.cluster)
    };
    // "the minister, Ann Lee" and "la ministra de Sanidad, Ana Gil": the
    // portfolio after the role ("of Health", "de Sanidad": connectors and
    // capitalized words) stands between the description and its comma.
    let mut e = m.te;
    while e < m.te + 6
        && toks.get(e).is_some_and(|t| {
            t.kind == Kind::Word
                && (t.upper || doc.lex.name_connectors.contains(t.lower.as_str()))
                && toks[m.ts].sent == t.sent
        })
    {
        e += 1;
    }
    let portfolio_ok = e == m.te || toks.get(e - 1).is_some_and(|t| t.upper);
    for end in [m.te, e] {
        if (end == m.te || portfolio_ok) && toks.get(end).is_some_and(|t| t.is_p(",")) {
            if let Some(c) = person_at(&|x: &Mention| x.ts == end + 1) {
                return Some(c);
            }
        }
    }
    // "el líder opositor Tomás Rell", "the team's coach Rita Valdane".
    let gap_ok = |g: usize| {
        g == m.te
            || g == m.te + 1
                && doc.lex.lang.adjectives_follow_noun
                && toks.get(m.te).is_some_and(|t| {
                    t.kind == Kind::Word
                        && !t.upper
                        && !doc.lex.function_words.contains(t.lower.as_str())
                })
    };
    if let Some(c) = person_at(&|x: &Mention| gap_ok(x.ts) && toks.get(x.ts).is_some_and(|t| t.sp))
    {
        return Some(c);
    }
    let mut s = m.ts;
    if s > 0 && doc.lex.determiners.contains(toks[s - 1].lower.as_str()) {
        s -= 1;
    }
    if s >= 2 && toks[s - 1].is_p(",") {
        if let Some(c) = person_at(&|x: &Mention| x.te == s - 1) {
            return Some(c);
        }
    }
    None
}

/// Links a role-only mention to a person: the person whose title shares
/// the most words, then the most recent person holding that role, then (for
/// generic "the official") the most recent person in subject position.
fn link_role(doc: &Doc, ents: &Entities, m: &Mention) -> Option<usize> {
    let toks = &doc.toks;
    let lex = doc.lex;
    let words = role_words_of(doc, m.ts, m.te);
    // Modifier content words, without the head role noun and the country.
    let heads: Vec<&String> = words
        .iter()
        .filter(|w| lex.roles.contains(w.as_str()))
        .collect();
    let content: Vec<&String> = words
        .iter()
        .filter(|w| {
            !lex.roles.contains(w.as_str())
                && !lex.demonyms.contains_key(w.as_str())
                && lex.portfolios.contains(w.as_str())
        })
        .collect();
    let mut country = (m.ts..m.te).find_map(|i| {
        doc.country_at(i)
            .map(|x| x.0)
            .or_else(|| lex.demonyms.get(toks[i].lower.as_str()).copied())
    });
    // "Chile and its president": the country just named.
    if country.is_none() && matches!(toks[m.ts].lower.as_str(), "its" | "su") {
        let sent = toks[m.ts].sent;
        country = ents
            .mentions
            .iter()
            .filter(|x| x.te <= m.ts && toks[x.ts].sent == sent && x.kind == EntityKind::Gpe)
            .max_by_key(|x| x.te)
            .and_then(|x| ents.clusters.get(x.cluster))
            .and_then(|c| c.country);
    }
    let generic =
        !heads.is_empty() && heads.iter().all(|h| is_generic_role(h)) && content.is_empty();
    let subjectish = |x: &Mention| -> bool {
        let sent = toks[x.ts].sent;
        let mut j = x.ts;
        while j > 0 && lex.determiners.contains(toks[j - 1].lower.as_str()) {
            j -= 1;
        }
        let after_prep = j > 0 && crate::quote::is_prep(&toks[j - 1].lower);
        !after_prep
            && !ents.mentions.iter().any(|y| {
                y.kind == EntityKind::Person
                    && y.ts < x.ts
                    && y.te <= x.ts
                    && toks[y.ts].sent == sent
            })
    };
    let persons: Vec<usize> = {
        let mut v = Vec::new();
        if generic {
            // "the official": the title holder last in subject position,
            // then anyone last in subject position.
            for titled in [true, false] {
                for x in ents.mentions.iter().rev() {
                    if x.ts < m.ts
                        && x.kind == EntityKind::Person
                        && x.cluster != usize::MAX
                        && !v.contains(&x.cluster)
                        && ents
                            .clusters
                            .get(x.cluster)
                            .is_some_and(|c| c.named && (!titled || !c.role_words.is_empty()))
                        && subjectish(x)
                    {
                        v.push(x.cluster);
                    }
                }
            }
        }
        for x in ents.mentions.iter().rev() {
            if x.ts < m.ts
                && x.kind == EntityKind::Person
                && x.cluster != usize::MAX
                && !v.contains(&x.cluster)
                && ents.clusters.get(x.cluster).is_some_and(|c| c.named)
            {
                v.push(x.cluster);
            }
        }
        // Then people named later, in order.
        for x in ents.mentions.iter() {
            if x.ts >= m.te
                && x.kind == EntityKind::Person
                && x.cluster != usize::MAX
                && !v.contains(&x.cluster)
                && ents.clusters.get(x.cluster).is_some_and(|c| c.named)
            {
                v.push(x.cluster);
            }
        }
        v
    };
    // The nearest unnamed person introduced with the same role noun ("A
    // senior fire official said … the official said") is nearer than any
    // title holder named before: the description refers back to it.
    let unnamed = ents.mentions.iter().rev().find(|x| {
        x.te <= m.ts
            && x.kind == EntityKind::Person
            && x.nominal
            && ents.clusters.get(x.cluster).is_some_and(|c| !c.named)
            && role_words_of(doc, x.ts, x.te)
                .iter()
                .any(|w| heads.contains(&w))
    });
    let mut best: Option<(usize, usize)> = None;
    for (rank, &p) in persons.iter().enumerate() {
        let c = &ents.clusters[p];
        if let (Some(a), Some(b)) = (country, c.country) {
            if a != b {
                continue;
            }
        }
        let shared = content.iter().filter(|w| c.role_words.contains(w)).count();
        let has_portfolio = c
            .role_words
            .iter()
            .any(|w| lex.portfolios.contains(w.as_str()) && !lex.roles.contains(w.as_str()));
        if !content.is_empty() && has_portfolio && shared == 0 {
            // "Secretary of Transport" is not "Secretary of State".
            continue;
        }
        let head_ok = heads.iter().any(|h| c.role_words.contains(h))
            || heads.iter().any(|h| is_generic_role(h));
        if shared == 0 && !head_ok {
            // A country alone does not make "the judge" the president.
            continue;
        }
        let score = shared * 10
            + usize::from(head_ok) * 5
            + usize::from(country.is_some() && c.country == country) * 3;
        if score == 0 {
            continue;
        }
        let score = score * 100 - rank.min(99);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, p));
        }
    }
    if let Some(u) = unnamed {
        let last_named = best.and_then(|(_, p)| {
            ents.mentions
                .iter()
                .filter(|x| x.cluster == p && x.te <= m.ts)
                .map(|x| x.ts)
                .max()
        });
        if last_named.is_none_or(|t| u.ts > t) {
            return Some(u.cluster);
        }
    }
    best.map(|(_, p)| p)
}

fn is_generic_role(w: &str) -> bool {
    matches!(
        w,
        "official"
            | "funcionario"
            | "funcionaria"
            | "leader"
            | "mandatario"
            | "mandataria"
            | "head"
            | "líder"
    )
}
