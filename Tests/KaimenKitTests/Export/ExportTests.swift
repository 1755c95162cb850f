import Foundation
import Testing
@testable import KaimenKit

/// The summary and score sheets: BOM, formula neutralisation, one row per standard, files
/// written inside the output folder, and nothing written when the inputs are bad.
@Suite("Exports: summary and score sheets, safe CSV, safe file names")
struct ExportTests {
    /// Area a (5): count x. Area b (5): count y. Deduction `late` on a: 0.5 per report, at most 3.
    static let rules = TotalsTests.deductionRules

    static func session(units: String) throws -> ScoringSession {
        try TestSession(rules: rules, units: units).run()
    }

    static let hostileNames = "id,name,category,x,late,y\nU1,=SUM(A1:A9),企业,4,1,5\nU2,+86 123,=cmd,3,0,5\nU3,-2 工会,企业,2,0,5\nU4,@导出,企业,1,0,5\n"

    @Test("the summary CSV starts with the UTF-8 byte order mark")
    func bom() throws {
        let s = try Self.session(units: Self.hostileNames)
        let bytes = SummaryExport.table(s).csv()
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let sheet = ScoreSheetExport.table(s, unit: 0).csv()
        #expect(Array(sheet.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test("names starting with = + - @ are neutralised in CSV; kaimen's own negative numbers are not")
    func neutralised() throws {
        let s = try Self.session(units: Self.hostileNames)
        let summary = String(decoding: SummaryExport.table(s).csv(), as: UTF8.self)
        #expect(summary.contains(",'=SUM(A1:A9),"))
        #expect(summary.contains(",'+86 123,'=cmd,"))
        #expect(summary.contains(",'-2 工会,"))
        #expect(summary.contains(",'@导出,"))
        #expect(!summary.contains(",=SUM"))
        // U1's score sheet: the deduction of 1 × 0.5 is printed by kaimen as -0.50, as a number.
        let sheet = String(decoding: ScoreSheetExport.table(s, unit: 0).csv(), as: UTF8.self)
        #expect(sheet.contains(",-0.50,"))
        #expect(!sheet.contains("'-0.50"))
    }

    @Test("the summary lists units in rank order with hand-worked totals")
    func summaryRows() throws {
        let s = try Self.session(units: Self.hostileNames)
        let t = SummaryExport.table(s)
        let ids = t.rows.map { $0[2] }
        // U1: 4 − 0.5 + 5 = 8.5; U2: 3 + 5 = 8; U3: 7; U4: 6
        #expect(ids == [.text("U1"), .text("U2"), .text("U3"), .text("U4")])
        #expect(t.rows.map { $0[5] } == [.number("8.50"), .number("8.00"), .number("7.00"), .number("6.00")])
        let deducted = try #require(t.columns.firstIndex { $0.key == "deducted" })
        #expect(t.rows[0][deducted] == .number("0.50"))
    }

    @Test("a score sheet has one row per standard, in area order, then subtotals and the total")
    func scoreSheetRows() throws {
        let s = try Self.session(units: Self.hostileNames)
        let t = ScoreSheetExport.table(s, unit: 0)
        let idColumn = try #require(t.columns.firstIndex { $0.key == "id" })
        let standardIDs = Set(s.rules.standards.map(\.id))
        let standardRows = t.rows.filter { if case .text(let id) = $0[idColumn] { return standardIDs.contains(id) } else { return false } }
        #expect(standardRows.map { $0[idColumn] } == [.text("x"), .text("y")])
        // x (4.00 of 5.00), the deduction (-0.50), subtotal a (3.50), y (5.00), subtotal b (5.00), total (8.50)
        let points = try #require(t.columns.firstIndex { $0.key == "points" })
        #expect(t.rows.map { $0[points] } == [.number("4.00"), .number("-0.50"), .number("3.50"), .number("5.00"), .number("5.00"), .number("8.50")])
        // A unit without deductions has no deduction row: 2 standards + 2 subtotals + total.
        #expect(ScoreSheetExport.table(s, unit: 1).rows.count == 5)
    }

    @Test("OutputFiles writes the summary and a sheet per unit into the folder")
    func writesFiles() throws {
        let scratch = ScratchFolder()
        defer { scratch.cleanUp() }
        let s = try Self.session(units: "id,name,category,x,late,y\nU1,甲,企业,4,1,5\nU2,乙,企业,3,0,5\n")
        let written = try OutputFiles.write(s, to: scratch.url).files
        #expect(written.count == 9)
        #expect(scratch.allNames() == ["manifest.json", "report.html", "sheets", "sheets/U1.csv", "sheets/U1.json", "sheets/U2.csv", "sheets/U2.json",
                                       "summary.csv", "summary.json", "summary.xlsx", "公示.html"])
        let json = try #require(scratch.read("summary.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let units = try #require(object["units"] as? [[String: Any]])
        #expect(units.map { $0["id"] as? String } == ["U1", "U2"])
        #expect(scratch.read("summary.csv")?.hasPrefix("\u{FEFF}") == true)
    }

    @Test("a unit id like ../../evil never leaves the output folder")
    func evilUnitID() throws {
        let scratch = ScratchFolder()
        defer { scratch.cleanUp() }
        let out = scratch.url.appendingPathComponent("a/b/out")
        let s = try Self.session(units: "id,name,category,x,late,y\n../../evil,恶意,企业,4,0,5\n/etc/passwd,绝对,企业,1,0,5\nU1,甲,企业,2,0,5\n")
        let written = try OutputFiles.write(s, to: out).files
        let root = out.standardizedFileURL.path + "/"
        for url in written { #expect(url.standardizedFileURL.path.hasPrefix(root), "\(url.path) is outside \(root)") }
        #expect(written.count == 2 + 2 * 3 + 3)  // summary.csv/.json, two files per unit, report.html, 公示.html, summary.xlsx
        // Nothing appeared next to or above the output folder.
        #expect(scratch.allNames().allSatisfy { $0 == "a" || $0 == "a/b" || $0.hasPrefix("a/b/out") })
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("a/evil.csv").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("../evil.csv").standardizedFileURL.path))
        // The id itself is kept, unchanged, inside the sheet.
        let sheets = scratch.allNames().filter { $0.hasPrefix("a/b/out/sheets/") && $0.hasSuffix(".json") }
        let texts = sheets.compactMap { scratch.read($0) }
        #expect(texts.contains { $0.contains("../../evil") || $0.contains(#"..\/..\/evil"#) })
    }

    @Test("with bad inputs the CLI exits 1 and writes nothing")
    func cliWritesNothing() {
        let scratch = ScratchFolder()
        defer { scratch.cleanUp() }
        let out = scratch.url.appendingPathComponent("out").path
        let console = BufferConsole(currentDirectory: scratch.url.path)
        let code = CLI.run(["score", "--rules", InputFixtures.rules, "--units", InputFixtures.broken("units-values.csv"),
                            "--roster", InputFixtures.good("roster.csv"), "--ballots", InputFixtures.good("ballots.csv"), "--out", out,
                            "--lang", "en"],
                           console: console)
        #expect(code == .failure)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(scratch.allNames().isEmpty)
        #expect(console.stderr.contains("nothing written"))
        #expect(console.stderr.contains("U10"))
    }

    @Test("with good inputs the CLI writes the files")
    func cliWrites() {
        let scratch = ScratchFolder()
        defer { scratch.cleanUp() }
        let console = BufferConsole(currentDirectory: scratch.url.path)
        let code = CLI.run(["score", "--rules", InputFixtures.rules, "--units", InputFixtures.good("units.csv"),
                            "--roster", InputFixtures.good("roster.csv"), "--ballots", InputFixtures.good("ballots.csv"), "--out", "out"],
                           console: console)
        #expect(code == .success)
        #expect(scratch.allNames().contains("out/summary.csv"))
        #expect(scratch.allNames().filter { $0.hasPrefix("out/sheets/") }.count == 6)
    }
}
