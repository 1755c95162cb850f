/// The journal's `entry`, `resolve`, `void` and `appeal` records checked by the arguments their
/// commands take, with the commands' own checks (`Corrections`: a unit and a representative of
/// the session, a sheet expected of them, a ballot item, a score it can hold): a record appended
/// by hand that the command would have refused (an appeal of `X99`, which no unit file holds)
/// is damage, said at its line as `ReplayCheck` says the rest. These need the session's inputs,
/// which the journal alone (`Journal`, where `ReplayCheck` runs) does not read.
extension SessionFolder {
    /// One `journal-record-invalid` error for each such record, in journal order; none where the
    /// chain does not hold (a record after a gap is not blamed) or the record is named already.
    func replayedArgumentProblems() -> [Diagnostic] {
        let errors = journal.diagnostics.filter { $0.severity == .error }
        guard errors.allSatisfy({ $0.code == "journal-record-invalid" }) else { return [] }
        let named = Set(errors.compactMap { $0.location?.line })
        let itemIndex = Dictionary(setup.items.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        return zip(journal.records, journal.recordLines).compactMap { r, line in
            guard !named.contains(line) else { return nil }
            let c = r.content
            let problems: [Diagnostic]
            switch r.kind {
            case .appeal:
                problems = appealedUnitProblems(c["unit"]?.stringValue ?? "")
            case .void, .resolve:
                let sheet = ExpectedBallots.Sheet(representative: c["representative"]?.stringValue ?? "", unit: c["unit"]?.stringValue ?? "")
                problems = sheetProblems(sheet) + (r.kind == .resolve ? resolvedAsRecorded(c["standard"]?.stringValue ?? "", score: c["score"]?.stringValue) : [])
            case .entry:
                // Each sheet one the session expects; each score under an item's key, one the item
                // can hold, as `enter` records it (a review appended `R99×X77` and a 40 for a
                // standard worth 4, and verify passed).
                var found: [Diagnostic] = []
                for sheet in c["sheets"]?.arrayValue ?? [] where found.count < 5 {
                    let s = ExpectedBallots.Sheet(representative: sheet["representative"]?.stringValue ?? "", unit: sheet["unit"]?.stringValue ?? "")
                    found += sheetProblems(s)
                    for (key, value) in (sheet["scores"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                        guard let i = itemIndex[key] else { found.append(.error("unknown-standard", SessionMessages.unknownItem(key))); continue }
                        guard let text = value.stringValue else { continue }  // a blank cell, `null`
                        if allowedScore(text, item: i)?.plainText() != text { found.append(.error("invalid-score", SessionMessages.Replay.notRecordedScore(key, text))) }
                    }
                }
                problems = found
            case .open, .seal, .recovered:
                return nil
            }
            guard !problems.isEmpty else { return nil }
            return .error("journal-record-invalid", SessionMessages.recordNotByKaimen(seq: r.seq, kind: r.kind.rawValue, why: SessionMessages.Replay.badArguments(problems)),
                          at: SourceLocation(file: Journal.fileName, line: line, column: 1), hint: SessionMessages.recordNotByKaimenHint)
        }
    }

    /// A resolve's standard and score as `resolve` records them: the item's key (not its id or
    /// name, which the command takes), the score as its plain text (`3.0`, `３` are taken, `3` is
    /// recorded). A record written otherwise is filed under a key nothing reads (a review).
    private func resolvedAsRecorded(_ standard: String, score: String?) -> [Diagnostic] {
        let r = resolvedItem(standard, score: score)
        guard r.problems.isEmpty else { return r.problems }
        if r.key != standard { return [.error("unknown-standard", SessionMessages.unknownItem(standard))] }
        if let score, r.text != score { return [.error("invalid-score", SessionMessages.Replay.notRecordedScore(standard, score))] }
        return []
    }
}
