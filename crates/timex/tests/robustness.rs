//! Input that is not plain ASCII prose must never panic the tagger, and every span it returns
//! must lie on character boundaries of the input. The sentences exercise the fifth- and
//! sixth-pass rules (periods to a month, "until", quarters by their months, year ranges,
//! halves, holidays, habitual months, offsets from an event, "the week of") with multi-byte
//! characters right next to the tokens those rules look at.

use triangulate_timex::{find_timexes, Anchor};

const SENTENCES: &[&str] = &[
    "Sales in the 12 months to March rose 5 percent, the São Paulo firm said.",
    "Ostrel expects a profit in the year to March — its first since 2009.",
    "The curfew in Zürich was extended until the end of June.",
    "The July–September quarter was weak; the previous quarter was strong.",
    "Revenue in H1 2013 rose; the H1N1 outbreak did not hurt it.",
    "The 2013–14 season opens on Labor Day, “the earliest ever”, on Sept. 2.",
    "He was arrested on Jan. 5 in Malmö and released four years later.",
    "Profit fell to €3 million from €4 million last year, in the fourth quarter.",
    "The March for Life reached Kraków this past weekend.",
    "In March, the Zürich council voted. The following month, it reversed course.",
    "Winds could reach 190 km/h by Tuesday afternoon ’til Wednesday.",
    // Sixth pass: "Now,", habitual months, feasts, offsets from an event, "the week of".
    "Now, the Malmö council must decide; every now and then it does.",
    "Heating bills in Zürich usually rise in January and are typically due on April 30.",
    "Shops in Kraków open early on Black Friday, not on Super Tuesday.",
    "The dam opened in 1998. A decade later, the following week, it cracked.",
    "A jogger saw the car at 6 a.m. ten days before the shooting in Malmö.",
    "The hearing is set for the week of March 6; 2012’s drought lasted two thousand hours.",
    // Review of the sixth pass: past verbs in habitual windows, feasts, coordinated quarters.
    "Officials who typically meet in Malmö met on Tuesday, as they usually do.",
    "Kraków held Maundy Thursday services; the Good Friday Agreement held.",
    "The first and second quarters were weak; 2010’s budget paid two thousand dollars.",
    // Web-news rules (ECB+ pass): game clocks and periods, unit adjectives, "that night",
    // title-cased lines, titles ending in a frequency word, units written onto numbers.
    "Eld threw a touchdown at halftime in São Paulo with 7:41 left in the fourth quarter.",
    "A weeklong manhunt in Malmö ended hours after the arrest; he survived two nights.",
    "Vask Star To Host Next Year’s Gala In Zürich\nOn Saturday in Kraków, that night, it rained.",
    "It is not Patch Tuesday, Us Weekly said at 7 p.m. Wednesday night of an eight - year deal.",
    "The climber fell 2000ft near Malmö with two weeks left in the first half of 2013.",
];

/// Characters placed around and inside the sentences: accented letters, typographic
/// punctuation, a wide character and one outside the Basic Multilingual Plane.
const INSERTS: &[char] = &['é', '—', '’', '“', '–', '日', '😀', '\u{a0}'];

fn check(text: &str) {
    let anchor = Anchor::ymd(2013, 10, 16).expect("valid anchor date");
    for t in find_timexes(text, &anchor) {
        assert!(
            t.span.start < t.span.end && t.span.end <= text.len(),
            "span {:?} outside {text:?}",
            t.span
        );
        assert!(
            text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end),
            "span {:?} splits a character in {text:?}",
            t.span
        );
    }
}

#[test]
fn multibyte_characters_anywhere_never_break_the_tagger() {
    for sentence in SENTENCES {
        check(sentence);
        let boundaries: Vec<usize> = sentence
            .char_indices()
            .map(|(i, _)| i)
            .chain([sentence.len()])
            .collect();
        for &at in &boundaries {
            for &c in INSERTS {
                let mut text = String::with_capacity(sentence.len() + 4);
                text.push_str(&sentence[..at]);
                text.push(c);
                text.push_str(&sentence[at..]);
                check(&text);
            }
        }
    }
}

#[test]
fn truncated_sentences_never_break_the_tagger() {
    // Every prefix ending on a character boundary: patterns that look ahead past the end.
    for sentence in SENTENCES {
        for (at, _) in sentence.char_indices() {
            check(&sentence[..at]);
        }
    }
}
