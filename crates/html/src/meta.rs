//! Page metadata, reported raw with where each value was found.

use crate::dom::{collapse_ws, Dom, NodeId, NodeKind};
use crate::entity;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::ops::Range;
use triangulate_doc::{EvidenceSource, MappedText, Span};

/// What a metadata value is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaKey {
    /// The document title (`<title>`).
    Title,
    /// The article's headline (`<h1>`, `og:title`, JSON-LD `headline`).
    Headline,
    Author,
    /// Publication date or date-time, as written in the page.
    Published,
    Modified,
    /// The outlet's name (`og:site_name`).
    SiteName,
    Url,
    Canonical,
    Language,
    Section,
    Description,
    Publisher,
}

/// One metadata value with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetaField {
    pub key: MetaKey,
    /// The value as written (character references decoded, whitespace collapsed).
    pub value: String,
    pub source: EvidenceSource,
    /// Byte range in the original input the value was read from, when it can be located.
    pub orig: Option<Range<usize>>,
}

/// Metadata found in a page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HtmlMeta {
    /// Values in document order of discovery; several sources may give the same key.
    pub fields: Vec<MetaField>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// Charset declared by `<meta charset>` or `http-equiv=Content-Type`.
    pub declared_charset: Option<String>,
    /// Date strings found in page chrome (site headers, weather widgets, tickers, footers): not
    /// the article's date, kept apart so that it is never taken for one. Key is `Published`.
    pub page_dates: Vec<MetaField>,
}

impl HtmlMeta {
    /// The first value for `key`, if any.
    pub fn first(&self, key: MetaKey) -> Option<&MetaField> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// All values for `key`.
    pub fn all(&self, key: MetaKey) -> impl Iterator<Item = &MetaField> {
        self.fields.iter().filter(move |f| f.key == key)
    }
}

fn meta_key(name: &str) -> Option<MetaKey> {
    let key = match name {
        "og:title" | "twitter:title" | "parsely-title" | "dc.title" | "dcterms.title"
        | "headline" | "sailthru.title" => MetaKey::Headline,
        "og:site_name" | "application-name" | "al:ios:app_name" | "twitter:site" => {
            MetaKey::SiteName
        }
        "og:url" | "parsely-link" | "twitter:url" => MetaKey::Url,
        "description" | "og:description" | "twitter:description" | "dc.description" => {
            MetaKey::Description
        }
        "article:published_time"
        | "og:published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "publish_date"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.created"
        | "dcterms.issued"
        | "dcterms.date"
        | "sailthru.date"
        | "parsely-pub-date"
        | "article.published"
        | "originalpublicationdate"
        | "citation_publication_date"
        | "displaydate"
        | "release_date"
        | "og:article:published_time" => MetaKey::Published,
        "article:modified_time"
        | "og:updated_time"
        | "datemodified"
        | "last-modified"
        | "dc.date.modified"
        | "dcterms.modified"
        | "article.updated"
        | "lastmod"
        | "og:article:modified_time" => MetaKey::Modified,
        "author" | "article:author" | "dc.creator" | "dcterms.creator" | "parsely-author"
        | "byl" | "sailthru.author" | "citation_author" | "og:article:author" => MetaKey::Author,
        "article:section" | "parsely-section" | "section" | "og:article:section" => {
            MetaKey::Section
        }
        "language" | "dc.language" | "dcterms.language" | "content-language" | "og:locale" => {
            MetaKey::Language
        }
        "publisher" | "dc.publisher" | "dcterms.publisher" | "article:publisher" => {
            MetaKey::Publisher
        }
        _ => return None,
    };
    Some(key)
}

/// Read the metadata of a parsed page. `in_chrome(id)` says whether an element lies in page
/// chrome (site header, widgets, navigation, footer) rather than in the article.
pub(crate) fn collect(dom: &Dom, src: &MappedText, in_chrome: &dyn Fn(NodeId) -> bool) -> HtmlMeta {
    let html = src.text.as_str();
    let orig = |r: &Range<usize>| Some(src.to_original(Span::from(r.clone())));
    let mut meta = HtmlMeta::default();
    let mut seen_h1 = false;
    let mut last_byline: Option<(NodeId, usize)> = None;
    for (id, node) in dom.nodes.iter().enumerate() {
        let NodeKind::Element { tag, .. } = &node.kind else {
            continue;
        };
        match tag.as_str() {
            "html" => {
                if let Some(a) = node
                    .attr_full("lang")
                    .or_else(|| node.attr_full("xml:lang"))
                {
                    let v = a.value.trim().to_string();
                    if !v.is_empty() {
                        meta.lang = Some(v.clone());
                        meta.fields.push(MetaField {
                            key: MetaKey::Language,
                            value: v,
                            source: EvidenceSource::HtmlElement("html".into()),
                            orig: a.value_range.as_ref().and_then(orig),
                        });
                    }
                }
            }
            "title" => {
                if let Some(r) = &node.raw_content {
                    let v = collapse_ws(&entity::decode_str(html.get(r.clone()).unwrap_or("")));
                    if !v.is_empty() && !dom.is_inside(id, "svg") {
                        meta.fields.push(MetaField {
                            key: MetaKey::Title,
                            value: v,
                            source: EvidenceSource::HtmlElement("title".into()),
                            orig: orig(r),
                        });
                    }
                }
            }
            "h1" if !seen_h1 => {
                let v = dom.text_of(html, id);
                if !v.is_empty() && !in_chrome(id) {
                    seen_h1 = true;
                    meta.fields.push(MetaField {
                        key: MetaKey::Headline,
                        value: v,
                        source: EvidenceSource::HtmlElement("h1".into()),
                        orig: orig(&node.range),
                    });
                }
            }
            "meta" => {
                if let Some(cs) = node.attr("charset") {
                    meta.declared_charset.get_or_insert(cs.trim().to_string());
                }
                if node
                    .attr("http-equiv")
                    .is_some_and(|v| v.eq_ignore_ascii_case("content-type"))
                {
                    if let Some(cs) = node.attr("content").and_then(charset_from_content_type) {
                        meta.declared_charset.get_or_insert(cs);
                    }
                }
                let name = node
                    .attr("property")
                    .or_else(|| node.attr("name"))
                    .or_else(|| node.attr("itemprop"))
                    .or_else(|| node.attr("http-equiv"))
                    .map(|n| n.trim().to_ascii_lowercase());
                let (Some(name), Some(content)) = (name, node.attr_full("content")) else {
                    continue;
                };
                let Some(key) = meta_key(&name) else { continue };
                let value = collapse_ws(&content.value);
                if value.is_empty() {
                    continue;
                }
                let source = if name.starts_with("og:") || name.starts_with("article:") {
                    EvidenceSource::OpenGraph(name)
                } else {
                    EvidenceSource::HtmlMeta(name)
                };
                meta.fields.push(MetaField {
                    key,
                    value,
                    source,
                    orig: content.value_range.as_ref().and_then(orig),
                });
            }
            "link" => {
                let rel = node.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    if let Some(href) = node.attr_full("href") {
                        meta.fields.push(MetaField {
                            key: MetaKey::Canonical,
                            value: href.value.trim().to_string(),
                            source: EvidenceSource::HtmlElement("link".into()),
                            orig: href.value_range.as_ref().and_then(orig),
                        });
                    }
                }
            }
            "script" => {
                let is_ld = node
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if let (true, Some(r)) = (is_ld, &node.raw_content) {
                    json_ld(html.get(r.clone()).unwrap_or(""), r.start, src, &mut meta);
                }
            }
            "time" => {
                let Some(dt) = node
                    .attr_full("datetime")
                    .or_else(|| node.attr_full("pubdate"))
                else {
                    continue;
                };
                let value = dt.value.trim().to_string();
                if value.is_empty() {
                    continue;
                }
                let field = MetaField {
                    key: date_key(dom, id),
                    value,
                    source: EvidenceSource::HtmlElement("time".into()),
                    orig: dt.value_range.as_ref().and_then(orig),
                };
                if in_chrome(id) {
                    meta.page_dates.push(MetaField {
                        key: MetaKey::Published,
                        ..field
                    });
                } else {
                    meta.fields.push(field);
                }
            }
            _ => {
                let itemprop = node.attr("itemprop").unwrap_or("");
                let rel = node.attr("rel").unwrap_or("");
                let class = node.attr("class").unwrap_or("").to_ascii_lowercase();
                let is_byline = itemprop.split_whitespace().any(|p| p == "author")
                    || rel == "author"
                    || class.split_whitespace().any(|c| {
                        c.contains("byline")
                            || c == "author"
                            || c.ends_with("author-name")
                            || c == "author-name"
                    });
                if is_byline && !in_chrome(id) {
                    let v = dom.text_of(html, id);
                    if !v.is_empty() && v.chars().count() <= 120 {
                        let field = MetaField {
                            key: MetaKey::Author,
                            value: v,
                            source: EvidenceSource::Byline,
                            orig: orig(&node.range),
                        };
                        // The innermost byline element is the name itself ("By <span>Name</span>").
                        match last_byline {
                            Some((outer, at)) if dom.is_ancestor_or_self(outer, id) => {
                                if let Some(slot) = meta.fields.get_mut(at) {
                                    *slot = field;
                                }
                                last_byline = Some((id, at));
                            }
                            _ => {
                                last_byline = Some((id, meta.fields.len()));
                                meta.fields.push(field);
                            }
                        }
                    }
                }
            }
        }
    }
    meta
}

/// Whether a `time` element gives the modification or the publication date.
fn date_key(dom: &Dom, id: NodeId) -> MetaKey {
    let modified = dom.has_ancestor_matching(id, |n| {
        let d = crate::classify::descriptor(n);
        d.contains("updated") || d.contains("modified") || d.contains("datemodified")
    });
    if modified {
        MetaKey::Modified
    } else {
        MetaKey::Published
    }
}

/// `text/html; charset=windows-1252` → `windows-1252`.
fn charset_from_content_type(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower.get(at + 7..)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ';' | '"' | '\''))
        .unwrap_or(rest.len());
    let cs = rest.get(..end)?.to_string();
    (!cs.is_empty()).then_some(cs)
}

fn is_article_type(v: &Value) -> bool {
    let check = |s: &str| {
        matches!(
            s,
            "Article"
                | "NewsArticle"
                | "BlogPosting"
                | "ReportageNewsArticle"
                | "AnalysisNewsArticle"
                | "OpinionNewsArticle"
                | "BackgroundNewsArticle"
                | "ReviewNewsArticle"
                | "LiveBlogPosting"
                | "TechArticle"
                | "ScholarlyArticle"
                | "Report"
                | "SocialMediaPosting"
        )
    };
    match v.get("@type") {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(check)),
        _ => false,
    }
}

/// Fields of JSON-LD `Article` objects (also inside `@graph` and top-level arrays).
fn json_ld(raw: &str, offset: usize, src: &MappedText, meta: &mut HtmlMeta) {
    // Pages often wrap JSON-LD in CDATA markers or HTML comments.
    let trimmed = raw
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim();
    let Ok(value) = serde_json::from_str::<Value>(trimmed) else {
        return;
    };
    let mut stack = vec![&value];
    let mut articles = Vec::new();
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                if is_article_type(v) {
                    articles.push(v);
                }
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                if let Some(e) = o.get("mainEntity") {
                    stack.push(e);
                }
            }
            _ => {}
        }
    }
    let locate = |s: &str| -> Option<Range<usize>> {
        // The value as it is written in the JSON (without escapes) when it can be found;
        // otherwise the whole script.
        let start = raw.find(s).map(|i| offset + i..offset + i + s.len());
        let r = start.unwrap_or(offset..offset + raw.len());
        Some(src.to_original(Span::from(r)))
    };
    for art in articles {
        let mut push = |key: MetaKey, field: &str, value: &str| {
            let value = collapse_ws(value);
            if value.is_empty() {
                return;
            }
            meta.fields.push(MetaField {
                key,
                orig: locate(&value),
                value,
                source: EvidenceSource::JsonLd(field.into()),
            });
        };
        let str_of = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
        if let Some(h) = str_of(art.get("headline")).or_else(|| str_of(art.get("name"))) {
            push(MetaKey::Headline, "headline", &h);
        }
        if let Some(d) = str_of(art.get("datePublished")) {
            push(MetaKey::Published, "datePublished", &d);
        }
        if let Some(d) = str_of(art.get("dateModified")) {
            push(MetaKey::Modified, "dateModified", &d);
        }
        for name in names(art.get("author")) {
            push(MetaKey::Author, "author.name", &name);
        }
        for name in names(art.get("publisher")) {
            push(MetaKey::Publisher, "publisher.name", &name);
        }
        match art.get("articleSection") {
            Some(Value::String(s)) => push(MetaKey::Section, "articleSection", s),
            Some(Value::Array(a)) => {
                for s in a.iter().filter_map(Value::as_str) {
                    push(MetaKey::Section, "articleSection", s);
                }
            }
            _ => {}
        }
        if let Some(l) = str_of(art.get("inLanguage")) {
            push(MetaKey::Language, "inLanguage", &l);
        }
        if let Some(u) = str_of(art.get("url")) {
            push(MetaKey::Url, "url", &u);
        }
        if let Some(d) = str_of(art.get("description")) {
            push(MetaKey::Description, "description", &d);
        }
    }
}

/// Names from a JSON-LD person/organisation value: a string, an object with `name`, or an array.
fn names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Object(o)) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![s.to_string()])
            .unwrap_or_default(),
        Some(Value::Array(a)) => a.iter().flat_map(|x| names(Some(x))).collect(),
        _ => Vec::new(),
    }
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Whether a short text is nothing but a date or a time ("23.10.2018", "3:59 PM",
/// "Dienstag, 5. Februar 2020, 19:49 Uhr"): a dateline left in the article block.
pub(crate) fn date_only(text: &str) -> bool {
    const FILLER: &[&str] = &[
        "am",
        "pm",
        "uhr",
        "um",
        "de",
        "del",
        "le",
        "on",
        "at",
        "the",
        "of",
        "h",
        "gmt",
        "utc",
        "cet",
        "cest",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
    ];
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 40 {
        return false;
    }
    let lower = t.to_lowercase();
    let mut digits = false;
    for w in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if w.bytes().all(|b| b.is_ascii_digit()) {
            digits = true;
        } else if !MONTHS.contains(&w) && !FILLER.contains(&w) {
            return false;
        }
    }
    // Bare numbers (table cells, list counters) are not datelines.
    let clock = t
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    digits && (clock || looks_like_date(t))
}

/// Whether a short text reads as a calendar date ("Monday, October 5, 2025", "05.10.2025").
pub(crate) fn looks_like_date(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() || t.chars().count() > 60 {
        return false;
    }
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_year = words.iter().any(|w| {
        w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && (w.starts_with("19") || w.starts_with("20"))
    });
    let has_month = words.iter().any(|w| MONTHS.contains(w));
    if has_year && has_month {
        return true;
    }
    // Numeric dates: 05.10.2025, 2025-10-05, 10/5/2025.
    let numeric: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    numeric.iter().any(|w| {
        let parts: Vec<&str> = w.split(['.', '-', '/']).filter(|p| !p.is_empty()).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            && parts.iter().any(|p| p.len() == 4)
    })
}

/// Date strings printed in a chrome subtree (its text nodes, each judged alone).
pub(crate) fn chrome_dates(
    dom: &Dom,
    src: &MappedText,
    root: NodeId,
    end: NodeId,
    out: &mut Vec<MetaField>,
) {
    let html = src.text.as_str();
    for id in root..=end {
        let Some(node) = dom.nodes.get(id) else { break };
        if !node.is_text() {
            continue;
        }
        let Some(parent) = node.parent.and_then(|p| dom.nodes.get(p)) else {
            continue;
        };
        if parent.tag().is_some_and(crate::classify::markup_tag) || parent.tag() == Some("time") {
            continue;
        }
        let raw = html.get(node.range.clone()).unwrap_or("");
        if raw.len() > 200 {
            continue;
        }
        let v = collapse_ws(&entity::decode_str(raw));
        if looks_like_date(&v) {
            out.push(MetaField {
                key: MetaKey::Published,
                value: v,
                source: EvidenceSource::HtmlElement(parent.tag().unwrap_or("").to_string()),
                orig: Some(src.to_original(Span::from(node.range.clone()))),
            });
        }
    }
}

/// WHATWG-style prescan for a declared character encoding: a byte order mark,
/// `<meta charset=...>`, or `<meta http-equiv=Content-Type content="...charset=...">`.
///
/// The standard stops after 1024 bytes; archived and CMS pages often put the declaration after
/// a longer preamble (archive banners, inline scripts), so the scan runs on through the whole
/// `<head>` (at most 64 KiB), skipping comments and script contents, and stops at `<body`.
///
/// Returns the label as written (lower-cased), e.g. `"windows-1252"`; mapping labels to
/// encodings is left to the caller (`encoding_rs::Encoding::for_label`).
pub fn sniff_charset(bytes: &[u8]) -> Option<String> {
    const PRESCAN_BYTES: usize = 64 * 1024;
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Some("utf-8".into());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some("utf-16le".into());
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("utf-16be".into());
    }
    let head = bytes.get(..bytes.len().min(PRESCAN_BYTES)).unwrap_or(bytes);
    // Non-ASCII bytes cannot be part of the markup we look for; mask them so positions hold.
    let ascii: String = head
        .iter()
        .map(|&b| if b.is_ascii() { b as char } else { '?' })
        .collect();
    let lower = ascii.to_ascii_lowercase();
    let mut pos = 0;
    while let Some(i) = lower.get(pos..).and_then(|s| s.find('<')) {
        let lt = pos + i;
        let rest = lower.get(lt..).unwrap_or("");
        if rest.starts_with("<!--") {
            pos = match rest.find("-->") {
                Some(e) => lt + e + 3,
                None => return None,
            };
            continue;
        }
        if rest.starts_with("<body") {
            return None;
        }
        if rest.starts_with("<script") {
            pos = match rest.find("</script") {
                Some(e) => lt + e + 8,
                None => return None,
            };
            continue;
        }
        if rest.starts_with("<meta")
            && rest
                .get(5..)
                .is_some_and(|r| r.starts_with(|c: char| c.is_whitespace() || c == '/'))
        {
            let dom = crate::dom::parse(
                rest.get(..rest.find('>').map_or(rest.len(), |e| e + 1))
                    .unwrap_or(""),
            );
            if let Some(node) = dom.nodes.iter().find(|n| n.tag() == Some("meta")) {
                if let Some(cs) = node.attr("charset") {
                    let cs = cs.trim().to_string();
                    if !cs.is_empty() {
                        return Some(cs);
                    }
                }
                let http_equiv = node
                    .attr("http-equiv")
                    .is_some_and(|v| v.eq_ignore_ascii_case("content-type"));
                if http_equiv {
                    if let Some(cs) = node.attr("content").and_then(charset_from_content_type) {
                        return Some(cs);
                    }
                }
            }
        }
        pos = lt + 1;
    }
    None
}

impl Dom {
    /// Whether some ancestor of `id` (not `id` itself) is an element named `tag`.
    pub fn is_inside(&self, id: NodeId, tag: &str) -> bool {
        self.has_ancestor_matching(id, |n| n.tag() == Some(tag))
    }

    /// Whether some ancestor of `id` (not `id` itself) satisfies `pred`.
    pub fn has_ancestor_matching(
        &self,
        id: NodeId,
        pred: impl Fn(&crate::dom::Node) -> bool,
    ) -> bool {
        let mut cur = self.nodes.get(id).and_then(|n| n.parent);
        while let Some(c) = cur {
            let Some(n) = self.nodes.get(c) else { break };
            if pred(n) {
                return true;
            }
            cur = n.parent;
        }
        false
    }
}
