import Instructions

/// A CSV writer over raw memory, for writers that format millions of cells: the same cells,
/// quoting and formula neutralisation as `CSVWriter`, byte for byte, without an array's
/// capacity and uniqueness checks on every byte.
///
/// Its memory is an `OwnedMemory`, freed when the last copy of the writer goes. It holds
/// nothing else that is not a plain value, so the compiler checks that it is `Sendable`.
struct CSVChunkWriter: Sendable {
    private var memory: OwnedMemory<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        memory = OwnedMemory(uninitialized: max(64, capacity))
        self.capacity = memory.count
    }

    /// Where the bytes are: `memory`'s, until it grows.
    @inline(__always) private var base: UnsafeMutablePointer<UInt8> { memory.base }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Forgets what was written, keeping the memory.
    mutating func removeAll() { count = 0 }

    /// Room for `n` more bytes.
    @inline(__always) mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(count + n) }
    }

    private mutating func grow(_ needed: Int) {
        let bigger = OwnedMemory<UInt8>(uninitialized: max(needed, capacity * 2))
        bigger.base.update(from: base, count: count)
        memory = bigger
        capacity = bigger.count
    }

    @inline(__always) mutating func byte(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    @inline(__always) mutating func separator() { byte(UInt8(ascii: ",")) }

    @inline(__always) mutating func endRow() {
        reserve(2)
        base[count] = 0x0D
        base[count + 1] = 0x0A
        count += 2
    }

    /// Bytes written as they are (text this program wrote itself).
    @inline(__always) mutating func raw(_ b: UnsafeBufferPointer<UInt8>) {
        guard let p = b.baseAddress, b.count > 0 else { return }
        reserve(b.count)
        (base + count).update(from: p, count: b.count)
        count += b.count
    }

    mutating func raw(_ b: [UInt8]) { b.withUnsafeBufferPointer { raw($0) } }

    /// A string's UTF-8 as it is (text this program wrote itself).
    mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { raw($0) }
    }

    /// An untrusted text cell: neutralised and quoted exactly as `CSVWriter.text(_:)` does.
    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { text(utf8: $0) }
    }

    mutating func text(utf8: UnsafeBufferPointer<UInt8>) {
        let shape = CSVWriter.shape(of: utf8, neutralise: true)
        if !shape.quoted && !shape.prefixQuote {
            raw(utf8)
            return
        }
        reserve(2 * utf8.count + 3)
        let base = base
        if shape.quoted { base[count] = UInt8(ascii: "\""); count += 1 }
        if shape.prefixQuote { base[count] = UInt8(ascii: "'"); count += 1 }
        for b in utf8 {
            base[count] = b
            count += 1
            if shape.quoted && b == UInt8(ascii: "\"") { base[count] = b; count += 1 }
        }
        if shape.quoted { base[count] = UInt8(ascii: "\""); count += 1 }
    }

    /// A whole number.
    @inline(__always) mutating func integer(_ v: Int64) {
        guard v >= 0 && v < 100_000_000 else { return fixed(v, places: 0) }
        // The eight digits, leading zeros shifted out (all but the last), in one store.
        let digits = Self.eightDigits(UInt64(v))
        let zeros = min(7, (digits ^ 0x3030_3030_3030_3030).trailingZeroBitCount >> 3)
        reserve(8)
        UnsafeMutableRawPointer(base + count).storeBytes(of: digits &>> UInt64(8 &* zeros), as: UInt64.self)
        count &+= 8 &- zeros
    }

    /// `v × 10^−places` in fixed point, exactly as `Rational.formatScaled` prints it
    /// (`8735`, 2 → `87.35`; `-5`, 2 → `-0.05`). The digits are made two at a time, from the
    /// last, into a block on the stack and copied once: a summary at six places is mostly
    /// these numbers, too large for `FixedDigits`' table.
    @inline(__always) mutating func fixed(_ v: Int64, places: Int) {
        // At most 20 digits (or `places` and a leading zero), a point and a sign: 64 bytes
        // hold any precision a rules file can have; `formatScaled` prints the rest.
        guard places <= 40 else {
            raw(Rational.formatScaled(v, places: places))
            return
        }
        reserve(64)
        var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        let out = base + count
        let length = withUnsafeMutableBytes(of: &block) { t -> Int in
            let pairs = Self.digitPairs.utf8Start
            var i = t.count
            var m = v.magnitude
            @inline(__always) func pair(_ r: Int) {
                i -= 2
                t[i] = pairs[2 * r]
                t[i + 1] = pairs[2 * r + 1]
            }
            var left = places
            while left >= 2 {
                pair(Int(m % 100))
                m /= 100
                left -= 2
            }
            if left == 1 {
                i -= 1
                t[i] = UInt8(truncatingIfNeeded: m % 10) &+ 48
                m /= 10
            }
            if places > 0 {
                i -= 1
                t[i] = UInt8(ascii: ".")
            }
            while m >= 100 {
                pair(Int(m % 100))
                m /= 100
            }
            if m >= 10 {
                pair(Int(m))
            } else {
                i -= 1
                t[i] = UInt8(truncatingIfNeeded: m) &+ 48
            }
            if v < 0 {
                i -= 1
                t[i] = UInt8(ascii: "-")
            }
            UnsafeMutableRawPointer(out).copyMemory(from: t.baseAddress! + i, byteCount: t.count - i)
            return t.count - i
        }
        count += length
    }

    /// `00`, `01`, … `99`: the two digits of each value below 100.
    private static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    /// A separator and then `v` at the table's places, from the table when `v` is in it (all
    /// the points of real criteria are): one 8-byte store instead of a digit loop. Where the
    /// table is empty (more places than 8 bytes hold: `,1.600000` at six), a value below 100
    /// (again all the points of real criteria) is written straight into place, its length
    /// known from two comparisons, with no block to copy from.
    @inline(__always) mutating func separatorAndFixed(_ v: Int64, _ table: FixedDigits) {
        reserve(Self.fixedRoom)
        placeSeparatorAndFixed(v, table)
    }

    /// `separatorAndFixed` for each of `count` values from `values`, in one call: room for all
    /// of them is made once, and again only after a value the digit loop wrote (which may take
    /// more than `fixedRoom`).
    ///
    /// Where the processor has AVX-512 and the places are 1 to 6 (`FixedDigits.vector`), eight
    /// values at a time by `kaimen_fixed_cells` (`Sources/Instructions`), the same bytes; a value
    /// it does not take (negative, or 100 points or more) sends all `count` through the loop
    /// here instead.
    mutating func separatorsAndFixed(_ values: UnsafePointer<Int64>, count n: Int, _ table: FixedDigits) {
        reserve(n * Self.fixedRoom)
        if table.vector {
            let written = kaimen_fixed_cells(values, n, Int32(table.places), base + count)
            if written >= 0 {
                count += written
                return
            }
        }
        for k in 0 ..< n {
            let placed = placeSeparatorAndFixed(values[k], table)
            if !placed { reserve((n - k - 1) * Self.fixedRoom) }
        }
    }

    /// Room for a separator and a value from the table, or written straight into place
    /// (at most 16 places, two digits, the point and the separator: 20 bytes).
    private static let fixedRoom = 24

    /// `separatorAndFixed`, with `fixedRoom` bytes of room already made (the digit loop, for
    /// any other value, makes its own). False when the digit loop wrote the value, so the
    /// room made before may be used up.
    @discardableResult
    @inline(__always) private mutating func placeSeparatorAndFixed(_ v: Int64, _ table: FixedDigits) -> Bool {
        if v >= 0 && v < Int64(table.entries.count) {
            let e = table.entries[Int(v)]
            UnsafeMutableRawPointer(base + count).storeBytes(of: e.bytes, as: UInt64.self)
            count += Int(e.count)
            return true
        } else if v >= 0 && v < table.twoDigitsBelow {
            if table.places <= 8 { separatorAndEightPlaces(UInt64(v), table) } else { separatorAndSmall(UInt64(v), table) }
            return true
        } else {
            separator()
            fixed(v, places: table.places)
            return false
        }
    }

    /// The eight decimal digits of `x` (below 10^8, leading zeros included) in ASCII, the first
    /// in the lowest byte: `x` split into two halves of four digits, each half into two pairs,
    /// each pair into two digits, every lane of the word at once. The quotients come from
    /// multiplying by 10 486 / 2^20 (exact for a half below 10 000) and by 103 / 2^10 (exact for
    /// a pair below 100); no lane's product reaches the next lane.
    @inline(__always) static func eightDigits(_ x: UInt64) -> UInt64 {
        let halves = x / 10_000 | (x % 10_000) << 32
        let hundreds = ((halves &* 10_486) >> 20) & 0x0000_007F_0000_007F
        let pairs = hundreds | (halves &- hundreds &* 100) << 16
        let tens = ((pairs &* 103) >> 10) & 0x000F_000F_000F_000F
        return (tens | (pairs &- tens &* 10) << 8) | 0x3030_3030_3030_3030
    }

    /// `separatorAndSmall` at one to eight places, without a loop: the ten digits of `v`
    /// (below 100 × 10^places ≤ 10^10) are the two of `v / 10^8` and the eight of the rest
    /// (`eightDigits`); the places are the last of them, the whole part the two before. Written
    /// as two stores, the separator, whole part and point, and then the places (whose word
    /// reaches beyond them into room the caller made, to be written over by what follows).
    @inline(__always) private mutating func separatorAndEightPlaces(_ v: UInt64, _ table: FixedDigits) {
        let places = table.places
        let twoDigits = v >= UInt64(table.twoDigitsFrom)
        let low = Self.eightDigits(v % 100_000_000)
        let fraction = low &>> UInt64(8 &* (8 &- places))
        // The two digits before the places, the first of them in the low byte.
        let whole: UInt64
        if places <= 6 {
            whole = (low &>> UInt64(8 &* (6 &- places))) & 0xFFFF
        } else {
            let high = UInt64(truncatingIfNeeded: table.quads.base[Int(truncatingIfNeeded: v / 100_000_000)] >> 16)
            whole = places == 8 ? high : (high >> 8) | (low & 0xFF) << 8
        }
        let out = UnsafeMutableRawPointer(base + count)
        if twoDigits {
            out.storeBytes(of: 0x2C | whole << 8 | 0x2E << 24, as: UInt64.self)
            out.storeBytes(of: fraction, toByteOffset: 4, as: UInt64.self)
            count &+= places &+ 4
        } else {
            out.storeBytes(of: 0x2C | (whole >> 8) << 8 | 0x2E << 16, as: UInt64.self)
            out.storeBytes(of: fraction, toByteOffset: 3, as: UInt64.self)
            count &+= places &+ 3
        }
    }

    /// `,` and `v` at the table's places (9 to 16; `separatorAndEightPlaces` takes 1 to 8), `v`
    /// below 100 × 10^places: one or two digits, the point, and the places' digits, written
    /// from the last, four at a time from the table's `quads`, into room the caller made
    /// (`fixedRoom`).
    @inline(__always) private mutating func separatorAndSmall(_ v: UInt64, _ table: FixedDigits) {
        let twoDigits = v >= UInt64(table.twoDigitsFrom)
        let length = table.places &+ (twoDigits ? 4 : 3)
        let out = UnsafeMutableRawPointer(base + count)
        let quads = table.quads.base
        var m = v, i = length, left = table.places
        while left >= 4 {
            i &-= 4
            out.storeBytes(of: quads[Int(truncatingIfNeeded: m % 10_000)], toByteOffset: i, as: UInt32.self)
            m /= 10_000
            left &-= 4
        }
        if left >= 2 {
            // The last two of the four digits of a value below 100.
            i &-= 2
            out.storeBytes(of: UInt16(truncatingIfNeeded: quads[Int(truncatingIfNeeded: m % 100)] >> 16), toByteOffset: i, as: UInt16.self)
            m /= 100
            left &-= 2
        }
        if left == 1 {
            i &-= 1
            out.storeBytes(of: UInt8(truncatingIfNeeded: m % 10) &+ 48, toByteOffset: i, as: UInt8.self)
            m /= 10
        }
        out.storeBytes(of: UInt8(ascii: "."), toByteOffset: i &- 1, as: UInt8.self)
        if twoDigits {
            out.storeBytes(of: UInt16(truncatingIfNeeded: quads[Int(truncatingIfNeeded: m)] >> 16), toByteOffset: 1, as: UInt16.self)
        } else {
            out.storeBytes(of: UInt8(truncatingIfNeeded: m) &+ 48, toByteOffset: 1, as: UInt8.self)
        }
        out.storeBytes(of: UInt8(ascii: ","), as: UInt8.self)
        count &+= length
    }
}

/// `,` and the digits of every small non-negative scaled value at some number of places
/// (`,0.00` … `,163.83` at 2), each packed little-endian into 8 bytes, made once per file.
struct FixedDigits: Sendable {
    let places: Int
    let entries: [(bytes: UInt64, count: UInt8)]
    /// 10 × 10^places and 100 × 10^places: from the first a value has two digits before the
    /// point; below the second it is written straight into place by `separatorAndFixed`
    /// (0 for none: at no places, or more than 16).
    let twoDigitsFrom: Int64, twoDigitsBelow: Int64
    /// The four digits of every value below 10 000 (`0000` … `9999`), packed little-endian.
    let quads: OwnedMemory<UInt32>
    /// Whether `separatorsAndFixed` writes eight values at a time (`kaimen_fixed_cells`): at one
    /// to six places, where the processor has AVX-512.
    let vector: Bool

    /// Whether this processor and system run `kaimen_fixed_cells` (CPUID), asked once.
    static let hasVector = kaimen_fixed_cells_available() != 0

    /// Empty (every value takes the digit loop) when an entry would not fit in 8 bytes.
    /// `vector: false` keeps `separatorsAndFixed` to the loop (for the tests that hold one
    /// against the other).
    init(places: Int, limit: Int = 16_384, vector: Bool = true) {
        self.places = places
        self.vector = vector && Self.hasVector && (1 ... 6).contains(places)
        var w = CSVChunkWriter(capacity: 32)
        var entries: [(bytes: UInt64, count: UInt8)] = []
        entries.reserveCapacity(limit)
        for v in 0..<limit {
            w.removeAll()
            w.separator()
            w.fixed(Int64(v), places: places)
            guard w.count <= 8 else { entries = []; break }
            var packed: UInt64 = 0
            for (i, b) in w.bytes.enumerated() { packed |= UInt64(b) << (8 * UInt64(i)) }
            entries.append((packed, UInt8(w.count)))
        }
        self.entries = entries
        quads = OwnedMemory(uninitialized: 10_000)
        for n in 0..<10_000 {
            let (a, b, c, d) = (UInt32(n / 1000 + 48), UInt32(n / 100 % 10 + 48), UInt32(n / 10 % 10 + 48), UInt32(n % 10 + 48))
            quads.base[n] = a | b << 8 | c << 16 | d << 24
        }
        if (1...16).contains(places) {
            var power: Int64 = 1
            for _ in 0..<places { power *= 10 }
            (twoDigitsFrom, twoDigitsBelow) = (10 * power, 100 * power)
        } else {
            (twoDigitsFrom, twoDigitsBelow) = (0, 0)
        }
    }
}
