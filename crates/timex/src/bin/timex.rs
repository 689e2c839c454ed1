//! `timex [--anchor YYYY-MM-DD] < TEXT`: prints the time expressions of TEXT as JSON lines
//! (span, text, type, value, mod, anchoring), resolved against the anchor date if given.

use std::io::{BufWriter, ErrorKind, Read, Write};
use std::process::ExitCode;

use triangulate_doc::PartialDate;
use triangulate_timex::{find_timexes, Anchor};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let anchor = match args.as_slice() {
        [] => Anchor::none(),
        [flag, date] if flag == "--anchor" => match PartialDate::parse_iso(date) {
            Some(d) => Anchor::on(d),
            None => {
                eprintln!(
                    "timex: --anchor {date:?} is not a date like 2025-03-03, 2025-03 or 2025"
                );
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("usage: timex [--anchor YYYY-MM-DD] < TEXT");
            return ExitCode::from(2);
        }
    };
    let mut text = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut text) {
        eprintln!("timex: cannot read standard input as UTF-8 text: {e}");
        return ExitCode::from(2);
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    for t in find_timexes(&text, &anchor) {
        let line = serde_json::json!({
            "text": t.span.text(&text),
            "timex": t,
        });
        if let Err(e) = writeln!(out, "{line}") {
            return write_failed(&e);
        }
    }
    match out.flush() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => write_failed(&e),
    }
}

/// A reader that stops early (`timex | head`) is no error; anything else is reported.
fn write_failed(e: &std::io::Error) -> ExitCode {
    if e.kind() == ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("timex: cannot write to standard output: {e}");
    ExitCode::from(1)
}
