//! Helpers shared by the quote test files.
#![allow(dead_code)]
use triangulate_doc::{EntityLabel, EntityMention, Span};
use triangulate_quotes::{find_quotes, Quote};
use triangulate_text::analyze;

/// Hand-made NER output: each `(surface, label)` is marked at every whole-token occurrence.
pub fn mentions(text: &str, names: &[(&str, EntityLabel)]) -> Vec<EntityMention> {
    let layer = analyze(text);
    let mut out = Vec::new();
    for &(name, label) in names {
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            let first = layer.tokens.iter().position(|t| t.span.start == start);
            let last = layer.tokens.iter().position(|t| t.span.end == end);
            if let (Some(first), Some(last)) = (first, last) {
                out.push(EntityMention {
                    span: Span::new(start, end),
                    label,
                    first_token: first,
                    end_token: last + 1,
                    confidence: 1.0,
                });
            }
        }
    }
    out
}

/// Quotes of `text` with the given names as NER output.
pub fn quotes(text: &str, names: &[(&str, EntityLabel)]) -> Vec<Quote> {
    let layer = analyze(text);
    find_quotes(
        text,
        &layer.tokens,
        &layer.sentences,
        &mentions(text, names),
    )
}

/// The text of a span, or a marker when it does not fit.
pub fn s(text: &str, span: Span) -> &str {
    span.text(text).unwrap_or("<bad span>")
}
