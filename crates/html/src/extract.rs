//! Main-content extraction: pick the article's container(s), write their text with a byte-exact
//! map, and report everything else as removals.
//!
//! The approach combines Readability's paragraph scoring (each paragraph credits its parent and
//! grandparent by length and commas, containers are weighted by class names and link density)
//! with explicit chrome classification (tags such as `nav` and class names such as `share-bar`)
//! applied both outside and inside the chosen container, plus a link-density filter on blocks.

use crate::classify::{self, chrome_kind};
use crate::dom::{Dom, NodeId, NodeKind};
use crate::entity::{self, Piece};
use std::ops::Range;
use triangulate_doc::{MappedText, MappedTextBuilder, Removal, RemovalKind, Span};

/// Per-node figures computed bottom-up.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stats {
    /// Non-whitespace characters of visible text in the subtree.
    pub chars: u32,
    /// Of those, characters inside links.
    pub link_chars: u32,
    /// Commas (`,` and the CJK/Arabic ones) in the subtree's text.
    pub commas: u32,
    /// Paragraph (`p`) descendants with some text.
    pub paragraphs: u32,
    /// Whether any descendant element is a block.
    pub has_block: bool,
    /// Characters not inside a block descendant (text written straight into the element).
    pub inline_chars: u32,
    /// Of those, characters inside links.
    pub inline_link_chars: u32,
}

pub(crate) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
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
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "ul"
            | "caption"
            | "body"
            | "html"
            | "listing"
    )
}

fn count_text(raw: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    for &b in raw.as_bytes() {
        if !b.is_ascii_whitespace() && (b & 0xC0) != 0x80 {
            chars += 1;
        }
        if b == b',' {
            commas += 1;
        }
    }
    (chars, commas)
}

pub(crate) struct Analysis {
    pub stats: Vec<Stats>,
    /// Chrome kind of the node itself (not inherited).
    pub own_kind: Vec<Option<RemovalKind>>,
    pub desc: Vec<String>,
    pub info: Vec<classify::DescInfo>,
}

pub(crate) fn analyse(dom: &Dom, html: &str) -> Analysis {
    let n = dom.nodes.len();
    let mut stats = vec![Stats::default(); n];
    let mut own_kind = vec![None; n];
    let mut desc = vec![String::new(); n];
    let mut info = vec![classify::DescInfo::default(); n];
    let mut cache: std::collections::HashMap<String, classify::DescInfo> =
        std::collections::HashMap::new();
    // Children always follow their parent in `nodes`, so one reverse pass aggregates bottom-up.
    for id in (0..n).rev() {
        let node = &dom.nodes[id];
        match &node.kind {
            NodeKind::Text => {
                let (c, commas) = count_text(html.get(node.range.clone()).unwrap_or(""));
                stats[id].chars = c;
                stats[id].commas = commas;
                stats[id].inline_chars = c;
            }
            NodeKind::Element { tag, .. } => {
                let d = classify::descriptor(node);
                if !d.is_empty() {
                    info[id] = match cache.get(&d) {
                        Some(i) => i.clone(),
                        None => {
                            let i = classify::DescInfo::of(&d);
                            cache.insert(d.clone(), i.clone());
                            i
                        }
                    };
                }
                own_kind[id] = chrome_kind(tag, &d, node).or_else(|| {
                    if matches!(tag.as_str(), "html" | "body" | "main" | "article") {
                        None
                    } else {
                        info[id].kind.clone()
                    }
                });
                desc[id] = d;
                if classify::markup_tag(tag) {
                    stats[id] = Stats::default();
                } else if tag == "a" {
                    stats[id].link_chars = stats[id].chars;
                    stats[id].inline_link_chars = stats[id].inline_chars;
                } else if tag == "p" && stats[id].chars > 0 {
                    stats[id].paragraphs += 1;
                }
            }
            _ => {}
        }
        if let Some(p) = node.parent {
            let s = stats[id].clone();
            let is_block_el = node.tag().is_some_and(is_block);
            let ps = &mut stats[p];
            ps.chars += s.chars;
            ps.link_chars += s.link_chars;
            ps.commas += s.commas;
            ps.paragraphs += s.paragraphs;
            ps.has_block |= s.has_block || is_block_el;
            if !is_block_el {
                ps.inline_chars += s.inline_chars;
                ps.inline_link_chars += s.inline_link_chars;
            }
        }
    }
    Analysis {
        stats,
        own_kind,
        desc,
        info,
    }
}

fn link_density(s: &Stats) -> f32 {
    if s.chars == 0 {
        0.0
    } else {
        s.link_chars as f32 / s.chars as f32
    }
}

/// Choose the article container(s): the ids of the subtrees whose text is the article.
pub(crate) fn choose_roots(
    dom: &Dom,
    html: &str,
    a: &Analysis,
    dropped: &[Option<RemovalKind>],
) -> Vec<NodeId> {
    let n = dom.nodes.len();
    let body = dom.find_first("body").unwrap_or(0);
    let mut score = vec![0f32; n];
    let mut scored = vec![false; n];
    let init = |id: NodeId, score: &mut Vec<f32>, scored: &mut Vec<bool>| {
        if scored[id] {
            return;
        }
        scored[id] = true;
        let node = &dom.nodes[id];
        let base = match node.tag().unwrap_or("") {
            "div" | "article" | "section" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        // Class names vouch for a container only as far as it has text to show for them.
        let text_share = (a.stats[id].chars as f32 / 500.0).min(1.0);
        score[id] = base + classify::class_weight(node) * text_share;
        if node
            .attr("itemprop")
            .is_some_and(|v| v.contains("articleBody"))
        {
            score[id] += 50.0;
        }
    };
    for (id, drop) in dropped.iter().enumerate() {
        if drop.is_some() || !dom.is_ancestor_or_self(body, id) {
            continue;
        }
        let node = &dom.nodes[id];
        let Some(tag) = node.tag() else { continue };
        let is_para = match tag {
            "p" | "pre" | "td" => true,
            "div" | "section" | "blockquote" => !a.stats[id].has_block,
            _ => false,
        };
        let s = &a.stats[id];
        if !is_para {
            // Text written straight into a container between its blocks is a paragraph of
            // that container (Readability wraps such runs in `<p>`).
            if s.has_block && s.inline_chars >= 25 && is_block(tag) {
                let commas = s.commas as f32 * s.inline_chars as f32 / s.chars.max(1) as f32;
                let content =
                    1.0 + commas.floor() + (s.inline_chars as f32 / 100.0).floor().min(3.0);
                let mut anc = Some(id);
                let mut level = 0;
                while let Some(p) = anc {
                    if level >= 5 || dom.nodes[p].tag().is_none() {
                        break;
                    }
                    init(p, &mut score, &mut scored);
                    score[p] += content / level_divider(level);
                    anc = dom.nodes[p].parent;
                    level += 1;
                }
            }
            continue;
        }
        if s.chars < 25 {
            continue;
        }
        // Lists of names and tag clouds are comma-dense; prose has a comma every few dozen
        // characters at most, so commas beyond that earn nothing.
        let commas = (s.commas as f32).min(s.chars as f32 / 50.0).floor();
        let content = 1.0 + commas + (s.chars as f32 / 100.0).floor().min(3.0);
        // An article body written as one text block (no `<p>`s) is its own candidate.
        let marked = a.info[id].strong
            || node
                .attr("itemprop")
                .is_some_and(|v| v.contains("articleBody"));
        if marked {
            init(id, &mut score, &mut scored);
            score[id] += content;
        }
        let mut anc = node.parent;
        let mut level = 0;
        while let Some(p) = anc {
            if level >= 5 || dom.nodes[p].tag().is_none() {
                break;
            }
            init(p, &mut score, &mut scored);
            score[p] += content / level_divider(level);
            anc = dom.nodes[p].parent;
            level += 1;
        }
    }
    let mut best: Option<(NodeId, f32)> = None;
    for id in 0..n {
        if !scored[id]
            || dropped[id].is_some()
            || matches!(dom.nodes[id].tag(), Some("body" | "html"))
        {
            continue;
        }
        let fin = score[id] * (1.0 - link_density(&a.stats[id]));
        score[id] = fin;
        if best.is_none_or(|(_, b)| fin > b) {
            best = Some((id, fin));
        }
    }
    let Some((mut top, mut top_score)) = best else {
        return vec![body];
    };
    // Climb while the parent scores as well: the article is often split over sibling wrappers.
    let threshold = top_score / 3.0;
    let mut last = top_score;
    let mut parent = dom.nodes[top].parent;
    while let Some(p) = parent {
        if p == body || p == 0 {
            break;
        }
        if !scored[p] {
            parent = dom.nodes[p].parent;
            continue;
        }
        let ps = score[p];
        if ps < threshold {
            break;
        }
        if ps > last {
            top = p;
            top_score = ps;
            break;
        }
        last = ps;
        parent = dom.nodes[p].parent;
    }
    // An only child adds nothing: its parent is the same container with more context.
    while let Some(p) = dom.nodes[top].parent {
        if p == body || p == 0 || dropped[p].is_some() {
            break;
        }
        let element_children = dom.nodes[p]
            .children
            .iter()
            .filter(|&&c| dom.nodes[c].tag().is_some() || a.stats[c].chars > 0)
            .count();
        if element_children != 1 {
            break;
        }
        top = p;
    }
    let acc = prose_and_other(dom, a, dropped);
    let top = widen(dom, &acc, dropped, top, body);
    // Siblings that look like more of the article join it.
    let Some(parent) = dom.nodes[top].parent else {
        return vec![top];
    };
    let sibling_threshold = (top_score * 0.2).max(10.0);
    let top_desc = &a.desc[top];
    let mut roots = Vec::new();
    for &sib in &dom.nodes[parent].children {
        if sib == top {
            roots.push(sib);
            continue;
        }
        if dropped[sib].is_some() {
            continue;
        }
        let node = &dom.nodes[sib];
        let Some(tag) = node.tag() else { continue };
        // Sibling `<article>`s are other posts (blog front pages, "next article" blocks).
        if matches!(tag, "article" | "aside" | "nav" | "header" | "footer") {
            continue;
        }
        let s = &a.stats[sib];
        let mut append = false;
        let mut bonus = 0.0;
        if !top_desc.is_empty() && a.desc[sib] == *top_desc {
            bonus += top_score * 0.2;
        }
        let (prose, other) = acc[sib];
        if scored[sib] && score[sib] + bonus >= sibling_threshold {
            append = true;
        } else if prose >= SIBLING_PROSE && prose as f32 >= OTHER_TEXT_COST * other as f32 {
            // A sibling block of clean prose (the second half of an article after an ad slot).
            append = true;
        } else if tag == "p" {
            let ld = link_density(s);
            let long_prose = s.chars > 80 && ld < 0.25;
            let short_sentence =
                s.chars > 0 && s.chars <= 80 && ld == 0.0 && ends_sentence(&dom.text_of(html, sib));
            append = long_prose || short_sentence;
        }
        if append {
            roots.push(sib);
        }
    }
    add_prose_regions(dom, &acc, dropped, top, &mut roots);
    add_header_leads(dom, html, a, dropped, top, &mut roots);
    add_repeated_posts(dom, a, dropped, top, &mut roots);
    add_recipe_parts(dom, a, dropped, &mut roots);
    roots
}

/// Other posts built like the chosen container (same tag, same class names): the question and
/// the other answers of a Q&A page, the other posts of a forum thread.
fn add_repeated_posts(
    dom: &Dom,
    a: &Analysis,
    dropped: &[Option<RemovalKind>],
    top: NodeId,
    roots: &mut Vec<NodeId>,
) {
    // The post's own wrapper is the chosen container or, when that was widened to the thread,
    // a block inside it that holds a post's text.
    let mut shapes: std::collections::HashSet<(&str, Option<&str>)> =
        std::collections::HashSet::new();
    // Subtrees are contiguous in node order.
    let end = (top..dom.nodes.len())
        .take_while(|&id| dom.is_ancestor_or_self(top, id))
        .last()
        .unwrap_or(top);
    for id in top..=end {
        let d = a.desc[id].as_str();
        if d.trim().is_empty() || dom.nodes[id].tag().is_none() {
            continue;
        }
        let s = &a.stats[id];
        if id == top || (s.paragraphs >= 1 && s.chars >= REPEATED_POST_CHARS) {
            shapes.insert((d, dom.nodes[id].tag()));
        }
    }
    let mut found = Vec::new();
    for (id, drop) in dropped.iter().enumerate() {
        if drop.is_some()
            || (top..=end).contains(&id)
            || !shapes.contains(&(a.desc[id].as_str(), dom.nodes[id].tag()))
        {
            continue;
        }
        let s = &a.stats[id];
        if s.chars < REPEATED_POST_CHARS || link_density(s) > 0.1 {
            continue;
        }
        let covered = roots
            .iter()
            .chain(found.iter())
            .any(|&r| dom.is_ancestor_or_self(r, id) || dom.is_ancestor_or_self(id, r));
        if !covered {
            found.push(id);
        }
    }
    roots.extend(found);
}

/// Characters another post needs to join the chosen one.
const REPEATED_POST_CHARS: u32 = 100;

/// The ingredient list and method of a recipe page, wherever they sit: the best-scoring container
/// of a recipe is usually its description or its comments, and the list is never prose.
fn add_recipe_parts(
    dom: &Dom,
    a: &Analysis,
    dropped: &[Option<RemovalKind>],
    roots: &mut Vec<NodeId>,
) {
    let parts: Vec<(NodeId, classify::RecipePart)> = (0..dom.nodes.len())
        .filter(|&id| dropped[id].is_none())
        .filter_map(|id| classify::recipe_part(&a.desc[id]).map(|p| (id, p)))
        // One ingredient per list item: the list is the part.
        .filter_map(|(id, p)| {
            let mut part = id;
            if matches!(dom.nodes[id].tag(), Some("li" | "tr")) {
                let mut cur = dom.nodes[id].parent;
                while let Some(c) = cur {
                    if matches!(dom.nodes[c].tag(), Some("ul" | "ol" | "table")) {
                        part = c;
                        break;
                    }
                    cur = dom.nodes[c].parent;
                }
            }
            (dropped[part].is_none() && a.stats[part].chars >= RECIPE_PART_CHARS)
                .then_some((part, p))
        })
        .collect();
    if !parts
        .iter()
        .any(|&(_, p)| p == classify::RecipePart::Ingredients)
    {
        return;
    }
    for (id, _) in parts {
        if link_density(&a.stats[id]) > 0.5 {
            continue;
        }
        let covered = roots
            .iter()
            .any(|&r| dom.is_ancestor_or_self(r, id) || dom.is_ancestor_or_self(id, r));
        if !covered {
            roots.push(id);
        }
    }
}

/// Characters an ingredient list or method block needs (buttons named after them are shorter).
const RECIPE_PART_CHARS: u32 = 30;

/// Lead paragraphs written into the article's header (`<header class="entry-header">` holding
/// the headline, the byline and a standfirst): the standfirst is article text, the rest is not.
///
/// Only headers shortly before the chosen container (inside one of its nearest ancestors)
/// are searched, and only for paragraphs that read as sentences with few links.
fn add_header_leads(
    dom: &Dom,
    html: &str,
    a: &Analysis,
    dropped: &[Option<RemovalKind>],
    top: NodeId,
    roots: &mut Vec<NodeId>,
) {
    let mut scope = top;
    for _ in 0..HEADER_SCOPE_LEVELS {
        match dom.nodes[scope].parent {
            Some(p) if !matches!(dom.nodes[p].tag(), Some("body" | "html") | None) => scope = p,
            _ => break,
        }
    }
    let mut found = Vec::new();
    let before_top = dropped.iter().enumerate().take(top).skip(scope + 1);
    for (id, drop) in before_top {
        if !matches!(drop, Some(RemovalKind::Header | RemovalKind::Metadata))
            || !dom.nodes[id].tag().is_some_and(|t| {
                t == "p" || (matches!(t, "div" | "span") && !a.stats[id].has_block)
            })
        {
            continue;
        }
        let s = &a.stats[id];
        if s.chars < HEADER_LEAD_CHARS || link_density(s) > 0.2 {
            continue;
        }
        let in_heading = {
            let mut cur = dom.nodes[id].parent;
            let mut hit = false;
            while let Some(p) = cur {
                if p == scope {
                    break;
                }
                if matches!(
                    dom.nodes[p].tag(),
                    Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "a")
                ) {
                    hit = true;
                    break;
                }
                cur = dom.nodes[p].parent;
            }
            hit
        };
        let text = dom.text_of(html, id);
        let text = text.trim_end();
        let sentence = ends_sentence(text) || text.ends_with(['?', '!', '…']);
        if in_heading || !sentence {
            continue;
        }
        // The header itself must be what drops the paragraph (not a caption or notice inside
        // it), and it must hold the headline before the paragraph: cookie banners and photo
        // credits sit in headers too.
        let mut holder = None;
        let mut cur = Some(id);
        while let Some(c) = cur {
            if a.own_kind[c].is_some() {
                holder = Some(c);
                break;
            }
            cur = dom.nodes[c].parent;
        }
        let Some(holder) = holder else { continue };
        if !matches!(
            a.own_kind[holder],
            Some(RemovalKind::Header | RemovalKind::Metadata)
        ) || holder == id
        {
            continue;
        }
        let headline_before =
            (holder + 1..id).any(|h| matches!(dom.nodes[h].tag(), Some("h1" | "h2")));
        if !headline_before {
            continue;
        }
        found.push(id);
    }
    roots.extend(found);
}

/// Characters a paragraph in the article header needs to count as a standfirst.
const HEADER_LEAD_CHARS: u32 = 60;

/// How many ancestors of the chosen container are searched for its header.
const HEADER_SCOPE_LEVELS: usize = 5;

/// Prose and other text of each subtree, leaving out subtrees that are dropped as chrome.
///
/// A block's own text (not in nested blocks) is prose when it is sentence-length and mostly not
/// links; everything else visible counts as other text.
fn prose_and_other(dom: &Dom, a: &Analysis, dropped: &[Option<RemovalKind>]) -> Vec<(u32, u32)> {
    let n = dom.nodes.len();
    let mut acc = vec![(0u32, 0u32); n];
    for id in (0..n).rev() {
        if dropped[id].is_some() {
            continue;
        }
        let node = &dom.nodes[id];
        if let Some(tag) = node.tag() {
            if is_block(tag) {
                let s = &a.stats[id];
                let own = s.inline_chars;
                let links = s.inline_link_chars;
                if own >= 50 && (links as f32) < own as f32 * 0.3 {
                    acc[id].0 += own - links;
                    acc[id].1 += links;
                } else {
                    acc[id].1 += own;
                }
            }
        }
        if let Some(p) = node.parent {
            let (g, b) = acc[id];
            acc[p].0 += g;
            acc[p].1 += b;
        }
    }
    acc
}

/// How many characters of prose one character of other text must buy when widening (tuned on
/// the Zyte and trafilatura benchmarks: 5–8 is a plateau).
const OTHER_TEXT_COST: f32 = 6.0;

/// Other blocks of clean prose inside the same `<article>` or `<main>` as the chosen container
/// (a product description beside its specification table, a question beside its answers).
fn add_prose_regions(
    dom: &Dom,
    acc: &[(u32, u32)],
    dropped: &[Option<RemovalKind>],
    top: NodeId,
    roots: &mut Vec<NodeId>,
) {
    let Some(scope) = (|| {
        let mut cur = dom.nodes[top].parent;
        while let Some(p) = cur {
            if matches!(dom.nodes[p].tag(), Some("article" | "main")) {
                return Some(p);
            }
            cur = dom.nodes[p].parent;
        }
        None
    })() else {
        return;
    };
    let qualifies = |id: NodeId| {
        let (prose, other) = acc[id];
        dropped[id].is_none()
            && prose >= REGION_PROSE
            && prose as f32 >= OTHER_TEXT_COST * other as f32
    };
    let mut id = scope + 1;
    while id < dom.nodes.len() && dom.is_ancestor_or_self(scope, id) {
        let in_root = roots
            .iter()
            .any(|&r| dom.is_ancestor_or_self(r, id) || dom.is_ancestor_or_self(id, r));
        let is_el = dom.nodes[id].tag().is_some();
        if !in_root && is_el && qualifies(id) {
            roots.push(id);
        }
        id += 1;
    }
}

/// Prose characters a block elsewhere in the article element needs to be added.
const REGION_PROSE: u32 = 250;

/// Prose characters a sibling of the article container needs to join it on prose alone.
const SIBLING_PROSE: u32 = 120;

/// Move from the best-scoring container up to the ancestor that gains the most prose for the
/// least other text: an article split over several wrappers (text, quote box, second half after
/// an ad) is found whole, while a step that adds a sidebar or a page of links is not taken.
fn widen(
    dom: &Dom,
    acc: &[(u32, u32)],
    dropped: &[Option<RemovalKind>],
    top: NodeId,
    body: NodeId,
) -> NodeId {
    let value = |id: NodeId| {
        let (g, b) = acc[id];
        g as f32 - OTHER_TEXT_COST * b as f32
    };
    let mut best = top;
    let mut best_value = value(top);
    let mut cur = dom.nodes[top].parent;
    while let Some(p) = cur {
        if p == body || p == 0 || dropped[p].is_some() {
            break;
        }
        let v = value(p);
        if v > best_value {
            best = p;
            best_value = v;
        }
        cur = dom.nodes[p].parent;
    }
    best
}

/// How much of a paragraph's score an ancestor `level` steps up receives.
fn level_divider(level: usize) -> f32 {
    match level {
        0 => 1.0,
        1 => 2.0,
        l => l as f32 * 3.0,
    }
}

/// Readability's test for a short paragraph that is still prose: a full stop before a space or
/// at the end.
fn ends_sentence(text: &str) -> bool {
    text.ends_with('.') || text.contains(". ")
}

/// Writes the kept text with whitespace collapsed and block breaks inserted.
pub(crate) struct TextWriter<'a> {
    src: &'a MappedText,
    pub out: MappedTextBuilder,
    /// Break owed before the next visible text: 0 none, 1 space-like, 2 line, 3 paragraph.
    pending_break: u8,
    pending_at: usize,
    /// Whitespace seen since the last visible character (source range).
    pending_space: Option<Range<usize>>,
    pieces: Vec<Piece>,
}

impl<'a> TextWriter<'a> {
    pub fn new(src: &'a MappedText) -> Self {
        TextWriter {
            src,
            out: MappedTextBuilder::with_capacity(src.len() / 8),
            pending_break: 0,
            pending_at: 0,
            pending_space: None,
            pieces: Vec::new(),
        }
    }

    pub fn request_break(&mut self, strength: u8, at: usize) {
        if strength > self.pending_break {
            self.pending_break = strength;
            self.pending_at = at;
        }
    }

    fn flush_separators(&mut self) {
        if self.out.is_empty() {
            self.pending_break = 0;
            self.pending_space = None;
            return;
        }
        match self.pending_break {
            3 => self
                .out
                .push_inserted("\n\n", self.src_orig(self.pending_at)),
            2 => self.out.push_inserted("\n", self.src_orig(self.pending_at)),
            _ => {
                if let Some(ws) = self.pending_space.take() {
                    if self.src.text.get(ws.clone()) == Some(" ") {
                        self.out.push_from(self.src, ws);
                    } else {
                        self.out.push_replacing(" ", self.src, ws);
                    }
                } else if self.pending_break == 1 {
                    self.out.push_inserted(" ", self.src_orig(self.pending_at));
                }
            }
        }
        self.pending_break = 0;
        self.pending_space = None;
    }

    fn src_orig(&self, at: usize) -> usize {
        self.src.to_original(Span::new(at, at)).start
    }

    /// Append the text node at `range` of the source (raw, references undecoded).
    pub fn text(&mut self, range: Range<usize>) {
        let Some(raw) = self.src.text.get(range.clone()) else {
            return;
        };
        self.pieces.clear();
        entity::pieces(raw, range.start, &mut self.pieces);
        let pieces = std::mem::take(&mut self.pieces);
        for p in &pieces {
            match p {
                Piece::Literal(r) => self.literal(r.clone()),
                Piece::Reference { range, text } => {
                    if text == SOFT_HYPHEN {
                        continue;
                    }
                    if text.chars().all(|c| c.is_whitespace()) {
                        self.space(range.clone());
                    } else {
                        self.flush_separators();
                        self.out.push_replacing(text, self.src, range.clone());
                    }
                }
            }
        }
        self.pieces = pieces;
    }

    fn space(&mut self, r: Range<usize>) {
        match &mut self.pending_space {
            Some(ws) => ws.end = r.end,
            None => self.pending_space = Some(r),
        }
    }

    fn literal(&mut self, r: Range<usize>) {
        let Some(s) = self.src.text.get(r.clone()) else {
            return;
        };
        let base = r.start;
        let mut run_start: Option<usize> = None;
        for (i, c) in s.char_indices() {
            // Soft hyphens are line-break hints (`Mit&shy;tel&shy;al&shy;ter`): a word split by
            // them is still one word to anyone searching the text.
            if c == '\u{ad}' {
                if let Some(st) = run_start.take() {
                    self.flush_separators();
                    self.out.push_from(self.src, base + st..base + i);
                }
                continue;
            }
            let ws = c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}';
            if ws {
                if let Some(st) = run_start.take() {
                    self.flush_separators();
                    self.out.push_from(self.src, base + st..base + i);
                }
                self.space(base + i..base + i + c.len_utf8());
            } else if run_start.is_none() {
                run_start = Some(i);
            }
        }
        if let Some(st) = run_start {
            self.flush_separators();
            self.out.push_from(self.src, base + st..base + s.len());
        }
    }

    pub fn finish(mut self) -> MappedText {
        self.out.trim_end();
        self.out.finish()
    }
}

const SOFT_HYPHEN: &str = "\u{ad}";

/// Break strength a tag asks for around itself.
pub(crate) fn break_of(tag: &str) -> u8 {
    match tag {
        "br" | "li" | "tr" | "dt" | "dd" => 2,
        "td" | "th" => 1,
        t if is_block(t) => 3,
        _ => 0,
    }
}

/// Make a removal for `range` of the source, with a short preview of `text`.
pub(crate) fn removal(
    src: &MappedText,
    kind: RemovalKind,
    range: Range<usize>,
    text: &str,
) -> Removal {
    let mut preview = String::new();
    for w in text.split_whitespace() {
        if preview.len() + w.len() > 80 {
            preview.push('…');
            break;
        }
        if !preview.is_empty() {
            preview.push(' ');
        }
        preview.push_str(w);
    }
    Removal {
        kind,
        orig: src.to_original(Span::from(range)),
        preview,
    }
}
