import Foundation
import Testing
@testable import KaimenKit
@testable import SHAInstructions

/// Vectors from NIST's "Cryptographic Algorithm Validation Program" examples for SHA-256
/// (FIPS 180-4 Appendix B / SHA256ShortMsg), and the million-'a' long message. Each on the
/// portable rounds and on the processor's SHA extensions (the same portable rounds again where
/// the processor has none).
@Suite("SHA-256 agrees with the NIST test vectors")
struct SHA256Tests {
    static let paths = [false, true]

    static func hex(_ bytes: [UInt8], instructions: Bool) -> String {
        var h = SHA256(instructions: instructions)
        h.update(bytes)
        return SHA256.hexString(h.finish())
    }

    @Test("the empty message", arguments: paths)
    func empty(instructions: Bool) {
        #expect(Self.hex([UInt8](), instructions: instructions) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("\"abc\", one block", arguments: paths)
    func abc(instructions: Bool) {
        #expect(Self.hex(Array("abc".utf8), instructions: instructions) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("the 448-bit message that needs a second padding block", arguments: paths)
    func twoBlocks(instructions: Bool) {
        let m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(Self.hex(Array(m.utf8), instructions: instructions) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("the 896-bit message", arguments: paths)
    func longer(instructions: Bool) {
        let m = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(Self.hex(Array(m.utf8), instructions: instructions) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test("one million times 'a', fed in uneven pieces", arguments: paths)
    func million(instructions: Bool) {
        var h = SHA256(instructions: instructions)
        let piece = [UInt8](repeating: 0x61, count: 999)
        var left = 1_000_000
        while left > 0 {
            let n = min(left, piece.count)
            h.update(piece[0..<n])
            left -= n
        }
        #expect(SHA256.hexString(h.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("55, 56 and 64 bytes: the padding boundaries", arguments: paths)
    func boundaries(instructions: Bool) {
        // Reference digests from Python's hashlib.sha256(b'a' * n).hexdigest().
        #expect(Self.hex([UInt8](repeating: 0x61, count: 55), instructions: instructions) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(Self.hex([UInt8](repeating: 0x61, count: 56), instructions: instructions) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(Self.hex([UInt8](repeating: 0x61, count: 64), instructions: instructions) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    @Test("both paths agree on every length up to 300 bytes and on a megabyte fed in odd pieces")
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

    @Test("the SHA extensions are found where /proc/cpuinfo lists sha_ni")
    func detection() throws {
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("flags") }
        let listed = flags.map { $0.split(separator: " ").contains("sha_ni") } ?? false
        #if arch(x86_64)
        #expect(SHA256Rounds.available == listed)
        #else
        #expect(!SHA256Rounds.available)
        #endif
    }
}
