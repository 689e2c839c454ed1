"""Scores and times spaCy's rule-based English tokenizer (spacy.blank("en"), plus the
rule-based sentencizer for the second timing) on the text written by the conll_roundtrip
example. Timing is per document (the text split at blank lines), spaCy's normal use.

usage: spacy_tokens.py OUT_DIR
"""
import sys
import time

import spacy


def main() -> None:
    out_dir = sys.argv[1]
    with open(f"{out_dir}/corpus.txt", encoding="utf-8") as f:
        text = f.read()
    gold = set()
    with open(f"{out_dir}/gold_spans.tsv", encoding="utf-8") as f:
        for line in f:
            _, _, cs, ce = line.split("\t")
            gold.add((int(cs), int(ce)))

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = len(text) + 1
    doc = nlp.tokenizer(text)
    predicted = {(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space}
    correct = len(predicted & gold)
    p = correct / max(len(predicted), 1)
    r = correct / max(len(gold), 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0

    # Timing per news document (blank-line separated), the way spaCy is normally fed.
    docs = text.split("\n\n")
    best_tokenize = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for d in docs:
            nlp.tokenizer(d)
        best_tokenize = min(best_tokenize, time.perf_counter() - start)

    best = float("inf")
    n_tokens = 0
    for _ in range(3):
        start = time.perf_counter()
        parsed = list(nlp.pipe(docs))
        secs = time.perf_counter() - start
        n_tokens = sum(1 for doc in parsed for t in doc if not t.is_space)
        best = min(best, secs)
    print(
        f"spacy-blank-en\tgold_tokens={len(gold)}\tpredicted={len(predicted)}\tP={p:.4f}\tR={r:.4f}"
        f"\tF1={f1:.4f}\ttokenize_tokens_per_s={n_tokens / best_tokenize:.0f}\ttokens_per_s={n_tokens / best:.0f}\tMB_per_s={len(text.encode()) / best / 1e6:.1f}"
    )


if __name__ == "__main__":
    main()
