/// Metrics declared that nothing reads: no standard, bonus or deduction (its method or its
/// precondition), no veto and no tie-break. Legal, but every unit must still submit the column
/// (`missing-metric` when it is absent). Most often an extending file removed the last standard
/// that read it and not the metric (a rules author's trial: nothing said so), so the hint names
/// the extending file's `remove.metrics` when the metric comes from a base file.
public enum UnreadMetricCheck {
    /// The ids of the metrics that something in `rules` reads.
    static func readIDs(_ rules: Rules) -> Set<String> {
        var read = Set((rules.standards + rules.bonuses + rules.deductions).flatMap(\.metricIDs))
        read.formUnion(rules.vetoes.flatMap(\.when.metricIDs))
        for t in rules.ranking.tieBreak { if case .metric(let id) = t.key { read.insert(id) } }
        return read
    }

    /// For `rules check`: one warning per metric nothing reads, at its declaration.
    public static func rulesWarnings(_ rules: Rules) -> [Diagnostic] {
        let read = readIDs(rules)
        let own = rules.sourceFiles.first
        return rules.metrics.filter { !read.contains($0.id) }.map { m in
            let inBase = own != nil && m.origin.location.file != own
            let parts = UnreadMetricMessages.unread(m.id, name: m.name, extending: inBase ? own.map(PathText.lastComponent) : nil)
            return .warning(.metricUnread, parts.text, at: m.origin.location, path: m.origin.path, hint: parts.hint)
        }
    }
}

/// The texts of `UnreadMetricCheck`, in Chinese and English.
enum UnreadMetricMessages {
    /// - Parameter extending: the extending file's name, when the metric is declared in a base file.
    static func unread(_ id: String, name: String, extending: String?) -> Diagnostic.Parts {
        Diagnostic.Parts(
            text: Localized(zh: "指标 \(id)（\(name)）没有任何标准、否决项或并列排序读取，各单位却仍须填报这一列",
                            en: "metric \(id) (\(name)) is read by no standard, veto or tie-break, yet every unit must still submit its column"),
            hint: extending.map { file in
                Localized(zh: "读它的标准已删去的，在 \(file) 的 `remove.metrics` 中一并删去 \(id)；仍要用它，就让某条标准读取它",
                          en: "if the standards that read it were removed, remove \(id) too, under `remove.metrics` in \(file); to keep it, have a standard read it")
            } ?? Localized(zh: "不需要就从 `metrics` 中删去；仍要用它，就让某条标准读取它",
                           en: "remove it from `metrics` if it is not needed; to keep it, have a standard read it"))
    }
}
