import Testing
@testable import KaimenKit

@Suite("Open tie-break keys that touch another unit's are found, in whole 10⁻¹² or in fractions")
struct TieKeySettlingTests {
    /// The definition: an open key is found when its interval [lo, lo + spread × 10⁻¹²] meets
    /// another present key's of the same tie-break in the run (ends included), or when its ends
    /// print differently at some place from 0 to 6 (rounded half away from zero, as
    /// `Rational.formatted` prints a tie note's values), or when it holds a whole number of
    /// 10⁻⁶ (where a value cut at six places changes its digits, and an exact one has no `…`:
    /// since 0.27.1).
    static func expected(_ run: [Int], keys: [Rational?], spread: [UInt32], kc: Int) -> Set<Int> {
        let width = Rational(1, FixedInterval.scale)
        var found = Set<Int>()
        for k in 0..<kc {
            for u in run where spread[u * kc + k] != 0 {
                guard let lo = keys[u * kc + k] else { continue }
                let hi = lo + width * Rational(Int(spread[u * kc + k]))
                let meets = run.contains { v in
                    guard v != u, let vlo = keys[v * kc + k] else { return false }
                    let vhi = vlo + width * Rational(Int(spread[v * kc + k]))
                    return vlo <= hi && lo <= vhi
                }
                let millionths = (0 ... 3).map { hi.rounded(places: 6) + Rational($0 - 1, 1_000_000) }
                let prints = (0 ... 6).contains { lo.formatted(places: $0) != hi.formatted(places: $0) }
                    || millionths.contains { lo <= $0 && $0 <= hi }
                if meets || prints { found.insert(u) }
            }
        }
        return found
    }

    @Test("random runs: as the definition, with every key a whole number of 10⁻¹² and with one a third among them",
          arguments: [false, true])
    func random(_ withThird: Bool) {
        var generator = SystemRandomNumberGenerator()
        let kc = 2
        for _ in 0 ..< 300 {
            let n = Int.random(in: 1 ... 12, using: &generator)
            var keys: [Rational?] = [], spread: [UInt32] = []
            for _ in 0 ..< n * kc {
                // Lower ends a few 10⁻¹² apart around 7.25, so that intervals meet often, and some
                // hold 7.25 itself (printed 7.2 below it, 7.3 from it); a few missing.
                let m = Int64.random(in: -6 ... 6, using: &generator)
                keys.append(Int.random(in: 0 ..< 8, using: &generator) == 0 ? nil : Rational(7_250_000_000_000 + m, FixedInterval.scale))
                spread.append(UInt32.random(in: 0 ... 3, using: &generator))
            }
            if withThird {
                // An exact key (width 0) of one unit, a fraction no 10⁻¹² can write.
                let u = Int.random(in: 0 ..< n, using: &generator), k = Int.random(in: 0 ..< kc, using: &generator)
                keys[u * kc + k] = Rational(29, 4) + Rational(1, 3 * FixedInterval.scale)
                spread[u * kc + k] = 0
            }
            let run = Array(0 ..< n)
            let found = Set(TieKeySettling.touching(run[...], keys: keys, spread: spread, kc: kc))
            #expect(found == Self.expected(run, keys: keys, spread: spread, kc: kc), "\(keys) \(spread)")
        }
    }

    /// 14.75 worked out through a twelfth is held as [14.749999999999, 14.750000000001]: at one
    /// place its ends print 14.7 and 14.8. 14.7 held so rounds to 14.7 at every place to 6
    /// (14.7, 14.70, …, 14.700000), but cut at six places its ends read 14.699999 and 14.700000
    /// (since 0.27.1 a note cuts two keys that read alike); 14.7 + 4×10⁻⁷ open by 2 (14.7000004)
    /// reads the same either way.
    @Test("worked by hand: an open key alone is settled when its ends print differently, and not otherwise")
    func printsDifferently() {
        let e = Rational(1, FixedInterval.scale)
        #expect(TieKeySettling.straddlesRounding(Rational(59, 4) - e, spread: 2))
        #expect(TieKeySettling.straddlesRounding(Rational(147, 10) - e, spread: 2))
        #expect(!TieKeySettling.straddlesRounding(Rational(147, 10) - e * Rational(3), spread: 2))
        // Starting at 14.7 itself: exact, it prints 14.700000 where two keys read alike; a hair
        // above, 14.700000…. Below zero too.
        #expect(TieKeySettling.straddlesRounding(Rational(147, 10), spread: 1))
        #expect(TieKeySettling.straddlesRounding(Rational(-147, 10), spread: 1))
        #expect(TieKeySettling.straddlesRounding(.zero, spread: 1))
        #expect(!TieKeySettling.straddlesRounding(Rational(147, 10) + e, spread: 1))
        #expect(!TieKeySettling.straddlesRounding(Rational(147, 10) + Rational(4, 10_000_000), spread: 2))
        // Half a millionth: the sixth place's rounding point; and the same below zero.
        #expect(TieKeySettling.straddlesRounding(Rational(147, 10) + Rational(5, 10_000_000) - e, spread: 1))
        #expect(TieKeySettling.straddlesRounding(Rational(-59, 4) - e, spread: 2))
        #expect(!TieKeySettling.straddlesRounding(Rational(59, 4) - e, spread: 0))
        // A key that is no whole number of 10⁻¹² (never an open one of the fast form), in fractions.
        #expect(!TieKeySettling.straddlesRounding(Rational(1, 3), spread: 5))
        #expect(TieKeySettling.straddlesRounding(Rational(59, 4) - Rational(1, 3) * e, spread: 1))
        // In fractions too: a third of 10⁻¹² below 2 reaches 2; below −2 it starts past −2.
        #expect(TieKeySettling.straddlesRounding(Rational(2) - Rational(1, 3) * e, spread: 1))
        #expect(!TieKeySettling.straddlesRounding(Rational(-2) + Rational(1, 3) * e, spread: 1))
        #expect(TieKeySettling.straddlesRounding(Rational(-2) - Rational(1, 3) * e, spread: 1))
        // In a run of two far apart, the key at 14.75 is settled, the other not.
        let keys: [Rational?] = [Rational(59, 4) - e, Rational(428_571_428_571, FixedInterval.scale)]
        #expect(TieKeySettling.touching([0, 1][...], keys: keys, spread: [2, 2], kc: 1) == [0])
    }

    @Test("worked by hand: 1/2 open by 2 reaches 1/2 + 2×10⁻¹², 1/2 + 3×10⁻¹² exact is beyond it, and a lone open key is not found",
          arguments: [Rational(250_000_000_007, FixedInterval.scale), Rational(1, 3)])
    func byHand(_ alone: Rational) {
        let e = Rational(1, FixedInterval.scale)
        let half = Rational(1, 2)
        // Units 0 and 1 meet (0's interval ends where 1's starts); 2 is exact and apart; 3 is open
        // and alone, 7×10⁻¹² above a quarter (a whole 10⁻¹², not of 10⁻⁶) or at a third (fractions).
        let keys: [Rational?] = [half, half + e * Rational(2), half + e * Rational(3), alone]
        let spread: [UInt32] = [2, 0, 0, 5]
        #expect(Set(TieKeySettling.touching([0, 1, 2, 3][...], keys: keys, spread: spread, kc: 1)) == [0])
    }
}
