/// The rules compiled once against the data's column scales: the one program both number
/// forms run (`Evaluate/`), and a traced run explains. Built from `ScoringPlan`.
struct ScoringProgram: Sendable {
    let plan: ScoringPlan
    var rules: Rules { plan.rules }
    /// Decimal places of each metric column, and of the ballot scores.
    let scales: [Int]
    let ballotScale: Int
    /// The standards, then the bonus items, then the deduction items.
    let steps: [StandardStep]
    let standardCount: Int
    let bonusCount: Int
    let deductionCount: Int
    var bonusStart: Int { standardCount }
    var deductionStart: Int { standardCount + bonusCount }
    let areas: [AreaStep]
    let areaMembers: [Int]
    let areaDeductionMembers: [Int]
    let bonusCap: ProgramConstant?
    let vetoes: [VetoStep]
    let ties: [TieStep]
    /// `ceil(min × 10^precision)` of each grade, compared with the rounded total.
    let gradeMins: [Int64?]
    let precision: Int
    /// `ballots.insufficient: zero`: too few ballots score 0 whatever `notAssessable` says.
    let insufficientIsZero: Bool
    let formulas: [CompiledFormula]
    /// By formula: the formula when it is one metric compared with a constant, decided on the
    /// column's integers instead of run.
    let comparisons: [FormulaComparison?]
    /// Each method's compiled steps, named by `MethodStep`.
    let methods: MethodSteps
    /// Whether the fast form may be tried at all: every point total fits far inside its range
    /// (±9.2 million points at 10⁻¹²). When not, every unit is scored exactly (no real criteria
    /// come near).
    let fastPathSafe: Bool

    init(plan: ScoringPlan, scales: [Int], ballotScale: Int) {
        var builder = ProgramBuilder(plan: plan, scales: scales)
        let rules = plan.rules
        let standards = rules.standards.enumerated().map { i, s in
            builder.step(s, item: plan.itemOfStandard[i], factor: plan.factor[i], fallback: s.notAssessable ?? rules.notAssessable)
        }
        let bonuses = rules.bonuses.map { builder.step($0, item: nil, factor: .one, fallback: $0.notAssessable ?? .zero) }
        let deductions = rules.deductions.map { builder.step($0, item: nil, factor: .one, fallback: $0.notAssessable ?? .zero) }
        steps = standards + bonuses + deductions
        (standardCount, bonusCount, deductionCount) = (standards.count, bonuses.count, deductions.count)
        var members: [Int] = [], deductionMembers: [Int] = []
        var areas: [AreaStep] = []
        for a in rules.areas.indices {
            let s0 = members.count, d0 = deductionMembers.count
            members += plan.areaStandards[a]
            deductionMembers += plan.areaDeductions[a]
            let weighted = plan.areaStandards[a].reduce(Rational.zero) { $0 + rules.standards[$1].points * plan.factor[$1] }
            let cap = plan.areaMaximum(a)
            areas.append(AreaStep(standards: s0..<members.count, deductions: d0..<deductionMembers.count,
                                  cap: ProgramConstant(cap), maxPoints: weighted))
        }
        self.areas = areas
        areaMembers = members
        areaDeductionMembers = deductionMembers
        bonusCap = rules.bonusCap.map(ProgramConstant.init)
        vetoes = rules.vetoes.map { v in
            VetoStep(formula: builder.formula(v.when.compiled), grade: v.grade.flatMap { g in rules.grades.firstIndex { $0.name == g } },
                     cap: v.capTotal.map(ProgramConstant.init))
        }
        ties = rules.ranking.tieBreak.map { t in
            switch t.key {
            case .ballots: return .ballots
            case .bonus: return .bonus
            case .area(let id): return .area(rules.areas.firstIndex { $0.id == id }!)
            case .metric(let id): return .metric(plan.metricIndex[id]!)
            case .standard(let id):
                if let i = rules.standards.firstIndex(where: { $0.id == id }) { return .standard(i) }
                if let i = rules.bonuses.firstIndex(where: { $0.id == id }) { return .bonusItem(i) }
                return .deduction(rules.deductions.firstIndex { $0.id == id }!)
            }
        }
        precision = rules.ranking.precision
        let p = Rational(integer: BulkData.pow10[precision])
        gradeMins = rules.grades.map { g in g.min.map { ($0 * p).ceiling } }
        insufficientIsZero = rules.ballots.insufficient == .zero
        formulas = builder.formulas
        comparisons = builder.comparisons
        methods = builder.methods
        self.plan = plan
        self.scales = scales
        self.ballotScale = ballotScale
        let largest = (rules.standards + rules.bonuses + rules.deductions).reduce(Rational.zero) { $0 + $1.points.magnitude }
            + rules.areas.reduce(Rational.zero) { $0 + $1.points.magnitude } + (rules.bonusCap ?? .zero)
            + rules.vetoes.reduce(Rational.zero) { $0 + ($1.capTotal ?? .zero) }
        let factorMax = plan.factor.max() ?? .one
        fastPathSafe = !(largest * max(factorMax, .one) > Rational(1_000_000) || largest.approximated
            || rules.grades.contains { ($0.min.map { $0 * p } ?? .zero).approximated })
    }

    /// The grade a rounded total reaches: the first whose minimum it meets, else the last.
    func gradeIndex(_ total: Int64) -> Int {
        for g in 0..<gradeMins.count where gradeMins[g].map({ total >= $0 }) ?? true { return g }
        return max(0, gradeMins.count - 1)
    }
}

extension Rational {
    /// The smallest integer ≥ self.
    var ceiling: Int64 {
        let q = numerator / denominator, r = numerator % denominator
        return r > 0 ? q + 1 : q
    }

    /// The largest integer ≤ self.
    var floor: Int64 {
        let q = numerator / denominator, r = numerator % denominator
        return r < 0 ? q - 1 : q
    }
}
