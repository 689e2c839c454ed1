//! Cases found by the held-out ECB+ check (`bench/timex/ecbplus.sh`, 2008-2013 web news),
//! each written again on fictional text. Most run without a publication date, the way a web
//! page without one is read.

use triangulate_timex::{find_timexes, Anchor, TimexType};

/// The timexes of `text` read without an anchor, as (covered text, type, value).
fn found(text: &str) -> Vec<(String, &'static str, String)> {
    find_timexes(text, &Anchor::none())
        .into_iter()
        .map(|t| {
            (
                t.span.text(text).unwrap_or("?").to_string(),
                t.kind.as_str(),
                t.value,
            )
        })
        .collect()
}

#[test]
fn a_unit_written_onto_a_number_is_no_year() {
    assert!(found("The climber fell around 2000ft near the Orsk hut.").is_empty());
    assert!(found("She won the 1500m final in Vask.").is_empty());
    // The decade and a year before punctuation are still read.
    assert_eq!(
        found("Orvel songs of the 1990s, recorded in 1994."),
        vec![
            ("the 1990s".into(), "DATE", "199".into()),
            ("1994".into(), "DATE", "1994".into())
        ]
    );
}

#[test]
fn patch_tuesday_is_no_weekday_of_the_story() {
    assert!(found("It is not Patch Tuesday, but Kestrel Soft released a fix.").is_empty());
    // The weekday itself is still read.
    let hits = found("Kestrel Soft released a patch on Tuesday.");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].0, "Tuesday");
    assert_eq!(hits[0].1, TimexType::Date.as_str());
}
