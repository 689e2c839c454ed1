#!/usr/bin/env bash
# Beam decoding against greedy decoding on the CoNLL-2003 dev set, in one run: dev F1 (model
# plus document-level rules, ../shared/tools/score_ner.py) and tokens/s (one thread, best of N
# runs) for each beam setting and each model file given (default: the embedded model).
#
# Usage: bench/ner/beam.sh [--repeat N] [--beams "1 2:16 4:16 2 4"] [MODEL.model ...]
# A beam is WIDTH or WIDTH:TEMPERATURE (see `ner-conll --beam`); 1 is greedy decoding, and
# `trained` decodes the way the model file says it was trained (greedy, or the beam of a model
# trained with `train-ner --train-beam N`).
# The figures in models/ner/MODEL_CARD.md ("Sixth pass", "Seventh pass") come from this script
# run on the embedded model and on models retrained with `train-ner ... --seed S` (section "Retrain").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
DEV="$SHARED/data/ner/conll2003/valid.txt"
REPEAT=3
BEAMS="1 2:16 4:16 2 4"
MODELS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repeat) REPEAT="${2:?--repeat needs a number}"; shift 2 ;;
    --beams) BEAMS="${2:?--beams needs a list}"; shift 2 ;;
    *) MODELS+=("$1"); shift ;;
  esac
done
OUT="$ROOT/bench/out/ner/beam"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ -f "$DEV" ]] || { echo "missing $DEV (shared data not found)" >&2; exit 1; }
mkdir -p "$OUT"
(cd "$ROOT" && cargo build --release -q -p triangulate-ner --bin ner-conll)
BIN="$CARGO_TARGET_DIR/release/ner-conll"
[[ ${#MODELS[@]} -gt 0 ]] || MODELS=(embedded)

printf '%-40s %-8s %8s %12s\n' model beam "dev F1" "tokens/s"
for model in "${MODELS[@]}"; do
  args=()
  [[ "$model" == embedded ]] || args=(--model "$model")
  for beam in $BEAMS; do
    tag="$(basename "$model" .model)-${beam//:/_}"
    : > "$OUT/$tag.timing"
    for _ in $(seq "$REPEAT"); do
      beam_args=(--beam "$beam")
      [[ "$beam" != trained ]] || beam_args=()
      "$BIN" "$DEV" "${args[@]}" "${beam_args[@]}" --timing > "$OUT/$tag.pred" 2>> "$OUT/$tag.timing"
    done
    f1="$(python3 "$SHARED/tools/score_ner.py" "$DEV" "$OUT/$tag.pred" | awk '$1 == "MICRO" {print $NF}')"
    speed="$(python3 -c 'import json,sys; print(max(json.loads(l)["tokens_per_s"] for l in open(sys.argv[1]) if l.startswith("{")))' "$OUT/$tag.timing")"
    printf '%-40s %-8s %8s %12s\n' "$(basename "$model")" "$beam" "$f1" "$speed"
  done
done
