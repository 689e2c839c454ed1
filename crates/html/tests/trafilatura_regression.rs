//! Regression floor on trafilatura's own evaluation set (990 pages, read from
//! `<workspace>/../shared`, skipped with a notice when it is not there). The metric is the set's
//! own: after collapsing whitespace runs, a "with" snippet found in the output is a true positive
//! (else a false negative), a "without" snippet found is a false positive; counts are summed over
//! all pages and F1 = 2TP / (2TP + FP + FN).

mod support;

use std::path::PathBuf;
use triangulate_doc::MappedText;

/// F1 measured with `bench/article_extraction/run.sh` is 0.935; the floor leaves room for small
/// trade-offs made for the other benchmark.
const F1_FLOOR: f64 = 0.930;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/article-extraction/trafilatura-eval")
}

fn collapse_ws(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Debug, Default, PartialEq)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, output: &str, with: &[&str], without: &[&str]) {
        let out = collapse_ws(output);
        for s in with {
            if out.contains(&collapse_ws(s)) {
                self.tp += 1;
            } else {
                self.fn_ += 1;
            }
        }
        for s in without {
            if out.contains(&collapse_ws(s)) {
                self.fp += 1;
            }
        }
    }

    fn f1(&self) -> f64 {
        2.0 * self.tp as f64 / (2 * self.tp + self.fp + self.fn_).max(1) as f64
    }
}

#[test]
fn snippet_metric_matches_the_definition() {
    let mut c = Counts::default();
    c.add(
        "The river  rose\ntwo metres. Subscribe now.",
        &["river rose two", "fell"],
        &["Subscribe now", "Share"],
    );
    assert_eq!(
        c,
        Counts {
            tp: 1,
            fp: 1,
            fn_: 1
        }
    );
    assert!((c.f1() - 0.5).abs() < 1e-9);
}

fn strings(v: &serde_json::Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(|s| s.as_str()).collect())
        .unwrap_or_default()
}

#[test]
fn trafilatura_set_f1_stays_above_the_floor() {
    let dir = data_dir();
    let Some(gold) = support::read_gold(
        &dir.join("evaldata.json"),
        "trafilatura-set regression test",
    ) else {
        return;
    };
    let mut counts = Counts::default();
    for (url, item) in &gold {
        let file = item["file"].as_str().expect("file name");
        let path = dir.join("html").join(format!("{file}.gz"));
        let raw = support::gunzip_file(&path).unwrap_or_else(|e| panic!("{url}: {e}"));
        let html = support::decode(&raw);
        let src = MappedText::identity(&html);
        let ex = triangulate_html::extract(&src);
        ex.body
            .map
            .check(&ex.body.text, html.as_bytes())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        counts.add(
            &ex.body.text,
            &strings(&item["with"]),
            &strings(&item["without"]),
        );
    }
    let f1 = counts.f1();
    eprintln!(
        "trafilatura set: {} pages, F1 {f1:.4} (TP {}, FP {}, FN {})",
        gold.len(),
        counts.tp,
        counts.fp,
        counts.fn_
    );
    assert_eq!(gold.len(), 990);
    assert!(f1 >= F1_FLOOR, "F1 {f1:.4} fell below {F1_FLOOR}");
}
