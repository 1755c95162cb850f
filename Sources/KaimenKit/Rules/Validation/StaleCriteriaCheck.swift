/// A standard, bonus or deduction whose points, thresholds or formula a file changed against
/// the file it extends while its `criteria` text stayed the base's (`criteria-stale`, `rules
/// check` since 0.29.7): the text the committee and the unions read no longer says what is
/// scored. `rules diff` said so (`staleCriteria`); `rules check` passed the file in silence (a
/// tester's 2027 file moved 集体合同签订率 to 4 points under a text still saying 3). Found by
/// `RulesDiff` against the file extended, so the two commands cannot disagree; a warning of
/// `rules check` alone, as `IneffectiveSettingCheck`'s.
public enum StaleCriteriaCheck {
    /// `base`: the rules of the file `rules` extends directly (`nil` for a file extending none).
    public static func rulesWarnings(_ rules: Rules, base: Rules?) -> [Diagnostic] {
        guard let base, let baseFile = rules.sourceFiles.dropFirst().first else { return [] }
        let diff = RulesDiff.compare(base, rules)
        let entries = rules.standards + rules.bonuses + rules.deductions
        let shown = PathText.lastComponent(baseFile)
        return diff.staleCriteria.compactMap { stale in
            guard let s = entries.first(where: { $0.id == stale.id }) else { return nil }
            // At the first value this file writes that scores otherwise (its points, its bands,
            // its formula), as `RulesDiff` tells them from other changes (a name, an aggregate).
            let field = diff.changes.first { c in
                c.id == stale.id && (c.kind == .thresholds || c.kind == .reweighted || c.field == "formula")
                    && c.field.map { s.origin.fields[$0] != nil } == true
            }?.field
            return .warning(.criteriaStale, StaleCriteriaMessages.stale(s.id, name: s.name, base: shown),
                            at: field.map(s.origin.at) ?? s.origin.location, path: s.origin.path(field ?? "criteria"),
                            hint: StaleCriteriaMessages.hint)
        }
    }
}

enum StaleCriteriaMessages {
    static func stale(_ id: String, name: String, base: String) -> Localized {
        Localized(zh: "`\(id)`（\(name)）的分值、门槛或公式与所扩展的 \(base) 不同，评分标准（criteria）的文字却还是原来的",
                  en: "`\(id)` (\(name)) has other points, thresholds or a formula than in \(base), which this file extends, but its criteria text is still the old one")
    }
    static let hint = Localized(zh: "核对这段文字是否还与计分相符，不符就在本文件里一并写上新的 \"criteria\"",
                                en: "check that the text still says what is scored; if not, give the new \"criteria\" in this file too")
}
