/// `bands`: the first band whose threshold the value reaches (≥ for `min` bands, ≤ for `max`
/// bands) scores its points; none reached scores `otherwise`. On a metric, a threshold that
/// is exact at the metric's scale is compared with its mantissa as one integer comparison
/// (`ScoringProgram.bandMantissas`); otherwise as terms.
extension UnitScorer {
    mutating func bands(_ b: BandsStep, max: ProgramConstant) -> KernelOutcome<N>? {
        guard let (input, num, den) = read(b.input, max: max) else { return nil }
        switch input {
        case .notAssessed(let cause):
            if tracing { detail = .bands(value: nil, numerator: num, denominator: den, band: nil) }
            return .notAssessed(cause)
        case .zeroPoints(let c):
            if tracing { detail = .bands(value: nil, numerator: num, denominator: den, band: nil) }
            return N(constant: c).map { .scored($0) }
        case .value(let v):
            var onMetric: Int64?
            if case .metric(let m) = b.input { onMetric = mantissa(m) }
            for k in b.bands {
                let reached: Bool
                if let x = onMetric, let t = program.bandMantissas[k] {
                    reached = b.atLeast ? x >= t : x <= t
                } else {
                    let t = N.Term(program.bandThresholds[k])
                    guard let r = b.atLeast ? v.isAtLeast(t) : v.isAtMost(t) else { return nil }
                    reached = r
                }
                if reached {
                    if tracing { detail = .bands(value: v.exact, numerator: num, denominator: den, band: k - b.bands.lowerBound) }
                    return N(constant: program.bandPoints[k]).map { .scored($0) }
                }
            }
            if tracing { detail = .bands(value: v.exact, numerator: num, denominator: den, band: nil) }
            return N(constant: b.otherwise).map { .scored($0) }
        }
    }
}
