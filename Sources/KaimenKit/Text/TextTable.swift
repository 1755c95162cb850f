/// A plain-text table for the terminal, aligned by display width so Chinese lines up.
///
/// ```
/// 单位        得分
/// ----------  ------
/// 机关工会     92.50
/// Team A       87.00
/// ```
///
/// Columns are separated by two spaces, the header is underlined column by column, and
/// trailing spaces are trimmed from every line. Tabs and line breaks inside a cell are shown
/// as spaces, so every row stays on one line. A row with fewer cells than there are columns
/// is filled with empty cells; cells beyond the last column are ignored.
public struct TextTable: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable {
        case left, right
    }

    public struct Column: Sendable, Hashable {
        public var header: String
        public var alignment: Alignment
        /// Cells (and the header) wider than this many columns are truncated with the ellipsis.
        public var maxWidth: Int?

        public init(_ header: String, alignment: Alignment = .left, maxWidth: Int? = nil) {
            self.header = header
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// The character repeated under each header. `-` by default; `─` looks nicer but some
    /// Chinese-locale consoles draw it two columns wide.
    public var underline: Character
    /// Between two columns.
    public var separator: String
    /// Ends a truncated cell.
    public var ellipsis: String

    public init(columns: [Column], rows: [[String]] = [], underline: Character = "-",
                separator: String = "  ", ellipsis: String = "…") {
        self.columns = columns
        self.rows = rows
        self.underline = underline
        self.separator = separator
        self.ellipsis = ellipsis
    }

    public mutating func addRow(_ cells: [String]) {
        rows.append(cells)
    }

    /// One string per line: header, underline, then the rows. No line ends.
    public func lines() -> [String] {
        guard !columns.isEmpty else { return [] }
        let header = columns.map { fit($0.header, $0) }
        let body = rows.map { row in
            columns.indices.map { i in fit(i < row.count ? row[i] : "", columns[i]) }
        }
        var widths = header.map { DisplayWidth.of($0) }
        for row in body {
            for (i, cell) in row.enumerated() {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        var out: [String] = []
        out.reserveCapacity(rows.count + 2)
        out.append(line(header, widths))
        out.append(trimmed(widths.map { String(repeating: underline, count: $0) }.joined(separator: separator)))
        for row in body {
            out.append(line(row, widths))
        }
        return out
    }

    /// The whole table, each line ending with `\n`.
    public func render() -> String {
        lines().map { $0 + "\n" }.joined()
    }

    private func fit(_ text: String, _ column: Column) -> String {
        var s = text
        if s.contains(where: { $0 == "\t" || $0.isNewline }) {
            s = String(s.map { $0 == "\t" || $0.isNewline ? " " : $0 })
        }
        if let maxWidth = column.maxWidth {
            s = DisplayWidth.truncate(s, to: maxWidth, ellipsis: ellipsis)
        }
        return s
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        var parts: [String] = []
        parts.reserveCapacity(cells.count)
        for (i, cell) in cells.enumerated() {
            switch columns[i].alignment {
            case .left: parts.append(DisplayWidth.padRight(cell, to: widths[i]))
            case .right: parts.append(DisplayWidth.padLeft(cell, to: widths[i]))
            }
        }
        return trimmed(parts.joined(separator: separator))
    }

    private func trimmed(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
