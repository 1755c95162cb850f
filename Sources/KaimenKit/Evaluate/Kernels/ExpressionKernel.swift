/// `expression`: a formula's number within [0, max], or a condition's full points or 0.
extension ExpressionMethod {
    func compile(_ b: inout ProgramBuilder, ballotItem: Int?) -> MethodStep {
        .expression(formula: b.formula(formula.compiled))
    }
}

extension UnitScorer {
    mutating func expression(formula f: Int, max: ProgramConstant) -> KernelOutcome<N>? {
        switch formula(f) {
        case .number(let v):
            if tracing { detail = .expression(value: v.rational) }
            return N.term(formula: v.limited(to: .zero, N.FormulaValue(max.exact))).flatMap(N.init(term:)).map { .scored($0) }
        case .boolean(let b):
            if tracing { detail = .expression(value: b ? .one : .zero) }
            return b ? N(constant: max).map { .scored($0) } : .scored(.zero)
        case .missing(let slot):
            if tracing { detail = .expression(value: nil) }
            return .notAssessed(.missing(slot))
        case .divisionByZero:
            if tracing { detail = .expression(value: nil) }
            return .notAssessed(.divisionByZero)
        case .tooLarge:
            if tracing { detail = .expression(value: nil) }
            return .notAssessed(.tooLarge)
        case .inexact:
            return nil
        }
    }
}

extension ExpressionMethod {
    /// Each metric the formula reads, as entered (whatever the detail).
    func inputs(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        n.metricsText(formula.metricIDs)
    }

    /// `服务站点数 × 0.5 = 1.5：得 1.5 分（满分 2 分）`: the formula as its reader writes it
    /// (metric names; in Chinese 若…则…否则), as the papers show every formula of the rules.
    /// Its value to four places (`…` when cut short), cut where rounding would make it read
    /// otherwise than the points beside it (`ShownValue`): `= 0.0049…：得 0 分`, not `= 0.005`.
    func note(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .expression(let v) = r.detail else { return nil }
        let value = v.map { ShownValue.text($0, places: 4, checkedAt: n.fmt.rowPlaces) } ?? "?"
        return "\(formula.readable(n.rules, lang: n.lang)) = \(value)" + n.lang.t("：", ": ") + n.earned(r, s)
    }
}
