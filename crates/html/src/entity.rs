//! Character references (`&amp;`, `&#8217;`, `&#x2019;`, `&nbsp`) with their positions.
//!
//! The named-entity table is the WHATWG list from the `entities` crate; the decoding rules
//! (numeric references, the Windows-1252 remapping of `&#128;`–`&#159;`, legacy names without the
//! semicolon) follow the HTML standard closely enough that text reads as a browser shows it.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// One piece of raw text: either copied as is or a decoded character reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Raw bytes that stand for themselves.
    Literal(Range<usize>),
    /// A character reference at `range` that decodes to `text`.
    Reference { range: Range<usize>, text: String },
}

fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        entities::ENTITIES
            .iter()
            .filter_map(|e| Some((e.entity.strip_prefix('&')?, e.characters)))
            .collect()
    })
}

/// Longest entity name in the table (`&CounterClockwiseContourIntegral;`).
const MAX_NAME: usize = 33;

fn windows_1252_c1(cp: u32) -> Option<char> {
    let c = match cp {
        0x80 => '€',
        0x82 => '‚',
        0x83 => 'ƒ',
        0x84 => '„',
        0x85 => '…',
        0x86 => '†',
        0x87 => '‡',
        0x88 => 'ˆ',
        0x89 => '‰',
        0x8A => 'Š',
        0x8B => '‹',
        0x8C => 'Œ',
        0x8E => 'Ž',
        0x91 => '\u{2018}',
        0x92 => '\u{2019}',
        0x93 => '\u{201C}',
        0x94 => '\u{201D}',
        0x95 => '•',
        0x96 => '–',
        0x97 => '—',
        0x98 => '˜',
        0x99 => '™',
        0x9A => 'š',
        0x9B => '›',
        0x9C => 'œ',
        0x9E => 'ž',
        0x9F => 'Ÿ',
        _ => return None,
    };
    Some(c)
}

/// Decode the reference starting at `amp` (the `&`); returns its end and the text.
fn reference_at(s: &str, amp: usize) -> Option<(usize, String)> {
    let bytes = s.as_bytes();
    let after = amp + 1;
    if bytes.get(after) == Some(&b'#') {
        let (hex, digits_start) = match bytes.get(after + 1) {
            Some(b'x' | b'X') => (true, after + 2),
            _ => (false, after + 1),
        };
        let mut i = digits_start;
        let mut value: u32 = 0;
        while let Some(&c) = bytes.get(i) {
            let d = if hex {
                (c as char).to_digit(16)
            } else {
                (c as char).to_digit(10)
            };
            let Some(d) = d else { break };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            i += 1;
        }
        if i == digits_start {
            return None;
        }
        if bytes.get(i) == Some(&b';') {
            i += 1;
        }
        let ch = windows_1252_c1(value)
            .or_else(|| {
                if value == 0 {
                    None
                } else {
                    char::from_u32(value)
                }
            })
            .unwrap_or('\u{FFFD}');
        return Some((i, ch.to_string()));
    }
    let name_start = after;
    let mut i = name_start;
    while i < bytes.len() && i - name_start < MAX_NAME && bytes[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == name_start {
        return None;
    }
    let t = table();
    if bytes.get(i) == Some(&b';') {
        if let Some(v) = s.get(name_start..=i).and_then(|k| t.get(k)) {
            return Some((i + 1, (*v).to_string()));
        }
    }
    // Legacy references without `;` (`&amp`, `&copy`): the longest prefix that is one.
    let mut end = i;
    while end > name_start {
        if let Some(v) = s.get(name_start..end).and_then(|k| t.get(k)) {
            return Some((end, (*v).to_string()));
        }
        end -= 1;
    }
    None
}

/// Split `s` (which starts at byte `offset` of the input) into literal runs and references.
pub fn pieces(s: &str, offset: usize, out: &mut Vec<Piece>) {
    let bytes = s.as_bytes();
    let mut pos = 0;
    let mut lit_start = 0;
    while let Some(i) = memchr::memchr(b'&', bytes.get(pos..).unwrap_or(&[])) {
        let amp = pos + i;
        match reference_at(s, amp) {
            Some((end, text)) => {
                if lit_start < amp {
                    out.push(Piece::Literal(offset + lit_start..offset + amp));
                }
                out.push(Piece::Reference {
                    range: offset + amp..offset + end,
                    text,
                });
                pos = end;
                lit_start = end;
            }
            None => pos = amp + 1,
        }
    }
    if lit_start < s.len() {
        out.push(Piece::Literal(offset + lit_start..offset + s.len()));
    }
}

/// Decode all character references in `s`.
pub fn decode_str(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut ps = Vec::new();
    pieces(s, 0, &mut ps);
    let mut out = String::with_capacity(s.len());
    for p in ps {
        match p {
            Piece::Literal(r) => out.push_str(s.get(r).unwrap_or("")),
            Piece::Reference { text, .. } => out.push_str(&text),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_numeric_and_legacy() {
        assert_eq!(decode_str("a &amp; b"), "a & b");
        assert_eq!(decode_str("&#8217;&#x2019;&#X2019"), "’’’");
        assert_eq!(decode_str("&copy 2025"), "© 2025");
        assert_eq!(decode_str("&nbsp;"), "\u{a0}");
        assert_eq!(decode_str("&#150;"), "–");
        assert_eq!(decode_str("&#0;"), "\u{FFFD}");
        assert_eq!(decode_str("&#99999999999;"), "\u{FFFD}");
        assert_eq!(decode_str("AT&T &bogus; &"), "AT&T &bogus; &");
    }

    #[test]
    fn pieces_keep_positions() {
        let mut v = Vec::new();
        pieces("x &lt; y", 10, &mut v);
        assert_eq!(
            v,
            vec![
                Piece::Literal(10..12),
                Piece::Reference {
                    range: 12..16,
                    text: "<".into()
                },
                Piece::Literal(16..18)
            ]
        );
    }
}
