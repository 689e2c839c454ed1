//! Name-substitution augmentation for training: copies of training documents in which the
//! words of entity spans are replaced by invented words that no lexicon knows.
//!
//! Why: in CoNLL-2003 nearly every entity word has a Brown cluster, a gazetteer entry or
//! casing evidence, so a model with external lexicons learns to lean on them and mistypes
//! names it has never seen ("Karvonia", "Nordwire"). In the copies the same contexts hold
//! names with no lexicon entry, so the model also learns the context, shape and suffix cues
//! that carry an unknown name's type. Labels are unchanged.
//!
//! Substitution keeps what carries the type without being the name itself: head words of
//! organisations and places ("Corp", "FC", "University", "Bay", "River"), lower-case joiners
//! ("of", "de"), tokens without letters, abbreviations with periods, and suffix cues of the
//! original word ("-ia", "-ian", "-ov", "-ski", "-land"). Within one document a word is
//! always replaced by the same invented word, so document-level evidence stays consistent.
//! Everything is derived from hashes of the seed, the document index and the word: the copies
//! are the same on every run.
use crate::conll::{ConllDocument, ConllSentence};
use crate::features::{hash_str, lexicon_key, mix};
use crate::labels::bio_spans;
use std::collections::HashMap;

/// Words kept inside substituted entity spans because they carry the entity type (compared
/// lower-cased).
const TYPE_HEAD_WORDS: &[&str] = &[
    // organisations
    "ag",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "assembly",
    "association",
    "authority",
    "bancorp",
    "bank",
    "board",
    "bros",
    "bureau",
    "cabinet",
    "club",
    "co",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "corporation",
    "council",
    "court",
    "department",
    "exchange",
    "fc",
    "federation",
    "foundation",
    "front",
    "fund",
    "gmbh",
    "group",
    "holdings",
    "inc",
    "industries",
    "institute",
    "international",
    "league",
    "ltd",
    "ministry",
    "motors",
    "movement",
    "nv",
    "organisation",
    "organization",
    "parliament",
    "party",
    "petroleum",
    "plc",
    "railways",
    "sa",
    "spa",
    "senate",
    "service",
    "society",
    "systems",
    "technologies",
    "telecom",
    "trust",
    "union",
    "united",
    "university",
    "news",
    "times",
    "press",
    "agency",
    "airport",
    "city",
    "rovers",
    "athletic",
    "county",
    "wanderers",
    "rangers",
    "state",
    // places
    "bay",
    "river",
    "sea",
    "ocean",
    "lake",
    "mount",
    "mountains",
    "island",
    "islands",
    "gulf",
    "strait",
    "cape",
    "valley",
    "street",
    "square",
    "republic",
    "kingdom",
    "north",
    "south",
    "east",
    "west",
    "new",
    "saint",
    "st",
    "san",
    "santa",
    "port",
    "fort",
    // events, works, groups (MISC)
    "cup",
    "open",
    "championship",
    "championships",
    "games",
    "grand",
    "prix",
    "world",
    "olympic",
    "olympics",
    "war",
    "day",
    "award",
    "prize",
];

/// Word endings that hint at an entity's type; the longest one the original word has is kept.
const SUFFIX_CUES: &[&str] = &[
    "ians", "ian", "ans", "an", "ia", "ese", "ish", "ean", "ov", "ova", "ev", "eva", "ski", "sky",
    "ska", "ic", "son", "sen", "land", "stan", "burg", "berg", "ville", "ton", "ford", "ham",
    "grad", "ovic", "vich", "enko", "ini", "elli", "ez", "os", "is", "us", "o", "a", "i", "er",
    "ers",
];

const ONSETS: &[&str] = &[
    "b", "br", "c", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pr", "r",
    "s", "st", "t", "tr", "v", "vr", "z", "sh", "th", "ch",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ae", "ei", "ou", "y"];
const CODAS: &[&str] = &[
    "", "", "", "n", "r", "l", "s", "m", "k", "t", "x", "nd", "rk",
];

/// Whether a word (as written) is known to some lexicon the model reads; invented words must
/// not be.
pub(crate) type IsKnown<'a> = dyn Fn(&str) -> bool + 'a;

fn pick<'a>(list: &[&'a str], h: u64) -> &'a str {
    list.get((h % list.len().max(1) as u64) as usize)
        .copied()
        .unwrap_or("")
}

/// An invented lower-case stem of about `letters` letters.
fn invent_stem(h: u64, letters: usize) -> String {
    let syllables = (letters / 3).clamp(1, 4);
    let mut stem = String::new();
    let mut state = h;
    for k in 0..syllables {
        state = mix(state, k as u64 + 1);
        stem.push_str(pick(ONSETS, state));
        stem.push_str(pick(VOWELS, state >> 16));
        if k + 1 == syllables || (state >> 32).is_multiple_of(3) {
            stem.push_str(pick(CODAS, state >> 40));
        }
    }
    stem
}

/// Applies the original word's capitalisation pattern (all capitals, title case or lower case).
fn with_case_of(original: &str, lower: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if all_caps {
        return lower.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = lower.chars();
        return match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        };
    }
    lower.to_string()
}

/// An invented replacement for one hyphen-free part of an entity word.
fn invent_part(part: &str, h: u64, is_known: &IsKnown) -> String {
    let lower = part.to_lowercase();
    let letters = lower.chars().count();
    let is_acronym = letters <= 4 && part.chars().all(|c| c.is_uppercase());
    let cue = if is_acronym {
        ""
    } else {
        SUFFIX_CUES
            .iter()
            .filter(|s| lower.ends_with(*s) && lower.len() > s.len() + 1)
            .max_by_key(|s| s.len())
            .copied()
            .unwrap_or("")
    };
    let mut candidate = String::new();
    for attempt in 0..8u64 {
        let state = mix(h, attempt);
        let body = if is_acronym {
            // Acronyms stay acronyms of the same length.
            (0..letters)
                .map(|k| (b'a' + (mix(state, k as u64) % 26) as u8) as char)
                .collect()
        } else {
            let mut stem = invent_stem(state, letters.saturating_sub(cue.len()).max(3));
            // Avoid doubled vowels at the seam ("-a" + "ia").
            if cue.starts_with(['a', 'e', 'i', 'o', 'u']) {
                while stem.ends_with(['a', 'e', 'i', 'o', 'u', 'y']) {
                    stem.pop();
                }
            }
            stem + cue
        };
        candidate = with_case_of(part, &body);
        // Clusters are case-sensitive: the word must be unknown in every case it may appear in.
        let title = with_case_of("Xx", &body);
        if ![&body, &title, &body.to_uppercase()]
            .iter()
            .any(|form| is_known(form))
        {
            break;
        }
    }
    candidate
}

/// The replacement of one entity word: each letter-bearing part between hyphens is invented.
fn invent_word(word: &str, h: u64, is_known: &IsKnown) -> String {
    word.split('-')
        .enumerate()
        .map(|(k, part)| {
            if part.chars().any(char::is_alphabetic) {
                invent_part(part, mix(h, k as u64), is_known)
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn keeps_its_form(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return true;
    };
    !word.chars().any(char::is_alphabetic)
        || !first.is_uppercase()
        || word.contains('.')
        || word.contains('\'')
        || TYPE_HEAD_WORDS.contains(&word.to_lowercase().as_str())
}

/// A copy of `doc` in which about `word_percent` percent of the distinct entity words are
/// replaced by invented words (see the module docs). `seed` should differ per document so that
/// each copy invents its own names and picks its own words.
pub(crate) fn substitute_names(
    doc: &ConllDocument,
    seed: u64,
    word_percent: u8,
    is_known: &IsKnown,
) -> ConllDocument {
    let mut replacements: HashMap<String, String> = HashMap::new();
    let sentences = doc
        .sentences
        .iter()
        .map(|sentence| {
            let mut words = sentence.words.clone();
            for (start, end, _) in bio_spans(&sentence.tags) {
                for word in words.iter_mut().take(end).skip(start) {
                    if keeps_its_form(word) {
                        continue;
                    }
                    // Same word, same replacement in this document, whatever its case.
                    let key = lexicon_key(word);
                    // Only a share of the names' words: "Bill Draxon" beside "Praxon Clinton"
                    // teaches that a known first name can precede an unknown surname.
                    if mix(seed ^ 0x776f_7264, hash_str(&key)) % 100 >= u64::from(word_percent) {
                        continue;
                    }
                    let lower = match replacements.get(&key) {
                        Some(r) => r.clone(),
                        None => {
                            // The first occurrence's form decides whether it is an acronym.
                            let invented = invent_word(word, mix(seed, hash_str(&key)), is_known)
                                .to_lowercase();
                            replacements.insert(key, invented.clone());
                            invented
                        }
                    };
                    *word = with_case_of(word, &lower);
                }
            }
            ConllSentence {
                words,
                tags: sentence.tags.clone(),
            }
        })
        .collect();
    ConllDocument { sentences }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::Bio;
    use triangulate_doc::EntityLabel;

    fn sentence(words: &[(&str, Bio)]) -> ConllSentence {
        ConllSentence {
            words: words.iter().map(|(w, _)| w.to_string()).collect(),
            tags: words.iter().map(|(_, t)| *t).collect(),
        }
    }

    fn doc() -> ConllDocument {
        use Bio::{B, I, O};
        ConllDocument {
            sentences: vec![
                sentence(&[
                    ("Marta", B(EntityLabel::Per)),
                    ("Quillon", I(EntityLabel::Per)),
                    ("of", O),
                    ("Trelby", B(EntityLabel::Org)),
                    ("Corp", I(EntityLabel::Org)),
                    ("flew", O),
                    ("to", O),
                    ("Ostravia", B(EntityLabel::Loc)),
                    ("on", O),
                    ("3", O),
                    ("May", O),
                    (".", O),
                ]),
                sentence(&[
                    ("QUILLON", B(EntityLabel::Per)),
                    ("AND", O),
                    ("U.N.", B(EntityLabel::Org)),
                    ("MEET", O),
                    ("Ostravian", B(EntityLabel::Misc)),
                    ("Bank", B(EntityLabel::Org)),
                    ("of", I(EntityLabel::Org)),
                    ("Ostravia", I(EntityLabel::Org)),
                ]),
            ],
        }
    }

    #[test]
    fn entity_words_are_replaced_and_the_rest_kept() {
        let original = doc();
        let copy = substitute_names(&original, 7, 100, &|_| false);
        assert_eq!(copy.sentences.len(), 2);
        for (a, b) in original.sentences.iter().zip(&copy.sentences) {
            assert_eq!(a.tags, b.tags, "labels unchanged");
            assert_eq!(a.words.len(), b.words.len());
        }
        let first = &copy.sentences[0].words;
        let second = &copy.sentences[1].words;
        for (k, w) in original.sentences[0].words.iter().enumerate() {
            let replaced = ["Marta", "Quillon", "Trelby", "Ostravia"].contains(&w.as_str());
            assert_eq!(first[k] != *w, replaced, "{w} -> {}", first[k]);
        }
        // Head words, joiners and abbreviations with periods keep their form.
        assert_eq!(first[4], "Corp");
        assert_eq!(second[2], "U.N.");
        // Acronyms stay acronyms of their length.
        let acronym = substitute_names(
            &ConllDocument {
                sentences: vec![sentence(&[("NATO", Bio::B(EntityLabel::Org))])],
            },
            7,
            100,
            &|_| false,
        );
        let word = &acronym.sentences[0].words[0];
        assert!(
            word.len() == 4 && word.chars().all(|c| c.is_ascii_uppercase()),
            "{word}"
        );
        assert_ne!(word, "NATO");
        assert_eq!(second[5], "Bank");
        assert_eq!(second[6], "of");
        // Capitalisation follows the original; one word, one replacement in a document.
        assert!(first[0].chars().next().is_some_and(char::is_uppercase));
        assert!(
            first[0].chars().skip(1).all(char::is_lowercase),
            "{}",
            first[0]
        );
        assert_eq!(second[0], first[1].to_uppercase());
        assert_eq!(second[7], first[7]);
        // Suffix cues survive.
        assert!(first[7].ends_with("ia"), "{}", first[7]);
        assert!(second[4].ends_with("ian"), "{}", second[4]);
    }

    #[test]
    fn substitution_is_deterministic_and_seeded() {
        let original = doc();
        let a = substitute_names(&original, 7, 100, &|_| false);
        let b = substitute_names(&original, 7, 100, &|_| false);
        let c = substitute_names(&original, 8, 100, &|_| false);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn known_words_are_avoided() {
        let original = doc();
        let free = substitute_names(&original, 7, 100, &|_| false);
        let taken = free.sentences[0].words[0].clone();
        let avoided = substitute_names(&original, 7, 100, &|w| w == taken);
        assert_ne!(avoided.sentences[0].words[0], taken);
    }
}
