#!/usr/bin/env bash
# Reading long-form ballots (`unit,representative,standard,score`, the peers' format): makes the
# peers' 100 000-unit set with ../shared/bench-peers (gen.py + kaimen_adapter.py, ~5.5 M ballot
# rows, 76 MB), scores it with one or more kaimen binaries interleaved (A B A B …), and prints the
# `read ballots` stage of `kaimen score --timings` (wall and processor seconds) per run, then the
# median processor time per binary. Processor time, because the machine is usually shared.
#
#   bash Benchmarks/long-ballots.sh                         # this tree's release build, 5 runs
#   RUNS=9 bash Benchmarks/long-ballots.sh OLD/kaimen NEW/kaimen
#
# The data is kept in $DATA (default /tmp/kaimen-long-ballots) and reused. Not part of the test
# suite: tests never assert on time. Do not raise N to 1 000 000 on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS=${PEERS:-../shared/bench-peers}
DATA=${DATA:-/tmp/kaimen-long-ballots}
RUNS=${RUNS:-5}
if [ $# -eq 0 ]; then
  swift build -c release --product kaimen >/dev/null
  set -- "$PWD/.build/release/kaimen"
fi
if [ ! -f "$DATA/bench-peers/data/n100000/kaimen/ballots.csv" ]; then
  mkdir -p "$DATA"
  cp -r "$PEERS" "$DATA/"
  (cd "$DATA/bench-peers" && python3 gen.py --sizes 100000 >/dev/null && python3 kaimen_adapter.py data/n100000 >/dev/null)
fi
B=$DATA/bench-peers
D=$B/data/n100000/kaimen
declare -A cpu
for run in $(seq "$RUNS"); do
  for k in "$@"; do
    line=$("$k" score --rules "$B/kaimen-rules.jsonc" --units "$D/units.csv" --roster "$D/roster.csv" --ballots "$D/ballots.csv" \
      --format none --quiet --timings 2>&1 >/dev/null | awk -F'\t' '$1 == "read ballots" { w = $2; c = $3 } $1 == "engine" { e = $2 } $1 == "handover" { h = $2 }
        END { printf "%s\t%s\t%s%s", w, c, e, (h ? "\thandover " h : "") }')
    printf '%s\trun %d\tread ballots wall %s\tcpu %s\tload %s\n' "$k" "$run" "$(cut -f1 <<<"$line")" "$(cut -f2 <<<"$line")" "$(cut -d' ' -f1 /proc/loadavg)"
    [ "$(cut -f3 <<<"$line")" = bulk ] || echo "  (not read by the bulk path: $line)"
    cpu[$k]="${cpu[$k]:-} $(cut -f2 <<<"$line")"
  done
done
for k in "$@"; do
  printf '%s\tmedian read ballots cpu %s s\n' "$k" "$(tr ' ' '\n' <<<"${cpu[$k]}" | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
done
