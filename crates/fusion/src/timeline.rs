//! The story timeline: dated statements, with partial dates completed from the story.
//!
//! A date expression that names a day but not its month or year ("on the 19th", `XXXX-XX-19`)
//! is completed from the document's own publication date when it has one, else from the story:
//! the month (and year) that the story's complete dates — publication dates and fully written
//! dates — name most often. A month without a year takes the year the same way. Every
//! completion is recorded ([`DateInference`]) with the evidence it rests on, and only fields the
//! text left open are filled. Durations, sets and present references are not placed.
use crate::analyze::Prepared;
use crate::model::*;
use rustc_hash::FxHashMap;
use triangulate_doc::{days_in_month, PartialDate, Span};
use triangulate_timex::AnchorUse;

fn precision(d: &PartialDate) -> Option<DatePrecision> {
    match (d.year, d.month, d.day) {
        (Some(_), Some(_), Some(_)) => Some(DatePrecision::Day),
        (Some(_), Some(_), None) => Some(DatePrecision::Month),
        (Some(_), None, None) => Some(DatePrecision::Year),
        _ => None,
    }
}

/// Build the timeline of one story: one entry per date, with every sentence of every document
/// that gives it as evidence and every source that says it (a year named in ten sentences is
/// one line, not ten). The entry's text is the sentence whose claim the most independent
/// sources make. `inferred` is the first completion among its sentences (every completion is
/// also a note).
pub(crate) fn build(docs: &[&Prepared<'_>], claims: &[Claim]) -> (Vec<TimelineEntry>, Vec<Note>) {
    // The story's dominant (year, month), with evidence.
    let mut months: FxHashMap<(i32, u8), Vec<EvidenceSpan>> = FxHashMap::default();
    for p in docs {
        for t in &p.timexes {
            if t.anchored != AnchorUse::Absolute {
                continue;
            }
            if let Some(PartialDate {
                year: Some(y),
                month: Some(m),
                ..
            }) = t.partial
            {
                months.entry((y, m)).or_default().push(p.evidence(t.span));
            }
        }
        if let Some(PartialDate {
            year: Some(y),
            month: Some(m),
            ..
        }) = p.published
        {
            months.entry((y, m)).or_default().push(EvidenceSpan {
                doc_id: p.id.to_string(),
                span: Span::default(),
                text: format!(
                    "published {}",
                    p.published.map(|d| d.to_iso()).unwrap_or_default()
                ),
            });
        }
    }
    let dominant = months
        .iter()
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
        .map(|(k, v)| (*k, v.clone()));

    // How many independent sources make each sentence's claim.
    let claim_of: FxHashMap<(&str, Span), usize> = claims
        .iter()
        .flat_map(|c| {
            c.statements.iter().map(move |s| {
                (
                    (s.evidence.doc_id.as_str(), s.evidence.span),
                    c.corroboration,
                )
            })
        })
        .collect();

    let mut notes = Vec::new();
    let mut entries: Vec<(TimelineEntry, usize)> = Vec::new();
    let mut entry_key: FxHashMap<String, usize> = FxHashMap::default();
    for p in docs {
        for t in &p.timexes {
            let Some(written) = t.calendar_date() else {
                continue;
            };
            let (date, inferred) = complete(written, p, dominant.as_ref());
            let Some(prec) = precision(&date) else {
                continue;
            };
            let sentence = p.sentence_of(t.span);
            if let Some(inf) = &inferred {
                notes.push(Note {
                    kind: NoteKind::DateCompleted,
                    message: format!(
                        "\"{}\" ({}) read as {}: {}",
                        crate::text::display(p.text, t.span),
                        written.to_iso(),
                        date.to_iso(),
                        inf.rule
                    ),
                    evidence: std::iter::once(p.evidence(t.span))
                        .chain(inf.evidence.iter().cloned())
                        .collect(),
                });
            }
            // The entry's text is the best-corroborated sentence giving the date.
            let corroboration = claim_of.get(&(p.id, sentence)).copied().unwrap_or(0);
            let evidence = p.evidence(sentence.cover(t.span));
            match entry_key
                .get(&date.to_iso())
                .and_then(|&i| entries.get_mut(i))
            {
                Some((e, best)) => {
                    if !e.sources.contains(&p.source) {
                        e.sources.push(p.source.clone());
                    }
                    if !e.evidence.contains(&evidence) {
                        e.evidence.push(evidence);
                    }
                    if e.inferred.is_none() {
                        e.inferred = inferred;
                    }
                    if corroboration > *best {
                        *best = corroboration;
                        e.text = crate::text::display(p.text, sentence);
                    }
                }
                None => {
                    entry_key.insert(date.to_iso(), entries.len());
                    entries.push((
                        TimelineEntry {
                            date,
                            precision: prec,
                            text: crate::text::display(p.text, sentence),
                            sources: vec![p.source.clone()],
                            evidence: vec![evidence],
                            inferred,
                        },
                        corroboration,
                    ));
                }
            }
        }
    }
    let mut entries: Vec<TimelineEntry> = entries.into_iter().map(|(e, _)| e).collect();
    entries.sort_by_key(|e| (e.date.year, e.date.month, e.date.day));
    (entries, notes)
}

/// Fill the fields a date expression left open.
fn complete(
    written: PartialDate,
    p: &Prepared<'_>,
    dominant: Option<&((i32, u8), Vec<EvidenceSpan>)>,
) -> (PartialDate, Option<DateInference>) {
    let missing_month = written.day.is_some() && written.month.is_none();
    let missing_year = written.month.is_some() && written.year.is_none()
        || missing_month && written.year.is_none();
    if !missing_month && !missing_year {
        return (written, None);
    }
    let own = p
        .published
        .filter(|d| d.year.is_some() && d.month.is_some());
    let (year, month, rule, evidence) = match (own, dominant) {
        (Some(d), _) => (
            d.year,
            d.month,
            "year and month from the document's publication date".to_string(),
            vec![EvidenceSpan {
                doc_id: p.id.to_string(),
                span: Span::default(),
                text: format!("published {}", d.to_iso()),
            }],
        ),
        (None, Some(((y, m), ev))) => (
            Some(*y),
            Some(*m),
            format!(
                "year and month from the story: {} of its dates fall in {y:04}-{m:02}",
                ev.len()
            ),
            ev.iter().take(3).cloned().collect(),
        ),
        (None, None) => return (written, None),
    };
    let mut date = written;
    if date.month.is_none() {
        date.month = month;
    }
    if date.year.is_none() {
        date.year = year;
    }
    // A day past the end of the borrowed month cannot be right: keep the date as written.
    if let (Some(d), Some(m)) = (date.day, date.month) {
        if d > days_in_month(date.year, m) {
            return (written, None);
        }
    }
    (
        date,
        Some(DateInference {
            written,
            rule,
            evidence,
        }),
    )
}
