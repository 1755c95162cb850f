import Foundation

/// `session verify`: replays the journal, checks every hash in the chain and every input copy,
/// recomputes each sealed result from the journal and compares it with the seal and with the
/// files on disk, and finds result files no seal lists. Names exactly what differs; no problem
/// means everything matches.
///
/// A chain cannot show that records were cut from its end (the rest still links up), nor that
/// the last seal was: the head hash posted at close can (`posted`), and a result folder with
/// files no seal lists is reported.
public enum Verifier {
    public struct Report: Sendable {
        public var problems: [Diagnostic]
        public var records: Int
        public var seals: Int
        /// The last record's hash: what a committee posts so the journal can be checked later.
        public var head: String
        /// The record whose hash is the posted one, when a posted hash was given and found: a
        /// seal record (what `close` prints and a notice carries; any other is an error).
        public var postedRecord: Int? = nil
        /// The result version that seal sealed (1, 2 after an appeal, …).
        public var postedVersion: Int? = nil
        /// The latest sealed version: the posted one, or a later appeal's.
        public var latestVersion: Int { seals }
        public var ok: Bool { !problems.contains { $0.severity == .error } }
    }

    /// Verifies the session in `directory`; with `posted` (a journal head hash posted at a
    /// close, whole or its first digits: `PostedHead.digits`), also that the journal still holds
    /// that record. `shown`, `waiting`: as `SessionFolder.open`'s.
    public static func verify(_ directory: URL, shown: String? = nil, posted: String? = nil, waiting: ((Double) -> Void)? = nil) throws(SessionError) -> Report {
        let journal = try Journal(directory: directory, shown: shown, writable: false, waiting: waiting)
        // `init` cut short: said as every other command says it, not counted as a mismatch.
        try SessionFolder.refuseNeverOpened(journal)
        var problems = journal.diagnostics
        // 1. The chain: checked as the journal is read (`Journal`), its problems among the
        // journal's own.
        let head = journal.records.last?.hash ?? JournalRecord.zeroHash
        let lineOf = Dictionary(zip(journal.records.map(\.seq), journal.recordLines), uniquingKeysWith: { _, last in last })
        // 1b. The posted head: records cut from the end, or rewritten and chained anew, lose it.
        var postedRecord: Int?, postedVersion: Int?
        if let posted {
            // The whole hash or its first digits (`PostedHead`); hashes are written in lowercase hex.
            let hash = posted.lowercased()
            let found = journal.records.filter { $0.hash.hasPrefix(hash) }
            if found.count == 1 && found[0].kind == .seal {
                postedRecord = found[0].seq
                postedVersion = found[0].content["version"]?.intValue
            } else if found.count == 1 {
                // What `close` prints, and so what a notice carries, is a seal's hash: any other
                // record's passed as "posted", with records "added after it" (an outside audit).
                problems.append(.error("journal-head-not-seal", SessionMessages.postedHeadNotSeal(posted, record: found[0],
                                                                                                   what: SessionMessages.recordWhat(found[0])),
                                       hint: SessionMessages.postedHeadNotSealHint))
            } else {
                // Two records sharing 16 digits is a 1 in 2^64 chance: said, not guessed between.
                // Not found: no place in the journal is at fault, the digits first may be.
                problems.append(.error("journal-head", found.isEmpty ? SessionMessages.postedHeadMissing(posted) : SessionMessages.postedHeadAmbiguous(posted, records: found.map(\.seq)),
                                       hint: found.isEmpty ? SessionMessages.postedHeadMissingHint : SessionMessages.postedHeadAmbiguousHint))
            }
        }
        // 1c. The torn tails set aside: each `recovered` record's side file, as it recorded it.
        problems += tornFileProblems(journal)
        // 2. The inputs, as copied when the session opened.
        let changedInputs = SessionFolder.changedInputs(directory, recorded: journal.records.first)
        problems += changedInputs
        let folder: SessionFolder
        do { folder = try SessionFolder.open(journal) } catch {
            // The open record's failure repeats the journal's own problems: each is said once.
            let more = error.diagnostics.filter { !problems.contains($0) }
            return Report(problems: Diagnostics.sortedList(problems + more), records: journal.records.count, seals: 0, head: head,
                          postedRecord: postedRecord, postedVersion: postedVersion)
        }
        // Records whose arguments the commands refuse, found once the inputs are read.
        problems += journal.diagnostics.filter { !problems.contains($0) }
        // 3. Every seal: recompute from the journal up to it, compare with the seal and the files.
        var state = SessionState(records: [], doubleEntry: folder.doubleEntry)
        var seals = 0
        var sealedPaths: Set<String> = []
        // The hash of the record before each: a seal's `journalHead` names it.
        var previous = JournalRecord.zeroHash
        for r in journal.records {
            defer { previous = r.hash }
            guard r.kind == .seal else { state.apply(r); continue }
            seals += 1
            let at = SourceLocation(file: Journal.fileName, line: lineOf[r.seq] ?? 0, column: 1)
            // A seal whose paths lead out of its results folder was not written by `close`: its
            // files are neither read nor written again (the folder could be anyone's).
            if let bad = outsidePath(r) {
                // Before 0.22.0, a close through a linked folder above the session sealed its
                // outputs by absolute paths: kaimen's own record, which cannot be checked by them,
                // not a rewritten one; its files are then not each "unsealed" either.
                let outputs = (r.content["outputs"]?.objectValue ?? [:]).keys
                let inside = outputs.compactMap { $0.hasPrefix("/") ? SessionFolder.path(of: URL(fileURLWithPath: $0), under: directory) : $0 }
                if bad.hasPrefix("/"), inside.count == outputs.count, let results = r.content["results"]?.stringValue,
                   results == SessionFolder.resultsPath(version: r.content["version"]?.intValue ?? 1) {
                    problems.append(.error("seal-path", SessionMessages.sealAbsolutePaths(seq: r.seq, version: r.content["kaimen"]?.stringValue), at: at,
                                           hint: SessionMessages.sealAbsolutePathsHint))
                    sealedPaths.formUnion(inside)
                    sealedPaths.insert(results + "/" + Manifest.fileName)
                } else {
                    problems.append(.error("seal-path", SessionMessages.sealPath(bad, seq: r.seq), at: at, hint: SessionMessages.sealPathHint))
                }
                state.apply(r)
                continue
            }
            problems += checkSeal(r, previous: previous, state: state, folder: folder, at: at, inputsChanged: !changedInputs.isEmpty,
                                  recordsBroken: journal.diagnostics.contains { $0.severity == .error })
            sealedPaths.formUnion(listedPaths(r))
            state.apply(r)
        }
        // 4. Result files no seal lists: a seal record removed (then one line for the folder), or
        // files added afterwards (one line each).
        let found = resultFiles(in: directory, nextVersion: seals + 1)
        if !found.leftovers.isEmpty {
            problems.append(.warning("output-leftover", SessionMessages.closeLeftovers(found.leftovers),
                                     at: SourceLocation.whole(found.leftovers[0]), hint: SessionMessages.closeLeftoversHint))
        }
        problems += linkProblems(found.links)
        problems += found.officeLocks.map(\.note)
        let unsealed = found.files.filter { !sealedPaths.contains($0) }
        // All in the folder the next close writes (`results`, or `results/vN` after N − 1 seals):
        // most likely a close cut short between writing them and sealing, said once.
        let next = SessionFolder.resultsPath(version: seals + 1)
        if seals == 0 || unsealed.allSatisfy({ $0.hasPrefix(next + "/") }),
           let first = unsealed.first(where: { !$0.hasSuffix("/" + Manifest.fileName) }) ?? unsealed.first {
            let folderPath = next
            problems.append(.error("output-unsealed", SessionMessages.resultsWithoutSeal(folderPath, count: unsealed.count, first: first),
                                   at: SourceLocation.whole(first), hint: SessionMessages.resultsWithoutSealHint(dir: shown ?? directory.path)))
        } else {
            for path in unsealed {
                problems.append(.error("output-unsealed", SessionMessages.outputUnsealed(path), at: SourceLocation.whole(path),
                                       hint: SessionMessages.outputUnsealedHint))
            }
        }
        // 5. Files elsewhere in the folder that the journal does not account for.
        problems += unlistedFileProblems(journal, verifying: true)
        return Report(problems: Diagnostics.sortedList(problems), records: journal.records.count, seals: seals, head: head,
                      postedRecord: postedRecord, postedVersion: postedVersion)
    }

    /// Each `recovered` record whose side file (`journal.torn-<seq>-<time>.txt`, the torn tail
    /// it set aside) is not in the session folder as recorded: missing, or other bytes than its
    /// `sha256`; or whose `file` names no file of the folder (a record rewritten to point
    /// elsewhere: nothing is read there). A deleted side file passed `verify`: it is all that is
    /// left of the record cut short, and the journal says it is kept.
    static func tornFileProblems(_ journal: Journal) -> [Diagnostic] {
        zip(journal.records, journal.recordLines).compactMap { r, line in
            guard r.kind == .recovered else { return nil }
            let at = SourceLocation(file: Journal.fileName, line: line, column: 1)
            let name = r.content["file"]?.stringValue ?? ""
            guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else {
                return .error("torn-file-changed", SessionMessages.tornFileNotInFolder(Echo.cell(name), seq: r.seq), at: at,
                              hint: SessionMessages.restoreJournalHint)
            }
            let url = journal.directory.appendingPathComponent(name)
            // Something there that is no plain file (a folder, a link, a FIFO) is said as such,
            // not as missing (a review); nothing is read from it.
            if FileSystem.kind(url.path) != .missing && FileSystem.plainFileSize(url.path) == nil {
                return .error("torn-file-changed", SessionMessages.tornFileNotPlain(name, seq: r.seq), at: at,
                              hint: SessionMessages.restoreTornFileHint(name))
            }
            guard let now = SessionFolder.sha256(ofFile: url) else {
                return .error("torn-file-changed", SessionMessages.tornFileMissing(name, seq: r.seq, bytes: r.content["bytes"]?.intValue), at: at,
                              hint: SessionMessages.restoreTornFileHint(name))
            }
            guard let recorded = r.content["sha256"]?.stringValue, now != recorded else { return nil }
            return .error("torn-file-changed", SessionMessages.tornFileChanged(name, seq: r.seq), at: at, hint: SessionMessages.restoreTornFileHint(name))
        }
    }

    /// The sealed result files (of every seal) that are not, byte for byte, as sealed: changed
    /// or missing. What `status` says of a closed session; `verify` says more of each.
    static func changedOutputs(_ seals: [JournalRecord], in directory: URL) -> [Diagnostic] {
        seals.flatMap { seal in
            // Each output, and the manifest where the seal holds its hash (since 0.18.0); a link
            // in place of a file is not the file sealed, whatever it points to.
            var sealed = (seal.content["outputs"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
            if let manifest = seal.content["manifest"]?.stringValue {
                sealed[(seal.content["results"]?.stringValue ?? "results") + "/" + Manifest.fileName] = manifest
            }
            let links = Set(sealed.keys.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: directory.appendingPathComponent($0).path)) != nil })
            let found = linkProblems(links.sorted())
                + notAsSealed(sealed.filter { !links.contains($0.key) }, in: directory).map { path, missing in
                    Diagnostic.error("output-changed", missing ? SessionMessages.outputMissing(path, seq: seal.seq) : SessionMessages.outputChanged(path, seq: seal.seq),
                                     at: SourceLocation.whole(path), hint: SessionMessages.outputChangedStatusHint)
                }
            return found.sorted { ($0.location?.file ?? "") < ($1.location?.file ?? "") }
        }
    }

    /// An `output-symlink` error for each link in the session's results (`resultFiles`'s
    /// `links`, paths from the session folder): what `verify`, `status` and `close` say of one.
    static func linkProblems(_ links: [String]) -> [Diagnostic] {
        links.map { .error("output-symlink", SessionMessages.outputSymlink($0), at: SourceLocation.whole($0), hint: SessionMessages.outputSymlinkHint) }
    }

    /// Of `sealed` (path from `directory` → SHA-256 as sealed), the files that are not so now,
    /// in order of path, and whether each is missing.
    static func notAsSealed(_ sealed: [String: String], in directory: URL) -> [(path: String, missing: Bool)] {
        sealed.sorted(by: { $0.key < $1.key }).compactMap { path, hash in
            let now = SessionFolder.sha256(ofFile: directory.appendingPathComponent(path))
            return now == hash ? nil : (path, now == nil)
        }
    }

    /// In a closed session, the ballots replayed from the journal against those its last seal
    /// records: they differ when a record before it was changed and every hash recomputed (the
    /// chain then reads whole). What `status` says of it; `verify` says which seal and more.
    static func sealedBallotsChanged(_ folder: SessionFolder) -> Diagnostic? {
        let state = folder.state
        guard state.phase == .closed, let seal = state.seals.last,
              let sealed = seal.content["ballots"]?.stringValue,
              sealed != SHA256.hex([UInt8](SessionFolder.ballotsCSV(state, setup: folder.setup))) else { return nil }
        return .error("seal-ballots", SessionMessages.sealBallots(seq: seal.seq), at: SourceLocation(file: Journal.fileName, line: seal.seq, column: 1),
                      hint: SessionMessages.sealBallotsRehashedHint)
    }

    /// The files `seal` accounts for, as paths from the session folder: its outputs and its
    /// set's own manifest (checked against the seal by `checkManifest`, not rebuilt).
    static func listedPaths(_ seal: JournalRecord) -> [String] {
        Array((seal.content["outputs"]?.objectValue ?? [:]).keys) + [(seal.content["results"]?.stringValue ?? "results") + "/" + Manifest.fileName]
    }

    /// The first path of `seal` that is not where `close` writes: `results` for the first
    /// version and `results/vN` for the N-th, and every output inside it, with no `..`, `.` or
    /// empty part. `nil` when all are.
    static func outsidePath(_ seal: JournalRecord) -> String? {
        let c = seal.content
        let version = c["version"]?.intValue ?? 1
        let results = c["results"]?.stringValue ?? "results"
        guard version >= 1, results == SessionFolder.resultsPath(version: version) else { return results }
        for path in (c["outputs"]?.objectValue ?? [:]).keys.sorted() {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if !path.hasPrefix(results + "/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) { return path }
        }
        return nil
    }

    /// Every file under the session's `results/` folder, as a path from the session folder
    /// (`results/summary.csv`), in order, and every symbolic link in it (or `results` itself,
    /// when it is one): a sealed result is a file in the session folder, and a link could show
    /// anything, from anywhere, without a file of it being listed.
    ///
    /// What an interrupted `close` leaves behind (the first's `.results.kaimen-tmp-…` and
    /// `.results.kaimen-lock` in the session folder; a later version's `.v2.kaimen-tmp-…` and
    /// `.v2.kaimen-lock` inside `results/`) is listed apart, as `leftovers`: kaimen's own
    /// names, which the next `close` clears, not files someone added.
    ///
    /// The lock file an office program keeps beside a result file it has open (`~$summary.xlsx`,
    /// `.~lock.report.html#`; `OfficeLock`) is listed apart too, as `officeLocks`: a file open in
    /// Excel while `verify` ran was an unsealed result, with a hint of tampering (a secretary's
    /// test, 0.29.2).
    static func resultFiles(in directory: URL, nextVersion: Int)
        -> (files: [String], links: [String], leftovers: [String], officeLocks: [OfficeLock]) {
        let folder = SessionFolder.resultsPath(version: 1)
        let results = directory.appendingPathComponent(folder)
        if SessionFolder.isSymbolicLink(results) { return ([], [folder], [], []) }
        var files: [String] = [], links: [String] = [], leftovers: [String] = [], sizes: [String: Int] = [:]
        FileSystem.walk(results.path) { entry in
            let path = folder + "/" + entry.path
            if entry.kind != .link, isLeftover(results.appendingPathComponent(entry.path), in: results, nextVersion: nextVersion) {
                leftovers.append(path)
                return false
            }
            switch entry.kind {
            case .link: links.append(path)
            case .file: files.append(path); sizes[path] = entry.size
            case .folder, .other: break
            }
            return true
        }
        let officeLocks = OfficeLock.find(among: files, sizes: sizes)
        let locked = Set(officeLocks.map(\.path))
        files.removeAll { locked.contains($0) }
        // The first close stages `results` beside it, in the session folder (`.results.kaimen-
        // tmp-…`, locked by `.results.kaimen-lock`): cut short, it leaves those there.
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        where isLeftover(directory.appendingPathComponent(name), in: directory, stem: ".\(folder).kaimen-") {
            leftovers.append(name)
        }
        return (files.sorted(), links.sorted(), leftovers.sorted(), officeLocks.sorted { $0.path < $1.path })
    }

    /// Exactly what a close of version `nextVersion` (2 or later) cut short leaves in `results/`:
    /// its staging folder `.vN.kaimen-tmp-<pid>-<random>` (`FolderSwap`) or its empty lock file
    /// `.vN.kaimen-lock` (`OutputLock`). Any other name, deeper or otherwise, is no leftover.
    static func isLeftover(_ url: URL, in results: URL, nextVersion: Int) -> Bool {
        nextVersion >= 2 && isLeftover(url, in: results, stem: ".v\(nextVersion).kaimen-")
    }

    /// Whether `url`, directly in `folder`, is the staging folder `<stem>tmp-<pid>-<random>` or
    /// the empty lock file `<stem>lock` of a write of `<stem>`'s folder cut short.
    static func isLeftover(_ url: URL, in folder: URL, stem: String) -> Bool {
        guard url.deletingLastPathComponent().standardizedFileURL.path == folder.standardizedFileURL.path else { return false }
        let name = url.lastPathComponent
        if name == stem + "lock" {
            return ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 1) == 0
        }
        guard name.hasPrefix(stem + "tmp-") else { return false }
        let parts = name.dropFirst((stem + "tmp-").count).split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[0].allSatisfy(\.isNumber) && !parts[1].isEmpty
    }

    /// - Parameter inputsChanged: an input copy is not as the session opened with it (said
    ///   already): results recomputed from it differ for that reason, and nothing is said
    ///   about how the files came to differ.
    /// - Parameter recordsBroken: a record does not chain or match its hash (said already).
    /// - Parameter previous: the hash of the record before the seal (its `journalHead`).
    static func checkSeal(_ seal: JournalRecord, previous: String, state: SessionState, folder: SessionFolder, at: SourceLocation,
                          inputsChanged: Bool = false, recordsBroken: Bool = false) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let c = seal.content
        let sealed = (c["outputs"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
        let ballots = SessionFolder.ballotsCSV(state, setup: folder.setup)
        // The journal's ballots are not those sealed: a record before the seal was changed,
        // removed or put in. Results recomputed from it then differ for that reason.
        let ballotsChanged = c["ballots"]?.stringValue != SHA256.hex([UInt8](ballots))
        if ballotsChanged {
            problems.append(.error("seal-ballots", SessionMessages.sealBallots(seq: seal.seq), at: at,
                                   hint: recordsBroken ? SessionMessages.sealBallotsHint : SessionMessages.sealBallotsRehashedHint))
        }
        // The seal's other fields the journal decides (its sheets' states only where the
        // records and the inputs are as they were: else they differ for that reason, said).
        let trusted = !inputsChanged && !recordsBroken && !ballotsChanged
        problems += sealFieldProblems(seal, previous: previous, state: state, folder: folder, replayTrusted: trusted, at: at)
        // The files on disk against the seal (said below, once the results are recomputed: a
        // changed CSV file's first changed cell is named where the recomputed file is as sealed).
        let changed = notAsSealed(sealed, in: folder.directory)
        let asSealed = Set(sealed.keys).subtracting(changed.map(\.path))
        problems += checkManifest(seal, folder: folder, sealedOutputs: sealed)
        // The results recomputed from the journal against the seal.
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-verify-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temp) }
        var recomputedAsSealed: Set<String> = []
        let resultsPath = c["results"]?.stringValue ?? "results"
        do {
            // Written again as the version that made the seal wrote them (none recorded: before 0.11.0).
            let writtenAs = Self.version(c["kaimen"]?.stringValue) ?? [0, 0, 0]
            var session = try SessionFolder.score(ballots, paths: folder.paths, in: folder.directory,
                                                  sheets: sealedSheets(seal, writtenAs: writtenAs, state: state, setup: folder.setup))
            session.report.writtenAs = writtenAs
            // The numbers people sign, which `status` and `explain --session` show from the seal.
            if trusted { problems += sealRankingProblems(seal, recomputed: SessionFolder.sealedRanking(session), at: at) }
            let written = try OutputFiles.write(session, to: temp.appendingPathComponent(resultsPath), lang: Language(rawValue: c["lang"]?.stringValue ?? "zh") ?? .zh).files
            // Keyed as close keys them, from the folder the set was written in.
            var recomputed: [String: String] = [:]
            for url in written {
                recomputed[SessionFolder.path(of: url, under: temp) ?? url.path] = SessionFolder.sha256(ofFile: url)
            }
            recomputedAsSealed = Set(sealed.keys.filter { recomputed[$0] == sealed[$0] })
            let differing = Set(recomputed.keys).union(sealed.keys).sorted().filter { recomputed[$0] != sealed[$0] }
            if !differing.isEmpty && inputsChanged {
                problems.append(.error("seal-mismatch", SessionMessages.recomputedFromChangedInputs(differing, seq: seal.seq), at: at,
                                       hint: ballotsChanged ? SessionMessages.restoreInputsAndJournalFirst : SessionMessages.restoreInputsFirst))
            } else if !differing.isEmpty && ballotsChanged {
                // The files as sealed are the trustworthy ones here: say where the changed
                // journal gives another figure (in the summary, the one CSV file that names
                // its cells: `firstDifference`), and that the journal is what to restore.
                let cell = differing.lazy.filter(asSealed.contains).compactMap { path in
                    Self.firstDifference(path, onDisk: folder.directory.appendingPathComponent(path), recomputed: temp.appendingPathComponent(path))
                }.first
                problems.append(.error("seal-mismatch", SessionMessages.recomputedFromChangedJournal(differing, seq: seal.seq, cell: cell), at: at,
                                       hint: SessionMessages.restoreJournalFirst))
            } else if !differing.isEmpty {
                // Whether the numbers people sign agree tells a file written by another kaimen
                // (other wording, same ranking) from a result that changed.
                let sameRanking = c["ranking"] == SessionFolder.sealedRanking(session)
                // The version that closed the session, where the seal records it (since 0.11.0).
                let sealedBy = c["kaimen"]?.stringValue
                // Files that are, byte for byte, what the seal says, and still not what this
                // version writes from the journal: by another version, worded otherwise; by
                // this one, the seal was written for them. Where one is a CSV file, its first
                // cell that differs is named.
                let withSeal = differing.filter(asSealed.contains)
                let rewrittenWithSeal = sealedBy == CLI.version && !withSeal.isEmpty && withSeal.count == differing.count
                let cell = withSeal.lazy.filter { $0.hasSuffix(".csv") }.compactMap { path in
                    Self.firstDifference(path, onDisk: folder.directory.appendingPathComponent(path), recomputed: temp.appendingPathComponent(path))
                }.first
                let hint: Localized
                switch (sameRanking, sealedBy) {
                case (true, .some(let v)) where v != CLI.version: hint = SessionMessages.recomputedOtherVersionHint(v)
                case (true, .some): hint = rewrittenWithSeal ? SessionMessages.rewrittenWithSealHint : SessionMessages.recomputedSameVersionHint
                case (true, nil): hint = SessionMessages.recomputedWordingHint
                case (false, _): hint = SessionMessages.recomputedDiffersHint
                }
                problems.append(.error("seal-mismatch", SessionMessages.recomputedDiffers(differing, seq: seal.seq, sameRanking: sameRanking,
                                                                                           rewrittenWithSeal: rewrittenWithSeal, cell: cell, sealedBy: sealedBy),
                                       at: at, hint: hint))
            }
        } catch {
            problems.append(.error("seal-rescore", SessionMessages.rescoreFailed(seq: seal.seq, "\(error)"), at: at))
        }
        for (path, missing) in changed {
            // What the file says now against what the journal gives, which is what was sealed.
            let cell = !missing && path.hasSuffix(".csv") && recomputedAsSealed.contains(path)
                ? Self.firstDifference(path, onDisk: folder.directory.appendingPathComponent(path), recomputed: temp.appendingPathComponent(path)) : nil
            problems.append(.error("output-changed", missing ? SessionMessages.outputMissing(path, seq: seal.seq) : SessionMessages.outputChanged(path, seq: seal.seq, cell: cell),
                                   at: SourceLocation.whole(path), hint: SessionMessages.restoreOutputHint))
        }
        return problems
    }
    /// The first cell in which CSV file `path` on disk differs from the one written again from
    /// the journal, as people find it in a spreadsheet, with both texts; `nil` when either
    /// cannot be read as CSV or they differ in no cell (only in bytes: a BOM, line ends), and for
    /// a CSV file other than a summary (a score sheet's starts with a title block, which read as
    /// its header named columns by the rules' title; a hostile test, session 43).
    static func firstDifference(_ path: String, onDisk: URL, recomputed: URL) -> SessionMessages.CellDifference? {
        guard (path as NSString).lastPathComponent == "summary.csv" else { return nil }
        guard let a = try? Data(contentsOf: onDisk), let b = try? Data(contentsOf: recomputed),
              let disk = CSVReader.read(a, fileName: path).table, let again = CSVReader.read(b, fileName: path).table else { return nil }
        if disk.header != again.header {
            let c = Self.firstUnequal(disk.header, again.header)
            return .init(path: path, cell: CellPosition(row: disk.headerRow, column: c),
                         onDisk: c < disk.header.count ? disk.header[c] : "", recomputed: c < again.header.count ? again.header[c] : "")
        }
        for r in 0 ..< max(disk.rows.count, again.rows.count) {
            let x = r < disk.rows.count ? Array(disk.rows[r]) : [], y = r < again.rows.count ? Array(again.rows[r]) : []
            guard x != y else { continue }
            let c = Self.firstUnequal(x, y)
            let row = r < disk.rows.count ? disk.spreadsheetRows[r] : (disk.spreadsheetRows.last ?? disk.headerRow) + r - disk.rows.count + 1
            return .init(path: path, cell: CellPosition(row: row, column: c, header: c < disk.header.count ? disk.header[c] : nil),
                         onDisk: c < x.count ? x[c] : "", recomputed: c < y.count ? y[c] : "")
        }
        return nil
    }

    /// The first index at which `a` and `b` differ (the shorter's count when one begins the other).
    static func firstUnequal(_ a: [String], _ b: [String]) -> Int {
        zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    }

    /// The result set's `manifest.json` against `seal`: it must list exactly the sealed files
    /// with their sealed hashes, and the input copies with the hashes the seal recorded; and,
    /// where the seal holds the manifest's own hash (since 0.18.0), be that file byte for byte.
    /// It is never rebuilt: it records when the set was written.
    static func checkManifest(_ seal: JournalRecord, folder: SessionFolder, sealedOutputs: [String: String]) -> [Diagnostic] {
        let c = seal.content
        let resultsPath = c["results"]?.stringValue ?? "results"
        let path = resultsPath + "/" + Manifest.fileName
        let at = SourceLocation.whole(path)
        let url = folder.directory.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            // Sealed by hash since 0.18.0; before, it was the set's file all the same.
            return c["manifest"] == nil
                ? [.error("manifest-mismatch", SessionMessages.manifestMismatch(path, .missing, seq: seal.seq), at: at, hint: SessionMessages.manifestMismatchHint)]
                : [.error("output-changed", SessionMessages.outputMissing(path, seq: seal.seq), at: at, hint: SessionMessages.restoreOutputHint)]
        }
        var found: [SessionMessages.ManifestProblem] = []
        if let listed = Manifest.listed(in: data) {
            let sealedInputs = (c["inputs"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
            // Entry by entry: a file listed twice is named, not folded into one.
            func compare(_ entries: [(path: String, sha256: String)], with sealed: [String: String], allListed: Bool) {
                var seen: Set<String> = []
                for e in entries {
                    if !seen.insert(e.path).inserted { found.append(.twice(e.path)); continue }
                    if let hash = sealed[e.path] {
                        if hash != e.sha256 { found.append(.hash(e.path)) }
                    } else {
                        found.append(.notSealed(e.path))
                    }
                }
                if allListed { for file in sealed.keys.sorted() where !seen.contains(file) { found.append(.notListed(file)) } }
            }
            compare(listed.outputs.map { (resultsPath + "/" + $0.path, $0.sha256) }, with: sealedOutputs, allListed: true)
            // A manifest lists every input copy since 0.15.0; before, none (and then none is asked).
            compare(listed.inputs.map { ($0.path, $0.sha256) }, with: sealedInputs, allListed: !listed.inputs.isEmpty)
        } else {
            found.append(.unreadable)
        }
        if found.isEmpty, let hash = c["manifest"]?.stringValue, SHA256.hex([UInt8](data)) != hash {
            return [.error("output-changed", SessionMessages.outputChanged(path, seq: seal.seq), at: at, hint: SessionMessages.restoreOutputHint)]
        }
        // A seal made since the manifest's hash is sealed, without it: the seal was rewritten.
        var problems: [Diagnostic] = []
        if c["manifest"] == nil, let v = c["kaimen"]?.stringValue, Self.sealed(by: v, since: ScoreReport.v0_18) {
            problems.append(.error("manifest-mismatch", SessionMessages.sealWithoutManifestHash(seq: seal.seq, version: v), at: at,
                                   hint: SessionMessages.recomputedDiffersHint))
        }
        // One line for the manifest, whatever it gets wrong: a swapped manifest is one mistake.
        switch found.count {
        case 0: break
        case 1: problems.append(.error("manifest-mismatch", SessionMessages.manifestMismatch(path, found[0], seq: seal.seq), at: at, hint: SessionMessages.manifestMismatchHint))
        default: problems.append(.error("manifest-mismatch", SessionMessages.manifestMismatches(path, found, seq: seal.seq), at: at, hint: SessionMessages.manifestMismatchHint))
        }
        return problems
    }

    /// The session's sheets as the kaimen that made `seal` stated them on its papers: the
    /// recusals, voids and uncounted sheets since 0.17.0; the session's recusals only since
    /// 0.16.0; none before (the notice then counted the roster's own units).
    static func sealedSheets(_ seal: JournalRecord, writtenAs: [Int], state: SessionState, setup: SessionSetup) -> SessionSheets? {
        let c = seal.content
        guard ScoreReport.version(writtenAs, reaches: ScoreReport.v0_16) else { return nil }
        guard ScoreReport.version(writtenAs, reaches: ScoreReport.v0_17) else { return SessionSheets(recusals: SessionInputs.recusals(setup)) }
        // `uncounted` lists the sheets left open as `R05×X02`: matched whole against the expected
        // sheets, as an id may itself hold `×`.
        let listed = Set((c["uncounted"]?.arrayValue ?? []).compactMap(\.stringValue))
        let uncounted = setup.expected.sheets.filter { listed.contains("\($0.representative)×\($0.unit)") }
        return SessionInputs.sheets(setup, state: state, uncounted: uncounted, acceptMissing: c["acceptMissing"]?.stringValue,
                                    resultVersion: c["version"]?.intValue ?? 1)
    }

    /// Whether a seal that records `version` (`"0.16.0"`) was made by that version or a later
    /// one; a seal with none (before 0.11.0) was not.
    static func sealed(by version: String?, since minimum: [Int]) -> Bool {
        Self.version(version).map { ScoreReport.version($0, reaches: minimum) } ?? false
    }

    /// `"0.16.0"` as `[0, 16, 0]`; `nil` for none or anything else.
    static func version(_ text: String?) -> [Int]? {
        guard let parts = text?.split(separator: ".").map({ Int($0) }), !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.map { $0! }
    }
}
