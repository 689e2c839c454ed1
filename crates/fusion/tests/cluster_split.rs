//! Review of young stories: when the first report of a second event joins the story of a
//! same-kind first event (same actors, same vocabulary), later reports of the second event
//! gather around it, and review splits the two groups apart and moves the earlier reports
//! ([`StoryClusterer::take_moves`]). Fictional people, places and outlets throughout.
mod heist_and_fire;
mod recalls;

use heist_and_fire::{FIRE, HEIST, HEIST_FIRST};
use recalls::{AIRBAGS, BRAKES, RECALLS};
use triangulate_fusion::{ClusterInput, ClusterOptions, StoryClusterer, StoryId};

/// Clusters `docs` in order and returns each document's final story, with review's moves
/// applied, and how many moves there were.
fn cluster(docs: &[&str], opts: ClusterOptions) -> (Vec<StoryId>, usize) {
    let mut clusterer = StoryClusterer::new(opts);
    let mut stories = Vec::new();
    let mut moves = 0;
    for text in docs {
        stories.push(clusterer.add(&ClusterInput {
            text,
            names: &[],
            published: None,
            mentioned: &[],
        }));
        for (doc, story) in clusterer.take_moves() {
            moves += 1;
            if let Some(slot) = stories.get_mut(doc) {
                *slot = story;
            }
        }
    }
    (stories, moves)
}

#[test]
fn review_splits_a_second_event_off_a_young_story() {
    let (ids, moves) = cluster(&RECALLS, ClusterOptions::default());
    for pair in BRAKES.windows(2) {
        assert_eq!(ids[pair[0]], ids[pair[1]], "brake recall reports: {ids:?}");
    }
    for pair in AIRBAGS.windows(2) {
        assert_eq!(ids[pair[0]], ids[pair[1]], "airbag recall reports: {ids:?}");
    }
    assert_ne!(ids[BRAKES[0]], ids[AIRBAGS[0]], "two recalls: {ids:?}");
    assert!(moves > 0, "review moved no report: {ids:?}");
}

#[test]
fn without_review_the_second_event_stays_in_the_first_story() {
    let opts = ClusterOptions {
        young_story_size: 0,
        ..ClusterOptions::default()
    };
    let (ids, moves) = cluster(&RECALLS, opts);
    assert_eq!(moves, 0);
    assert_eq!(ids[BRAKES[0]], ids[AIRBAGS[0]], "{ids:?}");
}

/// Eight reports of one event, written differently (outlets quote different people and
/// figures): review must leave the story whole.
const ONE_FLOOD: [&str; 8] = [
    "Floods in the Varna valley killed 12 people on Saturday, regional governor Ines Pardo said. Rescue teams evacuated the village of Osk.",
    "Saturday's floods in the Varna valley killed at least 12, governor Ines Pardo told reporters in Tarn. Soldiers piled sandbags near Osk.",
    "The river Varna burst its banks on Saturday, flooding Osk and two other villages; 12 people died, the Tarn regional office said.",
    "Governor Ines Pardo declared an emergency in the Varna valley after Saturday's floods, which killed 12 people and cut three bridges.",
    "Volunteers from Tarn joined rescue teams in Osk, where Saturday's Varna valley floods left hundreds homeless, Ines Pardo said.",
    "Twelve people drowned when the Varna flooded villages around Osk on Saturday. Governor Ines Pardo asked the army for boats.",
    "Flood waters in the Varna valley began to fall on Sunday, a day after 12 people died in Osk and nearby villages, the governor said.",
    "The Varna valley floods of Saturday destroyed three bridges near Osk; governor Ines Pardo put the toll at 12 dead.",
];

#[test]
fn review_leaves_reports_of_one_event_together() {
    let (ids, moves) = cluster(&ONE_FLOOD, ClusterOptions::default());
    assert_eq!(moves, 0, "{ids:?}");
    // At least six reports share the first one's story, so review ran on it.
    assert!(
        ids.iter().filter(|&&id| id == ids[0]).count() >= 6,
        "{ids:?}"
    );
    let without_review = ClusterOptions {
        young_story_size: 0,
        ..ClusterOptions::default()
    };
    assert_eq!(ids, cluster(&ONE_FLOOD, without_review).0);
}

#[test]
fn a_story_grown_by_a_syndicated_copy_is_reviewed_at_once() {
    // Four brake-recall reports and the first airbag-recall report share one young story;
    // then a wire copy of the airbag report arrives and is placed beside its original with
    // `add_to` (as `analyze` does with syndicated copies). That join is reviewed like any
    // other: the airbag pair leaves at once, not only when the next report comes.
    let input = ClusterInput::text_only;
    let mut clusterer = StoryClusterer::new(ClusterOptions::default());
    let mut ids: Vec<StoryId> = RECALLS[..5]
        .iter()
        .map(|text| clusterer.add(&input(text)))
        .collect();
    assert!(clusterer.take_moves().is_empty());
    assert!(
        ids.iter().all(|&id| id == ids[0]),
        "one young story: {ids:?}"
    );
    let copy = "Torvel spokeswoman Lina Marsk said in Mesk on Thursday that the carmaker is recalling 12,500 Orvo vans because airbag sensors can misfire. Torvel dealers will replace the airbag sensors free of charge, the agency reported.";
    ids.push(clusterer.add_to(&input(copy), ids[3]));
    for (doc, story) in clusterer.take_moves() {
        ids[doc] = story;
    }
    assert_eq!(ids[3], ids[5], "the copy stays with its original: {ids:?}");
    assert_ne!(
        ids[0], ids[3],
        "the airbag recall left the brake story: {ids:?}"
    );
    for brake in [1, 2, 4] {
        assert_eq!(ids[0], ids[brake], "{ids:?}");
    }
}

/// Puts `first` in its own story, the fire reports in another, then forces the heist reports
/// into the fire's story with `add_to` (as the first reports of an event sometimes join
/// another event's story); returns the heist reports' final stories, the first report's and
/// the fire's.
fn split_group_after_forced_joins(opts: ClusterOptions) -> (Vec<StoryId>, StoryId, StoryId) {
    let input = ClusterInput::text_only;
    let mut clusterer = StoryClusterer::new(opts);
    let mut stories = vec![clusterer.add(&input(HEIST_FIRST))];
    let fire = clusterer.add(&input(FIRE[0]));
    assert_ne!(fire, stories[0]);
    stories.push(fire);
    for text in FIRE[1..].iter().chain(HEIST.iter()) {
        stories.push(clusterer.add_to(&input(text), fire));
        for (doc, story) in clusterer.take_moves() {
            if let Some(slot) = stories.get_mut(doc) {
                *slot = story;
            }
        }
    }
    (stories[4..].to_vec(), stories[0], fire)
}

#[test]
fn a_group_split_off_a_story_joins_the_story_its_event_started() {
    let (heist, first, _) = split_group_after_forced_joins(ClusterOptions::default());
    assert!(
        heist.iter().all(|&s| s == first),
        "heist reports {heist:?}, first report's story {first:?}"
    );

    // Without re-homing the group is split off all the same, into a story of its own.
    let (heist, first, fire) = split_group_after_forced_joins(ClusterOptions {
        rehome_split_groups: false,
        ..ClusterOptions::default()
    });
    assert!(heist.windows(2).all(|w| w[0] == w[1]), "{heist:?}");
    assert_ne!(heist[0], first);
    assert_ne!(heist[0], fire);
}
