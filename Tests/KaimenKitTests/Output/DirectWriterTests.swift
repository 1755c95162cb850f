import Foundation
import Testing
@testable import KaimenKit

#if canImport(Glibc)
import Glibc
#endif

/// The writer that hands a large file to the disk around the page cache: whatever the sizes of
/// the pieces it is given, the file read back is exactly those bytes, the aligned part written
/// directly and the last partial block the ordinary way.
@Suite("Direct writes: a streamed file read back is exactly its bytes")
struct DirectWriterTests {
    /// Bytes with no period of a power of two, so a block written twice or in the wrong place
    /// shows: made once (the sanitizer runs take every byte's closure several times slower),
    /// and each test takes its part from its own offset.
    /// (A plain loop: `map` over a range of 24 million went through generic code in a debug build.)
    static let pool: [UInt8] = {
        let n = (DirectWriter.bufferCount + 2) * DirectWriter.capacity + 16_384
        return [UInt8](unsafeUninitializedCapacity: n) { bytes, count in
            for i in 0 ..< n { bytes[i] = UInt8(truncatingIfNeeded: (i &* 131 &+ i / 251) % 253) }
            count = n
        }
    }()

    static func bytes(_ count: Int, seed: Int) -> [UInt8] {
        let from = (seed &* 7919) % 8192
        return Array(pool[from ..< from + count])
    }

    /// Whether two byte arrays are equal, compared with `memcmp`: `==` on arrays of megabytes
    /// goes element by element in a debug build, and several times slower under a sanitizer.
    static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.count == b.count && a.withUnsafeBytes { x in b.withUnsafeBytes { y in a.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, a.count) == 0 } }
    }

    /// Writes `data` in pieces of the sizes `pieces` gives (cycled) and reads the file back.
    static func roundTrip(_ data: [UInt8], pieces: [Int]) throws -> (back: [UInt8], direct: Bool) {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let path = s.url.appendingPathComponent("f.bin").path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        try #require(fd >= 0)
        var direct = false
        do {
            defer { close(fd) }
            let writer = try #require(DirectWriter(fd: fd), "the temporary folder's file system refuses O_DIRECT")
            var at = 0, k = 0
            try data.withUnsafeBytes { raw in
                while at < raw.count {
                    let n = min(pieces[k % pieces.count], raw.count - at)
                    try #require(writer.write(UnsafeRawBufferPointer(rebasing: raw[at ..< at + n])))
                    at += n
                    k += 1
                }
            }
            direct = writer.direct
            try #require(writer.finish())
        }
        return ([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), direct)
    }

    #if os(Linux) && (arch(x86_64) || arch(i386) || arch(arm64) || arch(arm))
    @Test("sizes around the block and the buffer: each file reads back whole", arguments: [
        0, 1, 4095, 4096, 4097, 8192 + 7,
        DirectWriter.capacity - 1, DirectWriter.capacity, DirectWriter.capacity + 1,
        2 * DirectWriter.capacity + 4096 * 3 + 123,
        // More buffers' worth than the writer has: each is filled again after its write.
        (DirectWriter.bufferCount + 1) * DirectWriter.capacity + 4096 + 5,
    ])
    func sizes(_ count: Int) throws {
        let data = Self.bytes(count, seed: count)
        let (back, direct) = try Self.roundTrip(data, pieces: [count == 0 ? 1 : count])
        #expect(back.count == count)
        #expect(Self.same(back, data))
        // The whole buffer went to the disk directly (the last partial block is written after).
        #expect(direct)
    }

    @Test("pieces of odd sizes, larger and smaller than the buffer, are gathered in order")
    func oddPieces() throws {
        let data = Self.bytes(2 * DirectWriter.capacity + 5_000, seed: 7)
        for pieces in [[1, 4095, 4097, 100_003], [DirectWriter.capacity + 3, 7]] {
            let (back, _) = try Self.roundTrip(data, pieces: pieces)
            #expect(Self.same(back, data), "pieces \(pieces)")
        }
    }

    /// A write the system refuses on the writing thread is the caller's failure, with its
    /// `errno`, at the next buffer or at `finish` (here: a file opened for reading only).
    @Test("a write refused on the writing thread fails the file with its errno", arguments: [
        2 * DirectWriter.capacity + 10,
        // One buffer's write, first seen failed at `finish`.
        DirectWriter.capacity + 10,
    ])
    func refusedWrite(_ count: Int) throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let path = s.url.appendingPathComponent("read-only.bin").path
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        let writer = try #require(DirectWriter(fd: fd), "the temporary folder's file system refuses O_DIRECT")
        let data = Self.bytes(count, seed: 11)
        let wrote = data.withUnsafeBytes { writer.write($0) }
        let finished = wrote && writer.finish()
        let reason = errno
        #expect(!finished, "a refused write is reported")
        #expect(reason == EBADF)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data([1, 2, 3]))
    }
    #endif

    /// A streamed file in an output set goes through the direct writer; its bytes and its
    /// manifest entry are the stream's, for a size that ends inside a block.
    @Test("a streamed output file of an unaligned size is exactly the stream")
    func streamedOutput() throws {
        let s = ScratchFolder()
        defer { s.cleanUp() }
        let data = Self.bytes(DirectWriter.capacity + 4096 + 99, seed: 3)
        var batch = OutputBatch()
        batch.add(streaming: { write in
            try data.withUnsafeBytes { raw in
                try write(UnsafeRawBufferPointer(rebasing: raw[..<1000]))
                try write(UnsafeRawBufferPointer(rebasing: raw[1000...]))
            }
        }, at: "s.bin")
        try batch.commit(into: s.url.appendingPathComponent("out"))
        let back = try Data(contentsOf: s.url.appendingPathComponent("out/s.bin"))
        #expect(Self.same([UInt8](back), data))
    }
}
