//! Regression floors on the CoNLL-2003 development set (read from `../shared`, never copied).
//!
//! The built-in model is trained on train + dev, so a dev score of it measures nothing about
//! generalisation; the generalisation floor is on `conll2003-train-only.model`, the same recipe
//! trained on `train.txt` alone with the epochs chosen on dev. The built-in model gets a
//! sanity check (it fits the data it was trained on, and says what it was trained on), and the
//! two other model files (both train-only) keep their floors.
use std::path::PathBuf;
use triangulate_ner::conll::{read_conll, ConllDocument};
use triangulate_ner::train::evaluate;
use triangulate_ner::NerModel;

/// A little under the measured 94.13 (`conll2003-train-only.model`: the built-in model's recipe
/// trained on `train.txt` alone, beam 2, lexicons in the second pass and name substitution;
/// model plus document-level rules, decoded as trained; the other training seed measured
/// 93.94; see models/ner/MODEL_CARD.md, "Seventh pass" and "Eighth pass").
const TRAIN_ONLY_MODEL_DEV_F1_FLOOR: f64 = 93.7;

/// The built-in model has seen dev in training, so it must fit dev better than any train-only
/// model does; far below its measured training fit (models/ner/MODEL_CARD.md, "Eighth pass"),
/// a sanity floor, not a quality claim.
const EMBEDDED_MODEL_DEV_FIT_FLOOR: f64 = 97.0;

/// A little under the measured 93.47 (model plus document-level rules; models/ner/MODEL_CARD.md).
const LEXICON_MODEL_DEV_F1_FLOOR: f64 = 93.0;

/// A little under the measured 92.47 (the model without external lexicons, the default before
/// name substitution; model plus document-level rules).
const PLAIN_MODEL_DEV_F1_FLOOR: f64 = 92.0;

/// The dev set's documents, or `None` (with a notice) when the shared data is absent.
fn dev_documents() -> Option<Vec<ConllDocument>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ner/conll2003/valid.txt");
    if !path.exists() {
        eprintln!(
            "skipping: {} not found (shared data not present)",
            path.display()
        );
        return None;
    }
    let docs = read_conll(&path, true).expect("dev set parses");
    assert_eq!(docs.len(), 216);
    Some(docs)
}

#[test]
fn train_only_model_dev_f1_stays_above_floor() {
    let Some(scores) =
        check_model_file("conll2003-train-only.model", TRAIN_ONLY_MODEL_DEV_F1_FLOOR)
    else {
        return;
    };
    assert_eq!(scores.micro.gold, 5942);
    for label in triangulate_doc::EntityLabel::ALL {
        assert!(
            scores.of(label).f1() >= 80.0,
            "{label}: {:.2}",
            scores.of(label).f1()
        );
    }
}

#[test]
fn embedded_model_is_trained_on_train_and_dev_and_fits_dev() {
    let model = NerModel::embedded().unwrap();
    // 946 train.txt documents and 216 valid.txt documents, with the epochs fixed.
    assert!(
        model.description().contains("trained on 1162 documents")
            && model.description().contains("no dev selection"),
        "{}",
        model.description()
    );
    let Some(docs) = dev_documents() else {
        return;
    };
    let scores = evaluate(model, &docs);
    eprintln!("embedded model, dev is training data (a fit, not held out)\n{scores}");
    assert!(
        scores.micro.f1() >= EMBEDDED_MODEL_DEV_FIT_FLOOR,
        "dev micro F1 {:.2}",
        scores.micro.f1()
    );
}

/// Scores the model file `name` under `models/ner/` and checks its micro F1 floor; `None` when
/// the shared data is absent.
fn check_model_file(name: &str, floor: f64) -> Option<triangulate_ner::eval::Scores> {
    let docs = dev_documents()?;
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../models/ner")
        .join(name);
    let model = NerModel::load(&path).unwrap_or_else(|e| panic!("{name} loads: {e}"));
    let scores = evaluate(&model, &docs);
    eprintln!("{name}\n{scores}");
    assert!(
        scores.micro.f1() >= floor,
        "{name}: dev micro F1 {:.2}",
        scores.micro.f1()
    );
    Some(scores)
}

#[test]
fn lexicon_model_dev_f1_stays_above_floor() {
    check_model_file("conll2003-lexicons.model", LEXICON_MODEL_DEV_F1_FLOOR);
}

#[test]
fn plain_model_dev_f1_stays_above_floor() {
    check_model_file("conll2003-plain.model", PLAIN_MODEL_DEV_F1_FLOOR);
}
