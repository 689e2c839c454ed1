#!/usr/bin/env bash
# Tokenizer benchmark: triangulate-text vs spaCy's rule-based English tokenizer (+ sentencizer)
# on CoNLL-2003 text rebuilt from its gold tokens, same text, same machine, one core each.
# Prints token P/R/F1 against the CoNLL-2003 tokens and throughput (tokenizer alone, and
# tokens + sentences), then the speed ratios.
#
# usage: crates/text/bench/run.sh [CONLL_FILE]   (default: ../shared/data/ner/conll2003/train.txt)
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
conll=${1:-$root/../shared/data/ner/conll2003/train.txt}
out=$root/out/text-bench
venv=$root/.venv-text
if [ ! -f "$conll" ]; then
  echo "missing $conll (the shared data folder must sit beside the repository)" >&2
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'spacy==3.8.*'
fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
cargo build -q --release -p triangulate-text --example conll_roundtrip
ours=$("$CARGO_TARGET_DIR/release/examples/conll_roundtrip" "$conll" "$out")
theirs=$("$venv/bin/python" "$root/crates/text/bench/spacy_tokens.py" "$out")
echo "$ours"
echo "$theirs"
rate() { sed -n "s/.*[[:space:]]$2=\([0-9]*\).*/\1/p" <<<"$1"; }
for what in tokenize_tokens_per_s tokens_per_s; do
  awk -v a="$(rate "$ours" $what)" -v b="$(rate "$theirs" $what)" -v w=$what \
    'BEGIN { printf "%s ratio (triangulate-text / spaCy): %.1fx\n", w, a / b }'
done
