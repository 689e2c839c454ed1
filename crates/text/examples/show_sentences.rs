//! Prints the sentences of a plain-text file, one per line (line breaks inside shown as ⏎):
//! `cargo run -p triangulate-text --example show_sentences -- FILE`
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: show_sentences FILE");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    for s in triangulate_text::analyze(&text).sentences {
        println!("{}", s.span.text(&text).unwrap_or("?").replace('\n', "⏎"));
    }
    ExitCode::SUCCESS
}
