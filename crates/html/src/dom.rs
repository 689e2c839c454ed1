//! A forgiving HTML tokenizer and tree builder that keeps byte positions.
//!
//! Every node remembers where it came from in the decoded input: text nodes their exact byte
//! range, elements the range from their start tag to the end of their end tag (or of their last
//! descendant when the end tag was implied). The tree builder follows the parts of the WHATWG
//! rules that change which element a piece of text ends up in (void elements, implied `</p>`,
//! `</li>`, `</td>`..., raw-text elements, end tags that close intervening elements) and ignores
//! the rest (foster parenting, adoption agency, form pointers): for main-content extraction the
//! exact repair of misnested inline formatting does not matter, and skipping it keeps parsing a
//! single linear pass with no allocation beyond the nodes.
//!
//! Malformed input never fails: unterminated tags, comments and raw-text elements run to the end
//! of the input, stray end tags are ignored, and nesting deeper than [`MAX_DEPTH`] is flattened
//! so that the recursive passes over the tree stay within a small stack.

use std::ops::Range;

/// Deepest element nesting the builder keeps; deeper start tags are flattened into their parent.
pub const MAX_DEPTH: usize = 256;

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;

/// One attribute of a start tag.
#[derive(Debug, Clone)]
pub struct Attr {
    /// Lower-cased attribute name.
    pub name: String,
    /// Value with character references decoded.
    pub value: String,
    /// Byte range of the raw value in the input (inside the quotes), if the attribute had one.
    pub value_range: Option<Range<usize>>,
}

/// What a node is.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// The root that holds everything.
    Document,
    Element {
        /// Lower-cased tag name.
        tag: String,
        attrs: Vec<Attr>,
    },
    /// Character data; the range is the raw text (character references not yet decoded).
    Text,
    /// `<!-- ... -->`, `<!DOCTYPE>`, `<? ... >` and other bogus comments.
    Comment,
}

/// A node of the parsed tree.
#[derive(Debug, Clone)]
pub struct Node {
    pub kind: NodeKind,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    /// Byte range in the input: for text the text itself, for elements start tag to end tag.
    pub range: Range<usize>,
    /// For raw-text elements (`script`, `style`, `title`, `textarea`...): the content range.
    pub raw_content: Option<Range<usize>>,
}

impl Node {
    /// The tag name, for elements.
    pub fn tag(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    /// The decoded value of attribute `name` (lower case).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attr_full(name).map(|a| a.value.as_str())
    }

    /// The whole attribute `name` (lower case), with its source range.
    pub fn attr_full(&self, name: &str) -> Option<&Attr> {
        match &self.kind {
            NodeKind::Element { attrs, .. } => attrs.iter().find(|a| a.name == name),
            _ => None,
        }
    }

    pub fn is_text(&self) -> bool {
        matches!(self.kind, NodeKind::Text)
    }
}

/// A parsed document.
#[derive(Debug, Clone)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

const ROOT: NodeId = 0;

fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
            | "image"
    )
}

/// Elements whose content is not parsed as markup; it ends at the matching end tag.
fn is_raw_text(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "textarea"
            | "title"
            | "plaintext"
    )
}

/// Start tags that close an open `<p>` (WHATWG "in body" insertion mode).
fn closes_p(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
            | "li"
            | "dd"
            | "dt"
            | "listing"
    )
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements that may appear in `<head>`; any other start tag ends the head.
fn is_head_content(tag: &str) -> bool {
    matches!(
        tag,
        "meta" | "link" | "title" | "script" | "style" | "base" | "noscript" | "template"
    )
}

struct Builder {
    nodes: Vec<Node>,
    stack: Vec<NodeId>,
    /// Whether `<noscript>` content is raw text (a browser running scripts) or markup.
    scripting: bool,
}

impl Builder {
    fn current(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(ROOT)
    }

    fn tag_of(&self, id: NodeId) -> &str {
        self.nodes.get(id).and_then(Node::tag).unwrap_or("")
    }

    fn append(&mut self, kind: NodeKind, range: Range<usize>) -> NodeId {
        let parent = self.current();
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            parent: Some(parent),
            children: Vec::new(),
            range,
            raw_content: None,
        });
        if let Some(p) = self.nodes.get_mut(parent) {
            p.children.push(id);
        }
        id
    }

    /// Pop the top element, extending its range to `end`.
    fn pop(&mut self, end: usize) {
        if let Some(id) = self.stack.pop() {
            if let Some(n) = self.nodes.get_mut(id) {
                n.range.end = n.range.end.max(end);
            }
        }
    }

    /// Pop up to and including the innermost open element named `tag`, if one is open below any
    /// element of `barrier`; returns whether it was found.
    fn close(&mut self, tag: &str, barrier: &[&str], end: usize) -> bool {
        let Some(pos) = self.stack.iter().rposition(|&id| {
            let t = self.tag_of(id);
            t == tag || barrier.contains(&t)
        }) else {
            return false;
        };
        if self.tag_of(self.stack[pos]) != tag {
            return false;
        }
        while self.stack.len() > pos {
            self.pop(end);
        }
        true
    }

    fn in_head(&self) -> bool {
        self.stack.iter().any(|&id| self.tag_of(id) == "head")
    }

    fn leave_head(&mut self, at: usize) {
        if self.in_head() {
            self.close("head", &[], at);
        }
    }

    fn start_tag(
        &mut self,
        tag: String,
        attrs: Vec<Attr>,
        self_closing: bool,
        range: Range<usize>,
    ) {
        let start = range.start;
        match tag.as_str() {
            "html" | "body" | "head" => {
                // Repeated html/body/head tags only contribute attributes in browsers.
                if self.nodes.iter().any(|n| n.tag() == Some(tag.as_str())) {
                    return;
                }
                if tag == "body" {
                    self.leave_head(start);
                }
            }
            _ => {
                if !is_head_content(&tag) {
                    self.leave_head(start);
                }
            }
        }
        if closes_p(&tag) {
            self.close("p", &["button", "table", "td", "th", "caption"], start);
        }
        match tag.as_str() {
            "li" => {
                self.close("li", &["ul", "ol", "menu", "table", "td"], start);
            }
            "dt" | "dd" if !self.close("dd", &["dl", "table", "td"], start) => {
                self.close("dt", &["dl", "table", "td"], start);
            }
            "tr" => {
                self.close("tr", &["table", "tbody", "thead", "tfoot"], start);
            }
            "td" | "th" if !self.close("td", &["tr", "table"], start) => {
                self.close("th", &["tr", "table"], start);
            }
            "tbody" | "thead" | "tfoot" => {
                for t in ["tbody", "thead", "tfoot"] {
                    self.close(t, &["table"], start);
                }
            }
            "option" => {
                self.close("option", &["select", "datalist"], start);
            }
            "a" => {
                self.close("a", &["td", "th", "table", "div", "p", "li"], start);
            }
            t if is_heading(t) => {
                let top = self.current();
                if is_heading(self.tag_of(top)) {
                    self.pop(start);
                }
            }
            _ => {}
        }
        let void = is_void(&tag);
        let raw = self.raw_text_here(&tag);
        let too_deep = self.stack.len() >= MAX_DEPTH;
        let id = self.append(NodeKind::Element { tag, attrs }, range);
        if !(void || self_closing || too_deep) || raw {
            self.stack.push(id);
        }
    }

    /// Whether a start tag named `tag` opens a raw-text element at the current position. Inside
    /// `<svg>` and `<math>` (foreign content) `<title>`, `<textarea>` and the like are ordinary
    /// elements, and `<title/>` closes itself; treating it as raw text would swallow the page.
    fn raw_text_here(&self, tag: &str) -> bool {
        is_raw_text(tag)
            && (self.scripting || tag != "noscript")
            && (matches!(tag, "script" | "style")
                || !self
                    .stack
                    .iter()
                    .any(|&id| matches!(self.tag_of(id), "svg" | "math")))
    }

    fn end_tag(&mut self, tag: &str, range: Range<usize>) {
        match tag {
            // Their ends are implied by the end of the input.
            "html" | "body" => return,
            "br" => {
                self.append(
                    NodeKind::Element {
                        tag: "br".to_string(),
                        attrs: Vec::new(),
                    },
                    range,
                );
                return;
            }
            _ => {}
        }
        if let Some(pos) = self.stack.iter().rposition(|&id| self.tag_of(id) == tag) {
            while self.stack.len() > pos + 1 {
                self.pop(range.start);
            }
            self.pop(range.end);
        } else if is_heading(tag) {
            // `<h2>...</h3>` closes whichever heading is open.
            if let Some(pos) = self
                .stack
                .iter()
                .rposition(|&id| is_heading(self.tag_of(id)))
            {
                while self.stack.len() > pos + 1 {
                    self.pop(range.start);
                }
                self.pop(range.end);
            }
        }
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

/// Parse `html` into a tree the way a browser running scripts does. Never fails.
pub fn parse(html: &str) -> Dom {
    parse_with(html, true)
}

/// Parse `html` the way a browser with scripting disabled does: `<noscript>` content is markup,
/// and each `<noscript>` becomes an ordinary `div` container in the tree (that is how such a
/// browser renders it). Pages that write their article only there need this view.
pub fn parse_scripting_disabled(html: &str) -> Dom {
    let mut dom = parse_with(html, false);
    for node in &mut dom.nodes {
        if let NodeKind::Element { tag, .. } = &mut node.kind {
            if tag == "noscript" {
                *tag = "div".to_string();
            }
        }
    }
    dom
}

fn parse_with(html: &str, scripting: bool) -> Dom {
    let bytes = html.as_bytes();
    let mut b = Builder {
        nodes: vec![Node {
            kind: NodeKind::Document,
            parent: None,
            children: Vec::new(),
            range: 0..html.len(),
            raw_content: None,
        }],
        stack: Vec::new(),
        scripting,
    };
    let mut pos = 0;
    let mut text_start = 0;
    while pos < bytes.len() {
        let Some(lt) = memchr::memchr(b'<', &bytes[pos..]) else {
            break;
        };
        let lt = pos + lt;
        let next = bytes.get(lt + 1).copied().unwrap_or(0);
        let token_end;
        if next == b'!' {
            if bytes[lt..].starts_with(b"<!--") {
                let body = lt + 4;
                token_end = match memchr::memmem::find(&bytes[body..], b"-->") {
                    Some(i) => body + i + 3,
                    // `<!-->` and `<!--->` are complete (empty) comments.
                    None => bytes.len(),
                };
            } else {
                token_end = find_gt(bytes, lt + 2);
            }
            flush_text(&mut b, html, text_start, lt);
            b.append(NodeKind::Comment, lt..token_end);
        } else if next == b'?' {
            token_end = find_gt(bytes, lt + 2);
            flush_text(&mut b, html, text_start, lt);
            b.append(NodeKind::Comment, lt..token_end);
        } else if next == b'/' {
            let name_start = lt + 2;
            if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
                if bytes.get(name_start) == Some(&b'>') {
                    // `</>` is dropped entirely.
                    flush_text(&mut b, html, text_start, lt);
                    pos = name_start + 1;
                    text_start = pos;
                    continue;
                }
                // `</ ...>` is a bogus comment.
                token_end = find_gt(bytes, name_start);
                flush_text(&mut b, html, text_start, lt);
                b.append(NodeKind::Comment, lt..token_end);
            } else {
                let mut i = name_start;
                while i < bytes.len() && !is_ws(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
                    i += 1;
                }
                let name = html.get(name_start..i).unwrap_or("").to_ascii_lowercase();
                token_end = find_gt(bytes, i);
                flush_text(&mut b, html, text_start, lt);
                b.end_tag(&name, lt..token_end);
            }
        } else if next.is_ascii_alphabetic() {
            let Some(tag) = parse_start_tag(html, lt) else {
                // Tag cut off by the end of the input: the browser drops it.
                flush_text(&mut b, html, text_start, lt);
                text_start = bytes.len();
                break;
            };
            flush_text(&mut b, html, text_start, lt);
            token_end = tag.end;
            let name = tag.name;
            let raw = b.raw_text_here(&name);
            let name_for_raw = if raw { Some(name.clone()) } else { None };
            b.start_tag(name, tag.attrs, tag.self_closing, lt..token_end);
            if let Some(name) = name_for_raw {
                let content_start = token_end;
                let (content_end, close_end) = if name == "plaintext" {
                    (bytes.len(), bytes.len())
                } else {
                    find_raw_end(bytes, content_start, name.as_bytes())
                };
                let id = b.current();
                if let Some(n) = b.nodes.get_mut(id) {
                    n.raw_content = Some(content_start..content_end);
                }
                if b.tag_of(id) == name {
                    b.pop(close_end);
                }
                pos = close_end;
                text_start = pos;
                continue;
            }
        } else {
            // A lone `<` is text.
            pos = lt + 1;
            continue;
        }
        pos = token_end;
        text_start = pos;
    }
    flush_text(&mut b, html, text_start, bytes.len());
    while !b.stack.is_empty() {
        b.pop(bytes.len());
    }
    Dom { nodes: b.nodes }
}

fn flush_text(b: &mut Builder, html: &str, start: usize, end: usize) {
    if start >= end {
        return;
    }
    let text = html.get(start..end).unwrap_or("");
    if b.in_head() && !text.bytes().all(is_ws) {
        b.leave_head(start);
    }
    // Adjacent text (after a dropped `</>`) joins the previous text node.
    let cur = b.current();
    if let Some(&last) = b.nodes.get(cur).and_then(|n| n.children.last()) {
        if let Some(n) = b.nodes.get_mut(last) {
            if n.is_text() && n.range.end == start {
                n.range.end = end;
                return;
            }
        }
    }
    b.append(NodeKind::Text, start..end);
}

/// Index just past the next `>` at or after `from`, or the end of the input.
fn find_gt(bytes: &[u8], from: usize) -> usize {
    match bytes.get(from..).and_then(|s| memchr::memchr(b'>', s)) {
        Some(i) => from + i + 1,
        None => bytes.len(),
    }
}

/// End of a raw-text element's content and end of its end tag.
fn find_raw_end(bytes: &[u8], from: usize, name: &[u8]) -> (usize, usize) {
    let mut pos = from;
    while let Some(i) = bytes
        .get(pos..)
        .and_then(|s| memchr::memmem::find(s, b"</"))
    {
        let lt = pos + i;
        let name_start = lt + 2;
        let name_end = name_start + name.len();
        if let Some(candidate) = bytes.get(name_start..name_end) {
            if candidate.eq_ignore_ascii_case(name) {
                let after = bytes.get(name_end).copied();
                if after.is_none_or(|c| is_ws(c) || c == b'/' || c == b'>') {
                    return (lt, find_gt(bytes, name_end));
                }
            }
        }
        pos = lt + 2;
    }
    (bytes.len(), bytes.len())
}

struct StartTag {
    name: String,
    attrs: Vec<Attr>,
    self_closing: bool,
    end: usize,
}

/// Parse a start tag beginning at `lt` (`<` followed by a letter); `None` if the input ends first.
fn parse_start_tag(html: &str, lt: usize) -> Option<StartTag> {
    let bytes = html.as_bytes();
    let mut i = lt + 1;
    while i < bytes.len() && !is_ws(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name = html.get(lt + 1..i)?.to_ascii_lowercase();
    let mut attrs: Vec<Attr> = Vec::new();
    let mut self_closing = false;
    loop {
        while i < bytes.len() && is_ws(bytes[i]) {
            i += 1;
        }
        let c = *bytes.get(i)?;
        if c == b'>' {
            return Some(StartTag {
                name,
                attrs,
                self_closing,
                end: i + 1,
            });
        }
        if c == b'/' {
            i += 1;
            self_closing = bytes.get(i) == Some(&b'>');
            continue;
        }
        self_closing = false;
        // Attribute name: up to whitespace, `/`, `>` or `=` (a leading `=` belongs to the name).
        let name_start = i;
        i += 1;
        while i < bytes.len() && !is_ws(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr_name = html.get(name_start..i)?.to_ascii_lowercase();
        while i < bytes.len() && is_ws(bytes[i]) {
            i += 1;
        }
        let mut value = None;
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && is_ws(bytes[i]) {
                i += 1;
            }
            let q = *bytes.get(i)?;
            if q == b'"' || q == b'\'' {
                let vs = i + 1;
                let ve = vs + memchr::memchr(q, bytes.get(vs..)?)?;
                value = Some(vs..ve);
                i = ve + 1;
            } else if q != b'>' {
                let vs = i;
                while i < bytes.len() && !is_ws(bytes[i]) && bytes[i] != b'>' {
                    i += 1;
                }
                value = Some(vs..i);
            }
        }
        // Browsers keep the first of duplicated attributes.
        if !attrs.iter().any(|a| a.name == attr_name) {
            let decoded = value
                .as_ref()
                .and_then(|r| html.get(r.clone()))
                .map(crate::entity::decode_str)
                .unwrap_or_default();
            attrs.push(Attr {
                name: attr_name,
                value: decoded,
                value_range: value,
            });
        }
    }
}

impl Dom {
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// The first element named `tag` in document order.
    pub fn find_first(&self, tag: &str) -> Option<NodeId> {
        self.nodes.iter().position(|n| n.tag() == Some(tag))
    }

    /// Ids of all elements named `tag`, in document order.
    pub fn elements_named<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = NodeId> + 'a {
        self.nodes
            .iter()
            .enumerate()
            .filter(move |(_, n)| n.tag() == Some(tag))
            .map(|(i, _)| i)
    }

    /// Whether `ancestor` is `id` or one of its ancestors.
    pub fn is_ancestor_or_self(&self, ancestor: NodeId, id: NodeId) -> bool {
        let mut cur = Some(id);
        while let Some(c) = cur {
            if c == ancestor {
                return true;
            }
            cur = self.nodes.get(c).and_then(|n| n.parent);
        }
        false
    }

    /// The decoded text of a subtree, whitespace collapsed (for metadata and classification).
    pub fn text_of(&self, html: &str, id: NodeId) -> String {
        let mut out = String::new();
        self.collect_text(html, id, &mut out);
        collapse_ws(&out)
    }

    fn collect_text(&self, html: &str, id: NodeId, out: &mut String) {
        let Some(n) = self.nodes.get(id) else { return };
        match &n.kind {
            NodeKind::Text => {
                out.push_str(&crate::entity::decode_str(
                    html.get(n.range.clone()).unwrap_or(""),
                ));
            }
            NodeKind::Element { tag, .. } => {
                if matches!(tag.as_str(), "script" | "style" | "noscript" | "template") {
                    return;
                }
                if let Some(r) = &n.raw_content {
                    out.push_str(&crate::entity::decode_str(
                        html.get(r.clone()).unwrap_or(""),
                    ));
                    return;
                }
                if matches!(tag.as_str(), "br" | "p" | "div" | "li" | "td" | "th") {
                    out.push(' ');
                }
                for &c in &n.children {
                    self.collect_text(html, c, out);
                }
                if !matches!(tag.as_str(), "a" | "span" | "b" | "i" | "em" | "strong") {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
}

/// Collapse whitespace runs to one space and trim.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
