//! Look-ups shared by the Markdown and HTML writers.
use std::collections::HashMap;
use triangulate_doc::Document;
use triangulate_fusion::{Analysis, EvidenceSpan, Story};

/// Names and documents by id, for one analysis.
pub struct Index<'a> {
    pub docs: HashMap<&'a str, &'a Document>,
    pub doc_labels: HashMap<&'a str, String>,
    pub source_names: HashMap<&'a str, &'a str>,
}

impl<'a> Index<'a> {
    pub fn new(analysis: &'a Analysis, documents: &'a [Document]) -> Self {
        let docs = documents.iter().map(|d| (d.id.as_str(), d)).collect();
        let doc_labels = analysis
            .documents
            .iter()
            .map(|d| {
                let label = match (&d.outlet, &d.title) {
                    (Some(o), _) => o.clone(),
                    (None, Some(t)) => t.clone(),
                    (None, None) => d.id.clone(),
                };
                (d.id.as_str(), label)
            })
            .collect();
        let source_names = analysis
            .stories
            .iter()
            .flat_map(|s| s.independent_sources.iter())
            .map(|s| (s.id.as_str(), s.name.as_str()))
            .collect();
        Index {
            docs,
            doc_labels,
            source_names,
        }
    }

    pub fn doc_label(&self, doc_id: &str) -> String {
        self.doc_labels
            .get(doc_id)
            .cloned()
            .unwrap_or_else(|| doc_id.to_string())
    }

    pub fn source_name(&self, source_id: &'a str) -> &'a str {
        self.source_names
            .get(source_id)
            .copied()
            .unwrap_or(source_id)
    }

    /// "path bytes 120–180" for an evidence span, when its document is known.
    pub fn provenance(&self, ev: &EvidenceSpan) -> String {
        match self.docs.get(ev.doc_id.as_str()) {
            Some(doc) => {
                let r = doc.original_range(ev.span);
                let record = doc
                    .source
                    .record
                    .as_ref()
                    .map(|r| format!(" {r}"))
                    .unwrap_or_default();
                format!("{}{}, bytes {}–{}", doc.source.path, record, r.start, r.end)
            }
            None => format!("{} text bytes {}–{}", ev.doc_id, ev.span.start, ev.span.end),
        }
    }
}

/// Statements only one independent source makes, in the analysis's order (most salient first),
/// at most `limit`.
pub fn single_source_claims(story: &Story, limit: usize) -> Vec<&triangulate_fusion::Claim> {
    story
        .claims
        .iter()
        .filter(|c| is_single_source(c))
        .take(limit)
        .collect()
}

/// How many of the story's single-source claims a list of `shown` of them leaves out.
pub fn single_source_not_shown(story: &Story, shown: usize) -> usize {
    story
        .claims
        .iter()
        .filter(|c| is_single_source(c))
        .count()
        .saturating_sub(shown)
}

/// A claim only one independent source makes (also read from files written before the
/// `single_source` field existed, where only `corroboration` says it).
pub fn is_single_source(claim: &triangulate_fusion::Claim) -> bool {
    claim.single_source || claim.corroboration < 2
}

/// Claims worth leading a summary with: confirmed by two or more independent sources, most
/// corroborated first, claims in conflict left out.
pub fn summary_claims(story: &Story, limit: usize) -> Vec<&triangulate_fusion::Claim> {
    let contested: std::collections::HashSet<&str> = story
        .conflicts
        .iter()
        .flat_map(|c| c.claim.iter().chain(c.opposing_claim.iter()))
        .map(String::as_str)
        .collect();
    let mut claims: Vec<_> = story
        .claims
        .iter()
        .filter(|c| !contested.contains(c.id.as_str()) && !is_single_source(c))
        .collect();
    claims.sort_by_key(|c| std::cmp::Reverse(c.corroboration));
    claims.truncate(limit);
    claims
}
