/// Prints values the way a score sheet shows them: rates as percentages, flags as 是/否,
/// counts with their unit, points without trailing zeros.
struct ValueFormatter {
    let rules: Rules
    let lang: Language
    /// Decimals of a percentage (2 unless a comparison needs more to show a difference).
    var percentPlaces = 2
    /// Decimals of other metric values and thresholds.
    var valuePlaces = 4

    init(rules: Rules, lang: Language) {
        self.rules = rules
        self.lang = lang
    }

    /// A percentage with up to two decimals (`94.55%`), or more when set by `comparing`.
    func percent(_ r: Rational) -> String { (r * Rational(100)).plainText(maxPlaces: percentPlaces) + "%" }

    /// This formatter with as many decimals (up to 6) as it takes for `value` to read
    /// differently from each of `thresholds` it is compared with: 98.9999% against 99% does
    /// not print as "99% < 99%".
    func comparing(_ value: Rational?, with thresholds: [Rational]) -> ValueFormatter {
        guard let value else { return self }
        var f = self
        for t in thresholds where t != value {
            f.percentPlaces = max(f.percentPlaces, TieValueText.places(value * Rational(100), t * Rational(100), minimum: 2))
            f.valuePlaces = max(f.valuePlaces, TieValueText.places(value, t, minimum: 4))
        }
        return f
    }

    /// Points as an intermediate value, without trailing zeros: `3`, `2.5`, `2.3333`. Never
    /// coarser than the rules' precision, and at least 2 places so small steps stay visible.
    func points(_ r: Rational) -> String { r.plainText(maxPlaces: max(rules.ranking.precision, 2)) }

    /// The places of a standard's points on a score sheet: at least 2, so small steps show.
    var rowPlaces: Int { max(rules.ranking.precision, 2) }

    /// A standard's points on a score sheet, at `rowPlaces`. (Rounded each, rows can add up to
    /// another figure than their subtotal; the subtotal's note then says so.)
    func rowPoints(_ r: Rational) -> String { r.formatted(places: rowPlaces) }

    /// Points at the rules' precision with all decimals: `87.30`. For totals and tables.
    func fixed(_ r: Rational) -> String { r.formatted(places: rules.ranking.precision) }

    func metric(_ id: String, _ v: Rational?) -> String {
        guard let v else { return lang.t("（缺）", "(missing)") }
        guard let m = rules.metric(id) else { return v.plainText() }
        switch m.kind {
        case .rate: return percent(v)
        case .flag: return v > .zero ? lang.t("是", "yes") : lang.t("否", "no")
        default: return v.plainText(maxPlaces: valuePlaces) + (m.unit.map { lang == .zh ? $0 : "" } ?? "")
        }
    }

    func metricName(_ id: String) -> String { rules.metric(id)?.name ?? id }

    /// A threshold in the same form as the value it is compared with.
    func threshold(_ t: Rational, input: MetricInput) -> String {
        switch input {
        case .ratio: return percent(t)
        case .metric(let id):
            if rules.metric(id)?.kind == .rate { return percent(t) }
            return t.plainText(maxPlaces: valuePlaces)
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
