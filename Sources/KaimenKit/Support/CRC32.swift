/// CRC-32 as ZIP, PNG and gzip use it (IEEE 802.3, reflected polynomial 0xEDB88320, initial
/// value and final XOR 0xFFFFFFFF): `CRC32.checksum("123456789")` is `0xCBF43926`.
public struct CRC32: Sendable {
    public private(set) var value: UInt32 = 0

    public init() {}

    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// Adds more bytes; the checksum of everything so far is `value`.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        var c = ~value
        for b in bytes { c = CRC32.table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        value = ~c
    }

    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var c = CRC32()
        c.update(bytes)
        return c.value
    }

    public static func checksum(_ text: String) -> UInt32 { checksum(text.utf8) }
}
