import Foundation
import Testing
@testable import KaimenKit

/// Units whose exact arithmetic does not fit 64-bit fractions, a hair below a rounding point.
/// Before 0.27.0 such a value was rounded to odd at every step that did not fit, and two such
/// roundings in a row could carry it across the point: both cases below scored 0.01 too much,
/// and the grade above them. Now a unit that meets such a value is scored in fractions of any
/// size (`BigFraction`), by every number form and in `explain`.
///
/// The metric values were found, and the right totals worked out, by
/// `Fixtures/reference/unbounded/find_case.py` (Python's `fractions`; the script also models
/// the old rounding, which gave 1.01 and 10.01).
@Suite("A unit beyond 64-bit fractions is scored exactly, not rounded step by step")
struct UnboundedFractionTests {
    static func rules(metrics: [String], points: Int, grade: String, standards: [(id: String, points: Int, formula: String)]) -> String {
        let m = metrics.map { #"{ "id": "\#($0)", "name": "指标\#($0)", "kind": "number" }"# }.joined(separator: ", ")
        let s = standards.map {
            #"{ "id": "s.\#($0.id)", "area": "s", "name": "标准\#($0.id)", "criteria": "按公式。", "points": \#($0.points), "method": "expression", "formula": "\#($0.formula)" }"#
        }.joined(separator: ", ")
        return """
        { "format": 1, "id": "x", "title": "极端值", "issuer": "测试", "version": "1", "effective": { "from": "2014-01-01" },
          "metrics": [ \(m) ], "areas": [ { "id": "s", "name": "方面", "points": \(points) } ], "standards": [ \(s) ],
          "grades": [ { "name": "合格", "min": \(grade) }, { "name": "不合格" } ] }
        """
    }

    /// One formula: a/b + c/d − c/d is exactly a/b = 1.005 − 1/B (B = 994999999999999800).
    static let formula = TestSession(
        rules: rules(metrics: ["a", "b", "c", "d"], points: 10, grade: "1.01", standards: [("f", 10, "a / b + c / d - c / d")]),
        units: "id,name,a,b,c,d\nU1,甲,999974999999.999798,994999999999.9998,857559351686.731732,36986586243.973859\nU2,乙,1,1,1,1\n")

    /// Three standards in one area, each a ratio that fits: a/b + c/d + e/d = a/b + 10 =
    /// 10.005 − 1/B (B = 999999999999999800); the sum of the first two does not fit.
    static let areaSum = TestSession(
        rules: rules(metrics: ["a", "b", "c", "d", "e"], points: 21, grade: "10.01",
                     standards: [("a", 1, "a / b"), ("c", 10, "c / d"), ("e", 10, "e / d")]),
        units: "id,name,a,b,c,d,e\nU1,甲,4999999999.999998,999999999999.9998,880346505995.368922,92273520189.462264,42388695899.253718\nU2,乙,1,1,1,1,1\n")

    @Test("the total and grade by every form, the trace and the checked pipeline", arguments: [
        (formula, Int64(100), Rational(499987499999999899, 497499999999999900)),
        (areaSum, Int64(1000), Rational(5002499999999998999, 499999999999999900)),
    ])
    func exactTotal(_ session: TestSession, total: Int64, exact: Rational) throws {
        let s = try session.run()
        let engine = Engine(plan: s.plan)
        let columns = MetricColumns.from(s.table)
        let ballots = BallotColumns.from(s.ballots, unitCount: s.table.units.count)
        for form in [Engine.NumberForm.fast, .exact] {
            let (table, stats) = engine.score(columns, ballots, form: form, threads: 2)
            #expect(table.total[0] == total, "\(form)")
            #expect(table.gradeByTotal[0] == 1, "\(form): 不合格")
            #expect(stats.unbounded == 1, "\(form): only U1 needs fractions of any size")
            #expect(stats.fallbacks == (form == .fast ? 1 : 0))
        }
        #expect(s.report.scores.total[0] == total)
        #expect(s.report.scores.grade[0] == 1)
        let traced = try #require(engine.trace([0], columns, ballots).first)
        #expect(traced.total == Rational(total, 100))
        // The sum itself fits once reduced (Python's value): the trace shows it exactly.
        #expect(traced.exactTotal == exact && !traced.exactTotal.approximated)
        // U2 fits: no unbounded fractions.
        #expect(engine.trace([1], columns, ballots).first?.exactTotal.approximated == false)
    }

    /// Two units with the same total whose tie-break key, `a / b + c / d`, does not fit 64 bits
    /// and differs by about 10⁻¹⁸ (U2's `a` is 10⁻⁶ more): held rounded to odd, the keys are the
    /// same number (Python: both 1559136529725339753/10¹⁸), and the units shared a rank.
    static let tiedKeys = TestSession(
        rules: rules(metrics: ["a", "b", "c", "d"], points: 10, grade: "1", standards: [("k", 10, "a / b + c / d")])
            .replacingOccurrences(of: #""grades""#, with: #""ranking": { "precision": 2, "tieBreak": [ { "by": "standard", "id": "s.k" } ] }, "grades""#),
        units: "id,name,a,b,c,d\nU1,甲,853282935278.009643,999999999999.999999,705853594439.565745,999999999989.000037\n"
            + "U2,乙,853282935278.009644,999999999999.999999,705853594439.565745,999999999989.000037\n")

    @Test("tie-break keys beyond 64 bits are compared exactly, by every form")
    func tieBreak() throws {
        let s = try Self.tiedKeys.run()
        let engine = Engine(plan: s.plan)
        let columns = MetricColumns.from(s.table)
        let ballots = BallotColumns.from(s.ballots, unitCount: s.table.units.count)
        for form in [Engine.NumberForm.fast, .exact] {
            var (table, stats) = engine.score(columns, ballots, form: form, threads: 2)
            #expect(stats.unbounded == 2)
            #expect(table.total == [156, 156])
            #expect(table.tieKeys[0] == table.tieKeys[1] && table.tieKeys[0]!.approximated, "rounded to odd alike")
            _ = Ranker.rank(&table, rules: s.rules, categories: s.table.units.map(\.category))
            #expect(table.rank == [2, 1], "\(form): U2's key is larger")
        }
        #expect(s.report.scores.rank == [2, 1])
    }

    /// −2⁶³ fits an `Int64` but has no negation there: a `Rational` held it (from a product or a
    /// sum of whole numbers, or a fraction such as −2⁶³/3), and negating it gave 2⁶³ − 1. A
    /// hostile test (session 42) found `0 - (0 - a) / 3 * b - c * d` at 0.33 by every form; it
    /// is 2/3 (Python: `0 - (0 - F(2**32)) / 3 * 2**31 - 1431655766 * 2147483647`). Now such a
    /// value does not fit, and the unit goes to fractions of any size; a value of exactly −2⁶³
    /// is beyond ±(2⁶³ − 1), not assessed.
    @Test("−2⁶³ on the way is not negated into 2⁶³ − 1")
    func minimumInteger() throws {
        let product = Rational(integer: -4_294_967_296) * Rational(integer: 2_147_483_648)
        #expect(product.outOfRange)
        #expect((Rational(integer: -4_294_967_296).divided(by: Rational(integer: 3))! * Rational(integer: 2_147_483_648)).approximated)
        #expect((Rational(integer: Int64.min + 1) - Rational(integer: 1)).outOfRange)
        #expect((-Rational(integer: Int64.min)).outOfRange)
        let session = TestSession(
            rules: Self.rules(metrics: ["a", "b", "c", "d"], points: 2, grade: "1",
                              standards: [("n", 1, "0 - (0 - a) / 3 * b - c * d"), ("m", 1, "(0 - a) * b / d / d + 5")]),
            units: "id,name,a,b,c,d\nU1,甲,4294967296,2147483648,1431655766,2147483647\n")
        let s = try session.run()
        let engine = Engine(plan: s.plan)
        let (columns, ballots) = (MetricColumns.from(s.table), BallotColumns.from(s.ballots, unitCount: 1))
        for form in [Engine.NumberForm.fast, .exact] {
            let (table, _) = engine.score(columns, ballots, form: form)
            // 2/3 → 0.67; the second formula is −2⁶³ on the way: not assessed, 0 points.
            #expect(table.total[0] == 67, "\(form)")
            #expect(table.events.map(\.status) == [.notAssessable(.valueTooLarge)], "\(form)")
        }
    }

    @Test("the command line prints it and counts it in --timings")
    func commandLine() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let inputs = try Self.areaSum.written(to: s)
        let r = EndToEndTests.run(["score"] + inputs + ["--engine", "fast", "--format", "csv", "--quiet", "--timings"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.out.contains(",U1,甲,未分类,10.00,不合格,"), "\(r.out)")
        #expect(r.err.contains("fallbacks\t1\nsettled\t0\nunbounded\t1"), "\(r.err)")
        let explained = EndToEndTests.run(["explain", "U1"] + inputs + ["--lang", "en"])
        #expect(explained.out.contains("rounded half away from zero to 2 places: 10.00"), "\(explained.out)")
    }

    @Test("a formula's condition on such a value is decided exactly")
    func condition() throws {
        let names = FormulaNames(slots: ["a": 0, "b": 1, "c": 2, "d": 3])
        let f = try CompiledFormula.compile("a / b + c / d - c / d >= 1.005", expecting: .boolean, names: names) { _ in KaimenKit.SourceLocation(file: "t.jsonc", line: 1, column: 1) }.get()
        let values = ["999974999999.999798", "994999999999.9998", "857559351686.731732", "36986586243.973859"].map { Rational(decimal: $0)! }
        #expect(f.evaluate { values[$0] } == .boolean(false))
        let n = try CompiledFormula.compile("a / b + c / d - c / d", expecting: .number, names: names) { _ in KaimenKit.SourceLocation(file: "t.jsonc", line: 1, column: 1) }.get()
        // Exactly a/b, which fits once reduced (Python: 499987499999999899/497499999999999900).
        #expect(n.evaluate { values[$0] } == .number(Rational(499987499999999899, 497499999999999900)))
    }
}
