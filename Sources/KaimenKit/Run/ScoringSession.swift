import Foundation

/// One scoring run through the checked readers, start to finish: load → validate → compile →
/// evaluate → rank, and every unit traced for the exports and explanations.
public struct ScoringSession: Sendable {
    public struct Inputs: Sendable {
        public var rules: String
        public var units: String
        public var roster: String
        public var ballots: String
        /// Recusal violations are errors rather than warnings.
        public var strict: Bool
        /// Relative paths are read from here; messages keep them as written.
        public var baseDirectory: String
        /// The number form units are scored in (`exact` for cross-checks).
        public var form: Engine.NumberForm = .fast
        /// The inputs are a session's copies, which the version that opened it accepted: checks
        /// of the rules added since (`RulesLoader.requireOwnName`) are not applied.
        public var sessionCopies = false
        /// Every unit is traced (`results`) when the session has at most this many units; with
        /// more, `results` is empty. `score` without score sheets to write asks for none: at
        /// 100 000 units the traces took 1.6 GB and 4 s that nothing read.
        public var traceAtMost = Int.max
        /// Called with each rules file's path, as the rules name it (relative ones from
        /// `baseDirectory`), just before it is read: the file given and those it `extends`.
        /// `score --out` pins them there (`InputDigests.pin`), so that a base file changed
        /// while the run goes on stops the folder as a changed data file does.
        public var rulesFileRead: (@Sendable (String) -> Void)?

        public init(rules: String, units: String, roster: String, ballots: String, strict: Bool = false, baseDirectory: String = "") {
            self.rules = rules
            self.units = units
            self.roster = roster
            self.ballots = ballots
            self.strict = strict
            self.baseDirectory = baseDirectory
        }
    }

    public let rules: Rules
    public let plan: ScoringPlan
    public let table: UnitTable
    public let representatives: [Representative]
    public let ballots: BallotBox
    /// In input order (`results[i].unit == i`), with ranks and grades after quotas; empty
    /// when the session has more units than `Inputs.traceAtMost`.
    public let results: [UnitResult]
    /// The compact results, ranking and warnings the exports read.
    public internal(set) var report: ScoreReport
    /// The metric values and the counted ballots as the engine read them: for tracing units
    /// afterwards (`traced`) and for the tuning tools, which score them again.
    let columns: MetricColumns
    let ballotColumns: BallotColumns
    public var ranking: Ranker.Report { report.ranking }
    /// Problems that did not stop the run (ignored columns, a GB18030 file, …), with their places.
    public var inputWarnings: [Diagnostic] { report.inputWarnings }
    /// How long each stage took, in seconds: `read rules`, `read metrics`, … .
    public let timings: [StageClock.Stage]

    /// Runs the whole pipeline; throws every problem found in every input file at once.
    public static func run(_ inputs: Inputs, readFile: ((String) throws -> Data)? = nil) throws(DiagnosticsError) -> ScoringSession {
        let base = inputs.baseDirectory
        let readFile = readFile ?? { try InputFile.read(PathText.resolve($0, in: base)) }
        let clock = StageClock()

        var loader = RulesLoader(readFile: { path in
            inputs.rulesFileRead?(path)
            return try RulesLoader.text(readFile(path), path: path)
        })
        loader.readsSessionCopy = inputs.sessionCopies
        let loaded = try loader.load(inputs.rules)
        return try run(rules: loaded.rules, warnings: loaded.warnings, inputs, readFile: readFile, clock: clock)
    }

    /// Runs the pipeline with rules already loaded (the tuning tools change them in memory).
    /// `adjust` may change the metrics once read, before anything is scored (a what-if value);
    /// the problems it returns join the input problems. `ballots`, when given, are the ballots
    /// already read and checked under other rules (`compare` carries OLD's to NEW): the ballots
    /// file is not read again.
    public static func run(rules: Rules, warnings: [Diagnostic] = [], _ inputs: Inputs, readFile: ((String) throws -> Data)? = nil,
                           adjust: ((inout UnitTable) -> [Diagnostic])? = nil, ballots carried: BallotBox? = nil,
                           clock: StageClock = StageClock()) throws(DiagnosticsError) -> ScoringSession {
        let base = inputs.baseDirectory
        let readFile = readFile ?? { try InputFile.read(PathText.resolve($0, in: base)) }
        var clock = clock
        func lap(_ stage: String) { clock.lap(stage) }
        let plan: ScoringPlan
        switch ScoringPlan.compile(rules) {
        case .success(let p): plan = p
        case .failure(let e): throw e
        }
        lap("read rules")
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: warnings)
        func read(_ path: String) -> Data? {
            do { return try readFile(path) } catch {
                diagnostics.append(UnreadableFile.diagnostic(path, error, at: PathText.resolve(path, in: base)))
                return nil
            }
        }
        var table: UnitTable?
        if let data = read(inputs.units) {
            var reader = UnitsReader(rules: rules)
            reader.limitsText = !inputs.sessionCopies
            let r = reader.read(data, fileName: inputs.units)
            table = r.table
            diagnostics.append(contentsOf: r.diagnostics)
            if let t = r.table { diagnostics.append(contentsOf: QuotaCheck.sessionWarnings(rules, units: t.units.count)) }
            if let adjust, table != nil, !diagnostics.hasErrors { diagnostics.append(contentsOf: adjust(&table!)) }
        }
        lap("read metrics")
        var reps: [Representative]?
        if let data = read(inputs.roster) {
            let r = RosterReader.read(data, fileName: inputs.roster, units: table?.units, rules: rules, limitsText: !inputs.sessionCopies)
            reps = r.reps
            diagnostics.append(contentsOf: r.diagnostics)
        }
        var box: BallotBox?
        if let carried {
            box = carried
        } else if let data = read(inputs.ballots) {
            if let table, !table.units.isEmpty, let reps {
                let r = BallotsReader(rules: rules, units: table.units, representatives: reps, strict: inputs.strict).read(data, fileName: inputs.ballots)
                box = r.box
                diagnostics.append(contentsOf: r.diagnostics)
            } else {
                // Without units or roster the ballots cannot be checked against them, but the
                // file's own problems (encoding, quotes, ragged rows) are still worth reporting now.
                diagnostics.append(contentsOf: CSVReader.read(data, fileName: inputs.ballots).diagnostics)
            }
        }
        lap("read ballots")
        guard !diagnostics.hasErrors, let table, let reps, let box else { throw DiagnosticsError(diagnostics.sorted) }

        let columns = MetricColumns.from(table)
        let ballotColumns = BallotColumns.from(box, unitCount: table.units.count)
        let engine = Engine(plan: plan)
        var (scores, _) = engine.score(columns, ballotColumns, form: inputs.form)
        lap("evaluate")
        if inputs.strict && !scores.vetoesUnchecked.isEmpty {
            throw DiagnosticsError(scores.vetoesUnchecked.map { e in
                let (u, v, why) = (Int(e.unit), Int(e.item), e.notChecked ?? .missingData)
                return .error(.vetoUnchecked, CSVMessages.vetoUnchecked(table.units[u].id, rules.vetoes[v].id, rules.vetoes[v].when.text, why),
                              at: table.units[u].location, path: rules.vetoes[v].id,
                              hint: why == .missingData ? CSVMessages.fillOrNotStrict : CSVMessages.checkOrNotStrict)
            })
        }
        let ranking = Ranker.rank(&scores, rules: rules, categories: table.units.map(\.category))
        lap("rank")
        let report = ScoreReport(rules: rules, units: table.identities, scores: scores, ranking: ranking,
                                 recusals: box.recusals, inputWarnings: diagnostics.sorted)
        let results = table.units.count <= inputs.traceAtMost
            ? traced(Array(table.units.indices), plan: plan, columns: columns, ballots: ballotColumns, report: report) : []
        lap("trace")
        return ScoringSession(rules: rules, plan: plan, table: table, representatives: reps, ballots: box, results: results,
                              report: report, columns: columns, ballotColumns: ballotColumns, timings: clock.stages)
    }

    /// The units asked for (each once, however often asked), traced, with their ranks and
    /// grades: what `explain` reads of a session that traced none (`Inputs.traceAtMost`).
    public func traced(_ units: [Int]) -> [UnitResult] {
        Self.traced(units, plan: plan, columns: columns, ballots: ballotColumns, report: report)
    }

    /// `units` (each once), traced on these columns and ranked as `report` ranked them.
    static func traced(_ units: [Int], plan: ScoringPlan, columns: MetricColumns, ballots: BallotColumns,
                       report: ScoreReport) -> [UnitResult] {
        var seen = Set<Int>()
        var results = Engine(plan: plan).trace(units.filter { seen.insert($0).inserted }, columns, ballots)
        applyRanking(&results, scores: report.scores, rules: report.rules)
        return results
    }

    /// Gives traced results their ranks, and their grades after quotas.
    public static func applyRanking(_ results: inout [UnitResult], scores: ScoreTable, rules: Rules) {
        for i in results.indices {
            let u = results[i].unit
            results[i].rank = Int(scores.rank[u])
            results[i].categoryRank = Int(scores.categoryRank[u])
            let grade = rules.grades[Int(scores.grade[u])].name
            if grade != results[i].grade { results[i].movedFrom = results[i].grade; results[i].grade = grade }
        }
    }
}
