/// One worksheet of a workbook kaimen writes: rows of typed cells, header rows frozen, column
/// widths that fit their text (a CJK character counts two columns, as Excel measures it).
public struct XLSXSheet: Sendable {
    public enum Cell: Sendable, Equatable {
        /// Text, kept as text even when it looks like a number (`0050`).
        case text(String)
        /// A decimal number as kaimen printed it (`87.50`, `-0.50`), shown with the sheet's
        /// number format of `places` decimals.
        case number(String, places: Int)
        case integer(Int)
        /// A header cell: bold on grey.
        case header(String)
        case empty
    }

    public var name: String
    public var rows: [[Cell]]
    /// How many rows at the top stay in view when scrolling.
    public var frozenRows: Int
    /// Widest a column gets, in characters; longer text wraps in Excel only if asked, so cap it.
    public var maxWidth: Double = 60
    /// Widest a header cell makes its column, where that should be narrower than `maxWidth`:
    /// header cells wrap (their style asks for it), so a long heading over short values takes
    /// several lines instead of widening the column (`nil`: `maxWidth`).
    public var headerMaxWidth: Double?
    /// Only the first this many columns keep their header cells to `headerMaxWidth` (`nil`: all).
    public var headerMaxWidthColumns: Int?
    /// Cell ranges shown as one cell (`A1:A2`): a heading over two header rows.
    public var merges: [String] = []
    /// A text merged across columns of its row (`B1:F1`) is measured, for its row's height, at
    /// the merged width, as it wraps, not at its first column's: a score sheet's title, merged
    /// over 编号 to 数据, made a row of four lines for one (since 0.29.7). Merges over rows are
    /// measured at their first column still.
    public var heightsAcrossMerges = false
    /// Printed, the sheet is scaled to one page wide (a score sheet; not the wide summary).
    public var fitToWidth = false
    /// Text cells wrap at their column's width (capped by `maxWidth`), so a long criteria text or
    /// note takes lines instead of being cut off, and a sheet fit to one page stays readable.
    public var wrapsText = false
    /// With `wrapsText`, only the first this many columns wrap their text cells (`nil`: all):
    /// the ones printed, whose rows are as tall as their own texts need, not as a note in a
    /// column off the page. Header cells wrap in every column, and their rows are as tall.
    public var wrapsColumns: Int?
    /// Rows of one line are given their height too (a line and a point), so that a row of the
    /// grid is as high as a line of LibreOffice's font needs, not Excel's default 15 points.
    public var heightsEveryRow = false
    /// Rows at the top printed again on every page (`_xlnm.Print_Titles`): the headers.
    public var printTitleRows = 0
    /// Only the first this many columns are printed (`_xlnm.Print_Area`; 0: all).
    public var printColumns = 0
    /// The row (from 0) where a table starts whose every cell, empty ones included, gets thin
    /// borders, as far as its first row reaches (`nil`: none): printed, a wrapped text and the
    /// row under it are then told apart.
    public var borderedFrom: Int?
    /// Printed at the foot of each page, centred: the page's number and the count, in `lang`
    /// (`nil`: no footer).
    public var pageFooter: Language?
    /// Printed at the head of each page (`nil`: none): what the page is, left, centre and right
    /// (the issuer, the title, the result's version), as plain text; `&` is escaped here.
    public var pageHeader: (left: String, centre: String, right: String)?
    /// Score columns a typist fills: each warns (and still takes the value) when a number is
    /// below 0 or above the item's maximum (Excel's and LibreOffice's data validation).
    public var validations: [Validation] = []

    /// A data validation: `column`'s rows `firstRow...lastRow` (from 1) hold a decimal from 0 to
    /// `maximum` (as text, `10` or `2.5`); a value outside is warned of with `message`.
    public struct Validation: Sendable, Equatable {
        public var column: Int
        public var firstRow: Int
        public var lastRow: Int
        public var maximum: String
        /// The warning's title (`超出范围`).
        public var title: String
        public var message: String
        /// Shown when a cell of the column is selected: its title (`评分范围`) and text (`0 到 4 分`).
        public var promptTitle: String
        public var prompt: String
    }
    /// Points per line of a wrapped row (its height is written: no program grows it on
    /// opening). 14.5 fits Excel's 等线; LibreOffice, with a CJK font of its own, needs 16.
    public var lineHeight = 14.5

    public init(name: String, rows: [[Cell]] = [], frozenRows: Int = 1) {
        self.name = name
        self.rows = rows
        self.frozenRows = frozenRows
    }

    /// Column widths in Excel's character units: the widest cell's display width plus padding.
    public func columnWidths() -> [Double] {
        var widths: [Double] = []
        for row in rows {
            for (c, cell) in row.enumerated() {
                let w: Int
                switch cell {
                case .text(let s): w = Self.widestLine(s)
                case .header(let s): w = min(Self.widestLine(s), Int(c < (headerMaxWidthColumns ?? .max) ? headerMaxWidth ?? maxWidth : maxWidth))
                case .number(let s, _): w = s.count
                case .integer(let i): w = String(i).count
                case .empty: w = 0
                }
                if c >= widths.count { widths += Array(repeating: 6, count: c - widths.count + 1) }
                widths[c] = max(widths[c], min(maxWidth, Double(w) + 2))
            }
        }
        return widths
    }

    /// The display width (``DisplayWidth``) of the widest line of `s`, in one pass over its
    /// scalars. A line ends at a line feed, but not at one right after a carriage return (a
    /// CRLF is one character, and a line break only where a lone `\n` is). ASCII and CJK
    /// ideographs and fullwidth punctuation, nearly all of a sheet, skip the general lookup.
    static func widestLine(_ s: String) -> Int {
        var widest = 0, line = 0
        var afterCR = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v == 0x0A && !afterCR {
                widest = max(widest, line)
                line = 0
            } else if v >= 0x20 && v < 0x7F {
                line += 1
            } else if (0x4E00...0x9FFF).contains(v) || (0x3000...0x3029).contains(v) || (0xFF01...0xFF60).contains(v) {
                line += 2
            } else {
                line += DisplayWidth.of(scalar)
            }
            afterCR = v == 0x0D
        }
        return max(widest, line)
    }

    /// The height in points a row of wrapping text cells takes at these column widths (each
    /// line 14.5 pt, as an 11 pt 等线 line), or `nil` for a row of one line.
    /// - Parameter spans: the width of a cell merged across columns, by its first column, where
    ///   it is not its column's.
    static func rowHeight(_ row: [Cell], widths: [Double], spans: [Int: Double] = [:], lineHeight: Double = 14.5) -> Double? {
        var lines = 1
        for (c, cell) in row.enumerated() where c < widths.count {
            switch cell {
            case .text(let s), .header(let s): lines = max(lines, wrapped(s, width: spans[c] ?? widths[c]))
            case .number, .integer, .empty: break
            }
        }
        return lines > 1 ? lineHeight * Double(lines) + 1 : nil
    }

    /// How many lines `s` takes wrapped in a column `width` characters wide (2 for padding).
    static func wrapped(_ s: String, width: Double) -> Int {
        let usable = max(1, Int(width) - 2)
        return s.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { n, line in
            n + max(1, (DisplayWidth.of(line) + usable - 1) / usable)
        }
    }

    /// The widths of the cells merged across columns of one row (`B1:F1`), by row and first
    /// column (from 0): the sum of their columns' widths. A merge over rows is left out.
    static func mergedWidths(_ merges: [String], widths: [Double]) -> [Int: [Int: Double]] {
        var spans: [Int: [Int: Double]] = [:]
        for merge in merges {
            let ends = merge.split(separator: ":").map(cellReference)
            guard ends.count == 2, let (row, first) = ends[0], let (lastRow, last) = ends[1], row == lastRow, first < last else { continue }
            spans[row, default: [:]][first] = (first...last).reduce(0) { $0 + ($1 < widths.count ? widths[$1] : 0) }
        }
        return spans
    }

    /// `B1` as its row and column, from 0.
    static func cellReference(_ ref: Substring) -> (row: Int, column: Int)? {
        let letters = ref.prefix { $0.isASCII && $0.isUppercase }
        guard !letters.isEmpty, let row = Int(ref.dropFirst(letters.count)), row > 0 else { return nil }
        let column = letters.reduce(0) { $0 * 26 + Int($1.asciiValue! - 64) } - 1
        return (row - 1, column)
    }

    /// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
    public static func columnName(_ c: Int) -> String {
        var n = c + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// The worksheet part, with strings replaced by indices into `strings`. The cells are
    /// appended as bytes into one buffer (a workbook of 100 score sheets has some 60 000).
    func xml(strings: inout XLSXSharedStrings, styles: XLSXStyles, selected: Bool) -> [UInt8] {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        if fitToWidth { s += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" }
        s += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        if frozenRows > 0 {
            s += "<pane ySplit=\"\(frozenRows)\" topLeftCell=\"A\(frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            s += "<selection pane=\"bottomLeft\" activeCell=\"A\(frozenRows + 1)\" sqref=\"A\(frozenRows + 1)\"/>"
        }
        s += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        let widths = columnWidths()
        if !widths.isEmpty {
            s += "<cols>"
            for (i, w) in widths.enumerated() { s += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(SVGCanvas.n(w))\" customWidth=\"1\"/>" }
            s += "</cols>"
        }
        s += "<sheetData>"
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + rows.count * 400)
        out += s.utf8
        let columns = (0..<(rows.map(\.count).max() ?? 0)).map { Array(Self.columnName($0).utf8) }
        // Each format, and its bordered copy for the table's rows.
        func style(_ xf: Int) -> (plain: [UInt8], bordered: [UInt8]) { (Array(String(xf).utf8), Array(String(styles.borders ? styles.bordered(xf) : xf).utf8)) }
        let textStyles = style(wrapsText ? styles.wrappedText : styles.text), headerStyles = style(styles.header), integerStyles = style(styles.integer)
        // A text cell past `wrapsColumns`: on one line.
        let unwrappedStyles = wrapsColumns == nil ? textStyles : style(styles.text)
        let spans = heightsAcrossMerges ? Self.mergedWidths(merges, widths: widths) : [:]
        let tableWidth = borderedFrom.flatMap { $0 < rows.count ? rows[$0].count : nil } ?? 0
        for (r, row) in rows.enumerated() {
            let inTable = styles.borders && (borderedFrom.map { r >= $0 } ?? false)
            let textStyle = inTable ? textStyles.bordered : textStyles.plain, headerStyle = inTable ? headerStyles.bordered : headerStyles.plain
            let unwrappedStyle = inTable ? unwrappedStyles.bordered : unwrappedStyles.plain
            let integerStyle = inTable ? integerStyles.bordered : integerStyles.plain
            let number = Array(String(r + 1).utf8)
            out += "<row r=\"".utf8
            out += number
            // Wrapped text needs its height said: neither Excel nor LibreOffice grows a row on opening.
            // Past `wrapsColumns` only the header cells wrap (their style does), and count.
            let wrapping = wrapsColumns.map { limit in row.enumerated().map { c, cell in
                if c < limit { return cell }
                if case .header = cell { return cell }
                return .empty
            } } ?? row
            if wrapsText, let height = Self.rowHeight(wrapping, widths: widths, spans: spans[r] ?? [:], lineHeight: lineHeight)
                ?? (heightsEveryRow ? lineHeight + 1 : nil) {
                out += "\" ht=\"\(SVGCanvas.n(height))\" customHeight=\"1".utf8
            }
            out += "\">".utf8
            for c in 0 ..< max(row.count, inTable ? tableWidth : 0) {
                let cell = c < row.count ? row[c] : .empty
                if case .empty = cell {
                    // An empty cell of the table: only its border.
                    if inTable { out += "<c r=\"".utf8; out += columns[c]; out += number; out += "\" s=\"".utf8; out += textStyle; out += "\"/>".utf8 }
                    continue
                }
                out += "<c r=\"".utf8
                out += columns[c]
                out += number
                switch cell {
                case .text(let t), .header(let t):
                    out += "\" t=\"s\" s=\"".utf8
                    if case .header = cell { out += headerStyle } else { out += c < (wrapsColumns ?? .max) ? textStyle : unwrappedStyle }
                    out += "\"><v>".utf8
                    out += String(strings.index(t)).utf8
                case .number(let v, let places):
                    out += "\" s=\"".utf8
                    let xf = styles.number(places: places)
                    out += String(inTable ? styles.bordered(xf) : xf).utf8
                    out += "\"><v>".utf8
                    out += XLSXSharedStrings.escape(v).utf8
                case .integer(let i):
                    out += "\" s=\"".utf8
                    out += integerStyle
                    out += "\"><v>".utf8
                    out += String(i).utf8
                case .empty:
                    break
                }
                out += "</v></c>".utf8
            }
            out += "</row>".utf8
        }
        var tail = "</sheetData>"
        // After the cells and before the page's set-up, as the schema orders them.
        if !merges.isEmpty { tail += "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>" }
        if !validations.isEmpty { tail += Self.validationsXML(validations) }
        tail += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        tail += "<pageSetup paperSize=\"9\" orientation=\"landscape\"\(fitToWidth ? " fitToWidth=\"1\" fitToHeight=\"0\"" : "")/>"
        if pageFooter != nil || pageHeader != nil {
            tail += "<headerFooter>"
            if let pageHeader { tail += "<oddHeader>" + XLSXSharedStrings.escape(Self.headerText(pageHeader)) + "</oddHeader>" }
            // &C centres, &P is the page, &N the count (ECMA-376 §18.3.1.46); `&` as `&amp;` in XML.
            if let lang = pageFooter { tail += "<oddFooter>\(lang.t("&amp;C第 &amp;P 页，共 &amp;N 页", "&amp;CPage &amp;P of &amp;N"))</oddFooter>" }
            tail += "</headerFooter>"
        }
        tail += "</worksheet>"
        out += tail.utf8
        return out
    }
}

extension XLSXSheet {
    /// A page header's codes: `&L`, `&C` (bold), `&R` and each text with its `&` doubled, as a
    /// header's text says a literal ampersand (ECMA-376 §18.3.1.39); control characters dropped.
    /// Excel refuses a header longer than 255 characters: the title is cut first, then the rest.
    static func headerText(_ h: (left: String, centre: String, right: String)) -> String {
        func plain(_ s: String, _ limit: Int) -> String {
            let kept = String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 && !HTMLText.isDropped($0.value) }))
            let cut = kept.count > limit ? String(kept.prefix(max(0, limit - 1))) + "…" : kept
            return cut.replacingOccurrences(of: "&", with: "&&")
        }
        // A section left empty is not written (openpyxl read `&R` at the end as the centre's text).
        let (left, centre, right) = (plain(h.left, 40), plain(h.centre, 120), plain(h.right, 60))
        return (left.isEmpty ? "" : "&L" + left) + (centre.isEmpty ? "" : "&C&\"-,Bold\"" + centre) + (right.isEmpty ? "" : "&R" + right)
    }

    static func validationsXML(_ list: [Validation]) -> String {
        var s = "<dataValidations count=\"\(list.count)\">"
        for v in list {
            let range = "\(columnName(v.column))\(v.firstRow):\(columnName(v.column))\(v.lastRow)"
            // Titles at most 32 characters, texts 255 (Excel's limits).
            s += "<dataValidation type=\"decimal\" errorStyle=\"warning\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
                + " errorTitle=\"\(XLSXSharedStrings.escape(String(v.title.prefix(32))))\" error=\"\(XLSXSharedStrings.escape(String(v.message.prefix(225))))\""
                + " promptTitle=\"\(XLSXSharedStrings.escape(String(v.promptTitle.prefix(32))))\" prompt=\"\(XLSXSharedStrings.escape(String(v.prompt.prefix(250))))\""
                + " sqref=\"\(range)\"><formula1>0</formula1><formula2>\(XLSXSharedStrings.escape(v.maximum))</formula2></dataValidation>"
        }
        return s + "</dataValidations>"
    }
}

/// The shared-strings table: each distinct text once, with `count` (every use) and
/// `uniqueCount`, which Excel needs to open the file without offering a repair.
struct XLSXSharedStrings {
    private(set) var list: [String] = []
    private var index: [String: Int] = [:]
    private(set) var count = 0

    mutating func index(_ s: String) -> Int {
        count += 1
        if let i = index[s] { return i }
        list.append(s)
        index[s] = list.count - 1
        return list.count - 1
    }

    func xml() -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(count)\" uniqueCount=\"\(list.count)\">"
        for whole in list {
            let t = Self.fitted(whole)
            let e = Self.escape(t)
            // Leading or trailing spaces survive only with xml:space="preserve".
            let preserve = t.first?.isWhitespace == true || t.last?.isWhitespace == true || t.utf8.contains(0x0A)
            s += preserve ? "<si><t xml:space=\"preserve\">\(e)</t></si>" : "<si><t>\(e)</t></si>"
        }
        return s + "</sst>"
    }

    /// The most an Excel cell holds: 32 767 characters, counted in UTF-16 units.
    static let cellLimit = 32_767

    /// `text`, or where it is longer than a cell holds, its start and `…` within the limit (never
    /// half of a character outside the Basic Multilingual Plane). Excel offers to repair a
    /// workbook with a longer cell and then empties it. The inputs and the rules refuse texts
    /// anywhere near this long (`text-too-long`); this holds for what kaimen itself puts
    /// together (a note naming thousands of tied units).
    static func fitted(_ text: String) -> String {
        guard text.utf8.count > cellLimit, text.utf16.count > cellLimit else { return text }
        var kept = String.UnicodeScalarView()
        var units = 0
        for scalar in text.unicodeScalars {
            let n = scalar.value > 0xFFFF ? 2 : 1
            if units + n > cellLimit - 1 { break }
            kept.append(scalar)
            units += n
        }
        return String(kept) + "…"
    }

    /// Escapes XML text and drops what XML 1.0 cannot carry (controls other than tab, line feed
    /// and carriage return; U+FFFE, U+FFFF) and direction overrides.
    static func escape(_ text: String) -> String {
        if HTMLText.isPlain(text.utf8, apostrophe: false) { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if HTMLText.isDropped(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
