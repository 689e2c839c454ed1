//! The hard cases of news time expressions, on fictional text. Anchor: Monday, March 3, 2025
//! unless a test says otherwise.

use triangulate_doc::PartialDate;
use triangulate_timex::{find_timexes, Anchor, AnchorUse, Timex, TimexType};

fn monday() -> Anchor {
    Anchor::ymd(2025, 3, 3).expect("valid date")
}

/// The timexes of `text`, as (covered text, value).
fn found(text: &str, anchor: &Anchor) -> Vec<(String, String)> {
    find_timexes(text, anchor)
        .into_iter()
        .map(|t| (t.span.text(text).unwrap_or("?").to_string(), t.value))
        .collect()
}

/// The single timex whose text is `phrase`.
fn one(text: &str, anchor: &Anchor, phrase: &str) -> Timex {
    let all = find_timexes(text, anchor);
    let hits: Vec<&Timex> = all
        .iter()
        .filter(|t| t.span.text(text) == Some(phrase))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one timex {phrase:?} in {text:?}, found {:?}",
        found(text, anchor)
    );
    hits[0].clone()
}

fn value(text: &str, phrase: &str) -> String {
    one(text, &monday(), phrase).value
}

#[test]
fn weekday_follows_the_governing_verb() {
    assert_eq!(
        value("The Norvane council will meet on Tuesday.", "Tuesday"),
        "2025-03-04"
    );
    assert_eq!(
        value("The Norvane council met on Tuesday.", "Tuesday"),
        "2025-02-25"
    );
    assert_eq!(
        value(
            "Mayor Ilsa Grent said Tuesday that the bridge had closed.",
            "Tuesday"
        ),
        "2025-02-25"
    );
    assert_eq!(
        value("The vote is expected to take place Friday.", "Friday"),
        "2025-03-07"
    );
    // The anchor's own weekday is the anchor date.
    assert_eq!(
        value("Officials said Monday the port reopened.", "Monday"),
        "2025-03-03"
    );
}

#[test]
fn names_like_united_are_not_past_tense_verbs() {
    assert_eq!(
        value(
            "Her envoy would be travelling to the United Provinces Thursday with aides.",
            "Thursday"
        ),
        "2025-03-06"
    );
}

#[test]
fn last_month_name_is_the_most_recent_past_one() {
    assert_eq!(
        value("Prices fell last September.", "last September"),
        "2024-09"
    );
    assert_eq!(
        value("Prices fell last February.", "last February"),
        "2025-02"
    );
    assert_eq!(
        value("Talks resume next September.", "next September"),
        "2025-09"
    );
}

#[test]
fn month_without_year_takes_the_nearest_year() {
    assert_eq!(
        value("The strike began in December.", "December"),
        "2024-12"
    );
    assert_eq!(value("The harvest ends in April.", "April"), "2025-04");
    assert_eq!(value("The deal closed Dec. 15.", "Dec. 15"), "2024-12-15");
}

#[test]
fn day_ranges_keep_both_ends() {
    let t = one(
        "The Veltran summit runs March 4-5 in Ostrel.",
        &monday(),
        "March 4-5",
    );
    assert_eq!(t.value, "2025-03-04");
    assert_eq!(t.range_end.as_deref(), Some("2025-03-05"));
}

#[test]
fn approximations_keep_their_modifier() {
    let t = one(
        "The feud lasted nearly a quarter of a century.",
        &monday(),
        "nearly a quarter of a century",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P25Y"));
    assert_eq!(t.modifier.as_deref(), Some("LESS_THAN"));

    let t = one(
        "It took more than 20 years.",
        &monday(),
        "more than 20 years",
    );
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("P20Y", Some("MORE_THAN"))
    );

    let t = one(
        "Repairs end by the end of March.",
        &monday(),
        "the end of March",
    );
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2025-03", Some("END"))
    );

    let t = one("Elections come in early 2026.", &monday(), "early 2026");
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2026", Some("START"))
    );

    let t = one(
        "Output rose in the late 1990s.",
        &monday(),
        "the late 1990s",
    );
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("199", Some("END"))
    );
}

#[test]
fn day_of_month_alone() {
    // With an anchor: the 19th before the anchor for a past verb.
    assert_eq!(
        value("The ferry sank on the 19th.", "the 19th"),
        "2025-02-19"
    );
    // Without any anchor the month stays unknown and the timex says it needs completing.
    let t = one("The ferry sank on the 19th.", &Anchor::none(), "the 19th");
    assert_eq!(t.value, "XXXX-XX-19");
    assert_eq!(t.anchored, AnchorUse::Partial);
    assert_eq!(
        t.partial,
        Some(PartialDate {
            year: None,
            month: None,
            day: Some(19)
        })
    );
}

#[test]
fn partial_anchor_gives_partial_values() {
    let year_only = Anchor::on(PartialDate {
        year: Some(2025),
        month: None,
        day: None,
    });
    let t = one("Turnout fell last year.", &year_only, "last year");
    assert_eq!(
        (t.value.as_str(), t.anchored),
        ("2024", AnchorUse::Publication)
    );
    let t = one("The mill shut yesterday.", &year_only, "yesterday");
    assert_eq!(
        (t.value.as_str(), t.anchored),
        ("XXXX-XX-XX", AnchorUse::Partial)
    );
    let t = one("The mill shut Tuesday.", &Anchor::none(), "Tuesday");
    assert_eq!(
        (t.value.as_str(), t.anchored),
        ("XXXX-WXX-2", AnchorUse::Partial)
    );
}

#[test]
fn relative_dates() {
    let text = "Last year exports fell; next week the board meets. Two days ago a \
                ship docked. This month sales rose. In the 1990s the mill thrived. \
                Over the past decade prices doubled. A year earlier the mill was idle. \
                Q3 results and fiscal 2025 targets were set. This summer is dry.";
    let got = found(text, &monday());
    let want = [
        ("Last year", "2024"),
        ("next week", "2025-W11"),
        ("Two days ago", "2025-03-01"),
        ("This month", "2025-03"),
        ("the 1990s", "199"),
        ("the past decade", "P10Y"),
        ("A year earlier", "2024"),
        ("Q3", "2025-Q3"),
        ("fiscal 2025", "2025"),
        ("This summer", "2025-SU"),
    ];
    for (phrase, v) in want {
        assert!(
            got.iter().any(|(t, val)| t == phrase && val == v),
            "{phrase:?} → {v:?} not in {got:?}"
        );
    }
    assert_eq!(
        value("This week the port is shut.", "This week"),
        "2025-W10"
    );
    assert_eq!(
        value("It was built in the 20th century.", "the 20th century"),
        "19"
    );
    assert_eq!(
        value("The third quarter was weak.", "The third quarter"),
        "2024-Q3"
    );
}

#[test]
fn references_to_present_past_and_future() {
    assert_eq!(value("The line is now open.", "now"), "PRESENT_REF");
    assert_eq!(value("The line recently reopened.", "recently"), "PAST_REF");
    assert_eq!(
        value("Fares may rise in the future.", "the future"),
        "FUTURE_REF"
    );
}

#[test]
fn times_of_day() {
    let t = one("The vote opens at 3 p.m. today.", &monday(), "3 p.m. today");
    assert_eq!(
        (t.kind, t.value.as_str()),
        (TimexType::Time, "2025-03-03T15:00")
    );
    assert_eq!(
        value("Trading halted at 8:15 GMT.", "8:15 GMT"),
        "2025-03-03T08:15"
    );
    assert_eq!(value("Crowds gather tonight.", "tonight"), "2025-03-03TNI");
    let t = one(
        "The minister spoke Monday evening.",
        &monday(),
        "Monday evening",
    );
    // A weekday with a part of day is typed DATE (the TBAQ majority), the value keeps TEV.
    assert_eq!(
        (t.kind, t.value.as_str()),
        (TimexType::Date, "2025-03-03TEV")
    );
}

#[test]
fn sets() {
    let t = one("The market opens every Monday.", &monday(), "every Monday");
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Set, "XXXX-WXX-1"));
    assert_eq!(
        value("The bulletin appears every Tuesday.", "every Tuesday"),
        "XXXX-WXX-2"
    );
    let t = one("Inspections run weekly.", &monday(), "weekly");
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Set, "P1W"));
    assert_eq!(value("The fee is paid annually.", "annually"), "P1Y");
    // An adjective before a noun is not a time expression.
    assert!(found("The quarterly report came out.", &monday()).is_empty());
}

#[test]
fn durations() {
    let t = one("The strike lasted three days.", &monday(), "three days");
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P3D"));
    assert_eq!(value("a 16-hour shift", "16-hour"), "PT16H");
    assert_eq!(value("It took 5 1/2 hours.", "5 1/2 hours"), "PT5H30M");
    assert_eq!(value("It took several years.", "several years"), "PXY");
    assert_eq!(
        value("the first nine months", "the first nine months"),
        "P9M"
    );
    // Ages are not durations.
    assert!(found("a 46-year-old fisherman", &monday()).is_empty());
}

#[test]
fn explicit_dates_are_absolute() {
    let t = one("It opened on March 4, 2019.", &monday(), "March 4, 2019");
    assert_eq!(
        (t.value.as_str(), t.anchored),
        ("2019-03-04", AnchorUse::Absolute)
    );
    assert_eq!(
        value("Filed 2019-03-04 in Ostrel.", "2019-03-04"),
        "2019-03-04"
    );
    assert_eq!(value("Dated 3/4/2019.", "3/4/2019"), "2019-03-04");
    assert_eq!(value("He was born in 1961.", "1961"), "1961");
    assert_eq!(
        value("It happened in nineteen ninety-six.", "nineteen ninety-six"),
        "1996"
    );
    assert_eq!(
        value("Sales fell in January last year.", "January last year"),
        "2024-01"
    );
}

#[test]
fn not_time_expressions() {
    let anchor = monday();
    for text in [
        "She may go.",
        "The army will march on.",
        "They paid $1990 for 2000 shares.",
        "About 1,500 people came.",
        "The score was 3-2.",
    ] {
        assert!(
            found(text, &anchor).is_empty(),
            "{text:?}: {:?}",
            found(text, &anchor)
        );
    }
}

#[test]
fn never_panics_on_any_slice() {
    let text = "Late on Tuesday, 3/4/25, at 8:15 p.m. the 19th—naïve «Mar.» ’90s 2025-13-45 \
                Q9 the 99th century every other week, nearly half a decade ago.";
    let anchor = monday();
    let boundaries: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    for (n, &a) in boundaries.iter().enumerate() {
        for &b in boundaries.iter().skip(n).step_by(3) {
            let slice = &text[a..b];
            for t in find_timexes(slice, &anchor) {
                assert!(t.span.text(slice).is_some());
            }
            let _ = find_timexes(slice, &Anchor::none());
        }
    }
}

#[test]
fn documents_are_anchored_on_their_publication_date() {
    use triangulate_doc::{Document, EvidenceSource, MetaValue, Metadata};
    let text = "The Ostrel ferry resumed service yesterday.";
    let metadata = Metadata {
        published: Some(MetaValue::new(
            PartialDate::ymd(2025, 3, 3),
            EvidenceSource::JsonField("date".to_string()),
            None,
            1.0,
        )),
        ..Metadata::default()
    };
    let doc = Document {
        metadata,
        ..Document::from_plain_text("fixture-1", "fixture.txt", text)
    };

    let found = triangulate_timex::find_timexes_in(&doc);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value, "2025-03-02");
    assert_eq!(doc.original_text(found[0].span), "yesterday");
}

#[test]
fn a_close_future_marker_moves_a_month_ahead() {
    // Anchor March 3, 2025: January is nearer in the past, but the verb says it is ahead.
    assert_eq!(
        value("The levy would take effect in January.", "January"),
        "2026-01"
    );
    assert_eq!(
        value("The levy took effect in January.", "January"),
        "2025-01"
    );
    // "last" as a verb is not "the last two days".
    let text = "The hearings will last two days.";
    assert_eq!(
        found(text, &monday()),
        [("two days".to_string(), "P2D".to_string())]
    );
}

#[test]
fn short_spans_after_another_event_are_durations() {
    // TimeML: "three days later" tags the length; "later" only links it to the event.
    let text = "The Orvel ferry sank on Feb. 20. Three days later, divers reached it.";
    let t = one(text, &monday(), "Three days");
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P3D"));
    let text = "The Kestin mill closed. A week earlier, its owner had resigned.";
    assert_eq!(one(text, &monday(), "A week").value, "P1W");
    // Years still name the year before (news usage, TimeBank).
    assert_eq!(
        value(
            "Sales at Brackwell rose to $4 million from $3 million a year earlier.",
            "a year earlier"
        ),
        "2024"
    );
}

#[test]
fn narrative_days_count_from_the_last_day_named() {
    let text = "The Halden strike began on Feb. 12. That day, the port closed. \
                The next day, talks failed, and the following morning the mayor resigned.";
    let anchor = monday();
    assert_eq!(one(text, &anchor, "That day").value, "2025-02-12");
    assert_eq!(one(text, &anchor, "The next day").value, "2025-02-13");
    // Each narrative day becomes the reference of the next one.
    assert_eq!(
        one(text, &anchor, "the following morning").value,
        "2025-02-14"
    );
    // A resolved weekday is a reference too.
    let text = "Protesters gathered in Velmar on Saturday. The same day, the council met.";
    assert_eq!(one(text, &anchor, "The same day").value, "2025-03-01");
    // With no day named before, "the next day" counts from the anchor ...
    assert_eq!(
        value("The Tarsk board will decide the next day.", "the next day"),
        "2025-03-04"
    );
    // ... and "that day" is generic, not a date.
    assert!(found("Traders who sold that day lost money.", &anchor).is_empty());
}

#[test]
fn since_and_ended_put_a_month_before_the_anchor() {
    // Anchor March 3, 2025: April is nearer ahead, but "since" and "ended" look back.
    assert_eq!(
        value("Prices in Dunmere have doubled since April.", "April"),
        "2024-04"
    );
    assert_eq!(
        value(
            "In the fiscal year ended April 30, Corvel Mills lost money.",
            "April 30"
        ),
        "2024-04-30"
    );
    // Without them, the nearest year wins as before.
    assert_eq!(
        value("The Dunmere fair opens in April.", "April"),
        "2025-04"
    );
}

#[test]
fn a_weekday_after_until_is_a_deadline_ahead() {
    assert_eq!(
        value(
            "The court postponed the hearing until Thursday.",
            "Thursday"
        ),
        "2025-03-06"
    );
    assert_eq!(
        value(
            "Officials extended the deadline until 9 a.m. Friday.",
            "9 a.m. Friday"
        ),
        "2025-03-07T09:00"
    );
    // Sentence-initial "Until" looks back from that day.
    assert_eq!(
        value(
            "Until Thursday, police had not named a suspect.",
            "Thursday"
        ),
        "2025-02-27"
    );
}

#[test]
fn year_end_and_full_year_name_the_current_year() {
    let t = one(
        "Brackwell expects to complete the sale of its Orvel unit by year-end.",
        &monday(),
        "year-end",
    );
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2025", Some("END"))
    );
    assert_eq!(
        value("The Velmar index is up 4% since year-end.", "year-end"),
        "2024"
    );
    assert_eq!(
        value(
            "Kestin Foods forecast higher sales for the full year.",
            "the full year"
        ),
        "2025"
    );
}

#[test]
fn the_latest_period_is_the_quarter_reported() {
    let text = "Tarsk Mining reported a loss for the fourth quarter. \
                Revenue in the latest period rose 5%.";
    // Anchor March 3, 2025: the fourth quarter reported is 2024-Q4.
    assert_eq!(one(text, &monday(), "the latest period").value, "2024-Q4");
    // Without a quarter named, "the latest period" is no timex.
    assert!(found("Revenue in the latest period rose 5%.", &monday()).is_empty());
}

#[test]
fn year_earlier_after_an_article_is_the_adjective() {
    let text = "Orvel Shipping posted a third-quarter loss, compared with a year-earlier loss of $2 million.";
    // The third quarter reported in March 2025 is 2024-Q3; the year before it, 2023-Q3.
    let t = one(text, &monday(), "year-earlier");
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Date, "2023-Q3"));
}

#[test]
fn counts_per_unit_recur() {
    let text = "Kestin Air will add four flights a week to Dunmere.";
    let t = one(text, &monday(), "a week");
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Set, "P1W"));
    // A length stays a length.
    let t = one("The Halden talks lasted a week.", &monday(), "a week");
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P1W"));
}

#[test]
fn the_past_year_is_the_year_before() {
    let t = one(
        "Membership of the Dunmere guild fell over the past year.",
        &monday(),
        "the past year",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Date, "2024"));
    // Other units stay lengths of time.
    let t = one(
        "Membership of the Dunmere guild fell over the past decade.",
        &monday(),
        "the past decade",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P10Y"));
}

#[test]
fn recent_years_and_then_current_are_past_references() {
    assert_eq!(
        value("Tarsk Mining grew quickly in recent years.", "recent years"),
        "PAST_REF"
    );
    assert_eq!(
        value(
            "Holders may buy shares at half the then current price.",
            "then current"
        ),
        "PAST_REF"
    );
    // "recent months" stays a vague stretch.
    assert_eq!(
        value("Prices in Velmar rose in recent months.", "recent months"),
        "PXM"
    );
}

#[test]
fn since_governs_its_whole_clause() {
    assert_eq!(
        value(
            "Since Brackwell bought the Orvel mill in April, output has doubled.",
            "April"
        ),
        "2024-04"
    );
}

#[test]
fn twenty_four_hours_is_a_day_but_other_hours_stay_hours() {
    assert_eq!(
        value("The Halden vigil lasted 24 hours.", "24 hours"),
        "P1D"
    );
    assert_eq!(
        value(
            "The Halden vigil lasted at least 72 hours.",
            "at least 72 hours"
        ),
        "PT72H"
    );
}

#[test]
fn election_day_and_titles() {
    // Anchor March 3, 2025; "will" points ahead: the Tuesday after the first Monday of
    // November 2025.
    assert_eq!(
        value(
            "The Dunmere vote will be held on Election Day.",
            "Election Day"
        ),
        "2025-11-04"
    );
    // A title-cased "This Week" inside a sentence is a programme, not a week.
    assert!(found(
        "Mayor Ilsa Grent said on Velmar TV's \"This Week\" that the bridge will reopen.",
        &monday()
    )
    .iter()
    .all(|(text, _)| text != "This Week"));
    assert_eq!(
        value("This week the bridge reopened.", "This week"),
        "2025-W10"
    );
}

#[test]
fn coordinated_day_numbers_share_the_month() {
    let text = "The Halden summit is on April 24 and 25 in Velmar.";
    assert_eq!(one(text, &monday(), "25").value, "2025-04-25");
    // An amount after "and" is not a day.
    let text = "The Halden summit is on April 24 and 25 delegates will attend.";
    assert!(found(text, &monday()).iter().all(|(t, _)| t != "25"));
}

#[test]
fn clock_hours_with_a_part_of_day() {
    assert_eq!(
        value(
            "The Orvel ferry sails at 4 in the morning.",
            "4 in the morning"
        ),
        "2025-03-03T04:00"
    );
    assert_eq!(
        value(
            "The Orvel ferry sails at 8 in the evening.",
            "8 in the evening"
        ),
        "2025-03-03T20:00"
    );
}

#[test]
fn scheduled_events_in_the_present_tense_lie_ahead() {
    assert_eq!(
        value("Minister Tolan leaves Thursday for Dunmere.", "Thursday"),
        "2025-03-06"
    );
}

#[test]
fn the_future_as_a_topic_is_no_time() {
    assert_eq!(
        value(
            "Velmar will build more ferries in the future.",
            "the future"
        ),
        "FUTURE_REF"
    );
    assert!(found("The future of the Orvel mill is unclear.", &monday()).is_empty());
    assert!(found("Tolan has no approach to the future.", &monday()).is_empty());
}

#[test]
fn average_daily_is_a_statistic() {
    assert!(found(
        "The Velmar exchange's average daily volume rose.",
        &monday()
    )
    .is_empty());
    assert_eq!(value("Tarsk Mining reports daily.", "daily"), "P1D");
}

#[test]
fn scheduled_present_and_expected_arrivals_read_forwards() {
    // News writes a schedule in the present tense and arrivals as "expected": both lie ahead.
    assert_eq!(
        value("The Olm trade fair ends on Wednesday.", "Wednesday"),
        "2025-03-05"
    );
    assert_eq!(
        value(
            "Envoy Mirel Tasko is expected back in Kestra on Thursday.",
            "Thursday"
        ),
        "2025-03-06"
    );
    // A past form still reads backwards.
    assert_eq!(
        value("The Olm trade fair ended on Wednesday.", "Wednesday"),
        "2025-02-26"
    );
}

#[test]
fn a_year_earlier_after_a_multi_quarter_period_is_the_year() {
    // Earnings news: after "the nine months" the comparison is with the year before, not
    // with the quarter the story opened on; naming the quarter again brings it back.
    let anchor = Anchor::ymd(2025, 10, 24).expect("valid date");
    let text = "Velmar Freight said third-quarter net rose to $8 million from $6 million a year \
                earlier. For the nine months, net was $20 million, up from $15 million a year \
                earlier. Sales in the latest quarter rose 4% from a year ago.";
    let values: Vec<String> = find_timexes(text, &anchor)
        .into_iter()
        .filter(|t| {
            matches!(
                t.span.text(text),
                Some("a year earlier") | Some("a year ago")
            )
        })
        .map(|t| t.value)
        .collect();
    assert_eq!(values, ["2024-Q3", "2024", "2024-Q3"]);
}

#[test]
fn accounting_years() {
    let anchor = Anchor::ymd(2025, 10, 24).expect("valid date");
    let text = "Orvel Foods earned $4 million in the year ended June 30 and expects a gain in \
                the current fiscal year. Sales in the latest fiscal year were flat. Shares hit \
                a high for the year in May. The mill had closed the year before.";
    assert_eq!(
        found(text, &anchor),
        [
            ("the year".to_string(), "P1Y".to_string()),
            ("June 30".to_string(), "2025-06-30".to_string()),
            ("the current fiscal year".to_string(), "2025".to_string()),
            ("the latest fiscal year".to_string(), "2024".to_string()),
            ("the year".to_string(), "2025".to_string()),
            ("May".to_string(), "2025-05".to_string()),
        ]
    );
    let first = find_timexes(text, &anchor);
    assert_eq!(first.first().map(|t| t.kind), Some(TimexType::Duration));
    // Only a date after "ended" makes an accounting year.
    assert!(
        find_timexes("For Orvel, the year ended with a loss.", &anchor)
            .iter()
            .all(|t| t.kind != TimexType::Duration)
    );
    // A title is no time: "player of the year".
    assert!(found("Ilsa Grent was named player of the year.", &anchor).is_empty());
    assert_eq!(
        value(
            "Orvel Foods earned $9 million in the first nine months of the year.",
            "the year"
        ),
        "2025"
    );
}

#[test]
fn past_perfect_plans_and_fronted_weekdays() {
    // A deadline that "had been due" lay ahead of a past moment: the day is behind us.
    assert_eq!(
        value(
            "The Tarsk offer had been due to expire Friday evening.",
            "Friday evening"
        ),
        "2025-02-28TEV"
    );
    assert_eq!(
        value(
            "The Tarsk offer had been scheduled to expire at midnight Friday.",
            "midnight Friday"
        ),
        "2025-02-28T24:00"
    );
    // A weekday that opens its sentence takes the tense of the clause's main verb, however
    // long the subject.
    assert_eq!(
        value(
            "On Thursday, the Velmar Association of Independent Ferry Owners and Pilots plans to \
             hold a vote.",
            "Thursday"
        ),
        "2025-03-06"
    );
    assert_eq!(
        value(
            "On Thursday, the Velmar Association of Independent Ferry Owners and Pilots held a \
             vote.",
            "Thursday"
        ),
        "2025-02-27"
    );
}

#[test]
fn a_bare_clock_time_is_on_the_day_the_story_is_at() {
    // The story is at Thursday; "at 10:35 a.m." is Thursday's, not the publication day's.
    let text = "The Orvel dam gave way on Thursday. Engineers said the first crack appeared at \
                10:35 a.m.";
    assert_eq!(value(text, "10:35 a.m."), "2025-02-27T10:35");
    // With no day named, the anchor's.
    assert_eq!(
        value("The Orvel council meets at 4 p.m.", "4 p.m."),
        "2025-03-03T16:00"
    );
}

#[test]
fn parts_of_days_and_narrative_weekdays() {
    assert_eq!(
        value(
            "Trading in Velmar shares stopped in mid-afternoon yesterday.",
            "mid-afternoon yesterday"
        ),
        "2025-03-02TAF"
    );
    assert_eq!(
        value("The Tolan storm peaked in late evening.", "late evening"),
        "2025-03-03TEV"
    );
    // Used as an adjective it is no time: "late-night television".
    assert!(found("Velmar TV cut its late-night talk show.", &monday()).is_empty());
    // "the previous Friday" counts back from the day the story is at.
    let text = "The Orvel index fell on Friday, Feb. 28, down 3% from the previous Friday.";
    assert_eq!(value(text, "the previous Friday"), "2025-02-21");
}

#[test]
fn quarters_and_halves_joined_to_their_reference() {
    let anchor = Anchor::ymd(2025, 10, 24).expect("valid date");
    let text = "Orvel Bank lost $3 million in the third quarter. For the quarter a year ago, it \
                earned $2 million. Deposits grew through the last half of the '10s. Lenders \
                expect to sell assets in the weeks ahead.";
    assert_eq!(
        found(text, &anchor),
        [
            ("the third quarter".to_string(), "2025-Q3".to_string()),
            ("the quarter a year ago".to_string(), "2024-Q3".to_string()),
            ("the last half of the '10s".to_string(), "201".to_string()),
            ("the weeks ahead".to_string(), "PXW".to_string()),
        ]
    );
}

#[test]
fn movable_feasts_take_the_nearest_occurrence() {
    // Easter 2025 is April 20: a week before it, "Easter week" is that week even in a past
    // tense sentence; well after it, plain "Easter" is the one just past.
    let before = Anchor::ymd(2025, 4, 14).expect("valid date");
    let text = "Pilgrims crowded Velmar as Easter week began.";
    assert_eq!(one(text, &before, "Easter week").value, "2025-W16");
    let after = Anchor::ymd(2025, 9, 1).expect("valid date");
    assert_eq!(
        one("The Orvel ferry sank at Easter.", &after, "Easter").value,
        "2025-04-20"
    );
}

#[test]
fn deadlines_and_year_earlier_periods() {
    // "by August" with a future verb anywhere in the clause is a deadline ahead.
    assert_eq!(
        value(
            "The Velmar line will almost double its ferries between Orvel and the northern \
             islands by August.",
            "August"
        ),
        "2025-08"
    );
    let anchor = Anchor::ymd(2025, 10, 24).expect("valid date");
    let text = "For the nine months, Tarsk Mining earned $9 million. In the year-earlier period \
                it earned $7 million. Net for the year-earlier nine months included a gain.";
    assert_eq!(
        found(text, &anchor),
        [
            ("the nine months".to_string(), "P9M".to_string()),
            ("the year-earlier period".to_string(), "P9M".to_string()),
            (
                "the year-earlier nine months".to_string(),
                "P9M".to_string()
            ),
        ]
    );
}

#[test]
fn todays_world_is_no_date() {
    assert!(found("The Tolan case speaks to today's youth.", &monday()).is_empty());
    assert_eq!(
        value("Today's vote in Orvel was close.", "Today"),
        "2025-03-03"
    );
}

#[test]
fn more_and_most_recently() {
    assert_eq!(
        found(
            "Three Orvel mills closed, most recently last October.",
            &monday()
        ),
        [("last October".to_string(), "2024-10".to_string())]
    );
    assert_eq!(
        value(
            "More recently, Tarsk Mining sold its port.",
            "More recently"
        ),
        "PAST_REF"
    );
}

#[test]
fn a_sentence_can_open_after_a_closing_quote() {
    let text = "\"The financing still remains.\" Last April, Orvel Foods bid for the mill.";
    assert_eq!(value(text, "Last April"), "2024-04");
    // A title-cased programme name after a possessive is still a name.
    assert!(found("Mayor Grent spoke on Velmar TV's \"This Week.\"", &monday()).is_empty());
}

#[test]
fn now_that_is_the_present() {
    assert_eq!(
        value(
            "Orvel is the only port now that the Tarsk road has closed.",
            "now"
        ),
        "PRESENT_REF"
    );
    // "from now" stays part of the offset before it.
    assert_eq!(
        value(
            "The Velmar dam opens two weeks from now.",
            "two weeks from now"
        ),
        "2025-W12"
    );
}

#[test]
fn plural_present_schedules_lie_ahead() {
    assert_eq!(
        value(
            "Mayor Grent and Chief Olund meet separately Tuesday with the Velmar envoy.",
            "Tuesday"
        ),
        "2025-03-04"
    );
    assert_eq!(
        value("The Orvel markets open Friday after the holiday.", "Friday"),
        "2025-03-07"
    );
    // An infinitive, a negated past and a noun are no schedule.
    assert_eq!(
        value("The envoys did not meet Friday.", "Friday"),
        "2025-02-28"
    );
    assert_eq!(
        value("Tarsk shares rose 4% at Friday's close.", "Friday"),
        "2025-02-28"
    );
}

#[test]
fn a_month_opening_its_sentence_takes_the_main_verb() {
    let late_october = Anchor::ymd(2025, 10, 27).expect("valid date");
    let text = "Orvel Foods changed its fiscal year in December. In January, the board of \
                Orvel Foods brought in a new chief executive, Ilsa Grent.";
    assert_eq!(one(text, &late_october, "January").value, "2025-01");
    // Without a past main verb the nearer January ahead stays.
    let text = "In January, Orvel Foods opens its second mill in Tarsk.";
    assert_eq!(one(text, &late_october, "January").value, "2026-01");
}

#[test]
fn a_lowercase_march_after_this_is_a_protest() {
    assert!(found(
        "Olund was arrested at this march in each of the last two years.",
        &monday()
    )
    .iter()
    .all(|(text, _)| text != "this march"));
    assert_eq!(
        value("The Velmar budget passed this March.", "this March"),
        "2025-03"
    );
}

#[test]
fn high_noon_is_an_idiom() {
    assert!(found(
        "\"For the people of Orvel, high noon comes today,\" Grent said.",
        &monday()
    )
    .iter()
    .all(|(text, _)| !text.contains("noon")));
    assert_eq!(
        value("The Orvel council meets at noon.", "noon"),
        "2025-03-03T12:00"
    );
}

#[test]
fn a_possessive_weekday_names_a_past_event() {
    let text = "The Grent family said they would look for ways to get around Thursday's ruling \
                by the Velmar court.";
    assert_eq!(value(text, "Thursday"), "2025-02-27");
    assert!(found(text, &monday())
        .iter()
        .all(|(text, _)| !text.starts_with("around")));
    assert_eq!(
        value("Mayor Grent will attend Thursday's vote.", "Thursday"),
        "2025-03-06"
    );
    // Before a plain weekday "around" is still an approximation.
    assert_eq!(
        one(
            "The Tarsk ferry returns around Thursday.",
            &monday(),
            "around Thursday"
        )
        .modifier,
        Some("APPROX".to_string())
    );
}

#[test]
fn a_unit_long_adjective_is_a_duration() {
    assert_eq!(
        value(
            "Orvel lawyers left their third day-long meeting.",
            "day-long"
        ),
        "P1D"
    );
    assert_eq!(
        value("the Velmar council's decades-long dispute", "decades-long"),
        "PXDE"
    );
    assert_eq!(
        value("The Tarsk fleet ended a week-long strike.", "week-long"),
        "P1W"
    );
}

fn on(year: i32, month: u8, day: u8) -> Anchor {
    Anchor::ymd(year, month, day).expect("valid date")
}

#[test]
fn a_half_of_the_year_is_one_expression_of_the_year_the_text_is_about() {
    // Whatever the tense of the report, "the year" is the anchor's year.
    assert_eq!(
        value(
            "Brell Foods said it expected margins to recover in the second half of the year.",
            "the second half of the year"
        ),
        "2025-H2"
    );
}

#[test]
fn the_full_year_is_the_year_of_the_reported_quarter() {
    // A January report of the fourth quarter: the full year is the one just ended.
    let text = "Brell Foods posted a fourth-quarter loss on Thursday. For the full year, profit \
                fell 38 percent.";
    assert_eq!(one(text, &on(2025, 1, 23), "the full year").value, "2024");
    // Without a quarter before it, the anchor's year.
    assert_eq!(
        one("Sales for the full year rose.", &monday(), "the full year").value,
        "2025"
    );
}

#[test]
fn going_to_the_polls_and_expected_deadlines_lie_ahead() {
    assert_eq!(
        value("Voters in Ardel go to the polls on Sunday.", "Sunday"),
        "2025-03-09"
    );
    assert_eq!(
        value("The new levy goes into effect Friday.", "Friday"),
        "2025-03-07"
    );
    assert_eq!(
        value(
            "Polls closed, with results expected by Thursday.",
            "Thursday"
        ),
        "2025-03-06"
    );
    // A past auxiliary keeps the deadline in the past.
    assert_eq!(
        value("The verdict was expected by Thursday.", "Thursday"),
        "2025-02-27"
    );
}

#[test]
fn a_month_or_season_after_until_is_a_deadline_ahead() {
    // In February, June is nearer behind than ahead; "until" puts it ahead.
    let text = "The council voted on Wednesday to extend the curfew until the end of June.";
    assert_eq!(
        one(text, &on(2025, 2, 14), "the end of June").value,
        "2025-06"
    );
    assert_eq!(
        value(
            "Officials said the drought could last until the autumn.",
            "the autumn"
        ),
        "2025-FA"
    );
    // A past span is no deadline: "lived there until March" in July is the March before.
    let text = "He lived in Varlow until March, his sister said.";
    assert_eq!(one(text, &on(2025, 7, 10), "March").value, "2025-03");
    let text = "The talks were suspended until March.";
    assert_eq!(one(text, &on(2025, 7, 10), "March").value, "2026-03");
    // A present state lasting up to the month ends ahead; the same state in the past does not.
    let text = "The museum in Zürich is closed until March.";
    assert_eq!(one(text, &on(2025, 10, 15), "March").value, "2026-03");
    let text = "Schools remain shut until June, officials said.";
    assert_eq!(one(text, &on(2025, 10, 15), "June").value, "2026-06");
    let text = "He said the road was closed until March.";
    assert_eq!(one(text, &on(2025, 10, 15), "March").value, "2025-03");
}

#[test]
fn a_present_expectation_looks_ahead() {
    assert_eq!(
        value(
            "Analysts expect the merger to lift revenue in the fourth quarter.",
            "the fourth quarter"
        ),
        "2025-Q4"
    );
    // A surprise is looked back on: the fourth quarter reported is last year's.
    assert_eq!(
        value(
            "Nobody had seen the loss coming; investors did not expect the fourth quarter to \
             be so weak, the chairman said.",
            "the fourth quarter"
        ),
        "2024-Q4"
    );
}

#[test]
fn a_quarter_named_by_its_length_is_the_reference_of_a_year_ago() {
    let text = "Orsk sold 4.1 million tablets in the three months to June, up from 2.6 million a \
                year ago.";
    assert_eq!(one(text, &on(2025, 9, 12), "a year ago").value, "2024-Q2");
}

#[test]
fn the_quarter_ended_a_month_is_the_quarter_it_closes() {
    // Sept. 30 closes the third quarter; "a year earlier" then is that quarter a year before.
    let text = "For the quarter ended Sept. 30, Tarvel Air earned $13 million, up from $10 \
                million a year earlier.";
    let anchor = on(2025, 10, 24);
    assert_eq!(one(text, &anchor, "the quarter").value, "2025-Q3");
    assert_eq!(one(text, &anchor, "a year earlier").value, "2024-Q3");
    // A fiscal quarter ended July 31 spans May to July: mostly the second quarter.
    assert_eq!(
        one(
            "In the quarter ended July 31, Brisk Print had 5.6 million shares outstanding.",
            &anchor,
            "the quarter"
        )
        .value,
        "2025-Q2"
    );
    // The company's own numbering, named before, stands.
    let text = "Solvane posted a fiscal first-quarter profit. Sales for the quarter ended Sept. \
                29 rose 39%.";
    assert_eq!(one(text, &anchor, "the quarter").value, "2025-Q1");
}

#[test]
fn a_fiscal_quarter_reported_in_its_calendar_quarter_is_a_reference() {
    // In November, a reported fourth quarter is a fiscal one that has ended.
    let text = "Varne Foods reported a 47% decline in fourth-quarter earnings. It earned $45 \
                million, compared with $85 million a year earlier. Sales in the latest period \
                rose 13%.";
    let anchor = on(2025, 11, 2);
    assert_eq!(one(text, &anchor, "a year earlier").value, "2024-Q4");
    assert_eq!(one(text, &anchor, "the latest period").value, "2025-Q4");
    // A fourth quarter still ahead is no reference: "a year earlier" is the year.
    let text = "Varne Foods expects fourth-quarter earnings to fall. It earned $45 million in \
                2025, compared with $85 million a year earlier.";
    assert_eq!(one(text, &anchor, "a year earlier").value, "2024");
}

#[test]
fn last_year_compared_with_a_quarters_figure_is_that_quarter() {
    let anchor = on(2025, 10, 30);
    let text = "Orvel Insurance posted third-quarter earnings of $24 million, compared with a \
                loss of $3 million last year.";
    assert_eq!(one(text, &anchor, "last year").value, "2024-Q3");
    let text = "Third-quarter sales were $1.76 billion, a 13% increase from last year's $1.55 \
                billion.";
    assert_eq!(one(text, &anchor, "last year").value, "2024-Q3");
    // Not a compared figure: the year.
    let text =
        "Orvel posted third-quarter earnings of $24 million. Its founder resigned last year.";
    assert_eq!(one(text, &anchor, "last year").value, "2024");
}

#[test]
fn a_quarter_after_an_indefinite_article_is_no_reference() {
    let anchor = on(2025, 11, 1);
    let text = "Kelvane posted a 20% gain in third-quarter net income. After a flat second \
                quarter, it cited better prices. In the 2025 period, tax rates were lower than \
                a year ago.";
    assert_eq!(one(text, &anchor, "a year ago").value, "2024-Q3");
    // "a third-quarter loss": the article is the loss's; the quarter is the reference.
    let text = "Savel reported a third-quarter net loss, compared with a profit a year earlier.";
    assert_eq!(one(text, &anchor, "a year earlier").value, "2024-Q3");
    // The object of a reporting verb is the reported quarter, article or not.
    let text = "Ostrel posted a record third quarter, with profit of $5 million compared with \
                $3 million a year earlier.";
    assert_eq!(one(text, &anchor, "a year earlier").value, "2024-Q3");
}

#[test]
fn the_corresponding_period_last_year_is_the_reported_quarter_a_year_back() {
    let anchor = on(2025, 11, 1);
    let text = "Delvin Corp. posted a third-quarter loss. These results compare with net income \
                of $1.8 million for the corresponding period last year. U.K. sales for last \
                year's quarter were about $3 million.";
    assert_eq!(
        one(text, &anchor, "the corresponding period last year").value,
        "2024-Q3"
    );
    assert_eq!(one(text, &anchor, "last year's quarter").value, "2024-Q3");
    assert_eq!(
        one(
            "Sales rose from the same quarter a year ago.",
            &anchor,
            "the same quarter a year ago"
        )
        .value,
        "2024-Q3"
    );
}

#[test]
fn a_capitalised_march_before_a_noun_names_the_month() {
    let text = "The March accession will let the three states sign the treaty.";
    assert_eq!(one(text, &on(2025, 2, 10), "March").value, "2025-03");
    // A march as an event, or a name, is no month.
    assert!(found("They joined the March on Varlow.", &monday()).is_empty());
    assert!(found("Funds went to the March of Coins.", &monday()).is_empty());
}

#[test]
fn the_two_thousands_are_a_decade() {
    assert_eq!(
        value("Prices peaked in the mid-2000s.", "the mid-2000s"),
        "200"
    );
    assert_eq!(value("Mills closed in the 1800s.", "the 1800s"), "18");
}

#[test]
fn this_past_weekend_is_the_last_weekend() {
    let t = one(
        "The ban was lifted this past weekend.",
        &on(2025, 10, 23),
        "this past weekend",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Date, "2025-W42-WE"));
}

#[test]
fn years_later_count_from_the_last_year_given() {
    let text = "Dalla Orne was elected in 2008 and re-elected four years later.";
    assert_eq!(value(text, "four years later"), "2012");
    // With no year given, only the length is tagged.
    let t = one(
        "She left and came back two years later.",
        &monday(),
        "two years",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P2Y"));
}

#[test]
fn a_quarter_named_by_its_months() {
    let anchor = on(2025, 10, 24);
    let text = "Kessu Motors said profit rose in the July-September quarter from the previous \
                quarter.";
    assert_eq!(
        one(text, &anchor, "the July-September quarter").value,
        "2025-Q3"
    );
    assert_eq!(one(text, &anchor, "the previous quarter").value, "2025-Q2");
    assert_eq!(
        one(
            "Sales in the April-June period fell.",
            &anchor,
            "the April-June period"
        )
        .value,
        "2025-Q2"
    );
}

#[test]
fn a_period_after_a_short_name_ends_the_sentence() {
    // "May." is no abbreviation: the next sentence's "will" does not move May ahead.
    let text = "Exports rose 6 percent in May. The plant will open by mid-2026.";
    assert_eq!(one(text, &on(2025, 10, 24), "May").value, "2025-05");
}

#[test]
fn a_past_verb_right_before_a_day_outweighs_a_nearer_future_date() {
    let anchor = on(2025, 9, 18);
    // January 5 is nearer ahead, but "was arrested on" is about that very day.
    let text = "Police said the suspect was arrested on Jan. 5 in Velmar.";
    assert_eq!(one(text, &anchor, "Jan. 5").value, "2025-01-05");
    // Only "said" in the sentence: the nearer date wins.
    let text = "The minister said Jan. 5 would be the date.";
    assert_eq!(one(text, &anchor, "Jan. 5").value, "2026-01-05");
}

#[test]
fn deadlines_with_a_modal_and_planned_events_lie_ahead() {
    let anchor = on(2025, 9, 18);
    let text = "Forecasters said winds could reach 190 kph by Tuesday afternoon.";
    assert_eq!(
        one(text, &anchor, "Tuesday afternoon").value,
        "2025-09-23TAF"
    );
    // A past perfect keeps the deadline behind.
    let text = "Forty members had filed reports by Wednesday.";
    assert_eq!(one(text, &anchor, "Wednesday").value, "2025-09-17");
    let text = "A 24-hour strike is planned for Friday.";
    assert_eq!(one(text, &anchor, "Friday").value, "2025-09-19");
    let text = "Enrollment opened this month and runs through March 31.";
    assert_eq!(one(text, &anchor, "March 31").value, "2026-03-31");
}

#[test]
fn more_holidays() {
    let anchor = on(2025, 8, 20);
    let text = "Lawmakers return after Labor Day. The final will be played on Boxing Day.";
    assert_eq!(one(text, &anchor, "Labor Day").value, "2025-09-01");
    assert_eq!(one(text, &anchor, "Boxing Day").value, "2025-12-26");
    let text = "Parades were held on Memorial Day.";
    assert_eq!(one(text, &anchor, "Memorial Day").value, "2025-05-26");
    // A lower-case "labor day" is a day's work.
    assert!(found("It was a long labor day for the crew.", &anchor).is_empty());
}

#[test]
fn recently_is_past_ref_wherever_it_stands() {
    // The TimeML guidelines tag "recently" as PAST_REF whatever its position; the TBAQ gold
    // leaves it untagged between an auxiliary and its participle three times, which is too
    // small a sample to call a convention.
    assert_eq!(
        value("The search was recently extended to Ostrel.", "recently"),
        "PAST_REF"
    );
    assert_eq!(
        value("They have recently moved to Brenna.", "recently"),
        "PAST_REF"
    );
    assert_eq!(
        value("Marvel Foods recently cut its dividend.", "recently"),
        "PAST_REF"
    );
}

#[test]
fn the_following_month_counts_from_the_last_month_named() {
    let anchor = on(2025, 10, 27);
    let text = "In March, the Velde family urged the board to act. The following month, the \
                company put itself up for sale.";
    assert_eq!(one(text, &anchor, "The following month").value, "2025-04");
}

#[test]
fn periods_to_a_month_halves_and_schedules() {
    let anchor = on(2025, 11, 20);
    // A period "to March" has ended: the March before, and "to" does not block the month.
    let text = "Sales in the 12 months to March rose 5 percent.";
    assert_eq!(one(text, &anchor, "March").value, "2025-03");
    assert!(found("Protesters plan to march on Friday.", &anchor)
        .iter()
        .all(|(t, _)| t != "march"));
    assert_eq!(
        one("Sales rose in H1 2025.", &anchor, "H1 2025").value,
        "2025-H1"
    );
    assert_eq!(
        one("The rally is set for noon Friday.", &anchor, "noon Friday").value,
        "2025-11-21T12:00"
    );
    assert_eq!(
        one(
            "The debate airs at 8 p.m. Sunday.",
            &anchor,
            "8 p.m. Sunday"
        )
        .value,
        "2025-11-23T20:00"
    );
}

#[test]
fn a_two_year_season_keeps_both_years() {
    let t = one(
        "Harlow open the 2025-26 season at home.",
        &monday(),
        "2025-26",
    );
    assert_eq!(t.value, "2025");
    assert_eq!(t.range_end.as_deref(), Some("2026"));
    let t = one(
        "The outlook for fiscal 2025-26 is weak.",
        &monday(),
        "fiscal 2025-26",
    );
    assert_eq!(
        (t.value.as_str(), t.range_end.as_deref()),
        ("2025", Some("2026"))
    );
    // Not consecutive years: no range.
    assert_eq!(
        one("Rates rose in 2025-27.", &monday(), "2025").value,
        "2025"
    );
}

#[test]
fn a_span_of_full_years_keeps_both_years() {
    for (text, span) in [
        ("The 2008-2012 period saw three strikes.", "2008-2012"),
        (
            "The 2019\u{2013}2021 strikes hurt the port.",
            "2019\u{2013}2021",
        ),
    ] {
        let t = one(text, &monday(), span);
        assert_eq!(
            (t.value.as_str(), t.range_end.as_deref()),
            (&span[..4], Some(&span[span.len() - 4..])),
            "{text}"
        );
    }
    // A later year is needed, and a date is not a span.
    assert_eq!(
        one("Rates rose in 2012-2008.", &monday(), "2012").range_end,
        None
    );
    assert_eq!(
        one(
            "The filing of 2013-09-26 was late.",
            &monday(),
            "2013-09-26"
        )
        .value,
        "2013-09-26"
    );
}

#[test]
fn half_and_quarter_codes_are_whole_words() {
    let anchor = on(2013, 5, 15);
    assert_eq!(
        one("Revenue in H1 2013 rose 5 percent.", &anchor, "H1 2013").value,
        "2013-H1"
    );
    assert_eq!(one("Sales fell in Q3.", &anchor, "Q3").value, "2013-Q3");
    // Virus strains, formulas and product names are no halves or quarters.
    assert!(found("An outbreak of H1N1 flu reached São Paulo.", &anchor).is_empty());
    assert!(found("Traces of H2O were found in the Zürich samples.", &anchor).is_empty());
    assert!(found("The Q3D scanner ships in boxes.", &anchor).is_empty());
}

#[test]
fn a_period_to_a_month_lies_ahead_in_a_forecast() {
    let anchor = on(2013, 5, 15);
    // Results for "the year to March" mean that March has passed ...
    let text = "Inflation was 2.1 percent in the year to April, the Zürich office said.";
    assert_eq!(one(text, &anchor, "April").value, "2013-04");
    // ... but a forecast or an expectation is about the period now running.
    let text = "Ostrel Motors expects net profit of 1.37 trillion crowns in the year to March, \
                it said on Wednesday.";
    assert_eq!(one(text, &anchor, "March").value, "2014-03");
    let text = "The company forecast a 10 percent rise in sales for the 12 months to March.";
    assert_eq!(one(text, &anchor, "March").value, "2014-03");
}

#[test]
fn a_quarter_final_is_no_quarter() {
    let anchor = on(2013, 5, 15);
    for text in [
        "Brenna reached the quarter-finals in São Paulo.",
        "She lost in the quarter final.",
    ] {
        assert!(
            found(text, &anchor).is_empty(),
            "{text}: {:?}",
            found(text, &anchor)
        );
    }
    // The year of the round is still a date.
    for text in [
        "Ostrel won last year's quarter-final against Brenna.",
        "Ostrel won last year\u{2019}s quarter-final against Brenna.",
        "Ostrel won last year's quarterfinal against Brenna.",
    ] {
        assert_eq!(
            found(text, &anchor),
            [("last year".to_string(), "2012".to_string())]
        );
    }
    // The reported quarter itself is still one.
    let text = "Profit fell in the quarter, the firm said on Tuesday.";
    assert_eq!(one(text, &anchor, "the quarter").value, "2013-Q1");
}

#[test]
fn a_march_named_as_an_event_is_no_month() {
    let anchor = on(2013, 8, 28);
    for text in [
        "Thousands joined the March for Life in Zürich.",
        "Thousands joined the March against Monsanto.",
        "Organisers said the March was peaceful.",
        "They joined the March in São Paulo.",
        "Police said the March ended at noon.",
    ] {
        let all = found(text, &anchor);
        assert!(all.iter().all(|(t, _)| t != "March"), "{text}: {all:?}");
    }
    // The month before an event noun is still the month.
    let text = "Voters rejected it in the May referendum.";
    assert_eq!(one(text, &anchor, "May").value, "2013-05");
    let text = "The March accession was approved by the Vask assembly.";
    assert_eq!(one(text, &anchor, "March").value, "2013-03");
}

#[test]
fn a_sentence_opening_now_with_a_comma_is_a_discourse_marker() {
    // TimeML 1.2.1: "now" is PRESENT_REF only when it refers to the present.
    let text = "Now, the Orvel council must vote again. The plan is now dead.";
    assert_eq!(
        found(text, &monday()),
        vec![("now".into(), "PRESENT_REF".into())]
    );
    // Without the comma it is the present ("Now officials are investigating ...").
    assert_eq!(
        value("Now officials in Vask are investigating the fire.", "Now"),
        "PRESENT_REF"
    );
    // After a closing quote, the next sentence opens too.
    assert!(found("\"It failed.\" Now, the board will meet.", &monday()).is_empty());
    // Mid-sentence, followed by a comma, it still refers to the present.
    assert_eq!(
        value("The fund holds cash now, its manager said.", "now"),
        "PRESENT_REF"
    );
    // Set against a time counted back, the opening "Now," is the present.
    assert_eq!(
        found(
            "Now, five years after the flood, the town of Orsk has rebuilt.",
            &monday()
        ),
        vec![
            ("Now".into(), "PRESENT_REF".into()),
            ("five years".into(), "P5Y".into())
        ]
    );
}

#[test]
fn now_and_then_is_no_time() {
    assert!(found("Every now and then the Brisk ferry breaks down.", &monday()).is_empty());
    assert!(found("Now and again the pumps at Orsk fail.", &monday()).is_empty());
    assert_eq!(
        found("Between now and Friday, the pumps will run.", &monday()),
        vec![
            ("now".into(), "PRESENT_REF".into()),
            ("Friday".into(), "2025-03-07".into())
        ]
    );
}

#[test]
fn a_decade_earlier_or_later_counts_from_the_story_year() {
    assert_eq!(
        value(
            "The Orsk dam opened in 1998. A decade later, engineers found cracks.",
            "A decade later"
        ),
        "2008"
    );
    assert_eq!(
        value(
            "The Orsk dam opened in 1998; a century earlier, a mill stood there.",
            "a century earlier"
        ),
        "1898"
    );
    // With no year in the text, only the length is sure: "a decade" is a DURATION.
    let t = one(
        "A decade later, the Orsk dam still leaks.",
        &monday(),
        "A decade",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P10Y"));
    // "a decade ago" stays anchored on the document date.
    assert_eq!(
        value("The dam opened a decade ago.", "a decade ago"),
        "2015"
    );
}

#[test]
fn the_previous_year_counts_from_the_last_year_named() {
    assert_eq!(
        value(
            "Exports fell 4 percent last year, after rising 2 percent the previous year.",
            "the previous year"
        ),
        "2023"
    );
    // An explicit year later in the text takes over.
    assert_eq!(
        value(
            "Exports fell last year. In 2019 they had risen, and the following year they fell.",
            "the following year"
        ),
        "2020"
    );
    // "the following years": an unspecified stretch, like "the coming years".
    let t = one(
        "The river flooded three times in the following years.",
        &monday(),
        "the following years",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "PXY"));
}

#[test]
fn a_month_in_a_habitual_clause_has_no_year() {
    let t = one(
        "Heating bills in Talvia usually rise in January.",
        &monday(),
        "January",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Set, "XXXX-01"));
    // No year is meant, so none is to be completed by fusion.
    assert_eq!(t.anchored, AnchorUse::None);
    assert_eq!(t.partial, None);
    assert_eq!(
        value("In July, tourists typically fill the Brisk hotels.", "July"),
        "XXXX-07"
    );
    assert_eq!(
        value(
            "Households typically pay the balance on April 30.",
            "April 30"
        ),
        "XXXX-04-30"
    );
    assert_eq!(
        value(
            "The Vask parliament sits in September each year.",
            "September"
        ),
        "XXXX-09"
    );
    assert_eq!(
        value("The Brisk fair is held annually in March.", "March"),
        "XXXX-03"
    );
    assert_eq!(
        value("Every year in July, the Orsk river floods.", "July"),
        "XXXX-07"
    );
    // Weekdays: a recurring weekday, as "on Sundays" is.
    let t = one(
        "The Vask market usually closes early on Friday.",
        &monday(),
        "Friday",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Set, "XXXX-WXX-5"));
    assert_eq!(
        value(
            "The Orsk council typically meets Tuesday evenings.",
            "Tuesday evenings"
        ),
        "XXXX-WXX-2TEV"
    );
    // "generally" in a market report is "broadly", about one day.
    assert_eq!(
        value("Vask stocks generally rose on Friday.", "Friday"),
        "2025-02-28"
    );
    // "yearly" is an adjective as often as not: "its yearly results in March" are a year's.
    assert_eq!(
        value("Brisk Toys published its yearly results in March.", "March"),
        "2025-03"
    );
    // The adverb belongs to another clause: a specific month.
    assert_eq!(
        value(
            "Bills usually rise, but in January the regulator froze them.",
            "January"
        ),
        "2025-01"
    );
    // A past verb governs the expression before the adverb is reached: one past day or
    // month, the adverb belonging to a relative or comparative clause.
    assert_eq!(
        value(
            "Officials who typically meet in private met on Tuesday with the Orsk strikers.",
            "Tuesday"
        ),
        "2025-02-25"
    );
    assert_eq!(
        value(
            "Vask sales fell in January as shoppers usually do after the holidays.",
            "January"
        ),
        "2025-01"
    );
    assert_eq!(
        value(
            "In January prices fell more than they normally do.",
            "January"
        ),
        "2025-01"
    );
    assert_eq!(
        value(
            "Mayor Ilsa Grent said on Friday that Brisk stores usually close early.",
            "Friday"
        ),
        "2025-02-28"
    );
    // A specific month after a habitual one in the same sentence.
    assert_eq!(
        value(
            "Prices usually rise in January, but this January they fell.",
            "this January"
        ),
        "2025-01"
    );
    // The reporting verb sits outside the habit: still habitual.
    assert_eq!(
        value(
            "Brisk officials said heating bills usually rise in January.",
            "January"
        ),
        "XXXX-01"
    );
    // No frequency adverb: the resolved month ("in January" of a past report).
    assert_eq!(
        value("The regulator froze the bills in January.", "January"),
        "2025-01"
    );
    // Quarters and seasons too (the TBAQ gold: "usually conducted in the second and fourth
    // quarters" is SET XXXX-Q2, XXXX-Q4).
    let t = one(
        "Brisk Toys usually books most of its sales in the fourth quarter.",
        &monday(),
        "the fourth quarter",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Set, "XXXX-Q4"));
    assert_eq!(
        value(
            "The Orsk river typically floods in the spring.",
            "the spring"
        ),
        "XXXX-SP"
    );
    assert_eq!(
        value(
            "Brisk Toys booked most of its sales in the fourth quarter.",
            "the fourth quarter"
        ),
        "2024-Q4"
    );
    // An impossible day is no date at all.
    assert!(found("Rents are usually due on February 30.", &monday())
        .iter()
        .all(|(_, v)| !v.contains("02-30")));
}

#[test]
fn taking_effect_lies_ahead() {
    // Anchor March 3, 2025: the nearer January is behind, but rules that take effect in
    // January are scheduled ahead.
    assert_eq!(
        value("The new Vask rules take effect in January.", "January"),
        "2026-01"
    );
    assert_eq!(
        value("The ban comes into force in January.", "January"),
        "2026-01"
    );
    assert_eq!(
        value("The new Vask rules took effect in January.", "January"),
        "2025-01"
    );
    // "to take effect" after a past verb is no present schedule.
    assert_eq!(
        value("The rules were meant to take effect in January.", "January"),
        "2025-01"
    );
}

#[test]
fn a_weekday_with_an_epithet_names_a_feast_or_an_event() {
    let may = Anchor::ymd(2013, 5, 16).expect("valid date");
    // Thanksgiving 2013 was Nov. 28, Easter March 31.
    assert_eq!(
        one(
            "The Brisk shops open early on Black Friday.",
            &may,
            "Black Friday"
        )
        .value,
        "2013-11-29"
    );
    assert_eq!(
        one(
            "Shops expect record sales on Cyber Monday.",
            &may,
            "Cyber Monday"
        )
        .value,
        "2013-12-02"
    );
    assert_eq!(
        one("Good Friday fell early this year.", &may, "Good Friday").value,
        "2013-03-29"
    );
    assert_eq!(
        one(
            "The Vask parade was held on Palm Sunday.",
            &may,
            "Palm Sunday"
        )
        .value,
        "2013-03-24"
    );
    assert_eq!(
        one("Banks were shut on Easter Monday.", &may, "Easter Monday").value,
        "2013-04-01"
    );
    // The other feasts the epithet rule keeps from being read as a weekday are dated too.
    assert_eq!(
        found(
            "Tarvia churches held services on Maundy Thursday and Shrove Tuesday.",
            &may
        ),
        vec![
            ("Maundy Thursday".into(), "2013-03-28".into()),
            ("Shrove Tuesday".into(), "2013-02-12".into())
        ]
    );
    // An accord named after the feast is no date, nor is its weekday.
    assert!(found("The Good Friday Agreement of Veloria ended the war.", &may).is_empty());
    // Black Friday in a November story is that year's, before or after it.
    let november = Anchor::ymd(2013, 11, 20).expect("valid date");
    assert_eq!(
        one(
            "Black Friday sales at Orvel Stores are expected to be strong.",
            &november,
            "Black Friday"
        )
        .value,
        "2013-11-29"
    );
    let december = Anchor::ymd(2013, 12, 5).expect("valid date");
    assert_eq!(
        one(
            "Black Friday sales at Orvel Stores fell 3 percent.",
            &december,
            "Black Friday"
        )
        .value,
        "2013-11-29"
    );
    // Named events: no date of this week.
    assert!(found("Candidates campaigned before Super Tuesday.", &may).is_empty());
    assert!(found("Black Monday wiped out a fifth of the index.", &may).is_empty());
    assert!(found("The anniversary of Bloody Sunday was marked.", &may).is_empty());
    // Lower case is no name: "a good Friday for shares".
    assert_eq!(
        found("It was a good Friday for Vask shares.", &may),
        vec![("Friday".into(), "2013-05-10".into())]
    );
}

#[test]
fn two_thousand_years_is_a_length_not_the_year_2000() {
    let t = one(
        "The Vask glassmakers have kept their secrets for more than two thousand years.",
        &monday(),
        "more than two thousand years",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P2000Y"));
    assert_eq!(
        value(
            "The Orsk temple stood for a thousand years.",
            "a thousand years"
        ),
        "P1000Y"
    );
    // Spelled years still read as years.
    assert_eq!(
        value(
            "In two thousand and one, the Brisk bridge opened.",
            "two thousand and one"
        ),
        "2001"
    );
    assert!(found("Two thousand people marched in Vask.", &monday()).is_empty());
    assert!(found("Two thousand protesters marched in Vask.", &monday()).is_empty());
    assert_eq!(
        value(
            "Vask feared the year two thousand would stop its clocks.",
            "the year two thousand"
        ),
        "2000"
    );
    assert!(found("The Orsk mayor paid two thousand dollars.", &monday()).is_empty());
}

#[test]
fn a_year_in_the_possessive_is_no_decade() {
    let may = Anchor::ymd(2013, 5, 15).expect("valid date");
    assert_eq!(
        found("2012's drought cut Vask's wheat yields.", &may),
        vec![("2012".into(), "2012".into())]
    );
    assert_eq!(
        one("Prices fell in the 1990's.", &may, "the 1990's").value,
        "199"
    );
    // A year ending in 0 in the possessive is the year too, unless "the" makes it a decade.
    assert_eq!(
        found("2010's budget was the largest in Vask's history.", &may),
        vec![("2010".into(), "2010".into())]
    );
    assert_eq!(
        one("Rents doubled in the late 1980's.", &may, "the late 1980's").value,
        "198"
    );
}

#[test]
fn the_following_week_counts_from_the_last_day_named() {
    let may = Anchor::ymd(2013, 5, 15).expect("valid date");
    // March 3, 2013 is a Sunday, in ISO week 9.
    let text = "The Vask talks began on March 3. The following week, the rebels walked out. \
                The previous week, they had agreed to a truce. That week, prices doubled.";
    assert_eq!(
        found(text, &may),
        vec![
            ("March 3".into(), "2013-03-03".into()),
            ("The following week".into(), "2013-W10".into()),
            ("The previous week".into(), "2013-W08".into()),
            ("That week".into(), "2013-W09".into()),
        ]
    );
    // With no day named, "the following week" counts from the document date.
    assert_eq!(
        one(
            "The Vask rebels said they would walk out the following week.",
            &may,
            "the following week"
        )
        .value,
        "2013-W21"
    );
}

#[test]
fn a_clock_time_counted_from_an_event_has_no_guessed_day() {
    let may = Anchor::ymd(2013, 5, 15).expect("valid date");
    let text = "The gunman opened fire on Monday. A jogger saw his car at 6 a.m. ten days \
                before the shooting.";
    assert_eq!(
        found(text, &may),
        vec![
            ("Monday".into(), "2013-05-13".into()),
            ("6 a.m.".into(), "XXXX-XX-XXT06:00".into()),
            ("ten days".into(), "P10D".into()),
        ]
    );
    // A bare clock time with no offset is on the day the story is at.
    assert_eq!(
        one(
            "The gunman opened fire on Monday. Police arrived at 6 a.m.",
            &may,
            "6 a.m."
        )
        .value,
        "2013-05-13T06:00"
    );
}

#[test]
fn the_week_of_a_day_is_that_iso_week() {
    let feb = Anchor::ymd(2013, 2, 20).expect("valid date");
    assert_eq!(
        found("A Vask court hearing is set for the week of March 6.", &feb),
        vec![("the week of March 6".into(), "2013-W10".into())]
    );
    assert_eq!(
        one(
            "The vote was held the week of Jan. 14, 2013.",
            &feb,
            "the week of Jan. 14, 2013"
        )
        .value,
        "2013-W03"
    );
}

#[test]
fn coordinated_quarters_are_two_timexes() {
    let may = Anchor::ymd(2013, 5, 15).expect("valid date");
    assert_eq!(
        found(
            "Brisk Toys said profit rose in the first and second quarters of 2012.",
            &may
        ),
        vec![
            ("the first".into(), "2012-Q1".into()),
            ("second quarters of 2012".into(), "2012-Q2".into())
        ]
    );
    assert_eq!(
        found(
            "Brisk Toys sales fell in the third and fourth quarters.",
            &may
        ),
        vec![
            ("the third".into(), "2012-Q3".into()),
            ("fourth quarters".into(), "2012-Q4".into())
        ]
    );
    // Both quarters of a coordination are in one year: said in March, the first and second
    // quarters that "were" weak are last year's, though the first is this year's number.
    let march = Anchor::ymd(2013, 3, 10).expect("valid date");
    assert_eq!(
        found(
            "The first and second quarters were weak at Brisk Toys.",
            &march
        ),
        vec![
            ("The first".into(), "2012-Q1".into()),
            ("second quarters".into(), "2012-Q2".into())
        ]
    );
    // The singular coordinates too.
    assert_eq!(
        found(
            "Brisk Toys sales fell in the second and third quarter of 2011.",
            &march
        ),
        vec![
            ("the second".into(), "2011-Q2".into()),
            ("third quarter of 2011".into(), "2011-Q3".into())
        ]
    );
    // In a habitual clause: recurring quarters (TBAQ: SET XXXX-Q2, XXXX-Q4).
    assert_eq!(
        found(
            "Most Brisk sales are usually made in the second and fourth quarters.",
            &may
        ),
        vec![
            ("the second".into(), "XXXX-Q2".into()),
            ("fourth quarters".into(), "XXXX-Q4".into())
        ]
    );
    // An ordinal before "and" with no plural unit after is no quarter.
    assert!(found("The first and second votes failed.", &may).is_empty());
}

#[test]
fn the_first_time_in_years_is_a_vague_duration() {
    assert_eq!(
        value("Vask shares hit their lowest level in years.", "years"),
        "PXY"
    );
    assert_eq!(
        value(
            "It was the first time in decades, Orsk officials said.",
            "decades"
        ),
        "PXDE"
    );
    // "in" followed by more of the phrase is no duration of its own.
    assert!(found("They paused in months of fighting near Orsk.", &monday()).is_empty());
}

#[test]
fn over_the_years_is_a_vague_duration() {
    let t = one(
        "The Orsk garden has changed over the years.",
        &monday(),
        "the years",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "PXY"));
    assert_eq!(
        value(
            "Through the decades the Vask mill survived three floods.",
            "the decades"
        ),
        "PXDE"
    );
    // "over the years of the war": the phrase goes on, no stretch up to now.
    assert!(found("Over the years of the war, prices in Orsk rose.", &monday()).is_empty());
    // "over the years 2010 to 2012" names its years: no vague stretch beside them.
    assert_eq!(
        found("Orsk output rose over the years 2010 to 2012.", &monday()),
        vec![
            ("2010".into(), "2010".into()),
            ("2012".into(), "2012".into())
        ]
    );
}

#[test]
fn at_the_time_and_for_a_while() {
    assert_eq!(
        value(
            "Mayor Dunmore said at the time he was willing to resign.",
            "the time"
        ),
        "PAST_REF"
    );
    assert!(found(
        "There were 12 Vask members at the time of its founding.",
        &monday()
    )
    .is_empty());
    let t = one(
        "Orsk will have to live without power for a while.",
        &monday(),
        "a while",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "PXX"));
    assert!(found("It took a while to load the Vask ferry.", &monday()).is_empty());
}
