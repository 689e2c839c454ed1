//! The `triangulate` command line.
//!
//! Exit codes (also in README.md):
//! - 0: every input was read;
//! - 1: some inputs (or records inside them) could not be read — the others were processed and the
//!   failed ones are listed on stderr and in the JSON output (WARC records that are not articles
//!   are listed too but are not failures);
//! - 2: usage error (bad flags or arguments);
//! - 3: nothing could be processed (no input produced a document), or the output could not be
//!   written.

mod commands;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "triangulate",
    version,
    about = "What is known about a news event, by whom, when, how well confirmed, and where sources disagree."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Options shared by every command that reads input.
#[derive(clap::Args, Clone)]
pub struct InputArgs {
    /// Files or folders (searched recursively); `-` reads standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Largest input read, in bytes (also the limit for decompressed data).
    #[arg(long, default_value_t = 50 * 1024 * 1024)]
    pub max_bytes: u64,
}

/// Options of the commands that run the language layer.
#[derive(clap::Args, Clone)]
pub struct ModelArgs {
    /// Entity model file to use instead of the one built in (trained on CoNLL-2003 train + dev),
    /// e.g. `models/ner/conll2003-train-only.model` (the same recipe on train only),
    /// `models/ner/conll2003-plain.model` (no lexicons, faster) or
    /// `models/ner/conll2003-lexicons.model` (see models/ner/MODEL_CARD.md).
    #[arg(long, value_name = "PATH")]
    pub ner_model: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Read inputs and print the cleaned documents with metadata and removals.
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        /// Print JSON (documents with cleaned text, offset maps, metadata, removals; skipped inputs).
        #[arg(long)]
        json: bool,
    },
    /// Read inputs and run the language layer: sentences, entities, time expressions, quotes,
    /// quantities, each a span with its type, normalised value and offsets.
    Annotate {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        model: ModelArgs,
        /// Print JSON: per document, every span with type, value, text and original offsets.
        #[arg(long)]
        json: bool,
    },
    /// The main job: read everything, run all stages, write the analysis (JSON), a Markdown
    /// brief and an HTML report.
    Analyze {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        model: ModelArgs,
        /// Folder for analysis.json, brief.md and report.html (created if missing).
        #[arg(long, default_value = "triangulate-out")]
        out: PathBuf,
        /// Print the analysis JSON on standard output instead of the text summary.
        #[arg(long)]
        json: bool,
        /// Never show a progress bar (it is shown only on a terminal, for long runs).
        #[arg(long)]
        no_progress: bool,
    },
    /// Print the JSON Schema of the analysis JSON (also in schema/analysis.schema.json).
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest { input, json } => commands::ingest(&input, json),
        Command::Annotate { input, model, json } => commands::annotate(&input, &model, json),
        Command::Analyze {
            input,
            model,
            out,
            json,
            no_progress,
        } => commands::analyze(&input, &model, &out, json, !no_progress),
        Command::Schema => commands::schema(),
    };
    match result {
        Ok(outcome) => outcome.exit_code(),
        // A closed pipe (`triangulate ... | head`) means the reader has what it wanted.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("triangulate: error: {}", describe(&e));
            ExitCode::from(3)
        }
    }
}

/// The error and its causes on one line. Library errors often already end their message with
/// their cause's (`cannot read X: No such file`); a cause the line already ends with is not
/// repeated.
fn describe(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.ends_with(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}
