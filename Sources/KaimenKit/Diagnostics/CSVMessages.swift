/// The texts of the problems found while reading a CSV file and its encoding, and of the
/// problems a scoring run finds across files, in Chinese and English.
enum CSVMessages {
    typealias L = Localized

    static let saveAsUTF8 = L(zh: "在 Excel 或 WPS 中选“另存为”→“CSV UTF-8（逗号分隔）”",
                              en: "in Excel or WPS choose “Save As” → “CSV UTF-8 (逗号分隔)”")
    /// An Excel 97–2003 workbook, or a workbook with a password (both are OLE compound files).
    static func oldWorkbook(_ file: String) -> L {
        L(zh: "`\(file)` 是旧版 Excel 工作簿（.xls）或设了打开密码的工作簿，kaimen 读不了",
          en: "`\(file)` is an old Excel workbook (.xls) or a workbook with a password to open it, which kaimen cannot read")
    }
    static let saveAsXLSX = L(zh: "在 Excel 或 WPS 中选“另存为”→“Excel 工作簿（*.xlsx）”（不设密码），或“CSV UTF-8（逗号分隔）”",
                              en: "in Excel or WPS choose “Save As” → “Excel Workbook (*.xlsx)” (without a password), or “CSV UTF-8 (Comma delimited)”")
    /// A `.xlsx` workbook kaimen could not read, and why.
    static func unreadableWorkbook(_ file: String, _ failure: WorkbookSheet.Failure) -> L {
        let why: L
        switch failure {
        case .notAWorkbook(openDocument: true):
            return L(zh: "`\(file)` 是 OpenDocument 表格（.ods），不是 Excel 工作簿（.xlsx）", en: "`\(file)` is an OpenDocument spreadsheet (.ods), not an Excel workbook (.xlsx)")
        case .notAWorkbook(openDocument: false):
            return L(zh: "`\(file)` 是 ZIP 压缩包，里面不是 Excel 工作簿", en: "`\(file)` is a ZIP archive, and not an Excel workbook")
        case .archive(.notAnArchive), .archive(.damaged(nil)):
            why = L(zh: "文件不完整或已损坏（多半是复制或下载时被截断了）", en: "the file is incomplete or damaged (most likely cut short when copied or downloaded)")
        case .archive(.damaged(let part?)):
            why = L(zh: "其中的 `\(Echo.cell(part))` 已损坏（与校验值不符）", en: "its part `\(Echo.cell(part))` is damaged (it does not match its checksum)")
        case .malformed(let part):
            why = L(zh: "其中的 `\(Echo.cell(part))` 不是格式正确的工作表内容", en: "its part `\(Echo.cell(part))` is not well-formed workbook content")
        case .archive(.unsupported(let part)):
            why = L(zh: "其中的 `\(Echo.cell(part))` 加了密码或用了 kaimen 不认识的压缩方式", en: "its part `\(Echo.cell(part))` has a password or a compression kaimen does not know")
        case .archive(.tooLarge), .tooLarge:
            why = L(zh: "内容展开后超过 \(WorkbookSheet.unpackedLimit >> 20) MiB，不像是评分用的表格", en: "its content, unpacked, passes \(WorkbookSheet.unpackedLimit >> 20) MiB, which no scoring table comes near")
        case .tooMuchText:
            why = L(zh: "读出的内容超过 \(WorkbookSheet.textLimit >> 20) MiB 或 \(WorkbookSheet.cellCountLimit / 10_000) 万个有值的单元格，不像是评分用的表格",
                    en: "what it reads as passes \(WorkbookSheet.textLimit >> 20) MiB or \(WorkbookSheet.cellCountLimit) cells with a value, which no scoring table comes near")
        case .archive(.zip64):
            why = L(zh: "它是 ZIP64 格式（超过 4 GiB 的压缩包才用），或已损坏", en: "it is in ZIP64 form (used only past 4 GiB), or damaged")
        case .archive(.duplicate(let part)):
            why = L(zh: "其中的 `\(Echo.cell(part))` 出现了两次，不知该读哪一个", en: "its part `\(Echo.cell(part))` is there twice, and either could be meant")
        case .longCell(let row, let column, let length):
            why = L(zh: "第 \(row) 行 \(CellPosition.letter(column - 1)) 列的单元格有 \(length) 个字符，超过 Excel 单元格最多的 \(WorkbookSheet.cellLimit) 个，不是 Excel 或 WPS 保存的内容",
                    en: "the cell in row \(row), column \(CellPosition.letter(column - 1)) holds \(length) characters, more than the \(WorkbookSheet.cellLimit) an Excel cell holds: it is not what Excel or WPS saved")
        case .noWorksheet:
            why = L(zh: "里面没有工作表", en: "it holds no worksheet")
        }
        return L(zh: "`\(file)` 是 Excel 工作簿（.xlsx），但读不了：" + why.zh, en: "`\(file)` is an Excel workbook (.xlsx), but it cannot be read: " + why.en)
    }
    /// The way out for a file `unreadableWorkbook` refused.
    static func unreadableWorkbookHint(_ failure: WorkbookSheet.Failure) -> L {
        switch failure {
        case .notAWorkbook(openDocument: true):
            return L(zh: "在 LibreOffice、WPS 或 Excel 中选“另存为”→“Excel 工作簿（*.xlsx）”，或“CSV UTF-8（逗号分隔）”",
                     en: "in LibreOffice, WPS or Excel choose “Save As” → “Excel Workbook (*.xlsx)”, or “CSV UTF-8 (Comma delimited)”")
        case .notAWorkbook(openDocument: false):
            return L(zh: "解压后给出其中的 CSV 文件或 Excel 工作簿", en: "unpack it and give the CSV file or Excel workbook inside")
        case .tooLarge, .tooMuchText, .archive(.tooLarge):
            return L(zh: "核对是不是给错了文件；确是这样大的表，在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”再读取",
                     en: "check that it is the right file; if the table really is that large, save it as “CSV UTF-8 (Comma delimited)” in Excel or WPS and give that")
        default: return reopenWorkbook
        }
    }
    static let reopenWorkbook = L(zh: "用 Excel 或 WPS 打开它，确认内容无误后重新保存；打不开时，用原来的文件重新复制一份",
                                  en: "open it in Excel or WPS, check its content and save it again; if it does not open, copy the original file again")
    /// A workbook of several worksheets: only `read` was read; `others` hold values too.
    static func otherSheets(_ file: String, read: String, count: Int, others: [String]) -> L {
        let zh = others.map { "「\(Echo.cell($0))」" }.joined(separator: "、"), en = others.map { "“\(Echo.cell($0))”" }.joined(separator: ", ")
        return L(zh: "`\(file)` 有 \(count) 个工作表，只读取了第一个「\(Echo.cell(read))」；工作表\(zh)里也有内容，没有读取",
                 en: "`\(file)` has \(count) worksheets, and only the first, “\(Echo.cell(read))”, was read; \(en) \(others.count == 1 ? "holds" : "hold") values too, which were not read")
    }
    static let firstSheetOnly = L(zh: "要读的内容请放在第一个工作表里（把它拖到最前面），或删去其他工作表",
                                  en: "put what is to be read in the first worksheet (drag it to the front), or delete the other worksheets")
    static func nulBytes(_ file: String) -> L {
        L(zh: "`\(file)` 含有 NUL 字节：它不是文本文件，或是没有字节顺序标记的 UTF-16 文本",
          en: "`\(file)` contains NUL bytes: it is not a text file, or is UTF-16 text without a byte order mark")
    }
    static func readAsGB18030(_ file: String) -> L {
        L(zh: "`\(file)` 不是 UTF-8；已按 GB18030（GBK）读取，这是中文版 Excel 和 WPS 保存普通“CSV”时用的编码",
          en: "`\(file)` is not UTF-8; it was read as GB18030 (GBK), the encoding Chinese Excel and WPS use for plain “CSV”")
    }
    static let checkChinese = L(zh: "请检查中文是否显示正确；保险起见，" + saveAsUTF8.zh,
                                en: "check that the Chinese text reads correctly; to be sure, " + saveAsUTF8.en)
    static let toBeSure = L(zh: "保险起见，" + saveAsUTF8.zh, en: "to be sure, " + saveAsUTF8.en)
    static func bomNotUTF8(_ file: String, line: Int) -> L {
        L(zh: "`\(file)` 以 UTF-8 字节顺序标记开头，但不是有效的 UTF-8（第一个不符合的字节在第 \(line) 行）",
          en: "`\(file)` starts with a UTF-8 byte order mark but is not valid UTF-8 (the first byte that does not fit is on line \(line))")
    }
    static func neitherUTF8NorGB(_ file: String, line: Int) -> L {
        L(zh: "`\(file)` 既不是 UTF-8，也不是 GB18030（第一个不符合的字节在第 \(line) 行）",
          en: "`\(file)` is not UTF-8, nor GB18030 (the first byte that does not fit is on line \(line))")
    }
    /// UTF-8 text with `count` bytes that are not UTF-8 here; `gbk`: what they read as in GB18030.
    static func strayBytes(_ file: String, line: Int, count: Int, gbk: String?) -> L {
        let zh = gbk.map { "（按 GBK 读是“\($0)”，多半是从另一个文件粘贴来的）" } ?? ""
        let en = gbk.map { " (read as GBK they are “\($0)”, most likely pasted from another file)" } ?? ""
        return L(zh: "`\(file)` 是 UTF-8 文本，但第 \(line) 行这里有 \(count) 个字节不是 UTF-8\(zh)",
                 en: "`\(file)` is UTF-8 text, but \(count) byte\(count == 1 ? "" : "s") here on line \(line) \(count == 1 ? "is" : "are") not UTF-8\(en)")
    }
    static let retypeStray = L(zh: "删去这几个字重新输入，再保存（Excel 或 WPS 中选“CSV UTF-8（逗号分隔）”）",
                               en: "delete these characters and type them again, then save (in Excel or WPS choose “CSV UTF-8 (Comma delimited)”)")
    static func damagedGB18030(_ file: String, line: Int) -> L {
        L(zh: "`\(file)` 看来是 GB18030 编码（Excel 或 WPS 的“CSV（逗号分隔）”），但第 \(line) 行这里有一个字节不符合 GB18030，也不是 UTF-8",
          en: "`\(file)` looks like GB18030 (Excel's or WPS's “CSV (Comma delimited)”), but a byte here on line \(line) does not fit GB18030, nor is the file UTF-8")
    }
    static let checkDamagedLine = L(zh: "这一行的文字可能残缺（文件被截断、拼接或经过别的程序）：核对这一行，再" + saveAsUTF8.zh,
                                    en: "the text of this line may be damaged (the file cut short, joined or passed through another program): check the line, then " + saveAsUTF8.en)
    static func badUTF16(_ file: String, _ name: String) -> L {
        L(zh: "`\(file)` 以 \(name) 字节顺序标记开头，但不是有效的 \(name)", en: "`\(file)` starts with a \(name) byte order mark but is not valid \(name)")
    }
    static func readAsUTF16(_ file: String, _ name: String) -> L {
        L(zh: "`\(file)` 已按 \(name) 读取（Excel 的“Unicode 文本”）", en: "`\(file)` was read as \(name) (Excel’s “Unicode text”)")
    }

    static func empty(_ file: String) -> L { L(zh: "`\(file)` 是空的：没有表头行", en: "`\(file)` is empty: it has no header line") }
    static let headerFirst = L(zh: "第一行要写各列的名称，用逗号隔开", en: "the first line must name the columns, separated by commas")
    /// A cell under a nameless header cell holds something (`column` counted from 0). Said at
    /// that cell since 0.29.4 (before, at the header cell: the header said nothing of where
    /// the value was); a nameless column with nothing under it is read past.
    static func unnamedColumnFilled(_ column: Int, headerRow: Int) -> L {
        let letter = CellPosition.letter(column)
        return L(zh: "这一格有内容，但 \(letter) 列在表头（第 \(headerRow) 行）没有名称，不知道它是哪一项的值",
                 en: "this cell holds something, but column \(letter) has no name in the header (row \(headerRow)), so what it is a value of is unknown")
    }
    static func nameOrMove(_ column: Int, headerRow: Int) -> L {
        let letter = CellPosition.letter(column)
        return L(zh: "在第 \(headerRow) 行 \(letter) 列写上这一列的名称；如果这些内容放错了列，把它们移到有名称的列里（\(letter) 列全空时不用删，读取时跳过）",
                 en: "write the column's name in row \(headerRow), column \(letter); if these cells belong to another column, move them there (an empty column \(letter) need not be deleted: it is read past)")
    }
    static func duplicateHeader(_ name: String) -> L {
        L(zh: "表头里 `\(name)` 列出现了两次", en: "column `\(name)` appears twice in the header")
    }
    static func sameName(_ a: Int, _ b: Int) -> L {
        L(zh: "\(CellPosition.letter(a - 1)) 列和 \(CellPosition.letter(b - 1)) 列同名；改名或删掉其中一列",
          en: "columns \(CellPosition.letter(a - 1)) and \(CellPosition.letter(b - 1)) have the same name; rename or delete one")
    }
    static func raggedRow(row: Int, count: Int, width: Int) -> L {
        L(zh: "第 \(row) 行有 \(count) 个单元格，但表头有 \(width) 列",
          en: "row \(row) has \(count) field\(count == 1 ? "" : "s") but the header has \(width)")
    }
    static let quoteComma = L(zh: "含逗号的值要放在英文双引号里，例如 `\"1,5\"`；或者表头少了一列",
                              en: "a value with a comma in it must be in double quotes, e.g. `\"1,5\"`; or the header is missing a column")
    static func missingCells(_ names: String) -> L {
        L(zh: "缺少 \(names)；空值也要用两个逗号隔开", en: "missing \(names); leave a value empty with nothing between two commas")
    }
    /// Where a quote is in the text: a spreadsheet shows the cell but not its quotes, so a
    /// quote problem also says where a text editor finds it.
    static func inText(_ at: SourceLocation) -> L {
        L(zh: "（在文本第 \(at.line) 行第 \(at.column) 个字符处）", en: " (line \(at.line), character \(at.column) of the text)")
    }
    static func quoteNeverClosed(_ at: SourceLocation) -> L {
        L(zh: "这个引号没有闭合" + inText(at).zh, en: "this quote is never closed" + inText(at).en)
    }
    static let closeQuote = L(zh: "补上闭合的 `\"`；如果引号是文字的一部分，写成两个：`\"\"`",
                              en: "add the closing `\"`, or double a quote that belongs to the text: `\"\"`")
    static func textAfterQuote(_ at: SourceLocation) -> L {
        L(zh: "带引号的单元格在闭合引号之后还有文字" + inText(at).zh, en: "text after the closing quote of a quoted field" + inText(at).en)
    }
    static let doubleInnerQuote = L(zh: "带引号的单元格里的引号要写两个：`\"say \"\"hi\"\"\"`",
                                    en: "a quote inside a quoted field must be doubled: `\"say \"\"hi\"\"\"`")
    static func quoteInUnquoted(_ at: SourceLocation) -> L {
        L(zh: "不带引号的单元格中间有一个引号" + inText(at).zh, en: "a quote in the middle of an unquoted field" + inText(at).en)
    }
    static let quoteWholeField = L(zh: "含引号的单元格要整个放进引号里，里面的每个引号写两个：`\"say \"\"hi\"\"\"`",
                                   en: "a field with a quote in it must be quoted entirely, each inner quote doubled: `\"say \"\"hi\"\"\"`")
    static let spaceBeforeQuote = L(zh: "删掉开头引号前的空格", en: "remove the space before the opening quote")

    // MARK: A scoring run

    static let checkPath = L(zh: "请检查路径", en: "check the path")
    static func vetoUnchecked(_ unit: String, _ veto: String, _ when: String, _ why: VetoNotChecked) -> L {
        let (zh, en) = switch why {
        case .missingData: ("它用到的指标缺失", "a metric it reads is missing")
        case .divisionByZero: ("条件里的除数为零", "its condition divides by zero")
        case .valueTooLarge: ("条件里的数值超出范围（±9.2×10¹⁸）", "a value in its condition is beyond ±9.2·10¹⁸")
        }
        return L(zh: "单位 `\(unit)`：否决项 `\(veto)`（\(when)）无法判断：\(zh)",
                 en: "unit `\(unit)`: veto `\(veto)` (\(when)) cannot be checked: \(en)")
    }
    static let fillOrNotStrict = L(zh: "请补上指标，或不加 --strict 运行（该单位不看这个否决项计分）",
                                   en: "fill in the metric, or run without --strict to score the unit without the veto")
    static let checkOrNotStrict = L(zh: "请核对该单位用到的指标，或不加 --strict 运行（该单位不看这个否决项计分）",
                                    en: "check the unit's metrics the condition reads, or run without --strict to score the unit without the veto")
}
