import Foundation
import Testing
@testable import KaimenKit

/// Sessions too large to expect are refused before their sheets are made, and the tables that
/// replaced per-unit searches give the same answers as the searches did.
@Suite("Session scale: the sheet bound and indexed lookups")
struct SessionScaleTests {
    static let here = SourceLocation(file: "", line: 0, column: 0)

    /// Writes a units file of `n` units and a roster of `reps` representatives in `groups` groups.
    static func inputs(in dir: URL, units n: Int, reps: Int, groups: Int) throws -> (units: String, roster: String) {
        let sample = try String(contentsOf: SampleSession.sample.appendingPathComponent("units.csv"), encoding: .utf8)
        var lines = sample.split(separator: "\n").map(String.init)
        let header = lines.removeFirst(), row = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var units = [header]
        for i in 1...n { units.append((["U\(i)", "单位\(i)"] + row.dropFirst(2)).joined(separator: ",")) }
        var roster = ["id,name,group,units,role"]
        for r in 1...reps { roster.append("R\(r),代表\(r),第\(r % groups + 1)组,,职工代表") }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let u = dir.appendingPathComponent("units.csv"), ro = dir.appendingPathComponent("roster.csv")
        try Data((units.joined(separator: "\n") + "\n").utf8).write(to: u)
        try Data((roster.joined(separator: "\n") + "\n").utf8).write(to: ro)
        return (u.path, ro.path)
    }

    @Test("init and sheets without a schedule refuse more than the bound of sheets, saying how many and asking for a schedule; nothing is made")
    func tooManySheets() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-scale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        // 4 000 × 2 600 = 10 400 000 sheets, past the bound of 10 000 000.
        let (units, roster) = try Self.inputs(in: dir, units: 2_600, reps: 4_000, groups: 40)
        let session = dir.appendingPathComponent("s")
        let r = SampleSession.run(["session", "init", session.path, "--rules", "rules/xicheng-2014.jsonc", "--units", units, "--roster", roster, "--by", "王秘书"])
        #expect(r.code == .failure)
        #expect(r.err.contains("4000 名代表 × 2600 个单位 = 10400000 张评分表"), "\(r.err)")
        #expect(r.err.contains("--schedule"))
        #expect(!FileManager.default.fileExists(atPath: session.path))
        let out = dir.appendingPathComponent("sheets")
        let sheets = SampleSession.run(["sheets", "--rules", "rules/xicheng-2014.jsonc", "--units", units, "--roster", roster, "--out", out.path])
        #expect(sheets.code == .failure)
        #expect(sheets.err.contains("10400000"), "\(sheets.err)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("the sheet count is the product without a schedule and each row's group size with one")
    func sheetCount() {
        let reps = (1...6).map { Representative(id: "R\($0)", name: "", group: $0 <= 4 ? "一" : "二", units: [], role: "", location: Self.here) }
        #expect(ExpectedBallots.sheetCount(schedule: nil, representatives: reps, units: 1_000_000) == 6_000_000)
        let plan = Schedule(entries: [.init(group: "一", unit: "U1", location: Self.here), .init(group: "二", unit: "U1", location: Self.here),
                                      .init(group: "二", unit: "U2", location: Self.here)])
        #expect(ExpectedBallots.sheetCount(schedule: plan, representatives: reps, units: 2) == 4 + 2 + 2)
    }

    @Test("the schedule's indexed questions answer as a search of its rows does, after a change of rows too")
    func scheduleIndex() {
        var plan = Schedule(entries: (0..<300).map { .init(group: "G\($0 % 7)", unit: "U\($0 % 41)", location: Self.here) })
        func check() {
            var groups: [String] = []
            for e in plan.entries where !groups.contains(e.group) { groups.append(e.group) }
            #expect(plan.groups == groups)
            for u in (0..<45).map({ "U\($0)" }) {
                #expect(plan.groups(hearing: u) == plan.entries.filter { $0.unit == u }.map(\.group))
                for g in groups + ["none"] { #expect(plan.hears(group: g, unit: u) == plan.entries.contains { $0.group == g && $0.unit == u }) }
            }
            for g in groups + ["none"] { #expect(plan.units(heardBy: g) == plan.entries.filter { $0.group == g }.map(\.unit)) }
        }
        check()
        plan.entries.removeFirst(50)
        plan.entries.append(.init(group: "G9", unit: "U44", location: Self.here))
        check()
        #expect(plan == Schedule(entries: plan.entries))
    }

    @Test("status of a session with entries counts each group's sheets by state as the rows say")
    func statusCounts() throws {
        let s = try SampleSession(); defer { s.remove() }
        try s.enterConflictingX02()
        let a = try s.file("a1.csv", SampleSession.typed("a") { $0.hasPrefix("R01,") })
        s.run("enter", [a, "--by", "甲"])
        let status = SessionStatus(folder: try SessionFolder.open(s.dir, writable: false))
        var groups: [String] = []
        for r in status.rows where !groups.contains(r.group) { groups.append(r.group) }
        #expect(status.groups == groups && groups.count == 4)
        for g in groups + [nil] as [String?] {
            #expect(status.expected(group: g) == status.rows.filter { g == nil || $0.group == g }.count)
            for st in [DoubleEntry.SheetState.missing, .once, .confirmed, .conflict, .void] {
                #expect(status.count(st, group: g) == status.rows.filter { $0.state == st && (g == nil || $0.group == g) }.count)
            }
        }
        #expect(status.count(.conflict) == 1 && status.count(.once) > 0)
    }
}
