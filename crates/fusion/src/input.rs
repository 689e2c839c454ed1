//! What the fusion stage reads: a [`Document`] with the language layer's [`Annotations`].
use crate::cluster::ClusterOptions;
use triangulate_annotate::Annotations;
use triangulate_doc::{Document, Span};

/// One document and its annotation layers, exactly as `triangulate_annotate::Annotator`
/// produces them (no copy between the two stages).
///
/// Every layer is optional in practice (an empty `Vec`): a document without tokens is taken as
/// never annotated, and fusion runs the text and quantity stages on it itself; otherwise it
/// skips what needs a missing layer (no entities without NER mentions, no timeline without
/// time expressions, no quote groups without quotes, no number comparisons without
/// quantities).
#[derive(Clone, Debug)]
pub struct AnnotatedDoc {
    pub doc: Document,
    pub layers: Annotations,
}

impl AnnotatedDoc {
    /// A document with its annotation layers.
    pub fn new(doc: Document, layers: Annotations) -> Self {
        AnnotatedDoc { doc, layers }
    }

    /// A document without language layers (fusion uses its own fallbacks).
    pub fn bare(doc: Document) -> Self {
        AnnotatedDoc {
            doc,
            layers: Annotations::default(),
        }
    }
}

/// Settings of [`crate::analyze`].
#[derive(Clone, Debug)]
pub struct FusionOptions {
    pub clustering: ClusterOptions,
    /// Minimum similarity (0.0–1.0) for two sentences of different documents to count as the
    /// same statement.
    pub claim_similarity: f32,
    /// At most this many single-source claims (statements only one independent source makes)
    /// are kept per story, the most salient first; how many were left out is reported in
    /// [`crate::Story::single_source_claims_omitted`]. Corroborated claims are never capped.
    pub max_single_source_claims: usize,
}

impl Default for FusionOptions {
    fn default() -> Self {
        FusionOptions {
            clustering: ClusterOptions::default(),
            claim_similarity: 0.5,
            max_single_source_claims: 25,
        }
    }
}

/// A layer of a document that does not fit its text. The document's other layers are still
/// used; the bad layer is dropped and the problem reported in [`crate::Analysis::problems`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayerError {
    #[error("document {doc_id}: {layer} span {start}..{end} does not fit its text of {len} bytes or splits a character")]
    SpanOutOfText {
        doc_id: String,
        layer: &'static str,
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("document id {0:?} appears more than once; later copies are ignored")]
    DuplicateId(String),
    #[error("document {0:?} has no text")]
    EmptyText(String),
}

/// Check that every span of a layer lies on character boundaries of `text`.
pub(crate) fn check_spans(
    doc_id: &str,
    text: &str,
    layer: &'static str,
    spans: impl IntoIterator<Item = Span>,
) -> Result<(), LayerError> {
    for span in spans {
        if span.start > span.end || span.text(text).is_none() {
            return Err(LayerError::SpanOutOfText {
                doc_id: doc_id.to_string(),
                layer,
                start: span.start,
                end: span.end,
                len: text.len(),
            });
        }
    }
    Ok(())
}
