import Foundation
import Testing
@testable import KaimenKit

/// Formulas as the papers show them (a first user's trial finding: a veto's raw formula,
/// `acc > 0`, on a Chinese score sheet): each metric by its name, the comparisons and words as
/// a Chinese reader writes them, and on a unit's sheet the values the formula read.
@Suite("Formulas on the papers: metric names, not ids")
struct ReadableFormulaTests {
    static let rules = """
    { "format": 1, "id": "t", "title": "测试", "issuer": "测试区总工会", "version": "1", "effective": { "from": "2014-01-01" },
      "metrics": [ { "id": "members", "name": "会员人数", "kind": "count" },
                   { "id": "acc", "name": "重大事故", "kind": "count" } ],
      "areas": [ { "id": "a", "name": "方面", "points": 10 } ],
      "standards": [
        { "id": "a.n", "area": "a", "name": "会员", "criteria": "每人1分，最多10分。", "points": 10, "method": "count", "metric": "members", "perUnit": 1,
          "precondition": { "when": "members >= 2 and not acc > 0" } } ],
      "grades": [ { "name": "合格", "min": 6 }, { "name": "不合格" } ],
      "vetoes": [ { "id": "v", "name": "重大事故否决", "when": "acc > 0", "grade": "不合格" } ] }
    """

    static func session() throws -> ScoringSession {
        try TestSession(rules: rules, units: "id,name,members,acc\nU1,甲,8,0\nU2,乙,9,2\n").run()
    }

    @Test("metric ids become their names; ≥, ≠, 且, 或, 非 and 若 … 则 … 否则 in Chinese")
    func readable() throws {
        let rules = try Self.session().rules
        let precondition = try #require(rules.standards[0].precondition?.when)
        #expect(precondition.readable(rules, lang: .zh) == "会员人数 ≥ 2 且 非 重大事故 > 0")
        #expect(precondition.readable(rules, lang: .en) == "会员人数 ≥ 2 and not 重大事故 > 0")
        #expect(precondition.text == "members >= 2 and not acc > 0", "the rules file's own text is kept")
        // Other shapes, through the same printer: parentheses where precedence needs them.
        let names = ["members": "会员人数", "acc": "重大事故"]
        func zh(_ source: String) throws -> String {
            FormulaPrinter.readable(try Parser.parse(Array(source.unicodeScalars)), name: { names[$0] ?? $0 }, lang: .zh)
        }
        #expect(try zh("if acc > 0 then 0 else members / 2") == "若 重大事故 > 0 则 0 否则 会员人数 ÷ 2")
        #expect(try zh("3 * min(1, members / acc / 0.55) - 1") == "3 × min(1, 会员人数 ÷ 重大事故 ÷ 0.55) - 1")
        #expect(try zh("members / (acc * 2)") == "会员人数 ÷ (重大事故 × 2)")
        #expect(try zh("(members != 3 or acc <= 1) and true") == "(会员人数 ≠ 3 或 重大事故 ≤ 1) 且 是")
    }

    @Test("a veto on the score sheet: its condition by name, and the values it read")
    func vetoOnSheet() throws {
        let s = try Self.session()
        let u2 = try #require(s.table.index(ofUnit: "U2"))
        let rows = ScoreSheetExport.table(s, unit: u2).rows.map { $0.map(\.string) }
        let veto = try #require(rows.first { $0.first == "一票否决" })
        #expect(veto.contains("重大事故 > 0"), "no criteria text in the rules: the condition, readable")
        #expect(veto.contains("重大事故 2"), "the value the condition read")
        #expect(!veto.contains { $0.contains("acc") })
        // The sheet's page and the explanation say it the same way.
        let page = ScoreSheetHTML.page(s, unit: u2, medians: ReportHTML.areaMedians(s), lang: .zh).markup
        #expect(page.contains("重大事故 &gt; 0（重大事故 2）：定为不合格"))
        #expect(!page.contains("acc &gt; 0"))
    }

    @Test("a precondition not met is told by name, the same words for every unit; the explanation adds the values")
    func preconditionNote() throws {
        let s = try Self.session()
        let u2 = try #require(s.table.index(ofUnit: "U2"))
        let zh = Narrator(session: s, lang: .zh).forUnit(u2).reasonText(.precondition, s.rules.standards[0])
        #expect(zh == "前提条件 会员人数 ≥ 2 且 非 重大事故 > 0 不满足")
        let en = Narrator(session: s, lang: .en).forUnit(u2).reasonText(.precondition, s.rules.standards[0])
        #expect(en == "precondition `会员人数 ≥ 2 and not 重大事故 > 0` not met")
        #expect(Narrator(session: s, lang: .en).forUnit(u2).condition(s.rules.vetoes[0].when) == "重大事故 > 0 (重大事故 2)")
        #expect(Narrator(session: s, lang: .zh).forUnit(u2).condition(s.rules.standards[0].precondition!.when)
                == "会员人数 ≥ 2 且 非 重大事故 > 0（会员人数 9，重大事故 2）")
    }
}
