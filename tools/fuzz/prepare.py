#!/usr/bin/env python3
"""Fills the fuzzers' run corpora: fuzz/corpus-run/TARGET.

    prepare.py ROOT SHARED_DATA RUN_DIR TARGET...

Each run corpus gets the committed seeds (fuzz/seeds/TARGET), the crash
reproducers (fuzz/regressions/TARGET), the repository's own corpus/ and
tests/fixtures/ files of the target's format and, when SHARED_DATA exists, a
few hundred samples of it. The run corpora are git-ignored: samples of the
shared data are copied here at run time and never committed.
"""

import gzip
import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT, SHARED, RUN = (Path(a) for a in sys.argv[1:4])
TARGETS = sys.argv[4:]
# How many samples of the shared data each target gets.
SAMPLES = 300
rng = random.Random(12)

# The `file` target's first byte picks the format (see src/fuzzing.rs):
# index into [text, json, json_lines, html, feed, sgml]; 128 and up gzip.
FILE_PICK = {"text": 0, "json": 1, "json_lines": 2, "html": 3, "feed": 4, "sgml": 5}


def put(target, data):
    """Adds `data` to the run corpus of `target`, named by its hash."""
    if target not in TARGETS or not data:
        return
    folder = RUN / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def put_file(kind, data, gz=False):
    """Adds `data` to the `file` target as a file of format `kind`."""
    pick = FILE_PICK[kind]
    if gz:
        pick += 128 + (6 - 128 % 6) % 6  # keeps `pick % 6`
        data = gzip.compress(data, mtime=0)
    put("file", bytes([pick]) + data)


def files(folder, pattern="*"):
    folder = ROOT / folder
    return sorted(p for p in folder.rglob(pattern) if p.is_file()) if folder.is_dir() else []


def sample(paths, n=SAMPLES):
    paths = list(paths)
    return paths if len(paths) <= n else rng.sample(paths, n)


def read(path):
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


# Committed seeds and crash reproducers.
for target in TARGETS:
    for kind in ("seeds", "regressions"):
        for path in files(f"fuzz/{kind}/{target}"):
            put(target, path.read_bytes())

# The repository's own corpus and fixtures.
by_format = {
    ".txt": "text",
    ".json": "json",
    ".jsonl": "json_lines",
    ".html": "html",
    ".rss": "feed",
    ".sgm": "sgml",
}
for path in files("corpus") + files("tests/fixtures"):
    kind = by_format.get(path.suffix)
    if kind is None:
        continue
    data = path.read_bytes()
    put(kind, data)
    if kind == "html":
        put("html_date", data)
    put_file(kind, data)
    put_file(kind, data, gz=True)
    for line in data.decode("utf-8", "replace").splitlines()[:20]:
        put("query", " ".join(line.split()[:4]).encode())

if not SHARED.is_dir():
    print(f"prepare: no shared data at {SHARED}; committed seeds only")
    sys.exit(0)

# bbc/: plain text.
bbc = sample(p for p in (SHARED / "bbc").rglob("*.txt"))
for path in bbc:
    data = path.read_bytes()
    put("text", data)
    title = data.split(b"\n", 1)[0]
    put("query", title[:80])
for path in bbc[:40]:
    put_file("text", path.read_bytes(), gz=rng.random() < 0.5)

# allsides/: JSON Lines (gunzip some lines), single objects and arrays.
lines = []
for path in sorted((SHARED / "allsides").glob("*.jsonl.gz"))[:2]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= 400:
                break
            lines.append(line)
rng.shuffle(lines)
for i, line in enumerate(lines[:SAMPLES]):
    put("json", line.encode())
    record = json.loads(line)
    date = record.get("date")
    if isinstance(date, str):
        put("dates", date.encode())
for i in range(0, min(len(lines), 5 * 60), 5):
    chunk = lines[i : i + 5]
    put("json_lines", "".join(chunk).encode())
    put("json", ("[" + ",".join(chunk) + "]").encode())
    put_file("json_lines", "".join(chunk).encode(), gz=True)

# article-extraction/ and dates/: HTML pages.
pages = list((SHARED / "article-extraction" / "html").glob("*.html*"))
pages += sample((SHARED / "dates" / "html").glob("*.html*"), SAMPLES)
for path in sample(pages):
    try:
        data = read(path)
    except OSError:
        continue
    put("html", data[:65536])
    put("html_date", data[:65536])
for path in sample(pages, 20):
    put_file("html", read(path)[:32000], gz=True)
labels = SHARED / "dates" / "labels.json"
if labels.is_file():
    for entry in list(json.loads(labels.read_text()).values())[:SAMPLES]:
        if isinstance(entry, dict):
            for value in entry.values():
                if isinstance(value, str):
                    put("dates", value.encode())

# reuters21578/: SGML, one to three articles per input, and its dates.
chunks = []
for path in sorted((SHARED / "reuters21578").glob("reut2-*.sgm"))[:3]:
    text = path.read_bytes()
    docs = re.findall(rb"<REUTERS.*?</REUTERS>", text, re.S)
    for i in range(0, len(docs), 3):
        chunks.append(b"\n".join(docs[i : i + rng.randint(1, 3)]))
for chunk in sample(chunks):
    put("sgml", chunk)
    for date in re.findall(rb"<DATE>(.*?)</DATE>", chunk)[:1]:
        put("dates", date)
    for line in re.findall(rb"<DATELINE>(.*?)</DATELINE>", chunk)[:1]:
        put("dates", line.strip())
for chunk in sample(chunks, 20):
    put_file("sgml", chunk, gz=True)

for target in TARGETS:
    count = len(list((RUN / target).glob("*"))) if (RUN / target).is_dir() else 0
    print(f"prepare: {target}: {count} inputs")
