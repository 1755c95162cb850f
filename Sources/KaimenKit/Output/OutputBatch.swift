import Foundation

/// A set of output files written together.
///
/// ``commit(into:)`` first checks every path, then writes every file to a temporary name
/// beside its destination, and only when all of them are written renames each into place.
///
/// What this guarantees: each file is replaced atomically (old or new content, never a
/// mix); a bad path, a full disk or any other failure while writing leaves no new file in
/// place and no temporary file behind. What it does not: the renames happen one after
/// another, so a failure or crash during that last step (rare: rename within one folder
/// does not need space) can leave some files new and others old.
public struct OutputBatch: Sendable {
    public struct File: Sendable {
        public var relativePath: String
        public var content: Content
        /// The bytes, for a file given whole (empty for a streamed one).
        public var data: Data { if case .data(let d) = content { return d } else { return Data() } }
    }

    /// What a file holds: bytes, or a producer that hands its bytes over piece by piece, so a
    /// large file never has to sit in memory whole.
    public enum Content: Sendable {
        case data(Data)
        case stream(@Sendable (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void)
    }

    public private(set) var files: [File] = []

    public init() {}

    /// Adds a file, `relativePath` being inside the folder given to ``commit(into:)``.
    public mutating func add(_ data: Data, at relativePath: String) {
        files.append(File(relativePath: relativePath, content: .data(data)))
    }

    /// Adds a file written piece by piece by `producer`.
    public mutating func add(streaming producer: @escaping @Sendable (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void,
                             at relativePath: String) {
        files.append(File(relativePath: relativePath, content: .stream(producer)))
    }

    /// Writes every file under `dir`; returns their locations in the order added. Two paths
    /// that differ only in case are refused as duplicates (they clash on macOS and Windows).
    @discardableResult
    public func commit(into dir: URL) throws -> [URL] {
        var destinations: [URL] = []
        var seen = Set<String>()
        for file in files {
            let url = try SafePath.resolve(file.relativePath, under: dir)
            guard seen.insert(url.path.lowercased()).inserted else { throw OutputError.duplicatePath(path: file.relativePath) }
            destinations.append(url)
        }
        var temps: [URL] = []
        do {
            for (file, url) in zip(files, destinations) {
                temps.append(try AtomicWriter.writeTemporary(file.content, for: url, durable: files.count == 1))
            }
        } catch {
            for temp in temps { unlink(temp.path) }
            throw error
        }
        // Many files (a score sheet per unit) are flushed to disk together, once, before any is renamed.
        if files.count > 1 { sync() }
        for (i, (temp, url)) in zip(temps, destinations).enumerated() {
            do {
                try AtomicWriter.moveIntoPlace(temp, url)
            } catch {
                for rest in temps[(i + 1)...] { unlink(rest.path) }
                unlink(temp.path)
                throw error
            }
        }
        return destinations
    }
}
