//! Quote and attribution cases (all people, outlets and places are fictional).
use triangulate_doc::{EntityLabel, EntityMention, Span};
use triangulate_quotes::{find_quotes, Quote, QuoteKind, Resolution, Tense};
use triangulate_text::analyze;

mod common;
use common::{quotes, s};

const PER: EntityLabel = EntityLabel::Per;
const ORG: EntityLabel = EntityLabel::Org;

#[test]
fn direct_curly_with_cue_after_and_name_after_cue() {
    let text = "“We will not resign over this,” said Ana Velic.";
    let q = quotes(text, &[("Ana Velic", PER)]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(s(text, q[0].span), "We will not resign over this,");
    let cue = q[0].cue.as_ref().expect("cue");
    assert_eq!((cue.lemma.as_str(), cue.tense), ("say", Tense::Past));
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(s(text, speaker.span), "Ana Velic");
    assert_eq!(speaker.name.as_deref(), Some("Ana Velic"));
    assert_eq!(speaker.resolution, Resolution::Named);
}

#[test]
fn direct_straight_with_name_before_cue() {
    let text = "\"The budget is balanced for the first time,\" Velic says.";
    let q = quotes(text, &[("Velic", PER)]);
    assert_eq!(q.len(), 1);
    assert_eq!(
        s(text, q[0].span),
        "The budget is balanced for the first time,"
    );
    assert_eq!(q[0].cue.as_ref().map(|c| c.tense), Some(Tense::Present));
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Velic")
    );
}

#[test]
fn cue_before_the_quote() {
    let text = "Velic told Nordwire: “The talks will resume on Monday in Brenna.”";
    let q = quotes(text, &[("Velic", PER), ("Nordwire", ORG)]);
    assert_eq!(q.len(), 1);
    assert_eq!(
        s(text, q[0].span),
        "The talks will resume on Monday in Brenna."
    );
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Velic")
    );
    let via = q[0].via.as_ref().expect("via");
    assert_eq!(
        (s(text, via.span), via.resolution),
        ("Nordwire", Resolution::Agency)
    );
    assert_eq!(q[0].cue.as_ref().map(|c| c.lemma.as_str()), Some("tell"));
}

#[test]
fn pronoun_resolves_to_most_recent_speaker() {
    let text = "“We will not resign,” said Ana Velic. Tomas Reyl was in the room. “Nobody asked us about the plan,” she added.";
    let q = quotes(text, &[("Ana Velic", PER), ("Tomas Reyl", PER)]);
    assert_eq!(q.len(), 2);
    let speaker = q[1].speaker.as_ref().expect("speaker");
    assert_eq!(s(text, speaker.span), "she");
    assert_eq!(speaker.resolution, Resolution::Pronoun);
    assert_eq!(speaker.name.as_deref(), Some("Ana Velic"));
    assert_eq!(q[1].cue.as_ref().map(|c| c.lemma.as_str()), Some("add"));
}

#[test]
fn description_resolves_to_person_with_that_role() {
    let text = "Foreign Minister Ana Velic arrived in Brenna on Tuesday. “The border will stay open to trade,” the minister said.";
    let q = quotes(text, &[("Ana Velic", PER), ("Brenna", EntityLabel::Loc)]);
    assert_eq!(q.len(), 1);
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(s(text, speaker.span), "the minister");
    assert_eq!(speaker.resolution, Resolution::Description);
    assert_eq!(speaker.role.as_deref(), Some("minister"));
    assert_eq!(speaker.name.as_deref(), Some("Ana Velic"));
}

#[test]
fn role_before_name_after_cue() {
    let text = "“There is no deal yet on the table,” said presidential aide Ana Velic.";
    let q = quotes(text, &[("Ana Velic", PER)]);
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(speaker.name.as_deref(), Some("Ana Velic"));
    assert_eq!(speaker.role.as_deref(), Some("presidential aide"));
    assert_eq!(speaker.resolution, Resolution::Named);
}

#[test]
fn appositive_role_before_cue() {
    let text = "“There is no deal yet on the table,” Ana Velic, the foreign minister, said.";
    let q = quotes(text, &[("Ana Velic", PER)]);
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(speaker.name.as_deref(), Some("Ana Velic"));
    assert_eq!(speaker.role.as_deref(), Some("foreign minister"));
}

#[test]
fn multi_paragraph_quote_reopens_without_closing() {
    let text = "“We waited three days for the convoy to arrive in Oskar Bay.\n\n“When it came, half the trucks were empty,” said Tomas Reyl.";
    let q = quotes(
        text,
        &[("Tomas Reyl", PER), ("Oskar Bay", EntityLabel::Loc)],
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].parts.len(), 2);
    assert_eq!(
        s(text, q[0].parts[0]),
        "We waited three days for the convoy to arrive in Oskar Bay."
    );
    assert_eq!(
        s(text, q[0].parts[1]),
        "When it came, half the trucks were empty,"
    );
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Tomas Reyl")
    );
}

#[test]
fn nested_single_quotes_stay_inside() {
    let text = "“He told me ‘go home now’ and walked away from the desk,” Reyl said.";
    let q = quotes(text, &[("Reyl", PER)]);
    assert_eq!(q.len(), 1);
    assert_eq!(
        s(text, q[0].span),
        "He told me ‘go home now’ and walked away from the desk,"
    );
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Reyl")
    );
}

#[test]
fn continued_quote_inherits_speaker() {
    let text = "“We will win the vote,” Velic said, “and then we will govern alone.”";
    let q = quotes(text, &[("Velic", PER)]);
    assert_eq!(q.len(), 2);
    assert_eq!(s(text, q[1].span), "and then we will govern alone.");
    assert_eq!(
        q[1].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Velic")
    );
}

#[test]
fn scare_quotes_are_not_speech() {
    let text = "The so-called “peace plan” was published on Monday.";
    assert!(quotes(text, &[]).is_empty());
}

#[test]
fn indirect_said_that() {
    let text = "Velic said on Tuesday that the border would reopen next week.";
    let q = quotes(text, &[("Velic", PER)]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, QuoteKind::Indirect);
    assert_eq!(s(text, q[0].span), "the border would reopen next week");
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Velic")
    );
}

#[test]
fn indirect_cue_at_end() {
    let text = "The border would reopen next week, Velic said.";
    let q = quotes(text, &[("Velic", PER)]);
    assert_eq!(q.len(), 1);
    assert_eq!(s(text, q[0].span), "The border would reopen next week");
    let text = "The border would reopen next week, said a government spokeswoman.";
    let q = quotes(text, &[]);
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(s(text, speaker.span), "a government spokeswoman");
    assert_eq!(speaker.resolution, Resolution::Description);
}

#[test]
fn indirect_according_to_person_and_report() {
    let text = "According to Velic, the talks collapsed after midnight.";
    let q = quotes(text, &[("Velic", PER)]);
    assert_eq!(q.len(), 1);
    assert_eq!(s(text, q[0].span), "the talks collapsed after midnight");
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Velic")
    );
    assert!(q[0].cue.is_none());

    let text = "Forty people were hurt, according to a Nordwire report.";
    let q = quotes(text, &[("Nordwire", ORG)]);
    assert_eq!(q.len(), 1);
    assert_eq!(s(text, q[0].span), "Forty people were hurt");
    assert!(q[0].speaker.is_none());
    let via = q[0].via.as_ref().expect("via");
    assert_eq!(via.name.as_deref(), Some("Nordwire"));
}

#[test]
fn indirect_told_agency_is_intermediary() {
    let text = "Velic told Nordwire that the ceasefire was holding.";
    let q = quotes(text, &[("Velic", PER), ("Nordwire", ORG)]);
    assert_eq!(q.len(), 1);
    assert_eq!(s(text, q[0].span), "the ceasefire was holding");
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Velic")
    );
    assert_eq!(
        q[0].via.as_ref().and_then(|s| s.name.as_deref()),
        Some("Nordwire")
    );
}

#[test]
fn quoted_by_agency_as_saying() {
    let text = "Velic was quoted by Nordwire as saying the army had withdrawn.";
    let q = quotes(text, &[("Velic", PER), ("Nordwire", ORG)]);
    assert_eq!(q.len(), 1);
    assert_eq!(s(text, q[0].span), "the army had withdrawn");
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Velic")
    );
    assert_eq!(
        q[0].via.as_ref().and_then(|s| s.name.as_deref()),
        Some("Nordwire")
    );
    assert_eq!(
        q[0].cue.as_ref().map(|c| (c.lemma.as_str(), c.tense)),
        Some(("say", Tense::Past))
    );
}

#[test]
fn future_tense_cue() {
    let text = "Velic will say that the reform is finished.";
    let q = quotes(text, &[("Velic", PER)]);
    assert_eq!(q[0].cue.as_ref().map(|c| c.tense), Some(Tense::Future));
}

#[test]
fn mixed_quote_fragment_inside_indirect() {
    let text = "Velic said the plan was “dead on arrival” in parliament.";
    let q = quotes(text, &[("Velic", PER)]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert_eq!(
        s(text, q[0].span),
        "the plan was “dead on arrival” in parliament"
    );
}

#[test]
fn works_without_ner_via_capitalised_names() {
    let text = "“The bridge will be rebuilt by spring,” said Mayor Ivo Dane. Later Dane told Nordwire that costs had doubled.";
    let layer = analyze(text);
    let q = find_quotes(text, &layer.tokens, &layer.sentences, &[]);
    assert_eq!(q.len(), 2);
    let first = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(first.name.as_deref(), Some("Ivo Dane"));
    assert_eq!(first.role.as_deref(), Some("Mayor"));
    assert_eq!(
        q[1].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Dane")
    );
    assert_eq!(
        q[1].via.as_ref().and_then(|s| s.name.as_deref()),
        Some("Nordwire")
    );
    assert!(q.iter().all(|q| q.confidence < 0.9));
}

#[test]
fn bad_entity_indices_are_ignored() {
    let text = "“We will not resign over this,” said Ana Velic.";
    let layer = analyze(text);
    let bogus = EntityMention {
        span: Span::new(0, 3),
        label: PER,
        first_token: 50,
        end_token: 90,
        confidence: 1.0,
    };
    let q = find_quotes(text, &layer.tokens, &layer.sentences, &[bogus]);
    assert_eq!(q.len(), 1);
    assert!(find_quotes("", &[], &[], &[]).is_empty());
}

#[test]
fn serializes_to_json() {
    let text = "“We will not resign over this,” said Ana Velic.";
    let q = quotes(text, &[("Ana Velic", PER)]);
    let json = serde_json::to_string(&q).expect("serialize");
    let back: Vec<Quote> = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, q);
}

#[test]
fn dateline_is_not_part_of_indirect_content() {
    let text = "BRENNA, March 3 (Nordwire) — The border will reopen next week, Velic said.";
    let q = quotes(
        text,
        &[
            ("Velic", PER),
            ("Nordwire", ORG),
            ("BRENNA", EntityLabel::Loc),
        ],
    );
    assert_eq!(q.len(), 1);
    assert_eq!(s(text, q[0].span), "The border will reopen next week");
}

#[test]
fn consecutive_quote_in_same_paragraph_keeps_speaker() {
    let text = "“We extend our sympathies to the families,” Velic said in a statement. “No cause can justify this attack on civilians.”";
    let q = quotes(text, &[("Velic", PER)]);
    assert_eq!(q.len(), 2);
    assert_eq!(
        q[1].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Velic")
    );
    assert!(q[1].confidence < q[0].confidence);
}

#[test]
fn ldc_style_double_quotes() {
    let text = "``It was definitely a bomb,'' said a Varnian embassy official in Brenna.";
    let q = quotes(text, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(s(text, q[0].span), "It was definitely a bomb,");
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(speaker.resolution, Resolution::Description);
    assert_eq!(speaker.role.as_deref(), Some("Varnian embassy official"));
}

#[test]
fn later_pronoun_after_unnamed_speaker_stays_unresolved() {
    let text = "“It was a bomb,” said an embassy official. Ana Velic arrived later. “The crater is huge,” he said.";
    let q = quotes(text, &[("Ana Velic", PER)]);
    assert_eq!(q.len(), 2);
    let he = q[1].speaker.as_ref().expect("speaker");
    assert_eq!(he.resolution, Resolution::Pronoun);
    assert_eq!(he.resolved, None);
}

#[test]
fn appositive_without_role_is_skipped() {
    let text = "“The committee has not seen the report yet,” Velic, who chairs it, said.";
    let q = quotes(text, &[("Velic", PER)]);
    assert_eq!(q.len(), 1);
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(
        (speaker.name.as_deref(), speaker.role.as_deref()),
        (Some("Velic"), None)
    );
    let text = "Velic, 54, said the committee would meet again in May.";
    let q = quotes(text, &[("Velic", PER)]);
    assert_eq!(q.len(), 1);
    assert_eq!(s(text, q[0].span), "the committee would meet again in May");
}

#[test]
fn places_do_not_speak() {
    let text = "Vessa Corp. of Brenna said it bought 40% of the Harrow mill.";
    let q = quotes(text, &[("Vessa Corp.", ORG), ("Brenna", EntityLabel::Loc)]);
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Vessa Corp.")
    );
    let layer = analyze(text);
    let q = find_quotes(text, &layer.tokens, &layer.sentences, &[]);
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Vessa Corp.")
    );
    let text = "Vessa Corp., Brenna, Varnia, said it bought 40% of the Harrow mill.";
    let places = [
        ("Vessa Corp.", ORG),
        ("Brenna", EntityLabel::Loc),
        ("Varnia", EntityLabel::Loc),
    ];
    let q = quotes(text, &places);
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Vessa Corp.")
    );
    assert_eq!(s(text, q[0].span), "it bought 40% of the Harrow mill");
}

#[test]
fn passive_cue_is_not_speech_of_the_subject() {
    let text = "Velic is said to be ill and was told to stay at home in Brenna.";
    assert!(quotes(text, &[("Velic", PER)]).is_empty());
}

#[test]
fn a_quote_split_over_two_lines_without_a_reopening_mark_closes_on_the_second() {
    // A writer's paragraph split into lines (scraped text, one sentence per line): the second
    // line does not reopen the quote, and its straight mark after "one," closes it.
    let text = "\"Most of the houses in Qessa are not safe to live in.\nBy nightfall everyone who needs a tent will have one,\" Massoud Varel said.\nGovernor Heydar Tolen spoke to Nordwire.\n\"Around 1,000 people are in tents,\" Tolen said.";
    let q = quotes(
        text,
        &[
            ("Massoud Varel", PER),
            ("Heydar Tolen", PER),
            ("Tolen", PER),
            ("Nordwire", ORG),
        ],
    );
    let direct: Vec<&Quote> = q.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 2, "{q:#?}");
    assert_eq!(direct[0].parts.len(), 2);
    assert_eq!(
        s(text, direct[0].parts[0]),
        "Most of the houses in Qessa are not safe to live in."
    );
    assert_eq!(
        s(text, direct[0].parts[1]),
        "By nightfall everyone who needs a tent will have one,"
    );
    assert_eq!(
        direct[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Massoud Varel")
    );
    // The narrative line between is no quote, and the last quote is Tolen's own.
    assert_eq!(s(text, direct[1].span), "Around 1,000 people are in tents,");
    assert!(direct[1]
        .speaker
        .as_ref()
        .and_then(|s| s.name.as_deref())
        .is_some_and(|n| n.contains("Tolen")));
}

#[test]
fn a_closing_mark_whose_opening_was_lost_opens_nothing() {
    // The opening mark fell off with a cut line: the stray closing mark must not open a quote
    // that the next line's opening mark would seem to continue, swallowing the narrative.
    let text = "provided with one,\" Massoud Varel said on Monday.\n\"Around 1,000 people are in tents,\" Heydar Tolen said.";
    let q = quotes(
        text,
        &[
            ("Massoud Varel", PER),
            ("Heydar Tolen", PER),
            ("Tolen", PER),
        ],
    );
    let direct: Vec<&Quote> = q.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 1, "{q:#?}");
    assert_eq!(s(text, direct[0].span), "Around 1,000 people are in tents,");
}

#[test]
fn a_role_before_the_name_after_the_closing_mark_is_the_speakers() {
    for (text, role) in [
        (
            "“The road is closed,” spokesman Tomas Reyl said.",
            "spokesman",
        ),
        (
            "“The road is closed,” fire chief Tomas Reyl said.",
            "fire chief",
        ),
        (
            "“The road is closed,” said fire chief Tomas Reyl.",
            "fire chief",
        ),
        (
            "“The road is closed,” police chief Tomas Reyl told Nordwire.",
            "police chief",
        ),
    ] {
        let q = quotes(text, &[("Tomas Reyl", PER), ("Nordwire", ORG)]);
        assert_eq!(q.len(), 1, "{text}: {q:#?}");
        let speaker = q[0].speaker.as_ref().expect(text);
        assert_eq!(speaker.name.as_deref(), Some("Tomas Reyl"), "{text}");
        assert_eq!(speaker.role.as_deref(), Some(role), "{text}");
    }
    // A description the name is set beside, before the cue.
    let text = "“The road is closed,” the disaster chief, Tomas Reyl, told Nordwire.";
    let q = quotes(text, &[("Tomas Reyl", PER), ("Nordwire", ORG)]);
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Tomas Reyl"),
        "{q:#?}"
    );
    // Words that are not the speaker's own still keep the quote unattributed to that name.
    let text = "“The road is closed,” after the vote Tomas Reyl said.";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    assert!(q[0].speaker.is_none(), "{q:#?}");
}

#[test]
fn common_attributions_after_the_closing_mark() {
    // A place or outlet before the role names whose role it is.
    let text = "“The road is closed,” Varn mayor Tomas Reyl said.";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(speaker.name.as_deref(), Some("Tomas Reyl"));
    assert_eq!(speaker.role.as_deref(), Some("Varn mayor"));
    // A long appositive between the name and the cue.
    let text = "“The road is closed,” Tomas Reyl, director of the Varn roads agency, said.";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Tomas Reyl"),
        "{q:#?}"
    );
}

#[test]
fn a_will_inside_the_reported_clause_does_not_make_the_cue_future() {
    let text = "The road will stay closed, Tomas Reyl said on Monday.";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].cue.as_ref().map(|c| c.tense), Some(Tense::Past));
    // The cue's own auxiliary still counts.
    let text = "Tomas Reyl will tell the council that the road stays closed.";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    assert_eq!(
        q[0].cue.as_ref().map(|c| c.tense),
        Some(Tense::Future),
        "{q:#?}"
    );
}

#[test]
fn according_to_before_a_whole_quote_is_a_direct_quote_without_its_marks() {
    let text = "According to Tomas Reyl, “the road is closed.”";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(s(text, q[0].span), "the road is closed.");
    assert_eq!(
        q[0].speaker.as_ref().and_then(|s| s.name.as_deref()),
        Some("Tomas Reyl")
    );
    // Partly quoted words stay a mixed quote.
    let text = "According to Tomas Reyl, the road is “closed for good” after the flood.";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
}

#[test]
fn an_institution_described_speaks() {
    for (text, speaker) in [
        ("“The road is closed,” the ministry said.", "the ministry"),
        (
            "“The road is closed,” the Varn transport ministry said in a statement.",
            "the Varn transport ministry",
        ),
        (
            "The company said the plant would close in May.",
            "The company",
        ),
    ] {
        let q = quotes(text, &[]);
        assert_eq!(q.len(), 1, "{text}: {q:#?}");
        let found = q[0].speaker.as_ref().expect(text);
        assert_eq!(s(text, found.span), speaker, "{text}");
        assert_eq!(found.resolution, Resolution::Description, "{text}");
    }
    // A bare institution noun is no speaker of its own.
    let q = quotes("“The road is closed,” ministry said.", &[]);
    assert!(q[0].speaker.is_none(), "{q:#?}");
}

#[test]
fn a_role_for_someone_is_the_speaker_not_the_one_it_serves() {
    for (text, speaker, role) in [
        (
            "“The road is closed,” a spokeswoman for Varn police said.",
            "a spokeswoman for Varn police",
            "spokeswoman",
        ),
        (
            "“My client is innocent,” a lawyer for Tomas Reyl said.",
            "a lawyer for Tomas Reyl",
            "lawyer",
        ),
    ] {
        let q = quotes(text, &[("Tomas Reyl", PER)]);
        assert_eq!(q.len(), 1, "{text}: {q:#?}");
        let found = q[0].speaker.as_ref().expect(text);
        assert_eq!(s(text, found.span), speaker, "{text}");
        assert_eq!(found.role.as_deref(), Some(role), "{text}");
        assert_ne!(found.name.as_deref(), Some("Tomas Reyl"), "{text}");
    }
}

#[test]
fn age_description_resolves_to_person_with_that_age() {
    let text = "Tomas Reyl, 45, was charged on Monday with setting fire to a barn near Oskar Bay. \
                “I did not mean to hurt anyone,” the 45-year-old said in court.";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    assert_eq!(q.len(), 1);
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(s(text, speaker.span), "the 45-year-old");
    assert_eq!(speaker.resolution, Resolution::Description);
    assert_eq!(speaker.name.as_deref(), Some("Tomas Reyl"));
}

#[test]
fn age_description_of_another_age_stays_unresolved() {
    let text = "Tomas Reyl, 45, and his neighbour were questioned. \
                “We heard nothing that night,” the 38-year-old told reporters.";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(s(text, speaker.span), "the 38-year-old");
    assert_eq!(speaker.name, None);
}

#[test]
fn private_people_described_are_speakers() {
    // Tomas Reyl is there so that the NER output is not empty (no capitalised-word fallback).
    let text = "Tomas Reyl was charged on Monday. \
                “We will appeal,” the 32-year-old mother of two told reporters. \
                “He was a quiet man,” said the victim's sister. \
                Neighbours said the barn had stood empty for years.";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    let spoken: Vec<(&str, Option<&str>)> = q
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref();
            (
                speaker.map_or("<none>", |sp| s(text, sp.span)),
                speaker.and_then(|sp| sp.role.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        spoken,
        vec![
            ("the 32-year-old mother of two", Some("32-year-old mother")),
            ("the victim's sister", Some("victim's sister")),
            ("Neighbours", Some("Neighbours")),
        ]
    );
}

#[test]
fn appositive_person_noun_is_a_role_for_the_description() {
    let text = "Tomas Reyl, a carpenter from Oskar Bay, was the first witness. \
                “The fire started in the loft,” the carpenter said.";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(s(text, speaker.span), "the carpenter");
    assert_eq!(speaker.name.as_deref(), Some("Tomas Reyl"));
}

#[test]
fn reduced_passives_and_name_modifiers_are_not_speakers() {
    let text = "Tomas Reyl was in court on Monday. \
                The man accused of setting fire to the barn is Anselm Dorr. \
                The rifle described by police as stolen was found in Oskar Bay. \
                According to the student Varn news agency, the fire injured two people.";
    let q = quotes(text, &[("Tomas Reyl", PER), ("Anselm Dorr", PER)]);
    let speakers: Vec<&str> = q
        .iter()
        .filter_map(|q| q.speaker.as_ref().map(|sp| s(text, sp.span)))
        .collect();
    assert!(
        !speakers
            .iter()
            .any(|sp| matches!(*sp, "The man" | "The rifle" | "the student")),
        "{speakers:?}"
    );
}

#[test]
fn said_by_telephone_is_still_speech() {
    let text = "Tomas Reyl said by telephone that the barn had been empty for years.";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].speaker.as_ref().and_then(|sp| sp.name.as_deref()),
        Some("Tomas Reyl")
    );
}

#[test]
fn passive_naming_and_mid_sentence_according_to() {
    let text = "Tomas Reyl was in court on Monday. \
                The barn dubbed the “Red Ruin” by local papers burned down in May. \
                Then, on May 3, according to a surviving witness, Anselm Dorr set the fire again. \
                “God made the hills first,” she said by way of explaining her choice.";
    let q = quotes(text, &[("Tomas Reyl", PER), ("Anselm Dorr", PER)]);
    let found: Vec<(&str, Option<&str>)> = q
        .iter()
        .map(|q| {
            (
                s(text, q.span),
                q.speaker.as_ref().map(|sp| s(text, sp.span)),
            )
        })
        .collect();
    assert!(
        !found.iter().any(|(_, sp)| *sp == Some("The barn")),
        "{found:?}"
    );
    let according = q
        .iter()
        .find(|q| q.speaker.as_ref().map(|sp| s(text, sp.span)) == Some("a surviving witness"))
        .expect("quote according to the witness");
    let parts: Vec<&str> = according.parts.iter().map(|&p| s(text, p)).collect();
    assert_eq!(
        parts,
        vec!["Then, on May 3", "Anselm Dorr set the fire again"]
    );
    assert!(
        found.contains(&("God made the hills first,", Some("she"))),
        "{found:?}"
    );
}

#[test]
fn addressee_with_role_and_name_is_not_the_content() {
    let text = "Tomas Reyl was born in Oskar Bay.\n\n\
                “He is the boss of the harbour!”\n\n\
                his mother told Varn Post columnist Ana Velic.\n\n\
                Reyl told Nordwire reporter Irena Dask that the harbour would reopen in May.";
    let q = quotes(
        text,
        &[
            ("Tomas Reyl", PER),
            ("Reyl", PER),
            ("Varn Post", ORG),
            ("Ana Velic", PER),
            ("Nordwire", ORG),
            ("Irena Dask", PER),
        ],
    );
    let contents: Vec<&str> = q.iter().map(|q| s(text, q.span)).collect();
    assert!(
        !contents.iter().any(|c| c.contains("Ana Velic")),
        "{contents:?}"
    );
    assert!(
        contents.contains(&"the harbour would reopen in May"),
        "{contents:?}"
    );
}

#[test]
fn according_to_followed_by_a_relative_clause() {
    // The comma after "Nordwire" opens a relative clause; it does not close the attribution.
    let text =
        "The outage hit every provider, according to Nordwire, which said the cable was cut.";
    let q = quotes(text, &[("Nordwire", ORG)]);
    assert!(
        q.iter()
            .any(|q| s(text, q.span) == "The outage hit every provider" && q.parts.is_empty()),
        "{:?}",
        q.iter().map(|q| s(text, q.span)).collect::<Vec<_>>()
    );
}

#[test]
fn relative_who_said_speaks_for_the_noun_phrase_before_it() {
    let text = "Tomas Reyl was found dead in Oskar Bay on Tuesday. \
                Anselm Dorr, who said he would publish the letters after Reyl died, could not be reached Wednesday.";
    let q = quotes(
        text,
        &[("Tomas Reyl", PER), ("Reyl", PER), ("Anselm Dorr", PER)],
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        s(text, q[0].span),
        "he would publish the letters after Reyl died"
    );
    assert_eq!(
        q[0].speaker.as_ref().and_then(|sp| sp.name.as_deref()),
        Some("Anselm Dorr")
    );
}

#[test]
fn description_before_an_appositive_name_is_part_of_the_speaker() {
    let text = "His heart failed while he was reading a book, his son, Ike Reyl, said.";
    let q = quotes(text, &[("Ike Reyl", PER)]);
    assert_eq!(q.len(), 1);
    assert_eq!(
        s(text, q[0].span),
        "His heart failed while he was reading a book"
    );
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(s(text, speaker.span), "his son, Ike Reyl");
    assert_eq!(speaker.name.as_deref(), Some("Ike Reyl"));
    assert_eq!(speaker.role.as_deref(), Some("son"));
}

#[test]
fn long_prepositional_tail_after_the_cue_is_not_what_was_said() {
    let text = "Tomas Reyl spoke to reporters. Dorr never called, he said in an interview with The Varn Herald, a Brenna newspaper.";
    let q = quotes(
        text,
        &[("Tomas Reyl", PER), ("Dorr", PER), ("The Varn Herald", ORG)],
    );
    let contents: Vec<&str> = q.iter().map(|q| s(text, q.span)).collect();
    assert_eq!(contents, vec!["Dorr never called"]);
}

#[test]
fn long_tail_without_a_preposition_is_still_what_was_said() {
    let text = "Inspector Tomas Reyl said Monday the two fires on consecutive nights in the Oskar Bay harbour district were not related.";
    let q = quotes(text, &[("Tomas Reyl", PER)]);
    assert_eq!(q.len(), 1);
    assert!(s(text, q[0].span).ends_with("were not related"));
}

#[test]
fn titles_of_works_in_quotes_are_not_speech() {
    let text = "“I am proud of what we did,” Tomas Reyl told Nordwire's “Evening Harbour Hour” on Monday. \
                In his book, “The Quiet Man: The Story of Oskar Bay's Ferry,” Reyl wrote that the ferry saved the town.";
    let q = quotes(
        text,
        &[("Tomas Reyl", PER), ("Reyl", PER), ("Nordwire", ORG)],
    );
    let contents: Vec<&str> = q.iter().map(|q| s(text, q.span)).collect();
    assert!(
        !contents
            .iter()
            .any(|c| c.contains("Evening Harbour Hour") && !c.contains("proud")),
        "{contents:?}"
    );
    assert!(
        !contents.iter().any(|c| c.starts_with("The Quiet Man")),
        "{contents:?}"
    );
    assert!(
        contents.contains(&"I am proud of what we did,"),
        "{contents:?}"
    );
}

#[test]
fn the_possessed_noun_speaks_not_its_possessor() {
    let text = "Trade grew by a tenth last year, according to Esteria's trade ministry. \
                “The minister will not comment,” Ana Velic's spokesman said. \
                Tomas Reyl arrived in Brenna on Monday.";
    let q = quotes(
        text,
        &[
            ("Esteria", EntityLabel::Loc),
            ("Ana Velic", PER),
            ("Tomas Reyl", PER),
            ("Brenna", EntityLabel::Loc),
        ],
    );
    let speakers: Vec<(&str, Option<&str>)> = q
        .iter()
        .map(|q| {
            let sp = q.speaker.as_ref().expect("speaker");
            (s(text, sp.span), sp.name.as_deref())
        })
        .collect();
    assert_eq!(
        speakers,
        vec![
            ("Esteria's trade ministry", None),
            ("Ana Velic's spokesman", None)
        ]
    );
}
