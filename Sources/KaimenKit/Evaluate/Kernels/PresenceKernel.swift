/// `presence`: the full points when the metric is above 0, else 0.
extension UnitScorer {
    mutating func presence(metric m: Int, max: ProgramConstant) -> KernelOutcome<N>? {
        let v = mantissa(m)
        if v == BulkData.missing { return .notAssessed(.missing(m)) }
        if tracing { detail = .presence(value: value(m)!) }
        if v > 0 { return N(constant: max).map { .scored($0) } }
        return .scored(.zero)
    }
}
