/// The journal's `resolve`, `void` and `appeal` records checked by the arguments their
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
        return zip(journal.records, journal.recordLines).compactMap { r, line in
            guard !named.contains(line) else { return nil }
            let c = r.content
            let problems: [Diagnostic]
            switch r.kind {
            case .appeal:
                problems = appealedUnitProblems(c["unit"]?.stringValue ?? "")
            case .void, .resolve:
                let sheet = ExpectedBallots.Sheet(representative: c["representative"]?.stringValue ?? "", unit: c["unit"]?.stringValue ?? "")
                problems = sheetProblems(sheet)
                    + (r.kind == .resolve ? resolvedItem(c["standard"]?.stringValue ?? "", score: c["score"]?.stringValue).problems : [])
            case .open, .entry, .seal, .recovered:
                return nil
            }
            guard !problems.isEmpty else { return nil }
            return .error("journal-record-invalid", SessionMessages.recordNotByKaimen(seq: r.seq, kind: r.kind.rawValue, why: SessionMessages.Replay.badArguments(problems)),
                          at: SourceLocation(file: Journal.fileName, line: line, column: 1), hint: SessionMessages.recordNotByKaimenHint)
        }
    }
}
