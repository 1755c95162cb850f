#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The raw calls on open files and folders that the writers share, the one place their
/// pointers are handled: writing a whole buffer (`write(2)` again after an interruption or a
/// short write), reading a folder's names (`readdir`'s fixed-size name field), and the system
/// calls Swift's Glibc module does not import (`renameat2`, `syncfs`, `sync_file_range`,
/// looked up by name). Every call says failure as the system does, with `errno` set; each
/// caller turns it into its own error (`OutputError`, `SessionError`), naming its path.
/// The descriptor is the caller's: it opens, flushes and closes it.
struct FileDescriptor {
    let raw: Int32

    init(_ raw: Int32) { self.raw = raw }

    /// Writes all of `bytes` at the file's offset (the end, for a file opened `O_APPEND`), in
    /// as many writes as the system takes: again after `EINTR` and after a short write.
    /// False when the system refused a write (`errno` says why); part of `bytes` may be written.
    func writeAll(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let n = systemWrite(raw, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// ``writeAll(_:)`` of an array's bytes.
    func writeAll(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { writeAll($0) }
    }

    /// The names in the open folder (read from a copy of the descriptor, which stays open at
    /// its place), without `.` and `..`, each with whether it is a folder (`nil`: the file
    /// system does not say, `DT_UNKNOWN`). `nil` when the folder cannot be read (`errno`).
    func entries() -> [(name: String, folder: Bool?)]? {
        let copy = dup(raw)
        guard copy >= 0, let dir = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return nil
        }
        defer { closedir(dir) }
        return Self.read(dir)
    }

    /// The names in the folder at `path`, as ``entries()`` gives them; `nil` when it cannot be
    /// opened (`errno` says why).
    static func entries(atPath path: String) -> [(name: String, folder: Bool?)]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        return read(dir)
    }

    #if canImport(Darwin)
    private typealias Folder = UnsafeMutablePointer<DIR>
    #else
    private typealias Folder = OpaquePointer
    #endif

    /// Every entry of an open folder stream but `.` and `..`: its name, a C string in the
    /// fixed-size `d_name` field, read as such.
    private static func read(_ dir: Folder) -> [(name: String, folder: Bool?)] {
        var entries: [(name: String, folder: Bool?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            entries.append((name, type == 0 /* DT_UNKNOWN */ ? nil : type == 4 /* DT_DIR */))
        }
        return entries
    }

    /// Swaps two existing paths in one atomic step (Linux's `renameat2` with `RENAME_EXCHANGE`,
    /// macOS's `renamex_np` with `RENAME_SWAP`); false (with `errno` set) where it failed, or
    /// where there is no such call (`ENOSYS`).
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        guard let renameat2 = Self.renameat2 else {
            errno = ENOSYS
            return false
        }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 2 /* RENAME_EXCHANGE */) == 0
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        errno = ENOSYS
        return false
        #endif
    }

    /// Flushes the whole file system that holds the open file (`syncfs`, Linux): true when it
    /// did, false when it failed or where there is no such call.
    func flushFileSystem() -> Bool {
        #if os(Linux)
        guard let syncfs = Self.syncfs else { return false }
        return syncfs(raw) == 0
        #else
        return false
        #endif
    }

    /// Asks the kernel to start writing `count` bytes from `offset` to disk, without waiting
    /// (Linux's `sync_file_range` with `SYNC_FILE_RANGE_WRITE`); does nothing elsewhere.
    func startWriteBack(offset: Int, count: Int) {
        #if os(Linux)
        _ = Self.syncFileRange?(raw, Int64(offset), Int64(count), 2 /* SYNC_FILE_RANGE_WRITE */)
        #endif
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc has `renameat2` since 2.28, but Swift's Glibc module does not import it (`_GNU_SOURCE`).
    private static let renameat2: RenameAt2? = systemFunction("renameat2")

    private typealias SyncFS = @convention(c) (Int32) -> Int32
    /// glibc has `syncfs` since 2.14, not imported either.
    private static let syncfs: SyncFS? = systemFunction("syncfs")

    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
    /// Not imported either.
    private static let syncFileRange: SyncFileRange? = systemFunction("sync_file_range")
    #endif
}

/// The C function `name` of the process's libraries (`dlsym`), as the function type `F`
/// (a `@convention(c)` type, which the caller must give exactly as C declares it); `nil` when
/// there is none.
func systemFunction<F>(_ name: String) -> F? {
    #if canImport(Glibc) || canImport(Musl)
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
    return unsafeBitCast(symbol, to: F.self)
    #else
    return nil
    #endif
}

/// `write(2)`, named apart from the methods called `write`.
func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
    #elseif canImport(Musl)
    return Musl.write(fd, buffer, count)
    #else
    return Darwin.write(fd, buffer, count)
    #endif
}
