/// The texts of the problems found in units, roster and ballots files (their columns and cells), in Chinese and English.
enum ReaderMessages {
    typealias L = Localized

    // MARK: Files

    /// An input file that changed while the run had it (`input-changed-during-run`).
    enum InputChange {
        /// Part of it could no longer be read as the bulk readers read it (`MappedFile`).
        case cutShort
        /// Its size or time of change moved while the bulk readers read it.
        case changedWhileRead
        /// Under `--out`: not the file the run began with when its digest was taken
        /// (`OutputError.inputChanged`).
        case changedDuringRun
    }
    static func inputChanged(_ file: String, _ change: InputChange) -> L {
        switch change {
        case .cutShort:
            return L(zh: "输入文件 `\(file)` 在读取过程中有一部分读不到了（文件被改短了，或磁盘出错）：读到的不是完整的文件",
                     en: "part of the input file `\(file)` could no longer be read while it was read (the file was cut short, or the disk failed): what was read is not the whole file")
        case .changedWhileRead:
            return L(zh: "输入文件 `\(file)` 在读取过程中被改动了（大小或修改时间变了）：读到的内容不是同一版文件",
                     en: "the input file `\(file)` changed while it was read (its size or time of change moved): what was read is not one version of the file")
        case .changedDuringRun:
            return L(zh: "输入文件 `\(file)` 在本次运行中被改动了（大小、修改时间或文件本身被替换，与开始时不同）：结果无法与清单记录的摘要对应",
                     en: "the input file `\(file)` changed during the run (its size, its time of change, or the file itself, replaced, is not what it was at the start): the results cannot be matched to the digest the manifest would record")
        }
    }
    static let waitUntilSaved = L(zh: "等写入这个文件的程序（Excel、同步盘等）保存完毕、文件不再变动后，重新运行",
                                  en: "wait until the program writing it (Excel, a synced folder) has saved it and it no longer changes, then run again")
    static let checkTheDisk = L(zh: "；若文件并没有被改动，请检查磁盘（或把文件复制到本机磁盘上）",
                                en: "; if the file was not changed, check the disk (or copy the file to a local disk)")

    /// `input-changed-during-run` for a file the bulk readers read as it changed: `cutShort`, a
    /// page past its new end (or one the disk could not give, which the same signal reports).
    static func changedWhileRead(_ file: String, cutShort: Bool) -> Diagnostic {
        .error(DiagnosticCode.inputChangedDuringRun.rawValue, inputChanged(file, cutShort ? .cutShort : .changedWhileRead),
               hint: cutShort ? waitUntilSaved.appending(checkTheDisk) : waitUntilSaved)
    }

    // MARK: Workbooks

    /// `workbook-formula`: a formula stored without its value (`formula` without `=`; empty
    /// for a shared formula's follower).
    static func formulaWithoutValue(_ formula: String) -> L {
        let (zh, en) = formula.isEmpty ? ("这一格是公式", "this cell is a formula") : ("这一格是公式 `=\(formula)`", "this cell is the formula `=\(formula)`")
        return L(zh: zh + "，文件里却没有存它算出的值：这个文件多半是由程序生成、还没有在 Excel 或 WPS 中打开保存过",
                 en: en + ", and the file does not hold the value it works out to: most likely a program wrote the file, and it has not been opened and saved in Excel or WPS since")
    }
    static let computeFormulas = L(zh: "用 Excel、WPS 或 LibreOffice 打开它再保存一次（保存时会算出每个公式的值），或让生成它的程序写入数值而不是公式",
                                   en: "open it in Excel, WPS or LibreOffice and save it again (saving works out every formula's value), or have the program that wrote it write values instead of formulas")

    /// `title-row`: the first row (`row`) holds one cell (`title`, in column `column`), and the header is below it.
    static func titleRow(row: Int, column: String, title: String, headerRow: Int) -> L {
        L(zh: "第 \(row) 行像是标题（只有 \(column) 列有内容：`\(title)`），表头在第 \(headerRow) 行",
          en: "row \(row) looks like a title (only column \(column) holds anything: `\(title)`), and the header is in row \(headerRow)")
    }
    static func deleteTitleRow(row: Int) -> L {
        L(zh: "删去第 \(row) 行（标题行），让表头成为第一行：kaimen 把第一行当作表头",
          en: "delete row \(row) (the title), so that the header is the first row: kaimen takes the first row as the header")
    }

    /// `workbook-hidden-row`: rows hidden in the worksheet, read like any other.
    static func hiddenRows(_ rows: [Int]) -> L {
        let shown = rows.prefix(10).map(String.init), more = rows.count > 10
        return L(zh: "第 \(shown.joined(separator: "、"))\(more ? "…" : "") 行在工作簿里是隐藏的\(more ? "（共 \(rows.count) 行）" : "")，已照常读取",
                 en: "row\(rows.count == 1 ? "" : "s") \(shown.joined(separator: ", "))\(more ? "…" : "") \(rows.count == 1 ? "is" : "are") hidden in the workbook\(more ? " (\(rows.count) in all)" : ""), and \(rows.count == 1 ? "was" : "were") read like any other")
    }
    static let hiddenRowsHint = L(zh: "隐藏的行照样计分：若它们不该计入，删去这些行；若该计入，取消隐藏并核对一遍",
                                  en: "hidden rows are scored like any other: if they should not count, delete them; if they should, unhide them and check them")
    /// `workbook-hidden-column`: columns hidden in the worksheet, read like any other, each by
    /// its letter and header (`nil` past the header), the first 10 and how many in all.
    static func hiddenColumns(_ columns: [(letter: String, header: String?)]) -> L {
        let shown = columns.prefix(10), more = columns.count > 10
        let zh = shown.map { "\($0.letter) 列" + ($0.header.map { "（\($0)）" } ?? "") }.joined(separator: "、")
        let en = shown.map { $0.letter + ($0.header.map { " (\($0))" } ?? "") }.joined(separator: ", ")
        return L(zh: "\(zh)\(more ? "…" : "")在工作簿里是隐藏的\(more ? "（共 \(columns.count) 列）" : "")，已照常读取",
                 en: "column\(columns.count == 1 ? "" : "s") \(en)\(more ? "…" : "") \(columns.count == 1 ? "is" : "are") hidden in the workbook\(more ? " (\(columns.count) in all)" : ""), and \(columns.count == 1 ? "was" : "were") read like any other")
    }
    static let hiddenColumnsHint = L(zh: "隐藏的列照样读取（指标、分数照样计分）：若它们不该计入，删去这些列；若该计入，取消隐藏并核对一遍",
                                     en: "hidden columns are read like any other (a metric's or a score's counts): if they should not count, delete them; if they should, unhide them and check them")
    /// A cell in a date format where a number is due: the number it holds (`nil` for a date stored as such).
    static func dateCell(number: String?) -> L {
        guard let number else {
            return L(zh: "这一格在工作簿里存的是日期，不是数字：把这一列的单元格格式改为“常规”或“数值”，重新输入数字",
                     en: "this cell holds a date in the workbook, not a number: set the column's format to General or Number and type the figure again")
        }
        return L(zh: "这一格在工作簿里设成了日期格式，存的数是 \(number)：把这一列的单元格格式改为“常规”或“数值”，再核对这个数",
                 en: "this cell has a date format in the workbook, and holds the number \(number): set the column's format to General or Number and check the figure")
    }

    /// A cell in an elapsed-time format (`[h]:mm`) where a number is due: a duration, and the
    /// number of days it holds.
    static func elapsedCell(number: String) -> L {
        L(zh: "这一格在工作簿里设成了时长格式（如 [h]:mm），显示的是时长，存的数是 \(number)（以天计，1 即 24 小时）：把这一列的单元格格式改为“常规”或“数值”，按应填的单位重新输入数字",
          en: "this cell has an elapsed-time format in the workbook (such as [h]:mm): it shows a duration, and holds the number \(number) (in days, 1 being 24 hours): set the column's format to General or Number and type the figure again in the unit it is due in")
    }

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

    // MARK: Hints for a number typed with something around it

    static func removeSuffix(_ suffix: String, _ number: String) -> L {
        L(zh: "去掉 `\(suffix)`，只写数字：`\(number)`", en: "remove `\(suffix)` and write the number alone: `\(number)`")
    }
    static func multiplySuffix(_ word: String, places: Int, _ whole: String) -> L {
        let factor = "1" + String(repeating: "0", count: places)
        return L(zh: "`\(word)` 是乘以 \(factor)，不能直接去掉：写成 `\(whole)`", en: "`\(word)` means × \(factor) and cannot simply be dropped: write `\(whole)`")
    }
    /// A mark typed for "not scored" as a ballot's score (`-`, `N/A`, `/`, `—`, `×`, `无` …: a
    /// units file reads some of them as a missing value, a ballots file none), quoted as typed:
    /// a wide file's cell is left empty, a long file's row deleted (it exists to carry a score;
    /// before 0.29.3 it too was told to leave the cell empty, which is another error there).
    static func noScoreMark(_ mark: String, long: Bool) -> L {
        long ? L(zh: "代表没有给这一项打分的，删去这一行即可（选票中 `\(mark)` 不表示未打分；长表的每一行记一个分数）",
                 en: "where the representative gave no score, delete the row (`\(mark)` does not mean \"no score\" in a ballots file, and each row of a long file carries one score)")
             : L(zh: "代表没有给这一项打分的，这一格留空即可（选票中 `\(mark)` 不表示未打分）",
                 en: "where the representative gave no score, leave the cell empty (`\(mark)` does not mean \"no score\" in a ballots file)")
    }
    static func spaceEitherWay(_ joined: String, _ point: String) -> L {
        L(zh: "中间有空格：是 `\(joined)` 还是 `\(point)`？核对原表后照写", en: "a space inside: is it `\(joined)` or `\(point)`? Check the paper and write it so")
    }
    static func spaceForPoint(_ fixed: String) -> L {
        L(zh: "把中间的空格换成小数点：`\(fixed)`", en: "replace the space inside with a decimal point: `\(fixed)`")
    }
    static func removeSpaces(_ fixed: String) -> L {
        L(zh: "去掉中间的空格：`\(fixed)`", en: "remove the space inside: `\(fixed)`")
    }
    static func commaForPoint(_ comma: String, _ fixed: String) -> L {
        L(zh: "小数请用小数点：把 `\(comma)` 换成 `.`，写成 `\(fixed)`；逗号只能分隔千位（`1,234`）",
          en: "write decimals with a point: replace `\(comma)` with `.`, as `\(fixed)`; commas may only separate thousands (`1,234`)")
    }
    static func replaceMark(_ mark: String, _ by: String, _ fixed: String) -> L {
        L(zh: "把 `\(mark)` 换成 `\(by)`：`\(fixed)`", en: "replace `\(mark)` with `\(by)`: `\(fixed)`")
    }

    // MARK: What a spreadsheet puts in a cell

    /// `=1+1` as a cell's text: a formula typed into a cell in the Text format, or written by a program as text.
    static func formulaAsText(_ text: String) -> L {
        L(zh: "`\(text)` 是公式的文字，不是它算出的值：填上数值本身（在 Excel 中，设成“文本”格式的单元格不计算公式）",
          en: "`\(text)` is a formula's text, not the value it works out to: enter the value itself (in Excel, a cell in the Text format does not work out a formula)")
    }
    /// `#DIV/0!` and Excel's other error values.
    static func excelError(_ text: String) -> L {
        L(zh: "`\(text)` 是 Excel 的错误值：这一格的公式没有算出结果（例如除以 0，或引用了文字）；改正公式，或填上数值",
          en: "`\(text)` is an Excel error value: the cell's formula gave no result (a division by 0, or a reference to text, say); correct the formula, or enter the value")
    }
    /// A date or time where a number is due (in a CSV file, as Excel saved a cell in a date format).
    static func dateLike(_ text: String) -> L {
        L(zh: "`\(text)` 是日期或时间：多半是单元格设成了日期格式（Excel 会把输入的数字显示成日期）；把这一列的单元格格式改为“常规”或“数值”，按原表重新输入",
          en: "`\(text)` is a date or a time: most likely the cell has a date format (Excel shows a number typed there as a date); set the column's format to General or Number and type the figures again")
    }
    /// After the hint that mends a score's text (`3.5分` → `3.5`) when what it leaves is beyond the standard's points.
    static func stillBeyond(_ max: String) -> L {
        L(zh: "；但这条标准满分 \(max) 分，这个数也超出了：核对纸质评分表", en: "; but the standard is worth \(max) points, and that number is beyond them: check the paper sheet")
    }

    // MARK: A file given in another's place

    /// The kinds of input file: `单位文件` / `the units file`, …
    static func fileKind(_ kind: InputKind) -> L {
        switch kind {
        case .units: L(zh: "单位文件", en: "the units file")
        case .roster: L(zh: "代表名单", en: "the roster")
        case .ballots: L(zh: "选票文件", en: "the ballots file")
        case .schedule: L(zh: "日程表", en: "the schedule")
        }
    }

    static func wrongFile(looksLike actual: L, not expected: L, header: String) -> L {
        L(zh: "这个文件看起来是\(actual.zh)，不是\(expected.zh)（表头：\(header)）",
          en: "this file looks like \(actual.en), not \(expected.en) (its header: \(header))")
    }
    static func checkFileOptions(_ expected: String, _ actual: String) -> L {
        L(zh: "检查 `\(expected)` 给的文件；它和 `\(actual)` 是否写反了", en: "check the file given to `\(expected)`; are it and `\(actual)` swapped?")
    }

    // MARK: Roster

    static let noRepIDColumn = L(zh: "代表名单没有代表编号列", en: "the roster has no representative id column")
    static let nameRepIDColumn = L(zh: "把第一列命名为 `id`（或 代表编号）", en: "name the first column `id` (or 代表编号)")
    static let noUnitsColumn = L(zh: "代表名单没有 `units` 列：没有它，kaimen 无法知道每位代表不能给哪个单位打分",
                                 en: "the roster has no `units` column: without it kaimen cannot tell whom each representative must not score")
    static let addUnitsColumn = L(zh: "加一列 `units`，写每位代表所在单位的编号（没有就空着）",
                                  en: "add a column `units` with each representative's own unit id (empty if none)")
    static let repWithoutID = L(zh: "有一位代表没有编号", en: "a representative has no id")
    static func duplicateRep(_ id: String, firstRow: Int) -> L {
        L(zh: "代表编号 `\(id)` 用了两次；第一次在第 \(firstRow) 行", en: "representative id `\(id)` is used twice; first at row \(firstRow)")
    }
    static func noRepresentatives(_ file: String) -> L { L(zh: "`\(file)` 里没有代表", en: "`\(file)` lists no representatives") }

    // MARK: Ballots

    static let noRepColumn = L(zh: "选票文件没有代表列", en: "the ballots file has no representative column")
    static let nameRepColumn = L(zh: "把这一列命名为 `representative`（或 代表编号）", en: "name it `representative` (or 代表编号)")
    static let noBallotUnitColumn = L(zh: "选票文件没有单位列", en: "the ballots file has no unit column")
    static let nameBallotUnitColumn = L(zh: "把这一列命名为 `unit`（或 单位编号）", en: "name it `unit` (or 单位编号)")
    static func standardColumnTwice(_ key: String, first: String, firstHeader: String) -> L {
        L(zh: "标准 `\(key)` 有两列：\(first) 列（\(firstHeader)）和这一列写的是同一条标准；两列都不读",
          en: "standard `\(key)` has two columns: column \(first) (\(firstHeader)) and this one name the same standard; neither is read")
    }
    static let keepOneStandardColumn = L(zh: "删掉其中一列（标准可以写编号，也可以写名称，但只能写一次）",
                                         en: "delete one of them (a standard may be headed by its id or by its name, once)")
    static func columnNotBallotStandard(_ name: String) -> L {
        L(zh: "`\(name)` 列不是这套规则中由代表打分的标准", en: "column `\(name)` is not a ballot standard of these rules")
    }
    static let longNeedsColumns = L(zh: "长表格式的选票文件需要 `standard` 和 `score` 两列", en: "a long ballots file needs columns `standard` and `score`")
    /// - Parameters: has: the header of the column the file has, as it writes it (`得分`);
    ///   lacksStandard: whether the standard's column is the one missing (else the score's).
    static func longColumnMissing(has: String, lacksStandard: Bool) -> L {
        lacksStandard
            ? L(zh: "选票文件有 `\(has)` 列（分数），却没有写评分标准的列（表头写 `standard`、`标准` 或 `评分项目`）",
                en: "the ballots file has a `\(has)` column (the scores) but no column naming the standard (headed `standard`, `标准` or `评分项目`)")
            : L(zh: "选票文件有 `\(has)` 列（评分标准），却没有写分数的列（表头写 `score`、`分数`、`得分` 或 `评分`）",
                en: "the ballots file has a `\(has)` column (the standards) but no column of scores (headed `score`, `分数`, `得分` or `评分`)")
    }
    /// A long file's column that is none of the ballot's and none for the typist, with text in it
    /// (a remark such as `改为4分`, which a reader could take for a correction).
    static func longColumnNotRead(_ name: String, rows: Int, text: String) -> L {
        let others = rows == 1 ? "" : "，另有 \(rows - 1) 行也写了内容"
        let othersEn = rows == 1 ? "" : rows == 2 ? ", as does 1 other row" : ", as do \(rows - 1) other rows"
        return L(zh: "`\(name)` 列不是选票文件读的列，已忽略：本行写有 `\(text)`\(others)，这些内容不改变任何分数",
                 en: "column `\(name)` is not one kaimen reads in a ballots file and is ignored: this row holds `\(text)`\(othersEn); no score changes for it")
    }
    /// `score`: the score column's header as the file writes it (`分数`).
    static func longColumnNotReadHint(score: String) -> L {
        L(zh: "要改分，请改该行 `\(score)` 列的分数；这一列若只是备注，这条警告可以不理会",
          en: "to change a score, change the number in the row's `\(score)` column; if the column only holds remarks, this warning can be left")
    }
    static let wideColumns = L(zh: "宽表的每一列是一条由代表打分的标准（表头写编号或名称），或供录入员核对的列：代表姓名、组别、表号、单位名称；删去这一列或改正表头",
                               en: "each column of a wide file is a ballot standard (headed by its id or name), or one for the typist: the representative's name, group, sheet, unit name; delete the column or correct its header")
    /// A wide file without a column for these standards.
    static func wideColumnsMissing(_ missing: [BallotItem], rules: Rules) -> L {
        let zh = missing.map { "`\($0.key)`（\(rules.standards[$0.standard].name)）" }, en = missing.map { "`\($0.key)` (\(rules.standards[$0.standard].name))" }
        return L(zh: "选票文件（宽表）缺少 \(missing.count) 条由代表打分的标准的列：" + zh.joined(separator: "、") + "；没有这些列，它们会被当作谁都没打分",
                 en: "the ballots file (wide) has no column for \(missing.count) ballot standard\(missing.count == 1 ? "" : "s"): " + en.joined(separator: ", ")
                     + "; they would count as scored by no one")
    }
    static let addWideColumns = L(zh: "补上这些列（表头写标准编号或名称）；某位代表没有打的分，格子留空即可",
                                  en: "add these columns (headed by the standard's id or name); leave a cell empty where a representative gave no score")
    static let noBallotColumns = L(zh: "选票文件既没有 `standard` 和 `score` 列，也没有每条打分标准一列",
                                   en: "the ballots file has neither `standard` and `score` columns nor a column per ballot standard")
    /// Each ballot standard by the id a file writes and its name (`rights.ballot（依法维权工作评价）`):
    /// a long file's standard column may give either.
    static func ballotStandards(_ items: [BallotItem], rules: Rules) -> L {
        let zh = items.map { "\($0.key)（\(rules.standards[$0.standard].name)）" }, en = items.map { "\($0.key) (\(rules.standards[$0.standard].name))" }
        return L(zh: "由代表打分的标准（编号或名称均可）：" + zh.joined(separator: "、"),
                 en: "ballot standards (by id or name): " + en.joined(separator: ", "))
    }
    /// A ballot row whose representative, unit or standard cell is empty (it was "ballot by ``,
    /// who is not on the roster": a hostile test, session 41).
    static let noBallotRepresentative = L(zh: "这一行没有填投票代表的编号", en: "this row has no representative id: a ballot row names the representative who cast it")
    static let noBallotUnit = L(zh: "这一行没有填被打分单位的编号", en: "this row has no unit id: a ballot row names the unit it scores")
    static let noBallotStandard = L(zh: "这一行没有填评分标准", en: "this row has no standard: a ballot row names the standard it scores")
    /// A wide ballots row without a score whose id names no one: the hint, alone or after
    /// another (`hint`; after a question, `是不是 \`R10\`？`, as a sentence of its own).
    static func rowWithoutScores(after hint: L?) -> L {
        let zh = "这一行没有分数：若它不是选票（如已从名单删去的代表的空行、表尾的落款），删去这一行"
        let en = "his row holds no score: if it is no ballot (an empty row of a representative since taken off the roster, a signature below the table), delete the row"
        guard let hint else { return L(zh: zh, en: "t" + en) }
        let question = hint.zh.hasSuffix("？") || hint.en.hasSuffix("?")
        return hint.appending(question ? L(zh: zh, en: " T" + en) : L(zh: "；" + zh, en: "; t" + en))
    }
    static let fillInOrDeleteRow = L(zh: "把它填上；若这一行不是选票，就删掉这一行", en: "fill it in; if the row is not a ballot, delete the row")
    /// `namedIDs`: the representatives whose name `rep` is (``NameForID``); the message then names their ids.
    static func unknownRepresentative(_ rep: String, namedIDs: [String] = []) -> L {
        let base = L(zh: "投票人 `\(rep)` 不在代表名单上", en: "ballot by `\(rep)`, who is not on the roster")
        return namedIDs.isEmpty ? base : base.appending(nameForID(rep, ids: namedIDs, of: .representative, in: .column))
    }
    /// `namedIDs`: the units whose name `unit` is (``NameForID``); the message then names their ids.
    static func unknownBallotUnit(_ unit: String, namedIDs: [String] = []) -> L {
        let base = L(zh: "选票打分的单位 `\(unit)` 不在单位文件里", en: "ballot for unit `\(unit)`, which is not in the units file")
        return namedIDs.isEmpty ? base : base.appending(nameForID(unit, ids: namedIDs, of: .unit, in: .column))
    }

    // MARK: A name where an id belongs

    enum NamedKind { case representative, unit }
    /// Where the id was asked for: a file's column, or a command's option (`--rep`).
    enum IDPlace { case column, option(String), argument }

    /// What follows “not on the roster” when the text is the name of `ids` (one, or several
    /// sharing the name): `：`王秀兰` 是代表 `R02` 的姓名，这一列请填代表编号 `R02``.
    static func nameForID(_ text: String, ids: [String], of kind: NamedKind, in place: IDPlace) -> L {
        let (who, whoEN, nameWord, idWord, measure) = kind == .representative
            ? ("代表", "representative", "姓名", "代表编号", "位")
            : ("单位", "unit", "名称", "单位编号", "个")
        let (whereZH, whereEN): (String, String)
        switch place {
        case .column: (whereZH, whereEN) = ("这一列", "this column")
        case .option(let name): (whereZH, whereEN) = ("`\(name)` ", "`\(name)`")
        case .argument: (whereZH, whereEN) = ("这里", "the command")
        }
        let quoted = ids.map { "`\($0)`" }
        if ids.count == 1 {
            return L(zh: "：`\(text)` 是\(who) \(quoted[0]) 的\(nameWord)，\(whereZH)请填\(idWord) \(quoted[0])",
                     en: "; `\(text)` is the name of \(whoEN) \(quoted[0]); \(whereEN) takes the id \(quoted[0])")
        }
        return L(zh: "：\(who) \(quoted.joined(separator: "、")) 都叫 `\(text)`，\(whereZH)请填其中一\(measure)的\(idWord)，选所指的那一\(measure)",
                 en: "; \(whoEN)s \(quoted.joined(separator: ", ")) are all named `\(text)`; \(whereEN) takes the id of one of them: pick the one meant")
    }
    /// What follows "no such unit" when the text is part of the names of `units` (one, or a few):
    /// `：\`德胜商贸\` 是单位 \`X02\`（…）名称中的一段，这一列请填单位编号 \`X02\``.
    static func partOfName(_ text: String, units: [(id: String, name: String)], in place: IDPlace) -> L {
        let (whereZH, whereEN): (String, String)
        switch place {
        case .column: (whereZH, whereEN) = ("这一列", "this column")
        case .option(let name): (whereZH, whereEN) = ("`\(name)` ", "`\(name)`")
        case .argument: (whereZH, whereEN) = ("这里", "the command")
        }
        if units.count == 1, let u = units.first {
            return L(zh: "：`\(text)` 是单位 `\(u.id)`（\(Echo.cell(u.name))）名称中的一段，\(whereZH)请填单位编号 `\(u.id)`",
                     en: "; `\(text)` is part of the name of unit `\(u.id)` (\(Echo.cell(u.name))); \(whereEN) takes the id `\(u.id)`")
        }
        let shown = units.prefix(5).map { "`\($0.id)`（\(Echo.cell($0.name))）" }.joined(separator: "、")
        let shownEN = units.prefix(5).map { "`\($0.id)` (\(Echo.cell($0.name)))" }.joined(separator: ", ")
        let more = units.count > 5 ? (zh: " 等 \(units.count) 个", en: " and \(units.count - 5) more") : (zh: "", en: "")
        return L(zh: "：名称中含 `\(text)` 的单位有 \(shown)\(more.zh)，\(whereZH)请填所指那个单位的编号",
                 en: "; units whose names hold `\(text)`: \(shownEN)\(more.en); \(whereEN) takes the id of the one meant")
    }

    /// An id typed in full-width characters (`Ｒ０５`) whose half-width form is an id.
    static func fullWidthID(_ id: String) -> L {
        L(zh: "编号要用半角字符：是不是 `\(id)`？（切换到英文输入法再输入）", en: "ids are written in half-width characters: did you mean `\(id)`?")
    }
    /// An id typed with spaces around it (`R05 `) whose text alone is an id.
    static func spacesAroundID(_ id: String) -> L {
        L(zh: "编号前后不能有空格：是不是 `\(id)`？", en: "an id has no spaces around it: did you mean `\(id)`?")
    }
    /// The file an id is looked up in, for ``writtenWide(_:as:in:)``.
    enum IDFile { case units, roster }
    /// An id the units file or the roster writes with full-width characters (`Ｘ02`) where the
    /// ballots write it half-width (`X02`): the ids are not the same text, so nothing matched
    /// and the message had no hint (a hostile test, session 41).
    static func writtenWide(_ half: String, as written: String, in file: IDFile) -> L {
        let (zh, en) = file == .units ? ("单位文件", "the units file") : ("代表名单", "the roster")
        return L(zh: "\(zh)里这个编号写作 `\(written)`，用了全角字符：编号要用半角字符，两处都写 `\(half)`",
                 en: "\(en) writes this id `\(written)`, in full-width characters: ids are written in half-width characters, `\(half)` in both files")
    }
    /// The hint for an unknown id: its half-width form when that is an id, the id as the other
    /// file writes it when only their full-width forms differ (`writtenAs`: the id of that file
    /// whose half-width form is the one given, if any), else a near miss.
    static func unknownIDHint(_ typed: String, known: (String) -> Bool, nearMiss: () -> L?,
                              writtenAs: ((String) -> String?)? = nil, in file: IDFile = .units) -> L? {
        let half = UnitMatcher.normalized(typed)
        if let written = writtenAs?(half), written != typed, !known(half) {
            return writtenWide(half, as: written, in: file)
        }
        // `X01` here and `x01` in the units file (or the roster): said as such, not as a near
        // miss among others (a secretary's test).
        if half == typed, let other = [typed.lowercased(), typed.uppercased()].first(where: { $0 != typed && known($0) }) {
            return caseOnly(typed, other)
        }
        // `R08` and a zero-width space pasted from a web page or a chat: it looks like `R08`, so
        // "did you mean `R08`?" alone would puzzle (a secretary's test); say what is in it.
        let invisible: Set<UInt32> = [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD]
        if let hidden = typed.unicodeScalars.first(where: { invisible.contains($0.value) }) {
            let cleaned = String(String.UnicodeScalarView(typed.unicodeScalars.filter { !invisible.contains($0.value) }))
            if known(cleaned) || known(UnitMatcher.normalized(cleaned)) {
                let code = Echo.codePoint(hidden)
                return L(zh: "其中有看不见的字符（\(code)，多半是从网页或聊天中复制来的）：清空这一格，重新输入 `\(cleaned)`",
                         en: "it holds an invisible character (\(code), most likely copied from a web page or a chat): empty the cell and type `\(cleaned)` again")
            }
        }
        // `Х01` with the Cyrillic `Х`: the same to the eye as `X01`, so "did you mean `X01`?"
        // alone would puzzle; say which letter is not what it looks like.
        if let (letter, _) = ScriptLookalikes.first(in: typed), case let fixed = ScriptLookalikes.latinized(typed), known(fixed) {
            let named = ScriptLookalikes.named(letter)
            return L(zh: "其中的 `\(letter)` 是\(named.zh)，不是拉丁字母：是不是 `\(fixed)`？（切换到英文输入法再输入）",
                     en: "its `\(letter)` is \(named.en), not a Latin letter: did you mean `\(fixed)`?")
        }
        guard half != typed && known(half) else { return nearMiss() }
        // `R05 ` typed with a space: not a matter of half-width characters.
        return typed.trimmingSpaces() == half ? spacesAroundID(half) : fullWidthID(half)
    }

    /// Ids of one prefix and numbers of one width (`R01`–`R27`): the prefix, the width, the
    /// lowest and the highest.
    struct IDSpan: Sendable {
        let prefix: String, width: Int, low: String, high: String

        /// The span of `ids`; `nil` for fewer than three ids or any other shape.
        init?(_ ids: [String]) {
            guard ids.count >= 3, let shape = Self.split(ids[0]) else { return nil }
            var low = ids[0], high = ids[0]
            for id in ids {
                guard let s = Self.split(id), s.prefix == shape.prefix, s.digits.count == shape.digits.count else { return nil }
                if id < low { low = id }
                if id > high { high = id }
            }
            (prefix, width, self.low, self.high) = (String(shape.prefix), shape.digits.count, low, high)
        }

        static func split(_ id: String) -> (prefix: Substring, digits: Substring)? {
            guard id.utf8.allSatisfy({ $0 < 0x80 }), let first = id.firstIndex(where: { $0.isASCII && $0.isNumber }),
                  id[first...].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return (id[..<first], id[first...])
        }

        /// Whether `typed` has the shape and lies between the lowest and the highest.
        func within(_ typed: String) -> Bool {
            guard let t = Self.split(typed), t.prefix == prefix, t.digits.count == width else { return false }
            return typed >= low && typed <= high
        }
    }

    /// What the ids are (`R01`–`R27`), for an unknown id with no one nearest; `nil` without a
    /// span, or for a `typed` inside it (`R15` left out of the roster would read as one of it).
    static func idRange(_ span: IDSpan?, typed: String, units: Bool) -> L? {
        guard let span, !span.within(typed) else { return nil }
        let (low, high) = (span.low, span.high)
        return units ? L(zh: "单位编号从 `\(low)` 到 `\(high)`", en: "the unit ids run from `\(low)` to `\(high)`")
                     : L(zh: "名单上的代表编号从 `\(low)` 到 `\(high)`", en: "the roster's ids run from `\(low)` to `\(high)`")
    }

    /// Only the case differs. Which side is wrong is not known here (a units file, a typed
    /// sheet, the command line), so the hint says only that they must agree.
    static func caseOnly(_ typed: String, _ other: String) -> L {
        L(zh: "是不是 `\(other)`？编号只差大小写，各处要写得一模一样",
          en: "did you mean `\(other)`? The ids differ only in case, and must be written alike everywhere")
    }

    static func metricStandardBallot(_ id: String) -> L {
        L(zh: "标准 `\(id)` 按指标计分，不由代表打分", en: "standard `\(id)` is scored from metrics, not by ballot")
    }
    static func unknownBallotStandard(_ id: String) -> L {
        L(zh: "选票打分的 `\(id)` 不是这套规则中由代表打分的标准", en: "ballot for `\(id)`, which is not a ballot standard of these rules")
    }
    static func noScore(_ rep: String, _ unit: String, _ item: String) -> L {
        L(zh: "`\(rep)` 给 `\(unit)` 在 `\(item)` 上的选票没有分数", en: "ballot by `\(rep)` for `\(unit)` on `\(item)` has no score")
    }
    /// Where a long file's score cell is empty: the row is a ballot with no score.
    static let fillScoreOrDeleteRow = L(zh: "按纸质评分表填上分数；代表没有给这一项打分的，删去这一行", en: "fill in the score from the paper sheet; if the representative gave none, delete the row")
    /// A wide row's empty score cells, as `blankScores` lists them: the row, whose ballots they
    /// are, and each cell's column letter and header.
    struct BlankRow: Sendable {
        var row: Int, rep: String, unit: String
        var cells: [(letter: String, header: String)]
    }
    /// `blank-score`: `count` empty score cells of a wide file, those listed by row, `more` of them
    /// not listed, on `moreRows` rows.
    static func blankScores(_ rows: [BlankRow], count: Int, more: Int, moreRows: Int) -> L {
        let zh = rows.map { r in "第 \(r.row) 行（\(r.rep) 给 \(r.unit)）" + r.cells.map { "\($0.letter) 列（\($0.header)）" }.joined(separator: "、") }
        let en = rows.map { r in "row \(r.row) (\(r.rep) for \(r.unit)) " + r.cells.map { "column \($0.letter) (\($0.header))" }.joined(separator: ", ") }
        return L(zh: "空白单元格 \(count) 个：" + zh.joined(separator: "；") + (more > 0 ? "……另有 \(more) 个（\(moreRows) 行）" : "")
                     + "。空白按未打分处理：这位代表对这个单位的这一项不计票，该单位这一项少一张选票",
                 en: "\(count) blank score cell\(count == 1 ? "" : "s"): " + en.joined(separator: "; ")
                     + (more > 0 ? "; … and \(more) more (on \(moreRows) row\(moreRows == 1 ? "" : "s"))" : "")
                     + ". A blank cell is taken as not scored: that representative's ballot for that unit on that standard is not counted, and the unit has one ballot fewer on it")
    }
    static let blankScoresHint = L(zh: "纸质评分表上有分数的是漏录了，补上再运行；代表确实没有打分的，这条警告可以不理会",
                                   en: "where the paper sheet has a score, it was skipped in typing: type it and run again; where the representative gave none, this warning can be left")
    static func scoreNotNumber(_ text: String, _ rep: String, _ unit: String, _ item: String) -> L {
        L(zh: "`\(rep)` 给 `\(unit)` 在 `\(item)` 上的分数 `\(text)` 不是数字",
          en: "score `\(text)` (by `\(rep)` for `\(unit)` on `\(item)`) is not a number")
    }
    /// A score that reads as a percentage (`500%`): a workbook cell in a percentage format, which
    /// shows 5 as 500% (a secretary's test was told only that it was no number).
    static func scoreAsPercent(_ text: String, max: String?) -> L? {
        let t = text.trimmingSpaces()
        guard t.hasSuffix("%"), let p = Rational(decimal: String(t.dropLast()).trimmingSpaces()), let v = p.divided(by: Rational(100)) else { return nil }
        let worth = max.map { (zh: "；这条标准满分 \($0) 分", en: "; the standard is worth \($0) points") } ?? (zh: "", en: "")
        return L(zh: "分数不用百分数：多半是单元格设成了百分比格式（\(t) 即 \(v.plainText())）；把这一列的单元格格式改为“常规”或“数值”，按纸质评分表重新输入\(worth.zh)",
                 en: "a score is no percentage: most likely the cell has a percentage format (\(t) is \(v.plainText())); set the column's format to General or Number and type the scores again from the paper sheets\(worth.en)")
    }
    static func scoreBeyondLimits(_ text: String, _ rep: String, _ unit: String, _ item: String) -> L {
        L(zh: "`\(rep)` 给 `\(unit)` 在 `\(item)` 上的分数 `\(text)` 小数位数太多（最多 \(NumberLimits.maxDecimals) 位）",
          en: "score `\(text)` (by `\(rep)` for `\(unit)` on `\(item)`) has too many decimals (at most \(NumberLimits.maxDecimals))")
    }
    static func scoreOutOfRange(_ text: String, _ rep: String, _ unit: String, _ item: String, _ max: String) -> L {
        L(zh: "`\(rep)` 给 `\(unit)` 在 `\(item)` 上的分数 \(text) 不在 0–\(max) 之间",
          en: "score \(text) by `\(rep)` for `\(unit)` on `\(item)` is outside 0–\(max)")
    }
    static func standardWorth(_ max: String) -> L { L(zh: "这条标准满分 \(max) 分", en: "the standard is worth \(max) points") }
    /// `35` for a standard worth 4: most likely 3.5 with its point left out (a secretary's test).
    static func standardWorth(_ max: String, pointLeftOut meant: String) -> L {
        L(zh: "这条标准满分 \(max) 分；是不是 \(meant)（漏了小数点）？", en: "the standard is worth \(max) points; did you mean \(meant) (the point left out)?")
    }
    static func scoreStep(_ text: String, _ rep: String, _ unit: String, _ item: String, _ step: String) -> L {
        L(zh: "`\(rep)` 给 `\(unit)` 在 `\(item)` 上的分数 \(text) 不是 \(step) 的整数倍",
          en: "score \(text) by `\(rep)` for `\(unit)` on `\(item)` is not a multiple of \(step)")
    }
    static func stepAllowed(_ step: String) -> L { L(zh: "规则规定分数以 \(step) 为单位", en: "the rules allow scores in steps of \(step)") }
    /// A standard scored again with another score: as the file writes each.
    struct Repeated: Sendable {
        var item: String, first: String, again: String
    }
    static func duplicateBallot(_ rep: String, _ unit: String, _ item: String, firstRow: Int, differing: Repeated? = nil) -> L {
        let scores = differing.map { (zh: "，第一次 \($0.first) 分，这次 \($0.again) 分", en: ", \($0.first) then \($0.again)") }
            ?? (zh: "，两次分数相同", en: ", the same score both times")
        return L(zh: "`\(rep)` 在 `\(item)` 上给 `\(unit)` 打了两次分；第一次在第 \(firstRow) 行\(scores.zh)",
                 en: "`\(rep)` scored `\(unit)` on `\(item)` twice; first at row \(firstRow)\(scores.en)")
    }
    /// Several standards of one row scored again (a wide row typed twice): `items` in the row's
    /// order, as the file heads them; not listed when they are `every` standard of the rules.
    /// `differing`: those scored otherwise than the first time, the first three shown.
    static func duplicateBallots(_ rep: String, _ unit: String, _ items: [String], firstRow: Int, every: Bool = false,
                                 differing: [Repeated] = []) -> L {
        // `3→3.5`, first typing then this one (`3/3.5` read as a fraction on half-point scales).
        let shownDiffering = differing.prefix(3).map { (zh: "`\($0.item)` \($0.first)→\($0.again)", en: "`\($0.item)` \($0.first)→\($0.again)") }
        let moreDiffering = differing.count > 3 ? "…" : ""
        let scores = differing.isEmpty ? (zh: "，分数都相同", en: ", with the same scores")
            : differing.count == items.count
            ? (zh: "，分数都不同（\(shownDiffering.map(\.zh).joined(separator: "、"))\(moreDiffering)）",
               en: ", every one with another score (\(shownDiffering.map(\.en).joined(separator: ", "))\(moreDiffering))")
            : (zh: "，其中 \(differing.count) 条分数不同（\(shownDiffering.map(\.zh).joined(separator: "、"))\(moreDiffering)）",
               en: ", \(differing.count) of them with another score (\(shownDiffering.map(\.en).joined(separator: ", "))\(moreDiffering))")
        if every {
            return L(zh: "`\(rep)` 给 `\(unit)` 的这一行与第 \(firstRow) 行重复：全部 \(items.count) 条标准都打了两次分\(scores.zh)",
                     en: "`\(rep)` scored `\(unit)` again on this row, as at row \(firstRow): all \(items.count) standards twice\(scores.en)")
        }
        let shown = items.prefix(8).map { "`\($0)`" }, more = items.count > 8 ? "…" : ""
        return L(zh: "`\(rep)` 给 `\(unit)` 的这一行与第 \(firstRow) 行重复：\(items.count) 条标准都打了两次分（\(shown.joined(separator: "、"))\(more)）\(scores.zh)",
                 en: "`\(rep)` scored `\(unit)` again on this row, as at row \(firstRow): \(items.count) standards twice (\(shown.joined(separator: ", "))\(more))\(scores.en)")
    }
    /// The same scores both times: the second typing goes. Other scores: the paper sheet decides.
    static func keepOneBallot(same: Bool) -> L {
        same ? L(zh: "每位代表对每个单位的每条标准只保留一张选票：删去重复录入的一次", en: "keep one ballot per representative, unit and standard: delete the second typing")
             : L(zh: "每位代表对每个单位的每条标准只保留一张选票：核对纸质评分表，保留正确的分数，删去另一个",
                 en: "keep one ballot per representative, unit and standard: check the paper sheet, keep the right score and delete the other")
    }
    static func noBallots(_ file: String, _ n: Int) -> L {
        L(zh: "`\(file)` 里没有选票，但规则有 \(n) 条标准由代表打分",
          en: "`\(file)` holds no ballots, but the rules score \(n) standard\(n == 1 ? "" : "s") by ballot")
    }
    static let addBallots = L(zh: "填入代表的打分（每位代表、每个单位、每条标准一行）",
                              en: "add the representatives' scores (one row per representative, unit and standard)")

    /// Whose name a typed row's name cell gives: its representative's (姓名) or its unit's (单位名称).
    enum NamedBy: Sendable {
        case representative, unit

        /// The row's id column, the name column, and how `kaimen` asks which paper it is.
        var words: (id: Localized, name: Localized, whose: Localized) {
            switch self {
            case .representative:
                (Localized(zh: "代表编号", en: "representative id"), Localized(zh: "姓名", en: "name"),
                 Localized(zh: "核对纸质评分表上是哪位代表", en: "check whose paper sheet it is"))
            case .unit:
                (Localized(zh: "单位编号", en: "unit id"), Localized(zh: "单位名称", en: "unit name"),
                 Localized(zh: "核对纸质评分表上是哪个单位", en: "check which unit the paper sheet is for"))
            }
        }
    }
    /// A typed row whose name cell is not the name of its id (`id`, named `name`); `others`: the
    /// ids whose name it is.
    static func nameMismatch(_ kind: NamedBy, id: String, name: String, typed: String, others: [String]) -> Localized {
        let (w, name, typed) = (kind.words, Echo.cell(name), Echo.cell(typed))
        let whose = others.isEmpty ? (zh: "", en: "") : (zh: "（\(others.joined(separator: "、")) 的\(w.name.zh)）", en: " (the \(w.name.en) of \(others.joined(separator: ", ")))")
        return Localized(zh: "\(w.id.zh) `\(id)` 是 \(name)，这一行的\(w.name.zh)却写着 `\(typed)`\(whose.zh)：编号和\(kind == .unit ? "名称" : "姓名")有一处录错了",
                         en: "the \(w.id.en) `\(id)` is \(name), but this row's \(w.name.en) reads `\(typed)`\(whose.en): the id or the name was typed wrong")
    }
    /// A typed row whose group cell (the entry template's 组别) is not its representative's group
    /// in the roster.
    static func groupMismatch(id: String, name: String, group: String, typed: String) -> Localized {
        let (group, typed) = (Echo.cell(group), Echo.cell(typed))
        let named = name.isEmpty ? (zh: " ", en: "") : (zh: "（\(Echo.cell(name))）", en: " (\(Echo.cell(name)))")
        return Localized(zh: "代表编号 `\(id)`\(named.zh)在代表名单中属于 \(group)，这一行的组别却写着 `\(typed)`",
                         en: "the representative id `\(id)`\(named.en) is in \(group) on the roster, but this row's group reads `\(typed)`")
    }
    static func groupMismatchHint(group: String) -> Localized {
        let group = Echo.cell(group)
        return Localized(zh: "组别一格不计分，这一行照常按代表编号计分；核对纸质评分表上是哪位代表：若是别的代表的，改正这一行的代表编号；若编号没错，把组别改为 \(group)（或清空这一格）",
                         en: "the group cell is not scored, and the row counts by its representative id; check whose paper sheet it is: if it is another representative's, correct this row's representative id; if the id is right, change the group to \(group) (or empty the cell)")
    }
    /// What to do after putting the row right: enter the file again (`session enter`), or run
    /// the command again (`score` and the others reading a ballots file).
    enum AfterFix: Sendable { case runAgain, enterAgain }
    static func nameMismatchHint(_ kind: NamedBy, name: String, others: [String], then: AfterFix = .runAgain) -> Localized {
        let w = kind.words
        let again = then == .enterAgain ? (zh: "改好后重新录入这个文件", en: "then enter the file again") : (zh: "改好后重新运行", en: "then run the command again")
        let whose = others.first.map { (zh: "若是 \($0) 的，把这一行的\(w.id.zh)改为 `\($0)`", en: "if it is \($0)'s, change this row's \(w.id.en) to `\($0)`") }
            ?? (zh: "若编号录错了，改正这一行的\(w.id.zh)", en: "if the id is wrong, correct this row's \(w.id.en)")
        return Localized(zh: "\(w.whose.zh)：\(whose.zh)；若编号没错，把\(w.name.zh)改回 \(Echo.cell(name))（或清空这一格）；\(again.zh)",
                         en: "\(w.whose.en): \(whose.en); if the id is right, change the \(w.name.en) back to \(Echo.cell(name)) (or empty the cell); \(again.en)")
    }
}
