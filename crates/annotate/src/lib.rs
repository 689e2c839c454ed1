//! The language layer in one call: every annotation stage run on one document, in order, with
//! plain data out.
//!
//! ```text
//! Document ──> text (tokens, sentences) ──> NER (entity mentions)
//!                                  └──────> timex (anchored on the publication date)
//!                                  └──────> quotes (speakers from the entity mentions)
//!                                  └──────> quantities
//! ```
//!
//! Each stage stays usable alone (its own crate); this crate only fixes the order and the
//! inputs each stage takes from the others. Every annotation is a [`Span`] into
//! `Document::body.text`, so `doc.original_range(span)` gives the input bytes behind it.

use serde::{Deserialize, Serialize};
use triangulate_doc::{Document, EntityMention, Sentence, Span, Token};
pub use triangulate_ner::{NerError, NerModel};
use triangulate_quantity::Quantity;
use triangulate_quotes::Quote;
use triangulate_timex::{Anchor, Timex};

/// All language-layer annotations of one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Annotations {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<EntityMention>,
    /// Entity mentions in the document's title (`doc.metadata.title`), when ingest moved a
    /// headline out of the body: spans index the title's text, not [`Document::text`]. The
    /// headline names the event more plainly than any other line, so story clustering reads
    /// its names too; nothing else uses them (evidence must point into the body).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub title_entities: Vec<EntityMention>,
    pub timexes: Vec<Timex>,
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
    /// Stages left out for this document and why ("entities not tagged: …"), so a reader of
    /// the output knows an empty layer was not a finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Which stages to run and with what.
#[derive(Default)]
pub struct Annotator<'m> {
    /// Entity tagger; `None` runs without entities (quotes then fall back to capitalised names).
    pub entity_tagger: Option<&'m dyn EntityTagger>,
}

/// An entity tagger usable by the pipeline (implemented for the NER model).
pub trait EntityTagger: Sync {
    fn tag(&self, text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<EntityMention>;
}

impl EntityTagger for NerModel {
    fn tag(&self, text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<EntityMention> {
        self.annotate(text, tokens, sentences)
    }
}

impl Annotator<'static> {
    /// Every stage, with the NER model shipped inside the binary.
    pub fn with_embedded_model() -> Result<Self, NerError> {
        let model: &'static NerModel = NerModel::embedded()?;
        Ok(Annotator {
            entity_tagger: Some(model),
        })
    }
}

/// The anchor for relative dates: the publication date, as far as it is known.
pub fn anchor_for(doc: &Document) -> Anchor {
    match &doc.metadata.published {
        Some(p) => Anchor::on(p.value),
        None => Anchor::none(),
    }
}

/// The language of a document when it is known and not English (the entity model is trained
/// on English news: on other languages it tags capitalised nouns and function words).
pub fn other_language(doc: &Document) -> Option<&str> {
    let language = doc.metadata.language.as_ref()?.value.as_str();
    let primary = language.split(['-', '_']).next().unwrap_or(language);
    (!primary.is_empty() && !primary.eq_ignore_ascii_case("en")).then_some(language)
}

impl Annotator<'_> {
    pub fn annotate(&self, doc: &Document) -> Annotations {
        let text = doc.text();
        let layer = triangulate_text::analyze(text);
        let mut notes = Vec::new();
        let entity_tagger = match (self.entity_tagger, other_language(doc)) {
            (Some(_), Some(language)) => {
                notes.push(format!(
                    "entities not tagged: the document's language is {language:?} and the entity model reads English"
                ));
                None
            }
            (tagger, _) => tagger,
        };
        let entities = match entity_tagger {
            Some(t) => t.tag(text, &layer.tokens, &layer.sentences),
            None => Vec::new(),
        };
        let title_entities = match (entity_tagger, &doc.metadata.title) {
            (Some(t), Some(title)) => {
                let title = title.value.as_str();
                let layer = triangulate_text::analyze(title);
                t.tag(title, &layer.tokens, &layer.sentences)
            }
            _ => Vec::new(),
        };
        let timexes = triangulate_timex::find_timexes(text, &anchor_for(doc));
        let mut quotes =
            triangulate_quotes::find_quotes(text, &layer.tokens, &layer.sentences, &entities);
        if let Some(outlet) = &doc.metadata.outlet {
            drop_own_outlet_as_intermediary(&mut quotes, text, &outlet.value);
        }
        let quantities = triangulate_quantity::find_quantities(text, &layer.tokens);
        Annotations {
            tokens: layer.tokens,
            sentences: layer.sentences,
            entities,
            title_entities,
            timexes,
            quotes,
            quantities,
            notes,
        }
    }
}

/// "Zalvec told the Sentinel" in the Sentinel's own article is the outlet's own interview: the
/// quote is first-hand there, so the outlet is not recorded as an intermediary (it still is in
/// any other outlet's copy). The intermediary counts as the outlet when every word of its name,
/// apart from "the", is a word of the outlet's name ("Sentinel" in "Ostrel Valley Sentinel").
fn drop_own_outlet_as_intermediary(quotes: &mut [Quote], text: &str, outlet: &str) {
    fn name_words(s: &str) -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("the"))
            .map(str::to_lowercase)
            .collect()
    }
    let outlet_words = name_words(outlet);
    for quote in quotes {
        let Some(via) = &quote.via else { continue };
        let name = via
            .name
            .as_deref()
            .unwrap_or_else(|| span_text(text, via.span));
        let words = name_words(name);
        if !words.is_empty() && words.iter().all(|w| outlet_words.contains(w)) {
            quote.via = None;
        }
    }
}

/// A span's text, or an empty string if the span does not fit (never panics).
pub fn span_text(text: &str, span: Span) -> &str {
    span.text(text).unwrap_or("")
}

/// One annotation as a flat record: what `triangulate annotate --json` lists for every span.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SpanRecord {
    /// `sentence`, `entity`, `timex`, `quote`, `quantity`.
    pub layer: &'static str,
    /// Entity label, TIMEX3 type, quote kind or quantity kind.
    #[serde(rename = "type")]
    pub kind: String,
    /// Byte range in the cleaned text.
    pub span: Span,
    /// Byte range in the document's original bytes.
    pub orig: std::ops::Range<usize>,
    pub text: String,
    /// Normalised value: TIMEX3 value, number, speaker name; absent where there is none.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value: Option<String>,
    /// Extra detail: TIMEX3 `mod`, approximator, unit, intermediary, cue verb and tense.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub detail: Vec<String>,
}

impl Annotations {
    /// Every annotation of `doc` as a flat, text-ordered list.
    pub fn span_records(&self, doc: &Document) -> Vec<SpanRecord> {
        let text = doc.text();
        let record = |layer, kind: String, span: Span, value, detail| SpanRecord {
            layer,
            kind,
            span,
            orig: doc.original_range(span),
            text: span_text(text, span).to_string(),
            value,
            detail,
        };
        let mut out = Vec::new();
        for s in &self.sentences {
            out.push(record("sentence", "sentence".into(), s.span, None, vec![]));
        }
        for e in &self.entities {
            out.push(record("entity", e.label.to_string(), e.span, None, vec![]));
        }
        for t in &self.timexes {
            let mut detail = Vec::new();
            if let Some(m) = &t.modifier {
                detail.push(format!("mod={m}"));
            }
            if let Some(end) = &t.range_end {
                detail.push(format!("range_end={end}"));
            }
            detail.push(format!("anchored={:?}", t.anchored));
            let kind = format!("{:?}", t.kind).to_uppercase();
            out.push(record("timex", kind, t.span, Some(t.value.clone()), detail));
        }
        for q in &self.quotes {
            let mut detail = Vec::new();
            if let Some(via) = q.via.as_ref() {
                let name = via
                    .name
                    .clone()
                    .unwrap_or_else(|| span_text(text, via.span).to_string());
                detail.push(format!("via={name}"));
            }
            if let Some(cue) = &q.cue {
                detail.push(format!("cue={} ({:?})", cue.lemma, cue.tense));
            }
            let speaker = q.speaker.as_ref().map(|s| {
                s.name
                    .clone()
                    .unwrap_or_else(|| span_text(text, s.resolved.unwrap_or(s.span)).to_string())
            });
            let kind = format!("{:?}", q.kind).to_lowercase();
            out.push(record("quote", kind, q.span, speaker, detail));
        }
        for n in &self.quantities {
            let mut detail = Vec::new();
            if let Some(a) = n.approx {
                detail.push(format!("approx={a:?}"));
            }
            if let Some(u) = &n.unit {
                detail.push(format!("unit={u}"));
            }
            if let Some(c) = &n.currency {
                detail.push(format!("currency={c}"));
            }
            let value = match (n.value, n.range) {
                (Some(v), _) => Some(format!("{v}")),
                (None, Some(r)) => Some(format!("{}–{}", r.low, r.high)),
                _ => None,
            };
            let kind = format!("{:?}", n.kind).to_lowercase();
            out.push(record("quantity", kind, n.span, value, detail));
        }
        out.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
        out
    }
}
