import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading an input file (rules, units, roster, ballots, schedule, typed sheets): only a file
/// stored on disk. A pipe (`<(iconv …)`, a FIFO made by `mkfifo`), a device (`/dev/null`) or a
/// socket is refused before it is opened: opening a FIFO with no writer would wait for ever, a
/// pipe read once cannot be read again for the manifest's digest or by `verify`, and
/// `/dev/null` read as an empty file would be scored as one.
public enum InputFile {
    /// Why a path could not be read, for the person who gave it.
    public struct Unreadable: Error, Sendable {
        /// E.g. `文件或文件夹不存在（ENOENT）`, `这是管道，不是存在磁盘上的文件`.
        public let cause: Localized
        /// What would fix it.
        public let hint: Localized
        /// Whether the path names something (a folder, a pipe, a file not to be read), not
        /// nothing: an `extends` to it is not a missing file.
        public let exists: Bool
        /// Whether the file was read, but changed while it was (`input-changed-during-run`).
        public var changed = false
    }

    /// The bytes of the regular file at `path` (resolved), opened by `openRegular`. A file whose
    /// size or time of change is not the same when it has been read as when it was opened
    /// (another program saving it, or cutting it short) is `changed`: what was read may be
    /// parts of two versions.
    public static func read(_ path: String) throws(Unreadable) -> Data {
        try read(path, afterFirstRead: nil)
    }

    /// `afterFirstRead` is for the tests: called once the first `read(2)` has returned, so that
    /// a test may change the file in the middle of reading it.
    static func read(_ path: String, afterFirstRead: (() -> Void)?) throws(Unreadable) -> Data {
        let (fd, size, identity) = try openRegular(path)
        defer { close(fd) }
        var first = afterFirstRead
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096)) }
            let n = bytes.withUnsafeMutableBytes { readSome(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw Unreadable(cause: SystemError.last.text, hint: CSVMessages.checkPath, exists: true) }
            if n == 0 { break }
            count += n
            first?()
            first = nil
        }
        if Manifest.FileIdentity(descriptor: fd) != identity {
            throw Unreadable(cause: ReaderMessages.inputChanged(path, .changedWhileRead), hint: ReaderMessages.waitUntilSaved, exists: true, changed: true)
        }
        return Data(bytes[..<count])
    }

    /// The regular file at `path` opened for reading, its size, and what it is as opened (to
    /// compare once read); the caller closes it. Opened without waiting (a FIFO gives way at
    /// once) and looked at through the open descriptor, so that what is read is what was
    /// looked at. The byte readers open their files here too.
    static func openRegular(_ path: String) throws(Unreadable) -> (fd: Int32, size: Int, identity: Manifest.FileIdentity) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw unreadable(path) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw unreadable(path)
        }
        return (fd, max(Int(info.st_size), 0), Manifest.FileIdentity(info))
    }

    /// What a path that is not a regular file names.
    enum Kind { case pipe, device, socket }

    /// What a file mode names when it is neither a regular file nor a folder (`stat` follows a
    /// symbolic link: `/dev/fd/63` names the pipe behind it; looking does not open it, so a
    /// FIFO does not block).
    private static func kind(_ mode: mode_t) -> Kind? {
        switch mode & S_IFMT {
        case S_IFIFO: return .pipe
        case S_IFCHR, S_IFBLK: return .device
        case S_IFSOCK: return .socket
        default: return nil
        }
    }

    /// Why `path` (resolved) cannot be read, looked up after a failed open: what it names
    /// (one `stat`), or else why opening it fails.
    static func unreadable(_ path: String) -> Unreadable {
        var info = stat()
        let cause: SystemError
        if stat(path, &info) != 0 {
            cause = .last
        } else if let kind = kind(info.st_mode) {
            return unreadable(kind)
        } else if (info.st_mode & S_IFMT) == S_IFDIR {
            cause = SystemError(EISDIR)
        } else {
            let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            cause = fd < 0 ? .last : SystemError(EIO)
            if fd >= 0 { close(fd) }
        }
        return Unreadable(cause: cause.text, hint: CSVMessages.checkPath, exists: cause.code != ENOENT && cause.code != ENOTDIR)
    }

    private static func unreadable(_ kind: Kind) -> Unreadable {
        let cause: Localized
        switch kind {
        case .pipe: cause = Localized(zh: "这是管道，不是存在磁盘上的文件", en: "it is a pipe, not a file stored on disk")
        case .device: cause = Localized(zh: "这是设备，不是文件", en: "it is a device, not a file")
        case .socket: cause = Localized(zh: "这是套接字，不是文件", en: "it is a socket, not a file")
        }
        return Unreadable(cause: cause, hint: storeFirst, exists: true)
    }

    static let storeFirst = Localized(
        zh: "kaimen 只读存在磁盘上的文件（记录摘要、日后核验都要再读它）：请先把内容存成文件，再给出那个文件的路径",
        en: "kaimen reads only files stored on disk (the manifest's digest and a later verify read them again): save the content to a file first and give that file's path")
}

/// `read(2)`, by a name the enum's own `read` does not hide.
private func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
