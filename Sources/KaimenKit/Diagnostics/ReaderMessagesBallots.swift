/// The texts of the problems found in ballots files (and typed sheets): their columns, rows and scores.
extension ReaderMessages {
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

    // MARK: Ballot cells

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
