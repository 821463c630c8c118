#!/usr/bin/env bash
# A full disk and a read-only index folder, on a small tmpfs (needs root to
# mount; run by .ci/run). Checks that:
#   1. an ingest that fills the disk fails with exit 2 and an error naming
#      the full disk, and the index still opens at its last commit;
#   2. after space is freed, the same ingest completes;
#   3. on a read-only file system, ingest fails with a clear error (exit 2)
#      and search still works.
# usage: tests/reliability/disk.sh [BIN]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bin=$(realpath "${1:-target/release/newsdex}")
[ "$(id -u)" -eq 0 ] || { echo "disk.sh: needs root (mount)" >&2; exit 2; }
work=$(mktemp -d)
mnt="$work/disk"
mkdir -p "$mnt"
cleanup() { umount "$mnt" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "disk.sh: FAILED: $*" >&2; exit 1; }

# Two corpora of our own generated articles: a small one, then a big one.
python3 - "$work" <<'PY'
import os, random, sys
work = sys.argv[1]
rng = random.Random(7)
words = "council harbour budget repairs minister trade talks river bridge vote market energy port strike court ruling".split()
names = ["Ana Ruiz", "Kofi Mensah", "Yuki Tanaka", "Lena Berg", "Omar Haddad"]
places = ["Lisbon", "Nairobi", "Osaka", "Quito", "Tallinn"]
def article(i):
    body = " ".join(rng.choice(words) + str(rng.randrange(100000)) for _ in range(300))
    return f"Report {i}\n\n{rng.choice(names)} spoke in {rng.choice(places)}. {body}\n"
for name, n in (("small", 40), ("big", 1500)):
    os.makedirs(f"{work}/{name}")
    for i in range(n):
        with open(f"{work}/{name}/{i:05}.txt", "w") as f:
            f.write(article(i))
PY

mount -t tmpfs -o size=3m tmpfs "$mnt"
index="$mnt/index"
"$bin" --index "$index" ingest --no-progress "$work/small" 2>/dev/null
before=$("$bin" --index "$index" stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
[ "$before" -eq 40 ] || fail "small ingest: $before articles"

echo "-- 1. the disk fills during an ingest"
set +e
"$bin" --index "$index" ingest --no-progress --commit-every 1 "$work/small" "$work/big" > "$work/out" 2> "$work/err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "exit code $code on a full disk: $(cat "$work/err")"
grep -q "no space left" "$work/err" || fail "the error does not say the disk is full: $(cat "$work/err")"
grep -qF "$mnt" "$work/err" || fail "the error does not name the disk: $(cat "$work/err")"
echo "   error: $(head -1 "$work/err")"
after=$("$bin" --index "$index" stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])') ||
  fail "the index does not open after the full disk"
[ "$after" -ge 40 ] || fail "the index lost articles: $after"
echo "   the index opens at its last commit: $after articles"
"$bin" --index "$index" check > /dev/null || fail "check after the full disk: $("$bin" --index "$index" check)"

echo "-- 2. space freed: the ingest completes"
mount -o remount,size=256m "$mnt"
"$bin" --index "$index" ingest --no-progress "$work/small" "$work/big" 2>/dev/null
total=$("$bin" --index "$index" stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
[ "$total" -eq 1540 ] || fail "after freeing space: $total articles, not 1540"
"$bin" --index "$index" check > /dev/null || fail "check after the re-run"
echo "   $total articles"

echo "-- 3. a read-only index"
mount -o remount,ro "$mnt"
set +e
"$bin" --index "$index" ingest --no-progress "$work/small" > "$work/out" 2> "$work/err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "exit code $code on a read-only index: $(cat "$work/err")"
grep -qi "read-only" "$work/err" || fail "the error does not say read-only: $(cat "$work/err")"
echo "   error: $(head -1 "$work/err")"
"$bin" --index "$index" search report --limit 1 > /dev/null || fail "search on a read-only index"
echo "   search works"
echo "disk.sh: all passed"
