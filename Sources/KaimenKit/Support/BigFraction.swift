/// An exact fraction of any size: the number form for the few units whose exact arithmetic
/// does not fit `Rational`'s 64-bit numerator and denominator (sums of ratios of metrics of
/// twelve digits and six places, formulas that multiply large amounts). `Rational` rounds such
/// a value to odd and says so (`approximated`); a unit that met one is scored again in this
/// form (`Engine`), so that its total, grade and ranking are those of its exact value however
/// near a rounding point it lies.
///
/// Not reduced: sums and products just multiply out (every unit does a bounded number of
/// operations, so the size stays bounded), and comparisons cross-multiply. Only turning a
/// value into a `Rational` (for explanations and tie-break keys) looks for a common divisor,
/// and gives up after 100 steps of Euclid's (`Rational.approximating`).
struct BigFraction: Sendable, Equatable, CustomStringConvertible {
    let numerator: BigInteger
    /// Positive.
    let denominator: BigInteger

    static let zero = BigFraction(Rational.zero)
    static let one = BigFraction(Rational.one)

    init(_ r: Rational) {
        numerator = BigInteger(r.numerator)
        denominator = BigInteger(r.denominator)
    }

    /// `n / d`, `d` not zero.
    init(_ n: BigInteger, _ d: BigInteger) {
        precondition(!d.isZero, "BigFraction with zero denominator")
        (numerator, denominator) = d.negative ? (-n, -d) : (n, d)
    }

    /// `mantissa × 10^-scale`.
    init(mantissa: Int64, scale: Int) {
        self.init(BigInteger(mantissa), BigInteger.power10(scale))
    }

    var description: String { "\(numerator)/\(denominator)" }

    // MARK: Arithmetic

    static func + (a: BigFraction, b: BigFraction) -> BigFraction {
        if a.denominator == b.denominator { return BigFraction(a.numerator + b.numerator, a.denominator) }
        return BigFraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }

    static func - (a: BigFraction, b: BigFraction) -> BigFraction { a + (-b) }

    static prefix func - (a: BigFraction) -> BigFraction { BigFraction(-a.numerator, a.denominator) }

    static func * (a: BigFraction, b: BigFraction) -> BigFraction {
        BigFraction(a.numerator * b.numerator, a.denominator * b.denominator)
    }

    /// `nil` when dividing by zero.
    func divided(by b: BigFraction) -> BigFraction? {
        b.isZero ? nil : BigFraction(numerator * b.denominator, denominator * b.numerator)
    }

    var isZero: Bool { numerator.isZero }
    var isNegative: Bool { numerator.negative }
    var magnitude: BigFraction { BigFraction(numerator.magnitude, denominator) }

    /// −1, 0 or 1 as `a` is below, equal to or above `b`.
    static func compare(_ a: BigFraction, _ b: BigFraction) -> Int {
        if a.denominator == b.denominator { return BigInteger.compare(a.numerator, b.numerator) }
        return BigInteger.compare(a.numerator * b.denominator, b.numerator * a.denominator)
    }

    /// Equal values, whatever their (unreduced) numerators and denominators.
    static func == (a: BigFraction, b: BigFraction) -> Bool { compare(a, b) == 0 }

    /// Whether the value lies beyond ±(2⁶³ − 1), where `Rational` cannot hold even its whole
    /// part (`Rational.outOfRange`): a formula stops at such a value in either form.
    ///
    /// Told from the sizes alone unless they are within a few bits of the bound (a formula asks
    /// after every operation, and multiplying out a 50 000-bit denominator each time was most
    /// of a long formula's time): with n of `bn` bits and d of `bd`, n < 2^bn ≤ 2^(bd − 1 + 62)
    /// ≤ 2⁶² d when bn ≤ bd + 61, and n ≥ 2^(bn − 1) ≥ 2^(bd + 63) > 2⁶³ d when bn ≥ bd + 64.
    var beyondRational: Bool {
        let (bn, bd) = (numerator.bitLength, denominator.bitLength)
        if bn <= bd + 61 { return false }
        if bn >= bd + 64 { return true }
        return BigInteger.compare(numerator.limbs, BigInteger.multiply(denominator.limbs, BigInteger(Int64.max).limbs)) > 0
    }

    // MARK: Rounding

    /// The value as an integer count of `10^-places` units, rounded half away from zero, and
    /// the remainder's sign told apart (as `Rational.scaledInteger`). Clamped to 64 bits.
    func scaledInteger(places: Int) -> Int64 {
        let q = roundedMagnitude(places: places)
        guard let m = q.uint64Magnitude, m <= UInt64(Int64.max) else { return numerator.negative ? Int64.min + 1 : Int64.max }
        return numerator.negative ? -Int64(m) : Int64(m)
    }

    /// Rounded half away from zero to `places` decimals (for a formula's `round`).
    func rounded(places: Int) -> BigFraction {
        let q = roundedMagnitude(places: places)
        return BigFraction(numerator.negative ? -q : q, BigInteger.power10(places))
    }

    /// |value| × 10^places, rounded half away from zero.
    private func roundedMagnitude(places: Int) -> BigInteger {
        let scaled = numerator.magnitude * BigInteger.power10(max(0, places))
        let (q, r) = BigInteger.quotientAndRemainder(scaled, denominator)
        // Half or more left over: away from zero.
        let twice = BigInteger(limbs: BigInteger.add(r.limbs, r.limbs), negative: false)
        return BigInteger.compare(twice, denominator) >= 0 ? q + BigInteger.one : q
    }

    /// |value| × 10^places, cut toward zero, with the value's sign: a cheap first comparison
    /// of two values (it never orders them otherwise than their exact values; equal cuts say
    /// nothing), one division where comparing exactly multiplies the two out.
    func truncated(places: Int) -> BigInteger {
        let scaled = numerator.magnitude * BigInteger.power10(places)
        let q = BigInteger.quotientAndRemainder(scaled, denominator).quotient
        return numerator.negative ? -q : q
    }

    /// The value as a `Rational`: exactly when it fits reduced, otherwise rounded to odd as
    /// `Rational` rounds what does not fit (`Rational.approximating`).
    var rational: Rational { Rational.approximating(numerator, denominator) }
}
