import Foundation
import Testing
@testable import KaimenKit

/// Hidden rows of a workbook were said (`workbook-hidden-row`), hidden columns were not: a
/// roster's `conflicts` column hidden by a secretary tidying the sheet still recuses, and a
/// units file's hidden metric column is still scored, without a word. Each is now said once for
/// the file, by letter and header (`workbook-hidden-column`), for every input read as CSV.
@Suite("A workbook's hidden columns are read like any other, and said once, by letter and header")
struct HiddenColumnTests {
    typealias W = WorkbookSheetTests

    /// A worksheet's rows, each cell inline text or, where it reads as a number, a number.
    static func sheet(_ rows: [[String]]) -> String {
        rows.enumerated().map { r, cells in
            "<row r=\"\(r + 1)\">" + cells.enumerated().map { c, text in
                let ref = "\(CellPosition.letter(c))\(r + 1)"
                if text.isEmpty { return "" }
                return Double(text) != nil ? "<c r=\"\(ref)\"><v>\(text)</v></c>" : "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }.joined() + "</row>"
        }.joined()
    }

    @Test("the facts: hidden columns that hold a value, whatever <col> ranges say; hidden=\"0\", empty ones and a range past XFD not")
    func facts() throws {
        // Values in A, B, C, D, E and XFD; B–C hidden by one range, E by `true`, G–I shown, XFA onward hidden (to 99999, cut at XFD).
        let sheet = "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c><c r=\"C1\"><v>3</v></c><c r=\"D1\"><v>4</v></c>"
            + "<c r=\"E1\"><v>5</v></c><c r=\"XFD1\"><v>6</v></c></row>"
        let cols = "<col min=\"2\" max=\"3\" hidden=\"1\"/><col min=\"5\" max=\"5\" hidden=\"true\"/><col min=\"7\" max=\"9\" hidden=\"0\"/>"
            + "<col min=\"16381\" max=\"99999\" hidden=\"1\"/><col min=\"0\" max=\"1\" hidden=\"1\"/><col min=\"20000\" max=\"20001\" hidden=\"1\"/>"
        let read = try WorkbookSheet.read(W.workbook([("S", sheet)], cols: cols))
        #expect(read.facts.hiddenColumns == [2, 3, 5, 16_384])
        #expect(read.facts.hiddenRows.isEmpty)
        // No `<cols>`, or only shown ones: none.
        #expect(try WorkbookSheet.read(W.workbook([("S", sheet)])).facts.hiddenColumns.isEmpty)
        #expect(try WorkbookSheet.read(W.workbook([("S", sheet)], cols: "<col min=\"1\" max=\"5\" width=\"12\"/>")).facts.hiddenColumns.isEmpty)
    }

    @Test("a units workbook (openpyxl's) with its metric column D and a remark column E hidden: read and scored, said once")
    func units() throws {
        let bytes = try EmptyCategoryTests.workbook("units-hidden-column.xlsx")
        // F is hidden too, but holds nothing: not said.
        #expect(try WorkbookSheet.read([UInt8](bytes)).facts.hiddenColumns == [4, 5])
        var session = TestSession(rules: EmptyCategoryTests.rules, units: "", unitsFile: "units.xlsx")
        session.bytes["units.xlsx"] = bytes
        let s = try session.run()
        // n is read from the hidden column: U1 1 point, U2 2.
        #expect(s.unit("U1").total == 1 && s.unit("U2").total == 2)
        let w = try #require(s.inputWarnings.first { $0.code == "workbook-hidden-column" })
        #expect(s.inputWarnings.filter { $0.code == "workbook-hidden-column" }.count == 1)
        #expect(w.severity == .warning && w.location == .whole("/mem/units.xlsx"))
        #expect(w.text.zh == "D 列（n）、E 列（备注）在工作簿里是隐藏的，已照常读取")
        #expect(w.text.en == "columns D (n), E (备注) are hidden in the workbook, and were read like any other")
        #expect(w.hintText?.zh == "隐藏的列照样读取（指标、分数照样计分）：若它们不该计入，删去这些列；若该计入，取消隐藏并核对一遍")
        #expect(w.hintText?.en == "hidden columns are read like any other (a metric's or a score's counts): if they should not count, delete them; if they should, unhide them and check them")
        // The remark column is also not a metric, as in CSV.
        #expect(s.inputWarnings.contains { $0.code == "unknown-column" && $0.path == "备注" })
        #expect(!s.inputWarnings.contains { $0.code == "workbook-hidden-row" })
    }

    @Test("a roster's hidden conflicts column still recuses, and a wide ballots file's hidden score column still counts: both said")
    func rosterAndBallots() throws {
        let rules = BlankScoreTests.rules
        // R1 declares a conflict with U2 in the roster's hidden column E.
        let roster = W.workbook([("代表", Self.sheet([["id", "name", "group", "units", "conflicts"], ["R1", "代表一", "一组", "", "U2"],
                                                   ["R2", "代表二", "一组", "", ""], ["R3", "代表三", "二组", "", ""]]))],
                                cols: "<col min=\"5\" max=\"5\" hidden=\"1\"/>")
        // The score column C (standard b) hidden.
        let ballots = W.workbook([("评分", Self.sheet([["representative", "unit", "b"], ["R1", "U1", "3"], ["R2", "U1", "2"],
                                                    ["R1", "U2", "3"], ["R2", "U2", "1"], ["R3", "U2", "2"]]))],
                                 cols: "<col min=\"3\" max=\"3\" hidden=\"1\"/>")
        let files = ["rules.jsonc": Data(rules.utf8), "units.csv": Data("id,name,n\nU1,甲工会,0\nU2,乙工会,0\n".utf8),
                     "roster.xlsx": Data(roster), "ballots.xlsx": Data(ballots)]
        let s = try ScoringSession.run(.init(rules: "/mem/rules.jsonc", units: "/mem/units.csv", roster: "/mem/roster.xlsx", ballots: "/mem/ballots.xlsx",
                                             strict: false),
                                       readFile: { path in
                                           guard let data = files[String(path.dropFirst("/mem/".count))] else { throw CocoaError(.fileNoSuchFile) }
                                           return data
                                       })
        // U1: (3 + 2) / 2 = 5/2. U2: R1's 3 set aside (declared conflict), (1 + 2) / 2 = 3/2.
        #expect(s.points("U1", "b") == Rational(5, 2))
        #expect(s.points("U2", "b") == Rational(3, 2))
        #expect(s.ballots.recusals.count == 1)
        let hidden = s.inputWarnings.filter { $0.code == "workbook-hidden-column" }
        #expect(hidden.map(\.location) == [.whole("/mem/ballots.xlsx"), .whole("/mem/roster.xlsx")], "\(hidden)")
        #expect(hidden.map(\.text.zh).sorted() == ["C 列（b）在工作簿里是隐藏的，已照常读取", "E 列（conflicts）在工作簿里是隐藏的，已照常读取"])
        #expect(hidden.first { $0.location == .whole("/mem/roster.xlsx") }?.text.en == "column E (conflicts) is hidden in the workbook, and was read like any other")
    }

    @Test("the message: a column past the header by its letter alone; the first 10, then how many in all")
    func message() {
        let one = ReaderMessages.hiddenColumns([(letter: "F", header: nil)])
        #expect(one.zh == "F 列在工作簿里是隐藏的，已照常读取")
        #expect(one.en == "column F is hidden in the workbook, and was read like any other")
        let many = ReaderMessages.hiddenColumns((0 ..< 12).map { (letter: CellPosition.letter($0), header: "h\($0)") })
        #expect(many.zh == (0 ..< 10).map { "\(CellPosition.letter($0)) 列（h\($0)）" }.joined(separator: "、") + "…在工作簿里是隐藏的（共 12 列），已照常读取")
        #expect(many.en == "columns " + (0 ..< 10).map { "\(CellPosition.letter($0)) (h\($0))" }.joined(separator: ", ") + "… are hidden in the workbook (12 in all), and were read like any other")
    }
}
