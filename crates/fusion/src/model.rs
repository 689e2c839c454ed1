//! The output of the fusion stage: one self-contained, serialisable [`Analysis`].
//!
//! Every type here is plain data (ids, strings, [`Span`]s, [`PartialDate`]s) so that the JSON is
//! stable and readable without the input documents. Every finding carries [`EvidenceSpan`]s: a
//! document id plus a byte span into that document's cleaned text (`Document::body.text`); the
//! `Document` maps such a span back to the original input bytes.
//!
//! Ids are strings unique within one analysis: `story-N`, `synd-N`, `src-N`, `ent-N`, `quote-N`,
//! `claim-N`, `conflict-N`, numbered in output order.
use serde::{Deserialize, Serialize};
use triangulate_doc::{EntityLabel, PartialDate, Span};

/// Version of the [`Analysis`] JSON layout. Bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything the fusion stage found in a batch of documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Analysis {
    /// Layout version ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// One entry per input document, in input order.
    pub documents: Vec<DocumentSummary>,
    /// Stories (events), largest first.
    pub stories: Vec<Story>,
    /// Documents that could not be used, with the reason. The rest of the batch is analysed.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub problems: Vec<DocumentProblem>,
}

/// A document and where the analysis put it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DocumentSummary {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published: Option<PartialDate>,
    /// Agencies the document credits ("(Nordwire)", "Source: Nordwire").
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub credited_agencies: Vec<String>,
    /// The story the document belongs to.
    pub story: String,
    /// The syndication group, when the document is a copy (or the origin) of another one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub syndication_group: Option<String>,
    /// The independent source the document counts towards.
    pub source: String,
}

/// A document the analysis skipped or used only in part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DocumentProblem {
    pub doc_id: String,
    pub message: String,
}

/// A piece of evidence: a span of one document's cleaned text, with the text it covers.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EvidenceSpan {
    pub doc_id: String,
    /// Byte range into the document's cleaned text.
    pub span: Span,
    /// The covered text (whitespace collapsed), so the JSON reads without the documents.
    pub text: String,
}

/// One real-world event and everything said about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Story {
    pub id: String,
    /// Headline of the story's first document that has one (else its first sentence).
    pub title: String,
    /// Member document ids, in input order.
    pub documents: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub first_published: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub last_published: Option<PartialDate>,
    /// Groups of documents that are copies of one text (wire stories republished with edits).
    pub syndication_groups: Vec<SyndicationGroup>,
    /// The independent sources of the story: each syndication group counts once.
    pub independent_sources: Vec<IndependentSource>,
    pub entities: Vec<Entity>,
    /// One entry per date, oldest first.
    pub timeline: Vec<TimelineEntry>,
    pub quotes: Vec<QuoteGroup>,
    /// Statements grouped across documents: corroborated ones first (most independent sources
    /// first), then single-source ones, most salient first.
    pub claims: Vec<Claim>,
    /// Single-source claims left out of `claims` by the per-story cap
    /// (`FusionOptions::max_single_source_claims`), the least salient ones. Corroborated claims
    /// are never left out.
    #[serde(default)]
    pub single_source_claims_omitted: usize,
    pub conflicts: Vec<Conflict>,
    /// Inferences the analysis made (completed dates, resolved aliases), with their evidence.
    pub notes: Vec<Note>,
}

/// Documents that carry one text (near-duplicates and documents crediting the same agency).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SyndicationGroup {
    pub id: String,
    pub documents: Vec<String>,
    /// The agency the text comes from, when a member credits one or is published by one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub origin: Option<String>,
    /// Why the documents were grouped: one link for each document that joined the group (a
    /// near-duplicate pair where there is one, else a shared agency credit), so k copies give
    /// k − 1 links.
    pub links: Vec<SyndicationLink>,
    /// Paragraphs that appear (possibly edited) in more than one member.
    pub shared_passages: Vec<SharedPassage>,
}

/// Why two documents of a [`SyndicationGroup`] are taken for copies of one text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum SyndicationLink {
    /// Word 5-gram shingle overlap: Jaccard of the two sets and containment of the smaller one.
    NearDuplicate {
        doc_a: String,
        doc_b: String,
        jaccard: f32,
        containment: f32,
    },
    /// Both documents credit (or are published by) the same agency.
    SameAgency {
        doc_a: String,
        doc_b: String,
        agency: String,
    },
}

/// One paragraph found in several documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SharedPassage {
    /// The paragraph in each document that has it (once per copy, in input order).
    pub evidence: Vec<EvidenceSpan>,
    /// Lowest word 5-gram Jaccard between two matched copies (1.0 = identical wording in all).
    pub similarity: f32,
}

/// A source that counts once towards corroboration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct IndependentSource {
    pub id: String,
    /// Outlet or agency name, or the document id when neither is known.
    pub name: String,
    pub documents: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub syndication_group: Option<String>,
}

/// A person, organisation, place or other named thing, merged across documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Entity {
    pub id: String,
    /// The fullest name seen ("Ana Velic").
    pub name: String,
    pub label: EntityLabel,
    /// Other names and forms it appears under ("Velic", "Prime Minister Ana Velic").
    pub aliases: Vec<String>,
    /// Titles or roles seen with the name ("prime minister").
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub titles: Vec<String>,
    pub mentions: Vec<EntityMentionRef>,
    /// Number of documents mentioning it.
    pub document_count: usize,
}

/// One mention of an [`Entity`] and how it was linked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct EntityMentionRef {
    pub evidence: EvidenceSpan,
    pub link: MentionLink,
}

/// How a mention was attached to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MentionLink {
    /// The same name (after folding case, diacritics, hyphens and spacing).
    Name,
    /// A built-in alias ("U.K." for "United Kingdom").
    AliasTable,
    /// A surname alone, attached because one entity of the story carries it.
    Surname,
    /// A title alone ("the prime minister"), attached because one entity of the story holds it.
    Title,
    /// A third-person pronoun ("she", "his"), attached to the person its document named last
    /// with a fitting gender in the pronoun's sentence or the two before it (the first such
    /// person of that sentence), a "who"/"whose" right after a person's name, or a "they" after
    /// an organisation with a plural name ("Marrow Hawks"). The evidence span is the pronoun
    /// itself.
    Pronoun,
    /// A description of a person: the description of an apposition ("a 33-year-old actress" in
    /// "Tara Vell, a 33-year-old actress,") and a later "the actress" of the same document when
    /// no other person of it was given that noun first. The evidence span is the description.
    Description,
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    Month,
    Year,
}

/// One date of a story's timeline, with everything the story places on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TimelineEntry {
    /// The date, completed from the story where the text gave only part of it.
    pub date: PartialDate,
    pub precision: DatePrecision,
    /// A sentence that places something on this date: the one whose statement the most
    /// independent sources make (the first such in input order).
    pub text: String,
    /// Independent sources (ids) that give this date.
    pub sources: Vec<String>,
    /// The date expressions and their sentences, in every document, for every statement on
    /// this date.
    pub evidence: Vec<EvidenceSpan>,
    /// Present when a sentence giving this date wrote it only in part: what that text said and
    /// where the rest came from (the first such sentence; every completion is also a
    /// [`Note`]). Other evidence may write the date in full.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub inferred: Option<DateInference>,
}

/// How a partial date was completed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DateInference {
    /// The date as written ("XXXX-XX-04").
    pub written: PartialDate,
    /// The rule that completed it.
    pub rule: String,
    /// Where the missing fields came from (publication dates, dated sentences).
    pub evidence: Vec<EvidenceSpan>,
}

/// One utterance, quoted by one or more documents, possibly in different wordings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteGroup {
    pub id: String,
    /// Speaker as written in the first variant that names one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker: Option<String>,
    /// The speaker's entity id, when the speaker was resolved.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub speaker_entity: Option<String>,
    pub variants: Vec<QuoteVariant>,
    /// Independent sources (ids) quoting it.
    pub sources: Vec<String>,
}

/// One document's rendering of a quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteVariant {
    /// The quoted words.
    pub evidence: EvidenceSpan,
    /// Whether the words are given as a direct quote (in quotation marks).
    pub direct: bool,
    /// Intermediary the quote was obtained through ("told Nordwire").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub via: Option<String>,
}

/// A statement, with every document that makes it (in the same or different words).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Claim {
    pub id: String,
    /// The statement as worded by its first source.
    pub text: String,
    /// Every document sentence making the statement.
    pub statements: Vec<Statement>,
    /// Independent sources (ids) making it. Syndicated copies count once.
    pub sources: Vec<String>,
    /// `sources.len()`: how many independent outlets confirm it.
    pub corroboration: usize,
    /// Only one independent source makes the statement (`corroboration == 1`): it is reported,
    /// not confirmed. Syndicated copies of one text are still one source.
    #[serde(default)]
    pub single_source: bool,
}

/// One document's sentence supporting a [`Claim`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Statement {
    pub evidence: EvidenceSpan,
    /// Independent source id of the document.
    pub source: String,
    /// The statement is negated ("does not target").
    pub negated: bool,
    /// Similarity to the claim's first statement, 0.0–1.0.
    pub similarity: f32,
}

/// What kind of value two sides disagree on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// Years ("signed in 2012" vs "signed in 2002").
    Year,
    /// Calendar dates.
    Date,
    /// Counts and amounts, with their units.
    Quantity,
    /// The same values given to different names ("A in 1987, B in 1994" vs "A in 1994, B in 1987").
    Assignment,
    /// Polarity: one side states it, the other denies it ("covers energy" vs "does not cover
    /// energy"; "confirmed" vs "denied"). The first side affirms, the second denies.
    Negation,
}

/// Aligned statements that give different values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Conflict {
    pub id: String,
    /// The claim whose statements disagree; `None` when the statements were aligned on their
    /// values alone (the same dated facts inside differently worded sentences).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub claim: Option<String>,
    /// For a [`ConflictKind::Negation`]: the claim that denies what `claim` affirms (statements
    /// of opposite polarity are never one claim).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub opposing_claim: Option<String>,
    pub kind: ConflictKind,
    /// One line for readers: "2012 vs 2002".
    pub summary: String,
    /// Each position with the sources and sentences that take it.
    pub sides: Vec<ConflictSide>,
    /// Index into `sides` of the position that only later reports take: every document on it
    /// was published after every document on all other sides (all dated to the day). The
    /// disagreement may then be news moving on (a figure revised, talks broken off) rather
    /// than sources contradicting each other; readers are told so. `None` when the sides'
    /// dates overlap or some are unknown.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub later_side: Option<usize>,
}

/// One position in a [`Conflict`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ConflictSide {
    /// The values this side gives, rendered ("1987, 1994, 2012").
    pub value: String,
    pub sources: Vec<String>,
    pub evidence: Vec<EvidenceSpan>,
    /// Earliest and latest publication date of the documents on this side, when every one of
    /// them is dated to the day.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub published: Option<DateRange>,
}

/// First and last day of a set of publication dates.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DateRange {
    pub first: PartialDate,
    pub last: PartialDate,
}

/// What a [`Note`] records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    DateCompleted,
    AliasResolved,
    AmbiguousMention,
    Syndication,
}

/// An inference the analysis made, with what it rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Note {
    pub kind: NoteKind,
    pub message: String,
    pub evidence: Vec<EvidenceSpan>,
}
