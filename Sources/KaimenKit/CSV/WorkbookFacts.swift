/// What a workbook's worksheet says of its cells beyond the text they read as, which the CSV
/// text made of it cannot carry: that a cell is part of a merged range (its value sits only in
/// the range's top left cell, so the others read empty), a formula stored without its value, a
/// number shown as a date, a hidden row or column.
/// The readers use it for their messages: an empty category under a merged cell is told to
/// unmerge, not only to fill in; a formula without a value is an error at its cell, in place
/// of whatever a reader would say of its text.
///
/// Rows and columns count from 1, as in the worksheet (`C2` is row 2, column 3).
public struct WorkbookFacts: Sendable, Hashable {
    /// A merged range (`<mergeCell ref="C2:C5"/>`): its first and last row and column.
    public struct Range: Sendable, Hashable {
        public var top: Int, left: Int, bottom: Int, right: Int

        /// `C2:C5`, as Excel names it.
        public var reference: String {
            "\(CellPosition.letter(left - 1))\(top):\(CellPosition.letter(right - 1))\(bottom)"
        }

        /// The range's top left cell, where its value is stored: `C2`.
        public var topLeft: String { "\(CellPosition.letter(left - 1))\(top)" }

        func contains(row: Int, column: Int) -> Bool { (top ... bottom).contains(row) && (left ... right).contains(column) }
    }

    /// The worksheet's merged ranges, as it lists them.
    public var merged: [Range] = []

    /// A formula stored without the value it works out to, as openpyxl writes them: its cell
    /// (read as the formula's text, `=C2*2`) and the formula.
    public struct Uncomputed: Sendable, Hashable {
        public var row: Int, column: Int
        /// Without `=`; empty for a shared formula's follower. Kept for the first
        /// `formulasKept` only, which is all the messages quote.
        public var formula: String
    }
    /// Every formula stored without its value, in row order.
    public var uncomputed: [Uncomputed] = []
    static let formulasKept = Diagnostics.limitPerKind + 1

    /// A cell that reads as a date or time: a number in a date format (`number`, the number it
    /// holds, `41828` for `2014-07-08`) or an elapsed-time one (`1.5` for `36:00`), or a date
    /// stored as such (`number` nil).
    public struct DateCell: Sendable, Hashable {
        public var row: Int, column: Int
        public var number: String?
        /// In an elapsed-time format (`[h]:mm`): a duration, in days, not a date.
        public var elapsed = false
    }
    public var dates: [DateCell] = []

    /// The rows hidden in the worksheet (`<row hidden="1">`) that hold a value, in order: they
    /// are read like any other, and a committee that hid them may not mean them to count.
    public var hiddenRows: [Int] = []

    /// The columns hidden in the worksheet (`<col min="4" max="4" hidden="1"/>`) that hold a
    /// value in any row, in order: read like any other, as hidden rows are.
    public var hiddenColumns: [Int] = []

    public init(merged: [Range] = [], uncomputed: [Uncomputed] = [], dates: [DateCell] = [], hiddenRows: [Int] = [], hiddenColumns: [Int] = []) {
        self.merged = merged
        self.uncomputed = uncomputed
        self.dates = dates
        self.hiddenRows = hiddenRows
        self.hiddenColumns = hiddenColumns
    }

    mutating func noteUncomputed(row: Int, column: Int, formula: String) {
        uncomputed.append(Uncomputed(row: row, column: column, formula: uncomputed.count < Self.formulasKept ? formula : ""))
    }


    /// The merged range a cell lies in below or beside its top left cell (so that it reads
    /// empty whatever the range holds), if any. `cell` as a message places it (its column
    /// from 0).
    public func mergedAway(_ cell: CellPosition) -> Range? {
        let (row, column) = (cell.row, cell.column + 1)
        return merged.first { $0.contains(row: row, column: column) && !($0.top == row && $0.left == column) }
    }

    /// `A1:C3` (or `B2`, a range of one cell) as a range; `nil` for anything else.
    static func range(_ ref: String) -> Range? {
        let ends = ref.split(separator: ":", omittingEmptySubsequences: false)
        guard ends.count == 1 || ends.count == 2, let a = WorkbookSheet.reference(String(ends[0])),
              let b = ends.count == 2 ? WorkbookSheet.reference(String(ends[1])) : a else { return nil }
        return Range(top: min(a.row, b.row), left: min(a.column, b.column), bottom: max(a.row, b.row), right: max(a.column, b.column))
    }
}
