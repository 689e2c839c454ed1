//! Prints `start<TAB>end` of every token of a UTF-8 file (byte offsets), for comparing
//! tokenizations: `cargo run -p triangulate-text --example tokens_dump -- FILE`
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: tokens_dump FILE");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for t in triangulate_text::tokenize(&text) {
        if writeln!(out, "{}\t{}", t.span.start, t.span.end).is_err() {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
