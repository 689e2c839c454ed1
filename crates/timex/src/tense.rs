//! Which way a relative expression points: the tense of its governing verb, found by the
//! nearest tense marker in the same sentence (first looking back, then ahead). News prose is
//! mostly past, so the caller decides what "unknown" means for each expression.

use crate::scan::{Tok, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// How far (in tokens) we look for a marker on each side.
const BACK: usize = 12;
const AHEAD: usize = 8;

pub(crate) fn tense_around(toks: &[Tok], start: usize, end: usize) -> Tense {
    tense_within(toks, start, end, BACK)
}

/// The tense of a marker at most `back` tokens before the expression (or just after it).
pub(crate) fn tense_within(toks: &[Tok], start: usize, end: usize, back: usize) -> Tense {
    let mut i = start;
    let mut seen = 0;
    while i > 0 && seen < back {
        i -= 1;
        seen += 1;
        if ends_sentence(toks, i) {
            break;
        }
        let t = marker(toks, i);
        if t != Tense::Unknown {
            return t;
        }
    }
    let mut i = end;
    let mut seen = 0;
    while i < toks.len() && seen < AHEAD {
        if ends_sentence(toks, i) {
            break;
        }
        let t = marker(toks, i);
        if t != Tense::Unknown {
            return t;
        }
        i += 1;
        seen += 1;
    }
    Tense::Unknown
}

/// The tense of the first marker in the `ahead` tokens after `end`, within the sentence: the
/// main verb of a clause that a time expression opens ("On Tuesday, the Velmar growers'
/// association plans to ...") can lie beyond the usual window.
pub(crate) fn tense_ahead(toks: &[Tok], end: usize, ahead: usize) -> Tense {
    for i in end..(end + ahead).min(toks.len()) {
        if ends_sentence(toks, i) {
            break;
        }
        let t = marker(toks, i);
        if t != Tense::Unknown {
            return t;
        }
    }
    Tense::Unknown
}

fn ends_sentence(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return true };
    if t.kind != TokenKind::Punct {
        return false;
    }
    match t.lower.as_str() {
        "!" | "?" | ";" => true,
        // A period after a one- or two-letter word is an abbreviation ("p.m.", "U.S.").
        "." => !i.checked_sub(1).and_then(|p| toks.get(p)).is_some_and(|p| {
            p.kind == TokenKind::Word
                && (p.lower.len() <= 2 || p.capital && abbreviation(p.lower.as_str()))
        }),
        _ => false,
    }
}

/// Capitalised words that news abbreviates with a period (titles, months, weekdays, company
/// forms, U.S. states). Other short capitalised words before a period end a
/// sentence: "in May.", "in Iraq.", "Bush." (One- and two-letter words are always taken
/// as abbreviations: "U.S.", "Mr.", "p.m.".)
fn abbreviation(word: &str) -> bool {
    matches!(
        word,
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "gen"
            | "sen"
            | "rep"
            | "gov"
            | "col"
            | "sgt"
            | "capt"
            | "maj"
            | "adm"
            | "cmdr"
            | "lt"
            | "rev"
            | "hon"
            | "prof"
            | "mrs"
            | "corp"
            | "inc"
            | "ltd"
            | "bros"
            | "dept"
            | "univ"
            | "ave"
            | "blvd"
            | "no"
            | "nos"
            | "vol"
            | "ala"
            | "ariz"
            | "ark"
            | "colo"
            | "conn"
            | "del"
            | "fla"
            | "ill"
            | "ind"
            | "kan"
            | "mass"
            | "mich"
            | "minn"
            | "miss"
            | "mont"
            | "neb"
            | "nev"
            | "okla"
            | "ore"
            | "tenn"
            | "tex"
            | "wash"
            | "wis"
            | "wyo"
            | "est"
            | "edt"
            | "gmt"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
            | "cos"
            | "assn"
            | "atty"
            | "supt"
            | "msgr"
            | "sens"
            | "reps"
            | "gens"
            | "calif"
            | "penn"
    )
}

/// The tense the word at `i` marks by itself ("said" past, "will" future), or `Unknown`.
pub(crate) fn marker(toks: &[Tok], i: usize) -> Tense {
    let Some(t) = toks.get(i) else {
        return Tense::Unknown;
    };
    if t.kind != TokenKind::Word {
        return Tense::Unknown;
    }
    let w = t.lower.as_str();
    let prev = i
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .map(|p| p.lower.as_str());
    // "will be held", "is to be completed": a participle after "will be" / "to be" is a
    // passive whose time lies ahead ("could be located", "must be returned" stay unknown).
    let before_be = i
        .checked_sub(2)
        .and_then(|p| toks.get(p))
        .map(|p| p.lower.as_str());
    if prev == Some("be")
        && matches!(before_be, Some("will" | "shall" | "ll" | "to"))
        && (w.ends_with("ed")
            || matches!(
                w,
                "held"
                    | "made"
                    | "paid"
                    | "sold"
                    | "built"
                    | "sent"
                    | "cut"
                    | "set"
                    | "given"
                    | "taken"
                    | "done"
            ))
    {
        return Tense::Future;
    }
    // "had been due to expire", "had been scheduled to meet": a plan that lay ahead of a
    // past moment is past itself.
    if prev == Some("been") && before_be == Some("had") {
        return Tense::Past;
    }
    match w {
        // News writes scheduled events in the present: "leaves Monday", "meets Tuesday".
        "meets" | "begins" | "opens" | "starts" | "resumes" | "arrives" | "leaves" | "heads"
        | "convenes" | "visits" | "travels" | "returns" | "faces" | "expires" | "closes"
        | "ends" | "concludes" | "wraps" | "goes" | "runs" | "lasts" | "airs" => {
            return Tense::Future
        }
        // The plural present schedules the same way ("the two leaders meet separately Monday"),
        // but the bare form is also an infinitive ("agreed to meet"), a negated past ("did not
        // meet") or a noun ("the close", "a visit"): only a bare form after a word that can end
        // a subject or an adverb counts.
        "meet" | "begin" | "open" | "start" | "resume" | "arrive" | "leave" | "head"
        | "convene" | "visit" | "travel" | "return" | "face" | "expire" | "close" | "end"
        | "conclude" | "go"
            if prev.is_some_and(|p| !not_before_a_plural_present(p))
                && toks.get(i - 1).is_some_and(|p| p.kind == TokenKind::Word) =>
        {
            return Tense::Future
        }
        // "The new rules take effect in January", "the ban comes into force on Monday": a
        // present-tense entry into force is scheduled ahead ("took effect" is past).
        "takes" | "comes" if enters_into_force(toks, i) => return Tense::Future,
        "take" | "come"
            if enters_into_force(toks, i)
                && prev.is_some_and(|p| !not_before_a_plural_present(p))
                && toks.get(i - 1).is_some_and(|p| p.kind == TokenKind::Word) =>
        {
            return Tense::Future
        }
        "will" | "shall" | "wo" | "upcoming" | "scheduled" | "slated" | "planning" | "intends"
        | "expects" | "hopes" | "would" | "going" | "poised" => return Tense::Future,
        // "Analysts expect the launch to lift revenue": a present expectation looks ahead
        // (a negated "did not expect" looks back at a surprise).
        "expect" if !matches!(prev, Some("not" | "t" | "didn" | "did" | "never" | "to")) => {
            return Tense::Future
        }
        // "plans to" is a future; "the plan" and "the plans" are nouns.
        "plan" | "plans" | "planned" if next_is(toks, i, "to") => return Tense::Future,
        // "is to resume", "were to meet"
        "to" if matches!(prev, Some("is" | "are" | "am" | "was" | "were")) => return Tense::Future,
        // "as soon as Tuesday", "as early as next week"
        "soon" | "early" if prev == Some("as") && next_is(toks, i, "as") => return Tense::Future,
        "set" if next_is(toks, i, "to") => return Tense::Future,
        // "the rally is set for noon Friday"
        "set" if next_is(toks, i, "for") && matches!(prev, Some("is" | "are")) => {
            return Tense::Future
        }
        "ll" if prev == Some("'") => return Tense::Future,
        "expected" | "due" if next_is(toks, i, "to") => return Tense::Future,
        // "is expected back in Vask on Thursday", "are due in Brenna": an expected arrival.
        "expected" | "due" if matches!(prev, Some("is" | "are" | "am")) => return Tense::Future,
        // "a strike is planned for Friday", "talks are scheduled for Monday".
        "planned" if matches!(prev, Some("is" | "are" | "am")) => return Tense::Future,
        // "with results expected by Wednesday", "a ruling due within days": a participle
        // naming a deadline ahead, unless a past auxiliary sets it in the past.
        "expected" | "due"
            if toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "by" | "before" | "within"))
                && !matches!(prev, Some("was" | "were" | "had" | "been")) =>
        {
            return Tense::Future
        }
        "said" | "says" | "was" | "were" | "had" | "did" | "ago" | "met" | "went" | "came"
        | "took" | "told" | "made" | "left" | "held" | "gave" | "found" | "began" | "won"
        | "lost" | "saw" | "got" | "fell" | "rose" | "led" | "fled" | "died" | "sent" | "sold"
        | "bought" | "paid" | "spoke" | "wrote" | "became" | "struck" | "been" | "ended"
        | "earlier" | "last" | "ran" | "broke" | "stood" | "chose" | "knew" | "thought"
        | "brought" | "caught" | "fought" | "taught" | "felt" | "kept" | "meant" | "heard"
        | "hit" | "shot" | "drew" | "flew" | "grew" | "threw" | "wore" | "rode" | "ate" | "sat"
        | "slid" | "swore" | "beat" | "quit" | "cut" | "spent" | "built" => return Tense::Past,
        _ => {}
    }
    // Capitalised "-ed" words are names ("United States"), not verbs.
    if w.len() > 4
        && !t.capital
        && w.ends_with("ed")
        && !matches!(
            w,
            "need"
                | "indeed"
                | "speed"
                | "proceed"
                | "exceed"
                | "succeed"
                | "feed"
                | "breed"
                | "bleed"
                | "seed"
                | "embed"
                | "hundred"
        )
    {
        return Tense::Past;
    }
    Tense::Unknown
}

/// Words after which a bare verb form is no plural present: infinitive markers, auxiliaries,
/// negations, determiners, possessives and prepositions (which make it a noun).
fn not_before_a_plural_present(word: &str) -> bool {
    matches!(
        word,
        "to" | "did"
            | "didn"
            | "not"
            | "t"
            | "never"
            | "could"
            | "can"
            | "might"
            | "may"
            | "must"
            | "should"
            | "would"
            | "will"
            | "shall"
            | "ll"
            | "d"
            | "let"
            | "help"
            | "make"
            | "made"
            | "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "your"
            | "my"
            | "this"
            | "that"
            | "these"
            | "those"
            | "of"
            | "at"
            | "for"
            | "by"
            | "on"
            | "in"
            | "from"
            | "with"
            | "and"
            | "or"
            | "before"
            | "after"
            | "until"
            | "s"
    )
}

/// Whether "take(s)" / "come(s)" at `i` begins "take effect", "come into force" or "come
/// into effect".
fn enters_into_force(toks: &[Tok], i: usize) -> bool {
    let word = |k: usize| toks.get(k).map(|t| t.lower.as_str());
    match word(i + 1) {
        Some("effect") => matches!(word(i), Some("take" | "takes")),
        Some("into") => {
            matches!(word(i), Some("come" | "comes"))
                && matches!(word(i + 2), Some("force" | "effect"))
        }
        _ => false,
    }
}

fn next_is(toks: &[Tok], i: usize, word: &str) -> bool {
    toks.get(i + 1).is_some_and(|t| t.lower == word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::tokenize;

    /// Whether the first "." of `text` ends its sentence.
    fn first_period_ends_sentence(text: &str) -> bool {
        let toks = tokenize(text);
        let at = toks.iter().position(|t| t.lower == ".");
        at.is_some_and(|i| ends_sentence(&toks, i))
    }

    #[test]
    fn listed_abbreviations_do_not_end_a_sentence() {
        assert!(!first_period_ends_sentence("The vote is on Wed. Nov. 6."));
        assert!(!first_period_ends_sentence("Sen. Orl of Vask spoke."));
        assert!(!first_period_ends_sentence("He lives in Calif. now."));
        assert!(!first_period_ends_sentence("At 8 p.m. Sunday."));
        // A short name or month before a period is the end of the sentence.
        assert!(first_period_ends_sentence(
            "They met in May. On Monday they left."
        ));
        assert!(first_period_ends_sentence("She flew to Zürich. Then home."));
    }
}
