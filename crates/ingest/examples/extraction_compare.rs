//! Writes two prediction folders for the article-extraction scorers: the HTML extractor's body
//! alone (`OUT/html/<id>.txt`) and ingest's final body (`OUT/ingest/<id>.txt`: extractor plus
//! the line cleaner), so the cleaner's effect on extraction accuracy can be measured on the same
//! pages in the same run.
//!
//! `cargo run --release -p triangulate-ingest --example extraction_compare -- PAGES_DIR OUT`
//! (PAGES_DIR holds `<id>.html.gz` files, as in the shared benchmarks.)

use std::path::PathBuf;
use triangulate_ingest::{ingest_bytes, IngestOptions};

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [pages, out] = args.as_slice() else {
        eprintln!("usage: extraction_compare PAGES_DIR OUT");
        std::process::exit(2);
    };
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(pages) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("{}: {e}", pages.display());
            std::process::exit(1);
        }
    };
    entries.sort();
    for sub in ["html", "ingest"] {
        if let Err(e) = std::fs::create_dir_all(out.join(sub)) {
            eprintln!("{}: {e}", out.display());
            std::process::exit(1);
        }
    }
    let opts = IngestOptions::default();
    for path in entries {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let id = name.trim_end_matches(".gz").trim_end_matches(".html");
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let report = ingest_bytes(name, &bytes, &opts);
        let ingest_text = report
            .documents
            .first()
            .map(|d| d.text().to_string())
            .unwrap_or_default();
        // The extractor alone, on the same decoded text ingest gave it.
        let html_text = report
            .documents
            .first()
            .map(|d| {
                let enc = encoding_rs::Encoding::for_label(d.encoding.as_bytes())
                    .unwrap_or(encoding_rs::UTF_8);
                let decoded = enc.decode_without_bom_handling(&d.original).0.into_owned();
                triangulate_html::extract(&triangulate_doc::MappedText::identity(&decoded))
                    .body
                    .text
            })
            .unwrap_or_default();
        for (sub, text) in [("html", html_text), ("ingest", ingest_text)] {
            if let Err(e) = std::fs::write(out.join(sub).join(format!("{id}.txt")), text) {
                eprintln!("{id}: {e}");
            }
        }
    }
}
