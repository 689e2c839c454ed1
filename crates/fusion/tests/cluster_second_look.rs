//! Second look at a near miss ([`ClusterOptions::second_look_share`]): a follow-up that scored
//! just below the threshold in its story starts a story of its own, and moves into the story
//! once later reports have written the names it writes. Fictional places, people and bodies
//! throughout.
use triangulate_fusion::{ClusterInput, ClusterOptions, StoryClusterer, StoryId};

/// The first report of a dam breach.
const BREACH: &str = "Kelvar Dam breach floods Ostrand valley\n\
    The Kelvar Dam on the river Aspen gave way before dawn on Sunday, flooding farms and \
    homes in the Ostrand valley. Mayor Dalia Fenwick said rescue boats pulled families from \
    rooftops and the water reached the second floor of the Ostrand school. Engineers said \
    the dam wall cracked after a week of heavy rain.";

/// A second report of the breach, naming no one new.
const BREACH_AGAIN: &str =
    "Ostrand valley families wait for water to fall after Kelvar Dam gives way\n\
    Families flooded out of the Ostrand valley when the Kelvar Dam gave way on Sunday spent a \
    second night in shelters. Mayor Dalia Fenwick said the river Aspen was still rising and \
    the Ostrand school was closed. Engineers blamed a week of heavy rain for the crack in the \
    dam wall.";

/// A follow-up weeks later: the inquiry into the breach, with names the first report never
/// wrote (the inspector, the waterworks board, the inquiry's chair).
const INQUIRY: &str =
    "Inquiry blames Waterworks Board for Kelvar Dam breach that flooded Ostrand valley\n\
    An inquiry led by judge Orla Penhallow found that the Waterworks Board ignored warnings \
    from inspector Tomas Quill about cracks in the Kelvar Dam wall before the dam gave way and \
    flooded the Ostrand valley. Quill told the inquiry he reported the cracks twice. Mayor \
    Dalia Fenwick said families deserved answers. The Waterworks Board said chairman Brenn \
    Lasko would answer questions.";

/// Later reports of the breach that write the inquiry's names too.
const LATER: [&str; 3] = [
    "Ostrand valley flood: families return to homes as river Aspen falls\n\
     Families flooded out of the Ostrand valley began returning home as the river Aspen fell, \
     a week after the Kelvar Dam gave way. Mayor Dalia Fenwick said the Ostrand school would \
     reopen on Monday. Rescue boats and engineers remain near the broken dam wall. Inspector \
     Tomas Quill had warned the Waterworks Board about the cracks.",
    "Ostrand school reopens after Kelvar Dam flood\n\
     The Ostrand school reopened on Monday, eight days after the Kelvar Dam gave way and \
     flooded the Ostrand valley. Mayor Dalia Fenwick thanked rescue crews and said families \
     still in shelters would be housed by the river Aspen. Judge Orla Penhallow will hear \
     Waterworks Board chairman Brenn Lasko.",
    "Kelvar Dam flood damage put at millions in Ostrand valley\n\
     Farms and homes in the Ostrand valley suffered damage worth millions when the Kelvar Dam \
     gave way, Mayor Dalia Fenwick said, as the river Aspen returned to its banks. Engineers \
     began work on the dam wall. Inspector Tomas Quill and chairman Brenn Lasko of the \
     Waterworks Board are to give evidence to judge Orla Penhallow.",
];

/// An unrelated story, so that the collection's IDF is not built from one story alone.
const OTHER: [&str; 2] = [
    "Vessa harbour strike halts ferries\n\
     Dock workers in Vessa walked out on Monday over pay, halting ferries to the islands of \
     Morrow and Tiel. Union leader Piet Varga said the strike would last three days.",
    "Ferries to Morrow resume as Vessa strike ends\n\
     Ferries from Vessa harbour to Morrow and Tiel sailed again on Thursday after dock \
     workers accepted a pay offer, union leader Piet Varga said.",
];

/// Feed the stream (other stories, the breach, the inquiry, the later reports) and return
/// each document's story with moves applied, plus every move reported.
fn run(opts: ClusterOptions) -> (Vec<StoryId>, Vec<(usize, StoryId)>) {
    let mut clusterer = StoryClusterer::new(opts);
    let stream = OTHER
        .iter()
        .chain([&BREACH, &BREACH_AGAIN, &INQUIRY])
        .chain(LATER.iter());
    let mut stories = Vec::new();
    let mut all_moves = Vec::new();
    for text in stream {
        stories.push(clusterer.add(&ClusterInput::text_only(text)));
        for (doc, story) in clusterer.take_moves() {
            if let Some(slot) = stories.get_mut(doc) {
                *slot = story;
            }
            all_moves.push((doc, story));
        }
    }
    (stories, all_moves)
}

/// Positions in the stream `run` feeds.
const BREACH_AT: usize = 2;
const INQUIRY_AT: usize = 4;
const LAST_AT: usize = 7;

/// A threshold at which, in this small collection, the inquiry scores just below it in the
/// breach's story on arrival (between 0.7 and 0.8 of it) and above it once the later reports
/// have joined that story; any threshold from 0.06 to 0.09 does.
const THRESHOLD: f32 = 0.075;

fn options(share: f32) -> ClusterOptions {
    ClusterOptions {
        threshold: THRESHOLD,
        second_look_share: share,
        ..ClusterOptions::default()
    }
}

#[test]
fn a_follow_up_just_below_the_threshold_joins_once_later_reports_write_its_names() {
    let (stories, moves) = run(options(ClusterOptions::default().second_look_share));
    let breach = stories[BREACH_AT];
    assert!(
        stories[BREACH_AT..=LAST_AT].iter().all(|&s| s == breach),
        "inquiry and later reports in the breach's story: {stories:?}"
    );
    assert_ne!(stories[0], breach, "{stories:?}");
    // The inquiry was placed in a story of its own first, then moved, and told once.
    assert_eq!(moves, vec![(INQUIRY_AT, breach)]);
}

#[test]
fn without_a_second_look_the_follow_up_gathers_a_story_of_its_own() {
    let (stories, moves) = run(options(0.0));
    let inquiry = stories[INQUIRY_AT];
    assert_ne!(inquiry, stories[BREACH_AT], "{stories:?}");
    // Later reports that write the inquiry's names split between the two stories: what the
    // second look prevents.
    assert!(stories[INQUIRY_AT + 1..].contains(&inquiry), "{stories:?}");
    assert!(moves.is_empty(), "{moves:?}");
}

#[test]
fn a_document_far_below_the_threshold_gets_no_second_look() {
    // On arrival the inquiry scores below 0.8 of the threshold: with a share of 0.9 it is no
    // near miss, and stays apart however well it fits later.
    let (stories, moves) = run(options(0.9));
    assert_ne!(stories[INQUIRY_AT], stories[BREACH_AT], "{stories:?}");
    assert!(moves.is_empty(), "{moves:?}");
}

#[test]
fn a_share_that_is_no_share_turns_the_second_look_off() {
    let (off, _) = run(options(0.0));
    for share in [f32::NAN, -0.5, 1.0, 2.0, f32::INFINITY] {
        let (stories, moves) = run(options(share));
        assert_eq!(stories, off, "share {share}");
        assert!(moves.is_empty(), "share {share}: {moves:?}");
    }
}

#[test]
fn without_young_stories_there_is_no_second_look() {
    // A near miss is looked at again through the features its one-document story keeps as a
    // young story's member: with young stories off (and review with them), as documented on
    // `second_look_share`, the share changes nothing.
    let without_young = |share: f32| ClusterOptions {
        young_story_size: 0,
        ..options(share)
    };
    let (off, _) = run(without_young(0.0));
    let (stories, moves) = run(without_young(ClusterOptions::default().second_look_share));
    assert_eq!(stories, off);
    assert!(moves.is_empty(), "{moves:?}");
}
