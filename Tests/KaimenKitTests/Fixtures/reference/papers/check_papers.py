#!/usr/bin/env python3
"""Checks kaimen's printable papers as a person would get them, with independent tools.

usage: check_papers.py OUT_DIR SHEETS_DIR [SHEETS_EN_DIR]

- every HTML file was printed to PDF beside it (by .ci/papers.sh, headless Chromium);
  report.pdf: the summary pages, then each unit's score sheet starting on a fresh page (then the
  评委分析 section on pages of its own), no page
  holding two units; 公示.pdf: one page per 9 units or so; ballot-sheets.pdf: exactly one page
  per sheet. No page is wider than A4 (portrait or landscape), and no text runs past the right
  edge of its page (pdftotext -bbox gives every word's box).
- summary.xlsx read with openpyxl: sheet names, and every cell of 汇总 against summary.csv:
  numbers are numbers (int or float, equal to the CSV's decimal), text is text, same rows;
  汇总's page header (the rules' issuer and title).
- entry-template.xlsx read with openpyxl: each score column's data validation (0 to the ballot
  standard's points in the rules file, a warning), its header row's height, every other row
  17 pt, printed one page wide; every row of summary.xlsx's 评分表 sheets and 提示 at least 17 pt,
  each 评分表's title row as tall as its title wraps across its merged cell B1:F1.
- with SHEETS_EN_DIR (`kaimen sheets --lang en`): the entry template's score columns headed by
  the ids the blank sheet prints beside its items.
"""
import csv, os, re, subprocess, sys
from decimal import Decimal

out, sheets = sys.argv[1], sys.argv[2]
problems = []

def fail(msg):
    problems.append(msg)
    print("FAIL:", msg)

def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))

def page_texts(pdf):
    n = pages(pdf)
    return [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), "-layout", pdf, "-"], capture_output=True, text=True).stdout
            for i in range(1, n + 1)]

def check_bounds(pdf):
    """Every page is A4 (either way round) and every word lies inside it."""
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        w, h, body = float(m.group(1)), float(m.group(2)), m.group(3)
        if sorted([round(w), round(h)]) != [595, 842]:
            fail(f"{pdf}: a page is {w}x{h} pt, not A4")
        for word in re.finditer(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', body):
            if float(word.group(2)) > w + 0.5 or float(word.group(1)) < -0.5:
                fail(f"{pdf}: text runs off the page ({word.group(1)}–{word.group(2)} of {w} pt)")
                break

with open(os.path.join(out, "summary.csv"), encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
units = [r[2] for r in rows[2:]]
print(f"summary.csv: {len(units)} units")

# report.pdf: summary pages first; then each unit's sheet starts on a new page and every page
# of it names that unit in its repeated header.
texts = page_texts(os.path.join(out, "report.pdf"))
owner = []
for t in texts:
    found = set(re.findall(r"评分表 · (\S+)", t))
    if len(found) > 1:
        fail(f"report.pdf: a page holds the sheets of {sorted(found)}")
    owner.append(found.pop() if found else None)
summary_pages = 0
while summary_pages < len(owner) and owner[summary_pages] is None:
    summary_pages += 1
if summary_pages == 0:
    fail("report.pdf: no summary page before the score sheets")
# After the last score sheet comes the panel analysis (评委分析), on pages of its own that
# belong to no unit: it starts on a fresh page headed 评委分析 and runs to the end.
panel_start = next((i for i in range(summary_pages, len(owner)) if owner[i] is None and "评委分析" in texts[i]), len(owner))
panel_pages = len(owner) - panel_start
if panel_pages == 0:
    fail("report.pdf: no 评委分析 (panel analysis) section after the score sheets")
if any(o is not None for o in owner[panel_start:]):
    fail("report.pdf: a score sheet page comes after the 评委分析 section")
sheet_owners = owner[summary_pages:panel_start]
starts = [sheet_owners[i] for i in range(len(sheet_owners)) if i == 0 or sheet_owners[i] != sheet_owners[i - 1]]
if starts != units:
    fail(f"report.pdf: score sheets start in the order {starts}, expected the ranking {units}")
if None in sheet_owners:
    fail("report.pdf: a page between the summary and the 评委分析 section belongs to no unit")
per_unit = {u: owner.count(u) for u in units}
print(f"report.pdf: {len(texts)} pages = {summary_pages} summary + " + " + ".join(f"{per_unit[u]} ({u})" for u in units)
      + f" + {panel_pages} 评委分析")
if len(texts) != summary_pages + sum(per_unit.values()) + panel_pages:
    fail("report.pdf: page count does not add up")
check_bounds(os.path.join(out, "report.pdf"))

notice = os.path.join(out, "公示.pdf")
n = pages(notice)
print(f"公示.pdf: {n} page(s)")
if n != 1 + len(units) // 25:
    fail(f"公示.pdf: {n} pages for {len(units)} units")
text = "".join(page_texts(notice))
for u in units:
    if u not in text:
        fail(f"公示.pdf: unit {u} is missing")
with open(os.path.join(sheets, "roster.csv"), encoding="utf-8-sig") if os.path.exists(os.path.join(sheets, "roster.csv")) else open(os.devnull) as f:
    pass
check_bounds(notice)

# ballot-sheets.pdf: one page per sheet (the HTML's sections), each with its sheet id.
html = open(os.path.join(sheets, "ballot-sheets.html"), encoding="utf-8").read()
expected = html.count('<section class="page')
ballot_texts = page_texts(os.path.join(sheets, "ballot-sheets.pdf"))
print(f"ballot-sheets.pdf: {len(ballot_texts)} pages for {expected} sheets")
if len(ballot_texts) != expected:
    fail(f"ballot-sheets.pdf: {len(ballot_texts)} pages for {expected} sheets")
for i, t in enumerate(ballot_texts):
    if not re.search(r"表号 \d{4,}-\d", t):
        fail(f"ballot-sheets.pdf: page {i + 1} has no sheet id")
        break
check_bounds(os.path.join(sheets, "ballot-sheets.pdf"))

# summary.xlsx against summary.csv, cell by cell, with openpyxl.
import openpyxl
wb = openpyxl.load_workbook(os.path.join(out, "summary.xlsx"))
names = wb.sheetnames
print("summary.xlsx sheets:", names)
if names[0] != "汇总" or names[-1] != "提示" or names[1:-1] != [f"评分表 {u}" for u in units]:
    fail(f"summary.xlsx: sheet names {names}")
ws = wb["汇总"]
if ws.freeze_panes != "A3":
    fail(f"summary.xlsx: 汇总 freezes at {ws.freeze_panes}, expected A3 (two header rows)")
xrows = [[c for c in r] for r in ws.iter_rows()]
if len(xrows) != len(rows):
    fail(f"summary.xlsx: {len(xrows)} rows, summary.csv {len(rows)}")
checked = 0
for r, (crow, xrow) in enumerate(zip(rows, xrows)):
    xrow = xrow + [None] * (len(crow) - len(xrow))
    for c, text in enumerate(crow):
        cell = xrow[c]
        value = None if cell is None else cell.value
        where = f"汇总 row {r + 1} column {c + 1}"
        if text == "":
            if value not in (None, ""):
                fail(f"{where}: CSV empty, workbook {value!r}")
        elif r >= 2 and re.fullmatch(r"-?\d+(\.\d+)?", text):
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                fail(f"{where}: {text} is {type(value).__name__} in the workbook, not a number")
            elif Decimal(str(value)).quantize(Decimal(1).scaleb(-len(text.split(".")[1])) if "." in text else Decimal(1)) != Decimal(text):
                fail(f"{where}: {text} in the CSV, {value} in the workbook")
            elif "." in text and cell.number_format != "0." + "0" * len(text.split(".")[1]):
                fail(f"{where}: number format {cell.number_format!r} for {text}")
            checked += 1
        else:
            expected_text = text[1:] if text.startswith("'") and text[1:2] in "=+-@" else text  # CSV neutralises formulas
            if rows[0][c] == "说明" and isinstance(value, str) and value != expected_text:
                # The workbook counts a recusal where the CSV names the representative (docs/papers.md,
                # "Anonymity"): the notes agree but for those parts, which are counts.
                def parts(note, recusal):
                    return [p for p in note.split("；") if p.startswith("回避：") == recusal]
                counted = parts(value, True)
                if parts(value, False) != parts(expected_text, False) or not counted or not all(
                        re.fullmatch(r"回避：\d+ 名(本单位代表|申报回避的代表)的 \d+ 票不计", p) for p in counted):
                    fail(f"{where}: {text!r} in the CSV, {value!r} in the workbook")
            elif not isinstance(value, str) or value != expected_text:
                fail(f"{where}: {text!r} in the CSV, {value!r} in the workbook")
            checked += 1
print(f"summary.xlsx: {checked} cells of 汇总 agree with summary.csv")
# Not published: no cell of the workbook names a representative, by id or by name.
with open("samples/xicheng-2014/roster.csv", encoding="utf-8-sig") as f:
    roster = [(r["id"], r["name"]) for r in csv.DictReader(f)]
named = [(ws.title, cell.coordinate, cell.value) for ws in wb.worksheets for row in ws.iter_rows() for cell in row
         if isinstance(cell.value, str) and any(re.search(rf"(?<![A-Za-z0-9]){i}(?![0-9])", cell.value) or n in cell.value for i, n in roster)]
if named:
    fail(f"summary.xlsx names representatives in {len(named)} cells, e.g. {named[:3]}")
print(f"summary.xlsx: no cell names any of the {len(roster)} representatives")
# 汇总 printed says whose summary it is (since 0.29.2): the issuer left, the title centred.
with open("rules/xicheng-2014.jsonc", encoding="utf-8") as f:
    meta = dict(re.findall(r'"(title|issuer)"\s*:\s*"([^"]*)"', f.read()))
# The assessment period (since 0.29.5): without --period, the rules' effective dates.
with open("rules/xicheng-2014.jsonc", encoding="utf-8") as f:
    effective = re.search(r'"effective"\s*:\s*\{\s*"from"\s*:\s*"([^"]*)"\s*,\s*"to"\s*:\s*"([^"]*)"', f.read())
period = f"考核期：{effective.group(1)} 至 {effective.group(2)}"
head = wb["汇总"].oddHeader
if head.left.text != meta["issuer"] or head.center.text != meta["title"] + " 汇总排名表" or period not in (head.right.text or ""):
    fail(f"summary.xlsx: 汇总's page header {head.left.text!r} | {head.center.text!r} | {head.right.text!r}")
print("summary.xlsx: 汇总's page header names the issuer, the title and the period")
# Each 评分表's rows above its table (since 0.29.3): one text a merged cell, the title over B–F
# (it wrapped in the narrow 编号 column) with the period after it (since 0.29.5), the grade said
# as such beside the total.
with open(os.path.join(out, "summary.csv"), encoding="utf-8-sig") as f:
    by_unit = {r[2]: r for r in list(csv.reader(f))[2:]}
for u in units:
    sh = wb[f"评分表 {u}"]
    merged = sorted(str(m) for m in sh.merged_cells.ranges)
    if merged != sorted(["B1:F1", "G1:H1", "C2:F2", "G2:H2", "C3:F3", "G3:H3"]):
        fail(f"summary.xlsx: 评分表 {u} merges {merged}")
    row = by_unit[u]
    top = [[sh.cell(r, c).value for c in (1, 2, 3, 7)] for r in (1, 2, 3)]
    want = [["评分表", meta["title"] + "\u3000" + period, None, None], ["单位", u, row[3], row[4]], ["总分", float(row[5]), "等级：" + row[6], f"第 {row[0]} 名"]]
    if top[0][:2] != want[0][:2] or top[1] != want[1] or top[2] != want[2]:
        fail(f"summary.xlsx: 评分表 {u}'s top rows {top}, expected {want}")
print(f"summary.xlsx: the {len(units)} 评分表 sheets' top rows merged, the grade said beside the total")
# Every row of the 评分表 sheets and of 提示 has its height said (since 0.29.6), at least 17 pt: a
# line of LibreOffice's CJK font (Noto Sans CJK at 11 pt, ascent and descent 1.448 em, 16 pt) and
# a point; at Excel's default 15 its Chinese text sat on the grid line below.
low = [(ws.title, r, ws.row_dimensions[r].height) for ws in wb.worksheets if ws.title.startswith("评分表") or ws.title == "提示"
       for r in range(1, ws.max_row + 1) if (ws.row_dimensions[r].height or 0) < 17]
if low:
    fail(f"summary.xlsx: {len(low)} rows lower than 17 pt or of the default height, e.g. {low[:3]}")
print("summary.xlsx: every row of the 评分表 sheets and 提示 at least 17 pt high")
# A 评分表's title row (since 0.29.7) is as tall as its title wraps across its merged cell B1:F1,
# not in column B alone: its lines (East Asian wide characters two columns, each cell's width less
# 2 of padding) at 16 pt and a point, or 17 pt for one line. The sample's title is one line there;
# measured in B (28 wide) it made a row of four lines with the title at its foot.
import unicodedata
def display(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)
tall = []
for ws in wb.worksheets:
    if not ws.title.startswith("评分表") or "B1:F1" not in [str(m) for m in ws.merged_cells.ranges]:
        continue
    width = sum(ws.column_dimensions[c].width for c in "BCDEF")
    lines = max(1, -(-display(ws["B1"].value) // (int(width) - 2)))
    want = 17 if lines == 1 else lines * 16 + 1
    if ws.row_dimensions[1].height != want:
        tall.append((ws.title, ws.row_dimensions[1].height, want))
if tall:
    fail(f"summary.xlsx: 评分表 title rows not as tall as their titles wrap across B–F (sheet, height, expected): {tall[:3]}")
print("summary.xlsx: every 评分表's title row as tall as its title wraps across B–F")

# The entry workbook as a typist's spreadsheet program reads it: each score column warns of a
# number outside 0 to its item's points (the rules' ballot standards, read here from the rules
# file), its header row tall enough for its longest name, printed one page wide with a grid.
ew = openpyxl.load_workbook(os.path.join(sheets, "entry-template.xlsx")).active
header = [c.value for c in ew[1]]
with open("rules/xicheng-2014.jsonc", encoding="utf-8") as f:
    rules_text = f.read()
ballot_points = {}
for block in re.findall(r'\{[^{}]*"method"\s*:\s*"ballot"[^{}]*\}', rules_text):
    name = re.search(r'"name"\s*:\s*"([^"]*)"', block).group(1)
    ballot_points[name] = re.search(r'"points"\s*:\s*([0-9.]+)', block).group(1)
rows_typed = ew.max_row - 1
validations = {str(dv.sqref): (dv.type, dv.formula1, dv.formula2, dv.errorStyle) for dv in ew.data_validations.dataValidation}
for c, name in enumerate(header):
    if name not in ballot_points:
        continue
    col = openpyxl.utils.get_column_letter(c + 1)
    want = ("decimal", "0", ballot_points[name], "warning")
    got = validations.get(f"{col}2:{col}{rows_typed + 1}")
    if got != want:
        fail(f"entry-template.xlsx: column {col} ({name}) validation {got}, expected {want}")
if len(validations) != len(ballot_points) or not ballot_points:
    fail(f"entry-template.xlsx: {len(validations)} validations for {len(ballot_points)} ballot standards")
# The longest name, 2 display columns a character, wrapped in 12: its lines at 16 pt, and a point.
lines = max(-(-2 * len(n) // 12) for n in header[6:])
if ew.row_dimensions[1].height != lines * 16 + 1:
    fail(f"entry-template.xlsx: header row {ew.row_dimensions[1].height} pt, {lines} lines need {lines * 16 + 1}")
if ew.print_title_rows != "$1:$1" or not ew.sheet_properties.pageSetUpPr.fitToPage or ew.page_setup.fitToWidth != 1:
    fail("entry-template.xlsx: not printed one page wide with its header on every page")
low = [r for r in range(2, ew.max_row + 1) if ew.row_dimensions[r].height != 17]
if low:
    fail(f"entry-template.xlsx: rows {low[:5]} not 17 pt high (one line of LibreOffice's CJK font and a point)")
print(f"entry-template.xlsx: {len(validations)} score columns checked 0 to their points; header row {lines} lines; rows 17 pt")

# The English entry template (an optional third folder, `kaimen sheets --lang en`) heads each
# score column with the id its blank sheet prints beside the item (since 0.29.6: an area's item
# was headed by the area's id, `publicity`, which the sheet does not print).
if len(sys.argv) > 3:
    en = sys.argv[3]
    with open(os.path.join(en, "ballot-sheets.html"), encoding="utf-8") as f:
        page = f.read().split('<section class="page')[1]
    printed = re.findall(r'</b> <span class="small">([^<]*)</span>', page)
    with open(os.path.join(en, "entry-template.csv"), encoding="utf-8-sig") as f:
        typed_head = next(csv.reader(f))[4:]
    xlsx_head = [c.value for c in openpyxl.load_workbook(os.path.join(en, "entry-template.xlsx")).active[1]][6:]
    if not printed or typed_head != printed or xlsx_head != printed:
        fail(f"English entry template's columns {typed_head} / {xlsx_head}, the sheet prints {printed}")
    print(f"English entry template: its {len(printed)} score columns headed by the ids the blank sheet prints")

if problems:
    print(f"{len(problems)} problem(s)")
    sys.exit(1)
print("papers: all checks passed")
