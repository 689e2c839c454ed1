//! Charset detection and decoding into a [`MappedText`] that maps back to the raw bytes.
//!
//! The order of evidence follows what browsers do: a byte-order mark wins, then the charset the
//! transport declared (HTTP `Content-Type`, a WARC record's HTTP header, a JSON field), then what
//! the document declares about itself (`<meta charset>`, `<?xml encoding?>`), then valid UTF-8,
//! and only then statistical detection (`chardetng`).

use encoding_rs::{Encoding, UTF_8};
use triangulate_doc::{MappedText, MappedTextBuilder};

/// The result of decoding one payload.
#[derive(Debug)]
pub struct Decoded {
    /// Decoded text; its map points into the raw payload bytes.
    pub text: MappedText,
    /// Name of the encoding used (`UTF-8`, `windows-1252`, ...).
    pub encoding: &'static str,
    /// Where the encoding came from, e.g. `byte-order mark`, `declared`, `detected`.
    pub encoding_source: &'static str,
    /// Problems that did not stop decoding (invalid bytes replaced, declared charset unknown).
    pub warnings: Vec<String>,
}

/// Decode `bytes`, preferring `declared` (a transport-level charset label) and then the
/// in-document declaration `inline` (meta charset / XML declaration) over detection.
pub fn decode(bytes: &[u8], declared: Option<&str>, inline: Option<&str>) -> Decoded {
    let mut warnings = Vec::new();
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return finish(bytes, enc, bom_len, "byte-order mark", warnings);
    }
    for (label, source) in [(declared, "declared"), (inline, "in-document declaration")] {
        let Some(label) = label else { continue };
        match Encoding::for_label(label.trim().as_bytes()) {
            // A page that says UTF-16 without a BOM is almost always really ASCII-compatible
            // (the WHATWG rule): treat it as UTF-8 and let validation decide.
            Some(enc) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => {
                return finish(bytes, UTF_8, 0, source, warnings);
            }
            Some(enc) => return finish(bytes, enc, 0, source, warnings),
            None => warnings.push(format!("unknown charset label {label:?} ignored")),
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        return finish(bytes, UTF_8, 0, "valid UTF-8", warnings);
    }
    if mostly_utf8(bytes) {
        return finish(bytes, UTF_8, 0, "mostly valid UTF-8", warnings);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let enc = detector.guess(None, true);
    finish(bytes, enc, 0, "detected", warnings)
}

/// UTF-8 with a few bad bytes (a truncated or spliced file) rather than a legacy charset: valid
/// multi-byte sequences clearly outnumber the invalid ones.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid_multibyte > 0 && invalid * 3 <= valid_multibyte
}

fn finish(
    bytes: &[u8],
    enc: &'static Encoding,
    skip: usize,
    source: &'static str,
    mut warnings: Vec<String>,
) -> Decoded {
    let body = bytes.get(skip..).unwrap_or_default();
    let (text, replaced) = if enc == UTF_8 {
        decode_utf8(body, skip)
    } else {
        decode_legacy(body, skip, enc)
    };
    if replaced > 0 {
        warnings.push(format!(
            "{replaced} invalid byte sequence(s) for {} replaced with U+FFFD",
            enc.name()
        ));
    }
    Decoded {
        text,
        encoding: enc.name(),
        encoding_source: source,
        warnings,
    }
}

/// UTF-8: valid stretches map exactly; each invalid sequence becomes U+FFFD mapped to its bytes.
fn decode_utf8(bytes: &[u8], base: usize) -> (MappedText, usize) {
    let mut builder = MappedTextBuilder::with_capacity(bytes.len());
    let mut replaced = 0;
    let mut pos = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        builder.push_exact(valid, base + pos);
        pos += valid.len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            builder.push_replaced("\u{FFFD}", base + pos..base + pos + invalid.len());
            pos += invalid.len();
            replaced += 1;
        }
    }
    (builder.finish(), replaced)
}

/// Legacy charsets: decode incrementally so every character maps to exactly the bytes it came
/// from. ASCII that decodes to itself is an exact segment; everything else is a replaced segment
/// over its own bytes (a single byte for single-byte charsets, the lead and trail bytes for
/// multi-byte ones, escape sequences folded into the next character for ISO-2022-JP).
fn decode_legacy(bytes: &[u8], base: usize, enc: &'static Encoding) -> (MappedText, usize) {
    let mut builder = MappedTextBuilder::with_capacity(bytes.len() + bytes.len() / 2);
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut replaced = 0;
    let mut out = String::with_capacity(16);
    let mut pending_start = 0;
    let mut i = 0;
    // Fast path for ASCII runs in ASCII-compatible charsets: they decode to themselves.
    let ascii_compatible = enc.is_ascii_compatible() && enc != encoding_rs::ISO_2022_JP;
    while i <= bytes.len() {
        if ascii_compatible && i == pending_start && i < bytes.len() {
            let run = bytes[i..].iter().take_while(|b| b.is_ascii()).count();
            if run > 0 {
                // A multi-byte decoder holds no state between characters here, so an ASCII run
                // right after a completed character decodes to itself.
                if let Ok(s) = std::str::from_utf8(&bytes[i..i + run]) {
                    builder.push_exact(s, base + i);
                }
                i += run;
                pending_start = i;
                continue;
            }
        }
        let last = i == bytes.len();
        let input: &[u8] = if last { &[] } else { &bytes[i..i + 1] };
        out.clear();
        out.reserve(decoder.max_utf8_buffer_length(input.len()).unwrap_or(16));
        let (_result, _read, had_errors) = decoder.decode_to_string(input, &mut out, last);
        i += 1;
        if !out.is_empty() {
            let consumed_end = i.min(bytes.len());
            let orig = base + pending_start..base + consumed_end;
            if had_errors {
                replaced += out.matches('\u{FFFD}').count().max(1);
            }
            if out.len() == orig.len() && out.as_bytes() == &bytes[pending_start..consumed_end] {
                builder.push_exact(&out, orig.start);
            } else {
                // Several characters produced at once (error recovery) share the whole range.
                builder.push_replaced(&out, orig);
            }
            pending_start = consumed_end;
        }
        if last {
            break;
        }
    }
    (builder.finish(), replaced)
}

/// The charset in an XML declaration `<?xml version="1.0" encoding="..."?>`.
pub fn xml_declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(256))?;
    let head = String::from_utf8_lossy(head);
    let decl_start = head.find("<?xml")?;
    let decl = &head[decl_start..];
    let decl = &decl[..decl.find("?>")?];
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// The charset parameter of a `Content-Type` header value.
pub fn content_type_charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_maps_exactly_and_replaces_invalid_bytes() {
        let raw = "café naïve résumé déjà \u{FFFD} ok".replace('\u{FFFD}', "\0");
        let mut raw = raw.into_bytes();
        let bad = raw.iter().position(|b| *b == 0).unwrap();
        raw[bad] = 0xff;
        let raw = raw.as_slice();
        let d = decode(raw, None, None);
        assert_eq!(d.text.text, "café naïve résumé déjà \u{FFFD} ok");
        d.text.map.check(&d.text.text, raw).unwrap();
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
    }

    #[test]
    fn windows_1252_maps_each_character_to_its_byte() {
        let raw = b"\x93Quoted\x94 caf\xe9";
        let d = decode(raw, Some("windows-1252"), None);
        assert_eq!(d.text.text, "\u{201C}Quoted\u{201D} café");
        d.text.map.check(&d.text.text, raw).unwrap();
        let e = d.text.text.find('é').unwrap();
        assert_eq!(
            d.text.to_original(triangulate_doc::Span::new(e, e + 2)),
            12..13
        );
    }

    #[test]
    fn shift_jis_maps_per_character() {
        let (raw, _, _) = encoding_rs::SHIFT_JIS.encode("Brenna 合意 ok");
        let d = decode(&raw, Some("shift_jis"), None);
        assert_eq!(d.text.text, "Brenna 合意 ok");
        d.text.map.check(&d.text.text, &raw).unwrap();
        let at = d.text.text.find('意').unwrap();
        assert_eq!(
            d.text.to_original(triangulate_doc::Span::new(at, at + 3)),
            9..11
        );
    }

    #[test]
    fn bom_wins_and_is_skipped() {
        let raw = b"\xef\xbb\xbfhello";
        let d = decode(raw, Some("windows-1252"), None);
        assert_eq!(d.text.text, "hello");
        assert_eq!(d.encoding_source, "byte-order mark");
        d.text.map.check(&d.text.text, raw).unwrap();
    }

    #[test]
    fn declarations_are_parsed() {
        assert_eq!(
            xml_declared_encoding(b"<?xml version='1.0' encoding='ISO-8859-1'?><rss/>").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(
            content_type_charset("text/html; charset=\"windows-1251\"").as_deref(),
            Some("windows-1251")
        );
    }
}
