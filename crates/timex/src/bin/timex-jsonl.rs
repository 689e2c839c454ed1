//! `timex-jsonl [--id-field NAME] [--anchor YYYY-MM-DD] IN.jsonl OUT.jsonl`: tags the `text` of
//! every JSON object of IN (one a line) and writes one line per object to OUT:
//! `{"id": <the object's NAME field>, "timexes": [{"start", "end", "type", "value", "text"}]}`
//! with byte offsets into that `text`. Without `--anchor` relative expressions stay partial,
//! the way a document without a publication date is read. Prints the throughput of the
//! tagging calls alone, like `timex-tml`. A line that is not UTF-8, or no JSON object with a
//! string `text`, is reported on standard error with its line number and skipped; the others
//! are still tagged, and the exit status is then 1 (2 when the files or arguments are bad).
//!
//! Used by `bench/timex/ecbplus.sh` (ECB+ `docs.jsonl`, id field `doc_id`).

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use triangulate_doc::PartialDate;
use triangulate_timex::{find_timexes, Anchor};

#[derive(Debug, thiserror::Error)]
enum RunError {
    #[error("usage: timex-jsonl [--id-field NAME] [--anchor YYYY-MM-DD] IN.jsonl OUT.jsonl")]
    Usage,
    #[error("--anchor {0:?} is not a date like 2025-03-03, 2025-03 or 2025")]
    BadAnchor(String),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Why one input line was skipped.
#[derive(Debug, thiserror::Error)]
enum LineError {
    #[error("not UTF-8: {0}")]
    NotUtf8(#[from] std::str::Utf8Error),
    #[error("not JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("no string field \"text\"")]
    NoText,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> RunError + '_ {
    move |source| RunError::Io {
        path: path.to_path_buf(),
        source,
    }
}

struct Options {
    id_field: String,
    anchor: Anchor,
    input: PathBuf,
    output: PathBuf,
}

fn parse_args(args: &[String]) -> Result<Options, RunError> {
    let mut id_field = "id".to_string();
    let mut anchor = Anchor::none();
    let mut paths = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--id-field" => id_field = rest.next().ok_or(RunError::Usage)?.clone(),
            "--anchor" => {
                let date = rest.next().ok_or(RunError::Usage)?;
                let parsed = PartialDate::parse_iso(date)
                    .filter(|d| d.is_valid())
                    .ok_or_else(|| RunError::BadAnchor(date.clone()))?;
                anchor = Anchor::on(parsed);
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let [input, output] = <[PathBuf; 2]>::try_from(paths).map_err(|_| RunError::Usage)?;
    Ok(Options {
        id_field,
        anchor,
        input,
        output,
    })
}

/// Tags one input line (its bytes, without the line break); the output line, the time spent
/// in [`find_timexes`] and the number of timexes found.
fn tag_line(
    line: &[u8],
    options: &Options,
) -> Result<(serde_json::Value, Duration, usize), LineError> {
    let record: serde_json::Value = serde_json::from_str(std::str::from_utf8(line)?)?;
    let text = record
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or(LineError::NoText)?;
    let t0 = Instant::now();
    let timexes = find_timexes(text, &options.anchor);
    let spent = t0.elapsed();
    let found: Vec<serde_json::Value> = timexes
        .iter()
        .map(|t| {
            serde_json::json!({
                "start": t.span.start,
                "end": t.span.end,
                "type": t.kind.as_str(),
                "value": t.value,
                "text": t.span.text(text),
            })
        })
        .collect();
    let id = record
        .get(&options.id_field)
        .cloned()
        .unwrap_or(serde_json::Value::Null);
    Ok((
        serde_json::json!({"id": id, "timexes": found}),
        spent,
        timexes.len(),
    ))
}

fn run() -> Result<bool, RunError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = parse_args(&args)?;
    let input = std::fs::File::open(&options.input).map_err(io(&options.input))?;
    let output = std::fs::File::create(&options.output).map_err(io(&options.output))?;
    let mut out = BufWriter::new(output);
    let mut tagging = Duration::ZERO;
    let (mut done, mut failed, mut found) = (0usize, 0usize, 0usize);
    // Lines are read as bytes: one that is not UTF-8 is a bad line to report and skip, where
    // `BufRead::lines` would end the batch with an I/O error.
    let mut reader = BufReader::new(input);
    let mut line = Vec::new();
    let mut number = 0usize;
    loop {
        line.clear();
        if reader
            .read_until(b'\n', &mut line)
            .map_err(io(&options.input))?
            == 0
        {
            break;
        }
        number += 1;
        if line.trim_ascii().is_empty() {
            continue;
        }
        match tag_line(line.trim_ascii_end(), &options) {
            Ok((record, spent, count)) => {
                tagging += spent;
                found += count;
                done += 1;
                writeln!(out, "{record}").map_err(io(&options.output))?;
            }
            Err(e) => {
                eprintln!("{}:{number}: {e}", options.input.display());
                failed += 1;
            }
        }
    }
    out.flush().map_err(io(&options.output))?;
    println!(
        "timex-jsonl: {done} documents ({found} timexes) written to {}; {failed} skipped",
        options.output.display()
    );
    println!(
        "docs/s tagging only: {:.0}",
        done as f64 / tagging.as_secs_f64().max(1e-9)
    );
    Ok(failed == 0)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("timex-jsonl: {e}");
            ExitCode::from(2)
        }
    }
}
