/// Numbers and the metric words read straight from a file's bytes, without `String` or
/// Foundation, for the bulk readers.
///
/// Each function accepts what the checked path (`Rational(decimal:)`, `MetricValue.parse`)
/// accepts, or less: whatever these refuse makes the bulk reader hand over to the checked
/// path, which then says what is wrong. Exponents (`1e3`) and numbers of more than 18 digits
/// are refused here though the checked path reads them.
public enum ByteNumber {
    /// What one metric cell holds.
    public enum MetricCell: Equatable, Sendable {
        /// mantissa × 10^−scale, with the fewest decimals that represent the value.
        case value(mantissa: Int64, scale: Int)
        /// A missing-value token (empty, `-`, `N/A`, …): the metric's `missing` rule applies.
        case missing
        /// Something the checked reader would report.
        case invalid
    }

    /// The largest scale a parsed value may have (10^18 still fits in `Int64`).
    public static let maxScale = 18

    /// 10^`n` for `n` in 0…18, without the one-time initialisation check a global array costs
    /// on every use in a hot loop.
    @inline(__always)
    public static func pow10(_ n: Int) -> Int64 {
        switch n {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        default: 1_000_000_000_000_000_000
        }
    }

    // MARK: Decimals

    /// `[+|-] digits [. digits]` with at least one digit, as `Rational(decimal:)` reads it,
    /// as mantissa × 10^−scale. Trailing zeros after the point are dropped (`1.50` → 15, 1), so
    /// the scale is the fewest decimals that represent the value; `-0` is 0. `nil` for anything
    /// else, and when the mantissa would not fit in `Int64`.
    @inline(__always)
    static func decimal(_ p: UnsafePointer<UInt8>, count n: Int) -> (mantissa: Int64, scale: Int)? {
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        else if p[0] == UInt8(ascii: "+") { i = 1 }
        var m: Int64 = 0
        var digits = 0
        var scale = 0
        var pendingZeros = 0
        var point = false
        while i < n {
            let c = p[i]
            let d = c &- 48
            if d < 10 {
                digits += 1
                if !point {
                    let (m10, o1) = m.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m10.addingReportingOverflow(Int64(d))
                    if o1 || o2 { return nil }
                    m = s
                } else if d == 0 {
                    pendingZeros += 1
                } else {
                    let places = pendingZeros + 1
                    guard scale + places <= maxScale else { return nil }
                    let (mp, o1) = m.multipliedReportingOverflow(by: pow10(places))
                    let (s, o2) = mp.addingReportingOverflow(Int64(d))
                    if o1 || o2 { return nil }
                    m = s
                    scale += places
                    pendingZeros = 0
                }
            } else if c == UInt8(ascii: ".") && !point {
                point = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        return (negative ? -m : m, scale)
    }

    /// The whole number of 1 to 7 digits at `p[i...]` when a comma or line end follows it,
    /// eight bytes at a time: its value and its digit count. `nil` for anything else (and near
    /// `limit`), which the caller reads byte by byte.
    @inline(__always)
    static func shortInteger(_ p: UnsafePointer<UInt8>, _ i: Int, _ limit: Int) -> (Int64, Int)? {
        guard i + 8 <= limit else { return nil }
        let x = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) ^ 0x3030_3030_3030_3030
        // A byte is a digit when its high nibble is now 0 and its low nibble below 10.
        let notDigit = (x & 0xF0F0_F0F0_F0F0_F0F0) | (((x & 0x0F0F_0F0F_0F0F_0F0F) &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0)
        let n = notDigit.trailingZeroBitCount >> 3
        guard n > 0 && n < 8 else { return nil }
        let end = UInt8(truncatingIfNeeded: x >> UInt64(8 * n)) ^ 0x30
        guard end == UInt8(ascii: ",") || end == 0x0A || end == 0x0D else { return nil }
        // The digits moved to the top bytes (zeros before them), then combined in pairs, fours, eights.
        var v = (x & 0x0F0F_0F0F_0F0F_0F0F) << UInt64(8 * (8 - n))
        v = (v &* 2561) >> 8
        v = ((v & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        v = ((v & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
        return (Int64(v), n)
    }

    /// `value` with trailing zeros of the mantissa taken off while it has decimals.
    @inline(__always)
    static func normalized(_ m: Int64, _ s: Int) -> (Int64, Int) {
        var m = m, s = s
        while s > 0 && m % 10 == 0 { m /= 10; s -= 1 }
        return (m, s)
    }

    // MARK: Metric cells

    /// One metric cell, exactly as `MetricValue.parse` accepts it for `kind` (spaces and tabs
    /// around it allowed): flag words, missing-value tokens, numbers with an optional `%` or
    /// `％` for rates and plain numbers, and each kind's range (a whole count ≥ 0, an amount
    /// ≥ 0, a rate in [0, 1]).
    static func metric(_ p: UnsafePointer<UInt8>, count: Int, kind: MetricDefinition.Kind) -> MetricCell {
        let (start, n) = trimmed(p, count)
        let q = p + start
        if kind == .flag {
            if matches(q, n, yes) { return .value(mantissa: 1, scale: 0) }
            if matches(q, n, no) { return .value(mantissa: 0, scale: 0) }
        }
        if matches(q, n, missingTokens) { return .missing }
        if kind == .flag { return .invalid }
        var len = n
        var percent = false
        if len >= 1 && q[len - 1] == UInt8(ascii: "%") {
            percent = true
            len -= 1
        } else if len >= 3 && q[len - 3] == 0xEF && q[len - 2] == 0xBC && q[len - 1] == 0x85 {  // ％
            percent = true
            len -= 3
        }
        // Within NumberLimits as written, before a `%` is applied, as the checked reader asks.
        guard let (m0, s0) = decimal(q, count: len), NumberLimits.fits(mantissa: m0, scale: s0) else { return .invalid }
        var m = m0, s = s0
        if percent {
            guard kind == .rate || kind == .number, s + 2 <= maxScale else { return .invalid }
            (m, s) = normalized(m, s + 2)
        }
        // Beyond NumberLimits the checked reader reports the value: refuse it here.
        return checked(mantissa: m, scale: s, kind: kind) && NumberLimits.fits(mantissa: m, scale: s) ? .value(mantissa: m, scale: s) : .invalid
    }

    /// Whether a normalized value is in range for its kind.
    @inline(__always)
    static func checked(mantissa m: Int64, scale s: Int, kind: MetricDefinition.Kind) -> Bool {
        switch kind {
        case .count: m >= 0 && s == 0
        case .amount: m >= 0
        case .rate: m >= 0 && m <= pow10(s)
        case .number, .flag: true
        }
    }

    /// The range without ASCII spaces and tabs on either side.
    @inline(__always)
    static func trimmed(_ p: UnsafePointer<UInt8>, _ n: Int) -> (start: Int, count: Int) {
        var a = 0, b = n
        while a < b && (p[a] == 0x20 || p[a] == 0x09) { a += 1 }
        while b > a && (p[b - 1] == 0x20 || p[b - 1] == 0x09) { b -= 1 }
        return (a, b - a)
    }

    static func matches(_ p: UnsafePointer<UInt8>, _ n: Int, _ words: [[UInt8]]) -> Bool {
        for w in words where w.count == n {
            var k = 0
            while k < n && p[k] == w[k] { k += 1 }
            if k == n { return true }
        }
        return false
    }

    static let yes: [[UInt8]] = MetricValue.yes.map { Array($0.utf8) }
    static let no: [[UInt8]] = MetricValue.no.map { Array($0.utf8) }
    static let missingTokens: [[UInt8]] = MetricValue.missingTokens.map { Array($0.utf8) }
}
