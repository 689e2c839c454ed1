//! The tokenizer: whitespace runs are cut into PTB/CoNLL-2003-style tokens.
//!
//! Each whitespace-separated chunk goes through three steps:
//! 1. URLs and e-mail addresses are kept whole (only wrapping punctuation is split off).
//! 2. Characters that are always tokens of their own (double quotes, brackets, `;`, `!`, `?`,
//!    dashes, ellipses) cut the chunk into pieces.
//! 3. Each piece loses its leading quotes and currency symbol and its trailing `,` `:` `'` `%`
//!    and sentence period (unless it is an abbreviation), then its clitic (`'s`, `n't`, ...).
//!
//! Everything works on byte offsets of the original `&str`, so tokens are spans, never copies.
use crate::abbrev::{self, AbbrevKind};
use triangulate_doc::{Span, Token};

/// Splits `text` into tokens; every token's span points into `text` and lies on character
/// boundaries. Tokens are in text order and never overlap. Any input is accepted.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let start = skip_space(text, pos);
        if start >= bytes.len() {
            break;
        }
        let end = find_space(text, start);
        let next = first_non_space(text, end);
        split_chunk(text, start, end, next, &mut out);
        pos = end;
    }
    out
}

fn skip_space(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        if b.is_ascii() {
            if !b.is_ascii_whitespace() && b != 0x0b {
                return pos;
            }
            pos += 1;
        } else {
            match text.get(pos..).and_then(|s| s.chars().next()) {
                Some(c) if c.is_whitespace() || is_invisible(c) => pos += c.len_utf8(),
                _ => return pos,
            }
        }
    }
    pos
}

fn find_space(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        if b.is_ascii() {
            if b.is_ascii_whitespace() || b == 0x0b {
                return pos;
            }
            pos += 1;
        } else {
            match text.get(pos..).and_then(|s| s.chars().next()) {
                Some(c) if c.is_whitespace() || is_invisible(c) => return pos,
                Some(c) => pos += c.len_utf8(),
                None => return bytes.len(),
            }
        }
    }
    pos
}

/// Zero-width characters that separate words visually like spaces do, or not at all.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{feff}')
}

fn first_non_space(text: &str, pos: usize) -> Option<char> {
    let at = skip_space(text, pos);
    text.get(at..).and_then(|s| s.chars().next())
}

fn push(out: &mut Vec<Token>, start: usize, end: usize) {
    if start < end {
        out.push(Token {
            span: Span::new(start, end),
        });
    }
}

/// Characters that are a token of their own wherever they appear (outside URLs).
fn is_hard_separator(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | ';'
            | '!'
            | '?'
            | '¡'
            | '¿'
            | '…'
            | '—'
            | '–'
            | '―'
            | '‒'
    )
}

fn split_chunk(text: &str, start: usize, end: usize, next: Option<char>, out: &mut Vec<Token>) {
    let Some(chunk) = text.get(start..end) else {
        return;
    };
    // Plain lower-case words are most of the text: take them without further analysis.
    if chunk.bytes().all(|b| b.is_ascii_lowercase()) {
        push(out, start, end);
        return;
    }
    if let Some((core_start, core_end)) = web_core(chunk) {
        for (off, c) in chunk[..core_start].char_indices() {
            push(out, start + off, start + off + c.len_utf8());
        }
        push(out, start + core_start, start + core_end);
        emit_trailing_chars(chunk, core_end, start, out);
        return;
    }
    let bytes = chunk.as_bytes();
    let mut piece_start = 0;
    let mut iter = chunk.char_indices().peekable();
    while let Some((off, c)) = iter.next() {
        let sep_end = if is_hard_separator(c) {
            let mut sep_end = off + c.len_utf8();
            if matches!(c, '!' | '?') {
                while let Some(&(o, n)) = iter.peek() {
                    if matches!(n, '!' | '?') {
                        sep_end = o + 1;
                        iter.next();
                    } else {
                        break;
                    }
                }
            }
            sep_end
        } else if (c == '-' && bytes.get(off + 1) == Some(&b'-'))
            || (c == '.' && bytes.get(off + 1) == Some(&b'.') && bytes.get(off + 2) == Some(&b'.'))
        {
            let mut sep_end = off + 1;
            while bytes.get(sep_end) == Some(&(c as u8)) {
                sep_end += 1;
            }
            while iter.peek().is_some_and(|&(o, _)| o < sep_end) {
                iter.next();
            }
            sep_end
        } else {
            continue;
        };
        let piece_next = chunk[off..].chars().next();
        split_piece(text, start + piece_start, start + off, piece_next, out);
        push(out, start + off, start + sep_end);
        piece_start = sep_end;
    }
    split_piece(text, start + piece_start, end, next, out);
}

/// The URL or e-mail address inside `chunk` as `(start, end)` offsets, without the punctuation
/// that wraps it in running text.
fn web_core(chunk: &str) -> Option<(usize, usize)> {
    let core_start = chunk
        .char_indices()
        .find(|&(_, c)| !matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '<'))
        .map(|(i, _)| i)?;
    let rest = &chunk[core_start..];
    let lower_prefix = |p: &str| {
        rest.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    let is_url = lower_prefix("http://")
        || lower_prefix("https://")
        || lower_prefix("ftp://")
        || (lower_prefix("www.") && rest.len() > 4);
    let is_email = !is_url && looks_like_email(rest);
    if !is_url && !is_email {
        return None;
    }
    let mut core_end = chunk.len();
    while let Some(c) = chunk[core_start..core_end].chars().next_back() {
        if matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '>' | '"' | '\'' | '”' | '’' | '»'
        ) && core_end - c.len_utf8() > core_start
        {
            core_end -= c.len_utf8();
        } else {
            break;
        }
    }
    Some((core_start, core_end))
}

fn looks_like_email(s: &str) -> bool {
    let Some(at) = s.find('@') else {
        return false;
    };
    let (local, domain) = (&s[..at], &s[at + 1..]);
    let word = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+');
    !local.is_empty()
        && local.chars().all(word)
        && domain
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .split_once('.')
            .is_some_and(|(host, tld)| !host.is_empty() && !tld.is_empty())
}

fn emit_trailing_chars(chunk: &str, from: usize, base: usize, out: &mut Vec<Token>) {
    for (off, c) in chunk[from..].char_indices() {
        push(out, base + from + off, base + from + off + c.len_utf8());
    }
}

fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '`' | '‚' | '‛')
}

/// Most pieces carry at most a few trailing punctuation tokens; more are pushed one by one.
const MAX_TRAILING: usize = 8;

/// Splits a piece that holds no hard separator. `next` is the first character after it.
fn split_piece(text: &str, start: usize, end: usize, next: Option<char>, out: &mut Vec<Token>) {
    let (mut a, mut b) = (start, end);
    // Leading quotes and currency symbols.
    while let Some(c) = text.get(a..b).and_then(|s| s.chars().next()) {
        let len = c.len_utf8();
        let after = text.get(a + len..b).unwrap_or("");
        if is_single_quote(c) {
            if after.is_empty() || is_elision(after) {
                break;
            }
            // PTB/LDC double quotes written as two characters: ``Yes,'' he said; also standing
            // alone, as tokenised corpora write them (`` Yes , '' he said).
            let width = if matches!(c, '`' | '\'') && after.starts_with(c) {
                2
            } else {
                len
            };
            push(out, a, a + width);
            a += width;
        } else if matches!(c, '$' | '€' | '£' | '¥' | '₹' | ',' | ':')
            && after.starts_with(|n: char| n.is_ascii_digit() || c == ',' || c == ':')
        {
            push(out, a, a + len);
            a += len;
        } else {
            break;
        }
    }
    // Trailing punctuation, collected from the end backwards.
    let mut trailing = [(0usize, 0usize); MAX_TRAILING];
    let mut n_trailing = 0;
    while let Some(c) = text.get(a..b).and_then(|s| s.chars().next_back()) {
        let len = c.len_utf8();
        if b - len == a {
            break;
        }
        let cut = match c {
            ',' | ':' => len,
            c if is_single_quote(c) => {
                let doubled = matches!(c, '`' | '\'')
                    && b - a > 2
                    && text.as_bytes().get(b - 2) == Some(&(c as u8));
                if doubled {
                    2
                } else {
                    len
                }
            }
            '%' => len,
            '.' => {
                let run = text[a..b].bytes().rev().take_while(|&x| x == b'.').count();
                if run >= 2 {
                    run
                } else {
                    let core = &text[a..b - 1];
                    let next_here = if n_trailing == 0 {
                        next
                    } else {
                        text.get(b..).and_then(|s| s.chars().next())
                    };
                    match abbrev::classify(core, next_here) {
                        Some(AbbrevKind::Prefix | AbbrevKind::Initial) => break,
                        // At a sentence end the period is the sentence's ("Vessa Inc ."), as
                        // in CoNLL-2003; elsewhere it belongs to the abbreviation.
                        Some(_) if n_trailing > 0 || !ends_sentence_after(text, b) => break,
                        Some(_) => 1,
                        None if is_list_number(text, start, a, core) => break,
                        None => 1,
                    }
                }
            }
            _ => break,
        };
        if n_trailing < MAX_TRAILING {
            trailing[n_trailing] = (b - cut, b);
            n_trailing += 1;
        } else {
            // Pathological punctuation runs: keep the rest as one token.
            trailing[MAX_TRAILING - 1].0 = b - cut;
        }
        b -= cut;
    }
    split_core(text, a, b, out);
    for &(s, e) in trailing[..n_trailing].iter().rev() {
        push(out, s, e);
    }
}

/// Whether the text after byte `at` starts a new sentence: the end of the text, a line
/// break, or a typical sentence opener ("The", "He").
fn ends_sentence_after(text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..) else {
        return true;
    };
    let trimmed = rest.trim_start_matches([' ', '\t']);
    if trimmed.is_empty() || trimmed.starts_with(['\n', '\r']) {
        return true;
    }
    let word_end = trimmed
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(trimmed.len());
    crate::lexicon::is_sentence_opener(&trimmed[..word_end])
}

/// "1." opening a numbered list item or ranking line: a short number at the start of a line,
/// before a capitalised word.
fn is_list_number(text: &str, piece_start: usize, core_start: usize, core: &str) -> bool {
    if piece_start != core_start || core.is_empty() || core.len() > 3 {
        return false;
    }
    if !core.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let before = text
        .get(..piece_start)
        .unwrap_or("")
        .trim_end_matches([' ', '\t']);
    let after_break = before.is_empty() || before.ends_with('\n');
    let next_upper = text
        .get(core_start + core.len() + 1..)
        .map(|r| r.trim_start_matches([' ', '\t']))
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase);
    after_break && next_upper
}

/// Text after a leading apostrophe that belongs to the word: "'90s", "'em", "'til".
fn is_elision(after: &str) -> bool {
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 2 {
        let rest = &after[2..];
        return rest.is_empty() || rest == "s" || !rest.starts_with(|c: char| c.is_alphanumeric());
    }
    let word_end = after
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after.len());
    matches!(&after[..word_end], "em" | "til" | "tis" | "twas" | "n")
}

/// Splits the core of a piece at inner commas and colons (not inside numbers: "10,000",
/// "10:30") and splits off clitics.
fn split_core(text: &str, a: usize, b: usize, out: &mut Vec<Token>) {
    let Some(core) = text.get(a..b) else {
        return;
    };
    let bytes = core.as_bytes();
    let mut part_start = 0;
    for (i, &byte) in bytes.iter().enumerate() {
        if byte != b',' && byte != b':' {
            continue;
        }
        let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
        let digit_after = bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if digit_before && digit_after {
            continue;
        }
        split_clitic(text, a + part_start, a + i, out);
        push(out, a + i, a + i + 1);
        part_start = i + 1;
    }
    split_clitic(text, a + part_start, b, out);
}

fn split_clitic(text: &str, a: usize, b: usize, out: &mut Vec<Token>) {
    let Some(word) = text.get(a..b) else {
        return;
    };
    if let Some(cut) = clitic_start(word) {
        push(out, a, a + cut);
        push(out, a + cut, b);
    } else {
        push(out, a, b);
    }
}

/// Where a clitic begins in `word`: "n't" in "don't" (PTB: "do" + "n't"), "'s" in "Velic's".
fn clitic_start(word: &str) -> Option<usize> {
    for apostrophe in ["'", "’"] {
        let Some(at) = word.rfind(apostrophe) else {
            continue;
        };
        let after = &word[at + apostrophe.len()..];
        if after.eq_ignore_ascii_case("t") && at >= 2 {
            let n = word.as_bytes()[at - 1];
            if (n == b'n' || n == b'N') && at > 1 {
                return Some(at - 1);
            }
        }
        let is_clitic = ["s", "re", "ve", "ll", "d", "m"]
            .iter()
            .any(|c| after.eq_ignore_ascii_case(c));
        let before_ok = word[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if is_clitic && before_ok {
            return Some(at);
        }
    }
    None
}
