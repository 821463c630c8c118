#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/) for EXECS executions, one at a
# time on one core, and prints a table of executions, wall time and crashes.
#
#   tools/fuzz/run.sh [EXECS] [TARGET...]     (EXECS defaults to 10000000)
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz
# --locked`). Not part of CI: CI replays the committed seeds and crash
# reproducers on stable (tests/fuzz_replay.rs).
#
# The run corpora are made in fuzz/corpus-run/TARGET (git-ignored) from the
# committed seeds (fuzz/seeds/TARGET), the crash reproducers
# (fuzz/regressions/TARGET), the repository's corpus/ and tests/fixtures/,
# and, when ../shared/data is there, a few hundred samples of it. Samples of
# ../shared/data are copied at run time only: they are never committed.
#
# Environment:
#   FUZZ_MAX_TIME   stop a target after this many seconds even if EXECS are
#                   not reached (default: no limit); the table shows the
#                   executions really done
#   FUZZ_SANITIZER  cargo-fuzz's --sanitizer (default: none; `address` is
#                   about twice as slow)
#   FUZZ_LOG_DIR    where libFuzzer's output goes (default: fuzz/logs)
#   SHARED_DATA     the shared data folder (default: ../shared/data)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)

execs=${1:-10000000}
shift || true
all_targets=(text json json_lines html html_date feed sgml file dates query)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
max_time=${FUZZ_MAX_TIME:-0}
sanitizer=${FUZZ_SANITIZER:-none}
log_dir=${FUZZ_LOG_DIR:-$root/fuzz/logs}
shared=${SHARED_DATA:-$root/../shared/data}
run_dir=$root/fuzz/corpus-run
mkdir -p "$log_dir" "$run_dir"

# The longest input each target is given.
max_len() {
  case $1 in
    html | html_date) echo 65536 ;;
    file) echo 32768 ;;
    text | json | json_lines | feed | sgml) echo 16384 ;;
    dates | query) echo 256 ;;
  esac
}

# Fills fuzz/corpus-run/TARGET for every target (existing entries, the
# fuzzer's finds of earlier runs, are kept).
prepare() {
  python3 "$root/tools/fuzz/prepare.py" "$root" "$shared" "$run_dir" "${targets[@]}"
}

echo "== preparing run corpora in fuzz/corpus-run"
prepare

echo "== building the targets (nightly, sanitizer: $sanitizer)"
(cd fuzz && cargo +nightly fuzz build -O --sanitizer "$sanitizer" >/dev/null)

results=()
for target in "${targets[@]}"; do
  log=$log_dir/$target.log
  len=$(max_len "$target")
  args=(-runs="$execs" -max_len="$len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
  [ "$max_time" -gt 0 ] && args+=(-max_total_time="$max_time")
  limit=""
  [ "$max_time" -gt 0 ] && limit=", at most ${max_time} s"
  echo "== $target: up to $execs executions, max_len $len$limit (log: $log)"
  start=$(date +%s)
  set +e
  (cd fuzz && cargo +nightly fuzz run -O --sanitizer "$sanitizer" "$target" \
    "$run_dir/$target" "$root/fuzz/seeds/$target" -- "${args[@]}") >"$log" 2>&1
  status=$?
  set -e
  wall=$(($(date +%s) - start))
  runs=$( (grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" || true) | grep -o '[0-9]*$' | tail -1)
  [ -n "$runs" ] || runs=$( (grep -o '^#[0-9]*' "$log" || true) | tr -d '#' | tail -1)
  crashes=$( (grep -o 'Test unit written to [^ ]*' "$log" || true) | sed 's/Test unit written to //' | tr '\n' ' ')
  [ -n "$crashes" ] || { [ "$status" -eq 0 ] && crashes=none || crashes="exit $status, see $log"; }
  rate=$(( ${runs:-0} / (wall > 0 ? wall : 1) ))
  results+=("| $target | ${runs:-0} | ${wall} s | $rate | $crashes |")
  echo "   ${runs:-0} executions in ${wall} s; crashes: $crashes"
done

echo
echo "| target | executions | wall time | executions/s | crashes |"
echo "| --- | ---: | ---: | ---: | --- |"
printf '%s\n' "${results[@]}"
