//! RSS (0.9x, 1.0/RDF, 2.0) and Atom feeds, read with `quick-xml`.
//!
//! Each `<item>` / `<entry>` becomes one record. Its payload is the richest content present:
//! `content:encoded` or Atom `<content>` (HTML), else `<description>` / `<summary>`. Escaped HTML,
//! CDATA and Atom `type="xhtml"` content all end up as HTML text for the HTML extractor; plain
//! text summaries go to the text cleaner. An item with a title and none of these (a headline
//! feed) has its title as its text.

use crate::dates::parse_date;
use crate::meta::{confidence, Candidates};
use crate::{IngestError, Payload};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use triangulate_doc::{EvidenceSource, InputFormat};

/// One feed item.
#[derive(Debug)]
pub struct FeedItem {
    /// The item's place in the feed, from 1, counting every `<item>` / `<entry>` (also those
    /// left out for having no content), so that provenance names the item the user sees.
    pub position: usize,
    /// Byte offset of the item's start tag in the decoded feed text.
    pub offset: usize,
    pub payload: String,
    /// The element the payload came from (`content:encoded`, `description`, ...).
    pub payload_field: String,
    /// HTML, text, or the item's title when it has no content, description or summary (the
    /// title is then the item's text).
    pub payload_kind: Payload,
    pub cands: Candidates,
}

/// A parsed feed: items, and the error that stopped parsing early (items before it are kept).
#[derive(Debug)]
pub struct Feed {
    pub format: InputFormat,
    pub items: Vec<FeedItem>,
    pub error: Option<IngestError>,
    /// Items that had no content at all, by position (from 1, as [`FeedItem::position`]) and
    /// the offset of their start tag.
    pub empty_items: Vec<(usize, usize)>,
}

#[derive(Default)]
struct ItemFields {
    offset: usize,
    title: Option<String>,
    link: Option<String>,
    content: Option<(String, String, bool)>,
    summary: Option<(String, String, bool)>,
    published: Option<(String, String)>,
    updated: Option<(String, String)>,
    authors: Vec<(String, String)>,
    language: Option<String>,
}

fn local(name: &[u8]) -> String {
    String::from_utf8_lossy(name).to_ascii_lowercase()
}

fn unescape(raw: &str) -> String {
    quick_xml::escape::unescape_with(raw, |entity| match entity {
        "nbsp" => Some("\u{a0}"),
        "mdash" => Some("—"),
        "ndash" => Some("–"),
        "hellip" => Some("…"),
        "rsquo" => Some("’"),
        "lsquo" => Some("‘"),
        "rdquo" => Some("”"),
        "ldquo" => Some("“"),
        "copy" => Some("©"),
        other => quick_xml::escape::resolve_predefined_entity(other),
    })
    .map(|c| c.into_owned())
    .unwrap_or_else(|_| raw.to_string())
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (local(a.key.as_ref()) == name).then(|| unescape(&String::from_utf8_lossy(&a.value)))
    })
}

/// Parse a decoded feed.
pub fn parse(text: &str) -> Result<Feed, IngestError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut format = None;
    let mut items = Vec::new();
    let mut empty_items = Vec::new();
    let mut channel_title: Option<String> = None;
    let mut channel_language: Option<String> = None;
    let mut stack: Vec<String> = Vec::new();
    let mut item: Option<ItemFields> = None;
    let mut item_depth = 0;
    let mut buf_text = String::new();
    let mut error = None;
    let mut item_count = 0usize;
    loop {
        let pos = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                error = Some(IngestError::Xml {
                    offset: reader.error_position(),
                    message: e.to_string(),
                });
                break;
            }
        };
        match event {
            Event::Start(e) => {
                let name = local(e.name().as_ref());
                if stack.is_empty() {
                    format = Some(root_format(&name)?);
                }
                if (name == "item" || name == "entry") && item.is_none() {
                    item = Some(ItemFields {
                        offset: pos,
                        ..ItemFields::default()
                    });
                    item_depth = stack.len() + 1;
                } else if let Some(it) = item.as_mut() {
                    if name == "link" {
                        if let Some(href) = attr(&e, "href") {
                            let rel = attr(&e, "rel");
                            if rel.is_none() || rel.as_deref() == Some("alternate") {
                                it.link.get_or_insert(href);
                            }
                        }
                    }
                    if (name == "content" || name == "summary")
                        && attr(&e, "type").as_deref() == Some("xhtml")
                    {
                        // XHTML content is markup, not text: keep its inner source.
                        let end = e.to_end().into_owned();
                        match reader.read_to_end(end.name()) {
                            Ok(span) => {
                                let inner = text
                                    .get(span.start as usize..span.end as usize)
                                    .unwrap_or_default()
                                    .to_string();
                                let slot = if name == "content" {
                                    &mut it.content
                                } else {
                                    &mut it.summary
                                };
                                *slot = Some((inner, name.clone(), true));
                            }
                            Err(err) => {
                                error = Some(IngestError::Xml {
                                    offset: reader.error_position(),
                                    message: err.to_string(),
                                });
                                break;
                            }
                        }
                        continue;
                    }
                    if name == "content" || name == "summary" {
                        let ty = attr(&e, "type");
                        buf_text.clear();
                        stack.push(format!("{name}|{}", ty.unwrap_or_default()));
                        continue;
                    }
                }
                buf_text.clear();
                stack.push(name);
            }
            Event::Empty(e) => {
                let name = local(e.name().as_ref());
                if stack.is_empty() && format.is_none() {
                    // `<rss/>`: a feed with nothing in it, not some other XML.
                    format = Some(root_format(&name)?);
                }
                if let Some(it) = item.as_mut() {
                    if name == "link" {
                        if let Some(href) = attr(&e, "href") {
                            let rel = attr(&e, "rel");
                            if rel.is_none() || rel.as_deref() == Some("alternate") {
                                it.link.get_or_insert(href);
                            }
                        }
                    }
                }
            }
            Event::Text(t) => {
                let raw = String::from_utf8_lossy(t.as_ref()).into_owned();
                buf_text.push_str(&unescape(&raw));
            }
            Event::CData(c) => {
                buf_text.push_str(&String::from_utf8_lossy(c.as_ref()));
            }
            Event::End(_) => {
                let Some(top) = stack.pop() else { continue };
                let (name, ty) = match top.split_once('|') {
                    Some((n, t)) => (n.to_string(), Some(t.to_string())),
                    None => (top.clone(), None),
                };
                let value = buf_text.trim().to_string();
                let parent = stack.last().map(String::as_str).unwrap_or_default();
                if let Some(it) = item.as_mut() {
                    if stack.len() + 1 == item_depth && (name == "item" || name == "entry") {
                        item_count += 1;
                        if let Some(done) = item.take() {
                            let start = done.offset;
                            match finish_item(
                                done,
                                item_count,
                                channel_title.as_deref(),
                                channel_language.as_deref(),
                            ) {
                                Some(fi) => items.push(fi),
                                None => empty_items.push((item_count, start)),
                            }
                        }
                    } else {
                        item_field(it, &name, ty.as_deref(), parent, value);
                    }
                } else if name == "title" && matches!(parent, "channel" | "feed") {
                    channel_title.get_or_insert(value);
                } else if (name == "language" || name == "dc:language") && parent == "channel" {
                    channel_language.get_or_insert(value);
                }
                buf_text.clear();
            }
            Event::Eof => {
                if !stack.is_empty() {
                    error = Some(IngestError::Xml {
                        offset: text.len() as u64,
                        message: format!(
                            "unexpected end of feed inside <{}>",
                            stack.last().map(String::as_str).unwrap_or_default()
                        ),
                    });
                }
                break;
            }
            _ => {}
        }
    }
    let Some(format) = format else {
        return Err(error.unwrap_or(IngestError::NotAFeed {
            root: "(none)".to_string(),
        }));
    };
    // A well-formed feed with no entries would otherwise leave no trace in the report.
    if items.is_empty() && empty_items.is_empty() && error.is_none() {
        return Err(IngestError::NoText {
            reason: format!(
                "the {} feed has no {}",
                if format == InputFormat::Atom {
                    "Atom"
                } else {
                    "RSS"
                },
                if format == InputFormat::Atom {
                    "entries"
                } else {
                    "items"
                }
            ),
        });
    }
    Ok(Feed {
        format,
        items,
        error,
        empty_items,
    })
}

/// The feed format a root element names; any other root is not a feed.
fn root_format(root: &str) -> Result<InputFormat, IngestError> {
    match root {
        "rss" | "rdf:rdf" | "channel" => Ok(InputFormat::Rss),
        "feed" => Ok(InputFormat::Atom),
        other => Err(IngestError::NotAFeed {
            root: other.to_string(),
        }),
    }
}

fn item_field(it: &mut ItemFields, name: &str, ty: Option<&str>, parent: &str, value: String) {
    if value.is_empty() {
        return;
    }
    match name {
        "title" if parent == "item" || parent == "entry" => {
            it.title.get_or_insert(value);
        }
        "link" => {
            it.link.get_or_insert(value);
        }
        "content:encoded" => it.content = Some((value, name.to_string(), true)),
        "content" => {
            let html = !matches!(ty, Some("text"));
            it.content.get_or_insert((value, name.to_string(), html));
        }
        "description" | "summary" => {
            let html = match ty {
                Some("text") => false,
                Some(_) if name == "summary" => true,
                _ => value.contains('<'),
            };
            it.summary.get_or_insert((value, name.to_string(), html));
        }
        "pubdate" | "published" | "dc:date" | "issued" => {
            it.published.get_or_insert((value, name.to_string()));
        }
        "updated" | "modified" => {
            it.updated.get_or_insert((value, name.to_string()));
        }
        "author" | "dc:creator" | "creator" | "name" if name != "name" || parent == "author" => {
            it.authors.push((value, name.to_string()));
        }
        "language" | "dc:language" => {
            it.language.get_or_insert(value);
        }
        _ => {}
    }
}

fn finish_item(
    it: ItemFields,
    position: usize,
    channel_title: Option<&str>,
    channel_language: Option<&str>,
) -> Option<FeedItem> {
    // Headline feeds give a title and a date only; the title is then the item's text (and the
    // document's original bytes, so the title's evidence points into them).
    let (payload, payload_field, payload_kind) = match (it.content.or(it.summary), &it.title) {
        (Some((p, field, true)), _) => (p, field, Payload::Html),
        (Some((p, field, false)), _) => (p, field, Payload::Text),
        (None, Some(title)) => (title.clone(), "title".to_string(), Payload::Headline),
        (None, None) => return None,
    };
    let mut cands = Candidates::default();
    let conf = confidence::STRUCTURED;
    let ev = |f: &str| EvidenceSource::FeedField(f.to_string());
    if let Some(t) = &it.title {
        let orig = (payload_kind == Payload::Headline).then_some(0..payload.len());
        cands.add_title(&unescape_title(t), ev("title"), orig, conf);
    }
    if let Some(l) = &it.link {
        cands.add_url(l, ev("link"), None, conf);
    }
    // An Atom entry without `published` has only `updated`; use it, trusted a little less.
    let date = it
        .published
        .map(|d| (d, conf))
        .or(it.updated.map(|d| (d, conf - 0.1)));
    if let Some(((raw, field), c)) = date {
        if let Some(p) = parse_date(&raw) {
            cands.add_published(p.date, p.time, ev(&field), None, c);
        }
    }
    for (a, field) in &it.authors {
        // RSS `<author>` is "jane@example.org (Jane Doe)".
        let name = match (a.find('('), a.rfind(')')) {
            (Some(o), Some(c)) if o < c && a.contains('@') => a[o + 1..c].to_string(),
            _ => a.clone(),
        };
        if !name.contains('@') {
            cands.add_author(&name, ev(field), None, conf);
        }
    }
    if let Some(t) = channel_title {
        cands.add_outlet(&outlet_name(t), ev("channel title"), None, conf - 0.1);
    }
    if let Some(l) = it.language.as_deref().or(channel_language) {
        cands.add_language(l, ev("language"), None, conf);
    }
    Some(FeedItem {
        position,
        offset: it.offset,
        payload,
        payload_field,
        payload_kind,
        cands,
    })
}

/// "Brenna Morning Post - World", "Karvonski Dnevnik - English Edition" → the outlet's name.
fn outlet_name(channel_title: &str) -> String {
    for sep in [" - ", " | ", " – ", " — ", ": "] {
        if let Some((head, _)) = channel_title.split_once(sep) {
            if !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    channel_title.trim().to_string()
}

/// Feed titles sometimes carry escaped markup (`&lt;b&gt;`); keep the text only.
fn unescape_title(t: &str) -> String {
    if !t.contains('<') {
        return t.to_string();
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in t.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_with_encoded_content() {
        let xml = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Brenna Herald</title><language>en-gb</language>
<item><title>Accord signed</title><link>https://herald.example/a</link><pubDate>Mon, 03 Mar 2025 08:15:00 +0000</pubDate><dc:creator>Jane Doe</dc:creator><description>Short.</description><content:encoded><![CDATA[<p>The accord was signed.</p>]]></content:encoded></item>
<item><title>Second</title><description>Plain &amp; simple summary.</description></item>
</channel></rss>"#;
        let feed = parse(xml).unwrap();
        assert_eq!(feed.format, InputFormat::Rss);
        assert!(feed.error.is_none(), "{:?}", feed.error);
        assert_eq!(feed.items.len(), 2);
        let a = &feed.items[0];
        assert_eq!(a.payload, "<p>The accord was signed.</p>");
        assert_eq!(a.payload_kind, Payload::Html);
        let m = a.cands.clone().resolve();
        assert_eq!(m.title.unwrap().value, "Accord signed");
        assert_eq!(m.outlet.unwrap().value, "Brenna Herald");
        assert_eq!(m.published.unwrap().value.to_iso(), "2025-03-03");
        assert_eq!(m.authors[0].value, "Jane Doe");
        assert_eq!(m.language.unwrap().value, "en");
        assert_eq!(feed.items[1].payload, "Plain & simple summary.");
        assert_ne!(feed.items[1].payload_kind, Payload::Html);
        assert!(xml[feed.items[1].offset..].starts_with("<item>"));
    }

    #[test]
    fn atom_entries() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Nordwire</title>
<entry><title>Talks</title><link rel="alternate" href="https://nordwire.example/t"/><updated>2025-03-04T10:00:00Z</updated><published>2025-03-03T09:00:00Z</published><author><name>John Roe</name></author><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Talks resumed.</p></div></content></entry></feed>"#;
        let feed = parse(xml).unwrap();
        assert_eq!(feed.format, InputFormat::Atom);
        let m = feed.items[0].cands.clone().resolve();
        assert_eq!(m.published.unwrap().value.to_iso(), "2025-03-03");
        assert_eq!(m.authors[0].value, "John Roe");
        assert_eq!(m.url.unwrap().value, "https://nordwire.example/t");
        assert!(feed.items[0].payload.contains("<p>Talks resumed.</p>"));
    }

    #[test]
    fn truncated_feed_keeps_earlier_items() {
        let xml = "<rss><channel><item><description>One.</description></item><item><description>Tw";
        let feed = parse(xml).unwrap();
        assert_eq!(feed.items.len(), 1);
        assert!(feed.error.is_some());
    }

    #[test]
    fn feeds_without_entries_are_reported() {
        let reason = |xml: &str| match parse(xml) {
            Err(IngestError::NoText { reason }) => reason,
            other => panic!("{xml}: {:?}", other.map(|f| f.items.len())),
        };
        assert_eq!(
            reason("<rss><channel><title>Vell Courier</title></channel></rss>"),
            "the RSS feed has no items"
        );
        assert_eq!(
            reason("<feed xmlns='http://www.w3.org/2005/Atom'><title>Marrow Post</title></feed>"),
            "the Atom feed has no entries"
        );
        assert_eq!(
            reason("<?xml version='1.0'?>\n<rss version='2.0'/>"),
            "the RSS feed has no items"
        );
        assert!(matches!(
            parse("<svg/>"),
            Err(IngestError::NotAFeed { root }) if root == "svg"
        ));
    }

    #[test]
    fn other_xml_is_not_a_feed() {
        assert!(matches!(
            parse("<svg><g/></svg>"),
            Err(IngestError::NotAFeed { .. })
        ));
    }
}
