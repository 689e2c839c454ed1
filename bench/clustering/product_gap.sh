#!/usr/bin/env bash
# Why `triangulate analyze` scores below the clusterer on raw text (bench/clustering/README.md,
# "The product path"): the clusterer alone (cluster_dev, pipeline naming) on variants of the
# dev set's text, all scored by the shared scorer in one run:
#   raw text; raw text without its first line (the headline); ingest's cleaned bodies; cleaned
#   bodies + headline; cleaned bodies + everything ingest moved into metadata (headline,
#   dateline) as its previews; and what `analyze` passes: cleaned bodies + headline + the
#   publication date ingest found, and the same with the dates not passed (`--no-dates`).
# One command: bash bench/clustering/product_gap.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data="$root/../shared/data/news-clustering-dev"
scorer="$root/../shared/tools/score_clustering.py"
if [ ! -d "$data" ]; then
  echo "shared data not found at $data; nothing to measure" >&2
  exit 1
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
out="$root/bench/out/clustering/product_gap"
mkdir -p "$out"
(cd "$root" && cargo build --quiet --release -p triangulate -p triangulate-fusion --bins --examples)
bin="$CARGO_TARGET_DIR/release"

# Exit status 1 only says that a record was skipped (it is listed on stderr).
"$bin/triangulate" ingest --json "$data/documents.jsonl" > "$out/ingest.json" 2> "$out/ingest.err" \
  || [ $? -eq 1 ]
python3 - "$data/documents.jsonl" "$out/ingest.json" "$out" <<'PY'
import json, sys
records, ingested, out = sys.argv[1:4]
rows = [json.loads(line) for line in open(records) if line.strip()]
docs = json.load(open(ingested))["documents"]
variants = {name: open(f"{out}/{name}.jsonl", "w") for name in
            ("raw", "raw_no_headline", "cleaned", "cleaned_headline", "cleaned_moved",
             "dated_headline")}
for r in rows:
    variants["raw"].write(json.dumps({"id": r["id"], "text": r["text"]}) + "\n")
    rest = r["text"].split("\n", 1)[1] if "\n" in r["text"] else ""
    variants["raw_no_headline"].write(json.dumps({"id": r["id"], "text": rest}) + "\n")
for d in docs:
    # Document ids are "<file stem>:<record number from 1>".
    rid = rows[int(d["id"].rsplit(":", 1)[1]) - 1]["id"]
    body = d["body"]["text"]
    title = (d["metadata"].get("title") or {}).get("value")
    moved = [x["preview"] for x in d["removed"] if x["kind"] == "metadata"]
    for name, text in (("cleaned", body),
                       ("cleaned_headline", f"{title}\n{body}" if title else body),
                       ("cleaned_moved", "\n".join(moved + [body]))):
        variants[name].write(json.dumps({"id": rid, "text": text}) + "\n")
    record = {"id": rid, "text": f"{title}\n{body}" if title else body}
    published = (d["metadata"].get("published") or {}).get("value") or {}
    if published.get("year"):
        iso = f'{published["year"]:04d}'
        if published.get("month"):
            iso += f'-{published["month"]:02d}'
            if published.get("day"):
                iso += f'-{published["day"]:02d}'
        record["published"] = iso
    variants["dated_headline"].write(json.dumps(record) + "\n")
PY

echo "| text the clusterer reads | pairwise P / R / F1 | B-cubed P / R / F1 |"
echo "|---|---|---|"
for run in raw raw_no_headline cleaned cleaned_headline cleaned_moved dated_headline \
  dated_headline:--no-dates; do
  v=${run%%:*}
  flag=${run#"$v"}
  flag=${flag#:}
  name=$v${flag:+ $flag}
  v_out=$out/$v${flag}
  # shellcheck disable=SC2086 # $flag is one option or nothing
  "$bin/examples/cluster_dev" $flag "$out/$v.jsonl" > "$v_out.pred" 2> "$v_out.err"
  # Records ingest refused are scored as stories of their own.
  python3 - "$data/gold.tsv" "$v_out.pred" > "$v_out.tsv" <<'PY'
import sys
gold, pred = sys.argv[1:3]
ids = [line.split("\t")[0] for line in open(gold)][1:]
story = dict(line.rstrip("\n").split("\t") for line in open(pred) if line.strip())
for i in ids:
    print(f"{i}\t{story.get(i, 'skipped-' + i)}")
PY
  s=$(python3 "$scorer" "$data/gold.tsv" "$v_out.tsv")
  pw=$(echo "$s" | awk '/^pairwise/ {print $2" / "$3" / "$4}' | sed 's/[PRF1]*=//g')
  bc=$(echo "$s" | awk '/^B-cubed/ {print $2" / "$3" / "$4}' | sed 's/[PRF1]*=//g')
  echo "| $name | $pw | $bc |"
done
