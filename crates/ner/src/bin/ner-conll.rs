//! Tags a CoNLL column file: `ner-conll INPUT.conll [--model PATH] [--timing]` writes
//! `token<TAB>TAG` lines (IOB2), a blank line after each sentence, to standard output: the layout
//! `score_ner.py` reads. Only the first column of the input is used; `-DOCSTART-` lines mark
//! documents (document-level features use them). `--timing` prints tagging speed (tokens/s,
//! model loading excluded and reported separately) as JSON on standard error. `--model-only`
//! leaves out the document-level rules (for measuring them). `--beam N[:T]` decodes with a beam of
//! `N` hypotheses per sentence instead of the decoding the model was trained for (greedy, or
//! the beam of a model trained with `train-ner --train-beam`), scoring sequences by summed log-softmax at
//! temperature `T` (raw score sums without `:T`; see `triangulate_ner::Beam`).
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use triangulate_ner::conll::read_conll;
use triangulate_ner::{Beam, NerModel};

fn main() -> ExitCode {
    let mut input = None;
    let mut model_path = None;
    let mut timing = false;
    let mut model_only = false;
    // None: decode the way the model was trained (greedy, or its trained beam).
    let mut beam: Option<Beam> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--model" => model_path = args.next().map(PathBuf::from),
            "--timing" => timing = true,
            "--model-only" => model_only = true,
            "--beam" => match args.next().as_deref().and_then(parse_beam) {
                Some(parsed) => beam = Some(parsed),
                None => {
                    eprintln!("--beam needs N or N:T: a whole number of hypotheses, 1 or more, and optionally a positive temperature");
                    return ExitCode::from(2);
                }
            },
            _ if input.is_none() && !arg.starts_with("--") => input = Some(PathBuf::from(arg)),
            _ => {
                eprintln!("usage: ner-conll INPUT.conll [--model PATH] [--timing] [--model-only] [--beam N[:T]]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(input) = input else {
        eprintln!(
            "usage: ner-conll INPUT.conll [--model PATH] [--timing] [--model-only] [--beam N[:T]]"
        );
        return ExitCode::from(2);
    };
    let result = (|| {
        let docs = read_conll(&input, false)?;
        let load_started = Instant::now();
        let owned;
        let model: &NerModel = match &model_path {
            Some(p) => {
                let loaded = NerModel::load(p)?;
                owned = match beam {
                    Some(beam) => loaded.with_beam(beam),
                    None => loaded,
                };
                &owned
            }
            // The embedded model is shared; only another decoding needs a copy.
            None => match beam {
                None => NerModel::embedded()?,
                Some(beam) => {
                    owned = NerModel::embedded()?.clone().with_beam(beam);
                    &owned
                }
            },
        };
        let load_s = load_started.elapsed().as_secs_f64();
        let words: Vec<Vec<Vec<&str>>> = docs
            .iter()
            .map(|d| {
                d.sentences
                    .iter()
                    .map(|s| s.words.iter().map(String::as_str).collect())
                    .collect()
            })
            .collect();
        let tag_started = Instant::now();
        let tagged: Vec<_> = words
            .iter()
            .map(|d| {
                if model_only {
                    model.tag_document_model_only(d)
                } else {
                    model.tag_document(d)
                }
            })
            .collect();
        let tag_s = tag_started.elapsed().as_secs_f64();
        let tokens: usize = docs.iter().map(|d| d.token_count()).sum();
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        for (doc, tags) in docs.iter().zip(&tagged) {
            for (sentence, sentence_tags) in doc.sentences.iter().zip(tags) {
                for (word, tag) in sentence.words.iter().zip(sentence_tags) {
                    writeln!(out, "{word}\t{tag}").map_err(io_error)?;
                }
                writeln!(out).map_err(io_error)?;
            }
        }
        out.flush().map_err(io_error)?;
        if timing {
            eprintln!(
                "{{\"tokens\": {tokens}, \"load_s\": {load_s:.4}, \"tag_s\": {tag_s:.4}, \"tokens_per_s\": {:.0}}}",
                tokens as f64 / tag_s.max(1e-9)
            );
        }
        Ok::<_, triangulate_ner::NerError>(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ner-conll: {e}");
            ExitCode::FAILURE
        }
    }
}

fn io_error(e: std::io::Error) -> triangulate_ner::NerError {
    triangulate_ner::NerError::Io {
        path: "standard output".into(),
        source: e,
    }
}

/// `N` or `N:T` as a [`Beam`].
fn parse_beam(text: &str) -> Option<Beam> {
    let (width, temperature) = match text.split_once(':') {
        Some((w, t)) => (w, Some(t.parse::<f32>().ok().filter(|t| *t > 0.0)?)),
        None => (text, None),
    };
    let width = width.parse::<usize>().ok().filter(|w| *w >= 1)?;
    Some(Beam { width, temperature })
}
