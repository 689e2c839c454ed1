//! Triangulate's fusion stage: from many annotated news documents to what happened, who said
//! what, when, which statements are confirmed by how many independent outlets, and where outlets
//! contradict each other — every finding with evidence spans into the documents.
//!
//! ```text
//! AnnotatedDoc × N ──> syndication (near-duplicate shingles + agency credits)
//!                  ──> StoryClusterer (incremental, inverted index)
//!                  ──> per story: independent sources, entities, claims (corroborated
//!                      and single-source) + conflicts (years, swapped pairs, quantities,
//!                      negation), quote variants, timeline (one entry per date, partial
//!                      dates completed)
//!                  ──> Analysis (serde + JSON Schema, schema_version)
//! ```
//!
//! Entry points:
//! - [`analyze`]: a batch of [`AnnotatedDoc`]s to one [`Analysis`].
//! - [`StoryClusterer`]: incremental story clustering for streams (`add(&ClusterInput) -> StoryId`;
//!   documents that review of young stories moves later come from `take_moves()`).
//! - [`syndication`]: near-duplicate detection on its own (MinHash/LSH with exact verification).
//!
//! Input is the language layer's output as is ([`AnnotatedDoc`] holds a `Document` and its
//! `triangulate_annotate::Annotations`); numbers come from the quantity stage, and [`values`]
//! only compares them.
//!
//! Everything is offline and deterministic: no models to download, no randomness (hash seeds
//! are fixed), and output order depends only on input order.
//!
//! Why hand-written rather than a crate: the near-duplicate step needs exact verification and
//! paragraph spans, which MinHash crates do not give; the clusterer needs online IDF and
//! bounded postings for million-document streams; the rest is the project's own logic.
mod analyze;
mod claims;
pub mod cluster;
mod entities;
mod input;
pub mod model;
pub mod negation;
pub mod syndication;
pub mod text;
mod timeline;
mod union_find;
pub mod values;

pub use analyze::analyze;
pub use claims::{lemma, PARAPHRASES};
pub use cluster::{ClusterInput, ClusterOptions, StoryClusterer, StoryId};
pub use entities::{name_key, COUNTRY_ALIASES};
pub use input::{AnnotatedDoc, FusionOptions, LayerError};
pub use model::*;
pub use triangulate_annotate::Annotations;
