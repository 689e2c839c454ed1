#!/usr/bin/env python3
"""Usage: bench/timex/diff.py GOLD_DIR PRED_DIR [--only KIND] [--grep REGEX] [--width N]

Lists every value error of PRED_DIR (TimeML files written by timex-tml) against GOLD_DIR with the
sentence around it, so errors can be bucketed by cause. Pairs gold and predicted timexes like the
TempEval-3 scorer (identical spans first, then largest overlap). Kinds: MISMATCH (paired, values
differ), MISSED, SPURIOUS. Reads both folders through ../shared/tools/score_timex.py --export.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCORER = os.path.join(os.path.dirname(ROOT), "shared", "tools", "score_timex.py")


def export(folder, tmp, name):
    docs, tags = os.path.join(tmp, name + ".docs"), os.path.join(tmp, name + ".tags")
    subprocess.run([sys.executable, SCORER, "--export", folder, docs, "--gold-out", tags],
                   check=True, stdout=subprocess.DEVNULL)
    text = {}
    for line in open(docs, encoding="utf-8"):
        d = json.loads(line)
        text[d["file"]] = (d["text"], d.get("dct", ""))
    by_file = defaultdict(list)
    for line in open(tags, encoding="utf-8"):
        t = json.loads(line)
        by_file[t["file"]].append(t)
    return text, by_file


def align(gold, pred):
    pairs, ug, up = [], set(), set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in up and (p["start"], p["end"]) == (g["start"], g["end"]):
                pairs.append((gi, pi)); ug.add(gi); up.add(pi); break
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            o = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if o > 0 and gi not in ug and pi not in up:
                cands.append((o, gi, pi))
    for _, gi, pi in sorted(cands, key=lambda c: -c[0]):
        if gi not in ug and pi not in up:
            pairs.append((gi, pi)); ug.add(gi); up.add(pi)
    return pairs, ug, up


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold"); ap.add_argument("pred")
    ap.add_argument("--only"); ap.add_argument("--grep"); ap.add_argument("--width", type=int, default=90)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text, gold = export(a.gold, tmp, "gold")
        _, pred = export(a.pred, tmp, "pred")
    rx = re.compile(a.grep, re.I) if a.grep else None
    for f in sorted(text):
        body, dct = text[f]
        g, p = gold.get(f, []), pred.get(f, [])
        pairs, ug, up = align(g, p)
        rows = [("MISMATCH", g[gi], p[pi]) for gi, pi in pairs if g[gi]["value"] != p[pi]["value"]]
        rows += [("MISSED", g[gi], None) for gi in range(len(g)) if gi not in ug]
        rows += [("SPURIOUS", None, p[pi]) for pi in range(len(p)) if pi not in up]
        for kind, gt, pt in rows:
            if a.only and kind != a.only:
                continue
            t = gt or pt
            w = a.width
            ctx = body[max(0, t["start"] - w):t["start"]] + "[[" + body[t["start"]:t["end"]] + "]]" + body[t["end"]:t["end"] + w]
            ctx = " ".join(ctx.split())
            gs = "%r %s %s" % (gt["text"], gt["type"], gt["value"]) if gt else "-"
            ps = "%r %s %s" % (pt["text"], pt["type"], pt["value"]) if pt else "-"
            line = "%s %s dct=%s gold=%s pred=%s\n    %s" % (f, kind, dct[:10], gs, ps, ctx)
            if rx and not rx.search(line):
                continue
            print(line)


main()
