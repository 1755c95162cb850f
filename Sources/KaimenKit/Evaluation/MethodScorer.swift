/// Scores one standard for one unit by its method: the arithmetic of docs/rules.md, exact.
struct MethodScorer {
    let plan: ScoringPlan
    let table: UnitTable
    let unit: Int
    /// Counted ballots of this unit, by ballot item.
    let ballots: [[BallotScore]]

    enum Outcome {
        case points(Rational, ScoringDetail)
        case notAssessable(NotAssessableReason, ScoringDetail)
        case insufficient(count: Int, needed: Int, ScoringDetail)
    }

    func value(_ metric: String) -> Rational? {
        plan.metricIndex[metric].flatMap { table.values[$0][unit] }
    }

    func score(_ s: Standard, standardIndex: Int?) -> Outcome {
        if let p = s.precondition {
            switch p.when.compiled.evaluate({ table.values[$0][unit] }) {
            case .boolean(true): break
            case .boolean(false), .number: return .notAssessable(.precondition, .none)
            case .missing(let slot): return .notAssessable(.missingMetric(plan.rules.metrics[slot].id), .none)
            case .divisionByZero: return .notAssessable(.divisionByZero, .none)
            }
        }
        let max = s.points
        switch s.method {
        case .bands(let b):
            let (v, num, den, na) = read(b.input, max: max)
            if let na { return na(.bands(value: nil, numerator: num, denominator: den, band: nil)) }
            guard let v else { return .points(zeroPoints(b.input, max: max), .bands(value: nil, numerator: num, denominator: den, band: nil)) }
            let band = b.bands.firstIndex { b.direction == .atLeast ? v >= $0.threshold : v <= $0.threshold }
            return .points(band.map { b.bands[$0].points } ?? b.otherwise, .bands(value: v, numerator: num, denominator: den, band: band))
        case .linear(let l):
            let (v, num, den, na) = read(l.input, max: max)
            if let na { return na(.linear(value: nil, numerator: num, denominator: den)) }
            guard let v else { return .points(zeroPoints(l.input, max: max), .linear(value: nil, numerator: num, denominator: den)) }
            let p = (max * (v - l.floor)).divided(by: l.target - l.floor)!.clamped(.zero, max)
            return .points(p, .linear(value: v, numerator: num, denominator: den))
        case .count(let c):
            guard let v = value(c.metric) else { return .notAssessable(.missingMetric(c.metric), .none) }
            // Clamped to [0, points]: a negative `number` metric scores 0, never takes points away.
            return .points((v * c.perUnit).clamped(.zero, max), .count(value: v))
        case .checklist(let items):
            var met: [Bool] = []
            var total = Rational.zero
            for it in items {
                guard let v = value(it.metric) else { return .notAssessable(.missingMetric(it.metric), .none) }
                met.append(v > .zero)
                if v > .zero { total += it.points }
            }
            return .points(min(total, max), .checklist(met: met))
        case .presence(let m):
            guard let v = value(m) else { return .notAssessable(.missingMetric(m), .none) }
            return .points(v > .zero ? max : .zero, .presence(value: v))
        case .ballot(let b):
            guard let si = standardIndex, let item = plan.itemOfStandard[si] else { return .points(.zero, .none) }
            let policy = plan.rules.ballots
            let detail = BallotAggregator.aggregate(ballots[item], aggregate: b.aggregate ?? policy.aggregate, trim: b.trim ?? policy.trim)
            let needed = b.minBallots ?? policy.minBallots
            if ballots[item].count < needed { return .insufficient(count: ballots[item].count, needed: needed, .ballot(detail)) }
            return .points((detail.result ?? .zero).clamped(.zero, max), .ballot(detail))
        case .survey(let sv):
            guard let sa = value(sv.satisfied) else { return .notAssessable(.missingMetric(sv.satisfied), .none) }
            guard let ba = value(sv.basic) else { return .notAssessable(.missingMetric(sv.basic), .none) }
            guard let da = value(sv.dissatisfied) else { return .notAssessable(.missingMetric(sv.dissatisfied), .none) }
            let respondents = sa + ba + da
            var population: Rational?, rate: Rational?
            if let p = sv.participation {
                guard let pop = value(p.population) else { return .notAssessable(.missingMetric(p.population), .none) }
                population = pop
                guard let r = respondents.divided(by: pop) else {
                    return .notAssessable(.zeroDenominator(p.population), .survey(satisfied: sa, basic: ba, dissatisfied: da, population: pop, rate: nil))
                }
                rate = r
                if r < p.min {
                    return .notAssessable(.participationBelow(rate: r, min: p.min),
                                          .survey(satisfied: sa, basic: ba, dissatisfied: da, population: pop, rate: r))
                }
            }
            let detail = ScoringDetail.survey(satisfied: sa, basic: ba, dissatisfied: da, population: population, rate: rate)
            let weighted = sv.weights.satisfied * sa + sv.weights.basic * ba + sv.weights.dissatisfied * da
            guard let share = weighted.divided(by: respondents) else { return .notAssessable(.noRespondents, detail) }
            return .points((max * share).clamped(.zero, max), detail)
        case .expression(let f):
            switch f.compiled.evaluate({ table.values[$0][unit] }) {
            case .number(let v): return .points(v.clamped(.zero, max), .expression(value: v))
            case .boolean(let b): return .points(b ? max : .zero, .expression(value: b ? .one : .zero))
            case .missing(let slot): return .notAssessable(.missingMetric(plan.rules.metrics[slot].id), .expression(value: nil))
            case .divisionByZero: return .notAssessable(.divisionByZero, .expression(value: nil))
            }
        }
    }

    /// Reads a metric or a ratio. A `nil` value with no outcome means a zero denominator that
    /// the rule scores as points (see `zeroPoints`).
    private func read(_ input: MetricInput, max: Rational)
        -> (Rational?, Rational?, Rational?, ((ScoringDetail) -> Outcome)?) {
        switch input {
        case .metric(let m):
            guard let v = value(m) else { return (nil, nil, nil, { .notAssessable(.missingMetric(m), $0) }) }
            return (v, nil, nil, nil)
        case .ratio(let r):
            guard let num = value(r.numerator) else { return (nil, nil, nil, { .notAssessable(.missingMetric(r.numerator), $0) }) }
            guard let den = value(r.denominator) else { return (nil, num, nil, { .notAssessable(.missingMetric(r.denominator), $0) }) }
            guard let v = num.divided(by: den) else {
                if case .notAssessable = r.zero { return (nil, num, den, { .notAssessable(.zeroDenominator(r.denominator), $0) }) }
                return (nil, num, den, nil)
            }
            return (v, num, den, nil)
        }
    }

    private func zeroPoints(_ input: MetricInput, max: Rational) -> Rational {
        guard case .ratio(let r) = input else { return .zero }
        switch r.zero {
        case .points(let p): return min(p, max)
        case .full: return max
        case .notAssessable: return .zero
        }
    }
}
