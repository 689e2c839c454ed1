//! Sentence splitting over tokens.
//!
//! A sentence ends:
//! - after `.` `!` `?` `…` (and closing quotes or brackets that follow them directly) when the
//!   next token does not start with a lower-case letter;
//! - after an abbreviation that may end a sentence ("U.S.", "Inc.") only when a typical sentence
//!   opener follows ("The", "He", ...), never after titles, initials or "No." before a number;
//! - at a paragraph break (a blank line);
//! - at a line break after a line without final punctuation (a headline or caption), unless the
//!   next line starts in lower case (a wrapped line) or the line is a dateline
//!   ("BRENNA, March 3 (Nordwire) —").
use crate::abbrev::{self, AbbrevKind};
use triangulate_doc::{Sentence, Span, Token};

/// Groups `tokens` (produced by [`crate::tokenize`] on the same `text`) into sentences.
///
/// Every token belongs to exactly one sentence; sentences are in order and do not overlap.
/// Tokens whose spans do not fit `text` are treated as plain words rather than causing a panic.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(tokens.len() / 20 + 1);
    let word = |i: usize| -> &str {
        tokens
            .get(i)
            .and_then(|t| t.span.text(text))
            .unwrap_or_default()
    };
    let gap = |i: usize| -> &str {
        match (i.checked_sub(1).and_then(|p| tokens.get(p)), tokens.get(i)) {
            (Some(prev), Some(cur)) => text.get(prev.span.end..cur.span.start).unwrap_or_default(),
            _ => "",
        }
    };
    let mut first = 0;
    let mut line_start = 0;
    let mut i = 0;
    while i < tokens.len() {
        if i > first {
            let newlines = gap(i).bytes().filter(|&b| b == b'\n').count();
            let paragraph = newlines >= 2;
            let headline = newlines == 1 && ends_unpunctuated_line(&word, line_start, i);
            if paragraph || headline {
                close(&mut out, tokens, first, i);
                first = i;
            }
        }
        if gap(i).contains('\n') {
            line_start = i;
        }
        let Some(kind) = terminal_kind(word(i), word(i + 1)) else {
            i += 1;
            continue;
        };
        // Closing quotes and brackets right after the terminal belong to the sentence it ends.
        let mut last = i;
        while last + 1 < tokens.len() && is_closer(word(last + 1), gap(last + 1)) {
            last += 1;
        }
        let next = last + 1;
        if next >= tokens.len() {
            break;
        }
        let next_gap = gap(next);
        let next_word = word(next);
        let ends = if next_gap.contains('\n') {
            true
        } else {
            match kind {
                Terminal::Punctuation => !starts_lowercase(next_word),
                Terminal::Abbreviation => {
                    crate::lexicon::is_sentence_opener(next_word) || is_opening_quote(next_word)
                }
            }
        };
        if ends {
            close(&mut out, tokens, first, next);
            first = next;
        }
        i = next;
    }
    close(&mut out, tokens, first, tokens.len());
    out
}

fn close(out: &mut Vec<Sentence>, tokens: &[Token], first: usize, end: usize) {
    if let (Some(a), Some(b)) = (
        tokens.get(first),
        end.checked_sub(1).and_then(|l| tokens.get(l)),
    ) {
        if first < end {
            out.push(Sentence {
                span: Span::new(a.span.start, b.span.end),
                first_token: first,
                end_token: end,
            });
        }
    }
}

enum Terminal {
    Punctuation,
    Abbreviation,
}

fn terminal_kind(word: &str, next_word: &str) -> Option<Terminal> {
    match word {
        "." | "…" => return Some(Terminal::Punctuation),
        _ => {}
    }
    if word.bytes().all(|b| b == b'!' || b == b'?') && !word.is_empty() {
        return Some(Terminal::Punctuation);
    }
    if word.len() >= 2 && word.bytes().all(|b| b == b'.') {
        return Some(Terminal::Punctuation);
    }
    let core = word.strip_suffix('.')?;
    // "1." is a list marker kept whole by the tokenizer, not a sentence end.
    if core.is_empty() || core.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match abbrev::classify(core, next_word.chars().next()) {
        Some(AbbrevKind::Prefix | AbbrevKind::Initial) => None,
        Some(AbbrevKind::Month) if next_word.starts_with(|c: char| c.is_ascii_digit()) => None,
        Some(_) => Some(Terminal::Abbreviation),
        None => Some(Terminal::Punctuation),
    }
}

fn is_closer(word: &str, gap: &str) -> bool {
    match word {
        // PTB's closing mark ('') only closes: tokenised corpora write it after a space.
        "”" | "’" | "»" | "›" | ")" | "]" | "}" | "''" => !gap.contains('\n'),
        // Straight quotes are ambiguous; one glued to the terminal closes, one after a space opens.
        "\"" | "'" => gap.is_empty(),
        _ => false,
    }
}

fn is_opening_quote(word: &str) -> bool {
    matches!(word, "“" | "\"" | "‘" | "``" | "«" | "(")
}

fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// Whether the line ending before token `next` is a headline or caption: no final punctuation,
/// not a dateline, and the next line does not continue it in lower case.
fn ends_unpunctuated_line<'a>(
    word: &impl Fn(usize) -> &'a str,
    line_start: usize,
    next: usize,
) -> bool {
    let Some(last) = next.checked_sub(1) else {
        return false;
    };
    let last_word = word(last);
    let continues = matches!(
        last_word,
        "," | ";"
            | ":"
            | "-"
            | "--"
            | "—"
            | "–"
            | "_"
            | "("
            | "“"
            | "‘"
            | "``"
            | "&"
            | "/"
            | "\""
            | "'"
    );
    if continues || starts_lowercase(word(next)) {
        return false;
    }
    if terminal_kind(last_word, word(next)).is_some() {
        // A line ending in final punctuation was handled by the terminal rule; one ending in a
        // title or initial ("Gen.") is a broken line, not a headline.
        return false;
    }
    if let Some(core) = last_word.strip_suffix('.') {
        if abbrev::classify(core, word(next).chars().next()).is_some() {
            return false;
        }
    }
    !is_dateline(word, line_start, next)
}

/// "BRENNA, March 3 (Nordwire)" or "NEW YORK (Nordwire)": an upper-case place, then at most a
/// date and an agency in brackets.
fn is_dateline<'a>(word: &impl Fn(usize) -> &'a str, line_start: usize, end: usize) -> bool {
    if end <= line_start || end - line_start > 12 {
        return false;
    }
    let first = word(line_start);
    let place_upper = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !first.chars().any(char::is_lowercase);
    place_upper && word(end - 1) == ")"
}
