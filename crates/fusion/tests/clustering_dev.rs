//! Regression check of the product path on the shared story-clustering dev set (ECB+ topics
//! 1–35, `<workspace>/../shared/data/news-clustering-dev`): ingest, the whole language layer and
//! `analyze`, as `triangulate analyze` runs them, scored by pairwise F1 against the gold stories
//! (the shared scorer's definition). Skipped with a notice when the folder is absent. The
//! figures and the competitors are in BENCHMARKS.md (`bench/clustering/run.sh`); this only
//! guards the product's figure (0.901 when written) against regressions.

use std::collections::HashMap;
use std::path::PathBuf;

use triangulate_annotate::Annotator;
use triangulate_fusion::{analyze, AnnotatedDoc, FusionOptions};
use triangulate_ingest::{ingest_bytes, IngestOptions};

fn shared_dev() -> Option<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news-clustering-dev");
    dir.is_dir().then_some(dir)
}

/// Pairwise F1 of `pred` (item -> cluster) against `gold`, over the gold items; an item the
/// prediction lacks is a cluster of its own.
fn pairwise_f1(gold: &[(String, String)], pred: &HashMap<String, String>) -> f64 {
    let mut same_gold = 0u64;
    let mut same_pred = 0u64;
    let mut same_both = 0u64;
    for (i, (a, ga)) in gold.iter().enumerate() {
        for (b, gb) in &gold[i + 1..] {
            let pa = pred.get(a);
            let together = pa.is_some() && pa == pred.get(b);
            same_gold += u64::from(ga == gb);
            same_pred += u64::from(together);
            same_both += u64::from(ga == gb && together);
        }
    }
    let p = same_both as f64 / same_pred.max(1) as f64;
    let r = same_both as f64 / same_gold.max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn analyze_clusters_the_dev_set_above_the_floor() {
    let Some(dir) = shared_dev() else {
        eprintln!("skipped: ../shared/data/news-clustering-dev not found");
        return;
    };
    let records = std::fs::read(dir.join("documents.jsonl")).expect("documents.jsonl");
    let ids: Vec<String> = String::from_utf8_lossy(&records)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON record");
            v["id"].as_str().expect("an id").to_string()
        })
        .collect();
    let gold: Vec<(String, String)> = std::fs::read_to_string(dir.join("gold.tsv"))
        .expect("gold.tsv")
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?.to_string(), f.next()?.to_string()))
        })
        .collect();

    let report = ingest_bytes("documents.jsonl", &records, &IngestOptions::default());
    let annotator = Annotator::with_embedded_model().expect("embedded model");
    let docs: Vec<AnnotatedDoc> = report
        .documents
        .into_iter()
        .map(|doc| {
            let layers = annotator.annotate(&doc);
            AnnotatedDoc { doc, layers }
        })
        .collect();
    // Record "line N" (from 1) -> the record's id.
    let record_id: HashMap<String, String> = docs
        .iter()
        .filter_map(|d| {
            let line: usize = d
                .doc
                .source
                .record
                .as_deref()?
                .strip_prefix("line ")?
                .parse()
                .ok()?;
            Some((d.doc.id.clone(), ids.get(line.checked_sub(1)?)?.clone()))
        })
        .collect();
    assert_eq!(
        record_id.len(),
        docs.len(),
        "every document maps to its record"
    );
    let analysis = analyze(&docs, &FusionOptions::default());
    let pred: HashMap<String, String> = analysis
        .documents
        .iter()
        .filter_map(|d| Some((record_id.get(&d.id)?.clone(), d.story.clone())))
        .collect();
    let f1 = pairwise_f1(&gold, &pred);
    eprintln!(
        "news-clustering-dev: {} documents, {} skipped by ingest, pairwise F1 {f1:.4}",
        docs.len(),
        report.skipped.len()
    );
    assert!(
        f1 >= 0.898,
        "pairwise F1 {f1:.4} fell below the floor 0.898"
    );
}
