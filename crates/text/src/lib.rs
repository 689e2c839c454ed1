//! Tokens and sentences for news text.
//!
//! This crate is the first annotation layer every other stage reads, so it is hand-written for
//! speed and for the conventions the rest of the pipeline expects:
//!
//! - **Tokens** follow the Penn Treebank / CoNLL-2003 conventions that the NER model is trained
//!   on: punctuation, possessive `'s` and `n't` are split off (`don't` → `do` `n't`), while
//!   abbreviations (`U.S.`, `Mr.`, `Jan.`, `S.` in `S. Africa`), dates (`1996-12-06`),
//!   numbers (`10,000`, `3.5`), URLs, e-mail addresses and hyphenated words stay whole.
//!   Curly and straight quotes are tokens of their own.
//! - **Sentences** do not end at abbreviations and initials (`Gen.`, `No. 5`, `J. R. Smith`),
//!   keep a dateline (`BRENNA, March 3 (Nordwire) —`) with the first sentence, keep a closing
//!   quote with the sentence it closes, and end at paragraph breaks and after headline or
//!   caption lines (a line without final punctuation).
//!
//! Every token and sentence is a [`Span`](triangulate_doc::Span) into the text given, so the
//! layers can be mapped back to the original input bytes through the document's offset map.
//! Nothing here allocates per token beyond the output vectors, and no input can make it panic.
//!
//! ```
//! let layer = triangulate_text::analyze("Gen. Ana Velic arrived in the U.S. on Jan. 3. She spoke.");
//! let words: Vec<&str> = layer.tokens.iter().map(|t| t.span.text(
//!     "Gen. Ana Velic arrived in the U.S. on Jan. 3. She spoke.").unwrap_or("")).collect();
//! assert_eq!(words[..4], ["Gen.", "Ana", "Velic", "arrived"]);
//! assert_eq!(layer.sentences.len(), 2);
//! ```
//!
//! Why not an existing crate: general Unicode segmenters (UAX #29) split `U.S.` and `10,000`
//! differently from the CoNLL-2003 data the NER model learns from, and know nothing of
//! datelines or headline lines; the rules here are the ones news text needs, in one pass.

mod abbrev;
pub mod lexicon;
mod sentence;
mod token;

pub use sentence::split_sentences;
use serde::{Deserialize, Serialize};
pub use token::tokenize;
pub use triangulate_doc::{Sentence, Token};

/// The token and sentence layer of one text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TextLayer {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

/// Tokenizes `text` and splits it into sentences.
pub fn analyze(text: &str) -> TextLayer {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    TextLayer { tokens, sentences }
}

/// The text of each token, in order; a convenience for tests and debugging output.
pub fn token_texts<'a>(text: &'a str, tokens: &[Token]) -> Vec<&'a str> {
    tokens
        .iter()
        .map(|t| t.span.text(text).unwrap_or_default())
        .collect()
}
