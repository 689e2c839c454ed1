#!/usr/bin/env python3
"""Run Python trafilatura over a benchmark set, timing extraction only (one page at a time).

Usage: trafilatura_runner.py <zyte|trafilatura> <data dir> <output dir>

Pages are decompressed before the clock starts. Zyte pages are given as str (all are UTF-8), pages
of the trafilatura set as raw bytes so that trafilatura sniffs their charset itself (the README's
"Measured here" setup). Settings: extract(html, include_comments=False). Prints one line
`pages=<n> total_ms=<t> mean_ms=<m> median_ms=<m> max_ms=<m>` like the Rust runner.
"""
import gzip
import sys
import time
from pathlib import Path

from trafilatura import extract


def main() -> None:
    which, data, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    html_dir = data / "html" if which == "zyte" else data / "trafilatura-eval" / "html"
    times = []
    for path in sorted(html_dir.glob("*.gz")):
        page_id = path.name[: -len(".gz")]
        if page_id.endswith(".html"):
            page_id = page_id[: -len(".html")]
        raw = gzip.decompress(path.read_bytes())
        doc = raw.decode("utf-8") if which == "zyte" else raw
        t0 = time.perf_counter()
        try:
            text = extract(doc, include_comments=False)
        except Exception as exc:  # a crash counts as no output, as in trafilatura's own evaluation
            print(f"{path.name}: {exc}", file=sys.stderr)
            text = None
        times.append((time.perf_counter() - t0) * 1000.0)
        (out / f"{page_id}.txt").write_text(text or "", encoding="utf-8")
    pages, total = len(times), sum(times)
    times.sort()
    median = times[pages // 2] if times else 0.0
    biggest = times[-1] if times else 0.0
    print(
        f"pages={pages} total_ms={total:.1f} mean_ms={total / max(pages, 1):.3f} "
        f"median_ms={median:.3f} max_ms={biggest:.3f}"
    )


if __name__ == "__main__":
    main()
