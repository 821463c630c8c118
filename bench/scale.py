#!/usr/bin/env python3
"""How newsdex's costs grow with the archive (issue 11).

    python3 bench/scale.py [N ...] [--work /tmp/newsdex-scale] [--bin target/release/newsdex] [--runs 15]

For each N (default 100000 300000 1000000): generates the corpus with
bench/gen_corpus.py (once, kept in WORK), ingests it into a fresh index and
measures, appending one JSON object per N to WORK/scale.jsonl:

  * ingest: wall, CPU (user + sys) and peak RSS (GNU time), index size;
  * whole-process search (process start to exit, as a user waits) over the
    peer harness's queries (../shared/bench/queries.tsv, the tantivy column):
    p50 and p99 over RUNS runs of each query, interleaved;
  * `people`, `places`, `people NAME` (the most named person), `people
    --query QUERY` (facets under a query), `stats`: median of RUNS;
  * the no-change re-ingest: wall and CPU.

Prints a markdown table of every N in scale.jsonl. Timings are whole
processes on a shared 2-core machine: read them as ratios within one run.
Standard library only; `bench/plot_scale.py` draws the figure.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def queries():
    path = os.path.join(ROOT, "..", "shared", "bench", "queries.tsv")
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            text = cols[1]
            if "people:" in text:  # the person query is a flag for newsdex
                continue
            out.append((cols[0], text))
    return out


def timed(cmd, ok=(0, 1)):
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in ok:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr.decode()[-2000:]}")
    return elapsed, done.stdout


def gnu_time(cmd):
    full = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", "/tmp/scale.time"] + cmd
    done = subprocess.run(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stderr.decode()[-2000:]}")
    wall, user, sys_, rss = open("/tmp/scale.time").read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) // 1024, done.stdout


def du_mb(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return round(total / 2**20)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure(n, args):
    corpus = os.path.join(args.work, f"corpus-{n}")
    index = os.path.join(args.work, f"index-{n}")
    if not os.path.isdir(corpus):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), str(n), corpus], check=True)
    subprocess.run(["rm", "-rf", index], check=True)
    nx = [args.bin, "--index", index]
    wall, cpu, rss, out = gnu_time(nx + ["ingest", "--no-progress", "--json", corpus])
    summary = json.loads(out)
    row = {
        "articles": n,
        "files": summary.get("files_seen"),
        "indexed": summary.get("added"),
        "ingest_wall_s": wall,
        "ingest_cpu_s": round(cpu, 1),
        "ingest_rss_mb": rss,
        "index_mb": du_mb(index),
        "corpus_mb": du_mb(corpus),
    }
    qs = queries()
    times = {q: [] for q, _ in qs}
    for _ in range(args.runs):
        for q, text in qs:
            times[q].append(timed(nx + ["search", text])[0])
    every = [t for ts in times.values() for t in ts]
    row["search_p50_ms"] = round(1000 * statistics.median(every), 1)
    row["search_p99_ms"] = round(1000 * pct(every, 99), 1)
    row["search_p50_by_query_ms"] = {q: round(1000 * statistics.median(ts), 1) for q, ts in times.items()}
    top = json.loads(timed(nx + ["people", "--json", "--limit", "1"])[1].decode().splitlines()[0])["name"]
    row["top_person"] = top
    jobs = {
        "people_ms": nx + ["people", "--limit", "20"],
        "places_ms": nx + ["places", "--limit", "20"],
        "people_name_ms": nx + ["people", top, "--limit", "20"],
        "facets_ms": nx + ["people", "--query", "sanctions", "--limit", "10"],
        "stats_ms": nx + ["stats"],
    }
    for key, cmd in jobs.items():
        row[key] = round(1000 * statistics.median(timed(cmd)[0] for _ in range(args.runs)), 1)
    wall, cpu, rss, _ = gnu_time(nx + ["ingest", "--no-progress", "--json", corpus])
    row["reingest_wall_s"] = wall
    row["reingest_cpu_s"] = round(cpu, 1)
    return row


COLUMNS = [
    ("articles", "articles"), ("files", "files"), ("ingest_wall_s", "ingest wall s"),
    ("ingest_cpu_s", "ingest CPU s"), ("ingest_rss_mb", "peak RSS MB"), ("index_mb", "index MB"),
    ("corpus_mb", "corpus MB"), ("search_p50_ms", "search p50 ms"), ("search_p99_ms", "search p99 ms"),
    ("people_ms", "people ms"), ("places_ms", "places ms"), ("people_name_ms", "people NAME ms"),
    ("facets_ms", "people --query ms"), ("stats_ms", "stats ms"), ("reingest_wall_s", "no-change re-ingest s"),
]


def table(rows):
    lines = ["| " + " | ".join(t for _, t in COLUMNS) + " |", "|" + "---:|" * len(COLUMNS)]
    for r in sorted(rows, key=lambda r: r["articles"]):
        lines.append("| " + " | ".join(f"{r.get(k, '')}" for k, _ in COLUMNS) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="*", type=int, default=[100_000, 300_000, 1_000_000])
    ap.add_argument("--work", default="/tmp/newsdex-scale")
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "newsdex"))
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    results = os.path.join(args.work, "scale.jsonl")
    for n in args.n:
        row = measure(n, args)
        print(json.dumps(row), flush=True)
        with open(results, "a") as f:
            f.write(json.dumps(row) + "\n")
    rows = {}
    with open(results) as f:
        for line in f:
            r = json.loads(line)
            rows[r["articles"]] = r
    print(table(rows.values()))


if __name__ == "__main__":
    main()
