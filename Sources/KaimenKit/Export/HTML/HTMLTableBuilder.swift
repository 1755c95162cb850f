/// Builds a `<table class="grid">` whose header repeats on every printed page. Cells are text
/// (escaped) or markup kaimen wrote; numbers align right and never wrap.
public struct HTMLTableBuilder: Sendable {
    public struct Column: Sendable {
        public var header: HTMLText
        public var numeric: Bool
        /// A CSS width (`"12mm"`, `"30%"`), or `nil` to let the browser decide.
        public var width: String?
        /// Keep the cells on one line (short codes, grades, categories).
        public var nowrap: Bool

        public init(_ header: String, numeric: Bool = false, width: String? = nil, nowrap: Bool = false) {
            self.header = HTMLText(header)
            self.numeric = numeric
            self.width = width
            self.nowrap = nowrap
        }
    }

    public enum Cell: Sendable {
        case text(String)
        case number(String)
        case markup(HTMLText)
        case empty

        var html: String {
            switch self {
            case .text(let s), .number(let s): HTMLText.escape(s)
            case .markup(let m): m.markup
            case .empty: ""
            }
        }
    }

    public var columns: [Column]
    /// Extra `class` on the table beside `grid`.
    public var tableClass: String
    /// A first header row across all columns, repeated with the header on every printed page
    /// (e.g. which unit a continued score sheet is about).
    public var runningHeader: HTMLText?
    private var rows: [String] = []

    public init(columns: [Column], tableClass: String = "") {
        self.columns = columns
        self.tableClass = tableClass
    }

    /// Adds a row; `rowClass` is a CSS class kaimen chose (`subtotal`, `total`, `muted`), `span`
    /// merges the cell at an index with the next ones (`[2: 3]`: cell 2 spans three columns).
    public mutating func addRow(_ cells: [Cell], rowClass: String? = nil, span: [Int: Int] = [:]) {
        var s = rowClass.map { "<tr class=\"\($0)\">" } ?? "<tr>"
        var c = 0
        for (i, cell) in cells.enumerated() where c < columns.count {
            var cls: [String] = []
            let n = span[i] ?? 1
            if case .number = cell { cls.append("num") } else if columns[c].numeric { cls.append("num") }
            if columns[c].nowrap && n == 1 { cls.append("nowrap") }
            s += "<td"
            if n > 1 { s += " colspan=\"\(n)\"" }
            if !cls.isEmpty { s += " class=\"\(cls.joined(separator: " "))\"" }
            s += ">" + cell.html + "</td>"
            c += n
        }
        rows.append(s + "</tr>")
    }

    public var rowCount: Int { rows.count }

    public func rendered() -> HTMLText {
        var s = "<table class=\"grid\(tableClass.isEmpty ? "" : " " + tableClass)\">"
        if columns.contains(where: { $0.width != nil }) {
            s += "<colgroup>" + columns.map { c in c.width.map { "<col style=\"width:\($0)\">" } ?? "<col>" }.joined() + "</colgroup>"
        }
        s += "<thead>"
        if let runningHeader { s += "<tr><th class=\"running\" colspan=\"\(columns.count)\">\(runningHeader.markup)</th></tr>" }
        s += "<tr>" + columns.map { "<th>\($0.header.markup)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        s += rows.joined(separator: "\n")
        s += "\n</tbody></table>"
        return HTMLText(markup: s)
    }
}
