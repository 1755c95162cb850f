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
    /// Headers that break between two-character words only (`依法<wbr>维权`, `类别<wbr>排名`),
    /// lines balanced (`pairedHeadersCSS`): a narrow column then reads 依法/维权, not 依法维/权,
    /// and is at least two characters wide. Since 0.19.0 on the report's summary page.
    public var pairedHeaders = false
    private var rows: [String] = []

    public init(columns: [Column], tableClass: String = "") {
        self.columns = columns
        self.tableClass = tableClass
    }

    /// Adds a row; `rowClass` is a CSS class kaimen chose (`area`, `subtotal`, `veto`, `total`, `changed`, `recused`), `span`
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
        s += "<tr>" + columns.map { c in
            pairedHeaders ? "<th class=\"pairs\">\(Self.pairs(c.header.markup))</th>" : "<th>\(c.header.markup)</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        s += rows.joined(separator: "\n")
        s += "\n</tbody></table>"
        return HTMLText(markup: s)
    }

    /// The style `pairedHeaders` needs: Chinese words kept whole (breaks only where `pairs`
    /// put one), lines of about equal length.
    public static let pairedHeadersCSS = "table.grid th.pairs { word-break: keep-all; text-wrap: balance; }\n"

    /// `markup` with a break opportunity (`<wbr>`) after every second character of each run of
    /// Chinese characters, a last odd one staying with the pair before it (`工会经费收取` →
    /// `工会<wbr>经费<wbr>收取`, `职工代表大会` → `职工<wbr>代表<wbr>大会`, `合计分` unbroken),
    /// and before a full-width bracket that follows one (`维权<wbr>（12）`). Chinese words are
    /// mostly two characters long: a header then breaks between words, never inside one of
    /// two. `markup` is escaped text: tags and entities in it are ASCII, and left as they are
    /// (a tag with Chinese in it would be broken: not for kaimen's markup).
    static func pairs(_ markup: String) -> String {
        var out = ""
        var run: [Character] = []
        func flush() {
            var i = 0
            while i < run.count {
                let take = run.count - i == 3 ? 3 : min(2, run.count - i)
                if i > 0 { out += "<wbr>" }
                out += String(run[i ..< i + take])
                i += take
            }
            run.removeAll()
        }
        for ch in markup {
            if Han.isHan(ch) {
                run.append(ch)
                continue
            }
            let afterHan = !run.isEmpty
            flush()
            if afterHan && (ch == "（" || ch == "【" || ch == "《") { out += "<wbr>" }
            out.append(ch)
        }
        flush()
        return out
    }
}
