/// Every diagnostic text of the tuning tools (`compare`, `sensitivity`, `rules test`,
/// `rules template`), in Chinese and English, kept together for the catalogue.
enum TuningMessages {
    static func setUnknownUnit(_ option: String, unit: String, known: [String]) -> Diagnostic {
        .error("set-unknown-unit", Localized(zh: "`--set \(option)`：单位文件中没有单位 `\(unit)`",
                                             en: "`--set \(option)`: the units file has no unit `\(unit)`"),
               hint: suggestion(unit, known, zh: "写单位编号，如 X05", en: "write the unit's id, e.g. X05"))
    }

    static func setUnknownMetric(_ option: String, metric: String, known: [String]) -> Diagnostic {
        .error("set-unknown-metric", Localized(zh: "`--set \(option)`：细则中没有指标 `\(metric)`",
                                               en: "`--set \(option)`: the rules have no metric `\(metric)`"),
               hint: suggestion(metric, known, zh: "写指标编号，如 members", en: "write the metric's id, e.g. members"))
    }

    static func setInvalidValue(_ option: String, message: Localized, hint: Localized?) -> Diagnostic {
        .error("set-invalid-value", Localized(zh: "`--set \(option)`：取值不符合该指标的类型（\(message.zh)）",
                                              en: "`--set \(option)`: \(message.en)"),
               hint: hint)
    }

    /// One line per missing metric, then what to do.
    static func missingMetrics(_ gaps: MissingMetrics, rulesFile: String) -> [Diagnostic] {
        gaps.gaps.map { g in
            let who = g.wholeColumn ? Localized(zh: "全部 \(g.units.count) 个单位", en: "all \(g.units.count) units")
                                    : Localized(same: g.units.joined(separator: ", "))
            return .error("compare-missing-metric",
                          Localized(zh: "`\(rulesFile)` 需要指标 \(g.name)（`\(g.metric)`），数据中缺少：\(who.zh)",
                                    en: "`\(rulesFile)` needs the metric \(g.name) (`\(g.metric)`), which the data lacks for \(who.en)"),
                          hint: Localized(zh: "补上该列；或用 --assume-missing notAssessable（不予考核）或 zero（按0计）比较",
                                          en: "add the column; or compare with --assume-missing notAssessable (not assessed) or zero"))
        }
    }

    static func suggestion(_ word: String, _ among: [String], zh: String, en: String) -> Localized {
        if let s = Suggestion.closest(to: word, among: among) {
            return Localized(zh: "是不是 `\(s)`？", en: "did you mean `\(s)`?")
        }
        return Localized(zh: zh, en: en)
    }
}
