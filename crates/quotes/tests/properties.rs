//! Arbitrary text and arbitrary (even nonsensical) entity mentions never make the quote finder
//! panic, and every span it returns lies inside the text.
use proptest::prelude::*;
use triangulate_doc::{EntityLabel, EntityMention, Span};

fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“"),
        Just("”"),
        Just("\""),
        Just("‘"),
        Just("’"),
        Just("``"),
        Just("''"),
        Just(" said "),
        Just(" told "),
        Just(" according to "),
        Just(" was quoted by "),
        Just(" as saying "),
        Just("Velic"),
        Just(" Ana "),
        Just("Nordwire"),
        Just(" the minister "),
        Just(" she "),
        Just(" he added"),
        Just(","),
        Just("."),
        Just(" that "),
        Just("\n\n"),
        Just("\n"),
        Just(" "),
        Just("BRENNA (Nordwire) — "),
        Just("a spokesman"),
        Just("We won"),
    ];
    prop::collection::vec(piece, 0..50).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn quotes_stay_inside_the_text(
        text in newsish(),
        raw_mentions in prop::collection::vec((0usize..60, 0usize..8, 0usize..4), 0..6),
    ) {
        let layer = triangulate_text::analyze(&text);
        let mentions: Vec<EntityMention> = raw_mentions
            .iter()
            .map(|&(first, len, label)| EntityMention {
                span: Span::new(0, 0),
                label: EntityLabel::ALL[label],
                first_token: first,
                end_token: first + len,
                confidence: 1.0,
            })
            .collect();
        for entities in [&mentions[..], &[]] {
            let quotes = triangulate_quotes::find_quotes(&text, &layer.tokens, &layer.sentences, entities);
            for q in quotes {
                prop_assert!(q.span.text(&text).is_some());
                for s in q.speaker.iter().chain(q.via.iter()) {
                    prop_assert!(s.span.text(&text).is_some());
                }
            }
        }
    }
}
