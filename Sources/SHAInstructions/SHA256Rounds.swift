// SHA-256's block function on the processor's SHA extensions (x86-64 `sha256rnds2`,
// `sha256msg1`, `sha256msg2`), for the manifests' hashes of large output sets: about eight
// times the speed of the portable rounds in `KaimenKit/Support/SHA256.swift`, which remain the
// reference and the path on every other processor. This module alone is compiled with the
// `sha` target feature (see Package.swift); nothing here runs unless `available` says the
// processor has the instructions. The round structure is Intel's published one ("Intel SHA
// Extensions", 2013): two rounds per `sha256rnds2`, the state held as ABEF and CDGH.

#if arch(x86_64)
import _Builtin_intrinsics.intel
#if canImport(Glibc)
import Glibc
#endif
#endif

package enum SHA256Rounds {
    /// Whether this processor has the SHA extensions (on Linux, the `sha_ni` flag of
    /// `/proc/cpuinfo`). Read once.
    package static let available: Bool = {
        #if arch(x86_64) && canImport(Glibc)
        let fd = open("/proc/cpuinfo", O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var text = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 16_384)
        // The first processor's flags line is within the first few kilobytes.
        while text.count < 65_536 {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            text += chunk[0 ..< n]
            if let line = flagsLine(text) { return contains(line, word: Array("sha_ni".utf8)) }
        }
        return false
        #else
        return false
        #endif
    }()

    /// The first complete `flags : …` line, if `text` holds one.
    static func flagsLine(_ text: [UInt8]) -> ArraySlice<UInt8>? {
        var start = 0
        while let end = text[start...].firstIndex(of: UInt8(ascii: "\n")) {
            let line = text[start ..< end]
            if line.starts(with: Array("flags".utf8)) { return line }
            start = end + 1
        }
        return nil
    }

    static func contains(_ line: ArraySlice<UInt8>, word: [UInt8]) -> Bool {
        line.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }).contains { $0.elementsEqual(word) }
    }

    #if arch(x86_64)
    private static let k: [SIMD4<UInt32>] = [
        SIMD4(0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5), SIMD4(0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5),
        SIMD4(0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3), SIMD4(0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174),
        SIMD4(0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc), SIMD4(0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da),
        SIMD4(0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7), SIMD4(0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967),
        SIMD4(0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13), SIMD4(0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85),
        SIMD4(0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3), SIMD4(0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070),
        SIMD4(0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5), SIMD4(0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3),
        SIMD4(0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208), SIMD4(0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2),
    ]

    @inline(__always) private static func m(_ v: SIMD4<UInt32>) -> __m128i { unsafeBitCast(v, to: __m128i.self) }
    @inline(__always) private static func v(_ m: __m128i) -> SIMD4<UInt32> { unsafeBitCast(m, to: SIMD4<UInt32>.self) }

    /// Two rounds: `sha256rnds2(cdgh, abef, wk)` with the message words plus constants in
    /// `wk`'s low half.
    @inline(__always) private static func rounds2(_ cdgh: SIMD4<UInt32>, _ abef: SIMD4<UInt32>, _ wk: SIMD4<UInt32>) -> SIMD4<UInt32> {
        v(_mm_sha256rnds2_epu32(m(cdgh), m(abef), m(wk)))
    }
    @inline(__always) private static func msg1(_ a: SIMD4<UInt32>, _ b: SIMD4<UInt32>) -> SIMD4<UInt32> {
        v(_mm_sha256msg1_epu32(m(a), m(b)))
    }
    @inline(__always) private static func msg2(_ a: SIMD4<UInt32>, _ b: SIMD4<UInt32>) -> SIMD4<UInt32> {
        v(_mm_sha256msg2_epu32(m(a), m(b)))
    }
    /// `palignr(a, b, 4)`: b's last three words, then a's first.
    @inline(__always) private static func align4(_ a: SIMD4<UInt32>, _ b: SIMD4<UInt32>) -> SIMD4<UInt32> { SIMD4(b[1], b[2], b[3], a[0]) }

    /// One group of four rounds, `i` in 0..<16, on the four message registers `x` (word group
    /// `i` in `x[i % 4]`), keeping the schedule three groups ahead.
    @inline(__always)
    private static func group(_ i: Int, _ abef: inout SIMD4<UInt32>, _ cdgh: inout SIMD4<UInt32>,
                              _ cur: SIMD4<UInt32>, _ prev: inout SIMD4<UInt32>, _ next: inout SIMD4<UInt32>) {
        var wk = cur &+ k[i]
        cdgh = rounds2(cdgh, abef, wk)
        if i >= 3 && i <= 14 { next = msg2(next &+ align4(cur, prev), cur) }
        wk = SIMD4(wk[2], wk[3], wk[0], wk[1])
        abef = rounds2(abef, cdgh, wk)
        if i >= 1 && i <= 12 { prev = msg1(prev, cur) }
    }

    /// Compresses `count` 64-byte blocks at `blocks` into `state` (the eight words a…h).
    /// Call only where `available` is true.
    package static func compress(_ state: inout SIMD8<UInt32>, blocks: UnsafeRawPointer, count: Int) {
        // a b c d e f g h → ABEF = (f, e, b, a), CDGH = (h, g, d, c), lowest lane first.
        var abef = SIMD4(state[5], state[4], state[1], state[0])
        var cdgh = SIMD4(state[7], state[6], state[3], state[2])
        var p = blocks
        for _ in 0 ..< count {
            let (savedABEF, savedCDGH) = (abef, cdgh)
            var x0 = load(p, 0), x1 = load(p, 16), x2 = load(p, 32), x3 = load(p, 48)
            for j in stride(from: 0, to: 16, by: 4) {
                group(j, &abef, &cdgh, x0, &x3, &x1)
                group(j + 1, &abef, &cdgh, x1, &x0, &x2)
                group(j + 2, &abef, &cdgh, x2, &x1, &x3)
                group(j + 3, &abef, &cdgh, x3, &x2, &x0)
            }
            abef &+= savedABEF
            cdgh &+= savedCDGH
            p += 64
        }
        state = SIMD8(abef[3], abef[2], cdgh[3], cdgh[2], abef[1], abef[0], cdgh[1], cdgh[0])
    }

    /// Four big-endian message words.
    @inline(__always) private static func load(_ p: UnsafeRawPointer, _ offset: Int) -> SIMD4<UInt32> {
        SIMD4(UInt32(bigEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt32.self)),
              UInt32(bigEndian: p.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)),
              UInt32(bigEndian: p.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)),
              UInt32(bigEndian: p.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
    }
    #else
    package static func compress(_ state: inout SIMD8<UInt32>, blocks: UnsafeRawPointer, count: Int) {
        preconditionFailure("SHA256Rounds.compress without the SHA extensions")
    }
    #endif
}
