import Foundation
import Testing
@testable import KaimenKit

/// Constructed panels: a perfect one raises nothing; a lenient rater, a harsher group and a
/// mark outside the corridor are each found, with a plain reason.
@Suite("Panel: flags on constructed panels")
struct PanelFlagsTests {
    /// Seven representatives in two groups, all hearing every unit.
    static let seven = ["一组", "一组", "一组", "一组", "二组", "二组", "二组"]

    @Test("a panel in perfect agreement raises no flag and no re-check, and alpha is 1")
    func perfect() throws {
        let s = try ConstructedPanel(groups: Self.seven) { _, u, item in ConstructedPanel.agreed(u, item) }.session()
        let p = PanelReport.analyse(s)
        #expect(p.flags.isEmpty)
        #expect(p.outliers.isEmpty)
        for r in p.raters {
            #expect(r.leniency?.points == .zero)
            // Every cell is all ties: each ballot counts 1/7 dropped low and 1/7 high, exactly chance.
            #expect(abs(r.trim.droppedLow - r.trim.chanceLow) < 1e-12)
            #expect(abs(r.trim.droppedHigh - r.trim.chanceHigh) < 1e-12)
            #expect(r.straight.straight == 0)
        }
        #expect(p.groups.allSatisfy { abs($0.offset) < 1e-12 })
        func one(_ x: Double?) -> Bool { x.map { abs($0 - 1) < 1e-12 } ?? false }
        #expect(one(p.agreement.overall.value))
        #expect(p.agreement.byItem.allSatisfy { one($0.value) })
        // Both groups scored alike: the ICC of each is 1 (no error at all).
        #expect(p.agreement.icc.allSatisfy { one($0.result?.single) && one($0.result?.average) })
    }

    @Test("a representative who scores every unit one step higher is flagged lenient, with the reason in Chinese")
    func lenient() throws {
        // R7 gives 1 point more on b1 (of 4) and 0.5 more on b2 (of 2): the others' consensus is
        // the agreed score, so R7's difference is +1 and +0.5 on every sheet: mean (6·1 + 6·0.5)/12
        // = 0.75 points; as shares (6·1/4 + 6·0.5/2)/12 = 0.25. The interval is [0.75, 0.75].
        let s = try ConstructedPanel(groups: Self.seven) { r, u, item in
            ConstructedPanel.agreed(u, item) + (r == 6 ? (item == "b1" ? dec("1") : dec("0.5")) : .zero)
        }.session()
        let p = PanelReport.analyse(s)
        let r7 = p.raters[6]
        #expect(r7.leniency?.points == dec("0.75"))
        #expect(abs((r7.leniency?.share ?? 0) - 0.25) < 1e-12)
        #expect(r7.flags.map(\.kind).contains(.lenient))
        #expect(r7.flags.first { $0.kind == .lenient }?.reason.zh == "R7 的评分平均比其他代表高 0.75 分（约为满分的 25%）")
        // Always the highest: dropped high in all 12 cells against 12/7 by chance.
        #expect(r7.trim.droppedHigh == 12)
        #expect(r7.flags.map(\.kind).contains(.trimmedHigh))
        // The table names the flags in the reader's language; JSON keeps the ids.
        let table = PanelTables.table(.raters, p, lang: .zh)
        #expect(table.rows[6].last?.string == "偏宽、常被去高", "\(String(describing: table.rows[6].last))")
        #expect(PanelTables.table(.raters, p, lang: .en).rows[6].last?.string == "lenient, often dropped high")
        // The others differ from a consensus that includes R7 only through trimming: R7 is always
        // dropped, so their consensus is still the agreed score and none is flagged lenient or harsh.
        for r in p.raters.prefix(6) { #expect(!r.flags.contains { $0.kind == .lenient || $0.kind == .harsh }) }
    }

    @Test("a group that scores one step lower is flagged, and its what-if centring is only a what-if")
    func groupOffset() throws {
        // 一组 (R1–R4) hears U1–U3, 二组 (R5–R8) hears U4–U6; every unit deserves the same
        // (2 on b1, 1 on b2), but 二组 gives 1 and 0.5: shares 0.5 against 0.25 on every ballot.
        // Overall (12·0.5 + 12·0.25 per unit-item…) = 0.375: 一组 +0.125, 二组 −0.125.
        let groups = ["一组", "一组", "一组", "一组", "二组", "二组", "二组", "二组"]
        let s = try ConstructedPanel(groups: groups) { r, u, item in
            let first = r < 4, heard = ["U1", "U2", "U3"].contains(u)
            guard first == heard else { return nil }
            return item == "b1" ? (first ? dec("2") : dec("1")) : (first ? dec("1") : dec("0.5"))
        }.session()
        let before = s.report.scores
        let p = PanelReport.analyse(s)
        #expect(abs(p.groups[0].offset - 0.125) < 1e-12)
        #expect(abs(p.groups[1].offset + 0.125) < 1e-12)
        #expect(p.groupFlags.map(\.group) == [0, 1])
        #expect(p.groupFlags[1].flag.reason.zh.hasPrefix("二组的评分平均比全体低满分的 1"))
        // Item offsets in points: b1 mean 1.5, so 一组 +0.5 and 二组 −0.5; b2 mean 0.75, ±0.25.
        #expect(p.groups[1].itemOffsets == [dec("-0.5"), dec("-0.25")])
        // Officially U1–U3 (3 points) rank above U4–U6 (1.5 points); centred, all six tie at 2.25.
        let w = try #require(p.whatIf)
        #expect(w.rows.map(\.officialRank) == [1, 1, 1, 4, 4, 4])
        #expect(w.rows.allSatisfy { $0.whatIfRank == 1 && $0.whatIfTotal == 225 })
        // The official result is untouched: the same table before and after, and a fresh run agrees.
        #expect(s.report.scores == before)
        #expect(try ConstructedPanel(groups: groups) { r, u, item in
            let first = r < 4, heard = ["U1", "U2", "U3"].contains(u)
            guard first == heard else { return nil }
            return item == "b1" ? (first ? dec("2") : dec("1")) : (first ? dec("1") : dec("0.5"))
        }.session().report.scores == before)
    }

    @Test("a mark further from the others' median than the corridor is listed for re-check")
    func corridorOutlier() throws {
        // R3 gives U2 3 on b1 where everyone else gives 1.5: 1.5 from the median of the others,
        // beyond the default corridor min(1.5, 25% × 4) = 1 point.
        let s = try ConstructedPanel(groups: Self.seven) { r, u, item in
            r == 2 && u == "U2" && item == "b1" ? dec("3") : ConstructedPanel.agreed(u, item)
        }.session()
        let p = PanelReport.analyse(s)
        #expect(p.outliers.count == 1)
        let o = try #require(p.outliers.first)
        #expect(p.data.representatives[o.representative].id == "R3")
        #expect(p.units[o.unit].id == "U2")
        #expect(o.medianOfOthers == dec("1.5") && o.distance == dec("1.5") && o.width == 1)
        #expect(p.cells.first { p.units[$0.unit].id == "U2" && $0.item == 0 }?.range == dec("1.5"))
    }

    @Test("a wider corridor in the rules lets the same mark pass")
    func corridorFromRules() throws {
        // corridor points 2, share 0.5: min(2, 0.5 × 4) = 2 > 1.5.
        var panel = ConstructedPanel(groups: Self.seven) { r, u, item in
            r == 2 && u == "U2" && item == "b1" ? dec("3") : ConstructedPanel.agreed(u, item)
        }
        panel.corridor = #", "corridor": { "points": 2, "share": 0.5 }"#
        let p = PanelReport.analyse(try panel.session())
        #expect(p.data.corridorWidth == [2, 1])
        #expect(p.outliers.isEmpty)
    }

    @Test("a corridor share above 1 is an error in the rules, at its place")
    func corridorShareOutOfRange() throws {
        var panel = ConstructedPanel(groups: Self.seven) { _, u, item in ConstructedPanel.agreed(u, item) }
        panel.corridor = #", "corridor": { "share": 25 }"#
        do {
            _ = try panel.session()
            Issue.record("a share of 25 was accepted")
        } catch {
            let d = error.diagnostics.first { $0.code == "out-of-range" }
            #expect(d != nil)
            #expect(d?.path == "ballots.corridor.share")
            #expect(d?.location?.line != nil)
        }
    }

    @Test("a representative who gives every sheet full marks is flagged for straight-lining")
    func straightLining() throws {
        let s = try ConstructedPanel(groups: Self.seven) { r, u, item in
            r == 0 ? (item == "b1" ? 4 : 2) : ConstructedPanel.agreed(u, item)
        }.session()
        let r1 = PanelReport.analyse(s).raters[0]
        #expect(r1.straight.straight == 6 && r1.straight.sheets == 6 && r1.straight.longestRun == 6)
        #expect(r1.flags.map(\.kind).contains(.straightLining))
        #expect(r1.flags.map(\.kind).contains(.identicalTotals))
    }

    @Test("the same score on every standard of a sheet counts as straight-lined too")
    func sameScoreEverywhere() throws {
        // R2 writes 1.5 everywhere: 1.5 of 4 and 1.5 of 2 are different shares but the same score.
        let s = try ConstructedPanel(groups: Self.seven) { r, u, item in r == 1 ? dec("1.5") : ConstructedPanel.agreed(u, item) }.session()
        let r2 = PanelReport.analyse(s, options: .init(resamples: 50)).raters[1]
        #expect(r2.straight.straight == 6)
        #expect(r2.flags.first { $0.kind == .straightLining }?.reason.zh == "R2 的 6 张评分表中有 6 张各项给分相同（同一分数或同一满分比例）")
    }

    @Test("the same seed gives the same intervals; another seed other draws")
    func seeded() throws {
        let s = try ConstructedPanel(groups: Self.seven) { r, u, item in
            // R2 and R5 stray by different amounts on different units.
            let stray: [String: Rational] = ["U1": dec("0.5"), "U2": dec("-0.5"), "U3": dec("1"), "U5": dec("-1")]
            return (ConstructedPanel.agreed(u, item) + (r == 1 || (r == 4 && item == "b1") ? stray[u] ?? .zero : .zero)).clamped(.zero, item == "b1" ? 4 : 2)
        }.session()
        let a = PanelReport.analyse(s, options: .init(seed: 7, resamples: 200))
        let b = PanelReport.analyse(s, options: .init(seed: 7, resamples: 200))
        let c = PanelReport.analyse(s, options: .init(seed: 8, resamples: 200))
        #expect(a.raters == b.raters && a.agreement == b.agreement)
        #expect(a.raters[1].leniency?.shareInterval != nil)
        #expect(a.agreement.overall.interval != nil)
        #expect(a.agreement.overall.interval != c.agreement.overall.interval)
    }
}

@Suite("Panel: with a schedule")
struct PanelScheduleTests {
    @Test("units heard come from the schedule, and a heard unit without a sheet is listed")
    func heardNotScored() throws {
        // 一组 hears U1–U6; R2 cast nothing for U4.
        let s = try ConstructedPanel(groups: PanelFlagsTests.seven) { r, u, item in
            r == 1 && u == "U4" ? nil : ConstructedPanel.agreed(u, item)
        }.session()
        let here = SourceLocation(file: "schedule.csv", line: 2, column: 1)
        let entries = ["一组", "二组"].flatMap { g in ConstructedPanel.units.map { Schedule.Entry(group: g, unit: $0, location: here) } }
        let p = PanelReport.analyse(s, schedule: Schedule(entries: entries), options: .init(resamples: 50))
        #expect(p.raters[1].unitsHeard == 6)
        #expect(p.raters[1].unitsNotScored.map { p.units[$0].id } == ["U4"])
        #expect(p.raters[0].unitsNotScored.isEmpty)
    }

    @Test("sheets are read in the order the units were heard: equal totals in a row by the schedule")
    func scheduleOrder() throws {
        // R1 gives 2 + 1 on U1, U3, U5 and the agreed scores elsewhere; heard in the order
        // U1, U3, U5, U2, U4, U6 the three equal totals are in a row, in file order they are not.
        let s = try ConstructedPanel(groups: PanelFlagsTests.seven) { r, u, item in
            r == 0 && ["U1", "U3", "U5"].contains(u) ? (item == "b1" ? dec("2") : dec("1")) : ConstructedPanel.agreed(u, item)
        }.session()
        let here = SourceLocation(file: "schedule.csv", line: 2, column: 1)
        let order = ["U1", "U3", "U5", "U2", "U4", "U6"]
        let entries = ["一组", "二组"].flatMap { g in order.map { Schedule.Entry(group: g, unit: $0, location: here) } }
        #expect(PanelReport.analyse(s, options: .init(resamples: 50)).raters[0].straight.longestRun == 1)
        #expect(PanelReport.analyse(s, schedule: Schedule(entries: entries), options: .init(resamples: 50)).raters[0].straight.longestRun == 3)
    }
}

@Suite("Panel: the re-check list on its own")
struct RecheckListTests {
    @Test("lists the corridor outlier with a plain sentence, in both languages")
    func sentence() throws {
        let s = try ConstructedPanel(groups: PanelFlagsTests.seven) { r, u, item in
            r == 2 && u == "U2" && item == "b1" ? dec("3") : ConstructedPanel.agreed(u, item)
        }.session()
        let list = RecheckList.of(s)
        #expect(list.count == 1)
        // The unit, item and representative by name as well (U2工会, b1名, 代表3: the fixture's names).
        #expect(list.first?.text.zh == "U2 U2工会 · b1名：R3 代表3 评 3 分，其他代表中位数 1.5 分，相差 1.5 分（超出 ±1 分）")
        #expect(list.first?.text.en == "U2 U2工会 · b1名: R3 代表3 gave 3, the others' median is 1.5, 1.5 apart (beyond ±1)")
    }
}

@Suite("Panel: number texts")
struct PanelNumberTests {
    @Test("fixed places, half away from zero, never minus zero")
    func numbers() {
        #expect(PanelMessages.number(-0.004) == "0.00")
        #expect(PanelMessages.number(1.5, places: 0) == "2")
        #expect(PanelMessages.number(-1.25, places: 1) == "-1.3")
        #expect(PanelMessages.number(0.125, places: 3) == "0.125")
        #expect(PanelMessages.number(12.5, places: 0) == "13")
        #expect(PanelMessages.number(.nan) == "0")
    }
}
