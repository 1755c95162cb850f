#!/usr/bin/env bash
# kaimen's end-to-end benchmark: generate N units with their roster and ballots, then score them
# in a release build (read, validate, score, rank, write the summary with every standard's
# points) and print wall time, peak memory and the time of each stage.
#
#   bash Benchmarks/run.sh                       # N = 10 000, 100 000, 1 000 000
#   SIZES="10000 100000" bash Benchmarks/run.sh  # some sizes only
#   RUNS=9 SIZES=1000000 bash Benchmarks/run.sh  # each size 9 times; the median run is shown
#   SIZES= bash Benchmarks/run.sh                # only the 100-unit session (with and without the full --out)
# With the 100 000-unit size it also times `explain` of one unit in that session.
#
# Generated data is kept in $DATA (default /tmp/kaimen-bench) and reused. Not part of the test
# suite: numbers depend on the machine, and tests never assert on time.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES-"10000 100000 1000000"}
DATA=${DATA:-/tmp/kaimen-bench}
SEED=${SEED:-20241121}
RULES=${RULES:-rules/xicheng-2014.jsonc}
RUNS=${RUNS:-1}

swift build -c release --product kaimen >/dev/null
K=.build/release/kaimen
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 1; }

printf '%-10s %10s %12s %9s %9s %10s %9s %9s %9s %9s %9s %9s\n' units "CSV MiB" ballots wall_s peak_MiB "metrics_s" roster_s ballots_s score_s rank_s write_s fallbacks
for n in $SIZES; do
  dir="$DATA/n$n"
  if [ ! -f "$dir/ballots.csv" ]; then
    "$K" generate --units "$n" --seed "$SEED" --rules "$RULES" --out "$dir" 2>/dev/null
  fi
  mib=$(du -cb "$dir"/units.csv "$dir"/roster.csv "$dir"/ballots.csv | tail -1 | awk '{printf "%.0f", $1/1048576}')
  ballots=$(awk -F, 'NR>1 { for (i = 3; i <= NF; i++) if ($i != "" && $i != "\r") n++ } END { print n+0 }' "$dir/ballots.csv")
  # Each run's /usr/bin/time and --timings output; keep the run with the median wall time.
  for r in $(seq "$RUNS"); do
    rm -rf "$dir/out"
    /usr/bin/time -v "$K" score --rules "$RULES" --units "$dir/units.csv" --roster "$dir/roster.csv" \
        --ballots "$dir/ballots.csv" --out "$dir/out" --summary-only --format none --quiet --timings 2> "$dir/time.$r.txt" >/dev/null
  done
  walls=$(for r in $(seq "$RUNS"); do
    awk -v r="$r" -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s, r }' "$dir/time.$r.txt"
  done | sort -n)
  median=$(echo "$walls" | sed -n "$(( (RUNS + 1) / 2 ))p" | cut -d' ' -f2)
  cp "$dir/time.$median.txt" "$dir/time.txt"
  [ "$RUNS" -gt 1 ] && echo "$n units, $RUNS runs, wall seconds: $(echo "$walls" | cut -d' ' -f1 | tr '\n' ' ')" >&2
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$dir/time.txt")
  peak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2/1024 }' "$dir/time.txt")
  stage() { awk -v s="$1" -F'\t' '$1 == s { printf "%.2f", $2 }' "$dir/time.txt"; }
  printf '%-10s %10s %12s %9s %9s %10s %9s %9s %9s %9s %9s %9s\n' "$n" "$mib" "$ballots" "$wall" "$peak" \
      "$(stage 'read metrics')" "$(stage 'read roster')" "$(stage 'read ballots')" "$(stage evaluate)" "$(stage rank)" "$(stage write)" \
      "$(awk -F'\t' '$1 == "fallbacks" { print $2 }' "$dir/time.txt")"
done

# `explain` of one unit in the 100 000-unit session (when that size was run): it reads and
# scores the whole session (the rank needs every total) and traces only the unit asked for.
dir="$DATA/n100000"
if [ -f "$dir/ballots.csv" ]; then
  times=()
  for i in $(seq 9); do
    s=$(date +%s%N)
    "$K" explain U050000 --rules "$RULES" --units "$dir/units.csv" --roster "$dir/roster.csv" --ballots "$dir/ballots.csv" >/dev/null
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  echo "explain U050000 in 100 000 units: median $(printf '%s\n' "${times[@]}" | sort -n | sed -n 5p) ms over 9 runs ($(printf '%s ' "${times[@]}")ms; load average $(cut -d' ' -f1 /proc/loadavg))"
fi

# A real session: 100 units, from process start to exit, median of 21 runs.
dir="$DATA/n100"
[ -f "$dir/ballots.csv" ] || "$K" generate --units 100 --seed "$SEED" --rules "$RULES" --out "$dir" 2>/dev/null
times=()
for i in $(seq 21); do
  s=$(date +%s%N)
  "$K" score --rules "$RULES" --units "$dir/units.csv" --roster "$dir/roster.csv" --ballots "$dir/ballots.csv" --format none --quiet
  e=$(date +%s%N)
  times+=($(( (e - s) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 11p)
echo "100 units, process start to exit: median ${median} ms over 21 runs"

# The same session with the full --out (summary.csv, summary.json, 200 score sheets,
# report.html, 公示.html, summary.xlsx and manifest.json, swapped in as one set and flushed to
# disk once), into a folder that already holds the previous run's set: median of 21 runs, the
# median processor time (user + system), and the 1-minute load average before the runs.
out="$DATA/n100/out-full"
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
times=()
cpus=()
for i in $(seq 21); do
  s=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$DATA/n100/cpu.txt" "$K" score --rules "$RULES" --units "$dir/units.csv" --roster "$dir/roster.csv" \
      --ballots "$dir/ballots.csv" --format none --quiet --out "$out"
  e=$(date +%s%N)
  times+=($(( (e - s) / 1000000 )))
  cpus+=($(awk '{ printf "%d", ($1 + $2) * 1000 }' "$DATA/n100/cpu.txt"))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 11p)
cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n 11p)
echo "100 units, full --out ($(ls "$out/sheets" | wc -l) sheets), process start to exit: median ${median} ms over 21 runs (processor ${cpu} ms; load average ${load})"
