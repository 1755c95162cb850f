import Foundation
import Testing
@testable import KaimenKit

@Suite("rules test: test cases inside a rules file")
struct RulesTestRunnerTests {
    /// Area `a` (10): `s1` bands on the rate `m` (≥ 0.9 → 6, ≥ 0.5 → 3), `s2` a ballot (4).
    static func rules(tests: String, extra: String = "") -> String {
        RulesText.make(
            metrics: RulesText.metric("m", "rate"),
            areas: RulesText.area("a", points: "10"),
            standards: RulesText.standard("s1", area: "a", points: "6", #""method": "bands", "metric": "m", "bands": [ { "min": 0.9, "points": 6 }, { "min": 0.5, "points": 3 } ]"#)
                + "," + RulesText.standard("s2", area: "a", points: "4", #""method": "ballot""#),
            grades: #"[ { "name": "优秀", "min": 9 }, { "name": "合格", "min": 5 }, { "name": "不合格" } ]"#,
            more: "\"tests\": [ \(tests) ],\n\(extra)")
    }

    static func load(_ files: [String: String], _ path: String = "/mem/r.jsonc") throws(DiagnosticsError) -> Rules {
        try RulesLoader(readFile: { p in
            guard let t = files[p] else { throw CocoaError(.fileNoSuchFile) }
            return t
        }).load(path).rules
    }

    @Test("a test whose expectations hold passes")
    func passes() throws {
        // m = 90% → s1 6; ballots 3, 3.5, 4 (fewer than 5: plain mean) → 3.5; area 9.5 → 优秀.
        let rules = try Self.load(["/mem/r.jsonc": Self.rules(tests: #"""
            { "name": "满分档", "metrics": { "m": "90%" }, "ballots": { "s2": [3, 3.5, 4] },
              "expect": { "standards": { "s1": 6, "s2": 3.5 }, "areas": { "a": 9.5 }, "bonus": 0, "total": 9.5, "grade": "优秀" } }
            """#)])
        #expect(rules.tests.count == 1)
        let outcomes = try RulesTestRunner.run(rules)
        #expect(outcomes.count == 1)
        #expect(outcomes[0].passed, "\(outcomes[0].failures)")
    }

    @Test("a broken expectation is reported at its line and column, with expected and actual")
    func failureAtLine() throws {
        // m = 89.9% → s1 3 (not 6); no ballots → s2 not assessable (zero); total 3 → 不合格.
        let text = Self.rules(tests: #"""
            { "name": "差一点", "metrics": { "m": 0.899 },
              "expect": { "standards": { "s1": 6 }, "total": 3, "grade": "合格" } }
            """#)
        let rules = try Self.load(["/mem/r.jsonc": text])
        let failures = try RulesTestRunner.run(rules)[0].failures
        #expect(failures.count == 2)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains(#""s1": 6 }"#) }) + 1
        // The value `6` after `"s1": ` (1-based columns).
        let column = String(lines[line - 1]).components(separatedBy: #""s1": 6"#)[0].unicodeScalars.count + 7
        #expect(failures[0].location == SourceLocation(file: "/mem/r.jsonc", line: line, column: column))
        #expect(failures[0].code == "test-failed")
        #expect(failures[0].message == "test `差一点`: standard `s1` expected 6, got 3")
        #expect(failures[1].message == "test `差一点`: grade expected 合格, got 不合格")
        // Through the command line: exit 1.
        let console = BufferConsole()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-rules-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(text.utf8).write(to: dir.appendingPathComponent("r.jsonc"))
        let code = CLI.run(["rules", "test", dir.appendingPathComponent("r.jsonc").path, "--lang", "en"], console: console)
        #expect(code == .failure)
        #expect(console.stderr.contains(":\(line):\(column): error: test `差一点`: standard `s1` expected 6, got 3"))
        #expect(console.stdout.contains("1 test, 0 passed, 1 failed"))
    }

    @Test("rules that score cannot compile fail rules check at their place, and rules test fails rather than skipping")
    func uncompilableRulesFail() throws {
        // Every standard is a ballot, but `combine` gives metrics 60%: `score` refuses it.
        let text = RulesText.make(
            metrics: RulesText.metric("m"),
            areas: RulesText.area("a", points: "10"),
            standards: RulesText.standard("s2", area: "a", points: "10", #""method": "ballot""#),
            more: #"""
            "ballots": { "aggregate": "mean", "minBallots": 2, "combine": { "mode": "weighted", "ballots": 40, "metrics": 60 } },
            "tests": [ { "name": "全满分", "ballots": { "s2": [10, 10] }, "expect": { "total": 999 } } ],
            """#)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains(#""combine""#) }) + 1
        // The `{` after `"combine": ` (1-based columns).
        let column = String(lines[line - 1]).components(separatedBy: #""combine": "#)[0].unicodeScalars.count + 12
        let folder = ScratchFolder()
        defer { folder.cleanUp() }
        try Data(text.utf8).write(to: folder.url.appendingPathComponent("r.jsonc"))
        for command in ["check", "test"] {
            let console = BufferConsole(currentDirectory: folder.url.path)
            #expect(CLI.run(["rules", command, "r.jsonc", "--lang", "en"], console: console) == .failure)
            #expect(console.stderr.contains("r.jsonc:\(line):\(column): error: `ballots.combine` gives metrics 60%, but every standard is scored by ballot"),
                    "\(console.stderr)")
            #expect(!console.stdout.contains("ok"))
            #expect(!console.stdout.contains("0 tests"))
        }
        // The reverse: ballots weighted, no ballot standard.
        let noBallot = RulesText.single(points: "10", metrics: RulesText.metric("m"), method: #""method": "count", "metric": "m", "perUnit": 1"#,
                                        more: #""ballots": { "combine": { "mode": "weighted", "ballots": 40, "metrics": 60 } },"#)
        #expect(throws: DiagnosticsError.self) { try Self.load(["/mem/r.jsonc": noBallot]) }
        do { _ = try Self.load(["/mem/r.jsonc": noBallot]) } catch {
            #expect(error.diagnostics.map(\.code) == ["combine-weights"])
            #expect(error.diagnostics[0].location?.line == 4)
        }
    }

    @Test("a test naming an unknown standard, metric or grade is an error in the rules file")
    func unknownIDs() {
        do {
            _ = try Self.load(["/mem/r.jsonc": Self.rules(tests: #"""
                { "name": "拼错", "metrics": { "mm": 1, "m": "abc" }, "ballots": { "s3": [1] },
                  "expect": { "standards": { "s11": 6 }, "areas": { "b": 1 }, "grade": "良好" } }
                """#)])
            Issue.record("loaded")
        } catch {
            let codes = error.diagnostics.map(\.code)
            #expect(codes.filter { $0 == "test-unknown-id" }.count == 5)
            #expect(codes.contains("test-invalid-metric"))
            #expect(error.diagnostics.contains { $0.message == "test `拼错`: the rules have no standard `s11`" && $0.hint == "did you mean `s1`?" })
        }
    }

    @Test("a test without expectations or with a wrong shape is reported")
    func shape() {
        do {
            _ = try Self.load(["/mem/r.jsonc": Self.rules(tests: #"{ "name": "空", "expect": { } }, { "name": "x", "ballots": { "s2": 3 }, "expect": { "totl": 1 } }"#)])
            Issue.record("loaded")
        } catch {
            let codes = error.diagnostics.map(\.code)
            #expect(codes.contains("empty-collection"))
            // Said in one language at a time, the Chinese one in Chinese.
            let empty = error.diagnostics.first { $0.code == "empty-collection" }
            #expect(empty?.text.zh == "测试 `空` 的 expect 是空的，什么也没有检查")
            #expect(empty?.hintText?.zh == "在 expect 中写上 \"standards\"、\"areas\"、\"bonus\"、\"total\" 或 \"grade\"")
            #expect(empty?.text.en == "test `空` expects nothing")
            #expect(codes.contains("wrong-type"))
            #expect(error.diagnostics.contains { $0.code == "unknown-key" && $0.hint == "did you mean `total`?" })
        }
    }

    @Test("a test's metrics, ballots and expectations of the wrong shape are named in Chinese, with how to write them")
    func shapeInChinese() {
        do {
            _ = try Self.load(["/mem/r.jsonc": Self.rules(tests: #"{ "name": "形", "metrics": { "m": [0.9] }, "ballots": { "s2": 4 }, "expect": { "standard": { "s1": 6 }, "areas": 3 } }"#)])
            Issue.record("loaded")
        } catch {
            let shown = error.diagnostics.map { $0.rendered(.zh) }
            #expect(shown.contains { $0.contains("错误：测试 `形` 的指标 `m` 必须是数字或文字，不能是列表 [位置 tests[0].metrics.m]；一个指标写一个值") }, "\(shown)")
            #expect(shown.contains { $0.contains("错误：测试 `形` 中 `s2` 的票必须是分数的列表 `[ … ]`，不能是数字 [位置 tests[0].ballots.s2]；每位代表一个分数，写在列表里，如 [3, 3.5, 4]；只有一票也写成 [4]") }, "\(shown)")
            #expect(shown.contains { $0.contains("错误：测试 `形` 的 `expect` 里没有键 `standard`") }, "\(shown)")
            #expect(shown.contains { $0.contains("错误：测试 `形` 的 `expect.areas` 必须是对象 `{ … }`，不能是数字") }, "\(shown)")
            // No English in the Chinese messages (ids and keys aside).
            for line in shown { #expect(!line.contains(" of test ") && !line.contains("must be"), "\(line)") }
            let english = error.diagnostics.map { $0.rendered(.en) }
            #expect(english.contains { $0.contains("error: the ballots for `s2` in test `形` must be a list of scores `[ … ]`, not a number") }, "\(english)")
        }
    }

    @Test("a test case that is not an object is named in Chinese")
    func notAnObject() {
        do {
            _ = try Self.load(["/mem/r.jsonc": Self.rules(tests: "3")])
            Issue.record("loaded")
        } catch {
            let d = error.diagnostics.first { $0.path == "tests[0]" }
            #expect(d?.text.zh.contains("测试用例") == true && d?.text.zh.contains("a test") == false, "\(d?.text.zh ?? "")")
        }
    }

    @Test("an extending file runs its own tests; --inherited adds the base's and says which no longer hold")
    func inherited() throws {
        let base = Self.rules(tests: #"{ "name": "基础", "metrics": { "m": 0.6 }, "expect": { "standards": { "s1": 3 } } }"#)
        let child = #"""
        {
          "format": 1, "extends": "r.jsonc", "id": "child", "title": "调整", "issuer": "某区", "version": "2",
          "effective": { "from": "2025-01-01" },
          "override": { "standards": [ { "id": "s1", "bands": [ { "min": 0.9, "points": 6 }, { "min": 0.7, "points": 3 } ] } ] },
          "tests": [ { "name": "新门槛", "metrics": { "m": 0.7 }, "expect": { "standards": { "s1": 3 } } } ]
        }
        """#
        let rules = try Self.load(["/mem/r.jsonc": base, "/mem/child.jsonc": child], "/mem/child.jsonc")
        #expect(rules.tests.map(\.name) == ["基础", "新门槛"])
        let own = try RulesTestRunner.run(rules)
        #expect(own.map(\.test.name) == ["新门槛"])
        #expect(own.allSatisfy { $0.passed })
        let all = try RulesTestRunner.run(rules, inherited: true)
        #expect(all.count == 2)
        let old = try #require(all.first { $0.inherited })
        // Under the child's bands m = 0.6 scores 0, not 3.
        #expect(old.failures.map(\.message) == ["test `基础` (inherited): standard `s1` expected 3, got 0"])
        #expect(old.failures[0].location?.file == "/mem/r.jsonc")
    }

    @Test("rules check says how many tests each shipped file carries, and rules test passes on them")
    func shipped() {
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "check", "rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc"], console: console) == .success)
        #expect(console.stdout.contains("；测试 6 个\n"))
        #expect(console.stdout.contains("；测试 5 个（另继承 6 个）；继承 xicheng-2014.jsonc"))
        let en = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "check", "rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc", "--lang", "en"], console: en) == .success)
        #expect(en.stdout.contains("; 6 tests\n"))
        #expect(en.stdout.contains("; 5 tests (+6 inherited); extends xicheng-2014.jsonc"))
        let t = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "test", "rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc"], console: t) == .success, "\(t.stderr)")
        #expect(t.stdout == "rules/xicheng-2014.jsonc：6 个测试，6 个通过\nrules/dongcheng-2019.jsonc：5 个测试，5 个通过\n")
        let inh = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["rules", "test", "rules/dongcheng-2019.jsonc", "--inherited"], console: inh) == .failure)
        #expect(inh.stdout.contains("继承的测试 6 个"))
        // A standard Dongcheng removed: labelled as every inherited test's line is, the label first.
        #expect(inh.stderr.contains("错误：测试“各项恰好达到最高档，满分100分”（继承）：细则中没有标准 `organization.station`；本文件已改动这个继承的测试所引用的内容"),
                "\(inh.stderr)")
        #expect(!inh.stderr.contains("（继承的测试"))
    }

    @Test("the test keys are in rules/schema.json")
    func schema() throws {
        let text = try String(contentsOf: RulesSchemaTests.schemaURL, encoding: .utf8)
        let schema = try JSONCParser.parse(text, file: "schema.json").get()
        var names = Set<String>()
        RulesSchemaTests.propertyNames(schema, into: &names)
        for key in ["tests"] + RulesTestsDecoder.testKeys + RulesTestsDecoder.expectKeys { #expect(names.contains(key), "\(key)") }
    }
}
