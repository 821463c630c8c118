#!/usr/bin/env python3
"""Converts the `nicknames` PyPI package's names.csv (Apache-2.0, (c) Carlton
Northern and contributors, https://github.com/carltonnorthern/nicknames) into
data/names/nicknames.tsv: `formal<TAB>nick|nick|...`, lowercase, sorted.

    python3 tools/names/nicknames.py            # downloads nicknames==1.0.1 with pip into target/
    python3 tools/names/nicknames.py CSV        # converts a names.csv you have

Deterministic: the same names.csv gives the same bytes.
"""
import csv, io, subprocess, sys, zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = "nicknames==1.0.1"

def names_csv() -> str:
    if len(sys.argv) > 1:
        return Path(sys.argv[1]).read_text(encoding="utf-8")
    dest = ROOT / "target" / "nicknames-wheel"
    dest.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dest), PIN], check=True)
    wheel = next(dest.glob("nicknames-1.0.1-*.whl"))
    with zipfile.ZipFile(wheel) as z:
        return z.read("nicknames/names.csv").decode("utf-8")

def main():
    nicks = {}
    for row in csv.DictReader(io.StringIO(names_csv())):
        if row["relationship"] != "has_nickname":
            continue
        formal, nick = row["name1"].strip().lower(), row["name2"].strip().lower()
        if formal and nick and formal != nick:
            nicks.setdefault(formal, set()).add(nick)
    out = ROOT / "data" / "names" / "nicknames.tsv"
    head = ("# formal given name<TAB>nicknames. From the `nicknames` package 1.0.1 (PyPI),\n"
            "# Apache-2.0, (c) Carlton Northern and contributors; converted by tools/names/nicknames.py.\n")
    out.write_text(head + "".join(f"{f}\t{'|'.join(sorted(n))}\n" for f, n in sorted(nicks.items())), encoding="utf-8")
    print(f"wrote {out}: {len(nicks)} formal names")

main()
