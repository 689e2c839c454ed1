//! The quantity scanner: number at a token, then scale, range, unit; approximator and
//! currency before it.
use crate::words::{self, Dimension};
use crate::{Approx, Canonical, Quantity, QuantityKind, ValueRange};
use triangulate_doc::{Span, Token};
use triangulate_text::lexicon::is_month_name;

pub(crate) struct Scanner<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
}

/// A number read from one or more tokens.
#[derive(Clone, Copy, Debug)]
struct Number {
    value: f64,
    /// One past the last token read.
    end: usize,
    /// Four plain digits between 1000 and 2100: could be a year.
    year_like: bool,
    /// A scale was part of the number ("3bn", "1.2 million", "two hundred").
    scaled: bool,
    /// Currency written inside the token ("US$5").
    currency: Option<&'static str>,
    /// Unit glued to the digits ("40km", "5m").
    glued_unit: Option<&'static str>,
}

/// Approximators, longest first so that "just under" wins over "under".
const APPROXIMATORS: &[(&[&str], Approx)] = &[
    (&["no", "fewer", "than"], Approx::AtLeast),
    (&["no", "less", "than"], Approx::AtLeast),
    (&["no", "more", "than"], Approx::AtMost),
    (&["as", "many", "as"], Approx::AtMost),
    (&["as", "much", "as"], Approx::AtMost),
    (&["as", "few", "as"], Approx::AtMost),
    (&["an", "estimated"], Approx::About),
    (&["at", "least"], Approx::AtLeast),
    (&["at", "most"], Approx::AtMost),
    (&["up", "to"], Approx::AtMost),
    (&["more", "than"], Approx::MoreThan),
    (&["greater", "than"], Approx::MoreThan),
    (&["less", "than"], Approx::LessThan),
    (&["fewer", "than"], Approx::LessThan),
    (&["close", "to"], Approx::Nearly),
    (&["just", "under"], Approx::Nearly),
    (&["just", "below"], Approx::Nearly),
    (&["just", "over"], Approx::MoreThan),
    (&["well", "over"], Approx::MoreThan),
    (&["upwards", "of"], Approx::MoreThan),
    (&["about"], Approx::About),
    (&["around"], Approx::About),
    (&["approximately"], Approx::About),
    (&["roughly"], Approx::About),
    (&["some"], Approx::About),
    (&["estimated"], Approx::About),
    (&["nearly"], Approx::Nearly),
    (&["almost"], Approx::Nearly),
    (&["over"], Approx::MoreThan),
    (&["above"], Approx::MoreThan),
    (&["under"], Approx::LessThan),
    (&["below"], Approx::LessThan),
];

impl<'a> Scanner<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| t.span.text(self.text))
            .unwrap_or_default()
    }

    fn span(&self, first: usize, end: usize) -> Span {
        match (
            self.tokens.get(first),
            end.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(a), Some(b)) if first < end && a.span.start <= b.span.end => {
                Span::new(a.span.start, b.span.end)
            }
            _ => Span::default(),
        }
    }

    pub(crate) fn run(&self) -> Vec<Quantity> {
        let mut out: Vec<Quantity> = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            if let Some(end) = self.spaced_numeric_date(i) {
                i = end;
                continue;
            }
            match self.at(i) {
                Some((q, end)) => {
                    // An approximator or currency sign may reach back over an earlier result
                    // only if that result ended before it.
                    if out.last().is_none_or(|prev| prev.span.end <= q.span.start) {
                        out.push(q);
                    }
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    /// The quantity whose number starts at token `i`, and the token after it.
    fn at(&self, i: usize) -> Option<(Quantity, usize)> {
        let w = self.word(i);
        if let Some(m) = words::multiplier_word(w) {
            return Some((
                self.build(i, i + 1, QuantityKind::Multiplier, Some(m), None),
                i + 1,
            ));
        }
        if let Some(v) = self.ordinal(i) {
            return Some((
                self.build(i, i + 1, QuantityKind::Ordinal, Some(v), None),
                i + 1,
            ));
        }
        if let Some(found) = self.fractional_duration(i) {
            return Some(found);
        }
        if let Some(found) = self.fraction(i) {
            return Some(found);
        }
        if let Some(found) = self.hyphenated_unit(i) {
            return Some(found);
        }
        if let Some(found) = self.digit_range_token(i) {
            return Some(found);
        }
        if let Some(found) = self.decade(i) {
            return Some(found);
        }
        let first = self.number(i)?;
        if self.is_date_or_time(i, &first) {
            return None;
        }
        let mut end = first.end;
        let mut value = first.value;
        let mut range = None;
        // A range: "10 to 12", "10 - 12", "between 5 and 7", "two or three".
        let lead = if words::currency_prefix(self.word(i.wrapping_sub(1))).is_some() {
            i.wrapping_sub(1)
        } else {
            i
        };
        let between = self
            .word(lead.wrapping_sub(1))
            .eq_ignore_ascii_case("between");
        let joiner = self.word(end);
        let joins = matches!(joiner, "-" | "–" | "to" | "or") || (between && joiner == "and");
        let mut second_year_like = false;
        if joins {
            // The second number may repeat the currency sign: "between $5 and $7 million".
            let second_start = if lead != i && self.word(end + 1) == self.word(lead) {
                end + 2
            } else {
                end + 1
            };
            if let Some(second) = self.number(second_start) {
                let mut low = first.value;
                if second.scaled && !first.scaled {
                    low *= second.value / strip_scale(second.value, self, second_start, second.end);
                }
                if low <= second.value {
                    range = Some(ValueRange {
                        low,
                        high: second.value,
                    });
                    end = second.end;
                    value = second.value;
                    second_year_like = second.year_like;
                }
            }
        }
        let year_like = match range {
            None => first.year_like,
            Some(_) => self.is_year_span(first.year_like, second_year_like, end),
        };
        let currency_before = i
            .checked_sub(1)
            .and_then(|p| words::currency_prefix(self.word(p)))
            .or(first.currency);
        let mut start = if currency_before.is_some() && first.currency.is_none() {
            i - 1
        } else {
            i
        };
        // A currency code written before the sign ("US $5"): keep the sign's code.
        if currency_before.is_some() && start > 0 && self.word(start - 1) == "US" {
            start -= 1;
        }
        let (kind, unit, currency, canonical_factor, unit_end) =
            self.unit_after(end, currency_before, year_like, i, first.glued_unit);
        end = unit_end;
        let mut q = Quantity {
            span: self.span(start, end),
            kind,
            value: if range.is_some() { None } else { Some(value) },
            range,
            unit: unit.map(str::to_string),
            currency: currency.map(str::to_string),
            approx: None,
            canonical: None,
        };
        if let Some((dimension, factor)) = canonical_factor {
            q.canonical = Some(Canonical {
                unit: dimension.canonical_unit().to_string(),
                value: q.value.map(|v| v * factor),
                range: q.range.map(|r| ValueRange {
                    low: r.low * factor,
                    high: r.high * factor,
                }),
            });
        }
        self.attach_approx(&mut q, start, &mut end);
        Some((q, end))
    }

    fn build(
        &self,
        first: usize,
        end: usize,
        kind: QuantityKind,
        value: Option<f64>,
        unit: Option<&str>,
    ) -> Quantity {
        let mut q = Quantity {
            span: self.span(first, end),
            kind,
            value,
            range: None,
            unit: unit.map(str::to_string),
            currency: None,
            approx: None,
            canonical: None,
        };
        let mut end = end;
        self.attach_approx(&mut q, first, &mut end);
        q
    }

    /// Adds an approximator before the number ("more than", "some") or after it ("or more").
    fn attach_approx(&self, q: &mut Quantity, start: usize, end: &mut usize) {
        for (phrase, approx) in APPROXIMATORS {
            let n = phrase.len();
            let Some(first) = start.checked_sub(n) else {
                continue;
            };
            let matches = phrase
                .iter()
                .enumerate()
                .all(|(k, p)| self.word(first + k).eq_ignore_ascii_case(p));
            if matches {
                q.approx = Some(*approx);
                q.span = self.span(first, *end).cover(q.span);
                return;
            }
        }
        if self.word(*end) == "or" {
            let after = self.word(*end + 1);
            let approx = match after {
                "more" => Some(Approx::AtLeast),
                "so" => Some(Approx::About),
                "less" | "fewer" => Some(Approx::AtMost),
                _ => None,
            };
            if let Some(a) = approx {
                q.approx = Some(a);
                *end += 2;
                q.span = q.span.cover(self.span(*end - 2, *end));
            }
        }
    }

    /// What follows the number: percent, currency word, "times", a unit or a counted noun.
    #[allow(clippy::type_complexity)]
    fn unit_after(
        &self,
        end: usize,
        currency_before: Option<&'static str>,
        year_like: bool,
        number_start: usize,
        glued_unit: Option<&'static str>,
    ) -> (
        QuantityKind,
        Option<&'a str>,
        Option<&'static str>,
        Option<(Dimension, f64)>,
        usize,
    ) {
        let w = self.word(end);
        let lower = w.to_ascii_lowercase();
        if let Some(code) = currency_before {
            return (QuantityKind::Money, None, Some(code), None, end);
        }
        if let Some(u) = glued_unit.and_then(words::unit_word) {
            let kind = kind_of(u.dimension);
            return (kind, Some(u.name), None, Some((u.dimension, u.factor)), end);
        }
        match lower.as_str() {
            "%" | "percent" | "pct" => {
                return (QuantityKind::Percent, Some("percent"), None, None, end + 1)
            }
            "per" if self.word(end + 1) == "cent" => {
                return (QuantityKind::Percent, Some("percent"), None, None, end + 2)
            }
            "percentage" if matches!(self.word(end + 1), "point" | "points") => {
                return (
                    QuantityKind::Percent,
                    Some("percentage point"),
                    None,
                    None,
                    end + 2,
                )
            }
            "times" => return (QuantityKind::Multiplier, None, None, None, end + 1),
            // The currency of a cent is rarely written next to it; keep the unit instead.
            "cent" | "cents" => return (QuantityKind::Money, Some("cent"), None, None, end + 1),
            _ => {}
        }
        if let Some(code) = words::currency_suffix(w) {
            return (QuantityKind::Money, None, Some(code), None, end + 1);
        }
        if year_like && (self.year_context(number_start) || !self.is_count_noun(w)) {
            return (QuantityKind::Year, None, None, None, end);
        }
        if let Some(u) = words::unit_word(w) {
            let kind = kind_of(u.dimension);
            return (
                kind,
                Some(u.name),
                None,
                Some((u.dimension, u.factor)),
                end + 1,
            );
        }
        if self.is_count_noun(w) {
            return (QuantityKind::Cardinal, Some(w), None, None, end + 1);
        }
        (QuantityKind::Cardinal, None, None, None, end)
    }

    fn is_count_noun(&self, w: &str) -> bool {
        words::irregular_count_noun(w)
            || (w.len() > 3
                && w.ends_with('s')
                && w.chars().all(|c| c.is_ascii_lowercase())
                && !words::is_non_noun_s_word(w))
    }

    /// Whether a range whose ends are (`low_is_year`, `high_is_year`) year-like numbers, with
    /// the word at `after` following it, is a span of years ("the 2008-2012 period", "from
    /// 2014 to 2016") rather than a count: not before a scale word or a counted noun
    /// ("2000-3000 million", "between 1200 and 1500 people"), whatever word comes before.
    fn is_year_span(&self, low_is_year: bool, high_is_year: bool, after: usize) -> bool {
        let next = self.word(after);
        low_is_year
            && high_is_year
            && words::scale_word(next).is_none()
            && !self.is_count_noun(next)
    }

    /// Words before a year-like number that make it a year even before a noun
    /// ("in 2012 elections were held").
    fn year_context(&self, i: usize) -> bool {
        let prev = self.word(i.wrapping_sub(1));
        matches!(
            prev,
            "in" | "In"
                | "since"
                | "Since"
                | "by"
                | "until"
                | "from"
                | "From"
                | "of"
                | "during"
                | "before"
                | "after"
                | "between"
                | "through"
                | "to"
                | "and"
                | ","
                | "year"
                | "early"
                | "late"
                | "mid"
                | "spring"
                | "summer"
                | "autumn"
                | "winter"
        ) || is_month_name(prev)
    }

    /// A numeric date cut into five tokens by pre-tokenised copy ("08 / 02 / 2013",
    /// "2013 - 02 - 08"): the token after it, so none of its numbers is read as a count.
    /// Day-month-year or month-day-year with a 2- or 4-digit year, or year-month-day; the day
    /// and month must be in range, so "14 / 15 / 16" and "3 - 1" stay numbers.
    fn spaced_numeric_date(&self, i: usize) -> Option<usize> {
        let sep = self.word(i + 1);
        if !matches!(sep, "/" | "-" | ".") || self.word(i + 3) != sep {
            return None;
        }
        let part = |k: usize| -> Option<(usize, u32)> {
            let w = self.word(k);
            let digits = w.len();
            (1..=4).contains(&digits).then_some(())?;
            w.bytes().all(|b| b.is_ascii_digit()).then_some(())?;
            Some((digits, w.parse().ok()?))
        };
        let (a, b, c) = (part(i)?, part(i + 2)?, part(i + 4)?);
        let day_month = |x: u32, y: u32| (1..=31).contains(&x) && (1..=12).contains(&y);
        let short = |p: (usize, u32)| p.0 <= 2;
        let is_date = if a.0 == 4 {
            short(b) && short(c) && day_month(c.1, b.1)
        } else {
            short(a)
                && short(b)
                && matches!(c.0, 2 | 4)
                && (day_month(a.1, b.1) || day_month(b.1, a.1))
        };
        is_date.then_some(i + 5)
    }

    /// Day numbers next to a month name and numbers followed by a clock marker belong to the
    /// time-expression stage.
    fn is_date_or_time(&self, i: usize, n: &Number) -> bool {
        let small_int = n.value.fract() == 0.0 && (1.0..=31.0).contains(&n.value) && !n.scaled;
        let prev = self.word(i.wrapping_sub(1));
        let next = self.word(n.end);
        (small_int && (is_month_name(prev) || is_month_name(next)))
            || matches!(
                next,
                "a.m." | "p.m." | "a.m" | "p.m" | "am" | "pm" | "GMT" | "UTC" | "BST" | "CET"
            )
            || (small_int && next == "o'clock")
    }

    /// An ordinal at `i`: "19th", "first", "twenty-first"; "second" only after a determiner,
    /// since it is also a unit of time.
    fn ordinal(&self, i: usize) -> Option<f64> {
        let w = self.word(i);
        if let Some(digits) = w
            .strip_suffix("st")
            .or_else(|| w.strip_suffix("nd"))
            .or_else(|| w.strip_suffix("rd"))
            .or_else(|| w.strip_suffix("th"))
        {
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                return digits.parse::<f64>().ok();
            }
        }
        let v = words::ordinal_word(w)?;
        if w.eq_ignore_ascii_case("second") {
            let prev = self.word(i.wrapping_sub(1));
            if !matches!(prev, "the" | "The" | "its" | "his" | "her" | "their" | "a") {
                return None;
            }
            if words::unit_word(self.word(i + 1)).is_some() || prev == "a" {
                return None;
            }
        }
        Some(v)
    }

    /// "48-year-old", "five-year", "10-day", "3-km": a number glued to a unit.
    fn hyphenated_unit(&self, i: usize) -> Option<(Quantity, usize)> {
        let w = self.word(i);
        let (num, rest) = w.split_once('-')?;
        let unit_part = rest.split('-').next().unwrap_or(rest);
        let unit = words::unit_word(unit_part)?;
        let value = words::cardinal_word(num).or_else(|| plain_number(num))?;
        Some((self.with_unit(i, i + 1, value, unit), i + 1))
    }

    /// A duration or measure over tokens `first..end` with its canonical value.
    fn with_unit(&self, first: usize, end: usize, value: f64, unit: words::UnitInfo) -> Quantity {
        let mut q = self.build(
            first,
            end,
            kind_of(unit.dimension),
            Some(value),
            Some(unit.name),
        );
        q.canonical = Some(Canonical {
            unit: unit.dimension.canonical_unit().to_string(),
            value: Some(value * unit.factor),
            range: None,
        });
        q
    }

    /// A length of time written with a fraction or an article instead of a number: "a quarter
    /// of a century", "half a century", "three quarters of an hour", "a decade". Only decades
    /// and centuries take a bare article ("a decade"): "a year", "a day" are far more often
    /// rates ("twice a year") or dates, which the time-expression stage reads.
    fn fractional_duration(&self, i: usize) -> Option<(Quantity, usize)> {
        let lower = |k: usize| self.word(k).to_ascii_lowercase();
        let is_article = |k: usize| matches!(lower(k).as_str(), "a" | "an");
        // The amount and the index of the unit word.
        let (amount, unit_at) = if lower(i) == "half" && is_article(i + 1) {
            (0.5, i + 2)
        } else if is_article(i) && matches!(lower(i + 1).as_str(), "decade" | "century") {
            (1.0, i + 1)
        } else {
            let (numerator, den_at) = if is_article(i) {
                (1.0, i + 1)
            } else if let Some(n) = words::cardinal_word(&lower(i)) {
                (n, i + 1)
            } else if lower(i) == "half" {
                (1.0, i)
            } else {
                return None;
            };
            let den_word = lower(den_at);
            let d = if den_at == i {
                Some(2.0)
            } else {
                denominator(&den_word)
            }?;
            if self.word(den_at + 1) != "of" || !is_article(den_at + 2) {
                return None;
            }
            (numerator / d, den_at + 3)
        };
        let unit = words::unit_word(&lower(unit_at)).filter(|u| {
            u.dimension == words::Dimension::Duration && !lower(unit_at).ends_with('s')
        })?;
        let end = unit_at + 1;
        Some((self.with_unit(i, end, amount, unit), end))
    }

    /// A proportion in words. Bare "half" and "quarter" are too often other things ("half an
    /// hour", "the first quarter"), so they count only before "of"; "two-thirds" always does.
    fn fraction(&self, i: usize) -> Option<(Quantity, usize)> {
        let w = self.word(i).to_ascii_lowercase();
        let of_follows = |k: usize| self.word(k) == "of";
        let glued = |w: &str| -> Option<f64> {
            let (num, den) = w.split_once('-')?;
            let n = words::cardinal_word(num)?;
            let d = denominator(den)?;
            Some(n / d)
        };
        let (value, end) = if let Some(v) = glued(&w) {
            (v, i + 1)
        } else if w == "half" && of_follows(i + 1) {
            (0.5, i + 1)
        } else if let Some(d) = denominator(&w).filter(|_| {
            // "the fifth of November" is an ordinal.
            let prev = self.word(i.wrapping_sub(1));
            of_follows(i + 1) && !matches!(prev, "the" | "The" | "its" | "his" | "her" | "their")
        }) {
            // "a third of", preceded by its numerator below.
            (1.0 / d, i + 1)
        } else if let (Some(n), Some(d)) = (
            words::cardinal_word(&w).or(matches!(w.as_str(), "a" | "an").then_some(1.0)),
            denominator(&self.word(i + 1).to_ascii_lowercase()),
        ) {
            if !of_follows(i + 2) {
                return None;
            }
            (n / d, i + 2)
        } else {
            return None;
        };
        Some((
            self.build(i, end, QuantityKind::Fraction, Some(value), None),
            end,
        ))
    }

    /// A decade written as a plural year, "the 1990s": the years 1990 to 1999.
    fn decade(&self, i: usize) -> Option<(Quantity, usize)> {
        let digits = self.word(i).strip_suffix('s')?;
        let start = plain_number(digits).filter(|_| digits.len() == 4 && !digits.contains(','))?;
        if start % 10.0 != 0.0 || !(1000.0..=2100.0).contains(&start) {
            return None;
        }
        let mut q = self.build(i, i + 1, QuantityKind::Year, None, Some("decade"));
        q.range = Some(ValueRange {
            low: start,
            high: start + 9.0,
        });
        Some((q, i + 1))
    }

    /// A range in one token: "10-12" (not a date such as "1996-12-06").
    fn digit_range_token(&self, i: usize) -> Option<(Quantity, usize)> {
        let w = self.word(i);
        let (a, b) = w.split_once('-').or_else(|| w.split_once('–'))?;
        let low = plain_number(a)?;
        let high = plain_number(b)?;
        if low >= high {
            return None;
        }
        let number = Number {
            value: high,
            end: i + 1,
            year_like: self.is_year_span(is_year_number(a, low), is_year_number(b, high), i + 1),
            scaled: false,
            currency: None,
            glued_unit: None,
        };
        let mut end = i + 1;
        let mut scale = 1.0;
        while let Some(s) = words::scale_word(self.word(end)) {
            scale *= s;
            end += 1;
        }
        let currency_before = i
            .checked_sub(1)
            .and_then(|p| words::currency_prefix(self.word(p)));
        let start = if currency_before.is_some() { i - 1 } else { i };
        let (kind, unit, currency, factor, end) =
            self.unit_after(end, currency_before, number.year_like, i, None);
        let range = ValueRange {
            low: low * scale,
            high: high * scale,
        };
        let mut q = Quantity {
            span: self.span(start, end),
            kind,
            value: None,
            range: Some(range),
            unit: unit.map(str::to_string),
            currency: currency.map(str::to_string),
            approx: None,
            canonical: factor.map(|(d, f)| Canonical {
                unit: d.canonical_unit().to_string(),
                value: None,
                range: Some(ValueRange {
                    low: range.low * f,
                    high: range.high * f,
                }),
            }),
        };
        let mut end = end;
        self.attach_approx(&mut q, start, &mut end);
        Some((q, end))
    }

    /// A number at `i` in digits ("10,000", "3.5", "3bn") or words ("twenty-five",
    /// "two hundred", "a million"), with scale words after it applied.
    fn number(&self, i: usize) -> Option<Number> {
        let w = self.word(i);
        let mut n = if w.starts_with(|c: char| c.is_ascii_digit())
            || w.starts_with(|c: char| c.is_ascii_uppercase()) && w.contains('$')
        {
            parse_digits(w, i)?
        } else {
            self.word_number(i)?
        };
        while let Some(s) = words::scale_word(self.word(n.end)) {
            if s < 1e3 && n.value >= 1e3 {
                break;
            }
            n.value *= s;
            n.scaled = true;
            n.year_like = false;
            n.end += 1;
        }
        Some(n)
    }

    /// Number words: "seven", "twenty-five", "two hundred and forty", "a million", "a dozen".
    fn word_number(&self, i: usize) -> Option<Number> {
        let first = self.word(i);
        let mut j = i;
        let (mut total, mut current) = (0.0f64, 0.0f64);
        let mut any = false;
        let mut last_small = false;
        if first.eq_ignore_ascii_case("a") || first.eq_ignore_ascii_case("one") {
            let next = self.word(i + 1);
            if next == "dozen" {
                current = 12.0;
                j = i + 2;
                any = true;
            } else if words::scale_word(next).is_some() {
                current = 1.0;
                j = i + 1;
                any = true;
            } else if first.eq_ignore_ascii_case("a") {
                return None;
            }
        }
        loop {
            let w = self.word(j);
            if let Some(v) = words::cardinal_word(w) {
                if last_small {
                    // Spoken years in transcripts: "nineteen ninety-six".
                    let spoken_year = total == 0.0
                        && (10.0..=20.0).contains(&current)
                        && (10.0..100.0).contains(&v)
                        && j == i + 1;
                    if spoken_year {
                        return Some(Number {
                            value: current * 100.0 + v,
                            end: j + 1,
                            year_like: true,
                            scaled: false,
                            currency: None,
                            glued_unit: None,
                        });
                    }
                    break;
                }
                current += v;
                any = true;
                last_small = true;
            } else if any && w == "hundred" {
                current = current.max(1.0) * 100.0;
                last_small = false;
            } else if any && w == "dozen" {
                current = current.max(1.0) * 12.0;
                last_small = false;
            } else if any
                && matches!(w, "thousand" | "million" | "billion" | "trillion")
                && words::cardinal_word(self.word(j + 1)).is_some()
            {
                let scale = words::scale_word(w).unwrap_or(1.0);
                total += current.max(1.0) * scale;
                current = 0.0;
                last_small = false;
            } else if any
                && w == "and"
                && !last_small
                && words::cardinal_word(self.word(j + 1)).is_some()
            {
                // "two hundred and forty"
            } else {
                break;
            }
            j += 1;
        }
        if !any {
            return None;
        }
        // A bare "one" is mostly a pronoun ("one of them"); count it only before a unit.
        if j == i + 1 && first.eq_ignore_ascii_case("one") {
            let next = self.word(j);
            let counts = words::unit_word(next).is_some()
                || matches!(next, "%" | "percent")
                || words::currency_suffix(next).is_some()
                || matches!(
                    next,
                    "person"
                        | "man"
                        | "woman"
                        | "child"
                        | "soldier"
                        | "civilian"
                        | "officer"
                        | "journalist"
                        | "member"
                        | "vote"
                        | "seat"
                        | "day"
                        | "year"
                );
            if !counts {
                return None;
            }
        }
        Some(Number {
            value: total + current,
            end: j,
            year_like: false,
            scaled: false,
            currency: None,
            glued_unit: None,
        })
    }
}

/// The value of the range end without its scale words, to apply the same scale to the
/// start: "5 to 7 million" means 5 million to 7 million.
fn strip_scale(value: f64, scanner: &Scanner<'_>, start: usize, end: usize) -> f64 {
    let scale: f64 = (start..end)
        .filter_map(|t| words::scale_word(scanner.word(t)))
        .product();
    if scale > 0.0 {
        value / scale
    } else {
        value
    }
}

/// The denominator named by "third(s)", "quarter(s)", "fifth(s)" ... "tenth(s)".
fn denominator(word: &str) -> Option<f64> {
    let singular = word.strip_suffix('s').unwrap_or(word);
    match singular {
        "half" | "halve" => Some(2.0),
        "third" => Some(3.0),
        "quarter" | "fourth" => Some(4.0),
        "fifth" => Some(5.0),
        "sixth" => Some(6.0),
        "seventh" => Some(7.0),
        "eighth" => Some(8.0),
        "ninth" => Some(9.0),
        "tenth" => Some(10.0),
        _ => None,
    }
}

fn kind_of(d: Dimension) -> QuantityKind {
    if d == Dimension::Duration {
        QuantityKind::Duration
    } else {
        QuantityKind::Measure
    }
}

/// "10,000", "3.5", "12": digits with well-formed thousands separators and one decimal point.
fn plain_number(s: &str) -> Option<f64> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if frac.contains('.') || frac.contains(',') || int.is_empty() {
        return None;
    }
    if int.contains(',') {
        let mut groups = int.split(',');
        let head = groups.next()?;
        if head.is_empty() || head.len() > 3 || !groups.all(|g| g.len() == 3) {
            return None;
        }
    }
    let clean: String = s.chars().filter(|c| *c != ',').collect();
    clean.parse::<f64>().ok()
}

/// Whether digits `num` (read as `value`) can be a year: four plain digits, 1000 to 2100.
fn is_year_number(num: &str, value: f64) -> bool {
    num.len() == 4 && num.bytes().all(|b| b.is_ascii_digit()) && (1000.0..=2100.0).contains(&value)
}

/// A digit token with optional currency prefix ("US$5") and scale or unit suffix ("3bn",
/// "40km").
fn parse_digits(w: &str, i: usize) -> Option<Number> {
    let first_digit = w.find(|c: char| c.is_ascii_digit())?;
    let (prefix, rest) = w.split_at(first_digit);
    let currency = if prefix.is_empty() {
        None
    } else {
        Some(words::currency_prefix(prefix)?)
    };
    let num_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let (num, suffix) = rest.split_at(num_end);
    let num = num.trim_end_matches(['.', ',']);
    let value = plain_number(num)?;
    if num.len() != num_end && !suffix.is_empty() {
        return None;
    }
    let mut n = Number {
        value,
        end: i + 1,
        year_like: is_year_number(num, value) && suffix.is_empty() && currency.is_none(),
        scaled: false,
        currency,
        glued_unit: None,
    };
    match suffix {
        "" => {}
        "k" | "K" => {
            n.value *= 1e3;
            n.scaled = true;
        }
        "m" | "mn" | "M" if currency.is_some() => {
            n.value *= 1e6;
            n.scaled = true;
        }
        "mn" | "mln" => {
            n.value *= 1e6;
            n.scaled = true;
        }
        "bn" | "b" | "B" | "bln" => {
            n.value *= 1e9;
            n.scaled = true;
        }
        "tn" => {
            n.value *= 1e12;
            n.scaled = true;
        }
        unit => {
            let info = words::unit_word(unit)?;
            n.glued_unit = Some(info.name);
        }
    }
    Some(n)
}
