import Foundation
import Testing
@testable import KaimenKit

/// The line that adds a unit's total up, where the sum before rounding lies just below a
/// rounding point: rounded at six places it read `87.445…` beside a total of 87.44, which a
/// reader rounds to 87.45. Cut at six places it reads `87.444999…`. Worked by hand:
/// 874449996 ÷ 10000000 = 87.4449996 (exact), 87.44 at two places; 874450004 ÷ 10000000 =
/// 87.4450004, 87.45, and rounded at six places (87.445…) it does not mislead; 87.444999 is
/// shown as it is.
@Suite("The total's line never shows a sum that rounds otherwise than the total")
struct TotalWordsTests {
    static func session(a: String) -> TestSession {
        TestSession(rules: """
            { "format": 1, "id": "x", "title": "合计", "issuer": "测试", "version": "1", "effective": { "from": "2014-01-01" },
              "metrics": [ { "id": "a", "name": "甲", "kind": "number" }, { "id": "b", "name": "乙", "kind": "number" } ],
              "areas": [ { "id": "s", "name": "方面", "points": 100 } ],
              "standards": [ { "id": "s.f", "area": "s", "name": "公式", "criteria": "按公式。", "points": 100, "method": "expression", "formula": "a / b" } ],
              "grades": [ { "name": "合格", "min": 60 }, { "name": "不合格" } ] }
            """, units: "id,name,a,b\nU1,甲,\(a),10000000\n")
    }

    static func line(_ s: ScoringSession, lang: Language) throws -> String {
        let columns = MetricColumns.from(s.table), ballots = BallotColumns.from(s.ballots, unitCount: s.table.units.count)
        let r = try #require(Engine(plan: s.plan).trace([0], columns, ballots).first)
        return TotalWords.sum(r, rules: s.rules, fmt: ValueFormatter(rules: s.rules, lang: lang), lang: lang)
    }

    @Test("just below the point: the sum and its parts cut, not rounded", arguments: [
        ("874449996", "各方面 87.444999… + 加分 0 = 87.444999…，保留 2 位小数（四舍五入）为 87.44 分",
         "areas 87.444999… + bonus 0 = 87.444999…, rounded half away from zero to 2 places: 87.44"),
        ("874450004", "各方面 87.445… + 加分 0 = 87.445…，保留 2 位小数（四舍五入）为 87.45 分",
         "areas 87.445… + bonus 0 = 87.445…, rounded half away from zero to 2 places: 87.45"),
        ("874449990", "各方面 87.444999 + 加分 0 = 87.444999，保留 2 位小数（四舍五入）为 87.44 分",
         "areas 87.444999 + bonus 0 = 87.444999, rounded half away from zero to 2 places: 87.44"),
    ])
    func nearThePoint(a: String, chinese: String, english: String) throws {
        let s = try Self.session(a: a).run()
        #expect(try Self.line(s, lang: .zh) == chinese)
        #expect(try Self.line(s, lang: .en) == english)
    }
}
