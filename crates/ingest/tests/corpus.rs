//! Ingest the example corpus (`examples/corpus/articles`) and check every document's metadata,
//! body and removals against `examples/corpus/gold.json`.

use serde_json::Value;
use std::path::PathBuf;
use triangulate_doc::{Document, InputFormat};
use triangulate_ingest::{ingest_paths, IngestError, IngestOptions};

fn corpus_dir() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    if root.join("gold.json").is_file() {
        Some(root)
    } else {
        eprintln!("examples/corpus/gold.json not found: corpus test skipped");
        None
    }
}

fn format_name(f: InputFormat) -> &'static str {
    match f {
        InputFormat::Text => "text",
        InputFormat::Markdown => "markdown",
        InputFormat::Html => "html",
        InputFormat::Json => "json",
        InputFormat::JsonLines => "jsonl",
        InputFormat::Rss => "rss",
        InputFormat::Atom => "atom",
        InputFormat::Warc => "warc",
    }
}

fn opt_str(v: &Value) -> Option<&str> {
    v.as_str()
}

/// The document for a gold entry: same file, and the record's position among the file's
/// documents.
fn find<'a>(docs: &'a [Document], gold: &Value) -> Option<&'a Document> {
    let file = gold["file"].as_str()?;
    let name = file.rsplit('/').next()?;
    let index = gold["record"]["index"].as_u64().unwrap_or(0) as usize;
    docs.iter()
        .filter(|d| d.source.path.ends_with(name))
        .nth(index)
}

#[test]
fn corpus_metadata_matches_gold() {
    let Some(root) = corpus_dir() else { return };
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("gold.json")).expect("gold.json is readable"),
    )
    .expect("gold.json is JSON");
    let report = ingest_paths(&[root.join("articles")], &IngestOptions::default());
    // The only input left out is the WARC's warcinfo record, with its reason.
    for s in &report.skipped {
        assert!(
            matches!(s.error, IngestError::WarcRecordSkipped { .. }),
            "unexpected skip: {s}"
        );
    }
    let mut problems = Vec::new();
    let gold_docs = gold["documents"].as_array().expect("documents array");
    assert_eq!(
        report.documents.len(),
        gold_docs.len(),
        "one document per gold entry"
    );
    for g in gold_docs {
        let id = g["id"].as_str().unwrap_or("?");
        let Some(doc) = find(&report.documents, g) else {
            problems.push(format!("{id}: no document read"));
            continue;
        };
        if let Err(e) = doc.check_map() {
            problems.push(format!("{id}: offset map broken: {e}"));
        }
        let m = &doc.metadata;
        let mut check = |what: &str, got: Option<String>, want: Option<String>| {
            if got != want {
                problems.push(format!("{id}: {what}: got {got:?}, gold {want:?}"));
            }
        };
        check(
            "format",
            Some(format_name(doc.format).into()),
            opt_str(&g["format"]).map(Into::into),
        );
        check(
            "encoding",
            Some(doc.encoding.to_ascii_lowercase()),
            opt_str(&g["encoding"]).map(Into::into),
        );
        check(
            "title",
            m.title.as_ref().map(|v| v.value.clone()),
            opt_str(&g["title"]).map(Into::into),
        );
        check(
            "outlet",
            m.outlet.as_ref().map(|v| v.value.clone()),
            opt_str(&g["outlet"]).map(Into::into),
        );
        check(
            "published",
            m.published.as_ref().map(|v| v.value.to_iso()),
            opt_str(&g["published"]).map(Into::into),
        );
        check(
            "published_time",
            m.published_time.clone(),
            opt_str(&g["published_time"]).map(Into::into),
        );
        check(
            "authors",
            Some(
                m.authors
                    .iter()
                    .map(|a| a.value.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            Some(
                g["authors"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .unwrap_or_default(),
            ),
        );
        check(
            "language",
            m.language.as_ref().map(|v| v.value.clone()),
            opt_str(&g["language"]).map(Into::into),
        );
        check(
            "url",
            m.url.as_ref().map(|v| v.value.clone()),
            opt_str(&g["url"]).map(Into::into),
        );
        check(
            "dateline_place",
            m.dateline_place.as_ref().map(|v| v.value.to_lowercase()),
            opt_str(&g["dateline_place"]).map(str::to_lowercase),
        );
        check(
            "credited_agencies",
            Some(
                m.credited_agencies
                    .iter()
                    .map(|a| a.value.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            Some(
                g["credited_agencies"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .unwrap_or_default(),
            ),
        );
        check(
            "page_dates",
            Some(
                m.page_dates
                    .iter()
                    .map(|d| d.value.to_iso())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            Some(
                g["page_dates"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .unwrap_or_default(),
            ),
        );
        let body = doc.text();
        for inc in g["body_includes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !body.contains(inc) {
                problems.push(format!("{id}: body lacks {inc:?}"));
            }
        }
        for exc in g["body_excludes"].as_array().into_iter().flatten() {
            let Some(t) = exc["text"].as_str() else {
                continue;
            };
            if body.contains(t) {
                problems.push(format!("{id}: body keeps furniture {t:?}"));
            }
        }
        for join in g["joins"].as_array().into_iter().flatten() {
            let Some(cleaned) = join["cleaned"].as_str() else {
                continue;
            };
            if !body.contains(cleaned) {
                problems.push(format!("{id}: join {cleaned:?} missing"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Every furniture line the gold lists for the plain-text scrape is removed with the kind the
/// gold names.
#[test]
fn corpus_scrape_removals_have_gold_kinds() {
    let Some(root) = corpus_dir() else { return };
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("gold.json")).expect("gold.json is readable"),
    )
    .expect("gold.json is JSON");
    let entry = gold["documents"]
        .as_array()
        .and_then(|d| d.iter().find(|g| g["format"] == "text"))
        .expect("a text document in the gold");
    let path = root.join(entry["file"].as_str().expect("file"));
    let report = ingest_paths(&[path], &IngestOptions::default());
    let doc = &report.documents[0];
    let mut problems = Vec::new();
    for exc in entry["body_excludes"].as_array().into_iter().flatten() {
        let (Some(kind), Some(text)) = (exc["kind"].as_str(), exc["text"].as_str()) else {
            continue;
        };
        let found = doc
            .removed
            .iter()
            .find(|r| String::from_utf8_lossy(&doc.original[r.orig.clone()]).contains(text));
        match found {
            None => problems.push(format!("{text:?}: no removal covers it")),
            Some(r) => {
                let got = serde_json::to_value(&r.kind).expect("kind serialises");
                let got = got.as_str().unwrap_or_default().replace('_', "");
                if got != kind.to_lowercase() {
                    problems.push(format!("{text:?}: removed as {got}, gold says {kind}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
