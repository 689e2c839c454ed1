#!/usr/bin/env bash
# Article extraction benchmark: triangulate-html against Python trafilatura, same pages, same run.
#
#   bench/article_extraction/run.sh            # both sets
#   bench/article_extraction/run.sh zyte       # one set
#
# Builds the Rust runner (crates/html/examples/bench_extract.rs) in release mode, creates
# .venv-extract with trafilatura (pinned) if missing, extracts every page of the Zyte (181) and
# trafilatura (990) sets with both systems (extraction time only, one page at a time, one thread,
# gzip and file I/O outside the clock), scores both with the shared scorer and prints one table.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$(cd "$repo/.." && pwd)/shared"
data="$shared/data/article-extraction"
scorer="$shared/tools/score_article_extraction.py"
if [[ ! -d "$data" || ! -f "$scorer" ]]; then
    echo "shared data not found at $data (expected <repo>/../shared)" >&2
    exit 1
fi
sets=("${@:-zyte trafilatura}")
read -r -a sets <<< "${sets[*]}"
out="${BENCH_OUT:-$repo/target/bench-article-extraction}"
mkdir -p "$out"

echo "building the Rust runner..." >&2
(cd "$repo" && cargo build --release --quiet -p triangulate-html --example bench_extract)
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
runner="$target_dir/release/examples/bench_extract"

venv="$repo/.venv-extract"
if [[ ! -x "$venv/bin/python" ]]; then
    echo "creating $venv with trafilatura..." >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "trafilatura==2.3.1" lxml_html_clean
fi

rows=()
for set in "${sets[@]}"; do
    rm -rf "$out/$set-ours" "$out/$set-trafilatura"
    ours_time="$("$runner" "$set" "$data" "$out/$set-ours")"
    theirs_time="$("$venv/bin/python" "$repo/bench/article_extraction/trafilatura_runner.py" "$set" "$data" "$out/$set-trafilatura")"
    python3 "$scorer" "$out/$set-ours" --benchmark "$set" --json > "$out/$set-ours.json" 2>/dev/null
    python3 "$scorer" "$out/$set-trafilatura" --benchmark "$set" --json > "$out/$set-trafilatura.json" 2>/dev/null
    rows+=("$set|triangulate-html|$ours_time|$out/$set-ours.json")
    rows+=("$set|trafilatura 2.3.1 (Python)|$theirs_time|$out/$set-trafilatura.json")
done

python3 - "${rows[@]}" <<'PY'
import json, re, sys
rows = [r.split("|") for r in sys.argv[1:]]
timing = {}
for set_, system, line, path in rows:
    timing[(set_, system)] = {k: float(v) for k, v in re.findall(r"(mean_ms|median_ms)=([0-9.]+)", line)}
print(f"{'set':<12} {'system':<28} {'F1':>6} {'P':>6} {'R':>6} {'mean ms':>8} {'median ms':>9} {'speed-up (mean)':>15}")
for set_, system, line, path in rows:
    s = json.load(open(path))
    t = timing[(set_, system)]
    theirs = timing.get((set_, "trafilatura 2.3.1 (Python)"), t)
    print(
        f"{set_:<12} {system:<28} {s['f1']:6.3f} {s['precision']:6.3f} {s['recall']:6.3f} "
        f"{t['mean_ms']:8.2f} {t['median_ms']:9.2f} {theirs['mean_ms'] / t['mean_ms']:14.1f}x"
    )
PY
