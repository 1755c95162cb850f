/// A whole, checked set of assessment criteria: what `extends` resolves to, ready to score with.
public struct Rules: Sendable, Equatable {
    public var metadata: RulesMetadata
    public var metrics: [MetricDefinition]
    public var areas: [Area]
    public var standards: [Standard]
    public var grades: [Grade]
    public var bonusCap: Rational?
    public var bonuses: [Standard]
    public var deductions: [Standard]
    public var vetoes: [Veto]
    public var ranking: RankingPolicy
    public var ballots: BallotPolicy
    /// Where the file's `ballots` object stands, with its keys (`nil` when it writes none):
    /// for `rules check` to point at a setting there that changes nothing (`IneffectiveSettingCheck`).
    public var ballotsOrigin: Origin? = nil
    public var notAssessable: NotAssessable
    /// The committee publishes the representatives' names and individual ballots (公示.html and
    /// the workbook's 代表评分 sheet); by default they stay anonymous.
    public var publishRepresentatives: Bool = false
    /// The files read, the file itself first, then the file it extends, and so on.
    public var sourceFiles: [String]
    /// Test cases (`tests`), the base files' first; `RulesTest.isOwn` tells which are this file's.
    public var tests: [RulesTest] = []

    public func metric(_ id: String) -> MetricDefinition? { metrics.first { $0.id == id } }
    /// Each metric's index in `metrics`, by id (the first, should an id be written twice).
    var metricIndex: [String: Int] { Dictionary(metrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a }) }
    public func area(_ id: String) -> Area? { areas.first { $0.id == id } }
    public func standard(_ id: String) -> Standard? { standards.first { $0.id == id } }

    /// Areas in display order.
    public var orderedAreas: [Area] { orderedAreaIndices.map { areas[$0] } }

    /// The indices into `areas` of `orderedAreas`: by `order`, then as written.
    public var orderedAreaIndices: [Int] {
        areas.indices.sorted { (areas[$0].order, $0) < (areas[$1].order, $1) }
    }

    public func standards(in areaID: String) -> [Standard] { standards.filter { $0.area == areaID } }

    /// The sum of all areas' points: the most a unit can score before bonuses.
    public var totalPoints: Rational { areas.reduce(.zero) { $0 + $1.points } }

    /// Every bound some rule puts on a unit's values (`MethodRule.valueBound`): a ratio's
    /// numerator with `maxOne` at most its denominator, a survey's respondents with
    /// `participation` at most its population. A unit's values beyond one are an error in the
    /// data (`UnitTable.impossibleValues`). Each bound once, in rule order.
    public var valueBounds: [ValueBound] {
        var bounds: [ValueBound] = []
        for s in standards + bonuses + deductions {
            if let b = s.method.rule.valueBound, !bounds.contains(b) { bounds.append(b) }
        }
        return bounds
    }

    /// The scoring methods used, in the order of `ScoringMethod.allNames`.
    public var methodsUsed: [String] {
        let used = Set((standards + bonuses + deductions).map(\.method.name))
        return ScoringMethod.allNames.filter(used.contains)
    }
}
