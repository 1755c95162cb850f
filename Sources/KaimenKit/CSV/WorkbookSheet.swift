/// An Excel workbook (`.xlsx`, as Excel, WPS and LibreOffice save it) read as the CSV text that
/// "Save As → CSV UTF-8" would make of its first visible worksheet, so that every reader, its
/// checks and its messages take a workbook as they take a CSV file:
///
/// - Row *n* of the sheet is record *n* of the text (an empty row is an empty line, which the
///   CSV reader skips and counts; a cell's line breaks stay inside its quotes, which the reader
///   counts as one row), and the cell in column *k* is field *k*: a message's `第 8 行 C 列` is
///   the cell the workbook shows there.
/// - Every row that holds a value has as many fields as the sheet's widest row that holds one
///   (Excel's CSV does the same), so a cell left empty is an empty field, not a short row.
/// - A cell reads as ``WorkbookCellText`` says: a shared or inline string as written; a number
///   in full to 15 significant digits, a percentage as `87.5%`, a date as `2014-07-08`; a
///   formula as the value it last had (what Excel shows). A formula stored without a value
///   (openpyxl and other programs write them so; Excel, WPS and LibreOffice never do) reads as
///   its text (`=C2*2`), and is listed in the facts (``WorkbookFacts/uncomputed``), from which
///   the CSV reader makes an error at each such cell: what it works out to is not in the file,
///   and an empty cell in its place could pass for a value left out.
/// - Hidden rows and columns are read like any other, and listed in the facts
///   (``WorkbookFacts/hiddenRows``, ``WorkbookFacts/hiddenColumns``) for the readers to say so.
///
/// The other worksheets are read only to say which of them hold values (the caller warns: they
/// are not read), each only as far as its first value. Parts are found through the package's
/// relationships, as OPC defines them, and all of them together inflate to at most
/// `unpackedLimit` bytes; each is refused unless it is UTF-8.
enum WorkbookSheet {
    /// What the parts read may inflate to, all together.
    static let unpackedLimit = 128 << 20
    /// How far into another worksheet its first value is looked for.
    static let lookLimit = 1 << 20
    /// The CSV text made, at most: a row's padding comes from the widest row, and a hostile
    /// sheet of a cell in column XFD on each of a million rows would make 16 GiB of commas.
    static let textLimit = 256 << 20
    /// The characters (UTF-16 units) a cell holds at most, as in Excel: a longer text (a
    /// shared string of 100 MiB used in every cell) comes from no spreadsheet.
    static let cellLimit = 32_767
    /// The cells with a value a worksheet may hold: a few hundred KiB of XML hold millions of
    /// one-character cells, each a string once read.
    static let cellCountLimit = 3_000_000
    /// How much of the other worksheets is looked into, all together; past it they are not named.
    static let othersLookLimit = 16 << 20

    enum Failure: Error, Equatable, Sendable {
        case archive(ZIPReader.Failure)
        /// A part that is not well-formed XML, or a cell reference outside the sheet's 1 048 576 × 16 384 cells.
        case malformed(part: String)
        case noWorksheet
        /// A ZIP archive that holds no workbook: an OpenDocument spreadsheet (`.ods`, `true`), or anything else.
        case notAWorkbook(openDocument: Bool)
        /// More unpacked than `unpackedLimit`.
        case tooLarge
        /// More than `cellCountLimit` cells with a value, or more text than `textLimit`.
        case tooMuchText
        /// A cell longer than `cellLimit`, at its row and column (from 1).
        case longCell(row: Int, column: Int, length: Int)
    }

    struct Read: Sendable, Equatable {
        /// UTF-8 CSV text, lines ending in LF.
        var csv: [UInt8]
        var sheetName: String
        /// How many worksheets the workbook has, and the names of the others that hold a value.
        var worksheetCount: Int
        var othersWithValues: [String]
        /// What the worksheet says of its cells beyond their text (merged ranges).
        var facts = WorkbookFacts()
    }

    static func read(_ bytes: [UInt8]) throws(Failure) -> Read {
        let zip: ZIPReader
        do { zip = try ZIPReader(bytes) } catch { throw .archive(error) }
        // What every part read may inflate to, together: a workbook of many small parts that
        // each stay under a part's limit is as much a bomb as one large part.
        var left = unpackedLimit
        func part(_ name: String) throws(Failure) -> [UInt8]? {
            let data: [UInt8]?
            do { data = try zip.data(name, limit: left) } catch { throw .archive(error) }
            guard let data else { return nil }
            left -= data.count
            // Every part is XML in UTF-8: other bytes (a part in GBK) would be read as U+FFFD.
            guard TextEncodingDetection.firstInvalidUTF8(data) == nil else { throw .malformed(part: name) }
            return data
        }
        // The package's main part, then its worksheets in the workbook's order.
        let book = try relationships(of: "", part).first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let bookXML = try part(book) else {
            let mimetype = (try? zip.data("mimetype", limit: 200)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
            throw .notAWorkbook(openDocument: mimetype?.contains("opendocument.spreadsheet") == true)
        }
        let bookRels = try relationships(of: book, part)
        var sheets: [(name: String, visible: Bool, target: String)] = []
        var date1904 = false
        try scan(bookXML, book) { event in
            guard case .start(let name, let a, _) = event else { return }
            if name == "workbookPr" { date1904 = ["1", "true"].contains(a["date1904"] ?? "") }
            if name == "sheet", let id = a["id"], let rel = bookRels.first(where: { $0.id == id }), rel.type.hasSuffix("/worksheet"),
               !sheets.contains(where: { $0.target == rel.target }) {
                sheets.append((a["name"] ?? "", (a["state"] ?? "visible") == "visible", rel.target))
            }
        }
        guard let chosen = sheets.firstIndex(where: \.visible) ?? sheets.indices.first else { throw .noWorksheet }
        let target = sheets[chosen].target
        guard let sheetXML = try part(target) else { throw .malformed(part: target) }
        var facts = WorkbookFacts()
        let raw = try cells(sheetXML, target, facts: &facts)
        // The other worksheets only as far as their first value, in their first `lookLimit`
        // bytes: they are not read, only named. One that breaks before a value is not named.
        // A budget of their own: the sheet read is never refused for the others.
        var othersWithValues: [String] = []
        var lookLeft = othersLookLimit
        for (i, sheet) in sheets.enumerated() where i != chosen && lookLeft > 0 {
            guard let xml = zip.prefix(sheet.target, count: min(lookLimit, lookLeft)) else { continue }
            lookLeft -= max(xml.count, 1)
            if let first = try? cells(xml, sheet.target, firstOnly: true), !first.isEmpty { othersWithValues.append(sheet.name) }
        }
        // Only the shared strings the sheet uses are kept.
        var used = Set<Int>()
        for r in raw { for c in r.cells { if case .shared(let i) = c.cell { used.insert(i) } } }
        let stringsPart = bookRels.first { $0.type.hasSuffix("/sharedStrings") }?.target
        let strings = try sharedStrings(stringsPart, used: used, part)
        let shapes = try styles(bookRels.first { $0.type.hasSuffix("/styles") }?.target, part)
        func shape(_ style: Int) -> WorkbookCellText.Shape { shapes.indices.contains(style) ? shapes[style] : .plain }
        var rows: Rows = []
        rows.reserveCapacity(raw.count)
        // The text as it is made, so that a few cells of long numbers are refused before they fill memory.
        var made = 0
        for r in raw {
            var cells: [(column: Int, text: String)] = []
            cells.reserveCapacity(r.cells.count)
            for c in r.cells {
                let text: String
                switch c.cell {
                case .text(let t): text = t
                case .shared(let i):
                    guard let t = strings[i] else { throw .malformed(part: target) }
                    text = t
                case .number(let v, let style):
                    let shape = shape(style)
                    guard let t = WorkbookCellText.number(v, shape: shape, date1904: date1904) else { throw .malformed(part: target) }
                    text = t
                    // A number shown as a date, a time or a duration: what it holds, for a message that finds it no figure.
                    switch shape {
                    case .date, .elapsed:
                        if let plain = WorkbookCellText.number(v, shape: .plain, date1904: date1904), plain != t {
                            facts.dates.append(.init(row: r.row, column: c.column, number: plain, elapsed: shape.isElapsed))
                        }
                    default: break
                    }
                case .isoDate(let v, let style):
                    text = WorkbookCellText.isoDate(v, shape: shape(style))
                    facts.dates.append(.init(row: r.row, column: c.column, number: nil))
                case .uncomputed(let formula):
                    // Read as its text, `=` and the formula (a shared formula's follower has none
                    // of its own), so that no reader takes the cell for one left empty.
                    text = "=" + formula
                    facts.noteUncomputed(row: r.row, column: c.column, formula: formula)
                }
                guard text.utf16.count <= cellLimit else { throw .longCell(row: r.row, column: c.column, length: text.utf16.count) }
                made += text.utf8.count + 1
                guard made <= textLimit else { throw .tooMuchText }
                if !text.isEmpty { cells.append((c.column, text)) }
            }
            if !cells.isEmpty { rows.append((r.row, cells)) }
        }
        return Read(csv: try text(rows), sheetName: sheets[chosen].name, worksheetCount: sheets.count, othersWithValues: othersWithValues, facts: facts)
    }

    /// A sheet's values: each row that holds one, its number and its cells by column (both from 1), in order.
    typealias Rows = [(row: Int, cells: [(column: Int, text: String)])]

    /// A cell as its worksheet holds it, before the shared strings and styles say what it reads as.
    enum Cell: Equatable, Sendable {
        /// Inline text, a formula's text, TRUE or FALSE, an error value: as it reads.
        case text(String)
        /// An index into the shared strings.
        case shared(Int)
        /// A number as stored, and the cell's style (its index in `cellXfs`).
        case number(String, style: Int)
        /// An ISO 8601 date (`t="d"`), and the cell's style.
        case isoDate(String, style: Int)
        /// A formula without the value it works out to, and its text (without `=`; empty for a
        /// shared formula's follower, which has none of its own).
        case uncomputed(String)
    }

    typealias RawRows = [(row: Int, cells: [(column: Int, cell: Cell)])]

    /// The cells of a worksheet part that hold a value, or with `firstOnly` the first such cell.
    static func cells(_ xml: [UInt8], _ partName: String, firstOnly: Bool = false) throws(Failure) -> RawRows {
        var facts = WorkbookFacts()
        return try cells(xml, partName, firstOnly: firstOnly, facts: &facts)
    }

    /// The same, and what the part says of its cells after them (`facts`: its merged ranges,
    /// after `sheetData`; a part that breaks there is read as far as it goes).
    static func cells(_ xml: [UInt8], _ partName: String, firstOnly: Bool = false, facts: inout WorkbookFacts) throws(Failure) -> RawRows {
        var scanner = XMLScanner(xml)
        var afterData = false
        var rows: RawRows = []
        var row = 0, column = 0
        var current: [(column: Int, cell: Cell)] = []
        var count = 0
        // The columns `<cols>` hides (`<col min="4" max="5" hidden="1"/>`), before `sheetData`.
        var hiddenColumns: [ClosedRange<Int>] = []
        func endRow() {
            if !current.isEmpty { rows.append((row, current.sorted { $0.column < $1.column })) }
            current = []
        }
        do {
            reading: while let event = try scanner.next() {
                switch event {
                case .start("row", let a, let empty):
                    endRow()
                    if let r = a["r"] {
                        guard let n = Int(r), n > 0 else { throw Failure.malformed(part: partName) }
                        row = n
                    } else {
                        row += 1
                    }
                    guard row <= 1_048_576 else { throw Failure.malformed(part: partName) }
                    if let hidden = a["hidden"], hidden == "1" || hidden == "true" { facts.hiddenRows.append(row) }
                    column = 0
                    if empty { continue }
                case .start("c", let a, let empty):
                    if let ref = a["r"] {
                        guard let (c, r) = reference(ref), r == row else { throw Failure.malformed(part: partName) }
                        column = c
                    } else {
                        column += 1
                    }
                    guard column >= 1, column <= 16_384, row > 0 else { throw Failure.malformed(part: partName) }
                    if empty { continue }
                    guard let cell = try cell(&scanner, type: a["t"] ?? "n", style: Int(a["s"] ?? "0") ?? 0) else {
                        throw Failure.malformed(part: partName)
                    }
                    if cell != .text("") {
                        current.append((column, cell))
                        if firstOnly { break reading }
                        count += 1
                        guard count <= cellCountLimit else { throw Failure.tooMuchText }
                    }
                case .start("col", let a, _) where !afterData:
                    if let hidden = a["hidden"], hidden == "1" || hidden == "true",
                       let low = a["min"].flatMap({ Int($0) }), let high = a["max"].flatMap({ Int($0) }), 1 ... 16_384 ~= low, low <= high {
                        hiddenColumns.append(low ... min(high, 16_384))
                    }
                case .end("sheetData"):
                    if firstOnly { break reading }
                    afterData = true
                case .start("mergeCell", let a, _) where afterData:
                    if let range = a["ref"].flatMap(WorkbookFacts.range) { facts.merged.append(range) }
                default: continue
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            // What follows the cells only adds to the hints: a part that breaks there is still read.
            if !afterData { throw .malformed(part: partName) }
        }
        endRow()
        // Rows and cells as the sheet places them, whatever order the file lists them in; the same cell twice is no sheet.
        rows.sort { $0.row < $1.row }
        if !facts.hiddenRows.isEmpty {
            let filled = Set(rows.map(\.row))
            facts.hiddenRows = Array(Set(facts.hiddenRows.filter(filled.contains))).sorted()
        }
        // The hidden columns that hold a value in any row, as the hidden rows.
        if !hiddenColumns.isEmpty {
            var filled = Set<Int>()
            for r in rows { for c in r.cells { filled.insert(c.column) } }
            facts.hiddenColumns = filled.filter { c in hiddenColumns.contains { $0.contains(c) } }.sorted()
        }
        for (i, r) in rows.enumerated() {
            guard i == 0 || rows[i - 1].row < r.row, zip(r.cells, r.cells.dropFirst()).allSatisfy({ $0.column < $1.column }) else {
                throw .malformed(part: partName)
            }
        }
        return rows
    }

    /// The cell just started, read to its end tag (`.text("")` when it holds nothing); `nil` for
    /// a shared string index that is no number.
    private static func cell(_ scanner: inout XMLScanner, type: String, style: Int) throws(XMLScanner.Malformed) -> Cell? {
        var value: String?, inline: String?, formula: String?
        while let event = try scanner.next() {
            switch event {
            case .start("v", _, let empty): value = empty ? "" : try scanner.text(until: "v")
            case .start("f", _, let empty):
                formula = empty ? "" : try scanner.text(until: "f")
            case .start("is", _, false): inline = try scanner.text(until: "is", inside: "t", skipping: ["rPh"])
            case .start(let name, _, false): try scanner.skip(to: name)
            case .end("c"):
                // A formula's value is stored in `<v>`: empty only for a text (`t="str"`, `=""`).
                // openpyxl writes `<v/>` for every formula, Excel and LibreOffice the value.
                if let formula, type != "inlineStr" && (value == nil || (type != "str" && value?.trimmingSpaces().isEmpty == true)) {
                    return .uncomputed(formula)
                }
                switch type {
                case "inlineStr": return .text(WorkbookCellText.unescaped(inline ?? ""))
                case "s":
                    guard let v = value, !v.trimmingSpaces().isEmpty else { return .text("") }
                    return Int(v.trimmingSpaces()).map { .shared($0) }
                case "str", "e": return .text(WorkbookCellText.unescaped(value ?? ""))
                case "d":
                    guard let v = value?.trimmingSpaces(), !v.isEmpty else { return .text("") }
                    return .isoDate(v, style: style)
                case "b":
                    guard let v = value?.trimmingSpaces(), !v.isEmpty else { return .text("") }
                    return .text(v == "1" || v.lowercased() == "true" ? "TRUE" : "FALSE")
                default:
                    guard let v = value?.trimmingSpaces(), !v.isEmpty else { return .text("") }
                    return .number(v, style: style)
                }
            default: continue
            }
        }
        throw XMLScanner.Malformed()
    }

    /// `AB12` as column 28, row 12.
    static func reference(_ ref: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for b in ref.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
                column = column * 26 + Int(b - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(b - UInt8(ascii: "0"))
                digits += 1
            default: return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        return letters > 0 && digits > 0 ? (column, row) : nil
    }

    /// The rows as CSV: a field quoted when it holds a comma, a quote, a tab or a line break.
    static func text(_ rows: Rows) throws(Failure) -> [UInt8] {
        let width = rows.map { $0.cells.last?.column ?? 0 }.max() ?? 0
        var size = 0
        for r in rows { size += width + r.cells.reduce(0) { $0 + $1.text.utf8.count + 2 } }
        guard size + (rows.last?.row ?? 0) <= textLimit else { throw .tooMuchText }
        var out: [UInt8] = []
        out.reserveCapacity(size + (rows.last?.row ?? 0))
        var line = 1
        for r in rows {
            while line < r.row { out.append(0x0A); line += 1 }
            var k = 1
            for c in r.cells {
                while k < c.column { out.append(UInt8(ascii: ",")); k += 1 }
                field(c.text, into: &out)
            }
            while k < width { out.append(UInt8(ascii: ",")); k += 1 }
            out.append(0x0A)
            line += 1
        }
        return out
    }

    /// Not `CSVWriter`'s cell: that one is for what kaimen writes for people (a `'` before a
    /// would-be formula, CRLF), where this text is read back as the cell held it; and a tab is
    /// quoted here, so that a one-column sheet whose header holds a tab reads as one column.
    private static func field(_ text: String, into out: inout [UInt8]) {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            out += bytes
            return
        }
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A part's relationships (`_rels/…​.rels` beside it): each one's id, type and target, the
    /// target made a part name (relative to the part's folder, or absolute from the package's root).
    static func relationships(of partName: String, _ part: (String) throws(Failure) -> [UInt8]?) throws(Failure) -> [(id: String, type: String, target: String)] {
        let folder = partName.split(separator: "/").dropLast().joined(separator: "/")
        let file = partName.split(separator: "/").last.map(String.init) ?? ""
        let relsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let xml = try part(relsName) else { return [] }
        var out: [(id: String, type: String, target: String)] = []
        try scan(xml, relsName) { event in
            guard case .start("Relationship", let a, _) = event, let id = a["Id"], let target = a["Target"],
                  (a["TargetMode"] ?? "Internal") == "Internal" else { return }
            out.append((id, a["Type"] ?? "", resolve(target, from: folder)))
        }
        return out
    }

    /// `../worksheets/sheet1.xml` from `xl/chartsheets` is `xl/worksheets/sheet1.xml`; `/xl/a.xml` is `xl/a.xml`.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for p in target.split(separator: "/") {
            if p == ".." { _ = parts.popLast() } else if p != "." { parts.append(String(p)) }
        }
        return parts.joined(separator: "/")
    }

    /// The shared strings at the indices `used`, by index; an index past the table is not there.
    static func sharedStrings(_ name: String?, used: Set<Int>, _ part: (String) throws(Failure) -> [UInt8]?) throws(Failure) -> [Int: String] {
        guard !used.isEmpty, let name, let xml = try part(name) else { return [:] }
        var out: [Int: String] = [:]
        var scanner = XMLScanner(xml)
        var index = 0
        do {
            while let event = try scanner.next() {
                guard case .start("si", _, let empty) = event else { continue }
                if used.contains(index) {
                    out[index] = empty ? "" : WorkbookCellText.unescaped(try scanner.text(until: "si", inside: "t", skipping: ["rPh"]))
                } else if !empty {
                    try scanner.skip(to: "si")
                }
                index += 1
            }
        } catch {
            throw .malformed(part: name)
        }
        return out
    }

    /// Each cell style's (`cellXfs`) way of showing numbers.
    static func styles(_ name: String?, _ part: (String) throws(Failure) -> [UInt8]?) throws(Failure) -> [WorkbookCellText.Shape] {
        guard let name, let xml = try part(name) else { return [] }
        var codes: [Int: String] = [:], shapes: [WorkbookCellText.Shape] = []
        var inCellXfs = false
        try scan(xml, name) { event in
            switch event {
            case .start("numFmt", let a, _):
                if let id = a["numFmtId"].flatMap({ Int($0) }) { codes[id] = a["formatCode"] ?? "" }
            case .start("cellXfs", _, let empty): inCellXfs = !empty
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let a, _) where inCellXfs:
                let id = a["numFmtId"].flatMap { Int($0) } ?? 0
                shapes.append(codes[id].map { WorkbookCellText.shape(code: $0) } ?? WorkbookCellText.shape(builtIn: id))
            default: break
            }
        }
        return shapes
    }

    /// Every event of a part, to `body`; a part that is not well-formed is `malformed`.
    private static func scan(_ xml: [UInt8], _ partName: String, _ body: (XMLScanner.Event) -> Void) throws(Failure) {
        var scanner = XMLScanner(xml)
        while true {
            let event: XMLScanner.Event?
            do { event = try scanner.next() } catch { throw .malformed(part: partName) }
            guard let event else { return }
            body(event)
        }
    }
}
