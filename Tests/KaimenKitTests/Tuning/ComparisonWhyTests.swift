import Foundation
import Testing
@testable import KaimenKit

/// compare says the whole of why a unit moved: the rest beyond the three drivers, the cause
/// common to many standards (a `combine` weighting), a moved grade bound, and units whose
/// totals passed one whose total stayed (the tester's findings 2, 3 and 4 on 0.29.6).
@Suite("compare: the whole why of a move")
struct ComparisonWhyTests {
    /// Area `a` (20 points): five flags `f1`…`f5` worth 2 each (metrics 10), and `b`, scored by
    /// ballot, worth 10. `combine` as given.
    static func rules(combine: String) -> String {
        RulesText.make(metrics: (1...5).map { RulesText.metric("f\($0)", "flag") }.joined(separator: ","),
                       areas: RulesText.area("a", points: "20"),
                       standards: (1...5).map { RulesText.standard("s\($0)", area: "a", points: "2", #""method": "presence", "metric": "f\#($0)""#) }.joined(separator: ",")
                           + "," + RulesText.standard("b", area: "a", points: "10", #""method": "ballot", "target": "standard""#),
                       more: #""ballots": { "aggregate": "mean", "minBallots": 1, "combine": \#(combine) },"#)
    }

    static let units = "id,name,category,f1,f2,f3,f4,f5\nU1,一,企业,1,1,1,1,1\n"
    static let ballots = "representative,unit,standard,score\n" + (1...7).map { "R\($0),U1,b,8\n" }.joined()

    @Test("the drivers, the rest and the weighting's share add up to the change (worked by hand)")
    func restAndWeights() throws {
        let old = try TestSession(rules: Self.rules(combine: #"{ "mode": "sum" }"#), units: Self.units, ballots: Self.ballots).run()
        let new = try TestSession(rules: Self.rules(combine: #"{ "mode": "weighted", "ballots": 30, "metrics": 70 }"#), units: Self.units, ballots: Self.ballots).run()
        let c = Comparison.compare(old, new, oldFile: "old.jsonc", newFile: "new.jsonc")
        let m = try #require(c.moves.first)
        // OLD: 5 × 2 + 8 = 18. NEW: metrics 70% of 20 = 14 over 10 written points, ×1.4 each;
        // ballots 30% of 20 = 6 over 10, ×0.6. 5 × 2 × 1.4 + 8 × 0.6 = 14 + 4.8 = 18.8.
        // Each flag 2 → 2.8 (+0.8), the ballot 8 → 4.8 (−3.2). Drivers: b −3.2, then s1, s2 +0.8
        // (equal changes in the file's order); the rest s3, s4, s5: 3 items, +2.4, each alone by
        // the weighting (its points before weighting, 2, the same). −3.2 + 0.8 + 0.8 + 2.4 = 0.8.
        #expect(m.drivers.map(\.id) == ["b", "s1", "s2"])
        #expect(m.drivers.map(\.delta) == [dec("-3.2"), dec("0.8"), dec("0.8")])
        #expect(m.rest == .init(count: 3, delta: dec("2.4")))
        #expect(m.causes == [.init(kind: .weights, count: 3, delta: dec("2.4"))])
        #expect(m.drivers.reduce(m.rest.delta) { $0 + $1.delta } == m.totalChange)
        // Shares: metrics 10 of 20 = 50% → 70%, ballots 50% → 30%.
        #expect(c.shares?.old == .init(metrics: dec("50"), ballots: dec("50")))
        #expect(c.shares?.new == .init(metrics: dec("70"), ballots: dec("30")))
        #expect(ComparisonExport.drivers(m, places: 2, lang: .zh)
                == "b（b名）-3.20；s1（s1名）+0.80；s2（s2名）+0.80；其余 3 项合计 +2.40；其中 3 项只因指标与代表评分的权重改变，合计 +2.40")
        #expect(ComparisonExport.drivers(m, places: 2, lang: .en)
                == "b -3.20; s1 +0.80; s2 +0.80; 3 other items together +2.40; 3 of them only by the new weighting of metrics and ballots, together +2.40")
        #expect(ComparisonExport.summary(c, lang: .zh).contains("权重：指标部分占 50% → 70%，代表评分部分占 50% → 30%"))
        let json = ComparisonExport.json(c, assumption: nil, gaps: .init(gaps: []), overrides: .init(entries: []))
        let unit = try #require(json.objectValue?["units"]?.arrayValue?.first?.objectValue)
        #expect(unit["rest"] == .object(["count": .number("3"), "change": .number("2.4")]))
        #expect(unit["causes"] == .array([.object(["kind": .string("weights"), "count": .number("3"), "change": .number("2.4")])]))
    }

    /// The tester's gen200 case: Xicheng 2014 against itself with ballots 30% and metrics 70%.
    @Test("on 200 generated units the drivers and the rest add up to each unit's exact change")
    func generatedAddsUp() throws {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
        let sum = #""combine": { "mode": "sum" }"#
        #expect(text.contains(sum))
        let weighted = text.replacingOccurrences(of: sum, with: #""combine": { "mode": "weighted", "ballots": 30, "metrics": 70 }"#)
        let g = DataGenerator(rules: BulkFixtures.xicheng, units: 200, seed: 7).generate()
        func session(_ rules: String) throws -> ScoringSession {
            try TestSession(rules: rules, units: String(decoding: g.units, as: UTF8.self), roster: String(decoding: g.roster, as: UTF8.self),
                            ballots: String(decoding: g.ballots, as: UTF8.self)).run()
        }
        let (old, new) = (try session(text), try session(weighted))
        let c = Comparison.compare(old, new, oldFile: "old.jsonc", newFile: "new.jsonc")
        // Xicheng's 100 points: 80 from metric standards, 20 from its ballot standards
        // (rights.ballot 4, warmth.ballot 4, …; `rules show`), so 80% → 70% and 20% → 30%: each metric
        // standard × 70/80, each ballot one × 30/20. (The tester's 2027 file also moved points,
        // its metrics summing to 79: there the cut was 70/79, −11.4%.)
        #expect(c.shares?.old == .init(metrics: dec("80"), ballots: dec("20")))
        #expect(c.shares?.new == .init(metrics: dec("70"), ballots: dec("30")))
        var weighed = 0
        for m in c.moves where m.vetoCapped == nil {
            let u = try #require(old.table.index(ofUnit: m.unit)), v = try #require(new.table.index(ofUnit: m.unit))
            let (ra, rb) = (old.results[u], new.results[v])
            // No veto caps either total: the change is the exact totals'.
            guard Comparison.cappingVeto(old.rules, ra) == nil, Comparison.cappingVeto(new.rules, rb) == nil else { continue }
            #expect(m.drivers.reduce(m.rest.delta) { $0 + $1.delta } == rb.exactTotal - ra.exactTotal, "\(m.unit)")
            // Only the weighting changed: a rest standard, unless its area's cap or proration
            // moved with it, changed by the weighting alone.
            if let w = m.causes.first(where: { $0.kind == .weights }) { weighed += 1; #expect(w.count <= m.rest.count) }
        }
        #expect(weighed > 150)
    }

    /// ComparisonTests' rules (`s1` bands 6 / 3 at `top` / 0.5, `s2` 4) with 优秀 from `excellent`.
    static func boundRules(top: String, excellent: String) -> String {
        ComparisonTests.rules(top: top, second: "0.5", excellent: excellent)
    }

    @Test("a raised grade bound is said as the cause, alone or with the total")
    func boundMoved() throws {
        // U1 (m 0.92, f 1), U2 (0.96, 0), U3 (0.6, 1).
        let old = try TestSession(rules: Self.boundRules(top: "0.9", excellent: "9"), units: ComparisonTests.units).run()
        // Only the bound: U1 10 → 10, 优秀 (≥ 9) → 良好 (< 10.5): the bound alone.
        let barOnly = try TestSession(rules: Self.boundRules(top: "0.9", excellent: "10.5"), units: ComparisonTests.units).run()
        let c = Comparison.compare(old, barOnly, oldFile: "old.jsonc", newFile: "bar.jsonc")
        #expect(c.boundChanges == [.init(grade: "优秀", old: dec("9"), new: dec("10.5"))])
        let u1 = try #require(c.moves.first { $0.unit == "U1" })
        #expect(u1.boundsCrossed == c.boundChanges && !u1.totalCrossedBound)
        #expect(ComparisonExport.drivers(u1, places: 2, lang: .zh) == "优秀下限 9 → 10.5")
        #expect(ComparisonExport.drivers(u1, places: 2, lang: .en) == "优秀's lower bound 9 → 10.5")
        let lines = ComparisonExport.summary(c, lang: .zh)
        #expect(lines.contains("等级下限变化：优秀 9 → 10.5"))
        #expect(lines.contains("按总分所定等级跨越分数线：1 个单位（U1 10.00→10.00，优秀→良好（优秀下限 9 → 10.5））"))
        // Both: top band 0.95 too, so U1 (0.92) gets 3 + 4 = 7: 10 → 7 crosses the old bound 9
        // and the moved 优秀 bound lies between (10 ≥ 9 but not ≥ 10.5). U3 (0.6: 3 + 4 = 7 under
        // both) stays 良好; U2 (0.96: 6 + 0 = 6) stays 良好.
        let both = try TestSession(rules: Self.boundRules(top: "0.95", excellent: "10.5"), units: ComparisonTests.units).run()
        let d = Comparison.compare(old, both, oldFile: "old.jsonc", newFile: "both.jsonc")
        let v1 = try #require(d.moves.first { $0.unit == "U1" })
        #expect(v1.totalCrossedBound && v1.boundsCrossed.count == 1)
        #expect(ComparisonExport.summary(d, lang: .en).contains("grade by total crossed a boundary: 1 unit (U1 10.00→7.00, 优秀→良好 (the total crossed a bound, 优秀's lower bound 9 → 10.5))"))
    }

    @Test("a unit whose total stayed and whose rank moved because another's total fell is not said to be moved by a tie-break")
    func passedByOthers() throws {
        // ComparisonTests' case: U2 6 → 6 moves 3 → 2 because U3 fell 7 → 4 behind it. No unit
        // shares U2's total under both files, so no tie-break moved it: 0 passed it, 1 fell behind.
        let old = try TestSession(rules: ComparisonTests.rules(top: "0.9", second: "0.5"), units: ComparisonTests.units).run()
        let new = try TestSession(rules: ComparisonTests.rules(top: "0.95", second: "0.8"), units: ComparisonTests.units).run()
        let c = Comparison.compare(old, new, oldFile: "old.jsonc", newFile: "new.jsonc")
        let u2 = try #require(c.moves.first { $0.unit == "U2" })
        #expect((u2.passedBy, u2.fellBehind) == (0, 1))
        #expect(c.tieMoves.isEmpty)
        #expect(c.passedMoves.map(\.unit) == ["U2"])
        #expect(ComparisonExport.drivers(u2, places: 2, lang: .zh) == "总分未变（6.00），其他单位的总分变了：1 个单位落到了它后面")
        let lines = ComparisonExport.summary(c, lang: .en)
        #expect(lines.contains("total unchanged, rank moved by other units' totals: 1 unit (U2 3→2 (total unchanged (6.00); other units' totals moved: 1 fell behind it))"))
        #expect(!lines.contains { $0.hasPrefix("rank moved by a tie-break alone") })
    }

    /// Xicheng 2014 with ballots 30% and metrics 70%, and 优秀 from 92 (the tester's 2027 idea),
    /// written beside the test's run; the file's path.
    static func tuned() throws -> (dir: URL, file: String) {
        var text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""combine": { "mode": "sum" }"#, with: #""combine": { "mode": "weighted", "ballots": 30, "metrics": 70 }"#)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-why-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("tuned.jsonc")
        try Data(text.utf8).write(to: file)
        return (dir, file.path)
    }

    @Test("compare's CSV and HTML carry what standard error says, and the CSV gives each driver its columns")
    func exportsKeepCaveats() throws {
        let (dir, tuned) = try Self.tuned()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["compare", "--rules", "rules/xicheng-2014.jsonc", "--rules", tuned] + CompareCommandTests.sample
        let table = CompareCommandTests().run(args)
        #expect(table.code == .success, "\(table.err)")
        // Standard error's 提示 list: after its heading, each line indented by two spaces.
        let err = table.err.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(err.firstIndex { $0.hasPrefix("提示（") })
        let notes = err[(heading + 1)...].filter { $0.hasPrefix("  ") }.map { String($0.dropFirst(2)) }
        let warnings = err[..<heading].filter { !$0.isEmpty }
        #expect(!notes.isEmpty)
        let csv = CompareCommandTests().run(args + ["--format", "csv"])
        let lines = csv.out.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("编号,") })
        // Above the header: one row a line, the kind first, then an empty row.
        #expect(header == warnings.count + notes.count + 1)
        #expect(lines[header - 1].isEmpty)
        // `kind,text`, the text quoted when it holds a comma or a quote (doubled inside).
        func unquoted(_ cell: Substring) -> String {
            cell.hasPrefix("\"") ? String(cell.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") : String(cell)
        }
        let preamble = lines[..<(header - 1)].map { line -> (String, String) in
            let comma = line.firstIndex(of: ",")!
            return (String(line[..<comma]), unquoted(line[line.index(after: comma)...]))
        }
        #expect(preamble.map(\.0) == Array(repeating: "警告", count: warnings.count) + Array(repeating: "提示", count: notes.count))
        #expect(preamble.map(\.1) == warnings + notes)
        #expect(lines[header].hasSuffix(",标准1编号,标准1名称,标准1分差,标准2编号,标准2名称,标准2分差,标准3编号,标准3名称,标准3分差,其余项数,其余合计,说明"))
        let html = CompareCommandTests().run(args + ["--format", "html", "--lang", "en"])
        #expect(html.out.contains("<section class=\"caveats\">"))
        #expect(html.out.contains("<h2>Notes (\(notes.count))</h2>"))
        // The page says the weighting and the moved bound, as the terminal does.
        #expect(html.out.contains("weighting: metrics 80% → 70%, ballots 20% → 30%"))
    }

    @Test("sensitivity's CSV and HTML carry the run's 提示 list, and its table has a legend")
    func sensitivityKeepsCaveats() throws {
        let args = ["sensitivity", "--rules", "rules/xicheng-2014.jsonc", "--scenarios", "20"] + CompareCommandTests.sample
        let table = CompareCommandTests().run(args)
        #expect(table.code == .success, "\(table.err)")
        let notes = table.err.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { String($0.dropFirst(2)) }
        #expect(!notes.isEmpty)
        #expect(table.out.contains("排名区间为 20 个情景中第 5%–95% 的名次；各等级占比合计 100%；等级不稳：等级与实际不同的情景占比（= 100% 减去实际等级的占比），超过 10% 时标出"))
        let csv = CompareCommandTests().run(args + ["--format", "csv", "--lang", "en"])
        let lines = csv.out.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let header = try #require(lines.firstIndex { $0.hasPrefix("id,") })
        #expect(header == notes.count + 1 && lines[header - 1].isEmpty)
        #expect(lines[..<(header - 1)].allSatisfy { $0.hasPrefix("note,") })
        let html = CompareCommandTests().run(args + ["--format", "html"])
        #expect(html.out.contains("<h2>提示（\(notes.count) 条）</h2>"))
        for note in notes.prefix(3) { #expect(html.out.contains(HTMLText.escape(note)), "\(note)") }
    }
}
