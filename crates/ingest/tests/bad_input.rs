//! Every class of bad input gets a typed error naming the input; the batch goes on; what could
//! be read is kept.

use std::io::Write;
use std::path::PathBuf;
use triangulate_ingest::{ingest_bytes, ingest_paths, IngestError, IngestOptions, Skipped};

fn opts() -> IngestOptions {
    IngestOptions::default()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ingest-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn single_error(name: &str, bytes: &[u8]) -> Skipped {
    let report = ingest_bytes(name, bytes, &opts());
    assert!(report.documents.is_empty(), "{name}: unexpected documents");
    assert_eq!(report.skipped.len(), 1, "{name}: {:?}", report.skipped);
    report.skipped.into_iter().next().unwrap()
}

#[test]
fn empty_and_blank_inputs() {
    assert_eq!(single_error("empty.txt", b"").error, IngestError::Empty);
    assert_eq!(
        single_error("blank.txt", b" \n\t\r\n").error,
        IngestError::Empty
    );
    assert_eq!(
        single_error("empty.txt.gz", &gzip(b"")).error,
        IngestError::Empty
    );
}

#[test]
fn binary_inputs_are_refused_by_content() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let s = single_error("photo.txt", png);
    assert!(
        matches!(&s.error, IngestError::Binary { what } if what.contains("PNG")),
        "{s}"
    );
    assert_eq!(s.input, "photo.txt");
    let zip = b"PK\x03\x04\x14\0\0\0\x08\0rest-of-zip";
    assert!(matches!(
        single_error("story.html", zip).error,
        IngestError::Binary { .. }
    ));
    let nul = b"text\0with\0nul\0bytes";
    assert!(matches!(
        single_error("a.txt", nul).error,
        IngestError::Binary { .. }
    ));
}

#[test]
fn truncated_gzip_keeps_the_readable_part() {
    let text = "Ferry strike ends\n\n".to_string()
        + &"Deck crews in Ostmark returned to work on Friday after the strike. ".repeat(400);
    let gz = gzip(text.as_bytes());
    let cut = &gz[..gz.len() / 2];
    let report = ingest_bytes("strike.txt.gz", cut, &opts());
    assert_eq!(report.skipped.len(), 1);
    assert!(
        matches!(report.skipped[0].error, IngestError::Gzip { .. }),
        "{}",
        report.skipped[0]
    );
    assert_eq!(report.documents.len(), 1, "the decompressed prefix is kept");
    let d = &report.documents[0];
    assert!(
        d.warnings.iter().any(|w| w.contains("truncated")),
        "{:?}",
        d.warnings
    );
    d.check_map().unwrap();
    // Garbage after a gzip header: nothing readable.
    let s = single_error("bad.gz", b"\x1f\x8b\x08\0garbage-not-deflate");
    assert!(matches!(s.error, IngestError::Gzip { .. }), "{s}");
}

#[test]
fn truncated_and_malformed_json() {
    let s = single_error(
        "cut.json",
        br#"[{"title": "A", "text": "Some text"}, {"title": "#,
    );
    assert!(matches!(s.error, IngestError::Json { line: 1, .. }), "{s}");
    // JSON lines: the broken line is reported with its number, the good ones come through.
    let lines = b"{\"text\": \"Line one text about the weir.\"}\n{\"text\": \"broken\n{\"title\": \"no text field\"}\n{\"text\": \"Line four text about the lock.\"}\n";
    let report = ingest_bytes("feed.jsonl", lines, &opts());
    assert_eq!(report.documents.len(), 2);
    assert_eq!(report.documents[1].source.record.as_deref(), Some("line 4"));
    assert_eq!(report.skipped.len(), 2, "{:?}", report.skipped);
    assert_eq!(report.skipped[0].input, "feed.jsonl line 2");
    assert!(matches!(
        report.skipped[0].error,
        IngestError::Json { line: 2, .. }
    ));
    assert_eq!(report.skipped[1].input, "feed.jsonl line 3");
    assert!(matches!(
        report.skipped[1].error,
        IngestError::JsonNoText { .. }
    ));
    let s = single_error("n.json", b"[42]");
    assert!(matches!(s.error, IngestError::NoText { .. }), "{s}");
    // Text that merely starts with a brace is read as text unless it is named .json.
    let report = ingest_bytes(
        "note.txt",
        b"{Editor's note: the weir story was updated.}",
        &opts(),
    );
    assert_eq!(report.documents.len(), 1, "{:?}", report.skipped);
    let s = single_error("note.json", b"{Editor's note}");
    assert!(matches!(s.error, IngestError::Json { .. }), "{s}");
}

#[test]
fn malformed_and_truncated_xml() {
    let feed = b"<rss><channel><title>T</title><item><title>One</title><description>First item text.</description></item><item><title>Two</title><description>Cut here";
    let report = ingest_bytes("cut.rss", feed, &opts());
    assert_eq!(report.documents.len(), 1, "the complete item is kept");
    assert!(report.documents[0]
        .warnings
        .iter()
        .any(|w| w.contains("feed broken")));
    assert_eq!(report.skipped.len(), 1);
    assert!(
        matches!(report.skipped[0].error, IngestError::Xml { .. }),
        "{}",
        report.skipped[0]
    );
    let s = single_error("bad.xml", b"<?xml version=\"1.0\"?><svg><rect/></svg>");
    assert!(
        matches!(s.error, IngestError::NotAFeed { ref root } if root == "svg"),
        "{s}"
    );
    let s = single_error(
        "mismatch.rss",
        b"<rss><channel><item><title>x</wrong></item></channel></rss>",
    );
    assert!(matches!(s.error, IngestError::Xml { .. }), "{s}");
}

#[test]
fn truncated_and_malformed_warc() {
    let http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><article><p>The weir at Sellby was repaired on Monday, officials said, after months of delay and complaints.</p></article></body></html>";
    let rec = |block: &[u8]| {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    };
    let mut warc = rec(http);
    let second = rec(http);
    warc.extend_from_slice(&second[..second.len() - 40]);
    let report = ingest_bytes("crawl.warc", &warc, &opts());
    assert_eq!(report.documents.len(), 1, "first record survives");
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].input, "crawl.warc record 2");
    assert!(
        matches!(&report.skipped[0].error, IngestError::Warc { message, .. } if message.contains("truncated"))
    );
    let s = single_error(
        "x.warc",
        b"WARC/1.1\r\nWARC-Type: response\r\n\r\nno length",
    );
    assert!(matches!(s.error, IngestError::Warc { .. }), "{s}");
    // A non-HTML response is reported with its reason.
    let img = rec(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG");
    let s = single_error("img.warc", &img);
    assert!(
        matches!(&s.error, IngestError::WarcRecordSkipped { reason } if reason.contains("image/png")),
        "{s}"
    );
    // Binary payloads (NUL bytes) in one record do not refuse the file's other records.
    let mut png_then_page =
        rec(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x10");
    png_then_page.extend_from_slice(&rec(http));
    let report = ingest_bytes("mixed.warc", &png_then_page, &opts());
    assert_eq!(report.documents.len(), 1, "{:?}", report.skipped);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].input, "mixed.warc record 1");
    assert!(
        matches!(&report.skipped[0].error, IngestError::WarcRecordSkipped { reason } if reason.contains("image/png")),
        "{}",
        report.skipped[0]
    );
    let e404 = rec(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>");
    let s = single_error("404.warc", &e404);
    assert!(s.to_string().contains("404"), "{s}");
}

#[test]
fn empty_and_itemless_feeds_are_reported_where_they_are() {
    // windows-1252: each "\xe9" is one byte here and two in the decoded text.
    let feed = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><channel><title>Caf\xe9 Vell \xe9\xe9</title><item><guid>courier-417</guid></item><item><description>The ferry to Marrow ran again on Monday after the storm.</description></item></channel></rss>";
    let report = ingest_bytes("courier.rss", feed, &opts());
    assert_eq!(report.documents.len(), 1);
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].input, "courier.rss item 1");
    let item_start = feed
        .windows(6)
        .position(|w| w == b"<item>")
        .expect("fixture has an item");
    assert!(
        matches!(&report.skipped[0].error, IngestError::NoText { reason }
            if reason == &format!("feed item at byte {item_start} has no title, content, description or summary")),
        "{}",
        report.skipped[0]
    );
    let s = single_error(
        "quiet.rss",
        b"<rss><channel><title>Marrow Post</title></channel></rss>",
    );
    assert!(
        matches!(&s.error, IngestError::NoText { reason } if reason == "the RSS feed has no items"),
        "{s}"
    );
    let s = single_error("empty.json", b"{\"articles\": []}");
    assert!(
        matches!(&s.error, IngestError::NoText { reason } if reason.contains("holds no records")),
        "{s}"
    );
}

#[test]
fn huge_inputs_hit_the_configured_limit() {
    let small = IngestOptions {
        max_bytes: 1000,
        ..IngestOptions::default()
    };
    let big = "The weir held. ".repeat(200);
    let report = ingest_bytes("big.txt", big.as_bytes(), &small);
    assert!(matches!(
        report.skipped[0].error,
        IngestError::TooLarge {
            size: 3000,
            limit: 1000
        }
    ));
    // A small gzip that expands past the limit is stopped while decompressing.
    let report = ingest_bytes("bomb.txt.gz", &gzip(&vec![b'a'; 100_000]), &small);
    assert!(
        matches!(report.skipped[0].error, IngestError::TooLarge { .. }),
        "{:?}",
        report.skipped
    );
    // Files are checked by size before reading.
    let dir = temp_dir("huge");
    std::fs::write(dir.join("big.txt"), &big).unwrap();
    let report = ingest_paths(&[dir.join("big.txt")], &small);
    assert!(matches!(
        report.skipped[0].error,
        IngestError::TooLarge { .. }
    ));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn missing_and_unreadable_paths_do_not_stop_the_batch() {
    let dir = temp_dir("batch");
    std::fs::write(
        dir.join("good.txt"),
        "The Sellby weir was repaired on Monday.",
    )
    .unwrap();
    std::fs::write(dir.join("image.png"), b"\x89PNG\r\n\x1a\nxxxx").unwrap();
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    let locked = dir.join("locked.txt");
    std::fs::write(&locked, "secret").unwrap();
    #[cfg(unix)]
    let locked_is_unreadable = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        std::fs::read(&locked).is_err()
    };
    #[cfg(not(unix))]
    let locked_is_unreadable = false;
    let missing = dir.join("missing.txt");
    let report = ingest_paths(&[dir.clone(), missing.clone()], &opts());
    assert_eq!(
        report.documents.len(),
        1 + usize::from(!locked_is_unreadable)
    );
    let find = |name: &str| {
        report
            .skipped
            .iter()
            .find(|s| s.input.ends_with(name))
            .unwrap_or_else(|| panic!("{name} not reported: {:?}", report.skipped))
    };
    assert_eq!(find("missing.txt").error, IngestError::NotFound);
    assert!(find("missing.txt").to_string().contains("missing.txt"));
    assert!(matches!(
        find("image.png").error,
        IngestError::Binary { .. }
    ));
    assert_eq!(find("empty.txt").error, IngestError::Empty);
    if locked_is_unreadable {
        assert_eq!(find("locked.txt").error, IngestError::PermissionDenied);
    } else {
        eprintln!("running with permissions that bypass file modes (root): permission-denied case not exercised");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn page_of_only_furniture_is_reported() {
    let s = single_error(
        "chrome.txt",
        b"17.2 C\n- Advertisement -\nShare this article\n",
    );
    assert!(
        matches!(&s.error, IngestError::NoText { reason } if reason.contains("furniture")),
        "{s}"
    );
}

#[test]
fn errors_serialise_with_their_kind() {
    let s = single_error("x.txt", b"");
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["input"], "x.txt");
    assert_eq!(json["error"]["kind"], "empty");
}

#[test]
fn hidden_entries_of_a_folder_are_reported_not_read() {
    let dir = temp_dir("hidden");
    std::fs::write(
        dir.join("story.txt"),
        "The bridge at Olm reopened on Friday after repairs, the council said.\n",
    )
    .expect("write");
    std::fs::write(dir.join(".notes.txt"), "private scratch notes\n").expect("write");
    std::fs::create_dir_all(dir.join(".git")).expect("mkdir");
    std::fs::write(dir.join(".git").join("HEAD"), "ref: refs/heads/main\n").expect("write");

    let report = ingest_paths(std::slice::from_ref(&dir), &IngestOptions::default());
    assert_eq!(report.documents.len(), 1);
    let hidden: Vec<&str> = report
        .skipped
        .iter()
        .filter(|s| s.error == IngestError::Hidden)
        .map(|s| s.input.as_str())
        .collect();
    assert_eq!(hidden.len(), 2, "{hidden:?}");
    assert!(hidden.iter().any(|s| s.ends_with(".notes.txt")));
    assert!(hidden.iter().any(|s| s.ends_with(".git")));
    assert!(report.skipped.iter().all(|s| !s.error.is_failure()));

    // Named directly, a hidden file is read.
    let direct = ingest_paths(&[dir.join(".notes.txt")], &IngestOptions::default());
    assert_eq!(direct.documents.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}
