//! Real-world pages from the shared article-extraction benchmarks (gzip, HTML, many charsets):
//! every page is read or reported, nothing panics, and every document's map is exact.
//! Reads `<workspace>/../shared/data/article-extraction`; skipped with a notice when absent.

use std::path::PathBuf;
use triangulate_ingest::{ingest_paths, IngestError, IngestOptions};

#[test]
fn benchmark_pages_ingest_with_exact_maps() {
    let root =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/article-extraction");
    let dirs = [root.join("html"), root.join("trafilatura-eval/html")];
    if !dirs.iter().all(|d| d.is_dir()) {
        eprintln!("{} not found: shared-data test skipped", root.display());
        return;
    }
    let report = ingest_paths(&dirs, &IngestOptions::default());
    let mut problems = Vec::new();
    for s in &report.skipped {
        // A page can legitimately be all furniture; anything else is a reader failure.
        if !matches!(s.error, IngestError::NoText { .. }) {
            problems.push(s.to_string());
        }
    }
    for d in &report.documents {
        if let Err(e) = d.check_map() {
            problems.push(format!("{}: {e}", d.id));
        }
    }
    let total = report.documents.len() + report.skipped.len();
    eprintln!(
        "{} pages: {} documents, {} skipped",
        total,
        report.documents.len(),
        report.skipped.len()
    );
    assert!(
        total >= 1000,
        "expected the 181 + 990 benchmark pages, got {total}"
    );
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
