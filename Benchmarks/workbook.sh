#!/usr/bin/env bash
# Workbook inputs against CSV (since 0.28.0): `kaimen generate --units N` for each size, its
# units and ballots saved as .xlsx by openpyxl (numbers as numbers, rates as percentages), then
# `kaimen score` of the CSV files and of the workbooks, RUNS times each, in a release build.
# Prints each run's wall time and peak memory (/usr/bin/time -v), and the median.
#   bash Benchmarks/workbook.sh                       # N = 1 000 and 10 000, 3 runs each
#   SIZES=2000 RUNS=5 bash Benchmarks/workbook.sh
# Needs python3 with openpyxl (pip install openpyxl), for the conversion only.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000"} RUNS=${RUNS:-3}
python3 -c "import openpyxl" 2>/dev/null || pip install -q openpyxl
swift build -c release --product kaimen >/dev/null
K=$(swift build -c release --show-bin-path)/kaimen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in $SIZES; do
  d="$work/$n"
  "$K" generate --units "$n" --out "$d" >/dev/null 2>&1
  for f in units ballots; do
    python3 - "$d/$f.csv" "$d/$f.xlsx" <<'PY'
import csv, sys, openpyxl
source, target = sys.argv[1:]
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet("数据")
def cell(v):
    if v == "": return None
    try:
        if v.endswith("%"):
            c = openpyxl.cell.WriteOnlyCell(sheet, value=float(v[:-1]) / 100); c.number_format = "0.0%"; return c
        return int(v) if v.lstrip("-").isdigit() else float(v)
    except ValueError:
        return v
with open(source, encoding="utf-8-sig") as f:
    for i, row in enumerate(csv.reader(f)):
        sheet.append(row if i == 0 else [cell(v) for v in row])
book.save(target)
PY
  done
  for kind in csv xlsx; do
    times=()
    for _ in $(seq "$RUNS"); do
      /usr/bin/time -o "$work/time" -f "%e %M" "$K" score --rules rules/xicheng-2014.jsonc --units "$d/units.$kind" \
        --roster "$d/roster.csv" --ballots "$d/ballots.$kind" --format none --quiet > /dev/null 2>&1
      line=$(tail -1 "$work/time")
      times+=("${line%% *}")
      echo "N=$n $kind: ${line%% *} s, $(( ${line##* } / 1024 )) MiB"
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    echo "N=$n $kind: median $median s of $RUNS ($(du -h "$d/units.$kind" | cut -f1) units, $(du -h "$d/ballots.$kind" | cut -f1) ballots)"
  done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
