//! Renders the HTML report in headless Chromium: the key sections are there, conflicts come
//! first, and markup planted in article text is shown as text and never runs.
//!
//! Needs Debian's `chromium` (`.ci/run` installs it). Outside CI the test is skipped with a
//! notice when no browser is found; in CI (`CI` set) a missing browser is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

fn browser() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("TRIANGULATE_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

fn run_browser(
    browser: &Path,
    profile: &Path,
    extra: &[&str],
    page: &Path,
) -> std::process::Output {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,2000",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(extra)
    .arg(format!("file://{}", page.display()));
    cmd.output().expect("starting the browser")
}

/// Two fictional reports of one event; the first carries markup that would run if unescaped.
fn hostile_corpus(dir: &Path) {
    let rows = [
        serde_json::json!({
            "url": "https://harbour-times.example/dredging",
            "title": "Dredging of Port Amsel begins",
            "source": "Harbour Times",
            "date": "2024-05-02",
            "text": "PORT AMSEL, May 2 (Harbour Times) - Dredging of the Port Amsel channel began on Thursday, harbour master Odile Vantorp said. The channel will be deepened to 14 metres by August, Vantorp said. <script>document.title='pwned'</script> <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> The dredging contract was signed in 2019, the port authority said."
        }),
        serde_json::json!({
            "url": "https://amsel-post.example/channel",
            "title": "Port Amsel channel works start",
            "source": "Amsel Post",
            "date": "2024-05-02",
            "text": "Work to dredge the Port Amsel channel started on Thursday, harbour master Odile Vantorp said. The channel will be deepened to 14 metres by August, Vantorp said. The dredging contract was signed in 2021, the port authority said. <b onmouseover=\"document.body.setAttribute('data-pwned','2')\">Local fishers</b> welcomed the work."
        }),
    ];
    let lines: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
    std::fs::write(dir.join("amsel.jsonl"), lines.join("\n") + "\n").expect("writing fixture");
}

#[test]
fn report_renders_in_chromium_without_running_article_markup() {
    let Some(browser) = browser() else {
        if std::env::var_os("CI").is_some() {
            panic!(
                "CI must provide Chromium for the report test (.ci/run installs Debian's chromium)"
            );
        }
        eprintln!("SKIPPED: no chromium found (set TRIANGULATE_CHROMIUM or install chromium)");
        return;
    };
    let work = tempfile::tempdir().expect("temp dir");
    let input = work.path().join("input");
    std::fs::create_dir(&input).expect("input dir");
    hostile_corpus(&input);
    let out = work.path().join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_triangulate"))
        .args(["analyze", "--no-progress", "--out"])
        .arg(&out)
        .arg(&input)
        .status()
        .expect("running triangulate");
    assert!(status.success(), "triangulate analyze failed: {status}");
    let page = out.join("report.html");
    let html = std::fs::read_to_string(&page).expect("report written");
    assert!(
        !html.contains("<script>document.title"),
        "article markup reached the page unescaped"
    );

    let profile = work.path().join("profile");
    let dom = run_browser(&browser, &profile, &["--dump-dom"], &page);
    assert!(
        dom.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8_lossy(&dom.stdout);

    // Nothing from the article ran: the title is ours, the body was not touched.
    assert!(
        dom.contains("<title>Triangulate report</title>"),
        "page title changed"
    );
    let body_tag = dom
        .find("<body")
        .and_then(|i| dom[i..].find('>').map(|j| &dom[i..i + j]))
        .unwrap_or("");
    assert!(
        !body_tag.contains("data-pwned"),
        "markup from article text ran: {body_tag}"
    );
    assert!(
        !dom.contains("data-pwned=\""),
        "markup from article text ran"
    );
    // The hostile text is visible as text.
    assert!(
        dom.contains("&lt;script&gt;document.title"),
        "article text went missing"
    );

    // The key sections, with conflicts before the summary.
    for section in [
        "conflicts",
        "summary",
        "matrix",
        "timeline",
        "quotes",
        "entities",
        "sources",
    ] {
        assert!(
            dom.contains(&format!("-{section}\"")),
            "section {section} missing from the rendered report"
        );
    }
    let conflicts = dom.find("-conflicts\"").unwrap_or(usize::MAX);
    let summary = dom.find("-summary\"").unwrap_or(0);
    assert!(conflicts < summary, "conflicts must come first");
    // The planted contradiction (2019 vs 2021) is shown with both sides.
    let conflicts_section = dom
        .get(conflicts..)
        .and_then(|rest| rest.find("</section>").map(|end| &rest[..end]))
        .unwrap_or("");
    assert!(
        conflicts_section.contains("2019") && conflicts_section.contains("2021"),
        "the 2019 vs 2021 conflict is not shown: {conflicts_section}"
    );

    let shot = work.path().join("report.png");
    let shot_arg = format!("--screenshot={}", shot.display());
    let rendered = run_browser(&browser, &profile, &[&shot_arg], &page);
    assert!(rendered.status.success(), "screenshot failed");
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(
        png.len() > 10_000 && png.starts_with(b"\x89PNG"),
        "screenshot is not a rendered page"
    );
}
