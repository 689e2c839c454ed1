//! Near-duplicate detection for syndication: the same wire text republished (often edited) by
//! several outlets must count as one source.
//!
//! Texts are reduced to sets of hashed word 5-gram shingles (folded words, so case and accents
//! do not matter). Candidate pairs come from MinHash signatures with LSH banding (16 bands × 4
//! rows: a pair with Jaccard 0.5 collides in at least one band with probability ≈ 0.65, at 0.7
//! with ≈ 0.98), and every candidate is verified on the exact shingle sets, so reported
//! figures are exact, never estimates. Containment (overlap over the smaller set) catches the
//! common case of an outlet cutting a wire story short or adding paragraphs of its own.
//!
//! The same machinery runs on paragraphs to list the passages two documents share.
use crate::text::{fnv1a, fold, paragraphs, words};
use crate::union_find::UnionFind;
use rustc_hash::FxHashMap;
use triangulate_doc::Span;

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
const NUM_HASHES: usize = 64;
const BAND_ROWS: usize = 4;

/// Thresholds for calling two texts copies of one another.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NearDupThresholds {
    /// Minimum Jaccard of the shingle sets.
    pub jaccard: f32,
    /// Minimum containment (overlap / smaller set), an alternative to `jaccard`.
    pub containment: f32,
    /// Texts with fewer shingles than this are never compared (too short to tell).
    pub min_shingles: usize,
}

impl NearDupThresholds {
    /// Whole articles: the thresholds the shared clustering data set uses for its near-duplicate
    /// list (Jaccard ≥ 0.5 or containment ≥ 0.8).
    pub const ARTICLE: NearDupThresholds = NearDupThresholds {
        jaccard: 0.5,
        containment: 0.8,
        min_shingles: 10,
    };
    /// Paragraphs: a paragraph reused with light edits.
    pub const PARAGRAPH: NearDupThresholds = NearDupThresholds {
        jaccard: 0.5,
        containment: 0.9,
        min_shingles: 4,
    };
}

/// A verified pair of near-duplicate units (indexes into the input slice, `a < b`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NearDupPair {
    pub a: usize,
    pub b: usize,
    pub jaccard: f32,
    pub containment: f32,
}

/// Sorted, deduplicated hashed word 5-gram shingles of `text`.
pub fn shingles(text: &str) -> Vec<u64> {
    let folded: Vec<String> = words(text).map(|w| fold(w.text)).collect();
    let mut out: Vec<u64> = folded
        .windows(SHINGLE_WORDS)
        .map(|win| {
            let mut h = 0u64;
            for w in win {
                h = (h.rotate_left(5) ^ fnv1a(w.as_bytes())).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            }
            h
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Size of the intersection of two sorted, deduplicated sets.
fn intersection_len(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard and containment of two shingle sets.
pub fn overlap(a: &[u64], b: &[u64]) -> (f32, f32) {
    let inter = intersection_len(a, b);
    let union = a.len() + b.len() - inter;
    let smaller = a.len().min(b.len());
    if union == 0 || smaller == 0 {
        return (0.0, 0.0);
    }
    (inter as f32 / union as f32, inter as f32 / smaller as f32)
}

fn mix(mut x: u64) -> u64 {
    // splitmix64 finaliser: turns one shingle hash into independent-looking hash functions.
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn minhash(set: &[u64]) -> [u64; NUM_HASHES] {
    let mut sig = [u64::MAX; NUM_HASHES];
    for &s in set {
        for (k, slot) in sig.iter_mut().enumerate() {
            let h = mix(s ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if h < *slot {
                *slot = h;
            }
        }
    }
    sig
}

/// All verified near-duplicate pairs among `sets` (shingle sets from [`shingles`]).
///
/// `allowed(a, b)` filters candidate pairs before verification (e.g. "not the same document").
pub fn near_duplicate_pairs(
    sets: &[Vec<u64>],
    thresholds: NearDupThresholds,
    mut allowed: impl FnMut(usize, usize) -> bool,
) -> Vec<NearDupPair> {
    let mut buckets: FxHashMap<(usize, u64), Vec<usize>> = FxHashMap::default();
    for (i, set) in sets.iter().enumerate() {
        if set.len() < thresholds.min_shingles {
            continue;
        }
        let sig = minhash(set);
        for (band, rows) in sig.chunks(BAND_ROWS).enumerate() {
            let key = rows.iter().fold(0u64, |h, &r| mix(h ^ r));
            buckets.entry((band, key)).or_default().push(i);
        }
    }
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for members in buckets.values() {
        for (x, &a) in members.iter().enumerate() {
            for &b in members.get(x + 1..).unwrap_or_default() {
                candidates.push((a.min(b), a.max(b)));
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates
        .into_iter()
        .filter(|&(a, b)| allowed(a, b))
        .filter_map(|(a, b)| {
            let (jaccard, containment) = overlap(&sets[a], &sets[b]);
            (jaccard >= thresholds.jaccard || containment >= thresholds.containment).then_some(
                NearDupPair {
                    a,
                    b,
                    jaccard,
                    containment,
                },
            )
        })
        .collect()
}

/// A paragraph of one document found again (near-identical) in another.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParagraphMatch {
    /// Index of the first document in the input slice and the paragraph's span in it.
    pub doc_a: usize,
    pub span_a: Span,
    pub doc_b: usize,
    pub span_b: Span,
    pub jaccard: f32,
}

/// Paragraphs shared between different documents of `texts`.
pub fn shared_paragraphs(texts: &[&str]) -> Vec<ParagraphMatch> {
    let mut owners: Vec<(usize, Span)> = Vec::new();
    let mut sets: Vec<Vec<u64>> = Vec::new();
    for (d, text) in texts.iter().enumerate() {
        for span in paragraphs(text) {
            let Some(piece) = span.text(text) else {
                continue;
            };
            owners.push((d, span));
            sets.push(shingles(piece));
        }
    }
    near_duplicate_pairs(&sets, NearDupThresholds::PARAGRAPH, |a, b| {
        owners[a].0 != owners[b].0
    })
    .into_iter()
    .map(|p| ParagraphMatch {
        doc_a: owners[p.a].0,
        span_a: owners[p.a].1,
        doc_b: owners[p.b].0,
        span_b: owners[p.b].1,
        jaccard: p.jaccard,
    })
    .collect()
}

/// One paragraph found in several documents: every copy, as (index in the input slice, span),
/// in input order, and the lowest word 5-gram Jaccard among the matched pairs.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedParagraph {
    pub copies: Vec<(usize, Span)>,
    pub jaccard: f32,
}

/// Paragraphs shared between different documents of `texts`, each listed once with all its
/// copies: the pairwise matches of [`shared_paragraphs`] joined through the paragraphs they
/// have in common. A wire story republished k times gives one entry per paragraph with k
/// copies, not k(k−1)/2 pairs, so a report lists it in space linear in k.
pub fn shared_paragraph_groups(texts: &[&str]) -> Vec<SharedParagraph> {
    let matches = shared_paragraphs(texts);
    let mut index: FxHashMap<(usize, usize, usize), usize> = FxHashMap::default();
    let mut copies: Vec<(usize, Span)> = Vec::new();
    let mut node = |doc: usize, span: Span| -> usize {
        *index.entry((doc, span.start, span.end)).or_insert_with(|| {
            copies.push((doc, span));
            copies.len() - 1
        })
    };
    let edges: Vec<(usize, usize, f32)> = matches
        .iter()
        .map(|m| (node(m.doc_a, m.span_a), node(m.doc_b, m.span_b), m.jaccard))
        .collect();
    let mut components = UnionFind::new(copies.len());
    for &(a, b, _) in &edges {
        components.union(a, b);
    }
    let mut lowest: FxHashMap<usize, f32> = FxHashMap::default();
    for &(a, _, jaccard) in &edges {
        let slot = lowest.entry(components.find(a)).or_insert(jaccard);
        *slot = slot.min(jaccard);
    }
    // Every copy came from a match, so every set has two copies or more.
    let mut groups: Vec<SharedParagraph> = components
        .components()
        .into_iter()
        .map(|set| {
            let root = set.first().copied().unwrap_or_default();
            let mut members: Vec<(usize, Span)> =
                set.iter().filter_map(|&i| copies.get(i).copied()).collect();
            members.sort_by_key(|&(doc, span)| (doc, span.start, span.end));
            SharedParagraph {
                copies: members,
                jaccard: lowest.get(&root).copied().unwrap_or(1.0),
            }
        })
        .collect();
    groups.sort_by_key(|g| g.copies.first().map(|&(doc, span)| (doc, span.start)));
    groups
}

/// Canonical form of an agency or outlet name for comparing credits ("The Nordwire" =
/// "NORDWIRE" = "Nordwire news agency").
pub fn agency_key(name: &str) -> String {
    let folded = fold(name);
    let parts: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "the" | "news" | "agency" | "service"))
        .collect();
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Ministers of Arvenia and Brosk signed a border accord on Tuesday in the \
        harbour city of Lune, ending a dispute that had lasted eleven years. The accord opens \
        three crossings and sets up a joint commission on fishing rights in the Kell estuary.";

    #[test]
    fn edited_copy_is_a_near_duplicate_and_other_text_is_not() {
        let edited = format!("{WIRE} The Lune Courier could not reach the commission for comment.");
        let other = "The Arvenian football league postponed Saturday's matches after heavy snow \
            fell across the north of the country, officials of the league said on Friday.";
        let sets: Vec<Vec<u64>> = [WIRE, edited.as_str(), other]
            .iter()
            .map(|t| shingles(t))
            .collect();
        let pairs = near_duplicate_pairs(&sets, NearDupThresholds::ARTICLE, |_, _| true);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!((pairs[0].a, pairs[0].b), (0, 1));
        assert!(pairs[0].containment > 0.99);
        assert!(pairs[0].jaccard < 1.0);
    }

    #[test]
    fn shared_paragraph_found_with_spans() {
        let a = format!("Own intro written by the Courier about the summit today.\n{WIRE}");
        let b = format!("{WIRE}\nA different closing paragraph by the Herald on its own.");
        let matches = shared_paragraphs(&[a.as_str(), b.as_str()]);
        assert_eq!(matches.len(), 1);
        let m = matches[0];
        assert_eq!(&a[m.span_a.range()], WIRE);
        assert_eq!(&b[m.span_b.range()], WIRE);
    }

    #[test]
    fn a_paragraph_in_many_copies_is_listed_once_with_every_copy() {
        let closing = "Talks resume in Varn next week, the ministry of the Esterian coast said on its website.";
        let copies: Vec<String> = ["Courier", "Herald", "Sentinel", "Ledger", "Gazette"]
            .iter()
            .map(|outlet| format!("{WIRE}\n{closing}\nReporting by the {outlet} desk."))
            .collect();
        let texts: Vec<&str> = copies.iter().map(String::as_str).collect();
        // Pairwise: 2 paragraphs x 10 pairs of copies.
        assert_eq!(shared_paragraphs(&texts).len(), 20);
        let groups = shared_paragraph_groups(&texts);
        assert_eq!(groups.len(), 2, "{groups:?}");
        for (group, paragraph) in groups.iter().zip([WIRE, closing]) {
            let docs: Vec<usize> = group.copies.iter().map(|&(doc, _)| doc).collect();
            assert_eq!(docs, vec![0, 1, 2, 3, 4]);
            for &(doc, span) in &group.copies {
                assert_eq!(&copies[doc][span.range()], paragraph);
            }
            assert_eq!(group.jaccard, 1.0);
        }
    }

    #[test]
    fn agency_names_compare_loosely() {
        assert_eq!(
            agency_key("The Nordwire News Agency"),
            agency_key("NORDWIRE")
        );
    }
}
