/// Every field of a seal record that `verify` can work out again, against what the seal says.
///
/// The files' hashes are not all a seal holds: `status`, `explain --session` and the appeal's
/// comparison read its `ranking` (the numbers people sign), and its `journalHead` is what a
/// committee may post. A hostile test swapped two units' ranks in the seal, recomputed every
/// hash, and `verify` passed (the ranking was only read to choose a hint); a `journalHead` of
/// 64 zeros passed too. Each field is now checked by itself and named when it differs.
extension Verifier {
    /// The keys a seal record holds (`close`, every version): any other was put in by hand.
    static let sealKeys: Set<String> = ["version", "results", "lang", "kaimen", "manifest", "acceptMissing", "uncounted", "inputs",
                                        "outputs", "ballots", "journalHead", "ranking"]
    /// Of them, those every version of `close` wrote (`kaimen` since 0.11.0, `manifest` since 0.18.0).
    static let requiredSealKeys = sealKeys.subtracting(["kaimen", "manifest"])

    /// The seal's fields that the journal before it decides: its keys, `version`, `lang`,
    /// `journalHead` (the hash of the record before it), `inputs` (the copies' hashes the
    /// `open` record holds: `close` refuses while a copy differs), and `uncounted` and
    /// `acceptMissing` (the sheets not confirmed at the close, and a reason exactly when there
    /// are any).
    /// - Parameter previous: the hash of the record before the seal.
    /// - Parameter replayTrusted: the journal's records and the input copies are as they were
    ///   (else the sheets' states differ for that reason, said already).
    static func sealFieldProblems(_ seal: JournalRecord, previous: String, state: SessionState, folder: SessionFolder,
                                  replayTrusted: Bool, at: SourceLocation) -> [Diagnostic] {
        let c = seal.content
        var found: [Diagnostic] = []
        func field(_ name: String, _ sealed: String, _ expected: Localized) {
            found.append(.error("seal-mismatch", SessionMessages.sealField(seq: seal.seq, field: name, sealed: sealed, expected: expected), at: at,
                                hint: SessionMessages.sealFieldHint))
        }
        let keys = Set(c.objectValue?.keys.map { $0 } ?? [])
        for key in keys.subtracting(sealKeys).sorted() { field(key, shownValue(c[key]), SessionMessages.SealField.noSuchKey) }
        for key in requiredSealKeys.subtracting(keys).sorted() { field(key, "—", SessionMessages.SealField.keyMissing) }
        if let v = c["version"], v.intValue != state.nextVersion {
            field("version", shownValue(v), SessionMessages.SealField.version(state.nextVersion))
        }
        if let lang = c["lang"], Language(rawValue: lang.stringValue ?? "") == nil {
            field("lang", shownValue(lang), SessionMessages.SealField.lang)
        }
        if let head = c["journalHead"], head.stringValue != previous {
            field("journalHead", shownValue(head), SessionMessages.SealField.journalHead(previous, seq: seal.seq - 1))
        }
        if let inputs = c["inputs"] {
            let sealed = (inputs.objectValue ?? [:]).compactMapValues(\.stringValue)
            let recorded = folder.recordedInputs
            let differing = Set(sealed.keys).union(recorded.keys).sorted().filter { sealed[$0] != recorded[$0] }
            if !differing.isEmpty || inputs.objectValue == nil { field("inputs", differing.joined(separator: ", "), SessionMessages.SealField.inputs) }
        }
        guard replayTrusted else { return found }
        let open = SessionStatus.openSheets(state, setup: folder.setup).map { "\($0.representative)×\($0.unit)" }
        if let listed = c["uncounted"], listed.arrayValue?.compactMap(\.stringValue) != open {
            field("uncounted", shownValue(listed), SessionMessages.SealField.uncounted(open))
        }
        if let reason = c["acceptMissing"] {
            let given = reason.stringValue.map { !$0.trimmingSpaces().isEmpty } ?? false
            if open.isEmpty ? reason != .null : !given {
                field("acceptMissing", shownValue(reason), SessionMessages.SealField.acceptMissing(open: open.count))
            }
        }
        return found
    }

    /// The seal's `ranking` against the result scored again from the journal (`recomputed`,
    /// as `close` writes it): each unit whose rank, total or grade differs, or that one lacks
    /// (`rankingDifferences`, as `status` compares it with the sealed summary).
    static func sealRankingProblems(_ seal: JournalRecord, recomputed: JSONOut, at: SourceLocation) -> [Diagnostic] {
        guard let sealed = seal.content["ranking"] else { return [] }
        let differences = rankingDifferences(sealed: sealed, other: recomputed)
        guard !differences.isEmpty else { return [] }
        return [.error("seal-mismatch", SessionMessages.sealRanking(seq: seal.seq, against: .journal, differences), at: at, hint: SessionMessages.sealFieldHint)]
    }
}
