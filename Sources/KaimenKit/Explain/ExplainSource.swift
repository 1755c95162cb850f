/// What an explanation reads: the rules, the ranking, the units and representatives, the
/// metric values, and the traced results of the units to explain. A run through the checked
/// readers has every unit traced (`init(session:)`); a large run through the byte-level
/// readers traces only the units asked for (`BulkRun.Kept.explainSource`).
public struct ExplainSource: Sendable {
    public let rules: Rules
    public let plan: ScoringPlan
    public let units: UnitIdentities
    /// The roster, in its order.
    public let representatives: [Representative]
    public let items: [BallotItem]
    public let recusals: [RecusalViolation]
    public let report: ScoreReport
    /// The traced results, by unit index (with ranks and grades after quotas).
    public let results: [Int: UnitResult]
    let values: MetricValues

    public var ranking: Ranker.Report { report.ranking }

    /// Every unit the session traced.
    public init(session: ScoringSession) {
        self.init(session: session, results: session.results)
    }

    /// The units asked for only, traced now (a session that traced none: `explain` of a large
    /// input the byte readers handed over traces one unit, not 100 000).
    public init(session: ScoringSession, units: [Int]) {
        self.init(session: session, results: session.traced(units))
    }

    private init(session: ScoringSession, results: [UnitResult]) {
        rules = session.rules
        plan = session.plan
        units = session.table.identities
        representatives = session.representatives
        items = session.ballots.items
        recusals = session.ballots.recusals
        report = session.report
        self.results = Dictionary(uniqueKeysWithValues: results.map { ($0.unit, $0) })
        values = .table(session.table)
    }

    init(rules: Rules, plan: ScoringPlan, units: UnitIdentities, representatives: [Representative], items: [BallotItem],
         report: ScoreReport, results: [Int: UnitResult], values: MetricValues) {
        self.rules = rules
        self.plan = plan
        self.units = units
        self.representatives = representatives
        self.items = items
        recusals = report.recusals
        self.report = report
        self.results = results
        self.values = values
    }

}

/// A run's metric values, as the checked readers keep them or as columns.
enum MetricValues: Sendable {
    case table(UnitTable)
    case columns(MetricColumns)

    func value(metric m: Int, unit u: Int) -> Rational? {
        switch self {
        case .table(let t): return t.values[m][u]
        case .columns(let c): return c.value(metric: m, unit: u)
        }
    }
}
