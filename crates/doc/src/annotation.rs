//! Annotation types that several stages share. Stage-specific types (time expressions, quotes,
//! quantities, claims) live in their own crates; all of them are spans into the cleaned text.
use crate::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A token of the cleaned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Token {
    pub span: Span,
}

/// A sentence (or headline / caption line) of the cleaned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Sentence {
    pub span: Span,
    /// Index of the first token of the sentence in the document's token list.
    pub first_token: usize,
    /// One past the index of its last token.
    pub end_token: usize,
}

/// CoNLL-2003 entity types.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityLabel {
    Per,
    Org,
    Loc,
    Misc,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 4] = [
        EntityLabel::Per,
        EntityLabel::Org,
        EntityLabel::Loc,
        EntityLabel::Misc,
    ];

    /// Position in [`EntityLabel::ALL`]: a dense index for per-label tables and bit sets.
    pub fn index(self) -> usize {
        match self {
            EntityLabel::Per => 0,
            EntityLabel::Org => 1,
            EntityLabel::Loc => 2,
            EntityLabel::Misc => 3,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "PER" => Some(EntityLabel::Per),
            "ORG" => Some(EntityLabel::Org),
            "LOC" => Some(EntityLabel::Loc),
            "MISC" => Some(EntityLabel::Misc),
            _ => None,
        }
    }
}

impl fmt::Display for EntityLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named-entity mention found in one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EntityMention {
    pub span: Span,
    pub label: EntityLabel,
    /// Token index range `[first_token, end_token)` in the document's token list.
    pub first_token: usize,
    pub end_token: usize,
    /// Model confidence 0.0–1.0 (1.0 for rule/gazetteer matches).
    pub confidence: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_label_index_is_its_position_in_all() {
        for (position, label) in EntityLabel::ALL.iter().enumerate() {
            assert_eq!(label.index(), position);
            assert_eq!(EntityLabel::parse(label.as_str()), Some(*label));
        }
    }
}
