import Foundation
import Testing
@testable import KaimenKit

/// Raw DEFLATE streams made by zlib (`Fixtures/reference/workbook/make_inflate.py`): stored,
/// fixed and dynamic blocks, overlapping copies, Huffman-only and run-length streams, a small
/// window. Each decodes to the length and SHA-256 Python's `hashlib` gave (`inflate.tsv`).
@Suite("Inflate: raw DEFLATE as zlib writes it, and every malformed stream refused")
struct InflateTests {
    static let folder = "reference/workbook"

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String, length: Int, sha256: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let tsv = (try? String(contentsOfFile: Fixtures.path("\(folder)/inflate.tsv"), encoding: .utf8)) ?? ""
        return tsv.split(separator: "\n").map { line in
            let f = line.split(separator: "\t").map(String.init)
            return Case(name: f[0], length: Int(f[1]) ?? -1, sha256: f[2])
        }
    }()

    static func stream(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixtures.url("\(folder)/\(name).deflate")))
    }

    @Test("nine streams from zlib decode to the bytes hashlib hashed")
    func count() { #expect(Self.cases.map(\.name) == ["empty", "stored", "fixed", "dynamic", "run", "huffman-only", "rle", "random", "small-window"]) }

    @Test("decodes to zlib's input, byte for byte", arguments: cases)
    func decodes(_ c: Case) throws {
        let out = try Inflate.decompress(try Self.stream(c.name)[...], limit: 1 << 20)
        #expect(out.count == c.length)
        #expect(SHA256.hex(out) == c.sha256)
    }

    @Test("the short stream by hand: fixed codes, and a copy of 14 bytes from 7 back")
    func fixedByHand() throws {
        let out = try Inflate.decompress(try Self.stream("fixed")[...], limit: 100)
        #expect(String(decoding: out, as: UTF8.self) == "hello, hello, hello! kaimen")
    }

    @Test("a stored block by hand: LEN, its complement, the bytes; an empty stored block ends it")
    func storedByHand() throws {
        // BFINAL 0, BTYPE 00, then LEN 3 / NLEN; then BFINAL 1, BTYPE 00, LEN 0.
        let bytes: [UInt8] = [0x00, 0x03, 0x00, 0xFC, 0xFF, 0x61, 0x62, 0x63, 0x01, 0x00, 0x00, 0xFF, 0xFF]
        #expect(try Inflate.decompress(bytes[...], limit: 10) == Array("abc".utf8))
        // The same within a larger array: the slice's indices are not from zero.
        let padded = [0xEE, 0xEE] + bytes + [0xEE]
        #expect(try Inflate.decompress(padded[2..<(2 + bytes.count)], limit: 10) == Array("abc".utf8))
    }

    @Test("cut short anywhere, a stream is `truncated` or `malformed`, never read past its end")
    func truncated() throws {
        for name in ["fixed", "dynamic", "stored", "run"] {
            let s = try Self.stream(name)
            for cut in Set([0, 1, 2, s.count / 3, s.count / 2, s.count - 1]) {
                #expect(throws: Inflate.Failure.self) { try Inflate.decompress(s[..<cut], limit: 1 << 20) }
            }
        }
        #expect(throws: Inflate.Failure.truncated) { try Inflate.decompress([UInt8]()[...], limit: 10) }
        #expect(throws: Inflate.Failure.truncated) { try Inflate.decompress(try Self.stream("dynamic").dropLast(1000), limit: 1 << 20) }
    }

    @Test("block type 3, a stored length that is not its complement, a distance before the start: `malformed`")
    func malformed() throws {
        #expect(throws: Inflate.Failure.malformed) { try Inflate.decompress([0x07][...], limit: 10) }          // BFINAL 1, BTYPE 11
        #expect(throws: Inflate.Failure.malformed) { try Inflate.decompress([0x01, 0x03, 0x00, 0xFC, 0xFE, 0x61, 0x62, 0x63][...], limit: 10) }
        // Fixed codes: literal 'a' (0x91 as 8 bits), then length 3 (code 257, 7 bits 0000001) at distance 2 (5 bits 00001): one byte back is all there is.
        var bits: [Int] = [1, 1, 0]                                  // BFINAL, BTYPE = 01 (least significant bit first)
        bits += [1, 0, 0, 1, 0, 0, 0, 1].map { $0 }                  // 'a' = 0x61 + 0x30 = 0x91, most significant bit first
        bits += [0, 0, 0, 0, 0, 0, 1]                                // length code 257
        bits += [0, 0, 0, 0, 1]                                      // distance code 1: distance 2
        bits += [0, 0, 0, 0, 0, 0, 0]                                // end of block
        #expect(throws: Inflate.Failure.malformed) { try Inflate.decompress(Self.pack(bits)[...], limit: 10) }
        // The same with distance code 0 (distance 1) reads 'aaaa'.
        bits[18...22] = [0, 0, 0, 0, 0]
        #expect(try Inflate.decompress(Self.pack(bits)[...], limit: 10) == Array("aaaa".utf8))
    }

    /// Lengths 1, 2, …, 14, 15, 15 (a complete code): the codes past the table's nine bits are
    /// found bit by bit. Canonical codes by hand: symbol k < 14 is k ones and a zero; 14 and 15
    /// are fourteen ones and a 0 or a 1.
    @Test("codes longer than the lookup table's nine bits decode, as canonical codes by hand say")
    func longCodes() throws {
        let lengths = (1...14).map { UInt8($0) } + [15, 15]
        let huffman = try #require(Inflate.Huffman(lengths: lengths[...]))
        func code(_ symbol: Int) -> [Int] {
            symbol < 14 ? Array(repeating: 1, count: symbol) + [0] : Array(repeating: 1, count: 14) + [symbol - 14]
        }
        let message = [15, 0, 14, 9, 10, 3, 13, 1]
        var reader = Inflate.BitReader(Self.pack(message.flatMap(code))[...])
        #expect(try message.map { _ in try huffman.decode(&reader) } == message)
        // An incomplete code: a missing long code is `malformed`, not a symbol.
        let incomplete = try #require(Inflate.Huffman(lengths: ((1...14).map { UInt8($0) } + [15])[...]))
        var missing = Inflate.BitReader(Self.pack(code(15))[...])
        #expect(throws: Inflate.Failure.malformed) { try incomplete.decode(&missing) }
        // Over-subscribed lengths are no code at all.
        #expect(Inflate.Huffman(lengths: [1, 1, 1][...]) == nil)
    }

    /// Bits in the order DEFLATE reads them, packed least significant first.
    static func pack(_ bits: [Int]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (i, b) in bits.enumerated() where b == 1 { out[i / 8] |= 1 << UInt8(i % 8) }
        return out
    }

    @Test("no more than the limit is made: 100 000 bytes from a 115-byte stream stop at 99 999")
    func limit() throws {
        let s = try Self.stream("run")
        #expect(throws: Inflate.Failure.tooLarge) { try Inflate.decompress(s[...], limit: 99_999) }
        #expect(try Inflate.decompress(s[...], limit: 100_000).count == 100_000)
        #expect(throws: Inflate.Failure.tooLarge) { try Inflate.decompress(try Self.stream("stored")[...], limit: 1000) }
    }

    @Test("random bytes never trap: each is decoded, or refused with a reason")
    func randomBytes() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let n = Int.random(in: 0..<64, using: &rng)
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            _ = try? Inflate.decompress(bytes[...], limit: 1 << 16)
        }
    }
}
