use crate::PartialDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Where a metadata value was found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind", content = "name")]
pub enum EvidenceSource {
    /// `<meta name=... content=...>` (the name is given).
    HtmlMeta(String),
    /// `<title>`, `<h1>`, `<time>` and similar elements (the element is given).
    HtmlElement(String),
    JsonLd(String),
    OpenGraph(String),
    /// A field of a JSON record (the field name is given).
    JsonField(String),
    /// A feed item element (`title`, `pubDate`, `dc:creator`, ...).
    FeedField(String),
    /// A WARC or HTTP header.
    Header(String),
    /// "BRENNA, March 3 (Nordwire) —".
    Dateline,
    /// "Source: X" and similar trailers.
    Trailer,
    CopyrightLine,
    /// "By Jane Doe" lines.
    Byline,
    UrlHost,
    /// Found in running text.
    Text,
    /// Computed from the text (language identification).
    Inferred,
}

/// Evidence for one metadata value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Evidence {
    pub source: EvidenceSource,
    /// Byte range in the document's original bytes, when the value was read from there.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub orig: Option<Range<usize>>,
    /// 0.0–1.0: how much to trust the value (metadata fields > datelines > free text).
    pub confidence: f32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MetaValue<T> {
    pub value: T,
    pub evidence: Evidence,
}

impl<T> MetaValue<T> {
    pub fn new(
        value: T,
        source: EvidenceSource,
        orig: Option<Range<usize>>,
        confidence: f32,
    ) -> Self {
        MetaValue {
            value,
            evidence: Evidence {
                source,
                orig,
                confidence,
            },
        }
    }
}

/// What is known about a document, each value with its evidence.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Metadata {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<MetaValue<String>>,
    /// The publishing outlet ("Nordwire", "The Brenna Herald").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub outlet: Option<MetaValue<String>>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub authors: Vec<MetaValue<String>>,
    /// The article's publication date (never the date printed in page chrome).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published: Option<MetaValue<PartialDate>>,
    /// Publication time of day, `HH:MM[:SS][±HH:MM|Z]`, when given.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published_time: Option<String>,
    /// Dates found in page chrome (headers, widgets), kept apart from `published`.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub page_dates: Vec<MetaValue<PartialDate>>,
    /// Place named in the dateline ("BRENNA").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub dateline_place: Option<MetaValue<String>>,
    /// Agency credited for the text ("(Nordwire)", "Source: Nordwire"): syndication evidence.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub credited_agencies: Vec<MetaValue<String>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub url: Option<MetaValue<String>>,
    /// ISO 639-1 code.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub language: Option<MetaValue<String>>,
}
