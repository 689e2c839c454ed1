//! Small text helpers shared by the fusion steps: words with byte offsets, folding, stop words,
//! a light suffix stemmer, paragraphs and a fallback sentence splitter.
//!
//! These are deliberately simple and allocation-light: clustering runs them on every document of
//! streams of a million documents. The language layer's tokens and sentences are used where the
//! fusion step needs linguistic units; this module only needs "words" for hashing and overlap.
use triangulate_doc::Span;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A maximal run of alphanumeric characters (apostrophes and inner hyphens excluded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl Word<'_> {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.start + self.text.len())
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_numeric(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Words of `text` with their byte offsets.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = iter.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = iter.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            iter.next();
        }
        text.get(start..end).map(|w| Word { text: w, start })
    })
}

/// Lower-case, strip diacritics ("Velić" → "velic"). ASCII input takes a fast path.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// English function words and news filler that carry no topic.
pub fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.binary_search(&w).is_ok()
}

// Sorted (binary search). Function words plus reporting verbs and news filler.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "became",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "early",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "first",
    "for",
    "former",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "late",
    "later",
    "least",
    "less",
    "like",
    "ll",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "near",
    "never",
    "new",
    "news",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "posted",
    "re",
    "reported",
    "reports",
    "s",
    "said",
    "same",
    "say",
    "saying",
    "says",
    "see",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "t",
    "take",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "told",
    "too",
    "two",
    "under",
    "until",
    "up",
    "updated",
    "upon",
    "us",
    "ve",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "year",
    "years",
    "yet",
    "you",
    "your",
    "yours",
];

/// A light English suffix stemmer ("agreements" → "agreement", "signed" → "sign",
/// "targeting" → "target"). Good enough to match inflections in overlap measures; it never
/// needs to produce real words.
pub fn stem(w: &str) -> &str {
    let n = w.len();
    if n <= 3 || !w.is_ascii() {
        return w;
    }
    for (suffix, keep_min) in [
        ("ies", 3),
        ("ing", 4),
        ("edly", 4),
        ("ed", 4),
        ("es", 4),
        ("s", 4),
    ] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.len() >= keep_min && !(suffix == "s" && base.ends_with('s')) {
                return base;
            }
        }
    }
    w
}

/// Paragraphs: runs of text separated by line breaks, trimmed, empty ones skipped.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), '\n')))
    {
        if c == '\n' {
            if let Some(span) = trimmed(text, start, i) {
                out.push(span);
            }
            start = i + 1;
        }
    }
    out
}

/// Sentences for documents that come without a sentence layer: the project's own splitter
/// (`triangulate-text`), so a bare document is split exactly as an annotated one would be.
pub fn split_sentences(text: &str) -> Vec<Span> {
    triangulate_text::analyze(text)
        .sentences
        .into_iter()
        .map(|s| s.span)
        .collect()
}

fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let piece = text.get(start..end)?;
    let lead = piece.len() - piece.trim_start().len();
    let body = piece.trim();
    (!body.is_empty()).then(|| Span::new(start + lead, start + lead + body.len()))
}

/// The text under a span with whitespace collapsed (for evidence display).
pub fn display(text: &str, span: Span) -> String {
    span.text(text)
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// 64-bit FNV-1a; stable across runs and platforms (hash values are compared across documents).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_offsets() {
        let t = "Ana Velić's pact, 2012!";
        let ws: Vec<_> = words(t).map(|w| (w.text, w.start)).collect();
        assert_eq!(
            ws,
            vec![
                ("Ana", 0),
                ("Velić", 4),
                ("s", 11),
                ("pact", 13),
                ("2012", 19)
            ]
        );
    }

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn folding_and_stemming() {
        assert_eq!(fold("Velić"), "velic");
        assert_eq!(stem("agreements"), "agreement");
        assert_eq!(stem("targeting"), "target");
        assert_eq!(stem("signed"), "sign");
        assert_eq!(stem("press"), "press");
    }

    #[test]
    fn sentences_skip_initials() {
        let t = "J. Smith met Ana. She left.\nNew line here";
        let s: Vec<_> = split_sentences(t)
            .into_iter()
            .map(|s| &t[s.range()])
            .collect();
        assert_eq!(s, vec!["J. Smith met Ana.", "She left.", "New line here"]);
    }
}
