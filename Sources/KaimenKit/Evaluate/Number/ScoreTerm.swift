/// The arithmetic inside one standard (a ratio, a linear scale, a mean of ballots), written
/// once in the kernels and implemented three times: fast (`FastTerm`, an unreduced 128-bit
/// fraction that gives up with `nil` instead of overflowing), exactly in 64 bits (`Rational`,
/// which gives up with `nil` where it would have to round: its exact form does not fit), and
/// exactly in fractions of any size (`BigFraction`, which never gives up). A kernel that gets
/// `nil` returns `nil`, and the unit is scored again in the next form (see `Engine`).
protocol ScoreTerm {
    /// `mantissa × 10^-scale`: a metric value or ballot score as stored in the columns.
    init(mantissa: Int64, scale: Int)
    init(_ r: Rational)
    /// `n / d` for `d > 0`.
    init(_ n: Int64, over d: Int64)
    func plus(_ b: Self) -> Self?
    func minus(_ b: Self) -> Self?
    func times(_ b: Self) -> Self?
    /// `self / b` for `b ≠ 0`.
    func over(_ b: Self) -> Self?
    /// −1, 0 or 1 as `self` is below, equal to or above `b`.
    func compared(to b: Self) -> Int?
    /// `self` limited to `[lo, hi]` (`lo ≤ hi`).
    func limited(_ lo: Self, _ hi: Self) -> Self?
    var isZero: Bool { get }
    var isNegative: Bool { get }
    /// The exact value (for explanations and messages).
    var exact: Rational { get }
}

extension ScoreTerm {
    /// `self` limited to `[lo, hi]` (`lo ≤ hi`), by two comparisons.
    func comparedLimits(_ lo: Self, _ hi: Self) -> Self? {
        guard let a = compared(to: lo) else { return nil }
        if a < 0 { return lo }
        guard let b = compared(to: hi) else { return nil }
        return b > 0 ? hi : self
    }

    func isAtLeast(_ b: Self) -> Bool? { compared(to: b).map { $0 >= 0 } }
    func isAtMost(_ b: Self) -> Bool? { compared(to: b).map { $0 <= 0 } }
}

extension Rational: ScoreTerm {
    init(mantissa: Int64, scale: Int) {
        self = scale == 0 ? Rational(integer: mantissa) : Rational(mantissa, BulkData.pow10[scale])
    }

    init(_ r: Rational) { self = r }
    init(_ n: Int64, over d: Int64) { self = Rational(n, d) }

    func plus(_ b: Rational) -> Rational? { (self + b).exactOrNil }
    func minus(_ b: Rational) -> Rational? { (self - b).exactOrNil }
    func times(_ b: Rational) -> Rational? { (self * b).exactOrNil }
    func over(_ b: Rational) -> Rational? { divided(by: b)?.exactOrNil }
    func compared(to b: Rational) -> Int? {
        approximated || b.approximated ? nil : Rational.order(self, b)
    }
    var exact: Rational { self }
    func limited(_ lo: Rational, _ hi: Rational) -> Rational? { approximated ? nil : clamped(lo, hi) }
}

extension BigFraction: ScoreTerm {
    init(_ n: Int64, over d: Int64) { self.init(BigInteger(n), BigInteger(d)) }
    func plus(_ b: BigFraction) -> BigFraction? { self + b }
    func minus(_ b: BigFraction) -> BigFraction? { self - b }
    func times(_ b: BigFraction) -> BigFraction? { self * b }
    func over(_ b: BigFraction) -> BigFraction? { divided(by: b) }
    func compared(to b: BigFraction) -> Int? { BigFraction.compare(self, b) }
    var exact: Rational { rational }
    func limited(_ lo: BigFraction, _ hi: BigFraction) -> BigFraction? { comparedLimits(lo, hi) }
}
