//! Word lists for attribution: speech verbs with their forms, pronouns, role nouns, titles.

use crate::Tense;

/// Grammatical form of a cue verb token; the tense comes from it plus any auxiliaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VerbForm {
    Base,
    ThirdPerson,
    Past,
    Gerund,
}

/// Speech verbs: lemma, then base, 3rd person, past, gerund; and whether the verb can
/// introduce indirect speech ("said that ..."), which some ("asked", "shouted") rarely do.
const CUE_VERBS: &[(&str, [&str; 4], bool)] = &[
    ("say", ["say", "says", "said", "saying"], true),
    ("tell", ["tell", "tells", "told", "telling"], true),
    ("add", ["add", "adds", "added", "adding"], true),
    ("state", ["state", "states", "stated", "stating"], true),
    (
        "announce",
        ["announce", "announces", "announced", "announcing"],
        true,
    ),
    (
        "declare",
        ["declare", "declares", "declared", "declaring"],
        true,
    ),
    (
        "explain",
        ["explain", "explains", "explained", "explaining"],
        true,
    ),
    ("note", ["note", "notes", "noted", "noting"], true),
    (
        "insist",
        ["insist", "insists", "insisted", "insisting"],
        true,
    ),
    ("claim", ["claim", "claims", "claimed", "claiming"], true),
    ("warn", ["warn", "warns", "warned", "warning"], true),
    ("write", ["write", "writes", "wrote", "writing"], true),
    ("argue", ["argue", "argues", "argued", "arguing"], true),
    (
        "acknowledge",
        [
            "acknowledge",
            "acknowledges",
            "acknowledged",
            "acknowledging",
        ],
        true,
    ),
    ("admit", ["admit", "admits", "admitted", "admitting"], true),
    (
        "confirm",
        ["confirm", "confirms", "confirmed", "confirming"],
        true,
    ),
    ("deny", ["deny", "denies", "denied", "denying"], true),
    (
        "stress",
        ["stress", "stresses", "stressed", "stressing"],
        true,
    ),
    (
        "emphasize",
        ["emphasize", "emphasizes", "emphasized", "emphasizing"],
        true,
    ),
    (
        "emphasise",
        ["emphasise", "emphasises", "emphasised", "emphasising"],
        true,
    ),
    (
        "suggest",
        ["suggest", "suggests", "suggested", "suggesting"],
        true,
    ),
    (
        "report",
        ["report", "reports", "reported", "reporting"],
        true,
    ),
    ("allege", ["allege", "alleges", "alleged", "alleging"], true),
    (
        "assert",
        ["assert", "asserts", "asserted", "asserting"],
        true,
    ),
    (
        "predict",
        ["predict", "predicts", "predicted", "predicting"],
        true,
    ),
    (
        "promise",
        ["promise", "promises", "promised", "promising"],
        true,
    ),
    ("vow", ["vow", "vows", "vowed", "vowing"], true),
    (
        "estimate",
        ["estimate", "estimates", "estimated", "estimating"],
        true,
    ),
    (
        "concede",
        ["concede", "concedes", "conceded", "conceding"],
        true,
    ),
    (
        "reveal",
        ["reveal", "reveals", "revealed", "revealing"],
        true,
    ),
    (
        "disclose",
        ["disclose", "discloses", "disclosed", "disclosing"],
        true,
    ),
    ("tweet", ["tweet", "tweets", "tweeted", "tweeting"], true),
    (
        "recall",
        ["recall", "recalls", "recalled", "recalling"],
        true,
    ),
    (
        "complain",
        ["complain", "complains", "complained", "complaining"],
        true,
    ),
    (
        "contend",
        ["contend", "contends", "contended", "contending"],
        true,
    ),
    ("reply", ["reply", "replies", "replied", "replying"], true),
    (
        "respond",
        ["respond", "responds", "responded", "responding"],
        false,
    ),
    (
        "continue",
        ["continue", "continues", "continued", "continuing"],
        false,
    ),
    ("ask", ["ask", "asks", "asked", "asking"], false),
    ("shout", ["shout", "shouts", "shouted", "shouting"], false),
    ("urge", ["urge", "urges", "urged", "urging"], false),
    (
        "comment",
        ["comment", "comments", "commented", "commenting"],
        false,
    ),
    (
        "remark",
        ["remark", "remarks", "remarked", "remarking"],
        false,
    ),
    (
        "observe",
        ["observe", "observes", "observed", "observing"],
        false,
    ),
    (
        "conclude",
        ["conclude", "concludes", "concluded", "concluding"],
        false,
    ),
    ("quip", ["quip", "quips", "quipped", "quipping"], false),
    (
        "underline",
        ["underline", "underlines", "underlined", "underlining"],
        true,
    ),
    (
        "underscore",
        ["underscore", "underscores", "underscored", "underscoring"],
        true,
    ),
];

/// Verbs that characterise something in the speaker's words rather than introduce a clause:
/// "called the deal rushed", "described it as a lifeline", "accused the government of
/// rushing". Each needs its own complement test, so they are kept apart from [`CUE_VERBS`].
const NAMING_VERBS: &[(&str, [&str; 4])] = &[
    ("call", ["call", "calls", "called", "calling"]),
    (
        "describe",
        ["describe", "describes", "described", "describing"],
    ),
    ("accuse", ["accuse", "accuses", "accused", "accusing"]),
    ("dub", ["dub", "dubs", "dubbed", "dubbing"]),
    ("brand", ["brand", "brands", "branded", "branding"]),
    ("term", ["term", "terms", "termed", "terming"]),
];

/// A speech verb occurrence: its lemma, form, and whether it may introduce indirect speech.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CueVerb {
    pub lemma: &'static str,
    pub form: VerbForm,
    pub indirect: bool,
}

/// Looks `word` up as a speech verb (case-insensitive on the first letter only, so that
/// "Said" at a sentence start matches but "SAID" in a shouting headline does too via the
/// lower-case copy below).
pub(crate) fn cue_verb(word: &str) -> Option<CueVerb> {
    if word.len() > 14 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 14];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).ok()?;
    let forms = [
        VerbForm::Base,
        VerbForm::ThirdPerson,
        VerbForm::Past,
        VerbForm::Gerund,
    ];
    CUE_VERBS.iter().find_map(|(lemma, list, indirect)| {
        list.iter().position(|f| *f == lower).map(|k| CueVerb {
            lemma,
            form: forms[k],
            indirect: *indirect,
        })
    })
}

/// Looks `word` up as a naming verb ("called", "described", "accused"); these never
/// introduce a "that" clause, so `indirect` is false.
pub(crate) fn naming_verb(word: &str) -> Option<CueVerb> {
    let forms = [
        VerbForm::Base,
        VerbForm::ThirdPerson,
        VerbForm::Past,
        VerbForm::Gerund,
    ];
    NAMING_VERBS.iter().find_map(|(lemma, list)| {
        list.iter().position(|f| *f == word).map(|k| CueVerb {
            lemma,
            form: forms[k],
            indirect: false,
        })
    })
}

/// Grammatical gender a title or pronoun gives a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// Gender of a courtesy title right before a name ("Ms. Velic", "Mr Lisk").
pub(crate) fn title_gender(word: &str) -> Option<Gender> {
    match word {
        "Mr." | "Mr" | "Sir" | "Lord" => Some(Gender::Male),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" | "Dame" | "Lady" | "Madam" => Some(Gender::Female),
        _ => None,
    }
}

/// Gender of a third-person singular pronoun or possessive ("she", "his").
pub(crate) fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "He" | "him" | "his" | "His" | "himself" => Some(Gender::Male),
        "she" | "She" | "her" | "Her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Adverbs and auxiliaries that can sit between a speaker and the cue verb ("Velic later said",
/// "she has said", "the minister will tell").
pub(crate) fn is_verb_filler(word: &str) -> bool {
    matches!(
        word,
        "also"
            | "later"
            | "then"
            | "further"
            | "again"
            | "previously"
            | "earlier"
            | "recently"
            | "reportedly"
            | "once"
            | "repeatedly"
            | "publicly"
            | "privately"
            | "separately"
            | "quickly"
            | "simply"
            | "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "will"
            | "would"
            | "'ll"
            | "shall"
            | "could"
            | "may"
            | "might"
            | "did"
            | "does"
            | "do"
    )
}

/// Tense of a cue from its form and the auxiliaries before it (`aux`, nearest first).
pub(crate) fn tense(form: VerbForm, aux: &[&str]) -> Tense {
    for a in aux {
        match *a {
            "will" | "'ll" | "shall" | "wo" => return Tense::Future,
            "is" | "are" | "am" | "'s" | "'re" => {
                return if form == VerbForm::Past {
                    Tense::Past
                } else {
                    Tense::Present
                }
            }
            "was" | "were" | "has" | "have" | "had" | "would" | "did" => return Tense::Past,
            "does" | "do" => return Tense::Present,
            _ => {}
        }
    }
    match form {
        VerbForm::Past | VerbForm::Gerund => Tense::Past,
        VerbForm::Base | VerbForm::ThirdPerson => Tense::Present,
    }
}

/// Head nouns of descriptions that name an institution as the speaker ("the ministry said",
/// "the Varn transport ministry said in a statement", "the company said").
pub(crate) fn is_institution_noun(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "ministry"
            | "government"
            | "company"
            | "firm"
            | "army"
            | "military"
            | "agency"
            | "council"
            | "court"
            | "committee"
            | "commission"
            | "department"
            | "office"
            | "embassy"
            | "administration"
            | "authority"
            | "board"
            | "party"
            | "parliament"
            | "union"
            | "bank"
            | "club"
            | "federation"
            | "institute"
            | "university"
            | "hospital"
            | "airline"
            | "regulator"
            | "prosecutor's"
    )
}

/// Third-person pronouns that can stand for a speaker.
pub(crate) fn is_speaker_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "they" | "He" | "She" | "They")
}

pub(crate) fn is_determiner(word: &str) -> bool {
    matches!(
        word,
        "the" | "The" | "a" | "A" | "an" | "An" | "its" | "his" | "her" | "their" | "one" | "One"
    )
}

/// Head nouns of descriptions that name a speaker by role ("the minister", "a spokeswoman").
pub(crate) fn is_role_noun(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let singular = lower.strip_suffix('s').filter(|s| s.len() > 3);
    [lower.as_str()]
        .into_iter()
        .chain(singular)
        .any(|w| ROLE_NOUNS.binary_search(&w).is_ok())
        || lower == "police"
}

/// Sorted for binary search.
const ROLE_NOUNS: &[&str] = &[
    "activist",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "attorney",
    "authorities",
    "campaigner",
    "candidate",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "columnist",
    "commander",
    "commissioner",
    "correspondent",
    "councillor",
    "deputy",
    "diplomat",
    "director",
    "doctor",
    "economist",
    "editor",
    "envoy",
    "executive",
    "expert",
    "founder",
    "general",
    "governor",
    "head",
    "inspector",
    "investigator",
    "journalist",
    "judge",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "legislator",
    "manager",
    "mayor",
    "minister",
    "mp",
    "negotiator",
    "officer",
    "official",
    "organiser",
    "organizer",
    "premier",
    "president",
    "prince",
    "professor",
    "prosecutor",
    "queen",
    "regulator",
    "reporter",
    "representative",
    "researcher",
    "resident",
    "scientist",
    "secretary",
    "senator",
    "source",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "surgeon",
    "witness",
];

/// Nouns for private people that news uses as speakers once introduced ("the woman said",
/// "the victim's mother told reporters", "the defendant added"). Kept apart from
/// [`is_role_noun`] because they are not titles: "Mother" before a name is not stripped as one.
pub(crate) fn is_person_noun(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let singular = lower.strip_suffix('s').filter(|s| s.len() > 2);
    [lower.as_str()]
        .into_iter()
        .chain(singular)
        .any(|w| PERSON_NOUNS.binary_search(&w).is_ok())
        || matches!(lower.as_str(), "men" | "women" | "children")
}

/// Sorted for binary search.
const PERSON_NOUNS: &[&str] = &[
    "boy",
    "brother",
    "carpenter",
    "child",
    "customer",
    "daughter",
    "defendant",
    "driver",
    "farmer",
    "father",
    "fisherman",
    "girl",
    "grandfather",
    "grandmother",
    "husband",
    "man",
    "mother",
    "neighbor",
    "neighbour",
    "nurse",
    "owner",
    "parent",
    "passenger",
    "pilot",
    "shopkeeper",
    "sister",
    "son",
    "student",
    "survivor",
    "suspect",
    "teacher",
    "teenager",
    "victim",
    "widow",
    "wife",
    "woman",
    "worker",
];

/// An age used as a noun or modifier: "45-year-old" ("the 45-year-old said", "a 45-year-old
/// carpenter"). The number is returned so that the description can find the person whose age
/// was given earlier ("Tomas Reyl, 45,").
pub(crate) fn age_of_age_word(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    let digits = lower
        .strip_suffix("-year-old")
        .or_else(|| lower.strip_suffix("-year-olds"))?;
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Titles and capitalised role words that precede a name but are not part of it.
pub(crate) fn is_title(word: &str) -> bool {
    matches!(
        word,
        "Mr."
            | "Mrs."
            | "Ms."
            | "Dr."
            | "Prof."
            | "Gen."
            | "Lt."
            | "Col."
            | "Maj."
            | "Capt."
            | "Sgt."
            | "Adm."
            | "Gov."
            | "Sen."
            | "Rep."
            | "Rev."
            | "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
    ) || (word.starts_with(|c: char| c.is_uppercase()) && is_role_noun(word))
        || matches!(
            word,
            "Foreign"
                | "Prime"
                | "Finance"
                | "Defence"
                | "Defense"
                | "Interior"
                | "Justice"
                | "Health"
                | "Trade"
                | "Deputy"
                | "Vice"
                | "Acting"
                | "Former"
                | "Opposition"
                | "Presidential"
                | "Economy"
                | "Energy"
                | "Education"
                | "Attorney"
        )
}

/// Capitalised words that start sentences or name times, never people.
pub(crate) fn is_name_stopword(word: &str) -> bool {
    use triangulate_text::lexicon::{is_month_name, is_sentence_opener, is_weekday_name};
    is_sentence_opener(word)
        || is_month_name(word)
        || is_weekday_name(word)
        || matches!(
            word,
            "Asked"
                | "Speaking"
                | "Photo"
                | "Yes"
                | "No"
                | "Not"
                | "All"
                | "Every"
                | "Each"
                | "Nobody"
                | "Everyone"
                | "We're"
        )
}

/// Last words that make a capitalised run an organisation rather than a person.
pub(crate) fn is_org_word(word: &str) -> bool {
    matches!(
        word,
        "News"
            | "Press"
            | "Wire"
            | "Times"
            | "Post"
            | "Herald"
            | "Agency"
            | "TV"
            | "Radio"
            | "Television"
            | "Ministry"
            | "Party"
            | "Council"
            | "Bank"
            | "Police"
            | "Army"
            | "Corp."
            | "Inc."
            | "Ltd."
            | "Group"
            | "Union"
            | "Committee"
            | "Commission"
            | "Court"
            | "Parliament"
            | "Government"
            | "Office"
            | "Association"
            | "Institute"
            | "University"
            | "Journal"
            | "Tribune"
            | "Gazette"
            | "Daily"
            | "Service"
            | "Company"
            | "Co."
            | "Bureau"
            | "Department"
            | "Federation"
            | "Network"
            | "Channel"
            | "Embassy"
            | "Consulate"
            | "Mission"
            | "Organization"
            | "Organisation"
            | "Nations"
            | "Forces"
            | "Navy"
            | "Authority"
    ) || word.ends_with("wire")
}

/// Nouns that make "according to a Nordwire ___" a report (intermediary), not a speaker.
pub(crate) fn is_report_noun(word: &str) -> bool {
    matches!(
        word,
        "report"
            | "reports"
            | "statement"
            | "statements"
            | "article"
            | "story"
            | "interview"
            | "broadcast"
            | "survey"
            | "poll"
            | "study"
            | "analysis"
            | "documents"
            | "document"
            | "count"
            | "tally"
            | "figures"
            | "data"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_nouns_sorted() {
        assert!(ROLE_NOUNS.windows(2).all(|w| w[0] < w[1]));
        assert!(PERSON_NOUNS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn person_nouns_and_ages() {
        assert!(is_person_noun("woman") && is_person_noun("Neighbours") && is_person_noun("women"));
        assert!(!is_person_noun("minister") && !is_person_noun("house"));
        assert_eq!(age_of_age_word("45-year-old"), Some(45));
        assert_eq!(age_of_age_word("8-year-olds"), Some(8));
        assert_eq!(age_of_age_word("year-old"), None);
        assert_eq!(age_of_age_word("forty-year-old"), None);
        assert_eq!(age_of_age_word("45-year"), None);
    }

    #[test]
    fn verbs_and_tense() {
        let said = cue_verb("said").map(|c| (c.lemma, c.form));
        assert_eq!(said, Some(("say", VerbForm::Past)));
        assert_eq!(cue_verb("Says").map(|c| c.lemma), Some("say"));
        assert!(cue_verb("sail").is_none());
        assert_eq!(tense(VerbForm::Base, &["will"]), Tense::Future);
        assert_eq!(tense(VerbForm::ThirdPerson, &[]), Tense::Present);
        assert_eq!(
            tense(VerbForm::Gerund, &["as", "quoted", "was"]),
            Tense::Past
        );
        assert!(is_role_noun("officials"));
        assert!(is_role_noun("Minister"));
    }
}
