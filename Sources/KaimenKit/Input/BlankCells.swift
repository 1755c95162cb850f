/// A wide ballots file's score cells left empty, in rows whose representative may score the
/// row's unit: each is no ballot, so that unit has one ballot fewer on that standard. A
/// representative may leave a standard blank on paper, so it is no error (`blank-score`, a
/// warning); but a cell skipped in typing changes the unit's mean on the standard, and must
/// not pass unseen (a secretary's trial: a skipped cell moved a unit's 宣传教育 from 5.90 to 6.00).
///
/// Both ballots readers gather them, in file order (the bulk reader as facts, like its
/// recusals: it writes no message); ``warning(fileName:)`` makes the one message of either,
/// so it is the same whichever path read the file.
public struct BlankCells: Sendable, Equatable {
    /// One empty cell: its spreadsheet row, column (from 0) and header, and its row's ids as written.
    public struct Cell: Sendable, Equatable {
        public var row: Int, column: Int
        public var header: String
        public var representative: String, unit: String
    }

    /// The cells a warning lists; the others are counted.
    public static let listed = 10

    /// How many, and on how many rows.
    public private(set) var count = 0, rows = 0
    /// The first `listed + 1`, in file order: one past those listed says whether the last
    /// listed row has more.
    public private(set) var first: [Cell] = []
    private var lastRow = -1

    public init() {}

    /// Adds the empty cell in spreadsheet row `row`; `cell` is made only when it is kept.
    /// Cells come in file order.
    mutating func add(row: Int, _ cell: () -> Cell) {
        if count == 0 || row != lastRow { rows += 1 }
        lastRow = row
        count += 1
        if first.count <= Self.listed { first.append(cell()) }
    }

    /// `other`'s cells after these (a later part of the file, no row in both).
    mutating func append(_ other: BlankCells) {
        count += other.count
        rows += other.rows
        first += other.first.prefix(max(0, Self.listed + 1 - first.count))
        if other.count > 0 { lastRow = other.lastRow }
    }

    /// The rows of the cells kept moved down by `lines` (a part of the file read from its own
    /// start, placed after the lines before it).
    mutating func shift(by lines: Int) {
        for k in first.indices { first[k].row += lines }
        lastRow += lines
    }

    /// The warning (`blank-score`) for these cells, placed on the file as a whole; `nil` for none.
    public func warning(fileName: String) -> Diagnostic? {
        guard count > 0 else { return nil }
        let shown = first.prefix(Self.listed)
        var byRow: [ReaderMessages.BlankRow] = []
        for c in shown {
            if byRow.last?.row != c.row {
                byRow.append(ReaderMessages.BlankRow(row: c.row, rep: Echo.cell(c.representative), unit: Echo.cell(c.unit), cells: []))
            }
            byRow[byRow.count - 1].cells.append((CellPosition.letter(c.column), Echo.cell(c.header)))
        }
        // Rows whose every empty cell is listed: all those shown, but the last when a cell of it is not.
        let whole = byRow.count - (first.count > Self.listed && first[Self.listed].row == shown.last?.row ? 1 : 0)
        return .warning(.blankScore, ReaderMessages.blankScores(byRow, count: count, more: count - shown.count, moreRows: rows - whole),
                        at: .whole(fileName), hint: ReaderMessages.blankScoresHint)
    }
}
