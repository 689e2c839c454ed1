//! Date parsing for metadata: ISO 8601, RFC 2822 (feeds, HTTP), and the written forms news uses
//! ("March 3, 2025", "3 March 2025", "Mon, 03 Mar 2025 08:15:00 +0000", "March 3", "the 19th").
//!
//! Fields that the text does not give stay `None`; nothing is filled in from the clock.

use triangulate_doc::PartialDate;

/// A parsed date with the time of day when one was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDate {
    /// The calendar date, with unknown fields `None`.
    pub date: PartialDate,
    /// `HH:MM[:SS][±HH:MM|Z]`.
    pub time: Option<String>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month names of the other languages news pages are most often published in (German, French,
/// Spanish, Italian, Portuguese, Dutch), full names only, lower case, with and without their
/// accents: a page's date line ("4. März 2025", "4 mars 2025", "4 de marzo de 2025") is its
/// publication date whatever the language of the page. English abbreviations stay English only
/// ("Mar"), so a word such as "mai" or "mars" counts only as a whole month name.
const FOREIGN_MONTHS: &[(&str, u8)] = &[
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("februari", 2),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("maio", 5),
    ("mei", 5),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("august", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("november", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("dezember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("dezembro", 12),
    ("december", 12),
];

/// Month number for a month name or its abbreviation ("Mar", "Sept.", "March"), or a month
/// name of another common news language ("März", "mars", "marzo").
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u8 + 1)
        .or_else(|| {
            FOREIGN_MONTHS
                .iter()
                .find(|(name, _)| *name == w)
                .map(|&(_, n)| n)
        })
}

/// Weekday names of the languages in [`FOREIGN_MONTHS`], full names only ("Dienstag, 4. März").
const FOREIGN_WEEKDAYS: &[&str] = &[
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "miercoles",
    "jueves",
    "viernes",
    "sábado",
    "sabado",
    "domingo",
    "lunedì",
    "lunedi",
    "martedì",
    "martedi",
    "mercoledì",
    "mercoledi",
    "giovedì",
    "giovedi",
    "venerdì",
    "venerdi",
    "sabato",
    "domenica",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "segunda-feira",
    "terça-feira",
    "terca-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
];

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    (w.len() >= 3
        && WEEKDAYS
            .iter()
            .any(|d| *d == w || d.starts_with(&w) && w.len() == 3))
        || FOREIGN_WEEKDAYS.contains(&w.as_str())
}

/// Parse a whole string as a date. Returns `None` when the string is not (only) a date.
pub fn parse_date(s: &str) -> Option<ParsedDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    parse_iso(s).or_else(|| parse_written(s))
}

fn parse_iso(s: &str) -> Option<ParsedDate> {
    let bytes = s.as_bytes();
    if bytes.len() < 4 || !bytes[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (date_part, time_part) = match s.find(['T', ' ', 't']) {
        Some(i) => (&s[..i], Some(s[i + 1..].trim())),
        None => (s, None),
    };
    // "20250303" compact form.
    let date = if date_part.len() == 8 && date_part.bytes().all(|b| b.is_ascii_digit()) {
        let iso = format!(
            "{}-{}-{}",
            &date_part[..4],
            &date_part[4..6],
            &date_part[6..]
        );
        PartialDate::parse_iso(&iso)?
    } else {
        PartialDate::parse_iso(date_part)?
    };
    let time = time_part.and_then(parse_time);
    if time_part.is_some_and(|t| !t.is_empty()) && time.is_none() {
        return None;
    }
    Some(ParsedDate { date, time })
}

/// `08:15`, `08:15:00`, `08:15:00.123Z`, `08:15:00+02:00`, `08:15 GMT`, `08:15:00 +0000`.
fn parse_time(t: &str) -> Option<String> {
    let t = t.trim();
    let digits_end = t
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(t.len());
    let clock = &t[..digits_end];
    let mut parts = clock.split(':');
    let h: u8 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.get(..2)?.parse().ok()?;
    let sec: Option<u8> = match parts.next() {
        Some(p) => Some(p.get(..2)?.parse().ok()?),
        None => None,
    };
    if h > 23 || m > 59 || sec.is_some_and(|s| s > 60) {
        return None;
    }
    let zone_raw = t[digits_end..].trim();
    let zone = match zone_raw {
        "" => String::new(),
        "Z" | "z" | "GMT" | "UTC" | "UT" => "Z".to_string(),
        z if (z.starts_with('+') || z.starts_with('-')) => {
            let sign = &z[..1];
            let d: String = z[1..].chars().filter(char::is_ascii_digit).collect();
            if d.len() != 4 {
                return None;
            }
            format!("{sign}{}:{}", &d[..2], &d[2..])
        }
        // Named zones other than UTC are ambiguous ("CST"); keep the clock time only.
        z if z.len() <= 5 && z.chars().all(|c| c.is_ascii_alphabetic()) => String::new(),
        _ => return None,
    };
    Some(match sec {
        Some(s) => format!("{h:02}:{m:02}:{s:02}{zone}"),
        None => format!("{h:02}:{m:02}{zone}"),
    })
}

/// Written dates: optional weekday, then `Month D[, YYYY]`, `D Month [YYYY]`, `Month YYYY`,
/// `the 19th`, with an optional trailing time (`08:15 GMT`, `8:15 a.m.` is ignored).
fn parse_written(s: &str) -> Option<ParsedDate> {
    let cleaned: String = s.chars().map(|c| if c == ',' { ' ' } else { c }).collect();
    // "4 de marzo de 2025", "4 de março de 2025": the linking "de" carries nothing.
    let mut words: Vec<&str> = cleaned
        .split_whitespace()
        .filter(|w| !matches!(*w, "de" | "del"))
        .collect();
    if words.first().is_some_and(|w| is_weekday(w)) {
        words.remove(0);
    }
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        words.remove(0);
    }
    let mut time = None;
    if let Some(pos) = words.iter().position(|w| w.contains(':')) {
        let rest = words[pos..].join(" ");
        time = parse_time(&rest);
        time.as_ref()?;
        words.truncate(pos);
        // "22 de outubro de 2010 às 20:13", "4. März 2025 um 08:15", "March 3, 2025 at 08:15".
        while words.last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "às" | "à" | "as" | "um" | "at" | "alle" | "om" | "a" | "las"
            )
        }) {
            words.pop();
        }
    }
    let day_of = |w: &str| -> Option<u8> {
        let w = w.trim_end_matches(['.']);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() {
            return None;
        }
        let d: u8 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    };
    let year_of = |w: &str| -> Option<i32> {
        let w = w.trim_end_matches('.');
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse().ok())
            .flatten()
            .filter(|y| (1000..=2999).contains(y))
    };
    let date = match words.as_slice() {
        [m, d, y] if month_number(m).is_some() => PartialDate {
            year: Some(year_of(y)?),
            month: month_number(m),
            day: Some(day_of(d)?),
        },
        [d, m, y] if month_number(m).is_some() => PartialDate {
            year: Some(year_of(y)?),
            month: month_number(m),
            day: Some(day_of(d)?),
        },
        [m, x] if month_number(m).is_some() => match year_of(x) {
            Some(y) => PartialDate {
                year: Some(y),
                month: month_number(m),
                day: None,
            },
            None => PartialDate {
                year: None,
                month: month_number(m),
                day: Some(day_of(x)?),
            },
        },
        [d, m] if month_number(m).is_some() => PartialDate {
            year: None,
            month: month_number(m),
            day: Some(day_of(d)?),
        },
        // "the 19th": only an ordinal counts as a bare day.
        [d] if d.ends_with(['t', 'd', 'h']) => PartialDate {
            year: None,
            month: None,
            day: Some(day_of(d)?),
        },
        _ => return None,
    };
    date.is_valid().then_some(ParsedDate { date, time })
}

/// Find a written or ISO date at the start of `s`; returns it and the byte length it covers.
/// Used for datelines ("March 3 (Nordwire) —") and lines such as "Published March 3, 2025 ...".
pub fn date_prefix(s: &str) -> Option<(ParsedDate, usize)> {
    // Try the longest word prefixes first so "March 3, 2025" wins over "March 3".
    let mut ends: Vec<usize> = s
        .char_indices()
        .filter(|(_, c)| c.is_whitespace() || *c == ',' || *c == '(' || *c == '|')
        .map(|(i, _)| i)
        .collect();
    ends.push(s.len());
    ends.dedup();
    let max_words = 7;
    let candidates: Vec<usize> = ends.into_iter().take(max_words + 1).collect();
    for &end in candidates.iter().rev() {
        let piece = s[..end].trim_end_matches([',', ' ', '.']);
        if piece.is_empty() {
            continue;
        }
        if let Some(d) = parse_date(piece) {
            return Some((d, piece.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        parse_date(s).map(|p| p.date.to_iso())
    }

    #[test]
    fn common_forms() {
        assert_eq!(d("2025-03-03").as_deref(), Some("2025-03-03"));
        assert_eq!(d("2025-03-03T08:15:00Z").as_deref(), Some("2025-03-03"));
        assert_eq!(d("March 3, 2025").as_deref(), Some("2025-03-03"));
        assert_eq!(d("3 March 2025").as_deref(), Some("2025-03-03"));
        assert_eq!(
            d("Mon, 03 Mar 2025 08:15:00 +0000").as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(d("Monday, October 5, 2025").as_deref(), Some("2025-10-05"));
        assert_eq!(d("Sept. 9, 2024").as_deref(), Some("2024-09-09"));
        assert_eq!(d("March 2025").as_deref(), Some("2025-03"));
        assert_eq!(d("4. März 2025").as_deref(), Some("2025-03-04"));
        assert_eq!(d("4 mars 2025").as_deref(), Some("2025-03-04"));
        assert_eq!(d("4 de marzo de 2025").as_deref(), Some("2025-03-04"));
        assert_eq!(d("12 août 2024").as_deref(), Some("2024-08-12"));
        assert_eq!(d("1 dicembre 2023").as_deref(), Some("2023-12-01"));
        assert_eq!(d("Mars rover"), None);
        assert_eq!(d("Dienstag, 4. März 2025").as_deref(), Some("2025-03-04"));
        assert_eq!(
            d("sexta-feira, 22 de outubro de 2010 às 20:13").as_deref(),
            Some("2010-10-22")
        );
        assert_eq!(d("4. März 2025 um 08:15").as_deref(), Some("2025-03-04"));
    }

    #[test]
    fn partial_dates_stay_partial() {
        assert_eq!(d("March 3").as_deref(), Some("XXXX-03-03"));
        assert_eq!(d("the 19th").as_deref(), Some("XXXX-XX-19"));
        assert_eq!(d("19"), None);
        assert_eq!(d("February 30, 2025"), None);
    }

    #[test]
    fn times_are_kept() {
        let p = parse_date("Mon, 03 Mar 2025 08:15:00 +0200").unwrap();
        assert_eq!(p.time.as_deref(), Some("08:15:00+02:00"));
        let p = parse_date("2025-03-03T08:15:00Z").unwrap();
        assert_eq!(p.time.as_deref(), Some("08:15:00Z"));
    }

    #[test]
    fn prefix_finds_dateline_dates() {
        let (p, len) = date_prefix("March 3 (Nordwire) — The accord").unwrap();
        assert_eq!(p.date.to_iso(), "XXXX-03-03");
        assert_eq!(len, "March 3".len());
        let (p, _) = date_prefix("March 3, 2025 at noon").unwrap();
        assert_eq!(p.date.to_iso(), "2025-03-03");
        assert!(date_prefix("Marching on").is_none());
    }
}
