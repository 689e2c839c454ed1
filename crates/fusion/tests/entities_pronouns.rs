//! Pronouns attached to the people of a story, on small fictional documents (invented people,
//! places and outlets). Entity mentions are given by hand, so these tests check the pronoun rule
//! (rule 10 of `entities.rs`) alone and not the NER model.
use triangulate_doc::{Document, EntityLabel, Span};
use triangulate_fusion::{analyze, AnnotatedDoc, Entity, MentionLink};
use triangulate_quotes::{Quote, QuoteKind};

mod common;

/// A document whose mentions are every occurrence of each (surface, label), and whose direct
/// quotes are the text between each pair of straight double quotes.
fn annotated(id: &str, text: &str, mentions: &[(&str, EntityLabel)]) -> AnnotatedDoc {
    let doc = Document::from_plain_text(id, format!("{id}.txt"), text);
    let entities = common::hand_mentions(text, mentions);
    let marks: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
    let quotes = marks
        .chunks_exact(2)
        .filter_map(|pair| match pair {
            [open, close] => Some(Quote {
                span: Span::new(open + 1, *close),
                parts: Vec::new(),
                kind: QuoteKind::Direct,
                cue: None,
                speaker: None,
                via: None,
                confidence: 1.0,
            }),
            _ => None,
        })
        .collect();
    let mut ad = AnnotatedDoc::bare(doc);
    ad.layers.entities = entities;
    ad.layers.quotes = quotes;
    ad
}

/// The entities of one document taken as a story.
fn entities(text: &str, mentions: &[(&str, EntityLabel)]) -> Vec<Entity> {
    let annotated = vec![annotated("d1", text, mentions)];
    let opts = common::one_story();
    analyze(&annotated, &opts)
        .stories
        .into_iter()
        .flat_map(|s| s.entities)
        .collect()
}

/// The name of the entity holding the `nth` (0-based) occurrence of the whole word `word` as a
/// pronoun, or None when no entity holds it.
fn pronoun_holder(entities: &[Entity], text: &str, word: &str, nth: usize) -> Option<String> {
    let start = text
        .match_indices(word)
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .nth(nth)
        .unwrap_or_else(|| panic!("no occurrence {nth} of {word:?}"));
    let span = Span::new(start, start + word.len());
    entities
        .iter()
        .find(|e| {
            e.mentions
                .iter()
                .any(|m| m.evidence.span == span && m.link == MentionLink::Pronoun)
        })
        .map(|e| e.name.clone())
}

const PER: EntityLabel = EntityLabel::Per;

#[test]
fn a_pronoun_after_two_people_of_different_gender_takes_the_one_whose_gender_fits() {
    let text = "Ms. Ilka Varo met Mr. Tomas Brell at the harbour office in Dunmere. \
                He refused to sign the lease. She left the office an hour later.";
    let people = [("Ilka Varo", PER), ("Tomas Brell", PER)];
    let found = entities(text, &people);
    assert_eq!(
        pronoun_holder(&found, text, "He", 0).as_deref(),
        Some("Tomas Brell")
    );
    assert_eq!(
        pronoun_holder(&found, text, "She", 0).as_deref(),
        Some("Ilka Varo")
    );
}

#[test]
fn gender_is_learned_from_a_pronoun_with_one_person_to_refer_to() {
    // Nothing but "his" after Oren Kask's sole mention says Kask is a man; that is enough to
    // send the later "she" to Mira Soll, although Kask is the subject of its sentence.
    let text = "Oren Kask opened the bakery in Lorrow in 1998. His brother still runs it. \
                Kask hired Mira Soll last spring. She now bakes the bread.";
    let people = [("Oren Kask", PER), ("Kask", PER), ("Mira Soll", PER)];
    let found = entities(text, &people);
    assert_eq!(
        pronoun_holder(&found, text, "His", 0).as_deref(),
        Some("Oren Kask")
    );
    assert_eq!(
        pronoun_holder(&found, text, "She", 0).as_deref(),
        Some("Mira Soll")
    );
}

#[test]
fn the_subject_of_the_latest_sentence_is_preferred_when_gender_does_not_decide() {
    let text =
        "Dana Ulm thanked Petra Vosk after the vote. She said the new bridge would open in May.";
    let found = entities(text, &[("Dana Ulm", PER), ("Petra Vosk", PER)]);
    assert_eq!(
        pronoun_holder(&found, text, "She", 0).as_deref(),
        Some("Dana Ulm")
    );
}

#[test]
fn a_pronoun_inside_a_quote_does_not_take_a_person_named_outside_it() {
    let text = "Ms. Ilka Varo spoke at the harbour. \"She will never sign it,\" a clerk told \
                reporters.";
    let found = entities(text, &[("Ilka Varo", PER)]);
    assert_eq!(pronoun_holder(&found, text, "She", 0), None);
    // Outside the quote, the same pronoun attaches.
    let text =
        "Ms. Ilka Varo spoke at the harbour. She will never sign it, a clerk told reporters.";
    let found = entities(text, &[("Ilka Varo", PER)]);
    assert_eq!(
        pronoun_holder(&found, text, "She", 0).as_deref(),
        Some("Ilka Varo")
    );
}

#[test]
fn a_pronoun_far_from_any_named_person_stays_unattached() {
    let text = "Tomas Brell opened the market on Monday. The stalls sold out by noon. Prices rose \
                across Dunmere. Fishing boats stayed in port. Traders expect rain. He left.";
    let found = entities(text, &[("Tomas Brell", PER)]);
    assert_eq!(pronoun_holder(&found, text, "He", 0), None);
}

#[test]
fn pronouns_are_mentions_never_aliases() {
    let text = "Mr. Tomas Brell resigned. He gave no reason.";
    let found = entities(text, &[("Tomas Brell", PER)]);
    let brell = found
        .iter()
        .find(|e| e.name == "Tomas Brell")
        .expect("Brell is an entity");
    assert!(brell
        .mentions
        .iter()
        .any(|m| m.link == MentionLink::Pronoun && m.evidence.text == "He"));
    assert!(!brell.aliases.iter().any(|a| a == "He"), "{brell:#?}");
}

#[test]
fn an_organisation_never_takes_a_personal_pronoun() {
    let text = "Dunmere Harbour Authority raised its fees. He objected.";
    let found = entities(text, &[("Dunmere Harbour Authority", EntityLabel::Org)]);
    assert_eq!(pronoun_holder(&found, text, "He", 0), None);
}

#[test]
fn who_right_after_a_name_is_that_person_and_nothing_else() {
    let text = "Police questioned Orla Penn, who runs the ferry to Dunmere. A neighbour who saw \
                the fire called them.";
    let found = entities(text, &[("Orla Penn", PER)]);
    assert_eq!(
        pronoun_holder(&found, text, "who", 0).as_deref(),
        Some("Orla Penn")
    );
    // "A neighbour who" follows no name: left alone.
    assert_eq!(pronoun_holder(&found, text, "who", 1), None);
}

/// The name of the entity holding the mention whose text is `text_of_mention` through a
/// description link, or None.
fn description_holder(entities: &[Entity], text_of_mention: &str) -> Option<String> {
    entities
        .iter()
        .find(|e| {
            e.mentions
                .iter()
                .any(|m| m.link == MentionLink::Description && m.evidence.text == text_of_mention)
        })
        .map(|e| e.name.clone())
}

#[test]
fn an_apposition_and_a_later_description_name_the_person_they_follow() {
    let text = "Tara Vell, a 33-year-old actress, left the Lorrow clinic on Friday. Staff said \
                the actress had thanked them.";
    let found = entities(text, &[("Tara Vell", PER)]);
    assert_eq!(
        description_holder(&found, "a 33-year-old actress").as_deref(),
        Some("Tara Vell")
    );
    assert_eq!(
        description_holder(&found, "the actress").as_deref(),
        Some("Tara Vell")
    );
}

#[test]
fn a_description_given_to_two_people_stays_unattached() {
    let text = "Tara Vell, a 33-year-old actress, and Nina Rusk, a 41-year-old actress, left the \
                Lorrow clinic on Friday. Staff said the actress had thanked them.";
    let found = entities(text, &[("Tara Vell", PER), ("Nina Rusk", PER)]);
    assert_eq!(
        description_holder(&found, "a 41-year-old actress").as_deref(),
        Some("Nina Rusk")
    );
    assert_eq!(description_holder(&found, "the actress"), None);
}

#[test]
fn a_description_naming_something_is_cut_to_its_head_noun() {
    let text = "Ravi Osk, a Dunmere County deputy, arrested the driver.";
    let found = entities(
        text,
        &[("Ravi Osk", PER), ("Dunmere County", EntityLabel::Loc)],
    );
    assert_eq!(
        description_holder(&found, "deputy").as_deref(),
        Some("Ravi Osk")
    );
}

#[test]
fn they_is_a_team_with_a_plural_name_only_when_no_person_comes_between() {
    let text = "The Marrow Hawks beat Lorrow on Sunday. They now lead the league.";
    let found = entities(
        text,
        &[
            ("Marrow Hawks", EntityLabel::Org),
            ("Lorrow", EntityLabel::Loc),
        ],
    );
    assert_eq!(
        pronoun_holder(&found, text, "They", 0).as_deref(),
        Some("Marrow Hawks")
    );
    let text = "The Marrow Hawks thanked coach Orla Penn on Sunday. They now lead the league.";
    let found = entities(
        text,
        &[("Marrow Hawks", EntityLabel::Org), ("Orla Penn", PER)],
    );
    assert_eq!(pronoun_holder(&found, text, "They", 0), None);
    // An organisation with a singular name is not "they".
    let text = "Dunmere Harbour Authority raised the fees. They said costs had doubled.";
    let found = entities(text, &[("Dunmere Harbour Authority", EntityLabel::Org)]);
    assert_eq!(pronoun_holder(&found, text, "They", 0), None);
}
