#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a large file around the page cache (Linux's `O_DIRECT`): the bytes are gathered in
/// an aligned buffer of its own and handed to the disk from there, a whole buffer at a time.
///
/// Why: a file written the ordinary way is first copied into the kernel's page cache, into
/// pages it takes fresh for the purpose, and then written to disk from there by the flush at
/// the end. For the summary of a million units (half a gigabyte) that copy was the largest
/// single cost of writing it (measured in `Benchmarks/README.md`); a direct write skips the
/// copy and the fresh pages, and the disk reads the buffer itself.
///
/// Direct writes need the buffer's address, the length and the file offset aligned to the
/// disk's block: every write here is a whole number of ``alignment`` bytes from an aligned
/// buffer, except the last piece of the file, which is written the ordinary way. Where the file
/// system refuses direct writes (`EINVAL`, at the start or at any write) the writer goes on the
/// ordinary way from there, so the file is the same bytes either way. Durability is the
/// caller's, as for any file: the set's one flush at the end (`syncfs`) commits the file's size
/// and the disk's cache.
///
/// Owns its buffer and frees it in `deinit`. Not `Sendable`: one thread writes one file.
final class DirectWriter {
    /// The alignment of the buffer, the writes and the file offsets: the largest block size
    /// of common disks (4 KiB), so it suits 512-byte disks too.
    static let alignment = 4096
    /// How many bytes are gathered before one write.
    static let capacity = 4 << 20

    private let fd: Int32
    private let buffer: UnsafeMutableRawPointer
    private var used = 0
    /// Whether writes still go around the page cache.
    private(set) var direct: Bool

    /// A writer for `fd` (opened for writing, at offset 0), or nil where direct writes are not
    /// available: not Linux, an unknown processor's flag value, or a file system that refuses
    /// the flag. The caller then writes the ordinary way.
    init?(fd: Int32) {
        guard let flag = Self.directFlag else { return nil }
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | flag) == 0 else { return nil }
        var memory: UnsafeMutableRawPointer?
        guard posix_memalign(&memory, Self.alignment, Self.capacity) == 0, let memory else {
            _ = fcntl(fd, F_SETFL, flags)
            return nil
        }
        self.fd = fd
        buffer = memory
        direct = true
    }

    deinit { free(buffer) }

    /// Adds `bytes` to the file. False when the system refused a write (`errno` says why).
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard var from = bytes.baseAddress else { return true }
        var left = bytes.count
        while left > 0 {
            let n = Swift.min(left, Self.capacity - used)
            (buffer + used).copyMemory(from: from, byteCount: n)
            used += n
            from += n
            left -= n
            if used == Self.capacity {
                guard writeOut(Self.capacity) else { return false }
                used = 0
            }
        }
        return true
    }

    /// Writes what is still gathered: its aligned part directly, the rest the ordinary way.
    /// False when the system refused a write (`errno` says why).
    func finish() -> Bool {
        let aligned = used & ~(Self.alignment - 1)
        guard writeOut(aligned) else { return false }
        if used > aligned {
            stopDirect()
            guard writeOut(used - aligned, from: aligned) else { return false }
        }
        used = 0
        return true
    }

    /// Writes `count` gathered bytes from `start` in the buffer; an aligned count, unless the
    /// writer has stopped writing directly.
    private func writeOut(_ count: Int, from start: Int = 0) -> Bool {
        var offset = 0
        while offset < count {
            let n = systemWrite(fd, buffer + start + offset, count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                // The file system took the flag but refuses this write: the ordinary way.
                if errno == EINVAL && direct {
                    stopDirect()
                    continue
                }
                return false
            }
            offset += n
            // A short write leaves the file offset unaligned: the ordinary way from here.
            if direct && offset < count && offset % Self.alignment != 0 { stopDirect() }
        }
        return true
    }

    private func stopDirect() {
        guard direct, let flag = Self.directFlag else { return }
        direct = false
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
