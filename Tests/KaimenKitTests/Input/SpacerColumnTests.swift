import Foundation
import Testing
@testable import KaimenKit

/// A tester with 0.29.3: a column left empty between two named ones (`id,,name`, a spacer column
/// Excel users leave, header and all) was refused (`表头第 2 列（B 列）没有名称`), though the same
/// column at the header's end was read past. Since 0.29.4 a nameless column with nothing under
/// it is read past wherever it stands, in every input and in workbooks; one with something
/// under it is an error at that cell, which says the column has no name.
@Suite("A nameless column between named ones: read past when empty, an error at its first filled cell")
struct SpacerColumnTests {
    typealias T = TrailingEmptyCellsTests

    /// `text` with an empty cell put before cell `column` of every line (`filled`: in the first
    /// data row, `filled` instead of nothing).
    static func spaced(_ text: String, at column: Int, filled: String? = nil) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { i, line in
            guard !line.isEmpty else { return String(line) }
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells.insert(i == 1 ? filled ?? "" : "", at: column)
            return cells.joined(separator: ",")
        }.joined(separator: "\n")
    }

    @Test("a CSV file with a spacer column: no problem, the header keeps the nameless column so the letters after it hold")
    func table() throws {
        let r = T.read("id,,name\nU1,,甲\nU2, ,乙\n")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { $0.rendered(.zh) })")
        let t = try #require(r.table)
        #expect(t.header == ["id", "", "name"])
        #expect(t.rows == [["U1", "", "甲"], ["U2", " ", "乙"]])
        // A place after the spacer is still the file's column C.
        #expect(t.location(row: 0, column: 2).cell == CellPosition(row: 2, column: 2, header: "name"))
        // Two of them side by side, and one more at the end with nothing under it.
        let more = T.read("id,,,name,\nU1,,,甲,\n")
        #expect(more.diagnostics.isEmpty && more.table?.header == ["id", "", "", "name"], "\(more.diagnostics.map { $0.rendered(.zh) })")
    }

    @Test("a value under a nameless column between names: one error at that cell, saying the column has no name and what to do")
    func filled() throws {
        let r = T.read("id,,name\nU1,,甲\nU2,见附表,乙\nU3,x,丙\n")
        #expect(r.diagnostics.map(\.code) == ["csv-empty-header"], "\(r.diagnostics.map { $0.rendered(.zh) })")
        let d = try #require(r.diagnostics.first)
        // The first filled cell, row 3 of the sheet (the header is row 1), column B.
        #expect(d.location?.cell == CellPosition(row: 3, column: 1, header: ""))
        #expect(d.rendered(.zh) == "t.csv 第 3 行 B 列：错误：这一格有内容，但 B 列在表头（第 1 行）没有名称，不知道它是哪一项的值；在第 1 行 B 列写上这一列的名称；如果这些内容放错了列，把它们移到有名称的列里（B 列全空时不用删，读取时跳过）")
        #expect(d.rendered(.en) == "t.csv row 3, column B: error: this cell holds something, but column B has no name in the header (row 1), so what it is a value of is unknown; write the column's name in row 1, column B; if these cells belong to another column, move them there (an empty column B need not be deleted: it is read past)")
        // Two nameless columns, one empty and one filled: the filled one only.
        let two = T.read("id,,,name\nU1,,,甲\nU2,,5,乙\n")
        #expect(two.diagnostics.map { $0.location?.cell } == [CellPosition(row: 3, column: 2, header: "")], "\(two.diagnostics.map { $0.rendered(.zh) })")
        // A cell of spaces is empty; a title above the header moves the header's row in the message.
        #expect(T.read("id,,name\nU1,\u{3000} ,甲\n").diagnostics.isEmpty)
        let below = T.read("\nid,,name\nU1,1,甲\n")
        #expect(below.diagnostics.first?.text.zh.contains("在表头（第 2 行）") == true, "\(below.diagnostics.map { $0.rendered(.zh) })")
    }

    @Test("units, roster and ballots (long and wide) with a spacer column score as without")
    func everyInput() throws {
        let plain = try T().totals(ballots: T.long)
        #expect(plain == [Rational(integer: 2), Rational(3, 2)])
        #expect(try T().totals(units: Self.spaced(T.units, at: 2), roster: Self.spaced(T.roster, at: 1), ballots: Self.spaced(T.long, at: 2)) == plain)
        #expect(try T().totals(units: Self.spaced(T.units, at: 1), roster: Self.spaced(T.roster, at: 3), ballots: Self.spaced(T.wide, at: 2)) == plain)
    }

    @Test("each input with a value under its spacer column is refused once, at that cell", arguments: ["units", "roster", "long", "wide"])
    func everyInputFilled(_ input: String) throws {
        var units = T.units, roster = T.roster, ballots = input == "wide" ? T.wide : T.long
        switch input {
        case "units": units = Self.spaced(units, at: 2, filled: "备注")
        case "roster": roster = Self.spaced(roster, at: 1, filled: "备注")
        default: ballots = Self.spaced(ballots, at: 2, filled: "1")
        }
        let d = TestSession(rules: T.rules, units: units, roster: roster, ballots: ballots).failures()
        #expect(d.map(\.code) == ["csv-empty-header"], "\(d.map { $0.rendered(.zh) })")
        let column = input == "roster" ? 1 : 2
        #expect(d.first?.location?.cell == CellPosition(row: 2, column: column, header: ""), "\(d.map { $0.rendered(.zh) })")
    }

    @Test("a schedule with a spacer column reads as without; a value under it is the error at its cell")
    func schedule() throws {
        let text = "组别,单位编号,时间,地点\n一组,U1,09:00,一会议室\n一组,U2,10:00,一会议室\n二组,U3,,报告厅\n二组,U1,,报告厅\n二组,U2,,报告厅\n一组,U3,,报告厅\n"
        let plain = ScheduleFixture.read(text), spaced = ScheduleFixture.read(Self.spaced(text, at: 2))
        #expect(spaced.diagnostics.map(\.code) == plain.diagnostics.map(\.code), "\(spaced.diagnostics.map { $0.rendered(.zh) })")
        #expect(spaced.schedule?.entries.map(\.unit) == plain.schedule?.entries.map(\.unit) && spaced.schedule != nil)
        #expect(spaced.schedule?.entries.map(\.place) == plain.schedule?.entries.map(\.place))
        let filled = ScheduleFixture.read(Self.spaced(text, at: 2, filled: "上午"))
        #expect(filled.diagnostics.filter { $0.severity == .error }.map(\.code) == ["csv-empty-header"], "\(filled.diagnostics.map { $0.rendered(.zh) })")
        #expect(filled.diagnostics.first { $0.code == "csv-empty-header" }?.location?.cell == CellPosition(row: 2, column: 2, header: ""))
    }

    @Test("a session's typed sheets with a spacer column are entered as without; a value under it refuses the file at that cell")
    func typedSheets() throws {
        let s = try SampleSession(); defer { s.remove() }
        let text = try SampleSession.typed("a") { $0.hasPrefix("R01,") }
        let bad = s.run("enter", [try s.file("bad.csv", Self.spaced(text, at: 2, filled: "9")), "--by", "甲"])
        #expect(bad.code != .success && bad.err.contains("第 2 行 C 列") && bad.err.contains("C 列在表头（第 1 行）没有名称"), "\(bad.err)")
        #expect(try s.state().entries.isEmpty)
        let r = s.run("enter", [try s.file("a.csv", Self.spaced(text, at: 2)), "--by", "甲"])
        #expect(r.code == .success && !r.err.contains("错误"), "\(r.err)")
        #expect(try s.state().entries.count == 3)
    }

    @Test("a workbook with an empty column between named ones reads as without; a value under it is the error at that cell")
    func workbook() throws {
        func cell(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>" }
        func units(_ under: String?) -> [UInt8] {
            let sheet = "<row r=\"1\">" + cell("A1", "id") + cell("B1", "name") + cell("D1", "category") + cell("E1", "n") + "</row>"
                + "<row r=\"2\">" + cell("A2", "U1") + cell("B2", "甲工会") + (under.map { cell("C2", $0) } ?? "") + cell("D2", "企业") + "<c r=\"E2\"><v>1</v></c></row>"
                + "<row r=\"3\">" + cell("A3", "U2") + cell("B3", "乙工会") + cell("D3", "企业") + "<c r=\"E3\"><v>2</v></c></row>"
            return WorkbookSheetTests.workbook([("单位", sheet)])
        }
        let csv = CSVReader.read(Data(units(nil)), fileName: "units.xlsx")
        #expect(csv.diagnostics.isEmpty, "\(csv.diagnostics.map { $0.rendered(.zh) })")
        #expect(csv.table?.header == ["id", "name", "", "category", "n"])
        var session = TestSession(rules: T.rules, units: "", unitsFile: "units.xlsx", roster: T.roster, ballots: T.long)
        session.bytes["units.xlsx"] = Data(units(nil))
        let s = try session.run()
        #expect(["U1", "U2"].map { s.points($0, "b") } == [Rational(integer: 2), Rational(3, 2)])
        // A cell of spaces under it is empty too; a word is the error, at C2.
        #expect(CSVReader.read(Data(units("  ")), fileName: "units.xlsx").diagnostics.isEmpty)
        let filled = CSVReader.read(Data(units("见附表")), fileName: "units.xlsx")
        #expect(filled.diagnostics.map(\.code) == ["csv-empty-header"])
        #expect(filled.diagnostics.first?.rendered(.zh).hasPrefix("units.xlsx 第 2 行 C 列：错误：这一格有内容，但 C 列在表头（第 1 行）没有名称") == true,
                "\(filled.diagnostics.map { $0.rendered(.zh) })")
    }

    @Test("GB18030 from Chinese Excel with a spacer column: converted and read past; with a value under it, the error at that cell")
    func gb18030() throws {
        // python3 -c "print(list('单位,,得分\r\n机关工会,,92.5\r\n'.encode('gb18030')))"
        let empty: [UInt8] = [181, 165, 206, 187, 44, 44, 181, 195, 183, 214, 13, 10, 187, 250, 185, 216, 185, 164, 187, 225, 44, 44, 57, 50, 46, 53, 13, 10]
        let r = CSVReader.read(Data(empty), fileName: "gbk.csv")
        #expect(r.encoding == .gb18030 && r.diagnostics.map(\.code) == ["gb18030-decoded"], "\(r.diagnostics.map { $0.rendered(.zh) })")
        #expect(r.table?.header == ["单位", "", "得分"] && r.table?.rows == [["机关工会", "", "92.5"]])
        // python3 -c "print(list('单位,,得分\r\n机关工会,见附表,92.5\r\n'.encode('gb18030')))"
        let filled: [UInt8] = [181, 165, 206, 187, 44, 44, 181, 195, 183, 214, 13, 10, 187, 250, 185, 216, 185, 164, 187, 225, 44,
                               188, 251, 184, 189, 177, 237, 44, 57, 50, 46, 53, 13, 10]
        let f = CSVReader.read(Data(filled), fileName: "gbk.csv")
        #expect(f.diagnostics.map(\.code) == ["csv-empty-header", "gb18030-decoded"] || f.diagnostics.map(\.code) == ["gb18030-decoded", "csv-empty-header"])
        // Columns count characters of the converted text: `机关工会,` is five.
        #expect(f.diagnostics.first { $0.code == "csv-empty-header" }?.location == SourceLocation(file: "gbk.csv", line: 2, column: 6, cell: CellPosition(row: 2, column: 1, header: "")))
    }

    @Test("a full-width header with a spacer column: the names are read as ever, the spacer read past")
    func fullWidth() throws {
        // An ideographic space is a header cell of nothing: the spacer; `ｉｄ` stays as written for the readers' folding.
        let r = T.read("ｉｄ,\u{3000},名称\nU1,,甲\n")
        #expect(r.diagnostics.isEmpty && r.table?.header == ["ｉｄ", "", "名称"], "\(r.diagnostics.map { $0.rendered(.zh) })")
    }
}
