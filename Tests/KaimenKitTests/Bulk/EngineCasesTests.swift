import Foundation
import Testing
@testable import KaimenKit

/// Small sessions that reach this issue's decisions, scored by both engines through
/// `kaimen score`: the bulk engine must print exactly what the checked one does, and both
/// what the docs (docs/rules.md) say, worked out by hand below.
@Suite("Both engines agree on vetoes, exact tie-breaks, missing tie-break metrics and declared conflicts")
struct EngineCasesTests {
    struct Files {
        var rules: String
        var units: String
        var roster = "id,name,group,units\nR1,代表一,一组,\nR2,代表二,一组,\n"
        var ballots = "representative,unit,standard,score\n"
    }

    /// Runs `kaimen score --format csv` with each engine; expects the bulk engine to have run
    /// and to agree with the checked one; returns the checked output.
    static func score(_ files: Files, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (out: String, err: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in [("rules.jsonc", files.rules), ("units.csv", files.units), ("roster.csv", files.roster), ("ballots.csv", files.ballots)] {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        var results: [String: (String, String)] = [:]
        for engine in ["exact", "fast"] {
            let console = BufferConsole(currentDirectory: dir.path)
            let code = CLI.run(["score", "--rules", "rules.jsonc", "--units", "units.csv", "--roster", "roster.csv", "--ballots", "ballots.csv",
                                "--engine", engine, "--format", "csv", "--lang", "en", "--timings"], console: console)
            #expect(code == .success, "\(engine): \(console.stderr)", sourceLocation: sourceLocation)
            #expect(console.stderr.contains("engine\t\(engine)"), "the \(engine) engine ran: \(console.stderr)", sourceLocation: sourceLocation)
            let err = console.stderr.split(separator: "\n").filter { !$0.contains("\t") }.joined(separator: "\n")
            results[engine] = (console.stdout, err)
        }
        #expect(results["fast"]!.0 == results["exact"]!.0, sourceLocation: sourceLocation)
        #expect(results["fast"]!.1 == results["exact"]!.1, sourceLocation: sourceLocation)
        return results["exact"]!
    }

    /// The summary's rows as `[id: (rank, total, grade, notes)]`.
    static func rows(_ csv: String) -> [String: (rank: String, total: String, grade: String, notes: String)] {
        let table = CSVReader.read(Data(csv.utf8), fileName: "out.csv").table!
        let col = { (k: String) in table.header.firstIndex(of: k)! }
        var out: [String: (String, String, String, String)] = [:]
        for r in table.rows { out[r[col("Unit id")]] = (r[col("Rank")], r[col("Total")], r[col("Grade")], r[col("Notes")]) }
        return out
    }

    static let grades = #"[ { "name": "优秀", "min": 9 }, { "name": "良好", "min": 8 }, { "name": "合格", "min": 6 }, { "name": "不合格" } ]"#

    static func vetoRules(order: [String]) -> String {
        let v1 = #"{ "id": "v1", "name": "安全事故", "criteria": "发生事故的定为合格，总分不超过7分。", "when": "acc > 0", "grade": "合格", "capTotal": 7 }"#
        let v2 = #"{ "id": "v2", "name": "迟报", "criteria": "迟报的定为不合格，总分不超过8分。", "when": "late > 0", "grade": "不合格", "capTotal": 8 }"#
        let vetoes = order.map { $0 == "v1" ? v1 : v2 }.joined(separator: ", ")
        return RulesText.make(metrics: [RulesText.metric("n"), RulesText.metric("acc"), RulesText.metric("late")].joined(separator: ", "),
                              areas: RulesText.area("a", points: "10"),
                              standards: RulesText.standard("s", area: "a", points: "10", #""method": "linear", "metric": "n", "floor": 0, "target": 10"#),
                              grades: grades, more: #""vetoes": [ \#(vetoes) ],"#)
    }

    @Test("several vetoes: the worst grade and the lowest cap, in either order", arguments: [["v1", "v2"], ["v2", "v1"]])
    func vetoes(order: [String]) throws {
        let out = try Self.score(Files(rules: Self.vetoRules(order: order),
                                       units: "id,name,n,acc,late\nU1,甲,10,1,1\nU2,乙,9,1,0\nU3,丙,8,0,0\n"))
        let rows = Self.rows(out.out)
        // U1: 10 points; both hold: grade min(合格, 不合格) = 不合格 (the worse), total min(10, 7, 8) = 7.
        #expect(rows["U1"]?.total == "7.00")
        #expect(rows["U1"]?.grade == "不合格")
        // U2: 9 points; v1 holds: 合格, total min(9, 7) = 7.
        #expect(rows["U2"]?.total == "7.00")
        #expect(rows["U2"]?.grade == "合格")
        // U3: 8 points, no veto: 良好, first.
        #expect(rows["U3"]?.grade == "良好")
        #expect(rows["U3"]?.rank == "1")
        #expect(rows["U1"]?.notes.contains("veto: 安全事故") == true && rows["U1"]?.notes.contains("veto: 迟报") == true)
    }

    /// A ballot standard `b` (10 points, plain mean) and a metric standard `s` (10 points,
    /// linear on `x` from 0 to 10), totals at precision 0, ties broken by the ballots.
    static func tieRules(tieBreak: String, precision: Int = 0) -> String {
        RulesText.make(metrics: RulesText.metric("x", "number") + ", " + RulesText.metric("m", "count", missing: "notAssessable"),
                       areas: RulesText.area("a", points: "20"),
                       standards: [RulesText.standard("b", area: "a", points: "10", #""method": "ballot", "target": "standard""#),
                                   RulesText.standard("s", area: "a", points: "10", #""method": "linear", "metric": "x", "floor": 0, "target": 10"#)].joined(separator: ", "),
                       grades: grades,
                       more: #""ballots": { "aggregate": "mean", "minBallots": 1 }, "ranking": { "precision": \#(precision), "tieBreak": [ \#(tieBreak) ] },"#)
    }

    @Test("tie-breaks compare exact values: at precision 0, ballots of 6.4 and 6.2 are different")
    func exactTieBreak() throws {
        // U1: ballots 6.4 + x 0.6 = 7.0 → 7; U2: ballots 6.2 + x 0.8 = 7.0 → 7. Rounded to 0 places
        // the ballots would both be 6; compared exactly, 6.4 > 6.2 puts U1 first.
        let out = try Self.score(Files(rules: Self.tieRules(tieBreak: #"{ "by": "ballots" }"#),
                                       units: "id,name,x,m\nU1,甲,0.6,1\nU2,乙,0.8,1\n",
                                       ballots: "representative,unit,standard,score\nR1,U1,b,6.4\nR1,U2,b,6.2\n"))
        let rows = Self.rows(out.out)
        #expect(rows["U1"]?.total == "7" && rows["U2"]?.total == "7")
        #expect(rows["U1"]?.rank == "1")
        #expect(rows["U2"]?.rank == "2")
        // The note shows as many decimals as it takes: 6.4 vs 6.2, not 6 vs 6.
        #expect(rows["U2"]?.notes.contains("6.4") == true && rows["U2"]?.notes.contains("6.2") == true, "\(rows["U2"]!.notes)")
    }

    @Test("ballots of 20/3 each are equal, not told apart by rounding error (bulk settles the open intervals)")
    func repeatingDecimals() throws {
        // Three ballots each: U1 7, 7, 6 → 20/3; U2 6, 7, 7 → 20/3; totals 20/3 + 0.4 = 7.0666… → 7 both.
        // Equal ballots, and no other tie-break: they share rank 1.
        let ballots = "representative,unit,standard,score\nR1,U1,b,7\nR2,U1,b,7\nR3,U1,b,6\nR1,U2,b,6\nR2,U2,b,7\nR3,U2,b,7\n"
        var files = Files(rules: Self.tieRules(tieBreak: #"{ "by": "ballots" }"#), units: "id,name,x,m\nU1,甲,0.4,1\nU2,乙,0.4,1\n", ballots: ballots)
        files.roster = "id,name,group,units\nR1,代表一,一组,\nR2,代表二,一组,\nR3,代表三,一组,\n"
        let rows = Self.rows(try Self.score(files).out)
        #expect(rows["U1"]?.rank == "1" && rows["U2"]?.rank == "1")
    }

    @Test("a missing tie-break metric sorts last, ascending and descending", arguments: ["asc", "desc"])
    func missingMetricLast(order: String) throws {
        // All total 5: x = 5 gives s = 5, and one ballot of 0 gives b = 0.
        // m: U1 missing, U2 5, U3 3. desc: U2, U3, U1; asc: U3, U2, U1. U1 last either way.
        let out = try Self.score(Files(rules: Self.tieRules(tieBreak: #"{ "by": "metric", "id": "m", "order": "\#(order)" }"#),
                                       units: "id,name,x,m\nU1,甲,5,\nU2,乙,5,5\nU3,丙,5,3\n",
                                       ballots: "representative,unit,standard,score\nR1,U1,b,0\nR1,U2,b,0\nR1,U3,b,0\n"))
        let rows = Self.rows(out.out)
        #expect(rows["U1"]?.rank == "3")
        #expect(rows[order == "desc" ? "U2" : "U3"]?.rank == "1")
        #expect(rows[order == "desc" ? "U3" : "U2"]?.rank == "2")
    }

    @Test("a declared conflict in the roster recuses in the bulk engine as in the checked one")
    func declaredConflict() throws {
        var files = Files(rules: Self.tieRules(tieBreak: #"{ "by": "ballots" }"#, precision: 2), units: "id,name,x,m\nU1,甲,0,1\nU2,乙,0,1\n",
                          ballots: "representative,unit,standard,score\nR1,U1,b,9\nR2,U1,b,5\nR1,U2,b,5\nR2,U2,b,5\n")
        files.roster = "id,name,group,units,conflicts\nR1,代表一,一组,,U1\nR2,代表二,一组,,\n"
        let out = try Self.score(files)
        let rows = Self.rows(out.out)
        // R1's 9 for U1 is set aside: U1 = 5 (R2 alone), U2 = (5 + 5)/2 = 5.
        #expect(rows["U1"]?.total == "5.00")
        #expect(rows["U1"]?.notes.contains("recusal: R1 代表一 (declared conflict): 1 ballot(s) not counted (b名 9)") == true, "\(rows["U1"]!.notes)")
        #expect(out.err.contains("recusal: R1 代表一 declared a conflict with U1"), "\(out.err)")
    }
}
