//! Benchmark runner: extract every page of an article-extraction set and write `<id>.txt`.
//!
//! ```text
//! cargo run --release -p triangulate-html --example bench_extract -- \
//!     <zyte|trafilatura> <data dir: shared/data/article-extraction> <output dir>
//! ```
//!
//! Decompression, charset decoding and file I/O happen outside the timed region; only
//! `triangulate_html::extract` is timed, one page at a time on one thread. Prints one line
//! `pages=<n> total_ms=<t> mean_ms=<m> median_ms=<m> max_ms=<m>`.

// The regression tests load pages with the same code, so they score what the benchmark scores.
#[path = "../tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::Instant;
use triangulate_doc::MappedText;

fn main() {
    if let Err(e) = run() {
        eprintln!("bench_extract: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [set, data, out] = args.as_slice() else {
        return Err("usage: bench_extract <zyte|trafilatura> <data dir> <output dir>".into());
    };
    let data = PathBuf::from(data);
    let out = PathBuf::from(out);
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let html_dir = match set.as_str() {
        "zyte" => data.join("html"),
        "trafilatura" => data.join("trafilatura-eval").join("html"),
        other => return Err(format!("unknown set {other:?}")),
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&html_dir)
        .map_err(|e| format!("{}: {e}", html_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "gz"))
        .collect();
    files.sort();
    let mut times: Vec<f64> = Vec::with_capacity(files.len());
    for path in &files {
        let id = page_id(path);
        let bytes = support::gunzip_file(path)?;
        let text = support::decode(&bytes);
        let src = MappedText::identity(&text);
        let t0 = Instant::now();
        let ex = triangulate_html::extract(&src);
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        if ms > 20.0 {
            eprintln!("slow page: {id} {ms:.1} ms ({} bytes)", text.len());
        }
        times.push(ms);
        let target = out.join(format!("{id}.txt"));
        std::fs::write(&target, ex.body.text.as_bytes())
            .map_err(|e| format!("{}: {e}", target.display()))?;
    }
    let pages = times.len();
    let total: f64 = times.iter().sum();
    times.sort_by(f64::total_cmp);
    let median = times.get(pages / 2).copied().unwrap_or(0.0);
    let max = times.last().copied().unwrap_or(0.0);
    println!(
        "pages={pages} total_ms={total:.1} mean_ms={:.3} median_ms={median:.3} max_ms={max:.3}",
        total / pages.max(1) as f64
    );
    Ok(())
}

/// `<id>.html.gz` → `<id>`; the scorers key pages by the file name without `.html`.
fn page_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.strip_suffix(".html").unwrap_or(name).to_string()
}
