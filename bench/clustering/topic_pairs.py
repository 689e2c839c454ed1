"""False and missed document pairs per ECB+ topic for one clustering, largest first.

    python3 bench/clustering/topic_pairs.py ../shared/data/news-clustering-dev/gold.tsv PRED.tsv

PRED.tsv is `id<TAB>story` (what run.sh and product_gap.sh write under bench/out/clustering/).
A false pair is two documents of different gold stories put in one story; a missed pair is two
documents of one gold story put apart. Gold stories are the two events of a topic, so the
topic of a false pair says which events were merged.
"""
import itertools
import sys
from collections import Counter


def rows(path, width, skip_header=False):
    """The tab-separated rows of `path`, each checked to have `width` fields."""
    with open(path) as f:
        for number, line in enumerate(f, start=1):
            if (skip_header and number == 1) or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != width:
                sys.exit(f"{path}: line {number}: expected {width} tab-separated fields")
            yield fields


def main(gold_path, pred_path):
    gold = {row[0]: (row[1], row[2]) for row in rows(gold_path, 3, skip_header=True)}
    pred = {row[0]: row[1] for row in rows(pred_path, 2)}
    false, missed = Counter(), Counter()
    for a, b in itertools.combinations(sorted(d for d in pred if d in gold), 2):
        same_gold = gold[a][0] == gold[b][0]
        same_pred = pred[a] == pred[b]
        if same_pred and not same_gold:
            false[gold[a][1]] += 1
        elif same_gold and not same_pred:
            missed[gold[a][1]] += 1
    print("false pairs by topic:", ", ".join(f"{t}: {n}" for t, n in false.most_common()))
    print("missed pairs by topic:", ", ".join(f"{t}: {n}" for t, n in missed.most_common()))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
