#!/usr/bin/env bash
# kaimen side by side with the peers (pandas, and GoRules ZEN if asked) on the peers' own data,
# in one command: copies ../shared/bench-peers to $DATA (default /tmp/kaimen-peers), builds this
# tree's release kaimen, and runs the copy's side_by_side.sh with it (which sets up its Python
# venv, generates the data, converts it to kaimen's inputs, checks that kaimen and pandas agree
# at 10 000 units, then times the runs interleaved). Prints the report's timing table at the end;
# the whole report is $DATA/bench-peers/out/side_by_side.md.
#
#   bash Benchmarks/peers.sh                           # 1 000 000 units, 5 rounds, no ZEN
#   SIZES="10000 100000" RUNS=3 bash Benchmarks/peers.sh
#   ZEN_MAX_N=100000 bash Benchmarks/peers.sh          # ZEN too, up to 100 000 units
#   KAIMEN=/path/to/kaimen bash Benchmarks/peers.sh    # another kaimen binary
#
# Two changes are made to the copy: its kaimen_compare.py predates summary.csv's second header
# row (the standards' names under their ids) and took that row for a unit; the copy skips it.
# And its report took `--timings`' `hashed ahead` line for a stage; the copy keeps to numbers.
#
#   SETTLE_S=10 bash Benchmarks/peers.sh               # every timed run 10 s after the one before
#
# SETTLE_S (default 0: as the peers' script runs) adds a pause before each timed run, the same
# for every tool. On this project's host (a virtual machine whose balloon hands freed memory
# back to its host) a kaimen run right after pandas freed its 2.7 GB had 9–10 ticks of steal
# time (processor time the host gave elsewhere), and 0–1 after a 10 s pause: most likely the
# host taking that memory back (Benchmarks/README.md, "Session 38").
# The million-unit data is about 1.1 GB and takes a few minutes to make the first time; it is
# kept in $DATA and reused. Not part of the test suite: tests never assert on time.
set -euo pipefail
# Paths given relative to where the script was started from, made absolute before it moves.
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
[ -n "${PEERS:-}" ] && PEERS=$(absolute "$PEERS")
[ -n "${DATA:-}" ] && DATA=$(absolute "$DATA")
[ -n "${KAIMEN:-}" ] && KAIMEN=$(absolute "$KAIMEN")
cd "$(dirname "$0")/.."
PEERS=${PEERS:-$PWD/../shared/bench-peers}
DATA=${DATA:-/tmp/kaimen-peers}
[ -f "$PEERS/side_by_side.sh" ] || { echo "no $PEERS/side_by_side.sh: set PEERS to the peers' folder" >&2; exit 1; }
if [ -z "${KAIMEN:-}" ]; then
  swift build -c release --product kaimen >/dev/null
  KAIMEN="$PWD/.build/release/kaimen"
fi
mkdir -p "$DATA/bench-peers"
# The peers' scripts, refreshed on every run; their data and venv are kept.
find "$PEERS" -maxdepth 1 -type f -exec cp {} "$DATA/bench-peers/" \;
python3 - "$DATA/bench-peers" <<'EOF'
import sys
folder = sys.argv[1]

def patch(name, old, new, why):
    """Replaces `old` by `new` once in the copy's file `name`, unless it already holds `new`."""
    path = f"{folder}/{name}"
    s = open(path).read()
    if new in s:
        return
    if old not in s:
        sys.exit(f"{path}: cannot find {why}")
    open(path, "w").write(s.replace(old, new, 1))

anchor = '        for r in rd:\n'
patch("kaimen_compare.py", anchor,
      anchor + ('            # kaimen\'s second header row (the standards\' names) has no rank: not a unit.\n'
                '            if not r[col["rank"]]:\n                continue\n'),
      "where to skip summary.csv's second header row")
# Its report takes every `--timings` line for a stage; since 0.16 kaimen also says how far the
# inputs were hashed ahead (`hashed ahead<TAB>672.1 of 935.3 MB`), which it then failed to
# format as seconds. Only lines whose value is a number are stages.
patch("side_by_side_report.py",
      'names = [s for s in stages[mid] if s not in ("total", "engine", "fallbacks")]',
      'names = [s for s in stages[mid] if s not in ("total", "engine", "fallbacks") and isinstance(stages[mid][s][0], float)]',
      "the stages' names to keep to numbers")
anchor = '  read -r l waited note < <(wait_load)\n'
patch("side_by_side.sh", anchor,
      anchor + '  [ "${SETTLE_S:-0}" -gt 0 ] && sleep "$SETTLE_S"  # (added by kaimen\'s peers.sh)\n',
      "where a run waits for the load, to add SETTLE_S")
EOF
cd "$DATA/bench-peers"
# The correctness gate reads the 10 000 units' data, which side_by_side.sh makes only for the
# sizes it times: on a fresh machine `SIZES=1000000` stopped at the gate. 10 000 is timed too
# (a second or so a round).
SIZES=${SIZES:-1000000}
case " $SIZES " in *" 10000 "*) ;; *) SIZES="10000 $SIZES" ;; esac
KAIMEN="$KAIMEN" SIZES="$SIZES" RUNS="${RUNS:-5}" ZEN_MAX_N="${ZEN_MAX_N:-0}" ZEN_ONCE_N="${ZEN_ONCE_N-}" \
  EXTRAS="${EXTRAS:-floor session}" bash side_by_side.sh
echo
sed -n '/^## /,$p' out/side_by_side.md | head -60
