import Instructions
import Testing

/// `byte_masks.h`: where a byte occurs in sixteen bytes. The vector form (SSE2 on x86-64) and
/// the word form (integer arithmetic, the path elsewhere) are each checked against a byte-by-byte
/// loop, for every byte value sought, at every offset into a buffer (so unaligned loads too),
/// over buffers that hold every byte value, high bytes and runs of the sought byte included.
@Suite("Byte masks find every occurrence of a byte in sixteen bytes")
struct ByteMaskTests {
    /// Bit k for `p[k] == byte`, one byte at a time.
    static func reference(_ p: UnsafePointer<UInt8>, _ byte: UInt8) -> UInt32 {
        var bits: UInt32 = 0
        for k in 0 ..< 16 where p[k] == byte { bits |= 1 << UInt32(k) }
        return bits
    }

    /// Buffers of 64 bytes: every byte value (four buffers), all one value, alternating
    /// values, and pseudo-random bytes from a fixed seed, some drawn from a few values only so
    /// that a sought byte occurs many times, next to itself and next to its neighbours.
    static let buffers: [[UInt8]] = {
        var out: [[UInt8]] = (0 ..< 4).map { q in (0 ..< 64).map { UInt8(q * 64 + $0) } }
        out.append([UInt8](repeating: 0x2C, count: 64))
        out.append((0 ..< 64).map { $0 % 2 == 0 ? 0x2C : 0x2D })
        out.append((0 ..< 64).map { $0 % 3 == 0 ? 0x80 : 0x00 })
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for few in [256, 4, 2] {
            for _ in 0 ..< 8 {
                out.append((0 ..< 64).map { _ in
                    x ^= x << 13; x ^= x >> 7; x ^= x << 17
                    let r = Int(x % UInt64(few))
                    return few == 256 ? UInt8(r) : [0x2C, 0x0A, 0x2B, 0xAC][r]
                })
            }
        }
        return out
    }()

    /// How many (buffer, offset, byte sought) give `mask` another answer than `reference`.
    static func disagreements(_ mask: (UnsafePointer<UInt8>, UInt8) -> UInt32) -> Int {
        var wrong = 0
        for buffer in buffers {
            buffer.withUnsafeBufferPointer { b in
                for offset in 0 ... 48 {
                    for byte in 0 ... 255 {
                        let p = b.baseAddress! + offset
                        if mask(p, UInt8(byte)) != reference(p, UInt8(byte)) { wrong += 1 }
                    }
                }
            }
        }
        return wrong
    }

    @Test("the vector form agrees with a byte-by-byte loop")
    func vectorForm() {
        #expect(Self.disagreements { kaimen_byte_mask16($0, $1) } == 0)
    }

    @Test("the word form agrees with a byte-by-byte loop")
    func wordForm() {
        #expect(Self.disagreements { kaimen_byte_mask16_words($0, $1) } == 0)
    }

    @Test("hand-worked masks: commas in a long-form row, line feeds, no match, every byte")
    func handWorked() {
        let row = Array("11,4,S08,3\n12,1,S".utf8)
        row.withUnsafeBufferPointer { b in
            // Commas at 2, 4 and 8; the next row's at 13 and 15.
            #expect(kaimen_byte_mask16(b.baseAddress!, UInt8(ascii: ",")) == 0b1010_0001_0001_0100)
            #expect(kaimen_byte_mask16(b.baseAddress!, 0x0A) == 1 << 10)
            #expect(kaimen_byte_mask16(b.baseAddress!, UInt8(ascii: "#")) == 0)
        }
        let same = [UInt8](repeating: 0xFF, count: 16)
        same.withUnsafeBufferPointer { b in
            #expect(kaimen_byte_mask16(b.baseAddress!, 0xFF) == 0xFFFF)
            #expect(kaimen_byte_mask16_words(b.baseAddress!, 0xFF) == 0xFFFF)
            // 0x7F differs from 0xFF only in the high bit, which the word form must not ignore.
            #expect(kaimen_byte_mask16_words(b.baseAddress!, 0x7F) == 0)
        }
    }
}
