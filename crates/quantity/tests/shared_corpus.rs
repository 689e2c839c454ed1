//! Runs the quantity finder over real newswire (TimeBank and AQUAINT from `../shared/data`) and
//! checks its promises: no panic, spans inside the text, in order and non-overlapping, values
//! finite, ranges ordered, canonical values consistent. Skips with a notice when the shared
//! data is not checked out beside the repository.
use std::path::PathBuf;
use triangulate_quantity::find_quantities;

/// The text inside `<TEXT>` with the TimeML tags removed and entities decoded (the timex
/// crate's TimeML reader, so every corpus test reads the data the same way).
fn timeml_text(xml: &str) -> String {
    match triangulate_timex::timeml::read_timeml(xml) {
        Ok(doc) => doc.text,
        Err(e) => panic!("shared TimeML file does not parse: {e}"),
    }
}

#[test]
fn quantities_on_timebank_and_aquaint_keep_their_promises() {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/tempeval3/train");
    if !dir.is_dir() {
        eprintln!("skipping: ../shared/data/tempeval3/train not found");
        return;
    }
    let (mut docs, mut found) = (0, 0);
    for sub in ["TimeBank", "AQUAINT"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(xml) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let text = timeml_text(&xml);
            let tokens = triangulate_text::tokenize(&text);
            let quantities = find_quantities(&text, &tokens);
            docs += 1;
            found += quantities.len();
            let mut last_end = 0;
            for q in &quantities {
                assert!(q.span.text(&text).is_some());
                assert!(
                    q.span.start >= last_end,
                    "overlap at {:?}",
                    q.span.text(&text)
                );
                last_end = q.span.end;
                match (q.value, q.range) {
                    (Some(v), None) => assert!(v.is_finite()),
                    (None, Some(r)) => assert!(r.low <= r.high && r.low.is_finite()),
                    other => panic!("value/range mismatch {other:?}"),
                }
                if let Some(c) = &q.canonical {
                    assert_eq!(c.value.is_some(), q.value.is_some());
                }
            }
        }
    }
    eprintln!("{docs} documents, {found} quantities");
    assert!(docs > 0);
}
