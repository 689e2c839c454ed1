//! Runs the quote finder over real newswire (TimeBank and AQUAINT from `../shared/data`) and
//! checks the structural promises: no panic, spans inside the text and on character
//! boundaries, speakers outside the quoted content, confidences in range. Skips with a notice
//! when the shared data is not checked out beside the repository.
use std::path::PathBuf;
use triangulate_quotes::{find_quotes, QuoteKind};

fn corpus_dir() -> Option<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/tempeval3/train");
    dir.is_dir().then_some(dir)
}

/// The text inside `<TEXT>` with the TimeML tags removed and entities decoded (the timex
/// crate's TimeML reader, so every corpus test reads the data the same way).
fn timeml_text(xml: &str) -> String {
    match triangulate_timex::timeml::read_timeml(xml) {
        Ok(doc) => doc.text,
        Err(e) => panic!("shared TimeML file does not parse: {e}"),
    }
}

#[test]
fn quotes_on_timebank_and_aquaint_keep_their_promises() {
    let Some(dir) = corpus_dir() else {
        eprintln!("skipping: ../shared/data/tempeval3/train not found");
        return;
    };
    let mut docs = 0;
    let mut counts = [0usize; 3];
    let mut with_speaker = 0;
    for sub in ["TimeBank", "AQUAINT"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(xml) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let text = timeml_text(&xml);
            let layer = triangulate_text::analyze(&text);
            let quotes = find_quotes(&text, &layer.tokens, &layer.sentences, &[]);
            docs += 1;
            for q in &quotes {
                let content = q.span.text(&text).expect("quote span inside text");
                assert!(!content.trim().is_empty());
                assert!((0.0..=1.0).contains(&q.confidence));
                counts[match q.kind {
                    QuoteKind::Direct => 0,
                    QuoteKind::Indirect => 1,
                    QuoteKind::Mixed => 2,
                }] += 1;
                for part in &q.parts {
                    assert!(q.span.contains(*part));
                }
                if let Some(s) = &q.speaker {
                    with_speaker += 1;
                    assert!(s.span.text(&text).is_some());
                    if q.kind == QuoteKind::Direct {
                        assert!(
                            !q.span.overlaps(s.span),
                            "speaker inside quote: {content:?}"
                        );
                    }
                    if let Some(r) = s.resolved {
                        assert!(r.text(&text).is_some());
                    }
                }
            }
        }
    }
    eprintln!(
        "{docs} documents: {} direct, {} indirect, {} mixed quotes; {with_speaker} with a speaker",
        counts[0], counts[1], counts[2]
    );
    assert!(docs > 0, "no TimeML documents read from {}", dir.display());
}
