import Foundation
import Testing
@testable import KaimenKit

/// What 0.29.7 changed, the leftovers of a papers review: a 评分表's title row in summary.xlsx as
/// tall as its title wraps across its merged columns, the English methods in one family of
/// words, and the blank sheet by representative with numbered columns. A result sealed by 0.29.6
/// is written again as it was (`ScoreReport.v0_29_7`); the blank sheets, never sealed, change
/// for every version.
@Suite("Papers since 0.29.7: a score sheet's title row, the English methods, the numbered ballot columns")
struct PapersReview0297Tests {
    @Test("a text merged across columns of its row wraps at the merged width; a merge over rows at its first column")
    func mergedWidths() {
        // Columns 10, 20, 30 and 8 wide: B1:D1 is 20 + 30 + 8 = 58 wide; A1:A2 spans rows, left out.
        let widths = [10.0, 20, 30, 8]
        let spans = XLSXSheet.mergedWidths(["B1:D1", "A1:A2", "AA3:AB3"], widths: widths)
        #expect(spans == [0: [1: 58], 2: [26: 0]])
        // 60 CJK characters are 120 columns: in column B (18 usable) 7 lines, across B–D (56 usable) 3.
        let title: [XLSXSheet.Cell] = [.text("评分表"), .text(String(repeating: "细", count: 60))]
        #expect(XLSXSheet.rowHeight(title, widths: widths, lineHeight: 16) == 113)
        #expect(XLSXSheet.rowHeight(title, widths: widths, spans: spans[0]!, lineHeight: 16) == 49)
        // 28 of them, 56 columns, fit the merged width on one line: no height of its own.
        #expect(XLSXSheet.rowHeight([.empty, .text(String(repeating: "细", count: 28))], widths: widths, spans: spans[0]!) == nil)
        #expect(XLSXSheet.cellReference("AB12").map { [$0.row, $0.column] } == [11, 27] && XLSXSheet.cellReference("12") == nil && XLSXSheet.cellReference("B0") == nil)
    }

    @Test("a 评分表's title row is one line high, its title fitting B–F; as sealed by 0.29.6, four lines as measured in 编号")
    func titleRowHeight() throws {
        let s = try PapersReview0295Tests.xicheng(), old = try PapersReview0295Tests.xicheng(as: ScoreReport.v0_29_6)
        let book = SummaryWorkbook.workbook(s.report, session: s), before = SummaryWorkbook.workbook(old.report, session: old)
        let x08 = try #require(book.sheets.firstIndex { $0.name == "评分表 X08" })
        // The title and period, `西城区总工会直属基层工会工作目标管理考核细则（2014年）　考核期：2014-01-01 至 2014-12-31`,
        // is 88 columns: at B's 28 (26 usable) four lines, 4 × 16 + 1 = 65; across B–F
        // (28 + 28 + 28 + 8 + 28 = 120, as the workbook's widths are) one.
        let widths = book.sheets[x08].columnWidths()
        #expect(widths == [18, 28, 28, 28, 8, 28, 21, 28])
        #expect(PapersReview0296Tests.rows(try PapersReview0292Tests.sheetXML(book, x08 + 1))[0] == "<row r=\"1\" ht=\"17\" customHeight=\"1\">")
        #expect(PapersReview0296Tests.rows(try PapersReview0292Tests.sheetXML(before, x08 + 1))[0] == "<row r=\"1\" ht=\"65\" customHeight=\"1\">")
        // The rows of the table are measured in their own columns, as before.
        let rows = PapersReview0296Tests.rows(try PapersReview0292Tests.sheetXML(book, x08 + 1))
        #expect(rows.dropFirst() == PapersReview0296Tests.rows(try PapersReview0292Tests.sheetXML(before, x08 + 1)).dropFirst())
    }

    @Test("the English score sheets name the methods `by bands`, `by ratio`, `by count`, …; as sealed by 0.29.6, `per count` and the nouns; the Chinese unchanged")
    func methodWords() throws {
        let s = try PapersReview0295Tests.xicheng(), old = try PapersReview0295Tests.xicheng(as: ScoreReport.v0_29_6)
        let methods = try ScoringMethod.Kind.allCases.map { try Self.any($0, in: s) }
        let words = methods.map { PaperTexts.method($0, .en, as: s.report) }
        #expect(words == ["by bands", "by ratio", "by count", "by checklist", "yes / no", "by ballot", "by survey", "by formula"])
        let was = methods.map { PaperTexts.method($0, .en, as: old.report) }
        #expect(was == ["bands", "linear", "per count", "checklist", "yes / no", "ballots", "survey", "formula"])
        #expect(methods.map { PaperTexts.method($0, .zh, as: old.report) } == ["分档计分", "按比例计分", "按数量计分", "逐项核对", "有无核对", "代表评分", "满意度测评", "公式计算"])
        #expect(methods.map { PaperTexts.method($0, .zh, as: s.report) } == methods.map { PaperTexts.method($0, .zh, as: old.report) })
        let report = ReportHTML.render(s, lang: .en), before = ReportHTML.render(old, lang: .en)
        #expect(report.contains(">by count</td>") && !report.contains(">per count</td>"))
        #expect(before.contains(">per count</td>") && !before.contains(">by count</td>"))
        // The Chinese methods' words are as they were (the report differs only in its panel's CSS,
        // and since 0.29.8 in the recusal's input named by its file name).
        #expect(ReportHTML.render(s).replacingOccurrences(of: PanelHTML.css0297, with: "")
                == ReportHTML.render(old).replacingOccurrences(of: "samples/xicheng-2014/ballots.csv:", with: "ballots.csv:"))
    }

    /// The rules' first standard scored by `kind` (the Xicheng rules use every method).
    static func any(_ kind: ScoringMethod.Kind, in session: ScoringSession) throws -> ScoringMethod {
        try #require(session.rules.standards.first { $0.method.kind == kind }).method
    }

    @Test("the report's panel headings stay with their tables; as sealed by 0.29.6, not")
    func panelHeadings() throws {
        let s = try PapersReview0295Tests.xicheng(), old = try PapersReview0295Tests.xicheng(as: ScoreReport.v0_29_6)
        let rule = ".panel h3 { break-after: avoid; page-break-after: avoid; }"
        #expect(ReportHTML.render(s, lang: .en).contains(rule) && !ReportHTML.render(old, lang: .en).contains(rule))
    }

    @Test("the sheet by representative numbers its columns as the criteria list under it, which names each standard with its id")
    func numberedColumns() throws {
        let set = try SheetsCommandTests.set(schedule: true)
        let zh = BallotSheetsHTML.render(set, layout: .representative), en = BallotSheetsHTML.render(set, layout: .representative, lang: .en)
        // The sample's eight ballot standards, one an area: numbered 1 to 8 in the rules' order.
        let heads = ["1 依法维权（4）", "2 宣传教育（2）", "3 安全生产（2）", "4 民主管理（2）", "5 劳模工作（2）", "6 温暖工程（4）", "7 职工互助保险办理（2）", "8 经费审查（2）"]
        for head in heads { #expect(zh.contains("<th>\(head)</th>"), "\(head)") }
        #expect(en.contains("<th>2 宣传教育 (2)</th>"))
        #expect(zh.contains("<h3>评分标准（序号即上表各列的序号）</h3>") && en.contains("<h3>Criteria (numbered as the columns above)</h3>"))
        #expect(zh.contains("<li><b>宣传教育工作总体评价（职工代表评分）</b> <span class=\"id\">publicity.ballot</span>（0–2 分，每档 0.5 分）："))
        // Still one page for each of the 27 representatives.
        #expect(BallotSheetsHTML.pageCount(set, layout: .representative) == 27)
    }
}
