import Foundation
import Testing
@testable import KaimenKit

/// A veto whose condition divides by zero, or meets a value beyond ±9.2·10¹⁸, cannot be
/// checked either; before 0.27.0 the papers said 缺少数据 for those too (a hostile test, session
/// 42), and a committee would look for a missing figure that is not missing.
@Suite("A veto not checked says why: missing data, a division by zero, a value out of range")
struct VetoNotCheckedTests {
    static let rules = """
    { "format": 1, "id": "t", "title": "测试", "issuer": "测试区总工会", "version": "1", "effective": { "from": "2014-01-01" },
      "metrics": [ { "id": "n", "name": "数量", "kind": "count" },
                   { "id": "d", "name": "纠纷", "kind": "count" },
                   { "id": "m", "name": "调解", "kind": "count", "missing": "notAssessable" } ],
      "areas": [ { "id": "a", "name": "方面", "points": 10 } ],
      "standards": [
        { "id": "a.n", "area": "a", "name": "数量", "criteria": "每个1分，最多10分。", "points": 10, "method": "count", "metric": "n", "perUnit": 1 } ],
      "grades": [ { "name": "合格", "min": 6 }, { "name": "不合格" } ],
      "vetoes": [ { "id": "v.rate", "name": "调解率过低", "when": "m / d < 0.5", "grade": "不合格" },
                  { "id": "v.big", "name": "数额异常", "when": "d * d * d * d * d > 1", "grade": "不合格" } ] }
    """

    /// U1: m missing → 缺少数据; U2: d = 0 → 除数为零; U3: d⁵ = 10¹⁵·⁵… beyond 9.2·10¹⁸ → 数值超出范围
    /// (and `m / d` fine: 5/9999999 < 0.5 holds, so that veto applies). d = 9999999: d⁵ ≈ 10³⁵.
    static let units = "id,name,n,d,m\nU1,甲,8,4,\nU2,乙,8,0,3\nU3,丙,8,9999999,5\n"

    @Test("explain, the summary's notes, the warnings and the strict error each say which")
    func reasons() throws {
        let s = try TestSession(rules: Self.rules, units: Self.units).run()
        #expect(s.unit("U1").vetoesUnchecked == [0] && s.unit("U1").vetoesNotCheckedWhy == [.missingData])
        #expect(s.unit("U2").vetoesUnchecked == [0] && s.unit("U2").vetoesNotCheckedWhy == [.divisionByZero])
        #expect(s.unit("U3").vetoesUnchecked == [1] && s.unit("U3").vetoesNotCheckedWhy == [.valueTooLarge])
        #expect(s.unit("U3").vetoes == [0])
        let notes = SummaryExport.table(s).rows.map { $0.map(\.string).joined(separator: "|") }
        #expect(notes[0].contains("一票否决项「调解率过低」缺少数据，未能检查"), "\(notes[0])")
        #expect(notes[1].contains("一票否决项「调解率过低」除数为零，未能检查"), "\(notes[1])")
        #expect(notes[2].contains("一票否决项「数额异常」数值超出范围，未能检查"), "\(notes[2])")
        let warnings = SessionWarnings.collect(s)
        // One line per veto and reason (since 0.29.2), listing its units.
        #expect(warnings.contains("无法检查一票否决项：调解率过低（缺少数据）——U1"), "\(warnings)")
        #expect(warnings.contains("无法检查一票否决项：调解率过低（除数为零）——U2"), "\(warnings)")
        #expect(warnings.contains("无法检查一票否决项：数额异常（数值超出范围）——U3"), "\(warnings)")
        let strict = TestSession(rules: Self.rules, units: Self.units, strict: true).failures()
        #expect(strict.map(\.code) == ["veto-unchecked", "veto-unchecked", "veto-unchecked"])
        #expect(strict.map(\.message).contains { $0.contains("unit `U2`") && $0.contains("divides by zero") })
        #expect(strict.map(\.message).contains { $0.contains("unit `U3`") && $0.contains("beyond ±9.2·10¹⁸") })
    }

    @Test("explain in both languages")
    func explained() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let inputs = try TestSession(rules: Self.rules, units: Self.units).written(to: s)
        let zh = EndToEndTests.run(["explain", "U2"] + inputs)
        #expect(zh.out.contains("一票否决项「调解率过低」（调解 ÷ 纠纷 < 0.5；纠纷 0，调解 3）除数为零，未能检查"), "\(zh.out)")
        let en = EndToEndTests.run(["explain", "U1"] + inputs + ["--lang", "en"])
        #expect(en.out.contains("could not be checked: data missing"), "\(en.out)")
    }

    /// A tester's 200 units each had a line of their own for one veto that could not be checked.
    @Test("a veto not checked for many units is one line listing them, capped with a count; as sealed before 0.29.2, a line each")
    func grouped() throws {
        // U1 and U4…U6 leave m empty: 缺少数据; U2 has d = 0: 除数为零.
        let units = Self.units + "U4,丁,8,4,\nU5,戊,8,4,\nU6,己,8,4,\n"
        let s = try TestSession(rules: Self.rules, units: units).run()
        let warnings = SessionWarnings.collect(s)
        #expect(warnings.filter { $0.hasPrefix("无法检查一票否决项") } == [
            "无法检查一票否决项：调解率过低（缺少数据）——U1、U4、U5、U6",
            "无法检查一票否决项：调解率过低（除数为零）——U2",
            "无法检查一票否决项：数额异常（数值超出范围）——U3"], "\(warnings)")
        #expect(SessionWarnings.collect(s.report, lang: .en, limit: 2).contains("veto could not be checked: 调解率过低 (data missing) — U1, U4… (4 in all)"))
        var old = s
        old.report.writtenAs = ScoreReport.v0_29_1
        #expect(SessionWarnings.collect(old).filter { $0.hasPrefix("无法检查一票否决项") }.count == 6)
    }
}
