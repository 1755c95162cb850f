#!/usr/bin/env bash
# CI: every fuzz target (Fuzz/Targets) under libFuzzer + AddressSanitizer for a short fixed
# time with the seed corpus. A crash, a sanitizer report or an input slower than 25 s fails it.
#   FUZZ_SECONDS=30 bash .ci/fuzz.sh
# Prints each target's duration and the total. Needs only the Swift toolchain (its clang
# runtime has libFuzzer).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-30}
B=${FUZZ_BUILD:-.build-fuzz}
start=$(date +%s)
bash Fuzz/build.sh
echo "fuzz build: $(( $(date +%s) - start )) s"
# The targets run side by side, one per core (each libFuzzer run is single-threaded).
jobs=${FUZZ_JOBS:-$(nproc)}
rm -f "$B/failed"
run_one() {
  local t=$1 s
  s=$(date +%s)
  if bash Fuzz/run.sh "$t" "$SECONDS_EACH" > "$B/$t.log" 2>&1; then
    echo "fuzz $t: ok, $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$B/$t.log" | grep -o '[0-9]*$') runs, $(( $(date +%s) - s )) s"
  else
    echo "fuzz $t: FAILED after $(( $(date +%s) - s )) s; the input is in $B/crashes/$t/" >&2
    grep -E -A25 'ERROR: (AddressSanitizer|libFuzzer)|Fatal error|deadly signal' "$B/$t.log" | head -60 >&2 || tail -40 "$B/$t.log" >&2
    echo "$t" >> "$B/failed"
  fi
}
n=0
for f in Fuzz/Targets/*.swift; do
  t=$(basename "$f" .swift)
  [ "$t" = Support ] && continue
  run_one "$t" &
  n=$((n + 1))
  if (( n % jobs == 0 )); then wait; fi
done
wait
failed=()
[ -f "$B/failed" ] && mapfile -t failed < "$B/failed"
echo "fuzz total: $(( $(date +%s) - start )) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
