//! Arbitrary text never makes the quantity finder panic; results are ordered, non-overlapping
//! spans inside the text with finite values.
use proptest::prelude::*;

fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("5"),
        Just("10,000"),
        Just("3.5"),
        Just("1987"),
        Just("19th"),
        Just("twenty-five"),
        Just("million"),
        Just("bn"),
        Just("$"),
        Just("€"),
        Just("EUR"),
        Just("%"),
        Just("percent"),
        Just("per cent"),
        Just("between"),
        Just("and"),
        Just("to"),
        Just("-"),
        Just("–"),
        Just("about"),
        Just("at least"),
        Just("up to"),
        Just("more than"),
        Just("or more"),
        Just("times"),
        Just("ninefold"),
        Just("years"),
        Just("km"),
        Just("people"),
        Just("one"),
        Just("a"),
        Just("hundred"),
        Just("March"),
        Just("a.m."),
        Just("10-12"),
        Just("48-year-old"),
        Just(" "),
        Just(" "),
        Just(" "),
        Just("\n"),
        Just("."),
        Just(","),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let tokens = triangulate_text::tokenize(text);
    let mut last_end = 0;
    for q in triangulate_quantity::find_quantities(text, &tokens) {
        assert!(q.span.text(text).is_some());
        assert!(q.span.start >= last_end);
        last_end = q.span.end;
        let (low, high) = q.bounds().expect("value or range");
        assert!(low.is_finite() && high.is_finite() && low <= high);
    }
}

proptest! {
    #[test]
    fn newsish_text_keeps_invariants(text in newsish()) {
        check(&text);
    }

    #[test]
    fn arbitrary_text_keeps_invariants(text in "\\PC{0,60}") {
        check(&text);
    }
}
