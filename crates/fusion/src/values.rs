//! Typed values in a statement — years, durations, counts with units — for comparing what
//! aligned statements say.
//!
//! Durations are normalised to years, so "20 years", "two decades" and "a quarter of a century"
//! compare as numbers; approximators ("nearly", "about", "more than") widen the comparison, so
//! "nearly 25 years" agrees with "a quarter of a century". Number words up to the millions are
//! read ("three crossings", "twenty-five", "a dozen").
use crate::text::{fold, stem, words, Word};
use triangulate_doc::Span;

/// What a value measures.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    /// A calendar year ("in 1994").
    Year,
    /// A length of time in the given base unit (`year` for years, decades and centuries;
    /// `month`, `week`, `day`): "two-day visit" and "20 years" are never compared.
    Duration(&'static str),
    /// A count or amount of something; the unit is the stemmed noun that follows ("crossing").
    Quantity(String),
}

/// One value found in a statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub amount: f64,
    /// Preceded by an approximator ("nearly", "about", "more than").
    pub approximate: bool,
    /// Where the value is written (byte span in the statement text).
    pub span: Span,
    /// Content words just before the value, back to the previous value (what it is about:
    /// "trade accord" in "the trade accord of 1994"); items of a list share the head's.
    pub context: Vec<String>,
}

impl Value {
    /// Same value, allowing 10% either way when one side is approximate.
    pub fn agrees_with(&self, other: &Value) -> bool {
        if self.kind != other.kind {
            return false;
        }
        if self.approximate || other.approximate {
            let scale = self.amount.abs().max(other.amount.abs()).max(1.0);
            (self.amount - other.amount).abs() <= 0.1 * scale
        } else {
            (self.amount - other.amount).abs() < 1e-9
        }
    }

    /// The value as written for readers: "1994", "20 years", "3 crossing".
    pub fn render(&self) -> String {
        let n = if self.amount.fract() == 0.0 {
            format!("{}", self.amount as i64)
        } else {
            format!("{:.2}", self.amount)
        };
        let approx = if self.approximate { "~" } else { "" };
        match &self.kind {
            ValueKind::Year => n,
            ValueKind::Duration(unit) => format!("{approx}{n} {unit}s"),
            ValueKind::Quantity(unit) => format!("{approx}{n} {unit}"),
        }
    }
}

const APPROXIMATORS: &[&str] = &[
    "about",
    "almost",
    "approximately",
    "around",
    "nearly",
    "over",
    "roughly",
    "some",
    "under",
    "more",
    "less",
    "least",
    "fewer",
    "up",
];

fn number_word(w: &str) -> Option<f64> {
    Some(match w {
        "one" | "a" | "an" | "single" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "dozen" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "half" => 0.5,
        "quarter" => 0.25,
        _ => return None,
    })
}

/// Base unit and multiplier of a time unit word.
fn time_unit(w: &str) -> Option<(&'static str, f64)> {
    Some(match w {
        "year" | "years" => ("year", 1.0),
        "decade" | "decades" => ("year", 10.0),
        "century" | "centuries" => ("year", 100.0),
        "month" | "months" => ("month", 1.0),
        "week" | "weeks" => ("week", 1.0),
        "day" | "days" => ("day", 1.0),
        _ => return None,
    })
}

fn is_filler(w: &str) -> bool {
    matches!(w, "of" | "a" | "an" | "and" | "the")
}

/// Typed values of a statement, in text order.
pub fn extract(text: &str) -> Vec<Value> {
    let ws: Vec<Word<'_>> = words(text).collect();
    let folded: Vec<String> = ws.iter().map(|w| fold(w.text)).collect();
    let mut out: Vec<Value> = Vec::new();
    let mut i = 0;
    let mut context_start = 0;
    while i < ws.len() {
        let Some(w) = ws.get(i) else { break };
        let f = folded.get(i).map(String::as_str).unwrap_or_default();
        // Read a number: digits (with thousands groups) or number words.
        let mut amount: Option<f64> = None;
        let mut j = i;
        if w.is_numeric() {
            let mut digits = w.text.to_string();
            let mut end = w.start + w.text.len();
            while let Some(next) = ws.get(j + 1) {
                let sep = text.get(end..next.start).unwrap_or_default();
                if sep == "," && next.is_numeric() && next.text.len() == 3 {
                    digits.push_str(next.text);
                    end = next.start + next.text.len();
                    j += 1;
                } else {
                    break;
                }
            }
            amount = digits.parse::<f64>().ok();
        } else if let Some(v) = number_word(f) {
            // "a"/"an" count only before a number or unit word ("a quarter", "a decade").
            let next = folded.get(i + 1).map(String::as_str).unwrap_or_default();
            let article = matches!(f, "a" | "an");
            if !article || number_word(next).is_some() || time_unit(next).is_some() {
                amount = Some(v);
                // Compounds: "twenty five", "three hundred", "a quarter of a century".
                while let Some(next) = folded.get(j + 1) {
                    if let Some(n) =
                        number_word(next).filter(|_| !matches!(next.as_str(), "a" | "an"))
                    {
                        amount = amount.map(|a| {
                            if n >= 100.0 {
                                a * n
                            } else if a >= 20.0 && n < 10.0 {
                                a + n
                            } else {
                                a * n
                            }
                        });
                        j += 1;
                    } else {
                        break;
                    }
                }
            }
        }
        let Some(mut value) = amount else {
            i += 1;
            continue;
        };
        let start = w.start;
        // Unit: skip "of a"/"of" fillers ("a quarter of a century").
        let mut k = j + 1;
        while folded.get(k).is_some_and(|f| is_filler(f)) && k < j + 3 {
            k += 1;
        }
        let unit = folded.get(k).map(String::as_str).unwrap_or_default();
        let is_year_number =
            w.is_numeric() && w.text.len() == 4 && (1000.0..2200.0).contains(&value);
        let (kind, last) = if let Some((base, factor)) = time_unit(unit) {
            value *= factor;
            (ValueKind::Duration(base), k)
        } else if is_year_number && j == i {
            (ValueKind::Year, j)
        } else if !unit.is_empty() && unit.chars().all(char::is_alphabetic) && j == k - 1 {
            (ValueKind::Quantity(stem(unit).to_string()), k)
        } else if w.is_numeric() {
            (ValueKind::Quantity(String::new()), j)
        } else {
            // A bare number word without a unit ("one of the", "some") says nothing checkable.
            i = j + 1;
            continue;
        };
        let approximate = i
            .checked_sub(1)
            .and_then(|p| folded.get(p))
            .is_some_and(|p| APPROXIMATORS.contains(&p.as_str()))
            || i.checked_sub(2)
                .and_then(|p| folded.get(p))
                .is_some_and(|p| matches!(p.as_str(), "more" | "less" | "at" | "up"));
        let end = ws.get(last).map_or(start, |w| w.start + w.text.len());
        let context = folded
            .get(context_start..i)
            .unwrap_or_default()
            .iter()
            .filter(|f| {
                !crate::text::is_stop_word(f)
                    && !APPROXIMATORS.contains(&f.as_str())
                    && number_word(f).is_none()
                    && !f.chars().all(|c| c.is_ascii_digit())
            })
            .map(|f| crate::claims::lemma(f))
            .collect::<Vec<_>>();
        let context: Vec<String> = context.iter().rev().take(3).rev().cloned().collect();
        // A list ("signed in 1987, 1994 and 2002") shares the context of its head.
        let context = match (context.is_empty(), out.last()) {
            (true, Some(previous)) if previous.kind == kind => previous.context.clone(),
            _ => context,
        };
        out.push(Value {
            kind,
            amount: value,
            approximate,
            span: Span::new(start, end),
            context,
        });
        context_start = last + 1;
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Value {
        let v = extract(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn durations_in_other_words_agree() {
        let twenty = one("the first visit in 20 years");
        let decades = one("the first visit in two decades");
        assert_eq!(twenty.kind, ValueKind::Duration("year"));
        assert!(twenty.agrees_with(&decades));
        let nearly = one("a dispute of nearly 25 years");
        let quarter = one("a dispute of a quarter of a century");
        assert!(nearly.approximate);
        assert!((quarter.amount - 25.0).abs() < 1e-9, "{quarter:?}");
        assert!(nearly.agrees_with(&quarter));
        assert!(!one("a visit in 12 years").agrees_with(&twenty));
    }

    #[test]
    fn years_and_counts() {
        let v =
            extract("accords signed in 1987, 1994 and 2012 opened three crossings and 10,000 jobs");
        let rendered: Vec<String> = v.iter().map(Value::render).collect();
        assert_eq!(
            rendered,
            vec!["1987", "1994", "2012", "3 crossing", "10000 jobs"]
        );
    }

    #[test]
    fn year_context_names_what_it_dates() {
        let v = extract("the trade accord of 1994 and the border accord of 2002");
        assert_eq!(v[0].context, vec!["trade", "pact"]);
        assert_eq!(v[1].context, vec!["border", "pact"]);
    }
}
