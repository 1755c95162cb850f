import Foundation
import Testing
@testable import KaimenKit

@Suite("compare: a rank a tie-break alone moved, and the gaps it names")
struct ComparisonTieTests {
    /// Areas `a` and `b` (10 each), one point per `x` in `a` and per `y` in `b`; ties broken by `tieArea`.
    static func rules(tieArea: String) -> String {
        RulesText.make(
            metrics: RulesText.metric("x") + "," + RulesText.metric("y"),
            areas: RulesText.area("a", points: "10") + "," + RulesText.area("b", points: "10"),
            standards: RulesText.standard("s1", area: "a", points: "10", #""method": "count", "metric": "x", "perUnit": 1"#)
                + "," + RulesText.standard("s2", area: "b", points: "10", #""method": "count", "metric": "y", "perUnit": 1"#),
            more: #""ranking": { "precision": 2, "tieBreak": [ { "by": "area", "id": "\#(tieArea)" } ] },"#)
    }

    // U1: x 3, y 1 → 3 + 1 = 4; U2: x 1, y 3 → 1 + 3 = 4; U3: x 5, y 5 → 10, first under both.
    static let units = "id,name,category,x,y\nU1,一,企业,3,1\nU2,二,企业,1,3\nU3,三,企业,5,5\n"

    func comparison() throws -> Comparison {
        let old = try TestSession(rules: Self.rules(tieArea: "a"), units: Self.units).run()
        let new = try TestSession(rules: Self.rules(tieArea: "b"), units: Self.units).run()
        return Comparison.compare(old, new, oldFile: "old.jsonc", newFile: "new.jsonc")
    }

    @Test("a unit whose total stayed and whose rank moved gets the tie-break that placed it under each file")
    func tieMove() throws {
        let c = try comparison()
        // OLD by area a: U1 (3) before U2 (1) → U3 1, U1 2, U2 3. NEW by area b: U2 (3) before U1 (1).
        let u1 = try #require(c.moves.first { $0.unit == "U1" })
        #expect((u1.oldRank, u1.newRank, u1.totalChange) == (2, 3, .zero))
        #expect(u1.drivers.isEmpty)
        #expect(u1.oldTies.map { [$0.ahead, $0.behind, $0.aheadValue, $0.behindValue] } == [["U1", "U2", "3.00", "1.00"]])
        #expect(u1.newTies.map { [$0.ahead, $0.behind, $0.aheadValue, $0.behindValue] } == [["U2", "U1", "3.00", "1.00"]])
        #expect(u1.newTies.first?.by?.key == .area("b"))
        // U3 did not move: nothing said.
        #expect(c.moves.first { $0.unit == "U3" }?.oldTies.isEmpty == true)
        #expect(c.tieMoves.map(\.unit) == ["U2", "U1"])

        let cell = ComparisonExport.drivers(u1, places: 2, lang: .zh)
        #expect(cell == "原：U1 先于 U2，按“a方面”得分 3.00 对 1.00；新：U2 先于 U1，按“b方面”得分 3.00 对 1.00", "\(cell)")
        let summary = ComparisonExport.summary(c, lang: .en)
        #expect(summary.contains { $0.hasPrefix("rank moved by a tie-break alone: 2 units (U2 3→2 (old: U1 ahead of U2 by area") })
        let json = ComparisonExport.json(c, assumption: nil, gaps: MissingMetrics(gaps: []), overrides: MetricOverrides(entries: [])).rendered()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let units = try #require(object["units"] as? [[String: Any]])
        let ties = try #require(units.first { $0["unit"] as? String == "U1" }?["ties"] as? [String: [[String: Any]]])
        #expect(ties["new"]?.first?["by"] as? [String: String] == ["by": "area", "id": "b", "order": "desc"])
        #expect(ties["new"]?.first?["values"] as? [String] == ["3.00", "1.00"])
        #expect(ties["old"]?.first?["ahead"] as? String == "U1")
    }

    @Test("two units sharing a rank under one file are said to share it")
    func sharedRank() throws {
        // Both tie-breaks equal: U1 x 2 y 2, U2 x 2 y 2 under OLD (by a) share rank 1; NEW (by b)
        // the same, so nothing moved and nothing is said.
        let units = "id,name,category,x,y\nU1,一,企业,2,2\nU2,二,企业,2,2\n"
        let old = try TestSession(rules: Self.rules(tieArea: "a"), units: units).run()
        let new = try TestSession(rules: Self.rules(tieArea: "b"), units: units).run()
        let c = Comparison.compare(old, new, oldFile: "old.jsonc", newFile: "new.jsonc")
        #expect(c.tieMoves.isEmpty)
        #expect(c.moves.map(\.oldRank) == [1, 1])
    }

    @Test("a metric's column headed near its id is named as score names it, once, with the rename first")
    func nearColumn() throws {
        let rules = try RulesLoader(readFile: { _ in Self.rules(tieArea: "a") }).load("/mem/r.jsonc").rules
        let gaps = MissingMetrics.find(in: Data("id,name,category,x,Y\nU1,一,企业,1,2\n".utf8), fileName: "u.csv", rules: rules)
        #expect(gaps.gaps.map(\.metric) == ["y"])
        #expect(gaps.gaps.first?.nearColumn?.zh.contains("是不是 `Y` 这一列") == true)
        // Both files read `y`: one line naming both, the rename before --assume-missing.
        let lines = TuningMessages.missingMetrics([(gaps, "old.jsonc"), (gaps, "new.jsonc")])
        #expect(lines.count == 1)
        #expect(lines[0].text.zh.hasPrefix("`old.jsonc`和`new.jsonc` 需要指标 y名（`y`）"), "\(lines[0].text.zh)")
        let hint = try #require(lines[0].hintText?.zh)
        #expect(hint.hasPrefix("是不是 `Y` 这一列"), "\(hint)")
        #expect(!hint.hasPrefix("补上该列"))
        // No near column: the old advice.
        let none = MissingMetrics.find(in: Data("id,name,category,x\nU1,一,企业,1\n".utf8), fileName: "u.csv", rules: rules)
        #expect(none.gaps.first?.nearColumn == nil)
        #expect(TuningMessages.missingMetrics(none, rulesFile: "r.jsonc").first?.hintText?.zh.hasPrefix("补上该列") == true)
    }

    @Test("a what-if on the NEW rules file marks its name with + --set")
    func setMarksNew() {
        let none = MetricOverrides(entries: [])
        #expect(none.sideNames(["a.jsonc", "b.jsonc"]) == ["a.jsonc", "b.jsonc"])
        guard case .success(let set) = MetricOverrides.parse(["X03.m=9"]) else { Issue.record("not parsed"); return }
        #expect(set.sideNames(["a.jsonc", "b.jsonc"]) == ["a.jsonc", "b.jsonc + --set"])
        #expect(set.sideNames(["a.jsonc"]) == ["a.jsonc", "a.jsonc + --set"])
    }
}
