/// Splits RFC 4180 CSV into records, one at a time, working on bytes.
///
/// Comma-separated (or another one-byte delimiter), `"` quoting with `""` inside quotes,
/// quoted fields may hold delimiters and line breaks, lines end in LF, CRLF or a lone CR,
/// the last line may lack its line end, and empty lines are skipped.
///
/// Problems do not stop the parser; each becomes a diagnostic in ``diagnostics``:
/// - `csv-unbalanced-quote`: a quote opened and never closed, at the opening quote. The
///   field is then read as if the quote were an ordinary character, so the rest of the file
///   is still checked.
/// - `csv-stray-quote`: a quote inside an unquoted field, or text after a closing quote.
///
/// Once the first record has been read, it is taken as the header and later diagnostics
/// name the column (`path`).
public struct CSVParser: IteratorProtocol, Sendable {
    static let quote = UInt8(ascii: "\"")
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A

    public let buffer: CSVBuffer
    public let delimiter: UInt8
    /// The problems found so far (at most `Diagnostics.limitPerKind` of a kind listed).
    public var diagnostics: [Diagnostic] { problems.items }
    private var problems = Diagnostics()
    private var position = 0
    private var columnNames: [String]?
    /// The spreadsheet row of the record being read: its line, less the extra lines of the
    /// quoted multi-line cells before it (as `CSVTable.spreadsheetRows` counts them).
    private var row = 0
    private var extraLines = 0

    public init(buffer: CSVBuffer, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.buffer = buffer
        self.delimiter = delimiter
    }

    public init(bytes: [UInt8], fileName: String, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.init(buffer: CSVBuffer(bytes: bytes, fileName: fileName), delimiter: delimiter)
    }

    /// The next record, or `nil` at the end of the file.
    public mutating func next() -> CSVRecord? {
        var fields: [CSVField] = []
        // As many as the header has, at once (grown one by one, a row of 45 cells took seven
        // allocations and held room for 64).
        fields.reserveCapacity(columnNames?.count ?? 8)
        guard let (line, end) = next(appendingTo: &fields) else { return nil }
        return CSVRecord(line: line, fields: fields, end: end)
    }

    /// The next record's fields, appended to `fields`, and the line it starts on and where
    /// its last field ends; `nil` at the end of the file. A table keeps one list of fields
    /// for all its records (a list of its own, each record took 48 bytes more).
    mutating func next(appendingTo fields: inout [CSVField]) -> (line: Int, end: Int)? {
        let bytes = buffer.bytes
        let n = bytes.count
        // Skip empty lines.
        while position < n && (bytes[position] == Self.lf || bytes[position] == Self.cr) {
            position += 1
        }
        guard position < n else { return nil }
        let recordStart = position
        let firstLine = buffer.line(ofByte: recordStart)
        row = firstLine - extraLines
        let first = fields.count
        var end = position
        bytes.withUnsafeBufferPointer { p in
            while true {
                fields.append(parseField(p, index: fields.count - first))
                end = position
                if position < n && p[position] == delimiter {
                    position += 1
                    continue
                }
                if position < n {
                    if p[position] == Self.cr && position + 1 < n && p[position + 1] == Self.lf {
                        position += 2
                    } else {
                        position += 1
                    }
                }
                break
            }
        }
        extraLines += buffer.line(ofByte: end) - firstLine
        if columnNames == nil {
            columnNames = fields[first...].map { CSVTable.trimmedHeader(buffer.string($0)) }
        }
        return (firstLine, end)
    }

    /// Takes the next record's cells as the column names, instead of the first record's (which
    /// the caller skipped: a line of spaces before the header).
    mutating func forgetColumnNames() {
        columnNames = nil
    }

    /// Every remaining record.
    public mutating func readAll() -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = next() {
            records.append(record)
        }
        return records
    }

    private func isFieldEnd(_ b: UInt8) -> Bool {
        b == delimiter || b == Self.lf || b == Self.cr
    }

    /// The byte at `offset`, in field `index` of the record being read, as the cell a
    /// spreadsheet shows: `ballots.csv 第 2 行 D 列（score）`.
    private func cellLocation(ofByte offset: Int, index: Int) -> SourceLocation {
        var location = buffer.location(ofByte: offset)
        let header = columnNames.flatMap { index < $0.count && !$0[index].isEmpty ? $0[index] : nil }
        location.cell = CellPosition(row: row, column: index, header: header)
        return location
    }

    private func columnName(_ index: Int) -> String? {
        guard let columnNames, index < columnNames.count, !columnNames[index].isEmpty else { return nil }
        return Echo.cell(columnNames[index])
    }

    private mutating func parseField(_ p: UnsafeBufferPointer<UInt8>, index: Int) -> CSVField {
        let n = p.count
        let start = position
        guard position < n && p[position] == Self.quote else {
            return unquotedField(p, index: index, reportQuotes: true)
        }
        position += 1
        let contentStart = position
        var escaped = false
        while position < n {
            if p[position] == Self.quote {
                if position + 1 < n && p[position + 1] == Self.quote {
                    escaped = true
                    position += 2
                    continue
                }
                break
            }
            position += 1
        }
        if position >= n {
            let at = cellLocation(ofByte: start, index: index)
            problems.append(.error(DiagnosticCode.csvUnbalancedQuote, CSVMessages.quoteNeverClosed(at), at: at, path: columnName(index), hint: CSVMessages.closeQuote))
            position = start
            return unquotedField(p, index: index, reportQuotes: false)
        }
        let contentEnd = position
        position += 1
        if position < n && !isFieldEnd(p[position]) {
            let at = cellLocation(ofByte: position - 1, index: index), path = columnName(index)
            problems.append(.csvStrayQuote) {
                .error(DiagnosticCode.csvStrayQuote, CSVMessages.textAfterQuote(at),
                       at: at, path: path, hint: CSVMessages.doubleInnerQuote)
            }
            while position < n && !isFieldEnd(p[position]) {
                position += 1
            }
        }
        return CSVField(range: contentStart..<contentEnd, isQuoted: true, hasEscapedQuotes: escaped)
    }

    private mutating func unquotedField(_ p: UnsafeBufferPointer<UInt8>, index: Int, reportQuotes: Bool) -> CSVField {
        let n = p.count
        let start = position
        var reported = !reportQuotes
        while position < n {
            let b = p[position]
            if b == delimiter || b == Self.lf || b == Self.cr { break }
            if b == Self.quote && !reported {
                reported = true
                let at = cellLocation(ofByte: position, index: index), path = columnName(index)
                let spaceBefore = p[start..<position].allSatisfy({ $0 == 0x20 || $0 == 0x09 })
                problems.append(.csvStrayQuote) {
                    .error(DiagnosticCode.csvStrayQuote, CSVMessages.quoteInUnquoted(at),
                           at: at, path: path,
                           hint: spaceBefore ? CSVMessages.spaceBeforeQuote : CSVMessages.quoteWholeField)
                }
            }
            position += 1
        }
        return CSVField(range: start..<position, isQuoted: false, hasEscapedQuotes: false)
    }
}
