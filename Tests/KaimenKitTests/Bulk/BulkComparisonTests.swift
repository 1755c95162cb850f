import Testing
@testable import KaimenKit

/// A formula that compares one metric with a constant is decided on the column's integers;
/// it must say exactly what running the formula on exact numbers says.
@Suite("Bulk comparisons agree with the formulas they stand for")
struct BulkComparisonTests {
    @Test("every operator, constants with and without decimals, metrics at several scales",
          arguments: ["members > 0", "members >= 0.5", "members < -1.25", "members <= 3", "members = 2.5", "members != 0", "members >= 1/3"])
    func agrees(_ source: String) throws {
        let f = try #require(FormulaFixture.compile(source, .boolean))
        for scale in [0, 1, 2, 4] {
            var scales = [Int](repeating: 0, count: FormulaFixture.slots.count)
            scales[0] = scale
            let c = try #require(FormulaComparison(f, scales: scales), "`\(source)` is a simple comparison")
            for m in Int64(-400)...400 {
                let exact = f.evaluate { $0 == 0 ? Rational(m, BulkData.pow10[scale]) : nil }
                #expect(exact == .boolean(c.result(m)), "\(source) with mantissa \(m) at scale \(scale)")
            }
        }
    }

    @Test("anything else is left to the formula", arguments: ["members + 1 > 0", "0 < members", "members > workers", "members > 0 and workers > 0"])
    func notSimple(_ source: String) throws {
        let f = try #require(FormulaFixture.compile(source, .boolean))
        #expect(FormulaComparison(f, scales: [Int](repeating: 0, count: FormulaFixture.slots.count)) == nil)
    }
}
