//! Trains the NER model: `train-ner --train TRAIN.conll [--train MORE.conll ...]
//! [--dev DEV.conll] --out MODEL [--epochs N] [--fixed-epochs FIRST[,SECOND]]
//! [--hash-bits B] [--seed S] [--clusters 64,256,1024|none] [--one-pass]
//! [--external brown,gazetteers[,organisations][,first-pass-only|second-pass-only]|none]
//! [--substitute-names DOCS%[:WORDS%]] [--train-beam N] [--train-docs PERCENT]`.
//!
//! `--train-docs PERCENT` trains on that share of the training documents (whole documents,
//! chosen by a hash of the seed and the document index; the log says which share was kept):
//! a learning-curve point, to judge what more training data would be worth.
//!
//! `--train` may be given more than once: the files' documents are trained on in that order,
//! as one list (jackknife folds, name substitution and the gazetteer cover all of them).
//! `--fixed-epochs FIRST[,SECOND]` trains the first and second pass for exactly those epochs
//! instead of choosing them on `--dev`, which is then optional: the way to train the final
//! model on train + dev with the epochs a train-only run chose. A `--dev` file given with it
//! still feeds the casing evidence and is scored after training, labelled as not held out
//! when it is also a training file.
//!
//! `--train-beam N` (N ≥ 2) trains a structured perceptron with a raw-score beam of N and early
//! update instead of one decision at a time on gold previous labels; the model file records N
//! (format version 3) and decodes with that beam.
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use triangulate_ner::conll::read_conll;
use triangulate_ner::train::{train, FixedEpochs, TrainConfig};
use triangulate_ner::NerModel;

/// Whether `dev` is one of the `train` files, compared as canonical paths: `--dev ./dev.txt`
/// after `--train data/../dev.txt` is still a training fit and must be labelled so.
fn names_a_training_file(dev: &Path, train: &[PathBuf]) -> bool {
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let dev = canonical(dev);
    train.iter().any(|t| canonical(t) == dev)
}

fn usage() -> ExitCode {
    eprintln!("usage: train-ner --train TRAIN.conll [--train MORE.conll ...] [--dev DEV.conll] --out MODEL [--epochs N] [--fixed-epochs FIRST[,SECOND]] [--hash-bits B] [--seed S] [--clusters 64,256,1024|none] [--one-pass] [--external brown,gazetteers[,organisations][,first-pass-only|second-pass-only]|none] [--substitute-names DOCS%[:WORDS%]] [--train-beam N] [--train-docs PERCENT]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut train_paths: Vec<PathBuf> = Vec::new();
    let mut dev_path = None;
    let mut out = None;
    let mut config = TrainConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next();
        match arg.as_str() {
            "--train" => match value() {
                Some(v) => train_paths.push(PathBuf::from(v)),
                None => return usage(),
            },
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
            "--fixed-epochs" => {
                let Some(v) = value() else { return usage() };
                let (first, second) = v.split_once(',').unwrap_or((v.as_str(), v.as_str()));
                match (first.parse::<usize>(), second.parse::<usize>()) {
                    (Ok(first_pass), Ok(second_pass)) if first_pass >= 1 && second_pass >= 1 => {
                        config.fixed_epochs = Some(FixedEpochs {
                            first_pass,
                            second_pass,
                        });
                    }
                    _ => return usage(),
                }
            }
            "--train-docs" => match value().and_then(|v| v.parse().ok()) {
                Some(n) if (1..=100).contains(&n) => config.train_document_percent = n,
                _ => return usage(),
            },
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
    let Some(out) = out else { return usage() };
    if train_paths.is_empty() || (dev_path.is_none() && config.fixed_epochs.is_none()) {
        // Without fixed epochs the epochs are chosen on --dev, so it is required.
        return usage();
    }
    let result = (|| {
        let started = std::time::Instant::now();
        let mut train_docs = Vec::new();
        for path in &train_paths {
            let docs = read_conll(path, true)?;
            eprintln!("training file {}: {} documents", path.display(), docs.len());
            train_docs.extend(docs);
        }
        let dev_docs = match &dev_path {
            Some(path) => read_conll(path, true)?,
            None => Vec::new(),
        };
        let (model, report) = train(&train_docs, &dev_docs, &config, |line| {
            eprintln!("[{:6.1}s] {line}", started.elapsed().as_secs_f64())
        })?;
        model.save(&out)?;
        // Check the file we wrote reads back as the model we trained.
        let reloaded = NerModel::load(&out)?;
        if reloaded != model {
            return Err(triangulate_ner::NerError::Training(format!(
                "{} does not read back as the trained model",
                out.display()
            )));
        }
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
        if let Some(path) = &dev_path {
            if names_a_training_file(path, &train_paths) {
                println!(
                    "{} is also training data: the score below is a training fit, not held out",
                    path.display()
                );
            }
            println!("{}", triangulate_ner::train::evaluate(&reloaded, &dev_docs));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dev_file_named_another_way_is_still_a_training_file() {
        let dir = std::env::temp_dir().join(format!("train-ner-paths-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).expect("create scratch folder");
        for name in ["dev.conll", "train.conll"] {
            std::fs::write(dir.join(name), "-DOCSTART- O\n").expect("write file");
        }
        let train = [dir.join("train.conll"), dir.join("sub/../dev.conll")];
        // The spelling differs, so a plain comparison of the paths misses it.
        assert!(!train.contains(&dir.join("./dev.conll")));
        assert!(names_a_training_file(&dir.join("./dev.conll"), &train));
        assert!(!names_a_training_file(
            &dir.join("dev.conll"),
            &[dir.join("train.conll")]
        ));
        // A path that does not exist is compared as written.
        assert!(names_a_training_file(
            Path::new("no/such/dev.conll"),
            &[PathBuf::from("no/such/dev.conll")]
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
