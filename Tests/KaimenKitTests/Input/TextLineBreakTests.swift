import Foundation
import Testing
@testable import KaimenKit

/// A quoted cell's line break (Alt+Enter in Excel) in a unit's name or category, or in a
/// representative's name or group, is still taken, and now said (`text-line-break`, since
/// 0.29.5): `月坛中医医院⏎工会` printed as `月坛中医医院 工会` in the report and the terminal, on two
/// lines in the workbook and with a quoted line break in CSV (session 50). Not for a role, not
/// for a session's copies, and alike for either engine.
@Suite("A line break kept in a name, category or group is taken and warned of")
struct TextLineBreakTests {
    static let rules = EmptyCategoryTests.rules

    static func lineBreaks(_ session: ScoringSession) -> [Diagnostic] {
        session.inputWarnings.filter { $0.code == DiagnosticCode.textLineBreak.rawValue }
    }

    @Test("a unit's name and category in quotes with a line break: taken as they are, a warning at each cell, in both languages")
    func unitsCSV() throws {
        let session = try TestSession(rules: Self.rules, units: "id,name,category,n\nU1,\"月坛中医医院\n工会\",\"事业\r\n单位\",1\nU2,乙,企业,2\n").run()
        #expect(session.table.units.first { $0.id == "U1" }?.name == "月坛中医医院\n工会")
        let w = Self.lineBreaks(session)
        #expect(w.map(\.path) == ["name", "category"], "\(w)")
        #expect(w.allSatisfy { $0.severity == .warning })
        let name = try #require(w.first)
        #expect(name.location?.rendered(.zh) == "/mem/units.csv 第 2 行 B 列（name）")
        #expect(name.text.zh == "单位名称 `月坛中医医院\\n工会` 的单元格里有换行（Excel 里的 Alt+Enter）：报告网页和终端里它显示为 `月坛中医医院 工会`，工作簿里分成两行，CSV 里是引号中的换行，同一个名称在各份结果里样子不同")
        #expect(name.text.en.hasPrefix("the unit name `月坛中医医院\\n工会` holds a line break in its cell (Alt+Enter in Excel): the report page and the terminal show it as `月坛中医医院 工会`"))
        #expect(name.hintText?.zh == "在这个单元格里删去换行，让它写在一行上")
        #expect(name.hintText?.en == "delete the line break in this cell, so that it is written on one line")
        #expect(w[1].text.zh.contains("显示为 `事业 单位`"), "\(w[1].text.zh)")
        #expect(w[1].location?.rendered(.zh) == "/mem/units.csv 第 2 行 C 列（category）")
    }

    @Test("a representative's name and group: warned; a role: not")
    func roster() throws {
        var s = TestSession(rules: Self.rules, units: "id,name,n\nU1,甲,1\n")
        s.roster = "id,name,group,units,role\nR1,\"顾\n尚礼\",\"第一\n组\",,\"职工\n代表\"\nR2,王秀兰,第一组,,职工代表\n"
        let w = Self.lineBreaks(try s.run())
        #expect(w.map(\.path) == ["name", "group"], "\(w)")
        #expect(w.first?.location?.rendered(.en) == "/mem/roster.csv row 2, column B (name)")
        #expect(w.first?.text.en.hasPrefix("the name `顾\\n尚礼` holds a line break") == true, "\(w)")
    }

    @Test("a JSON units file's name with a line break: warned at the value")
    func unitsJSON() throws {
        let s = TestSession(rules: Self.rules, units: #"[{"id": "U1", "name": "甲\n工会", "metrics": {"n": 1}}]"#, unitsFile: "units.json")
        let w = Self.lineBreaks(try s.run())
        #expect(w.count == 1 && w.first?.path?.hasSuffix(".name") == true && w.first?.location?.line == 1, "\(w.map { ($0.path, $0.location) })")
        #expect(w.first?.text.zh.contains("显示为 `甲 工会`") == true, "\(w)")
    }

    @Test("a workbook's cell with Alt+Enter: warned as in CSV")
    func workbook() throws {
        let sheet = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>name</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>n</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>U1</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">月坛中医医院\n工会</t></is></c><c r=\"C2\"><v>1</v></c></row>"
        var s = TestSession(rules: Self.rules, units: "", unitsFile: "units.xlsx")
        s.bytes["units.xlsx"] = Data(WorkbookSheetTests.workbook([("单位", sheet)]))
        let w = Self.lineBreaks(try s.run())
        #expect(w.count == 1, "\(w)")
        #expect(w.first?.location?.rendered(.zh) == "/mem/units.xlsx 第 2 行 B 列（name）", "\(w)")
    }

    @Test("a session's copies are read as they were accepted: no warning")
    func sessionCopies() throws {
        let s = TestSession(rules: Self.rules, units: "id,name,n\nU1,\"甲\n工会\",1\n")
        let files = s.files
        var inputs = ScoringSession.Inputs(rules: "/mem/rules.jsonc", units: "/mem/units.csv", roster: "/mem/roster.csv", ballots: "/mem/ballots.csv")
        inputs.sessionCopies = true
        let session = try ScoringSession.run(inputs, readFile: { path in
            guard let data = files[String(path.dropFirst("/mem/".count))] else { throw CocoaError(.fileNoSuchFile) }
            return data
        })
        #expect(Self.lineBreaks(session).isEmpty)
        #expect(Self.lineBreaks(try s.run()).count == 1)
    }

    @Test("score --engine exact and --engine fast print the same warnings for a quoted line break")
    func engines() throws {
        let here = try OutputErrorNamingTests.workspace(); defer { try? FileManager.default.removeItem(at: here) }
        let sample = SampleSession.sample
        let units = try String(contentsOf: sample.appendingPathComponent("units.csv"), encoding: .utf8)
            .replacingOccurrences(of: "西城区月坛中医医院工会", with: "\"西城区月坛中医医院\n工会\"")
        try #require(units.contains("\n工会\""))
        try Data(units.utf8).write(to: here.appendingPathComponent("units.csv"))
        func run(_ engine: String) -> [String] {
            let r = OutputErrorNamingTests.run(["score", "--rules", Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc").path,
                                                "--units", "units.csv", "--roster", sample.path + "/roster.csv",
                                                "--ballots", sample.path + "/ballots.csv", "--format", "none", "--engine", engine], in: here)
            #expect(r.code == .success, "\(r.err)")
            return r.err.split(separator: "\n").map(String.init).filter { $0.contains("换行") }
        }
        let exact = run("exact"), fast = run("fast")
        #expect(exact == ["units.csv 第 6 行 B 列（name）：警告：单位名称 `西城区月坛中医医院\\n工会` 的单元格里有换行（Excel 里的 Alt+Enter）：报告网页和终端里它显示为 `西城区月坛中医医院 工会`，工作簿里分成两行，CSV 里是引号中的换行，同一个名称在各份结果里样子不同；在这个单元格里删去换行，让它写在一行上"], "\(exact)")
        #expect(fast == exact)
    }
}
