//! An outlet's own interview has no intermediary; the same words in another outlet's copy do.

use triangulate_annotate::Annotator;
use triangulate_ingest::{ingest_bytes, IngestOptions};

/// The `via` name of the one quote in a JSON-lines article published by `outlet`.
fn via_in(outlet: &str) -> Option<String> {
    let record = serde_json::json!({
        "title": "Harbour tolls cut for Tessel fishing boats",
        "outlet": outlet,
        "published": "2025-03-06",
        "text": "Harbour Minister Ilse Damrow told the Karsk Daily Courier that the new tolls \
                 would take effect \"before the spring catch\" and would be reviewed in a year.",
    });
    let report = ingest_bytes(
        "tolls.jsonl",
        record.to_string().as_bytes(),
        &IngestOptions::default(),
    );
    let doc = report.documents.into_iter().next().expect("one document");
    let annotator = Annotator::with_embedded_model().expect("embedded model");
    let layers = annotator.annotate(&doc);
    assert_eq!(layers.quotes.len(), 1, "{:#?}", layers.quotes);
    let quote = &layers.quotes[0];
    assert_eq!(
        quote.speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Ilse Damrow")
    );
    quote.via.as_ref().and_then(|v| v.name.clone())
}

#[test]
fn own_interview_is_first_hand() {
    assert_eq!(via_in("The Karsk Daily Courier"), None);
    assert_eq!(via_in("Karsk Daily Courier Online"), None);
}

#[test]
fn another_outlets_interview_keeps_its_intermediary() {
    assert_eq!(via_in("Nordwire").as_deref(), Some("Karsk Daily Courier"));
    // A shared word is not enough: "Daily Courier" alone is not "Karsk Daily Courier".
    assert_eq!(
        via_in("Brenna Daily Courier").as_deref(),
        Some("Karsk Daily Courier")
    );
}
