//! What a run of `triangulate analyze` writes:
//!
//! - `analysis.json`: the fusion stage's [`Analysis`], versioned by `schema_version`, described by
//!   the JSON Schema in `schema/analysis.schema.json` ([`json_schema`] regenerates it; a test keeps
//!   the committed file equal to the code);
//! - `brief.md`: a Markdown brief ([`markdown_brief`]);
//! - `report.html`: one self-contained HTML page ([`html_report`]).
//!
//! ## Layout versions
//!
//! `schema_version` is bumped only for changes a reader of an older file could trip on
//! (a field removed, renamed or retyped). Added fields are optional (`#[serde(default)]`), so
//! readers of either version keep working; they are listed here:
//!
//! - `Claim::single_source` (bool, default `false`): only one independent source makes the
//!   statement. Claims are no longer only statements of two or more documents: every statement
//!   is one, single-source ones ranked after the corroborated ones.
//! - `Story::single_source_claims_omitted` (count, default 0): single-source claims left out by
//!   the per-story cap, so nothing is dropped silently.
//! - `Conflict::opposing_claim` (claim id, optional): for a `negation` conflict (a kind the
//!   enum already had, now produced), the claim denying what `claim` affirms; the first side
//!   affirms, the second denies.
//! - `Conflict::later_side` (side index, optional) and `ConflictSide::published` (first and
//!   last publication day, optional): when only later reports take one side, the brief and the
//!   page say the disagreement may be news moving on rather than a contradiction.
//!
//! Article text is untrusted input. In the HTML it only ever passes through
//! [`html_util::escape`], and the page declares a Content-Security-Policy that allows no script
//! at all (the report needs none: navigation is plain links and `:target` styling), so even a
//! mistake in escaping could not run code from an article.

pub mod html_util;
mod index;
mod markdown;
mod page;

pub use markdown::markdown_brief;
pub use page::html_report;

use triangulate_fusion::Analysis;

/// The JSON Schema of [`Analysis`], pretty-printed.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Analysis);
    serde_json::to_string_pretty(&schema).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// For a conflict whose one side only later reports take: a line telling readers so, e.g.
/// `Only reports from 2025-03-07 on say "won't direct" (the others are dated up to
/// 2025-03-04): this may be news moving on rather than a contradiction.` Plain text; callers
/// escape it.
pub(crate) fn later_report_note(conflict: &triangulate_fusion::Conflict) -> Option<String> {
    let later = conflict.sides.get(conflict.later_side?)?;
    let first = later.published?.first;
    let others_last = conflict
        .sides
        .iter()
        .enumerate()
        .filter(|&(i, _)| Some(i) != conflict.later_side)
        .filter_map(|(_, s)| s.published.map(|p| p.last))
        .max()?;
    Some(format!(
        "Only reports from {} on say \"{}\" (the others are dated up to {}): this may be news \
         moving on rather than a contradiction.",
        first.to_iso(),
        later.value,
        others_last.to_iso()
    ))
}

/// Writes the analysis as pretty-printed JSON without building it in memory first: on large
/// runs the JSON is several times the size of the cleaned text. Buffer `out` yourself.
pub fn write_analysis_json(
    analysis: &Analysis,
    out: impl std::io::Write,
) -> Result<(), serde_json::Error> {
    serde_json::to_writer_pretty(out, analysis)
}
