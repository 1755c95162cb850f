/// Scores one unit at a time by the compiled program, in number form `N`: `FixedInterval`
/// (fast), `Rational` (exact in 64 bits) or `BigFraction` (exact), each but the last giving up
/// on a unit with `false` where it cannot decide. Every
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
    /// Records the unit's derivation (exact runs only); begun by `beginTrace()`.
    var trace: UnitTrace?
    /// Whether `trace` is set, kept beside it: the kernels ask for every standard of every
    /// unit, and asking `trace` itself copied the optional trace each time.
    private(set) var tracing = false

    /// Starts recording a new unit's derivation.
    mutating func beginTrace() {
        trace = UnitTrace(standards: program.standardCount, areas: program.areas.count)
        tracing = true
    }
    /// What the last kernel used (set only while tracing).
    var detail = ScoringDetail.none
    /// The unit's row, rounded, as `ScoreTable` holds it.
    var row: UnitRow

    // Scratch for one unit.
    let points: ScratchBuffer<N>
    let leftOut: ScratchBuffer<Bool>
    let bonusPoints: ScratchBuffer<N>
    let deductionPoints: ScratchBuffer<N>
    let areaSubtotals: ScratchBuffer<N>
    /// The fast form's outcomes of kernels for inputs seen before.
    let memo: KernelMemo<N>

    /// - Parameter remembers: whether `memo` is made (for a scorer that will score).
    init(program: ScoringProgram, ballots: BallotColumns, tileCapacity: Int = MetricTile.size, remembers: Bool = true) {
        self.program = program
        self.ballots = ballots
        tile = MetricTile(metricCount: program.scales.count, capacity: tileCapacity)
        row = UnitRow(program: program)
        points = ScratchBuffer(repeating: .zero, count: program.standardCount)
        leftOut = ScratchBuffer(repeating: false, count: program.standardCount)
        bonusPoints = ScratchBuffer(repeating: .zero, count: program.bonusCount)
        deductionPoints = ScratchBuffer(repeating: .zero, count: program.deductionCount)
        areaSubtotals = ScratchBuffer(repeating: .zero, count: program.areas.count)
        memo = KernelMemo(program: program, enabled: remembers)
    }

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

    mutating func formula(_ i: Int) -> FormulaOutcome<N.FormulaValue> {
        if let c = program.comparisons[i] {
            let v = mantissa(c.slot)
            return v == BulkData.missing ? .missing(slot: c.slot) : .boolean(c.result(v))
        }
        // Only what the formula reads is captured: capturing `self` would copy the whole scorer
        // (and retain every array in it) for every formula of every unit.
        let (values, b, scales) = (tile.values, base, program.scales)
        return program.formulas[i].outcome { m in
            let v = values[b + m]
            return v == BulkData.missing ? nil : N.FormulaValue(Rational(mantissa: v, scale: scales[m]))
        }
    }

    // MARK: One standard

    /// Step `k`'s points by its precondition and method; `nil`: score the unit exactly. From
    /// `memo` when the step's input is one it remembers. Inlined where it is called: as a call
    /// of its own, for each of a unit's forty-odd standards, evaluating took 5–10% longer at
    /// the peers' million (session 39, interleaved runs).
    @inline(__always) mutating func evaluate(_ k: Int) -> KernelOutcome<N>? {
        if !tracing, let source = memo.keys[k] {
            let key: Int64
            switch source {
            case .metric(let m): key = mantissa(m)
            case .ballots(let i):
                guard let c = counted(program.methods.ballot[i]).key else { return work(k) }
                key = c
            }
            switch memo.lookup(k, key) {
            case .hit(let outcome): return outcome
            case .miss(let slot):
                // A ballot step's kernel counts the unit's scores again here. Handing it the
                // ones counted for the key instead (an optional `CountedBallots` through
                // `work`) made every remembered step's path longer: evaluating took 5% more
                // at the peers' million (session 39), where one lookup in 150 misses.
                let outcome = work(k)
                memo.remember(outcome, key: key, at: slot)
                return outcome
            }
        }
        return work(k)
    }

    /// Step `k`'s points, worked out.
    private mutating func work(_ k: Int) -> KernelOutcome<N>? {
        if tracing { detail = .none }
        if let p = program.steps[k].precondition {
            switch formula(p) {
            case .boolean(true): break
            case .boolean(false), .number: return .notAssessed(.precondition)
            case .missing(let slot): return .notAssessed(.missing(slot))
            case .divisionByZero: return .notAssessed(.divisionByZero)
            case .tooLarge: return .notAssessed(.tooLarge)
            case .inexact: return nil
            }
        }
        let max = program.steps[k].max
        switch program.steps[k].method {
        case .bands(let i): return bands(program.methods.bands[i], max: max)
        case .linear(let i): return linear(program.methods.linear[i], max: max)
        case .count(let i): return count(program.methods.count[i], max: max)
        case .checklist(let items): return checklist(items, max: max)
        case .presence(let m): return presence(metric: m, max: max)
        case .ballot(let i): return ballot(program.methods.ballot[i], max: max)
        case .survey(let i): return survey(program.methods.survey[i], max: max)
        case .expression(let f): return expression(formula: f, max: max)
        case .noBallots: return .scored(.zero)
        }
    }

    /// The points a not-assessed standard gets by its rule, and whether it is left out.
    func notAssessedPoints(_ k: Int, _ cause: NotAssessedCause) -> (raw: Rational, prorated: Bool) {
        if case .insufficient = cause, program.insufficientIsZero { return (.zero, false) }
        switch program.steps[k].fallback {
        case .zero: return (.zero, false)
        case .full: return (program.steps[k].max.exact, false)
        case .points(let p): return (min(p, program.steps[k].max.exact), false)
        case .prorate: return (.zero, true)
        }
    }

    /// A bonus or deduction item's points (unweighted; not assessed → its rule).
    mutating func item(_ k: Int, index: Int, kind: UnitTrace.ItemKind) -> N? {
        guard let outcome = evaluate(k) else { return nil }
        let maxPoints = program.steps[k].maxPoints
        switch outcome {
        case .scored(let v):
            trace?.item(kind, index: index, raw: v.exactValue, points: v.exactValue, max: maxPoints, status: .scored, prorated: false, detail: detail)
            return v
        case .notAssessed(let cause):
            let (raw, prorated) = notAssessedPoints(k, cause)
            trace?.item(kind, index: index, raw: raw, points: raw, max: maxPoints, status: cause.status(program, step: k),
                        prorated: prorated, detail: detail)
            return N(constant: ProgramConstant(raw))
        }
    }
}
