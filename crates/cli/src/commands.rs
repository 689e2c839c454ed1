use crate::InputArgs;
use anyhow::{Context, Result};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;
use triangulate_doc::Document;
use triangulate_ingest::{ingest_paths, IngestOptions, IngestReport, Skipped};

/// How a run ended, for the exit code.
pub struct Outcome {
    pub documents: usize,
    pub skipped: usize,
}

impl Outcome {
    pub fn exit_code(&self) -> ExitCode {
        if self.documents == 0 {
            ExitCode::from(3)
        } else if self.skipped > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

pub fn read_inputs(input: &InputArgs) -> IngestReport {
    let opts = IngestOptions {
        max_bytes: input.max_bytes,
        ..IngestOptions::default()
    };
    ingest_paths(&input.paths, &opts)
}

/// Every skipped input goes to stderr, whatever the output format, so nothing is lost silently.
pub fn report_skipped(skipped: &[Skipped]) {
    if skipped.is_empty() {
        return;
    }
    eprintln!("skipped {} input(s):", skipped.len());
    for s in skipped {
        eprintln!("  {s}");
    }
}

#[derive(Serialize)]
struct IngestJson<'a> {
    documents: &'a [Document],
    skipped: &'a [Skipped],
}

pub fn ingest(input: &InputArgs, json: bool) -> Result<Outcome> {
    let report = read_inputs(input);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        serde_json::to_writer_pretty(
            &mut out,
            &IngestJson {
                documents: &report.documents,
                skipped: &report.skipped,
            },
        )
        .context("writing JSON to standard output")?;
        writeln!(out)?;
    } else {
        for doc in &report.documents {
            write_document_summary(&mut out, doc)?;
        }
        writeln!(
            out,
            "{} document(s) read, {} input(s) skipped",
            report.documents.len(),
            report.skipped.len()
        )?;
    }
    report_skipped(&report.skipped);
    Ok(Outcome {
        documents: report.documents.len(),
        skipped: report.skipped.len(),
    })
}

fn write_document_summary(out: &mut impl Write, doc: &Document) -> Result<()> {
    let m = &doc.metadata;
    let or_dash = |v: Option<String>| v.unwrap_or_else(|| "-".to_string());
    writeln!(out, "== {} ({:?}, {})", doc.id, doc.format, doc.encoding)?;
    let record = doc
        .source
        .record
        .as_ref()
        .map(|r| format!(" {r}"))
        .unwrap_or_default();
    writeln!(out, "   source:    {}{}", doc.source.path, record)?;
    writeln!(
        out,
        "   title:     {}",
        or_dash(m.title.as_ref().map(|v| v.value.clone()))
    )?;
    writeln!(
        out,
        "   outlet:    {}",
        or_dash(m.outlet.as_ref().map(|v| v.value.clone()))
    )?;
    let authors: Vec<&str> = m.authors.iter().map(|a| a.value.as_str()).collect();
    writeln!(
        out,
        "   authors:   {}",
        if authors.is_empty() {
            "-".to_string()
        } else {
            authors.join(", ")
        }
    )?;
    writeln!(
        out,
        "   published: {}",
        or_dash(m.published.as_ref().map(|v| v.value.to_iso()))
    )?;
    if !m.page_dates.is_empty() {
        let pd: Vec<String> = m.page_dates.iter().map(|d| d.value.to_iso()).collect();
        writeln!(
            out,
            "   page date: {} (page chrome, not the article's date)",
            pd.join(", ")
        )?;
    }
    writeln!(
        out,
        "   language:  {}",
        or_dash(m.language.as_ref().map(|v| v.value.clone()))
    )?;
    writeln!(
        out,
        "   text:      {} bytes cleaned from {} input bytes; {} piece(s) removed",
        doc.body.len(),
        doc.original.len(),
        doc.removed.len()
    )?;
    for w in &doc.warnings {
        writeln!(out, "   warning:   {w}")?;
    }
    Ok(())
}
