//! A light HTML tokenizer and flat arena tree.
//!
//! Hand-written, and kept after measuring the well-kept alternatives on
//! the 1,497 WCXB dev pages (decoded first; one core, the same run, a
//! machine shared with other builds, two runs):
//!
//! | what                                              | pages/s   |
//! |---------------------------------------------------|-----------|
//! | this parser + the whole extraction (`extract_html`) | 145–169 |
//! | html5ever 0.27 `parse_document` into `RcDom`, parse only | 114–135 |
//! | `tl` 0.7 `parse`, parse only                      | 864–1169  |
//! | `lol_html` 2.x streaming text handler, no tree    | 536–726   |
//!
//! html5ever alone is slower than this parser plus everything the
//! extractor does, so it would cost the speed target for no gain in what
//! is read. `lol_html` builds no tree, and the scoring needs one
//! (subtree sizes, ancestors). `tl` is faster but applies no implied end
//! tags and repairs no misnesting: it reads `<div><p>a<p>b</div><span>c`
//! with the second `p` and the `span` inside the first `p`, and such
//! trees are where text extraction goes wrong. This parser does the part of the HTML
//! standard that matters for reading text: raw-text elements, comments,
//! entities, void elements, the implied end tags of `p`, `li`, `dd`/`dt`,
//! table cells and rows, `option` and headings, and misnested end tags.
//!
//! Nodes are stored in document order, so the subtree of node `i` is the
//! index range `i..nodes[i].end`: every walk over the tree is a loop over a
//! range, never a recursion, and dropping a subtree is skipping to its end.
//! Depth is capped the way browsers do it (deeper elements become siblings),
//! and end-tag searches are bounded, so adversarial nesting stays linear.

use markup5ever::data::NAMED_ENTITIES;
use memchr::{memchr, memmem};

/// Elements deeper than this are attached to the deepest open element
/// instead of nesting further (Chromium does the same at 512).
const MAX_DEPTH: usize = 512;
/// How far down the open-element stack an end tag or scope check looks.
/// Bounds the cost of stray end tags on deep stacks.
const MAX_SEARCH: usize = 64;
/// Attributes kept per element.
const MAX_ATTRS: usize = 64;

/// Element names the extractor tells apart; everything else is `Other`.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Tag {
    Text,
    A,
    Abbr,
    Address,
    Article,
    Aside,
    Audio,
    B,
    Blockquote,
    Body,
    Br,
    Button,
    Canvas,
    Caption,
    Center,
    Cite,
    Code,
    Dd,
    Del,
    Details,
    Dialog,
    Dir,
    Div,
    Dl,
    Dt,
    Em,
    Embed,
    Fieldset,
    Figcaption,
    Figure,
    Font,
    Footer,
    Form,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Head,
    Header,
    Hgroup,
    Hr,
    Html,
    I,
    Iframe,
    Img,
    Input,
    Label,
    Legend,
    Li,
    Link,
    Main,
    Map,
    Mark,
    Menu,
    Meta,
    Nav,
    Noscript,
    Object,
    Ol,
    Optgroup,
    Option,
    P,
    Picture,
    Pre,
    Q,
    S,
    Script,
    Section,
    Select,
    Small,
    Source,
    Span,
    Strong,
    Style,
    Sub,
    Summary,
    Sup,
    Svg,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Tfoot,
    Th,
    Thead,
    Time,
    Title,
    Tr,
    U,
    Ul,
    Video,
    Math,
    Area,
    Base,
    Col,
    Param,
    Track,
    Wbr,
    Xmp,
    /// Fallback content for a plugin or frame the reader lacks: the legacy
    /// `no`-prefixed elements other than `noscript`, which the standard
    /// parses as raw text.
    Fallback,
    Plaintext,
    Other,
}

impl Tag {
    fn from_lower(name: &[u8]) -> Tag {
        use Tag::*;
        match name {
            b"a" => A,
            b"abbr" => Abbr,
            b"address" => Address,
            b"article" => Article,
            b"aside" => Aside,
            b"audio" => Audio,
            b"b" => B,
            b"blockquote" => Blockquote,
            b"body" => Body,
            b"br" => Br,
            b"button" => Button,
            b"canvas" => Canvas,
            b"caption" => Caption,
            b"center" => Center,
            b"cite" => Cite,
            b"code" => Code,
            b"dd" => Dd,
            b"del" => Del,
            b"details" => Details,
            b"dialog" => Dialog,
            b"dir" => Dir,
            b"div" => Div,
            b"dl" => Dl,
            b"dt" => Dt,
            b"em" => Em,
            b"embed" => Embed,
            b"fieldset" => Fieldset,
            b"figcaption" => Figcaption,
            b"figure" => Figure,
            b"font" => Font,
            b"footer" => Footer,
            b"form" => Form,
            b"h1" => H1,
            b"h2" => H2,
            b"h3" => H3,
            b"h4" => H4,
            b"h5" => H5,
            b"h6" => H6,
            b"head" => Head,
            b"header" => Header,
            b"hgroup" => Hgroup,
            b"hr" => Hr,
            b"html" => Html,
            b"i" => I,
            b"iframe" => Iframe,
            b"img" => Img,
            b"input" => Input,
            b"label" => Label,
            b"legend" => Legend,
            b"li" => Li,
            b"link" => Link,
            b"main" => Main,
            b"map" => Map,
            b"mark" => Mark,
            b"menu" => Menu,
            b"meta" => Meta,
            b"nav" => Nav,
            b"noscript" => Noscript,
            b"object" => Object,
            b"ol" => Ol,
            b"optgroup" => Optgroup,
            b"option" => Option,
            b"p" => P,
            b"picture" => Picture,
            b"pre" => Pre,
            b"q" => Q,
            b"s" => S,
            b"script" => Script,
            b"section" => Section,
            b"select" => Select,
            b"small" => Small,
            b"source" => Source,
            b"span" => Span,
            b"strong" => Strong,
            b"style" => Style,
            b"sub" => Sub,
            b"summary" => Summary,
            b"sup" => Sup,
            b"svg" => Svg,
            b"table" => Table,
            b"tbody" => Tbody,
            b"td" => Td,
            b"template" => Template,
            b"textarea" => Textarea,
            b"tfoot" => Tfoot,
            b"th" => Th,
            b"thead" => Thead,
            b"time" => Time,
            b"title" => Title,
            b"tr" => Tr,
            b"u" => U,
            b"ul" => Ul,
            b"video" => Video,
            b"math" => Math,
            b"area" => Area,
            b"base" => Base,
            b"col" => Col,
            b"param" => Param,
            b"track" => Track,
            b"wbr" => Wbr,
            b"xmp" => Xmp,
            b"plaintext" => Plaintext,
            b"image" => Img,
            b"listing" => Pre,
            _ => match name.strip_prefix(b"no") {
                Some(b"embed" | b"frames") => Fallback,
                _ => Other,
            },
        }
    }

    fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Base
                | Br
                | Col
                | Embed
                | Hr
                | Img
                | Input
                | Link
                | Meta
                | Param
                | Source
                | Track
                | Wbr
        )
    }

    /// Elements whose content is not markup.
    fn is_raw_text(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Script | Style | Textarea | Title | Xmp | Fallback | Iframe | Noscript | Plaintext
        )
    }

    /// Opening one of these closes an open `p` (the standard's list).
    fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Dialog
                | Dir
                | Div
                | Dl
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Header
                | Hgroup
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Section
                | Summary
                | Ul
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Pre
                | Form
                | Li
                | Dd
                | Dt
                | Table
                | Hr
                | Xmp
                | Plaintext
        )
    }

    /// Boundaries of the "button scope" an implied end tag cannot cross.
    fn is_scope_boundary(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Html | Table | Td | Th | Caption | Template | Button | Object | Math | Svg
        )
    }

    /// True for headings `h1`..`h6`.
    pub(crate) fn is_heading(self) -> bool {
        use Tag::*;
        matches!(self, H1 | H2 | H3 | H4 | H5 | H6)
    }
}

/// A node of the flat tree.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// The element name, or `Tag::Text` for a text node.
    pub tag: Tag,
    /// Index of the parent; the root's parent is itself (0).
    pub parent: u32,
    /// One past the last descendant: the subtree is `index..end`.
    pub end: u32,
    /// Text nodes: range into [`Dom::text`]. Elements: range into [`Dom::attrs`].
    pub a: u32,
    /// See `a`.
    pub b: u32,
}

/// One attribute; name lowercased, value entity-decoded.
#[derive(Debug, Clone)]
pub(crate) struct Attr {
    pub name: Box<str>,
    pub value: Box<str>,
}

/// A parsed page. Node 0 is a synthetic root.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
    pub text: String,
    pub attrs: Vec<Attr>,
}

impl Dom {
    /// The attribute `name` of element `i`.
    pub fn attr(&self, i: usize, name: &str) -> Option<&str> {
        let n = self.nodes.get(i)?;
        if n.tag == Tag::Text {
            return None;
        }
        self.attrs
            .get(n.a as usize..n.b as usize)?
            .iter()
            .find(|a| &*a.name == name)
            .map(|a| &*a.value)
    }

    /// All attributes of element `i`.
    pub fn attrs_of(&self, i: usize) -> &[Attr] {
        match self.nodes.get(i) {
            Some(n) if n.tag != Tag::Text => {
                self.attrs.get(n.a as usize..n.b as usize).unwrap_or(&[])
            }
            _ => &[],
        }
    }

    /// The text of text node `i` (empty for elements).
    pub fn node_text(&self, i: usize) -> &str {
        match self.nodes.get(i) {
            Some(n) if n.tag == Tag::Text => {
                self.text.get(n.a as usize..n.b as usize).unwrap_or("")
            }
            _ => "",
        }
    }

    /// All text under node `i`, concatenated as is.
    pub fn text_of(&self, i: usize) -> String {
        let mut out = String::new();
        let end = self.nodes.get(i).map_or(i, |n| n.end as usize);
        for j in i..end {
            out.push_str(self.node_text(j));
        }
        out
    }

    /// Parses a page.
    pub fn parse(html: &str) -> Dom {
        let mut p = Parser {
            src: html,
            dom: Dom {
                nodes: Vec::with_capacity(html.len() / 40 + 16),
                text: String::with_capacity(html.len() / 4),
                attrs: Vec::with_capacity(html.len() / 60 + 16),
            },
            stack: vec![0],
        };
        p.dom.nodes.push(Node {
            tag: Tag::Other,
            parent: 0,
            end: 1,
            a: 0,
            b: 0,
        });
        p.run();
        let len = p.dom.nodes.len() as u32;
        for &open in &p.stack {
            if let Some(n) = p.dom.nodes.get_mut(open as usize) {
                n.end = len;
            }
        }
        p.dom
    }
}

struct Parser<'a> {
    src: &'a str,
    dom: Dom,
    stack: Vec<u32>,
}

impl<'a> Parser<'a> {
    fn run(&mut self) {
        let bytes = self.src.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(off) = memchr(b'<', &bytes[pos..]) else {
                self.add_text(&self.src[pos..], true);
                break;
            };
            let lt = pos + off;
            if lt > pos {
                self.add_text(&self.src[pos..lt], true);
            }
            pos = self.markup(lt);
        }
    }

    /// Handles markup starting at `<` at `lt`; returns where to go on.
    fn markup(&mut self, lt: usize) -> usize {
        let bytes = self.src.as_bytes();
        let next = bytes.get(lt + 1).copied().unwrap_or(0);
        if next == b'!' {
            if bytes[lt..].starts_with(b"<!--") {
                return match memmem::find(&bytes[lt + 4..], b"-->") {
                    Some(e) => lt + 4 + e + 3,
                    None => bytes.len(),
                };
            }
            return skip_to_gt(bytes, lt + 2);
        }
        if next == b'?' {
            return skip_to_gt(bytes, lt + 2);
        }
        if next == b'/' {
            let start = lt + 2;
            if bytes.get(start).is_some_and(|c| c.is_ascii_alphabetic()) {
                let (name_end, lower) = read_name(bytes, start);
                let gt = skip_to_gt(bytes, name_end);
                self.end_tag(Tag::from_lower(&lower));
                return gt;
            }
            return skip_to_gt(bytes, start);
        }
        if !next.is_ascii_alphabetic() {
            self.add_text("<", false);
            return lt + 1;
        }
        let (name_end, lower) = read_name(bytes, lt + 1);
        let tag = Tag::from_lower(&lower);
        let attr_start = self.dom.attrs.len() as u32;
        let (after, self_closing) = self.read_attrs(name_end);
        let attr_end = self.dom.attrs.len() as u32;
        let idx = self.start_tag(tag, attr_start, attr_end, self_closing);
        if tag.is_raw_text() && !self_closing {
            let close = find_close(bytes, after, &lower);
            let body = &self.src[after..close];
            match tag {
                Tag::Title | Tag::Textarea => self.add_text(body, true),
                Tag::Script if self.is_json_ld(idx) => self.add_text(body, false),
                _ => {}
            }
            self.end_tag(tag);
            return skip_to_gt(bytes, close);
        }
        after
    }

    fn is_json_ld(&self, idx: usize) -> bool {
        self.dom
            .attr(idx, "type")
            .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
    }

    /// Reads attributes after the tag name; returns the position after
    /// `>` and whether the tag was self-closing.
    fn read_attrs(&mut self, mut pos: usize) -> (usize, bool) {
        let bytes = self.src.as_bytes();
        let mut self_closing = false;
        let own_start = self.dom.attrs.len();
        loop {
            while pos < bytes.len() && (bytes[pos].is_ascii_whitespace() || bytes[pos] == b'/') {
                self_closing = bytes[pos] == b'/';
                pos += 1;
            }
            if pos >= bytes.len() {
                return (pos, self_closing);
            }
            if bytes[pos] == b'>' {
                return (pos + 1, self_closing);
            }
            self_closing = false;
            let name_start = pos;
            while pos < bytes.len()
                && !bytes[pos].is_ascii_whitespace()
                && !matches!(bytes[pos], b'=' | b'>')
                && (bytes[pos] != b'/' || pos == name_start)
            {
                pos += 1;
            }
            let name = self.src[name_start..pos].to_ascii_lowercase();
            while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
                pos += 1;
            }
            let mut value: &str = "";
            if bytes.get(pos) == Some(&b'=') {
                pos += 1;
                while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
                    pos += 1;
                }
                match bytes.get(pos) {
                    Some(&q) if q == b'"' || q == b'\'' => {
                        let vs = pos + 1;
                        let ve = memchr(q, &bytes[vs..]).map_or(bytes.len(), |e| vs + e);
                        value = &self.src[vs..ve];
                        pos = (ve + 1).min(bytes.len());
                    }
                    _ => {
                        let vs = pos;
                        while pos < bytes.len()
                            && !bytes[pos].is_ascii_whitespace()
                            && bytes[pos] != b'>'
                        {
                            pos += 1;
                        }
                        value = &self.src[vs..pos];
                    }
                }
            }
            // Only the first of duplicate attributes counts, as in browsers.
            // Past MAX_ATTRS the rest are parsed and dropped, which keeps
            // the duplicate check from going quadratic on hostile tags.
            let room = self.dom.attrs.len() - own_start < MAX_ATTRS;
            let first = room
                && self
                    .dom
                    .attrs
                    .get(own_start..)
                    .unwrap_or(&[])
                    .iter()
                    .all(|a| *a.name != *name);
            if !name.is_empty() && first {
                let mut decoded = String::new();
                decode_entities(value, &mut decoded);
                self.dom.attrs.push(Attr {
                    name: name.into_boxed_str(),
                    value: decoded.into_boxed_str(),
                });
            }
        }
    }

    fn current(&self) -> usize {
        self.stack.last().copied().unwrap_or(0) as usize
    }

    fn push_node(&mut self, tag: Tag, a: u32, b: u32) -> usize {
        let idx = self.dom.nodes.len();
        self.dom.nodes.push(Node {
            tag,
            parent: self.current() as u32,
            end: idx as u32 + 1,
            a,
            b,
        });
        idx
    }

    fn add_text(&mut self, raw: &str, decode: bool) {
        // Text directly in the head ends it, as in a browser.
        if self.dom.nodes[self.current()].tag == Tag::Head
            && raw.bytes().any(|c| !c.is_ascii_whitespace())
        {
            let len = self.stack.len();
            self.pop_to(len - 1);
        }
        let cur = self.current();
        let start = self.dom.text.len();
        if decode && raw.contains('&') {
            decode_entities(raw, &mut self.dom.text);
        } else {
            self.dom.text.push_str(raw);
        }
        let end = self.dom.text.len() as u32;
        // Adjacent text joins the previous text node of the same parent.
        if let Some(last) = self.dom.nodes.last_mut() {
            if last.tag == Tag::Text && last.parent as usize == cur && last.b as usize == start {
                last.b = end;
                return;
            }
        }
        self.push_node(Tag::Text, start as u32, end);
    }

    /// Index in the stack of the nearest open `tag`, not crossing a scope
    /// boundary (when `scoped`) and looking at most `MAX_SEARCH` deep.
    fn find_open(&self, tag: Tag, scoped: bool, extra_boundary: &[Tag]) -> Option<usize> {
        for (depth, si) in (1..self.stack.len()).rev().enumerate() {
            if depth >= MAX_SEARCH {
                return None;
            }
            let t = self.dom.nodes[self.stack[si] as usize].tag;
            if t == tag {
                return Some(si);
            }
            if scoped && (t.is_scope_boundary() || extra_boundary.contains(&t)) {
                return None;
            }
        }
        None
    }

    fn pop_to(&mut self, si: usize) {
        let len = self.dom.nodes.len() as u32;
        while self.stack.len() > si.max(1) {
            if let Some(top) = self.stack.pop() {
                if let Some(n) = self.dom.nodes.get_mut(top as usize) {
                    n.end = len;
                }
            }
        }
    }

    fn close_if_open(&mut self, tag: Tag, extra_boundary: &[Tag]) {
        if let Some(si) = self.find_open(tag, true, extra_boundary) {
            self.pop_to(si);
        }
    }

    fn start_tag(&mut self, tag: Tag, a: u32, b: u32, self_closing: bool) -> usize {
        use Tag::*;
        // The standard's "in head" mode: any element that does not belong
        // in the head ends it, so pages without `</head>` or `<body>` still
        // get their content in the body (as browsers show it).
        if self.dom.nodes[self.current()].tag == Head
            && !matches!(
                tag,
                Base | Link | Meta | Title | Noscript | Style | Script | Template | Head
            )
        {
            let len = self.stack.len();
            self.pop_to(len - 1);
        }
        if tag.closes_p() {
            self.close_if_open(P, &[]);
        }
        match tag {
            Li => self.close_if_open(Li, &[Ol, Ul]),
            Dd | Dt => {
                self.close_if_open(Dd, &[Dl]);
                self.close_if_open(Dt, &[Dl]);
            }
            Td | Th => {
                self.close_if_open(Td, &[Tr, Table]);
                self.close_if_open(Th, &[Tr, Table]);
            }
            Tr => {
                self.close_if_open(Td, &[Table]);
                self.close_if_open(Th, &[Table]);
                self.close_if_open(Tr, &[Table]);
            }
            Tbody | Thead | Tfoot => {
                self.close_if_open(Td, &[Table]);
                self.close_if_open(Th, &[Table]);
                self.close_if_open(Tr, &[Table]);
                self.close_if_open(Tbody, &[Table]);
                self.close_if_open(Thead, &[Table]);
                self.close_if_open(Tfoot, &[Table]);
            }
            Option => self.close_if_open(Option, &[Select]),
            A => self.close_if_open(A, &[]),
            H1 | H2 | H3 | H4 | H5 | H6 => {
                let cur = self.dom.nodes[self.current()].tag;
                if cur.is_heading() {
                    let len = self.stack.len();
                    self.pop_to(len - 1);
                }
            }
            _ => {}
        }
        let idx = self.push_node(tag, a, b);
        let void = tag.is_void() || (self_closing && !tag.is_raw_text());
        if !void && self.stack.len() < MAX_DEPTH {
            self.stack.push(idx as u32);
        }
        idx
    }

    fn end_tag(&mut self, tag: Tag) {
        use Tag::*;
        match tag {
            Br => {
                self.push_node(Br, 0, 0);
                return;
            }
            P if self.find_open(P, true, &[]).is_none() => return,
            Other => {
                // Unknown names all share one tag, so an unknown end tag
                // only closes an unknown element on top of the stack.
                if self.dom.nodes[self.current()].tag == Other {
                    let len = self.stack.len();
                    self.pop_to(len - 1);
                }
                return;
            }
            _ => {}
        }
        if let Some(si) = self.find_open(tag, false, &[]) {
            self.pop_to(si);
        }
    }
}

fn read_name(bytes: &[u8], start: usize) -> (usize, Vec<u8>) {
    let mut end = start;
    while end < bytes.len()
        && !bytes[end].is_ascii_whitespace()
        && !matches!(bytes[end], b'>' | b'/')
    {
        end += 1;
    }
    let lower = bytes[start..end].to_ascii_lowercase();
    (end, lower)
}

fn skip_to_gt(bytes: &[u8], from: usize) -> usize {
    match bytes.get(from..).and_then(|rest| memchr(b'>', rest)) {
        Some(e) => from + e + 1,
        None => bytes.len(),
    }
}

/// Finds `</name` (case-insensitive) at or after `from`; returns its
/// position, or the end of input.
fn find_close(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut pos = from;
    while pos < bytes.len() {
        let Some(off) = memchr(b'<', &bytes[pos..]) else {
            return bytes.len();
        };
        let lt = pos + off;
        if bytes.get(lt + 1) == Some(&b'/') {
            let s = lt + 2;
            if let Some(cand) = bytes.get(s..s + name.len()) {
                if cand.eq_ignore_ascii_case(name) {
                    let after = bytes.get(s + name.len()).copied().unwrap_or(b'>');
                    if after.is_ascii_whitespace() || after == b'>' || after == b'/' {
                        return lt;
                    }
                }
            }
        }
        pos = lt + 1;
    }
    bytes.len()
}

/// Appends `raw` to `out` with character references decoded.
pub(crate) fn decode_entities(raw: &str, out: &mut String) {
    let bytes = raw.as_bytes();
    let mut pos = 0;
    while let Some(off) = memchr(b'&', &bytes[pos..]) {
        let amp = pos + off;
        out.push_str(&raw[pos..amp]);
        let (ch, len) = decode_one(&bytes[amp + 1..]);
        match ch {
            Some(c) => {
                out.push_str(c.0.encode_utf8(&mut [0; 4]));
                if let Some(c2) = c.1 {
                    out.push(c2);
                }
                pos = amp + 1 + len;
            }
            None => {
                out.push('&');
                pos = amp + 1;
            }
        }
    }
    out.push_str(&raw[pos..]);
}

type Decoded = (char, Option<char>);

/// Decodes one reference after `&`; returns the chars and bytes consumed.
fn decode_one(s: &[u8]) -> (Option<Decoded>, usize) {
    if s.first() == Some(&b'#') {
        let (hex, start) = match s.get(1) {
            Some(b'x') | Some(b'X') => (true, 2),
            _ => (false, 1),
        };
        let mut end = start;
        while end < s.len()
            && end - start < 8
            && (if hex {
                s[end].is_ascii_hexdigit()
            } else {
                s[end].is_ascii_digit()
            })
        {
            end += 1;
        }
        if end == start {
            return (None, 0);
        }
        let digits = std::str::from_utf8(&s[start..end]).unwrap_or("0");
        let code = u32::from_str_radix(digits, if hex { 16 } else { 10 }).unwrap_or(0xFFFD);
        let consumed = if s.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        let c = match code {
            0x80..=0x9F => windows_1252(code),
            0 => '\u{FFFD}',
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        return (Some((c, None)), consumed);
    }
    let mut end = 0;
    while end < s.len() && end < 32 && s[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end == 0 {
        return (None, 0);
    }
    let name = std::str::from_utf8(&s[..end]).unwrap_or("");
    let with_semi = s.get(end) == Some(&b';');
    let found = if with_semi {
        let key = &std::str::from_utf8(&s[..end + 1]).unwrap_or("");
        NAMED_ENTITIES.get(key).map(|v| (*v, end + 1))
    } else {
        None
    }
    .or_else(|| NAMED_ENTITIES.get(name).map(|v| (*v, end)));
    match found {
        Some(((c1, c2), used)) if c1 != 0 => {
            let a = char::from_u32(c1).unwrap_or('\u{FFFD}');
            let b = if c2 != 0 { char::from_u32(c2) } else { None };
            (Some((a, b)), used)
        }
        _ => (None, 0),
    }
}

fn windows_1252(code: u32) -> char {
    const T: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let v = T.get((code - 0x80) as usize).copied().unwrap_or(0xFFFD);
    char::from_u32(v as u32).unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(d: &Dom) -> Vec<(Tag, u32)> {
        d.nodes.iter().map(|n| (n.tag, n.parent)).collect()
    }

    #[test]
    fn implied_p_end_and_entities() {
        let d = Dom::parse("<p>One &amp; two<p>Three&nbsp;&#8217;s<div>x</div>");
        let t = tags(&d);
        assert_eq!(t[1], (Tag::P, 0));
        assert_eq!(t[3], (Tag::P, 0));
        assert_eq!(t[5], (Tag::Div, 0));
        assert_eq!(d.node_text(2), "One & two");
        assert_eq!(d.node_text(4), "Three\u{a0}\u{2019}s");
    }

    #[test]
    fn head_ends_at_body_content_without_end_tag() {
        let d = Dom::parse("<html><head><meta charset=utf-8><title>T</title><p>Text</p>");
        let head = d.nodes.iter().position(|n| n.tag == Tag::Head).unwrap_or(0);
        let p = d.nodes.iter().position(|n| n.tag == Tag::P).unwrap_or(0);
        assert!(head > 0 && p > 0);
        // The paragraph is not inside the head.
        assert!(d.nodes[head].end as usize <= p);
        let d = Dom::parse("<head><title>T</title>Loose text");
        let head = d.nodes.iter().position(|n| n.tag == Tag::Head).unwrap_or(0);
        let text = d
            .nodes
            .iter()
            .rposition(|n| n.tag == Tag::Text)
            .unwrap_or(0);
        assert!(d.nodes[head].end as usize <= text);
    }

    #[test]
    fn raw_text_and_comments() {
        let d = Dom::parse(
            "<script>if (a<b) {}</script><!-- <p>no</p> --><style>p{}</style><p title='a>b'>yes</p>",
        );
        assert_eq!(d.text_of(0), "yes");
        let p = d.nodes.iter().position(|n| n.tag == Tag::P).unwrap_or(0);
        assert_eq!(d.attr(p, "title"), Some("a>b"));
    }

    #[test]
    fn fallback_content_is_raw_text() {
        let d = Dom::parse("<noframes><p>Get a <b>frames</b> browser</p></noframes><p>yes</p>");
        assert_eq!(d.text_of(0), "yes");
        assert!(d.nodes.iter().any(|n| n.tag == Tag::Fallback));
        assert!(!d.nodes.iter().any(|n| n.tag == Tag::B));
    }

    #[test]
    fn json_ld_kept() {
        let d = Dom::parse(r#"<script type="application/ld+json">{"a":"&amp;"}</script>"#);
        assert_eq!(d.text_of(0), r#"{"a":"&amp;"}"#);
    }

    #[test]
    fn lists_and_tables() {
        let d = Dom::parse("<ul><li>a<li>b</ul><table><tr><td>1<td>2<tr><td>3</table>");
        let lis: Vec<_> = d.nodes.iter().filter(|n| n.tag == Tag::Li).collect();
        assert_eq!(lis.len(), 2);
        assert_eq!(lis[0].parent, lis[1].parent);
        let tds: Vec<_> = d.nodes.iter().filter(|n| n.tag == Tag::Td).collect();
        assert_eq!(tds[0].parent, tds[1].parent);
        assert_ne!(tds[1].parent, tds[2].parent);
    }

    #[test]
    fn subtree_ranges() {
        let d = Dom::parse("<div><p>a<b>b</b></p><p>c</p></div><p>d");
        assert_eq!(d.text_of(1), "abc");
        assert_eq!(d.text_of(0), "abcd");
    }

    #[test]
    fn deep_nesting_is_capped() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let d = Dom::parse(&html);
        assert_eq!(d.text_of(0), "deep");
        let mut depth = 0;
        let mut i = d.nodes.len() - 1;
        while i != 0 {
            i = d.nodes[i].parent as usize;
            depth += 1;
        }
        assert!(depth <= MAX_DEPTH);
    }

    #[test]
    fn many_attributes_stay_linear() {
        let mut html = String::from("<div");
        for i in 0..200_000 {
            html.push_str(&format!(" a{i}=\"v\""));
        }
        html.push_str(" class=\"late\">text</div>");
        let d = Dom::parse(&html);
        assert_eq!(d.attrs_of(1).len(), MAX_ATTRS);
        assert_eq!(d.text_of(0), "text");
    }

    #[test]
    fn truncated_input() {
        for s in [
            "<",
            "<p",
            "<p class=\"x",
            "<!--",
            "&",
            "&#",
            "&#x",
            "<a href=x>t</",
            "</",
        ] {
            let _ = Dom::parse(s);
        }
    }
}
