import Foundation

/// An Excel workbook (`.xlsx`) written by kaimen: a store-only ZIP of the SpreadsheetML parts,
/// with a shared-strings table and styles. Opens in Excel, WPS, LibreOffice and Numbers.
public struct XLSXWorkbook: Sendable {
    public private(set) var sheets: [XLSXSheet] = []

    /// Every sheet printed with its page's number and the count at its foot, in `lang`, and
    /// its wrapped rows `lineHeight` points a line; `everyRow`: its rows of one line a line and a
    /// point high too (`XLSXSheet.heightsEveryRow`), not Excel's default 15 points, which
    /// LibreOffice's CJK lines overrun where 等线 is not installed.
    public mutating func setUpPages(_ lang: Language, lineHeight: Double, everyRow: Bool = false) {
        for i in sheets.indices {
            (sheets[i].pageFooter, sheets[i].lineHeight) = (lang, lineHeight)
            if everyRow { sheets[i].heightsEveryRow = true }
        }
    }
    /// Sheet names made valid as kaimen before 0.17.0 made them (forbidden characters dropped,
    /// 31 characters), to write a sealed workbook of then again.
    public var namesBefore017 = false

    public init() {}

    /// Adds a sheet; its name is made valid (each of `[]:*?/\` becomes `_`, at most 31 UTF-16
    /// code units, as Excel counts, never cutting a character, not empty) and unique
    /// (`名称 (2)`). Returns the name used.
    @discardableResult
    public mutating func add(_ sheet: XLSXSheet) -> String {
        var s = sheet
        s.name = uniqueName(Self.validName(sheet.name, before017: namesBefore017))
        sheets.append(s)
        return s.name
    }

    static func validName(_ name: String, before017: Bool = false) -> String {
        let forbidden = "[]:*?/\\".unicodeScalars
        var cleaned: String
        if before017 {
            cleaned = String(name.unicodeScalars.filter { !forbidden.contains($0) && !HTMLText.isDropped($0.value) }.map(Character.init))
        } else {
            // Replaced, not dropped, so `X05:a` cannot become another unit's `X05a`.
            cleaned = String(String.UnicodeScalarView(name.unicodeScalars.filter { !HTMLText.isDropped($0.value) }
                .map { forbidden.contains($0) ? "_" : $0 }))
        }
        cleaned = cleaned.trimmingCharacters(in: .init(charactersIn: "' "))
        if cleaned.isEmpty { cleaned = "Sheet" }
        return before017 ? String(cleaned.prefix(31)) : prefix(cleaned, units: 31)
    }

    /// The longest run of whole characters from the start of `s` that takes at most `units`
    /// UTF-16 code units (Excel's measure of a sheet name: 😀 counts 2).
    static func prefix(_ s: String, units: Int) -> String {
        var n = 0, end = s.startIndex
        for c in s.indices {
            n += s[c].utf16.count
            if n > units { break }
            end = s.index(after: c)
        }
        return String(s[..<end])
    }

    private func uniqueName(_ name: String) -> String {
        let taken = Set(sheets.map { $0.name.lowercased() })
        if !taken.contains(name.lowercased()) { return name }
        var k = 2
        while true {
            let suffix = " (\(k))"
            let candidate = namesBefore017 ? String(name.prefix(31 - suffix.count)) + suffix : Self.prefix(name, units: 31 - suffix.utf16.count) + suffix
            if !taken.contains(candidate.lowercased()) { return candidate }
            k += 1
        }
    }

    /// The `.xlsx` file's bytes; `nil` past ZIP's limits.
    public func bytes() -> [UInt8]? {
        var strings = XLSXSharedStrings()
        var places: [Int] = []
        for sheet in sheets { for row in sheet.rows { for case .number(_, let p) in row { places.append(p) } } }
        let styles = XLSXStyles(places: places.isEmpty ? [2] : places, wraps: sheets.contains { $0.wrapsText },
                                borders: sheets.contains { $0.borderedFrom != nil })
        let sheetXML = sheets.enumerated().map { i, sheet in sheet.xml(strings: &strings, styles: styles, selected: i == 0) }
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        var zip = ZIPArchive()
        var types = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        types += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        types += #"<Default Extension="xml" ContentType="application/xml"/>"#
        types += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        for i in sheets.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        types += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        types += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        types += "</Types>"
        zip.add("[Content_Types].xml", text: types)
        zip.add("_rels/.rels", text: header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
            + "</Relationships>")
        var workbook = header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        workbook += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(XLSXSharedStrings.escape(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        workbook += "</sheets>"
        let named = sheets.enumerated().filter { $0.element.printTitleRows > 0 || $0.element.printColumns > 0 }
        if !named.isEmpty {
            // Excel lists defined names sorted by name, then by sheet.
            workbook += "<definedNames>"
            func quoted(_ sheet: XLSXSheet) -> String { "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'" }
            for (i, sheet) in named where sheet.printColumns > 0 {
                workbook += "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"\(i)\">"
                    + XLSXSharedStrings.escape("\(quoted(sheet))!$A$1:$\(XLSXSheet.columnName(sheet.printColumns - 1))$\(max(1, sheet.rows.count))")
                    + "</definedName>"
            }
            for (i, sheet) in named where sheet.printTitleRows > 0 {
                workbook += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">"
                    + XLSXSharedStrings.escape("\(quoted(sheet))!$1:$\(sheet.printTitleRows)") + "</definedName>"
            }
            workbook += "</definedNames>"
        }
        workbook += "</workbook>"
        zip.add("xl/workbook.xml", text: workbook)
        var rels = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for i in sheets.indices {
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        let n = sheets.count
        rels += "<Relationship Id=\"rId\(n + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        rels += "<Relationship Id=\"rId\(n + 2)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        rels += "</Relationships>"
        zip.add("xl/_rels/workbook.xml.rels", text: rels)
        for (i, xml) in sheetXML.enumerated() { zip.add("xl/worksheets/sheet\(i + 1).xml", xml) }
        zip.add("xl/styles.xml", text: styles.xml())
        zip.add("xl/sharedStrings.xml", text: strings.xml())
        return zip.bytes()
    }
}
