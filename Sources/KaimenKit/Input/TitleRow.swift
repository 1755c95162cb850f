/// A title typed above the header (`2014年度直属基层工会考核指标填报表` in A1, the header in
/// row 2), as a spreadsheet kept for people often has. The first row is then one cell and empty
/// ones, and was answered with an error for each empty header cell (60 of them for a secretary's
/// units workbook, with advice about a comma at the header's end that fits a CSV file, not a
/// workbook) and a missing id column. It is said once instead, as what it is.
///
/// It is an error, not read past: the first row is the header in every file kaimen reads, and
/// taking the second is safe only when the first is surely a title; a header with one column
/// named (`id,,,`) and data below would be read as something it is not. So the title is said
/// only when the first row holds one cell and the row below holds the file's key columns, and
/// the secretary deletes one row.
enum TitleRow {
    /// The CSV reader's errors about the header's shape that a title row makes: left out when
    /// the title is said.
    static let shapeCodes: Set<String> = [DiagnosticCode.csvEmptyHeader.rawValue, DiagnosticCode.csvDuplicateHeader.rawValue,
                                          DiagnosticCode.csvRaggedRow.rawValue]

    /// The error when `csv`'s first row is a title above the header: one cell filled, and the
    /// next row that holds anything has a column of each list of `keys` (a units file's id, a
    /// ballots file's representative and unit). `nil` otherwise.
    static func check(_ csv: CSVTable, keys: [[String]]) -> Diagnostic? {
        let filled = csv.header.indices.filter { !csv.header[$0].isEmpty }
        guard filled.count == 1, let column = filled.first else { return nil }
        // The next row as written, every cell (a CSV file's rows are cut to the header's width).
        guard let r = csv.records.indices.first(where: { r in csv.records[r].fields.contains { !csv.buffer.string($0).trimmingSpaces().isEmpty } })
        else { return nil }
        let below = csv.records[r].fields.map { CSVTable.trimmedHeader(csv.buffer.string($0)) }
        guard keys.allSatisfy({ ColumnNames.find($0, in: below) != nil }) else { return nil }
        return .error(.titleRow, ReaderMessages.titleRow(row: csv.headerRow, column: CellPosition.letter(column), title: Echo.cell(csv.header[column]),
                                                         headerRow: csv.spreadsheetRows[r]),
                      at: csv.headerRowLocation, hint: ReaderMessages.deleteTitleRow(row: csv.headerRow))
    }

    /// A reader's answer to a file whose first row is a title: the CSV reader's problems but
    /// those of the header's shape, and `title`.
    static func answer(_ result: CSVReader.Result, _ title: Diagnostic) -> [Diagnostic] {
        Diagnostics(result.diagnostics.filter { !shapeCodes.contains($0.code) } + [title]).sorted
    }
}
