import Testing
@testable import KaimenKit

/// The fast form's rounding at every precision, against the exact form's, and the powers of
/// ten the scorer's inner loops use.
@Suite("Fast-form rounding at every precision; powers of ten")
struct FixedRoundingTests {
    @Test("power10(n) is 10^n for n = 0 … 18, the same as the table")
    func powers() {
        var p: Int64 = 1
        for n in 0...18 {
            #expect(BulkData.power10(n) == p && BulkData.pow10[n] == p, "\(n)")
            if n < 18 { p *= 10 }
        }
        #expect(BulkData.power10(19) == 0 && BulkData.power10(-1) == 0)
    }

    @Test("a ** b is the product or nil on overflow, as the standard library's checked product says, at 64- and 128-bit edges")
    func checkedProduct() {
        let i64max = Int128(Int64.max), i64min = Int128(Int64.min)
        let edges: [Int128] = [0, 1, -1, 2, -2, 10, 1_000_000_000_000, -999_999_999_999, i64max, i64min, i64max + 1, i64min - 1,
                               i64max - 1, i64min + 1, Int128(1) << 64, -(Int128(1) << 64), (Int128(1) << 64) + 1, Int128(3) << 62,
                               Int128(1) << 100, Int128.max, Int128.min, Int128.max - 1, Int128.min + 1, Int128(UInt64.max)]
        var checked = 0
        for a in edges {
            for b in edges {
                let (p, o) = a.multipliedReportingOverflow(by: b)
                #expect(a ** b == (o ? nil : p), "\(a) × \(b)")
                checked += 1
            }
        }
        #expect(checked == edges.count * edges.count)
        // Within 64 bits the product is exact even at the extremes: (2^63 − 1)² and (−2^63)².
        #expect(i64max ** i64max == (Int128(1) << 126) - (Int128(1) << 64) + 1)
        #expect(i64min ** i64min == Int128(1) << 126)
        #expect(i64min ** i64max == -(Int128(1) << 126) + (Int128(1) << 63))
    }

    /// Values in the fast form's units (10^−12) around rounding boundaries at every precision:
    /// each half, one unit either side of it, zero and negatives.
    static let values: [Int64] = {
        var v: [Int64] = [0, 1, -1, 7_123_456_789_012, -7_123_456_789_012, 96_198_421_052_631]
        for places in 0...11 {
            let half = BulkData.pow10[12 - places] / 2
            for k: Int64 in [1, 3, 12_345] {
                for d: Int64 in [-1, 0, 1] { v += [k * 2 * half + half + d, -(k * 2 * half + half + d)] }
            }
        }
        return v
    }()

    @Test("a point rounds as the exact value does, half away from zero, at 0 … 11 places", arguments: 0...11)
    func points(places: Int) {
        for x in Self.values {
            let exact = Rational(x, FixedInterval.scale).rounded(places: places)
            let fast = FixedInterval(lo: x, hi: x).roundedScaled(places: places)
            #expect(fast.map { Rational($0, BulkData.pow10[places]) } == exact, "\(x) at \(places)")
        }
    }

    @Test("an interval that straddles a boundary is left to the exact form", arguments: [2, 5, 6, 8])
    func straddles(places: Int) {
        let half = BulkData.pow10[12 - places] / 2
        #expect(FixedInterval(lo: 3 * half - 1, hi: 3 * half).roundedScaled(places: places) == nil)
        #expect(FixedInterval(lo: 3 * half, hi: 3 * half + 5).roundedScaled(places: places) == 2)
    }

    /// The minimum of x in [lo₁, hi₁] and y in [lo₂, hi₂] lies in [min(lo₁, lo₂), min(hi₁, hi₂)]
    /// whichever is the smaller: apart, the lower interval; overlapping, a cap that may or may
    /// not bite (x = 5…7 against y = 6: the minimum is 5…6); a value and its cap each a hair
    /// around the same point (the case that fell back before 0.29.7).
    @Test("the smaller of two intervals always holds the exact minimum, overlapping or not")
    func minimum() {
        func iv(_ lo: Int64, _ hi: Int64) -> FixedInterval { FixedInterval(lo: lo, hi: hi) }
        #expect(FixedInterval.minimum(iv(1, 2), iv(5, 9)) == iv(1, 2))
        #expect(FixedInterval.minimum(iv(5, 9), iv(1, 2)) == iv(1, 2))
        #expect(FixedInterval.minimum(iv(5, 7), iv(6, 6)) == iv(5, 6))
        #expect(FixedInterval.minimum(iv(6, 6), iv(5, 7)) == iv(5, 6))
        let cap = 10 * FixedInterval.scale
        #expect(FixedInterval.minimum(iv(cap - 3, cap + 2), iv(cap - 1, cap)) == iv(cap - 3, cap))
        #expect(FixedInterval.minimum(iv(cap - 3, cap + 2), iv(cap - 1, cap))?.roundedScaled(places: 2) == 1000)
        #expect(FixedInterval.minimum(iv(-4, -2), iv(-3, 1)) == iv(-4, -2))
    }
}
