//! The hard cases of the fusion stage on small fictional inputs (invented countries, people and
//! outlets). Entity mentions are given by hand so these tests do not depend on the NER model;
//! time expressions come from the real `triangulate-timex` scanner.
use triangulate_doc::{
    Document, EntityLabel, EntityMention, EvidenceSource, MetaValue, Metadata, PartialDate, Span,
};
use triangulate_fusion::{
    analyze, Analysis, AnnotatedDoc, ConflictKind, DateRange, FusionOptions, MentionLink, Story,
};
use triangulate_timex::{find_timexes, Anchor};

mod recalls;

struct Spec<'a> {
    id: &'a str,
    outlet: &'a str,
    published: Option<PartialDate>,
    agencies: &'a [&'a str],
    text: &'a str,
    /// Entity mentions as (surface, label); every occurrence of the surface is a mention.
    entities: &'a [(&'a str, EntityLabel)],
}

fn annotated(s: &Spec<'_>) -> AnnotatedDoc {
    let meta = |v: String| MetaValue::new(v, EvidenceSource::Text, None, 1.0);
    let doc = Document {
        metadata: Metadata {
            outlet: Some(meta(s.outlet.to_string())),
            published: s
                .published
                .map(|d| MetaValue::new(d, EvidenceSource::Text, None, 1.0)),
            credited_agencies: s.agencies.iter().map(|a| meta(a.to_string())).collect(),
            ..Metadata::default()
        },
        ..Document::from_plain_text(s.id, format!("{}.txt", s.id), s.text)
    };

    let mut entities = Vec::new();
    for (surface, label) in s.entities {
        let mut from = 0;
        while let Some(pos) = s.text.get(from..).and_then(|t| t.find(surface)) {
            let start = from + pos;
            let end = start + surface.len();
            // Skip matches inside a longer mention already taken.
            if !entities
                .iter()
                .any(|e: &EntityMention| e.span.overlaps(Span::new(start, end)))
            {
                entities.push(EntityMention {
                    span: Span::new(start, end),
                    label: *label,
                    first_token: 0,
                    end_token: 0,
                    confidence: 1.0,
                });
            }
            from = end;
        }
    }
    let anchor = s.published.map(Anchor::on).unwrap_or_default();
    let timexes = find_timexes(s.text, &anchor);
    let mut ad = AnnotatedDoc::bare(doc);
    ad.layers.entities = entities;
    ad.layers.timexes = timexes;
    ad
}

fn run(specs: &[Spec<'_>]) -> Analysis {
    let docs: Vec<AnnotatedDoc> = specs.iter().map(annotated).collect();
    let analysis = analyze(&docs, &FusionOptions::default());
    // The output must serialise (it is the CLI's JSON).
    serde_json::to_string(&analysis).expect("analysis serialises");
    analysis
}

fn story_with<'a>(a: &'a Analysis, doc: &str) -> &'a Story {
    a.stories
        .iter()
        .find(|s| s.documents.iter().any(|d| d == doc))
        .expect("document is in a story")
}

const WIRE: &str = "Esterian Prime Minister Ana Velic and Karvonian President Stoyan Markelov signed a friendship pact in Brenna on Wednesday. The pact reopens the Kalden Pass crossing and hands the Lake Ostrel fishing quotas to a joint commission. Velic said the pact was not directed against third states.";

fn pact_docs() -> Vec<Spec<'static>> {
    let people: &[(&str, EntityLabel)] = &[
        ("Ana Velic", EntityLabel::Per),
        ("Stoyan Markelov", EntityLabel::Per),
        ("Stojan Markelov", EntityLabel::Per),
        ("Velic Square", EntityLabel::Loc),
        ("Milan Dask", EntityLabel::Per),
        ("Irena Dask", EntityLabel::Per),
        ("Dask", EntityLabel::Per),
        ("Velic", EntityLabel::Per),
        ("Brenna", EntityLabel::Loc),
        ("Britain", EntityLabel::Loc),
        ("U.K.", EntityLabel::Loc),
    ];
    vec![
        Spec {
            id: "herald",
            outlet: "The Vask Herald",
            published: Some(PartialDate::ymd(2025, 3, 5)),
            agencies: &["Nordwire"],
            text: WIRE,
            entities: people,
        },
        Spec {
            id: "post",
            outlet: "Brenna Morning Post",
            published: Some(PartialDate::ymd(2025, 3, 5)),
            agencies: &["Nordwire"],
            text: "Esterian Prime Minister Ana Velic and Karvonian President Stoyan Markelov signed a friendship pact in Brenna on Wednesday. The pact reopens the Kalden Pass crossing and hands the Lake Ostrel fishing quotas to a joint commission. Velic said the pact was not directed against third states. Crowds gathered in Velic Square.",
            entities: people,
        },
        Spec {
            id: "ledger",
            outlet: "The Meridian Ledger",
            published: Some(PartialDate::ymd(2025, 3, 6)),
            agencies: &[],
            text: "Prime Minister Ana Velic of Esteria and Stojan Markelov signed the friendship agreement in Brenna. The prime minister said the agreement does not target any other country. It follows accords signed in 1987, 1994 and 2012. It is her first visit in 20 years. The dispute over the lake lasted nearly 25 years. Britain welcomed the pact.",
            entities: people,
        },
        Spec {
            id: "dnevnik",
            outlet: "Karvonski Dnevnik",
            published: Some(PartialDate::ymd(2025, 3, 6)),
            agencies: &[],
            text: "Ms. Velic and President Stojan Markelov signed the friendship agreement in Brenna. This agreement is not aimed against any other country, Velic said. It follows accords signed in 1987, 1994 and 2002. It was the first visit in two decades. The dispute over the lake lasted a quarter of a century. The U.K. welcomed the agreement. Defence minister Milan Dask and his sister Irena Dask attended.",
            entities: people,
        },
        Spec {
            id: "radio",
            outlet: "Esterian Public Radio",
            published: None,
            agencies: &[],
            text: "Ana Velic signed the friendship pact with Stoyan Markelov in Brenna on March 5, 2025. Parliament will debate the friendship pact on the 19th. Dask, the opposition leader, said the pact came too late.",
            entities: people,
        },
    ]
}

#[test]
fn syndicated_copies_form_one_group_and_one_source() {
    let a = run(&pact_docs());
    let story = story_with(&a, "herald");
    assert_eq!(
        story.documents.len(),
        5,
        "one story: {:?}",
        a.stories.iter().map(|s| &s.documents).collect::<Vec<_>>()
    );
    assert_eq!(story.syndication_groups.len(), 1);
    let group = &story.syndication_groups[0];
    assert_eq!(group.documents, vec!["herald", "post"]);
    assert_eq!(group.origin.as_deref(), Some("Nordwire"));
    assert!(!group.shared_passages.is_empty() || !group.links.is_empty());
    // Five documents, four independent sources: the two Nordwire copies count once.
    assert_eq!(story.independent_sources.len(), 4);
    let wire = story
        .independent_sources
        .iter()
        .find(|s| s.name == "Nordwire")
        .expect("Nordwire source");
    assert_eq!(wire.documents, vec!["herald", "post"]);
}

#[test]
fn entities_merge_variants_but_keep_namesakes_and_places_apart() {
    let a = run(&pact_docs());
    let story = story_with(&a, "herald");
    let find = |name: &str| story.entities.iter().find(|e| e.name == name);
    let velic = find("Ana Velic").expect("Ana Velic");
    // "Ms. Velic" / "Velic" attach by surname, "the prime minister" by title.
    assert!(velic
        .mentions
        .iter()
        .any(|m| m.link == MentionLink::Surname));
    assert!(
        velic
            .mentions
            .iter()
            .any(|m| m.link == MentionLink::Title && m.evidence.doc_id == "ledger"),
        "{velic:#?}"
    );
    assert!(velic.titles.iter().any(|t| t == "prime minister"));
    // Transliteration variant merged.
    let markelov = story
        .entities
        .iter()
        .filter(|e| e.name.ends_with("Markelov"))
        .count();
    assert_eq!(markelov, 1);
    // Place named after a person stays a place.
    let square = find("Velic Square").expect("Velic Square");
    assert_ne!(square.id, velic.id);
    assert!(!velic
        .mentions
        .iter()
        .any(|m| m.evidence.text.contains("Square")));
    // Two Dasks stay apart; the bare "Dask" in another document is ambiguous and unresolved.
    assert!(find("Milan Dask").is_some() && find("Irena Dask").is_some());
    // Named mentions only: a pronoun ("his") may attach within its own document.
    let named = |e: &triangulate_fusion::Entity| {
        e.mentions
            .iter()
            .filter(|m| m.link != MentionLink::Pronoun)
            .count()
    };
    let milan = find("Milan Dask").map(named);
    let irena = find("Irena Dask").map(named);
    assert_eq!((milan, irena), (Some(1), Some(1)));
    assert!(story.notes.iter().any(|n| n.message.contains("\"Dask\"")));
    // Country alias table: Britain and U.K. are one entity.
    let uk = story
        .entities
        .iter()
        .find(|e| e.aliases.iter().any(|x| x == "U.K.") || e.name == "U.K.")
        .expect("UK");
    assert!(
        uk.mentions.iter().any(|m| m.evidence.text == "Britain"),
        "{uk:#?}"
    );
}

#[test]
fn partial_date_is_completed_from_the_story_with_evidence() {
    let a = run(&pact_docs());
    let story = story_with(&a, "radio");
    let entry = story
        .timeline
        .iter()
        .find(|e| {
            e.evidence
                .iter()
                .any(|ev| ev.doc_id == "radio" && ev.text.contains("19th"))
        })
        .expect("the 19th is on the timeline");
    assert_eq!(entry.date, PartialDate::ymd(2025, 3, 19));
    let inf = entry.inferred.as_ref().expect("completion recorded");
    assert_eq!(inf.written.to_iso(), "XXXX-XX-19");
    assert!(!inf.evidence.is_empty());
}

#[test]
fn paraphrases_corroborate_and_conflicts_are_flagged_with_both_sides() {
    let a = run(&pact_docs());
    let story = story_with(&a, "ledger");
    // "not directed against third states" ~ "does not target any other country" ~ "not aimed
    // against any other country": one claim, three independent sources (Nordwire once).
    let claim = story
        .claims
        .iter()
        .find(|c| {
            c.statements
                .iter()
                .any(|s| s.evidence.text.contains("does not target"))
        })
        .unwrap_or_else(|| {
            panic!(
                "paraphrase claim: {:#?}",
                story
                    .claims
                    .iter()
                    .map(|c| c
                        .statements
                        .iter()
                        .map(|s| s.evidence.text.clone())
                        .collect::<Vec<_>>())
                    .collect::<Vec<_>>()
            )
        });
    assert!(
        claim
            .statements
            .iter()
            .any(|s| s.evidence.text.contains("third states")),
        "{claim:#?}"
    );
    assert!(
        claim
            .statements
            .iter()
            .any(|s| s.evidence.text.contains("not aimed against")),
        "{claim:#?}"
    );
    assert_eq!(claim.corroboration, 3, "{claim:#?}");

    let years: Vec<_> = story
        .conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::Year)
        .collect();
    assert_eq!(years.len(), 1, "{:#?}", story.conflicts);
    let values: Vec<&str> = years[0].sides.iter().map(|s| s.value.as_str()).collect();
    assert!(
        values.contains(&"1987, 1994, 2012") && values.contains(&"1987, 1994, 2002"),
        "{values:?}"
    );
    for side in &years[0].sides {
        assert!(!side.evidence.is_empty() && !side.sources.is_empty());
    }
    // Summarised in the evidence's words: what the differing years date.
    assert!(
        years[0]
            .summary
            .contains("accords signed in 1987, 1994 and 2012")
            && years[0]
                .summary
                .contains("accords signed in 1987, 1994 and 2002"),
        "{}",
        years[0].summary
    );
    // "20 years" ~ "two decades" and "nearly 25 years" ~ "a quarter of a century" agree.
    assert!(
        !story
            .conflicts
            .iter()
            .any(|c| c.kind == ConflictKind::Quantity),
        "false conflicts: {:#?}",
        story.conflicts
    );
}

#[test]
fn swapped_years_are_an_assignment_conflict() {
    let people: &[(&str, EntityLabel)] = &[];
    let a = run(&[
        Spec {
            id: "a",
            outlet: "Nordwire",
            published: Some(PartialDate::ymd(2025, 3, 5)),
            agencies: &[],
            text: "The two countries already share the trade accord of 1994 and the border accord of 2002, officials in Lune said.",
            entities: people,
        },
        Spec {
            id: "b",
            outlet: "Karvonski Dnevnik",
            published: Some(PartialDate::ymd(2025, 3, 5)),
            agencies: &[],
            text: "The two countries already share the trade accord of 2002 and the border accord of 1994, officials in Lune said.",
            entities: people,
        },
    ]);
    let story = story_with(&a, "a");
    assert_eq!(story.documents.len(), 2);
    let swap: Vec<_> = story
        .conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::Assignment)
        .collect();
    assert_eq!(swap.len(), 1, "{:#?}", story.conflicts);
    assert_eq!(swap[0].sides.len(), 2);
    assert!(!story.conflicts.iter().any(|c| c.kind == ConflictKind::Year));
    // The summary uses the words of the evidence, not lemmas ("trade pact 1994").
    let summary = &swap[0].summary;
    let (left, right) = summary.split_once(" vs ").expect("two sides");
    assert!(
        left.contains("trade accord of 1994") && left.contains("the border accord of 2002"),
        "{summary}"
    );
    assert!(
        right.contains("trade accord of 2002") && right.contains("the border accord of 1994"),
        "{summary}"
    );
}

#[test]
fn unrelated_event_is_its_own_story_and_bad_layers_are_reported() {
    let mut specs = pact_docs();
    specs.push(Spec {
        id: "ship",
        outlet: "Coastline Courier",
        published: Some(PartialDate::ymd(2025, 3, 5)),
        agencies: &[],
        text: "A cargo ship ran aground off Calvessa in Duarnia on Tuesday night. The coast guard said the crew of twelve was safe and no fuel had leaked from the hull.",
        entities: &[],
    });
    let mut docs: Vec<AnnotatedDoc> = specs.iter().map(annotated).collect();
    // A layer that does not fit its text is dropped and reported, the document still used.
    if let Some(last) = docs.last_mut() {
        last.layers.entities.push(EntityMention {
            span: Span::new(5000, 5004),
            label: EntityLabel::Loc,
            first_token: 0,
            end_token: 0,
            confidence: 1.0,
        });
    }
    let dup = docs.first().cloned().expect("a document");
    docs.push(dup);
    let a = analyze(&docs, &FusionOptions::default());
    let ship = story_with(&a, "ship");
    assert_eq!(ship.documents, vec!["ship"]);
    assert!(a
        .problems
        .iter()
        .any(|p| p.doc_id == "ship" && p.message.contains("5000")));
    assert!(a
        .problems
        .iter()
        .any(|p| p.doc_id == "herald" && p.message.contains("more than once")));
    assert_eq!(a.documents.len(), 6);
}

#[test]
fn single_source_statements_are_claims_ranked_below_corroborated_ones() {
    let a = run(&pact_docs());
    let story = story_with(&a, "herald");
    // Only the radio report says parliament will debate the pact.
    let debate = story
        .claims
        .iter()
        .find(|c| {
            c.statements
                .iter()
                .any(|s| s.evidence.text.contains("Parliament will debate"))
        })
        .expect("the single-source statement is a claim");
    assert!(debate.single_source, "{debate:#?}");
    assert_eq!(debate.corroboration, 1);
    assert_eq!(debate.statements.len(), 1);
    assert_eq!(debate.statements[0].evidence.doc_id, "radio");
    // Syndicated copies are one source: a sentence only the two Nordwire copies carry is
    // single-source too, with both copies as evidence.
    let wire_only = story
        .claims
        .iter()
        .find(|c| {
            c.statements
                .iter()
                .any(|s| s.evidence.text.contains("Lake Ostrel fishing quotas"))
        })
        .expect("wire sentence is a claim");
    assert!(wire_only.single_source && wire_only.statements.len() == 2);
    // Corroborated claims come first.
    let first_single = story
        .claims
        .iter()
        .position(|c| c.single_source)
        .expect("some single-source claim");
    assert!(first_single > 0);
    assert!(story.claims[first_single..].iter().all(|c| c.single_source));
    assert!(story.claims[..first_single]
        .iter()
        .all(|c| !c.single_source && c.corroboration >= 2));
    assert_eq!(story.single_source_claims_omitted, 0);

    // The cap keeps the most salient and counts the rest.
    let singles = story.claims.len() - first_single;
    let docs: Vec<AnnotatedDoc> = pact_docs().iter().map(annotated).collect();
    let capped = analyze(
        &docs,
        &FusionOptions {
            max_single_source_claims: 2,
            ..FusionOptions::default()
        },
    );
    let capped_story = story_with(&capped, "herald");
    assert_eq!(
        capped_story
            .claims
            .iter()
            .filter(|c| c.single_source)
            .count(),
        2
    );
    assert_eq!(capped_story.single_source_claims_omitted, singles - 2);
    assert_eq!(
        capped_story.claims.len() + capped_story.single_source_claims_omitted,
        story.claims.len()
    );
}

fn basin_docs() -> Vec<Spec<'static>> {
    let none: &[(&str, EntityLabel)] = &[];
    let day = Some(PartialDate::ymd(2025, 6, 2));
    vec![
        Spec {
            id: "courier",
            outlet: "Tessaly Courier",
            published: day,
            agencies: &[],
            text: "Marnia and Quessa signed the Orlen Basin pact in Vell on Monday after nine days of talks. The pact covers energy and fisheries in the basin. The ministry confirmed that envoy Ilsa Roe had resigned. Envoy Ilsa Roe said the talks had been hard. Negotiators did not meet on Sunday.",
            entities: none,
        },
        Spec {
            id: "wire",
            outlet: "Quessan Wire",
            published: day,
            agencies: &[],
            text: "Marnia and Quessa signed the Orlen Basin pact in Vell on Monday after nine days of talks. The pact does not cover energy, officials in Vell said. The ministry denied that envoy Ilsa Roe had resigned. Envoy Ilsa Roe, who is not a member of the cabinet, said the talks had been hard. The negotiators never met on Sunday.",
            entities: none,
        },
    ]
}

#[test]
fn opposite_polarity_is_a_negation_conflict_with_both_sides() {
    let a = run(&basin_docs());
    let story = story_with(&a, "courier");
    assert_eq!(story.documents.len(), 2);
    let negations: Vec<_> = story
        .conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::Negation)
        .collect();
    let energy = negations
        .iter()
        .find(|c| c.summary.contains("energy"))
        .unwrap_or_else(|| panic!("no energy conflict: {:#?}", story.conflicts));
    assert_eq!(energy.summary, "covers energy vs does not cover energy");
    let (yes, no) = (&energy.sides[0], &energy.sides[1]);
    assert!(
        yes.evidence.iter().all(|e| e.doc_id == "courier"),
        "{yes:#?}"
    );
    assert!(no.evidence.iter().all(|e| e.doc_id == "wire"), "{no:#?}");
    assert!(yes.sources.len() == 1 && no.sources.len() == 1 && yes.sources != no.sources);
    // Both sides are claims (single-source ones), named by the conflict.
    let claim_text = |id: &Option<String>| {
        story
            .claims
            .iter()
            .find(|c| Some(&c.id) == id.as_ref())
            .map(|c| c.text.clone())
    };
    assert_eq!(
        claim_text(&energy.claim).as_deref(),
        Some("The pact covers energy and fisheries in the basin.")
    );
    assert!(claim_text(&energy.opposing_claim).is_some_and(|t| t.contains("does not cover")));

    // "confirmed" vs "denied".
    let resigned = negations
        .iter()
        .find(|c| c.summary.contains("resigned"))
        .unwrap_or_else(|| panic!("no confirmed/denied conflict: {:#?}", story.conflicts));
    assert!(
        resigned.sides[1].value.starts_with("denied"),
        "{resigned:#?}"
    );
    assert!(resigned.sides[0]
        .evidence
        .iter()
        .any(|e| e.text.contains("confirmed")));

    // Both negate ("did not meet" ~ "never met"): agreement, not a conflict. A negation about
    // something the other side never says ("who is not a member of the cabinet") is no
    // contradiction either.
    assert_eq!(negations.len(), 2, "{negations:#?}");
    let met = story
        .claims
        .iter()
        .find(|c| c.text.contains("did not meet"))
        .expect("negotiators claim");
    assert_eq!(met.corroboration, 2, "{met:#?}");
}

#[test]
fn timeline_has_one_entry_per_date_with_all_its_sources() {
    let a = run(&pact_docs());
    let story = story_with(&a, "ledger");
    let dates: Vec<String> = story.timeline.iter().map(|e| e.date.to_iso()).collect();
    let mut unique = dates.clone();
    unique.dedup();
    assert_eq!(dates, unique, "one entry per date, oldest first");
    // 1994 is in the year lists of two outlets: one entry, both as evidence and sources.
    let y1994 = story
        .timeline
        .iter()
        .find(|e| e.date.to_iso() == "1994")
        .expect("1994 on the timeline");
    let docs: Vec<&str> = y1994.evidence.iter().map(|e| e.doc_id.as_str()).collect();
    assert!(
        docs.contains(&"ledger") && docs.contains(&"dnevnik"),
        "{y1994:#?}"
    );
    assert_eq!(y1994.sources.len(), 2);
}

#[test]
fn quantities_in_the_same_role_conflict_and_other_numbers_do_not() {
    let none: &[(&str, EntityLabel)] = &[];
    let day = Some(PartialDate::ymd(2025, 9, 14));
    let a = run(&[
        Spec {
            id: "gazette",
            outlet: "Lunsk Gazette",
            published: day,
            agencies: &[],
            text: "Floods in the Varna valley killed 12 people on Saturday, the regional governor said. Rescue teams evacuated the village of Osk.",
            entities: none,
        },
        Spec {
            id: "radio",
            outlet: "Varna Radio",
            published: day,
            agencies: &[],
            text: "Saturday's floods in the Varna valley killed 15 people, according to the regional governor. Soldiers and volunteers piled sandbags along the river banks near Osk overnight.",
            entities: none,
        },
        Spec {
            id: "post",
            outlet: "Osk Post",
            published: day,
            agencies: &[],
            text: "Floods in the Varna valley on Saturday cut 3 bridges, the regional governor said, and killed people in the village of Osk. Rescue teams evacuated the village of Osk.",
            entities: none,
        },
    ]);
    let story = story_with(&a, "gazette");
    let quantity: Vec<_> = story
        .conflicts
        .iter()
        .filter(|c| c.kind == ConflictKind::Quantity)
        .collect();
    assert_eq!(quantity.len(), 1, "{:#?}", story.conflicts);
    let values: Vec<&str> = quantity[0].sides.iter().map(|s| s.value.as_str()).collect();
    assert_eq!(values, vec!["12 people", "15 people"]);
    assert_eq!(
        quantity[0].summary,
        "the Varna valley killed 12 people vs the Varna valley killed 15 people"
    );
}

#[test]
fn a_number_the_other_sentence_also_writes_is_no_conflict() {
    let none: &[(&str, EntityLabel)] = &[];
    let day = Some(PartialDate::ymd(2025, 10, 12));
    let specs = |second: &'static str| {
        [
            Spec {
                id: "courier",
                outlet: "Lunsk Courier",
                published: day,
                agencies: &[],
                text: "The Lunsk Otters beat the Varna Hawks 31-17 in the league final on Sunday. Running back Tomas Osei rushed for 101 yards in the league final.",
                entities: none,
            },
            Spec {
                id: "sport",
                outlet: "Varna Sport",
                published: day,
                agencies: &[],
                text: second,
                entities: none,
            },
        ]
    };
    let quantity_conflicts = |a: &Analysis| {
        story_with(a, "courier")
            .conflicts
            .iter()
            .filter(|c| c.kind == ConflictKind::Quantity)
            .count()
    };
    // One sentence gives both players' yards: Osei's 101 agrees with the other report.
    let both = run(&specs(
        "Sunday's league final went to the Lunsk Otters, 31-17 over the Varna Hawks. Hawks back Ilan Varga rushed for 226 yards in the league final while Tomas Osei added 101.",
    ));
    assert_eq!(quantity_conflicts(&both), 0, "{:#?}", both.stories);
    // Without Osei's number the same sentences still disagree.
    let differ = run(&specs(
        "Sunday's league final went to the Lunsk Otters, 31-17 over the Varna Hawks. Otters back Tomas Osei rushed for 126 yards in the league final.",
    ));
    assert_eq!(quantity_conflicts(&differ), 1, "{:#?}", differ.stories);
}

#[test]
fn a_side_only_later_reports_take_is_marked() {
    let energy = |a: &Analysis| {
        story_with(a, "courier")
            .conflicts
            .iter()
            .find(|c| c.summary.contains("energy"))
            .cloned()
            .unwrap_or_else(|| panic!("no energy conflict: {:#?}", a.stories))
    };
    // Same day: the sides overlap in time, nothing to say.
    let same_day = energy(&run(&basin_docs()));
    assert_eq!(same_day.later_side, None);
    let june_2 = PartialDate::ymd(2025, 6, 2);
    assert_eq!(
        same_day.sides[0].published,
        Some(DateRange {
            first: june_2,
            last: june_2
        })
    );
    // The denial two days later: the second side is the later one.
    let mut docs = basin_docs();
    docs[1].published = Some(PartialDate::ymd(2025, 6, 4));
    let later = energy(&run(&docs));
    assert_eq!(later.later_side, Some(1), "{later:#?}");
    // An undated document on a side leaves the order unknown.
    docs[0].published = None;
    let unknown = energy(&run(&docs));
    assert_eq!(
        (unknown.later_side, unknown.sides[0].published),
        (None, None)
    );
}

/// Review of young stories inside `analyze`: reports already placed move with the event split
/// off, so each document ends in its own event's story.
#[test]
fn analyze_applies_the_split_of_a_young_story() {
    let none: &[(&str, EntityLabel)] = &[];
    let ids: Vec<String> = (0..recalls::RECALLS.len())
        .map(|i| format!("report-{i}"))
        .collect();
    let outlets: Vec<String> = (0..recalls::RECALLS.len())
        .map(|i| format!("Haldra Outlet {i}"))
        .collect();
    let specs: Vec<Spec<'_>> = recalls::RECALLS
        .iter()
        .enumerate()
        .map(|(i, text)| Spec {
            id: &ids[i],
            outlet: &outlets[i],
            published: None,
            agencies: &[],
            text,
            entities: none,
        })
        .collect();
    let a = run(&specs);
    let story_of = |i: usize| {
        a.documents
            .iter()
            .find(|d| d.id == ids[i])
            .map(|d| d.story.clone())
            .expect("document listed")
    };
    let brakes = story_of(recalls::BRAKES[0]);
    let airbags = story_of(recalls::AIRBAGS[0]);
    assert_ne!(brakes, airbags, "{:#?}", a.documents);
    assert!(recalls::BRAKES.iter().all(|&i| story_of(i) == brakes));
    assert!(recalls::AIRBAGS.iter().all(|&i| story_of(i) == airbags));
    // The story lists agree with the document table.
    let story = |id: &str| a.stories.iter().find(|s| s.id == id).expect("story");
    assert_eq!(story(&airbags).documents.len(), recalls::AIRBAGS.len());
}

#[test]
fn a_wire_story_in_many_copies_is_one_group_with_one_link_per_copy() {
    // Seven outlets carry the same Nordwire text, each crediting the agency; two of the
    // outlets are one newspaper's print and web editions.
    let outlets = [
        "Brenna Herald",
        "Ostrel Post",
        "Kalden Courier",
        "Varn Ledger",
        "Tessaly Gazette",
        "Brenna Herald",
        "Esterian Sentinel",
    ];
    let ids = ["c1", "c2", "c3", "c4", "c5", "c6", "c7"];
    let specs: Vec<Spec<'_>> = ids
        .iter()
        .zip(outlets)
        .map(|(&id, outlet)| Spec {
            id,
            outlet,
            published: Some(PartialDate::ymd(2025, 3, 5)),
            agencies: &["Nordwire"],
            text: WIRE,
            entities: &[],
        })
        .collect();
    let a = run(&specs);
    let story = story_with(&a, "c1");
    assert_eq!(story.documents.len(), 7);
    assert_eq!(story.syndication_groups.len(), 1);
    let group = &story.syndication_groups[0];
    assert_eq!(group.documents, ids.to_vec());
    // Every copy after the first joined the group by one link: six, not the 21 pairs.
    assert_eq!(group.links.len(), 6, "{:?}", group.links);
    // Each of the text's paragraphs is listed once with its span in all seven copies.
    assert!(!group.shared_passages.is_empty());
    for passage in &group.shared_passages {
        assert_eq!(passage.evidence.len(), 7, "{passage:?}");
    }
    assert_eq!(story.independent_sources.len(), 1);
}
