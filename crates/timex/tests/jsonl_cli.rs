//! `timex-jsonl` on a batch with bad lines: each bad line is named on standard error and
//! skipped, and every good line is still tagged.

use std::path::PathBuf;
use std::process::Command;

/// A scratch folder of this test process, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("timex-jsonl-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create scratch folder");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn bad_lines_are_named_and_skipped_and_the_batch_goes_on() {
    let scratch = Scratch::new("bad-lines");
    let input = scratch.0.join("in.jsonl");
    let output = scratch.0.join("out.jsonl");
    let mut lines: Vec<u8> = Vec::new();
    lines
        .extend_from_slice(b"{\"doc_id\": \"a\", \"text\": \"The Orsk ferry sank on Tuesday.\"}\n");
    // Line 2: Latin-1 bytes, not UTF-8.
    lines.extend_from_slice(b"{\"doc_id\": \"b\", \"text\": \"Z\xfcrich on Monday\"}\n");
    lines.extend_from_slice(b"not json at all\n");
    lines.extend_from_slice(b"{\"doc_id\": \"d\", \"body\": \"no text field\"}\n");
    lines.extend_from_slice(b"\n");
    lines.extend_from_slice(b"{\"doc_id\": \"f\", \"text\": \"Vask voted in March 2012.\"}\r\n");
    std::fs::write(&input, &lines).expect("write input");

    let run = Command::new(env!("CARGO_BIN_EXE_timex-jsonl"))
        .args(["--id-field", "doc_id"])
        .arg(&input)
        .arg(&output)
        .output()
        .expect("run timex-jsonl");
    let stderr = String::from_utf8_lossy(&run.stderr);
    // Some lines were skipped: not a clean run, but no failure of the whole batch either.
    assert_eq!(run.status.code(), Some(1), "stderr: {stderr}");
    for line in [2, 3, 4] {
        assert!(
            stderr.contains(&format!("in.jsonl:{line}: ")),
            "line {line} not named in: {stderr}"
        );
    }
    assert!(stderr.contains("UTF-8"), "{stderr}");
    assert!(!stderr.contains("in.jsonl:1:") && !stderr.contains("in.jsonl:6:"));

    let written = std::fs::read_to_string(&output).expect("read output");
    let records: Vec<serde_json::Value> = written
        .lines()
        .map(|l| serde_json::from_str(l).expect("output line is JSON"))
        .collect();
    let ids: Vec<&str> = records.iter().filter_map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, ["a", "f"]);
    assert_eq!(records[0]["timexes"][0]["text"], "Tuesday");
    assert_eq!(records[1]["timexes"][0]["value"], "2012-03");
}
