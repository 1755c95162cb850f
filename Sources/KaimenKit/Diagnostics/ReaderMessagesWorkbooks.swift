/// The texts of the problems found in Excel workbooks given as units, roster or ballots files.
extension ReaderMessages {
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
}
