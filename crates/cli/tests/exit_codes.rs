//! The command line's contract with scripts: exit codes, and bad inputs listed, never dropped.

use std::process::Command;

fn triangulate(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_triangulate"))
        .args(args)
        .output()
        .expect("running triangulate")
}

fn corpus() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/corpus/articles"
    )
    .to_string()
}

/// The run ended with `code`; else the failure shows its standard error.
fn assert_exit(out: &std::process::Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn example_corpus_reads_cleanly() {
    let out = triangulate(&["ingest", "--json", &corpus()]);
    assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(json["documents"].as_array().map(|d| d.len()), Some(9));
    // The WARC's warcinfo record is listed, not silently dropped, but is no failure.
    let skipped = json["skipped"].as_array().expect("skipped list");
    assert_eq!(skipped.len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("warcinfo"));
}

#[test]
fn bad_inputs_are_listed_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "Ferry service resumes\n\nBy Mara Quill\n\nThe ferry between Osk and Tamber resumed on Monday after a storm, the operator said.\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("empty.txt"), "").expect("write");
    std::fs::write(
        dir.path().join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .expect("write");
    std::fs::write(dir.path().join("broken.jsonl"), "{\"title\": \"Half a rec").expect("write");
    let missing = dir.path().join("missing.html");

    let out = triangulate(&[
        "ingest",
        "--json",
        dir.path().to_str().expect("utf-8 path"),
        missing.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "some inputs failed, the good one was read"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let docs = json["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 1);
    assert!(docs[0]["body"]["text"]
        .as_str()
        .unwrap_or("")
        .contains("resumed on Monday"));
    let skipped: Vec<String> = json["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .map(|s| s["input"].as_str().unwrap_or("").to_string())
        .collect();
    for name in ["empty.txt", "image.txt", "broken.jsonl", "missing.html"] {
        assert!(
            skipped.iter().any(|s| s.contains(name)),
            "{name} not reported as skipped: {skipped:?}"
        );
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("image.txt") && stderr.contains("binary"),
        "{stderr}"
    );
}

#[test]
fn nothing_readable_is_exit_3() {
    let out = triangulate(&["ingest", "/nonexistent/triangulate-test-input"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file"));
}

#[test]
fn usage_error_is_exit_2() {
    let out = triangulate(&["ingest"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn analyze_writes_all_three_outputs_for_the_example_corpus() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_dir = dir.path().join("out");
    let out = triangulate(&[
        "analyze",
        "--no-progress",
        "--out",
        out_dir.to_str().expect("utf-8 path"),
        &corpus(),
    ]);
    assert_exit(&out, 0);
    let analysis: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out_dir.join("analysis.json")).expect("json"),
    )
    .expect("valid JSON");
    assert_eq!(analysis["schema_version"], 1);
    assert_eq!(analysis["documents"].as_array().map(|d| d.len()), Some(9));
    let brief = std::fs::read_to_string(out_dir.join("brief.md")).expect("brief");
    assert!(brief.starts_with("# Triangulate brief"));
    let html = std::fs::read_to_string(out_dir.join("report.html")).expect("report");
    assert!(html.contains("Content-Security-Policy") && !html.contains("<script"));

    // With --json the same analysis also goes to standard output.
    let json_dir = dir.path().join("json");
    let printed = triangulate(&[
        "analyze",
        "--no-progress",
        "--json",
        "--out",
        json_dir.to_str().expect("utf-8 path"),
        &corpus(),
    ]);
    assert_exit(&printed, 0);
    let written = std::fs::read_to_string(json_dir.join("analysis.json")).expect("json");
    assert_eq!(
        String::from_utf8_lossy(&printed.stdout),
        format!("{written}\n")
    );
    let printed: serde_json::Value = serde_json::from_slice(&printed.stdout).expect("valid JSON");
    assert_eq!(printed["documents"], analysis["documents"]);
}

#[test]
fn another_entity_model_can_be_chosen_and_a_bad_one_is_named() {
    let models = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/ner");
    let article = format!("{}/vask-herald-brenna-pact.html", corpus());
    let lexicon_model = format!("{models}/conll2003-lexicons.model");
    let out = triangulate(&[
        "annotate",
        "--json",
        "--ner-model",
        &lexicon_model,
        &article,
    ]);
    assert_exit(&out, 0);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let text = json.to_string();
    assert!(
        text.contains("\"PER\""),
        "no person found with the lexicon model"
    );

    // A file that is not a model: the error names it, nothing is processed.
    let dir = tempfile::tempdir().expect("temp dir");
    let bogus = dir.path().join("bogus.model");
    std::fs::write(&bogus, b"not a model").expect("write");
    let bogus = bogus.to_str().expect("utf-8 path");
    let out = triangulate(&["analyze", "--ner-model", bogus, "--json", &article]);
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bogus.model"), "{stderr}");
    // The cause is said once, not once per level of the error chain.
    assert_eq!(stderr.matches("corrupt NER model").count(), 1, "{stderr}");
    assert_eq!(stderr.matches("bogus.model").count(), 1, "{stderr}");
}
