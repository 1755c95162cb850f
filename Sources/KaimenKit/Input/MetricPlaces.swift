/// Where each metric value of a unit table was read, for messages:
/// `table.location(metric:unit:)`.
///
/// A cell's place is kept as its line and column (eight bytes); what a row or a column shares
/// is kept once: the file, each unit's spreadsheet row, each metric's spreadsheet column and
/// its header. Kept as a `SourceLocation` each (72 bytes, with a retained file name and
/// header), the places of a units file of 100 000 rows and 57 metrics took 410 MB, more than
/// its values, and as much again while the rows were read.
public struct MetricPlaces: Sendable {
    /// A cell's line and column (both from 1); line 0 where the cell was not there.
    public struct LineColumn: Sendable, Equatable {
        var line: Int32, column: Int32
        public static let absent = LineColumn(short: 0, 0)

        /// The place, or `nil` where it does not fit in 32 bits (a line past two thousand
        /// million): the table keeps such a place whole.
        init?(line: Int, column: Int) {
            guard let l = Int32(exactly: line), let c = Int32(exactly: column), l > 0 else { return nil }
            self.line = l
            self.column = c
        }

        private init(short line: Int32, _ column: Int32) {
            self.line = line
            self.column = column
        }
    }

    /// One unit's places, as a reader makes them: a line and column per metric, and the
    /// spreadsheet row (0 for a file without spreadsheet rows, such as JSON). A place that
    /// does not fit (`LineColumn(line:column:)` failed) is kept whole in `whole`.
    struct Row {
        let sheetRow: Int
        private(set) var cells: [LineColumn] = []
        private(set) var whole: [Int: SourceLocation] = [:]

        init(sheetRow: Int, metrics: Int) {
            self.sheetRow = sheetRow
            cells.reserveCapacity(metrics)
        }

        /// The next metric's place: short where its line, its column and the row's spreadsheet
        /// row fit in 32 bits, else `whole()`.
        mutating func append(line: Int, column: Int, whole place: @autoclosure () -> SourceLocation) {
            if Int32(exactly: sheetRow) != nil, let short = LineColumn(line: line, column: column) {
                cells.append(short)
            } else {
                append(whole: place())
            }
        }

        /// The next metric's place, kept whole.
        mutating func append(whole place: SourceLocation) {
            whole[cells.count] = place
            cells.append(.absent)
        }

        /// The next metric has no cell (its column or key is absent).
        mutating func appendAbsent() {
            cells.append(.absent)
        }
    }

    let file: String
    let metricCount: Int
    /// Per metric, the spreadsheet column (0-based) and its header, for a CSV file's cells.
    let columns: [(index: Int, header: String?)?]
    private var cells: [LineColumn] = []
    private var sheetRows: [Int32] = []
    /// Places kept whole, by `unit * metricCount + metric`: those that do not fit the short
    /// form, and every place of a table made from whole places.
    private var whole: [Int: SourceLocation?] = [:]

    /// Places of cells in `file`, each metric's in the spreadsheet column `columns[m]` (`nil`
    /// for places that are not cells of a table, such as a JSON file's).
    init(file: String, columns: [(index: Int, header: String?)?], capacity: Int = 0) {
        self.file = file
        metricCount = columns.count
        self.columns = columns
        cells.reserveCapacity(capacity * columns.count)
        sheetRows.reserveCapacity(capacity)
    }

    /// Places given whole, `locations[metric][unit]` (a rules file's test unit).
    public init(_ locations: [[SourceLocation?]]) {
        file = ""
        metricCount = locations.count
        columns = Array(repeating: nil, count: locations.count)
        let units = locations.map(\.count).max() ?? 0
        cells = Array(repeating: .absent, count: units * metricCount)
        sheetRows = Array(repeating: 0, count: units)
        for (m, column) in locations.enumerated() {
            for (u, place) in column.enumerated() { whole[u * metricCount + m] = .some(place) }
        }
    }

    /// The next unit's places.
    mutating func append(_ row: Row) {
        precondition(row.cells.count == metricCount, "a place for every metric")
        let base = sheetRows.count * metricCount
        // A row past 32 bits has no short place (`Row.append` keeps them whole): its number is
        // never read.
        sheetRows.append(Int32(exactly: row.sheetRow) ?? 0)
        cells.append(contentsOf: row.cells)
        for (m, place) in row.whole { whole[base + m] = .some(place) }
    }

    /// How many units' places are kept.
    public var unitCount: Int { sheetRows.count }

    /// Where metric `metric` of unit `unit` was read; `nil` where the unit had no such cell.
    public func location(metric: Int, unit: Int) -> SourceLocation? {
        let k = unit * metricCount + metric
        if let kept = whole[k] { return kept }
        return location(cells[k], metric: metric, sheetRow: Int(sheetRows[unit]))
    }

    private func location(_ place: LineColumn, metric: Int, sheetRow: Int) -> SourceLocation? {
        guard place != .absent else { return nil }
        let cell = sheetRow > 0 ? columns[metric].map { CellPosition(row: sheetRow, column: $0.index, header: $0.header) } : nil
        return SourceLocation(file: file, line: Int(place.line), column: Int(place.column), cell: cell)
    }
}

extension MetricPlaces.Row {
    /// A unit's places from whole locations (a JSON file's values, in `file`), each kept
    /// short where it fits.
    init(_ locations: [SourceLocation?], file: String) {
        self.init(sheetRow: 0, metrics: locations.count)
        for place in locations {
            guard let place else { appendAbsent(); continue }
            // A place in another file or with a cell has more than a line and column to keep.
            if place.cell == nil && place.file == file {
                append(line: place.line, column: place.column, whole: place)
            } else {
                append(whole: place)
            }
        }
    }
}
