#!/usr/bin/env python3
"""Load benchmark of `newsdex serve` over loopback.

Starts the server on 127.0.0.1 (a free port) over an index, then runs
/api/search (hits, exact total, top people and places, and the timeline:
what the search page asks for) with 1, 8 and 32 concurrent clients. Each
client is a thread with one keep-alive HTTP/1.1 connection that sends a
fixed number of requests, cycling through a fixed set of queries; every
level is bounded in requests and in time and stops by itself. Reports
requests/s, p50 and p99 latency, errors, and the server's peak resident
memory (VmHWM from /proc).

    python3 bench/serve_load.py --index /tmp/idx_allsides

The numbers in docs/performance.md come from this script on AllSides.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

QUERIES = [
    "climate change", "trump", "health care", "immigration", "iran nuclear deal",
    "supreme court", '"white house"', "tax cuts", "gun control", "russia investigation",
    "economy jobs", "election OR vote",
]


def proc_kib(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def client(host, port, paths, deadline, out):
    conn = http.client.HTTPConnection(host, port, timeout=60)
    for path in paths:
        if time.monotonic() > deadline:
            break
        start = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=60)
            ok = False
        out.append((time.perf_counter() - start, ok))
    conn.close()


def level(host, port, clients, per_client, max_seconds):
    results = [[] for _ in range(clients)]
    deadline = time.monotonic() + max_seconds
    threads = []
    for c in range(clients):
        paths = []
        for i in range(per_client):
            q = QUERIES[(c + i) % len(QUERIES)]
            paths.append("/api/search?" + urllib.parse.urlencode({"q": q, "limit": 10}))
        threads.append(threading.Thread(target=client, args=(host, port, paths, deadline, results[c])))
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    times = sorted(t for r in results for (t, ok) in r if ok)
    errors = sum(1 for r in results for (_, ok) in r if not ok)
    done = len(times) + errors
    pct = lambda p: times[min(len(times) - 1, int(p * len(times)))] * 1000 if times else float("nan")
    return done, errors, done / elapsed, pct(0.50), pct(0.99), statistics.mean(times) * 1000 if times else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "target/release/newsdex"))
    parser.add_argument("--index", required=True)
    parser.add_argument("--clients", default="1,8,32")
    parser.add_argument("--requests", type=int, default=480, help="requests per level")
    parser.add_argument("--max-seconds", type=float, default=120, help="bound per level")
    args = parser.parse_args()

    server = subprocess.Popen([args.binary, "--index", args.index, "serve", "--addr", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        address = line.split("http://", 1)[1].strip().rstrip("/")
        host, port = address.rsplit(":", 1)
        port = int(port)
        idle_kib = proc_kib(server.pid, "VmRSS")
        # Warm-up: every query once (page cache, surname resolution).
        level(host, port, 1, len(QUERIES), args.max_seconds)
        print(f"index {args.index}; {os.cpu_count()} cores; server RSS after start {idle_kib / 1024:.0f} MiB")
        print()
        print("| clients | requests | errors | requests/s | p50 ms | p99 ms | mean ms | server peak RSS MiB |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for clients in [int(c) for c in args.clients.split(",")]:
            per_client = max(1, args.requests // clients)
            done, errors, rps, p50, p99, mean = level(host, port, clients, per_client, args.max_seconds)
            peak = proc_kib(server.pid, "VmHWM") / 1024
            print(f"| {clients} | {done} | {errors} | {rps:.1f} | {p50:.1f} | {p99:.1f} | {mean:.1f} | {peak:.0f} |",
                  flush=True)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
