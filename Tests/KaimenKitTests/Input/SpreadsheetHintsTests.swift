import Foundation
import Testing
@testable import KaimenKit

/// A secretary's trial of 0.29.1, its smaller findings: a date-formatted workbook cell in a
/// number column was `` `2014-07-08` 不是数字 `` with no word of the format (percentage cells get
/// one); `=1+1` and `#VALUE!` got no hint; `3.5分` for a standard worth 2 got none; a hidden row
/// of a workbook was scored without a word.
@Suite("What a spreadsheet put in a cell, said as such: dates, formulas' text, error values, units on a score, hidden rows")
struct SpreadsheetHintsTests {
    static let rules = EmptyCategoryTests.rules

    @Test("a hidden row (openpyxl's row 3) is read and scored, and said once, on the file")
    func hiddenRow() throws {
        let bytes = try EmptyCategoryTests.workbook("units-hidden.xlsx")
        #expect(try WorkbookSheet.read([UInt8](bytes)).facts.hiddenRows == [3])
        var session = TestSession(rules: Self.rules, units: "", unitsFile: "units.xlsx")
        session.bytes["units.xlsx"] = bytes
        let s = try session.run()
        // U2 (row 3) counts: n = 2, 2 points.
        #expect(s.unit("U2").total == 2)
        let w = try #require(s.inputWarnings.first { $0.code == "workbook-hidden-row" })
        #expect(w.severity == .warning && w.location == .whole("/mem/units.xlsx"))
        #expect(w.text.zh == "第 3 行在工作簿里是隐藏的，已照常读取")
        #expect(w.text.en == "row 3 is hidden in the workbook, and was read like any other")
        #expect(w.hintText?.zh == "隐藏的行照样计分：若它们不该计入，删去这些行；若该计入，取消隐藏并核对一遍")
        #expect(ReaderMessages.hiddenRows(Array(1 ... 12)).zh == "第 1、2、3、4、5、6、7、8、9、10… 行在工作簿里是隐藏的（共 12 行），已照常读取")
    }

    @Test("a date in a count column of a workbook: the cell's format said, with the number it holds")
    func workbookDate() throws {
        let bytes = try EmptyCategoryTests.workbook("units-formulas.xlsx")
        // D5 is 2014-07-08 in `yyyy-mm-dd`: Excel's serial 41828, the days since 30 December 1899.
        #expect(try WorkbookSheet.read([UInt8](bytes)).facts.dates == [.init(row: 5, column: 4, number: "41828")])
        var session = TestSession(rules: Self.rules, units: "", unitsFile: "units.xlsx")
        session.bytes["units.xlsx"] = bytes
        let d = try #require(session.failures().first { $0.location?.cell?.row == 5 })
        #expect(d.code == "invalid-metric")
        #expect(d.hintText?.zh == "这一格在工作簿里设成了日期格式，存的数是 41828：把这一列的单元格格式改为“常规”或“数值”，再核对这个数")
        #expect(d.hintText?.en == "this cell has a date format in the workbook, and holds the number 41828: set the column's format to General or Number and check the figure")
    }

    @Test("a metric cell holding a formula's text, an Excel error value or a date (in CSV): said as such",
          arguments: [("=1+1", "`=1+1` 是公式的文字，不是它算出的值：填上数值本身（在 Excel 中，设成“文本”格式的单元格不计算公式）"),
                      ("#DIV/0!", "`#DIV/0!` 是 Excel 的错误值：这一格的公式没有算出结果（例如除以 0，或引用了文字）；改正公式，或填上数值"),
                      ("#value!", "`#value!` 是 Excel 的错误值：这一格的公式没有算出结果（例如除以 0，或引用了文字）；改正公式，或填上数值"),
                      ("2014/7/8", "`2014/7/8` 是日期或时间：多半是单元格设成了日期格式（Excel 会把输入的数字显示成日期）；把这一列的单元格格式改为“常规”或“数值”，按原表重新输入")])
    func metricCell(text: String, hint: String) throws {
        let d = TestSession(rules: Self.rules, units: "id,name,category,n\nU1,甲,企业,\(text)\n").failures()
        #expect(d.map(\.code) == ["invalid-metric"])
        #expect(d.first?.hintText?.zh == hint)
    }

    @Test("a score with a unit beyond the standard's points: what to remove, and that the number is beyond them")
    func scoreWithUnit() throws {
        // Standard b is worth 3: `3.5分` is 3.5, beyond; `2.5分` is 2.5, a score it takes.
        let d = TestSession(rules: BlankScoreTests.rules, units: "id,name,n\nU1,甲工会,0\n",
                            ballots: "representative,unit,standard,score\nR1,U1,b,3.5分\nR2,U1,b,2.5分\nR3,U1,b,#N/A\n").failures()
        #expect(d.map { $0.hintText?.zh ?? "" } == ["去掉 `分`，只写数字：`3.5`；但这条标准满分 3 分，这个数也超出了：核对纸质评分表",
                                                   "去掉 `分`，只写数字：`2.5`",
                                                   "`#N/A` 是 Excel 的错误值：这一格的公式没有算出结果（例如除以 0，或引用了文字）；改正公式，或填上数值"])
        #expect(d.first?.hintText?.en == "remove `分` and write the number alone: `3.5`; but the standard is worth 3 points, and that number is beyond them: check the paper sheet")
    }

    @Test("what reads as a date or a time", arguments: [("2014-07-08", true), ("2014/7/8", true), ("2014.7.8", true), ("09:00", true), ("9:00:15", true),
                                                       ("2014-07-08 09:00", true), ("2014年7月8日", true), ("3.5", false), ("12:5", false),
                                                       ("2014-13", false), ("1:2:3:4", false), ("20140708", false), ("3.5.1", false)])
    func dateOrTime(text: String, isDate: Bool) {
        #expect(TypedNumber.isDateOrTime(text) == isDate)
    }
}
