//! The entity model reads English: a document known to be in another language gets no entity
//! mentions, and a note says so (nothing is left out silently). Fictional text.
use triangulate_annotate::Annotator;
use triangulate_doc::{Document, EvidenceSource, MetaValue, Metadata};

fn document(text: &str, language: Option<&str>) -> Document {
    Document {
        metadata: Metadata {
            language: language
                .map(|l| MetaValue::new(l.to_string(), EvidenceSource::Inferred, None, 0.9)),
            ..Metadata::default()
        },
        ..Document::from_plain_text("d1", "d1.txt", text)
    }
}

#[test]
fn entities_only_for_english_or_unknown_language() {
    let annotator = Annotator::with_embedded_model().expect("embedded model");
    let english =
        "Prime Minister Ana Velic arrived in Brenna on Tuesday for talks with Tomas Reyl.";
    for language in [None, Some("en"), Some("en-GB")] {
        let a = annotator.annotate(&document(english, language));
        assert!(!a.entities.is_empty(), "{language:?}");
        assert!(a.notes.is_empty(), "{language:?}: {:?}", a.notes);
    }
    let german =
        "Die Ministerpräsidentin Ana Velic traf am Dienstag in Brenna ein, sagte Tomas Reyl.";
    let a = annotator.annotate(&document(german, Some("de")));
    assert!(a.entities.is_empty(), "{:?}", a.entities);
    assert_eq!(a.notes.len(), 1);
    assert!(a.notes[0].contains("\"de\""), "{}", a.notes[0]);
    // The other stages still run.
    assert!(!a.sentences.is_empty());
}
