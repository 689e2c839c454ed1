#!/usr/bin/env bash
# Peak memory and time of the main job, `triangulate analyze`, on real scraped pages: the 181
# HTML pages of the shared Zyte extraction benchmark, copied N times (default 1 and 8), so the
# growth with the number of documents shows. Every copy is a syndicated duplicate, which is the
# heavy case for the claim and evidence lists.
#
#   bash bench/analyze/memory.sh                 # this checkout, 1x and 8x
#   bash bench/analyze/memory.sh 1 4 16          # other multiples
#   TRIANGULATE=/path/to/other/triangulate bash bench/analyze/memory.sh   # another build
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
pages="$root/../shared/data/article-extraction/html"
if [ ! -d "$pages" ]; then
  echo "shared data not found at $pages; nothing to measure" >&2
  exit 1
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
if [ -z "${TRIANGULATE:-}" ]; then
  (cd "$root" && cargo build --quiet --release -p triangulate)
  TRIANGULATE="$CARGO_TARGET_DIR/release/triangulate"
fi
copies=("$@")
[ ${#copies[@]} -gt 0 ] || copies=(1 8)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/one"
for f in "$pages"/*.html.gz; do
  gzip -dc "$f" > "$work/one/$(basename "$f" .gz)"
done

printf '%-8s %-10s %-14s %-10s %s\n' copies documents "peak RSS MiB" seconds "analysis.json MiB"
for n in "${copies[@]}"; do
  input="$work/in-$n"
  mkdir -p "$input"
  for i in $(seq 1 "$n"); do cp -r "$work/one" "$input/$i"; done
  # getrusage of the finished child: its peak resident set, portable where /usr/bin/time is not.
  python3 - "$TRIANGULATE" "$input" "$work/out-$n" <<'PY'
import os, resource, subprocess, sys, time
exe, input_dir, out_dir = sys.argv[1:4]
start = time.monotonic()
run = subprocess.run([exe, "analyze", "--no-progress", "--out", out_dir, input_dir],
                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
seconds = time.monotonic() - start
if run.returncode != 0:
    sys.exit(f"triangulate analyze failed ({run.returncode}): {run.stderr[-2000:]}")
peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
docs = sum(len(f) for _, _, f in os.walk(input_dir))
json_mib = os.path.getsize(os.path.join(out_dir, "analysis.json")) / 2**20
copies = os.path.basename(input_dir).split("-")[-1]
print(f"{copies:<8} {docs:<10} {peak_mib:<14.0f} {seconds:<10.1f} {json_mib:.1f}")
PY
done
