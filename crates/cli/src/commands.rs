use crate::{InputArgs, ModelArgs};
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use triangulate_annotate::Annotator;
use triangulate_doc::Document;
use triangulate_fusion::{Analysis, AnnotatedDoc, FusionOptions};
use triangulate_ingest::{
    ingest_paths, ingest_paths_each, IngestEvent, IngestOptions, IngestReport, Skipped,
};
use triangulate_ner::NerModel;
use triangulate_report::{html_report, json_schema, markdown_brief, write_analysis_json};

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

/// A skipped input that is not a failure (hidden entries of a folder, WARC records that hold no
/// article) is listed but does not fail the run.
pub fn is_failure(skipped: &Skipped) -> bool {
    skipped.error.is_failure()
}

/// Every skipped input goes to stderr, whatever the output format, so nothing is lost silently.
/// Returns how many of them are failures (for the exit code).
pub fn report_skipped(skipped: &[Skipped]) -> usize {
    let (failed, not_articles): (Vec<&Skipped>, Vec<&Skipped>) =
        skipped.iter().partition(|s| is_failure(s));
    if !failed.is_empty() {
        eprintln!("skipped {} input(s) that could not be read:", failed.len());
        for s in &failed {
            eprintln!("  {s}");
        }
    }
    if !not_articles.is_empty() {
        eprintln!(
            "left out {} hidden file(s) or record(s) that are not articles:",
            not_articles.len()
        );
        for s in &not_articles {
            eprintln!("  {s}");
        }
    }
    failed.len()
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
    let failed = report_skipped(&report.skipped);
    Ok(Outcome {
        documents: report.documents.len(),
        skipped: failed,
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

#[derive(Serialize)]
struct AnnotatedJson<'a> {
    id: &'a str,
    source: &'a triangulate_doc::SourceRef,
    text: &'a str,
    spans: Vec<triangulate_annotate::SpanRecord>,
    /// Stages left out for this document, and why.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

#[derive(Serialize)]
struct AnnotateJson<'a> {
    documents: Vec<AnnotatedJson<'a>>,
    skipped: &'a [Skipped],
}

/// The entity model chosen on the command line, else the built-in one.
enum EntityModel {
    BuiltIn(&'static NerModel),
    File(Box<NerModel>),
}

impl EntityModel {
    fn choose(args: &ModelArgs) -> Result<Self> {
        match &args.ner_model {
            // The error names the file.
            Some(path) => NerModel::load(path)
                .map(|m| EntityModel::File(Box::new(m)))
                .context("loading --ner-model"),
            None => NerModel::embedded()
                .map(EntityModel::BuiltIn)
                .context("loading the built-in NER model"),
        }
    }

    fn get(&self) -> &NerModel {
        match self {
            EntityModel::BuiltIn(m) => m,
            EntityModel::File(m) => m,
        }
    }
}

pub fn annotate(input: &InputArgs, model: &ModelArgs, json: bool) -> Result<Outcome> {
    let model = EntityModel::choose(model)?;
    let report = read_inputs(input);
    let annotator = Annotator {
        entity_tagger: Some(model.get()),
    };
    let annotations: Vec<_> = report
        .documents
        .iter()
        .map(|d| annotator.annotate(d))
        .collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        let documents = report
            .documents
            .iter()
            .zip(&annotations)
            .map(|(d, a)| AnnotatedJson {
                id: &d.id,
                source: &d.source,
                text: d.text(),
                spans: a.span_records(d),
                notes: &a.notes,
            })
            .collect();
        serde_json::to_writer_pretty(
            &mut out,
            &AnnotateJson {
                documents,
                skipped: &report.skipped,
            },
        )
        .context("writing JSON to standard output")?;
        writeln!(out)?;
    } else {
        for (doc, ann) in report.documents.iter().zip(&annotations) {
            writeln!(out, "== {} ({})", doc.id, doc.source.path)?;
            for note in &ann.notes {
                writeln!(out, "  note: {note}")?;
            }
            for r in ann.span_records(doc) {
                if r.layer == "sentence" {
                    continue;
                }
                let value = r
                    .value
                    .as_deref()
                    .map(|v| format!(" = {v}"))
                    .unwrap_or_default();
                let detail = if r.detail.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", r.detail.join(", "))
                };
                writeln!(
                    out,
                    "  {:>8} {:<9} {:>5}..{:<5} {}{}{}",
                    r.layer,
                    r.kind,
                    r.span.start,
                    r.span.end,
                    one_line(&r.text, 70),
                    value,
                    detail
                )?;
            }
        }
    }
    let failed = report_skipped(&report.skipped);
    Ok(Outcome {
        documents: report.documents.len(),
        skipped: failed,
    })
}

fn one_line(s: &str, max_chars: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > max_chars {
        let cut: String = flat.chars().take(max_chars - 1).collect();
        format!("\"{cut}…\"")
    } else {
        format!("\"{flat}\"")
    }
}

fn progress_bar(show: bool, len: u64, what: &str) -> ProgressBar {
    // A bar only helps on a terminal and for runs long enough to watch.
    if !show || len < 50 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    let style =
        ProgressStyle::with_template("{prefix:>10} [{bar:40}] {pos}/{len} {per_sec} eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
    bar.set_style(style);
    bar.set_prefix(what.to_string());
    bar
}

pub fn analyze(
    input: &InputArgs,
    model: &ModelArgs,
    out_dir: &Path,
    json: bool,
    progress: bool,
) -> Result<Outcome> {
    // Load the model before reading: a bad --ner-model fails fast, before a long read.
    let model = EntityModel::choose(model)?;
    let opts = IngestOptions {
        max_bytes: input.max_bytes,
        ..IngestOptions::default()
    };
    let reading = if progress && std::io::stderr().is_terminal() {
        let s = ProgressBar::new_spinner();
        s.set_message("reading inputs");
        s
    } else {
        ProgressBar::hidden()
    };
    let mut documents = Vec::new();
    let mut skipped = Vec::new();
    ingest_paths_each(&input.paths, &opts, |event| {
        match event {
            IngestEvent::Document(mut d) => {
                // Every span maps back to the input through the offset map, so the report
                // never needs the input bytes again; on HTML and WARC input they are most of
                // a document's memory.
                d.original = Vec::new();
                documents.push(*d);
            }
            IngestEvent::Skipped(s) => skipped.push(s),
        }
        reading.set_message(format!("read {} document(s)", documents.len()));
        reading.tick();
    });
    reading.finish_and_clear();

    let annotator = Annotator {
        entity_tagger: Some(model.get()),
    };
    let bar = progress_bar(progress, documents.len() as u64, "annotating");
    let mut annotated = Vec::with_capacity(documents.len());
    for doc in documents {
        let layers = annotator.annotate(&doc);
        annotated.push(AnnotatedDoc::new(doc, layers));
        bar.inc(1);
    }
    bar.finish_and_clear();

    let analysis = triangulate_fusion::analyze(&annotated, &FusionOptions::default());
    let documents: Vec<Document> = annotated.into_iter().map(|a| a.doc).collect();

    std::fs::create_dir_all(out_dir)
        .with_context(|| format!("creating output folder {}", out_dir.display()))?;
    let write = |name: &str, content: &str| -> Result<PathBuf> {
        let path = out_dir.join(name);
        std::fs::write(&path, content).with_context(|| format!("writing {}", path.display()))?;
        Ok(path)
    };
    let json_path = out_dir.join("analysis.json");
    {
        let file = std::fs::File::create(&json_path)
            .with_context(|| format!("writing {}", json_path.display()))?;
        let mut file = std::io::BufWriter::new(file);
        write_analysis_json(&analysis, &mut file)
            .and_then(|()| file.flush().map_err(serde_json::Error::io))
            .with_context(|| format!("writing {}", json_path.display()))?;
    }
    let brief_path = write("brief.md", &markdown_brief(&analysis, &documents))?;
    let html_path = write("report.html", &html_report(&analysis, &documents))?;

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if json {
        // The file just written is the JSON; copying it costs less than serialising again.
        let mut written = std::fs::File::open(&json_path)
            .with_context(|| format!("reading back {}", json_path.display()))?;
        std::io::copy(&mut written, &mut out)?;
        writeln!(out)?;
    } else {
        write_analysis_summary(&mut out, &analysis)?;
        writeln!(out, "wrote {}", json_path.display())?;
        writeln!(out, "wrote {}", brief_path.display())?;
        writeln!(out, "wrote {}", html_path.display())?;
    }
    let failed = report_skipped(&skipped);
    if !analysis.problems.is_empty() {
        let mut err = std::io::stderr().lock();
        write_problems(&mut err, &analysis.problems)?;
    }
    Ok(Outcome {
        documents: documents.len(),
        skipped: failed,
    })
}

/// How many documents with the same problem are named one by one before the rest are counted.
const PROBLEM_EXAMPLES: usize = 5;

/// The documents used only in part, grouped by what was left out: a batch of 800 German pages
/// gives one line and five names, not 800 lines (every one is in `analysis.json`, `problems`).
fn write_problems(
    out: &mut impl Write,
    problems: &[triangulate_fusion::DocumentProblem],
) -> Result<()> {
    writeln!(out, "{} document(s) used only in part:", problems.len())?;
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for p in problems {
        match groups.iter_mut().find(|(m, _)| *m == p.message) {
            Some((_, ids)) => ids.push(&p.doc_id),
            None => groups.push((&p.message, vec![&p.doc_id])),
        }
    }
    for (message, ids) in groups {
        if ids.len() <= PROBLEM_EXAMPLES {
            for id in ids {
                writeln!(out, "  {id}: {message}")?;
            }
        } else {
            writeln!(out, "  {} document(s): {message}", ids.len())?;
            for id in ids.iter().take(PROBLEM_EXAMPLES) {
                writeln!(out, "    {id}")?;
            }
            writeln!(
                out,
                "    … and {} more (all listed under \"problems\" in analysis.json)",
                ids.len() - PROBLEM_EXAMPLES
            )?;
        }
    }
    Ok(())
}

fn write_analysis_summary(out: &mut impl Write, analysis: &Analysis) -> Result<()> {
    writeln!(
        out,
        "{} document(s), {} story(ies)",
        analysis.documents.len(),
        analysis.stories.len()
    )?;
    for story in &analysis.stories {
        writeln!(out, "\n## {}", story.title)?;
        let single = story.claims.iter().filter(|c| c.single_source).count();
        writeln!(
            out,
            "   {} document(s), {} independent source(s), {} corroborated claim(s), {} single-source claim(s) (+{} left out), {} conflict(s)",
            story.documents.len(),
            story.independent_sources.len(),
            story.claims.len() - single,
            single,
            story.single_source_claims_omitted,
            story.conflicts.len()
        )?;
        for c in &story.conflicts {
            let kind = serde_json::to_value(c.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            writeln!(out, "   CONFLICT ({kind}) {}", c.summary)?;
        }
    }
    writeln!(out)?;
    Ok(())
}

pub fn schema() -> Result<Outcome> {
    println!("{}", json_schema());
    Ok(Outcome {
        documents: 1,
        skipped: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use triangulate_fusion::DocumentProblem;

    #[test]
    fn problems_are_grouped_by_what_was_left_out() {
        let problem = |id: &str, message: &str| DocumentProblem {
            doc_id: id.to_string(),
            message: message.to_string(),
        };
        let mut problems: Vec<DocumentProblem> = (0..8)
            .map(|i| problem(&format!("de-{i}"), "entities not tagged: \"de\""))
            .collect();
        problems.push(problem("bad", "quotes layer dropped: span out of range"));
        let mut out = Vec::new();
        write_problems(&mut out, &problems).expect("write");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(
            text.starts_with("9 document(s) used only in part:"),
            "{text}"
        );
        assert!(
            text.contains("  8 document(s): entities not tagged"),
            "{text}"
        );
        assert!(text.contains("    de-4\n"), "{text}");
        assert!(!text.contains("de-5"), "{text}");
        assert!(text.contains("… and 3 more"), "{text}");
        assert!(text.contains("  bad: quotes layer dropped"), "{text}");
    }
}
