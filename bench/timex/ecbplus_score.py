"""Recall of ECB+ gold time mentions by triangulate-timex and HeidelTime, per split and tag.

Usage: ecbplus_score.py DATA_DIR OURS.jsonl [--heideltime HT.jsonl] [--before OLD.jsonl
       --before-name REV] [--out DIR] [--sample N] [--json FILE]

DATA_DIR is ../shared/data/ecbplus. OURS.jsonl is `timex-jsonl --id-field doc_id` output (byte
offsets into each record's text); HT.jsonl is `ht2jsonl.py` output (character offsets, one
expression a line, field `file` = doc_id). Protocol (README.md beside this file):

* gold = TIME_DATE / TIME_OF_THE_DAY / TIME_DURATION / TIME_REPETITION mentions with
  `validated: true`; its extent is the first to the last of its tokens, mapped to character
  offsets through the CAT XML tokens (the same rebuilding bench/entities uses: tokens joined by
  single spaces, one sentence a line, the URL sentence 0 of ecbplus documents left out).
* strict: a prediction with exactly the gold extent; strict-TimeML: the same after dropping a
  leading preposition from the gold extent (ECB+ marks "on Tuesday", TimeML tags "Tuesday");
  relaxed: any overlap.
* unmatched: predictions starting in a validated sentence that overlap no gold time mention
  (validated or not). ECB+ only marks times tied to an annotated event, so this is an upper
  bound on false positives, not a count of them.

Misses and unmatched predictions are written to DIR (train and dev only: test-topic errors
must not steer the rules) for the error analysis.
"""
import argparse
import collections
import json
import random
import re
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from ecbplus_xml import load_tokens  # noqa: E402  (bench/ecbplus_xml.py, shared with the other ECB+ scorer)

TAGS = ["TIME_DATE", "TIME_OF_THE_DAY", "TIME_DURATION", "TIME_REPETITION"]
SPLITS = ["train", "dev", "test"]
# Words ECB+ keeps at the start of a time mention that TimeML leaves outside the TIMEX3.
LEADING_PREPOSITIONS = {
    "on", "in", "at", "from", "since", "during", "by", "until", "till", "for", "over", "within",
    "through", "throughout", "after", "before", "of", "to", "into", "as", "between", "amid",
}


def token_offsets(doc, tokens):
    """t_id -> (start, end) in characters of doc['text'], and sent_id -> (start, end)."""
    by_sentence = collections.OrderedDict()
    for t_id, sentence, text in tokens:
        by_sentence.setdefault(sentence, []).append((t_id, text))
    offsets, sentences, pieces, pos = {}, {}, [], 0
    for n, sent in enumerate(doc["sentences"]):
        if n:
            pieces.append("\n")
            pos += 1
        sent_start = pos
        for i, (t_id, text) in enumerate(by_sentence.get(sent["sent_id"], [])):
            if i:
                pieces.append(" ")
                pos += 1
            offsets[t_id] = (pos, pos + len(text))
            pieces.append(text)
            pos += len(text)
        sentences[sent["sent_id"]] = (sent_start, pos)
    if "".join(pieces) != doc["text"]:
        raise SystemExit(f"{doc['doc_id']}: tokens from the XML do not rebuild docs.jsonl's text")
    return offsets, sentences


def byte_to_char(text):
    """Byte offset -> character offset table for a UTF-8 string (ends included)."""
    table, pos = {}, 0
    for i, ch in enumerate(text):
        table[pos] = i
        pos += len(ch.encode("utf-8"))
    table[pos] = len(text)
    return table


def load_ours(path, docs):
    preds = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        doc = docs.get(rec["id"])
        if doc is None:
            continue
        table = byte_to_char(doc["text"])
        for t in rec["timexes"]:
            s, e = table.get(t["start"]), table.get(t["end"])
            if s is None or e is None:
                raise SystemExit(f"{rec['id']}: span {t['start']}..{t['end']} not on a character boundary")
            preds[rec["id"]].append((s, e, t["type"], t["value"]))
    return preds


def load_heideltime(path):
    preds = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        preds[rec["file"]].append((rec["start"], rec["end"], rec["type"], rec["value"]))
    return preds


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


LINE_BREAKS = re.compile("[\r\n\v\f\x1c-\x1e\x85\u2028\u2029\t]")


def context(text, s, e, width=60):
    """The expression in [[...]] with `width` characters either side, on one line."""
    one_line = lambda part: LINE_BREAKS.sub(" ", part)
    return f"{one_line(text[max(0, s - width):s])}[[{one_line(text[s:e])}]]{one_line(text[e:e + width])}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data_dir")
    ap.add_argument("ours")
    ap.add_argument("--heideltime")
    ap.add_argument("--before", help="timex-jsonl output of an earlier revision, scored beside")
    ap.add_argument("--before-name", default="before")
    ap.add_argument("--out")
    ap.add_argument("--sample", type=int, default=12)
    ap.add_argument("--json")
    args = ap.parse_args()

    docs = {}
    for line in open(f"{args.data_dir}/docs.jsonl", encoding="utf-8"):
        d = json.loads(line)
        docs[d["doc_id"]] = d
    tokens = load_tokens(args.data_dir, set(docs))
    offsets, sentence_spans = {}, {}
    for doc_id, doc in docs.items():
        offsets[doc_id], sentence_spans[doc_id] = token_offsets(doc, tokens.get(doc_id, []))

    gold = collections.defaultdict(list)  # doc_id -> [(start, end, tag, strict_timeml_start, text)]
    all_time = collections.defaultdict(list)  # every time mention, validated or not
    gaps = 0
    for line in open(f"{args.data_dir}/mentions.jsonl", encoding="utf-8"):
        m = json.loads(line)
        if not m["tag"].startswith("TIME_") or m["doc_id"] not in docs:
            continue
        spans = [offsets[m["doc_id"]].get(t) for t in m["token_ids"]]
        if not spans or any(s is None for s in spans):
            continue
        s, e = min(x[0] for x in spans), max(x[1] for x in spans)
        all_time[m["doc_id"]].append((s, e))
        if not m["validated"]:
            continue
        if sorted(m["token_ids"]) != list(range(min(m["token_ids"]), max(m["token_ids"]) + 1)):
            gaps += 1
        # strict-TimeML start: after a leading preposition, when the mention has more words.
        ordered = sorted(spans)
        first = docs[m["doc_id"]]["text"][ordered[0][0]:ordered[0][1]].lower()
        tm_start = ordered[1][0] if first in LEADING_PREPOSITIONS and len(ordered) > 1 else s
        gold[m["doc_id"]].append((s, e, m["tag"], tm_start, docs[m["doc_id"]]["text"][s:e]))

    systems = [("triangulate-timex", load_ours(args.ours, docs))]
    if args.before:
        systems.append((f"triangulate-timex @{args.before_name}", load_ours(args.before, docs)))
    if args.heideltime:
        systems.append(("HeidelTime 2.2.1", load_heideltime(args.heideltime)))

    results = {}
    rng = random.Random(7)
    for name, preds in systems:
        res = {}
        misses, unmatched_all = collections.defaultdict(list), collections.defaultdict(list)
        for split in SPLITS:
            split_docs = [d for d in docs.values() if d["split"] == split]
            if not split_docs:
                continue
            counts = {tag: collections.Counter() for tag in TAGS + ["all"]}
            in_validated = unmatched = 0
            for doc in split_docs:
                doc_id, text = doc["doc_id"], doc["text"]
                p = preds.get(doc_id, [])
                for s, e, tag, tm_start, _ in gold[doc_id]:
                    exact = any(ps == s and pe == e for ps, pe, _, _ in p)
                    exact_tm = exact or any(ps == tm_start and pe == e for ps, pe, _, _ in p)
                    over = any(overlaps((ps, pe), (s, e)) for ps, pe, _, _ in p)
                    for key in (tag, "all"):
                        c = counts[key]
                        c["gold"] += 1
                        c["strict"] += exact
                        c["strict_timeml"] += exact_tm
                        c["relaxed"] += over
                    if not exact_tm and split != "test":
                        hit = [LINE_BREAKS.sub(" ", text[ps:pe]) for ps, pe, _, _ in p
                               if overlaps((ps, pe), (s, e))]
                        misses[split].append((tag, doc_id, "partial: " + " | ".join(hit) if hit else "missed",
                                              context(text, s, e)))
                validated = [sentence_spans[doc_id][v] for v in doc["validated_sentences"]
                             if v in sentence_spans[doc_id]]
                for ps, pe, ptype, pvalue in p:
                    if not any(vs <= ps < ve for vs, ve in validated):
                        continue
                    in_validated += 1
                    if not any(overlaps((ps, pe), g) for g in all_time[doc_id]):
                        unmatched += 1
                        if split != "test":
                            unmatched_all[split].append((doc_id, ptype, pvalue, context(text, ps, pe)))
            res[split] = {
                "docs": len(split_docs),
                "tags": {k: dict(v) for k, v in counts.items()},
                "predicted_in_validated": in_validated,
                "unmatched_in_validated": unmatched,
            }
        results[name] = res
        if args.out:
            slug = {"triangulate-timex": "ours", "HeidelTime 2.2.1": "heideltime"}.get(name, "before")
            with open(f"{args.out}/misses_{slug}.txt", "w", encoding="utf-8") as f:
                for split in misses:
                    for tag, doc_id, how, ctx in sorted(misses[split]):
                        f.write(f"{split}\t{tag}\t{doc_id}\t{how}\t{ctx}\n")
            with open(f"{args.out}/unmatched_{slug}.txt", "w", encoding="utf-8") as f:
                for split in unmatched_all:
                    for doc_id, ptype, pvalue, ctx in unmatched_all[split]:
                        f.write(f"{split}\t{doc_id}\t{ptype}\t{pvalue}\t{ctx}\n")
        results[name]["_unmatched_sample"] = {
            split: rng.sample(items, min(args.sample, len(items))) for split, items in unmatched_all.items()
        }

    if gaps:
        print(f"({gaps} gold mentions have gaps between their tokens; scored on first..last token)")
    print("| split | tag | gold | system | strict R | strict-TimeML R | relaxed R |")
    print("|---|---|---:|---|---:|---:|---:|")
    for split in SPLITS:
        for tag in ["all"] + TAGS:
            for name, _ in systems:
                r = results[name].get(split)
                if r is None:
                    continue
                c = r["tags"][tag]
                if not c.get("gold"):
                    continue
                pct = lambda k: 100.0 * c.get(k, 0) / c["gold"]
                print(f"| {split} | {tag} | {c['gold']} | {name} | {pct('strict'):.1f} | "
                      f"{pct('strict_timeml'):.1f} | {pct('relaxed'):.1f} |")
    print()
    print("| split | system | found in validated sentences | overlapping no gold time mention |")
    print("|---|---|---:|---:|")
    for split in SPLITS:
        for name, _ in systems:
            r = results[name].get(split)
            if r is None:
                continue
            print(f"| {split} | {name} | {r['predicted_in_validated']} | {r['unmatched_in_validated']} |")
    for name, _ in systems:
        for split, items in results[name]["_unmatched_sample"].items():
            print(f"\nsample of {name} expressions overlapping no gold time mention ({split}):")
            for doc_id, ptype, pvalue, ctx in items:
                print(f"  {doc_id} {ptype} {pvalue}: {ctx}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
