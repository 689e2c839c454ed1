//! Cleaning of scraped plain text and Markdown, keeping the map to the original bytes.
//!
//! Text dumps of news pages carry page furniture as lines of their own ("17.2 C",
//! "- Advertisement -", "LATEST NEWS", "`[image]`", "Share this article", copyright lines), hard
//! wraps inside paragraphs, and words broken across lines. The cleaner works line by line:
//!
//! 1. every line is classified (blank, furniture of some [`RemovalKind`], metadata such as a
//!    byline or a date line, or article text);
//! 2. furniture and metadata lines become [`Removal`]s; metadata goes into [`Candidates`];
//! 3. the remaining lines are grouped into paragraphs (blank lines and removed lines end a
//!    paragraph) and joined: a line break inside a paragraph becomes one space, a hyphen at the
//!    end of a line followed by a lower-case continuation is joined ("agree-\nment" →
//!    "agreement"), and a word fragment broken across lines ("Th\ne accord") is rejoined. The
//!    text's layout tells a wrap from a line that stands alone: in text written one paragraph
//!    or one sentence per line, and above hard-wrapped text where a wrapping program would not
//!    have broken, a headline-like line (no final punctuation, not ending in "of" / "and" /
//!    "the", mostly words) before a longer, capitalised line is a paragraph of its own, and at
//!    the top of the text it is the title (see `Layout`);
//! 4. the result is normalised to NFC; pieces that NFC changes become replaced segments, so the
//!    original bytes (NFD accents, curly quotes as typed) stay recoverable through the map.

use crate::dates::{date_prefix, parse_date};
use crate::meta::{confidence, Candidates};
use std::collections::HashMap;
use std::ops::Range;
use triangulate_doc::{EvidenceSource, MappedText, MappedTextBuilder, Removal, RemovalKind, Span};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// What kind of text the cleaner is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CleanMode {
    /// Scraped or typed plain text: hard wraps are joined and broken words repaired.
    Scraped,
    /// Markdown: as `Scraped`, with markup stripped.
    Markdown,
    /// Text an HTML extractor already laid out: its line breaks are kept as they are.
    Extracted,
}

/// Cleaned article text and what was taken out of it.
#[derive(Debug)]
pub struct Cleaned {
    /// The cleaned text, mapped to the bytes the input's map points at.
    pub body: MappedText,
    /// Lines and markup left out, in input order.
    pub removed: Vec<Removal>,
    /// The text held nothing but a headline (and date or byline lines): the headline line is
    /// the body, and still the title.
    pub headline_only: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum LineKind {
    Blank,
    Removed(RemovalKind),
    Text,
    /// Markdown heading (kept as its own paragraph unless it became the title).
    Heading,
    /// Markdown list item or block quote line: starts a new paragraph.
    Item,
}

struct Line {
    /// Trimmed content range in the source text (markup prefixes excluded).
    content: Range<usize>,
    kind: LineKind,
    /// Kept pieces of the content (Markdown inline markup removed); plain text has one.
    pieces: Vec<Range<usize>>,
}

/// Clean `src` (decoded text mapped to the original bytes).
pub fn clean_text(src: &MappedText, mode: CleanMode, cands: &mut Candidates) -> Cleaned {
    let text = src.text.as_str();
    let mut removed = Vec::new();
    let mut lines = split_lines(text, mode, src, &mut removed);
    // Read before metadata lines are taken out: the layout is the text as the writer broke it.
    let layout = (mode == CleanMode::Scraped).then(|| Layout::of(text, &lines));
    let top = classify_metadata(text, &mut lines, mode, layout, src, cands);
    let headline_only = keep_lone_headline(&mut lines, &top);
    for line in &lines {
        if let LineKind::Removed(kind) = &line.kind {
            removed.push(removal(src, kind.clone(), line.content.clone()));
        }
    }
    removed.sort_by_key(|r| (r.orig.start, r.orig.end));
    let joined = join_paragraphs(src, &lines, mode, layout);
    Cleaned {
        body: nfc(&joined),
        removed,
        headline_only,
    }
}

/// How the writer broke a plain text into lines, which tells a wrap inside a paragraph from a
/// line that stands alone (a headline written straight above the story, a subhead).
///
/// Two layouts are common. Hard-wrapped text breaks lines at a fixed width inside sentences;
/// each break is joined with a space. Text written one paragraph (or one sentence) per line,
/// with single newlines, breaks where a sentence ends; there a line without final punctuation
/// is a headline or a subhead, not the start of a sentence that goes on below it.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// The width (in characters) that nine lines in ten keep within: the wrap width, when the
    /// text is hard-wrapped.
    wrap_width: usize,
    /// At least half of the line breaks inside paragraphs follow a sentence end.
    line_per_sentence: bool,
}

/// Words a headline does not end in, though a line wrapped inside a sentence often does.
const CONTINUING_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "into", "onto", "than", "that", "this", "these", "those", "its", "his", "her",
    "their", "our", "your", "my", "who", "whom", "whose", "which", "after", "before", "over",
    "under", "about", "between", "against", "during", "without", "within", "via", "per", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
    "should", "may", "might", "must", "not", "said", "says", "told", "mr", "mrs", "ms", "dr",
];

impl Layout {
    /// The layout of the text lines of `lines` (furniture already classified, metadata not).
    fn of(text: &str, lines: &[Line]) -> Layout {
        let line_text = |l: &Line| &text[l.content.clone()];
        let mut widths: Vec<usize> = lines
            .iter()
            .filter(|l| l.kind == LineKind::Text)
            .map(|l| line_text(l).chars().count())
            .collect();
        widths.sort_unstable();
        let wrap_width = if widths.len() >= 4 {
            widths.get(widths.len() * 9 / 10).copied().unwrap_or(0)
        } else {
            widths.last().copied().unwrap_or(0)
        };
        let mut breaks = 0usize;
        let mut after_sentence = 0usize;
        for pair in lines.windows(2) {
            if let [line, next] = pair {
                if line.kind == LineKind::Text && next.kind == LineKind::Text {
                    breaks += 1;
                    if ends_sentence(line_text(line)) {
                        after_sentence += 1;
                    }
                }
            }
        }
        Layout {
            wrap_width,
            line_per_sentence: breaks >= 2 && after_sentence * 2 >= breaks,
        }
    }

    /// Whether the break between `line` and the `next` one ends a headline (or subhead) rather
    /// than wrapping a sentence. `line` must read as a headline: no final punctuation, not
    /// ending in a word that leads on ("of", "and", "the"), and `next` must start with a
    /// capital. Then the layout decides. In one-sentence-per-line text, `next` must be the
    /// longer line. In hard-wrapped text (or too little text to tell), `line` must be short
    /// for the wrap width and `next` much longer, and the first word of `next` must have fitted
    /// on `line`: a wrapping program would not have broken there.
    fn headline_break(&self, line: &str, next: &str) -> bool {
        let line = line.trim();
        let next = next.trim();
        if !looks_like_title(line)
            || ends_sentence(line)
            || line.ends_with(['-', '–', '—', '/', '&', '(', '+'])
        {
            return false;
        }
        // A headline is mostly words; a line mostly of numbers and signs is a time stamp or a
        // date line in a form the date reader does not know ("9 : 53 AM , MON 22 JUL").
        let words = line.split_whitespace().count();
        let worded = line
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .count();
        if worded * 2 <= words {
            return false;
        }
        let last_word = line
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if CONTINUING_WORDS.contains(&last_word.as_str()) {
            return false;
        }
        let mut chars = next.chars();
        let capital = match chars.next() {
            Some(c) if "\"'“‘".contains(c) => chars.next().is_some_and(char::is_uppercase),
            Some(c) => c.is_uppercase(),
            None => false,
        };
        if !capital {
            return false;
        }
        let width = line.chars().count();
        let next_width = next.chars().count();
        if self.line_per_sentence {
            return next_width > width;
        }
        let first_word = next
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        width * 10 < self.wrap_width * 7
            && width + 1 + first_word <= self.wrap_width
            && next_width * 2 >= width * 3
    }
}

/// Whether a line ends where a sentence does.
fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '…', '"', '”', '’', ':'])
}

/// A headline is the text of a record that has nothing else: when every line but the title is
/// a date or other metadata line, the title line stays in the body (it stays the title too).
/// Real page furniture beside it (share rows, widgets, navigation) means a page shell, not a
/// headline record, and the text stays empty.
fn keep_lone_headline(lines: &mut [Line], top: &TopLines) -> bool {
    let Some(title) = top.title else {
        return false;
    };
    let only_metadata = lines.iter().enumerate().all(|(i, line)| {
        i == title
            || top.dates.contains(&i)
            || matches!(
                line.kind,
                LineKind::Blank | LineKind::Removed(RemovalKind::Metadata | RemovalKind::Markup)
            )
    });
    let has_body = lines.iter().any(|line| {
        matches!(
            line.kind,
            LineKind::Text | LineKind::Heading | LineKind::Item
        ) && !line.pieces.is_empty()
    });
    if has_body || !only_metadata || lines[title].pieces.is_empty() {
        return false;
    }
    lines[title].kind = LineKind::Text;
    true
}

/// Why a record's lone headline cannot be its text, if it cannot: a "headline" without two
/// letters or digits ("—", "!!!") or that is a link is no report of anything.
pub(crate) fn not_a_headline(headline: &str) -> Option<String> {
    let headline = headline.trim();
    let preview: String = headline.chars().take(80).collect();
    if headline.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
        return Some(format!("only a headline, and it has no words: {preview:?}"));
    }
    if is_bare_link(headline) {
        return Some(format!("only a headline, and it is a link: {preview:?}"));
    }
    None
}

/// Whether `text` is a web address and nothing else ("https://herald.example/a",
/// "www.herald.example"): no words of an article, a headline or a title.
pub(crate) fn is_bare_link(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    !text.is_empty()
        && !text.contains(char::is_whitespace)
        && (lower.contains("://") || lower.starts_with("www."))
}

/// The text of a headline given on its own (a feed item's `<title>` with no description):
/// tags dropped, each run of whitespace one space, NFC; mapped to `src`'s bytes.
pub(crate) fn headline_text(src: &MappedText) -> MappedText {
    let text = src.text.as_str();
    let mut b = MappedTextBuilder::with_capacity(text.len());
    let mut word_start: Option<usize> = None;
    let mut pending_space: Option<Range<usize>> = None;
    let mut in_tag = false;
    let flush =
        |b: &mut MappedTextBuilder, word: Range<usize>, space: &mut Option<Range<usize>>| {
            if let Some(gap) = space.take() {
                if !b.is_empty() {
                    b.push_replacing(" ", src, gap);
                }
            }
            b.push_from(src, word);
        };
    for (i, c) in text.char_indices() {
        let separator = in_tag || c == '<' || c.is_whitespace();
        if separator {
            if let Some(start) = word_start.take() {
                flush(&mut b, start..i, &mut pending_space);
            }
            // A tag between two words separates them like a space would.
            let gap_start = pending_space.as_ref().map_or(i, |g| g.start);
            pending_space = Some(gap_start..i + c.len_utf8());
            if c == '<' {
                in_tag = true;
            } else if c == '>' {
                in_tag = false;
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
    }
    if let Some(start) = word_start {
        flush(&mut b, start..text.len(), &mut pending_space);
    }
    nfc(&b.finish())
}

pub(crate) fn removal(src: &MappedText, kind: RemovalKind, range: Range<usize>) -> Removal {
    let piece = src.text.get(range.clone()).unwrap_or_default();
    Removal {
        kind,
        orig: src.to_original(Span::from(range)),
        preview: preview(piece),
    }
}

/// Whitespace collapsed, cut to 80 characters.
pub(crate) fn preview(s: &str) -> String {
    let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match collapsed.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &collapsed[..i]),
        None => collapsed,
    }
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.trim_end().len();
    if trail <= lead {
        return r.start..r.start;
    }
    r.start + lead..r.start + trail
}

fn split_lines(
    text: &str,
    mode: CleanMode,
    src: &MappedText,
    removed: &mut Vec<Removal>,
) -> Vec<Line> {
    let markdown = mode == CleanMode::Markdown;
    let mut lines = Vec::new();
    let mut start = 0;
    let mut in_code_fence = false;
    while start <= text.len() {
        let end = text[start..]
            .find('\n')
            .map(|i| start + i)
            .unwrap_or(text.len());
        let content = trim_range(text, start..end);
        let s = &text[content.clone()];
        let line = if content.is_empty() {
            Line {
                content,
                kind: LineKind::Blank,
                pieces: Vec::new(),
            }
        } else if markdown {
            markdown_line(text, content, &mut in_code_fence, src, removed)
        } else {
            let kind = classify_line_in(s, mode).map_or(LineKind::Text, LineKind::Removed);
            Line {
                pieces: vec![content.clone()],
                content,
                kind,
            }
        };
        lines.push(line);
        if end == text.len() {
            break;
        }
        start = end + 1;
    }
    lines
}

/// Furniture a scraped page leaves as a line of its own, or `None` for article text.
pub fn classify_line(line: &str) -> Option<RemovalKind> {
    classify_line_in(line, CleanMode::Scraped)
}

/// [`classify_line`] for text of the given kind: in extractor output, short upper-case lines are
/// subheadings and a single bar is not a link row.
fn classify_line_in(line: &str, mode: CleanMode) -> Option<RemovalKind> {
    let extracted = mode == CleanMode::Extracted;
    let s = line.trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    let n = words.len();
    if n == 0 {
        return None;
    }
    let letters_only: String = s
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let lower = s.to_lowercase();
    let has = |list: &[&str]| list.iter().any(|p| letters_only == *p);
    let starts = |list: &[&str]| list.iter().any(|p| lower.starts_with(p));

    // Image placeholders and captions.
    if (s.starts_with('[') && s.ends_with(']') && n <= 4)
        || has(&["image", "photo", "picture", "video", "graphic", "gallery"])
    {
        return Some(RemovalKind::ImagePlaceholder);
    }
    let caption_inside = [
        " photo: ",
        " photo by ",
        " photograph: ",
        " picture: ",
        " image: ",
        "(photo: ",
    ];
    if starts(&[
        "photo:",
        "image:",
        "picture:",
        "photograph:",
        "caption:",
        "(photo",
        "photo credit",
    ]) || (lower.starts_with("image ") && lower.contains(" of ") && n <= 5)
        || (n <= 30 && caption_inside.iter().any(|p| lower.contains(p)))
    {
        return Some(RemovalKind::Caption);
    }
    if has(&[
        "advertisement",
        "advert",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "paid content",
        "story continues below advertisement",
        "continue reading below",
        "article continues below",
        "advertisement scroll to continue with content",
    ]) {
        return Some(RemovalKind::Advertisement);
    }
    if (s.starts_with(['©', 'ⓒ', 'Ⓒ'])
        || lower.starts_with("(c) ")
        || lower.starts_with("copyright ")
        || lower.contains("all rights reserved"))
        && n <= 16
    {
        return Some(RemovalKind::Copyright);
    }
    if lower.contains("cookies")
        && (lower.contains("we use") || lower.contains("accept"))
        && n <= 40
    {
        return Some(RemovalKind::Boilerplate);
    }
    if n <= 16
        && starts(&[
            "listen to the",
            "listen:",
            "watch:",
            "watch the video",
            "download our",
            "download the app",
            "get the app",
            "get our newsletter",
        ])
    {
        return Some(RemovalKind::Boilerplate);
    }
    // Weather and similar widgets: a temperature, a forecast, "Hi 19 / Lo 9".
    if n <= 6
        && words
            .iter()
            .enumerate()
            .any(|(i, w)| is_temperature(w, words.get(i + 1).copied()))
    {
        return Some(RemovalKind::Widget);
    }
    const WEATHER: [&str; 21] = [
        "sunny",
        "cloudy",
        "partly",
        "mostly",
        "rain",
        "showers",
        "clear",
        "overcast",
        "fog",
        "foggy",
        "snow",
        "windy",
        "thunderstorms",
        "storms",
        "drizzle",
        "sleet",
        "hail",
        "mist",
        "light",
        "scattered",
        "and",
    ];
    let lw: Vec<&str> = letters_only.split_whitespace().collect();
    if n <= 4
        && !lw.is_empty()
        && lw.iter().all(|w| WEATHER.contains(w))
        && lw.iter().any(|w| *w != "and" && *w != "light")
    {
        return Some(RemovalKind::Widget);
    }
    let is_hi_lo = |w: &&str| matches!(*w, "hi" | "lo" | "high" | "low");
    if n <= 8
        && lw.iter().any(is_hi_lo)
        && lw.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()))
        && lw.iter().all(|w| {
            is_hi_lo(w)
                || matches!(*w, "max" | "min" | "c" | "f")
                || w.chars().all(|c| c.is_ascii_digit())
        })
    {
        return Some(RemovalKind::Widget);
    }
    // Share / follow / subscribe bars.
    const SOCIAL: [&str; 16] = [
        "facebook",
        "twitter",
        "x",
        "email",
        "e",
        "mail",
        "print",
        "whatsapp",
        "linkedin",
        "reddit",
        "telegram",
        "messenger",
        "pinterest",
        "copy",
        "link",
        "share",
    ];
    if (2..=12).contains(&n) && lw.iter().all(|w| SOCIAL.contains(w)) {
        return Some(RemovalKind::ShareBar);
    }
    const SHARE: [&str; 14] = [
        "share this",
        "share on",
        "share via",
        "share article",
        "share story",
        "follow us",
        "follow on",
        "tweet",
        "subscribe",
        "sign up for",
        "sign up to",
        "click here",
        "email this",
        "print this",
    ];
    if (n <= 10 && !s.ends_with('.') && SHARE.iter().any(|p| starts_with_words(&letters_only, p)))
        || has(&["share", "print", "email", "comments", "comment"])
    {
        return Some(RemovalKind::ShareBar);
    }
    // Section labels, related links, navigation and footer link rows.
    if has(&[
        "latest news",
        "latest",
        "top stories",
        "breaking news",
        "in other news",
    ]) {
        return Some(RemovalKind::SectionLabel);
    }
    if n <= 14 && starts(&["related:", "see also:", "read more:", "more:", "read also:"]) {
        return Some(RemovalKind::RelatedLinks);
    }
    if has(&[
        "popular articles",
        "popular",
        "most read",
        "most popular",
        "most viewed",
        "trending",
        "trending now",
        "related",
        "related articles",
        "related stories",
        "related news",
        "read more",
        "read also",
        "see also",
        "recommended",
        "more from",
    ]) || (letters_only.starts_with("read more") && n <= 12)
        || (letters_only.starts_with("more from") && n <= 6)
    {
        return Some(RemovalKind::RelatedLinks);
    }
    // A row of links: "Home | News | Region". With two or more bars a part may hold four words
    // (a site name run into the first link when table cells were flattened).
    let bars = s.matches(" | ").count();
    let max_part = if bars >= 2 { 4 } else { 3 };
    if bars >= if extracted { 2 } else { 1 }
        && s.split(" | ")
            .all(|part| part.split_whitespace().count() <= max_part)
        && n <= 24
    {
        let footer = [
            "privacy",
            "terms",
            "contact",
            "cookie",
            "imprint",
            "about us",
            "advertise",
            "sitemap",
        ]
        .iter()
        .any(|w| lower.contains(w));
        return Some(if footer {
            RemovalKind::Footer
        } else {
            RemovalKind::Navigation
        });
    }
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if !extracted
        && n <= 3
        && letters.len() >= 3
        && letters.iter().all(|c| c.is_uppercase())
        && s.chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace() || c == '&' || c == '/')
    {
        return Some(RemovalKind::SectionLabel);
    }
    None
}

fn starts_with_words(haystack: &str, prefix: &str) -> bool {
    haystack == prefix
        || haystack
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with(' '))
}

/// `17.2 C`, `17°C`, `-3 °F`, `17.2°`.
fn is_temperature(word: &str, next: Option<&str>) -> bool {
    let w = word.trim_end_matches([',', '.']);
    let num_end = w
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (i == 0 && (c == '-' || c == '+'))))
        .map(|(i, _)| i)
        .unwrap_or(w.len());
    let number = &w[..num_end];
    if !number.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let unit = &w[num_end..];
    match unit {
        "°" | "°C" | "°F" | "ºC" | "ºF" | "C" | "F" | "℃" | "℉" => true,
        "" => matches!(next, Some("C" | "F" | "°C" | "°F" | "°" | "ºC" | "ºF")),
        _ => false,
    }
}

fn markdown_line(
    text: &str,
    content: Range<usize>,
    in_code_fence: &mut bool,
    src: &MappedText,
    removed: &mut Vec<Removal>,
) -> Line {
    let s = &text[content.clone()];
    if s.starts_with("```") || s.starts_with("~~~") {
        *in_code_fence = !*in_code_fence;
        return Line {
            content,
            kind: LineKind::Removed(RemovalKind::Markup),
            pieces: Vec::new(),
        };
    }
    if *in_code_fence {
        return Line {
            pieces: vec![content.clone()],
            content,
            kind: LineKind::Item,
        };
    }
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() >= 3
        && (compact.chars().all(|c| c == '-')
            || compact.chars().all(|c| c == '*')
            || compact.chars().all(|c| c == '_')
            || compact.chars().all(|c| c == '='))
    {
        return Line {
            content,
            kind: LineKind::Removed(RemovalKind::Markup),
            pieces: Vec::new(),
        };
    }
    let mut start = content.start;
    let mut kind = LineKind::Text;
    let hashes = s.bytes().take_while(|b| *b == b'#').count();
    if (1..=6).contains(&hashes) && s[hashes..].starts_with([' ', '\t']) {
        start += hashes;
        kind = LineKind::Heading;
    } else {
        loop {
            let rest = &text[start..content.end];
            if let Some(r) = rest.strip_prefix('>') {
                start = content.end - r.len();
                kind = LineKind::Item;
                continue;
            }
            let marker = if rest.starts_with(['-', '*', '+']) && rest[1..].starts_with([' ', '\t'])
            {
                1
            } else {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                if (1..=3).contains(&digits)
                    && rest[digits..].starts_with(['.', ')'])
                    && rest[digits + 1..].starts_with([' ', '\t'])
                {
                    digits + 1
                } else {
                    0
                }
            };
            if marker > 0 {
                start += marker;
                kind = LineKind::Item;
            }
            break;
        }
    }
    let mut inner = trim_range(text, start..content.end);
    if kind == LineKind::Heading {
        // Closing hashes of an ATX heading.
        let t = &text[inner.clone()];
        let without = t.trim_end_matches('#');
        if without.len() < t.len() && (without.is_empty() || without.ends_with(' ')) {
            inner = trim_range(text, inner.start..inner.start + without.len());
        }
    }
    let pieces = markdown_inline(text, inner, src, removed);
    let plain: String = pieces.iter().map(|p| &text[p.clone()]).collect();
    if kind == LineKind::Text {
        if let Some(k) = classify_line(&plain) {
            kind = LineKind::Removed(k);
        }
    }
    if pieces.is_empty() && !matches!(kind, LineKind::Removed(_)) {
        kind = LineKind::Removed(RemovalKind::Markup);
    }
    Line {
        content,
        kind,
        pieces,
    }
}

/// Kept pieces of a Markdown line: link text without its target, no emphasis markers or
/// backticks; images are dropped (recorded as removals).
fn markdown_inline(
    text: &str,
    range: Range<usize>,
    src: &MappedText,
    removed: &mut Vec<Removal>,
) -> Vec<Range<usize>> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let keep = |r: Range<usize>, pieces: &mut Vec<Range<usize>>| {
        if r.is_empty() {
            return;
        }
        match pieces.last_mut() {
            Some(last) if last.end == r.start => last.end = r.end,
            _ => pieces.push(r),
        }
    };
    let s = &text[range.clone()];
    let base = range.start;
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut run_start = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'!' | b'[' => {
                let bracket = if b == b'!' { i + 1 } else { i };
                if bytes.get(bracket) != Some(&b'[') {
                    i += 1;
                    continue;
                }
                let Some(link) = parse_link(s, bracket) else {
                    i += 1;
                    continue;
                };
                keep(base + run_start..base + i, &mut pieces);
                if b == b'!' {
                    removed.push(removal(
                        src,
                        RemovalKind::ImagePlaceholder,
                        base + i..base + link.end,
                    ));
                } else {
                    keep(base + link.text.start..base + link.text.end, &mut pieces);
                    removed.push(removal(
                        src,
                        RemovalKind::Markup,
                        base + link.target.start..base + link.target.end,
                    ));
                }
                i = link.end;
                run_start = i;
            }
            b'*' | b'_' | b'`' => {
                let run = bytes[i..].iter().take_while(|c| **c == b).count();
                let before = s[..i].chars().next_back();
                let after = s[i + run..].chars().next();
                let is_markup = match b {
                    b'`' => true,
                    b'*' => {
                        !(before.is_some_and(char::is_whitespace)
                            && after.is_some_and(char::is_whitespace))
                    }
                    // Underscores inside words (snake_case, URLs) are text.
                    _ => {
                        !(before.is_some_and(char::is_alphanumeric)
                            && after.is_some_and(char::is_alphanumeric))
                    }
                };
                if is_markup {
                    keep(base + run_start..base + i, &mut pieces);
                    run_start = i + run;
                }
                i += run;
            }
            _ => i += 1,
        }
    }
    keep(base + run_start..base + bytes.len(), &mut pieces);
    // Trim whitespace at the ends of the line's kept text.
    if let Some(first) = pieces.first_mut() {
        *first = trim_start_range(text, first.clone());
    }
    if let Some(last) = pieces.last_mut() {
        let t = &text[last.clone()];
        last.end = last.start + t.trim_end().len();
    }
    pieces.retain(|p| !p.is_empty());
    pieces
}

fn trim_start_range(text: &str, r: Range<usize>) -> Range<usize> {
    let t = &text[r.clone()];
    r.start + (t.len() - t.trim_start().len())..r.end
}

struct Link {
    text: Range<usize>,
    target: Range<usize>,
    end: usize,
}

/// `[text](target)` starting at `open` (the `[`), offsets relative to `s`.
fn parse_link(s: &str, open: usize) -> Option<Link> {
    let close = open + 1 + s.get(open + 1..)?.find(']')?;
    let rest = s.get(close + 1..)?;
    if !rest.starts_with('(') {
        return None;
    }
    let paren_close = close + 1 + rest.find(')')?;
    Some(Link {
        text: open + 1..close,
        target: close + 1..paren_close + 1,
        end: paren_close + 1,
    })
}

fn is_boilerplate(kind: &LineKind) -> bool {
    matches!(
        kind,
        LineKind::Removed(
            RemovalKind::Widget
                | RemovalKind::Advertisement
                | RemovalKind::Navigation
                | RemovalKind::SectionLabel
                | RemovalKind::ShareBar
                | RemovalKind::RelatedLinks
                | RemovalKind::Header
        )
    )
}

fn line_text<'a>(text: &'a str, line: &Line) -> String {
    let s: &'a str = &text[line.content.clone()];
    if line.pieces.len() == 1 && line.pieces[0] == line.content {
        s.to_string()
    } else {
        line.pieces.iter().map(|p| &text[p.clone()]).collect()
    }
}

/// Where the title and the bare date lines of a text are.
struct TopLines {
    /// The line that became the title.
    title: Option<usize>,
    /// Lines that are a date and nothing else (page dates or publication dates).
    dates: Vec<usize>,
}

/// Find titles, bylines, date lines, trailers and datelines; mark the lines they occupy; then
/// use the layout around furniture lines to find lists of other headlines and mastheads.
fn classify_metadata(
    text: &str,
    lines: &mut [Line],
    mode: CleanMode,
    layout: Option<Layout>,
    src: &MappedText,
    cands: &mut Candidates,
) -> TopLines {
    let orig = |r: &Range<usize>| Some(src.to_original(Span::from(r.clone())));
    let n = lines.len();
    let texts: Vec<String> = lines.iter().map(|l| line_text(text, l)).collect();
    let is_text = |l: &Line| matches!(l.kind, LineKind::Text | LineKind::Heading);
    // Lines the layout sets apart from the text line below them (headlines, subheads).
    let standing_alone: Vec<bool> = (0..n)
        .map(|i| {
            let next = lines.get(i + 1);
            layout.is_some_and(|layout| {
                lines[i].kind == LineKind::Text
                    && next.is_some_and(|l| l.kind == LineKind::Text)
                    && texts
                        .get(i + 1)
                        .is_some_and(|next| layout.headline_break(&texts[i], next))
            })
        })
        .collect();
    // The top region (title, byline, date lines) ends at the first line of running text.
    let top_end = (0..n)
        .find(|&i| {
            lines[i].kind == LineKind::Text
                && !standing_alone[i]
                && texts[i].split_whitespace().count() >= 12
                && (texts[i].ends_with(['.', '"', '”'])
                    || lines.get(i + 1).is_some_and(|l| l.kind == LineKind::Text))
                && byline_of(&texts[i]).is_none()
        })
        .unwrap_or(n);
    // Pass 1: labelled lines.
    let mut bare_dates = Vec::new();
    let mut labelled: Vec<usize> = Vec::new();
    for i in 0..n {
        if !is_text(&lines[i]) {
            continue;
        }
        let s = texts[i].as_str();
        let content = lines[i].content.clone();
        let standalone = prev_nonblank(lines, i).is_none_or(|p| {
            !is_text(&lines[p]) || texts[p].ends_with(['.', '!', '?', '"', '”', '’', ')', ':'])
        });
        if i < top_end {
            if let Some(parts) = byline_of(s) {
                let mut authors = 0;
                for part in parts {
                    match part {
                        BylinePart::Author(a) => {
                            authors += 1;
                            cands.add_author(
                                &a,
                                EvidenceSource::Byline,
                                orig(&content),
                                confidence::DATELINE,
                            )
                        }
                        BylinePart::Affiliation(a) => {
                            // "By Jane Doe, Nordwire": the organisation the text is credited to.
                            cands.add_outlet(&a, EvidenceSource::Byline, orig(&content), 0.55);
                            if a.split_whitespace().count() == 1 {
                                cands.add_agency(
                                    &a,
                                    EvidenceSource::Byline,
                                    orig(&content),
                                    confidence::DATELINE,
                                );
                            }
                        }
                        BylinePart::Date(d) => cands.add_published(
                            d.date,
                            d.time,
                            EvidenceSource::Byline,
                            orig(&content),
                            confidence::DATELINE,
                        ),
                    }
                }
                if authors > 0 {
                    lines[i].kind = LineKind::Removed(RemovalKind::Metadata);
                    labelled.push(i);
                    continue;
                }
            }
            // A press release's marker: alone on its line it is a label (the headline above
            // it stands apart); with a date after it, the date is the release's.
            if is_release_marker(s) {
                lines[i].kind = LineKind::Removed(RemovalKind::Metadata);
                labelled.push(i);
                continue;
            }
            if let Some(rest) = strip_label(
                s,
                &[
                    "published",
                    "published on",
                    "posted",
                    "posted on",
                    "first published",
                    "for immediate release",
                    "for release",
                    "date",
                ],
            ) {
                if let Some(d) = parse_date(rest).or_else(|| date_prefix(rest).map(|(d, _)| d)) {
                    cands.add_published(
                        d.date,
                        d.time,
                        EvidenceSource::Text,
                        orig(&content),
                        confidence::PUBLISHED_LINE,
                    );
                    lines[i].kind = LineKind::Removed(RemovalKind::Metadata);
                    labelled.push(i);
                    continue;
                }
            }
            if let Some(rest) = strip_label(s, &["updated", "last updated", "modified"]) {
                if parse_date(rest)
                    .or_else(|| date_prefix(rest).map(|(d, _)| d))
                    .is_some()
                {
                    lines[i].kind = LineKind::Removed(RemovalKind::Metadata);
                    continue;
                }
            }
            if let Some(d) = parse_date(s) {
                bare_dates.push((i, d));
                lines[i].kind = LineKind::Removed(RemovalKind::Metadata);
                continue;
            }
        }
        if standalone {
            if let Some(rest) = strip_label(s, &["source", "sources"]) {
                if rest.split_whitespace().count() <= 6 {
                    let name = rest.trim_end_matches(['.', ')']);
                    cands.add_agency(
                        name,
                        EvidenceSource::Trailer,
                        orig(&content),
                        confidence::LABELLED_TEXT,
                    );
                    cands.add_outlet(name, EvidenceSource::Trailer, orig(&content), 0.4);
                    lines[i].kind = LineKind::Removed(RemovalKind::Metadata);
                    continue;
                }
            }
        }
    }
    // Pass 2: the title.
    let headline =
        |i: usize, lines: &[Line]| -> bool { is_text(&lines[i]) && looks_like_title(&texts[i]) };
    let markdown = mode == CleanMode::Markdown;
    let mut title;
    if mode == CleanMode::Extracted {
        // The page's metadata already names the headline; a line repeating it is dropped as
        // metadata, and no other line is guessed to be the title.
        let known: Vec<String> = cands
            .title
            .iter()
            .map(|t| normalise_title(&t.value))
            .collect();
        title = (0..top_end.min(n))
            .find(|&i| is_text(&lines[i]) && known.contains(&normalise_title(&texts[i])));
    } else if markdown {
        title = (0..top_end.min(n)).find(|&i| lines[i].kind == LineKind::Heading);
    } else {
        // Strongest: a headline directly followed by a byline or "Published" line; then one
        // followed by a bare date (a masthead is followed by the page's date too, so it comes
        // second).
        let followed_by = |i: usize, lines: &[Line], want_labelled: bool| {
            next_nonblank(lines, i).is_some_and(|j| {
                lines[j].kind == LineKind::Removed(RemovalKind::Metadata)
                    && labelled.contains(&j) == want_labelled
            })
        };
        title = (0..top_end.min(n)).find(|&i| headline(i, lines) && followed_by(i, lines, true));
        if title.is_none() {
            title =
                (0..top_end.min(n)).find(|&i| headline(i, lines) && followed_by(i, lines, false));
        }
        if title.is_none() {
            // "Title\n\nBody...": a headline standing alone before the first running text.
            title = (0..top_end.min(n)).find(|&i| {
                headline(i, lines)
                    && lines.get(i + 1).is_some_and(|l| l.kind == LineKind::Blank)
                    && next_nonblank(lines, i).is_some_and(|j| is_text(&lines[j]))
            });
        }
        if title.is_none() {
            // "Headline\nShare | Tweet | Email\n\nBody...": a headline with furniture (a share
            // bar, a navigation row) between it and the story's lead. The line after the
            // furniture must read as a lead (a sentence of a dozen words or more), so a masthead
            // over a menu and a list of headlines is not taken for the title.
            let lead_after_furniture = |i: usize, lines: &[Line]| {
                let mut j = i + 1;
                let mut furniture = 0;
                while j < n && (lines[j].kind == LineKind::Blank || is_boilerplate(&lines[j].kind))
                {
                    furniture += usize::from(lines[j].kind != LineKind::Blank);
                    j += 1;
                }
                furniture > 0
                    && j < n
                    && lines[j].kind == LineKind::Text
                    && texts[j].split_whitespace().count() >= 12
                    && texts[j].trim_end().ends_with(['.', '"', '”', '!', '?'])
            };
            title =
                (0..top_end.min(n)).find(|&i| headline(i, lines) && lead_after_furniture(i, lines));
        }
        if title.is_none() {
            // "Title\nBody...": the first line of text, when the layout sets it apart from the
            // lead right below it. The line below must read as a lead: a stack of short lines
            // ("Ivo Rask\nPort Director\nTessaly Harbour Authority", an address, a list) is
            // lines standing alone, not a headline over its story.
            let leads = |j: usize| {
                lines.get(j).is_some_and(|l| l.kind == LineKind::Text)
                    && !standing_alone.get(j).copied().unwrap_or(true)
                    && texts
                        .get(j)
                        .is_some_and(|t| t.split_whitespace().count() >= 6)
            };
            title = (0..top_end.min(n))
                .find(|&i| is_text(&lines[i]))
                .filter(|&i| headline(i, lines) && standing_alone[i] && leads(i + 1));
        }
        if title.is_none() {
            // A record that is one headline (with date or byline lines around it).
            let mut text_lines = (0..n).filter(|&i| is_text(&lines[i]));
            if let (Some(i), None) = (text_lines.next(), text_lines.next()) {
                if headline(i, lines) {
                    title = Some(i);
                }
            }
        }
    }
    if let Some(i) = title {
        cands.add_title(
            &texts[i],
            EvidenceSource::Text,
            orig(&lines[i].content),
            confidence::FIRST_LINE,
        );
        lines[i].kind = LineKind::Removed(RemovalKind::Metadata);
    }
    let date_lines: Vec<usize> = bare_dates.iter().map(|(i, _)| *i).collect();
    // Pass 3: a bare date beside furniture, or above the title with furniture above it too, is
    // page chrome (the masthead's "today"). A bare date line with no furniture around it, even
    // above the headline ("July 13, 2009\nHeadline\nLead"), is how articles copied as text and
    // news records carry their own date.
    for (i, d) in bare_dates {
        let content = lines[i].content.clone();
        let before_title = title.is_none_or(|t| i < t);
        let chrome_neighbour = neighbours(lines, i).any(|k| is_boilerplate(&k));
        let chrome_above = lines[..i].iter().any(|l| is_boilerplate(&l.kind));
        if chrome_neighbour || (before_title && chrome_above) {
            cands.page_dates.push(triangulate_doc::MetaValue::new(
                d.date,
                EvidenceSource::Text,
                orig(&content),
                confidence::BARE_DATE,
            ));
            lines[i].kind = LineKind::Removed(RemovalKind::Header);
        } else {
            cands.add_published(
                d.date,
                d.time,
                EvidenceSource::Text,
                orig(&content),
                confidence::BARE_DATE,
            );
        }
    }
    // Pass 4 (not for extracted HTML, whose layout the extractor already judged): headline
    // lists, wedged headlines, mastheads.
    if mode != CleanMode::Extracted {
        // Pass 4: headline lists after "LATEST NEWS" / "Popular Articles", headlines wedged between
        // furniture, and a masthead line at the very top.
        let mut i = 0;
        while i < n {
            if is_list_header(&lines[i].kind, &texts[i]) {
                let mut j = i + 1;
                while j < n && lines[j].kind == LineKind::Text && headline(j, lines) {
                    lines[j].kind = LineKind::Removed(RemovalKind::RelatedLinks);
                    j += 1;
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
        let furniture = |k: Option<&LineKind>| match k {
            None => true,
            Some(LineKind::Removed(RemovalKind::Metadata)) => false,
            Some(LineKind::Removed(_)) => true,
            _ => false,
        };
        for i in 0..n {
            if lines[i].kind != LineKind::Text || !headline(i, lines) {
                continue;
            }
            let prev = prev_nonblank(lines, i).map(|p| &lines[p].kind);
            let next = next_nonblank(lines, i).map(|j| &lines[j].kind);
            if prev.is_none() && next.is_some() && furniture(next) {
                lines[i].kind = LineKind::Removed(RemovalKind::Header);
            } else if prev.is_some() && furniture(prev) && furniture(next) {
                lines[i].kind = LineKind::Removed(RemovalKind::RelatedLinks);
            }
        }
    }
    // Pass 5: copyright holders name the outlet.
    for i in 0..n {
        if lines[i].kind == LineKind::Removed(RemovalKind::Copyright) {
            if let Some(name) = copyright_holder(&texts[i]) {
                cands.add_outlet(
                    &name,
                    EvidenceSource::CopyrightLine,
                    orig(&lines[i].content),
                    confidence::COPYRIGHT,
                );
            }
        }
    }
    // Pass 6: the dateline opens the first line of running text.
    let first_body_line =
        (0..n).find(|&i| matches!(lines[i].kind, LineKind::Text | LineKind::Item));
    if let Some(i) = first_body_line {
        let first = lines[i]
            .pieces
            .first()
            .cloned()
            .unwrap_or(lines[i].content.clone());
        if let Some(dl) = parse_dateline(&text[first.clone()]) {
            let at = |r: Range<usize>| orig(&(first.start + r.start..first.start + r.end));
            if let Some(place) = dl.place {
                if let Some(v) = crate::meta::clean_value(
                    &text[first.start + place.start..first.start + place.end],
                ) {
                    cands.dateline_place.push(triangulate_doc::MetaValue::new(
                        v,
                        EvidenceSource::Dateline,
                        at(place),
                        confidence::DATELINE,
                    ));
                }
            }
            if let Some((d, r)) = dl.date {
                cands.add_published(
                    d.date,
                    d.time,
                    EvidenceSource::Dateline,
                    at(r),
                    confidence::DATELINE,
                );
            }
            if let Some(r) = dl.agency {
                let name = text[first.start + r.start..first.start + r.end].to_string();
                cands.add_agency(
                    &name,
                    EvidenceSource::Dateline,
                    at(r.clone()),
                    confidence::DATELINE,
                );
                cands.add_outlet(&name, EvidenceSource::Dateline, at(r), 0.45);
            }
        }
    }
    TopLines {
        title,
        dates: date_lines,
    }
}

fn normalise_title(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['’', '‘'], "'")
        .replace(['“', '”'], "\"")
}

fn is_list_header(kind: &LineKind, text: &str) -> bool {
    if !matches!(
        kind,
        LineKind::Removed(RemovalKind::RelatedLinks | RemovalKind::SectionLabel)
    ) {
        return false;
    }
    let t = text.to_lowercase();
    [
        "latest",
        "popular",
        "most read",
        "most popular",
        "most viewed",
        "trending",
        "related",
        "recommended",
        "more from",
        "top stories",
        "read more",
        "in other news",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

fn prev_nonblank(lines: &[Line], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| lines[j].kind != LineKind::Blank)
}

fn neighbours(lines: &[Line], i: usize) -> impl Iterator<Item = LineKind> + '_ {
    let before = lines[..i]
        .iter()
        .rev()
        .filter(|l| l.kind != LineKind::Blank)
        .take(2);
    let after = lines[i + 1..]
        .iter()
        .filter(|l| l.kind != LineKind::Blank)
        .take(2);
    before.chain(after).map(|l| l.kind.clone())
}

fn next_nonblank(lines: &[Line], i: usize) -> Option<usize> {
    (i + 1..lines.len()).find(|&j| lines[j].kind != LineKind::Blank)
}

fn looks_like_title(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let first = s.chars().next();
    (2..=25).contains(&words)
        && s.len() <= 250
        && !s.ends_with(['.', ',', ';', ':'])
        && first.is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"'“‘".contains(c))
        && parse_dateline(s).is_none()
}

/// A press release's marker alone on its line: "FOR IMMEDIATE RELEASE", "For immediate
/// release:", "For Release".
fn is_release_marker(s: &str) -> bool {
    let t = s.trim().trim_end_matches([':', '.', ' ']);
    ["for immediate release", "for release"]
        .iter()
        .any(|m| t.eq_ignore_ascii_case(m))
}

/// `label: rest`, `label rest`, `label - rest` (case-insensitive); the longest label wins.
fn strip_label<'a>(s: &'a str, labels: &[&str]) -> Option<&'a str> {
    let t = s
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    let mut best: Option<&'a str> = None;
    for label in labels {
        let Some(head) = t.get(..label.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(label) {
            continue;
        }
        let rest = &t[label.len()..];
        if !rest.starts_with([' ', ':', '\t']) {
            continue;
        }
        let rest = rest
            .trim_start_matches([' ', ':', '\t', '-', '–', '—'])
            .trim();
        if rest.is_empty() {
            continue;
        }
        if best.is_none_or(|b| rest.len() < b.len()) {
            best = Some(rest);
        }
    }
    best
}

enum BylinePart {
    Author(String),
    /// The organisation after the names: "By Jane Doe, Nordwire".
    Affiliation(String),
    Date(crate::dates::ParsedDate),
}

/// A "By ..." line split into its parts, or `None` when the line is not a byline.
fn byline_of(s: &str) -> Option<Vec<BylinePart>> {
    let rest = strip_label(s, &["by", "written by", "words by"])?;
    byline_parts(rest)
}

const JOB_WORDS: &[&str] = &[
    "correspondent",
    "editor",
    "reporter",
    "staff",
    "writer",
    "columnist",
    "contributor",
    "producer",
    "analyst",
    "bureau",
    "chief",
];

/// "Jane Doe and John Roe, Nordwire | March 3, 2025" → authors, affiliation, date. `None` when
/// the line reads as a sentence rather than a byline.
fn byline_parts(rest: &str) -> Option<Vec<BylinePart>> {
    if rest.split_whitespace().count() > 16 || (rest.ends_with('.') && !rest.ends_with(" Jr.")) {
        return None;
    }
    let is_name_word = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            || matches!(
                w,
                "de" | "van"
                    | "von"
                    | "der"
                    | "da"
                    | "del"
                    | "la"
                    | "le"
                    | "al"
                    | "bin"
                    | "and"
                    | "&"
            )
    };
    let mut parts = Vec::new();
    for chunk in rest.split(['|', ';', '·', '•']) {
        let chunk = chunk.trim();
        if chunk.is_empty() {
            continue;
        }
        if let Some(d) = parse_date(chunk).or_else(|| date_prefix(chunk).map(|(d, _)| d)) {
            parts.push(BylinePart::Date(d));
            continue;
        }
        for (k, piece) in chunk.split(',').enumerate() {
            let piece = piece.trim();
            if piece.is_empty() {
                continue;
            }
            if !piece.split_whitespace().all(is_name_word) {
                return None;
            }
            let lower = piece.to_lowercase();
            if lower.split_whitespace().any(|w| JOB_WORDS.contains(&w)) {
                continue;
            }
            if k > 0 {
                parts.push(BylinePart::Affiliation(piece.to_string()));
                continue;
            }
            for name in piece.split(" and ").flat_map(|p| p.split(" & ")) {
                let name = name.trim();
                let words = name.split_whitespace().count();
                if words == 1 && parts.is_empty() {
                    // "By Nordwire": the agency itself.
                    parts.push(BylinePart::Affiliation(name.to_string()));
                } else if (2..=4).contains(&words) {
                    parts.push(BylinePart::Author(name.to_string()));
                } else if words > 4 {
                    return None;
                }
            }
        }
    }
    (!parts.is_empty()).then_some(parts)
}

/// The holder named in a copyright line: "© 2025 The Brenna Herald. All rights reserved."
pub(crate) fn copyright_holder(s: &str) -> Option<String> {
    let mut t = s.trim().to_string();
    // "ⓒ" (circled small c) is how Korean and Japanese pages often write the sign.
    for p in [
        "©",
        "ⓒ",
        "Ⓒ",
        "(c)",
        "(C)",
        "Copyright",
        "copyright",
        "COPYRIGHT",
    ] {
        t = t.replace(p, " ");
    }
    let lower = t.to_lowercase();
    if let Some(i) = lower.find("all rights reserved") {
        t.truncate(i);
    }
    // "The Esterian Courier, Vask. Reprinting prohibited." → the holder before the first break.
    if let Some(i) = t
        .find([',', ';', '|'])
        .into_iter()
        .chain(t.find(". "))
        .min()
    {
        t.truncate(i);
    }
    let words: Vec<&str> = t
        .split_whitespace()
        .filter(|w| {
            !w.trim_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '–')
        })
        .collect();
    let name = words.join(" ");
    let name = name.trim_matches(|c: char| c.is_whitespace() || ".,;:-–".contains(c));
    let n = name.split_whitespace().count();
    ((1..=6).contains(&n)).then(|| name.to_string())
}

/// Parts of a dateline, as ranges relative to the paragraph start.
#[derive(Debug, Default)]
pub struct Dateline {
    /// "BRENNA".
    pub place: Option<Range<usize>>,
    /// "March 3" (partial unless the dateline gives a year) and where it stands.
    pub date: Option<(crate::dates::ParsedDate, Range<usize>)>,
    /// "Nordwire" from "(Nordwire)".
    pub agency: Option<Range<usize>>,
    /// End of the dateline (after the dash).
    pub end: usize,
}

/// "BRENNA, March 3 (Nordwire) — ...", "BRENNA (Nordwire) - ...", "BRENNA, Vestria, March 3 —".
pub fn parse_dateline(s: &str) -> Option<Dateline> {
    let window_end = s.char_indices().nth(160).map(|(i, _)| i).unwrap_or(s.len());
    let window = &s[..window_end];
    let (dash, dash_len) = ["—", "–", " - ", "--"]
        .iter()
        .filter_map(|d| window.find(d).map(|i| (i, d.len())))
        .min_by_key(|(i, _)| *i)?;
    let mut head_end = s[..dash].trim_end().len();
    let mut dl = Dateline {
        end: dash + dash_len,
        ..Dateline::default()
    };
    let head = &s[..head_end];
    if head.ends_with(')') {
        let open = head.rfind('(')?;
        let inner = &head[open + 1..head.len() - 1];
        let inner_trim = inner.trim();
        let words = inner_trim.split_whitespace().count();
        if words == 0 || words > 5 || inner_trim.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let lead = inner.len() - inner.trim_start().len();
        dl.agency = Some(open + 1 + lead..open + 1 + lead + inner_trim.len());
        head_end = s[..open].trim_end().len();
    }
    let head = s[..head_end].trim_end_matches(',');
    let head_end = head.len();
    let place_end = head.find(',').unwrap_or(head_end);
    let place = &head[..place_end];
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2
        || !letters.iter().all(|c| c.is_uppercase())
        || place.split_whitespace().count() > 4
        || place.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    dl.place = Some(0..place.trim_end().len());
    // After the place: an optional region or country, then an optional date.
    let mut pos = place_end;
    while pos < head_end {
        let rest_start = pos + 1;
        let rest = &head[rest_start.min(head_end)..];
        let lead = rest.len() - rest.trim_start().len();
        let rest_trim = rest.trim();
        if let Some(d) = parse_date(rest_trim) {
            let start = rest_start + lead;
            dl.date = Some((d, start..start + rest_trim.len()));
            break;
        }
        match rest.find(',') {
            Some(c) => pos = rest_start + c,
            None => break,
        }
    }
    if dl.date.is_none() && dl.agency.is_none() && place_end != head_end {
        // "WORD, something that is no date —" is a sentence, not a dateline.
        let tail = &head[place_end + 1..];
        if tail.split_whitespace().count() > 3 {
            return None;
        }
    }
    Some(dl)
}

/// Join the kept lines into paragraphs.
fn join_paragraphs(
    src: &MappedText,
    lines: &[Line],
    mode: CleanMode,
    layout: Option<Layout>,
) -> MappedText {
    let text = src.text.as_str();
    let mut paragraphs: Vec<Vec<&Line>> = Vec::new();
    let mut current: Vec<&Line> = Vec::new();
    for line in lines {
        match line.kind {
            LineKind::Text if !line.pieces.is_empty() => current.push(line),
            LineKind::Heading | LineKind::Item if !line.pieces.is_empty() => {
                if !current.is_empty() {
                    paragraphs.push(std::mem::take(&mut current));
                }
                current.push(line);
                if line.kind == LineKind::Heading {
                    paragraphs.push(std::mem::take(&mut current));
                }
            }
            _ => {
                if !current.is_empty() {
                    paragraphs.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    if let Some(layout) = layout {
        paragraphs = split_at_headlines(text, paragraphs, layout);
    }
    if mode == CleanMode::Scraped {
        paragraphs = split_at_short_lines(text, paragraphs);
    }
    // The document's own words: a fragment pair whose join is one of them, while a fragment is
    // not, was a word broken by the wrap ("gov" + "ernment" where "government" occurs elsewhere).
    let mut vocabulary: HashMap<String, usize> = HashMap::new();
    if mode != CleanMode::Extracted {
        for word in paragraphs
            .iter()
            .flatten()
            .flat_map(|l| text[l.content.clone()].split_whitespace())
        {
            let w = word
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase();
            if w.chars().count() >= 2 {
                *vocabulary.entry(w).or_insert(0) += 1;
            }
        }
    }
    let mut b = MappedTextBuilder::with_capacity(text.len());
    for para in &paragraphs {
        let Some(first) = para.first().and_then(|l| l.pieces.first()) else {
            continue;
        };
        if !b.is_empty() {
            let at = src.to_original(Span::new(first.start, first.start)).start;
            b.push_inserted("\n\n", at);
        }
        // Pieces of the paragraph, with whether each starts a new line.
        let mut pieces: Vec<(Range<usize>, bool)> = Vec::new();
        for line in para {
            for (k, p) in line.pieces.iter().enumerate() {
                pieces.push((p.clone(), k == 0 && !pieces.is_empty()));
            }
        }
        // Decide the join at each line boundary before emitting anything.
        let mut cut_end: Vec<usize> = pieces.iter().map(|(p, _)| p.end).collect();
        let mut cut_start: Vec<usize> = pieces.iter().map(|(p, _)| p.start).collect();
        let mut joins: Vec<Option<String>> = vec![None; pieces.len()];
        for k in 1..pieces.len() {
            if !pieces[k].1 {
                continue;
            }
            let prev = pieces[k - 1].0.clone();
            let next = pieces[k].0.clone();
            let a_start = last_word_start(text, prev.clone());
            let b_end = first_word_end(text, next.clone());
            if a_start < cut_start[k - 1] || b_end > cut_end[k] {
                continue;
            }
            if mode == CleanMode::Extracted {
                continue;
            }
            if let Some(joined) = word_join(
                &text[a_start..prev.end],
                &text[next.start..b_end],
                &vocabulary,
            ) {
                cut_end[k - 1] = a_start;
                cut_start[k] = b_end;
                joins[k] = Some(joined);
            }
        }
        for (k, (piece, new_line)) in pieces.iter().enumerate() {
            if *new_line {
                let prev = &pieces[k - 1].0;
                match &joins[k] {
                    Some(joined) => {
                        let a_start = cut_end[k - 1];
                        b.push_replacing(joined, src, a_start..cut_start[k]);
                    }
                    // Extracted text's line breaks are layout the extractor chose: keep them.
                    None if mode == CleanMode::Extracted => b.push_from(src, prev.end..piece.start),
                    None => b.push_replacing(" ", src, prev.end..piece.start),
                }
            } else if k > 0 && pieces[k - 1].0.end < piece.start {
                // Markup removed inside a line: the kept text simply continues.
            }
            if cut_start[k] < cut_end[k] {
                b.push_from(src, cut_start[k]..cut_end[k]);
            }
        }
    }
    b.finish()
}

/// A headline or subhead line that the layout sets apart ([`Layout::headline_break`]) is a
/// paragraph of its own, not the start of the next line's sentence.
fn split_at_headlines<'a>(
    text: &str,
    paragraphs: Vec<Vec<&'a Line>>,
    layout: Layout,
) -> Vec<Vec<&'a Line>> {
    let mut out = Vec::with_capacity(paragraphs.len());
    for para in paragraphs {
        let mut current: Vec<&Line> = Vec::new();
        for line in para {
            let after_headline = current.last().is_some_and(|prev| {
                prev.kind == LineKind::Text
                    && line.kind == LineKind::Text
                    && layout
                        .headline_break(&text[prev.content.clone()], &text[line.content.clone()])
            });
            if after_headline {
                out.push(std::mem::take(&mut current));
            }
            current.push(line);
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

/// In hard-wrapped text a paragraph's last line is short: where a line ends a sentence well
/// before the wrap width, start a new paragraph even without a blank line.
fn split_at_short_lines<'a>(text: &str, paragraphs: Vec<Vec<&'a Line>>) -> Vec<Vec<&'a Line>> {
    let mut widths: Vec<usize> = paragraphs
        .iter()
        .flatten()
        .map(|l| text[l.content.clone()].chars().count())
        .collect();
    if widths.len() < 4 {
        return paragraphs;
    }
    widths.sort_unstable();
    let wrap_width = widths[widths.len() * 9 / 10];
    if wrap_width < 40 {
        return paragraphs;
    }
    let mut out = Vec::new();
    for para in paragraphs {
        let mut current = Vec::new();
        for line in para {
            current.push(line);
            let s = &text[line.content.clone()];
            let short = s.chars().count() * 10 < wrap_width * 7;
            if short
                && s.ends_with(['.', '!', '?', '"', '”', '’', ':'])
                && line.kind == LineKind::Text
            {
                out.push(std::mem::take(&mut current));
            }
        }
        if !current.is_empty() {
            out.push(current);
        }
    }
    out
}

fn last_word_start(text: &str, r: Range<usize>) -> usize {
    let s = &text[r.clone()];
    s.char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map(|(i, c)| r.start + i + c.len_utf8())
        .unwrap_or(r.start)
}

fn first_word_end(text: &str, r: Range<usize>) -> usize {
    let s = &text[r.clone()];
    s.find(|c: char| c.is_whitespace())
        .map(|i| r.start + i)
        .unwrap_or(r.end)
}

/// Words that are complete on their own, so a line ending in one is not a broken word.
const COMMON_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "is", "was", "are", "were", "be", "been", "it", "its", "he", "she", "they", "we",
    "you", "i", "his", "her", "their", "our", "this", "that", "these", "those", "not", "no", "so",
    "if", "than", "then", "up", "out", "into", "over", "after", "before", "about", "said", "says",
    "has", "had", "have", "will", "would", "can", "could", "may", "also", "new", "more", "most",
    "one", "two", "all", "any", "some", "who", "which", "what", "when", "where", "there", "here",
    "do", "did", "does", "my", "me", "him", "them", "us", "am", "an", "per", "via", "off", "under",
];

/// Whether a line-final fragment and a line-initial fragment form one word, and the word.
fn word_join(
    end_frag: &str,
    start_frag: &str,
    vocabulary: &HashMap<String, usize>,
) -> Option<String> {
    let next_first = start_frag.chars().next()?;
    if !next_first.is_lowercase() {
        return None;
    }
    let b_core = start_frag.trim_end_matches(|c: char| !c.is_alphanumeric());
    // Hyphenation at the line end: "agree-" + "ment".
    if let Some(stem) = end_frag.strip_suffix('-') {
        let stem_ok = stem.chars().last().is_some_and(char::is_alphabetic)
            && stem
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’');
        if stem_ok && !b_core.is_empty() && b_core.chars().all(char::is_alphabetic) {
            // A compound the document writes with its hyphen elsewhere ("well-known") keeps it.
            let hyphenated = format!("{}-{}", stem.to_lowercase(), b_core.to_lowercase());
            let solid = format!("{}{}", stem.to_lowercase(), b_core.to_lowercase());
            if vocabulary.contains_key(&hyphenated) && !vocabulary.contains_key(&solid) {
                return Some(format!("{stem}-{start_frag}"));
            }
            return Some(format!("{stem}{start_frag}"));
        }
        return None;
    }
    if !end_frag.chars().all(char::is_alphabetic) || !b_core.chars().all(char::is_alphabetic) {
        return None;
    }
    let a = end_frag.to_lowercase();
    let b = b_core.to_lowercase();
    let is_word = |w: &str| COMMON_WORDS.contains(&w);
    let has_vowel = |w: &str| w.chars().any(|c| "aeiouyáéíóúàèìòùäëïöüâêîôû".contains(c));
    // "Th" + "e accord": a fragment without a vowel cannot be a word of its own.
    let broken = (!has_vowel(&a) && !is_word(&a) && a.chars().count() <= 4)
        || (!has_vowel(&b) && !is_word(&b) && b.chars().count() <= 3 && b != "s")
        || (vocabulary.contains_key(&format!("{a}{b}"))
            && !is_word(&a)
            && !is_word(&b)
            // Each fragment occurs once as itself; more means it is also a word of its own.
            && (vocabulary.get(&a).is_none_or(|n| *n < 2) || vocabulary.get(&b).is_none_or(|n| *n < 2)));
    broken.then(|| format!("{end_frag}{start_frag}"))
}

/// Normalise to NFC; changed pieces become replaced segments over their original bytes.
fn nfc(src: &MappedText) -> MappedText {
    if is_nfc_quick(src.text.chars()) == IsNormalized::Yes {
        return src.clone();
    }
    let text = src.text.as_str();
    let mut b = MappedTextBuilder::with_capacity(text.len());
    // Whitespace never takes part in a composition, so each whitespace-separated word normalises
    // on its own; unchanged stretches are copied in one piece.
    let mut copied_to = 0;
    let mut word_start = 0;
    let boundaries = text
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    for boundary in boundaries {
        let word = &text[word_start..boundary];
        if !word.is_ascii() {
            let normalised: String = word.nfc().collect();
            if normalised != word {
                b.push_from(src, copied_to..word_start);
                b.push_replacing(&normalised, src, word_start..boundary);
                copied_to = boundary;
            }
        }
        word_start = text[boundary..]
            .chars()
            .next()
            .map_or(boundary, |c| boundary + c.len_utf8());
    }
    b.push_from(src, copied_to..text.len());
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> (Cleaned, Candidates) {
        let src = MappedText::identity(s);
        let mut c = Candidates::default();
        let cleaned = clean_text(&src, CleanMode::Scraped, &mut c);
        cleaned
            .body
            .map
            .check(&cleaned.body.text, s.as_bytes())
            .unwrap();
        (cleaned, c)
    }

    #[test]
    fn joins_wraps_and_broken_words() {
        let (c, _) =
            clean("Ministers said th-\nat the agree-\nment holds.\nTh\ne accord was\nsigned.");
        assert_eq!(
            c.body.text,
            "Ministers said that the agreement holds. The accord was signed."
        );
    }

    #[test]
    fn words_broken_by_the_wrap_are_joined_from_the_document_vocabulary() {
        let (c, _) = clean("The gov\nernment said the government would act.");
        assert_eq!(c.body.text, "The government said the government would act.");
        let (c, _) =
            clean("A well-\nknown weir, well-known to all, broke. The agree-\nment holds.");
        assert_eq!(
            c.body.text,
            "A well-known weir, well-known to all, broke. The agreement holds."
        );
        // Two words that both occur on their own stay apart.
        let (c, _) = clean("A new\nstart is a newstart? No: new start.");
        assert!(c.body.text.starts_with("A new start"));
    }

    #[test]
    fn boilerplate_lines_are_removed_with_reasons() {
        let (c, _) = clean("17.2 C\n- Advertisement -\nLATEST NEWS\n[image]\nThe talks resumed on Monday.\nShare this article\n© 2025 Brenna Herald");
        assert_eq!(c.body.text, "The talks resumed on Monday.");
        let kinds: Vec<_> = c.removed.iter().map(|r| r.kind.clone()).collect();
        assert_eq!(
            kinds,
            vec![
                RemovalKind::Widget,
                RemovalKind::Advertisement,
                RemovalKind::SectionLabel,
                RemovalKind::ImagePlaceholder,
                RemovalKind::ShareBar,
                RemovalKind::Copyright
            ]
        );
    }

    #[test]
    fn nfc_keeps_original_bytes_recoverable() {
        let s = "Cafe\u{301} “talks” resumed.";
        let (c, _) = clean(s);
        assert_eq!(c.body.text, "Caf\u{e9} “talks” resumed.");
        let at = c.body.text.find('“').unwrap();
        let r = c.body.to_original(Span::new(at, at + "“talks”".len()));
        assert_eq!(&s[r], "“talks”");
    }

    #[test]
    fn dateline_parts() {
        let s = "BRENNA, March 3 (Nordwire) — The accord";
        let d = parse_dateline(s).unwrap();
        assert_eq!(&s[d.place.unwrap()], "BRENNA");
        assert_eq!(&s[d.agency.unwrap()], "Nordwire");
        assert_eq!(d.date.unwrap().0.date.to_iso(), "XXXX-03-03");
        assert!(parse_dateline("The minister - who spoke late - said").is_none());
    }

    #[test]
    fn markdown_markup_is_stripped() {
        let s = "# Accord signed\n\nThe **Vestrian** [council](https://x.example/c) met _today_.\n\n![map](m.png)\n";
        let src = MappedText::identity(s);
        let mut cands = Candidates::default();
        let c = clean_text(&src, CleanMode::Markdown, &mut cands);
        c.body.map.check(&c.body.text, s.as_bytes()).unwrap();
        assert_eq!(c.body.text, "The Vestrian council met today.");
        assert_eq!(cands.resolve().title.unwrap().value, "Accord signed");
    }
}
