//! Feature extraction. Every feature is a 64-bit hash of a template id and its values, folded into
//! a fixed number of buckets; the per-token parts (word forms, shapes, affixes, lexicon look-ups)
//! are hashed once per token so that the per-feature work is a couple of multiplications.
use crate::labels::{Label, NUM_LABELS};
use crate::lexicons::ExternalLexicons;
use std::collections::HashMap;
use std::hash::BuildHasher;
use triangulate_doc::EntityLabel;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// splitmix64's finaliser: cheap and well mixed, so nearby inputs land in unrelated buckets.
#[inline]
fn finalize(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Stable string hash (the model file stores gazetteer keys as these hashes, so it must never
/// depend on the platform or the Rust version, unlike `std`'s `DefaultHasher`).
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Stable byte-string hash (see [`hash_str`]).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = SEED;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(SEED);
    }
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    tail[..rest.len()].copy_from_slice(rest);
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(SEED);
    finalize(h ^ bytes.len() as u64)
}

/// Combines two hashes (order matters).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    finalize(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Word form used for word-identity features: digits folded to `0` and typographic quotes and
/// dashes folded to their ASCII forms, so "1996"/"2024" and “/" share weights.
pub fn normalize_word(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '0'..='9' => '0',
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c => c,
        })
        .collect()
}

/// Lower-cased normalised form: the key for the lexicon (casing prior, clusters, gazetteer).
pub fn lexicon_key(word: &str) -> String {
    normalize_word(word).to_lowercase()
}

/// Hash of a word's shape ("Xxxxx", "dd-dd"; `collapse` merges repeated classes: "Xx"),
/// written into `scratch` so the per-token work does not allocate.
fn shape_hash(word: &str, collapse: bool, scratch: &mut String) -> u64 {
    shape_into(word, collapse, scratch);
    hash_str(scratch)
}

fn shape_into(word: &str, collapse: bool, out: &mut String) {
    out.clear();
    let mut last = None;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if collapse && last == Some(class) {
            continue;
        }
        last = Some(class);
        out.push(class);
        if out.len() >= 16 {
            break;
        }
    }
}

/// Hashes of a lexicon key's 1- to 4-character prefixes (slots 0..4) and suffixes (slots 4..8),
/// each only when the key is longer than the affix (0 otherwise). Slices of the key hash the
/// same bytes as the affix strings would, without allocating them.
fn affix_hashes(key: &str) -> [u64; 8] {
    let mut affixes = [0u64; 8];
    // Byte offsets where the 2nd, 3rd, ... character starts: the ends of the 1-, 2-, ...
    // character prefixes, present exactly while the key is longer than the prefix.
    let prefix_ends = key.char_indices().skip(1).map(|(at, _)| at);
    let suffix_starts = key.char_indices().rev().map(|(at, _)| at);
    for (n, (prefix_end, suffix_start)) in (1..=4usize).zip(prefix_ends.zip(suffix_starts)) {
        if let (Some(prefix), Some(suffix)) = (key.get(..prefix_end), key.get(suffix_start..)) {
            affixes[n - 1] = mix(n as u64, hash_str(prefix));
            affixes[n + 3] = mix(n as u64 + 8, hash_str(suffix));
        }
    }
    affixes
}

/// How a word is written, as bits.
pub mod flags {
    pub const INIT_CAP: u16 = 1;
    pub const ALL_CAPS: u16 = 2;
    pub const HAS_DIGIT: u16 = 4;
    pub const ALL_DIGIT: u16 = 8;
    pub const HAS_HYPHEN: u16 = 16;
    pub const HAS_PERIOD: u16 = 32;
    pub const NO_LETTER: u16 = 64;
    pub const INNER_CAP: u16 = 128;
    pub const HAS_LETTER: u16 = 256;
}

fn word_flags(word: &str) -> u16 {
    let mut f = 0;
    let mut letters = 0usize;
    let mut uppers = 0usize;
    let mut digits = 0usize;
    let mut chars = 0usize;
    for (i, c) in word.chars().enumerate() {
        chars += 1;
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                uppers += 1;
                if i == 0 {
                    f |= flags::INIT_CAP;
                } else {
                    f |= flags::INNER_CAP;
                }
            }
        } else if c.is_ascii_digit() {
            digits += 1;
        } else if c == '-' {
            f |= flags::HAS_HYPHEN;
        } else if c == '.' {
            f |= flags::HAS_PERIOD;
        }
    }
    if letters > 0 {
        f |= flags::HAS_LETTER;
        if uppers == letters {
            f |= flags::ALL_CAPS;
        }
    } else {
        f |= flags::NO_LETTER;
    }
    if digits > 0 {
        f |= flags::HAS_DIGIT;
        if digits == chars {
            f |= flags::ALL_DIGIT;
        }
    }
    f
}

/// What a word's capitalisation says, reduced to four values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CaseEvidence {
    /// Never seen in a position where case is informative.
    Unseen = 0,
    Lower = 1,
    Capitalized = 2,
    Both = 3,
}

impl CaseEvidence {
    pub fn from_counts(capitalized: u32, lower: u32) -> CaseEvidence {
        match (capitalized, lower) {
            (0, 0) => CaseEvidence::Unseen,
            (0, _) => CaseEvidence::Lower,
            (_, 0) => CaseEvidence::Capitalized,
            (c, l) if c >= 9 * l => CaseEvidence::Capitalized,
            (c, l) if l >= 9 * c => CaseEvidence::Lower,
            _ => CaseEvidence::Both,
        }
    }
}

/// Whether a token's case is informative: not the first token of its sentence and not in an
/// all-capitals line (headlines, datelines), and it contains a letter.
pub fn case_is_informative(position: usize, sentence_all_caps: bool, word_flags: u16) -> bool {
    position > 0 && !sentence_all_caps && word_flags & flags::HAS_LETTER != 0
}

/// An all-capitals line: every word with letters is in capitals and at least one has two or more
/// letters (so "A" alone or "U.S." in a normal sentence does not count).
pub fn sentence_all_caps(words: &[&str]) -> bool {
    all_caps_line(words.iter().map(|w| (*w, word_flags(w))))
}

/// [`sentence_all_caps`] over words whose [`word_flags`] the caller already has.
fn all_caps_line<'a>(words: impl Iterator<Item = (&'a str, u16)>) -> bool {
    let mut long_caps = false;
    for (w, f) in words {
        if f & flags::HAS_LETTER == 0 {
            continue;
        }
        if f & flags::ALL_CAPS == 0 {
            return false;
        }
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            long_caps = true;
        }
    }
    long_caps
}

/// Lexical knowledge induced from the training text and stored in the model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lexicon {
    /// Lexicon key → [`CaseEvidence`] over the training and development text.
    pub casing: HashMap<String, u8>,
    /// Lexicon key → cluster id at each granularity (coarse to fine).
    pub clusters: HashMap<String, Vec<u16>>,
    /// Number of cluster granularities (length of every `clusters` value).
    pub cluster_levels: usize,
    /// Hash of a space-joined lexicon-key phrase → bit mask of entity types it was seen as.
    pub gazetteer: HashMap<u64, u8>,
    /// Longest gazetteer phrase, in tokens.
    pub gazetteer_max_len: usize,
    /// Which external lexicons the model uses, as [`external`] bits.
    pub external_groups: u8,
    /// The embedded external lexicons, when `external_groups` is not 0.
    pub external: Option<&'static ExternalLexicons>,
}

/// Groups of features from external lexicons (the model file records which it was trained with).
pub mod external {
    /// Brown cluster bit-path prefixes of the word and its neighbours.
    pub const BROWN: u8 = 1;
    /// Gazetteer matches (places, person names, nationalities, organisation words).
    pub const GAZETTEERS: u8 = 2;
    /// Company names (`organisations.tsv.gz`), as a ninth gazetteer category (bits 32–35 of a
    /// token's gazetteer bits).
    pub const ORGANISATIONS: u8 = 4;
    /// Every group.
    pub const ALL: u8 = BROWN | GAZETTEERS | ORGANISATIONS;
    /// Not a group: the groups' features are emitted in the first pass only.
    pub const FIRST_PASS_ONLY: u8 = 0x40;
    /// Not a group: the groups' features are emitted in the second pass only.
    pub const SECOND_PASS_ONLY: u8 = 0x80;
    /// Every bit a model file may set.
    pub const VALID: u8 = ALL | FIRST_PASS_ONLY | SECOND_PASS_ONLY;

    /// The groups whose features a token gets in the given pass.
    pub fn active(groups: u8, second_pass: bool) -> u8 {
        let pass_bit = if second_pass {
            FIRST_PASS_ONLY
        } else {
            SECOND_PASS_ONLY
        };
        if groups & pass_bit != 0 {
            0
        } else {
            groups & ALL
        }
    }
}

/// Where the organisation list's B/I/L/U bits sit in a token's external gazetteer bits: after
/// the 8 categories of `gazetteers.tsv.gz`.
const ORGANISATION_SHIFT: u32 = 32;

/// Brown path prefix lengths used as features (Ratinov & Roth 2009 used 4, 6, 10 and 20).
const BROWN_PREFIXES: [u32; 4] = [4, 6, 10, 20];

impl Lexicon {
    /// Entity types (bit `i` for [`EntityLabel::ALL`]`[i]`) the training text gave this exact
    /// phrase; 0 when it never occurred as an entity there.
    pub fn gazetteer_types(&self, words: &[&str]) -> u8 {
        let keys: Vec<u64> = words.iter().map(|w| hash_str(&lexicon_key(w))).collect();
        self.gazetteer.get(&phrase_key(&keys)).copied().unwrap_or(0)
    }
}

/// Gazetteer key of a phrase given the hashes of its tokens' lexicon keys.
pub fn phrase_key(token_keys: &[u64]) -> u64 {
    token_keys
        .iter()
        .fold(0x6761_7a65_7474_6565, |h, &k| mix(h, k))
}

/// Per-token values that do not depend on the labels.
#[derive(Clone, Debug, Default)]
pub struct PreparedToken {
    raw: u64,
    lower: u64,
    shape: u64,
    short_shape: u64,
    affixes: [u64; 8],
    flags: u16,
    casing_prior: u8,
    doc_case: u8,
    clusters: [u64; 4],
    /// 4 bits (B, I, L, U) per entity type, from gazetteer phrases covering this token.
    gazetteer: u16,
    /// Brown bit path of the word (first branch in the lowest bit); 0 when it has none.
    brown: u32,
    /// 4 bits (B, I, L, U) per external gazetteer category, from phrases covering this token;
    /// the organisation list is category 8.
    external_gazetteer: u64,
    /// Position (B/I/L/U as 0..4) and length (capped at 4) of the run of capitalised words
    /// this token is in; 0 when it is not capitalised or the sentence is all capitals.
    cap_run: u8,
    /// The lexicon key's hash, for document-level label history.
    pub key: u64,
    /// First-pass label (index), or [`NO_FIRST_PASS`].
    first_pass: u8,
    /// Entity types the first pass gave to other occurrences of this word in the document.
    aggregate: [u16; 4],
}

/// Marks a token not yet tagged by the first pass.
pub const NO_FIRST_PASS: u8 = u8::MAX;

/// A sentence ready for tagging.
#[derive(Clone, Debug, Default)]
pub struct PreparedSentence {
    pub tokens: Vec<PreparedToken>,
    /// The model's [`external`] groups (features of a disabled group are not emitted).
    external_groups: u8,
    all_caps: bool,
    has_date: bool,
    /// The document's first word (a topic cue: CoNLL articles open with "SOCCER -" and the
    /// like, news articles with their headline).
    topic: u64,
}

/// Records the first-pass labels of a document so the second pass can use them: each token's
/// own label and the entity types given to the other occurrences of the same word.
pub fn apply_first_pass(prepared: &mut [PreparedSentence], labels: &[Vec<Label>]) {
    let mut totals: HashMap<u64, [u16; 4]> = HashMap::new();
    for (sentence, sentence_labels) in prepared.iter().zip(labels) {
        for (token, label) in sentence.tokens.iter().zip(sentence_labels) {
            if let Some(k) = label.entity().map(EntityLabel::index) {
                let entry = totals.entry(token.key).or_default();
                entry[k] = entry[k].saturating_add(1);
            }
        }
    }
    for (sentence, sentence_labels) in prepared.iter_mut().zip(labels) {
        for (token, label) in sentence.tokens.iter_mut().zip(sentence_labels) {
            let mut aggregate = totals.get(&token.key).copied().unwrap_or_default();
            if let Some(k) = label.entity().map(EntityLabel::index) {
                aggregate[k] = aggregate[k].saturating_sub(1);
            }
            token.aggregate = aggregate;
            token.first_pass = label.0;
        }
    }
}

/// Turns the words of one document (a list of sentences) into prepared sentences. `gazetteer`
/// overrides the lexicon's gazetteer (training uses one built without the current document's
/// fold, so gazetteer features are not perfect on the training data).
pub fn prepare_document(
    lexicon: &Lexicon,
    gazetteer: Option<&HashMap<u64, u8>>,
    sentences: &[Vec<&str>],
) -> Vec<PreparedSentence> {
    let gazetteer = gazetteer.unwrap_or(&lexicon.gazetteer);
    let brown = lexicon
        .external
        .filter(|_| lexicon.external_groups & external::BROWN != 0);
    let external_gazetteer = lexicon
        .external
        .filter(|_| lexicon.external_groups & external::GAZETTEERS != 0);
    let organisations = lexicon
        .external
        .filter(|_| lexicon.external_groups & external::ORGANISATIONS != 0);
    let mut scratch = String::new();
    let mut doc_case_counts: HashMap<u64, (u32, u32)> = HashMap::new();
    let mut prepared = Vec::with_capacity(sentences.len());
    let topic = sentences
        .iter()
        .flat_map(|s| s.first())
        .next()
        .map_or(BOUNDARY, |w| hash_str(&lexicon_key(w)));
    // Each word's flags, computed once and used both for the all-capitals test and per token.
    let mut sentence_flags: Vec<u16> = Vec::new();
    for words in sentences {
        sentence_flags.clear();
        sentence_flags.extend(words.iter().map(|w| word_flags(w)));
        let all_caps = all_caps_line(words.iter().copied().zip(sentence_flags.iter().copied()));
        let mut has_date = false;
        let mut tokens = Vec::with_capacity(words.len());
        for (i, (word, &f)) in words.iter().zip(&sentence_flags).enumerate() {
            let normalized = normalize_word(word);
            let key_string = normalized.to_lowercase();
            let key = hash_str(&key_string);
            if f & flags::HAS_DIGIT != 0 && f & flags::HAS_HYPHEN != 0 && word.len() >= 8 {
                has_date = true;
            }
            if case_is_informative(i, all_caps, f) {
                let entry = doc_case_counts.entry(key).or_default();
                if f & flags::INIT_CAP != 0 {
                    entry.0 += 1;
                } else {
                    entry.1 += 1;
                }
            }
            let affixes = affix_hashes(&key_string);
            let mut clusters = [0u64; 4];
            if let Some(ids) = lexicon.clusters.get(&key_string) {
                for (level, id) in ids.iter().take(4).enumerate() {
                    clusters[level] = mix(level as u64 + 1, *id as u64 + 1);
                }
            }
            tokens.push(PreparedToken {
                raw: hash_str(&normalized),
                lower: key,
                shape: shape_hash(word, false, &mut scratch),
                short_shape: shape_hash(word, true, &mut scratch),
                affixes,
                flags: f,
                casing_prior: lexicon.casing.get(&key_string).copied().unwrap_or(0),
                doc_case: 0,
                clusters,
                gazetteer: 0,
                brown: brown.map_or(0, |b| brown_path(b, word, f, &mut scratch)),
                external_gazetteer: 0,
                cap_run: 0,
                key,
                first_pass: NO_FIRST_PASS,
                aggregate: [0; 4],
            });
        }
        let matches = phrase_matches(gazetteer, lexicon.gazetteer_max_len, &tokens);
        for (token, bits) in tokens.iter_mut().zip(matches) {
            token.gazetteer = bits as u16;
        }
        if let Some(ext) = external_gazetteer {
            let matches = phrase_matches(ext.gazetteer_map(), ext.max_phrase_tokens(), &tokens);
            for (token, bits) in tokens.iter_mut().zip(matches) {
                token.external_gazetteer = bits as u64;
            }
        }
        if let Some(ext) = organisations {
            let matches = phrase_matches(ext.organisation_map(), ext.max_phrase_tokens(), &tokens);
            for (token, bits) in tokens.iter_mut().zip(matches) {
                token.external_gazetteer |= (bits as u64) << ORGANISATION_SHIFT;
            }
        }
        if !all_caps {
            mark_capitalised_runs(&mut tokens);
        }
        prepared.push(PreparedSentence {
            tokens,
            external_groups: lexicon.external_groups,
            all_caps,
            has_date,
            topic,
        });
    }
    for sentence in &mut prepared {
        for token in &mut sentence.tokens {
            let (c, l) = doc_case_counts.get(&token.key).copied().unwrap_or((0, 0));
            token.doc_case = CaseEvidence::from_counts(c, l) as u8;
        }
    }
    prepared
}

/// Names are runs of capitalised words ("New York Stock Exchange"); a token's place in its run
/// is a strong cue for B/I/L/U. A lower-case "of" inside a run does not break it when the run
/// continues after it ("Bank of Valdmark").
fn mark_capitalised_runs(tokens: &mut [PreparedToken]) {
    let capitalised = |t: &PreparedToken| t.flags & flags::INIT_CAP != 0;
    let of = hash_str("of");
    let mut i = 0;
    while i < tokens.len() {
        if !capitalised(&tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < tokens.len() && capitalised(&tokens[end]) {
                end += 1;
            } else if end + 1 < tokens.len()
                && tokens[end].raw == of
                && capitalised(&tokens[end + 1])
            {
                end += 2;
            } else {
                break;
            }
        }
        let len = (end - start).min(4) as u8;
        for (offset, token) in tokens[start..end].iter_mut().enumerate() {
            let position = if end - start == 1 {
                3
            } else if offset == 0 {
                0
            } else if start + offset + 1 == end {
                2
            } else {
                1
            };
            token.cap_run = 1 + position * 4 + (len - 1);
        }
        i = end;
    }
}

/// Brown path of a word: its exact form, else (all-capitals headlines, sentence-initial
/// capitals) its title-cased and lower-cased forms, since the clusters are case-sensitive.
/// `scratch` is reused so the look-up does not allocate per token.
fn brown_path(
    lexicons: &ExternalLexicons,
    word: &str,
    word_flags: u16,
    scratch: &mut String,
) -> u32 {
    if let Some(path) = lexicons.brown_path(word) {
        return path;
    }
    if word_flags & flags::HAS_LETTER == 0 {
        return 0;
    }
    scratch.clear();
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        scratch.extend(first.to_uppercase());
        scratch.extend(chars.flat_map(char::to_lowercase));
    }
    if scratch != word {
        if let Some(path) = lexicons.brown_path_of_hash(hash_str(scratch)) {
            return path;
        }
    }
    scratch.clear();
    scratch.extend(word.chars().flat_map(char::to_lowercase));
    if scratch != word {
        if let Some(path) = lexicons.brown_path_of_hash(hash_str(scratch)) {
            return path;
        }
    }
    0
}

/// For each token, 4 bits (B, I, L, U) per category of every gazetteer phrase covering it
/// (`gazetteer` maps a [`phrase_key`] to a category mask of at most 8 categories).
fn phrase_matches<S: BuildHasher>(
    gazetteer: &HashMap<u64, u8, S>,
    max_len: usize,
    tokens: &[PreparedToken],
) -> Vec<u32> {
    let mut bits = vec![0u32; tokens.len()];
    if gazetteer.is_empty() {
        return bits;
    }
    for start in 0..tokens.len() {
        // Phrases start with a word that has a letter or digit; skip punctuation starts quickly.
        if tokens[start].flags & flags::NO_LETTER != 0
            && tokens[start].flags & flags::HAS_DIGIT == 0
        {
            continue;
        }
        let mut h = 0x6761_7a65_7474_6565u64;
        for end in start + 1..=tokens.len().min(start + max_len) {
            h = mix(h, tokens[end - 1].lower);
            let Some(&mask) = gazetteer.get(&h) else {
                continue;
            };
            for category in 0..8 {
                if mask & (1 << category) == 0 {
                    continue;
                }
                for (offset, token_bits) in bits[start..end].iter_mut().enumerate() {
                    let position = if end - start == 1 {
                        3
                    } else if offset == 0 {
                        0
                    } else if start + offset + 1 == end {
                        2
                    } else {
                        1
                    };
                    *token_bits |= 1 << (category * 4 + position);
                }
            }
        }
    }
    bits
}

/// Entity types given so far, in this document, to tokens with the same lexicon key.
#[derive(Debug, Default)]
pub struct LabelHistory {
    counts: HashMap<u64, [u16; 4]>,
}

impl LabelHistory {
    pub fn record(&mut self, key: u64, label: Label) {
        let entry = self.counts.entry(key).or_default();
        // Words seen only outside entities keep an all-zero entry: "seen before, never an
        // entity" is evidence too.
        if let Some((_, e)) = label.parts() {
            entry[e.index()] = entry[e.index()].saturating_add(1);
        }
    }

    fn get(&self, key: u64) -> Option<&[u16; 4]> {
        self.counts.get(&key)
    }
}

/// Template ids: part of the model format (changing them means retraining).
mod template {
    pub const BIAS: u64 = 1;
    pub const RAW: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const LOWER_M1: u64 = 4;
    pub const LOWER_P1: u64 = 5;
    pub const LOWER_M2: u64 = 6;
    pub const LOWER_P2: u64 = 7;
    pub const BIGRAM_M1: u64 = 8;
    pub const BIGRAM_P1: u64 = 9;
    pub const SHAPE: u64 = 10;
    pub const SHORT_SHAPE: u64 = 11;
    pub const SHAPE_M1: u64 = 12;
    pub const SHAPE_P1: u64 = 13;
    pub const SHAPE_TRI: u64 = 14;
    pub const SHAPE_BI_M1: u64 = 15;
    pub const SHAPE_BI_P1: u64 = 16;
    pub const AFFIX: u64 = 17;
    pub const FLAGS_CONTEXT: u64 = 18;
    pub const CASING_PRIOR: u64 = 19;
    pub const DOC_CASE: u64 = 20;
    pub const CLUSTER: u64 = 21;
    pub const CLUSTER_M1: u64 = 22;
    pub const CLUSTER_P1: u64 = 23;
    pub const GAZ: u64 = 24;
    pub const GAZ_M1: u64 = 25;
    pub const GAZ_P1: u64 = 26;
    pub const PREV1: u64 = 27;
    pub const PREV2: u64 = 28;
    pub const PREV1_WORD: u64 = 29;
    pub const PREV1_SHAPE: u64 = 30;
    pub const HISTORY: u64 = 31;
    pub const HISTORY_MAJOR: u64 = 32;
    pub const DATE_SENTENCE: u64 = 33;
    pub const GAZ_CASE: u64 = 34;
    pub const LOWER_CASE_CONTEXT: u64 = 35;
    pub const RAW_M1: u64 = 36;
    pub const RAW_P1: u64 = 37;
    pub const SHAPE_M2: u64 = 38;
    pub const SHAPE_P2: u64 = 39;
    pub const TOPIC_CASE: u64 = 40;
    pub const TOPIC_GAZ: u64 = 41;
    pub const FIRST_PASS: u64 = 42;
    pub const FIRST_PASS_M1: u64 = 43;
    pub const FIRST_PASS_P1: u64 = 44;
    pub const FIRST_PASS_TRI: u64 = 45;
    pub const AGGREGATE: u64 = 46;
    pub const AGGREGATE_MAJOR: u64 = 47;
    pub const TOPIC_WORD: u64 = 48;
    pub const CAP_RUN: u64 = 49;
    pub const CAP_RUN_INITIAL: u64 = 50;
    pub const BROWN: u64 = 51;
    pub const BROWN_M1: u64 = 52;
    pub const BROWN_P1: u64 = 53;
    pub const BROWN_CASE: u64 = 54;
    pub const EXT_GAZ: u64 = 55;
    pub const EXT_GAZ_CASE: u64 = 56;
    pub const EXT_GAZ_M1: u64 = 57;
    pub const EXT_GAZ_P1: u64 = 58;
    pub const EXT_GAZ_RUN: u64 = 59;
    pub const BROWN_M2: u64 = 60;
    pub const BROWN_P2: u64 = 61;
}

const BOUNDARY: u64 = 0x0b0d;

/// Feature bucket indices for token `i` of `sentence` given the two previous labels, appended
/// to `out` (cleared first).
#[allow(clippy::too_many_arguments)]
pub fn token_features(
    sentence: &PreparedSentence,
    i: usize,
    prev1: Option<Label>,
    prev2: Option<Label>,
    history: &LabelHistory,
    hash_bits: u32,
    out: &mut Vec<u32>,
) {
    push_token_features(sentence, i, Some((prev1, prev2)), history, hash_bits, out);
}

/// The features of token `i` that do not depend on the labels chosen earlier in its sentence
/// (all but [`label_features`]), appended to `out` (cleared first). A beam decoder computes
/// these once per token and only the label features once per hypothesis.
pub fn context_features(
    sentence: &PreparedSentence,
    i: usize,
    history: &LabelHistory,
    hash_bits: u32,
    out: &mut Vec<u32>,
) {
    push_token_features(sentence, i, None, history, hash_bits, out);
}

/// The features of token `i` that depend on the two previous labels, appended to `out` (not
/// cleared): with [`context_features`] the same buckets as [`token_features`].
pub fn label_features(
    sentence: &PreparedSentence,
    i: usize,
    prev1: Option<Label>,
    prev2: Option<Label>,
    hash_bits: u32,
    out: &mut Vec<u32>,
) {
    let shift = 64 - hash_bits;
    if let Some(tok) = sentence.tokens.get(i) {
        push_label_features(tok, prev1, prev2, |h| {
            out.push((finalize(h) >> shift) as u32)
        });
    }
}

fn push_label_features(
    tok: &PreparedToken,
    prev1: Option<Label>,
    prev2: Option<Label>,
    mut push: impl FnMut(u64),
) {
    use template as t;
    let p1 = prev1.map_or(99, |l| l.0 as u64);
    let p2 = prev2.map_or(99, |l| l.0 as u64);
    push(mix(t::PREV1, p1));
    push(mix(t::PREV2, p2 << 8 | p1));
    push(mix(mix(t::PREV1_WORD, p1), tok.lower));
    push(mix(mix(t::PREV1_SHAPE, p1), tok.short_shape));
}

/// `previous` is `None` to leave out the label features.
fn push_token_features(
    sentence: &PreparedSentence,
    i: usize,
    previous: Option<(Option<Label>, Option<Label>)>,
    history: &LabelHistory,
    hash_bits: u32,
    out: &mut Vec<u32>,
) {
    use template as t;
    out.clear();
    let shift = 64 - hash_bits;
    let mut push = |h: u64| out.push((finalize(h) >> shift) as u32);
    let tokens = &sentence.tokens;
    let Some(tok) = tokens.get(i) else {
        return;
    };
    let at = |offset: isize| -> Option<&PreparedToken> {
        let j = i as isize + offset;
        if j < 0 {
            None
        } else {
            tokens.get(j as usize)
        }
    };
    let lower_at = |o| at(o).map_or(BOUNDARY, |t| t.lower);
    let raw_at = |o| at(o).map_or(BOUNDARY, |t| t.raw);
    let external_groups =
        external::active(sentence.external_groups, tok.first_pass != NO_FIRST_PASS);
    let shape_at = |o| at(o).map_or(BOUNDARY, |t| t.short_shape);
    let caps = sentence.all_caps as u64;
    let initial = (i == 0) as u64;
    let case_bits = (tok.flags & (flags::INIT_CAP | flags::ALL_CAPS | flags::HAS_LETTER)) as u64;

    push(t::BIAS);
    push(mix(t::RAW, tok.raw));
    push(mix(t::LOWER, tok.lower));
    push(mix(t::LOWER_M1, lower_at(-1)));
    push(mix(t::LOWER_P1, lower_at(1)));
    push(mix(t::LOWER_M2, lower_at(-2)));
    push(mix(t::LOWER_P2, lower_at(2)));
    push(mix(t::RAW_M1, raw_at(-1)));
    push(mix(t::RAW_P1, raw_at(1)));
    push(mix(mix(t::BIGRAM_M1, lower_at(-1)), tok.lower));
    push(mix(mix(t::BIGRAM_P1, tok.lower), lower_at(1)));
    push(mix(t::SHAPE, tok.shape));
    push(mix(t::SHORT_SHAPE, tok.short_shape));
    push(mix(t::SHAPE_M1, shape_at(-1)));
    push(mix(t::SHAPE_P1, shape_at(1)));
    push(mix(t::SHAPE_M2, shape_at(-2)));
    push(mix(t::SHAPE_P2, shape_at(2)));
    push(mix(
        mix(mix(t::SHAPE_TRI, shape_at(-1)), tok.short_shape),
        shape_at(1),
    ));
    push(mix(mix(t::SHAPE_BI_M1, shape_at(-1)), tok.short_shape));
    push(mix(mix(t::SHAPE_BI_P1, tok.short_shape), shape_at(1)));
    for &a in &tok.affixes {
        if a != 0 {
            push(mix(t::AFFIX, a));
        }
    }
    push(mix(
        t::FLAGS_CONTEXT,
        tok.flags as u64 | (caps << 12) | (initial << 13),
    ));
    // Case evidence from the whole corpus and from this document, in the context that decides
    // whether this token's own capital letter means anything.
    let context = case_bits | (caps << 12) | (initial << 13);
    push(mix(mix(t::CASING_PRIOR, tok.casing_prior as u64), context));
    push(mix(mix(t::DOC_CASE, tok.doc_case as u64), context));
    push(mix(
        mix(
            t::DOC_CASE,
            (tok.doc_case as u64) << 4 | tok.casing_prior as u64,
        ),
        context,
    ));
    push(mix(mix(t::LOWER_CASE_CONTEXT, tok.lower), context));
    for (level, &c) in tok.clusters.iter().enumerate() {
        if c != 0 {
            push(mix(t::CLUSTER, c));
            push(mix(mix(t::CLUSTER, c), context));
        }
        if let Some(prev) = at(-1) {
            if prev.clusters[level] != 0 {
                push(mix(t::CLUSTER_M1, prev.clusters[level]));
            }
        }
        if let Some(next) = at(1) {
            if next.clusters[level] != 0 {
                push(mix(t::CLUSTER_P1, next.clusters[level]));
            }
        }
    }
    for bit in 0..16u64 {
        if tok.gazetteer & (1 << bit) != 0 {
            push(mix(t::GAZ, bit));
            push(mix(mix(t::GAZ_CASE, bit), context));
        }
    }
    let gaz_types =
        |g: u16| -> u64 { (0..4).fold(0, |m, k| m | (((g >> (4 * k)) & 0xf != 0) as u64) << k) };
    push(mix(
        t::GAZ_M1,
        at(-1).map_or(99, |p| gaz_types(p.gazetteer)),
    ));
    push(mix(t::GAZ_P1, at(1).map_or(99, |p| gaz_types(p.gazetteer))));
    push(mix(
        mix(t::DATE_SENTENCE, sentence.has_date as u64 | caps << 1),
        tok.short_shape,
    ));

    if external_groups & external::BROWN != 0 {
        let prefix = |path: u32, k: u32| (k as u64) << 32 | (path & ((1u32 << k) - 1)) as u64;
        let brown_m1 = at(-1).map_or(0, |p| p.brown);
        let brown_p1 = at(1).map_or(0, |p| p.brown);
        let brown_m2 = at(-2).map_or(0, |p| p.brown);
        let brown_p2 = at(2).map_or(0, |p| p.brown);
        for k in BROWN_PREFIXES {
            if brown_m2 != 0 {
                push(mix(t::BROWN_M2, prefix(brown_m2, k)));
            }
            if brown_p2 != 0 {
                push(mix(t::BROWN_P2, prefix(brown_p2, k)));
            }
            if tok.brown != 0 {
                push(mix(t::BROWN, prefix(tok.brown, k)));
            }
            if brown_m1 != 0 {
                push(mix(t::BROWN_M1, prefix(brown_m1, k)));
            }
            if brown_p1 != 0 {
                push(mix(t::BROWN_P1, prefix(brown_p1, k)));
            }
        }
        // Whether a capital letter is informative decides how far a name-like cluster counts.
        push(mix(mix(t::BROWN_CASE, prefix(tok.brown, 10)), context));
    }
    if external_groups & (external::GAZETTEERS | external::ORGANISATIONS) != 0 {
        let mut bits = tok.external_gazetteer;
        while bits != 0 {
            let bit = bits.trailing_zeros() as u64;
            bits &= bits - 1;
            push(mix(t::EXT_GAZ, bit));
            push(mix(mix(t::EXT_GAZ_CASE, bit), context));
            // Where the match sits in the run of capitalised words: "New York" ending inside
            // "New York Stock Exchange" says something else than "New York" alone.
            push(mix(mix(t::EXT_GAZ_RUN, bit), tok.cap_run as u64));
        }
        let categories = |g: u64| -> u64 {
            (0..9).fold(0, |m, k| m | (((g >> (4 * k)) & 0xf != 0) as u64) << k)
        };
        push(mix(
            t::EXT_GAZ_M1,
            at(-1).map_or(999, |p| categories(p.external_gazetteer)),
        ));
        push(mix(
            t::EXT_GAZ_P1,
            at(1).map_or(999, |p| categories(p.external_gazetteer)),
        ));
    }

    let own_gaz = gaz_types(tok.gazetteer);
    push(mix(t::CAP_RUN, tok.cap_run as u64));
    push(mix(
        mix(t::CAP_RUN_INITIAL, tok.cap_run as u64),
        initial << 8 | tok.casing_prior as u64,
    ));
    push(mix(mix(t::TOPIC_CASE, sentence.topic), context));
    push(mix(mix(t::TOPIC_GAZ, sentence.topic), own_gaz));
    if tok.flags & flags::INIT_CAP != 0 {
        push(mix(mix(t::TOPIC_WORD, sentence.topic), tok.lower));
    }

    if tok.first_pass != NO_FIRST_PASS {
        let fp = |o: isize| at(o).map_or(99, |t| t.first_pass as u64);
        push(mix(t::FIRST_PASS, fp(0)));
        push(mix(t::FIRST_PASS_M1, fp(-1) << 8 | fp(0)));
        push(mix(t::FIRST_PASS_P1, fp(0) << 8 | fp(1)));
        push(mix(t::FIRST_PASS_TRI, fp(-1) << 16 | fp(0) << 8 | fp(1)));
        let mut best = (0u16, 99u64);
        for (k, &n) in tok.aggregate.iter().enumerate() {
            if n > 0 {
                push(mix(mix(t::AGGREGATE, k as u64), context));
                if n > best.0 {
                    best = (n, k as u64);
                }
            }
        }
        push(mix(mix(t::AGGREGATE_MAJOR, best.1), fp(0)));
    }

    if let Some((prev1, prev2)) = previous {
        push_label_features(tok, prev1, prev2, &mut push);
    }

    if let Some(counts) = history.get(tok.key) {
        let mut best = (0u16, 99u64);
        for (k, &n) in counts.iter().enumerate() {
            if n > 0 {
                push(mix(mix(t::HISTORY, k as u64), context));
                if n > best.0 {
                    best = (n, k as u64);
                }
            }
        }
        push(mix(mix(t::HISTORY_MAJOR, best.1), case_bits));
    }
}

/// Dense scores for every label from a list of buckets and a weight lookup.
pub trait Weights {
    fn add_scores(&self, bucket: u32, scores: &mut [f32; NUM_LABELS]);

    /// Adds the weights of all `buckets`; implementations may batch the look-ups.
    fn add_all(&self, buckets: &[u32], scores: &mut [f32; NUM_LABELS]) {
        for &b in buckets {
            self.add_scores(b, scores);
        }
    }
}

/// Picks the best label allowed after `previous` (an entity may not stay open past the end of
/// the sentence), returning it and its scores.
pub fn best_label(
    weights: &impl Weights,
    buckets: &[u32],
    previous: Option<Label>,
    last_in_sentence: bool,
) -> (Label, [f32; NUM_LABELS]) {
    let mut scores = [0f32; NUM_LABELS];
    weights.add_all(buckets, &mut scores);
    let mut best = Label::OUTSIDE;
    let mut best_score = f32::NEG_INFINITY;
    for (index, &score) in scores.iter().enumerate() {
        let label = Label(index as u8);
        if !label.allowed(previous, last_in_sentence) {
            continue;
        }
        if score > best_score {
            best_score = score;
            best = label;
        }
    }
    (best, scores)
}

/// Softmax probability of `chosen` among the labels allowed after `previous`: a rough,
/// uncalibrated confidence.
pub fn label_confidence(scores: &[f32; NUM_LABELS], chosen: Label, previous: Option<Label>) -> f32 {
    let top = scores.get(chosen.index()).copied().unwrap_or(0.0);
    let mut total = 0f32;
    for (index, &s) in scores.iter().enumerate() {
        if Label(index as u8).may_follow(previous) {
            total += ((s - top) / 4.0).exp();
        }
    }
    if total > 0.0 {
        1.0 / total
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_groups_can_be_limited_to_one_pass() {
        let both = external::BROWN | external::GAZETTEERS;
        assert_eq!(external::active(both, false), both);
        assert_eq!(external::active(both, true), both);
        let second_only = both | external::SECOND_PASS_ONLY;
        assert_eq!(external::active(second_only, false), 0);
        assert_eq!(external::active(second_only, true), both);
        let first_only = external::BROWN | external::FIRST_PASS_ONLY;
        assert_eq!(external::active(first_only, false), external::BROWN);
        assert_eq!(external::active(first_only, true), 0);
    }

    #[test]
    fn a_second_pass_only_model_gets_lexicon_features_in_the_second_pass_only() {
        let lexicons = crate::lexicons::ExternalLexicons::embedded().unwrap();
        let lexicon = Lexicon {
            external_groups: external::BROWN | external::GAZETTEERS | external::SECOND_PASS_ONLY,
            external: Some(lexicons),
            ..Lexicon::default()
        };
        let mut plain = lexicon.clone();
        plain.external_groups = 0;
        plain.external = None;
        let sentences = vec![vec!["Talks", "in", "Nairobi", "ended", "."]];
        let features = |lexicon: &Lexicon, first_pass: Option<Label>| {
            let mut prepared = prepare_document(lexicon, None, &sentences);
            if let Some(label) = first_pass {
                apply_first_pass(&mut prepared, &[vec![label; 5]]);
            }
            let mut out = Vec::new();
            token_features(
                &prepared[0],
                2,
                None,
                None,
                &LabelHistory::default(),
                21,
                &mut out,
            );
            out
        };
        // First pass: exactly the features of a model without lexicons.
        assert_eq!(features(&lexicon, None), features(&plain, None));
        // Second pass: the Brown and gazetteer features of "Nairobi" come on top.
        let second = features(&lexicon, Some(Label::OUTSIDE));
        let second_plain = features(&plain, Some(Label::OUTSIDE));
        assert!(
            second.len() > second_plain.len() + 10,
            "{} vs {}",
            second.len(),
            second_plain.len()
        );
    }

    /// The affix hashes as first written: collect the characters, build each affix string.
    fn affix_hashes_from_strings(key: &str) -> [u64; 8] {
        let mut affixes = [0u64; 8];
        let chars: Vec<char> = key.chars().collect();
        for n in 1..=4 {
            if chars.len() > n {
                let prefix: String = chars.iter().take(n).collect();
                let suffix: String = chars.iter().skip(chars.len() - n).collect();
                affixes[n - 1] = mix(n as u64, hash_str(&prefix));
                affixes[n + 3] = mix(n as u64 + 8, hash_str(&suffix));
            }
        }
        affixes
    }

    #[test]
    fn affix_slices_hash_like_affix_strings() {
        // Short keys, keys exactly as long as an affix, and multi-byte characters at both ends.
        for key in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "kessan",
            "ølberg",
            "žďár",
            "δαλσορία",
            "0-0",
            "“quoted”",
        ] {
            assert_eq!(affix_hashes(key), affix_hashes_from_strings(key), "{key:?}");
        }
    }

    #[test]
    fn shape_written_into_scratch_is_the_shape() {
        let mut scratch = String::from("left over");
        shape_into("Dalsoria-2024", false, &mut scratch);
        assert_eq!(scratch, "Xxxxxxxx-dddd");
        shape_into("Dalsoria-2024", true, &mut scratch);
        assert_eq!(scratch, "Xx-d");
        // Long words are cut at 16 bytes of shape.
        shape_into("Abcdefghijklmnopqrstu", false, &mut scratch);
        assert_eq!(scratch, "Xxxxxxxxxxxxxxxx");
    }
}
