/// A place in an input file that a person can open: `file:line:column`, 1-based.
///
/// Columns count Unicode scalars, so a Chinese character is one column, as editors show it.
/// A place in a CSV file also carries the spreadsheet cell (`cell`), and is printed the way
/// Excel and WPS show it: `units.csv 第 8 行 C 列（members）` / `units.csv row 8, column C (members)`.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// The spreadsheet cell, for a place in a CSV file.
    public var cell: CellPosition?

    public init(file: String, line: Int, column: Int, cell: CellPosition? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.cell = cell
    }

    /// A file as a whole, where no line in it is the place (a result file changed, a lock file
    /// left behind): printed as its path alone, not `path:1:1`.
    public static func whole(_ file: String) -> SourceLocation { SourceLocation(file: file, line: 0, column: 0) }

    /// The same place, `n` columns further along the line.
    public func advanced(by n: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + n, cell: cell)
    }

    /// English: `file:line:column`, or `units.csv row 8, column C (members)` for a CSV cell.
    public var description: String { rendered(.en) }

    public func rendered(_ language: Language) -> String {
        guard let cell else { return line > 0 ? "\(file):\(line):\(column)" : file }
        return "\(file) \(cell.rendered(language))"
    }
}

/// A cell as a spreadsheet shows it: row 1 is the header, columns are lettered A, B, …, Z, AA, ….
public struct CellPosition: Hashable, Sendable {
    /// 1-based spreadsheet row (the header is row 1 when it is the first line).
    public var row: Int
    /// 0-based column index.
    public var column: Int
    /// The header name of the column, when the column has one.
    public var header: String?
    /// The header row as a whole, not one of its cells (`column` is then 0): the place of a
    /// problem with the file's columns, such as one that is missing.
    public var wholeHeader: Bool

    public init(row: Int, column: Int, header: String? = nil) {
        self.row = row
        self.column = column
        self.header = header
        wholeHeader = false
    }

    /// The header row `row` as a whole: `第 1 行（表头）` / `row 1 (the header)`.
    public static func header(row: Int) -> CellPosition {
        var cell = CellPosition(row: row, column: 0)
        cell.wholeHeader = true
        return cell
    }

    /// `A` for column 0, `Z` for 25, `AA` for 26.
    public var letter: String { Self.letter(column) }

    public static func letter(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// `第 8 行 C 列（members）` / `row 8, column C (members)`.
    public func rendered(_ language: Language) -> String {
        if wholeHeader { return language == .zh ? "第 \(row) 行（表头）" : "row \(row) (the header)" }
        // A header name is the file's text: quoted as messages quote cells (cut, controls shown).
        let name = header.flatMap { $0.isEmpty ? nil : Echo.cell($0) }
        switch language {
        case .zh: return "第 \(row) 行 \(letter) 列" + (name.map { "（\($0)）" } ?? "")
        case .en: return "row \(row), column \(letter)" + (name.map { " (\($0))" } ?? "")
        }
    }
}
