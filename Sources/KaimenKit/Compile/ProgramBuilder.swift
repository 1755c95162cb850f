/// Turns each standard of the rules into its `StandardStep`, filling the program's pools.
struct ProgramBuilder {
    let plan: ScoringPlan
    let scales: [Int]
    var formulas: [CompiledFormula] = []
    var comparisons: [FormulaComparison?] = []
    var bandThresholds: [Rational] = []
    var bandPoints: [ProgramConstant] = []
    var checklistMetrics: [Int] = []
    var checklistPoints: [ProgramConstant] = []

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
            bandPoints += b.bands.map { ProgramConstant($0.points) }
            method = .bands(BandsStep(input: input(b.input), bands: start..<bandThresholds.count,
                                      otherwise: ProgramConstant(b.otherwise), atLeast: b.direction == .atLeast))
        case .linear(let l):
            method = .linear(LinearStep(input: input(l.input), floor: l.floor, target: l.target))
        case .count(let c):
            method = .count(metric: m[c.metric]!, perUnit: c.perUnit)
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
                method = .ballot(BallotStep(item: item, aggregate: b.aggregate ?? policy.aggregate, trimK: trim.k,
                                            trimMinBallots: trim.minBallots, minBallots: b.minBallots ?? policy.minBallots))
            } else {
                method = .noBallots
            }
        case .survey(let sv):
            method = .survey(SurveyStep(satisfied: m[sv.satisfied]!, basic: m[sv.basic]!, dissatisfied: m[sv.dissatisfied]!,
                                        weights: sv.weights, population: sv.participation.map { m[$0.population]! },
                                        minParticipation: sv.participation?.min ?? .zero))
        case .expression(let f):
            method = .expression(formula: formula(f.compiled))
        }
        return StandardStep(method: method, max: ProgramConstant(s.points), precondition: s.precondition.map { formula($0.when.compiled) },
                            factor: factor, isWeighted: !factor.isOne, maxPoints: s.points * factor, fallback: fallback,
                            readsBallots: item != nil)
    }
}
