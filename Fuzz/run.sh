#!/usr/bin/env bash
# Runs one fuzz target for a while:   bash Fuzz/run.sh TARGET SECONDS [libFuzzer options…]
# TARGET is a file name in Fuzz/Targets without .swift: rules, formula, units-csv, units-json,
# roster, ballots-long, ballots-wide, workbook. The seeds come from rules/, samples/ and the test
# fixtures (see seed() below) and Fuzz/corpus/TARGET; what the fuzzer learns is kept in
# $FUZZ_BUILD/corpus/TARGET for the next run. A crash, a leak or an input slower than 25 s
# is saved under $FUZZ_BUILD/crashes/TARGET/ and makes the script fail (exit 1).
# Reproduce a crash with:  .build-fuzz/fuzz-TARGET .build-fuzz/crashes/TARGET/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bash Fuzz/run.sh TARGET SECONDS [libFuzzer options…]" >&2; exit 64; }
target=$1 seconds=$2
shift 2
B=${FUZZ_BUILD:-.build-fuzz}
bash Fuzz/build.sh "$target"
seeds="$B/seeds/$target" corpus="$B/corpus/$target" crashes="$B/crashes/$target/"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$crashes"
seed() { for f in "$@"; do [ -f "$f" ] && cp "$f" "$seeds/$(echo "$f" | tr '/' '_')"; done; return 0; }
fixtures=Tests/KaimenKitTests/Fixtures
case "$target" in
  rules)        seed rules/*.jsonc $fixtures/rules/*.jsonc $fixtures/inputs/rules.jsonc ;;
  formula)      ;;  # Fuzz/corpus/formula: the formulas of the bundled rules
  units-csv)    seed samples/xicheng-2014/units.csv $fixtures/inputs/*/units*.csv ;;
  units-json)   seed $fixtures/inputs/*/units*.json ;;
  roster)       seed samples/dongcheng-2019/roster.csv $fixtures/inputs/*/roster*.csv ;;
  ballots-long) seed samples/dongcheng-2019/ballots.csv ;;
  ballots-wide) seed samples/dongcheng-2019/ballots-wide.csv ;;
  workbook)     seed $fixtures/reference/workbook/*.xlsx ;;
esac
[ -d "Fuzz/corpus/$target" ] && cp Fuzz/corpus/"$target"/* "$seeds/" 2>/dev/null || true
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:symbolize=1}
"$B/fuzz-$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=3072 -max_len=65536 \
  -artifact_prefix="$crashes" -print_final_stats=1 "$@" "$corpus" "$seeds"
