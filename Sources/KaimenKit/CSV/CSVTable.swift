/// A CSV file read into strings: a header and rows, each row as wide as the header.
///
/// Build one with ``CSVReader/read(_:fileName:)``. Rows that had too few fields read as
/// filled with empty strings and rows with too many are cut, so `rows[r][c]` is always safe;
/// both are reported as `csv-ragged-row`, but for a row whose cells beyond the header are all
/// empty (``filledCount(_:)``), which loses nothing.
public struct CSVTable: Sendable {
    public let fileName: String
    /// Column names, spaces around them removed. Nameless cells at the header's end under which
    /// no row holds anything, nor beyond them, are not columns (``width(_:_:_:)``); a nameless
    /// one between names stays, as `""`, so that the columns after it keep their letters, and
    /// the readers read past it (``firstFilled(under:)``).
    public let header: [String]
    /// The data rows, each cell's text made when it is read (a table of 700 000 rows of ten
    /// cells kept its seven million strings for as long as it lived, a quarter of a gigabyte).
    public let rows: CSVRows
    /// The line each row starts on, for messages.
    public let rowLines: [Int]
    /// The line of the header.
    public let headerLine: Int
    /// The spreadsheet row of each data row: its line, less the extra lines of quoted
    /// multi-line cells before it (Excel and WPS show such a record as one row).
    public let spreadsheetRows: [Int]
    /// The spreadsheet row of the header.
    public let headerRow: Int

    let buffer: CSVBuffer
    let headerRecord: CSVRecord
    /// The data records: where each one's fields are, in one list for the whole file.
    let records: CSVRecords

    init(buffer: CSVBuffer, headerRecord: CSVRecord, records: CSVRecords) {
        self.buffer = buffer
        self.headerRecord = headerRecord
        self.records = records
        fileName = buffer.fileName
        let names = headerRecord.fields.map { CSVTable.trimmedHeader(buffer.string($0)) }
        header = Array(names.prefix(CSVTable.width(names, records, buffer)))
        headerLine = headerRecord.line
        rows = CSVRows(buffer: buffer, records: records, width: header.count)
        rowLines = records.lines
        var extra = buffer.line(ofByte: headerRecord.end) - headerRecord.line
        headerRow = headerRecord.line
        spreadsheetRows = records.indices.map { r in
            let line = records.lines[r], row = line - extra
            extra += buffer.line(ofByte: records.ends[r]) - line
            return row
        }
    }

    /// How many of the header's cells `names` are columns: all but the nameless ones at its end
    /// under which, and beyond which, no row of `records` holds anything (nothing but spaces).
    /// Excel and WPS write `,,` after every line, the header's too, once a cell right of the
    /// table was touched; those cells lose nothing (since 0.29.3: each was `csv-empty-header`).
    /// A nameless column with a value under it stays, and is said (`csv-empty-header`). Looks
    /// only at the cells from the header's last name on, so a header without a nameless end
    /// costs nothing.
    static func width(_ names: [String], _ records: CSVRecords, _ buffer: CSVBuffer) -> Int {
        guard let last = names.last, last.isEmpty, let named = names.lastIndex(where: { !$0.isEmpty }) else { return names.count }
        var width = named + 1
        for r in records.indices {
            let fields = records.fields(r)
            var n = fields.count
            while n > width && buffer.isBlank(fields[fields.startIndex + n - 1]) { n -= 1 }
            width = max(width, n)
            if width >= names.count { return names.count }
        }
        return width
    }

    /// How many cells row `r` has as written, less the empty ones (nothing but spaces) at its
    /// end beyond the header's columns: an Excel or WPS export's `,,` after a row, which loses
    /// nothing. More than `header.count` only when a cell beyond the header holds something.
    public func filledCount(_ r: Int) -> Int {
        let fields = records.fields(r)
        var n = fields.count
        while n > header.count && buffer.isBlank(fields[fields.startIndex + n - 1]) { n -= 1 }
        return n
    }

    /// The nameless columns (header cells of nothing but spaces) under which a row holds
    /// something, each with its first such row, in column order: one rule for every nameless
    /// column, with ``width(_:_:_:)``. A nameless column with nothing under it, at the header's
    /// end (0.29.3, where it is no column) or between two names (since 0.29.4: a spacer column
    /// Excel users leave, `id,,name`), loses nothing and says nothing; one that holds something
    /// is `csv-empty-header`, at that cell. One pass over the cells as written: a row's cells
    /// past its last written one are empty.
    func firstFilled(under nameless: [Int]) -> [(column: Int, row: Int)] {
        // The columns not yet found filled, in order: a row is looked at in those it has cells in only.
        var open = nameless.sorted(), found: [(column: Int, row: Int)] = []
        for r in records.indices where !open.isEmpty {
            let fields = records.fields(r)
            var filled: Set<Int> = []
            for c in open {
                guard c < fields.count else { break }
                if !buffer.isBlank(fields[fields.startIndex + c]) { filled.insert(c) }
            }
            guard !filled.isEmpty else { continue }
            found += filled.map { ($0, r) }
            open.removeAll { filled.contains($0) }
        }
        return found.sorted { $0.column < $1.column }
    }

    /// Whether row `r` holds something beyond the header's columns (a value split by a comma,
    /// or a column without a header): its cells there are not read.
    public func overflows(_ r: Int) -> Bool { filledCount(r) > header.count }

    /// Index of the column named `name`, exactly as written after trimming.
    public func columnIndex(named name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// Where the cell at `rows[row][column]` starts in the file; for a missing cell, the end
    /// of its row.
    public func location(row: Int, column: Int) -> SourceLocation {
        var locator = CSVLocator(self)
        return locator.location(row: row, column: column)
    }

    /// Where the cell at `rows[row][column]` starts: its first byte, or its row's end.
    func start(row: Int, column: Int) -> Int {
        let fields = records.fields(row)
        return column < fields.count ? fields[fields.startIndex + column].start : records.ends[row]
    }

    /// Whether the cell at `rows[row][column]` was written in double quotes (the only cells
    /// that may hold a tab or a line break in their text).
    public func isQuoted(row: Int, column: Int) -> Bool {
        let fields = records.fields(row)
        return column < fields.count && fields[fields.startIndex + column].isQuoted
    }

    /// Where header cell `column` starts.
    public func headerLocation(column: Int) -> SourceLocation {
        var location = buffer.location(ofByte: headerRecord.fields[column].start)
        location.cell = CellPosition(row: headerRow, column: column, header: header[column].isEmpty ? nil : header[column])
        return location
    }

    /// The header row as a whole, for a problem with the file's columns (one missing, or no
    /// rows under it): `roster.csv 第 1 行（表头）`.
    public var headerRowLocation: SourceLocation {
        var location = SourceLocation(file: buffer.fileName, line: headerLine, column: 1)
        location.cell = .header(row: headerRow)
        return location
    }

    /// The start of data row `row`, for a problem with the whole row: `units.csv 第 8 行`.
    public func rowLocation(_ row: Int) -> SourceLocation {
        location(row: row, column: 0)
    }

    static func trimmedHeader(_ s: String) -> String {
        // Spaces, tabs and the ideographic space U+3000 on either side.
        var scalars = Substring(s).unicodeScalars[...]
        while let first = scalars.first, isBlank(first) { scalars.removeFirst() }
        while let last = scalars.last, isBlank(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func isBlank(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\u{3000}" || c == "\u{A0}"
    }
}

/// The data records of a ``CSVTable``: every record's fields in one list, each record's
/// first field's index in it, its line and where it ends. `records[r]` is record `r` with its
/// fields as a slice of the list (indexed from the slice's `startIndex`).
struct CSVRecords: RandomAccessCollection, Sendable {
    struct Record {
        var line: Int
        var fields: ArraySlice<CSVField>
        var end: Int
    }

    private(set) var allFields: [CSVField] = []
    /// `firsts[r] ..< firsts[r + 1]` are record `r`'s fields.
    private(set) var firsts: [Int] = [0]
    private(set) var lines: [Int] = [], ends: [Int] = []

    /// Every remaining record of `parser`, with room for `rows` records and `fields` fields
    /// made at once (a guess: more are made room for as they come).
    init(reading parser: inout CSVParser, rows: Int, fields: Int) {
        allFields.reserveCapacity(fields)
        firsts.reserveCapacity(rows + 1)
        lines.reserveCapacity(rows)
        ends.reserveCapacity(rows)
        while let (line, end) = parser.next(appendingTo: &allFields) {
            firsts.append(allFields.count)
            lines.append(line)
            ends.append(end)
        }
    }

    /// Room enough for the records of `bytes` and their fields, and not much more: a record
    /// for each line with more than line ends on it, a field for each delimiter and one more
    /// for each such line, none of it counted between double quotes (where a delimiter or line
    /// end is text). Counted from the line starts and the header's width, a file of 800
    /// million empty lines asked for 29 GB and stopped the reader (a hostile test). A quote
    /// the parser takes as text (`a"b`) may make this count less than there is: the lists then
    /// grow as the records come.
    static func room(_ bytes: [UInt8], delimiter: UInt8) -> (rows: Int, fields: Int) {
        bytes.withUnsafeBufferPointer { p in
            var rows = 0, delimiters = 0, filled = false, quoted = false
            for b in p {
                if b == CSVParser.quote {
                    quoted.toggle()
                    filled = true
                } else if quoted {
                    continue
                } else if b == CSVParser.lf || b == CSVParser.cr {
                    if filled { rows += 1 }
                    filled = false
                } else {
                    filled = true
                    if b == delimiter { delimiters += 1 }
                }
            }
            if filled { rows += 1 }
            return (rows, rows + delimiters)
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { lines.count }

    subscript(r: Int) -> Record { Record(line: lines[r], fields: fields(r), end: ends[r]) }

    /// Record `r`'s fields.
    func fields(_ r: Int) -> ArraySlice<CSVField> { allFields[firsts[r] ..< firsts[r + 1]] }
}

/// The rows of a ``CSVTable``, each made when asked for from its record's fields.
public struct CSVRows: RandomAccessCollection, Sendable {
    let buffer: CSVBuffer
    let records: CSVRecords
    let width: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(r: Int) -> CSVRow {
        CSVRow(bytes: buffer.bytes, fields: records.fields(r).prefix(width), width: width)
    }
}

/// One row of a ``CSVTable``: as many cells as the header has columns. The cells a short row
/// lacks read as empty without being stored, so a header of 300 000 columns over short rows
/// costs the rows' own size, not rows × columns. A table's row holds its fields' places in the
/// file and makes a cell's text each time it is read.
public struct CSVRow: RandomAccessCollection, Sendable, Hashable, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// The bytes the cells are in (the file's, or the given strings' own), and each cell's
    /// place in them.
    private let bytes: [UInt8]
    private let fields: ArraySlice<CSVField>
    public let count: Int

    public init(_ stored: [String], width: Int) {
        var bytes: [UInt8] = [], fields: [CSVField] = []
        for cell in stored.prefix(width) {
            let start = bytes.count
            bytes += cell.utf8
            fields.append(CSVField(range: start ..< bytes.count, isQuoted: false, hasEscapedQuotes: false))
        }
        self.bytes = bytes
        self.fields = fields[...]
        count = width
    }

    public init(arrayLiteral cells: String...) {
        self.init(cells, width: cells.count)
    }

    init(bytes: [UInt8], fields: ArraySlice<CSVField>, width: Int) {
        self.bytes = bytes
        self.fields = fields
        count = width
    }

    /// How many cells the row has (at most `count`).
    public var storedCount: Int { fields.count }

    /// The cells the row has (at most `count`), each one's text made anew: for a loop over a
    /// row's cells, read `row[i]` for `i` below `storedCount`.
    public var stored: [String] { (0 ..< storedCount).map(cell) }

    /// Cell `i`, which the row has.
    private func cell(_ i: Int) -> String {
        CSVBuffer.string(fields[fields.startIndex + i], in: bytes)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// A run of cells, as an array slice with the row's indices (`rows[0].prefix(4) == [...]`):
    /// the run's cells' texts are made, in an array as long as the run's end.
    public typealias SubSequence = ArraySlice<String>
    public subscript(bounds: Range<Int>) -> ArraySlice<String> {
        let cells = (0 ..< bounds.upperBound).map { $0 < bounds.lowerBound ? "" : self[$0] }
        return cells[bounds]
    }

    public subscript(i: Int) -> String {
        precondition(i >= 0 && i < count, "CSV column out of range")
        return i < storedCount ? cell(i) : ""
    }

    /// Whether every cell is empty once spaces are trimmed (a row Excel leaves as `,,,`), in
    /// the time of the cells the row has.
    public var isBlank: Bool { (0 ..< storedCount).allSatisfy { cell($0).trimmingSpaces().isEmpty } }

    public static func == (a: CSVRow, b: CSVRow) -> Bool { a.count == b.count && a.elementsEqual(b) }

    public func hash(into h: inout Hasher) {
        // Trailing empty cells hash as the missing ones they equal.
        var n = storedCount
        while n > 0 && cell(n - 1).isEmpty { n -= 1 }
        h.combine(count)
        for i in 0 ..< n { h.combine(cell(i)) }
    }

    public var description: String { Array(self).description }
}

extension CSVRow {
    /// A row equals the plain array of its cells (`rows[1] == ["乙", "2", ""]`).
    public static func == (row: CSVRow, cells: [String]) -> Bool { row.count == cells.count && row.elementsEqual(cells) }
}

/// Rows equal plain arrays of cells, row by row.
public func == (rows: CSVRows, cells: [[String]]) -> Bool {
    rows.count == cells.count && zip(rows, cells).allSatisfy { $0 == $1 }
}

/// A table's rows, where there is a table, equal plain arrays of cells.
public func == (rows: CSVRows?, cells: [[String]]) -> Bool {
    rows.map { $0 == cells } ?? false
}
