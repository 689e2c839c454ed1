//! Runs the quantity finder over real newswire (TimeBank and AQUAINT from `../shared/data`) and
//! checks its promises: no panic, spans inside the text, in order and non-overlapping, values
//! finite, ranges ordered, canonical values consistent. Skips with a notice when the shared
//! data is not checked out beside the repository.
use std::path::PathBuf;
use triangulate_quantity::find_quantities;

fn timeml_text(xml: &str) -> String {
    let body = xml
        .split_once("<TEXT>")
        .and_then(|(_, rest)| rest.split_once("</TEXT>"))
        .map_or("", |(body, _)| body);
    let mut out = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
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
