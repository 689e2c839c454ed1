//! The model trained with the external lexicons (`models/ner/conll2003-lexicons.model`):
//! it loads against the embedded Brown clusters and gazetteers and reads back byte for byte
//! (its CoNLL-2003 development floor is in `dev_f1.rs`).
use std::path::PathBuf;
use triangulate_ner::lexicons::ExternalLexicons;
use triangulate_ner::NerModel;

fn lexicon_model_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/ner/conll2003-lexicons.model")
}

#[test]
fn lexicon_model_loads_and_round_trips() {
    let bytes = std::fs::read(lexicon_model_path()).unwrap();
    let model = NerModel::from_bytes(&bytes).expect("lexicon model loads");
    assert_eq!(model.to_bytes(), bytes);
    assert!(ExternalLexicons::embedded().is_ok());
    // A capital city it never saw in the training text, in a sentence of its own.
    let words = ["Talks", "resumed", "in", "Ouagadougou", "on", "Monday", "."];
    let tags = model.tag_sentence(&words);
    assert_eq!(tags[3].to_string(), "B-LOC", "{tags:?}");
}
