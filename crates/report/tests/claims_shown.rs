//! The brief and the HTML report tell corroborated statements from single-source ones, and
//! say how many single-source statements they do not list. Fictional outlets and events.
use triangulate_doc::{PartialDate, Span};
use triangulate_fusion::{
    Analysis, Claim, Conflict, ConflictKind, ConflictSide, DateRange, EvidenceSpan,
    IndependentSource, Statement, Story, SCHEMA_VERSION,
};
use triangulate_report::{html_report, html_util, markdown_brief};

fn claim(id: &str, text: &str, sources: &[&str]) -> Claim {
    Claim {
        id: id.to_string(),
        text: text.to_string(),
        statements: sources
            .iter()
            .map(|s| Statement {
                evidence: EvidenceSpan {
                    doc_id: format!("doc-{s}"),
                    span: Span::new(0, text.len()),
                    text: text.to_string(),
                },
                source: s.to_string(),
                negated: false,
                similarity: 1.0,
            })
            .collect(),
        sources: sources.iter().map(|s| s.to_string()).collect(),
        corroboration: sources.len(),
        single_source: sources.len() == 1,
    }
}

fn analysis() -> Analysis {
    let mut claims = vec![claim(
        "claim-1",
        "The Orlen ferry resumed service on Monday.",
        &["src-1", "src-2"],
    )];
    for n in 0..12 {
        claims.push(claim(
            &format!("claim-{}", n + 2),
            &format!("Harbour note number {n} was posted at the quay."),
            &["src-2"],
        ));
    }
    Analysis {
        schema_version: SCHEMA_VERSION,
        documents: Vec::new(),
        stories: vec![Story {
            id: "story-1".into(),
            title: "Orlen ferry back in service".into(),
            documents: vec!["doc-src-1".into(), "doc-src-2".into()],
            first_published: None,
            last_published: None,
            syndication_groups: Vec::new(),
            independent_sources: vec![
                IndependentSource {
                    id: "src-1".into(),
                    name: "Quay Gazette".into(),
                    documents: vec!["doc-src-1".into()],
                    syndication_group: None,
                },
                IndependentSource {
                    id: "src-2".into(),
                    name: "Orlen Radio".into(),
                    documents: vec!["doc-src-2".into()],
                    syndication_group: None,
                },
            ],
            entities: Vec::new(),
            timeline: Vec::new(),
            quotes: Vec::new(),
            claims,
            single_source_claims_omitted: 7,
            conflicts: Vec::new(),
            notes: Vec::new(),
        }],
        problems: Vec::new(),
    }
}

#[test]
fn brief_separates_confirmed_from_single_source_and_counts_the_rest() {
    let brief = markdown_brief(&analysis(), &[]);
    let confirmed = brief
        .find("### What is confirmed")
        .expect("confirmed section");
    let single = brief
        .find("### Reported by one source only")
        .expect("single-source section");
    assert!(confirmed < single);
    let confirmed_part = &brief[confirmed..single];
    assert!(confirmed_part.contains("ferry resumed service"));
    assert!(!confirmed_part.contains("Harbour note"));
    assert!(brief[single..]
        .contains("Harbour note number 0 was posted at the quay. — *single source* (Orlen Radio)"));
    // Eight listed, four more in the JSON, seven left out by the cap: nothing silently dropped.
    assert!(
        brief.contains(
            "4 more single-source statement(s) in analysis.json; 7 less salient one(s) left out"
        ),
        "{brief}"
    );
}

#[test]
fn html_badges_single_source_statements_and_caps_matrix_rows() {
    let html = html_report(&analysis(), &[]);
    assert!(html.contains("<span class=\"badge confirmed\">2 independent sources</span>"));
    let badges = html.matches("<span class=\"badge single\"").count();
    // Eight in the summary list, ten in the matrix.
    assert_eq!(badges, 18, "{html}");
    assert!(html.contains("Not shown: 2 more single-source statement(s)"));
    assert!(html.contains("and 7 left out of the analysis"));
}

/// A negation conflict between two claims: `affirm` takes the first value, `deny` the second;
/// each side with its publication days, if given.
fn negation_conflict(
    affirm: &Claim,
    deny: &Claim,
    [(yes, yes_days), (no, no_days)]: [(&str, Option<DateRange>); 2],
) -> Conflict {
    let side = |c: &Claim, value: &str, published: Option<DateRange>| ConflictSide {
        value: value.to_string(),
        sources: c.sources.clone(),
        evidence: c.statements.iter().map(|s| s.evidence.clone()).collect(),
        published,
    };
    Conflict {
        id: "conflict-1".into(),
        claim: Some(affirm.id.clone()),
        opposing_claim: Some(deny.id.clone()),
        kind: ConflictKind::Negation,
        summary: format!("{yes} vs {no}"),
        sides: vec![side(affirm, yes, yes_days), side(deny, no, no_days)],
        later_side: None,
    }
}

#[test]
fn negation_conflict_is_shown_first_and_marks_both_claims_in_the_matrix() {
    let mut a = analysis();
    let story = &mut a.stories[0];
    let affirm = claim("claim-90", "The ferry carries cars.", &["src-1"]);
    let deny = claim("claim-91", "The ferry does not carry cars.", &["src-2"]);
    story.conflicts.push(negation_conflict(
        &affirm,
        &deny,
        [("carries cars", None), ("does not carry cars", None)],
    ));
    story.claims.insert(1, deny);
    story.claims.insert(1, affirm);
    let html = html_report(&a, &[]);
    let conflicts = html.find("-conflicts\"").expect("conflicts section");
    let summary = html.find("-summary\"").expect("summary section");
    assert!(conflicts < summary);
    assert!(html[conflicts..summary].contains("carries cars vs does not carry cars"));
    // Each side is marked as saying otherwise on the other side's row.
    let row = |text: &str| {
        let start = html
            .rfind(&format!("<tr class=\"single\"><td>{text}"))
            .expect("matrix row");
        let end = start + html[start..].find("</tr>").expect("row end");
        html[start..end].to_string()
    };
    assert!(row("The ferry carries cars.").contains("≠"));
    assert!(row("The ferry does not carry cars.").contains("≠"));
    // Contested claims are not listed as confirmed.
    let brief = markdown_brief(&a, &[]);
    assert!(brief.contains("**carries cars vs does not carry cars** (Negation)"));
}

#[test]
fn a_side_only_later_reports_take_is_marked_as_possible_news() {
    let mut a = analysis();
    let story = &mut a.stories[0];
    let open = claim("claim-90", "The ferry line stays open.", &["src-1"]);
    let closed = claim("claim-91", "The ferry line does not stay open.", &["src-2"]);
    let days = |first: PartialDate, last: PartialDate| Some(DateRange { first, last });
    let mut conflict = negation_conflict(
        &open,
        &closed,
        [
            (
                "stays open",
                days(PartialDate::ymd(2025, 3, 2), PartialDate::ymd(2025, 3, 4)),
            ),
            (
                "does not stay open",
                days(PartialDate::ymd(2025, 3, 7), PartialDate::ymd(2025, 3, 8)),
            ),
        ],
    );
    conflict.later_side = Some(1);
    story.conflicts.push(conflict);
    let note = "Only reports from 2025-03-07 on say \"does not stay open\" (the others are dated \
                up to 2025-03-04): this may be news moving on rather than a contradiction.";
    let brief = markdown_brief(&a, &[]);
    assert!(brief.contains(&format!("  - _{note}_")), "{brief}");
    let html = html_report(&a, &[]);
    assert!(html.contains(&html_util::escape(note)), "{html}");
    // Without a later side there is no such line.
    a.stories[0].conflicts[0].later_side = None;
    assert!(!markdown_brief(&a, &[]).contains("news moving on"));
}
