//! Triangulate's document model.
//!
//! A [`Document`] owns the bytes the user gave us ([`Document::original`]), the cleaned text every
//! later stage reads ([`Document::body`]), and an [`OffsetMap`] from that text back to the original
//! bytes. Every annotation any stage adds is a [`Span`] into the cleaned text, so any answer can be
//! traced back to the exact input bytes it rests on: `doc.body.to_original(span)`.
//!
//! Nothing that is removed during cleaning disappears silently: it is listed in
//! [`Document::removed`] with its original byte range and the reason.
//!
//! Text transformations are built with [`MappedTextBuilder`]: each stage copies pieces of its input
//! (keeping their mapping), replaces pieces (an entity `&amp;` becoming `&`, a broken line joined)
//! or inserts separators; the builder composes the maps, so the final map always points at the
//! original bytes no matter how many stages ran.

mod annotation;
mod date;
mod document;
mod mapped;
mod metadata;
mod span;

pub use annotation::{EntityLabel, EntityMention, Sentence, Token};
pub use date::{days_in_month, PartialDate};
pub use document::{Document, InputFormat, Removal, RemovalKind, SourceRef};
pub use mapped::{MappedText, MappedTextBuilder, OffsetMap, Segment};
pub use metadata::{Evidence, EvidenceSource, MetaValue, Metadata};
pub use span::Span;
