//! The HTML report: one self-contained page per run, no script, all article text escaped.
use crate::html_util::{anchor_id, escape, highlight};
use crate::index::{
    is_single_source, single_source_claims, single_source_not_shown, summary_claims, Index,
};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::ops::Range;
use triangulate_doc::Document;
use triangulate_fusion::{Analysis, EvidenceSpan, Story};

const STYLE: &str = r#"
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header.run{background:#1d2b3a;color:#fff;padding:14px 24px}
header.run h1{margin:0;font-size:20px}
main{padding:8px 24px 40px}
section{background:#fff;border:1px solid #dde1e6;border-radius:6px;margin:14px 0;padding:10px 16px}
h2{font-size:19px;margin:18px 0 6px}
h3{font-size:16px;margin:6px 0}
.conflicts{border-color:#d9534f;background:#fff7f6}
.side{margin:4px 0 4px 14px}
.value{font-weight:600}
table{border-collapse:collapse;font-size:13px}
th,td{border:1px solid #dde1e6;padding:3px 6px;vertical-align:top;text-align:left}
td.yes{background:#dff3e3;text-align:center}
td.no{background:#fbe3e1;text-align:center}
.cite{font-size:12px;color:#3a6ea5;text-decoration:none;margin-left:3px}
.prov{font-size:11px;color:#6a737d}
.sources{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(320px,1fr);gap:12px;overflow-x:auto}
.source{border:1px solid #dde1e6;border-radius:4px;padding:8px;background:#fcfcfd;max-height:520px;overflow-y:auto}
.source pre{white-space:pre-wrap;font:13px/1.4 system-ui,sans-serif;margin:0}
mark{background:#fff1a8}
mark:target{background:#ffb84d;outline:2px solid #e08600}
.muted{color:#6a737d}
.badge{display:inline-block;font-size:11px;border-radius:3px;padding:0 5px;margin-left:4px;vertical-align:1px}
.badge.single{background:#eef0f3;color:#4a535d;border:1px solid #c9ced5}
.badge.confirmed{background:#dff3e3;color:#1e6b34;border:1px solid #a9d8b5}
tr.single td:first-child{color:#4a535d}
"#;

/// Per document: the evidence ranges merged into disjoint marks, and an anchor per mark.
struct Marks {
    by_doc: HashMap<String, Vec<(Range<usize>, String)>>,
}

impl Marks {
    fn new(story: &Story, doc_order: &HashMap<&str, usize>) -> Self {
        let mut spans: BTreeMap<String, Vec<Range<usize>>> = BTreeMap::new();
        for ev in story_evidence(story) {
            spans
                .entry(ev.doc_id.clone())
                .or_default()
                .push(ev.span.range());
        }
        let mut by_doc = HashMap::new();
        for (doc_id, mut ranges) in spans {
            ranges.sort_by_key(|r| (r.start, r.end));
            let mut merged: Vec<Range<usize>> = Vec::new();
            for r in ranges {
                match merged.last_mut() {
                    Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                    _ => merged.push(r),
                }
            }
            let n = doc_order.get(doc_id.as_str()).copied().unwrap_or(0);
            let marks = merged
                .into_iter()
                .map(|r| {
                    let id = format!("ev-{}-d{n}-{}", story.id, r.start);
                    (r, anchor_id("m", &id))
                })
                .collect();
            by_doc.insert(doc_id, marks);
        }
        Marks { by_doc }
    }

    fn anchor(&self, ev: &EvidenceSpan) -> Option<&str> {
        self.by_doc.get(&ev.doc_id).and_then(|marks| {
            marks
                .iter()
                .find(|(r, _)| r.start <= ev.span.start && ev.span.start < r.end.max(r.start + 1))
                .map(|(_, id)| id.as_str())
        })
    }
}

fn story_evidence(story: &Story) -> impl Iterator<Item = &EvidenceSpan> {
    let claims = story
        .claims
        .iter()
        .flat_map(|c| c.statements.iter().map(|s| &s.evidence));
    let conflicts = story
        .conflicts
        .iter()
        .flat_map(|c| c.sides.iter().flat_map(|s| s.evidence.iter()));
    let quotes = story
        .quotes
        .iter()
        .flat_map(|q| q.variants.iter().map(|v| &v.evidence));
    let timeline = story.timeline.iter().flat_map(|t| t.evidence.iter());
    claims.chain(conflicts).chain(quotes).chain(timeline)
}

/// Single-source rows in the corroboration matrix; the rest are counted under the table.
const MATRIX_SINGLE_SOURCE_ROWS: usize = 10;

struct Writer<'a> {
    idx: Index<'a>,
    out: String,
}

impl Writer<'_> {
    /// Citation links for evidence spans: outlet name, linking to the highlighted sentence.
    fn cites(&mut self, marks: &Marks, evidence: &[EvidenceSpan]) {
        let mut seen: Vec<(String, usize)> = Vec::new();
        for ev in evidence {
            if seen
                .iter()
                .any(|(d, s)| *d == ev.doc_id && *s == ev.span.start)
            {
                continue;
            }
            seen.push((ev.doc_id.clone(), ev.span.start));
            let label = escape(&self.idx.doc_label(&ev.doc_id));
            let prov = escape(&self.idx.provenance(ev));
            match marks.anchor(ev) {
                Some(a) => {
                    let _ = write!(
                        self.out,
                        "<a class=\"cite\" href=\"#{a}\" title=\"{prov}\">[{label}]</a>"
                    );
                }
                None => {
                    let _ = write!(
                        self.out,
                        "<span class=\"cite\" title=\"{prov}\">[{label}]</span>"
                    );
                }
            }
        }
    }

    fn story(&mut self, story: &Story, doc_order: &HashMap<&str, usize>) {
        let marks = Marks::new(story, doc_order);
        let sid = anchor_id("s", &story.id);
        let _ = write!(
            self.out,
            "<article class=\"story\" id=\"{sid}\"><h2>{}</h2>",
            escape(&story.title)
        );
        let names: Vec<String> = story
            .independent_sources
            .iter()
            .map(|s| {
                if s.documents.len() > 1 {
                    format!(
                        "{} ({} syndicated copies)",
                        escape(&s.name),
                        s.documents.len()
                    )
                } else {
                    escape(&s.name)
                }
            })
            .collect();
        let _ = write!(
            self.out,
            "<p class=\"muted\">{} document(s), {} independent source(s): {}</p>",
            story.documents.len(),
            story.independent_sources.len(),
            names.join(", ")
        );

        // Conflicts first: they are what a reader must not miss.
        let _ = write!(
            self.out,
            "<section class=\"conflicts\" id=\"{sid}-conflicts\"><h3>Where sources disagree ({})</h3>",
            story.conflicts.len()
        );
        if story.conflicts.is_empty() {
            self.out
                .push_str("<p class=\"muted\">No contradictions found.</p>");
        }
        for c in &story.conflicts {
            let _ = write!(
                self.out,
                "<div class=\"conflict\"><b>{}</b> <span class=\"muted\">({:?})</span>",
                escape(&c.summary),
                c.kind
            );
            for side in &c.sides {
                let names: Vec<&str> = side
                    .sources
                    .iter()
                    .map(|s| self.idx.source_name(s))
                    .collect();
                let names = escape(&names.join(", "));
                let _ = write!(
                    self.out,
                    "<div class=\"side\"><span class=\"value\">{}</span> — {}: ",
                    escape(&side.value),
                    names
                );
                if let Some(ev) = side.evidence.first() {
                    let _ = write!(self.out, "“{}”", escape(&ev.text));
                }
                self.cites(&marks, &side.evidence);
                self.out.push_str("</div>");
            }
            if let Some(note) = crate::later_report_note(c) {
                let _ = write!(
                    self.out,
                    "<div class=\"muted later\">{}</div>",
                    escape(&note)
                );
            }
            self.out.push_str("</div>");
        }
        self.out.push_str("</section>");

        let _ = write!(
            self.out,
            "<section class=\"summary\" id=\"{sid}-summary\"><h3>What is confirmed</h3><ul>"
        );
        let summary = summary_claims(story, 8);
        if summary.is_empty() {
            self.out.push_str(
                "<li class=\"muted\">No statement is made by two independent sources.</li>",
            );
        }
        for c in summary {
            let _ = write!(
                self.out,
                "<li>{} <span class=\"badge confirmed\">{} independent sources</span>",
                escape(&c.text),
                c.corroboration
            );
            let ev: Vec<EvidenceSpan> = c.statements.iter().map(|s| s.evidence.clone()).collect();
            self.cites(&marks, &ev);
            self.out.push_str("</li>");
        }
        self.out.push_str("</ul>");
        let single = single_source_claims(story, 8);
        if !single.is_empty() {
            self.out
                .push_str("<h3>Reported by one source only</h3><ul class=\"single-source\">");
            for c in &single {
                let source = c
                    .sources
                    .first()
                    .map(|s| self.idx.source_name(s))
                    .unwrap_or_default();
                let _ = write!(
                    self.out,
                    "<li>{} <span class=\"badge single\" title=\"only {} reports this\">single source</span>",
                    escape(&c.text),
                    escape(source)
                );
                let ev: Vec<EvidenceSpan> =
                    c.statements.iter().map(|s| s.evidence.clone()).collect();
                self.cites(&marks, &ev);
                self.out.push_str("</li>");
            }
            self.out.push_str("</ul>");
            let not_listed = single_source_not_shown(story, single.len());
            if not_listed + story.single_source_claims_omitted > 0 {
                let _ = write!(
                    self.out,
                    "<p class=\"muted\">{not_listed} more single-source statement(s) in analysis.json; {} less salient one(s) left out of the analysis.</p>",
                    story.single_source_claims_omitted
                );
            }
        }
        self.out.push_str("</section>");

        self.matrix(story, &sid);

        let _ = write!(
            self.out,
            "<section class=\"timeline\" id=\"{sid}-timeline\"><h3>Timeline</h3>"
        );
        if story.timeline.is_empty() {
            self.out.push_str("<p class=\"muted\">No dated events.</p>");
        } else {
            self.out
                .push_str("<table><tr><th>date</th><th>what</th><th>sources</th></tr>");
            for t in &story.timeline {
                let inferred = t
                    .inferred
                    .as_ref()
                    .map(|i| {
                        format!(
                            "<div class=\"prov\">written as {} in part of the evidence; {}</div>",
                            escape(&i.written.to_iso()),
                            escape(&i.rule)
                        )
                    })
                    .unwrap_or_default();
                let _ = write!(
                    self.out,
                    "<tr><td>{}{}</td><td>{}</td><td>",
                    escape(&t.date.to_iso()),
                    inferred,
                    escape(&t.text)
                );
                self.cites(&marks, &t.evidence);
                self.out.push_str("</td></tr>");
            }
            self.out.push_str("</table>");
        }
        self.out.push_str("</section>");

        let _ = write!(
            self.out,
            "<section class=\"quotes\" id=\"{sid}-quotes\"><h3>Who said what</h3>"
        );
        if story.quotes.is_empty() {
            self.out.push_str("<p class=\"muted\">No quotes found.</p>");
        }
        for q in &story.quotes {
            let speaker = q.speaker.as_deref().unwrap_or("unattributed");
            let _ = write!(self.out, "<div class=\"quote\"><b>{}</b>", escape(speaker));
            for (i, v) in q.variants.iter().enumerate() {
                let via = v
                    .via
                    .as_ref()
                    .map(|v| format!(" <span class=\"muted\">via {}</span>", escape(v)))
                    .unwrap_or_default();
                let kind = if v.direct { "“{}”" } else { "{}" };
                let text = kind.replace("{}", &escape(&v.evidence.text));
                let label = if i == 0 { "" } else { "variant: " };
                let _ = write!(self.out, "<div class=\"side\">{label}{text}{via}");
                self.cites(&marks, std::slice::from_ref(&v.evidence));
                self.out.push_str("</div>");
            }
            self.out.push_str("</div>");
        }
        self.out.push_str("</section>");

        let _ = write!(
            self.out,
            "<section class=\"entities\" id=\"{sid}-entities\"><h3>Entities</h3><table><tr><th>name</th><th>type</th><th>also called</th><th>titles</th><th>documents</th></tr>"
        );
        for e in &story.entities {
            let _ = write!(
                self.out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&e.name),
                e.label,
                escape(&e.aliases.join("; ")),
                escape(&e.titles.join("; ")),
                e.document_count
            );
        }
        self.out.push_str("</table></section>");

        self.sources(story, &sid, &marks);
        self.out.push_str("</article>");
    }

    /// Statement × outlet: who confirms what, and who gives a different value.
    fn matrix(&mut self, story: &Story, sid: &str) {
        let _ = write!(
            self.out,
            "<section class=\"matrix\" id=\"{sid}-matrix\"><h3>Corroboration matrix</h3><table><tr><th>statement</th>"
        );
        for s in &story.independent_sources {
            let _ = write!(self.out, "<th>{}</th>", escape(&s.name));
        }
        self.out.push_str("</tr>");
        // Every corroborated claim, and the most salient single-source ones.
        let mut single_rows = 0;
        let mut single_hidden = 0;
        for c in &story.claims {
            let single = is_single_source(c);
            if single {
                if single_rows == MATRIX_SINGLE_SOURCE_ROWS {
                    single_hidden += 1;
                    continue;
                }
                single_rows += 1;
                let _ = write!(
                    self.out,
                    "<tr class=\"single\"><td>{} <span class=\"badge single\">single source</span></td>",
                    escape(&c.text)
                );
            } else {
                let _ = write!(self.out, "<tr><td>{}</td>", escape(&c.text));
            }
            // Sources on another side than this claim's: the later sides of a conflict over
            // this claim, or the affirming side when this claim is the denial.
            let conflicting: Vec<&str> = story
                .conflicts
                .iter()
                .flat_map(|k| {
                    let sides: Vec<&triangulate_fusion::ConflictSide> =
                        if k.claim.as_deref() == Some(c.id.as_str()) {
                            k.sides.iter().skip(1).collect()
                        } else if k.opposing_claim.as_deref() == Some(c.id.as_str()) {
                            k.sides.iter().take(1).collect()
                        } else {
                            Vec::new()
                        };
                    sides.into_iter().flat_map(|s| s.sources.iter())
                })
                .map(|s| s.as_str())
                .collect();
            for s in &story.independent_sources {
                if conflicting.contains(&s.id.as_str()) {
                    self.out
                        .push_str("<td class=\"no\" title=\"says otherwise\">≠</td>");
                } else if c.sources.contains(&s.id) {
                    self.out.push_str("<td class=\"yes\">✓</td>");
                } else {
                    self.out.push_str("<td></td>");
                }
            }
            self.out.push_str("</tr>");
        }
        self.out.push_str("</table>");
        if single_hidden + story.single_source_claims_omitted > 0 {
            let _ = write!(
                self.out,
                "<p class=\"muted\">Not shown: {single_hidden} more single-source statement(s) (in analysis.json) and {} left out of the analysis as least salient.</p>",
                story.single_source_claims_omitted
            );
        }
        self.out.push_str("</section>");
    }

    /// Every document of the story side by side, evidence highlighted.
    fn sources(&mut self, story: &Story, sid: &str, marks: &Marks) {
        let _ = write!(
            self.out,
            "<section class=\"source-view\" id=\"{sid}-sources\"><h3>Sources side by side</h3><div class=\"sources\">"
        );
        for doc_id in &story.documents {
            let label = escape(&self.idx.doc_label(doc_id));
            let _ = write!(self.out, "<div class=\"source\"><h3>{label}</h3>");
            match self.idx.docs.get(doc_id.as_str()) {
                Some(doc) => {
                    let record = doc
                        .source
                        .record
                        .as_ref()
                        .map(|r| format!(" {r}"))
                        .unwrap_or_default();
                    let _ = write!(
                        self.out,
                        "<div class=\"prov\">{}{}</div>",
                        escape(&doc.source.path),
                        escape(&record)
                    );
                    let doc_marks = marks.by_doc.get(doc_id).cloned().unwrap_or_default();
                    let _ = write!(self.out, "<pre>{}</pre>", highlight(doc.text(), &doc_marks));
                }
                None => self
                    .out
                    .push_str("<p class=\"muted\">text not available</p>"),
            }
            self.out.push_str("</div>");
        }
        self.out.push_str("</div></section>");
    }
}

/// The report page for a whole analysis. `documents` are the analysed documents (for the
/// side-by-side view and byte provenance).
pub fn html_report(analysis: &Analysis, documents: &[Document]) -> String {
    let doc_order: HashMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut w = Writer {
        idx: Index::new(analysis, documents),
        out: String::with_capacity(64 * 1024),
    };
    let _ = write!(
        w.out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Triangulate report</title><style>{STYLE}</style></head><body>\
         <header class=\"run\"><h1>Triangulate report</h1><div>{} document(s), {} stor{}, schema v{}</div></header><main>",
        analysis.documents.len(),
        analysis.stories.len(),
        if analysis.stories.len() == 1 { "y" } else { "ies" },
        analysis.schema_version
    );
    w.out.push_str("<nav id=\"stories\"><h2>Stories</h2><ul>");
    for s in &analysis.stories {
        let _ = write!(
            w.out,
            "<li><a href=\"#{}\">{}</a> <span class=\"muted\">({} documents, {} conflicts)</span></li>",
            anchor_id("s", &s.id),
            escape(&s.title),
            s.documents.len(),
            s.conflicts.len()
        );
    }
    w.out.push_str("</ul></nav>");
    for s in &analysis.stories {
        w.story(s, &doc_order);
    }
    if !analysis.problems.is_empty() {
        w.out
            .push_str("<section id=\"problems\"><h2>Problems</h2><ul>");
        for p in &analysis.problems {
            let _ = write!(
                w.out,
                "<li>{}: {}</li>",
                escape(&p.doc_id),
                escape(&p.message)
            );
        }
        w.out.push_str("</ul></section>");
    }
    w.out.push_str("</main></body></html>\n");
    w.out
}
