#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SignalGuard

/// Reads a whole file into one byte array with `read(2)`: one copy of the file in memory,
/// for the bulk readers to parse and then drop.
public enum BulkFile {
    /// Hands the whole pages inside `buffer` back to the system: their contents are lost (they
    /// read as zeros), so only for memory that will not be read again before it is freed.
    static func discard(_ buffer: UnsafeMutableRawBufferPointer) {
        let page = 4096
        guard let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + buffer.count) / page * page
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED)
    }
}

/// A file mapped into memory, read-only: its bytes without a copy, straight from the page
/// cache. The bulk readers let go of the pages they are done with as they go (`release`), so
/// a large file never sits in memory whole.
///
/// A file that changes while it is mapped is noticed (`damaged`), and whoever read its bytes
/// stops with a message (`checkIntact`): what was read is not one version of the file.
/// - The file is kept open, and its identity (size, time of change, inode) taken when it is
///   mapped is compared with the open file's when the reader is done: any change between.
/// - A file cut short would end the process at the first read past its new end (Linux raises
///   `SIGBUS` for a page the file no longer has). On Linux the mapping is guarded
///   (`SignalGuard`): such a read gets a page of zeros instead, and the mapping notes it. A file
///   that cannot be guarded there is not mapped at all. Elsewhere the mapping is not guarded.
public final class MappedFile: Sendable {
    public let count: Int
    /// The mapping's address, as a number (0 for an empty file).
    private let address: UInt
    /// The guard's slot for the mapping (-1: none, for an empty file or where there is no guard).
    private let guardSlot: Int32
    /// The file, open while it is mapped, and what it was when it was mapped.
    private let fd: Int32
    private let identity: Manifest.FileIdentity

    /// Maps the file at `path`; `nil` when it cannot be opened or mapped.
    public init?(path: String) {
        // Never blocks on a FIFO; anything but a regular file goes to the checked readers, which say why.
        guard let (fd, fileSize, identity) = try? InputFile.openRegular(path) else { return nil }
        (self.fd, self.identity, count) = (fd, identity, fileSize)
        guard count > 0 else {
            (address, guardSlot) = (0, -1)
            return
        }
        guard let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            close(fd)
            return nil
        }
        let slot = kaimen_guard_add(p, count)
        #if os(Linux)
        guard slot >= 0 else {
            // Unguarded, a file cut short could end the process: the checked readers read it instead.
            munmap(p, count)
            close(fd)
            return nil
        }
        #endif
        _ = madvise(p, count, MADV_SEQUENTIAL)
        (address, guardSlot) = (UInt(bitPattern: p), slot)
    }

    deinit {
        if address != 0 {
            kaimen_guard_remove(guardSlot)
            _ = munmap(UnsafeMutableRawPointer(bitPattern: address), count)
        }
        close(fd)
    }

    /// Installs the guard's handler now (it is otherwise installed with the first mapping): the
    /// executable does so first, before any thread. Returns whether it is installed (never
    /// elsewhere than Linux).
    @discardableResult
    public static func installGuard() -> Bool { kaimen_guard_install() != 0 }

    /// Whether a read met a page the file no longer had: the bytes read there were zeros.
    var cutShort: Bool { address != 0 && kaimen_guard_hit(guardSlot) != 0 }

    /// Whether the open file is not what it was when mapped (another size or time of change).
    var changed: Bool { Manifest.FileIdentity(descriptor: fd) != identity }

    /// Whether the bytes read may not be the file's, as one version of it: cut short while
    /// read, or changed since it was mapped.
    public var damaged: Bool { cutShort || changed }

    /// Throws the message for a file that is `damaged`, naming it as `fileName`: nothing may
    /// come of what was read from it.
    public func checkIntact(fileName: String) throws(DiagnosticsError) {
        if cutShort { throw DiagnosticsError([ReaderMessages.changedWhileRead(fileName, cutShort: true)]) }
        if changed { throw DiagnosticsError([ReaderMessages.changedWhileRead(fileName, cutShort: false)]) }
    }

    /// The file's bytes, valid while this object lives.
    var bytes: UnsafeBufferPointer<UInt8> {
        guard address != 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafePointer(bitPattern: address), count: count)
    }

    /// Lets go of the whole pages inside `range`: they leave the process's memory, and are
    /// read again from the page cache should they be touched.
    public func release(_ range: Range<Int>) {
        let page = 4096
        let lo = (range.lowerBound + page - 1) / page * page, hi = min(range.upperBound, count) / page * page
        guard address != 0, hi > lo else { return }
        _ = madvise(UnsafeMutableRawPointer(bitPattern: address + UInt(lo)), hi - lo, MADV_DONTNEED)
    }
}
