/// The texts of the problems found in units files: their columns, their units and their metric cells.
extension ReaderMessages {
    // MARK: Columns

    static let noUnitIDColumn = L(zh: "单位文件没有单位编号列", en: "the units file has no unit id column")
    static let nameUnitIDColumn = L(zh: "把第一列命名为 `id`（或 单位编号）", en: "name the first column `id` (or 单位编号)")
    static let noUnitNameColumn = L(zh: "单位文件没有单位名称列", en: "the units file has no unit name column")
    static let addUnitNameColumn = L(zh: "加一列 `name`（或 单位名称）", en: "add a column `name` (or 单位名称)")
    static func noMetricColumn(_ name: String, _ id: String) -> L {
        L(zh: "单位文件没有“\(name)”（`\(id)`）这一列，而规则要求填报", en: "the units file has no column for \(name) (`\(id)`), which the rules require")
    }
    static func addColumn(_ id: String) -> L { L(zh: "加一列，列名为 `\(id)`", en: "add a column named `\(id)`") }
    /// A metric without its column, and an unread column near its id or Chinese name.
    static func metricColumnNear(_ header: String, _ name: String, _ id: String) -> L {
        L(zh: "是不是 `\(header)` 这一列？列名写指标的中文名“\(name)”或编号 `\(id)`，两者都认",
          en: "is it the column `\(header)`? Head it with the metric's Chinese name \(name) or its id `\(id)`: either is read")
    }
    /// An unread column near a metric's id or Chinese name.
    static func columnNearMetric(_ name: String, _ id: String) -> L {
        L(zh: "是不是“\(name)”（`\(id)`）？列名写指标的中文名或编号都认",
          en: "did you mean \(name) (`\(id)`)? A column may be headed by the metric's Chinese name or its id")
    }
    static func metricColumnTwice(_ name: String, _ id: String, idColumn: String, nameColumn: String) -> L {
        L(zh: "指标“\(name)”（`\(id)`）有两列：\(idColumn) 列写编号 `\(id)`，\(nameColumn) 列写名称“\(name)”；两列的值不能都用",
          en: "metric \(name) (`\(id)`) has two columns: \(idColumn) headed by its id `\(id)` and \(nameColumn) by its name \(name); only one can be read")
    }
    static let keepOneMetricColumn = L(zh: "删掉其中一列，或把不用的一列改个别的列名", en: "delete one of them, or rename the one not to be read")
    static func columnNotMetric(_ name: String) -> L {
        L(zh: "`\(name)` 列不是这套规则的指标，已忽略", en: "column `\(name)` is not a metric of these rules and is ignored")
    }
    static func keyNotMetric(_ name: String) -> L {
        L(zh: "`\(name)` 不是这套规则的指标，已忽略", en: "`\(name)` is not a metric of these rules and is ignored")
    }

    /// `json`: a JSON units file, where no unit gives the metric (there are no columns).
    static func metricColumnAbsent(_ name: String, _ id: String, missing: MetricDefinition.Missing, flag: Bool = false, json: Bool = false) -> L {
        let zero = flag ? (zh: "按“否”计", en: "counts as no") : (zh: "按 0 计", en: "counts as 0")
        let head = json ? (zh: "单位文件中没有一个单位给出 \(name)（`\(id)`）", en: "no unit in the units file gives \(name) (`\(id)`)")
                        : (zh: "单位文件没有 \(name)（`\(id)`）这一列", en: "the units file has no column for \(name) (`\(id)`)")
        return missing == .zero
            ? L(zh: "\(head.zh)：按规则（空值\(zero.zh)），每个单位的这项指标都\(zero.zh)",
                en: "\(head.en): by its rule (an empty value \(zero.en)), every unit's value \(zero.en)")
            : L(zh: "\(head.zh)：按规则（空值不予考核），每个单位读取它的标准都不予考核",
                en: "\(head.en): by its rule (an empty value is not assessable), every standard reading it is not assessed for any unit")
    }
    static func metricColumnAbsentHint(_ id: String) -> L {
        L(zh: "补上 `\(id)` 列（没有数据的单位留空）；若确实没有这项数据，这条警告可以不理会",
          en: "add a `\(id)` column (leave a unit's cell empty where it has no value); if there is no such data at all, this warning can be left")
    }

    // MARK: Units

    static let unitWithoutID = L(zh: "有一个单位没有编号", en: "a unit has no id")
    static let giveUnitID = L(zh: "给每个单位一个编号，例如 U01", en: "give every unit an id such as U01")
    static func duplicateUnit(_ id: String, firstRow: Int) -> L {
        L(zh: "单位编号 `\(id)` 用了两次；第一次在第 \(firstRow) 行", en: "unit id `\(id)` is used twice; first at row \(firstRow)")
    }
    static let ownUnitID = L(zh: "每个单位要有自己的编号", en: "each unit needs its own id")
    /// `unit-id-is-name`: the id cell holds a name (`sameAsName`: the row's own name).
    static func unitIDIsName(_ id: String, sameAsName: Bool) -> L {
        sameAsName
            ? L(zh: "单位编号一格写的是 `\(id)`，与本行的单位名称相同：这是名称，不是编号", en: "the unit id cell holds `\(id)`, the row's unit name: a name, not an id")
            : L(zh: "单位编号一格写的是 `\(id)`，像是单位名称，不是编号", en: "the unit id cell holds `\(id)`, which looks like a unit's name, not an id")
    }
    /// `unit-id-is-name`: the id cell holds the name of the unit in spreadsheet row `row` (another row's).
    static func unitIDIsOtherName(_ id: String, row: Int) -> L {
        L(zh: "单位编号一格写的是 `\(id)`，与第 \(row) 行的单位名称相同：这是名称，不是编号",
          en: "the unit id cell holds `\(id)`, the unit name of row \(row): a name, not an id")
    }
    /// `number-beyond-limits`: a metric's value beyond what kaimen holds exactly (`limit`, ``NumberLimits/message(_:text:)``).
    static func metricBeyondLimits(_ id: String, _ name: String, _ metric: String, _ limit: L) -> L {
        L(zh: "单位 `\(id)` 的\(name)（`\(metric)`）：\(limit.zh)", en: "unit `\(id)`, \(name) (`\(metric)`): \(limit.en)")
    }
    /// `example`: another unit's id, to show what one looks like.
    static func writeUnitID(example: String?) -> L {
        let e = example.map { (zh: "（如 `\($0)`）", en: " (such as `\($0)`)") } ?? (zh: "", en: "")
        return L(zh: "在这一格填这个单位的编号\(e.zh)，与代表名单和选票里写的一致；名称写在单位名称列",
                 en: "write the unit's id in this cell\(e.en), as the roster and the ballots write it; its name goes in the name column")
    }
    /// A roster entry that matches no unit while some units' id cells hold names.
    static func rosterUnitNotFound(rep: String, repName: String, entry: String, column: RecusalViolation.Reason) -> L {
        let who = repName.isEmpty ? rep + " " : "\(rep)（\(repName)）", whoEn = repName.isEmpty ? rep : "\(rep) (\(repName))"
        let c = RosterMessages.columnName(column)
        return L(zh: "代表 \(who)的\(c.zh)写作 `\(entry)`，不是单位文件里任何单位的编号或全称",
                 en: "representative \(whoEn): \(c.en) `\(entry)` is neither the id nor the exact name of a unit in the units file")
    }
    /// After a message about an id of another file that matches no unit: units whose id cells
    /// hold names (`unit-id-is-name`), by their row, so the id may be one of theirs.
    static func idMaybeMisnamed(_ units: [Unit]) -> L {
        let rows = units.prefix(3).map { u in u.location.cell?.row ?? u.location.line }
        let more = units.count > 3 ? "…" : ""
        let file = units.first.map { Echo.shown($0.location.file) } ?? ""
        let one = units.count == 1
        return L(zh: "；单位文件 \(file) 第 \(rows.map(String.init).joined(separator: "、"))\(more) 行的编号一格写的是单位名称，这个编号多半就是\(one ? "那个单位" : "其中一个单位")的：先改正单位文件",
                 en: "; the units file \(file) holds a unit's name in the id cell of row\(one ? "" : "s") \(rows.map(String.init).joined(separator: ", "))\(more), so this id is most likely \(one ? "that unit's" : "one of those units'"): correct the units file first")
    }
    static func unitWithoutName(_ id: String) -> L { L(zh: "单位 `\(id)` 没有名称", en: "unit `\(id)` has no name") }
    static func invalidMetric(_ unit: String, _ name: String, _ id: String, _ problem: L) -> L {
        L(zh: "单位 `\(unit)` 的“\(name)”（`\(id)`）：\(problem.zh)", en: "unit `\(unit)`, \(name) (`\(id)`): \(problem.en)")
    }
    static func missingMetric(_ unit: String, _ name: String, _ id: String) -> L {
        L(zh: "单位 `\(unit)` 没有填“\(name)”（`\(id)`）", en: "unit `\(unit)` has no value for \(name) (`\(id)`)")
    }
    /// The cell holds a word read as no value (`无`, `N/A`, `-`): a secretary who wrote `无` for
    /// no disputes was told the cell was not filled.
    static func missingMetricWritten(_ unit: String, _ name: String, _ id: String, _ written: String) -> L {
        L(zh: "单位 `\(unit)` 的“\(name)”（`\(id)`）写的是 `\(written)`，按没有填处理",
          en: "unit `\(unit)`, \(name) (`\(id)`): `\(written)` is read as no value")
    }
    static let fillMetricWritten = L(zh: "如果是零，请写 0；否则请填上数值。如果允许空着，在规则里给这个指标写 \"missing\": \"zero\" 或 \"notAssessable\"",
                                     en: "if it is none, write 0; otherwise fill in the figure. If it may be left empty, declare the metric with \"missing\": \"zero\" or \"notAssessable\"")
    static let fillMetric = L(zh: "请填上；如果允许空着，在规则里给这个指标写 \"missing\": \"zero\" 或 \"notAssessable\"",
                              en: "fill it in; if it may be left empty, declare the metric with \"missing\": \"zero\" or \"notAssessable\"")
    /// A unit without a category in a file that gives others one (`example`: the first given).
    static func unitWithoutCategory(_ id: String, example: String) -> L {
        L(zh: "单位 `\(id)` 没有填类别（其他单位填了，如 `\(example)`）：空着会把它归入“未分类”，与同类单位分开排类别名次",
          en: "unit `\(id)` has no category (other units have one, such as `\(example)`): left empty, it would be ranked in a category of its own (未分类), apart from its like")
    }
    static let fillCategory = L(zh: "填上它的类别，与其他单位的写法一致", en: "fill in its category, written as the other units' are")
    /// A cell a merged range covers below or beside its top left cell, so it reads empty.
    static func mergedCell(_ range: WorkbookFacts.Range) -> L {
        L(zh: "这一格在合并单元格 \(range.reference) 里：合并后的值只存在左上角的 \(range.topLeft)，其余各格都是空的；取消合并，在每一行填上它自己的值",
          en: "this cell lies in the merged range \(range.reference): a merged value is stored in its top left cell \(range.topLeft) only, and the other cells are empty; unmerge them and fill in each row's own value")
    }
    static func noUnits(_ file: String) -> L { L(zh: "`\(file)` 里没有单位", en: "`\(file)` lists no units") }
    static let addUnitRows = L(zh: "在表头下面每个单位写一行", en: "add one row per unit under the header")
    /// `ratio-above-one`, said of `who` (`单位 `U8``, or a rules file's test: `测试“名称”`).
    static func ratioAboveOne(_ who: L, _ numName: String, _ num: String, _ denName: String, _ den: String) -> L {
        L(zh: "\(who.zh)：“\(numName)”（\(num)）大于“\(denName)”（\(den)），两者之比不能超过 100%",
          en: "\(who.en): \(numName) (\(num)) is larger than \(denName) (\(den)); their ratio cannot exceed 100%")
    }
    static let checkRatio = L(zh: "请核对两个数；如果比例确实可以超过 100%，在该规则里写 \"maxOne\": false",
                              en: "check both figures; if a ratio above 100% is right, set \"maxOne\": false in the rule")
    /// `survey-above-population`: a survey's three counts, each as the file has it (`F 列
    /// survey_satisfied 1500`: its column letter and header; without a cell, the metric id), add
    /// up to more than its population; said of `who`, as `ratioAboveOne`.
    static func surveyAbovePopulation(_ who: L, parts: [(where: L, value: String)], sum: String, popName: String, pop: String) -> L {
        let terms = parts.map { (zh: "\($0.where.zh) \($0.value)", en: "\($0.where.en) \($0.value)") }
        return L(zh: "\(who.zh)：满意、基本满意、不满意三项人数相加为 \(sum)（\(terms.map(\.zh).joined(separator: " + "))），多于“\(popName)”（\(pop)）；参加测评的人数不能超过总人数，参与率不能超过 100%",
                 en: "\(who.en): the satisfied, fairly satisfied and dissatisfied counts add up to \(sum) (\(terms.map(\.en).joined(separator: " + "))), more than \(popName) (\(pop)); no more people can take part in a survey than there are, so participation cannot exceed 100%")
    }
    /// A survey count as `surveyAbovePopulation` names it: its column letter and header, or its id.
    static func surveyCount(letter: String?, header: String?, id: String) -> L {
        guard let letter else { return L(zh: "`\(id)`", en: "`\(id)`") }
        let header = Echo.cell(header ?? id)
        return L(zh: "\(letter) 列 \(header)", en: "column \(letter) \(header)")
    }
    static func checkSurvey(_ popName: String) -> L {
        L(zh: "请核对这三项人数和“\(popName)”：可能是人数录多了（如录成了人次），或“\(popName)”填错了",
          en: "check the three counts and \(popName): a count may be too large (answers counted more than once), or \(popName) wrong")
    }
    /// What a unit's values beyond a bound (`UnitTable.impossibleValues`) are told, and the fix:
    /// each survey count by its cell when `cells` (a units file; not a `--set` value). Said of
    /// the unit (`单位 `X01``), or of `who` (a rules file's test unit, `测试“名称”`).
    static func impossible(_ v: UnitTable.ImpossibleValue, in table: UnitTable, rules: Rules, cells: Bool, who: L? = nil) -> (text: L, hint: L) {
        let id = Echo.cell(table.units[v.unit].id)
        let unit = who ?? L(zh: "单位 `\(id)`", en: "unit `\(id)`")
        let limit = rules.metrics[v.limit]
        switch v.kind {
        case .ratio:
            return (ratioAboveOne(unit, rules.metrics[v.parts[0]].name, v.partValues[0].plainText(), limit.name, v.limitValue.plainText()), checkRatio)
        case .survey:
            let parts = zip(v.parts, v.partValues).map { m, value in
                let cell = cells ? table.places.location(metric: m, unit: v.unit)?.cell : nil
                return (where: surveyCount(letter: cell?.letter, header: cell?.header, id: rules.metrics[m].id), value: value.plainText())
            }
            return (surveyAbovePopulation(unit, parts: parts, sum: v.sum.plainText(), popName: limit.name, pop: v.limitValue.plainText()),
                    checkSurvey(limit.name))
        }
    }
    static func notUTF8JSON(_ file: String) -> L { L(zh: "`\(file)` 不是 UTF-8 文本", en: "`\(file)` is not UTF-8 text") }
    static let saveUTF8 = L(zh: "请存为 UTF-8", en: "save it as UTF-8")
    static let unitsNotList = L(zh: "单位文件必须是单位的列表，或带 `units` 的对象", en: "the units file must be a list of units, or an object with `units`")
    static let unitNotObject = L(zh: "每个单位必须是一个对象", en: "each unit must be an object")

    // MARK: Metric cells

    static func notYesNo(_ text: String) -> L { L(zh: "`\(text)` 不是“是/否”", en: "`\(text)` is not a yes/no value") }
    static let writeYesNo = L(zh: "写 1 或 0（是/否）", en: "write 1 or 0 (是/否)")
    static func notANumber(_ text: String) -> L { L(zh: "`\(text)` 不是数字", en: "`\(text)` is not a number") }
    static let commaGrouping = L(zh: "小数请用小数点（`31.75`）；逗号只能分隔千位（`1,234`）",
                                 en: "write decimals with a point (`31.75`); commas may only separate thousands (`1,234`)")
    static let notAFigure = L(zh: "请填实际数字；不知道就空着", en: "enter the actual figure, or leave the cell empty if it is unknown")
    static func percentForKind(_ text: String, _ kind: MetricDefinition.Kind) -> L {
        L(zh: "`\(text)` 是百分数，但这个指标是\(kindName(kind).zh)", en: "`\(text)` is a percentage, but this metric is \(kind == .amount ? "an" : "a") \(kind.rawValue)")
    }
    static let enterFigure = L(zh: "请填数值本身", en: "enter the figure itself")
    static func negativeCount(_ text: String) -> L { L(zh: "人数、个数不能为负（`\(text)`）", en: "a count cannot be negative (`\(text)`)") }
    static func fractionalCount(_ text: String) -> L { L(zh: "人数、个数必须是整数，不能是 `\(text)`", en: "a count must be a whole number, not `\(text)`") }
    static func negativeAmount(_ text: String) -> L { L(zh: "`\(text)` 是负数；这个金额不能为负", en: "`\(text)` is negative; this amount cannot be") }
    static func negativeRate(_ text: String) -> L { L(zh: "比率不能为负（`\(text)`）", en: "a rate cannot be negative (`\(text)`)") }
    static func rateAbove100(_ text: String) -> L { L(zh: "比率 `\(text)` 超过了 100%", en: "the rate `\(text)` is above 100%") }
    static let writeRate = L(zh: "比率写成小数（0.875）或百分数（87.5%）", en: "write rates as fractions (0.875) or percentages (87.5%)")

    /// 人数 / count, 金额 / amount, …
    static func kindName(_ kind: MetricDefinition.Kind) -> L {
        switch kind {
        case .count: L(zh: "计数", en: "count")
        case .rate: L(zh: "比率", en: "rate")
        case .amount: L(zh: "金额", en: "amount")
        case .number: L(zh: "数值", en: "number")
        case .flag: L(zh: "是/否", en: "flag")
        }
    }
}
