#!/usr/bin/env python3
"""Wall time of `newsdex timeline` and `newsdex related` on an index.

Runs each command RUNS times (after one warm-up run) as a whole process,
as a user would, and prints the median and the slowest run.

    python3 bench/analytics_latency.py --index /tmp/idx_allsides
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

COMMANDS = [
    ["timeline"],
    ["timeline", "climate change"],
    ["timeline", "--person", "Donald Trump", "--by", "week"],
    ["timeline", "iran", "--since", "2016", "--by", "day"],
    ["related", "--person", "Donald Trump"],
    ["related", "--place", "Iran"],
    ["related", "--person", "Hillary Clinton", "--query", "email"],
    ["related", "--place", "Syria", "--since", "2018", "--rank", "count"],
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/newsdex"))
    parser.add_argument("--index", required=True)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"index {args.index}; {args.runs} runs each after a warm-up; whole process wall time")
    print()
    print("| command | median ms | max ms |")
    print("|---|---:|---:|")
    for command in COMMANDS:
        full = [args.binary, "--index", args.index] + command + ["--json"]
        times = []
        for run in range(args.runs + 1):
            start = time.perf_counter()
            done = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = (time.perf_counter() - start) * 1000
            if done.returncode not in (0, 1):
                sys.exit(f"{' '.join(full)} failed: {done.stderr.decode()}")
            if run > 0:
                times.append(elapsed)
        shown = " ".join(f'"{c}"' if " " in c else c for c in command)
        print(f"| `newsdex {shown}` | {statistics.median(times):.1f} | {max(times):.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
