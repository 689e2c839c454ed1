//! The one beam search over the labels of a sentence, shared by beam decoding
//! ([`crate::model`]) and structured-perceptron training ([`crate::train`], which checks for an
//! early update between steps and may change the weights before the next one).
//!
//! The search advances one token per [`BeamSearch::step`] so that training can update the
//! weights in the middle of a sentence, as early update requires, and decoding and training
//! still share every rule of expansion, scoring, ordering and pruning.
//!
//! Hypotheses share their label prefixes instead of copying them: each step appends one entry
//! per surviving hypothesis to a flat arena (its label, the label before it, its sequence score,
//! the scores it was chosen from and the position of the hypothesis it extends in the previous
//! step's beam), so a step costs the same at the end of a long sentence as at its start, the
//! newest step's entries are the live beam, and the labels of any hypothesis are recovered by
//! following those positions back, once per sentence (or once per early update in training).
use crate::features::{context_features, label_confidence, label_features, LabelHistory};
use crate::features::{PreparedSentence, Weights};
use crate::labels::{Label, NUM_LABELS};
use crate::model::Beam;

/// The arena entry of one hypothesis at one step.
#[derive(Clone, Copy, Debug)]
struct BeamStep {
    /// Position, in the previous step's beam, of the hypothesis this one extends (0 at the
    /// first step: the empty hypothesis).
    parent: usize,
    /// The label chosen at this step.
    label: Label,
    /// The label before it (`None` at the first token); the confidence depends on it.
    previous: Option<Label>,
    /// The hypothesis's sequence score: the sum of its label scores so far.
    score: f32,
    /// The label scores the hypothesis chose from, kept for the confidence, which is computed
    /// along the best path only.
    scores: [f32; NUM_LABELS],
}

/// A live hypothesis as the next step sees it: its sequence score and the two labels its next
/// features depend on. Read from the arena ([`live_hypothesis`]), never stored.
#[derive(Clone, Copy, Debug)]
struct Hypothesis {
    score: f32,
    prev1: Option<Label>,
    prev2: Option<Label>,
}

/// The hypothesis at `position` in the live beam: the newest step's beam, or before the first
/// step the empty hypothesis alone.
fn live_hypothesis(
    steps: &[BeamStep],
    step_starts: &[usize],
    position: usize,
) -> Option<Hypothesis> {
    let Some(&start) = step_starts.last() else {
        return (position == 0).then_some(Hypothesis {
            score: 0.0,
            prev1: None,
            prev2: None,
        });
    };
    let step = steps.get(start.checked_add(position)?)?;
    Some(Hypothesis {
        score: step.score,
        prev1: Some(step.label),
        prev2: step.previous,
    })
}

/// What every step of one sentence's search reads besides the weights, which training may
/// change between steps.
#[derive(Clone, Copy)]
pub(crate) struct SentenceInput<'a> {
    pub(crate) sentence: &'a PreparedSentence,
    /// The document's labels before this sentence (the document-level features read it).
    pub(crate) history: &'a LabelHistory,
    pub(crate) hash_bits: u32,
    pub(crate) beam: Beam,
    /// How many of the sentence's tokens are searched: all of them when decoding, those with
    /// a gold label in training. The last of them may not leave an entity open.
    pub(crate) len: usize,
}

/// Beam search over one sentence at a time; its buffers are reused from sentence to sentence.
///
/// A sequence scores the sum of its label scores: raw, or locally normalised when
/// [`Beam::temperature`] is set. The label-independent features are looked up once per token
/// and only the previous-label features once per hypothesis, so a beam of `w` costs far less
/// than `w` greedy passes. Hypotheses that agree on their last two labels have the same future
/// features, so only the best of them is kept (Viterbi recombination).
#[derive(Default)]
pub(crate) struct BeamSearch {
    context_buckets: Vec<u32>,
    label_buckets: Vec<u32>,
    /// The arena of all steps so far, flat: step k's beam, best first, is
    /// `steps[step_starts[k]..step_starts[k + 1]]` (the last one, the live beam, runs to the
    /// end).
    steps: Vec<BeamStep>,
    step_starts: Vec<usize>,
    /// `(sequence score, position of the hypothesis in the live beam, label)`.
    candidates: Vec<(f32, usize, Label)>,
    /// Label scores of each live hypothesis at the current step, by position.
    hypothesis_scores: Vec<[f32; NUM_LABELS]>,
}

impl BeamSearch {
    /// Starts a new sentence with the empty hypothesis alone in the beam.
    pub(crate) fn start(&mut self) {
        self.steps.clear();
        self.step_starts.clear();
    }

    /// Extends every live hypothesis with each label allowed at token `i` of `input` (at its
    /// last token no entity may stay open) and keeps the best `input.beam.width`. Returns
    /// `false`, leaving the search as it was, if no hypothesis survives; that cannot happen
    /// with the BILOU constraints (outside or a closing label is always allowed), and each
    /// caller says what it falls back to.
    pub(crate) fn step(
        &mut self,
        weights: &impl Weights,
        input: &SentenceInput<'_>,
        i: usize,
    ) -> bool {
        let SentenceInput {
            sentence,
            history,
            hash_bits,
            beam,
            len,
        } = *input;
        let last = i + 1 == len;
        let BeamSearch {
            context_buckets,
            label_buckets,
            steps,
            step_starts,
            candidates,
            hypothesis_scores,
        } = self;
        context_features(sentence, i, history, hash_bits, context_buckets);
        let mut context_scores = [0f32; NUM_LABELS];
        weights.add_all(context_buckets, &mut context_scores);
        candidates.clear();
        hypothesis_scores.clear();
        let live_count = step_starts
            .last()
            .map_or(1, |&start| steps.len().saturating_sub(start));
        for index in 0..live_count {
            let Some(state) = live_hypothesis(steps, step_starts, index) else {
                break;
            };
            label_buckets.clear();
            label_features(
                sentence,
                i,
                state.prev1,
                state.prev2,
                hash_bits,
                label_buckets,
            );
            let mut scores = context_scores;
            weights.add_all(label_buckets, &mut scores);
            let allowed: [bool; NUM_LABELS] =
                std::array::from_fn(|l| Label(l as u8).allowed(state.prev1, last));
            let allowed_scores = || {
                scores
                    .iter()
                    .zip(&allowed)
                    .filter_map(|(&score, &ok)| ok.then_some(score))
            };
            // With a temperature, each label's log-softmax over the allowed labels.
            let normalisation = beam.temperature.map(|temperature| {
                let top = allowed_scores().fold(f32::NEG_INFINITY, f32::max);
                let log_total = allowed_scores()
                    .map(|s| ((s - top) / temperature).exp())
                    .sum::<f32>()
                    .ln();
                (temperature, top, log_total)
            });
            for (l, (&score, &ok)) in scores.iter().zip(&allowed).enumerate() {
                if !ok {
                    continue;
                }
                let step = match normalisation {
                    None => score,
                    Some((temperature, top, log_total)) => (score - top) / temperature - log_total,
                };
                candidates.push((state.score + step, index, Label(l as u8)));
            }
            hypothesis_scores.push(scores);
        }
        // Best first; among equal scores the earlier hypothesis and the lower label win, as in
        // greedy decoding (a total order, so the result does not depend on the algorithm).
        let best_first = |a: &(f32, usize, Label), b: &(f32, usize, Label)| {
            b.0.total_cmp(&a.0)
                .then(a.1.cmp(&b.1))
                .then(a.2 .0.cmp(&b.2 .0))
        };
        // The loop below stops at `width` kept hypotheses, and every candidate it passes over
        // shares its label and previous label with a kept one; for each kept one, at most one
        // candidate per live hypothesis does, so at most `width` × live candidates are ever
        // looked at, and only those need sorting (4 of up to 34 for the default beam of 2).
        let looked_at = beam.width.saturating_mul(hypothesis_scores.len());
        if looked_at < candidates.len() {
            candidates.select_nth_unstable_by(looked_at, best_first);
            candidates.truncate(looked_at);
        }
        candidates.sort_unstable_by(best_first);
        let start = steps.len();
        for &(score, parent, label) in candidates.iter() {
            let kept = steps.get(start..).unwrap_or(&[]);
            if kept.len() == beam.width {
                break;
            }
            let (Some(state), Some(scores)) = (
                live_hypothesis(steps, step_starts, parent),
                hypothesis_scores.get(parent),
            ) else {
                continue;
            };
            // A kept hypothesis with the same last two labels has the same future: recombined.
            if kept
                .iter()
                .any(|s| s.label == label && s.previous == state.prev1)
            {
                continue;
            }
            steps.push(BeamStep {
                parent,
                label,
                previous: state.prev1,
                score,
                scores: *scores,
            });
        }
        if steps.len() == start {
            return false;
        }
        step_starts.push(start);
        true
    }

    /// The newest step's beam, best first.
    fn newest(&self) -> &[BeamStep] {
        let start = self.step_starts.last().copied().unwrap_or(self.steps.len());
        self.steps.get(start..).unwrap_or(&[])
    }

    /// Position in the newest beam of the hypothesis that extends the one at `parent` in the
    /// previous beam with `label` (`parent` 0 before the first step: the empty hypothesis), or
    /// `None` if it was pruned (or recombined). The hypotheses of a beam are distinct label
    /// sequences, so this tells whether a given path (training's gold labels) is still in the
    /// beam without comparing any hypothesis's labels.
    pub(crate) fn extended_position(&self, parent: usize, label: Label) -> Option<usize> {
        self.newest()
            .iter()
            .position(|step| step.parent == parent && step.label == label)
    }

    /// The path of the hypothesis at `position` in the newest beam, last token first.
    fn path(&self, mut position: usize) -> impl Iterator<Item = &BeamStep> + '_ {
        self.step_starts.iter().rev().map_while(move |&start| {
            let chosen = self.steps.get(start + position)?;
            position = chosen.parent;
            Some(chosen)
        })
    }

    /// Writes the best hypothesis's labels, one per step taken, into `out`.
    pub(crate) fn best_labels(&self, out: &mut Vec<Label>) {
        out.clear();
        out.extend(self.path(0).map(|step| step.label));
        out.reverse();
    }

    /// The best hypothesis's labels, each with its confidence (the softmax of its step's
    /// scores over the labels allowed there).
    pub(crate) fn best_labels_with_confidence(&self) -> Vec<(Label, f32)> {
        let mut labels: Vec<(Label, f32)> = self
            .path(0)
            .map(|step| {
                (
                    step.label,
                    label_confidence(&step.scores, step.label, step.previous),
                )
            })
            .collect();
        labels.reverse();
        labels
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{mix, prepare_document, Lexicon};
    use crate::model::decode_document_beam;
    use crate::train::Dense;

    const HASH_BITS: u32 = 10;

    /// A dense weight table (training's layout) with deterministic pseudo-random weights, so
    /// that no two label sequences tie.
    fn random_weights(seed: u64) -> Vec<f32> {
        let size = (1usize << HASH_BITS) * NUM_LABELS;
        (0..size as u64)
            .map(|i| (mix(seed, i) % 20_001) as f32 / 1000.0 - 10.0)
            .collect()
    }

    /// One fictional sentence, its weights and an empty document history.
    struct Case {
        words: Vec<&'static str>,
        sentence: PreparedSentence,
        weights: Vec<f32>,
        history: LabelHistory,
    }

    impl Case {
        fn new(words: &[&'static str], seed: u64) -> Case {
            let mut prepared = prepare_document(&Lexicon::default(), None, &[words.to_vec()]);
            Case {
                words: words.to_vec(),
                sentence: prepared.pop().expect("one sentence in, one out"),
                weights: random_weights(seed),
                history: LabelHistory::default(),
            }
        }

        /// Takes the search's step for token `i` with a raw-score beam of `width`.
        fn step(&self, search: &mut BeamSearch, i: usize, width: usize) {
            let input = SentenceInput {
                sentence: &self.sentence,
                history: &self.history,
                hash_bits: HASH_BITS,
                beam: Beam {
                    width,
                    temperature: None,
                },
                len: self.words.len(),
            };
            assert!(search.step(&Dense(&self.weights), &input, i));
        }

        /// Sum of the label scores of a sequence, added in the order the search adds them.
        fn score(&self, labels: &[Label]) -> f32 {
            let mut total = 0f32;
            let (mut context, mut with_labels) = (Vec::new(), Vec::new());
            for (i, label) in labels.iter().enumerate() {
                let prev1 = i.checked_sub(1).map(|j| labels[j]);
                let prev2 = i.checked_sub(2).map(|j| labels[j]);
                context_features(&self.sentence, i, &self.history, HASH_BITS, &mut context);
                let mut scores = [0f32; NUM_LABELS];
                Dense(&self.weights).add_all(&context, &mut scores);
                with_labels.clear();
                label_features(&self.sentence, i, prev1, prev2, HASH_BITS, &mut with_labels);
                Dense(&self.weights).add_all(&with_labels, &mut scores);
                total += scores[label.index()];
            }
            total
        }
    }

    /// The labels of every hypothesis of the newest beam, found by walking the arena back.
    fn newest_sequences(search: &BeamSearch) -> Vec<Vec<Label>> {
        (0..search.newest().len())
            .map(|position| {
                let mut labels: Vec<Label> = search.path(position).map(|s| s.label).collect();
                labels.reverse();
                labels
            })
            .collect()
    }

    #[test]
    fn an_empty_sentence_gets_no_labels_and_does_not_panic() {
        let mut search = BeamSearch::default();
        search.start();
        let mut labels = vec![Label::OUTSIDE];
        search.best_labels(&mut labels);
        assert!(labels.is_empty());
        assert!(search.best_labels_with_confidence().is_empty());
        assert_eq!(search.extended_position(0, Label::OUTSIDE), None);

        // Through the decoder, between two sentences with words, at several widths.
        let sentences = vec![vec![], vec!["Orlan", "Vesk", "left", "."], vec![]];
        let prepared = prepare_document(&Lexicon::default(), None, &sentences);
        let weights = random_weights(5);
        for width in [2, 4, NUM_LABELS * NUM_LABELS] {
            let beam = Beam {
                width,
                temperature: None,
            };
            let tagged = decode_document_beam(&Dense(&weights), HASH_BITS, &prepared, beam);
            let lengths: Vec<usize> = tagged.iter().map(Vec::len).collect();
            assert_eq!(lengths, [0, 4, 0], "width {width}");
        }
    }

    #[test]
    fn a_beam_wide_enough_for_every_label_pair_finds_the_best_sequence() {
        for seed in 1..=3 {
            let case = Case::new(&["Orlan", "Vesk", "left", "Brenna"], seed);
            let n = case.words.len();
            // Every allowed sequence, by brute force.
            let mut sequences: Vec<Vec<Label>> = vec![Vec::new()];
            for i in 0..n {
                let last = i + 1 == n;
                sequences = sequences
                    .iter()
                    .flat_map(|prefix| {
                        (0..NUM_LABELS as u8).map(Label).filter_map(move |label| {
                            let allowed = label.allowed(prefix.last().copied(), last);
                            allowed.then(|| [prefix.as_slice(), &[label]].concat())
                        })
                    })
                    .collect();
            }
            let best = sequences
                .iter()
                .map(|labels| (case.score(labels), labels))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, labels)| labels)
                .expect("some sequence is allowed");

            // With room for every (label, previous label) pair, recombination is the only
            // pruning, and it never drops the best sequence.
            let mut search = BeamSearch::default();
            search.start();
            for i in 0..n {
                case.step(&mut search, i, NUM_LABELS * NUM_LABELS);
                // Hypotheses with the same last two labels have the same future: one is kept.
                let newest = search.newest();
                for (k, a) in newest.iter().enumerate() {
                    for b in &newest[k + 1..] {
                        assert!((a.label, a.previous) != (b.label, b.previous), "token {i}");
                    }
                }
                if i == 1 {
                    assert!(newest.len() > NUM_LABELS, "{} hypotheses", newest.len());
                }
            }
            let mut found = Vec::new();
            search.best_labels(&mut found);
            assert_eq!(&found, best, "seed {seed}");
            let with_confidence = search.best_labels_with_confidence();
            let labels: Vec<Label> = with_confidence.iter().map(|x| x.0).collect();
            assert_eq!(&labels, best, "seed {seed}");
            assert!(with_confidence.iter().all(|x| x.1 > 0.0 && x.1 <= 1.0));
        }
    }

    #[test]
    fn a_path_is_tracked_through_the_beam_by_position_alone() {
        let words = [
            "The", "Nordwire", "office", "in", "Brenna", "said", "Ana", "Velic", "left", ".",
        ];
        let case = Case::new(&words, 7);
        let n = words.len();
        let width = 8;
        let mut search = BeamSearch::default();

        // The paths of the final beam, which stay in the beam at every step; each of them
        // with its first label changed, which share their later labels with paths in the beam
        // but mostly fall out; and one path per label repeated (some not even allowed).
        search.start();
        for i in 0..n {
            case.step(&mut search, i, width);
        }
        let finals = newest_sequences(&search);
        assert_eq!(finals.len(), width);
        let mut references = finals.clone();
        for path in &finals {
            for l in 0..NUM_LABELS as u8 {
                let mut changed = path.clone();
                changed[0] = Label(l);
                if !references.contains(&changed) {
                    references.push(changed);
                }
            }
        }
        references.extend((0..NUM_LABELS as u8).map(|l| vec![Label(l); n]));

        let (mut kept, mut dropped, mut shared_last_label) = (0, 0, 0);
        for reference in &references {
            search.start();
            let mut position = Some(0);
            for (i, &label) in reference.iter().enumerate() {
                case.step(&mut search, i, width);
                position = position.and_then(|p| search.extended_position(p, label));
                let by_labels = newest_sequences(&search)
                    .iter()
                    .position(|labels| labels.as_slice() == &reference[..=i]);
                assert_eq!(position, by_labels, "{reference:?} at token {i}");
                // The cases a match on the label alone would get wrong.
                if search.newest().iter().filter(|s| s.label == label).count() > 1 {
                    shared_last_label += 1;
                }
            }
            if position.is_some() {
                kept += 1;
            } else {
                dropped += 1;
            }
        }
        assert_eq!(kept, width);
        assert!(
            dropped > 0 && shared_last_label > 0,
            "{dropped} {shared_last_label}"
        );
    }
}
