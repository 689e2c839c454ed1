use crate::{MappedText, Metadata, Span};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Where a document came from: the path the user gave (or `-` for stdin) and, for containers
/// holding many documents, which record inside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SourceRef {
    pub path: String,
    /// Record inside a container: `line 12` (JSON lines), `item 3` (feeds), `record 7` (WARC).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub record: Option<String>,
    /// Byte offset of the record in the (decompressed) file.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub record_offset: Option<u64>,
}

/// The reader that produced a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
    Rss,
    Atom,
    Warc,
}

/// Why a piece of the input was left out of the cleaned text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RemovalKind {
    /// `<script>`, `<style>`, `<template>`, comments and other non-text markup.
    Markup,
    Navigation,
    Header,
    Footer,
    Advertisement,
    /// Weather, stock tickers, clocks, newsletter boxes and similar page furniture.
    Widget,
    ShareBar,
    RelatedLinks,
    Caption,
    Comments,
    Copyright,
    SectionLabel,
    ImagePlaceholder,
    /// A title, dateline or byline that was moved into metadata.
    Metadata,
    /// Page chrome that is not the article (sidebars, forms, cookie notices).
    Boilerplate,
    /// Anything else, with a short reason.
    Other(String),
}

/// A piece of the input that is not in the cleaned text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Removal {
    pub kind: RemovalKind,
    /// Byte range in [`Document::original`].
    pub orig: Range<usize>,
    /// The removed text (whitespace collapsed, cut to a readable length), for reports.
    pub preview: String,
}

/// One input article: original bytes, cleaned text with its map back, metadata, removals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Document {
    /// Stable id, unique within a run (derived from the source path and record).
    pub id: String,
    pub source: SourceRef,
    pub format: InputFormat,
    /// Character encoding the original was decoded from (`UTF-8`, `windows-1252`, ...).
    pub encoding: String,
    /// The input bytes this document was read from (for containers: the record's payload).
    #[serde(skip)]
    pub original: Vec<u8>,
    /// Cleaned article text with its map back to `original`.
    pub body: MappedText,
    pub removed: Vec<Removal>,
    pub metadata: Metadata,
    /// Problems met while reading that did not stop it (e.g. invalid bytes replaced).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub warnings: Vec<String>,
}

impl Document {
    /// A document whose cleaned text is `text` as given (plain UTF-8, nothing removed, every
    /// byte mapped to itself), with empty metadata: for library users who already hold clean
    /// article text, and for tests. `path` is what provenance reports as the source.
    pub fn from_plain_text(id: impl Into<String>, path: impl Into<String>, text: &str) -> Self {
        Document {
            id: id.into(),
            source: SourceRef {
                path: path.into(),
                record: None,
                record_offset: None,
            },
            format: InputFormat::Text,
            encoding: "UTF-8".to_string(),
            original: text.as_bytes().to_vec(),
            body: MappedText::identity(text),
            removed: Vec::new(),
            metadata: Metadata::default(),
            warnings: Vec::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.body.text
    }

    /// Original byte range behind a span of the cleaned text.
    pub fn original_range(&self, span: Span) -> Range<usize> {
        self.body.to_original(span)
    }

    /// The original bytes behind a span, decoded lossily for display.
    pub fn original_text(&self, span: Span) -> String {
        let r = self.original_range(span);
        String::from_utf8_lossy(self.original.get(r).unwrap_or_default()).into_owned()
    }

    /// Check the offset map against the text and original bytes.
    pub fn check_map(&self) -> Result<(), String> {
        self.body.map.check(&self.body.text, &self.original)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_document_maps_every_span_to_itself() {
        let text = "Oskar Bay, 3 März — the ferry “Lindmark” sailed.";
        let doc = Document::from_plain_text("d1", "ferry.txt", text);
        assert_eq!(doc.check_map(), Ok(()));
        assert_eq!(doc.text(), text);
        let start = text.find("März").unwrap_or_default();
        let span = Span::new(start, start + "März".len());
        assert_eq!(doc.original_range(span), start..start + "März".len());
        assert_eq!(doc.original_text(span), "März");
        assert_eq!(doc.source.path, "ferry.txt");
        assert_eq!(doc.source.record, None);
    }
}
