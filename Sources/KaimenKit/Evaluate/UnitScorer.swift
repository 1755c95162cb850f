/// Scores one unit at a time by the compiled program, in number form `N`: `Rational` (exact)
/// or `FixedInterval` (fast, giving up on a unit with `false` where it cannot decide). Every
/// scoring decision is written once, here and in the kernels (`Kernels/`, one per method):
/// the not-assessable rule, prorating, area caps, deductions, bonus and its cap, vetoes,
/// rounding, grades and tie-break keys (`UnitTotals.swift`).
///
/// With a `trace`, an exact run also records everything `explain` and the score sheets show.
struct UnitScorer<N: ScoreNumber> {
    let program: ScoringProgram
    let ballots: BallotColumns
    var tile: MetricTile
    /// The unit being scored, and where its values start in the tile.
    var unit = 0
    var base = 0
    /// Records the unit's derivation (exact runs only).
    var trace: UnitTrace?
    /// What the last kernel used (set only while tracing).
    var detail = ScoringDetail.none
    /// The unit's row, rounded, as `ScoreTable` holds it.
    var row: UnitRow

    // Scratch for one unit.
    var points: [N]
    var leftOut: [Bool]
    var bonusPoints: [N]
    var deductionPoints: [N]
    var areaSubtotals: [N]

    init(program: ScoringProgram, ballots: BallotColumns, tileCapacity: Int = MetricTile.size) {
        self.program = program
        self.ballots = ballots
        tile = MetricTile(metricCount: program.scales.count, capacity: tileCapacity)
        row = UnitRow(program: program)
        points = Array(repeating: .zero, count: program.standards.count)
        leftOut = Array(repeating: false, count: program.standards.count)
        bonusPoints = Array(repeating: .zero, count: program.bonuses.count)
        deductionPoints = Array(repeating: .zero, count: program.deductions.count)
        areaSubtotals = Array(repeating: .zero, count: program.areas.count)
    }

    var tracing: Bool { trace != nil }

    // MARK: Reading the unit's values

    @inline(__always) func mantissa(_ m: Int) -> Int64 { tile.values[base + m] }

    /// Metric `m` as a term, `nil` when missing.
    @inline(__always) func term(_ m: Int) -> N.Term? {
        let v = mantissa(m)
        return v == BulkData.missing ? nil : N.Term(mantissa: v, scale: program.scales[m])
    }

    /// Metric `m` exactly, `nil` when missing (for formulas and explanations).
    func value(_ m: Int) -> Rational? {
        let v = mantissa(m)
        return v == BulkData.missing ? nil : Rational(mantissa: v, scale: program.scales[m])
    }

    mutating func formula(_ i: Int) -> FormulaResult {
        if let c = program.comparisons[i] {
            let v = mantissa(c.slot)
            return v == BulkData.missing ? .missing(slot: c.slot) : .boolean(c.result(v))
        }
        let (values, b, scales) = (tile.values, base, program.scales)
        return program.formulas[i].evaluate { m in
            let v = values[b + m]
            return v == BulkData.missing ? nil : Rational(mantissa: v, scale: scales[m])
        }
    }

    // MARK: One standard

    /// The standard's points by its precondition and method; `nil`: score the unit exactly.
    mutating func evaluate(_ s: StandardStep) -> KernelOutcome<N>? {
        if tracing { detail = .none }
        if let p = s.precondition {
            switch formula(p) {
            case .boolean(true): break
            case .boolean(false), .number: return .notAssessed(.precondition)
            case .missing(let slot): return .notAssessed(.missing(slot))
            case .divisionByZero: return .notAssessed(.divisionByZero)
            }
        }
        switch s.method {
        case .bands(let b): return bands(b, max: s.max)
        case .linear(let l): return linear(l, max: s.max)
        case .count(let m, let perUnit): return count(metric: m, perUnit: perUnit, max: s.max)
        case .checklist(let items): return checklist(items, max: s.max)
        case .presence(let m): return presence(metric: m, max: s.max)
        case .ballot(let b): return ballot(b, max: s.max)
        case .survey(let sv): return survey(sv, max: s.max)
        case .expression(let f): return expression(formula: f, max: s.max)
        case .noBallots: return .scored(.zero)
        }
    }

    /// The points a not-assessed standard gets by its rule, and whether it is left out.
    func notAssessedPoints(_ s: StandardStep, _ cause: NotAssessedCause) -> (raw: Rational, prorated: Bool) {
        if case .insufficient = cause, program.insufficientIsZero { return (.zero, false) }
        switch s.fallback {
        case .zero: return (.zero, false)
        case .full: return (s.max.exact, false)
        case .points(let p): return (min(p, s.max.exact), false)
        case .prorate: return (.zero, true)
        }
    }

    /// A bonus or deduction item's points (unweighted; not assessed → its rule).
    mutating func item(_ s: StandardStep, index: Int, kind: UnitTrace.ItemKind) -> N? {
        guard let outcome = evaluate(s) else { return nil }
        switch outcome {
        case .scored(let v):
            trace?.item(kind, index: index, raw: v.exactValue, points: v.exactValue, max: s.maxPoints, status: .scored, prorated: false, detail: detail)
            return v
        case .notAssessed(let cause):
            let (raw, prorated) = notAssessedPoints(s, cause)
            trace?.item(kind, index: index, raw: raw, points: raw, max: s.maxPoints, status: cause.status(program.rules.metrics),
                        prorated: prorated, detail: detail)
            return N(constant: ProgramConstant(raw))
        }
    }
}
