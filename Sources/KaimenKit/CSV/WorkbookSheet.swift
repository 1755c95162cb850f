/// An Excel workbook (`.xlsx`, as Excel, WPS and LibreOffice save it) read as the CSV text that
/// "Save As → CSV UTF-8" would make of its first visible worksheet, so that every reader, its
/// checks and its messages take a workbook as they take a CSV file:
///
/// - Row *n* of the sheet is line *n* of the text (an empty row is an empty line, which the CSV
///   reader skips and counts), and the cell in column *k* is field *k*: a message's
///   `第 8 行 C 列` is the cell the workbook shows there.
/// - Every row that holds a value has as many fields as the sheet's widest row that holds one
///   (Excel's CSV does the same), so a cell left empty is an empty field, not a short row.
/// - A cell reads as ``WorkbookCellText`` says: a shared or inline string as written; a number
///   in full to 15 significant digits, a percentage as `87.5%`, a date as `2014-07-08`; a
///   formula as the value it last had (what Excel shows).
///
/// The other worksheets are read only to say which of them hold values (the caller warns: they
/// are not read). Parts are found through the package's relationships, as OPC defines them,
/// and each is inflated to at most `partLimit` bytes.
enum WorkbookSheet {
    static let partLimit = 256 << 20
    /// The CSV text made, at most: a row's padding comes from the widest row, and a hostile
    /// sheet of a cell in column XFD on each of a million rows would make 16 GiB of commas.
    static let textLimit = 512 << 20

    enum Failure: Error, Equatable, Sendable {
        case archive(ZIPReader.Failure)
        /// A part that is not well-formed XML, or a cell reference outside the sheet's 1 048 576 × 16 384 cells.
        case malformed(part: String)
        case noWorksheet
        /// A ZIP archive that holds no workbook: an OpenDocument spreadsheet (`.ods`, `true`), or anything else.
        case notAWorkbook(openDocument: Bool)
        /// More text than `textLimit`.
        case tooLarge
    }

    struct Read: Sendable, Equatable {
        /// UTF-8 CSV text, lines ending in LF.
        var csv: [UInt8]
        var sheetName: String
        /// How many worksheets the workbook has, and the names of the others that hold a value.
        var worksheetCount: Int
        var othersWithValues: [String]
    }

    static func read(_ bytes: [UInt8]) throws(Failure) -> Read {
        let zip: ZIPReader
        do { zip = try ZIPReader(bytes) } catch { throw .archive(error) }
        func part(_ name: String) throws(Failure) -> [UInt8]? {
            do { return try zip.data(name, limit: partLimit) } catch { throw .archive(error) }
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
            if name == "sheet", let id = a["id"], let rel = bookRels.first(where: { $0.id == id }), rel.type.hasSuffix("/worksheet") {
                sheets.append((a["name"] ?? "", (a["state"] ?? "visible") == "visible", rel.target))
            }
        }
        guard let chosen = sheets.firstIndex(where: \.visible) ?? sheets.indices.first else { throw .noWorksheet }
        let strings = try sharedStrings(bookRels.first { $0.type.hasSuffix("/sharedStrings") }?.target, part)
        let shapes = try styles(bookRels.first { $0.type.hasSuffix("/styles") }?.target, part)
        let context = Context(strings: strings, shapes: shapes, date1904: date1904)
        var othersWithValues: [String] = []
        var csv: [UInt8] = []
        for (i, sheet) in sheets.enumerated() {
            guard let xml = try part(sheet.target) else { throw .malformed(part: sheet.target) }
            let rows = try cells(xml, sheet.target, context)
            if i == chosen {
                csv = try text(rows)
            } else if !rows.isEmpty {
                othersWithValues.append(sheet.name)
            }
        }
        return Read(csv: csv, sheetName: sheets[chosen].name, worksheetCount: sheets.count, othersWithValues: othersWithValues)
    }

    /// A sheet's values: each row that holds one, its number and its cells by column (both from 1), in order.
    typealias Rows = [(row: Int, cells: [(column: Int, text: String)])]

    struct Context {
        var strings: [String]
        /// A style's (`s`) way of showing numbers, by its index in `cellXfs`.
        var shapes: [WorkbookCellText.Shape]
        var date1904: Bool
    }

    /// The cells of a worksheet part that hold a value (an empty string is none).
    static func cells(_ xml: [UInt8], _ partName: String, _ context: Context) throws(Failure) -> Rows {
        var scanner = XMLScanner(xml)
        var rows: Rows = []
        var row = 0, column = 0
        var current: [(column: Int, text: String)] = []
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
                    let value = try cellValue(&scanner, type: a["t"] ?? "n", style: Int(a["s"] ?? "0") ?? 0, context)
                    guard let value else { throw Failure.malformed(part: partName) }
                    if !value.isEmpty { current.append((column, value)) }
                case .end("sheetData"):
                    break reading
                default: continue
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .malformed(part: partName)
        }
        endRow()
        // Rows and cells as the sheet places them, whatever order the file lists them in; the same cell twice is no sheet.
        rows.sort { $0.row < $1.row }
        for (i, r) in rows.enumerated() {
            guard i == 0 || rows[i - 1].row < r.row, zip(r.cells, r.cells.dropFirst()).allSatisfy({ $0.column < $1.column }) else {
                throw .malformed(part: partName)
            }
        }
        return rows
    }

    /// The text of the cell just started, read to its end tag: `nil` for a number that is none
    /// or a shared string index past the table.
    private static func cellValue(_ scanner: inout XMLScanner, type: String, style: Int, _ context: Context) throws(XMLScanner.Malformed) -> String? {
        var value: String?, inline: String?
        while let event = try scanner.next() {
            switch event {
            case .start("v", _, false): value = try scanner.text(until: "v")
            case .start("is", _, false): inline = try scanner.text(until: "is", inside: "t", skipping: ["rPh"])
            case .start("f", _, false): _ = try scanner.text(until: "f")
            case .start(let name, _, false): _ = try scanner.text(until: name)
            case .end("c"):
                switch type {
                case "inlineStr": return WorkbookCellText.unescaped(inline ?? "")
                case "s":
                    guard let v = value else { return "" }
                    guard let i = Int(v.trimmingSpaces()), context.strings.indices.contains(i) else { return nil }
                    return context.strings[i]
                case "str", "e", "d": return WorkbookCellText.unescaped(value ?? "")
                case "b": return value.map { $0.trimmingSpaces() == "1" ? "TRUE" : "FALSE" } ?? ""
                default:
                    guard let v = value?.trimmingSpaces(), !v.isEmpty else { return "" }
                    let shape = context.shapes.indices.contains(style) ? context.shapes[style] : .plain
                    return WorkbookCellText.number(v, shape: shape, date1904: context.date1904)
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
        guard size + (rows.last?.row ?? 0) <= textLimit else { throw .tooLarge }
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

    static func sharedStrings(_ name: String?, _ part: (String) throws(Failure) -> [UInt8]?) throws(Failure) -> [String] {
        guard let name, let xml = try part(name) else { return [] }
        var out: [String] = []
        var scanner = XMLScanner(xml)
        do {
            while let event = try scanner.next() {
                if case .start("si", _, let empty) = event {
                    out.append(empty ? "" : WorkbookCellText.unescaped(try scanner.text(until: "si", inside: "t", skipping: ["rPh"])))
                }
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
