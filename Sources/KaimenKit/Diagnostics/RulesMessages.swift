/// The texts of the problems found while decoding a rules file (shapes of values, methods,
/// grades, ranking and ballot policy), in Chinese and English.
enum RulesMessages {
    typealias L = Localized

    // MARK: Names of the things in a rules file

    static let rulesFile = L(zh: "规则文件", en: "the rules file")
    static func quoted(_ key: String) -> L { L(same: "`\(key)`") }
    static let ballotPolicy = L(zh: "投票规则（ballots）", en: "the ballot policy")
    static let precondition = L(zh: "前提条件（precondition）", en: "the precondition")
    static let ratio = L(zh: "比率（ratio）", en: "the ratio")
    static let surveyWeights = L(zh: "满意度权重（weights）", en: "the survey weights")
    static let participation = L(zh: "参与率要求（participation）", en: "the participation requirement")
    static func metric(_ id: String?, _ index: Int) -> L {
        id.map { L(zh: "指标 `\($0)`", en: "metric `\($0)`") } ?? L(zh: "第 \(index + 1) 个指标", en: "metric #\(index + 1)")
    }
    static func area(_ id: String?, _ index: Int) -> L {
        id.map { L(zh: "方面 `\($0)`", en: "area `\($0)`") } ?? L(zh: "第 \(index + 1) 个方面", en: "area #\(index + 1)")
    }
    static func role(_ role: Standard.Role) -> L {
        switch role {
        case .standard: L(zh: "标准", en: "standard")
        case .bonus: L(zh: "加分项", en: "bonus item")
        case .deduction: L(zh: "扣分项", en: "deduction item")
        }
    }
    static func entry(_ role: Standard.Role, _ id: String?, _ index: Int) -> L {
        let r = self.role(role)
        return id.map { L(zh: "\(r.zh) `\($0)`", en: "\(r.en) `\($0)`") } ?? L(zh: "第 \(index + 1) 条\(r.zh)", en: "\(r.en) #\(index + 1)")
    }
    static func band(_ i: Int, of what: L) -> L { L(zh: "\(what.zh) 的第 \(i + 1) 档", en: "band \(i + 1) of \(what.en)") }
    static func checklistItem(_ i: Int, of what: L) -> L { L(zh: "\(what.zh) 的第 \(i + 1) 个检查项", en: "checklist item \(i + 1) of \(what.en)") }
    static func grade(_ i: Int) -> L { L(zh: "第 \(i + 1) 个等级", en: "grade \(i + 1)") }
    static func veto(_ id: String?, _ index: Int) -> L {
        id.map { L(zh: "否决项 `\($0)`", en: "veto `\($0)`") } ?? L(zh: "第 \(index + 1) 个否决项", en: "veto #\(index + 1)")
    }
    static func tieBreak(_ i: Int) -> L { L(zh: "第 \(i + 1) 个同分比较条件", en: "tie-break \(i + 1)") }

    /// 对象 / an object, … for a JSON value's type.
    static func typeName(_ node: JSONNode) -> L {
        switch node.value {
        case .object: L(zh: "对象", en: "an object")
        case .array: L(zh: "列表", en: "an array")
        case .string: L(zh: "文字", en: "a string")
        case .number: L(zh: "数字", en: "a number")
        // In Chinese as the formula messages say them (真/假), with the value written.
        case .bool(let b): L(zh: "真/假值 `\(b)`", en: "true/false")
        case .null: L(zh: "空值 `null`", en: "null")
        }
    }

    // MARK: Shapes of values (ObjectReader)

    /// What is named, then a Chinese word: a space after a quoted id or key, none after Chinese.
    static func lead(_ what: L) -> String { what.zh.hasSuffix("`") ? what.zh + " " : what.zh }
    static func mustBeObject(_ what: L, _ node: JSONNode) -> L {
        L(zh: "\(lead(what))必须是对象 `{ … }`，不能是\(typeName(node).zh)", en: "\(what.en) must be an object `{ … }`, not \(typeName(node).en)")
    }
    static func missingKey(_ what: L, _ key: String, _ expected: L) -> L {
        L(zh: "\(lead(what))缺少键 `\(key)`（\(expected.zh)）", en: "\(what.en) is missing the key `\(key)` (\(expected.en))")
    }
    static func addKey(_ key: String) -> L { L(zh: "加上 \"\(key)\": …", en: "add \"\(key)\": …") }
    static func wrongType(_ key: String, _ expected: L, _ node: JSONNode) -> L {
        L(zh: "`\(key)` 必须是\(expected.zh)，不能是\(typeName(node).zh)", en: "`\(key)` must be \(expected.en), not \(typeName(node).en)")
    }
    static func notWhole(_ key: String, _ text: String) -> L {
        L(zh: "`\(key)` 必须是整数，不能是 \(text)", en: "`\(key)` must be a whole number, not \(text)")
    }
    static let text = L(zh: "文字", en: "text")
    static let quotedText = L(zh: "双引号里的文字", en: "text in double quotes")
    static let aNumber = L(zh: "数字", en: "a number")
    static let wholeNumber = L(zh: "整数", en: "a whole number")
    static let trueOrFalse = L(zh: "true 或 false", en: "true or false")
    static let anObject = L(zh: "对象", en: "an object")
    static let aList = L(zh: "列表 `[ … ]`", en: "a list `[ … ]`")
    static func oneOf(_ options: [String]) -> L {
        let list = options.map { "`\($0)`" }
        return L(zh: "\(list.joined(separator: "、")) 之一", en: "one of \(list.joined(separator: ", "))")
    }
    /// `text-too-long`: the text quoted cut short (``Echo/cell(_:)``).
    static func tooLong(_ key: String, _ text: String, count: Int, limit: Int) -> L {
        let quoted = Echo.cell(text)
        return L(zh: "`\(key)` 的文字 `\(quoted)` 有 \(count) 个字符，超过上限 \(limit) 个",
                 en: "`\(key)`'s text `\(quoted)` has \(count) characters, more than the \(limit) allowed")
    }
    static let tooLongNameHint = L(zh: "看看这里是不是误粘贴了别的内容；名称要简短，细则的说明写在 `criteria` 里",
                                   en: "check whether something else was pasted here; keep names short and put the explanation in `criteria`")
    static let tooLongIDHint = L(zh: "看看这里是不是误粘贴了别的内容；编号要简短（如 `rights.contracts`），名称写在 `name` 里",
                                 en: "check whether something else was pasted here; keep ids short (say `rights.contracts`) and put the name in `name`")
    static let tooLongCriteriaHint = L(zh: "看看这里是不是误粘贴了别的内容；评分表和工作簿只放得下要点，完整的文件另行印发",
                                       en: "check whether something else was pasted here; score sheets and the workbook hold the gist, not the whole document")
    static func emptyValue(_ key: String) -> L { L(zh: "`\(key)` 不能为空", en: "`\(key)` must not be empty") }
    static func metricIDWithMinus(_ s: String) -> L {
        L(zh: "`\(s)` 不能作指标编号：公式会把 `-` 读成减号", en: "`\(s)` is not a valid metric id: formulas would read `-` as a minus sign")
    }
    static func reservedMetricID(_ s: String, function: Bool) -> L {
        function ? L(zh: "`\(s)` 不能作指标编号：它是公式里的函数名", en: "`\(s)` cannot be a metric id: it is the name of a formula function")
            : L(zh: "`\(s)` 不能作指标编号：它是公式里的关键字", en: "`\(s)` cannot be a metric id: it is a formula keyword")
    }
    static func pickAnotherID(_ s: String) -> L {
        L(zh: "换一个编号，例如 `\(s)_count`，公式里也用这个新编号", en: "pick another id, such as `\(s)_count`, and use it in the formulas too")
    }
    static func writeInstead(_ s: String) -> L { L(zh: "改写成 `\(s)`", en: "write `\(s)` instead") }
    static func invalidID(_ s: String) -> L {
        L(zh: "`\(s)` 不能作编号：编号由英文字母、数字、`_`、`-` 和 `.` 组成，以字母开头",
          en: "`\(s)` is not a valid id: ids are ASCII letters, digits, `_`, `-` and `.`, starting with a letter")
    }
    static let chineseInName = L(zh: "中文写在 `name` 里", en: "keep Chinese text for `name`")

    /// What is wrong with an id that is not one, by what it holds, and the id it was most
    /// likely meant to be: a space at an end, an invisible character, full-width letters or
    /// `。` typed with a Chinese input method. Only Chinese text is told to go in `name` (a
    /// rules author's trial: every bad id, a trailing space too, was told so).
    static func invalidIDHint(_ s: String) -> L {
        let scalars = Array(s.unicodeScalars)
        let spaces: Set<UInt32> = [0x20, 0x09, 0xA0, 0x3000]
        // Chinese first: no other change makes an id of it.
        if scalars.contains(where: { $0.properties.isIdeographic }) { return chineseInName }
        // The id with every slip put right: full-width letters as ASCII (as a unit id typed so is
        // matched, `UnitMatcher.normalized`), `。` as `.`, invisible characters and spaces out.
        var meant = String.UnicodeScalarView()
        for u in UnitMatcher.normalized(s).unicodeScalars where !(Echo.isInvisible(u) || Echo.isControl(u) || spaces.contains(u.value)) {
            meant.append(u == "。" ? "." : u)
        }
        let candidate = String(meant)
        let write = IDSyntax.isValid(candidate) ? (zh: "：写 `\(candidate)`", en: ": write `\(candidate)`") : (zh: "", en: "")
        if let u = scalars.first(where: { Echo.isInvisible($0) || (Echo.isControl($0) && $0 != "\t") }) {
            let name = Echo.codePoint(u) + (u.value == 0x200B ? "（零宽空格）" : "")
            let nameEN = Echo.codePoint(u) + (u.value == 0x200B ? " (zero-width space)" : "")
            return L(zh: "编号里有看不见的字符 \(name)，删去它\(write.zh)", en: "the id holds an invisible character, \(nameEN); delete it\(write.en)")
        }
        if let first = scalars.first, let last = scalars.last, spaces.contains(first.value) || spaces.contains(last.value) {
            return L(zh: "去掉编号首尾的空格\(write.zh)", en: "remove the space at the id's start or end\(write.en)")
        }
        if scalars.contains(where: { spaces.contains($0.value) }) {
            return L(zh: "编号里不能有空格\(write.zh)", en: "an id holds no spaces\(write.en)")
        }
        if let u = scalars.first(where: { (0xFF01...0xFF5E).contains($0.value) || $0 == "。" }) {
            return L(zh: "编号里有全角字符 `\(Character(u))`：用半角（英文输入法）\(write.zh)", en: "the id holds the full-width `\(Character(u))`: use ASCII\(write.en)")
        }
        if let first = scalars.first, !(first.isASCII && first.properties.isAlphabetic) {
            return L(zh: "编号要以英文字母开头", en: "an id starts with an ASCII letter")
        }
        return L(zh: "只用英文字母、数字、`_`、`-` 和 `.`\(write.zh)", en: "use ASCII letters, digits, `_`, `-` and `.` only\(write.en)")
    }
    // A number written as text or with `%` (`NumberMeaning`): what to write, by what the field counts.
    static func removeQuotes(_ number: String) -> L { L(zh: "去掉引号：写 \(number)", en: "remove the quotes: write \(number)") }
    static func numberInDigits(_ number: String) -> L {
        L(zh: "数用阿拉伯数字写，不加引号：写 \(number)", en: "write the number in digits, without quotes: write \(number)")
    }
    static func pointsWithoutUnit(_ number: String) -> L {
        L(zh: "分数写成不带引号的数，不写“分”：写 \(number)", en: "write points as a number without quotes or “分”: write \(number)")
    }
    static func pointsNotPercent(_ key: String, _ number: String) -> L {
        L(zh: "`\(key)` 是分数，不是比率：写 \(number)（分），不带引号和 %",
          en: "`\(key)` is in points, not a ratio: write \(number) (points), without quotes or %")
    }
    static func percentAsNumber(_ key: String, _ number: String) -> L {
        L(zh: "`\(key)` 是百分数，只写数：\(number)% 写 \(number)，不带引号和 %",
          en: "`\(key)` is a percentage, written as its number: \(number) for \(number)%, without quotes or %")
    }
    static func measureNotPercent(_ key: String) -> L {
        L(zh: "`\(key)` 与指标本身的数值比较，不是比率：写不带引号和 % 的数",
          en: "`\(key)` is compared with the metric's own value, not a rate: write a number without quotes or %")
    }
    static func dataPercent(_ number: String, _ fraction: String) -> L {
        L(zh: "测试里的取值照单位文件的写法：写 \"\(number)%\"（带引号）或 \(fraction)",
          en: "a test's values are written as in a units file: write \"\(number)%\" (in quotes) or \(fraction)")
    }
    static func thresholdPercent(_ key: String, _ number: String, _ fraction: String) -> L {
        let head = L(zh: "`\(key)` 不带 %：比较比率（如签订率）时写小数 \(fraction)，比较人数、金额等数量时写数本身",
                     en: "`\(key)` takes no %: \(fraction) when it is compared with a rate, the number itself when with a count or an amount")
        return head.appending(meantFraction(number))
    }
    static func fractionFromPercent(_ number: String, _ fraction: String, quoted: Bool) -> L {
        L(zh: "比率写成\(quoted ? "不带引号的" : "")小数：\(number)% 写 \(fraction)",
          en: "write rates as fractions\(quoted ? " without quotes" : ""): \(fraction) for \(number)%").appending(meantFraction(number))
    }
    /// `0.99%`: most likely 99% written as its fraction with a % after it (a rules author's
    /// trial followed `写 0.0099` and set a threshold a hundred times too low): said too.
    static func meantFraction(_ number: String) -> L {
        guard let n = Rational(decimal: number), !n.isZero, !n.isNegative, n <= .one else { return L(same: "") }
        let percent = (n * Rational(100)).plainText()
        return L(zh: "；若要的是 \(percent)%，写 \(number)", en: "; for \(percent)%, write \(number)")
    }
    static func numberWithoutPercent(_ number: String) -> L {
        L(zh: "写不带引号和 % 的数，例如 \(number)", en: "write a number without quotes or %, e.g. \(number)")
    }
    static func mustBeNumber(_ key: String, _ node: JSONNode) -> L {
        L(zh: "`\(key)` 必须是数字，不能是\(typeName(node).zh)", en: "`\(key)` must be a number, not \(typeName(node).en)")
    }
    static func notExact(_ text: String) -> L {
        L(zh: "`\(text)` 超出了 kaimen 能精确保存的数", en: "`\(text)` is not a number kaimen can hold exactly")
    }
    static func negative(_ key: String, _ text: String) -> L {
        L(zh: "`\(key)` 不能为负，但写的是 \(text)", en: "`\(key)` must not be negative, but is \(text)")
    }
    static func outOfRange(_ key: String, _ range: ClosedRange<Int>, _ n: Int) -> L {
        L(zh: "`\(key)` 必须在 \(range.lowerBound) 到 \(range.upperBound) 之间，不能是 \(n)",
          en: "`\(key)` must be between \(range.lowerBound) and \(range.upperBound), not \(n)")
    }
    static func invalidChoice(_ s: String, _ key: String, _ options: [String]) -> L {
        let list = options.map { "`\($0)`" }
        return L(zh: "`\(s)` 不是有效的 `\(key)`；可用 \(list.joined(separator: "、"))",
                 en: "`\(s)` is not a valid `\(key)`; use one of \(list.joined(separator: ", "))")
    }
    /// `公式计算` for `expression`: the word people use, answered with the key's value.
    static func writeChoice(_ word: String, _ option: String) -> L {
        L(zh: "`\(word)` 写作 `\(option)`", en: "write `\(option)` for `\(word)`")
    }
    /// The hint for `s` where one of `options` was expected: the option a word people use
    /// stands for (`words`), else the closest option.
    static func choiceHint(_ s: String, among options: [String], words: [String: String]) -> L? {
        words[s.trimmingSpaces()].map { writeChoice(s, $0) } ?? L.didYouMean(s, among: options)
    }
    /// What people call a tie-break's `by` and `order` values.
    static let tieBreakWords: [String: String] = [
        "代表评分": "ballots", "代表打分": "ballots", "方面": "area", "标准": "standard", "指标": "metric", "加分": "bonus", "加分项": "bonus",
    ]
    /// What a rules author may write for `notAssessable`, `missing`, `aggregate`, `insufficient`
    /// and a ballot standard's `target` in Chinese (a rules author's trial: only `kind`,
    /// `method`, `by` and `order` were answered with their key).
    static let notAssessableWords: [String: String] = [
        "不得分": "zero", "得0分": "zero", "得 0 分": "zero", "零分": "zero", "满分": "full", "得满分": "full",
        "按比例": "prorate", "按比例折算": "prorate", "折算": "prorate", "按比例计": "prorate",
    ]
    static let missingWords: [String: String] = [
        "必须填写": "error", "必须填写（空着即报错）": "error", "报错": "error", "必填": "error", "按0计": "zero", "按 0 计": "zero", "计为0": "zero", "零": "zero", "按“否”计": "zero",
        "不予考核": "notAssessable", "不考核": "notAssessable", "读它的标准不予考核": "notAssessable",
    ]
    static let aggregateWords: [String: String] = [
        "平均": "mean", "平均分": "mean", "平均值": "mean", "中位数": "median", "中位": "median",
        "去掉最高最低": "trimmedMean", "去掉最高最低取平均": "trimmedMean", "截尾平均": "trimmedMean", "去极值平均": "trimmedMean",
    ]
    static let insufficientWords: [String: String] = [
        "不予考核": "notAssessable", "不考核": "notAssessable", "按不可评处理": "notAssessable", "不可评": "notAssessable",
        "不得分": "zero", "零分": "zero", "得0分": "zero", "计 0 分": "zero", "计0分": "zero",
    ]
    static let targetWords: [String: String] = ["标准": "standard", "按标准": "standard", "按标准打分": "standard", "方面": "area", "按方面": "area", "按方面打分": "area"]
    static let orderWords: [String: String] = [
        "降序": "desc", "从高到低": "desc", "高者优先": "desc", "高分优先": "desc", "升序": "asc", "从低到高": "asc", "低者优先": "asc", "低分优先": "asc",
    ]
    static func mustBeList(_ key: String, _ node: JSONNode) -> L {
        L(zh: "`\(key)` 必须是列表 `[ … ]`，不能是\(typeName(node).zh)", en: "`\(key)` must be a list `[ … ]`, not \(typeName(node).en)")
    }
    static let putInList = L(zh: "把各项放进列表：[ { … }, { … } ]", en: "put the entries in a list: [ { … }, { … } ]")
    static func unknownKey(_ key: String, _ what: L) -> L {
        // `标准 \`rights.contracts\` 里`: a space after a quoted id, none after Chinese (`第 1 个指标里`).
        L(zh: "\(lead(what))里没有键 `\(key)`", en: "unknown key `\(key)` in \(what.en)")
    }

    // MARK: A rules file's tests (RulesTestsDecoder)

    /// 测试 `name` 的 `metrics` / `metrics` of test `name`.
    static func testPart(_ key: String, _ test: String) -> L {
        L(zh: "测试 `\(test)` 的 `\(key)`", en: "`\(key)` of test `\(test)`")
    }
    static func testMetricType(_ metric: String, _ test: String, _ node: JSONNode) -> L {
        L(zh: "测试 `\(test)` 的指标 `\(metric)` 必须是数字或文字，不能是\(typeName(node).zh)",
          en: "the metric `\(metric)` of test `\(test)` must be a number or text, not \(typeName(node).en)")
    }
    static let testMetricHint = L(zh: "一个指标写一个值，如 \"workers\": 120 或 \"rate\": \"91.5%\"",
                                  en: "give one value per metric, e.g. \"workers\": 120 or \"rate\": \"91.5%\"")
    static func testBallotsType(_ item: String, _ test: String, _ node: JSONNode) -> L {
        L(zh: "测试 `\(test)` 中 `\(item)` 的票必须是分数的列表 `[ … ]`，不能是\(typeName(node).zh)",
          en: "the ballots for `\(item)` in test `\(test)` must be a list of scores `[ … ]`, not \(typeName(node).en)")
    }
    static let testBallotsHint = L(zh: "每位代表一个分数，写在列表里，如 [3, 3.5, 4]；只有一票也写成 [4]",
                                   en: "one score per representative, in a list such as [3, 3.5, 4]; a single ballot is [4]")

    // MARK: The rules file (RulesDecoder)

    static func unsupportedFormat(_ format: Int) -> L {
        L(zh: "这个 kaimen 读取第 1 版规则格式，但文件写的是 \(format)", en: "this kaimen reads rules format 1, but the file says \(format)")
    }
    static let newerKaimen = L(zh: "换用更新的 kaimen，或写 format 1", en: "use a newer kaimen, or write format 1")
    static func emptyCollection(_ key: String) -> L { L(zh: "规则文件没有 \(key)", en: "the rules file has no \(key)") }
    static func addAtLeastOne(_ key: String) -> L? {
        switch key {
        case "areas": L(zh: "至少加一个方面", en: "add at least one area")
        case "standards": L(zh: "至少加一条标准", en: "add at least one standard")
        case "grades": L(zh: "加上等级，例如 优秀 / 良好 / 合格 / 不合格", en: "add grades such as 优秀 / 良好 / 合格 / 不合格")
        default: nil
        }
    }
    static func periodBackwards(_ from: String, _ to: String) -> L {
        L(zh: "有效期的结束日期（\(to)）早于开始日期（\(from)）", en: "the effective period ends (\(to)) before it starts (\(from))")
    }
    static func notADate(_ s: String) -> L { L(zh: "`\(s)` 不是日期；请写成 YYYY-MM-DD", en: "`\(s)` is not a date; write it as YYYY-MM-DD") }
    static func notAssessableChoice(allowPoints: Bool) -> L {
        L(zh: "`notAssessable` 必须是 `zero`、`full`、`prorate`\(allowPoints ? " 或一个分值" : " 之一")",
          en: "`notAssessable` must be \(allowPoints ? "" : "one of ")`zero`, `full`, `prorate`\(allowPoints ? " or a number of points" : "")")
    }
    static func unknownMetric(_ id: String) -> L { L(zh: "没有指标 `\(id)`", en: "unknown metric `\(id)`") }
    static let declareMetric = L(zh: "在 `metrics` 下声明它", en: "declare it under `metrics`")
    static func metricAndRatio(_ what: L) -> L {
        L(zh: "\(what.zh) 同时有 `metric` 和 `ratio`；只留一个", en: "\(what.en) has both `metric` and `ratio`; keep one")
    }
    static func needsMetricOrRatio(_ what: L) -> L {
        L(zh: "\(what.zh) 需要 `metric` 或 `ratio` 说明读哪个指标", en: "\(what.en) needs `metric` or `ratio` to say what it reads")
    }
    static let addMetricOrRatio = L(zh: "加上 \"metric\": \"…\" 或 \"ratio\": { \"numerator\": …, \"denominator\": …, \"zero\": 0 }",
                                    en: "add \"metric\": \"…\" or \"ratio\": { \"numerator\": …, \"denominator\": …, \"zero\": 0 }")
    static let zeroChoice = L(zh: "`zero` 必须是分数、`full` 或 `notAssessable`", en: "`zero` must be a number of points, `full` or `notAssessable`")
    static let ratioNeedsZero = L(zh: "比率必须说明分母为 0 时得多少分（`zero`）", en: "the ratio must say what a zero denominator gives (`zero`)")
    static let addZero = L(zh: "加上 \"zero\": 0、\"zero\": \"full\" 或 \"zero\": \"notAssessable\"",
                           en: "add \"zero\": 0, \"zero\": \"full\" or \"zero\": \"notAssessable\"")
    static func noBands(_ what: L) -> L { L(zh: "\(what.zh) 没有分档（bands）", en: "\(what.en) has no bands") }
    static let addBand = L(zh: "至少加一档 { \"min\": …, \"points\": … }", en: "add at least one { \"min\": …, \"points\": … }")
    static let minOrMax = L(zh: "一档只能有 `min` 或 `max` 之一，不能两个都有", en: "a band has either `min` or `max`, not both")
    static func bandNeedsThreshold(_ i: Int, _ what: L) -> L {
        L(zh: "\(what.zh) 的第 \(i + 1) 档需要 `min`（值 ≥ min）或 `max`（值 ≤ max）",
          en: "band \(i + 1) of \(what.en) needs `min` (value ≥ min) or `max` (value ≤ max)")
    }
    static func bandsMixed(_ what: L) -> L {
        L(zh: "\(what.zh) 的分档混用了 `min` 和 `max`；所有档请用同一种", en: "the bands of \(what.en) mix `min` and `max`; use one kind for all bands")
    }
    static func noChecklist(_ what: L) -> L { L(zh: "\(what.zh) 没有检查项", en: "\(what.en) has no checklist items") }
    static func ballotOnlyStandards(_ role: Standard.Role) -> L {
        L(zh: "只有标准可以由代表打分，\(self.role(role).zh)不行", en: "only standards can be scored by ballot, not \(self.role(role).en)s")
    }
    static func surveyWeight(_ key: String, _ v: String) -> L {
        L(zh: "满意度权重 `\(key)` 必须在 0 到 1 之间，不能是 \(v)", en: "survey weight `\(key)` must be between 0 and 1, not \(v)")
    }
    static func participationMin(_ v: String) -> L {
        L(zh: "参与率 `min` 是 0 到 1 之间的小数（60% 写 0.6），不能是 \(v)",
          en: "participation `min` is a fraction between 0 and 1 (0.6 for 60%), not \(v)")
    }
    static func trimNeedsBallots(_ k: Int, _ minBallots: Int) -> L {
        L(zh: "去掉 \(k) 个最高分和 \(k) 个最低分，需要 `minBallots` 大于 \(2 * k)，不能是 \(minBallots)",
          en: "trimming \(k) highest and \(k) lowest needs `minBallots` above \(2 * k), not \(minBallots)")
    }
    static func quotaRange(_ v: String) -> L {
        L(zh: "`quota` 是 0 到 100 之间的百分比，不能是 \(v)", en: "`quota` is a percentage between 0 and 100, not \(v)")
    }
    static func vetoNeedsEffect(_ what: L) -> L {
        L(zh: "\(what.zh) 必须规定等级（`grade`）、封顶总分（`capTotal`），或两者都有",
          en: "\(what.en) must force a `grade`, cap the total (`capTotal`), or both")
    }
    static func tieBreakNoID(_ by: String) -> L { L(zh: "同分时按 `\(by)` 比较不需要 `id`", en: "tie-break by `\(by)` takes no `id`") }
    static let scoreStepPositive = L(zh: "`scoreStep` 必须大于 0", en: "`scoreStep` must be above 0")
    static func weightsSum(_ b: String, _ m: String, _ sum: String) -> L {
        L(zh: "`combine` 的权重之和必须是 100，但 \(b) + \(m) = \(sum)", en: "the `combine` weights must add up to 100, but \(b) + \(m) = \(sum)")
    }
    /// The two ways to make the weights add up, each keeping one of them (a tuner's 30 + 60).
    static func weightsSumFix(ballots b: String, metrics m: String, otherMetrics: String, otherBallots: String) -> L {
        L(zh: "代表评分保持 \(b) 就把 \"metrics\" 改成 \(otherMetrics)；指标保持 \(m) 就把 \"ballots\" 改成 \(otherBallots)",
          en: "keep ballots at \(b) and make \"metrics\" \(otherMetrics), or keep metrics at \(m) and make \"ballots\" \(otherBallots)")
    }
    static func sumTakesNo(_ key: String) -> L {
        L(zh: "`combine` 的 `sum` 模式不需要 `\(key)`", en: "`combine` mode `sum` takes no `\(key)`")
    }
    static let useWeighted = L(zh: "要给两部分加权，请写 \"mode\": \"weighted\"", en: "use \"mode\": \"weighted\" to weight the parts")
    static func combineNoBallots(_ w: String) -> L {
        L(zh: "`ballots.combine` 给代表打分 \(w)%，但没有标准由代表打分", en: "`ballots.combine` gives ballots \(w)%, but no standard is scored by ballot")
    }
    static func combineNoMetrics(_ w: String) -> L {
        L(zh: "`ballots.combine` 给指标 \(w)%，但所有标准都由代表打分", en: "`ballots.combine` gives metrics \(w)%, but every standard is scored by ballot")
    }
    static let combineFixNoBallots = L(zh: "删去 `combine`（或写 \"mode\": \"sum\"），或把代表打分的份额写为 0，或加一条 \"method\": \"ballot\" 的标准",
                                       en: "drop `combine` (or write \"mode\": \"sum\"), give ballots 0, or add a standard with \"method\": \"ballot\"")
    static let combineFixNoMetrics = L(zh: "删去 `combine`（或写 \"mode\": \"sum\"），或把指标的份额写为 0，或加一条按指标计分的标准",
                                       en: "drop `combine` (or write \"mode\": \"sum\"), give metrics 0, or add a standard scored from metrics")
}
