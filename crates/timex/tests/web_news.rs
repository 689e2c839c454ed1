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

#[test]
fn clock_time_weekday_and_part_of_day_are_one_expression() {
    assert_eq!(
        found("A cyclist was hit in Orsk around 7 p.m. Wednesday night."),
        vec![(
            "around 7 p.m. Wednesday night".into(),
            "TIME",
            "XXXX-WXX-3T19:00".into()
        )]
    );
    let anchored = find_timexes(
        "The fire at the Vask mill broke out at 3:30 a.m. Tuesday morning.",
        &Anchor::ymd(2012, 8, 7).expect("valid date"),
    );
    assert_eq!(anchored.len(), 1);
    assert_eq!(anchored[0].value, "2012-08-07T03:30");
}

#[test]
fn one_word_unit_long_adjectives_are_durations() {
    assert_eq!(
        found("Police ended a weeklong manhunt for the Orsk escapee."),
        vec![("weeklong".into(), "DURATION", "P1W".into())]
    );
    assert_eq!(
        found("The yearlong inquiry into the Vask port and a monthslong strike."),
        vec![
            ("yearlong".into(), "DURATION", "P1Y".into()),
            ("monthslong".into(), "DURATION", "PXM".into())
        ]
    );
    assert!(found("Kestrel Ferries sold a lifelong pass and an oblong ticket.").is_empty());
}

#[test]
fn that_night_after_an_undated_day_is_that_day() {
    assert_eq!(
        found("Tomas Eld reached the Orsk ridge on Saturday. He expected to die that night."),
        vec![
            ("Saturday".into(), "DATE", "XXXX-WXX-6".into()),
            ("that night".into(), "DATE", "XXXX-WXX-6".into())
        ]
    );
    // With no day named before it, "that day" stays generic.
    assert!(found("Trades made that day were cancelled by the Vask exchange.").is_empty());
}

#[test]
fn bare_plural_counted_from_an_event_is_a_duration() {
    assert_eq!(
        found("The Orsk smuggler hanged himself in his cell hours after his arrest."),
        vec![("hours".into(), "DURATION", "PTXH".into())]
    );
    assert_eq!(
        found("Escorted out of the Vask depot, she returned minutes later with a rifle."),
        vec![("minutes".into(), "DURATION", "PTXM".into())]
    );
    // Counted or qualified by the word before it, it is no bare length.
    assert!(found("It is a matter of days before the Orsk talks collapse.").is_empty());
    assert!(found("In the first days after the Vask flood, roads were shut.").is_empty());
    assert!(found("A guard fired seconds before the Orsk blast.").is_empty());
}

#[test]
fn a_unit_adjective_with_a_spaced_hyphen_is_a_duration() {
    assert_eq!(
        found("The Orsk club made an eight - year offer to Tomas Eld."),
        vec![("eight - year".into(), "DURATION", "P8Y".into())]
    );
    assert_eq!(
        found("Ana Velic began a 90 - day stay at the Vask clinic."),
        vec![("90 - day".into(), "DURATION", "P90D".into())]
    );
    // A range keeps its plural unit and stays vague.
    assert_eq!(
        found("Repairs at the Vask dam take two - three weeks."),
        vec![("two - three weeks".into(), "DURATION", "PXW".into())]
    );
}

#[test]
fn a_game_clock_is_time_left_not_a_time_of_day() {
    assert_eq!(
        found("Tomas Eld hit a jumper with 7:41 left in the half for the Orsk Owls."),
        vec![("7:41".into(), "DURATION", "PT7M41S".into())]
    );
    assert_eq!(
        found("He made a free throw with 4:00 to play."),
        vec![("4:00".into(), "DURATION", "PT4M".into())]
    );
    // A clock time is still one.
    assert_eq!(
        found("The Vask ferry left at 7:41 with 40 cars."),
        vec![("7:41".into(), "TIME", "XXXX-XX-XXT07:41".into())]
    );
}

#[test]
fn quarters_and_halves_of_a_game_are_no_calendar_periods() {
    let game = "The Orsk Owls trailed at halftime. Tomas Eld threw a touchdown pass late in \
                the fourth quarter, and the defence held in the second half.";
    assert!(found(game).is_empty(), "{:?}", found(game));
    let anchored = find_timexes(game, &Anchor::ymd(2012, 12, 23).expect("valid date"));
    assert!(anchored.is_empty());
    // A business sentence in the same text keeps its calendar quarter, and one game word
    // alone does not make a game report.
    let mixed = format!("{game} The club's revenue rose in the fourth quarter.");
    assert_eq!(
        found(&mixed),
        vec![("the fourth quarter".into(), "DATE", "XXXX-Q4".into())]
    );
    assert_eq!(
        found("Vask Foods expects weaker sales in the second half, before the playoffs."),
        vec![("the second half".into(), "DATE", "XXXX-H2".into())]
    );
    // A game clock running down to it is enough.
    assert_eq!(
        found("Ana Velic scored with 7:42 left in the first half for Vask."),
        vec![("7:42".into(), "DURATION", "PT7M42S".into())]
    );
    assert_eq!(
        found("Orsk Rail carried more riders in the first half than its rivals did."),
        vec![("the first half".into(), "DATE", "XXXX-H1".into())]
    );
}

#[test]
fn a_capitalised_frequency_word_after_a_name_is_a_title() {
    assert!(found("Her rep confirmed the news to Us Weekly on Friday.")
        .iter()
        .all(|(text, _, _)| text != "Weekly"));
    assert!(found("Orsk Weekly has confirmed that Ana Velic will direct it.").is_empty());
    // Lower case, or opening a sentence, it is still a recurrence.
    assert_eq!(
        found("The Vask council meets weekly."),
        vec![("weekly".into(), "SET", "P1W".into())]
    );
    assert_eq!(
        found("Dividends are paid to Orsk holders. Quarterly, the board reviews them."),
        vec![("Quarterly".into(), "SET", "P3M".into())]
    );
}

#[test]
fn nights_counted_are_days() {
    assert_eq!(
        found("Tomas Eld survived two nights in an ice cave on Mount Orsk."),
        vec![("two nights".into(), "DURATION", "P2D".into())]
    );
    assert_eq!(
        found("The Vask inn charges 90 euros a night."),
        Vec::<(String, &str, String)>::new()
    );
}

#[test]
fn a_title_cased_headline_still_has_its_times() {
    let headline = "Ana Velic to Host Next Year's Orsk Awards\nThe Vask academy said on Friday.";
    assert!(found(headline)
        .iter()
        .any(|(text, _, value)| text == "Next Year" && value == "XXXX"));
    assert!(found("Kestrel Club Makes Offer To Tomas Eld (8 Years?)")
        .iter()
        .any(|(text, _, value)| text == "8 Years" && value == "P8Y"));
    // Inside an ordinary sentence a title-cased phrase is still a title.
    assert!(found("Ana Velic told ABC's This Week that she would stay.").is_empty());
    assert!(found("Tomas Eld appeared on 60 Minutes with his lawyer.").is_empty());
}

#[test]
fn time_left_in_a_calendar_quarter_is_no_game_clock() {
    // Only a game clock ("7:42 left") makes the quarter or half after it a period of play;
    // a business text counting weeks down to the end of a quarter keeps the quarter.
    let values = |text: &str| -> Vec<String> { found(text).into_iter().map(|t| t.2).collect() };
    assert_eq!(
        values("With two weeks left in the fourth quarter, Orsk Motors expects to ship 40 trucks."),
        vec!["P2W".to_string(), "XXXX-Q4".to_string()]
    );
    assert_eq!(
        values("The Vask plant has a month to go in the first half, its owner said."),
        vec!["P1M".to_string(), "XXXX-H1".to_string()]
    );
    // A game clock still does it, counting down with "to play" too, and so do minutes or
    // seconds written out and playing in the period.
    assert_eq!(
        values("Orsk had the ball with 4:43 to play in the third quarter."),
        vec!["PT4M43S".to_string()]
    );
    assert_eq!(
        values(
            "Eld scored with less than eight minutes to play in the first half of the Owls' game."
        ),
        vec!["PT8M".to_string()]
    );
    assert_eq!(
        values("Eld scored with 30 seconds left in the first half."),
        vec!["PT30S".to_string()]
    );
    assert!(values("He was hurt against the Owls and did not play in the second half.").is_empty());
}

#[test]
fn that_night_is_the_undated_day_named_after_an_earlier_dated_one() {
    // The day named last is the one meant, even when an earlier one had a full date.
    let hits =
        found("The Orsk ferry sank on March 3, 2012. The crew returned on Saturday, and that night the harbour closed.");
    assert_eq!(
        hits.last(),
        Some(&("that night".into(), "DATE", "XXXX-WXX-6".into())),
        "{hits:?}"
    );
    // The dated day is still the reference when it was named last.
    let hits = found("The crew left on Saturday. The ferry sank on March 3, 2012, and that night the harbour closed.");
    assert_eq!(
        hits.last(),
        Some(&("that night".into(), "DATE", "2012-03-03".into())),
        "{hits:?}"
    );
}

#[test]
fn one_game_word_in_two_forms_makes_no_game_report() {
    // "playoff" and "playoffs" are one word: a retailer's text naming it twice keeps its
    // calendar quarter.
    assert_eq!(
        found("Vask Sports sold playoff tickets online. Fans bought seats for the playoffs. In the fourth quarter, Vask Sports opened two stores."),
        vec![("the fourth quarter".into(), "DATE", "XXXX-Q4".into())]
    );
    // Two different game words still make one.
    assert!(
        found("Vask won the playoff game after a touchdown. In the fourth quarter, Eld ran.")
            .is_empty()
    );
}

#[test]
fn that_night_keeps_what_is_known_of_an_undated_day() {
    // "That night" after "March 3" in an undated page is March 3 of an unknown year, not a
    // day of which nothing is known.
    let last = |text: &str| found(text).pop();
    assert_eq!(
        last("The Orsk ferry sank on March 3. That night the harbour closed."),
        Some(("That night".into(), "DATE", "XXXX-03-03".into()))
    );
    assert_eq!(
        last("The Orsk ferry sank on the 19th. That night the harbour closed."),
        Some(("That night".into(), "DATE", "XXXX-XX-19".into()))
    );
    // A part of day named with the day stays out of "that night" itself.
    assert_eq!(
        last("The Orsk ferry sank on Saturday morning. That night the harbour closed."),
        Some(("That night".into(), "DATE", "XXXX-WXX-6".into()))
    );
}
