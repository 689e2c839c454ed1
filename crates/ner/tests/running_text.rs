//! End to end on running text: `triangulate-text` tokens and sentences, then `annotate`.
use triangulate_doc::EntityLabel;
use triangulate_ner::NerModel;

const ARTICLE: &str = "Velic wins second term in Brenna\n\n\
BRENNA, March 3 (Nordwire) \u{2014} Prime Minister Ana Velic won a second term on Sunday, \
the Ostrian electoral commission said.\n\n\
\u{201c}This is a victory for every region,\u{201d} Velic told supporters in Brenna. \
Opposition leader Tomas Brekke said his Unity Party would accept the result.\n";

#[test]
fn annotates_a_fictional_article() {
    let model = NerModel::embedded().unwrap();
    let layer = triangulate_text::analyze(ARTICLE);
    let mentions = model.annotate(ARTICLE, &layer.tokens, &layer.sentences);
    let found: Vec<(&str, EntityLabel)> = mentions
        .iter()
        .map(|m| (m.span.text(ARTICLE).unwrap(), m.label))
        .collect();
    eprintln!("{found:?}");
    for expected in [
        ("Ana Velic", EntityLabel::Per),
        ("Tomas Brekke", EntityLabel::Per),
        ("Ostrian", EntityLabel::Misc),
        ("Unity Party", EntityLabel::Org),
    ] {
        assert!(
            found.contains(&expected),
            "missing {expected:?} in {found:?}"
        );
    }
    // "Brenna" is a place everywhere it occurs.
    let brenna: Vec<EntityLabel> = found
        .iter()
        .filter(|f| f.0 == "Brenna")
        .map(|f| f.1)
        .collect();
    assert!(
        !brenna.is_empty() && brenna.iter().all(|l| *l == EntityLabel::Loc),
        "{found:?}"
    );
    // No mention crosses a sentence or contains the curly quotes.
    for m in &mentions {
        let text = m.span.text(ARTICLE).unwrap();
        assert!(
            !text.contains('\n') && !text.contains('\u{201c}'),
            "{text:?}"
        );
    }
}

/// A second fictional article with every name shape the document-level rules handle: a
/// dateline with a wire service, a nationality and title before a name, "Premier of X Name",
/// a form of address, "Republic of X", place head words, and a surname used alone.
const UNFAMILIAR_NAMES: &str = "Tolvik talks end in agreement\n\n\
TOLVIK, June 9 (Baltwire) \u{2014} Marendian President Oskar Veltram and the Premier of Dalsoria \
Mira Kessan signed the treaty in the Amber Palace on Monday.\n\n\
The Republic of Dalsoria will reopen the Harrow Pass to lorries in July, Ms Kessan said. \
Veltram said the crossing at Lake Omsel would follow.\n\n\
Kessan later met fishermen on Grey Square before flying home.\n";

#[test]
fn unfamiliar_names_in_a_fictional_article() {
    let model = NerModel::embedded().unwrap();
    let layer = triangulate_text::analyze(UNFAMILIAR_NAMES);
    let mentions = model.annotate(UNFAMILIAR_NAMES, &layer.tokens, &layer.sentences);
    let found: Vec<(&str, EntityLabel)> = mentions
        .iter()
        .map(|m| (m.span.text(UNFAMILIAR_NAMES).unwrap(), m.label))
        .collect();
    eprintln!("{found:?}");
    for expected in [
        ("TOLVIK", EntityLabel::Loc),
        ("Baltwire", EntityLabel::Org),
        ("Marendian", EntityLabel::Misc),
        ("Oskar Veltram", EntityLabel::Per),
        ("Dalsoria", EntityLabel::Loc),
        ("Mira Kessan", EntityLabel::Per),
        ("Amber Palace", EntityLabel::Loc),
        ("Republic of Dalsoria", EntityLabel::Loc),
        ("Harrow Pass", EntityLabel::Loc),
        ("Lake Omsel", EntityLabel::Loc),
        ("Grey Square", EntityLabel::Loc),
    ] {
        assert!(
            found.contains(&expected),
            "missing {expected:?} in {found:?}"
        );
    }
    // Surnames alone are the people named in full earlier; titles stay outside every name.
    for (text, label) in &found {
        if ["Kessan", "Veltram"].contains(text) {
            assert_eq!(*label, EntityLabel::Per, "{text} in {found:?}");
        }
        for title in ["President", "Premier", "Ms"] {
            assert!(!text.split(' ').any(|w| w == title), "{text:?}");
        }
    }
}
