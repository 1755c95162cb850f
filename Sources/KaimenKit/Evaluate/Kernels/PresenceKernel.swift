/// `presence`: the full points when the metric is above 0, else 0.
extension Presence {
    func compile(_ b: inout ProgramBuilder, ballotItem: Int?) -> MethodStep {
        .presence(metric: b.plan.metricIndex[metric]!)
    }
}

extension UnitScorer {
    @inline(__always) mutating func presence(metric m: Int, max: ProgramConstant) -> KernelOutcome<N>? {
        let v = mantissa(m)
        if v == BulkData.missing { return .notAssessed(.missing(m)) }
        if tracing { detail = .presence(value: value(m)!) }
        if v > 0 { return N(constant: max).map { .scored($0) } }
        return .scored(.zero)
    }
}

extension Presence {
    func inputs(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .presence(let v) = r.detail else { return nil }
        return n.metricText(metric, v)
    }

    /// `职工之家：1，得 2 分（满分 2 分）`
    func note(_ r: StandardResult, _ s: Standard, _ n: Narrator) -> String? {
        guard case .presence(let v) = r.detail else { return nil }
        let lang = n.lang
        return "\(n.fmt.metricName(metric))\(lang.t("：", ": "))\(n.fmt.metric(metric, v))" + lang.t("，", ", ") + n.earned(r, s)
    }
}
