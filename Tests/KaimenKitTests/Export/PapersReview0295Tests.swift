import Foundation
import Testing
@testable import KaimenKit

/// What 0.29.5 changed after a district union's staff exported, printed, signed and posted the
/// papers: the notice's grade lines and quota, its closing lines kept on the page and a second
/// page headed with its title, the workbook's 考核期, how to read α, the report's date written
/// in as the notice's. A result sealed by 0.29.4 is written again as it was
/// (`ScoreReport.v0_29_5`); the blank ballot sheets, never sealed, change for every version.
@Suite("Papers since 0.29.5: grade lines, the notice on its pages, the period, α, the date")
struct PapersReview0295Tests {
    static func xicheng(as version: [Int]? = nil) throws -> ScoringSession {
        var s = try ScoringSession.run(PapersReview0292Tests.xicheng)
        s.report.writtenAs = version
        return s
    }

    // The Xicheng rules: 优秀 from 90 with a quota of 30%, 良好 from 80, 合格 from 60, then
    // 不合格. Nine units: 30% of 9 is 2.7, so 2 may be 优秀.
    static let gradeLine = "等级：优秀 ≥ 90 分，不超过 30%（2 个）；良好 ≥ 80 分；合格 ≥ 60 分；其余为不合格"

    @Test("the notice gives each grade's line and the quota's size under its table; as sealed by 0.29.4, not")
    func gradeLines() throws {
        let notice = NoticeHTML.render(try Self.xicheng())
        #expect(notice.contains("</table><p class=\"grades\">\(Self.gradeLine)</p><h2>按等级</h2>"))
        #expect(NoticeHTML.render(try Self.xicheng(), lang: .en)
            .contains("<p class=\"grades\">Grades: 优秀 ≥ 90, at most 30% (2); 良好 ≥ 80; 合格 ≥ 60; 不合格 otherwise</p>"))
        let old = NoticeHTML.render(try Self.xicheng(as: ScoreReport.v0_29_4))
        #expect(!old.contains("p class=\"grades\"") && !old.contains("≥"))
    }

    @Test("the report's quota note and the notice's grade line say the quota in the same words")
    func quotaWords() throws {
        // X08 96.20 and X05 92.31 keep 优秀; X02 91.59, the third at 90 or more, is moved.
        let s = try Self.xicheng()
        #expect(SessionWarnings.collect(s.report, lang: .zh).contains { $0.hasPrefix("名额限制：优秀不超过 30%（2 个），X02 ") })
        #expect(PaperTexts.gradeLines(s.report, .zh).contains("优秀 ≥ 90 分，不超过 30%（2 个）；"))
    }

    @Test("the notice's closing lines in tighter spacing and, from a second page, its title at the head; as sealed by 0.29.4, neither")
    func noticePages() throws {
        let notice = NoticeHTML.render(try Self.xicheng())
        let title = "西城区总工会直属基层工会工作目标管理考核细则（2014年） · 考核结果公示"
        #expect(notice.contains("@page { @top-center { content: \"\(title)\";"))
        #expect(notice.contains("@page :first { @top-center { content: none; } }"))
        #expect(notice.contains(".notice p.issuer { margin-top: 4mm; line-height: 1.8; }"))
        let old = NoticeHTML.render(try Self.xicheng(as: ScoreReport.v0_29_4))
        #expect(!old.contains("@top-center") && !old.contains("margin-top: 4mm; line-height: 1.8"))
    }

    @Test("a title in the page's head is a CSS string: quotes, backslashes, angle brackets and line breaks escaped")
    func runningTitleEscaped() {
        let css = NoticeHTML.runningTitleCSS("A\"B\\C</style><script>\nD")
        // " is 22, \ is 5c, < 3c, > 3e, a line feed a.
        #expect(css.hasPrefix("@page { @top-center { content: \"A\\22 B\\5c C\\3c /style\\3e \\3c script\\3e \\a D\";"))
        #expect(!css.contains("</style"))
    }

    @Test("the 汇总 sheet's page header and each 评分表's title row give the 考核期; as sealed by 0.29.4, not")
    func workbookPeriod() throws {
        let period = "考核期：2014-01-01 至 2014-12-31"   // the rules' effective dates, no --period given
        let s = try Self.xicheng()
        let book = SummaryWorkbook.workbook(s.report, session: s)
        #expect(book.sheets[0].pageHeader?.right == period)
        let sheet = try #require(book.sheets.first { $0.name == "评分表 X08" })
        #expect(sheet.rows[0][1] == .text("西城区总工会直属基层工会工作目标管理考核细则（2014年）　" + period))
        // A period given (`--period`) is the one said.
        var given = s
        given.report.period = "2014年年中"
        #expect(SummaryWorkbook.workbook(given.report, session: given).sheets[0].pageHeader?.right == "考核期：2014年年中")
        let old = try Self.xicheng(as: ScoreReport.v0_29_4)
        let before = SummaryWorkbook.workbook(old.report, session: old)
        #expect(before.sheets[0].pageHeader?.right == "")
        #expect(before.sheets.first { $0.name == "评分表 X08" }?.rows[0][1] == .text("西城区总工会直属基层工会工作目标管理考核细则（2014年）"))
    }

    @Test("the report says how to read α under its table, and dates its signatures as the notice; as sealed by 0.29.4, neither")
    func reportAlphaAndDate() throws {
        let report = ReportHTML.render(try Self.xicheng())
        #expect(report.contains("</table>\n<p>α 接近 1 表示代表们打分一致；0 左右表示与随机打分无异；负数表示分歧大于随机。</p>\n</section>"))
        #expect(report.contains("<div class=\"date\"><span>______年____月____日</span></div>"))
        #expect(!report.contains("<span>日期</span>"))
        let old = ReportHTML.render(try Self.xicheng(as: ScoreReport.v0_29_4))
        #expect(!old.contains("α 接近 1") && !old.contains("div class=\"date\""))
        #expect(old.contains("<div style=\"flex:0.6\"><span>日期</span></div>"))
        // The notice's date and the report's are one text.
        #expect(NoticeHTML.render(try Self.xicheng()).contains("<br>______年____月____日</p>"))
    }

    @Test("panel's own text says how to read α too")
    func panelText() throws {
        let s = try Self.xicheng()
        let text = PanelRender.text(PanelReport.analyse(s), title: "t", lang: .en, limit: 20)
        #expect(text.contains("An α near 1 means the representatives agree; about 0, no more than scoring at random; below 0, they disagree more than at random."))
    }

    @Test("a recused ballot sheet has its boxes shaded and no signature line: 回避，无需填写")
    func recusedSheet() throws {
        let set = try SheetsCommandTests.set(schedule: true)
        let html = BallotSheetsHTML.render(set)
        let pages = html.components(separatedBy: "<section class=\"page ballot").dropFirst()
        let recused = pages.filter { $0.hasPrefix(" recused\"") }, fillable = pages.filter { !$0.hasPrefix(" recused\"") }
        #expect(recused.count == 4 && fillable.count == 57)
        // Eight items and the total: nine boxes, each shaded; the signature's place says why it is empty.
        #expect(recused.allSatisfy { $0.components(separatedBy: "<td class=\"box void\"></td>").count - 1 == 9 })
        #expect(recused.allSatisfy { $0.contains("<p class=\"nosign\">回避，无需填写</p>") && !$0.contains("评分代表签字") })
        #expect(fillable.allSatisfy { !$0.contains("box void") && $0.contains("<span>评分代表签字</span>") })
    }
}
