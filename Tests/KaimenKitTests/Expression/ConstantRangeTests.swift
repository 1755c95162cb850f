import Foundation
import Testing
@testable import KaimenKit

/// A part of a formula that reads no metric is worked out when the rules are loaded. One whose
/// value is beyond ±(2⁶³ − 1) = ±9 223 372 036 854 775 807 is refused where it is written: the
/// evaluator stops at such a value (a standard not assessed, a veto not checked), so no unit
/// could be scored by it. Before 0.29.2 it was folded to that bound and every unit scored from
/// it (a hostile test: `999999999999 * 999999999999 * 999999999999` gave every unit the
/// standard's full points, and a veto `… > 0` struck all nine). One whose exact value does not
/// fit a 64-bit fraction is not rounded but kept whole.
@Suite("A formula's constant parts: refused beyond range, never rounded")
struct ConstantRangeTests {
    typealias F = FormulaFixture

    /// 999999999999² ≈ 10²⁴ > 9.2·10¹⁸: the innermost part that passes the bound is named, at
    /// its operator (offsets count from 0; the fixture puts offset o at column 20 + o), once.
    @Test("a constant part beyond ±9.2·10¹⁸ is an error at its operator, alone or beside metrics")
    func refused() {
        let cases: [(String, FormulaType, Int, String)] = [
            ("999999999999 * 999999999999 * 999999999999", .number, 13, "999999999999 * 999999999999"),
            // The value, 999999999999, fits; the product on the way does not.
            ("999999999999 * 999999999999 / 999999999999", .number, 13, "999999999999 * 999999999999"),
            ("disputes + 999999999999 * 999999999999 * 999999999999", .number, 24, "999999999999 * 999999999999"),
            ("999999999999 * 999999999999 * members", .number, 13, "999999999999 * 999999999999"),
            ("min(3, disputes) + 0 * (999999999999 * 999999999999)", .number, 37, "999999999999 * 999999999999"),
            ("999999999999 * 999999999999 * 999999999999 > 0", .boolean, 13, "999999999999 * 999999999999"),
            ("if 999999999999 * 999999999999 > 1 then 3 else 1", .number, 16, "999999999999 * 999999999999"),
            // 3037000499² + 5928526807 = 9223372030926249001 + 5928526807 = 2⁶³, one past the
            // bound; −3037000499² − 5928526807 = −2⁶³ is not held either.
            ("3037000499 * 3037000499 + 5928526807", .number, 24, "3037000499 * 3037000499 + 5928526807"),
            ("-3037000499 * 3037000499 - 5928526807", .number, 25, "-3037000499 * 3037000499 - 5928526807"),
            ("round(3037000499 * 3037000499 * 2)", .number, 30, "3037000499 * 3037000499 * 2"),
        ]
        for (source, type, offset, part) in cases {
            guard let d = F.error(source, type) else { continue }
            #expect(d.code == "expression-too-large", "`\(source)`: \(d)")
            #expect(d.location?.column == 20 + offset, "`\(source)`: \(d)")
            #expect(d.text.zh == "公式里 `\(part)` 的值超出了能计算的范围（绝对值须小于 9.2×10¹⁸）", "`\(source)`")
            #expect(d.text.en == "the value of `\(part)` in the formula is beyond what kaimen computes (its magnitude must be below 9.2·10¹⁸)")
            #expect(d.hintText?.zh == "这一部分不含指标，对每个单位都超出范围：检查这些数字的位数")
        }
    }

    @Test("a constant part up to 2⁶³ − 1 folds")
    func bound() {
        // 3037000499² = 9 223 372 030 926 249 001 < 2⁶³ − 1.
        #expect(F.compile("3037000499 * 3037000499")?.folded == "9223372030926249001")
        // … + 5928526806 = 2⁶³ − 1, the largest value held.
        #expect(F.compile("3037000499 * 3037000499 + 5928526806")?.folded == "9223372036854775807")
        #expect(F.compile("-3037000499 * 3037000499 - 5928526806")?.folded == "-9223372036854775807")
    }

    /// 1 / 999999999989 / 999999999959 is 1 / 999999999948000000000451 (a prime product near
    /// 10²⁴): no 64-bit fraction holds it, and rounded to 18 places it was 10⁻¹⁸, a million
    /// times too large. Kept whole, the formula is worked out exactly.
    @Test("a constant part whose exact value does not fit 64 bits is kept whole, and the formula is exact")
    func notRounded() {
        let tiny = "(1 / 999999999989 / 999999999959)"
        #expect(F.compile("members * \(tiny)")?.folded == "members * (1/999999999989 / 999999999959)")
        // members × 1/(p q) × q × p = members: 3 for 3.
        #expect(F.evaluate("members * \(tiny) * 999999999959 * 999999999989", .number, ["members": "3"]) == .number(3))
        // members = p: p/(p q) = 1/q.
        #expect(F.evaluate("members * \(tiny)", .number, ["members": "999999999989"]) == .number(Rational(1, 999999999959)))
        // Conditions are decided on the exact value and folded: 1/(p q) × q = 1/p.
        #expect(F.compile("\(tiny) * 999999999959 = 1 / 999999999989", .boolean)?.folded == "true")
        #expect(F.compile("\(tiny) > 0", .boolean)?.folded == "true")
        // About 10⁻²⁴ against 1/999998999999000001, about 10⁻¹⁸.
        #expect(F.compile("\(tiny) >= 1 / 999999999999 / 999999", .boolean)?.folded == "false")
        #expect(F.compile("if true then \(tiny) else 1")?.folded == "1/999999999989 / 999999999959")
    }

    static let rules = """
    { "format": 1, "id": "probe", "title": "测试细则", "issuer": "测试区总工会", "version": "1",
      "effective": { "from": "2026-01-01" },
      "metrics": [ { "id": "a", "name": "甲", "kind": "count" } ],
      "areas": [ { "id": "x", "name": "方面", "points": 10 } ],
      "standards": [ { "id": "x.e1", "area": "x", "name": "公式一", "criteria": "测试。", "points": 10, "method": "expression",
                       "formula": "FORMULA" } ],
      "grades": [ { "name": "优秀", "min": 9 }, { "name": "不合格" } ] }
    """

    static func inputs(_ s: ScratchFolder, formula: String) throws -> [String] {
        try Data(rules.replacingOccurrences(of: "FORMULA", with: formula).utf8).write(to: s.url.appendingPathComponent("rules.jsonc"))
        try Data("id,name,category,a\nU1,一,企业,3\nU2,二,企业,7\nU3,三,企业,30\n".utf8).write(to: s.url.appendingPathComponent("units.csv"))
        try Data("id,name,group,units,role\nR1,代表,第1组,,职工代表\n".utf8).write(to: s.url.appendingPathComponent("roster.csv"))
        try Data("representative,unit,standard,score\n".utf8).write(to: s.url.appendingPathComponent("ballots.csv"))
        let f = s.url.path
        return ["--rules", "\(f)/rules.jsonc", "--units", "\(f)/units.csv", "--roster", "\(f)/roster.csv", "--ballots", "\(f)/ballots.csv"]
    }

    /// The formula is on line 6; `"formula": "` ends at column 31, so offset o is column 32 + o.
    @Test("rules check and score refuse a constant part beyond range, by both engines")
    func commandsRefuse() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let inputs = try Self.inputs(s, formula: "a + 999999999999 * 999999999999 * 999999999999")
        let check = EndToEndTests.run(["rules", "check", inputs[1]])
        #expect(check.code == .failure)
        // `a + ` is 4 scalars, the first `*` 13 more: offset 17, column 49.
        #expect(check.err.contains("rules.jsonc:6:49: 错误：公式里 `999999999999 * 999999999999` 的值超出了能计算的范围"), "\(check.err)")
        for engine in ["fast", "exact"] {
            let r = EndToEndTests.run(["score"] + inputs + ["--engine", engine, "--format", "csv"])
            #expect(r.code == .failure, "\(engine): \(r.out)")
            #expect(r.err.contains("expression-too-large") || r.err.contains("超出了能计算的范围"), "\(engine): \(r.err)")
        }
    }

    /// a × 1/(p q) × q × p = a, within [0, 10]: U1 3, U2 7, U3 30 → 10. With the constant
    /// rounded to 10⁻¹⁸ it was a × 10⁻¹⁸ × 10²⁴ ≈ a · 10⁶: every unit 10.
    @Test("a formula with a constant part that does not fit 64 bits scores exactly, by both engines")
    func exactScores() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let inputs = try Self.inputs(s, formula: "a * (1 / 999999999989 / 999999999959) * 999999999959 * 999999999989")
        for engine in ["fast", "exact"] {
            let r = EndToEndTests.run(["score"] + inputs + ["--engine", engine, "--format", "csv"])
            #expect(r.code == .success, "\(engine): \(r.err)")
            let rows = r.out.split(whereSeparator: \.isNewline).dropFirst(2).map { $0.split(separator: ",").map(String.init) }
            #expect(Set(rows.map { [$0[2], $0[5]] }) == [["U1", "3.00"], ["U2", "7.00"], ["U3", "10.00"]], "\(engine): \(rows)")
        }
    }
}
