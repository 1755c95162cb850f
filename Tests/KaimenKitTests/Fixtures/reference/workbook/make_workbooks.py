#!/usr/bin/env python3
"""Workbooks for WorkbookSheetTests, made by openpyxl and then opened and saved again by
LibreOffice (headless), which writes its own parts: shared strings, its styles, and each
formula's value, which openpyxl leaves out. The text kaimen should read from them is written
out by hand in the test. Run from this folder: python3 make_workbooks.py"""
import datetime, os, shutil, subprocess, tempfile
import openpyxl

def cells_workbook(formulas):
    """The cells below; without `formulas`, the three formula cells are left empty."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "评分"
    ws.append(["编号", "名称", "数量", "比率", "日期", "时间", "日期时间", "备注", "公式", "真假"])
    ws.append(["X01", "北京,工会", 3560, 0.875, datetime.date(2014, 7, 8), datetime.time(9, 0),
               datetime.datetime(2014, 7, 8, 9, 30, 15), "第一行\n第二行", "=C2*2" if formulas else None, True])
    ws["D2"].number_format = "0%"
    ws["E2"].number_format = "yyyy-mm-dd"
    ws["F2"].number_format = "hh:mm"
    ws["G2"].number_format = "yyyy-mm-dd hh:mm:ss"
    # Row 3 is left empty. Row 4 skips column E.
    ws["A4"] = "X02"
    ws["B4"] = 'say "hi"'
    ws["C4"] = 1280
    ws["C4"].number_format = "#,##0"
    ws["D4"] = 0.976
    ws["D4"].number_format = "0.0%"
    ws["F4"] = 0.5
    ws["F4"].number_format = "h:mm"
    ws["G4"] = datetime.date(2014, 7, 9)
    ws["G4"].number_format = 'yyyy"年"m"月"d"日"'
    ws["H4"] = "0012"
    ws["I4"] = "=0.1+0.2" if formulas else None
    ws["J4"] = False
    ws["A5"] = "X03"
    ws["C5"] = 12345678901234567890
    ws["D5"] = -0.5
    ws["I5"] = 1e-7
    ws["J5"] = "=1/0" if formulas else None
    notes = wb.create_sheet("说明")
    notes["B2"] = "这里是说明"
    hidden = wb.create_sheet("隐藏")
    hidden["A1"] = "藏起来的"
    hidden.sheet_state = "hidden"
    return wb

# openpyxl stores a formula without its value: those cells read as their text (I2, I4, J5), each an error; the same
# cells without the formulas read as their text. LibreOffice's copy stores each formula's value.
cells_workbook(True).save("cells-openpyxl.xlsx")
cells_workbook(False).save("cells-openpyxl-values.xlsx")

# A workbook whose first sheet is hidden: the first visible one is read.
wb = openpyxl.Workbook()
first = wb.active
first.title = "旧表"
first["A1"] = "不读"
first.sheet_state = "hidden"
second = wb.create_sheet("新表")
second.append(["id", "name"])
second.append(["X01", "甲"])
wb.active = 1
wb.save("hidden-first.xlsx")

def libreoffice(source, target):
    tmp = tempfile.mkdtemp()
    subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                    "--outdir", tmp, source], check=True, capture_output=True)
    shutil.move(os.path.join(tmp, os.path.basename(source)), target)
    shutil.rmtree(tmp)

libreoffice("cells-openpyxl.xlsx", "cells-libreoffice.xlsx")

# The Xicheng sample's inputs as a secretary would keep them in Excel: numbers as numbers,
# rates as percentages (a cell of 0.976 shown as 97.6%), ids and names as text. The units and
# the typed sheets are saved again by LibreOffice (shared strings, its styles).
import csv
sample = os.path.join("..", "..", "..", "..", "..", "samples", "xicheng-2014")

def cell(text):
    s = text.strip()
    try:
        if s.endswith("%"):
            return float(s[:-1]) / 100, "0.0%"
        return (float(s), None) if "." in s else (int(s), None)
    except ValueError:
        return text, None

def sheet_of(name, title, broken=None, extra=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    with open(os.path.join(sample, name + ".csv"), encoding="utf-8-sig") as f:
        for r, row in enumerate(csv.reader(f), 1):
            for c, v in enumerate(row, 1):
                if v == "":
                    continue
                value, fmt = cell(v) if r > 1 and c > 1 else (v, None)
                ws.cell(row=r, column=c, value=value)
                if fmt:
                    ws.cell(row=r, column=c).number_format = fmt
    if broken:
        for ref, value in broken.items():
            ws[ref] = value
    if extra:
        wb.create_sheet("备注")["A1"] = "二〇一四年七月"
    return wb

for name in ["units", "roster", "ballots", "schedule", "typed-a"]:
    sheet_of(name, name).save("xicheng-" + name + ".xlsx")
for name in ["units", "typed-a"]:
    libreoffice("xicheng-" + name + ".xlsx", "xicheng-" + name + ".xlsx")
# X02's members (row 3, column G) typed in words, and a second sheet that holds a note.
sheet_of("units", "单位", broken={"G3": "两千零九十六"}, extra=True).save("xicheng-units-broken.xlsx")
# X02's members (G3) and X05's (G6) worked out by formulas, saved by openpyxl: no values stored.
sheet_of("units", "单位", broken={"G3": "=F3*2", "G6": "=SUM(F6:F6)"}).save("xicheng-units-formula.xlsx")

# The same units as an OpenDocument spreadsheet (LibreOffice's own format): refused, with how to save it as .xlsx.
tmp = tempfile.mkdtemp()
subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "ods", "--outdir", tmp, "hidden-first.xlsx"], check=True, capture_output=True)
shutil.move(os.path.join(tmp, "hidden-first.ods"), "sheet.ods")
shutil.rmtree(tmp)
