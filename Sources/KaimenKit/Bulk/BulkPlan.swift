/// The rules compiled against the actual data's column scales, for the bulk scorer: every
/// threshold turned into an integer to compare mantissas with, every constant into fixed point.
struct BulkPlan {
    /// What a standard reads and how, with its constants prepared.
    enum Method {
        /// `value ≥ t` ⟺ `x ≥ thresholds[i]` (or `≤` for `max` bands): thresholds at the metric's scale.
        case bandsMetric(metric: Int, thresholds: [Int64], atLeast: Bool)
        /// `n/d ≥ a/b` ⟺ `n · left[i] ≥ d · right[i]` (or `≤`), in Int128.
        case bandsRatio(num: Int, den: Int, left: [Int128], right: [Int128], atLeast: Bool, zero: Ratio.Zero)
        case linear(input: LinearInput, floor: Rational, target: Rational)
        case count(metric: Int, perUnit: Rational)
        case checklist(metrics: [Int])
        case presence(metric: Int)
        case ballot(item: Int, aggregate: BallotPolicy.Aggregate, trim: BallotPolicy.Trim, needed: Int)
        case survey(satisfied: Int, basic: Int, dissatisfied: Int, weights: (Rational, Rational, Rational), participation: (population: Int, min: Rational)?)
        case expression(CompiledFormula)
    }

    enum LinearInput {
        case metric(Int)
        case ratio(num: Int, den: Int, zero: Ratio.Zero)
    }

    struct CompiledStandard {
        var standard: Standard
        var method: Method
        var precondition: CompiledFormula?
        /// Points as counted: the standard's maximum × its combine factor.
        var factor: Rational
        var fallback: NotAssessable
        /// For bands: each band's points and `otherwise`; for checklists: each item's.
        var constantPoints: [Rational]
        var otherwise: Rational
    }

    let rules: Rules
    let plan: ScoringPlan
    let scales: [Int]
    let ballotScale: Int
    let standards: [CompiledStandard]
    let bonuses: [CompiledStandard]
    let deductions: [CompiledStandard]
    /// Per area: its cap at fixed-point scale (`nil` if not exact there) and as a fraction.
    let areaCaps: [(fixed: Int64?, exact: Rational)]
    let areaMax: [Rational]
    let bonusCap: Int64?
    let vetoCaps: [Int64?]
    /// `ceil(min × 10^precision)` of each grade: compared with the rounded total.
    let gradeMins: [Int64?]

    init(plan: ScoringPlan, scales: [Int], ballotScale: Int) {
        self.plan = plan
        self.rules = plan.rules
        self.scales = scales
        self.ballotScale = ballotScale
        let rules = plan.rules
        func compile(_ s: Standard, index: Int?, factor: Rational, fallback: NotAssessable) -> CompiledStandard {
            let m = plan.metricIndex
            var constants: [Rational] = []
            var otherwise = Rational.zero
            let method: Method
            switch s.method {
            case .bands(let b):
                constants = b.bands.map(\.points)
                otherwise = b.otherwise
                switch b.input {
                case .metric(let id):
                    let col = m[id]!
                    let p = Rational(integer: BulkData.pow10[scales[col]])
                    method = .bandsMetric(metric: col, thresholds: b.bands.map { band in
                        let t = band.threshold * p
                        return b.direction == .atLeast ? t.ceiling : t.floor
                    }, atLeast: b.direction == .atLeast)
                case .ratio(let r):
                    let n = m[r.numerator]!, d = m[r.denominator]!
                    method = .bandsRatio(num: n, den: d,
                                         left: b.bands.map { Int128(BulkData.pow10[scales[d]]) * Int128($0.threshold.denominator) },
                                         right: b.bands.map { Int128($0.threshold.numerator) * Int128(BulkData.pow10[scales[n]]) },
                                         atLeast: b.direction == .atLeast, zero: r.zero)
                }
            case .linear(let l):
                switch l.input {
                case .metric(let id): method = .linear(input: .metric(m[id]!), floor: l.floor, target: l.target)
                case .ratio(let r): method = .linear(input: .ratio(num: m[r.numerator]!, den: m[r.denominator]!, zero: r.zero), floor: l.floor, target: l.target)
                }
            case .count(let c): method = .count(metric: m[c.metric]!, perUnit: c.perUnit)
            case .checklist(let items):
                constants = items.map(\.points)
                method = .checklist(metrics: items.map { m[$0.metric]! })
            case .presence(let id): method = .presence(metric: m[id]!)
            case .ballot(let b):
                let policy = rules.ballots
                method = .ballot(item: plan.itemOfStandard[index!]!, aggregate: b.aggregate ?? policy.aggregate,
                                 trim: b.trim ?? policy.trim, needed: b.minBallots ?? policy.minBallots)
            case .survey(let sv):
                method = .survey(satisfied: m[sv.satisfied]!, basic: m[sv.basic]!, dissatisfied: m[sv.dissatisfied]!,
                                 weights: (sv.weights.satisfied, sv.weights.basic, sv.weights.dissatisfied),
                                 participation: sv.participation.map { (m[$0.population]!, $0.min) })
            case .expression(let f): method = .expression(f.compiled)
            }
            return CompiledStandard(standard: s, method: method, precondition: s.precondition?.when.compiled, factor: factor,
                                    fallback: fallback, constantPoints: constants, otherwise: otherwise)
        }
        standards = rules.standards.enumerated().map { i, s in
            compile(s, index: i, factor: plan.factor[i], fallback: s.notAssessable ?? rules.notAssessable)
        }
        bonuses = rules.bonuses.map { compile($0, index: nil, factor: .one, fallback: $0.notAssessable ?? .zero) }
        deductions = rules.deductions.map { compile($0, index: nil, factor: .one, fallback: $0.notAssessable ?? .zero) }
        let weightedMax = rules.areas.indices.map { a in plan.areaStandards[a].reduce(Rational.zero) { $0 + rules.standards[$1].points * plan.factor[$1] } }
        areaMax = weightedMax
        areaCaps = rules.areas.enumerated().map { a, area in
            let rawMax = plan.areaStandards[a].reduce(Rational.zero) { $0 + rules.standards[$1].points }
            let cap = rawMax.isZero ? area.points : (area.points * weightedMax[a]).divided(by: rawMax)!
            let f = FixedInterval(cap)
            return (f.flatMap { $0.isExact ? $0.lo : nil }, cap)
        }
        bonusCap = rules.bonusCap.flatMap { FixedInterval($0) }.flatMap { $0.isExact ? $0.lo : nil }
        vetoCaps = rules.vetoes.map { v in v.capTotal.flatMap { FixedInterval($0) }.flatMap { $0.isExact ? $0.lo : nil } }
        let p = Rational(integer: BulkData.pow10[rules.ranking.precision])
        gradeMins = rules.grades.map { g in g.min.map { ($0 * p).ceiling } }
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
