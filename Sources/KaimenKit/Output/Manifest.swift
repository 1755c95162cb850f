import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `manifest.json`, written last into every output set: which kaimen wrote it and when, and the
/// size and SHA-256 of every input file the run read and every file in the set, so anyone can
/// check later that the sheets they hold are the ones this run produced from those inputs.
///
/// ```json
/// { "format": "kaimen-manifest", "version": 1, "kaimen": "0.18.0", "created": "2026-12-01T19:30:00Z",
///   "inputs": [{ "path": "samples/xicheng-2014/units.csv", "bytes": 2210, "sha256": "…" }],
///   "outputs": [{ "path": "summary.csv", "bytes": 5120, "sha256": "…" }] }
/// ```
///
/// Its presence is also how kaimen recognises a folder it wrote itself, and may replace.
public struct Manifest: Sendable {
    public static let fileName = "manifest.json"
    public static let format = "kaimen-manifest"

    public struct Entry: Sendable, Equatable {
        public var path: String
        public var bytes: Int
        public var sha256: String
    }

    public var kaimen: String
    public var created: Date
    public var inputs: [Entry]
    public var outputs: [Entry]

    /// The JSON text, keys sorted, outputs sorted by path.
    public func rendered() -> String {
        func list(_ entries: [Entry]) -> JSONOut {
            .array(entries.map { .object(["path": .string($0.path), "bytes": .num($0.bytes), "sha256": .string($0.sha256)]) })
        }
        return JSONOut.object([
            "format": .string(Self.format),
            "version": .num(1),
            "kaimen": .string(kaimen),
            "created": .string(UTCTimestamp.text(created)),
            "inputs": list(inputs),
            "outputs": list(outputs.sorted { $0.path < $1.path }),
        ]).rendered()
    }

    /// Whether `dir` holds a manifest written by kaimen.
    static func isPresent(in dir: String) -> Bool {
        let path = dir + "/" + fileName
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size < 1 << 26,
              let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["format"] as? String == format
    }

    /// The inputs and outputs a manifest's text lists; `nil` when it is not a kaimen manifest
    /// (or an entry lacks its path, size or hash).
    static func listed(in data: Data) -> (inputs: [Entry], outputs: [Entry])? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], object["format"] as? String == format else { return nil }
        func entries(_ key: String) -> [Entry]? {
            guard let list = object[key] as? [Any] else { return nil }
            var entries: [Entry] = []
            for item in list {
                guard let e = item as? [String: Any], let path = e["path"] as? String, let bytes = e["bytes"] as? Int,
                      let sha256 = e["sha256"] as? String else { return nil }
                entries.append(Entry(path: path, bytes: bytes, sha256: sha256))
            }
            return entries
        }
        guard let inputs = entries("inputs"), let outputs = entries("outputs") else { return nil }
        return (inputs, outputs)
    }

    /// A file's hashing part way: its first `bytes` bytes, and their running hash, and which
    /// file that was (so that a file changed since is hashed again from the start).
    struct PartialDigest: Sendable {
        var hash = SHA256()
        var bytes = 0
        var file: FileIdentity?
    }

    /// A file as it is now: device, inode, size and time of last change. Two equal identities
    /// are the same unchanged file.
    struct FileIdentity: Sendable, Equatable {
        let device: UInt64, inode: UInt64, size: Int64, seconds: Int64, nanoseconds: Int64

        init(_ st: stat) {
            device = UInt64(st.st_dev)
            inode = UInt64(st.st_ino)
            size = Int64(st.st_size)
            seconds = Int64(st.st_mtim.tv_sec)
            nanoseconds = Int64(st.st_mtim.tv_nsec)
        }

        /// The file at `path` now; `nil` when it cannot be looked at.
        init?(path: String) {
            var st = stat()
            guard stat(path, &st) == 0 else { return nil }
            self.init(st)
        }

        /// The file open at `fd` now; `nil` when it cannot be looked at (`errno` says why).
        init?(descriptor fd: Int32) {
            var st = stat()
            guard fstat(fd, &st) == 0 else { return nil }
            self.init(st)
        }
    }

    /// The size and SHA-256 of the file at `path`, read a megabyte at a time from where `start`
    /// left off (from the beginning when the file is not the one `start` was hashing: another
    /// file, or this one changed since). After each piece, `progress` is shown how far the
    /// hashing is; `nil` when it says to stop.
    static func digest(ofFile path: String, from start: PartialDigest = PartialDigest(),
                       progress: (PartialDigest) -> Bool) throws -> (bytes: Int, sha256: String, file: FileIdentity)? {
        var partial = start
        let (fd, file) = try openToContinue(path, &partial)
        defer { close(fd) }
        let buffer = OwnedMemory<UInt8>(uninitialized: 1 << 20)
        while true {
            let n = try readPiece(fd, path: path, into: buffer, upTo: buffer.count, at: partial.bytes)
            if n == 0 { break }
            withExtendedLifetime(buffer) { partial.hash.update(UnsafeRawBufferPointer(start: buffer.base, count: n)) }
            partial.bytes += n
            if !progress(partial) { return nil }
        }
        return (partial.bytes, SHA256.hexString(partial.hash.finish()), file)
    }

    /// Opens the file at `path` to go on with `partial`, which is begun again (on this file)
    /// when it was not begun on this file as it is now: another file, or this one changed since.
    /// The descriptor, and the file as it was opened.
    static func openToContinue(_ path: String, _ partial: inout PartialDigest) throws -> (fd: Int32, file: FileIdentity) {
        // Never waits for a writer: an input replaced by a FIFO since it was read fails its `pread`.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw OutputError.io(operation: .read, path: path, cause: .last) }
        guard let file = FileIdentity(descriptor: fd) else {
            let cause = SystemError.last
            close(fd)
            throw OutputError.io(operation: .read, path: path, cause: cause)
        }
        if partial.file != file { partial = PartialDigest(file: file) }
        return (fd, file)
    }

    /// Up to `limit` bytes (at most the buffer's) of the file open at `fd` from `offset`, into
    /// `buffer`, read again when a signal interrupts; 0 at the file's end.
    static func readPiece(_ fd: Int32, path: String, into buffer: OwnedMemory<UInt8>, upTo limit: Int, at offset: Int) throws -> Int {
        while true {
            let n = withExtendedLifetime(buffer) { pread(fd, buffer.base, min(limit, buffer.count), off_t(offset)) }
            if n >= 0 { return n }
            if errno != EINTR { throw OutputError.io(operation: .read, path: path, cause: .last) }
        }
    }
}
