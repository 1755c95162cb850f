/// The rules a sensitivity analysis re-scores with. Its scenarios change only the ballots, the
/// ballot aggregation and the area weights, never a metric: so every standard, bonus and
/// deduction that does not read ballots scores the same points in every scenario. Each is
/// replaced by a `count` (1 point per unit) that reads its points from the baseline run (a column added to the
/// table; missing where the standard was not assessable, so its `notAssessable` rule applies
/// again as before). The same evaluator then does all the rest (prorating, caps, deductions,
/// weights, bonus cap, vetoes, rounding, grades) without re-doing bands, ratios and surveys a
/// thousand times. Texts no score needs are dropped, so copying a standard costs less.
enum FrozenStandards {
    static func freeze(_ session: ScoringSession) -> (plan: ScoringPlan, table: UnitTable) {
        var rules = session.rules
        var table = session.table
        let units = table.units.count
        func freeze(_ s: inout Standard, _ raw: (UnitResult) -> StandardResult) {
            defer {
                s.name = ""
                s.criteria = ""
                s.origin = Origin(location: s.origin.location, path: "")
            }
            if case .ballot = s.method { return }
            let slot = rules.metrics.count
            let id = "kaimen_frozen_\(slot)"
            rules.metrics.append(MetricDefinition(id: id, name: id, kind: .number, unit: nil, missing: .notAssessable,
                                                  origin: Origin(location: s.origin.location, path: "")))
            table.values.append(session.results.map { r in
                let result = raw(r)
                return result.status == .scored ? result.raw : nil
            })
            table.locations.append([SourceLocation?](repeating: nil, count: units))
            // `count` with 1 point per unit: min(value × 1, points) = the value, which is within the points.
            s.method = .count(Count(metric: id, perUnit: .one))
            s.precondition = nil
        }
        // Each list is changed on a copy: `freeze` also appends to `rules.metrics`.
        var standards = rules.standards, bonuses = rules.bonuses, deductions = rules.deductions
        for i in standards.indices { freeze(&standards[i]) { $0.standards[i] } }
        for i in bonuses.indices { freeze(&bonuses[i]) { $0.bonuses[i] } }
        for i in deductions.indices { freeze(&deductions[i]) { $0.deductions[i] } }
        rules.standards = standards
        rules.bonuses = bonuses
        rules.deductions = deductions
        guard case .success(let plan) = ScoringPlan.compile(rules) else { return (session.plan, session.table) }
        return (plan, table)
    }
}
