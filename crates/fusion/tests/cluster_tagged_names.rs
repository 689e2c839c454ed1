//! Story clustering when the language layer supplies entity mentions: a tagger misses names
//! (here the venue and the opponent's team are not tagged), and the capitalised words the
//! document never writes in lower case must still keep two same-kind events apart. Fictional
//! people, places and teams throughout.
use triangulate_fusion::{ClusterInput, ClusterOptions, StoryClusterer, StoryId};

/// Two cup finals won by one club, a year apart: the tagger found only the club and its coach,
/// which both finals share; the opponent and the venue differ.
const FINALS: [&str; 6] = [
    "Rovel Athletic beat Quandry Wanderers 3-1 in the cup final at Ostmere Park. Coach Anka Silve said the Wanderers pressed well before Jono Marek scored twice in the second half.",
    "Anka Silve lifted the cup after Rovel Athletic overcame Quandry Wanderers 3-1 at Ostmere Park. The Wanderers scored first, but Jono Marek turned the final with two goals after the break.",
    "Rovel Athletic needed penalties to win the cup final against Tessaly Rangers at Brindle Field after a goalless draw. Goalkeeper Ivo Dantis saved three kicks, and coach Anka Silve ran onto the pitch.",
    "At Ostmere Park the Wanderers from Quandry could not hold on: two goals by Jono Marek gave Rovel Athletic a 3-1 win and the cup for coach Anka Silve.",
    "Tessaly Rangers lost the cup final to Rovel Athletic on penalties at Brindle Field. Ivo Dantis stopped three spot kicks after extra time ended goalless, Anka Silve said.",
    "Brindle Field saw Rovel Athletic beat Tessaly Rangers in a shoot-out, Ivo Dantis the hero with three saves, a second cup for Anka Silve.",
];

/// The tagger's mentions: only the club and the coach, in every document.
const TAGGED: [&str; 2] = ["Rovel Athletic", "Anka Silve"];

fn cluster(opts: ClusterOptions) -> Vec<StoryId> {
    let mut clusterer = StoryClusterer::new(opts);
    FINALS
        .iter()
        .map(|text| {
            clusterer.add(&ClusterInput {
                text,
                names: &TAGGED,
                published: None,
                mentioned: &[],
            })
        })
        .collect()
}

#[test]
fn untagged_capitalised_names_keep_two_finals_apart() {
    let ids = cluster(ClusterOptions::default());
    // Documents 0, 1, 3: the Wanderers final at Ostmere Park; 2, 4, 5: the Rangers final.
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[0], ids[3]);
    assert_eq!(ids[2], ids[4]);
    assert_eq!(ids[2], ids[5]);
    assert_ne!(ids[0], ids[2]);
}

#[test]
fn tagged_names_alone_cannot_tell_the_finals_apart() {
    // The reason capitalised words stay on beside mentions: with the mentions alone, every
    // document has the same names, so nothing separates the two finals.
    let opts = ClusterOptions {
        capitalised_with_names: false,
        ..ClusterOptions::default()
    };
    let ids = cluster(opts);
    let stories: std::collections::BTreeSet<StoryId> = ids.iter().copied().collect();
    assert!(
        ids[0] == ids[2] || stories.len() > 2,
        "expected the finals merged or fragmented without capitalised names, got {ids:?}"
    );
}
