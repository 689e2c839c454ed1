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
static ORGANISATION_BYTES: &[u8] =
    include_bytes!("../../../models/ner/lexicons/organisations.tsv.gz");
static EMBEDDED: OnceLock<Result<ExternalLexicons, String>> = OnceLock::new();
/// The embedded lexicons with the company-name list added: decoded only for a model that uses
/// the list (none of the shipped ones does; models/ner/MODEL_CARD.md, "Sixth pass").
static EMBEDDED_WITH_ORGANISATIONS: OnceLock<Result<ExternalLexicons, String>> = OnceLock::new();

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

/// Brown clusters and gazetteers, decoded from the embedded files.
pub struct ExternalLexicons {
    /// Hash of the exact word form → Brown bit path, first branch in the lowest bit.
    clusters: PrehashedMap<u32>,
    /// [`phrase_key`] of the lower-cased tokens → mask of [`GazetteerCategory`] bits.
    gazetteer: PrehashedMap<u8>,
    max_phrase_tokens: usize,
    /// [`phrase_key`] of a company name's lower-cased tokens → 1 (a one-category mask, so
    /// the gazetteer matcher serves both lists).
    organisations: PrehashedMap<u8>,
    fingerprint: u64,
    /// Hash of `organisations.tsv.gz`; 0 when no organisation list was given.
    organisation_fingerprint: u64,
}

impl std::fmt::Debug for ExternalLexicons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExternalLexicons")
            .field("cluster_words", &self.clusters.len())
            .field("gazetteer_phrases", &self.gazetteer.len())
            .field("organisation_phrases", &self.organisations.len())
            .field("fingerprint", &format_args!("{:016x}", self.fingerprint))
            .finish()
    }
}

impl PartialEq for ExternalLexicons {
    fn eq(&self, other: &Self) -> bool {
        self.fingerprint == other.fingerprint
            && self.organisation_fingerprint == other.organisation_fingerprint
    }
}

impl ExternalLexicons {
    /// The Brown clusters and gazetteers embedded in the crate (without the company-name
    /// list), decoded once on first use (about 0.1 s) and shared.
    pub fn embedded() -> Result<&'static ExternalLexicons, NerError> {
        EMBEDDED
            .get_or_init(|| {
                ExternalLexicons::from_gzip(BROWN_BYTES, GAZETTEER_BYTES).map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|e| NerError::Lexicon(format!("embedded lexicons: {e}")))
    }

    /// The embedded lexicons a model with these external feature `groups` needs: with the
    /// company-name list only when the groups include
    /// [`ORGANISATIONS`](crate::features::external::ORGANISATIONS), so other models never
    /// decode it.
    pub(crate) fn embedded_for(groups: u8) -> Result<&'static ExternalLexicons, NerError> {
        if groups & crate::features::external::ORGANISATIONS == 0 {
            return ExternalLexicons::embedded();
        }
        EMBEDDED_WITH_ORGANISATIONS
            .get_or_init(|| {
                ExternalLexicons::from_gzip(BROWN_BYTES, GAZETTEER_BYTES)
                    .and_then(|l| l.with_organisations(ORGANISATION_BYTES))
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
            organisations: PrehashedMap::default(),
            fingerprint,
            organisation_fingerprint: 0,
        })
    }

    /// Adds the company-name list `organisations.tsv.gz` (gzip, one phrase per line, written
    /// by `models/ner/build_lexicons.py`). It is a separate file with its own fingerprint so
    /// that models trained without it keep loading when it changes.
    pub fn with_organisations(
        mut self,
        organisations: &[u8],
    ) -> Result<ExternalLexicons, NerError> {
        let text = gunzip(organisations, "organisations.tsv.gz")?;
        let mut phrases = PrehashedMap::default();
        for (index, phrase) in text.lines().enumerate() {
            let keys: Vec<u64> = phrase
                .split(' ')
                .map(|w| hash_str(&lexicon_key(w)))
                .collect();
            if phrase.trim().is_empty() || phrase.contains('\t') || keys.len() > MAX_PHRASE_TOKENS {
                return Err(NerError::Lexicon(format!(
                    "organisations.tsv.gz, line {}: a phrase of 1 to {MAX_PHRASE_TOKENS} tokens without tabs expected",
                    index + 1
                )));
            }
            self.max_phrase_tokens = self.max_phrase_tokens.max(keys.len());
            phrases.insert(phrase_key(&keys), 1);
        }
        if phrases.is_empty() {
            return Err(NerError::Lexicon(
                "organisations.tsv.gz has no entries".to_string(),
            ));
        }
        self.organisations = phrases;
        self.organisation_fingerprint = crate::features::hash_bytes(organisations);
        Ok(self)
    }

    /// Identifies the exact Brown and gazetteer files; a model records the fingerprint of the
    /// lexicons it was trained with and refuses others.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// The fingerprint a model with these external feature `groups` records: that of the Brown
    /// and gazetteer files, and of the organisation list only when the model uses it (so the
    /// models trained before the list existed still load).
    pub fn fingerprint_for(&self, groups: u8) -> u64 {
        if groups & crate::features::external::ORGANISATIONS != 0 {
            crate::features::mix(self.fingerprint, self.organisation_fingerprint)
        } else {
            self.fingerprint
        }
    }

    /// Number of distinct company-name phrases.
    pub fn organisation_phrase_count(&self) -> usize {
        self.organisations.len()
    }

    /// Whether this exact phrase (case-insensitive) is a listed company name.
    pub fn is_organisation(&self, words: &[&str]) -> bool {
        let keys: Vec<u64> = words.iter().map(|w| hash_str(&lexicon_key(w))).collect();
        self.organisations.contains_key(&phrase_key(&keys))
    }

    pub(crate) fn organisation_map(&self) -> &PrehashedMap<u8> {
        &self.organisations
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

/// Most bytes a lexicon file may decompress to. The shipped files decompress to 2.5 MB at most;
/// the cap keeps a damaged or hostile file given to [`ExternalLexicons::from_gzip`] (a gzip
/// bomb) from exhausting memory.
const MAX_LEXICON_BYTES: u64 = 64 << 20;

fn gunzip(bytes: &[u8], name: &str) -> Result<String, NerError> {
    gunzip_capped(bytes, name, MAX_LEXICON_BYTES)
}

/// Bytes are read first and checked as text after the size, so that a file cut at the cap in
/// the middle of a character is refused for its size, not as invalid UTF-8.
fn gunzip_capped(bytes: &[u8], name: &str, cap: u64) -> Result<String, NerError> {
    let mut raw = Vec::new();
    GzDecoder::new(bytes)
        .take(cap.saturating_add(1))
        .read_to_end(&mut raw)
        .map_err(|e| NerError::Lexicon(format!("{name}: {e}")))?;
    if raw.len() as u64 > cap {
        return Err(NerError::Lexicon(format!(
            "{name}: decompresses to more than {cap} bytes"
        )));
    }
    String::from_utf8(raw).map_err(|e| NerError::Lexicon(format!("{name}: not UTF-8 text: {e}")))
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
    fn a_file_that_decompresses_past_the_cap_is_refused() {
        let text = "Brenna\t678\n".repeat(100);
        assert_eq!(
            gunzip_capped(&gz(&text), "brown_clusters.tsv.gz", text.len() as u64)
                .map(|t| t.len())
                .ok(),
            Some(text.len())
        );
        match gunzip_capped(&gz(&text), "brown_clusters.tsv.gz", text.len() as u64 - 1) {
            Err(NerError::Lexicon(message)) => {
                assert!(message.contains("brown_clusters.tsv.gz"), "{message}");
                assert!(message.contains("more than"), "{message}");
            }
            other => panic!("expected a lexicon error, got {other:?}"),
        }
    }

    #[test]
    fn a_file_cut_at_the_cap_inside_a_character_is_refused_for_its_size() {
        // Twelve bytes a line, two-byte characters at bytes 7 and 9: the cap of 103 lets 104
        // bytes be read, which end inside the first of them.
        let text = "Brenna\t\u{e9}\u{e9}\n".repeat(30);
        match gunzip_capped(&gz(&text), "brown_clusters.tsv.gz", 103) {
            Err(NerError::Lexicon(message)) => {
                assert!(message.contains("more than 103 bytes"), "{message}");
            }
            other => panic!("expected a lexicon error, got {other:?}"),
        }
        // Text that is not UTF-8 within the cap is named as such.
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut encoder, b"Brenna\t\xe9\n").unwrap();
        let latin1 = encoder.finish().unwrap();
        match gunzip_capped(&latin1, "brown_clusters.tsv.gz", 1000) {
            Err(NerError::Lexicon(message)) => {
                assert!(
                    message.contains("brown_clusters.tsv.gz: not UTF-8"),
                    "{message}"
                );
            }
            other => panic!("expected a lexicon error, got {other:?}"),
        }
    }

    #[test]
    fn organisation_list_matches_phrases_and_has_its_own_fingerprint() {
        use crate::features::external;
        let base =
            || ExternalLexicons::from_gzip(&gz("Brenna\t678\n"), &gz("city\tBrenna\n")).unwrap();
        let without = base();
        let with = base()
            .with_organisations(&gz("Korvath Mining\nNordwire\n"))
            .unwrap();
        assert!(with.is_organisation(&["KORVATH", "mining"]));
        assert!(with.is_organisation(&["Nordwire"]));
        assert!(!with.is_organisation(&["Korvath"]));
        assert!(!without.is_organisation(&["Nordwire"]));
        assert_eq!(with.organisation_phrase_count(), 2);

        // Models without the organisation group keep the fingerprint they were trained with.
        let old_groups = external::BROWN | external::GAZETTEERS | external::SECOND_PASS_ONLY;
        assert_eq!(with.fingerprint_for(old_groups), without.fingerprint());
        let new_groups = old_groups | external::ORGANISATIONS;
        assert_ne!(with.fingerprint_for(new_groups), without.fingerprint());
        let other = base().with_organisations(&gz("Nordwire\n")).unwrap();
        assert_ne!(
            with.fingerprint_for(new_groups),
            other.fingerprint_for(new_groups)
        );
        assert_eq!(
            with.fingerprint_for(old_groups),
            other.fingerprint_for(old_groups)
        );

        for (file, expected) in [
            (gz(""), "no entries"),
            (gz("Nordwire\n\n"), "line 2"),
            (gz("a b c d e f g\n"), "line 1"),
            (b"not gzip".to_vec(), "organisations.tsv.gz"),
        ] {
            match base().with_organisations(&file) {
                Err(NerError::Lexicon(message)) => {
                    assert!(message.contains(expected), "{message}")
                }
                other => panic!("expected a lexicon error, got {other:?}"),
            }
        }

        let embedded = ExternalLexicons::embedded_for(external::ORGANISATIONS).unwrap();
        assert!(embedded.organisation_phrase_count() > 1_500);
        assert!(embedded.is_organisation(&["Siemens"]));
    }
}
