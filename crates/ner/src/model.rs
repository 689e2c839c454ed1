//! The trained model: lexicon plus sparse label weights, its binary file format, and tagging.
//!
//! File layout (little-endian): magic `TRNERMDL`, `u32` format version, `u64` payload length,
//! the payload, then a `u64` hash of the payload so that a damaged file is refused rather than
//! tagging garbage. The payload holds the feature settings, the lexicon (casing evidence, word
//! clusters, gazetteer phrase hashes), a free-text description, and the weights: for every
//! bucket with a non-zero weight, its delta-coded index and `(label, i16)` pairs scaled by one
//! `f32` factor.
use crate::beam::{BeamSearch, SentenceInput};
use crate::features::{
    apply_first_pass, best_label, hash_bytes, label_confidence, prepare_document, token_features,
    LabelHistory, Lexicon, PreparedSentence, Weights,
};
use crate::labels::{Label, NUM_LABELS};
use crate::NerError;
use std::collections::HashMap;

const MAGIC: &[u8; 8] = b"TRNERMDL";
/// Version of the file layout. Version 3 adds, after the weights, the beam width the model was
/// trained to be decoded with (structured-perceptron training); a model decoded greedily is
/// still written as version 2, byte for byte as before, and version 2 files still load.
pub const FORMAT_VERSION: u32 = 3;
/// Oldest file layout this build reads.
pub const OLDEST_FORMAT_VERSION: u32 = 2;
/// Version of the feature templates; a model trained with other templates is refused.
pub const FEATURE_VERSION: u32 = 2;

/// One stored weight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Entry {
    label: u8,
    /// The weight in steps of the pass's scale (scores are summed as integers and scaled once).
    steps: i16,
}

/// Weights as the tagger reads them: only buckets with a non-zero weight are stored. Most
/// features of a new text hit empty buckets, so a bitmap of the used buckets (256 KiB for 2^21
/// buckets, small enough to stay in cache) answers those without touching the entries; the
/// used buckets are numbered by rank (a running count per 64-bit word of the bitmap), and each
/// one's `(label, weight)` entries sit side by side.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SparseWeights {
    /// Value of one weight step.
    scale: f32,
    used: Vec<u64>,
    /// Number of used buckets before each word of `used`.
    rank: Vec<u32>,
    /// `row_starts[r]..row_starts[r + 1]` are the entries of the `r`-th used bucket.
    row_starts: Vec<u32>,
    entries: Vec<Entry>,
}

impl SparseWeights {
    /// Row of a bucket, or `None` when it has no weights.
    #[inline]
    fn row_of(&self, bucket: u32) -> Option<usize> {
        let b = bucket as usize;
        let (word_index, bit) = (b / 64, b % 64);
        let word = *self.used.get(word_index)?;
        if word & (1u64 << bit) == 0 {
            return None;
        }
        let below = (word & ((1u64 << bit) - 1)).count_ones();
        Some(*self.rank.get(word_index)? as usize + below as usize)
    }

    #[inline]
    fn add_row(&self, row: usize, scores: &mut [i32; NUM_LABELS]) {
        let (Some(&start), Some(&end)) = (self.row_starts.get(row), self.row_starts.get(row + 1))
        else {
            return;
        };
        for e in self
            .entries
            .get(start as usize..end as usize)
            .unwrap_or(&[])
        {
            if let Some(s) = scores.get_mut(e.label as usize) {
                *s += e.steps as i32;
            }
        }
    }
}

impl Weights for SparseWeights {
    fn add_scores(&self, bucket: u32, scores: &mut [f32; NUM_LABELS]) {
        self.add_all(&[bucket], scores);
    }

    /// Looks up all rows first, then reads them: the independent look-ups let the processor
    /// overlap their cache misses, which dominate tagging time.
    fn add_all(&self, buckets: &[u32], scores: &mut [f32; NUM_LABELS]) {
        let mut rows = [0usize; 256];
        let mut n = 0;
        for chunk in buckets.chunks(rows.len()) {
            for &b in chunk {
                if let Some(r) = self.row_of(b) {
                    rows[n] = r;
                    n += 1;
                }
            }
            let mut steps = [0i32; NUM_LABELS];
            for &r in &rows[..n] {
                self.add_row(r, &mut steps);
            }
            for (s, &q) in scores.iter_mut().zip(&steps) {
                *s += q as f32 * self.scale;
            }
            n = 0;
        }
    }
}

/// Builds [`SparseWeights`] from rows given in increasing bucket order.
struct SparseBuilder {
    weights: SparseWeights,
    last: Option<usize>,
}

impl SparseBuilder {
    fn new(hash_bits: u32, scale: f32) -> SparseBuilder {
        let words = (1usize << hash_bits).div_ceil(64);
        SparseBuilder {
            weights: SparseWeights {
                scale,
                used: vec![0; words],
                rank: vec![0; words],
                row_starts: vec![0],
                entries: Vec::new(),
            },
            last: None,
        }
    }

    /// Adds a bucket's entries; `false` if the bucket is out of range or not after the last.
    fn push_row(&mut self, bucket: usize, entries: &[Entry]) -> bool {
        if bucket / 64 >= self.weights.used.len()
            || self.last.is_some_and(|l| bucket <= l)
            || entries.is_empty()
        {
            return false;
        }
        self.weights.used[bucket / 64] |= 1u64 << (bucket % 64);
        self.weights.entries.extend_from_slice(entries);
        self.weights
            .row_starts
            .push(self.weights.entries.len() as u32);
        self.last = Some(bucket);
        true
    }

    fn finish(mut self) -> SparseWeights {
        let mut total = 0u32;
        for (word, rank) in self.weights.used.iter().zip(self.weights.rank.iter_mut()) {
            *rank = total;
            total += word.count_ones();
        }
        self.weights
    }
}

impl SparseWeights {
    /// Keeps the non-zero weights of a dense `buckets × NUM_LABELS` table, quantised to `i16`
    /// steps of `scale` (what the file stores, so a saved and reloaded model tags identically).
    pub(crate) fn from_dense(dense: &[f32], hash_bits: u32) -> (SparseWeights, f32) {
        let max = dense.iter().fold(0f32, |m, &w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut builder = SparseBuilder::new(hash_bits, scale);
        let mut row_entries = Vec::with_capacity(NUM_LABELS);
        for (bucket, row) in dense.chunks(NUM_LABELS).take(1 << hash_bits).enumerate() {
            row_entries.clear();
            for (l, &w) in row.iter().enumerate() {
                let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                if q != 0 {
                    row_entries.push(Entry {
                        label: l as u8,
                        steps: q,
                    });
                }
            }
            builder.push_row(bucket, &row_entries);
        }
        (builder.finish(), scale)
    }

    /// Used buckets in increasing order with their entries.
    fn rows(&self) -> impl Iterator<Item = (usize, &[Entry])> + '_ {
        let buckets = self.used.iter().enumerate().flat_map(|(w, &word)| {
            (0..64)
                .filter(move |bit| word & (1u64 << bit) != 0)
                .map(move |bit| w * 64 + bit)
        });
        buckets.zip(self.row_starts.windows(2)).map(|(b, range)| {
            (
                b,
                self.entries
                    .get(range[0] as usize..range[1] as usize)
                    .unwrap_or(&[]),
            )
        })
    }

    /// Number of stored (bucket, label) weights.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

/// A trained named-entity model. Cheap to share: tagging takes `&self`.
#[derive(Clone, Debug, PartialEq)]
pub struct NerModel {
    pub(crate) hash_bits: u32,
    pub(crate) lexicon: Lexicon,
    /// One weight set per pass: the first tags from local evidence, the second (when present)
    /// also sees the first pass's labels across the whole document.
    pub(crate) passes: Vec<(SparseWeights, f32)>,
    pub(crate) description: String,
    /// Beam width the model was trained for (1: greedy, trained one decision at a time); stored
    /// in the file, and the decoding a loaded model starts with (raw-score beam).
    pub(crate) trained_beam: usize,
    /// How to decode now: [`NerModel::trained_decoding`] unless [`NerModel::with_beam`] set it.
    pub(crate) beam: Beam,
}

/// Labels and per-token confidences for one document.
pub(crate) type TaggedDocument = Vec<Vec<(Label, f32)>>;

/// Greedy left-to-right tagging of a prepared document, carrying label history across sentences.
pub(crate) fn decode_document(
    weights: &impl Weights,
    hash_bits: u32,
    prepared: &[PreparedSentence],
) -> TaggedDocument {
    let mut history = LabelHistory::default();
    let mut buckets = Vec::with_capacity(128);
    let mut out = Vec::with_capacity(prepared.len());
    for sentence in prepared {
        let n = sentence.tokens.len();
        let mut labels: Vec<(Label, f32)> = Vec::with_capacity(n);
        for i in 0..n {
            let prev1 = i.checked_sub(1).and_then(|j| labels.get(j)).map(|x| x.0);
            let prev2 = i.checked_sub(2).and_then(|j| labels.get(j)).map(|x| x.0);
            token_features(sentence, i, prev1, prev2, &history, hash_bits, &mut buckets);
            let (label, scores) = best_label(weights, &buckets, prev1, i + 1 == n);
            labels.push((label, label_confidence(&scores, label, prev1)));
        }
        for (token, &(label, _)) in sentence.tokens.iter().zip(&labels) {
            history.record(token.key, label);
        }
        out.push(labels);
    }
    out
}

/// Widest beam [`NerModel::with_beam`] accepts; wider beams only cost time.
pub const MAX_BEAM_WIDTH: usize = 16;

/// Beam-search decoding settings. A model decodes as it was trained
/// ([`NerModel::trained_decoding`]): greedily, or with the raw-score beam it was trained with
/// (the embedded model: width 2). A beam on a greedily trained model did not beat greedy
/// decoding over three training seeds (models/ner/MODEL_CARD.md, "Sixth pass").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Beam {
    /// Hypotheses kept per sentence (1: greedy).
    pub width: usize,
    /// `Some(t)`: a sequence scores the sum of each label's log-softmax over the labels allowed
    /// at its step, with the raw scores divided by `t` (the perceptron was trained one decision
    /// at a time, so its raw scores are comparable only within a step). `None`: the sum of raw
    /// scores, which on our models prefers paths through steps with few allowed labels and
    /// loses about 3 F1.
    pub temperature: Option<f32>,
}

impl Beam {
    /// One hypothesis: left-to-right greedy decoding.
    pub const GREEDY: Beam = Beam {
        width: 1,
        temperature: None,
    };
}

/// Beam search over the labels of one sentence ([`BeamSearch`], shared with training).
fn decode_sentence_beam(
    weights: &impl Weights,
    hash_bits: u32,
    sentence: &PreparedSentence,
    history: &LabelHistory,
    beam: Beam,
    search: &mut BeamSearch,
) -> Vec<(Label, f32)> {
    let n = sentence.tokens.len();
    let input = SentenceInput {
        sentence,
        history,
        hash_bits,
        beam,
        len: n,
    };
    search.start();
    for i in 0..n {
        if !search.step(weights, &input, i) {
            // Cannot happen (see `BeamSearch::step`), but a sentence of all-outside labels is
            // a safe answer if the constraints ever leave nothing.
            return vec![(Label::OUTSIDE, 1.0); n];
        }
    }
    search.best_labels_with_confidence()
}

/// Beam-search tagging of a prepared document (see [`decode_sentence_beam`]); `width` 1 is
/// [`decode_document`].
pub(crate) fn decode_document_beam(
    weights: &impl Weights,
    hash_bits: u32,
    prepared: &[PreparedSentence],
    beam: Beam,
) -> TaggedDocument {
    if beam.width <= 1 {
        return decode_document(weights, hash_bits, prepared);
    }
    let mut history = LabelHistory::default();
    let mut search = BeamSearch::default();
    let mut out = Vec::with_capacity(prepared.len());
    for sentence in prepared {
        let labels =
            decode_sentence_beam(weights, hash_bits, sentence, &history, beam, &mut search);
        for (token, &(label, _)) in sentence.tokens.iter().zip(&labels) {
            history.record(token.key, label);
        }
        out.push(labels);
    }
    out
}

impl NerModel {
    pub(crate) fn new(
        hash_bits: u32,
        lexicon: Lexicon,
        dense_passes: &[&[f32]],
        description: String,
    ) -> NerModel {
        let passes = dense_passes
            .iter()
            .map(|d| SparseWeights::from_dense(d, hash_bits))
            .collect();
        NerModel {
            hash_bits,
            lexicon,
            passes,
            description,
            trained_beam: 1,
            beam: Beam::GREEDY,
        }
    }

    /// What the model was trained on and how it scored, as written by `train-ner`.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Number of stored non-zero weights.
    pub fn weight_count(&self) -> usize {
        self.passes.iter().map(|p| p.0.len()).sum()
    }

    /// The same model decoding with `beam` instead of greedily; the width is clamped to
    /// `1..=MAX_BEAM_WIDTH` and a temperature that is not a positive number means `None`.
    pub fn with_beam(mut self, beam: Beam) -> NerModel {
        self.beam = Beam {
            width: beam.width.clamp(1, MAX_BEAM_WIDTH),
            temperature: beam.temperature.filter(|t| t.is_finite() && *t > 0.0),
        };
        self
    }

    /// How this model decodes ([`NerModel::trained_decoding`] unless set with
    /// [`NerModel::with_beam`]).
    pub fn beam(&self) -> Beam {
        self.beam
    }

    /// The decoding the model was trained for: greedy, or for a model trained with a beam
    /// (`train-ner --train-beam N`) a raw-score beam of that width.
    pub fn trained_decoding(&self) -> Beam {
        if self.trained_beam > 1 {
            Beam {
                width: self.trained_beam,
                temperature: None,
            }
        } else {
            Beam::GREEDY
        }
    }

    /// Records that the model was trained with a beam of `width` and decodes with it.
    pub(crate) fn set_trained_beam(&mut self, width: usize) {
        self.trained_beam = width.clamp(1, MAX_BEAM_WIDTH);
        self.beam = self.trained_decoding();
    }

    /// Number of tagging passes (1, or 2 with document-level stacking).
    pub fn pass_count(&self) -> usize {
        self.passes.len()
    }

    /// Tags a document given as sentences of words; labels are internal BILOU labels.
    pub(crate) fn tag_words(&self, sentences: &[Vec<&str>]) -> TaggedDocument {
        let mut tagged = self.tag_words_model_only(sentences);
        crate::refine::refine_document(&self.lexicon, sentences, &mut tagged);
        tagged
    }

    /// The statistical model's labels alone, before the document-level rules of `refine`.
    pub(crate) fn tag_words_model_only(&self, sentences: &[Vec<&str>]) -> TaggedDocument {
        let mut prepared = prepare_document(&self.lexicon, None, sentences);
        let mut tagged = Vec::new();
        for (index, (weights, _)) in self.passes.iter().enumerate() {
            if index > 0 {
                let labels: Vec<Vec<Label>> = tagged
                    .iter()
                    .map(|s: &Vec<(Label, f32)>| s.iter().map(|x| x.0).collect())
                    .collect();
                apply_first_pass(&mut prepared, &labels);
            }
            tagged = decode_document_beam(weights, self.hash_bits, &prepared, self.beam);
        }
        if tagged.len() < sentences.len() {
            tagged = sentences
                .iter()
                .map(|s| vec![(Label::OUTSIDE, 1.0); s.len()])
                .collect();
        }
        tagged
    }

    /// The mean of several models' weights, pass by pass: one model of the same size class
    /// whose decisions do not hang on one training shuffle (models trained with different
    /// `--seed`s make different mistakes on rare names). The models must share the hash size,
    /// the number of passes and the lexicon (the seed changes neither); the result keeps the
    /// first model's lexicon and gets `description`.
    pub fn average(models: &[NerModel], description: String) -> Result<NerModel, NerError> {
        let Some(first) = models.first() else {
            return Err(NerError::Training("no models to average".to_string()));
        };
        for (index, other) in models.iter().enumerate().skip(1) {
            let differs = if other.hash_bits != first.hash_bits {
                Some("hash size")
            } else if other.passes.len() != first.passes.len() {
                Some("number of passes")
            } else if other.trained_beam != first.trained_beam {
                Some("trained beam width")
            } else if other.lexicon != first.lexicon {
                Some("lexicon (casing evidence, gazetteer or external lexicons)")
            } else {
                None
            };
            if let Some(what) = differs {
                return Err(NerError::Training(format!(
                    "model {} differs from model 1 in its {what}; only models trained on the same data with other seeds can be averaged",
                    index + 1
                )));
            }
        }
        let buckets = 1usize << first.hash_bits;
        let share = 1.0 / models.len() as f32;
        let mut dense_passes = Vec::with_capacity(first.passes.len());
        for pass in 0..first.passes.len() {
            let mut dense = vec![0f32; buckets * NUM_LABELS];
            for model in models {
                let Some((weights, _)) = model.passes.get(pass) else {
                    continue;
                };
                for (bucket, entries) in weights.rows() {
                    for entry in entries {
                        if let Some(w) = dense.get_mut(bucket * NUM_LABELS + entry.label as usize) {
                            *w += entry.steps as f32 * weights.scale * share;
                        }
                    }
                }
            }
            dense_passes.push(dense);
        }
        let refs: Vec<&[f32]> = dense_passes.iter().map(Vec::as_slice).collect();
        let mut averaged =
            NerModel::new(first.hash_bits, first.lexicon.clone(), &refs, description);
        averaged.set_trained_beam(first.trained_beam);
        Ok(averaged)
    }

    /// Serialises the model in the format [`NerModel::from_bytes`] reads.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut p = Vec::new();
        put_u32(&mut p, self.hash_bits);
        put_u32(&mut p, NUM_LABELS as u32);
        put_u32(&mut p, FEATURE_VERSION);
        put_str(&mut p, &self.description);

        let mut casing: Vec<(&String, &u8)> = self.lexicon.casing.iter().collect();
        casing.sort();
        put_u32(&mut p, casing.len() as u32);
        for (word, code) in casing {
            put_str(&mut p, word);
            p.push(*code);
        }

        put_u32(&mut p, self.lexicon.cluster_levels as u32);
        let mut clusters: Vec<(&String, &Vec<u16>)> = self.lexicon.clusters.iter().collect();
        clusters.sort();
        put_u32(&mut p, clusters.len() as u32);
        for (word, ids) in clusters {
            put_str(&mut p, word);
            for level in 0..self.lexicon.cluster_levels {
                put_u16(&mut p, ids.get(level).copied().unwrap_or(0));
            }
        }

        put_u32(&mut p, self.lexicon.gazetteer_max_len as u32);
        let mut gazetteer: Vec<(&u64, &u8)> = self.lexicon.gazetteer.iter().collect();
        gazetteer.sort();
        put_u32(&mut p, gazetteer.len() as u32);
        for (key, mask) in gazetteer {
            p.extend_from_slice(&key.to_le_bytes());
            p.push(*mask);
        }

        p.push(self.lexicon.external_groups);
        let fingerprint = self
            .lexicon
            .external
            .map_or(0, |e| e.fingerprint_for(self.lexicon.external_groups));
        p.extend_from_slice(&fingerprint.to_le_bytes());

        put_u32(&mut p, self.passes.len() as u32);
        for (weights, scale) in &self.passes {
            p.extend_from_slice(&scale.to_le_bytes());
            let rows: Vec<(usize, &[Entry])> = weights.rows().collect();
            put_u32(&mut p, rows.len() as u32);
            let mut last = 0usize;
            for (b, entries) in rows {
                put_varint(&mut p, (b - last) as u64);
                last = b;
                p.push(entries.len() as u8);
                for e in entries {
                    p.push(e.label);
                    p.extend_from_slice(&e.steps.to_le_bytes());
                }
            }
        }

        let version = if self.trained_beam > 1 {
            p.push(self.trained_beam as u8);
            FORMAT_VERSION
        } else {
            OLDEST_FORMAT_VERSION
        };
        let mut out = Vec::with_capacity(p.len() + 28);
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, version);
        out.extend_from_slice(&(p.len() as u64).to_le_bytes());
        out.extend_from_slice(&p);
        out.extend_from_slice(&hash_bytes(&p).to_le_bytes());
        out
    }

    /// Reads a model from the bytes of a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, NerError> {
        if bytes.is_empty() {
            return Err(NerError::Corrupt("model file is empty".into()));
        }
        // Wrong first bytes mean another kind of file; a cut inside them is a truncated model.
        if !MAGIC.starts_with(&bytes[..bytes.len().min(MAGIC.len())]) {
            return Err(NerError::Corrupt(
                "not a Triangulate NER model (bad magic bytes)".into(),
            ));
        }
        let mut r = Reader { bytes, at: 0 };
        r.take(MAGIC.len(), "magic")?;
        let version = r.u32("format version")?;
        if !(OLDEST_FORMAT_VERSION..=FORMAT_VERSION).contains(&version) {
            return Err(NerError::UnsupportedVersion {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let len = usize::try_from(r.u64("payload length")?)
            .map_err(|_| NerError::Corrupt("payload length does not fit in memory".into()))?;
        let payload = r.take(len, "payload")?;
        let stored = r.u64("checksum")?;
        if r.at != bytes.len() {
            return Err(NerError::Corrupt(format!(
                "{} unexpected bytes after the checksum",
                bytes.len() - r.at
            )));
        }
        if hash_bytes(payload) != stored {
            return Err(NerError::Corrupt(
                "checksum mismatch: the model file is damaged".into(),
            ));
        }

        let mut r = Reader {
            bytes: payload,
            at: 0,
        };
        let hash_bits = r.u32("hash bits")?;
        if !(8..=26).contains(&hash_bits) {
            return Err(NerError::Corrupt(format!(
                "hash bits {hash_bits} out of range 8..=26"
            )));
        }
        let labels = r.u32("label count")?;
        if labels != NUM_LABELS as u32 {
            return Err(NerError::Corrupt(format!(
                "model has {labels} labels, this code uses {NUM_LABELS}"
            )));
        }
        let features = r.u32("feature version")?;
        if features != FEATURE_VERSION {
            return Err(NerError::UnsupportedVersion {
                found: features,
                supported: FEATURE_VERSION,
            });
        }
        let description = r.string("description")?;

        let n = r.count("casing entries", 3)?;
        let mut casing = HashMap::with_capacity(n);
        for _ in 0..n {
            let word = r.string("casing word")?;
            casing.insert(word, r.u8("casing code")?);
        }

        let cluster_levels = r.u32("cluster levels")? as usize;
        if cluster_levels > 4 {
            return Err(NerError::Corrupt(format!(
                "{cluster_levels} cluster levels (at most 4)"
            )));
        }
        let n = r.count("cluster entries", 2)?;
        let mut clusters = HashMap::with_capacity(n);
        for _ in 0..n {
            let word = r.string("cluster word")?;
            let mut ids = Vec::with_capacity(cluster_levels);
            for _ in 0..cluster_levels {
                ids.push(r.u16("cluster id")?);
            }
            clusters.insert(word, ids);
        }

        let gazetteer_max_len = r.u32("gazetteer phrase length")? as usize;
        if gazetteer_max_len > 64 {
            return Err(NerError::Corrupt(format!(
                "gazetteer phrases of {gazetteer_max_len} tokens"
            )));
        }
        let n = r.count("gazetteer entries", 9)?;
        let mut gazetteer = HashMap::with_capacity(n);
        for _ in 0..n {
            let key = r.u64("gazetteer key")?;
            gazetteer.insert(key, r.u8("gazetteer types")?);
        }

        let external_groups = r.u8("external lexicon groups")?;
        if external_groups & !crate::features::external::VALID != 0 {
            return Err(NerError::Corrupt(format!(
                "unknown external lexicon groups {external_groups:#x}"
            )));
        }
        let fingerprint = r.u64("external lexicon fingerprint")?;
        let external = if external_groups == 0 {
            None
        } else {
            let lexicons = crate::lexicons::ExternalLexicons::embedded_for(external_groups)?;
            let embedded = lexicons.fingerprint_for(external_groups);
            if embedded != fingerprint {
                return Err(NerError::Lexicon(format!(
                    "the model was trained with external lexicons {fingerprint:016x}, this build embeds {embedded:016x}; retrain it (models/ner/MODEL_CARD.md)"
                )));
            }
            Some(lexicons)
        };

        let pass_count = r.u32("pass count")?;
        if !(1..=2).contains(&pass_count) {
            return Err(NerError::Corrupt(format!(
                "{pass_count} passes (expected 1 or 2)"
            )));
        }
        let mut passes = Vec::with_capacity(pass_count as usize);
        for _ in 0..pass_count {
            let scale = f32::from_le_bytes(
                r.take(4, "weight scale")?
                    .try_into()
                    .map_err(|_| NerError::Corrupt("weight scale".into()))?,
            );
            if !scale.is_finite() || scale <= 0.0 {
                return Err(NerError::Corrupt(format!(
                    "weight scale {scale} is not a positive number"
                )));
            }
            let buckets = 1usize << hash_bits;
            let used = r.count("weight buckets", 2)?;
            let mut builder = SparseBuilder::new(hash_bits, scale);
            let mut bucket = 0usize;
            let mut row = Vec::with_capacity(NUM_LABELS);
            for index in 0..used {
                let delta = r.varint("bucket index")? as usize;
                if index > 0 && delta == 0 {
                    return Err(NerError::Corrupt("weight buckets out of order".into()));
                }
                bucket = bucket
                    .checked_add(delta)
                    .filter(|&b| b < buckets)
                    .ok_or_else(|| NerError::Corrupt("weight bucket index out of range".into()))?;
                let k = r.u8("entry count")? as usize;
                row.clear();
                for _ in 0..k {
                    let label = r.u8("label")?;
                    if label as usize >= NUM_LABELS {
                        return Err(NerError::Corrupt(format!("label {label} out of range")));
                    }
                    let q = i16::from_le_bytes([r.u8("weight")?, r.u8("weight")?]);
                    row.push(Entry { label, steps: q });
                }
                if !builder.push_row(bucket, &row) {
                    return Err(NerError::Corrupt(format!(
                        "weight bucket {bucket} is empty or repeated"
                    )));
                }
            }
            passes.push((builder.finish(), scale));
        }
        let trained_beam = if version >= 3 {
            let width = r.u8("trained beam width")? as usize;
            if !(2..=MAX_BEAM_WIDTH).contains(&width) {
                return Err(NerError::Corrupt(format!(
                    "trained beam width {width} out of range 2..={MAX_BEAM_WIDTH}"
                )));
            }
            width
        } else {
            1
        };
        if r.at != payload.len() {
            return Err(NerError::Corrupt(format!(
                "{} unread bytes at the end of the payload",
                payload.len() - r.at
            )));
        }
        let mut model = NerModel {
            hash_bits,
            lexicon: Lexicon {
                casing,
                clusters,
                cluster_levels,
                gazetteer,
                gazetteer_max_len,
                external_groups,
                external,
            },
            passes,
            description,
            trained_beam: 1,
            beam: Beam::GREEDY,
        };
        model.set_trained_beam(trained_beam);
        Ok(model)
    }
}

fn put_u16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], NerError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| NerError::Truncated {
                what: what.to_string(),
                offset: self.at,
            })?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N], NerError> {
        let slice = self.take(N, what)?;
        let mut a = [0u8; N];
        a.copy_from_slice(slice);
        Ok(a)
    }

    fn u8(&mut self, what: &str) -> Result<u8, NerError> {
        Ok(self.array::<1>(what)?[0])
    }

    fn u16(&mut self, what: &str) -> Result<u16, NerError> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }

    fn u32(&mut self, what: &str) -> Result<u32, NerError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }

    fn u64(&mut self, what: &str) -> Result<u64, NerError> {
        Ok(u64::from_le_bytes(self.array(what)?))
    }

    /// A count of items of at least `min_item_bytes` each, checked against the bytes left so a
    /// damaged count cannot make us allocate gigabytes.
    fn count(&mut self, what: &str, min_item_bytes: usize) -> Result<usize, NerError> {
        let n = self.u32(what)? as usize;
        let left = self.bytes.len() - self.at;
        if n.saturating_mul(min_item_bytes) > left {
            return Err(NerError::Corrupt(format!(
                "{what}: {n} items cannot fit in the {left} bytes left"
            )));
        }
        Ok(n)
    }

    fn string(&mut self, what: &str) -> Result<String, NerError> {
        let n = self.count(what, 1)?;
        let bytes = self.take(n, what)?;
        String::from_utf8(bytes.to_vec())
            .map_err(|_| NerError::Corrupt(format!("{what} is not UTF-8")))
    }

    fn varint(&mut self, what: &str) -> Result<u64, NerError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.u8(what)?;
            v |= ((byte & 0x7f) as u64) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(NerError::Corrupt(format!(
            "{what}: varint longer than 64 bits"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::external;
    use crate::lexicons::{gz, ExternalLexicons};

    #[test]
    fn a_model_trained_with_other_lexicons_is_refused() {
        let weights = vec![0.5f32; (1usize << 10) * NUM_LABELS];
        let mut model = NerModel::new(10, Lexicon::default(), &[&weights], "test".into());
        // Without external lexicons the file needs none.
        assert_eq!(NerModel::from_bytes(&model.to_bytes()).unwrap(), model);

        let other: &'static ExternalLexicons = Box::leak(Box::new(
            ExternalLexicons::from_gzip(&gz("Brenna\t678\n"), &gz("city\tBrenna\n")).unwrap(),
        ));
        model.lexicon.external_groups = external::BROWN;
        model.lexicon.external = Some(other);
        match NerModel::from_bytes(&model.to_bytes()) {
            Err(NerError::Lexicon(message)) => assert!(message.contains("retrain"), "{message}"),
            other => panic!("expected a lexicon mismatch, got {other:?}"),
        }

        // With the embedded lexicons it loads and keeps them.
        model.lexicon.external = Some(ExternalLexicons::embedded().unwrap());
        let reloaded = NerModel::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(reloaded, model);

        // A model using the organisation list records its fingerprint too, and loads.
        model.lexicon.external_groups = external::BROWN | external::ORGANISATIONS;
        model.lexicon.external =
            Some(ExternalLexicons::embedded_for(model.lexicon.external_groups).unwrap());
        let bytes = model.to_bytes();
        let embedded = ExternalLexicons::embedded_for(model.lexicon.external_groups).unwrap();
        let recorded = embedded.fingerprint_for(model.lexicon.external_groups);
        assert_ne!(recorded, embedded.fingerprint());
        assert!(bytes
            .windows(8)
            .any(|w| w == recorded.to_le_bytes().as_slice()));
        assert_eq!(NerModel::from_bytes(&bytes).unwrap(), model);
    }

    #[test]
    fn the_trained_beam_is_stored_in_format_3_and_greedy_models_stay_format_2() {
        let weights = vec![0.25f32; (1usize << 10) * NUM_LABELS];
        let mut model = NerModel::new(10, Lexicon::default(), &[&weights], "t".into());
        let version = |bytes: &[u8]| u32::from_le_bytes(bytes[8..12].try_into().unwrap());

        let greedy = model.to_bytes();
        assert_eq!(version(&greedy), OLDEST_FORMAT_VERSION);
        let loaded = NerModel::from_bytes(&greedy).unwrap();
        assert_eq!(loaded.beam(), Beam::GREEDY);
        assert_eq!(loaded, model);

        model.set_trained_beam(3);
        let expected = Beam {
            width: 3,
            temperature: None,
        };
        assert_eq!(model.beam(), expected);
        let bytes = model.to_bytes();
        assert_eq!(version(&bytes), FORMAT_VERSION);
        assert_eq!(bytes.len(), greedy.len() + 1);
        let loaded = NerModel::from_bytes(&bytes).unwrap();
        assert_eq!(loaded.trained_decoding(), expected);
        assert_eq!(loaded.beam(), expected);
        assert_eq!(loaded, model);
        // Decoding can still be overridden after loading.
        assert_eq!(loaded.with_beam(Beam::GREEDY).beam(), Beam::GREEDY);

        for bad in [1usize, 0, MAX_BEAM_WIDTH + 1, 255] {
            model.trained_beam = bad;
            model.beam = Beam::GREEDY;
            let mut bytes = model.to_bytes();
            if bad <= 1 {
                // Written as format 2; claim format 3 without the width byte.
                bytes[8..12].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
                assert!(matches!(
                    NerModel::from_bytes(&bytes),
                    Err(NerError::Truncated { .. })
                ));
            } else {
                match NerModel::from_bytes(&bytes) {
                    Err(NerError::Corrupt(message)) => {
                        assert!(message.contains("beam width"), "{message}")
                    }
                    other => panic!("expected a corrupt-model error, got {other:?}"),
                }
            }
        }
    }

    #[test]
    fn averaging_means_the_weights_and_refuses_unlike_models() {
        let buckets = (1usize << 10) * NUM_LABELS;
        let mut a = vec![0f32; buckets];
        let mut b = vec![0f32; buckets];
        a[3] = 1.0;
        b[3] = 3.0;
        b[40] = -2.0;
        let model_a = NerModel::new(10, Lexicon::default(), &[&a, &a], "a".into());
        let model_b = NerModel::new(10, Lexicon::default(), &[&b, &b], "b".into());
        let averaged =
            NerModel::average(&[model_a.clone(), model_b.clone()], "mean".into()).unwrap();
        let mut mean = vec![0f32; buckets];
        mean[3] = 2.0;
        mean[40] = -1.0;
        let expected = NerModel::new(10, Lexicon::default(), &[&mean, &mean], "mean".into());
        assert_eq!(averaged, expected);
        assert_eq!(averaged.weight_count(), 4);

        let one_pass = NerModel::new(10, Lexicon::default(), &[&a], "one".into());
        let wide_weights = vec![0f32; buckets * 2];
        let wider = NerModel::new(
            11,
            Lexicon::default(),
            &[&wide_weights, &wide_weights],
            "w".into(),
        );
        let mut other_lexicon = model_b.clone();
        other_lexicon.lexicon.gazetteer.insert(7, 1);
        for (unlike, what) in [
            (one_pass, "passes"),
            (wider, "hash size"),
            (other_lexicon, "lexicon"),
        ] {
            match NerModel::average(&[model_a.clone(), unlike], "x".into()) {
                Err(NerError::Training(message)) => assert!(message.contains(what), "{message}"),
                other => panic!("expected a refusal naming the {what}, got {other:?}"),
            }
        }
        assert!(matches!(
            NerModel::average(&[], "none".into()),
            Err(NerError::Training(_))
        ));
    }
}
