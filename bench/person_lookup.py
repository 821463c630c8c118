#!/usr/bin/env python3
"""Score `newsdex people NAME` on the labelled person queries (issue 8).

Usage (from the repository root):

    python3 bench/person_lookup.py --index /tmp/idx_as [--bin target/release/newsdex]
        [--queries eval/person-queries.jsonl] [--data ../shared/data/allsides]
        [--split tune|check|all] [--only "Chuck Schumer"] [--errors /tmp/errors.tsv]

Python 3 standard library only. The index must hold the AllSides shards (allsides-*.jsonl.gz).

Ground truth (a proxy, built from the text; see eval/README.md, "Person lookup set"):

* Each article is `title + "\n" + content_original` of one line of a shard, identified by
  (shard file name, 1-based line number) - the same (path, position) that `newsdex people NAME --json`
  prints per hit.
* The text and every form are normalised the same way before matching: curly apostrophes and the
  modifier letter apostrophe -> `'`; accents stripped (NFKD, combining marks dropped); hyphens
  (ASCII and Unicode hyphen/en dash, not the em dash) -> space; whitespace runs -> one space.
  Case is kept: matching is case-sensitive, except that the all-caps version of every form, surname
  and namesake form longer than 3 characters also matches ("HILLARY CLINTON:", "SCHUMER:" in
  transcripts and headlines).
* A form matches at word boundaries (no letter/digit/underscore on either side), so possessives
  ("Schumer's") and modifiers ("Schumer-led") match.
* A match that lies inside a match of a namesake's form is ignored ("Donald Trump" inside
  "Donald Trump Jr.", "Martin Luther King" inside "Martin Luther King III").
* An article is relevant to a query when it has a (non-ignored) match of any of the query's `forms`;
  or, when `surname_ok` is true, a match of one of its surnames (`surnames`, default: the last word of
  the query) while no namesake form occurs anywhere in the article.

Known blind spots of the proxy: pronouns and descriptions ("the senator from New York") are not
mentions; a bare surname that refers to someone else not listed as a namesake counts as relevant
(e.g. a different "Mattis"); surname-only articles that also mention a namesake are left out even when
the surname means the query's person; forms not listed are missed; a surname or form used inside an
organisation, place, law or ship name ("Trump Tower", "USS John S. McCain", "Martin Luther King Jr. Blvd")
counts as a mention; concatenated words in the data ("MattisFormer") hide a mention.
So precision below 1 may include correct hits the proxy misses - read the error file.

Scores: per query, recall = |truth & hits| / |truth|, precision = |truth & hits| / |hits|; per split, the
micro figures over all (query, article) pairs and the macro mean over queries.
"""
import argparse
import collections
import glob
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata

HYPHENS = re.compile(r"[\u2010\u2011\u2012\u2013\-]")
SPACES = re.compile(r"\s+")
TOKEN = re.compile(r"\w+")


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'").replace("`", "'")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = HYPHENS.sub(" ", s)
    return SPACES.sub(" ", s)


def split_of(query):
    """Fixed split: first byte of sha1(query, UTF-8) even -> tune, odd -> check."""
    return "tune" if hashlib.sha1(query.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def word_re(forms):
    alts = {norm(f) for f in forms}
    alts |= {a.upper() for a in alts if len(a) > 3}  # all-caps transcripts/headlines ("HILLARY CLINTON")
    alts = sorted(alts, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in alts) + r")(?!\w)")


class Query:
    def __init__(self, obj):
        self.query = obj["query"]
        self.forms = obj["forms"]
        self.namesakes = obj.get("namesakes", [])
        self.surname_ok = bool(obj.get("surname_ok"))
        self.surnames = obj.get("surnames") or [self.query.split()[-1]]
        self.split = obj.get("split") or split_of(self.query)
        if self.split != split_of(self.query):
            sys.exit(f"{self.query}: split {self.split} != hash split {split_of(self.query)}")
        self.form_re = word_re(self.forms)
        self.sur_re = word_re(self.surnames)
        self.ns_re = word_re(self.namesakes) if self.namesakes else None

    def token_sets(self, which):
        return [TOKEN.findall(v) for f in which for v in {norm(f), norm(f).upper()}]


def load_articles(data_dir, tokens):
    """[(shard name, line, normalised text)] and postings {token: set(article index)} for `tokens`."""
    arts, post = [], collections.defaultdict(set)
    shards = sorted(glob.glob(os.path.join(data_dir, "allsides-*.jsonl.gz")))
    if not shards:
        sys.exit(f"no allsides-*.jsonl.gz in {data_dir}")
    for path in shards:
        name = os.path.basename(path)
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line_no, line in enumerate(f, 1):
                d = json.loads(line)
                text = norm((d.get("title") or "") + "\n" + (d.get("content_original") or ""))
                i = len(arts)
                arts.append((name, line_no, text))
                for t in tokens.intersection(TOKEN.findall(text)):
                    post[t].add(i)
    return arts, post


def candidates(token_lists, post):
    out = set()
    for toks in token_lists:
        if not toks:
            continue
        s = set(post.get(toks[0], ()))
        for t in toks[1:]:
            s &= post.get(t, set())
        out |= s
    return out


def truth_for(q, arts, post):
    """{(shard, line): the matched strings} for the articles relevant to q."""
    truth = {}
    for i in candidates(q.token_sets(q.forms) + (q.token_sets(q.surnames) if q.surname_ok else []), post):
        name, line, text = arts[i]
        ns = [m.span() for m in q.ns_re.finditer(text)] if q.ns_re else []

        def free(m):
            a, b = m.span()
            return not any(x <= a and b <= y for x, y in ns)

        found = sorted({m.group(0) for m in q.form_re.finditer(text) if free(m)})
        if found:
            truth[(name, line)] = found
        elif q.surname_ok and not ns and q.sur_re.search(text):
            truth[(name, line)] = ["surname:" + m for m in sorted({m.group(0) for m in q.sur_re.finditer(text)})]
    return truth


def run_newsdex(binary, index, query):
    out = subprocess.run(
        [binary, "people", query, "--json", "--limit", "100000", "--index", index, "--color", "never"],
        capture_output=True, text=True, check=True).stdout
    hits = {}
    for line in out.splitlines():
        if line.strip():
            h = json.loads(line)
            hits[(os.path.basename(h["path"]), int(h["position"]))] = h.get("people", [])
    return hits


def ratio(a, b):
    return a / b if b else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", required=True)
    ap.add_argument("--bin", default=os.environ.get("NEWSDEX_BIN", "target/release/newsdex"))
    ap.add_argument("--queries", default="eval/person-queries.jsonl")
    ap.add_argument("--data", default=os.environ.get("ALLSIDES", "../shared/data/allsides"))
    ap.add_argument("--split", choices=["tune", "check", "all"], default="all")
    ap.add_argument("--only", action="append", help="score only this query (repeatable)")
    ap.add_argument("--errors", help="write misses and false hits as TSV (shard, line, ids only) here")
    args = ap.parse_args()

    qs = [Query(json.loads(l)) for l in open(args.queries, encoding="utf-8") if l.strip()]
    if args.only:
        qs = [q for q in qs if q.query in args.only]
    if args.split != "all":
        qs = [q for q in qs if q.split == args.split]
    tokens = set()
    for q in qs:
        for toks in q.token_sets(q.forms) + q.token_sets(q.surnames):
            tokens.update(toks)
    arts, post = load_articles(args.data, tokens)

    rows, errs = [], []
    for q in qs:
        truth = truth_for(q, arts, post)
        hits = run_newsdex(args.bin, args.index, q.query)
        tp = len(truth.keys() & hits.keys())
        rows.append((q, len(truth), len(hits), tp))
        qwords = {w.lower() for w in TOKEN.findall(norm(q.query))}
        for k in sorted(truth.keys() - hits.keys()):
            errs.append((q.query, "miss", k[0], k[1], "; ".join(truth[k])))
        for k in sorted(hits.keys() - truth.keys()):
            why = [p for p in hits[k] if qwords & {w.lower() for w in TOKEN.findall(norm(p))}]
            errs.append((q.query, "false-hit", k[0], k[1], "; ".join(why)))

    print(f"{'split':5}  {'query':28} {'truth':>6} {'hits':>6} {'tp':>6} {'recall':>7} {'prec':>7}")
    for split in ("tune", "check"):
        sel = [r for r in rows if r[0].split == split]
        for q, t, h, tp in sorted(sel, key=lambda r: r[0].query):
            print(f"{split:5}  {q.query:28} {t:6} {h:6} {tp:6} {ratio(tp, t):7.3f} {ratio(tp, h):7.3f}")
    print()
    for split in ("tune", "check", "all"):
        sel = [r for r in rows if split == "all" or r[0].split == split]
        if not sel:
            continue
        T, H, TP = (sum(r[i] for r in sel) for i in (1, 2, 3))
        mr = sum(ratio(r[3], r[1]) for r in sel if r[1]) / max(1, sum(1 for r in sel if r[1]))
        mp = sum(ratio(r[3], r[2]) for r in sel if r[2]) / max(1, sum(1 for r in sel if r[2]))
        print(f"{split:5}  queries {len(sel):3}  micro recall {ratio(TP, T):.4f} precision {ratio(TP, H):.4f}"
              f"  | macro recall {mr:.4f} precision {mp:.4f}  (pairs: truth {T}, hits {H}, tp {TP})")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as f:
            # detail: for a miss, the forms found in the article; for a false hit, the names newsdex
            # extracted from it that share a word with the query
            f.write("query\tkind\tshard\tline\tdetail\n")
            for e in errs:
                f.write("\t".join(map(str, e)) + "\n")


if __name__ == "__main__":
    main()
