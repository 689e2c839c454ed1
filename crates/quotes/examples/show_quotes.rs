//! Prints the quotes found in a plain-text file, one per line, for eyeballing:
//! `cargo run -p triangulate-quotes --example show_quotes -- article.txt`
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: show_quotes FILE");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let layer = triangulate_text::analyze(&text);
    for q in triangulate_quotes::find_quotes(&text, &layer.tokens, &layer.sentences, &[]) {
        let show = |s: triangulate_doc::Span| s.text(&text).unwrap_or("?").replace('\n', " ");
        let speaker = q.speaker.as_ref().map_or(String::from("-"), |s| {
            format!(
                "{} [{:?}{}{}]",
                show(s.span),
                s.resolution,
                s.name.as_ref().map_or(String::new(), |n| format!(" = {n}")),
                s.role
                    .as_ref()
                    .map_or(String::new(), |r| format!(", role {r}"))
            )
        });
        let via = q
            .via
            .as_ref()
            .map_or(String::new(), |v| format!(" via {}", show(v.span)));
        let cue = q
            .cue
            .as_ref()
            .map_or(String::from("-"), |c| format!("{}/{:?}", c.lemma, c.tense));
        println!(
            "{:?} {:.2} {cue} | {speaker}{via} | {}",
            q.kind,
            q.confidence,
            show(q.span)
        );
    }
    ExitCode::SUCCESS
}
