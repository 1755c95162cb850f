import Foundation

/// A session folder: copies of the inputs under `inputs/`, the journal, and the results.
///
/// ```
/// DIR/inputs/rules/<rules file and the files it extends>
/// DIR/inputs/units.csv, roster.csv, schedule.csv
/// DIR/journal.jsonl        every change, hash-chained
/// DIR/journal.lock         taken by every command while it runs
/// DIR/results/             the first sealed result; results/v2/, v3/ after appeals
/// ```
public struct SessionFolder {
    public let directory: URL
    public let journal: Journal
    public let paths: SessionSetup.Paths
    public let setup: SessionSetup
    /// What reading the inputs as given said (a roster read as GB18030, …), naming them as
    /// given: set by `create` only, whose `setup` is read from the session's copies.
    public private(set) var givenInputWarnings: [Diagnostic] = []
    /// Whether `create` first cleared what an `init` cut short had left in the folder.
    public private(set) var clearedInterruptedInit = false
    /// Whether what it cleared held the empty journal of an `init` stopped after making it,
    /// before the opening record (else only copies of the inputs).
    public private(set) var clearedEmptyJournal = false
    public let doubleEntry: Bool
    /// The folder as messages name it (as typed).
    public var name: FolderName { journal.name }

    /// Creates the folder from the inputs at `paths` (relative to `base`): checks them all
    /// first, and creates nothing if any has an error.
    /// - Parameter period: the assessment period the papers print (`--period`), recorded in the
    ///   opening record; `nil`: the rules' `effective` dates.
    /// - Parameter shown: the folder as typed, as messages name it (`FolderName`).
    public static func create(_ directory: URL, shown: String? = nil, from paths: SessionSetup.Paths, base: String, doubleEntry: Bool,
                              by: String, period: String? = nil) throws(SessionError) -> SessionFolder {
        try Self.checkOperator(by)
        if let period, let problem = RecordedText.periodProblem(period) {
            throw .problems([.error(DiagnosticCode.invalidArgument.rawValue, problem, path: "--period")])
        }
        let setup = try SessionSetup.read(paths, base: base)
        // Everything below is looked at and done under the folder's lock: another `init` of the
        // same folder waits, then finds this one's session (`InitLock`).
        let name = FolderName(directory, shown: shown)
        var lock = try InitLock.take(name)
        do {
            let folder = try create(name, setup: setup, from: paths, base: base, doubleEntry: doubleEntry, by: by, period: period, lock: &lock)
            return folder
        } catch {
            // While the lock is held: `lock` keeps it until it goes, after this.
            lock.undo()
            throw error
        }
    }

    /// `create`, under the folder's lock (`lock`, handed on to the journal once it is made).
    private static func create(_ name: FolderName, setup: SessionSetup, from paths: SessionSetup.Paths, base: String, doubleEntry: Bool,
                               by: String, period: String?, lock: inout InitLock) throws(SessionError) -> SessionFolder {
        let fm = FileManager.default, directory = name.url
        let journalPath = directory.appendingPathComponent(Journal.fileName).path
        // What an `init` cut short left: its copies, perhaps the empty journal it had just made
        // (killed before the opening record was written). Cleared below, and this one goes on.
        let interrupted = leftByInterruptedInit(directory.path)
        let emptyJournal = interrupted && fm.fileExists(atPath: journalPath)
        if !interrupted && fm.fileExists(atPath: journalPath) {
            // An earlier `init` cut short before or while writing the opening record.
            if let bytes = fm.contents(atPath: journalPath), TornTail.cutShortOpening([UInt8](bytes)) {
                throw notOpened(name, bytes: bytes.count)
            }
            // Made by another `init` while this one waited for the lock (not one that was there
            // before, whose `status` or `verify` held the lock: a review).
            throw lock.waited && !lock.journalBefore ? .createdMeanwhile(name) : .alreadyExists(name)
        }
        // A session whose journal was lost is not an empty folder to fill, nor leftovers to clear.
        if let marks = sessionWithoutJournal(directory.path) { throw journalLost(name, bytes: nil, found: marks) }
        // The lock file is this `init`'s own (or one left behind by a command): not content.
        if !interrupted, let existing = try? fm.contentsOfDirectory(atPath: directory.path), existing.contains(where: { $0 != "journal.lock" }) {
            throw .problems([.error("session-folder-not-empty", SessionMessages.folderNotEmpty(name.shown), hint: SessionMessages.folderNotEmptyHint)])
        }
        // Where each input is copied to, inside the folder.
        let rulesDir = PathText.directory(of: PathText.normalize(paths.rules))
        var copies: [(from: String, to: String)] = []
        for file in setup.rulesFiles {
            let n = PathText.normalize(file)
            let rel = rulesDir.isEmpty || rulesDir == "." ? n : (n.hasPrefix(rulesDir + "/") ? String(n.dropFirst(rulesDir.count + 1)) : nil)
            guard let rel, !rel.hasPrefix("../"), !rel.hasPrefix("/") else {
                throw .problems([.error("session-rules-outside", SessionMessages.rulesOutside(file, main: paths.rules))])
            }
            copies.append((file, "inputs/rules/" + rel))
        }
        // A copy keeps its kind in its name: JSON units, or a workbook (since 0.28.0) that a
        // secretary opens from the folder in Excel; every other input is CSV.
        func copyName(_ path: String, _ name: String) -> String {
            let lower = path.lowercased()
            return "inputs/\(name)." + (lower.hasSuffix(".xlsx") ? "xlsx" : name == "units" && lower.hasSuffix(".json") ? "json" : "csv")
        }
        let local = (units: copyName(paths.units, "units"), roster: copyName(paths.roster, "roster"), schedule: paths.schedule.map { copyName($0, "schedule") })
        copies.append((paths.units, local.units))
        copies.append((paths.roster, local.roster))
        if let s = paths.schedule, let to = local.schedule { copies.append((s, to)) }
        // An `init` cut short before it wrote the journal left only copies of these inputs:
        // cleared, and this one goes on (since 0.27.1; before, it asked for the folder to be
        // deleted). Anything else there, or an input read from inside the folder, and it stops.
        if interrupted {
            switch clearInterruptedInit(directory, copies: copies.map { ($0.to, PathText.resolve($0.from, in: base), $0.from) }) {
            case .cleared: break
            case .inputInside(let given):
                throw .problems([.error("session-folder-not-empty", SessionMessages.inputInsideSessionFolder(given, folder: name.shown),
                                        hint: SessionMessages.inputInsideSessionFolderHint)])
            case .notOnlyCopies:
                throw .problems([.error("session-folder-not-empty", SessionMessages.notOnlyCopies(name.shown),
                                        hint: SessionMessages.notOnlyCopiesHint)])
            }
        }
        var hashes: [String: JSONOut] = [:], sources: [String: JSONOut] = [:]
        lock.writing = true
        do {
            for c in copies {
                guard let data = fm.contents(atPath: PathText.resolve(c.from, in: base)) else { throw SessionError.io("read", c.from) }
                try AtomicWriter.write(data, to: directory.appendingPathComponent(c.to))
                hashes[c.to] = .string(SHA256.hex([UInt8](data)))
                sources[c.to] = .string(c.from)
            }
            let journal = try Journal(directory: directory, shown: name.shown, create: true, writable: true, lockTimeout: nil, waiting: nil, heldLock: lock.file)
            let local = SessionSetup.Paths(rules: copies[0].to, units: local.units, roster: local.roster, schedule: local.schedule)
            var content: [String: JSONOut] = [
                "rules": .string(local.rules), "units": .string(local.units), "roster": .string(local.roster),
                "schedule": .str(local.schedule), "doubleEntry": .bool(doubleEntry), "agreement": .string("majority"), "inputs": .object(hashes), "sources": .object(sources),
                // The version that opened it: replay compares operators as this one's `enter` does.
                "kaimen": .string(CLI.version),
            ]
            // Only when given: a session opened without it records what every earlier one did.
            if let period { content["period"] = .string(period) }
            try journal.append(.open, by: by, content: .object(content))
            var folder = try SessionFolder(directory: directory, journal: journal)
            folder.givenInputWarnings = setup.warnings
            folder.clearedInterruptedInit = interrupted
            folder.clearedEmptyJournal = emptyJournal
            return folder
        } catch {
            // The cause is taken before the folder is removed (by `InitLock.undo`): `errno`
            // read afterwards was 0, and a full disk was said as `系统错误：Success`.
            throw SessionError.from(error, writing: name)
        }
    }

    /// Opens an existing session: takes its lock, reads the journal and the inputs' copies.
    /// - Parameter writable: a command that will append (a torn tail is then set aside).
    /// - Parameter waiting: called once if another command holds the session for a while (`Journal.init`).
    /// - Parameter shown: the folder as typed, as messages name it (`FolderName`).
    public static func open(_ directory: URL, shown: String? = nil, writable: Bool = true, waiting: ((Double) -> Void)? = nil) throws(SessionError) -> SessionFolder {
        let journal = try Journal(directory: directory, shown: shown, writable: writable, waiting: waiting)
        func refuseDamaged() throws(SessionError) {
            if writable, journal.diagnostics.contains(where: { $0.severity == .error }) {
                throw .problems(journal.diagnostics + [.error("journal-damaged", SessionMessages.journalDamaged, hint: SessionMessages.runVerify)])
            }
        }
        try refuseDamaged()
        // Nothing is recorded, and nothing sealed, against input copies changed since `init`:
        // `verify` would reject the result afterwards.
        if writable {
            let changed = changedInputs(directory, recorded: journal.records.first)
            if !changed.isEmpty { throw .problems(changed + [.error("input-changed", SessionMessages.inputsChangedRefused, hint: SessionMessages.inputsChangedHint)]) }
        }
        let folder = try SessionFolder(directory: directory, journal: journal)
        // Records whose arguments the commands refuse, found once the inputs are read.
        try refuseDamaged()
        return folder
    }

    /// A session whose `init` was cut short before or while it wrote the opening record, with
    /// `bytes` of it in the journal: said the same by `init` again and by every other command.
    /// A folder that holds more than an interrupted `init` leaves (results, a torn tail set
    /// aside) is a session whose journal was lost: said as such, never with advice to delete it.
    static func notOpened(_ folder: FolderName, bytes: Int) -> SessionError {
        let more = beyondInit(folder.path)
        if !more.isEmpty { return journalLost(folder, bytes: bytes, found: more) }
        // An empty journal beside only what `init` writes: `init` again clears it and opens the session.
        let hint = bytes == 0 && leftByInterruptedInit(folder.path) ? SessionMessages.rerunInitHint(folder.shown) : SessionMessages.notOpenedHint(folder.shown)
        return .problems([.error("journal-damaged", SessionMessages.notOpened(bytes: bytes),
                                 at: SourceLocation(file: Journal.fileName, line: 1, column: 1), hint: hint)])
    }

    /// The journal of a session folder is empty, cut short (`bytes` of it), or missing (`nil`)
    /// while `found` is there: restored from a backup, it is a session again.
    static func journalLost(_ folder: FolderName, bytes: Int?, found: [String]) -> SessionError {
        .problems([.error("journal-missing", SessionMessages.journalLost(folder.shown, bytes: bytes, found: found),
                          at: bytes == nil ? nil : SourceLocation(file: Journal.fileName, line: 1, column: 1),
                          hint: SessionMessages.journalLostHint(folder.shown))])
    }

    /// What the folder at `path` holds beyond what an `init` cut short leaves there (its inputs'
    /// copies, the journal, the lock, temporary files): `results/`, a torn tail set aside, ….
    /// Sorted, `results` first.
    static func beyondInit(_ path: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let more = names.filter { !initFolderNames.contains($0) && !($0.hasPrefix(".") && $0.contains(".tmp")) }
        return more.sorted { ($0 == "results" ? 0 : 1, $0) < ($1 == "results" ? 0 : 1, $1) }
    }

    /// For a folder with no journal: what shows it was a session's (its `results/`, or
    /// `inputs/` holding the rules' copies), when it is not only what an `init` cut short leaves.
    /// An empty `inputs/` beside other files is no session's.
    /// `results/` shows it only as a session's results: its manifest lists the inputs by their
    /// copies' paths in a session folder (`inputs/…`). A `score --out results` beside a project's
    /// files lists them as given, and was taken for a session whose journal was lost (a review).
    static func sessionWithoutJournal(_ path: String) -> [String]? {
        guard !leftByInterruptedInit(path) else { return nil }
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: path)) ?? []
        let inputs = fm.fileExists(atPath: (path as NSString).appendingPathComponent("inputs/rules"))
        let marks = ["results", "inputs"].filter { names.contains($0) && ($0 == "results" ? sessionResults(path) : inputs) }
        return marks.isEmpty ? nil : marks
    }

    /// Whether `path/results/manifest.json` lists the rules' copy in a session folder, as `close` writes it.
    static func sessionResults(_ path: String) -> Bool {
        let manifest = URL(fileURLWithPath: path).appendingPathComponent("results").appendingPathComponent(Manifest.fileName)
        // A manifest is small; one a thousand times larger is no manifest kaimen wrote.
        guard let data = try? Data(contentsOf: manifest), data.count < 16 << 20,
              let node = try? JSONCParser.parse(String(decoding: data, as: UTF8.self), file: manifest.path).get(),
              let listed = node["inputs"]?.elements else { return false }
        return listed.contains { $0["path"]?.stringValue?.hasPrefix("inputs/rules/") == true }
    }

    /// What `init` writes directly in the session folder before the opening record is whole:
    /// `inputs/`, the lock, and the journal (made empty, then the opening record appended).
    /// Nothing else, and no temporary file: its copies' are inside `inputs/` (`AtomicWriter`
    /// writes one beside the file it replaces), where `clearInterruptedInit` checks each.
    static let initFolderNames: Set<String> = ["inputs", "journal.lock", Journal.fileName]

    /// Whether `init` may clear what an `init` cut short left in `directory`
    /// (`leftByInterruptedInit`), and why not.
    enum Clearing: Equatable {
        case cleared
        /// An input is read from inside the folder (its path as given): nothing is touched.
        case inputInside(String)
        /// Something there is not a copy this `init` makes, byte for byte, or its temporary file.
        case notOnlyCopies
    }

    /// Removes what an `init` cut short left in `directory`, when it is only that: under `inputs`
    /// nothing but plain files that are the copies this `init` makes (`copies`: paths in the folder
    /// and the inputs they copy, resolved), each byte for byte its input (a copy is written whole
    /// or not at all), and their temporary files (`.NAME.tmp-<pid>-<random>`); beside `inputs`
    /// only an empty journal (a plain file: the `init` was stopped after making it, before its
    /// opening record); and no input read from inside the folder. The journal goes first: were
    /// this stopped midway, what is left is still an `init` cut short, never a journal without
    /// `inputs`.
    static func clearInterruptedInit(_ directory: URL, copies: [(to: String, from: String, given: String)]) -> Clearing {
        let fm = FileManager.default
        // Compared with links resolved: a folder named through a link and an input through the
        // real path (or the reverse) is still the same place.
        let root = directory.resolvingSymlinksInPath().standardizedFileURL.path
        if let inside = copies.first(where: { URL(fileURLWithPath: $0.from).resolvingSymlinksInPath().standardizedFileURL.path.hasPrefix(root + "/") }) {
            return .inputInside(inside.given)
        }
        let inputs = directory.appendingPathComponent("inputs")
        // A link anywhere under it is none of kaimen's: its copies are plain files and folders.
        if (try? fm.destinationOfSymbolicLink(atPath: inputs.path)) != nil { return .notOnlyCopies }
        let source = Dictionary(copies.map { ($0.to, $0.from) }, uniquingKeysWith: { a, _ in a })
        var onlyCopies = true
        let listed = FileSystem.walk(inputs.path) { entry in
            guard onlyCopies else { return false }
            if entry.kind == .folder { return true }
            let path = "inputs/" + entry.path, name = entry.name
            let folder = (path as NSString).deletingLastPathComponent
            if entry.kind == .file, let of = AtomicWriter.temporaryOf(name), source[folder + "/" + of] != nil { return false }
            guard entry.kind == .file, let from = source[path], let copy = fm.contents(atPath: directory.appendingPathComponent(path).path),
                  copy == fm.contents(atPath: from) else {
                onlyCopies = false
                return false
            }
            return false
        }
        guard listed, onlyCopies else { return .notOnlyCopies }
        // Beside `inputs`, only the empty journal (a plain file) is taken.
        let beside = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0 != "inputs" && $0 != "journal.lock" }
        for name in beside {
            guard name == Journal.fileName, isEmptyPlainFile(directory.appendingPathComponent(name).path) else { return .notOnlyCopies }
        }
        do {
            for name in beside { try fm.removeItem(at: directory.appendingPathComponent(name)) }
            if !beside.isEmpty { Journal.syncDirectory(directory) }
            try fm.removeItem(at: inputs)
        } catch { return .notOnlyCopies }
        return .cleared
    }

    /// Whether `path` is a plain file (not a link to one) of no bytes.
    static func isEmptyPlainFile(_ path: String) -> Bool {
        FileSystem.plainFileSize(path) == 0
    }

    /// Whether the folder at `path` is what an `init` interrupted before it wrote the opening
    /// record leaves: the `inputs` folder it was copying the inputs into, beside it only the
    /// lock file and no journal or an empty one (`init` was stopped after making it): the names
    /// `init` writes there (`initFolderNames`), nothing else. A hidden `.tmp` name beside
    /// `inputs` is someone else's (`init` writes none there): it was taken for `init`'s, and
    /// one named like a temporary file was cleared. (A secretary's test: `status` sent them to
    /// `init`, and `init` said the folder was not empty.) What `inputs` holds, and whether the
    /// copies are those of the inputs given, is for `clearInterruptedInit` to tell, naming it.
    static func leftByInterruptedInit(_ path: String) -> Bool {
        let journal = (path as NSString).appendingPathComponent(Journal.fileName)
        guard FileSystem.kind(journal) == .missing || isEmptyPlainFile(journal),
              FileSystem.kind((path as NSString).appendingPathComponent("inputs")) == .folder,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return entries.allSatisfy(initFolderNames.contains)
    }

    /// For a folder that holds no session: the session it is inside (`2014-mid/inputs` is in
    /// `2014-mid`), or a session folder beside it with a near name (`2014-mi` for `2014-mid`),
    /// as a hint; `nil` when there is neither.
    /// Each named as the folder's typed path reaches it (`FolderName.naming`).
    static func nearestSession(to folder: FolderName) -> Localized? {
        let fm = FileManager.default, path = folder.path
        func isSession(_ p: String) -> Bool { fm.fileExists(atPath: (p as NSString).appendingPathComponent(Journal.fileName)) }
        // Inside a session only when the folder is there: `2014-mid` typed inside another
        // session's folder is a missing folder, not a part of that session.
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue, let up = sessionHolding(path) {
            return SessionMessages.insideSession(folder.naming(up))
        }
        let parent = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        guard let siblings = try? fm.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent) else { return nil }
        let sessions = siblings.sorted().filter { isSession((parent as NSString).appendingPathComponent($0)) }
        guard let near = Suggestion.closest(to: name, among: sessions) else { return nil }
        return SessionMessages.nearSession(folder.naming((parent as NSString).appendingPathComponent(near)))
    }

    /// Whether `path` is there and no folder, a link followed (a file, a link to one): given
    /// where a session folder goes (`SessionError.notAFolder`).
    static func isFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
    }

    /// The session folder `path` is in (`2014-mid` for `2014-mid/results/summary.csv`), the
    /// nearest above it that holds a journal; `nil` when there is none.
    static func sessionHolding(_ path: String) -> String? {
        var up = (path as NSString).deletingLastPathComponent
        while up.count > 1 {
            if FileManager.default.fileExists(atPath: (up as NSString).appendingPathComponent(Journal.fileName)) { return up }
            up = (up as NSString).deletingLastPathComponent
        }
        return nil
    }

    /// An `input-changed` error for every input copy whose bytes are not those the `open`
    /// record hashed (or that is missing).
    /// - Parameter reading: for a command that only reads the session (`panel`, `compare`,
    ///   `sensitivity`, `explain --session`): warnings that its figures come from the changed
    ///   copies, instead of errors.
    static func changedInputs(_ directory: URL, recorded open: JournalRecord?, reading: Bool = false) -> [Diagnostic] {
        let recorded = (open?.content["inputs"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        let sources = (open?.content["sources"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        return recorded.sorted(by: { $0.key < $1.key }).compactMap { path, hash in
            let now = sha256(ofFile: directory.appendingPathComponent(path))
            guard now != hash else { return nil }
            let message = now == nil ? SessionMessages.inputMissing(path) : SessionMessages.inputChanged(path)
            let at = SourceLocation.whole(path)
            if reading { return .warning("input-changed", message, at: at, hint: SessionMessages.readFromChangedCopy) }
            return .error("input-changed", message, at: at, hint: sources[path].map(SessionMessages.copiedFrom))
        }
    }

    /// Input copies changed since `init`, as warnings for a command that only reads.
    public var changedInputWarnings: [Diagnostic] { Self.changedInputs(directory, recorded: journal.records.first, reading: true) }

    /// The session of a journal already opened (and locked) by the caller.
    public static func open(_ journal: Journal) throws(SessionError) -> SessionFolder {
        try SessionFolder(directory: journal.directory, journal: journal)
    }

    /// Refuses a journal `init` cut short before or while writing the opening record (an empty
    /// journal, or the start of that record alone): every command says the session was never
    /// opened, `verify` too.
    static func refuseNeverOpened(_ journal: Journal) throws(SessionError) {
        if journal.records.isEmpty && journal.openingCutShort { throw notOpened(journal.name, bytes: journal.byteCount) }
    }

    private init(directory: URL, journal: Journal) throws(SessionError) {
        try Self.refuseNeverOpened(journal)
        guard let first = journal.records.first, first.kind == .open,
              let rules = first.content["rules"]?.stringValue, let units = first.content["units"]?.stringValue,
              let roster = first.content["roster"]?.stringValue else {
            // What made the open record unreadable comes first (a journal saved again by Notepad),
            // and is then the whole story: that the first record is no opening record is its
            // consequence, and said after it misled (a secretary's test, 0.29.2).
            let errors = journal.diagnostics.filter { $0.severity == .error }
            let firstLineSaid = errors.contains { $0.location?.file == Journal.fileName && $0.location?.line == 1 }
            throw .problems(errors + (firstLineSaid ? [] : [.error("journal-damaged", SessionMessages.noOpenRecord,
                                                                   at: SourceLocation(file: Journal.fileName, line: 1, column: 1))]))
        }
        self.directory = directory
        self.journal = journal
        self.paths = .init(rules: rules, units: units, roster: roster, schedule: first.content["schedule"]?.stringValue)
        self.doubleEntry = first.content["doubleEntry"]?.boolValue ?? true
        self.setup = try SessionSetup.read(paths, base: directory.path, copies: true)
        // Damage as the chain is, for every command that opens the session (`ReplayArguments`).
        journal.addReplayProblems(replayedArgumentProblems())
    }

    /// The input copies' hashes recorded when the session was opened.
    public var recordedInputs: [String: String] {
        (journal.records.first?.content["inputs"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
    }

    /// The folder a sealed result of `version` is written to: `results`, then `results/v2`, ….
    public static func resultsPath(version: Int) -> String { version <= 1 ? "results" : "results/v\(version)" }
}
