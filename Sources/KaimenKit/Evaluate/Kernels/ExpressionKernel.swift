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
    ///
    /// Since 0.27.1 its value is given to four places, or the points' if more (`…` when cut
    /// short), cut where rounding would make it read otherwise than the points beside it
    /// (`ShownValue`): `= 0.0049…：得 0 分`, not `= 0.005`; and where the points are weighted and
    /// the value is the raw points, as the raw points are shown (`得 0.005… 分，按权重 ×1.2
    /// 折算 0.01 分`), so that one number reads one way in the line. Before, to four places.
    func note(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .expression(let v) = r.detail else { return nil }
        let value: String
        if let v, !n.cutsValues {
            value = v.plainText(maxPlaces: 4)
        } else if let v, v == r.raw, let (raw, _) = n.shownWeight(r, s) {
            value = raw
        } else {
            let places = max(4, n.fmt.rowPlaces)
            value = v.map { ShownValue.text($0, places: places, checkedAt: n.fmt.rowPlaces) } ?? "?"
        }
        return "\(formula.readable(n.rules, lang: n.lang)) = \(value)" + n.lang.t("：", ": ") + n.earned(r, s)
    }
}
