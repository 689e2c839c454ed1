//! Content sniffing: the bytes decide the reader, the file name only breaks ties.

use crate::IngestError;
use std::io::Read;

/// The reader an input goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
    /// RSS or Atom (decided by the root element when parsing).
    Feed,
    Warc,
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "zip archive (also docx/xlsx/epub)"),
    (b"PK\x05\x06", "empty zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"OggS", "Ogg media"),
    (b"\x00asm", "WebAssembly"),
    (b"ID3", "MP3 audio"),
    (b"\xd0\xcf\x11\xe0", "OLE document (doc/xls)"),
    (b"SQLite format 3", "SQLite database"),
];

/// True for gzip data.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Decompress gzip (all members, as in WARC.gz), reading at most `limit` output bytes.
///
/// Returns what could be decompressed and, when the stream is corrupt or truncated, the error;
/// the caller keeps the readable prefix so nothing read is dropped.
pub fn gunzip(bytes: &[u8], limit: u64) -> (Vec<u8>, Option<IngestError>) {
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    let mut out = Vec::new();
    let mut limited = decoder.take(limit.saturating_add(1));
    let mut buf = [0u8; 64 * 1024];
    loop {
        match limited.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(buf.get(..n).unwrap_or_default()),
            Err(e) => {
                let decompressed = out.len() as u64;
                return (
                    out,
                    Some(IngestError::Gzip {
                        decompressed,
                        message: e.to_string(),
                    }),
                );
            }
        }
    }
    if out.len() as u64 > limit {
        return (
            Vec::new(),
            Some(IngestError::TooLarge {
                size: out.len() as u64,
                limit,
            }),
        );
    }
    (out, None)
}

fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Name without a trailing `.gz` / `.gzip`.
pub fn strip_gz(name: &str) -> &str {
    name.strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".GZ"))
        .or_else(|| name.strip_suffix(".gzip"))
        .unwrap_or(name)
}

/// Why bytes (not UTF-16) are binary rather than text: a NUL, or control bytes in more than a
/// tenth of the first 8 KiB. `None` for text.
pub(crate) fn control_bytes(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or_default();
    let nul = head.iter().filter(|b| **b == 0).count();
    let control = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    (nul > 0 || control * 10 > head.len().max(1)).then(|| {
        format!(
            "{} NUL and {} other control bytes in the first {} bytes",
            nul,
            control - nul.min(control),
            head.len()
        )
    })
}

/// Decide the reader for `bytes` (already decompressed).
pub fn sniff(bytes: &[u8], name: &str) -> Result<Sniffed, IngestError> {
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(IngestError::Binary {
                what: (*what).to_string(),
            });
        }
    }
    // A WARC file holds images and other binary payloads between its text headers; its records
    // are judged one by one, so its NULs must not refuse the whole file.
    if bytes.trim_ascii_start().starts_with(b"WARC/") {
        return Ok(Sniffed::Warc);
    }
    let utf16 = bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff");
    let head_bytes = bytes.get(..bytes.len().min(8192)).unwrap_or_default();
    let head: String = if utf16 {
        let enc = if bytes.starts_with(b"\xff\xfe") {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        enc.decode_with_bom_removal(head_bytes).0.into_owned()
    } else {
        if let Some(what) = control_bytes(bytes) {
            return Err(IngestError::Binary { what });
        }
        String::from_utf8_lossy(
            head_bytes
                .strip_prefix(b"\xef\xbb\xbf")
                .unwrap_or(head_bytes),
        )
        .into_owned()
    };
    let trimmed = head.trim_start();
    if trimmed.is_empty() {
        return Err(IngestError::Empty);
    }
    let ext = extension(name);
    if trimmed.starts_with("WARC/") {
        return Ok(Sniffed::Warc);
    }
    if trimmed.starts_with('<') {
        let lower = trimmed.to_ascii_lowercase();
        let root = xml_root(&lower);
        if matches!(
            root.as_deref(),
            Some("rss" | "feed" | "rdf:rdf" | "channel")
        ) {
            return Ok(Sniffed::Feed);
        }
        if lower.starts_with("<?xml") && !lower.contains("<html") && !lower.contains("xhtml") {
            return Ok(Sniffed::Feed);
        }
        return Ok(Sniffed::Html);
    }
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        if matches!(ext.as_str(), "jsonl" | "ndjson" | "jsonlines") {
            return Ok(Sniffed::JsonLines);
        }
        if trimmed.starts_with('{') && looks_like_json_lines(trimmed) {
            return Ok(Sniffed::JsonLines);
        }
        if ext == "json"
            || trimmed.starts_with('{')
            || trimmed
                .trim_start_matches('[')
                .trim_start()
                .starts_with(['{', '"', ']'])
        {
            return Ok(Sniffed::Json);
        }
    }
    if matches!(ext.as_str(), "html" | "htm" | "xhtml") || looks_like_html(trimmed) {
        return Ok(Sniffed::Html);
    }
    if matches!(ext.as_str(), "md" | "markdown" | "mdown") || looks_like_markdown(trimmed) {
        return Ok(Sniffed::Markdown);
    }
    Ok(Sniffed::Text)
}

/// The first element name after the XML declaration, comments and doctype.
fn xml_root(lower: &str) -> Option<String> {
    let mut rest = lower;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if let Some(r) = rest.strip_prefix("<!") {
            rest = &r[r.find('>')? + 1..];
        } else if let Some(r) = rest.strip_prefix('<') {
            let end = r.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
            return Some(r[..end].to_string());
        } else {
            return None;
        }
    }
}

fn looks_like_json_lines(s: &str) -> bool {
    let mut lines = s.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or_default();
    let second = lines.next();
    first.ends_with('}') && second.is_some_and(|l| l.starts_with('{'))
}

fn looks_like_html(s: &str) -> bool {
    let lower = s.get(..s.len().min(4096)).unwrap_or(s).to_ascii_lowercase();
    [
        "<p>", "</p>", "<div", "</div>", "<br>", "<br/>", "<article", "<body",
    ]
    .iter()
    .filter(|t| lower.contains(*t))
    .count()
        >= 2
}

fn looks_like_markdown(s: &str) -> bool {
    let mut score = 0;
    for line in s.lines().take(200) {
        let t = line.trim_start();
        if t.starts_with("# ") || t.starts_with("## ") || t.starts_with("### ") {
            score += 2;
        }
        if t.contains("](") && t.contains('[') {
            score += 1;
        }
        if t.contains("**") {
            score += 1;
        }
    }
    score >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_extension() {
        assert_eq!(
            sniff(b"<?xml version='1.0'?><rss><channel/></rss>", "a.txt"),
            Ok(Sniffed::Feed)
        );
        assert_eq!(
            sniff(b"<feed xmlns='http://www.w3.org/2005/Atom'>", "a.html"),
            Ok(Sniffed::Feed)
        );
        assert_eq!(sniff(b"<!DOCTYPE html><html>", "a.xml"), Ok(Sniffed::Html));
        assert_eq!(sniff(b"WARC/1.1\r\n", "a.bin"), Ok(Sniffed::Warc));
        assert_eq!(
            sniff(b"{\"a\":1}\n{\"a\":2}\n", "a.json"),
            Ok(Sniffed::JsonLines)
        );
        assert_eq!(sniff(b"[{\"a\":1}]", "a.txt"), Ok(Sniffed::Json));
        assert_eq!(
            sniff(b"# Title\n\nSome **bold** text", "a.txt"),
            Ok(Sniffed::Markdown)
        );
        assert_eq!(sniff(b"Plain words.", "a"), Ok(Sniffed::Text));
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            sniff(b"\x89PNG\r\n\x1a\n....", "a.txt"),
            Err(IngestError::Binary { .. })
        ));
        assert!(matches!(
            sniff(b"PK\x03\x04rest", "a.txt"),
            Err(IngestError::Binary { .. })
        ));
        assert!(matches!(
            sniff(b"ab\x00\x00cd", "a.txt"),
            Err(IngestError::Binary { .. })
        ));
        assert_eq!(sniff(b"  \n\t ", "a.txt"), Err(IngestError::Empty));
    }
}
