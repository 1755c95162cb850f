import Foundation

/// `session close`: scores the confirmed ballots exactly as `score` would, writes the results,
/// and seals them: the hashes of the inputs, of every output file and of the journal head.
extension SessionFolder {
    /// The counted ballots as a long ballots file (`representative,unit,standard,score`), in the
    /// order the sheets are expected: what `score` would read.
    public static func ballotsCSV(_ state: SessionState, setup: SessionSetup) -> Data {
        decideSheets(state, setup: setup).csv
    }

    /// Scores the ballots through the one pipeline `score` uses (`SessionInputs`).
    /// - Parameter sheets: the session's recusals, voids and uncounted sheets, for the papers
    ///   (`nil`: the papers as kaimen before 0.16.0 wrote them, for re-deriving such a seal).
    public static func score(_ ballots: Data, paths: SessionSetup.Paths, in directory: URL, sheets: SessionSheets? = nil) throws(SessionError) -> ScoringSession {
        do {
            return try SessionInputs(ballots: ballots, paths: paths, in: directory, sheets: sheets).score()
        } catch {
            throw .problems(error.diagnostics)
        }
    }

    /// What a seal records of each unit, the numbers people sign: `{unit id: {rank, total, grade}}`.
    /// `verify` compares it with the journal's result again.
    static func sealedRanking(_ session: ScoringSession) -> JSONOut {
        var ranking: [String: JSONOut] = [:]
        for r in session.results {
            ranking[session.table.units[r.unit].id] = .object(["rank": .num(r.rank), "total": .string(r.total.formatted(places: session.rules.ranking.precision)),
                                                               "grade": .string(r.grade)])
        }
        return .object(ranking)
    }

    /// `url` as a path from `folder` (`results/summary.csv`), as seals list files; `nil` when it
    /// is not under `folder`.
    /// Either may be written through a symbolic link in a folder above (`/tmp` on macOS): they
    /// are compared as written, then with every link resolved.
    static func path(of url: URL, under folder: URL) -> String? {
        for (root, path) in [(folder.standardizedFileURL.path, url.standardizedFileURL.path),
                             (folder.resolvingSymlinksInPath().path, url.resolvingSymlinksInPath().path)] {
            if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        }
        return nil
    }

    /// Whether `url` itself (not what it points to) is a symbolic link.
    static func isSymbolicLink(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }

    public static func sha256(ofFile url: URL) -> String? {
        FileManager.default.contents(atPath: url.path).map { SHA256.hex([UInt8]($0)) }
    }

    /// Closes the session: refuses while sheets are open unless `acceptMissing` gives a reason.
    /// The results are written in `lang`, which the seal records so `session verify` rebuilds
    /// the same files (their hashes depend on the headings' language).
    /// - Returns: also `replaced`, the unsealed result files a close cut short had left in the
    ///   folder this one wrote (counted as `status` and `verify` count them), which it replaced;
    ///   and `written`, what the write of the results says (an old set put back, the files an
    ///   office program had open: ``OutputBatch/Committed/notes(in:)``).
    public func close(by: String, acceptMissing: String?, lang: Language = .zh) throws(SessionError)
        -> (seal: JournalRecord, session: ScoringSession, replaced: Int, written: OutputBatch.Committed) {
        try Self.checkOperator(by)
        let state = self.state
        if state.phase == .closed { throw .problems([.error("session-closed", SessionMessages.alreadyClosed, hint: SessionMessages.alreadyClosedHint)]) }
        let status = SessionStatus(folder: self)
        // A new version is not sealed on top of an earlier one that is no longer as sealed (a
        // hostile test: an appeal closed over a changed v1 without a word).
        // (`status` found them: a session not closed has no `seal-ballots` among them.)
        if !status.sealProblems.isEmpty {
            throw .problems(status.sealProblems + status.resultLinks + [.error("output-changed", SessionMessages.notSealedOverChanged, hint: SessionMessages.runVerify)])
        }
        // The results are files in the session folder: a link at `results` (or under it) would
        // put them, or show them, elsewhere, under a seal that says they are here.
        if !status.resultLinks.isEmpty { throw .problems(status.resultLinks) }
        // `--accept-missing ""` is a reason left out, not the option left out.
        if let a = acceptMissing, a.trimmingSpaces().isEmpty {
            throw .problems([.error("missing-reason", SessionMessages.emptyAcceptMissing, path: "--accept-missing",
                                    hint: SessionMessages.emptyAcceptMissingHint)])
        }
        // `--accept-missing` is for sheets that cannot be confirmed (a sheet lost, a typist away).
        // Not for a conflict, which the paper sheet settles (`resolve`), nor for an appeal's
        // correction entered once: leaving that sheet out would drop the scores confirmed in the
        // earlier round too, which no one corrected. It swept both in before 0.23.0, and the
        // papers gave its reason for them.
        // In a reopened round, only the appealed units' sheets: the others were settled by the
        // earlier seal (one by 0.22.0 may have left a conflict out) and can be neither resolved
        // nor entered now.
        let settles = status.open.filter { row in
            (state.phase != .reopened || state.appealedUnits.contains(row.unit)) && (row.state == .conflict || (row.state == .once && row.corrected))
        }
        let unacceptable = acceptMissing == nil ? [] : settles
        if !unacceptable.isEmpty {
            // The sheet as the last seal counted it: whether leaving it out drops scores.
            let sealed = state.seals.last.map { self.state(through: $0.seq) }
            throw .problems(unacceptable.map { row in
                let earlier = sealed?.decision(.init(representative: row.representative, unit: row.unit), items: setup.expected.items).state ?? .confirmed
                return .error("accept-missing-refused", SessionMessages.notAcceptedMissing(row, earlier: earlier), hint: SessionMessages.notAcceptedMissingHint(row))
            } + [.error("close-refused", SessionMessages.closeRefusedAccepting(unacceptable.count), hint: SessionMessages.closeRefusedAcceptingHint)])
        }
        if !status.open.isEmpty && acceptMissing == nil {
            throw .problems(status.open.map { row in
                .error("sheet-\(row.state.rawValue)", SessionMessages.openSheet(row), hint: SessionMessages.openSheetHint(row.state))
            } + [.error("close-refused", SessionMessages.closeRefused(status.open.count),
                        hint: settles.isEmpty ? SessionMessages.closeRefusedHint
                            : SessionMessages.closeRefusedSettleFirstHint(corrections: settles.contains { $0.state == .once && $0.corrected }))])
        }
        // The ballots from the decisions `status` made of every sheet (an open session's status
        // keeps them), not each sheet decided again.
        let ballots = status.counted?.csv ?? SessionFolder.ballotsCSV(state, setup: setup)
        let uncounted = status.open.map { ExpectedBallots.Sheet(representative: $0.representative, unit: $0.unit) }
        let version = state.nextVersion
        let sheets = SessionInputs.sheets(setup, state: state, uncounted: uncounted, acceptMissing: acceptMissing, resultVersion: version)
        let session = try SessionFolder.score(ballots, paths: paths, in: directory, sheets: sheets)
        let resultsPath = SessionFolder.resultsPath(version: version)
        let written: OutputBatch.Committed
        do {
            // The results' manifest lists the input copies by their paths in the session folder,
            // as the journal does; the ballots are the journal's, which the seal covers.
            let inputs = recordedInputs.keys.sorted().map { (shown: $0, url: directory.appendingPathComponent($0)) }
            var options = OutputBatch.CommitOptions(inputs: inputs)
            options.sessionResults = true
            written = try OutputFiles.write(session, to: directory.appendingPathComponent(resultsPath), lang: lang, options: options)
        } catch {
            throw SessionError.resultsNotWritten(error, results: resultsPath, in: name)
        }
        var outputs: [String: JSONOut] = [:]
        for url in written.files {
            // Never a path from elsewhere in a seal: `verify` could not find it again.
            guard let path = SessionFolder.path(of: url, under: directory) else {
                throw .problems([.error("output-failed", SessionMessages.io("write", path: url.path, reason: SessionMessages.outsideSession))])
            }
            outputs[path] = .str(SessionFolder.sha256(ofFile: url))
        }
        var inputs: [String: JSONOut] = [:]
        for path in recordedInputs.keys { inputs[path] = .str(SessionFolder.sha256(ofFile: directory.appendingPathComponent(path))) }
        // The set's manifest is written with the time it was made, so it cannot be made again
        // byte for byte: the seal holds its hash (since 0.18.0), and `verify` also checks what it lists.
        let manifest = directory.appendingPathComponent(resultsPath).appendingPathComponent(Manifest.fileName)
        let content = JSONOut.object([
            "version": .num(version), "results": .string(resultsPath), "lang": .string(lang.rawValue), "kaimen": .string(CLI.version),
            "manifest": .str(SessionFolder.sha256(ofFile: manifest)),
            "acceptMissing": status.open.isEmpty ? .null : .str(acceptMissing),
            "uncounted": .array(status.open.map { .string("\($0.representative)×\($0.unit)") }),
            "inputs": .object(inputs), "outputs": .object(outputs), "ballots": .string(SHA256.hex([UInt8](ballots))),
            "journalHead": .string(journal.records.last?.hash ?? JournalRecord.zeroHash), "ranking": SessionFolder.sealedRanking(session),
        ])
        let seal: JournalRecord
        func size() -> Int? { (try? FileManager.default.attributesOfItem(atPath: journal.url.path))?[.size] as? Int }
        let before = size()
        do {
            seal = try journal.append(.seal, by: by, content: content)
        } catch {
            // The seal could not be written, and the journal is cut back to where it was (a full
            // disk): the results just written go too, so that "nothing was recorded" holds for the
            // folder as for the journal. A hostile test found them left unsealed, and on a small
            // disk they then took the room the next close needed. Only when the journal is as it
            // was: were part of the seal left in it, its results are what `verify` must find.
            if let before, size() == before { try? FileManager.default.removeItem(at: directory.appendingPathComponent(resultsPath)) }
            throw error
        }
        return (seal, session, status.unsealedResults, written)
    }
}
