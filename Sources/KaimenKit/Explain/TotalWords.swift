/// How a unit's total comes from its parts, in one line, for `explain` and the score sheets:
/// `各方面 95.198421… + 加分 1 = 96.198421…，保留 2 位小数（四舍五入）为 96.20 分`, with the cap
/// of a veto that lowers it. The parts are given to six places (`…` when cut), so a reader who
/// adds the rounded columns of a table and finds 0.01 more or less sees why.
enum TotalWords {
    static func sum(_ r: UnitResult, rules: Rules, fmt: ValueFormatter, lang: Language) -> String {
        let areaSum = r.areas.reduce(Rational.zero) { $0 + $1.subtotal }
        let exact = { (x: Rational) in x.plainText(maxPlaces: 6) + (x.rounded(places: 6) == x ? "" : "…") }
        var out = lang.t("各方面 \(exact(areaSum)) + 加分 \(exact(r.bonus)) = \(exact(r.exactTotal))",
                         "areas \(exact(areaSum)) + bonus \(exact(r.bonus)) = \(exact(r.exactTotal))")
        let caps = r.vetoes.compactMap { rules.vetoes[$0].capTotal }
        if let cap = caps.min(), cap < r.exactTotal {
            out += lang.t("，一票否决封顶为 \(fmt.points(cap)) 分", ", capped at \(fmt.points(cap)) by the veto")
        }
        out += lang.t("，保留 \(rules.ranking.precision) 位小数（四舍五入）为 \(fmt.fixed(r.total)) 分",
                      ", rounded half away from zero to \(rules.ranking.precision) places: \(fmt.fixed(r.total))")
        return out
    }
}
