//! Clusters a JSON-lines stream (`{"id":..,"text":..}` per line, in stream order) with
//! [`StoryClusterer`] and writes `id<TAB>story` lines, the format of the shared clustering scorer.
//!
//! `cargo run --release -p triangulate-fusion --example cluster_dev -- documents.jsonl > pred.tsv`
//! Options: `--threshold X`, `--name-weight X`, `--coverage X`, `--no-numbers` (defaults: [`ClusterOptions::default`]).
use std::io::{BufRead, Write};
use triangulate_fusion::{ClusterInput, ClusterOptions, StoryClusterer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut opts = ClusterOptions::default();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threshold" => {
                opts.threshold = args.next().ok_or("--threshold needs a value")?.parse()?
            }
            "--name-weight" => {
                opts.name_weight = args.next().ok_or("--name-weight needs a value")?.parse()?
            }
            "--no-numbers" => opts.number_features = false,
            "--coverage" => {
                opts.name_coverage_weight =
                    args.next().ok_or("--coverage needs a value")?.parse()?
            }
            _ => path = Some(a),
        }
    }
    let path =
        path.ok_or("usage: cluster_dev [--threshold X] [--name-weight X] [--coverage X] [--no-numbers] documents.jsonl")?;
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let mut clusterer = StoryClusterer::new(opts);
    let mut assigned = Vec::new();
    let out = std::io::stdout();
    let mut out = out.lock();
    for (n, line) in file.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}: line {}: {e}", n + 1))?;
        let (Some(id), Some(text)) = (record["id"].as_str(), record["text"].as_str()) else {
            return Err(format!("{path}: line {}: needs string fields id and text", n + 1).into());
        };
        let story = clusterer.add(&ClusterInput {
            text,
            names: &[],
            published: None,
        });
        assigned.push((id.to_string(), story));
    }
    for (id, story) in assigned {
        writeln!(out, "{id}\t{}", story.0)?;
    }
    Ok(())
}
