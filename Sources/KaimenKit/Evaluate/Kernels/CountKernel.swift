/// `count`: value × perUnit, within [0, max] (a negative value scores 0, never takes points away).
struct CountStep: Sendable {
    var metric: Int
    var perUnit: Rational
}

extension Count {
    func compile(_ b: inout ProgramBuilder, ballotItem: Int?) -> MethodStep {
        .count(MethodSteps.add(CountStep(metric: b.plan.metricIndex[metric]!, perUnit: perUnit), to: &b.methods.count))
    }
}

extension UnitScorer {
    mutating func count(_ c: CountStep, max: ProgramConstant) -> KernelOutcome<N>? {
        guard let v = term(c.metric) else { return .notAssessed(.missing(c.metric)) }
        if tracing { detail = .count(value: v.exact) }
        guard let p = v.times(N.Term(c.perUnit)), let limited = p.limited(N.Term(.zero), N.Term(max.exact)),
              let points = N(term: limited) else { return nil }
        return .scored(points)
    }
}

extension Count {
    func inputs(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .count(let v) = r.detail else { return nil }
        return n.metricText(metric, v)
    }

    /// `职工书屋 3 × 0.5 = 1.5，封顶：得 1 分（满分 1 分）`
    func note(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .count(let v) = r.detail else { return nil }
        let lang = n.lang, fmt = n.fmt
        let product = v * perUnit
        let capped = product > s.points
        return "\(n.metricText(metric, v)) × \(perUnit.plainText()) = \(fmt.points(product))"
            + (capped ? lang.t("，封顶", ", capped") : "") + lang.t("：", ": ") + n.earned(r, s)
    }
}
