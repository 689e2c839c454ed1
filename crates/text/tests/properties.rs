//! Invariants over arbitrary input: tokens are exact, ordered, non-empty, cover every visible
//! character; sentences partition the tokens.
use proptest::prelude::*;

/// Strings drawn from news-like pieces so that the interesting rules fire often.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr."),
        Just("U.S."),
        Just("Jan."),
        Just("No."),
        Just("5"),
        Just("10,000"),
        Just("3.5"),
        Just("1996-12-06"),
        Just("'s"),
        Just("n't"),
        Just("don't"),
        Just("“"),
        Just("”"),
        Just("\""),
        Just("'"),
        Just("‘"),
        Just("’"),
        Just("``"),
        Just("''"),
        Just("("),
        Just(")"),
        Just("."),
        Just(","),
        Just("..."),
        Just("…"),
        Just("—"),
        Just("--"),
        Just("-"),
        Just("!"),
        Just("?"),
        Just(":"),
        Just(";"),
        Just("%"),
        Just("$"),
        Just("€"),
        Just("Velic"),
        Just("said"),
        Just("BRENNA"),
        Just("the"),
        Just("http://a.example/x"),
        Just("a@b.example"),
        Just(" "),
        Just("  "),
        Just("\n"),
        Just("\n\n"),
        Just("\t"),
        Just("\u{a0}"),
        Just("\u{200b}"),
        Just("日本"),
        Just("é"),
        Just("1."),
        Just("S."),
        Just("Inc."),
        Just("Calif."),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let layer = triangulate_text::analyze(text);
    let mut last_end = 0;
    for t in &layer.tokens {
        assert!(t.span.start >= last_end && t.span.start < t.span.end);
        let piece = t.span.text(text).expect("token on char boundaries");
        assert!(!piece.chars().any(char::is_whitespace));
        last_end = t.span.end;
    }
    let covered: usize = layer.tokens.iter().map(|t| t.span.len()).sum();
    let visible: usize = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}' | '\u{feff}'))
        .map(char::len_utf8)
        .sum();
    assert_eq!(covered, visible);
    let mut next = 0;
    for s in &layer.sentences {
        assert_eq!(s.first_token, next);
        assert!(s.end_token > s.first_token);
        assert!(s.span.text(text).is_some());
        next = s.end_token;
    }
    assert_eq!(next, layer.tokens.len());
}

proptest! {
    #[test]
    fn newsish_text_keeps_invariants(text in newsish()) {
        check(&text);
    }

    #[test]
    fn arbitrary_text_keeps_invariants(text in "\\PC{0,80}") {
        check(&text);
    }
}
