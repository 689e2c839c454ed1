//! External knowledge the tagger embeds: Brown word clusters induced from a large English corpus
//! and gazetteers of places, person names, nationality words and organisation words.
//!
//! CoNLL-2003's 200k training tokens see too few names for a model to learn that "Tashkent" is
//! a city or that a rare surname behaves like "Clinton". Clusters learned from far more text
//! group words by the company they keep, and name lists cover what the training text never
//! mentions; Ratinov & Roth (2009) measured both as the largest gains for a CoNLL tagger.
//!
//! Both files are built by `models/ner/build_lexicons.py` from PyPI packages (sources,
//! licences and attribution in `models/ner/MODEL_CARD.md`) and embedded in the crate, so
//! tagging stays offline. They are plain gzip-compressed TSV so a review can read them.
use crate::features::{hash_str, lexicon_key, phrase_key};
use crate::NerError;
use flate2::read::GzDecoder;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::OnceLock;

static BROWN_BYTES: &[u8] = include_bytes!("../../../models/ner/lexicons/brown_clusters.tsv.gz");
static GAZETTEER_BYTES: &[u8] = include_bytes!("../../../models/ner/lexicons/gazetteers.tsv.gz");
static VECTOR_CLASS_BYTES: &[u8] =
    include_bytes!("../../../models/ner/lexicons/vector_classes.tsv.gz");
static EMBEDDED: OnceLock<Result<ExternalLexicons, String>> = OnceLock::new();

/// Longest gazetteer phrase kept, in tokens ("Bosnia and Herzegovina" is 3).
pub const MAX_PHRASE_TOKENS: usize = 6;

/// What a gazetteer entry is. The discriminant is the category's bit in
/// [`ExternalLexicons::gazetteer_categories`] and part of the model's feature templates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum GazetteerCategory {
    /// A country, current or former (GeoNames, ISO 3166-1 and -3).
    Country = 0,
    /// A capital or a city of 100,000 people or more (GeoNames).
    CityBig = 1,
    /// A city of 15,000 to 100,000 people (GeoNames).
    City = 2,
    /// A US state, a continent, or a country subdivision (GeoNames, ISO 3166-2).
    Region = 3,
    /// A given name from the 1990 US census.
    FirstName = 4,
    /// A surname from the 1990 US census shared by at least 0.001% of people.
    LastName = 5,
    /// A nationality or demonym ("Karvonian"-like words; our own list).
    Demonym = 6,
    /// A word that heads or ends organisation names ("Corp", "Party"; our own list).
    OrgWord = 7,
}

impl GazetteerCategory {
    /// All categories, in bit order.
    pub const ALL: [GazetteerCategory; 8] = [
        GazetteerCategory::Country,
        GazetteerCategory::CityBig,
        GazetteerCategory::City,
        GazetteerCategory::Region,
        GazetteerCategory::FirstName,
        GazetteerCategory::LastName,
        GazetteerCategory::Demonym,
        GazetteerCategory::OrgWord,
    ];

    /// The name used in `gazetteers.tsv.gz`.
    pub fn name(self) -> &'static str {
        match self {
            GazetteerCategory::Country => "country",
            GazetteerCategory::CityBig => "city_big",
            GazetteerCategory::City => "city",
            GazetteerCategory::Region => "region",
            GazetteerCategory::FirstName => "first_name",
            GazetteerCategory::LastName => "last_name",
            GazetteerCategory::Demonym => "demonym",
            GazetteerCategory::OrgWord => "org_word",
        }
    }

    fn from_name(name: &str) -> Option<GazetteerCategory> {
        GazetteerCategory::ALL
            .into_iter()
            .find(|c| c.name() == name)
    }

    /// This category's bit in a category mask.
    pub fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Keys here are already well-mixed 64-bit hashes; hashing them again (std's SipHash) would
/// only cost time on the per-token look-ups.
#[derive(Default)]
pub(crate) struct PrehashedKey(u64);

impl Hasher for PrehashedKey {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// A map keyed by a hash we computed ourselves.
pub(crate) type PrehashedMap<V> = HashMap<u64, V, BuildHasherDefault<PrehashedKey>>;

/// Word-vector classes: for a lower-case word, its class among 256 and among 1024 (spherical
/// k-means over the word vectors of spaCy's `en_core_web_md`) and the vector row it shares
/// with its nearest words (20,000 rows).
///
/// A second, differently induced clustering beside the Brown clusters: Turian et al. (2010)
/// found the two add up, since co-occurrence vectors group rare names with frequent ones that
/// Brown's hard merges separate.
#[derive(Debug)]
pub struct VectorClasses {
    /// Hash of the lower-cased word → class ids, coarse to fine.
    classes: PrehashedMap<[u16; VECTOR_CLASS_LEVELS]>,
}

/// Granularities in [`VectorClasses`]: 256 classes, 1024 classes, the vector row.
pub const VECTOR_CLASS_LEVELS: usize = 3;

impl VectorClasses {
    /// Decodes `vector_classes.tsv.gz` (`word<TAB>class<TAB>class<TAB>row`, lower-case words).
    pub fn from_gzip(bytes: &[u8]) -> Result<VectorClasses, NerError> {
        let text = gunzip(bytes, "vector_classes.tsv.gz")?;
        let mut classes = PrehashedMap::default();
        for (index, line) in text.lines().enumerate() {
            let bad = |problem: &str| {
                NerError::Lexicon(format!(
                    "vector_classes.tsv.gz, line {}: {problem}",
                    index + 1
                ))
            };
            let mut fields = line.split('\t');
            let word = fields.next().unwrap_or_default();
            if word.is_empty() {
                return Err(bad("empty word"));
            }
            let mut ids = [0u16; VECTOR_CLASS_LEVELS];
            for id in ids.iter_mut() {
                let field = fields
                    .next()
                    .ok_or_else(|| bad("expected word and 3 class ids"))?;
                *id = field
                    .parse()
                    .map_err(|_| bad(&format!("class {field:?} is not a number below 65536")))?;
            }
            if fields.next().is_some() {
                return Err(bad("expected word and 3 class ids"));
            }
            classes.insert(hash_str(word), ids);
        }
        if classes.is_empty() {
            return Err(NerError::Lexicon(
                "vector_classes.tsv.gz has no entries".to_string(),
            ));
        }
        Ok(VectorClasses { classes })
    }

    /// Number of words with classes.
    pub fn word_count(&self) -> usize {
        self.classes.len()
    }

    /// Classes of a word (looked up lower-cased: the vectors are nearly case-blind).
    pub fn classes(&self, word: &str) -> Option<[u16; VECTOR_CLASS_LEVELS]> {
        self.classes.get(&hash_str(&lexicon_key(word))).copied()
    }

    /// Classes by the hash of the word's [`lexicon_key`].
    pub(crate) fn classes_of_key(&self, key_hash: u64) -> Option<[u16; VECTOR_CLASS_LEVELS]> {
        self.classes.get(&key_hash).copied()
    }
}

/// Brown clusters and gazetteers, decoded from the embedded files, and the word-vector classes,
/// decoded on first use (only models trained with them pay for it).
pub struct ExternalLexicons {
    /// Hash of the exact word form → Brown bit path, first branch in the lowest bit.
    clusters: PrehashedMap<u32>,
    /// [`phrase_key`] of the lower-cased tokens → mask of [`GazetteerCategory`] bits.
    gazetteer: PrehashedMap<u8>,
    max_phrase_tokens: usize,
    fingerprint: u64,
    /// Gzip bytes of `vector_classes.tsv.gz`; empty when there are none.
    vector_class_bytes: &'static [u8],
    vector_classes: OnceLock<Result<VectorClasses, String>>,
}

impl std::fmt::Debug for ExternalLexicons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExternalLexicons")
            .field("cluster_words", &self.clusters.len())
            .field("gazetteer_phrases", &self.gazetteer.len())
            .field("fingerprint", &format_args!("{:016x}", self.fingerprint))
            .finish()
    }
}

impl PartialEq for ExternalLexicons {
    fn eq(&self, other: &Self) -> bool {
        self.fingerprint == other.fingerprint
    }
}

impl ExternalLexicons {
    /// The lexicons embedded in the crate, decoded once on first use (about 0.1 s) and shared.
    pub fn embedded() -> Result<&'static ExternalLexicons, NerError> {
        EMBEDDED
            .get_or_init(|| {
                ExternalLexicons::from_gzip(BROWN_BYTES, GAZETTEER_BYTES)
                    .map(|lexicons| lexicons.with_vector_classes(VECTOR_CLASS_BYTES))
                    .map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|e| NerError::Lexicon(format!("embedded lexicons: {e}")))
    }

    /// Decodes the two gzip-compressed TSV files written by `models/ner/build_lexicons.py`:
    /// `brown_clusters.tsv.gz` and `gazetteers.tsv.gz`.
    pub fn from_gzip(brown: &[u8], gazetteers: &[u8]) -> Result<ExternalLexicons, NerError> {
        let brown_text = gunzip(brown, "brown_clusters.tsv.gz")?;
        let gazetteer_text = gunzip(gazetteers, "gazetteers.tsv.gz")?;

        let mut clusters = PrehashedMap::default();
        for (index, line) in brown_text.lines().enumerate() {
            let bad = |problem: &str| {
                NerError::Lexicon(format!(
                    "brown_clusters.tsv.gz, line {}: {problem}",
                    index + 1
                ))
            };
            let (word, path) = line
                .split_once('\t')
                .ok_or_else(|| bad("expected word<TAB>cluster"))?;
            let path: u32 = path
                .parse()
                .map_err(|_| bad(&format!("cluster {path:?} is not a number")))?;
            if word.is_empty() || path == 0 {
                return Err(bad("empty word or cluster 0"));
            }
            clusters.insert(hash_str(word), path);
        }

        let mut gazetteer = PrehashedMap::default();
        let mut max_phrase_tokens = 0;
        for (index, line) in gazetteer_text.lines().enumerate() {
            let bad = |problem: &str| {
                NerError::Lexicon(format!("gazetteers.tsv.gz, line {}: {problem}", index + 1))
            };
            let (category, phrase) = line
                .split_once('\t')
                .ok_or_else(|| bad("expected category<TAB>phrase"))?;
            let category = GazetteerCategory::from_name(category)
                .ok_or_else(|| bad(&format!("unknown category {category:?}")))?;
            let keys: Vec<u64> = phrase
                .split(' ')
                .map(|w| hash_str(&lexicon_key(w)))
                .collect();
            if phrase.trim().is_empty() || keys.len() > MAX_PHRASE_TOKENS {
                return Err(bad(&format!(
                    "phrase must have 1 to {MAX_PHRASE_TOKENS} tokens"
                )));
            }
            max_phrase_tokens = max_phrase_tokens.max(keys.len());
            *gazetteer.entry(phrase_key(&keys)).or_default() |= category.bit();
        }

        if clusters.is_empty() || gazetteer.is_empty() {
            return Err(NerError::Lexicon(
                "a lexicon file has no entries".to_string(),
            ));
        }
        let fingerprint = [brown, gazetteers].iter().fold(0, |h, bytes| {
            crate::features::mix(h, crate::features::hash_bytes(bytes))
        });
        Ok(ExternalLexicons {
            clusters,
            gazetteer,
            max_phrase_tokens,
            fingerprint,
            vector_class_bytes: &[],
            vector_classes: OnceLock::new(),
        })
    }

    /// Adds the gzip-compressed `vector_classes.tsv.gz`, decoded by
    /// [`ExternalLexicons::vector_classes`] on first use.
    pub fn with_vector_classes(mut self, bytes: &'static [u8]) -> ExternalLexicons {
        self.vector_class_bytes = bytes;
        self.vector_classes = OnceLock::new();
        self
    }

    /// Identifies the exact Brown and gazetteer files; a model records the fingerprint of the
    /// lexicons it was trained with and refuses others (see [`ExternalLexicons::fingerprint_for`]).
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The fingerprint a model trained with these [`crate::features::external`] groups records:
    /// [`ExternalLexicons::fingerprint`], mixed with the vector-class file's hash only when the
    /// groups include the vector classes, so models without them stay valid when that file
    /// changes.
    pub fn fingerprint_for(&self, groups: u8) -> u64 {
        if groups & crate::features::external::VECTOR_CLASSES != 0 {
            crate::features::mix(
                self.fingerprint,
                crate::features::hash_bytes(self.vector_class_bytes),
            )
        } else {
            self.fingerprint
        }
    }

    /// The word-vector classes, decoded on the first call (about 0.1 s).
    pub fn vector_classes(&self) -> Result<&VectorClasses, NerError> {
        self.vector_classes
            .get_or_init(|| {
                if self.vector_class_bytes.is_empty() {
                    Err("no vector_classes.tsv.gz in these lexicons".to_string())
                } else {
                    VectorClasses::from_gzip(self.vector_class_bytes).map_err(|e| e.to_string())
                }
            })
            .as_ref()
            .map_err(|e| NerError::Lexicon(e.clone()))
    }

    /// Number of words with a Brown cluster.
    pub fn cluster_word_count(&self) -> usize {
        self.clusters.len()
    }

    /// Number of distinct gazetteer phrases.
    pub fn gazetteer_phrase_count(&self) -> usize {
        self.gazetteer.len()
    }

    /// Longest gazetteer phrase, in tokens.
    pub fn max_phrase_tokens(&self) -> usize {
        self.max_phrase_tokens
    }

    /// Brown bit path of this exact word form (clusters are case-sensitive: "Apple" and
    /// "apple" differ). The path is read from the lowest bit up, so the prefix of length `k`
    /// is `path & ((1 << k) - 1)`.
    pub fn brown_path(&self, word: &str) -> Option<u32> {
        self.clusters.get(&hash_str(word)).copied()
    }

    pub(crate) fn brown_path_of_hash(&self, word_hash: u64) -> Option<u32> {
        self.clusters.get(&word_hash).copied()
    }

    /// Gazetteer categories of an exact phrase (case-insensitive), as a mask of
    /// [`GazetteerCategory::bit`]s; 0 when it is in no list.
    pub fn gazetteer_categories(&self, words: &[&str]) -> u8 {
        let keys: Vec<u64> = words.iter().map(|w| hash_str(&lexicon_key(w))).collect();
        self.gazetteer.get(&phrase_key(&keys)).copied().unwrap_or(0)
    }

    pub(crate) fn gazetteer_map(&self) -> &PrehashedMap<u8> {
        &self.gazetteer
    }
}

fn gunzip(bytes: &[u8], name: &str) -> Result<String, NerError> {
    let mut text = String::new();
    GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|e| NerError::Lexicon(format!("{name}: {e}")))?;
    Ok(text)
}

/// Gzip `text` (tests build small lexicon files with it).
#[cfg(test)]
pub(crate) fn gz(text: &str) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_load_and_know_well_known_names() {
        let lex = ExternalLexicons::embedded().expect("embedded lexicons decode");
        assert!(lex.cluster_word_count() > 150_000);
        assert!(lex.gazetteer_phrase_count() > 50_000);
        // London and Paris share a Brown cluster; the prefix of length 6 is the broad
        // proper-noun branch that Germany is on too.
        let london = lex.brown_path("London").unwrap();
        assert_eq!(Some(london), lex.brown_path("Paris"));
        let germany = lex.brown_path("Germany").unwrap();
        assert_eq!(london & 0x3f, germany & 0x3f);
        assert_eq!(lex.brown_path("the-word-nobody-wrote"), None);

        let city = GazetteerCategory::CityBig.bit();
        assert_ne!(lex.gazetteer_categories(&["Nairobi"]) & city, 0);
        assert_ne!(lex.gazetteer_categories(&["los", "angeles"]) & city, 0);
        assert_ne!(
            lex.gazetteer_categories(&["New", "York"]) & GazetteerCategory::Region.bit(),
            0
        );
        assert_ne!(
            lex.gazetteer_categories(&["Bosnia", "and", "Herzegovina"])
                & GazetteerCategory::Country.bit(),
            0
        );
        assert_ne!(
            lex.gazetteer_categories(&["Mary"]) & GazetteerCategory::FirstName.bit(),
            0
        );
        assert_ne!(
            lex.gazetteer_categories(&["Johnson"]) & GazetteerCategory::LastName.bit(),
            0
        );
        assert_ne!(
            lex.gazetteer_categories(&["Norwegian"]) & GazetteerCategory::Demonym.bit(),
            0
        );
        assert_ne!(
            lex.gazetteer_categories(&["Corp"]) & GazetteerCategory::OrgWord.bit(),
            0
        );
        assert_eq!(lex.gazetteer_categories(&["of", "the"]), 0);

        // Decoded once, shared afterwards.
        assert!(std::ptr::eq(lex, ExternalLexicons::embedded().unwrap()));
    }

    #[test]
    fn small_lexicons_decode_and_match_case_insensitively() {
        let lex = ExternalLexicons::from_gzip(
            &gz("Brenna\t678\nVask\t86\n"),
            &gz("city\tBrenna\ncountry\tRepublic of Esteria\nlast_name\tBrenna\n"),
        )
        .unwrap();
        assert_eq!(lex.brown_path("Brenna"), Some(678));
        assert_eq!(lex.brown_path("brenna"), None);
        assert_eq!(
            lex.gazetteer_categories(&["BRENNA"]),
            GazetteerCategory::City.bit() | GazetteerCategory::LastName.bit()
        );
        assert_eq!(
            lex.gazetteer_categories(&["Republic", "of", "Esteria"]),
            GazetteerCategory::Country.bit()
        );
        assert_eq!(lex.max_phrase_tokens(), 3);
    }

    #[test]
    fn damaged_lexicons_are_typed_errors_naming_the_line() {
        let good_gazetteer = gz("city\tBrenna\n");
        let good_brown = gz("Brenna\t678\n");
        for (brown, gazetteer, expected) in [
            (
                b"not gzip".to_vec(),
                good_gazetteer.clone(),
                "brown_clusters",
            ),
            (gz("Brenna 678\n"), good_gazetteer.clone(), "line 1"),
            (
                gz("Brenna\t678\nVask\tx\n"),
                good_gazetteer.clone(),
                "line 2",
            ),
            (good_brown.clone(), gz("town\tBrenna\n"), "unknown category"),
            (good_brown.clone(), gz("city\ta b c d e f g\n"), "tokens"),
            (good_brown.clone(), gz(""), "no entries"),
            (
                good_brown.clone(),
                b"\x1f\x8b truncated".to_vec(),
                "gazetteers.tsv.gz",
            ),
        ] {
            match ExternalLexicons::from_gzip(&brown, &gazetteer) {
                Err(NerError::Lexicon(message)) => {
                    assert!(message.contains(expected), "{message}")
                }
                other => panic!("expected a lexicon error, got {other:?}"),
            }
        }
    }

    #[test]
    fn vector_classes_decode_look_up_lower_cased_and_name_bad_lines() {
        let classes =
            VectorClasses::from_gzip(&gz("brenna\t12\t700\t15001\nvask\t3\t4\t5\n")).unwrap();
        assert_eq!(classes.word_count(), 2);
        assert_eq!(classes.classes("Brenna"), Some([12, 700, 15001]));
        assert_eq!(classes.classes("VASK"), Some([3, 4, 5]));
        assert_eq!(classes.classes("Esteria"), None);

        for (text, expected) in [
            ("brenna\t12\t700\n", "line 1"),
            ("brenna\t1\t2\t3\nvask\t1\tx\t3\n", "line 2"),
            ("brenna\t1\t2\t70000\n", "below 65536"),
            ("brenna\t1\t2\t3\t4\n", "3 class ids"),
            ("\t1\t2\t3\n", "empty word"),
            ("", "no entries"),
        ] {
            match VectorClasses::from_gzip(&gz(text)) {
                Err(NerError::Lexicon(message)) => {
                    assert!(message.contains(expected), "{text:?}: {message}")
                }
                other => panic!("{text:?}: expected a lexicon error, got {other:?}"),
            }
        }
        assert!(matches!(
            VectorClasses::from_gzip(b"not gzip"),
            Err(NerError::Lexicon(_))
        ));
    }

    #[test]
    fn embedded_vector_classes_group_related_words() {
        let lex = ExternalLexicons::embedded().unwrap();
        let classes = lex.vector_classes().unwrap();
        assert!(classes.word_count() > 250_000);
        // Football clubs share a class (here even a vector row).
        let class_1024 = |w: &str| classes.classes(w).map(|c| c[1]);
        assert!(class_1024("juventus").is_some());
        assert_eq!(class_1024("juventus"), class_1024("benfica"));
        assert_eq!(class_1024("juventus"), class_1024("bayern"));
        assert_eq!(class_1024("Juventus"), class_1024("juventus"));
        assert_eq!(classes.classes("the-word-nobody-wrote"), None);

        // Lexicons built without the file have no vector classes, and say so.
        let small =
            ExternalLexicons::from_gzip(&gz("Brenna\t678\n"), &gz("city\tBrenna\n")).unwrap();
        assert!(matches!(small.vector_classes(), Err(NerError::Lexicon(_))));
    }
}
