/// `count`: value × perUnit, within [0, max] (a negative value scores 0, never takes points away).
extension UnitScorer {
    mutating func count(metric m: Int, perUnit: Rational, max: ProgramConstant) -> KernelOutcome<N>? {
        guard let v = term(m) else { return .notAssessed(.missing(m)) }
        if tracing { detail = .count(value: v.exact) }
        guard let p = v.times(N.Term(perUnit)), let limited = p.limited(N.Term(.zero), N.Term(max.exact)),
              let points = N(term: limited) else { return nil }
        return .scored(points)
    }
}
