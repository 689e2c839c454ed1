//! Direct, indirect and mixed quotes in news text, each linked to who said it.
//!
//! [`find_quotes`] reads the cleaned text with its token and sentence layers
//! (`triangulate-text`) and the entity mentions of the NER stage, and returns [`Quote`]s:
//!
//! - **Direct** quotes in straight or curly double quotes, guillemets and low-high marks
//!   („…“), and curly single quotes outside them, including multi-paragraph quotes where each
//!   paragraph reopens the quote without closing the previous one, and nested single quotes
//!   inside double quotes.
//! - **Indirect** speech: "Velic said (that) ...", "... , Velic said.", "According to Velic, ...",
//!   "Velic, according to Nordwire, had ..." (both sides of the attribution, as two parts),
//!   "Velic told Nordwire ...", "Velic was quoted by Nordwire as saying ...", and naming
//!   verbs that characterise in the speaker's words: "Dask has called the deal rushed",
//!   "described it as ...", "accused the government of ...". A sentence may hold several
//!   reports: "Dask has called the deal rushed and says ..." (the coordinated cue keeps the
//!   speaker) and "officials said ..., and Velic has insisted that ..." (split at the second
//!   speaker).
//! - **Mixed**: indirect speech with a quoted fragment inside ("Velic said the plan was
//!   “dead on arrival”.", "Markelov called the agreement “a new page”"), also when the
//!   fragment closes after the sentence's final period. Short quoted fragments with no cue
//!   stay dropped as scare quotes.
//!
//! Each quote carries its cue verb (lemma and tense), the speaker as written (name, pronoun or
//! description) with the named mention it resolves to, the speaker's role where the text gives
//! one ("presidential aide Ana Velic" → role "presidential aide"), and the intermediary kept
//! apart from the speaker ("told Nordwire", "quoted by Nordwire", "according to a Nordwire
//! report").
//!
//! Pronouns resolve to the previous speaker unless the document makes that person the other
//! gender (a courtesy title such as "Ms." before any mention with the same surname, or the
//! first gendered pronoun after a mention outside quotes); then to the most recent person
//! mention of a compatible gender that is not inside a quote. Descriptions ("the minister")
//! resolve to the last person given that role, including "of" titles ("Minister of Foreign
//! Affairs Irena Dask"). Private people are speakers too when described with a determiner ("the
//! woman", "the victim's sister", "the 32-year-old mother of two") or as a bare plural
//! ("neighbours said"); "the 45-year-old" resolves to the person whose age was written with the
//! name ("Tomas Reyl, 45,"), "the carpenter" to one given that noun ("Tomas Reyl, a carpenter
//! from Oskar Bay,"). Reduced passives ("the man accused of …", "the barn dubbed “…” by …")
//! give no speaker.
//!
//! When no entity mentions are given, runs of capitalised words stand in for them (titles and
//! role words are stripped), so quotes still get speakers without the NER stage, at lower
//! confidence.
//!
//! The rules are hand-written: attribution in news follows a small set of patterns, and a rule
//! set keeps every decision explainable and the stage fast.

mod lexicon;
mod scan;

use serde::{Deserialize, Serialize};
use triangulate_doc::{EntityMention, Sentence, Span, Token};

/// Whether a quote reproduces the words (direct), reports them (indirect), or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    Direct,
    Indirect,
    /// Indirect speech containing a quoted fragment.
    Mixed,
}

/// Tense of the cue verb. Perfect forms ("has said") count as past, "would say" as past.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tense {
    Past,
    Present,
    Future,
}

/// The speech verb that introduces a quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Cue {
    pub span: Span,
    /// Dictionary form: "say" for "said", "tell" for "told".
    pub lemma: String,
    pub tense: Tense,
}

/// How a speaker or intermediary is referred to at the quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// By name: "Ana Velic", "Velic".
    Named,
    /// By pronoun: "she", "he", "they".
    Pronoun,
    /// By description: "the minister", "a government spokesman", "police".
    Description,
    /// An organisation or news agency: "Nordwire", "the Interior Ministry".
    Agency,
}

/// A speaker or intermediary as it appears in the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SpeakerRef {
    /// The mention at the quote: the name, pronoun or description.
    pub span: Span,
    /// The named mention it stands for (the same span for names; an earlier mention for
    /// pronouns and descriptions), when it could be resolved.
    pub resolved: Option<Span>,
    /// Text of the resolved name.
    pub name: Option<String>,
    /// Role the text gives the speaker: "presidential aide", "foreign minister".
    pub role: Option<String>,
    pub resolution: Resolution,
}

/// One quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Quote {
    /// The quoted or reported content; for direct quotes without the quote marks. For a
    /// multi-paragraph quote it covers all paragraphs; `parts` lists each paragraph's content.
    pub span: Span,
    /// Content of each paragraph of a multi-paragraph direct quote; empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Span>,
    pub kind: QuoteKind,
    pub cue: Option<Cue>,
    pub speaker: Option<SpeakerRef>,
    /// Who relayed the words: "told Nordwire", "quoted by Nordwire", "a Nordwire report".
    pub via: Option<SpeakerRef>,
    /// Rough confidence 0.0–1.0 from the attribution pattern that matched.
    pub confidence: f32,
}

/// Finds the quotes of a document.
///
/// `tokens` and `sentences` come from `triangulate_text::analyze(text)`; `entities` from the
/// NER stage (pass `&[]` to use the capitalised-name fallback). Mentions or tokens whose
/// indices or spans do not fit are ignored rather than causing a panic. Quotes are returned in
/// text order.
pub fn find_quotes(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    entities: &[EntityMention],
) -> Vec<Quote> {
    scan::Scanner::new(text, tokens, sentences, entities).run()
}
