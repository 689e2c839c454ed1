//! `timex-tml IN_DIR OUT_DIR`: tags every TimeML file of IN_DIR with our TIMEX3s (anchored on
//! each file's DCT; existing TIMEX3s in `<TEXT>` are removed along with all other inline tags)
//! and writes it under the same name to OUT_DIR, ready for the TempEval-3 scorer. Prints the
//! throughput of the tagging itself and of the whole run (reading, tagging, writing).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use triangulate_timex::find_timexes;
use triangulate_timex::timeml::{anchor_from_dct, read_timeml};

#[derive(Debug, thiserror::Error)]
enum RunError {
    #[error("usage: timex-tml IN_DIR OUT_DIR")]
    Usage,
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> RunError + '_ {
    move |source| RunError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn run() -> Result<bool, RunError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        return Err(RunError::Usage);
    };
    let (input, output) = (Path::new(input), Path::new(output));
    std::fs::create_dir_all(output).map_err(io(output))?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(input)
        .map_err(io(input))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    files.sort();
    let started = Instant::now();
    let mut tagging = Duration::ZERO;
    let (mut done, mut failed, mut found, mut bytes) = (0usize, 0usize, 0usize, 0usize);
    for path in &files {
        let result = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|xml| read_timeml(&xml).map_err(|e| e.to_string()));
        let doc = match result {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                failed += 1;
                continue;
            }
        };
        let anchor = doc.dct.as_deref().map(anchor_from_dct).unwrap_or_default();
        let t0 = Instant::now();
        let timexes = find_timexes(&doc.text, &anchor);
        tagging += t0.elapsed();
        found += timexes.len();
        bytes += doc.text.len();
        let name = path.file_name().unwrap_or_default();
        let out_path = output.join(name);
        if let Err(e) = std::fs::write(&out_path, doc.to_timeml(&timexes)) {
            eprintln!("{}: {e}", out_path.display());
            failed += 1;
            continue;
        }
        done += 1;
    }
    let total = started.elapsed().as_secs_f64();
    let tag = tagging.as_secs_f64().max(1e-9);
    println!(
        "timex-tml: {done} documents ({bytes} bytes of text, {found} timexes) written to {}; {failed} failed",
        output.display()
    );
    println!(
        "docs/s tagging only: {:.0}   docs/s end to end (read+tag+write): {:.0}",
        done as f64 / tag,
        done as f64 / total.max(1e-9)
    );
    Ok(failed == 0)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("timex-tml: {e}");
            ExitCode::from(2)
        }
    }
}
