import Foundation

/// A set of output files written together into one folder, as one whole set.
///
/// ``commit(into:options:)`` checks every path, takes the folder's lock (``OutputLock``),
/// puts back an old set that a run killed in the middle of a swap left aside (where `dir` is
/// missing), removes what an interrupted run left behind, writes every file and then `manifest.json` into
/// a hidden staging folder beside the output folder, flushes the set to disk once, and swaps
/// it in with one atomic exchange (``FolderSwap``); then it removes the old set.
///
/// What this guarantees: whatever happens (an error, a full disk, `kill -9` at any moment),
/// the output folder holds either the complete old set or the complete new one, never a mix;
/// the next run puts back an old set a killed swap left aside in place of a missing folder, and
/// removes a staging folder or a replaced old set left behind; a failure leaves no folder
/// that was not there before. A folder that holds files but no manifest (kaimen did not write
/// it), or files its manifest does not list (the user's, added since), is not replaced unless
/// ``CommitOptions/force`` is set, and never one that holds an input of the run or the current
/// folder.
public struct OutputBatch: Sendable {
    public struct File: Sendable {
        public var relativePath: String
        var content: Content
        /// The bytes, for a file given whole (empty for a streamed one).
        public var data: Data { if case .data(let d) = content { return d } else { return Data() } }
    }

    /// What a file holds: bytes, or a producer that hands its bytes over piece by piece, so a
    /// large file never has to sit in memory whole. Internal: the pieces are unsafe pointers.
    enum Content: Sendable {
        case data(Data)
        case stream(@Sendable (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void)
    }

    /// Makes the bytes of several files of the batch at once, in the order they were added
    /// (``add(together:make:)``): files that share the work of making them.
    struct Maker: Sendable {
        let count: Int
        let make: @Sendable () throws -> [Data]
    }

    public private(set) var files: [File] = []
    /// The makers of files made together, by the index of their first file (whose followers,
    /// `count - 1` of them, are theirs too; each such file's `content` is empty).
    private var makers: [Int: Maker] = [:]

    /// How many threads write the files and run their makers (two at least: one makes while
    /// the other writes). Each holds one file, or one maker's files, at a time.
    var threads = 2

    public init() {}

    /// Adds a file, `relativePath` being inside the folder given to ``commit(into:)``.
    public mutating func add(_ data: Data, at relativePath: String) {
        files.append(File(relativePath: relativePath, content: .data(data)))
    }

    /// Adds a file written piece by piece by `producer`.
    mutating func add(streaming producer: @escaping @Sendable (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void,
                             at relativePath: String) {
        files.append(File(relativePath: relativePath, content: .stream(producer)))
    }

    /// Adds files whose bytes `make` makes together when they are written (a unit's score
    /// sheet as CSV and JSON, which share its table), `make` returning one `Data` per path in
    /// the order of `relativePaths`. Made, written and dropped one maker at a time on each
    /// thread: a batch of a score sheet per unit never holds every sheet at once.
    mutating func add(together relativePaths: [String], make: @escaping @Sendable () throws -> [Data]) {
        guard !relativePaths.isEmpty else { return }
        makers[files.count] = Maker(count: relativePaths.count, make: make)
        for path in relativePaths { files.append(File(relativePath: path, content: .data(Data()))) }
    }

    /// How ``commit(into:options:)`` treats the folder it replaces.
    public struct CommitOptions: Sendable {
        /// Replace a non-empty folder that has no manifest (everything in it is removed).
        public var force: Bool
        /// The input files of the run, recorded in the manifest with their SHA-256: the path to
        /// show, and where to read it. A folder holding one of them is never replaced.
        public var inputs: [(shown: String, url: URL)]
        /// Further paths the folder must not hold (the current folder).
        public var protected: [URL]
        /// How long to wait for another process writing the same folder, in seconds.
        public var lockTimeout: Double
        /// Inputs already being hashed since the run began (by the path of their `url`); the
        /// others are hashed while the files are written.
        public var digests: InputDigests?
        /// The folder is a session's results, written by `session close`: the one writer that may
        /// write inside a session's folder (any other is refused, `OutputError.inSession`).
        public var sessionResults = false
        /// Swap the folders in one atomic exchange where the file system can (``FolderSwap``);
        /// false takes the way of one that cannot, two renames (the tests' way to reach it).
        var exchange = true

        public init(force: Bool = false, inputs: [(shown: String, url: URL)] = [], protected: [URL] = [], lockTimeout: Double = 30,
                    digests: InputDigests? = nil) {
            self.force = force
            self.inputs = inputs
            self.protected = protected
            self.lockTimeout = lockTimeout
            self.digests = digests
        }
    }

    /// What ``commit(into:options:)`` wrote, and what it replaced that was open elsewhere.
    public struct Committed: Sendable {
        /// The files' locations, in the order added (`manifest.json` is written too, and not listed).
        public var files: [URL]
        /// The office programs' lock files the old folder held, each beside a file it replaced
        /// that Excel, WPS or LibreOffice had open (paths from the folder, `~$summary.xlsx`):
        /// found under the folder's lock, by the one walk that looks for files the manifest does
        /// not list (``survey(_:listed:)``), and said by the command (`output-open-elsewhere`).
        /// Each command walked the folder a second time for them before 0.29.6.
        public var openElsewhere: [OfficeLock]
        /// The hidden name (beside the folder) of an old set put back before the write: a run
        /// killed between the two renames of a swap without an exchange had left it there, and
        /// no folder (``FolderSwap/restoreOldSet(beside:)``); said by the command (`output-restored`).
        public var restored: String? = nil
    }

    /// Writes every file under `dir` as one set, replacing whatever set was there; returns the
    /// files' locations and the replaced files that were open elsewhere (``Committed``).
    /// Two paths that differ only in case are refused as duplicates (they clash on macOS and Windows).
    @discardableResult
    public func commit(into dir: URL, options: CommitOptions = CommitOptions()) throws -> Committed {
        let target = Self.absolutePath(dir)
        let targetURL = URL(fileURLWithPath: target, isDirectory: true)
        var relatives: [String] = []
        var seen: Set<String> = [Manifest.fileName]
        for file in files {
            let url = try SafePath.resolve(file.relativePath, under: targetURL)
            let relative = String(url.path.dropFirst(target.count + 1))
            guard seen.insert(relative.lowercased()).inserted else { throw OutputError.duplicatePath(path: file.relativePath) }
            relatives.append(relative)
        }
        try Self.checkNotInSession(target, shown: dir.path, options: options)
        if FileSystem.isReadOnlyFolder(target) { throw OutputError.readOnly(path: target) }
        let createdParents = try FileSystem.makeFolders(FileSystem.parent(of: target))
        var swapped = false
        defer { if !swapped { FileSystem.removeEmptyFolders(createdParents) } }
        let lock = try OutputLock(for: target, timeout: options.lockTimeout)
        defer { lock.release() }
        // A run killed between the two renames of a swap without an exchange left the old set
        // aside and no folder: put back before anything else, so that this run's failure
        // leaves it in place (before 0.29.8 it was removed as a leftover; a review).
        let restored = FolderSwap.restoreOldSet(beside: target)
        FolderSwap.removeLeftovers(beside: target)
        let openElsewhere = try Self.checkReplaceable(target, options: options, findingLocks: true)

        let staging = try StagingFolder(beside: target)
        let old: String?
        do {
            let (outputs, inputs) = try writeAndHash(into: staging, relatives: relatives, target: target, inputs: options.inputs,
                                                     digests: options.digests)
            let manifest = Manifest(kaimen: CLI.version, created: Date(), inputs: inputs, outputs: outputs)
            _ = try staging.write(.data(Data(manifest.rendered().utf8)), at: Manifest.fileName, shownAs: target + "/" + Manifest.fileName)
            try staging.makeDurable(relatives + [Manifest.fileName])
            old = try FolderSwap.swap(staging.path, into: target, exchange: options.exchange)
        } catch {
            staging.remove()
            throw error
        }
        swapped = true
        try? FileSystem.flush(FileSystem.parent(of: target), folder: true)
        if let old { FolderSwap.discard(old, beside: target) }
        return Committed(files: relatives.map { targetURL.appendingPathComponent($0) }, openElsewhere: openElsewhere, restored: restored)
    }

    /// Writes the files into the staging folder on ``threads`` threads (each file's SHA-256 is
    /// taken from the bytes as they are written; files made together are made on the thread
    /// that writes them, just before), and hashes the input files (``InputsAlongside``:
    /// alongside a streamed file's bytes, and after the files what is left; for a large run
    /// both are hundreds of megabytes); returns both lists of manifest entries.
    private func writeAndHash(into staging: StagingFolder, relatives: [String], target: String,
                              inputs: [(shown: String, url: URL)],
                              digests: InputDigests?) throws -> (outputs: [Manifest.Entry], inputs: [Manifest.Entry]) {
        enum Part: Sendable { case entries([(Int, Manifest.Entry)]), failed(OutputError) }
        try staging.makeFolders(for: relatives, shownUnder: target)
        let (files, makers) = (self.files, self.makers)
        // The work in the order added: a file, or a maker's files.
        let jobs = {
            var jobs: [Range<Int>] = [], next = 0
            while next < files.count {
                jobs.append(next ..< next + (makers[next]?.count ?? 1))
                next = jobs.last!.upperBound
            }
            return jobs
        }()
        let alongside = InputsAlongside(inputs: inputs.map { (shown: $0.shown, path: $0.url.path) }, digests: digests)
        let workers = min(max(jobs.count, 1), max(2, threads))
        let work: @Sendable (Int) -> Part = { k in
            var entries: [(Int, Manifest.Entry)] = []
            var current = 0
            do {
                // Alternate the work between the threads: the sheets are many and alike.
                for job in stride(from: k, to: jobs.count, by: workers).map({ jobs[$0] }) {
                    current = job.lowerBound
                    let made = try makers[job.lowerBound].map { maker in
                        let made = try maker.make()
                        precondition(made.count == maker.count, "a maker makes one file per path")
                        return made
                    }
                    for i in job {
                        current = i
                        entries.append((i, try staging.write(made.map { .data($0[i - job.lowerBound]) } ?? files[i].content, at: relatives[i],
                                                             shownAs: target + "/" + relatives[i], foldersMade: true, alongside: alongside)))
                    }
                }
                return .entries(entries)
            } catch let e as OutputError {
                return .failed(e)
            } catch {
                return .failed(.producerFailed(path: target + "/" + relatives[current], message: "\(error)"))
            }
        }
        // The second worker (and any further) on threads of their own (`Parallel.alongside`, not
        // `map`), so that a file's producer on this one runs its own parallel work on the cores.
        let parts: [Part]
        if workers >= 2 {
            let (first, others) = Parallel.alongside({ work(0) }, { Parallel.map(workers - 1) { work($0 + 1) } })
            parts = [first] + others
        } else {
            parts = [work(0)]
        }
        var outputs = [Manifest.Entry?](repeating: nil, count: files.count)
        for part in parts {
            switch part {
            case .entries(let list):
                for (i, entry) in list { outputs[i] = entry }
            case .failed(let error): throw error
            }
        }
        return (outputs.map { $0! }, try alongside.entries())
    }

    /// The scoring session folder `target` is, or is in (the nearest with a `journal.jsonl`),
    /// if any: `sheets --out s1` and `score --out s1/results/v2` replaced a session or its sealed
    /// results (a secretary's trial; `--force` removed the journal itself).
    static func sessionFolder(holding target: String) -> String? {
        var folder = target
        while true {
            var info = stat()
            if lstat(folder + "/journal.jsonl", &info) == 0 { return folder }
            guard let slash = folder.lastIndex(of: "/"), folder != "/" else { return nil }
            folder = slash == folder.startIndex ? "/" : String(folder[..<slash])
        }
    }

    /// What `commit` would refuse `dir` for before it writes anything (a session's folder, not a
    /// folder, one holding an input or what kaimen did not write), for a command that would
    /// otherwise find out only after a long run: `score --out` printed its whole table and then
    /// refused the folder (a secretary's test). `commit` checks again, under its lock.
    public static func checkTarget(_ dir: URL, options: CommitOptions) throws {
        let target = absolutePath(dir)
        try checkNotInSession(target, shown: dir.path, options: options)
        // The nearest folder above that is there must be a folder: `--out notes.txt/sub` (a
        // file on the way) was found only when the folders were made, after the run (a review).
        var above = FileSystem.parent(of: target)
        while !above.isEmpty && above != "/" && FileSystem.kind(above) == .missing { above = FileSystem.parent(of: above) }
        if FileSystem.kind(above) == .other {
            throw OutputError.io(operation: .createFolder, path: above, cause: SystemError(ENOTDIR))
        }
        _ = try checkReplaceable(target, options: options, findingLocks: false)
    }

    /// Refuses a folder that is a session's or in one, but for `session close`'s results.
    private static func checkNotInSession(_ target: String, shown: String, options: CommitOptions) throws {
        if !options.sessionResults, let session = sessionFolder(holding: target) {
            throw OutputError.inSession(path: shown, session: session)
        }
    }

    /// Refuses to replace what is not a kaimen output folder, or holds an input of the run;
    /// returns, when `findingLocks`, the lock files of the files in it open elsewhere (``Committed/openElsewhere``).
    private static func checkReplaceable(_ target: String, options: CommitOptions, findingLocks: Bool) throws -> [OfficeLock] {
        switch FileSystem.kind(target) {
        case .missing: return []
        case .other: throw OutputError.notAFolder(path: target)
        case .folder: break
        }
        for url in options.inputs.map(\.url) + options.protected {
            let path = absolutePath(url)
            if path == target || path.hasPrefix(target + "/") {
                throw options.protected.contains(url) ? OutputError.holdsCurrentFolder(folder: target, current: path) : OutputError.containsInput(folder: target, input: url.path)
            }
        }
        let names = try FileSystem.names(in: target)
        if names.isEmpty { return [] }
        if options.force { return findingLocks ? survey(target, listed: nil).openElsewhere : [] }
        guard Manifest.isPresent(in: target) else { throw OutputError.foreignFolder(path: target, entries: names.count) }
        // kaimen's folder, with a file of the user's added since (notes beside the results):
        // replacing the folder would delete it without a word.
        let found = survey(target, listed: listedPaths(in: target))
        if !found.unlisted.isEmpty {
            throw OutputError.foreignFiles(path: target, files: Array(found.unlisted.prefix(5)), count: found.unlisted.count)
        }
        return found.openElsewhere
    }

    /// The paths the manifest of the kaimen folder `target` lists, itself among them; `nil` for a
    /// manifest that cannot be read, which lists nothing kaimen may keep quiet about.
    static func listedPaths(in target: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: target + "/" + Manifest.fileName),
              let listed = Manifest.listed(in: data) else { return nil }
        return Set(listed.outputs.map(\.path) + [Manifest.fileName])
    }

    /// One walk of the folder at `target` that a commit replaces. `unlisted`: with `listed` (the
    /// paths its manifest lists, ``listedPaths(in:)``), what it holds that they do not, by relative
    /// path (a folder whose every file is unlisted by its own path and `/`, not gone into), sorted;
    /// empty folders, the files a desktop leaves in any folder it shows (`.DS_Store`, `Thumbs.db`,
    /// `desktop.ini`) and an office program's lock beside a file it has open
    /// (`.~lock.summary.xlsx#`, `~$summary.xlsx`) are not counted. `openElsewhere`: those lock
    /// files, each beside the file it locks (``OfficeLock/find(among:sizes:)``), in every folder
    /// the walk went into (all of them without `listed`; with it, all when nothing is unlisted).
    static func survey(_ target: String, listed known: Set<String>?) -> (unlisted: [String], openElsewhere: [OfficeLock]) {
        var unlisted: [String] = [], files: [String] = [], sizes: [String: Int] = [:]
        let ignored = FileSystem.isDesktopLeftover
        FileSystem.walk(target) { entry in
            let path = entry.path, folder = entry.kind == .folder
            if !folder {
                files.append(path)
                sizes[path] = entry.size
            }
            guard let known else { return folder }
            guard !ignored(PathText.lastComponent(path)) else { return false }
            if folder {
                if known.contains(where: { $0.hasPrefix(path + "/") }) { return true }
                if FileSystem.containsFile(target + "/" + path, ignoring: ignored) { unlisted.append(path + "/") }
            } else if !known.contains(path) {
                unlisted.append(path)
            }
            return false
        }
        return (unlisted, OfficeLock.find(among: files, sizes: sizes))
    }

    /// `url` as an absolute path without `.`, `..` or symbolic links in the folders above it;
    /// a final symbolic link to a folder is followed too (the folder it names is replaced).
    static func absolutePath(_ url: URL) -> String {
        let standard = url.standardizedFileURL.path
        var path = standard.count > 1 && standard.hasSuffix("/") ? String(standard.dropLast()) : standard
        if let real = realpath(path, nil) {
            path = String(cString: real)
            free(real)
        } else {
            let parent = FileSystem.parent(of: path)
            if let real = realpath(parent, nil) {
                let base = String(cString: real)
                free(real)
                path = (base == "/" ? "" : base) + "/" + FileSystem.name(of: path)
            }
        }
        return path
    }
}
