//! Cross-document entities: NER mentions of one story merged into entities.
//!
//! Rules, in order (each documented because each is a judgement). The rules were checked on
//! real news with `bench/entities/run.sh` (ECB+ dev topics for choosing, train topics
//! reported; see `bench/entities/README.md`), and each has a fictional test in
//! `tests/entities_resolution.rs`, `tests/hard_cases.rs` or (rules 10 and 11)
//! `tests/entities_pronouns.rs`.
//! 1. **Names** are read word by word as written (white space splits; punctuation around a
//!    word, possessive endings, a leading "the" and pieces that are only punctuation go: "The
//!    Marrow Hawks", "O'Darra's", "Dr . Ostin"; a comma ends the name: "Mara Ostin, MD") and
//!    compared after folding case and diacritics and dropping hyphens, dots and spaces ("Park
//!    Ji-hoon" = "Park Jihoon", "Velić" = "Velic", "U.K." = "UK"), with "Mt"/"Ft" spelled out,
//!    middle initials and generational suffixes ("Jr.", "III") left out. Leading titles of
//!    people ("Prime Minister", "Ms.", "President") are stripped and remembered as the
//!    entity's titles; in other names they stay ("Finance Ministry"); "Republic of X" is X.
//! 2. **One type per name per story**: the tagger reads each document alone and may call one
//!    name a person here and an organisation there; each name takes the label most of its
//!    mentions have, a person's surname voting for the person label of names ending in it
//!    unless the name is written as a place at least twice ("in Kellton").
//! 3. **Aliases** of countries come from a built-in table ([`COUNTRY_ALIASES`]).
//! 4. **Spelling variants**: two person names with the same surname whose given names differ
//!    by one edit ("Stoyan"/"Stojan"), or the same given names and surnames one edit apart
//!    ("Ferrow"/"Ferrowe"), or the same given name and surname with middle names one leaves
//!    out, are one person; different given names ("Irena Dask", "Milan Dask") stay apart, and
//!    so do given names differing only in a final vowel ("Ivan"/"Ivana Marek": siblings) and
//!    one-letter variants one article writes side by side ("Anna Lind", "Anna Lindt").
//! 5. **Spans ending in a person's full name** ("Sixers Fire Coach Maurice Cheeks", what a
//!    title-case headline makes of a name) are that person when the story has one such person.
//! 6. **Short names of organisations**: a one-word organisation (or MISC) name that is the head
//!    word of one longer such name ("Gulls" of "Vesk Harbor Gulls", "Academy" of "Ostrel Academy
//!    of Arts") is that organisation; when several share the head word ("Orsk Post", "Tarvel
//!    Post"), each document's short name is the one that document names in full, else the one
//!    the story names at least three times as often as the others. Places are never shortened
//!    ("Esteria" is not "North Esteria").
//! 7. **Surnames alone** attach to the one person of the story with that surname. When several
//!    people share it, a bare surname attaches to the one its own document names; of several
//!    its document names, to the one named alone in the latest sentence before it that names
//!    any ("Her husband, Dario Velic, wept. ... Velic said."); otherwise to the one the story
//!    names in full at least three times as often as any other; otherwise it is left
//!    unresolved and a note says so. Rules 5–7 link a mention as [`MentionLink::Name`] (5) or
//!    [`MentionLink::Surname`] (6, 7: part of the name alone).
//! 8. **Places named after people** ("Velic Square", "Velic Airport": a name ending in a
//!    facility word) are never merged with a person, whatever label NER gave them.
//! 9. **Titles alone** ("the prime minister", as whole words) attach to the one person of the story
//!    seen with that title (other names keep their title words: "Finance Ministry"): a capitalised
//!    title word in or right before the name ("Prime Minister Ana Velic"), or a lower-case role
//!    noun right before a person's name ("actress Tara Vell").
//! 10. **Pronouns** ("he", "her", "himself") join a person its document names in the pronoun's
//!     sentence or the two before it: in the latest of those sentences naming a person whose
//!     gender fits, the first such person (a reader's preference for the subject), or the one
//!     known to have the pronoun's gender. Gender comes from titles ("Ms.", "actress",
//!     "spokesman") and from pronouns with one person to refer to. A pronoun inside a direct quote
//!     only refers to people named inside the same quote. "who"/"whose" right after a person's
//!     name (across a comma only) is that person; "they"/"their" is an organisation with a
//!     plural name ("Marrow Hawks") named in that sentence or the one before with no person
//!     named since. Pronouns are mentions
//!     ([`MentionLink::Pronoun`]), never aliases.
//! 11. **Descriptions**: the description in an apposition right after a person's name ("Tara
//!     Vell, a 33-year-old actress,") is a mention of that person (cut to its head noun when it
//!     names something: "a Dunmere County deputy"), and a later "the actress" in the same
//!     document names the person given that noun, when no other person of the document was given
//!     it before ([`MentionLink::Description`], never an alias). Taking apposition nouns as
//!     story-wide titles for rule 9 was tried and dropped (it cost 0.2 named-mention F1 on ECB+
//!     dev and gained nothing).
use crate::analyze::{IdCounters, Prepared};
use crate::model::{Entity, EntityMentionRef, MentionLink, Note, NoteKind};
use crate::text::{fold, words, Word};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;
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

/// Role nouns news writes in lower case right before a person's name ("actress Tara Vell", "coach
/// Orsolya Venn"): titles of that person too, so that "the actress" can later name the one person
/// seen with that role. Only before names tagged as people: before other names they are mostly
/// verbs or modifiers ("to host Oscars"), which is also why "host" is not one. Other title words
/// count before a name only when capitalised ("Trade Minister"), since in lower case they are as
/// often ordinary words ("free trade").
const ROLE_WORDS: &[&str] = &[
    "actor",
    "actress",
    "captain",
    "chairman",
    "chairwoman",
    "coach",
    "commissioner",
    "director",
    "manager",
    "rapper",
    "sheriff",
    "singer",
];

/// How far back before a mention titles are looked for, in bytes (about five words).
const TITLE_WINDOW_BYTES: usize = 40;

/// Words that make "X of" an official-name prefix ("Republic of Esteria" is "Esteria").
const STATE_PREFIXES: &[&str] = &["republic of", "kingdom of", "state of", "commonwealth of"];

/// Comparison key of a name: folded, without dots, hyphens, apostrophes and spaces.
pub fn name_key(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// [`name_key`] of every alias of [`COUNTRY_ALIASES`] to the key of its row's first name,
/// folded once rather than the whole table again for every mention looked up. The first row
/// holding an alias wins, as a search of the table in order would.
static COUNTRY_KEYS: LazyLock<FxHashMap<String, String>> = LazyLock::new(|| {
    let mut keys = FxHashMap::default();
    for row in COUNTRY_ALIASES {
        if let Some(canonical) = row.first() {
            let canonical = name_key(canonical);
            for alias in *row {
                keys.entry(name_key(alias))
                    .or_insert_with(|| canonical.clone());
            }
        }
    }
    keys
});

/// The comparison key of the country whose alias has comparison key `key`, if any.
fn country_key(key: &str) -> Option<&'static str> {
    COUNTRY_KEYS.get(key).map(String::as_str)
}

/// A mention cleaned of its title: the name words, the title words, and the full surface.
struct CleanMention<'a> {
    doc: usize,
    span: Span,
    surface: &'a str,
    name: String,
    /// Comparison forms of the name's words ([`name_key`] of each, abbreviations spelled
    /// out, middle initials dropped).
    words: Vec<String>,
    /// Comparison key of the whole name: its words joined.
    key: String,
    title: Option<String>,
    label: EntityLabel,
    /// The name ends in a facility word: a place whatever the tagger said, and its label is
    /// never changed by the story's vote.
    facility: bool,
    /// The word before the mention is a place preposition ([`PLACE_PREPOSITIONS`]).
    after_place_preposition: bool,
}

/// Abbreviations spelled out before names are compared ("Mt Tarvel" is "Mount Tarvel").
const ABBREVIATIONS: &[(&str, &str)] = &[("mt", "mount"), ("ft", "fort")];

/// The words of a name as written. The span is split at white space; punctuation around a
/// word goes ("Dr." is "Dr"); pieces that are only punctuation go (the corpus form "Dr .
/// Ostin"); a possessive ending goes, glued on or tokenised apart ("O'Darra's", "O'Darra 's");
/// apostrophes inside a word stay, so "O'Darra" is one word and can be a surname. The name ends
/// at its first comma: what follows is a credential or a locator ("Mara Ostin, MD", "Richmond
/// Hill, Queens").
fn name_tokens(surface: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for raw in surface.split_whitespace() {
        if raw.starts_with(',') && !out.is_empty() {
            break;
        }
        if matches!(raw, "'s" | "\u{2019}s" | "'" | "\u{2019}") {
            continue;
        }
        let trimmed = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let word = trimmed
            .strip_suffix("'s")
            .or_else(|| trimmed.strip_suffix("\u{2019}s"))
            .filter(|w| !w.is_empty())
            .unwrap_or(trimmed);
        if !word.is_empty() {
            out.push(word);
        }
        if raw.ends_with(',') && !out.is_empty() {
            break;
        }
    }
    out
}

/// Generational suffixes after a surname ("Anthony Varga III", "Tomas Kell Jr."): dropped
/// before comparison, or the suffix would stand where the surname belongs.
const NAME_SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Comparison forms of name words: [`name_key`] of each, abbreviations spelled out, a generational
/// suffix after a given name and a surname dropped, and single letters between the first and the
/// last word dropped ("Mara K. Ostin" is "Mara Ostin").
fn comparison_words(tokens: &[&str]) -> Vec<String> {
    let mut keyed: Vec<String> = tokens
        .iter()
        .map(|w| {
            let k = name_key(w);
            ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == k)
                .map_or(k, |(_, long)| (*long).to_string())
        })
        .filter(|w| !w.is_empty())
        .collect();
    while keyed.len() > 2
        && keyed
            .last()
            .is_some_and(|w| NAME_SUFFIXES.contains(&w.as_str()))
    {
        keyed.pop();
    }
    let last = keyed.len().saturating_sub(1);
    keyed
        .into_iter()
        .enumerate()
        .filter(|(i, w)| *i == 0 || *i == last || w.chars().count() > 1)
        .map(|(_, w)| w)
        .collect()
}

fn clean<'a>(
    doc: usize,
    p: &Prepared<'a>,
    span: Span,
    label: EntityLabel,
) -> Option<CleanMention<'a>> {
    let surface = span.text(p.text)?;
    let person = label == EntityLabel::Per;
    let mut ws: Vec<&str> = name_tokens(surface);
    // A leading article is not part of the name ("The Marrow Hawks").
    if ws.len() > 1 && ws.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        ws.remove(0);
    }
    let mut title_words: Vec<&str> = Vec::new();
    // Titles inside a person's mention ("Prime Minister Ana Velic"). Only people have titles:
    // in other names the same words are part of the name ("Finance Ministry", "General Orvane
    // Motors", "Prince Tarvel Island"), and stripped they would merge different ministries as
    // "Ministry" and make every "the general" of the story a mention of a company.
    while person
        && ws.len() > 1
        && ws.first().is_some_and(|w| {
            let w = fold(w);
            TITLE_WORDS.contains(&w.as_str()) || ROLE_WORDS.contains(&w.as_str())
        })
    {
        title_words.push(ws.remove(0));
    }
    // Titles just before it ("Prime Minister" outside an NER span), read from a window of the
    // text before the mention cut at a character boundary (a cut inside a character would
    // otherwise fall back to the whole text before it, for every mention), without the word
    // the cut may have sliced ("contr|actor").
    let before = p.text.get(..span.start).unwrap_or_default();
    let mut cut = before.len().saturating_sub(TITLE_WINDOW_BYTES);
    while !before.is_char_boundary(cut) {
        cut += 1;
    }
    let window = before.get(cut..).unwrap_or_default();
    let sliced = before
        .get(..cut)
        .and_then(|b| b.chars().next_back())
        .is_some_and(char::is_alphanumeric)
        && window.starts_with(char::is_alphanumeric);
    let mut preceding: Vec<&str> = words(window)
        .skip(usize::from(sliced))
        .map(|w| w.text)
        .collect();
    let after_place_preposition = preceding
        .last()
        .is_some_and(|w| PLACE_PREPOSITIONS.contains(w));
    let mut outside: Vec<&str> = Vec::new();
    while let Some(w) = preceding.pop() {
        let folded = fold(w);
        let title = w.starts_with(char::is_uppercase) && TITLE_WORDS.contains(&folded.as_str());
        if person && (title || ROLE_WORDS.contains(&folded.as_str())) {
            outside.insert(0, w);
        } else {
            break;
        }
    }
    // Only titles set off by white space alone: not "Minister: Velic", "Minister \u{201c}Velic".
    let spaced = before.chars().next_back().is_none_or(char::is_whitespace);
    if !outside.is_empty() && spaced {
        outside.extend(title_words);
        title_words = outside;
    }
    let folded = fold(&ws.join(" "));
    for prefix in STATE_PREFIXES {
        if let Some(rest) = folded.strip_prefix(prefix) {
            if !rest.trim().is_empty() {
                ws = ws.split_off(prefix.split(' ').count().min(ws.len()));
            }
        }
    }
    let mut name = ws.join(" ");
    // "talks in the U.S." at a sentence end: the tokenizer gives the period to the sentence
    // (CoNLL style), but the name is written with it.
    let mut surface = surface;
    if ws.last().is_some_and(|w| w.contains('.'))
        && name.ends_with(char::is_alphabetic)
        && p.text.get(span.end..).is_some_and(|t| t.starts_with('.'))
    {
        name.push('.');
        surface = p.text.get(span.start..span.end + 1).unwrap_or(surface);
    }
    let name_words = comparison_words(&ws);
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
        key: name_words.concat(),
        words: name_words,
        title,
        label: if facility { EntityLabel::Loc } else { label },
        facility,
        after_place_preposition,
    })
}

/// The word a name is about: the word before its "of" ("Academy" in "Academy of Arts", "Gulf"
/// in "Gulf of Aden"), else its last word ("Gulls" in "Vesk Harbor Gulls", the surname).
fn head_word(words: &[String]) -> Option<&String> {
    match words.iter().position(|w| w == "of") {
        Some(of) if of > 0 => words.get(of - 1),
        _ => words.last(),
    }
}

/// How many times a name must be written after a place preposition ("in Kellton") before the
/// people of the story who bear it as a surname no longer outvote its place label.
const MIN_PLACE_WRITINGS: usize = 2;

/// Words after which a capitalised name is a place ("in Kellton", "near Kellton"); "from" and
/// "to" are left out ("a letter from Velic").
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "outside", "inside"];

/// One type per name per story. The tagger reads each document alone and may call a name a person
/// in one and an organisation or a place in another ("Elton Brand" ORG, "Troy" PER); left as it is,
/// one name becomes two entities. Each name takes the label most of its mentions in the story have.
/// (Counting the votes of a longer name's head word written alone as well was tried and dropped:
/// "Brand" alone tagged ORG turned "Elton Brand" into an organisation.) A person's full name also
/// votes for the person label of every other name ending in its surname: "Venn" tagged as a place,
/// or "Mo Cheeks" as one, in a story that names "Orsolya Venn" or "Maurice Cheeks", unless the name
/// is written as a place (after "in", "at", "near") at least [`MIN_PLACE_WRITINGS`] times: a town
/// is not turned into its namesake. Ties keep the tagger's label; names ending in a facility word
/// stay places.
fn settle_labels(mentions: &mut [CleanMention<'_>]) {
    let mut votes: FxHashMap<&str, [usize; 4]> = FxHashMap::default();
    // Person mentions by last word (the surname, or the whole of a one-word name).
    let mut people_by_surname: FxHashMap<&str, usize> = FxHashMap::default();
    let mut places_by_key: FxHashMap<&str, usize> = FxHashMap::default();
    for m in mentions.iter() {
        if m.after_place_preposition && m.label != EntityLabel::Per {
            *places_by_key.entry(m.key.as_str()).or_default() += 1;
        }
        if let Some(slot) = votes
            .entry(m.key.as_str())
            .or_default()
            .get_mut(m.label.index())
        {
            *slot += 1;
        }
        if m.label == EntityLabel::Per {
            if let Some(last) = m.words.last() {
                *people_by_surname.entry(last.as_str()).or_default() += 1;
            }
        }
    }
    let per = EntityLabel::Per.index();
    let settled: Vec<EntityLabel> = mentions
        .iter()
        .map(|m| {
            if m.facility {
                return m.label;
            }
            let mut v = votes.get(m.key.as_str()).copied().unwrap_or_default();
            // Person mentions ending in this name's last word, other than this name's own.
            let own_people = v.get(per).copied().unwrap_or_default();
            // A name written as a place ("in Kellton") more than once is a place of the same
            // name as a person of the story ("Mara Kellton"), not the tagger's noise, which
            // repeats itself too ("Obama" tagged as a place seven times).
            let written_as_place = places_by_key.get(m.key.as_str()).copied().unwrap_or(0);
            let surname_support = if written_as_place >= MIN_PLACE_WRITINGS {
                0
            } else {
                m.words
                    .last()
                    .and_then(|w| people_by_surname.get(w.as_str()))
                    .map_or(0, |n| n.saturating_sub(own_people))
            };
            if let Some(slot) = v.get_mut(per) {
                *slot += surname_support;
            }
            let own = v.get(m.label.index()).copied().unwrap_or_default();
            EntityLabel::ALL
                .iter()
                .copied()
                .filter(|l| v.get(l.index()).copied().unwrap_or_default() > own)
                .max_by_key(|l| v.get(l.index()).copied().unwrap_or_default())
                .unwrap_or(m.label)
        })
        .collect();
    for (m, label) in mentions.iter_mut().zip(settled) {
        m.label = label;
    }
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

impl Building {
    /// Record `alias` unless the entity already goes by it.
    fn add_alias(&mut self, alias: &str) {
        if alias != self.name && !self.aliases.iter().any(|a| a == alias) {
            self.aliases.push(alias.to_string());
        }
    }

    fn add_title(&mut self, title: &str) {
        if !self.titles.iter().any(|t| t == title) {
            self.titles.push(title.to_string());
        }
    }
}

/// Two spellings one edit apart (a letter changed, added or dropped: "Stoyan"/"Stojan",
/// "Ferrow"/"Ferrowe"), both at least four letters long and starting with the same letter.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 4 || a.first() != b.first() || a == b {
        return false;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    match long.len() - short.len() {
        0 => {
            short
                .iter()
                .zip(long.iter())
                .filter(|(x, y)| x != y)
                .count()
                == 1
        }
        1 => {
            let prefix = short
                .iter()
                .zip(long.iter())
                .take_while(|(x, y)| x == y)
                .count();
            short.get(prefix..) == long.get(prefix + 1..)
        }
        _ => false,
    }
}

/// Two person names that are spelling variants of one name: as many words, and either the
/// same surname with each given name equal or one edit apart ("Stoyan"/"Stojan Markelov"), or
/// the same given names with surnames one edit apart ("Duncan Ferrow"/"Duncan Ferrowe").
/// Different given names ("Irena Dask", "Milan Dask") are different people.
fn spelling_variants(a: &[String], b: &[String]) -> bool {
    if a.len() != b.len() || a.len() < 2 {
        return false;
    }
    let (Some((last_a, given_a)), Some((last_b, given_b))) = (a.split_last(), b.split_last())
    else {
        return false;
    };
    if last_a == last_b {
        given_a
            .iter()
            .zip(given_b)
            .all(|(x, y)| x == y || (one_edit_apart(x, y) && !gendered_pair(x, y)))
    } else {
        given_a == given_b && one_edit_apart(last_a, last_b)
    }
}

/// Two given names (comparison forms) that differ only in a final vowel, added or changed
/// ("Ivan"/"Ivana", "Mario"/"Maria", "Daniel"/"Daniela"): the masculine and feminine forms of
/// one name, so a brother and a sister rather than one person spelled two ways.
/// Transliteration variants differ inside the name ("Stoyan"/"Stojan").
fn gendered_pair(a: &str, b: &str) -> bool {
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o');
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if let Some(added) = long.strip_prefix(short) {
        let mut added = added.chars();
        return added.next().is_some_and(is_vowel) && added.next().is_none();
    }
    let (mut a, mut b) = (a.chars(), b.chars());
    match (a.next_back(), b.next_back()) {
        (Some(x), Some(y)) => a.as_str() == b.as_str() && is_vowel(x) && is_vowel(y),
        _ => false,
    }
}

/// Two person names with the same given name and surname, one with middle names the other
/// leaves out ("Anthony Phillip Varga", "Anthony Varga").
fn middle_names_differ(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < 2 || short.len() == long.len() {
        return false;
    }
    if short.first() != long.first() || short.last() != long.last() {
        return false;
    }
    let mut rest = long.iter();
    short.iter().all(|w| rest.any(|x| x == w))
}

/// An organisation (or other non-place, non-person) name of one word that is the head of a
/// longer such name ([`head_word`]: "Gulls" for "Vesk Harbor Gulls", "Academy" for "Ostrel
/// Academy of Arts"). A short name the tagger called MISC may still be an organisation's (it
/// takes a team's plural name for a nationality: "Pistons"), but an organisation's short name
/// is not a MISC name's head: "Giants" the team is not "Gentle Giants" the film. Places are
/// left alone: "Esteria" is not "North Esteria".
fn short_name_of(short: &Building, long: &Building) -> bool {
    let kinds_fit = match short.label {
        EntityLabel::Org => long.label == EntityLabel::Org,
        EntityLabel::Misc => matches!(long.label, EntityLabel::Org | EntityLabel::Misc),
        _ => false,
    };
    if !kinds_fit || long.words.len() < 2 {
        return false;
    }
    let [word] = short.words.as_slice() else {
        return false;
    };
    head_word(&long.words) == Some(word)
}

/// Of several entities a short name could mean, the one the story names at least
/// [`DOMINANT_SHARE`] times as often as any other: for a surname, the story's main bearer of
/// the name ("Anthony Varga" named 40 times, his mother "Michele Varga" twice); for a team's
/// short name, the team rather than a stray headline span. Namesakes named about equally often
/// ("Milan Dask", "Irena Dask") have none.
fn dominant(candidates: &[usize], named_counts: &[usize]) -> Option<usize> {
    let count = |i: usize| named_counts.get(i).copied().unwrap_or_default();
    let top = candidates.iter().copied().max_by_key(|&i| count(i))?;
    candidates
        .iter()
        .all(|&i| i == top || count(i) * DOMINANT_SHARE <= count(top))
        .then_some(top)
}

/// The namesake a bare surname at `at` follows: of the full-name mentions `named` (one
/// document's, in text order, each with its entity), the latest sentence before `at` that names
/// any of the namesakes, when it names only one ("Her husband, Dario Velic, wept. 'It was a long
/// road,' Velic said." is Dario's, however often the story names Ana Velic). None when that
/// sentence names several ("Anthony Varga and his mother Michele Varga appeared. Varga
/// pleaded...": the story's main bearer decides) or none comes before. `sentences` are the
/// document's, in text order.
fn namesake_named_last(named: &[(Span, usize)], sentences: &[Span], at: Span) -> Option<usize> {
    let before = named.get(..named.partition_point(|(span, _)| span.end <= at.start))?;
    let &(last_span, last) = before.last()?;
    let sentence = sentences
        .get(sentences.partition_point(|s| s.end <= last_span.start))
        .filter(|s| s.contains(last_span))
        .copied()
        .unwrap_or(last_span);
    before
        .iter()
        .rev()
        .take_while(|(span, _)| span.start >= sentence.start)
        .all(|&(_, i)| i == last)
        .then_some(last)
}

/// How many times as often the main bearer of a shared surname must be named in full.
const DOMINANT_SHARE: usize = 3;

/// The full-name people of a story being built, indexed for the spelling-variant search: a
/// variant shares its first or its last word with the person it varies ([`spelling_variants`],
/// [`middle_names_differ`]), so only those are compared, not every entity of the story.
struct PersonIndex<'m> {
    by_first: FxHashMap<String, Vec<usize>>,
    by_last: FxHashMap<String, Vec<usize>>,
    /// Comparison keys of every spelling merged into each person entity.
    spellings: FxHashMap<usize, Vec<String>>,
    /// Documents each person-name spelling is written in (sorted, no repeats).
    docs_by_key: FxHashMap<&'m str, Vec<usize>>,
}

impl<'m> PersonIndex<'m> {
    fn new(mentions: &'m [CleanMention<'_>]) -> Self {
        let mut docs_by_key: FxHashMap<&'m str, Vec<usize>> = FxHashMap::default();
        for m in mentions.iter().filter(|m| m.label == EntityLabel::Per) {
            let docs = docs_by_key.entry(m.key.as_str()).or_default();
            if docs.last() != Some(&m.doc) {
                docs.push(m.doc);
            }
        }
        for docs in docs_by_key.values_mut() {
            docs.sort_unstable();
            docs.dedup();
        }
        PersonIndex {
            by_first: FxHashMap::default(),
            by_last: FxHashMap::default(),
            spellings: FxHashMap::default(),
            docs_by_key,
        }
    }

    fn add(&mut self, entity: usize, words: &[String]) {
        if let (Some(first), Some(last)) = (words.first(), words.last()) {
            self.by_first.entry(first.clone()).or_default().push(entity);
            self.by_last.entry(last.clone()).or_default().push(entity);
        }
    }

    fn add_spelling(&mut self, entity: usize, key: &str) {
        let keys = self.spellings.entry(entity).or_default();
        if !keys.iter().any(|k| k == key) {
            keys.push(key.to_string());
        }
    }

    /// True when one document writes both spellings: a writer spells one person's name the same
    /// way throughout an article, so two spellings side by side ("Anna Lind", "Anna Lindt") are
    /// two people.
    fn written_together(&self, a: &str, b: &str) -> bool {
        let (Some(a), Some(b)) = (self.docs_by_key.get(a), self.docs_by_key.get(b)) else {
            return false;
        };
        a.iter().any(|d| b.binary_search(d).is_ok())
    }

    /// The earliest person entity whose name `m`'s name varies: by middle names, or by one
    /// letter unless one document writes both spellings.
    fn variant_of(&self, entities: &[Building], m: &CleanMention<'_>) -> Option<usize> {
        let (first, last) = (m.words.first()?, m.words.last()?);
        let candidates = self
            .by_first
            .get(first)
            .into_iter()
            .chain(self.by_last.get(last))
            .flatten()
            .copied();
        candidates
            .filter(|&i| {
                entities.get(i).is_some_and(|e| {
                    middle_names_differ(&e.words, &m.words)
                        || (spelling_variants(&e.words, &m.words)
                            && !self
                                .spellings
                                .get(&i)
                                .into_iter()
                                .flatten()
                                .any(|k| self.written_together(k, &m.key)))
                })
            })
            .min()
    }
}

/// Move every mention of entity `from` to entity `into` with the given link; `from`'s name,
/// aliases and titles become `into`'s. `from` is left without mentions (dropped at the end).
fn merge_into(entities: &mut [Building], from: usize, into: usize, link: MentionLink) {
    let Some((mentions, aliases, titles, name)) = entities.get_mut(from).map(|e| {
        (
            std::mem::take(&mut e.mentions),
            std::mem::take(&mut e.aliases),
            std::mem::take(&mut e.titles),
            e.name.clone(),
        )
    }) else {
        return;
    };
    let Some(e) = entities.get_mut(into) else {
        return;
    };
    absorb(
        e,
        mentions,
        link,
        aliases.into_iter().chain(std::iter::once(name)),
    );
    for t in &titles {
        e.add_title(t);
    }
}

/// Move the mentions entity `from` has in document `doc` to entity `into`, `from`'s name
/// becoming one of `into`'s aliases; `from` keeps its mentions in other documents.
fn move_document_mentions(
    entities: &mut [Building],
    from: usize,
    into: usize,
    doc: usize,
    link: MentionLink,
) {
    let Some((moved, name)) = entities.get_mut(from).map(|e| {
        let (moved, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut e.mentions)
            .into_iter()
            .partition(|m| m.0 == doc);
        e.mentions = kept;
        (moved, e.name.clone())
    }) else {
        return;
    };
    if let Some(e) = entities.get_mut(into) {
        absorb(e, moved, link, std::iter::once(name));
    }
}

/// Give `e` the mentions of another entity, each now linked as `link`, and that entity's
/// names as aliases (those `e` does not already go by).
fn absorb(
    e: &mut Building,
    mentions: Vec<(usize, Span, MentionLink)>,
    link: MentionLink,
    names: impl IntoIterator<Item = String>,
) {
    e.mentions
        .extend(mentions.into_iter().map(|(d, span, _)| (d, span, link)));
    for alias in names {
        e.add_alias(&alias);
    }
}

/// Merge the NER mentions of one story's documents into entities.
pub(crate) fn resolve(docs: &[&Prepared<'_>], ids: &mut IdCounters) -> (Vec<Entity>, Vec<Note>) {
    let mut notes = Vec::new();
    let mut mentions: Vec<CleanMention<'_>> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, p)| {
            p.entities
                .iter()
                .filter_map(move |e| clean(d, p, e.span, e.label))
        })
        .collect();
    settle_labels(&mut mentions);

    let mut entities: Vec<Building> = Vec::new();
    let mut by_key: FxHashMap<(bool, String), usize> = FxHashMap::default();
    let mut singles: Vec<&CleanMention<'_>> = Vec::new();
    let mut people = PersonIndex::new(&mentions);
    // Full names (and every non-person mention) first, so surnames have something to attach to.
    for m in &mentions {
        if m.label == EntityLabel::Per && m.words.len() < 2 {
            singles.push(m);
            continue;
        }
        let (key, link) = match country_key(&m.key) {
            Some(country) if m.label != EntityLabel::Per => {
                let link = if country == m.key {
                    MentionLink::Name
                } else {
                    MentionLink::AliasTable
                };
                (country.to_string(), link)
            }
            _ => (m.key.clone(), MentionLink::Name),
        };
        let person = m.label == EntityLabel::Per;
        let slot = match by_key.get(&(person, key.clone())) {
            Some(&i) => i,
            None => {
                let variant = person.then(|| people.variant_of(&entities, m)).flatten();
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
                        let i = entities.len() - 1;
                        if person {
                            people.add(i, &m.words);
                        }
                        i
                    }
                }
            }
        };
        if person {
            people.add_spelling(slot, &key);
        }
        by_key.insert((person, key), slot);
        if let Some(e) = entities.get_mut(slot) {
            e.mentions.push((m.doc, m.span, link));
            e.add_alias(m.surface);
            if let Some(t) = &m.title {
                e.add_title(t);
            }
        }
    }
    join_spans_ending_in_a_person(&mut entities);
    join_short_names(&mut entities);
    attach_one_word_names(docs, &mut entities, &by_key, singles, &mut notes);
    link_titles_alone(docs, &mut entities);
    link_descriptions(docs, &mut entities);
    link_pronouns(docs, &mut entities);

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

/// Longer spans ending in one person's full name are that person (rule 5).
fn join_spans_ending_in_a_person(entities: &mut [Building]) {
    let mut people_by_words: FxHashMap<Vec<String>, Vec<usize>> = FxHashMap::default();
    for (i, e) in entities.iter().enumerate() {
        if e.label == EntityLabel::Per && e.words.len() >= 2 {
            people_by_words.entry(e.words.clone()).or_default().push(i);
        }
    }
    let mut by_length: Vec<usize> = (0..entities.len()).collect();
    by_length.sort_by_key(|&i| entities.get(i).map_or(0, |e| e.words.len()));
    for long in by_length {
        let Some(long_entity) = entities.get(long) else {
            continue;
        };
        if long_entity.words.len() < 3 || long_entity.mentions.is_empty() {
            continue;
        }
        let mut people: Vec<usize> = (1..long_entity.words.len() - 1)
            .filter_map(|from| long_entity.words.get(from..))
            .filter_map(|tail| people_by_words.get(tail))
            .flatten()
            .copied()
            .filter(|&i| i != long && entities.get(i).is_some_and(|e| !e.mentions.is_empty()))
            .collect();
        people.dedup();
        let [person] = people.as_slice() else {
            continue;
        };
        merge_into(entities, long, *person, MentionLink::Name);
    }
}

/// Organisations named by their head word alone join a longer name with that head (rule 6).
fn join_short_names(entities: &mut [Building]) {
    let mut by_head: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, e) in entities.iter().enumerate() {
        if e.words.len() >= 2 {
            if let Some(head) = head_word(&e.words) {
                by_head.entry(head.clone()).or_default().push(i);
            }
        }
    }
    let counts: Vec<usize> = entities.iter().map(|e| e.mentions.len()).collect();
    for short in 0..entities.len() {
        let Some(short_entity) = entities.get(short) else {
            continue;
        };
        if short_entity.mentions.is_empty()
            || short_entity.words.len() != 1
            || country_key(&short_entity.key).is_some()
        {
            continue;
        }
        let longer: Vec<usize> = short_entity
            .words
            .first()
            .and_then(|w| by_head.get(w))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| {
                i != short
                    && entities
                        .get(i)
                        .is_some_and(|e| !e.mentions.is_empty() && short_name_of(short_entity, e))
            })
            .collect();
        match longer.as_slice() {
            [] => {}
            [one] => merge_into(entities, short, *one, MentionLink::Surname),
            several => {
                // Several organisations share the head word ("Orsk Post", "Tarvel Post"): each
                // document's short name is the one that document names in full; the story's
                // dominant one only where the document names none or several.
                let mut docs: Vec<usize> = short_entity.mentions.iter().map(|m| m.0).collect();
                docs.sort_unstable();
                docs.dedup();
                let named_in = |d: usize| -> Vec<usize> {
                    several
                        .iter()
                        .copied()
                        .filter(|&i| {
                            entities
                                .get(i)
                                .is_some_and(|e| e.mentions.iter().any(|m| m.0 == d))
                        })
                        .collect()
                };
                let story_choice = dominant(several, &counts);
                let moves: Vec<(usize, usize)> = docs
                    .into_iter()
                    .filter_map(|d| match named_in(d).as_slice() {
                        [one] => Some((d, *one)),
                        [] => story_choice.map(|long| (d, long)),
                        in_doc => dominant(in_doc, &counts).map(|long| (d, long)),
                    })
                    .collect();
                for (d, long) in moves {
                    move_document_mentions(entities, short, long, d, MentionLink::Surname);
                }
            }
        }
    }
}

/// One-word person names: surnames (and given names) alone join the person of the story
/// who bears them (rule 7); the rest become entities of their own.
fn attach_one_word_names(
    docs: &[&Prepared<'_>],
    entities: &mut Vec<Building>,
    by_key: &FxHashMap<(bool, String), usize>,
    singles: Vec<&CleanMention<'_>>,
    notes: &mut Vec<Note>,
) {
    let named_counts: Vec<usize> = entities.iter().map(|e| e.mentions.len()).collect();
    let mut people_by_surname: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, e) in entities.iter().enumerate() {
        // Entities merged into another are left without mentions: not holders.
        if e.label == EntityLabel::Per && !e.mentions.is_empty() {
            if let Some(last) = e.words.last() {
                people_by_surname.entry(last.clone()).or_default().push(i);
            }
        }
    }
    // Where each document names each namesake in full, by (document, surname), in text order.
    let mut namesakes_named: FxHashMap<(usize, &str), Vec<(Span, usize)>> = FxHashMap::default();
    for (surname, holders) in people_by_surname.iter().filter(|(_, h)| h.len() > 1) {
        for &i in holders {
            for &(d, span, _) in entities.get(i).map_or(&[][..], |e| &e.mentions) {
                namesakes_named
                    .entry((d, surname.as_str()))
                    .or_default()
                    .push((span, i));
            }
        }
    }
    for named in namesakes_named.values_mut() {
        named.sort_unstable_by_key(|(span, _)| span.start);
    }
    // One-word person names no full name explains, each an entity of its own.
    let mut lone_names: FxHashMap<String, usize> = FxHashMap::default();
    for m in singles {
        let key = m.words.first().cloned().unwrap_or_default();
        let holders: &[usize] = people_by_surname.get(&key).map_or(&[], Vec::as_slice);
        let chosen = match holders {
            [one] => Some(*one),
            [] => None,
            many => {
                // Several people share the surname: the document's own full mentions decide
                // first, and the story's main bearer only when they do not.
                let named_here: &[(Span, usize)] = namesakes_named
                    .get(&(m.doc, key.as_str()))
                    .map_or(&[], Vec::as_slice);
                let mut in_doc: Vec<usize> = named_here.iter().map(|&(_, i)| i).collect();
                in_doc.sort_unstable();
                in_doc.dedup();
                let sentences = docs.get(m.doc).map_or(&[][..], |p| p.sentences.as_slice());
                let candidates = if in_doc.is_empty() { many } else { &in_doc };
                let decided = match candidates {
                    [one] => Some(*one),
                    _ => namesake_named_last(named_here, sentences, m.span)
                        .or_else(|| dominant(candidates, &named_counts)),
                };
                match decided {
                    Some(i) => Some(i),
                    None => {
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
                // Holders are named in full, so the one-word name is never their name.
                e.add_alias(m.surface);
                if let Some(t) = &m.title {
                    e.add_title(t);
                }
            }
            None => {
                // The same one-word name seen before: looked up, not searched for.
                let earlier = by_key
                    .get(&(true, m.key.clone()))
                    .copied()
                    .filter(|&i| {
                        entities
                            .get(i)
                            .is_some_and(|e| e.label == EntityLabel::Per && !e.mentions.is_empty())
                    })
                    .or_else(|| lone_names.get(&m.key).copied());
                match earlier.and_then(|i| entities.get_mut(i)) {
                    Some(e) => e.mentions.push((m.doc, m.span, MentionLink::Name)),
                    None => {
                        lone_names.insert(m.key.clone(), entities.len());
                        entities.push(Building {
                            label: m.label,
                            name: m.name.clone(),
                            key: m.key.clone(),
                            words: m.words.clone(),
                            aliases: Vec::new(),
                            titles: m.title.iter().cloned().collect(),
                            mentions: vec![(m.doc, m.span, MentionLink::Name)],
                        });
                    }
                }
            }
        }
    }
}

/// Titles alone ("the prime minister") join the one entity holding that title (rule 9).
fn link_titles_alone(docs: &[&Prepared<'_>], entities: &mut [Building]) {
    let mut holders: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, e) in entities
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.mentions.is_empty())
    {
        for t in &e.titles {
            holders.entry(t.clone()).or_default().push(i);
        }
    }
    // Each text lower-cased once, not once per title. Titles are ASCII words (TITLE_WORDS,
    // ROLE_WORDS), and ASCII lower-casing keeps every byte offset, so spans found in the
    // lowered text fit the original.
    let lowered: Vec<String> = if holders.values().any(|who| who.len() == 1) {
        docs.iter().map(|p| p.text.to_ascii_lowercase()).collect()
    } else {
        Vec::new()
    };
    // Each sole holder's mention spans per document, in text order, so that a title found in
    // the text is checked against them by binary search rather than against every mention.
    let mut taken: FxHashMap<(usize, usize), Vec<Span>> = FxHashMap::default();
    for who in holders.values() {
        if let [one] = who.as_slice() {
            for &(d, span, _) in entities.get(*one).map_or(&[][..], |e| &e.mentions) {
                taken.entry((*one, d)).or_default().push(span);
            }
        }
    }
    for spans in taken.values_mut() {
        spans.sort_unstable_by_key(|s| s.start);
        spans.dedup();
    }
    for (title, who) in &holders {
        let [one] = who.as_slice() else {
            continue;
        };
        let needle = format!("the {title}");
        for (d, lower) in lowered.iter().enumerate() {
            let mut from = 0;
            while let Some(pos) = lower.get(from..).and_then(|s| s.find(&needle)) {
                let start = from + pos;
                let end = start + needle.len();
                from = end;
                let bounded = lower
                    .get(..start)
                    .and_then(|b| b.chars().next_back())
                    .is_none_or(|c| !c.is_alphanumeric())
                    && at_word_break(lower.get(end..));
                if !bounded {
                    continue;
                }
                let span = Span::new(start, end);
                let spans = taken.entry((*one, d)).or_default();
                // The entity's mentions in a document do not overlap one another, so only the
                // neighbours of the insertion point can overlap the title.
                let at = spans.partition_point(|s| s.start < span.start);
                let overlapping = at
                    .checked_sub(1)
                    .and_then(|i| spans.get(i))
                    .into_iter()
                    .chain(spans.get(at))
                    .any(|s| s.overlaps(span));
                if !overlapping {
                    spans.insert(at, span);
                    if let Some(e) = entities.get_mut(*one) {
                        e.mentions.push((d, span, MentionLink::Title));
                    }
                }
            }
        }
    }
}

/// A person's grammatical gender as the text gives it, for matching "he" and "she".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// Third-person singular pronouns and the gender each asks for.
const PRONOUNS: &[(&str, Gender)] = &[
    ("he", Gender::Male),
    ("him", Gender::Male),
    ("his", Gender::Male),
    ("himself", Gender::Male),
    ("she", Gender::Female),
    ("her", Gender::Female),
    ("hers", Gender::Female),
    ("herself", Gender::Female),
];

/// Titles and role nouns that say a person's gender ("Ms.", "actress", "spokesman").
const GENDERED_TITLES: &[(&str, Gender)] = &[
    ("king", Gender::Male),
    ("prince", Gender::Male),
    ("chairman", Gender::Male),
    ("spokesman", Gender::Male),
    ("actor", Gender::Male),
    ("queen", Gender::Female),
    ("princess", Gender::Female),
    ("chairwoman", Gender::Female),
    ("spokeswoman", Gender::Female),
    ("actress", Gender::Female),
];

/// Plural pronouns, read as a team or group with a plural name (rule 10).
const PLURAL_PRONOUNS: &[&str] = &["they", "them", "their", "themselves"];

/// Relative pronouns that refer to the person named right before them ("Tara Vell, who ...").
const RELATIVE_PRONOUNS: &[&str] = &["who", "whom", "whose"];

/// Bytes of the longest word in [`PRONOUNS`], [`PLURAL_PRONOUNS`] and [`RELATIVE_PRONOUNS`]
/// ("themselves"); a test keeps it true.
const LONGEST_PRONOUN: usize = 10;

/// How many sentences before a pronoun's own a reader looks back for its person. Beyond that a
/// news writer names the person again.
const PRONOUN_LOOKBACK_SENTENCES: usize = 2;

/// One person mention or pronoun of a document, in text order, for the pronoun sweep.
#[derive(Clone, Copy)]
struct Referent {
    span: Span,
    sentence: usize,
    /// The direct quote it is inside, if any (index into the document's direct-quote spans).
    quote: Option<usize>,
    entity: usize,
}

/// The pronouns of a document, each with what a reader could attach it to: the people
/// mentioned in the lookback window (and inside the same direct quote, or outside any).
struct PronounSite {
    doc: usize,
    span: Span,
    /// None for a relative pronoun ("who"), which has its one candidate already.
    gender: Option<Gender>,
    /// Candidate entities, most recent sentence first and, within a sentence, in text order.
    candidates: Vec<(usize, usize)>,
}

impl PronounSite {
    /// A pronoun whose referent the text fixes ("who" after a name, "they" after a team).
    fn fixed(doc: usize, span: Span, referent: &Referent) -> Self {
        PronounSite {
            doc,
            span,
            gender: None,
            candidates: vec![(referent.sentence, referent.entity)],
        }
    }
}

/// Index of the sentence holding byte `at` (the one starting at or before it).
fn sentence_index(sentences: &[Span], at: usize) -> usize {
    sentences
        .partition_point(|s| s.start <= at)
        .saturating_sub(1)
}

/// The direct-quote span holding `span`, if any.
fn quote_index(quotes: &[Span], span: Span) -> Option<usize> {
    quotes.iter().position(|q| q.contains(span))
}

// Candidates are named mentions only: a pronoun is not a candidate for the next one, so a
// wrong attachment does not spread.
/// The gender a courtesy title right before `span` or at its start gives ("Ms. Varo", "Mr
/// Brell").
fn courtesy_gender(text: &str, span: Span) -> Option<Gender> {
    let before = text.get(..span.start).unwrap_or_default().trim_end();
    let previous = before
        .strip_suffix('.')
        .unwrap_or(before)
        .rsplit(|c: char| !c.is_alphanumeric())
        .next();
    let first = span
        .text(text)
        .and_then(|t| t.split(|c: char| !c.is_alphanumeric()).next());
    [previous, first]
        .into_iter()
        .flatten()
        .find_map(|w| match w.to_ascii_lowercase().as_str() {
            "mr" => Some(Gender::Male),
            "mrs" | "ms" => Some(Gender::Female),
            _ => None,
        })
}

/// Every third-person singular pronoun of the story's documents with its candidate people, and
/// the gender courtesy titles give people ((entity, gender) per titled mention).
fn pronoun_sites(
    docs: &[&Prepared<'_>],
    entities: &[Building],
) -> (Vec<PronounSite>, Vec<(usize, Gender)>) {
    let mut named: Vec<Vec<(Span, usize)>> = vec![Vec::new(); docs.len()];
    for (i, e) in entities.iter().enumerate() {
        if e.label != EntityLabel::Per {
            continue;
        }
        for &(d, span, _) in &e.mentions {
            if let Some(v) = named.get_mut(d) {
                v.push((span, i));
            }
        }
    }
    // Organisations with a plural name ("Marrow Hawks", "Tarvel 76ers"), per document.
    let mut plural_groups: Vec<Vec<(Span, usize)>> = vec![Vec::new(); docs.len()];
    for (i, e) in entities.iter().enumerate() {
        let plural = e.label == EntityLabel::Org
            && e.words.last().is_some_and(|w| {
                w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
            });
        if !plural {
            continue;
        }
        for &(d, span, _) in &e.mentions {
            if let Some(v) = plural_groups.get_mut(d) {
                v.push((span, i));
            }
        }
    }
    for v in &mut plural_groups {
        v.sort_unstable_by_key(|(s, _)| s.start);
    }
    let mut sites = Vec::new();
    let mut courtesy = Vec::new();
    for (d, (p, mentions)) in docs.iter().zip(named.iter_mut()).enumerate() {
        if mentions.is_empty() && plural_groups.get(d).is_none_or(Vec::is_empty) {
            continue;
        }
        mentions.sort_unstable_by_key(|(s, _)| s.start);
        courtesy.extend(
            mentions
                .iter()
                .filter_map(|&(span, e)| courtesy_gender(p.text, span).map(|g| (e, g))),
        );
        let quotes: Vec<Span> = p
            .quotes
            .iter()
            .filter(|q| q.kind == triangulate_quotes::QuoteKind::Direct)
            .flat_map(|q| {
                if q.parts.is_empty() {
                    vec![q.span]
                } else {
                    q.parts.clone()
                }
            })
            .collect();
        let referents: Vec<Referent> = mentions
            .iter()
            .map(|&(span, entity)| Referent {
                span,
                sentence: sentence_index(&p.sentences, span.start),
                quote: quote_index(&quotes, span),
                entity,
            })
            .collect();
        let groups: Vec<Referent> = plural_groups
            .get(d)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&(span, entity)| Referent {
                span,
                sentence: sentence_index(&p.sentences, span.start),
                quote: quote_index(&quotes, span),
                entity,
            })
            .collect();
        for w in words(p.text) {
            // Every word of every document passes here: skip those longer than any pronoun
            // before paying for the lower-cased copy.
            if w.text.len() > LONGEST_PRONOUN {
                continue;
            }
            let lower = w.text.to_ascii_lowercase();
            let span = w.span();
            if PLURAL_PRONOUNS.contains(&lower.as_str()) {
                // "they" is a team or group of plural name ("the Marrow Hawks") named in this
                // sentence or the one before, with no person named since.
                let sentence = sentence_index(&p.sentences, span.start);
                let quote = quote_index(&quotes, span);
                let group = groups
                    .get(..groups.partition_point(|g| g.span.end <= span.start))
                    .and_then(<[Referent]>::last)
                    .filter(|g| g.sentence + 1 >= sentence && g.quote == quote)
                    .filter(|g| {
                        !referents
                            .iter()
                            .any(|r| r.span.start >= g.span.end && r.span.end <= span.start)
                    });
                if let Some(g) = group {
                    sites.push(PronounSite::fixed(d, span, g));
                }
                continue;
            }
            if RELATIVE_PRONOUNS.contains(&lower.as_str()) {
                // "Tara Vell, who ...": the person named right before, across a comma only.
                let before = referents.partition_point(|r| r.span.end <= span.start);
                let named = before
                    .checked_sub(1)
                    .and_then(|i| referents.get(i))
                    .filter(|r| {
                        p.text
                            .get(r.span.end..span.start)
                            .is_some_and(|gap| gap.chars().all(|c| c == ',' || c.is_whitespace()))
                    });
                if let Some(r) = named {
                    sites.push(PronounSite::fixed(d, span, r));
                }
                continue;
            }
            let Some(&(_, gender)) = PRONOUNS.iter().find(|(word, _)| *word == lower) else {
                continue;
            };
            let sentence = sentence_index(&p.sentences, span.start);
            let quote = quote_index(&quotes, span);
            let first = sentence.saturating_sub(PRONOUN_LOOKBACK_SENTENCES);
            let before = referents.partition_point(|r| r.span.end <= span.start);
            let window: Vec<&Referent> = referents
                .get(..before)
                .unwrap_or(&[])
                .iter()
                .rev()
                .take_while(|r| r.sentence >= first)
                // A pronoun inside a direct quote is the speaker's word: it may name someone
                // the quote itself names, never a person the narration named around it.
                .filter(|r| r.quote == quote)
                .collect();
            let mut candidates: Vec<(usize, usize)> = Vec::new();
            // Most recent sentence first; within it, text order (the subject comes first).
            let mut rest = window.as_slice();
            while let Some(latest) = rest.first() {
                let cut = rest
                    .iter()
                    .position(|r| r.sentence != latest.sentence)
                    .unwrap_or(rest.len());
                let (this, next) = rest.split_at(cut);
                for r in this.iter().rev() {
                    if !candidates.iter().any(|&(_, e)| e == r.entity) {
                        candidates.push((r.sentence, r.entity));
                    }
                }
                rest = next;
            }
            sites.push(PronounSite {
                doc: d,
                span,
                gender: Some(gender),
                candidates,
            });
        }
    }
    (sites, courtesy)
}

/// Gender of each person entity: from courtesy titles and gendered titles ("Ms.", "actress"),
/// when they agree; else from the pronouns that have it as their only candidate, when at least
/// [`DOMINANT_SHARE`] times as many of those say one gender as the other. `None` where the story
/// does not say or contradicts itself.
fn learn_genders(
    entities: &[Building],
    sites: &[PronounSite],
    courtesy: &[(usize, Gender)],
) -> Vec<Option<Gender>> {
    let mut titled: Vec<Vec<Gender>> = vec![Vec::new(); entities.len()];
    for &(e, g) in courtesy {
        if let Some(t) = titled.get_mut(e) {
            t.push(g);
        }
    }
    let mut votes = vec![(0usize, 0usize); entities.len()];
    for site in sites {
        if let [(_, only)] = site.candidates.as_slice() {
            if let Some(v) = votes.get_mut(*only) {
                match site.gender {
                    Some(Gender::Male) => v.0 += 1,
                    Some(Gender::Female) => v.1 += 1,
                    None => {}
                }
            }
        }
    }
    entities
        .iter()
        .zip(votes)
        .zip(titled)
        .map(|((e, (male, female)), mut titled)| {
            titled.extend(e.titles.iter().flat_map(|t| t.split(' ')).filter_map(|w| {
                GENDERED_TITLES
                    .iter()
                    .find(|(g, _)| *g == w)
                    .map(|&(_, g)| g)
            }));
            match titled.as_slice() {
                [g, rest @ ..] if rest.iter().all(|r| r == g) => return Some(*g),
                [_, ..] => return None,
                [] => {}
            }
            if male > 0 && male >= DOMINANT_SHARE * female {
                Some(Gender::Male)
            } else if female > 0 && female >= DOMINANT_SHARE * male {
                Some(Gender::Female)
            } else {
                None
            }
        })
        .collect()
}

/// Pronouns ("she", "his") join the person a reader would take them for (rule 10): of the
/// people its document names in the pronoun's sentence and the
/// [`PRONOUN_LOOKBACK_SENTENCES`] before it, in the latest sentence naming any person whose
/// gender fits, the first such person (the subject, as a reader prefers). A person fits when the
/// story gives them the pronoun's gender or none; when that sentence names several fitting people
/// and one of them is known to have the pronoun's gender, that one.
fn link_pronouns(docs: &[&Prepared<'_>], entities: &mut [Building]) {
    let (sites, courtesy) = pronoun_sites(docs, entities);
    let genders = learn_genders(entities, &sites, &courtesy);
    let gender_of = |e: usize| genders.get(e).copied().flatten();
    for site in &sites {
        let fits = |e: usize| {
            site.gender
                .is_none_or(|wanted| gender_of(e).is_none_or(|g| g == wanted))
        };
        let Some(&(sentence, _)) = site.candidates.iter().find(|&&(_, e)| fits(e)) else {
            continue;
        };
        let in_sentence: Vec<usize> = site
            .candidates
            .iter()
            .filter(|&&(s, e)| s == sentence && fits(e))
            .map(|&(_, e)| e)
            .collect();
        let chosen = in_sentence
            .iter()
            .copied()
            .find(|&e| site.gender.is_some() && gender_of(e) == site.gender)
            .or_else(|| in_sentence.first().copied());
        if let Some(e) = chosen.and_then(|e| entities.get_mut(e)) {
            e.mentions.push((site.doc, site.span, MentionLink::Pronoun));
        }
    }
}

/// Words that end the description in an apposition ("Tara Vell, a 33-year-old actress from
/// Lorrow, ..."): the description's head noun is the word before the first of them.
const APPOSITION_ENDS: &[&str] = &[
    "and", "at", "for", "from", "in", "of", "on", "who", "whose", "with",
];

/// Most words an apposition's description may have after its article ("33 - year - old former
/// actress" has six).
const APPOSITION_MAX_WORDS: usize = 8;

/// The description in an apposition right after a person's name ("Tara Vell, a 33-year-old
/// actress," gives the span of "a 33-year-old actress" and its head noun "actress", lower-case
/// ASCII letters only). None when the name is not followed by a comma, "a"/"an" and a short
/// description ending at a comma, a full stop or one of [`APPOSITION_ENDS`].
fn apposition(text: &str, after: usize) -> Option<(Span, String)> {
    let rest = text.get(after..)?;
    // Tokenised text writes "Vell , a 33 - year - old actress ,": spaces around punctuation.
    let comma = rest.trim_start().strip_prefix(',')?;
    let article = comma.trim_start();
    let start = after + (rest.len() - article.len());
    let body = article
        .strip_prefix("a ")
        .or_else(|| article.strip_prefix("an "))?;
    let body_start = start + (article.len() - body.len());
    let end = body
        .find([',', '.', ';', '(', ')', '"', '\n'])
        .unwrap_or(body.len());
    let mut head: Option<Word<'_>> = None;
    let mut names_something = false;
    for (n, w) in words(body.get(..end)?).enumerate() {
        if APPOSITION_ENDS.contains(&w.text) {
            break;
        }
        if n >= APPOSITION_MAX_WORDS {
            return None;
        }
        names_something |= w.is_capitalised();
        head = Some(w);
    }
    let head = head?;
    let head_start = body_start + head.start;
    let head_end = head_start + head.text.len();
    // A description naming something ("a Fulton County deputy") is cut to its head noun, so
    // that the name inside it stays the named thing's mention.
    let span = if names_something {
        Span::new(head_start, head_end)
    } else {
        Span::new(start, head_end)
    };
    (head.text.len() > 2 && head.text.bytes().all(|b| b.is_ascii_lowercase()))
        .then(|| (span, head.text.to_string()))
}

/// Descriptions (rule 11): the description of an apposition ("Tara Vell, a 33-year-old
/// actress,") is a mention of the person it follows, and a later "the actress" in the same
/// document names that person when no other person of the document was given that noun before
/// it.
fn link_descriptions(docs: &[&Prepared<'_>], entities: &mut [Building]) {
    for (d, p) in docs.iter().enumerate() {
        // (end of the description, head noun, entity), in text order.
        let mut given: Vec<(usize, String, usize)> = Vec::new();
        for (i, e) in entities.iter_mut().enumerate() {
            if e.label != EntityLabel::Per {
                continue;
            }
            let found: Vec<(Span, String)> = e
                .mentions
                .iter()
                .filter(|&&(md, _, link)| md == d && link != MentionLink::Pronoun)
                .filter_map(|&(_, span, _)| apposition(p.text, span.end))
                .collect();
            for (span, head) in found {
                if !e
                    .mentions
                    .iter()
                    .any(|&(md, s, _)| md == d && s.overlaps(span))
                {
                    e.mentions.push((d, span, MentionLink::Description));
                }
                given.push((span.end, head, i));
            }
        }
        if given.is_empty() {
            continue;
        }
        given.sort_unstable_by_key(|g| g.0);
        let all: Vec<Word<'_>> = words(p.text).collect();
        for pair in all.windows(2) {
            let [article, noun] = pair else { continue };
            if !article.text.eq_ignore_ascii_case("the") {
                continue;
            }
            let mut holders = given
                .iter()
                .filter(|(end, head, _)| *end <= article.start && head == noun.text)
                .map(|g| g.2);
            let Some(first) = holders.next() else {
                continue;
            };
            if holders.any(|h| h != first) {
                continue;
            }
            let span = Span::new(article.start, noun.start + noun.text.len());
            if let Some(e) = entities.get_mut(first) {
                if !e
                    .mentions
                    .iter()
                    .any(|&(md, s, _)| md == d && s.overlaps(span))
                {
                    e.mentions.push((d, span, MentionLink::Description));
                }
            }
        }
    }
}

/// True when `rest` (the text after a match) starts at a word boundary.
fn at_word_break(rest: Option<&str>) -> bool {
    !rest
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// The story's entity mentions by document, for finding the entity a span names without
/// scanning every mention of the story for each look-up (quotes ask once each).
pub(crate) struct MentionIndex<'e> {
    entities: &'e [crate::model::Entity],
    /// Per document: mention spans sorted by start, each with its entity's index, and the
    /// largest end among it and all before it (mentions of different entities may overlap).
    by_doc: FxHashMap<&'e str, Vec<(Span, usize, usize)>>,
}

impl<'e> MentionIndex<'e> {
    pub(crate) fn new(entities: &'e [crate::model::Entity]) -> Self {
        let mut by_doc: FxHashMap<&'e str, Vec<(Span, usize, usize)>> = FxHashMap::default();
        for (k, e) in entities.iter().enumerate() {
            for m in &e.mentions {
                let span = m.evidence.span;
                by_doc
                    .entry(m.evidence.doc_id.as_str())
                    .or_default()
                    .push((span, k, span.end));
            }
        }
        for mentions in by_doc.values_mut() {
            mentions.sort_by_key(|&(span, k, _)| (span.start, span.end, k));
            let mut max_end = 0;
            for m in mentions.iter_mut() {
                max_end = max_end.max(m.0.end);
                m.2 = max_end;
            }
        }
        MentionIndex { entities, by_doc }
    }

    /// The entity with a mention overlapping `span` (or inside it) in document `doc_id`; of
    /// several, the first in the entity list.
    pub(crate) fn entity_at(&self, doc_id: &str, span: Span) -> Option<&'e crate::model::Entity> {
        let mentions = self.by_doc.get(doc_id)?;
        let before_end = mentions.partition_point(|&(m, _, _)| m.start <= span.end);
        mentions
            .get(..before_end)?
            .iter()
            .rev()
            .take_while(|&&(_, _, max_end)| max_end >= span.start)
            .filter(|&&(m, _, _)| m.overlaps(span) || span.contains(m))
            .map(|&(_, k, _)| k)
            .min()
            .and_then(|k| self.entities.get(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_pronoun_is_longer_than_the_length_the_sweep_skips_at() {
        let longest = PRONOUNS
            .iter()
            .map(|(w, _)| w.len())
            .chain(PLURAL_PRONOUNS.iter().map(|w| w.len()))
            .chain(RELATIVE_PRONOUNS.iter().map(|w| w.len()))
            .max();
        assert_eq!(longest, Some(LONGEST_PRONOUN));
    }
    use crate::model::{Entity, EntityMentionRef, EvidenceSpan, MentionLink};

    fn entity(id: &str, mentions: &[(&str, usize, usize)]) -> Entity {
        Entity {
            id: id.to_string(),
            name: id.to_string(),
            label: EntityLabel::Per,
            aliases: Vec::new(),
            titles: Vec::new(),
            mentions: mentions
                .iter()
                .map(|&(doc, start, end)| EntityMentionRef {
                    evidence: EvidenceSpan {
                        doc_id: doc.to_string(),
                        span: Span::new(start, end),
                        text: String::new(),
                    },
                    link: MentionLink::Name,
                })
                .collect(),
            document_count: 1,
        }
    }

    /// What the index replaces: every mention of every entity, in entity order.
    fn scan<'e>(entities: &'e [Entity], doc: &str, span: Span) -> Option<&'e Entity> {
        entities.iter().find(|e| {
            e.mentions.iter().any(|m| {
                m.evidence.doc_id == doc
                    && (m.evidence.span.overlaps(span) || span.contains(m.evidence.span))
            })
        })
    }

    #[test]
    fn index_answers_as_a_scan_of_every_mention() {
        // A long mention before short ones (ends not sorted by start), overlapping mentions of
        // two entities, an empty mention, and a second document.
        let entities = vec![
            entity("a", &[("d1", 40, 52), ("d2", 0, 9)]),
            entity("b", &[("d1", 0, 60), ("d1", 70, 75)]),
            entity("c", &[("d1", 44, 48), ("d1", 80, 80), ("d1", 90, 99)]),
        ];
        let index = MentionIndex::new(&entities);
        for doc in ["d1", "d2", "d3"] {
            for start in 0..105 {
                for end in start..(start + 12).min(106) {
                    let span = Span::new(start, end);
                    let want = scan(&entities, doc, span).map(|e| e.id.as_str());
                    let got = index.entity_at(doc, span).map(|e| e.id.as_str());
                    assert_eq!(got, want, "{doc} {start}..{end}");
                }
            }
        }
    }
}
