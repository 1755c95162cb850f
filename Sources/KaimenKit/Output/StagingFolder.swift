#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden folder beside the output folder where a new set is written in full before it is
/// swapped in. Files are written without a flush each; ``makeDurable()`` flushes the whole set
/// once at the end.
struct StagingFolder: Sendable {
    let path: String

    /// Creates a fresh, empty staging folder beside `dir`.
    init(beside dir: String) throws {
        path = FolderSwap.stagingPath(for: dir)
        guard mkdir(path, 0o755) == 0 else { throw OutputError.io(operation: .createFolder, path: path, cause: .last) }
    }

    /// Creates the folders that the files at `relatives` go in, once each, before any file is
    /// written. Errors name the folder's final place under `target`.
    func makeFolders(for relatives: [String], shownUnder target: String) throws {
        var folders: Set<String> = []
        for relative in relatives {
            var folder = FileSystem.parent(of: relative)
            while folder != "." && folders.insert(folder).inserted { folder = FileSystem.parent(of: folder) }
        }
        for folder in folders.sorted(by: { $0.utf8.count < $1.utf8.count }) where FileSystem.kind(path + "/" + folder) != .folder {
            do {
                _ = try FileSystem.makeFolders(path + "/" + folder)
            } catch OutputError.io(let operation, _, let cause) {
                throw OutputError.io(operation: operation, path: target + "/" + folder, cause: cause)
            }
        }
    }

    /// Writes one file at `relative` (already checked by ``SafePath``) and returns its manifest
    /// entry. Its folders are made first, by ``makeFolders(for:shownUnder:)`` (or here when
    /// `foldersMade` is false). Errors name `shownAs`, the file's final place. A streamed file's
    /// bytes are hashed `alongside` the inputs' where it is given.
    func write(_ content: OutputBatch.Content, at relative: String, shownAs shown: String, foldersMade: Bool = false,
               alongside: InputsAlongside? = nil) throws -> Manifest.Entry {
        let full = path + "/" + relative
        let folder = FileSystem.parent(of: full)
        if !foldersMade && folder != path && FileSystem.kind(folder) != .folder {
            do {
                _ = try FileSystem.makeFolders(folder)
            } catch OutputError.io(let operation, _, let cause) {
                throw OutputError.io(operation: operation, path: FileSystem.parent(of: shown), cause: cause)
            }
        }
        let fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.io(operation: .create, path: shown, cause: .last) }
        var hash = SHA256()
        var bytes = 0, handedToDisk = 0
        // A streamed file (a large one: the summary of a million units is half a gigabyte)
        // goes around the page cache where the system allows it (``DirectWriter``).
        var directWriter: DirectWriter?
        var inputs: InputsAlongside?
        if case .stream = content { (directWriter, inputs) = (DirectWriter(fd: fd), alongside) }
        func writeAll(_ raw: UnsafeRawBufferPointer) throws {
            if let inputs { try inputs.hash(raw, into: &hash) } else { hash.update(raw) }
            bytes += raw.count
            if let directWriter {
                guard directWriter.write(raw) else { throw OutputError.io(operation: .write, path: shown, cause: .last) }
                return
            }
            guard FileDescriptor(fd).writeAll(raw) else { throw OutputError.io(operation: .write, path: shown, cause: .last) }
            // A large file written the ordinary way goes to disk while the rest is written,
            // instead of all of it in the flush at the end.
            if bytes - handedToDisk >= Self.writeBackStep {
                FileSystem.startWriteBack(fd, offset: handedToDisk, count: bytes - handedToDisk)
                handedToDisk = bytes
            }
        }
        var failure: OutputError?
        do {
            switch content {
            case .data(let data): try data.withUnsafeBytes { try writeAll($0) }
            case .stream(let producer): try producer(writeAll)
            }
            if let directWriter, !directWriter.finish() { throw OutputError.io(operation: .write, path: shown, cause: .last) }
        } catch let e as OutputError {
            failure = e
        } catch {
            failure = .producerFailed(path: shown, message: "\(error)")
        }
        // A failed stream may leave direct writes in flight: they end before the file closes.
        directWriter?.waitForWrites()
        if close(fd) != 0 && failure == nil { failure = .io(operation: .close, path: shown, cause: .last) }
        if let failure { throw failure }
        return Manifest.Entry(path: relative, bytes: bytes, sha256: SHA256.hexString(hash.finish()))
    }

    /// How many bytes of a file are written before the kernel is asked to start writing them to disk.
    static let writeBackStep = 32 << 20

    /// Flushes the files written (`relatives`) and their folders to disk, once for the whole
    /// set: `syncfs` on Linux (one journal commit), otherwise one `fsync` per file and folder.
    func makeDurable(_ relatives: [String]) throws {
        if FileSystem.flushFileSystem(holding: path) { return }
        var folders: Set<String> = [path]
        for relative in relatives {
            let full = path + "/" + relative
            try FileSystem.flush(full, folder: false)
            folders.insert(FileSystem.parent(of: full))
        }
        for folder in folders.sorted(by: >) { try FileSystem.flush(folder, folder: true) }
    }

    /// Removes the folder and everything in it (after a failure).
    func remove() {
        try? FileSystem.removeTree(path)
    }
}
