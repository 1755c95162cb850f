#!/usr/bin/env bash
# How long `kaimen session status` and `session verify` take on a large session (release
# build): N generated units (groups of 7 representatives, 50 units each), a schedule made from
# the generated ballots (each group hears the units its representatives scored), the ballots
# entered once (`--single-entry`), then status and verify of the open session, `close`, and
# status and verify of the closed one. Prints wall and processor seconds and peak memory of
# each, the median of RUNS runs, and the load average before each size.
#
#   bash Benchmarks/session.sh                     # 100 000 and 200 000 units
#   SIZES="10000" RUNS=1 bash Benchmarks/session.sh
#   K=/tmp/kaimen-before bash Benchmarks/session.sh   # another binary (not rebuilt)
#   CLOSE=no SIZES=200000 bash Benchmarks/session.sh   # the open session only
#
# `close` and `verify` of a closed session trace every unit (its score sheets are made, written
# and dropped one at a time since session 50; before, all held at once: about 110 KB of memory
# a unit, 10.9 GB at 100 000 units). See Benchmarks/README.md for what they need now.
# The sessions are kept in $DATA (default /tmp/kaimen-bench-session) and reused. Not part of the
# test suite: numbers depend on the machine, and tests never assert on time.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${DATA:-/tmp/kaimen-bench-session}
SIZES=${SIZES:-100000 200000}
RUNS=${RUNS:-3}
CLOSE=${CLOSE:-yes}
RULES=rules/xicheng-2014.jsonc
if [ -z "${K:-}" ]; then
  swift build -c release --product kaimen >/dev/null
  K=.build/release/kaimen
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package: time)" >&2; exit 1; }

# One command, RUNS times: the median run's wall and processor seconds and peak MiB.
timed() {
  local label=$1; shift
  for r in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %U %S %M' -o "$DATA/time.$r" "$K" "$@" >/dev/null 2>&1 || true
  done
  for r in $(seq "$RUNS"); do cat "$DATA/time.$r"; done | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p" |
    awk -v l="$label" '{ printf "%-34s %8.2f %8.2f %8.0f\n", l, $1, $2 + $3, $4 / 1024 }'
}

mkdir -p "$DATA"
printf '%-34s %8s %8s %8s\n' "" wall_s cpu_s peak_MiB
for n in $SIZES; do
  d="$DATA/n$n"
  if [ ! -f "$d/s/journal.jsonl" ]; then
    rm -rf "$d"
    "$K" generate --units "$n" --seed 1 --rules "$RULES" --out "$d/data" >/dev/null 2>&1
    # The schedule: each group hears the units its representatives scored. A representative's
    # ballot for their own unit (one in fifty of those who belong to a heard unit) is left out:
    # `enter` refuses it (回避), and the sheet is a recusal.
    awk -F, 'FNR == 1 { next }
             FILENAME ~ /roster/ { group[$1] = $3; own[$1] = $4; next }
             own[$1] != "" && index(";" own[$1] ";", ";" $2 ";") { next }
             { print > (d "/typed.body"); key = group[$1] "," $2; if (!(key in seen)) { seen[key] = 1; print key > (d "/schedule.body") } }' \
      d="$d" "$d/data/roster.csv" "$d/data/ballots.csv"
    { echo "group,unit"; cat "$d/schedule.body"; } > "$d/schedule.csv"
    { head -1 "$d/data/ballots.csv"; cat "$d/typed.body"; } > "$d/typed.csv"
    rm -f "$d/schedule.body" "$d/typed.body"
    "$K" session init "$d/s" --rules "$RULES" --units "$d/data/units.csv" --roster "$d/data/roster.csv" \
      --schedule "$d/schedule.csv" --single-entry --by 王秘书 >/dev/null
    "$K" session enter "$d/s" "$d/typed.csv" --by 录入员甲 >/dev/null 2>&1
  fi
  echo "$n units (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  # The close itself, timed once (it cannot be run again on the same copy).
  if [ "$CLOSE" = yes ] && [ ! -f "$d/closed/journal.jsonl" ]; then
    rm -rf "$d/closed"
    cp -r "$d/s" "$d/closed"
    RUNS=1 timed "  close (once)" session close "$d/closed" --by 王秘书
  fi
  timed "  status, open (all entered)" session status "$d/s"
  timed "  verify, open" session verify "$d/s"
  if [ "$CLOSE" = yes ]; then
    timed "  status, closed" session status "$d/closed"
    timed "  verify, closed" session verify "$d/closed"
  fi
done
