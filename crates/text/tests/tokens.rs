//! Tokenizer cases from news copy (all text fictional).
use triangulate_text::{token_texts, tokenize};

fn toks(text: &str) -> Vec<&str> {
    token_texts(text, &tokenize(text))
}

#[test]
fn splits_punctuation_and_keeps_words() {
    assert_eq!(
        toks("Velic, the minister, left; nobody knew why!"),
        ["Velic", ",", "the", "minister", ",", "left", ";", "nobody", "knew", "why", "!"]
    );
}

#[test]
fn possessive_and_negation_clitics() {
    assert_eq!(toks("Velic's plan"), ["Velic", "'s", "plan"]);
    assert_eq!(toks("Velic’s plan"), ["Velic", "’s", "plan"]);
    assert_eq!(toks("They don't know"), ["They", "do", "n't", "know"]);
    assert_eq!(
        toks("We can't, we won’t"),
        ["We", "ca", "n't", ",", "we", "wo", "n’t"]
    );
    assert_eq!(toks("they're here"), ["they", "'re", "here"]);
    assert_eq!(
        toks("the ministers' cars"),
        ["the", "ministers", "'", "cars"]
    );
    assert_eq!(toks("O'Brannagh said"), ["O'Brannagh", "said"]);
}

#[test]
fn abbreviations_stay_whole() {
    assert_eq!(
        toks("the U.S. envoy met Mr. Olan in S. Varnia on Jan. 3."),
        [
            "the", "U.S.", "envoy", "met", "Mr.", "Olan", "in", "S.", "Varnia", "on", "Jan.", "3",
            "."
        ]
    );
    assert_eq!(
        toks("Halden Corp. and Vessa Inc., etc., agreed"),
        ["Halden", "Corp.", "and", "Vessa", "Inc.", ",", "etc.", ",", "agreed"]
    );
    assert_eq!(toks("at 9 a.m. today"), ["at", "9", "a.m.", "today"]);
}

#[test]
fn abbreviation_at_sentence_end_gives_up_its_period() {
    // CoNLL-2003 convention: the period ends the sentence.
    assert_eq!(
        toks("It bought Vessa Inc. The deal closed."),
        ["It", "bought", "Vessa", "Inc", ".", "The", "deal", "closed", "."]
    );
    assert_eq!(
        toks("It moved to Brenna, Calif."),
        ["It", "moved", "to", "Brenna", ",", "Calif", "."]
    );
    assert_eq!(
        toks("in Brenna, Calif., on Monday"),
        ["in", "Brenna", ",", "Calif.", ",", "on", "Monday"]
    );
    assert_eq!(toks("the U.S. Army"), ["the", "U.S.", "Army"]);
}

#[test]
fn numbered_list_items_keep_their_period() {
    assert_eq!(
        toks("Results:\n1. Ana Velic\n2. Ivo Dane"),
        ["Results", ":", "1.", "Ana", "Velic", "2.", "Ivo", "Dane"]
    );
    assert_eq!(
        toks("He won in 1996. The"),
        ["He", "won", "in", "1996", ".", "The"]
    );
}

#[test]
fn ldc_double_quotes() {
    assert_eq!(
        toks("``Yes,'' he said."),
        ["``", "Yes", ",", "''", "he", "said", "."]
    );
}

#[test]
fn ldc_double_quotes_standing_alone_as_tokenised_corpora_write_them() {
    assert_eq!(
        toks("`` Yes , '' he said ."),
        ["``", "Yes", ",", "''", "he", "said", "."]
    );
    // A lone backtick or apostrophe is still one character.
    assert_eq!(toks("` Yes ' he"), ["`", "Yes", "'", "he"]);
}

#[test]
fn no_before_number_only() {
    assert_eq!(toks("seeded No. 5 here"), ["seeded", "No.", "5", "here"]);
    assert_eq!(
        toks("She said No. Then"),
        ["She", "said", "No", ".", "Then"]
    );
}

#[test]
fn dates_numbers_and_hyphens() {
    assert_eq!(
        toks("On 1996-12-06, 10,000 people (3.5%) joined a long-running, state-backed march."),
        [
            "On",
            "1996-12-06",
            ",",
            "10,000",
            "people",
            "(",
            "3.5",
            "%",
            ")",
            "joined",
            "a",
            "long-running",
            ",",
            "state-backed",
            "march",
            "."
        ]
    );
    assert_eq!(
        toks("at 10:30, $5.2 million"),
        ["at", "10:30", ",", "$", "5.2", "million"]
    );
    assert_eq!(toks("€3bn"), ["€", "3bn"]);
    assert_eq!(toks("in the '90s"), ["in", "the", "'90s"]);
}

#[test]
fn urls_and_emails() {
    assert_eq!(
        toks("See https://nordwire.example/news/a-b?id=3&x=1. Or (www.velic.example)."),
        [
            "See",
            "https://nordwire.example/news/a-b?id=3&x=1",
            ".",
            "Or",
            "(",
            "www.velic.example",
            ")",
            "."
        ]
    );
    assert_eq!(
        toks("Write to desk@nordwire.example, please."),
        ["Write", "to", "desk@nordwire.example", ",", "please", "."]
    );
}

#[test]
fn quotes_are_their_own_tokens() {
    assert_eq!(
        toks("“We will win,” she said. \"Never,\" he said. 'Fine.'"),
        [
            "“", "We", "will", "win", ",", "”", "she", "said", ".", "\"", "Never", ",", "\"", "he",
            "said", ".", "'", "Fine", ".", "'"
        ]
    );
}

#[test]
fn dashes_and_ellipses() {
    assert_eq!(
        toks("BRENNA—The vote -- delayed... again…"),
        ["BRENNA", "—", "The", "vote", "--", "delayed", "...", "again", "…"]
    );
    assert_eq!(toks("Help?! Now!!"), ["Help", "?!", "Now", "!!"]);
}

#[test]
fn spans_are_exact_and_never_panic_on_odd_input() {
    let inputs = [
        "",
        "   \n\n ",
        "'",
        "''",
        "...",
        ".",
        "$",
        "'s",
        "n't",
        "a\u{200b}b",
        "日本語のテキスト。",
        "x.,:;'\"”’)]}%.",
        "@Nordwire #vote",
        "\u{feff}Headline",
        "ab@",
        "@@.",
        "http://",
        "'''''''''''''''''''''''",
        ".,.,.,.,.,.,.,.,.,.,.,.,.,.,",
    ];
    for input in inputs {
        let tokens = tokenize(input);
        let mut last_end = 0;
        for t in &tokens {
            assert!(t.span.start >= last_end, "{input:?}: overlapping tokens");
            assert!(t.span.start < t.span.end, "{input:?}: empty token");
            let piece = t.span.text(input).expect("token on char boundaries");
            assert!(
                !piece.chars().any(char::is_whitespace),
                "{input:?}: {piece:?}"
            );
            last_end = t.span.end;
        }
        // Every non-space character is in some token.
        let covered: usize = tokens.iter().map(|t| t.span.len()).sum();
        let visible: usize = input
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}' | '\u{feff}'))
            .map(char::len_utf8)
            .sum();
        assert_eq!(covered, visible, "{input:?}");
    }
}
