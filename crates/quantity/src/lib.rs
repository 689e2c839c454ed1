//! Numbers in news text, typed and normalised so that sources can be compared.
//!
//! [`find_quantities`] reads the cleaned text and its tokens (from `triangulate-text`) and
//! returns every [`Quantity`]: cardinals in digits or words ("10,000", "twenty-five",
//! "1.2 million"), ordinals ("19th", "first"), percentages ("12%", "12 percent", "per cent"),
//! money ("$5 million", "€3bn", "5 million euros", "EUR 3.2 billion"), multipliers ("9 times",
//! "ninefold", "doubled"), years ("in 1987"), durations ("20 years", "two decades", "a
//! quarter of a century", "half a century", "a decade") and measures ("40 km", "3 tonnes"),
//! with ranges ("10-12", "between 5 and 7", "5 to 7 percent"),
//! approximators ("over", "nearly", "about", "at least", "up to", "more than", "some") and
//! counted nouns ("10,000 people").
//!
//! Every quantity has its value as a plain `f64` with scale words applied, its unit or ISO
//! currency code, and for durations and physical measures a [`Canonical`] value in one unit
//! per dimension (days, metres, kilograms, square metres, litres), so "20 years" and "two
//! decades" compare equal. Money is not converted between currencies.
//!
//! Dates and clock times are left to the time-expression stage: day numbers next to a month
//! name ("March 3"), tokens such as "1996-12-06" or "10:30", and numeric dates that
//! pre-tokenised copy spreads over five tokens ("08 / 02 / 2013") are not reported here.

mod scan;
mod words;

use serde::{Deserialize, Serialize};
use triangulate_doc::{Span, Token};

/// What a number counts or measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// A count, possibly of a named thing (`unit` = "people").
    Cardinal,
    Ordinal,
    /// `value` in percent (12 for "12%"); `unit` is "percent" or "percentage point".
    Percent,
    /// `currency` holds the ISO 4217 code when it is written.
    Money,
    /// "9 times", "ninefold", "doubled" (2), "halved" (0.5).
    Multiplier,
    /// A calendar year ("in 1987", spoken "nineteen ninety-six"), a span of years as a range
    /// ("the 2008-2012 period", "from 2014 to 2016"; not "1200-1500 people"), or a decade as a
    /// range of years with unit "decade" ("the 1990s": 1990–1999).
    Year,
    /// A length of time; `canonical` is in days.
    Duration,
    /// A physical measure (length, mass, area, volume); `canonical` is in SI-style units.
    Measure,
    /// A proportion in words: "half of", "two-thirds", "a quarter of"; `value` is the
    /// proportion (0.5), comparable with a percentage divided by 100.
    Fraction,
}

/// How an approximator qualifies the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Approx {
    /// "about", "around", "some", "roughly", "an estimated", "or so".
    About,
    /// "nearly", "almost", "close to", "just under": a little below the value.
    Nearly,
    /// "at least", "no fewer than", "or more".
    AtLeast,
    /// "more than", "over", "above", "upwards of".
    MoreThan,
    /// "up to", "as many as", "at most", "no more than".
    AtMost,
    /// "less than", "fewer than", "under", "below".
    LessThan,
}

/// An inclusive range of values: "10-12", "between 5 and 7".
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ValueRange {
    pub low: f64,
    pub high: f64,
}

/// The value in the canonical unit of its dimension, for comparing "20 years" with
/// "two decades" (both 7305 days).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Canonical {
    /// "day", "m", "kg", "m2" or "l".
    pub unit: String,
    pub value: Option<f64>,
    pub range: Option<ValueRange>,
}

/// One number expression.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Quantity {
    /// The whole expression: approximator, currency, number, scale and unit.
    pub span: Span,
    pub kind: QuantityKind,
    /// The value with scale words applied (5e6 for "$5 million"); `None` for ranges.
    pub value: Option<f64>,
    pub range: Option<ValueRange>,
    /// Normalised unit: "percent", "km", "year", or the counted noun ("people").
    pub unit: Option<String>,
    /// ISO 4217 code for money: "USD", "EUR".
    pub currency: Option<String>,
    pub approx: Option<Approx>,
    pub canonical: Option<Canonical>,
}

impl Quantity {
    /// Lowest and highest value meant: the value twice, or the range ends.
    pub fn bounds(&self) -> Option<(f64, f64)> {
        match (self.value, self.range) {
            (Some(v), _) => Some((v, v)),
            (None, Some(r)) => Some((r.low, r.high)),
            _ => None,
        }
    }
}

/// Finds the quantities in `text`, given its tokens from `triangulate_text::tokenize`.
///
/// Tokens whose spans do not fit `text` are skipped. Results are in text order and do not
/// overlap.
pub fn find_quantities(text: &str, tokens: &[Token]) -> Vec<Quantity> {
    scan::Scanner { text, tokens }.run()
}
