//! Comparing the numbers of aligned statements. The numbers themselves are read by the quantity
//! stage (`triangulate-quantity`, carried in the annotation layers); this module only decides
//! which two of them speak about the same kind of thing and whether they agree.
//!
//! A [`Value`] is one [`Quantity`] of a statement turned into an interval in a comparable unit:
//! durations in days (so "20 years" and "two decades" are one value), measures in their
//! canonical unit, money per currency, percentages per kind of percent, counts per counted noun
//! (stemmed through the claim lexicon, so "crossing" and "crossings" compare). Approximators
//! widen the interval the way they read: "nearly 25 years" is 22.5–25 years, "more than 20" is
//! anything above 20, "about 10" is 9–11. Two values agree when their intervals meet.
//!
//! Each value also keeps the content words written just before it (its *context*, back to the
//! previous value): what it is about ("trade accord" in "the trade accord of 1994"). Items of a
//! list share the context of its head. Year roles and swapped pairs are decided on these words.
use crate::claims::lemma;
use crate::text::{fold, is_stop_word, words};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;
use triangulate_doc::Span;
use triangulate_quantity::{Approx, Quantity, QuantityKind};
use triangulate_text::lexicon::{is_month_name, is_phrase_break};

/// What a value measures; only values of one kind are ever compared.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    /// A calendar year ("in 1994").
    Year,
    /// A length of time, in days. Short spans (seconds to weeks) and long ones (months to
    /// centuries) are kept apart: a sentence giving a "two-day visit" and a "first visit in 20
    /// years" states two different facts, not a disagreement.
    Duration { long: bool },
    /// An age ("46-year-old", "46 years old"), in days: never compared with how long
    /// something lasted.
    Age,
    /// A physical measure in its canonical unit ("m", "kg", "m2", "l").
    Measure(String),
    /// Money in one currency (`None`: not written).
    Money(Option<String>),
    /// A percentage ("percent" or "percentage point").
    Percent(String),
    /// "9 times", "doubled".
    Multiplier,
    /// A proportion in words ("two-thirds of").
    Fraction,
    /// A count, with the lemma of the counted noun (empty when none is written).
    Count(String),
}

/// One comparable value of a statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    /// The interval meant, approximators applied, in the kind's unit.
    pub low: f64,
    pub high: f64,
    /// The value as the quantity stage read it (years: the year), before approximators.
    pub amount: f64,
    /// Where the whole expression is written, in the document's text.
    pub span: Span,
    /// Lemmas of the content words just before the value (what it is about).
    pub context: Vec<String>,
    /// From the first of those context words to the end of the value, in the document's text:
    /// "trade accord of 1994". Used to describe the value in the words of the evidence.
    pub phrase: Span,
}

/// What happened to the people a count counts, in the words news uses for it: the killed and
/// the injured of one event are two facts, never one disagreement ("killing at least 10 people"
/// against "injuring five people").
const COUNT_ROLES: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "killed",
            "killing",
            "kill",
            "kills",
            "dead",
            "died",
            "die",
            "dies",
            "death",
            "deaths",
            "fatalities",
            "lives",
        ],
    ),
    (
        "injured",
        &[
            "injured", "injuring", "injure", "injures", "wounded", "wounding", "hurt", "injuries",
        ],
    ),
    ("missing", &["missing"]),
    (
        "arrested",
        &[
            "arrested",
            "arresting",
            "arrest",
            "arrests",
            "detained",
            "detaining",
        ],
    ),
    ("evacuated", &["evacuated", "evacuating", "evacuate"]),
    ("rescued", &["rescued", "rescuing", "rescue"]),
];

/// [`COUNT_ROLES`] by claim lemma.
static COUNT_ROLE_OF_LEMMA: LazyLock<FxHashMap<String, &'static str>> = LazyLock::new(|| {
    COUNT_ROLES
        .iter()
        .flat_map(|&(role, words)| words.iter().map(move |w| (lemma(w), role)))
        .collect()
});

impl Value {
    /// For a count, what happened to what it counts ("killed", "injured", ...), from the last
    /// such word of its context.
    pub fn count_role(&self) -> Option<&'static str> {
        if !matches!(self.kind, ValueKind::Count(_)) {
            return None;
        }
        self.context
            .iter()
            .rev()
            .find_map(|l| COUNT_ROLE_OF_LEMMA.get(l).copied())
    }

    /// Same kind, and the intervals meet. Values converted from different written units get a
    /// 2% margin ("52 weeks" is a year).
    pub fn agrees_with(&self, other: &Value) -> bool {
        if self.kind != other.kind {
            return false;
        }
        let scale = self.amount.abs().max(other.amount.abs()).max(1e-9);
        let margin = match self.kind {
            ValueKind::Duration { .. } | ValueKind::Measure(_) => 0.02 * scale,
            _ => 1e-9 * scale,
        };
        self.low <= other.high + margin && other.low <= self.high + margin
    }

    /// Whether an approximator or range makes the value an interval.
    pub fn is_interval(&self) -> bool {
        self.low != self.high
    }
}

/// How the interval of an approximate value reads: (low factor, high factor) applied to the
/// value; infinities for open ends.
fn widen(approx: Option<Approx>) -> (f64, f64) {
    match approx {
        None => (1.0, 1.0),
        Some(Approx::About) => (0.9, 1.1),
        Some(Approx::Nearly) => (0.9, 1.0),
        Some(Approx::AtLeast) | Some(Approx::MoreThan) => (1.0, f64::INFINITY),
        Some(Approx::AtMost) | Some(Approx::LessThan) => (0.0, 1.0),
    }
}

fn kind_of(q: &Quantity) -> Option<ValueKind> {
    let unit = q.unit.as_deref().unwrap_or_default();
    Some(match q.kind {
        // A decade ("the 1990s") is a range of years, not a year that can be listed.
        QuantityKind::Year if q.value.is_some() => ValueKind::Year,
        QuantityKind::Duration => ValueKind::Duration {
            long: matches!(unit, "month" | "year" | "decade" | "century"),
        },
        QuantityKind::Measure => ValueKind::Measure(q.canonical.as_ref()?.unit.clone()),
        QuantityKind::Money => ValueKind::Money(q.currency.clone()),
        QuantityKind::Percent => ValueKind::Percent(unit.to_string()),
        QuantityKind::Multiplier => ValueKind::Multiplier,
        QuantityKind::Fraction => ValueKind::Fraction,
        QuantityKind::Cardinal => ValueKind::Count(if unit.is_empty() {
            String::new()
        } else {
            lemma(&fold(unit))
        }),
        // Ordinals rank rather than count ("the first visit", "on the 19th").
        QuantityKind::Ordinal | QuantityKind::Year => return None,
    })
}

/// The comparable values among `quantities` that lie inside `sentence` of `text`, in text order.
/// `quantities` must be sorted by position (the quantity stage returns them so).
pub fn in_sentence(text: &str, sentence: Span, quantities: &[Quantity]) -> Vec<Value> {
    let first = quantities.partition_point(|q| q.span.start < sentence.start);
    let mut out: Vec<Value> = Vec::new();
    let mut context_from = sentence.start;
    let in_reach = quantities.get(first..).unwrap_or_default();
    for (k, q) in in_reach.iter().enumerate() {
        if q.span.start >= sentence.end {
            break;
        }
        if !sentence.contains(q.span) {
            continue;
        }
        let Some(mut kind) = kind_of(q) else {
            context_from = q.span.end;
            continue;
        };
        if kind == ValueKind::Year && is_year_of_full_date(text, q.span) {
            // "Aug 2, 2013", "08/02/2013": the year of a day (often a dateline or a time
            // stamp) is the time-expression stage's, not a year a statement is about.
            context_from = q.span.end;
            continue;
        }
        if matches!(kind, ValueKind::Duration { .. }) && is_age(text, q.span) {
            kind = ValueKind::Age;
        }
        // Canonical units where there are any (durations, measures), else the value as read.
        let (low, high) = match (&q.canonical, q.bounds()) {
            (Some(c), _) => match (c.value, c.range) {
                (Some(v), _) => (v, v),
                (None, Some(r)) => (r.low, r.high),
                _ => continue,
            },
            (None, Some(b)) => b,
            (None, None) => continue,
        };
        let (lf, hf) = widen(q.approx);
        let (low, high) = (low * lf, high * hf);
        // A year written as a modifier ("1998's Hurricane Georges", "the 2014 Oscars") dates
        // the words after it, not those before.
        let modified = (kind == ValueKind::Year)
            .then(|| {
                // Quantities are in text order and do not overlap: the next one bounds the phrase.
                let next_value = in_reach
                    .get(k + 1)
                    .map_or(sentence.end, |o| o.span.start)
                    .min(sentence.end);
                modifier_context(text, q.span, next_value)
            })
            .flatten();
        let (context, phrase) = match modified {
            Some((context, phrase)) => (context, phrase),
            None => {
                let (context, phrase_start) = context_before(text, context_from, q.span.start);
                // A list ("signed in 1987, 1994 and 2002") shares the context of its head.
                let (context, phrase_start) = match (context.is_empty(), out.last()) {
                    (true, Some(previous)) if previous.kind == kind => {
                        (previous.context.clone(), previous.phrase.start)
                    }
                    _ => (context, phrase_start.unwrap_or(q.span.start)),
                };
                (context, Span::new(phrase_start, q.span.end))
            }
        };
        out.push(Value {
            kind,
            low,
            high,
            amount: q.value.unwrap_or(high),
            span: q.span,
            context,
            phrase,
        });
        context_from = q.span.end;
    }
    out
}

/// The one of `candidates` that `text` ends with as a whole word ("the" in "over the", not in
/// "bathe").
fn last_word_among<'c>(text: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates.iter().copied().find(|d| {
        text.ends_with(d)
            && text[..text.len() - d.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// For a year used as a modifier — possessive ("1998's Hurricane Georges") or between a
/// determiner and its noun ("the 2014 Oscars") — up to three content-word lemmas after it
/// (to the end of the noun phrase: punctuation, a conjunction or a preposition) and the phrase
/// from the determiner or year to the last of them. `None` for any other year.
fn modifier_context(text: &str, year: Span, to: usize) -> Option<(Vec<String>, Span)> {
    let after = text.get(year.end..to)?;
    let possessive = after.starts_with("'s") || after.starts_with("\u{2019}s");
    let before = text.get(..year.start)?.trim_end();
    let determiner = last_word_among(
        before,
        &["the", "The", "its", "their", "his", "her", "this", "This"],
    );
    let noun_follows = after.starts_with(' ')
        && after
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
    let is_modifier = possessive || (determiner.is_some() && noun_follows);
    if !is_modifier {
        return None;
    }
    let skip = if possessive {
        after.find('s').map_or(0, |i| i + 1)
    } else {
        0
    };
    let from = year.end + skip;
    let rest = text.get(from..to)?;
    let mut context = Vec::new();
    let mut end = None;
    for w in words(rest) {
        let gap = &rest[end.map_or(0, |e: usize| e - from)..w.start];
        if gap.contains([',', ';', ':', '(', ')', '.', '\u{2014}', '\u{2013}']) {
            break;
        }
        let f = fold(w.text);
        if f == "of" || is_phrase_break(&f) {
            break;
        }
        if !is_stop_word(&f) && f.len() >= 2 && !f.chars().all(|c| c.is_ascii_digit()) {
            context.push(lemma(&f));
            end = Some(from + w.start + w.text.len());
            if context.len() == 3 {
                break;
            }
        } else {
            end = Some(from + w.start + w.text.len());
        }
    }
    if context.is_empty() {
        return None;
    }
    let start = determiner.map_or(year.start, |d| before.len() - d.len());
    Some((context, Span::new(start, end.unwrap_or(year.end))))
}

/// The year ends a full date: "Aug 2, 2013", "2 August 2013", "08/02/2013", "08 / 02 / 2013".
fn is_year_of_full_date(text: &str, year: Span) -> bool {
    let before = text
        .get(..year.start)
        .unwrap_or_default()
        .trim_end_matches([' ', ',']);
    let ends_with_day = |t: &str| -> Option<usize> {
        let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        (1..=2).contains(&digits).then_some(digits)
    };
    let last_word = |t: &str| {
        t.split_whitespace()
            .next_back()
            .unwrap_or_default()
            .to_string()
    };
    if let Some(numeric) = before.strip_suffix(['/', '-', '.']) {
        return ends_with_day(numeric.trim_end()).is_some();
    }
    if let Some(n) = ends_with_day(before) {
        let rest = before[..before.len() - n].trim_end();
        return rest.ends_with(['/', '-', '.']) || is_month_name(&last_word(rest));
    }
    // "2 August 2013"
    let word = last_word(before);
    if is_month_name(&word) {
        let rest = before[..before.len() - word.len()].trim_end();
        return ends_with_day(rest).is_some();
    }
    false
}

/// "46-year-old", "46 years old": a duration that gives someone's age.
fn is_age(text: &str, span: Span) -> bool {
    let written = span.text(text).unwrap_or_default();
    let after = text.get(span.end..).unwrap_or_default();
    let next_word = after
        .trim_start_matches(|c: char| c.is_whitespace() || c == '-')
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    written.to_ascii_lowercase().ends_with("-old") || next_word.eq_ignore_ascii_case("old")
}

/// Up to three content-word lemmas written between `from` and `to`, and where the first of them
/// starts (with a "the"/"a" right before it, so the phrase reads as written).
fn context_before(text: &str, from: usize, to: usize) -> (Vec<String>, Option<usize>) {
    let Some(between) = text.get(from..to) else {
        return (Vec::new(), None);
    };
    let content: Vec<(String, usize)> = words(between)
        .filter_map(|w| {
            let f = fold(w.text);
            let keep = !is_stop_word(&f) && f.len() >= 2 && !f.chars().all(|c| c.is_ascii_digit());
            keep.then(|| (lemma(&f), from + w.start))
        })
        .collect();
    let last_three = content
        .get(content.len().saturating_sub(3)..)
        .unwrap_or_default();
    // The phrase stays inside the value's clause: "Aden on Saturday, capturing 23" reads as
    // "capturing 23".
    let clause_start = between
        .rfind([',', ';', ':', '(', ')', '—', '–'])
        .map(|i| from + i + 1);
    let start = last_three.first().map(|&(_, at)| {
        let before = text.get(from..at).unwrap_or_default().trim_end();
        last_word_among(before, &["the", "a", "an", "The", "A", "An"])
            .map_or(at, |d| from + before.len() - d.len())
    });
    let start = match (start, clause_start) {
        (Some(s), Some(c)) if c > s => {
            let rest = text.get(c..to).unwrap_or_default();
            Some(c + rest.len() - rest.trim_start().len())
        }
        (s, _) => s,
    };
    (last_three.iter().map(|(l, _)| l.clone()).collect(), start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<Value> {
        let layer = triangulate_text::analyze(text);
        let quantities = triangulate_quantity::find_quantities(text, &layer.tokens);
        in_sentence(text, Span::new(0, text.len()), &quantities)
    }

    fn one(text: &str) -> Value {
        let v = values(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().expect("one value")
    }

    #[test]
    fn durations_in_other_words_agree() {
        let twenty = one("It was the first visit in 20 years.");
        let decades = one("It was the first visit in two decades.");
        assert_eq!(twenty.kind, ValueKind::Duration { long: true });
        assert!(twenty.agrees_with(&decades));
        assert!(!one("It was the first visit in 12 years.").agrees_with(&twenty));
        // "nearly 25" reads 22.5 to 25: it agrees with 24, not with 20.
        let nearly = one("The row lasted nearly 25 years.");
        assert!(nearly.agrees_with(&one("The row lasted 24 years.")));
        assert!(!nearly.agrees_with(&twenty));
        assert!(one("The row lasted more than 20 years.").agrees_with(&nearly));
        // A two-day visit is never compared with twenty years, nor an age with a duration.
        assert!(!one("It was a two-day visit.").agrees_with(&twenty));
        assert_eq!(one("The 46-year-old officer left.").kind, ValueKind::Age);
        assert_eq!(one("The officer is 46 years old.").kind, ValueKind::Age);
    }

    #[test]
    fn counts_know_what_happened_to_what_they_count() {
        let v =
            values("The storm hit Oskar Bay, killing at least 10 people and injuring 40 others.");
        let roles: Vec<Option<&str>> = v.iter().map(Value::count_role).collect();
        assert_eq!(roles, vec![Some("killed"), Some("injured")]);
        assert_eq!(
            one("Police counted 12 boats in the harbour.").count_role(),
            None
        );
    }

    #[test]
    fn years_counts_and_contexts() {
        let text =
            "Accords signed in 1987, 1994 and 2012 opened three crossings for 10,000 people.";
        let v = values(text);
        let kinds: Vec<&ValueKind> = v.iter().map(|v| &v.kind).collect();
        assert_eq!(
            kinds,
            vec![
                &ValueKind::Year,
                &ValueKind::Year,
                &ValueKind::Year,
                &ValueKind::Count("crossing".into()),
                &ValueKind::Count("people".into()),
            ]
        );
        // The list shares its head's context and phrase.
        assert_eq!(v[1].context, v[0].context);
        assert_eq!(
            &text[v[2].phrase.range()],
            "Accords signed in 1987, 1994 and 2012"
        );
    }

    #[test]
    fn year_context_names_what_it_dates_in_written_words() {
        let text = "They share the trade accord of 1994 and the border accord of 2002.";
        let v = values(text);
        assert_eq!(v[0].context, vec!["share", "trade", "pact"]);
        assert_eq!(v[1].context, vec!["border", "pact"]);
        assert_eq!(&text[v[1].phrase.range()], "the border accord of 2002");
        let text = "Rebels held Aden on Saturday, capturing 23 soldiers.";
        assert_eq!(&text[one(text).phrase.range()], "capturing 23 soldiers");
    }

    #[test]
    fn a_year_as_modifier_dates_the_words_after_it() {
        let text =
            "She worked on the coast after 1998's Hurricane Tamsin and 2005's Hurricane Oriel.";
        let v = values(text);
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].context, vec!["hurricane", "tamsin"]);
        assert_eq!(v[1].context, vec!["hurricane", "oriel"]);
        assert_eq!(&text[v[1].phrase.range()], "2005's Hurricane Oriel");
        let text = "Dara Venn will host the 2014 Lumen Awards in Vask.";
        let v = one(text);
        assert_eq!(v.context, vec!["lumen", "award"]);
        assert_eq!(&text[v.phrase.range()], "the 2014 Lumen Awards");
        // A year followed by a conjunction or a clause keeps the words before it.
        let v = values("The accords of the 1994 and 2002 talks held.");
        assert!(v.iter().all(|x| !x.context.is_empty()), "{v:?}");
        let text = "Marl signed in 1994, the year of the floods.";
        assert_eq!(one(text).context, vec!["marl", "sign"]);
    }

    #[test]
    fn the_year_of_a_full_date_is_not_a_year_value() {
        for text in [
            "Dara Venn was named host on Aug 2, 2013 in Vask.",
            "Dara Venn was named host on 2 August 2013 in Vask.",
            "Posted: 08/02/2013 by the Vask Herald.",
            "Posted : 08 / 02 / 2013 by the Vask Herald.",
        ] {
            let v = values(text);
            assert!(v.iter().all(|x| x.kind != ValueKind::Year), "{text}: {v:?}");
        }
        assert_eq!(
            one("The bridge opened in August 2013.").kind,
            ValueKind::Year
        );
        assert!(matches!(
            one("The 12 bridges opened.").kind,
            ValueKind::Count(_)
        ));
    }
}
