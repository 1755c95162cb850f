import Foundation
import Testing
@testable import KaimenKit

/// A secretary's trial of 0.29.1: a units workbook written by openpyxl with two formulas (which
/// it stores without their values), a date in a count column and `abc` was refused as a whole,
/// one message naming the first formula's row and column without its header, and none of the
/// other problems said. Each such formula is now an error at its cell, and the file is read on.
@Suite("A workbook's formulas stored without values: an error at each cell, and every other problem too")
struct WorkbookFormulaTests {
    static let rules = EmptyCategoryTests.rules

    @Test("openpyxl's units workbook: each formula at its cell with its header, the text and the date as any cell")
    func units() throws {
        var session = TestSession(rules: Self.rules, units: "", unitsFile: "units.xlsx")
        session.bytes["units.xlsx"] = try EmptyCategoryTests.workbook("units-formulas.xlsx")
        let d = session.failures()
        // The script's cells (make_input_hints.py): D2 `=1+1`, C3 `="企业"` (a text formula in the
        // category column), D4 `abc`, D5 a date; the header is id, name, category, n.
        #expect(d.map(\.code) == ["workbook-formula", "workbook-formula", "invalid-metric", "invalid-metric"], "\(d)")
        #expect(d.map { $0.location?.rendered(.zh) ?? "" } == ["/mem/units.xlsx 第 2 行 D 列（n）", "/mem/units.xlsx 第 3 行 C 列（category）",
                                                             "/mem/units.xlsx 第 4 行 D 列（n）", "/mem/units.xlsx 第 5 行 D 列（n）"])
        #expect(d[0].text.zh == "这一格是公式 `=1+1`，文件里却没有存它算出的值：这个文件多半是由程序生成、还没有在 Excel 或 WPS 中打开保存过")
        #expect(d[1].text.en == "this cell is the formula `=\"企业\"`, and the file does not hold the value it works out to: most likely a program wrote the file, and it has not been opened and saved in Excel or WPS since")
        #expect(d[0].hintText?.zh == "用 Excel、WPS 或 LibreOffice 打开它再保存一次（保存时会算出每个公式的值），或让生成它的程序写入数值而不是公式")
        #expect(d[2].text.zh.hasSuffix("`abc` 不是数字"))
        #expect(d[3].text.zh.hasSuffix("`2014-07-08` 不是数字"))
    }

    @Test("a score that is a formula without its value, in a ballots workbook: the formula's error alone at the cell")
    func ballots() throws {
        let sheet = #"<row r="1"><c r="A1" t="inlineStr"><is><t>representative</t></is></c><c r="B1" t="inlineStr"><is><t>unit</t></is></c><c r="C1" t="inlineStr"><is><t>b</t></is></c></row>"#
            + #"<row r="2"><c r="A2" t="inlineStr"><is><t>R1</t></is></c><c r="B2" t="inlineStr"><is><t>U1</t></is></c><c r="C2"><f>1+1</f><v/></c></row>"#
            + #"<row r="3"><c r="A3" t="inlineStr"><is><t>R2</t></is></c><c r="B3" t="inlineStr"><is><t>U1</t></is></c><c r="C3"><v>2</v></c></row>"#
        var session = TestSession(rules: BlankScoreTests.rules, units: "id,name,n\nU1,甲工会,0\n")
        session.bytes["ballots.csv"] = Data(WorkbookSheetTests.workbook([("S", sheet)]))
        let d = session.failures()
        #expect(d.map(\.code) == ["workbook-formula"], "\(d)")
        #expect(d.first?.location?.rendered(.en) == "/mem/ballots.csv row 2, column C (b)")
    }

    @Test("a formula in a column no reader reads is said too: no empty cell may pass for a value left out")
    func unreadColumn() throws {
        let text = "id,name,n,备注\nU1,甲工会,1,\n"
        let sheet = #"<row r="1"><c t="inlineStr"><is><t>id</t></is></c><c t="inlineStr"><is><t>name</t></is></c><c t="inlineStr"><is><t>n</t></is></c><c t="inlineStr"><is><t>备注</t></is></c></row>"#
            + #"<row r="2"><c t="inlineStr"><is><t>U1</t></is></c><c t="inlineStr"><is><t>甲工会</t></is></c><c><v>1</v></c><c t="str"><f>A2&amp;"!"</f></c></row>"#
        let read = CSVReader.read(bytes: WorkbookSheetTests.workbook([("S", sheet)]), fileName: "units.xlsx")
        #expect(read.diagnostics.map(\.code) == ["workbook-formula"])
        #expect(read.diagnostics.first?.location?.rendered(.zh) == "units.xlsx 第 2 行 D 列（备注）")
        #expect(read.table.map { Array($0.rows[0]) } == ["U1", "甲工会", "1", "=A2&\"!\""])
        // The same text typed in CSV is text, not a formula without a value: nothing to say here.
        #expect(CSVReader.read(bytes: Array(text.utf8), fileName: "units.csv").diagnostics.isEmpty)
    }
}
