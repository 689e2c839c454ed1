#!/usr/bin/env bash
# Does ingest's line cleaner help or hurt article extraction? Scores, on the same pages in one
# run, the HTML extractor's body alone and ingest's final body (extractor + line cleaner), plus
# the published trafilatura predictions for context, with the shared Zyte scorer.
#
#   bash crates/ingest/bench/extraction_compare.sh
#
# Needs ../shared beside the repository (skips with a notice otherwise) and python3.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
shared="$repo/../shared"
pages="$shared/data/article-extraction/html"
scorer="$shared/tools/score_article_extraction.py"
if [ ! -d "$pages" ] || [ ! -f "$scorer" ]; then
  echo "shared benchmark data not found at $shared: skipped"
  exit 0
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cd "$repo"
cargo run --quiet --release -p triangulate-ingest --example extraction_compare -- "$pages" "$out"
for variant in html ingest; do
  echo "== $variant"
  python3 "$scorer" "$out/$variant" --benchmark zyte | tail -4
done
ref="$shared/data/article-extraction/reference-outputs"
if [ -d "$ref" ]; then
  for f in "$ref"/trafilatura*.json.gz; do
    [ -e "$f" ] || continue
    echo "== published $(basename "$f" .json.gz)"
    python3 "$scorer" "$f" --benchmark zyte | tail -4
  done
fi
