//! The HTML path: `triangulate-html` extracts the article and page metadata; we turn its
//! metadata into candidates and pass the article text through the text cleaner for the
//! byline/dateline/furniture lines that page markup does not mark.

use crate::meta::{confidence, Candidates};
use triangulate_doc::{EvidenceSource, MappedText, MetaValue, Removal};
use triangulate_html::{HtmlMeta, MetaKey};

/// Extraction result: article text (mapped to the raw bytes) and removals.
pub struct HtmlArticle {
    pub body: MappedText,
    pub removed: Vec<Removal>,
    /// The article is its headline alone (see [`crate::clean::Cleaned::headline_only`]).
    pub headline_only: bool,
}

/// The charset a page declares about itself (`<meta charset>`, `http-equiv`).
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    triangulate_html::sniff_charset(bytes)
}

/// Extract the article from decoded HTML and add the page's metadata to `cands`.
pub fn extract(src: &MappedText, cands: &mut Candidates) -> HtmlArticle {
    let lower_head = src
        .text
        .get(..src.text.len().min(4096))
        .unwrap_or(&src.text)
        .to_ascii_lowercase();
    let is_page = lower_head.contains("<html")
        || lower_head.contains("<body")
        || lower_head.contains("<!doctype");
    let ex = triangulate_html::extract(src);
    add_meta(&ex.meta, cands);
    // Feed items and JSON records carry article fragments (a run of `<p>`s) with no page around
    // them; the page extractor looks for a main container and may find none. The fragment is
    // the article, so all of its text is kept.
    let (body, mut removed) = if !is_page && ex.body.text.trim().is_empty() {
        fragment_text(src)
    } else {
        (ex.body, ex.removed)
    };
    for r in &removed {
        let p = r.preview.trim_start();
        let copyright_line = r.kind == triangulate_doc::RemovalKind::Copyright
            || p.starts_with('©')
            || p.starts_with("(c) ")
            || p.to_ascii_lowercase().starts_with("copyright ");
        if copyright_line {
            if let Some(holder) = crate::clean::copyright_holder(&r.preview) {
                cands.add_outlet(
                    &holder,
                    EvidenceSource::CopyrightLine,
                    Some(r.orig.clone()),
                    confidence::COPYRIGHT,
                );
            }
        }
    }
    let cleaned = crate::clean::clean_text(&body, crate::clean::CleanMode::Extracted, cands);
    removed.extend(cleaned.removed);
    removed.sort_by_key(|r| (r.orig.start, r.orig.end));
    HtmlArticle {
        body: cleaned.body,
        removed,
        headline_only: cleaned.headline_only,
    }
}

fn add_meta(meta: &HtmlMeta, cands: &mut Candidates) {
    let conf = confidence::STRUCTURED;
    for f in &meta.fields {
        let src = f.source.clone();
        let orig = f.orig.clone();
        match f.key {
            // The headline is the article's own title; `<title>` often carries " | Outlet".
            MetaKey::Headline => cands.add_title(&f.value, src, orig, conf),
            MetaKey::Title => cands.add_title(&strip_site_suffix(&f.value), src, orig, conf - 0.15),
            MetaKey::Author => {
                for name in split_authors(&f.value) {
                    cands.add_author(&name, src.clone(), orig.clone(), conf);
                }
            }
            MetaKey::Published => {
                if let Some(p) = crate::dates::parse_date(&f.value) {
                    cands.add_published(p.date, p.time, src, orig, conf);
                }
            }
            MetaKey::SiteName => cands.add_outlet(&f.value, src, orig, conf),
            MetaKey::Publisher => cands.add_outlet(&f.value, src, orig, conf - 0.05),
            MetaKey::Url | MetaKey::Canonical => cands.add_url(&f.value, src, orig, conf),
            MetaKey::Language => cands.add_language(&f.value, src, orig, conf),
            MetaKey::Modified | MetaKey::Section | MetaKey::Description => {}
        }
    }
    if let Some(lang) = &meta.lang {
        cands.add_language(
            lang,
            EvidenceSource::HtmlElement("html lang".into()),
            None,
            conf,
        );
    }
    for f in &meta.page_dates {
        if let Some(p) = crate::dates::parse_date(&f.value) {
            cands.page_dates.push(MetaValue::new(
                p.date,
                f.source.clone(),
                f.orig.clone(),
                confidence::BARE_DATE,
            ));
        }
    }
}

/// "Accord signed | Brenna Herald" → "Accord signed".
fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " – ", " — ", " - ", " :: "] {
        if let Some(i) = title.rfind(sep) {
            let head = &title[..i];
            if head.split_whitespace().count() >= 2 {
                return head.to_string();
            }
        }
    }
    title.to_string()
}

fn split_authors(value: &str) -> Vec<String> {
    let v = value.trim();
    let v = v
        .strip_prefix("By ")
        .or_else(|| v.strip_prefix("by "))
        .unwrap_or(v);
    v.split([',', ';', '&', '|'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Elements whose content is not article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "svg",
    "figcaption",
    "iframe",
    "object",
];
/// Elements that end a paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "figure",
    "header",
    "footer",
    "aside",
    "pre",
    "hr",
    "dd",
    "dt",
];

/// All text of an HTML fragment: tags dropped, character references decoded, whitespace runs
/// collapsed, a blank line at block boundaries. Script-like elements and captions are removals.
pub fn fragment_text(src: &MappedText) -> (MappedText, Vec<Removal>) {
    use triangulate_doc::{MappedTextBuilder, RemovalKind, Span};
    use triangulate_html::entity::{pieces, Piece};
    let text = src.text.as_str();
    let mut b = MappedTextBuilder::with_capacity(text.len());
    let mut removed = Vec::new();
    let mut pos = 0;
    let mut pending_break = false;
    let mut pending_space = false;
    while pos < text.len() {
        let Some(lt) = text[pos..].find('<').map(|i| pos + i) else {
            push_text(
                &mut b,
                src,
                pos,
                text.len(),
                &mut pending_break,
                &mut pending_space,
            );
            break;
        };
        push_text(&mut b, src, pos, lt, &mut pending_break, &mut pending_space);
        let rest = &text[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let end = after.find("-->").map_or(text.len(), |i| lt + 4 + i + 3);
            removed.push(crate::clean::removal(src, RemovalKind::Markup, lt..end));
            pos = end;
            continue;
        }
        let Some(gt) = rest.find('>').map(|i| lt + i + 1) else {
            // A lone "<" in text.
            push_text(
                &mut b,
                src,
                lt,
                lt + 1,
                &mut pending_break,
                &mut pending_space,
            );
            pos = lt + 1;
            continue;
        };
        let tag = &text[lt + 1..gt - 1];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            push_text(
                &mut b,
                src,
                lt,
                lt + 1,
                &mut pending_break,
                &mut pending_space,
            );
            pos = lt + 1;
            continue;
        }
        if !closing && SKIPPED_ELEMENTS.contains(&name.as_str()) {
            let close = format!("</{name}");
            let end = text[gt..]
                .to_ascii_lowercase()
                .find(&close)
                .and_then(|i| text[gt + i..].find('>').map(|j| gt + i + j + 1))
                .unwrap_or(text.len());
            let kind = if name == "figcaption" {
                RemovalKind::Caption
            } else {
                RemovalKind::Markup
            };
            removed.push(crate::clean::removal(src, kind, lt..end));
            pos = end;
            pending_break = true;
            continue;
        }
        if BLOCK_ELEMENTS.contains(&name.as_str()) {
            pending_break = true;
        }
        pos = gt;
    }
    b.trim_end();

    fn push_text(
        b: &mut MappedTextBuilder,
        src: &MappedText,
        start: usize,
        end: usize,
        pending_break: &mut bool,
        pending_space: &mut bool,
    ) {
        let text = &src.text[start..end];
        let mut ps = Vec::new();
        pieces(text, start, &mut ps);
        for p in ps {
            match p {
                Piece::Literal(r) => {
                    let lit = &src.text[r.clone()];
                    for (word_start, word) in split_keep_ws(lit) {
                        let abs = r.start + word_start;
                        if word.chars().all(char::is_whitespace) {
                            *pending_space = true;
                        } else {
                            separator(b, src, abs, pending_break, pending_space);
                            b.push_from(src, abs..abs + word.len());
                        }
                    }
                }
                Piece::Reference { range, text } => {
                    if text.chars().all(char::is_whitespace) {
                        *pending_space = true;
                        continue;
                    }
                    separator(b, src, range.start, pending_break, pending_space);
                    b.push_replacing(&text, src, range);
                }
            }
        }
    }

    fn separator(
        b: &mut MappedTextBuilder,
        src: &MappedText,
        at: usize,
        pending_break: &mut bool,
        pending_space: &mut bool,
    ) {
        if b.is_empty() {
            *pending_break = false;
            *pending_space = false;
            return;
        }
        let anchor = src.to_original(Span::new(at, at)).start;
        if *pending_break {
            b.push_inserted("\n\n", anchor);
        } else if *pending_space {
            b.push_inserted(" ", anchor);
        }
        *pending_break = false;
        *pending_space = false;
    }

    (b.finish(), removed)
}

/// Split into alternating runs of whitespace and non-whitespace, with their offsets.
fn split_keep_ws(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_ws = None;
    for (i, c) in s.char_indices() {
        let ws = c.is_whitespace();
        match in_ws {
            Some(prev) if prev != ws => {
                out.push((start, &s[start..i]));
                start = i;
            }
            _ => {}
        }
        in_ws = Some(ws);
    }
    if start < s.len() {
        out.push((start, &s[start..]));
    }
    out
}
