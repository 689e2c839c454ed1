//! Regression check on the TempEval-3 training data (TimeBank + AQUAINT, TBAQ-cleaned), read
//! from `<workspace>/../shared/data/tempeval3/train`. Skipped with a notice when that folder
//! is absent. Scores like the TempEval-3 Task A scorer: one-to-one pairs (identical spans first,
//! then largest overlap); relaxed F1 over pairs, value F1 = pairs with the exact gold value.

use std::path::PathBuf;

use triangulate_doc::Span;
use triangulate_timex::find_timexes;
use triangulate_timex::timeml::{anchor_from_dct, read_timeml, GoldTimex};

fn shared_train() -> Option<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/tempeval3/train");
    dir.is_dir().then_some(dir)
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// (pairs, pairs with the gold value) for one document.
fn align(gold: &[GoldTimex], pred: &[(Span, String)]) -> (usize, usize) {
    let mut used_gold = vec![false; gold.len()];
    let mut used_pred = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        if let Some(pi) = (0..pred.len()).find(|&pi| !used_pred[pi] && pred[pi].0 == g.span) {
            used_gold[gi] = true;
            used_pred[pi] = true;
            pairs.push((gi, pi));
        }
    }
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let o = overlap(g.span, p.0);
            if o > 0 && !used_gold[gi] && !used_pred[pi] {
                candidates.push((o, gi, pi));
            }
        }
    }
    candidates.sort_by_key(|c| std::cmp::Reverse(c.0));
    for (_, gi, pi) in candidates {
        if !used_gold[gi] && !used_pred[pi] {
            used_gold[gi] = true;
            used_pred[pi] = true;
            pairs.push((gi, pi));
        }
    }
    let correct = pairs
        .iter()
        .filter(|(gi, pi)| gold[*gi].value == pred[*pi].1)
        .count();
    (pairs.len(), correct)
}

fn f1(correct: usize, n_pred: usize, n_gold: usize) -> f64 {
    if correct == 0 {
        return 0.0;
    }
    let p = correct as f64 / n_pred as f64;
    let r = correct as f64 / n_gold as f64;
    2.0 * p * r / (p + r)
}

#[test]
fn tbaq_train_scores_stay_above_floors() {
    let Some(root) = shared_train() else {
        eprintln!("skipping: ../shared/data/tempeval3/train not found");
        return;
    };
    let (mut n_gold, mut n_pred, mut n_pairs, mut n_value, mut docs) = (0, 0, 0, 0, 0);
    for part in ["TimeBank", "AQUAINT"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(part))
            .expect("shared data folder is readable")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tml"))
            .collect();
        files.sort();
        for path in files {
            let xml = std::fs::read_to_string(&path).expect("readable file");
            let doc = read_timeml(&xml).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let anchor = doc.dct.as_deref().map(anchor_from_dct).unwrap_or_default();
            let pred: Vec<(Span, String)> = find_timexes(&doc.text, &anchor)
                .into_iter()
                .map(|t| (t.span, t.value))
                .collect();
            let (pairs, value) = align(&doc.gold, &pred);
            n_gold += doc.gold.len();
            n_pred += pred.len();
            n_pairs += pairs;
            n_value += value;
            docs += 1;
        }
    }
    let relaxed = 100.0 * f1(n_pairs, n_pred, n_gold);
    let value = 100.0 * f1(n_value, n_pred, n_gold);
    eprintln!("TBAQ train: {docs} docs, {n_gold} gold, {n_pred} predicted, relaxed F1 {relaxed:.2}, value F1 {value:.2}");
    assert_eq!(docs, 256, "expected the 256 TBAQ-cleaned documents");
    assert!(relaxed >= 94.8, "relaxed F1 {relaxed:.2} fell below 94.8");
    assert!(value >= 83.5, "value F1 {value:.2} fell below 83.5");
}
