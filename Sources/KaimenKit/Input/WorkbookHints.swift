/// What a workbook adds to the readers' messages, from what its worksheet says of the cells
/// (``WorkbookFacts``):
///
/// - A formula stored without its value (openpyxl's) is an error at its cell
///   (`workbook-formula`), made by the CSV reader (``check(_:_:into:)``); whatever a reader
///   says of the same cell's text (`=1+1` is no number) is left out (``apply(_:_:)``), so the
///   cell is said once, and every other problem of the file is still said.
/// - A cell under a merged range reads empty whatever the range shows, so a message at it is
///   told to unmerge, which filling in alone would not mend.
/// - A number in a date format reads as a date (`2014-07-08`): a metric or a score there is
///   told the cell's format and the number it holds; in an elapsed-time format (`36:00`), that
///   it is a duration and the days it holds.
/// - Hidden rows are read like any other, and said once (`workbook-hidden-row`); so are hidden
///   columns (`workbook-hidden-column`), each by its letter and header.
enum WorkbookHints {
    /// The errors for `facts`' formulas without values, at their cells in `table`; the warnings
    /// for its hidden rows and columns that hold a value (`workbook-hidden-row`,
    /// `workbook-hidden-column`), each once for the file.
    static func check(_ table: CSVTable, _ facts: WorkbookFacts, into out: inout Diagnostics) {
        if !facts.hiddenRows.isEmpty {
            out.append(.warning(.workbookHiddenRow, ReaderMessages.hiddenRows(facts.hiddenRows), at: .whole(table.fileName), hint: ReaderMessages.hiddenRowsHint))
        }
        if !facts.hiddenColumns.isEmpty {
            // Each by its letter and the header above it (none past the header's last column).
            let columns = facts.hiddenColumns.map { c in
                (letter: CellPosition.letter(c - 1), header: table.header.indices.contains(c - 1) && !table.header[c - 1].isEmpty ? Echo.cell(table.header[c - 1]) : nil)
            }
            out.append(.warning(.workbookHiddenColumn, ReaderMessages.hiddenColumns(columns), at: .whole(table.fileName), hint: ReaderMessages.hiddenColumnsHint))
        }
        guard !facts.uncomputed.isEmpty else { return }
        let rowIndex = Dictionary(table.spreadsheetRows.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for f in facts.uncomputed {
            out.append(.workbookFormula) {
                let column = f.column - 1
                let at = f.row == table.headerRow ? table.headerLocation(column: column)
                    : rowIndex[f.row].map { table.location(row: $0, column: column) }
                    ?? SourceLocation(file: table.fileName, line: f.row, column: 1, cell: CellPosition(row: f.row, column: column))
                return .error(.workbookFormula, ReaderMessages.formulaWithoutValue(Echo.cell(f.formula)), at: at,
                              path: at.cell?.header, hint: ReaderMessages.computeFormulas)
            }
        }
    }

    /// `diagnostics` (a reader's, of one file) with what `facts` say of the cells they name:
    /// none but `workbook-formula` at a formula without its value, and the hint to unmerge at a
    /// cell under a merged range. Unchanged without a workbook.
    static func apply(_ diagnostics: [Diagnostic], _ facts: WorkbookFacts?) -> [Diagnostic] {
        guard let facts, !facts.merged.isEmpty || !facts.uncomputed.isEmpty || !facts.dates.isEmpty else { return diagnostics }
        let formulas = Set(facts.uncomputed.map { [$0.row, $0.column - 1] })
        var dates: [[Int]: WorkbookFacts.DateCell] = [:]
        for d in facts.dates { dates[[d.row, d.column - 1]] = d }
        return diagnostics.compactMap { d in
            guard let cell = d.location?.cell, !cell.wholeHeader, d.omitted == 0 else { return d }
            let place = [cell.row, cell.column]
            if formulas.contains(place) { return d.code == DiagnosticCode.workbookFormula.rawValue ? d : nil }
            var d = d
            if let range = facts.mergedAway(cell) {
                d.hintText = ReaderMessages.mergedCell(range)
            } else if let date = dates[place], dateHinted.contains(d.code) {
                // A number where a figure or a score is due, shown as a date: what it holds.
                d.hintText = date.elapsed ? ReaderMessages.elapsedCell(number: date.number ?? "") : ReaderMessages.dateCell(number: date.number)
            }
            return d
        }
    }

    /// The messages of a cell that should hold a number: a date there is a cell in a date format.
    static let dateHinted: Set<String> = [DiagnosticCode.invalidMetric.rawValue, DiagnosticCode.invalidScore.rawValue,
                                          DiagnosticCode.numberBeyondLimits.rawValue, DiagnosticCode.scoreOutOfRange.rawValue]
}
