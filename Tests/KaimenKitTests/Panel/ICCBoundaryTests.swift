import Foundation
import Testing
@testable import KaimenKit

/// The ICC on tables whose figures sit exactly on a reading's boundary, or have no value; the
/// expected numbers come from pingouin and Python's exact fractions
/// (`Fixtures/reference/panel/icc_boundaries.py`, its output beside it). pingouin itself gives
/// 0.9000000000000001, 0.4999999999999999 and 0.7499999999999999: read in binary, they would
/// fall on the wrong side of 0.9, 0.5 and 0.75.
@Suite("ICC: exact boundaries and figures without a value")
struct ICCBoundaryTests {
    static let tolerance = 1e-9

    static func icc(_ table: [[Int]]) throws -> ICC.Result {
        try #require(ICC.twoWayRandom(table.map { $0.map { Rational($0) } }))
    }

    @Test("ICC(2,1) of exactly 9/10 reads good (0.75–0.9), not excellent; ICC(2,k) is 18/19")
    func nineTenths() throws {
        let r = try Self.icc([[5, 5], [6, 6], [7, 8]])
        #expect(r.exactSingle == Rational(9, 10) && r.exactAverage == Rational(18, 19))
        #expect(abs(try #require(r.single) - 0.9000000000000001) < Self.tolerance)
        #expect(abs(try #require(r.average) - 0.9473684210526316) < Self.tolerance)
        #expect(ICC.Reading(reading: try #require(r.exactSingle)) == .good)
        #expect(ICC.Reading(reading: try #require(r.exactAverage)) == .excellent)
    }

    @Test("exactly 1/2 reads moderate and exactly 3/4 good")
    func halfAndThreeQuarters() throws {
        let half = try Self.icc([[0, 0], [0, 1], [1, 1]])
        #expect(half.exactSingle == Rational(1, 2) && half.exactAverage == Rational(2, 3))
        #expect(ICC.Reading(reading: try #require(half.exactSingle)) == .moderate)
        let three = try Self.icc([[0, 0], [0, 2], [3, 3]])
        #expect(three.exactSingle == Rational(3, 4) && three.exactAverage == Rational(6, 7))
        #expect(ICC.Reading(reading: try #require(three.exactSingle)) == .good)
    }

    @Test("scores that vary: ICC(2,1) is −1 (pingouin's ICC(A,1)); ICC(2,k) has a zero denominator (pingouin: −inf)")
    func zeroDenominator() throws {
        let r = try Self.icc([[1, 2], [3, 1], [2, 3]])
        #expect(r.exactSingle == Rational(-1))
        #expect(r.exactAverage == nil)
        #expect(r.undefined(average: false) == nil && r.undefined(average: true) == .zeroDenominator)
    }

    @Test("the tester's panel: s2 shows ICC(2,1) −1.000 with the reason for ICC(2,k); s3 shows 0.900 良好")
    func table() throws {
        let rules = """
        { "format": 1, "id": "small", "title": "小测试细则", "issuer": "测试区总工会", "version": "1",
          "effective": { "from": "2020-01-01" }, "metrics": [ { "id": "m", "name": "指标甲", "kind": "count" } ],
          "areas": [ { "id": "a1", "name": "方面一", "points": 10 }, { "id": "a2", "name": "方面二", "points": 10 } ],
          "standards": [
            { "id": "s1", "area": "a1", "name": "标准一", "criteria": "每个1分", "points": 6, "method": "count", "metric": "m", "perUnit": 1 },
            { "id": "s2", "area": "a1", "name": "标准二", "criteria": "代表打分", "points": 4, "method": "ballot" },
            { "id": "s3", "area": "a2", "name": "标准三", "criteria": "代表打分", "points": 10, "method": "ballot" } ],
          "grades": [ { "name": "优秀", "min": 15, "quota": 50 }, { "name": "合格", "min": 5 }, { "name": "不合格" } ],
          "ballots": { "aggregate": "trimmedMean", "minBallots": 2 } }
        """
        let ballots = "representative,unit,standard,score\n" + [
            "R1,U1,s2,1", "R2,U1,s2,2", "R1,U2,s2,3", "R2,U2,s2,1", "R1,U3,s2,2", "R2,U3,s2,3",
            "R1,U1,s3,5", "R2,U1,s3,5", "R1,U2,s3,6", "R2,U2,s3,6", "R1,U3,s3,7", "R2,U3,s3,8",
        ].joined(separator: "\n") + "\n"
        let s = try TestSession(rules: rules, units: "id,name,category,m\nU1,单位一,企业,3\nU2,单位二,企业,5\nU3,单位三,机关,2\n",
                                roster: "id,name,group,units,role\nR1,代表一,一组,,\nR2,代表二,一组,,\n", ballots: ballots).run()
        let p = PanelReport.analyse(s, options: .init(resamples: 100))
        let zh = PanelTables.icc(p, lang: .zh).text(), en = PanelTables.icc(p, lang: .en).text()
        let s2 = try #require(zh.split(separator: "\n").first { $0.hasPrefix("s2") })
        #expect(s2.contains("-1.000") && s2.contains("不可解读"))
        #expect(s2.contains("ICC(2,k) 无法计算：分数有差异，但公式的分母 MSR + (MSC − MSE)/n 为 0"))
        #expect(!s2.contains("分数没有差异"))
        let s3 = try #require(zh.split(separator: "\n").first { $0.hasPrefix("s3") })
        #expect(s3.contains("0.900  良好") && s3.contains("0.947  优秀"))
        #expect(en.contains("ICC(2,k) undefined: the scores vary, but its denominator MSR + (MSC − MSE)/n is 0"))
    }
}
