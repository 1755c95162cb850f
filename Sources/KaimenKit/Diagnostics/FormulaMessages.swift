/// The texts of the problems in a formula (`expression`, `when`, `precondition`), in Chinese
/// and English.
enum FormulaMessages {
    typealias L = Localized

    // MARK: Lexer and parser

    static let bang = L(zh: "公式里有意外的字符 `!`", en: "unexpected character `!` in formula")
    static let notOrNotEqual = L(zh: "取反写 `not x`，“不等于”写 `!=`", en: "write `not x` for negation, or `!=` for “not equal”")
    static let angleBrackets = L(zh: "`<>` 不是运算符", en: "`<>` is not an operator")
    static let writeNotEqual = L(zh: "“不等于”写 `!=`", en: "write `!=` for “not equal”")
    static func metricByName(_ name: String, id: String) -> L {
        L(zh: "公式里的指标写编号，不写名称：把“\(name)”写作 `\(id)`", en: "a formula reads a metric by its id, not its name: write `\(id)` for “\(name)”")
    }
    static func unexpectedCharacter(_ c: String) -> L { L(zh: "公式里有意外的字符 `\(c)`", en: "unexpected character `\(c)` in formula") }
    static func writeASCII(_ ascii: String, _ c: String) -> L {
        L(zh: "把 `\(c)` 换成英文的 `\(ascii)`", en: "write the ASCII `\(ascii)` instead of `\(c)`")
    }
    static let writeAnd = L(zh: "写 `and`", en: "write `and`")
    static let writeOr = L(zh: "写 `or`", en: "write `or`")
    static let noPower = L(zh: "没有乘方运算符；请用乘法", en: "there is no power operator; multiply instead")
    static let digitBeforePoint = L(zh: "小数点前要写数字，例如 `0.5`", en: "write a digit before the point, e.g. `0.5`")
    static let noPercent = L(zh: "公式里没有百分号：比率写成小数，90% 写 0.9", en: "formulas have no percent sign: write rates as fractions, 0.9 for 90%")
    static func percentAsFraction(_ number: String, _ fraction: String) -> L {
        L(zh: "公式里没有百分号：\(number)% 写 \(fraction)", en: "formulas have no percent sign: write \(fraction) for \(number)%")
    }
    static let noStrings = L(zh: "公式里没有字符串；用指标编号来引用指标", en: "formulas have no strings; name a metric by its id")
    static func tooManyDigits(_ literal: String) -> L { L(zh: "数字 `\(literal)` 位数太多", en: "the number `\(literal)` has too many digits") }
    static let digitLimit = L(zh: "数字最多 30 位有效数字，指数最大 30", en: "numbers may have at most 30 significant digits and an exponent up to 30")
    static func tooLong(_ n: Int, _ max: Int) -> L {
        L(zh: "公式有 \(n) 个字符；最多允许 \(max) 个", en: "the formula is \(n) characters long; at most \(max) are allowed")
    }
    static let splitStandards = L(zh: "把它拆成几条更简单的标准", en: "split it into simpler standards")
    static let empty = L(zh: "公式是空的", en: "the formula is empty")
    static func tooDeep(_ n: Int) -> L { L(zh: "公式嵌套超过 \(n) 层", en: "the formula is nested more than \(n) levels deep") }
    static let splitParts = L(zh: "把它拆成更简单的几部分", en: "split it into simpler parts")
    /// `这里应该是 `,` 或 `)`，但出现了 `x``: a code span spaced from the Chinese before it.
    static func expected(_ what: L, found: L) -> L {
        L(zh: "这里应该是\(what.zh.hasPrefix("`") ? " " : "")\(what.zh)，但出现了\(found.zh)", en: "expected \(what.en), but found \(found.en)")
    }
    /// What was found, to follow `出现了`: a token with a space before it (`出现了 `,``), as code
    /// spans are spaced in the other messages.
    static func found(_ token: Token) -> L {
        token.kind == .end ? L(zh: "公式结尾", en: "the end of the formula") : L(zh: " `\(token.text)`", en: "`\(token.text)`")
    }
    static let thenAfterCondition = L(zh: "`if` 条件后的 `then`", en: "`then` after the condition of `if`")
    static let writeIf = L(zh: "写成 `if 条件 then a else b`", en: "write `if condition then a else b`")
    static let elseAfterThen = L(zh: "`if … then …` 后的 `else`", en: "`else` after `if … then …`")
    static let everyIfElse = L(zh: "每个 `if` 都要有 `else`：`if 条件 then a else b`", en: "every `if` needs an `else`: `if condition then a else b`")
    static func chained(_ op: String, _ next: String) -> L {
        L(zh: "比较不能连写：`\(op)` 后面又跟着 `\(next)`", en: "comparisons cannot be chained: `\(op)` is followed by `\(next)`")
    }
    static let joinWithAnd = L(zh: "用 `and` 连接两个比较，例如 `0 < x and x < 1`", en: "join two comparisons with `and`, e.g. `0 < x and x < 1`")
    static let closeParen = L(same: "`)`")
    static let openParenIs = L(zh: "它要闭合的 `(` 在", en: "the `(` it should close is")
    static let ifInParens = L(zh: "`if` 作为更大公式的一部分时必须放在括号里", en: "`if` must be in parentheses when it is part of a larger formula")
    static let writeIfParens = L(zh: "写成 `(if 条件 then a else b)`", en: "write `(if condition then a else b)`")
    static let notInParens = L(zh: "这里的 `not` 必须放在括号里", en: "`not` must be in parentheses here")
    static let writeNotParens = L(zh: "写成 `(not 条件)`", en: "write `(not condition)`")
    static let operand = L(zh: "数字、指标或 `(`", en: "a number, a metric or `(`")
    static let doubledComma = L(zh: "多写了一个 `,`：删去一个", en: "one `,` too many: remove one")
    static let argumentAfterComma = L(zh: "`,` 后面少了一个参数：删去这个 `,`，或补上参数", en: "an argument is missing after the `,`: remove the `,` or add the argument")
    static let argumentAfterParen = L(zh: "`(` 后面少了第一个参数", en: "the first argument is missing after `(`")
    /// `【members】`, `[members]`: a metric is written by its id alone.
    static func bracketed(_ id: String?) -> L {
        guard let id else { return L(zh: "公式里只用英文圆括号 `( )` 分组", en: "formulas group with ASCII parentheses `( )` only") }
        return L(zh: "指标直接写编号，不加括号：写 `\(id)`", en: "a metric is written by its id alone, without brackets: write `\(id)`")
    }
    static func commaOrParen(_ name: String) -> L { L(zh: "`\(name)` 的参数后的 `,` 或 `)`", en: "`,` or `)` after an argument of `\(name)`") }
    static let unmatchedParen = L(zh: "多余的 `)`", en: "unmatched `)`")
    static let removeParen = L(zh: "删掉它，或补上它闭合的 `(`", en: "remove it, or add the `(` it closes")
    static let strayComma = L(zh: "函数调用之外出现了 `,`", en: "unexpected `,` outside a function call")
    static func withoutIf(_ word: String) -> L { L(zh: "`\(word)` 前面没有 `if`", en: "`\(word)` without `if`") }
    static func afterComplete(_ found: L) -> L { L(zh: "完整的公式后面出现了\(found.zh)", en: "unexpected \(found.en) after a complete formula") }
    static func lowerCase(_ word: String) -> L { L(zh: "关键字要小写：`\(word)`", en: "keywords are lower case: `\(word)`") }
    static let operatorMissing = L(zh: "它前面是不是少了 `+` 或 `and` 这样的运算符？", en: "is an operator such as `+` or `and` missing before it?")
    /// `（第 7 行第 20 列）` / ` at 7:20`: where the hint's place is.
    static func at(line: Int, column: Int) -> L { L(zh: "第 \(line) 行第 \(column) 列", en: "at \(line):\(column)") }

    // MARK: Names and types

    static func phrase(_ t: FormulaType) -> L { t == .number ? L(zh: "数字", en: "a number") : L(zh: "真/假", en: "true/false") }
    static func plural(_ t: FormulaType) -> L { t == .number ? L(zh: "数字", en: "numbers") : L(zh: "真/假", en: "true/false") }
    static let compareHint = L(zh: "和别的值比较，例如 `… > 0`", en: "compare it with something, e.g. `… > 0`")
    static let ifToPoints = L(zh: "用 `if 条件 then a else b` 把条件变成分数", en: "use `if condition then a else b` to turn a condition into points")
    static func mustGive(_ expecting: FormulaType, _ type: FormulaType) -> L {
        L(zh: "这个公式应该得出\(phrase(expecting).zh)，但它得出的是\(phrase(type).zh)",
          en: "this formula must give \(phrase(expecting).en), but it gives \(phrase(type).en)")
    }
    static func isFunction(_ name: String, _ usage: String) -> L { L(zh: "`\(name)` 是函数：写成 `\(usage)`", en: "`\(name)` is a function: write `\(usage)`") }
    static func unknownMetric(_ name: String) -> L { L(zh: "公式里的指标 `\(name)` 不存在", en: "unknown metric `\(name)` in formula") }
    static let minusNeedsNumber = L(zh: "`-` 需要数字，但它的操作数是真/假", en: "`-` needs a number, but its operand is true/false")
    static let notNeedsBoolean = L(zh: "`not` 需要真/假，但它的操作数是数字", en: "`not` needs true/false, but its operand is a number")
    static let compareNot = L(zh: "和别的值比较，例如 `not (x > 0)`", en: "compare it with something, e.g. `not (x > 0)`")
    static let conditionNumber = L(zh: "`if` 的条件必须是真/假，但它是数字", en: "the condition of `if` must be true/false, but it is a number")
    static let compareIf = L(zh: "和别的值比较，例如 `if x > 0 then …`", en: "compare it with something, e.g. `if x > 0 then …`")
    static func branchesDiffer(_ a: FormulaType, _ b: FormulaType) -> L {
        L(zh: "`if` 的两个分支不一致：`then` 得出\(phrase(a).zh)，`else` 得出\(phrase(b).zh)",
          en: "the branches of `if` differ: `then` gives \(phrase(a).en), but `else` gives \(phrase(b).en)")
    }
    static func sameKind(_ op: String, _ a: FormulaType, _ b: FormulaType) -> L {
        L(zh: "`\(op)` 比较同类的值，但左边是\(phrase(a).zh)，右边是\(phrase(b).zh)",
          en: "`\(op)` compares values of the same kind, but the left side is \(phrase(a).en) and the right side is \(phrase(b).en)")
    }
    static func bothSides(_ op: String, _ needed: FormulaType, left: Bool, _ t: FormulaType) -> L {
        L(zh: "`\(op)` 两边都要是\(plural(needed).zh)，但\(left ? "左" : "右")边是\(phrase(t).zh)",
          en: "`\(op)` needs \(plural(needed).en) on both sides, but the \(left ? "left" : "right") side is \(phrase(t).en)")
    }
    static let divisionByZero = L(zh: "除以零", en: "division by zero")
    static func alwaysZero(_ divisor: String) -> L { L(zh: "除数 `\(divisor)` 总是 0", en: "the divisor `\(divisor)` is always 0") }
    static func constantTooLarge(_ part: String) -> L {
        L(zh: "公式里 `\(part)` 的值超出了能计算的范围（绝对值须小于 9.2×10¹⁸）",
          en: "the value of `\(part)` in the formula is beyond what kaimen computes (its magnitude must be below 9.2·10¹⁸)")
    }
    static let constantTooLargeHint = L(zh: "这一部分不含指标，对每个单位都超出范围：检查这些数字的位数",
                                        en: "it reads no metric, so it is beyond range for every unit: check the digits of its numbers")
    static func theFunctions(_ names: [String]) -> L {
        let list = names.map { "`\($0)`" }
        return L(zh: "可用的函数有 \(list.joined(separator: "、"))", en: "the functions are \(list.joined(separator: ", "))")
    }
    static func unknownFunction(_ name: String) -> L { L(zh: "公式里的函数 `\(name)` 不存在", en: "unknown function `\(name)` in formula") }
    static func arity(_ name: String, min: Int, max: Int?, got: Int) -> L {
        let zh: String, en: String
        switch max {
        case nil: (zh, en) = ("至少要 \(min) 个参数", "takes at least \(min) arguments")
        case min?: (zh, en) = ("要 \(min) 个参数", min == 1 ? "takes 1 argument" : "takes \(min) arguments")
        case let high?: (zh, en) = high == min + 1 ? ("要 \(min) 或 \(high) 个参数", "takes \(min) or \(high) arguments")
                                                   : ("要 \(min) 到 \(high) 个参数", "takes \(min) to \(high) arguments")
        }
        return L(zh: "`\(name)` \(zh)，但给了 \(got) 个", en: "`\(name)` \(en), got \(got)")
    }
    static func writeUsage(_ usage: String) -> L { L(zh: "写成 `\(usage)`", en: "write `\(usage)`") }
    static func argumentBoolean(_ name: String, _ i: Int) -> L {
        L(zh: "`\(name)` 需要数字，但第 \(i) 个参数是真/假", en: "`\(name)` needs numbers, but argument \(i) is true/false")
    }
    static func roundPlaces(_ arg: String) -> L {
        L(zh: "`round` 保留 0 到 6 位小数，位数要写整数，但给的是 `\(arg)`",
          en: "`round` rounds to 0 to 6 decimal places, written as a whole number, but got `\(arg)`")
    }
    static let roundExample = L(zh: "例如 `round(x, 2)`", en: "e.g. `round(x, 2)`")
    static func clampBounds(_ low: String, _ high: String) -> L {
        L(zh: "`clamp` 的下限 `\(low)` 不能大于上限 `\(high)`", en: "`clamp` needs its lower bound `\(low)` at most its upper bound `\(high)`")
    }
}
