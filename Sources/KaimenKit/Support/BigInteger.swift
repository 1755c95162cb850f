/// An integer of any size: what `BigFraction` is made of. Only the few units whose exact
/// arithmetic does not fit `Rational`'s 64 bits ever use it, so it is written to be plainly
/// right rather than fast: 32-bit limbs (every product and carry fits a `UInt64`), schoolbook
/// multiplication, and Knuth's division (The Art of Computer Programming vol. 2, 4.3.1,
/// Algorithm D, as Hacker's Delight's `divmnu` writes it).
struct BigInteger: Sendable, Equatable, CustomStringConvertible {
    /// The magnitude's 32-bit limbs, least significant first, with no zero limb at the top
    /// (zero has none).
    let limbs: [UInt32]
    /// Never `true` for zero.
    let negative: Bool

    static let zero = BigInteger(limbs: [], negative: false)
    static let one = BigInteger(limbs: [1], negative: false)

    init(limbs: [UInt32], negative: Bool) {
        let trimmed = BigInteger.trimmed(limbs)
        self.limbs = trimmed
        self.negative = negative && !trimmed.isEmpty
    }

    init(_ v: Int64) { self.init(Int128(v)) }

    init(_ v: Int128) {
        let m = BigInteger(magnitude: v.magnitude)
        self.init(limbs: m.limbs, negative: v < 0)
    }

    init(magnitude v: UInt128) {
        var m = v
        var limbs: [UInt32] = []
        while m != 0 {
            limbs.append(UInt32(truncatingIfNeeded: m))
            m >>= 32
        }
        self.init(limbs: limbs, negative: false)
    }

    /// Decimal digits with an optional leading `-` (for tests and messages).
    init?(decimal text: String) {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var m: [UInt32] = []
        for c in digits.utf8 {
            m = BigInteger.multiply(m, small: 10, plus: UInt32(c - 48))
        }
        self.init(limbs: m, negative: negative)
    }

    var isZero: Bool { limbs.isEmpty }
    /// How many bits the magnitude takes (0 for zero).
    var bitLength: Int { limbs.last.map { limbs.count * 32 - $0.leadingZeroBitCount } ?? 0 }
    var magnitude: BigInteger { BigInteger(limbs: limbs, negative: false) }

    /// The value, when it fits.
    var int128: Int128? {
        guard limbs.count <= 4 else { return nil }
        var m: UInt128 = 0
        for limb in limbs.reversed() { m = m << 32 | UInt128(limb) }
        if negative { return m <= UInt128(1) << 127 ? Int128(truncatingIfNeeded: 0 &- m) : nil }
        return m < UInt128(1) << 127 ? Int128(m) : nil
    }

    /// The magnitude, when it fits.
    var uint64Magnitude: UInt64? {
        guard limbs.count <= 2 else { return nil }
        return limbs.reversed().reduce(UInt64(0)) { $0 << 32 | UInt64($1) }
    }

    var description: String {
        var m = limbs
        var chunks: [UInt32] = []
        while !m.isEmpty {
            let (q, r) = BigInteger.divide(m, small: 1_000_000_000)
            chunks.append(r)
            m = q
        }
        guard let top = chunks.popLast() else { return "0" }
        var text = (negative ? "-" : "") + String(top)
        for chunk in chunks.reversed() {
            let s = String(chunk)
            text += String(repeating: "0", count: 9 - s.count) + s
        }
        return text
    }

    // MARK: Arithmetic

    static prefix func - (a: BigInteger) -> BigInteger { BigInteger(limbs: a.limbs, negative: !a.negative) }

    static func + (a: BigInteger, b: BigInteger) -> BigInteger {
        if a.negative == b.negative { return BigInteger(limbs: add(a.limbs, b.limbs), negative: a.negative) }
        return compare(a.limbs, b.limbs) >= 0
            ? BigInteger(limbs: subtract(a.limbs, b.limbs), negative: a.negative)
            : BigInteger(limbs: subtract(b.limbs, a.limbs), negative: b.negative)
    }

    static func - (a: BigInteger, b: BigInteger) -> BigInteger { a + (-b) }

    static func * (a: BigInteger, b: BigInteger) -> BigInteger {
        BigInteger(limbs: multiply(a.limbs, b.limbs), negative: a.negative != b.negative)
    }

    /// −1, 0 or 1 as `a` is below, equal to or above `b`.
    static func compare(_ a: BigInteger, _ b: BigInteger) -> Int {
        if a.negative != b.negative { return a.negative ? -1 : 1 }
        let m = compare(a.limbs, b.limbs)
        return a.negative ? -m : m
    }

    /// The magnitudes' quotient and remainder, truncated (`b` not zero).
    static func quotientAndRemainder(_ a: BigInteger, _ b: BigInteger) -> (quotient: BigInteger, remainder: BigInteger) {
        let (q, r) = divide(a.limbs, by: b.limbs)
        return (BigInteger(limbs: q, negative: false), BigInteger(limbs: r, negative: false))
    }

    /// The greatest common divisor of the magnitudes (Euclid's), or `nil` when it takes more
    /// than `divisions` divisions (`Rational.approximating` stops there).
    static func gcd(_ a: BigInteger, _ b: BigInteger, divisions: Int = .max) -> BigInteger? {
        var (x, y) = (a.limbs, b.limbs)
        var done = 0
        while !y.isEmpty {
            guard done < divisions else { return nil }
            (x, y) = (y, divide(x, by: y).remainder)
            done += 1
        }
        return BigInteger(limbs: x, negative: false)
    }

    /// 10^k.
    static func power10(_ k: Int) -> BigInteger {
        var m: [UInt32] = [1]
        for _ in 0..<k { m = multiply(m, small: 10, plus: 0) }
        return BigInteger(limbs: m, negative: false)
    }

    // MARK: Magnitudes

    private static func trimmed(_ limbs: [UInt32]) -> [UInt32] {
        var end = limbs.count
        while end > 0 && limbs[end - 1] == 0 { end -= 1 }
        return end == limbs.count ? limbs : Array(limbs[..<end])
    }

    static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] {
            return a[i] < b[i] ? -1 : 1
        }
        return 0
    }

    static func add(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var r: [UInt32] = []
        r.reserveCapacity(Swift.max(a.count, b.count) + 1)
        var carry: UInt64 = 0
        for i in 0..<Swift.max(a.count, b.count) {
            let s = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
            r.append(UInt32(truncatingIfNeeded: s))
            carry = s >> 32
        }
        if carry != 0 { r.append(UInt32(carry)) }
        return r
    }

    /// `a − b` for `a ≥ b`.
    static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var r = a
        var borrow: UInt64 = 0
        for i in 0..<a.count {
            let x = UInt64(a[i]) &- UInt64(i < b.count ? b[i] : 0) &- borrow
            r[i] = UInt32(truncatingIfNeeded: x)
            borrow = x >> 63
        }
        assert(borrow == 0, "subtract needs a ≥ b")
        return trimmed(r)
    }

    static func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        guard !a.isEmpty && !b.isEmpty else { return [] }
        var r = [UInt32](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            let x = UInt64(a[i])
            var carry: UInt64 = 0
            for j in 0..<b.count {
                // At most (2³² − 1)² + 2·(2³² − 1) = 2⁶⁴ − 1: it fits.
                let t = x * UInt64(b[j]) + UInt64(r[i + j]) + carry
                r[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            r[i + b.count] = UInt32(carry)
        }
        return trimmed(r)
    }

    /// `a × m + c`.
    static func multiply(_ a: [UInt32], small m: UInt32, plus c: UInt32) -> [UInt32] {
        var r: [UInt32] = []
        r.reserveCapacity(a.count + 1)
        var carry = UInt64(c)
        for limb in a {
            let t = UInt64(limb) * UInt64(m) + carry
            r.append(UInt32(truncatingIfNeeded: t))
            carry = t >> 32
        }
        if carry != 0 { r.append(UInt32(carry)) }
        return trimmed(r)
    }

    /// `a ÷ d` and its remainder, `d` not zero.
    static func divide(_ a: [UInt32], small d: UInt32) -> (quotient: [UInt32], remainder: UInt32) {
        var q = [UInt32](repeating: 0, count: a.count)
        var k: UInt64 = 0
        for j in stride(from: a.count - 1, through: 0, by: -1) {
            let t = k << 32 | UInt64(a[j])
            q[j] = UInt32(t / UInt64(d))
            k = t % UInt64(d)
        }
        return (trimmed(q), UInt32(k))
    }

    /// `u ÷ v` and its remainder, `v` not zero: Algorithm D.
    static func divide(_ u: [UInt32], by v: [UInt32]) -> (quotient: [UInt32], remainder: [UInt32]) {
        precondition(!v.isEmpty, "division by zero")
        if compare(u, v) < 0 { return ([], u) }
        let n = v.count, m = u.count
        if n == 1 {
            let (q, r) = divide(u, small: v[0])
            return (q, r == 0 ? [] : [r])
        }
        // Normalise: shift both so that the divisor's top limb has its top bit set; then each
        // estimated quotient limb is at most two too large.
        let s = UInt32(v[n - 1].leadingZeroBitCount)
        func shifted(_ x: [UInt32], extra: Bool) -> [UInt32] {
            var r = [UInt32](repeating: 0, count: x.count + (extra ? 1 : 0))
            for i in 0..<x.count {
                r[i] |= x[i] << s
                if s != 0 && i + 1 < r.count { r[i + 1] = x[i] >> (32 - s) }
            }
            return r
        }
        let vn = shifted(v, extra: false)
        var un = shifted(u, extra: true)
        let base: UInt64 = 1 << 32
        var q = [UInt32](repeating: 0, count: m - n + 1)
        for j in stride(from: m - n, through: 0, by: -1) {
            let top = UInt64(un[j + n]) << 32 | UInt64(un[j + n - 1])
            var qhat = top / UInt64(vn[n - 1])
            var rhat = top % UInt64(vn[n - 1])
            // `qhat ≥ base` is asked first: only then is `qhat × vn[n−2]` sure to fit 64 bits.
            while qhat >= base || qhat * UInt64(vn[n - 2]) > (rhat << 32 | UInt64(un[j + n - 2])) {
                qhat -= 1
                rhat += UInt64(vn[n - 1])
                if rhat >= base { break }
            }
            // Multiply and subtract.
            var k: Int64 = 0
            for i in 0..<n {
                let p = qhat * UInt64(vn[i])
                let t = Int64(un[i + j]) - k - Int64(p & 0xFFFF_FFFF)
                un[i + j] = UInt32(truncatingIfNeeded: t)
                k = Int64(p >> 32) - (t >> 32)
            }
            let t = Int64(un[j + n]) - k
            un[j + n] = UInt32(truncatingIfNeeded: t)
            if t < 0 {
                // Subtracted one time too many: add the divisor back.
                qhat -= 1
                var carry: UInt64 = 0
                for i in 0..<n {
                    let sum = UInt64(un[i + j]) + UInt64(vn[i]) + carry
                    un[i + j] = UInt32(truncatingIfNeeded: sum)
                    carry = sum >> 32
                }
                un[j + n] = UInt32(truncatingIfNeeded: UInt64(un[j + n]) + carry)
            }
            q[j] = UInt32(truncatingIfNeeded: qhat)
        }
        // Unnormalise the remainder.
        var r = [UInt32](repeating: 0, count: n)
        for i in 0..<n {
            r[i] = un[i] >> s
            if s != 0 { r[i] |= un[i + 1] << (32 - s) }
        }
        return (trimmed(q), trimmed(r))
    }
}
