//! Print what ingest makes of the given paths: one JSON object per document (text, metadata,
//! removals, warnings), then one line per skipped input.
//!
//! `cargo run -p triangulate-ingest --example ingest_dump -- examples/corpus/articles`

use std::path::PathBuf;
use triangulate_ingest::{ingest_paths_each, IngestEvent, IngestOptions};

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: ingest_dump PATH... (- for stdin)");
        std::process::exit(2);
    }
    ingest_paths_each(&paths, &IngestOptions::default(), |event| match event {
        IngestEvent::Document(doc) => match serde_json::to_string_pretty(&doc) {
            Ok(json) => println!("{json}"),
            Err(e) => eprintln!("{}: cannot serialise: {e}", doc.id),
        },
        IngestEvent::Skipped(s) => eprintln!("skipped {s}"),
    });
}
