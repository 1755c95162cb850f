import Foundation
import Testing
@testable import KaimenKit

/// What a papers review of 0.29.0 found, and 0.29.1 changed; a report sealed before 0.29.1 is
/// written again as it was (`ScoreReport.v0_29_1`), so that `session verify` still agrees.
@Suite("Papers since 0.29.1: the large session's 评分表 one page wide, the re-check list's count, the notice's closing kept")
struct PapersReview0291Tests {
    static let xicheng = ScoringSession.Inputs(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                               roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                               baseDirectory: Fixtures.packageRoot.path)

    /// One standard counting `m`, worth 10; `n` units, each with m = its number mod 11.
    static func session(units n: Int) throws -> ScoringSession {
        let rules = RulesText.make(metrics: RulesText.metric("m"), areas: RulesText.area("a1", points: "10"),
                                   standards: RulesText.standard("s1", area: "a1", points: "10", #""method": "count", "metric": "m", "perUnit": 1"#))
        let units = "id,name,category,m\n" + (1...n).map { "U\($0),单位\($0),企业,\($0 % 11)\n" }.joined()
        return try TestSession(rules: rules, units: units).run()
    }

    @Test("above 60 units the workbook's one 评分表 sheet prints one page wide; as sealed before 0.29.1 it did not")
    func longSheetFits() throws {
        let s = try Self.session(units: SummaryWorkbook.sheetLimit + 1)
        let sheets = SummaryWorkbook.workbook(s.report, session: s).sheets
        #expect(sheets.map(\.name) == ["汇总", "评分表", "提示"])
        #expect(sheets[1].fitToWidth && sheets[1].printTitleRows == 1)
        var old = s
        old.report.writtenAs = ScoreReport.v0_29
        #expect(!SummaryWorkbook.workbook(old.report, session: old).sheets[1].fitToWidth)
        // At 60 units, one sheet per unit, each fit to its page as before.
        let sixty = try Self.session(units: SummaryWorkbook.sheetLimit)
        let perUnit = SummaryWorkbook.workbook(sixty.report, session: sixty).sheets.filter { $0.name.hasPrefix("评分表 ") }
        #expect(perUnit.count == 60 && perUnit.allSatisfy(\.fitToWidth))
    }

    @Test("a re-check list cut short says how many rows it leaves out, and how to get them all")
    func recheckLeftOut() throws {
        let s = try ScoringSession.run(Self.xicheng)
        let p = PanelReport.analyse(s, options: .init())
        let total = p.outliers.count
        #expect(total > 3)
        let cut = PanelHTML.section(p, lang: .zh, limit: 3).markup
        #expect(cut.contains("<p>另有 \(total - 3) 条未在此列出（共 \(total) 条）；全部可用 kaimen panel --format csv --section outliers 导出</p>"))
        #expect(PanelHTML.section(p, lang: .en, limit: 3).markup.contains("<p>\(total - 3) more not listed here (\(total) in all); kaimen panel --format csv --section outliers exports them all</p>"))
        // Not cut: nothing to say; as sealed before 0.29.1: not said.
        #expect(!PanelHTML.section(p, lang: .zh, limit: total).markup.contains("未在此列出"))
        #expect(!PanelHTML.section(p, lang: .zh, limit: 3, saysLeftOut: false).markup.contains("未在此列出"))
    }

    @Test("the notice keeps its closing lines with what comes before, and a heading with its text; not as sealed before 0.29.1")
    func noticeClosingKept() throws {
        let s = try ScoringSession.run(Self.xicheng)
        let rule = ".notice div.end { break-before: avoid; page-break-before: avoid; }\n.notice h2 { break-after: avoid; page-break-after: avoid; }\n"
        #expect(NoticeHTML.render(s).contains(rule))
        var old = s
        old.report.writtenAs = ScoreReport.v0_29
        #expect(!NoticeHTML.render(old).contains("break-before: avoid"))
    }

    /// 周海燕 (R10, 第二组) belongs to X03, which only 第一组 hears: the published notice said she
    /// recused from it.
    @Test("a published notice shows a representative's own unit as 本单位, not 回避; as sealed before 0.29.1, 回避")
    func ownUnit() throws {
        let s = try ScoringSession.run(Self.xicheng)
        let roster = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("samples/xicheng-2014/roster.csv"), encoding: .utf8)
        let zhou = try #require(roster.split(whereSeparator: \.isNewline).first { $0.contains("周海燕") })
        #expect(zhou.contains("第二组") && zhou.contains("X03"))
        let named = NoticeHTML.render(s, namesRepresentatives: true)
        let row = try #require(named.components(separatedBy: "<tr>").first { $0.hasPrefix("<td>周海燕</td>") })
        #expect(row.contains(">本单位</td>") && !row.contains("回避"))
        #expect(NoticeHTML.render(s, lang: .en, namesRepresentatives: true).contains(">own unit</td>"))
        var old = s
        old.report.writtenAs = ScoreReport.v0_29
        let oldRow = try #require(NoticeHTML.render(old, namesRepresentatives: true).components(separatedBy: "<tr>").first { $0.hasPrefix("<td>周海燕</td>") })
        #expect(oldRow.contains(">回避</td>"))
    }
}
