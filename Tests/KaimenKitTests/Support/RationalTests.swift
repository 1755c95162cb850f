import Foundation
import Testing
@testable import KaimenKit

@Suite("Rational: exact decimal arithmetic")
struct RationalTests {
    func r(_ s: String) -> Rational { Rational(decimal: s)! }

    @Test("decimal text parses exactly")
    func parsing() {
        #expect(r("2.675") == Rational(2675, 1000))
        #expect(r("-3.50") == Rational(-7, 2))
        #expect(r("+0.125") == Rational(1, 8))
        #expect(r("1e3") == Rational(1000, 1))
        #expect(r("1.5E-2") == Rational(3, 200))
        #expect(r("007") == Rational(7, 1))
        for bad in ["", "-", ".", "abc", "1.2.3", "nan", "inf", "1e", "--1", "1,5"] {
            #expect(Rational(decimal: bad) == nil, "\(bad) should not parse")
        }
    }

    @Test("0.1 + 0.2 is exactly 0.3, and a long sum ties with its reordering")
    func exactSums() {
        #expect(r("0.1") + r("0.2") == r("0.3"))
        // 0.1 + 0.2 + … + 0.9 = 4.5 by Gauss: 0.1 × (9 × 10 / 2).
        var forward = Rational.zero
        var backward = Rational.zero
        for i in 1...9 { forward += r("0.\(i)") }
        for i in (1...9).reversed() { backward += r("0.\(i)") }
        #expect(forward == r("4.5"))
        #expect(backward == forward)
    }

    @Test("rounding is half away from zero at the given places")
    func rounding() {
        #expect(r("2.675").formatted(places: 2) == "2.68")
        #expect(r("89.995").formatted(places: 2) == "90.00")
        #expect(r("-1.005").formatted(places: 2) == "-1.01")
        #expect(r("2.665").formatted(places: 2) == "2.67")  // not banker's rounding (which gives 2.66)
        #expect(r("2.6749999").formatted(places: 2) == "2.67")
        #expect(r("0.5").formatted(places: 0) == "1")
        #expect(r("-0.5").formatted(places: 0) == "-1")
        #expect(r("0.004").formatted(places: 2) == "0.00")
        // 2/3 = 0.6666… → 0.67
        #expect(Rational(2, 3).formatted(places: 2) == "0.67")
        #expect(r("89.995").scaledInteger(places: 2) == 9000)
        #expect(r("2.675").rounded(places: 2) == r("2.68"))
    }

    @Test("comparison and division are exact")
    func comparison() {
        #expect(Rational(1, 3) < Rational(34, 100))
        #expect(Rational(1, 3) > Rational(333, 1000))
        // 9/10 reaches the 0.9 threshold exactly (in binary floating point 0.9 is not 9/10).
        #expect(Rational(9).divided(by: Rational(10))! >= r("0.9"))
        #expect(Rational(7).divided(by: .zero) == nil)
        #expect(r("0.6") * r("5") == Rational(3))
    }

    @Test("plain text echoes a rule's own numbers without noise")
    func plainText() {
        #expect(r("0.90").plainText() == "0.9")
        #expect(r("12").plainText() == "12")
        #expect(r("-0.5").plainText() == "-0.5")
        #expect(Rational(1, 3).plainText(maxPlaces: 4) == "0.3333")
    }

    @Test("fixed and plain decimal text agree with Python's decimal module, on the 64-bit and the 128-bit path")
    func decimalTextAgainstPython() throws {
        // Cases and expected texts from Fixtures/reference/rational-text/make.py (decimal, ROUND_HALF_UP).
        let text = try String(contentsOf: Fixtures.url("reference/rational-text/cases.tsv"), encoding: .utf8)
        var checked = 0
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t").map(String.init)
            let value = Rational(Int64(f[0])!, Int64(f[1])!), places = Int(f[2])!
            #expect(value.formatted(places: places) == f[3], "\(f[0])/\(f[1]) at \(places)")
            #expect(value.plainText(maxPlaces: places) == f[4], "\(f[0])/\(f[1]) plain at \(places)")
            checked += 1
        }
        #expect(checked > 400)
        #expect(Rational.formatScaled(Int64.min, places: 2) == "-92233720368547758.08")
        #expect(Rational(integer: Int64.min).plainText(maxPlaces: 0) == "-9223372036854775808")
    }

    @Test("a result too wide for 64 bits is approximated, and says so")
    func overflowFallsBackToDecimal() {
        // 1/p1 + 1/p2 + 1/p3 with three large primes has a denominator near 10^27.
        let a = Rational(1, 999_999_937) + Rational(1, 999_999_929) + Rational(1, 999_999_893)
        #expect(a.approximated)
        // The true value is about 3.0000003e-9; the approximation keeps 18 places.
        #expect(a.formatted(places: 12) == "0.000000003000")
        #expect(!(Rational(1, 3) + Rational(1, 6)).approximated)
    }

    /// Found by a hostile test in session 41: a fraction past about 10^20 times the scale was
    /// multiplied by the scale in 128 bits, which overflowed, so a numerator near 10^36 was
    /// rounded to one decimal (a unit's total 79.28 by the exact form and the score sheets,
    /// 79.30 by the fast form and by Python's fractions). Expected values from Python:
    ///
    ///     from fractions import Fraction as F
    ///     def rto(n, d):                      # toward zero, made odd when anything is left over
    ///         q, r = divmod(abs(n), d); q += bool(r) and q % 2 == 0; return q if n >= 0 else -q
    ///     def wide(n, d):                     # the finest 10^s, s <= 18, whose quotient fits Int64
    ///         x = F(n, d)
    ///         for s in range(18, -1, -1):
    ///             q = rto(x.numerator * 10**s, x.denominator)
    ///             if abs(q) <= 2**63 - 1: f = F(q, 10**s); return f.numerator, f.denominator
    @Test("a fraction too wide for 64 bits keeps 18 places however wide its parts, rounded to odd",
          arguments: [
              // A sum of three standards' points from a unit's metrics of twelve digits and six places (111 and 108 bits).
              ("1596893204653869200116312325387549", "182894919323613312678342870459069", Int64(8_731_205_932_671_835_047), Int64(1_000_000_000_000_000_000)),
              ("-1596893204653869200116312325387549", "182894919323613312678342870459069", -8_731_205_932_671_835_047, 1_000_000_000_000_000_000),
              // 2^126 − 1 over 3·2^124 + 1: 124 and 123 bits once reduced by their common 7 (the old code kept one decimal, 13/10).
              ("85070591730234615865843651857942052863", "63802943797675961899382738893456539649", 1_333_333_333_333_333_333, 1_000_000_000_000_000_000),
              // Half a unit of the 18th place past an even digit: made odd, either sign.
              ("10000000000000000001", "2000000000000000000", 5_000_000_000_000_000_001, 1_000_000_000_000_000_000),
              ("-10000000000000000001", "2000000000000000000", -5_000_000_000_000_000_001, 1_000_000_000_000_000_000),
              // Far below the 18th place: not zero, but its last digit made odd, 10⁻¹⁸.
              ("7", "1000000000000000000000000000003", 1, 1_000_000_000_000_000_000),
          ])
    func wideFractionsKeepTheirPlaces(n: String, d: String, numerator: Int64, denominator: Int64) throws {
        let r = Rational(wide: try #require(Int128(n)), try #require(Int128(d)), approximated: false)
        #expect(r.numerator == numerator && r.denominator == denominator, "\(r.numerator)/\(r.denominator)")
        #expect(r.approximated)
    }

    @Test("a value whose whole part does not fit 64 bits is out of range (clamped); one that rounds into it is not")
    func outOfRange() throws {
        // 10¹⁹ is past Int64.max (9 223 372 036 854 775 807); 9·10¹⁸ + ½ rounds (to odd) to 9·10¹⁸ + 1, which fits.
        let over = Rational(wide: Int128(10_000_000_000_000_000_000 as UInt64), 1, approximated: false)
        #expect(over.outOfRange && over.approximated && over.numerator == Int64.max)
        let under = Rational(wide: -Int128(10_000_000_000_000_000_000 as UInt64), 1, approximated: false)
        #expect(under.outOfRange && under.numerator == Int64.min + 1)
        let product = Rational(3_100_000_000) * Rational(3_100_000_000)
        #expect(product.outOfRange)
        let fits = Rational(3_037_000_499) * Rational(3_037_000_499)
        #expect(!fits.outOfRange && !fits.approximated && fits.numerator == 9_223_372_030_926_249_001)
        let half = Rational(wide: Int128(18_000_000_000_000_000_001 as UInt64), 2, approximated: false)
        #expect(!half.outOfRange && half.approximated && half.numerator == 9_000_000_000_000_000_001 && half.denominator == 1)
    }

    @Test("the binary gcd agrees with Euclid's, and fractions reduce the same on both paths")
    func binaryGCD() {
        func euclid(_ a: UInt64, _ b: UInt64) -> UInt64 { b == 0 ? a : euclid(b, a % b) }
        var random = SplitMix64(seed: 11)
        let edges: [UInt64] = [0, 1, 2, 3, 12, 18, 1 << 63, UInt64.max, UInt64.max - 1, 1_000_000_007]
        for a in edges { for b in edges { #expect(Rational.gcd64(a, b) == euclid(a, b), "\(a), \(b)") } }
        for _ in 0..<2000 {
            let a = random.next() >> (random.next() % 64), b = random.next() >> (random.next() % 64)
            #expect(Rational.gcd64(a, b) == euclid(a, b), "\(a), \(b)")
        }
        // 64-bit path and 128-bit path give the same reduced fraction; signs go to the numerator.
        #expect(Rational(6, -4) == Rational(wide: Int128(6) << 64, -(Int128(4) << 64), approximated: false))
        #expect(Rational(6, -4).numerator == -3 && Rational(6, -4).denominator == 2)
        #expect(Rational(Int64.min + 1, Int64.max).numerator == -1)
    }
}
