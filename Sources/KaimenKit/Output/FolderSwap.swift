#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a fully written staging folder in the place of the output folder in one step, so that
/// at every moment the output folder's path shows either the whole old set or the whole new one.
///
/// - Linux: `renameat2(staging, dir, RENAME_EXCHANGE)` swaps the two names atomically; the old
///   set is then under the staging name, and is removed.
/// - macOS: `renamex_np(…, RENAME_SWAP)` does the same.
/// - Elsewhere, or on a file system that refuses the exchange (some network and FUSE file
///   systems answer `EINVAL`): the old folder is renamed aside, then the staging folder into
///   place. Between the two renames the path briefly does not exist; the old set is complete
///   under its hidden name until it is removed.
///
/// When the output folder does not exist yet, a plain `rename` is atomic everywhere.
enum FolderSwap {
    /// The hidden names of a run's staging folder, and of an old set waiting to be removed, all
    /// start with this prefix in the output folder's parent: `.<name>.kaimen-tmp-`.
    static func leftoverPrefix(for dirName: String) -> String {
        var stem = Substring(dirName)
        while stem.utf8.count > 180 { stem = stem.dropLast() }
        return ".\(stem).kaimen-tmp-"
    }

    /// A fresh staging name beside `dir`: `.<name>.kaimen-tmp-<pid>-<random>`.
    static func stagingPath(for dir: String) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return FileSystem.parent(of: dir) + "/" + leftoverPrefix(for: FileSystem.name(of: dir)) + "\(getpid())-\(random)"
    }

    /// Removes what interrupted runs left beside `dir`: staging folders and old sets. The caller
    /// holds the folder's lock, so none of them belongs to a run still going.
    static func removeLeftovers(beside dir: String) {
        let parent = FileSystem.parent(of: dir)
        let prefix = leftoverPrefix(for: FileSystem.name(of: dir))
        guard let names = try? FileSystem.names(in: parent) else { return }
        for name in names where name.hasPrefix(prefix) {
            try? FileSystem.removeTree(parent + "/" + name)
        }
    }

    /// Puts `staging` at `dir`. Returns where the old set now is (to be removed), or nil when
    /// there was none.
    static func swap(_ staging: String, into dir: String) throws -> String? {
        if FileSystem.kind(dir) == .missing {
            guard rename(staging, dir) == 0 else { throw OutputError.io(operation: .swap, path: dir, cause: .last) }
            return nil
        }
        if exchange(staging, dir) { return staging }
        let exchangeError = errno
        guard exchangeError == EINVAL || exchangeError == ENOSYS || exchangeError == ENOTSUP else {
            throw OutputError.io(operation: .swap, path: dir, cause: SystemError(exchangeError))
        }
        // No atomic exchange here: old aside, then new in place.
        let aside = stagingPath(for: dir)
        guard rename(dir, aside) == 0 else { throw OutputError.io(operation: .swap, path: dir, cause: .last) }
        guard rename(staging, dir) == 0 else {
            let cause = SystemError.last
            rename(aside, dir)
            throw OutputError.io(operation: .swap, path: dir, cause: cause)
        }
        return aside
    }

    /// One atomic exchange of two existing paths; false (with `errno` set) where it failed.
    private static func exchange(_ a: String, _ b: String) -> Bool {
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

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc has `renameat2` since 2.28, but Swift's Glibc module does not import it (`_GNU_SOURCE`).
    private static let renameat2: RenameAt2? =
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    #endif
}
