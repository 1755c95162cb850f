import Foundation
import Testing
@testable import KaimenKit

/// What 0.29.3 changed in the workbook's score sheets: a tester's print (LibreOffice) had the
/// rules' title wrapped in the narrow 编号 column and `96.20优秀` run together across two cells.
/// A report sealed before is written again as it was (`ScoreReport.v0_29_3`).
@Suite("Workbooks since 0.29.3: a score sheet's top rows, one text a merged cell")
struct PapersReview0293Tests {
    @Test("X08's 评分表: the title over B–F, the unit's name over C–F, 等级：优秀 beside the total; as sealed before, unmerged")
    func topRows() throws {
        let s = try ScoringSession.run(PapersReview0292Tests.xicheng)
        let book = SummaryWorkbook.workbook(s.report, session: s)
        let sheet = try #require(book.sheets.first { $0.name == "评分表 X08" })
        #expect(sheet.merges == ["B1:F1", "G1:H1", "C2:F2", "G2:H2", "C3:F3", "G3:H3"])
        func text(_ r: Int, _ c: Int) -> String? { if case .text(let t) = sheet.rows[r][c] { t } else { nil } }
        // Since 0.29.5 with the period after the title (PapersReview0295Tests).
        #expect(text(0, 1) == "西城区总工会直属基层工会工作目标管理考核细则（2014年）　考核期：2014-01-01 至 2014-12-31" && text(0, 6) == "xicheng-2014 2014.1")
        #expect(text(1, 1) == "X08" && text(1, 2) == "什刹海街道总工会" && text(1, 6) == "街道")
        #expect(text(2, 2) == "等级：优秀" && text(2, 6) == "第 1 名")
        // Between the merged texts, nothing: each row as wide as the table.
        #expect(sheet.rows[0...2].allSatisfy { $0.count == 8 })
        #expect(text(0, 2) == nil && text(2, 5) == nil)
        var old = s
        old.report.writtenAs = ScoreReport.v0_29_2
        let before = try #require(SummaryWorkbook.workbook(old.report, session: old).sheets.first { $0.name == "评分表 X08" })
        #expect(before.merges.isEmpty)
        if case .text(let grade) = before.rows[2][2] { #expect(grade == "优秀") } else { Issue.record("no grade") }
    }
}
