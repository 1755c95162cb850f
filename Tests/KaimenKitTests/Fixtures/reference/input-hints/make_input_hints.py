#!/usr/bin/env python3
"""Workbooks for InputHintsTests, written by openpyxl as a committee secretary's script would
write them (openpyxl stores a formula without its value, and writes merged ranges, hidden rows
and date formats as Excel does). The units files are for rules with one count metric `n`:
columns id, name, category, n. What kaimen should say of each is worked out by hand in the
test. Run from this folder: python3 make_input_hints.py"""
import datetime
import openpyxl

def units(rows, title=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "单位"
    if title:
        ws.append([title])
    ws.append(["id", "name", "category", "n"])
    for r in rows:
        ws.append(r)
    return wb, ws

# Item 1: the category merged over rows 2 and 3 (C2:C3): openpyxl keeps C2's value and
# empties C3, as Excel does.
wb, ws = units([["U1", "甲", "企业", 1], ["U2", "乙", None, 2], ["U3", "丙", "机关", 3]])
ws.merge_cells("C2:C3")
wb.save("units-merged.xlsx")

# Item 3: formulas without values (D2 a number's, C3 a text's), a text in the count column
# (D4), a date in it (D5, stored as 41828, 2014-07-08), all in one file.
wb, ws = units([["U1", "甲", "企业", "=1+1"], ["U2", "乙", '="企业"', 2], ["U3", "丙", "企业", "abc"],
                ["U4", "丁", "企业", datetime.date(2014, 7, 8)]])
ws["D5"].number_format = "yyyy-mm-dd"
wb.save("units-formulas.xlsx")

# Item 4: a title in A1 above the header (row 2).
wb, ws = units([["U1", "甲", "企业", 1], ["U2", "乙", "企业", 2]], title="2014年度直属基层工会考核指标填报表")
wb.save("units-title.xlsx")

# Item 7: row 3 (U2) hidden.
wb, ws = units([["U1", "甲", "企业", 1], ["U2", "乙", "企业", 2], ["U3", "丙", "企业", 3]])
ws.row_dimensions[3].hidden = True
wb.save("units-hidden.xlsx")

# Hidden columns: D (n, a metric, scored) and E (备注, a column no one reads), as openpyxl
# writes them (`<col min="4" max="4" hidden="1"/>`); F is hidden but empty, and not said.
wb, ws = units([["U1", "甲", "企业", 1], ["U2", "乙", "企业", 2]])
ws["E1"] = "备注"
ws["E2"] = "已核"
ws.column_dimensions["D"].hidden = True
ws.column_dimensions["E"].hidden = True
ws.column_dimensions["F"].hidden = True
wb.save("units-hidden-column.xlsx")
