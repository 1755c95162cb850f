import Foundation
import Testing
@testable import KaimenKit

/// A workbook cell in an elapsed-time format (`[h]:mm`) read as a time of day: 1.5 days, which
/// Excel shows as 36:00, read `12:00`, and a metric there was told its cell had a date format
/// and held the number 1.5. It now reads as Excel shows it, and the hint says it is a duration.
@Suite("An elapsed-time format reads as the duration Excel shows, and its hint says so")
struct ElapsedTimeTests {
    @Test("durations: hours past a day, minutes, seconds; under a day as a time of day read; below 0 a number")
    func text() {
        #expect(WorkbookCellText.elapsedText(1.5, unit: "h") == "36:00")
        #expect(WorkbookCellText.elapsedText(0.375, unit: "h") == "09:00")
        #expect(WorkbookCellText.elapsedText(1.5 + 15.0 / 86_400, unit: "h") == "36:00:15")
        #expect(WorkbookCellText.elapsedText(100, unit: "h") == "2400:00")
        #expect(WorkbookCellText.elapsedText(1.5, unit: "m") == "2160:00")
        #expect(WorkbookCellText.elapsedText(1.5, unit: "s") == "129600")
        #expect(WorkbookCellText.elapsedText(-0.5, unit: "h") == nil)
        #expect(WorkbookCellText.number("1.5", shape: .elapsed(unit: "h"), date1904: false) == "36:00")
        #expect(WorkbookCellText.number("-1", shape: .elapsed(unit: "h"), date1904: false) == "-1")
        // The built-in [h]:mm:ss (46) is one; mm:ss (45) stays a time.
        #expect(WorkbookCellText.shape(builtIn: 46) == .elapsed(unit: "h"))
        #expect(WorkbookCellText.shape(builtIn: 45) == .date(day: false, time: true))
        // A time of day in h:mm still reads the time of day: 1.5 days is 12:00.
        #expect(WorkbookCellText.number("1.5", shape: .date(day: false, time: true), date1904: false) == "12:00")
    }

    static let styles = """
        <numFmts><numFmt numFmtId="164" formatCode="[h]:mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="20"/></cellXfs>
        """

    static func units(_ cell: String) -> [UInt8] {
        let sheet = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>category</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>n</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>U1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>甲</t></is></c>"
            + "<c r=\"C2\" t=\"inlineStr\"><is><t>企业</t></is></c>\(cell)</row>"
        return WorkbookSheetTests.workbook([("单位", sheet)], styles: Self.styles)
    }

    @Test("a count in [h]:mm reads 36:00 and is told it is a duration of 1.5 days; in h:mm it stays a time with the date hint")
    func hint() throws {
        let read = try WorkbookSheet.read(Self.units("<c r=\"D2\" s=\"1\"><v>1.5</v></c>"))
        #expect(read.csv == Array("id,name,category,n\nU1,甲,企业,36:00\n".utf8))
        #expect(read.facts.dates == [.init(row: 2, column: 4, number: "1.5", elapsed: true)])
        var session = TestSession(rules: EmptyCategoryTests.rules, units: "", unitsFile: "units.xlsx")
        session.bytes["units.xlsx"] = Data(Self.units("<c r=\"D2\" s=\"1\"><v>1.5</v></c>"))
        let d = try #require(session.failures().first)
        #expect(d.code == "invalid-metric" && d.location?.rendered(.zh) == "/mem/units.xlsx 第 2 行 D 列（n）")
        #expect(d.text.zh.contains("`36:00`"), "\(d.text.zh)")
        #expect(d.hintText?.zh == "这一格在工作簿里设成了时长格式（如 [h]:mm），显示的是时长，存的数是 1.5（以天计，1 即 24 小时）：把这一列的单元格格式改为“常规”或“数值”，按应填的单位重新输入数字")
        #expect(d.hintText?.en == "this cell has an elapsed-time format in the workbook (such as [h]:mm): it shows a duration, and holds the number 1.5 (in days, 1 being 24 hours): set the column's format to General or Number and type the figure again in the unit it is due in")
        // The built-in h:mm (20): a time of day, told its date format as before.
        session.bytes["units.xlsx"] = Data(Self.units("<c r=\"D2\" s=\"2\"><v>1.5</v></c>"))
        let time = try #require(session.failures().first)
        #expect(time.text.zh.contains("`12:00`"))
        #expect(time.hintText?.zh == "这一格在工作簿里设成了日期格式，存的数是 1.5：把这一列的单元格格式改为“常规”或“数值”，再核对这个数")
    }
}
