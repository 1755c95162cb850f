import Foundation
import Testing
@testable import KaimenKit

/// Areas, deductions, bonuses, vetoes and the weighted combination of ballots and metrics.
@Suite("Areas and totals: caps, deductions, bonuses, vetoes, weighted combine")
struct TotalsTests {
    @Test("a capped area counts at most its points")
    func cappedArea() throws {
        // Area 5 (capped) with x (4 points, 1 per unit) and y (3 points, 1 per unit).
        let rules = RulesText.make(
            metrics: RulesText.metric("x") + "," + RulesText.metric("y"),
            areas: RulesText.area("a", points: "5", capped: true),
            standards: RulesText.standard("x", area: "a", points: "4", #""method": "count", "metric": "x", "perUnit": 1"#) + ","
                + RulesText.standard("y", area: "a", points: "3", #""method": "count", "metric": "y", "perUnit": 1"#))
        let s = try TestSession(rules: rules, units: "id,name,x,y\nU1,甲,4,3\nU2,乙,1,1\nU3,丙,3,2\n").run()
        // U1: 4 + 3 = 7 → capped at 5
        #expect(s.area("U1", "a").earned == 7)
        #expect(s.area("U1", "a").subtotal == 5)
        // U2: 1 + 1 = 2, under the cap
        #expect(s.unit("U2").total == 2)
        // U3: 3 + 2 = 5, exactly the cap
        #expect(s.unit("U3").total == 5)
    }

    static let deductionRules = RulesText.make(
        metrics: RulesText.metric("x") + "," + RulesText.metric("late") + "," + RulesText.metric("y"),
        areas: RulesText.area("a", points: "5") + "," + RulesText.area("b", points: "5"),
        standards: RulesText.standard("x", area: "a", points: "5", #""method": "count", "metric": "x", "perUnit": 1"#) + ","
            + RulesText.standard("y", area: "b", points: "5", #""method": "count", "metric": "y", "perUnit": 1"#),
        more: #""deductions": [ { "id": "late", "area": "a", "name": "迟报", "criteria": "每次扣0.5分，最多扣3分。", "points": 3, "method": "count", "metric": "late", "perUnit": 0.5 } ],"#)

    @Test("a deduction is taken off its area, never below zero", arguments: [
        // (x, late, area a subtotal, deducted)
        ("4", "1", Rational(7, 2), Rational(1, 2)),  // 4 − 1 × 0.5 = 3.5
        ("4", "9", Rational(1), Rational(3)),        // 9 × 0.5 = 4.5 → capped at 3; 4 − 3 = 1
        ("1", "6", Rational(0), Rational(1)),        // 6 × 0.5 = 3 > 1: only 1 taken; 1 − 1 = 0, not −2
        ("0", "2", Rational(0), Rational(0)),        // nothing to take from
    ])
    func deduction(x: String, late: String, subtotal: Rational, deducted: Rational) throws {
        let s = try TestSession(rules: Self.deductionRules, units: "id,name,x,late,y\nU1,甲,\(x),\(late),5\n").run()
        #expect(s.area("U1", "a").subtotal == subtotal)
        #expect(s.area("U1", "a").deducted == deducted)
        // The other area is untouched: its 5 points are not used to absorb the deduction.
        #expect(s.area("U1", "b").subtotal == 5)
        #expect(s.unit("U1").total == subtotal + 5)
    }

    @Test("bonuses add up to at most the bonus cap")
    func bonusCap() throws {
        let rules = RulesText.make(
            metrics: [RulesText.metric("x"), RulesText.metric("g1", "flag"), RulesText.metric("g2", "flag")].joined(separator: ","),
            areas: RulesText.area("a", points: "10"),
            standards: RulesText.standard("x", area: "a", points: "10", #""method": "count", "metric": "x", "perUnit": 1"#),
            more: """
                "bonusCap": 3,
                "bonuses": [
                  { "id": "g1", "name": "五好", "criteria": "加2分。", "points": 2, "method": "presence", "metric": "g1" },
                  { "id": "g2", "name": "模范", "criteria": "加2分。", "points": 2, "method": "presence", "metric": "g2" } ],
                """)
        let s = try TestSession(rules: rules, units: "id,name,x,g1,g2\nU1,甲,6,1,1\nU2,乙,6,1,0\n").run()
        // U1: 2 + 2 = 4 → capped at 3; 6 + 3 = 9
        #expect(s.unit("U1").bonusEarned == 4)
        #expect(s.unit("U1").bonus == 3)
        #expect(s.unit("U1").total == 9)
        // U2: 2, under the cap; 6 + 2 = 8
        #expect(s.unit("U2").bonus == 2)
        #expect(s.unit("U2").total == 8)
    }

    static func vetoRules(_ veto: String) -> String {
        RulesText.make(
            metrics: RulesText.metric("x") + "," + RulesText.metric("acc"),
            areas: RulesText.area("a", points: "100"),
            standards: RulesText.standard("x", area: "a", points: "100", #""method": "count", "metric": "x", "perUnit": 1"#),
            more: #""vetoes": [ { "id": "veto.safety", "name": "重大安全事故", "when": "acc > 0", \#(veto) } ],"#)
    }

    @Test("a veto with grade and cap forces the grade and caps the total")
    func vetoGradeAndCap() throws {
        let s = try TestSession(rules: Self.vetoRules(#""grade": "不合格", "capTotal": 59"#), units: "id,name,x,acc\nU1,甲,95,1\nU2,乙,95,0\n").run()
        // U1: 95 → capped at 59; grade forced to 不合格
        #expect(s.unit("U1").exactTotal == 95)
        #expect(s.unit("U1").total == 59)
        #expect(s.unit("U1").grade == "不合格")
        #expect(s.unit("U1").vetoes == [0])
        // U2: no accident → 95, 优秀 (min 90)
        #expect(s.unit("U2").total == 95)
        #expect(s.unit("U2").grade == "优秀")
        #expect(s.unit("U2").vetoes.isEmpty)
    }

    @Test("a veto with only a grade leaves the total alone")
    func vetoGradeOnly() throws {
        let s = try TestSession(rules: Self.vetoRules(#""grade": "合格""#), units: "id,name,x,acc\nU1,甲,95,2\n").run()
        // 95 would be 优秀; the veto says 合格
        #expect(s.unit("U1").total == 95)
        #expect(s.unit("U1").grade == "合格")
        #expect(s.unit("U1").gradeForced)
    }

    @Test("a veto with only a cap lets the capped total decide the grade")
    func vetoCapOnly() throws {
        let s = try TestSession(rules: Self.vetoRules(#""capTotal": 85"#), units: "id,name,x,acc\nU1,甲,95,1\nU2,乙,70,1\n").run()
        // U1: min(95, 85) = 85 → 良好 (80 ≤ 85 < 90)
        #expect(s.unit("U1").total == 85)
        #expect(s.unit("U1").grade == "良好")
        #expect(!s.unit("U1").gradeForced)
        // U2: min(70, 85) = 70 → unchanged, 合格
        #expect(s.unit("U2").total == 70)
        #expect(s.unit("U2").grade == "合格")
    }

    @Test("weighted combine: ballots 40 %, metrics 60 %, each scaled from its own maximum")
    func weightedCombine() throws {
        // Area v: ballot standard b (5 points). Area m: presence p (10) and count c (5, 1 per unit).
        // Total 20; ballot maximum 5, metric maximum 15.
        // Ballot factor = 40% × 20 / 5 = 8/5 = 1.6; metric factor = 60% × 20 / 15 = 12/15 = 0.8.
        let rules = RulesText.make(
            metrics: RulesText.metric("p", "flag") + "," + RulesText.metric("c"),
            areas: RulesText.area("v", points: "5") + "," + RulesText.area("m", points: "15"),
            standards: [#"{ "id": "b", "area": "v", "name": "评议", "criteria": "打分。", "points": 5, "method": "ballot" }"#,
                        RulesText.standard("p", area: "m", points: "10", #""method": "presence", "metric": "p""#),
                        RulesText.standard("c", area: "m", points: "5", #""method": "count", "metric": "c", "perUnit": 1"#)].joined(separator: ","),
            more: #""ballots": { "aggregate": "mean", "minBallots": 1, "combine": { "mode": "weighted", "ballots": 40, "metrics": 60 } },"#)
        let ballots = "representative,unit,standard,score\nR1,U1,b,2\nR2,U1,b,3\nR1,U2,b,5\n"
        let s = try TestSession(rules: rules, units: "id,name,p,c\nU1,甲,1,2\nU2,乙,1,5\n", ballots: ballots).run()
        // U1: ballots mean (2 + 3)/2 = 2.5 → 2.5 × 1.6 = 4; metrics 10 + 2 = 12 → 12 × 0.8 = 9.6; total 13.6
        #expect(s.points("U1", "b") == 4)
        #expect(s.standard("U1", "b").raw == dec("2.5"))
        #expect(s.points("U1", "p") == 8)                 // 10 × 0.8
        #expect(s.points("U1", "c") == dec("1.6"))        // 2 × 0.8
        #expect(s.unit("U1").total == dec("13.6"))
        #expect(s.unit("U1").ballotPoints == 4)
        // U2: everything full: 5 × 1.6 + 15 × 0.8 = 8 + 12 = 20, the rules' total
        #expect(s.unit("U2").total == 20)
        #expect(s.area("U2", "v").maxPoints == 8)         // 5 × 1.6
        #expect(s.area("U2", "m").maxPoints == 12)        // 15 × 0.8
    }
}
