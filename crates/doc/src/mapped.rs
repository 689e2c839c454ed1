use crate::Span;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One piece of the map from derived text to original bytes.
///
/// `exact` pieces are byte-for-byte copies (`text[text] == original[orig]`), so any sub-range maps
/// to the matching sub-range. Other pieces (a decoded entity, a joined line break, a transcoded
/// run of a legacy charset) map as a whole: any part of `text` maps to all of `orig`. Pieces that
/// were inserted (a paragraph break between two HTML blocks) have an empty `orig` at the place
/// they stand for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Segment {
    pub text: Range<usize>,
    pub orig: Range<usize>,
    pub exact: bool,
}

/// Map from byte offsets of a derived text to byte offsets of the original input.
///
/// Invariants (checked by [`OffsetMap::check`]): segments are sorted, contiguous and cover the
/// whole text; exact segments have equal text and original lengths; original ranges never go
/// backwards (the cleaned text keeps the order of the input).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

impl OffsetMap {
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The original byte range a span of the derived text rests on.
    ///
    /// For a span inside exact segments this is the exact byte range; where the span touches a
    /// replaced segment the whole original range of that segment is included. A span covering
    /// only inserted text maps to the empty range where it was inserted.
    pub fn to_original(&self, span: Span) -> Range<usize> {
        if self.segments.is_empty() {
            return 0..0;
        }
        let first = self
            .segments
            .partition_point(|s| s.text.end <= span.start)
            .min(self.segments.len() - 1);
        let mut start = usize::MAX;
        let mut end = 0usize;
        let mut anchor = None;
        for seg in &self.segments[first..] {
            if seg.text.start >= span.end && !(span.is_empty() && seg.text.start == span.start) {
                break;
            }
            let (s, e) = if seg.exact {
                let lo = span.start.max(seg.text.start) - seg.text.start;
                let hi = span.end.min(seg.text.end).max(seg.text.start) - seg.text.start;
                (seg.orig.start + lo, seg.orig.start + hi.max(lo))
            } else {
                (seg.orig.start, seg.orig.end)
            };
            if seg.orig.is_empty() || (seg.exact && s == e) {
                anchor.get_or_insert(s);
                if span.is_empty() {
                    break;
                }
                continue;
            }
            start = start.min(s);
            end = end.max(e);
        }
        if start == usize::MAX {
            let a = anchor.unwrap_or_else(|| {
                let last = &self.segments[self.segments.len() - 1];
                if span.start >= last.text.end {
                    last.orig.end
                } else {
                    self.segments[first].orig.start
                }
            });
            return a..a;
        }
        start..end
    }

    /// Verify the invariants against the derived text and the original bytes.
    pub fn check(&self, text: &str, original: &[u8]) -> Result<(), String> {
        let mut pos = 0;
        let mut orig_pos = 0;
        for (i, seg) in self.segments.iter().enumerate() {
            if seg.text.start != pos {
                return Err(format!(
                    "segment {i} starts at {} not {pos}",
                    seg.text.start
                ));
            }
            if seg.orig.start < orig_pos {
                return Err(format!("segment {i} goes backwards in the original"));
            }
            if seg.orig.end > original.len() || seg.orig.start > seg.orig.end {
                return Err(format!("segment {i} original range out of bounds"));
            }
            if seg.exact {
                let t = text
                    .as_bytes()
                    .get(seg.text.clone())
                    .ok_or_else(|| format!("segment {i} text range out of bounds"))?;
                if t != &original[seg.orig.clone()] {
                    return Err(format!("exact segment {i} differs from the original bytes"));
                }
            }
            pos = seg.text.end;
            orig_pos = seg.orig.end.max(orig_pos);
        }
        if pos != text.len() {
            return Err(format!("map covers {pos} of {} text bytes", text.len()));
        }
        Ok(())
    }
}

/// Text plus its [`OffsetMap`] back to the original input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MappedText {
    pub text: String,
    pub map: OffsetMap,
}

impl MappedText {
    /// Text that is the original, unchanged (valid UTF-8 input).
    pub fn identity(text: &str) -> Self {
        let mut b = MappedTextBuilder::new();
        b.push_exact(text, 0);
        b.finish()
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn to_original(&self, span: Span) -> Range<usize> {
        self.map.to_original(span)
    }
}

/// Builds a [`MappedText`] piece by piece.
#[derive(Debug, Default)]
pub struct MappedTextBuilder {
    text: String,
    segments: Vec<Segment>,
}

impl MappedTextBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(bytes: usize) -> Self {
        MappedTextBuilder {
            text: String::with_capacity(bytes),
            segments: Vec::new(),
        }
    }

    /// The text built so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Append `s`, which is byte-for-byte the original at `orig_start..orig_start + s.len()`.
    pub fn push_exact(&mut self, s: &str, orig_start: usize) {
        self.push_segment(s, orig_start..orig_start + s.len(), true);
    }

    /// Append `s`, which stands for the original bytes `orig` but differs from them.
    pub fn push_replaced(&mut self, s: &str, orig: Range<usize>) {
        self.push_segment(s, orig, false);
    }

    /// Append `s`, which has no original bytes (a separator); it is anchored at original offset `at`.
    pub fn push_inserted(&mut self, s: &str, at: usize) {
        self.push_segment(s, at..at, false);
    }

    /// Append `src[range]`, keeping its mapping to the original (maps compose).
    pub fn push_from(&mut self, src: &MappedText, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        let segs = src.map.segments();
        let first = segs.partition_point(|s| s.text.end <= range.start);
        for seg in &segs[first..] {
            if seg.text.start >= range.end {
                break;
            }
            let lo = range.start.max(seg.text.start);
            let hi = range.end.min(seg.text.end);
            let piece = &src.text[lo..hi];
            if seg.exact {
                let o = seg.orig.start + (lo - seg.text.start);
                self.push_segment(piece, o..o + piece.len(), true);
            } else {
                self.push_segment(piece, seg.orig.clone(), false);
            }
        }
    }

    /// Append `s` standing for `src[range]` (a rewrite of that piece, e.g. NFC or a joined word).
    pub fn push_replacing(&mut self, s: &str, src: &MappedText, range: Range<usize>) {
        let orig = src.to_original(Span::from(range));
        self.push_segment(s, orig, false);
    }

    fn push_segment(&mut self, s: &str, orig: Range<usize>, exact: bool) {
        if s.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(s);
        let end = self.text.len();
        if let Some(last) = self.segments.last_mut() {
            // Merge runs so long copied stretches stay one segment.
            if exact && last.exact && last.text.end == start && last.orig.end == orig.start {
                last.text.end = end;
                last.orig.end = orig.end;
                return;
            }
            if !exact && !last.exact && last.orig == orig {
                last.text.end = end;
                return;
            }
        }
        self.segments.push(Segment {
            text: start..end,
            orig,
            exact,
        });
    }

    /// Remove trailing whitespace from the text built so far (keeps the map consistent).
    pub fn trim_end(&mut self) {
        let keep = self.text.trim_end().len();
        self.truncate(keep);
    }

    /// Cut the text to `len` bytes (must be a char boundary).
    pub fn truncate(&mut self, len: usize) {
        if len >= self.text.len() {
            return;
        }
        self.text.truncate(len);
        while let Some(last) = self.segments.last_mut() {
            if last.text.start >= len {
                self.segments.pop();
                continue;
            }
            if last.text.end > len {
                let cut = last.text.end - len;
                last.text.end = len;
                if last.exact {
                    last.orig.end -= cut;
                }
            }
            break;
        }
    }

    pub fn finish(self) -> MappedText {
        MappedText {
            text: self.text,
            map: OffsetMap {
                segments: self.segments,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn identity_maps_each_byte() {
        let m = MappedText::identity("héllo world");
        assert_eq!(m.to_original(Span::new(7, 12)), 7..12);
        m.map.check(&m.text, "héllo world".as_bytes()).unwrap();
    }

    #[test]
    fn replaced_pieces_map_whole() {
        let original = "a &amp; b";
        let mut b = MappedTextBuilder::new();
        b.push_exact("a ", 0);
        b.push_replaced("&", 2..7);
        b.push_exact(" b", 7);
        let m = b.finish();
        assert_eq!(m.text, "a & b");
        m.map.check(&m.text, original.as_bytes()).unwrap();
        assert_eq!(m.to_original(Span::new(2, 3)), 2..7);
        assert_eq!(m.to_original(Span::new(0, 5)), 0..9);
        assert_eq!(m.to_original(Span::new(4, 5)), 8..9);
    }

    #[test]
    fn inserted_text_maps_to_its_anchor() {
        let original = "<p>one</p><p>two</p>";
        let mut b = MappedTextBuilder::new();
        b.push_exact("one", 3);
        b.push_inserted("\n\n", 10);
        b.push_exact("two", 13);
        let m = b.finish();
        m.map.check(&m.text, original.as_bytes()).unwrap();
        assert_eq!(m.to_original(Span::new(3, 5)), 10..10);
        assert_eq!(m.to_original(Span::new(0, 8)), 3..16);
        assert_eq!(&original[m.to_original(Span::new(5, 8))], "two");
    }

    #[test]
    fn maps_compose_through_stages() {
        let original = "x  Th\ne accord";
        let stage1 = MappedText::identity(original);
        // Stage 2 drops "x  " and joins the broken word.
        let mut b = MappedTextBuilder::new();
        b.push_from(&stage1, 3..5);
        b.push_from(&stage1, 6..14);
        let stage2 = b.finish();
        assert_eq!(stage2.text, "The accord");
        stage2.map.check(&stage2.text, original.as_bytes()).unwrap();
        assert_eq!(&original[stage2.to_original(Span::new(4, 10))], "accord");
        assert_eq!(&original[stage2.to_original(Span::new(0, 3))], "Th\ne");
    }

    #[test]
    fn truncate_keeps_map_consistent() {
        let mut b = MappedTextBuilder::new();
        b.push_exact("abc  ", 0);
        b.push_inserted("\n", 5);
        b.trim_end();
        let m = b.finish();
        assert_eq!(m.text, "abc");
        m.map.check(&m.text, b"abc  ").unwrap();
    }

    proptest! {
        /// Random cleaning: keep, drop, replace and insert pieces of a random text; the map must
        /// satisfy its invariants and every kept piece must map back to exactly its bytes.
        #[test]
        fn random_edits_map_back_exactly(
            original in "[a-zé \n&;<>]{0,80}",
            ops in proptest::collection::vec((0u8..4, 1usize..6), 0..30),
        ) {
            let src = MappedText::identity(&original);
            let mut b = MappedTextBuilder::new();
            let mut kept = Vec::new();
            let mut pos = 0;
            let chars: Vec<(usize, char)> = original.char_indices().collect();
            let mut ci = 0;
            for (op, n) in ops {
                if ci >= chars.len() { break; }
                let end_ci = (ci + n).min(chars.len());
                let start = chars[ci].0;
                let end = if end_ci < chars.len() { chars[end_ci].0 } else { original.len() };
                match op {
                    0 => { let at = b.len(); b.push_from(&src, start..end); kept.push((at..b.len(), start..end)); }
                    1 => {}
                    2 => b.push_replacing("~", &src, start..end),
                    _ => { b.push_inserted(" ", start); b.push_from(&src, start..end); }
                }
                pos = end;
                ci = end_ci;
            }
            let _ = pos;
            let m = b.finish();
            prop_assert!(m.map.check(&m.text, original.as_bytes()).is_ok());
            for (t, o) in kept {
                prop_assert_eq!(m.to_original(Span::from(t)), o);
            }
        }
    }
}
