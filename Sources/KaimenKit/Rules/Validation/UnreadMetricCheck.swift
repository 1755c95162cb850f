/// Metrics declared that nothing reads (`MetricReaders`): no standard, bonus or deduction (its
/// method or its precondition), no veto and no tie-break. Legal, but the units file must still
/// have the column (an error when it is missing, for a metric whose empty cell is an error; a
/// warning otherwise). Most often an extending file removed the last entry that read it, or
/// had it read another metric, and not the metric (a rules author's trial: nothing said so),
/// so the hint names the extending file's `remove.metrics` when the metric comes from a base file.
public enum UnreadMetricCheck {
    /// For `rules check`: one warning per metric nothing reads, at its declaration.
    public static func rulesWarnings(_ rules: Rules) -> [Diagnostic] {
        let own = rules.sourceFiles.first
        return rules.metrics.filter { MetricReaders(of: $0.id, in: rules).isEmpty }.map { m in
            let inBase = own != nil && m.origin.location.file != own
            let parts = UnreadMetricMessages.unread(m.id, name: m.name, required: m.missing == .error,
                                                    extending: inBase ? own.map(PathText.lastComponent) : nil)
            return .warning(.metricUnread, parts.text, at: m.origin.location, path: m.origin.path, hint: parts.hint)
        }
    }
}

/// The texts of `UnreadMetricCheck`, in Chinese and English.
enum UnreadMetricMessages {
    /// - Parameter required: an empty cell of it is an error (`missing: error`), so its column must be there.
    /// - Parameter extending: the extending file's name, when the metric is declared in a base file.
    static func unread(_ id: String, name: String, required: Bool, extending: String?) -> Diagnostic.Parts {
        Diagnostic.Parts(
            text: Localized(zh: "指标 `\(id)`（\(name)）没有任何标准、加分项、扣分项、否决项或同分比较读取，"
                                + (required ? "单位文件却仍须有这一列" : "单位文件缺这一列时仍会得到提示"),
                            en: "metric `\(id)` (\(name)) is read by no standard, bonus, deduction, veto or tie-break, yet "
                                + (required ? "the units file must still have its column" : "a units file without its column still draws a warning (`metric-column-absent`)")),
            hint: extending.map { file in
                Localized(zh: "如果读取它的项已删去或已改读别的指标，在 \(file) 的 `remove.metrics` 中一并删去 `\(id)`；仍要用它，就让某一项读取它",
                          en: "if what read it was removed or now reads another metric, remove `\(id)` too, under `remove.metrics` in \(file); to keep it, have an entry read it")
            } ?? Localized(zh: "不需要就从 `metrics` 中删去；仍要用它，就让某一项读取它",
                           en: "remove it from `metrics` if it is not needed; to keep it, have an entry read it"))
    }
}
