//! Trains the NER model: `train-ner --train TRAIN.conll --dev DEV.conll --out MODEL [--epochs N]
//! [--hash-bits B] [--seed S] [--clusters 64,256,1024|none] [--one-pass]
//! [--external brown,gazetteers[,organisations][,first-pass-only|second-pass-only]|none]
//! [--substitute-names DOCS%[:WORDS%]] [--train-beam N]`.
//!
//! `--train-beam N` (N ≥ 2) trains a structured perceptron with a raw-score beam of N and early
//! update instead of one decision at a time on gold previous labels; the model file records N
//! (format version 3) and decodes with that beam.
use std::path::PathBuf;
use std::process::ExitCode;
use triangulate_ner::conll::read_conll;
use triangulate_ner::train::{train, TrainConfig};
use triangulate_ner::NerModel;

fn usage() -> ExitCode {
    eprintln!("usage: train-ner --train TRAIN.conll --dev DEV.conll --out MODEL [--epochs N] [--hash-bits B] [--seed S] [--clusters 64,256,1024|none] [--one-pass] [--external brown,gazetteers[,organisations][,first-pass-only|second-pass-only]|none] [--substitute-names DOCS%[:WORDS%]] [--train-beam N]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut train_path = None;
    let mut dev_path = None;
    let mut out = None;
    let mut config = TrainConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next();
        match arg.as_str() {
            "--train" => train_path = value().map(PathBuf::from),
            "--dev" => dev_path = value().map(PathBuf::from),
            "--out" => out = value().map(PathBuf::from),
            "--epochs" => match value().and_then(|v| v.parse().ok()) {
                Some(n) => config.max_epochs = n,
                None => return usage(),
            },
            "--hash-bits" => match value().and_then(|v| v.parse().ok()) {
                Some(n) => config.hash_bits = n,
                None => return usage(),
            },
            "--seed" => match value().and_then(|v| v.parse().ok()) {
                Some(n) => config.seed = n,
                None => return usage(),
            },
            "--substitute-names" => {
                // DOCS or DOCS:WORDS, both percentages.
                let Some(v) = value() else { return usage() };
                let (docs, words) = v.split_once(':').unwrap_or((v.as_str(), "100"));
                match (docs.parse::<u8>(), words.parse::<u8>()) {
                    (Ok(d), Ok(w)) if d <= 100 && (1..=100).contains(&w) => {
                        config.name_substitution_percent = d;
                        config.name_substitution_word_percent = w;
                    }
                    _ => return usage(),
                }
            }
            "--one-pass" => config.second_pass = false,
            "--train-beam" => match value().and_then(|v| v.parse().ok()) {
                Some(n) if n >= 1 => config.train_beam = n,
                _ => return usage(),
            },
            "--external" => {
                let Some(v) = value() else { return usage() };
                config.external_groups = 0;
                for group in v.split(',') {
                    config.external_groups |= match group {
                        "none" => 0,
                        "brown" => 1,
                        "gazetteers" => 2,
                        "organisations" => 4,
                        "first-pass-only" => 0x40,
                        "second-pass-only" => 0x80,
                        _ => return usage(),
                    };
                }
            }
            "--clusters" => match value() {
                Some(v) if v == "none" => config.cluster_sizes.clear(),
                Some(v) => match v
                    .split(',')
                    .map(|x| x.parse())
                    .collect::<Result<Vec<usize>, _>>()
                {
                    Ok(sizes) => config.cluster_sizes = sizes,
                    Err(_) => return usage(),
                },
                None => return usage(),
            },
            _ => return usage(),
        }
    }
    let (Some(train_path), Some(dev_path), Some(out)) = (train_path, dev_path, out) else {
        return usage();
    };
    let result = (|| {
        let started = std::time::Instant::now();
        let train_docs = read_conll(&train_path, true)?;
        let dev_docs = read_conll(&dev_path, true)?;
        let (model, report) = train(&train_docs, &dev_docs, &config, |line| {
            eprintln!("[{:6.1}s] {line}", started.elapsed().as_secs_f64())
        })?;
        model.save(&out)?;
        // Check the file we wrote reads back and tags the same way.
        let reloaded = NerModel::load(&out)?;
        let check = triangulate_ner::train::evaluate(&reloaded, &dev_docs);
        eprintln!(
            "best epoch {} / second pass {:?} ({:.1}s)",
            report.best_epoch,
            report.second_pass.as_ref().map(|r| r.best_epoch),
            started.elapsed().as_secs_f64()
        );
        eprintln!(
            "{} weights; {}",
            reloaded.weight_count(),
            reloaded.description()
        );
        println!("{check}");
        Ok::<_, triangulate_ner::NerError>(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-ner: {e}");
            ExitCode::FAILURE
        }
    }
}
