import Instructions

/// SHA-256 (FIPS 180-4), written here because Foundation on Linux has none. Used for the
/// session journal's hash chain and the manifests of output folders. Tested against the
/// NIST example vectors (`Tests/KaimenKitTests/Support/SHA256Tests.swift`).
///
/// Where the processor has the SHA extensions (CPUID; `Sources/Instructions`, one C file),
/// blocks go through them, about eight times as fast: the manifest of a million-unit run hashes
/// a gigabyte. The portable rounds below are the reference; the tests run both on the same inputs.
public struct SHA256: Sendable {
    private var state = SIMD8<UInt32>(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0
    private let instructions: Bool

    /// Whether this processor has the SHA extensions (CPUID), asked once.
    static let hasInstructions = kaimen_sha256_available() != 0

    public init() { self.init(instructions: Self.hasInstructions) }

    /// `instructions: false` keeps to the portable rounds (for the tests that hold one against
    /// the other); `true` only where `hasInstructions`.
    init(instructions: Bool) {
        precondition(!instructions || Self.hasInstructions, "the SHA extensions are not available here")
        self.instructions = instructions
        buffer.reserveCapacity(64)
    }

    /// The digest of `bytes` in one call.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var h = SHA256()
        h.update(bytes)
        return h.finish()
    }

    /// The digest as 64 lower-case hexadecimal digits.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hexString(hash(bytes))
    }

    public static func hexString(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(digest.count * 2)
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done != nil { return }
        for b in bytes {
            buffer.append(b)
            length &+= 1
            if buffer.count == 64 {
                buffer.withUnsafeBytes { compressBlocks($0.baseAddress!, count: 1) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Adds bytes from memory: whole 64-byte blocks are compressed where they lie, without copying.
    mutating func update(_ raw: UnsafeRawBufferPointer) {
        guard let rest = topUp(raw) else { return }
        absorb(rest)
    }

    /// Adds `rawA` to `a` and `rawB` to `b`. The whole blocks both have go through the SHA
    /// extensions two at a time, one of each message per round (`kaimen_sha256_blocks2`: the
    /// rounds of one message wait for each other, and the other message's fill the wait, so
    /// the pair takes little more than one alone); the rest as `update` would. Either way each
    /// digest is that of its own bytes.
    static func update(_ a: inout SHA256, _ rawA: UnsafeRawBufferPointer, alongside b: inout SHA256, _ rawB: UnsafeRawBufferPointer) {
        guard let restA = a.topUp(rawA) else { return b.update(rawB) }
        guard let restB = b.topUp(rawB) else { return a.absorb(restA) }
        let pairs = a.instructions && b.instructions ? min(restA.count, restB.count) / 64 : 0
        guard pairs > 0, let pA = restA.baseAddress, let pB = restB.baseAddress else {
            a.absorb(restA)
            b.absorb(restB)
            return
        }
        Self.k.withUnsafeBufferPointer { k in
            withUnsafeMutableBytes(of: &a.state) { sa in
                withUnsafeMutableBytes(of: &b.state) { sb in
                    kaimen_sha256_blocks2(sa.baseAddress!.assumingMemoryBound(to: UInt32.self), pA.assumingMemoryBound(to: UInt8.self),
                                          sb.baseAddress!.assumingMemoryBound(to: UInt32.self), pB.assumingMemoryBound(to: UInt8.self),
                                          pairs, k.baseAddress!)
                }
            }
        }
        a.length &+= UInt64(64 * pairs)
        b.length &+= UInt64(64 * pairs)
        a.absorb(UnsafeRawBufferPointer(rebasing: restA[(64 * pairs)...]))
        b.absorb(UnsafeRawBufferPointer(rebasing: restB[(64 * pairs)...]))
    }

    /// Completes a block begun by an earlier update with the first of `raw`'s bytes. Returns
    /// the bytes left, which start a block of their own, or `nil` when there are none.
    private mutating func topUp(_ raw: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard let p = raw.baseAddress, raw.count > 0 else { return nil }
        if buffer.isEmpty { return raw }
        let take = min(64 - buffer.count, raw.count)
        buffer.append(contentsOf: UnsafeRawBufferPointer(start: p, count: take))
        length &+= UInt64(take)
        if buffer.count < 64 { return nil }
        buffer.withUnsafeBytes { compressBlocks($0.baseAddress!, count: 1) }
        buffer.removeAll(keepingCapacity: true)
        return take < raw.count ? UnsafeRawBufferPointer(start: p + take, count: raw.count - take) : nil
    }

    /// Adds bytes when no block is begun: the whole blocks where they lie, the rest kept.
    private mutating func absorb(_ raw: UnsafeRawBufferPointer) {
        guard var p = raw.baseAddress, raw.count > 0 else { return }
        var left = raw.count
        length &+= UInt64(left)
        if left >= 64 {
            compressBlocks(p, count: left / 64)
            p += left / 64 * 64
            left %= 64
        }
        if left > 0 { buffer.append(contentsOf: UnsafeRawBufferPointer(start: p, count: left)) }
    }

    /// Pads, processes the last block and returns the 32-byte digest.
    public mutating func finish() -> [UInt8] {
        let bitLength = length &* 8
        buffer.append(0x80)
        if buffer.count > 56 {
            while buffer.count < 64 { buffer.append(0) }
            buffer.withUnsafeBytes { compressBlocks($0.baseAddress!, count: 1) }
            buffer.removeAll(keepingCapacity: true)
        }
        while buffer.count < 56 { buffer.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { buffer.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        buffer.withUnsafeBytes { compressBlocks($0.baseAddress!, count: 1) }
        buffer.removeAll()
        let words = (0 ..< 8).map { state[$0] }
        return words.flatMap { w in [UInt8(w >> 24), UInt8(truncatingIfNeeded: w >> 16), UInt8(truncatingIfNeeded: w >> 8), UInt8(truncatingIfNeeded: w)] }
    }

    /// The round constants, for both paths (the instructions' C function is handed them).
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    /// `count` whole blocks from `blocks`, on the SHA extensions where there are some.
    private mutating func compressBlocks(_ blocks: UnsafeRawPointer, count: Int) {
        if instructions {
            Self.k.withUnsafeBufferPointer { k in
                withUnsafeMutableBytes(of: &state) { words in
                    kaimen_sha256_blocks(words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                         blocks.assumingMemoryBound(to: UInt8.self), count, k.baseAddress!)
                }
            }
        } else {
            for b in 0 ..< count { portableCompress(blocks + 64 * b) }
        }
    }

    /// One 64-byte block at `block` in plain Swift; the message schedule lives on the stack.
    private mutating func portableCompress(_ block: UnsafeRawPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 {
                w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
            }
            for i in 16..<64 {
                let s0 = Self.rotr(w[i - 15], 7) ^ Self.rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = Self.rotr(w[i - 2], 17) ^ Self.rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
            Self.k.withUnsafeBufferPointer { k in
                for i in 0..<64 {
                    let s1 = Self.rotr(e, 6) ^ Self.rotr(e, 11) ^ Self.rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = Self.rotr(a, 2) ^ Self.rotr(a, 13) ^ Self.rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    h = g; g = f; f = e; e = d &+ t1
                    d = c; c = b; b = a; a = t1 &+ t2
                }
            }
            state &+= SIMD8(a, b, c, d, e, f, g, h)
        }
    }
}
