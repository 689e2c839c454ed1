//! Sentence splitting cases from news copy (all text fictional).
use triangulate_text::analyze;

fn sents(text: &str) -> Vec<&str> {
    analyze(text)
        .sentences
        .iter()
        .map(|s| s.span.text(text).unwrap_or_default())
        .collect()
}

#[test]
fn plain_sentences() {
    assert_eq!(
        sents("The vote failed. Ministers met again! Would it pass? Nobody knew."),
        [
            "The vote failed.",
            "Ministers met again!",
            "Would it pass?",
            "Nobody knew."
        ]
    );
}

#[test]
fn abbreviations_and_initials_do_not_end_sentences() {
    let text = "Gen. Tomas Reyl of the U.S. Army met Mr. J. R. Halden on Jan. 4 at No. 5 Quay St. in S. Varnia. The talks ended.";
    assert_eq!(
        sents(text),
        [
            "Gen. Tomas Reyl of the U.S. Army met Mr. J. R. Halden on Jan. 4 at No. 5 Quay St. in S. Varnia.",
            "The talks ended."
        ]
    );
}

#[test]
fn abbreviation_can_end_a_sentence_before_an_opener() {
    assert_eq!(
        sents("The envoy flew to the U.S. The talks began at 9 a.m. He left."),
        [
            "The envoy flew to the U.S.",
            "The talks began at 9 a.m.",
            "He left."
        ]
    );
    assert_eq!(
        sents("It sold Vessa Inc. Meanwhile, shares rose."),
        ["It sold Vessa Inc.", "Meanwhile, shares rose."]
    );
}

#[test]
fn dateline_stays_with_first_sentence() {
    assert_eq!(
        sents(
            "BRENNA, March 3 (Nordwire) — The Varnian parliament voted on Tuesday. It was close."
        ),
        [
            "BRENNA, March 3 (Nordwire) — The Varnian parliament voted on Tuesday.",
            "It was close."
        ]
    );
    assert_eq!(
        sents("BRENNA, Jan. 3 (Nordwire)\nThe parliament voted. It was close."),
        [
            "BRENNA, Jan. 3 (Nordwire)\nThe parliament voted.",
            "It was close."
        ]
    );
}

#[test]
fn closing_quote_stays_with_the_sentence_it_ends() {
    assert_eq!(
        sents("“We will not resign. We have done nothing wrong,” Velic said. \"It is over.\" Olan agreed."),
        [
            "“We will not resign.",
            "We have done nothing wrong,” Velic said.",
            "\"It is over.\"",
            "Olan agreed."
        ]
    );
    assert_eq!(
        sents("“Help!” he shouted. Nobody came."),
        ["“Help!” he shouted.", "Nobody came."]
    );
    assert_eq!(
        sents("He asked: \"Why?\" Nobody answered."),
        ["He asked: \"Why?\"", "Nobody answered."]
    );
    // Tokenised corpora space PTB's closing mark off the period; it still ends the sentence.
    assert_eq!(
        sents("The chief said the fire `` is suspicious . '' Nobody was hurt ."),
        [
            "The chief said the fire `` is suspicious . ''",
            "Nobody was hurt ."
        ]
    );
}

#[test]
fn paragraph_breaks_and_headlines_end_sentences() {
    let text = "Varnia votes on new budget\nBRENNA (Nordwire) - The parliament met on Monday\n\nDebate lasted hours and\nministers left early.\n\nPhoto: Ana Velic in Brenna\nShe spoke first.";
    assert_eq!(
        sents(text),
        [
            "Varnia votes on new budget",
            "BRENNA (Nordwire) - The parliament met on Monday",
            "Debate lasted hours and\nministers left early.",
            "Photo: Ana Velic in Brenna",
            "She spoke first."
        ]
    );
}

#[test]
fn numbered_list_lines_are_sentences_of_their_own() {
    assert_eq!(
        sents("Final results\n1. Ana Velic 4:37:10\n2. Ivo Dane 4:38:12"),
        [
            "Final results",
            "1. Ana Velic 4:37:10",
            "2. Ivo Dane 4:38:12"
        ]
    );
}

#[test]
fn lowercase_after_ellipsis_continues() {
    assert_eq!(
        sents("He paused... then went on. Done."),
        ["He paused... then went on.", "Done."]
    );
}

#[test]
fn sentences_cover_all_tokens_in_order() {
    let text = "A. B. C.\n\n\"\" ... !!! Mr. \n No. 5. U.S. The end";
    let layer = analyze(text);
    let mut next = 0;
    for s in &layer.sentences {
        assert_eq!(s.first_token, next);
        assert!(s.end_token > s.first_token);
        next = s.end_token;
    }
    assert_eq!(next, layer.tokens.len());
}
