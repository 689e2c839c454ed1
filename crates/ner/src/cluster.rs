//! Distributional word clusters induced from the training text: each word is described by the
//! words seen just before and after it, and spherical k-means groups words with similar
//! neighbours. Several cluster counts give coarse and fine classes. This stands in for Brown
//! clusters over a large corpus (which we cannot download); on a corpus this small the
//! neighbour-profile clustering is fast (seconds) and deterministic for a seed.
use crate::conll::ConllDocument;
use crate::features::{lexicon_key, mix};
use std::collections::HashMap;

const CONTEXT_WORDS: usize = 1000;
const ITERATIONS: usize = 12;

/// Cluster ids per word (lexicon key), one per entry of `sizes`.
pub fn induce(
    docs: &[&ConllDocument],
    sizes: &[usize],
    min_count: usize,
    seed: u64,
) -> HashMap<String, Vec<u16>> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let sentences: Vec<Vec<String>> = docs
        .iter()
        .flat_map(|d| d.sentences.iter())
        .map(|s| s.words.iter().map(|w| lexicon_key(w)).collect())
        .collect();
    for s in &sentences {
        for w in s {
            *counts.entry(w.clone()).or_default() += 1;
        }
    }
    let mut by_frequency: Vec<(&String, usize)> = counts.iter().map(|(w, &c)| (w, c)).collect();
    by_frequency.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let context_index: HashMap<&str, usize> = by_frequency
        .iter()
        .take(CONTEXT_WORDS)
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i))
        .collect();
    let vocabulary: Vec<&str> = by_frequency
        .iter()
        .filter(|(_, c)| *c >= min_count.max(1))
        .map(|(w, _)| w.as_str())
        .collect();
    let word_index: HashMap<&str, usize> = vocabulary
        .iter()
        .enumerate()
        .map(|(i, w)| (*w, i))
        .collect();

    // Dimensions: left neighbour (context word or sentence start or "other"), then right.
    let side = CONTEXT_WORDS + 2;
    let dims = 2 * side;
    let mut profiles: Vec<HashMap<usize, f32>> = vec![HashMap::new(); vocabulary.len()];
    let slot = |w: Option<&String>| -> usize {
        match w {
            None => CONTEXT_WORDS,
            Some(w) => context_index
                .get(w.as_str())
                .copied()
                .unwrap_or(CONTEXT_WORDS + 1),
        }
    };
    for s in &sentences {
        for (i, w) in s.iter().enumerate() {
            let Some(&v) = word_index.get(w.as_str()) else {
                continue;
            };
            let left = slot(i.checked_sub(1).and_then(|j| s.get(j)));
            let right = slot(s.get(i + 1));
            *profiles[v].entry(left).or_default() += 1.0;
            *profiles[v].entry(side + right).or_default() += 1.0;
        }
    }
    let vectors: Vec<Vec<(usize, f32)>> = profiles
        .into_iter()
        .map(|p| {
            let mut v: Vec<(usize, f32)> =
                p.into_iter().map(|(d, c)| (d, (1.0 + c).ln())).collect();
            v.sort_by_key(|x| x.0);
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|x| x.1 /= norm);
            v
        })
        .collect();

    let mut assignments: Vec<Vec<u16>> = vec![Vec::with_capacity(sizes.len()); vocabulary.len()];
    for (level, &k) in sizes.iter().enumerate().take(4) {
        let k = k.clamp(1, vectors.len().max(1)).min(u16::MAX as usize);
        let labels = kmeans(&vectors, dims, k, mix(seed, level as u64));
        for (a, l) in assignments.iter_mut().zip(labels) {
            a.push(l as u16);
        }
    }
    vocabulary
        .into_iter()
        .zip(assignments)
        .map(|(w, a)| (w.to_string(), a))
        .collect()
}

/// Spherical k-means (cosine similarity) over sparse unit vectors; returns a cluster per vector.
fn kmeans(vectors: &[Vec<(usize, f32)>], dims: usize, k: usize, seed: u64) -> Vec<usize> {
    if vectors.is_empty() {
        return Vec::new();
    }
    // Centroids stored dimension-major so a sparse dot product against all k is one pass.
    let mut centroids = vec![0f32; dims * k];
    let mut state = seed;
    let mut chosen = std::collections::HashSet::new();
    for c in 0..k {
        let mut pick;
        loop {
            state = mix(state, c as u64);
            pick = (state % vectors.len() as u64) as usize;
            if chosen.insert(pick) || chosen.len() >= vectors.len() {
                break;
            }
        }
        for &(d, v) in &vectors[pick] {
            centroids[d * k + c] = v;
        }
    }
    let mut assignment = vec![0usize; vectors.len()];
    let mut scores = vec![0f32; k];
    for _ in 0..ITERATIONS {
        for (v, slot) in vectors.iter().zip(assignment.iter_mut()) {
            scores.iter_mut().for_each(|s| *s = 0.0);
            for &(d, x) in v {
                let row = &centroids[d * k..d * k + k];
                for (s, c) in scores.iter_mut().zip(row) {
                    *s += x * c;
                }
            }
            let mut best = 0;
            for (c, &s) in scores.iter().enumerate() {
                if s > scores[best] {
                    best = c;
                }
            }
            *slot = best;
        }
        let mut sums = vec![0f32; dims * k];
        for (v, &c) in vectors.iter().zip(&assignment) {
            for &(d, x) in v {
                sums[d * k + c] += x;
            }
        }
        let mut norms = vec![0f32; k];
        for d in 0..dims {
            for c in 0..k {
                norms[c] += sums[d * k + c] * sums[d * k + c];
            }
        }
        for d in 0..dims {
            for c in 0..k {
                if norms[c] > 0.0 {
                    centroids[d * k + c] = sums[d * k + c] / norms[c].sqrt();
                }
            }
        }
    }
    assignment
}
