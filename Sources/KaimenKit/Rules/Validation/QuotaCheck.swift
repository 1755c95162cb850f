/// Grade quotas that allow no unit at all. A quota of q% lets ⌊q% × n⌋ of n units hold its
/// grade (docs/rules.md, *Grades*): 20% of 4 units is 0, so every unit that reaches the grade
/// moves down. That is legal, but rarely meant: `rules check` says from how many units on a
/// quota allows anybody, and every `score` run in which a quota allows nobody says so.
public enum QuotaCheck {
    /// ⌊quota% × units⌋.
    public static func allowed(_ quota: Rational, units: Int) -> Int {
        let v = (quota * Rational(units)).divided(by: Rational(100))!
        return Int(v.numerator / v.denominator)
    }

    /// The fewest units for which the quota allows one: ⌈100 / quota⌉; `nil` for a quota of 0,
    /// which never allows any.
    public static func fewestUnits(_ quota: Rational) -> Int? {
        guard let v = Rational(100).divided(by: quota) else { return nil }
        let whole = Int(v.numerator / v.denominator)
        return v.isInteger ? whole : whole + 1
    }

    /// Sessions of at most this many units are small: a quota that lets somebody through in
    /// every larger one is not worth a warning on every `rules check` (Xicheng's 30% needs 4 units,
    /// and every check of every file repeated it: a tester). A `score` run that meets it says so.
    public static let smallSession = 10

    /// For `rules check`: one warning per quota that allows no unit in sessions larger than
    /// small ones (a quota under 10%, or a fraction written for a percentage: 0.3 for 30%).
    public static func rulesWarnings(_ rules: Rules) -> [Diagnostic] {
        quotaGrades(rules).compactMap { g in
            let q = g.quotaPercent!
            if let n = fewestUnits(q), n <= smallSession + 1 { return nil }
            let m = QuotaMessages.rules(grade: g.name, quota: q, fewest: fewestUnits(q))
            return .warning(.quotaAllowsNone, m.text, at: g.origin.fields["quota"] ?? g.origin.location, path: g.origin.path + ".quota", hint: m.hint)
        }
    }

    /// For a `score` run of `units` units: one warning per quota that allows none of them.
    public static func sessionWarnings(_ rules: Rules, units: Int) -> [Diagnostic] {
        quotaGrades(rules).compactMap { g in
            let q = g.quotaPercent!
            guard units > 0, allowed(q, units: units) == 0 else { return nil }
            let m = QuotaMessages.session(grade: g.name, quota: q, units: units)
            return .warning(.quotaAllowsNone, m.text, at: g.origin.fields["quota"] ?? g.origin.location, path: g.origin.path + ".quota", hint: m.hint)
        }
    }

    /// Grades with a quota that applies (not the last grade, which has nowhere to move units to).
    static func quotaGrades(_ rules: Rules) -> [Grade] {
        rules.grades.dropLast().filter { $0.quotaPercent != nil }
    }
}

/// The texts of `QuotaCheck`, in Chinese and English.
enum QuotaMessages {
    static func rules(grade: String, quota: Rational, fewest: Int?) -> Diagnostic.Parts {
        let q = quota.plainText()
        guard let fewest else {
            return Diagnostic.Parts(
                text: Localized(zh: "等级「\(grade)」的名额为 0%：任何情况下都没有单位能获得该等级",
                                en: "grade `\(grade)` has a quota of 0%: no unit may ever hold it"),
                hint: Localized(zh: "若这不是本意，请提高名额或去掉 quota", en: "if that is not intended, raise the quota or remove it"))
        }
        let below = fewest - 1
        // Below 1 it is most likely a fraction written for a percentage (0.3 for 30%).
        let fraction = quota < .one
            ? Localized(zh: "`quota` 是百分数：\(q) 是 \(q)%；要 \((quota * Rational(100)).plainText())% 就写 \((quota * Rational(100)).plainText())",
                        en: "`quota` is a percentage: \(q) is \(q)%; for \((quota * Rational(100)).plainText())% write \((quota * Rational(100)).plainText())")
            : nil
        return Diagnostic.Parts(
            text: Localized(zh: "等级「\(grade)」的名额为 \(q)%：参评单位少于 \(fewest) 个时，没有单位能获得该等级（⌊\(q)% × \(below)⌋ = 0）",
                            en: "grade `\(grade)` has a quota of \(q)%: in a session of fewer than \(fewest) units no unit may hold it (⌊\(q)% × \(below)⌋ = 0)"),
            hint: fraction ?? Localized(zh: "名额按 ⌊名额% × 单位数⌋ 向下取整；单位较少的场次请留意", en: "the quota allows ⌊quota% × units⌋, rounded down; mind small sessions"))
    }

    static func session(grade: String, quota: Rational, units: Int) -> Diagnostic.Parts {
        let q = quota.plainText()
        return Diagnostic.Parts(
            text: Localized(zh: "等级「\(grade)」的名额为 \(q)%，本次 \(units) 个单位只允许 ⌊\(q)% × \(units)⌋ = 0 个单位获得该等级：按总分达到该等级的单位都将降入下一等级",
                            en: "grade `\(grade)` has a quota of \(q)%: with \(units) units, ⌊\(q)% × \(units)⌋ = 0 may hold it, so every unit that reaches it moves to the next grade"),
            hint: Localized(zh: "若这不是本意，请提高名额或去掉 quota", en: "if that is not intended, raise the quota or remove it"))
    }
}
