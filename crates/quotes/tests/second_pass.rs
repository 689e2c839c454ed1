//! Attribution cases added in the second pass: low-high quote marks, naming verbs, coordinated
//! and split indirect speech, mixed quotes closing at the sentence end, pronoun gender, long
//! titles. All people, outlets and places are fictional.
use triangulate_doc::EntityLabel;
use triangulate_quotes::{Quote, QuoteKind, Resolution};

mod common;
use common::{quotes, s};

/// The quote whose content contains `needle`.
fn containing<'q>(text: &str, q: &'q [Quote], needle: &str) -> &'q Quote {
    q.iter()
        .find(|x| s(text, x.span).contains(needle))
        .unwrap_or_else(|| panic!("no quote contains {needle:?}: {q:#?}"))
}

fn speaker_name(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().and_then(|s| s.name.as_deref())
}

const PER: EntityLabel = EntityLabel::Per;
const ORG: EntityLabel = EntityLabel::Org;

#[test]
fn low_high_quote_marks_open_and_close() {
    let text =
        "„The harbour will stay closed until the storm passes,“ said the mayor Tomas Kerrow.";
    let q = quotes(text, &[("Tomas Kerrow", PER)]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(
        s(text, q[0].span),
        "The harbour will stay closed until the storm passes,"
    );
    assert_eq!(q[0].kind, QuoteKind::Direct);
    assert_eq!(speaker_name(&q[0]), Some("Tomas Kerrow"));
}

#[test]
fn fragment_after_naming_verb_is_a_quote() {
    let text = "Kerrow called the ferry plan “a bridge to nowhere” at the council meeting.";
    let q = quotes(text, &[("Kerrow", PER)]);
    let fragment = containing(text, &q, "a bridge to nowhere");
    assert_eq!(fragment.kind, QuoteKind::Mixed);
    assert_eq!(speaker_name(fragment), Some("Kerrow"));
}

#[test]
fn described_as_fragment_is_a_quote() {
    let text = "Lena Ostrova described the budget as “a lifeline for small ports” on Friday.";
    let q = quotes(text, &[("Lena Ostrova", PER)]);
    let fragment = containing(text, &q, "a lifeline for small ports");
    assert_eq!(speaker_name(fragment), Some("Lena Ostrova"));
}

#[test]
fn scare_quotes_without_cue_stay_dropped() {
    let text = "The council approved the “harbour tax” on Friday after a long debate.";
    assert!(quotes(text, &[]).is_empty());
}

#[test]
fn called_for_is_not_speech() {
    let text = "Kerrow called for calm after the storm damaged the pier.";
    let q = quotes(text, &[("Kerrow", PER)]);
    assert!(q.is_empty(), "{q:#?}");
}

#[test]
fn characterisation_and_coordinated_says() {
    let text = "Union leader Piet Marrow has called the contract unfair and says dockers were never asked.";
    let q = quotes(text, &[("Piet Marrow", PER)]);
    let called = containing(text, &q, "called the contract unfair");
    assert_eq!(called.kind, QuoteKind::Indirect);
    assert_eq!(speaker_name(called), Some("Piet Marrow"));
    let says = containing(text, &q, "dockers were never asked");
    assert!(!s(text, says.span).contains("unfair"));
    assert_eq!(speaker_name(says), Some("Piet Marrow"));
    assert_eq!(says.cue.as_ref().map(|c| c.lemma.as_str()), Some("say"));
}

#[test]
fn accused_of_is_indirect_speech() {
    let text = "Piet Marrow, the union leader, has accused the port authority of hiding the accounts before the vote.";
    let q = quotes(text, &[("Piet Marrow", PER)]);
    let accused = containing(text, &q, "the port authority of hiding the accounts");
    assert_eq!(speaker_name(accused), Some("Piet Marrow"));
    assert_eq!(
        accused.cue.as_ref().map(|c| c.lemma.as_str()),
        Some("accuse")
    );
}

#[test]
fn plural_common_noun_speaker_at_sentence_end() {
    let text = "Two fishing boats sank near the reef overnight, Mirenian authorities said.";
    let q = quotes(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(
        s(text, q[0].span),
        "Two fishing boats sank near the reef overnight"
    );
    let speaker = q[0].speaker.as_ref().expect("speaker");
    assert_eq!(s(text, speaker.span), "Mirenian authorities");
    assert_eq!(speaker.resolution, Resolution::Description);
    assert_eq!(speaker.name, None);
}

#[test]
fn said_in_a_statement_that() {
    let text =
        "The ferry operator, Gullwing Lines, said in a statement that no passengers were hurt.";
    let q = quotes(text, &[("Gullwing Lines", ORG)]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(s(text, q[0].span), "no passengers were hurt");
    assert_eq!(speaker_name(&q[0]), Some("Gullwing Lines"));
}

#[test]
fn pronoun_skips_speaker_of_the_other_gender() {
    let text = "“The quotas are fair,” Ms. Ostrova said. Piet Marrow, who runs the dockers' union, is not convinced. “We have heard this before,” he said.";
    let q = quotes(text, &[("Ostrova", PER), ("Piet Marrow", PER)]);
    let second = containing(text, &q, "heard this before");
    assert_eq!(speaker_name(second), Some("Piet Marrow"));
}

#[test]
fn gender_learned_from_pronoun_after_the_name() {
    let text = "Lena Ostrova arrived on Monday. Her convoy was late. “We came to listen,” Ostrova said. Tomas Kerrow called the visit “overdue” in a radio interview. “Listening is not enough,” he said.";
    let q = quotes(
        text,
        &[
            ("Lena Ostrova", PER),
            ("Ostrova", PER),
            ("Tomas Kerrow", PER),
        ],
    );
    let last = containing(text, &q, "Listening is not enough");
    assert_eq!(speaker_name(last), Some("Tomas Kerrow"));
}

#[test]
fn title_surname_cue_and_trailing_phrase_after_quote() {
    let text = "“We did not come here to argue,” Ms. Ostrova said in her speech at the harbour. “We came to agree.”";
    let q = quotes(text, &[("Ostrova", PER)]);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(speaker_name(&q[0]), Some("Ostrova"));
    assert_eq!(speaker_name(&q[1]), Some("Ostrova"));
}

#[test]
fn mixed_quote_closing_at_sentence_end_keeps_attribution() {
    let text = "He added that the council was “trading the harbour for a headline.”";
    let q = quotes(text, &[]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert!(s(text, q[0].span).contains("trading the harbour for a headline."));
    assert_eq!(
        q[0].speaker.as_ref().map(|s| s.resolution),
        Some(Resolution::Pronoun)
    );
}

#[test]
fn mixed_quote_told_agency_keeps_via() {
    let text =
        "Lena Ostrova told Harbourwire that both towns had “simply grown tired of the feud.”";
    let q = quotes(text, &[("Lena Ostrova", PER), ("Harbourwire", ORG)]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert_eq!(speaker_name(&q[0]), Some("Lena Ostrova"));
    assert_eq!(
        q[0].via.as_ref().and_then(|v| v.name.as_deref()),
        Some("Harbourwire")
    );
}

#[test]
fn mixed_quote_after_according_to() {
    let text = "According to Kerrow, the old harbour rules were “written for sailing ships.”";
    let q = quotes(text, &[("Kerrow", PER)]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Mixed);
    assert_eq!(speaker_name(&q[0]), Some("Kerrow"));
}

#[test]
fn description_resolves_through_of_title() {
    let text = "Minister of Coastal Affairs Lena Ostrova has said the ferries will run again. According to the minister, the first ferry will sail in May.";
    let q = quotes(text, &[("Lena Ostrova", PER)]);
    let second = containing(text, &q, "first ferry will sail");
    let speaker = second.speaker.as_ref().expect("speaker");
    assert_eq!(speaker.resolution, Resolution::Description);
    assert_eq!(speaker.name.as_deref(), Some("Lena Ostrova"));
}

#[test]
fn indirect_speech_split_at_second_speaker() {
    let text = "Port officials have said that they were never consulted, and Ms Ostrova has repeatedly insisted that the plan protects their jobs.";
    let q = quotes(text, &[("Ostrova", PER)]);
    assert_eq!(q.len(), 2, "{q:#?}");
    let first = containing(text, &q, "never consulted");
    assert!(!s(text, first.span).contains("Ostrova"));
    assert_eq!(speaker_name(first), None);
    let second = containing(text, &q, "the plan protects their jobs");
    assert_eq!(speaker_name(second), Some("Ostrova"));
}

#[test]
fn name_inside_a_quote_is_not_the_pronoun_speaker() {
    let text = "“The quotas are fair,” Ms. Ostrova said. Piet Marrow is not convinced. “We have heard this from Tomas Kerrow before,” he said.";
    let q = quotes(
        text,
        &[
            ("Ostrova", PER),
            ("Piet Marrow", PER),
            ("Tomas Kerrow", PER),
        ],
    );
    let second = containing(text, &q, "heard this from");
    assert_eq!(speaker_name(second), Some("Piet Marrow"));
}

#[test]
fn scare_quote_before_a_reported_clause_is_not_attributed() {
    let text = "Avoiding the word “strike,” Mr. Marrow acknowledged that the dockers would stop work on Monday.";
    let q = quotes(text, &[("Marrow", PER)]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].kind, QuoteKind::Indirect);
    assert_eq!(s(text, q[0].span), "the dockers would stop work on Monday");
}

#[test]
fn semicolons_in_a_list_do_not_end_the_report() {
    let text =
        "Kerrow said the north pier rose 2%; the south pier fell 1%; and the ferry dock was flat.";
    let q = quotes(text, &[("Kerrow", PER)]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert!(s(text, q[0].span).ends_with("the ferry dock was flat"));
}

#[test]
fn but_said_starts_a_second_report_of_the_same_speaker() {
    let text = "Kerrow said the ferry will run until May but said he doubts the money will last.";
    let q = quotes(text, &[("Kerrow", PER)]);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(s(text, q[0].span), "the ferry will run until May");
    assert_eq!(speaker_name(&q[1]), Some("Kerrow"));
}

#[test]
fn determiner_that_is_not_the_complementizer() {
    let text = "Kerrow said he wonders whether even that small budget will last.";
    let q = quotes(text, &[("Kerrow", PER)]);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(
        s(text, q[0].span),
        "he wonders whether even that small budget will last"
    );
}

#[test]
fn semicolon_before_a_new_speaker_ends_the_report() {
    let text = "Mirenia said the closure was temporary; Harbour Board chairman Piet Marrow called the decision “reckless and late.”";
    let q = quotes(text, &[("Piet Marrow", PER), ("Mirenia", ORG)]);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(s(text, q[0].span), "the closure was temporary");
    assert_eq!(speaker_name(&q[1]), Some("Piet Marrow"));
    assert_eq!(q[1].kind, QuoteKind::Mixed);
}
