#!/usr/bin/env bash
# Large single files: bounded memory, and resuming a killed ingest.
#
#   bench/stream.sh [REPEAT] [BIN]
#
# Builds one JSON Lines file from the AllSides export repeated REPEAT times
# (default 4: about 150,000 articles, 1 GB; 16 gives about 4 GB) in
# $WORK (default /tmp/newsdex-stream), then:
#   1. a clean ingest: wall, CPU, peak RSS;
#   2. an ingest killed (SIGKILL) at half the clean run's wall time, then
#      re-run: the re-run's CPU as a share of the clean run's;
#   3. the article set after the re-run against the clean one: every id with
#      title, date, people, places, path, position and snippet, sorted and
#      hashed (`search '*' --json`).
# Prints one line per figure. The corpus is generated, never committed.
set -euo pipefail
repeat=${1:-4}
bin=${2:-target/release/newsdex}
work=${WORK:-/tmp/newsdex-stream}
data=${NEWSDEX_DATA:-$(dirname "$0")/../../shared/data}
mkdir -p "$work"
big="$work/allsides-x$repeat.jsonl"
if [ ! -s "$big" ]; then
  for _ in $(seq "$repeat"); do zcat "$data"/allsides/allsides-*.jsonl.gz; done > "$big.tmp"
  mv "$big.tmp" "$big"
fi
echo "file: $big, $(du -m "$big" | cut -f1) MB, $(wc -l < "$big") lines"

measure() { # measure OUT_PREFIX ARGS... -> runs, writes $1.time
  local out=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$out.time" "$@" > "$out.json" 2> "$out.err" || true
}
article_set() { # article_set INDEX -> sha1 of the sorted article set
  "$bin" --index "$1" search '*' --limit 100000000 --json |
    python3 -c 'import sys,json; rows=sorted(json.dumps(json.loads(l),sort_keys=True) for l in sys.stdin); print(len(rows)); import hashlib; print(hashlib.sha1("\n".join(rows).encode()).hexdigest())' |
    paste -sd' '
}

rm -rf "$work/clean" "$work/killed"
measure "$work/clean" "$bin" --index "$work/clean" ingest --no-progress --json --commit-every 10 "$big"
read -r wall user sys rss < "$work/clean.time"
cpu=$(python3 -c "print($user + $sys)")
echo "clean ingest: wall ${wall} s, CPU ${cpu} s, peak RSS $((rss / 1024)) MB"

half=$(python3 -c "print($wall / 2)")
"$bin" --index "$work/killed" ingest --no-progress --json --commit-every 10 "$big" > /dev/null 2>&1 &
pid=$!
sleep "$half"
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
committed=$("$bin" --index "$work/killed" stats --json 2>/dev/null | python3 -c 'import sys,json; print(json.load(sys.stdin)["articles"])' || echo 0)
measure "$work/resume" "$bin" --index "$work/killed" ingest --no-progress --json --commit-every 10 "$big"
read -r rwall ruser rsys rrss < "$work/resume.time"
rcpu=$(python3 -c "print($ruser + $rsys)")
echo "killed at ${half} s with ${committed} articles committed; re-run: wall ${rwall} s, CPU ${rcpu} s = $(python3 -c "print(round($rcpu / $cpu, 3))") of the clean CPU, peak RSS $((rrss / 1024)) MB"
echo "re-run summary: $(head -c 300 "$work/resume.json")"

clean_set=$(article_set "$work/clean")
resumed_set=$(article_set "$work/killed")
echo "article set: clean $clean_set, resumed $resumed_set"
[ "$clean_set" = "$resumed_set" ] && echo "article sets equal" || { echo "article sets DIFFER"; exit 1; }
