use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date that may be only partly known.
///
/// "on the 19th" is `{day: 19}`; "last September" in a 2025 article is `{year: 2024, month: 9}`.
/// Later stages complete partial dates from other documents of the same story and record how; no
/// stage may invent a missing field.
///
/// Dates order by year, then month, then day (the field order); an unknown field sorts before
/// any known one, so complete dates order as the calendar does.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
    Default,
)]
pub struct PartialDate {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        }
    }

    /// True when year, month and day are all known.
    pub fn is_complete(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    /// TIMEX3-style value: `2025-03-04`, `2025-03`, `2025`, `XXXX-03-04`, `XXXX-XX-19`.
    pub fn to_iso(&self) -> String {
        let y = self
            .year
            .map(|y| format!("{y:04}"))
            .unwrap_or_else(|| "XXXX".to_string());
        match (self.month, self.day) {
            (None, None) => y,
            (Some(m), None) => format!("{y}-{m:02}"),
            (m, Some(d)) => {
                let m = m
                    .map(|m| format!("{m:02}"))
                    .unwrap_or_else(|| "XX".to_string());
                format!("{y}-{m}-{d:02}")
            }
        }
    }

    /// Parse the forms [`PartialDate::to_iso`] writes, plus full ISO timestamps (the date part).
    pub fn parse_iso(s: &str) -> Option<Self> {
        let s = s.trim();
        let date_part = s.split(['T', ' ']).next()?;
        let mut parts = date_part.split('-');
        let field = |p: Option<&str>, len: usize| -> Result<Option<u32>, ()> {
            match p {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b == b'X') => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| ())
                }
                Some(_) => Err(()),
            }
        };
        let year = field(parts.next(), 4).ok()?;
        let month = field(parts.next(), 2).ok()?;
        let day = field(parts.next(), 2).ok()?;
        if parts.next().is_some() {
            return None;
        }
        let date = PartialDate {
            year: year.map(|y| y as i32),
            month: month.map(|m| m as u8),
            day: day.map(|d| d as u8),
        };
        date.is_valid().then_some(date)
    }

    /// Month in 1..=12 and day within the month (leap years respected when the year is known).
    pub fn is_valid(&self) -> bool {
        if let Some(m) = self.month {
            if !(1..=12).contains(&m) {
                return false;
            }
        }
        if let Some(d) = self.day {
            let max = match (self.year, self.month) {
                (y, Some(m)) => days_in_month(y, m),
                (_, None) => 31,
            };
            if d == 0 || d > max {
                return false;
            }
        }
        self.year.is_some() || self.month.is_some() || self.day.is_some()
    }
}

/// Days in `month`; February has 29 when the year is unknown (so "February 29" stays possible).
pub fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip_of_partial_dates() {
        for s in ["2025-03-04", "2025-03", "2025", "XXXX-03-04", "XXXX-XX-19"] {
            let d = PartialDate::parse_iso(s).unwrap();
            assert_eq!(d.to_iso(), s);
        }
    }

    #[test]
    fn dates_order_as_the_calendar() {
        let mut dates = [
            PartialDate::ymd(2025, 3, 4),
            PartialDate::ymd(2024, 12, 31),
            PartialDate::ymd(2025, 2, 28),
            PartialDate::ymd(2025, 3, 10),
        ];
        dates.sort();
        assert_eq!(
            dates.map(|d| d.to_iso()),
            ["2024-12-31", "2025-02-28", "2025-03-04", "2025-03-10"]
        );
        // A month alone comes before any day of that month.
        let march = PartialDate {
            year: Some(2025),
            month: Some(3),
            day: None,
        };
        assert!(march < PartialDate::ymd(2025, 3, 1));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(PartialDate::parse_iso("2025-02-29").is_none());
        assert!(PartialDate::parse_iso("2024-02-29").is_some());
        assert!(PartialDate::parse_iso("2025-13").is_none());
        assert!(PartialDate::parse_iso("March").is_none());
    }

    #[test]
    fn timestamp_keeps_date_part() {
        let d = PartialDate::parse_iso("2025-03-03T08:15:00Z").unwrap();
        assert_eq!(d, PartialDate::ymd(2025, 3, 3));
    }
}
