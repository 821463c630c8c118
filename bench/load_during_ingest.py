#!/usr/bin/env python3
"""Load during an ingest: eight search processes and the HTTP server under
concurrent requests while `newsdex ingest` adds AllSides (issue 12).

    python3 bench/load_during_ingest.py [--binary target/release/newsdex]

1. A fresh index is seeded with a first commit (the BBC texts, 2,225
   articles), so that searches have an index from the start.
2. `newsdex serve --addr 127.0.0.1:0` starts on it, then `newsdex ingest
   --commit-every N` of AllSides' 8 JSON Lines files (37,554 articles).
3. While the ingest runs, and for --after seconds (60) after it on the
   finished index: 8 loops, each running one `newsdex search ...
   --json` process after another (single words, names, phrases, with
   --person, --since, --sort newest), every 10th a `newsdex stats --json`;
   and HTTP clients (one keep-alive connection each) cycling through
   /api/search (with people and places facets and the timeline),
   /api/people and /api/stats.
4. A watcher process reads the index's meta.json every 5 ms and records
   each distinct committed article count (the sum over its segments of
   documents minus deletes): the counts a reader can see.

Errors: a search process that exits other than 0 or 1 (1 is "nothing
found"), writes anything on stderr, or prints a line that is not JSON; an
HTTP status other than 200, a failed connection or a body that is not
JSON. Consistency with the last commit:
  * every article count reported (`stats --json`, /api/stats, and the
    total of /api/search?q=* ) is one the watcher saw committed;
  * per loop and per HTTP client, the article count and each query's total
    (/api/search) never decrease (the ingest only adds), except the totals
    of --person filters: a surname alone counts for the full name only
    while the archive's counts make that unambiguous, which new articles
    can undo;
  * within one /api/search answer, the timeline (dated buckets plus
    undated) adds up to the total: one snapshot answers the whole request;
  * after the ingest, the server answers with the final count.
Peak RSS: wait4()'s ru_maxrss of the ingest, of the server and of the
largest search process; the RSS of the server and of the ingest is also
sampled every second, split into anonymous memory and mapped files (the
server maps the index files: their pages count in its RSS as the index
grows, but they are the page cache's, not the process's own).
"""

import argparse
import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Harness-like queries: single words, names, phrases, operators.
QUERIES = [
    "sanctions", "immigration", "climate", "obamacare", "tariffs", "impeachment",
    "trump", "obama", "hillary clinton", "bernie sanders", "putin", "pelosi",
    '"white house"', '"supreme court"', '"health care"', '"climate change"',
    "iran nuclear deal", "gun control", "election OR vote", "economy -trump",
    "title:senate", "people:warren", "places:syria", "(oil OR gas) AND opec",
]
PEOPLE = ["Donald Trump", "Barack Obama", "Hillary Clinton", "Nancy Pelosi", "Joe Biden"]


def meta_count(index):
    """Live documents in the commit meta.json describes (None while absent)."""
    try:
        with open(os.path.join(index, "meta.json")) as f:
            meta = json.load(f)
    except (OSError, ValueError):
        return None
    total = 0
    for seg in meta["segments"]:
        deleted = (seg.get("deletes") or {}).get("num_deleted_docs", 0)
        total += seg["max_doc"] - deleted
    return total


WATCHER = r"""
import json, os, sys, time
index, out = sys.argv[1], sys.argv[2]
last = None
with open(out, "a", buffering=1) as f:
    while not os.path.exists(out + ".stop"):
        try:
            with open(os.path.join(index, "meta.json")) as m:
                meta = json.load(m)
            n = sum(s["max_doc"] - ((s.get("deletes") or {}).get("num_deleted_docs", 0)) for s in meta["segments"])
        except (OSError, ValueError):
            n = None
        if n is not None and n != last:
            f.write(f"{time.monotonic():.3f} {n}\n")
            last = n
        time.sleep(0.005)
"""


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = {}
        self.errors = []
        self.inconsistent = []
        self.counts_seen = []  # (source, count)
        self.max_search_rss = 0
        self.nothing_found = 0

    def ok(self, kind):
        with self.lock:
            self.requests[kind] = self.requests.get(kind, 0) + 1

    def error(self, kind, message):
        with self.lock:
            self.requests[kind] = self.requests.get(kind, 0) + 1
            if len(self.errors) < 1000:
                self.errors.append(f"{kind}: {message}")

    def count(self, source, n):
        with self.lock:
            self.counts_seen.append((source, n))

    def wrong(self, message):
        with self.lock:
            self.inconsistent.append(message)


def run_process(args, tally):
    """Runs one CLI process; returns (code, stdout, stderr), recording its peak RSS."""
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err)
        out = proc.stdout.read()
        proc.stdout.close()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode(errors="replace")
    with tally.lock:
        tally.max_search_rss = max(tally.max_search_rss, usage.ru_maxrss)
    return proc.returncode, out.decode(errors="replace"), stderr


def search_loop(n, binary, index, stop, tally, rng):
    last_count = 0
    i = 0
    while not stop.is_set():
        i += 1
        if i % 10 == 0:
            code, out, err = run_process([binary, "--index", index, "stats", "--json"], tally)
            try:
                articles = json.loads(out)["articles"]
            except (ValueError, KeyError, TypeError):
                tally.error("cli stats", f"exit {code}, stdout {out[:200]!r}, stderr {err[:300]!r}")
                continue
            if code != 0 or err:
                tally.error("cli stats", f"exit {code}, stderr {err[:300]!r}")
                continue
            tally.ok("cli stats")
            tally.count(f"cli loop {n} stats", articles)
            if articles < last_count:
                tally.wrong(f"cli loop {n}: stats went from {last_count} to {articles} articles")
            last_count = articles
            continue
        q = rng.choice(QUERIES)
        args = [binary, "--index", index, "search", q, "--json", "--limit", str(rng.choice([10, 10, 50]))]
        r = rng.random()
        if r < 0.2:
            args += ["--person", rng.choice(PEOPLE)]
        elif r < 0.35:
            args += ["--since", rng.choice(["2016", "2018-06", "2012-01-01"])]
        elif r < 0.5:
            args += ["--sort", "newest"]
        code, out, err = run_process(args, tally)
        bad = None
        if code not in (0, 1):
            bad = f"exit {code}"
        elif err.strip():
            bad = "stderr"
        else:
            for line in out.splitlines():
                try:
                    hit = json.loads(line)
                    hit["id"], hit["title"]
                except (ValueError, KeyError, TypeError):
                    bad = f"not a JSON hit: {line[:200]!r}"
                    break
        if bad:
            tally.error("cli search", f"{' '.join(args[3:])}: {bad}; stderr {err[:300]!r}")
        else:
            tally.ok("cli search")
            if code == 1:
                with tally.lock:
                    tally.nothing_found += 1


def http_client(n, host, port, stop, tally, rng):
    conn = http.client.HTTPConnection(host, port, timeout=60)
    totals = {}
    last_articles = 0
    i = 0
    while not stop.is_set():
        i += 1
        kind = ["search", "search", "search", "people", "stats", "search-all"][i % 6]
        params = {}
        if kind == "search":
            q = rng.choice(QUERIES)
            params = {"q": q, "limit": 10, "facets": 10}
            if rng.random() < 0.3:
                params["person"] = rng.choice(PEOPLE)
            path = "/api/search?" + urllib.parse.urlencode(params)
        elif kind == "search-all":
            path = "/api/search?" + urllib.parse.urlencode({"q": "*", "limit": 0, "facets": 0})
        elif kind == "people":
            path = "/api/people?" + urllib.parse.urlencode({"q": rng.choice(QUERIES), "limit": 20})
        else:
            path = "/api/stats"
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException) as e:
            tally.error(f"http {kind}", f"{path}: {e!r}")
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=60)
            continue
        if response.status != 200:
            tally.error(f"http {kind}", f"{path}: HTTP {response.status}: {body[:200]!r}")
            continue
        try:
            data = json.loads(body)
        except ValueError:
            tally.error(f"http {kind}", f"{path}: not JSON: {body[:200]!r}")
            continue
        tally.ok(f"http {kind}")
        if kind in ("search", "search-all"):
            total = data["total"]
            tl = data["timeline"]
            if tl is not None and sum(b["count"] for b in tl["buckets"]) + tl["undated"] != total:
                tally.wrong(f"http client {n}: {path}: timeline adds up to "
                            f"{sum(b['count'] for b in tl['buckets']) + tl['undated']}, total {total}")
            # A --person filter also finds the articles that give only a
            # surname while the archive resolves it to that person (80% of
            # the full names ending in it): new articles can undo that, so
            # its totals may fall. Plain queries only gain articles.
            if "person" not in params and total < totals.get(path, 0):
                tally.wrong(f"http client {n}: {path}: total went from {totals[path]} to {total}")
            totals[path] = total
            if kind == "search-all":
                tally.count(f"http client {n} q=*", total)
        elif kind == "stats":
            articles = data["articles"]
            tally.count(f"http client {n} stats", articles)
            if articles < last_articles:
                tally.wrong(f"http client {n}: /api/stats went from {last_articles} to {articles}")
            last_articles = articles
    conn.close()


def kib(pid, key):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/newsdex"))
    parser.add_argument("--data", default=os.environ.get("NEWSDEX_DATA", os.path.join(ROOT, "..", "shared", "data")))
    parser.add_argument("--seed-path", default=None, help="what the first commit holds (default: DATA/bbc)")
    parser.add_argument("--ingest-path", default=None, help="what the ingest under load adds (default: DATA/allsides)")
    parser.add_argument("--work", default=None, help="scratch folder (default: a new one in /tmp, removed)")
    parser.add_argument("--searchers", type=int, default=8)
    parser.add_argument("--http-clients", type=int, default=4)
    parser.add_argument("--commit-every", type=int, default=10)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--after", type=float, default=60,
                        help="seconds of the same load after the ingest ends, on the finished index")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = args.work or tempfile.mkdtemp(prefix="newsdex-load-")
    os.makedirs(work, exist_ok=True)
    index = os.path.join(work, "index")
    shutil.rmtree(index, ignore_errors=True)
    rng = random.Random(args.seed)
    seed_path = args.seed_path or os.path.join(args.data, "bbc")
    ingest_path = args.ingest_path or os.path.join(args.data, "allsides")

    seed = subprocess.run([binary, "--index", index, "ingest", "--no-progress", "--json",
                           seed_path], capture_output=True, text=True, check=True)
    seeded = json.loads(seed.stdout)["added"]
    print(f"seed commit: {seeded} articles from {seed_path}; ingest under load: {ingest_path}, "
          f"--commit-every {args.commit_every}; {args.searchers} search loops, {args.http_clients} HTTP clients; "
          f"{os.cpu_count()} cores; work {work}", flush=True)

    watch_file = os.path.join(work, "commits.txt")
    for p in (watch_file, watch_file + ".stop"):
        if os.path.exists(p):
            os.remove(p)
    watcher = subprocess.Popen([sys.executable, "-c", WATCHER, index, watch_file])

    server = subprocess.Popen([binary, "--index", index, "serve", "--addr", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=open(os.path.join(work, "serve.err"), "w"), text=True)
    line = server.stdout.readline()
    host, port = line.split("http://", 1)[1].strip().rstrip("/").rsplit(":", 1)
    port = int(port)
    server_start_kib = kib(server.pid, "VmRSS")

    tally = Tally()
    stop = threading.Event()
    ingest_err = open(os.path.join(work, "ingest.err"), "w")
    started = time.monotonic()
    ingest = subprocess.Popen([binary, "--index", index, "ingest", "--no-progress", "--json",
                               "--commit-every", str(args.commit_every), ingest_path],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=ingest_err, text=True)
    threads = [threading.Thread(target=search_loop, args=(n, binary, index, stop, tally, random.Random(rng.random())))
               for n in range(args.searchers)]
    threads += [threading.Thread(target=http_client, args=(n, host, port, stop, tally, random.Random(rng.random())))
                for n in range(args.http_clients)]
    for t in threads:
        t.start()

    # The ingest is reaped by wait4(), which gives its peak RSS.
    ended = {}

    def reap():
        summary = ingest.stdout.read()
        _, status, usage = os.wait4(ingest.pid, 0)
        ended.update(code=os.waitstatus_to_exitcode(status), usage=usage, summary=summary,
                     wall=time.monotonic() - started)

    reaper = threading.Thread(target=reap)
    reaper.start()
    # (seconds, server RSS, its anonymous and file-backed parts, ingest RSS
    # and its anonymous part, KiB): the server maps the index files, whose
    # pages count in its RSS as the index grows but are the page cache's.
    samples = []
    while reaper.is_alive():
        samples.append((time.monotonic() - started, kib(server.pid, "VmRSS"), kib(server.pid, "RssAnon"),
                        kib(server.pid, "RssFile"), kib(ingest.pid, "VmRSS"), kib(ingest.pid, "RssAnon")))
        reaper.join(1)
    ingest.returncode = ended["code"]
    # The same load for --after seconds on the finished index: memory that
    # grows with requests rather than with the index would show here.
    ingest_samples = len(samples)
    with tally.lock:
        requests_during_ingest = sum(tally.requests.values())
        errors_during_ingest = len(tally.errors)
    after_end = time.monotonic() + args.after
    while time.monotonic() < after_end:
        samples.append((time.monotonic() - started, kib(server.pid, "VmRSS"), kib(server.pid, "RssAnon"),
                        kib(server.pid, "RssFile"), 0, 0))
        time.sleep(1)
    stop.set()
    for t in threads:
        t.join()
    ingest_wall = ended["wall"]
    summary = ended["summary"]
    ingest_code = ended["code"]

    # The server reloads shortly after the last commit: its final count.
    final_expected = meta_count(index)
    final_seen = None
    for _ in range(50):
        conn = http.client.HTTPConnection(host, port, timeout=60)
        conn.request("GET", "/api/stats")
        final_seen = json.loads(conn.getresponse().read())["articles"]
        conn.close()
        if final_seen == final_expected:
            break
        time.sleep(0.2)
    server_hwm = kib(server.pid, "VmHWM")
    server.terminate()
    _, _, usage = os.wait4(server.pid, 0)
    server_peak = max(server_hwm, usage.ru_maxrss)
    open(watch_file + ".stop", "w").close()
    watcher.wait()

    commits = []
    with open(watch_file) as f:
        for line in f:
            commits.append(int(line.split()[1]))
    committed = set(commits)
    not_committed = [(s, n) for s, n in tally.counts_seen if n not in committed]
    for s, n in not_committed[:20]:
        tally.wrong(f"{s}: {n} articles, not a committed count ({sorted(committed)})")
    if len(not_committed) > 20:
        tally.wrong(f"... {len(not_committed) - 20} more counts not committed")
    if final_seen != final_expected:
        tally.wrong(f"after the ingest the server answers {final_seen} articles, the index holds {final_expected}")

    requests = sum(tally.requests.values())
    errors = len(tally.errors)
    ingest_peak = ended["usage"].ru_maxrss
    print(f"ingest: exit {ingest_code}, {ingest_wall:.0f} s under load, {json.loads(summary)['added'] if summary else '?'} "
          f"articles added in {json.loads(summary)['commits'] if summary else '?'} commits; "
          f"committed counts seen by the watcher: {len(committed)} ({commits[0]} .. {commits[-1]})")
    print(f"requests: {requests} ({', '.join(f'{k} {v}' for k, v in sorted(tally.requests.items()))}); "
          f"errors: {errors}; search processes that found nothing (exit 1): {tally.nothing_found}")
    print(f"while the ingest ran: {requests_during_ingest} requests, {errors_during_ingest} errors")
    print(f"article counts checked against the commits: {len(tally.counts_seen)}, not a commit: {len(not_committed)}; "
          f"consistency problems: {len(tally.inconsistent)}")
    mib = lambda k: f"{k / 1024:.0f} MiB"
    print(f"peak RSS: server {mib(server_peak)}, ingest {mib(ingest_peak)}, "
          f"largest search process {mib(tally.max_search_rss)}")
    during, after = samples[:ingest_samples], samples[ingest_samples:] or samples[-1:]
    print(f"server RSS sampled each second: {mib(server_start_kib)} at start; when the ingest ended "
          f"{mib(during[-1][1])} (anonymous {mib(during[-1][2])}, mapped index files {mib(during[-1][3])}), "
          f"anonymous at most {mib(max(x[2] for x in during))}; index on disk "
          f"{mib(sum(e.stat().st_size for e in os.scandir(index) if e.is_file()) / 1024)}")
    print(f"then {args.after:.0f} s of the same load on the finished index "
          f"({requests - requests_during_ingest} requests): server anonymous memory "
          f"{mib(min(x[2] for x in after))} to {mib(max(x[2] for x in after))}, {mib(after[-1][2])} at the end")
    print(f"ingest RSS sampled each second: at most {mib(max(x[4] for x in during))}, "
          f"anonymous at most {mib(max(x[5] for x in during))}")
    for e in tally.errors[:20]:
        print("  error:", e)
    for w in tally.inconsistent[:20]:
        print("  inconsistent:", w)
    with open(os.path.join(work, "rss.tsv"), "w") as f:
        f.write("seconds\tserver_kib\tserver_anon_kib\tserver_file_kib\tingest_kib\tingest_anon_kib\n")
        for s in samples:
            f.write(f"{s[0]:.0f}\t" + "\t".join(str(x) for x in s[1:]) + "\n")
    failed = ingest_code != 0 or errors or tally.inconsistent
    if not args.work and not failed:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
