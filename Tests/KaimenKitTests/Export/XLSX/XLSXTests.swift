import Foundation
import Testing
@testable import KaimenKit

@Suite("summary.xlsx: typed cells, shared strings with counts, valid sheet names")
struct XLSXTests {
    /// The parts of a store-only ZIP, by name (stored data is the file itself).
    static func parts(_ b: [UInt8]) -> [String: String] {
        var out: [String: String] = [:]
        var i = 0
        while i + 30 <= b.count, ZIPTests.le32(b, i) == 0x0403_4B50 {
            let size = Int(ZIPTests.le32(b, i + 18)), n = ZIPTests.le16(b, i + 26), extra = ZIPTests.le16(b, i + 28)
            let name = String(decoding: b[(i + 30)..<(i + 30 + n)], as: UTF8.self)
            let start = i + 30 + n + extra
            out[name] = String(decoding: b[start..<(start + size)], as: UTF8.self)
            i = start + size
        }
        return out
    }

    @Test("ids stay text, numbers are numbers with their decimals, strings are shared and counted")
    func cells() throws {
        var book = XLSXWorkbook()
        book.add(XLSXSheet(name: "汇总", rows: [[.header("单位编号"), .header("总分")], [.text("0050"), .number("87.50", places: 2)],
                                                [.text("0050"), .integer(3)], [.text("<&>\u{7}"), .empty]]))
        let p = Self.parts(try #require(book.bytes()))
        let sheet = try #require(p["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains(#"<c r="A2" t="s" s="1"><v>2</v></c><c r="B2" s="4"><v>87.50</v></c>"#))
        #expect(sheet.contains(#"<c r="B3" s="3"><v>3</v></c>"#))
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        // 单位编号, 总分, 0050 (twice), <&>: 5 uses of 4 strings; the bell is dropped.
        let sst = try #require(p["xl/sharedStrings.xml"])
        #expect(sst.contains(#"count="5" uniqueCount="4""#))
        #expect(sst.contains("<si><t>&lt;&amp;&gt;</t></si>"))
        #expect(p["xl/styles.xml"]?.contains(#"<numFmt numFmtId="164" formatCode="0.00"/>"#) == true)
        #expect(p["[Content_Types].xml"]?.contains("/xl/worksheets/sheet1.xml") == true)
        // 单位编号 is 4 CJK characters: 8 columns, plus 2.
        #expect(book.sheets[0].columnWidths() == [10, 7])
    }

    @Test("sheet names replace the characters Excel forbids, stay within 31 UTF-16 units and are unique")
    func names() {
        var book = XLSXWorkbook()
        #expect(book.add(XLSXSheet(name: "评分表 a/b:c?[d]*")) == "评分表 a_b_c__d__")
        // Replaced, not dropped: another unit's plain id keeps its own name.
        #expect(book.add(XLSXSheet(name: "评分表 abcd")) == "评分表 abcd")
        #expect(book.add(XLSXSheet(name: "评分表 abcd")) == "评分表 abcd (2)")
        #expect(book.add(XLSXSheet(name: String(repeating: "长", count: 40))).count == 31)
        // Excel counts UTF-16 units: 😀 is 2. 4 + 13 × 2 = 30 fit; a 14th would make 32.
        let emoji = book.add(XLSXSheet(name: "评分表 " + String(repeating: "😀", count: 25)))
        #expect(emoji == "评分表 " + String(repeating: "😀", count: 13) && emoji.utf16.count == 30)
        let again = book.add(XLSXSheet(name: "评分表 " + String(repeating: "😀", count: 25)))
        #expect(again == "评分表 " + String(repeating: "😀", count: 11) + " (2)" && again.utf16.count <= 31)
        #expect(book.add(XLSXSheet(name: "''")) == "Sheet")
        #expect(XLSXSheet.columnName(0) == "A" && XLSXSheet.columnName(25) == "Z" && XLSXSheet.columnName(26) == "AA" && XLSXSheet.columnName(701) == "ZZ")
    }

    @Test("the Xicheng workbook: 汇总, a 评分表 per unit in rank order, 提示; 代表评分 only when published")
    func sample() throws {
        let s = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: Fixtures.packageRoot.path))
        let names = SummaryWorkbook.workbook(s.report, session: s).sheets.map(\.name)
        #expect(names == ["汇总"] + ["X08", "X05", "X02", "X03", "X04", "X09", "X06", "X07", "X01"].map { "评分表 \($0)" } + ["提示"])
        let published = SummaryWorkbook.workbook(s.report, session: s, namesRepresentatives: true)
        #expect(published.sheets.map(\.name).contains("代表评分"))
        let ballots = try #require(published.sheets.first { $0.name == "代表评分" })
        // 459 ballot lines in the sample; R24's 8 for their own unit X08 are set aside: 451 counted + 8 recused.
        #expect(ballots.rows.count == 1 + 459)
        #expect(ballots.rows.filter { $0.last == .text("回避，未计入") }.count == 8)
        let summary = SummaryWorkbook.workbook(s.report, session: s).sheets[0]
        #expect(summary.frozenRows == 2)
        #expect(summary.rows[2][0] == .integer(1) && summary.rows[2][2] == .text("X08") && summary.rows[2][5] == .number("96.20", places: 2))
        // A score sheet's total, above its table, is a number as in 汇总, not the text '96.20'.
        let x08 = try #require(SummaryWorkbook.workbook(s.report, session: s).sheets.first { $0.name == "评分表 X08" })
        #expect(x08.rows[2][0] == .text("总分") && x08.rows[2][1] == .number("96.20", places: 2))
        var old = s
        old.report.writtenAs = [0, 16, 0]
        let x08Then = try #require(SummaryWorkbook.workbook(old.report, session: old).sheets.first { $0.name == "评分表 X08" })
        #expect(x08Then.rows[2][1] == .text("96.20"), "as 0.16.0 wrote it, for its seals")
    }

    /// Every text cell of a workbook.
    static func texts(_ book: XLSXWorkbook) -> [String] {
        book.sheets.flatMap { $0.rows.flatMap { $0 } }.compactMap { cell -> String? in
            switch cell {
            case .text(let t), .header(let t): t
            default: nil
            }
        }
    }

    @Test("by default no cell names a representative: recusals are counted, trimmed ballots given without who cast them")
    func anonymous() throws {
        let s = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: Fixtures.packageRoot.path))
        let texts = Self.texts(SummaryWorkbook.workbook(s.report, session: s))
        for rep in s.representatives {
            #expect(!texts.contains { $0.contains(rep.id) || $0.contains(rep.name) }, "\(rep.id) \(rep.name) named")
        }
        // R24 scored their own unit X08 on all 8 ballot standards: counted, not named.
        #expect(texts.contains { $0.contains("回避：1 名本单位代表的 8 票不计") })
        // X08's rights.ballot: 6 ballots (R24's set aside), trimmed: the scores stay, without ids.
        #expect(texts.contains { $0.contains("票，去掉最高 ") && !$0.contains("（R") })
        // The scores counted, in order of score: in roster order they would tell who gave which.
        let lists = texts.filter { $0.contains(" 张有效票：") }
        #expect(!lists.isEmpty)
        for list in lists {
            let scores = list.split(separator: "：")[1].split(separator: ", ").compactMap { Double($0) }
            #expect(scores == scores.sorted(), "\(list)")
        }
        #expect(!texts.contains { $0.contains("回避，不计入（") }, "a recusal row gives no ballots-file line")
        // Published, the same workbook names them, as the CSV files always do.
        let named = Self.texts(SummaryWorkbook.workbook(s.report, session: s, namesRepresentatives: true))
        #expect(named.contains { $0.contains("回避：R24 韩春燕（本单位代表）8 票不计") })
        #expect(named.contains { $0.contains("去掉最高 ") && $0.contains("（R") })
        // A seal 0.16.0 made is rebuilt as it wrote the workbook: named.
        var old = s
        old.report.writtenAs = [0, 16, 0]
        #expect(Self.texts(SummaryWorkbook.workbook(old.report, session: old)).contains { $0.contains("回避：R24 韩春燕") })
    }

    @Test("set up to print: 汇总's ranked part one page wide with its headers repeated; score sheets wrap, rows tall enough")
    func printSetup() throws {
        let s = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: Fixtures.packageRoot.path))
        let parts = Self.parts(try #require(SummaryWorkbook.workbook(s.report, session: s).bytes()))
        let workbook = try #require(parts["xl/workbook.xml"])
        // 20 columns up to 说明: rank, category rank, id, name, category, total, grade, 10 areas, bonus,
        // deducted, notes = T; 2 header rows + 9 units = 11 rows.
        #expect(workbook.contains(#"<definedName name="_xlnm.Print_Area" localSheetId="0">'汇总'!$A$1:$T$11</definedName>"#))
        #expect(workbook.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'汇总'!$1:$2</definedName>"#))
        #expect(workbook.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="1">'评分表 X08'!$1:$4</definedName>"#))
        let styles = try #require(parts["xl/styles.xml"])
        #expect(styles.contains(#"<alignment wrapText="1"/>"#))
        let x08 = try #require(parts["xl/worksheets/sheet2.xml"])
        #expect(x08.contains(#"<pageSetUpPr fitToPage="1"/>"#) && x08.contains(#"customHeight="1""#))
        // A text of 60 display columns in a column 28 wide (26 usable) takes 3 lines.
        #expect(XLSXSheet.wrapped(String(repeating: "字", count: 30), width: 28) == 3)
        #expect(XLSXSheet.wrapped("a\nb", width: 28) == 2)
        let threeLines: Double = 14.5 * 3 + 1
        #expect(XLSXSheet.rowHeight([.text(String(repeating: "字", count: 30))], widths: [28]) == threeLines)
        #expect(XLSXSheet.rowHeight([.text("短")], widths: [28]) == nil)
        // Rebuilding a 0.16.0 seal: no wrapping format, no defined names, as it wrote them.
        var old = s
        old.report.writtenAs = [0, 16, 0]
        let then = Self.parts(try #require(SummaryWorkbook.workbook(old.report, session: old).bytes()))
        #expect(then["xl/workbook.xml"]?.contains("definedName") == false && then["xl/styles.xml"]?.contains("wrapText=\"1\"/></xf></cellXfs>") == false)
    }

    /// Found by a committee's trial: printed from LibreOffice, 汇总 came out at about half size
    /// and without a grid. The sample's printed columns are A (排名) to T (说明); U to BH hold
    /// the standards (their ids over their names), BI the hints.
    @Test("汇总 prints with its grid, its headings wrapped to 6 characters and merged over both header rows, its columns at most 28 wide")
    func summaryPrints() throws {
        let s = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: Fixtures.packageRoot.path))
        let book = try #require(SummaryWorkbook.workbook(s.report, session: s).bytes())
        let sheet = try #require(Self.parts(book)["xl/worksheets/sheet1.xml"])
        // Every column whose second header row is empty: the 20 printed ones and the hints (BI).
        let merges = (0..<20).map { XLSXSheet.columnName($0) } + ["BI"]
        #expect(sheet.contains("<mergeCells count=\"21\">" + merges.map { "<mergeCell ref=\"\($0)1:\($0)2\"/>" }.joined() + "</mergeCells><pageMargins"))
        // 类别排名 (8 wide) wraps in a column 6 + 2 wide; 单位 (names up to 34 wide) is 28; a
        // standard's id over its column is not held to 6 (rights.contracts: 16 + 2).
        #expect(sheet.contains(#"<col min="2" max="2" width="8" customWidth="1"/>"#))
        #expect(sheet.contains(#"<col min="4" max="4" width="28" customWidth="1"/>"#))
        #expect(sheet.contains(#"<col min="21" max="21" width="18" customWidth="1"/>"#))
        // Every row has its height: the headings' row three lines (职工互助保险办理 in 6); the
        // standards' names under their ids two (依法维权工作评价（职工代表评分）, 32 wide, in 28:
        // a review found it cut to one line); none taller for a hint off the page.
        let heights = sheet.components(separatedBy: "<row ").dropFirst().map { row -> String in
            String(row.components(separatedBy: #"ht=""#)[1].prefix { $0 != "\"" })
        }
        #expect(heights.count == 11 && heights[0] == "49" && heights[1] == "33", "\(heights)")
        // A row of one line (X05, the sample's second: no note) is a line and a point, 16 + 1.
        #expect(heights[3] == "17", "\(heights)")
        // As 0.24.0 wrote it: none of this.
        var old = s
        old.report.writtenAs = [0, 24, 0]
        let oldBook = try #require(SummaryWorkbook.workbook(old.report, session: old).bytes())
        let then = try #require(Self.parts(oldBook)["xl/worksheets/sheet1.xml"])
        #expect(!then.contains("mergeCells") && then.contains(#"<col min="4" max="4" width="36" customWidth="1"/>"#))
    }

    @Test("a score sheet's table has its grid, empty cells too, and every sheet a page number; its title rows and a 0.17.0 workbook have no grid")
    func scoreSheetBorders() throws {
        let s = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: Fixtures.packageRoot.path))
        let parts = Self.parts(try #require(SummaryWorkbook.workbook(s.report, session: s).bytes()))
        let styles = try #require(parts["xl/styles.xml"])
        #expect(styles.contains(#"<borders count="2">"#) && styles.contains(#"<left style="thin"><color indexed="64"/></left>"#))
        // The formats' count: the default, text, header, integer, one per number of places, the
        // wrapping text; then each but the default again with the border.
        let xfs = styles.components(separatedBy: "<cellXfs")[1].components(separatedBy: "</cellXfs>")[0]
        let formats = xfs.components(separatedBy: "<xf ").count - 1
        #expect(formats % 2 == 1)
        let bordered = xfs.components(separatedBy: #"borderId="1""#).count - 1
        #expect(bordered == formats / 2)
        // Which style numbers carry a border.
        let list = xfs.components(separatedBy: "<xf ").dropFirst()
        let withBorder = Set(list.enumerated().filter { $0.element.contains(#"borderId="1""#) }.map { String($0.offset) })
        func styleNumbers(_ row: String) -> [String] {
            row.components(separatedBy: #" s=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        func rows(_ sheet: String) -> [String] { sheet.components(separatedBy: "<row ").dropFirst().map { String($0) } }
        let x08 = rows(try #require(parts["xl/worksheets/sheet2.xml"]))
        // Rows 1-3 (the sheet's title, unit and total) have no border; from the header (row 4) on, every cell has.
        for r in 0 ..< 3 { #expect(styleNumbers(x08[r]).allSatisfy { !withBorder.contains($0) }, "row \(r + 1)") }
        let header = styleNumbers(x08[3])
        #expect(!header.isEmpty && header.allSatisfy { withBorder.contains($0) })
        for r in 4 ..< x08.count {
            #expect(styleNumbers(x08[r]).count == header.count && styleNumbers(x08[r]).allSatisfy { withBorder.contains($0) }, "row \(r + 1)")
        }
        // Wrapped rows are 16 points a line since 0.18.0 (LibreOffice's CJK lines overran 14.5);
        // the table's cells start at the top.
        let heights = x08.compactMap { row -> Double? in
            guard let r = row.range(of: #"ht=""#) else { return nil }
            return Double(row[r.upperBound...].prefix { $0 != "\"" })
        }
        #expect(!heights.isEmpty && heights.allSatisfy { ($0 - 1).truncatingRemainder(dividingBy: 16) == 0 }, "\(heights)")
        #expect(styles.contains(#"applyBorder="1" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#))
        // A subtotal row leaves cells empty: they are written, with only their border.
        #expect(x08.contains { $0.range(of: #"<c r="[A-Z]+[0-9]+" s="[0-9]+"/>"#, options: .regularExpression) != nil })
        // 汇总 has its grid since 0.25.0, every cell of every row; as 0.24.0 wrote it, none.
        let summary = rows(try #require(parts["xl/worksheets/sheet1.xml"]))
        #expect(summary.allSatisfy { styleNumbers($0).allSatisfy { withBorder.contains($0) } })
        var v024 = s
        v024.report.writtenAs = [0, 24, 0]
        let book024 = try #require(SummaryWorkbook.workbook(v024.report, session: v024).bytes())
        let summary024 = rows(try #require(Self.parts(book024)["xl/worksheets/sheet1.xml"]))
        #expect(summary024.allSatisfy { styleNumbers($0).allSatisfy { !withBorder.contains($0) } })
        // Rebuilding a 0.17.0 seal: no border anywhere, as it wrote them.
        var old = s
        old.report.writtenAs = [0, 17, 0]
        let then = Self.parts(try #require(SummaryWorkbook.workbook(old.report, session: old).bytes()))
        #expect(then["xl/styles.xml"]?.contains(#"<borders count="1">"#) == true && then["xl/styles.xml"]?.contains("borderId=\"1\"") == false)
        #expect(then["xl/worksheets/sheet2.xml"]?.contains(#"ht="44.5""#) == true)
        // Every sheet printed with its page number at its foot, since 0.18.0 (LibreOffice prints
        // `第 2 页，共 38 页` for the sample's first score sheet).
        // (汇总 has its page header before it since 0.29.2: PapersReview0292Tests.)
        let footer = "<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter></worksheet>"
        for (name, part) in parts where name.hasPrefix("xl/worksheets/") { #expect(part.hasSuffix(footer), "\(name)") }
        for (name, part) in then where name.hasPrefix("xl/worksheets/") { #expect(!part.contains("headerFooter"), "\(name)") }
        let english = Self.parts(try #require(SummaryWorkbook.workbook(s.report, session: s, lang: .en).bytes()))
        #expect(english["xl/worksheets/sheet1.xml"]?.hasSuffix("<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter></headerFooter></worksheet>") == true)
    }
}
