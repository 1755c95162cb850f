/// The rules compiled for scoring: every metric id resolved to its column, every ballot
/// standard to its ballot item, and the combine weights worked out once.
public struct ScoringPlan: Sendable {
    public let rules: Rules
    /// Metric id → column in `UnitTable.values`.
    public let metricIndex: [String: Int]
    public let items: [BallotItem]
    /// Ballot item of each standard (`nil` for metric-based ones).
    public let itemOfStandard: [Int?]
    /// The factor each standard's points are multiplied by (1 unless `combine` is weighted).
    public let factor: [Rational]
    /// The standards of each area (indices into `rules.standards`), in `rules.areas` order.
    public let areaStandards: [[Int]]
    /// The deductions of each area.
    public let areaDeductions: [[Int]]

    /// Area `a`'s maximum, as its subtotal is capped at and every paper prints it: its `points`
    /// × (weighted maxima of its standards) / (`points` of its standards), which is its `points`
    /// unless `combine` is weighted (docs/rules.md, "How a unit's total is worked out", step 3).
    public func areaMaximum(_ a: Int) -> Rational {
        let area = rules.areas[a]
        let weighted = areaStandards[a].reduce(Rational.zero) { $0 + rules.standards[$1].points * factor[$1] }
        let raw = areaStandards[a].reduce(Rational.zero) { $0 + rules.standards[$1].points }
        return raw.isZero ? area.points : (area.points * weighted).divided(by: raw)!
    }

    /// Standard `i`'s maximum as it is scored and printed: its `points` × its factor (its
    /// `points` unless `combine` is weighted).
    public func standardMaximum(_ i: Int) -> Rational { rules.standards[i].points * factor[i] }

    /// Whether `combine` is weighted, so that maxima differ from the written points.
    public var isWeighted: Bool {
        if case .weighted = rules.ballots.combine { return true }
        return false
    }

    /// Compiles; fails only for a combine policy the rules cannot satisfy. The one place that
    /// decides whether rules can be scored: `RulesLoader.load` calls it too, so `rules check`
    /// and `rules test` refuse what `score` would, at the same place.
    public static func compile(_ rules: Rules) -> Result<ScoringPlan, DiagnosticsError> {
        let metricIndex = rules.metricIndex
        let items = BallotItem.items(of: rules)
        var itemOf = [Int?](repeating: nil, count: rules.standards.count)
        for (i, it) in items.enumerated() { itemOf[it.standard] = i }
        var factor = [Rational](repeating: .one, count: rules.standards.count)
        if case .weighted(let wb, let wm) = rules.ballots.combine {
            let total = rules.totalPoints
            let ballotMax = items.reduce(Rational.zero) { $0 + $1.max }
            let metricMax = rules.standards.indices.filter { itemOf[$0] == nil }.reduce(Rational.zero) { $0 + rules.standards[$1].points }
            var problems: [Diagnostic] = []
            let at = rules.ballots.combineLocation
            if ballotMax.isZero && !wb.isZero {
                problems.append(.error(.combineWeights, RulesMessages.combineNoBallots(wb.plainText()), at: at, path: "ballots.combine",
                                       hint: RulesMessages.combineFixNoBallots))
            }
            if metricMax.isZero && !wm.isZero {
                problems.append(.error(.combineWeights, RulesMessages.combineNoMetrics(wm.plainText()), at: at, path: "ballots.combine",
                                       hint: RulesMessages.combineFixNoMetrics))
            }
            if !problems.isEmpty { return .failure(DiagnosticsError(problems)) }
            let hundred = Rational(100)
            let fb = ballotMax.isZero ? .zero : (wb * total).divided(by: hundred * ballotMax)!
            let fm = metricMax.isZero ? .zero : (wm * total).divided(by: hundred * metricMax)!
            for i in rules.standards.indices { factor[i] = itemOf[i] == nil ? fm : fb }
        }
        let areaStandards = rules.areas.map { a in rules.standards.indices.filter { rules.standards[$0].area == a.id } }
        let areaDeductions = rules.areas.map { a in rules.deductions.indices.filter { rules.deductions[$0].area == a.id } }
        return .success(ScoringPlan(rules: rules, metricIndex: metricIndex, items: items, itemOfStandard: itemOf, factor: factor,
                                    areaStandards: areaStandards, areaDeductions: areaDeductions))
    }
}
