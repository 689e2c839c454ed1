//! Calendar arithmetic on top of `chrono::NaiveDate`, with the TIMEX3 spellings of each
//! granularity (day, ISO week, month, quarter, season, year, decade, century).

use chrono::{Datelike, Days, NaiveDate};

pub(crate) fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

pub(crate) fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// `(year, month)` shifted by `delta` months.
pub(crate) fn shift_month(year: i32, month: u32, delta: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + delta;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

/// `(year, quarter)` shifted by `delta` quarters.
pub(crate) fn shift_quarter(year: i32, quarter: u32, delta: i32) -> (i32, u32) {
    let index = year * 4 + quarter as i32 - 1 + delta;
    (index.div_euclid(4), index.rem_euclid(4) as u32 + 1)
}

pub(crate) fn quarter_of(month: u32) -> u32 {
    month.div_ceil(3)
}

pub(crate) fn day_value(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

pub(crate) fn month_value(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

pub(crate) fn year_value(year: i32) -> String {
    format!("{year:04}")
}

pub(crate) fn quarter_value(year: i32, quarter: u32) -> String {
    format!("{year:04}-Q{quarter}")
}

pub(crate) fn week_value(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

/// ISO weekday number, Monday = 1.
pub(crate) fn weekday_number(date: NaiveDate) -> u32 {
    date.weekday().number_from_monday()
}

/// The date of `weekday` (1 = Monday) in the ISO week containing `date`.
pub(crate) fn weekday_in_week(date: NaiveDate, weekday: u32) -> Option<NaiveDate> {
    add_days(date, weekday as i64 - weekday_number(date) as i64)
}

/// US Thanksgiving: the fourth Thursday of November.
pub(crate) fn thanksgiving(year: i32) -> Option<NaiveDate> {
    let first = ymd(year, 11, 1)?;
    let offset = (4 + 7 - weekday_number(first)) % 7;
    add_days(first, offset as i64 + 21)
}

/// US Labor Day: the first Monday of September.
pub(crate) fn labor_day(year: i32) -> Option<NaiveDate> {
    let first = ymd(year, 9, 1)?;
    let to_monday = (1 + 7 - weekday_number(first)) % 7;
    add_days(first, to_monday as i64)
}

/// US Memorial Day: the last Monday of May.
pub(crate) fn memorial_day(year: i32) -> Option<NaiveDate> {
    let last = ymd(year, 5, 31)?;
    let back = (weekday_number(last) + 7 - 1) % 7;
    add_days(last, -(back as i64))
}

/// US Election Day: the Tuesday after the first Monday of November.
pub(crate) fn election_day(year: i32) -> Option<NaiveDate> {
    let first = ymd(year, 11, 1)?;
    let to_monday = (1 + 7 - weekday_number(first)) % 7;
    add_days(first, to_monday as i64 + 1)
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub(crate) fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_and_quarter_shifts_cross_years() {
        assert_eq!(shift_month(2025, 1, -1), (2024, 12));
        assert_eq!(shift_month(2025, 12, 1), (2026, 1));
        assert_eq!(shift_quarter(2025, 1, -1), (2024, 4));
    }

    #[test]
    fn movable_feasts() {
        assert_eq!(thanksgiving(2025), ymd(2025, 11, 27));
        assert_eq!(easter(2025), ymd(2025, 4, 20));
        assert_eq!(easter(2024), ymd(2024, 3, 31));
        assert_eq!(election_day(2024), ymd(2024, 11, 5));
        // November 1 is itself a Monday: the Tuesday after it.
        assert_eq!(election_day(2027), ymd(2027, 11, 2));
    }

    #[test]
    fn iso_week_spelling() {
        assert_eq!(week_value(ymd(2025, 3, 4).unwrap()), "2025-W10");
        assert_eq!(week_value(ymd(2021, 1, 1).unwrap()), "2020-W53");
    }
}
