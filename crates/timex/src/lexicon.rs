//! Word lists: months, weekdays, number words, ordinals, units, seasons, parts of the day,
//! and the street words that tell a house number from a year.
//! All lookups take lower-cased words and are plain `match`es (compiled to jump tables).

/// Month number for a month name or its usual abbreviation.
pub(crate) fn month(word: &str) -> Option<u32> {
    Some(match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// True for the abbreviations that are also ordinary words or need a following period to be
/// read as a month ("mar", "jan" ...); the full names are unambiguous except "may" and "march".
pub(crate) fn month_is_abbreviation(word: &str) -> bool {
    word.len() <= 4 && word != "may" && word != "june" && word != "july"
}

/// ISO weekday number (Monday = 1) for a weekday name.
pub(crate) fn weekday(word: &str) -> Option<u32> {
    Some(match word {
        "monday" | "mon" => 1,
        "tuesday" | "tue" | "tues" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thu" | "thur" | "thurs" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

pub(crate) fn weekday_is_abbreviation(word: &str) -> bool {
    !word.ends_with("day")
}

/// Cardinal number words up to ninety-nine (tens and units are joined by the grammar), plus
/// "hundred" and "dozen"; "zero" is no count of time units.
pub(crate) fn cardinal(word: &str) -> Option<u32> {
    match word {
        "hundred" => Some(100),
        "dozen" => Some(12),
        "zero" => None,
        w => triangulate_text::lexicon::cardinal_number_word(w),
    }
}

/// Ordinal words up to "thirtieth" (days of the month; "twenty-first" is joined by the grammar).
pub(crate) fn ordinal(word: &str) -> Option<u32> {
    triangulate_text::lexicon::ordinal_number_word(word).filter(|&v| v <= 30)
}

/// Quantities without a number: "several years" is `PXY`.
pub(crate) fn vague_quantity(word: &str) -> bool {
    matches!(word, "several" | "few" | "many" | "some" | "numerous")
}

/// Units of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Duration value: `P3D`, `PT2H`, `P10Y` for a decade (TimeBank's spelling), `PXY` when vague.
    pub(crate) fn duration(self, amount: Option<f64>) -> String {
        let (time, letter, factor) = match self {
            Unit::Second => (true, 'S', 1.0),
            Unit::Minute => (true, 'M', 1.0),
            // "24 hours" is a day (P1D) in the TBAQ gold; other counts keep their hours
            // ("at least 72 hours" is PT72H).
            Unit::Hour if amount == Some(24.0) => (false, 'D', 1.0 / 24.0),
            Unit::Hour => (true, 'H', 1.0),
            Unit::Day => (false, 'D', 1.0),
            Unit::Week => (false, 'W', 1.0),
            Unit::Weekend => (false, 'D', 2.0),
            Unit::Month => (false, 'M', 1.0),
            Unit::Quarter => (false, 'Q', 1.0),
            Unit::Year => (false, 'Y', 1.0),
            Unit::Decade => (false, 'Y', 10.0),
            Unit::Century => (false, 'Y', 100.0),
        };
        let t = if time { "T" } else { "" };
        match amount {
            None if self == Unit::Decade => "PXDE".to_string(),
            None if self == Unit::Century => "PXCE".to_string(),
            None => format!("P{t}X{letter}"),
            Some(n) => {
                let n = n * factor;
                if n.fract() == 0.0 {
                    format!("P{t}{}{letter}", n as i64)
                } else {
                    half_unit(n, self).unwrap_or_else(|| format!("P{t}{n}{letter}"))
                }
            }
        }
    }
}

/// "5 1/2 hours" is `PT5H30M`, "a year and a half" is `P1Y6M`: the half goes to the next unit.
fn half_unit(n: f64, unit: Unit) -> Option<String> {
    if (n.fract() - 0.5).abs() > f64::EPSILON {
        return None;
    }
    let whole = n.trunc() as i64;
    Some(match unit {
        Unit::Hour => format!("PT{whole}H30M"),
        Unit::Minute => format!("PT{whole}M30S"),
        Unit::Day => format!("P{whole}DT12H"),
        Unit::Year => format!("P{whole}Y6M"),
        Unit::Month => format!("P{}D", whole * 30 + 15),
        Unit::Week => format!("P{}D", whole * 7 + 3),
        _ => return None,
    })
}

/// A unit word, singular or plural.
pub(crate) fn unit(word: &str) -> Option<(Unit, bool)> {
    Some(match word {
        "second" => (Unit::Second, false),
        "seconds" | "secs" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Season code for a season name.
pub(crate) fn season(word: &str) -> Option<&'static str> {
    Some(match word {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Part-of-day code for a part-of-day word.
pub(crate) fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        _ => return None,
    })
}

/// Time zones we accept after a clock time (they stay part of the expression's extent).
pub(crate) fn time_zone(word: &str) -> bool {
    matches!(
        word,
        "gmt"
            | "utc"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "bst"
            | "cet"
            | "cest"
            | "ist"
            | "jst"
            | "et"
            | "pt"
            | "ct"
    )
}

/// Words that end a street name ("Pitkin Ave.", "Main Street"): a number before such a name
/// is a house number, not a year.
pub(crate) fn street_word(word: &str) -> bool {
    matches!(
        word,
        "ave"
            | "avenue"
            | "st"
            | "street"
            | "road"
            | "rd"
            | "blvd"
            | "boulevard"
            | "lane"
            | "drive"
            | "way"
            | "place"
            | "square"
            | "court"
            | "highway"
            | "parkway"
            | "terrace"
    )
}

/// Words that only game reports use, as the word each stands for ("touchdowns" is
/// "touchdown"). A text with two different ones reports games, whose "first half" and
/// "fourth quarter" are periods of play, not of the calendar; a word and its plural are one.
pub(crate) fn game_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "touchdown" | "touchdowns" => "touchdown",
        "quarterback" | "quarterbacks" => "quarterback",
        "halftime" => "halftime",
        "interception" | "interceptions" => "interception",
        "fumble" | "fumbled" => "fumble",
        "rebounds" => "rebounds",
        "scoreless" => "scoreless",
        "scrimmage" => "scrimmage",
        "inning" | "innings" => "inning",
        "dunk" => "dunk",
        "kickoff" => "kickoff",
        "tipoff" => "tipoff",
        "playoff" | "playoffs" => "playoff",
        "pointer" => "pointer",
        "goalkeeper" => "goalkeeper",
        _ => return None,
    })
}

/// Words of business and economic reporting: a quarter or half beside one is the
/// calendar's, even in a text that also reports games.
pub(crate) fn business_word(word: &str) -> bool {
    matches!(
        word,
        "earnings"
            | "profit"
            | "profits"
            | "revenue"
            | "revenues"
            | "sales"
            | "fiscal"
            | "percent"
            | "%"
            | "economy"
            | "gdp"
            | "growth"
            | "quarterly"
            | "results"
            | "shares"
            | "income"
            | "dividend"
            | "output"
            | "inflation"
    )
}
