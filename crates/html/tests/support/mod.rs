//! Page loading shared by the benchmark-set regression tests and the `bench_extract` example, so
//! the tests score pages decoded exactly as the benchmark runner decodes them.

// Each test file and the example is its own crate and uses only some of these helpers.
#![allow(dead_code)]

use std::io::Read;
use std::path::Path;

/// The decompressed bytes of a `.gz` page file; the error names the file.
pub fn gunzip_file(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut out)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(out)
}

/// UTF-8 when valid, else the charset the page declares (windows-1252 when none).
pub fn decode(bytes: &[u8]) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let enc = triangulate_html::sniff_charset(bytes)
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .unwrap_or(encoding_rs::WINDOWS_1252);
    enc.decode(bytes).0.into_owned()
}

/// A benchmark set's gold file, a JSON object keyed by page. `None`, after a printed notice
/// naming `test`, when the shared data is not there; a gold file that is there but does not parse
/// as an object fails the test.
pub fn read_gold(path: &Path, test: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    let Ok(raw) = std::fs::read_to_string(path) else {
        eprintln!("NOTICE: {} not found; skipping the {test}", path.display());
        return None;
    };
    match serde_json::from_str(&raw) {
        Ok(serde_json::Value::Object(gold)) => Some(gold),
        Ok(_) => panic!("{}: not a JSON object", path.display()),
        Err(e) => panic!("{}: {e}", path.display()),
    }
}
