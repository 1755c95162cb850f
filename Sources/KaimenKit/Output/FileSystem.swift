#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the output folder needs, each failing with an ``OutputError`` that names
/// the path and the system's reason (never a Foundation error number).
enum FileSystem {
    enum Kind { case missing, folder, other }

    /// What is at `path`, without following a final symbolic link.
    static func kind(_ path: String) -> Kind {
        var st = stat()
        guard lstat(path, &st) == 0 else { return .missing }
        return (st.st_mode & S_IFMT) == S_IFDIR ? .folder : .other
    }

    /// Whether `path` is a folder whose owner may not write in it (`chmod 555`, `chmod a-w`): the
    /// mode bits, not `access(2)`, so that root, whom permissions do not stop, reads it as a
    /// user's "keep this" too.
    static func isReadOnlyFolder(_ path: String) -> Bool {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return false }
        return st.st_mode & S_IWUSR == 0
    }

    /// The size of the regular file `path` itself, or `nil` when it is none (missing, a link,
    /// a folder, a FIFO, a device).
    static func plainFileSize(_ path: String) -> Int? {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }

    /// The file `path` names (device and inode, following symbolic links), `nil` when there is
    /// none: two paths name one file when these are equal.
    static func identity(_ path: String) -> [UInt64]? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return [UInt64(st.st_dev), UInt64(st.st_ino)]
    }

    /// The file open as `fd`, as ``identity(_:)`` names a path's: equal when the descriptor is
    /// open on the file the path names now (a lock file not removed and made again meanwhile).
    static func identity(of fd: Int32) -> [UInt64]? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return [UInt64(st.st_dev), UInt64(st.st_ino)]
    }

    /// When the status of what is at `path` last changed (a rename changes it), in seconds
    /// since 1970; `nil` when there is nothing there.
    static func statusChanged(_ path: String) -> Double? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        #if canImport(Darwin)
        let t = st.st_ctimespec
        #else
        let t = st.st_ctim
        #endif
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Creates `path` and any missing parents; returns the folders it created, outermost first,
    /// so a caller that fails later can remove exactly those.
    static func makeFolders(_ path: String) throws -> [String] {
        var missing: [String] = []
        var p = path
        while !p.isEmpty && p != "/" && kind(p) == .missing {
            missing.append(p)
            p = parent(of: p)
        }
        var created: [String] = []
        for folder in missing.reversed() {
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                let cause = SystemError.last
                removeEmptyFolders(created)
                throw OutputError.io(operation: .createFolder, path: folder, cause: cause)
            }
            created.append(folder)
        }
        if kind(path) != .folder {
            removeEmptyFolders(created)
            throw OutputError.io(operation: .createFolder, path: path, cause: SystemError(ENOTDIR))
        }
        return created
    }

    /// Removes folders made by ``makeFolders(_:)`` (innermost first) if they are still empty.
    static func removeEmptyFolders(_ created: [String]) {
        for folder in created.reversed() { rmdir(folder) }
    }

    /// Whether the folder at `path` holds anything but folders and what `ignoring` says to
    /// leave out, however deep (a link counts as a file: it is not followed). A folder that
    /// cannot be listed counts as holding some.
    static func containsFile(_ path: String, ignoring ignored: (String) -> Bool = { _ in false }, depth: Int = 0) -> Bool {
        guard depth < 64, let names = try? names(in: path) else { return true }
        for name in names where !ignored(name) {
            var st = stat()
            guard lstat(path + "/" + name, &st) == 0 else { return true }
            if (st.st_mode & S_IFMT) != S_IFDIR || containsFile(path + "/" + name, ignoring: ignored, depth: depth + 1) { return true }
        }
        return false
    }

    /// An entry ``walk(_:_:)`` meets: its path from the walk's root (`sheets/X01.csv`), what it
    /// is itself (a symbolic link is a `.link`, whatever it points to), and its size in bytes
    /// (of the link itself, for a link).
    struct Entry {
        enum Kind { case folder, file, link, other }
        let path: String
        let kind: Kind
        let size: Int
        /// The entry's last component (`X01.csv`).
        var name: String { FileSystem.name(of: path) }
    }

    /// Every entry under the folder at `root` (followed when it is itself a link: the folder
    /// named), hidden ones included, each folder's names in order, links not followed (`lstat`):
    /// `visit` is given each entry, and returns whether to go into it (when it is a folder).
    /// The one walk of a folder: the output folder's (`OutputBatch.survey`), and the session
    /// folder's (its results, its input copies, what else it holds).
    /// - Returns: whether every folder gone into could be listed and every entry looked at;
    ///   one that could not is passed over.
    @discardableResult
    static func walk(_ root: String, _ visit: (Entry) -> Bool) -> Bool {
        var complete = true
        func walk(_ relative: String) {
            guard let names = try? names(in: relative.isEmpty ? root : root + "/" + relative) else { complete = false; return }
            for name in names.sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                var st = stat()
                guard lstat(root + "/" + path, &st) == 0 else { complete = false; continue }
                let kind: Entry.Kind
                switch st.st_mode & S_IFMT {
                case S_IFDIR: kind = .folder
                case S_IFREG: kind = .file
                case S_IFLNK: kind = .link
                default: kind = .other
                }
                if visit(Entry(path: path, kind: kind, size: Int(st.st_size))) && kind == .folder { walk(path) }
            }
        }
        walk("")
        return complete
    }

    /// A file a desktop or an office program leaves in a folder by itself: `.DS_Store`,
    /// `Thumbs.db`, `desktop.ini`, and the lock beside a file open in LibreOffice
    /// (`.~lock.NAME#`) or Excel (`~$NAME`).
    static func isDesktopLeftover(_ name: String) -> Bool {
        [".DS_Store", "Thumbs.db", "desktop.ini"].contains(name) || (name.hasPrefix(".~lock.") && name.hasSuffix("#")) || name.hasPrefix("~$")
    }

    /// The names in a folder, hidden ones included, without `.` and `..`.
    static func names(in path: String) throws -> [String] {
        guard let entries = FileDescriptor.entries(atPath: path) else { throw OutputError.io(operation: .list, path: path, cause: .last) }
        return entries.map(\.name)
    }

    /// Removes `path` and everything under it. Symbolic links are removed, never followed.
    /// Inside a folder every entry is removed relative to the folder's open descriptor
    /// (`unlinkat`): no path walk, no `lstat` per file. With `threads` > 1 a large folder's
    /// entries are shared out (removing the old set of a run was a tenth of its `--out`).
    static func removeTree(_ path: String, threads: Int = 1) throws {
        if unlink(path) == 0 { return }
        let e = errno
        if e == ENOENT { return }
        // Linux says EISDIR for a folder, POSIX EPERM.
        guard e == EISDIR || e == EPERM else { throw OutputError.io(operation: .remove, path: path, cause: SystemError(e)) }
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError.io(operation: .remove, path: path, cause: .last) }
        defer { close(fd) }
        try removeContents(of: fd, path: path, threads: threads)
        guard rmdir(path) == 0 else { throw OutputError.io(operation: .remove, path: path, cause: .last) }
    }

    /// Removes everything in the open folder `fd` (shown as `path` in errors).
    private static func removeContents(of fd: Int32, path: String, threads: Int) throws {
        let entries = try entries(of: fd, path: path)
        let parts = max(1, min(threads, entries.count / 64))
        if parts == 1 {
            for entry in entries { try removeEntry(entry, in: fd, path: path) }
            return
        }
        let failures = Parallel.map(parts) { k -> OutputError? in
            do {
                for entry in entries[entries.count * k / parts ..< entries.count * (k + 1) / parts] { try removeEntry(entry, in: fd, path: path) }
                return nil
            } catch let e as OutputError {
                return e
            } catch {
                return .io(operation: .remove, path: path, cause: SystemError(EIO))
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
    }

    private static func removeEntry(_ entry: (name: String, folder: Bool?), in fd: Int32, path: String) throws {
        if entry.folder != true {
            if unlinkat(fd, entry.name, 0) == 0 { return }
            let e = errno
            if e == ENOENT { return }
            guard e == EISDIR || e == EPERM else { throw OutputError.io(operation: .remove, path: path + "/" + entry.name, cause: SystemError(e)) }
        }
        let sub = openat(fd, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard sub >= 0 else { throw OutputError.io(operation: .remove, path: path + "/" + entry.name, cause: .last) }
        defer { close(sub) }
        try removeContents(of: sub, path: path + "/" + entry.name, threads: 1)
        guard unlinkat(fd, entry.name, AT_REMOVEDIR) == 0 else { throw OutputError.io(operation: .remove, path: path + "/" + entry.name, cause: .last) }
    }

    /// The entries of the open folder `fd`, with whether each is a folder (`nil`: the file
    /// system does not say).
    private static func entries(of fd: Int32, path: String) throws -> [(name: String, folder: Bool?)] {
        guard let entries = FileDescriptor(fd).entries() else { throw OutputError.io(operation: .list, path: path, cause: .last) }
        return entries
    }

    /// Flushes a file or folder to disk. Folders: best effort, not every file system allows it.
    static func flush(_ path: String, folder: Bool) throws {
        let fd = open(path, (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC)
        guard fd >= 0 else {
            if folder { return }
            throw OutputError.io(operation: .flush, path: path, cause: .last)
        }
        defer { close(fd) }
        if fsync(fd) != 0 && !folder { throw OutputError.io(operation: .flush, path: path, cause: .last) }
    }

    /// Flushes the whole file system that holds `path` in one call (`syncfs`, Linux), so a set
    /// of files costs one journal commit instead of one per file. Returns false where there is
    /// no `syncfs`; the caller then flushes file by file.
    static func flushFileSystem(holding path: String) -> Bool {
        #if os(Linux)
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return FileDescriptor(fd).flushFileSystem()
        #else
        return false
        #endif
    }

    /// Asks the kernel to start writing `count` bytes of `fd` from `offset` to disk now, without
    /// waiting (Linux's `sync_file_range` with `SYNC_FILE_RANGE_WRITE`), so that the one flush
    /// at the end of a large set (``flushFileSystem(holding:)``) finds most of it written. Only
    /// a head start: it makes nothing durable by itself, and does nothing elsewhere.
    static func startWriteBack(_ fd: Int32, offset: Int, count: Int) {
        FileDescriptor(fd).startWriteBack(offset: offset, count: count)
    }

    /// The folder that holds `path` (`/` for a top-level name).
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let p = String(path[..<slash])
        return p.isEmpty ? "/" : p
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
