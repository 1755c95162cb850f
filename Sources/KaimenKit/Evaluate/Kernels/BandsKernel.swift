/// `bands`: the first band whose threshold the value reaches (≥ for `min` bands, ≤ for `max`
/// bands) scores its points; none reached scores `otherwise`.
extension UnitScorer {
    mutating func bands(_ b: BandsStep, max: ProgramConstant) -> KernelOutcome<N>? {
        if case .metric(let m) = b.input, !tracing {
            let v = mantissa(m)
            if v == BulkData.missing { return .notAssessed(.missing(m)) }
            for k in b.bands {
                guard let t = program.bandMantissas[k] else { break }
                if b.atLeast ? v >= t : v <= t { return N(constant: program.bandPoints[k]).map { .scored($0) } }
                if k == b.bands.upperBound - 1 { return N(constant: b.otherwise).map { .scored($0) } }
            }
        }
        guard let (input, num, den) = read(b.input, max: max) else { return nil }
        switch input {
        case .notAssessed(let cause):
            if tracing { detail = .bands(value: nil, numerator: num, denominator: den, band: nil) }
            return .notAssessed(cause)
        case .zeroPoints(let c):
            if tracing { detail = .bands(value: nil, numerator: num, denominator: den, band: nil) }
            return N(constant: c).map { .scored($0) }
        case .value(let v):
            for k in b.bands {
                let t = N.Term(program.bandThresholds[k])
                guard let reached = b.atLeast ? v.isAtLeast(t) : v.isAtMost(t) else { return nil }
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
