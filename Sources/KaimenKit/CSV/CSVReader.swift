import Foundation

/// Reads a CSV file exported from Excel, WPS or by hand into a ``CSVTable``, collecting every
/// problem rather than stopping at the first.
///
/// Diagnostics, all with `file:line:column` (columns count characters) and, where known, the
/// column name as `path`:
/// - `csv-encoding` (error): not UTF-8, UTF-16 or GB18030; or an Excel workbook.
/// - `gb18030-decoded`, `utf16-decoded` (warnings): the file was converted.
/// - `csv-empty` (error): nothing in the file, not even a header. A header without rows is
///   not an error here; callers decide.
/// - `csv-unbalanced-quote`, `csv-stray-quote` (errors): see ``CSVParser``.
/// - `csv-empty-header` (error): a cell that holds something under a header cell that is
///   blank, said at that cell (a nameless column with nothing under it is read past:
///   ``CSVTable/firstFilled(under:)``).
/// - `csv-duplicate-header` (error): a header cell that repeats an earlier one.
/// - `csv-ragged-row` (error): a row with fewer fields than the header, or with more that
///   hold something (empty ones beyond the header are left out, as are nameless header cells at
///   its end with nothing under them: ``CSVTable/width(_:_:_:)``).
/// - `control-character` (error): NUL, ESC, DEL or another control character in a cell,
///   whatever the encoding (see ``CSVControlCheck``).
public enum CSVReader {
    public struct Result: Sendable {
        /// `nil` only when the file could not be decoded or was empty; otherwise present even
        /// when there are errors, so callers can go on checking.
        public var table: CSVTable?
        public var encoding: TextEncodingDetection.SourceEncoding?
        public var diagnostics: [Diagnostic]
        /// A workbook's: what its worksheet says of its cells beyond their text (``WorkbookFacts``).
        public var workbook: WorkbookFacts? = nil
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public static func read(_ data: Data, fileName: String) -> Result {
        read(bytes: [UInt8](data), fileName: fileName)
    }

    public static func read(bytes: [UInt8], fileName: String) -> Result {
        let decoded: TextEncodingDetection.Decoded
        switch TextEncodingDetection.decode(bytes, fileName: fileName) {
        case .success(let d): decoded = d
        case .failure(let error): return Result(table: nil, encoding: nil, diagnostics: error.diagnostics)
        }
        var diagnostics = decoded.diagnostics
        // Excel's "Unicode text" (UTF-16) and "Text (tab delimited)" (GB18030 on Chinese
        // Windows, or UTF-8) are tab-separated: follow it when the header has tabs and no commas.
        var delimiter = UInt8(ascii: ",")
        // The header is the first line with more than spaces and tabs on it, as the parser skips the others.
        if let header = headerLine(decoded.bytes), header.contains(0x09) && !header.contains(UInt8(ascii: ",")) {
            delimiter = 0x09
        }
        var parser = CSVParser(bytes: decoded.bytes, fileName: fileName, delimiter: delimiter)
        // Lines of nothing but spaces before the header are skipped, as empty lines are.
        var first = parser.next()
        while let record = first, record.fields.allSatisfy({ parser.buffer.string($0).trimmingSpaces().isEmpty }) {
            // The header's names are the next record's, not this line's spaces.
            parser.forgetColumnNames()
            first = parser.next()
        }
        guard let headerRecord = first else {
            diagnostics.append(.error(.csvEmpty, CSVMessages.empty(fileName),
                                      at: SourceLocation(file: fileName, line: 1, column: 1), hint: CSVMessages.headerFirst))
            return Result(table: nil, encoding: decoded.encoding, diagnostics: diagnostics)
        }
        let room = CSVRecords.room(decoded.bytes, delimiter: delimiter)
        let records = CSVRecords(reading: &parser, rows: room.rows, fields: room.fields)
        var all = Diagnostics(diagnostics)
        all.append(contentsOf: parser.diagnostics)
        let table = CSVTable(buffer: parser.buffer, headerRecord: headerRecord, records: records)
        CSVControlCheck.check(table, into: &all)
        checkHeader(table, into: &all)
        checkWidths(table, into: &all)
        if let facts = decoded.workbook { WorkbookHints.check(table, facts, into: &all) }
        return Result(table: table, encoding: decoded.encoding, diagnostics: all.sorted, workbook: decoded.workbook)
    }

    /// The first line holding more than spaces and tabs (the parser skips the others), without
    /// its line end; `nil` when there is none.
    static func headerLine(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            let line = bytes[start..<end]
            if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { return line }
            start = end + 1
        }
        return nil
    }

    static func checkHeader(_ table: CSVTable, into out: inout Diagnostics) {
        // A nameless column is said at its first filled cell; one with nothing under it is read past (`CSVTable.firstFilled`).
        let nameless = table.header.indices.filter { table.header[$0].isEmpty }
        for (column, row) in table.firstFilled(under: nameless) {
            out.append(.csvEmptyHeader) {
                .error(.csvEmptyHeader, CSVMessages.unnamedColumnFilled(column, headerRow: table.headerRow), at: table.location(row: row, column: column),
                       hint: CSVMessages.nameOrMove(column, headerRow: table.headerRow))
            }
        }
        var firstColumn: [String: Int] = [:]
        for (i, name) in table.header.enumerated() where !name.isEmpty {
            if let first = firstColumn[name] {
                out.append(.csvDuplicateHeader) {
                    .error(.csvDuplicateHeader, CSVMessages.duplicateHeader(Echo.cell(name)),
                           at: table.headerLocation(column: i), path: Echo.cell(name), hint: CSVMessages.sameName(first + 1, i + 1))
                }
            } else {
                firstColumn[name] = i
            }
        }
    }

    /// Columns named in a message about a short row, at most.
    static let namesListed = 5

    static func checkWidths(_ table: CSVTable, into out: inout Diagnostics) {
        let width = table.header.count
        for (r, record) in table.records.enumerated() where record.fields.count != width {
            // Empty cells beyond the header (`,,` at a row's end from Excel or WPS, spaces
            // included) lose nothing: the row counts as being as wide as the header, and only a
            // cell that holds something is said (since 0.29.3, before which every such row was
            // refused). The count said is up to that row's last filled cell.
            let count = table.filledCount(r)
            if count == width { continue }
            // A row of nothing but spaces (a last line of spaces, `  ,  ` from a sheet) is a blank
            // row, which the readers skip whatever its cell count, not a row short of cells.
            if count < width && table.rows[r].isBlank { continue }
            out.append(.csvRaggedRow) {
                let message = CSVMessages.raggedRow(row: table.spreadsheetRows[r], count: count, width: width)
                if count > width {
                    // At the first cell beyond the header that holds something.
                    let fields = record.fields
                    let first = (width ..< count).first { !table.buffer.isBlank(fields[fields.startIndex + $0]) } ?? width
                    return .error(.csvRaggedRow, message, at: table.location(row: r, column: first), hint: CSVMessages.quoteComma)
                }
                let names = table.header[count...]
                var missing = names.prefix(namesListed).map { "`\(Echo.cell($0))`" }.joined(separator: ", ")
                if names.count > namesListed { missing += " … (\(names.count))" }
                return .error(.csvRaggedRow, message, at: table.location(row: r, column: count),
                              path: Echo.cell(table.header[count]), hint: CSVMessages.missingCells(missing))
            }
        }
    }
}
