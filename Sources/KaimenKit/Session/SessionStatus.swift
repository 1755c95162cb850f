/// Where a session stands, sheet by sheet: what `session status` shows and `close` checks.
/// Never holds a value typed by only one operator: the first entry stays unseen until the second is in.
public struct SessionStatus: Sendable {
    public struct Row: Sendable, Equatable {
        public var group: String
        public var representative: String
        public var name: String
        public var unit: String
        public var state: DoubleEntry.SheetState
        /// Items confirmed blank: cells the operators found empty on the paper sheet.
        public var blanks: [String]
        /// Items the entries disagree on.
        public var conflicts: [String]
        /// Entries in the deciding round (0, 1, 2 …).
        public var entries: Int
        /// A correction entered after an appeal decides this sheet.
        public var corrected: Bool
    }

    public var phase: SessionState.Phase
    public var round: Int
    public var doubleEntry: Bool
    public var hasSchedule: Bool
    /// The assessment period the opening record gives (`init --period`, since 0.29.4), which
    /// the papers print as 考核期; `nil` when none was given.
    public var period: String?
    public var items: [String]
    /// Each item's name (its standard's), by item key.
    public var itemNames: [String: String]
    /// Each unit's name, by unit id.
    public var unitNames: [String: String]
    public var rows: [Row] { didSet { tally = Tally(rows) } }
    /// The rows counted by group and state once: the status table asked for six counts per
    /// group, each a pass over every row, which with thousands of groups was quadratic.
    private var tally = Tally([])
    public var recused: [ExpectedBallots.Sheet]
    public var appealedUnits: [String]
    public var versions: Int
    /// Input copies changed or missing since `init` (`input-changed`), as found once here for
    /// both the status command's messages and `changedInputs`: nothing can be recorded or
    /// closed until they are restored.
    public var inputProblems: [Diagnostic]
    /// The paths in the session folder of `inputProblems`.
    public var changedInputs: [String] { inputProblems.compactMap { $0.location?.file } }
    /// The journal has a record that does not chain, or a line that is no record: nothing can
    /// be recorded or closed (`session verify` says what is wrong).
    public var journalDamaged: Bool
    /// What is not as sealed, in a session with a seal: each result file changed, missing or a
    /// link (`output-changed`, `output-symlink`), and, in a closed session whose journal chains,
    /// the last seal's ballots (`seal-ballots`: a record changed and every hash recomputed).
    /// Worked out once here, for `status` to say and `close` to refuse on.
    public var sealProblems: [Diagnostic] = []
    /// The paths of the sealed result files not as sealed.
    public var changedResults: [String] { sealProblems.filter { !Self.rewrittenSeal($0) }.compactMap { $0.location?.file } }
    /// Whether a seal problem says that the journal's seal was rewritten (its ballots or its
    /// ranking not those of the journal and the files it seals), not that a result file changed.
    static func rewrittenSeal(_ d: Diagnostic) -> Bool { d.code == "seal-ballots" || d.code == "seal-mismatch" }
    /// Result files in `results/` of a session never sealed: a `close` cut short after writing
    /// them (they do not count; the next `close` replaces them).
    public var unsealedResults = 0
    /// What a `close` cut short left of its staging (`Verifier.resultFiles`'s `leftovers`):
    /// kaimen's own hidden folder and lock, which the next `close` clears.
    public var leftovers: [String] = []
    /// Office programs' lock files beside result files they have open (`OfficeLock`): said as
    /// such, neither results nor leftovers (since 0.29.3).
    public var officeLocks: [OfficeLock] = []
    /// Each symbolic link under `results/`, or `results` itself one (`output-symlink`), as
    /// `verify` finds them (`Verifier.resultFiles`) and but for a link in place of a sealed
    /// file, which `sealProblems` says: `status` missed a linked `results` or `results/sheets`,
    /// and `close` refuses while there is one.
    public var resultLinks: [Diagnostic] = []
    /// The paths of `resultLinks`.
    public var linkedResults: [String] { resultLinks.compactMap { $0.location?.file } }
    /// Files in the session folder, outside `results/`, that the journal does not vouch for
    /// (`session-file-unlisted`, as `verify` finds them: `Verifier.unlistedFiles`), as warnings:
    /// `status` says them and what to do, and does not fail for them (`verify` does).
    public var unlistedFiles: [Diagnostic] = []
    /// The ballots the journal confirms now, from the same decisions as `rows`, for the re-check
    /// list; `nil` in a closed session.
    var counted: ConfirmedBallots?

    public init(folder: SessionFolder) {
        let state = folder.state
        let setup = folder.setup
        phase = state.phase
        round = state.round
        doubleEntry = folder.doubleEntry
        hasSchedule = setup.schedule != nil
        period = state.period
        items = setup.expected.items
        itemNames = BallotItem.names(of: setup.rules)
        unitNames = Dictionary(setup.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        recused = setup.expected.recused
        appealedUnits = state.appealedUnits
        versions = state.seals.count
        inputProblems = SessionFolder.changedInputs(folder.directory, recorded: folder.journal.records.first)
        // A record changed and every hash recomputed reads as a whole chain: the last seal's
        // ballots tell (a hostile test, session 43).
        let chainBroken = folder.journal.diagnostics.contains { $0.severity == .error }
        let changed = Verifier.changedOutputs(state.seals, in: folder.directory)
        // Each seal's ranking (what the appeal table shows) against the summary it seals, where
        // that file is as sealed: status does not score again, but shows no figure the sealed
        // files do not hold (a seal's ranking rewritten and every hash recomputed read as sealed).
        let ranking = chainBroken ? [] : Verifier.sealedRankingAgainstSummary(state.seals, in: folder.directory,
                                                                              notAsSealed: Set(changed.compactMap { $0.location?.file }))
        sealProblems = changed + (chainBroken ? [] : Verifier.sealedBallotsChanged(folder).map { [$0] } ?? []) + ranking
        journalDamaged = chainBroken || sealProblems.contains(where: Self.rewrittenSeal)
        let found = Verifier.resultFiles(in: folder.directory, nextVersion: state.nextVersion)
        leftovers = found.leftovers
        officeLocks = found.officeLocks
        let saidAlready = Set(sealProblems.compactMap { $0.location?.file })
        resultLinks = Verifier.linkProblems(found.links.filter { !saidAlready.contains($0) })
        unlistedFiles = Verifier.unlistedFileProblems(folder.journal, verifying: false)
        if phase != .closed {
            // In the folder the next close writes, and no seal lists them: a close cut short.
            let next = SessionFolder.resultsPath(version: state.nextVersion)
            let sealed = Set(state.seals.flatMap(Verifier.listedPaths))
            unsealedResults = found.files.filter { !sealed.contains($0) && (state.seals.isEmpty || $0.hasPrefix(next + "/")) }.count
        }
        var rows: [Row] = []
        rows.reserveCapacity(setup.expected.sheets.count)
        let counted = SessionFolder.decideSheets(state, setup: setup, ballots: phase != .closed) { sheet, current, d in
            rows.append(Self.row(sheet, entries: current, decision: d, setup: setup))
        }
        self.rows = rows
        tally = Tally(rows)  // `didSet` is not called by an initializer
        if phase != .closed { self.counted = counted }
    }

    /// A sheet's row: its decision's state, blanks and conflicts, and its current entries.
    private static func row(_ sheet: ExpectedBallots.Sheet, entries current: [DoubleEntry.Entry], decision d: DoubleEntry.Decision,
                            setup: SessionSetup) -> Row {
        let shown = d.state == .confirmed || d.state == .conflict
        return Row(group: setup.expected.group(of: sheet) ?? "", representative: sheet.representative,
                   name: setup.representative(sheet.representative)?.name ?? "", unit: sheet.unit, state: d.state,
                   blanks: shown ? d.blanks : [], conflicts: d.conflicts, entries: current.count, corrected: (current.first?.round ?? 1) > 1)
    }

    public func count(_ state: DoubleEntry.SheetState, group: String? = nil) -> Int {
        tally.byState[Tally.Key(group: group, state: state), default: 0]
    }

    /// How many sheets are expected of `group` (of all groups: `nil`).
    public func expected(group: String? = nil) -> Int {
        group.map { tally.byGroup[$0, default: 0] } ?? rows.count
    }

    /// The groups, in the order of their first row.
    public var groups: [String] { tally.groups }

    private struct Tally: Sendable {
        struct Key: Hashable, Sendable {
            var group: String?
            var state: DoubleEntry.SheetState
        }
        var groups: [String] = []
        var byGroup: [String: Int] = [:]
        var byState: [Key: Int] = [:]

        init(_ rows: [Row]) {
            for r in rows {
                if byGroup[r.group] == nil { groups.append(r.group) }
                byGroup[r.group, default: 0] += 1
                byState[Key(group: r.group, state: r.state), default: 0] += 1
                byState[Key(group: nil, state: r.state), default: 0] += 1
            }
        }
    }

    /// Sheets that stop `close`: missing, entered once, or in conflict.
    public var open: [Row] { rows.filter { Self.stopsClose($0.state) } }
    /// Whether a sheet in this state stops `close` (one left open by `--accept-missing`, which
    /// the seal lists as `uncounted`).
    static func stopsClose(_ state: DoubleEntry.SheetState) -> Bool { state == .missing || state == .once || state == .conflict }
    /// The sheets `open` lists, in `state` (the journal replayed up to a seal): what that seal's
    /// `uncounted` lists, which `verify` checks.
    static func openSheets(_ state: SessionState, setup: SessionSetup) -> [ExpectedBallots.Sheet] {
        setup.expected.sheets.filter { stopsClose(state.decision($0, items: setup.expected.items).state) }
    }
    public var canClose: Bool { phase != .closed && open.isEmpty && changedInputs.isEmpty && !journalDamaged && changedResults.isEmpty && resultLinks.isEmpty }
    public var blankCells: Int { rows.reduce(0) { $0 + $1.blanks.count } }
    /// Every item two entries disagree on, sheet by sheet: what stops `close` besides sheets
    /// not entered twice.
    public var conflicts: [(row: Row, item: String)] { rows.flatMap { r in r.conflicts.map { (r, $0) } } }
}
