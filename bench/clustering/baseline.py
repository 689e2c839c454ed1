"""TF-IDF baselines of the news-clustering-dev README, run side by side with Triangulate.

Usage: python baseline.py documents.jsonl out_dir
Writes out_dir/agglomerative.tsv (average link, cosine distance < 0.85) and
out_dir/online_centroid.tsv (single pass in stream order, cosine >= 0.20), and prints the
wall time of each. Features: TF-IDF, sublinear tf, English stop words (scikit-learn).
"""
import json
import sys
import time

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    path, out_dir = sys.argv[1], sys.argv[2]
    docs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    ids = [d["id"] for d in docs]
    texts = [d["text"] for d in docs]

    t0 = time.perf_counter()
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    agg = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.85
    ).fit_predict(x.toarray())
    t_agg = time.perf_counter() - t0
    with open(f"{out_dir}/agglomerative.tsv", "w") as f:
        for i, label in zip(ids, agg):
            f.write(f"{i}\t{label}\n")

    t0 = time.perf_counter()
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    centroids, labels = [], []
    for row in range(x.shape[0]):
        v = x[row].toarray().ravel()
        best, best_sim = -1, 0.0
        for c, (total, n) in enumerate(centroids):
            norm = np.linalg.norm(total)
            sim = float(v @ total / norm) if norm else 0.0
            if sim > best_sim:
                best, best_sim = c, sim
        if best >= 0 and best_sim >= 0.20:
            total, n = centroids[best]
            centroids[best] = (total + v, n + 1)
            labels.append(best)
        else:
            centroids.append((v.copy(), 1))
            labels.append(len(centroids) - 1)
    t_online = time.perf_counter() - t0
    with open(f"{out_dir}/online_centroid.tsv", "w") as f:
        for i, label in zip(ids, labels):
            f.write(f"{i}\t{label}\n")
    print(f"time agglomerative={t_agg:.3f}s online_centroid={t_online:.3f}s")


if __name__ == "__main__":
    main()
