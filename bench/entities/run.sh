#!/usr/bin/env bash
# Cross-document entity resolution on ECB+ (dev and train topics), side by side with the lemma
# baselines of the data's README, scored by the shared reference scorer
# (../shared/data/ecbplus/eval_reference.py, imported, not copied). Protocol: README.md here.
# One command: bash bench/entities/run.sh [--errors N]   (N worst merges and splits on dev)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
data="$root/../shared/data/ecbplus"
if [ ! -d "$data" ]; then
  echo "shared data not found at $data; nothing to benchmark" >&2
  exit 1
fi
errors=0
if [ "${1:-}" = "--errors" ]; then
  errors=${2:?--errors needs a number}
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
out="$root/bench/out/entities"
mkdir -p "$out"

# numpy + scipy for the reference scorer, simplemma for the README's lemma baseline.
venv="$root/.venv-entities"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet numpy scipy simplemma
fi

cargo build --quiet --release -p triangulate-fusion --example entities_dev
for split in dev train; do
  "$CARGO_TARGET_DIR/release/examples/entities_dev" --split "$split" "$data/docs.jsonl" \
    > "$out/$split.jsonl" 2> "$out/$split.err"
  tail -n 1 "$out/$split.err"
  if [ "$split" = dev ] && [ "$errors" -gt 0 ]; then
    "$venv/bin/python" bench/entities/score.py "$data" "$split" "$out/$split.jsonl" --errors "$errors"
  else
    "$venv/bin/python" bench/entities/score.py "$data" "$split" "$out/$split.jsonl"
  fi
done
