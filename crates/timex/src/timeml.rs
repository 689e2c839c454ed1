//! TempEval-3 TimeML in and out, for benchmarking against gold annotation.
//!
//! [`read_timeml`] takes a `.tml` file's content and returns the plain text of its `<TEXT>`
//! element (all inline tags removed, entities decoded: exactly the text the TempEval-3 scorer
//! compares), the document creation time (DCT) and the gold TIMEX3s as byte spans of that text.
//! [`TimeMlDoc::to_timeml`] writes the same header with our own TIMEX3s in `<TEXT>`.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use triangulate_doc::{PartialDate, Span};

use crate::{Anchor, Timex};

/// Why a TimeML document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TimeMlError {
    #[error("not well-formed XML at byte {position}: {message}")]
    Xml { position: u64, message: String },
    #[error("no <TEXT> element")]
    NoText,
    #[error("a TIMEX3 inside <TEXT> is not closed")]
    UnclosedTimex,
}

/// A TIMEX3 annotated in the input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte span in [`TimeMlDoc::text`].
    pub span: Span,
    /// `type` attribute.
    pub kind: String,
    /// `value` attribute.
    pub value: String,
}

/// One TimeML document: header, plain text of `<TEXT>`, DCT, gold TIMEX3s.
#[derive(Clone, Debug)]
pub struct TimeMlDoc {
    /// Everything up to and including the `<TEXT>` start tag, written back unchanged.
    pub head: String,
    /// The content of `<TEXT>` without tags, entities decoded.
    pub text: String,
    /// `value` of the creation-time TIMEX3 (`1998-02-13` or `1998-02-13T14:35:00`).
    pub dct: Option<String>,
    /// TIMEX3s inside `<TEXT>`.
    pub gold: Vec<GoldTimex>,
}

fn xml_error(reader: &Reader<&[u8]>, e: impl std::fmt::Display) -> TimeMlError {
    TimeMlError::Xml {
        position: reader.buffer_position(),
        message: e.to_string(),
    }
}

fn attr(reader: &Reader<&[u8]>, e: &BytesStart, name: &str) -> Result<Option<String>, TimeMlError> {
    match e
        .try_get_attribute(name)
        .map_err(|x| xml_error(reader, x))?
    {
        Some(a) => Ok(Some(
            a.unescape_value()
                .map_err(|x| xml_error(reader, x))?
                .into_owned(),
        )),
        None => Ok(None),
    }
}

/// Reads a TimeML document.
pub fn read_timeml(xml: &str) -> Result<TimeMlDoc, TimeMlError> {
    let mut reader = Reader::from_reader(xml.as_bytes());
    let mut head_end = None;
    let mut in_text = false;
    let mut text = String::new();
    let mut dct = None;
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut gold = Vec::new();
    let mut depth_in_text = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| xml_error(&reader, e))?;
        match event {
            Event::Start(e) => {
                let name = e.name();
                if name.as_ref() == b"TEXT" && !in_text {
                    in_text = true;
                    head_end = Some(reader.buffer_position());
                    continue;
                }
                if in_text {
                    depth_in_text += 1;
                }
                if name.as_ref() == b"TIMEX3" {
                    let function = attr(&reader, &e, "functionInDocument")?;
                    if function.as_deref() == Some("CREATION_TIME") && dct.is_none() {
                        dct = attr(&reader, &e, "value")?;
                    }
                    if in_text {
                        open.push((
                            text.len(),
                            attr(&reader, &e, "type")?.unwrap_or_default(),
                            attr(&reader, &e, "value")?.unwrap_or_default(),
                        ));
                    }
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"TIMEX3" => {
                let function = attr(&reader, &e, "functionInDocument")?;
                if function.as_deref() == Some("CREATION_TIME") && dct.is_none() {
                    dct = attr(&reader, &e, "value")?;
                }
            }
            Event::End(e) => {
                if !in_text {
                    continue;
                }
                if e.name().as_ref() == b"TEXT" && depth_in_text == 0 {
                    in_text = false;
                    continue;
                }
                depth_in_text = depth_in_text.saturating_sub(1);
                if e.name().as_ref() == b"TIMEX3" {
                    let (start, kind, value) = open.pop().ok_or(TimeMlError::UnclosedTimex)?;
                    gold.push(GoldTimex {
                        span: Span::new(start, text.len()),
                        kind,
                        value,
                    });
                }
            }
            Event::Text(t) if in_text => {
                text.push_str(&t.unescape().map_err(|e| xml_error(&reader, e))?);
            }
            Event::CData(t) if in_text => {
                text.push_str(&String::from_utf8_lossy(&t.into_inner()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !open.is_empty() {
        return Err(TimeMlError::UnclosedTimex);
    }
    let head_end =
        usize::try_from(head_end.ok_or(TimeMlError::NoText)?).map_err(|_| TimeMlError::NoText)?;
    let head = xml.get(..head_end).ok_or(TimeMlError::NoText)?.to_string();
    Ok(TimeMlDoc {
        head,
        text,
        dct,
        gold,
    })
}

/// The anchor a DCT value gives: its date part (`1998-02-13T14:35:00` → 1998-02-13).
pub fn anchor_from_dct(dct: &str) -> Anchor {
    match PartialDate::parse_iso(dct) {
        Some(d) => Anchor::on(d),
        None => Anchor::none(),
    }
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

impl TimeMlDoc {
    /// The document with `timexes` (spans into [`TimeMlDoc::text`]) as its only TIMEX3s.
    /// Timexes that overlap an earlier one or do not fit the text are left out.
    pub fn to_timeml(&self, timexes: &[Timex]) -> String {
        let mut out = String::with_capacity(self.head.len() + self.text.len() * 2);
        out.push_str(&self.head);
        let mut pos = 0;
        for (n, t) in timexes.iter().enumerate() {
            let (Some(before), Some(inner)) = (
                self.text.get(pos..t.span.start),
                self.text.get(t.span.start..t.span.end),
            ) else {
                continue;
            };
            if t.span.start < pos || t.span.is_empty() {
                continue;
            }
            escape(before, &mut out);
            out.push_str(&format!(
                "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"",
                n + 1,
                t.kind.as_str()
            ));
            escape(&t.value, &mut out);
            out.push('"');
            if let Some(m) = &t.modifier {
                out.push_str(" mod=\"");
                escape(m, &mut out);
                out.push('"');
            }
            out.push('>');
            escape(inner, &mut out);
            out.push_str("</TIMEX3>");
            pos = t.span.end;
        }
        escape(self.text.get(pos..).unwrap_or(""), &mut out);
        out.push_str("</TEXT>\n\n</TimeML>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{find_timexes, AnchorUse, TimexType};

    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>FICT-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-03-03" temporalFunction="false" functionInDocument="CREATION_TIME">March 3, 2025</TIMEX3></DCT>
<TEXT>
The Veltran council <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2025-02-25">Tuesday</TIMEX3> &amp; will vote again.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
</TimeML>
"#;

    #[test]
    fn reads_text_dct_and_gold() {
        let doc = read_timeml(DOC).unwrap();
        assert_eq!(doc.dct.as_deref(), Some("2025-03-03"));
        assert!(doc
            .text
            .starts_with("\nThe Veltran council met Tuesday & will"));
        assert_eq!(doc.gold.len(), 1);
        assert_eq!(doc.gold[0].span.text(&doc.text), Some("Tuesday"));
        assert_eq!(doc.gold[0].value, "2025-02-25");
    }

    #[test]
    fn written_document_keeps_the_text() {
        let doc = read_timeml(DOC).unwrap();
        let anchor = anchor_from_dct(doc.dct.as_deref().unwrap());
        let found = find_timexes(&doc.text, &anchor);
        let written = doc.to_timeml(&found);
        let again = read_timeml(&written).unwrap();
        assert_eq!(again.text, doc.text);
        assert_eq!(again.gold.len(), 1);
        assert_eq!(again.gold[0].value, "2025-02-25");
        assert_eq!(found[0].kind, TimexType::Date);
        assert_eq!(found[0].anchored, AnchorUse::Publication);
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(matches!(
            read_timeml("<TimeML><TEXT>a</TimeML>"),
            Err(TimeMlError::Xml { .. })
        ));
        assert!(matches!(
            read_timeml("<TimeML></TimeML>"),
            Err(TimeMlError::NoText)
        ));
    }
}
