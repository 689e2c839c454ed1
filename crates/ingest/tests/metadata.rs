//! Metadata and dates: page dates vs article dates, datelines, partial dates, trailers,
//! copyright lines, bylines, language.

use triangulate_doc::{Document, EvidenceSource, PartialDate};
use triangulate_ingest::{ingest_bytes, IngestOptions};

fn doc(name: &str, text: &str) -> Document {
    let mut report = ingest_bytes(name, text.as_bytes(), &IngestOptions::default());
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    let d = report.documents.remove(0);
    d.check_map().unwrap();
    d
}

const BODY: &str = "Engineers found three cracks in the spillway of the Lower Fenn dam on Monday, \
the regional water board said, and ordered the reservoir lowered by two metres.";

#[test]
fn header_date_beside_widget_is_a_page_date_not_the_publication_date() {
    let d = doc(
        "a.txt",
        &format!("Monday, October 6, 2025\n17.2 C\n\nCracks found in dam\n\nPublished March 6, 2025\n\n{BODY}\n"),
    );
    let m = &d.metadata;
    assert_eq!(
        m.published.as_ref().unwrap().value,
        PartialDate::ymd(2025, 3, 6)
    );
    assert_eq!(m.page_dates.len(), 1);
    assert_eq!(m.page_dates[0].value, PartialDate::ymd(2025, 10, 6));
    // Evidence points at the header line in the original.
    let r = m.page_dates[0].evidence.orig.clone().unwrap();
    assert_eq!(&d.original[r], b"Monday, October 6, 2025");
    assert!(!d.text().contains("October"));
}

#[test]
fn page_date_alone_never_becomes_published() {
    let d = doc(
        "a.txt",
        &format!("Tuesday, April 8, 2025\n11.5 C\n\n{BODY}\n"),
    );
    assert!(d.metadata.published.is_none(), "{:?}", d.metadata.published);
    assert_eq!(d.metadata.page_dates[0].value, PartialDate::ymd(2025, 4, 8));
}

#[test]
fn dateline_without_year_stays_partial() {
    let d = doc("a.txt", &format!("BRENNA, March 3 (Nordwire) — {BODY}\n"));
    let m = &d.metadata;
    let p = m.published.as_ref().unwrap();
    assert_eq!(
        p.value,
        PartialDate {
            year: None,
            month: Some(3),
            day: Some(3)
        }
    );
    assert_eq!(p.evidence.source, EvidenceSource::Dateline);
    assert_eq!(&d.original[p.evidence.orig.clone().unwrap()], b"March 3");
    assert_eq!(m.dateline_place.as_ref().unwrap().value, "BRENNA");
    assert_eq!(m.credited_agencies[0].value, "Nordwire");
    // The dateline stays in the text (it is part of the first sentence).
    assert!(d
        .text()
        .starts_with("BRENNA, March 3 (Nordwire) — Engineers"));
}

#[test]
fn dateline_year_comes_from_agreeing_metadata_only() {
    let rec = format!(
        r#"{{"date": "2025-03-03T10:00:00Z", "text": "BRENNA, March 3 (Nordwire) — {BODY}"}}"#
    );
    let d = doc("a.json", &rec);
    assert_eq!(
        d.metadata.published.as_ref().unwrap().value,
        PartialDate::ymd(2025, 3, 3)
    );
    // Metadata that disagrees with the dateline wins on its own; nothing is mixed.
    let rec = format!(r#"{{"date": "2024-04-04", "text": "BRENNA, March 3 (Nordwire) — {BODY}"}}"#);
    let d = doc("b.json", &rec);
    assert_eq!(
        d.metadata.published.as_ref().unwrap().value,
        PartialDate::ymd(2024, 4, 4)
    );
    // A labelled line with a year does not lend it to a dateline that disagrees.
    let d = doc(
        "c.txt",
        &format!(
            "Cracks found in dam\nPublished: 4 April 2024\n\nBRENNA, March 3 (Nordwire) — {BODY}\n"
        ),
    );
    assert_eq!(
        d.metadata.published.as_ref().unwrap().value,
        PartialDate::ymd(2024, 4, 4)
    );
}

#[test]
fn day_only_dates_stay_partial() {
    let d = doc(
        "a.txt",
        &format!("Weir repairs finish\n\nPublished on the 19th\n\n{BODY}\n"),
    );
    assert_eq!(
        d.metadata.published.as_ref().unwrap().value,
        PartialDate {
            year: None,
            month: None,
            day: Some(19)
        }
    );
}

#[test]
fn trailers_and_copyright_lines() {
    let d = doc(
        "a.txt",
        &format!("Cracks found in dam\n\n{BODY}\n\nSource: Fennpress\n(c) 2025 Sellby Evening News. All rights reserved.\n"),
    );
    let m = &d.metadata;
    let agencies: Vec<&str> = m
        .credited_agencies
        .iter()
        .map(|a| a.value.as_str())
        .collect();
    assert_eq!(agencies, vec!["Fennpress"]);
    assert_eq!(
        m.credited_agencies[0].evidence.source,
        EvidenceSource::Trailer
    );
    let outlet = m.outlet.as_ref().unwrap();
    assert_eq!(outlet.value, "Sellby Evening News");
    assert_eq!(outlet.evidence.source, EvidenceSource::CopyrightLine);
    assert_eq!(d.text(), BODY);
    // © form and a holder followed by a place.
    let d = doc(
        "b.txt",
        &format!("{BODY}\n\n© 2024 The Fenn Valley Post, Sellby. Reprinting prohibited.\n"),
    );
    assert_eq!(
        d.metadata.outlet.as_ref().unwrap().value,
        "The Fenn Valley Post"
    );
    // The circled sign Korean and Japanese pages use.
    let d = doc(
        "c.txt",
        &format!(
            "{BODY}

ⓒ Fennmedia.example
"
        ),
    );
    assert_eq!(
        d.metadata.outlet.as_ref().map(|o| o.value.as_str()),
        Some("Fennmedia.example")
    );
    assert_eq!(d.text(), BODY);
}

#[test]
fn bylines_with_several_authors_and_an_affiliation() {
    let d = doc(
        "a.txt",
        &format!("Cracks found in dam\nBy Mirela Ostvang and Karin Ode, Fennpress\n\n{BODY}\n"),
    );
    let m = &d.metadata;
    let authors: Vec<&str> = m.authors.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(authors, vec!["Mirela Ostvang", "Karin Ode"]);
    assert_eq!(m.authors[0].evidence.source, EvidenceSource::Byline);
    assert_eq!(m.credited_agencies[0].value, "Fennpress");
    assert_eq!(m.title.as_ref().unwrap().value, "Cracks found in dam");
    // A sentence starting with "By" is text, not a byline.
    let d = doc(
        "b.txt",
        &format!("By Wednesday afternoon the crews had left the dam.\n\n{BODY}\n"),
    );
    assert!(d.metadata.authors.is_empty());
    assert!(d.text().starts_with("By Wednesday afternoon"));
}

#[test]
fn language_is_identified_or_taken_from_the_input() {
    let de = "Die Ingenieure fanden am Montag drei Risse im Überlauf des Staudamms, teilte die \
              Wasserbehörde mit, und ordneten an, den Stausee um zwei Meter abzusenken.";
    let d = doc("de.txt", de);
    let lang = d.metadata.language.as_ref().unwrap();
    assert_eq!(lang.value, "de");
    assert_eq!(lang.evidence.source, EvidenceSource::Inferred);
    let rec = format!(r#"{{"language": "fr-FR", "text": "{BODY}"}}"#);
    let d = doc("a.json", &rec);
    let lang = d.metadata.language.as_ref().unwrap();
    assert_eq!(lang.value, "fr");
    assert_eq!(
        lang.evidence.source,
        EvidenceSource::JsonField("language".into())
    );
}

#[test]
fn common_date_forms_in_json_fields() {
    for (raw, want) in [
        ("2025-03-03", "2025-03-03"),
        ("Mon, 03 Mar 2025 08:15:00 +0000", "2025-03-03"),
        ("March 3, 2025", "2025-03-03"),
        ("3 March 2025", "2025-03-03"),
        ("March 2025", "2025-03"),
    ] {
        let rec = format!(r#"{{"date": "{raw}", "text": "{BODY}"}}"#);
        let d = doc("a.json", &rec);
        assert_eq!(
            d.metadata.published.as_ref().unwrap().value.to_iso(),
            want,
            "{raw}"
        );
    }
}

#[test]
fn a_date_line_above_the_headline_with_no_furniture_is_the_publication_date() {
    let d = doc(
        "a.txt",
        &format!("Tuesday, March 4, 2025\nCracks found in Lower Fenn dam\n{BODY}\n"),
    );
    let m = &d.metadata;
    assert_eq!(
        m.published.as_ref().map(|p| p.value),
        Some(PartialDate::ymd(2025, 3, 4))
    );
    assert!(m.page_dates.is_empty(), "{:?}", m.page_dates);
    assert_eq!(
        m.title.as_ref().map(|t| t.value.as_str()),
        Some("Cracks found in Lower Fenn dam")
    );
    assert!(d.text().starts_with("Engineers found"), "{}", d.text());

    // With page furniture above it, the same line is the page's date.
    let d = doc(
        "b.txt",
        &format!("Home | World | Business\nTuesday, March 4, 2025\nCracks found in Lower Fenn dam\n{BODY}\n"),
    );
    assert!(d.metadata.published.is_none(), "{:?}", d.metadata.published);
    assert_eq!(
        d.metadata.page_dates.first().map(|p| p.value),
        Some(PartialDate::ymd(2025, 3, 4))
    );

    // A page dump: today's date, the headline, a share row under it. The row is furniture
    // within two lines of the date, so the date is still the page's.
    let d = doc(
        "c.txt",
        &format!("Tuesday, March 4, 2025\nCracks found in Lower Fenn dam\nShare | Tweet | Email\n{BODY}\n"),
    );
    assert!(d.metadata.published.is_none(), "{:?}", d.metadata.published);
    assert_eq!(
        d.metadata.page_dates.first().map(|p| p.value),
        Some(PartialDate::ymd(2025, 3, 4))
    );
    assert!(d.text().starts_with("Engineers found"), "{}", d.text());
    // The headline over its share row is still the title.
    assert_eq!(
        d.metadata.title.as_ref().map(|t| t.value.as_str()),
        Some("Cracks found in Lower Fenn dam")
    );
}

#[test]
fn a_press_release_marker_is_a_label_and_the_headline_above_it_the_title() {
    let d = doc(
        "release.txt",
        &format!("Varn water board orders Lower Fenn reservoir lowered\nFor immediate release:\nMarch 4, 2025\n{BODY}\n"),
    );
    let m = &d.metadata;
    assert_eq!(
        m.title.as_ref().map(|t| t.value.as_str()),
        Some("Varn water board orders Lower Fenn reservoir lowered")
    );
    assert_eq!(
        m.published.as_ref().map(|p| p.value),
        Some(PartialDate::ymd(2025, 3, 4))
    );
    assert_eq!(d.text(), BODY);

    // "FOR IMMEDIATE RELEASE" with the date on the same line dates the release.
    let d = doc(
        "release2.txt",
        &format!("FOR IMMEDIATE RELEASE March 4, 2025\n\n{BODY}\n"),
    );
    assert_eq!(
        d.metadata.published.as_ref().map(|p| p.value),
        Some(PartialDate::ymd(2025, 3, 4))
    );
    assert_eq!(d.text(), BODY);
}
