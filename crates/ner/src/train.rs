//! Training: lexicon induction (casing evidence, clusters, gazetteer) and the averaged
//! perceptron, with the number of epochs chosen on the development set.
use crate::beam::{BeamSearch, SentenceInput};
use crate::conll::ConllDocument;
use crate::eval::Scores;
use crate::features::{
    apply_first_pass, best_label, case_is_informative, hash_str, lexicon_key, mix, phrase_key,
    prepare_document, sentence_all_caps, token_features, CaseEvidence, LabelHistory, Lexicon,
    PreparedSentence, Weights,
};
use crate::labels::{bilou_to_bio, bio_spans, bio_to_bilou, Label, NUM_LABELS};
use crate::model::{decode_document_beam, Beam, NerModel, TaggedDocument};
use crate::NerError;
use std::collections::HashMap;

/// Training settings. The defaults train `models/ner/conll2003-plain.model`;
/// `models/ner/conll2003-train-only.model` adds `external_groups: 0x83` (Brown clusters and
/// gazetteers, second pass only), `name_substitution_percent: 50`, `seed: 2` and
/// `train_beam: 2` (`train-ner --external brown,gazetteers,second-pass-only --substitute-names
/// 50 --seed 2 --train-beam 2`), and the embedded default `models/ner/conll2003.model` is that
/// recipe on train + dev with `fixed_epochs` 6 and 7, the epochs the train-only run chose
/// (`--train TRAIN --train DEV --fixed-epochs 6,7`).
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// log2 of the number of feature buckets.
    pub hash_bits: u32,
    /// Most passes over the training data.
    pub max_epochs: usize,
    /// Stop after this many epochs without a better development F1.
    pub patience: usize,
    /// Seed of the document shuffling (training is deterministic for a given seed).
    pub seed: u64,
    /// Folds for the training-time gazetteer: a document sees only entities from other folds.
    pub gazetteer_folds: usize,
    /// Cluster counts, coarse to fine (at most 4); empty for no clusters.
    pub cluster_sizes: Vec<usize>,
    /// Words seen fewer times than this get no cluster.
    pub cluster_min_count: usize,
    /// Train a second pass that sees the first pass's labels across the whole document.
    pub second_pass: bool,
    /// External lexicon feature groups to use (`features::external` bits: 1 Brown clusters,
    /// 2 gazetteers). They raise CoNLL-2003 dev F1 by about a point; without name
    /// substitution they cost entity recall on invented names (models/ner/MODEL_CARD.md).
    pub external_groups: u8,
    /// Percentage (0–100) of training documents that also enter training as a copy whose
    /// entity words are replaced by invented, lexicon-unknown words (`augment` module), so the
    /// model learns the cues of names no lexicon knows. 0 for none.
    pub name_substitution_percent: u8,
    /// Percentage (1–100) of the distinct entity words of a substituted copy that are
    /// replaced; the others keep their form.
    pub name_substitution_word_percent: u8,
    /// Beam width for structured-perceptron training with early update (Collins & Roark
    /// 2004); 1 trains each decision greedily on gold previous labels. With a wider beam the
    /// model must also be decoded with a raw-score beam of this width.
    pub train_beam: usize,
    /// Percentage (1–100) of the training documents to train on: whole documents, each kept
    /// or left out by a hash of the seed and its index ([`document_subset`]). Below 100 it
    /// measures a learning curve (how much more data would help); 100 uses them all.
    pub train_document_percent: u8,
    /// Train each pass for exactly these epochs instead of choosing the epoch on the
    /// development set, which is then not needed (it may be empty, or part of the training
    /// data). Used for the final model on train + dev, with the counts the dev selection chose
    /// on a train-only run of the same recipe. `None` selects on dev.
    pub fixed_epochs: Option<FixedEpochs>,
}

/// Epoch counts for training without development-set selection ([`TrainConfig::fixed_epochs`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedEpochs {
    /// Epochs of the first pass (and of the jackknifed first-pass models that tag the training
    /// documents for the second pass).
    pub first_pass: usize,
    /// Epochs of the second pass (ignored for a one-pass model).
    pub second_pass: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            hash_bits: 21,
            max_epochs: 12,
            patience: 4,
            seed: 0x7472_6961_6e67,
            gazetteer_folds: 10,
            cluster_sizes: Vec::new(),
            cluster_min_count: 3,
            second_pass: true,
            external_groups: 0,
            name_substitution_percent: 0,
            name_substitution_word_percent: 100,
            train_beam: 1,
            train_document_percent: 100,
            fixed_epochs: None,
        }
    }
}

/// Development scores after each epoch and the epoch that was kept.
#[derive(Clone, Debug, Default)]
pub struct TrainReport {
    /// Development micro F1 after each epoch.
    pub epoch_dev_f1: Vec<f64>,
    /// The epoch whose averaged weights were kept (1-based).
    pub best_epoch: usize,
    /// Development scores of that epoch.
    pub best_dev: Scores,
    /// The second pass's own report, when one was trained.
    pub second_pass: Option<Box<TrainReport>>,
}

/// Weights as training holds them: a dense table, `NUM_LABELS` per bucket.
pub(crate) struct Dense<'a>(pub(crate) &'a [f32]);

impl Weights for Dense<'_> {
    #[inline]
    fn add_scores(&self, bucket: u32, scores: &mut [f32; NUM_LABELS]) {
        let start = bucket as usize * NUM_LABELS;
        if let Some(row) = self.0.get(start..start + NUM_LABELS) {
            for (s, w) in scores.iter_mut().zip(row) {
                *s += w;
            }
        }
    }
}

fn words_of(doc: &ConllDocument) -> Vec<Vec<&str>> {
    doc.sentences
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect()
}

/// How each lower-cased word is capitalised where case is informative, over all given text.
fn casing_evidence(docs: &[&ConllDocument]) -> HashMap<String, u8> {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for doc in docs {
        for sentence in &doc.sentences {
            let words: Vec<&str> = sentence.words.iter().map(String::as_str).collect();
            let all_caps = sentence_all_caps(&words);
            for (i, w) in words.iter().enumerate() {
                let has_letter = w.chars().any(char::is_alphabetic);
                let flag = if has_letter {
                    crate::features::flags::HAS_LETTER
                } else {
                    0
                };
                if !case_is_informative(i, all_caps, flag) {
                    continue;
                }
                let entry = counts.entry(lexicon_key(w)).or_default();
                if w.chars().next().is_some_and(char::is_uppercase) {
                    entry.0 += 1;
                } else {
                    entry.1 += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .map(|(k, (c, l))| (k, CaseEvidence::from_counts(c, l) as u8))
        .collect()
}

/// Gazetteer phrases of the gold entities of `docs`, as (key, type bit, length).
fn gold_phrases(doc: &ConllDocument) -> Vec<(u64, u8, usize)> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        for (start, end, label) in bio_spans(&sentence.tags) {
            let keys: Vec<u64> = sentence.words[start..end]
                .iter()
                .map(|w| hash_str(&lexicon_key(w)))
                .collect();
            out.push((phrase_key(&keys), 1 << label.index(), end - start));
        }
    }
    out
}

struct Shuffle(u64);

impl Shuffle {
    fn next(&mut self) -> u64 {
        self.0 = mix(self.0, 0x5eed);
        self.0
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

fn check_documents(docs: &[ConllDocument], what: &str) -> Result<(), NerError> {
    if docs.is_empty() {
        return Err(NerError::Training(format!("{what} has no sentences")));
    }
    for doc in docs {
        for s in &doc.sentences {
            if s.tags.len() != s.words.len() {
                return Err(NerError::Training(format!("{what} was read without tags")));
            }
        }
    }
    Ok(())
}

/// Scores a model's tagging of documents against their gold tags.
pub fn evaluate(model: &NerModel, docs: &[ConllDocument]) -> Scores {
    let mut scores = Scores::default();
    for doc in docs {
        let predicted = model.tag_document(&words_of(doc));
        for (sentence, tags) in doc.sentences.iter().zip(&predicted) {
            scores.add_sentence(&sentence.tags, tags);
        }
    }
    scores
}

/// Decodes a prepared document the way a model trained with `config` is meant to be decoded.
fn decode_for(
    config: &TrainConfig,
    weights: &[f32],
    prepared: &[PreparedSentence],
) -> TaggedDocument {
    let beam = Beam {
        width: config.train_beam.max(1),
        temperature: None,
    };
    decode_document_beam(&Dense(weights), config.hash_bits, prepared, beam)
}

fn evaluate_prepared(
    config: &TrainConfig,
    weights: &[f32],
    prepared: &[Vec<PreparedSentence>],
    docs: &[ConllDocument],
) -> Scores {
    let mut scores = Scores::default();
    for (doc, prep) in docs.iter().zip(prepared) {
        let tagged = decode_for(config, weights, prep);
        for (sentence, labels) in doc.sentences.iter().zip(&tagged) {
            let plain: Vec<Label> = labels.iter().map(|x| x.0).collect();
            scores.add_sentence(&sentence.tags, &bilou_to_bio(&plain));
        }
    }
    scores
}

/// The indices of the documents a training run with `percent` (1–100) of `count` documents
/// and seed `seed` keeps, ascending. Whole documents, so the document-level features stay
/// intact; each index is kept when a hash of the seed and the index falls below `percent`, so
/// the share is `percent` only approximately, the subsets of a smaller and a larger percentage
/// with the same seed are nested, and the same seed always picks the same documents. 100 (or
/// more) keeps every document; 0 keeps none.
pub fn document_subset(count: usize, percent: u8, seed: u64) -> Vec<usize> {
    if percent >= 100 {
        return (0..count).collect();
    }
    (0..count)
        .filter(|&index| mix(seed ^ 0x7375_6273_6574, index as u64) % 100 < u64::from(percent))
        .collect()
}

/// Trains a model on `train`, choosing each pass's epoch by micro F1 on `dev`, or training the
/// epochs of [`TrainConfig::fixed_epochs`] when set (then `dev` may be empty; its text, if
/// any, still feeds the casing evidence, as with selection). `log` receives progress lines.
pub fn train(
    train: &[ConllDocument],
    dev: &[ConllDocument],
    config: &TrainConfig,
    mut log: impl FnMut(&str),
) -> Result<(NerModel, TrainReport), NerError> {
    if config.train_document_percent == 0 || config.train_document_percent > 100 {
        return Err(NerError::Training(format!(
            "training document percentage {} out of range 1..=100",
            config.train_document_percent
        )));
    }
    let subset: Vec<ConllDocument>;
    let train = if config.train_document_percent < 100 {
        let kept = document_subset(train.len(), config.train_document_percent, config.seed);
        subset = kept
            .iter()
            .filter_map(|&index| train.get(index).cloned())
            .collect();
        log(&format!(
            "training documents: {} of {} ({} of {} tokens), kept by a hash of the seed and the document index at {}%",
            subset.len(),
            train.len(),
            subset.iter().map(ConllDocument::token_count).sum::<usize>(),
            train.iter().map(ConllDocument::token_count).sum::<usize>(),
            config.train_document_percent
        ));
        subset.as_slice()
    } else {
        train
    };
    check_documents(train, "training data")?;
    match config.fixed_epochs {
        None => check_documents(dev, "development data")?,
        Some(fixed) => {
            if !dev.is_empty() {
                check_documents(dev, "development data")?;
            }
            if fixed.first_pass == 0 || (config.second_pass && fixed.second_pass == 0) {
                return Err(NerError::Training(format!(
                    "fixed epochs {} / {}: every pass needs at least one",
                    fixed.first_pass, fixed.second_pass
                )));
            }
        }
    }
    if !(10..=24).contains(&config.hash_bits) {
        return Err(NerError::Training(format!(
            "hash bits {} out of range 10..=24",
            config.hash_bits
        )));
    }
    let folds = config.gazetteer_folds.max(2);

    let all_text: Vec<&ConllDocument> = train.iter().chain(dev).collect();
    let mut lexicon = Lexicon {
        casing: casing_evidence(&all_text),
        external_groups: config.external_groups & crate::features::external::VALID,
        ..Lexicon::default()
    };
    if lexicon.external_groups != 0 {
        let lexicons = crate::lexicons::ExternalLexicons::embedded_for(lexicon.external_groups)?;
        log(&format!(
            "external lexicons (groups {}): {} cluster words, {} gazetteer phrases",
            lexicon.external_groups,
            lexicons.cluster_word_count(),
            lexicons.gazetteer_phrase_count()
        ));
        lexicon.external = Some(lexicons);
    }
    if !config.cluster_sizes.is_empty() {
        let clusters = crate::cluster::induce(
            &all_text,
            &config.cluster_sizes,
            config.cluster_min_count,
            config.seed,
        );
        lexicon.cluster_levels = config.cluster_sizes.len().min(4);
        log(&format!("clusters: {} words", clusters.len()));
        lexicon.clusters = clusters;
    }

    let mut fold_gazetteers: Vec<HashMap<u64, u8>> = vec![HashMap::new(); folds];
    for (index, doc) in train.iter().enumerate() {
        for (key, bit, len) in gold_phrases(doc) {
            lexicon.gazetteer_max_len = lexicon.gazetteer_max_len.max(len.min(10));
            if len > 10 {
                continue;
            }
            *lexicon.gazetteer.entry(key).or_default() |= bit;
            for (fold, gazetteer) in fold_gazetteers.iter_mut().enumerate() {
                if fold != index % folds {
                    *gazetteer.entry(key).or_default() |= bit;
                }
            }
        }
    }
    log(&format!(
        "gazetteer: {} phrases; casing: {} words",
        lexicon.gazetteer.len(),
        lexicon.casing.len()
    ));

    // Substituted copies are built after the casing evidence and the gazetteer, which must not
    // learn the invented words: at tagging time an unknown name has neither. A copy belongs to
    // its source document's fold, so no jackknifed model sees a copy of a document it tags.
    let substituted = substituted_copies(train, config, &lexicon);
    if !substituted.is_empty() {
        log(&format!(
            "name substitution: {} extra documents, {} tokens",
            substituted.len(),
            substituted
                .iter()
                .map(|(_, d)| d.token_count())
                .sum::<usize>()
        ));
        // One example, so a reader of the log sees what the copies look like.
        let example = substituted.iter().find_map(|(source, copy)| {
            let original = train.get(*source)?;
            original
                .sentences
                .iter()
                .zip(&copy.sentences)
                .find(|(a, b)| a.words != b.words && a.words.len() >= 8)
        });
        if let Some((before, after)) = example {
            log(&format!("  e.g. {}", before.words.join(" ")));
            log(&format!("    -> {}", after.words.join(" ")));
        }
    }
    let train_all: Vec<&ConllDocument> = train
        .iter()
        .chain(substituted.iter().map(|(_, d)| d))
        .collect();
    let fold_of: Vec<usize> = (0..train.len())
        .chain(substituted.iter().map(|(source, _)| *source))
        .map(|source| source % folds)
        .collect();

    let train_prepared: Vec<Vec<PreparedSentence>> = train_all
        .iter()
        .zip(&fold_of)
        .map(|(doc, &fold)| {
            prepare_document(&lexicon, Some(&fold_gazetteers[fold]), &words_of(doc))
        })
        .collect();
    // Without epoch selection the development set is not tagged during training at all.
    let select_on_dev = config.fixed_epochs.is_none();
    let selection_dev: &[ConllDocument] = if select_on_dev { dev } else { &[] };
    let dev_prepared: Vec<Vec<PreparedSentence>> = selection_dev
        .iter()
        .map(|doc| prepare_document(&lexicon, None, &words_of(doc)))
        .collect();
    let gold: Vec<Vec<Vec<Label>>> = train_all
        .iter()
        .map(|d| d.sentences.iter().map(|s| bio_to_bilou(&s.tags)).collect())
        .collect();
    let all_docs: Vec<usize> = (0..train_all.len()).collect();

    let (first_epochs, second_epochs) = match config.fixed_epochs {
        None => (config.max_epochs, config.max_epochs),
        Some(fixed) => (fixed.first_pass, fixed.second_pass),
    };
    log(&match config.fixed_epochs {
        None => "pass 1 (local features)".to_string(),
        Some(_) => format!("pass 1 (local features), {first_epochs} epochs, no dev selection"),
    });
    let (first, first_report) = train_pass(
        config,
        &train_prepared,
        &gold,
        &all_docs,
        select_on_dev.then_some((dev_prepared.as_slice(), selection_dev)),
        first_epochs,
        &mut log,
    )?;
    let mut report = first_report;
    let mut passes = vec![first];

    if config.second_pass {
        // The second pass learns how far to trust first-pass labels, so it must see first-pass
        // labels as noisy as on unseen text: each training document is tagged by a first-pass
        // model trained without its fold.
        let mut stacked_train = train_prepared.clone();
        for fold in 0..folds {
            let inside: Vec<usize> = all_docs
                .iter()
                .copied()
                .filter(|&d| fold_of.get(d) != Some(&fold))
                .collect();
            let (weights, _) = train_pass(
                config,
                &train_prepared,
                &gold,
                &inside,
                None,
                report.best_epoch,
                &mut |_| {},
            )?;
            for d in all_docs
                .iter()
                .copied()
                .filter(|&d| fold_of.get(d) == Some(&fold))
            {
                let labels = labels_of(&decode_for(config, &weights, &stacked_train[d]));
                apply_first_pass(&mut stacked_train[d], &labels);
            }
            log(&format!("first-pass labels for fold {fold}"));
        }
        let mut stacked_dev = dev_prepared.clone();
        for prep in stacked_dev.iter_mut() {
            let labels = labels_of(&decode_for(config, &passes[0], prep));
            apply_first_pass(prep, &labels);
        }
        log("pass 2 (with document-level first-pass labels)");
        let (second, second_report) = train_pass(
            config,
            &stacked_train,
            &gold,
            &all_docs,
            select_on_dev.then_some((stacked_dev.as_slice(), selection_dev)),
            second_epochs,
            &mut log,
        )?;
        report.second_pass = Some(Box::new(second_report));
        passes.push(second);
    }
    let final_report = report.second_pass.as_deref().unwrap_or(&report);
    let decoding = if config.train_beam > 1 {
        format!("beam {} (trained with early update)", config.train_beam)
    } else {
        "greedy".to_string()
    };
    let epochs = match config.fixed_epochs {
        None => format!(
            "final pass epoch {} of {}; dev micro F1 {:.2}",
            final_report.best_epoch,
            final_report.epoch_dev_f1.len(),
            final_report.best_dev.micro.f1()
        ),
        Some(_) if passes.len() > 1 => format!(
            "fixed epochs {first_epochs} (pass 1) and {second_epochs} (pass 2), no dev selection"
        ),
        Some(_) => format!("fixed epochs {first_epochs}, no dev selection"),
    };
    let description = format!(
        "averaged perceptron, BILOU, {decoding}, {} pass(es); trained on {} documents / {} tokens{}; {epochs}",
        passes.len(),
        train.len(),
        train.iter().map(ConllDocument::token_count).sum::<usize>(),
        if substituted.is_empty() {
            String::new()
        } else {
            format!(
                " plus {} name-substituted copies ({}% of documents, {}% of entity words)",
                substituted.len(),
                config.name_substitution_percent,
                config.name_substitution_word_percent
            )
        },
    );
    let dense: Vec<&[f32]> = passes.iter().map(Vec::as_slice).collect();
    let mut model = NerModel::new(config.hash_bits, lexicon, &dense, description);
    model.set_trained_beam(config.train_beam);
    Ok((model, report))
}

/// The name-substituted copies (`augment` module) of a deterministic share of the training
/// documents, each with the index of its source document.
fn substituted_copies(
    train: &[ConllDocument],
    config: &TrainConfig,
    lexicon: &Lexicon,
) -> Vec<(usize, ConllDocument)> {
    let percent = u64::from(config.name_substitution_percent.min(100));
    if percent == 0 {
        return Vec::new();
    }
    let is_known = |word: &str| {
        lexicon.casing.contains_key(&lexicon_key(word))
            || lexicon.external.is_some_and(|ext| {
                ext.brown_path(word).is_some()
                    || ext.brown_path(&word.to_lowercase()).is_some()
                    || ext.gazetteer_categories(&[word]) != 0
            })
    };
    train
        .iter()
        .enumerate()
        .filter(|(index, _)| mix(config.seed, *index as u64 + 0x5b57) % 100 < percent)
        .map(|(index, doc)| {
            let seed = mix(config.seed ^ 0x6e61_6d65, index as u64);
            (
                index,
                crate::augment::substitute_names(
                    doc,
                    seed,
                    config.name_substitution_word_percent,
                    &is_known,
                ),
            )
        })
        .collect()
}

fn labels_of(tagged: &[Vec<(Label, f32)>]) -> Vec<Vec<Label>> {
    tagged
        .iter()
        .map(|s| s.iter().map(|x| x.0).collect())
        .collect()
}

/// One averaged-perceptron run over the documents `docs`. With `dev`, keeps the epoch with the
/// best development F1 and stops after `config.patience` epochs without gain; without it, runs
/// exactly `epochs` epochs.
#[allow(clippy::type_complexity)]
fn train_pass(
    config: &TrainConfig,
    prepared: &[Vec<PreparedSentence>],
    gold: &[Vec<Vec<Label>>],
    docs: &[usize],
    dev: Option<(&[Vec<PreparedSentence>], &[ConllDocument])>,
    epochs: usize,
    log: &mut dyn FnMut(&str),
) -> Result<(Vec<f32>, TrainReport), NerError> {
    let size = (1usize << config.hash_bits) * NUM_LABELS;
    let mut weights = vec![0f32; size];
    let mut accumulated = vec![0f64; size];
    let mut step: f64 = 1.0;
    let mut order: Vec<usize> = docs.to_vec();
    let mut shuffle = Shuffle(config.seed);
    let mut buckets = Vec::with_capacity(128);
    let mut beam_training = BeamTraining::default();
    let mut report = TrainReport::default();
    let mut best: Option<Vec<f32>> = None;

    for epoch in 1..=epochs {
        shuffle.shuffle(&mut order);
        let mut mistakes = 0usize;
        let mut tokens = 0usize;
        for &d in &order {
            let mut history = LabelHistory::default();
            let (Some(doc), Some(doc_gold)) = (prepared.get(d), gold.get(d)) else {
                continue;
            };
            for (sentence, gold_labels) in doc.iter().zip(doc_gold) {
                if config.train_beam > 1 {
                    let update = BeamUpdate {
                        weights: &mut weights,
                        accumulated: &mut accumulated,
                        step,
                        hash_bits: config.hash_bits,
                    };
                    mistakes += beam_train_sentence(
                        update,
                        sentence,
                        gold_labels,
                        &history,
                        config.train_beam,
                        &mut buckets,
                        &mut beam_training,
                    );
                    let n = sentence.tokens.len().min(gold_labels.len());
                    step += n as f64;
                    tokens += n;
                    for (token, &label) in sentence.tokens.iter().zip(&beam_training.best) {
                        history.record(token.key, label);
                    }
                    continue;
                }
                let n = sentence.tokens.len().min(gold_labels.len());
                let mut predicted = Vec::with_capacity(n);
                for i in 0..n {
                    // Gold previous labels (teacher forcing): with BILOU transition constraints a
                    // wrong predicted history can make the gold label unreachable; measured on
                    // dev, predicted history cost about one point of F1.
                    let prev1 = i.checked_sub(1).map(|j| gold_labels[j]);
                    let prev2 = i.checked_sub(2).map(|j| gold_labels[j]);
                    token_features(
                        sentence,
                        i,
                        prev1,
                        prev2,
                        &history,
                        config.hash_bits,
                        &mut buckets,
                    );
                    let (guess, _) = best_label(&Dense(&weights), &buckets, prev1, i + 1 == n);
                    let truth = gold_labels[i];
                    if guess != truth {
                        mistakes += 1;
                        for &b in &buckets {
                            let row = b as usize * NUM_LABELS;
                            weights[row + truth.index()] += 1.0;
                            accumulated[row + truth.index()] += step;
                            weights[row + guess.index()] -= 1.0;
                            accumulated[row + guess.index()] -= step;
                        }
                    }
                    predicted.push(guess);
                    step += 1.0;
                    tokens += 1;
                }
                for (token, &label) in sentence.tokens.iter().zip(&predicted) {
                    history.record(token.key, label);
                }
            }
        }
        let mistakes_pct = 100.0 * mistakes as f64 / tokens.max(1) as f64;
        let Some((dev_prepared, dev_docs)) = dev else {
            log(&format!(
                "epoch {epoch}: training mistakes {mistakes_pct:.2}%"
            ));
            continue;
        };
        let averaged = average(&weights, &accumulated, step);
        let scores = evaluate_prepared(config, &averaged, dev_prepared, dev_docs);
        let f1 = scores.micro.f1();
        log(&format!(
            "epoch {epoch}: training mistakes {mistakes_pct:.2}%, dev F1 {f1:.2}"
        ));
        report.epoch_dev_f1.push(f1);
        if best.is_none() || f1 > report.best_dev.micro.f1() {
            report.best_epoch = epoch;
            report.best_dev = scores;
            best = Some(averaged);
        } else if epoch >= report.best_epoch + config.patience {
            break;
        }
    }
    if dev.is_none() {
        report.best_epoch = epochs;
        best = Some(average(&weights, &accumulated, step));
    }
    let best = best.ok_or_else(|| NerError::Training("no epochs were run".into()))?;
    Ok((best, report))
}

/// The weights a beam-training update changes, and the averaging step it happens at.
struct BeamUpdate<'a> {
    weights: &'a mut [f32],
    accumulated: &'a mut [f64],
    step: f64,
    hash_bits: u32,
}

impl BeamUpdate<'_> {
    /// Rewards `gold` and penalises `predicted` (label prefixes of the same length), skipping
    /// positions where both have the same label and the same two previous labels (their
    /// features and labels cancel).
    fn update(
        &mut self,
        sentence: &PreparedSentence,
        gold: &[Label],
        predicted: &[Label],
        history: &LabelHistory,
        buckets: &mut Vec<u32>,
    ) {
        let prev = |seq: &[Label], j: usize, back: usize| {
            j.checked_sub(back).and_then(|k| seq.get(k)).copied()
        };
        for j in 0..gold.len().min(predicted.len()) {
            let same = (0..3).all(|back| prev(gold, j, back) == prev(predicted, j, back));
            if same {
                continue;
            }
            for (seq, sign) in [(gold, 1.0f32), (predicted, -1.0f32)] {
                let Some(label) = seq.get(j) else { continue };
                token_features(
                    sentence,
                    j,
                    prev(seq, j, 1),
                    prev(seq, j, 2),
                    history,
                    self.hash_bits,
                    buckets,
                );
                for &b in buckets.iter() {
                    let index = b as usize * NUM_LABELS + label.index();
                    if let (Some(w), Some(a)) =
                        (self.weights.get_mut(index), self.accumulated.get_mut(index))
                    {
                        *w += sign;
                        *a += sign as f64 * self.step;
                    }
                }
            }
        }
    }
}

/// Buffers beam training reuses from sentence to sentence.
#[derive(Default)]
struct BeamTraining {
    search: BeamSearch,
    /// The best hypothesis's labels at the update or at the end of the sentence.
    best: Vec<Label>,
}

/// One sentence of structured-perceptron training with a raw-score beam and early update
/// (Collins & Roark 2004): as soon as the gold prefix falls out of the beam, the gold prefix
/// is rewarded and the best prefix penalised, and decoding of the sentence goes on with the
/// updated weights but without further updates (its labels feed the document's label
/// history). The search is the decoder's ([`BeamSearch`]); training adds only the gold check
/// between its steps. Leaves the best labels in `scratch.best`; returns 1 if an update was
/// made, else 0.
fn beam_train_sentence(
    mut update: BeamUpdate<'_>,
    sentence: &PreparedSentence,
    gold: &[Label],
    history: &LabelHistory,
    width: usize,
    buckets: &mut Vec<u32>,
    scratch: &mut BeamTraining,
) -> usize {
    let n = sentence.tokens.len().min(gold.len());
    let input = SentenceInput {
        sentence,
        history,
        hash_bits: update.hash_bits,
        beam: Beam {
            width,
            temperature: None,
        },
        len: n,
    };
    let BeamTraining { search, best } = scratch;
    search.start();
    // Position of the gold prefix in the current beam (`None` once it fell out, which is when
    // the early update is made); the empty prefix is the one hypothesis before the first step.
    let mut gold_position = Some(0usize);
    for (i, &truth) in gold.iter().enumerate().take(n) {
        if !search.step(&Dense(update.weights), &input, i) {
            break;
        }
        let Some(position) = gold_position else {
            continue;
        };
        gold_position = search.extended_position(position, truth);
        if gold_position.is_none() {
            search.best_labels(best);
            update.update(sentence, &gold[..=i], best, history, buckets);
        }
    }
    search.best_labels(best);
    if gold_position.is_none() {
        return 1;
    }
    if best.as_slice() != &gold[..n] {
        update.update(sentence, &gold[..n], best, history, buckets);
        return 1;
    }
    0
}

fn average(weights: &[f32], accumulated: &[f64], step: f64) -> Vec<f32> {
    weights
        .iter()
        .zip(accumulated)
        .map(|(&w, &a)| (w as f64 - a / step) as f32)
        .collect()
}
