/// Turns each standard of the rules into its `StandardStep`, filling the program's pools.
struct ProgramBuilder {
    let plan: ScoringPlan
    let scales: [Int]
    var formulas: [CompiledFormula] = []
    var comparisons: [FormulaComparison?] = []
    var bandThresholds: [Rational] = []
    var bandPoints: [ProgramConstant] = []
    var bandMantissas: [Int64?] = []
    var checklistMetrics: [Int] = []
    var checklistPoints: [ProgramConstant] = []
    var bands: [BandsStep] = []
    var linears: [LinearStep] = []
    var counts: [CountStep] = []
    var ballots: [BallotStep] = []
    var surveys: [SurveyStep] = []

    init(plan: ScoringPlan, scales: [Int]) {
        self.plan = plan
        self.scales = scales
    }

    mutating func formula(_ f: CompiledFormula) -> Int {
        formulas.append(f)
        comparisons.append(FormulaComparison(f, scales: scales))
        return formulas.count - 1
    }

    private func input(_ i: MetricInput) -> InputStep {
        switch i {
        case .metric(let id): return .metric(plan.metricIndex[id]!)
        case .ratio(let r): return .ratio(numerator: plan.metricIndex[r.numerator]!, denominator: plan.metricIndex[r.denominator]!, zero: r.zero)
        }
    }

    mutating func step(_ s: Standard, item: Int?, factor: Rational, fallback: NotAssessable) -> StandardStep {
        let m = plan.metricIndex
        let method: MethodStep
        switch s.method {
        case .bands(let b):
            let start = bandThresholds.count
            bandThresholds += b.bands.map(\.threshold)
            // On a metric, each threshold also as an integer at the metric's scale: v ≥ t exactly
            // when the mantissa is ≥ ⌈t·10^s⌉ (v ≤ t when ≤ ⌊t·10^s⌋), one comparison.
            bandMantissas += b.bands.map { band in
                guard case .metric(let id) = b.input, let m = plan.metricIndex[id], scales[m] < BulkData.pow10.count else { return nil }
                let t = band.threshold * Rational(integer: BulkData.pow10[scales[m]])
                return t.approximated ? nil : (b.direction == .atLeast ? t.ceiling : t.floor)
            }
            bandPoints += b.bands.map { ProgramConstant($0.points) }
            bands.append(BandsStep(input: input(b.input), bands: start..<bandThresholds.count,
                                   otherwise: ProgramConstant(b.otherwise), atLeast: b.direction == .atLeast))
            method = .bands(bands.count - 1)
        case .linear(let l):
            linears.append(LinearStep(input: input(l.input), floor: l.floor, target: l.target))
            method = .linear(linears.count - 1)
        case .count(let c):
            counts.append(CountStep(metric: m[c.metric]!, perUnit: c.perUnit))
            method = .count(counts.count - 1)
        case .checklist(let items):
            let start = checklistMetrics.count
            checklistMetrics += items.map { m[$0.metric]! }
            checklistPoints += items.map { ProgramConstant($0.points) }
            method = .checklist(items: start..<checklistMetrics.count)
        case .presence(let id):
            method = .presence(metric: m[id]!)
        case .ballot(let b):
            if let item {
                let policy = plan.rules.ballots
                let trim = b.trim ?? policy.trim
                ballots.append(BallotStep(item: item, aggregate: b.aggregate ?? policy.aggregate, trimK: trim.k,
                                          trimMinBallots: trim.minBallots, minBallots: b.minBallots ?? policy.minBallots))
                method = .ballot(ballots.count - 1)
            } else {
                method = .noBallots
            }
        case .survey(let sv):
            surveys.append(SurveyStep(satisfied: m[sv.satisfied]!, basic: m[sv.basic]!, dissatisfied: m[sv.dissatisfied]!,
                                      weights: sv.weights, population: sv.participation.map { m[$0.population]! },
                                      minParticipation: sv.participation?.min ?? .zero))
            method = .survey(surveys.count - 1)
        case .expression(let f):
            method = .expression(formula: formula(f.compiled))
        }
        return StandardStep(method: method, max: ProgramConstant(s.points), precondition: s.precondition.map { formula($0.when.compiled) },
                            factor: factor, isWeighted: !factor.isOne, maxPoints: s.points * factor, fallback: fallback,
                            readsBallots: item != nil)
    }
}
