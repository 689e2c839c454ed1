//! The batch entry point: documents in, one [`Analysis`] out.
use crate::claims;
use crate::cluster::{ClusterInput, StoryClusterer, StoryId};
use crate::entities;
use crate::input::{check_spans, AnnotatedDoc, FusionOptions, LayerError};
use crate::model::*;
use crate::syndication::{
    agency_key, near_duplicate_pairs, shared_paragraph_groups, shingles, NearDupThresholds,
};
use crate::text::{display, split_sentences};
use crate::timeline;
use crate::union_find::UnionFind;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use triangulate_doc::{EntityMention, PartialDate, Span};
use triangulate_quantity::Quantity;
use triangulate_quotes::Quote;
use triangulate_timex::Timex;

/// A document with its layers checked against its text (bad layers dropped).
pub(crate) struct Prepared<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub sentences: Vec<Span>,
    pub entities: Vec<&'a EntityMention>,
    /// Names the language layer found in the title (read by story clustering only).
    pub title_names: Vec<&'a str>,
    pub timexes: Vec<&'a Timex>,
    pub quotes: Vec<&'a Quote>,
    /// Numbers from the quantity stage, in text order.
    pub quantities: Cow<'a, [Quantity]>,
    pub published: Option<PartialDate>,
    pub outlet: Option<&'a str>,
    pub title: Option<&'a str>,
    pub agencies: Vec<&'a str>,
    /// Independent source id, filled in per story.
    pub source: String,
}

impl Prepared<'_> {
    pub fn evidence(&self, span: Span) -> EvidenceSpan {
        EvidenceSpan {
            doc_id: self.id.to_string(),
            span,
            text: display(self.text, span),
        }
    }

    /// The sentence containing `span` (or the span itself when no sentence does).
    pub fn sentence_of(&self, span: Span) -> Span {
        self.sentences
            .iter()
            .copied()
            .find(|s| s.contains(span))
            .unwrap_or(span)
    }
}

fn prepare<'a>(ad: &'a AnnotatedDoc, problems: &mut Vec<DocumentProblem>) -> Prepared<'a> {
    let doc = &ad.doc;
    let text = doc.text();
    // Stages the language layer left out (a document in another language has no entities).
    problems.extend(ad.layers.notes.iter().map(|note| DocumentProblem {
        doc_id: doc.id.clone(),
        message: note.clone(),
    }));
    // Layers index the text, except the title's entities, which index the title.
    let mut keep_layer = |layer: &'static str, within: &str, spans: Vec<Span>| -> bool {
        match check_spans(&doc.id, within, layer, spans) {
            Ok(()) => true,
            Err(e) => {
                problems.push(DocumentProblem {
                    doc_id: doc.id.clone(),
                    message: e.to_string(),
                });
                false
            }
        }
    };
    // A document that never went through the language layer (no tokens) gets the text and
    // quantity stages run here, so it is split and its numbers read exactly as an annotated
    // one's would be.
    let own_layer = ad
        .layers
        .tokens
        .is_empty()
        .then(|| triangulate_text::analyze(text));
    let sentences = if !ad.layers.sentences.is_empty()
        && keep_layer(
            "sentence",
            text,
            ad.layers.sentences.iter().map(|s| s.span).collect(),
        ) {
        ad.layers.sentences.iter().map(|s| s.span).collect()
    } else if let Some(layer) = &own_layer {
        layer.sentences.iter().map(|s| s.span).collect()
    } else {
        split_sentences(text)
    };
    let mut quantities: Cow<'a, [Quantity]> = match &own_layer {
        Some(layer) if ad.layers.quantities.is_empty() => {
            Cow::Owned(triangulate_quantity::find_quantities(text, &layer.tokens))
        }
        _ if keep_layer(
            "quantity",
            text,
            ad.layers.quantities.iter().map(|q| q.span).collect(),
        ) =>
        {
            Cow::Borrowed(&ad.layers.quantities)
        }
        _ => Cow::Owned(Vec::new()),
    };
    if !quantities.is_sorted_by_key(|q| q.span.start) {
        quantities.to_mut().sort_by_key(|q| q.span.start);
    }
    let entities = if keep_layer(
        "entity",
        text,
        ad.layers.entities.iter().map(|e| e.span).collect(),
    ) {
        ad.layers.entities.iter().collect()
    } else {
        Vec::new()
    };
    let title = doc.metadata.title.as_ref().map(|m| m.value.as_str());
    let title_names = match title {
        Some(title)
            if !ad.layers.title_entities.is_empty()
                && keep_layer(
                    "title entity",
                    title,
                    ad.layers.title_entities.iter().map(|e| e.span).collect(),
                ) =>
        {
            ad.layers
                .title_entities
                .iter()
                .filter_map(|e| e.span.text(title))
                .collect()
        }
        _ => Vec::new(),
    };
    let timexes = if keep_layer(
        "timex",
        text,
        ad.layers.timexes.iter().map(|t| t.span).collect(),
    ) {
        ad.layers.timexes.iter().collect()
    } else {
        Vec::new()
    };
    let quote_spans = ad
        .layers
        .quotes
        .iter()
        .flat_map(|q| {
            std::iter::once(q.span)
                .chain(q.parts.iter().copied())
                .chain(q.speaker.iter().map(|s| s.span))
                .chain(q.via.iter().map(|s| s.span))
        })
        .collect();
    let quotes = if keep_layer("quote", text, quote_spans) {
        ad.layers.quotes.iter().collect()
    } else {
        Vec::new()
    };
    Prepared {
        id: &doc.id,
        text,
        sentences,
        entities,
        title_names,
        timexes,
        quotes,
        quantities,
        published: doc.metadata.published.as_ref().map(|m| m.value),
        outlet: doc.metadata.outlet.as_ref().map(|m| m.value.as_str()),
        title,
        agencies: doc
            .metadata
            .credited_agencies
            .iter()
            .map(|m| m.value.as_str())
            .collect(),
        source: String::new(),
    }
}

/// Analyse a batch of documents: syndication, stories, entities, timeline, quotes, claims,
/// conflicts. Documents are clustered in slice order (as a stream would deliver them).
///
/// Never fails as a whole: a document with a duplicate id or no text is skipped, a layer whose
/// spans do not fit its document is dropped, and each such problem is listed in
/// [`Analysis::problems`].
pub fn analyze(docs: &[AnnotatedDoc], opts: &FusionOptions) -> Analysis {
    let mut problems = Vec::new();
    let mut seen_ids = FxHashSet::default();
    let mut prepared: Vec<Prepared<'_>> = Vec::new();
    for ad in docs {
        if !seen_ids.insert(ad.doc.id.as_str()) {
            problems.push(DocumentProblem {
                doc_id: ad.doc.id.clone(),
                message: LayerError::DuplicateId(ad.doc.id.clone()).to_string(),
            });
            continue;
        }
        if ad.doc.text().trim().is_empty() {
            problems.push(DocumentProblem {
                doc_id: ad.doc.id.clone(),
                message: LayerError::EmptyText(ad.doc.id.clone()).to_string(),
            });
            continue;
        }
        prepared.push(prepare(ad, &mut problems));
    }

    // Near-duplicates first: a copy always joins the story of the text it copies.
    let sets: Vec<Vec<u64>> = prepared.iter().map(|p| shingles(p.text)).collect();
    let dup_pairs = near_duplicate_pairs(&sets, NearDupThresholds::ARTICLE, |_, _| true);
    let mut copy_of: FxHashMap<usize, usize> = FxHashMap::default();
    for pair in &dup_pairs {
        copy_of.entry(pair.b).or_insert(pair.a);
    }

    let mut clusterer = StoryClusterer::new(opts.clustering.clone());
    let mut story_of: Vec<StoryId> = Vec::with_capacity(prepared.len());
    for (i, p) in prepared.iter().enumerate() {
        let mut names: Vec<&str> = p
            .entities
            .iter()
            .filter_map(|e| e.span.text(p.text))
            .collect();
        // Ingest moves a headline out of the body into metadata, but the headline is the most
        // telling text a report has about its event: cluster on both, names included.
        let headed;
        let text = match p.title {
            Some(title) if !p.text.starts_with(title) => {
                headed = format!("{title}\n{}", p.text);
                names.splice(0..0, p.title_names.iter().copied());
                headed.as_str()
            }
            _ => p.text,
        };
        let mentioned: Vec<PartialDate> =
            p.timexes.iter().filter_map(|t| t.calendar_date()).collect();
        let input = ClusterInput {
            text,
            names: &names,
            published: p.published,
            mentioned: &mentioned,
        };
        let story = match copy_of.get(&i).and_then(|&j| story_of.get(j)) {
            Some(&s) => clusterer.add_to(&input, s),
            None => clusterer.add(&input),
        };
        story_of.push(story);
        // Review of young stories may split a second event off a story: documents already
        // placed move with it (one add/add_to per document, so positions are indices here).
        for (doc, moved_to) in clusterer.take_moves() {
            if let Some(slot) = story_of.get_mut(doc) {
                *slot = moved_to;
            }
        }
    }

    let mut members: Vec<Vec<usize>> = vec![Vec::new(); clusterer.story_count()];
    for (i, s) in story_of.iter().enumerate() {
        if let Some(m) = members.get_mut(s.0 as usize) {
            m.push(i);
        }
    }
    members.retain(|m| !m.is_empty());
    // Each story's near-duplicate pairs, found once: handing every story the corpus-wide list
    // made the syndication pass cost stories × pairs.
    let mut pairs_of_story: FxHashMap<StoryId, Vec<crate::syndication::NearDupPair>> =
        FxHashMap::default();
    for pair in &dup_pairs {
        if let (Some(&sa), Some(&sb)) = (story_of.get(pair.a), story_of.get(pair.b)) {
            if sa == sb {
                pairs_of_story.entry(sa).or_default().push(*pair);
            }
        }
    }
    // Largest stories first; ties by first document.
    members.sort_by(|a, b| b.len().cmp(&a.len()).then(a.first().cmp(&b.first())));

    let mut ids = IdCounters::default();
    let mut stories = Vec::new();
    let mut doc_story: FxHashMap<usize, (String, Option<String>)> = FxHashMap::default();
    for m in &members {
        let story_id = ids.next("story");
        let story_pairs = m
            .first()
            .and_then(|&d| story_of.get(d))
            .and_then(|s| pairs_of_story.get(s))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let (groups, sources) = syndication_groups(&mut prepared, m, story_pairs, &mut ids);
        for &i in m {
            let group = groups
                .iter()
                .find(|g| {
                    prepared
                        .get(i)
                        .is_some_and(|p| g.documents.iter().any(|d| d == p.id))
                })
                .map(|g| g.id.clone());
            doc_story.insert(i, (story_id.clone(), group));
        }
        let story_docs: Vec<&Prepared<'_>> = m.iter().filter_map(|&i| prepared.get(i)).collect();
        stories.push(build_story(
            story_id,
            &story_docs,
            groups,
            sources,
            opts,
            &mut ids,
        ));
    }

    let documents = prepared
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (story, syndication_group) = doc_story.get(&i).cloned().unwrap_or_default();
            DocumentSummary {
                id: p.id.to_string(),
                title: p.title.map(str::to_string),
                outlet: p.outlet.map(str::to_string),
                published: p.published,
                credited_agencies: p.agencies.iter().map(|a| a.to_string()).collect(),
                story,
                syndication_group,
                source: p.source.clone(),
            }
        })
        .collect();
    Analysis {
        schema_version: SCHEMA_VERSION,
        documents,
        stories,
        problems,
    }
}

/// Sequential ids per kind: `story-1`, `claim-7`.
#[derive(Default)]
pub(crate) struct IdCounters(FxHashMap<&'static str, usize>);

impl IdCounters {
    pub fn next(&mut self, kind: &'static str) -> String {
        let n = self.0.entry(kind).or_default();
        *n += 1;
        format!("{kind}-{n}")
    }
}

/// Syndication groups and independent sources of one story; sets `Prepared::source`.
fn syndication_groups(
    prepared: &mut [Prepared<'_>],
    members: &[usize],
    dup_pairs: &[crate::syndication::NearDupPair],
    ids: &mut IdCounters,
) -> (Vec<SyndicationGroup>, Vec<IndependentSource>) {
    let local: FxHashMap<usize, usize> = members.iter().enumerate().map(|(l, &g)| (g, l)).collect();
    let n = members.len();
    let mut synd = UnionFind::new(n);
    let mut links: Vec<(usize, SyndicationLink)> = Vec::new();
    for pair in dup_pairs {
        let (Some(&a), Some(&b)) = (local.get(&pair.a), local.get(&pair.b)) else {
            continue;
        };
        // One link per document that joins a group (a spanning tree): k copies of a wire story
        // give k - 1 reasons, not k(k - 1)/2.
        if !synd.union(a, b) {
            continue;
        }
        links.push((
            a,
            SyndicationLink::NearDuplicate {
                doc_a: prepared
                    .get(pair.a)
                    .map(|p| p.id.to_string())
                    .unwrap_or_default(),
                doc_b: prepared
                    .get(pair.b)
                    .map(|p| p.id.to_string())
                    .unwrap_or_default(),
                jaccard: pair.jaccard,
                containment: pair.containment,
            },
        ));
    }
    // Agency credits: documents crediting one agency (or published by it) carry one text.
    let credited: FxHashSet<String> = members
        .iter()
        .filter_map(|&g| prepared.get(g))
        .flat_map(|p| p.agencies.iter().map(|a| agency_key(a)))
        .collect();
    let agency_of = |p: &Prepared<'_>| -> Option<String> {
        p.agencies
            .first()
            .map(|a| agency_key(a))
            .or_else(|| p.outlet.map(agency_key).filter(|o| credited.contains(o)))
    };
    let agency_keys: Vec<Option<String>> = members
        .iter()
        .map(|&g| prepared.get(g).and_then(&agency_of))
        .collect();
    // Each document is linked to the first one crediting the same agency (a hash lookup, not
    // a pass over all pairs: a big story may hold thousands of credited copies).
    let mut first_with_agency: FxHashMap<&str, usize> = FxHashMap::default();
    for (b, key) in agency_keys.iter().enumerate() {
        let Some(key) = key.as_deref() else {
            continue;
        };
        let a = *first_with_agency.entry(key).or_insert(b);
        if a == b || !synd.union(a, b) {
            continue;
        }
        let name = members
            .get(a)
            .and_then(|&g| prepared.get(g))
            .and_then(|p| p.agencies.first().copied().or(p.outlet))
            .unwrap_or(key)
            .to_string();
        links.push((
            a,
            SyndicationLink::SameAgency {
                doc_a: doc_id(prepared, members, a),
                doc_b: doc_id(prepared, members, b),
                agency: name,
            },
        ));
    }
    // Independent sources: syndication groups, and documents of one outlet, count once.
    let mut src = UnionFind::new(n);
    for a in 0..n {
        src.union(a, synd.find(a));
    }
    let outlet_keys: Vec<Option<String>> = members
        .iter()
        .map(|&g| prepared.get(g).and_then(|p| p.outlet.map(agency_key)))
        .collect();
    let mut first_with_outlet: FxHashMap<&str, usize> = FxHashMap::default();
    for (b, key) in outlet_keys.iter().enumerate() {
        if let Some(key) = key.as_deref() {
            let a = *first_with_outlet.entry(key).or_insert(b);
            src.union(a, b);
        }
    }

    let mut groups = Vec::new();
    let mut group_of_root: FxHashMap<usize, String> = FxHashMap::default();
    let mut links_of_root: FxHashMap<usize, Vec<SyndicationLink>> = FxHashMap::default();
    for (a, link) in links {
        links_of_root.entry(synd.find(a)).or_default().push(link);
    }
    for local_members in synd.components() {
        let Some(&root) = local_members.first() else {
            continue;
        };
        if local_members.len() < 2 {
            continue;
        }
        let id = ids.next("synd");
        group_of_root.insert(root, id.clone());
        let texts: Vec<&str> = local_members
            .iter()
            .filter_map(|&l| {
                members
                    .get(l)
                    .and_then(|&g| prepared.get(g))
                    .map(|p| p.text)
            })
            .collect();
        let shared_passages = shared_paragraph_groups(&texts)
            .into_iter()
            .map(|shared| SharedPassage {
                evidence: shared
                    .copies
                    .iter()
                    .filter_map(|&(local, span)| {
                        local_members
                            .get(local)
                            .and_then(|&l| members.get(l))
                            .and_then(|&g| prepared.get(g))
                            .map(|p| p.evidence(span))
                    })
                    .collect(),
                similarity: shared.jaccard,
            })
            .collect();
        let origin = local_members
            .iter()
            .filter_map(|&l| members.get(l).and_then(|&g| prepared.get(g)))
            .find_map(|p| p.agencies.first().map(|a| a.to_string()));
        groups.push(SyndicationGroup {
            id,
            documents: local_members
                .iter()
                .map(|&l| doc_id(prepared, members, l))
                .collect(),
            origin,
            links: links_of_root.remove(&root).unwrap_or_default(),
            shared_passages,
        });
    }

    let mut sources = Vec::new();
    for local_members in src.components() {
        let id = ids.next("src");
        let first = local_members
            .first()
            .and_then(|&l| members.get(l))
            .and_then(|&g| prepared.get(g));
        let name = local_members
            .iter()
            .filter_map(|&l| members.get(l).and_then(|&g| prepared.get(g)))
            .find_map(|p| p.agencies.first().copied())
            .or_else(|| first.and_then(|p| p.outlet))
            .or_else(|| first.map(|p| p.id))
            .unwrap_or_default()
            .to_string();
        let syndication_group = local_members
            .iter()
            .find_map(|&l| group_of_root.get(&synd.find(l)).cloned());
        for &l in &local_members {
            if let Some(p) = members.get(l).and_then(|&g| prepared.get_mut(g)) {
                p.source = id.clone();
            }
        }
        sources.push(IndependentSource {
            id,
            name,
            documents: local_members
                .iter()
                .map(|&l| doc_id(prepared, members, l))
                .collect(),
            syndication_group,
        });
    }
    (groups, sources)
}

fn doc_id(prepared: &[Prepared<'_>], members: &[usize], local: usize) -> String {
    members
        .get(local)
        .and_then(|&g| prepared.get(g))
        .map(|p| p.id.to_string())
        .unwrap_or_default()
}

fn build_story(
    id: String,
    docs: &[&Prepared<'_>],
    syndication_groups: Vec<SyndicationGroup>,
    independent_sources: Vec<IndependentSource>,
    opts: &FusionOptions,
    ids: &mut IdCounters,
) -> Story {
    let mut notes = Vec::new();
    let dates: Vec<PartialDate> = docs.iter().filter_map(|d| d.published).collect();
    let first_published = dates.iter().copied().min();
    let last_published = dates.iter().copied().max();
    // The headline of the first document that has one, else its first sentence.
    let title = docs
        .iter()
        .find_map(|d| d.title.map(str::to_string))
        .or_else(|| {
            docs.first()
                .and_then(|d| d.sentences.first().map(|s| display(d.text, *s)))
        })
        .unwrap_or_default();
    let (entities, entity_notes) = entities::resolve(docs, ids);
    notes.extend(entity_notes);
    let claims::BuiltClaims {
        claims,
        conflicts,
        single_source_omitted,
    } = claims::build_claims(docs, opts, ids);
    let quotes = claims::quote_groups(docs, &entities, ids);
    let (timeline, timeline_notes) = timeline::build(docs, &claims);
    notes.extend(timeline_notes);
    Story {
        id,
        title,
        documents: docs.iter().map(|d| d.id.to_string()).collect(),
        first_published,
        last_published,
        syndication_groups,
        independent_sources,
        entities,
        timeline,
        quotes,
        claims,
        single_source_claims_omitted: single_source_omitted,
        conflicts,
        notes,
    }
}
