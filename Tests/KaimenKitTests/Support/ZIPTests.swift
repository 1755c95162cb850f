import Testing
@testable import KaimenKit

@Suite("CRC-32 and the store-only ZIP writer")
struct ZIPTests {
    /// Published check values: "123456789" is the CRC catalogue's check string (CRC-32/ISO-HDLC
    /// check = 0xCBF43926); the pangram's CRC is the one zlib's `crc32()` and Python's
    /// `zlib.crc32(b"The quick brown fox jumps over the lazy dog")` give (0x414FA339).
    @Test("CRC-32 matches the published check values", arguments: [
        ("123456789", UInt32(0xCBF4_3926)), ("", 0), ("a", 0xE8B7_BE43), ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
    ])
    func crc(_ text: String, _ expected: UInt32) {
        #expect(CRC32.checksum(text) == expected)
        var split = CRC32()
        split.update(Array(text.utf8).prefix(3))
        split.update(Array(text.utf8).dropFirst(3))
        #expect(split.value == expected)
    }

    /// A long input through the eight-bytes-at-a-time path, whole and split at every offset
    /// below 16 (so each tail length and alignment is crossed). Expected from Python:
    /// `zlib.crc32(bytes((i*i+7*i)%256 for i in range(100003)))` = 0x5AA72339.
    @Test("CRC-32 of 100 003 bytes matches zlib, however the bytes are split")
    func crcLong() {
        let bytes = (0..<100_003).map { (i: Int) -> UInt8 in UInt8((i * i + 7 * i) % 256) }
        #expect(CRC32.checksum(bytes) == 0x5AA7_2339)
        #expect(CRC32.checksum(bytes.lazy.map { $0 }) == 0x5AA7_2339)
        for cut in 0..<16 {
            var split = CRC32()
            split.update(Array(bytes[..<cut]))
            split.update(Array(bytes[cut...]))
            #expect(split.value == 0x5AA7_2339)
        }
    }

    static func le32(_ b: [UInt8], _ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(b[at + $1]) << (8 * $1) } }
    static func le16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }

    @Test("each local header carries the CRC and both sizes, names are UTF-8, and the directory points back")
    func layout() throws {
        var zip = ZIPArchive()
        zip.add("a.txt", text: "123456789")
        zip.add("目录/表.xml", text: "")
        let b = try #require(zip.bytes())
        // First local header: signature, version 20, flags bit 11 (UTF-8), method 0 (stored).
        #expect(Self.le32(b, 0) == 0x0403_4B50)
        #expect(Self.le16(b, 6) == 0x0800)
        #expect(Self.le16(b, 8) == 0)
        #expect(Self.le32(b, 14) == 0xCBF4_3926)
        #expect(Self.le32(b, 18) == 9 && Self.le32(b, 22) == 9)
        #expect(Self.le16(b, 26) == 5)
        #expect(Array(b[30..<35]) == Array("a.txt".utf8))
        #expect(Array(b[35..<44]) == Array("123456789".utf8))
        // Second entry follows at 44; its name is 16 bytes of UTF-8.
        #expect(Self.le32(b, 44) == 0x0403_4B50)
        #expect(Self.le16(b, 44 + 26) == "目录/表.xml".utf8.count)
        // End of central directory: 2 entries, and the directory's offset is where it starts.
        let eocd = b.count - 22
        #expect(Self.le32(b, eocd) == 0x0605_4B50)
        #expect(Self.le16(b, eocd + 10) == 2)
        let dir = Int(Self.le32(b, eocd + 16))
        #expect(Self.le32(b, dir) == 0x0201_4B50)
        #expect(Self.le32(b, dir + 42) == 0)  // first entry's local header offset
        #expect(zip.bytes() == b)  // no clock in the file
    }
}
