/// The workbook's styles part: a default font that has CJK glyphs on Windows and in WPS
/// (等线 falls back well; Excel substitutes on other systems), bold grey headers, text cells
/// stored as text (`@`), and one fixed-decimal number format per precision used.
struct XLSXStyles {
    /// Decimal places used by number cells, in order of first use: each gets a `numFmt` and an `xf`.
    let places: [Int]
    /// Whether a sheet wraps its text cells (`XLSXSheet.wrapsText`): the wrapping text format is
    /// then the last `xf`, and only then, so a workbook without it keeps its bytes.
    let wraps: Bool

    /// Whether a sheet draws its table's grid (`XLSXSheet.borderedFrom`): each format then has a
    /// copy with thin borders after all the others, and only then, so a workbook without one
    /// keeps its bytes.
    let borders: Bool

    init(places: [Int], wraps: Bool = false, borders: Bool = false) {
        self.places = Array(Set(places)).sorted()
        self.wraps = wraps
        self.borders = borders
    }

    // Cell format indices (`s="…"`).
    var text: Int { 1 }
    var header: Int { 2 }
    var integer: Int { 3 }
    func number(places p: Int) -> Int { 4 + (places.firstIndex(of: p) ?? 0) }
    /// Text that wraps at the column's width (a long note takes lines, not width), at the foot of
    /// its cell as numbers are, so a row reads along one line.
    var wrappedText: Int { 4 + places.count }

    /// Format `xf` (one of the above) with thin borders round the cell (only with `borders`).
    func bordered(_ xf: Int) -> Int {
        assert(xf > 0 && borders, "the default format has no bordered copy; nor has a workbook without borders")
        return plainCount + xf - 1
    }

    static func formatCode(_ places: Int) -> String { places <= 0 ? "0" : "0." + String(repeating: "0", count: places) }

    /// One cell format (`<xf>`): its number format, font, fill and alignment.
    private struct Format {
        var numFmt: Int
        var font = 0, fill = 0
        var vertical: String?
        var wraps = false

        /// The `<xf>` element; `bordered`: with thin borders, the cell's text from the top
        /// unless the format says otherwise (a row beside a wrapped text reads from its first line).
        func xml(bordered: Bool) -> String {
            var s = "<xf numFmtId=\"\(numFmt)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(bordered ? 1 : 0)\" xfId=\"0\""
            if bordered { s += " applyBorder=\"1\"" }
            if numFmt != 0 { s += " applyNumberFormat=\"1\"" }
            if font != 0 { s += " applyFont=\"1\"" }
            if fill != 0 { s += " applyFill=\"1\"" }
            let alignment = [(vertical ?? (bordered ? "top" : nil)).map { "vertical=\"\($0)\"" }, wraps ? "wrapText=\"1\"" : nil].compactMap { $0 }
            return s + (alignment.isEmpty ? "/>" : " applyAlignment=\"1\"><alignment \(alignment.joined(separator: " "))/></xf>")
        }
    }

    /// How many formats there are before their bordered copies.
    private var plainCount: Int { 4 + places.count + (wraps ? 1 : 0) }

    /// The cell formats (`cellXfs`) before their bordered copies, by index (`plainCount`).
    private var formats: [Format] {
        var list = [Format(numFmt: 0), Format(numFmt: 49), Format(numFmt: 49, font: 1, fill: 2, vertical: "center", wraps: true), Format(numFmt: 1)]
        list += places.indices.map { Format(numFmt: 164 + $0) }
        if wraps { list.append(Format(numFmt: 49, wraps: true)) }
        return list
    }

    func xml() -> String {
        var s = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        s += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        s += "<numFmts count=\"\(places.count)\">"
        for (i, p) in places.enumerated() { s += "<numFmt numFmtId=\"\(164 + i)\" formatCode=\"\(Self.formatCode(p))\"/>" }
        s += "</numFmts>"
        s += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/><scheme val=\"minor\"/></font>"
        s += "<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/><scheme val=\"minor\"/></font></fonts>"
        s += "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        s += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE6E6E6\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        if borders {
            let thin = "<left style=\"thin\"><color indexed=\"64\"/></left><right style=\"thin\"><color indexed=\"64\"/></right>"
                + "<top style=\"thin\"><color indexed=\"64\"/></top><bottom style=\"thin\"><color indexed=\"64\"/></bottom><diagonal/>"
            s += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>\(thin)</border></borders>"
        } else {
            s += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        }
        s += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        let formats = self.formats
        assert(formats.count == plainCount)
        // Each format but the default again, with the border: `bordered(_:)`.
        let copies = borders ? formats.dropFirst().map { $0.xml(bordered: true) } : []
        s += "<cellXfs count=\"\(formats.count + copies.count)\">"
        s += formats.map { $0.xml(bordered: false) }.joined() + copies.joined()
        s += "</cellXfs>"
        s += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        s += "</styleSheet>"
        return s
    }
}
