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
/// is filled with empty cells; cells beyond the last column are ignored. A cell wider than its
/// column's `maxWidth` is cut with an ellipsis, or in a `wrap` column goes on over more lines.
public struct TextTable: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable {
        case left, right
    }

    public struct Column: Sendable, Hashable {
        public var header: String
        public var alignment: Alignment
        /// Cells (and the header) wider than this many columns are truncated with the ellipsis,
        /// or with `wrap` go on over as many lines as they need.
        public var maxWidth: Int?
        /// A cell wider than `maxWidth` is broken into lines (``DisplayWidth/wrap(_:to:)``) and
        /// its row takes as many lines, the other cells on its first: what must be read whole,
        /// such as a standard's thresholds, is never cut.
        public var wrap: Bool

        public init(_ header: String, alignment: Alignment = .left, maxWidth: Int? = nil, wrap: Bool = false) {
            self.header = header
            self.alignment = alignment
            self.maxWidth = maxWidth
            self.wrap = wrap
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
        let body = rows.flatMap { row in
            let cells = columns.indices.map { i in cellLines(i < row.count ? row[i] : "", columns[i]) }
            let height = cells.map(\.count).max() ?? 1
            return (0..<height).map { k in cells.map { k < $0.count ? $0[k] : "" } }
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
        out.append(widths.map { String(repeating: underline, count: $0) }.joined(separator: separator).trimmingTrailingSpaces)
        for row in body {
            out.append(line(row, widths))
        }
        return out
    }

    /// The table with its wrapped columns narrowed so that its lines fit `width` display
    /// columns, when they can: each wrapped column keeps at least its floor (its header, and
    /// its widest run of characters without a space or a character two columns wide, such as
    /// `contracts_signed/enterprises_unionised`, which a narrower column would cut mid-word;
    /// at most its `maxWidth`), and what the other columns leave beyond the floors is shared
    /// in proportion to what each wrapped column's cells want beyond its floor. A table that
    /// cannot fit so is returned unchanged (`rules show` in a terminal narrower than its table,
    /// whose lines a terminal folded mid-word).
    public func fitted(to width: Int) -> TextTable {
        let wrapped = columns.indices.filter { columns[$0].wrap && columns[$0].maxWidth != nil }
        guard !wrapped.isEmpty else { return self }
        func cells(_ i: Int) -> [String] { [columns[i].header] + rows.map { i < $0.count ? oneLine($0[i]) : "" } }
        // Each column's width unwrapped: the others' as they will print, the wrapped ones' up to their `maxWidth`.
        func natural(_ i: Int) -> Int {
            let widest = cells(i).map { DisplayWidth.of($0) }.max() ?? 0
            return columns[i].maxWidth.map { min($0, widest) } ?? widest
        }
        func floor(_ i: Int) -> Int {
            let runs = cells(i).flatMap { $0.split { $0 == " " || DisplayWidth.of($0) == 2 } }
            let widest = max(DisplayWidth.of(columns[i].header), runs.map { DisplayWidth.of(String($0)) }.max() ?? 0)
            return min(columns[i].maxWidth!, widest)
        }
        let others = columns.indices.filter { !wrapped.contains($0) }.reduce(0) { $0 + natural($1) }
        // Less two a wrapped column: `DisplayWidth.wrap` keeps a closing mark (`，`) on its line past the width.
        let room = width - others - DisplayWidth.of(separator) * (columns.count - 1) - 2 * wrapped.count
        let wanted = wrapped.map(natural), floors = wrapped.map(floor)
        let total = wanted.reduce(0, +), least = floors.reduce(0, +)
        guard room < total, room >= least else { return self }
        let beyond = zip(wanted, floors).map { max(0, $0 - $1) }, beyondTotal = beyond.reduce(0, +)
        var t = self
        for (k, i) in wrapped.enumerated() {
            let share = beyondTotal > 0 ? (room - least) * beyond[k] / beyondTotal : 0
            t.columns[i].maxWidth = min(wanted[k], floors[k] + share)
        }
        return t
    }

    /// The whole table, each line ending with `\n`.
    public func render() -> String {
        lines().map { $0 + "\n" }.joined()
    }

    private func fit(_ text: String, _ column: Column) -> String {
        guard let maxWidth = column.maxWidth else { return oneLine(text) }
        return DisplayWidth.truncate(oneLine(text), to: maxWidth, ellipsis: ellipsis)
    }

    /// A cell's lines: one, or in a `wrap` column as many as its width needs.
    private func cellLines(_ text: String, _ column: Column) -> [String] {
        guard column.wrap, let maxWidth = column.maxWidth else { return [fit(text, column)] }
        return DisplayWidth.wrap(oneLine(text), to: maxWidth)
    }

    private func oneLine(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0.isNewline }) else { return text }
        return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
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
        return parts.joined(separator: separator).trimmingTrailingSpaces
    }
}
