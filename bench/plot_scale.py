#!/usr/bin/env python3
"""Draws how newsdex's costs grow with N, from bench/scale.py's results.

    pip install matplotlib    # once; only for this figure
    python3 bench/plot_scale.py [/tmp/newsdex-scale/scale.jsonl] [docs/scale.png]

Four panels on log-log axes, each cost against the number of articles,
with a dashed line of slope 1 (linear growth) through the first point.
"""

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/tmp/newsdex-scale/scale.jsonl"
    target = sys.argv[2] if len(sys.argv) > 2 else "docs/scale.png"
    rows = {}
    with open(source) as f:
        for line in f:
            r = json.loads(line)
            rows[r["articles"]] = r
    rows = [rows[n] for n in sorted(rows)]
    n = [r["articles"] for r in rows]
    panels = [
        ("Ingest", [("ingest_wall_s", "wall, s"), ("ingest_cpu_s", "CPU, s"), ("reingest_wall_s", "no-change re-run, s")]),
        ("Size and memory", [("index_mb", "index, MB"), ("corpus_mb", "corpus, MB"), ("ingest_rss_mb", "ingest peak RSS, MB")]),
        ("Search (whole process)", [("search_p50_ms", "p50, ms"), ("search_p99_ms", "p99, ms")]),
        ("Listings (whole process)", [("people_ms", "people, ms"), ("places_ms", "places, ms"),
                                      ("people_name_ms", "people NAME, ms"), ("facets_ms", "people --query, ms"),
                                      ("stats_ms", "stats, ms")]),
    ]
    fig, axes = plt.subplots(2, 2, figsize=(10, 7.5))
    for ax, (title, series) in zip(axes.flat, panels):
        for key, label in series:
            ys = [r.get(key) for r in rows]
            ax.plot(n, ys, marker="o", label=label)
        first = rows[0].get(series[0][0])
        ax.plot(n, [first * k / n[0] for k in n], linestyle="--", color="grey", linewidth=0.8, label="linear")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(title)
        ax.set_xlabel("articles")
        ax.grid(True, which="both", linewidth=0.3)
        ax.legend(fontsize=7)
    fig.suptitle("newsdex costs against archive size (bench/scale.py, 2-core machine)")
    fig.tight_layout()
    fig.savefig(target, dpi=110)
    print(target)


if __name__ == "__main__":
    main()
