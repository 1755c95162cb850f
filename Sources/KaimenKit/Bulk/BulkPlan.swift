/// The rules compiled against the actual data's column scales, for the bulk scorer: every
/// threshold turned into an integer to compare mantissas with, every constant into fixed point.
///
/// Everything the scoring loop reads is a plain value (no strings, no arrays): lists live in
/// storage this plan owns and are reached through pointers, so reading a standard never copies
/// or retains anything. Formulas are kept aside in `formulas` and named by index.
final class BulkPlan: @unchecked Sendable {
    /// What a standard reads and how. A tag without payload, so reading it copies one byte.
    enum Kind: UInt8 {
        case bandsMetric, bandsRatio, linearMetric, linearRatio, count, checklist, presence, ballot, survey, expression
    }

    /// One standard, flat: every field a plain value or a pointer into storage the plan owns.
    ///
    /// - bands on a metric: `m0` metric, `thresholds` (at the metric's scale), `atLeast`.
    /// - bands on a ratio: `m0`/`m1` numerator/denominator, `left`/`right` (`n·left ≥ d·right`), `zero`.
    /// - linear: `m0` (and `m1` for a ratio), `r0` floor, `r1` target, `zero`.
    /// - count: `m0`, `r0` per unit. checklist: `metrics`. presence: `m0`.
    /// - ballot: `m0` item, `aggregate`, `trimK`, `trimMin`, `needed`.
    /// - survey: `m0`/`m1`/`m2` satisfied/basic/dissatisfied, `r0`/`r1`/`r2` weights; with
    ///   participation (`atLeast` true): `m3` population, `r3` minimum.
    /// - expression: `m0` formula index.
    struct CompiledStandard {
        var kind: Kind
        var m0 = 0, m1 = 0, m2 = 0, m3 = 0
        var atLeast = false
        var zero: Ratio.Zero = .points(.zero)
        var r0 = Rational.zero, r1 = Rational.zero, r2 = Rational.zero, r3 = Rational.zero
        var thresholds = UnsafeBufferPointer<Int64>(start: nil, count: 0)
        var left = UnsafeBufferPointer<Int128>(start: nil, count: 0)
        var right = UnsafeBufferPointer<Int128>(start: nil, count: 0)
        var metrics = UnsafeBufferPointer<Int>(start: nil, count: 0)
        var aggregate = BallotPolicy.Aggregate.mean
        var trimK = 0, trimMin = 0, needed = 0
        /// The standard's points (its maximum).
        var max: Rational
        /// Index into `formulas` of its precondition, or −1.
        var precondition: Int
        /// Points count × this (1 unless `combine` is weighted).
        var factor: Rational
        var fallback: NotAssessable
        /// For bands: each band's points; for checklists: each item's. In fixed point, prepared
        /// once (`nil` if one does not fit, which sends units to the exact path).
        var constants: UnsafeBufferPointer<FixedInterval?>
        var otherwise: FixedInterval?
        var maxPoints: FixedInterval?
        var isBallot: Bool
    }

    enum TieKind {
        case ballots, bonus
        case area(Int)
        /// A standard's index, or `standards.count + i` for bonus `i`, `+ bonuses.count + i` for deduction `i`.
        case standard(Int)
        case metric(Int)
    }

    struct VetoPlan {
        var formula: Int
        var grade: Int?
        var hasCap: Bool
        var cap: Int64?
    }

    let rules: Rules
    let plan: ScoringPlan
    let scales: [Int]
    let ballotScale: Int
    var standards: [CompiledStandard] = []
    var bonuses: [CompiledStandard] = []
    var deductions: [CompiledStandard] = []
    var formulas: [CompiledFormula] = []
    /// By formula: the formula when it is one metric compared with a constant (`stations > 0`,
    /// most preconditions and vetoes), decided on the column's integers instead of run.
    var comparisons: [Comparison?] = []

    /// `metric op constant`, exactly: the metric's mantissa m at scale s stands for m / 10^s,
    /// so it is compared as m · d against n · 10^s for the constant n / d.
    struct Comparison {
        let slot: Int
        let op: BinaryOperator
        let left: Int128
        let right: Int128

        init?(_ f: CompiledFormula, scales: [Int]) {
            let code = f.program.code
            guard f.resultType == .boolean, code.count == 3, case .load(let slot) = code[0], case .push(let c) = code[1],
                  case .binary(let op) = code[2], [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op),
                  slot < scales.count, scales[slot] < BulkData.pow10.count, !c.approximated else { return nil }
            self.slot = slot
            self.op = op
            left = Int128(c.denominator)
            right = Int128(c.numerator) * Int128(BulkData.pow10[scales[slot]])
        }

        /// The formula's result for mantissa `m` (not missing).
        @inline(__always) func result(_ m: Int64) -> Bool {
            let a = Int128(m) * left
            switch op {
            case .equal: return a == right
            case .notEqual: return a != right
            case .less: return a < right
            case .lessEqual: return a <= right
            case .greater: return a > right
            default: return a >= right
            }
        }
    }
    /// The standards of area `a` are `areaMembers[areaStart[a] ..< areaStart[a + 1]]`; its
    /// deductions likewise in `deductionMembers`.
    var areaStart: [Int] = [0]
    var areaMembers: [Int] = []
    var deductionStart: [Int] = [0]
    var deductionMembers: [Int] = []
    /// Per area: its cap at fixed-point scale (`nil` if not exact there), and its weighted maximum.
    var areaCaps: [Int64?] = []
    var areaMax: [Rational] = []
    var hasBonusCap = false
    var bonusCap: Int64?
    var vetoes: [VetoPlan] = []
    var ties: [TieKind] = []
    /// `ceil(min × 10^precision)` of each grade: compared with the rounded total.
    var gradeMins: [Int64?] = []
    var insufficientIsZero = false
    /// Whether the fixed-point path can be used at all: every point total fits far inside its
    /// range (±9.2 million points at 10⁻¹²), and every threshold was compiled exactly. When not,
    /// every unit is scored by the checked evaluator (such rules do not occur in practice).
    var fastPathSafe = true
    private var allocations: [UnsafeMutableRawPointer] = []

    deinit {
        for a in allocations { a.deallocate() }
    }

    /// A copy of `list` that lives as long as the plan.
    private func store<T>(_ list: [T]) -> UnsafeBufferPointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(1, list.count))
        p.initialize(from: list, count: list.count)
        allocations.append(UnsafeMutableRawPointer(p))
        return UnsafeBufferPointer(start: p, count: list.count)
    }

    private func formula(_ f: CompiledFormula) -> Int {
        formulas.append(f)
        comparisons.append(Comparison(f, scales: scales))
        return formulas.count - 1
    }

    init(plan: ScoringPlan, scales: [Int], ballotScale: Int) {
        self.plan = plan
        self.rules = plan.rules
        self.scales = scales
        self.ballotScale = ballotScale
        let rules = plan.rules
        standards = rules.standards.enumerated().map { i, s in
            compile(s, index: i, factor: plan.factor[i], fallback: s.notAssessable ?? rules.notAssessable)
        }
        bonuses = rules.bonuses.map { compile($0, index: nil, factor: .one, fallback: $0.notAssessable ?? .zero) }
        deductions = rules.deductions.map { compile($0, index: nil, factor: .one, fallback: $0.notAssessable ?? .zero) }
        for a in rules.areas.indices {
            areaMembers += plan.areaStandards[a]
            areaStart.append(areaMembers.count)
            deductionMembers += plan.areaDeductions[a]
            deductionStart.append(deductionMembers.count)
        }
        areaMax = rules.areas.indices.map { a in plan.areaStandards[a].reduce(Rational.zero) { $0 + rules.standards[$1].points * plan.factor[$1] } }
        areaCaps = rules.areas.enumerated().map { a, area in
            let rawMax = plan.areaStandards[a].reduce(Rational.zero) { $0 + rules.standards[$1].points }
            let cap = rawMax.isZero ? area.points : (area.points * areaMax[a]).divided(by: rawMax)!
            return FixedInterval(cap).flatMap { $0.isExact ? $0.lo : nil }
        }
        hasBonusCap = rules.bonusCap != nil
        bonusCap = rules.bonusCap.flatMap { FixedInterval($0) }.flatMap { $0.isExact ? $0.lo : nil }
        vetoes = rules.vetoes.map { v in
            VetoPlan(formula: formula(v.when.compiled), grade: v.grade.flatMap { g in rules.grades.firstIndex { $0.name == g } },
                     hasCap: v.capTotal != nil, cap: v.capTotal.flatMap { FixedInterval($0) }.flatMap { $0.isExact ? $0.lo : nil })
        }
        ties = rules.ranking.tieBreak.map { t in
            switch t.key {
            case .ballots: return .ballots
            case .bonus: return .bonus
            case .area(let id): return .area(rules.areas.firstIndex { $0.id == id }!)
            case .metric(let id): return .metric(plan.metricIndex[id]!)
            case .standard(let id):
                if let i = rules.standards.firstIndex(where: { $0.id == id }) { return .standard(i) }
                if let i = rules.bonuses.firstIndex(where: { $0.id == id }) { return .standard(rules.standards.count + i) }
                return .standard(rules.standards.count + rules.bonuses.count + rules.deductions.firstIndex { $0.id == id }!)
            }
        }
        let p = Rational(integer: BulkData.pow10[rules.ranking.precision])
        gradeMins = rules.grades.map { g in g.min.map { ($0 * p).ceiling } }
        insufficientIsZero = rules.ballots.insufficient == .zero
        let largest = (rules.standards + rules.bonuses + rules.deductions).reduce(Rational.zero) { $0 + $1.points.magnitude }
            + rules.areas.reduce(Rational.zero) { $0 + $1.points.magnitude } + (rules.bonusCap ?? .zero)
            + rules.vetoes.reduce(Rational.zero) { $0 + ($1.capTotal ?? .zero) }
        let factorMax = plan.factor.max() ?? .one
        if largest * max(factorMax, .one) > Rational(1_000_000) || largest.approximated { fastPathSafe = false }
        if gradeMins.isEmpty == false, rules.grades.contains(where: { ($0.min.map { $0 * p } ?? .zero).approximated }) { fastPathSafe = false }
    }

    private func compile(_ s: Standard, index: Int?, factor: Rational, fallback: NotAssessable) -> CompiledStandard {
        let m = plan.metricIndex
        var constants: [Rational] = []
        var otherwise = Rational.zero
        var c = CompiledStandard(kind: .presence, max: s.points, precondition: s.precondition.map { formula($0.when.compiled) } ?? -1,
                                 factor: factor, fallback: fallback, constants: UnsafeBufferPointer(start: nil, count: 0),
                                 otherwise: nil, maxPoints: FixedInterval(s.points), isBallot: false)
        switch s.method {
        case .bands(let b):
            constants = b.bands.map(\.points)
            otherwise = b.otherwise
            c.atLeast = b.direction == .atLeast
            switch b.input {
            case .metric(let id):
                c.kind = .bandsMetric
                c.m0 = m[id]!
                let p = Rational(integer: BulkData.pow10[scales[c.m0]])
                c.thresholds = store(b.bands.map { band in
                    let t = band.threshold * p
                    if t.approximated { fastPathSafe = false }
                    return b.direction == .atLeast ? t.ceiling : t.floor
                })
            case .ratio(let r):
                c.kind = .bandsRatio
                c.m0 = m[r.numerator]!
                c.m1 = m[r.denominator]!
                c.zero = r.zero
                c.left = store(b.bands.map { Int128(BulkData.pow10[scales[c.m1]]) * Int128($0.threshold.denominator) })
                c.right = store(b.bands.map { Int128($0.threshold.numerator) * Int128(BulkData.pow10[scales[c.m0]]) })
            }
        case .linear(let l):
            c.r0 = l.floor
            c.r1 = l.target
            switch l.input {
            case .metric(let id):
                c.kind = .linearMetric
                c.m0 = m[id]!
            case .ratio(let r):
                c.kind = .linearRatio
                c.m0 = m[r.numerator]!
                c.m1 = m[r.denominator]!
                c.zero = r.zero
            }
        case .count(let cnt):
            c.kind = .count
            c.m0 = m[cnt.metric]!
            c.r0 = cnt.perUnit
        case .checklist(let items):
            c.kind = .checklist
            constants = items.map(\.points)
            c.metrics = store(items.map { m[$0.metric]! })
        case .presence(let id):
            c.kind = .presence
            c.m0 = m[id]!
        case .ballot(let b):
            let policy = rules.ballots
            c.kind = .ballot
            c.isBallot = true
            c.m0 = plan.itemOfStandard[index!]!
            c.aggregate = b.aggregate ?? policy.aggregate
            let trim = b.trim ?? policy.trim
            c.trimK = trim.k
            c.trimMin = trim.minBallots
            c.needed = b.minBallots ?? policy.minBallots
        case .survey(let sv):
            c.kind = .survey
            c.m0 = m[sv.satisfied]!
            c.m1 = m[sv.basic]!
            c.m2 = m[sv.dissatisfied]!
            (c.r0, c.r1, c.r2) = (sv.weights.satisfied, sv.weights.basic, sv.weights.dissatisfied)
            if let p = sv.participation {
                c.atLeast = true
                c.m3 = m[p.population]!
                c.r3 = p.min
            }
        case .expression(let f):
            c.kind = .expression
            c.m0 = formula(f.compiled)
        }
        c.constants = store(constants.map { FixedInterval($0) })
        c.otherwise = FixedInterval(otherwise)
        return c
    }
}

extension BulkPlan {
    /// Calls `body` with pointers to the plan's lists, valid during the call.
    func withListPointers<R>(_ body: (UnsafePointer<Int>, UnsafePointer<Int>, UnsafePointer<Int>, UnsafePointer<Int>, UnsafePointer<Int64?>,
                                      UnsafeBufferPointer<VetoPlan>, UnsafeBufferPointer<TieKind>, UnsafeBufferPointer<Int64?>) -> R) -> R {
        areaStart.withUnsafeBufferPointer { a in
            areaMembers.withUnsafeBufferPointer { am in
                deductionStart.withUnsafeBufferPointer { d in
                    deductionMembers.withUnsafeBufferPointer { dm in
                        areaCaps.withUnsafeBufferPointer { caps in
                            vetoes.withUnsafeBufferPointer { v in
                                ties.withUnsafeBufferPointer { t in
                                    gradeMins.withUnsafeBufferPointer { g in
                                        let one = UnsafePointer<Int>(bitPattern: MemoryLayout<Int>.alignment)!
                                        return body(a.baseAddress!, am.baseAddress ?? one, d.baseAddress!, dm.baseAddress ?? one,
                                                    caps.baseAddress ?? UnsafePointer(bitPattern: 8)!, v, t, g)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
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
