//! Story clustering on same-kind events that share their main actor: the secondary names and
//! the numbers must keep the events apart, while reports of one event still come together.
//! Fictional people, places and outlets throughout.
use triangulate_doc::PartialDate;
use triangulate_fusion::{ClusterInput, ClusterOptions, StoryClusterer, StoryId};

fn cluster(docs: &[&str], opts: ClusterOptions) -> Vec<StoryId> {
    let mut clusterer = StoryClusterer::new(opts);
    docs.iter()
        .map(|text| {
            clusterer.add(&ClusterInput {
                text,
                names: &[],
                published: None,
                mentioned: &[],
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

fn cluster_dated(docs: &[(&str, PartialDate)], opts: ClusterOptions) -> Vec<StoryId> {
    let mut clusterer = StoryClusterer::new(opts);
    docs.iter()
        .map(|&(text, published)| {
            clusterer.add(&ClusterInput {
                text,
                names: &[],
                published: Some(published),
                mentioned: &[],
            })
        })
        .collect()
}

const FAIR: [&str; 4] = [
    "The Tessaly spring fair opened in Varn on Saturday with 212 stalls, and mayor Ilsa Brant cut the ribbon before a crowd of several thousand.",
    "Mayor Ilsa Brant opened the Tessaly spring fair in Varn on Saturday; 212 stalls sold crafts, cheese and cider to a crowd of several thousand.",
    "Organisers of the Tessaly spring fair in Varn said on Monday that its 212 stalls drew a record crowd in March, and mayor Ilsa Brant promised a bigger site.",
    "The Tessaly spring fair opened in Varn on Saturday with 230 stalls, and mayor Ilsa Brant cut the ribbon before a crowd of several thousand.",
];

#[test]
fn a_follow_up_months_later_joins_but_next_years_edition_does_not() {
    let ids = cluster_dated(
        &[
            (FAIR[0], PartialDate::ymd(2025, 3, 8)),
            (FAIR[1], PartialDate::ymd(2025, 3, 9)),
            // Three months later: the organisers' figures, still the same fair.
            (FAIR[2], PartialDate::ymd(2025, 6, 9)),
            // The next year's fair, reported in nearly the same words.
            (FAIR[3], PartialDate::ymd(2026, 3, 7)),
        ],
        ClusterOptions::default(),
    );
    assert_eq!(ids[0], ids[1]);
    assert_eq!(ids[0], ids[2], "a report three months on is the same story");
    assert_ne!(ids[0], ids[3], "next year's edition is a new story");
}

fn cluster_mentioning(
    docs: &[(&str, PartialDate, &[PartialDate])],
    opts: ClusterOptions,
) -> Vec<StoryId> {
    let mut clusterer = StoryClusterer::new(opts);
    docs.iter()
        .map(|&(text, published, mentioned)| {
            clusterer.add(&ClusterInput {
                text,
                names: &[],
                published: Some(published),
                mentioned,
            })
        })
        .collect()
}

const SHOOTING: [&str; 3] = [
    "Teacher Ornella Vask was shot dead outside the Brelin market hall on Friday while shielding two pupils; police in Brelin arrested Tomo Askar, 19, on Saturday.",
    "Police in Brelin charged Tomo Askar, 19, with the murder of teacher Ornella Vask, who was shot outside the market hall on Friday as she shielded two pupils.",
    // Eighteen months later: the trial, which names the day of the shooting.
    "The murder trial of Tomo Askar opened in Brelin on Monday. Prosecutors say Askar shot teacher Ornella Vask outside the market hall on October 21, 2011 as she shielded two pupils.",
];

#[test]
fn a_trial_report_that_names_the_shootings_date_joins_its_story_a_year_and_a_half_later() {
    let shooting = PartialDate::ymd(2011, 10, 21);
    let trial_day = PartialDate::ymd(2013, 4, 15);
    let ids = cluster_mentioning(
        &[
            (SHOOTING[0], PartialDate::ymd(2011, 10, 22), &[]),
            (SHOOTING[1], PartialDate::ymd(2011, 10, 24), &[]),
            (SHOOTING[2], trial_day, &[shooting, trial_day]),
        ],
        ClusterOptions::default(),
    );
    assert_eq!(ids[0], ids[1]);
    assert_eq!(
        ids[0], ids[2],
        "the trial report writes the shooting's date"
    );

    // Without the written date the publication dates alone keep the trial apart: the
    // written date is what joins it.
    let ids = cluster_mentioning(
        &[
            (SHOOTING[0], PartialDate::ymd(2011, 10, 22), &[]),
            (SHOOTING[1], PartialDate::ymd(2011, 10, 24), &[]),
            (SHOOTING[2], trial_day, &[trial_day]),
        ],
        ClusterOptions::default(),
    );
    assert_ne!(ids[0], ids[2]);

    // Trial reports first, the shooting's report later (a stream out of order): the story
    // remembers the date its members wrote.
    let ids = cluster_mentioning(
        &[
            (SHOOTING[2], trial_day, &[shooting, trial_day]),
            (SHOOTING[0], PartialDate::ymd(2011, 10, 22), &[]),
        ],
        ClusterOptions::default(),
    );
    assert_eq!(
        ids[0], ids[1],
        "the story keeps the dates its members write"
    );
}
