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
}
