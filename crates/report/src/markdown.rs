//! The Markdown brief: conflicts first, then the best-corroborated statements, the timeline,
//! quotes and entities, each statement with its citations.
use crate::index::{single_source_claims, single_source_not_shown, summary_claims, Index};
use std::fmt::Write;
use triangulate_doc::Document;
use triangulate_fusion::{Analysis, EvidenceSpan};

/// Escape text for Markdown (article text must not turn into links or markup).
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn cite(idx: &Index, ev: &[EvidenceSpan]) -> String {
    let mut seen = Vec::new();
    for e in ev {
        let label = idx.doc_label(&e.doc_id);
        if !seen.contains(&label) {
            seen.push(label);
        }
    }
    seen.iter()
        .map(|l| format!("[{}]", md(l)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The brief for a whole analysis. `documents` are the analysed documents (for provenance).
pub fn markdown_brief(analysis: &Analysis, documents: &[Document]) -> String {
    let idx = Index::new(analysis, documents);
    let mut out = String::new();
    let _ = writeln!(out, "# Triangulate brief\n");
    let _ = writeln!(
        out,
        "{} document(s), {} stor{}.\n",
        analysis.documents.len(),
        analysis.stories.len(),
        if analysis.stories.len() == 1 {
            "y"
        } else {
            "ies"
        }
    );
    for story in &analysis.stories {
        let _ = writeln!(out, "## {}\n", md(&story.title));
        let dates = match (&story.first_published, &story.last_published) {
            (Some(a), Some(b)) if a != b => format!("published {a} to {b}"),
            (Some(a), _) => format!("published {a}"),
            _ => "publication dates unknown".to_string(),
        };
        let _ = writeln!(
            out,
            "{} document(s) from {} independent source(s); {}.\n",
            story.documents.len(),
            story.independent_sources.len(),
            dates
        );
        let sources: Vec<String> = story
            .independent_sources
            .iter()
            .map(|s| {
                if s.documents.len() > 1 {
                    format!("{} ({} copies)", md(&s.name), s.documents.len())
                } else {
                    md(&s.name)
                }
            })
            .collect();
        let _ = writeln!(out, "Independent sources: {}.\n", sources.join(", "));

        if !story.conflicts.is_empty() {
            let _ = writeln!(out, "### Where sources disagree\n");
            for c in &story.conflicts {
                let _ = writeln!(out, "- **{}** ({:?})", md(&c.summary), c.kind);
                for side in &c.sides {
                    let names: Vec<&str> =
                        side.sources.iter().map(|s| idx.source_name(s)).collect();
                    let quote = side
                        .evidence
                        .first()
                        .map(|e| md(&e.text))
                        .unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "  - {} — {}: \"{}\"",
                        md(&side.value),
                        md(&names.join(", ")),
                        quote
                    );
                }
                if let Some(note) = crate::later_report_note(c) {
                    let _ = writeln!(out, "  - _{}_", md(&note));
                }
            }
            out.push('\n');
        }

        let summary = summary_claims(story, 8);
        if !summary.is_empty() {
            let _ = writeln!(out, "### What is confirmed\n");
            for c in summary {
                let evidence: Vec<EvidenceSpan> =
                    c.statements.iter().map(|s| s.evidence.clone()).collect();
                let _ = writeln!(
                    out,
                    "- {} — confirmed by {} independent source(s) {}",
                    md(&c.text),
                    c.corroboration,
                    cite(&idx, &evidence)
                );
            }
            out.push('\n');
        }

        let single = single_source_claims(story, 8);
        if !single.is_empty() {
            let _ = writeln!(out, "### Reported by one source only\n");
            for c in &single {
                let evidence: Vec<EvidenceSpan> =
                    c.statements.iter().map(|s| s.evidence.clone()).collect();
                let source = c
                    .sources
                    .first()
                    .map(|s| md(idx.source_name(s)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- {} — *single source* ({}) {}",
                    md(&c.text),
                    source,
                    cite(&idx, &evidence)
                );
            }
            let listed_elsewhere = single_source_not_shown(story, single.len());
            if listed_elsewhere + story.single_source_claims_omitted > 0 {
                let _ = writeln!(
                    out,
                    "\n{} more single-source statement(s) in analysis.json; {} less salient one(s) left out of the analysis.",
                    listed_elsewhere, story.single_source_claims_omitted
                );
            }
            out.push('\n');
        }

        if !story.timeline.is_empty() {
            let _ = writeln!(out, "### Timeline\n");
            for t in &story.timeline {
                let inferred = t
                    .inferred
                    .as_ref()
                    .map(|i| {
                        format!(
                            " (written as {} in part of the evidence; completed: {})",
                            i.written,
                            md(&i.rule)
                        )
                    })
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- **{}**{} — {} {}",
                    t.date,
                    inferred,
                    md(&t.text),
                    cite(&idx, &t.evidence)
                );
            }
            out.push('\n');
        }

        if !story.quotes.is_empty() {
            let _ = writeln!(out, "### Who said what\n");
            for q in &story.quotes {
                let speaker = q.speaker.as_deref().unwrap_or("unattributed");
                let Some(first) = q.variants.first() else {
                    continue;
                };
                let via = first
                    .via
                    .as_ref()
                    .map(|v| format!(" (via {})", md(v)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "- {}{}: \"{}\" {}",
                    md(speaker),
                    via,
                    md(&first.evidence.text),
                    cite(&idx, std::slice::from_ref(&first.evidence))
                );
                for v in q.variants.iter().skip(1) {
                    let _ = writeln!(
                        out,
                        "  - variant: \"{}\" {}",
                        md(&v.evidence.text),
                        cite(&idx, std::slice::from_ref(&v.evidence))
                    );
                }
            }
            out.push('\n');
        }

        if !story.entities.is_empty() {
            let _ = writeln!(out, "### Entities\n");
            let _ = writeln!(out, "| name | type | also called | documents |");
            let _ = writeln!(out, "|---|---|---|---|");
            for e in story.entities.iter().take(30) {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} |",
                    md(&e.name),
                    e.label,
                    md(&e.aliases.join("; ")),
                    e.document_count
                );
            }
            out.push('\n');
        }
    }
    if !analysis.problems.is_empty() {
        let _ = writeln!(out, "## Problems\n");
        for p in &analysis.problems {
            let _ = writeln!(out, "- {}: {}", md(&p.doc_id), md(&p.message));
        }
    }
    out
}
