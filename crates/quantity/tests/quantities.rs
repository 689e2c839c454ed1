//! Quantity cases from news copy (all text fictional).
use triangulate_quantity::{find_quantities, Approx, Quantity, QuantityKind as K};

fn find(text: &str) -> Vec<Quantity> {
    find_quantities(text, &triangulate_text::tokenize(text))
}

/// The single quantity in `text`, with its text.
fn one(text: &str) -> (Quantity, &str) {
    let mut q = find(text);
    assert_eq!(q.len(), 1, "{text:?}: {q:#?}");
    let q = q.remove(0);
    let covered = q.span.text(text).unwrap_or("<bad span>");
    (q, covered)
}

#[test]
fn cardinals_in_digits_and_words() {
    let (q, s) = one("The march drew 10,000 people.");
    assert_eq!(
        (q.kind, q.value, q.unit.as_deref(), s),
        (K::Cardinal, Some(10_000.0), Some("people"), "10,000 people")
    );
    let (q, _) = one("Three ministers resigned.");
    assert_eq!((q.value, q.unit.as_deref()), (Some(3.0), Some("ministers")));
    let (q, s) = one("twenty-five villages were flooded");
    assert_eq!((q.value, s), (Some(25.0), "twenty-five villages"));
    let (q, s) = one("it costs 1.2 million");
    assert_eq!((q.value, s), (Some(1_200_000.0), "1.2 million"));
    let (q, _) = one("two hundred and forty soldiers");
    assert_eq!(q.value, Some(240.0));
    let (q, _) = one("a dozen boats");
    assert_eq!(q.value, Some(12.0));
    let (q, _) = one("3.5 tonnes of grain");
    assert_eq!(
        (q.kind, q.value, q.unit.as_deref()),
        (K::Measure, Some(3.5), Some("tonne"))
    );
}

#[test]
fn bare_one_is_not_a_number() {
    assert!(find("one of the ministers left").is_empty());
    assert_eq!(one("one person died").0.value, Some(1.0));
}

#[test]
fn ordinals() {
    let (q, _) = one("the 19th round");
    assert_eq!((q.kind, q.value), (K::Ordinal, Some(19.0)));
    let (q, _) = one("for the first time");
    assert_eq!((q.kind, q.value), (K::Ordinal, Some(1.0)));
    let (q, _) = one("the twenty-first summit");
    assert_eq!(q.value, Some(21.0));
    let (q, _) = one("the second vote");
    assert_eq!(q.value, Some(2.0));
    let (q, _) = one("in 30 seconds");
    assert_eq!(q.kind, K::Duration);
}

#[test]
fn percentages() {
    for text in [
        "rose 12% last year",
        "rose 12 percent",
        "rose 12 per cent",
        "rose twelve percent",
    ] {
        let (q, _) = one(text);
        assert_eq!(
            (q.kind, q.value, q.unit.as_deref()),
            (K::Percent, Some(12.0), Some("percent")),
            "{text}"
        );
    }
    let (q, s) = one("up 0.5 percentage points");
    assert_eq!(
        (q.unit.as_deref(), s),
        (Some("percentage point"), "0.5 percentage points")
    );
}

#[test]
fn money() {
    let (q, s) = one("a $5 million loan");
    assert_eq!(
        (q.kind, q.value, q.currency.as_deref(), s),
        (K::Money, Some(5e6), Some("USD"), "$5 million")
    );
    let (q, s) = one("a €3bn fund");
    assert_eq!(
        (q.value, q.currency.as_deref(), s),
        (Some(3e9), Some("EUR"), "€3bn")
    );
    let (q, s) = one("paid 5 million euros");
    assert_eq!(
        (q.value, q.currency.as_deref(), s),
        (Some(5e6), Some("EUR"), "5 million euros")
    );
    let (q, s) = one("a budget of EUR 3.2 billion");
    assert_eq!(
        (q.value, q.currency.as_deref(), s),
        (Some(3.2e9), Some("EUR"), "EUR 3.2 billion")
    );
    let (q, _) = one("fined £250,000");
    assert_eq!(
        (q.value, q.currency.as_deref()),
        (Some(250_000.0), Some("GBP"))
    );
    let (q, _) = one("up 15 cents");
    assert_eq!(
        (q.kind, q.value, q.unit.as_deref()),
        (K::Money, Some(15.0), Some("cent"))
    );
    let (q, _) = one("raised US$40m");
    assert_eq!((q.value, q.currency.as_deref()), (Some(4e7), Some("USD")));
}

#[test]
fn multipliers() {
    let (q, _) = one("prices rose 9 times");
    assert_eq!((q.kind, q.value), (K::Multiplier, Some(9.0)));
    let (q, _) = one("a ninefold increase");
    assert_eq!((q.kind, q.value), (K::Multiplier, Some(9.0)));
    let (q, _) = one("exports doubled");
    assert_eq!((q.kind, q.value), (K::Multiplier, Some(2.0)));
    let (q, _) = one("the deficit was halved");
    assert_eq!(q.value, Some(0.5));
}

#[test]
fn years() {
    let (q, _) = one("founded in 1987");
    assert_eq!((q.kind, q.value), (K::Year, Some(1987.0)));
    let q = find("elections in 1987, 1994 and 2012");
    let years: Vec<_> = q.iter().map(|q| (q.kind, q.value)).collect();
    assert_eq!(
        years,
        [
            (K::Year, Some(1987.0)),
            (K::Year, Some(1994.0)),
            (K::Year, Some(2012.0))
        ]
    );
    let (q, _) = one("since 2012 prices have risen");
    assert_eq!(q.kind, K::Year);
    let (q, s) = one("in the early 1990s");
    assert_eq!(
        (q.kind, q.range.map(|r| (r.low, r.high)), s),
        (K::Year, Some((1990.0, 1999.0)), "1990s")
    );
    let (q, _) = one("1987 people signed");
    assert_eq!((q.kind, q.unit.as_deref()), (K::Cardinal, Some("people")));
}

#[test]
fn dates_and_times_are_left_to_timex() {
    assert!(find("on March 3 and 4 June at 10:30 and 9 a.m.")
        .iter()
        .all(|q| q.kind != K::Cardinal));
    assert!(find("on 1996-12-06").is_empty());
    assert!(find("dated 08/02/2013 and 2013-02-08").is_empty());
}

/// Pre-tokenised copy (corpora and some scrapers put spaces around every slash) writes
/// numeric dates as five tokens; none of the three numbers is a count.
#[test]
fn spaced_numeric_dates_are_left_to_timex() {
    for text in [
        "Posted 08 / 02 / 2013 by the desk",
        "Posted 8 / 2 / 13 by the desk",
        "updated 2013 - 02 - 08 at noon",
        "on 08 . 02 . 2013 the ferry sank",
    ] {
        assert!(find(text).is_empty(), "{text:?}: {:#?}", find(text));
    }
    // Not dates: a ratio, a score, a fraction, and month 13.
    let halves: Vec<_> = find("a 50 / 50 split").iter().map(|q| q.value).collect();
    assert_eq!(halves, [Some(50.0), Some(50.0)]);
    assert!(!find("won 3 - 1 against the visitors").is_empty());
    assert!(!find("lines 14 / 15 / 16 of the ledger").is_empty());
}

#[test]
fn ranges() {
    let (q, s) = one("10-12 people");
    let r = q.range.expect("range");
    assert_eq!(
        (r.low, r.high, q.value, s),
        (10.0, 12.0, None, "10-12 people")
    );
    let (q, s) = one("between 5 and 7 percent");
    let r = q.range.expect("range");
    assert_eq!(
        (r.low, r.high, q.kind, s),
        (5.0, 7.0, K::Percent, "5 and 7 percent")
    );
    let (q, _) = one("5 to 7 percent");
    assert_eq!(q.range.map(|r| (r.low, r.high)), Some((5.0, 7.0)));
    let (q, _) = one("$5 to 7 million");
    assert_eq!(q.range.map(|r| (r.low, r.high)), Some((5e6, 7e6)));
    let (q, s) = one("between $5 and $7 million");
    assert_eq!(
        (q.range.map(|r| (r.low, r.high)), q.currency.as_deref(), s),
        (Some((5e6, 7e6)), Some("USD"), "$5 and $7 million")
    );
    let (q, _) = one("two or three days");
    assert_eq!(
        (q.kind, q.range.map(|r| (r.low, r.high))),
        (K::Duration, Some((2.0, 3.0)))
    );
}

#[test]
fn a_span_of_years_is_a_year_range_not_a_count() {
    for (text, span) in [
        ("The 2008-2012 period saw strikes.", "2008-2012"),
        ("From 2014 to 2016 the ferry rested.", "2014 to 2016"),
    ] {
        let (q, s) = one(text);
        assert_eq!(
            (q.kind, q.value, q.range.map(|r| (r.low, r.high)), s),
            (
                K::Year,
                None,
                Some((
                    span[..4].parse().unwrap(),
                    span[span.len() - 4..].parse().unwrap()
                )),
                span
            ),
            "{text}"
        );
    }
    // Counts that look like years stay counts.
    let (q, _) = one("between 1200 and 1500 people marched");
    assert_eq!(q.kind, K::Cardinal);
    let (q, _) = one("the 10-2012 score");
    assert_eq!(q.kind, K::Cardinal);
    let (q, _) = one("1200-1500 people marched");
    assert_eq!(q.kind, K::Cardinal);
}

#[test]
fn approximators() {
    let cases = [
        ("over 10,000 people", Approx::MoreThan, 10_000.0),
        ("nearly 300 homes", Approx::Nearly, 300.0),
        ("about 40 km", Approx::About, 40.0),
        ("at least 82 deaths", Approx::AtLeast, 82.0),
        ("up to 5,000 troops", Approx::AtMost, 5_000.0),
        ("more than 1,700 injured", Approx::MoreThan, 1_700.0),
        ("almost 50 percent", Approx::Nearly, 50.0),
        ("some 40 boats", Approx::About, 40.0),
        ("fewer than 20 seats", Approx::LessThan, 20.0),
        ("100 people or more", Approx::AtLeast, 100.0),
    ];
    for (text, approx, value) in cases {
        let (q, s) = one(text);
        assert_eq!(
            (q.approx, q.value, s),
            (Some(approx), Some(value), text),
            "{text}"
        );
    }
}

#[test]
fn units_and_durations_compare_across_wordings() {
    let (a, _) = one("jailed for 20 years");
    let (b, _) = one("jailed for two decades");
    assert_eq!((a.kind, b.kind), (K::Duration, K::Duration));
    let (ca, cb) = (
        a.canonical.expect("canonical"),
        b.canonical.expect("canonical"),
    );
    assert_eq!(ca.unit, "day");
    assert_eq!(ca, cb);
    let (km, _) = one("a 40 km border");
    let (m, _) = one("a 40,000 metres border");
    assert_eq!(
        km.canonical.and_then(|c| c.value),
        m.canonical.and_then(|c| c.value)
    );
    let (q, _) = one("the 48-year-old minister");
    assert_eq!(
        (q.kind, q.value, q.unit.as_deref()),
        (K::Duration, Some(48.0), Some("year"))
    );
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "$",
        "between and",
        "1,00,000",
        "10-",
        "-5",
        "5-",
        "99999999999999999999999999",
        "€",
        "a",
        "or more",
        "1.2.3",
    ] {
        let _ = find(text);
    }
    let q = find_quantities(
        "10",
        &[triangulate_doc::Token {
            span: triangulate_doc::Span::new(5, 9),
        }],
    );
    assert!(q.is_empty());
}

#[test]
fn serializes_to_json() {
    let q = find("over $5 million and 20 years");
    let json = serde_json::to_string(&q).expect("serialize");
    let back: Vec<Quantity> = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, q);
}

#[test]
fn spoken_years_in_transcripts() {
    let (q, s) = one("back in nineteen ninety-six");
    assert_eq!(
        (q.kind, q.value, s),
        (K::Year, Some(1996.0), "nineteen ninety-six")
    );
}

#[test]
fn fractions() {
    let cases = [
        ("half of the votes", 0.5, "half"),
        ("a third of the budget", 1.0 / 3.0, "a third"),
        ("a two-thirds majority", 2.0 / 3.0, "two-thirds"),
        ("three quarters of the homes", 0.75, "three quarters"),
    ];
    for (text, value, covered) in cases {
        let (q, s) = one(text);
        assert_eq!((q.kind, s), (K::Fraction, covered), "{text}");
        assert!((q.value.unwrap_or(0.0) - value).abs() < 1e-9, "{text}");
    }
    assert!(find("in half an hour")
        .iter()
        .all(|q| q.kind != K::Fraction));
    assert!(find("in the first quarter")
        .iter()
        .all(|q| q.kind != K::Fraction));
}

#[test]
fn durations_written_with_fractions_and_articles() {
    let days = |text: &str| -> (f64, String, Option<Approx>) {
        let (q, s) = one(text);
        assert_eq!(q.kind, K::Duration, "{text}");
        let c = q.canonical.expect("canonical");
        assert_eq!(c.unit, "day");
        (c.value.expect("value"), s.to_string(), q.approx)
    };
    let (quarter, s, approx) = days("no visit in nearly a quarter of a century");
    assert_eq!(s, "nearly a quarter of a century");
    assert!(approx.is_some());
    let (years, _, _) = days("no visit in 25 years");
    assert!((quarter - years).abs() < 1e-6, "{quarter} vs {years}");
    let (half, s, _) = days("closed for half a century");
    assert_eq!(s, "half a century");
    assert!((half - 50.0 * 365.25).abs() < 1e-6);
    let (decade, s, _) = days("a feud that lasted a decade");
    assert_eq!(s, "a decade");
    assert!((decade - 3_652.5).abs() < 1e-6);
    let (three_quarters, _, _) = days("talks ran for three quarters of an hour");
    assert!((three_quarters - 0.75 / 24.0).abs() < 1e-9);
    // A bare article before a short unit is a rate or a date, not a length of time.
    assert!(find("the council meets twice a year").is_empty());
    // Plural units after "of" are something else ("a third of the years").
    assert!(find("a third of a years' budget")
        .iter()
        .all(|q| q.kind != K::Duration));
}
