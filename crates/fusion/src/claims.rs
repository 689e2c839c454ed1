//! Claims (statements and every document making them), corroboration counts, quote variants
//! and contradictions.
//!
//! A statement is a sentence reduced to a set of *lemmas*: content words folded, stemmed and
//! mapped through a small paraphrase lexicon ([`PARAPHRASES`]: "pact" = "agreement" = "accord",
//! "directed" = "aimed" = "target", "state" = "country", "third" = "other"), plus its polarity
//! (negated or not) and its typed values ([`crate::values`]). Numbers are left out of the lemma
//! set on purpose: statements that disagree on a number must still align, or the disagreement
//! could never be found. Two statements of different documents are the same claim when their
//! similarity — 0.7 × the mean of Jaccard and containment of the lemma sets (containment, so
//! that "the prime minister said" around a statement does not hide it) + 0.3 × Dice of
//! character trigrams (catching spelling and inflection variants the lexicon misses) — reaches
//! [`crate::FusionOptions::claim_similarity`] and their polarity agrees.
//!
//! Within a claim, typed values are compared across independent sources: year sets that
//! neither contain the other, the same years tied to different things (a swapped pair), and
//! quantities of one unit that disagree beyond their approximators, standing in the same role
//! (a context word in common: "killed 12 people" vs "killed 15 people"), are conflicts. Durations are
//! normalised, so "20 years" and "two decades" agree. Different kinds of value (a year against a
//! duration: "since 2005" vs "20 years") are never compared.
//!
//! Every statement is a claim, also when only one independent source makes it: such a claim is
//! marked `single_source` and ranked below every corroborated one. A long story has hundreds of
//! such sentences, so they are ranked by salience (named things, numbers and dates in the
//! sentence, and how early it comes in its document) and capped per story
//! ([`crate::FusionOptions::max_single_source_claims`]); the story says how many were left out.
use crate::analyze::{IdCounters, Prepared};
use crate::entities::MentionIndex;
use crate::input::FusionOptions;
use crate::model::*;
use crate::negation::{self, Negation};
use crate::text::{display, fold, is_stop_word, stem, words};
use crate::values::{in_sentence, Value, ValueKind};
use rustc_hash::{FxHashMap, FxHashSet};
use triangulate_doc::{PartialDate, Span};
use triangulate_quotes::QuoteKind;

/// The built-in paraphrase lexicon: each row's words share one lemma (the first). Kept small
/// and general (news verbs and nouns whose synonyms outlets swap when rewriting copy).
pub const PARAPHRASES: &[&[&str]] = &[
    &[
        "pact",
        "agreement",
        "accord",
        "treaty",
        "deal",
        "agreements",
        "accords",
        "treaties",
        "deals",
        "pacts",
    ],
    &[
        "target", "direct", "directed", "aim", "aimed", "aimed", "targeted", "targets", "aims",
    ],
    &[
        "country",
        "state",
        "nation",
        "countries",
        "states",
        "nations",
    ],
    &["other", "third", "another"],
    &[
        "sign",
        "signed",
        "signing",
        "ink",
        "inked",
        "conclude",
        "concluded",
    ],
    &["visit", "trip", "visits", "trips"],
    &["border", "frontier", "borders", "frontiers"],
    &["crossing", "checkpoint", "crossings", "checkpoints", "pass"],
    &["dispute", "row", "quarrel", "feud", "disputes"],
    &["reopen", "reopens", "reopened", "reopening"],
    &["kill", "killed", "dead", "died", "die", "deaths", "death"],
    &["arrest", "arrested", "detain", "detained"],
    &["minister", "ministers"],
    &["sour", "soured", "poison", "poisoned", "strain", "strained"],
    &["begin", "began", "begun", "start", "started", "starts"],
    &["end", "ended", "ending", "ends", "settle", "settled"],
    &["cooperation", "co-operation", "collaboration"],
    &["quota", "quotas"],
    &[
        "confirm",
        "confirmed",
        "confirms",
        "confirming",
        "admit",
        "admitted",
        "admits",
        "acknowledge",
        "acknowledged",
        "acknowledges",
    ],
    &[
        "approve",
        "approved",
        "approves",
        "approving",
        "accept",
        "accepted",
        "accepts",
        "endorse",
        "endorsed",
        "endorses",
    ],
    &[
        "commission",
        "commissions",
        "committee",
        "committees",
        "body",
    ],
];

/// Lemma of a folded word: paraphrase class, else its stem.
pub fn lemma(folded: &str) -> String {
    let stemmed = stem(folded);
    for row in PARAPHRASES {
        if row.contains(&folded) || row.contains(&stemmed) {
            if let Some(first) = row.first() {
                return (*first).to_string();
            }
        }
    }
    stemmed.to_string()
}

/// A sentence prepared for comparison.
struct StatementFeatures {
    doc: usize,
    span: Span,
    lemmas: FxHashSet<String>,
    trigrams: FxHashSet<[char; 3]>,
    negated: bool,
    negations: Vec<Negation>,
    /// The words in order, for finding a negated phrase in this sentence.
    sequence: negation::LemmaSequence,
    values: Vec<Value>,
}

fn features(doc: usize, p: &Prepared<'_>, span: Span) -> Option<StatementFeatures> {
    let sentence = span.text(p.text)?;
    let mut lemmas = FxHashSet::default();
    let polarity = negation::polarity(sentence, span.start, lemma);
    let mut letters = String::new();
    for w in words(sentence) {
        let f = fold(w.text);
        if negation::is_negation_word(&f) {
            continue;
        }
        if f.chars().any(|c| c.is_ascii_digit()) || f.len() < 2 || is_stop_word(&f) {
            continue;
        }
        // A denial verb stands for what it denies ("denied" as "confirm").
        let l = match negation::denial(&f) {
            Some(denied) => denied.to_string(),
            None => lemma(&f),
        };
        letters.push_str(&l);
        letters.push(' ');
        lemmas.insert(l);
    }
    let chars: Vec<char> = letters.chars().collect();
    let trigrams = chars
        .windows(3)
        .filter_map(|w| <[char; 3]>::try_from(w).ok())
        .collect();
    Some(StatementFeatures {
        doc,
        span,
        lemmas,
        trigrams,
        negated: polarity.negated,
        negations: polarity.negations,
        sequence: negation::lemma_sequence(sentence, span.start, lemma),
        values: in_sentence(p.text, span, &p.quantities),
    })
}

fn similarity(a: &StatementFeatures, b: &StatementFeatures) -> f32 {
    let inter = a.lemmas.intersection(&b.lemmas).count() as f32;
    let union = (a.lemmas.len() + b.lemmas.len()) as f32 - inter;
    let jaccard = if union > 0.0 { inter / union } else { 0.0 };
    let smaller = a.lemmas.len().min(b.lemmas.len()) as f32;
    let containment = if smaller > 0.0 { inter / smaller } else { 0.0 };
    let tri_inter = a.trigrams.intersection(&b.trigrams).count() as f32;
    let tri_total = (a.trigrams.len() + b.trigrams.len()) as f32;
    let dice = if tri_total > 0.0 {
        2.0 * tri_inter / tri_total
    } else {
        0.0
    };
    0.7 * (0.5 * jaccard + 0.5 * containment) + 0.3 * dice
}

/// A claim in the making: statement indexes with their similarity to the first one.
type Group = Vec<(usize, f32)>;

/// Statements need this many lemmas to be compared (short fragments match anything).
const MIN_LEMMAS: usize = 3;

/// A lemma that more earlier statements of the story have than this is not used to find
/// candidates: in a story that large it names nothing in particular ("say", the country), and
/// walking its postings for every statement would make grouping quadratic in the story's size.
/// Stories below it (every story of the example corpus and the ECB+ dev set) are unaffected.
const MAX_LEMMA_POSTINGS: usize = 2048;

/// Earlier statements sharing lemmas with `lemmas`, with how many they share; lemmas whose
/// postings are longer than `max_postings` are skipped.
fn shared_lemma_counts(
    index: &FxHashMap<&str, Vec<usize>>,
    lemmas: &FxHashSet<String>,
    max_postings: usize,
) -> FxHashMap<usize, usize> {
    let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
    for l in lemmas {
        let postings = index.get(l.as_str()).map(Vec::as_slice).unwrap_or_default();
        if postings.len() > max_postings {
            continue;
        }
        for &j in postings {
            *shared.entry(j).or_default() += 1;
        }
    }
    shared
}

/// Group the sentences of a story's documents into claims and find conflicts within them.
pub(crate) fn build_claims(
    docs: &[&Prepared<'_>],
    opts: &FusionOptions,
    ids: &mut IdCounters,
) -> BuiltClaims {
    let statements: Vec<StatementFeatures> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, p)| p.sentences.iter().filter_map(move |&s| features(d, p, s)))
        .filter(|s| s.lemmas.len() >= MIN_LEMMAS)
        .collect();
    // Candidate retrieval through an inverted index over lemmas (no all-pairs).
    let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut claim_of: Vec<Option<usize>> = vec![None; statements.len()];
    let mut groups: Vec<Group> = Vec::new();
    for (i, s) in statements.iter().enumerate() {
        let best = shared_lemma_counts(&index, &s.lemmas, MAX_LEMMA_POSTINGS)
            .into_iter()
            .filter(|&(_, n)| n >= 2)
            .filter_map(|(j, _)| {
                let other = statements.get(j)?;
                if other.doc == s.doc || other.negated != s.negated {
                    return None;
                }
                let g = claim_of.get(j).copied().flatten()?;
                // One statement per document per claim.
                let taken = groups
                    .get(g)?
                    .iter()
                    .any(|&(k, _)| statements.get(k).is_some_and(|t| t.doc == s.doc));
                (!taken).then(|| (g, similarity(s, other)))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let g = match best {
            Some((g, sim)) if sim >= opts.claim_similarity => {
                if let Some(group) = groups.get_mut(g) {
                    group.push((i, sim));
                }
                g
            }
            _ => {
                groups.push(vec![(i, 1.0)]);
                groups.len() - 1
            }
        };
        if let Some(slot) = claim_of.get_mut(i) {
            *slot = Some(g);
        }
        for l in &s.lemmas {
            index.entry(l.as_str()).or_default().push(i);
        }
    }

    let source_of = |i: usize| -> Option<&str> {
        statements
            .get(i)
            .and_then(|s| docs.get(s.doc))
            .map(|p| p.source.as_str())
    };
    let source_count = |g: &Group| -> usize {
        g.iter()
            .filter_map(|&(i, _)| source_of(i))
            .collect::<FxHashSet<_>>()
            .len()
    };
    let opposed = opposed_groups(&statements, &index, &claim_of, docs, opts);
    let in_conflict: FxHashSet<usize> = opposed.iter().flat_map(|&(a, b)| [a, b]).collect();

    let (mut kept, single): (Vec<usize>, Vec<usize>) =
        (0..groups.len()).partition(|&g| groups.get(g).is_some_and(|g| source_count(g) >= 2));
    kept.sort_by_key(|&g| {
        let group = groups.get(g);
        (
            std::cmp::Reverse(group.map_or(0, source_count)),
            std::cmp::Reverse(group.map_or(0, Vec::len)),
        )
    });
    // Single-source statements: those in a conflict first (a conflict must be able to name its
    // claims), then the most salient, capped per story.
    let salience_of = |g: usize| -> f32 {
        let Some(group) = groups.get(g) else {
            return 0.0;
        };
        group
            .first()
            .and_then(|&(i, _)| statements.get(i))
            .and_then(|s| {
                docs.get(s.doc)
                    .map(|p| salience(p, s) + 0.5 * (group.len() - 1) as f32)
            })
            .unwrap_or(0.0)
    };
    let mut single_scored: Vec<(bool, f32, usize)> = single
        .into_iter()
        .map(|g| (in_conflict.contains(&g), salience_of(g), g))
        .collect();
    // Stable: equal salience keeps document order.
    single_scored.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
    let cap = opts
        .max_single_source_claims
        .max(single_scored.iter().filter(|s| s.0).count());
    let omitted = single_scored.len().saturating_sub(cap);
    single_scored.truncate(cap);
    kept.extend(single_scored.into_iter().map(|(_, _, g)| g));

    let mut claims = Vec::new();
    let mut conflicts = Vec::new();
    let mut claim_id_of: FxHashMap<usize, String> = FxHashMap::default();
    for g in kept {
        let Some(group) = groups.get(g) else { continue };
        let id = ids.next("claim");
        claim_id_of.insert(g, id.clone());
        let mut sources: Vec<String> = Vec::new();
        let mut out_statements = Vec::new();
        for &(i, sim) in group {
            let Some(s) = statements.get(i) else { continue };
            let Some(p) = docs.get(s.doc) else { continue };
            if !sources.contains(&p.source) {
                sources.push(p.source.clone());
            }
            out_statements.push(Statement {
                evidence: p.evidence(s.span),
                source: p.source.clone(),
                negated: s.negated,
                similarity: sim,
            });
        }
        let members: Vec<&StatementFeatures> = group
            .iter()
            .filter_map(|&(i, _)| statements.get(i))
            .collect();
        conflicts.extend(find_conflicts(Some(&id), &members, docs, ids));
        claims.push(Claim {
            id,
            text: out_statements
                .first()
                .map(|s| s.evidence.text.clone())
                .unwrap_or_default(),
            statements: out_statements,
            corroboration: sources.len(),
            single_source: sources.len() == 1,
            sources,
        });
    }
    let aligned = value_aligned_conflicts(&statements, docs, ids, &conflicts);
    conflicts.extend(aligned);
    for &(affirming, denying) in &opposed {
        if let Some(c) = negation_conflict(
            (affirming, denying),
            &groups,
            &statements,
            docs,
            &claim_id_of,
            ids,
        ) {
            conflicts.push(c);
        }
    }
    for conflict in &mut conflicts {
        conflict.later_side = later_side(&conflict.sides);
    }
    BuiltClaims {
        claims,
        conflicts,
        single_source_omitted: omitted,
    }
}

/// The side that only later reports take (see [`Conflict::later_side`]).
fn later_side(sides: &[ConflictSide]) -> Option<usize> {
    let ranges: Vec<DateRange> = sides.iter().map(|s| s.published).collect::<Option<_>>()?;
    (0..ranges.len()).find(|&i| {
        ranges
            .iter()
            .enumerate()
            .all(|(k, other)| k == i || other.last < ranges[i].first)
    })
}

/// Pairs of claims (affirming group, denying group) that say the same thing with opposite
/// polarity, from different independent sources ([`crate::negation`]). Candidates come from
/// the lemma index, as for grouping; they must reach [`NEGATION_SIMILARITY`] (or the claim bar,
/// if lower) and the negation's own words must be contradicted, which is the stricter test.
fn opposed_groups(
    statements: &[StatementFeatures],
    index: &FxHashMap<&str, Vec<usize>>,
    claim_of: &[Option<usize>],
    docs: &[&Prepared<'_>],
    opts: &FusionOptions,
) -> Vec<(usize, usize)> {
    let bar = opts.claim_similarity.min(NEGATION_SIMILARITY);
    let source = |s: &StatementFeatures| docs.get(s.doc).map(|p| p.source.as_str());
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, neg) in statements.iter().enumerate() {
        if !neg.negated || !neg.negations.iter().any(|n| n.strong) {
            continue;
        }
        let mut candidates: Vec<usize> =
            shared_lemma_counts(index, &neg.lemmas, MAX_LEMMA_POSTINGS)
                .into_iter()
                .filter(|&(_, n)| n >= 2)
                .map(|(j, _)| j)
                .collect();
        candidates.sort_unstable();
        for j in candidates {
            let Some(pos) = statements.get(j) else {
                continue;
            };
            if pos.negated
                || source(pos) == source(neg)
                || similarity(neg, pos) < bar
                || negation::contradicted(&neg.negations, &pos.sequence).is_none()
            {
                continue;
            }
            let (Some(Some(gp)), Some(Some(gn))) = (claim_of.get(j), claim_of.get(i)) else {
                continue;
            };
            if !pairs.contains(&(*gp, *gn)) {
                pairs.push((*gp, *gn));
            }
        }
    }
    pairs
}

/// Minimum similarity for statements of opposite polarity to be taken as one statement, one
/// side denying what the other affirms. Lower than the claim bar: a denial is often short and
/// attributed ("the pact does not cover energy, officials said"), and the scope test of
/// [`negation::contradicted`] carries the precision.
const NEGATION_SIMILARITY: f32 = 0.4;

/// "Tarn discounted rumors that he was the informant" says the words without asserting them.
fn affirms_only_as_hearsay(pos: &StatementFeatures, said: Span, docs: &[&Prepared<'_>]) -> bool {
    docs.get(pos.doc)
        .and_then(|p| pos.span.text(p.text))
        .is_some_and(|sentence| negation::is_hearsay(sentence, pos.span.start, said))
}

/// The conflict between an affirming and a denying claim: both sides with their sources and
/// sentences; the values are the words as written ("covers energy" vs "does not cover
/// energy").
fn negation_conflict(
    (affirming, denying): (usize, usize),
    groups: &[Group],
    statements: &[StatementFeatures],
    docs: &[&Prepared<'_>],
    claim_id_of: &FxHashMap<usize, String>,
    ids: &mut IdCounters,
) -> Option<Conflict> {
    let members = |g: usize| -> Vec<&StatementFeatures> {
        groups
            .get(g)
            .map(|group| {
                group
                    .iter()
                    .filter_map(|&(i, _)| statements.get(i))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (yes, no) = (members(affirming), members(denying));
    // The first pair that shows the contradiction gives the words for both sides.
    let (pos, neg, negation, said) = yes.iter().find_map(|pos| {
        no.iter().find_map(|neg| {
            negation::contradicted(&neg.negations, &pos.sequence)
                .filter(|(_, said)| !affirms_only_as_hearsay(pos, *said, docs))
                .map(|(n, said)| (*pos, *neg, n, said))
        })
    })?;
    let (pos_doc, neg_doc) = (docs.get(pos.doc)?, docs.get(neg.doc)?);
    let affirmed = display(pos_doc.text, said);
    let denied = display(neg_doc.text, negation.phrase);
    let yes_refs: Vec<&&StatementFeatures> = yes.iter().collect();
    let no_refs: Vec<&&StatementFeatures> = no.iter().collect();
    Some(Conflict {
        id: ids.next("conflict"),
        claim: claim_id_of.get(&affirming).cloned(),
        opposing_claim: claim_id_of.get(&denying).cloned(),
        kind: ConflictKind::Negation,
        summary: format!("{affirmed} vs {denied}"),
        sides: vec![
            side(affirmed, &yes_refs, docs),
            side(denied, &no_refs, docs),
        ],
        later_side: None,
    })
}

/// The claims and conflicts of one story.
pub(crate) struct BuiltClaims {
    pub claims: Vec<Claim>,
    pub conflicts: Vec<Conflict>,
    /// Single-source claims left out by the cap.
    pub single_source_omitted: usize,
}

/// How much a statement says about the story, for ranking single-source claims: named things
/// in it (up to three), its numbers and dates (up to two), and how early it comes in its
/// document (news leads with what matters).
fn salience(p: &Prepared<'_>, s: &StatementFeatures) -> f32 {
    let names = p
        .entities
        .iter()
        .filter(|e| s.span.contains(e.span))
        .count()
        .min(3) as f32;
    let dates = p.timexes.iter().filter(|t| s.span.contains(t.span)).count();
    let specifics = (s.values.len() + dates).min(2) as f32;
    let position = p.sentences.partition_point(|x| x.start < s.span.start) as f32;
    names + 0.5 * specifics + 2.0 / (1.0 + position)
}

/// Statements worded differently can still state the same dated facts: "accords signed in
/// 1987, 1994 and 2002" inside unrelated sentences. Statements of different sources that share
/// two or more years, with a shared context word for one of them, are aligned on those values,
/// and their years are compared as within a claim.
fn value_aligned_conflicts(
    statements: &[StatementFeatures],
    docs: &[&Prepared<'_>],
    ids: &mut IdCounters,
    known: &[Conflict],
) -> Vec<Conflict> {
    let dated: Vec<usize> = (0..statements.len())
        .filter(|&i| statements.get(i).is_some_and(|s| years(s).len() >= 2))
        .collect();
    let mut uf = crate::union_find::UnionFind::new(dated.len());
    for (x, &i) in dated.iter().enumerate() {
        for (y, &j) in dated.iter().enumerate().skip(x + 1) {
            let (Some(a), Some(b)) = (statements.get(i), statements.get(j)) else {
                continue;
            };
            if a.doc == b.doc {
                continue;
            }
            let ya = years(a);
            let shared: Vec<i64> = years(b).into_iter().filter(|v| ya.contains(v)).collect();
            let context_shared = a
                .values
                .iter()
                .filter(|v| v.kind == ValueKind::Year && shared.contains(&(v.amount as i64)))
                .any(|va| {
                    b.values.iter().any(|vb| {
                        vb.kind == ValueKind::Year
                            && va.context.iter().any(|l| vb.context.contains(l))
                    })
                });
            if shared.len() >= 2 && context_shared {
                uf.union(x, y);
            }
        }
    }
    let mut out = Vec::new();
    for set in uf.components() {
        let members: Vec<&StatementFeatures> = set
            .iter()
            .filter_map(|&x| dated.get(x).and_then(|&i| statements.get(i)))
            .collect();
        if members.len() < 2 {
            continue;
        }
        for c in find_conflicts(None, &members, docs, ids) {
            if c.kind == ConflictKind::Quantity {
                continue;
            }
            let values: FxHashSet<&str> = c.sides.iter().map(|s| s.value.as_str()).collect();
            let duplicate = known.iter().chain(out.iter()).any(|k: &Conflict| {
                k.kind == c.kind
                    && k.sides
                        .iter()
                        .map(|s| s.value.as_str())
                        .collect::<FxHashSet<_>>()
                        == values
            });
            if !duplicate {
                out.push(c);
            }
        }
    }
    out
}

/// One side of a value comparison: the rendered values and the statements holding them.
fn side(value: String, members: &[&&StatementFeatures], docs: &[&Prepared<'_>]) -> ConflictSide {
    let mut sources: Vec<String> = Vec::new();
    let mut evidence = Vec::new();
    let mut dates: Vec<Option<PartialDate>> = Vec::new();
    for s in members {
        if let Some(p) = docs.get(s.doc) {
            if !sources.contains(&p.source) {
                sources.push(p.source.clone());
            }
            evidence.push(p.evidence(s.span));
            dates.push(p.published.filter(PartialDate::is_complete));
        }
    }
    let published = dates
        .into_iter()
        .collect::<Option<Vec<PartialDate>>>()
        .and_then(|dates| {
            Some(DateRange {
                first: *dates.iter().min()?,
                last: *dates.iter().max()?,
            })
        });
    ConflictSide {
        value,
        sources,
        evidence,
        published,
    }
}

fn years(s: &StatementFeatures) -> Vec<i64> {
    let mut y: Vec<i64> = s
        .values
        .iter()
        .filter(|v| v.kind == ValueKind::Year)
        .map(|v| v.amount as i64)
        .collect();
    y.sort_unstable();
    y.dedup();
    y
}

fn find_conflicts(
    claim: Option<&str>,
    members: &[&StatementFeatures],
    docs: &[&Prepared<'_>],
    ids: &mut IdCounters,
) -> Vec<Conflict> {
    let mut out = Vec::new();
    let source_of = |s: &StatementFeatures| {
        docs.get(s.doc)
            .map(|p| p.source.clone())
            .unwrap_or_default()
    };

    // Year sets of the same size that differ in years standing in the same role (sharing a
    // context word): "signed in 1987, 1994 and 2002" vs "signed in 1987, 1994 and 2012". Sets
    // of different sizes list different things, and a year said of something else ("the
    // dispute erupted in 2001") is no rival to a signing year.
    let mut by_years: Vec<(Vec<i64>, Vec<&&StatementFeatures>)> = Vec::new();
    for s in members {
        let y = years(s);
        if y.is_empty() {
            continue;
        }
        match by_years.iter_mut().find(|(k, _)| *k == y) {
            Some((_, v)) => v.push(s),
            None => by_years.push((y, vec![s])),
        }
    }
    let rivals = |x: &StatementFeatures, y: &StatementFeatures| -> bool {
        let (yx, yy) = (years(x), years(y));
        if yx.len() != yy.len() || yx == yy {
            return false;
        }
        let only = |s: &StatementFeatures, other: &[i64]| -> Vec<Value> {
            s.values
                .iter()
                .filter(|v| v.kind == ValueKind::Year && !other.contains(&(v.amount as i64)))
                .cloned()
                .collect()
        };
        let (ox, oy) = (only(x, &yy), only(y, &yx));
        !ox.is_empty()
            && ox.iter().all(|a| {
                oy.iter()
                    .any(|b| a.context.iter().any(|l| b.context.contains(l)))
            })
    };
    let mut clashing: Vec<usize> = Vec::new();
    for (i, (_, sa)) in by_years.iter().enumerate() {
        for (j, (_, sb)) in by_years.iter().enumerate().skip(i + 1) {
            let clash = sa.iter().any(|x| {
                sb.iter()
                    .any(|y| source_of(x) != source_of(y) && rivals(x, y))
            });
            if clash {
                for k in [i, j] {
                    if !clashing.contains(&k) {
                        clashing.push(k);
                    }
                }
            }
        }
    }
    clashing.sort_unstable();
    let by_years_clashing: Vec<&(Vec<i64>, Vec<&&StatementFeatures>)> =
        clashing.iter().filter_map(|&k| by_years.get(k)).collect();
    let clash = !by_years_clashing.is_empty();
    if clash {
        let render = |ys: &[i64]| {
            ys.iter()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let sides: Vec<ConflictSide> = by_years_clashing
            .iter()
            .map(|(ys, m)| side(render(ys), m, docs))
            .collect();
        // In the words of the evidence: each side's years that the other sides lack, with what
        // they date ("accords signed in 1987, 1994 and 2012 vs ... 2002").
        let summary = by_years_clashing
            .iter()
            .map(|(ys, m)| {
                let others: Vec<i64> = by_years_clashing
                    .iter()
                    .filter(|(o, _)| o != ys)
                    .flat_map(|(o, _)| o.iter().copied())
                    .collect();
                m.first()
                    .map(|s| year_phrases(s, docs, |y| !others.contains(&y)))
                    .filter(|p| !p.is_empty())
                    .unwrap_or_else(|| render(ys))
            })
            .collect::<Vec<_>>()
            .join(" vs ");
        out.push(Conflict {
            id: ids.next("conflict"),
            claim: claim.map(str::to_string),
            opposing_claim: None,
            kind: ConflictKind::Year,
            summary,
            sides,
            later_side: None,
        });
    }

    // Swapped pairs: the same years, tied to different things.
    let with_years: Vec<&&StatementFeatures> =
        members.iter().filter(|s| years(s).len() >= 2).collect();
    let share_two = |x: &StatementFeatures, y: &StatementFeatures| {
        let yx = years(x);
        years(y).iter().filter(|v| yx.contains(v)).count() >= 2
    };
    'pairs: for a in &with_years {
        for b in &with_years {
            if source_of(a) == source_of(b) || !share_two(a, b) || !swapped(a, b) {
                continue;
            }
            // Each year the two sides share and tie to something, in the words of the
            // evidence: "the trade accord was signed in 1994, the border accord in 2002".
            let (ya, yb) = (years(a), years(b));
            let render = |s: &StatementFeatures| {
                let tied: Vec<i64> = discriminating_contexts(s)
                    .into_iter()
                    .filter(|(y, ctx)| !ctx.is_empty() && ya.contains(y) && yb.contains(y))
                    .map(|(y, _)| y)
                    .collect();
                year_phrases(s, docs, |y| tied.contains(&y))
            };
            let aligned: Vec<&&StatementFeatures> = with_years
                .iter()
                .copied()
                .filter(|s| share_two(a, s))
                .collect();
            let agree_a: Vec<&&StatementFeatures> =
                aligned.iter().copied().filter(|s| !swapped(a, s)).collect();
            let agree_b: Vec<&&StatementFeatures> =
                aligned.iter().copied().filter(|s| swapped(a, s)).collect();
            let sides = vec![
                side(render(a), &agree_a, docs),
                side(render(b), &agree_b, docs),
            ];
            out.push(Conflict {
                id: ids.next("conflict"),
                claim: claim.map(str::to_string),
                opposing_claim: None,
                kind: ConflictKind::Assignment,
                summary: format!("{} vs {}", render(a), render(b)),
                sides,
                later_side: None,
            });
            break 'pairs;
        }
    }

    // Quantities and durations of one unit that disagree.
    let mut units: Vec<ValueKind> = Vec::new();
    for s in members {
        for v in &s.values {
            if v.kind != ValueKind::Year && !units.contains(&v.kind) {
                units.push(v.kind.clone());
            }
        }
    }
    for unit in units {
        // Statements giving exactly one value of this unit; several values (a list, a range)
        // cannot be paired reliably and are left out.
        let mut sides: Vec<(Value, String, Vec<&&StatementFeatures>)> = Vec::new();
        for s in members {
            let mut of_unit = s.values.iter().filter(|v| v.kind == unit);
            let (Some(v), None) = (of_unit.next(), of_unit.next()) else {
                continue;
            };
            match sides.iter_mut().find(|(x, _, _)| x.agrees_with(v)) {
                Some((_, _, m)) => m.push(s),
                None => {
                    let written = docs
                        .get(s.doc)
                        .map(|p| display(p.text, v.span))
                        .unwrap_or_default();
                    sides.push((v.clone(), written, vec![s]));
                }
            }
        }
        // A disagreement needs two sources whose values stand in the same role: a context
        // word in common ("killed 12 people" vs "killed 15 people"), not merely one number
        // each in aligned sentences ("Hillis rushed for 101 yards" vs "a 54-yard pass").
        // Nor is it one when either sentence also writes the other's number ("Varga rushed
        // for 226 yards while Osei added 101" against "Osei rushed for 101 yards").
        let value_of = |s: &StatementFeatures| s.values.iter().find(|v| v.kind == unit).cloned();
        let cross = sides.iter().enumerate().any(|(i, (_, _, a))| {
            sides.iter().skip(i + 1).any(|(_, _, b)| {
                a.iter().any(|x| {
                    b.iter().any(|y| {
                        source_of(x) != source_of(y)
                            && match (value_of(x), value_of(y)) {
                                (Some(vx), Some(vy)) => {
                                    vx.context.iter().any(|l| vy.context.contains(l))
                                        && vx.count_role() == vy.count_role()
                                        && !writes_amount_of(y, &vx)
                                        && !writes_amount_of(x, &vy)
                                }
                                _ => false,
                            }
                    })
                })
            })
        });
        if sides.len() >= 2 && cross {
            // Each value with what it measures, as written: "visit in 20 years".
            let summary = sides
                .iter()
                .map(|(v, written, m)| {
                    m.first()
                        .and_then(|s| docs.get(s.doc))
                        .map(|p| display(p.text, v.phrase))
                        .filter(|p| !p.is_empty())
                        .unwrap_or_else(|| written.clone())
                })
                .collect::<Vec<_>>()
                .join(" vs ");
            let sides: Vec<ConflictSide> = sides
                .iter()
                .map(|(_, written, m)| side(written.clone(), m, docs))
                .collect();
            out.push(Conflict {
                id: ids.next("conflict"),
                claim: claim.map(str::to_string),
                opposing_claim: None,
                kind: ConflictKind::Quantity,
                summary,
                sides,
                later_side: None,
            });
        }
    }
    out
}

/// Whether the statement writes `value`'s number as a value of the same kind or as a bare
/// number without a unit ("Osei added 101" after "226 yards").
fn writes_amount_of(s: &StatementFeatures, value: &Value) -> bool {
    s.values.iter().any(|w| {
        (w.kind == value.kind || w.kind == ValueKind::Count(String::new()))
            && (w.amount - value.amount).abs() <= 1e-9 * value.amount.abs().max(1.0)
    })
}

/// The statement's words for its years that `keep` selects: each year's phrase (its context
/// words through the year, as written), consecutive years of one list as one phrase, joined
/// with ", ". Empty when no year is kept.
fn year_phrases(
    s: &StatementFeatures,
    docs: &[&Prepared<'_>],
    keep: impl Fn(i64) -> bool,
) -> String {
    let Some(p) = docs.get(s.doc) else {
        return String::new();
    };
    let mut spans: Vec<Span> = Vec::new();
    for v in s
        .values
        .iter()
        .filter(|v| v.kind == ValueKind::Year && keep(v.amount as i64))
    {
        match spans.last_mut() {
            // Items of one list share their head's phrase: one phrase for the list.
            Some(last) if last.start == v.phrase.start => *last = last.cover(v.phrase),
            _ => spans.push(v.phrase),
        }
    }
    spans
        .iter()
        .map(|&span| display(p.text, span))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Per year, the context lemmas no other year of the statement shares.
fn discriminating_contexts(s: &StatementFeatures) -> Vec<(i64, Vec<String>)> {
    let ys: Vec<&Value> = s
        .values
        .iter()
        .filter(|v| v.kind == ValueKind::Year)
        .collect();
    ys.iter()
        .map(|v| {
            let own: Vec<String> = v
                .context
                .iter()
                .filter(|l| {
                    !ys.iter()
                        .any(|o| o.amount != v.amount && o.context.contains(l))
                })
                .cloned()
                .collect();
            (v.amount as i64, own)
        })
        .collect()
}

/// Same years, but a year's distinguishing words go with another year on the other side.
fn swapped(a: &StatementFeatures, b: &StatementFeatures) -> bool {
    let (ca, cb) = (discriminating_contexts(a), discriminating_contexts(b));
    ca.iter().any(|(ya, la)| {
        let own_b = cb.iter().find(|(yb, _)| yb == ya).map(|(_, l)| l);
        let matches_own = own_b.is_some_and(|lb| la.iter().any(|l| lb.contains(l)));
        let matches_other = cb
            .iter()
            .any(|(yb, lb)| yb != ya && la.iter().any(|l| lb.contains(l)));
        !la.is_empty() && !matches_own && matches_other
    })
}

/// Group the quotes of a story's documents into utterances with their variants.
pub(crate) fn quote_groups(
    docs: &[&Prepared<'_>],
    entities: &[Entity],
    ids: &mut IdCounters,
) -> Vec<QuoteGroup> {
    struct Q {
        doc: usize,
        span: Span,
        direct: bool,
        speaker: Option<String>,
        entity: Option<String>,
        via: Option<String>,
        features: StatementFeatures,
    }
    let mentions = MentionIndex::new(entities);
    let mut quotes: Vec<Q> = Vec::new();
    for (d, p) in docs.iter().enumerate() {
        for q in &p.quotes {
            let Some(features) = features(d, p, q.span) else {
                continue;
            };
            let speaker_span = q.speaker.as_ref().map(|s| s.resolved.unwrap_or(s.span));
            let speaker = q.speaker.as_ref().and_then(|s| {
                s.name
                    .clone()
                    .or_else(|| s.span.text(p.text).map(str::to_string))
            });
            let entity = speaker_span
                .and_then(|s| mentions.entity_at(p.id, s))
                .map(|e| e.id.clone());
            let via = q.via.as_ref().and_then(|v| {
                v.name
                    .clone()
                    .or_else(|| v.span.text(p.text).map(str::to_string))
            });
            quotes.push(Q {
                doc: d,
                span: q.span,
                direct: q.kind != QuoteKind::Indirect,
                speaker,
                entity,
                via,
                features,
            });
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        let best = groups
            .iter()
            .enumerate()
            .filter_map(|(g, members)| {
                let same_speaker_or_unknown = members.iter().all(|&m| {
                    quotes.get(m).is_some_and(|o| {
                        o.entity.is_none() || q.entity.is_none() || o.entity == q.entity
                    })
                });
                if !same_speaker_or_unknown
                    || members
                        .iter()
                        .any(|&m| quotes.get(m).is_some_and(|o| o.doc == q.doc))
                {
                    return None;
                }
                let sim = members
                    .iter()
                    .filter_map(|&m| quotes.get(m))
                    .filter(|o| o.features.negated == q.features.negated)
                    .map(|o| similarity(&o.features, &q.features))
                    .fold(0.0f32, f32::max);
                Some((g, sim))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((g, sim)) if sim >= QUOTE_SIMILARITY => {
                if let Some(members) = groups.get_mut(g) {
                    members.push(i);
                }
            }
            _ => groups.push(vec![i]),
        }
    }
    groups
        .into_iter()
        .map(|members| {
            let qs: Vec<&Q> = members.iter().filter_map(|&m| quotes.get(m)).collect();
            let mut sources: Vec<String> = Vec::new();
            for q in &qs {
                if let Some(p) = docs.get(q.doc) {
                    if !sources.contains(&p.source) {
                        sources.push(p.source.clone());
                    }
                }
            }
            QuoteGroup {
                id: ids.next("quote"),
                speaker: qs.iter().find_map(|q| q.speaker.clone()),
                speaker_entity: qs.iter().find_map(|q| q.entity.clone()),
                variants: qs
                    .iter()
                    .filter_map(|q| {
                        docs.get(q.doc).map(|p| QuoteVariant {
                            evidence: p.evidence(q.span),
                            direct: q.direct,
                            via: q.via.clone(),
                        })
                    })
                    .collect(),
                sources,
            }
        })
        .collect()
}

/// Minimum similarity for two quotes to be variants of one utterance.
const QUOTE_SIMILARITY: f32 = 0.4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_with_long_postings_find_no_candidates() {
        let lemmas =
            |words: &[&str]| -> FxHashSet<String> { words.iter().map(|w| w.to_string()).collect() };
        let earlier = [
            lemmas(&["say", "pact", "brenna"]),
            lemmas(&["say", "vote", "delay"]),
            lemmas(&["say", "pact", "sign"]),
        ];
        let mut index: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, set) in earlier.iter().enumerate() {
            for l in set {
                index.entry(l.as_str()).or_default().push(i);
            }
        }
        let new = lemmas(&["say", "pact", "sign", "brenna"]);
        let all = shared_lemma_counts(&index, &new, usize::MAX);
        assert_eq!(all.get(&0), Some(&3));
        assert_eq!(all.get(&1), Some(&1));
        assert_eq!(all.get(&2), Some(&3));
        // "say" (3 postings) is past a cap of 2: it no longer counts, the rarer lemmas still do.
        let capped = shared_lemma_counts(&index, &new, 2);
        assert_eq!(capped.get(&0), Some(&2));
        assert_eq!(capped.get(&1), None);
        assert_eq!(capped.get(&2), Some(&2));
    }
}
