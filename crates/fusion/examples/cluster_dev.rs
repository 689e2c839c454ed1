//! Clusters a JSON-lines stream (`{"id":..,"text":..}` per line, in stream order; an optional
//! `"published"` ISO date, e.g. `"2013-09-19"` or `"2013-09"`, is passed as the publication
//! date) with [`StoryClusterer`] and writes `id<TAB>story` lines, the format of the shared
//! clustering scorer.
//!
//! `cargo run --release -p triangulate-fusion --example cluster_dev -- documents.jsonl > pred.tsv`
//!
//! By default the runner does what the full pipeline does: the embedded NER model tags each
//! document over `triangulate_text::analyze`'s tokens and sentences, and the mention texts go
//! to the clusterer as names (beside capitalised words). `--capitalised` passes no mentions
//! (capitalised words only; no NER run); `--ner-only` turns
//! [`ClusterOptions::capitalised_with_names`] off (mentions only).
//!
//! `--labels PER,LOC` passes only mentions with those labels.
//!
//! Other options (defaults: [`ClusterOptions::default`]): `--threshold X`, `--name-weight X`,
//! `--coverage X`, `--no-numbers`; review of young stories: `--young S` (0 turns review off),
//! `--split-ratio R`, `--split-min N` (fewest documents per side), `--split-min-story N`,
//! `--no-rehome` (a split-off group always starts a story of its own);
//! weight of the opening: `--lead-words L` (0 turns it off), `--lead-boost B`.
//!
//! Review can move earlier documents to a new story ([`StoryClusterer::take_moves`]); the
//! runner applies the moves to its earlier answers, as a caller keeping each document's story
//! does. `--forward-only` ignores them (each document keeps the story `add` returned).
//!
//! Time: `--no-dates` ignores `"published"`, `--window D` sets
//! [`ClusterOptions::time_window_days`], `--decay D` [`ClusterOptions::time_decay_days`]. A
//! record with a publication date also passes the dates its text writes
//! ([`ClusterInput::mentioned`], found by `triangulate_timex` anchored on that date, as
//! `analyze` does); `--no-mentions` passes none.
use std::io::{BufRead, Write};
use triangulate_fusion::{ClusterInput, ClusterOptions, StoryClusterer};
use triangulate_ner::NerModel;

fn value<T: std::str::FromStr>(
    args: &mut impl Iterator<Item = String>,
    flag: &str,
) -> Result<T, Box<dyn std::error::Error>>
where
    T::Err: std::error::Error + 'static,
{
    let raw = args.next().ok_or(format!("{flag} needs a value"))?;
    Ok(raw.parse().map_err(|e| format!("{flag} {raw}: {e}"))?)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut opts = ClusterOptions::default();
    let mut use_ner = true;
    let mut labels: Option<Vec<String>> = None;
    let mut forward_only = false;
    let mut use_dates = true;
    let mut use_mentions = true;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threshold" => opts.threshold = value(&mut args, &a)?,
            "--name-weight" => opts.name_weight = value(&mut args, &a)?,
            "--coverage" => opts.name_coverage_weight = value(&mut args, &a)?,
            "--no-numbers" => opts.number_features = false,
            "--young" => opts.young_story_size = value(&mut args, &a)?,
            "--split-ratio" => opts.split_ratio = value(&mut args, &a)?,
            "--split-min-story" => opts.split_min_story = value(&mut args, &a)?,
            "--split-min" => opts.split_min_group = value(&mut args, &a)?,
            "--lead-words" => opts.lead_words = value(&mut args, &a)?,
            "--lead-boost" => opts.lead_boost = value(&mut args, &a)?,
            "--forward-only" => forward_only = true,
            "--window" => opts.time_window_days = value(&mut args, &a)?,
            "--decay" => opts.time_decay_days = value(&mut args, &a)?,
            "--no-dates" => use_dates = false,
            "--no-mentions" => use_mentions = false,
            "--no-rehome" => opts.rehome_split_groups = false,
            "--capitalised" => use_ner = false,
            "--ner-only" => opts.capitalised_with_names = false,
            "--labels" => {
                let list: String = value(&mut args, &a)?;
                labels = Some(list.split(',').map(|l| l.trim().to_uppercase()).collect());
            }
            _ if a.starts_with("--") => return Err(format!("unknown option {a}").into()),
            _ => path = Some(a),
        }
    }
    let path = path.ok_or(
        "usage: cluster_dev [--threshold X] [--name-weight X] [--coverage X] [--no-numbers] \
         [--young S] [--split-ratio R] [--split-min N] [--split-min-story N] [--forward-only] \
         [--lead-words L] [--lead-boost B] [--window D] [--decay D] [--no-dates] \
         [--capitalised | --ner-only] [--labels PER,LOC,ORG,MISC] documents.jsonl",
    )?;
    let ner = if use_ner {
        Some(NerModel::embedded()?)
    } else {
        None
    };
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    let mut clusterer = StoryClusterer::new(opts);
    let mut assigned = Vec::new();
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
        let mentions = match ner {
            Some(model) => {
                let layer = triangulate_text::analyze(text);
                model.annotate(text, &layer.tokens, &layer.sentences)
            }
            None => Vec::new(),
        };
        let names: Vec<&str> = mentions
            .iter()
            .filter(|m| {
                labels
                    .as_ref()
                    .is_none_or(|keep| keep.iter().any(|l| l == m.label.as_str()))
            })
            .filter_map(|m| m.span.text(text))
            .collect();
        let published = record["published"]
            .as_str()
            .filter(|_| use_dates)
            .map(|raw| {
                triangulate_doc::PartialDate::parse_iso(raw).ok_or(format!(
                    "{path}: line {}: published {raw:?} is not an ISO date",
                    n + 1
                ))
            })
            .transpose()?;
        // What `analyze` passes: the dates the text writes, anchored on the publication date.
        let mentioned: Vec<triangulate_doc::PartialDate> = match published {
            Some(date) if use_mentions => {
                triangulate_timex::find_timexes(text, &triangulate_timex::Anchor::on(date))
                    .iter()
                    .filter_map(|t| t.calendar_date())
                    .collect()
            }
            _ => Vec::new(),
        };
        let story = clusterer.add(&ClusterInput {
            text,
            names: &names,
            published,
            mentioned: &mentioned,
        });
        assigned.push((id.to_string(), story));
        for (doc, story) in clusterer.take_moves() {
            if let Some(slot) = assigned.get_mut(doc).filter(|_| !forward_only) {
                slot.1 = story;
            }
        }
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    for (id, story) in assigned {
        writeln!(out, "{id}\t{}", story.0)?;
    }
    Ok(())
}
