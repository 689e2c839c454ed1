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
}

/// The charset a page declares about itself (`<meta charset>`, `http-equiv`).
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    triangulate_html::sniff_charset(bytes)
}

/// Extract the article from decoded HTML and add the page's metadata to `cands`.
pub fn extract(src: &MappedText, cands: &mut Candidates) -> HtmlArticle {
    let ex = triangulate_html::extract(src);
    add_meta(&ex.meta, cands);
    let cleaned = crate::clean::clean_text(&ex.body, false, cands);
    let mut removed = ex.removed;
    removed.extend(cleaned.removed);
    removed.sort_by_key(|r| (r.orig.start, r.orig.end));
    HtmlArticle {
        body: cleaned.body,
        removed,
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
