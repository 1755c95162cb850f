/// `n / d` in 128 bits, unreduced, `d > 0`: the fast `ScoreTerm`. Every operation is a few
/// multiplications; one that would overflow returns `nil` and the unit is scored exactly.
struct FastTerm: ScoreTerm {
    var n: Int128
    var d: Int128

    @inline(__always) init(n: Int128, d: Int128) {
        self.n = n
        self.d = d
    }

    @inline(__always) init(mantissa: Int64, scale: Int) {
        n = Int128(mantissa)
        d = Int128(BulkData.power10(scale))
    }

    @inline(__always) init(_ n: Int64, over d: Int64) {
        self.n = Int128(n)
        self.d = Int128(d)
    }

    @inline(__always) init(_ r: Rational) {
        n = Int128(r.numerator)
        d = Int128(r.denominator)
    }

    @inline(__always) func plus(_ b: FastTerm) -> FastTerm? {
        let a = self
        if a.d == b.d { return FastTerm.add(a.n, b.n).map { FastTerm(n: $0, d: a.d) } }
        guard let x = a.n ** b.d, let y = b.n ** a.d, let s = FastTerm.add(x, y), let d = a.d ** b.d else { return nil }
        return FastTerm(n: s, d: d)
    }

    @inline(__always) func minus(_ b: FastTerm) -> FastTerm? {
        guard b.n != Int128.min else { return nil }
        return plus(FastTerm(n: -b.n, d: b.d))
    }

    @inline(__always) func times(_ b: FastTerm) -> FastTerm? {
        guard let n = n ** b.n, let d = d ** b.d else { return nil }
        return FastTerm(n: n, d: d)
    }

    @inline(__always) func over(_ b: FastTerm) -> FastTerm? {
        guard var n = n ** b.d, var d = d ** b.n else { return nil }
        if d < 0 {
            guard n != Int128.min, d != Int128.min else { return nil }
            n = -n
            d = -d
        }
        return FastTerm(n: n, d: d)
    }

    @inline(__always) func compared(to b: FastTerm) -> Int? {
        let x: Int128, y: Int128
        if d == b.d {
            (x, y) = (n, b.n)
        } else {
            guard let l = n ** b.d, let r = b.n ** d else { return nil }
            (x, y) = (l, r)
        }
        return x < y ? -1 : (x == y ? 0 : 1)
    }

    /// As `comparedLimits`, with the usual lower limit 0 told by the sign alone.
    @inline(__always) func limited(_ lo: FastTerm, _ hi: FastTerm) -> FastTerm? {
        if lo.n == 0 {
            if n <= 0 { return n == 0 ? self : lo }
            guard let b = compared(to: hi) else { return nil }
            return b > 0 ? hi : self
        }
        return comparedLimits(lo, hi)
    }

    var isZero: Bool { n == 0 }
    var isNegative: Bool { n < 0 }
    var exact: Rational { Rational(wide: n, d, approximated: false) }

    @inline(__always) private static func add(_ a: Int128, _ b: Int128) -> Int128? {
        let (s, o) = a.addingReportingOverflow(b)
        return o ? nil : s
    }
}

infix operator **: MultiplicationPrecedence

extension Int128 {
    /// Multiplication that says so on overflow instead of trapping.
    ///
    /// Two factors within 64 bits (nearly all: terms come from 64-bit mantissas and powers of
    /// ten) cannot overflow 128 bits, and their product is one widening multiplication. Only
    /// others take the checked 128-bit product, a library call that took 3% of a million-unit
    /// run's processor time when every product went through it.
    @inline(__always) static func ** (a: Int128, b: Int128) -> Int128? {
        let x = Int64(truncatingIfNeeded: a), y = Int64(truncatingIfNeeded: b)
        if Int128(x) == a && Int128(y) == b { return Int128(x) &* Int128(y) }
        let (p, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : p
    }
}
