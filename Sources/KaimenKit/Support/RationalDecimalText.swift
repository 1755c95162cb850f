/// A decimal text (`[+|-]digits[.digits][e[+|-]digits]`, as ``Rational/init(decimal:)``
/// reads it) in its shortest form: its significant digits `D`, from the first digit other than
/// 0 to the last, and the place of the last, `power`, so that its value is `±D × 10^power`.
/// However long the text and however large its exponent, the value is judged by this form:
/// `0e400` is zero, and `0.` + 70 zeros + `1e31` is 10⁻⁴⁰, a number with too many decimals, not
/// a large one (before 0.29.3 the first was "not a number" and the second "too large", by the
/// exponent's sign alone). Read in one pass without making the digits' text; an exponent too
/// large for any text's digits to offset is held at ±10¹⁷.
struct DecimalText: Equatable {
    var negative: Bool
    /// How many significant digits (0 for zero).
    var count: Int
    /// The first significant digits, at most `kept` of them (all of them when `count` ≤ `kept`).
    var digits: [UInt8]
    /// The place of the last significant digit: the value is `±D × 10^power` (0 for zero).
    var power: Int

    /// The significant digits kept, one more than a value read exactly may have.
    static let kept = 31
    /// Where an exponent is held: no text has digits enough to offset it.
    static let exponentCap = 100_000_000_000_000_000

    var isZero: Bool { count == 0 }
    /// The place of the first significant digit: a nonzero value lies in [10^lead, 10^(lead + 1)).
    var lead: Int { power + count - 1 }

    init(negative: Bool, count: Int, digits: [UInt8], power: Int) {
        (self.negative, self.count, self.digits, self.power) = (negative, count, digits, power)
    }

    init?(_ text: some StringProtocol) {
        var utf8 = Array(text.utf8)[...]
        negative = false
        if let c = utf8.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            negative = c == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        count = 0
        digits = []
        var seenPoint = false, sawDigit = false
        // Zeros after the last nonzero digit so far (they count once another nonzero follows),
        // the digits after the point, and the place of the last nonzero digit within the text's
        // digits (as a count of digits read up to it, and how many of those were after the point).
        var zerosSince = 0, fractionDigits = 0
        var lastAt = (read: 0, fraction: 0), read = 0
        var exponent = 0
        var i = utf8.startIndex
        scan: while i < utf8.endIndex {
            let c = utf8[i]
            switch c {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"):
                sawDigit = true
                read += 1
                if seenPoint { fractionDigits += 1 }
                if c == UInt8(ascii: "0") {
                    if count > 0 { zerosSince += 1 }
                } else {
                    // The zeros between, as digits while fewer than `kept` are held (a run of a
                    // million costs its count, not a million appends).
                    digits += repeatElement(0, count: min(zerosSince, max(0, Self.kept - digits.count)))
                    count += zerosSince + 1
                    zerosSince = 0
                    if digits.count < Self.kept { digits.append(c - UInt8(ascii: "0")) }
                    lastAt = (read, fractionDigits)
                }
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard sawDigit, let e = Self.exponent(utf8[(i + 1)...]) else { return nil }
                exponent = e
                break scan
            default:
                return nil
            }
            i += 1
        }
        guard sawDigit else { return nil }
        if count == 0 {
            power = 0
            return
        }
        // The last nonzero digit's place before the exponent: the whole digits after it, or
        // minus its place after the point.
        let wholeDigits = read - fractionDigits
        let wholeAt = lastAt.read - lastAt.fraction
        let place = lastAt.fraction > 0 ? -lastAt.fraction : wholeDigits - wholeAt
        power = place + exponent
    }

    /// `[+|-]digits` (what `Int(_:)` takes), held at ±``exponentCap``; `nil` for anything else.
    private static func exponent(_ bytes: ArraySlice<UInt8>) -> Int? {
        var rest = bytes, negative = false
        if let c = rest.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            negative = c == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var value = 0
        for c in rest {
            guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { return nil }
            value = min(value * 10 + Int(c - UInt8(ascii: "0")), exponentCap)
        }
        return negative ? -value : value
    }

    /// The value, when it has at most 30 significant digits and is a fraction of 64-bit
    /// integers (its numerator below 2¹⁰⁰ before reducing, its denominator at most 10³⁶, as the
    /// quick reading holds them); zero for zero, whatever its exponent.
    var rational: Rational? {
        if isZero { return .zero }
        guard count <= 30 else { return nil }
        var m: Int128 = 0
        for d in digits { m = m * 10 + Int128(d) }
        var den: Int128 = 1
        if power >= 0 {
            for _ in 0 ..< power {
                m *= 10
                guard m.magnitude < UInt128(1) << 100 else { return nil }
            }
        } else {
            guard power >= -36 else { return nil }
            for _ in 0 ..< -power { den *= 10 }
        }
        let r = Rational(wide: negative ? -m : m, den, approximated: false)
        return r.approximated ? nil : r
    }
}
