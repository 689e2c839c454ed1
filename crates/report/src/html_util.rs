//! Small HTML-writing helpers. All text from articles is untrusted input: it only ever reaches the
//! page through [`escape`], and the page carries a Content-Security-Policy that forbids scripts.

use std::fmt::Write;

/// Escape text for use in HTML element content and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A fragment id made only of `[a-z0-9-]`, safe in `id` and `href="#..."`.
pub fn anchor_id(prefix: &str, key: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + key.len() + 1);
    out.push_str(prefix);
    out.push('-');
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push('-');
        }
    }
    out
}

/// Text with some byte ranges highlighted as `<mark id=...>`; ranges must be sorted and disjoint
/// (overlapping or out-of-bounds ones are skipped rather than trusted).
pub fn highlight(text: &str, marks: &[(std::ops::Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(text.len() + marks.len() * 40);
    let mut pos = 0;
    for (r, id) in marks {
        if r.start < pos || r.end > text.len() || r.start > r.end {
            continue;
        }
        let (Some(before), Some(inside)) = (text.get(pos..r.start), text.get(r.clone())) else {
            continue;
        };
        out.push_str(&escape(before));
        let _ = write!(out, "<mark id=\"{}\">{}</mark>", escape(id), escape(inside));
        pos = r.end;
    }
    out.push_str(&escape(text.get(pos..).unwrap_or("")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert(\"x\")</script> & 'y'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }

    #[test]
    fn anchors_are_safe() {
        assert_eq!(anchor_id("doc", "a b\"<x>.txt"), "doc-a-b--x--txt");
    }

    #[test]
    fn highlight_escapes_inside_and_outside_marks() {
        let t = "a <b> c";
        let h = highlight(t, &[(2..5, "e1".into())]);
        assert_eq!(h, "a <mark id=\"e1\">&lt;b&gt;</mark> c");
        // Overlapping and out-of-range marks are ignored.
        let h = highlight(
            t,
            &[
                (2..5, "e1".into()),
                (3..4, "e2".into()),
                (5..99, "e3".into()),
            ],
        );
        assert_eq!(h, "a <mark id=\"e1\">&lt;b&gt;</mark> c");
    }
}
