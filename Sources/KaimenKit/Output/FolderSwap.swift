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
///   systems answer `EINVAL`): the old folder is renamed aside, to a name of its own
///   (`.<name>.kaimen-old-<pid>-<random>`), then the staging folder into place. Between the two
///   renames the path does not exist; the old set is complete under its own name. A run killed
///   right then leaves it there, and the next run puts it back (``restoreOldSet(beside:)``)
///   before it writes anything: before 0.29.8 it was under a staging name, and the next run
///   removed it as a leftover, so a failure of that run left no set at all (a review).
///
/// A folder under the old set's name is always a whole set: once the new set is in place, the
/// old one is renamed to a staging name before it is removed (``discard(_:beside:)``), so one
/// cut short while being removed is never put back.
///
/// When the output folder does not exist yet, a plain `rename` is atomic everywhere.
enum FolderSwap {
    /// The hidden names of a run's staging folder, and of an old set being removed, all start
    /// with this prefix in the output folder's parent: `.<name>.kaimen-tmp-`.
    static func leftoverPrefix(for dirName: String) -> String {
        ".\(stem(dirName)).kaimen-tmp-"
    }

    /// The hidden name of an old set moved aside by a swap without an exchange starts with this
    /// prefix: `.<name>.kaimen-old-`.
    static func oldSetPrefix(for dirName: String) -> String {
        ".\(stem(dirName)).kaimen-old-"
    }

    /// The folder's name, cut short enough for the hidden names to stay within 255 bytes.
    private static func stem(_ dirName: String) -> Substring {
        var stem = Substring(dirName)
        while stem.utf8.count > 180 { stem = stem.dropLast() }
        return stem
    }

    /// A fresh staging name beside `dir`: `.<name>.kaimen-tmp-<pid>-<random>`.
    static func stagingPath(for dir: String) -> String {
        FileSystem.parent(of: dir) + "/" + leftoverPrefix(for: FileSystem.name(of: dir)) + uniqueSuffix()
    }

    /// A fresh name beside `dir` for its old set: `.<name>.kaimen-old-<pid>-<random>`.
    static func oldSetPath(for dir: String) -> String {
        FileSystem.parent(of: dir) + "/" + oldSetPrefix(for: FileSystem.name(of: dir)) + uniqueSuffix()
    }

    private static func uniqueSuffix() -> String {
        "\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
    }

    /// Whether `name` is exactly `prefix` then `<digits>-<base 36>`: kaimen's own name, not a
    /// look-alike (the hidden names of a folder called `out.kaimen-old-1` start with `prefix` too).
    static func isOwn(_ name: String, prefix: String) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        let parts = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy { $0.isASCII && $0.isNumber }
            && !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) }
    }

    /// Puts back the old set a swap moved aside, when a run was killed between its two renames:
    /// `dir` is missing and an old set (``oldSetPrefix(for:)``) is beside it. Of several (which
    /// one run cannot leave: each run puts one back before it swaps) the one moved aside last
    /// (its latest change of status). Returns the name it was under, or nil when nothing was put
    /// back. The caller holds the folder's lock, so no run is between its renames now.
    static func restoreOldSet(beside dir: String) -> String? {
        guard FileSystem.kind(dir) == .missing else { return nil }
        let parent = FileSystem.parent(of: dir)
        let prefix = oldSetPrefix(for: FileSystem.name(of: dir))
        guard let names = try? FileSystem.names(in: parent) else { return nil }
        let sets = names.filter { isOwn($0, prefix: prefix) && FileSystem.kind(parent + "/" + $0) == .folder }
            .map { (name: $0, changed: FileSystem.statusChanged(parent + "/" + $0) ?? 0) }
            .sorted { ($0.changed, $1.name) > ($1.changed, $0.name) }
        guard let last = sets.first, rename(parent + "/" + last.name, dir) == 0 else { return nil }
        try? FileSystem.flush(parent, folder: true)
        return last.name
    }

    /// Removes what interrupted runs left beside `dir`: staging folders, and old sets already
    /// replaced by a whole set at `dir` (``restoreOldSet(beside:)`` first puts one back where
    /// `dir` is missing). The caller holds the folder's lock, so none of them belongs to a run
    /// still going.
    static func removeLeftovers(beside dir: String) {
        let parent = FileSystem.parent(of: dir)
        let name = FileSystem.name(of: dir)
        let (staging, old) = (leftoverPrefix(for: name), oldSetPrefix(for: name))
        let replaced = FileSystem.kind(dir) != .missing
        guard let names = try? FileSystem.names(in: parent) else { return }
        for name in names where name.hasPrefix(staging) || (replaced && isOwn(name, prefix: old)) {
            try? FileSystem.removeTree(parent + "/" + name)
        }
    }

    /// Puts `staging` at `dir`. Returns where the old set now is (to be removed with
    /// ``discard(_:beside:)``), or nil when there was none. `exchange: false` takes the way of a
    /// file system without an atomic exchange (for the tests).
    static func swap(_ staging: String, into dir: String, exchange: Bool = true) throws -> String? {
        if FileSystem.kind(dir) == .missing {
            guard rename(staging, dir) == 0 else { throw OutputError.io(operation: .swap, path: dir, cause: .last) }
            return nil
        }
        if exchange {
            if FileDescriptor.exchange(staging, dir) { return staging }
            let exchangeError = errno
            guard exchangeError == EINVAL || exchangeError == ENOSYS || exchangeError == ENOTSUP else {
                throw OutputError.io(operation: .swap, path: dir, cause: SystemError(exchangeError))
            }
        }
        // No atomic exchange here: old aside, then new in place.
        let aside = try moveAside(dir)
        guard rename(staging, dir) == 0 else {
            let cause = SystemError.last
            rename(aside, dir)
            throw OutputError.io(operation: .swap, path: dir, cause: cause)
        }
        return aside
    }

    /// The first rename of a swap without an exchange: the old set at `dir` to a fresh
    /// ``oldSetPath(for:)``, returned. What a run killed before the second leaves.
    static func moveAside(_ dir: String) throws -> String {
        let aside = oldSetPath(for: dir)
        guard rename(dir, aside) == 0 else { throw OutputError.io(operation: .swap, path: dir, cause: .last) }
        return aside
    }

    /// Removes the old set `swap` returned: an old set moved aside is first renamed to a
    /// staging name, so that a removal cut short never leaves part of a set under the old
    /// set's name (``restoreOldSet(beside:)`` would put it back).
    static func discard(_ old: String, beside dir: String) {
        var path = old
        if FileSystem.name(of: old).hasPrefix(oldSetPrefix(for: FileSystem.name(of: dir))) {
            let staging = stagingPath(for: dir)
            if rename(old, staging) == 0 { path = staging }
        }
        try? FileSystem.removeTree(path, threads: 2)
    }
}
