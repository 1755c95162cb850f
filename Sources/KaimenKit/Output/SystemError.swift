#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the system refused: an `errno` value, said in Chinese and English for the person who has
/// to free the disk or change the folder's permissions (`strerror` only speaks English).
public struct SystemError: Hashable, Sendable, CustomStringConvertible {
    public var code: Int32

    public init(_ code: Int32) { self.code = code }

    /// The current `errno`.
    public static var last: SystemError { SystemError(errno) }

    /// The cause, e.g. `磁盘已满（ENOSPC）` / `no space left on the disk (ENOSPC)`; a path that is
    /// missing, a folder or through a file says so in words alone (`文件或文件夹不存在`), since
    /// 0.27.1: a secretary took `（ENOENT）` for an internal fault.
    public var text: Localized {
        let plain = code == ENOENT || code == EISDIR || code == ENOTDIR
        let name = plain ? "" : Self.names[code].map { "（\($0)）" } ?? "（errno \(code)）"
        let nameEN = plain ? "" : Self.names[code].map { " (\($0))" } ?? " (errno \(code))"
        if let known = Self.known[code] { return Localized(zh: known.zh + name, en: known.en + nameEN) }
        let system = String(cString: strerror(code))
        return Localized(zh: "系统错误：\(system)\(name)", en: "\(system)\(nameEN)")
    }

    public var description: String { text.en }

    private static let known: [Int32: Localized] = [
        ENOSPC: Localized(zh: "磁盘已满", en: "no space left on the disk"),
        EDQUOT: Localized(zh: "超出磁盘配额", en: "the disk quota is exceeded"),
        EFBIG: Localized(zh: "文件超过允许的大小", en: "the file is larger than allowed"),
        EROFS: Localized(zh: "文件系统是只读的", en: "the file system is read-only"),
        EACCES: Localized(zh: "没有权限", en: "permission denied"),
        EPERM: Localized(zh: "不允许的操作", en: "the operation is not permitted"),
        ENOTDIR: Localized(zh: "路径中有一段是文件而不是文件夹", en: "a part of the path is a file, not a folder"),
        EISDIR: Localized(zh: "这是一个文件夹", en: "it is a folder"),
        ENOENT: Localized(zh: "文件或文件夹不存在", en: "no such file or folder"),
        EEXIST: Localized(zh: "已经存在", en: "it already exists"),
        ENOTEMPTY: Localized(zh: "文件夹不是空的", en: "the folder is not empty"),
        ENAMETOOLONG: Localized(zh: "名称太长", en: "the name is too long"),
        ELOOP: Localized(zh: "符号链接层数太多", en: "too many levels of symbolic links"),
        EIO: Localized(zh: "磁盘读写出错", en: "an input/output error on the disk"),
        EMFILE: Localized(zh: "本进程打开的文件太多", en: "this process has too many open files"),
        ENFILE: Localized(zh: "系统打开的文件太多", en: "the system has too many open files"),
        EBUSY: Localized(zh: "文件或文件夹正被占用", en: "the file or folder is busy"),
        EXDEV: Localized(zh: "不能跨文件系统移动", en: "it cannot be moved across file systems"),
        EINVAL: Localized(zh: "参数无效", en: "an invalid argument"),
        ENOMEM: Localized(zh: "内存不足", en: "out of memory"),
    ]

    private static let names: [Int32: String] = [
        ENOSPC: "ENOSPC", EDQUOT: "EDQUOT", EFBIG: "EFBIG", EROFS: "EROFS", EACCES: "EACCES", EPERM: "EPERM",
        ENOTDIR: "ENOTDIR", EISDIR: "EISDIR", ENOENT: "ENOENT", EEXIST: "EEXIST", ENOTEMPTY: "ENOTEMPTY",
        ENAMETOOLONG: "ENAMETOOLONG", ELOOP: "ELOOP", EIO: "EIO", EMFILE: "EMFILE", ENFILE: "ENFILE",
        EBUSY: "EBUSY", EXDEV: "EXDEV", EINVAL: "EINVAL", ENOMEM: "ENOMEM",
    ]
}
