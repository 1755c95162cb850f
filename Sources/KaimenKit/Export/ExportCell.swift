import Foundation

/// A cell of an exported table: text that came from input data (names, ids, criteria, which
/// CSV neutralises against formula injection and HTML would escape), or a number kaimen
/// formatted itself.
public enum ExportCell: Sendable, Equatable {
    case text(String)
    case number(String)
    /// Where a number would be but none applies (`不考核`): text for people, `null` in JSON.
    case notApplicable(String)
    /// Text for people (tables, CSV, HTML), a value of its own in JSON: an interval as
    /// `[low, high]`, a list as an array, a pair of counts as an object.
    case structured(String, JSONOut)
    case empty

    var string: String {
        switch self {
        case .text(let s), .number(let s), .notApplicable(let s), .structured(let s, _): s
        case .empty: ""
        }
    }

    var csv: CSVCell {
        switch self {
        case .text(let s): .text(s)
        case .number(let s): .number(s)
        case .notApplicable(let s), .structured(let s, _): .text(s)
        case .empty: .text("")
        }
    }

    /// As an HTML table cell: text escaped, numbers aligned right.
    var html: HTMLTableBuilder.Cell {
        switch self {
        case .text(let s), .notApplicable(let s), .structured(let s, _): .text(s)
        case .number(let s): .number(s)
        case .empty: .empty
        }
    }

    var json: JSONOut {
        switch self {
        case .text(let s): .string(s)
        case .number(let s): .number(s)
        case .structured(_, let value): value
        case .notApplicable, .empty: .null
        }
    }
}

/// A table to export: headers with stable JSON keys, and rows of cells.
public struct ExportTable: Sendable {
    public struct Column: Sendable {
        public var header: String
        /// The key in JSON output.
        public var key: String
        public var alignRight: Bool
    }
    public var columns: [Column]
    public var rows: [[ExportCell]]
    /// A second header row in CSV (the summary's standard names under their ids), if any.
    public var subheaders: [String]?
    /// Rows before the header in CSV (a score sheet's unit and rules), each a label and values:
    /// a total is a number, so a workbook stores it as one.
    public var preamble: [[ExportCell]]

    public init(columns: [Column], rows: [[ExportCell]], subheaders: [String]? = nil, preamble: [[ExportCell]] = []) {
        self.columns = columns
        self.rows = rows
        self.subheaders = subheaders
        self.preamble = preamble
    }

    public func csv() -> [UInt8] {
        var w = CSVWriter()
        for row in preamble { w.row(row.map(\.csv)) }
        w.row(texts: columns.map(\.header))
        if let subheaders { w.row(texts: subheaders) }
        for r in rows { w.row(r.map(\.csv)) }
        return w.bytes
    }

    public func jsonRows() -> JSONOut {
        .array(rows.map { r in .object(Dictionary(uniqueKeysWithValues: zip(columns.map(\.key), r.map(\.json)))) })
    }

    public func text() -> String {
        var t = TextTable(columns: columns.map { .init($0.header, alignment: $0.alignRight ? .right : .left) })
        for r in rows { t.addRow(r.map(\.string)) }
        return t.render()
    }

    /// A GitHub-flavoured Markdown table; `|` in cells is escaped.
    public func markdown() -> String {
        // A backslash first: a name ending in `\` would escape the cell's closing `|` and run into the next cell.
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var s = "| " + columns.map { esc($0.header) }.joined(separator: " | ") + " |\n"
        s += "|" + columns.map { $0.alignRight ? " ---: |" : " --- |" }.joined() + "\n"
        for r in rows { s += "| " + r.map { esc($0.string) }.joined(separator: " | ") + " |\n" }
        return s
    }
}
