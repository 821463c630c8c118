#!/usr/bin/env python3
"""Dump and judge the top rows of `newsdex people` and `newsdex places` (issue 8).

Usage (from the repository root):

    python3 bench/top_lists.py --index /tmp/idx_as [--bin target/release/newsdex] [--limit 300]
        [--out-dir eval] [--dry-run]

For each of people and places it runs `newsdex KIND --limit N --json --index IDX` and writes
`OUT_DIR/top-KIND.tsv` with the columns `rank, name, articles, verdict, note`.

Verdicts are carried over by name from the file already at that path (the labelled file committed in
eval/), so a new binary's output is re-judged automatically for names already judged; a name never
judged before gets the verdict `unjudged` and is listed on stderr, to be judged by hand in the TSV
(see eval/README.md, "Top people/places lists", for the verdicts and the guidelines).
Verdicts of names that dropped out of the top N are kept in a trailing block of rows with rank `-`
(so no judgement is lost when the list changes).

Printed: per list, the number of rows, of unjudged rows, of wrong rows (every verdict other than `ok`
and `unjudged`) and the wrong-row share = wrong / judged rows among the top N (the issue's bar: <= 3%),
also for the tuning and the checking rows apart (split by a hash of the name: see split_of).
Python 3 standard library only. `--dry-run` prints the figures without writing the files.
"""
import argparse
import hashlib
import collections
import json
import os
import subprocess
import sys

COLS = ["rank", "name", "articles", "verdict", "note"]
OK = "ok"
UNJUDGED = "unjudged"
VALID_PREFIX = {
    "people": ("ok", "not-person", "split-of:", "unresolved-abbreviation", "junk", "unjudged"),
    "places": ("ok", "not-place", "split-of:", "unresolved-abbreviation", "junk", "unjudged"),
}


def split_of(name):
    """The fixed tuning/checking split of judged rows, as in person_lookup.py: first byte of
    sha1(name, UTF-8) even -> tune, odd -> check. Rules are chosen on the tune rows only."""
    return "tune" if hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def read_tsv(path):
    """{name: (verdict, note)} from a judged file (missing file: empty)."""
    out = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != COLS:
            sys.exit(f"{path}: header {header} != {COLS}")
        for n, line in enumerate(f, 2):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != len(COLS):
                sys.exit(f"{path}:{n}: {len(parts)} columns")
            row = dict(zip(COLS, parts))
            if row["verdict"] != UNJUDGED:
                out[row["name"]] = (row["verdict"], row["note"])
    return out


def top(binary, index, kind, limit):
    out = subprocess.run([binary, kind, "--limit", str(limit), "--json", "--index", index, "--color", "never"],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def clean(s):
    return s.replace("\t", " ").replace("\n", " ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", required=True)
    ap.add_argument("--bin", default=os.environ.get("NEWSDEX_BIN", "target/release/newsdex"))
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--out-dir", default="eval")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()

    for kind in ("people", "places"):
        path = os.path.join(args.out_dir, f"top-{kind}.tsv")
        judged = read_tsv(path)
        rows, seen = [], set()
        for rank, r in enumerate(top(args.bin, args.index, kind, args.limit), 1):
            name = r["name"]
            verdict, note = judged.get(name, (UNJUDGED, ""))
            if not verdict.startswith(VALID_PREFIX[kind]):
                sys.exit(f"{path}: {name}: bad verdict {verdict!r}")
            rows.append([str(rank), clean(name), str(r["articles"]), verdict, note])
            seen.add(name)
        kept = [["-", n, "", v, note] for n, (v, note) in sorted(judged.items()) if n not in seen]

        counts = collections.Counter(r[3].split(":")[0] for r in rows)
        n_unj = counts[UNJUDGED]
        n_wrong = sum(c for v, c in counts.items() if v not in (OK, UNJUDGED))
        n_judged = len(rows) - n_unj
        share = n_wrong / n_judged if n_judged else float("nan")
        for part in ("tune", "check"):
            mine = [r for r in rows if split_of(r[1]) == part and r[3] != UNJUDGED]
            bad = sum(1 for r in mine if r[3] != OK)
            print(f"{kind} {part} rows: {len(mine)} judged, {bad} wrong "
                  f"({bad / len(mine) if mine else float('nan'):.1%})")
        print(f"{kind}: top {len(rows)} rows, judged {n_judged}, unjudged {n_unj}, wrong {n_wrong}, "
              f"wrong-row share {share:.1%}  ("
              + ", ".join(f"{v} {c}" for v, c in sorted(counts.items())) + ")")
        for r in rows:
            if r[3] == UNJUDGED:
                print(f"  unjudged: {r[0]}\t{r[1]}\t{r[2]}", file=sys.stderr)
        if not args.dry_run:
            with open(path, "w", encoding="utf-8") as f:
                f.write("\t".join(COLS) + "\n")
                for r in rows + kept:
                    f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
