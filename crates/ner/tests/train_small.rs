//! Training end to end on a small fictional corpus: the trainer learns, saves, and reloads.
use triangulate_doc::EntityLabel;
use triangulate_ner::conll::{parse_conll, ConllDocument};
use triangulate_ner::train::{evaluate, train, TrainConfig};
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
