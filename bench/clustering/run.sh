#!/usr/bin/env bash
# Story clustering on the shared ECB+-derived dev set, side by side with the TF-IDF baselines
# of its README, scored by the shared scorer. One command: bash bench/clustering/run.sh
# Cost growth on synthetic streams: bash bench/clustering/run.sh --scale [10000 100000 1000000]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
data="$root/../shared/data/news-clustering-dev"
scorer="$root/../shared/tools/score_clustering.py"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
out="$root/bench/out/clustering"
mkdir -p "$out"

cargo build --quiet --release -p triangulate-fusion --examples
bin="$CARGO_TARGET_DIR/release/examples"

if [ "${1:-}" = "--scale" ]; then
  shift
  sizes=("$@")
  [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
  # Each size twice in one build: review of young stories off (the clusterer before the
  # fourth pass), then the defaults.
  for n in "${sizes[@]}"; do
    "$bin/cluster_scale" --docs "$n" --young 0
    "$bin/cluster_scale" --docs "$n"
  done
  exit 0
fi

if [ ! -d "$data" ]; then
  echo "shared data not found at $data; nothing to benchmark" >&2
  exit 1
fi

venv="$root/.venv-cluster"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet scikit-learn numpy scipy
fi

# Ours three ways: as the full pipeline runs it (NER mentions + capitalised words, the
# default), capitalised words only (no NER run), NER mentions only.
timed() {
  local file=$1; shift
  local start end
  start=$(date +%s.%N)
  if "$bin/cluster_dev" "$@" "$data/documents.jsonl" > "$file" 2> "$file.err"; then
    end=$(date +%s.%N)
    echo "$end - $start" | bc
  else
    echo "failed: $(tr '\n' ' ' < "$file.err")"
  fi
}
ours_time=$(timed "$out/triangulate.tsv")
caps_time=$(timed "$out/triangulate_capitalised.tsv" --capitalised)
ner_time=$(timed "$out/triangulate_ner_only.tsv" --ner-only)
# The pipeline path with review of young stories off, and with its moves not applied (what a
# caller that ignores take_moves() gets).
off_time=$(timed "$out/triangulate_no_review.tsv" --young 0)
fwd_time=$(timed "$out/triangulate_forward_only.tsv" --forward-only)
# The pipeline path with the opening's extra weight off (the clusterer before the fifth pass).
lead_time=$(timed "$out/triangulate_no_lead.tsv" --lead-words 0)
# The pipeline path with split-off groups always left in a story of their own (the clusterer
# before the sixth pass).
rehome_time=$(timed "$out/triangulate_no_rehome.tsv" --no-rehome)
baseline_times=$("$venv/bin/python" "$root/bench/clustering/baseline.py" "$data/documents.jsonl" "$out")

# The product itself: `triangulate analyze` reads the JSON lines through ingest (which moves a
# headline and dateline it recognises into metadata: 71 of these documents), runs the whole
# language layer and fusion; its stories are mapped back to the records' ids. A record ingest
# refuses (one here: nothing but page furniture) is scored as a story of its own.
cargo build --quiet --release -p triangulate
start=$(date +%s.%N)
analyze_rc=0
"$CARGO_TARGET_DIR/release/triangulate" analyze --no-progress --out "$out/analyze" \
  "$data/documents.jsonl" > /dev/null 2> "$out/analyze.err" || analyze_rc=$?
end=$(date +%s.%N)
# Exit status 1 only says that an input record was skipped; it is listed in analyze.err.
if [ "$analyze_rc" -le 1 ]; then
  analyze_time=$(echo "$end - $start" | bc)
else
  analyze_time="failed: $(tr '\n' ' ' < "$out/analyze.err")"
fi
python3 - "$data/documents.jsonl" "$out/analyze/analysis.json" > "$out/analyze.tsv" <<'PY' || true
import json, sys
records, analysis = sys.argv[1:3]
ids = [json.loads(line)["id"] for line in open(records) if line.strip()]
story = {}
for doc in json.load(open(analysis))["documents"]:
    # Document ids are "<file stem>:<record number from 1>".
    story[ids[int(doc["id"].rsplit(":", 1)[1]) - 1]] = doc["story"]
for i in ids:
    print(f"{i}\t{story.get(i, 'skipped-' + i)}")
PY

row() {
  local name=$1 file=$2 t=$3
  local s
  if [ "${t#failed}" != "$t" ]; then
    printf '| %s | %s | | | |\n' "$name" "$t"
    return
  fi
  s=$(python3 "$scorer" "$data/gold.tsv" "$file")
  local pw bc nc
  pw=$(echo "$s" | awk '/^pairwise/ {print $2" / "$3" / "$4}' | sed 's/[PRF1]*=//g')
  bc=$(echo "$s" | awk '/^B-cubed/ {print $2" / "$3" / "$4}' | sed 's/[PRF1]*=//g')
  nc=$(echo "$s" | sed -n 's/.*pred_clusters=\([0-9]*\).*/\1/p')
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$pw" "$bc" "$nc" "$t"
}
agg_time=$(echo "$baseline_times" | sed -n 's/.*agglomerative=\([0-9.]*\)s.*/\1/p')
onl_time=$(echo "$baseline_times" | sed -n 's/.*online_centroid=\([0-9.]*\)s.*/\1/p')
echo "| system | pairwise P / R / F1 | B-cubed P / R / F1 | clusters | seconds |"
echo "|---|---|---|---|---|"
row "triangulate analyze (ingest + language layer + fusion: the product)" "$out/analyze.tsv" "$analyze_time"
row "triangulate StoryClusterer, NER mentions + capitalised words (as the pipeline; default)" "$out/triangulate.tsv" "$ours_time"
row "triangulate StoryClusterer, capitalised words only (no NER run)" "$out/triangulate_capitalised.tsv" "$caps_time"
row "triangulate StoryClusterer, NER mentions only" "$out/triangulate_ner_only.tsv" "$ner_time"
row "triangulate StoryClusterer, as the pipeline, review of young stories off (--young 0)" "$out/triangulate_no_review.tsv" "$off_time"
row "triangulate StoryClusterer, as the pipeline, review's moves not applied (--forward-only)" "$out/triangulate_forward_only.tsv" "$fwd_time"
row "triangulate StoryClusterer, as the pipeline, opening not weighted (--lead-words 0)" "$out/triangulate_no_lead.tsv" "$lead_time"
row "triangulate StoryClusterer, as the pipeline, split-off groups not re-homed (--no-rehome)" "$out/triangulate_no_rehome.tsv" "$rehome_time"
row "TF-IDF agglomerative average link, cos dist < 0.85 (batch)" "$out/agglomerative.tsv" "$agg_time"
row "TF-IDF online centroid, cos >= 0.20 (stream order)" "$out/online_centroid.tsv" "$onl_time"
