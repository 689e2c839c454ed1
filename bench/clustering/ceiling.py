"""How far can the clusterer's kind of features go on the dev set, whatever the algorithm?

Offline analysis (all documents at once, no stream), on an approximation of the features of
`triangulate_fusion::StoryClusterer`: content words (lower-cased, stop words dropped, cut to
6 characters as a crude stem) and names (capitalised words the document never writes in lower
case, plus numbers), TF-IDF with sublinear tf, document similarity = word cosine x name cosine
(the clusterer's product, without its name-coverage factor). Reports:

- how often a document's nearest neighbour is in its own story, per topic (each ECB+ topic
  holds two same-kind events);
- batch agglomerative clustering (average, complete, weighted link) over that similarity at
  several cut heights, scored with the shared scorer: a ceiling for one-pass online methods
  with the same features.

- given a clusterer's output (`id<TAB>story`, e.g. bench/out/clustering/triangulate_capitalised.tsv
  after run.sh), a split check: in each story of six or more documents, groups joined by each
  document's nearest neighbour are merged by average link down to two, and the story is split
  when the two groups' mean cross similarity is below r x their mean within-group similarity.

Usage: .venv-cluster/bin/python bench/clustering/ceiling.py ../shared/data/news-clustering-dev [pred.tsv]
(needs numpy and scipy; bench/clustering/run.sh creates .venv-cluster with them).
"""

import collections
import json
import math
import os
import re
import subprocess
import sys
import tempfile

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

WORD = re.compile(r"\w+")
STOP = set(
    "the a an of to in and or for on at by with from is are was were be been has have had it "
    "its that this as but not he she they we you i his her their our said says will would can "
    "could".split()
)


def features(text):
    tokens = WORD.findall(text)
    lower = {t.lower() for t in tokens if t[0].islower()}
    words, names = collections.Counter(), collections.Counter()
    for t in tokens:
        folded = t.lower()
        if t.isdigit():
            names["d:" + t] += 1
            continue
        if folded in STOP or len(folded) < 2:
            continue
        words[folded[:6]] += 1
        if t[0].isupper() and folded not in lower:
            names["n:" + folded] += 1
    return words, names


def tfidf(counts):
    df = collections.Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts)
    out = []
    for c in counts:
        v = {k: (1 + math.log(x)) * (math.log((n + 1) / (df[k] + 1)) + 1) for k, x in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({k: x / norm for k, x in v.items()})
    return out


def cosine(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(k, 0.0) for k, x in a.items())


def score(gold_path, ids, labels, scorer):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as f:
        for i, label in zip(ids, labels):
            f.write(f"{i}\t{label}\n")
        path = f.name
    try:
        out = subprocess.run(
            [sys.executable, scorer, gold_path, path], capture_output=True, text=True, check=True
        ).stdout
    finally:
        os.unlink(path)
    pairwise = next(line for line in out.splitlines() if line.startswith("pairwise"))
    clusters = re.search(r"pred_clusters=(\d+)", out)
    return " ".join(pairwise.split()[1:]), clusters.group(1) if clusters else "?"


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/news-clustering-dev"
    scorer = os.path.join(os.path.dirname(os.path.abspath(data)), "..", "tools", "score_clustering.py")
    docs = [json.loads(line) for line in open(os.path.join(data, "documents.jsonl")) if line.strip()]
    gold = {}
    for line in open(os.path.join(data, "gold.tsv")):
        parts = line.rstrip("\n").split("\t")
        if parts[0] != "id":
            gold[parts[0]] = parts[1]
    ids = [d["id"] for d in docs]
    feats = [features(d["text"]) for d in docs]
    words = tfidf([f[0] for f in feats])
    names = tfidf([f[1] for f in feats])
    n = len(ids)
    sim = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            sim[i, j] = sim[j, i] = cosine(words[i], words[j]) * cosine(names[i], names[j])

    by_topic = collections.defaultdict(list)
    for i, doc_id in enumerate(ids):
        by_topic[gold[doc_id].split("_")[0]].append(i)
    right = 0
    print("topic  docs  nearest neighbour in own story")
    for topic, members in sorted(by_topic.items(), key=lambda t: int(t[0])):
        ok = 0
        for i in members:
            j = max((k for k in members if k != i), key=lambda k: sim[i, k])
            ok += gold[ids[j]] == gold[ids[i]]
        right += ok
        print(f"{topic:>5}  {len(members):4}  {ok / len(members):.2f}")
    print(f"all    {n:4}  {right / n:.3f}")

    print("\nbatch agglomerative over the same similarity (pairwise P R F1, clusters)")
    condensed = squareform(1.0 - sim, checks=False)
    for method in ["average", "complete", "weighted"]:
        tree = linkage(condensed, method=method)
        for cut in [0.93, 0.95, 0.97, 0.975, 0.98, 0.985, 0.99]:
            labels = fcluster(tree, cut, criterion="distance")
            pairwise, clusters = score(os.path.join(data, "gold.tsv"), ids, labels, scorer)
            print(f"{method:9} cut {cut:.3f}  {pairwise}  clusters={clusters}")

    if len(sys.argv) > 2:
        split_check(sim, ids, sys.argv[2], os.path.join(data, "gold.tsv"), scorer)


def mean_pair(sim, a, b):
    return sum(sim[i, j] for i in a for j in b) / (len(a) * len(b))


def mean_within(sim, g):
    pairs = [sim[i, j] for n, i in enumerate(g) for j in g[n + 1 :]]
    return sum(pairs) / len(pairs) if pairs else 0.0


def two_groups(sim, members):
    """Nearest-neighbour groups inside a story, merged by average link down to two."""
    parent = {m: m for m in members}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a in members:
        b = max((m for m in members if m != a), key=lambda m: sim[a, m])
        parent[find(a)] = find(b)
    groups = collections.defaultdict(list)
    for m in members:
        groups[find(m)].append(m)
    groups = list(groups.values())
    while len(groups) > 2:
        _, i, j = max(
            (mean_pair(sim, groups[i], groups[j]), i, j)
            for i in range(len(groups))
            for j in range(i + 1, len(groups))
        )
        groups[i] = groups[i] + groups[j]
        del groups[j]
    return groups


def split_check(sim, ids, pred_path, gold_path, scorer):
    pred = dict(line.rstrip("\n").split("\t")[:2] for line in open(pred_path) if line.strip())
    index = {doc_id: i for i, doc_id in enumerate(ids)}
    stories = collections.defaultdict(list)
    for doc_id in ids:
        stories[pred[doc_id]].append(index[doc_id])
    print(f"\nsplit check on {pred_path} (pairwise P R F1, clusters)")
    for ratio in [0.3, 0.4, 0.5, 0.6]:
        labels = {}
        for story, members in stories.items():
            parts = [members]
            if len(members) >= 6:
                groups = two_groups(sim, members)
                if len(groups) == 2 and min(len(g) for g in groups) >= 3:
                    cross = mean_pair(sim, groups[0], groups[1])
                    within = (mean_within(sim, groups[0]) + mean_within(sim, groups[1])) / 2
                    if cross < ratio * within:
                        parts = groups
            for n, part in enumerate(parts):
                for i in part:
                    labels[ids[i]] = f"{story}.{n}"
        pairwise, clusters = score(gold_path, ids, [labels[i] for i in ids], scorer)
        print(f"r = {ratio:.1f}  {pairwise}  clusters={clusters}")


if __name__ == "__main__":
    main()
