//! Cross-document entities of the whole pipeline on ECB+ documents, one gold subtopic at a time,
//! for `bench/entities/run.sh` to score against the gold entity mentions.
//!
//! Usage: `entities_dev [--split dev|train|all] docs.jsonl > entities.jsonl`
//!
//! Each document's `text` becomes a [`Document`] as it is (identity offset map, so byte offsets
//! here are byte offsets into the record's `text`), goes through the language layer
//! ([`Annotator::with_embedded_model`]) and, with the other documents of its gold subtopic,
//! through [`analyze`]. Story clustering is told to keep a subtopic together (join threshold
//! below any score, review of young stories off), so what is measured is entity resolution,
//! not clustering; a subtopic that still comes out as several stories is reported on stderr.
//!
//! Output, one JSON object a line:
//! - `{"kind":"entity", "subtopic", "story", "entity", "name", "label", "doc_id", "start", "end",
//!   "text", "link"}` for every mention of every resolved entity (`link` as the report's JSON
//!   writes a `MentionLink`);
//! - `{"kind":"ner", "subtopic", "doc_id", "start", "end", "text", "label"}` for every NER
//!   mention (what resolution had to work with).
//!
//! Topics above 35 (the held-out ECB+ test split) are never read, whatever the file holds.
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use triangulate_annotate::Annotator;
use triangulate_doc::Document;
use triangulate_fusion::{analyze, AnnotatedDoc, ClusterOptions, FusionOptions};

/// Dev topics of the standard ECB+ split (Cybulska & Vossen 2015).
const DEV_TOPICS: &[u32] = &[2, 5, 12, 18, 21, 23, 34, 35];
/// First topic of the held-out test split.
const FIRST_TEST_TOPIC: u32 = 36;

#[derive(Clone, Copy, PartialEq)]
enum Split {
    Dev,
    Train,
    All,
}

impl Split {
    fn takes(self, topic: u32) -> bool {
        if topic >= FIRST_TEST_TOPIC {
            return false;
        }
        match self {
            Split::Dev => DEV_TOPICS.contains(&topic),
            Split::Train => !DEV_TOPICS.contains(&topic),
            Split::All => true,
        }
    }
}

fn document(id: &str, text: &str) -> Document {
    Document::from_plain_text(id, id, text)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut split = Split::Dev;
    let mut path = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--split" => {
                split = match args.next().as_deref() {
                    Some("dev") => Split::Dev,
                    Some("train") => Split::Train,
                    Some("all") => Split::All,
                    other => return Err(format!("--split dev|train|all, not {other:?}").into()),
                }
            }
            _ if a.starts_with("--") => return Err(format!("unknown option {a}").into()),
            _ => path = Some(a),
        }
    }
    let path = path.ok_or("usage: entities_dev [--split dev|train|all] docs.jsonl")?;

    // Subtopic -> its documents (id, text), in file order.
    let mut subtopics: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let file = std::io::BufReader::new(std::fs::File::open(&path)?);
    for (n, line) in file.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("{path}: line {}: {e}", n + 1))?;
        let (Some(id), Some(text), Some(topic), Some(subtopic)) = (
            record["doc_id"].as_str(),
            record["text"].as_str(),
            record["topic"].as_str(),
            record["subtopic"].as_str(),
        ) else {
            return Err(format!(
                "{path}: line {}: needs string fields doc_id, text, topic, subtopic",
                n + 1
            )
            .into());
        };
        let topic: u32 = topic
            .parse()
            .map_err(|e| format!("{path}: line {}: topic {topic:?}: {e}", n + 1))?;
        if split.takes(topic) {
            subtopics
                .entry(subtopic.to_string())
                .or_default()
                .push((id.to_string(), text.to_string()));
        }
    }

    let annotator = Annotator::with_embedded_model()?;
    let opts = FusionOptions {
        clustering: ClusterOptions {
            threshold: f32::NEG_INFINITY,
            young_story_size: 0,
            ..ClusterOptions::default()
        },
        ..FusionOptions::default()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut documents = 0usize;
    let mut split_subtopics = 0usize;
    for (subtopic, docs) in &subtopics {
        let annotated: Vec<AnnotatedDoc> = docs
            .iter()
            .map(|(id, text)| {
                let doc = document(id, text);
                let layers = annotator.annotate(&doc);
                AnnotatedDoc::new(doc, layers)
            })
            .collect();
        documents += annotated.len();
        for ad in &annotated {
            for m in &ad.layers.entities {
                let row = serde_json::json!({
                    "kind": "ner",
                    "subtopic": subtopic,
                    "doc_id": ad.doc.id,
                    "start": m.span.start,
                    "end": m.span.end,
                    "text": m.span.text(ad.doc.text()).unwrap_or_default(),
                    "label": m.label.as_str(),
                });
                writeln!(out, "{row}")?;
            }
        }
        let analysis = analyze(&annotated, &opts);
        for problem in &analysis.problems {
            eprintln!(
                "{subtopic}: document {}: {}",
                problem.doc_id, problem.message
            );
        }
        if analysis.stories.len() > 1 {
            split_subtopics += 1;
            eprintln!(
                "{subtopic}: {} documents came out as {} stories",
                annotated.len(),
                analysis.stories.len()
            );
        }
        for story in &analysis.stories {
            for entity in &story.entities {
                for m in &entity.mentions {
                    let row = serde_json::json!({
                        "kind": "entity",
                        "subtopic": subtopic,
                        "story": story.id,
                        "entity": entity.id,
                        "name": entity.name,
                        "label": entity.label.as_str(),
                        "doc_id": m.evidence.doc_id,
                        "start": m.evidence.span.start,
                        "end": m.evidence.span.end,
                        "text": m.evidence.text,
                        "link": m.link,
                    });
                    writeln!(out, "{row}")?;
                }
            }
        }
    }
    out.flush()?;
    eprintln!(
        "entities_dev: {} subtopics, {documents} documents, {split_subtopics} subtopics split into several stories",
        subtopics.len()
    );
    Ok(())
}
