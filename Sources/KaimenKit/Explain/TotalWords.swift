/// How a unit's total comes from its parts, in one line, for `explain` and the score sheets:
/// `各方面 95.198421… + 加分 1 = 96.198421…，保留 2 位小数（四舍五入）为 96.20 分`, with the cap
/// of a veto that lowers it. The parts are given to six places (`…` when cut), so a reader who
/// adds the rounded columns of a table and finds 0.01 more or less sees why.
///
/// Where the sum before rounding, rounded at six places, would mislead (87.4449996 is
/// `87.445…`, which a reader rounds to 87.45 beside a total of 87.44), the sum and its parts
/// are cut (toward zero) at six places instead: `87.444999…` (`ShownValue`).
enum TotalWords {
    /// - Parameter report: the run whose papers these are, for a seal an earlier version made
    ///   (`ScoreReport.writtenAs`): before 0.27.0 nothing was cut, before 0.27.1 the cap was
    ///   printed at the rules' precision. `nil`: as this version writes.
    static func sum(_ r: UnitResult, rules: Rules, fmt: ValueFormatter, lang: Language, as report: ScoreReport? = nil) -> String {
        let areaSum = r.areas.reduce(Rational.zero) { $0 + $1.subtotal }
        let precision = rules.ranking.precision
        // One choice for the whole line: its parts are cut when the total's would mislead.
        let cut = (report?.writes(since: ScoreReport.v0_27) ?? true) && ShownValue.misleads(r.exactTotal, places: 6, precision: precision)
        let exact = { (x: Rational) in ShownValue.text(x, places: 6, cut: cut) }
        let (parts, bonus, total) = (exact(areaSum), exact(r.bonus), exact(r.exactTotal))
        var out = lang.t("各方面 \(parts) + 加分 \(bonus) = \(total)", "areas \(parts) + bonus \(bonus) = \(total)")
        let caps = r.vetoes.compactMap { rules.vetoes[$0].capTotal }
        if let cap = caps.min(), cap < r.exactTotal {
            let c = capText(cap, fmt: fmt, as: report)
            out += lang.t("，一票否决封顶为 \(c) 分", ", capped at \(c) by the veto")
        }
        out += lang.t("，保留 \(rules.ranking.precision) 位小数（四舍五入）为 \(fmt.fixed(r.total)) 分",
                      ", rounded half away from zero to \(rules.ranking.precision) places: \(fmt.fixed(r.total))")
        return out
    }

    /// A veto's cap: the rules' own number, as written (61.115, not 61.12 at precision 2),
    /// since 0.27.1; before, at the rules' precision.
    static func capText(_ cap: Rational, fmt: ValueFormatter, as report: ScoreReport? = nil) -> String {
        report?.writes(since: ScoreReport.v0_27_1) ?? true ? cap.plainText() : fmt.points(cap)
    }
}
