/// `linear`: max × (value − floor) / (target − floor), within [0, max].
struct LinearStep: Sendable {
    var input: InputStep
    var floor: Rational
    /// target − floor, worked out once.
    var span: Rational
    /// On a metric, the floor as a mantissa at the metric's scale where it is exact there
    /// (`nil` otherwise): value − floor is then a difference of two mantissas.
    var floorAtScale: (mantissa: Int64, scale: Int)?
}

extension Linear {
    func compile(_ b: inout ProgramBuilder, ballotItem: Int?) -> MethodStep {
        var floorAtScale: (mantissa: Int64, scale: Int)?
        if case .metric(let id) = input, let m = b.plan.metricIndex[id], b.scales[m] < BulkData.pow10.count {
            let t = floor * Rational(integer: BulkData.pow10[b.scales[m]])
            if !t.approximated && t.denominator == 1 { floorAtScale = (t.numerator, b.scales[m]) }
        }
        let step = LinearStep(input: b.input(input), floor: floor, span: target - floor, floorAtScale: floorAtScale)
        return .linear(MethodSteps.add(step, to: &b.methods.linear))
    }
}

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
            let top = N.Term(max.exact)
            let floor = l.floorAtScale.map { N.Term(mantissa: $0.mantissa, scale: $0.scale) } ?? N.Term(l.floor)
            guard let above = v.minus(floor), let scaled = top.times(above), let p = scaled.over(N.Term(l.span)),
                  let limited = p.limited(N.Term(.zero), top), let points = N(term: limited) else { return nil }
            return .scored(points)
        }
    }
}

extension Linear {
    func inputs(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .linear(let v, let num, let den) = r.detail else { return nil }
        return n.fmt.inputValue(input, value: v, numerator: num, denominator: den)
    }

    /// `在岗职工培训率 72%，在 60%–90% 间按比例：得 1.2 分（满分 3 分）`
    func note(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .linear(let v, let num, let den) = r.detail else { return nil }
        let lang = n.lang, fmt = n.fmt
        guard let v else { return n.zeroDenominator(input, num, den) + n.earned(r, s) }
        let label = n.inputLabel(input, s, value: v, numerator: num, denominator: den, fmt: fmt)
        // Beyond either end the points are the end's: say which, not "linear".
        let rising = floor < target
        if rising ? v >= target : v <= target {
            let t = fmt.threshold(target, input: input)
            return label + lang.t("，达到目标值 \(t)：", ", at or beyond the target \(t): ") + n.earned(r, s)
        }
        if rising ? v <= floor : v >= floor {
            let f = fmt.threshold(floor, input: input)
            return label + (rising ? lang.t("，不高于下限 \(f)：", ", at or below the floor \(f): ")
                                   : lang.t("，不低于下限 \(f)：", ", at or above the floor \(f): ")) + n.earned(r, s)
        }
        let range = "\(fmt.threshold(floor, input: input))–\(fmt.threshold(target, input: input))"
        return label + lang.t("，在 \(range) 间按比例：", ", linear over \(range): ") + n.earned(r, s)
    }
}
