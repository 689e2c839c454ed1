//! Helpers shared by the entity tests: hand-made NER output and one-story fusion options.
#![allow(dead_code)]
use triangulate_doc::{EntityLabel, EntityMention, Span};
use triangulate_fusion::{ClusterOptions, FusionOptions};

/// Every occurrence of each `(surface, label)` in `text` not inside an earlier mention, as an
/// entity mention (what a tagger might give), in text order.
pub fn hand_mentions(text: &str, mentions: &[(&str, EntityLabel)]) -> Vec<EntityMention> {
    let mut entities: Vec<EntityMention> = Vec::new();
    for (surface, label) in mentions {
        let mut from = 0;
        while let Some(pos) = text.get(from..).and_then(|t| t.find(surface)) {
            let span = Span::new(from + pos, from + pos + surface.len());
            if !entities.iter().any(|e| e.span.overlaps(span)) {
                entities.push(EntityMention {
                    span,
                    label: *label,
                    first_token: 0,
                    end_token: 0,
                    confidence: 1.0,
                });
            }
            from = span.end;
        }
    }
    entities.sort_by_key(|e| e.span.start);
    entities
}

/// Fusion options that put every document into one story, so a test checks entity
/// resolution alone and not clustering.
pub fn one_story() -> FusionOptions {
    FusionOptions {
        clustering: ClusterOptions {
            threshold: f32::NEG_INFINITY,
            young_story_size: 0,
            ..ClusterOptions::default()
        },
        ..FusionOptions::default()
    }
}
