import Foundation
import Testing
@testable import KaimenKit

/// Issue 9, items 3 and 7: an `extends` chain of 10 000 files overflowed the stack, and
/// `"extends": "/etc/passwd"` was read and its first word printed.
@Suite("extends: a bounded chain of rules files, and nothing else")
struct ExtendsLimitsTests {
    /// A complete rules file, as the last link of a chain.
    static let base = RulesText.single(points: "10", metrics: RulesText.metric("n"), method: #""method": "count", "metric": "n", "perUnit": 1"#)

    /// `f0.jsonc` extends `f1.jsonc` … extends `f<n-1>.jsonc`, the base.
    static func chain(_ n: Int) -> [String: String] {
        var files: [String: String] = [:]
        for k in 0 ..< n - 1 {
            files["/r/f\(k).jsonc"] = #"{ "format": 1, "extends": "f\#(k + 1).jsonc", "version": "\#(k)", "id": "f\#(k)", "title": "第 \#(k) 层", "issuer": "某区" }"#
        }
        files["/r/f\(n - 1).jsonc"] = base
        return files
    }

    @Test("a chain of 32 files loads")
    func longestChain() throws {
        let rules = try memoryLoader(Self.chain(RulesLoader.maxExtendsDepth)).load("/r/f0.jsonc").rules
        #expect(rules.sourceFiles.count == 32)
        #expect(rules.metadata.version == "0")
    }

    @Test("an extending file without its own id or title is an error at its extends, naming what the papers would print instead")
    func ownName() throws {
        let child = #"{ "format": 1, "extends": "base.jsonc", "version": "2" }"#
        let error = try #require(throws: DiagnosticsError.self) {
            try memoryLoader(["/r/a.jsonc": child, "/r/base.jsonc": Self.base]).load("/r/a.jsonc")
        }
        let d = try #require(error.diagnostics.first { $0.code == "extends-own-name" })
        // `{ "format": 1, "extends": "` is 26 characters: the value starts at column 27.
        #expect(d.location?.line == 1 && d.location?.column == 27 && d.location?.file.hasSuffix("a.jsonc") == true)
        #expect(d.text.zh == "继承 base.jsonc 的细则没有写自己的 `id`、`title`、`issuer`：汇总表、评分表和公示会印上「测试细则」，"
                + "细则版本和封存记录会记成 test，公示的落款会印上「测试区总工会」")
        #expect(d.hintText?.zh.hasPrefix("在文件开头写明本细则的 `id`、`title`、`issuer`") == true)
        // With its own id, only the title and issuer are asked for; with all three, nothing.
        let titled = try #require(throws: DiagnosticsError.self) {
            try memoryLoader(["/r/a.jsonc": #"{ "format": 1, "extends": "base.jsonc", "id": "a" }"#, "/r/base.jsonc": Self.base]).load("/r/a.jsonc")
        }
        #expect(titled.diagnostics.filter { $0.code == "extends-own-name" }.map(\.message)
                == [#"a file that extends base.jsonc has no `title`, `issuer` of its own: the summary, score sheets and notice would print "测试细则", "#
                    + #"and the notice would be signed "测试区总工会""#])
        let named = #"{ "format": 1, "extends": "base.jsonc", "id": "a", "title": "甲区细则", "issuer": "甲区总工会" }"#
        let rules = try memoryLoader(["/r/a.jsonc": named, "/r/base.jsonc": Self.base]).load("/r/a.jsonc").rules
        #expect(rules.metadata.title == "甲区细则" && rules.metadata.id == "a" && rules.metadata.issuer == "甲区总工会")
        // A layer in between (`mid.jsonc`) may leave its name to the file given.
        let layered = try memoryLoader(["/r/a.jsonc": named.replacingOccurrences(of: "base.jsonc", with: "mid.jsonc"),
                                        "/r/mid.jsonc": #"{ "format": 1, "extends": "base.jsonc", "version": "2" }"#, "/r/base.jsonc": Self.base])
            .load("/r/a.jsonc").rules
        #expect(layered.metadata.title == "甲区细则" && layered.metadata.version == "2")
    }

    /// A rules author's trial: a 2024 file without its own version and period printed the
    /// base's `2014.1 · 有效期 2014-01-01 – …` and nothing said so.
    @Test("an extending file without its own version or period is warned at its extends, with what stands for it; a layer in between is not")
    func ownVersion() throws {
        let named = #"{ "format": 1, "extends": "base.jsonc", "id": "a", "title": "甲区细则", "issuer": "甲区总工会" }"#
        let loaded = try memoryLoader(["/r/a.jsonc": named, "/r/base.jsonc": Self.base]).load("/r/a.jsonc")
        let w = loaded.warnings.filter { $0.code == "extends-inherits-version" }
        #expect(w.count == 1 && w.first?.severity == .warning)
        #expect(w.first?.text.zh == "继承 base.jsonc 的细则没有写自己的 `version`、`effective`：会沿用 base.jsonc 的版本 1、有效期 2024-01-01 起，印在汇总表和评分表上")
        #expect(w.first?.location?.line == 1 && w.first?.location?.column == 27)
        #expect(loaded.rules.metadata.version == "1")
        // With its own version, only the period; with both, nothing; a layer in between is not asked.
        let versioned = named.replacingOccurrences(of: #""id": "a""#, with: #""id": "a", "version": "2""#)
        let one = try memoryLoader(["/r/a.jsonc": versioned, "/r/base.jsonc": Self.base]).load("/r/a.jsonc").warnings
        #expect(one.filter { $0.code == "extends-inherits-version" }.map(\.message) == ["a file that extends base.jsonc has no `effective` of its own: "
            + "base.jsonc's period from 2024-01-01 would stand for it on the summary and score sheets"])
        let dated = versioned.replacingOccurrences(of: #""version": "2""#, with: #""version": "2", "effective": { "from": "2025-01-01" }"#)
        let layered = try memoryLoader(["/r/a.jsonc": dated.replacingOccurrences(of: "base.jsonc", with: "mid.jsonc"),
                                        "/r/mid.jsonc": #"{ "format": 1, "extends": "base.jsonc" }"#, "/r/base.jsonc": Self.base]).load("/r/a.jsonc")
        #expect(!layered.warnings.contains { $0.code == "extends-inherits-version" })
    }

    /// A rules author's trial: an override to `expression` of a `count` standard was refused for
    /// the base's `metric` and `perUnit`, in the base file, with no word of why.
    @Test("an override that changes a standard's method drops the base's keys the new method does not take, and keeps those it does")
    func overrideMethod() throws {
        func child(_ standard: String) -> String {
            #"{ "format": 1, "extends": "base.jsonc", "id": "a", "title": "甲", "issuer": "甲区", "version": "2", "effective": { "from": "2025-01-01" }, "#
                + #""override": { "standards": [ \#(standard) ] } }"#
        }
        let rules = try memoryLoader(["/r/a.jsonc": child(#"{ "id": "s", "method": "expression", "formula": "min(10, n)" }"#), "/r/base.jsonc": Self.base])
            .load("/r/a.jsonc").rules
        #expect(rules.standards[0].method.kind == .expression)
        // To `presence`, which takes `metric` too: the base's metric stays, its `perUnit` goes.
        let present = try memoryLoader(["/r/a.jsonc": child(#"{ "id": "s", "method": "presence" }"#), "/r/base.jsonc": Self.base]).load("/r/a.jsonc").rules
        #expect(present.standards[0].method.kind == .presence && present.standards[0].metricIDs == ["n"])
        // The same method: every key merges as before, so a misspelt one is still said.
        let error = try #require(throws: DiagnosticsError.self) {
            try memoryLoader(["/r/a.jsonc": child(#"{ "id": "s", "method": "count", "perUnt": 2 }"#), "/r/base.jsonc": Self.base]).load("/r/a.jsonc")
        }
        #expect(error.diagnostics.contains { $0.code == "unknown-key" && $0.message.contains("perUnt") })
        // A stray `method` on a metric drops nothing: its one error is the unknown key (a review
        // met a missing `kind` said in the base file too).
        let stray = try #require(throws: DiagnosticsError.self) {
            let text = #"{ "format": 1, "extends": "base.jsonc", "id": "a", "title": "甲", "issuer": "甲区", "version": "2", "effective": { "from": "2025-01-01" }, "#
                + #""override": { "metrics": [ { "id": "n", "method": "count" } ] } }"#
            _ = try memoryLoader(["/r/a.jsonc": text, "/r/base.jsonc": Self.base]).load("/r/a.jsonc")
        }
        #expect(stray.diagnostics.filter { $0.severity == .error }.map(\.code) == ["unknown-key"], "\(stray.diagnostics.map(\.description))")
        // A key the new method needs and the override lacks is said at the override, not in the base file.
        let lacking = try #require(throws: DiagnosticsError.self) {
            try memoryLoader(["/r/a.jsonc": child(#"{ "id": "s", "method": "linear", "metric": "n" }"#), "/r/base.jsonc": Self.base]).load("/r/a.jsonc")
        }
        let missing = lacking.diagnostics.filter { $0.code == "missing-key" }
        #expect(!missing.isEmpty && missing.allSatisfy { $0.location?.file.hasSuffix("a.jsonc") == true }, "\(lacking.diagnostics.map(\.description))")
    }

    @Test("a session's copy of a child without its own name still loads: a session 0.18.0 opened must score and verify")
    func ownNameNotAskedOfSessionCopies() throws {
        let root = Fixtures.packageRoot.path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-own-name-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for file in ["rules/xicheng-2014.jsonc", "samples/xicheng-2014/units.csv", "samples/xicheng-2014/roster.csv", "samples/xicheng-2014/ballots.csv"] {
            try FileManager.default.copyItem(atPath: root + "/" + file, toPath: dir.appendingPathComponent(PathText.lastComponent(file)).path)
        }
        try Data(#"{ "format": 1, "extends": "xicheng-2014.jsonc", "version": "2" }"#.utf8).write(to: dir.appendingPathComponent("child.jsonc"))
        let paths = SessionSetup.Paths(rules: "child.jsonc", units: "units.csv", roster: "roster.csv", schedule: nil)
        // New inputs (session init): refused.
        #expect(throws: SessionError.self) { try SessionSetup.read(paths, base: dir.path) }
        // A session's copies: read as the version that opened it read them.
        let setup = try SessionSetup.read(paths, base: dir.path, copies: true)
        #expect(setup.rules.metadata.title == "西城区总工会直属基层工会工作目标管理考核细则（2014年）")
        var inputs = ScoringSession.Inputs(rules: "child.jsonc", units: "units.csv", roster: "roster.csv", ballots: "ballots.csv", baseDirectory: dir.path)
        #expect(throws: DiagnosticsError.self) { try ScoringSession.run(inputs) }
        inputs.sessionCopies = true
        let s = try ScoringSession.run(inputs)
        #expect(s.report.units.ids.count == 9)
        // And nothing of the check reaches the warnings a sealed file prints.
        #expect(!s.report.inputWarnings.contains { $0.code == "extends-own-name" })
    }

    @Test("a chain of 10 000 files is one located error at the 32nd file's extends, not a stack overflow")
    func tooDeep() {
        let files = Self.chain(10_000)
        var read = 0
        let loader = RulesLoader(readFile: { path in
            read += 1
            guard let text = files[path] else { throw CocoaError(.fileNoSuchFile) }
            return text
        })
        #expect {
            try loader.load("/r/f0.jsonc")
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics ?? []
            // f32.jsonc would be the 33rd file: f0 … f31 are read, and f31's `extends` (the value at column 27 of
            // `{ "format": 1, "extends": "f32.jsonc", …`) is where the chain stops.
            return d.map(\.code) == ["extends-too-deep"]
                && d[0].location == SourceLocation(file: "/r/f31.jsonc", line: 1, column: 27)
        }
        #expect(read == 32)
    }

    @Test("extends names only .jsonc or .json files: /etc/passwd is not read, nor echoed",
          arguments: ["/etc/passwd", "../../../../etc/shadow", "base.csv", "base", "base.jsonc.bak"])
    func notARulesName(_ name: String) {
        var read: [String] = []
        let loader = RulesLoader(readFile: { path in
            read.append(path)
            if path == "/r/a.jsonc" { return #"{ "format": 1, "extends": "\#(name)" }"# }
            return "root:x:0:0:root:/root:/bin/bash\n"
        })
        #expect {
            try loader.load("/r/a.jsonc")
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics ?? []
            // `{ "format": 1, "extends": "` is 26 characters: the value starts at column 27.
            return d.map(\.code) == ["extends-not-rules"] && d[0].location == SourceLocation(file: "/r/a.jsonc", line: 1, column: 27)
        }
        #expect(read == ["/r/a.jsonc"])
    }

    @Test("a base file that is not JSON is named, never quoted")
    func notJSON() {
        let loader = memoryLoader(["/r/a.jsonc": #"{ "format": 1, "extends": "secret.json" }"#,
                                   "/r/secret.json": "root:x:0:0:root:/root:/bin/bash\n"])
        let d = failures(loader, "/r/a.jsonc")
        #expect(d.map(\.code) == ["not-rules-file"])
        #expect(d.first?.location?.file == "/r/a.jsonc")
        let text = d.map { $0.rendered(.zh) + $0.rendered(.en) }.joined()
        #expect(!text.contains("root") && !text.contains("bash"))
    }

    @Test("a base file that is JSON but not rules is named, never quoted")
    func jsonNotRules() {
        let loader = memoryLoader(["/r/a.jsonc": #"{ "format": 1, "extends": "secret.json" }"#,
                                   "/r/secret.json": #"{ "password": "hunter2", "token": [1, 2, 3] }"#])
        let d = failures(loader, "/r/a.jsonc")
        #expect(d.map(\.code) == ["not-rules-file"])
        let text = d.map { $0.rendered(.zh) + $0.rendered(.en) }.joined()
        #expect(!text.contains("password") && !text.contains("hunter2"))
    }

    @Test("a rules file given directly that is not a JSON object says so without quoting it")
    func rootNotJSON() {
        let d = failures(memoryLoader(["/r/passwd": "root:x:0:0:root:/root:/bin/bash\n"]), "/r/passwd")
        #expect(d.map(\.code) == ["not-rules-file"])
        #expect(d.first?.location == SourceLocation(file: "/r/passwd", line: 1, column: 1))
        #expect(!d.map { $0.rendered(.zh) + $0.rendered(.en) }.joined().contains("root:"))
    }

    /// Found by a review: `xicheng-2105.jsonc` in `xicheng-2015.jsonc` suggested the file itself,
    /// and `../xicheng2014.jsonc` lost its folder in the suggestion.
    @Test("extends' did-you-mean never names the file itself, and keeps the folder as written")
    func nearExtends() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-near-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let base = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
        let child = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/dongcheng-2019.jsonc"), encoding: .utf8)
        try Data(base.utf8).write(to: dir.appendingPathComponent("xicheng-2014.jsonc"))
        for (file, extends, suggested) in [("xicheng-2015.jsonc", "xicheng-2105.jsonc", "xicheng-2014.jsonc"),
                                           ("sub/d.jsonc", "../xicheng2014.jsonc", "../xicheng-2014.jsonc")] {
            let url = dir.appendingPathComponent(file)
            try Data(child.replacingOccurrences(of: #""extends": "xicheng-2014.jsonc""#, with: #""extends": "\#(extends)""#).utf8).write(to: url)
            let problems = failures(RulesLoader(), url.path)
            #expect(problems.map(\.code) == ["extends-missing"], "\(file)")
            #expect(problems.first?.hintText?.en.hasPrefix("did you mean `\(suggested)`?") == true, "\(file): \(problems.first?.hintText?.en ?? "")")
        }
    }

    @Test("the shipped tuned rules still extend their base")
    func shipped() throws {
        let rules = try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent("rules/dongcheng-2019.jsonc").path).rules
        #expect(rules.sourceFiles.count == 2)
    }

    func failures(_ loader: RulesLoader, _ path: String) -> [Diagnostic] {
        do {
            _ = try loader.load(path)
            Issue.record("the rules loaded")
            return []
        } catch {
            return error.diagnostics
        }
    }
}
