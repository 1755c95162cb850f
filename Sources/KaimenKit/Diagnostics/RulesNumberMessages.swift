/// The texts of `rules-number-beyond-limits`: a number in a rules file (a value such as
/// `points`, `min`, `perUnit`, a weight, a cap, or a literal inside a formula) beyond the
/// limits data values have (`NumberLimits`: 12 digits before the point, 6 after).
enum RulesNumberMessages {
    typealias L = Localized

    /// `points`: `1e13` is larger than …
    static func beyondLimits(_ key: String, _ problem: NumberLimits.Problem, _ text: String) -> L {
        let what = NumberLimits.message(problem, text: text)
        return L(zh: "`\(key)`：\(what.zh)", en: "`\(key)`: \(what.en)")
    }

    /// A literal inside a formula.
    static func literalBeyondLimits(_ problem: NumberLimits.Problem, _ text: String) -> L {
        let what = NumberLimits.message(problem, text: text)
        return L(zh: "公式中的数字 \(what.zh)", en: "the number in the formula: \(what.en)")
    }

    /// Points beyond ``NumberLimits/largestPoints``.
    static func pointsBeyondLimit(_ key: String, _ text: String) -> L {
        L(zh: "`\(key)`：分值 \(text) 超过了上限 1000000", en: "`\(key)`: \(text) is more than the 1000000 points a rules file may give at most")
    }
    static let pointsHint = L(zh: "分值按分计，一套细则满分通常是 100；核对这个数（是否多写了几个 0）",
                              en: "points count as points: a rules file's full marks are usually 100; check the figure (a few zeros too many?)")

    static func hint(_ problem: NumberLimits.Problem) -> L {
        switch problem {
        case .tooLarge:
            L(zh: "规则文件中的数与数据值限制相同；请核对该数，或换用更大的计量单位（如“万元”）并相应修改数据",
              en: "numbers in a rules file have the same limits as data values; check the figure, or use a larger unit (e.g. 10,000 yuan) and change the data to match")
        case .tooManyDecimals:
            L(zh: "规则文件中的数与数据值限制相同；请四舍五入到 \(NumberLimits.maxDecimals) 位小数以内（公式中可写成分数，如 `1/3`）",
              en: "numbers in a rules file have the same limits as data values; round it to at most \(NumberLimits.maxDecimals) decimals (in a formula, a fraction such as `1/3` is exact)")
        }
    }
}
