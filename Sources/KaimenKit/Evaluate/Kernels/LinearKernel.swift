/// `linear`: max × (value − floor) / (target − floor), within [0, max].
extension UnitScorer {
    mutating func linear(_ l: LinearStep, max: ProgramConstant) -> KernelOutcome<N>? {
        guard let (input, num, den) = read(l.input, max: max) else { return nil }
        switch input {
        case .notAssessed(let cause):
            if tracing { detail = .linear(value: nil, numerator: num, denominator: den) }
            return .notAssessed(cause)
        case .zeroPoints(let c):
            if tracing { detail = .linear(value: nil, numerator: num, denominator: den) }
            return N(constant: c).map { .scored($0) }
        case .value(let v):
            if tracing { detail = .linear(value: v.exact, numerator: num, denominator: den) }
            let top = N.Term(max.exact), floor = N.Term(l.floor)
            guard let above = v.minus(floor), let scaled = top.times(above), let span = N.Term(l.target).minus(floor),
                  let p = scaled.over(span), let limited = p.limited(N.Term(.zero), top), let points = N(term: limited) else { return nil }
            return .scored(points)
        }
    }
}
