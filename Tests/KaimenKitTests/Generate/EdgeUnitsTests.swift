import Foundation
import Testing
@testable import KaimenKit

/// `kaimen generate --edges`: edge units sit where the rules decide something, any valid rules
/// file gets data that scores, and without `--edges` the data is what it always was.
@Suite("Generated edge units land on the rules' thresholds, and any rules file gets valid data")
struct EdgeUnitsTests {
    static func load(_ relative: String) throws -> Rules {
        try RulesLoader().load(Fixtures.packageRoot.appendingPathComponent(relative).path).rules
    }

    /// The units file as `[column: [cell]]`, and the ballots as rows of cells by column.
    static func table(_ bytes: [UInt8], _ name: String) throws -> CSVTable {
        try #require(CSVReader.read(Data(bytes), fileName: name).table)
    }

    static func column(_ t: CSVTable, _ name: String) throws -> [String] {
        let c = try #require(t.header.firstIndex(of: name), "column \(name)")
        return t.rows.map { c < $0.count ? $0[c] : "" }
    }

    @Test("values on band thresholds and one step below, linear floor, half way and target, a count's cap, formula constants, empty cells, zero denominators")
    func thresholds() throws {
        let rules = try Self.load(EngineRuns.rules("all-methods"))
        var g = DataGenerator(rules: rules, units: 400, seed: 3)
        g.edges = 100
        let data = g.generate()
        let units = try Self.table(data.units, "units.csv")
        let card = Set(try Self.column(units, "card_rate"))
        // Bands 0.9 and 0.6 on a rate: exactly on them, one ten-thousandth below, and missing (`notAssessable`).
        for v in ["0.9", "0.8999", "0.6", "0.5999", ""] { #expect(card.contains(v), "card_rate \(v)") }
        // Linear 0 → 50 on a `number`: floor, half way (25), target, one below the target.
        let newMembers = Set(try Self.column(units, "new_members"))
        for v in ["0", "25", "50", "49"] { #expect(newMembers.contains(v), "new_members \(v)") }
        // A count of 0.5 a case up to 2 points: the cap is 4 cases; a `number` read by a count goes below zero.
        let aid = Set(try Self.column(units, "aid_cases"))
        for v in ["4", "2", "-3"] { #expect(aid.contains(v), "aid_cases \(v)") }
        // The precondition `stations > 0` and the veto `late >= 5` are put to the test on both sides.
        let stations = Set(try Self.column(units, "stations")), late = Set(try Self.column(units, "late"))
        #expect(stations.contains("0") && stations.contains("1") && stations.contains(""))
        #expect(late.contains("5") && late.contains("4") && late.contains("0"))
        // Ratios exactly on 0.99, 0.9 and 0.8 of their denominator, and zero denominators.
        let contracts = try Self.column(units, "contracts"), enterprises = try Self.column(units, "enterprises")
        let ratios = Set(zip(contracts, enterprises).compactMap { n, d -> Rational? in
            guard let n = Int64(n), let d = Int64(d), d > 0 else { return nil }
            return Rational(n, d)
        })
        for v in [Rational(99, 100), Rational(9, 10), Rational(8, 10), .zero, .one] { #expect(ratios.contains(v), "contracts / enterprises = \(v)") }
        #expect(enterprises.contains("0"))
        // A survey exactly at its 60% participation threshold, and one with no respondents.
        let population = try Self.column(units, "population")
        let answered = try zip(zip(Self.column(units, "s_yes"), Self.column(units, "s_basic")), Self.column(units, "s_no")).map { Int($0.0)! + Int($0.1)! + Int($1)! }
        #expect(zip(answered, population).contains { a, p in Int(p)! > 0 && a * 10 == Int(p)! * 6 }, "respondents exactly 60% of the population")
        #expect(answered.contains(0))
    }

    @Test("ballots: none, fewer than the minimum and than the trim threshold, and all alike")
    func ballots() throws {
        let rules = try Self.load(EngineRuns.rules("all-methods"))
        var g = DataGenerator(rules: rules, units: 200, seed: 5)
        g.edges = 100
        let ballots = try Self.table(g.generate().ballots, "ballots.csv")
        let unit = try Self.column(ballots, "unit"), scores = try Self.column(ballots, "rights.ballot")
        var byUnit: [String: [String]] = [:]
        for (u, s) in zip(unit, scores) where !s.isEmpty { byUnit[u, default: []].append(s) }
        let counts = Set((1...200).map { byUnit[String(format: "U%04d", $0)]?.count ?? 0 })
        for n in [0, 1, 2, 4, 7] { #expect(counts.contains(n), "a unit with \(n) ballots for rights.ballot") }
        #expect(byUnit.values.contains { $0.count >= 5 && Set($0).count == 1 }, "a unit whose ballots all agree")
        #expect(byUnit.values.contains { $0.count >= 5 && Set($0).count >= 3 }, "a unit whose ballots spread")
    }

    @Test("without --edges the data is byte for byte what kaimen generated before edge units existed")
    func unchanged() throws {
        // SHA-256 of `kaimen generate --units 700 --seed 5` for the Xicheng rules, made by the
        // version before this option (commit 556c07c), with sha256sum. Since 0.29.7 the units'
        // names are their category's (`…总工会工会` was a 企业): units.csv made again, and checked
        // with `diff <(cut -d, -f1,3- old/units.csv) <(cut -d, -f1,3- new/units.csv)` against
        // 0.29.6's to differ in the name column only (the same draws); roster and ballots unchanged.
        let data = DataGenerator(rules: try Self.load("rules/xicheng-2014.jsonc"), units: 700, seed: 5).generate()
        #expect(SHA256.hex(data.units) == "5c4ef5f0e7823aabeccb702f94b66d08e0b900794dbca96950aa8859c156dbff")
        #expect(SHA256.hex(data.roster) == "c476f2953cd6cb7934766b679492d4f7aaffc7a1f049f1a72179d5ca52dc7a3d")
        #expect(SHA256.hex(data.ballots) == "e0e4489988a3e1450e4f25b0838c552a92de67104cb4fdefbdfdca163ba662b2")
    }

    @Test("every valid rules file at hand gets data that scores without an error, typical and at the edges",
          arguments: ["rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc", "Tests/KaimenKitTests/Fixtures/rules/valid/small.jsonc",
                      "Tests/KaimenKitTests/Fixtures/rules/valid/tuned.jsonc"] + EngineComparisonTests.cases.map { EngineRuns.rules($0.fixture) })
    func anyRules(_ rules: String) throws {
        let dir = EngineRuns.temporaryFolder("generate-any")
        defer { try? FileManager.default.removeItem(at: dir) }
        for edges in [0, 100] {
            let data = EngineRuns.generate(rules, units: 60, seed: 8, edges: edges, into: dir.appendingPathComponent("\(edges)"))
            _ = EngineRuns.score(rules, data: data, engine: "exact", ["--format", "none"])
        }
    }

    /// Found by `survey-above-population` (0.29.6): an edge unit whose 会员总数 was 0 (its
    /// 职工总数 drawn 0) got up to 5 respondents. Checked by the units reader and, independently,
    /// by adding up each row's three counts.
    @Test("generated data for the bundled rules never has more survey respondents than members, typical or at the edges",
          arguments: ["rules/xicheng-2014.jsonc", "rules/dongcheng-2019.jsonc"])
    func surveysWithinPopulation(_ path: String) throws {
        let rules = try Self.load(path)
        for (edges, seed) in [(0, 1), (100, 2), (100, 3), (50, 4)] {
            var g = DataGenerator(rules: rules, units: 300, seed: UInt64(seed))
            g.edges = edges
            let data = g.generate()
            let read = UnitsReader(rules: rules).read(Data(data.units), fileName: "units.csv")
            #expect(read.table != nil && !read.diagnostics.contains { $0.severity == .error }, "edges \(edges): \(read.diagnostics.prefix(3))")
            let units = try Self.table(data.units, "units.csv")
            let members = try Self.column(units, "members")
            let counts = try [Self.column(units, "survey_satisfied"), Self.column(units, "survey_basic"), Self.column(units, "survey_dissatisfied")]
            for (k, m) in members.enumerated() {
                guard let population = Int(m), let answered = Optional(counts.compactMap { Int($0[k]) }), answered.count == 3 else { continue }
                #expect(answered.reduce(0, +) <= population, "edges \(edges), row \(k + 2): \(answered) of \(population)")
            }
        }
    }

    @Test("--edges takes a whole number from 0 to 100: anything else is a usage error, in Chinese or English", arguments: ["101", "-1", "half"])
    func badEdges(_ value: String) {
        let dir = EngineRuns.temporaryFolder("generate-edges")
        for (lang, text) in [("zh", "`--edges` 要写 0 到 100 之间的整数"), ("en", "`--edges` needs a whole number from 0 to 100")] {
            let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
            #expect(CLI.run(["generate", "--units", "5", "--edges", value, "--out", dir.path, "--lang", lang], console: console) == .usage)
            #expect(console.stderr.contains(text), "\(console.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.path), "nothing written")
    }

    /// Found by a hostile test: `--units-per-group 9223372036854775807` overflowed (a crash),
    /// and a group of 1000 for each of 50 million units asked for 16 GB at once.
    @Test("--units-per-group past the most units, or a roster past ten million, is a usage error, not a crash", arguments: [
        (["--units", "100", "--units-per-group", "9223372036854775807"], "`--units-per-group`（1 到 50000000）须为整数"),
        (["--units", "50000000", "--units-per-group", "1", "--group-size", "1000"], "这样会有 50000000000 名代表（50000000 组，每组 1000 人），最多 10000000 名"),
    ])
    func tooLarge(_ args: [String], _ text: String) {
        let dir = EngineRuns.temporaryFolder("generate-large")
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(["generate"] + args + ["--out", dir.path], console: console) == .usage)
        #expect(console.stderr.contains(text), "\(console.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path), "nothing written")
    }

    /// Two testers ran `kaimen generate` outside the project folder: "cannot read
    /// rules/xicheng-2014.jsonc", as if they had named that file.
    @Test("without --rules, outside the project folder: the default rules file is said to be a default, and what to do")
    func defaultRulesElsewhere() {
        let dir = EngineRuns.temporaryFolder("generate-elsewhere")
        let elsewhere = FileManager.default.temporaryDirectory.path
        let console = BufferConsole(currentDirectory: elsewhere)
        #expect(CLI.run(["generate", "--units", "5", "--out", dir.path], console: console) == .failure)
        #expect(console.stderr.contains("没有给出 --rules，默认的规则文件 `rules/xicheng-2014.jsonc` 不在 \(elsewhere) 中（它在 kaimen 的项目文件夹里）；用 --rules 指定规则文件，或在项目文件夹中运行"),
                "\(console.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path), "nothing written")
        // Named, the file is read as any other: a missing one is said as such.
        let named = BufferConsole(currentDirectory: elsewhere)
        #expect(CLI.run(["generate", "--units", "5", "--rules", "nope.jsonc", "--out", dir.path], console: named) == .failure)
        #expect(!named.stderr.contains("默认的规则文件"))
    }
}
