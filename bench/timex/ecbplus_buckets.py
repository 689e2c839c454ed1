"""Sort triangulate-timex's ECB+ misses (train and dev topics only) into the buckets of the
error analysis in README.md.

Usage: ecbplus_buckets.py MISSES.txt [--list BUCKET]

MISSES.txt is `misses_ours.txt` as ecbplus.sh writes it (split, tag, doc, how, context with the
gold extent in [[...]]). A miss is a gold time mention our output does not match exactly
after dropping a leading preposition (strict-TimeML). The rules below are a first sort, read
in this order; the README's figures are what they print.
"""
import argparse
import collections
import re

BUCKETS = [
    ("repetition", "TIME_REPETITION ordinal or count ('second', 'twice', 'annual'): no TIMEX3 in TimeML"),
    ("tokenization", "ECB+ tokenization split a time ('3 : 33 a . m', 'Oct . 21', '27 / 09 / 2013')"),
    ("game", "a period of a game or season ('the season', 'first half', 'Week 16', 'the seventh')"),
    ("extent", "found, extent differs by convention (article, 'after'/'later', modifier, possessive, appended date)"),
    ("event", "anchored on an event, no calendar value ('the day after', 'the week before', 'that night')"),
    ("other", "other misses (read one by one in README.md)"),
]

TOKENIZATION = re.compile(
    r"\d \: \d|\b[ap] \. m\b|\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec) \.|\d / \d|\d \- \d|\d : \d\d ?[ap]m",
    re.I,
)
GAME = re.compile(
    r"\b(season|seasons|offseason|postseason|half|quarter|week \d+|seventh|round|innings?)\b", re.I
)
EVENT = re.compile(
    r"\b(before|after|following|since)\b|^(that|the) (night|day|moment)\b|\bthird night\b|"
    r"\bstraight day\b|\bpost-war\b|\bsecond day\b|\bentire night\b|^night$|^the night$|\bwhen\b",
    re.I,
)


def bucket(tag, how, gold):
    if tag == "TIME_REPETITION":
        return "repetition"
    if TOKENIZATION.search(gold):
        return "tokenization"
    if GAME.search(gold):
        return "game"
    if how.startswith("partial"):
        return "extent"
    if EVENT.search(gold):
        return "event"
    return "other"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("misses")
    ap.add_argument("--list", help="print the misses of this bucket")
    args = ap.parse_args()
    counts = collections.defaultdict(collections.Counter)
    listed = []
    for line in open(args.misses, encoding="utf-8"):
        split, tag, doc_id, how, context = line.rstrip("\n").split("\t")
        m = re.search(r"\[\[(.*?)\]\]", context)
        gold = m.group(1) if m else ""
        b = bucket(tag, how, gold)
        counts[split][b] += 1
        if b == args.list:
            listed.append(f"{split}\t{tag}\t{doc_id}\t{how}\t{gold}")
    splits = [s for s in ("train", "dev") if s in counts]
    print("| bucket | " + " | ".join(splits) + " |")
    print("|---|" + "---:|" * len(splits))
    for name, what in BUCKETS:
        print(f"| {name}: {what} | " + " | ".join(str(counts[s][name]) for s in splits) + " |")
    print("| all misses | " + " | ".join(str(sum(counts[s].values())) for s in splits) + " |")
    for row in listed:
        print(row)


if __name__ == "__main__":
    main()
