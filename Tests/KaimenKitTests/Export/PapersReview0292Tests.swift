import Foundation
import Testing
@testable import KaimenKit

/// What 0.29.2 changed in the workbooks: 汇总 printed with a page header (a report sealed before
/// is written again as it was, `ScoreReport.v0_29_2`), and the entry workbook (never sealed) set
/// up for a typist: a header row tall enough, each score column checked, printed to check.
@Suite("Workbooks since 0.29.2: 汇总's page header, the entry workbook's checks and print set-up")
struct PapersReview0292Tests {
    static let xicheng = ScoringSession.Inputs(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                               roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                               baseDirectory: Fixtures.packageRoot.path)

    static func sheetXML(_ book: XLSXWorkbook, _ n: Int = 1) throws -> String {
        let bytes = try #require(book.bytes())
        return try #require(XLSXTests.parts(bytes)["xl/worksheets/sheet\(n).xml"])
    }

    @Test("汇总 printed names the issuer and the title (and a result's version); as sealed before 0.29.2, no header")
    func summaryHeader() throws {
        let s = try ScoringSession.run(Self.xicheng)
        let xml = try Self.sheetXML(SummaryWorkbook.workbook(s.report, session: s))
        // The rules' issuer left, their title and 汇总排名表 centred in bold; no version: a first
        // result; since 0.29.5 the 考核期 right (the rules' effective dates here).
        let header = "<headerFooter><oddHeader>&amp;L西城区总工会&amp;C&amp;&quot;-,Bold&quot;西城区总工会直属基层工会工作目标管理考核细则（2014年） 汇总排名表"
        #expect(xml.contains(header + "&amp;R考核期：2014-01-01 至 2014-12-31</oddHeader><oddFooter>"), "\(xml.suffix(600))")
        let en = try Self.sheetXML(SummaryWorkbook.workbook(s.report, session: s, lang: .en))
        #expect(en.contains("考核细则（2014年） Ranked summary&amp;RPeriod: 2014-01-01 to 2014-12-31</oddHeader>"))
        var sealed = s
        sealed.report.writtenAs = ScoreReport.v0_29_4
        #expect(try Self.sheetXML(SummaryWorkbook.workbook(sealed.report, session: sealed)).contains(header + "</oddHeader><oddFooter>"))
        var old = s
        old.report.writtenAs = ScoreReport.v0_29_1
        #expect(!(try Self.sheetXML(SummaryWorkbook.workbook(old.report, session: old))).contains("oddHeader"))
    }

    @Test("a page header doubles a literal &, drops control characters, leaves an empty section out and cuts a long title")
    func headerText() {
        #expect(XLSXSheet.headerText(("A&B", "标题\u{7}", "")) == "&LA&&B&C&\"-,Bold\"标题")
        #expect(XLSXSheet.headerText(("", "", "右")) == "&R右")
        let long = XLSXSheet.headerText(("", String(repeating: "长", count: 300), ""))
        // 119 characters and an ellipsis: with the codes, under Excel's 255.
        #expect(long == "&C&\"-,Bold\"" + String(repeating: "长", count: 119) + "…")
    }

    @Test("the entry workbook warns of a score outside 0 to its item's points, column by column", arguments: [Language.zh, .en])
    func entryValidations(_ lang: Language) throws {
        let set = try SheetsCommandTests.set(schedule: true)
        let sheet = set.entryWorkbook(lang: lang).sheets[0]
        // The Xicheng rules' eight ballot standards, by hand from rules/xicheng-2014.jsonc: worth
        // 4, 2, 2, 2, 2, 4, 2, 2 points, in columns G to N (after 表号, the four ids, 单位名称),
        // rows 2 to 58 (57 sheets to fill).
        #expect(sheet.validations.map { "\(XLSXSheet.columnName($0.column))\($0.firstRow):\($0.lastRow)=\($0.maximum)" }
                == ["G2:58=4", "H2:58=2", "I2:58=2", "J2:58=2", "K2:58=2", "L2:58=4", "M2:58=2", "N2:58=2"])
        var book = XLSXWorkbook()
        book.add(sheet)
        let xml = try Self.sheetXML(book)
        let message = lang == .zh ? "该项满分 4 分，应填 0 到 4 之间的数；请对照纸质评分表核对" : "This item is worth 4: a score from 0 to 4; check the paper sheet"
        #expect(xml.contains("<dataValidations count=\"8\"><dataValidation type=\"decimal\" errorStyle=\"warning\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" errorTitle=\"\(lang == .zh ? "超出范围" : "Out of range")\" error=\"\(message)\""))
        #expect(xml.contains("sqref=\"G2:G58\"><formula1>0</formula1><formula2>4</formula2></dataValidation>"))
        // A selected cell shows the range under its own title, not the warning's (a review: every
        // correct cell popped up 超出范围).
        #expect(xml.contains(lang == .zh ? "promptTitle=\"评分范围\" prompt=\"0 到 4 分\"" : "promptTitle=\"Score range\" prompt=\"0 to 4\""))
        // After the cells and before the page's margins, as the schema orders a worksheet's parts.
        let order = ["</sheetData>", "<dataValidations", "<pageMargins", "<pageSetup", "<headerFooter>"].map { xml.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && zip(order, order.dropFirst()).allSatisfy { $0! < $1! })
    }

    @Test("the entry workbook's header row is as tall as its longest name needs; it prints one page wide, titled, its grid drawn")
    func entryPrinted() throws {
        let set = try SheetsCommandTests.set(schedule: true)
        let book = set.entryWorkbook(lang: .zh)
        let xml = try Self.sheetXML(book)
        // 宣传教育工作总体评价（职工代表评分）: 18 characters, 36 columns, in a column 12 wide plus 2
        // of padding: 3 lines of 16 points (LibreOffice's), and a point. Cut at 2 lines before.
        #expect(xml.contains("<row r=\"1\" ht=\"49\" customHeight=\"1\">"), "\(xml.prefix(1500))")
        // The rows below are one line each: since 0.29.6 a line of LibreOffice's and a point
        // (`PapersReview0296Tests`); no height of their own before.
        #expect(xml.contains("<row r=\"2\" ht=\"17\" customHeight=\"1\">"))
        let sheet = book.sheets[0]
        #expect(sheet.fitToWidth && sheet.printTitleRows == 1 && sheet.borderedFrom == 0 && sheet.pageFooter == .zh)
        #expect(xml.contains("<oddHeader>&amp;L西城区总工会&amp;C&amp;&quot;-,Bold&quot;西城区总工会直属基层工会工作目标管理考核细则（2014年） 评分录入表</oddHeader>"))
    }

    /// The Xicheng sample: X09's member survey (democracy.review, 3 points) had 55.18% taking part,
    /// under the 60% the rules ask, and the rules give such a survey 0 points (`notAssessable:
    /// zero`); X05's collective contracts (rights.contracts) divide by its 0 unionised firms and are
    /// left out, the rest of the area scaled up (`prorate`).
    @Test("a standard that cannot be assessed is said so (无法考核), with what the rule gave it; as sealed before 0.29.2, 不予考核")
    func cannotBeAssessed() throws {
        let s = try ScoringSession.run(Self.xicheng)
        let ids = s.report.units.ids
        let x09 = try #require(ids.firstIndex(of: "X09")), x05 = try #require(ids.firstIndex(of: "X05"))
        let hints = SummaryHints(s.report, lang: .zh)
        #expect(hints.text(x09) == "无法考核 democracy.review（计 0 分）")
        #expect(hints.text(x05)?.hasPrefix("无法考核 rights.contracts（不计入）、") == true, "\(hints.text(x05) ?? "")")
        #expect(SummaryHints(s.report, lang: .en).text(x09) == "not assessable: democracy.review (0 points)")
        let warnings = SessionWarnings.collect(s.report, lang: .zh)
        #expect(warnings.contains("无法考核：democracy.review 会员评家满意度测评：参与率低于 60%，按规则计 0 分（满分 3 分）——X09（55.18%）"))
        #expect(!warnings.contains { $0.contains("不予考核") })
        var old = s
        old.report.writtenAs = ScoreReport.v0_29_1
        #expect(SummaryHints(old.report, lang: .zh).text(x09) == "不予考核 democracy.review")
        #expect(SummaryHints(old.report, lang: .en).text(x09) == "not assessed: democracy.review")
        #expect(SessionWarnings.collect(old.report, lang: .zh).contains { $0.hasPrefix("不予考核：democracy.review") })
    }

    /// X07's 互助保障 ballot standard had 2 ballots, fewer than the 3 its rules ask (the sample's
    /// warning: `票数不足：insurance.ballot …——X07（2 张）`): left out, its area scaled up.
    @Test("a ballot standard not assessed draws its ballots grey, said not counted; as sealed before 0.29.2, black beside 不考核")
    func uncountedGrey() throws {
        let s = try ScoringSession.run(Self.xicheng)
        let x07 = try #require(s.report.units.ids.firstIndex(of: "X07"))
        let chart = ScoreSheetHTML.ballotDots(s, unit: x07, lang: .zh)
        let row = try #require(chart.rows.first { $0.uncounted })
        #expect(chart.rows.filter(\.uncounted).count == 1)
        #expect(row.kept.count + row.trimmed.count == 2 && row.resultLabel == "不考核，票未计入" && row.result == nil)
        let svg = chart.rendered().markup
        #expect(svg.components(separatedBy: "fill=\"#bbb\"").count - 1 == row.kept.count)
        #expect(svg.contains(">不考核，票未计入</text>"))
        #expect(ScoreSheetHTML.ballotDots(s, unit: x07, lang: .en).rows.contains { $0.resultLabel == "not assessed; ballots not counted" })
        var old = s
        old.report.writtenAs = ScoreReport.v0_29_1
        let before = ScoreSheetHTML.ballotDots(old, unit: x07, lang: .zh)
        #expect(!before.rows.contains(where: \.uncounted) && before.rows.contains { $0.resultLabel == "不考核" })
        #expect(!before.rendered().markup.contains("#bbb"))
    }
}
