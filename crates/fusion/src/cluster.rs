//! Incremental story clustering: documents arrive one by one and each is put into an existing
//! story or starts a new one ([`StoryClusterer::add`]).
//!
//! Each document becomes a sparse vector of content-word features (folded, stemmed, stop words
//! dropped; sublinear term frequency) plus *name* features (capitalised words the document never
//! writes in lower case, and the words of NER mentions when the language layer supplied them)
//! and years. News is written as an inverted pyramid: the headline and first sentences name the
//! event, later paragraphs give background that two events of one kind share, so words near the
//! start of the text weigh more ([`ClusterOptions::lead_words`]). Document frequencies are
//! learned online, and the IDF is applied at comparison time, so early documents are not
//! frozen with the IDF of a nearly empty collection.
//!
//! A story is the sum of its members' term frequencies (a centroid, capped at its strongest
//! terms). Candidate stories come from an inverted index over the document's strongest terms,
//! never from all pairs: each term keeps only its most recent stories (bounded postings), and
//! only the best-scoring candidates are compared in full. Ids are `u32`. This keeps time per
//! document and memory bounded for streams of millions of documents.
//!
//! The score of a candidate is the cosine of the word vectors times the cosine of the name
//! vectors raised to [`ClusterOptions::name_weight`]: stories of the same kind (two earthquakes,
//! two rehab stays) share vocabulary but not names, so a product (both must agree) keeps them
//! apart far better than a sum. It is further multiplied by the share of the document's name
//! mass that the story has seen at all, raised to [`ClusterOptions::name_coverage_weight`]: two
//! events of one kind often share their main actor (a champion's two title defences, a vendor's
//! two emergency patches), and then the secondary names (the opponent, the place) are what
//! differ; a document whose prominent names are new to a story is scored down even when the
//! shared main actor keeps the name cosine high. Numbers other than years (scores, counts, ages,
//! records) count as name-like features for the same reason: they are the specifics that differ
//! between two same-kind events ([`ClusterOptions::number_features`]). Time damps the score: a
//! document whose anchor year (publication year, or the first year in its head, where datelines
//! put it) no member of the story has is scored down, and publication dates far from the
//! story's are decayed. A follow-up months later (the trial of a shooting) usually writes the
//! date of the event it follows up, so the decay measures from the nearest of the document's
//! publication date and the dates it writes ([`ClusterInput::mentioned`]) to the story's
//! publication dates, and from the document's publication date to the dates the story's
//! members wrote.
//!
//! Young stories are reviewed ([`ClusterOptions::young_story_size`]): two same-kind events that
//! share their actors and vocabulary (a vendor's two emergency patches, a champion's two title
//! defences) are often merged by the first report of the second event, which joins while the
//! first story holds one or two reports and no score can yet tell them apart. Later reports of
//! the second event then gather around that report. So while a story is small it keeps its
//! members' features, and after each join its members are grouped in two by average link over
//! their pairwise similarity (word cosine × name cosine); when the two groups are far less
//! similar across than within ([`ClusterOptions::split_ratio`]), the group without the story's
//! first report moves to a new story — or, when its centroid scores above the threshold in
//! another story, into that one ([`ClusterOptions::rehome_split_groups`]: the first report of
//! an event sometimes starts its story alone while the next reports join another event's
//! story, which fitted them better at the time). [`StoryClusterer::add`] returns the story of
//! the newest document at once; documents moved later are reported by [`StoryClusterer::take_moves`], which
//! the caller applies to its earlier answers. On the ECB+ dev set (`bench/clustering`), a
//! document's nearest document is in its own story 98.8% of the time, while a story's centroid
//! is a mixture: review uses the pairwise signal the centroid loses. Review costs O(S²) member
//! comparisons per join into a young story of at most S members, and memory for the features
//! of at most S members per young story; stories past S drop them, and so do young stories no
//! document joined for [`ClusterOptions::young_story_idle_docs`] documents. Each member keeps
//! its similarities to the earlier members, so a join adds one row of at most S − 1 cosines
//! and the grouping (S ≤ 16 members by default).
//!
//! A document that scored just below the threshold in its best story gets a second look
//! ([`ClusterOptions::second_look_share`]): it starts a story of its own, and when a later
//! report joins the story it nearly joined while it is still alone, it is scored there again
//! and moves in when it now reaches the threshold. A story's first reports rarely name
//! everything a follow-up does (an inquiry's findings, a recapture, a new official); once
//! later reports have written those names, the follow-up fits. Only a bounded number of
//! recent near misses is kept ([`NEAR_MISSES_KEPT`], each for at most
//! [`ClusterOptions::young_story_idle_docs`] documents), so a join costs at most that many
//! checks, and a score only for those waiting on the story just joined.
use crate::text::{fold, is_stop_word, stem, words};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use triangulate_doc::PartialDate;

/// Identifier of a story within one [`StoryClusterer`] (dense, from 0, below
/// [`StoryClusterer::story_count`]; a story review emptied keeps its id, unused).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
pub struct StoryId(pub u32);

/// Tuning of the [`StoryClusterer`].
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterOptions {
    /// Minimum score for joining an existing story; below it the document starts a new one.
    pub threshold: f32,
    /// Exponent of the name cosine in the score (0 ignores names).
    pub name_weight: f32,
    /// How many of a document's strongest terms are looked up in the inverted index.
    pub query_terms: usize,
    /// How many candidate stories are scored in full.
    pub candidates: usize,
    /// Most recent stories kept per term in the inverted index.
    pub max_postings: usize,
    /// Terms kept per story centroid (the strongest ones).
    pub centroid_terms: usize,
    /// Score factor for a document whose anchor year none of the story's members has.
    pub year_mismatch: f32,
    /// A story no document joined for this many documents is retired: its centroid is freed
    /// and it is no longer a candidate (bounds memory on endless streams).
    pub story_ttl_docs: u32,
    /// Days apart beyond which the score decays (when both sides have dates). Apart is the
    /// distance from the document's publication date, or the nearest date it writes, to the
    /// story's publication dates, or from its publication date to a date the story's members
    /// write ([`ClusterInput::mentioned`]). A negative or NaN window counts as 0 (decay
    /// starts at once); `f32::INFINITY` turns time off.
    pub time_window_days: f32,
    /// Scale of that decay: a document this many days beyond the window is scored × 1/e.
    /// Reports of one story keep coming for weeks and months (the charge, the trial, the
    /// verdict), so the decay is slow; a recurring event a year later is also kept apart by
    /// [`ClusterOptions::year_mismatch`]. 0 is a hard cut (nothing beyond the window joins);
    /// a negative or NaN scale means no decay (the score is never raised for distance),
    /// as does `f32::INFINITY`.
    pub time_decay_days: f32,
    /// Exponent of the share of the document's (IDF-weighted) name mass that the story has
    /// seen at all (0 ignores it): a document whose prominent names are new to a story is
    /// likely a different event of the same kind.
    pub name_coverage_weight: f32,
    /// Whether numbers other than years (counts, scores, ages, times) are name-like features.
    pub number_features: bool,
    /// Whether capitalised words count as names when NER mention texts are given too (they
    /// always do when none are given). The tagger misses names a news reader still tells
    /// apart (products, programmes, bodies written in title case); on the ECB+ dev set, NER
    /// mentions alone scored pairwise F1 0.839, with capitalised words added 0.875.
    pub capitalised_with_names: bool,
    /// Stories of at most this many documents keep their members' features and are reviewed
    /// after every join (0 turns review off); see the module docs.
    pub young_story_size: usize,
    /// A young story splits in two when the mean similarity across its two groups is below
    /// this share of the mean similarity within them (pooled over both groups' pairs).
    pub split_ratio: f32,
    /// Fewest documents on each side of a split.
    pub split_min_group: usize,
    /// Fewest documents a story must hold before it is reviewed: with fewer, two paraphrase
    /// pairs of one event look like two groups.
    pub split_min_story: usize,
    /// A young story no document joined for this many documents drops its members' features
    /// and is not reviewed again (checked every 1024 documents, in the sweep that retires
    /// stories past [`ClusterOptions::story_ttl_docs`], which drops them too): it bounds the
    /// memory review needs to the features of about this many recent documents' stories.
    pub young_story_idle_docs: u32,
    /// Length, in words, of the opening that weighs more (0 turns it off): the word at
    /// position `p` (counting from 0 over all words of the text, the headline first when the
    /// caller puts it there) counts `1 + lead_boost × e^(−p / lead_words)` times towards its
    /// term frequency. Applies to content words and capitalised-word names, not to numbers or
    /// to NER mention texts (which carry no position). On the ECB+ dev set any decay length
    /// from 10 to 80 words scored within 0.002 of the best (see `bench/clustering/README.md`).
    pub lead_words: f32,
    /// Extra weight of the first word of the text; see [`ClusterOptions::lead_words`].
    pub lead_boost: f32,
    /// Whether a group that review splits off a story is placed as a document would be: into
    /// the best other story when its centroid scores at least [`ClusterOptions::threshold`]
    /// there, else into a story of its own. The first report of an event sometimes starts
    /// the event's story on its own while its next reports join another event's story (they
    /// fitted it better then); review later splits them off, and without this they would
    /// stay apart from that first story for good.
    pub rehome_split_groups: bool,
    /// A document whose best story scores at least this share of the threshold (but below
    /// it) starts a story of its own and gets a second look: when a later document joins
    /// that best story while the near miss is still alone, it is scored there again and
    /// joins when it reaches the threshold (reported by [`StoryClusterer::take_moves`]).
    /// 0 (or a negative or NaN share, or 1 and above) turns it off, and so does
    /// [`ClusterOptions::young_story_size`] 0 (the near miss's features are kept as the
    /// member of its young story). Further below the
    /// threshold than about half, the growing story's broader vocabulary pulls in the first
    /// report of a same-kind event (on the ECB+ dev set a share of 0.4 merged a player's two
    /// arrests); 0.5 to 0.65 scored the same there, 0.7 to 0.9 gained less (see
    /// `bench/clustering/README.md`).
    pub second_look_share: f32,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            threshold: 0.04,
            name_weight: 1.0,
            query_terms: 24,
            candidates: 16,
            max_postings: 256,
            centroid_terms: 400,
            year_mismatch: 0.25,
            time_window_days: 14.0,
            time_decay_days: 90.0,
            story_ttl_docs: 100_000,
            number_features: true,
            name_coverage_weight: 0.5,
            capitalised_with_names: true,
            young_story_size: 16,
            split_ratio: 0.22,
            split_min_group: 2,
            split_min_story: 6,
            young_story_idle_docs: 4096,
            lead_words: 40.0,
            lead_boost: 1.0,
            rehome_split_groups: true,
            second_look_share: 0.6,
        }
    }
}

/// What the clusterer reads of a document.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClusterInput<'a> {
    pub text: &'a str,
    /// Entity mention texts from the language layer. Capitalised words the document never
    /// writes in lower case are names too (unless
    /// [`ClusterOptions::capitalised_with_names`] is off and mentions are given).
    pub names: &'a [&'a str],
    pub published: Option<PartialDate>,
    /// Dates the text writes, resolved by the language layer ("on October 21, 2011", "in
    /// September"). Those known to the month count as times the report is about: a trial report
    /// published 18 months after a shooting that writes the shooting's date is near that story
    /// in time (the publication-date decay measures from the nearest of these). Dates with only
    /// a year are ignored (too coarse: "since 2011"), as are dates that are not dates (see
    /// [`days_since_epoch`]) and all of them when the document has no publication date. Any
    /// number may be given; the 64 nearest the publication date are used.
    pub mentioned: &'a [PartialDate],
}

impl<'a> ClusterInput<'a> {
    /// A document given as text alone: no entity mentions (capitalised words still count as
    /// names), no publication date, no dates written.
    pub fn text_only(text: &'a str) -> Self {
        ClusterInput {
            text,
            names: &[],
            published: None,
            mentioned: &[],
        }
    }
}

#[derive(Default)]
struct Story {
    /// Summed (sublinear) term frequencies of member documents, by term id.
    /// Sorted by term id.
    words: Vec<(u32, f32)>,
    names: Vec<(u32, f32)>,
    /// IDF-weighted norms of the centroids and the document count they were computed at;
    /// refreshed when the story changes or the IDF has had time to drift (10% more documents).
    words_norm: Cell<f32>,
    names_norm: Cell<f32>,
    norms_at: Cell<u32>,
    /// Document count when a member last joined (for retiring idle stories).
    last_seen: u32,
    size: u32,
    /// Publication days of members (days since 1970), min and max.
    days: Option<(i32, i32)>,
    /// Day ranges of dates the members write (at most [`STORY_MENTIONED_DAYS`], the first
    /// ones seen, each member's nearest its publication first): a report published near one
    /// of them is near the story in time.
    mentioned_days: Vec<(i32, i32)>,
    /// Anchor years of members (publication year, or the first year in the text's head).
    years: Vec<i32>,
    /// Features of every member while the story is young (empty once it is not).
    members: Vec<Member>,
}

impl Story {
    /// Count a document in: size, anchor years, date range and centroids (capped at `cap`
    /// terms), and mark the cached norms stale. The caller keeps `last_seen`.
    fn absorb(&mut self, f: &Features, day: Option<i32>, cap: usize) {
        self.size += 1;
        if let Some(y) = f.anchor_year {
            if !self.years.contains(&y) {
                self.years.push(y);
            }
        }
        if let Some(d) = day {
            self.days = Some(match self.days {
                Some((lo, hi)) => (lo.min(d), hi.max(d)),
                None => (d, d),
            });
        }
        for &r in &f.mentioned_days {
            if self.mentioned_days.len() >= STORY_MENTIONED_DAYS {
                break;
            }
            if !self.mentioned_days.contains(&r) {
                self.mentioned_days.push(r);
            }
        }
        for (centroid, v) in [(&mut self.words, &f.words), (&mut self.names, &f.names)] {
            // Members count equally whatever their length.
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-6);
            add_sorted(centroid, v, 1.0 / norm);
            prune(centroid, cap);
        }
        self.norms_at.set(0);
    }
}

/// A member of a young story, kept so that the story can be reviewed and split.
struct Member {
    /// Position of the document in the stream (0-based).
    doc: u32,
    features: Features,
    day: Option<i32>,
    /// Similarity to each earlier member of the list, in list order, under the IDF of the
    /// time each pair was compared: computed once per pair, so a review costs one new row
    /// and the grouping, not all pairs again.
    earlier: Vec<f32>,
    /// IDF-weighted, normalised word and name vectors, under the IDF at join time.
    words: Weighted,
    names: Weighted,
}

/// Incremental story clusterer with an inverted index over story centroids.
pub struct StoryClusterer {
    opts: ClusterOptions,
    vocab: FxHashMap<Box<str>, u32>,
    doc_freq: Vec<u32>,
    /// Per term id: whether it is a number or year feature (left out of name coverage:
    /// reports of one event cite different figures, so a new number is weak evidence).
    numeric_term: Vec<bool>,
    docs_seen: u32,
    stories: Vec<Story>,
    /// Term id → most recent stories containing it (ring buffer of at most `max_postings`).
    postings: Vec<Vec<u32>>,
    postings_head: Vec<u32>,
    /// Documents moved to another story by review since the caller last took them.
    moves: Vec<(usize, StoryId)>,
    /// Recent documents that started a story of their own just below the threshold of
    /// another (oldest first, at most [`NEAR_MISSES_KEPT`]).
    near_misses: Vec<NearMiss>,
}

/// A document that started a story of its own because its best story scored just below the
/// threshold ([`ClusterOptions::second_look_share`]).
struct NearMiss {
    /// The story the document started (it is that story's only member while it waits).
    alone: u32,
    /// The story it nearly joined.
    near: u32,
    /// Document count when it was recorded (near misses expire like young stories' members).
    at: u32,
}

/// How many near misses wait for a second look at once (bounds the work per join).
pub const NEAR_MISSES_KEPT: usize = 64;

/// A document's features: term ids with sublinear tf.
struct Features {
    words: Vec<(u32, f32)>,
    names: Vec<(u32, f32)>,
    /// Publication year, or the first year written in the head of the text (a dateline).
    anchor_year: Option<i32>,
    /// Day ranges of the dates the text writes, known to the month (only for a document with
    /// a publication date: see [`ClusterInput::mentioned`]), nearest the publication first,
    /// at most [`MENTIONED_DAYS_PER_DOC`].
    mentioned_days: Vec<(i32, i32)>,
}

/// What a story is compared against: IDF-weighted, normalised vectors plus time anchors.
struct Probe<'a> {
    words: &'a [(u32, f32)],
    names: &'a [(u32, f32)],
    days: Option<(i32, i32)>,
    /// Day ranges of the dates the document writes (see [`ClusterInput::mentioned`]).
    mentioned_days: &'a [(i32, i32)],
    years: &'a [i32],
}

/// How often (in documents) idle stories are swept: young ones drop their members' features,
/// old ones are retired ([`StoryClusterer::housekeeping`]).
const SWEEP_EVERY: u32 = 1024;

/// How many day ranges of written dates a story keeps (bounds memory per story).
const STORY_MENTIONED_DAYS: usize = 16;

/// How many day ranges of written dates a document is compared with (bounds the work per
/// candidate story; news reports write a handful).
const MENTIONED_DAYS_PER_DOC: usize = 64;

/// Bytes at the start of a text searched for a dateline year.
const HEAD_BYTES: usize = 400;

impl StoryClusterer {
    pub fn new(opts: ClusterOptions) -> Self {
        StoryClusterer {
            opts,
            vocab: FxHashMap::default(),
            doc_freq: Vec::new(),
            numeric_term: Vec::new(),
            docs_seen: 0,
            stories: Vec::new(),
            postings: Vec::new(),
            postings_head: Vec::new(),
            moves: Vec::new(),
            near_misses: Vec::new(),
        }
    }

    /// Documents that review or a second look at a near miss
    /// ([`ClusterOptions::second_look_share`]) moved to another story since the last call, as
    /// (position of the document in the stream, counting from 0 over every
    /// [`StoryClusterer::add`] and [`StoryClusterer::add_to`] call, new story), in the order
    /// the moves happened. A caller that keeps each document's story applies them after every
    /// call; moves not taken are kept (at most one entry per move). A call reports a document
    /// at most once, with the story it ends that call in (a group split off and re-homed in
    /// one review is one move, to its new home); moves kept over several calls are applied in
    /// order, later ones winning.
    pub fn take_moves(&mut self) -> Vec<(usize, StoryId)> {
        // Called after every document: when nothing moved, the buffer has no capacity and
        // neither it nor the `Vec::new()` left in its place allocates.
        std::mem::take(&mut self.moves)
    }

    /// Number of story ids handed out so far: every [`StoryId`] is below it. Some of those
    /// stories may hold no document now (a group split off a story and re-homed into another
    /// leaves its new story empty; see [`ClusterOptions::rehome_split_groups`]), so this is
    /// an upper bound on the number of stories with documents.
    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// Number of documents added so far.
    pub fn document_count(&self) -> usize {
        self.docs_seen as usize
    }

    /// Size of the vocabulary learned so far.
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.len()
    }

    /// Put a document into its story (an existing one or a new one) and return the story id.
    ///
    /// Review of young stories may later move this document, or move earlier ones now; the
    /// moves are reported by [`StoryClusterer::take_moves`].
    pub fn add(&mut self, doc: &ClusterInput<'_>) -> StoryId {
        let features = self.features(doc);
        let day = doc.published.and_then(days_since_epoch);
        let words = self.weighted(&features.words);
        let names = self.weighted(&features.names);
        let years: Vec<i32> = features.anchor_year.into_iter().collect();
        let probe = Probe {
            words: &words,
            names: &names,
            days: day.map(|d| (d, d)),
            mentioned_days: &features.mentioned_days,
            years: &years,
        };
        let best = self.best_story(&probe);
        let id = match best {
            Some((id, score)) if score >= self.opts.threshold => id,
            Some((near, score)) => {
                let alone = self.new_story();
                self.note_near_miss(alone, near, score);
                alone
            }
            None => self.new_story(),
        };
        let position = self.docs_seen - 1;
        self.join(id, position, features, day, Some((words, names)));
        let id = self.review(id);
        self.second_look(id);
        self.housekeeping();
        StoryId(id)
    }

    /// Put a document into a given story (e.g. a syndicated copy of one of its members).
    ///
    /// The story is reviewed after the join as after [`StoryClusterer::add`]: a copy grows a
    /// young story like any report, and a split it makes due is made now (a copy stays in the
    /// group of its near-identical original). Moves are reported by
    /// [`StoryClusterer::take_moves`]; the returned story is the document's after review.
    /// A story id not handed out yet starts a new story; the id of a story review left empty
    /// (its documents moved: see `take_moves`) starts that story afresh, so callers should
    /// apply the moves before naming a story here.
    pub fn add_to(&mut self, doc: &ClusterInput<'_>, story: StoryId) -> StoryId {
        let features = self.features(doc);
        let day = doc.published.and_then(days_since_epoch);
        let id = if (story.0 as usize) < self.stories.len() {
            story.0
        } else {
            self.new_story()
        };
        let position = self.docs_seen - 1;
        self.join(id, position, features, day, None);
        let id = self.review(id);
        self.second_look(id);
        self.housekeeping();
        StoryId(id)
    }

    /// Every [`SWEEP_EVERY`] documents, free what idle stories no longer need: a young story
    /// idle for [`ClusterOptions::young_story_idle_docs`] drops its members' features (and is
    /// not reviewed again), a story idle for [`ClusterOptions::story_ttl_docs`] is retired
    /// (its centroid is freed and it is no longer a candidate).
    fn housekeeping(&mut self) {
        if !self.docs_seen.is_multiple_of(SWEEP_EVERY) {
            return;
        }
        let now = self.docs_seen;
        let (members_idle, ttl) = (self.opts.young_story_idle_docs, self.opts.story_ttl_docs);
        for story in &mut self.stories {
            let idle = now.saturating_sub(story.last_seen);
            // A retired story keeps no members either, whatever the options: review must not
            // move documents of a story that is no longer a candidate.
            if (idle > members_idle || idle > ttl) && !story.members.is_empty() {
                story.members = Vec::new();
            }
            if idle > ttl && !story.words.is_empty() {
                story.words = Vec::new();
                story.names = Vec::new();
            }
        }
    }

    fn new_story(&mut self) -> u32 {
        let id = self.stories.len() as u32;
        self.stories.push(Story::default());
        id
    }

    fn term_id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.vocab.get(term) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(term.into(), id);
        self.doc_freq.push(0);
        self.numeric_term
            .push(term.starts_with("d:") || term.starts_with("y:"));
        self.postings.push(Vec::new());
        self.postings_head.push(0);
        id
    }

    fn features(&mut self, doc: &ClusterInput<'_>) -> Features {
        let mut word_tf: FxHashMap<u32, f32> = FxHashMap::default();
        let mut name_tf: FxHashMap<u32, f32> = FxHashMap::default();
        let mut key = String::new();
        let text = doc.text;
        // A capitalised word is taken for a name unless the same document also writes it in
        // lower case: that keeps sentence-initial and title-case headline words out.
        let lower_case: rustc_hash::FxHashSet<&str> = words(text)
            .filter(|w| w.text.starts_with(|c: char| c.is_lowercase()))
            .map(|w| w.text)
            .collect();
        // Past ten decay lengths the extra weight is under 0.005%: not worth an `exp` per word.
        let lead_end = if self.opts.lead_words > 0.0 && self.opts.lead_boost > 0.0 {
            (self.opts.lead_words * 10.0) as usize
        } else {
            0
        };
        for (position, w) in words(text).enumerate() {
            let weight = if position < lead_end {
                1.0 + self.opts.lead_boost * (-(position as f32) / self.opts.lead_words).exp()
            } else {
                1.0
            };
            let folded = fold(w.text);
            let is_name_like = (doc.names.is_empty() || self.opts.capitalised_with_names)
                && w.is_capitalised()
                && w.text.len() > 1
                && !lower_case.contains(folded.as_str());

            if w.is_numeric() {
                // Years anchor a story in time; other numbers are noise for topic.
                let is_year =
                    w.text.len() == 4 && matches!(w.text.as_bytes().first(), Some(b'1' | b'2'));
                if is_year {
                    key.clear();
                    key.push_str("y:");
                    key.push_str(w.text);
                    let id = self.term_id(&key);
                    *name_tf.entry(id).or_default() += 1.0;
                } else if self.opts.number_features {
                    key.clear();
                    key.push_str("d:");
                    key.push_str(w.text);
                    let id = self.term_id(&key);
                    *name_tf.entry(id).or_default() += 1.0;
                }
                continue;
            }
            if folded.len() < 2 || is_stop_word(&folded) {
                continue;
            }
            let id = self.term_id(stem(&folded));
            *word_tf.entry(id).or_default() += weight;
            if is_name_like {
                key.clear();
                key.push_str("n:");
                key.push_str(&folded);
                let id = self.term_id(&key);
                *name_tf.entry(id).or_default() += weight;
            }
        }
        for name in doc.names {
            for w in words(name) {
                let folded = fold(w.text);
                if folded.len() < 2 || is_stop_word(&folded) {
                    continue;
                }
                key.clear();
                key.push_str("n:");
                key.push_str(&folded);
                let id = self.term_id(&key);
                *name_tf.entry(id).or_default() += 1.0;
            }
        }
        self.docs_seen += 1;
        let mut finish = |tf: FxHashMap<u32, f32>| -> Vec<(u32, f32)> {
            let mut v: Vec<(u32, f32)> = tf
                .into_iter()
                .map(|(id, n)| {
                    if let Some(df) = self.doc_freq.get_mut(id as usize) {
                        *df += 1;
                    }
                    (id, 1.0 + n.ln())
                })
                .collect();
            v.sort_unstable_by_key(|&(id, _)| id);
            v
        };
        let anchor_year = doc
            .published
            .and_then(|d| d.year)
            .or_else(|| head_year(text));
        let mentioned_days = match doc.published.and_then(days_since_epoch) {
            Some(published) => {
                let mut ranges: Vec<(i32, i32)> =
                    doc.mentioned.iter().filter_map(|&d| day_range(d)).collect();
                ranges.sort_unstable();
                ranges.dedup();
                // Nearest the publication first: a story keeps the first ones it sees, and
                // each is compared with every candidate story, so a timeline or a table of
                // dates keeps only the nearest.
                ranges.sort_by_key(|&r| gap(r, (published, published)));
                ranges.truncate(MENTIONED_DAYS_PER_DOC);
                ranges
            }
            None => Vec::new(),
        };
        Features {
            anchor_year,
            mentioned_days,
            words: finish(word_tf),
            names: finish(name_tf),
        }
    }

    fn idf(&self, id: u32) -> f32 {
        let df = self.doc_freq.get(id as usize).copied().unwrap_or(0) as f32;
        ((self.docs_seen as f32 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// IDF-weighted, L2-normalised copy of a feature vector.
    fn weighted(&self, v: &[(u32, f32)]) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = v.iter().map(|&(id, tf)| (id, tf * self.idf(id))).collect();
        let norm = out.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut out {
                *w /= norm;
            }
        }
        out
    }

    /// Cosine of a weighted document vector with a story centroid under the current IDF.
    ///
    /// `norm` is the centroid's IDF-weighted norm, cached when the story last changed: the IDF
    /// drifts slowly, and recomputing the norm per comparison dominated the cost per document.
    fn cosine(&self, doc: &[(u32, f32)], centroid: &[(u32, f32)], norm: f32) -> f32 {
        if doc.is_empty() || centroid.is_empty() || norm <= 0.0 {
            return 0.0;
        }
        weighted_dot(doc, centroid, |t| self.idf(t)) / norm
    }

    /// The story's cached centroid norms, refreshed when stale.
    fn norms(&self, story: &Story) -> (f32, f32) {
        let at = story.norms_at.get();
        if at == 0 || self.docs_seen > at + at / 10 {
            story.words_norm.set(self.norm(&story.words));
            story.names_norm.set(self.norm(&story.names));
            story.norms_at.set(self.docs_seen.max(1));
        }
        (story.words_norm.get(), story.names_norm.get())
    }

    /// IDF-weighted norm of a centroid under the current IDF.
    fn norm(&self, centroid: &[(u32, f32)]) -> f32 {
        centroid
            .iter()
            .map(|&(id, c)| {
                let x = c * self.idf(id);
                x * x
            })
            .sum::<f32>()
            .sqrt()
    }

    /// Best existing story for weighted vectors.
    fn best_story(&self, probe: &Probe<'_>) -> Option<(u32, f32)> {
        self.best_story_excluding(probe, &[])
    }

    /// Best existing story other than those in `exclude`.
    fn best_story_excluding(&self, probe: &Probe<'_>, exclude: &[u32]) -> Option<(u32, f32)> {
        let mut query: Vec<(u32, f32)> = probe
            .words
            .iter()
            .chain(probe.names.iter())
            .copied()
            .collect();
        query.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        query.truncate(self.opts.query_terms);
        let mut votes: FxHashMap<u32, f32> = FxHashMap::default();
        for &(id, w) in &query {
            for &s in self
                .postings
                .get(id as usize)
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                *votes.entry(s).or_default() += w;
            }
        }
        // A story with no centroid (retired, or left empty by a re-homed group) scores 0: it
        // must not take one of the few candidate places, nor win at a threshold of 0.
        let mut ranked: Vec<(u32, f32)> = votes
            .into_iter()
            .filter(|(s, _)| {
                !exclude.contains(s)
                    && self
                        .stories
                        .get(*s as usize)
                        .is_some_and(|story| !story.words.is_empty())
            })
            .collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(self.opts.candidates);
        ranked
            .into_iter()
            .filter_map(|(s, _)| Some((s, self.score(probe, self.stories.get(s as usize)?))))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }

    /// How well a document (or a group's centroid) fits a story: word cosine × name
    /// cosine^weight, damped by names the story has not seen, a year it does not have and
    /// distance in time.
    fn score(&self, probe: &Probe<'_>, story: &Story) -> f32 {
        let (words_norm, names_norm) = self.norms(story);
        let wc = self.cosine(probe.words, &story.words, words_norm);
        let nc = self.cosine(probe.names, &story.names, names_norm);
        // A product, not a sum: sharing vocabulary is not enough, the names must agree.
        let mut score = wc * nc.max(0.0).powf(self.opts.name_weight);
        if self.opts.name_coverage_weight > 0.0 {
            let is_name = |t: u32| !self.numeric_term.get(t as usize).copied().unwrap_or(false);
            score *=
                coverage(probe.names, &story.names, is_name).powf(self.opts.name_coverage_weight);
        }
        if !probe.years.is_empty()
            && !story.years.is_empty()
            && !probe.years.iter().any(|y| story.years.contains(y))
        {
            score *= self.opts.year_mismatch;
        }
        if let (Some(published), Some(story_days)) = (probe.days, story.days) {
            // Near in time: published near the story's reports, or either side writes a date
            // near the other's publication (a trial report naming the shooting's date; a
            // report of the shooting when the trial reports came first).
            let apart = probe
                .mentioned_days
                .iter()
                .map(|&r| gap(r, story_days))
                .chain(story.mentioned_days.iter().map(|&r| gap(published, r)))
                .fold(gap(published, story_days), i32::min) as f32;
            score *= self.time_factor(apart);
        }
        score
    }

    /// How much a score is kept for a story `apart` days from the document: 1 within
    /// [`ClusterOptions::time_window_days`], then decaying by 1/e every
    /// [`ClusterOptions::time_decay_days`] (see those options for values that are not
    /// positive).
    fn time_factor(&self, apart: f32) -> f32 {
        // `max` ignores NaN: a NaN or negative window is no window.
        let beyond = apart - self.opts.time_window_days.max(0.0);
        let decay = self.opts.time_decay_days;
        if beyond <= 0.0 || decay.is_nan() || decay < 0.0 {
            1.0
        } else if decay == 0.0 {
            0.0
        } else {
            (-beyond / decay).exp()
        }
    }

    /// Add a document (at `doc`, its position in the stream) to a story; `weighted` is its
    /// IDF-weighted word and name vectors when the caller already has them.
    fn join(
        &mut self,
        id: u32,
        doc: u32,
        f: Features,
        day: Option<i32>,
        weighted: Option<(Weighted, Weighted)>,
    ) {
        let cap = self.opts.centroid_terms;
        let Some(story) = self.stories.get_mut(id as usize) else {
            return;
        };
        story.absorb(&f, day, cap);
        story.last_seen = self.docs_seen;
        self.index(id, &f);
        let member = self.young_member(id, doc, f, day, weighted);
        let Some(story) = self.stories.get_mut(id as usize) else {
            return;
        };
        match member {
            Some(member) => story.members.push(member),
            None if !story.members.is_empty() => story.members = Vec::new(),
            None => {}
        }
    }

    /// The member record of a document that has just joined a story, when the story keeps
    /// its members: while it is young and its member list is complete (a story whose idle
    /// members were freed is not reviewed again).
    fn young_member(
        &self,
        id: u32,
        doc: u32,
        f: Features,
        day: Option<i32>,
        weighted: Option<(Weighted, Weighted)>,
    ) -> Option<Member> {
        let story = self.stories.get(id as usize)?;
        let size = story.size as usize;
        if size > self.opts.young_story_size || story.members.len() + 1 != size {
            return None;
        }
        let (words, names) =
            weighted.unwrap_or_else(|| (self.weighted(&f.words), self.weighted(&f.names)));
        let earlier = story
            .members
            .iter()
            .map(|m| self.pair_similarity((&words, &names), (&m.words, &m.names)))
            .collect();
        Some(Member {
            doc,
            features: f,
            day,
            earlier,
            words,
            names,
        })
    }

    /// Similarity of two documents' weighted vectors: word cosine × name cosine^weight.
    fn pair_similarity(&self, a: WordsAndNames<'_>, b: WordsAndNames<'_>) -> f32 {
        let name_cosine = dot(a.1, b.1).max(0.0);
        dot(a.0, b.0) * name_cosine.powf(self.opts.name_weight)
    }

    /// Index a story under a document's strongest terms (and keep postings bounded).
    fn index(&mut self, id: u32, f: &Features) {
        // Index the story under the document's strongest terms (and keep postings bounded).
        let mut strongest: Vec<(u32, f32)> = f
            .words
            .iter()
            .chain(f.names.iter())
            .map(|&(t, w)| (t, w * self.idf(t)))
            .collect();
        strongest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        strongest.truncate(self.opts.query_terms * 2);
        let max = self.opts.max_postings;
        for (t, _) in strongest {
            let (Some(list), Some(head)) = (
                self.postings.get_mut(t as usize),
                self.postings_head.get_mut(t as usize),
            ) else {
                continue;
            };
            if list.contains(&id) {
                continue;
            }
            if list.len() < max {
                list.push(id);
            } else if let Some(slot) = list.get_mut(*head as usize) {
                *slot = id;
                *head = (*head + 1) % max as u32;
            }
        }
    }
}

impl StoryClusterer {
    /// After a join, check whether a young story holds two groups of reports that are far
    /// closer within than across, and if so move the group without the story's first member
    /// into a new story. Returns the story the newest document ends up in.
    fn review(&mut self, id: u32) -> u32 {
        let Some(story) = self.stories.get(id as usize) else {
            return id;
        };
        let n = story.members.len();
        let min_group = self.opts.split_min_group.max(1);
        if n < (2 * min_group).max(self.opts.split_min_story)
            || n != story.size as usize
            || n > self.opts.young_story_size
        {
            return id;
        }
        let sim = Similarities {
            members: &story.members,
        };
        let (g0, g1) = sim.two_groups();
        if g0.len() < min_group || g1.len() < min_group {
            return id;
        }
        let within = sim.mean_within(&[&g0, &g1]);
        if sim.mean_between(&g0, &g1) >= self.opts.split_ratio * within {
            return id;
        }
        // The group with the story's first report keeps the story.
        let leaving = if g0.contains(&0) { g1 } else { g0 };
        let newest_leaves = leaving.contains(&(n - 1));
        let mut new_id = self.split_off(id, &leaving);
        if self.opts.rehome_split_groups {
            if let Some(home) = self.rehome(new_id, id) {
                new_id = home;
            }
        }
        if newest_leaves {
            new_id
        } else {
            id
        }
    }

    /// Place the story `group` (just split off `origin`) as a document would be placed: when
    /// its centroid scores at least the threshold in another story, its members join that
    /// story (moves reported) and `group` is left empty. Returns the story they joined.
    fn rehome(&mut self, group: u32, origin: u32) -> Option<u32> {
        let story = self.stories.get(group as usize)?;
        let words = self.weighted(&story.words);
        let names = self.weighted(&story.names);
        let probe = Probe {
            words: &words,
            names: &names,
            days: story.days,
            mentioned_days: &story.mentioned_days,
            years: &story.years,
        };
        let (home, score) = self.best_story_excluding(&probe, &[group, origin])?;
        if score < self.opts.threshold {
            return None;
        }
        let members = std::mem::take(&mut self.stories.get_mut(group as usize)?.members);
        if let Some(left) = self.stories.get_mut(group as usize) {
            // Empty: no longer a candidate (see `best_story_excluding`); its id stays taken.
            *left = Story {
                last_seen: left.last_seen,
                ..Story::default()
            };
        }
        // The split just reported these documents as moved to `group`, which no caller ever
        // saw: their one move is to `home`.
        for (_, story) in self.moves.iter_mut().filter(|(_, s)| s.0 == group) {
            *story = StoryId(home);
        }
        for m in members {
            // Weighted under today's IDF, as a document joining now would be.
            self.join(home, m.doc, m.features, m.day, None);
        }
        Some(home)
    }

    /// Remember a document that started story `alone` because its best story, `near`,
    /// scored `score`, just below the threshold (see [`ClusterOptions::second_look_share`]).
    fn note_near_miss(&mut self, alone: u32, near: u32, score: f32) {
        let share = self.opts.second_look_share;
        // `!(share > 0.0)` also rejects NaN; a share of 1 or more leaves no room below the
        // threshold.
        if !(share > 0.0 && share < 1.0) || score < share * self.opts.threshold {
            return;
        }
        if self.near_misses.len() >= NEAR_MISSES_KEPT {
            self.near_misses.remove(0);
        }
        self.near_misses.push(NearMiss {
            alone,
            near,
            at: self.docs_seen,
        });
    }

    /// After a join into story `grown`: score the near misses waiting on it again, and move
    /// each that now reaches the threshold into it. Near misses whose story is no longer
    /// theirs alone (a later report joined them), whose story was emptied or retired, or
    /// that waited longer than [`ClusterOptions::young_story_idle_docs`] are dropped.
    fn second_look(&mut self, grown: u32) {
        if self.near_misses.is_empty() {
            return;
        }
        let now = self.docs_seen;
        let patience = self.opts.young_story_idle_docs;
        let mut waiting = std::mem::take(&mut self.near_misses);
        waiting.retain(|nm| {
            now.saturating_sub(nm.at) <= patience
                && self
                    .stories
                    .get(nm.alone as usize)
                    .is_some_and(|s| s.size == 1 && s.members.len() == 1)
                && self
                    .stories
                    .get(nm.near as usize)
                    .is_some_and(|s| !s.words.is_empty())
        });
        let mut kept = Vec::with_capacity(waiting.len());
        for nm in waiting {
            if nm.near != grown || nm.alone == grown || !self.fits_now(&nm) {
                kept.push(nm);
                continue;
            }
            let Some(alone) = self.stories.get_mut(nm.alone as usize) else {
                continue;
            };
            let members = std::mem::take(&mut alone.members);
            // Empty, like a story a re-homed group left: no longer a candidate, id taken.
            *alone = Story {
                last_seen: alone.last_seen,
                ..Story::default()
            };
            for m in members {
                self.moves.push((m.doc as usize, StoryId(nm.near)));
                // Weighted under today's IDF, as a document joining now would be.
                self.join(nm.near, m.doc, m.features, m.day, None);
            }
        }
        self.near_misses = kept;
    }

    /// Whether a near miss's document now scores at least the threshold in the story it
    /// nearly joined (under today's IDF and that story's current centroid).
    fn fits_now(&self, nm: &NearMiss) -> bool {
        let (Some(alone), Some(near)) = (
            self.stories.get(nm.alone as usize),
            self.stories.get(nm.near as usize),
        ) else {
            return false;
        };
        let Some(m) = alone.members.first() else {
            return false;
        };
        let words = self.weighted(&m.features.words);
        let names = self.weighted(&m.features.names);
        let years: Vec<i32> = m.features.anchor_year.into_iter().collect();
        let probe = Probe {
            words: &words,
            names: &names,
            days: m.day.map(|d| (d, d)),
            mentioned_days: &m.features.mentioned_days,
            years: &years,
        };
        self.score(&probe, near) >= self.opts.threshold
    }

    /// Move the members at `leaving` (indices into the story's members) into a new story and
    /// rebuild both stories from their members.
    fn split_off(&mut self, id: u32, leaving: &[usize]) -> u32 {
        let new_id = self.new_story();
        let Some(story) = self.stories.get_mut(id as usize) else {
            return id;
        };
        let all = std::mem::take(&mut story.members);
        let (mut gone, mut stay): (Vec<Member>, Vec<Member>) = (Vec::new(), Vec::new());
        let (mut gone_at, mut stay_at) = (Vec::new(), Vec::new());
        for (i, mut m) in all.into_iter().enumerate() {
            let (group, at) = if leaving.contains(&i) {
                (&mut gone, &mut gone_at)
            } else {
                (&mut stay, &mut stay_at)
            };
            // Each member's row now lists the earlier members of its own group; those are
            // earlier in the old list too, so its own old row holds every value it needs.
            m.earlier = at
                .iter()
                .filter_map(|&j| m.earlier.get(j).copied())
                .collect();
            at.push(i);
            group.push(m);
        }
        for m in &gone {
            self.moves.push((m.doc as usize, StoryId(new_id)));
            self.index(new_id, &m.features);
        }
        let now = self.docs_seen;
        let cap = self.opts.centroid_terms;
        for (sid, members) in [(id, stay), (new_id, gone)] {
            let Some(story) = self.stories.get_mut(sid as usize) else {
                continue;
            };
            let mut rebuilt = Story {
                last_seen: now,
                ..Story::default()
            };
            for m in &members {
                rebuilt.absorb(&m.features, m.day, cap);
            }
            rebuilt.members = members;
            *story = rebuilt;
        }
        new_id
    }
}

/// An IDF-weighted, L2-normalised feature vector sorted by term id.
type Weighted = Vec<(u32, f32)>;

/// A document's weighted word and name vectors.
type WordsAndNames<'a> = (&'a [(u32, f32)], &'a [(u32, f32)]);

/// Pairwise similarities of a young story's members, read from each member's row of
/// similarities to the earlier ones (no matrix is built per review).
struct Similarities<'a> {
    members: &'a [Member],
}

impl Similarities<'_> {
    fn get(&self, i: usize, j: usize) -> f32 {
        let (late, early) = if i > j { (i, j) } else { (j, i) };
        self.members
            .get(late)
            .and_then(|m| m.earlier.get(early))
            .copied()
            .unwrap_or(0.0)
    }

    /// Mean similarity over all pairs across two groups.
    fn mean_between(&self, a: &[usize], b: &[usize]) -> f32 {
        let total: f32 = a
            .iter()
            .flat_map(|&i| b.iter().map(move |&j| (i, j)))
            .map(|(i, j)| self.get(i, j))
            .sum();
        total / (a.len() * b.len()).max(1) as f32
    }

    /// Mean similarity over all pairs inside the groups (pooled).
    fn mean_within(&self, groups: &[&[usize]]) -> f32 {
        let (mut total, mut pairs) = (0.0, 0usize);
        for g in groups {
            for (k, &i) in g.iter().enumerate() {
                for &j in g.iter().skip(k + 1) {
                    total += self.get(i, j);
                    pairs += 1;
                }
            }
        }
        total / pairs.max(1) as f32
    }

    /// Average-link agglomeration of the members down to two groups (member indices).
    fn two_groups(&self) -> (Vec<usize>, Vec<usize>) {
        let mut groups: Vec<Vec<usize>> = (0..self.members.len()).map(|i| vec![i]).collect();
        while groups.len() > 2 {
            let mut best = (0, 1, f32::NEG_INFINITY);
            for (a, ga) in groups.iter().enumerate() {
                for (b, gb) in groups.iter().enumerate().skip(a + 1) {
                    let mean = self.mean_between(ga, gb);
                    if mean > best.2 {
                        best = (a, b, mean);
                    }
                }
            }
            let merged = groups.swap_remove(best.1);
            if let Some(g) = groups.get_mut(best.0) {
                g.extend(merged);
            }
        }
        let second = groups.pop().unwrap_or_default();
        let first = groups.pop().unwrap_or_default();
        (first, second)
    }
}

/// Dot product of two vectors sorted by term id (a merge join).
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    weighted_dot(a, b, |_| 1.0)
}

/// Σ a[t] × b[t] × weight(t) over the terms both vectors (sorted by term id) have.
fn weighted_dot(a: &[(u32, f32)], b: &[(u32, f32)], weight: impl Fn(u32) -> f32) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while let (Some(&(x, w)), Some(&(y, v))) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += w * v * weight(x);
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The first plausible year (1900–2099) written in the head of a text: datelines and
/// "Posted: Jul 07, 2012" lines put the publication year there.
fn head_year(text: &str) -> Option<i32> {
    let mut cut = HEAD_BYTES.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    words(text.get(..cut)?)
        .filter(|w| w.text.len() == 4 && w.is_numeric())
        .filter_map(|w| w.text.parse::<i32>().ok())
        .find(|y| (1900..2100).contains(y))
}

/// Share of a document vector's squared mass (over the terms `counted` accepts) on terms the
/// centroid has.
fn coverage(doc: &[(u32, f32)], centroid: &[(u32, f32)], counted: impl Fn(u32) -> bool) -> f32 {
    let (mut covered, mut total) = (0.0, 0.0);
    let mut j = 0;
    for &(a, w) in doc.iter().filter(|&&(t, _)| counted(t)) {
        total += w * w;
        while centroid.get(j).is_some_and(|&(b, _)| b < a) {
            j += 1;
        }
        if centroid.get(j).is_some_and(|&(b, _)| b == a) {
            covered += w * w;
        }
    }
    if total > 0.0 {
        covered / total
    } else {
        1.0
    }
}

/// `centroid += scale × v`, both sorted by term id.
fn add_sorted(centroid: &mut Vec<(u32, f32)>, v: &[(u32, f32)], scale: f32) {
    let mut out = Vec::with_capacity(centroid.len() + v.len());
    let (mut i, mut j) = (0, 0);
    loop {
        match (centroid.get(i), v.get(j)) {
            (Some(&(a, x)), Some(&(b, y))) => match a.cmp(&b) {
                std::cmp::Ordering::Less => {
                    out.push((a, x));
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    out.push((b, y * scale));
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    out.push((a, x + y * scale));
                    i += 1;
                    j += 1;
                }
            },
            (Some(&p), None) => {
                out.push(p);
                i += 1;
            }
            (None, Some(&(b, y))) => {
                out.push((b, y * scale));
                j += 1;
            }
            (None, None) => break,
        }
    }
    *centroid = out;
}

/// Keep a centroid to its `cap` strongest terms (amortised: only once it holds twice as many).
fn prune(centroid: &mut Vec<(u32, f32)>, cap: usize) {
    if centroid.len() > 2 * cap {
        centroid.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        centroid.truncate(cap);
        centroid.sort_unstable_by_key(|&(t, _)| t);
        centroid.shrink_to_fit();
    }
}

/// Days between two day ranges (0 when they overlap).
fn gap(a: (i32, i32), b: (i32, i32)) -> i32 {
    (b.0 - a.1).max(a.0 - b.1).max(0)
}

/// First and last day (days since 1970) of a date known at least to the month (`None` for
/// one that is not a date: see [`days_since_epoch`]).
fn day_range(d: PartialDate) -> Option<(i32, i32)> {
    let (year, month) = (d.year?, d.month?);
    if d.day.is_some() {
        return days_since_epoch(d).map(|day| (day, day));
    }
    let first = days_since_epoch(PartialDate::ymd(year, month, 1))?;
    let last = days_since_epoch(PartialDate::ymd(
        year,
        month,
        triangulate_doc::days_in_month(Some(year), month),
    ))?;
    Some((first, last))
}

/// Days since 1970-01-01 for a complete date (civil-from-days inverse, proleptic Gregorian).
///
/// `None` for a date that is not one: a month outside 1–12, a day the month does not have,
/// or a year outside 1–9999 (dates come from input; a year near `i32::MAX` would overflow).
pub fn days_since_epoch(d: PartialDate) -> Option<i32> {
    let (y, month, day) = (d.year?, d.month?, d.day?);
    if !(1..=9999).contains(&y)
        || !(1..=12).contains(&month)
        || day == 0
        || day > triangulate_doc::days_in_month(Some(y), month)
    {
        return None;
    }
    let (m, day) = (i32::from(month), i32::from(day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_the_opening_weigh_more_than_the_same_words_later() {
        // "harbour" opens the text, "granary" closes it; each is written once.
        let filler = "quietly ".repeat(300);
        let text = format!("Harbour Tessaly {filler} granary Ostrava");
        let tf_of = |c: &mut StoryClusterer, f: &Features, word: &str| {
            let id = c.term_id(stem(word));
            f.words.iter().find(|&&(t, _)| t == id).map(|&(_, w)| w)
        };
        let mut weighted = StoryClusterer::new(ClusterOptions::default());
        let f = weighted.features(&ClusterInput::text_only(&text));
        let (open, late) = (
            tf_of(&mut weighted, &f, "harbour"),
            tf_of(&mut weighted, &f, "granary"),
        );
        assert!(open > late, "opening {open:?} vs late {late:?}");
        // The opening's capitalised names weigh more too.
        let name_of = |c: &mut StoryClusterer, f: &Features, name: &str| {
            let id = c.term_id(&format!("n:{name}"));
            f.names.iter().find(|&&(t, _)| t == id).map(|&(_, w)| w)
        };
        let (open, late) = (
            name_of(&mut weighted, &f, "tessaly"),
            name_of(&mut weighted, &f, "ostrava"),
        );
        assert!(open > late, "opening name {open:?} vs late {late:?}");

        let mut flat = StoryClusterer::new(ClusterOptions {
            lead_words: 0.0,
            ..ClusterOptions::default()
        });
        let f = flat.features(&ClusterInput::text_only(&text));
        let (open, late) = (
            tf_of(&mut flat, &f, "harbour"),
            tf_of(&mut flat, &f, "granary"),
        );
        assert!(open.is_some() && open == late, "{open:?} vs {late:?}");
    }

    #[test]
    fn coverage_is_the_share_of_document_mass_the_story_has() {
        let doc = [(1, 0.6), (4, 0.8)];
        let all = |_| true;
        assert!((coverage(&doc, &[(1, 3.0), (2, 1.0)], all) - 0.36).abs() < 1e-6);
        assert!((coverage(&doc, &[(0, 1.0), (4, 0.1), (9, 2.0)], all) - 0.64).abs() < 1e-6);
        assert_eq!(coverage(&doc, &[], all), 0.0);
        assert_eq!(coverage(&[], &[(1, 1.0)], all), 1.0);
        // Terms not counted are left out of both sides of the share.
        assert_eq!(coverage(&doc, &[(1, 3.0)], |t| t != 4), 1.0);
    }

    #[test]
    fn an_emptied_story_takes_no_candidate_place() {
        let text = "Harbour cranes toppled in a gale at the Tessaly container port on Monday, port director Ivo Rask said.";
        let mut c = StoryClusterer::new(ClusterOptions {
            candidates: 1,
            ..ClusterOptions::default()
        });
        let first = c.add(&ClusterInput::text_only(text));
        let copy = c.add_to(&ClusterInput::text_only(text), StoryId(u32::MAX));
        assert_ne!(first, copy);
        // As a re-homed group leaves its story: emptied, still in the postings.
        if let Some(story) = c.stories.get_mut(first.0 as usize) {
            *story = Story::default();
        }
        let f = c.features(&ClusterInput::text_only(text));
        let (words, names) = (c.weighted(&f.words), c.weighted(&f.names));
        let probe = Probe {
            words: &words,
            names: &names,
            days: None,
            mentioned_days: &[],
            years: &[],
        };
        let best = c.best_story(&probe);
        assert!(
            best.is_some_and(|(s, score)| s == copy.0 && score > 0.5),
            "{best:?}"
        );
    }

    #[test]
    fn a_text_writing_thousands_of_dates_keeps_those_nearest_its_publication() {
        let published = PartialDate::ymd(2025, 6, 15);
        let mut mentioned: Vec<PartialDate> = (0..5000)
            .map(|i| PartialDate::ymd(1 + i / 12, (i % 12) as u8 + 1, 1))
            .collect();
        mentioned.push(PartialDate::ymd(2025, 6, 1));
        mentioned.push(PartialDate::ymd(9999, 12, 31));
        let mut c = StoryClusterer::new(ClusterOptions::default());
        let f = c.features(&ClusterInput {
            text: "A timeline of the Tessaly harbour since its founding.",
            names: &[],
            published: Some(published),
            mentioned: &mentioned,
        });
        assert_eq!(f.mentioned_days.len(), MENTIONED_DAYS_PER_DOC);
        let first_of_june = days_since_epoch(PartialDate::ymd(2025, 6, 1));
        assert!(f
            .mentioned_days
            .iter()
            .any(|&(lo, _)| Some(lo) == first_of_june));
        let year_one = days_since_epoch(PartialDate::ymd(1, 1, 1));
        assert!(f.mentioned_days.iter().all(|&(lo, _)| Some(lo) != year_one));
    }

    #[test]
    fn time_never_raises_a_score_whatever_the_options() {
        let text = "Harbour cranes toppled in a gale at the Tessaly container port on Monday, port director Ivo Rask said.";
        let score = |window: f32, decay: f32, days_later: i32| -> f32 {
            let mut c = StoryClusterer::new(ClusterOptions {
                time_window_days: window,
                time_decay_days: decay,
                ..ClusterOptions::default()
            });
            let mut doc = ClusterInput::text_only(text);
            doc.published = Some(PartialDate::ymd(2025, 3, 3));
            c.add(&doc);
            let f = c.features(&ClusterInput::text_only(text));
            let (words, names) = (c.weighted(&f.words), c.weighted(&f.names));
            let day = days_since_epoch(PartialDate::ymd(2025, 3, 3)).map(|d| d + days_later);
            let probe = Probe {
                words: &words,
                names: &names,
                days: day.map(|d| (d, d)),
                mentioned_days: &[],
                years: &[],
            };
            c.best_story(&probe).map_or(f32::NAN, |(_, s)| s)
        };
        let same_day = score(14.0, 90.0, 0);
        assert!(same_day > 0.5, "{same_day}");
        assert!(score(14.0, 90.0, 400) < same_day * 0.05);
        // A negative or NaN scale is no decay: never a boost for distance, never NaN.
        for decay in [-30.0, f32::NAN, f32::INFINITY] {
            let far = score(14.0, decay, 400);
            assert!(
                (far - same_day).abs() < 1e-6,
                "decay {decay}: {far} vs {same_day}"
            );
        }
        // A scale of 0 is a hard cut at the window's end.
        assert!((score(14.0, 0.0, 14) - same_day).abs() < 1e-6);
        assert_eq!(score(14.0, 0.0, 15), 0.0);
        // A negative or NaN window is no window: the same day is not decayed, the next is.
        for window in [-5.0, f32::NAN] {
            assert!((score(window, 90.0, 0) - same_day).abs() < 1e-6, "{window}");
            assert!(score(window, 90.0, 1) < same_day, "{window}");
        }
    }

    #[test]
    fn epoch_days() {
        assert_eq!(days_since_epoch(PartialDate::ymd(1970, 1, 1)), Some(0));
        assert_eq!(days_since_epoch(PartialDate::ymd(2000, 3, 1)), Some(11_017));
        assert_eq!(days_since_epoch(PartialDate::ymd(2025, 3, 4)), Some(20_151));
        assert_eq!(days_since_epoch(PartialDate::ymd(1, 1, 1)), Some(-719_162));
        assert_eq!(
            days_since_epoch(PartialDate::ymd(9999, 12, 31)),
            Some(2_932_896)
        );
        // Input dates that are not dates, and years that would overflow the arithmetic.
        for (year, month, day) in [
            (i32::MAX, 12, 31),
            (i32::MIN, 1, 1),
            (0, 1, 1),
            (10_000, 1, 1),
            (2025, 0, 1),
            (2025, 13, 1),
            (2025, 2, 29),
            (2025, 4, 0),
            (2025, 4, 31),
        ] {
            assert_eq!(
                days_since_epoch(PartialDate::ymd(year, month, day)),
                None,
                "{year}-{month}-{day}"
            );
        }
        assert_eq!(
            days_since_epoch(PartialDate::ymd(2024, 2, 29)),
            Some(19_782)
        );
        let month = |year, month| PartialDate {
            year: Some(year),
            month: Some(month),
            day: None,
        };
        assert_eq!(day_range(month(2025, 2)), Some((20_120, 20_147)));
        assert_eq!(day_range(month(i32::MAX, 2)), None);
        assert_eq!(day_range(month(2025, 14)), None);
        assert_eq!(day_range(PartialDate::ymd(2025, 2, 30)), None);
    }

    #[test]
    fn a_retired_story_keeps_no_members_whatever_the_idle_limit() {
        let mut c = StoryClusterer::new(ClusterOptions {
            story_ttl_docs: 10,
            young_story_idle_docs: u32::MAX,
            ..ClusterOptions::default()
        });
        c.add(&ClusterInput::text_only(
            "The Qarn ferry ran aground off Tallow, the harbour master said.",
        ));
        assert_eq!(c.stories.first().map(|s| s.members.len()), Some(1));
        c.docs_seen = SWEEP_EVERY * 2;
        c.housekeeping();
        let story = c.stories.first().expect("one story");
        assert!(story.words.is_empty(), "retired");
        assert!(story.members.is_empty(), "members kept by a retired story");
    }

    #[test]
    fn same_kind_events_with_different_people_stay_apart() {
        let mut c = StoryClusterer::new(ClusterOptions::default());
        let docs = [
            "Singer Mira Osk entered a rehab clinic in Tallow on Monday, her agent Joss Brin said. Osk checked in after a difficult tour.",
            "Actor Pell Varno checked into a rehab facility near Quarn, his publicist said. Varno had cancelled two film shoots this year.",
            "Mira Osk is in rehab at a Tallow clinic, agent Joss Brin confirmed. Osk will stay for thirty days after her tour.",
            "Pell Varno is receiving treatment at a rehab centre near Quarn, according to his publicist. Varno cancelled film work.",
        ];
        let ids: Vec<StoryId> = docs
            .iter()
            .map(|d| c.add(&ClusterInput::text_only(d)))
            .collect();
        assert_eq!(ids[0], ids[2]);
        assert_eq!(ids[1], ids[3]);
        assert_ne!(ids[0], ids[1]);
    }
}
