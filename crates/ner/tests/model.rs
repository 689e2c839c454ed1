//! Loading the shipped model, refusing damaged files, and tagging fictional news text.
use std::path::PathBuf;
use triangulate_doc::{EntityLabel, Sentence, Span, Token};
use triangulate_ner::{bio_spans, Beam, Bio, NerError, NerModel, MAX_BEAM_WIDTH};

fn model_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models/ner/conll2003.model")
}

fn entities(model: &NerModel, sentence: &str) -> Vec<(String, EntityLabel)> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let tags = model.tag_sentence(&words);
    assert_eq!(tags.len(), words.len());
    bio_spans(&tags)
        .into_iter()
        .map(|(s, e, t)| (words[s..e].join(" "), t))
        .collect()
}

#[test]
fn empty_sentences_get_no_tags_with_the_beam_and_greedily() {
    let model = NerModel::embedded().unwrap();
    let sentences = vec![vec![], vec!["Ana", "Velic", "left", "Brenna", "."], vec![]];
    for beam in [model.trained_decoding(), Beam::GREEDY] {
        let tags = model.clone().with_beam(beam).tag_document(&sentences);
        let lengths: Vec<usize> = tags.iter().map(Vec::len).collect();
        assert_eq!(lengths, [0, 5, 0], "{beam:?}");
    }
    assert!(model.tag_sentence(&[]).is_empty());
}

#[test]
fn embedded_and_file_models_are_the_same() {
    let embedded = NerModel::embedded().expect("embedded model loads");
    let loaded = NerModel::load(&model_path()).expect("model file loads");
    assert_eq!(*embedded, loaded);
    assert!(embedded.weight_count() > 10_000);
    // Serialising reproduces the file byte for byte.
    let bytes = std::fs::read(model_path()).unwrap();
    assert_eq!(loaded.to_bytes(), bytes);
    // Loaded once: the same instance every time.
    assert!(std::ptr::eq(embedded, NerModel::embedded().unwrap()));
}

#[test]
fn damaged_model_files_are_typed_errors() {
    let bytes = std::fs::read(model_path()).unwrap();
    assert!(matches!(
        NerModel::from_bytes(&[]),
        Err(NerError::Corrupt(_))
    ));
    // Truncated anywhere: header, payload, checksum.
    for cut in [
        3,
        8,
        12,
        19,
        20,
        100,
        bytes.len() / 2,
        bytes.len() - 9,
        bytes.len() - 1,
    ] {
        let err = NerModel::from_bytes(&bytes[..cut]).unwrap_err();
        assert!(
            matches!(err, NerError::Truncated { .. }),
            "cut at {cut}: {err}"
        );
    }
    // One flipped bit in the payload fails the checksum.
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x10;
    let err = NerModel::from_bytes(&flipped).unwrap_err();
    assert!(err.to_string().contains("checksum"), "{err}");
    // Not a model at all.
    let err = NerModel::from_bytes(b"PK\x03\x04 this is a zip file, not a model").unwrap_err();
    assert!(err.to_string().contains("magic"), "{err}");
    // A future format version.
    let mut future = bytes.clone();
    future[8..12].copy_from_slice(&99u32.to_le_bytes());
    assert!(matches!(
        NerModel::from_bytes(&future),
        Err(NerError::UnsupportedVersion { found: 99, .. })
    ));
    // Trailing garbage.
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(matches!(
        NerModel::from_bytes(&longer),
        Err(NerError::Corrupt(_))
    ));
    // A missing file names the path.
    let err = NerModel::load(std::path::Path::new("/nonexistent/ner.model")).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/ner.model"), "{err}");
    // So does a damaged one, with the cause.
    let damaged = std::env::temp_dir().join(format!(
        "triangulate-ner-damaged-{}.model",
        std::process::id()
    ));
    std::fs::write(&damaged, &flipped).unwrap();
    let err = NerModel::load(&damaged).unwrap_err();
    std::fs::remove_file(&damaged).ok();
    let message = err.to_string();
    assert!(
        message.contains(&damaged.display().to_string()),
        "{message}"
    );
    assert!(message.contains("checksum"), "{message}");
}

#[test]
fn finds_the_obvious_entities_in_fictional_news() {
    let model = NerModel::embedded().unwrap();
    use EntityLabel::*;
    let found = entities(
        model,
        "Prime Minister Ana Velic met reporters in Brenna on Tuesday .",
    );
    assert!(found.contains(&("Ana Velic".into(), Per)), "{found:?}");
    assert!(found.contains(&("Brenna".into(), Loc)), "{found:?}");
    assert_eq!(found.len(), 2, "{found:?}");

    let found = entities(
        model,
        "Shares in Korvath Mining Corp fell 4 percent , the company said .",
    );
    assert!(
        found.contains(&("Korvath Mining Corp".into(), Org)),
        "{found:?}"
    );

    let found = entities(
        model,
        "\" We will not resign , \" Tomas Brekke told the Ostrian parliament .",
    );
    assert!(found.contains(&("Tomas Brekke".into(), Per)), "{found:?}");
    assert!(found.contains(&("Ostrian".into(), Misc)), "{found:?}");

    // Lower-case running text without names has no entities.
    let found = entities(
        model,
        "the talks ended late on friday without an agreement .",
    );
    assert!(found.is_empty(), "{found:?}");
    assert!(model.tag_sentence(&[]).is_empty());
}

/// Whitespace tokens and one sentence per line, standing in for `triangulate-text`.
fn tokens_and_sentences(text: &str) -> (Vec<Token>, Vec<Sentence>) {
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let first = tokens.len();
        let mut at = line_start;
        for word in line.split_whitespace() {
            let start =
                line_start + line[at - line_start..].find(word).unwrap() + (at - line_start);
            tokens.push(Token {
                span: Span::new(start, start + word.len()),
            });
            at = start + word.len();
        }
        if tokens.len() > first {
            let span = Span::new(tokens[first].span.start, tokens[tokens.len() - 1].span.end);
            sentences.push(Sentence {
                span,
                first_token: first,
                end_token: tokens.len(),
            });
        }
        line_start += line.len();
    }
    (tokens, sentences)
}

#[test]
fn annotate_returns_byte_spans_into_the_text() {
    let model = NerModel::embedded().unwrap();
    let text = "Ana Velic wins vote in Brenna\nPrime Minister Ana Velic won a second term on Sunday , officials in Brenna said .\n";
    let (tokens, sentences) = tokens_and_sentences(text);
    let mentions = model.annotate(text, &tokens, &sentences);
    let found: Vec<(&str, EntityLabel)> = mentions
        .iter()
        .map(|m| (m.span.text(text).unwrap(), m.label))
        .collect();
    assert!(
        found.contains(&("Ana Velic", EntityLabel::Per)),
        "{found:?}"
    );
    assert!(found.contains(&("Brenna", EntityLabel::Loc)), "{found:?}");
    for m in &mentions {
        assert_eq!(m.span.start, tokens[m.first_token].span.start);
        assert_eq!(m.span.end, tokens[m.end_token - 1].span.end);
        assert!((0.0..=1.0).contains(&m.confidence), "{m:?}");
    }
    // Spans that do not fit the text are skipped, not a panic.
    let bogus = [Token {
        span: Span::new(500, 510),
    }];
    let bogus_sentence = [Sentence {
        span: Span::new(500, 510),
        first_token: 0,
        end_token: 5,
    }];
    assert!(model.annotate(text, &bogus, &bogus_sentence).is_empty());
    assert!(model.annotate("", &[], &[]).is_empty());
}

#[test]
fn document_context_helps_all_capitals_headlines() {
    let model = NerModel::embedded().unwrap();
    let headline = ["PARLIAMENT", "BACKS", "VELIC", "AFTER", "BRENNA", "TALKS"];
    let body: Vec<&str> = "Lawmakers backed Prime Minister Ana Velic on Monday after talks in Brenna with Nordwire executives ."
        .split(' ')
        .collect();
    // Alone, an all-capitals headline gives no case evidence at all.
    let alone = model.tag_sentence(&headline);
    assert_eq!(alone[2], Bio::O, "{alone:?}");
    // With the article, "Velic" written in mixed case (and tagged) in the body carries over.
    let tagged = model.tag_document(&[headline.to_vec(), body]);
    assert_eq!(tagged[0][2], Bio::B(EntityLabel::Per), "{:?}", tagged[0]);
    assert_eq!(tagged[0][1], Bio::O);
    assert_eq!(tagged[1][4], Bio::B(EntityLabel::Per), "{:?}", tagged[1]);
    assert_eq!(tagged[1][5], Bio::I(EntityLabel::Per), "{:?}", tagged[1]);
}

#[test]
fn beam_decoding_keeps_labels_well_formed_and_finds_the_obvious_entities() {
    let embedded = NerModel::embedded().unwrap();
    // The embedded model was trained with a beam of 2 and decodes as trained.
    assert_eq!(
        embedded.trained_decoding(),
        Beam {
            width: 2,
            temperature: None
        }
    );
    assert_eq!(embedded.beam(), embedded.trained_decoding());
    let document: Vec<Vec<&str>> = [
        "Prime Minister Ana Velic met reporters in Brenna on Tuesday .",
        "Shares in Korvath Mining Corp fell 4 percent , the company said .",
        "Velic said Korvath Mining would keep its Brenna office open .",
        "",
    ]
    .iter()
    .map(|s| s.split_whitespace().collect())
    .collect();
    let beams = [
        Beam::GREEDY,
        Beam {
            width: 4,
            temperature: Some(16.0),
        },
        Beam {
            width: 3,
            temperature: None,
        },
        Beam {
            width: 1000,
            temperature: Some(-1.0),
        },
    ];
    for beam in beams {
        let model = embedded.clone().with_beam(beam);
        assert!(model.beam().width <= MAX_BEAM_WIDTH);
        assert!(model.beam().temperature.is_none_or(|t| t > 0.0));
        let tags = model.tag_document(&document);
        assert_eq!(tags.len(), document.len());
        for (sentence_tags, words) in tags.iter().zip(&document) {
            assert_eq!(sentence_tags.len(), words.len());
            // An I- tag only continues an entity of its own type.
            for (i, tag) in sentence_tags.iter().enumerate() {
                if let Bio::I(t) = tag {
                    let previous = i.checked_sub(1).and_then(|j| sentence_tags.get(j));
                    assert!(
                        matches!(previous, Some(Bio::B(p) | Bio::I(p)) if p == t),
                        "{beam:?}: {sentence_tags:?}"
                    );
                }
            }
        }
        if beam.temperature.is_some() {
            let first = &document[0];
            let spans: Vec<(String, EntityLabel)> = bio_spans(&tags[0])
                .into_iter()
                .map(|(s, e, t)| (first[s..e].join(" "), t))
                .collect();
            assert!(
                spans.contains(&("Ana Velic".into(), EntityLabel::Per)),
                "{beam:?}: {spans:?}"
            );
        }
    }
}
