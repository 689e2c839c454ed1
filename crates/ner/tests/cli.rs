//! The `ner-conll` command: reads a column file, writes `token<TAB>TAG` lines per sentence.
use std::process::Command;

#[test]
fn ner_conll_writes_one_tag_per_token_and_keeps_sentences() {
    let dir = std::env::temp_dir().join(format!("triangulate-ner-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("in.conll");
    std::fs::write(
        &input,
        "-DOCSTART- -X- -X- O\n\nPrime NNP B-NP O\nMinister NNP I-NP O\nAna NNP I-NP B-PER\nVelic NNP I-NP I-PER\n\
         met VBD B-VP O\nreporters NNS B-NP O\nin IN B-PP O\nBrenna NNP B-NP B-LOC\n. . O O\n\n\
         -DOCSTART- -X- -X- O\n\nShe\nleft\n.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_ner-conll"))
        .arg(&input)
        .arg("--timing")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let sentences: Vec<&str> = stdout
        .split("\n\n")
        .filter(|s| !s.trim().is_empty())
        .collect();
    assert_eq!(sentences.len(), 2, "{stdout}");
    let first: Vec<(&str, &str)> = sentences[0]
        .lines()
        .map(|l| l.split_once('\t').unwrap())
        .collect();
    assert_eq!(first.len(), 9);
    assert_eq!(first[2], ("Ana", "B-PER"));
    assert_eq!(first[3], ("Velic", "I-PER"));
    assert_eq!(first[7], ("Brenna", "B-LOC"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tokens_per_s"));

    // `--model-only` leaves out the document-level rules and writes the same layout; with the
    // rules, the place head word makes "Kalden Pass" a location.
    std::fs::write(
        &input,
        "-DOCSTART- -X- -X- O\n\nTalks\nin\nthe\nKalden\nPass\nended\n.\n\n",
    )
    .unwrap();
    let tags = |extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_ner-conll"))
            .arg(&input)
            .args(extra)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .filter_map(|l| {
                l.split_once('\t')
                    .map(|(w, t)| (w.to_string(), t.to_string()))
            })
            .collect::<Vec<_>>()
    };
    let with_rules = tags(&[]);
    let model_only = tags(&["--model-only"]);
    assert_eq!(with_rules.len(), 7);
    assert_eq!(model_only.len(), 7);
    assert_eq!(with_rules[3].1, "B-LOC");
    assert_eq!(with_rules[4].1, "I-LOC");

    // A missing input is an error naming the file, not a panic.
    let out = Command::new(env!("CARGO_BIN_EXE_ner-conll"))
        .arg(dir.join("missing.conll"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.conll"));
    std::fs::remove_dir_all(&dir).ok();
}
