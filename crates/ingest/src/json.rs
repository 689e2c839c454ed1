//! JSON and JSON lines records.
//!
//! A record is a JSON object. Recognised fields (first present wins, names compared
//! case-insensitively):
//!
//! | what | fields |
//! |---|---|
//! | text | `text`, `body`, `content`, `article`, `full_text`, `fulltext`, `maintext`, `article_text`, `story`, `description`, `summary` (a string, or an array of paragraph strings) |
//! | HTML | `html`, `raw_html`, `content_html`, `body_html`, `html_content` (also used when a text field holds markup) |
//! | title | `title`, `headline`, `name` |
//! | URL | `url`, `link`, `source_url`, `canonical_url`, `uri` |
//! | date | `published`, `date`, `published_at`, `publishedAt`, `pubDate`, `date_published`, `datePublished`, `date_publish`, `publication_date`, `datetime`, `time`, `created_at` (a string in any form [`crate::dates`] reads, or Unix seconds / milliseconds) |
//! | outlet | `outlet`, `source`, `publisher`, `site_name`, `siteName`, `source_name`, `domain`, `site`, `feed` (a string, or an object with `name` / `title`) |
//! | authors | `author`, `authors`, `byline`, `creator` (a string, an array of strings, or objects with `name`) |
//! | language | `language`, `lang`, `locale` |
//!
//! A JSON file is one such object, an array of them, or an object holding the array under
//! `articles`, `items`, `documents`, `data`, `results`, `entries` or `records`.

use crate::dates::parse_date;
use crate::meta::{confidence, Candidates};
use crate::IngestError;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use triangulate_doc::{EvidenceSource, PartialDate};

pub const TEXT_FIELDS: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "full_text",
    "fulltext",
    "maintext",
    "article_text",
    "story",
    "description",
    "summary",
];
const HTML_FIELDS: &[&str] = &[
    "html",
    "raw_html",
    "content_html",
    "body_html",
    "html_content",
];
const TITLE_FIELDS: &[&str] = &["title", "headline", "name"];
const URL_FIELDS: &[&str] = &["url", "link", "source_url", "canonical_url", "uri"];
const DATE_FIELDS: &[&str] = &[
    "published",
    "date",
    "published_at",
    "publishedat",
    "pubdate",
    "date_published",
    "datepublished",
    "date_publish",
    "publication_date",
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
    "data",
    "results",
    "entries",
    "records",
];

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

fn looks_like_markup(s: &str) -> bool {
    let t = s.trim_start();
    (t.starts_with('<') && t.contains('>'))
        || ["</p>", "<br", "</div>", "<p>"]
            .iter()
            .any(|m| s.contains(m))
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => ["name", "title"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str).map(str::to_string)),
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
    let src = |k: &str| EvidenceSource::JsonField(k.to_string());
    let conf = confidence::STRUCTURED;
    if let Some((k, v)) = field(obj, TITLE_FIELDS) {
        if let Some(s) = v.as_str() {
            cands.add_title(s, src(k), None, conf);
        }
    }
    if let Some((k, v)) = field(obj, URL_FIELDS) {
        if let Some(s) = v.as_str() {
            cands.add_url(s, src(k), None, conf);
        }
    }
    if let Some((k, v)) = field(obj, DATE_FIELDS) {
        let parsed = match v {
            Value::String(s) => parse_date(s).map(|p| (p.date, p.time)),
            Value::Number(n) => n.as_i64().and_then(date_from_epoch).map(|d| (d, None)),
            _ => None,
        };
        if let Some((date, time)) = parsed {
            cands.add_published(date, time, src(k), None, conf);
        }
    }
    if let Some((k, v)) = field(obj, OUTLET_FIELDS) {
        if let Some(name) = name_of(v) {
            cands.add_outlet(&name, src(k), None, conf);
        }
    }
    if let Some((k, v)) = field(obj, AUTHOR_FIELDS) {
        let names: Vec<String> = match v {
            Value::Array(items) => items.iter().filter_map(name_of).collect(),
            other => name_of(other).map(|s| split_names(&s)).unwrap_or_default(),
        };
        for n in names {
            cands.add_author(&n, src(k), None, conf);
        }
    }
    if let Some((k, v)) = field(obj, LANGUAGE_FIELDS) {
        if let Some(s) = v.as_str() {
            cands.add_language(s, src(k), None, conf);
        }
    }
    if let Some((k, v)) = field(obj, HTML_FIELDS) {
        if let Some(payload) = as_text(v) {
            return Ok(JsonRecord {
                payload,
                is_html: true,
                field: k.to_string(),
                cands,
            });
        }
    }
    for want in TEXT_FIELDS {
        if let Some((k, v)) = field(obj, &[want]) {
            if let Some(payload) = as_text(v) {
                return Ok(JsonRecord {
                    is_html: looks_like_markup(&payload),
                    payload,
                    field: k.to_string(),
                    cands,
                });
            }
        }
    }
    Err(IngestError::JsonNoText {
        looked_for: TEXT_FIELDS
            .iter()
            .chain(HTML_FIELDS)
            .copied()
            .collect::<Vec<_>>()
            .join(", "),
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
    match &value {
        Value::Array(_) => {
            let raws: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| json_error(&e, 0))?;
            raws.into_iter()
                .map(|raw| {
                    let v: Value =
                        serde_json::from_str(raw.get()).map_err(|e| json_error(&e, 0))?;
                    Ok((offset_of(raw), v))
                })
                .collect()
        }
        Value::Object(obj) => {
            if let Some((k, Value::Array(_))) = field(obj, ARRAY_FIELDS) {
                let fields: std::collections::HashMap<&str, &RawValue> =
                    serde_json::from_str(text).map_err(|e| json_error(&e, 0))?;
                if let Some(raw) = fields.get(k) {
                    let raws: Vec<&RawValue> =
                        serde_json::from_str(raw.get()).map_err(|e| json_error(&e, 0))?;
                    return raws
                        .into_iter()
                        .map(|r| {
                            let v: Value =
                                serde_json::from_str(r.get()).map_err(|e| json_error(&e, 0))?;
                            Ok((offset_of(r), v))
                        })
                        .collect();
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
}
