//! JSON and JSON lines records.
//!
//! A record is a JSON object. Recognised fields (names compared case-insensitively; within a
//! row, the first present wins):
//!
//! | what | fields |
//! |---|---|
//! | HTML | `html`, `raw_html`, `content_html`, `body_html`, `html_content` (also used when a text field holds markup) |
//! | text | `text`, `body`, `bodyText`, `content`, `article`, `full_text`, `fulltext`, `maintext`, `article_text`, `story` (a string, or an array of paragraph strings) |
//! | summary (text when no full text) | `description`, `summary`, `abstract`, `lead_paragraph`, `snippet` |
//! | title | `title`, `headline`, `webTitle`, `name` (a string, or an object with `main` / `title` / `name`) |
//! | URL | `url`, `link`, `source_url`, `canonical_url`, `uri`, `webUrl`, `web_url` |
//! | date | `published`, `date`, `published_at`, `publishedAt`, `pubDate`, `pub_date`, `date_published`, `datePublished`, `date_publish`, `publication_date`, `webPublicationDate`, `datetime`, `time`, `created_at` (a string in any form [`crate::dates`] reads, or Unix seconds / milliseconds) |
//! | outlet | `outlet`, `source`, `publisher`, `site_name`, `siteName`, `source_name`, `source_domain`, `domain`, `site`, `feed` (a string, or an object with `name` / `title`) |
//! | authors | `author`, `authors`, `byline`, `creator` (a string, an array of strings, or objects with `name` / `original`) |
//! | language | `language`, `lang`, `locale` |
//!
//! API exports and search-engine dumps wrap the article one or two levels down
//! (`{"_source": {...}}`, `{"fields": {"bodyText": ...}}`, `{"thread": {"site": ...}}`,
//! `{"meta": {"title": ...}}`). A field missing at the top level is looked for in nested
//! objects, breadth first, up to [`MAX_NESTING`] levels down; the dotted path it came from
//! ("fields.bodyText") is kept as the metadata evidence. The ambiguous names `name` and `time`
//! count only at the top level, and the objects under outlet and author fields are not searched
//! (so `{"source": {"name": "X"}}` never becomes a title). Full text at any depth wins over a
//! summary at the top.
//!
//! A JSON file is one such object, an array of them, or an object holding the array under
//! `articles`, `items`, `documents`, `docs`, `data`, `results`, `entries`, `records` or
//! `hits`, directly or inside one wrapper object (`{"response": {"results": [...]}}`,
//! `{"hits": {"hits": [...]}}`).

use crate::dates::parse_date;
use crate::meta::{confidence, Candidates};
use crate::IngestError;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use triangulate_doc::{EvidenceSource, PartialDate};

pub const TEXT_FIELDS: &[&str] = &[
    "text",
    "body",
    "bodytext",
    "content",
    "article",
    "full_text",
    "fulltext",
    "maintext",
    "article_text",
    "story",
];
/// Short text used only when no full-text field exists at any depth.
pub const SUMMARY_FIELDS: &[&str] = &[
    "description",
    "summary",
    "abstract",
    "lead_paragraph",
    "snippet",
];
const HTML_FIELDS: &[&str] = &[
    "html",
    "raw_html",
    "content_html",
    "body_html",
    "html_content",
];
const TITLE_FIELDS: &[&str] = &["title", "headline", "webtitle", "name"];
const URL_FIELDS: &[&str] = &[
    "url",
    "link",
    "source_url",
    "canonical_url",
    "uri",
    "weburl",
    "web_url",
];
const DATE_FIELDS: &[&str] = &[
    "published",
    "date",
    "published_at",
    "publishedat",
    "pubdate",
    "pub_date",
    "date_published",
    "datepublished",
    "date_publish",
    "publication_date",
    "webpublicationdate",
    "datetime",
    "time",
    "created_at",
];
const OUTLET_FIELDS: &[&str] = &[
    "outlet",
    "source",
    "publisher",
    "site_name",
    "sitename",
    "source_name",
    "source_domain",
    "domain",
    "site",
    "feed",
];
const AUTHOR_FIELDS: &[&str] = &["author", "authors", "byline", "creator"];
const LANGUAGE_FIELDS: &[&str] = &["language", "lang", "locale"];
const ARRAY_FIELDS: &[&str] = &[
    "articles",
    "items",
    "documents",
    "docs",
    "data",
    "results",
    "entries",
    "records",
    "hits",
];
/// Objects that may hold the record array one level down (`{"response": {"results": []}}`).
const WRAPPER_FIELDS: &[&str] = &["response", "hits", "data", "result", "feed"];
/// How many object levels below the record's top a field is looked for.
pub const MAX_NESTING: usize = 3;
/// Field names too generic to trust below the top level.
const TOP_LEVEL_ONLY: &[&str] = &["name", "time"];

/// A record's payload and metadata, ready for the text or HTML path.
pub struct JsonRecord {
    pub payload: String,
    pub is_html: bool,
    /// Name of the field the payload came from.
    pub field: String,
    pub cands: Candidates,
}

fn field<'a>(obj: &'a Map<String, Value>, names: &[&str]) -> Option<(&'a str, &'a Value)> {
    for want in names {
        for (k, v) in obj {
            if k.eq_ignore_ascii_case(want) && !v.is_null() {
                return Some((k.as_str(), v));
            }
        }
    }
    None
}

/// The first of `names` (in order of preference) whose value `accept` takes: at the top of
/// `obj`, then breadth first in nested objects up to [`MAX_NESTING`] levels down. Returns the
/// dotted path of the field ("fields.bodyText") with what `accept` made of it.
fn find<'a, T>(
    obj: &'a Map<String, Value>,
    names: &[&str],
    accept: impl Fn(&'a Value) -> Option<T>,
) -> Option<(String, T)> {
    let mut level: Vec<(String, &'a Map<String, Value>)> = vec![(String::new(), obj)];
    for depth in 0..=MAX_NESTING {
        for want in names {
            if depth > 0 && TOP_LEVEL_ONLY.contains(want) {
                continue;
            }
            for (prefix, o) in &level {
                for (k, v) in o.iter() {
                    if k.eq_ignore_ascii_case(want) && !v.is_null() {
                        if let Some(t) = accept(v) {
                            return Some((join_path(prefix, k), t));
                        }
                    }
                }
            }
        }
        let next: Vec<(String, &'a Map<String, Value>)> = level
            .iter()
            .flat_map(|(prefix, o)| {
                o.iter().filter_map(move |(k, v)| match v {
                    Value::Object(child) if !is_metadata_object(k) => {
                        Some((join_path(prefix, k), child))
                    }
                    _ => None,
                })
            })
            .collect();
        if next.is_empty() {
            break;
        }
        level = next;
    }
    None
}

/// Objects under outlet and author fields describe the outlet or the person, not the article.
fn is_metadata_object(key: &str) -> bool {
    OUTLET_FIELDS
        .iter()
        .chain(AUTHOR_FIELDS)
        .any(|f| key.eq_ignore_ascii_case(f))
}

fn join_path(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Array(items) => {
            let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    }
}

fn non_empty_str(v: &Value) -> Option<&str> {
    v.as_str().filter(|s| !s.trim().is_empty())
}

/// A title string, or the headline object of some APIs (`{"main": "...", "kicker": ...}`).
fn title_of(v: &Value) -> Option<&str> {
    match v {
        Value::Object(o) => ["main", "title", "name", "print_headline"]
            .iter()
            .find_map(|k| o.get(*k).and_then(non_empty_str)),
        other => non_empty_str(other),
    }
}

fn looks_like_markup(s: &str) -> bool {
    let t = s.trim_start();
    (t.starts_with('<') && t.contains('>'))
        || ["</p>", "<br", "</div>", "<p>"]
            .iter()
            .any(|m| s.contains(m))
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Object(o) => ["name", "title", "original", "display_name"]
            .iter()
            .find_map(|k| o.get(*k).and_then(non_empty_str).map(str::to_string)),
        _ => None,
    }
}

fn authors_of(v: &Value) -> Option<Vec<String>> {
    let names: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(name_of).collect(),
        other => name_of(other).map(|s| split_names(&s)).unwrap_or_default(),
    };
    (!names.is_empty()).then_some(names)
}

fn date_of(v: &Value) -> Option<(PartialDate, Option<String>)> {
    match v {
        Value::String(s) => parse_date(s).map(|p| (p.date, p.time)),
        Value::Number(n) => n.as_i64().and_then(date_from_epoch).map(|d| (d, None)),
        _ => None,
    }
}

/// Turn one JSON object into a record.
pub fn record(value: &Value) -> Result<JsonRecord, IngestError> {
    let Value::Object(obj) = value else {
        return Err(IngestError::NoText {
            reason: format!("JSON value is {} rather than an object", kind_of(value)),
        });
    };
    let mut cands = Candidates::default();
    let src = |k: String| EvidenceSource::JsonField(k);
    let conf = confidence::STRUCTURED;
    if let Some((k, s)) = find(obj, TITLE_FIELDS, title_of) {
        cands.add_title(s, src(k), None, conf);
    }
    if let Some((k, s)) = find(obj, URL_FIELDS, non_empty_str) {
        cands.add_url(s, src(k), None, conf);
    }
    if let Some((k, (date, time))) = find(obj, DATE_FIELDS, date_of) {
        cands.add_published(date, time, src(k), None, conf);
    }
    if let Some((k, name)) = find(obj, OUTLET_FIELDS, name_of) {
        cands.add_outlet(&name, src(k), None, conf);
    }
    if let Some((k, names)) = find(obj, AUTHOR_FIELDS, authors_of) {
        for n in names {
            cands.add_author(&n, src(k.clone()), None, conf);
        }
    }
    if let Some((k, s)) = find(obj, LANGUAGE_FIELDS, non_empty_str) {
        cands.add_language(s, src(k), None, conf);
    }
    if let Some((field, payload)) = find(obj, HTML_FIELDS, as_text) {
        return Ok(JsonRecord {
            payload,
            is_html: true,
            field,
            cands,
        });
    }
    let text = find(obj, TEXT_FIELDS, as_text).or_else(|| find(obj, SUMMARY_FIELDS, as_text));
    if let Some((field, payload)) = text {
        return Ok(JsonRecord {
            is_html: looks_like_markup(&payload),
            payload,
            field,
            cands,
        });
    }
    Err(IngestError::JsonNoText {
        looked_for: TEXT_FIELDS
            .iter()
            .chain(SUMMARY_FIELDS)
            .chain(HTML_FIELDS)
            .copied()
            .collect::<Vec<_>>()
            .join(", "),
        max_depth: MAX_NESTING,
    })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"].
fn split_names(s: &str) -> Vec<String> {
    let s = s.trim();
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .unwrap_or(s);
    s.split([',', ';', '&', '|'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Unix seconds (or milliseconds, when too large for seconds) to a calendar date (UTC).
fn date_from_epoch(t: i64) -> Option<PartialDate> {
    let secs = if t.unsigned_abs() > 100_000_000_000 {
        t / 1000
    } else {
        t
    };
    let days = secs.div_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let date = PartialDate::ymd(i32::try_from(year).ok()?, month as u8, day as u8);
    date.is_valid().then_some(date)
}

/// The records of a JSON document with their byte offsets in `text`.
pub fn split_document(text: &str) -> Result<Vec<(usize, Value)>, IngestError> {
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(&e, 0))?;
    let offset_of = |raw: &RawValue| raw.get().as_ptr() as usize - text.as_ptr() as usize;
    let records_of = |raw: &str| -> Result<Vec<(usize, Value)>, IngestError> {
        let raws: Vec<&RawValue> = serde_json::from_str(raw).map_err(|e| json_error(&e, 0))?;
        raws.into_iter()
            .map(|r| {
                let v: Value = serde_json::from_str(r.get()).map_err(|e| json_error(&e, 0))?;
                Ok((offset_of(r), v))
            })
            .collect()
    };
    // An empty array is a well-formed file with nothing in it: said so, not passed over.
    let non_empty = |records: Vec<(usize, Value)>, place: &str| {
        if records.is_empty() {
            Err(IngestError::NoText {
                reason: format!("{place} holds no records"),
            })
        } else {
            Ok(records)
        }
    };
    match &value {
        Value::Array(_) => non_empty(records_of(text)?, "the top-level JSON array"),
        Value::Object(obj) => {
            if let Some(path) = record_array_path(obj) {
                // Walk the raw text along the same keys so offsets point into `text`. Keys are
                // owned: a key written with escapes ("caf\u00e9") cannot be borrowed from the text.
                let mut raw: &str = text;
                for key in &path {
                    let fields: std::collections::HashMap<String, &RawValue> =
                        serde_json::from_str(raw).map_err(|e| json_error(&e, 0))?;
                    match fields.get(*key) {
                        Some(inner) => raw = inner.get(),
                        None => {
                            return Err(IngestError::NoText {
                                reason: format!("JSON field {key:?} could not be read in place"),
                            })
                        }
                    }
                }
                let records = records_of(raw)?;
                // `{"text": "...", "tags": [], "items": []}` is one article whose list of
                // related items happens to be empty, not an empty export.
                if !records.is_empty() || record(&value).is_err() {
                    return non_empty(records, &format!("JSON field {:?}", path.join(".")));
                }
            }
            let start = text.len() - text.trim_start().len();
            Ok(vec![(start, value)])
        }
        other => Err(IngestError::NoText {
            reason: format!("top-level JSON value is {}", kind_of(other)),
        }),
    }
}

/// The keys leading to the array of records in a wrapped export: `["articles"]`, or one
/// wrapper object down (`["response", "results"]`). `None` for a single record.
fn record_array_path(obj: &Map<String, Value>) -> Option<Vec<&str>> {
    if let Some((k, Value::Array(_))) = field(obj, ARRAY_FIELDS) {
        return Some(vec![k]);
    }
    let (wrapper, Value::Object(inner)) = field(obj, WRAPPER_FIELDS)? else {
        return None;
    };
    match field(inner, ARRAY_FIELDS) {
        Some((k, Value::Array(_))) => Some(vec![wrapper, k]),
        _ => None,
    }
}

/// A JSON error with the line number shifted by `line_offset`.
pub fn json_error(e: &serde_json::Error, line_offset: usize) -> IngestError {
    IngestError::Json {
        line: e.line() + line_offset,
        column: e.column(),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_dates() {
        assert_eq!(date_from_epoch(0), Some(PartialDate::ymd(1970, 1, 1)));
        assert_eq!(
            date_from_epoch(1_740_990_600),
            Some(PartialDate::ymd(2025, 3, 3))
        );
        assert_eq!(
            date_from_epoch(1_740_990_600_000),
            Some(PartialDate::ymd(2025, 3, 3))
        );
    }

    #[test]
    fn array_offsets_point_at_records() {
        let text = r#"[ {"text":"a"}, {"text":"b"} ]"#;
        let recs = split_document(text).unwrap();
        assert_eq!(recs.len(), 2);
        assert!(text[recs[1].0..].starts_with(r#"{"text":"b"}"#));
    }

    #[test]
    fn wrapped_records_are_found_beside_keys_written_with_escapes() {
        let text = r#"{"n\u00e9": 1, "response": {"caf\u00e9": 2, "results": [{"text":"a"}]}}"#;
        let recs = split_document(text).unwrap();
        assert_eq!(recs.len(), 1);
        assert!(text[recs[0].0..].starts_with(r#"{"text":"a"}"#));
    }

    #[test]
    fn empty_record_arrays_are_reported() {
        let reason = |text: &str| match split_document(text) {
            Err(IngestError::NoText { reason }) => reason,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(reason(" [ ] "), "the top-level JSON array holds no records");
        assert_eq!(
            reason(r#"{"articles": []}"#),
            r#"JSON field "articles" holds no records"#
        );
        assert_eq!(
            reason(r#"{"response": {"results": []}}"#),
            r#"JSON field "response.results" holds no records"#
        );
        let one = split_document(r#"{"items": [], "text": "The ferry ran again."}"#).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].0, 0);
    }
}
