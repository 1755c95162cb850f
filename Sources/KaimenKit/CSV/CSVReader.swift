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
/// - `csv-empty-header`, `csv-duplicate-header` (errors): a header cell that is blank, or
///   repeats an earlier one.
/// - `csv-ragged-row` (error): a row with more or fewer fields than the header.
/// - `control-character` (error): NUL, ESC, DEL or another control character in a cell,
///   whatever the encoding (see ``CSVControlCheck``).
public enum CSVReader {
    public struct Result: Sendable {
        /// `nil` only when the file could not be decoded or was empty; otherwise present even
        /// when there are errors, so callers can go on checking.
        public var table: CSVTable?
        public var encoding: TextEncodingDetection.SourceEncoding?
        public var diagnostics: [Diagnostic]
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
        // Excel's "Unicode text" is tab-separated: follow it when the header has tabs and no commas.
        var delimiter = UInt8(ascii: ",")
        if decoded.encoding == .utf16LittleEndian || decoded.encoding == .utf16BigEndian {
            let firstLine = decoded.bytes.prefix { $0 != 0x0A && $0 != 0x0D }
            if firstLine.contains(0x09) && !firstLine.contains(UInt8(ascii: ",")) {
                delimiter = 0x09
            }
        }
        var parser = CSVParser(bytes: decoded.bytes, fileName: fileName, delimiter: delimiter)
        guard let headerRecord = parser.next() else {
            diagnostics.append(.error("csv-empty", "`\(fileName)` is empty: it has no header line",
                                      at: SourceLocation(file: fileName, line: 1, column: 1),
                                      hint: "the first line must name the columns, separated by commas"))
            return Result(table: nil, encoding: decoded.encoding, diagnostics: diagnostics)
        }
        let records = parser.readAll()
        var all = Diagnostics(diagnostics)
        all.append(contentsOf: parser.diagnostics)
        let table = CSVTable(buffer: parser.buffer, headerRecord: headerRecord, records: records)
        CSVControlCheck.check(table, into: &all)
        checkHeader(table, into: &all)
        checkWidths(table, into: &all)
        return Result(table: table, encoding: decoded.encoding, diagnostics: all.sorted)
    }

    static func checkHeader(_ table: CSVTable, into out: inout Diagnostics) {
        var firstColumn: [String: Int] = [:]
        for (i, name) in table.header.enumerated() {
            if name.isEmpty {
                out.append("csv-empty-header") {
                    .error("csv-empty-header", "column \(i + 1) of the header has no name",
                           at: table.headerLocation(column: i),
                           hint: "name the column, or delete it if it is empty (check for a stray comma at the end of the header line)")
                }
                continue
            }
            if let first = firstColumn[name] {
                out.append("csv-duplicate-header") {
                    .error("csv-duplicate-header", "column `\(Echo.cell(name))` appears twice in the header",
                           at: table.headerLocation(column: i), path: Echo.cell(name),
                           hint: "columns \(first + 1) and \(i + 1) have the same name; rename or delete one")
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
            out.append("csv-ragged-row") {
                let count = record.fields.count
                let message = "row on line \(record.line) has \(count) field\(count == 1 ? "" : "s") but the header has \(width)"
                if count > width {
                    return .error("csv-ragged-row", message, at: table.location(row: r, column: width),
                                  hint: "a value with a comma in it must be in double quotes, e.g. `\"1,5\"`; or the header is missing a column")
                }
                let names = table.header[count...]
                var missing = names.prefix(namesListed).map { "`\(Echo.cell($0))`" }.joined(separator: ", ")
                if names.count > namesListed { missing += " … (\(names.count))" }
                return .error("csv-ragged-row", message, at: table.location(row: r, column: count),
                              path: Echo.cell(table.header[count]),
                              hint: "missing \(missing); leave a value empty with nothing between two commas")
            }
        }
    }
}
