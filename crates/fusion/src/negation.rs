//! Polarity of statements and negation conflicts ("the pact covers energy" vs "the pact does
//! not cover energy"; "the ministry confirmed the arrest" vs "the ministry denied the arrest").
//!
//! A statement is negated when it has a negator ("not", "n't", "never", "no", "without" ...)
//! or a denial verb ("denied", "rejected"), but not both (a denied negation affirms). A denial
//! verb also counts as its positive counterpart in the lemma set ("denied" as "confirm",
//! "rejected" as "approve"), so that the two sides align at all.
//!
//! Each strong negator has a *scope*: the content words after it up to the end of its clause
//! (punctuation or "but"), at most [`MAX_SCOPE`], and a *subject*: the content words before it
//! in its clause, at most [`MAX_SUBJECT`]. Two statements of different sources and opposite
//! polarity are a conflict only when the affirming sentence says the negated words *as a
//! phrase* — the scope's words in order within a few words of each other, and a word of the
//! subject shortly before them — and, for a denial, says what is denied ("confirmed"). So
//! "Palin, who was *not at the church* at the time of the fire" (no subject in its clause)
//! does not oppose "a crafts group was meeting in the church at the time of the fire", and
//! "a man *denied arson*" does not oppose "a man was charged with arson". The sentences must
//! also be similar overall. "without", "nor", "neither", "none", "nothing" and "nowhere" set
//! the polarity (so a statement with one never joins an affirming claim) but are too often
//! idiomatic ("none more so", "nothing less than") to found a conflict on; "not only", "not
//! just" affirm.
use crate::text::{fold, is_stop_word, words, Word};
use triangulate_doc::Span;

/// Words that negate what follows them (contractions also without their apostrophe, as
/// careless copy writes them; "declined to", "refused to" deny the next verb).
const NEGATORS: &[&str] = &[
    "not", "no", "never", "without", "nor", "neither", "cannot", "nothing", "none", "nobody",
    "nowhere", "cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "wont",
    "wouldnt", "couldnt", "shouldnt", "hasnt", "havent", "hadnt", "declined", "declines",
    "refused", "refuses",
];

/// Negators too often idiomatic to found a conflict on ("without delay", "neither side",
/// "none more so", "nothing less than").
const WEAK_NEGATORS: &[&str] = &["without", "nor", "neither", "none", "nothing", "nowhere"];

/// Negators that stand where a subject would ("no one", "nobody"): they need no subject words
/// before them.
const DETERMINER_NEGATORS: &[&str] = &["no", "nobody"];

/// "not only", "not just": the sentence affirms.
const AFFIRMING_AFTER_NOT: &[&str] = &["only", "just", "merely", "simply"];

/// How many words beyond its own the negated phrase may spread over in the affirming sentence.
const PHRASE_SLACK: usize = 3;

/// How many words before the phrase a subject word may stand in the affirming sentence.
const SUBJECT_REACH: usize = 6;

/// Denial verbs and the lemma of what they deny: "denied" says "not confirmed".
pub const DENIALS: &[(&str, &str)] = &[
    ("deny", "confirm"),
    ("denies", "confirm"),
    ("denied", "confirm"),
    ("denying", "confirm"),
    ("refute", "confirm"),
    ("refutes", "confirm"),
    ("refuted", "confirm"),
    ("reject", "approve"),
    ("rejects", "approve"),
    ("rejected", "approve"),
    ("rejecting", "approve"),
];

/// Auxiliaries read as part of a negation phrase ("does not", "was never").
const AUXILIARIES: &[&str] = &[
    "do", "does", "did", "is", "was", "are", "were", "has", "have", "had", "will", "would", "can",
    "could", "should", "may", "might", "must", "be", "been",
];

/// Content words in a negator's scope.
pub const MAX_SCOPE: usize = 5;

/// Content words before a negator read as what it is said of.
pub const MAX_SUBJECT: usize = 3;

/// Punctuation that ends a clause.
const CLAUSE_BREAKS: [char; 13] = [
    ',', ';', ':', '.', '!', '?', '—', '–', '(', ')', '"', '“', '”',
];

/// One negator or denial in a statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Negation {
    /// The negation as written, auxiliary and scope included ("does not cover energy"), in the
    /// document's text.
    pub phrase: Span,
    /// Lemmas of the content words it negates.
    pub scope: Vec<String>,
    /// Lemmas of up to [`MAX_SUBJECT`] content words before it in its clause (what the
    /// negated thing is said of: "pact" in "the pact does not cover energy").
    pub subject: Vec<String>,
    /// Strong enough to found a conflict on (not "without", "nor", "neither" ...).
    pub strong: bool,
    /// A determiner negator ("no one", "nobody"), which needs no subject.
    pub stands_for_subject: bool,
    /// For a denial verb: the lemma of what it denies ("confirm" for "denied"), which the
    /// affirming side must say.
    pub denied: Option<&'static str>,
}

/// Polarity of one sentence: whether it is negated, its negations, and the extra lemmas that
/// denial verbs stand for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Polarity {
    pub negated: bool,
    pub negations: Vec<Negation>,
}

/// Whether `w` (folded) is a negator at its place in `sentence`: a negation word, or the "t" of
/// a contraction ("doesn't" reads as "doesn" + "t").
fn is_negator(sentence: &str, w: &Word<'_>, folded: &str) -> bool {
    if folded == "t" {
        // Tokenised copy spaces contractions out: "hadn ’ t".
        let before = sentence.get(..w.start).unwrap_or_default().trim_end();
        return before
            .strip_suffix(['\'', '’'])
            .is_some_and(|b| b.trim_end().ends_with(['n', 'N']));
    }
    NEGATORS.contains(&folded)
}

/// A negation word (left out of lemma sets: polarity is compared on its own).
pub fn is_negation_word(folded: &str) -> bool {
    NEGATORS.contains(&folded)
}

/// The denied lemma, when `folded` is a denial verb.
pub fn denial(folded: &str) -> Option<&'static str> {
    DENIALS
        .iter()
        .find(|(verb, _)| *verb == folded)
        .map(|(_, what)| *what)
}

/// Read the polarity of `sentence`, which starts at byte `offset` of the document's text.
/// `lemma` maps a folded word to its claim lemma.
pub fn polarity(sentence: &str, offset: usize, lemma: impl Fn(&str) -> String) -> Polarity {
    let ws: Vec<Word<'_>> = words(sentence).collect();
    let folded: Vec<String> = ws.iter().map(|w| fold(w.text)).collect();
    let mut negators = false;
    let mut denials = false;
    let mut negations = Vec::new();
    for (k, w) in ws.iter().enumerate() {
        let Some(f) = folded.get(k) else { continue };
        let is_denial = denial(f).is_some();
        let negator = is_negator(sentence, w, f);
        if !negator && !is_denial {
            continue;
        }
        // "not only ... but also" affirms.
        if f == "not"
            && folded
                .get(k + 1)
                .is_some_and(|n| AFFIRMING_AFTER_NOT.contains(&n.as_str()))
        {
            continue;
        }
        if negator {
            negators = true;
        } else {
            denials = true;
        }
        // The phrase starts at the auxiliary before the negator ("does not", "doesn't").
        let start = match k.checked_sub(1).and_then(|p| ws.get(p).zip(folded.get(p))) {
            Some((prev, pf)) if negator && (f == "t" || AUXILIARIES.contains(&pf.as_str())) => {
                prev.start
            }
            _ => w.start,
        };
        let mut end = w.start + w.text.len();
        let mut scope = Vec::new();
        let mut previous_end = end;
        for (next, nf) in ws.iter().zip(folded.iter()).skip(k + 1) {
            let gap = sentence.get(previous_end..next.start).unwrap_or_default();
            if gap.contains(CLAUSE_BREAKS) || nf == "but" {
                break;
            }
            previous_end = next.start + next.text.len();
            if is_stop_word(nf) || nf.len() < 2 || nf.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            scope.push(lemma(nf));
            end = previous_end;
            if scope.len() == MAX_SCOPE {
                break;
            }
        }
        let mut subject = Vec::new();
        let mut next_start = start;
        for (prev, pf) in ws.iter().zip(folded.iter()).take(k).rev() {
            let gap = sentence
                .get(prev.start + prev.text.len()..next_start)
                .unwrap_or_default();
            if gap.contains(CLAUSE_BREAKS) || subject.len() == MAX_SUBJECT {
                break;
            }
            next_start = prev.start;
            if prev.start >= start
                || is_stop_word(pf)
                || pf.len() < 2
                || pf.chars().all(|c| c.is_ascii_digit())
            {
                continue;
            }
            subject.push(lemma(pf));
        }
        negations.push(Negation {
            phrase: Span::new(offset + start, offset + end),
            scope,
            subject,
            strong: is_denial || !WEAK_NEGATORS.contains(&f.as_str()),
            stands_for_subject: DETERMINER_NEGATORS.contains(&f.as_str()),
            denied: denial(f),
        });
    }
    Polarity {
        negated: negators != denials,
        negations,
    }
}

/// A sentence as a sequence of words with their claim lemmas (`None` for stop words, numbers
/// and one-letter words), for finding a negated phrase in an affirming sentence.
pub type LemmaSequence = Vec<(Option<String>, Span)>;

/// The words of `sentence` (starting at byte `offset` of the document) as a [`LemmaSequence`].
pub fn lemma_sequence(
    sentence: &str,
    offset: usize,
    lemma: impl Fn(&str) -> String,
) -> LemmaSequence {
    words(sentence)
        .map(|w| {
            let f = fold(w.text);
            let content =
                !is_stop_word(&f) && f.len() >= 2 && !f.chars().all(|c| c.is_ascii_digit());
            let l = content.then(|| denial(&f).map_or_else(|| lemma(&f), str::to_string));
            (
                l,
                Span::new(offset + w.start, offset + w.start + w.text.len()),
            )
        })
        .collect()
}

/// The negation of a statement that an affirming sentence contradicts, and where the
/// affirming sentence says the negated words (see the module docs for the test).
pub fn contradicted<'n>(
    negative: &'n [Negation],
    affirmative: &[(Option<String>, Span)],
) -> Option<(&'n Negation, Span)> {
    negative.iter().find_map(|n| {
        // Without a subject, the scope alone must say enough to be the same statement.
        let subjectless = n.subject.is_empty();
        if !n.strong
            || n.scope.is_empty()
            || (subjectless && (!n.stands_for_subject || n.scope.len() < 2))
        {
            return None;
        }
        if let Some(denied) = n.denied {
            if !affirmative
                .iter()
                .any(|(l, _)| l.as_deref() == Some(denied))
            {
                return None;
            }
        }
        phrase_in(n, affirmative).map(|span| (n, span))
    })
}

/// Where `affirmative` says the scope of `n` in order, spread over at most the scope's length
/// plus [`PHRASE_SLACK`] words, with a subject word at most [`SUBJECT_REACH`] words before.
fn phrase_in(n: &Negation, affirmative: &[(Option<String>, Span)]) -> Option<Span> {
    let first = n.scope.first()?;
    let window = n.scope.len() + PHRASE_SLACK;
    for (start, (l, start_span)) in affirmative.iter().enumerate() {
        if l.as_ref() != Some(first) {
            continue;
        }
        let mut wanted = n.scope.iter().skip(1).peekable();
        let mut end_span = *start_span;
        for (l, span) in affirmative.iter().skip(start + 1).take(window - 1) {
            if wanted.peek().is_none() {
                break;
            }
            if l.as_ref() == wanted.peek().copied() {
                wanted.next();
                end_span = *span;
            }
        }
        if wanted.peek().is_some() {
            continue;
        }
        let subject_before = n.subject.is_empty()
            || affirmative
                .get(start.saturating_sub(SUBJECT_REACH)..start)
                .unwrap_or_default()
                .iter()
                .any(|(l, _)| l.as_ref().is_some_and(|l| n.subject.contains(l)));
        if subject_before {
            return Some(start_span.cover(end_span));
        }
    }
    None
}

/// Words that, shortly before an affirmed phrase (within [`HEDGE_REACH`] words), make it a
/// possibility rather than an assertion ("he could have been the source", "one of the more
/// likely candidates"): a denial does not contradict a possibility.
const HEDGES: &[&str] = &[
    "could",
    "might",
    "may",
    "possibly",
    "perhaps",
    "likely",
    "suspected",
    "speculated",
    "candidate",
    "candidates",
];

/// How many words before an affirmed phrase a hedge may stand.
const HEDGE_REACH: usize = 4;

/// Words that, before an affirmed phrase in its sentence, make it something the sentence
/// reports or dismisses rather than asserts ("discounted rumors that he was the source").
const HEARSAY: &[&str] = &[
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "speculation",
    "discounted",
    "dismissed",
    "denied",
    "denies",
    "rejected",
    "refuted",
    "alleged",
    "allegations",
];

/// Whether `sentence` (its text, starting at byte `offset` of the document) reports,
/// dismisses or only supposes what it says at `said` instead of asserting it.
pub fn is_hearsay(sentence: &str, offset: usize, said: Span) -> bool {
    let before = sentence
        .get(..said.start.saturating_sub(offset))
        .unwrap_or_default();
    let folded: Vec<String> = words(before).map(|w| fold(w.text)).collect();
    let near = folded.len().saturating_sub(HEDGE_REACH);
    folded.iter().any(|w| HEARSAY.contains(&w.as_str()))
        || folded
            .get(near..)
            .unwrap_or_default()
            .iter()
            .any(|w| HEDGES.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Polarity {
        polarity(s, 0, crate::claims::lemma)
    }

    #[test]
    fn negators_denials_and_their_scopes() {
        let p = read("The pact does not cover energy, the minister said.");
        assert!(p.negated);
        let n = &p.negations[0];
        assert_eq!(n.scope, vec!["cover", "energy"]);
        assert_eq!(n.subject, vec!["pact"]);
        assert_eq!(
            &"The pact does not cover energy, the minister said."[n.phrase.range()],
            "does not cover energy"
        );
        assert!(read("The case hadn ’ t been submitted.").negated);
        let c = read("The pact doesn't cover energy.");
        assert!(c.negated);
        assert_eq!(c.negations[0].scope, vec!["cover", "energy"]);
        let d = read("The ministry denied the arrest of Tomas Brek.");
        assert!(d.negated);
        // A denied negation affirms.
        assert!(!read("The ministry denied that the pact does not cover energy.").negated);
        assert!(!read("The pact not only covers energy but also fishing.").negated);
        assert!(!read("The pact covers energy.").negated);
    }

    #[test]
    fn dismissed_rumours_are_not_affirmations() {
        let rumour = "Tarn discounted rumors that he was the informant, aides said.";
        let at = rumour.find("informant").expect("word");
        assert!(is_hearsay(rumour, 0, Span::new(at, at + 9)));
        let possible = "Tarn could have been the informant.";
        let at = possible.find("informant").expect("word");
        assert!(is_hearsay(possible, 0, Span::new(at, at + 9)));
        let far = "Tarn, who may retire next year, said he was the informant.";
        let at = far.find("informant").expect("word");
        assert!(!is_hearsay(far, 0, Span::new(at, at + 9)));
        let plain = "Tarn said he was the informant.";
        let at = plain.find("informant").expect("word");
        assert!(!is_hearsay(plain, 100, Span::new(100 + at, 100 + at + 9)));
    }
}
