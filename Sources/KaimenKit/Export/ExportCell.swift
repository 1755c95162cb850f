import Foundation

/// A cell of an exported table: text that came from input data (names, ids, criteria, which
/// CSV neutralises against formula injection and HTML would escape), or a number kaimen
/// formatted itself.
public enum ExportCell: Sendable, Equatable {
    case text(String)
    case number(String)
    case empty

    var string: String {
        switch self {
        case .text(let s), .number(let s): s
        case .empty: ""
        }
    }

    var csv: CSVCell {
        switch self {
        case .text(let s): .text(s)
        case .number(let s): .number(s)
        case .empty: .text("")
        }
    }

    var json: JSONOut {
        switch self {
        case .text(let s): .string(s)
        case .number(let s): .number(s)
        case .empty: .null
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

    public func csv() -> [UInt8] {
        var w = CSVWriter()
        w.row(texts: columns.map(\.header))
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
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var s = "| " + columns.map { esc($0.header) }.joined(separator: " | ") + " |\n"
        s += "|" + columns.map { $0.alignRight ? " ---: |" : " --- |" }.joined() + "\n"
        for r in rows { s += "| " + r.map { esc($0.string) }.joined(separator: " | ") + " |\n" }
        return s
    }
}
