#!/usr/bin/env bash
# How long `kaimen panel` takes (release build): a generated 100-unit session with 30
# representatives (2 groups of 15), and a 10 000-unit session (groups of 7, 50 units each).
# Prints wall time, processor time and peak memory of each run; the median of RUNS runs.
#
#   bash Benchmarks/panel.sh
#   RUNS=5 bash Benchmarks/panel.sh
#   RESAMPLES=200 bash Benchmarks/panel.sh     # fewer bootstrap resamples (default 1000)
#
# Generated data is kept in $DATA (default /tmp/kaimen-bench-panel) and reused. Not part of the
# test suite: numbers depend on the machine, and tests never assert on time.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/tmp/kaimen-bench-panel}
SEED=${SEED:-20241121}
RULES=${RULES:-rules/xicheng-2014.jsonc}
RUNS=${RUNS:-3}
RESAMPLES=${RESAMPLES:-1000}

swift build -c release --product kaimen >/dev/null
K=.build/release/kaimen
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 1; }

printf '%-28s %8s %10s %8s %9s %9s %9s\n' session reps ballots outliers wall_s cpu_s peak_MiB
for spec in "100 15 50" "10000 7 50"; do
  read -r n size per <<<"$spec"
  dir="$DATA/n$n-g$size"
  if [ ! -f "$dir/ballots.csv" ]; then
    "$K" generate --units "$n" --seed "$SEED" --rules "$RULES" --group-size "$size" --units-per-group "$per" --out "$dir" 2>/dev/null
  fi
  reps=$(($(wc -l < "$dir/roster.csv") - 1))
  args=(--rules "$RULES" --units "$dir/units.csv" --roster "$dir/roster.csv" --ballots "$dir/ballots.csv" --resamples "$RESAMPLES")
  for r in $(seq "$RUNS"); do
    /usr/bin/time -v "$K" panel "${args[@]}" --format json > "$dir/panel.json" 2> "$dir/time.$r.txt"
  done
  median=$(for r in $(seq "$RUNS"); do
    awk -v r="$r" -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s, r }' "$dir/time.$r.txt"
  done | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p" | cut -d' ' -f2)
  t="$dir/time.$median.txt"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$t")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$t")
  peak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2/1024 }' "$t")
  ballots=$(python3 -c "import json,sys; d=json.load(open('$dir/panel.json')); print(sum(int(c['ballots']) for c in d['cells']), len(d['outliers']))")
  printf '%-28s %8s %10s %8s %9s %9s %9s\n' "$n units, groups of $size" "$reps" $ballots "$wall" "$cpu" "$peak"
done
