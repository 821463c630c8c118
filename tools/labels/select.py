#!/usr/bin/env python3
"""Deterministic selection of 60 AllSides articles for hand labelling (people/places).

Procedure (no randomness; re-running gives the same list):
  * Shards: /work/shared/data/allsides/allsides-*.jsonl.gz, in sorted file-name order.
  * Candidates: in each shard, lines 1, 1+STEP, 1+2*STEP, ... (1-based), STEP = 37.
  * Shards are visited round-robin: candidate k of shard 0, candidate k of shard 1, ...,
    candidate k of shard 7, then candidate k+1 of shard 0, and so on.
  * A candidate is kept when ALL hold:
      - title is non-empty (after strip);
      - content_original has 150..900 whitespace-separated words;
      - the date gives a year 2012..2020 (ISO 'YYYY-MM-DD' or US 'M/D/YY[YY]'; anything else
        such as '', '0001-11-30', '2050-...' is skipped);
      - quotas not yet full: <= 8 per shard, <= 8 per year, <= 2 per source;
      - title not already selected (exact duplicate guard).
  * Stop at 60 articles.
Output: selection.jsonl (shard, line, id, url, source, date, title_words, body_words) - no text.
Usage: python3 select.py [--out selection.jsonl]
"""
import glob, gzip, json, os, re, sys, collections

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data", "allsides")
STEP = 37
TARGET = 60
MAX_PER_SHARD, MAX_PER_YEAR, MAX_PER_SOURCE = 8, 8, 2
MIN_WORDS, MAX_WORDS = 150, 900


def year_of(date):
    date = (date or "").strip()
    m = re.match(r"^(\d{4})-\d{2}-\d{2}", date)
    if m:
        return int(m.group(1))
    m = re.match(r"^\d{1,2}/\d{1,2}/(\d{2}|\d{4})$", date)
    if m:
        y = int(m.group(1))
        return y + 2000 if y < 100 else y
    return None


def main():
    out = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else \
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "selection.jsonl")
    shards = sorted(glob.glob(os.path.join(DATA, "allsides-*.jsonl.gz")))
    lines = {s: gzip.open(s, "rt", encoding="utf-8").read().splitlines() for s in shards}
    per_shard, per_year, per_source = collections.Counter(), collections.Counter(), collections.Counter()
    titles, chosen = set(), []
    k = 0
    while len(chosen) < TARGET:
        if all(k * STEP >= len(lines[s]) for s in shards):
            break
        for s in shards:
            idx = k * STEP
            if idx >= len(lines[s]) or len(chosen) >= TARGET:
                continue
            d = json.loads(lines[s][idx])
            title = (d.get("title") or "").strip()
            words = len((d.get("content_original") or "").split())
            y = year_of(d.get("date"))
            name = os.path.basename(s)
            if not title or not (MIN_WORDS <= words <= MAX_WORDS) or y is None or not (2012 <= y <= 2020):
                continue
            if per_shard[name] >= MAX_PER_SHARD or per_year[y] >= MAX_PER_YEAR \
                    or per_source[d["source"]] >= MAX_PER_SOURCE or title in titles:
                continue
            per_shard[name] += 1; per_year[y] += 1; per_source[d["source"]] += 1; titles.add(title)
            chosen.append({"shard": name, "line": idx + 1, "id": d["ID"], "url": d["url"],
                           "source": d["source"], "date": d["date"],
                           "title_words": len(title.split()), "body_words": words})
        k += 1
    with open(out, "w") as f:
        for c in chosen:
            f.write(json.dumps(c) + "\n")
    print(f"{len(chosen)} selected -> {out}", file=sys.stderr)
    print("per shard:", dict(sorted(per_shard.items())), file=sys.stderr)
    print("per year:", dict(sorted(per_year.items())), file=sys.stderr)
    print("sources:", len(per_source), file=sys.stderr)


if __name__ == "__main__":
    main()
