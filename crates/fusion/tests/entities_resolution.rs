//! Cross-document entity resolution on small fictional stories (invented people, places,
//! teams and outlets). Entity mentions are given by hand, each with the label a tagger might
//! give it, so these tests check resolution alone and not the NER model. Each case is a defect
//! the ECB+ benchmark (`bench/entities/`) showed on real news, written again with invented names.
use triangulate_doc::{Document, EntityLabel};
use triangulate_fusion::{analyze, AnnotatedDoc, Entity, MentionLink};

mod common;

/// One document: id, text, and its mentions as (surface, label); every occurrence of a surface
/// not inside an earlier mention is a mention.
struct Doc<'a> {
    id: &'a str,
    text: &'a str,
    mentions: &'a [(&'a str, EntityLabel)],
}

fn doc<'a>(id: &'a str, text: &'a str, mentions: &'a [(&'a str, EntityLabel)]) -> Doc<'a> {
    Doc { id, text, mentions }
}

fn annotated(d: &Doc<'_>) -> AnnotatedDoc {
    let doc = Document::from_plain_text(d.id, format!("{}.txt", d.id), d.text);

    let entities = common::hand_mentions(d.text, d.mentions);
    let mut ad = AnnotatedDoc::bare(doc);
    ad.layers.entities = entities;
    ad
}

/// The entities of the documents taken as one story.
fn entities(docs: &[Doc<'_>]) -> Vec<Entity> {
    let annotated: Vec<AnnotatedDoc> = docs.iter().map(annotated).collect();
    let opts = common::one_story();
    let analysis = analyze(&annotated, &opts);
    assert_eq!(analysis.stories.len(), 1, "the documents form one story");
    analysis
        .stories
        .into_iter()
        .flat_map(|s| s.entities)
        .collect()
}

/// The entity holding the mention with this text in this document.
fn holder<'e>(entities: &'e [Entity], doc: &str, text: &str) -> &'e Entity {
    entities
        .iter()
        .find(|e| {
            e.mentions
                .iter()
                .any(|m| m.evidence.doc_id == doc && m.evidence.text == text)
        })
        .unwrap_or_else(|| panic!("no entity holds {text:?} in {doc}: {entities:#?}"))
}

fn same(entities: &[Entity], a: (&str, &str), b: (&str, &str)) -> bool {
    holder(entities, a.0, a.1).id == holder(entities, b.0, b.1).id
}

#[test]
fn one_name_tagged_with_different_labels_in_different_documents_is_one_entity() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Coach Orsolya Venn left the Marrow Hawks on Friday. Venn had led the club for six seasons in Korvath.",
            &[
                ("Orsolya Venn", Per),
                ("Venn", Per),
                ("Marrow Hawks", Org),
                ("Korvath", Loc),
            ],
        ),
        doc(
            "b",
            "The Marrow Hawks parted ways with Orsolya Venn. Fans in Korvath were stunned.",
            &[("Orsolya Venn", Per), ("Marrow Hawks", Org), ("Korvath", Loc)],
        ),
        // The tagger read the name as an organisation here and the city as a person.
        doc(
            "c",
            "Orsolya Venn is out. Korvath reacted with anger.",
            &[("Orsolya Venn", Org), ("Korvath", Per)],
        ),
    ];
    let es = entities(&docs);
    let venn = holder(&es, "c", "Orsolya Venn");
    assert_eq!(venn.label, EntityLabel::Per);
    assert!(same(&es, ("a", "Orsolya Venn"), ("c", "Orsolya Venn")));
    assert!(same(&es, ("a", "Venn"), ("c", "Orsolya Venn")));
    assert_eq!(venn.document_count, 3);
    let city = holder(&es, "c", "Korvath");
    assert_eq!(city.label, EntityLabel::Loc);
    assert!(same(&es, ("a", "Korvath"), ("c", "Korvath")));
}

#[test]
fn a_lone_surname_in_a_minority_label_still_joins_the_person() {
    use EntityLabel::*;
    // "Venn" tagged as a place in one document: the story knows a person of that surname.
    let docs = [
        doc(
            "a",
            "Orsolya Venn resigned on Friday.",
            &[("Orsolya Venn", Per)],
        ),
        doc(
            "b",
            "Orsolya Venn said she was tired. Venn thanked the players.",
            &[("Orsolya Venn", Per), ("Venn", Loc)],
        ),
    ];
    let es = entities(&docs);
    assert!(same(&es, ("b", "Venn"), ("a", "Orsolya Venn")));
}

#[test]
fn apostrophe_names_and_possessives_attach_to_the_full_name() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Tarsk coach Jim O'Darra was fired on Monday.",
            &[("Jim O'Darra", Per), ("Tarsk", Loc)],
        ),
        doc(
            "b",
            "O'Darra's dismissal surprised nobody. O'Darra had lost nine games.",
            &[("O'Darra's", Per), ("O'Darra", Per)],
        ),
        // Corpus tokenisation: the possessive is a token of its own inside the span.
        doc(
            "c",
            "Club officials praised O'Darra 's work .",
            &[("O'Darra 's", Per)],
        ),
    ];
    let es = entities(&docs);
    let jim = holder(&es, "a", "Jim O'Darra");
    assert!(same(&es, ("a", "Jim O'Darra"), ("b", "O'Darra's")));
    assert!(same(&es, ("a", "Jim O'Darra"), ("b", "O'Darra")));
    assert!(same(&es, ("a", "Jim O'Darra"), ("c", "O'Darra 's")));
    assert!(jim
        .mentions
        .iter()
        .filter(|m| m.evidence.doc_id != "a")
        .all(|m| m.link == MentionLink::Surname));
}

#[test]
fn middle_initials_credentials_and_spaced_titles_do_not_split_a_person() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Dr. Mara K. Ostin was named health commissioner of Vaska.",
            &[("Mara K. Ostin", Per), ("Vaska", Loc)],
        ),
        doc(
            "b",
            "The governor chose Mara Ostin, MD, a rural doctor.",
            &[("Mara Ostin, MD", Per)],
        ),
        doc(
            "c",
            "Dr . Mara Ostin thanked the governor .",
            &[("Dr . Mara Ostin", Per)],
        ),
        doc("d", "Mara Ostin will start in May.", &[("Mara Ostin", Per)]),
    ];
    let es = entities(&docs);
    let ostin = holder(&es, "d", "Mara Ostin");
    assert_eq!(ostin.document_count, 4, "{es:#?}");
}

#[test]
fn a_surname_spelled_with_one_letter_more_is_the_same_person_but_other_given_names_are_not() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Climber Duncan Ferrow died on Mount Tarvel.",
            &[("Duncan Ferrow", Per), ("Mount Tarvel", Loc)],
        ),
        doc(
            "b",
            "Duncan Ferrowe, 54, fell near the summit of Mt Tarvel. His partner Lena Ferrow survived.",
            &[
                ("Duncan Ferrowe", Per),
                ("Lena Ferrow", Per),
                ("Mt Tarvel", Loc),
            ],
        ),
    ];
    let es = entities(&docs);
    assert!(same(&es, ("a", "Duncan Ferrow"), ("b", "Duncan Ferrowe")));
    assert!(!same(&es, ("a", "Duncan Ferrow"), ("b", "Lena Ferrow")));
    assert!(same(&es, ("a", "Mount Tarvel"), ("b", "Mt Tarvel")));
}

#[test]
fn a_team_or_company_named_by_its_last_word_joins_the_one_full_name() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "The Vesk Harbor Gulls signed a new coach. The Ostrel Academy of Arts praised the move.",
            &[("Vesk Harbor Gulls", Org), ("Ostrel Academy of Arts", Org)],
        ),
        doc(
            "b",
            "The Gulls have not won a title since 1998, the Academy said.",
            &[("Gulls", Org), ("Academy", Org)],
        ),
    ];
    let es = entities(&docs);
    assert!(same(&es, ("a", "Vesk Harbor Gulls"), ("b", "Gulls")));
    assert!(same(&es, ("a", "Ostrel Academy of Arts"), ("b", "Academy")));
}

#[test]
fn a_short_name_two_organisations_share_and_a_place_inside_a_longer_place_stay_apart() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "The Vesk Harbor Gulls beat the Brenna Gulls. Trade between Esteria and North Esteria resumed.",
            &[
                ("Vesk Harbor Gulls", Org),
                ("Brenna Gulls", Org),
                ("North Esteria", Loc),
                ("Esteria", Loc),
            ],
        ),
        doc(
            "b",
            "The Gulls fans celebrated in Esteria.",
            &[("Gulls", Org), ("Esteria", Loc)],
        ),
    ];
    let es = entities(&docs);
    assert!(!same(&es, ("b", "Gulls"), ("a", "Vesk Harbor Gulls")));
    assert!(!same(&es, ("b", "Gulls"), ("a", "Brenna Gulls")));
    assert!(!same(&es, ("b", "Esteria"), ("a", "North Esteria")));
}

#[test]
fn a_headline_span_ending_in_a_known_full_name_is_that_person() {
    use EntityLabel::*;
    // Title-case headlines lead the tagger to take headline words into the name.
    let docs = [
        doc(
            "a",
            "Marrow Hawks Fire Coach Orsolya Venn\nThe Marrow Hawks fired Orsolya Venn on Friday.",
            &[
                ("Marrow Hawks Fire Coach Orsolya Venn", Org),
                ("Marrow Hawks", Org),
                ("Orsolya Venn", Per),
            ],
        ),
        doc(
            "b",
            "Board Names Orsolya Venn\nOrsolya Venn will chair the Orsolya Venn Foundation.",
            &[
                ("Board Names Orsolya Venn", Per),
                ("Orsolya Venn Foundation", Org),
                ("Orsolya Venn", Per),
            ],
        ),
    ];
    let es = entities(&docs);
    assert!(same(
        &es,
        ("a", "Marrow Hawks Fire Coach Orsolya Venn"),
        ("a", "Orsolya Venn")
    ));
    assert!(same(
        &es,
        ("b", "Board Names Orsolya Venn"),
        ("a", "Orsolya Venn")
    ));
    assert!(!same(
        &es,
        ("b", "Orsolya Venn Foundation"),
        ("a", "Orsolya Venn")
    ));
}

#[test]
fn a_bare_surname_still_attaches_after_a_headline_span_was_merged_into_its_person() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Board Names Orsolya Venn\nOrsolya Venn will chair the board.",
            &[("Board Names Orsolya Venn", Per), ("Orsolya Venn", Per)],
        ),
        doc("b", "Venn starts in May.", &[("Venn", Per)]),
    ];
    let es = entities(&docs);
    assert!(same(&es, ("b", "Venn"), ("a", "Orsolya Venn")));
}

#[test]
fn generational_suffixes_do_not_hide_the_surname() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Accountant Anthony Varga III was charged on Monday. Varga denied the charges.",
            &[("Anthony Varga III", Per), ("Varga", Per)],
        ),
        doc(
            "b",
            "Anthony Varga, 39, was released on bail. Lawyers for Varga said little.",
            &[("Anthony Varga", Per), ("Varga", Per)],
        ),
        doc(
            "c",
            "Neighbours said Varga kept to himself. Tomas Kell Jr. and Kell spoke to reporters.",
            &[("Varga", Per), ("Tomas Kell Jr.", Per), ("Kell", Per)],
        ),
    ];
    let es = entities(&docs);
    let varga = holder(&es, "a", "Anthony Varga III");
    assert!(same(
        &es,
        ("a", "Anthony Varga III"),
        ("b", "Anthony Varga")
    ));
    assert!(same(&es, ("a", "Anthony Varga III"), ("c", "Varga")));
    assert_eq!(varga.document_count, 3);
    assert!(same(&es, ("c", "Tomas Kell Jr."), ("c", "Kell")));
}

#[test]
fn a_full_name_with_a_middle_name_is_the_same_person() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Police arrested Anthony Phillip Varga on Monday.",
            &[("Anthony Phillip Varga", Per)],
        ),
        doc(
            "b",
            "Anthony Varga was released on bail.",
            &[("Anthony Varga", Per)],
        ),
    ];
    let es = entities(&docs);
    assert!(same(
        &es,
        ("a", "Anthony Phillip Varga"),
        ("b", "Anthony Varga")
    ));
}

#[test]
fn a_bare_surname_shared_by_relatives_means_the_one_the_story_is_about() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Anthony Varga was charged. Anthony Varga denied it.",
            &[("Anthony Varga", Per)],
        ),
        doc(
            "b",
            "Anthony Varga, 39, and his mother Michele Varga appeared in court. Varga pleaded not guilty.",
            &[
                ("Anthony Varga", Per),
                ("Michele Varga", Per),
                ("Varga", Per),
            ],
        ),
        doc(
            "c",
            "Lawyers for Anthony Varga asked for bail. Varga stayed silent.",
            &[("Anthony Varga", Per), ("Varga", Per)],
        ),
    ];
    let es = entities(&docs);
    assert!(same(&es, ("b", "Varga"), ("a", "Anthony Varga")));
    assert!(!same(&es, ("b", "Michele Varga"), ("a", "Anthony Varga")));
}

#[test]
fn a_leading_article_is_not_part_of_the_name() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "The Marrow Hawks won again.",
            &[("The Marrow Hawks", Org)],
        ),
        doc(
            "b",
            "Fans of the Marrow Hawks celebrated.",
            &[("Marrow Hawks", Org)],
        ),
    ];
    let es = entities(&docs);
    assert!(same(&es, ("a", "The Marrow Hawks"), ("b", "Marrow Hawks")));
}

#[test]
fn a_team_short_name_tagged_misc_joins_the_team_named_far_more_often_than_a_stray_span() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "The Vesk Harbor Gulls beat Brenna. Go Gulls!",
            &[("Vesk Harbor Gulls", Org), ("Go Gulls", Org)],
        ),
        // The tagger calls the short name MISC here.
        doc(
            "b",
            "The Gulls won. Coach Ilse Marr praised the Gulls.",
            &[("Gulls", Misc), ("Ilse Marr", Per)],
        ),
        doc(
            "c",
            "Vesk Harbor Gulls fans sang. The Vesk Harbor Gulls play again on Sunday.",
            &[("Vesk Harbor Gulls", Org)],
        ),
    ];
    let es = entities(&docs);
    assert!(same(&es, ("b", "Gulls"), ("c", "Vesk Harbor Gulls")));
    assert!(!same(&es, ("a", "Go Gulls"), ("c", "Vesk Harbor Gulls")));
}

#[test]
fn a_lower_case_role_before_a_person_names_her_later_but_not_before_a_team() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Perennial party girl and actress Tara Vell checked into a clinic. Ilse Marr will coach Marrow Hawks next year.",
            &[
                ("Tara Vell", Per),
                ("Ilse Marr", Per),
                ("Marrow Hawks", Org),
            ],
        ),
        doc(
            "b",
            "A friend of the actress said she was doing well. The coach declined to comment.",
            &[],
        ),
    ];
    let es = entities(&docs);
    let vell = holder(&es, "b", "the actress");
    assert_eq!(vell.name, "Tara Vell");
    assert!(vell.titles.iter().any(|t| t == "actress"));
    assert!(
        !es.iter().any(|e| e
            .mentions
            .iter()
            .any(|m| m.evidence.text.eq_ignore_ascii_case("the coach"))),
        "{es:#?}"
    );
}

#[test]
fn curly_possessives_accents_and_punctuation_only_spans_are_read_without_panics() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Ana Velić’s cabinet met. « … » Dr. — Velic spoke.",
            &[
                ("Ana Velić’s", Per),
                ("« … »", Per),
                ("Dr. —", Per),
                ("Velic", Per),
            ],
        ),
        doc(
            "b",
            "Ana Velic arrived in Brenna.",
            &[("Ana Velic", Per), ("Brenna", Loc)],
        ),
    ];
    let es = entities(&docs);
    assert!(same(&es, ("a", "Ana Velić’s"), ("b", "Ana Velic")));
    assert!(same(&es, ("a", "Velic"), ("b", "Ana Velic")));
    assert!(!es
        .iter()
        .any(|e| e.mentions.iter().any(|m| m.evidence.text == "« … »")));
}

#[test]
fn a_title_alone_is_found_in_a_text_whose_lower_case_is_longer() {
    use EntityLabel::*;
    // "İ" lower-cases to two characters: a full lower-casing would shift every offset after it.
    let docs = [
        doc(
            "a",
            "Prime Minister Ana Velic arrived.",
            &[("Ana Velic", Per)],
        ),
        doc(
            "b",
            "İzmir hosted the talks. The prime minister spoke first.",
            &[("İzmir", Loc)],
        ),
    ];
    let es = entities(&docs);
    let velic = holder(&es, "b", "The prime minister");
    assert_eq!(velic.name, "Ana Velic");
}

#[test]
fn names_one_letter_apart_are_two_people_when_one_article_writes_both_or_only_a_final_vowel_differs(
) {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Ivan Marek scored twice for Tarvel Rovers. Anna Lind, the club doctor, and her sister-in-law Anna Lindt watched.",
            &[
                ("Ivan Marek", Per),
                ("Tarvel Rovers", Org),
                ("Anna Lindt", Per),
                ("Anna Lind", Per),
            ],
        ),
        doc(
            "b",
            "Ivana Marek, his sister, won the junior race. Anna Lind praised both. Stojan Markelov coached them.",
            &[
                ("Ivana Marek", Per),
                ("Anna Lind", Per),
                ("Stojan Markelov", Per),
            ],
        ),
        doc(
            "c",
            "Coach Stoyan Markelov said Ivan Marek was ready.",
            &[("Stoyan Markelov", Per), ("Ivan Marek", Per)],
        ),
    ];
    let es = entities(&docs);
    assert!(!same(&es, ("a", "Ivan Marek"), ("b", "Ivana Marek")));
    assert!(same(&es, ("a", "Ivan Marek"), ("c", "Ivan Marek")));
    assert!(!same(&es, ("a", "Anna Lind"), ("a", "Anna Lindt")));
    assert!(same(&es, ("a", "Anna Lind"), ("b", "Anna Lind")));
    // A transliteration variant inside the given name is still one person.
    assert!(same(
        &es,
        ("b", "Stojan Markelov"),
        ("c", "Stoyan Markelov")
    ));
}

#[test]
fn a_bare_surname_right_after_a_relative_is_named_is_the_relative_not_the_main_bearer() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Prime Minister Ana Velic won a second term. Ana Velic thanked voters in Orsk.",
            &[("Ana Velic", Per), ("Orsk", Loc)],
        ),
        doc(
            "b",
            "Ana Velic spoke first. Her husband, Dario Velic, wept in the front row. \"It was a long road,\" Velic said.",
            &[("Ana Velic", Per), ("Dario Velic", Per), ("Velic", Per)],
        ),
        doc(
            "c",
            "Ana Velic named her cabinet. Velic kept the finance ministry.",
            &[("Ana Velic", Per), ("Velic", Per)],
        ),
    ];
    let es = entities(&docs);
    assert!(same(&es, ("b", "Velic"), ("b", "Dario Velic")));
    assert!(!same(&es, ("b", "Dario Velic"), ("a", "Ana Velic")));
    // Where no relative is named, the story's main bearer still takes the surname.
    assert!(same(&es, ("c", "Velic"), ("a", "Ana Velic")));
}

#[test]
fn a_title_set_off_by_a_curly_quote_is_read_like_one_set_off_by_a_straight_quote() {
    use EntityLabel::*;
    let titles_of_kell = |text: &str| {
        let docs = [doc("a", text, &[("Tomas Kell", Per)])];
        holder(&entities(&docs), "a", "Tomas Kell").titles.clone()
    };
    let straight = titles_of_kell("The office of Trade Minister \"Tomas Kell\" closed.");
    let curly = titles_of_kell("The office of Trade Minister \u{201c}Tomas Kell\u{201d} closed.");
    assert_eq!(straight, curly);
    // Multi-byte text before a mention is read without panics, and a title right before the
    // name is still found.
    let spaced = titles_of_kell("Žlutý kůň běží přes řeku — Trade Minister Tomas Kell spoke.");
    assert_eq!(spaced, vec!["trade minister".to_string()]);
}

#[test]
fn title_words_inside_an_organisation_name_are_part_of_the_name() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "The Finance Ministry of Esteria and the Interior Ministry disagreed. General Orvane Motors cut jobs.",
            &[
                ("Finance Ministry", Org),
                ("Interior Ministry", Org),
                ("Esteria", Loc),
                ("General Orvane Motors", Org),
            ],
        ),
        doc(
            "b",
            "Before the general election, the Finance Ministry froze spending. Prime Minister Ana Velic agreed; the prime minister spoke in Orsk.",
            &[
                ("Finance Ministry", Org),
                ("Ana Velic", Per),
                ("Orsk", Loc),
            ],
        ),
    ];
    let es = entities(&docs);
    assert!(same(
        &es,
        ("a", "Finance Ministry"),
        ("b", "Finance Ministry")
    ));
    assert!(!same(
        &es,
        ("a", "Finance Ministry"),
        ("a", "Interior Ministry")
    ));
    let motors = holder(&es, "a", "General Orvane Motors");
    assert!(motors.titles.is_empty(), "{motors:#?}");
    assert!(motors
        .mentions
        .iter()
        .all(|m| m.evidence.text != "the general"));
    // People keep their titles, and "the prime minister" still names the one who has it.
    assert!(same(&es, ("b", "Ana Velic"), ("b", "the prime minister")));
}

#[test]
fn a_town_named_again_and_again_is_not_turned_into_the_person_who_bears_its_name() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "Mayor Mara Kellton opened the dam in Kellton. Mara Kellton cut the ribbon.",
            &[("Mara Kellton", Per), ("Kellton", Loc)],
        ),
        doc(
            "b",
            "Mara Kellton said the dam at Kellton holds.",
            &[("Mara Kellton", Per), ("Kellton", Loc)],
        ),
    ];
    let es = entities(&docs);
    assert!(!same(&es, ("a", "Kellton"), ("a", "Mara Kellton")));
    assert!(same(&es, ("a", "Kellton"), ("b", "Kellton")));
    assert_eq!(holder(&es, "b", "Kellton").label, Loc);
}

#[test]
fn a_newspaper_short_name_is_the_paper_its_own_document_names() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "The Orsk Post first reported the leak. The Orsk Post said the Post had three sources.",
            &[("Orsk Post", Org), ("Post", Org)],
        ),
        doc(
            "b",
            "According to the Orsk Post, the minister knew. The Orsk Post stood by its story.",
            &[("Orsk Post", Org)],
        ),
        doc(
            "c",
            "The Tarvel Post disputed the account. An editor at the Post called it thin.",
            &[("Tarvel Post", Org), ("Post", Org)],
        ),
        doc("d", "Readers of the Post were split.", &[("Post", Org)]),
    ];
    let es = entities(&docs);
    assert!(same(&es, ("a", "Post"), ("a", "Orsk Post")));
    assert!(same(&es, ("c", "Post"), ("c", "Tarvel Post")));
    assert!(!same(&es, ("c", "Tarvel Post"), ("a", "Orsk Post")));
    // A document naming neither paper gets the one the story names far more often.
    assert!(same(&es, ("d", "Post"), ("a", "Orsk Post")));
}

#[test]
fn a_title_alone_is_a_whole_phrase_not_the_end_of_a_longer_word() {
    use EntityLabel::*;
    let docs = [doc(
        "a",
        "Mayor Tomas Kell spoke in Orsk. Aides tried to soothe mayor-backing donors. Later the mayor left.",
        &[("Tomas Kell", Per), ("Orsk", Loc)],
    )];
    let es = entities(&docs);
    let kell = holder(&es, "a", "Tomas Kell");
    let titles_alone: Vec<usize> = kell
        .mentions
        .iter()
        .filter(|m| m.link == MentionLink::Title)
        .map(|m| m.evidence.span.start)
        .collect();
    let later = docs[0].text.find("the mayor left").unwrap_or(usize::MAX);
    assert_eq!(titles_alone, vec![later], "{kell:#?}");
}

#[test]
fn a_team_short_name_is_not_the_head_of_a_film_title() {
    use EntityLabel::*;
    let docs = [
        doc(
            "a",
            "The Giants beat Orsk 3-1. The film Gentle Giants opened the same night.",
            &[("Gentle Giants", Misc), ("Giants", Org), ("Orsk", Org)],
        ),
        doc(
            "b",
            "The Giants will play Orsk again. Pistons fans cheered the Tarvel Pistons.",
            &[
                ("Tarvel Pistons", Org),
                ("Giants", Org),
                ("Orsk", Org),
                ("Pistons", Misc),
            ],
        ),
    ];
    let es = entities(&docs);
    assert!(!same(&es, ("a", "Giants"), ("a", "Gentle Giants")));
    assert!(same(&es, ("a", "Giants"), ("b", "Giants")));
    // A team's short name the tagger called MISC still joins the team.
    assert!(same(&es, ("b", "Pistons"), ("b", "Tarvel Pistons")));
}

#[test]
fn initials_at_a_sentence_end_keep_their_period_in_the_name() {
    let es = entities(&[
        doc(
            "a",
            "Ana Velic will travel to the U.K. next week. Trade with the U.K. has doubled.",
            &[("Ana Velic", EntityLabel::Per), ("U.K", EntityLabel::Loc)],
        ),
        doc(
            "b",
            "Ana Velic said exports went to the U.K.",
            &[("Ana Velic", EntityLabel::Per), ("U.K", EntityLabel::Loc)],
        ),
    ]);
    let uk = holder(&es, "b", "U.K");
    assert_eq!(uk.name, "U.K.");
    assert!(!uk.aliases.iter().any(|a| a == "U.K"), "{:?}", uk.aliases);
}
