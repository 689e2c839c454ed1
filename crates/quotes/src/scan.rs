//! The quote scanner: quote-mark regions, attribution windows, indirect-speech patterns, and a
//! final pass in text order that resolves pronouns and descriptions to named speakers.
use crate::lexicon::{self, CueVerb, Gender, VerbForm};
use crate::{Cue, Quote, QuoteKind, Resolution, SpeakerRef};
use std::collections::HashMap;
use triangulate_doc::{EntityLabel, EntityMention, Sentence, Span, Token};

/// How many earlier entity mentions a pronoun or description looks back over: a referent is
/// named recently, and the bound keeps resolution linear on very long documents.
const LOOKBACK_ENTITIES: usize = 200;

/// A token range `[first, end)`.
type Range = (usize, usize);

/// What an attribution pattern found: cue, speaker, intermediary, confidence.
type Attribution = (Option<CueAt>, Option<Draft>, Option<Draft>, f32);

/// Last person mentioned, last speaker, and the last speaker slot (set once any quote had a
/// speaker, even an unresolved one).
type RecentSpeakers = (Option<usize>, Option<usize>, Option<Option<usize>>);

/// What the document says about each entity as a person: gender from titles and pronouns, and
/// whether the mention sits inside a quote.
struct PersonFacts {
    gender: Vec<Option<Gender>>,
    quoted: Vec<bool>,
}

/// A quote-mark region: opening mark, closing mark, content ranges (one per paragraph).
struct Region {
    open: usize,
    close: usize,
    parts: Vec<Range>,
}

/// A speaker or intermediary before resolution.
#[derive(Clone, Debug)]
struct Draft {
    range: Range,
    resolution: Resolution,
    /// Index into the entity list when the draft is a named mention.
    entity: Option<usize>,
    role: Option<Range>,
}

impl Draft {
    /// The first token of the speaker's words: its role's when the role comes before it.
    fn first_token(&self) -> usize {
        self.role
            .map_or(self.range.0, |(role_first, _)| role_first.min(self.range.0))
    }
}

#[derive(Clone, Copy)]
struct CueAt {
    token: usize,
    verb: CueVerb,
}

struct Candidate {
    content: Vec<Range>,
    kind: QuoteKind,
    cue: Option<CueAt>,
    speaker: Option<Draft>,
    via: Option<Draft>,
    confidence: f32,
}

pub(crate) struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Token],
    sentences: Vec<Range>,
    entities: Vec<EntityMention>,
    fallback: bool,
    entity_ending_at: Vec<Option<usize>>,
    entity_starting_at: Vec<Option<usize>>,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(
        text: &'a str,
        tokens: &'a [Token],
        sentences: &[Sentence],
        entities: &[EntityMention],
    ) -> Self {
        let n = tokens.len();
        let mut sentence_ranges: Vec<Range> = sentences
            .iter()
            .filter(|s| s.first_token < s.end_token && s.end_token <= n)
            .map(|s| (s.first_token, s.end_token))
            .collect();
        if sentence_ranges.is_empty() && n > 0 {
            sentence_ranges.push((0, n));
        }
        let mut scanner = Scanner {
            text,
            tokens,
            sentences: sentence_ranges,
            entities: Vec::new(),
            fallback: entities.is_empty(),
            entity_ending_at: vec![None; n],
            entity_starting_at: vec![None; n],
        };
        let mut valid: Vec<EntityMention> = if entities.is_empty() {
            scanner.fallback_mentions()
        } else {
            entities
                .iter()
                .filter(|e| e.first_token < e.end_token && e.end_token <= n)
                .cloned()
                .collect()
        };
        valid.sort_by_key(|e| (e.first_token, e.end_token));
        for (k, e) in valid.iter().enumerate() {
            scanner.entity_starting_at[e.first_token] = Some(k);
            scanner.entity_ending_at[e.end_token - 1] = Some(k);
        }
        scanner.entities = valid;
        scanner
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| t.span.text(self.text))
            .unwrap_or_default()
    }

    fn line_break_before(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.tokens.get(p)),
            self.tokens.get(i),
        ) {
            (Some(prev), Some(cur)) => self
                .text
                .get(prev.span.end..cur.span.start)
                .is_some_and(|g| g.contains('\n')),
            _ => true,
        }
    }

    fn span_of(&self, (first, end): Range) -> Span {
        match (
            self.tokens.get(first),
            end.checked_sub(1).and_then(|l| self.tokens.get(l)),
        ) {
            (Some(a), Some(b)) if first < end => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }

    fn text_of(&self, range: Range) -> String {
        self.span_of(range)
            .text(self.text)
            .unwrap_or_default()
            .to_string()
    }

    fn sentence_of(&self, token: usize) -> Range {
        let k = self.sentences.partition_point(|&(_, end)| end <= token);
        self.sentences
            .get(k)
            .copied()
            .filter(|&(first, _)| first <= token)
            .unwrap_or((token, token + 1))
    }

    pub(crate) fn run(self) -> Vec<Quote> {
        let regions = self.quote_regions();
        let mut used_cues = vec![false; self.tokens.len()];
        let mut in_region = vec![false; self.tokens.len()];
        for r in &regions {
            let end = (r.close + 1).min(in_region.len());
            if let Some(marks) = in_region.get_mut(r.open..end) {
                marks.fill(true);
            }
        }
        // Direct quotes first: their cues must not be read again as indirect speech.
        let mut direct: Vec<Option<Candidate>> = Vec::with_capacity(regions.len());
        for (k, region) in regions.iter().enumerate() {
            // "told CNN's “Larry King Live”", "in his book “The Secret Man: The Story of
            // Watergate's Deep Throat,”": the title of a work, not words spoken.
            if self.is_title_of_a_work(region) {
                direct.push(None);
                continue;
            }
            let mut found = self.attribute_direct(region, &in_region);
            if found.is_none() && k > 0 {
                found = self.inherit(&regions[k - 1], region, direct[k - 1].as_ref());
            }
            let content_tokens: usize = region.parts.iter().map(|(a, b)| b - a).sum();
            let candidate = match found {
                Some((cue, speaker, via, confidence)) => {
                    if let Some(c) = cue {
                        used_cues[c.token] = true;
                    }
                    Some(Candidate {
                        content: region.parts.clone(),
                        kind: QuoteKind::Direct,
                        cue,
                        speaker,
                        via,
                        confidence,
                    })
                }
                // Short unattributed quotes are titles or scare quotes, not speech.
                None if content_tokens < 4 => None,
                None => Some(Candidate {
                    content: region.parts.clone(),
                    kind: QuoteKind::Direct,
                    cue: None,
                    speaker: None,
                    via: None,
                    confidence: 0.4,
                }),
            };
            direct.push(candidate);
        }
        let mut out: Vec<Candidate> = Vec::new();
        for &(sentence_first, sentence_end) in &self.sentences {
            // A sentence may report several clauses ("X has called the deal rushed and says
            // ...", "..., and Y has insisted that ..."): scan on after each one found.
            let mut from = sentence_first;
            let mut previous: Option<Draft> = None;
            while from < sentence_end {
                let Some(mut cand) = self.indirect(
                    (from, sentence_end),
                    &used_cues,
                    &in_region,
                    previous.as_ref(),
                ) else {
                    break;
                };
                let (a, b) = cand.content[0];
                let after_cue = cand.cue.map_or(0, |c| c.token + 1);
                let after_speaker = cand.speaker.as_ref().map_or(0, |d| d.range.1);
                from = b.max(after_cue).max(after_speaker).max(from + 1);
                previous = cand.speaker.clone();
                let mut overlaps_kept = false;
                let mut inner = Vec::new();
                // Regions are sorted and do not nest, so only the one opening before `a` and
                // those opening inside the content can touch it.
                let lo = regions.partition_point(|r| r.open < a).saturating_sub(1);
                let near = regions
                    .iter()
                    .enumerate()
                    .skip(lo)
                    .take_while(|(_, r)| r.open < b);
                for (k, region) in near {
                    // A fragment may close after the content's final punctuation
                    // ("... was “selling the lake.”"), but not after the sentence.
                    let inside = a <= region.open && region.open < b && region.close < sentence_end;
                    let overlaps = region.open < b && a <= region.close;
                    let unattributed = direct[k].as_ref().is_none_or(|c| c.cue.is_none());
                    if inside && unattributed {
                        inner.push(k);
                    } else if overlaps {
                        overlaps_kept = true;
                    }
                }
                if overlaps_kept {
                    continue;
                }
                let whole = match (inner.as_slice(), cand.content.first()) {
                    ([k], Some(&(a, b))) => regions.get(*k).filter(|r| {
                        r.open == a
                            && (r.close + 1..b)
                                .all(|t| self.word(t).chars().all(|c| c.is_ascii_punctuation()))
                    }),
                    _ => None,
                };
                if let Some(region) = whole {
                    // "According to Velic, “the road is closed.”": the reported words are the
                    // quote itself, a direct quote, its marks outside its span.
                    cand.kind = QuoteKind::Direct;
                    cand.content = region.parts.clone();
                    if let Some(&k) = inner.first() {
                        direct[k] = None;
                    }
                } else if !inner.is_empty() {
                    cand.kind = QuoteKind::Mixed;
                    for k in inner {
                        if let Some(content) = cand.content.first_mut() {
                            content.1 = content.1.max(regions[k].close);
                        }
                        direct[k] = None;
                    }
                }
                out.push(cand);
            }
        }
        out.extend(direct.into_iter().flatten());
        out.sort_by_key(|c| c.content.first().map(|r| r.0));
        let persons = PersonFacts {
            gender: self.learn_genders(&in_region),
            quoted: self
                .entities
                .iter()
                .map(|e| in_region.get(e.first_token).copied().unwrap_or(false))
                .collect(),
        };
        self.resolve(out, &persons)
    }

    /// Finds quote-mark regions. A double quote still open at a line break continues only if
    /// the next paragraph reopens it; otherwise the stray mark is dropped.
    fn quote_regions(&self) -> Vec<Region> {
        let mut regions = Vec::new();
        let mut open: Option<(usize, usize, Vec<Range>)> = None; // (open mark, content start, parts)
                                                                 // A quote still open at a line break whose next line does not reopen it (news style
                                                                 // would): its closing mark may yet come on that line, when the writer's paragraph was
                                                                 // split into lines ("…any more.⏎However, …one,” the official said."). (open mark,
                                                                 // parts so far, first token of the line).
        let mut pending: Option<(usize, Vec<Range>, usize)> = None;
        for i in 0..self.tokens.len() {
            let w = self.word(i);
            if self.line_break_before(i) {
                pending = None;
                if let Some((o, start, mut parts)) = open.take() {
                    parts.push((start, i));
                    if is_opening_mark(w) {
                        open = Some((o, i + 1, parts));
                        continue;
                    }
                    pending = Some((o, parts, i));
                }
            }
            if open.is_none() && self.is_closing_mark(i) {
                // A closing mark with no quote open closes the quote left open at the line
                // break; with none, its opening mark was lost, and it must not open a quote
                // that would pair with the next opening mark.
                if let Some((o, mut parts, line_start)) = pending.take() {
                    parts.push((line_start, i));
                    push_region(&mut regions, o, i, parts);
                }
                continue;
            }
            // German and Slavic style opens low („) and closes with the high mark (“) that
            // opens a quote in English.
            let low_high_close =
                w == "“" && open.as_ref().is_some_and(|(o, ..)| self.word(*o) == "„");
            match (w, open.take()) {
                (w, None) if is_opening_mark(w) => {
                    pending = None;
                    open = Some((i, i + 1, Vec::new()));
                }
                (_, Some((o, start, mut parts)))
                    if low_high_close || matches!(w, "”" | "»" | "\"" | "''") =>
                {
                    parts.push((start, i));
                    push_region(&mut regions, o, i, parts);
                }
                (_, state) => open = state,
            }
        }
        self.single_quote_regions(&mut regions);
        regions.sort_by_key(|r| r.open);
        regions
    }

    /// Whether a quoted region is a title (of a show, book, film, law): two to twelve words,
    /// every word capitalised except short function words, nothing after a final punctuation
    /// mark but a comma.
    fn is_title_of_a_work(&self, region: &Region) -> bool {
        let words: Vec<&str> = region
            .parts
            .iter()
            .flat_map(|&(a, b)| (a..b).map(|t| self.word(t)))
            .filter(|w| !matches!(*w, "," | ":" | "'s" | "’s" | "-" | "–" | "—"))
            .collect();
        let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        let function_word = |w: &str| {
            matches!(
                w,
                "of" | "the"
                    | "a"
                    | "an"
                    | "and"
                    | "in"
                    | "on"
                    | "for"
                    | "to"
                    | "at"
                    | "with"
                    | "or"
            )
        };
        (2..=12).contains(&words.len())
            && words.first().is_some_and(|w| capitalised(w))
            && words.iter().all(|w| capitalised(w) || function_word(w))
            // A capital pronoun or a sentence's end says it is speech ("I Will Not Go.").
            && !words
                .iter()
                .any(|w| matches!(*w, "I" | "." | "!" | "?" | "We" | "You"))
    }

    /// Whether the mark at token `i` can only close a quote: a closing curly or angle mark, or a
    /// straight double quote written against the word or punctuation before it and followed by
    /// a space, punctuation or the end (`one," the official`), which an opening mark never is.
    fn is_closing_mark(&self, i: usize) -> bool {
        match self.word(i) {
            "”" | "»" | "''" => true,
            "\"" => {
                let Some(span) = self.tokens.get(i).map(|t| t.span) else {
                    return false;
                };
                let before = self
                    .text
                    .get(..span.start)
                    .and_then(|t| t.chars().next_back());
                let after = self.text.get(span.end..).and_then(|t| t.chars().next());
                before.is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '[' | '—' | '–'))
                    && after.is_none_or(|c| {
                        c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')')
                    })
            }
            _ => false,
        }
    }

    /// Curly single quotes used as top-level quote marks (headline style), outside any double
    /// quote, closed on the same line.
    fn single_quote_regions(&self, regions: &mut Vec<Region>) {
        let inside_double =
            |i: usize, regions: &[Region]| regions.iter().any(|r| r.open <= i && i <= r.close);
        let mut open: Option<usize> = None;
        let mut found = Vec::new();
        for i in 0..self.tokens.len() {
            if self.line_break_before(i) {
                open = None;
            }
            match self.word(i) {
                "‘" if !inside_double(i, regions) => open = Some(i),
                "’" => {
                    if let Some(o) = open.take() {
                        if i > o + 1 {
                            found.push(Region {
                                open: o,
                                close: i,
                                parts: vec![(o + 1, i)],
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        regions.extend(found);
    }

    /// Attribution of a direct quote: first after the closing mark ("…,” said Velic." /
    /// "…,” she added."), then before the opening mark ("Velic said: “…”").
    fn attribute_direct(&self, region: &Region, in_region: &[bool]) -> Option<Attribution> {
        let n = self.tokens.len();
        // After the closing mark, up to the next quote or line break or sentence end.
        let mut start = region.close + 1;
        while start < n && matches!(self.word(start), "," | "—" | "–" | "-") {
            start += 1;
        }
        let mut stop = start;
        while stop < n
            && stop < start + 14
            && !in_region[stop]
            && !(stop > start && self.line_break_before(stop))
            && !matches!(self.word(stop), "." | "!" | "?" | ";")
        {
            stop += 1;
        }
        if start < stop && !self.line_break_before(start) {
            if let Some(found) = self.attribution_in(start, stop) {
                return Some(found);
            }
        }
        // Before the opening mark: "Velic said:", "Velic told Nordwire,", "as saying:".
        let (sentence_first, _) = self.sentence_of(region.open);
        let mut end = region.open;
        while end > sentence_first && matches!(self.word(end - 1), ":" | "," | "that" | "—") {
            end -= 1;
        }
        let lower = sentence_first.max(region.open.saturating_sub(16));
        // With a colon or comma before the mark, a short adverbial may follow the cue
        // ("Velic said on Tuesday: “…”"); without one, the cue must touch the mark, or the
        // quote is a fragment inside indirect speech ("said the plan was “dead”").
        let reach = if matches!(self.word(end), ":" | ",") {
            4
        } else {
            1
        };
        for cue_token in (lower..end).rev().take(reach) {
            if let Some(verb) = lexicon::cue_verb(self.word(cue_token)) {
                let cue = CueAt {
                    token: cue_token,
                    verb,
                };
                if let Some((speaker, via)) = self.speaker_before_cue(cue, lower) {
                    let conf = confidence(&speaker, self.fallback);
                    let via = via.or_else(|| self.via_after_tell(cue, end));
                    return Some((Some(cue), Some(speaker), via, conf));
                }
            }
        }
        None
    }

    /// A speaker and cue inside the window `[start, stop)` right after a closing quote mark.
    fn attribution_in(&self, start: usize, stop: usize) -> Option<Attribution> {
        // "…,” according to Velic."
        if self.word(start).eq_ignore_ascii_case("according") && self.word(start + 1) == "to" {
            let (speaker, via) = self.according_to(start + 2, stop)?;
            let conf = speaker
                .as_ref()
                .map_or(0.6, |s| confidence(s, self.fallback));
            return Some((None, speaker, via, conf));
        }
        // "…,” said Velic." / "…,” said the minister."
        if let Some(verb) = lexicon::cue_verb(self.word(start)) {
            let cue = CueAt { token: start, verb };
            let speaker = self.np_after(start + 1, stop)?;
            let via = self.via_after_tell(
                CueAt {
                    token: speaker.range.1 - 1,
                    verb,
                },
                stop,
            );
            let conf = confidence(&speaker, self.fallback);
            return Some((Some(cue), Some(speaker), via, conf));
        }
        // "…,” Velic said." / "…,” Ana Velic, the minister, told Nordwire." / "…,” Ana
        // Velic, director of the Varn roads agency, said."
        for cue_token in start + 1..stop {
            let Some(verb) = lexicon::cue_verb(self.word(cue_token)) else {
                continue;
            };
            let cue = CueAt {
                token: cue_token,
                verb,
            };
            let (speaker, via) = self.speaker_before_cue(cue, start)?;
            // Only the speaker's own words may come between the closing mark and the speaker:
            // courtesy titles ("…,” Ms. Velic said in her speech), the role before the name
            // ("…,” spokesman Tomas Reyl said", "…,” fire chief Reyl said") or a description
            // the name is set beside ("…,” the fire chief, Tomas Reyl, said").
            let speaker = if self.only_speaker_words_between(start, &speaker) {
                speaker
            } else {
                // "…,” a spokeswoman for Varn police said.": the role's holder is the speaker.
                self.role_for_owner(start, &speaker)?
            };
            // "…“blockade,” Mr. Bush acknowledged that …": the cue reports a clause of its
            // own, so the quote before it is not what was said.
            if self.reports_clause_after(cue_token + 1) {
                return None;
            }
            let via = via.or_else(|| self.via_after_tell(cue, stop));
            let conf = confidence(&speaker, self.fallback);
            return Some((Some(cue), Some(speaker), via, conf));
        }
        None
    }

    /// Whether the tokens from `start` up to `speaker` are the speaker's own words: titles, its
    /// role, or a description set off by a comma before the name.
    fn only_speaker_words_between(&self, start: usize, speaker: &Draft) -> bool {
        let first = speaker.first_token();
        if (start..first).all(|t| lexicon::is_title(self.word(t))) {
            return true;
        }
        // role_phrase holds only when every word (after a determiner) is a role word.
        first > start + 1
            && self.word(first - 1) == ","
            && self.role_phrase(start, first - 1).is_some()
    }

    /// "a spokeswoman for Varn police" / "the head of the agency" from `start` up to the end of
    /// `owner` (the noun phrase found before the cue): a description whose role is the words
    /// before "for"/"of"/"at", the rest naming whose role it is (a determiner and capitalised
    /// words only, up to the owner).
    fn role_for_owner(&self, start: usize, owner: &Draft) -> Option<Draft> {
        let owner_first = owner.first_token();
        let link =
            (start + 1..owner_first).find(|&t| matches!(self.word(t), "for" | "of" | "at"))?;
        let role = self.role_phrase(start, link)?;
        let owner_words = (link + 1..owner_first)
            .all(|t| lexicon::is_determiner(self.word(t)) || self.is_capitalised_word(t));
        owner_words.then_some(Draft {
            range: (start, owner.range.1),
            resolution: Resolution::Description,
            entity: None,
            role: Some(role),
        })
    }

    /// Whether the words from `t` on open a reported clause ("that ...", "Friday she had
    /// been ..."), skipping a time word or two.
    fn reports_clause_after(&self, first: usize) -> bool {
        let mut t = first;
        while t < self.tokens.len() && t < first + 2 {
            let w = self.word(t);
            let time_word = triangulate_text::lexicon::is_weekday_name(w)
                || matches!(
                    w,
                    "on" | "yesterday" | "today" | "tonight" | "later" | "earlier"
                );
            if !time_word {
                break;
            }
            t += 1;
        }
        let w = self.word(t);
        w == "that" || matches!(w, "he" | "she" | "they" | "it" | "we" | "I")
    }

    /// A quote with no attribution of its own that continues the previous one in the same
    /// paragraph: "“We will win,” Velic said, “and we will govern.”" or a second quote right
    /// after an attributed one. News style gives a new speaker a new attribution, so an
    /// unattributed quote in the same paragraph keeps the previous speaker.
    fn inherit(
        &self,
        prev: &Region,
        region: &Region,
        prev_candidate: Option<&Candidate>,
    ) -> Option<Attribution> {
        let prev_candidate = prev_candidate.filter(|c| c.speaker.is_some())?;
        if region.open <= prev.close || region.open - prev.close > 40 {
            return None;
        }
        let own_cue = prev_candidate.cue.map(|c| c.token);
        let same_paragraph = (prev.close + 1..=region.open).all(|t| !self.line_break_before(t));
        let no_other_cue = (prev.close + 1..region.open)
            .all(|t| Some(t) == own_cue || lexicon::cue_verb(self.word(t)).is_none());
        (same_paragraph && no_other_cue).then(|| {
            (
                prev_candidate.cue,
                prev_candidate.speaker.clone(),
                prev_candidate.via.clone(),
                prev_candidate.confidence * 0.85,
            )
        })
    }

    /// The speaker ending right before `cue` (with fillers such as "also", "has" between), and
    /// an intermediary for "X was quoted by Y as saying".
    fn speaker_before_cue(&self, cue: CueAt, lower: usize) -> Option<(Draft, Option<Draft>)> {
        let mut end = cue.token;
        let mut via = None;
        // "Velic was quoted by Nordwire as saying" / "Velic was quoted as saying".
        if self.word(end.wrapping_sub(1)) == "as" {
            let quoted = (lower..end.saturating_sub(1))
                .rev()
                .take(7)
                .find(|&t| self.word(t) == "quoted")?;
            if self.word(quoted + 1) == "by" {
                via = self.np_after(quoted + 2, end - 1);
            }
            end = quoted;
        } else if cue.verb.form == VerbForm::Past
            && (matches!(
                self.word(end.wrapping_sub(1)),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            ) || self.is_reduced_passive(cue))
        {
            // Passive: "Velic is said to be ill", "she was told to leave" report no words of
            // the subject.
            return None;
        }
        while end > lower && lexicon::is_verb_filler(self.word(end - 1)) {
            end -= 1;
        }
        // "Anselm Dorr, who said he would publish the letters, could not be reached": the
        // relative pronoun stands for the noun phrase before its comma.
        if end >= lower + 3 && self.word(end - 1) == "who" && self.word(end - 2) == "," {
            let speaker = self.np_before(end - 2, lower)?;
            return Some((speaker, via));
        }
        let speaker = self.np_before(end, lower)?;
        Some((speaker, via))
    }

    /// A past participle with its agent or complement straight after it and no object: "the man
    /// accused of shooting", "the gun described by police as", "a letter claimed by the group".
    /// The subject before it did not say anything. "said by" and "added by" are left alone:
    /// "Velic said by telephone", "she said by way of explanation" are active.
    fn is_reduced_passive(&self, cue: CueAt) -> bool {
        let next = self.word(cue.token + 1);
        (next == "by" && !matches!(cue.verb.lemma, "say" | "add"))
            || (next == "of" && cue.verb.lemma == "accuse")
    }

    /// The first token of a possessor ending at `end` (exclusive) before a "'s": a named
    /// mention, or a run of capitalised words ("Velic", "the Varn Herald").
    fn possessor_before(&self, end: usize, lower: usize) -> Option<usize> {
        let last = end.checked_sub(1).filter(|&l| l >= lower)?;
        if let Some(k) = self.entity_ending_at.get(last).copied().flatten() {
            let first = self.entities[k].first_token;
            return (first >= lower).then_some(first);
        }
        let mut first = last;
        while first > lower && self.is_capitalised_word(first - 1) && first + 4 > last {
            first -= 1;
        }
        self.is_capitalised_word(last).then_some(first)
    }

    /// The noun phrase ending just before `end`: a pronoun, a named mention (with a role before
    /// it or an appositive after it), or a description.
    fn np_before(&self, end: usize, lower: usize) -> Option<Draft> {
        let mut end = end;
        let mut appositive = None;
        let mut had_appositive = false;
        if end > lower && self.word(end - 1) == "," {
            // "Ana Velic, the foreign minister, said" gives a role; "Velic, 54, said" and
            // "Velic, who chairs the committee, said" are skipped over.
            let close = end - 1;
            let open = (lower..close)
                .rev()
                .take(12)
                .find(|&t| self.word(t) == ",")?;
            appositive = self.role_phrase(open + 1, close);
            if appositive.is_none() {
                // "The ship's owner, Anselm Lines, said": the name in the appositive speaks.
                let named = self.entity_starting_at.get(open + 1).copied().flatten();
                if let Some(k) = named.filter(|&k| {
                    self.entities[k].end_token == close
                        && matches!(self.entities[k].label, EntityLabel::Per | EntityLabel::Org)
                }) {
                    let head_is_description = open > lower
                        && !lexicon::is_speaker_pronoun(self.word(open - 1))
                        && self
                            .entity_ending_at
                            .get(open - 1)
                            .copied()
                            .flatten()
                            .is_none();
                    if head_is_description {
                        // "…, his son, Ike Reyl, said": the description before the name is
                        // part of the speaker as written, and gives the role.
                        let head = self.np_before(open, lower).filter(|d| {
                            d.resolution == Resolution::Description && d.range.1 == open
                        });
                        let mut named = self.named(k, head.as_ref().and_then(|d| d.role));
                        if let Some(head) = head {
                            named.range.0 = head.range.0;
                        }
                        return Some(named);
                    }
                }
            }
            had_appositive = true;
            end = open;
        }
        let last = end.checked_sub(1).filter(|&l| l >= lower)?;
        let w = self.word(last);
        if lexicon::is_speaker_pronoun(w) && !had_appositive {
            return Some(Draft {
                range: (last, end),
                resolution: Resolution::Pronoun,
                entity: None,
                role: None,
            });
        }
        if let Some(k) = self.entity_ending_at.get(last).copied().flatten() {
            let e = &self.entities[k];
            if e.first_token >= lower {
                if matches!(e.label, EntityLabel::Loc | EntityLabel::Misc) {
                    // Places do not speak: "Vessa Corp. of Brenna said" and "Vessa Corp.,
                    // Brenna, Varnia, said" are Vessa Corp.'s words.
                    let before = e.first_token.checked_sub(1)?;
                    let place_link = matches!(self.word(before), "of" | "in" | "from" | "at" | ",");
                    return if place_link && before > lower {
                        self.np_before(before, lower)
                    } else {
                        None
                    };
                }
                let role = appositive.or_else(|| self.role_before(e.first_token, lower));
                return Some(self.named(k, role));
            }
        }
        let institution = lexicon::is_institution_noun(w);
        if (lexicon::is_role_noun(w) || institution) && !had_appositive {
            let mut first = last;
            let mut possessed = false;
            while first > lower && first + 5 > last {
                let prev = self.word(first - 1);
                if lexicon::is_determiner(prev) {
                    first -= 1;
                    break;
                }
                // "Velic's spokesman", "Esteria's trade ministry": the possessor is the
                // determiner; the noun after it speaks.
                if matches!(prev, "'s" | "’s") && first >= lower + 2 {
                    if let Some(owner) = self.possessor_before(first - 1, lower) {
                        first = owner;
                        possessed = true;
                        break;
                    }
                }
                // "the Varn transport ministry": whose ministry it is, written capitalised.
                let owner = institution && self.is_capitalised_word(first - 1);
                if !is_modifier(prev) && !owner {
                    break;
                }
                first -= 1;
            }
            let has_det = possessed || lexicon::is_determiner(self.word(first));
            // An institution speaks only as "the ministry", not as a bare noun ("…,” ministry
            // officials said" has its own head).
            if institution && !has_det {
                return None;
            }
            let plural = w.ends_with('s') || w.eq_ignore_ascii_case("police");
            if has_det || plural || first < last {
                // A possessor stays in the role ("Velic's spokesman"); an article does not.
                let role_first = if has_det && !possessed {
                    first + 1
                } else {
                    first
                };
                return Some(Draft {
                    range: (first, end),
                    resolution: Resolution::Description,
                    entity: None,
                    role: Some((role_first, end)),
                });
            }
        }
        if !had_appositive {
            return self.private_person_before(last, end, lower);
        }
        None
    }

    /// A private person described, ending at `last`: "the 45-year-old", "the victim's mother",
    /// "a young woman", "the 32-year-old mother of two", or bare plural "neighbours". Unlike a
    /// role ("the minister"), such a description may carry any lower-case describing words, so
    /// it is accepted only up to a determiner (or as a bare plural noun).
    fn private_person_before(&self, last: usize, end: usize, lower: usize) -> Option<Draft> {
        // "mother of two": the head is the noun before "of" + a number.
        let head = if last >= lower + 2
            && self.word(last - 1) == "of"
            && is_small_number_word(self.word(last))
        {
            last - 2
        } else {
            last
        };
        let w = self.word(head);
        if !is_person_head(w) {
            return None;
        }
        let mut first = head;
        while first > lower && first + 5 > head {
            let prev = self.word(first - 1);
            if lexicon::is_determiner(prev) {
                let role_first = first;
                return Some(Draft {
                    range: (first - 1, end),
                    resolution: Resolution::Description,
                    entity: None,
                    role: Some((role_first, head + 1)),
                });
            }
            let describes = is_modifier(prev)
                || (is_plain_modifier_word(prev) && !is_preposition(prev))
                || lexicon::age_of_age_word(prev).is_some()
                || prev == "'s"
                || lexicon::is_person_noun(prev);
            if !describes {
                break;
            }
            first -= 1;
        }
        let bare_plural = head == last && w.ends_with('s') && lexicon::is_person_noun(w);
        bare_plural.then_some(Draft {
            range: (head, end),
            resolution: Resolution::Description,
            entity: None,
            role: Some((head, head + 1)),
        })
    }

    /// The noun phrase starting at `start` (after a cue verb, "said ___"): pronoun, role words
    /// and a name ("presidential aide Ana Velic"), or a description ("the minister").
    fn np_after(&self, start: usize, stop: usize) -> Option<Draft> {
        let mut start = start;
        while start < stop && self.word(start) == "," {
            start += 1;
        }
        if start >= stop {
            return None;
        }
        if lexicon::is_speaker_pronoun(self.word(start)) {
            return Some(Draft {
                range: (start, start + 1),
                resolution: Resolution::Pronoun,
                entity: None,
                role: None,
            });
        }
        let mut t = start;
        while t < stop && t < start + 6 {
            if let Some(k) = self.entity_starting_at.get(t).copied().flatten() {
                let e_end = self.entities[k].end_token;
                // "according to Esteria's trade ministry", "said Velic's spokesman": the
                // possessed noun speaks, not the possessor.
                if matches!(self.word(e_end), "'s" | "’s") {
                    let mut head = e_end + 1;
                    while head < stop
                        && head < e_end + 4
                        && (is_modifier(self.word(head)) || is_plain_modifier_word(self.word(head)))
                        && !lexicon::is_role_noun(self.word(head))
                        && !lexicon::is_institution_noun(self.word(head))
                    {
                        head += 1;
                    }
                    let w = self.word(head);
                    if head < stop
                        && (lexicon::is_role_noun(w)
                            || lexicon::is_institution_noun(w)
                            || is_person_head(w))
                    {
                        return Some(Draft {
                            range: (start, head + 1),
                            resolution: Resolution::Description,
                            entity: None,
                            role: Some((t, head + 1)),
                        });
                    }
                }
                // "a U.S. Embassy official", "a Nordwire spokesman": the name is a modifier.
                let mut r = e_end;
                while r < stop
                    && r < e_end + 3
                    && is_plain_modifier_word(self.word(r))
                    && !lexicon::is_role_noun(self.word(r))
                {
                    r += 1;
                }
                if r < stop && lexicon::is_role_noun(self.word(r)) && !self.is_capitalised_word(r) {
                    let role_first = if lexicon::is_determiner(self.word(start)) {
                        start + 1
                    } else {
                        start
                    };
                    return Some(Draft {
                        range: (start, r + 1),
                        resolution: Resolution::Description,
                        entity: None,
                        role: Some((role_first, r + 1)),
                    });
                }
                let role_first = if lexicon::is_determiner(self.word(start)) {
                    start + 1
                } else {
                    start
                };
                let mut role = (role_first < t).then_some((role_first, t));
                if role.is_some_and(|r| self.role_phrase(r.0, r.1).is_none()) {
                    role = self.role_before(t, role_first);
                }
                let e_end = self.entities[k].end_token;
                let role = role.or_else(|| self.appositive_after(e_end));
                return Some(self.named(k, role));
            }
            let w = self.word(t);
            let fits = (t == start && lexicon::is_determiner(w))
                || is_modifier(w)
                || w.starts_with(|c: char| c.is_uppercase())
                || lexicon::is_role_noun(w)
                || (lexicon::is_title(w) && t > start);
            if !fits {
                break;
            }
            t += 1;
        }
        // A description: "the minister", "a government spokeswoman".
        let mut last = None;
        let has_det = lexicon::is_determiner(self.word(start));
        for t in start..stop.min(start + 5) {
            let w = self.word(t);
            // "the student ISNA news agency": a person noun before a name only modifies it.
            let modifies_name = !lexicon::is_role_noun(w) && self.is_capitalised_word(t + 1);
            if lexicon::is_role_noun(w) || (has_det && is_person_head(w) && !modifies_name) {
                last = Some(t);
            } else if w == "'s" && last.is_some() {
                // "the victim's sister": the possessor was not the head after all.
                last = None;
            } else {
                let modifies = is_modifier(w)
                    || (has_det && t == start)
                    || (has_det && is_plain_modifier_word(w));
                if last.is_some() || !modifies {
                    break;
                }
            }
        }
        let last = last?;
        let role_first = if lexicon::is_determiner(self.word(start)) {
            start + 1
        } else {
            start
        };
        Some(Draft {
            range: (start, last + 1),
            resolution: Resolution::Description,
            entity: None,
            role: Some((role_first, last + 1)),
        })
    }

    fn named(&self, k: usize, role: Option<Range>) -> Draft {
        let e = &self.entities[k];
        Draft {
            range: (e.first_token, e.end_token),
            resolution: if e.label == EntityLabel::Org {
                Resolution::Agency
            } else {
                Resolution::Named
            },
            entity: Some(k),
            role,
        }
    }

    /// Role words right before a name: "presidential aide", "Foreign Minister".
    fn role_before(&self, first: usize, lower: usize) -> Option<Range> {
        let end = first;
        let mut start = first;
        while start > lower && start + 4 > end {
            let w = self.word(start - 1);
            // A capitalised word before role words names whose role it is ("Varn mayor",
            // "Nordwire reporter"); role_phrase still wants a role noun last.
            let owner = start < end && self.is_capitalised_word(start - 1);
            if lexicon::is_role_noun(w) || is_modifier(w) || lexicon::is_title(w) || owner {
                start -= 1;
            } else {
                break;
            }
        }
        self.role_phrase(start, end)
    }

    /// ", the foreign minister," after a name.
    fn appositive_after(&self, end: usize) -> Option<Range> {
        if self.word(end) != "," {
            return None;
        }
        let close = (end + 1..end + 8).find(|&t| matches!(self.word(t), "," | "." | ""))?;
        self.role_phrase(end + 1, close).or_else(|| {
            // "Tomas Reyl, a carpenter from Oskar Bay,": the role ends where its
            // prepositional tail begins.
            let tail = (end + 2..close)
                .find(|&t| matches!(self.word(t), "from" | "of" | "at" | "in" | "for" | "with"))?;
            self.role_phrase(end + 1, tail)
        })
    }

    /// `[start, end)` as a role if it ends in a role noun and holds only role words; a leading
    /// determiner is dropped and honorifics alone ("Mr.") are not a role.
    fn role_phrase(&self, start: usize, end: usize) -> Option<Range> {
        let mut start = start;
        if start < end && lexicon::is_determiner(self.word(start)) {
            start += 1;
        }
        let head = self.word(end.saturating_sub(1));
        if start >= end || !(lexicon::is_role_noun(head) || is_person_head(head)) {
            return None;
        }
        let all_role_words = (start..end).all(|t| {
            let w = self.word(t);
            lexicon::is_role_noun(w)
                || is_person_head(w)
                || is_modifier(w)
                || lexicon::is_title(w)
                || w == "'s"
                || self.is_capitalised_word(t)
        });
        all_role_words.then_some((start, end))
    }

    fn is_capitalised_word(&self, t: usize) -> bool {
        let w = self.word(t);
        w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(|c| c.is_alphabetic())
    }

    /// For "told Nordwire": the organisation addressed is the intermediary; a person addressed
    /// is not.
    fn via_after_tell(&self, cue: CueAt, stop: usize) -> Option<Draft> {
        if cue.verb.lemma != "tell" {
            return None;
        }
        let mut t = cue.token + 1;
        if lexicon::is_determiner(self.word(t)) {
            t += 1;
        }
        if t >= stop {
            return None;
        }
        let k = self.entity_starting_at.get(t).copied().flatten()?;
        let e = &self.entities[k];
        let single_fallback_word = self.fallback && e.end_token - e.first_token == 1;
        (e.label == EntityLabel::Org || single_fallback_word).then(|| Draft {
            resolution: Resolution::Agency,
            ..self.named(k, None)
        })
    }

    /// After "according to": a person or description is the speaker; an organisation is the
    /// speaker too, unless followed by a report noun ("a Nordwire report"), then it is the
    /// intermediary.
    fn according_to(&self, start: usize, stop: usize) -> Option<(Option<Draft>, Option<Draft>)> {
        let mut t = start;
        if lexicon::is_determiner(self.word(t)) {
            t += 1;
        }
        if let Some(k) = self.entity_starting_at.get(t).copied().flatten() {
            let e_end = self.entities[k].end_token;
            let mut r = e_end;
            while r < stop && r < e_end + 2 && is_modifier(self.word(r)) {
                r += 1;
            }
            if lexicon::is_report_noun(self.word(r)) {
                let via = Draft {
                    resolution: Resolution::Agency,
                    ..self.named(k, None)
                };
                return Some((None, Some(via)));
            }
        }
        let speaker = self.np_after(start, stop.max(start + 1))?;
        Some((Some(speaker), None))
    }

    /// Indirect speech in one sentence, or in its rest `[first, end)` after a clause already
    /// found; `None` when it reports no speech. `previous` is the speaker of that earlier
    /// clause, who also speaks a coordinated cue without a subject ("... and says ...").
    fn indirect(
        &self,
        (first, end): Range,
        used: &[bool],
        in_region: &[bool],
        previous: Option<&Draft>,
    ) -> Option<Candidate> {
        let first = self.skip_dateline(first, end);
        // Content ends before the final punctuation and closing marks.
        let mut content_end = end;
        while content_end > first
            && matches!(
                self.word(content_end - 1),
                "." | "!" | "?" | "”" | "’" | ")" | "\"" | "''"
            )
        {
            content_end -= 1;
        }
        // "According to Velic, ..." / "..., according to a Nordwire report."
        for t in first..end {
            if self.word(t).eq_ignore_ascii_case("according") && self.word(t + 1) == "to" {
                if t == first {
                    let comma = (t + 2..content_end).find(|&c| self.word(c) == ",")?;
                    let (speaker, via) = self.according_to(t + 2, comma)?;
                    return self.indirect_candidate((comma + 1, content_end), None, speaker, via);
                }
                if self.word(t - 1) == "," {
                    // "Reyl, according to a witness, set the fire again": the parenthetical
                    // closes with a comma, and what was said is both sides of it. A comma
                    // that opens a relative clause ("according to Nordwire, which said")
                    // does not close it.
                    let close = (t + 2..content_end)
                        .find(|&c| self.word(c) == ",")
                        .filter(|&c| {
                            c + 2 < content_end
                                && !matches!(self.word(c + 1), "which" | "who" | "whose" | "where")
                        });
                    if let Some(close) = close {
                        let (speaker, via) = self.according_to(t + 2, close)?;
                        let mut said =
                            self.indirect_candidate((first, t - 1), None, speaker, via)?;
                        said.content.push((close + 1, content_end));
                        return Some(said);
                    }
                    let (speaker, via) = self.according_to(t + 2, content_end)?;
                    return self.indirect_candidate((first, t - 1), None, speaker, via);
                }
            }
        }
        for t in first..end {
            if used.get(t).copied().unwrap_or(true) || in_region.get(t).copied().unwrap_or(true) {
                continue;
            }
            if let Some(verb) = lexicon::naming_verb(self.word(t)) {
                if !self.has_naming_complement(verb, t, content_end, in_region) {
                    continue;
                }
                let cue = CueAt { token: t, verb };
                let Some((speaker, via)) = self
                    .speaker_before_cue(cue, first)
                    .or_else(|| self.coordinated(cue, first, previous))
                else {
                    continue;
                };
                // "the gun described as stolen" is a passive; "what Velic described as" and
                // "what he described as" keep their speaker, who is named.
                if self.word(t + 1) == "as" && speaker.resolution == Resolution::Description {
                    continue;
                }
                // The verb is part of what is reported: "called the deal rushed".
                let stop = self.clause_end(t + 1, content_end, in_region);
                return self.indirect_candidate((t, stop), Some(cue), Some(speaker), via);
            }
            let Some(verb) = lexicon::cue_verb(self.word(t)) else {
                continue;
            };
            if !verb.indirect {
                continue;
            }
            let cue = CueAt { token: t, verb };
            // "The plan failed, Velic said." / "The plan failed, said Velic."
            if let Some(speaker) = self.np_after(t + 1, content_end) {
                if speaker.range.1 == content_end && t > first && self.word(t - 1) == "," {
                    return self.indirect_candidate((first, t - 1), Some(cue), Some(speaker), None);
                }
            }
            let Some((speaker, via)) = self
                .speaker_before_cue(cue, first)
                .or_else(|| self.coordinated(cue, first, previous))
            else {
                continue;
            };
            // "At least 82 were killed, officials said (as dawn broke Saturday)."
            if t + 1 >= content_end || self.is_trailing_adverbial(t + 1, content_end) {
                if speaker.range.0 > first && self.word(speaker.range.0 - 1) == "," {
                    let content = (first, speaker.range.0 - 1);
                    return self.indirect_candidate(content, Some(cue), Some(speaker), via);
                }
                continue;
            }
            // "Velic said (on Tuesday) (that) ...", "Velic told Nordwire (that) ...".
            let via = via.or_else(|| self.via_after_tell(cue, content_end));
            let mut start = t + 1;
            if verb.lemma == "tell" {
                start = self.skip_addressee(start, content_end);
            }
            if let Some(that) =
                (start..content_end.min(start + 6)).find(|&c| self.word(c) == "that")
            {
                // "said he wonders whether even that ...": a subject or "whether" before the
                // "that" means it is not the complementizer of the cue.
                let clean = (start..that).all(|c| {
                    !matches!(
                        self.word(c),
                        "," | ";"
                            | ":"
                            | "whether"
                            | "if"
                            | "he"
                            | "she"
                            | "they"
                            | "it"
                            | "we"
                            | "I"
                    )
                });
                if clean {
                    start = that + 1;
                }
            }
            if matches!(self.word(start), ":" | ",")
                || in_region.get(start).copied().unwrap_or(false)
                    && !matches!(self.word(start), "“" | "„")
            {
                continue;
            }
            if content_end <= start + 2 {
                continue;
            }
            let mut stop = self.clause_end(start, content_end, in_region);
            // "Dorr, who said he would publish the letters, could not be reached": what was
            // said ends with the relative clause.
            let mut subject_end = t;
            while subject_end > first && lexicon::is_verb_filler(self.word(subject_end - 1)) {
                subject_end -= 1;
            }
            if self.word(subject_end.wrapping_sub(1)) == "who" {
                if let Some(comma) = (start..stop).find(|&c| self.word(c) == ",") {
                    stop = comma;
                }
            }
            return self.indirect_candidate((start, stop), Some(cue), Some(speaker), via);
        }
        None
    }

    /// The subject of an earlier clause for a cue coordinated with it: "has called the deal
    /// rushed and says ...".
    fn coordinated(
        &self,
        cue: CueAt,
        lower: usize,
        previous: Option<&Draft>,
    ) -> Option<(Draft, Option<Draft>)> {
        let previous = previous?;
        let mut t = cue.token;
        while t > lower && lexicon::is_verb_filler(self.word(t - 1)) {
            t -= 1;
        }
        (t > lower && matches!(self.word(t - 1), "and" | "but" | ";"))
            .then(|| (previous.clone(), None))
    }

    /// Where reported content starting at `start` ends: before a conjunction that opens a
    /// clause with a cue of its own ("..., and Velic has insisted that", "... and says"), at a
    /// semicolon, or at `end`.
    fn clause_end(&self, start: usize, end: usize, in_region: &[bool]) -> usize {
        for c in start + 1..end {
            let w = self.word(c);
            if !matches!(w, "and" | "but" | ";") || in_region.get(c).copied().unwrap_or(true) {
                continue;
            }
            let mut verb = c + 1;
            while verb < end && lexicon::is_verb_filler(self.word(verb)) {
                verb += 1;
            }
            let any_cue = |t: usize| {
                lexicon::cue_verb(self.word(t)).or_else(|| lexicon::naming_verb(self.word(t)))
            };
            // "... and says ..." starts a new report; "... and predicting ..." goes on with
            // the same one.
            let bare_cue = verb < end && any_cue(verb).is_some_and(|v| v.form != VerbForm::Gerund);
            let new_subject = || {
                (c + 2..end.min(c + 10))
                    .filter(|&t| !in_region.get(t).copied().unwrap_or(true))
                    .filter_map(|t| any_cue(t).map(|verb| CueAt { token: t, verb }))
                    .any(|cue| {
                        // The subject opens the clause, after titles and role words at
                        // most ("and Ms Velic has insisted", "and the foreign minister said").
                        self.speaker_before_cue(cue, c + 1)
                            .is_some_and(|(speaker, _)| {
                                (c + 1..speaker.range.0).all(|k| {
                                    let w = self.word(k);
                                    lexicon::is_title(w)
                                        || lexicon::is_role_noun(w)
                                        || lexicon::is_determiner(w)
                                        || is_modifier(w)
                                        || self.is_capitalised_word(k)
                                })
                            })
                    })
            };
            if bare_cue || new_subject() {
                let cut = if self.word(c - 1) == "," { c - 1 } else { c };
                if cut > start + 1 {
                    return cut;
                }
            }
        }
        end
    }

    /// Whether a naming verb at `t` has the complement that makes it a report of words:
    /// "described X as ...", "accused X of ...", "called X “...”", "called the deal rushed".
    fn has_naming_complement(
        &self,
        verb: CueVerb,
        t: usize,
        end: usize,
        in_region: &[bool],
    ) -> bool {
        let window = t + 1..end.min(t + 9);
        match verb.lemma {
            "describe" => window.clone().any(|k| self.word(k) == "as" && k + 1 < end),
            "accuse" => window.clone().any(|k| self.word(k) == "of" && k + 1 < end),
            _ => {
                let quote_open = (t + 2..end.min(t + 7)).find(|&k| {
                    matches!(self.word(k), "“" | "\"" | "„" | "«" | "``")
                        && in_region.get(k).copied().unwrap_or(false)
                });
                if let Some(open) = quote_open {
                    // "the man dubbed the “Oddfather” by tabloid newspapers": a passive.
                    let close = (open + 1..end.min(open + 12))
                        .find(|&k| matches!(self.word(k), "”" | "\"" | "“" | "»" | "''"));
                    return close.is_none_or(|c| self.word(c + 1) != "by");
                }
                // "called the deal rushed", "called it unworkable": a one-word complement
                // that ends the clause, after a short object.
                let object = self.word(t + 1);
                let complement = if matches!(object, "it" | "him" | "her" | "them" | "this") {
                    t + 2
                } else if matches!(
                    object,
                    "the" | "a" | "an" | "this" | "that" | "its" | "their" | "his" | "her"
                ) {
                    t + 3
                } else {
                    return false;
                };
                let w = self.word(complement);
                let clause_ends = complement + 1 >= end
                    || matches!(self.word(complement + 1), "," | "." | ";" | "and" | "but");
                complement < end
                    && clause_ends
                    && w.len() > 2
                    && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !lexicon::is_role_noun(w)
                    && !matches!(
                        w,
                        "for"
                            | "off"
                            | "out"
                            | "back"
                            | "up"
                            | "in"
                            | "on"
                            | "over"
                            | "down"
                            | "again"
                            | "today"
                            | "yesterday"
                            | "home"
                            | "police"
                    )
            }
        }
    }

    /// The first token after a dateline that opens the sentence ("BRENNA, March 3 (Nordwire) —").
    fn skip_dateline(&self, first: usize, end: usize) -> usize {
        let place = self.word(first);
        let upper_place = place.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !place.chars().any(char::is_lowercase);
        if !upper_place {
            return first;
        }
        (first + 1..end.min(first + 14))
            .find(|&k| {
                matches!(self.word(k), "—" | "–" | "-" | "--" | "_") && self.word(k - 1) == ")"
            })
            .map_or(first, |k| k + 1)
    }

    /// A short time or circumstance phrase after a cue that ends the sentence: "said on
    /// Tuesday", "said as dawn broke", "said in a statement".
    fn is_trailing_adverbial(&self, start: usize, end: usize) -> bool {
        if end <= start || (start..end).any(|t| self.word(t) == "that") {
            return false;
        }
        // Longer phrases ("in an interview with The Varn Herald, a Brenna newspaper") only after
        // a preposition, and when nothing in them looks like a clause of their own (an
        // auxiliary or a subject pronoun): "said Monday the two incidents were not related".
        let long_ok = end - start <= 14
            && matches!(
                self.word(start),
                "in" | "on"
                    | "at"
                    | "after"
                    | "during"
                    | "via"
                    | "by"
                    | "through"
                    | "over"
                    | "from"
            )
            && (start..end).all(|t| {
                !matches!(
                    self.word(t),
                    "is" | "was"
                        | "are"
                        | "were"
                        | "will"
                        | "would"
                        | "has"
                        | "had"
                        | "have"
                        | "can"
                        | "could"
                        | "should"
                        | "may"
                        | "might"
                        | "he"
                        | "she"
                        | "they"
                        | "it"
                        | "we"
                        | "I"
                )
            });
        if end - start > 7 && !long_ok {
            return false;
        }
        let w = self.word(start);
        matches!(
            w,
            "as" | "on"
                | "in"
                | "at"
                | "after"
                | "before"
                | "during"
                | "while"
                | "when"
                | "late"
                | "early"
                | "earlier"
                | "later"
                | "yesterday"
                | "today"
                | "tonight"
                | "last"
                | "this"
                | "from"
                | "via"
                | "by"
                | "through"
                | "without"
                | "over"
                | "recently"
        ) || lexicon::is_name_stopword(w)
    }

    /// Skips the object of "told": "told Nordwire", "told reporters", "told the Brenna Herald".
    fn skip_addressee(&self, start: usize, stop: usize) -> usize {
        let mut t = start;
        if lexicon::is_determiner(self.word(t)) {
            t += 1;
        }
        let after = if let Some(k) = self.entity_starting_at.get(t).copied().flatten() {
            self.entities[k].end_token
        } else {
            match self.word(t) {
                "reporters" | "journalists" | "parliament" | "lawmakers" | "him" | "her"
                | "them" | "us" | "me" | "supporters" | "delegates" | "the" => t + 1,
                w if lexicon::is_role_noun(w) => t + 1,
                _ => return start,
            }
        };
        // "told Nordwire's “Evening Harbour Hour”", "told Nordwire's Evening Report": the
        // outlet's programme is part of the addressee.
        let mut after = after;
        if matches!(self.word(after), "'s" | "’s") {
            let programme = after + 1;
            after = if is_opening_mark(self.word(programme)) {
                (programme + 1..stop.min(programme + 16))
                    .find(|&c| matches!(self.word(c), "”" | "\"" | "''" | "»" | "“"))
                    .map_or(after, |close| close + 1)
            } else {
                let mut end = programme;
                while end < stop && self.is_capitalised_word(end) {
                    end += 1;
                }
                if end > programme {
                    end
                } else {
                    after
                }
            };
        }
        // "told Nordwire columnist Ana Velic (that) …": the addressee's role and name go too.
        let mut role_end = after;
        while role_end < stop && role_end < after + 3 && lexicon::is_role_noun(self.word(role_end))
        {
            role_end += 1;
        }
        let named = (role_end > after)
            .then(|| self.entity_starting_at.get(role_end).copied().flatten())
            .flatten();
        named
            .map_or(after, |k| self.entities[k].end_token)
            .min(stop)
    }

    fn indirect_candidate(
        &self,
        content: Range,
        cue: Option<CueAt>,
        speaker: Option<Draft>,
        via: Option<Draft>,
    ) -> Option<Candidate> {
        if content.1 < content.0 + 2 {
            return None;
        }
        let confidence = speaker
            .as_ref()
            .map_or(0.5, |s| confidence(s, self.fallback))
            * 0.85;
        Some(Candidate {
            content: vec![content],
            kind: QuoteKind::Indirect,
            cue,
            speaker,
            via,
            confidence,
        })
    }

    /// Turns drafts into spans in text order, resolving pronouns to the most recent speaker (or
    /// person mention) and descriptions to the last person given that role.
    fn resolve(&self, candidates: Vec<Candidate>, persons: &PersonFacts) -> Vec<Quote> {
        let mut last_person: Option<usize> = None;
        let mut last_speaker: Option<usize> = None;
        let mut last_speaker_was: Option<Option<usize>> = None;
        let mut out = Vec::with_capacity(candidates.len());
        for c in candidates {
            let speaker = c.speaker.as_ref().map(|d| {
                let resolved = match d.resolution {
                    Resolution::Named | Resolution::Agency => d.entity,
                    Resolution::Pronoun => self.resolve_pronoun(
                        d,
                        (last_person, last_speaker, last_speaker_was),
                        persons,
                    ),
                    Resolution::Description => self.resolve_description(d, last_person),
                };
                last_speaker = resolved;
                last_speaker_was = Some(resolved);
                if let Some(k) = resolved {
                    if self.entities[k].label != EntityLabel::Org {
                        last_person = Some(k);
                    }
                }
                self.speaker_ref(d, resolved)
            });
            let via = c.via.as_ref().map(|d| self.speaker_ref(d, d.entity));
            let spans: Vec<Span> = c.content.iter().map(|&r| self.span_of(r)).collect();
            let Some(span) = spans.iter().copied().reduce(|a, b| a.cover(b)) else {
                continue;
            };
            out.push(Quote {
                span,
                parts: if spans.len() > 1 { spans } else { Vec::new() },
                kind: c.kind,
                cue: c.cue.map(|cue| Cue {
                    span: self.span_of((cue.token, cue.token + 1)),
                    lemma: cue.verb.lemma.to_string(),
                    tense: lexicon::tense(cue.verb.form, &self.aux_before(cue.token)),
                }),
                speaker,
                via,
                confidence: c.confidence,
            });
        }
        out
    }

    /// The auxiliaries and adverbs of the cue's own verb group, nearest first ("will later
    /// tell", "has also said"): the walk stops at the first other word, so a "will" inside the
    /// reported clause ("The road will stay closed, Reyl said") does not make the cue future.
    fn aux_before(&self, cue: usize) -> Vec<&'a str> {
        (cue.saturating_sub(6)..cue)
            .rev()
            .map(|t| self.word(t))
            .take_while(|w| {
                lexicon::is_verb_filler(w)
                    || matches!(
                        *w,
                        "not" | "n't" | "wo" | "am" | "'s" | "'re" | "be" | "been"
                    )
            })
            .collect()
    }

    /// Resolves "he", "she" or "they". `recent` is (last person, last speaker, whether a
    /// speaker was seen and who). A pronoun of the other gender than the previous speaker skips
    /// to the most recent person it fits.
    fn resolve_pronoun(
        &self,
        d: &Draft,
        (last_person, last_speaker, last_speaker_was): RecentSpeakers,
        persons: &PersonFacts,
    ) -> Option<usize> {
        let before = |k: &usize| self.entities[*k].end_token <= d.range.0;
        let word = self.word(d.range.0);
        if word.eq_ignore_ascii_case("they") {
            // "they" follows a plural description or an organisation speaker; only the latter
            // has a name to resolve to.
            return last_speaker.filter(|&k| self.entities[k].label == EntityLabel::Org);
        }
        let wanted = lexicon::pronoun_gender(word);
        let gender_of = |k: usize| persons.gender.get(k).copied().flatten();
        let fits = |k: &usize| wanted.is_none() || gender_of(*k).is_none_or(|g| Some(g) == wanted);
        let most_recent_fitting = |known_only: bool| {
            (0..self.entities_starting_before(d.range.0))
                .rev()
                .take(LOOKBACK_ENTITIES)
                .filter(before)
                .filter(|&k| self.entities[k].label == EntityLabel::Per)
                // A name inside someone's quote is spoken about, not speaking.
                .filter(|&k| !persons.quoted.get(k).copied().unwrap_or(false))
                .find(|&k| {
                    if known_only {
                        wanted.is_some() && gender_of(k) == wanted
                    } else {
                        fits(&k)
                    }
                })
        };
        if let Some(previous) = last_speaker_was {
            // The pronoun continues the previous speaker, even one we could not name, unless
            // the text made that speaker the other gender.
            match previous {
                Some(k) if !fits(&k) => {}
                _ => return previous.filter(|&k| self.entities[k].label != EntityLabel::Org),
            }
            return if self.fallback {
                most_recent_fitting(true)
            } else {
                most_recent_fitting(false)
            };
        }
        if self.fallback {
            // Without NER every capitalised run looks like a person; guessing is worse than
            // leaving the pronoun unresolved.
            return last_person.filter(before).filter(fits);
        }
        last_person
            .filter(before)
            .filter(fits)
            .or_else(|| most_recent_fitting(false))
    }

    /// Gender of each entity, learned from the document: a courtesy title before any mention
    /// with the same last word ("Ms. Velic"), else the first gendered pronoun after a mention
    /// and before the next person mention ("Velic ... her speech"), outside quotes. `None`
    /// where the text does not say or disagrees with itself.
    fn learn_genders(&self, in_region: &[bool]) -> Vec<Option<Gender>> {
        let mut votes: HashMap<&str, (u32, u32)> = HashMap::new();
        let persons: Vec<usize> = (0..self.entities.len())
            .filter(|&k| self.entities[k].label == EntityLabel::Per)
            .collect();
        let mut vote = |key: &'a str, gender: Gender, weight: u32| {
            let entry = votes.entry(key).or_default();
            match gender {
                Gender::Male => entry.0 += weight,
                Gender::Female => entry.1 += weight,
            }
        };
        for (n, &k) in persons.iter().enumerate() {
            let e = &self.entities[k];
            let key = self.word(e.end_token - 1);
            let title = e
                .first_token
                .checked_sub(1)
                .and_then(|t| lexicon::title_gender(self.word(t)))
                .or_else(|| lexicon::title_gender(self.word(e.first_token)));
            if let Some(g) = title {
                vote(key, g, 3);
            }
            let next_person = persons
                .get(n + 1)
                .map_or(self.tokens.len(), |&j| self.entities[j].first_token);
            let (_, sentence_end) = self.sentence_of(e.end_token.saturating_sub(1));
            let next_sentence_end = self.sentence_of(sentence_end).1.max(sentence_end);
            let stop = next_person.min(next_sentence_end).min(e.end_token + 40);
            if let Some(g) = (e.end_token..stop)
                .filter(|&t| !in_region.get(t).copied().unwrap_or(true))
                .find_map(|t| lexicon::pronoun_gender(self.word(t)))
            {
                vote(key, g, 1);
            }
        }
        (0..self.entities.len())
            .map(|k| {
                let e = &self.entities[k];
                if e.label != EntityLabel::Per {
                    return None;
                }
                let (male, female) = votes
                    .get(self.word(e.end_token - 1))
                    .copied()
                    .unwrap_or_default();
                match male.cmp(&female) {
                    std::cmp::Ordering::Greater => Some(Gender::Male),
                    std::cmp::Ordering::Less => Some(Gender::Female),
                    std::cmp::Ordering::Equal => None,
                }
            })
            .collect()
    }

    fn resolve_description(&self, d: &Draft, last_person: Option<usize>) -> Option<usize> {
        let head = d.role.map(|(_, end)| singular(self.word(end - 1)))?;
        if head == "police" || self.word(d.range.1 - 1).ends_with('s') {
            return None;
        }
        let role_head = |k: usize| {
            let e = &self.entities[k];
            let (sent_first, _) = self.sentence_of(e.first_token);
            self.role_before(e.first_token, sent_first)
                .or_else(|| self.appositive_after(e.end_token))
                .map(|(_, end)| singular(self.word(end - 1)))
                .or_else(|| self.of_title_head(e.first_token, sent_first))
        };
        // "the 45-year-old" is the person whose age was given: "Tomas Reyl, 45,".
        let described_age = d.role.and_then(|(first, end)| {
            (first..end).find_map(|t| lexicon::age_of_age_word(self.word(t)))
        });
        let fits = |k: usize| {
            role_head(k).as_deref() == Some(head.as_str())
                || described_age.is_some_and(|age| self.age_given(k) == Some(age))
        };
        let matching = (0..self.entities_starting_before(d.range.0))
            .rev()
            .take(LOOKBACK_ENTITIES)
            .filter(|&k| self.entities[k].end_token <= d.range.0)
            .filter(|&k| self.entities[k].label == EntityLabel::Per)
            .find(|&k| fits(k));
        matching.or(last_person.filter(|&k| fits(k)))
    }

    /// The age written with a person's name: "Tomas Reyl, 45,", "Tomas Reyl (45)", or
    /// "45-year-old Tomas Reyl".
    fn age_given(&self, k: usize) -> Option<u32> {
        let e = &self.entities[k];
        let after = |i: usize| self.word(e.end_token + i);
        let bracketed = matches!((after(0), after(2)), ("," | "(", "," | "." | ")" | ";"));
        let written_after = bracketed
            .then(|| after(1).parse::<u32>().ok())
            .flatten()
            .filter(|&age| (1..=120).contains(&age));
        written_after.or_else(|| {
            let before = e.first_token.checked_sub(1)?;
            lexicon::age_of_age_word(self.word(before))
        })
    }

    /// Head of a title with an "of" phrase right before a name: "minister" for "Minister of
    /// Foreign Affairs Irena Dask", "president" for "President of the Council Ana Velic".
    fn of_title_head(&self, first: usize, lower: usize) -> Option<String> {
        let mut t = first;
        let mut head = None;
        let mut has_of = false;
        while t > lower && first - t < 8 {
            let w = self.word(t - 1);
            if matches!(w, "of" | "for" | "the") {
                has_of |= w != "the";
            } else if self.is_capitalised_word(t - 1) {
                if lexicon::is_role_noun(w) {
                    head = Some(singular(w));
                }
            } else {
                break;
            }
            t -= 1;
        }
        head.filter(|_| has_of)
    }

    /// How many entities (sorted by position) start before token `t`.
    fn entities_starting_before(&self, t: usize) -> usize {
        self.entities.partition_point(|e| e.first_token < t)
    }

    fn speaker_ref(&self, d: &Draft, resolved: Option<usize>) -> SpeakerRef {
        let resolved_range =
            resolved.map(|k| (self.entities[k].first_token, self.entities[k].end_token));
        SpeakerRef {
            span: self.span_of(d.range),
            resolved: resolved_range.map(|r| self.span_of(r)),
            name: resolved_range.map(|r| self.text_of(r)),
            role: d.role.map(|r| self.text_of(r)),
            resolution: d.resolution,
        }
    }

    /// Stand-in mentions when no NER output is given: runs of capitalised words, without
    /// leading titles and role words, labelled ORG when they end in an organisation word.
    fn fallback_mentions(&self) -> Vec<EntityMention> {
        let mut out = Vec::new();
        let n = self.tokens.len();
        let mut t = 0;
        while t < n {
            let w = self.word(t);
            let starts_name =
                is_name_word(w) && !lexicon::is_title(w) && !lexicon::is_name_stopword(w);
            if !starts_name {
                t += 1;
                continue;
            }
            let first = t;
            t += 1;
            while t < n && !self.line_break_before(t) {
                let w = self.word(t);
                let particle =
                    matches!(w, "de" | "van" | "von" | "bin" | "al-" | "da" | "del" | "&")
                        && self.next_is_name(t);
                if (is_name_word(w) && !lexicon::is_name_stopword(w)) || particle {
                    t += 1;
                } else {
                    break;
                }
            }
            // "U.S. Deputy Ambassador Peter Burleigh": the name starts after the last title.
            let first = (first..t)
                .rev()
                .find(|&k| lexicon::is_title(self.word(k)))
                .map_or(first, |k| k + 1);
            if first >= t || (t - first == 1 && self.word(first).chars().count() == 1) {
                continue;
            }
            let last = self.word(t - 1);
            let before = self.word(first.wrapping_sub(1));
            let after_org_of = before == "of"
                && out.last().is_some_and(|m: &EntityMention| {
                    m.end_token + 1 == first && m.label == EntityLabel::Org
                });
            let label = if lexicon::is_org_word(last)
                || (t - first == 1 && last.len() > 1 && last.chars().all(|c| c.is_uppercase()))
            {
                EntityLabel::Org
            } else if matches!(before, "in" | "at" | "from" | "near" | "to") || after_org_of {
                // Without NER, a name after a place preposition is taken to be a place.
                EntityLabel::Loc
            } else {
                EntityLabel::Per
            };
            out.push(EntityMention {
                span: self.span_of((first, t)),
                label,
                first_token: first,
                end_token: t,
                confidence: 0.5,
            });
        }
        out
    }

    fn next_is_name(&self, t: usize) -> bool {
        is_name_word(self.word(t + 1)) && !lexicon::is_name_stopword(self.word(t + 1))
    }
}

fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
}

/// A lower-case word that may modify a role noun when a determiner makes the phrase a
/// description ("an embassy official"); function words are excluded.
/// A double quote mark that can open a quote (the straight mark too).
fn is_opening_mark(w: &str) -> bool {
    matches!(w, "“" | "\"" | "«" | "„" | "``")
}

/// Record a quote region closing at `close`, with its content parts (empty ones dropped); a
/// region with no content is no quote.
fn push_region(regions: &mut Vec<Region>, open: usize, close: usize, mut parts: Vec<Range>) {
    parts.retain(|(a, b)| a < b);
    if !parts.is_empty() {
        regions.push(Region { open, close, parts });
    }
}

/// Head of a description of a person: a role ("minister"), a private person ("woman") or an
/// age used as a noun ("the 45-year-old").
fn is_person_head(w: &str) -> bool {
    lexicon::is_person_noun(w) || lexicon::age_of_age_word(w).is_some()
}

/// Prepositions that end a walk back over describing words: "the address after neighbors
/// reported" is not a description of the neighbours.
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "after"
            | "before"
            | "about"
            | "into"
            | "over"
            | "under"
            | "than"
            | "when"
            | "while"
            | "where"
            | "since"
            | "until"
            | "near"
            | "against"
            | "during"
            | "without"
            | "through"
            | "across"
            | "behind"
            | "between"
            | "among"
            | "outside"
            | "inside"
            | "because"
    )
}

/// "two" in "mother of two": the count of children that follows a parent noun.
fn is_small_number_word(w: &str) -> bool {
    matches!(
        w,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    ) || (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
}

fn is_plain_modifier_word(w: &str) -> bool {
    w.len() > 2
        && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !matches!(
            w,
            "the"
                | "and"
                | "for"
                | "with"
                | "who"
                | "which"
                | "that"
                | "from"
                | "was"
                | "were"
                | "has"
                | "had"
                | "have"
                | "said"
                | "says"
                | "told"
                | "but"
                | "not"
                | "are"
        )
        && lexicon::cue_verb(w).is_none()
}

/// Words that can modify a role noun: "presidential", "senior", "government", "Foreign".
fn is_modifier(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "senior"
            | "chief"
            | "deputy"
            | "former"
            | "top"
            | "foreign"
            | "government"
            | "party"
            | "opposition"
            | "police"
            | "state"
            | "acting"
            | "interim"
            | "company"
            | "union"
            | "campaign"
            | "prime"
            | "vice"
            | "finance"
            | "defence"
            | "defense"
            | "interior"
            | "justice"
            | "health"
            | "trade"
            | "army"
            | "ministry"
            | "city"
            | "court"
            | "white"
            | "house"
            | "defence-ministry"
            | "energy"
            | "education"
            | "economy"
            | "general"
            | "press"
            | "communications"
            | "security"
            | "intelligence"
            | "military"
            | "spokesman"
            | "fire"
            | "rescue"
            | "emergency"
            | "disaster"
            | "hospital"
            | "airport"
            | "school"
            | "transport"
            | "environment"
            | "agriculture"
            | "labour"
            | "labor"
            | "navy"
            | "border"
            | "customs"
            | "district"
            | "county"
            | "town"
            | "club"
            | "team"
            | "league"
            | "bank"
    ) || (lower.len() > 4
        && lower.chars().all(|c| c.is_ascii_lowercase())
        && (lower.ends_with("al") || lower.ends_with("ary") || lower.ends_with("ian")))
}

fn singular(w: &str) -> String {
    let lower = w.to_ascii_lowercase();
    match lower.strip_suffix('s') {
        Some(s) if s.len() > 3 && !lower.ends_with("ss") => s.to_string(),
        _ => lower,
    }
}

/// Confidence by how the speaker is referred to; the name fallback is less sure than NER.
fn confidence(speaker: &Draft, fallback: bool) -> f32 {
    let base = match speaker.resolution {
        Resolution::Named => 0.9,
        Resolution::Agency => 0.85,
        Resolution::Pronoun => 0.75,
        Resolution::Description => 0.7,
    };
    if fallback {
        base * 0.85
    } else {
        base
    }
}
