import Foundation
import Testing
@testable import KaimenKit

/// A tester playing a committee secretary with 0.29.2: Excel and WPS write one more `,` at the
/// end of every line once a cell right of the table was touched (typed into and cleared), and
/// kaimen refused every such row (`第 3 行有 11 个单元格，但表头有 10 列；含逗号的值要放在英文双引号里…`)
/// and every such header cell (`表头第 11 列（K 列）没有名称`). Nothing is lost in an empty cell:
/// since 0.29.3 empty cells beyond the header, and nameless header cells at its end with nothing
/// under or beyond them, are read past, in every input; a cell there that holds something is
/// still an error, at that cell.
@Suite("Empty cells right of the table: read past in every input; a filled one is still an error")
struct TrailingEmptyCellsTests {
    static func read(_ text: String) -> CSVReader.Result { CSVReader.read(Data(text.utf8), fileName: "t.csv") }

    /// Every line of `text` with `tail` after it: what Excel writes once a cell right of the table was touched.
    static func widened(_ text: String, _ tail: String = ",,", header: Bool = true) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { i, line in line.isEmpty || (i == 0 && !header) ? String(line) : line + tail }.joined(separator: "\n")
    }

    @Test("rows with empty cells beyond the header, spaces and an ideographic space among them: no problem, the cells as wide as the header")
    func emptyBeyondRows() throws {
        let r = Self.read("名称,得分,备注\n甲,1,ok,,\n乙,2,, ,\u{3000}\n丙,3,x,\"\"\n")
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { $0.rendered(.zh) })")
        let t = try #require(r.table)
        #expect(t.header == ["名称", "得分", "备注"])
        #expect(t.rows == [["甲", "1", "ok"], ["乙", "2", ""], ["丙", "3", "x"]])
        #expect((0 ..< 3).map { t.filledCount($0) } == [3, 3, 3] && !(0 ..< 3).contains { t.overflows($0) })
    }

    @Test("a cell beyond the header that holds something is still an error, at that cell, counting the row's cells up to it")
    func filledBeyond() throws {
        // Row 2: D and F empty, E holds `x`; row 3: the first cell beyond is filled, then empties.
        let r = Self.read("名称,得分,备注\n甲,1,ok,,x,\n乙,2,ok,y,,\n")
        let ragged = r.diagnostics.filter { $0.code == "csv-ragged-row" }
        #expect(ragged.count == 2 && r.diagnostics.count == 2, "\(r.diagnostics.map { $0.rendered(.zh) })")
        #expect(ragged[0].rendered(.zh) == "t.csv 第 2 行 E 列：错误：第 2 行有 5 个单元格，但表头有 3 列；含逗号的值要放在英文双引号里，例如 `\"1,5\"`；或者表头少了一列")
        #expect(ragged[1].rendered(.en) == "t.csv row 3, column D: error: row 3 has 4 fields but the header has 3; a value with a comma in it must be in double quotes, e.g. `\"1,5\"`; or the header is missing a column")
        let t = try #require(r.table)
        #expect(t.filledCount(0) == 5 && t.filledCount(1) == 4 && t.overflows(0) && t.overflows(1))
    }

    @Test("a header ending in nameless cells with nothing under or beyond them: those are no columns, and nothing is said")
    func nameless() throws {
        // Every line, the header's too, with two more cells (one of spaces): as Excel saves it.
        let r = Self.read(Self.widened("id,name,n\nU1,甲,1\nU2,乙,2\n", ", ,"))
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map { $0.rendered(.zh) })")
        #expect(r.table?.header == ["id", "name", "n"])
        #expect(r.table?.rows == [["U1", "甲", "1"], ["U2", "乙", "2"]])
        // Only the header so: the same.
        #expect(Self.read("id,name,n,,\nU1,甲,1\n").diagnostics.isEmpty)
        #expect(Self.read("id,name,n,,\nU1,甲,1\n").table?.header == ["id", "name", "n"])
        // 300 000 of them over short rows: costs the rows' cells, and says nothing.
        let many = Self.read("id,name,n" + String(repeating: ",", count: 300_000) + "\nU1,甲,1\nU2,乙,2,,\n")
        #expect(many.diagnostics.isEmpty && many.table?.header.count == 3)
    }

    @Test("a nameless header cell with a value under it is still csv-empty-header, at that cell; an empty one after it is no column")
    func namelessWithValue() throws {
        // D has a value in row 3; E is empty throughout: D is a column without a name, E none.
        let r = Self.read("id,name,n,,\nU1,甲,1,,\nU2,乙,2,9,\n")
        #expect(r.diagnostics.map(\.code) == ["csv-empty-header"], "\(r.diagnostics.map { $0.rendered(.zh) })")
        // Since 0.29.4 at the filled cell, not the header's (`SpacerColumnTests`).
        #expect(r.diagnostics.first?.rendered(.zh) == "t.csv 第 3 行 D 列：错误：这一格有内容，但 D 列在表头（第 1 行）没有名称，不知道它是哪一项的值；在第 1 行 D 列写上这一列的名称；如果这些内容放错了列，把它们移到有名称的列里（D 列全空时不用删，读取时跳过）")
        #expect(r.table?.header == ["id", "name", "n", ""])
        // A value beyond the header's every cell keeps them all, but the nameless ones hold
        // nothing (since 0.29.4 read past, as between names): the row alone is said.
        let beyond = Self.read("id,name,,\nU1,甲,,,5\n")
        #expect(beyond.diagnostics.map(\.code) == ["csv-ragged-row"], "\(beyond.diagnostics.map { $0.rendered(.zh) })")
        // The header of a secretary's trial, `,,` after every line but one row's extra cell filled.
        let shifted = Self.read("名称,得分\n甲,1,,\n乙,2,3,\n")
        #expect(shifted.diagnostics.map(\.code) == ["csv-ragged-row"])
        #expect(shifted.diagnostics.first?.location?.cell == CellPosition(row: 3, column: 2))
    }

    // MARK: Every input

    static let rules = BallotScoringTests.rules(policy: #""aggregate": "mean", "minBallots": 1"#)
    static let units = "id,name,category,n\nU1,甲工会,企业,1\nU2,乙工会,企业,2\n"
    static let roster = "id,name,group,units\nR1,代表一,一组,\nR2,代表二,一组,U2\nR3,代表三,二组,\n"
    static let long = "representative,unit,standard,score\nR1,U1,b,3\nR2,U1,b,2\nR3,U1,b,1\nR1,U2,b,2\nR3,U2,b,1\n"
    static let wide = "representative,unit,b\nR1,U1,3\nR2,U1,2\nR3,U1,1\nR1,U2,2\nR3,U2,1\n"

    func totals(units: String = units, roster: String = roster, ballots: String) throws -> [Rational] {
        let s = try TestSession(rules: Self.rules, units: units, roster: roster, ballots: ballots).run()
        #expect(s.inputWarnings.isEmpty, "\(s.inputWarnings.map { $0.rendered(.zh) })")
        return ["U1", "U2"].map { s.points($0, "b") }
    }

    @Test("units, roster and ballots (long and wide) with `,,` after every line score as without", arguments: [", ,", ",\u{3000},,"])
    func everyInput(_ tail: String) throws {
        let plain = try totals(ballots: Self.long)
        #expect(plain == [Rational(integer: 2), Rational(3, 2)])
        #expect(try totals(units: Self.widened(Self.units, tail), roster: Self.widened(Self.roster, tail), ballots: Self.widened(Self.long, tail)) == plain)
        #expect(try totals(units: Self.widened(Self.units, tail, header: false), roster: Self.widened(Self.roster, tail, header: false),
                           ballots: Self.widened(Self.wide, tail, header: false)) == plain)
        #expect(try totals(ballots: Self.widened(Self.wide, tail)) == plain)
    }

    @Test("a wide row's filled cell beyond the header is still the shifted row: not read, and one error at the cell")
    func wideShifted() throws {
        // `1,5` for 1.5 in R2's row, with an empty cell after every row from the export: joined,
        // 1.5 is a score. (Were the header's line widened too, the `5` would stand under a
        // nameless header cell, which is then a column, said as `csv-empty-header`.)
        let d = TestSession(rules: Self.rules, units: Self.units, roster: Self.roster,
                            ballots: Self.widened(Self.wide.replacingOccurrences(of: "R2,U1,2", with: "R2,U1,1,5"), ",", header: false)).failures()
        #expect(d.map(\.code) == ["csv-ragged-row"], "\(d.map { $0.rendered(.zh) })")
        #expect(d.first?.hintText?.zh.hasPrefix("C、D 两格的 `1,5` 多半是 1.5") == true, "\(d.map { $0.rendered(.zh) })")
    }

    @Test("a units row's thousands comma is still found with empty cells after the row")
    func unitsShifted() throws {
        let units = Self.widened("id,name,category,n\nU1,甲工会,企业,1,280\nU2,乙工会,企业,2\n", ",,", header: false)
        let d = TestSession(rules: Self.rules, units: units, roster: Self.roster, ballots: Self.long).failures()
        #expect(d.map(\.code) == ["csv-ragged-row"], "\(d.map { $0.rendered(.zh) })")
        #expect(d.first?.hintText?.zh.hasPrefix("D、E 两格的 `1,280` 多半是 1280") == true, "\(d.map { $0.rendered(.zh) })")
    }

    @Test("a units workbook with a cell of spaces right of the table: read as without")
    func workbook() throws {
        func cell(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(text)</t></is></c>" }
        let sheet = "<row r=\"1\">" + cell("A1", "id") + cell("B1", "name") + cell("C1", "category") + cell("D1", "n") + "</row>"
            + "<row r=\"2\">" + cell("A2", "U1") + cell("B2", "甲工会") + cell("C2", "企业") + "<c r=\"D2\"><v>1</v></c>" + cell("F2", "  ") + "</row>"
            + "<row r=\"3\">" + cell("A3", "U2") + cell("B3", "乙工会") + cell("C3", "企业") + "<c r=\"D3\"><v>2</v></c></row>"
        let bytes = WorkbookSheetTests.workbook([("单位", sheet)])
        // Read as Excel's CSV would write it: every row as wide as the widest, F's spaces and all.
        let csv = CSVReader.read(Data(bytes), fileName: "units.xlsx")
        #expect(csv.diagnostics.isEmpty, "\(csv.diagnostics.map { $0.rendered(.zh) })")
        #expect(csv.table?.header == ["id", "name", "category", "n"])
        #expect(csv.table?.records.fields(0).count == 6)
        var session = TestSession(rules: Self.rules, units: "", unitsFile: "units.xlsx", roster: Self.roster, ballots: Self.long)
        session.bytes["units.xlsx"] = Data(bytes)
        let s = try session.run()
        #expect(["U1", "U2"].map { s.points($0, "b") } == [Rational(integer: 2), Rational(3, 2)])
    }

    @Test("a schedule with `,,` after every line reads as without")
    func schedule() throws {
        let text = "组别,单位编号,时间,地点\n一组,U1,09:00,一会议室\n一组,U2,10:00,一会议室\n二组,U3,,报告厅\n二组,U1,,报告厅\n二组,U2,,报告厅\n一组,U3,,报告厅\n"
        let plain = ScheduleFixture.read(text)
        let wide = ScheduleFixture.read(Self.widened(text, ", ,"))
        #expect(wide.diagnostics.map(\.code) == plain.diagnostics.map(\.code), "\(wide.diagnostics.map { $0.rendered(.zh) })")
        #expect(wide.schedule?.entries.map(\.unit) == plain.schedule?.entries.map(\.unit))
        #expect(wide.schedule?.entries.map(\.place) == plain.schedule?.entries.map(\.place))
        #expect(wide.schedule != nil)
    }

    @Test("a session's typed sheets with `,,` after every line are entered as without")
    func typedSheets() throws {
        let s = try SampleSession(); defer { s.remove() }
        let text = try SampleSession.typed("a") { $0.hasPrefix("R01,") }
        let r = s.run("enter", [try s.file("a.csv", Self.widened(text, ",,")), "--by", "甲"])
        #expect(r.code == .success && !r.err.contains("错误"), "\(r.err)")
        #expect(try s.state().entries.count == 3)
    }

    // MARK: The byte-level readers

    @Test("the byte-level readers hand such a file over (a row's cells, a nameless header cell), and the checked ones read it")
    func bulkHandsOver() throws {
        let S = BulkBallotsReaderTests.xicheng
        let long = "representative,unit,standard,score\nR01,X01,rights.ballot,3.5\nR02,X01,rights.ballot,3\n"
        #expect(S.tryRead(Array(Self.widened(long, ",", header: false).utf8)) == .fieldCount)
        #expect(S.tryRead(Array(Self.widened(long, ",").utf8)) == .header)
        let wide = BulkHandOverTests.wide + "R01,X01,3,1\(BulkHandOverTests.ws)\n"
        #expect(S.tryRead(Array(Self.widened(wide, ", ", header: false).utf8)) == .fieldCount)
        for text in [Self.widened(long, ",", header: false), Self.widened(long, ","), Self.widened(wide, ", ", header: false)] {
            let checked = S.checked(Array(text.utf8))
            // (The wide row's empty score cells are said, `blank-score`, as without the extra cells.)
            #expect(checked.diagnostics.allSatisfy { $0.code == "blank-score" } && checked.box?.ballots.isEmpty == false,
                    "\(checked.diagnostics.map { $0.rendered(.zh) })")
        }
        // Units and roster: the sample's with `,` after every row.
        let units = Self.widened(String(decoding: BulkFixtures.sample("xicheng-2014/units.csv"), as: UTF8.self), ",", header: false)
        #expect(BulkUnitsReader.read(Array(units.utf8), fileName: "units.csv", rules: BulkFixtures.xicheng, threads: 1, parallelThreshold: 4 << 20) == nil)
        #expect(BulkFixtures.checkedUnits(Array(units.utf8), rules: BulkFixtures.xicheng).diagnostics.isEmpty)
        let roster = Self.widened(String(decoding: BulkFixtures.sample("xicheng-2014/roster.csv"), as: UTF8.self), ",")
        #expect(BulkRosterReaderTests.bulk(Array(roster.utf8)) == nil)
        #expect(BulkRosterReaderTests.checked(Array(roster.utf8)).diagnostics.isEmpty)
    }

    @Test("a generated session with `,,` after every line: the fast engine hands over and prints what the exact one prints")
    func engines() throws {
        let rules = "rules/xicheng-2014.jsonc"
        let dir = try GeneratedSession.make(units: 40, seed: 11, rules: rules)
        defer { try? FileManager.default.removeItem(at: dir) }
        func score(_ engine: String) -> (code: ExitCode, out: String, err: String) {
            let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
            let code = CLI.run(GeneratedSession.scoreArguments(dir, rules: rules) + ["--engine", engine, "--format", "csv", "--timings"], console: console)
            return (code, console.stdout, console.stderr)
        }
        let before = score("exact")
        #expect(before.code == .success, "\(before.err)")
        for name in ["units.csv", "roster.csv", "ballots.csv"] {
            let url = dir.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            try Self.widened(text.replacingOccurrences(of: "\r\n", with: "\n"), ",,").write(to: url, atomically: true, encoding: .utf8)
        }
        let exact = score("exact"), fast = score("fast")
        #expect(exact.code == .success && fast.code == .success, "\(exact.err)\n\(fast.err)")
        #expect(exact.out == before.out && fast.out == exact.out)
        #expect(fast.err.contains("handover\t"), "\(fast.err)")
    }
}
