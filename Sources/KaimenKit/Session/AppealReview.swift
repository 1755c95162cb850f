import Foundation

/// What the last appeal changed for one unit, read from the session itself: the corrected
/// ballots (the counted values at the previous seal against those at the latest), the appeals
/// that reopened the unit, and its total, grade and rank in both sealed versions.
public struct AppealReview: Sendable, Equatable {
    public struct Correction: Sendable, Equatable {
        public var representative: String
        public var standard: String
        /// `nil` when the cell was blank or the sheet not counted (then `oldSheet` says why).
        public var old: String?
        public var new: String?
        /// The sheet's state where it did not count (void, missing, entered once, or the item in
        /// conflict); `nil` where it counted. A void sheet's items read as blank cells
        /// (`（空） → 2.5`) before 0.29.3.
        public var oldSheet: DoubleEntry.SheetState? = nil
        public var newSheet: DoubleEntry.SheetState? = nil
    }

    public struct Appeal: Sendable, Equatable {
        public var reason: String
        public var by: String
    }

    public struct Standing: Sendable, Equatable {
        public var total: String
        public var grade: String
        public var rank: Int
    }

    public var unit: String
    public var from: Int
    public var to: Int
    public var appeals: [Appeal]
    public var corrections: [Correction]
    public var before: Standing?
    public var after: Standing?

    /// `nil` while the session has fewer than two sealed versions.
    public static func of(unit: String, in folder: SessionFolder) -> AppealReview? {
        let records = folder.journal.records
        let seals = records.filter { $0.kind == .seal }
        guard seals.count >= 2 else { return nil }
        let previous = seals[seals.count - 2], latest = seals[seals.count - 1]
        let before = folder.state(through: previous.seq), after = folder.state(through: latest.seq)
        let items = folder.setup.expected.items
        var corrections: [Correction] = []
        for sheet in folder.setup.expected.sheets where sheet.unit == unit {
            let was = before.decision(sheet, items: items), now = after.decision(sheet, items: items)
            let old = was.values, new = now.values
            for item in items where old[item] != new[item] {
                corrections.append(Correction(representative: sheet.representative, standard: item, old: old[item], new: new[item],
                                              oldSheet: Self.uncounted(was, item: item), newSheet: Self.uncounted(now, item: item)))
            }
        }
        let appeals = records.filter { $0.kind == .appeal && $0.seq > previous.seq && $0.seq < latest.seq && $0.content["unit"]?.stringValue == unit }
            .map { Appeal(reason: $0.content["reason"]?.stringValue ?? "", by: $0.by) }
        func standing(_ seal: JournalRecord) -> Standing? {
            guard let r = seal.content["ranking"]?[unit] else { return nil }
            return Standing(total: r["total"]?.stringValue ?? "", grade: r["grade"]?.stringValue ?? "", rank: r["rank"]?.intValue ?? 0)
        }
        return AppealReview(unit: unit, from: previous.content["version"]?.intValue ?? seals.count - 1,
                            to: latest.content["version"]?.intValue ?? seals.count,
                            appeals: appeals, corrections: corrections, before: standing(previous), after: standing(latest))
    }
}

extension AppealReview {
    /// Why `item` of a sheet so decided did not count: the sheet's state (void, missing,
    /// entered once), or `.conflict` for an item its entries disagree on; `nil` where it
    /// counted (a score, or a blank cell the entries agree on).
    static func uncounted(_ d: DoubleEntry.Decision, item: String) -> DoubleEntry.SheetState? {
        if case .confirmed? = d.items[item] { return nil }
        switch d.state {
        case .void, .missing, .once: return d.state
        case .conflict, .confirmed: return d.items[item] == nil ? .missing : .conflict
        }
    }
}

extension SessionFolder {
    /// The session as it stood just after the record `seq`: replayed from the journal's start.
    public func state(through seq: Int) -> SessionState {
        SessionState(records: journal.records.filter { $0.seq <= seq }, doubleEntry: doubleEntry)
    }

    /// The latest sealed result, scored again from the ballots counted when it was sealed, through
    /// the one pipeline `close` used, with the sheets its papers state (recusals, voids, sheets
    /// left uncounted); `nil` when the session was never closed.
    public func latestSealedSession() throws(SessionError) -> ScoringSession? {
        guard let seal = journal.records.last(where: { $0.kind == .seal }) else { return nil }
        let state = state(through: seal.seq)
        let ballots = SessionFolder.ballotsCSV(state, setup: setup)
        // As this version states them, whichever version sealed: `explain` says what the journal
        // holds (a void recorded before 0.17.0 is a void), and writes no sealed file; `verify`
        // rebuilds the sealed files, and states them as the sealing version did.
        let sheets = Verifier.sealedSheets(seal, writtenAs: Verifier.version(CLI.version) ?? [], state: state, setup: setup)
        return try SessionFolder.score(ballots, paths: paths, in: directory, sheets: sheets)
    }
}
