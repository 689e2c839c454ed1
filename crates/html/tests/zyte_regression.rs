//! Regression floor on the Zyte article-extraction benchmark (read from `<workspace>/../shared`,
//! skipped with a notice when it is not there). The metric is the benchmark's own: word 4-gram
//! shingle precision and recall per page, macro-averaged, F1 of the averages.

mod support;

use std::collections::HashMap;
use std::path::PathBuf;
use triangulate_doc::MappedText;

/// F1 measured with `bench/article_extraction/run.sh` is 0.975; the floor leaves room for small
/// trade-offs made for the other benchmark.
const F1_FLOOR: f64 = 0.965;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/article-extraction")
}

/// Tokens as Python's `\w+`: runs of alphanumeric characters and underscores.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks = tokens(text);
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    if toks.len() < 4 {
        *out.entry(toks).or_insert(0) += 1;
        return out;
    }
    for w in toks.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Per-page (precision, recall); `None` precision when the prediction has no shingle.
fn page_scores(gold: &str, pred: &str) -> (Option<f64>, Option<f64>) {
    let g = shingles(gold);
    let p = shingles(pred);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += gc.min(pc);
        fn_ += gc.saturating_sub(pc);
    }
    for (k, &pc) in &p {
        let gc = g.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(gc);
    }
    if fp == 0 && fn_ == 0 {
        return (Some(1.0), Some(1.0));
    }
    let precision = (tp + fp > 0).then(|| tp as f64 / (tp + fp) as f64);
    let recall = (tp + fn_ > 0).then(|| tp as f64 / (tp + fn_) as f64);
    (precision, recall)
}

#[test]
fn shingle_metric_matches_the_definition() {
    let (p, r) = page_scores("a b c d e", "a b c d e");
    assert_eq!((p, r), (Some(1.0), Some(1.0)));
    let (p, r) = page_scores("one two three four five", "one two three four");
    assert_eq!(p, Some(1.0));
    assert_eq!(r, Some(0.5));
    let (p, r) = page_scores("one two three four", "");
    assert_eq!(p, None);
    assert_eq!(r, Some(0.0));
}

#[test]
fn zyte_benchmark_f1_stays_above_the_floor() {
    let dir = data_dir();
    let Some(gold) = support::read_gold(&dir.join("ground-truth.json"), "Zyte regression test")
    else {
        return;
    };
    let mut precisions = Vec::new();
    let mut recalls = Vec::new();
    for (id, item) in &gold {
        let body = item["articleBody"].as_str().unwrap_or("");
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let raw = support::gunzip_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let html = String::from_utf8_lossy(&raw);
        let src = MappedText::identity(&html);
        let ex = triangulate_html::extract(&src);
        ex.body
            .map
            .check(&ex.body.text, html.as_bytes())
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        let (p, r) = page_scores(body, &ex.body.text);
        precisions.extend(p);
        recalls.extend(r);
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    let (p, r) = (mean(&precisions), mean(&recalls));
    let f1 = 2.0 * p * r / (p + r);
    eprintln!(
        "Zyte benchmark: {} pages, F1 {f1:.4} (P {p:.4}, R {r:.4})",
        gold.len()
    );
    assert_eq!(gold.len(), 181);
    assert!(f1 >= F1_FLOOR, "F1 {f1:.4} fell below {F1_FLOOR}");
}
