import Foundation

/// One scoring run, start to finish: load → validate → compile → evaluate → rank. Exports
/// and explanations read from it.
public struct ScoringSession: Sendable {
    public struct Inputs: Sendable {
        public var rules: String
        public var units: String
        public var roster: String
        public var ballots: String
        /// Recusal violations are errors rather than warnings.
        public var strict: Bool

        public init(rules: String, units: String, roster: String, ballots: String, strict: Bool = false) {
            self.rules = rules
            self.units = units
            self.roster = roster
            self.ballots = ballots
            self.strict = strict
        }
    }

    public let rules: Rules
    public let plan: ScoringPlan
    public let table: UnitTable
    public let representatives: [Representative]
    public let ballots: BallotBox
    /// In input order (`results[i].unit == i`).
    public let results: [UnitResult]
    public let ranking: Ranker.Report
    /// Problems that did not stop the run (recusals, ignored columns, …), with their places.
    public let inputWarnings: [Diagnostic]
    /// How long each stage took, in seconds: `read rules`, `read units`, … .
    public let timings: [(stage: String, seconds: Double)]

    /// Runs the whole pipeline; throws every problem found in every input file at once.
    public static func run(_ inputs: Inputs, readFile: @escaping (String) throws -> Data = { try Data(contentsOf: URL(fileURLWithPath: $0)) }) throws(DiagnosticsError) -> ScoringSession {
        var timings: [(String, Double)] = []
        var clock = Date()
        func lap(_ stage: String) { let now = Date(); timings.append((stage, now.timeIntervalSince(clock))); clock = now }

        let loaded = try RulesLoader(readFile: { path in
            let data = try readFile(path)
            guard let text = String(data: data, encoding: .utf8) else {
                throw DiagnosticsError([.error("rules-encoding", "`\(path)` is not UTF-8 text; save the rules file as UTF-8",
                                               at: SourceLocation(file: path, line: 1, column: 1))])
            }
            return text
        }).load(inputs.rules)
        let rules = loaded.rules
        let plan: ScoringPlan
        switch ScoringPlan.compile(rules) {
        case .success(let p): plan = p
        case .failure(let e): throw e
        }
        lap("read rules")
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: loaded.warnings)
        func read(_ path: String) -> Data? {
            do { return try readFile(path) } catch {
                diagnostics.append(.error("file-not-found", "cannot read `\(path)`", at: nil, hint: "check the path"))
                return nil
            }
        }
        var table: UnitTable?
        if let data = read(inputs.units) {
            let r = UnitsReader(rules: rules).read(data, fileName: inputs.units)
            table = r.table
            diagnostics.append(contentsOf: r.diagnostics)
        }
        lap("read units")
        var reps: [Representative]?
        if let data = read(inputs.roster) {
            let r = RosterReader.read(data, fileName: inputs.roster, units: table?.units)
            reps = r.reps
            diagnostics.append(contentsOf: r.diagnostics)
        }
        var box: BallotBox?
        if let data = read(inputs.ballots) {
            if let table, let reps {
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

        var results = Evaluator(plan: plan).evaluate(table, ballots: box)
        lap("evaluate")
        let report = Ranker.rank(&results, plan: plan, table: table)
        lap("rank")
        return ScoringSession(rules: rules, plan: plan, table: table, representatives: reps, ballots: box, results: results,
                              ranking: report, inputWarnings: diagnostics.sorted, timings: timings)
    }
}
