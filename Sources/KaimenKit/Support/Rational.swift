/// An exact rational number: the numeric type of the whole engine.
///
/// Every number people check (thresholds, metric values, ballot scores, points, totals) is a
/// `Rational`, parsed from its decimal text, so `0.1 + 0.2 == 0.3` holds exactly and `2.675`
/// rounds to `2.68` at two places. Numerator and denominator are `Int64`, kept reduced with a
/// positive denominator, and every operation is overflow-checked through `Int128`.
///
/// Should an exact result not fit in 64 bits (it takes a sum of many fractions with large,
/// unrelated denominators, or a ratio of two metrics of twelve digits and six places), the
/// value is rounded to odd (toward zero, the last digit made odd when anything is left over:
/// see `init(wide:)`) at the finest power of ten up to 10^18 that fits: at least 12 decimal
/// places for any value below a million. That is far below
/// the two places totals are shown at; ``approximated`` tells when it happened.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    public static let zero = Rational(integer: 0)
    public static let one = Rational(integer: 1)

    /// `true` when this value was rounded because its exact form would overflow.
    public var approximated: Bool { flags & 1 != 0 }
    /// `true` when even the value's whole part did not fit in 64 bits (beyond ±9.2·10¹⁸): it
    /// was clamped to the largest magnitude there is and is not the value. A formula stops at
    /// such a result (`Program.run`): `a * b / a / b * 100` with a and b of ten digits gave 57.65
    /// (a hostile test, session 41).
    public var outOfRange: Bool { flags & 2 != 0 }
    private let flags: UInt8

    public init(integer: Int64) {
        numerator = integer
        denominator = 1
        flags = 0
    }

    public init(_ value: Int) { self.init(integer: Int64(value)) }

    /// `n / d`, reduced. `d` must not be zero.
    public init(_ n: Int64, _ d: Int64) {
        precondition(d != 0, "Rational with zero denominator")
        self.init(wide: Int128(n), Int128(d), approximated: false)
    }

    private init(reduced n: Int64, _ d: Int64, flags: UInt8) {
        numerator = n
        denominator = d
        self.flags = flags
    }

    /// Builds from a wide fraction: reduces, and rounds to a power of ten if it still doesn't fit.
    init(wide n: Int128, _ d: Int128, approximated: Bool) {
        // The common case, both parts within 64 bits: no 128-bit division.
        if let n64 = Int64(exactly: n), let d64 = Int64(exactly: d), n64 != Int64.min, d64 != Int64.min {
            var (n, d) = d64 < 0 ? (-n64, -d64) : (n64, d64)
            let g = Rational.gcd64(n.magnitude, UInt64(d))
            if g > 1 { n /= Int64(g); d /= Int64(g) }
            self.init(reduced: n, d, flags: approximated ? 1 : 0)
            return
        }
        var n = n, d = d
        if d < 0 { n = -n; d = -d }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        if g > 1 { n /= Int128(g); d /= Int128(g) }
        // −2⁶³ is not held (it has no negation in 64 bits): it goes the way of what does not fit.
        if let n64 = Int64(exactly: n), n64 != Int64.min, let d64 = Int64(exactly: d) {
            self.init(reduced: n64, d64, flags: approximated ? 1 : 0)
            return
        }
        // Too wide: rounded to odd (`approximating`).
        self = Rational.approximating(BigInteger(n), BigInteger(d))
    }

    /// `n / d` (`d` not zero) exactly when it fits 64 bits reduced. Otherwise rounded to the
    /// finest decimal scale, up to 10^18, at which it fits, **to odd**: the quotient toward
    /// zero, made odd when anything was left over (its last digit odd), and `approximated`.
    /// Beyond ±(2⁶³ − 1) it is clamped there and `outOfRange`.
    ///
    /// Why to odd: rounded half away from zero, a total a hair below 89.995 became exactly
    /// 89.995 at 10⁻¹⁷ and was then rounded up to 90.00 at two places, and its grade with it (a
    /// hostile test, session 41). A value rounded to odd is never exactly on a point a coarser
    /// rounding has to decide (those end in zeros at this scale), and lies on the same side of
    /// it as the exact value, so rounding it again at the rules' precision gives what rounding
    /// the exact value would. (The scale was once found by multiplying in 128 bits, which
    /// overflowed for a sum whose numerator had grown to 10^36 and kept one decimal: 0.02 off.)
    /// The engine does not decide on such values: a unit that meets one is scored again in
    /// `BigFraction`s. They remain for what is shown (a trace's values, tie-break keys).
    static func approximating(_ n: BigInteger, _ d: BigInteger) -> Rational {
        var (num, den) = d.negative ? (-n, -d) : (n, d)
        // Euclid's algorithm on the magnitudes, for at most 100 divisions. A fraction whose
        // reduced denominator fits 64 bits has a continued fraction of at most 92 terms (its
        // convergents' denominators grow at least as Fibonacci's numbers do, and F₉₃ > 2⁶³),
        // and Euclid takes one division a term: one that takes more does not fit, and the rest
        // of its greatest common divisor is not needed. (The whole of it, on the 50 000-bit
        // fractions of a formula of 800 ratios, took half a second a unit: a hostile test.)
        if let g = BigInteger.gcd(num, den, divisions: 100) {
            if g != BigInteger.one {
                num = BigInteger(limbs: BigInteger.divide(num.limbs, by: g.limbs).quotient, negative: num.negative)
                den = BigInteger(limbs: BigInteger.divide(den.limbs, by: g.limbs).quotient, negative: false)
            }
            if let n64 = num.int128.flatMap({ Int64(exactly: $0) }), n64 != Int64.min,
               let d64 = den.int128.flatMap({ Int64(exactly: $0) }) {
                return Rational(reduced: n64, d64, flags: 0)
            }
        }
        for places in stride(from: 18, through: 0, by: -1) {
            let scale = Rational.powersOfTen[places]
            let (q, r) = BigInteger.quotientAndRemainder(num.magnitude * BigInteger(scale), den)
            let rounded = r.isZero || q.limbs.first.map({ $0 & 1 == 1 }) == true ? q : q + BigInteger.one
            if let m = rounded.uint64Magnitude, m <= UInt64(Int64.max) {
                let g2 = gcd64(m, UInt64(scale))
                let reduced = Int64(m / g2)
                return Rational(reduced: num.negative ? -reduced : reduced, scale / Int64(g2), flags: 1)
            }
        }
        return Rational(reduced: num.negative ? Int64.min + 1 : Int64.max, 1, flags: 3)
    }

    // MARK: Parsing

    /// Parses decimal text exactly: `12`, `-3.50`, `+0.125`, `2.675`, `1e3`, `1.5E-2`.
    /// Returns `nil` for anything else (including `nan`, `inf`, empty text, or too many digits).
    ///
    /// A text is read by its value, however it is written (since 0.29.3): one the quick reading
    /// refuses for its notation (an exponent beyond ±30, more than 30 digits counting zeros that
    /// only place the point, a nonzero digit past the 36th decimal before the exponent moves it)
    /// is read again in its shortest form (``DecimalText``), so `0e400` and `0.0e999` are 0 and
    /// `0.` + 40 zeros + `1e45` is 0.000001. Still `nil` when the value needs more than 30
    /// significant digits or is no fraction of 64-bit integers (`1e31`, `1e-31`).
    public init?(decimal text: some StringProtocol) {
        if let r = Rational.quickDecimal(text) {
            self = r
        } else if let r = DecimalText(text)?.rational {
            self = r
        } else {
            return nil
        }
    }

    /// `init(decimal:)`'s reading of the texts people write, digit by digit into a 128-bit
    /// mantissa: `nil` for any text beyond its limits, which ``DecimalText`` then reads by value.
    @inline(__always)
    private static func quickDecimal(_ text: some StringProtocol) -> Rational? {
        var utf8 = Array(text.utf8)[...]
        guard !utf8.isEmpty else { return nil }
        var negative = false
        if utf8.first == UInt8(ascii: "-") { negative = true; utf8 = utf8.dropFirst() }
        else if utf8.first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
        var mantissa: Int128 = 0
        var scale = 0
        var digits = 0
        var seenPoint = false
        var exponent = 0
        // Zeros after the point wait until a digit other than zero follows them: trailing ones
        // do not change the value, so `4.000…0` reads as 4 however many zeros it has (the byte
        // readers read it so too), and only the digits that matter count toward the limits.
        var waitingZeros = 0
        // A digit before any exponent: `e5`, `-e3` and `.e1` are not numbers.
        var sawDigit = false
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let c = utf8[i]
            if c >= 48 && c <= 57 { sawDigit = true }
            if c == 48 && seenPoint {
                waitingZeros += 1
            } else if c >= 48 && c <= 57 {
                for _ in 0..<waitingZeros {
                    if digits > 0 { digits += 1 }
                    guard digits <= 30 else { return nil }
                    mantissa *= 10
                    scale += 1
                }
                waitingZeros = 0
                if digits > 0 || c != 48 { digits += 1 }
                guard digits <= 30 else { return nil }
                mantissa = mantissa * 10 + Int128(c - 48)
                if seenPoint { scale += 1 }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                let rest = utf8[(i + 1)...]
                // `magnitude`, not `abs`: `abs(Int.min)` traps, and `e-9223372036854775808` is text anyone can type.
                guard let e = Int(String(decoding: rest, as: UTF8.self)), e.magnitude <= 30 else { return nil }
                exponent = e
                i = utf8.endIndex
                break
            } else {
                return nil
            }
            i += 1
        }
        // Must contain at least one digit, before the exponent.
        guard sawDigit else { return nil }
        if negative { mantissa = -mantissa }
        scale -= exponent
        var den: Int128 = 1
        if scale > 0 {
            guard scale <= 36 else { return nil }
            for _ in 0..<scale { den *= 10 }
        } else if scale < 0 {
            for _ in 0..<(-scale) {
                mantissa *= 10
                guard mantissa.magnitude < UInt128(1) << 100 else { return nil }
            }
        }
        let r = Rational(wide: mantissa, den, approximated: false)
        guard !r.approximated else { return nil }
        return r
    }

    // MARK: Arithmetic

    public static func + (a: Rational, b: Rational) -> Rational {
        if a.denominator == b.denominator {
            let (s, o) = a.numerator.addingReportingOverflow(b.numerator)
            if !o && s != Int64.min {
                if a.denominator == 1 { return Rational(reduced: s, 1, flags: a.flags | b.flags) }
                return Rational(wide: Int128(s), Int128(a.denominator), approximated: a.approximated || b.approximated)
            }
        }
        let n = Int128(a.numerator) * Int128(b.denominator) + Int128(b.numerator) * Int128(a.denominator)
        let d = Int128(a.denominator) * Int128(b.denominator)
        return Rational(wide: n, d, approximated: a.approximated || b.approximated)
    }

    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    /// (−2⁶³ is never a value's numerator but as `Rational(integer:)` was given it, or as the
    /// clamp of a value out of range: its negation is out of range too.)
    public static prefix func - (a: Rational) -> Rational {
        a.numerator == Int64.min ? Rational(reduced: Int64.max, a.denominator, flags: a.flags | 3)
            : Rational(reduced: -a.numerator, a.denominator, flags: a.flags)
    }

    public static func * (a: Rational, b: Rational) -> Rational {
        if a.denominator == 1 && b.denominator == 1 {
            let (p, o) = a.numerator.multipliedReportingOverflow(by: b.numerator)
            if !o && p != Int64.min { return Rational(reduced: p, 1, flags: a.flags | b.flags) }
        }
        return Rational(wide: Int128(a.numerator) * Int128(b.numerator),
                        Int128(a.denominator) * Int128(b.denominator),
                        approximated: a.approximated || b.approximated)
    }

    /// Division; `nil` when dividing by zero.
    public func divided(by b: Rational) -> Rational? {
        guard b.numerator != 0 else { return nil }
        return Rational(wide: Int128(numerator) * Int128(b.denominator),
                        Int128(denominator) * Int128(b.numerator),
                        approximated: approximated || b.approximated)
    }

    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static func -= (a: inout Rational, b: Rational) { a = a - b }

    public var isZero: Bool { numerator == 0 }
    public var isOne: Bool { numerator == 1 && denominator == 1 }
    public var isNegative: Bool { numerator < 0 }
    public var isInteger: Bool { denominator == 1 }
    public var magnitude: Rational { numerator < 0 ? -self : self }

    // MARK: Comparison

    public static func < (a: Rational, b: Rational) -> Bool {
        Int128(a.numerator) * Int128(b.denominator) < Int128(b.numerator) * Int128(a.denominator)
    }

    public static func == (a: Rational, b: Rational) -> Bool {
        a.numerator == b.numerator && a.denominator == b.denominator
    }

    public func hash(into h: inout Hasher) {
        h.combine(numerator)
        h.combine(denominator)
    }

    public func clamped(_ lo: Rational, _ hi: Rational) -> Rational { min(max(self, lo), hi) }

    // MARK: Rounding

    /// Rounded half away from zero to `places` decimal places, exactly: 2.675 → 2.68,
    /// 89.995 → 90.00, -1.005 → -1.01.
    public func rounded(places: Int) -> Rational {
        let scale = Rational.pow10(places)
        let q = Rational.divideRoundingHalfAway(Int128(numerator) * scale, Int128(denominator))
        return Rational(wide: q, scale, approximated: approximated)
    }

    /// The value as an integer count of `10^-places` units, rounded half away from zero.
    /// E.g. `89.995` at 2 places is `9000`. The ranking sorts on this.
    public func scaledInteger(places: Int) -> Int64 {
        // In 64 bits when `numerator × 10^places` fits (every value a score sheet prints): no
        // 128-bit division.
        if places >= 0 && places < Rational.powersOfTen.count {
            let (n, overflow) = numerator.multipliedReportingOverflow(by: Rational.powersOfTen[places])
            if !overflow {
                let q = n / denominator, r = n % denominator
                if r.magnitude * 2 >= denominator.magnitude { return n < 0 ? q - 1 : q + 1 }
                return q
            }
        }
        let q = Rational.divideRoundingHalfAway(Int128(numerator) * Rational.pow10(places), Int128(denominator))
        return Int64(clamping: q)
    }

    /// `10^0 … 10^18`, the powers of ten an `Int64` holds.
    static let powersOfTen: [Int64] = (0...18).map { k in (0..<k).reduce(Int64(1)) { p, _ in p * 10 } }

    /// Fixed-point text with exactly `places` decimals, rounded half away from zero: `87.50`.
    public func formatted(places: Int) -> String {
        let q = scaledInteger(places: places)
        return Rational.formatScaled(q, places: places)
    }

    /// Prints a scaled integer (`units × 10^-places`) as fixed-point text.
    /// The digits are written back to front into a small buffer: no intermediate strings.
    public static func formatScaled(_ q: Int64, places: Int) -> String {
        let p = max(0, places)
        let capacity = max(20, p + 1) + 2
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var i = capacity, written = 0
            var m = q.magnitude
            while true {
                if p > 0 && written == p {
                    i -= 1
                    buffer[i] = UInt8(ascii: ".")
                }
                i -= 1
                buffer[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: m % 10)
                m /= 10
                written += 1
                if m == 0 && written > p { break }
            }
            if q < 0 {
                i -= 1
                buffer[i] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[i...]), as: UTF8.self)
        }
    }

    /// Shortest exact decimal text when the value has a finite decimal expansion of at most
    /// `maxPlaces` places (`0.9`, `12`, `2.675`); otherwise rounded to `maxPlaces`, with no
    /// trailing zeros. Used wherever a rule's own number is echoed back to a person.
    public func plainText(maxPlaces: Int = 6) -> String {
        let q = scaledInteger(places: maxPlaces)
        // Trailing zeros come off the integer before it is printed, not the text after.
        var m = q.magnitude, places = max(0, maxPlaces)
        while places > 0 && m % 10 == 0 {
            m /= 10
            places -= 1
        }
        if m == 0 { return "0" }
        return Rational.formatScaled(m == q.magnitude ? q : q < 0 ? -Int64(m) : Int64(m), places: places)
    }

    public var description: String {
        denominator == 1 ? String(numerator) : plainText(maxPlaces: 6)
    }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    // MARK: Integer helpers

    static func pow10(_ n: Int) -> Int128 {
        var p: Int128 = 1
        for _ in 0..<max(0, n) { p *= 10 }
        return p
    }

    /// `n / d` rounded half away from zero; `d > 0`.
    static func divideRoundingHalfAway(_ n: Int128, _ d: Int128) -> Int128 {
        let q = n / d
        let r = n % d
        if r.magnitude * 2 >= d.magnitude {
            return n < 0 ? q - 1 : q + 1
        }
        return q
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var a = a, b = b
        if a == 0 { return b }
        if b == 0 { return a }
        // Fast path for the common case of 64-bit operands.
        if a <= UInt128(UInt64.max) && b <= UInt128(UInt64.max) { return UInt128(gcd64(UInt64(a), UInt64(b))) }
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// Binary (Stein's) gcd: shifts and subtractions instead of divisions.
    static func gcd64(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var a = a, b = b
        if a == 0 { return b }
        if b == 0 { return a }
        let shift = (a | b).trailingZeroBitCount
        a >>= a.trailingZeroBitCount
        repeat {
            b >>= b.trailingZeroBitCount
            if a > b { swap(&a, &b) }
            b -= a
        } while b != 0
        return a << shift
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self.init(integer: value) }
}
