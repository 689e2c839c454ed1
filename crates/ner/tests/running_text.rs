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
