//! Every reader on fixtures we wrote (fictional events, people, outlets and places).

use std::io::Write;
use std::path::PathBuf;
use triangulate_doc::{Document, InputFormat, PartialDate, RemovalKind};
use triangulate_ingest::{ingest_bytes, ingest_paths, IngestOptions, IngestReport};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(rel)).expect("fixture exists")
}

fn only(report: &IngestReport) -> &Document {
    assert!(report.skipped.is_empty(), "skipped: {:?}", report.skipped);
    assert_eq!(report.documents.len(), 1);
    &report.documents[0]
}

fn iso(d: &Document) -> Option<String> {
    d.metadata.published.as_ref().map(|p| p.value.to_iso())
}

#[test]
fn folder_is_read_recursively_in_name_order() {
    let report = ingest_paths(&[fixtures().join("mixed")], &IngestOptions::default());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let summary: Vec<(String, InputFormat)> = report
        .documents
        .iter()
        .map(|d| (d.id.clone(), d.format))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("a-scrape".to_string(), InputFormat::Text),
            ("b-notes".to_string(), InputFormat::Markdown),
            ("c-page".to_string(), InputFormat::Html),
            ("d-wire:1".to_string(), InputFormat::JsonLines),
            ("d-wire:2".to_string(), InputFormat::JsonLines),
            ("e-feed:1".to_string(), InputFormat::Rss),
            ("e-feed:2".to_string(), InputFormat::Rss),
            ("f-feed:1".to_string(), InputFormat::Atom),
        ]
    );
    for d in &report.documents {
        d.check_map().unwrap_or_else(|e| panic!("{}: {e}", d.id));
        for r in &d.removed {
            assert!(
                r.orig.end <= d.original.len(),
                "{}: removal out of range",
                d.id
            );
        }
    }
    // Same input, same output.
    let again = ingest_paths(&[fixtures().join("mixed")], &IngestOptions::default());
    assert_eq!(again.documents, report.documents);
}

#[test]
fn scraped_text_is_cleaned_with_metadata() {
    let report = ingest_bytes(
        "a-scrape.txt",
        &read("mixed/a-scrape.txt"),
        &IngestOptions::default(),
    );
    let d = only(&report);
    assert_eq!(
        d.text(),
        "HARROWGATE, April 7 (Fennpress) - Engineers inspecting the Lower Fenn dam found three \
         cracks in the spillway on Monday, the regional water board said. The cracks are shallow, \
         but the board has ordered the reservoir lowered by two metres as a precaution."
    );
    let m = &d.metadata;
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "Dam inspection finds cracks in Lower Fenn spillway"
    );
    assert_eq!(m.authors[0].value, "Mirela Ostvang");
    assert_eq!(iso(d).as_deref(), Some("2025-04-08"));
    assert_eq!(m.published_time.as_deref(), Some("09:40"));
    assert_eq!(m.page_dates[0].value, PartialDate::ymd(2025, 4, 8));
    assert_eq!(m.outlet.as_ref().unwrap().value, "The Harrowgate Courier");
    assert_eq!(m.dateline_place.as_ref().unwrap().value, "HARROWGATE");
    let agencies: Vec<&str> = m
        .credited_agencies
        .iter()
        .map(|a| a.value.as_str())
        .collect();
    assert_eq!(agencies, vec!["Fennpress"]);
    assert_eq!(m.language.as_ref().unwrap().value, "en");
    let kinds: Vec<&RemovalKind> = d.removed.iter().map(|r| &r.kind).collect();
    for k in [
        RemovalKind::Widget,
        RemovalKind::Advertisement,
        RemovalKind::ShareBar,
        RemovalKind::Copyright,
        RemovalKind::Header,
        RemovalKind::Metadata,
    ] {
        assert!(kinds.contains(&&k), "no {k:?} removal in {kinds:?}");
    }
    // The joined word maps back to both halves and the line break between them.
    let at = d.text().find("lowered").unwrap();
    assert_eq!(
        d.original_text(triangulate_doc::Span::new(at, at + 7)),
        "low-\nered"
    );
}

#[test]
fn markdown_markup_is_stripped_and_partial_dates_stay_partial() {
    let report = ingest_bytes(
        "b-notes.md",
        &read("mixed/b-notes.md"),
        &IngestOptions::default(),
    );
    let d = only(&report);
    assert_eq!(d.format, InputFormat::Markdown);
    assert!(d
        .text()
        .starts_with("The Ostmark ferry sailed again on Friday after a two-week strike"));
    assert!(d
        .text()
        .contains("\n\nCrews won a 4% rise.\n\nSailings return"));
    assert!(
        !d.text().contains("**") && !d.text().contains("](") && !d.text().contains("harbour.jpg")
    );
    let m = &d.metadata;
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "Ferry service to Ostmark resumes"
    );
    assert_eq!(m.authors[0].value, "Tomas Vell");
    assert_eq!(m.outlet.as_ref().unwrap().value, "Northsea Radio");
    assert!(
        m.published.is_none(),
        "no date in the document: {:?}",
        m.published
    );
    assert!(d
        .removed
        .iter()
        .any(|r| r.kind == RemovalKind::ImagePlaceholder));
    assert!(d
        .removed
        .iter()
        .any(|r| r.kind == RemovalKind::Markup && r.preview.contains("radio.example")));
}

#[test]
fn html_goes_through_the_extractor() {
    let report = ingest_bytes(
        "c-page.html",
        &read("mixed/c-page.html"),
        &IngestOptions::default(),
    );
    let d = only(&report);
    assert!(d.text().starts_with("Apple growers in the Valdren valley"));
    assert!(!d.text().contains("Home"));
    let m = &d.metadata;
    assert_eq!(
        m.title.as_ref().unwrap().value,
        "Orchard growers count frost damage"
    );
    assert_eq!(m.outlet.as_ref().unwrap().value, "Valdren Times");
    assert_eq!(m.authors[0].value, "Pia Sundqvist");
    assert_eq!(iso(d).as_deref(), Some("2025-04-02"));
    assert_eq!(m.published_time.as_deref(), Some("07:30:00+02:00"));
    assert_eq!(m.language.as_ref().unwrap().value, "en");
}

#[test]
fn json_lines_records_become_documents() {
    let report = ingest_bytes(
        "d-wire.jsonl",
        &read("mixed/d-wire.jsonl"),
        &IngestOptions::default(),
    );
    assert!(report.skipped.is_empty());
    let [a, b] = report.documents.as_slice() else {
        panic!("two records")
    };
    assert_eq!(a.source.record.as_deref(), Some("line 1"));
    assert_eq!(b.source.record.as_deref(), Some("line 2"));
    let line2_start = read("mixed/d-wire.jsonl")
        .iter()
        .position(|c| *c == b'\n')
        .unwrap()
        + 1;
    assert_eq!(b.source.record_offset, Some(line2_start as u64));
    assert_eq!(
        a.metadata.title.as_ref().unwrap().value,
        "Spillway cracks found at Lower Fenn dam"
    );
    assert_eq!(a.metadata.outlet.as_ref().unwrap().value, "Fennpress");
    assert_eq!(a.metadata.published_time.as_deref(), Some("06:10:00Z"));
    assert_eq!(a.text(), "Engineers found three cracks in the Lower Fenn dam spillway on Monday, the regional water board said.\n\nThe reservoir will be lowered by two metres.");
    // Original is the decoded JSON string value.
    assert!(a.original.starts_with(b"Engineers found"));
    assert_eq!(b.metadata.outlet.as_ref().unwrap().value, "Fennpress");
    assert_eq!(iso(b).as_deref(), Some("2025-04-08"));
    let authors: Vec<&str> = b
        .metadata
        .authors
        .iter()
        .map(|a| a.value.as_str())
        .collect();
    assert_eq!(authors, vec!["Lena Hart", "Jon Pikk"]);
    assert_eq!(b.text(), "Rail unions in Fennland called off Thursday's strike after a late-night offer.\n\nTrains will run as normal.");
}

#[test]
fn json_array_and_wrapped_array() {
    let json = br#"[{"headline": "One", "body": "First text here about the Sellby bridge."},
                    {"headline": "Two", "content": "<p>Second text, <b>bold</b> &amp; plain.</p>"}]"#;
    let report = ingest_bytes("batch.json", json, &IngestOptions::default());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(report.documents.len(), 2);
    assert_eq!(report.documents[1].text(), "Second text, bold & plain.");
    assert_eq!(report.documents[1].format, InputFormat::Json);
    for d in &report.documents {
        d.check_map().unwrap();
    }
    let wrapped = br#"{"articles": [{"title": "Only", "text": "Wrapped record text."}]}"#;
    let report = ingest_bytes("export.json", wrapped, &IngestOptions::default());
    assert_eq!(report.documents.len(), 1);
    assert_eq!(
        report.documents[0].metadata.title.as_ref().unwrap().value,
        "Only"
    );
    let single = br#"{"title": "Single", "text": "One object, one document."}"#;
    assert_eq!(
        ingest_bytes("one.json", single, &IngestOptions::default())
            .documents
            .len(),
        1
    );
}

#[test]
fn rss_items_with_html_and_text_content() {
    let report = ingest_bytes(
        "e-feed.rss",
        &read("mixed/sub/e-feed.rss"),
        &IngestOptions::default(),
    );
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let [a, b] = report.documents.as_slice() else {
        panic!("two items")
    };
    assert_eq!(a.format, InputFormat::Rss);
    assert_eq!(
        a.text(),
        "SELLBY, April 3 (Fennpress) — The old stone bridge over the Sell reopened to traffic on \
         Thursday after eight months of repairs.\n\nThe town council said the work cost 2.1 million crowns."
    );
    assert_eq!(
        a.metadata.outlet.as_ref().unwrap().value,
        "Sellby Evening News"
    );
    assert_eq!(a.metadata.authors[0].value, "Karin Ode");
    assert_eq!(iso(a).as_deref(), Some("2025-04-03"));
    assert_eq!(a.metadata.published_time.as_deref(), Some("18:05:00+02:00"));
    assert_eq!(a.metadata.credited_agencies[0].value, "Fennpress");
    assert_eq!(a.source.record.as_deref(), Some("item 1"));
    // The entity in the item content maps back to its bytes in the original payload.
    let dash = a.text().find('—').unwrap();
    assert_eq!(
        a.original_text(triangulate_doc::Span::new(dash, dash + 3)),
        "&mdash;"
    );
    assert_eq!(
        b.text(),
        "The Sellby library will open until 9 p.m. on weekdays from May."
    );
}

/// Provenance names an item's place in the feed, counting the items that were left out.
#[test]
fn feed_items_keep_their_place_after_an_empty_item() {
    let feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Vell Courier</title>\n\
        <item><link>https://courier.example/gone</link></item>\n\
        <item><title>Ferry sails</title><description>The ferry to Marrow ran again on Monday.</description></item>\n\
        <item><link>https://courier.example/also-gone</link></item>\n\
        <item><description>The Marrow harbour reopened to fishing boats on Tuesday.</description></item>\n\
        </channel></rss>";
    let report = ingest_bytes("courier.rss", feed.as_bytes(), &IngestOptions::default());
    let item_starts: Vec<u64> = feed
        .match_indices("<item>")
        .map(|(i, _)| i as u64)
        .collect();
    let records: Vec<(Option<&str>, Option<u64>, &str)> = report
        .documents
        .iter()
        .map(|d| {
            (
                d.source.record.as_deref(),
                d.source.record_offset,
                d.id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        records,
        vec![
            (Some("item 2"), Some(item_starts[1]), "courier:2"),
            (Some("item 4"), Some(item_starts[3]), "courier:4"),
        ]
    );
    assert!(report.documents[1].text().starts_with("The Marrow harbour"));
    let skipped: Vec<&str> = report.skipped.iter().map(|s| s.input.as_str()).collect();
    assert_eq!(skipped, vec!["courier.rss item 1", "courier.rss item 3"]);

    let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Marrow Post</title>\
        <entry><id>a</id></entry>\
        <entry><title>Dam holds</title><summary>The Kell dam held through the night.</summary></entry></feed>";
    let report = ingest_bytes("post.atom", atom.as_bytes(), &IngestOptions::default());
    assert_eq!(report.documents.len(), 1);
    assert_eq!(report.documents[0].source.record.as_deref(), Some("item 2"));
    assert_eq!(report.skipped[0].input, "post.atom item 1");
}

#[test]
fn atom_entry_with_escaped_html() {
    let report = ingest_bytes(
        "f-feed.atom",
        &read("mixed/sub/f-feed.atom"),
        &IngestOptions::default(),
    );
    let d = only(&report);
    assert_eq!(d.format, InputFormat::Atom);
    assert_eq!(
        d.text(),
        "The Fennland budget passed its first reading in parliament on Saturday by 61 votes to 40."
    );
    assert_eq!(
        d.metadata.url.as_ref().unwrap().value,
        "https://ledger.example/2025/04/05/budget"
    );
    assert_eq!(iso(d).as_deref(), Some("2025-04-05"));
    assert_eq!(d.metadata.authors[0].value, "Ulla Brandt");
}

/// A WARC record around an HTTP response.
pub fn warc_record(kind: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://valdren.example/frost\r\nWARC-Date: 2025-04-03T00:00:00Z\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn warc_and_warc_gz_with_legacy_charset_from_http_header() {
    let page = read("mixed/c-page.html");
    let page = String::from_utf8(page)
        .unwrap()
        .replace("<meta charset=\"utf-8\">", "");
    let page = page.replace("this year's blossom", "this year's blossom in Søndre");
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    let mut http =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n".to_vec();
    http.extend_from_slice(&latin1);
    let mut warc = warc_record("warcinfo", b"software: fixture\r\n");
    warc.extend(warc_record("request", b"GET /frost HTTP/1.1\r\n\r\n"));
    warc.extend(warc_record("response", &http));
    // WARC.gz is one gzip member per record.
    let mut gz = Vec::new();
    for rec in [
        warc_record("warcinfo", b"software: fixture\r\n"),
        warc_record("response", &http),
    ] {
        gz.extend(gzip(&rec));
    }
    for (name, bytes) in [("crawl.warc", warc), ("crawl.warc.gz", gz)] {
        let report = ingest_bytes(name, &bytes, &IngestOptions::default());
        assert_eq!(report.documents.len(), 1, "{name}");
        let d = &report.documents[0];
        assert_eq!(d.format, InputFormat::Warc);
        assert_eq!(d.encoding, "windows-1252");
        assert!(
            d.text().contains("blossom in Søndre"),
            "{name}: {}",
            d.text()
        );
        d.check_map().unwrap();
        let at = d.text().find('ø').unwrap();
        assert_eq!(
            d.original_range(triangulate_doc::Span::new(at, at + 2))
                .len(),
            1
        );
        assert_eq!(
            d.metadata.url.as_ref().unwrap().value.as_str(),
            "https://valdren.example/frost"
        );
        assert!(d.source.record.as_deref().unwrap().starts_with("record "));
        // Non-response records are reported, not dropped silently.
        assert!(
            report
                .skipped
                .iter()
                .any(|s| s.to_string().contains("warcinfo")),
            "{name}"
        );
    }
}

#[test]
fn gzip_text_and_windows_1252_text() {
    let text = "Harbour dues rise in Sellby\n\nThe harbour board raised dues by 3% on Monday, citing dredging costs.\n";
    let report = ingest_bytes(
        "dues.txt.gz",
        &gzip(text.as_bytes()),
        &IngestOptions::default(),
    );
    let d = only(&report);
    assert_eq!(
        d.text(),
        "The harbour board raised dues by 3% on Monday, citing dredging costs."
    );
    assert_eq!(d.id, "dues");
    // windows-1252 with curly quotes and an accent, detected without any declaration.
    let raw = b"Council vote\n\nThe mayor said \x93we will rebuild\x94 the caf\xe9 quarter before winter, and the council agreed.\n";
    let d = ingest_bytes("vote.txt", raw, &IngestOptions::default())
        .documents
        .remove(0);
    assert_eq!(d.encoding, "windows-1252");
    assert!(d
        .text()
        .contains("\u{201C}we will rebuild\u{201D} the café quarter"));
    d.check_map().unwrap();
    let q = d.text().find('\u{201C}').unwrap();
    assert_eq!(
        d.original_range(triangulate_doc::Span::new(q, q + 3)).len(),
        1
    );
}

#[test]
fn stdin_name_and_duplicate_stems_get_unique_ids() {
    let dir = std::env::temp_dir().join(format!("ingest-ids-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("x")).unwrap();
    std::fs::create_dir_all(dir.join("y")).unwrap();
    std::fs::write(
        dir.join("x/story.txt"),
        "First story text about the Sellby weir.",
    )
    .unwrap();
    std::fs::write(
        dir.join("y/story.txt"),
        "Second story text about the Sellby lock.",
    )
    .unwrap();
    let report = ingest_paths(std::slice::from_ref(&dir), &IngestOptions::default());
    let ids: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, vec!["story", "story~2"]);
    std::fs::remove_dir_all(&dir).ok();
}
