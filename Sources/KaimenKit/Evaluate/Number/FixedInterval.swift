/// A closed interval of fixed-point values at scale 10^12 that surely holds an exact value.
///
/// The bulk scorer turns each exact term n/d into ⌊n·10¹²/d⌋ (one hardware division) and adds
/// intervals; rounding at the rules' precision (at most 6 places) is then decided exactly unless
/// a rounding boundary falls inside the interval, in which case the unit is scored again by the
/// checked path with exact fractions. So no result ever depends on the fixed-point error.
struct FixedInterval: Equatable, Sendable {
    static let scaleDigits = 12
    static let scale: Int64 = 1_000_000_000_000

    var lo: Int64
    var hi: Int64

    static let zero = FixedInterval(lo: 0, hi: 0)

    init(lo: Int64, hi: Int64) {
        self.lo = lo
        self.hi = hi
    }

    /// Exactly `v` (already at scale 10^12).
    init(exact v: Int64) { lo = v; hi = v }

    /// n/d for 0 ≤ n, 0 < d; `nil` on overflow.
    init?(_ n: UInt64, _ d: UInt64) {
        let p = n.multipliedFullWidth(by: UInt64(FixedInterval.scale))
        guard p.high < d else { return nil }
        // A product that fits 64 bits (n below 1.8 × 10⁷, the usual case) takes the processor's
        // one division; a 128-bit dividend takes a library call some fifty instructions long.
        let (q, r) = p.high == 0 ? p.low.quotientAndRemainder(dividingBy: d) : d.dividingFullWidth(p)
        guard q <= UInt64(Int64.max - 1) else { return nil }
        lo = Int64(q)
        hi = r == 0 ? lo : lo + 1
    }

    /// An exact rational ≥ 0; `nil` on overflow.
    init?(_ r: Rational) {
        guard !r.isNegative else {
            guard let m = FixedInterval(UInt64(r.numerator.magnitude), UInt64(r.denominator)) else { return nil }
            self.init(lo: -m.hi, hi: -m.lo)
            return
        }
        self.init(UInt64(r.numerator), UInt64(r.denominator))
    }

    var isExact: Bool { lo == hi }

    static func + (a: FixedInterval, b: FixedInterval) -> FixedInterval {
        FixedInterval(lo: a.lo &+ b.lo, hi: a.hi &+ b.hi)
    }

    static func - (a: FixedInterval, b: FixedInterval) -> FixedInterval {
        FixedInterval(lo: a.lo &- b.hi, hi: a.hi &- b.lo)
    }

    /// Multiplied by a / b (a ≥ 0, b > 0); `nil` on overflow.
    func scaled(_ a: Int64, _ b: Int64) -> FixedInterval? {
        func mul(_ x: Int64, up: Bool) -> Int64? {
            let p = Int128(x) * Int128(a)
            var q = p / Int128(b)
            if up && p % Int128(b) != 0 && p > 0 { q += 1 }
            if !up && p % Int128(b) != 0 && p < 0 { q -= 1 }
            return Int64(exactly: q)
        }
        guard let l = mul(lo, up: false), let h = mul(hi, up: true) else { return nil }
        return FixedInterval(lo: l, hi: h)
    }

    /// Rounded half away from zero to `places` (< 12) decimals, as a scaled integer; `nil` when
    /// the interval straddles a rounding boundary.
    func roundedScaled(places: Int) -> Int64? {
        // A division by a constant is a multiplication; by a variable, some forty cycles, and a
        // unit's fifty-odd points take two each. So the usual precisions get constants.
        switch places {
        case 2: return rounded(unit: 10_000_000_000)
        case 1: return rounded(unit: 100_000_000_000)
        case 0: return rounded(unit: 1_000_000_000_000)
        case 3: return rounded(unit: 1_000_000_000)
        case 4: return rounded(unit: 100_000_000)
        case 5: return rounded(unit: 10_000_000)
        case 6: return rounded(unit: 1_000_000)
        default: return rounded(unit: BulkData.power10(FixedInterval.scaleDigits - places))
        }
    }

    @inline(__always) private func rounded(unit: Int64) -> Int64? {
        @inline(__always) func r(_ x: Int64) -> Int64 {
            let h = unit / 2
            return x >= 0 ? (x + h) / unit : -((-x + h) / unit)
        }
        let a = r(lo)
        if lo == hi { return a }
        return a == r(hi) ? a : nil
    }
}
