import Foundation
import Testing
@testable import KaimenKit

/// Inputs at the edges of the fast form's integer and fixed-point ranges: it must agree with
/// the exact form (by falling back to it) and never trap.
@Suite("The fast form at the extremes: same results as the exact form, no crash")
struct BulkExtremesTests {
    static func rules(metrics: String, areas: String, standards: String) -> String {
        """
        { "format": 1, "id": "x", "title": "极端值", "issuer": "测试", "version": "1", "effective": { "from": "2014-01-01" },
          "metrics": [ \(metrics) ], "areas": [ \(areas) ], "standards": [ \(standards) ],
          "grades": [ { "name": "合格", "min": 1 }, { "name": "不合格" } ] }
        """
    }

    /// Scores with both engines and compares every column of the compact results.
    func same(_ rules: String, units: String) throws {
        let s = try TestSession(rules: rules, units: units, ballots: "representative,unit,standard,score\n").run()
        let engine = Engine(plan: s.plan)
        let ballots = BallotColumns.from(s.ballots, unitCount: s.table.units.count)
        var (bulk, _) = engine.score(MetricColumns.from(s.table), ballots, form: .fast, threads: 2)
        var (exact, _) = engine.score(MetricColumns.from(s.table), ballots, form: .exact)
        _ = Ranker.rank(&bulk, rules: s.rules, categories: s.table.units.map(\.category))
        _ = Ranker.rank(&exact, rules: s.rules, categories: s.table.units.map(\.category))
        #expect(bulk == exact)
        #expect(exact == s.report.scores)
    }

    @Test("a survey over `number` metrics whose respondents add up to less than zero")
    func negativeRespondents() throws {
        let r = Self.rules(metrics: #"{ "id": "s", "name": "满意", "kind": "number" }, { "id": "b", "name": "基本", "kind": "number" }, { "id": "d", "name": "不满意", "kind": "number" }"#,
                           areas: #"{ "id": "a", "name": "方面", "points": 10 }"#,
                           standards: #"{ "id": "a.s", "area": "a", "name": "测评", "criteria": "满意度。", "points": 10, "method": "survey", "satisfied": "s", "basic": "b", "dissatisfied": "d" }"#)
        // (1·1 + 0.6·0 + 0·(−2)) / (1 + 0 − 2) = −1 → clamped to 0; (−1)/(−2) = 0.5 → 5 points.
        try same(r, units: "id,name,s,b,d\nU1,甲,1,0,-2\nU2,乙,-1,0,-1\n")
    }

    /// Before rules files had number limits, a floor of -0.9999999999 drove the intermediate
    /// products past Int128; such a floor is now refused (`rules-number-beyond-limits`), so the
    /// extreme is the most the limits allow in the rules and in the data.
    @Test("a linear ratio at the limits of the rules' and the data's numbers")
    func linearOverflow() throws {
        let r = Self.rules(metrics: #"{ "id": "n", "name": "分子", "kind": "amount" }, { "id": "m", "name": "分母", "kind": "amount" }"#,
                           areas: #"{ "id": "a", "name": "方面", "points": 10 }"#,
                           standards: #"{ "id": "a.l", "area": "a", "name": "比率", "criteria": "按比例。", "points": 10, "method": "linear", "ratio": { "numerator": "n", "denominator": "m", "zero": 0 }, "floor": -0.999999, "target": 1 }"#)
        // The largest values within NumberLimits (12 digits, 6 decimals).
        try same(r, units: "id,name,n,m\nU1,甲,999999999999.999999,999999999999.999999\n")
    }

    /// Eighteen decimals were allowed before rules files had number limits; six is the most now.
    @Test("survey weights with six decimals, the most a rules file allows")
    func fineWeights() throws {
        let r = Self.rules(metrics: #"{ "id": "s", "name": "满意", "kind": "count" }, { "id": "b", "name": "基本", "kind": "count" }, { "id": "d", "name": "不满意", "kind": "count" }"#,
                           areas: #"{ "id": "a", "name": "方面", "points": 10 }"#,
                           standards: #"{ "id": "a.s", "area": "a", "name": "测评", "criteria": "满意度。", "points": 10, "method": "survey", "satisfied": "s", "basic": "b", "dissatisfied": "d", "weights": { "satisfied": 0.999999, "basic": 0.999999, "dissatisfied": 0 } }"#)
        try same(r, units: "id,name,s,b,d\nU1,甲,90,90,0\n")
    }

    /// (Five million points an area before 0.26.2, when a million became the most: an area of
    /// 3·10⁹ points overflowed its proration.)
    @Test("rules worth millions of points (beyond the fixed-point range) go the checked way")
    func hugePoints() throws {
        let r = Self.rules(metrics: #"{ "id": "f", "name": "甲", "kind": "flag" }, { "id": "g", "name": "乙", "kind": "flag" }"#,
                           areas: #"{ "id": "a", "name": "方面一", "points": 1000000 }, { "id": "b", "name": "方面二", "points": 1000000 }"#,
                           standards: #"{ "id": "a.f", "area": "a", "name": "甲", "criteria": "有则满分。", "points": 1000000, "method": "presence", "metric": "f" }, { "id": "b.g", "area": "b", "name": "乙", "criteria": "有则满分。", "points": 1000000, "method": "presence", "metric": "g" }"#)
        try same(r, units: "id,name,f,g\nU1,甲,1,1\nU2,乙,1,0\n")
    }
    /// Bands on a ratio whose every threshold compares by cross factors decide without the
    /// ratio's value in the fast form (no division). At and around each threshold, with a
    /// negative numerator, a zero, negative or missing denominator and `max` bands, both forms
    /// agree and give the points worked out here by hand.
    @Test("bands on a ratio decided by cross factors alone: at, above and below each threshold")
    func ratioBandsByCrossFactors() throws {
        let r = Self.rules(metrics: #"{ "id": "n", "name": "分子", "kind": "number", "missing": "notAssessable" }, { "id": "m", "name": "分母", "kind": "number" }"#,
                           areas: #"{ "id": "a", "name": "方面", "points": 10 }, { "id": "b", "name": "方面二", "points": 10 }"#,
                           standards: #"{ "id": "a.r", "area": "a", "name": "达标率", "criteria": "分档。", "points": 10, "method": "bands", "ratio": { "numerator": "n", "denominator": "m", "zero": 4, "maxOne": false }, "bands": [ { "min": 0.9, "points": 10 }, { "min": 0.333334, "points": 6 } ], "otherwise": 1 }, { "id": "b.r", "area": "b", "name": "差错率", "criteria": "分档。", "points": 10, "method": "bands", "ratio": { "numerator": "n", "denominator": "m", "zero": 0, "maxOne": false }, "bands": [ { "max": 0.1, "points": 10 }, { "max": 0.5, "points": 5 } ] }"#)
        // n/m              a.r (≥ 0.9: 10, ≥ 0.333334: 6, else 1)   b.r (≤ 0.1: 10, ≤ 0.5: 5, else 0)
        // 9/10 = 0.9       10                                        0
        // 8.999999/10      6                                         0
        // 1/3 = 0.3333…    1                                         5
        // 0.333334/1       6                                         5
        // 1/10             1                                         10
        // 0.5/1            6                                         5
        // −1/2             1                                         10
        // 1/0              4 (zero: 4)                               0 (zero: 0)
        // 1/−2             1                                         10
        let units = "id,name,n,m\nU1,甲,9,10\nU2,乙,8.999999,10\nU3,丙,1,3\nU4,丁,0.333334,1\nU5,戊,1,10\nU6,己,0.5,1\nU7,庚,-1,2\nU8,辛,1,0\nU9,壬,1,-2\n"
        let s = try TestSession(rules: r, units: units, ballots: "representative,unit,standard,score\n").run()
        let expected: [[Int64]] = [[10, 0], [6, 0], [1, 5], [6, 5], [1, 10], [6, 5], [1, 10], [4, 0], [1, 10]]
        #expect(s.results.map { $0.standards.map(\.points) } == expected.map { $0.map { Rational(integer: $0) } })
        try same(r, units: units + "U10,癸,,3\n")
    }
}
