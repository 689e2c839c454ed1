//! A byte-offset tokenizer made for the grammar: letter runs, digit runs and single punctuation
//! characters, each remembering whether whitespace came before it, so patterns can tell "8:15"
//! from "8 : 15" and "1990s" from "1990 s" without a second pass over the text.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token of the input with its byte range and a lower-cased copy of its text.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    pub lower: String,
    /// True when nothing (no whitespace) separates this token from the previous one.
    pub glued: bool,
    /// True when the first character is upper case.
    pub capital: bool,
}

/// Splits `text` into tokens; never fails, never panics (all offsets come from `char_indices`).
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut chars = text.char_indices().peekable();
    let mut prev_end: Option<usize> = None;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let glued = prev_end == Some(start);
        let kind = if c.is_alphabetic() {
            TokenKind::Word
        } else if c.is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        let mut end = start + c.len_utf8();
        if kind != TokenKind::Punct {
            while let Some(&(i, n)) = chars.peek() {
                let same = match kind {
                    TokenKind::Word => n.is_alphabetic(),
                    _ => n.is_ascii_digit(),
                };
                if !same {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
        }
        let raw = &text[start..end];
        // Typeset news writes "Friday’s" and "2013–14"; the patterns are written with the
        // ASCII apostrophe and hyphen, so the curly apostrophe and the en dash read as those
        // (the em dash, a clause break, stays itself).
        let lower = match c {
            '\u{2019}' => "'".to_string(),
            '\u{2013}' => "-".to_string(),
            _ => raw.to_lowercase(),
        };
        toks.push(Tok {
            start,
            end,
            kind,
            lower,
            glued,
            capital: c.is_uppercase(),
        });
        prev_end = Some(end);
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_letters_digits_and_punctuation() {
        let toks = tokenize("At 8:15 p.m. in the 1990s");
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            ["at", "8", ":", "15", "p", ".", "m", ".", "in", "the", "1990", "s"]
        );
        assert!(toks[2].glued && toks[3].glued && !toks[4].glued && toks[11].glued);
        assert!(toks[0].capital && !toks[1].capital);
    }

    #[test]
    fn curly_apostrophe_and_en_dash_read_as_ascii() {
        let toks = tokenize("Zürich\u{2019}s 2013\u{2013}14 season \u{2014} São Paulo");
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            ["zürich", "'", "s", "2013", "-", "14", "season", "\u{2014}", "são", "paulo"]
        );
        // Offsets still cover the original characters.
        assert_eq!(toks[1].end - toks[1].start, '\u{2019}'.len_utf8());
    }
}
