#!/usr/bin/env bash
# Learning-curve proxy for "would training on more data (train + dev) raise held-out F1?":
# trains the default recipe (models/ner/MODEL_CARD.md, "Retrain") on a share of the CoNLL-2003
# train.txt documents and on all of them, for each seed, and scores each model on valid.txt
# with ner-conll (model plus document-level rules, decoded as trained) and
# ../shared/tools/score_ner.py. The gain from the smaller share to 100% estimates what adding
# dev (255k against 204k tokens: train is 80% of train + dev) would give on unseen text.
#
# Usage: bench/ner/learning_curve.sh [--percents "75 100"] [--seeds "1 2"]
#   (from anywhere; needs ../shared beside the repo). Seed 1 is train-ner's default seed (no
#   --seed flag), any other is passed as --seed N. Trainings run one at a time under nice -n 5.
# Output: a Markdown table on stdout; models, predictions, training logs and score JSON under
# bench/out/ner/learning-curve/ (git-ignored). Training is deterministic, so the 100% seed-2
# model is byte-identical to models/ner/conll2003-train-only.model (checked and reported).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
DATA="$SHARED/data/ner/conll2003"
PERCENTS="75 100"
SEEDS="1 2"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --percents) PERCENTS="${2:?--percents needs a list}"; shift 2 ;;
    --seeds) SEEDS="${2:?--seeds needs a list}"; shift 2 ;;
    *) echo "usage: $0 [--percents \"75 100\"] [--seeds \"1 2\"]" >&2; exit 2 ;;
  esac
done
OUT="$ROOT/bench/out/ner/learning-curve"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ -f "$DATA/train.txt" && -f "$DATA/valid.txt" ]] || {
  echo "missing $DATA/train.txt or valid.txt (shared data not found)" >&2
  exit 1
}
mkdir -p "$OUT"

echo "== building train-ner and ner-conll" >&2
(cd "$ROOT" && cargo build --release -q -p triangulate-ner --bin train-ner --bin ner-conll)
TRAIN_NER="$CARGO_TARGET_DIR/release/train-ner"
NER_CONLL="$CARGO_TARGET_DIR/release/ner-conll"

# micro F1 and per-type F1 from score_ner.py's JSON.
f1_of() {
  python3 -c 'import json,sys
s=json.load(open(sys.argv[1]))
t=s["per_type"]
print(" ".join("%.2f" % (100 * x["f1"]) for x in (s["micro"], t["PER"], t["ORG"], t["LOC"], t["MISC"])))' "$1"
}

declare -A MICRO
echo "| train.txt documents | seed | documents / tokens | epochs (pass 1 / 2) | dev F1 | PER | ORG | LOC | MISC |"
echo "|---:|---:|---|---|---:|---:|---:|---:|---:|"
for percent in $PERCENTS; do
  for seed in $SEEDS; do
    name="docs$percent-seed$seed"
    seed_args=()
    [[ "$seed" != 1 ]] && seed_args=(--seed "$seed")
    echo "== training $name" >&2
    nice -n 5 "$TRAIN_NER" --train "$DATA/train.txt" --dev "$DATA/valid.txt" \
      --out "$OUT/$name.model" --external brown,gazetteers,second-pass-only \
      --substitute-names 50 --train-beam 2 --train-docs "$percent" "${seed_args[@]}" \
      > "$OUT/$name.train-out" 2> "$OUT/$name.log"
    "$NER_CONLL" --model "$OUT/$name.model" "$DATA/valid.txt" > "$OUT/$name.pred"
    python3 "$SHARED/tools/score_ner.py" "$DATA/valid.txt" "$OUT/$name.pred" \
      --json "$OUT/$name.score.json" --quiet > /dev/null
    read -r micro per org loc misc < <(f1_of "$OUT/$name.score.json")
    MICRO[$percent,$seed]=$micro
    size=$(grep -o 'trained on [0-9]* documents / [0-9]* tokens' "$OUT/$name.log" | sed 's/trained on //')
    epochs=$(grep -o 'best epoch [0-9]* / second pass Some([0-9]*)' "$OUT/$name.log" \
      | sed 's/best epoch \([0-9]*\) \/ second pass Some(\([0-9]*\))/\1 \/ \2/')
    echo "| $percent% | $seed | $size | $epochs | $micro | $per | $org | $loc | $misc |"
  done
done

# Gain of the largest share over each smaller one, per seed and averaged over the seeds.
read -r -a percent_list <<< "$PERCENTS"
largest="${percent_list[-1]}"
echo
for percent in "${percent_list[@]}"; do
  [[ "$percent" == "$largest" ]] && continue
  gains=()
  for seed in $SEEDS; do
    gains+=("$(python3 -c "print('%.2f' % (${MICRO[$largest,$seed]} - ${MICRO[$percent,$seed]}))")")
  done
  mean=$(python3 -c "import sys; g=[float(x) for x in sys.argv[1:]]; print('%+.2f' % (sum(g)/len(g)))" "${gains[@]}")
  echo "gain $percent% -> $largest%: per seed (${SEEDS// /, }) ${gains[*]}; mean $mean"
done

reference="$ROOT/models/ner/conll2003-train-only.model"
[[ -f "$reference" ]] || reference="$ROOT/models/ner/conll2003.model"
if [[ -f "$OUT/docs100-seed2.model" ]]; then
  if cmp -s "$OUT/docs100-seed2.model" "$reference"; then
    echo "docs100-seed2.model is byte-identical to ${reference#"$ROOT"/}"
  else
    echo "docs100-seed2.model differs from ${reference#"$ROOT"/}"
  fi
fi
