//! Story clustering on same-kind events that share their main actor: the secondary names and
//! the numbers must keep the events apart, while reports of one event still come together.
//! Fictional people, places and outlets throughout.
use triangulate_fusion::{ClusterInput, ClusterOptions, StoryClusterer, StoryId};

fn cluster(docs: &[&str], opts: ClusterOptions) -> Vec<StoryId> {
    let mut clusterer = StoryClusterer::new(opts);
    docs.iter()
        .map(|text| {
            clusterer.add(&ClusterInput {
                text,
                names: &[],
                published: None,
            })
        })
        .collect()
}

const DEFENCES: [&str; 6] = [
    "Champion Dorran Vesk stopped challenger Ilo Parrat in the sixth round in Kessa on Saturday to keep his three heavyweight belts. Vesk, 48-2, dropped Parrat twice before referee Hamm Tolle waved it off.",
    "Dorran Vesk retained his heavyweight titles by stopping Ilo Parrat in round six at the Kessa arena. Parrat had lost to Vesk once before; Vesk improved to 48-2.",
    "Dorran Vesk needed seven rounds to dispose of late substitute Marek Oduya in Lunsk. Vesk, 41-2, floored Oduya with a left hook and the fight was stopped in the seventh.",
    "Heavyweight champion Vesk beat Ilo Parrat in Kessa: the sixth-round stoppage leaves Vesk at 48-2 with his three belts intact, said promoter Sefa Grun.",
    "Marek Oduya, a substitute opponent, lasted until the seventh round against Dorran Vesk in Lunsk before the referee stopped the fight. Vesk is now 41-2.",
    "In Lunsk, Vesk stopped Oduya in seven rounds to retain his title; Oduya had taken the fight on ten days notice, promoter Ral Vinter said.",
];

#[test]
fn two_title_defences_of_one_champion_stay_apart() {
    let ids = cluster(&DEFENCES, ClusterOptions::default());
    // Documents 0, 1, 3: the Parrat fight in Kessa; 2, 4, 5: the Oduya fight in Lunsk.
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[0], ids[3]);
    assert_eq!(ids[2], ids[4]);
    assert_eq!(ids[2], ids[5]);
    assert_ne!(ids[0], ids[2]);
}
