import Testing
@testable import KaimenKit

@Suite("Open tie-break keys that touch another unit's are found, in whole 10⁻¹² or in fractions")
struct TieKeySettlingTests {
    /// The definition: an open key is found when its interval [lo, lo + spread × 10⁻¹²] meets
    /// another present key's of the same tie-break in the run (ends included).
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
                if meets { found.insert(u) }
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
                // Lower ends a few 10⁻¹² apart around 7.25, so that intervals meet often; a few missing.
                let m = Int64.random(in: 0 ... 12, using: &generator)
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

    @Test("worked by hand: 1/2 open by 2 reaches 1/2 + 2×10⁻¹², 1/2 + 3×10⁻¹² exact is beyond it, and a lone open key is not found",
          arguments: [Rational(1, 4), Rational(1, 3)])
    func byHand(_ alone: Rational) {
        let e = Rational(1, FixedInterval.scale)
        let half = Rational(1, 2)
        // Units 0 and 1 meet (0's interval ends where 1's starts); 2 is exact and apart; 3 is open
        // and alone, at a quarter (whole 10⁻¹²) or a third (fractions).
        let keys: [Rational?] = [half, half + e * Rational(2), half + e * Rational(3), alone]
        let spread: [UInt32] = [2, 0, 0, 5]
        #expect(Set(TieKeySettling.touching([0, 1, 2, 3][...], keys: keys, spread: spread, kc: 1)) == [0])
    }
}
