//! Averages the weights of models trained with different seeds:
//! `average-ner --out MODEL A.model B.model [C.model ...]` (see [`NerModel::average`]).
use std::path::PathBuf;
use std::process::ExitCode;
use triangulate_ner::NerModel;

const USAGE: &str = "usage: average-ner --out MODEL A.model B.model [C.model ...]";

fn main() -> ExitCode {
    let mut out = None;
    let mut inputs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = args.next().map(PathBuf::from),
            _ if !arg.starts_with("--") => inputs.push(PathBuf::from(arg)),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(out) = out.filter(|_| inputs.len() >= 2) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = (|| {
        let models = inputs
            .iter()
            .map(|path| NerModel::load(path))
            .collect::<Result<Vec<_>, _>>()?;
        let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        let description = format!(
            "weights averaged over {} models ({}); first: {}",
            models.len(),
            names.join(", "),
            models.first().map_or("", |m| m.description())
        );
        let averaged = NerModel::average(&models, description)?;
        averaged.save(&out)?;
        eprintln!(
            "{}: {} weights (inputs: {})",
            out.display(),
            averaged.weight_count(),
            models
                .iter()
                .map(|m| m.weight_count().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        Ok::<(), triangulate_ner::NerError>(())
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("average-ner: {e}");
            ExitCode::FAILURE
        }
    }
}
