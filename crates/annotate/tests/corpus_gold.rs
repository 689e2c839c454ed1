//! The whole language layer measured against the example corpus gold
//! (`examples/corpus/gold.json`, documented in `examples/corpus/README.md`).
//!
//! Every document of `examples/corpus/articles` is ingested and annotated once; then three
//! layers are scored against the gold:
//!
//! - **entities**: every whole-word occurrence, in the cleaned body, of a gold alias that names
//!   the entity (not a description, not a title wrapped around a name) must be an entity
//!   mention with exactly that span and the gold type;
//! - **time expressions**: every gold timex (located by its unique `context`) must overlap one
//!   of ours; exact extent, TIMEX3 type and value are counted separately;
//! - **quotes**: every gold quote substring must lie inside one of our quotes, whose speaker
//!   resolves to the gold person, whose intermediary (`via`) and kind are right.
//!
//! Run with `--nocapture` to see the per-layer table and every miss. The floors below are set a
//! little under what the code achieved when they were measured, so the test fails on a
//! regression; raise them when a stage improves.

use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use triangulate_annotate::{span_text, Annotations, Annotator};
use triangulate_doc::{Document, Span};
use triangulate_ingest::{ingest_paths, IngestOptions};
use triangulate_quotes::{Quote, QuoteKind, SpeakerRef};
use triangulate_timex::{AnchorUse, Timex};

// Floors, as fractions, each a little under the value measured on 2026-11-24 (debug build,
// workspace at commit dd6726a; measured value in the comment). Raise a floor when a stage
// improves; never lower one to let a regression pass.

/// Entity recall over all named alias occurrences (measured 195/198 = 98.5% with the eighth
/// pass's default NER model, the seventh pass's recipe trained on CoNLL-2003 train + dev;
/// 196/198 = 99.0% with the beam-trained train-only model of the seventh pass, 195/198 with
/// its other training seed; 196/198 with the fifth pass's greedy model, lexicons in its second
/// pass only; 195/198 = 98.5% with the fourth pass's; 191/198 = 96.5% before name
/// substitution; 156/198 = 78.8% before the document-level rules).
const ENTITY_RECALL_FLOOR: f64 = 0.97;
/// Per-type entity recall (measured PER 55/55 = 100%, ORG 10/11 = 90.9%, LOC 102/102 = 100%,
/// MISC 28/30 = 93.3% with the train + dev model; the seventh pass's train-only model had ORG
/// 11/11). ORG stays at 0.88 (10 of 11): other training seeds and data of the same recipe get
/// 10/11 (models/ner/MODEL_CARD.md, "Seventh pass", "Eighth pass"; 10/11 and 8/11 for the fifth
/// pass's greedy model), so the floor guards a regression of the code, not the luck of one
/// seed.
const ENTITY_RECALL_FLOOR_BY_TYPE: [(&str, f64); 4] =
    [("PER", 0.97), ("ORG", 0.88), ("LOC", 0.97), ("MISC", 0.9)];
/// Timex recall with relaxed (overlap) matching (measured 105/109 = 96.3%).
const TIMEX_RECALL_FLOOR: f64 = 0.94;
/// Timex value accuracy: right value among the found ones (measured 102/105 = 97.1%).
const TIMEX_VALUE_ACCURACY_FLOOR: f64 = 0.95;
/// Timex recall with the right value, over all gold timexes (measured 102/109 = 93.6%).
const TIMEX_VALUE_RECALL_FLOOR: f64 = 0.91;
/// Timex precision: ours overlapping a gold timex, over all of ours; the gold is exhaustive for
/// article bodies (measured 106/108 = 98.1%).
const TIMEX_PRECISION_FLOOR: f64 = 0.95;
/// Gold quotes whose substring lies inside one of ours (measured 62/62 = 100% with the quote
/// stage at commit 467b8a5; 50/62 before).
const QUOTE_FOUND_FLOOR: f64 = 0.96;
/// Gold quotes found with the right speaker (measured 62/62 = 100% at 467b8a5; 34/62 before).
const QUOTE_SPEAKER_FLOOR: f64 = 0.96;
/// Gold quotes found with the right intermediary (measured 62/62 = 100% at 467b8a5; 49/62
/// before).
const QUOTE_VIA_FLOOR: f64 = 0.96;
/// Gold quotes found with the right kind (measured 62/62 = 100% at 467b8a5; 45/62 before).
const QUOTE_KIND_FLOOR: f64 = 0.96;

/// One gold document with what the pipeline made of it.
struct Annotated {
    gold_id: String,
    doc: Document,
    ann: Annotations,
}

/// The gold and every annotated document, built once for all tests of this file.
struct Corpus {
    gold: Value,
    docs: Vec<Annotated>,
    /// Gold documents no ingested document could be matched to.
    unmatched: Vec<String>,
}

impl Corpus {
    fn doc(&self, gold_id: &str) -> Option<&Annotated> {
        self.docs.iter().find(|d| d.gold_id == gold_id)
    }

    fn array(&self, key: &str) -> &[Value] {
        self.gold[key].as_array().map(Vec::as_slice).unwrap_or(&[])
    }
}

fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    if dir.join("gold.json").is_file() {
        Some(dir)
    } else {
        println!("examples/corpus/gold.json not found: corpus gold test skipped");
        None
    }
}

/// The corpus, ingested and annotated once; `None` (with a printed notice) when it is missing.
fn corpus() -> Option<&'static Corpus> {
    static CORPUS: OnceLock<Option<Corpus>> = OnceLock::new();
    CORPUS.get_or_init(load_corpus).as_ref()
}

fn load_corpus() -> Option<Corpus> {
    let dir = corpus_dir()?;
    let gold_text = std::fs::read_to_string(dir.join("gold.json")).expect("gold.json is readable");
    let gold: Value = serde_json::from_str(&gold_text).expect("gold.json is JSON");
    let report = ingest_paths(&[dir.join("articles")], &IngestOptions::default());
    for skipped in &report.skipped {
        println!("ingest skipped: {skipped}");
    }
    let annotator = Annotator::with_embedded_model().expect("embedded NER model loads");
    let mut ingested: Vec<Option<Document>> = report.documents.into_iter().map(Some).collect();
    let mut docs = Vec::new();
    let mut unmatched = Vec::new();
    for entry in gold["documents"].as_array().expect("gold documents array") {
        let gold_id = entry["id"].as_str().unwrap_or("?").to_string();
        match find_document(&dir, entry, &ingested) {
            Some(index) => {
                let doc = ingested[index].take().expect("each document matched once");
                let ann = annotator.annotate(&doc);
                docs.push(Annotated { gold_id, doc, ann });
            }
            None => unmatched.push(gold_id),
        }
    }
    Some(Corpus {
        gold,
        docs,
        unmatched,
    })
}

/// The ingested document for a gold entry: same file and, for multi-record files, the record
/// whose own identifier (`record.id`: RSS guid, Atom id, JSON url, WARC-Record-ID) lies inside
/// its byte region of the file. Record counters are not used: readers number records
/// differently.
fn find_document(dir: &Path, entry: &Value, docs: &[Option<Document>]) -> Option<usize> {
    let file = entry["file"].as_str()?;
    let name = Path::new(file).file_name()?.to_str()?;
    let same_file: Vec<usize> = docs
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.as_ref()
                .is_some_and(|d| Path::new(&d.source.path).file_name() == Some(name.as_ref()))
        })
        .map(|(i, _)| i)
        .collect();
    let Some(record_id) = entry["record"]["id"].as_str() else {
        return match same_file.as_slice() {
            [only] => Some(*only),
            _ => None,
        };
    };
    let bytes = std::fs::read(dir.join(file)).ok()?;
    let id_at = find_bytes(&bytes, record_id.as_bytes())?;
    // A record's identifier sits inside the record: after its start offset and before the
    // next record's start.
    same_file
        .iter()
        .filter_map(|&i| {
            let offset = docs[i].as_ref()?.source.record_offset? as usize;
            (offset <= id_at).then_some((offset, i))
        })
        .max()
        .map(|(_, i)| i)
}

fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Byte offsets of every whole-word occurrence of `needle` in `text`.
fn whole_word_occurrences(text: &str, needle: &str) -> Vec<Span> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(needle)
        .filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + needle.len()..].chars().next();
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
        .map(|(at, _)| Span::new(at, at + needle.len()))
        .collect()
}

/// The span of `needle` inside the first occurrence of `context`, with the number of times the
/// context occurs (the gold promises exactly one).
fn locate_in_context(text: &str, context: &str, needle: &str) -> Option<(Span, usize)> {
    let count = text.matches(context).count();
    let context_at = text.find(context)?;
    let within = context.find(needle)?;
    let start = context_at + within;
    Some((Span::new(start, start + needle.len()), count))
}

fn ratio(hit: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        hit as f64 / total as f64
    }
}

fn pct(hit: usize, total: usize) -> String {
    format!("{hit:>3}/{total:<3} {:>5.1}%", 100.0 * ratio(hit, total))
}

/// Shortens text for a one-line miss report.
fn clip(text: &str) -> String {
    const MAX: usize = 70;
    let one_line = text.replace('\n', "⏎");
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

// ---------------------------------------------------------------------------------------------
// Entities

/// Alias kinds that describe rather than name the entity: not expected as entity mentions.
const DESCRIPTIVE_KINDS: [&str; 1] = ["description"];

/// First words that mark an alias as a title or office wrapped around a name ("President
/// Stojan Markelov"): under CoNLL conventions only the name inside is the mention.
const TITLE_WORDS: [&str; 11] = [
    "President",
    "Prime",
    "Premier",
    "Minister",
    "Ms.",
    "Ms",
    "Mr.",
    "Captain",
    "Foreign",
    "Opposition",
    "the",
];

/// An alias occurrence that the gold marks as a named mention in one document.
struct ExpectedMention {
    span: Span,
    /// The span without a leading article ("the Sentinel" → "Sentinel"), also accepted.
    without_article: Option<Span>,
    label: String,
    entity: String,
}

fn is_wrapper_alias(alias: &Value) -> bool {
    let kind = alias["kind"].as_str().unwrap_or("");
    let text = alias["text"].as_str().unwrap_or("");
    if kind == "titled" {
        return true;
    }
    // "President Stojan Markelov" is listed as a transliteration variant; "the Sentinel" is a
    // short name, not a title.
    let starts_with_title = text
        .split_once(' ')
        .is_some_and(|(first, _)| TITLE_WORDS.contains(&first));
    starts_with_title && kind != "short"
}

/// Byte offset, inside a wrapper alias, of the name it wraps: the last words, as many as the
/// entity's canonical name has, fewer while the first of them is a title or lower-case
/// ("the premier Velic" → "Velic", "Captain Ines Marwood" → "Ines Marwood").
fn name_inside_wrapper(alias_text: &str, entity: &Value) -> Option<usize> {
    let name_words = entity["name"].as_str()?.split(' ').count();
    let words: Vec<&str> = alias_text.split(' ').collect();
    (1..=name_words.min(words.len())).rev().find_map(|k| {
        let first = words[words.len() - k];
        let is_title = TITLE_WORDS.contains(&first) || !first.starts_with(char::is_uppercase);
        let suffix_len = words[words.len() - k..].join(" ").len();
        (!is_title).then(|| alias_text.len() - suffix_len)
    })
}

fn alias_in_document(alias: &Value, gold_id: &str) -> bool {
    alias["documents"]
        .as_array()
        .is_some_and(|ds| ds.iter().any(|d| d.as_str() == Some(gold_id)))
}

/// Named alias occurrences in one document, innermost ones dropped when a longer named alias
/// (of any entity) covers them ("Vask" inside "University of Vask").
fn expected_mentions(corpus: &Corpus, annotated: &Annotated) -> Vec<ExpectedMention> {
    let text = annotated.doc.text();
    let mut found: Vec<ExpectedMention> = Vec::new();
    for entity in corpus.array("entities") {
        let id = entity["id"].as_str().unwrap_or("?");
        let label = entity["type"].as_str().unwrap_or("?");
        for alias in entity["aliases"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[])
        {
            let kind = alias["kind"].as_str().unwrap_or("");
            if DESCRIPTIVE_KINDS.contains(&kind) || !alias_in_document(alias, &annotated.gold_id) {
                continue;
            }
            let Some(alias_text) = alias["text"].as_str() else {
                continue;
            };
            // A title wrapped around a name ("Prime Minister Ana Velić") expects the name
            // inside it as the mention; the name is not always listed as an alias of its own.
            let name_offset = if is_wrapper_alias(alias) {
                let Some(offset) = name_inside_wrapper(alias_text, entity) else {
                    continue;
                };
                offset
            } else {
                0
            };
            for whole in whole_word_occurrences(text, alias_text) {
                let span = Span::new(whole.start + name_offset, whole.end);
                if found.iter().any(|m| m.span == span) {
                    continue;
                }
                let without_article = ["the ", "The "]
                    .iter()
                    .find(|a| alias_text.starts_with(*a))
                    .map(|a| Span::new(span.start + a.len(), span.end));
                found.push(ExpectedMention {
                    span,
                    without_article,
                    label: label.to_string(),
                    entity: id.to_string(),
                });
            }
        }
    }
    let spans: Vec<Span> = found.iter().map(|m| m.span).collect();
    found.retain(|m| !spans.iter().any(|s| *s != m.span && s.contains(m.span)));
    found.sort_by_key(|m| m.span.start);
    found
}

#[derive(Default)]
struct Tally {
    hit: usize,
    total: usize,
}

struct EntityScore {
    by_type: BTreeMap<String, Tally>,
    all: Tally,
    misses: Vec<String>,
    /// Our mentions that overlap no expected mention (informational: the gold does not claim
    /// to list every entity).
    unknown_to_gold: Vec<String>,
    ours_total: usize,
    ours_exact_right: usize,
}

fn score_entities(corpus: &Corpus) -> EntityScore {
    let mut score = EntityScore {
        by_type: BTreeMap::new(),
        all: Tally::default(),
        misses: Vec::new(),
        unknown_to_gold: Vec::new(),
        ours_total: 0,
        ours_exact_right: 0,
    };
    for annotated in &corpus.docs {
        let text = annotated.doc.text();
        let expected = expected_mentions(corpus, annotated);
        let mentions = &annotated.ann.entities;
        for want in &expected {
            let tally = score.by_type.entry(want.label.clone()).or_default();
            tally.total += 1;
            score.all.total += 1;
            let accepted = |s: Span| s == want.span || Some(s) == want.without_article;
            let exact = mentions.iter().find(|m| accepted(m.span));
            let got = match exact {
                Some(m) if m.label.as_str() == want.label => {
                    tally.hit += 1;
                    score.all.hit += 1;
                    continue;
                }
                Some(m) => format!("{} (wrong type)", m.label),
                None => {
                    let overlapping: Vec<String> = mentions
                        .iter()
                        .filter(|m| m.span.overlaps(want.span))
                        .map(|m| format!("{} {:?}", m.label, span_text(text, m.span)))
                        .collect();
                    if overlapping.is_empty() {
                        "nothing".to_string()
                    } else {
                        overlapping.join(", ")
                    }
                }
            };
            score.misses.push(format!(
                "{:<11} expected {} {:?} [{}] at {}; got {}",
                annotated.gold_id,
                want.label,
                span_text(text, want.span),
                want.entity,
                want.span.start,
                got
            ));
        }
        for m in mentions {
            score.ours_total += 1;
            let matched = expected
                .iter()
                .find(|w| m.span == w.span || Some(m.span) == w.without_article);
            match matched {
                Some(w) if w.label == m.label.as_str() => score.ours_exact_right += 1,
                Some(_) => {}
                None if !expected.iter().any(|w| w.span.overlaps(m.span)) => {
                    score.unknown_to_gold.push(format!(
                        "{:<11} {} {:?}",
                        annotated.gold_id,
                        m.label,
                        span_text(text, m.span)
                    ))
                }
                None => {}
            }
        }
    }
    score
}

// ---------------------------------------------------------------------------------------------
// Time expressions

#[derive(Default)]
struct TimexScore {
    total: usize,
    found: usize,
    exact_extent: usize,
    type_right: usize,
    value_right: usize,
    mod_total: usize,
    mod_right: usize,
    ours_total: usize,
    ours_in_gold: usize,
    misses: Vec<String>,
    spurious: Vec<String>,
}

fn timex_type(t: &Timex) -> String {
    format!("{:?}", t.kind).to_uppercase()
}

fn describe_timex(text: &str, t: &Timex) -> String {
    let mut out = format!(
        "{:?} {} {}",
        span_text(text, t.span),
        timex_type(t),
        t.value
    );
    if let Some(end) = &t.range_end {
        out.push_str(&format!("..{end}"));
    }
    if let Some(m) = &t.modifier {
        out.push_str(&format!(" mod={m}"));
    }
    out
}

fn score_timexes(corpus: &Corpus) -> TimexScore {
    let mut score = TimexScore::default();
    let mut gold_spans: HashMap<&str, Vec<Span>> = HashMap::new();
    for g in corpus.array("timexes") {
        score.total += 1;
        let doc_id = g["document"].as_str().unwrap_or("?");
        let surface = g["text"].as_str().unwrap_or("");
        let context = g["context"].as_str().unwrap_or("");
        let want_type = g["type"].as_str().unwrap_or("?");
        let want_value = g["value"].as_str().unwrap_or("?");
        let want_end = g["range"]["end"].as_str();
        let want_mod = g["mod"].as_str();
        let expected = format!(
            "{surface:?} {want_type} {want_value}{}{} (in {context:?})",
            want_end.map(|e| format!("..{e}")).unwrap_or_default(),
            want_mod.map(|m| format!(" mod={m}")).unwrap_or_default()
        );
        let Some(annotated) = corpus.doc(doc_id) else {
            score
                .misses
                .push(format!("{doc_id:<11} {expected}: document not ingested"));
            continue;
        };
        let text = annotated.doc.text();
        let Some((span, count)) = locate_in_context(text, context, surface) else {
            score.misses.push(format!(
                "{doc_id:<11} {expected}: context not in the cleaned body"
            ));
            continue;
        };
        if count > 1 {
            println!("note: timex context {context:?} occurs {count} times in {doc_id}");
        }
        gold_spans.entry(doc_id).or_default().push(span);
        let ours: Vec<&Timex> = annotated
            .ann
            .timexes
            .iter()
            .filter(|t| t.span.overlaps(span))
            .collect();
        // Prefer the one with the same extent, then the first.
        let Some(best) = ours
            .iter()
            .find(|t| t.span == span)
            .or_else(|| ours.first())
        else {
            score
                .misses
                .push(format!("{doc_id:<11} {expected}: not found"));
            continue;
        };
        score.found += 1;
        let exact = best.span == span;
        let type_ok = timex_type(best) == want_type;
        let value_ok = best.value == want_value
            && (want_end.is_none() || best.range_end.as_deref() == want_end);
        score.exact_extent += usize::from(exact);
        score.type_right += usize::from(type_ok);
        score.value_right += usize::from(value_ok);
        let mod_ok = match want_mod {
            Some(m) => best.modifier.as_deref() == Some(m),
            None => true,
        };
        if want_mod.is_some() {
            score.mod_total += 1;
            score.mod_right += usize::from(mod_ok);
        }
        if !(exact && type_ok && value_ok && mod_ok) {
            let mut wrong = Vec::new();
            if !exact {
                wrong.push("extent");
            }
            if !type_ok {
                wrong.push("type");
            }
            if !value_ok {
                wrong.push("value");
            }
            if !mod_ok {
                wrong.push("mod");
            }
            score.misses.push(format!(
                "{doc_id:<11} {expected}: got {} [wrong {}]",
                describe_timex(text, best),
                wrong.join("+")
            ));
        }
    }
    for annotated in &corpus.docs {
        let text = annotated.doc.text();
        let spans = gold_spans
            .get(annotated.gold_id.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for t in &annotated.ann.timexes {
            score.ours_total += 1;
            if spans.iter().any(|s| s.overlaps(t.span)) {
                score.ours_in_gold += 1;
            } else {
                score.spurious.push(format!(
                    "{:<11} {} (in {:?})",
                    annotated.gold_id,
                    describe_timex(text, t),
                    clip(around(text, t.span, 30))
                ));
            }
        }
    }
    score
}

/// Up to `width` bytes of text on either side of a span, cut at character boundaries.
fn around(text: &str, span: Span, width: usize) -> &str {
    let mut start = span.start.saturating_sub(width);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end + width).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[start..end]
}

// ---------------------------------------------------------------------------------------------
// Quotes

#[derive(Default)]
struct QuoteScore {
    total: usize,
    found: usize,
    speaker_right: usize,
    via_right: usize,
    kind_right: usize,
    misses: Vec<String>,
}

/// The text a speaker reference stands for: the resolved name, else the mention itself.
fn speaker_name(text: &str, speaker: &SpeakerRef) -> String {
    speaker
        .name
        .clone()
        .unwrap_or_else(|| span_text(text, speaker.resolved.unwrap_or(speaker.span)).to_string())
}

/// Gold entity ids a name can stand for in one document: an exact alias (aliases listed for
/// this document first), then an alias the name ends with ("Opposition leader Milan Dask"),
/// then the surname of a person's canonical name. Empty when nothing fits.
fn resolve_name(corpus: &Corpus, gold_id: &str, name: &str) -> Vec<String> {
    let name = name.trim();
    let entities = corpus.array("entities");
    let named_aliases = |e: &Value| -> Vec<(String, bool)> {
        let mut out = vec![(e["name"].as_str().unwrap_or("").to_string(), true)];
        for a in e["aliases"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
            if a["kind"].as_str() != Some("description") {
                out.push((
                    a["text"].as_str().unwrap_or("").to_string(),
                    alias_in_document(a, gold_id),
                ));
            }
        }
        out
    };
    let collect = |pred: &dyn Fn(&str, bool) -> bool| -> Vec<String> {
        let mut ids: Vec<String> = entities
            .iter()
            .filter(|e| {
                named_aliases(e)
                    .iter()
                    .any(|(t, here)| !t.is_empty() && pred(t, *here))
            })
            .filter_map(|e| e["id"].as_str().map(str::to_string))
            .collect();
        ids.dedup();
        ids
    };
    for pass in [
        collect(&|t, here| here && t == name),
        collect(&|t, _| t == name),
        collect(&|t, here| here && name.ends_with(&format!(" {t}"))),
    ] {
        if !pass.is_empty() {
            return pass;
        }
    }
    let surname = name.rsplit(' ').next().unwrap_or(name);
    entities
        .iter()
        .filter(|e| e["type"].as_str() == Some("PER"))
        .filter(|e| {
            e["name"]
                .as_str()
                .and_then(|n| n.rsplit(' ').next())
                .is_some_and(|s| s == surname)
        })
        .filter_map(|e| e["id"].as_str().map(str::to_string))
        .collect()
}

fn kind_matches(gold_kind: &str, ours: QuoteKind) -> bool {
    match gold_kind {
        "direct" => ours == QuoteKind::Direct,
        "indirect" => ours == QuoteKind::Indirect,
        "mixed" => ours == QuoteKind::Mixed,
        // Our model has no "partial" kind: a quoted fragment used as a phrase is reported as a
        // direct quote or as a mixed one, and both are accepted.
        "partial" => matches!(ours, QuoteKind::Direct | QuoteKind::Mixed),
        _ => false,
    }
}

fn quote_covers(q: &Quote, span: Span) -> bool {
    q.span.contains(span) || q.parts.iter().any(|p| p.contains(span))
}

/// Whether our speaker is right: the gold person, or (for a gold anonymous or described
/// source) no named person at all.
fn speaker_right(
    corpus: &Corpus,
    gold_id: &str,
    text: &str,
    q: &Quote,
    want: Option<&str>,
) -> bool {
    let resolved = q
        .speaker
        .as_ref()
        .map(|s| resolve_name(corpus, gold_id, &speaker_name(text, s)))
        .unwrap_or_default();
    match want {
        Some(id) => resolved.len() == 1 && resolved[0] == id,
        None => !resolved.iter().any(|id| {
            corpus
                .array("entities")
                .iter()
                .any(|e| e["id"].as_str() == Some(id) && e["type"].as_str() == Some("PER"))
        }),
    }
}

fn via_right(text: &str, q: &Quote, want: Option<&str>) -> bool {
    match (want, &q.via) {
        (None, None) => true,
        (Some(agency), Some(via)) => speaker_name(text, via).contains(agency),
        _ => false,
    }
}

fn describe_quote(text: &str, q: &Quote) -> String {
    let speaker = q
        .speaker
        .as_ref()
        .map(|s| {
            format!(
                "{} (as {:?}, {:?})",
                speaker_name(text, s),
                span_text(text, s.span),
                s.resolution
            )
        })
        .unwrap_or_else(|| "no speaker".into());
    let via = q
        .via
        .as_ref()
        .map(|v| format!(" via {}", speaker_name(text, v)))
        .unwrap_or_default();
    format!(
        "{:?} by {speaker}{via}: {:?}",
        q.kind,
        clip(span_text(text, q.span))
    )
}

fn score_quotes(corpus: &Corpus) -> QuoteScore {
    let mut score = QuoteScore::default();
    for g in corpus.array("quotes") {
        score.total += 1;
        let qid = g["id"].as_str().unwrap_or("?");
        let doc_id = g["document"].as_str().unwrap_or("?");
        let needle = g["text"].as_str().unwrap_or("");
        let want_speaker = g["speaker"].as_str();
        let want_via = g["via"].as_str();
        let want_kind = g["kind"].as_str().unwrap_or("?");
        let expected = format!(
            "{qid}: {want_kind} by {} (as {:?}){}: {:?}",
            want_speaker.unwrap_or("nobody named"),
            g["speaker_mention"].as_str().unwrap_or(""),
            want_via.map(|v| format!(" via {v}")).unwrap_or_default(),
            clip(needle)
        );
        let Some(annotated) = corpus.doc(doc_id) else {
            score
                .misses
                .push(format!("{doc_id:<11} {expected}: document not ingested"));
            continue;
        };
        let text = annotated.doc.text();
        let occurrences: Vec<Span> = text
            .match_indices(needle)
            .map(|(at, _)| Span::new(at, at + needle.len()))
            .collect();
        if occurrences.is_empty() {
            score.misses.push(format!(
                "{doc_id:<11} {expected}: text not in the cleaned body"
            ));
            continue;
        }
        let candidates: Vec<&Quote> = annotated
            .ann
            .quotes
            .iter()
            .filter(|q| occurrences.iter().any(|s| quote_covers(q, *s)))
            .collect();
        let speaker_ok = |q: &Quote| speaker_right(corpus, doc_id, text, q, want_speaker);
        // Several of ours may cover the substring (a quote inside a reported clause); the one
        // with the right speaker, else the shortest, is the answer.
        let best = candidates
            .iter()
            .find(|q| speaker_ok(q))
            .or_else(|| candidates.iter().min_by_key(|q| q.span.len()));
        let Some(best) = best else {
            let near: Vec<String> = annotated
                .ann
                .quotes
                .iter()
                .filter(|q| occurrences.iter().any(|s| q.span.overlaps(*s)))
                .map(|q| describe_quote(text, q))
                .collect();
            let got = if near.is_empty() {
                "nothing".to_string()
            } else {
                format!("only overlapping: {}", near.join(" | "))
            };
            score
                .misses
                .push(format!("{doc_id:<11} {expected}: not found; got {got}"));
            continue;
        };
        score.found += 1;
        let s_ok = speaker_ok(best);
        let v_ok = via_right(text, best, want_via);
        let k_ok = kind_matches(want_kind, best.kind);
        score.speaker_right += usize::from(s_ok);
        score.via_right += usize::from(v_ok);
        score.kind_right += usize::from(k_ok);
        if !(s_ok && v_ok && k_ok) {
            let wrong: Vec<&str> = [(s_ok, "speaker"), (v_ok, "via"), (k_ok, "kind")]
                .iter()
                .filter(|(ok, _)| !ok)
                .map(|(_, what)| *what)
                .collect();
            score.misses.push(format!(
                "{doc_id:<11} {expected}: got {} [wrong {}]",
                describe_quote(text, best),
                wrong.join("+")
            ));
        }
    }
    score
}

// ---------------------------------------------------------------------------------------------
// The measurement

fn check_floor(failures: &mut Vec<String>, what: &str, measured: f64, floor: f64) {
    if measured < floor {
        failures.push(format!(
            "{what}: {:.1}% is under the floor {:.1}%",
            100.0 * measured,
            100.0 * floor
        ));
    }
}

/// One aligned line of the report: a measure's name and its hit/total percentage.
fn print_row(name: &str, hit: usize, total: usize) {
    println!("  {name:<23} {}", pct(hit, total));
}

/// A heading with the list's length, then one indented line per item.
fn print_list(heading: &str, items: &[String]) {
    println!("\n-- {heading} ({}) --", items.len());
    for item in items {
        println!("  {item}");
    }
}

#[test]
fn language_layer_against_corpus_gold() {
    let Some(corpus) = corpus() else { return };
    let mut failures = Vec::new();
    if !corpus.unmatched.is_empty() {
        failures.push(format!(
            "gold documents with no ingested document: {:?}",
            corpus.unmatched
        ));
    }

    let entities = score_entities(corpus);
    let timexes = score_timexes(corpus);
    let quotes = score_quotes(corpus);

    println!("\n== Language layer vs examples/corpus/gold.json ==");
    println!("\nEntities (gold named-alias occurrences in the cleaned bodies; exact span + type)");
    for (label, tally) in &entities.by_type {
        print_row(&format!("recall {label:<5}"), tally.hit, tally.total);
    }
    print_row("recall all", entities.all.hit, entities.all.total);
    println!(
        "  {:<23} {}   (informational: the gold does not claim to list every entity)",
        "ours matching gold",
        pct(entities.ours_exact_right, entities.ours_total)
    );
    println!("\nTime expressions (gold is exhaustive for bodies)");
    let timex_rows = [
        ("found (overlap)", timexes.found, timexes.total),
        ("exact extent", timexes.exact_extent, timexes.total),
        ("type right", timexes.type_right, timexes.total),
        ("value right (recall)", timexes.value_right, timexes.total),
        ("value accuracy (found)", timexes.value_right, timexes.found),
        ("mod right", timexes.mod_right, timexes.mod_total),
        (
            "precision (overlap)",
            timexes.ours_in_gold,
            timexes.ours_total,
        ),
    ];
    for (name, hit, total) in timex_rows {
        print_row(name, hit, total);
    }
    println!("\nQuotes");
    let quote_rows = [
        ("found (covers text)", quotes.found, quotes.total),
        ("speaker right", quotes.speaker_right, quotes.total),
        ("via right", quotes.via_right, quotes.total),
        ("kind right", quotes.kind_right, quotes.total),
    ];
    for (name, hit, total) in quote_rows {
        print_row(name, hit, total);
    }

    print_list("entity misses", &entities.misses);
    print_list(
        "our entity mentions overlapping no gold alias",
        &entities.unknown_to_gold,
    );
    print_list("timex misses", &timexes.misses);
    print_list("our timexes overlapping no gold timex", &timexes.spurious);
    print_list("quote misses", &quotes.misses);

    let mut floors = vec![(
        "entity recall".to_string(),
        ratio(entities.all.hit, entities.all.total),
        ENTITY_RECALL_FLOOR,
    )];
    for (label, floor) in ENTITY_RECALL_FLOOR_BY_TYPE {
        let tally = entities.by_type.get(label);
        let measured = tally.map_or(1.0, |t| ratio(t.hit, t.total));
        floors.push((format!("entity recall {label}"), measured, floor));
    }
    let ratio_floors = [
        (
            "timex recall",
            timexes.found,
            timexes.total,
            TIMEX_RECALL_FLOOR,
        ),
        (
            "timex value accuracy",
            timexes.value_right,
            timexes.found,
            TIMEX_VALUE_ACCURACY_FLOOR,
        ),
        (
            "timex value recall",
            timexes.value_right,
            timexes.total,
            TIMEX_VALUE_RECALL_FLOOR,
        ),
        (
            "timex precision",
            timexes.ours_in_gold,
            timexes.ours_total,
            TIMEX_PRECISION_FLOOR,
        ),
        (
            "quotes found",
            quotes.found,
            quotes.total,
            QUOTE_FOUND_FLOOR,
        ),
        (
            "quote speaker",
            quotes.speaker_right,
            quotes.total,
            QUOTE_SPEAKER_FLOOR,
        ),
        ("quote via", quotes.via_right, quotes.total, QUOTE_VIA_FLOOR),
        (
            "quote kind",
            quotes.kind_right,
            quotes.total,
            QUOTE_KIND_FLOOR,
        ),
    ];
    for (what, hit, total, floor) in ratio_floors {
        floors.push((what.to_string(), ratio(hit, total), floor));
    }
    for (what, measured, floor) in &floors {
        check_floor(&mut failures, what, *measured, *floor);
    }
    assert!(
        failures.is_empty(),
        "language layer regressed against the corpus gold:\n{}",
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// The hardest gold cases that pass today, each pinned to its exact expected value.

/// Our time expression overlapping `surface` inside the unique `context` of a gold document.
fn timex_at<'c>(corpus: &'c Corpus, doc_id: &str, context: &str, surface: &str) -> &'c Timex {
    let annotated = corpus
        .doc(doc_id)
        .unwrap_or_else(|| panic!("{doc_id} was not ingested"));
    let text = annotated.doc.text();
    let (span, count) = locate_in_context(text, context, surface)
        .unwrap_or_else(|| panic!("{context:?} is not in the cleaned body of {doc_id}"));
    assert_eq!(count, 1, "{context:?} must be unique in {doc_id}");
    annotated
        .ann
        .timexes
        .iter()
        .find(|t| t.span.overlaps(span))
        .unwrap_or_else(|| panic!("no time expression at {surface:?} in {doc_id}"))
}

/// Our quote covering `needle` in a gold document, with that document's text.
fn quote_covering<'c>(corpus: &'c Corpus, doc_id: &str, needle: &str) -> (&'c Quote, &'c str) {
    let annotated = corpus
        .doc(doc_id)
        .unwrap_or_else(|| panic!("{doc_id} was not ingested"));
    let text = annotated.doc.text();
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in the cleaned body of {doc_id}"));
    let span = Span::new(at, at + needle.len());
    let quote = annotated
        .ann
        .quotes
        .iter()
        .filter(|q| quote_covers(q, span))
        .min_by_key(|q| q.span.len())
        .unwrap_or_else(|| panic!("no quote covers {needle:?} in {doc_id}"));
    (quote, text)
}

#[test]
fn weekdays_read_backwards_after_the_event_and_forwards_before_it() {
    let Some(corpus) = corpus() else { return };
    // Published Wednesday 2025-03-05: "arrived on Tuesday" is the day before.
    let tuesday = timex_at(corpus, "vask-herald", "who arrived on Tuesday", "Tuesday");
    assert_eq!(tuesday.value, "2025-03-04");
    assert_eq!(tuesday.anchored, AnchorUse::Publication);
    // Same publication day: "refloat the ship at high tide on Thursday" is the day after.
    let thursday = timex_at(corpus, "coastline", "at high tide on Thursday", "Thursday");
    assert_eq!(thursday.value, "2025-03-06");
    assert_eq!(thursday.anchored, AnchorUse::Publication);
    // Part of day on a past weekday.
    let evening = timex_at(
        corpus,
        "meridian",
        "in Brenna on Tuesday evening",
        "Tuesday evening",
    );
    // The value pins the reading; the type is a convention split: the TimeML guidelines (and
    // our gold) say TIME for a weekday plus a part of day, TempEval-3's TimeBank/AQUAINT gold
    // mostly says DATE, and the timex crate follows the benchmark's majority.
    let kind = timex_type(evening);
    assert!(matches!(kind.as_str(), "TIME" | "DATE"), "{kind}");
    assert_eq!(evening.value, "2025-03-04TEV");
}

#[test]
fn day_without_month_or_year_stays_partial() {
    let Some(corpus) = corpus() else { return };
    // The EPR piece has no date anywhere: only the day is known.
    let text = corpus.doc("epr").map(|a| a.doc.text()).unwrap_or("");
    let nineteenth = timex_at(
        corpus,
        "epr",
        "Deputies will debate it on the 19th",
        "the 19th",
    );
    assert_eq!(span_text(text, nineteenth.span), "the 19th");
    assert_eq!(nineteenth.value, "XXXX-XX-19");
    assert_eq!(nineteenth.anchored, AnchorUse::Partial);
    let partial = nineteenth
        .partial
        .expect("the day is kept as a partial date");
    assert_eq!(
        (partial.year, partial.month, partial.day),
        (None, None, Some(19))
    );
}

#[test]
fn day_range_keeps_both_ends() {
    let Some(corpus) = corpus() else { return };
    let range = timex_at(corpus, "courier", "state visit on March 4-5", "March 4-5");
    assert_eq!(range.value, "2025-03-04");
    assert_eq!(range.range_end.as_deref(), Some("2025-03-05"));
}

#[test]
fn approximate_duration_keeps_its_modifier() {
    let Some(corpus) = corpus() else { return };
    let quarter = timex_at(
        corpus,
        "vask-herald",
        "relations for nearly a quarter of a century",
        "nearly a quarter of a century",
    );
    assert_eq!(quarter.value, "P25Y");
    assert_eq!(quarter.modifier.as_deref(), Some("LESS_THAN"));
}

#[test]
fn quoted_by_agency_as_saying_gives_the_agency_as_intermediary() {
    let Some(corpus) = corpus() else { return };
    // "Markelov was quoted by Nordwire as saying that the pact was “only the beginning”".
    let (quote, text) = quote_covering(corpus, "lindmark", "only the beginning");
    let via = quote.via.as_ref().expect("an intermediary");
    assert_eq!(speaker_name(text, via), "Nordwire");
    let speaker = quote.speaker.as_ref().expect("a speaker");
    assert_eq!(
        resolve_name(corpus, "lindmark", &speaker_name(text, speaker)),
        ["stoyan-markelov"]
    );
}

#[test]
fn she_added_resolves_to_the_prime_minister() {
    let Some(corpus) = corpus() else { return };
    let (quote, text) = quote_covering(
        corpus,
        "epr",
        "every boat with a licence would be welcome on both shores",
    );
    assert_eq!(quote.kind, QuoteKind::Indirect);
    let speaker = quote.speaker.as_ref().expect("a speaker");
    assert_eq!(span_text(text, speaker.span), "she");
    assert_eq!(speaker.resolution, triangulate_quotes::Resolution::Pronoun);
    assert_eq!(
        resolve_name(corpus, "epr", &speaker_name(text, speaker)),
        ["ana-velic"]
    );
}

#[test]
fn square_named_after_a_person_is_a_place() {
    let Some(corpus) = corpus() else { return };
    let annotated = corpus.doc("sentinel").expect("sentinel was ingested");
    let text = annotated.doc.text();
    let at = text.find("Velic Square").expect("Velic Square in the body");
    let square = annotated
        .ann
        .entities
        .iter()
        .find(|m| m.span.start == at)
        .expect("a mention at Velic Square");
    assert_eq!(span_text(text, square.span), "Velic Square");
    assert_eq!(square.label.as_str(), "LOC");
}
