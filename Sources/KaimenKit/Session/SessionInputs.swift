import Foundation

/// A session folder as the inputs of `score`: its copied rules, units and roster, and the
/// ballots `session close` would count (`SessionFolder.ballotsCSV`), served from memory. What
/// `panel`, `compare`, `sensitivity` and `session status` read instead of four files; `close`
/// scores through the same value, so every command scores a session the one way.
public struct SessionInputs: Sendable {
    /// The name the counted ballots go by in diagnostics: they live in the journal, not a file.
    public static let ballotsName = "(journal) ballots.csv"

    /// Paths relative to the session folder (`baseDirectory`); `ballots` is `ballotsName`.
    public var inputs: ScoringSession.Inputs
    /// The counted ballots, as a long ballots file.
    public var ballots: Data
    /// The session's schedule, already read and checked at `init`.
    public var schedule: Schedule?
    /// Sheets confirmed (or corrected) so far: 0 means nothing can be scored yet.
    public var confirmedSheets: Int
    /// The session's recusals, voids and uncounted sheets (`ScoreReport.sheets`), for the papers.
    public var sheets: SessionSheets?

    public init(ballots: Data, paths: SessionSetup.Paths, in directory: URL, schedule: Schedule? = nil, confirmedSheets: Int = 0,
                sheets: SessionSheets? = nil) {
        self.sheets = sheets
        self.inputs = .init(rules: paths.rules, units: paths.units, roster: paths.roster, ballots: SessionInputs.ballotsName,
                            baseDirectory: directory.path)
        inputs.sessionCopies = true
        self.ballots = ballots
        self.schedule = schedule
        self.confirmedSheets = confirmedSheets
    }

    /// The inputs of an opened session folder, with the ballots its journal confirms now.
    public init(_ folder: SessionFolder) {
        self.init(folder, counted: SessionFolder.decideSheets(folder.state, setup: folder.setup))
    }

    /// The inputs of an opened session folder with its ballots `counted` already (`status`
    /// decides each sheet once for its rows and these).
    init(_ folder: SessionFolder, counted: ConfirmedBallots) {
        self.init(ballots: counted.csv, paths: folder.paths, in: folder.directory, schedule: folder.setup.schedule,
                  confirmedSheets: counted.confirmedSheets, sheets: SessionInputs.sheets(folder.setup, state: folder.state))
    }

    /// For each unit, the representatives recused from it among those who hear it.
    public static func recusals(_ setup: SessionSetup) -> [String: Int] {
        var n: [String: Int] = [:]
        for sheet in setup.expected.recused { n[sheet.unit, default: 0] += 1 }
        return n
    }

    /// The session's sheets as its papers state them: the recusals, the voids that hold in
    /// `state`, and the sheets left open at a close with `--accept-missing` (`uncounted`, with
    /// its reason), each unit's in the order of the expected sheets; `resultVersion`: which sealed
    /// result they are for (`SessionSheets.resultVersion`).
    public static func sheets(_ setup: SessionSetup, state: SessionState, uncounted: [ExpectedBallots.Sheet] = [],
                              acceptMissing: String? = nil, resultVersion: Int = 1) -> SessionSheets {
        var result = SessionSheets(recusals: recusals(setup))
        result.resultVersion = resultVersion
        result.period = state.period
        let open = Set(uncounted)
        for sheet in setup.expected.sheets {
            if let v = state.void(sheet) {
                result.voids[sheet.unit, default: []].append(.init(representative: sheet.representative, reason: v.reason))
            } else if open.contains(sheet) {
                result.uncounted[sheet.unit, default: []].append(.init(representative: sheet.representative, reason: acceptMissing ?? ""))
            }
        }
        return result
    }

    /// Opens the folder read-only (no lock taken for writing) and reads its inputs.
    public static func load(_ directory: URL) throws(SessionError) -> SessionInputs {
        SessionInputs(try SessionFolder.open(directory, writable: false))
    }

    /// Reads a path as `score` would, except the counted ballots, which come from memory.
    public var readFile: @Sendable (String) throws -> Data {
        let (ballots, base) = (ballots, inputs.baseDirectory)
        return { path in
            if path == SessionInputs.ballotsName { return ballots }
            return try InputFile.read(PathText.resolve(path, in: base))
        }
    }

    /// Scores the session through the one pipeline `score` uses.
    public func score(strict: Bool = false) throws(DiagnosticsError) -> ScoringSession {
        var inputs = inputs
        inputs.strict = strict
        do {
            var session = try ScoringSession.run(inputs, readFile: readFile)
            session.report.sheets = sheets
            session.report.period = sheets?.period
            return session
        } catch {
            throw DiagnosticsError(Self.asSession(error.diagnostics))
        }
    }

    /// The problems of scoring a session's counted ballots, as a secretary reads them: no
    /// ballot counted yet is said as the session's state, not as a file's header with advice
    /// on how to fill in a ballots file the secretary never sees. (`panel`, `compare`,
    /// `sensitivity` and `explain` on a session folder.)
    public static func asSession(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { d in
            guard d.code == DiagnosticCode.noBallots.rawValue, d.location?.file == SessionInputs.ballotsName else { return d }
            return .error(.noBallots, SessionMessages.nothingConfirmed, hint: SessionMessages.nothingConfirmedHint)
        }
    }
}
