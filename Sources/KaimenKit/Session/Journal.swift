import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `journal.jsonl`, opened under the session's lock: its records, and appending one durably.
///
/// - Opening takes an exclusive `flock` on `journal.lock` (a reader a shared one) for as long as the journal is open,
///   so two commands on one session run one after the other and never interleave writes.
/// - A torn tail (bytes after the last line end: a record cut short by a crash) is detected on
///   opening. A writer copies those bytes to a side file `journal.torn-<seq>-<time>.txt`, fsyncs
///   it, then cuts the journal back to its last whole line and records that it did; a reader
///   only reports it. Earlier records are never touched.
/// - ``append(_:by:content:)`` writes one whole line with `O_APPEND` and `fsync`s before it
///   returns; when the write or the flush fails, the file is cut back to where it ended.
/// - A reader (`writable: false`) opens the journal read-only, so a session it cannot write
///   (an archive, another user's) can still be verified, and takes a shared lock: readers run
///   together, never while a writer writes.
public final class Journal {
    public let directory: URL
    /// The folder as the command's messages name it (as typed).
    public let name: FolderName
    public private(set) var records: [JournalRecord] = []
    /// Whether the file was saved again by another program (a BOM, CRs): none of its lines is
    /// taken as a record, and `verify` checks no chain in it.
    public private(set) var resaved = false
    /// Problems met on opening: a torn tail set aside (warning), an unreadable line (error).
    public private(set) var diagnostics: [Diagnostic] = []
    /// The line each of `records` was read from.
    public private(set) var recordLines: [Int] = []
    /// Whole lines in the file: those read, then those appended.
    private var lineCount = 0
    /// The side file a torn tail was moved to when this journal was opened, if one was.
    public private(set) var tailSetAside: String?
    /// Whether the journal holds nothing but the opening record cut short, or nothing at all:
    /// `init` was interrupted (``TornTail/cutShortOpening(_:)``), and there is no session.
    public private(set) var openingCutShort = false
    /// The journal's size in bytes when it was read.
    public private(set) var byteCount = 0
    /// The folder's lock, held while the journal is open (`nil` for a reader of a folder
    /// without a lock file); closed by its own `deinit` once nothing holds it.
    private var lockFile: LockFile?
    private var fd: Int32 = -1

    public static let fileName = "journal.jsonl"
    /// After how many seconds of waiting for another command's lock `waiting` is called.
    public static let waitNotice = 1.0
    public var url: URL { directory.appendingPathComponent(Journal.fileName) }

    /// Opens (or with `create`, creates) the journal of the session in `directory`.
    /// - Parameter writable: set a torn tail aside (else only report it).
    /// - Parameter lockTimeout: how long to wait for another command on the same session
    ///   (`KAIMEN_LOCK_WAIT`, 30 s by default); then a `session-locked` error, never a silent hang.
    /// - Parameter waiting: called once when the lock has been waited for `waitNotice` seconds,
    ///   with how long the wait may last in all, so that the command can say why nothing happens
    ///   yet (a secretary's trial met 30 silent seconds while another typist's `enter` ran).
    /// - Parameter shown: the folder as typed, as messages name it (`FolderName`).
    public convenience init(directory: URL, shown: String? = nil, create: Bool = false, writable: Bool = true, lockTimeout: Double? = nil,
                            waiting: ((Double) -> Void)? = nil) throws(SessionError) {
        try self.init(directory: directory, shown: shown, create: create, writable: writable, lockTimeout: lockTimeout, waiting: waiting, heldLock: nil)
    }

    /// As the public `init`, and:
    /// - Parameter heldLock: the folder's lock, opened and locked already (by `init`), which the
    ///   journal holds while it is open (`init` holds it too, until it is done).
    init(directory: URL, shown: String?, create: Bool, writable: Bool, lockTimeout: Double?,
         waiting: ((Double) -> Void)?, heldLock: LockFile?) throws(SessionError) {
        self.directory = directory
        let name = FolderName(directory, shown: shown)
        self.name = name
        // A folder that holds no journal is no session: say so before the lock file is made,
        // so that asking about the wrong folder leaves nothing behind in it.
        if !create {
            var info = stat()
            if stat(directory.appendingPathComponent(Journal.fileName).path, &info) != 0 && (errno == ENOENT || errno == ENOTDIR) {
                throw SessionFolder.isFile(directory.path) ? .notAFolder(name, creating: false) : .notASession(name)
            }
        }
        let lockPath = directory.appendingPathComponent("journal.lock").path
        // A reader (`verify`, `status`) changes nothing in the folder, and also checks a session
        // it cannot write: an archived copy, a read-only disk, another user's folder. It takes
        // the lock on the file opened read-only (`flock` needs no write access), and where there
        // is no lock file it reads without one rather than leave one behind: the file is made
        // by `init`, and a session copied without it has no command writing it.
        let reader = !writable && !create
        let lockTimeout = lockTimeout ?? OutputOptions.lockWait
        func lock(_ file: LockFile) throws(SessionError) {
            _ = try Journal.lock(file.fd, shared: reader, path: lockPath, folder: name, timeout: lockTimeout, waiting: waiting)
        }
        var unlocked = false
        if let heldLock {
            // `init` takes the lock before it looks in the folder, and hands it on here.
            lockFile = heldLock
        } else {
            let lockFD = open(lockPath, reader ? O_RDONLY | O_CLOEXEC : O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            unlocked = reader && lockFD < 0 && errno == ENOENT
            guard lockFD >= 0 || unlocked else { throw .io("open", name.naming(lockPath)) }
            if lockFD >= 0 {
                let file = LockFile(adopting: lockFD)
                lockFile = file
                try lock(file)
            }
        }
        let flags = (writable || create ? O_RDWR | O_APPEND : O_RDONLY) | O_CLOEXEC | (create ? O_CREAT | O_EXCL : 0)
        fd = open(url.path, flags, 0o644)
        guard fd >= 0 else { throw create && errno == EEXIST ? .alreadyExists(name) : errno == ENOENT ? .notASession(name) : .io("open", name.naming(url.path)) }
        if create { Journal.syncDirectory(directory) }
        try load(writable: writable)
        // Read without a lock file: a writer that began meanwhile has made one, and may have
        // been writing what was read. Read again under its lock.
        if unlocked {
            let lockFD = open(lockPath, O_RDONLY | O_CLOEXEC)
            if lockFD >= 0 {
                let file = LockFile(adopting: lockFD)
                lockFile = file
                try lock(file)
                try load(writable: writable)
            }
        }
    }

    /// Locks `fd` (the folder's `journal.lock`): exclusively for a writer, shared for a reader,
    /// waiting up to `timeout` seconds for another command, then a `session-locked` error.
    /// Returns whether it had to wait (another command held it).
    static func lock(_ fd: Int32, shared: Bool, path lockPath: String, folder: FolderName, timeout: Double,
                     waiting: ((Double) -> Void)?) throws(SessionError) -> Bool {
        let wait = max(0, timeout), start = MonotonicClock.seconds(), deadline = start + wait
        var told = waiting == nil, waited = false
        // A writer alone; readers together (a shared lock: also what NFS grants on a file opened
        // read-only, where an exclusive one needs it open for writing).
        while flock(fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw .io("lock", folder.naming(lockPath)) }
            waited = true
            let now = MonotonicClock.seconds()
            if !told && now - start >= Journal.waitNotice && now < deadline {
                told = true
                waiting?(wait)
            }
            if now >= deadline {
                throw .problems([.error("session-locked", SessionMessages.sessionLocked(folder.shown, seconds: wait),
                                        hint: SessionMessages.sessionLockedHint(folder.naming(lockPath)))])
            }
            usleep(20_000)
        }
        return waited
    }

    /// The journal's file is closed here; the lock then goes with `lockFile`, once nothing else holds it.
    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Reads the journal into `records` (what an earlier load read is dropped: a reader that
    /// found no lock file reads again under a writer's).
    private func load(writable: Bool) throws(SessionError) {
        (records, recordLines, diagnostics) = ([], [], [])
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .io("read", name.naming(url.path)) }
        let bytes = [UInt8](data)
        byteCount = bytes.count
        // Empty: `init` was interrupted before it wrote the opening record.
        openingCutShort = bytes.isEmpty
        let end = (bytes.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        var number = 0
        // A journal saved again by another program (Notepad): a byte order mark before the first
        // line, or a CR at the end of every line, and every line a record without them. Said
        // once, with what to do, rather than as every line not canonical; none is taken as a
        // record. A CR on some lines only, or a line that is no record without it, is damage
        // at that line, said there.
        var failed: [(number: Int, problem: JournalRecord.Problem, bare: Bool)] = []
        var crLines = 0
        for raw in bytes[..<end].split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
            number += 1
            let text = String(decoding: raw, as: UTF8.self)
            if raw.last == 0x0D { crLines += 1 }
            switch JournalRecord.parse(text) {
            case .success(let r):
                records.append(r)
                recordLines.append(number)
            case .failure(let p):
                var bare = raw[...]
                if number == 1 && bare.starts(with: [0xEF, 0xBB, 0xBF]) { bare = bare.dropFirst(3) }
                if bare.last == 0x0D { bare = bare.dropLast() }
                var parses = false
                if bare.count != raw.count, case .success = JournalRecord.parse(String(decoding: bare, as: UTF8.self)) { parses = true }
                failed.append((number, p, parses))
            }
        }
        // A last line that is a whole record, chained after the one before with its own hash
        // right, and only its line end missing, is no torn tail: setting it aside would drop
        // a record kaimen wrote (a correction acknowledged, perhaps) without a word. It stays a
        // record; a writer adds the line end.
        // (Whatever the lines before: a damaged line elsewhere does not make this one torn.)
        var lineEndMissing: JournalRecord?
        // (After a line that could not be read, its link cannot be checked here; the chain's
        // own check names the gap.)
        if end < bytes.count, case .success(let r) = JournalRecord.parse(String(decoding: bytes[end...], as: UTF8.self)),
           r.seq == number + 1, r.hash == r.computedHash,
           !failed.isEmpty || r.prev == (records.last?.hash ?? JournalRecord.zeroHash) {
            number += 1
            records.append(r)
            recordLines.append(number)
            lineEndMissing = r
        }
        lineCount = number
        resaved = !failed.isEmpty && (crLines == 0 || crLines == number) && failed.allSatisfy(\.bare)
        if resaved {
            records = []
            recordLines = []
            diagnostics.append(.error("journal-unreadable", SessionMessages.journalResaved(failed.count),
                                      at: SourceLocation(file: Journal.fileName, line: 1, column: 1), hint: SessionMessages.journalResavedHint))
        } else {
            for f in failed {
                diagnostics.append(.error("journal-unreadable", SessionMessages.journalUnreadable(f.problem),
                                          at: SourceLocation(file: Journal.fileName, line: f.number, column: 1), hint: SessionMessages.journalUnreadableHint(f.problem)))
            }
        }
        // Every command that opens the journal checks its chain, not only `verify`: a record
        // changed by hand must stop the commands that would append to it or seal from it.
        // The commands' rules are replayed over a journal that reads and chains whole: over a
        // gap (an unreadable line, say an appeal's), every record after it would be blamed.
        var chain = chainProblems()
        if chain.isEmpty && failed.isEmpty { chain = ReplayCheck.problems(records, lines: recordLines) }
        defer { diagnostics += chain }
        // A damaged journal is only read: every command that would write refuses it, and must
        // not first move its tail or add a line end (the secretary restores it from a copy).
        let damaged = !chain.isEmpty || diagnostics.contains { $0.severity == .error }
        if let r = lineEndMissing {
            let at = SourceLocation(file: Journal.fileName, line: number, column: 1)
            guard writable && !damaged else {
                diagnostics.append(.warning("journal-line-end", SessionMessages.lineEndMissing(seq: r.seq, added: false), at: at))
                return
            }
            guard FileDescriptor(fd).writeAll([0x0A]), fsync(fd) == 0 else { throw .io("write", name.naming(url.path)) }
            diagnostics.append(.warning("journal-line-end", SessionMessages.lineEndMissing(seq: r.seq, added: true), at: at))
            return
        }
        guard end < bytes.count else { return }
        let tail = Array(bytes[end...])
        let at = SourceLocation(file: Journal.fileName, line: number + 1, column: 1)
        // Whose action was lost, as far as the torn bytes say (only in the message).
        let lost = TornTail.read(tail)
        // With no whole record before it, there is no session to recover into (a recovery
        // record appended here became the journal's first, and the folder was no session at
        // all): the file is left as it is. It is the opening record cut short (`SessionFolder`
        // says what to do), or lines whose line ends were lost (another program saved it).
        // After whole lines that could not be read, it is a torn tail like any other (seen, and
        // left: the journal is damaged), not an `init` cut short.
        if records.isEmpty && number == 0 {
            if TornTail.cutShortOpening(tail) {
                openingCutShort = true
            } else {
                diagnostics.append(.error("journal-unreadable", SessionMessages.noWholeLine(bytes: tail.count),
                                          at: SourceLocation(file: Journal.fileName, line: 1, column: 1), hint: SessionMessages.journalResavedHint))
            }
            return
        }
        guard writable && !damaged else {
            diagnostics.append(.warning("journal-torn-tail", SessionMessages.tornTailSeen(tail.count, lost: lost), at: at,
                                        hint: lost.map(SessionMessages.tornTailRedo)))
            return
        }
        let side = directory.appendingPathComponent("journal.torn-\((records.last?.seq ?? 0) + 1)-\(Int(Date().timeIntervalSince1970)).txt")
        do {
            try AtomicWriter.write(Data(tail), to: side)
        } catch {
            throw .io("write", name.naming(side.path))
        }
        guard ftruncate(fd, off_t(end)) == 0, fsync(fd) == 0 else { throw .io("truncate", name.naming(url.path)) }
        diagnostics.append(.warning("journal-torn-tail", SessionMessages.tornTailSetAside(tail.count, side: side.lastPathComponent, lost: lost), at: at,
                                    hint: lost.map(SessionMessages.tornTailRedo)))
        tailSetAside = side.lastPathComponent
        try append(.recovered, by: "kaimen", content: .object([
            "file": .string(side.lastPathComponent), "bytes": .num(tail.count), "sha256": .string(SHA256.hex(tail)),
        ]))
    }

    /// Adds what replaying the records by the commands' argument checks found
    /// (`SessionFolder.replayedArgumentProblems`, which needs the inputs this does not read):
    /// damage like the chain's, for every command that then looks at `diagnostics`.
    func addReplayProblems(_ problems: [Diagnostic]) {
        diagnostics += problems.filter { !diagnostics.contains($0) }
    }

    /// Where the records do not chain: a record not at the line its number says, a `prev` that
    /// is not the hash of the record before, a hash that is not its content's.
    private func chainProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var previous = JournalRecord.zeroHash
        for (r, number) in zip(records, recordLines) {
            let at = SourceLocation(file: Journal.fileName, line: number, column: 1)
            if r.seq != number {
                problems.append(.error("journal-sequence", SessionMessages.badSequence(seq: r.seq, line: number), at: at, hint: SessionMessages.badSequenceHint))
            }
            if r.prev != previous {
                problems.append(.error("journal-chain", SessionMessages.badPrev(seq: r.seq), at: at, hint: SessionMessages.badPrevHint))
            }
            if r.hash != r.computedHash {
                problems.append(.error("journal-hash", SessionMessages.badHash(seq: r.seq, what: SessionMessages.recordWhat(r)), at: at,
                                       hint: SessionMessages.badHashHint))
            }
            previous = r.hash
        }
        return problems
    }

    /// Appends a record, durably: the command may report success once this returns.
    @discardableResult
    public func append(_ kind: JournalRecord.Kind, by: String, content: JSONOut) throws(SessionError) -> JournalRecord {
        // No control character reaches the file: a person's text (a reason, a name) keeps them as visible escapes.
        let record = JournalRecord(seq: (records.last?.seq ?? 0) + 1, time: JournalRecord.now(), by: Echo.visible(by), kind: kind,
                                   content: Journal.visible(content), prev: records.last?.hash ?? JournalRecord.zeroHash)
        let bytes = Array((record.line + "\n").utf8)
        // Where the file ended: a write or flush that fails cuts it back there, so that the
        // journal holds nothing of a record the command says it did not make (a disk that
        // filled mid-line left part of one, and the next command set it aside as torn).
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io("write", name.naming(url.path)) }
        let before = info.st_size
        func failed(_ operation: String) -> SessionError {
            let code = errno
            if ftruncate(fd, before) == 0 { fsync(fd) }
            return .io(operation, name.naming(url.path), code: code)
        }
        guard FileDescriptor(fd).writeAll(bytes) else { throw failed("write") }
        guard fsync(fd) == 0 else { throw failed("fsync") }
        lineCount += 1
        records.append(record)
        recordLines.append(lineCount)
        return record
    }

    /// `value` with every string and key as ``Echo/visible(_:)`` writes it. Two keys can become
    /// one (`a` and ESC is written `a\u{1B}`, as the six characters `a\u{1B}` are): the key
    /// that was written as it is keeps its value, else the one that sorts first, so the same
    /// content always gives the same record. No key kaimen writes today holds a control
    /// character; `uniqueKeysWithValues` trapped on such a pair (a review).
    static func visible(_ value: JSONOut) -> JSONOut {
        switch value {
        case .string(let t): return .string(Echo.visible(t))
        case .array(let a): return .array(a.map(visible))
        case .object(let o):
            let pairs = o.map { (escaped: Echo.visible($0.key) != $0.key ? 1 : 0, original: $0.key, value: $0.value) }
                .sorted { ($0.escaped, $0.original) < ($1.escaped, $1.original) }
            return .object(Dictionary(pairs.map { (Echo.visible($0.original), visible($0.value)) }, uniquingKeysWith: { first, _ in first }))
        default: return value
        }
    }

    /// Flushes a folder's entries (a file just created in it) to disk.
    static func syncDirectory(_ dir: URL) {
        let d = open(dir.path, O_RDONLY | O_CLOEXEC)
        if d >= 0 { fsync(d); close(d) }
    }
}
