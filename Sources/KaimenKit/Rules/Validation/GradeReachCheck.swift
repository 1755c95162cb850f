/// Grades no unit can reach: a grade whose lower bound lies above the most a unit can score,
/// the full marks plus the most the bonuses can add (`bonusCap`, or all bonuses' points when
/// there is no cap). Legal, but never meant: a tuner who raises a threshold past the full marks,
/// or lowers the full marks below it, is told by `rules check`, not by a session.
public enum GradeReachCheck {
    /// The most a unit can score: every area full, every bonus, at most `bonusCap`.
    public static func highestTotal(_ rules: Rules) -> Rational {
        let bonuses = rules.bonuses.reduce(Rational.zero) { $0 + $1.points }
        let cap = rules.bonusCap.map { min($0, bonuses) } ?? bonuses
        return rules.totalPoints + cap
    }

    /// For `rules check`: one warning per grade out of reach.
    public static func rulesWarnings(_ rules: Rules) -> [Diagnostic] {
        let highest = highestTotal(rules)
        let bonus = highest - rules.totalPoints
        return rules.grades.compactMap { g in
            guard let min = g.min, min > highest else { return nil }
            let m = GradeReachMessages.unreachable(grade: g.name, min: min, highest: highest, full: rules.totalPoints, bonus: bonus)
            return .warning(.gradeUnreachable, m.text, at: g.origin.fields["min"] ?? g.origin.location, path: g.origin.path + ".min", hint: m.hint)
        }
    }
}

/// The texts of `GradeReachCheck`, in Chinese and English.
enum GradeReachMessages {
    static func unreachable(grade: String, min: Rational, highest: Rational, full: Rational, bonus: Rational) -> Diagnostic.Parts {
        let plus = bonus > .zero ? (zh: " + 加分至多 \(bonus.plainText())", en: " + at most \(bonus.plainText()) of bonuses") : (zh: "", en: "")
        return Diagnostic.Parts(
            text: Localized(zh: "等级「\(grade)」的下限 \(min.plainText()) 分高于单位可能得到的最高分 \(highest.plainText()) 分（满分 \(full.plainText())\(plus.zh)）：没有单位能获得该等级",
                            en: "grade \(grade)'s lower bound \(min.plainText()) is above the most a unit can score, \(highest.plainText()) (full marks \(full.plainText())\(plus.en)): no unit can reach it"),
            hint: Localized(zh: "把下限改到 \(highest.plainText()) 分以内，或核对各方面的分值", en: "set the bound at most \(highest.plainText()), or check the areas' points"))
    }
}
