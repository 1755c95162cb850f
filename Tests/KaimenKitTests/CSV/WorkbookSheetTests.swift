import Foundation
import Testing
@testable import KaimenKit

/// Workbooks read as the CSV text of their first visible worksheet. The fixtures were made by
/// openpyxl and then saved again by LibreOffice (`Fixtures/reference/workbook/make_workbooks.py`);
/// the text expected of them is worked out here by hand from what the script put in each cell.
@Suite("Workbooks (.xlsx) read as their first worksheet's CSV text")
struct WorkbookSheetTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixtures.url("reference/workbook/\(name)")))
    }

    static func text(_ read: WorkbookSheet.Read) -> String { String(decoding: read.csv, as: UTF8.self) }

    /// The cells the script wrote, as kaimen reads them. Row 3 is empty; E4 and B5, E5–H5 were
    /// never written. I2, I4 and J5 are formulas: LibreOffice stores the value it computed (7120,
    /// 0.3 for 0.1+0.2, #DIV/0!); openpyxl stores none, and the script's copy without them
    /// leaves those cells empty.
    static func expected(i2: String, i4: String, j5: String) -> String {
        #"""
        编号,名称,数量,比率,日期,时间,日期时间,备注,公式,真假
        X01,"北京,工会",3560,87.5%,2014-07-08,09:00,2014-07-08 09:30:15,"第一行
        第二行",\#(i2),TRUE

        X02,"say ""hi""",1280,97.6%,,12:00,2014-07-09,0012,\#(i4),FALSE
        X03,,12345678901234600000,-0.5,,,,,0.0000001,\#(j5)

        """#
    }

    @Test("openpyxl's workbook: inline strings, dates, times, percentages; its formulas without values read as their text, each noted")
    func openpyxl() throws {
        // I2 first, then I4 and J5: each `<f>` with an empty `<v/>`, as openpyxl writes them.
        let formulas = try WorkbookSheet.read(try Self.fixture("cells-openpyxl.xlsx"))
        #expect(Self.text(formulas) == Self.expected(i2: "=C2*2", i4: "=0.1+0.2", j5: "=1/0"))
        #expect(formulas.facts.uncomputed == [.init(row: 2, column: 9, formula: "C2*2"), .init(row: 4, column: 9, formula: "0.1+0.2"),
                                              .init(row: 5, column: 10, formula: "1/0")])
        let read = try WorkbookSheet.read(try Self.fixture("cells-openpyxl-values.xlsx"))
        #expect(Self.text(read) == Self.expected(i2: "", i4: "", j5: ""))
        #expect(read.sheetName == "评分" && read.worksheetCount == 3)
        // The hidden sheet holds a value too, and is named with the other.
        #expect(read.othersWithValues == ["说明", "隐藏"])
    }

    @Test("LibreOffice's: shared strings with rich-text runs, its own styles, each formula's value")
    func libreOffice() throws {
        let read = try WorkbookSheet.read(try Self.fixture("cells-libreoffice.xlsx"))
        #expect(Self.text(read) == Self.expected(i2: "7120", i4: "0.3", j5: "#DIV/0!"))
        #expect(read.othersWithValues == ["说明", "隐藏"])
    }

    @Test("a hidden first worksheet is passed over for the first visible one")
    func hiddenFirst() throws {
        let read = try WorkbookSheet.read(try Self.fixture("hidden-first.xlsx"))
        #expect(Self.text(read) == "id,name\nX01,甲\n")
        #expect(read.sheetName == "新表" && read.othersWithValues == ["旧表"])
    }

    // MARK: - Workbooks written here, part by part

    /// A workbook of the given worksheets (name, sheet XML, hidden), with optional shared strings and styles.
    /// `cols`, a `<cols>` element's content, goes before each sheet's `sheetData`.
    static func workbook(_ sheets: [(String, String)], strings: String? = nil, styles: String? = nil, date1904: Bool = false,
                         prefix: String = "", hidden: Set<Int> = [], cols: String = "") -> [UInt8] {
        var zip = ZIPArchive()
        let p = prefix.isEmpty ? "" : prefix + ":"
        let ns = prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)"
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        var list = ""
        for (i, s) in sheets.enumerated() {
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/s\(i + 1).xml\"/>"
            list += "<\(p)sheet name=\"\(s.0)\" sheetId=\"\(i + 1)\"\(hidden.contains(i) ? " state=\"hidden\"" : "") r:id=\"rId\(i + 1)\"/>"
            zip.add("xl/worksheets/s\(i + 1).xml", text: "<?xml version=\"1.0\"?><\(p)worksheet \(ns)=\"main\">\(cols.isEmpty ? "" : "<\(p)cols>\(cols)</\(p)cols>")<\(p)sheetData>\(s.1)</\(p)sheetData></\(p)worksheet>")
        }
        if strings != nil { rels += "<Relationship Id=\"rS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"strings.xml\"/>" }
        if styles != nil { rels += "<Relationship Id=\"rT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" }
        rels += "</Relationships>"
        zip.add("_rels/.rels", text: "<Relationships><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        zip.add("xl/workbook.xml", text: "<\(p)workbook \(ns)=\"main\" xmlns:r=\"rel\"><\(p)workbookPr date1904=\"\(date1904 ? 1 : 0)\"/><\(p)sheets>\(list)</\(p)sheets></\(p)workbook>")
        zip.add("xl/_rels/workbook.xml.rels", text: rels)
        if let strings { zip.add("xl/strings.xml", text: "<sst>\(strings)</sst>") }
        if let styles { zip.add("xl/styles.xml", text: "<styleSheet>\(styles)</styleSheet>") }
        return zip.bytes() ?? []
    }

    static func read(_ sheet: String, strings: String? = nil, styles: String? = nil, date1904: Bool = false, prefix: String = "") throws -> String {
        text(try WorkbookSheet.read(workbook([("S", sheet)], strings: strings, styles: styles, date1904: date1904, prefix: prefix)))
    }

    @Test("inline and shared strings: runs joined, phonetic runs left out, entities and _xHHHH_ undone")
    func strings() throws {
        let strings = "<si><t>甲</t></si><si><r><t>工</t></r><r><t xml:space=\"preserve\">会 </t></r><rPh sb=\"0\" eb=\"1\"><t>こう</t></rPh></si><si><t>a_x000D__x000A_b_x005F_x0041_</t></si>"
        let sheet = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>&lt;b&gt; &amp; &#x4E00;&#20108;</t></is></c><c r="B2" t="str"><v>x&quot;y</v></c><c r="C2" t="inlineStr"><is><t><![CDATA[<raw>]]></t></is></c></row>
            """
        #expect(try Self.read(sheet, strings: strings) == "甲,工会 ,\"a\r\nb_x0041_\"\n<b> & 一二,\"x\"\"y\",<raw>\n")
    }

    @Test("rows and cells without references follow on; a skipped row is an empty line; rows widen to the widest")
    func places() throws {
        let sheet = "<row><c><v>1</v></c><c><v>2</v></c></row><row r=\"4\"><c r=\"C4\"><v>3</v></c><c><v>4</v></c></row><row><c r=\"B5\"><v>5</v></c></row>"
        #expect(try Self.read(sheet) == "1,2,,\n\n\n,,3,4\n,5,,\n")
    }

    @Test("cells listed out of order are placed by their references; the same cell twice is refused")
    func order() throws {
        #expect(try Self.read("<row r=\"2\"><c r=\"B2\"><v>2</v></c><c r=\"A2\"><v>1</v></c></row><row r=\"1\"><c r=\"A1\" t=\"str\"><v>h</v></c></row>") == "h,\n1,2\n")
        #expect(throws: WorkbookSheet.Failure.malformed(part: "xl/worksheets/s1.xml")) {
            try Self.read("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>")
        }
        // A cell whose reference names another row, or a place past XFD1048576.
        for bad in ["<row r=\"1\"><c r=\"A2\"><v>1</v></c></row>", "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>",
                    "<row r=\"1048577\"><c><v>1</v></c></row>", "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>"] {
            #expect(throws: WorkbookSheet.Failure.self) { try Self.read(bad) }
        }
    }

    @Test("a prefixed SpreadsheetML (x:row, x:c) reads as an unprefixed one")
    func prefixed() throws {
        let sheet = "<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>id</x:t></x:is></x:c></x:row><x:row r=\"2\"><x:c r=\"A2\"><x:v>7</x:v></x:c></x:row>"
        #expect(try Self.read(sheet, prefix: "x") == "id\n7\n")
    }

    @Test("styles: a built-in percentage, a custom date, and elapsed hours are told apart; General stays a number")
    func styles() throws {
        let styles = """
            <numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="[Red]0.00"/>\
            <numFmt numFmtId="166" formatCode="General"/></numFmts>\
            <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/><xf numFmtId="166"/></cellXfs>
            """
        let sheet = "<row r=\"1\"><c s=\"1\"><v>0.12345</v></c><c s=\"2\"><v>41828</v></c><c s=\"3\"><v>-2.5</v></c><c s=\"4\"><v>41828.5</v></c><c s=\"5\"><v>41828</v></c><c s=\"9\"><v>1</v></c></row>"
        #expect(try Self.read(sheet, styles: styles) == "12.345%,2014-07-08,-2.5,2014-07-08 12:00,41828,1\n")
        // In the 1904 date system the same serial is four years and a day later.
        #expect(try Self.read("<row><c s=\"2\"><v>41828</v></c></row>", styles: styles, date1904: true) == "2018-07-09\n")
    }

    @Test("numbers to 15 significant digits, rounded half away from zero, without exponent", arguments: [
        ("0.30000000000000004", "0.3"), ("92.35", "92.35"), ("1E-007", "0.0000001"), ("1.23456789012346E+019", "12345678901234600000"),
        ("-0.5", "-0.5"), ("0.99999999999999989", "1"), ("-1.0000000000000002", "-1"), ("3560", "3560"), ("0", "0"), ("-0", "0"),
        ("123456789012345.5", "123456789012346"), ("2.5e3", "2500"), ("007.50", "7.5"), (".5", "0.5"),
    ])
    func numbers(_ raw: String, _ expected: String) {
        #expect(WorkbookCellText.number(raw, shape: .plain, date1904: false) == expected)
    }

    @Test("a number already written as kaimen writes it is passed through as it is")
    func plainPassThrough() {
        var texts = ["0", "-0", "00", "0.5", "-0.5", ".5", "5.", "12.50", "1E3", "-", "", "0.0000001", "123456789012345",
                     "1234567890123456", "-12.25", "0.000", "1-2", "--1", "0.1234567890123456"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let length = Int.random(in: 1...18, using: &rng)
            var t = (0..<length).map { _ in String(Int.random(in: 0...9, using: &rng)) }.joined()
            if Bool.random(using: &rng) { t.insert(".", at: t.index(t.startIndex, offsetBy: Int.random(in: 0..<t.count, using: &rng))) }
            if Bool.random(using: &rng) { t = "-" + t }
            texts.append(t)
        }
        // Passed through only where the full reading writes it the same (the other way, a
        // `0.` and 15 more digits, the full reading is merely taken when it need not be).
        for t in texts where WorkbookCellText.isPlain(t) {
            #expect(WorkbookCellText.Decimal15(t)?.text == t, "\(t)")
        }
        #expect(texts.prefix(19).filter(WorkbookCellText.isPlain) == ["0", "0.5", "-0.5", "0.0000001", "123456789012345", "-12.25"])
    }

    @Test("what is no number is not made one", arguments: ["", "abc", "1.2.3", "1e", "--1", "1e99999", "e5"])
    func notNumbers(_ raw: String) {
        #expect(WorkbookCellText.number(raw, shape: .plain, date1904: false) == nil)
    }

    /// Serials from Python: `(date - datetime(1899, 12, 30)).days` for dates after February 1900.
    @Test("dates in the 1900 system, with Lotus's 29 February 1900", arguments: [
        (1.0, "1900-01-01"), (59.0, "1900-02-28"), (60.0, "1900-02-29"), (61.0, "1900-03-01"), (41828.0, "2014-07-08"),
        (45658.0, "2025-01-01"), (2958465.0, "9999-12-31"),
    ])
    func dates(_ serial: Double, _ expected: String) {
        #expect(WorkbookCellText.dateText(serial, day: true, time: false, date1904: false) == expected)
    }

    @Test("times to the second: 23:59:59.6 rounds into the next day; a serial before 0 or past 9999 stays a number")
    func times() {
        #expect(WorkbookCellText.dateText(0.375, day: false, time: true, date1904: false) == "09:00")
        #expect(WorkbookCellText.dateText(41828 + 34215.0 / 86400, day: true, time: true, date1904: false) == "2014-07-08 09:30:15")
        #expect(WorkbookCellText.dateText(41828 + 86399.6 / 86400, day: true, time: true, date1904: false) == "2014-07-09 00:00")
        #expect(WorkbookCellText.number("-1", shape: .date(day: true, time: false), date1904: false) == "-1")
        #expect(WorkbookCellText.number("2958466", shape: .date(day: true, time: false), date1904: false) == "2958466")
    }

    @Test("format codes", arguments: [
        ("0%", WorkbookCellText.Shape.percent), ("0.00%", .percent), ("#,##0", .plain), ("0.00E+00", .plain), ("@", .plain),
        ("yyyy/m/d;@", .date(day: true, time: false)), ("h:mm AM/PM", .date(day: false, time: true)), ("[h]:mm:ss", .elapsed(unit: "h")),
        ("[h]:mm", .elapsed(unit: "h")), ("[mm]:ss", .elapsed(unit: "m")), ("[SS]", .elapsed(unit: "s")), ("[h]:mm;@", .elapsed(unit: "h")),
        ("yyyy-mm-dd [h]:mm", .date(day: true, time: true)), ("[Red][h]:mm", .elapsed(unit: "h")),
        ("[$-804]yyyy\"年\"m\"月\"", .date(day: true, time: false)), ("[Magenta]0", .plain), ("\"h\"0", .plain), ("mm:ss", .date(day: false, time: true)),
        ("yyyy-mm-dd hh:mm", .date(day: true, time: true)), ("General", .plain), ("\\d0", .plain),
    ])
    func formatCodes(_ code: String, _ expected: WorkbookCellText.Shape) {
        #expect(WorkbookCellText.shape(code: code) == expected)
    }

    /// A hostile review's findings: formats built on General (`General"人"`, as Chinese Excel
    /// saves G/通用格式"人") were taken for dates by General's `e`; ISO date cells came out raw;
    /// `true` in a boolean cell read FALSE.
    @Test("General with text around it is a number; ISO dates read by their style; a boolean written `true` is TRUE")
    func hostileFormats() throws {
        for code in ["General\"人\"", "General\\分", "[Red]General", "General;[Red]-General", "[DBNum1][$-804]General", "G/通用格式"] {
            #expect(WorkbookCellText.shape(code: code) == .plain, "\(code)")
        }
        let styles = """
            <numFmts><numFmt numFmtId="164" formatCode="General&quot;人&quot;"/></numFmts>\
            <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="20"/></cellXfs>
            """
        let sheet = """
            <row r="1"><c s="1"><v>3260</v></c><c t="d"><v>2014-07-08T09:30:00</v></c><c t="d" s="2"><v>2014-07-08T09:30:00</v></c>\
            <c t="d" s="3"><v>2014-07-08T09:30:15.000Z</v></c><c t="d"><v>2014-07-09T00:00:00</v></c><c t="d"><v>明天</v></c>\
            <c t="b"><v>true</v></c><c t="b"><v>0</v></c></row>
            """
        #expect(try Self.read(sheet, styles: styles) == "3260,2014-07-08 09:30,2014-07-08,09:30:15,2014-07-09,明天,TRUE,FALSE\n")
    }

    /// A second hostile review: `1E9999` (20 bytes of XML) was written out as ten thousand
    /// digits; `0.0"%"` shows 97.6 as 97.6%, which read as 97.6 (a rate above 100%); a time
    /// alone in an ISO cell kept its seconds.
    @Test("an exponent past a double's range is no number; a literal % follows the number; an ISO time reads as a serial's")
    func secondReview() throws {
        #expect(WorkbookCellText.number("1E9999", shape: .plain, date1904: false) == nil)
        #expect(WorkbookCellText.number("1.7976931348623157E308", shape: .plain, date1904: false)?.utf8.count == 309)
        #expect(WorkbookCellText.number("4.9E-324", shape: .plain, date1904: false) == "0." + String(repeating: "0", count: 323) + "49")
        #expect(throws: WorkbookSheet.Failure.malformed(part: "xl/worksheets/s1.xml")) { try Self.read("<row><c><v>1E9999</v></c></row>") }
        for code in ["0.0\"%\"", "0.0\\%", "#,##0.00\"%\""] {
            #expect(WorkbookCellText.shape(code: code) == .percentText, "\(code)")
        }
        #expect(WorkbookCellText.number("97.6", shape: .percentText, date1904: false) == "97.6%")
        #expect(WorkbookCellText.shape(code: "\"%\"") == .plain)      // no number in it
        #expect(WorkbookCellText.isoDate("09:00:00", shape: .date(day: false, time: true)) == "09:00")
        #expect(WorkbookCellText.isoDate("09:30:15", shape: .plain) == "09:30:15")
        #expect(WorkbookCellText.isoDate("9:00", shape: .plain) == "9:00")
    }

    // MARK: - What cannot be read

    @Test("a part that is not UTF-8, a cell longer than Excel's 32 767 characters, a part twice, ZIP64's marks: each refused so")
    func hostileParts() throws {
        // A sheet part in GBK: its bytes are no UTF-8, and would have read as U+FFFD.
        var gbk = ZIPArchive()
        gbk.add("xl/workbook.xml", text: "<workbook><sheets><sheet name=\"S\" r:id=\"r1\"/></sheets></workbook>")
        gbk.add("xl/_rels/workbook.xml.rels", text: "<Relationships><Relationship Id=\"r1\" Type=\"x/worksheet\" Target=\"s.xml\"/></Relationships>")
        gbk.add("xl/s.xml", Array("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>".utf8) + [0xB5, 0xDA] + Array("</t></is></c></row></sheetData></worksheet>".utf8))
        #expect(throws: WorkbookSheet.Failure.malformed(part: "xl/s.xml")) { try WorkbookSheet.read(gbk.bytes() ?? []) }
        // One shared string of 40 000 characters, used in B3.
        let long = String(repeating: "长", count: 40_000)
        #expect(throws: WorkbookSheet.Failure.longCell(row: 3, column: 2, length: 40_000)) {
            try Self.read("<row r=\"3\"><c r=\"B3\" t=\"s\"><v>0</v></c></row>", strings: "<si><t>\(long)</t></si>")
        }
        #expect(try Self.read("<row><c t=\"s\"><v>0</v></c></row>", strings: "<si><t>\(long.prefix(32_767))</t></si>").utf8.count == 32_767 * 3 + 1)
        // Two entries whose names differ only in case.
        var twice = ZIPArchive()
        twice.add("xl/workbook.xml", text: "<workbook/>")
        twice.add("XL/Workbook.xml", text: "<workbook/>")
        #expect(throws: WorkbookSheet.Failure.archive(.duplicate(entry: "XL/Workbook.xml"))) { try WorkbookSheet.read(twice.bytes() ?? []) }
        // The end record's count set to 0xFFFF, as ZIP64 marks it.
        var marked = try #require(Self.workbook([("S", "")]).count > 22 ? Self.workbook([("S", "")]) : nil)
        marked[marked.count - 12] = 0xFF
        marked[marked.count - 11] = 0xFF
        #expect(throws: WorkbookSheet.Failure.archive(.zip64)) { try WorkbookSheet.read(marked) }
        #expect(CSVMessages.unreadableWorkbook("u.xlsx", .archive(.zip64)).zh == "`u.xlsx` 是 Excel 工作簿（.xlsx），但读不了：它是 ZIP64 格式（超过 4 GiB 的压缩包才用），或已损坏")
        #expect(CSVMessages.unreadableWorkbook("u.xlsx", .longCell(row: 3, column: 2, length: 40_000)).zh
                == "`u.xlsx` 是 Excel 工作簿（.xlsx），但读不了：第 3 行 B 列的单元格有 40000 个字符，超过 Excel 单元格最多的 32767 个，不是 Excel 或 WPS 保存的内容")
    }

    @Test("a formula reads as its stored value; one stored without a value reads as its text and is noted with its place, wherever it is")
    func uncomputedFormulas() throws {
        // Values as Excel and LibreOffice store them: a number, a text, the empty text of `=""`, TRUE, an error.
        let stored = """
            <row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>\
            <c r="C1" t="str"><f>""</f><v></v></c><c r="D1" t="b"><f>TRUE()</f><v>1</v></c><c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>
            """
        #expect(try Self.read(stored) == "2,ab,,TRUE,#DIV/0!\n")
        // No `<v>`, an empty `<v/>` where a number is due, a shared formula's follower (no text of its own), a text formula without `<v>`.
        for (cell, text, formula) in [("<c r=\"C2\"><f>A2*2</f></c>", "=A2*2", "A2*2"), ("<c r=\"C2\"><f>A2*2</f><v/></c>", "=A2*2", "A2*2"),
                                      ("<c r=\"C2\"><f t=\"shared\" si=\"0\"/><v></v></c>", "=", ""), ("<c r=\"C2\" t=\"str\"><f>A2</f></c>", "=A2", "A2"),
                                      ("<c r=\"C2\" t=\"b\"><f>A2&gt;1</f><v/></c>", "=A2>1", "A2>1")] {
            let read = try WorkbookSheet.read(Self.workbook([("S", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\">\(cell)</row>")]))
            #expect(Self.text(read) == "1,,\n,,\(text)\n", "\(cell)")
            #expect(read.facts.uncomputed == [.init(row: 2, column: 3, formula: formula)], "\(cell)")
        }
        // Every one over the sheet, in order; an empty shared string cell is no formula and stays empty.
        let two = try WorkbookSheet.read(Self.workbook([("S", "<row r=\"3\"><c r=\"A3\" t=\"s\"><v/></c><c r=\"B3\"><f>1</f></c></row><row r=\"9\"><c r=\"A9\"><f>2</f><v/></c></row>")]))
        #expect(Self.text(two) == "\n\n,=1\n\n\n\n\n\n=2,\n")
        #expect(two.facts.uncomputed == [.init(row: 3, column: 2, formula: "1"), .init(row: 9, column: 1, formula: "2")])
        #expect(try Self.read("<row><c t=\"s\"><v/></c><c><v>1</v></c></row>") == ",1\n")
        // In another worksheet it is not read: that sheet is named as holding a value.
        let other = try WorkbookSheet.read(Self.workbook([("S", "<row><c><v>1</v></c></row>"), ("T", "<row><c><f>1</f></c></row>")]))
        #expect(Self.text(other) == "1\n" && other.othersWithValues == ["T"] && other.facts.uncomputed.isEmpty)
    }

    @Test("two sheets of one part are one worksheet, read once; a second sheet is named for its first value")
    func samePartTwice() throws {
        // Both sheets' entries in the workbook point at the first part.
        let book = try ZIPReader(Self.workbook([("A", "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>"), ("B", "<row><c><v>1</v></c></row>")]))
        var parts = ZIPArchive()
        for name in ["_rels/.rels", "xl/workbook.xml", "xl/worksheets/s1.xml", "xl/worksheets/s2.xml"] {
            parts.add(name, try #require(try book.data(name, limit: 1 << 20)))
        }
        parts.add("xl/_rels/workbook.xml.rels", text: """
            <Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/s1.xml"/>\
            <Relationship Id="rId2" Type="x/worksheet" Target="/xl/worksheets/s1.xml"/></Relationships>
            """)
        let read = try WorkbookSheet.read(parts.bytes() ?? [])
        #expect(read.worksheetCount == 1 && read.othersWithValues.isEmpty && Self.text(read) == "x\n")
        // A second sheet whose first value is read and whose second (a shared string past the
        // table) is never reached: named, not refused.
        let two = try WorkbookSheet.read(Self.workbook([("A", "<row><c><v>1</v></c></row>"), ("B", "<row><c><v>1</v></c></row><row><c t=\"s\"><v>9</v></c></row>")]))
        #expect(two.othersWithValues == ["B"])
    }

    @Test("a cut-short or damaged archive, a broken part, no worksheet, a DOCTYPE: each refused with its reason")
    func refusals() throws {
        let good = try Self.fixture("cells-libreoffice.xlsx")
        #expect(throws: WorkbookSheet.Failure.archive(.notAnArchive)) { try WorkbookSheet.read(Array(good.prefix(good.count / 2))) }
        // A byte inside the sheet's deflated data: its CRC-32 no longer matches, or its stream breaks.
        let zip = try ZIPReader(good)
        let sheet = try #require(zip.entries["xl/worksheets/sheet1.xml"])
        var damaged = good
        damaged[sheet.localOffset + 30 + sheet.name.utf8.count + sheet.compressedSize / 2] ^= 0x55
        #expect(throws: WorkbookSheet.Failure.archive(.damaged(entry: "xl/worksheets/sheet1.xml"))) { try WorkbookSheet.read(damaged) }
        #expect(throws: WorkbookSheet.Failure.malformed(part: "xl/worksheets/s1.xml")) { try Self.read("<row><c><v>1</v></row>") }
        #expect(throws: WorkbookSheet.Failure.noWorksheet) { try WorkbookSheet.read(Self.workbook([])) }
        // LibreOffice's own format, and a ZIP archive of something else, are no workbooks.
        #expect(throws: WorkbookSheet.Failure.notAWorkbook(openDocument: true)) { try WorkbookSheet.read(try Self.fixture("sheet.ods")) }
        var other = ZIPArchive()
        other.add("units.csv", text: "id\nX01\n")
        #expect(throws: WorkbookSheet.Failure.notAWorkbook(openDocument: false)) { try WorkbookSheet.read(other.bytes() ?? []) }
        let ods = CSVReader.read(bytes: try Self.fixture("sheet.ods"), fileName: "units.ods").diagnostics
        #expect(ods.map { $0.rendered(.zh) } == ["units.ods: 错误：`units.ods` 是 OpenDocument 表格（.ods），不是 Excel 工作簿（.xlsx）；在 LibreOffice、WPS 或 Excel 中选“另存为”→“Excel 工作簿（*.xlsx）”，或“CSV UTF-8（逗号分隔）”"])
        #expect(throws: WorkbookSheet.Failure.malformed(part: "xl/worksheets/s1.xml")) {
            try Self.read("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><row><c t=\"inlineStr\"><is><t>&a;</t></is></c></row>")
        }
        #expect(throws: WorkbookSheet.Failure.malformed(part: "xl/worksheets/s1.xml")) {
            try Self.read("<row><c t=\"s\"><v>3</v></c></row>")   // a shared string past the table
        }
        // An entry with the encryption flag.
        var locked = ZIPArchive()
        locked.add("xl/workbook.xml", text: "<workbook/>")
        var bytes = try #require(locked.bytes())
        bytes[6] = 1                                         // the local header's flags
        let central = 30 + "xl/workbook.xml".utf8.count + "<workbook/>".utf8.count
        #expect(Array(bytes[central..<(central + 4)]) == [0x50, 0x4B, 0x01, 0x02])
        bytes[central + 8] = 1                               // and the directory's
        #expect(throws: WorkbookSheet.Failure.archive(.unsupported(entry: "xl/workbook.xml"))) { try WorkbookSheet.read(bytes) }
    }

    @Test("a sheet whose text would pass the limit is refused before it is made")
    func textLimit() throws {
        // One cell at XFD on each of 40 000 rows: 16 383 commas a row, 655 MB of text.
        var rows = ""
        for r in 1...40_000 { rows += "<row r=\"\(r)\"><c r=\"XFD\(r)\"><v>1</v></c></row>" }
        #expect(throws: WorkbookSheet.Failure.tooMuchText) { try Self.read(rows) }
    }

    @Test("kaimen's own entry workbook reads as the entry template's CSV but for its two extra columns")
    func ownWorkbook() throws {
        var sheet = XLSXSheet(name: "录入模板")
        sheet.rows = [["表号", "代表编号", "单位编号", "A,B"].map { .header($0) }, [.text("0001-1"), .text("R01"), .text("X01"), .text("=1+1")]]
        var book = XLSXWorkbook()
        book.add(sheet)
        let read = try WorkbookSheet.read(try #require(book.bytes()))
        // kaimen writes a text that starts with `=` with a leading apostrophe's worth of protection
        // as text, never as a formula: it reads back as the text it was.
        #expect(Self.text(read) == "表号,代表编号,单位编号,\"A,B\"\n0001-1,R01,X01,=1+1\n")
    }
}
