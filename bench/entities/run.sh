#!/usr/bin/env bash
# Cross-document entity resolution on ECB+ (dev and train topics), side by side with the lemma
# baselines of the data's README, scored by the shared reference scorer
# (../shared/data/ecbplus/eval_reference.py, imported, not copied). Protocol: README.md here.
#
# One command: bash bench/entities/run.sh [--before REV] [--errors N]
#   --before REV  also runs the committed tree with crates/fusion/src/entities.rs as it was at
#                 REV (git revision), scored in the same run ("triangulate before the fixes")
#   --errors N    prints the N worst merges and splits on dev
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
data="$root/../shared/data/ecbplus"
if [ ! -d "$data" ]; then
  echo "shared data not found at $data; nothing to benchmark" >&2
  exit 1
fi
errors=0
before=""
while [ $# -gt 0 ]; do
  case "$1" in
    --errors) errors=${2:?--errors needs a number}; shift 2 ;;
    --before) before=${2:?--before needs a git revision}; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
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
if [ -n "$before" ]; then
  # The committed tree (HEAD) with only entities.rs taken from REV, built in its own target dir
  # so the two binaries never overwrite each other.
  src="$out/before-src"
  rm -rf "$src"
  mkdir -p "$src"
  git archive HEAD | tar -x -C "$src"
  git show "$before:crates/fusion/src/entities.rs" > "$src/crates/fusion/src/entities.rs"
  (cd "$src" && CARGO_TARGET_DIR="$CARGO_TARGET_DIR-before" \
    cargo build --quiet --release -p triangulate-fusion --example entities_dev)
fi
for split in dev train; do
  "$CARGO_TARGET_DIR/release/examples/entities_dev" --split "$split" "$data/docs.jsonl" \
    > "$out/$split.jsonl" 2> "$out/$split.err"
  tail -n 1 "$out/$split.err"
  args=("$data" "$split" "$out/$split.jsonl")
  if [ -n "$before" ]; then
    "$CARGO_TARGET_DIR-before/release/examples/entities_dev" --split "$split" "$data/docs.jsonl" \
      > "$out/$split.before.jsonl" 2> "$out/$split.before.err"
    args+=(--before "$out/$split.before.jsonl")
  fi
  if [ "$split" = dev ] && [ "$errors" -gt 0 ]; then
    args+=(--errors "$errors")
  fi
  "$venv/bin/python" bench/entities/score.py "${args[@]}"
done
