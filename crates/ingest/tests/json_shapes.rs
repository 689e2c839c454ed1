//! JSON in the shapes real exports take: news APIs, search-engine dumps, crawler output.
//! Every record here is fictional; only the field layout follows the public formats.

use triangulate_doc::{Document, EvidenceSource};
use triangulate_ingest::{ingest_bytes, IngestError, IngestOptions};

fn one(name: &str, json: &str) -> Document {
    let report = ingest_bytes(name, json.as_bytes(), &IngestOptions::default());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let [doc] = <[Document; 1]>::try_from(report.documents).expect("one document");
    doc.check_map().expect("offset map");
    doc
}

fn title(d: &Document) -> Option<&str> {
    d.metadata.title.as_ref().map(|t| t.value.as_str())
}

fn outlet(d: &Document) -> Option<&str> {
    d.metadata.outlet.as_ref().map(|t| t.value.as_str())
}

fn iso(d: &Document) -> Option<String> {
    d.metadata.published.as_ref().map(|p| p.value.to_string())
}

fn evidence_field(d: &Document) -> Option<String> {
    let t = d.metadata.title.as_ref()?;
    match &t.evidence.source {
        EvidenceSource::JsonField(f) => Some(f.clone()),
        _ => None,
    }
}

#[test]
fn guardian_style_fields_object() {
    let d = one(
        "guardian.json",
        r#"{"id": "world/2025/mar/03/kell-ferry", "webTitle": "Kell ferry resumes after storm",
            "webUrl": "https://example.org/world/kell-ferry",
            "webPublicationDate": "2025-03-03T09:15:00Z",
            "fields": {"byline": "Maren Oduya", "bodyText": "The Kell ferry sailed again on Monday after three days in port."}}"#,
    );
    assert_eq!(
        d.text(),
        "The Kell ferry sailed again on Monday after three days in port."
    );
    assert_eq!(title(&d), Some("Kell ferry resumes after storm"));
    assert_eq!(iso(&d).as_deref(), Some("2025-03-03"));
    let authors: Vec<&str> = d
        .metadata
        .authors
        .iter()
        .map(|a| a.value.as_str())
        .collect();
    assert_eq!(authors, ["Maren Oduya"]);
    assert!(
        d.warnings.iter().any(|w| w.contains("\"fields.bodyText\"")),
        "{:?}",
        d.warnings
    );
}

#[test]
fn nyt_style_headline_object_and_response_wrapper() {
    let json = r#"{"status": "OK", "response": {"docs": [
              {"headline": {"main": "Tollan council votes on harbour plan", "kicker": "Local"},
               "byline": {"original": "By Ivo Ranne and Sela Moor"},
               "pub_date": "2025-02-11T05:00:00+0000", "web_url": "https://example.org/tollan",
               "source": "The Tollan Ledger",
               "lead_paragraph": "The Tollan council voted 7 to 2 for the harbour plan."},
              {"headline": {"main": "Second record"}, "abstract": "A short abstract only."}
            ]}}"#;
    let report = ingest_bytes("search.json", json.as_bytes(), &IngestOptions::default());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let [a, b] = report.documents.as_slice() else {
        panic!("two records, got {}", report.documents.len())
    };
    assert_eq!(title(a), Some("Tollan council votes on harbour plan"));
    assert_eq!(outlet(a), Some("The Tollan Ledger"));
    assert_eq!(iso(a).as_deref(), Some("2025-02-11"));
    let authors: Vec<&str> = a
        .metadata
        .authors
        .iter()
        .map(|x| x.value.as_str())
        .collect();
    assert_eq!(authors, ["Ivo Ranne", "Sela Moor"]);
    assert_eq!(
        a.text(),
        "The Tollan council voted 7 to 2 for the harbour plan."
    );
    assert_eq!(b.text(), "A short abstract only.");
    // Record offsets point at each record inside the wrapper.
    let offset = b.source.record_offset.expect("record offset") as usize;
    assert!(json[offset..].starts_with(r#"{"headline": {"main": "Second record"}"#));
}

#[test]
fn elasticsearch_dump_hits_and_source() {
    let dump = r#"{"took": 3, "hits": {"total": 2, "hits": [
        {"_index": "news", "_id": "a1", "_source": {"title": "Vask bridge reopens", "content": "The Vask bridge reopened on Friday.", "published_at": "2025-04-04"}},
        {"_index": "news", "_id": "a2", "_source": {"title": "Vask mayor speaks", "content": "Mayor Ilse Duran spoke on Saturday."}}
    ]}}"#;
    let report = ingest_bytes("dump.json", dump.as_bytes(), &IngestOptions::default());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.documents.len(), 2);
    let a = &report.documents[0];
    assert_eq!(a.text(), "The Vask bridge reopened on Friday.");
    assert_eq!(title(a), Some("Vask bridge reopens"));
    assert_eq!(evidence_field(a).as_deref(), Some("_source.title"));
    assert_eq!(iso(a).as_deref(), Some("2025-04-04"));
    let offset = a.source.record_offset.expect("record offset") as usize;
    assert!(dump[offset..].starts_with(r#"{"_index": "news", "_id": "a1""#));
}

#[test]
fn crawler_thread_object_and_json_lines() {
    let lines = concat!(
        r#"{"thread": {"site": "fennpost.example", "title": "Dam inspection finds cracks", "published": "2025-04-07T06:00:00Z"}, "text": "Inspectors found two cracks in the Lower Fenn dam."}"#,
        "\n",
        r#"{"title": "Rail strike off", "maintext": "The rail strike in Fennland was called off.", "source_domain": "railnews.example", "date_publish": "2025-04-08 10:00:00"}"#,
        "\n"
    );
    let report = ingest_bytes("crawl.jsonl", lines.as_bytes(), &IngestOptions::default());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let [a, b] = report.documents.as_slice() else {
        panic!("two records")
    };
    assert_eq!(title(a), Some("Dam inspection finds cracks"));
    assert_eq!(outlet(a), Some("fennpost.example"));
    assert_eq!(iso(a).as_deref(), Some("2025-04-07"));
    assert_eq!(outlet(b), Some("railnews.example"));
    assert_eq!(iso(b).as_deref(), Some("2025-04-08"));
    assert_eq!(b.text(), "The rail strike in Fennland was called off.");
}

#[test]
fn outlet_objects_are_not_searched_for_titles() {
    // NewsAPI shape: the outlet object has a `name`, which must not become the title.
    let d = one(
        "newsapi.json",
        r#"{"source": {"id": null, "name": "Brenna Daily"}, "author": "Tomas Ek",
            "url": "https://example.org/b", "publishedAt": "2025-03-01T08:00:00Z",
            "content": "The Brenna Pact talks resumed in Vask."}"#,
    );
    assert_eq!(title(&d), None);
    assert_eq!(outlet(&d), Some("Brenna Daily"));
    assert_eq!(d.text(), "The Brenna Pact talks resumed in Vask.");
}

#[test]
fn full_text_anywhere_beats_a_summary_at_the_top() {
    let d = one(
        "meta.json",
        r#"{"description": "Short teaser.", "meta": {"title": "Nested title"},
            "article": {"body": "The full story of the Sellby bridge, paragraph one."}}"#,
    );
    assert_eq!(
        d.text(),
        "The full story of the Sellby bridge, paragraph one."
    );
    assert_eq!(title(&d), Some("Nested title"));
    assert_eq!(evidence_field(&d).as_deref(), Some("meta.title"));
}

#[test]
fn no_text_at_any_depth_is_a_named_error() {
    let report = ingest_bytes(
        "empty.json",
        br#"{"title": "Only a title", "meta": {"author": "Nobody"}}"#,
        &IngestOptions::default(),
    );
    assert!(report.documents.is_empty());
    let [skipped] = report.skipped.as_slice() else {
        panic!("one skipped record")
    };
    assert!(matches!(skipped.error, IngestError::JsonNoText { .. }));
    let message = skipped.error.to_string();
    assert!(
        message.contains("bodytext") && message.contains("nested"),
        "{message}"
    );
}
