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
/// { "format": "kaimen-manifest", "version": 1, "kaimen": "0.1.0", "created": "2026-12-01T19:30:00Z",
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
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return JSONOut.object([
            "format": .string(Self.format),
            "version": .num(1),
            "kaimen": .string(kaimen),
            "created": .string(formatter.string(from: created)),
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

    /// The size and SHA-256 of an input file, read in pieces.
    static func entry(forInput url: URL, shownAs shown: String) throws -> Entry {
        let path = url.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError.io(operation: .read, path: path, cause: .last) }
        defer { close(fd) }
        var hash = SHA256()
        var total = 0
        let size = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, size)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError.io(operation: .read, path: path, cause: .last)
            }
            if n == 0 { break }
            hash.update(UnsafeRawBufferPointer(start: buffer, count: n))
            total += n
        }
        return Entry(path: shown, bytes: total, sha256: SHA256.hexString(hash.finish()))
    }
}
