#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import Dispatch

/// Writes a large file around the page cache (Linux's `O_DIRECT`): the bytes are gathered in
/// aligned buffers of its own and handed to the disk from there, a whole buffer at a time, by a
/// thread of its own while the caller fills the next buffer.
///
/// Why: a file written the ordinary way is first copied into the kernel's page cache, into
/// pages it takes fresh for the purpose, and then written to disk from there by the flush at
/// the end. For the summary of a million units (half a gigabyte) that copy was the largest
/// single cost of writing it (measured in `Benchmarks/README.md`); a direct write skips the
/// copy and the fresh pages, and the disk reads the buffer itself. A direct write returns only
/// when the disk has the bytes: made on the caller's thread, the summary's writes (half a
/// second at a million units) waited in turn with its hashing, so they are made on another.
///
/// Direct writes need the buffer's address, the length and the file offset aligned to the
/// disk's block: every write here is a whole number of ``alignment`` bytes from an aligned
/// buffer, except the last piece of the file, which is written the ordinary way. Where the file
/// system refuses direct writes (`EINVAL`, at the start or at any write) the writer goes on the
/// ordinary way from there, so the file is the same bytes either way. Writes are made one at a
/// time, in order, so the file's offset moves as it would on one thread. Durability is the
/// caller's, as for any file: the set's one flush at the end (`syncfs`) commits the file's size
/// and the disk's cache.
///
/// Owns its buffers and frees them when the last write from them is done. Not `Sendable`: one
/// thread writes one file; ``waitForWrites()`` (or `finish`) before closing the file.
final class DirectWriter {
    /// The alignment of the buffers, the writes and the file offsets: the largest block size
    /// of common disks (4 KiB), so it suits 512-byte disks too.
    static let alignment = 4096
    /// How many bytes are gathered before one write.
    static let capacity = 4 << 20
    /// Buffers: one being filled while the others wait for, or are in, their writes.
    static let bufferCount = 4

    /// What the writing thread and the caller share: whether writes still go around the page
    /// cache, and the `errno` of the first write the system refused.
    private struct State: Sendable {
        var direct = true
        var failure: Int32?
    }

    private let fd: Int32
    private let buffers: [AlignedBuffer]
    /// Per buffer, its write while it is in flight.
    private var inFlight: [DispatchGroup?]
    private var current = 0, used = 0
    private let queue = DispatchQueue(label: "kaimen direct writes")
    private let state = Locked(State())
    /// Whether writes still go around the page cache.
    var direct: Bool { state.withLock { $0.direct } }

    /// A writer for `fd` (opened for writing, at offset 0), or nil where direct writes are not
    /// available: not Linux, an unknown processor's flag value, or a file system that refuses
    /// the flag. The caller then writes the ordinary way.
    init?(fd: Int32) {
        guard let flag = Self.directFlag else { return nil }
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | flag) == 0 else { return nil }
        self.fd = fd
        buffers = (0 ..< Self.bufferCount).map { _ in AlignedBuffer(byteCount: Self.capacity, alignment: Self.alignment) }
        inFlight = Array(repeating: nil, count: Self.bufferCount)
    }

    deinit { waitForWrites() }

    /// Adds `bytes` to the file. False when the system refused a write (`errno` says why).
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard var from = bytes.baseAddress else { return true }
        var left = bytes.count
        while left > 0 {
            let n = Swift.min(left, Self.capacity - used)
            (buffers[current].base + used).copyMemory(from: from, byteCount: n)
            used += n
            from += n
            left -= n
            if used == Self.capacity {
                guard handOver() else { return false }
            }
        }
        return true
    }

    /// Writes what is still gathered, its aligned part directly and the rest the ordinary way,
    /// once the writes before it are done. False when the system refused a write (`errno` says why).
    func finish() -> Bool {
        waitForWrites()
        guard failed() == nil else { return reportFailure() }
        let aligned = used & ~(Self.alignment - 1)
        let buffer = buffers[current]
        guard Self.writeOut(fd, buffer, aligned, state) else { return reportFailure() }
        if used > aligned {
            Self.stopDirect(fd, state)
            guard Self.writeOut(fd, buffer, used - aligned, from: aligned, state) else { return reportFailure() }
        }
        used = 0
        return true
    }

    /// Waits until every buffer handed over is written (or its write has failed).
    func waitForWrites() {
        for i in inFlight.indices {
            inFlight[i]?.wait()
            inFlight[i] = nil
        }
    }

    /// Hands the full current buffer to the writing thread and moves on to the next buffer,
    /// waiting for its earlier write if it is still in flight.
    private func handOver() -> Bool {
        let (fd, buffer, state) = (fd, buffers[current], state)
        let group = DispatchGroup()
        queue.async(group: group) {
            // After a refused write the rest are not made: the file is failed anyway.
            guard state.withLock({ $0.failure == nil }) else { return }
            if !Self.writeOut(fd, buffer, Self.capacity, state) {
                let e = errno
                state.withLock { $0.failure = e }
            }
        }
        inFlight[current] = group
        current = (current + 1) % buffers.count
        used = 0
        if let earlier = inFlight[current] {
            earlier.wait()
            inFlight[current] = nil
        }
        return failed() == nil || reportFailure()
    }

    private func failed() -> Int32? { state.withLock { $0.failure } }

    /// False, with `errno` set to the refused write's.
    private func reportFailure() -> Bool {
        if let e = failed() { errno = e }
        return false
    }

    /// Writes `count` bytes of `buffer` from `start`: an aligned count, unless the writer has
    /// stopped writing directly. False when the system refused a write (`errno` says why).
    private static func writeOut(_ fd: Int32, _ buffer: AlignedBuffer, _ count: Int, from start: Int = 0, _ state: Locked<State>) -> Bool {
        var offset = 0
        while offset < count {
            let n = systemWrite(fd, buffer.base + start + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                // The file system took the flag but refuses this write: the ordinary way.
                if errno == EINVAL && state.withLock({ $0.direct }) {
                    stopDirect(fd, state)
                    continue
                }
                return false
            }
            offset += n
            // A short write leaves the file offset unaligned: the ordinary way from here.
            if offset < count && offset % Self.alignment != 0 { stopDirect(fd, state) }
        }
        return true
    }

    private static func stopDirect(_ fd: Int32, _ state: Locked<State>) {
        guard let flag = directFlag else { return }
        let was = state.withLock { s in
            defer { s.direct = false }
            return s.direct
        }
        guard was else { return }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~flag) }
    }

    /// `O_DIRECT`, which Swift's Glibc module does not import (`_GNU_SOURCE`): its value is
    /// the processor's (Linux's `asm/fcntl.h`), known here for the common ones.
    private static let directFlag: Int32? = {
        #if os(Linux) && (arch(x86_64) || arch(i386))
        return 0o40000
        #elseif os(Linux) && (arch(arm64) || arch(arm))
        return 0o200000
        #else
        return nil
        #endif
    }()
}

/// Aligned raw memory, allocated when made and freed in `deinit`, when the last reference goes
/// (the writer's, or a write in flight from it): never by hand. Its fields never change; what it
/// holds is written by one thread at a time (the writer fills it, then the writing thread reads
/// it, and the writer waits for that write before filling it again).
fileprivate final class AlignedBuffer: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let count: Int

    init(byteCount: Int, alignment: Int) {
        count = byteCount
        base = .allocate(byteCount: Swift.max(1, byteCount), alignment: alignment)
    }

    deinit { base.deallocate() }
}
