/// What a metric-based method reads, compiled: a metric column, or two and the zero rule.
enum InputStep: Sendable {
    case metric(Int)
    case ratio(numerator: Int, denominator: Int, zero: Ratio.Zero)
}

extension ProgramBuilder {
    func input(_ i: MetricInput) -> InputStep {
        switch i {
        case .metric(let id): return .metric(plan.metricIndex[id]!)
        case .ratio(let r): return .ratio(numerator: plan.metricIndex[r.numerator]!, denominator: plan.metricIndex[r.denominator]!, zero: r.zero)
        }
    }
}

/// Reading what `bands` and `linear` take: one metric, or the ratio of two (with the rule for
/// a zero denominator). Shared by both kernels, so the two read inputs the same way.
enum InputRead<T: ScoreTerm> {
    /// The value (and, for a ratio, its two parts as read).
    case value(T)
    /// Not assessable: a metric it reads is missing, or a zero denominator says so.
    case notAssessed(NotAssessedCause)
    /// A zero denominator that the ratio's rule scores as these points.
    case zeroPoints(ProgramConstant)
}

extension UnitScorer {
    /// The input's value; while tracing, `detailParts` holds the numerator and denominator read.
    @inline(__always) mutating func read(_ input: InputStep, max: ProgramConstant) -> (InputRead<N.Term>, numerator: Rational?, denominator: Rational?)? {
        switch input {
        case .metric(let m):
            guard let v = term(m) else { return (.notAssessed(.missing(m)), nil, nil) }
            return (.value(v), nil, nil)
        case .ratio(let nm, let dm, let zero):
            guard let num = term(nm) else { return (.notAssessed(.missing(nm)), nil, nil) }
            let numExact = tracing ? num.exact : nil
            guard let den = term(dm) else { return (.notAssessed(.missing(dm)), numExact, nil) }
            let denExact = tracing ? den.exact : nil
            if den.isZero {
                switch zero {
                case .points(let p): return (.zeroPoints(ProgramConstant(min(p, max.exact))), numExact, denExact)
                case .full: return (.zeroPoints(max), numExact, denExact)
                case .notAssessable: return (.notAssessed(.zeroDenominator(dm)), numExact, denExact)
                }
            }
            guard let v = num.over(den) else { return nil }
            return (.value(v), numExact, denExact)
        }
    }
}
