import Foundation
import Testing
@testable import KaimenKit

@Suite("sensitivity: rank ranges and fragile flags")
struct SensitivityTests {
    /// One area of 10 points: `s1` presence of `f` (6 points), `s2` a ballot (4 points), ballots
    /// averaged (mean, no minimum). 优秀 from 8.6, 良好 from 5.
    static let rules = RulesText.make(
        metrics: RulesText.metric("f", "flag"),
        areas: RulesText.area("a", points: "10"),
        standards: RulesText.standard("s1", area: "a", points: "6", #""method": "presence", "metric": "f""#)
            + "," + RulesText.standard("s2", area: "a", points: "4", #""method": "ballot""#),
        grades: #"[ { "name": "优秀", "min": 8.6 }, { "name": "良好", "min": 5 }, { "name": "合格" } ]"#,
        more: #""ballots": { "aggregate": "mean", "minBallots": 1 },"#)

    /// U1 gets 4 from everyone: 6 + 4 = 10, far ahead.
    /// U2 gets 4 from R1 and 2.5 from R2–R5: 6 + (4 + 4 × 2.5) / 5 = 6 + 2.8 = 8.8 (优秀).
    /// U3 gets 2.5 from everyone: 6 + 2.5 = 8.5 (良好).
    /// Without R1, U2 also averages 2.5: 8.5, 良好, tied with U3 at rank 2.
    static func session() throws -> ScoringSession {
        var ballots = "representative,unit,standard,score\n"
        for r in 1...5 {
            ballots += "R\(r),U1,s2,4\n"
            ballots += "R\(r),U2,s2,\(r == 1 ? "4" : "2.5")\n"
            ballots += "R\(r),U3,s2,2.5\n"
        }
        return try TestSession(rules: rules, units: "id,name,category,f\nU1,一,企业,1\nU2,二,企业,1\nU3,三,企业,1\n", ballots: ballots).run()
    }

    static let leaveOneOut = Scenario.Variation(weightPercent: 0, aggregation: false, leaveOneOut: true, bootstrap: false)

    @Test("a flagged share never reads as at or below the threshold it is flagged above")
    func aboveThreshold() {
        // 21 of 200 = 10.5%: rounded it would read 10% (or 11% half-up, 10% by largest remainder).
        #expect(SensitivityExport.aboveThreshold("10%", 21, of: 200, threshold: 10) == "10.5%")
        // 2001 of 20000 = 10.005%: 10.0 and 10.01 half-up → 10.01%.
        #expect(SensitivityExport.aboveThreshold("10%", 2001, of: 20000, threshold: 10) == "10.01%")
        // 20001 of 200000 = 10.0005%: 10.0, 10.00, 10.001 → 10.001%.
        #expect(SensitivityExport.aboveThreshold("10%", 20001, of: 200000, threshold: 10) == "10.001%")
        // 200001 of 2000000 = 10.00005%: even three decimals read 10.000 → `>10%`.
        #expect(SensitivityExport.aboveThreshold("10%", 200001, of: 2000000, threshold: 10) == ">10%")
        // 25 of 200 = 12.5% reads 13%: left as it is.
        #expect(SensitivityExport.aboveThreshold("13%", 25, of: 200, threshold: 10) == "13%")
    }

    @Test("grade shares are whole percents that add up to 100, by largest remainder (worked by hand)")
    func sharesAddUp() throws {
        // 1, 3, 4 of 8: 12.5, 37.5, 50. Rounded one by one, 13 + 38 + 50 = 101. Floors 12, 37, 50
        // leave 1 point; the remainders are .5, .5, 0: the first of the equal ones takes it.
        #expect(SensitivityExport.percents([1, 3, 4], of: 8) == [13, 37, 50])
        // 1, 1, 1 of 3: 33.3 each, 99 rounded one by one; the first takes the point left.
        #expect(SensitivityExport.percents([1, 1, 1], of: 3) == [34, 33, 33])
        // 2, 1 of 3: 66.7, 33.3: floors 66, 33; remainders 2/3 and 1/3: the first.
        #expect(SensitivityExport.percents([2, 1], of: 3) == [67, 33])
        // 1, 199 of 200: 0.5, 99.5: floors 0, 99; equal remainders: the first, 1 + 99.
        #expect(SensitivityExport.percents([1, 199], of: 200) == [1, 99])
        // 1, 0, 999 of 1000: 0.1 → 0 (shown <1%), 99.9 → 100.
        #expect(SensitivityExport.percents([1, 0, 999], of: 1000) == [0, 0, 100])
        #expect(SensitivityExport.percents([200, 0, 0], of: 200) == [100, 0, 0])
        #expect(SensitivityExport.percents([0, 0], of: 0) == [0, 0])
        #expect(SensitivityExport.shareItems(["优秀", "良好", "合格"], [1, 0, 999], of: 1000) == ["优秀 <1%", "合格 100%"])
        #expect(SensitivityExport.shareItems(["优秀", "良好", "合格"], [1, 3, 4], of: 8) == ["优秀 13%", "良好 37%", "合格 50%"])
        // The grade flag's share: 100 less the actual grade's, 87% beside 优秀 13% (7/8 = 87.5
        // rounded alone would read 88%).
        func unit(_ grade: String, _ counts: [Int]) -> Sensitivity.UnitRange {
            let n = counts.reduce(0, +), actual = ["优秀", "良好", "合格"].firstIndex(of: grade)!
            return Sensitivity.UnitRange(unit: "U", name: "甲", category: "", actualRank: 1, actualGrade: grade, rankLow: 1, rankHigh: 1,
                                         rankBest: 1, rankWorst: 1, gradeCounts: counts, gradeChanges: n - counts[actual], quotaChanges: nil,
                                         gradeFragile: true, quotaFragile: false)
        }
        var s = Sensitivity.run(try Self.session(), count: 1, seed: 1, variation: Self.leaveOneOut)
        s.grades = ["优秀", "良好", "合格"]
        s.scenarioCount = 8
        #expect(SensitivityExport.gradeFlag(s, unit("优秀", [1, 3, 4]))?.text == "87%")
        s.scenarioCount = 1000
        #expect(SensitivityExport.gradeFlag(s, unit("合格", [1, 0, 999]))?.text == "<1%")
        #expect(SensitivityExport.gradeFlag(s, unit("优秀", [1, 0, 999]))?.text == ">99%")
        // The tester's X06: 良好 897, 合格 103 of 1000, threshold 10. Whole: 89.7 → 89, 10.3 → 10,
        // the point left to the larger remainder (.7): 良好 90, so the flag 100 − 90 = 10 is not
        // above 10. One decimal: 897 + 103 = 1000 tenths, the flag 1000 − 897 = 103 → 10.3%, and
        // the shares beside it at one decimal too: 89.7% and 10.3% (before: 90% and 10%).
        let x06 = unit("良好", [0, 897, 103])
        #expect(SensitivityExport.gradeFlag(s, x06)! == ("10.3%", 1))
        #expect(SensitivityExport.shares(s, x06, .zh) == "良好 89.7%、合格 10.3%")
        #expect(SensitivityExport.percents([0, 897, 103], of: 1000, places: 1) == [0, 897, 103])
        // 179 and 21 of 200 (89.5%, 10.5%): whole, equal remainders give 良好 90, flag 10; one
        // decimal: 895 and 105 tenths, flag 10.5%.
        s.scenarioCount = 200
        let half = unit("良好", [0, 179, 21])
        #expect(SensitivityExport.gradeFlag(s, half)! == ("10.5%", 1))
        #expect(SensitivityExport.shares(s, half, .en) == "良好 89.5%, 合格 10.5%")
        // 1 of 3 at one decimal: 33.3 each is 333 tenths, 1 left to the first: 33.4, 33.3, 33.3.
        #expect(SensitivityExport.percents([1, 1, 1], of: 3, places: 1) == [334, 333, 333])
        #expect(SensitivityExport.decimal(334, places: 1) == "33.4" && SensitivityExport.decimal(5, places: 2) == "0.05")
    }

    @Test("a unit far ahead keeps its rank in every scenario and is not flagged")
    func farAhead() throws {
        let s = try Self.session()
        for variation in [Self.leaveOneOut, Scenario.Variation()] {
            let r = Sensitivity.run(s, count: 200, seed: 7, variation: variation)
            let u1 = try #require(r.units.first { $0.unit == "U1" })
            #expect((u1.actualRank, u1.rankLow, u1.rankHigh, u1.rankBest, u1.rankWorst) == (1, 1, 1, 1, 1))
            #expect(u1.gradeCounts == [200, 0, 0])
            #expect(!u1.gradeFragile && !u1.quotaFragile)
        }
    }

    @Test("two units separated by one representative's ballot: leaving that representative out moves them")
    func oneBallotApart() throws {
        let s = try Self.session()
        #expect(s.orderedIDs == ["U1", "U2", "U3"])
        // Seven scenarios leave out R1 … R7 in turn (R6 and R7 cast no ballots). Only without
        // R1 do U2 and U3 tie (8.5 each, sharing rank 2), and U2 drops to 良好: 1 of 7 ≈ 14% > 10%.
        let r = Sensitivity.run(s, count: 7, seed: 1, variation: Self.leaveOneOut)
        let u2 = try #require(r.units.first { $0.unit == "U2" }), u3 = try #require(r.units.first { $0.unit == "U3" })
        #expect(u2.gradeCounts == [6, 1, 0])
        #expect(u2.gradeChanges == 1)
        #expect(u2.gradeFragile)
        #expect((u2.rankBest, u2.rankWorst) == (2, 2))
        // U3: ranks 2, 3, 3, 3, 3, 3, 3 → 5% is the 1st of 7 (2), 95% the 7th (3).
        #expect((u3.actualRank, u3.rankLow, u3.rankHigh, u3.rankBest) == (3, 2, 3, 2))
        #expect(u3.gradeCounts == [0, 7, 0])
        #expect(!u3.gradeFragile)
        // No grade has a quota.
        #expect(r.quotaGrade == nil && u2.quotaChanges == nil)
        // With a threshold of 20%, one scenario in seven is not fragile.
        #expect(!Sensitivity.run(s, count: 7, seed: 1, variation: Self.leaveOneOut, fragilePercent: 20).units[1].gradeFragile)
    }

    @Test("the same seed gives the same result; scenarios are drawn reproducibly")
    func reproducible() throws {
        let s = try Self.session()
        let a = Sensitivity.run(s, count: 300, seed: 42, variation: Scenario.Variation())
        let b = Sensitivity.run(s, count: 300, seed: 42, variation: Scenario.Variation())
        #expect(a.units == b.units)
        let areaMax = [dec("10"), dec("20"), dec("5")]
        let x = Scenario.draw(50, seed: 9, variation: Scenario.Variation(weightPercent: 20), areaMax: areaMax, representatives: 5)
        #expect(x == Scenario.draw(50, seed: 9, variation: Scenario.Variation(weightPercent: 20), areaMax: areaMax, representatives: 5))
        #expect(x != Scenario.draw(50, seed: 10, variation: Scenario.Variation(weightPercent: 20), areaMax: areaMax, representatives: 5))
        for scenario in x {
            // Renormalised: the maximum total stays 35; each weight within ±20% before scaling.
            #expect(zip(scenario.areaWeights, areaMax).reduce(Rational.zero) { $0 + $1.0 * $1.1 } == dec("35"))
        }
        // Even scenarios leave out representatives in turn, odd ones draw a bootstrap sample of 5.
        #expect(x[0].representatives == .leaveOut(0) && x[2].representatives == .leaveOut(1))
        guard case .bootstrap(let counts) = x[1].representatives else { Issue.record("not a bootstrap"); return }
        #expect(counts.reduce(0, +) == 5)
    }

    @Test("with nothing varied, every scenario reproduces the actual result on the Xicheng sample")
    func frozenMatchesActual() throws {
        let root = Fixtures.packageRoot.path
        let s = try ScoringSession.run(.init(rules: "rules/xicheng-2014.jsonc", units: "samples/xicheng-2014/units.csv",
                                             roster: "samples/xicheng-2014/roster.csv", ballots: "samples/xicheng-2014/ballots.csv",
                                             baseDirectory: root))
        let none = Scenario.Variation(weightPercent: 0, aggregation: false, leaveOneOut: false, bootstrap: false)
        let r = Sensitivity.run(s, count: 3, seed: 1, variation: none)
        for u in r.units {
            #expect((u.rankLow, u.rankHigh, u.gradeChanges, u.quotaChanges) == (u.actualRank, u.actualRank, 0, 0))
        }
    }

    @Test("the command prints rank ranges for the Xicheng sample, and an HTML page with the chart")
    func command() throws {
        let args = ["sensitivity", "--rules", "rules/xicheng-2014.jsonc", "--units", "samples/xicheng-2014/units.csv",
                    "--roster", "samples/xicheng-2014/roster.csv", "--ballots", "samples/xicheng-2014/ballots.csv", "--scenarios", "40"]
        let console = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(args, console: console) == .success, "\(console.stderr)")
        #expect(console.stdout.contains("排名区间（5%–95%）"))
        for id in ["X01", "X05", "X09"] { #expect(console.stdout.contains("\n\(id) ")) }
        #expect(console.stdout.contains("40 个情景（种子 1）"))
        let again = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        _ = CLI.run(args, console: again)
        #expect(again.stdout == console.stdout)
        let html = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(args + ["--format", "html"], console: html) == .success)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<svg viewBox="))
        #expect(html.stdout.contains("<circle"))
        let bad = BufferConsole(currentDirectory: Fixtures.packageRoot.path)
        #expect(CLI.run(args + ["--vary", "wieghts"], console: bad) == .usage)
        #expect(bad.stderr.contains("是不是 `weights`？"))
    }
}
