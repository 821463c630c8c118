#!/usr/bin/env python3
"""Checks that newsdex's --csv output holds the same rows as its --json output,
reading the CSV with Python's csv module (as a spreadsheet import would).

usage: csv_matches_json.py CSV_FILE JSONL_FILE

Lists are joined with "; " in CSV; dates are "" for null; the CSV snippet is
the JSON snippet without its <b> marks and HTML escapes. Exits 1 with the
first difference, else prints the number of rows compared.
"""
import csv
import html
import json
import re
import sys


def cell(key, value):
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    if key == "snippet":
        return html.unescape(re.sub(r"</?b>", "", value))
    if isinstance(value, float):
        return value
    return str(value)


def main():
    csv_path, json_path = sys.argv[1], sys.argv[2]
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, strict=True))
    with open(json_path, encoding="utf-8") as f:
        objects = [json.loads(line) for line in f if line.strip()]
    if len(rows) != len(objects):
        sys.exit(f"{len(rows)} CSV rows but {len(objects)} JSON lines")
    for n, (row, obj) in enumerate(zip(rows, objects), start=1):
        if list(row.keys()) != list(obj.keys()):
            sys.exit(f"row {n}: CSV columns {list(row)} != JSON keys {list(obj)}")
        for key, value in obj.items():
            want = cell(key, value)
            got = row[key]
            if isinstance(want, float):
                ok = abs(float(got) - want) <= 1e-4 * max(1.0, abs(want))
            else:
                ok = got == want
            if not ok:
                sys.exit(f"row {n}, column {key}: CSV {got!r} != JSON {want!r}")
    print(f"{len(rows)} rows match")


if __name__ == "__main__":
    main()
