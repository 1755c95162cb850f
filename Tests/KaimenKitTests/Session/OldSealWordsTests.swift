import Foundation
import Testing
@testable import KaimenKit

/// Each change of 0.27.0 and 0.27.1 to the papers' words, written as the version before it, is
/// that version's words: `session verify` rebuilds a seal as the kaimen that made it wrote it,
/// and a session sealed by 0.27.0 failed to verify under 0.27.1 (a hostile review, session 43).
/// The words expected are the older versions' (the tests of each change give the new ones).
@Suite("Seals of 0.26 and 0.27.0: the papers' words of then")
struct OldSealWordsTests {
    /// Every row of unit `u`'s score sheet, its cells joined.
    static func sheet(_ s: ScoringSession, unit u: Int = 0, lang: Language = .zh) -> String {
        ScoreSheetExport.table(s, unit: u, lang: lang).rows.map { $0.map(\.string).joined(separator: "|") }.joined(separator: "\n")
    }

    static func asOf(_ s: ScoringSession, _ version: [Int]) -> ScoringSession {
        var s = s
        s.report.writtenAs = version
        return s
    }

    @Test("0.27.1: an expression's value, a veto's cap and a subtotal's exact sum")
    func values() throws {
        let veto = #""vetoes": [ { "id": "v", "name": "事故", "criteria": "有事故。", "when": "b > 0", "capTotal": 61.115 } ],"#
        let capped = try ShownValueTests.session(a: "700000000", veto: veto).run()
        #expect(Self.sheet(Self.asOf(capped, [0, 27, 0])).contains("总分不超过 61.12 分"))
        #expect(Self.sheet(Self.asOf(capped, [0, 27, 0])).contains("一票否决封顶为 61.12 分"))
        #expect(Self.sheet(capped).contains("总分不超过 61.115 分") && Self.sheet(capped).contains("一票否决封顶为 61.115 分"))
        let near = try ShownValueTests.session(a: "49996").run()
        #expect(Self.sheet(Self.asOf(near, [0, 27, 0])).contains("甲 ÷ 乙 = 0.005：得 0 分"))
        #expect(Self.sheet(near).contains("甲 ÷ 乙 = 0.0049…：得 0 分"))
        let third = try ShownValueTests.session(a: "3333333").run()
        #expect(Self.sheet(Self.asOf(third, [0, 27, 0])).contains("甲 ÷ 乙 = 0.3333：得 0.33 分"))
        #expect(Self.sheet(third).contains("甲 ÷ 乙 = 0.3333…：得 0.33 分"))
    }

    @Test("0.27.0: the total's line rounded at six places; 0.27.1: the subtotal's too")
    func sums() throws {
        let total = try TotalWordsTests.session(a: "874449996").run()
        #expect(Self.sheet(Self.asOf(total, [0, 26, 2])).contains("各方面 87.445… + 加分 0 = 87.445…，保留 2 位小数（四舍五入）为 87.44 分"))
        #expect(Self.sheet(Self.asOf(total, [0, 27, 0])).contains("各方面 87.444999… + 加分 0 = 87.444999…"))
        let sub = try SubtotalNoteShownValueTests.session.run()
        #expect(Self.sheet(Self.asOf(sub, [0, 27, 0])).contains("小计用未经四舍五入的分数相加，为 6.795…，记 6.79 分"))
        #expect(Self.sheet(sub).contains("小计用未经四舍五入的分数相加，为 6.794999…，记 6.79 分"))
    }

    @Test("0.27.0: a veto not checked said 缺少数据 whatever the cause")
    func vetoWhy() throws {
        let s = Self.asOf(try TestSession(rules: VetoNotCheckedTests.rules, units: VetoNotCheckedTests.units).run(), [0, 26, 0])
        let notes = SummaryExport.table(s.report).rows.map { $0.map(\.string).joined(separator: "|") }
        #expect(notes[1].contains("一票否决项「调解率过低」缺少数据，未能检查"), "\(notes[1])")
        #expect(SessionWarnings.collect(s).contains("无法检查一票否决项：U2 · 调解率过低（缺少数据）"))
        #expect(SessionWarnings.collect(s, lang: .en).contains("veto could not be checked: U2 · 调解率过低 (missing data)"))
        #expect(Self.sheet(s, unit: 1).contains("缺少数据，未能检查") && !Self.sheet(s, unit: 1).contains("除数为零"))
        let html = ScoreSheetHTML.table(s, unit: 1, lang: .zh).markup
        #expect(html.contains("缺少数据，未能检查") && !html.contains("除数为零"))
    }

    @Test("0.27.1: tie notes whose values read alike, and a rate's values as fractions")
    func ties() throws {
        let s = Self.asOf(try TieValuesReadAlikeTests.ratios.run(), [0, 27, 0])
        let notes = SummaryExport.Notes(s.report, lang: .zh)
        let u2 = try #require(s.table.index(ofUnit: "U2"))
        #expect(notes.text(u2) == "与 U1 同分，按“标准k”得分 0.333333 对 0.333333 排在后")
        #expect(String(decoding: SummaryWriter.csv(s.report, threads: 1), as: UTF8.self).contains("0.333333 对 0.333333 排在后,"))
        let rules = UnboundedFractionTests.rules(metrics: ["a", "b", "c", "d"], points: 10, grade: "1", standards: [("k", 10, "a")])
            .replacingOccurrences(of: #"{ "id": "d", "name": "指标d", "kind": "number" }"#, with: #"{ "id": "d", "name": "入会率", "kind": "rate" }"#)
            .replacingOccurrences(of: #""grades""#, with: #""ranking": { "precision": 2, "tieBreak": [ { "by": "metric", "id": "d" } ] }, "grades""#)
        let rate = try TestSession(rules: rules, units: "id,name,a,b,c,d\nU1,甲,5,1,1,20%\nU2,乙,5,1,1,10%\n").run()
        #expect(SummaryExport.Notes(rate.report, lang: .zh).text(0) == "与 U2 同分，按指标“入会率” 20% 对 10% 排在前")
        #expect(SummaryExport.Notes(Self.asOf(rate, [0, 27, 0]).report, lang: .zh).text(0) == "与 U2 同分，按指标“入会率” 0.2 对 0.1 排在前")
        #expect(String(decoding: SummaryWriter.csv(rate.report, threads: 1), as: UTF8.self).contains("20% 对 10% 排在前"))
    }

    /// A session sealed by 0.29.1 with a units workbook that had hidden rows was written again by
    /// 0.29.2 with the `workbook-hidden-row` warning 0.29.1 never gave: its report and workbook
    /// differed from the seal and it did not verify (found reading the reader warnings' path).
    @Test("the papers' input warnings, as sealed: only the kinds the sealing version gave")
    func inputWarningKinds() throws {
        let s = try TestSession(rules: VetoNotCheckedTests.rules, units: VetoNotCheckedTests.units).run()
        let r = s.report
        let hidden = Diagnostic.warning(.workbookHiddenRow, ReaderMessages.hiddenRows([3]), at: .whole("units.xlsx"), hint: ReaderMessages.hiddenRowsHint)
        let column = Diagnostic.warning(.unknownColumn, Localized(zh: "未用的列", en: "a column not used"), at: .whole("units.xlsx"))
        var session = s
        session.report = ScoreReport(rules: r.rules, units: r.units, scores: r.scores, ranking: r.ranking, recusals: r.recusals,
                                     inputWarnings: [hidden, column])
        let hiddenText = hidden.rendered(.zh), columnText = column.rendered(.zh)
        // As this version writes them, and as 0.29.2 (which gave both kinds) sealed them: both.
        for version in [nil, ScoreReport.v0_29_2] {
            var v = session
            v.report.writtenAs = version
            #expect(v.report.papersInputWarnings.map(\.code) == ["workbook-hidden-row", "unknown-column"])
            let html = ReportHTML.render(v)
            #expect(html.contains(HTMLText.escape(hiddenText)) && html.contains(HTMLText.escape(columnText)))
        }
        // As 0.29.1 sealed them: the hidden rows were never said.
        let old = Self.asOf(session, ScoreReport.v0_29_1)
        #expect(old.report.papersInputWarnings.map(\.code) == ["unknown-column"])
        let html = ReportHTML.render(old)
        #expect(!html.contains(HTMLText.escape(hiddenText)) && html.contains(HTMLText.escape(columnText)))
    }
}
