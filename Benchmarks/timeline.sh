#!/usr/bin/env bash
# Where the cores are busy and where one waits: one run of kaimen on the peers' million under
# `perf record`, then per stage (from `--timings`) how much of the machine's cores the run used,
# and a timeline of busy cores with each bucket's busiest function. This is how session 20 found
# a quarter second with one core idle between ranking and the summary's first rows.
#
#   bash Benchmarks/timeline.sh                          # this tree's release build, 100 ms buckets
#   BUCKET=0.05 KAIMEN=/tmp/kaimen-old bash Benchmarks/timeline.sh
#
# Needs `perf` (Debian: apt-get install linux-perf) and the data Benchmarks/peers.sh leaves in
# $DATA (default /tmp/kaimen-peers). Samples are taken at 1999 Hz per core; a bucket's "busy" is
# its samples over what one core gives in it. Not part of the test suite.
set -euo pipefail
DATA=${DATA:-/tmp/kaimen-peers}
N=${N:-1000000}
BUCKET=${BUCKET:-0.1}
B="$DATA/bench-peers"
command -v perf >/dev/null || { echo "perf is not installed (Debian: apt-get install linux-perf)" >&2; exit 1; }
[ -f "$B/data/n$N/kaimen/ballots.csv" ] || { echo "no $B/data/n$N/kaimen/ballots.csv: run Benchmarks/peers.sh first (or set DATA)" >&2; exit 1; }
cd "$(dirname "$0")/.."
if [ -z "${KAIMEN:-}" ]; then
  swift build -c release --product kaimen >/dev/null
  KAIMEN="$PWD/.build/release/kaimen"
fi
case "$KAIMEN" in /*) ;; *) KAIMEN="$PWD/$KAIMEN" ;; esac
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$B"
perf record -q -F 1999 -o "$out/perf.data" "$KAIMEN" score --rules kaimen-rules.jsonc \
  --units "data/n$N/kaimen/units.csv" --roster "data/n$N/kaimen/roster.csv" --ballots "data/n$N/kaimen/ballots.csv" \
  --out "$out/set" --summary-only --format none --quiet --timings 2> "$out/timings" >/dev/null
perf script -i "$out/perf.data" -F tid,time,ip,sym 2>/dev/null > "$out/samples"
python3 - "$out/samples" "$out/timings" "$BUCKET" "$(nproc)" <<'EOF'
import collections, sys
samples_path, timings_path, bucket, cores = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
rate = 1999.0
rows = []
for line in open(samples_path, errors="replace"):
    parts = line.split()
    if len(parts) < 2:
        continue
    try:
        tid, t = parts[0], float(parts[1].rstrip(":"))
    except ValueError:
        continue
    # tid, time, address, function (when perf knows it)
    rows.append((t, tid, parts[3] if len(parts) > 3 else "?"))
if not rows:
    sys.exit("perf recorded no samples")
start = min(r[0] for r in rows)
rows = [(t - start, tid, sym) for t, tid, sym in rows]
end = max(r[0] for r in rows)
# Stages follow one another: their starts are the sums of the walls before them.
stages, at = [], 0.0
for line in open(timings_path):
    f = line.rstrip("\n").split("\t")
    if len(f) == 3 and f[0] != "total":
        try:
            wall = float(f[1])
        except ValueError:
            continue
        stages.append((f[0], at, at + wall))
        at += wall
print(f"{len(rows)} samples over {end:.2f} s, {cores} cores; stages from --timings (their starts approximate: process start is not counted)")
print()
print(f"{'stage':<14} {'from s':>7} {'to s':>7} {'cores busy':>11}")
for name, a, b in stages:
    n = sum(1 for t, _, _ in rows if a <= t < b)
    busy = n / (rate * (b - a)) if b > a else 0.0
    print(f"{name:<14} {a:7.2f} {b:7.2f} {busy:6.2f} of {cores}")
print()
print(f"{'at s':>6} {'busy':>5}  threads (samples)                      busiest function")
by_bucket = collections.defaultdict(list)
for t, tid, sym in rows:
    by_bucket[int(t / bucket)].append((tid, sym))
for k in range(int(end / bucket) + 1):
    got = by_bucket.get(k, [])
    per_thread = collections.Counter(tid for tid, _ in got)
    top = collections.Counter(sym for _, sym in got).most_common(1)
    busy = len(got) / (rate * bucket)
    threads = " ".join(f"{tid}:{c}" for tid, c in per_thread.most_common(4))
    name = top[0][0] if top else ""
    # Swift's mangled names: the part after the module is enough to tell them apart.
    name = name.replace("$s9KaimenKit", "")[:48]
    print(f"{k * bucket:6.2f} {busy:5.2f}  {threads:<38} {name}")
EOF
