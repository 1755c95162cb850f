#!/usr/bin/env bash
# Two (or more) kaimen binaries on the same million units, interleaved (A B A B …), so a busy
# neighbour slows both alike: the medians of wall time, processor time (user + system) and
# system time, the page faults and the peak memory of each. The data is the peers' million as
# Benchmarks/peers.sh leaves it (data/n1000000/kaimen/ under $DATA/bench-peers; run peers.sh
# once first). Not part of the test suite: tests never assert on time.
#
#   RUNS=9 bash Benchmarks/ab.sh old=/tmp/kaimen-old new=.build/release/kaimen
#   ENV_new="GLIBC_TUNABLES=glibc.malloc.hugetlb=1" bash Benchmarks/ab.sh plain=K with-thp=K
set -euo pipefail
RUNS=${RUNS:-5}
DATA=${DATA:-/tmp/kaimen-peers}
N=${N:-1000000}
B="$DATA/bench-peers"
[ -f "$B/data/n$N/kaimen/ballots.csv" ] || { echo "no $B/data/n$N/kaimen/ballots.csv: run Benchmarks/peers.sh first (or set DATA)" >&2; exit 1; }
[ $# -ge 1 ] || { echo "usage: bash Benchmarks/ab.sh NAME=BINARY [NAME=BINARY …]" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
declare -A bin lines
names=()
for spec in "$@"; do
  name=${spec%%=*}; path=${spec#*=}
  case "$path" in /*) ;; *) path="$PWD/$path" ;; esac
  bin[$name]=$path; names+=("$name")
done
cd "$B"
for _ in $(seq "$RUNS"); do
  for name in "${names[@]}"; do
    envname="ENV_${name//-/_}"
    rm -rf "$out/set"
    line=$(env ${!envname:-} /usr/bin/time -f "TIME %e %U %S %M %R" "${bin[$name]}" score --rules kaimen-rules.jsonc \
      --units "data/n$N/kaimen/units.csv" --roster "data/n$N/kaimen/roster.csv" --ballots "data/n$N/kaimen/ballots.csv" \
      --out "$out/set" --summary-only --format none --quiet 2>&1 | grep '^TIME')
    lines[$name]+="$line"$'\n'
  done
done
echo "$RUNS runs each, interleaved; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${names[@]}"; do
  printf '%s\n' "${lines[$name]}" | python3 -c '
import statistics as s, sys
name = sys.argv[1]
rows = [l.split()[1:] for l in sys.stdin if l.strip()]
wall = [float(r[0]) for r in rows]; cpu = [float(r[1]) + float(r[2]) for r in rows]; sys_ = [float(r[2]) for r in rows]
print("%-10s wall %.2f s  user+sys %.2f s  sys %.2f s  faults %d  peak %d MB   (wall: %s)" % (
    name, s.median(wall), s.median(cpu), s.median(sys_), s.median(int(r[4]) for r in rows), max(int(r[3]) for r in rows) // 1000,
    " ".join("%.2f" % w for w in wall)))' "$name"
done
