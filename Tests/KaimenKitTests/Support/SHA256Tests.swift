import Foundation
import Testing
@testable import KaimenKit

/// Vectors from NIST's "Cryptographic Algorithm Validation Program" examples for SHA-256
/// (FIPS 180-4 Appendix B / SHA256ShortMsg), the million-'a' long message, and the padding
/// boundaries (digests from Python's `hashlib.sha256`). Each on the portable rounds and, where
/// the processor has them, on the SHA extensions; on a processor without them the second set
/// shows as skipped, never as passed.
@Suite("SHA-256 agrees with the NIST test vectors")
struct SHA256Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let digest: String
        var testDescription: String { name }
    }

    static let vectors: [Vector] = [
        Vector(name: "the empty message", bytes: [],
               digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Vector(name: "\"abc\", one block", bytes: Array("abc".utf8),
               digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        Vector(name: "the 448-bit message that needs a second padding block",
               bytes: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
               digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        Vector(name: "the 896-bit message",
               bytes: Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8),
               digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        Vector(name: "55 bytes", bytes: [UInt8](repeating: 0x61, count: 55),
               digest: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        Vector(name: "56 bytes", bytes: [UInt8](repeating: 0x61, count: 56),
               digest: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        Vector(name: "64 bytes", bytes: [UInt8](repeating: 0x61, count: 64),
               digest: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    ]

    static func hex(_ bytes: [UInt8], instructions: Bool) -> String {
        var h = SHA256(instructions: instructions)
        h.update(bytes)
        return SHA256.hexString(h.finish())
    }

    /// One million times 'a', fed in uneven pieces.
    static func million(instructions: Bool) -> String {
        var h = SHA256(instructions: instructions)
        let piece = [UInt8](repeating: 0x61, count: 999)
        var left = 1_000_000
        while left > 0 {
            let n = min(left, piece.count)
            h.update(piece[0..<n])
            left -= n
        }
        return SHA256.hexString(h.finish())
    }

    static let millionDigest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"

    @Test("the portable rounds", arguments: vectors)
    func portable(_ v: Vector) {
        #expect(Self.hex(v.bytes, instructions: false) == v.digest)
    }

    @Test("the SHA extensions", .enabled(if: SHA256.hasInstructions, "this processor has no SHA extensions"), arguments: vectors)
    func instructions(_ v: Vector) {
        #expect(Self.hex(v.bytes, instructions: true) == v.digest)
    }

    @Test("one million times 'a', fed in uneven pieces: the portable rounds")
    func millionPortable() {
        #expect(Self.million(instructions: false) == Self.millionDigest)
    }

    @Test("one million times 'a', fed in uneven pieces: the SHA extensions", .enabled(if: SHA256.hasInstructions, "this processor has no SHA extensions"))
    func millionInstructions() {
        #expect(Self.million(instructions: true) == Self.millionDigest)
    }

    @Test("what the program uses by default is the SHA extensions where the processor has them")
    func byDefault() {
        var h = SHA256()
        h.update(Array("abc".utf8))
        #expect(SHA256.hexString(h.finish()) == Self.vectors[1].digest)
        #expect(SHA256.hex(Self.vectors[2].bytes) == Self.vectors[2].digest)
    }

    @Test("both paths agree on every length up to 300 bytes and on a megabyte fed in odd pieces",
          .enabled(if: SHA256.hasInstructions, "this processor has no SHA extensions"))
    func pathsAgree() {
        var bytes = [UInt8]()
        var x: UInt32 = 2_463_534_242
        for n in 0 ... 300 {
            #expect(Self.hex(bytes, instructions: true) == Self.hex(bytes, instructions: false), "\(n) bytes")
            x ^= x << 13; x ^= x >> 17; x ^= x << 5
            bytes.append(UInt8(truncatingIfNeeded: x))
        }
        while bytes.count < 1 << 20 {
            x ^= x << 13; x ^= x >> 17; x ^= x << 5
            bytes.append(UInt8(truncatingIfNeeded: x))
        }
        var a = SHA256(instructions: true), b = SHA256(instructions: false)
        var at = 0, step = 1
        while at < bytes.count {
            let piece = bytes[at ..< min(bytes.count, at + step)]
            a.update(piece)
            b.update(piece)
            at += piece.count
            step = step * 3 % 10_007 + 1
        }
        #expect(a.finish() == b.finish())
    }

    /// A megabyte and thirteen bytes of xorshift32 from 2 463 534 242 (the low byte of each
    /// step), and its digest from Python:
    ///
    ///     x, out = 2463534242, bytearray()
    ///     while len(out) < (1 << 20) + 13:
    ///         x ^= (x << 13) & 0xffffffff; x ^= x >> 17; x ^= (x << 5) & 0xffffffff
    ///         out.append(x & 0xff)
    ///     hashlib.sha256(out).hexdigest()
    static let xorshift: [UInt8] = {
        var x: UInt32 = 2_463_534_242
        return (0 ..< (1 << 20) + 13).map { _ in
            x ^= x << 13; x ^= x >> 17; x ^= x << 5
            return UInt8(truncatingIfNeeded: x)
        }
    }()
    static let xorshiftDigest = "bf76a08686e3e80b4337697873fa834937de7e4e0ee21d16628783141e28eb19"

    /// The million 'a' and the xorshift bytes hashed alongside each other, each fed in pieces of
    /// its own uneven sizes (so that either may have a block begun when the other has none).
    static func alongside(instructions: Bool) -> (String, String) {
        var a = SHA256(instructions: instructions), b = SHA256(instructions: instructions)
        let piece = [UInt8](repeating: 0x61, count: 5_000)
        var leftA = 1_000_000, atB = 0, step = 1
        while leftA > 0 || atB < xorshift.count {
            let n = min(leftA, step * 7 % 4_999 + 1)
            let m = min(xorshift.count - atB, step)
            piece.withUnsafeBytes { pa in
                xorshift.withUnsafeBytes { pb in
                    SHA256.update(&a, UnsafeRawBufferPointer(rebasing: pa[0 ..< n]), alongside: &b,
                                  UnsafeRawBufferPointer(rebasing: pb[atB ..< atB + m]))
                }
            }
            leftA -= n
            atB += m
            step = step * 3 % 10_007 + 1
        }
        return (SHA256.hexString(a.finish()), SHA256.hexString(b.finish()))
    }

    @Test("two messages hashed alongside each other each get their own digest: the portable rounds")
    func alongsidePortable() {
        let (a, b) = Self.alongside(instructions: false)
        #expect(a == Self.millionDigest)
        #expect(b == Self.xorshiftDigest)
    }

    @Test("two messages hashed alongside each other each get their own digest: two at a time on the SHA extensions",
          .enabled(if: SHA256.hasInstructions, "this processor has no SHA extensions"))
    func alongsideInstructions() {
        let (a, b) = Self.alongside(instructions: true)
        #expect(a == Self.millionDigest)
        #expect(b == Self.xorshiftDigest)
        // Whole blocks from the start on both sides, and one side empty.
        var c = SHA256(instructions: true), d = SHA256(instructions: true), e = SHA256(instructions: true)
        Self.xorshift.withUnsafeBytes { x in
            let whole = UnsafeRawBufferPointer(rebasing: x[0 ..< 1 << 20])
            SHA256.update(&c, whole, alongside: &d, whole)
            SHA256.update(&e, UnsafeRawBufferPointer(rebasing: x[0 ..< 0]), alongside: &c, UnsafeRawBufferPointer(rebasing: x[(1 << 20)...]))
            SHA256.update(&d, UnsafeRawBufferPointer(rebasing: x[(1 << 20)...]), alongside: &e, UnsafeRawBufferPointer(rebasing: x[0 ..< 0]))
        }
        #expect(SHA256.hexString(c.finish()) == Self.xorshiftDigest)
        #expect(SHA256.hexString(d.finish()) == Self.xorshiftDigest)
        #expect(SHA256.hexString(e.finish()) == Self.vectors[0].digest)
    }

    @Test("CPUID finds the SHA extensions where /proc/cpuinfo lists sha_ni, ssse3 and sse4_1")
    func detection() throws {
        let text = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = try #require(text.split(separator: "\n").first { $0.hasPrefix("flags") })
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
        #expect(SHA256.hasInstructions == (flags.contains("sha_ni") && flags.contains("ssse3") && flags.contains("sse4_1")))
    }
}
