//! Cross-document entities: NER mentions of one story merged into entities.
//!
//! Rules, in order (each documented because each is a judgement):
//! 1. **Names** are compared after folding case and diacritics and dropping hyphens, dots and
//!    spaces ("Park Ji-hoon" = "Park Jihoon", "Velić" = "Velic", "U.K." = "UK"). Leading titles
//!    ("Prime Minister", "Ms.", "President") are stripped and remembered as the entity's titles;
//!    "Republic of X" is X.
//! 2. **Aliases** of countries come from a built-in table ([`COUNTRY_ALIASES`]).
//! 3. **Transliteration variants**: two person names with the same surname whose given names
//!    differ by one letter ("Stoyan"/"Stojan") are one person; different given names ("Irena
//!    Dask", "Milan Dask") stay apart.
//! 4. **Surnames alone** attach to the one person of the story with that surname. When several
//!    people share it, a bare surname attaches only if its own document names just one of them;
//!    otherwise it is left unresolved and a note says so.
//! 5. **Places named after people** ("Velic Square", "Velic Airport": a name ending in a
//!    facility word) are never merged with a person, whatever label NER gave them.
//! 6. **Titles alone** ("the prime minister") attach to the one entity of the story seen with
//!    that title.
use crate::analyze::{IdCounters, Prepared};
use crate::model::{Entity, EntityMentionRef, MentionLink, Note, NoteKind};
use crate::text::{fold, words};
use rustc_hash::FxHashMap;
use triangulate_doc::{EntityLabel, Span};

/// Country names and their common aliases; every name in a row is the same country. Folded
/// forms (lower case, dots and spaces removed) are compared.
pub const COUNTRY_ALIASES: &[&[&str]] = &[
    &[
        "United Kingdom",
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "GB",
    ],
    &[
        "United States",
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "United States of America",
        "America",
    ],
    &["Russia", "Russian Federation"],
    &["China", "People's Republic of China", "PRC"],
    &["South Korea", "Republic of Korea", "ROK"],
    &[
        "North Korea",
        "DPRK",
        "Democratic People's Republic of Korea",
    ],
    &["Netherlands", "Holland", "The Netherlands"],
    &["United Arab Emirates", "UAE", "U.A.E."],
    &["Czech Republic", "Czechia"],
    &["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    &["Myanmar", "Burma"],
    &["Turkey", "Türkiye", "Turkiye"],
    &["European Union", "EU", "E.U."],
];

/// Words that make a name a place or building, not a person ("Velic Square").
const FACILITY_WORDS: &[&str] = &[
    "airport",
    "avenue",
    "boulevard",
    "bridge",
    "building",
    "center",
    "centre",
    "church",
    "college",
    "hall",
    "highway",
    "hospital",
    "library",
    "museum",
    "palace",
    "park",
    "plaza",
    "port",
    "road",
    "school",
    "square",
    "stadium",
    "station",
    "street",
    "tower",
    "university",
];

/// Title and office words that precede names ("Prime Minister", "Ms.").
const TITLE_WORDS: &[&str] = &[
    "ambassador",
    "chancellor",
    "chief",
    "defence",
    "defense",
    "deputy",
    "dr",
    "economy",
    "finance",
    "foreign",
    "general",
    "governor",
    "interior",
    "judge",
    "justice",
    "king",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "queen",
    "secretary",
    "senator",
    "speaker",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "trade",
];

/// Words that make "X of" an official-name prefix ("Republic of Esteria" is "Esteria").
const STATE_PREFIXES: &[&str] = &["republic of", "kingdom of", "state of", "commonwealth of"];

/// Comparison key of a name: folded, without dots, hyphens, apostrophes and spaces.
pub fn name_key(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

fn country_canonical(key: &str) -> Option<&'static str> {
    COUNTRY_ALIASES
        .iter()
        .find(|row| row.iter().any(|alias| name_key(alias) == key))
        .and_then(|row| row.first().copied())
}

/// A mention cleaned of its title: the name words, the title words, and the full surface.
struct CleanMention<'a> {
    doc: usize,
    span: Span,
    surface: &'a str,
    name: String,
    words: Vec<String>,
    title: Option<String>,
    label: EntityLabel,
}

fn clean<'a>(
    doc: usize,
    p: &Prepared<'a>,
    span: Span,
    label: EntityLabel,
) -> Option<CleanMention<'a>> {
    let surface = span.text(p.text)?;
    let mut ws: Vec<&str> = words(surface).map(|w| w.text).collect();
    let mut title_words: Vec<&str> = Vec::new();
    // Titles inside the mention ("Prime Minister Ana Velic").
    while ws.len() > 1
        && ws
            .first()
            .is_some_and(|w| TITLE_WORDS.contains(&fold(w).as_str()))
    {
        title_words.push(ws.remove(0));
    }
    // Titles just before it ("Prime Minister" outside an NER span).
    let before = p.text.get(..span.start).unwrap_or_default();
    let mut preceding: Vec<&str> = words(
        before
            .get(before.len().saturating_sub(40)..)
            .unwrap_or(before),
    )
    .map(|w| w.text)
    .collect();
    let mut outside: Vec<&str> = Vec::new();
    while let Some(w) = preceding.pop() {
        if w.starts_with(char::is_uppercase) && TITLE_WORDS.contains(&fold(w).as_str()) {
            outside.insert(0, w);
        } else {
            break;
        }
    }
    let tail = before
        .get(before.len().saturating_sub(1)..)
        .unwrap_or_default();
    if !outside.is_empty() && tail.chars().all(char::is_whitespace) {
        outside.extend(title_words);
        title_words = outside;
    }
    let mut name = ws.join(" ");
    let folded = fold(&name);
    for prefix in STATE_PREFIXES {
        if let Some(rest) = folded.strip_prefix(prefix) {
            let rest = rest.trim();
            if !rest.is_empty() {
                name = ws
                    .iter()
                    .skip(prefix.split(' ').count())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
            }
        }
    }
    let name_words: Vec<String> = words(&name).map(|w| fold(w.text)).collect();
    if name_words.is_empty() {
        return None;
    }
    let facility = name_words.len() > 1
        && name_words
            .last()
            .is_some_and(|w| FACILITY_WORDS.contains(&w.as_str()));
    let title = (!title_words.is_empty())
        .then(|| {
            title_words
                .iter()
                .map(|w| fold(w))
                .filter(|w| !matches!(w.as_str(), "mr" | "mrs" | "ms" | "dr"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty());
    Some(CleanMention {
        doc,
        span,
        surface,
        name,
        words: name_words,
        title,
        label: if facility { EntityLabel::Loc } else { label },
    })
}

struct Building {
    label: EntityLabel,
    name: String,
    key: String,
    words: Vec<String>,
    aliases: Vec<String>,
    titles: Vec<String>,
    mentions: Vec<(usize, Span, MentionLink)>,
}

fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a.len() < 4 || a.first() != b.first() {
        return false;
    }
    a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
}

/// Merge the NER mentions of one story's documents into entities.
pub(crate) fn resolve(docs: &[&Prepared<'_>], ids: &mut IdCounters) -> (Vec<Entity>, Vec<Note>) {
    let mut notes = Vec::new();
    let mentions: Vec<CleanMention<'_>> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, p)| {
            p.entities
                .iter()
                .filter_map(move |e| clean(d, p, e.span, e.label))
        })
        .collect();

    let mut entities: Vec<Building> = Vec::new();
    let mut by_key: FxHashMap<(bool, String), usize> = FxHashMap::default();
    let mut singles: Vec<&CleanMention<'_>> = Vec::new();
    // Full names (and every non-person mention) first, so surnames have something to attach to.
    for m in &mentions {
        if m.label == EntityLabel::Per && m.words.len() < 2 {
            singles.push(m);
            continue;
        }
        let key = name_key(&m.name);
        let (key, link) = match country_canonical(&key) {
            Some(canonical) if m.label != EntityLabel::Per => {
                let ck = name_key(canonical);
                let link = if ck == key {
                    MentionLink::Name
                } else {
                    MentionLink::AliasTable
                };
                (ck, link)
            }
            _ => (key, MentionLink::Name),
        };
        let person = m.label == EntityLabel::Per;
        let slot = match by_key.get(&(person, key.clone())) {
            Some(&i) => i,
            None => {
                // A transliteration variant of an existing person?
                let variant = person
                    .then(|| {
                        entities.iter().position(|e| {
                            e.label == EntityLabel::Per
                                && e.words.len() == m.words.len()
                                && e.words.last() == m.words.last()
                                && e.words
                                    .iter()
                                    .zip(&m.words)
                                    .all(|(a, b)| a == b || one_letter_apart(a, b))
                        })
                    })
                    .flatten();
                match variant {
                    Some(i) => i,
                    None => {
                        entities.push(Building {
                            label: m.label,
                            name: m.name.clone(),
                            key: key.clone(),
                            words: m.words.clone(),
                            aliases: Vec::new(),
                            titles: Vec::new(),
                            mentions: Vec::new(),
                        });
                        entities.len() - 1
                    }
                }
            }
        };
        by_key.insert((person, key), slot);
        if let Some(e) = entities.get_mut(slot) {
            e.mentions.push((m.doc, m.span, link));
            if !e.aliases.iter().any(|a| a == m.surface) && m.surface != e.name {
                e.aliases.push(m.surface.to_string());
            }
            if let Some(t) = &m.title {
                if !e.titles.contains(t) {
                    e.titles.push(t.clone());
                }
            }
        }
    }
    // Surnames (and given names) alone.
    for m in singles {
        let key = m.words.first().cloned().unwrap_or_default();
        let holders: Vec<usize> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.label == EntityLabel::Per && !e.words.is_empty() && e.words.last() == Some(&key)
            })
            .map(|(i, _)| i)
            .collect();
        let chosen = match holders.as_slice() {
            [one] => Some(*one),
            [] => None,
            many => {
                // Several people share the surname: only the document's own full mention decides.
                let in_doc: Vec<usize> = many
                    .iter()
                    .copied()
                    .filter(|&i| {
                        entities
                            .get(i)
                            .is_some_and(|e| e.mentions.iter().any(|(d, _, _)| *d == m.doc))
                    })
                    .collect();
                match in_doc.as_slice() {
                    [one] => Some(*one),
                    _ => {
                        if let Some(p) = docs.get(m.doc) {
                            notes.push(Note {
                                kind: NoteKind::AmbiguousMention,
                                message: format!(
                                    "\"{}\" could be {}; left unresolved",
                                    m.surface,
                                    many.iter()
                                        .filter_map(|&i| entities.get(i).map(|e| e.name.clone()))
                                        .collect::<Vec<_>>()
                                        .join(" or ")
                                ),
                                evidence: vec![p.evidence(m.span)],
                            });
                        }
                        continue;
                    }
                }
            }
        };
        match chosen.and_then(|i| entities.get_mut(i)) {
            Some(e) => {
                e.mentions.push((m.doc, m.span, MentionLink::Surname));
                if !e.aliases.iter().any(|a| a == m.surface) {
                    e.aliases.push(m.surface.to_string());
                }
                if let Some(t) = &m.title {
                    if !e.titles.contains(t) {
                        e.titles.push(t.clone());
                    }
                }
            }
            None => {
                let key = name_key(&m.name);
                match entities
                    .iter()
                    .position(|e| e.label == EntityLabel::Per && e.key == key)
                {
                    Some(i) => {
                        if let Some(e) = entities.get_mut(i) {
                            e.mentions.push((m.doc, m.span, MentionLink::Name));
                        }
                    }
                    None => entities.push(Building {
                        label: m.label,
                        name: m.name.clone(),
                        key,
                        words: m.words.clone(),
                        aliases: Vec::new(),
                        titles: m.title.iter().cloned().collect(),
                        mentions: vec![(m.doc, m.span, MentionLink::Name)],
                    }),
                }
            }
        }
    }
    // Titles alone: "the prime minister" → the one entity holding that title.
    let mut holders: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, e) in entities.iter().enumerate() {
        for t in &e.titles {
            holders.entry(t.clone()).or_default().push(i);
        }
    }
    for (title, who) in &holders {
        let [one] = who.as_slice() else {
            continue;
        };
        let needle = format!("the {title}");
        for (d, p) in docs.iter().enumerate() {
            let lower = p.text.to_lowercase();
            if lower.len() != p.text.len() {
                continue; // lower-casing changed byte offsets; spans would not fit
            }
            let mut from = 0;
            while let Some(pos) = lower.get(from..).and_then(|s| s.find(&needle)) {
                let start = from + pos;
                let end = start + needle.len();
                from = end;
                let bounded = at_word_break(lower.get(end..));
                if !bounded {
                    continue;
                }
                let span = Span::new(start, end);
                if let Some(e) = entities.get_mut(*one) {
                    if !e
                        .mentions
                        .iter()
                        .any(|(dd, s, _)| *dd == d && s.overlaps(span))
                    {
                        e.mentions.push((d, span, MentionLink::Title));
                    }
                }
            }
        }
    }

    let mut entities: Vec<Building> = entities
        .into_iter()
        .filter(|e| !e.mentions.is_empty())
        .collect();
    entities.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
    let out = entities
        .into_iter()
        .map(|e| {
            let mut doc_ids: Vec<usize> = e.mentions.iter().map(|(d, _, _)| *d).collect();
            doc_ids.sort_unstable();
            doc_ids.dedup();
            let mentions = e
                .mentions
                .iter()
                .filter_map(|&(d, span, link)| {
                    docs.get(d).map(|p| EntityMentionRef {
                        evidence: p.evidence(span),
                        link,
                    })
                })
                .collect();
            Entity {
                id: ids.next("ent"),
                name: e.name,
                label: e.label,
                aliases: e.aliases,
                titles: e.titles,
                mentions,
                document_count: doc_ids.len(),
            }
        })
        .collect();
    (out, notes)
}

/// True when `rest` (the text after a match) starts at a word boundary.
fn at_word_break(rest: Option<&str>) -> bool {
    !rest
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// Entity id whose mention covers `span` in document `doc_id`, if any.
pub(crate) fn entity_at<'e>(
    entities: &'e [crate::model::Entity],
    doc_id: &str,
    span: Span,
) -> Option<&'e crate::model::Entity> {
    entities.iter().find(|e| {
        e.mentions.iter().any(|m| {
            m.evidence.doc_id == doc_id
                && (m.evidence.span.overlaps(span) || span.contains(m.evidence.span))
        })
    })
}
