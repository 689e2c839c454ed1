//! Prints the quantities found in a plain-text file, one per line, for eyeballing:
//! `cargo run -p triangulate-quantity --example show_quantities -- article.txt`
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: show_quantities FILE");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let tokens = triangulate_text::tokenize(&text);
    for q in triangulate_quantity::find_quantities(&text, &tokens) {
        let shown = q.span.text(&text).unwrap_or("?");
        let value = match (q.value, q.range) {
            (Some(v), _) => format!("{v}"),
            (None, Some(r)) => format!("{}..{}", r.low, r.high),
            _ => String::from("?"),
        };
        println!(
            "{:<12} {:<16} {:<10} {:<5} {:<9} | {shown}",
            format!("{:?}", q.kind),
            value,
            q.unit.as_deref().unwrap_or("-"),
            q.currency.as_deref().unwrap_or("-"),
            q.approx.map_or(String::from("-"), |a| format!("{a:?}")),
        );
    }
    ExitCode::SUCCESS
}
