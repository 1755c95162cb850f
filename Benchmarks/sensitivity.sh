#!/usr/bin/env bash
# Times `kaimen sensitivity` (1000 scenarios by default) on a generated session of 100 units,
# in a release build: wall seconds, processor seconds of all threads, peak memory, and the
# load average at the time (the machine is shared; processor seconds are the steadier figure).
#
#   bash Benchmarks/sensitivity.sh                      # 100 units, 1000 scenarios, 5 runs
#   UNITS=300 SCENARIOS=2000 RUNS=3 bash Benchmarks/sensitivity.sh
#
# Not part of the test suite: tests never assert on time.
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=${UNITS:-100}
SCENARIOS=${SCENARIOS:-1000}
RUNS=${RUNS:-5}
SEED=${SEED:-20241121}
RULES=${RULES:-rules/xicheng-2014.jsonc}
DATA=${DATA:-/tmp/kaimen-bench}

swift build -c release --product kaimen >/dev/null
K=.build/release/kaimen
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 1; }
dir="$DATA/n$UNITS"
[ -f "$dir/ballots.csv" ] || "$K" generate --units "$UNITS" --seed "$SEED" --rules "$RULES" --out "$dir" 2>/dev/null

printf '%-6s %-9s %-4s %8s %11s %9s %s\n' units scenarios run wall_s processor_s peak_MiB load_avg_1min
for r in $(seq "$RUNS"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$dir/sensitivity-time.txt" "$K" sensitivity --rules "$RULES" --units "$dir/units.csv" \
      --roster "$dir/roster.csv" --ballots "$dir/ballots.csv" --scenarios "$SCENARIOS" --format json >/dev/null
  read -r wall user sys kb < "$dir/sensitivity-time.txt"
  printf '%-6s %-9s %-4s %8s %11.2f %9.0f %s\n' "$UNITS" "$SCENARIOS" "$r" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$kb / 1024" | bc)" "$load"
done
