//! CoNLL-2003 round trip: rebuilds running text from the gold tokens of a CoNLL file with
//! fixed, tokenizer-independent spacing rules (no space before `, . ; : ! ? ) %` and clitics,
//! none after `( $` and opening quotes), then tokenizes it and scores the tokens against the
//! gold ones (exact byte spans). Also times `analyze` (tokens + sentences) over the whole text.
//!
//! Writes the rebuilt text and the gold spans to OUT_DIR so a competitor can be scored on the
//! identical input (see `crates/text/bench/run.sh`).
//!
//! `cargo run --release -p triangulate-text --example conll_roundtrip -- CONLL_FILE OUT_DIR`
use std::collections::HashSet;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(input), Some(out_dir)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: conll_roundtrip CONLL_FILE OUT_DIR");
        return ExitCode::FAILURE;
    };
    let raw = match std::fs::read_to_string(input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot read {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (text, gold) = rebuild(&raw);
    if let Err(e) = write_outputs(out_dir, &text, &gold) {
        eprintln!("cannot write to {out_dir}: {e}");
        return ExitCode::FAILURE;
    }

    let tokens = triangulate_text::tokenize(&text);
    let predicted: HashSet<(usize, usize)> =
        tokens.iter().map(|t| (t.span.start, t.span.end)).collect();
    let gold_set: HashSet<(usize, usize)> = gold.iter().copied().collect();
    let correct = predicted.intersection(&gold_set).count();
    let precision = correct as f64 / predicted.len().max(1) as f64;
    let recall = correct as f64 / gold_set.len().max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);

    // Timing: best of several full passes; tokens alone, then tokens and sentences.
    let mut best_tokenize = f64::INFINITY;
    let mut best_analyze = f64::INFINITY;
    for _ in 0..7 {
        let start = Instant::now();
        std::hint::black_box(triangulate_text::tokenize(&text));
        best_tokenize = best_tokenize.min(start.elapsed().as_secs_f64());
        let start = Instant::now();
        std::hint::black_box(triangulate_text::analyze(&text));
        best_analyze = best_analyze.min(start.elapsed().as_secs_f64());
    }
    let n = tokens.len() as f64;
    println!(
        "triangulate-text\tgold_tokens={}\tpredicted={}\tP={:.4}\tR={:.4}\tF1={:.4}\ttokenize_tokens_per_s={:.0}\ttokens_per_s={:.0}\tMB_per_s={:.1}",
        gold_set.len(),
        predicted.len(),
        precision,
        recall,
        f1,
        n / best_tokenize,
        n / best_analyze,
        text.len() as f64 / best_analyze / 1e6,
    );
    ExitCode::SUCCESS
}

/// Running text and gold token spans from CoNLL lines; documents are separated by a blank
/// line, sentences by a space.
fn rebuild(raw: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(raw.len() / 2);
    let mut gold = Vec::new();
    let mut open_double_quote = false;
    let mut glue_next = true;
    for line in raw.lines() {
        let Some(token) = line.split_whitespace().next() else {
            continue;
        };
        if token == "-DOCSTART-" {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            glue_next = true;
            open_double_quote = false;
            continue;
        }
        let glue_before = matches!(
            token,
            "," | "."
                | ";"
                | ":"
                | "!"
                | "?"
                | ")"
                | "]"
                | "}"
                | "%"
                | "'s"
                | "'S"
                | "n't"
                | "N'T"
                | "'re"
                | "'ve"
                | "'ll"
                | "'d"
                | "'m"
                | "''"
                | "..."
        ) || (token == "\"" && open_double_quote);
        if !glue_next && !glue_before {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(token);
        gold.push((start, text.len()));
        glue_next =
            matches!(token, "(" | "[" | "{" | "$" | "``") || (token == "\"" && !open_double_quote);
        if token == "\"" {
            open_double_quote = !open_double_quote;
        }
    }
    (text, gold)
}

fn write_outputs(dir: &str, text: &str, gold: &[(usize, usize)]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(format!("{dir}/corpus.txt"), text)?;
    let mut f = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/gold_spans.tsv"))?);
    // Character offsets as well, for tools that index by code point; gold spans are in order.
    let (mut byte_pos, mut char_pos) = (0, 0);
    for &(s, e) in gold {
        char_pos += text.get(byte_pos..s).map_or(0, |p| p.chars().count());
        let len = text.get(s..e).map_or(0, |p| p.chars().count());
        writeln!(f, "{s}\t{e}\t{char_pos}\t{}", char_pos + len)?;
        char_pos += len;
        byte_pos = e;
    }
    f.flush()
}
