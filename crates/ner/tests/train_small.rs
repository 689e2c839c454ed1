//! Training end to end on a small fictional corpus: the trainer learns, saves, and reloads.
use triangulate_doc::EntityLabel;
use triangulate_ner::conll::{parse_conll, ConllDocument};
use triangulate_ner::train::{document_subset, evaluate, train, FixedEpochs, TrainConfig};
use triangulate_ner::{bio_spans, Beam, NerModel, FORMAT_VERSION};

/// Fictional articles in CoNLL layout (token and tag only).
fn corpus() -> String {
    let people = [
        "Ana Velic",
        "Tomas Brekke",
        "Ilse Marov",
        "Petr Odan",
        "Mira Solt",
        "Jon Harrel",
    ];
    let places = ["Brenna", "Ostria", "Valdmark", "Corvo", "Lunessa", "Tarsk"];
    let orgs = [
        "Nordwire",
        "Korvath Mining",
        "Ostrian Rail",
        "Bank of Valdmark",
        "Trelby Group",
        "Selm Energy",
    ];
    let mut out = String::new();
    for doc in 0..12 {
        out.push_str("-DOCSTART- O\n\n");
        for k in 0..6 {
            let p = people[(doc + k) % 6];
            let l = places[(doc * 5 + k) % 6];
            let o = orgs[(doc * 7 + k) % 6];
            let mut sentence: Vec<(String, String)> = Vec::new();
            let mut add = |words: &str, label: Option<&str>| {
                for (i, w) in words.split(' ').enumerate() {
                    let tag = match label {
                        None => "O".to_string(),
                        Some(t) if i == 0 => format!("B-{t}"),
                        Some(t) => format!("I-{t}"),
                    };
                    sentence.push((w.to_string(), tag));
                }
            };
            add(p, Some("PER"));
            add("told", None);
            add(o, Some("ORG"));
            add("staff in", None);
            add(l, Some("LOC"));
            add("that the", None);
            add("Lunar Cup", Some("MISC"));
            add("would go ahead .", None);
            for (w, t) in sentence {
                out.push_str(&format!("{w} {t}\n"));
            }
            out.push('\n');
        }
    }
    out
}

/// Settings small enough for the fictional corpus; tests override what they exercise.
fn small_config() -> TrainConfig {
    TrainConfig {
        hash_bits: 16,
        max_epochs: 5,
        patience: 2,
        gazetteer_folds: 3,
        ..TrainConfig::default()
    }
}

/// Trains on the first nine fictional documents, checks the model learned them (dev F1 above
/// 90 on the rest), and returns the model with its dev documents.
fn train_fictional(config: &TrainConfig) -> (NerModel, Vec<ConllDocument>) {
    let mut train_docs = parse_conll(&corpus(), true, "fictional").unwrap();
    let dev_docs = train_docs.split_off(9);
    let (model, report) = train(&train_docs, &dev_docs, config, |_| {}).unwrap();
    assert!(report.best_dev.micro.f1() > 90.0, "{}", report.best_dev);
    (model, dev_docs)
}

#[test]
fn trains_saves_and_reloads_a_small_model() {
    let config = TrainConfig {
        cluster_sizes: vec![4],
        cluster_min_count: 2,
        ..small_config()
    };
    let (model, dev_docs) = train_fictional(&config);
    let dev_docs = dev_docs.as_slice();
    assert_eq!(model.pass_count(), 2);

    let reloaded = NerModel::from_bytes(&model.to_bytes()).unwrap();
    assert_eq!(reloaded, model);
    assert_eq!(evaluate(&reloaded, dev_docs), evaluate(&model, dev_docs));

    let words = [
        "Mira", "Solt", "told", "Nordwire", "staff", "in", "Corvo", ".",
    ];
    let spans = bio_spans(&reloaded.tag_sentence(&words));
    assert!(spans.contains(&(0, 2, EntityLabel::Per)), "{spans:?}");
    assert!(spans.contains(&(6, 7, EntityLabel::Loc)), "{spans:?}");
}

#[test]
fn training_refuses_untagged_or_empty_data() {
    let untagged = parse_conll("Ana\nVelic\n", false, "t").unwrap();
    let tagged = parse_conll("Ana B-PER\n", true, "t").unwrap();
    let config = TrainConfig {
        hash_bits: 12,
        max_epochs: 1,
        cluster_sizes: vec![],
        ..TrainConfig::default()
    };
    assert!(train(&untagged, &tagged, &config, |_| {}).is_err());
    assert!(train(&[], &tagged, &config, |_| {}).is_err());
    let config = TrainConfig {
        hash_bits: 40,
        ..config
    };
    assert!(train(&tagged, &tagged, &config, |_| {}).is_err());
}

#[test]
fn beam_training_learns_and_the_model_file_keeps_its_beam() {
    let config = TrainConfig {
        train_beam: 2,
        ..small_config()
    };
    let (model, dev_docs) = train_fictional(&config);
    let dev_docs = dev_docs.as_slice();
    let trained = Beam {
        width: 2,
        temperature: None,
    };
    assert_eq!(model.trained_decoding(), trained);
    assert_eq!(model.beam(), trained);

    let bytes = model.to_bytes();
    assert_eq!(
        bytes.get(8..12),
        Some(FORMAT_VERSION.to_le_bytes().as_slice())
    );
    let reloaded = NerModel::from_bytes(&bytes).unwrap();
    assert_eq!(reloaded.beam(), trained);
    assert_eq!(evaluate(&reloaded, dev_docs), evaluate(&model, dev_docs));
    let sentence = "Petr Odan told Selm Energy staff in Tarsk that the Lunar Cup would go ahead .";
    let words: Vec<&str> = sentence.split(' ').collect();
    let spans = bio_spans(&reloaded.tag_sentence(&words));
    assert!(spans.contains(&(0, 2, EntityLabel::Per)), "{spans:?}");
    assert!(spans.contains(&(3, 5, EntityLabel::Org)), "{spans:?}");
    assert!(spans.contains(&(7, 8, EntityLabel::Loc)), "{spans:?}");
}

#[test]
fn document_subset_is_deterministic_nested_and_near_its_share() {
    let half = document_subset(2000, 50, 7);
    assert_eq!(half, document_subset(2000, 50, 7));
    assert_ne!(
        half,
        document_subset(2000, 50, 8),
        "the seed picks the documents"
    );
    assert!((900..=1100).contains(&half.len()), "{}", half.len());
    assert!(
        half.windows(2).all(|w| w[0] < w[1]),
        "ascending, no repeats"
    );
    let three_quarters = document_subset(2000, 75, 7);
    assert!((1400..=1600).contains(&three_quarters.len()));
    assert!(half.iter().all(|i| three_quarters.binary_search(i).is_ok()));
    assert_eq!(document_subset(5, 100, 7), vec![0, 1, 2, 3, 4]);
    assert!(document_subset(5, 0, 7).is_empty());
}

#[test]
fn training_on_a_share_of_the_documents_says_so_and_refuses_a_bad_share() {
    let mut train_docs = parse_conll(&corpus(), true, "fictional").unwrap();
    let dev_docs = train_docs.split_off(9);
    let config = TrainConfig {
        train_document_percent: 60,
        ..small_config()
    };
    let kept = document_subset(train_docs.len(), 60, config.seed).len();
    assert!(kept > 0 && kept < train_docs.len(), "{kept}");
    let mut lines = Vec::new();
    let (model, _) = train(&train_docs, &dev_docs, &config, |l| {
        lines.push(l.to_string())
    })
    .unwrap();
    assert!(
        lines.iter().any(|l| l.starts_with(&format!(
            "training documents: {kept} of {}",
            train_docs.len()
        ))),
        "{lines:?}"
    );
    assert!(
        model
            .description()
            .contains(&format!("trained on {kept} documents")),
        "{}",
        model.description()
    );
    for percent in [0, 101] {
        let config = TrainConfig {
            train_document_percent: percent,
            ..small_config()
        };
        let error = train(&train_docs, &dev_docs, &config, |_| {}).unwrap_err();
        assert!(error.to_string().contains("percentage"), "{error}");
    }
}

#[test]
fn fixed_epochs_reproduce_the_epochs_dev_selection_chose() {
    let mut train_docs = parse_conll(&corpus(), true, "fictional").unwrap();
    let dev_docs = train_docs.split_off(9);
    let selected_config = small_config();
    let (selected, report) = train(&train_docs, &dev_docs, &selected_config, |_| {}).unwrap();
    let second = report.second_pass.as_ref().expect("two passes").best_epoch;
    let fixed_config = TrainConfig {
        fixed_epochs: Some(FixedEpochs {
            first_pass: report.best_epoch,
            second_pass: second,
        }),
        ..small_config()
    };
    let mut lines = Vec::new();
    let (fixed, fixed_report) = train(&train_docs, &dev_docs, &fixed_config, |l| {
        lines.push(l.to_string())
    })
    .unwrap();
    assert!(
        lines.iter().all(|l| !l.contains("dev F1")),
        "no dev evaluation without selection: {lines:?}"
    );
    assert_eq!(fixed_report.best_epoch, report.best_epoch);
    assert!(fixed_report.epoch_dev_f1.is_empty());
    assert!(
        fixed.description().ends_with(&format!(
            "fixed epochs {} (pass 1) and {second} (pass 2), no dev selection",
            report.best_epoch
        )),
        "{}",
        fixed.description()
    );
    // The same shuffles and the same averaged weights: only the description differs.
    assert_eq!(fixed.weight_count(), selected.weight_count());
    for doc in train_docs.iter().chain(&dev_docs) {
        let words: Vec<Vec<&str>> = doc
            .sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(fixed.tag_document(&words), selected.tag_document(&words));
    }
}

#[test]
fn fixed_epochs_train_without_a_dev_set_on_all_given_documents() {
    let mut docs = parse_conll(&corpus(), true, "fictional").unwrap();
    let held_out = docs.split_off(9);
    let config = TrainConfig {
        fixed_epochs: Some(FixedEpochs {
            first_pass: 3,
            second_pass: 2,
        }),
        ..small_config()
    };
    let (model, _) = train(&docs, &[], &config, |_| {}).unwrap();
    assert!(model.description().contains("trained on 9 documents"));
    let scores = evaluate(&model, &held_out);
    assert!(scores.micro.f1() > 90.0, "{scores}");

    // Selection needs a dev set; fixed epochs need at least one epoch per pass.
    assert!(train(&docs, &[], &small_config(), |_| {}).is_err());
    for (first_pass, second_pass) in [(0, 2), (3, 0)] {
        let config = TrainConfig {
            fixed_epochs: Some(FixedEpochs {
                first_pass,
                second_pass,
            }),
            ..small_config()
        };
        let error = train(&docs, &[], &config, |_| {}).unwrap_err();
        assert!(error.to_string().contains("fixed epochs"), "{error}");
    }
}
