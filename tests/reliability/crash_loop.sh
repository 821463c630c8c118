#!/usr/bin/env bash
# The crash loop of issue 12 ("never lose an article"): SIGKILL an ingest at
# random moments, many times, then let it complete; the article set must be
# a clean ingest's, byte for byte.
#
#   tests/reliability/crash_loop.sh BINARY [CYCLES] [CORPUS]
#
# CYCLES (default 50) is the number of SIGKILLs. CORPUS is a folder, or
# `shared` (the default: AllSides' 8 gzipped JSON Lines files, 37,554
# articles, streamed in parts, and the 2,225 small BBC text files, from
# $NEWSDEX_DATA or ../shared/data), or `generated` (the repo's corpus/ and
# about 6,000 articles written here: small text files and a 4 MB JSON Lines
# file; for CI).
#
# 0. First, EARLY (default 100) ingests of the repo's corpus/ into an empty
#    folder are killed in their first 8 ms, while they create the index:
#    the next ingest must work each time.
# 1. A clean ingest gives the reference: its wall time and, from
#    `newsdex export --to elasticsearch` (every stored field of every
#    article), each article's id with the sha256 of its exported document,
#    sorted, and one sha256 over them all.
# 2. Each cycle starts (or resumes) `newsdex ingest` on the loop's index and
#    SIGKILLs it after a random delay, uniform between 0 and 1.1 times the
#    time the ingest should still need (from the clean run's wall time and
#    the share of articles not yet committed; plus 2, 4, 8... up to 64 s
#    after kills that committed nothing new). Just before the kill the
#    process is stopped (SIGSTOP) to read what it was doing: the last line
#    of its NEWSDEX_TRACE output (startup, writing, commit, final merges)
#    and whether a tantivy merge thread (`merge_thread_N`) used CPU in the
#    last 250 ms. After the kill, `newsdex check` must pass (the index
#    opens at its last commit, every checksum verifies, no article twice),
#    the committed article count must not have decreased, and every
#    committed article must be byte-identical to the clean ingest's.
# 3. When an ingest completes before its kill time, its article set must
#    equal the clean one exactly, `check` must list no unfinished file, and
#    a further ingest must find nothing to do; the loop then starts over
#    with a fresh index, so that the kills fall over the whole ingest
#    (final commit and merges included). After the last cycle the killed
#    ingest is completed and compared the same way.
#
# Environment: SEED (RNG seed, default 12, printed), COMMIT_EVERY (ingest
# --commit-every, default 2 s: more commits and segment merges to hit than
# the default 60 s), WORK (scratch folder, default a new one under /tmp,
# removed on success), NEWSDEX_DATA.
# Exits 0 when every cycle and every completed ingest passed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=$(realpath "${1:?usage: crash_loop.sh BINARY [CYCLES] [CORPUS]}")
cycles=${2:-50}
corpus=${3:-shared}
repo=$(cd "$here/../.." && pwd)
data=${NEWSDEX_DATA:-$repo/../shared/data}
exec python3 - "$bin" "$cycles" "$corpus" "$repo" "$data" <<'PY'
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

binary, cycles, corpus_arg, repo, data = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
seed = int(os.environ.get("SEED", "12"))
commit_every = os.environ.get("COMMIT_EVERY", "2")
rng = random.Random(seed)
work = os.environ.get("WORK") or tempfile.mkdtemp(prefix="newsdex-crash-")
os.makedirs(work, exist_ok=True)
began = time.monotonic()
TICK = os.sysconf("SC_CLK_TCK")


def say(*args):
    print("crash_loop:", *args, flush=True)


def fail(message):
    say(f"FAILED: {message} (files kept in {work})")
    sys.exit(1)


def build_corpus():
    if corpus_arg == "shared":
        folder = os.path.join(work, "corpus")
        os.makedirs(folder, exist_ok=True)
        for name in ("allsides", "bbc"):
            source = os.path.join(data, name)
            if not os.path.isdir(source):
                fail(f"{source} not found (set NEWSDEX_DATA)")
            link = os.path.join(folder, name)
            if not os.path.islink(link):
                os.symlink(source, link)
        return folder
    if corpus_arg == "generated":
        folder = os.path.join(work, "corpus")
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(os.path.join(repo, "corpus"), os.path.join(folder, "repo"))
        gen = random.Random(7)
        words = ("council harbour budget repairs minister trade talks river bridge vote market "
                 "energy port strike court ruling school rail tariff drought festival").split()
        names = ["Ana Ruiz", "Kofi Mensah", "Yuki Tanaka", "Lena Berg", "Omar Haddad"]
        places = ["Lisbon", "Nairobi", "Osaka", "Quito", "Tallinn"]

        def body(n):
            return " ".join(gen.choice(words) + str(gen.randrange(100000)) for _ in range(n))

        os.makedirs(os.path.join(folder, "text"))
        for i in range(1500):
            with open(os.path.join(folder, "text", f"{i:05}.txt"), "w") as f:
                f.write(f"Report {i}\n\n{gen.choice(names)} spoke in {gen.choice(places)} "
                        f"on 2021-{i % 12 + 1:02}-{i % 28 + 1:02}. {body(250)}\n")
        with open(os.path.join(folder, "export.jsonl"), "w") as f:
            for i in range(4500):
                f.write(json.dumps({"title": f"Dispatch {i}", "date": f"2022-{i % 12 + 1:02}-{i % 28 + 1:02}",
                                    "body": f"{gen.choice(names)} arrived in {gen.choice(places)}. {body(120)}"}) + "\n")
        return folder
    if not os.path.isdir(corpus_arg):
        fail(f"{corpus_arg}: no such folder")
    return os.path.abspath(corpus_arg)


corpus = build_corpus()


def run(*args, ok=(0,)):
    p = subprocess.run([binary, *args], stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if p.returncode not in ok:
        fail(f"`newsdex {' '.join(args)}` exited {p.returncode}: {p.stderr.strip()[:2000]}")
    return p


def check(index):
    """`newsdex check --json`: must exit 0 with no problem."""
    p = run("--index", index, "check", "--json", ok=(0, 1, 2))
    try:
        c = json.loads(p.stdout)
    except ValueError:
        c = None
    if p.returncode != 0 or not c or not c["ok"]:
        fail(f"check of {index} after a kill: exit {p.returncode}: {p.stdout.strip()} {p.stderr.strip()}")
    return c


def article_set(index, expected):
    """{id: sha256 of its exported document} from `export --to elasticsearch`."""
    out = os.path.join(work, "export")
    shutil.rmtree(out, ignore_errors=True)
    run("--index", index, "export", "--to", "elasticsearch", "--no-progress", out, ok=(0, 1))
    found = {}
    for name in sorted(os.listdir(out)):
        if not name.startswith("bulk-"):
            continue
        with open(os.path.join(out, name), "rb") as f:
            lines = f.read().split(b"\n")
        for action, doc in zip(lines[0::2], lines[1::2]):
            aid = json.loads(action)["index"]["_id"]
            if aid in found:
                fail(f"{index}: article {aid} exported twice")
            found[aid] = hashlib.sha256(doc).hexdigest()
    if len(found) != expected:
        fail(f"{index}: export has {len(found)} articles, check counts {expected}")
    return found


def overall(articles):
    text = "".join(f"{aid} {digest}\n" for aid, digest in sorted(articles.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def ingest_args(index):
    return [binary, "--index", index, "ingest", "--no-progress", "--json",
            "--commit-every", commit_every, corpus]


def start(index, name):
    err = open(os.path.join(work, name + ".err"), "w")
    out = open(os.path.join(work, name + ".out"), "w")
    env = dict(os.environ, NEWSDEX_TRACE="1")
    proc = subprocess.Popen(ingest_args(index), stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
    return proc, os.path.join(work, name + ".err"), os.path.join(work, name + ".out")


def stages(err_path):
    with open(err_path) as f:
        return [line.rstrip("\n").split(" ", 3)[2:] for line in f if line.startswith("newsdex: trace: ")]


def threads(pid):
    """{tid: (name, state, cpu ticks)} of a live process."""
    found = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        rest = stat[stat.rindex(")") + 2:].split()
        found[tid] = (name, rest[0], int(rest[11]) + int(rest[12]))
    return found


def stage_name(trace):
    if not trace:
        return "startup"
    last = trace[-1][-1].strip()
    if last.startswith("start") or last == "commit end":
        return "writing"
    return {"commit start": "commit", "finishing": "final merges", "done": "exit"}[last]


STAGES = ["startup", "writing", "commit", "final merges", "exit"]

say(f"seed {seed} (SEED=N to change), {cycles} cycles, corpus {corpus}, --commit-every {commit_every}, work {work}")

# 0. Kills in the first milliseconds of an ingest into an empty folder, while
# it creates the index: the next ingest must work (an index creation cut
# between tantivy's meta.json and newsdex.json used to be refused).
early = int(os.environ.get("EARLY", "100"))
early_rng = random.Random(seed + 1)
small = os.path.join(repo, "corpus")
outcomes = {}
for i in range(early):
    folder = os.path.join(work, "early")
    shutil.rmtree(folder, ignore_errors=True)
    proc = subprocess.Popen([binary, "--index", folder, "ingest", "--no-progress", small],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(early_rng.uniform(0, 0.008))
    proc.kill()
    proc.wait()
    left = sorted(os.listdir(folder)) if os.path.isdir(folder) else None
    key = "no folder" if left is None else " ".join(".tmp*" if n.startswith(".tmp") else n for n in left) or "empty"
    outcomes[key] = outcomes.get(key, 0) + 1
    run("--index", folder, "ingest", "--no-progress", small)
say(f"{early} SIGKILLs while an ingest created its index, each followed by an ingest that worked; left behind: "
    + ", ".join(f"{k} ({v})" for k, v in sorted(outcomes.items(), key=lambda kv: -kv[1])))

# 1. The clean ingest.
clean_index = os.path.join(work, "clean")
shutil.rmtree(clean_index, ignore_errors=True)
t0 = time.monotonic()
proc, err_path, out_path = start(clean_index, "clean")
if proc.wait() != 0:
    fail(f"the clean ingest exited {proc.returncode}: {open(err_path).read()[-2000:]}")
clean_wall = time.monotonic() - t0
trace = stages(err_path)
startup = float(trace[0][0])
commits = sum(1 for t in trace if t[-1].strip() == "commit start")
final = float(trace[-1][0]) - float(next(t[0] for t in trace if t[-1].strip() == "finishing"))
clean_check = check(clean_index)
total = clean_check["articles"]
clean = article_set(clean_index, total)
clean_hash = overall(clean)
clean_summary = json.load(open(out_path))
say(f"clean ingest: {total} articles from {clean_check['files']} files, {commits} commits, "
    f"wall {clean_wall:.1f} s (startup {startup:.1f} s, final merges {final:.1f} s), "
    f"{clean_check['segments']} segments; article set sha256 {clean_hash}")


def complete(index, name, proc, out_path):
    """An ingest that ran to its end: its article set must be the clean one."""
    if proc.returncode != 0:
        fail(f"{name}: the ingest exited {proc.returncode}")
    c = check(index)
    if c["unfinished"] or c["files"] != clean_check["files"]:
        fail(f"{name}: {c['unfinished']} unfinished files, {c['files']} files (clean: {clean_check['files']})")
    got = article_set(index, c["articles"])
    missing = set(clean) - set(got)
    extra = set(got) - set(clean)
    changed = [a for a in set(got) & set(clean) if got[a] != clean[a]]
    digest = overall(got)
    if missing or extra or changed or digest != clean_hash:
        fail(f"{name}: {len(missing)} articles missing, {len(extra)} extra, {len(changed)} differ; sha256 {digest}")
    again = run(*ingest_args(index)[1:]).stdout
    s = json.loads(again)
    if s["added"] or s["updated"] or s["removed"] or s["files_read"]:
        fail(f"{name}: the next ingest still had work to do: {again.strip()}")
    return digest


# 2. The loop.
index = os.path.join(work, "loop")
run_no = 0
committed = 0
log = []          # one entry per kill
completed = []    # (run, digest) of every completed ingest


def fresh_run():
    global run_no, committed, stalled
    shutil.rmtree(index, ignore_errors=True)
    run_no += 1
    committed = 0
    stalled = 0


fresh_run()
cycle = 0
attempt = 0
while cycle < cycles:
    attempt += 1
    remaining = startup + (1 - committed / total) * (clean_wall - startup)
    # After kills that committed nothing new the window grows by 2, 4, 8...
    # seconds (up to 64): a resumed ingest opens the index, walks and
    # commits before it keeps anything, which the estimate leaves out.
    delay = rng.uniform(0, 1.1 * remaining + (2 ** min(stalled, 6) if stalled else 0))
    name = f"attempt-{attempt:03}"
    proc, err_path, out_path = start(index, name)
    started = time.monotonic()
    samples = []  # (time, threads)
    while True:
        now = time.monotonic()
        if proc.poll() is not None:
            break
        if now - started >= delay:
            break
        samples.append((now, threads(proc.pid)))
        samples = [s for s in samples if now - s[0] <= 0.3]
        time.sleep(0.01)
    if proc.poll() is not None:
        digest = complete(index, name, proc, out_path)
        completed.append((run_no, digest))
        say(f"run {run_no}: the ingest completed before its kill ({delay:.1f} s): "
            f"{total} articles, article set equal to the clean one; starting over")
        fresh_run()
        continue
    # Stop it where it is, see what it was doing, then kill it there.
    os.kill(proc.pid, signal.SIGSTOP)
    killed_at = time.monotonic() - started
    for _ in range(200):
        with open(f"/proc/{proc.pid}/stat") as f:
            if f.read().rsplit(")", 1)[1].split()[0] in "Tt":
                break
        time.sleep(0.001)
    last = threads(proc.pid)
    stage = stage_name(stages(err_path))
    window = [s for s in samples if killed_at + started - s[0] <= 0.25]
    first = window[0][1] if window else {}
    def busy(prefix):
        for tid, (tname, _, ticks) in last.items():
            if not tname.startswith(prefix):
                continue
            if tid in first and ticks > first[tid][2]:
                return True
            if any(s[1].get(tid, ("", "S", 0))[1] in "RD" for s in window):
                return True
        return False
    merging = busy("merge_thread")
    updating = busy("segment_updat")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    cycle += 1
    c = check(index)
    if c["articles"] < committed:
        fail(f"cycle {cycle}: {c['articles']} articles committed, fewer than the {committed} before")
    got = article_set(index, c["articles"])
    foreign = [a for a in got if clean.get(a) != got[a]]
    if foreign:
        fail(f"cycle {cycle}: {len(foreign)} committed articles differ from the clean ingest's, e.g. {foreign[:3]}")
    log.append({"cycle": cycle, "run": run_no, "at": killed_at, "stage": stage, "merging": merging,
                "updating": updating, "articles": c["articles"], "before": committed,
                "unfinished": c["unfinished"], "segments": c["segments"]})
    say(f"cycle {cycle}/{cycles} run {run_no}: SIGKILL at {killed_at:.2f} s in {stage}"
        f"{' during a merge' if merging else ''}{' (segment updater busy)' if updating else ''}; "
        f"check ok, {c['articles']} articles committed (+{c['articles'] - committed}), "
        f"{c['segments']} segments, {c['unfinished']} files unfinished; all equal to the clean ingest's")
    stalled = stalled + 1 if c["articles"] == committed else 0
    committed = c["articles"]

# 3. Complete the last killed ingest.
proc, err_path, out_path = start(index, "final")
proc.wait()
digest = complete(index, "final", proc, out_path)
completed.append((run_no, digest))
say(f"run {run_no}: completed after the last kill: article set equal to the clean one")

elapsed = time.monotonic() - began
say("")
say(f"{cycles} of {cycles} SIGKILL cycles passed: the index opened and checked clean after every kill, "
    f"the committed count never went down within a run, every committed article equal to the clean ingest's")
say(f"{len(completed)} completed ingests ({run_no} runs from an empty index), every article set equal to "
    f"the clean one: {total} articles, sha256 {clean_hash}")
say("kills by stage (a merge may run during any stage):")
for s in STAGES:
    n = sum(1 for k in log if k["stage"] == s)
    m = sum(1 for k in log if k["stage"] == s and k["merging"])
    say(f"  {s:13} {n:3}  ({m} during a merge)")
merges = sum(1 for k in log if k["merging"])
say(f"  {'merge running':13} {merges:3}; segment updater busy: {sum(1 for k in log if k['updating'])}")
say(f"  kills with a large file unfinished: {sum(1 for k in log if k['unfinished'])}")
say(f"wall time {elapsed / 60:.1f} min (clean ingest {clean_wall:.1f} s), seed {seed}")
with open(os.path.join(work, "kills.json"), "w") as f:
    json.dump(log, f, indent=1)
if not (os.environ.get("WORK") or os.environ.get("KEEP")):
    shutil.rmtree(work, ignore_errors=True)
PY
