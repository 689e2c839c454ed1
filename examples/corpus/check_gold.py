#!/usr/bin/env python3
"""Checks examples/corpus/gold.json against the files in examples/corpus/articles/.

Usage: python3 examples/corpus/check_gold.py [--dump]

It verifies that every substring the gold cites (quote, claim and contradiction evidence, timex
surface and context, entity aliases, body includes/excludes) occurs verbatim in a run of text
that stays contiguous after cleaning (no line break and no markup tag inside it), that every id the
gold refers to exists, and that the story grouping covers each document exactly once. It exits
non-zero on the first run with any error. `--dump` prints those text runs per document instead.

The text runs are a conservative stand-in for Triangulate's cleaned text: markup is stripped and
entities decoded, but no line is joined, so a substring found here is found in any correct cleaning.
Standard library only; no network.
"""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLES = os.path.join(HERE, "articles")
NS = {"content": "http://purl.org/rss/1.0/modules/content/", "atom": "http://www.w3.org/2005/Atom"}


class _TextRuns(HTMLParser):
    """Collects text nodes outside script/style, split at line breaks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.runs += [line for line in data.split("\n") if line.strip()]


def html_runs(markup):
    parser = _TextRuns()
    parser.feed(markup)
    parser.close()
    return parser.runs


def line_runs(text):
    return [line for line in text.split("\n") if line.strip()]


# Markdown syntax that separates runs: link targets, emphasis, heading and list markers.
_MD_MARKUP = re.compile(r"\]\([^)]*\)|\*\*|\*|\[|^#+ |^- ", re.M)


def markdown_runs(text):
    runs = []
    for line in text.split("\n"):
        runs += [part for part in _MD_MARKUP.split(line) if part.strip()]
    return runs


def declared_charset(raw):
    match = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:4096])
    return match.group(1).decode("ascii") if match else "utf-8"


def warc_html_payloads(raw):
    """HTML payloads of the WARC's response records, in order (Content-Length framed)."""
    payloads, pos = [], 0
    while pos < len(raw):
        head_end = raw.index(b"\r\n\r\n", pos)
        head = raw[pos:head_end].decode("ascii")
        length = int(re.search(r"(?mi)^Content-Length:\s*(\d+)", head).group(1))
        block = raw[head_end + 4: head_end + 4 + length]
        if re.search(r"(?mi)^WARC-Type:\s*response", head):
            http_end = block.index(b"\r\n\r\n")
            http_head = block[:http_end].decode("ascii")
            payload = block[http_end + 4:]
            http_length = int(re.search(r"(?mi)^Content-Length:\s*(\d+)", http_head).group(1))
            if http_length != len(payload):
                raise ValueError(f"HTTP Content-Length {http_length} != payload {len(payload)}")
            payloads.append(payload.decode(declared_charset(http_head.encode("ascii"))))
        pos = head_end + 4 + length
        if raw[pos: pos + 4] != b"\r\n\r\n":
            raise ValueError("WARC record not followed by CRLF CRLF")
        pos += 4
    return payloads


def records(name):
    """(record id or None, runs, decoded source) for each article record in one file."""
    raw = open(os.path.join(ARTICLES, name), "rb").read()
    if name.endswith(".txt"):
        text = raw.decode("utf-8")
        return [(None, line_runs(text), text)]
    if name.endswith(".md"):
        text = raw.decode("utf-8")
        return [(None, markdown_runs(text), text)]
    if name.endswith(".html"):
        text = raw.decode(declared_charset(raw))
        return [(None, html_runs(text), text)]
    if name.endswith(".rss"):
        out = []
        for item in ET.fromstring(raw).iter("item"):
            body = item.find("content:encoded", NS).text
            out.append((item.findtext("guid"), [item.findtext("title")] + html_runs(body), body))
        return out
    if name.endswith(".atom"):
        out = []
        for entry in ET.fromstring(raw).findall("atom:entry", NS):
            body = entry.find("atom:content", NS).text
            title = entry.findtext("atom:title", namespaces=NS)
            out.append((entry.findtext("atom:id", namespaces=NS), [title] + html_runs(body), body))
        return out
    if name.endswith(".jsonl"):
        out = []
        for line in raw.decode("utf-8").splitlines():
            rec = json.loads(line)
            out.append((rec["url"], [rec["title"]] + line_runs(rec["text"]), rec["text"]))
        return out
    if name.endswith(".warc"):
        ids = re.findall(rb"(?m)^WARC-Record-ID:\s*(\S+)\r?\nWARC-Warcinfo-ID", raw)
        payloads = warc_html_payloads(raw)
        return [(ids[i].decode() if i < len(ids) else None, html_runs(p), p) for i, p in enumerate(payloads)]
    raise ValueError(f"unknown format: {name}")


def main():
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    errors, warnings = [], []
    runs, sources = {}, {}
    for doc in gold["documents"]:
        recs = records(os.path.relpath(os.path.join(HERE, doc["file"]), ARTICLES))
        index = doc["record"]["index"] if doc["record"] else 0
        rec_id, doc_runs, source = recs[index]
        if doc["record"] and doc["record"]["id"] != rec_id:
            errors.append(f"{doc['id']}: record id {doc['record']['id']!r} != {rec_id!r}")
        runs[doc["id"]], sources[doc["id"]] = doc_runs, source

    if "--dump" in sys.argv:
        for doc_id, doc_runs in runs.items():
            print(f"===== {doc_id}")
            for run in doc_runs:
                print("  |", run)
        return 0

    def count(doc_id, text):
        return sum(run.count(text) for run in runs[doc_id])

    def need(doc_id, text, where, unique=False):
        if doc_id not in runs:
            errors.append(f"{where}: unknown document {doc_id!r}")
            return
        n = count(doc_id, text)
        if n == 0:
            errors.append(f"{where}: {text!r} not found in {doc_id}")
        elif unique and n > 1:
            warnings.append(f"{where}: {text!r} occurs {n} times in {doc_id}")

    def walk(node, where):
        if isinstance(node, dict):
            if "document" in node and "text" in node:
                need(node["document"], node["text"], where, unique="context" not in node)
                if "context" in node:
                    need(node["document"], node["context"], where, unique=True)
                    if node["text"] not in node["context"]:
                        errors.append(f"{where}: {node['text']!r} not inside its context")
            if "documents" in node and "text" in node:
                for doc_id in node["documents"]:
                    need(doc_id, node["text"], where)
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    for section in ("entities", "timexes", "quotes", "claims", "contradictions", "not_conflicts"):
        walk(gold[section], section)

    doc_ids = {d["id"] for d in gold["documents"]}
    for doc in gold["documents"]:
        where = f"documents.{doc['id']}"
        for text in doc["body_includes"]:
            need(doc["id"], text, where + ".body_includes")
        for item in doc["body_excludes"] + doc["either_way"]:
            need(doc["id"], item["text"], where)
        for join in doc.get("joins", []):
            if join["source"] not in sources[doc["id"]]:
                errors.append(f"{where}.joins: {join['source']!r} not in the source")

    entity_ids = {e["id"] for e in gold["entities"]}
    for pair in gold["must_not_merge"]:
        for key in ("a", "b"):
            if pair[key] not in entity_ids:
                errors.append(f"must_not_merge: unknown entity {pair[key]!r}")
    for item in gold["must_merge"]:
        entity = next((e for e in gold["entities"] if e["id"] == item["entity"]), None)
        if entity is None:
            errors.append(f"must_merge: unknown entity {item['entity']!r}")
            continue
        alias_texts = {a["text"] for a in entity["aliases"]}
        for variant in item["variants"]:
            if not any(variant in text for text in alias_texts):
                errors.append(f"must_merge: {variant!r} is not an alias of {item['entity']}")
    quote_ids = {q["id"] for q in gold["quotes"]}
    for quote in gold["quotes"]:
        if quote["speaker"] is not None and quote["speaker"] not in entity_ids:
            errors.append(f"quotes.{quote['id']}: unknown speaker {quote['speaker']!r}")
    for group in gold["quote_variants"]:
        for qid in group["quotes"]:
            if qid not in quote_ids:
                errors.append(f"quote_variants.{group['utterance']}: unknown quote {qid!r}")
            elif next(q for q in gold["quotes"] if q["id"] == qid)["utterance"] != group["utterance"]:
                errors.append(f"quote_variants.{group['utterance']}: {qid} has another utterance id")
    grouped = [d for story in gold["stories"] for d in story["documents"]]
    if sorted(grouped) != sorted(doc_ids):
        errors.append("stories: every document must be in exactly one story")
    for doc in gold["documents"]:
        story = next(s["id"] for s in gold["stories"] if doc["id"] in s["documents"])
        if story != doc["story"]:
            errors.append(f"documents.{doc['id']}: story {doc['story']!r} but grouped in {story!r}")
    source_names = {s["source"] for s in gold["independent_sources"]}
    for claim in gold["claims"]:
        for name in claim["sources"]:
            if name not in source_names:
                errors.append(f"claims.{claim['id']}: unknown source {name!r}")
    claim_ids = {c["id"] for c in gold["claims"]}
    for event in gold["timeline"]:
        for cid in event.get("claims", []):
            if cid not in claim_ids:
                errors.append(f"timeline {event['date']}: unknown claim {cid!r}")

    for warning in warnings:
        print("warning:", warning)
    for error in errors:
        print("error:", error)
    print(f"{len(errors)} errors, {len(warnings)} warnings; "
          f"{len(gold['documents'])} documents, {len(gold['entities'])} entities, "
          f"{len(gold['timexes'])} timexes, {len(gold['quotes'])} quotes, {len(gold['claims'])} claims")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
