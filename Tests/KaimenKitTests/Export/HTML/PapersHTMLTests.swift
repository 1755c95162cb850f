import Foundation
import Testing
@testable import KaimenKit

/// `report.html` and `公示.html`: everything from the data is escaped, the notice keeps the
/// representatives anonymous unless asked, and a score sheet shows 不考核 for a standard left out.
@Suite("Printable papers: report.html and 公示.html")
struct PapersHTMLTests {
    /// Markup, an ampersand and quotes in every text the data can carry: rules title, issuer,
    /// area, standard, criteria, grade, metric, unit name and category, representative name and
    /// group. (Control characters, the bidirectional ones included, never get this far: the
    /// readers reject them with a located error, `BidiControlTests`; `HTMLPrimitivesTests`
    /// shows escaping drops them all the same.)
    static let evil = #"<script>alert(1)</script> & \"q\" 'a' [2J"#
    static let hostileRules = """
        {
          "format": 1, "id": "test", "title": "\(evil)", "issuer": "\(evil)", "version": "1",
          "effective": { "from": "2024-01-01" },
          "metrics": [ { "id": "x", "name": "\(evil)", "kind": "count" }, { "id": "st", "name": "站", "kind": "count" } ],
          "areas": [ { "id": "a", "name": "\(evil)", "points": 10 } ],
          "standards": [
            { "id": "x", "area": "a", "name": "\(evil)", "criteria": "\(evil)", "points": 5, "method": "count", "metric": "x", "perUnit": 1 },
            { "id": "s", "area": "a", "name": "站点", "criteria": "有站才考核。", "points": 2, "method": "count", "metric": "st", "perUnit": 1,
              "precondition": { "when": "st > 0", "note": "\(evil)" }, "notAssessable": "prorate" },
            { "id": "b", "area": "a", "name": "评议", "criteria": "代表打分。", "points": 3, "method": "ballot" } ],
          "grades": [ { "name": "\(evil)", "min": 8 }, { "name": "合格" } ],
        }
        """
    static let hostileUnits = "id,name,category,x,st\nU1,\"<script>alert(2)</script> & \"\"q\"\" [2J\",<u>类</u>,4,1\nU2,乙,企业,3,0\n"
    static let hostileRoster = "id,name,group,units\nR1,\"<img src=x onerror=alert(3)>\",\"<u>&组</u>\",U1\nR2,代表二,一组,\nR3,代表三,一组,\nR4,代表四,二组,\n"
    static let ballots = "representative,unit,standard,score\nR1,U1,b,3\nR2,U1,b,2\nR3,U1,b,2.5\nR4,U1,b,1\nR2,U2,b,1\nR3,U2,b,2\nR4,U2,b,3\n"

    /// Found by a papers trial: a unit name in a right-to-left script (Uyghur, in Arabic
    /// letters) took its id, the `、` and the next unit into its direction in the notice's
    /// running text. Since 0.25.0 the name of each unit named there is in `<bdi>`, its id
    /// outside (an id of digits would take the name's direction); as 0.24.0 wrote it, not.
    @Test("the notice isolates each unit named in its running text: the grade lists, recusals")
    func rightToLeftNames() throws {
        let root = Fixtures.packageRoot, sample = root.appendingPathComponent("samples/xicheng-2014")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-rtl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let uyghur = "ئۈرۈمچى سودا ئۇيۇشمىسى"
        let units = try String(contentsOf: sample.appendingPathComponent("units.csv"), encoding: .utf8)
            .replacingOccurrences(of: "X08,什刹海街道总工会,", with: "X08,\(uyghur),")
        try units.write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        var session = try ScoringSession.run(.init(rules: root.appendingPathComponent("rules/xicheng-2014.jsonc").path,
                                                   units: dir.appendingPathComponent("units.csv").path,
                                                   roster: sample.appendingPathComponent("roster.csv").path,
                                                   ballots: sample.appendingPathComponent("ballots.csv").path))
        let notice = NoticeHTML.render(session)
        // X08 heads 优秀, and has its own representative (R24) among the scorers.
        #expect(notice.contains("<li><b>优秀（2 个）</b>：X08 <bdi>\(uyghur)</bdi>、X05 <bdi>西城区月坛中医医院工会</bdi></li>"), "\(notice)")
        #expect(notice.contains("X08 <bdi>\(uyghur)</bdi>（本单位代表 1 名）"))
        session.report.writtenAs = [0, 25, 0]
        #expect(NoticeHTML.render(session).contains("X08 <bdi>\(uyghur)</bdi>（1 名代表回避）"))
        session.report.writtenAs = [0, 24, 0]
        let old = NoticeHTML.render(session)
        #expect(!old.contains("<bdi>") && old.contains("：X08 \(uyghur)、X05 西城区月坛中医医院工会</li>"))
    }

    /// Under a weighted `combine` an area's maximum is not its nominal points: the summary's
    /// headers print the same maximum as the score sheets. Maxima worked out by
    /// `Fixtures/reference/area-maxima/area_maxima.py` from docs/rules.md.
    @Test("the summary's area headers print the weighted maxima the score sheets print (Dongcheng)")
    func weightedAreaMaxima() throws {
        let root = Fixtures.packageRoot, sample = root.appendingPathComponent("samples/dongcheng-2019")
        let session = try ScoringSession.run(.init(rules: root.appendingPathComponent("rules/dongcheng-2019.jsonc").path,
                                                   units: sample.appendingPathComponent("units.csv").path,
                                                   roster: sample.appendingPathComponent("roster.csv").path,
                                                   ballots: sample.appendingPathComponent("ballots.csv").path))
        let markup = ReportHTML.render(session)
        // The summary's headers break between two-character words (since 0.19.0).
        #expect(markup.contains("<th class=\"pairs\">依法<wbr>维权<wbr>（15.5）</th>"))
        #expect(markup.contains("<th class=\"pairs\">职工<wbr>互助<wbr>保险<wbr>办理<wbr>（10）</th>"))
        let html = markup.replacingOccurrences(of: "<wbr>", with: "")
        let expected = [("依法维权", "15.5"), ("自身建设", "9"), ("宣传教育", "7"), ("安全生产", "8.5"), ("民主管理", "10"),
                        ("劳模工作", "8.5"), ("温暖工程", "14"), ("职工互助保险办理", "10"), ("工会经费收取", "7.5"), ("经费审查", "10")]
        for (name, max) in expected {
            #expect(html.contains(">\(name)（\(max)）<"), "summary header \(name)（\(max)）")
            #expect(html.contains("、\(name)（满分 \(max) 分）"), "score sheet heading \(name)（满分 \(max) 分）")
        }
        #expect(!html.contains(">依法维权（14）<"))
        // Re-deriving a seal 0.16.0 made, the summary is written as it was: nominal points.
        var old = session
        old.report.writtenAs = [0, 16, 0]
        #expect(ReportHTML.render(old).contains(">依法维权（14）<"))
    }

    @Test("a standard left out for too few ballots gets no resulting tick in its chart; English warnings use English brackets")
    func notAssessedBallotChart() throws {
        var s = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: Fixtures.packageRoot.path))
        // X07 has 2 ballots on insurance.ballot, fewer than the 3 the rules need: 不考核.
        let x07 = try #require(s.table.units.firstIndex { $0.id == "X07" })
        let row = { (s: ScoringSession) in ScoreSheetHTML.ballotDots(s, unit: x07, lang: .zh).rows.first { $0.name == "职工互助保险办理" } }
        #expect(try #require(row(s)).result == nil && row(s)?.kept.count == 2)
        // Since 0.26.0 the row says 不考核 where the result would stand: its two black dots read
        // as counted (a secretary's trial); in English, `not assessed`.
        // Since 0.29.2 `不考核，票未计入`, its dots grey (PapersReview0292Tests).
        #expect(row(s)?.resultLabel == "不考核，票未计入")
        let svg = ScoreSheetHTML.ballotDots(s, unit: x07, lang: .zh).rendered().markup
        #expect(svg.contains(">不考核，票未计入</text>"), "\(svg)")
        #expect(ScoreSheetHTML.ballotDots(s, unit: x07, lang: .en).rows.first { $0.name == "职工互助保险办理" }?.resultLabel == "not assessed; ballots not counted")
        s.report.writtenAs = ScoreReport.v0_29_1
        #expect(row(s)?.resultLabel == "不考核")
        #expect(ScoreSheetHTML.ballotDots(s, unit: x07, lang: .zh).rendered().markup.contains(">不考核</text>"))
        #expect(ScoreSheetHTML.ballotDots(s, unit: x07, lang: .en).rows.first { $0.name == "职工互助保险办理" }?.resultLabel == "not assessed")
        s.report.writtenAs = nil
        #expect(SessionWarnings.collect(s.report, lang: .en).contains { $0.hasSuffix("— X07 (2)") })
        s.report.writtenAs = [0, 25, 0]
        #expect(try #require(row(s)).resultLabel == nil, "as 0.25.0 drew it, for its seals")
        s.report.writtenAs = nil
        // A rule that gives the standard points when too few ballots came (`zero` here): the table
        // gives 0.00, so the chart does not say 不考核 (a review: the sheet contradicted itself).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kaimen-zero-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("rules/xicheng-2014.jsonc"), encoding: .utf8)
        let zeroed = text.replacingOccurrences(of: #""notAssessable": "prorate"\#n    },\#n\#n    // ── 九"#,
                                               with: #""notAssessable": "zero"\#n    },\#n\#n    // ── 九"#)
        #expect(zeroed != text)
        try zeroed.write(to: dir.appendingPathComponent("r.jsonc"), atomically: true, encoding: .utf8)
        let z = try ScoringSession.run(.init(rules: dir.appendingPathComponent("r.jsonc").path, units: "samples/xicheng-2014/units.csv",
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: Fixtures.packageRoot.path))
        // Since 0.29.2 its ballots say they did not count, as its table's 0.00 is the rule's.
        #expect(try #require(row(z)).resultLabel == "票未计入" && row(z)?.result == nil && row(z)?.uncounted == true)
        var z0291 = z
        z0291.report.writtenAs = ScoreReport.v0_29_1
        #expect(try #require(row(z0291)).resultLabel == nil && row(z0291)?.uncounted == false)
        s.report.writtenAs = [0, 16, 0]
        #expect(try #require(row(s)).result != nil, "as 0.16.0 drew it, for its seals")
        #expect(SessionWarnings.collect(s.report, lang: .en).contains { $0.hasSuffix("— X07（2）") })
    }

    @Test("the report's re-check list names each standard; a 0.16.0 seal's is rebuilt with ids")
    func recheckNames() throws {
        let s = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: Fixtures.packageRoot.path))
        // The panel section, after the score sheets (whose 编号 column gives ids, as it should).
        func recheck(_ html: String) -> Substring { html[(html.range(of: "复核清单")?.upperBound ?? html.endIndex)...] }
        let html = recheck(ReportHTML.render(s))
        #expect(html.contains("<td>依法维权工作评价（职工代表评分）</td>") && !html.contains("<td>rights.ballot</td>"))
        var old = s
        old.report.writtenAs = [0, 16, 0]
        #expect(recheck(ReportHTML.render(old)).contains("<td>rights.ballot</td>"))
    }

    static func hostile() throws -> ScoringSession {
        try TestSession(rules: hostileRules, units: hostileUnits, roster: hostileRoster, ballots: ballots).run()
    }

    static func expectClean(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for tag in ["<script", "<img", "<u>"] where html.contains(tag) {
            Issue.record("`\(tag)` reached the page unescaped", sourceLocation: sourceLocation)
        }
        for scalar in html.unicodeScalars where HTMLText.isDropped(scalar.value) && scalar != "\n" && scalar != "\t" {
            Issue.record("control character U+\(String(scalar.value, radix: 16)) reached the page", sourceLocation: sourceLocation)
        }
        #expect(html.contains("&lt;script&gt;"), sourceLocation: sourceLocation)
    }

    @Test("every field from the rules, units and roster is escaped, in Chinese and English")
    func escaped() throws {
        let s = try Self.hostile()
        for lang in Language.allCases {
            Self.expectClean(ReportHTML.render(s, lang: lang))
            Self.expectClean(NoticeHTML.render(s, lang: lang))
            Self.expectClean(NoticeHTML.render(s, lang: lang, namesRepresentatives: true))
        }
        #expect(ReportHTML.render(s).contains("&lt;script&gt;alert(2)&lt;/script&gt; &amp; &quot;q&quot; [2J"))
    }

    @Test("the report's summary page states a recusal in brief in 说明, and its ballots under 提示")
    func recusalBrief() throws {
        // R1 is U1's own representative and scored U1: one recusal. U2 has a standard not assessed (st = 0).
        let s = try Self.hostile()
        let zh = ReportHTML.summaryPage(s, lang: .zh).markup
        let tips = try #require(zh.range(of: "<h2>提示</h2>"))
        let table = zh[..<tips.lowerBound], below = zh[tips.upperBound...]
        // 说明: who and how many, not which items (a long list pushed the table onto two pages).
        #expect(table.contains("<td>回避：R1 &lt;img src=x onerror=alert(3)&gt;（本单位代表）1 票不计</td>"))
        #expect(!table.contains("评议 3"))
        // 提示: the ballots, with where they are in the file.
        #expect(below.contains("<li>回避：代表 R1 &lt;img src=x onerror=alert(3)&gt; 为本单位 U1 打了 1 项分（评议 3），均不计入（ballots.csv:2）</li>"), "since 0.29.8 the file by its name: \(below)")
        #expect(below.contains("无法考核"))
        let en = ReportHTML.summaryPage(s, lang: .en).markup
        #expect(en.contains("<td>recusal: R1 &lt;img src=x onerror=alert(3)&gt; (own unit): 1 ballot(s) not counted</td>"))
        #expect(en.contains("scored their own unit U1 on 1 item(s)"))
        // A seal 0.18.0 made is re-derived as it was: the whole note in 说明, nothing under 提示.
        var old = s
        old.report.writtenAs = [0, 18, 0]
        let was = ReportHTML.summaryPage(old, lang: .zh).markup
        let oldTips = try #require(was.range(of: "<h2>提示</h2>"))
        #expect(was[..<oldTips.lowerBound].contains("回避：R1 &lt;img src=x onerror=alert(3)&gt;（本单位代表）1 票不计（评议 3）"))
        #expect(!was[oldTips.upperBound...].contains("回避"))
    }

    @Test("a score sheet's subtotal and total rows stay with the row above them (since 0.20.0), its area headings with the row below")
    func keptTogether() throws {
        let s = try Self.hostile()
        let html = ReportHTML.render(s)
        // The rows the rules name, on the sheets, and the rules that keep them with their neighbours.
        #expect(html.contains("<tr class=\"subtotal\">"))
        #expect(html.contains("<tr class=\"total\">"))
        #expect(html.contains("<tr class=\"area\">"))
        #expect(html.contains(".sheet tr.area { break-after: avoid; page-break-after: avoid; }"))
        #expect(html.contains(".sheet tr.subtotal, .sheet tr.total { break-before: avoid; page-break-before: avoid; }"))
        // A seal 0.19.0 made is re-derived without the new rule, and 0.18.0's without either.
        var old = s
        old.report.writtenAs = [0, 19, 0]
        let was19 = ReportHTML.render(old)
        #expect(was19.contains(".sheet tr.area { break-after: avoid"))
        #expect(!was19.contains("tr.subtotal, .sheet tr.total { break-before"))
        old.report.writtenAs = [0, 18, 0]
        #expect(!ReportHTML.render(old).contains(".sheet tr.area { break-after"))
    }

    @Test("the row of a veto that could not be checked stays with the row above it too (since 0.21.0)")
    func uncheckedVetoKept() throws {
        // `acc` is missing for U1 (not assessable), so the veto reading it cannot be checked;
        // for U2 it holds (acc = 1), and its row is a subtotal row, as before.
        let rules = RulesText.make(
            metrics: RulesText.metric("x") + "," + RulesText.metric("acc", missing: "notAssessable"),
            areas: RulesText.area("a", points: "10"),
            standards: RulesText.standard("s", area: "a", points: "10", #""method": "count", "metric": "x", "perUnit": 1"#),
            more: #""vetoes": [ { "id": "v1", "name": "重大事故", "criteria": "发生重大事故的一票否决。", "when": "acc > 0", "grade": "不合格" } ],"#)
        let s = try TestSession(rules: rules, units: "id,name,x,acc\nU1,甲,8,\nU2,乙,9,1\n").run()
        #expect(s.unit("U1").vetoesUnchecked == [0])
        #expect(s.unit("U2").vetoes == [0])
        let html = ReportHTML.render(s)
        #expect(html.components(separatedBy: "<tr class=\"veto\">").count == 2)
        #expect(html.contains(".sheet tr.veto { break-before: avoid; page-break-before: avoid; }"))
        // As 0.20.0 wrote it (a seal of then): the row without its class, and no rule for it.
        var old = s
        old.report.writtenAs = [0, 20, 0]
        let was20 = ReportHTML.render(old)
        #expect(!was20.contains("<tr class=\"veto\">"))
        #expect(!was20.contains("tr.veto"))
        #expect(was20.contains(".sheet tr.subtotal, .sheet tr.total { break-before"))
        // Nothing else differs from 0.22.0's (0.24.0 changes the summary's note).
        var was22 = s
        was22.report.writtenAs = [0, 22, 0]
        #expect(ReportHTML.render(was22).replacingOccurrences(of: "<tr class=\"veto\">", with: "<tr>").replacingOccurrences(of: ReportHTML.css021, with: "")
                    .replacingOccurrences(of: ReportHTML.css022, with: "") == was20)
    }

    /// Found by a tuner: X01's note on its ballots opened page 47 alone, away from its table.
    @Test("the ballots' note is the score sheet table's last row, kept with the total (since 0.22.0)")
    func ballotsNoteKept() throws {
        let s = try TestSession(rules: Self.hostileRules, units: Self.hostileUnits,
                                roster: "id,name,group,units\nR1,顾尚礼,一组,U1\nR2,王秀兰,一组,\nR3,李建国,一组,\nR4,赵敏,二组,\n",
                                ballots: Self.ballots).run()
        let html = ReportHTML.render(s)
        #expect(html.contains(".sheet tr.ballots { break-before: avoid; page-break-before: avoid; }"))
        // Every sheet's note is in such a row (the summary page has a paragraph of its own).
        let notes = html.components(separatedBy: "名代表为该单位打分").count - 1
        #expect(notes == 2)
        #expect(html.components(separatedBy: "<tr class=\"ballots\"><td colspan=\"5\">").dropFirst().filter { $0.prefix(20).contains("名代表为该单位打分") }.count == notes)
        // Right after each sheet's total row, over the table's five columns.
        let totals = html.components(separatedBy: "<tr class=\"total\">").dropFirst()
        #expect(totals.count == 2)
        for after in totals {
            let next = try #require(after.range(of: "<tr"))
            #expect(after[next.lowerBound...].hasPrefix("<tr class=\"ballots\"><td colspan=\"5\">"), "\(after.prefix(300))")
        }
        // As 0.21.0 wrote it: a paragraph after the table.
        var old = s
        old.report.writtenAs = ScoreReport.v0_21
        let was21 = ReportHTML.render(old)
        #expect(!was21.contains("tr.ballots"))
        let paragraphs = { (h: String) in h.components(separatedBy: "</table><p class=\"small\">").count }
        #expect(paragraphs(was21) == paragraphs(html) + 2)
    }

    @Test("the notice names no representative and shows no individual score unless asked")
    func anonymous() throws {
        let s = try TestSession(rules: Self.hostileRules, units: Self.hostileUnits,
                                roster: "id,name,group,units\nR1,顾尚礼,一组,U1\nR2,王秀兰,一组,\nR3,李建国,一组,\nR4,赵敏,二组,\n",
                                ballots: Self.ballots).run()
        let notice = NoticeHTML.render(s)
        for who in ["顾尚礼", "王秀兰", "李建国", "赵敏", "R1", "R2", "R3", "R4"] { #expect(!notice.contains(who)) }
        #expect(notice.contains("4 人"))
        #expect(notice.contains("U1 <bdi>&lt;script&gt;"))  // the unit with a recused representative is named, the representative is not
        // Under `score` no schedule says who heard which unit: the unit's own representative is
        // counted, not said to have recused (since 0.26.0), in either language.
        #expect(notice.contains("（本单位代表 1 名）") && !notice.contains("回避）"))
        #expect(NoticeHTML.render(s, lang: .en).contains(" (1 representative of its own)"))
        let named = NoticeHTML.render(s, namesRepresentatives: true)
        for who in ["顾尚礼", "王秀兰", "李建国", "赵敏"] { #expect(named.contains(who)) }
        // 王秀兰 gave U1 2 and U2 1; 顾尚礼 belongs to U1 and is shown as recused there.
        // U1 ranks first, so its column comes first: U1 = 4 + 1 + (2 + 2.5 + 1) / 3 = 6.83 (R1's own
        // ballot set aside); U2 = (3 + (1 + 2 + 3) / 3) × 10 / 8 = 6.25 (s left out, area scaled up).
        // 王秀兰 gave U1 2 and U2 1; 顾尚礼 belongs to U1: his own unit there, no ballot for U2.
        #expect(named.contains("<td>王秀兰</td><td>一组</td><td class=\"num\">2</td><td class=\"num\">1</td>"))
        // Their own unit: 本单位 since 0.29.1 (it said 回避 also where their group did not hear it).
        #expect(named.contains("<td>顾尚礼</td><td>一组</td><td class=\"num\">本单位</td><td class=\"num\"></td>"))
        // The 说明 cell names the recusal briefly; the ballot set aside is in the table above.
        #expect(named.contains("回避：R1 顾尚礼（本单位代表）1 票不计</td>"), "\(named)")
        // As 0.21.0 wrote it (a seal it made is re-derived byte for byte): the ballots listed.
        var old = s
        old.report.writtenAs = ScoreReport.v0_21
        #expect(NoticeHTML.render(old, namesRepresentatives: true).contains("回避：R1 顾尚礼（本单位代表）1 票不计（"))
    }

    @Test("a standard left out of its area reads 不考核, not 0.00, with the reason")
    func notAssessed() throws {
        let s = try Self.hostile()
        let u2 = s.table.index(ofUnit: "U2")!
        let page = ScoreSheetHTML.page(s, unit: u2, medians: ReportHTML.areaMedians(s), lang: .zh).markup
        #expect(page.contains("<span class=\"na\">不考核</span>"))
        // The precondition `st > 0` as the sheet's reader sees it: the metric by its name (站).
        #expect(page.contains("前提条件 站 &gt; 0 不满足"))
        let en = ScoreSheetHTML.page(s, unit: u2, medians: ReportHTML.areaMedians(s), lang: .en).markup
        #expect(en.contains("<span class=\"na\">not assessed</span>"))
    }

    @Test("the report has the summary, then one page section per unit in rank order")
    func sections() throws {
        let s = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: Fixtures.packageRoot.path))
        let html = ReportHTML.render(s)
        #expect(html.components(separatedBy: "<section class=\"page landscape sheet\"").count - 1 == 9)
        #expect(html.components(separatedBy: "<section class=\"page landscape summary\"").count - 1 == 1)
        let first = html.range(of: "id=\"unit-X08\"")!, last = html.range(of: "id=\"unit-X01\"")!
        #expect(first.lowerBound < last.lowerBound)  // X08 ranks first, X01 last
        #expect(html.components(separatedBy: "考评委员会成员签字").count - 1 == 9)
        #expect(!html.contains("http"))
    }

    @Test("the report and the notice number their printed pages (第 2 页，共 54 页); the blank sheets, which number their own, and a 0.17.0 seal's pages do not")
    func pageNumbers() throws {
        var s = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: Fixtures.packageRoot.path))
        let zh = #"@bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页";"#
        let en = #"@bottom-center { content: "Page " counter(page) " of " counter(pages);"#
        #expect(ReportHTML.render(s).contains(zh) && NoticeHTML.render(s).contains(zh))
        #expect(ReportHTML.render(s, lang: .en).contains(en) && NoticeHTML.render(s, lang: .en).contains(en))
        // Portrait and landscape pages alike.
        #expect(ReportHTML.render(s).components(separatedBy: "@bottom-center").count - 1 == 2)
        let sheets = try SheetsCommandTests.set(schedule: true)
        #expect(!BallotSheetsHTML.render(sheets).contains("@bottom-center"))
        s.report.writtenAs = [0, 17, 0]
        #expect(!ReportHTML.render(s).contains("@bottom-center") && !NoticeHTML.render(s).contains("@bottom-center"))
    }
}
