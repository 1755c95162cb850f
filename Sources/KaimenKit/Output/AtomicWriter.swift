import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a single file so that readers see either the old content or the new, never half of
/// it. (A set of files is written with ``OutputBatch``, which swaps in the whole folder.)
///
/// The data goes to a temporary file next to the destination (`.name.tmp-<pid>-<random>`),
/// is flushed to disk with `fsync`, and is then renamed over the destination, which POSIX
/// makes atomic within one file system. On failure the temporary file is removed.
public enum AtomicWriter {
    /// Writes `data` to `url` atomically, creating the folder if needed.
    public static func write(_ data: Data, to url: URL) throws {
        let temp = try writeTemporary(.data(data), for: url)
        do {
            try moveIntoPlace(temp, url)
        } catch {
            unlink(temp.path)
            throw error
        }
    }

    /// Writes `data` to a new temporary file beside `url`, flushed to disk, and returns its location.
    static func writeTemporary(_ content: OutputBatch.Content, for url: URL) throws -> URL {
        let dir = url.deletingLastPathComponent()
        _ = try FileSystem.makeFolders(dir.path)
        let temp = dir.appendingPathComponent(temporaryName(for: url.lastPathComponent))
        let path = temp.path
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ioError(.create, path) }
        var failure: OutputError?
        func writeAll(_ raw: UnsafeRawBufferPointer) throws {
            guard FileDescriptor(fd).writeAll(raw) else { throw ioError(.write, path) }
        }
        do {
            switch content {
            case .data(let data): try data.withUnsafeBytes { try writeAll($0) }
            case .stream(let producer): try producer(writeAll)
            }
        } catch let e as OutputError {
            failure = e
        } catch {
            failure = .producerFailed(path: path, message: "\(error)")
        }
        if failure == nil && fsync(fd) != 0 { failure = ioError(.flush, path) }
        if close(fd) != 0 && failure == nil { failure = ioError(.close, path) }
        if let failure {
            unlink(path)
            throw failure
        }
        return temp
    }

    /// Renames `temp` over `url`, then flushes the folder so the rename itself is durable.
    static func moveIntoPlace(_ temp: URL, _ url: URL) throws {
        guard rename(temp.path, url.path) == 0 else { throw ioError(.replace, url.path) }
        let dirFD = open(url.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        if dirFD >= 0 {
            _ = fsync(dirFD)  // best effort: not every file system allows it on a folder
            close(dirFD)
        }
    }

    /// `.name.tmp-<pid>-<random>`, the name cut short enough to stay within 255 bytes.
    static func temporaryName(for name: String) -> String {
        var stem = Substring(name)
        while stem.utf8.count > 200 { stem = stem.dropLast() }
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return ".\(stem).tmp-\(getpid())-\(random)"
    }

    /// The name of the file `name` whose temporary file `candidate` is (`temporaryName`), if it
    /// is one: `.NAME.tmp-<digits>-<base 36>`; `nil` for any other name.
    static func temporaryOf(_ candidate: String) -> String? {
        guard candidate.hasPrefix("."), let r = candidate.range(of: ".tmp-", options: .backwards) else { return nil }
        let name = candidate[candidate.index(after: candidate.startIndex)..<r.lowerBound]
        let parts = candidate[r.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard !name.isEmpty, parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber),
              !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLowercase) }) else { return nil }
        return String(name)
    }

    static func ioError(_ operation: OutputError.Operation, _ path: String) -> OutputError {
        .io(operation: operation, path: path, cause: .last)
    }
}
