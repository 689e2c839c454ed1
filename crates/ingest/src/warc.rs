//! WARC 1.0/1.1 reader (the `.gz` form is decompressed before it reaches here).
//!
//! Our own small reader rather than the `warc` crate: we need each record's byte offset for
//! provenance, per-record errors that let the batch go on, and the HTTP layer (status line,
//! headers, chunked transfer encoding, gzip content encoding) parsed, which that crate leaves to
//! the caller.

use crate::decode::content_type_charset;
use crate::IngestError;

/// A `response` record holding an HTML page.
#[derive(Debug)]
pub struct HtmlRecord {
    /// Record number, counted from 1 over all records in the file.
    pub number: usize,
    /// Byte offset of the record's `WARC/` line.
    pub offset: usize,
    pub target_uri: Option<String>,
    /// The HTTP body after undoing transfer and content encodings.
    pub body: Vec<u8>,
    /// Charset from the HTTP `Content-Type` header.
    pub charset: Option<String>,
    /// Things undone on the way (`chunked`, `gzip`), for the document's warnings.
    pub notes: Vec<String>,
}

/// Outcome of one record.
#[derive(Debug)]
pub enum RecordResult {
    /// An HTML page.
    Html(HtmlRecord),
    /// A record that is not an HTML response, or that could not be read.
    Skipped {
        /// Record number, counted from 1.
        number: usize,
        /// Why it was skipped.
        error: IngestError,
    },
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Split header block from body: returns (header text, body start).
fn split_head(bytes: &[u8]) -> Option<(String, usize)> {
    let crlf = find(bytes, b"\r\n\r\n").map(|i| (i, 4));
    let lf = find(bytes, b"\n\n").map(|i| (i, 2));
    let (i, n) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 <= b.0 {
                a
            } else {
                b
            }
        }
        (a, b) => a.or(b)?,
    };
    Some((String::from_utf8_lossy(&bytes[..i]).into_owned(), i + n))
}

fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().skip(1).find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then_some(v.trim())
    })
}

/// `Ok` when a `Content-Type` value names an HTML media type; otherwise the lower-cased media
/// type (or `(missing)`) for the skip reason.
fn check_html_media_type(content_type: &str) -> Result<(), String> {
    let media_type = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match media_type.as_str() {
        "text/html" | "application/xhtml+xml" => Ok(()),
        "" => Err("(missing)".to_string()),
        _ => Err(media_type),
    }
}

/// Read all records of a WARC file.
pub fn read(bytes: &[u8], gzip_limit: u64) -> Vec<RecordResult> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut number = 0;
    while pos < bytes.len() {
        // Records are separated by CRLF CRLF; tolerate any amount of whitespace.
        let skip = bytes[pos..]
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        pos += skip;
        if pos >= bytes.len() {
            break;
        }
        number += 1;
        let offset = pos;
        let skipped = |error: IngestError| RecordResult::Skipped { number, error };
        let rest = &bytes[pos..];
        if !rest.starts_with(b"WARC/") {
            out.push(skipped(IngestError::Warc {
                offset: offset as u64,
                message: "expected a WARC/ version line".to_string(),
            }));
            // Resynchronise on the next record start, if any.
            match find(rest, b"\nWARC/") {
                Some(i) => {
                    pos += i + 1;
                    continue;
                }
                None => break,
            }
        }
        let Some((head, body_start)) = split_head(rest) else {
            out.push(skipped(IngestError::Warc {
                offset: offset as u64,
                message: "record header is not terminated (truncated file?)".to_string(),
            }));
            break;
        };
        let Some(length) = header(&head, "Content-Length").and_then(|v| v.parse::<usize>().ok())
        else {
            out.push(skipped(IngestError::Warc {
                offset: offset as u64,
                message: "record has no valid Content-Length".to_string(),
            }));
            match find(&rest[body_start..], b"\nWARC/") {
                Some(i) => {
                    pos += body_start + i + 1;
                    continue;
                }
                None => break,
            }
        };
        let body_end = body_start.saturating_add(length);
        let Some(block) = rest.get(body_start..body_end) else {
            out.push(skipped(IngestError::Warc {
                offset: offset as u64,
                message: format!(
                    "record is truncated: Content-Length {length} but only {} bytes follow",
                    rest.len() - body_start
                ),
            }));
            break;
        };
        pos += body_end;
        let warc_type = header(&head, "WARC-Type").unwrap_or("(none)").to_string();
        let target_uri =
            header(&head, "WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string());
        if warc_type.eq_ignore_ascii_case("resource") {
            // A stored file without HTTP around it (wget, browsers' "save as" archives).
            let content_type = header(&head, "Content-Type").unwrap_or_default();
            let charset = content_type_charset(content_type);
            let checked = check_html_media_type(content_type)
                .map_err(|media_type| IngestError::WarcRecordSkipped {
                    reason: format!("resource record of type {media_type} is not HTML"),
                })
                .and_then(|()| check_text_body(block, charset.as_deref(), "resource record", None));
            out.push(match checked {
                Ok(()) => RecordResult::Html(HtmlRecord {
                    number,
                    offset,
                    target_uri,
                    body: block.to_vec(),
                    charset,
                    notes: Vec::new(),
                }),
                Err(error) => skipped(error),
            });
            continue;
        }
        if !warc_type.eq_ignore_ascii_case("response") {
            out.push(skipped(IngestError::WarcRecordSkipped {
                reason: format!("WARC-Type {warc_type} is not a response"),
            }));
            continue;
        }
        match http_response(block, gzip_limit) {
            Ok((body, charset, notes)) => out.push(RecordResult::Html(HtmlRecord {
                number,
                offset,
                target_uri,
                body,
                charset,
                notes,
            })),
            Err(error) => out.push(skipped(error)),
        }
    }
    out
}

/// An HTTP body, the charset its `Content-Type` declares, and notes on decodings undone.
type HttpBody = (Vec<u8>, Option<String>, Vec<String>);

/// Parse an HTTP response block: the HTML body, the declared charset and notes.
fn http_response(block: &[u8], gzip_limit: u64) -> Result<HttpBody, IngestError> {
    let Some((head, body_start)) = split_head(block) else {
        return Err(IngestError::WarcRecordSkipped {
            reason: "HTTP response has no header terminator".to_string(),
        });
    };
    let status_line = head.lines().next().unwrap_or_default();
    let status: Option<u16> = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok());
    if !status_line.starts_with("HTTP/") {
        return Err(IngestError::WarcRecordSkipped {
            reason: format!(
                "not an HTTP response (starts {:?})",
                crate::clean::preview(status_line)
            ),
        });
    }
    if !matches!(status, Some(200..=299)) {
        return Err(IngestError::WarcRecordSkipped {
            reason: format!(
                "HTTP status {}",
                status.map_or("unknown".to_string(), |s| s.to_string())
            ),
        });
    }
    let content_type = header(&head, "Content-Type").unwrap_or_default();
    if let Err(media_type) = check_html_media_type(content_type) {
        return Err(IngestError::WarcRecordSkipped {
            reason: format!("Content-Type {media_type} is not HTML"),
        });
    }
    let mut notes = Vec::new();
    let mut body = block.get(body_start..).unwrap_or_default().to_vec();
    if header(&head, "Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
    {
        body = dechunk(&body).ok_or_else(|| IngestError::WarcRecordSkipped {
            reason: "malformed chunked transfer encoding".to_string(),
        })?;
        notes.push("HTTP chunked transfer encoding undone".to_string());
    }
    if header(&head, "Content-Encoding").is_some_and(|v| v.to_ascii_lowercase().contains("gzip"))
        && crate::sniff::is_gzip(&body)
    {
        let (plain, err) = crate::sniff::gunzip(&body, gzip_limit);
        if let Some(e) = err {
            return Err(e);
        }
        body = plain;
        notes.push(
            "HTTP gzip content encoding undone; original is the decompressed body".to_string(),
        );
    }
    let charset = content_type_charset(content_type);
    check_text_body(
        &body,
        charset.as_deref(),
        "HTTP body",
        header(&head, "Content-Encoding"),
    )?;
    Ok((body, charset, notes))
}

/// Refuses a body labelled HTML that is binary: still compressed (brotli, deflate, zstd) or
/// mislabelled, it would otherwise become a document of garbage characters.
fn check_text_body(
    body: &[u8],
    charset: Option<&str>,
    what: &str,
    content_encoding: Option<&str>,
) -> Result<(), IngestError> {
    let utf16 = body.starts_with(b"\xff\xfe")
        || body.starts_with(b"\xfe\xff")
        || charset.is_some_and(|c| c.to_ascii_lowercase().starts_with("utf-16"));
    match crate::sniff::control_bytes(body) {
        Some(bytes) if !utf16 => {
            let encoding = content_encoding
                .map(|e| format!(" (Content-Encoding {e})"))
                .unwrap_or_default();
            Err(IngestError::Binary {
                what: format!("{what}{encoding}: {bytes}"),
            })
        }
        _ => Ok(()),
    }
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = find(data, b"\r\n")?;
        let size_text = String::from_utf8_lossy(&data[..line_end]);
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, block: &str) -> String {
        format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://herald.example/a\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    #[test]
    fn reads_html_responses_and_reports_others() {
        let http =
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<p>Hi</p>";
        let img = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n....";
        let warc = format!(
            "{}{}{}",
            record("warcinfo", "software: x"),
            record("response", http),
            record("response", img)
        );
        let recs = read(warc.as_bytes(), 1 << 20);
        assert_eq!(recs.len(), 3);
        assert!(matches!(
            &recs[0],
            RecordResult::Skipped {
                error: IngestError::WarcRecordSkipped { .. },
                ..
            }
        ));
        match &recs[1] {
            RecordResult::Html(h) => {
                assert_eq!(h.body, b"<p>Hi</p>");
                assert_eq!(h.charset.as_deref(), Some("windows-1252"));
                assert_eq!(h.number, 2);
                assert!(warc[h.offset..].starts_with("WARC/1.1"));
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&recs[2], RecordResult::Skipped { .. }));
    }

    #[test]
    fn html_resource_records_are_read() {
        let warc = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 9\r\n\r\n<p>Hi</p>\r\n\r\n";
        let recs = read(warc.as_bytes(), 1 << 20);
        assert!(matches!(&recs[0], RecordResult::Html(h) if h.body == b"<p>Hi</p>"));
    }

    #[test]
    fn truncated_record_is_reported() {
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hi</p>";
        let full = record("response", http);
        let cut = &full[..full.len() - 10];
        let recs = read(cut.as_bytes(), 1 << 20);
        assert!(matches!(
            &recs[0],
            RecordResult::Skipped {
                error: IngestError::Warc { .. },
                ..
            }
        ));
    }

    #[test]
    fn non_html_skip_reasons_name_the_media_type() {
        let reason = |recs: &[RecordResult], i: usize| match recs.get(i) {
            Some(RecordResult::Skipped {
                error: IngestError::WarcRecordSkipped { reason },
                ..
            }) => reason.clone(),
            other => panic!("record {i}: {other:?}"),
        };
        let untyped = "HTTP/1.1 200 OK\r\nServer: x\r\n\r\n<p>Hi</p>";
        let pdf = "HTTP/1.1 200 OK\r\nContent-Type: Application/PDF; q=1\r\n\r\n%PDF";
        let warc = format!(
            "{}{}WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: image/gif\r\nContent-Length: 3\r\n\r\nGIF\r\n\r\n",
            record("response", untyped),
            record("response", pdf),
        );
        let recs = read(warc.as_bytes(), 1 << 20);
        assert_eq!(recs.len(), 3);
        assert_eq!(reason(&recs, 0), "Content-Type (missing) is not HTML");
        assert_eq!(reason(&recs, 1), "Content-Type application/pdf is not HTML");
        assert_eq!(
            reason(&recs, 2),
            "resource record of type image/gif is not HTML"
        );
    }

    #[test]
    fn binary_bodies_labelled_html_are_refused_with_the_reason() {
        let mut block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n".to_vec();
        block.extend((0u32..600).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
        let mut warc = format!(
            "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        warc.extend_from_slice(&block);
        let recs = read(&warc, 1 << 20);
        match recs.as_slice() {
            [RecordResult::Skipped {
                error: IngestError::Binary { what },
                ..
            }] => assert!(
                what.starts_with("HTTP body (Content-Encoding br): "),
                "{what}"
            ),
            other => panic!("{other:?}"),
        }
        let resource = b"WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 6\r\n\r\n<p>\0\0\0\r\n\r\n";
        match read(resource, 1 << 20).as_slice() {
            [RecordResult::Skipped {
                error: IngestError::Binary { what },
                ..
            }] => assert!(what.starts_with("resource record: 3 NUL"), "{what}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
    }
}
