//! The rules. Each rule is a method that tries to match at token `i` and returns a [`Hit`]
//! (how many tokens it covers and what they mean); [`Grammar::run`] keeps the longest match at
//! each position and moves past it, so expressions never overlap.

use std::cell::{Cell, RefCell};

use chrono::{Datelike, NaiveDate};
use triangulate_doc::{PartialDate, Span};

use crate::calendar::{
    add_days, day_value, easter, election_day, labor_day, memorial_day, month_value, quarter_of,
    quarter_value, shift_month, shift_quarter, thanksgiving, week_value, weekday_in_week,
    weekday_number, year_value, ymd,
};
use crate::lexicon::{self, Unit};
use crate::scan::{tokenize, Tok, TokenKind};
use crate::tense::{marker, tense_ahead, tense_around, tense_within, Tense};
use crate::{Anchor, AnchorUse, Timex, TimexType};

/// A match: tokens `[start, end)` and their meaning.
#[derive(Clone, Debug)]
pub(crate) struct Hit {
    end: usize,
    kind: TimexType,
    value: String,
    modifier: Option<&'static str>,
    anchored: AnchorUse,
    range_end: Option<String>,
    partial: Option<PartialDate>,
    /// Names a quarter explicitly, so it becomes the reference for "a year earlier".
    quarter_ref: bool,
}

impl Hit {
    fn new(end: usize, kind: TimexType, value: String, anchored: AnchorUse) -> Self {
        Hit {
            end,
            kind,
            value,
            modifier: None,
            anchored,
            range_end: None,
            partial: None,
            quarter_ref: false,
        }
    }

    fn date(end: usize, v: Val) -> Self {
        Hit {
            end,
            kind: TimexType::Date,
            value: v.value,
            modifier: None,
            anchored: v.anchored,
            range_end: None,
            partial: v.partial,
            quarter_ref: false,
        }
    }

    fn quarter_ref(mut self) -> Self {
        self.quarter_ref = true;
        self
    }

    fn with_kind(mut self, kind: TimexType) -> Self {
        self.kind = kind;
        self
    }
}

/// A resolved value with its provenance.
#[derive(Clone, Debug)]
struct Val {
    value: String,
    anchored: AnchorUse,
    partial: Option<PartialDate>,
}

impl Val {
    fn absolute_day(date: NaiveDate) -> Val {
        Val {
            value: day_value(date),
            anchored: AnchorUse::Absolute,
            partial: Some(pd_day(date)),
        }
    }

    fn anchored_day(date: NaiveDate) -> Val {
        Val {
            value: day_value(date),
            anchored: AnchorUse::Publication,
            partial: Some(pd_day(date)),
        }
    }

    fn reference(value: &str) -> Val {
        Val {
            value: value.to_string(),
            anchored: AnchorUse::None,
            partial: None,
        }
    }

    fn unknown(value: &str) -> Val {
        Val {
            value: value.to_string(),
            anchored: AnchorUse::Partial,
            partial: None,
        }
    }

    fn year(year: i32, anchored: AnchorUse) -> Val {
        Val {
            value: year_value(year),
            anchored,
            partial: Some(PartialDate {
                year: Some(year),
                month: None,
                day: None,
            }),
        }
    }

    fn month(year: i32, month: u32, anchored: AnchorUse) -> Val {
        Val {
            value: month_value(year, month),
            anchored,
            partial: Some(PartialDate {
                year: Some(year),
                month: Some(month as u8),
                day: None,
            }),
        }
    }

    fn other(value: String, anchored: AnchorUse) -> Val {
        Val {
            value,
            anchored,
            partial: None,
        }
    }

    /// A month of no particular year, in a habitual clause ("usually rise in January"):
    /// `XXXX-01`. Not [`AnchorUse::Partial`], which would invite fusion to complete the
    /// year: no year is meant.
    fn unknown_month(month: u32) -> Val {
        Val::other(format!("XXXX-{month:02}"), AnchorUse::None)
    }

    /// A month and day of no particular year ("are typically due on April 15"):
    /// `XXXX-04-15`, unanchored for the same reason.
    fn unknown_day(month: u32, day: u32) -> Val {
        Val::other(format!("XXXX-{month:02}-{day:02}"), AnchorUse::None)
    }

    fn with_suffix(mut self, suffix: &str) -> Val {
        self.value.push_str(suffix);
        self
    }
}

fn pd_day(date: NaiveDate) -> PartialDate {
    PartialDate::ymd(date.year(), date.month() as u8, date.day() as u8)
}

/// Which way to read an expression whose tense gives no hint.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lean {
    Past,
    Future,
}

pub(crate) struct Grammar<'a> {
    toks: Vec<Tok>,
    text: &'a str,
    /// The complete anchor date, when known.
    anchor: Option<NaiveDate>,
    anchor_year: Option<i32>,
    anchor_month: Option<u32>,
    anchor_weekday: Option<u32>,
    /// The last quarter mentioned: "a year earlier" after "the third quarter" means the same
    /// quarter of the year before (financial news' reference time).
    last_quarter: Cell<Option<(i32, u32)>>,
    /// Token index of the last quarter mention, to let that reference expire.
    last_quarter_at: Cell<usize>,
    /// Token index of the last multi-quarter period ("the first nine months", "six
    /// months"): after one, "a year earlier" compares that period, i.e. the year before,
    /// not the quarter named earlier.
    last_period_at: Cell<Option<(usize, &'static str)>>,
    /// The last date the text gave explicitly ("in 1994", "March 4, 1998"): what "the
    /// following year" and "that month" count from.
    last_date: Cell<Option<PartialDate>>,
    /// The last month the text named or we resolved ("In March", "Oct. 12"): the reference
    /// of a narrative "the following month" (like `last_day` for "the next day").
    last_month: Cell<Option<(i32, u32)>>,
    /// The last year the text named or we resolved ("in 2008", "last year", "this year"):
    /// what "the previous year" counts back from ("fell 4 percent last year after rising 2
    /// percent the previous year").
    last_year: Cell<Option<i32>>,
    /// The last day the text named or that we resolved ("Oct. 12", "Tuesday", "yesterday"):
    /// the reference time of narrative "that day", "the next morning" (TimeML anchors these
    /// to the most recent date, not to the publication date).
    last_day: Cell<Option<NaiveDate>>,
    /// Token index where `last_day` was named.
    last_day_at: Cell<usize>,
    /// Whether the text reports games (two different [`lexicon::game_word`]s): its "first
    /// half" and "fourth quarter" are then periods of play.
    reports_games: bool,
    /// Where the text last named a day it does not date fully ("on Saturday" with no
    /// anchor, "on March 3", "on the 19th"), and that day as far as it is known (the value
    /// without a time of day, and the partial date): without it a narrative "that night" in
    /// an undated page would be taken for a generic "that day".
    last_partial_day: RefCell<Option<(usize, Val)>>,
}

const MAX_QUARTER_DISTANCE: usize = 400;
/// How far (in tokens) a named day stays the reference of a bare clock time.
const MAX_DAY_DISTANCE: usize = 150;

impl<'a> Grammar<'a> {
    pub(crate) fn new(text: &'a str, anchor: &Anchor) -> Self {
        let date = anchor.date.filter(|d| d.is_valid());
        let full = date.and_then(|d| match (d.year, d.month, d.day) {
            (Some(y), Some(m), Some(dd)) => ymd(y, m as u32, dd as u32),
            _ => None,
        });
        let toks = tokenize(text);
        let mut game_words: Vec<&str> = toks
            .iter()
            .filter_map(|t| lexicon::game_word(&t.lower))
            .collect();
        game_words.sort_unstable();
        game_words.dedup();
        let reports_games = game_words.len() >= 2;
        Grammar {
            toks,
            text,
            anchor: full,
            anchor_year: date.and_then(|d| d.year),
            anchor_month: date.and_then(|d| d.month.map(u32::from)),
            anchor_weekday: full
                .map(weekday_number)
                .or(anchor.weekday.map(|w| w.number())),
            last_quarter: Cell::new(None),
            last_quarter_at: Cell::new(0),
            last_period_at: Cell::new(None),
            last_date: Cell::new(None),
            last_month: Cell::new(None),
            last_year: Cell::new(None),
            last_day: Cell::new(None),
            last_day_at: Cell::new(0),
            last_partial_day: RefCell::new(None),
            reports_games,
        }
    }

    pub(crate) fn run(&self) -> Vec<Timex> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            match self.best_at(i) {
                // "late in the fourth quarter" of a game: a period of play, which has no
                // calendar value (left untagged like other event-anchored spans).
                Some(hit) if hit.end > i && self.period_of_play(&hit, i) => i = hit.end,
                Some(hit) if hit.end > i && !self.round_of_a_tournament(hit.end) => {
                    let (Some(first), Some(last)) = (self.toks.get(i), self.toks.get(hit.end - 1))
                    else {
                        break;
                    };
                    // "After a flat second quarter, ...": a quarter that is the noun of an
                    // indefinite article after a preposition is a passing comparison, not
                    // the quarter being reported ("posted a record second quarter" is;
                    // "a third-quarter loss" is the loss's article).
                    let passing = self.indefinite_after_preposition(i)
                        && !self.is(hit.end.wrapping_sub(2), "-");
                    if hit.quarter_ref
                        && !passing
                        && self.is_reported_quarter(&hit.value, i, hit.end)
                    {
                        if let Some((y, q)) = parse_quarter(&hit.value) {
                            self.last_quarter.set(Some((y, q)));
                            self.last_quarter_at.set(i);
                        }
                    }
                    // "the latest quarter", "the year-ago quarter": the text is back on the
                    // reference quarter after a longer period.
                    if let (Some((y, q)), Some((ry, rq))) =
                        (parse_quarter(&hit.value), self.last_quarter.get())
                    {
                        if !hit.quarter_ref && q == rq && (ry - y == 0 || ry - y == 1) {
                            self.last_quarter_at.set(i);
                        }
                    }
                    // "the three months to June", "the three months ended Dec. 31": a
                    // quarter named by its length and last month is the reference of a
                    // following "a year ago" as much as "the second quarter" is.
                    if let Some((y, q)) = self.quarter_by_length(&hit) {
                        self.last_quarter.set(Some((y, q)));
                        self.last_quarter_at.set(i);
                    }
                    if hit.kind == TimexType::Duration {
                        if let Some(period) = multi_quarter_period(&hit.value) {
                            self.last_period_at.set(Some((i, period)));
                        }
                    }
                    if hit.anchored == AnchorUse::Absolute && hit.kind == TimexType::Date {
                        if let Some(p) = hit.partial.filter(|p| p.year.is_some()) {
                            self.last_date.set(Some(p));
                        }
                    }
                    if hit.kind == TimexType::Date {
                        if let Some(p) = hit.partial {
                            if p.year.is_some()
                                && (p.month.is_none() || hit.anchored == AnchorUse::Absolute)
                            {
                                self.last_year.set(p.year);
                            }
                        }
                        if let Some((Some(y), Some(m))) = hit.partial.map(|p| (p.year, p.month)) {
                            self.last_month.set(Some((y, u32::from(m))));
                        }
                    }
                    if matches!(hit.kind, TimexType::Date | TimexType::Time) {
                        if let Some(day) = hit.partial.and_then(full_day) {
                            self.last_day.set(Some(day));
                            self.last_day_at.set(i);
                        } else if hit.value.starts_with("XXXX-WXX-")
                            || hit.partial.is_some_and(|p| p.day.is_some())
                        {
                            let day = hit.value.split('T').next().unwrap_or_default();
                            let day = Val {
                                value: day.to_string(),
                                anchored: AnchorUse::Partial,
                                partial: hit.partial,
                            };
                            self.last_partial_day.replace(Some((i, day)));
                        }
                    }
                    out.push(Timex {
                        span: Span::new(first.start, last.end),
                        kind: hit.kind,
                        value: hit.value,
                        modifier: hit.modifier.map(str::to_string),
                        anchored: hit.anchored,
                        range_end: hit.range_end,
                        partial: hit.partial,
                    });
                    i = hit.end;
                }
                _ => i += 1,
            }
        }
        out
    }

    /// Whether `hit` (starting at token `start`) is a quarter or half of a game rather than
    /// of a year: the text reports games (or a game clock runs down to it), no year is
    /// written, and no business word stands within a dozen tokens in its sentence
    /// ("fourth-quarter sales" stays the calendar's).
    fn period_of_play(&self, hit: &Hit, start: usize) -> bool {
        // "with 7:42 left in the first half", "eight minutes to play in the first half", "did
        // not play in the second half": playing, or a game clock running down, says so in any
        // text; "with two weeks left in the fourth quarter" counts down a calendar one.
        let in_play = self.prev_word(start) == "in"
            && (matches!(self.prev_word(start - 1), "play" | "played" | "playing")
                || (2..=3).any(|back| {
                    start.checked_sub(back).is_some_and(|countdown| {
                        self.countdown_end(countdown) == Some(start - 1)
                            && self.game_time_before(countdown)
                    })
                }));
        if !(self.reports_games || in_play)
            || hit.kind != TimexType::Date
            || hit.anchored == AnchorUse::Absolute
        {
            return false;
        }
        let is_period = hit.value.split_once('-').is_some_and(|(year, part)| {
            (year == "XXXX" || year.bytes().all(|b| b.is_ascii_digit()))
                && matches!(part, "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2")
        });
        let sentence_end = |k: &usize| matches!(self.w(*k), "." | "!" | "?");
        let before = (start.saturating_sub(12)..start)
            .rev()
            .take_while(|k| !sentence_end(k));
        let after = (hit.end..hit.end + 12).take_while(|k| !sentence_end(k));
        is_period
            && !before
                .chain(after)
                .any(|k| lexicon::business_word(self.w(k)))
    }

    /// Whether the time before token `k` is a game's: a clock ("7:42") or minutes or seconds
    /// ("eight minutes", "30 seconds"), which no calendar period counts down in.
    fn game_time_before(&self, k: usize) -> bool {
        let clock = k.checked_sub(3).is_some_and(|c| {
            self.kind(c) == Some(TokenKind::Number)
                && self.is(c + 1, ":")
                && self.kind(c + 2) == Some(TokenKind::Number)
        });
        clock
            || matches!(
                lexicon::unit(self.prev_word(k)),
                Some((Unit::Minute | Unit::Second, _))
            )
    }

    /// Where the words of a game clock's countdown starting at token `k` ("left",
    /// "remaining", "to go", "to play") end, if they stand there.
    fn countdown_end(&self, k: usize) -> Option<usize> {
        match self.w(k) {
            "left" | "remaining" => Some(k + 1),
            "to" if matches!(self.w(k + 1), "go" | "play") => Some(k + 2),
            _ => None,
        }
    }

    /// Whether token `i` stands in a title-cased line ("Ellen DeGeneres to Host Next Year's
    /// Oscars"), where capitals mark no name: at least four words of four letters or more
    /// on the line (within 24 tokens either side), every one of them capitalised, as
    /// headline style writes them ("spoke on Velmar TV's This Week" is a sentence).
    fn title_case_line(&self, i: usize) -> bool {
        let line_break_between = |a: usize, b: usize| match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => self
                .text
                .get(x.end..y.start)
                .is_none_or(|gap| gap.contains('\n')),
            _ => true,
        };
        let mut first = i;
        while first > 0 && i - first < 24 && !line_break_between(first - 1, first) {
            first -= 1;
        }
        let mut last = i;
        while last + 1 < self.toks.len() && last - i < 24 && !line_break_between(last, last + 1) {
            last += 1;
        }
        let (mut words, mut capitalised) = (0usize, 0usize);
        for t in self.toks.get(first..=last).unwrap_or_default() {
            if t.kind == TokenKind::Word && t.lower.chars().count() >= 4 {
                words += 1;
                capitalised += usize::from(t.capital);
            }
        }
        words >= 4 && capitalised == words
    }

    /// Whether an indefinite article one or two tokens before `i` ("a second quarter", "a
    /// flat second quarter") follows a preposition ("after", "following", "despite").
    fn indefinite_after_preposition(&self, i: usize) -> bool {
        let article = [1, 2]
            .into_iter()
            .filter_map(|back| i.checked_sub(back))
            .find(|&at| matches!(self.w(at), "a" | "an"));
        article.is_some_and(|at| {
            matches!(
                self.prev_word(at),
                "after"
                    | "following"
                    | "despite"
                    | "from"
                    | "than"
                    | "since"
                    | "with"
                    | "over"
                    | "to"
                    | "for"
                    | "like"
            )
        })
    }

    /// Whether the match ending at `end` is the first half of a tournament round ("the
    /// quarter-finals", "last year's quarter final"), which sports news names far more often
    /// than earnings news names a quarter that way.
    fn round_of_a_tournament(&self, end: usize) -> bool {
        let Some(last) = end.checked_sub(1) else {
            return false;
        };
        if !matches!(self.w(last), "quarter" | "quarters") {
            return false;
        }
        let next = if self.is(end, "-") && self.glued(end) {
            end + 1
        } else {
            end
        };
        self.w(next).starts_with("final")
    }

    /// The quarter a `P3M` duration names when a quarter's last month follows it ("the three
    /// months to June", "the three months ended Dec. 31"), as (year, quarter): the latest such
    /// month not after the anchor, since results are reported once the quarter is over.
    fn quarter_by_length(&self, hit: &Hit) -> Option<(i32, u32)> {
        if hit.kind != TimexType::Duration || hit.value != "P3M" {
            return None;
        }
        self.quarter_ending(hit.end)
    }

    /// The quarter that "ended Sept. 30" / "to June" at `i` closes, as (year, quarter): the
    /// calendar quarter holding most of the three months up to that month (a fiscal quarter
    /// "ended July 31" is mostly the second), in the latest year that puts the month before
    /// the anchor.
    fn quarter_ending(&self, i: usize) -> Option<(i32, u32)> {
        if !matches!(self.w(i), "to" | "ended" | "ending" | "through") {
            return None;
        }
        let (month, end) = self.month_at(i + 1)?;
        let day = self.day_number(end);
        let mut k = if day.is_some() { end + 1 } else { end };
        if self.is(k, ",") {
            k += 1;
        }
        let year = match self.year4(k) {
            Some(y) => y,
            None => self.year_for(month, day, None, true)?,
        };
        let (year, middle) = shift_month(year, month, -1);
        Some((year, quarter_of(middle)))
    }

    /// Earnings news compares results of quarters that have ended; a quarter still running
    /// or ahead ("expects a better fourth quarter") is no reference for "a year ago".
    /// A fiscal quarter can end before the calendar quarter of the same number: "reported a
    /// decline in fourth-quarter earnings" in November is a result, so the anchor's own
    /// quarter counts when the verb is past.
    fn is_reported_quarter(&self, value: &str, start: usize, end: usize) -> bool {
        let Some((y, q)) = parse_quarter(value) else {
            return false;
        };
        match (self.anchor_year, self.anchor_month) {
            (Some(ay), Some(am)) => {
                let current = (ay, quarter_of(am));
                (y, q) < current || (y, q) == current && self.tense(start, end) == Tense::Past
            }
            _ => true,
        }
    }

    // ------------------------------------------------------------------ token helpers

    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    fn capital(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.capital)
    }

    fn raw(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The value of a digit token of at most `max_len` digits.
    fn digits(&self, i: usize, max_len: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Number || t.lower.len() > max_len {
            return None;
        }
        t.lower.parse().ok()
    }

    /// Whether a possessive "'s" follows at `i` ("Friday's vote").
    fn possessive(&self, i: usize) -> bool {
        self.is(i, "'") && self.glued(i) && self.is(i + 1, "s")
    }

    /// Whether the number at `i` is a house number: capitalised words follow that end in a
    /// street word ("1800 Pitkin Ave.", "2100 Main Street"), and nothing capitalised after it
    /// ("the 1994 Road Traffic Act" is a year).
    fn street_number(&self, i: usize) -> bool {
        let mut last = None;
        for t in i + 1..i + 5 {
            if !self.capital(t) || self.kind(t) != Some(TokenKind::Word) {
                break;
            }
            last = Some(t);
        }
        last.is_some_and(|t| {
            lexicon::street_word(self.w(t))
                && !(self.capital(t + 1) && self.kind(t + 1) == Some(TokenKind::Word))
        })
    }

    fn prev_word(&self, i: usize) -> &str {
        i.checked_sub(1).map(|p| self.w(p)).unwrap_or("")
    }

    /// A number glued to a decimal part or a thousands group is not a date number.
    fn number_continues(&self, i: usize) -> bool {
        (self.is(i + 1, ".") || self.is(i + 1, ","))
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.kind(i + 2) == Some(TokenKind::Number)
    }

    fn number_preceded(&self, i: usize) -> bool {
        if i == 0 || !self.glued(i) {
            return false;
        }
        match self.w(i - 1) {
            "." | "," | "$" | "#" | "/" | ":" => true,
            // "3-4" is a number range; "mid-1996", "post-1959" are dates.
            "-" => i < 2 || self.kind(i - 2) != Some(TokenKind::Word),
            _ => false,
        }
    }

    /// A quantity: digits ("25", "1.5", "5 1/2"), words ("twenty-five", "a", "a couple of")
    /// or a vague amount ("several", "a few"). Returns (amount, next token); `None` amount
    /// means vague.
    fn quantity(&self, i: usize) -> Option<(Option<f64>, usize)> {
        let w = self.w(i);
        if let Some(n) = self.digits(i, 6) {
            if self.number_preceded(i) {
                return None;
            }
            let mut value = n as f64;
            let mut j = i + 1;
            if self.is(j, ".") && self.glued(j) && self.glued(j + 1) {
                let frac = self
                    .toks
                    .get(j + 1)
                    .filter(|t| t.kind == TokenKind::Number)?;
                value = format!("{n}.{}", frac.lower).parse().ok()?;
                j += 2;
            } else if self.is(j, ",")
                && self.glued(j)
                && self.glued(j + 1)
                && self.kind(j + 1) == Some(TokenKind::Number)
            {
                return None;
            }
            // "5 1/2"
            if self.digits(j, 1) == Some(1)
                && self.is(j + 1, "/")
                && self.digits(j + 2, 1) == Some(2)
            {
                value += 0.5;
                j += 3;
            }
            return Some((Some(value), j));
        }
        match w {
            "a" | "an" | "one" => {
                // "a quarter of a century"
                if self.is(i + 1, "quarter")
                    && self.is(i + 2, "of")
                    && matches!(self.w(i + 3), "a" | "an")
                {
                    return Some((Some(0.25), i + 4));
                }
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    return Some((Some(2.0), i + 3));
                }
                if self.is(i + 1, "few") {
                    return Some((None, i + 2));
                }
                if self.is(i + 1, "half") && w != "one" {
                    return Some((Some(0.5), i + 2));
                }
                // "a thousand years", "a hundred days"
                match self.w(i + 1) {
                    "hundred" => return Some((Some(100.0), i + 2)),
                    "thousand" => return Some((Some(1000.0), i + 2)),
                    _ => {}
                }
                return Some((Some(1.0), i + 1));
            }
            "half" if self.is(i + 1, "a") || self.is(i + 1, "an") => {
                return Some((Some(0.5), i + 2));
            }
            "couple" if self.is(i + 1, "of") => return Some((Some(2.0), i + 2)),
            _ => {}
        }
        if lexicon::vague_quantity(w) {
            return Some((None, i + 1));
        }
        let n = lexicon::cardinal(w)?;
        let mut value = n;
        let mut j = i + 1;
        if (20..=90).contains(&n) && n % 10 == 0 {
            // "twenty-five", "twenty five"
            let k = if self.is(j, "-") { j + 1 } else { j };
            if let Some(u) = lexicon::cardinal(self.w(k)).filter(|u| *u < 10) {
                value += u;
                j = k + 1;
            }
        }
        // "two thousand years", "five hundred days"
        match self.w(j) {
            "hundred" => {
                value *= 100;
                j += 1;
            }
            "thousand" => {
                value *= 1000;
                j += 1;
            }
            _ => {}
        }
        let mut value = value as f64;
        if self.is(j, "and") && self.is(j + 1, "a") && self.is(j + 2, "half") {
            value += 0.5;
            j += 3;
        }
        Some((Some(value), j))
    }

    /// An ordinal: "19th", "third", "twenty-first". Returns (value, next token).
    fn ordinal(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(n) = self.digits(i, 2) {
            if self.glued(i + 1) && matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") {
                return Some((n, i + 2));
            }
            return None;
        }
        let w = self.w(i);
        if let Some(n) = lexicon::ordinal(w) {
            return Some((n, i + 1));
        }
        if let Some(tens @ (20 | 30)) = lexicon::cardinal(w) {
            if self.is(i + 1, "-") {
                if let Some(u) = lexicon::ordinal(self.w(i + 2)).filter(|u| *u < 10) {
                    return Some((tens + u, i + 3));
                }
            }
        }
        None
    }

    /// A four-digit year 1000-2999 standing alone.
    fn year4(&self, i: usize) -> Option<i32> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Number || t.lower.len() != 4 {
            return None;
        }
        let y: i32 = t.lower.parse().ok()?;
        if !(1000..=2999).contains(&y) || self.number_continues(i) || self.number_preceded(i) {
            return None;
        }
        // "fell 2000ft", "a 1500m race": a unit written onto the number makes it an amount
        // ("1990s" is still the decade).
        if self.glued(i + 1) && self.kind(i + 1) == Some(TokenKind::Word) && !self.is(i + 1, "s") {
            return None;
        }
        Some(y)
    }

    /// A year after a month or day: four digits, or "'98" (two digits after an apostrophe).
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year4(i) {
            return Some((y, i + 1));
        }
        if let Some(spelled) = self.spelled_year(i) {
            return Some(spelled);
        }
        if self.is(i, "'") && self.glued(i + 1) {
            let yy = self.digits(i + 1, 2).filter(|_| self.w(i + 1).len() == 2)? as i32;
            let century = self.anchor_year.map(|y| y / 100 * 100).unwrap_or(1900);
            return Some((century + yy, i + 2));
        }
        None
    }

    /// A year in words, as broadcast transcripts write it: "nineteen ninety-six",
    /// "nineteen hundred", "two thousand", "two thousand and one".
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let century = match self.w(i) {
            "nineteen" => 19,
            "eighteen" => 18,
            "seventeen" => 17,
            "two" if self.is(i + 1, "thousand") => {
                let mut j = i + 2;
                if self.is(j, "and") {
                    j += 1;
                }
                let (year, end) = match self.spelled_below_hundred(j) {
                    Some((n, k)) if n < 100 => (2000 + n as i32, k),
                    _ => (2000, i + 2),
                };
                // "for two thousand years", "two thousand protesters", "two thousand of
                // them": an amount, not a year. A bare "two thousand" is a year only where no
                // word follows it ("in two thousand, ...") or after "year" ("the year two
                // thousand has ..."); "two thousand and one" is one.
                let bare = end == i + 2 && self.prev_word(i) != "year";
                if lexicon::unit(self.w(end)).is_some()
                    || self.is(end, "-")
                    || bare && self.kind(end) == Some(TokenKind::Word)
                {
                    return None;
                }
                return Some((year, end));
            }
            _ => return None,
        };
        if self.is(i + 1, "hundred") {
            return Some((century * 100, i + 2));
        }
        let (n, k) = self.spelled_below_hundred(i + 1)?;
        (n >= 10).then_some((century * 100 + n as i32, k))
    }

    /// "ninety-six", "ninety six", "ten": numbers below a hundred written in words.
    fn spelled_below_hundred(&self, i: usize) -> Option<(u32, usize)> {
        let n = lexicon::cardinal(self.w(i)).filter(|n| *n < 100)?;
        if n >= 20 && n % 10 == 0 {
            let k = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
            if let Some(u) = lexicon::cardinal(self.w(k)).filter(|u| *u < 10) {
                return Some((n + u, k + 1));
            }
        }
        Some((n, i + 1))
    }

    /// A month name at `i`, with its period if abbreviated. Returns (month, next token).
    fn month_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w(i);
        let m = lexicon::month(w)?;
        if !self.capital(i) {
            return None;
        }
        let mut j = i + 1;
        if lexicon::month_is_abbreviation(w) {
            if self.is(j, ".") && self.glued(j) {
                j += 1;
            } else if (w.len() <= 3 && self.raw(i).chars().all(|c| c.is_uppercase()))
                || self.digits(j, 2).is_none()
            {
                // "MAR" in capitals is an acronym; "Mar" needs a day number after it.
                return None;
            }
        }
        Some((m, j))
    }

    fn weekday_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w(i);
        let d = lexicon::weekday(w)?;
        if !self.capital(i) {
            return None;
        }
        if lexicon::weekday_is_abbreviation(w) {
            if self.is(i + 1, ".") && self.glued(i + 1) {
                return Some((d, i + 2));
            }
            return None;
        }
        Some((d, i + 1))
    }

    /// Whether the month (or month and day, quarter, season, weekday) at `start..end` is
    /// read in a habitual clause ("heating bills usually rise in January", "taxes are
    /// typically due on April 15", "the parliament sits in September each year", "business
    /// is usually conducted in the fourth quarter"): a recurring time of no particular year,
    /// which TimeML 1.2.1 writes with unspecified digits (`XXXX-01`, 2.2.1.2) and types SET,
    /// as the TBAQ gold does for its one habitual case (`XXXX-Q4`), not a resolved
    /// `2013-01`. Only a frequency adverb or "every/each year" in the same clause (up to 8
    /// words either side, not across a comma, semicolon or sentence end, except the comma
    /// that closes an opening "In January,") or an "each/every year" right after the
    /// expression makes it habitual: the simple present alone ("the bill comes before
    /// parliament in January") is as often a schedule as a habit, and "generally" is left
    /// out because market reports use it for one day ("stocks generally rose on Monday").
    /// A past-tense verb met before the adverb ("officials who typically meet in private met
    /// on Tuesday", "sales fell in January as shoppers usually do", "he said on Friday that
    /// stores usually close early") governs the expression instead: one past day or month.
    fn habitual_clause(&self, start: usize, end: usize) -> bool {
        let habitual = |w: &str| {
            matches!(
                w,
                "usually"
                    | "typically"
                    | "normally"
                    | "traditionally"
                    | "customarily"
                    | "routinely"
                    | "habitually"
                    | "invariably"
                    | "annually"
            )
        };
        // "every year in March", "each year in the spring".
        let every_year = |k: usize| matches!(self.w(k), "each" | "every") && self.is(k + 1, "year");
        let clause_break = |w: &str| {
            matches!(
                w,
                "," | ";" | "." | "!" | "?" | ":" | "but" | "while" | "although" | "whereas"
            )
        };
        if every_year(end) {
            return true;
        }
        for back in 1..=8 {
            let Some(k) = start.checked_sub(back) else {
                break;
            };
            let w = self.w(k);
            if clause_break(w) {
                break;
            }
            if habitual(w) || every_year(k) {
                return true;
            }
            if self.past_verb(k) {
                return false;
            }
        }
        let mut k = end;
        if self.is(k, ",") && self.opens_sentence(start.saturating_sub(1)) {
            k += 1;
        }
        for _ in 0..8 {
            let w = self.w(k);
            if w.is_empty() || clause_break(w) {
                break;
            }
            if habitual(w) {
                return true;
            }
            if self.past_verb(k) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// Whether the word at `k` is a lexical verb in the past tense ("met", "fell", "said"):
    /// not an auxiliary ("was", "had", which leave the tense to the verb they carry) and not
    /// a participle after "is" / "has", an adverb between them or not ("is held annually",
    /// "are usually made", "has been held").
    fn past_verb(&self, k: usize) -> bool {
        let auxiliary = |w: &str| {
            matches!(
                w,
                "is" | "are" | "am" | "be" | "being" | "been" | "was" | "were" | "has" | "have"
            )
        };
        let participle = auxiliary(self.prev_word(k))
            || self.prev_word(k).ends_with("ly") && auxiliary(self.prev_word(k.saturating_sub(1)));
        marker(&self.toks, k) == Tense::Past
            && !participle
            && !matches!(
                self.w(k),
                "was" | "were" | "been" | "had" | "last" | "earlier" | "ago"
            )
    }

    /// Whether the expression at `i` opens its sentence, alone or after "On" ("On Tuesday,
    /// ...").
    fn opens_sentence(&self, i: usize) -> bool {
        let k = if matches!(self.prev_word(i), "on") && self.capital(i.wrapping_sub(1)) {
            i.saturating_sub(1)
        } else {
            i
        };
        if k == 0 || matches!(self.w(k - 1), "." | "!" | "?") {
            return true;
        }
        // After a closing quote that ends a sentence: `... remains." Last April, ...`.
        matches!(self.w(k - 1), "\"" | "'" | "``")
            && k >= 2
            && matches!(self.w(k - 2), "." | "!" | "?")
    }

    fn tense(&self, start: usize, end: usize) -> Tense {
        tense_around(&self.toks, start, end)
    }

    fn lean(&self, start: usize, end: usize, default: Lean) -> Lean {
        match self.tense(start, end) {
            Tense::Past => Lean::Past,
            Tense::Future => Lean::Future,
            Tense::Unknown => default,
        }
    }

    /// The direction for a month or day named without a year: a future marker close before
    /// it ("would take effect in January") is trusted; one farther away is not; a past marker
    /// anywhere in the clause counts as past.
    fn month_lean(&self, start: usize, end: usize) -> Option<Lean> {
        if tense_within(&self.toks, start, end, 6) == Tense::Future
            || self.month_deadline_before(start)
            || self.period_ending_at(start) == Some(Lean::Future)
        {
            return Some(Lean::Future);
        }
        match self.tense(start, end) {
            Tense::Past => Some(Lean::Past),
            Tense::Future if self.prev_word(start) == "by" => Some(Lean::Future),
            _ => None,
        }
    }

    /// A date named without a year that can only lie before the anchor: "since February",
    /// "since the company bought it in February", "the quarter ended Sept. 30", "the 12
    /// months to March" (see [`Self::period_ending_at`]). (A past verb of action right before
    /// the date was tried too: it lost more than it won on TBAQ.)
    fn firmly_past(&self, start: usize) -> bool {
        let mut k = start;
        if matches!(self.w(k.wrapping_sub(1)), "early" | "late" | "mid" | "-") {
            k = k.saturating_sub(1);
        }
        let before = self.w(k.wrapping_sub(1));
        if before == "ended" {
            return true;
        }
        if self.period_ending_at(start) == Some(Lean::Past) {
            return true;
        }
        // "since February", "since KKR bought RJR in February": "since" opens the clause.
        for back in 1..=8 {
            let Some(at) = k.checked_sub(back) else {
                return false;
            };
            match self.w(at) {
                "since" => return true,
                "." | "," | ";" | ":" | "and" | "but" | "when" | "while" | "which" | "that" => {
                    return false
                }
                _ => {}
            }
        }
        false
    }

    /// The direction of a month at `start` that closes a period ("the 12 months to March",
    /// "the year to June"): results reported for it mean the period has ended, while a
    /// forecast or expectation earlier in the clause ("expects a profit in the year to
    /// March", "forecast sales for the 12 months to June") puts it ahead. `None` when the
    /// month closes no such period.
    fn period_ending_at(&self, start: usize) -> Option<Lean> {
        let mut k = start;
        if matches!(self.w(k.wrapping_sub(1)), "early" | "late" | "mid" | "-") {
            k = k.saturating_sub(1);
        }
        let to = k.checked_sub(1)?;
        if self.w(to) != "to"
            || !matches!(
                self.w(to.wrapping_sub(1)),
                "months" | "weeks" | "year" | "quarter" | "period"
            )
        {
            return None;
        }
        for back in 2..=16 {
            let Some(at) = to.checked_sub(back) else {
                break;
            };
            let w = self.w(at);
            // A period inside a figure ("1.37 trillion") does not end the clause.
            let in_figure = self.glued(at) && self.glued(at + 1);
            if matches!(w, ";" | "!" | "?") || w == "." && !in_figure {
                break;
            }
            let forecast = matches!(
                w,
                "forecast"
                    | "forecasts"
                    | "predicts"
                    | "predicted"
                    | "projects"
                    | "projected"
                    | "sees"
                    | "targets"
                    | "outlook"
                    | "guidance"
            );
            if forecast || marker(&self.toks, at) == Tense::Future {
                return Some(Lean::Future);
            }
        }
        Some(Lean::Past)
    }

    /// "The March accession", "the May election": a capitalised month between "the" and a
    /// lower-case noun names the month of that event. A march as a name is followed by a
    /// preposition, a conjunction or a verb instead ("the March of Dimes", "the March for
    /// Life", "the March was peaceful", "the March ended at noon").
    fn attributive_month(&self, i: usize) -> bool {
        let next = self.w(i + 1);
        let names_a_march = matches!(
            next,
            "of" | "on"
                | "to"
                | "and"
                | "or"
                | "for"
                | "against"
                | "in"
                | "at"
                | "from"
                | "by"
                | "through"
                | "across"
                | "into"
                | "with"
                | "is"
                | "are"
                | "has"
                | "will"
                | "would"
                | "drew"
                | "that"
                | "which"
        ) || next.ends_with("ed")
            || marker(&self.toks, i + 1) != Tense::Unknown;
        self.prev_word(i) == "the"
            && self.capital(i)
            && self.kind(i + 1) == Some(TokenKind::Word)
            && !self.capital(i + 1)
            && !names_a_march
    }

    /// "extend the subsidies until the end of June", "could last until the autumn": a month
    /// or season after a lower-case "until" is a deadline, reported ahead of time like a
    /// weekday (see [`Self::weekday_deadline_before`]); a part of it ("the end of", "early",
    /// "mid-") may stand between.
    fn month_deadline_before(&self, start: usize) -> bool {
        let mut k = start;
        if matches!(self.w(k.wrapping_sub(1)), "the") {
            k -= 1;
        }
        if matches!(self.w(k.wrapping_sub(1)), "-") {
            k -= 1;
        }
        if matches!(self.w(k.wrapping_sub(1)), "early" | "late" | "mid") {
            k -= 1;
        } else if self.w(k.wrapping_sub(1)) == "of"
            && matches!(
                self.w(k.wrapping_sub(2)),
                "end" | "middle" | "start" | "beginning"
            )
            && self.w(k.wrapping_sub(3)) == "the"
        {
            k -= 3;
        }
        if !(k > 0 && matches!(self.w(k - 1), "until" | "till") && !self.capital(k - 1)) {
            return false;
        }
        // "lived there until March" is a past span; a deadline needs a verb that sets one
        // ("extend", "postpone", "suspended"), a modal ("could last until"), or a clause
        // with no past tense at all.
        let until = k - 1;
        for back in 1..=10 {
            let Some(at) = until.checked_sub(back) else {
                break;
            };
            let w = self.w(at);
            if matches!(w, "." | ";" | "!" | "?") {
                break;
            }
            // A present state that holds up to the date ("the museum is closed until
            // March", "schools remain shut until June") ends there, ahead of the anchor.
            let present_state = matches!(w, "is" | "are" | "remain" | "remains" | "stays");
            if present_state
                || w == "will"
                || is_modal(w)
                || [
                    "extend", "postpon", "delay", "suspend", "adjourn", "defer", "freez", "froze",
                ]
                .iter()
                .any(|stem| w.starts_with(stem))
            {
                return true;
            }
        }
        self.tense(until, until + 1) != Tense::Past
    }

    /// "winds could reach 120 mph by Tuesday afternoon": a weekday after "by" in a clause
    /// whose verb is a modal looks ahead; "had filed reports by Wednesday" does not (the
    /// reporting verb "said" says nothing about the deadline).
    fn modal_by_deadline(&self, start: usize) -> bool {
        if self.prev_word(start) != "by" {
            return false;
        }
        for back in 2..=10 {
            let Some(at) = start.checked_sub(back) else {
                return false;
            };
            match self.w(at) {
                w if is_modal(w) => return true,
                "." | ";" | "said" | "says" | "told" => return false,
                _ if marker(&self.toks, at) == Tense::Past => return false,
                _ => {}
            }
        }
        false
    }

    /// "until Tuesday", "postponed until Tuesday morning", "until 9 a.m. Tuesday": a weekday
    /// after "until" is a deadline, which news reports ahead of time (the past-tense verb
    /// governing it says when the deadline was set, not when it falls).
    fn weekday_deadline_before(&self, start: usize) -> bool {
        let k = if matches!(self.w(start.wrapping_sub(1)), "on" | "at") {
            start.saturating_sub(1)
        } else {
            start
        };
        // "Until Thursday, police had not named him" looks back from the day.
        k > 0 && matches!(self.w(k - 1), "until" | "till") && !self.capital(k - 1)
    }

    // ------------------------------------------------------------------ resolution

    fn rel_day(&self, days: i64) -> Val {
        match self.anchor.and_then(|a| add_days(a, days)) {
            Some(d) => Val::anchored_day(d),
            None => Val::unknown("XXXX-XX-XX"),
        }
    }

    fn rel_year(&self, delta: i32) -> Val {
        match self.anchor_year {
            Some(y) => Val::year(y + delta, AnchorUse::Publication),
            None => Val::unknown("XXXX"),
        }
    }

    fn rel_month(&self, delta: i32) -> Val {
        match (self.anchor_year, self.anchor_month) {
            (Some(y), Some(m)) => {
                let (y, m) = shift_month(y, m, delta);
                Val::month(y, m, AnchorUse::Publication)
            }
            _ => Val::unknown("XXXX-XX"),
        }
    }

    fn rel_week(&self, delta: i64) -> Val {
        match self.anchor.and_then(|a| add_days(a, delta * 7)) {
            Some(d) => Val::other(week_value(d), AnchorUse::Publication),
            None => Val::unknown("XXXX-WXX"),
        }
    }

    fn rel_quarter(&self, delta: i32) -> Val {
        match (self.anchor_year, self.anchor_month) {
            (Some(y), Some(m)) => {
                let (y, q) = shift_quarter(y, quarter_of(m), delta);
                Val::other(quarter_value(y, q), AnchorUse::Publication)
            }
            _ => Val::unknown("XXXX-QX"),
        }
    }

    /// A weekday relative to the anchor: the same day, or the nearest one in the tense's
    /// direction.
    fn resolve_weekday(&self, weekday: u32, lean: Lean, strict: bool) -> Val {
        let (Some(a), Some(aw)) = (self.anchor, self.anchor_weekday) else {
            return Val {
                value: format!("XXXX-WXX-{weekday}"),
                anchored: AnchorUse::Partial,
                partial: None,
            };
        };
        let diff = weekday as i64 - aw as i64;
        let offset = match lean {
            Lean::Past => {
                let back = (-diff).rem_euclid(7);
                if back == 0 && strict {
                    -7
                } else {
                    -back
                }
            }
            Lean::Future => {
                let ahead = diff.rem_euclid(7);
                if ahead == 0 && strict {
                    7
                } else {
                    ahead
                }
            }
        };
        match add_days(a, offset) {
            Some(d) => Val::anchored_day(d),
            None => Val::unknown("XXXX-XX-XX"),
        }
    }

    /// The year of a month (and day) named without one: the anchor's year, moved back or ahead
    /// when the tense says the date lies on the other side of the anchor.
    /// The year of a month (and day) named without one: of the anchor's year and the years
    /// around it, the one that puts the date nearest the anchor; the tense only decides between
    /// two candidates less than two months apart in distance ("met in September" in March is
    /// last September, "will meet in September" the next one).
    fn year_for(
        &self,
        month: u32,
        day: Option<u32>,
        lean: Option<Lean>,
        firm_past: bool,
    ) -> Option<i32> {
        self.year_within(month, day, lean, firm_past, 62)
    }

    /// [`Self::year_for`] where a past tense outweighs a nearer future date by up to
    /// `past_window` days' worth of distance.
    fn year_within(
        &self,
        month: u32,
        day: Option<u32>,
        lean: Option<Lean>,
        firm_past: bool,
        past_window: i32,
    ) -> Option<i32> {
        let y = self.anchor_year?;
        let Some(am) = self.anchor_month else {
            return Some(y);
        };
        let ad = self.anchor.map(|a| a.day()).unwrap_or(15) as i32;
        let position = |year: i32, m: u32, d: i32| (year * 12 + m as i32) * 31 + d;
        let anchor_pos = position(y, am, ad);
        let d = day.map(|d| d as i32).unwrap_or(15);
        if day.is_none() && month == am {
            return Some(y);
        }
        let mut candidates: Vec<(i32, i32)> = (y - 1..=y + 1)
            .map(|year| (position(year, month, d) - anchor_pos, year))
            .collect();
        if firm_past {
            return candidates
                .iter()
                .filter(|(dist, _)| *dist <= 0)
                .max_by_key(|(dist, _)| *dist)
                .map(|(_, year)| *year);
        }
        // News looks back more often than ahead: a future date counts as farther away.
        candidates.sort_by_key(|(dist, _)| if *dist > 0 { dist * 2 } else { -dist });
        let (nearest, other) = (candidates.first()?, candidates.get(1)?);
        // A future marker (will, would, expected to) is rarely wrong, so it always wins; a
        // past one ("said" is in most sentences) only breaks near-ties.
        if lean == Some(Lean::Future) {
            if let Some((_, year)) = candidates.iter().find(|(dist, _)| *dist >= 0) {
                return Some(*year);
            }
        }
        let wrong_side = lean == Some(Lean::Past) && nearest.0 > 0 && other.0 <= 0;
        Some(
            if wrong_side && other.0.abs() - nearest.0.abs() < past_window {
                other.1
            } else {
                nearest.1
            },
        )
    }

    fn resolve_month_day(&self, month: u32, day: u32, lean: Option<Lean>, firm_past: bool) -> Val {
        self.resolve_day_within(month, day, lean, firm_past, 62)
    }

    /// A day named by month and day whose event verb stands right before it ("was arrested
    /// on Jan. 5", "died Oct. 3"): that past tense is about this very date, so it outweighs a
    /// nearer future date by up to six months (the sentence-wide "said" only breaks near-ties).
    fn resolve_governed_day(&self, i: usize, month: u32, day: u32, lean: Option<Lean>) -> Val {
        let k = if matches!(self.w(i.wrapping_sub(1)), "on") {
            i.saturating_sub(1)
        } else {
            i
        };
        let governed = k > 0
            && marker(&self.toks, k - 1) == Tense::Past
            && !matches!(self.w(k - 1), "said" | "says" | "last" | "earlier" | "ago");
        let window = if governed && lean == Some(Lean::Past) {
            186
        } else {
            62
        };
        self.resolve_day_within(month, day, lean, self.firmly_past(i), window)
    }

    fn resolve_day_within(
        &self,
        month: u32,
        day: u32,
        lean: Option<Lean>,
        firm_past: bool,
        window: i32,
    ) -> Val {
        match self.year_within(month, Some(day), lean, firm_past, window) {
            Some(y) => match ymd(y, month, day) {
                Some(d) => Val::anchored_day(d),
                None => Val::unknown("XXXX-XX-XX"),
            },
            None => Val {
                value: format!("XXXX-{month:02}-{day:02}"),
                anchored: AnchorUse::Partial,
                partial: Some(PartialDate {
                    year: None,
                    month: Some(month as u8),
                    day: Some(day as u8),
                }),
            },
        }
    }

    fn resolve_month(&self, month: u32, lean: Option<Lean>, firm_past: bool) -> Val {
        match self.year_for(month, None, lean, firm_past) {
            Some(y) => Val::month(y, month, AnchorUse::Publication),
            None => Val {
                value: format!("XXXX-{month:02}"),
                anchored: AnchorUse::Partial,
                partial: Some(PartialDate {
                    year: None,
                    month: Some(month as u8),
                    day: None,
                }),
            },
        }
    }

    /// "the 19th": the anchor's month, or the one before/after when the tense says so.
    fn resolve_day_of_month(&self, day: u32, lean: Lean) -> Val {
        let partial = Val {
            value: format!("XXXX-XX-{day:02}"),
            anchored: AnchorUse::Partial,
            partial: Some(PartialDate {
                year: None,
                month: None,
                day: Some(day as u8),
            }),
        };
        let Some(a) = self.anchor else { return partial };
        let delta = match lean {
            Lean::Past if day > a.day() => -1,
            Lean::Future if day < a.day() => 1,
            _ => 0,
        };
        let (y, m) = shift_month(a.year(), a.month(), delta);
        ymd(y, m, day).map(Val::anchored_day).unwrap_or(partial)
    }

    /// Last/this/next season.
    fn resolve_season(&self, code: &str, delta: i32) -> Val {
        let Some(y) = self.anchor_year else {
            return Val::unknown(&format!("XXXX-{code}"));
        };
        let current = self.anchor_month.map(|m| match m {
            3..=5 => "SP",
            6..=8 => "SU",
            9..=11 => "FA",
            _ => "WI",
        });
        let start = match code {
            "SP" => 3,
            "SU" => 6,
            "FA" => 9,
            _ => 12,
        };
        let am = self.anchor_month.unwrap_or(6);
        let year = match delta {
            d if d < 0 => {
                if current == Some(code) || start > am {
                    y - 1
                } else {
                    y
                }
            }
            d if d > 0 => {
                if current == Some(code) || start <= am {
                    y + 1
                } else {
                    y
                }
            }
            _ => y,
        };
        Val::other(format!("{year:04}-{code}"), AnchorUse::Publication)
    }

    // ------------------------------------------------------------------ matching

    fn best_at(&self, i: usize) -> Option<Hit> {
        if let Some((modifier, j, for_dates)) = self.prefix_modifier(i) {
            if let Some(mut hit) = self.core_at(j) {
                let fits = match hit.kind {
                    TimexType::Set => false,
                    TimexType::Duration => !for_dates,
                    _ => true,
                };
                if fits && !hit.value.ends_with("_REF") {
                    hit.modifier = Some(modifier);
                    return Some(hit);
                }
            } else if for_dates {
                // "the end of the year", "earlier in the month": the unit the article is in.
                let k = if self.is(j, "in") { j + 1 } else { j };
                if self.is(k, "the") {
                    let v = match self.w(k + 1) {
                        "year" => Some(self.rel_year(0)),
                        "month" => Some(self.rel_month(0)),
                        "week" => Some(self.rel_week(0)),
                        _ => None,
                    };
                    if let Some(v) = v {
                        let mut hit = Hit::date(k + 2, v);
                        hit.modifier = Some(modifier);
                        return Some(hit);
                    }
                }
            }
        }
        let mut hit = self.core_at(i)?;
        // "Sales usually peak in the fourth quarter", "the river typically floods in the
        // spring": a quarter or season resolved from the anchor is of no particular year
        // in a habitual clause (months and days are handled where they are read).
        if hit.kind == TimexType::Date
            && hit.anchored == AnchorUse::Publication
            && self.habitual_clause(i, hit.end)
        {
            if let Some(unit) = hit
                .value
                .split_once('-')
                .filter(|(y, _)| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
                .map(|(_, unit)| unit)
                .filter(|unit| {
                    matches!(*unit, "Q1" | "Q2" | "Q3" | "Q4" | "SP" | "SU" | "FA" | "WI")
                })
            {
                hit.value = format!("XXXX-{unit}");
                hit.kind = TimexType::Set;
                hit.anchored = AnchorUse::None;
                hit.partial = None;
                hit.quarter_ref = false;
            }
        }
        Some(hit)
    }

    /// A modifier before a date or duration: (mod, first token after it, whether it belongs
    /// to dates (START/MID/END) rather than amounts).
    fn prefix_modifier(&self, i: usize) -> Option<(&'static str, usize, bool)> {
        let w = self.w(i);
        let two = |a: &str, b: &str| self.is(i, a) && self.is(i + 1, b);
        Some(match w {
            "about" | "around" | "roughly" | "approximately" | "some" | "nearly" | "almost"
            | "over" | "under" => {
                let m = match w {
                    "nearly" | "almost" | "under" => "LESS_THAN",
                    "over" => "MORE_THAN",
                    _ => "APPROX",
                };
                let next = i + 1;
                if matches!(w, "some" | "over" | "under") && self.quantity(next).is_none() {
                    return None;
                }
                // "a way around Wednesday's ruling": a preposition before an event, no
                // approximation.
                if self
                    .weekday_at(next)
                    .is_some_and(|(_, after)| self.possessive(after))
                {
                    return None;
                }
                (m, next, false)
            }
            "more" | "less" | "fewer" if self.is(i + 1, "than") => (
                if w == "more" {
                    "MORE_THAN"
                } else {
                    "LESS_THAN"
                },
                i + 2,
                false,
            ),
            "at" if self.is(i + 1, "least") => ("EQUAL_OR_MORE", i + 2, false),
            "at" if self.is(i + 1, "most") => ("EQUAL_OR_LESS", i + 2, false),
            "up" if self.is(i + 1, "to") => ("EQUAL_OR_LESS", i + 2, false),
            "no" if two("no", "more") && self.is(i + 2, "than") => ("EQUAL_OR_LESS", i + 3, false),
            "just" if self.is(i + 1, "over") => ("MORE_THAN", i + 2, false),
            "just" if self.is(i + 1, "under") => ("LESS_THAN", i + 2, false),
            "early" | "earlier" => ("START", self.skip_hyphen(i + 1), true),
            "late" | "later" => ("END", self.skip_hyphen(i + 1), true),
            "mid" => ("MID", self.skip_hyphen(i + 1), true),
            "the" if matches!(self.w(i + 1), "early" | "late" | "mid") => {
                let m = match self.w(i + 1) {
                    "early" => "START",
                    "late" => "END",
                    _ => "MID",
                };
                (m, self.skip_hyphen(i + 2), true)
            }
            "the" | "end" | "beginning" | "start" | "middle" => {
                let k = if w == "the" { i + 1 } else { i };
                let m = match self.w(k) {
                    "end" => "END",
                    "beginning" | "start" => "START",
                    "middle" => "MID",
                    "close" => "END",
                    _ => return None,
                };
                if !self.is(k + 1, "of") {
                    return None;
                }
                (m, k + 2, true)
            }
            _ => return None,
        })
    }

    fn skip_hyphen(&self, i: usize) -> usize {
        if self.is(i, "-") {
            i + 1
        } else {
            i
        }
    }

    fn core_at(&self, i: usize) -> Option<Hit> {
        let candidates = [
            self.numeric_date(i),
            self.month_first(i),
            self.day_first(i),
            self.weekday_expr(i),
            self.year_expr(i),
            self.decade_words(i),
            self.event_day(i),
            self.coordinated_day(i),
            self.year_end(i),
            self.accounting_year(i),
            self.relative_word(i),
            self.season_phrase(i),
            self.deictic(i),
            self.ago(i),
            self.duration(i),
            self.quarter(i),
            self.clock(i),
            self.set(i),
            self.holiday(i),
            self.day_of_month(i),
            self.week_of(i),
        ];
        let mut best: Option<Hit> = None;
        for hit in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| hit.end > b.end) {
                best = Some(hit);
            }
        }
        best
    }

    /// "the week of March 6": the ISO week holding that day (one expression, as in the TBAQ
    /// gold's `2000-W10`).
    fn week_of(&self, i: usize) -> Option<Hit> {
        if !(self.is(i, "the") && self.is(i + 1, "week") && self.is(i + 2, "of")) {
            return None;
        }
        let day = self.month_first(i + 3).or_else(|| self.day_first(i + 3))?;
        let date = day.partial.and_then(full_day)?;
        Some(Hit::date(
            day.end,
            Val::other(week_value(date), day.anchored),
        ))
    }

    /// 3/4/2025, 2025-03-04.
    fn numeric_date(&self, i: usize) -> Option<Hit> {
        if self.number_preceded(i) {
            return None;
        }
        let a = self.digits(i, 4)?;
        let sep = self.w(i + 1);
        if !(sep == "/" || sep == "-")
            || !self.glued(i + 1)
            || !self.glued(i + 2)
            || !self.glued(i + 4)
            || self.w(i + 3) != sep
        {
            return None;
        }
        let b = self.digits(i + 2, 2)?;
        let c = self.digits(i + 4, 4)?;
        let c_len = self.w(i + 4).len();
        let (y, m, d) = if self.w(i).len() == 4 && sep == "-" {
            (a as i32, b, c)
        } else if sep == "/" && (c_len == 4 || c_len == 2) {
            let y = if c_len == 2 {
                let century = self.anchor_year.map(|y| y / 100 * 100).unwrap_or(1900);
                century + c as i32
            } else {
                c as i32
            };
            (y, a, b)
        } else {
            return None;
        };
        if self.glued(i + 5)
            && (matches!(self.w(i + 5), "/" | "-")
                || self.is(i + 5, ".")
                    && self.kind(i + 6) == Some(TokenKind::Number)
                    && self.glued(i + 6))
        {
            return None;
        }
        let date = ymd(y, m, d)?;
        Some(Hit::date(i + 5, Val::absolute_day(date)))
    }

    /// "March 4", "March 4, 2025", "March 2025", "March", "March 4-5", "March of 2025".
    fn month_first(&self, i: usize) -> Option<Hit> {
        let (month, j) = self.month_at(i)?;
        let w = self.w(i);
        if let Some(day) = self.day_number(j) {
            let mut k = j + if self.digits(j, 2).is_some()
                && self.glued(j + 1)
                && matches!(self.w(j + 1), "st" | "nd" | "rd" | "th")
            {
                2
            } else {
                1
            };
            let mut range_end_day = None;
            if (self.is(k, "-") || self.is(k, "to") || self.is(k, "through"))
                && self.day_number(k + 1).is_some()
                && !self.is(k + 2, ":")
            {
                range_end_day = self.day_number(k + 1);
                k += 2;
            }
            let mut year = None;
            if self.is(k, ",") {
                if let Some((y, k2)) = self.year_after(k + 1) {
                    year = Some(y);
                    k = k2;
                }
            } else if let Some((y, k2)) = self.year_after(k) {
                year = Some(y);
                k = k2;
            }
            let val = match year {
                Some(y) => Val::absolute_day(ymd(y, month, day)?),
                None if self.habitual_clause(i, k) => {
                    let date = PartialDate {
                        year: None,
                        month: Some(month as u8),
                        day: Some(day as u8),
                    };
                    if !date.is_valid() {
                        return None;
                    }
                    Val::unknown_day(month, day)
                }
                None => self.resolve_governed_day(i, month, day, self.month_lean(i, k)),
            };
            let habitual = val.anchored == AnchorUse::None;
            let mut hit = Hit::date(k, val);
            if habitual {
                hit = hit.with_kind(TimexType::Set);
            }
            if let Some(end_day) = range_end_day {
                if end_day > day {
                    if let Some(p) = hit.partial {
                        let end = PartialDate {
                            day: Some(end_day as u8),
                            ..p
                        };
                        if end.is_valid() {
                            hit.range_end = Some(end.to_iso());
                        }
                    }
                }
            }
            return Some(hit);
        }
        let (k, year) = if let Some((y, k)) = self.year_after(j) {
            (k, Some(y))
        } else if self.is(j, ",") || self.is(j, "of") {
            match self.year_after(j + 1) {
                Some((y, k)) => (k, Some(y)),
                None => (j, None),
            }
        } else {
            (j, None)
        };
        if let Some(y) = year {
            return Some(Hit::date(k, Val::month(y, month, AnchorUse::Absolute)));
        }
        // "January this year", "June last year".
        if let (Some(ay), true) = (self.anchor_year, self.is(j + 1, "year")) {
            let delta = match self.w(j) {
                "this" => Some(0),
                "last" => Some(-1),
                "next" => Some(1),
                _ => None,
            };
            if let Some(d) = delta {
                return Some(Hit::date(
                    j + 2,
                    Val::month(ay + d, month, AnchorUse::Publication),
                ));
            }
        }
        // A bare month name: "may" and "march" need a preposition that makes them a date.
        if matches!(w, "may" | "march") {
            let prev = self.prev_word(i);
            // "the 12 months to March": a capitalised month after "to" ("to march" is the
            // verb).
            let after_to = prev == "to" && self.capital(i);
            if !matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "by"
                    | "early"
                    | "late"
                    | "mid"
                    | "of"
                    | "last"
                    | "next"
                    | "this"
                    | "during"
                    | "from"
                    | "through"
                    | "before"
                    | "after"
                    | "-"
                    | "end"
                    | "and"
                    | "or"
            ) && !self.attributive_month(i)
                && !after_to
            {
                return None;
            }
        }
        // "In January, Orvel Foods hired ...": a month opening its sentence takes the tense of
        // the main verb after it, as firmly as "since" does (a past verb elsewhere only breaks
        // near-ties, since "said" is in most sentences).
        if self.habitual_clause(i, j) {
            return Some(Hit::date(j, Val::unknown_month(month)).with_kind(TimexType::Set));
        }
        let opening_past = self.prev_word(i) == "in"
            && self.capital(i.wrapping_sub(1))
            && self.opens_sentence(i.saturating_sub(1))
            && self.is(j, ",")
            && tense_ahead(&self.toks, j, 32) == Tense::Past;
        Some(Hit::date(
            j,
            self.resolve_month(
                month,
                self.month_lean(i, j),
                opening_past || self.firmly_past(i),
            ),
        ))
    }

    /// A day-of-month number (1-31) possibly with its ordinal suffix; not a clock time.
    fn day_number(&self, i: usize) -> Option<u32> {
        let d = self.digits(i, 2)?;
        if !(1..=31).contains(&d) || self.number_continues(i) {
            return None;
        }
        let after = if self.glued(i + 1) && matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") {
            i + 2
        } else {
            i + 1
        };
        // "Oct. 26 8:15" and "Oct. 26.5" are not days; "Oct. 26:" ending a line is.
        if (self.is(after, ":") || self.is(after, "."))
            && self.glued(after)
            && self.glued(after + 1)
            && self.kind(after + 1) == Some(TokenKind::Number)
        {
            return None;
        }
        Some(d)
    }

    /// "4 March 2025", "the 4th of March".
    fn day_first(&self, i: usize) -> Option<Hit> {
        let s = if self.is(i, "the") { i + 1 } else { i };
        let (day, j) = if let Some(d) = self.day_number(s) {
            let j = if self.glued(s + 1) && matches!(self.w(s + 1), "st" | "nd" | "rd" | "th") {
                s + 2
            } else {
                s + 1
            };
            (d, j)
        } else {
            self.ordinal(s)?
        };
        if !(1..=31).contains(&day) {
            return None;
        }
        let j = if self.is(j, "of") { j + 1 } else { j };
        let (month, k) = self.month_at(j)?;
        let (year, end) = match self.year_after(k) {
            Some((y, e)) => (Some(y), e),
            None if self.is(k, ",") => match self.year_after(k + 1) {
                Some((y, e)) => (Some(y), e),
                None => (None, k),
            },
            None => (None, k),
        };
        let val = match year {
            Some(y) => Val::absolute_day(ymd(y, month, day)?),
            None => self.resolve_governed_day(i, month, day, self.month_lean(i, end)),
        };
        Some(Hit::date(end, val))
    }

    /// "Tuesday", "Monday, March 3", "Monday evening", "Monday at 3 p.m.".
    fn weekday_expr(&self, i: usize) -> Option<Hit> {
        let (weekday, j) = self.weekday_at(i)?;
        // "Super Tuesday", "Bloody Sunday", "Black Monday", "Patch Tuesday" (a software
        // maker's monthly release day): a capitalised epithet makes the weekday the name of
        // an event (the feasts among them are read by `holiday`).
        let epithet = self.prev_word(i);
        if self.capital(i)
            && self.capital(i.wrapping_sub(1))
            && (matches!(epithet, "super" | "bloody" | "black" | "blue" | "patch")
                || weekday_feast(epithet, self.w(i)).is_some())
        {
            return None;
        }
        // An explicit date after the weekday wins.
        let k = if self.is(j, ",") { j + 1 } else { j };
        if let Some(mut hit) = self.month_first(k).or_else(|| self.day_first(k)) {
            if hit.kind == TimexType::Date && hit.value.len() == 10 {
                hit.end = hit.end.max(k);
                return Some(hit);
            }
        }
        // "The market usually closes early on Friday": a recurring weekday (SET, as "on
        // Sundays" is).
        if self.habitual_clause(i, j) && !self.possessive(j) {
            let suffix = lexicon::part_of_day(self.w(j))
                .map(|code| format!("T{code}"))
                .unwrap_or_default();
            let end = if suffix.is_empty() { j } else { j + 1 };
            return Some(Hit::new(
                end,
                TimexType::Set,
                format!("XXXX-WXX-{weekday}{suffix}"),
                AnchorUse::None,
            ));
        }
        let lean = if self.weekday_deadline_before(i) || self.modal_by_deadline(i) {
            Lean::Future
        } else if self.possessive(j) {
            // "get around Wednesday's ruling": a possessive weekday names an event that has
            // mostly happened; only a future marker close to it ("will attend Friday's vote")
            // says otherwise.
            match tense_within(&self.toks, i, i, 4) {
                Tense::Future => Lean::Future,
                _ => Lean::Past,
            }
        } else if self.tense(i, j) == Tense::Unknown && self.opens_sentence(i) {
            match tense_ahead(&self.toks, j, 24) {
                Tense::Future => Lean::Future,
                _ => Lean::Past,
            }
        } else {
            self.lean(i, j, Lean::Past)
        };
        let val = self.resolve_weekday(weekday, lean, false);
        // "Monday evening": the value keeps the part of day, but the type is DATE, as in most
        // of the TBAQ gold (19 of 26; TimeBank alone says TIME).
        if let Some(code) = lexicon::part_of_day(self.w(j)) {
            return Some(Hit::date(j + 1, val.with_suffix(&format!("T{code}"))));
        }
        if self.is(j, "at") {
            if let Some((hh, mm, end)) = self.clock_parts(j + 1) {
                let v = val.with_suffix(&format!("T{hh:02}:{mm:02}"));
                return Some(Hit::date(end, v).with_kind(TimexType::Time));
            }
        }
        Some(Hit::date(j, val))
    }

    /// "1990", "fiscal 1989", "the 1990s", "'90s", "the 1800s".
    fn year_expr(&self, i: usize) -> Option<Hit> {
        let mut s = i;
        let mut the = false;
        if self.is(s, "the") {
            the = true;
            s += 1;
        }
        if self.is(s, "fiscal") || self.is(s, "fy") {
            let k = if self.is(s + 1, "year") { s + 2 } else { s + 1 };
            let k = if self.is(k, "-") { k + 1 } else { k };
            let (y, end) = self.year_after(k)?;
            let mut hit = Hit::date(end, Val::year(y, AnchorUse::Absolute));
            if let Some(end_year) = self.year_range_end(end - 1, y) {
                hit.end = end + 2;
                hit.range_end = Some(format!("{end_year:04}"));
            }
            return Some(hit);
        }
        if let Some((y, end)) = self.spelled_year(s) {
            return Some(Hit::date(end, Val::year(y, AnchorUse::Absolute)));
        }
        if the && self.is(s, "year") {
            if let Some((y, end)) = self.year_after(s + 1) {
                return Some(Hit::date(end, Val::year(y, AnchorUse::Absolute)));
            }
        }
        // Decades: "1990s", "'90s". "2012's drought" is the year's possessive, and so is
        // "2010's budget": "NNN0's" is the decade only after "the" or an "early", "mid-",
        // "late" ("the 1990's", "the late 1980's").
        if let Some(y) = self.year4(s) {
            let decade_context =
                the || matches!(self.prev_word(s), "the" | "-" | "mid" | "early" | "late");
            if y % 10 == 0
                && (self.glued(s + 1) && self.is(s + 1, "s")
                    || decade_context
                        && self.is(s + 1, "'")
                        && self.glued(s + 1)
                        && self.is(s + 2, "s"))
            {
                let end = if self.is(s + 1, "s") { s + 2 } else { s + 3 };
                // "the 1800s" is the century; "the 2000s" (and "the mid-2000s") in news is
                // the decade 2000-2009: its century has hardly begun.
                let value = if y % 100 == 0 && y != 2000 {
                    format!("{}", y / 100)
                } else {
                    format!("{}", y / 10)
                };
                return Some(Hit::date(end, Val::other(value, AnchorUse::Absolute)));
            }
            if the {
                return None;
            }
            // Four digits next to money, a percent sign or a unit are amounts, not years.
            let next = self.w(s + 1);
            if matches!(
                next,
                "%" | "percent"
                    | "per"
                    | "points"
                    | "shares"
                    | "people"
                    | "tons"
                    | "feet"
                    | "meters"
                    | "miles"
                    | "kilometers"
                    | "pounds"
                    | "votes"
                    | "troops"
                    | "workers"
                    | "jobs"
                    | "cars"
                    | "units"
                    | "barrels"
                    | "acres"
                    | "yards"
                    | "degrees"
                    | "members"
                    | "employees"
                    | "soldiers"
                    | "residents"
                    | "hours"
                    | "days"
                    | "years"
                    | "months"
            ) {
                return None;
            }
            if !(1800..=2100).contains(&y)
                && !matches!(
                    self.prev_word(s),
                    "in" | "since" | "of" | "year" | "by" | "until"
                )
            {
                return None;
            }
            if self.street_number(s) {
                return None;
            }
            // "the 2013-14 season", "fiscal 2013-14", "the 2008-2012 period": a span of
            // years, kept whole with the first year as the value and the last in `range_end`
            // (as for "March 4-5").
            if let Some(end_year) = self.year_range_end(s, y) {
                let mut hit = Hit::date(s + 3, Val::year(y, AnchorUse::Absolute));
                hit.range_end = Some(format!("{end_year:04}"));
                return Some(hit);
            }
            return Some(Hit::date(s + 1, Val::year(y, AnchorUse::Absolute)));
        }
        if self.is(s, "'")
            && self.glued(s + 1)
            && self.w(s + 1).len() == 2
            && self.is(s + 2, "s")
            && self.glued(s + 2)
        {
            let yy = self.digits(s + 1, 2)? as i32;
            let century = self.anchor_year.map(|y| y / 100).unwrap_or(19);
            let century = if self.anchor_year.is_some_and(|a| a % 100 < yy) {
                century - 1
            } else {
                century
            };
            return Some(Hit::date(
                s + 3,
                Val::other(format!("{century}{}", yy / 10), AnchorUse::Publication),
            ));
        }
        None
    }

    /// "the nineties", "the 20th century".
    fn decade_words(&self, i: usize) -> Option<Hit> {
        if !self.is(i, "the") {
            // "20th-century", "in 20th century art"
            let (n, j) = self.ordinal(i)?;
            let j = if self.is(j, "-") { j + 1 } else { j };
            if self.is(j, "century") && (1..=30).contains(&n) {
                return Some(Hit::date(
                    j + 1,
                    Val::other(format!("{:02}", n - 1), AnchorUse::Absolute),
                ));
            }
            return None;
        }
        let digit = match self.w(i + 1) {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            "nineties" => 9,
            _ => 0,
        };
        if digit > 0 {
            let century = self.anchor_year.map(|y| y / 100).unwrap_or(19);
            let century = if self.anchor_year.is_some_and(|a| a % 100 < digit * 10) {
                century - 1
            } else {
                century
            };
            return Some(Hit::date(
                i + 2,
                Val::other(format!("{century}{digit}"), AnchorUse::Publication),
            ));
        }
        let (n, j) = self.ordinal(i + 1)?;
        if self.is(j, "century") && (1..=30).contains(&n) {
            return Some(Hit::date(
                j + 1,
                Val::other(format!("{:02}", n - 1), AnchorUse::Absolute),
            ));
        }
        None
    }

    /// "in the summer", "during winter", "the early summer": a season of the anchor's year
    /// (the year before when the verb is past and that season has not begun yet).
    fn season_phrase(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let s = if w == "the" { i + 1 } else { i };
        let code = lexicon::season(self.w(s))?;
        if let (true, Some((y, end))) = (self.is(s + 1, "of"), self.year_after(s + 2)) {
            return Some(Hit::date(
                end,
                Val::other(format!("{y:04}-{code}"), AnchorUse::Absolute),
            ));
        }
        let prev = self.prev_word(i);
        let governed = matches!(
            prev,
            "in" | "during"
                | "over"
                | "through"
                | "since"
                | "until"
                | "by"
                | "of"
                | "this"
                | "early"
                | "late"
                | "mid"
                | "-"
        );
        if !governed || (w == "fall" && s == i) {
            return None;
        }
        let lean = if self.month_deadline_before(s) {
            Lean::Future
        } else {
            self.lean(i, s + 1, Lean::Past)
        };
        let v = match (self.anchor_year, self.anchor_month) {
            (Some(y), Some(m)) => {
                let start = match code {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                let year = if lean == Lean::Past && start > m {
                    y - 1
                } else {
                    y
                };
                Val::other(format!("{year:04}-{code}"), AnchorUse::Publication)
            }
            _ => Val::unknown(&format!("XXXX-{code}")),
        };
        Some(Hit::date(s + 1, v))
    }

    /// Single words and fixed phrases: "today", "yesterday", "now", "recently", "the future".
    fn relative_word(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let hit = |end: usize, v: Val| Some(Hit::date(end, v));
        match w {
            // "today's youth", "today's world": the present age, generic (TimeML leaves it
            // untagged), unlike "today's vote".
            "today"
                if self.is(i + 1, "'")
                    && self.is(i + 2, "s")
                    && matches!(
                        self.w(i + 3),
                        "world"
                            | "youth"
                            | "society"
                            | "generation"
                            | "culture"
                            | "young"
                            | "children"
                            | "kids"
                            | "families"
                            | "women"
                            | "men"
                            | "people"
                    ) =>
            {
                None
            }
            "today" | "yesterday" | "tomorrow" => {
                let delta = match w {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                let v = self.rel_day(delta);
                if let Some(code) = lexicon::part_of_day(self.w(i + 1)) {
                    return Some(
                        Hit::date(i + 2, v.with_suffix(&format!("T{code}")))
                            .with_kind(TimexType::Time),
                    );
                }

                hit(i + 1, v)
            }
            "tonight" => Some(
                Hit::date(i + 1, self.rel_day(0).with_suffix("TNI")).with_kind(TimexType::Time),
            ),
            "now" | "currently" | "presently" | "nowadays" => {
                // "from now" belongs to the offset before it ("two weeks from now"); "now that
                // ..." is still the present (TimeML tags it, as the TBAQ gold does every time).
                if w == "now" && self.prev_word(i) == "from" {
                    return None;
                }
                // "every now and then", "now and again": an idiom for "occasionally", no
                // reference to the present.
                if w == "now" && self.is(i + 1, "and") && matches!(self.w(i + 2), "then" | "again")
                {
                    return None;
                }
                // "Now, the committee must ...": a sentence-opening "Now" set off by a comma
                // is a discourse marker, not a time (TimeML 1.2.1, 2.2: only "now" referring
                // to the present is PRESENT_REF; the TBAQ gold leaves all 3 such cases
                // untagged, while tagging "Now officials are ...").
                // "Now, five years after the flood, ..." contrasts the present with a past
                // time: a reference to the present after all.
                if w == "now"
                    && self.is(i + 1, ",")
                    && self.opens_sentence(i)
                    && !self.offset_from_event(i + 2)
                {
                    return None;
                }
                hit(i + 1, Val::reference("PRESENT_REF"))
            }
            // "the then current price": current at a past time.
            "then" if self.is(i + 1, "current") => hit(i + 2, Val::reference("PAST_REF")),
            "current"
                if !matches!(
                    self.w(i + 1),
                    "account" | "accounts" | "law" | "system" | "rules"
                ) =>
            {
                hit(i + 1, Val::reference("PRESENT_REF"))
            }
            // "most recently last October": the date that follows is the time.
            "recently" if self.prev_word(i) == "most" => None,
            "recently" | "lately" => hit(i + 1, Val::reference("PAST_REF")),
            // "More recently, ...": the comparative belongs to the expression.
            "more" if self.is(i + 1, "recently") => hit(i + 2, Val::reference("PAST_REF")),
            // "recent years", "coming weeks": an unspecified stretch.
            "recent" | "coming" => match lexicon::unit(self.w(i + 1)) {
                // "in recent years" is the recent past (TBAQ: PAST_REF 3 of 4), while
                // "recent months" and "coming weeks" stay vague stretches.
                Some((Unit::Year, true)) if w == "recent" => hit(i + 2, Val::reference("PAST_REF")),
                Some((unit, true)) => Some(Hit::new(
                    i + 2,
                    TimexType::Duration,
                    unit.duration(None),
                    AnchorUse::None,
                )),
                _ => None,
            },
            "these" if self.is(i + 1, "days") => hit(i + 2, Val::reference("PRESENT_REF")),
            "as" if self.is(i + 1, "soon")
                && self.is(i + 2, "as")
                && self.is(i + 3, "possible") =>
            {
                hit(i + 4, Val::reference("FUTURE_REF"))
            }
            "overnight" if !self.kind(i + 1).is_some_and(|k| k == TokenKind::Word) => Some(
                Hit::date(i + 1, self.rel_day(-1).with_suffix("TNI")).with_kind(TimexType::Time),
            ),
            // "mid-afternoon yesterday", "late evening": a part of a day, of the day named
            // right after it or else the anchor's.
            "mid" | "late" | "early" => {
                let j = self.skip_hyphen(i + 1);
                let code = lexicon::part_of_day(self.w(j)).filter(|_| self.w(j) != "overnight")?;
                let (delta, end) = match self.w(j + 1) {
                    "yesterday" => (-1, j + 2),
                    "today" => (0, j + 2),
                    "tomorrow" => (1, j + 2),
                    // "late-night television", "early morning trading": an adjective.
                    next if self.kind(j + 1) == Some(TokenKind::Word)
                        && !self.capital(j + 1)
                        && !matches!(
                            next,
                            "on" | "in"
                                | "at"
                                | "of"
                                | "and"
                                | "or"
                                | "but"
                                | "when"
                                | "as"
                                | "before"
                                | "after"
                                | "while"
                                | "until"
                                | "to"
                                | "for"
                                | "with"
                                | "by"
                                | "that"
                                | "the"
                        ) =>
                    {
                        return None
                    }
                    _ => (0, j + 1),
                };
                Some(
                    Hit::date(end, self.rel_day(delta).with_suffix(&format!("T{code}")))
                        .with_kind(TimexType::Time),
                )
            }
            "at" if self.is(i + 1, "present") => hit(i + 2, Val::reference("PRESENT_REF")),
            "right" if self.is(i + 1, "now") => hit(i + 2, Val::reference("PRESENT_REF")),
            "the" => match self.w(i + 1) {
                // "the future of our peoples", "an approach to the future" name the future
                // as a topic, not a time; "in the future" is one.
                "future" if self.is(i + 2, "of") || self.prev_word(i) == "to" => None,
                "future" => hit(i + 2, Val::reference("FUTURE_REF")),
                "near" | "distant" | "immediate" if self.is(i + 2, "future") => {
                    hit(i + 3, Val::reference("FUTURE_REF"))
                }
                "near" | "short" if self.is(i + 2, "term") => {
                    hit(i + 3, Val::reference("FUTURE_REF"))
                }
                "past"
                    if self.quantity(i + 2).is_none() && lexicon::unit(self.w(i + 2)).is_none() =>
                {
                    hit(i + 2, Val::reference("PAST_REF"))
                }
                "present" if !self.capital(i + 2) => hit(i + 2, Val::reference("PRESENT_REF")),
                // "saying at the time he was willing": a past moment the story already named
                // (the TBAQ gold's PAST_REF); "at the time of its founding" is a time of an
                // event, left to the event.
                "time" if self.prev_word(i) == "at" && !self.is(i + 2, "of") => {
                    hit(i + 2, Val::reference("PAST_REF"))
                }
                // "in the weeks ahead": an unspecified stretch, like "the coming weeks".
                unit if self.is(i + 2, "ahead") => match lexicon::unit(unit) {
                    Some((unit, true)) => Some(Hit::new(
                        i + 3,
                        TimexType::Duration,
                        unit.duration(None),
                        AnchorUse::None,
                    )),
                    _ => None,
                },
                _ => None,
            },
            // "live without it for a while": an unspecified length (TimeML `PXX`).
            "a" if self.is(i + 1, "while") && self.prev_word(i) == "for" => Some(Hit::new(
                i + 2,
                TimexType::Duration,
                "PXX".to_string(),
                AnchorUse::None,
            )),
            "future" if matches!(self.prev_word(i), "near" | "distant") => {
                hit(i + 1, Val::reference("FUTURE_REF"))
            }
            "near" | "foreseeable" | "distant"
                if self.is(i + 1, "future") && self.prev_word(i) == "the" =>
            {
                None
            }
            _ => None,
        }
    }

    /// this/last/next/past/coming + week, month, year, quarter, weekday, month name, season,
    /// weekend; "the past two years".
    fn deictic(&self, i: usize) -> Option<Hit> {
        let mut s = i;
        let the = self.is(s, "the");
        if the {
            s += 1;
        }
        let mut det = self.w(s);
        if det == "this" && matches!(self.w(s + 1), "coming" | "past") && !the {
            s += 1;
            det = self.w(s);
            // "this past weekend": the last weekend, a date (on a Saturday or Sunday, the
            // one under way).
            if det == "past" && self.is(s + 1, "weekend") {
                let on_weekend = self.anchor_weekday.is_some_and(|w| w >= 6);
                let delta = if on_weekend { 0 } else { -1 };
                return Some(Hit::date(s + 2, self.weekend(delta, i, s + 2, Lean::Past)));
            }
        }
        if the && self.is(s, "weekend") {
            return Some(Hit::date(s + 1, self.weekend(0, i, s + 1, Lean::Past)));
        }
        let delta: i32 = match det {
            "this" | "current" => 0,
            "last" | "past" | "previous" | "preceding" => -1,
            "next" | "coming" | "following" => 1,
            "that" | "same" => 0,
            _ => return None,
        };
        if det == "that" && the {
            return None;
        }
        // "will last two days", "to last a year": the verb, not the determiner.
        if det == "last"
            && !the
            && matches!(
                self.prev_word(s),
                "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "should"
                    | "can"
                    | "to"
                    | "ll"
                    | "not"
                    | "must"
            )
        {
            return None;
        }
        let j = s + 1;
        // ABC's "This Week": a title-cased phrase inside a sentence names a show or a
        // column, not a week.
        if self.capital(s) && self.capital(j) && !self.opens_sentence(i) && !self.title_case_line(i)
        {
            return None;
        }
        // "the past two years", "the next few days", "the last 12 months": durations.
        if matches!(
            det,
            "past" | "last" | "next" | "coming" | "previous" | "following"
        ) {
            if let Some((amount, k)) = self.quantity(j) {
                if let Some((unit, _)) = lexicon::unit(self.w(k)) {
                    if !(amount == Some(1.0) && matches!(self.w(j), "a" | "an")) {
                        return Some(Hit::new(
                            k + 1,
                            TimexType::Duration,
                            unit.duration(amount),
                            AnchorUse::None,
                        ));
                    }
                }
            }
        }
        let w = self.w(j);
        if let Some((unit, plural)) = lexicon::unit(w) {
            if plural {
                // "the past years", "recent months", "in the following years": an
                // unspecified stretch.
                if matches!(
                    det,
                    "past" | "last" | "next" | "coming" | "following" | "previous" | "preceding"
                ) && the
                {
                    return Some(Hit::new(
                        j + 1,
                        TimexType::Duration,
                        unit.duration(None),
                        AnchorUse::None,
                    ));
                }
                return None;
            }
            // "the following year", "that month": counted from the last explicit date.
            if matches!(det, "following" | "previous" | "preceding" | "that") && !plural {
                // "the previous quarter" after "the July-September quarter": the one before
                // the quarter being reported.
                if let (Unit::Quarter, Some((y, q)), true) =
                    (unit, self.quarter_context(i), det != "that")
                {
                    let (y, q) = shift_quarter(y, q, delta);
                    return Some(Hit::date(
                        j + 1,
                        Val::other(quarter_value(y, q), AnchorUse::Publication),
                    ));
                }
                let shift = if det == "that" { 0 } else { delta };
                let reference = self.last_date.get();
                let year = self.last_year.get().or(reference.and_then(|r| r.year));
                let v = match (unit, year) {
                    (Unit::Year, Some(y)) => Some(Val::year(y + shift, AnchorUse::Publication)),
                    // "In March, ... The following month": the last month named, resolved
                    // or not, else the last explicit date's.
                    (Unit::Month, _) => self
                        .last_month
                        .get()
                        .or_else(|| {
                            let r = reference?;
                            Some((r.year?, u32::from(r.month?)))
                        })
                        .map(|(y, m)| {
                            let (y, m) = shift_month(y, m, shift);
                            Val::month(y, m, AnchorUse::Publication)
                        }),
                    // "The talks began on March 3. The following week, ...": the week after
                    // the last day named or resolved (TimeML 1.2.1, 2.2.1.2: anchored on
                    // the reference time; the document date only when no day was named).
                    (Unit::Week, _) => self
                        .last_day
                        .get()
                        .and_then(|d| add_days(d, i64::from(shift) * 7))
                        .map(|d| Val::other(week_value(d), AnchorUse::Publication)),
                    _ => None,
                };
                if let Some(v) = v {
                    return Some(Hit::date(j + 1, v));
                }
            }
            if det == "that" || det == "same" {
                return None;
            }
            // "the past decade", "the next year": a stretch of time from now. "The past year"
            // goes on to the date rules: the TBAQ gold reads it as the year before (2 of 2;
            // decades and weeks are split).
            let year_before = the && matches!(det, "past" | "last") && unit == Unit::Year;
            if !year_before
                && (det == "past"
                    || (the && matches!(det, "last" | "next" | "coming") && unit != Unit::Weekend))
            {
                return Some(Hit::new(
                    j + 1,
                    TimexType::Duration,
                    unit.duration(Some(1.0)),
                    AnchorUse::None,
                ));
            }
            let v = match unit {
                Unit::Day => return None,
                Unit::Week => self.rel_week(delta as i64),
                Unit::Weekend => self.weekend(delta, i, j + 1, Lean::Future),
                Unit::Month => self.rel_month(delta),
                Unit::Quarter => self.rel_quarter(delta),
                Unit::Year => match self.compared_quarter(i).filter(|_| !the && delta == -1) {
                    Some((y, q)) => Val::other(quarter_value(y - 1, q), AnchorUse::Publication),
                    None => self.rel_year(delta),
                },
                Unit::Decade => match self.anchor_year {
                    Some(y) => {
                        Val::other(format!("{}", (y + 10 * delta) / 10), AnchorUse::Publication)
                    }
                    None => Val::unknown("XXXX"),
                },
                Unit::Century => match self.anchor_year {
                    Some(y) => Val::other(
                        format!("{:02}", (y + 100 * delta) / 100),
                        AnchorUse::Publication,
                    ),
                    None => Val::unknown("XXXX"),
                },
                _ => return None,
            };
            return Some(Hit::date(j + 1, v));
        }
        if the && !matches!(det, "previous" | "following" | "preceding") {
            return None;
        }
        if let Some((weekday, k)) = self.weekday_at(j) {
            // "the previous Friday", "the following Monday": counted from the day the story
            // is at, like "the previous day".
            let narrative = match self.last_day.get() {
                Some(day) if the => {
                    let diff = weekday as i64 - weekday_number(day) as i64;
                    let offset = if delta < 0 {
                        -(-diff).rem_euclid(7)
                    } else {
                        diff.rem_euclid(7)
                    };
                    let offset = if offset == 0 {
                        7 * delta as i64
                    } else {
                        offset
                    };
                    add_days(day, offset).map(Val::anchored_day)
                }
                _ => None,
            };
            let v = narrative.unwrap_or_else(|| match delta {
                d if d < 0 => self.resolve_weekday(weekday, Lean::Past, true),
                d if d > 0 => self.resolve_weekday(weekday, Lean::Future, true),
                _ => {
                    let lean = self.lean(i, k, Lean::Past);
                    self.resolve_weekday(weekday, lean, false)
                }
            });
            if let Some(code) = lexicon::part_of_day(self.w(k)) {
                return Some(Hit::date(k + 1, v.with_suffix(&format!("T{code}"))));
            }
            return Some(Hit::date(k, v));
        }
        // "last january" in careless text is still the month; "this march" is a protest.
        if let Some((month, k)) = self.month_at(j).or_else(|| {
            lexicon::month(w)
                .filter(|_| w.len() > 3 && w != "march")
                .map(|m| (m, j + 1))
        }) {
            if self.day_number(k).is_some() {
                // "last Oct. 23": the explicit date, read on its own.
                return None;
            }
            let v = match (self.anchor_year, self.anchor_month) {
                (Some(y), Some(am)) => {
                    let year = match delta {
                        d if d < 0 => {
                            if month < am {
                                y
                            } else {
                                y - 1
                            }
                        }
                        d if d > 0 => {
                            if month > am {
                                y
                            } else {
                                y + 1
                            }
                        }
                        _ => y,
                    };
                    Val::month(year, month, AnchorUse::Publication)
                }
                _ => Val::unknown(&format!("XXXX-{month:02}")),
            };
            return Some(Hit::date(k, v));
        }
        if let Some(code) = lexicon::season(w) {
            return Some(Hit::date(j + 1, self.resolve_season(code, delta)));
        }
        if let Some(code) = lexicon::part_of_day(w) {
            if det == "this" || det == "last" && w == "night" {
                let v = self.rel_day(if det == "last" { -1 } else { 0 });
                return Some(
                    Hit::date(j + 1, v.with_suffix(&format!("T{code}"))).with_kind(TimexType::Time),
                );
            }
        }
        None
    }

    /// Days counted from the story's own reference day rather than from publication: "that
    /// day", "the same day", "that same night", "the next day", "the following morning",
    /// "the previous evening". The reference is the last day the text gave or we resolved;
    /// before any, the anchor (TimeML's fallback to the document date).
    fn event_day(&self, i: usize) -> Option<Hit> {
        let the = self.is(i, "the");
        let mut j = if the { i + 1 } else { i };
        let delta: i64 = match self.w(j) {
            "that" if !the => 0,
            "same" if the => 0,
            "next" | "following" if the => 1,
            "previous" | "preceding" if the => -1,
            _ => return None,
        };
        j += 1;
        if delta == 0 && self.is(j, "same") && !the {
            j += 1;
        }
        let w = self.w(j);
        let part_of_day = lexicon::part_of_day(w).is_some() && w != "overnight";
        if w != "day" && !part_of_day {
            return None;
        }
        // "the next day or two" is a stretch of time; "that day's session" is still the day.
        if self.is(j + 1, "or") {
            return None;
        }
        // "that day" with no day before it is generic ("trades made that day"); after a day
        // named but not dated ("on Saturday" in an undated page) it is that day, its date
        // unknown, also when a dated day came before that one.
        let last_day = self.last_day.get();
        let partial_day_since = self.last_partial_day.borrow().clone().filter(|(at, _)| {
            i.saturating_sub(*at) <= MAX_DAY_DISTANCE
                && (last_day.is_none() || *at > self.last_day_at.get())
        });
        let reference = match (last_day, partial_day_since) {
            (_, Some((_, day))) if delta == 0 => return Some(Hit::date(j + 1, day)),
            (Some(day), _) => Some(day),
            (None, _) if delta == 0 => return None,
            (None, _) => self.anchor,
        };
        let v = match reference.and_then(|d| add_days(d, delta)) {
            Some(d) => Val::anchored_day(d),
            None => Val::unknown("XXXX-XX-XX"),
        };
        // TBAQ gold gives "the next morning" the day as a DATE (2000-02-23), unlike "this
        // morning" (TIME ...TMO); the part of the day stays in the extent.
        Some(Hit::date(j + 1, v))
    }

    /// "April 24 and 25": a bare day number joined to the date just before it shares its
    /// month and year.
    fn coordinated_day(&self, i: usize) -> Option<Hit> {
        if self.kind(i) != Some(TokenKind::Number) || !matches!(self.prev_word(i), "and" | "or") {
            return None;
        }
        let day = self.digits(i, 2)?;
        let previous = self.last_day.get()?;
        let before = self.digits(i.checked_sub(2)?, 2)?;
        // The number right before "and" must be the day of that date, and this one must not
        // be an amount ("April 24 and 25 people").
        if before != previous.day()
            || self.number_continues(i)
            || self.kind(i + 1) == Some(TokenKind::Word)
                && !self.capital(i + 1)
                && !matches!(
                    self.w(i + 1),
                    "in" | "at"
                        | "on"
                        | "for"
                        | "to"
                        | "of"
                        | "with"
                        | "and"
                        | "or"
                        | "but"
                        | "when"
                        | "while"
                        | "as"
                        | "after"
                        | "before"
                        | "from"
                        | "that"
                )
        {
            return None;
        }
        let date = ymd(previous.year(), previous.month(), day)?;
        Some(Hit::date(i + 1, Val::anchored_day(date)))
    }

    /// "year-end", "year end", "year's end", "the full year": the current year (its end),
    /// or the one before after "since" ("up 5% since year-end").
    fn year_end(&self, i: usize) -> Option<Hit> {
        if self.is(i, "the") && self.is(i + 1, "full") && self.is(i + 2, "year") {
            // Results for the full year come with the last quarter's: in a January report
            // after "fourth-quarter", "the full year" is the year just ended.
            let v = match self.quarter_context(i) {
                Some((y, _)) => Val::year(y, AnchorUse::Publication),
                None => self.rel_year(0),
            };
            return Some(Hit::date(i + 3, v));
        }
        if !self.is(i, "year") {
            return None;
        }
        let end = match (self.w(i + 1), self.w(i + 2), self.w(i + 3)) {
            ("-", "end", _) if self.glued(i + 1) && self.glued(i + 2) => i + 3,
            ("end", _, _) => i + 2,
            ("'", "s", "end") if self.glued(i + 1) => i + 4,
            _ => return None,
        };
        let delta = if self.prev_word(i) == "since" { -1 } else { 0 };
        let mut hit = Hit::date(end, self.rel_year(delta));
        hit.modifier = Some("END");
        Some(hit)
    }

    /// The year a company reports on: "the year ended March 31" and "the fiscal year ending
    /// June 30" are a year's length (DURATION `P1Y`, the TimeBank reading, 7 of 8); "the
    /// current fiscal year" is the anchor's year, "the latest fiscal year" the one before;
    /// "for the year" / "of the year" the anchor's year.
    fn accounting_year(&self, i: usize) -> Option<Hit> {
        if !self.is(i, "the") {
            return None;
        }
        let mut j = i + 1;
        let delta = match self.w(j) {
            "current" => Some(0),
            "latest" | "last" | "previous" | "past" => Some(-1),
            _ => None,
        };
        if delta.is_some() {
            j += 1;
        }
        let fiscal = self.is(j, "fiscal");
        if fiscal {
            j += 1;
        }
        if !self.is(j, "year") {
            return None;
        }
        let end = j + 1;
        // "the year ended March 31", "the year ending tomorrow" (not "the year ended with a
        // crash", where the year is the subject).
        if matches!(self.w(end), "ended" | "ending")
            && (self.month_at(end + 1).is_some()
                || self.weekday_at(end + 1).is_some()
                || matches!(self.w(end + 1), "today" | "tomorrow" | "yesterday"))
        {
            return Some(Hit::new(
                end,
                TimexType::Duration,
                "P1Y".to_string(),
                AnchorUse::None,
            ));
        }
        match delta {
            // "the last year" and "the past year" are the deictic rule's.
            Some(d) if fiscal => Some(Hit::date(end, self.rel_year(d))),
            Some(_) => None,
            // "the year-ago quarter", "the year's end", "the year before", "the year 2000" are
            // other rules' or not this year.
            // "of the year" only after a part of it ("nine months of the year", "the rest of
            // the year"): "player of the year" is a title.
            None if (matches!(
                self.prev_word(i),
                "for" | "in" | "during" | "through" | "throughout"
            ) || self.prev_word(i) == "of"
                && (lexicon::unit(self.w(i.wrapping_sub(2))).is_some()
                    || matches!(
                        self.w(i.wrapping_sub(2)),
                        "half"
                            | "part"
                            | "rest"
                            | "remainder"
                            | "balance"
                            | "start"
                            | "beginning"
                            | "middle"
                            | "course"
                            | "bulk"
                            | "first"
                            | "last"
                    )))
                && !matches!(
                    self.w(end),
                    "-" | "'" | "before" | "after" | "earlier" | "later" | "ago" | "to"
                )
                && self.kind(end) != Some(TokenKind::Number)
                && lexicon::cardinal(self.w(end)).is_none() =>
            {
                Some(Hit::date(end, self.rel_year(0)))
            }
            None => None,
        }
    }

    /// The weekend relative to the anchor (`2025-W10-WE`).
    fn weekend(&self, delta: i32, start: usize, end: usize, default: Lean) -> Val {
        let (Some(a), Some(aw)) = (self.anchor, self.anchor_weekday) else {
            return Val::unknown("XXXX-WXX-WE");
        };
        let delta = if delta == 0 && aw <= 5 {
            // "this weekend" on a weekday: the coming one if future, else the one just past.
            match self.lean(start, end, default) {
                Lean::Future => 0,
                Lean::Past => -1,
            }
        } else {
            delta
        };
        match add_days(a, delta as i64 * 7) {
            Some(d) => Val::other(format!("{}-WE", week_value(d)), AnchorUse::Publication),
            None => Val::unknown("XXXX-WXX-WE"),
        }
    }

    /// "two days ago", "a year earlier", "three weeks from now".
    fn ago(&self, i: usize) -> Option<Hit> {
        // "year-earlier results", "year-ago levels": the adjective form of "a year earlier".
        // "a year-earlier loss": the article belongs to the noun ("loss"), the glued hyphen
        // makes "year-earlier" the adjective.
        let adjective = self.is(i, "year")
            && self.is(i + 1, "-")
            && matches!(self.w(i + 2), "ago" | "earlier")
            && (!matches!(self.prev_word(i), "a" | "one")
                || self.glued(i + 1) && self.glued(i + 2));
        let (amount, j) = if adjective {
            (Some(1.0), i)
        } else {
            self.quantity(i)?
        };
        let (unit, _) = lexicon::unit(self.w(j))?;
        let mut k = j + 1;
        if adjective {
            k += 1;
        }
        if self.is(k, "or") && self.is(k + 1, "so") {
            k += 2;
        }
        let dir: i32 = match self.w(k) {
            "ago" | "earlier" | "before" => -1,
            "later" | "hence" => 1,
            "from" if self.is(k + 1, "now") => 1,
            _ => return None,
        };
        if self.w(k) == "before" && !matches!(self.w(k + 1), "." | "," | "") {
            return None;
        }
        let end = if self.w(k) == "from" { k + 2 } else { k + 1 };
        // "a few days later", "an hour earlier": measured from another event, not from the
        // anchor; what the text pins down is the length.
        // TimeML tags only the length ("three days" DURATION P3D, "later" being a signal)
        // for the short units; "a year earlier" in news names the year (or quarter) before.
        let from_event = matches!(self.w(k), "later" | "earlier" | "before");
        if from_event
            && (amount.is_none()
                || matches!(
                    unit,
                    Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week | Unit::Month
                ))
        {
            return None;
        }
        let Some(n) = amount else {
            let r = if dir < 0 { "PAST_REF" } else { "FUTURE_REF" };
            return Some(Hit::date(end, Val::reference(r)));
        };
        if n.fract() != 0.0 {
            return None;
        }
        let n = n as i32 * dir;
        // "re-elected four years later", "two years earlier": counted from the last year the
        // text gave, not from the anchor; with none, only the length is tagged (the duration
        // rule). "A year earlier" in financial news keeps its reading below.
        if unit == Unit::Year && (self.is(k, "later") || from_event && n.abs() >= 2) {
            let y = self.last_date.get().and_then(|d| d.year)?;
            return Some(Hit::date(end, Val::year(y + n, AnchorUse::Publication)));
        }
        // "a decade earlier", "a century later" count from the story's last year in the same
        // way (TimeML 1.2.1, 2.2.1.2: an offset is resolved from the time it is relative to,
        // the document date only when the text gives no other); the year granularity is the
        // TBAQ gold's ("a decade ago" is a year, `1989`, not the decade `198`).
        if from_event && matches!(unit, Unit::Decade | Unit::Century) {
            let y = self.last_date.get().and_then(|d| d.year)?;
            let years = if unit == Unit::Decade { 10 } else { 100 };
            return Some(Hit::date(
                end,
                Val::year(y + n * years, AnchorUse::Publication),
            ));
        }
        let v = match unit {
            Unit::Second | Unit::Minute | Unit::Hour => {
                return Some(Hit::date(end, self.rel_day(0)))
            }
            Unit::Day => self.rel_day(n as i64),
            Unit::Week | Unit::Weekend => self.rel_week(n as i64),
            Unit::Month => self.rel_month(n),
            Unit::Quarter => self.rel_quarter(n),
            Unit::Year => match self.quarter_context(i) {
                Some((y, q)) if self.w(k) != "ago" || n == -1 => {
                    Val::other(quarter_value(y + n, q), AnchorUse::Publication)
                }
                _ => self.rel_year(n),
            },
            Unit::Decade => self.rel_year(n * 10),
            Unit::Century => self.rel_year(n * 100),
        };
        Some(Hit::date(end, v))
    }

    /// The reported quarter that a figure right before `i` is compared with ("earnings of
    /// $24 million, compared with a loss of $3 million last year", "a 13% increase from
    /// last year's $1.55 billion"): the same quarter, so "last year" there is that quarter a
    /// year back, as "a year earlier" is.
    fn compared_quarter(&self, i: usize) -> Option<(i32, u32)> {
        let q = self.quarter_context(i)?;
        let amount_before = self.kind(i.wrapping_sub(1)) == Some(TokenKind::Number)
            || matches!(
                self.w(i.wrapping_sub(1)),
                "million" | "billion" | "share" | "cents" | "%" | "percent"
            );
        let amount_after = self.is(i + 2, "'") && self.is(i + 3, "s");
        if !(amount_before || amount_after) {
            return None;
        }
        for back in 1..=14 {
            match self.w(i.checked_sub(back)?) {
                "from" | "with" | "than" | "versus" => return Some(q),
                "." | ";" => return None,
                _ => {}
            }
        }
        None
    }

    /// The quarter the surrounding financial text is about, if one was named recently.
    fn quarter_context(&self, i: usize) -> Option<(i32, u32)> {
        let q = self.last_quarter.get()?;
        let at = self.last_quarter_at.get();
        if self.period_context(i).is_some() {
            return None;
        }
        (i.saturating_sub(at) <= MAX_QUARTER_DISTANCE).then_some(q)
    }

    /// The multi-quarter period ("the nine months", `P9M`) the financial text is about, when
    /// one was named after the last quarter.
    fn period_context(&self, i: usize) -> Option<&'static str> {
        let (p, period) = self.last_period_at.get()?;
        (p > self.last_quarter_at.get() && p < i && i - p <= MAX_QUARTER_DISTANCE).then_some(period)
    }

    /// "three days", "25 years", "16-hour", "the first nine months", "a year and a half",
    /// "two to three weeks", "for years".
    fn duration(&self, i: usize) -> Option<Hit> {
        let mut s = i;
        let the = self.is(s, "the");
        if the {
            s += 1;
            if matches!(
                self.w(s),
                "first" | "last" | "past" | "next" | "latest" | "previous"
            ) {
                s += 1;
            }
        }
        // Bare plural units after "for"/"over"/"within": "for years", "within days"; and
        // after "in" when nothing follows in the phrase ("the first time in years", "the
        // lowest level in decades", "could fall in days,"), not "in days of talks".
        if !the {
            if let Some((unit, true)) = lexicon::unit(self.w(i)) {
                let bare_in = self.prev_word(i) == "in"
                    && matches!(self.w(i + 1), "." | "," | ";" | ":" | "!" | "?" | "\"" | "");
                // "hanged himself hours after his arrest", "returned minutes later": a
                // bare plural counted from an event is a length of time like "for
                // hours", unless a word before it counts or qualifies it ("a matter of
                // days before", "the first days after").
                let from_event = matches!(self.w(i + 1), "after" | "later" | "before" | "earlier")
                    && !matches!(
                        self.prev_word(i),
                        "of" | "the"
                            | "first"
                            | "last"
                            | "final"
                            | "early"
                            | "initial"
                            | "those"
                            | "these"
                            | "recent"
                            | "following"
                            | "previous"
                            | "next"
                            | "coming"
                            | "past"
                            | "more"
                    )
                    && !lexicon::vague_quantity(self.prev_word(i))
                    && (i == 0 || self.kind(i - 1) != Some(TokenKind::Number))
                    && lexicon::cardinal(self.prev_word(i)).is_none();
                if (matches!(self.prev_word(i), "for" | "over" | "within") || bare_in || from_event)
                    && unit != Unit::Second
                {
                    return Some(Hit::new(
                        i + 1,
                        TimexType::Duration,
                        unit.duration(None),
                        AnchorUse::None,
                    ));
                }
            }
        }
        // "over the years", "through the decades": an unspecified stretch up to now ("over
        // the years 2010 to 2012" names its years instead).
        if the && matches!(self.prev_word(i), "over" | "through") {
            if let Some((unit, true)) = lexicon::unit(self.w(i + 1)) {
                if unit != Unit::Second
                    && self.kind(i + 2) != Some(TokenKind::Number)
                    && !matches!(
                        self.w(i + 2),
                        "of" | "before" | "after" | "that" | "since" | "to" | "ahead" | "when"
                    )
                {
                    return Some(Hit::new(
                        i + 2,
                        TimexType::Duration,
                        unit.duration(None),
                        AnchorUse::None,
                    ));
                }
            }
        }
        // "a day-long meeting", "the decades-long dispute": the unit itself is the amount (and
        // the article belongs to the noun after it).
        let unit_long = |u: usize| {
            lexicon::unit(self.w(u)).is_some()
                && self.is(u + 1, "-")
                && self.glued(u + 1)
                && self.glued(u + 2)
                && self.is(u + 2, "long")
        };
        if matches!(self.w(s), "a" | "an") && unit_long(s + 1) {
            return None;
        }
        // "a weeklong manhunt", "a yearlong inquiry": the same written as one word.
        if !the {
            if let Some(unit) = self.w(s).strip_suffix("long").and_then(lexicon::unit) {
                let amount = if unit.1 { None } else { Some(1.0) };
                return Some(Hit::new(
                    s + 1,
                    TimexType::Duration,
                    unit.0.duration(amount),
                    AnchorUse::None,
                ));
            }
        }
        if let Some((unit, plural)) = lexicon::unit(self.w(s)).filter(|_| !the) {
            if unit_long(s) {
                let amount = if plural { None } else { Some(1.0) };
                return Some(Hit::new(
                    s + 3,
                    TimexType::Duration,
                    unit.duration(amount),
                    AnchorUse::None,
                ));
            }
        }
        let (amount, mut j) = self.quantity(s)?;
        // A year-like number before a unit is a year ("the 1988 quarter"), not an amount
        // ("two thousand years" in words is one).
        if amount.is_some_and(|n| n >= 1000.0) && self.kind(s) == Some(TokenKind::Number) {
            return None;
        }
        let mut amount = amount;
        // "two to three weeks", "12 to 18 months": a vague amount of that unit.
        if matches!(self.w(j), "to" | "or" | "-") {
            if let Some((_, k)) = self.quantity(j + 1).filter(|(a, _)| a.is_some()) {
                if lexicon::unit(self.w(k)).is_some() && !self.glued(k) {
                    amount = None;
                    j = k;
                }
            }
        }
        // "20 more years", "eight trading days", "three straight months".
        let mut skipped = j;
        while matches!(
            self.w(skipped),
            "more"
                | "additional"
                | "extra"
                | "further"
                | "straight"
                | "consecutive"
                | "trading"
                | "business"
                | "working"
                | "calendar"
                | "full"
                | "long"
        ) && skipped < j + 2
        {
            skipped += 1;
        }
        if skipped > j && lexicon::unit(self.w(skipped)).is_some() {
            j = skipped;
        }
        // "a" before a unit is a duration only when nothing makes it a rate ("$5 a year").
        let article = matches!(self.w(s), "a" | "an") && amount == Some(1.0);
        // "an eight-year deal"; also with the hyphen set apart ("an eight - year deal", as
        // tokenized or carelessly typed copy writes it) when a singular unit follows, which
        // no range ("two - three weeks") has.
        let spaced_adjective =
            self.is(j, "-") && lexicon::unit(self.w(j + 1)).is_some_and(|(_, plural)| !plural);
        let (k, adjectival) = if self.is(j, "-") && self.glued(j) || spaced_adjective {
            (j + 1, true)
        } else {
            (j, false)
        };
        // "survived two nights on the ridge": nights are counted as days (ISO 8601 has no
        // night unit); a rate ("$90 a night") and a single night are left alone.
        if self.is(k, "nights") && !adjectival {
            if let Some(n) = amount.filter(|n| *n >= 2.0 && n.fract() == 0.0) {
                return Some(Hit::new(
                    k + 1,
                    TimexType::Duration,
                    format!("P{n}D"),
                    AnchorUse::None,
                ));
            }
        }
        let (unit, plural) = lexicon::unit(self.w(k))?;
        if amount.is_none() && !plural && !adjectival {
            return None;
        }
        // "a year-earlier loss" is the date rule's ("year-earlier").
        if article
            && unit == Unit::Year
            && self.is(k + 1, "-")
            && matches!(self.w(k + 2), "ago" | "earlier")
        {
            return None;
        }
        // "three-quarters of", "a quarter of the shares", "a second round", "60 Minutes"
        // (a title): fractions, ordinals and names, not lengths of time.
        if (adjectival && plural)
            || (article && unit == Unit::Quarter && self.is(k + 1, "of"))
            || (article && unit == Unit::Second)
            || (self.capital(k)
                && self.kind(s) == Some(TokenKind::Number)
                && !self.title_case_line(k))
        {
            return None;
        }
        let mut end = k + 1;
        if let Some(n) = amount.as_mut() {
            if self.is(end, "and") && self.is(end + 1, "a") && self.is(end + 2, "half") {
                *n += 0.5;
                end += 3;
            }
        }
        if self.is(end, "or") && self.is(end + 1, "so") {
            end += 2;
        }
        // Ages are not time expressions in TimeML news annotation ("a 46-year-old").
        if self.is(end, "old") || self.is(end, "-") && self.is(end + 1, "old") {
            return None;
        }
        // "the two-week strike": the article belongs to the noun phrase.
        if adjectival && the && s == i + 1 {
            return None;
        }
        if article {
            let prev = self.prev_word(s);
            // "four flights a week", "hundreds of interviews a day": a count per unit, a SET
            // like "$5 a year" below.
            let counted = s >= 2
                && prev.len() > 3
                && prev.ends_with('s')
                && (self.kind(s - 2) == Some(TokenKind::Number)
                    || lexicon::cardinal(self.w(s - 2)).is_some()
                    || matches!(
                        self.w(s - 2),
                        "of" | "million" | "billion" | "thousand" | "hundred" | "dozen"
                    ));
            if counted
                || prev == "%"
                || prev == "percent"
                || prev == "times"
                || i > 0 && self.kind(i - 1) == Some(TokenKind::Number)
                || matches!(
                    prev,
                    "million" | "billion" | "thousand" | "hundred" | "once" | "twice"
                )
            {
                return Some(Hit::new(
                    end,
                    TimexType::Set,
                    unit.duration(Some(1.0)),
                    AnchorUse::None,
                ));
            }
        }
        Some(Hit::new(
            end,
            TimexType::Duration,
            unit.duration(amount),
            AnchorUse::None,
        ))
    }

    /// "the third quarter", "third-quarter", "Q3 2025", "the first half of 2024",
    /// "this year's third quarter", "the 1988 second quarter", "the year-ago quarter".
    fn quarter(&self, i: usize) -> Option<Hit> {
        let mut s = i;
        let the = self.is(s, "the");
        if the {
            s += 1;
        }
        // "the July-September quarter", "the April-June period": a calendar quarter named by
        // its months (common in Asian company news).
        if the {
            if let Some(hit) = self.month_span_quarter(i, s) {
                return Some(hit);
            }
        }
        // "Q3", "Q3 2025", "H1 2025"; not a code that goes on ("H1N1", "H2O", "Q3D").
        let half = self.is(s, "h") && self.capital(s);
        let code_goes_on = self.glued(s + 2)
            && matches!(self.kind(s + 2), Some(TokenKind::Word | TokenKind::Number));
        if (self.is(s, "q") || half) && self.glued(s + 1) && !code_goes_on {
            let max = if half { 2 } else { 4 };
            let q = self.digits(s + 1, 1).filter(|q| (1..=max).contains(q))?;
            let code = if half {
                format!("H{q}")
            } else {
                format!("Q{q}")
            };
            let (year, end) = self.year_of(s + 2);
            let y = year.or(self.anchor_year);
            let v = match y {
                Some(y) => Val::other(
                    format!("{y:04}-{code}"),
                    if year.is_some() {
                        AnchorUse::Absolute
                    } else {
                        AnchorUse::Publication
                    },
                ),
                None => Val::unknown(&format!("XXXX-{code}")),
            };
            let hit = Hit::date(end, v);
            return Some(if half { hit } else { hit.quarter_ref() });
        }
        // A year before the ordinal: "the 1988 second quarter", "this year's third quarter",
        // "the year-ago third quarter".
        let mut given_year = None;
        let mut year_back = 0;
        if let Some(y) = self.year4(s).filter(|_| the) {
            given_year = Some(y);
            s += 1;
        } else if let (Some(ay), true) = (
            self.anchor_year,
            self.is(s + 1, "year") && self.is(s + 2, "'") && self.is(s + 3, "s"),
        ) {
            let delta = match self.w(s) {
                "this" => 0,
                "last" => -1,
                "next" => 1,
                _ => 2,
            };
            if delta != 2 && !the {
                given_year = Some(ay + delta);
                s += 4;
            }
        } else if self.is(s, "year")
            && self.is(s + 1, "-")
            && matches!(self.w(s + 2), "ago" | "earlier")
            && the
        {
            year_back = 1;
            s += 3;
        }
        let adjectival_the = the && given_year.is_none() && year_back == 0;
        if self.is(s, "fiscal") {
            s += 1;
        }
        let ordinal = self.ordinal(s).or_else(|| {
            (matches!(self.w(s), "last" | "latter") && self.is(s + 1, "half")).then_some((2, s + 1))
        });
        if let Some((n, j)) = ordinal {
            let hyphen = self.is(j, "-");
            let j = if hyphen { j + 1 } else { j };
            let j = if self.is(j, "fiscal") { j + 1 } else { j };
            // "the second and fourth quarters": two quarters, the first named by its ordinal
            // alone (its span ends before "and"), the second by the plural.
            let plural_unit = |k: usize| match self.w(k) {
                "quarters" => Some("quarter"),
                "halves" => Some("half"),
                _ => None,
            };
            // "the second and third quarter of 2012" is written with the singular too.
            let shared_unit = |k: usize| match self.w(k) {
                "quarter" => Some("quarter"),
                "half" => Some("half"),
                _ => plural_unit(k),
            };
            let coordinated_first = if matches!(self.w(j), "and" | "or") && !hyphen {
                self.ordinal(j + 1)
                    .and_then(|(other, k)| shared_unit(k).map(|unit| (unit, k, other)))
            } else {
                None
            };
            let coordinated_second = plural_unit(j).and_then(|unit| {
                let (other, k) = self.ordinal(s.saturating_sub(2))?;
                (matches!(self.prev_word(s), "and" | "or") && k + 1 == s).then_some((unit, other))
            });
            // Both quarters of a coordination fall in one year: the later one decides
            // whether it is this year's or last ("the first and second quarters were weak",
            // said in March, are both last year's).
            let (unit_word, latest) = match (coordinated_first, coordinated_second) {
                (Some((unit, _, other)), _) | (None, Some((unit, other))) => (unit, n.max(other)),
                (None, None) => (self.w(j), n),
            };
            let half = match unit_word {
                "quarter" if (1..=4).contains(&n) => false,
                "half" if (1..=2).contains(&n) => true,
                _ => return None,
            };
            // "the last half of the '80s": the decade, its start or end.
            if half && given_year.is_none() && self.is(j + 1, "of") {
                if let Some(mut decade) = self
                    .year_expr(j + 2)
                    .filter(|h| h.kind == TimexType::Date && h.value.len() == 3)
                {
                    decade.modifier = Some(if n == 1 { "START" } else { "END" });
                    return Some(decade);
                }
            }
            let (year, mut end) = match (given_year, coordinated_first) {
                (Some(y), None) => (Some(y), j + 1),
                (Some(y), Some(_)) => (Some(y), j),
                // "the first and second quarters of 2013": the year after the plural.
                (None, Some((_, k, _))) => (self.year_of(k + 1).0, j),
                (None, None) => self.year_of(j + 1),
            };
            // "the second half of the year": the year the text is about, which is the
            // reported quarter's in earnings news and otherwise the anchor's, whatever the
            // tense ("said it expected margins to recover in the second half of the year").
            let of_the_year = year.is_none()
                && self.is(end, "of")
                && self.is(end + 1, "the")
                && self.is(end + 2, "year")
                && !matches!(self.w(end + 3), "-" | "'" | "before" | "earlier" | "ago");
            if of_the_year {
                end += 3;
            }
            let lean = self.lean(i, end, Lean::Past);
            let y = match year {
                Some(y) => Some(y),
                None if of_the_year => self.quarter_context(i).map(|(y, _)| y).or(self.anchor_year),
                None => self.anchor_year.map(|ay| {
                    let current = self
                        .anchor_month
                        .map(|m| if half { m.div_ceil(6) } else { quarter_of(m) })
                        .unwrap_or(4);
                    if latest > current && lean == Lean::Past {
                        ay - 1
                    } else {
                        ay
                    }
                }),
            };
            let y = y.map(|y| y - year_back);
            let code = if half {
                format!("H{n}")
            } else {
                format!("Q{n}")
            };
            let v = match y {
                Some(y) => Val::other(
                    format!("{y:04}-{code}"),
                    if year.is_some() {
                        AnchorUse::Absolute
                    } else {
                        AnchorUse::Publication
                    },
                ),
                None => Val::unknown(&format!("XXXX-{code}")),
            };
            // "the third-quarter results": the article belongs to the noun phrase; the match
            // one token later takes over.
            if hyphen && adjectival_the {
                return None;
            }
            let hit = Hit::date(end, v);
            return Some(if year_back == 0 {
                hit.quarter_ref()
            } else {
                hit
            });
        }
        // "last year's quarter": the reported quarter, in that year.
        if let (Some(y), false, true) = (
            given_year,
            the,
            self.is(s, "quarter") && !self.round_of_a_tournament(s + 1),
        ) {
            let (_, q) = self.quarter_context(i).or_else(|| {
                let (y, m) = (self.anchor_year?, self.anchor_month?);
                Some(shift_quarter(y, quarter_of(m), -1))
            })?;
            return Some(Hit::date(
                s + 1,
                Val::other(quarter_value(y, q), AnchorUse::Publication),
            ));
        }
        // "the quarter", "the latest quarter", "the year-ago quarter", "the 1988 quarter".
        if !the {
            return None;
        }
        let mut j = s;
        // "the corresponding period last year", "the same quarter a year ago": the reported
        // quarter a year back, one expression.
        if matches!(self.w(s), "same" | "corresponding" | "comparable")
            && given_year.is_none()
            && year_back == 0
            && matches!(self.w(s + 1), "period" | "quarter")
        {
            let after = s + 2;
            let trailing = match (self.w(after), self.w(after + 1), self.w(after + 2)) {
                ("last", "year", _) if !self.is(after + 2, "'") => Some(2),
                ("a", "year", "ago" | "earlier") => Some(3),
                _ => None,
            };
            let quarter = self.quarter_context(i).or_else(|| {
                self.is(s + 1, "quarter")
                    .then(|| {
                        let (y, m) = (self.anchor_year?, self.anchor_month?);
                        Some(shift_quarter(y, quarter_of(m), -1))
                    })
                    .flatten()
            });
            if let (Some(len), Some((y, q))) = (trailing, quarter) {
                return Some(Hit::date(
                    after + len,
                    Val::other(quarter_value(y - 1, q), AnchorUse::Publication),
                ));
            }
        }
        if matches!(
            self.w(j),
            "latest" | "recent" | "most" | "same" | "comparable"
        ) {
            if self.is(j, "most") {
                j += 1;
            }
            j += 1;
        }
        // "the latest quarter" is the last one completed before the anchor, whatever was
        // mentioned before.
        let latest = matches!(self.w(s), "latest" | "recent" | "most");
        if year_back == 0
            && self.is(j, "year")
            && self.is(j + 1, "-")
            && matches!(self.w(j + 2), "ago" | "earlier")
        {
            year_back = 1;
            j += 3;
        }
        if year_back == 1 {
            // "the year-earlier nine months": the length, a year back (TimeML DURATION).
            if let Some(d) = self
                .duration(j)
                .filter(|d| d.kind == TimexType::Duration && d.value.starts_with('P'))
            {
                return Some(Hit::new(
                    d.end,
                    TimexType::Duration,
                    d.value,
                    AnchorUse::None,
                ));
            }
            // "the year-earlier period" after "the nine months" is that period.
            if let Some(period) = self.period_context(i).filter(|_| self.is(j, "period")) {
                return Some(Hit::new(
                    j + 1,
                    TimexType::Duration,
                    period.to_string(),
                    AnchorUse::None,
                ));
            }
        }
        // "the latest period" in earnings news (a quarter was named nearby) is that quarter.
        let period = self.is(j, "period")
            && (year_back == 1
                || given_year.is_some()
                || (latest && self.quarter_context(i).is_some()));
        if !(self.is(j, "quarter") || period) {
            return None;
        }
        // "the quarter ended Sept. 30", "the quarter to June": the quarter its last month
        // names, unless the text already numbered it ("its fiscal first quarter ... the
        // quarter ended Sept. 29" keeps the company's numbering).
        if year_back == 0
            && given_year.is_none()
            && self.is(j, "quarter")
            && self.quarter_context(i).is_none()
        {
            if let Some((y, q)) = self.quarter_ending(j + 1) {
                return Some(
                    Hit::date(
                        j + 1,
                        Val::other(quarter_value(y, q), AnchorUse::Publication),
                    )
                    .quarter_ref(),
                );
            }
        }
        let completed = || {
            let (y, m) = (self.anchor_year?, self.anchor_month?);
            Some(shift_quarter(y, quarter_of(m), -1))
        };
        // ... but "the latest period" is the quarter the report is about.
        let (y, q) = match self
            .quarter_context(i)
            .filter(|_| !latest || self.is(j, "period"))
        {
            Some(q) => q,
            None => completed()?,
        };
        // "the quarter a year ago": one expression, that quarter of the year before.
        let mut end = j + 1;
        if year_back == 0
            && given_year.is_none()
            && self.is(end, "a")
            && self.is(end + 1, "year")
            && matches!(self.w(end + 2), "ago" | "earlier")
        {
            year_back = 1;
            end += 3;
        }
        let y = given_year.unwrap_or(y) - year_back;
        Some(Hit::date(
            end,
            Val::other(quarter_value(y, q), AnchorUse::Publication),
        ))
    }

    /// "the July-September quarter" at `i` ("the" at `i`, the first month at `s`): the
    /// quarter, in the year that puts its last month nearest the anchor in the tense's
    /// direction (or the year given: "the July-September quarter of 2024").
    fn month_span_quarter(&self, i: usize, s: usize) -> Option<Hit> {
        let (first, j) = self.month_at(s)?;
        if !(self.is(j, "-") || self.is(j, "to")) {
            return None;
        }
        let (last, k) = self.month_at(j + 1)?;
        if first % 3 != 1 || last != first + 2 || !matches!(self.w(k), "quarter" | "period") {
            return None;
        }
        let (given, end) = self.year_of(k + 1);
        let (year, anchored) = match given {
            Some(y) => (y, AnchorUse::Absolute),
            None => (
                self.year_for(last, None, self.month_lean(i, k + 1), false)?,
                AnchorUse::Publication,
            ),
        };
        Some(
            Hit::date(
                end.max(k + 1),
                Val::other(quarter_value(year, last / 3), anchored),
            )
            .quarter_ref(),
        )
    }

    /// The last year of a span of years glued to the year `y` at `i` by a hyphen (or en
    /// dash), not followed by more digits or a further hyphen: "2013-14" and "1999-00" (the
    /// next year's last two digits; "2025-27" is left alone) or "2008-2012" (a later full
    /// year, at most a century on).
    fn year_range_end(&self, i: usize, y: i32) -> Option<i32> {
        if !(self.is(i + 1, "-") && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let tail = self.raw(i + 2);
        if self.is(i + 3, "-") || !tail.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: i32 = tail.parse().ok()?;
        match tail.len() {
            2 => ((y + 1) % 100 == n).then_some(y + 1),
            4 => (n > y && n - y <= 100).then_some(n),
            _ => None,
        }
    }

    /// "of 2025", "of last year", "2025" after a quarter; returns (year, end).
    fn year_of(&self, i: usize) -> (Option<i32>, usize) {
        let k = if self.is(i, "of") || self.is(i, "in") || self.is(i, ",") {
            i + 1
        } else {
            i
        };
        let k2 = if self.is(k, "fiscal") { k + 1 } else { k };
        if let Some(y) = self.year4(k2) {
            return (Some(y), k2 + 1);
        }
        if k > i {
            let delta = match (self.w(k), self.w(k + 1)) {
                ("last", "year") => Some(-1),
                ("this", "year") => Some(0),
                ("next", "year") => Some(1),
                _ => None,
            };
            if let (Some(d), Some(y)) = (delta, self.anchor_year) {
                return (Some(y + d), k + 2);
            }
        }
        (None, i)
    }

    /// Hours and minutes of a clock time at `i`: "3 p.m.", "8:15", "noon". Returns
    /// (hour, minute, end).
    fn clock_parts(&self, i: usize) -> Option<(u32, u32, usize)> {
        match self.w(i) {
            // "high noon" is the showdown of the idiom (and the film), not a clock time.
            "noon" if self.prev_word(i) == "high" => return None,
            "noon" | "midday" => return Some((12, 0, i + 1)),
            "midnight" => return Some((24, 0, i + 1)),
            _ => {}
        }
        if self.number_preceded(i) {
            return None;
        }
        let h = self.digits(i, 2)?;
        let mut j = i + 1;
        let mut m = 0;
        let mut colon = false;
        if (self.is(j, ":") || self.is(j, "."))
            && self.glued(j)
            && self.glued(j + 1)
            && self.w(j + 1).len() == 2
        {
            m = self.digits(j + 1, 2)?;
            colon = self.is(j, ":");
            j += 2;
        }
        if m > 59 {
            return None;
        }
        // a.m. / p.m. / am / pm
        let meridiem = match (self.w(j), self.w(j + 1), self.w(j + 2)) {
            ("a", ".", "m") | ("p", ".", "m") => {
                let pm = self.is(j, "p");
                j += 3;
                if self.is(j, ".") && self.glued(j) {
                    j += 1;
                }
                Some(pm)
            }
            ("am", _, _) | ("pm", _, _) => {
                let pm = self.is(j, "pm");
                j += 1;
                Some(pm)
            }
            _ => None,
        };
        let h = match meridiem {
            Some(pm) => {
                if !(1..=12).contains(&h) {
                    return None;
                }
                match (pm, h) {
                    (false, 12) => 0,
                    (true, 12) => 12,
                    (true, h) => h + 12,
                    (false, h) => h,
                }
            }
            None if colon && h <= 23 => h,
            None if self.is(j, "o")
                && self.is(j + 1, "'")
                && self.is(j + 2, "clock")
                && (1..=12).contains(&h) =>
            {
                j += 3;
                h
            }
            // "at 4 in the morning", "8 in the evening": the part of day is the meridiem.
            None if self.prev_word(i) == "at"
                && self.is(j, "in")
                && self.is(j + 1, "the")
                && matches!(self.w(j + 2), "morning" | "afternoon" | "evening")
                && (1..=12).contains(&h) =>
            {
                let pm = self.w(j + 2) != "morning";
                j += 3;
                match (pm, h) {
                    (false, 12) => 0,
                    (true, 12) => 12,
                    (true, h) => h + 12,
                    (false, h) => h,
                }
            }
            None => return None,
        };
        if lexicon::time_zone(self.w(j)) {
            j += 1;
        }
        Some((h, m, j))
    }

    /// "3 p.m.", "8:15 GMT", "9 a.m. Tuesday", "noon".
    fn clock(&self, i: usize) -> Option<Hit> {
        let (h, m, mut end) = self.clock_parts(i)?;
        // "with 7:41 left", "4:43 to play": a game clock counting down gives the minutes and
        // seconds left, not a time of day.
        if end == i + 3 && self.is(i + 1, ":") && self.countdown_end(end).is_some() {
            let value = if m == 0 {
                format!("PT{h}M")
            } else {
                format!("PT{h}M{m}S")
            };
            return Some(Hit::new(end, TimexType::Duration, value, AnchorUse::None));
        }
        let mut date = None;
        let k = if self.is(end, ",") || self.is(end, "on") {
            end + 1
        } else {
            end
        };
        if let Some(hit) = self
            .month_first(k)
            .filter(|h| h.value.len() == 10 && h.kind == TimexType::Date)
        {
            date = Some(Val {
                value: hit.value,
                anchored: hit.anchored,
                partial: hit.partial,
            });
            end = hit.end;
        } else if let Some((weekday, e)) = self.weekday_at(k) {
            let lean = if self.weekday_deadline_before(i) {
                Lean::Future
            } else {
                self.lean(i, e, Lean::Past)
            };
            date = Some(self.resolve_weekday(weekday, lean, false));
            end = e;
            // "7 p.m. Wednesday night": the part of day after the weekday is part of the
            // expression; the clock time is the finer value.
            if lexicon::part_of_day(self.w(e)).is_some() && !self.is(e, "overnight") {
                end = e + 1;
            }
        } else if matches!(self.w(k), "today" | "yesterday" | "tomorrow") {
            if let Some(hit) = self.relative_word(k) {
                date = Some(Val {
                    value: hit.value,
                    anchored: hit.anchored,
                    partial: hit.partial,
                });
                end = hit.end;
            }
        } else if self.is(end, "in")
            && self.is(end + 1, "the")
            && matches!(self.w(end + 2), "morning" | "afternoon" | "evening")
        {
            end += 3;
        }
        // "at 6 a.m. ten days before the shooting": the day is counted from an event whose
        // date the text does not give here, so it stays unknown rather than the day the
        // story is at (TimeML gives a value only when it is computable).
        if date.is_none() && self.offset_from_event(end) {
            date = Some(Val::unknown("XXXX-XX-XX"));
        }
        // A bare clock time ("at 10 p.m.") is on the day the story is at: the last day named
        // nearby (TimeML anchors it there), else the anchor.
        let date = date.unwrap_or_else(|| match self.last_day.get() {
            Some(d) if i.saturating_sub(self.last_day_at.get()) <= MAX_DAY_DISTANCE => {
                Val::anchored_day(d)
            }
            _ => self.rel_day(0),
        });
        // "midnight Friday" closes Friday: ISO 8601's end of day, T24:00 (TimeML's reading).
        Some(
            Hit::date(end, date.with_suffix(&format!("T{h:02}:{m:02}"))).with_kind(TimexType::Time),
        )
    }

    /// Whether an offset from an event starts at `i`: "ten days before", "a week after",
    /// "two days earlier", "the day before".
    fn offset_from_event(&self, i: usize) -> bool {
        let unit_at = if self.is(i, "the") {
            Some(i + 1)
        } else {
            self.quantity(i).map(|(_, k)| k)
        };
        unit_at.is_some_and(|k| {
            lexicon::unit(self.w(k)).is_some()
                && matches!(self.w(k + 1), "before" | "after" | "earlier" | "later")
        })
    }

    /// "every Monday", "each year", "weekly", "annually", "per day".
    fn set(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let fixed = match w {
            "daily" | "nightly" => Some("P1D"),
            "weekly" => Some("P1W"),
            "biweekly" | "fortnightly" => Some("P2W"),
            "monthly" => Some("P1M"),
            "quarterly" => Some("P3M"),
            "annually" | "yearly" | "annual" if w != "annual" => Some("P1Y"),
            "hourly" => Some("PT1H"),
            _ => None,
        };
        if let Some(v) = fixed {
            // "average daily volume" is a statistic, not a recurrence.
            if self.prev_word(i) == "average" {
                return None;
            }
            // "told Us Weekly", "Entertainment Weekly has confirmed": a capitalised frequency
            // word after a capitalised word ends a title.
            if self.capital(i)
                && self.capital(i.wrapping_sub(1))
                && self.kind(i.wrapping_sub(1)) == Some(TokenKind::Word)
            {
                return None;
            }
            // "paid quarterly", "twice daily" and "daily flights" recur; "a quarterly report"
            // and "the annual meeting" name a kind of thing, and "the Party daily Granma" is
            // a newspaper.
            let next = self.toks.get(i + 1);
            let frequency_adjective = matches!(w, "daily" | "weekly" | "hourly" | "nightly")
                && next.is_some_and(|t| t.kind == TokenKind::Word && !t.capital);
            let adverb = w == "annually"
                || frequency_adjective
                || next.is_none_or(|t| t.kind != TokenKind::Word)
                || triangulate_text::lexicon::is_phrase_break(self.w(i + 1));
            if !adverb {
                return None;
            }
            return Some(Hit::new(
                i + 1,
                TimexType::Set,
                v.to_string(),
                AnchorUse::None,
            ));
        }
        // "Mondays", "on Tuesday nights": a weekday in the plural recurs.
        if let (Some(stem), true) = (w.strip_suffix('s'), self.capital(i)) {
            if let Some(d) = lexicon::weekday(stem).filter(|_| stem.ends_with("day")) {
                let (end, suffix) = match self.w(i + 1) {
                    "mornings" => (i + 2, "TMO"),
                    "afternoons" => (i + 2, "TAF"),
                    "evenings" => (i + 2, "TEV"),
                    "nights" => (i + 2, "TNI"),
                    _ => (i + 1, ""),
                };
                return Some(Hit::new(
                    end,
                    TimexType::Set,
                    format!("XXXX-WXX-{d}{suffix}"),
                    AnchorUse::None,
                ));
            }
        }
        if let (Some(d), true) = (
            lexicon::weekday(w).filter(|_| w.ends_with("day")),
            self.capital(i),
        ) {
            let suffix = match self.w(i + 1) {
                "mornings" => "TMO",
                "afternoons" => "TAF",
                "evenings" => "TEV",
                "nights" => "TNI",
                _ => return None,
            };
            return Some(Hit::new(
                i + 2,
                TimexType::Set,
                format!("XXXX-WXX-{d}{suffix}"),
                AnchorUse::None,
            ));
        }
        if !matches!(w, "every" | "each" | "per") {
            return None;
        }
        let mut j = i + 1;
        if w != "per" && self.is(j, "other") {
            j += 1;
        }
        if let Some((weekday, k)) = self.weekday_at(j) {
            return Some(Hit::new(
                k,
                TimexType::Set,
                format!("XXXX-WXX-{weekday}"),
                AnchorUse::None,
            ));
        }
        if let Some((month, k)) = self.month_at(j) {
            return Some(Hit::new(
                k,
                TimexType::Set,
                format!("XXXX-{month:02}"),
                AnchorUse::None,
            ));
        }
        if let Some(code) = lexicon::season(self.w(j)) {
            return Some(Hit::new(
                j + 1,
                TimexType::Set,
                format!("XXXX-{code}"),
                AnchorUse::None,
            ));
        }
        if let Some(code) = lexicon::part_of_day(self.w(j)) {
            return Some(Hit::new(
                j + 1,
                TimexType::Set,
                format!("TXX:XX{code}").replace("XX:XX", ""),
                AnchorUse::None,
            ));
        }
        let (amount, k) = match self.quantity(j) {
            Some((a, k)) if lexicon::unit(self.w(k)).is_some() => (a, k),
            _ => (Some(1.0), j),
        };
        let (unit, _) = lexicon::unit(self.w(k))?;
        let amount = if self.is(i + 1, "other") {
            amount.map(|a| a * 2.0)
        } else {
            amount
        };
        Some(Hit::new(
            k + 1,
            TimexType::Set,
            unit.duration(amount),
            AnchorUse::None,
        ))
    }

    /// Fixed and movable holidays: "Christmas", "New Year's Day", "Thanksgiving".
    fn holiday(&self, i: usize) -> Option<Hit> {
        if !self.capital(i) {
            return None;
        }
        let w = self.w(i);
        let named_feast = weekday_feast(w, self.w(i + 1)).filter(|_| self.capital(i + 1));
        // "the Good Friday Agreement": the name of an accord, not a date.
        if named_feast.is_some()
            && matches!(
                self.w(i + 2),
                "agreement" | "agreements" | "accord" | "accords" | "pact" | "treaty" | "deal"
            )
        {
            return None;
        }
        // (month, day) for fixed holidays, or a rule for movable ones.
        let (fixed, end): (Option<(u32, u32)>, usize) = match w {
            // "Good Friday", "Black Friday": read as the feast, not as the nearest Friday.
            _ if named_feast.is_some() => (None, i + 2),
            "christmas" => {
                if self.is(i + 1, "eve") {
                    (Some((12, 24)), i + 2)
                } else {
                    (
                        Some((12, 25)),
                        if self.is(i + 1, "day") { i + 2 } else { i + 1 },
                    )
                }
            }
            "new" if self.is(i + 1, "year") && self.is(i + 2, "'") && self.is(i + 3, "s") => {
                match self.w(i + 4) {
                    "day" => (Some((1, 1)), i + 5),
                    "eve" => (Some((12, 31)), i + 5),
                    _ => return None,
                }
            }
            "halloween" => (Some((10, 31)), i + 1),
            "boxing" if self.is(i + 1, "day") && self.capital(i + 1) => (Some((12, 26)), i + 2),
            "veterans" if self.is(i + 1, "day") && self.capital(i + 1) => (Some((11, 11)), i + 2),
            "labor" | "memorial" if self.is(i + 1, "day") && self.capital(i + 1) => (None, i + 2),
            "independence" if self.is(i + 1, "day") => (Some((7, 4)), i + 2),
            "valentine" if self.is(i + 1, "'") && self.is(i + 2, "s") && self.is(i + 3, "day") => {
                (Some((2, 14)), i + 4)
            }
            "election" if self.is(i + 1, "day") && self.capital(i + 1) => (None, i + 2),
            "thanksgiving" | "easter" => (
                None,
                if matches!(self.w(i + 1), "day" | "sunday" | "week") {
                    i + 2
                } else {
                    i + 1
                },
            ),
            _ => return None,
        };
        // "Valentine's Day in 2012", "Christmas 2010", "Easter of 1916": the year written
        // beside the feast names it, whatever the publication date.
        let year_at = if matches!(self.w(end), "in" | "of" | ",") {
            end + 1
        } else {
            end
        };
        if let Some(y) = self.year4(year_at).filter(|y| (1800..=2100).contains(y)) {
            let day = feast_day(w, named_feast, fixed, y);
            if let Some(day) = day.filter(|_| !self.is(end - 1, "week")) {
                // "Christmas 2010" is one expression; in "Valentine's Day in 2012" the
                // preposition is no part of either, and the year stays a timex of its own.
                let hit_end = if year_at == end { year_at + 1 } else { end };
                return Some(Hit::date(hit_end, Val::absolute_day(day)));
            }
        }
        let lean = self.lean(i, end, Lean::Past);
        let val = match fixed {
            Some((m, d)) => self.resolve_month_day(m, d, Some(lean), false),
            None => {
                let rule = |y: i32| feast_day(w, named_feast, None, y);
                match (self.anchor, self.anchor_year) {
                    (Some(a), Some(y)) => {
                        // The nearest occurrence, a future one counting double (as for
                        // months); a future tense takes the next one.
                        let mut dates: Vec<(i64, NaiveDate)> = (y - 1..=y + 1)
                            .filter_map(rule)
                            .map(|d| ((d - a).num_days(), d))
                            .collect();
                        dates.sort_by_key(|(dist, _)| if *dist > 0 { dist * 2 } else { -dist });
                        let next = dates.iter().filter(|(dist, _)| *dist >= 0).min();
                        let d = match (lean, next) {
                            (Lean::Future, Some((_, d))) => *d,
                            _ => dates.first()?.1,
                        };
                        if self.is(end - 1, "week") {
                            Val::other(week_value(d), AnchorUse::Publication)
                        } else {
                            Val::anchored_day(d)
                        }
                    }
                    _ => Val::unknown("XXXX-XX-XX"),
                }
            }
        };
        Some(Hit::date(end, val))
    }

    /// "the 19th" (day of month), read in the tense's direction; partial without an anchor.
    fn day_of_month(&self, i: usize) -> Option<Hit> {
        if !self.is(i, "the") {
            return None;
        }
        let d = self.digits(i + 1, 2)?;
        if !(1..=31).contains(&d)
            || !self.glued(i + 2)
            || !matches!(self.w(i + 2), "st" | "nd" | "rd" | "th")
        {
            return None;
        }
        let end = i + 3;
        let prev = self.prev_word(i);
        let next = self.w(end);
        let date_context = matches!(
            prev,
            "on" | "by" | "until" | "since" | "before" | "after" | "from" | "till"
        ) && (matches!(
            next,
            "." | "," | ";" | "" | "and" | "to" | "through" | "or" | "when" | "at"
        ) || self.kind(end) == Some(TokenKind::Punct));
        if !date_context {
            return None;
        }
        let lean = self.lean(i, end, Lean::Past);
        Some(Hit::date(end, self.resolve_day_of_month(d, lean)))
    }
}

/// The calendar day a partial date names, when it names year, month and day.
fn full_day(p: PartialDate) -> Option<NaiveDate> {
    ymd(p.year?, u32::from(p.month?), u32::from(p.day?))
}

/// The date of a movable feast in a year ([`easter`], [`thanksgiving`]).
type FeastRule = fn(i32) -> Option<NaiveDate>;

/// The feast or shopping day named "<epithet> <weekday>" ("Good Friday", "Cyber Monday"):
/// the feast it is counted from and the days after it (lower-case words).
fn weekday_feast(epithet: &str, weekday: &str) -> Option<(FeastRule, i64)> {
    let easter: FeastRule = easter;
    let thanksgiving: FeastRule = thanksgiving;
    match (epithet, weekday) {
        ("shrove", "tuesday") => Some((easter, -47)),
        ("ash", "wednesday") => Some((easter, -46)),
        ("palm", "sunday") => Some((easter, -7)),
        ("maundy" | "holy", "thursday") => Some((easter, -3)),
        ("good", "friday") => Some((easter, -2)),
        ("holy", "saturday") => Some((easter, -1)),
        ("easter", "monday") => Some((easter, 1)),
        ("black", "friday") => Some((thanksgiving, 1)),
        ("cyber", "monday") => Some((thanksgiving, 4)),
        _ => None,
    }
}

/// The day in year `y` of a holiday as `holiday` read it: its fixed `(month, day)`, else the
/// feast a weekday is named after (`named_feast`, from [`weekday_feast`]), else the movable
/// feast its first word `w` names ("easter", "election", "labor", "memorial"; any other word
/// is Thanksgiving, the one left). One rule for a feast with its year written beside it and
/// for one resolved from the publication date.
fn feast_day(
    w: &str,
    named_feast: Option<(FeastRule, i64)>,
    fixed: Option<(u32, u32)>,
    y: i32,
) -> Option<NaiveDate> {
    if let Some((m, d)) = fixed {
        return ymd(y, m, d);
    }
    if let Some((feast, offset)) = named_feast {
        return feast(y).and_then(|d| add_days(d, offset));
    }
    match w {
        "easter" => easter(y),
        "election" => election_day(y),
        "labor" => labor_day(y),
        "memorial" => memorial_day(y),
        _ => thanksgiving(y),
    }
}

/// A modal verb other than "will": it puts what it governs in a possible future ("could
/// reach", "may last") without the firmness of a plan.
fn is_modal(word: &str) -> bool {
    matches!(
        word,
        "would" | "could" | "may" | "might" | "should" | "must" | "can"
    )
}

/// The durations that make a reporting period longer than a quarter ("the nine months",
/// "the first six months"; "two quarters" is mostly an outlook, not a report).
fn multi_quarter_period(value: &str) -> Option<&'static str> {
    Some(match value {
        "P9M" => "P9M",
        "P6M" => "P6M",
        _ => return None,
    })
}

fn parse_quarter(value: &str) -> Option<(i32, u32)> {
    let (y, q) = value.split_once("-Q")?;
    Some((y.parse().ok()?, q.parse().ok()?))
}

/// Weekday of a date in `week` (helper kept for sets of week days).
#[allow(dead_code)]
fn day_in_week(date: NaiveDate, weekday: u32) -> Option<NaiveDate> {
    weekday_in_week(date, weekday)
}
