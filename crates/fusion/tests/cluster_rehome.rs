//! A group that review splits off a story and re-homes into another story
//! ([`ClusterOptions::rehome_split_groups`]): the moves a caller is told about, and the story
//! the split left empty. Fictional people, places and outlets throughout.
mod heist_and_fire;

use heist_and_fire::{FIRE, HEIST, HEIST_FIRST};
use std::collections::HashSet;
use triangulate_fusion::{ClusterInput, ClusterOptions, StoryClusterer, StoryId};

/// What [`StoryClusterer::take_moves`] returned after one call.
type Moves = Vec<(usize, StoryId)>;

/// The heist's first report alone, the fire's reports in a story, then the heist reports
/// forced into the fire's story (review splits them off and re-homes them to the first
/// report's story). Returns the clusterer, each document's story with moves applied, and the
/// moves of each call.
fn forced_joins() -> (StoryClusterer, Vec<StoryId>, Vec<Moves>) {
    let mut clusterer = StoryClusterer::new(ClusterOptions::default());
    let mut stories = vec![clusterer.add(&ClusterInput::text_only(HEIST_FIRST))];
    let fire = clusterer.add(&ClusterInput::text_only(FIRE[0]));
    stories.push(fire);
    let mut calls = Vec::new();
    for text in FIRE[1..].iter().chain(HEIST.iter()) {
        stories.push(clusterer.add_to(&ClusterInput::text_only(text), fire));
        let moves = clusterer.take_moves();
        for &(doc, story) in &moves {
            if let Some(slot) = stories.get_mut(doc) {
                *slot = story;
            }
        }
        calls.push(moves);
    }
    (clusterer, stories, calls)
}

#[test]
fn a_re_homed_document_is_reported_once_with_its_final_story() {
    let (_, stories, calls) = forced_joins();
    let first = stories[0];
    assert!(
        stories[4..].iter().all(|&s| s == first),
        "heist reports re-homed to the first report's story: {stories:?}"
    );
    let mut moved = HashSet::new();
    for moves in &calls {
        let mut seen = HashSet::new();
        for &(doc, story) in moves {
            assert!(
                seen.insert(doc),
                "document {doc} moved twice in one call: {moves:?}"
            );
            // A caller reading the moves as they come is never pointed at a story that the
            // same call left empty.
            assert_eq!(story, first, "{moves:?}");
            moved.insert(doc);
        }
    }
    // Every heist report placed before the split is reported moved (the newest one's story
    // is the one `add_to` returned).
    assert!(
        (4..stories.len() - 1).all(|doc| moved.contains(&doc)),
        "moved {moved:?}"
    );
}

#[test]
fn the_story_a_re_homed_group_left_is_never_a_candidate_again() {
    let (mut clusterer, stories, _) = forced_joins();
    let live: HashSet<StoryId> = stories.iter().copied().collect();
    // The emptied story still has an id (ids stay dense) but holds no document.
    assert!(clusterer.story_count() > live.len(), "{stories:?}");
    // A report of the heist written like the split-off group's goes to the heist story, not
    // to the empty one the group left (which was indexed under the group's words).
    let late = clusterer.add(&ClusterInput::text_only(
        "Police in Varn said four men who rammed a van into Harrow Jewellers on Lentre Avenue fled with rings and watches; owner Ilsa Marrow said no one was hurt.",
    ));
    assert_eq!(late, stories[0]);
}
