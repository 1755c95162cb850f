/// The journal replayed against the rules its commands follow: a record no kaimen command could
/// have written (an entry after a seal, for a unit no appeal reopened, or by an operator who
/// had already entered that sheet in that round; an appeal of an open session; a second seal)
/// is damage, said at its line, as a broken chain is. The hash chain alone does not show it:
/// whoever read docs/session.md can append records and recompute every hash.
///
/// Only what every kaimen version refused is checked, so an older session never reads as damaged.
enum ReplayCheck {
    static func problems(_ records: [JournalRecord], lines: [Int]) -> [Diagnostic] {
        var state = SessionState(records: [], doubleEntry: true)
        var problems: [Diagnostic] = []
        // A session opened since 0.22.0 says so (`kaimen`): its `enter` compared operators by
        // `operatorKey` all along, and replay may too, with punctuation and symbols removed
        // since 0.23.0. An older one, by the names as written.
        let opener = records.first?.kind == .open ? records.first?.content["kaimen"]?.stringValue : nil
        let marks = Verifier.sealed(by: opener, since: [0, 23, 0])
        func operatorKey(_ name: String) -> String { opener == nil ? name : SessionFolder.operatorKey(name, marks: marks) }
        // The commands refuse invisible characters in --by and --reason since 0.23.1 (builds
        // still saying 0.23.0 took them, a review found): a journal opened before holds them rightly.
        let invisible = Verifier.sealed(by: opener, since: [0, 23, 1])
        for (index, (r, line)) in zip(records, lines).enumerated() {
            if let why = refusal(r, first: index == 0, state: state, operatorKey: operatorKey) ?? textRefusal(r, invisible: invisible) {
                problems.append(.error("journal-record-invalid", SessionMessages.recordNotByKaimen(seq: r.seq, kind: r.kind.rawValue, why: why),
                                       at: SourceLocation(file: Journal.fileName, line: line, column: 1), hint: SessionMessages.recordNotByKaimenHint))
            }
            state.apply(r)
        }
        return problems
    }

    /// Why `r`'s own text is not what a command writes: its `time` is not a moment as
    /// `JournalRecord.now` writes it (`2014-13-45T99:00:00Z`), or its `by`, a reason or an
    /// `--accept-missing` is one the command refuses (`RecordedText`: empty, or holding a bidi
    /// control); `nil` when it is.
    /// - Parameter invisible: check the characters (a session opened since 0.23.0, when the
    ///   commands began to refuse invisible ones); an older one by emptiness only.
    static func textRefusal(_ r: JournalRecord, invisible: Bool) -> Localized? {
        if !UTCTimestamp.isWritten(r.time) { return SessionMessages.Replay.badTime(Echo.shown(r.time)) }
        var texts: [(option: String, text: String)] = [("--by", r.by)]
        switch r.kind {
        case .resolve, .void, .appeal: texts.append(("--reason", r.content["reason"]?.stringValue ?? ""))
        case .seal: if let reason = r.content["acceptMissing"]?.stringValue { texts.append(("--accept-missing", reason)) }
        default: break
        }
        for t in texts {
            if let why = RecordedText.problem(t.text, option: t.option, invisible: invisible) { return SessionMessages.Replay.badText(t.option, why) }
        }
        return nil
    }

    /// Why `r` could not have been written after the records that made `state`; `nil` if it could.
    /// `operatorKey`: how the session's `enter` compared operators' names.
    static func refusal(_ r: JournalRecord, first: Bool, state: SessionState, operatorKey: (String) -> String = { $0 }) -> Localized? {
        let c = r.content
        switch r.kind {
        case .open:
            return first ? nil : SessionMessages.Replay.openNotFirst
        case .recovered:
            return nil
        case .seal:
            return state.phase == .closed ? SessionMessages.Replay.sealedTwice : nil
        case .appeal:
            return state.phase == .open ? SessionMessages.Replay.appealWhileOpen : nil
        case .entry, .resolve, .void:
            if state.phase == .closed { return SessionMessages.Replay.afterSeal }
            // An entry's sheets, or the one sheet a resolve or void names.
            let sheets: [(rep: String, unit: String)] = (r.kind == .entry ? c["sheets"]?.arrayValue ?? [] : [c]).compactMap { s in
                guard let rep = s["representative"]?.stringValue, let unit = s["unit"]?.stringValue else { return nil }
                return (rep, unit)
            }
            if state.phase == .reopened, let s = sheets.first(where: { !state.appealedUnits.contains($0.unit) }) {
                return SessionMessages.Replay.notAppealed(unit: s.unit)
            }
            guard r.kind == .entry else { return nil }
            let round = c["round"]?.intValue ?? 1
            if round != state.round { return SessionMessages.Replay.wrongRound(recorded: round, current: state.round) }
            // One operator's second entry of a sheet in a round is refused (other values) or
            // skipped (the same): never recorded.
            let me = operatorKey(r.by)
            for s in sheets {
                let sheet = SessionState.Sheet(representative: s.rep, unit: s.unit)
                if let earlier = state.currentEntries(sheet).first(where: { $0.round == round && operatorKey($0.by) == me }) {
                    return SessionMessages.Replay.enteredTwice(by: r.by, sheet: "\(s.rep)×\(s.unit)", earlier: earlier.seq)
                }
            }
            return nil
        }
    }
}
