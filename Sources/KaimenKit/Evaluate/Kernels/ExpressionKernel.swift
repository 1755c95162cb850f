/// `expression`: a formula's number within [0, max], or a condition's full points or 0.
extension UnitScorer {
    mutating func expression(formula f: Int, max: ProgramConstant) -> KernelOutcome<N>? {
        switch formula(f) {
        case .number(let v):
            if tracing { detail = .expression(value: v) }
            return N(term: N.Term(v.clamped(.zero, max.exact))).map { .scored($0) }
        case .boolean(let b):
            if tracing { detail = .expression(value: b ? .one : .zero) }
            return b ? N(constant: max).map { .scored($0) } : .scored(.zero)
        case .missing(let slot):
            if tracing { detail = .expression(value: nil) }
            return .notAssessed(.missing(slot))
        case .divisionByZero:
            if tracing { detail = .expression(value: nil) }
            return .notAssessed(.divisionByZero)
        }
    }
}
