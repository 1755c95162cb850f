/// CRC-32 as ZIP, PNG and gzip use it (IEEE 802.3, reflected polynomial 0xEDB88320, initial
/// value and final XOR 0xFFFFFFFF): `CRC32.checksum("123456789")` is `0xCBF43926`.
public struct CRC32: Sendable {
    public private(set) var value: UInt32 = 0

    public init() {}

    /// Eight tables of 256 (slicing-by-8): `table[b]` is the byte-at-a-time table; table k
    /// (at `256 * k`) advances a byte's contribution past k more zero bytes, so eight bytes
    /// are folded in with eight lookups and no dependency between them.
    static let table: [UInt32] = {
        var t = [UInt32](repeating: 0, count: 8 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            t[n] = c
        }
        for k in 1..<8 {
            for n in 0..<256 { t[256 * k + n] = t[Int(t[256 * (k - 1) + n] & 0xFF)] ^ (t[256 * (k - 1) + n] >> 8) }
        }
        return t
    }()

    /// Adds more bytes; the checksum of everything so far is `value`.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        var c = ~value
        let t = CRC32.table
        for b in bytes { c = t[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        value = ~c
    }

    /// Adds more bytes, eight at a time (a workbook is megabytes).
    public mutating func update(_ bytes: [UInt8]) {
        var c = ~value
        let t = CRC32.table
        var i = 0
        let whole = bytes.count & ~7
        while i < whole {
            let lo = c ^ (UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
            let x = t[7 * 256 + Int(lo & 0xFF)] ^ t[6 * 256 + Int((lo >> 8) & 0xFF)]
                ^ t[5 * 256 + Int((lo >> 16) & 0xFF)] ^ t[4 * 256 + Int(lo >> 24)]
            let y = t[3 * 256 + Int(bytes[i + 4])] ^ t[2 * 256 + Int(bytes[i + 5])]
                ^ t[256 + Int(bytes[i + 6])] ^ t[Int(bytes[i + 7])]
            c = x ^ y
            i += 8
        }
        while i < bytes.count {
            c = t[Int((c ^ UInt32(bytes[i])) & 0xFF)] ^ (c >> 8)
            i += 1
        }
        value = ~c
    }

    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var c = CRC32()
        c.update(bytes)
        return c.value
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c = CRC32()
        c.update(bytes)
        return c.value
    }

    public static func checksum(_ text: String) -> UInt32 { checksum(Array(text.utf8)) }
}
