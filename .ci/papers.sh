#!/usr/bin/env bash
# Prints kaimen's papers as a committee would and checks them with independent tools:
# headless Chromium (HTML → PDF), poppler (page counts, page sizes, text positions), openpyxl
# (summary.xlsx against summary.csv) and LibreOffice (opens and converts summary.xlsx); and the
# entry workbook filled in by openpyxl and saved by LibreOffice, read back by kaimen.
# Installs what is missing (apt-get, pip). Exits non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v soffice >/dev/null || need+=(libreoffice-calc)
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "papers: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
python3 -c "import openpyxl" 2>/dev/null || pip install -q openpyxl
echo "papers: tools ready after $(( $(date +%s) - start )) s"

swift build -q 2>&1 | grep -v "^$" || true
bin=$(swift build --show-bin-path)/kaimen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/out"; sheets="$work/sheets"

"$bin" score --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv \
  --roster samples/xicheng-2014/roster.csv --ballots samples/xicheng-2014/ballots.csv --out "$out" --format none --quiet
"$bin" sheets --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv \
  --roster samples/xicheng-2014/roster.csv --schedule samples/xicheng-2014/schedule.csv --out "$sheets"
"$bin" sheets --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv --lang en \
  --roster samples/xicheng-2014/roster.csv --schedule samples/xicheng-2014/schedule.csv --out "$work/sheets-en" >/dev/null

print_pdf() {  # HTML → PDF beside it, with no browser header or footer
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="${1%.html}.pdf" "file://$1" >/dev/null 2>&1
  [ -s "${1%.html}.pdf" ] || { echo "FAIL: chromium did not print $1"; exit 1; }
}
for f in "$out/report.html" "$out/公示.html" "$sheets/ballot-sheets.html"; do print_pdf "$f"; done

python3 Tests/KaimenKitTests/Fixtures/reference/papers/check_papers.py "$out" "$sheets" "$work/sheets-en"

# LibreOffice must open the workbook and convert it (UTF-8 CSV of the first sheet, values as
# displayed): every cell must read as in summary.csv, numbers with their two decimals.
lo="$work/lo"
timeout 300 soffice --headless --norestore --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$lo" "$out/summary.xlsx" \
  >"$work/lo.log" 2>&1 || { cat "$work/lo.log"; echo "FAIL: LibreOffice could not convert summary.xlsx"; exit 1; }
[ -s "$lo/summary.csv" ] || { cat "$work/lo.log"; echo "FAIL: LibreOffice wrote no CSV"; exit 1; }
python3 - "$out/summary.csv" "$lo/summary.csv" <<'PY'
import csv, re, sys
a = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
b = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
b = [r + [""] * (len(a[0]) - len(r)) for r in b]
def same(j, x, y):
    # 说明: the workbook counts a recusal the CSV names (docs/papers.md, "Anonymity").
    if x == y: return True
    if a[0][j] != "说明": return False
    keep = lambda note, r: [p for p in note.split("；") if p.startswith("回避：") == r]
    return keep(x, False) == keep(y, False) and all(re.fullmatch(r"回避：\d+ 名(本单位代表|申报回避的代表)的 \d+ 票不计", p) for p in keep(y, True))
bad = [(i + 1, j + 1, x, y) for i, (ra, rb) in enumerate(zip(a, b)) for j, (x, y) in enumerate(zip(ra, rb)) if not same(j, x, y)]
if len(a) != len(b) or bad:
    print("FAIL: LibreOffice reads summary.xlsx differently from summary.csv:", len(a), len(b), bad[:5]); sys.exit(1)
print(f"papers: LibreOffice shows all {len(a)} rows of 汇总 as summary.csv (recusals counted, not named)")
PY

# The entry workbook filled in as a typist would in a spreadsheet (since 0.28.0 it is read as it
# is): openpyxl types the sample's typed-b.csv into entry-template.xlsx, sheet by sheet and score
# by score as numbers, LibreOffice saves it again (deflated, shared strings, its own styles), and
# kaimen scores it exactly as it scores typed-b.csv.
python3 - "$sheets/entry-template.xlsx" samples/xicheng-2014/typed-b.csv "$work/filled.xlsx" <<'PY'
import csv, sys, openpyxl
template, typed, out = sys.argv[1:]
with open(typed, encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
head, scores = rows[0], {(r[0], r[1]): r for r in rows[1:]}
wb = openpyxl.load_workbook(template)
ws = wb.worksheets[0]
names = [c.value for c in ws[1]]
rep, unit = names.index("代表编号"), names.index("单位编号")
filled = 0
for row in ws.iter_rows(min_row=2):
    typed_row = scores.get((row[rep].value, row[unit].value))
    if typed_row is None:
        continue
    for j, name in enumerate(head[2:], 2):
        if typed_row[j] != "":
            row[names.index(name)].value = float(typed_row[j])
    filled += 1
if filled != len(scores):
    print(f"FAIL: {filled} of the template's rows match typed-b.csv's {len(scores)} sheets"); sys.exit(1)
wb.save(out)
PY
timeout 300 soffice --headless --norestore --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$lo/saved" "$work/filled.xlsx" >/dev/null 2>&1
[ -s "$lo/saved/filled.xlsx" ] || { echo "FAIL: LibreOffice did not save the filled entry workbook"; exit 1; }
score_with() {  # the ranking as CSV, or FAIL when kaimen does not score the file
  "$bin" score --rules rules/xicheng-2014.jsonc --units samples/xicheng-2014/units.csv \
    --roster samples/xicheng-2014/roster.csv --ballots "$1" --format csv > "$2" 2> "$2.err" \
    || { echo "FAIL: kaimen did not score $1:"; head -5 "$2.err"; exit 1; }
}
score_with "$lo/saved/filled.xlsx" "$work/filled.ranking"
score_with samples/xicheng-2014/typed-b.csv "$work/typed.ranking"
if ! cmp -s "$work/filled.ranking" "$work/typed.ranking" || [ "$(wc -l < "$work/typed.ranking")" -lt 10 ]; then
  echo "FAIL: the entry workbook, filled in and saved by LibreOffice, scores otherwise than typed-b.csv"
  diff "$work/filled.ranking" "$work/typed.ranking" | head -10
  exit 1
fi
echo "papers: the entry workbook, filled in by openpyxl and saved by LibreOffice, scores as typed-b.csv"

if [ -n "${PAPERS_PNG:-}" ]; then  # PAPERS_PNG=DIR keeps pictures of the pages to look at
  mkdir -p "$PAPERS_PNG"
  pdftoppm -png -r 70 "$out/report.pdf" "$PAPERS_PNG/report"
  pdftoppm -png -r 70 "$out/公示.pdf" "$PAPERS_PNG/notice"
  pdftoppm -png -r 70 -f 1 -l 8 "$sheets/ballot-sheets.pdf" "$PAPERS_PNG/ballot"
fi
echo "papers: passed in $(( $(date +%s) - start )) s"
