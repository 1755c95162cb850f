import Foundation
import Testing
@testable import KaimenKit

/// Integers and fractions of any size against Python's, case by case: the cases and their
/// expected values come from `Fixtures/reference/big-integer/make.py` (Python's integers and
/// `fractions`), with Algorithm D's corners (all-ones and zero limbs, Hacker's Delight's
/// add-back cases) among them.
@Suite("Integers and fractions of any size agree with Python's")
struct BigIntegerTests {
    static func cases(_ kind: String) throws -> [[String]] {
        let text = try String(contentsOf: Fixtures.url("reference/big-integer/cases.tsv"), encoding: .utf8)
        return text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }.filter { $0[0] == kind }
    }

    static func big(_ text: String) -> BigInteger { BigInteger(decimal: text)! }

    @Test("sums, differences, products, quotients, remainders and greatest common divisors")
    func integers() throws {
        let cases = try Self.cases("int")
        #expect(cases.count > 600)
        for f in cases {
            let (a, b) = (Self.big(f[1]), Self.big(f[2]))
            #expect(a.description == f[1] && b.description == f[2], "decimal text \(f[1]) \(f[2])")
            #expect((a + b).description == f[3], "\(f[1]) + \(f[2])")
            #expect((a - b).description == f[4], "\(f[1]) - \(f[2])")
            #expect((a * b).description == f[5], "\(f[1]) * \(f[2])")
            #expect(BigInteger.gcd(a, b)?.description == f[8], "gcd(\(f[1]), \(f[2]))")
            guard !b.isZero else { continue }
            let (q, r) = BigInteger.quotientAndRemainder(a, b)
            #expect(q.description == f[6] && r.description == f[7], "\(f[1]) ÷ \(f[2])")
        }
    }

    @Test("order and the values that fit 128 bits")
    func orderAndFit() {
        let values = ["-340282366920938463463374607431768211456", "-170141183460469231731687303715884105728", "-4294967296", "-1", "0", "1",
                      "4294967295", "170141183460469231731687303715884105727", "170141183460469231731687303715884105728"].map(Self.big)
        for (i, a) in values.enumerated() {
            for (j, b) in values.enumerated() {
                #expect(BigInteger.compare(a, b) == (i < j ? -1 : i == j ? 0 : 1), "\(a) vs \(b)")
            }
        }
        #expect(values[1].int128 == Int128.min && values[7].int128 == Int128.max)
        #expect(values[0].int128 == nil && values[8].int128 == nil)
        #expect(BigInteger(Int128.min).description == "-170141183460469231731687303715884105728")
        #expect(BigInteger(magnitude: UInt128.max).description == "340282366920938463463374607431768211455")
        #expect(BigInteger(decimal: "-") == nil && BigInteger(decimal: "1x") == nil && BigInteger(decimal: "") == nil)
        #expect(BigInteger(decimal: "-0") == .zero && !BigInteger(decimal: "-0")!.negative)
    }

    @Test("fractions rounded half away from zero at 0 to 6 places, as an integer count")
    func rounding() throws {
        let cases = try Self.cases("frac")
        #expect(cases.count > 300)
        for f in cases {
            let x = BigFraction(Self.big(f[1]), Self.big(f[2])), places = Int(f[3])!
            #expect(x.scaledInteger(places: places) == Int64(f[4])!, "\(f[1])/\(f[2]) at \(places)")
            #expect(BigFraction.compare(x.rounded(places: places), BigFraction(Self.big(f[4]), BigInteger.power10(places))) == 0)
        }
    }

    @Test("a fraction as a Rational: exact when it fits, else rounded to odd at the finest power of ten")
    func toOdd() throws {
        let cases = try Self.cases("odd")
        #expect(cases.count > 300)
        for f in cases {
            let r = BigFraction(Self.big(f[1]), Self.big(f[2])).rational
            if f[3] == "out" {
                #expect(r.outOfRange, "\(f[1])/\(f[2])")
                continue
            }
            let parts = f[3].split(separator: "/").map(String.init)
            #expect(r.numerator == Int64(parts[0])! && r.denominator == Int64(parts[1])! && !r.outOfRange, "\(f[1])/\(f[2]): \(r.numerator)/\(r.denominator)")
            let exact = Rational.approximating(Self.big(f[1]), Self.big(f[2]))
            #expect(exact == r)
            // Approximated exactly when Python had to round.
            let fits = BigInteger.compare(Self.big(f[1]) * Self.big(parts[1]), Self.big(f[2]) * Self.big(parts[0])) == 0
            #expect(r.approximated == !fits, "\(f[1])/\(f[2])")
        }
    }

    /// `beyondRational` tells most values from their sizes; around the bound it multiplies out.
    /// Checked against that product (n > (2⁶³ − 1)·d, by `BigInteger`'s own multiplication,
    /// which the Python cases above check) for denominators of 1 to 300 bits and numerators a
    /// little either side of the bound and a few bits away.
    @Test("beyond ±(2⁶³ − 1): told by sizes where they decide, by the product near the bound")
    func beyondRationalBound() {
        var generator = QuickPassHostileTests.SplitMix(state: 20261206)
        let bound = BigInteger(Int64.max)
        for bits in 1...300 {
            var limbs = (0..<((bits + 31) / 32)).map { _ in UInt32.random(in: 0...UInt32.max, using: &generator) }
            let top = bits % 32 == 0 ? 32 : bits % 32
            limbs[limbs.count - 1] = (limbs[limbs.count - 1] >> UInt32(32 - top)) | (1 << UInt32(top - 1))
            let d = BigInteger(limbs: limbs, negative: false)
            let edge = bound * d
            for shift in [-3, -2, -1, 0, 1, 2, 3] {
                for delta in [-1, 0, 1] {
                    var n = shift >= 0 ? edge * BigInteger(Int64(1) << shift) : BigInteger.quotientAndRemainder(edge, BigInteger(Int64(1) << -shift)).quotient
                    n = n + BigInteger(Int64(delta))
                    let expected = BigInteger.compare(n, edge) > 0
                    #expect(BigFraction(n, d).beyondRational == expected, "\(bits) bits, shift \(shift), delta \(delta)")
                    #expect(BigFraction(-n, d).beyondRational == expected)
                }
            }
        }
    }

    @Test("a value cut at 10⁻⁴⁰ never orders two values otherwise than they are; closer ones go to the exact comparison")
    func truncatedOrder() throws {
        #expect(BigFraction(Rational(-1, 3)).truncated(places: 5).description == "-33333")
        #expect(BigFraction(Rational(2, 3)).truncated(places: 5).description == "66666")
        let fractions = try Self.cases("odd").map { BigFraction(Self.big($0[1]), Self.big($0[2])) }
        for (a, b) in zip(fractions, fractions.dropFirst()) {
            let cut = BigInteger.compare(a.truncated(places: 40), b.truncated(places: 40))
            if cut != 0 { #expect(cut == BigFraction.compare(a, b), "\(a) vs \(b)") }
        }
        // Two tie-break keys 10⁻⁴⁵ apart, both rounded to odd alike as Rationals: the cuts at
        // 10⁻⁴⁰ are equal, and the exact comparison orders them.
        let one = BigFraction(Rational(1, 3)), tiny = BigFraction(BigInteger.one, BigInteger.power10(45))
        let (a, b) = (one + tiny, one + tiny + tiny)
        var table = ScoreTable(unitCount: 2, areaCount: 0, standardCount: 0, precision: 2, tieBreaks: 1, width: .short)
        table.tieKeys = [a.rational, b.rational]
        table.wideTieKeys = [0: a, 1: b]
        #expect(a.rational == b.rational && a.rational.approximated)
        #expect(a.truncated(places: 40) == b.truncated(places: 40))
        #expect(table.compareTieKeys(0, 0, 1) == -1 && table.compareTieKeys(0, 1, 0) == 1 && table.compareTieKeys(0, 1, 1) == 0)
    }

    @Test("comparisons cross-multiply: equal values with other denominators are equal")
    func fractionOrder() {
        let third = BigFraction(BigInteger(Int64(1)), BigInteger(Int64(3)))
        let same = BigFraction(Self.big("100000000000000000000000000000"), Self.big("300000000000000000000000000000"))
        #expect(BigFraction.compare(third, same) == 0)
        #expect(BigFraction.compare(-third, same) == -1 && BigFraction.compare(same, -third) == 1)
        #expect(BigFraction(BigInteger(Int64(1)), BigInteger(Int64(-3))).isNegative)
        #expect(BigFraction.compare(third + same, BigFraction(BigInteger(Int64(2)), BigInteger(Int64(3)))) == 0)
        #expect(third.divided(by: .zero) == nil)
        #expect(BigFraction(Rational(integer: Int64.max)).beyondRational == false)
        #expect((BigFraction(Rational(integer: Int64.max)) + BigFraction(Rational(1, 10))).beyondRational)
        #expect((BigFraction(Rational(integer: -Int64.max)) - BigFraction(Rational(1, 10))).beyondRational)
    }
}
