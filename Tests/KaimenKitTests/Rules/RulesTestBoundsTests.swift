import Foundation
import Testing
@testable import KaimenKit

/// A rules file's own test unit is bounded as a units file's row is (`ratio-above-one`,
/// `survey-above-population`, since 0.29.7): before, `rules check` took it and `rules test`
/// scored it, a participation of 2104 respondents among 10 members and all.
@Suite("rules check: a test unit's impossible values")
struct RulesTestBoundsTests {
    /// Area `a` (6): `r` reads the ratio `done`/`due` (maxOne by default, 3 points at 100%),
    /// `v` a survey of `yes`, `basic`, `no` among `pop` (participation at least 60%).
    static func rules(_ metrics: String, name: String = "试算") -> String {
        RulesText.make(
            metrics: ["done", "due", "pop"].map { RulesText.metric($0) }.joined(separator: ", ") + ", "
                + ["yes", "basic", "no"].map { RulesText.metric($0, missing: "zero") }.joined(separator: ", "),
            areas: RulesText.area("a", points: "6"),
            standards: RulesText.standard("r", area: "a", points: "3",
                                          #""method": "linear", "ratio": { "numerator": "done", "denominator": "due", "zero": "notAssessable" }, "floor": 0, "target": 1"#)
                + "," + RulesText.standard("v", area: "a", points: "3", #"""
                    "method": "survey", "satisfied": "yes", "basic": "basic", "dissatisfied": "no", "participation": { "population": "pop", "min": 0.6 }
                    """#),
            more: "\"tests\": [\n    { \"name\": \"\(name)\", \"metrics\": { \(metrics) }, \"expect\": { \"total\": 0 } }\n  ],\n")
    }

    static func check(_ text: String) -> [Diagnostic] {
        do {
            _ = try RulesLoader(readFile: { _ in text }).load("/mem/r.jsonc")
            return []
        } catch { return error.diagnostics }
    }

    /// Where `needle` ends in `text`, as the rules loader counts: line and column (from 1) of
    /// the character after it.
    static func place(after needle: String, in text: String) throws -> KaimenKit.SourceLocation {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains(needle) })
        let column = String(lines[line]).components(separatedBy: needle)[0].unicodeScalars.count + needle.unicodeScalars.count + 1
        return SourceLocation(file: "/mem/r.jsonc", line: line + 1, column: column)
    }

    @Test("a numerator above its denominator is refused at the numerator's value, in the data's words")
    func ratio() throws {
        let text = Self.rules(#""done": 12, "due": 10"#)
        let found = Self.check(text)
        #expect(found.map(\.code) == ["ratio-above-one"])
        let d = try #require(found.first)
        #expect(d.location == (try Self.place(after: #""done": "#, in: text)))
        #expect(d.text.zh == "测试“试算”：“done名”（12）大于“due名”（10），两者之比不能超过 100%")
        #expect(d.text.en == "test `试算`: done名 (12) is larger than due名 (10); their ratio cannot exceed 100%")
        #expect(d.hintText == ReaderMessages.checkRatio)
        // Equal is a ratio of one: fine.
        #expect(Self.check(Self.rules(#""done": 10, "due": 10"#)).isEmpty)
    }

    @Test("respondents above the population are refused at the population's value, each count by its id")
    func survey() throws {
        // 1520 + 520 + 64 = 2104 respondents of 10 members.
        let text = Self.rules(#""pop": 10, "yes": 1520, "basic": 520, "no": 64"#)
        let found = Self.check(text)
        #expect(found.map(\.code) == ["survey-above-population"])
        let d = try #require(found.first)
        #expect(d.location == (try Self.place(after: #""pop": "#, in: text)))
        #expect(d.text.zh == "测试“试算”：满意、基本满意、不满意三项人数相加为 2104（`yes` 1520 + `basic` 520 + `no` 64），多于“pop名”（10）；参加测评的人数不能超过总人数，参与率不能超过 100%")
        #expect(d.hintText?.zh == "请核对这三项人数和“pop名”：可能是人数录多了（如录成了人次），或“pop名”填错了")
        // 2104 of 2104: everyone took part, fine; one more respondent than members is not.
        #expect(Self.check(Self.rules(#""pop": 2104, "yes": 1520, "basic": 520, "no": 64"#)).isEmpty)
        #expect(Self.check(Self.rules(#""pop": 2103, "yes": 1520, "basic": 520, "no": 64"#)).map(\.code) == ["survey-above-population"])
    }

    @Test("a limit the test leaves to a metric's `missing: zero` is placed at the test itself")
    func atTheTest() throws {
        // The survey's counts default to zero, so the population must be given; a ratio's
        // denominator left out is missing (not zero): nothing to compare. Here the population is
        // a count that defaults to zero: 5 respondents of 0.
        let text = Self.rules(#""yes": 5"#).replacingOccurrences(of: RulesText.metric("pop"), with: RulesText.metric("pop", missing: "zero"))
        let found = Self.check(text)
        #expect(found.map(\.code) == ["survey-above-population"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains(#""name": "试算""#) })
        let column = String(lines[line]).components(separatedBy: "{")[0].count + 1
        #expect(found.first?.location == SourceLocation(file: "/mem/r.jsonc", line: line + 1, column: column))
    }

    @Test("both at once, with the test's other mistakes, in one run; through rules check, exit 1")
    func allInOneRun() throws {
        let text = Self.rules(#""done": 12, "due": 10, "pop": 1, "yes": 2, "basic": "abc""#)
        #expect(Self.check(text).map(\.code) == ["ratio-above-one", "survey-above-population", "test-invalid-metric"])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-test-bounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("r.jsonc")
        try Data(text.utf8).write(to: file)
        let console = BufferConsole(currentDirectory: dir.path)
        #expect(CLI.run(["rules", "check", "r.jsonc"], console: console) == .failure)
        let at = try Self.place(after: #""done": "#, in: text)
        #expect(console.stderr.contains("r.jsonc:\(at.line):\(at.column): 错误：测试“试算”：“done名”（12）大于“due名”（10）"), "\(console.stderr)")
        #expect(console.stderr.contains("错误：测试“试算”：满意、基本满意、不满意三项人数相加为 2（`yes` 2 + `basic` 0 + `no` 0），多于“pop名”（1）"), "\(console.stderr)")
        // `rules test` refuses the file too, rather than scoring the unit.
        let test = BufferConsole(currentDirectory: dir.path)
        #expect(CLI.run(["rules", "test", "r.jsonc"], console: test) == .failure)
        #expect(test.stderr.contains("ratio-above-one") || test.stderr.contains("大于“due名”"), "\(test.stderr)")
    }

    @Test("a session's copy of its rules is read as the version that sealed it read it: no bound on its tests")
    func sessionCopy() throws {
        var loader = RulesLoader(readFile: { _ in Self.rules(#""done": 12, "due": 10"#) })
        loader.limitsText = false
        #expect(try loader.load("/mem/r.jsonc").rules.tests.count == 1)
    }

    @Test("every bundled rules file's tests hold their bounds")
    func bundled() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonc") }
        #expect(!files.isEmpty)
        for name in files {
            let rules = try RulesLoader().load(folder.appendingPathComponent(name).path).rules
            for test in rules.tests {
                let table = RulesTestRunner.unitTable(test, rules: rules)
                #expect(table.impossibleValues(rules).isEmpty, "\(name): \(test.name)")
            }
        }
    }
}
