/// Prints values the way a score sheet shows them: rates as percentages, flags as 是/否,
/// counts with their unit, points without trailing zeros.
struct ValueFormatter {
    let rules: Rules
    let lang: Language

    /// A percentage with up to two decimals: `94.55%`.
    func percent(_ r: Rational) -> String { (r * Rational(100)).plainText(maxPlaces: 2) + "%" }

    /// Points as an intermediate value, without trailing zeros: `3`, `2.5`, `2.3333`. Never
    /// coarser than the rules' precision, and at least 2 places so small steps stay visible.
    func points(_ r: Rational) -> String { r.plainText(maxPlaces: max(rules.ranking.precision, 2)) }

    /// A standard's points on a score sheet: at least 2 places, so rows visibly add up.
    func rowPoints(_ r: Rational) -> String { r.formatted(places: max(rules.ranking.precision, 2)) }

    /// Points at the rules' precision with all decimals: `87.30`. For totals and tables.
    func fixed(_ r: Rational) -> String { r.formatted(places: rules.ranking.precision) }

    func metric(_ id: String, _ v: Rational?) -> String {
        guard let v else { return lang.t("（缺）", "(missing)") }
        guard let m = rules.metric(id) else { return v.plainText() }
        switch m.kind {
        case .rate: return percent(v)
        case .flag: return v > .zero ? lang.t("是", "yes") : lang.t("否", "no")
        default: return v.plainText(maxPlaces: 4) + (m.unit.map { lang == .zh ? $0 : "" } ?? "")
        }
    }

    func metricName(_ id: String) -> String { rules.metric(id)?.name ?? id }

    /// A threshold in the same form as the value it is compared with.
    func threshold(_ t: Rational, input: MetricInput) -> String {
        switch input {
        case .ratio: return percent(t)
        case .metric(let id):
            if rules.metric(id)?.kind == .rate { return percent(t) }
            return t.plainText(maxPlaces: 4)
        }
    }

    func inputValue(_ input: MetricInput, value: Rational?, numerator: Rational?, denominator: Rational?) -> String {
        switch input {
        case .metric(let id):
            return "\(metricName(id)) \(metric(id, value))"
        case .ratio(let r):
            let n = numerator.map { $0.plainText(maxPlaces: 4) } ?? "?"
            let d = denominator.map { $0.plainText(maxPlaces: 4) } ?? "?"
            let v = value.map(percent) ?? "—"
            return "\(metricName(r.numerator)) \(n) / \(metricName(r.denominator)) \(d) = \(v)"
        }
    }
}
