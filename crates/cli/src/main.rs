//! The `triangulate` command line.
//!
//! Exit codes (also in README.md):
//! - 0: every input was read;
//! - 1: some inputs (or records inside them) were skipped — the others were processed and the
//!   skipped ones are listed on stderr and in the JSON output;
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest { input, json } => commands::ingest(&input, json),
    };
    match result {
        Ok(outcome) => outcome.exit_code(),
        Err(e) => {
            eprintln!("triangulate: error: {e:#}");
            ExitCode::from(3)
        }
    }
}
