//! The headline's names reach story clustering, and a title layer that does not fit its title
//! is dropped and reported like any other layer, the document still used.

use triangulate_annotate::Annotator;
use triangulate_doc::{EntityLabel, EntityMention, Span};
use triangulate_fusion::{analyze, AnnotatedDoc, FusionOptions};
use triangulate_ingest::{ingest_bytes, IngestOptions};

fn annotated(lines: &[serde_json::Value]) -> Vec<AnnotatedDoc> {
    let jsonl: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let report = ingest_bytes("wire.jsonl", jsonl.as_bytes(), &IngestOptions::default());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let annotator = Annotator::with_embedded_model().expect("embedded model");
    report
        .documents
        .into_iter()
        .map(|doc| {
            let layers = annotator.annotate(&doc);
            AnnotatedDoc { doc, layers }
        })
        .collect()
}

#[test]
fn a_title_layer_out_of_its_title_is_reported_and_the_document_kept() {
    let mut docs = annotated(&[
        serde_json::json!({
            "title": "Varn mayor Ilsa Brant resigns over harbour contract",
            "published": "2025-03-06",
            "text": "The mayor of the port town stepped down on Thursday after auditors \
                     questioned a dredging contract awarded last spring.",
        }),
        serde_json::json!({
            "title": "Ilsa Brant quits as mayor of Varn",
            "published": "2025-03-06",
            "text": "Auditors had questioned a dredging contract the town awarded last spring; \
                     the mayor stepped down on Thursday.",
        }),
    ]);
    assert!(!docs[1].layers.title_entities.is_empty());
    docs[1].layers.title_entities.push(EntityMention {
        span: Span::new(900, 905),
        label: EntityLabel::Per,
        first_token: 0,
        end_token: 0,
        confidence: 1.0,
    });
    let id = docs[1].doc.id.clone();
    let a = analyze(&docs, &FusionOptions::default());
    assert_eq!(a.documents.len(), 2);
    assert!(
        a.problems
            .iter()
            .any(|p| p.doc_id == id && p.message.contains("title entity")),
        "{:?}",
        a.problems
    );
}
