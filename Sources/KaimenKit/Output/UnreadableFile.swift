#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `file-not-found`: an input file that cannot be read, with why (missing, a folder, no
/// permission, …), for every command that reads one. A secretary who gave a folder for a
/// file was told only 无法读取.
enum UnreadableFile {
    /// The error for `shown` (as the person wrote it), looked up at `path` (resolved).
    static func diagnostic(_ shown: String, at path: String) -> Diagnostic {
        .error("file-not-found", message(shown, at: path), hint: CSVMessages.checkPath)
    }

    static func message(_ shown: String, at path: String) -> Localized {
        let name = Echo.shown(shown)
        var info = stat()
        let cause: SystemError
        if stat(path, &info) != 0 {
            cause = .last
        } else if (info.st_mode & S_IFMT) == S_IFDIR {
            cause = SystemError(EISDIR)
        } else {
            let fd = open(path, O_RDONLY)
            cause = fd < 0 ? .last : SystemError(EIO)
            if fd >= 0 { close(fd) }
        }
        return Localized(zh: "无法读取 `\(name)`：\(cause.text.zh)", en: "cannot read `\(name)`: \(cause.text.en)")
    }
}
