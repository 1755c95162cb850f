import Foundation

/// What `session enter` says about a typed file: sheets not expected, sheet ids, the same
/// operator or the same file twice, rows left blank, and rows or standards that look swapped.
extension SessionMessages {
    /// Why a typed row's sheet id (表号) is not the id of the sheet its ids name.
    enum SheetIDProblem: Equatable {
        /// Not of the form `0012-5`.
        case notAnID
        /// Its last digit is not the Luhn check digit of the others.
        case checkDigit
        /// A sheet id, of another sheet as the session's inputs print them.
        case othersSheet(ExpectedBallots.Sheet)
        /// A sheet id, but of no sheet printed from the session's inputs.
        case notPrinted
    }
    /// A warning: the row is entered as its ids say. A sheet id is a running number in print
    /// order, so sheets printed before the schedule, roster or units were reordered carry other
    /// numbers than the session's inputs give them; the ids and names, checked as errors, are
    /// what the entry rests on (a review: an error here refused correct sheets, and its hint
    /// told the typist to move one sheet's scores onto another's ids).
    /// One sentence (since 0.29.3; it was some 200 characters with brackets in brackets): what
    /// is wrong with the id, and that the row is entered as its ids say.
    static func sheetIDMismatch(_ typed: String, row: ExpectedBallots.Sheet, problem: SheetIDProblem) -> Localized {
        let typed = Echo.cell(typed)
        switch problem {
        case .notAnID:
            return Localized(zh: "表号 `\(typed)` 不是评分表上的表号（形如 `0012-5`），这一行按编号录入",
                             en: "`\(typed)` is no sheet id (such as `0012-5`); the row is entered as its ids say")
        case .checkDigit:
            return Localized(zh: "表号 `\(typed)` 的校验位不对，多半录错或颠倒了一位，这一行按编号录入",
                             en: "the sheet id `\(typed)` has the wrong check digit, most likely a digit mistyped or two swapped; the row is entered as its ids say")
        case .othersSheet(let whose):
            return Localized(zh: "表号 `\(typed)` 是 \(whose.representative) 给 \(whose.unit) 的评分表，这一行却是 \(row.representative) 给 \(row.unit) 的，按编号录入",
                             en: "the sheet id `\(typed)` is \(whose.representative)'s sheet for \(whose.unit), but this row is \(row.representative)'s for \(row.unit); entered as its ids say")
        case .notPrinted:
            return Localized(zh: "本会话打印的评分表里没有表号 `\(typed)`，这一行按编号录入",
                             en: "no sheet this session prints has the id `\(typed)`; the row is entered as its ids say")
        }
    }
    static func sheetIDMismatchHint(row: ExpectedBallots.Sheet, own: String?, problem: SheetIDProblem) -> Localized {
        let ownText = own.map { (zh: "按本会话的输入，这一行的表号是 `\($0)`", en: "as this session prints it, this row's sheet id is `\($0)`") }
        switch problem {
        case .othersSheet, .notPrinted:
            return Localized(zh: "纸质表上印的代表和单位与这一行相同，就是打印后顺序改过，录入无误\(ownText.map { "（\($0.zh)）" } ?? "")；不同则按纸质表改正这一行",
                             en: "if the paper sheet prints this row's representative and unit, the order changed after printing and the entry is right\(ownText.map { " (\($0.en))" } ?? ""); if not, correct the row from the paper")
        case .notAnID, .checkDigit:
            return Localized(zh: "核对纸质评分表，改正或清空这一格\(ownText.map { "（\($0.zh)）" } ?? "")",
                             en: "check the paper sheet, and correct or empty the cell\(ownText.map { " (\($0.en))" } ?? "")")
        }
    }
    /// More rows whose sheet ids do not fit than are said one by one.
    static func moreSheetIDMismatches(_ more: Int, of all: Int) -> Localized {
        Localized(zh: "另有 \(more) 行的表号也与编号对不上（共 \(all) 行）：评分表多半是在日程、代表名单或单位的顺序改动之前打印的，或表号这一列被单独排序过；这些行都按编号录入",
                  en: "\(more) more rows have sheet ids that do not fit their ids (\(all) in all): most likely the sheets were printed before the schedule, roster or units were reordered, or the sheet id column was sorted on its own; these rows are entered as their ids say")
    }
    static let moreSheetIDMismatchesHint = Localized(zh: "核对几张纸质评分表上印的代表和单位与录入的编号是否一致；一致时录入无误",
                                                     en: "check on a few paper sheets that the representative and unit printed are the ids typed; if they are, the entry is right")
    static func recusedSheet(_ rep: Representative, unit: String) -> Localized {
        Localized(zh: "`\(rep.id)`（\(rep.name)）属于 `\(unit)`，须回避，不能为本单位打分",
                  en: "`\(rep.id)` (\(rep.name)) belongs to `\(unit)` and must not score it (回避, recusal)")
    }

    static let recusedSheetHint = Localized(zh: "删去这张评分表", en: "remove this sheet")

    static func notScheduled(_ rep: Representative, unit: String, schedule: Schedule?) -> Localized {
        let heard = schedule?.units(heardBy: rep.group).joined(separator: ", ") ?? ""
        return Localized(zh: "`\(rep.id)`（\(rep.name)）所在的\(rep.group)不听取 `\(unit)` 的汇报（该组听取：\(heard)）",
                         en: "`\(rep.id)` (\(rep.name)) is in \(rep.group), which does not hear `\(unit)` (it hears \(heard))")
    }

    static let notScheduledHint = Localized(zh: "核对代表编号或单位编号是否录错", en: "check the representative's and the unit's ids")
    static let closedNoEntry = Localized(zh: "会话已结束（已封存），不能再录入", en: "the session is closed (sealed): nothing can be entered")
    static let closedNoEntryHint = Localized(zh: "如需复核某单位，先用 `kaimen session appeal` 申诉复核", en: "to review a unit, open an appeal with `kaimen session appeal`")

    static func notAppealed(_ s: ExpectedBallots.Sheet, appealed: [String]) -> Localized {
        let list = appealed.joined(separator: ", ")
        return Localized(zh: "会话只为申诉复核的单位（\(list)）重新开放，`\(s.unit)` 不在其中", en: "the session is reopened only for the appealed units (\(list)), not `\(s.unit)`")
    }

    /// Several sheets of a typed file for units no appeal reopened.
    static func notAppealed(_ sheets: [ExpectedBallots.Sheet], appealed: [String]) -> Localized {
        var units: [String] = []
        for s in sheets where !units.contains(s.unit) { units.append(s.unit) }
        let shown = units.prefix(8).joined(separator: ", ") + (units.count > 8 ? " …" : "")
        let list = appealed.joined(separator: ", ")
        return Localized(zh: "会话只为申诉复核的单位（\(list)）重新开放，文件中另有 \(sheets.count) 张评分表属于其他单位（\(shown)）",
                         en: "the session is reopened only for the appealed units (\(list)); the file holds \(sheets.count) sheets of other units (\(shown))")
    }
    static func notAppealedHint(_ appealed: [String]) -> Localized {
        let list = appealed.joined(separator: ", ")
        return Localized(zh: "只保留 \(list) 的行（申诉更正的评分表）再录入；其他单位的评分表已随结果封存，不能再录入",
                         en: "keep only the rows of \(list) (the appeal's corrected sheets) and enter the file again; the other units' sheets are sealed with the results")
    }

    static func sameOperator(_ s: ExpectedBallots.Sheet, by: String, seq: Int) -> Localized {
        Localized(zh: "`\(by)` 已录入过 `\(s.representative)` 对 `\(s.unit)` 的评分表（记录 \(seq)），且内容不同；同一人不能录入两次",
                  en: "`\(by)` already entered `\(s.representative)`'s sheet for `\(s.unit)` (record \(seq)) with other values; one operator cannot enter a sheet twice")
    }

    /// `by` and `other` (the operator of record `seq`), one name holding the other.
    static func operatorNearMiss(by: String, other: String, seq: Int, sheets: Int) -> Localized {
        let (by, other) = (Echo.cell(by), Echo.cell(other))
        return Localized(zh: "`\(by)` 与记录 \(seq) 的录入员 `\(other)` 看起来是同一个人（不计空格、标点和大小写，一个名字包含另一个），两个名字下录入的是同样的 \(sheets) 张评分表；"
                             + "双人录入要两个不同的人各录入一次，同一人换个写法再录一次，这些评分表就只凭一人的录入被确认；未做记录",
                         en: "`\(by)` and `\(other)`, the operator of record \(seq), look like one person (without spaces, punctuation and case, one name holds the other), and both entered the same \(sheets) sheet\(sheets == 1 ? "" : "s"); "
                             + "double entry takes two different people each entering once: one person entering again under another spelling would confirm these sheets on one person's typing; nothing recorded")
    }
    /// After an entry with `--different-person`: whom `by` was told apart from, as recorded.
    static func toldApart(by: String, from others: [(by: String, seq: Int)]) -> Localized {
        let by = Echo.cell(by)
        let zh = others.map { "记录 \($0.seq) 的 `\(Echo.cell($0.by))`" }.joined(separator: "、")
        let en = others.map { "`\(Echo.cell($0.by))` of record \($0.seq)" }.joined(separator: ", ")
        return Localized(zh: "按 --different-person 记为两个人：`\(by)` 与\(zh)（日志中此记录的 differentFrom）",
                         en: "recorded as two people by --different-person: `\(by)` and \(en) (the record's differentFrom in the journal)")
    }
    static let operatorNearMissHint = Localized(zh: "若是同一人，请另一名录入员对照纸质评分表录入；若确是两个不同的人（如 张伟 与 张伟华），加 `--different-person` 再录入",
                                                en: "if it is one person, have another operator type the paper sheets; if they are two different people (say Li Ming and Li Mingyu), add `--different-person`")

    /// What to do instead, by where the sheet stands: with double entry and no one else's entry
    /// yet, `resolve` refuses (`entered-once`), so the way is the second typist's entry (a
    /// secretary's trial was sent to `resolve` and refused).
    static func sameOperatorHint(doubleEntry: Bool, othersEntered: Bool) -> Localized {
        if doubleEntry && !othersEntered {
            return Localized(zh: "第二次录入须由另一名录入员对照纸质评分表完成；录错的值会与之不一致，届时 `kaimen session status` 会列出裁定命令",
                             en: "the second entry must be by another operator, from the paper sheet; a value typed wrong will then disagree with theirs, and `kaimen session status` lists the resolve command")
        }
        return doubleEntry
            ? Localized(zh: "录错的值用 `kaimen session resolve` 更正（`kaimen session status` 列出不一致项的裁定命令；已确认的值须加 `--override`）",
                        en: "settle a wrong value with `kaimen session resolve` (`kaimen session status` lists the command for items in conflict; a confirmed value takes `--override`)")
            : Localized(zh: "录错的值用 `kaimen session resolve` 加 `--override` 更正，原值会记入日志",
                        en: "correct a wrong value with `kaimen session resolve` and `--override`; the value replaced is kept in the journal")
    }

    static let enterTakesTypedSheets = Localized(
        zh: "`kaimen session enter` 录入的是录入员对照纸质评分表录入的文件（`kaimen sheets` 写出的录入模板 entry-template.csv 或 .xlsx，填好分数）；换成那个文件",
        en: "`kaimen session enter` takes the file an operator typed from the paper sheets (the entry template, entry-template.csv or .xlsx, that `kaimen sheets` writes, with the scores typed in); give that file")

    static func sameFile(file: String, seq: Int, by: String, earlierFile: String) -> Localized {
        Localized(zh: "`\(file)` 与记录 \(seq)（\(by) 录入的 `\(earlierFile)`）逐字节相同：同一个文件录入两次，评分表其实只录入了一次，却会按两人一致确认；未做记录",
                  en: "`\(file)` is byte for byte the file of record \(seq) (`\(earlierFile)`, entered by \(by)): one file entered twice is typed once, yet would confirm its sheets as if by two; nothing recorded")
    }
    /// The same text as an earlier entry's file, in other bytes (saved again: other line ends or encoding).
    static func sameText(file: String, seq: Int, by: String, earlierFile: String) -> Localized {
        Localized(zh: "`\(file)` 与记录 \(seq)（\(by) 录入的 `\(earlierFile)`）内容完全相同，只是换了编码、行尾或文件格式（CSV 或 Excel 工作簿；多是把同一个文件另存了一次）：评分表其实只录入了一次，却会按两人一致确认；未做记录",
                  en: "`\(file)` holds exactly the text of record \(seq)'s file (`\(earlierFile)`, entered by \(by)), in another encoding, with other line ends or in another format (CSV or an Excel workbook; most likely the same file saved again): typed once, yet it would confirm its sheets as if by two; nothing recorded")
    }
    /// A file of a sheet or few (an appeal's correction): two typists typing it alike is usual.
    static func sameFileFewSheetsHint(_ n: Int) -> Localized {
        Localized(zh: "这个文件只有 \(n) 张评分表，两人各自对照纸质表录入而完全相同很常见：确是如此，加 `--identical` 再录入；否则请另一位录入员自己录入",
                  en: "the file holds \(n) sheet\(n == 1 ? "" : "s"): two people each typing from the paper sheet often come out the same; if that is so, add `--identical`; otherwise have another operator type it")
    }
    static let sameFileHint = Localized(zh: "双人录入要两人各自对照纸质评分表录入、各存一个文件；若确是两人各自录入而恰好完全相同，加 `--identical` 再录入",
                                        en: "double entry takes two people each typing from the paper sheets into their own file; if two people did type it and it came out the same to the byte, add `--identical`")

    /// `session enter`: rows that gave no score at all, and the void command for the first.
    /// - Parameter rows: each sheet's spreadsheet row in the file, where known (`第 12 行 R09 × X04`).
    static func untypedRows(_ sheets: [ExpectedBallots.Sheet], rows: [Int?] = [], dir: String, wholeFile: Bool = false) -> Localized {
        // Every row of the file without a score: an entry template not filled in yet (a
        // secretary's test entered one, and was told to void its first sheet as blank).
        if wholeFile && sheets.count >= 3 {
            return Localized(zh: "这个文件的 \(sheets.count) 行都没有填分数，像是还没填写的录入模板（`kaimen sheets` 写出的 entry-template.csv）；在模板里填好分数后再录入",
                             en: "none of this file's \(sheets.count) rows gives a score: it looks like an entry template not filled in yet (the entry-template.csv `kaimen sheets` writes); type the scores into it, then enter it")
        }
        let shown = sheets.prefix(5).enumerated().map { i, s in
            (zh: (i < rows.count ? rows[i].map { "第 \($0) 行 " } : nil) ?? "", en: (i < rows.count ? rows[i].map { " (row \($0))" } : nil) ?? "", sheet: "\(s.representative) × \(s.unit)")
        }
        let more = sheets.count > 5
        let command = sheets.first.map { "kaimen session void \(shellWord(dir)) --rep \(shellWord($0.representative)) --unit \(shellWord($0.unit))" } ?? ""
        return Localized(
            zh: "未录入 \(sheets.count) 行：没有填任何分数（\(shown.map { $0.zh + $0.sheet }.joined(separator: "、"))\(more ? " 等" : "")），不算录入；填好后再录入这个文件。"
                + "原表若确实全部空白，用 `\(command) --reason 原表空白 --by \(namePlaceholder.zh)` 声明作废",
            en: "not entered: \(sheets.count) row\(sheets.count == 1 ? "" : "s") give no score at all (\(shown.map { $0.sheet + $0.en }.joined(separator: ", "))\(more ? ", …" : "")); "
                + "type them and enter the file again. If a paper sheet is blank throughout, declare it void: "
                + "`\(command) --reason \"blank sheet\" --by \(namePlaceholder.en) --lang en`")
    }

    /// `session enter`: the cells this file left blank, which count as not scored, a line a
    /// sheet (the first `shown` sheets, then a count), and what to do where the paper has a score
    /// (a secretary's trial found them only as a count in `status`). `confirmed`: the blanks are
    /// settled already (both typists left them, or single entry), so only `resolve --override`
    /// adds a score; else the second typist's entry will disagree (a review and a trial: the
    /// second typist was promised a disagreement that could no longer come).
    static func blankCellsEntered(_ cells: [(sheet: ExpectedBallots.Sheet, items: [String])], names: [String: String],
                                  confirmed: Bool, shown: Int = 20) -> Localized {
        let count = cells.reduce(0) { $0 + $1.items.count }
        let listed = cells.prefix(shown)
        /// A line a sheet, its items by name and key (a standard's name may hold `、` or `：` itself).
        func lines(colon: String, comma: String, _ bracket: (String, String) -> String) -> String {
            listed.map { c in
                "\n  \(c.sheet.representative) × \(c.sheet.unit)\(colon)" + c.items.map { item in oneLine(names[item].map { bracket($0, item) } ?? item) }.joined(separator: comma)
            }.joined()
        }
        let restSheets = cells.count - listed.count, restCells = cells.dropFirst(shown).reduce(0) { $0 + $1.items.count }
        let zhList = lines(colon: "：", comma: "、") { "\($0)（\($1)）" }
        let enList = lines(colon: ": ", comma: ", ") { "\($0) (\($1))" }
        return Localized(
            zh: (confirmed ? "已确认为空白的单元格 \(count) 个" : "空白单元格 \(count) 个") + "，按“未打分”处理、不计票：" + zhList
                + (restSheets > 0 ? "\n  ……另有 \(restSheets) 张评分表共 \(restCells) 个空白单元格" + (confirmed ? "（`kaimen session status` 的“空白项”一列列出全部）" : "") : "")
                + "\n纸质评分表上有分数的是漏录了："
                + (confirmed ? "用 `kaimen session resolve` 加 `--override` 补上" : "第二名录入员录入后会列为不一致，再按纸质评分表裁定"),
            en: (confirmed ? "\(count) blank cell\(count == 1 ? "" : "s") confirmed" : "\(count) blank cell\(count == 1 ? "" : "s")")
                + ", taken as not scored (no ballot):" + enList
                + (restSheets > 0 ? "\n  … and \(restCells) on \(restSheets) more sheet\(restSheets == 1 ? "" : "s")"
                    + (confirmed ? " (all of them under “Blank cells” in `kaimen session status`)" : "") : "")
                + "\nWhere the paper sheet has a score, it was skipped in typing: "
                + (confirmed ? "add it with `kaimen session resolve` and `--override`"
                             : "the second operator's entry will then disagree, to be settled from the paper sheet"))
    }

    static let noSheetToRecord = Localized(zh: "没有可记录的评分表，未做记录", en: "no sheet to record; nothing recorded")

    /// Two rows of a typed file whose scores, exchanged, would settle every conflict of their
    /// two sheets (`DoubleEntry.swaps`): `rows` are each sheet's rows in the file.
    static func rowsSwapped(_ swap: DoubleEntry.Swap, rows: ([Int], [Int])) -> Localized {
        func zh(_ r: [Int]) -> String { "第 " + r.map(String.init).joined(separator: "、") + " 行" }
        func en(_ r: [Int]) -> String { r.map(String.init).joined(separator: ", ") }
        let (a, b) = (swap.first, swap.second)
        let (sa, sb) = (oneLine("\(a.representative) × \(a.unit)"), oneLine("\(b.representative) × \(b.unit)"))
        let n = swap.conflicts
        return Localized(zh: "\(zh(rows.0))（\(sa)）与\(zh(rows.1))（\(sb)）的评分看起来互换了：这两处的分数对调，两张评分表的 \(n) 项不一致就都没有了",
                         en: "rows \(en(rows.0)) (\(sa)) and \(en(rows.1)) (\(sb)) look swapped: with their scores exchanged, all \(n) conflict\(n == 1 ? "" : "s") of the two sheets would vanish")
    }
    static let rowsSwappedHint = Localized(
        zh: "对照这两张纸质评分表，看是这次还是之前的录入放错了行；录入员不能改自己已录入的值：由第三名录入员按纸质评分表录入这两张，或用 `kaimen session resolve` 逐项裁定",
        en: "check the two paper sheets for whether this entry or the earlier one put them in each other's place; an operator cannot change their own entry: have a third operator enter both sheets from the paper, or settle each item with `kaimen session resolve`")

    /// Two standards of one sheet whose scores, exchanged, would settle the sheet's two
    /// conflicts (`DoubleEntry.swaps`, since 0.29.5): `cells` are their score cells, named in
    /// a long file by row and standard (`names`, the standards' names), in a wide one by row,
    /// column letter and header (the second by column alone: the row is the first's).
    static func standardsSwapped(_ swap: DoubleEntry.Swap, cells: (SourceLocation, SourceLocation), long: Bool, names: [String]) -> Localized {
        let sheet = oneLine("\(swap.first.representative) × \(swap.first.unit)")
        let rows = (cells.0.cell?.row ?? cells.0.line, cells.1.cell?.row ?? cells.1.line)
        let (zh, en): (String, String)
        if long, names.count == 2 {
            let (a, b) = (oneLine(names[0]), oneLine(names[1]))
            zh = "第 \(rows.0) 行（\(a)）与第 \(rows.1) 行（\(b)）"
            en = "row \(rows.0) (\(a)) and row \(rows.1) (\(b))"
        } else {
            func column(_ l: SourceLocation) -> (letter: String, header: String) {
                (l.cell.map(\.letter) ?? "?", oneLine(l.cell?.header ?? ""))
            }
            let (a, b) = (column(cells.0), column(cells.1))
            zh = "第 \(rows.0) 行 \(a.letter) 列（\(a.header)）与 \(b.letter) 列（\(b.header)）"
            en = "row \(rows.0), column \(a.letter) (\(a.header)) and column \(b.letter) (\(b.header))"
        }
        return Localized(zh: "\(sheet) 的评分表中，\(zh)的评分看起来互换了：这两项的分数对调，这张评分表的 \(swap.conflicts) 项不一致就都没有了",
                         en: "in \(sheet)'s sheet, \(en) look swapped: with their scores exchanged, the sheet's \(swap.conflicts) conflicts would vanish")
    }
    static let standardsSwappedHint = Localized(
        zh: "对照这张纸质评分表，看是这次还是之前的录入把这两项填反了；录入员不能改自己已录入的值：由第三名录入员按纸质评分表录入这张，或用 `kaimen session resolve` 逐项裁定",
        en: "check the paper sheet for whether this entry or the earlier one put the two scores in each other's place; an operator cannot change their own entry: have a third operator enter the sheet from the paper, or settle each item with `kaimen session resolve`")

    /// An item's values as the operators typed them, each with who typed it:
    /// `4（录入员甲）/ 3（录入员乙）`, a blank cell as `空白（录入员乙）`.
    static func typings(_ typings: [DoubleEntry.Typing]) -> Localized {
        // No space before the slash after a full-width bracket, which has its own.
        Localized(zh: typings.map { "\($0.value ?? "空白")（\(oneLine($0.by.joined(separator: "、")))）" }.joined(separator: "/ "),
                  en: typings.map { "\($0.value ?? "blank") (\(oneLine($0.by.joined(separator: ", "))))" }.joined(separator: " / "))
    }
}
