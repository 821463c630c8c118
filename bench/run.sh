#!/usr/bin/env bash
# Runs the peer benchmark harness of ../shared/bench with newsdex as one more
# column: tantivy-cli, SQLite FTS5, Xapian, Lucene, ripgrep and newsdex on the
# same Reuters-21578 articles, in the same run, interleaved.
#
#   bench/run.sh                 # Reuters (the 10 files in ../shared/data)
#   REPLICATE=10 bench/run.sh    # the same articles written 10 times
#   WORK=/tmp/nxbench bench/run.sh
#
# The harness writes beside itself, so it is copied to $WORK first. Its
# setup (apt packages, a tantivy-cli build: ~10 min) runs once per $WORK.
# Knobs of the harness (RUNS, PEERS, ...) pass through; see its README.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=$(cd "$ROOT/../shared" && pwd)
WORK=${WORK:-${TMPDIR:-/tmp}/newsdex-bench}
REPLICATE=${REPLICATE:-1}

cargo build --release --manifest-path "$ROOT/Cargo.toml"
BIN="$ROOT/target/release/newsdex"

if [ ! -x "$WORK/bench.sh" ]; then
  mkdir -p "$WORK"
  cp -r "$SHARED/bench/." "$WORK/"
fi
cd "$WORK"
[ -x tools/bin/tantivy ] || ./setup.sh

# newsdex reads the same NDJSON file as tantivy-cli. Its person filter is a
# flag rather than query syntax.
cat > ours.env <<ENV
OURS_NAME=newsdex
OURS_INGEST='$BIN --index {index} ingest --no-progress {ndjson}'
OURS_SEARCH='$BIN --index {index} search {q}'
OURS_COUNT='$BIN --index {index} search {q} --limit 0'
OURS_VERSION_CMD='$BIN --version'
ENV
python3 - <<'PY'
lines = open("queries.tsv").read().split("\n")
out = []
for line in lines:
    if line.startswith("person:volcker+rates\t"):
        cols = line.split("\t")
        cols[-1] = "--person volcker rates"
        line = "\t".join(cols)
    out.append(line)
open("queries.tsv", "w").write("\n".join(out))
PY

name=reuters
[ "$REPLICATE" = 1 ] || name="reuters_x$REPLICATE"
if [ ! -f "data/$name.ndjson" ]; then
  python3 make_corpus.py --reuters "$SHARED/data/reuters21578" --replicate "$REPLICATE" \
    --ndjson "data/$name.ndjson" --txt "data/${name}_txt"
fi
./bench.sh "data/$name.ndjson" "data/${name}_txt" "work/$name"
echo "table: $WORK/work/$name/table.md"
