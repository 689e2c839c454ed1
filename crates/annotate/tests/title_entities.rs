//! The headline's names: ingest moves a headline into metadata, and the language layer tags
//! it apart from the body, with spans into the title.

use triangulate_annotate::Annotator;
use triangulate_doc::EntityLabel;
use triangulate_ingest::{ingest_bytes, IngestOptions};

fn layers_of(
    record: serde_json::Value,
) -> (triangulate_doc::Document, triangulate_annotate::Annotations) {
    let report = ingest_bytes(
        "mayor.jsonl",
        record.to_string().as_bytes(),
        &IngestOptions::default(),
    );
    let doc = report.documents.into_iter().next().expect("one document");
    let annotator = Annotator::with_embedded_model().expect("embedded model");
    let layers = annotator.annotate(&doc);
    (doc, layers)
}

#[test]
fn names_in_the_title_are_tagged_with_spans_into_the_title() {
    let (doc, layers) = layers_of(serde_json::json!({
        "title": "Varn mayor Ilsa Brant resigns over harbour contract",
        "published": "2025-03-06",
        "text": "The mayor of the port town stepped down on Thursday after auditors questioned \
                 a dredging contract awarded last spring.",
    }));
    let title = doc
        .metadata
        .title
        .as_ref()
        .map(|t| t.value.as_str())
        .expect("a title");
    let names: Vec<(&str, EntityLabel)> = layers
        .title_entities
        .iter()
        .filter_map(|e| Some((e.span.text(title)?, e.label)))
        .collect();
    assert!(
        names.contains(&("Ilsa Brant", EntityLabel::Per)),
        "{names:?} in {title:?}"
    );
    // The body's own layer is untouched: its spans index the body.
    for e in &layers.entities {
        assert!(e.span.text(doc.text()).is_some());
    }
}

#[test]
fn a_document_without_a_title_has_no_title_entities() {
    let (doc, layers) = layers_of(serde_json::json!({
        "published": "2025-03-06",
        "text": "Mayor Ilsa Brant of Varn stepped down on Thursday after auditors questioned \
                 a dredging contract awarded last spring.",
    }));
    assert!(doc.metadata.title.is_none(), "{:?}", doc.metadata.title);
    assert!(layers.title_entities.is_empty());
}
