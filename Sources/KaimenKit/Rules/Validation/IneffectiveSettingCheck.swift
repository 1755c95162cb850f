/// Settings a rules file writes that change no score (`rules check`, since 0.29.4; a criteria
/// tuner's trial found both passed without a word):
/// - a standard, bonus or deduction worth 0 points (`points-zero`): whatever its method gives,
///   it adds nothing; most often a value not yet filled in, or a standard meant to be removed;
/// - a `trim` where the ballots are not aggregated by `trimmedMean` (`trim-unused`): the file's
///   `ballots.trim` when no ballot standard takes the trimmed mean with it (switched to `median`,
///   the trim stays), or a standard's own `trim` when its aggregate is another; in the file
///   checked, not in a base file it extends.
/// Warnings of `rules check` alone, as `UnreadMetricCheck`'s: a warning made while the rules
/// load would send every `score` to the checked readers (`BulkRun`'s clean rules).
public enum IneffectiveSettingCheck {
    public static func rulesWarnings(_ rules: Rules) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for s in rules.standards + rules.bonuses + rules.deductions where s.points.isZero {
            found.append(.warning(.pointsZero, IneffectiveSettingMessages.zeroPoints(s.id, name: s.name), at: s.origin.at("points"),
                                  path: s.origin.path + ".points", hint: IneffectiveSettingMessages.zeroPointsHint))
        }
        let file = rules.ballots.aggregate
        // A `trim` a base file writes is not said to a file extending it: `ballots` is merged key
        // by key, and an extending file cannot remove the base's `trim` (a tuned file switching
        // to `median` would be told of a line it cannot change).
        let own = rules.sourceFiles.first
        func inOwnFile(_ at: SourceLocation) -> Bool { own == nil || at.file == own }
        var fileTrimUsed = false
        for s in rules.standards {
            guard case .ballot(let b) = s.method else { continue }
            let aggregate = b.aggregate ?? file
            if b.trim == nil { fileTrimUsed = fileTrimUsed || aggregate == .trimmedMean }
            if b.trim != nil && aggregate != .trimmedMean && inOwnFile(s.origin.at("trim")) {
                found.append(.warning(.trimUnused, IneffectiveSettingMessages.trimUnused(standard: s.id, aggregate: aggregate, trim: b.trim ?? rules.ballots.trim),
                                      at: s.origin.at("trim"), path: s.origin.path + ".trim", hint: IneffectiveSettingMessages.trimUnusedHint))
            }
        }
        if let origin = rules.ballotsOrigin, let at = origin.fields["trim"], !fileTrimUsed, inOwnFile(at) {
            found.append(.warning(.trimUnused, IneffectiveSettingMessages.trimUnused(standard: nil, aggregate: file, trim: rules.ballots.trim),
                                  at: at, path: origin.path + ".trim", hint: IneffectiveSettingMessages.trimUnusedHint))
        }
        return found
    }
}

/// The texts of `IneffectiveSettingCheck`, in Chinese and English.
enum IneffectiveSettingMessages {
    static func zeroPoints(_ id: String, name: String) -> Localized {
        Localized(zh: "`\(id)`（\(name)）满分为 0：无论数据如何，它都不加也不减任何分数",
                  en: "`\(id)` (\(name)) is worth 0 points: whatever the data, it adds or takes off nothing")
    }
    static let zeroPointsHint = Localized(zh: "写上它的分值；不再考核这一项就把它删去（继承的细则在 `remove` 中删去）",
                                          en: "give it its points; if it is no longer assessed, remove it (under `remove` in an extending file)")

    /// - Parameter standard: the standard whose own `trim` it is; `nil`: the file's `ballots.trim`.
    static func trimUnused(standard: String?, aggregate: BallotPolicy.Aggregate, trim: BallotPolicy.Trim) -> Localized {
        let how = aggregate.policyWords(trim, lang: .zh), howEn = aggregate.policyWords(trim, lang: .en)
        if let standard {
            return Localized(zh: "标准 `\(standard)` 的 `trim`（去掉最高、最低分）不起作用：它的评分按\(how)汇总，只有 `trimmedMean` 才去掉最高、最低分",
                             en: "standard `\(standard)`'s `trim` (dropping the highest and lowest ballots) has no effect: its ballots are aggregated by the \(howEn), and only `trimmedMean` drops any")
        }
        if aggregate == .trimmedMean {
            return Localized(zh: "`ballots.trim`（去掉最高、最低分）不起作用：每条代表评分标准都另写了自己的 `aggregate` 或 `trim`",
                             en: "`ballots.trim` (dropping the highest and lowest ballots) has no effect: every ballot standard writes its own `aggregate` or `trim`")
        }
        return Localized(zh: "`ballots.trim`（去掉最高、最低分）不起作用：没有哪条代表评分标准按 `trimmedMean` 汇总并用它（细则的汇总方式是\(how)）",
                         en: "`ballots.trim` (dropping the highest and lowest ballots) has no effect: no ballot standard aggregates by `trimmedMean` with it (the file's aggregate is the \(howEn))")
    }
    static let trimUnusedHint = Localized(zh: "要去掉最高、最低分，就把 `aggregate` 写成 `trimmedMean`；否则删去 `trim`",
                                          en: "to drop the highest and lowest ballots, write `\"aggregate\": \"trimmedMean\"`; otherwise remove `trim`")
}
