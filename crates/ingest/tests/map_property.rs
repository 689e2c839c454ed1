//! Property: whatever the cleaner does to scraped text (furniture lines, broken words, hard
//! wraps, curly quotes, NFD accents, CRLF, legacy charsets), the cleaned text maps back to
//! exactly the original bytes.

use proptest::prelude::*;
use triangulate_doc::{Document, Span};
use triangulate_ingest::{ingest_bytes, IngestOptions};
use unicode_normalization::UnicodeNormalization;

const FURNITURE: &[&str] = &[
    "17.2 C",
    "- Advertisement -",
    "LATEST NEWS",
    "Popular Articles",
    "[image]",
    "Photo: Lars Emmerich / Fennpress",
    "(c) 2025 Sellby Evening News. All rights reserved.",
    "Share this article",
    "Facebook   Twitter   Email",
    "Home | News | Region",
    "Monday, October 6, 2025",
    "By Karin Ode",
    "Source: Fennpress",
];

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "Sellby",
    "weir",
    "“repaired”",
    "‘soon’",
    "café",
    "cafe\u{301}",
    "Ostmark",
    "ferry",
    "agreement",
    "resumed",
    "on",
    "Monday,",
    "crews",
    "Søndre",
    "naïve",
    "nai\u{308}ve",
    "—",
    "3.5%",
    "élan",
    "e\u{301}lan",
    "accord.",
];

/// One line of article text, possibly ending in a hyphenated or mid-word break.
fn text_line() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(proptest::sample::select(WORDS), 1..10),
        0u8..4,
    )
        .prop_map(|(words, ending)| {
            let mut line = words.join(" ");
            match ending {
                // "agree-" / "ment"
                0 => line.push_str(" agree-\nment"),
                // "Th" / "e accord"
                1 => line.push_str(" Th\ne"),
                _ => {}
            }
            line
        })
}

fn scraped_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            3 => text_line(),
            1 => proptest::sample::select(FURNITURE).prop_map(str::to_string),
            1 => Just(String::new()),
            1 => text_line().prop_map(|l| format!("  {l}  ")),
        ],
        1..25,
    )
    .prop_flat_map(|lines| (Just(lines), any::<bool>()))
    .prop_map(|(lines, crlf)| lines.join(if crlf { "\r\n" } else { "\n" }))
}

fn check(doc: &Document) -> Result<(), TestCaseError> {
    prop_assert!(doc.check_map().is_ok(), "{}: {:?}", doc.id, doc.check_map());
    // Every exact segment is byte-for-byte the original, and every span maps inside it.
    for seg in doc.body.map.segments() {
        if seg.exact {
            prop_assert_eq!(
                &doc.text().as_bytes()[seg.text.clone()],
                &doc.original[seg.orig.clone()]
            );
        }
        prop_assert!(seg.orig.end <= doc.original.len());
    }
    for r in &doc.removed {
        prop_assert!(r.orig.start <= r.orig.end && r.orig.end <= doc.original.len());
    }
    // NFC output, and a kept word's original bytes normalise to it.
    let text = doc.text();
    prop_assert_eq!(text.nfc().collect::<String>(), text.to_string());
    let mut start = 0;
    for word in text.split(' ') {
        let end = start + word.len();
        if !word.is_empty() && !word.contains('\n') {
            let range = doc.original_range(Span::new(start, end));
            let enc = encoding_rs::Encoding::for_label(doc.encoding.as_bytes())
                .unwrap_or(encoding_rs::UTF_8);
            let orig = enc
                .decode_without_bom_handling(&doc.original[range])
                .0
                .into_owned();
            let orig_nfc: String = orig.nfc().collect();
            prop_assert!(
                orig_nfc.contains(word)
                    || word.contains(|c: char| !c.is_alphanumeric())
                    || orig.contains('\n')
                    || orig.contains('-'),
                "word {:?} maps to {:?}",
                word,
                orig
            );
        }
        start = end + 1;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn cleaned_text_maps_back_to_original_bytes(text in scraped_text()) {
        let report = ingest_bytes("scrape.txt", text.as_bytes(), &IngestOptions::default());
        for doc in &report.documents {
            check(doc)?;
        }
        prop_assert_eq!(report.documents.len() + report.skipped.len(), 1);
    }

    #[test]
    fn legacy_charset_text_maps_back_to_original_bytes(text in scraped_text()) {
        // Only characters windows-1252 can encode.
        let text: String = text.nfc().filter(|c| c.is_ascii() || "“”‘’—éïø".contains(*c)).collect();
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
        prop_assume!(!unmappable);
        let report = ingest_bytes("scrape.txt", &bytes, &IngestOptions::default());
        for doc in &report.documents {
            check(doc)?;
        }
    }

    #[test]
    fn markdown_maps_back_to_original_bytes(text in scraped_text(), heading in any::<bool>()) {
        let md = if heading { format!("# Title line\n\n**{text}** [link](https://x.example)") } else { format!("_{text}_") };
        let report = ingest_bytes("notes.md", md.as_bytes(), &IngestOptions::default());
        for doc in &report.documents {
            check(doc)?;
        }
    }
}

const PREFIXES: &[&[u8]] = &[
    b"",
    b"<rss><channel><item><description>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>",
    b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
    b"{\"text\": \"",
    b"[{\"title\": 1, \"body\": \"",
    b"# Heading\n\n*By ",
    b"<html><body><p>",
    b"\x1f\x8b\x08\x00",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Arbitrary bytes behind every kind of format prefix: never a panic, and every document
    /// that comes out has a valid map.
    #[test]
    fn arbitrary_input_never_panics(
        prefix in proptest::sample::select(PREFIXES),
        body in proptest::collection::vec(any::<u8>(), 0..300),
        text in "[a-zA-Z <>/&;\"'\n\r{}\\[\\]:,.#*_é—“”-]{0,200}",
        use_text in any::<bool>(),
    ) {
        let mut input = prefix.to_vec();
        if use_text {
            input.extend_from_slice(text.as_bytes());
        } else {
            input.extend_from_slice(&body);
        }
        let report = ingest_bytes("fuzz", &input, &IngestOptions::default());
        for doc in &report.documents {
            prop_assert!(doc.check_map().is_ok(), "{:?}", doc.check_map());
        }
        for s in &report.skipped {
            prop_assert!(s.input.starts_with("fuzz"));
        }
    }
}
