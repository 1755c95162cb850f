import Foundation
import Testing
@testable import KaimenKit

/// A quota that allows no unit is legal, but `rules check` and `score` say so.
@Suite("Quotas that allow no unit: a warning in rules check and in every score run that meets one")
struct QuotaCheckTests {
    @Test("⌊quota% × units⌋ and the fewest units a quota lets anybody through", arguments: [
        // (quota, units, allowed, fewest): 20% × 4 = 0.8 → 0; 100/20 = 5. 30% × 3 = 0.9 → 0; ⌈100/30⌉ = ⌈3.33⌉ = 4.
        ("20", 4, 0, 5), ("20", 5, 1, 5), ("30", 3, 0, 4), ("30", 4, 1, 4), ("12.5", 7, 0, 8), ("100", 1, 1, 1),
    ])
    func arithmetic(quota: String, units: Int, allowed: Int, fewest: Int) throws {
        let q = try #require(Rational(decimal: quota))
        #expect(QuotaCheck.allowed(q, units: units) == allowed)
        #expect(QuotaCheck.fewestUnits(q) == fewest)
    }

    @Test("a quota of 0% never allows anybody")
    func zeroQuota() {
        #expect(QuotaCheck.fewestUnits(.zero) == nil)
        #expect(QuotaCheck.allowed(.zero, units: 1000) == 0)
    }

    static let rules = RulesText.single(points: "10", metrics: RulesText.metric("n"), method: #""method": "linear", "metric": "n", "floor": 0, "target": 10"#)
        .replacingOccurrences(of: #"{ "name": "优秀", "min": 90 }"#, with: #"{ "name": "优秀", "min": 90, "quota": 20 }"#)

    @Test("score: 20% of 4 units is 0, so a warning names the grade and the arithmetic; 5 units, none")
    func session() throws {
        let four = try TestSession(rules: Self.rules, units: "id,name,n\nU1,甲,10\nU2,乙,9\nU3,丙,8\nU4,丁,7\n", ballots: "representative,unit,standard,score\n").run()
        #expect(four.inputWarnings.map(\.code) == ["quota-allows-none"])
        #expect(four.inputWarnings[0].text.zh.contains("本次 4 个单位只允许 ⌊20% × 4⌋ = 0 个单位获得该等级"))
        #expect(four.inputWarnings[0].text.en.contains("with 4 units, ⌊20% × 4⌋ = 0 may hold it"))
        // (The file is worth 10 points, so nobody reaches 优秀's 90 here: the warning is about the
        // quota itself, whoever reaches the grade.) ⌊20% × 5⌋ = 1: no warning.
        let five = try TestSession(rules: Self.rules, units: "id,name,n\nU1,甲,10\nU2,乙,9\nU3,丙,8\nU4,丁,7\nU5,戊,6\n", ballots: "representative,unit,standard,score\n").run()
        #expect(five.inputWarnings.isEmpty)
    }

    @Test("rules check says from how many units on a quota under 10% allows anybody")
    func rulesCheck() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-quota-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // 5%: ⌈100 / 5⌉ = 20 units, ⌊5% × 19⌋ = ⌊0.95⌋ = 0.
        try Self.rules.replacingOccurrences(of: #""quota": 20"#, with: #""quota": 5"#)
            .write(to: dir.appendingPathComponent("r.jsonc"), atomically: true, encoding: .utf8)
        // Chinese by default, English with --lang en.
        let zh = BufferConsole(currentDirectory: dir.path)
        #expect(CLI.run(["rules", "check", "r.jsonc"], console: zh) == .success)
        #expect(zh.stderr.contains("警告：等级「优秀」的名额为 5%：参评单位少于 20 个时，没有单位能获得该等级（⌊5% × 19⌋ = 0）"), "\(zh.stderr)")
        let en = BufferConsole(currentDirectory: dir.path)
        #expect(CLI.run(["rules", "check", "r.jsonc", "--lang", "en"], console: en) == .success)
        #expect(en.stderr.contains("warning: grade `优秀` has a quota of 5%: in a session of fewer than 20 units no unit may hold it (⌊5% × 19⌋ = 0)"), "\(en.stderr)")
        #expect(en.stderr.contains("[at grades[0].quota]"))
    }

    /// Every `rules check` of Xicheng's file said its 30% needs 4 units (a tester): a quota that lets
    /// somebody through in every session of more than 10 units is left to `score`, which warns
    /// when a run meets it. 20% needs ⌈100 / 20⌉ = 5, 10% needs 10, 9.1% needs ⌈10.99⌉ = 11: none said;
    /// 9% needs ⌈11.11⌉ = 12: said.
    @Test("rules check is silent on a quota that lets somebody through in every session of more than 10 units",
          arguments: [("20", false), ("30", false), ("10", false), ("9.1", false), ("9", true), ("0.3", true)])
    func smallSessionsOnly(quota: String, warned: Bool) throws {
        let text = Self.rules.replacingOccurrences(of: #""quota": 20"#, with: #""quota": \#(quota)"#)
        let rules = try RulesLoader(readFile: { _ in text }).load("r.jsonc").rules
        #expect(QuotaCheck.rulesWarnings(rules).isEmpty != warned, "\(quota)")
    }
}

/// Found by a tuner: 优秀 at 105 when a unit can score at most 100 + 3 passed `rules check`.
@Suite("Grades out of reach: a warning in rules check")
struct GradeReachCheckTests {
    static func rules(_ min: String, bonusCap: String? = "3") throws -> Rules {
        var text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
        text = text.replacingOccurrences(of: #"{ "name": "优秀", "min": 90, "quota": 30 }"#, with: #"{ "name": "优秀", "min": \#(min), "quota": 30 }"#)
        if bonusCap == nil { text = text.replacingOccurrences(of: #""bonusCap": 3,"#, with: "") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-grades-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("r.jsonc")
        try Data(text.utf8).write(to: file)
        return try RulesLoader().load(file.path).rules
    }

    @Test("Xicheng: 100 points and bonuses capped at 3, so 103 at most; 105 is out of reach, 103 is not")
    func xicheng() throws {
        #expect(GradeReachCheck.highestTotal(try Self.rules("90")) == 103)
        let far = GradeReachCheck.rulesWarnings(try Self.rules("105"))
        #expect(far.map(\.code) == ["grade-unreachable"])
        #expect(far.first?.text.zh == "等级「优秀」的下限 105 分高于单位可能得到的最高分 103 分（满分 100 + 加分至多 3）：没有单位能获得该等级")
        #expect(far.first?.path == "grades[0].min")
        #expect(GradeReachCheck.rulesWarnings(try Self.rules("103")).isEmpty)
    }

    @Test("without a cap, every bonus counts: the three Xicheng bonuses add up to more than 3")
    func uncapped() throws {
        let r = try Self.rules("90", bonusCap: nil)
        let bonuses = r.bonuses.reduce(Rational.zero) { $0 + $1.points }
        #expect(bonuses > 3)
        #expect(GradeReachCheck.highestTotal(r) == 100 + bonuses)
    }
}
