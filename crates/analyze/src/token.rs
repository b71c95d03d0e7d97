//! One pass over the text: tokens with byte offsets, then sentences.
//!
//! The tokenizer is hand-written rather than regex-driven because it runs
//! once per article on every byte and must keep abbreviations ("U.S.",
//! "Gen.", "p.m."), initials ("James R. Haskins"), codes ("K-9") and
//! possessives ("Varga’s") straight for every later pass.

use crate::lang::Lexicon;

/// Token classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner apostrophes, dotted abbreviations and codes.
    Word,
    /// Digits with inner `,` or `.` separators.
    Num,
    /// Any other single character (or an ellipsis).
    Punct,
}

/// A token: a byte range of the text plus what later passes ask about it.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Start byte.
    pub s: usize,
    /// End byte (exclusive).
    pub e: usize,
    /// Class.
    pub kind: Kind,
    /// White space before the token.
    pub sp: bool,
    /// A line break before the token (a block or line boundary).
    pub nl: bool,
    /// First character is upper case.
    pub upper: bool,
    /// Two or more letters, all upper case.
    pub caps: bool,
    /// Lower-case form.
    pub lower: String,
    /// Sentence index.
    pub sent: u32,
}

impl Tok {
    /// True for a punctuation token equal to `c`.
    pub fn is_p(&self, c: &str) -> bool {
        self.kind == Kind::Punct && self.lower == c
    }
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str, lex: &Lexicon) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut sp = true;
    let mut nl = true;
    let mut i = 0;
    let n = text.len();
    // Char at a byte offset, or None past the end / off a boundary.
    let ch = |at: usize| -> Option<char> { text.get(at..).and_then(|r| r.chars().next()) };
    while i < n {
        let Some(c) = ch(i) else { break };
        let cl = c.len_utf8();
        if c.is_whitespace() {
            sp = true;
            if c == '\n' || c == '\u{2029}' || c == '\u{2028}' {
                nl = true;
            }
            i += cl;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphabetic() {
            kind = Kind::Word;
            let mut j = i + cl;
            while let Some(d) = ch(j) {
                if d.is_alphanumeric() || is_mark(d) {
                    j += d.len_utf8();
                    continue;
                }
                if is_apos(d) {
                    // Inner apostrophe: keep "don't" and "O'Brien" whole, but
                    // split a possessive "'s" off so "Varga’s" matches "Varga".
                    let after = ch(j + d.len_utf8());
                    if let Some(a) = after {
                        if a.is_alphabetic() {
                            let a2 = ch(j + d.len_utf8() + a.len_utf8());
                            let possessive =
                                (a == 's' || a == 'S') && !a2.is_some_and(|x| x.is_alphanumeric());
                            if possessive && lex.lang.saxon_genitive {
                                break;
                            }
                            j += d.len_utf8();
                            continue;
                        }
                    }
                    break;
                }
                if (d == '.' || d == ',')
                    && bytes[j - 1].is_ascii_digit()
                    && bytes.get(j + 1).is_some_and(|x| x.is_ascii_digit())
                {
                    // "Dh472.72bn", "Rs1,200": an amount glued to its
                    // currency stays one word for the figure reader.
                    j += 1;
                    continue;
                }
                if d == '.' {
                    // "U.S.", "p.m.", "a.m.": a letter then a period again.
                    let a = ch(j + 1);
                    let a2 = a.and_then(|a| ch(j + 1 + a.len_utf8()));
                    if a.is_some_and(|x| x.is_alphabetic()) && a2 == Some('.') {
                        j += 1;
                        continue;
                    }
                    break;
                }
                if d == '-' {
                    // Codes such as "K-9", "COVID-19", "F-16" stay one word.
                    let word = &text[start..j];
                    let caps = word.chars().all(|x| x.is_uppercase() || x.is_ascii_digit());
                    if caps && ch(j + 1).is_some_and(|x| x.is_ascii_digit()) {
                        j += 1;
                        continue;
                    }
                    break;
                }
                break;
            }
            // A final period belongs to dotted abbreviations, initials and
            // known abbreviations.
            if bytes.get(j) == Some(&b'.') {
                let word = &text[start..j];
                let single_upper = word.chars().count() == 1 && c.is_uppercase();
                let dotted = word.contains('.');
                let lw = word.to_lowercase();
                // Lower-case "no" or "co" is a word, not "No." or "Co.".
                let known = lex.abbreviations.contains(lw.as_str())
                    && (c.is_uppercase() || matches!(lw.as_str(), "etc" | "vs" | "approx"));
                // "p.m." / "U.S." / "E." / "Gen." keep the period.
                if single_upper || dotted || known {
                    j += 1;
                }
            }
            i = j;
        } else if c.is_ascii_digit() {
            kind = Kind::Num;
            let mut j = i + 1;
            while j < n {
                let b = bytes[j];
                let sep_digit = (b == b',' || b == b'.')
                    && bytes.get(j + 1).is_some_and(|x| x.is_ascii_digit());
                if b.is_ascii_digit() || sep_digit {
                    j += 1;
                } else {
                    break;
                }
            }
            i = j;
        } else if c == '.' && text[i..].starts_with("...") {
            kind = Kind::Punct;
            i += 3;
        } else if is_apos(c)
            && lex.lang.saxon_genitive
            && is_possessive_s(text, i + cl)
            && i > 0
            && !sp
        {
            // The split-off possessive "'s".
            kind = Kind::Word;
            i += cl + 1;
        } else {
            kind = Kind::Punct;
            i += cl;
        }
        let s = &text[start..i];
        let first_upper = s.chars().next().is_some_and(|x| x.is_uppercase());
        let mut letters = 0;
        let mut caps = true;
        for x in s.chars() {
            if x.is_alphabetic() {
                letters += 1;
                if !x.is_uppercase() {
                    caps = false;
                }
            }
        }
        toks.push(Tok {
            s: start,
            e: i,
            kind,
            sp,
            nl,
            upper: first_upper,
            caps: caps && letters >= 2,
            // ASCII words (most of them) take the cheap path.
            lower: if s.is_ascii() {
                s.to_ascii_lowercase()
            } else {
                s.to_lowercase()
            },
            sent: 0,
        });
        sp = false;
        nl = false;
    }
    toks
}

fn is_mark(c: char) -> bool {
    // Combining accents left decomposed by some scrapers.
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_possessive_s(text: &str, at: usize) -> bool {
    let mut it = text.get(at..).unwrap_or("").chars();
    matches!(it.next(), Some('s') | Some('S')) && !it.next().is_some_and(|x| x.is_alphanumeric())
}

/// True for closing punctuation that stays with the sentence before it.
fn is_closer(t: &Tok) -> bool {
    t.kind == Kind::Punct
        && matches!(
            t.lower.as_str(),
            "”" | "\"" | "’" | "'" | "»" | ")" | "]" | "›"
        )
}

/// Assigns sentence indices to tokens and returns sentences as token ranges.
pub fn sentences(toks: &mut [Tok], lex: &Lexicon) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let n = toks.len();
    let mut i = 0;
    while i < n {
        // A line break always starts a new sentence.
        if i > start && toks[i].nl {
            out.push(start..i);
            start = i;
        }
        let t = &toks[i];
        let end_punct =
            t.kind == Kind::Punct && matches!(t.lower.as_str(), "." | "!" | "?" | "..." | "…");
        let abbr_end = t.kind == Kind::Word
            && t.lower.ends_with('.')
            && !lex
                .title_abbreviations
                .contains(t.lower.trim_end_matches('.'))
            && t.lower.len() > 2;
        if end_punct || abbr_end {
            let mut j = i + 1;
            while j < n && is_closer(&toks[j]) && !toks[j].sp {
                j += 1;
            }
            let boundary = match toks.get(j) {
                None => true,
                Some(nx) => {
                    if nx.nl {
                        true
                    } else if end_punct {
                        nx.sp
                            && (nx.upper || nx.kind != Kind::Word)
                            && !(nx.kind == Kind::Punct
                                && matches!(nx.lower.as_str(), "," | ";" | ")"))
                    } else {
                        // After "U.S." or "Inc." only a capitalized function
                        // word ("The", "Thank") reliably opens a sentence.
                        nx.upper && lex.function_words.contains(nx.lower.as_str())
                    }
                }
            };
            if boundary && j > start {
                out.push(start..j);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < n {
        out.push(start..n);
    }
    for (k, r) in out.iter().enumerate() {
        for t in &mut toks[r.clone()] {
            t.sent = k as u32;
        }
    }
    out
}
