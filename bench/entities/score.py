"""Score Triangulate's cross-document entities on ECB+ gold entity mentions, side by side with
the lemma baseline of the data's README, with the shared reference scorer.

Usage: score.py DATA_DIR SPLIT OURS.jsonl [--before BEFORE.jsonl] [--errors N]

DATA_DIR is ../shared/data/ecbplus (its eval_reference.py is imported from there, not copied);
OURS.jsonl is the output of the `entities_dev` example for the same split. See README.md beside
this file for the protocol.
"""
import collections
import json
import re
import sys
import os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from ecbplus_xml import load_tokens  # noqa: E402  (bench/ecbplus_xml.py, shared with the other ECB+ scorer)

# Capitalised words that are not names (sentence openers, pronouns, determiners).
FUNCTION_WORDS = {
    "a", "an", "the", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their",
    "our", "my", "your", "him", "them", "us", "me", "this", "that", "these", "those", "who",
    "whom", "which", "what", "one", "some", "another", "both", "all", "each", "everyone",
    "someone", "anyone", "nobody", "himself", "herself", "itself", "themselves", "mr", "mrs",
    "ms", "dr", "mr.", "mrs.", "ms.", "dr.",
}


def token_offsets(doc, tokens):
    """t_id -> (start, end, sentence, index in sentence) in doc['text'], rebuilt the way
    docs.jsonl joins tokens (single spaces, one sentence a line, the URL sentence 0 of ecbplus
    documents left out); the rebuilt text must equal the record's text."""
    by_sentence = collections.OrderedDict()
    for t_id, sentence, text in tokens:
        by_sentence.setdefault(sentence, []).append((t_id, text))
    kept = [s["sent_id"] for s in doc["sentences"]]
    offsets, pieces, pos = {}, [], 0
    for n, sent_id in enumerate(kept):
        if n:
            pieces.append("\n")
            pos += 1
        for i, (t_id, text) in enumerate(by_sentence.get(sent_id, [])):
            if i:
                pieces.append(" ")
                pos += 1
            start = pos
            pieces.append(text)
            pos += len(text.encode("utf-8"))
            offsets[t_id] = (start, pos, sent_id, i)
    rebuilt = "".join(pieces)
    if rebuilt != doc["text"]:
        raise SystemExit(f"{doc['doc_id']}: tokens from the XML do not rebuild docs.jsonl's text")
    return offsets


# Words before which a mention's head has ended ("the Gulf of Aden between ...", "a mountain in
# New Zealand", "Regina Benjamin , M.D."), and prepositions a gold mention may start with.
HEAD_ENDERS = {
    "of", "in", "on", "at", "near", "between", "along", "from", "for", "with", "by", "who",
    "which", "that", "and", ",", "(", "--", "-LRB-",
}
LEADING_PREPOSITIONS = {"in", "on", "at", "near", "from", "to", "into", "of", "along", "off", "by"}


def head_token(mention):
    """t_id of the mention's head: leading prepositions skipped, the phrase cut before the first
    preposition, conjunction, relative pronoun or comma, then its last word ("'s" skipped)."""
    toks = list(mention["tokens"])
    while len(toks) > 1 and toks[0][1].lower() in LEADING_PREPOSITIONS:
        toks.pop(0)
    for i, (_, word) in enumerate(toks):
        if i and word.lower() in HEAD_ENDERS:
            toks = toks[:i]
            break
    words = [(t, w) for t, w in toks if any(c.isalnum() for c in w) and w.lower() not in ("'s", "s")]
    return (words or toks)[-1][0]


def is_named(mention, offsets, lower_words):
    """A gold mention is a name when its head word is capitalised where the writer chose to
    capitalise it: not a function word, and either not the first word of its sentence or a word
    the document never writes in lower case ("Maurice Cheeks", "the Gulf of Aden", not "a
    Vancouver office" or "the actress")."""
    head = head_token(mention)
    word = dict(mention["tokens"]).get(head, "")
    if not word[:1].isupper() or word.lower() in FUNCTION_WORDS:
        return False
    place = offsets.get(head)
    sentence_initial = place is not None and place[3] == 0
    return not sentence_initial or word.lower() not in lower_words


def main():
    args = sys.argv[1:]
    errors = 0
    if "--errors" in args:
        i = args.index("--errors")
        errors = int(args[i + 1])
        del args[i : i + 2]
    before_path = None
    if "--before" in args:
        i = args.index("--before")
        before_path = args[i + 1]
        del args[i : i + 2]
    data_dir, split, ours_path = args
    sys.path.insert(0, data_dir)
    from eval_reference import conll  # noqa: E402  (the shared reference scorer, not a copy)
    import simplemma

    docs = {}
    for line in open(f"{data_dir}/docs.jsonl", encoding="utf-8"):
        d = json.loads(line)
        if d["split"] == split and int(d["topic"]) <= 35:
            docs[d["doc_id"]] = d
    tokens = load_tokens(data_dir, set(docs))
    offsets = {doc_id: token_offsets(d, tokens.get(doc_id, [])) for doc_id, d in docs.items()}
    token_text = {doc_id: {t: w for t, _, w in ts} for doc_id, ts in tokens.items()}
    lower_words = {
        doc_id: {w for _, _, w in ts if w[:1].islower()} for doc_id, ts in tokens.items()
    }

    gold = []
    for line in open(f"{data_dir}/mentions.jsonl", encoding="utf-8"):
        m = json.loads(line)
        if m["kind"] != "entity" or not m["validated"] or m["doc_id"] not in docs:
            continue
        spans = [offsets[m["doc_id"]].get(t) for t in m["token_ids"]]
        if any(s is None for s in spans):
            raise SystemExit(f"{m['doc_id']} mention {m['m_id']}: token outside the text")
        m["start"] = min(s[0] for s in spans)
        m["end"] = max(s[1] for s in spans)
        m["tokens"] = [(t, token_text[m["doc_id"]][t]) for t in m["token_ids"]]
        head = offsets[m["doc_id"]][head_token(m)]
        m["head_start"], m["head_end"] = head[0], head[1]
        m["key"] = (m["doc_id"], m["m_id"])
        m["named"] = (not m["tag"].startswith("TIME")) and is_named(
            m, offsets[m["doc_id"]], lower_words[m["doc_id"]]
        )
        gold.append(m)

    ours, ner = load_system(ours_path)
    our_cluster = mapper(ours)
    before_cluster = mapper(load_system(before_path)[0]) if before_path else None

    def lemma(text):
        return " ".join(simplemma.lemmatize(w.lower(), lang="en") for w in text.split())

    sets = {
        "named": [m for m in gold if m["named"]],
        "all": gold,
    }
    print(f"\n## ECB+ {split}: {len(docs)} documents, {len(gold)} validated gold entity mentions")
    named = sets["named"]
    covered = sum(
        1 for m in named
        if any(s < m["head_end"] and e > m["head_start"] for s, e in ner.get(m["doc_id"], []))
    )
    linked = sum(1 for m in named if our_cluster(m) is not None)
    print(
        f"named gold mentions: {len(named)} of {len(gold)} "
        f"({len(set(m['cluster_id'] for m in named))} gold clusters); "
        f"head word covered by an NER mention: {covered}; by a resolved entity mention: {linked}"
    )
    rows = []
    for set_name, ms in sets.items():
        key = {m["key"]: m["cluster_id"] for m in ms}
        systems = {
            "all singletons": {m["key"]: m["key"] for m in ms},
            "lower-cased string, gold subtopic": {
                m["key"]: (m["subtopic"], m["text"].lower()) for m in ms
            },
            "lemma, gold subtopic (README baseline)": {
                m["key"]: (m["subtopic"], lemma(m["text"])) for m in ms
            },
        }
        if before_cluster:
            systems["triangulate before the fixes"] = {
                m["key"]: before_cluster(m) or ("unlinked",) + m["key"] for m in ms
            }
        systems["triangulate (analyze per gold subtopic)"] = {
            m["key"]: our_cluster(m) or ("unlinked",) + m["key"] for m in ms
        }
        for system, resp in systems.items():
            for drop in (False, True):
                r = conll(key, resp, drop_singletons=drop)
                rows.append((set_name, system, drop, r))
    print()
    print("| mentions | system | singletons | MUC F1 | B³ F1 | CEAF-e F1 | CoNLL F1 |")
    print("|---|---|---|---:|---:|---:|---:|")
    for set_name, system, drop, r in rows:
        print(
            f"| {set_name} ({len(sets[set_name])}) | {system} | {'without' if drop else 'with'} "
            f"| {100 * r['muc'][2]:.1f} | {100 * r['b3'][2]:.1f} | {100 * r['ceafe'][2]:.1f} "
            f"| **{100 * r['conll_f1']:.1f}** |"
        )

    if errors:
        show_errors(sets["named"], our_cluster, errors)


def load_system(path):
    """Entity mentions (doc_id -> [(start, end, cluster, text, link)]) and NER mentions
    (doc_id -> [(start, end)]) from an `entities_dev` output file."""
    entities = collections.defaultdict(list)
    ner = collections.defaultdict(list)
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r["kind"] == "entity":
            cluster = (r["subtopic"], r["story"], r["entity"])
            entities[r["doc_id"]].append((r["start"], r["end"], cluster, r["text"], r["link"]))
        elif r["kind"] == "ner":
            ner[r["doc_id"]].append((r["start"], r["end"]))
    return entities, ner


def mapper(entities):
    def cluster_of(m):
        """The entity whose mention covers the gold mention's head word (the largest overlap
        with the whole gold mention when several do): "a mountain in New Zealand" is not a
        mention of our "New Zealand", "Maurice Cheeks" is one of our "Maurice Cheeks"."""
        best, best_overlap = None, 0
        for start, end, cluster, _, _ in entities.get(m["doc_id"], []):
            if start >= m["head_end"] or end <= m["head_start"]:
                continue
            overlap = min(end, m["end"]) - max(start, m["start"])
            if overlap > best_overlap:
                best, best_overlap = cluster, overlap
        return best

    return cluster_of


def show_errors(ms, our_cluster, n):
    """The response clusters joining most gold pairs wrongly, and the gold clusters split into
    most pieces, with their mention texts."""
    by_response = collections.defaultdict(list)
    by_gold = collections.defaultdict(list)
    for m in ms:
        c = our_cluster(m)
        if c is not None:
            by_response[c].append(m)
        by_gold[m["cluster_id"]].append((m, c))

    def texts(items):
        counts = collections.Counter(items)
        return ", ".join(f"{t!r}×{k}" if k > 1 else repr(t) for t, k in counts.most_common(12))

    merged = []
    for c, members in by_response.items():
        groups = collections.Counter(m["cluster_id"] for m in members)
        wrong = sum(a * b for i, a in enumerate(groups.values()) for b in list(groups.values())[i + 1 :])
        if wrong:
            merged.append((wrong, c, members, groups))
    merged.sort(key=lambda x: -x[0])
    print(f"\n### Worst merges (our entity spans several gold clusters; wrong pairs)")
    for wrong, c, members, groups in merged[:n]:
        print(f"- {c[0]} {c[2]} ({wrong} wrong pairs):")  # c = (subtopic, story, entity)
        for g, _ in groups.most_common(6):
            print(f"    gold {g[:28]}: {texts(m['text'] for m in members if m['cluster_id'] == g)}")

    split = []
    for g, items in by_gold.items():
        pieces = collections.Counter(c if c is not None else ("unlinked", m["key"]) for m, c in items)
        counts = list(pieces.values())
        missed = sum(a * b for i, a in enumerate(counts) for b in counts[i + 1 :])
        if missed:
            split.append((missed, g, items, pieces))
    split.sort(key=lambda x: -x[0])
    print(f"\n### Worst splits (one gold cluster over several of ours; missed pairs)")
    for missed, g, items, pieces in split[:n]:
        print(f"- gold {g[:28]} in {items[0][0]['subtopic']} ({missed} missed pairs):")
        linked = [(c, k) for c, k in pieces.most_common() if c[0] != "unlinked"]
        for c, _ in linked[:5]:
            print(f"    ours {c[0]} {c[2]}: {texts(m['text'] for m, cc in items if cc == c)}")
        unlinked = [m["text"] for m, cc in items if cc is None]
        if unlinked:
            print(f"    unlinked: {texts(unlinked)}")


if __name__ == "__main__":
    main()
