import Foundation
import Testing
@testable import KaimenKit

/// Flags decided exactly, with enough ballots, and the groups section saying what is true.
/// Every expected number is worked out by hand in the comments.
@Suite("Panel: exact thresholds, too few ballots, groups without ballots")
struct PanelThresholdTests {
    /// 一组 (R1–R4) hears U1–U3 and gives 60% of the maximum (b1 2.4 of 4, b2 1.2 of 2); 二组
    /// (R5–R8) hears U4–U6 and gives 40% (1.6 and 0.8). 24 ballots each: overall 50%, offsets
    /// exactly +10% and −10%. In binary 0.6 − 0.5 is 0.09999999999999998, and only 二组 was flagged.
    static func symmetric() throws -> ScoringSession {
        let groups = ["一组", "一组", "一组", "一组", "二组", "二组", "二组", "二组"]
        return try ConstructedPanel(groups: groups) { r, u, item in
            let first = r < 4, heard = ["U1", "U2", "U3"].contains(u)
            guard first == heard else { return nil }
            return dec(item == "b1" ? (first ? "2.4" : "1.6") : (first ? "1.2" : "0.8"))
        }.session()
    }

    @Test("two groups exactly 10% above and below the mean are both flagged (|offset| ≥ 10%), named 组别偏差 in the table")
    func symmetricGroups() throws {
        let s = try Self.symmetric()
        let p = PanelReport.analyse(s, options: .init(resamples: 100))
        #expect(p.groups.map(\.exactOffset) == [Rational(1, 10), Rational(-1, 10)])
        #expect(p.groupFlags.map(\.group) == [0, 1])
        let zh = PanelTables.groups(p, lang: .zh), en = PanelTables.groups(p, lang: .en)
        #expect(zh.rows.map { $0.last?.string } == ["组别偏差", "组别偏差"])
        #expect(en.rows.map { $0.last?.string } == ["group offset", "group offset"])
        #expect(!PanelHTML.document(p, title: "t", lang: .zh).contains("groupOffset"))
        #expect(!PanelRender.text(p, title: "t", lang: .en).contains("groupOffset"))
        // JSON keeps the id in its flags.
        #expect(PanelRender.json(p, title: "t", lang: .zh).contains("\"kind\": \"groupOffset\""))
        // A report sealed before 0.29.0 is written again as it was: in binary only one of the two
        // (here 一组: its sums of 0.6 and 0.5 round the other way) reached 10%.
        let legacy = PanelReport.analyse(s, options: .init(resamples: 100, legacy: true))
        #expect(legacy.groupFlags.map(\.group) == [0])
        #expect(PanelTables.groups(legacy, lang: .zh).rows.map { $0.last?.string } == ["groupOffset", ""])
    }

    @Test("a representative compared on 2 ballots of one unit is not flagged, and the table says 票数太少")
    func tooFew() throws {
        // R4 scores only U1, 1.5 above everyone on b1 and 0.5 on b2: differences +1.5 and +0.5, a
        // share of (1.5/4 + 0.5/2)/2 = 31.25%, both bootstrap means positive. 2 ballots, 1 unit.
        let s = try ConstructedPanel(groups: ["一组", "一组", "一组", "一组"]) { r, u, item in
            if r == 3 { return u == "U1" ? ConstructedPanel.agreed(u, item) + dec(item == "b1" ? "1.5" : "0.5") : nil }
            return ConstructedPanel.agreed(u, item)
        }.session()
        let p = PanelReport.analyse(s, options: .init(resamples: 100))
        let r4 = p.raters[3]
        let l = try #require(r4.leniency)
        #expect(l.compared == 2 && l.units == 1 && l.exactShare == Rational(5, 16))
        #expect(r4.flags.isEmpty && r4.leniencyTooFew)
        #expect(PanelTables.raters(p, lang: .zh).rows[3].last?.string == "票数太少")
        #expect(PanelTables.raters(p, lang: .en).rows[3].last?.string == "too few ballots")
        #expect(PanelRender.text(p, title: "t", lang: .zh).contains("R4 可比较的评分只有 2 票、1 个单位（至少要 6 票、2 个单位），票数太少，不判断宽严"))
        #expect(p.raters.prefix(3).allSatisfy { !$0.leniencyTooFew })
        // Before 0.29.0 two ballots were enough to flag.
        #expect(PanelReport.analyse(s, options: .init(resamples: 100, legacy: true)).raters[3].flags.map(\.kind) == [.lenient])
    }

    @Test("two groups on the roster but ballots from one: the section says so, and the empty group is blank, not 0.0")
    func oneGroupWithBallots() throws {
        let s = try ConstructedPanel(groups: ["一组", "一组", "一组", "二组"]) { r, u, item in
            r == 3 ? nil : ConstructedPanel.agreed(u, item)
        }.session()
        let p = PanelReport.analyse(s, options: .init(resamples: 100))
        let zh = PanelRender.text(p, title: "t", lang: .zh), en = PanelRender.text(p, title: "t", lang: .en)
        #expect(zh.contains("名册有 2 个组，但只有一组有计入的评分，不做分组比较"))
        #expect(!zh.contains("名册只有一个组"))
        #expect(en.contains("the roster has 2 groups, but only group 一组 has counted ballots: no group comparison"))
        let row = PanelTables.groups(p, lang: .zh).rows[1]
        #expect(row[3].string == "0" && row[4].string == "" && row[5].string == "")
        // One group on the roster: the old sentence, which is then true.
        let single = try ConstructedPanel(groups: ["一组", "一组", "一组"]) { _, u, item in ConstructedPanel.agreed(u, item) }.session()
        #expect(PanelRender.text(PanelReport.analyse(single, options: .init(resamples: 100)), title: "t", lang: .zh).contains("名册只有一个组，不做分组比较"))
    }

    @Test("half of the sheets straight-lined is flagged (at least half), decided in whole numbers")
    func straightHalf() {
        var s = StraightLining()
        s.sheets = 4; s.straight = 2
        #expect(s.isFlaggedStraight)
        s.straight = 1
        #expect(!s.isFlaggedStraight)
    }

    @Test("trimming: exactly twice chance and exactly 3 more is flagged, compared as fractions")
    func trimmedBoundary() {
        var t = TrimShare()
        // Dropped 6 against a chance of 3 (twice, and 3 more): flagged. In thirds: 6 against 3.
        t.exactDroppedLow = Rational(6); t.exactChanceLow = Rational(3)
        t.exactDroppedHigh = Rational(6); t.exactChanceHigh = Rational(31, 10)
        let side = t.flaggedSide()
        #expect(side.low && !side.high)
    }
}
